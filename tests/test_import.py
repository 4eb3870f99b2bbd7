"""`import annlib` loads numpy and nothing heavier, does nothing visible, and names its lazy modules."""

import subprocess
import sys


def run(code):
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)


def test_import_is_light_and_silent():
    result = run(
        "import sys, annlib\n"
        "heavy = ('sympy', 'matplotlib', 'ipywidgets', 'IPython', 'nbformat', 'nbclient')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print(heavy)"
    )
    assert result.stdout.strip() == "[]"
    assert result.stderr == ""


def test_heavy_modules_load_on_first_use():
    result = run("import sys, annlib\nannlib.plotting\nprint('matplotlib' in sys.modules, 'sympy' in sys.modules)")
    assert result.stdout.strip() == "True False"


def test_numpy_core_modules_import_nothing_heavy():
    import pathlib

    core = pathlib.Path(__file__).parent.parent / "annlib"
    for path in core.glob("*.py"):
        if path.stem in ("cli", "__main__"):
            continue
        text = path.read_text()
        for heavy in (
            "import sympy",
            "import matplotlib",
            "import ipywidgets",
            "from matplotlib",
            "from sympy",
            "import IPython",
            "from IPython",
        ):
            assert heavy not in text, f"{path.name} has '{heavy}'"


def test_unknown_attribute_is_an_attribute_error():
    result = run("import annlib\ntry:\n    annlib.nonexistent\nexcept AttributeError as e:\n    print(e)")
    assert "module 'annlib' has no attribute 'nonexistent'" in result.stdout


def test_the_numpy_core_loads_the_progress_display_only_inside_fit():
    import ast
    import pathlib

    core = pathlib.Path(__file__).parent.parent / "annlib"
    for path in core.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in tree.body:  # module level: what `import annlib` runs
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("annlib.widgets", "annlib.plotting")), path.name
