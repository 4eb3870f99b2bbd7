"""annlib grade against hostile and broken submissions: never fooled, never stopped.

All submissions are built from the released fixture notebook (tests/fixtures/grading/source) and graded
in one batch, the way an instructor would; each test then reads its own record.
"""

import copy
import hashlib
import json
from pathlib import Path

import pytest

from annlib.grading.grade import grade_all
from annlib.grading.release import release
from annlib.grading.sandbox import check

SOURCE = Path(__file__).parent / "fixtures" / "grading" / "source"
TIMEOUT = 3.0

SIGMOID = "def sigmoid(z):\n    return 1.0 / (1.0 + np.exp(-z))"
SQUARE_SUM = "def square_sum(x):\n    return float(np.sum(np.asarray(x, dtype=float) ** 2))"
WRONG_SIGMOID = "def sigmoid(z):\n    return z"
WRONG_SQUARE_SUM = "def square_sum(x):\n    return 0.0"


def code_cell(source):
    return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}


def index_of(nb, grade_id):
    return next(i for i, c in enumerate(nb["cells"]) if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)


def submit(root, student, filename, content):
    """Put one student's file where the grader finds it: root/submitted/<student>/<filename>."""
    path = root / "submitted" / student / filename
    path.parent.mkdir(parents=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content))
    return path


def answer(nb, sigmoid=SIGMOID, square_sum=SQUARE_SUM):
    nb = copy.deepcopy(nb)
    nb["cells"][index_of(nb, "sigmoid")]["source"] = sigmoid
    nb["cells"][index_of(nb, "square_sum")]["source"] = square_sum
    return nb


def insert_after(nb, grade_id, source):
    nb["cells"].insert(index_of(nb, grade_id) + 1, code_cell(source))
    return nb


def edited_tests_with_fake_outputs(nb):
    nb = answer(nb, WRONG_SIGMOID, WRONG_SQUARE_SUM)
    for gid in ("test_sigmoid", "test_square_sum"):
        cell = nb["cells"][index_of(nb, gid)]
        cell["source"] = "pass"
        cell["execution_count"] = 7
        cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "all cases passed\n"}]
    return nb


def deleted_tests(nb):
    nb = answer(nb)
    nb["cells"] = [c for c in nb["cells"] if not c["metadata"].get("nbgrader", {}).get("grade")]
    return nb


def moved_and_duplicated_tests(nb):
    nb = answer(nb)
    moved = nb["cells"].pop(index_of(nb, "test_square_sum"))
    nb["cells"].insert(0, moved)
    nb["cells"].insert(0, copy.deepcopy(nb["cells"][index_of(nb, "test_sigmoid")]))
    return nb


def duplicated_solution(nb):
    nb = answer(nb)
    stub = copy.deepcopy(nb["cells"][index_of(nb, "sigmoid")])
    stub["source"] = "def sigmoid(z):\n    # YOUR CODE HERE\n    raise NotImplementedError()"
    nb["cells"].insert(index_of(nb, "sigmoid"), stub)  # the stub first, the pasted answer below it
    return nb


def sys_modules_trick(nb):
    nb = answer(nb, WRONG_SIGMOID, WRONG_SQUARE_SUM)
    nb["cells"].insert(
        0,
        code_cell(
            "import sys, types\nfake = types.ModuleType('fixture_checks')\n"
            "fake.check_sigmoid = fake.check_square_sum = lambda f: print('all cases passed')\n"
            "sys.modules['fixture_checks'] = fake"
        ),
    )
    return nb


CASES = {
    "correct": lambda nb: answer(nb),
    "untouched": lambda nb: nb,
    "wrong": lambda nb: answer(nb, WRONG_SIGMOID, WRONG_SQUARE_SUM),
    "edited_tests_fake_outputs": edited_tests_with_fake_outputs,
    "numpy_errors_raise": lambda nb: answer(nb, SIGMOID + "\nnp.seterr(all='raise')", SQUARE_SUM),
    "patched_builtin": lambda nb: answer(
        nb, SIGMOID, WRONG_SQUARE_SUM + "\nimport builtins\nbuiltins.abs = lambda v: 0"
    ),
    "patched_numpy": lambda nb: answer(
        nb,
        WRONG_SIGMOID + "\nnp.allclose = lambda *a, **k: True\nnp.testing.assert_allclose = lambda *a, **k: None",
        SQUARE_SUM,
    ),
    "patched_checks_module": lambda nb: answer(
        nb,
        WRONG_SIGMOID,
        WRONG_SQUARE_SUM + "\nimport fixture_checks\n"
        "fixture_checks.check_sigmoid = fixture_checks.check_square_sum = lambda f: None",
    ),
    "rebound_check_names": lambda nb: answer(
        nb, WRONG_SIGMOID + "\ncheck_sigmoid = lambda f: None", WRONG_SQUARE_SUM + "\ncheck_square_sum = print"
    ),
    "swapped_check_code": lambda nb: answer(
        nb,
        SIGMOID,
        WRONG_SQUARE_SUM + "\nimport fixture_checks\n"
        "fixture_checks.check_square_sum.__code__ = (lambda f: None).__code__",
    ),
    "sys_modules_trick": sys_modules_trick,
    "patches_while_checked": lambda nb: answer(
        nb, SIGMOID, "def square_sum(x):\n    import builtins\n    builtins.abs = lambda v: 0\n    return 0.0"
    ),
    "input_transformer": lambda nb: answer(
        nb, SIGMOID, WRONG_SQUARE_SUM + "\nget_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])"
    ),
    "deleted_tests": deleted_tests,
    "moved_and_duplicated_tests": moved_and_duplicated_tests,
    "duplicated_solution": duplicated_solution,
    "warns": lambda nb: answer(
        nb,
        "import warnings, sys\n\ndef sigmoid(z):\n    warnings.warn('sigmoid: large inputs', RuntimeWarning)\n"
        "    print('to stderr', file=sys.stderr)\n    return 1.0 / (1.0 + np.exp(-z))",
        SQUARE_SUM,
    ),
    "endless_loop": lambda nb: answer(nb, "def sigmoid(z):\n    while True:\n        pass", SQUARE_SUM),
    "loop_ignoring_interrupts": lambda nb: insert_after(
        answer(nb),
        "sigmoid",
        "import time\nwhile True:\n    try:\n        time.sleep(0.01)\n    except KeyboardInterrupt:\n        pass",
    ),
    "kernel_exit": lambda nb: insert_after(answer(nb), "sigmoid", "import os\nos._exit(3)"),
    "segfault": lambda nb: insert_after(
        answer(nb), "sigmoid", "import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)"
    ),
    "system_exit_in_check": lambda nb: answer(nb, SIGMOID, "def square_sum(x):\n    raise SystemExit(0)"),
    "kernel_exit_in_check": lambda nb: answer(nb, SIGMOID, "def square_sum(x):\n    import os\n    os._exit(1)"),
}
SWALLOW_ERRORS = """
ip = get_ipython()
real_run_cell = ip.run_cell
def run_cell(*args, **kwargs):
    result = real_run_cell(*args, **kwargs)
    result.error_in_exec = None  # report every cell as a success
    return result
ip.run_cell = run_cell
"""
FORGE_DONE = """
def square_sum(x):
    import linecache
    for lines in list(linecache.cache.values()):
        text = "".join(lines[2]) if isinstance(lines, tuple) and len(lines) > 2 else ""
        for line in text.splitlines():
            if line.startswith('"annlib-done '):
                get_ipython().run_cell(line)
    return 0.0
"""
# Attacks on the grader itself, by someone who has read annlib/grading.
CASES.update(
    {
        "patched_ipykernel_class": lambda nb: answer(
            nb,
            WRONG_SIGMOID,
            WRONG_SQUARE_SUM + "\nfrom ipykernel.ipkernel import IPythonKernel\n"
            "IPythonKernel.do_execute = lambda *a, **k: None",
        ),
        "swallowed_errors": lambda nb: answer(nb, WRONG_SIGMOID + SWALLOW_ERRORS, WRONG_SQUARE_SUM),
        "forged_end_of_cell": lambda nb: answer(nb, SIGMOID + SWALLOW_ERRORS, FORGE_DONE),
    }
)
BROKEN = {
    "malformed_json": '{"cells": [',
    "not_a_notebook": json.dumps({"hello": "world"}),
    "wrong_nbformat": json.dumps({"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [], "cells": []}),
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00",
}


@pytest.fixture(
    scope="module",
    params=[
        pytest.param("bwrap", marks=pytest.mark.skipif(check() is not None, reason=f"no sandbox here: {check()}")),
        "none",
    ],
)
def graded(tmp_path_factory, request):
    """Every case graded in one batch, in the bubblewrap sandbox and without one: the in-kernel defences
    must hold either way."""
    root = tmp_path_factory.mktemp("grading")
    release(SOURCE, root / "release")
    student_nb = json.loads((root / "release" / "ex_fixture.ipynb").read_text())
    paths = [submit(root, name, "ex_fixture.ipynb", build(copy.deepcopy(student_nb))) for name, build in CASES.items()]
    paths += [submit(root, name, "ex_fixture.ipynb", content) for name, content in BROKEN.items()]
    paths.append(submit(root, "unknown_notebook", "ex_other.ipynb", answer(student_nb)))
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    records = grade_all(paths, SOURCE, timeout=TIMEOUT, jobs=2, sandbox=request.param)
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    return {r["student"]: r for r in records}, before, after


def cell(record, grade_id):
    return next(c for c in record["cells"] if c["grade_id"] == grade_id)


def points(record):
    return {c["grade_id"]: c["points"] for c in record["cells"]}


def test_every_submission_gets_a_record(graded, request):
    records, _, _ = graded
    assert set(records) == set(CASES) | set(BROKEN) | {"unknown_notebook"}
    for record in records.values():
        assert set(record) == {"submission", "student", "notebook", "score", "max_score", "cells", "error", "sandbox"}
    assert {record["sandbox"] for record in records.values()} == {request.node.callspec.params["graded"]}


def test_submissions_on_disk_are_never_modified(graded):
    _, before, after = graded
    assert before == after


def test_correct_solution_earns_every_automatic_point(graded):
    record = graded[0]["correct"]
    assert points(record) == {"test_sigmoid": 2.0, "test_square_sum": 3.0, "explain": 0.0}
    assert record["score"] == 5.0 and record["max_score"] == 6.0 and record["error"] is None
    assert cell(record, "explain")["status"] == "manual"


def test_untouched_stub_scores_zero_with_a_clear_message(graded):
    record = graded[0]["untouched"]
    assert record["score"] == 0.0
    assert "NotImplementedError" in cell(record, "test_sigmoid")["feedback"]


def test_wrong_answer_gets_the_checks_message(graded):
    record = graded[0]["wrong"]
    assert record["score"] == 0.0
    assert cell(record, "test_square_sum")["status"] == "failed"
    assert "square_sum([1, 2, 3]) returned 0.0, expected 14.0" in cell(record, "test_square_sum")["feedback"]


def test_edited_test_cells_and_fake_outputs_earn_nothing(graded):
    record = graded[0]["edited_tests_fake_outputs"]
    assert record["score"] == 0.0
    assert cell(record, "test_sigmoid")["status"] == "failed"


@pytest.mark.parametrize("case", ["patched_builtin", "swapped_check_code"])
def test_patches_made_before_the_check_are_undone(graded, case):
    record = graded[0][case]
    assert points(record)["test_sigmoid"] == 2.0  # the honest part still counts
    assert points(record)["test_square_sum"] == 0.0
    assert "expected 14.0" in cell(record, "test_square_sum")["feedback"]


def test_patched_numpy_comparisons_are_undone(graded):
    record = graded[0]["patched_numpy"]
    assert points(record)["test_sigmoid"] == 0.0
    assert cell(record, "test_sigmoid")["feedback"].startswith("CheckFailed: sigmoid(")  # np.allclose was real
    assert points(record)["test_square_sum"] == 3.0


@pytest.mark.parametrize("case", ["patched_checks_module", "rebound_check_names", "sys_modules_trick"])
def test_replaced_checks_earn_nothing(graded, case):
    record = graded[0][case]
    assert record["score"] == 0.0
    assert {c["status"] for c in record["cells"] if c["grade_id"] != "explain"} == {"failed"}


def test_patching_while_being_checked_is_caught(graded):
    record = graded[0]["patches_while_checked"]
    assert points(record) == {"test_sigmoid": 2.0, "test_square_sum": 0.0, "explain": 0.0}
    assert cell(record, "test_square_sum")["status"] in ("tampered", "failed")


@pytest.mark.parametrize("case", ["patched_ipykernel_class", "swallowed_errors", "forged_end_of_cell"])
def test_attacks_on_the_grader_itself_earn_nothing(graded, case):
    record = graded[0][case]
    assert record["score"] == 0.0
    if case != "patched_ipykernel_class":  # that patch breaks the kernel (timeouts); the others are caught
        assert cell(record, "test_square_sum")["status"] == "tampered"


def test_rewriting_cells_through_ipython_hooks_earns_nothing(graded):
    record = graded[0]["input_transformer"]
    assert points(record)["test_sigmoid"] == 2.0
    assert points(record)["test_square_sum"] == 0.0


@pytest.mark.parametrize("case", ["deleted_tests", "moved_and_duplicated_tests", "duplicated_solution"])
def test_deleted_moved_duplicated_cells_cannot_change_the_score(graded, case):
    record = graded[0][case]
    assert points(record) == {"test_sigmoid": 2.0, "test_square_sum": 3.0, "explain": 0.0}
    assert record["error"] is None


def test_a_correct_answer_that_warns_keeps_its_points(graded):
    assert points(graded[0]["warns"])["test_sigmoid"] == 2.0


def test_numpy_error_settings_are_put_back_before_a_check(graded):
    assert graded[0]["numpy_errors_raise"]["score"] == 5.0


def test_an_endless_loop_costs_only_its_cell(graded):
    record = graded[0]["endless_loop"]
    assert cell(record, "test_sigmoid")["status"] == "timeout"
    assert points(record)["test_square_sum"] == 3.0


def test_a_loop_that_ignores_interrupts_is_stopped_and_the_rest_graded(graded):
    record = graded[0]["loop_ignoring_interrupts"]
    assert points(record) == {"test_sigmoid": 2.0, "test_square_sum": 3.0, "explain": 0.0}
    assert "restarted" in record["error"]


@pytest.mark.parametrize("case", ["kernel_exit", "segfault"])
def test_a_dying_kernel_is_reported_and_grading_goes_on(graded, case):
    record = graded[0][case]
    assert "kernel died" in record["error"]
    assert points(record) == {"test_sigmoid": 2.0, "test_square_sum": 3.0, "explain": 0.0}


def test_a_kernel_dying_inside_a_check_costs_that_cell_only(graded):
    record = graded[0]["kernel_exit_in_check"]
    assert points(record) == {"test_sigmoid": 2.0, "test_square_sum": 0.0, "explain": 0.0}
    assert cell(record, "test_square_sum")["status"] == "kernel died"
    assert "cell 'test_square_sum'" in record["error"]


def test_system_exit_inside_a_check_scores_zero_for_that_cell_only(graded):
    record = graded[0]["system_exit_in_check"]
    assert points(record)["test_sigmoid"] == 2.0
    assert cell(record, "test_square_sum")["status"] == "error"


@pytest.mark.parametrize(
    "case, message",
    [
        ("malformed_json", "malformed JSON"),
        ("not_a_notebook", "not a notebook"),
        ("wrong_nbformat", "unsupported nbformat 3"),
        ("binary", "not UTF-8"),
        ("unknown_notebook", "no source notebook named ex_other.ipynb"),
    ],
)
def test_broken_files_get_a_record_with_a_clear_error(graded, case, message):
    record = graded[0][case]
    assert message in record["error"]
    assert record["score"] == 0.0


ANNLIB_SOURCE = Path(__file__).parent / "fixtures" / "grading" / "with_annlib_checks"
ANNLIB_CASES = {
    "correct": SIGMOID,
    "wrong": WRONG_SIGMOID,
    "patched_package": WRONG_SIGMOID + "\nimport annlib.checks\nannlib.checks.check_sigmoid = lambda f: None",
    "patched_module_and_sys_modules": WRONG_SIGMOID
    + (
        "\nimport sys, types, annlib.checks.neuron\nannlib.checks.neuron.check_sigmoid = lambda f: None\n"
        "fake = types.ModuleType('annlib.checks')\nfake.check_sigmoid = lambda f: print('✓ sigmoid')\n"
        "sys.modules['annlib.checks'] = fake\ncheck_sigmoid = fake.check_sigmoid"
    ),
}


@pytest.fixture(scope="module")
def graded_with_annlib_checks(tmp_path_factory):
    root = tmp_path_factory.mktemp("annlib_checks")
    release(ANNLIB_SOURCE, root / "release")
    student_nb = json.loads((root / "release" / "ex_neuron.ipynb").read_text())
    paths = []
    for name, answer_source in ANNLIB_CASES.items():
        nb = copy.deepcopy(student_nb)
        nb["cells"][index_of(nb, "sigmoid")]["source"] = answer_source
        paths.append(submit(root, name, "ex_neuron.ipynb", nb))
    return {r["student"]: r for r in grade_all(paths, ANNLIB_SOURCE, timeout=20, jobs=2)}


def test_annlib_checks_grade_a_correct_answer(graded_with_annlib_checks):
    assert graded_with_annlib_checks["correct"]["score"] == 2.0
    assert "expected 0.5, got 0" in cell(graded_with_annlib_checks["wrong"], "test_sigmoid")["feedback"]


@pytest.mark.parametrize("case", ["patched_package", "patched_module_and_sys_modules"])
def test_patched_annlib_checks_earn_nothing(graded_with_annlib_checks, case):
    record = graded_with_annlib_checks[case]
    assert record["score"] == 0.0
    assert cell(record, "test_sigmoid")["status"] == "failed"
    assert "expected 0.5, got 0" in cell(record, "test_sigmoid")["feedback"]
