"""The supported versions, said once: pyproject.toml's lower bounds are what constraints/oldest.txt pins.

`make test-oldest` runs the whole suite with constraints/oldest.txt; these tests keep that file and the
bounds a learner's pip sees from drifting apart, and keep every package annlib imports declared.
"""

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Import name -> distribution name, where they differ.
DISTRIBUTIONS = {"IPython": "ipython", "PIL": "pillow"}


def _normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _lower_bounds():
    """{distribution: version} for every `name>=version` in [project] dependencies and the test extra."""
    text = (ROOT / "pyproject.toml").read_text()
    bounds = {}
    for section in ("dependencies = [", "test = ["):
        block = text[text.index(section) : text.index("]", text.index(section))]
        for name, version in re.findall(r'"([A-Za-z0-9_.-]+)>=([0-9][0-9.]*)(?:,<[0-9.]+)?"', block):
            bounds[_normalise(name)] = version
    return bounds


def _pins():
    pins = {}
    for line in (ROOT / "constraints" / "oldest.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[_normalise(name)] = version
    return pins


def test_every_lower_bound_is_pinned_in_the_oldest_constraints():
    bounds = _lower_bounds()
    assert len(bounds) >= 10 and bounds["numpy"]  # the parse found the lists
    assert _pins() == bounds


def test_every_package_annlib_imports_is_declared():
    declared = set(_lower_bounds())
    imported = set()
    for path in (ROOT / "annlib").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported if name not in sys.stdlib_module_names and name != "annlib"}
    assert {"numpy", "sympy", "matplotlib", "ipywidgets"} <= third_party
    missing = {name for name in third_party if _normalise(DISTRIBUTIONS.get(name, name)) not in declared}
    assert not missing, f"imported by annlib but not declared in pyproject.toml: {sorted(missing)}"
