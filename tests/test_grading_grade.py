"""annlib grade: the plan of cells, students from folders, the gradebook files and the command line."""

import copy
import csv
import json
from pathlib import Path

import pytest

from annlib.cli import main
from annlib.grading.grade import Step, find_submissions, grade_submission, instructor_imports, plan, student_name
from annlib.grading.gradebook import to_csv, write_csv, write_json
from annlib.grading.notebook import Node, read_notebook, read_source_notebook

SOURCE = Path(__file__).parent / "fixtures" / "grading" / "source"
SIGMOID = "def sigmoid(z):\n    return 1.0 / (1.0 + np.exp(-z))"


def cell(source, gid=None, **flags):
    metadata = {}
    if gid is not None:
        metadata["nbgrader"] = {
            "schema_version": 3,
            "grade": False,
            "solution": False,
            "locked": False,
            "grade_id": gid,
            **flags,
        }
    return Node(cell_type="code", source=source, metadata=metadata)


def notebook(*cells):
    return Node(cells=list(cells), metadata={}, nbformat=4, nbformat_minor=5)


SOURCE_NB = notebook(
    cell("import numpy as np", "setup", locked=True),
    cell("answer", "a", solution=True),
    cell("check(a)", "t", grade=True, points=1),
    cell("free cell"),
)


def kinds(steps):
    return [(s.kind, s.source) for s in steps]


def test_plan_takes_instructor_cells_from_the_source_and_answers_from_the_submission():
    submitted = notebook(
        cell("EDITED", "setup", locked=True),
        cell("mine", "a", solution=True),
        cell("pass", "t", grade=True, points=1),
        cell("my free cell"),
    )
    assert kinds(plan(SOURCE_NB, submitted)) == [
        ("locked", "import numpy as np"),
        ("student", "mine"),
        ("graded", "check(a)"),
        ("student", "my free cell"),
    ]


def test_plan_restores_deleted_and_ignores_duplicated_or_moved_test_cells():
    submitted = notebook(
        cell("pass", "t", grade=True, points=1),
        cell("mine", "a", solution=True),
        cell("pass", "t", grade=True, points=1),
    )
    assert kinds(plan(SOURCE_NB, submitted)) == [
        ("locked", "import numpy as np"),
        ("student", "mine"),
        ("graded", "check(a)"),
    ]


def test_plan_runs_every_copy_of_a_pasted_solution_cell_in_the_learners_order():
    submitted = notebook(cell("first", "a", solution=True), cell("helper"), cell("second", "a", solution=True))
    steps = plan(SOURCE_NB, submitted)
    assert kinds(steps)[1:4] == [("student", "first"), ("student", "second"), ("student", "helper")]


def test_plan_runs_cells_added_before_every_marked_cell_first():
    submitted = notebook(cell("added on top"), cell("mine", "a", solution=True))
    assert kinds(plan(SOURCE_NB, submitted))[0] == ("student", "added on top")


def test_plan_counts_a_forged_grade_id_as_an_ordinary_cell():
    submitted = notebook(cell("mine", "a", solution=True), cell("print(1)", "bonus", grade=True, points=100))
    steps = plan(SOURCE_NB, submitted)
    assert Step("student", "print(1)", after="'a'") in steps
    assert [s.grade_id for s in steps if s.kind == "graded"] == ["t"]


def test_instructor_imports_are_read_from_locked_cells_only():
    assert instructor_imports(read_source_notebook(SOURCE / "ex_fixture.ipynb")) == ["fixture_checks", "numpy"]


@pytest.mark.parametrize(
    "parts, expected",
    [
        (("submitted", "alice", "ps1", "ex.ipynb"), "alice"),
        (("collected", "bob", "ex.ipynb"), "bob"),
    ],
)
def test_the_student_is_named_by_the_folder(tmp_path, parts, expected):
    assert student_name(tmp_path.joinpath(*parts)) == expected


def test_find_submissions_searches_folders_and_skips_checkpoints(tmp_path):
    for part in ("a/ex.ipynb", "b/ex.ipynb", "b/.ipynb_checkpoints/ex-checkpoint.ipynb"):
        (tmp_path / part).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / part).write_text("{}")
    assert [p.relative_to(tmp_path).as_posix() for p in find_submissions([tmp_path])] == ["a/ex.ipynb", "b/ex.ipynb"]
    with pytest.raises(FileNotFoundError, match="no such file"):
        find_submissions([tmp_path / "missing"])


RECORDS = [
    {
        "submission": "s/bob/ex.ipynb",
        "student": "bob",
        "notebook": "ex.ipynb",
        "score": 2.0,
        "max_score": 5.0,
        "cells": [{"grade_id": "t", "points": 2.0, "max_points": 5.0, "status": "passed", "feedback": ""}],
        "error": None,
    },
    {
        "submission": "s/al/ex.ipynb",
        "student": "al",
        "notebook": "ex.ipynb",
        "score": 0.0,
        "max_score": 5.0,
        "cells": [],
        "error": "not a notebook",
    },
]


def test_gradebook_files_are_written_whole(tmp_path):
    write_json(RECORDS, tmp_path / "book" / "grades.json")
    write_csv(RECORDS, tmp_path / "book" / "grades.csv")
    assert json.loads((tmp_path / "book" / "grades.json").read_text()) == RECORDS
    rows = list(csv.DictReader((tmp_path / "book" / "grades.csv").open()))
    assert [(r["student"], r["score"], r["error"]) for r in rows] == [
        ("al", "0.0", "not a notebook"),
        ("bob", "2.0", ""),
    ]
    assert sorted(p.name for p in (tmp_path / "book").iterdir()) == ["grades.csv", "grades.json"]


def test_csv_has_a_row_per_student_and_notebook():
    assert to_csv(RECORDS).splitlines()[0] == "student,notebook,score,max_score,error,submission,sandbox"


@pytest.fixture(scope="module")
def submissions(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    from annlib.grading.release import release

    release(SOURCE, root / "release")
    student = json.loads((root / "release" / "ex_fixture.ipynb").read_text())
    answered = copy.deepcopy(student)
    for c in answered["cells"]:
        if c["metadata"].get("nbgrader", {}).get("grade_id") == "sigmoid":
            c["source"] = SIGMOID
    for name, nb in (("ada", answered), ("bo", student)):
        (root / "submitted" / name / "ps1").mkdir(parents=True)
        (root / "submitted" / name / "ps1" / "ex_fixture.ipynb").write_text(json.dumps(nb))
    return root


def test_grade_command_writes_the_gradebook_and_shows_progress(submissions, capsys):
    out = submissions / "out"
    status = main(
        [
            "grade",
            str(submissions / "submitted"),
            "--source",
            str(SOURCE),
            "--json",
            str(out / "g.json"),
            "--csv",
            str(out / "g.csv"),
            "--timeout",
            "20",
            "--jobs",
            "2",
        ]
    )
    assert status == 0  # a student scoring 0 is not a failure of the tool
    records = {r["student"]: r for r in json.loads((out / "g.json").read_text())}
    assert (records["ada"]["score"], records["bo"]["score"]) == (2.0, 0.0)
    assert [r["student"] for r in csv.DictReader((out / "g.csv").open())] == ["ada", "bo"]
    progress = capsys.readouterr().err
    assert "ada/ex_fixture.ipynb: 2/6" in progress and "[2/2]" in progress


def test_grading_without_the_fork_server_gives_the_same_record(submissions):
    path = submissions / "submitted" / "ada" / "ps1" / "ex_fixture.ipynb"
    record = grade_submission(path, SOURCE, timeout=20)  # a kernel started by jupyter_client
    assert record["score"] == 2.0 and record["error"] is None
    assert read_notebook(path)["cells"]  # still a readable notebook, untouched


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--source", "no/such/folder"], "source folder"),
        (["--timeout", "0"], "--timeout must be > 0"),
        (["--jobs", "0"], "--jobs must be >= 1"),
    ],
)
def test_grade_command_fails_cleanly_on_bad_arguments(submissions, capsys, argv, message):
    args = ["grade", str(submissions / "submitted")] + argv
    if "--source" not in argv:
        args += ["--source", str(SOURCE)]
    assert main(args) == 1
    assert message in capsys.readouterr().err


def test_a_broken_source_notebook_stops_the_batch_before_it_starts(submissions, tmp_path, capsys):
    source = json.loads((SOURCE / "ex_fixture.ipynb").read_text())
    for c in source["cells"]:
        if c["metadata"].get("nbgrader", {}).get("grade_id") == "test_sigmoid":
            c["metadata"]["nbgrader"]["grade_id"] = "sigmoid"
    (tmp_path / "ex_fixture.ipynb").write_text(json.dumps(source))
    assert main(["grade", str(submissions / "submitted"), "--source", str(tmp_path)]) == 1
    assert "duplicate grade_id 'sigmoid'" in capsys.readouterr().err


def test_grading_goes_on_when_the_fork_server_is_gone(submissions, monkeypatch):
    from annlib.grading import grade as grading

    def gone(self, cwd):
        raise RuntimeError("the kernel fork server stopped")

    monkeypatch.setattr(grading.ForkServer, "kernel", gone)
    path = submissions / "submitted" / "ada" / "ps1" / "ex_fixture.ipynb"
    [record] = grading.grade_all([path], SOURCE, timeout=20, jobs=1, sandbox="none")
    assert record["score"] == 2.0 and record["error"] is None
    assert record["sandbox"] == "none"


EXERCISE = Path(__file__).resolve().parent.parent / "exercises" / "source" / "ex01_neuron.ipynb"


def with_answers(nb, **sources):
    """The notebook with the solution cell defining each named function replaced by the given source."""
    nb = copy.deepcopy(nb)
    for function, source in sources.items():
        [c] = [
            c
            for c in nb["cells"]
            if c["metadata"].get("nbgrader", {}).get("solution") and f"def {function}(" in "".join(c["source"])
        ]
        c["source"] = source
    return nb


OWN_ERRORS = {
    # a bracket left open; a later part that calls this earlier function gets the same cause, not its hint
    "syntax": {
        "weighted_sum": "def weighted_sum(x, w, b):\n    z = np.dot(x, w) + b\n    return float(z\n",
        "neuron_output": "def neuron_output(X, w, b):\n    z = np.array([weighted_sum(x, w, b) for x in X])\n"
        "    return sigmoid(z)\n",
    },
    "indentation": {"sigmoid": "def sigmoid(z):\nreturn 1 / (1 + np.exp(-z))\n"},
    "name": {"sigmoid": "scale = 1.0\nshift = scale * offest\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"},
    # raised inside annlib's own code (the check's wrapper): only the learner's line is quoted
    "through_annlib": {
        "sigmoid": "check_sigmoid(lambda z: z, tolerance=1)\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"
    },
    "long_message": {"sigmoid": "def sigmoid(z):\n    raise ValueError('z is ' + 'far too big ' * 300)\n"},
}


@pytest.fixture(scope="module")
def own_errors(tmp_path_factory):
    root = tmp_path_factory.mktemp("own_errors")
    source = json.loads(EXERCISE.read_text())
    (root / "source").mkdir()
    (root / "source" / EXERCISE.name).write_text(json.dumps(source))
    paths = []
    for student, answers in OWN_ERRORS.items():
        (root / student).mkdir()
        (root / student / EXERCISE.name).write_text(json.dumps(with_answers(source, **answers)))
        paths.append(root / student / EXERCISE.name)
    from annlib.grading.grade import grade_all

    records = grade_all(paths, root / "source", timeout=30, jobs=2)
    write_json(records, root / "grades.json")
    return {
        r["student"]: {c["grade_id"].replace("ex01-", "").replace("-test", ""): c for c in r["cells"]}
        for r in json.loads((root / "grades.json").read_text())
    }


def test_a_syntax_error_is_reported_in_the_learners_cell_with_no_unrelated_hint(own_errors):
    cells = own_errors["syntax"]
    cause = "your cell defining weighted_sum raised SyntaxError: '(' was never closed (line 3: return float(z)"
    assert (cells["weighted-sum"]["status"], cells["weighted-sum"]["feedback"]) == ("error", cause)
    assert (cells["neuron-output"]["status"], cells["neuron-output"]["feedback"]) == ("error", cause)
    assert cells["neuron-output"]["points"] == 0.0 and cells["sigmoid"]["status"] == "passed"


def test_an_indentation_error_and_a_name_error_of_the_learners_own(own_errors):
    assert own_errors["indentation"]["sigmoid"]["feedback"] == (
        "your cell defining sigmoid raised IndentationError: expected an indented block after function definition "
        "on line 1 (line 2: return 1 / (1 + np.exp(-z)))"
    )
    assert own_errors["name"]["sigmoid"]["feedback"] == (
        "your cell defining sigmoid raised NameError: name 'offest' is not defined (line 2: shift = scale * offest)"
    )


def test_only_the_learners_own_line_is_quoted(own_errors):
    feedback = own_errors["through_annlib"]["sigmoid"]["feedback"]
    assert feedback.startswith("your cell defining sigmoid raised TypeError: ")
    assert feedback.endswith("(line 1: check_sigmoid(lambda z: z, tolerance=1))")
    assert "return func(" not in feedback and feedback.count("(line ") == 1


def test_a_long_message_keeps_the_checks_hint(own_errors):
    from annlib.checks import check_sigmoid

    def sigmoid(z):
        raise ValueError("z is " + "far too big " * 300)

    with pytest.raises(AssertionError) as failure:
        check_sigmoid(sigmoid)
    hint = failure.value.hint
    assert hint
    feedback = own_errors["long_message"]["sigmoid"]["feedback"]
    assert feedback.startswith("CheckFailed: sigmoid: raised ValueError: z is far too big")
    assert feedback.endswith(f"\n  hint: {hint}") and len(feedback) <= 2100


def test_feedback_splits_into_message_and_hint_and_finds_the_cell_that_should_define_a_name():
    from annlib.grading import feedback

    assert feedback.split("CheckFailed: f: wrong\n  hint: do this\n  and that") == (
        "CheckFailed: f: wrong",
        "do this and that",
    )
    assert feedback.split("NameError: name 'f' is not defined") == ("NameError: name 'f' is not defined", "")
    long = feedback.join("m" * 5000, "the hint")
    assert long.endswith("...\n  hint: the hint") and len(long) < 2000
    assert feedback.undefined_name("NameError", "name 'sigmoid' is not defined") == "sigmoid"
    assert feedback.undefined_name("CheckFailed", "f: raised NameError: name 'g' is not defined (line 2: g())") == "g"
    assert feedback.undefined_name("TypeError", "name 'g' is not defined") is None
    assert feedback.defines("%time x = 1\ndef f(z):\n    y = 2\n    return y", "f")
    assert not feedback.defines("def f(z):\n    y = 2\n    return y", "y")  # a local name
    assert feedback.defines("w, b = 1, (2\ndef g(:", "b") and feedback.defines("def g(z:\n  pass", "g")
    assert feedback.defines("from numpy import exp as e\nfor i in range(3):\n    k = i", "e")
    assert not feedback.defines("print(sigmoid(1))", "sigmoid")


def test_a_cell_stopped_at_the_time_limit_is_named_as_the_cause(tmp_path):
    from annlib.grading.release import release

    release(SOURCE, tmp_path / "release")
    nb = json.loads((tmp_path / "release" / "ex_fixture.ipynb").read_text())
    for c in nb["cells"]:
        if c["metadata"].get("nbgrader", {}).get("grade_id") == "sigmoid":
            c["source"] = "import time\ntime.sleep(60)\n" + SIGMOID
    (tmp_path / "slow").mkdir()
    (tmp_path / "slow" / "ex_fixture.ipynb").write_text(json.dumps(nb))
    record = grade_submission(tmp_path / "slow" / "ex_fixture.ipynb", SOURCE, timeout=2)
    [sigmoid] = [c for c in record["cells"] if c["grade_id"] == "test_sigmoid"]
    assert (sigmoid["status"], sigmoid["feedback"]) == (
        "error",
        "your cell defining sigmoid was stopped after the 2 s limit per cell",
    )


def test_one_rule_copies_the_support_files_for_grading_and_progress(tmp_path):
    import annlib.progress
    from annlib.grading import DEFAULT_TIMEOUT, grade
    from annlib.grading.grade import copy_support_files

    folder, target = tmp_path / "source", tmp_path / "copy"
    for name in ("data.csv", ".secret", "ex01.ipynb", "helpers/util.py", "helpers/.hidden", "helpers/ex.ipynb",
                 "helpers/__pycache__/util.pyc", "__pycache__/x.pyc", ".git/config"):  # fmt: skip
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(name)
    target.mkdir()
    copy_support_files(folder, target)
    copied = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    assert copied == ["data.csv", "helpers/util.py"]
    assert not hasattr(annlib.progress, "_support_files") and not hasattr(grade, "_copy_support_files")
    assert grade.DEFAULT_TIMEOUT is annlib.progress.DEFAULT_TIMEOUT is DEFAULT_TIMEOUT
