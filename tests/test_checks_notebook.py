"""In a notebook, a check cell's NameError names the learner's own cell that did not compile."""

import nbformat
from nbclient import NotebookClient

from annlib.checks.notebook import why_undefined


def test_the_latest_cell_defining_the_name_is_blamed_when_it_does_not_compile():
    cells = ["", "import numpy as np", "def sigmoid(z):\n    return 1 / (1 + np.exp(-z)", "check(sigmoid)"]
    note = why_undefined("sigmoid", cells)
    assert "In [2]" in note and "SyntaxError" in note and "line 2" in note


def test_a_cell_that_compiles_or_a_name_never_defined_gets_no_note():
    assert why_undefined("sigmoid", ["", "def sigmoid(z):\n    return z"]) is None
    assert why_undefined("sigmoid", ["", "x = 1"]) is None
    assert why_undefined(None, ["", "def f(:"]) is None


def _run(sources):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    NotebookClient(notebook, kernel_name="python3", allow_errors=True, timeout=120).execute()
    return notebook.cells


def _traceback(cell):
    errors = [output for output in cell.outputs if output.output_type == "error"]
    return "\n".join(errors[0].traceback) if errors else ""


def test_in_a_kernel_the_check_cell_names_the_broken_cell_after_any_check_has_run():
    cells = _run(
        [
            "import numpy as np\nfrom annlib.checks import check_sigmoid",
            "check_sigmoid(lambda z: 1 / (1 + np.exp(-z)))",
            "def sigmoid(z):\n    return 1 / (1 + np.exp(-z)",
            "check_sigmoid(sigmoid)",
        ]
    )
    text = _traceback(cells[3])
    assert "NameError" in text and "In [3]" in text and "SyntaxError" in text


def test_without_the_watch_python_s_own_error_stands_alone():
    cells = _run(["def sigmoid(z):\n    return 1 / (1 + z", "sigmoid(1)"])
    text = _traceback(cells[1])
    assert "NameError" in text and "In [1]" not in text
