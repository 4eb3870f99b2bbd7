"""annlib progress: the learner's notebooks run with their visible checks, as a table; their files untouched.

The expected parts and totals come from the notebooks' own nbgrader metadata (grade_id, points), so the
tests follow the exercises as parts are added.
"""

import html
import json
import os
import shutil
from pathlib import Path

import pytest

from annlib.cli import main
from annlib.progress import HIDDEN_NOTE, Progress, progress

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "exercises" / "source"
STUDENT = ROOT / "exercises" / "student"


def graded_cells(path):
    """(grade_id, points) of every graded cell, read straight from the file."""
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    meta = [c.get("metadata", {}).get("nbgrader", {}) for c in cells]
    return [(m["grade_id"], float(m["points"])) for m in meta if m.get("grade")]


def expected(folder):
    return {p.name: graded_cells(p) for p in sorted(Path(folder).glob("*.ipynb"))}


def snapshot(folder):
    """Every file's bytes and modification time (in nanoseconds)."""
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def copy_folder(source, target):
    shutil.copytree(source, target, copy_function=shutil.copy2, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return target


def run_and_check_untouched(folder, **options):
    before = snapshot(folder)
    result = progress(folder, jobs=2, **options)
    after = snapshot(folder)
    assert after.keys() == before.keys(), "progress added or removed files in the learner's folder"
    for path in before:
        assert after[path][0] == before[path][0], f"progress changed the bytes of {path.name}"
        assert after[path][1] == before[path][1], f"progress changed the modification time of {path.name}"
    return result


@pytest.fixture(scope="module")
def source_run(tmp_path_factory):
    folder = copy_folder(SOURCE, tmp_path_factory.mktemp("source") / "source")
    return folder, run_and_check_untouched(folder)


@pytest.fixture(scope="module")
def student_run(tmp_path_factory):
    folder = copy_folder(STUDENT, tmp_path_factory.mktemp("student") / "student")
    return folder, run_and_check_untouched(folder)


def parts_by_notebook(result):
    return {e.notebook: [(p.grade_id, p.points) for p in e.parts] for e in result.exercises}


def test_source_notebooks_pass_every_part(source_run):
    folder, result = source_run
    want = expected(folder)
    assert parts_by_notebook(result) == want
    failing = [(e.notebook, p.title, p.result) for e in result.exercises for p in e.parts if not p.passed]
    assert failing == []
    total = sum(points for parts in want.values() for _, points in parts)
    assert result.points == result.max_points == total
    n_parts = sum(len(parts) for parts in want.values())
    assert f"{total:g} of {total:g} points: {n_parts} of {n_parts} parts pass" in result.text()
    assert HIDDEN_NOTE in result.text()


def test_parts_are_named_by_the_heading_above_their_check(source_run):
    _, result = source_run
    for exercise in result.exercises:
        assert exercise.title.startswith("Exercise "), exercise.title
        for part in exercise.parts:
            assert part.title.startswith("Part "), (exercise.notebook, part.title)
            assert "points)" not in part.title and "point)" not in part.title


def test_student_notebooks_have_nothing_written_yet(student_run):
    folder, result = student_run
    want = expected(folder)
    assert parts_by_notebook(result) == want
    statuses = {(e.notebook, p.grade_id): p.result for e in result.exercises for p in e.parts}
    assert set(statuses.values()) == {"not written yet"}, statuses
    total = sum(points for parts in want.values() for _, points in parts)
    assert (result.points, result.max_points) == (0, total)
    assert f"total: 0 of {total:g} points" in result.text()
    assert result.sandbox in ("bwrap", "none")


def solution_cell(nb, function):
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell.get("metadata", {}).get("nbgrader", {}).get("solution") and f"def {function}(" in source:
            return cell
    raise LookupError(f"no solution cell defines {function}")


def test_a_wrong_answer_shows_the_checks_message_and_its_hint(tmp_path):
    import numpy as np

    from annlib.checks import CheckFailed, check_sigmoid

    nb = json.loads((SOURCE / "ex01_neuron.ipynb").read_text(encoding="utf-8"))
    wrong = "def sigmoid(z):\n    return 1 / (1 + np.exp(z))"
    solution_cell(nb, "sigmoid")["source"] = wrong
    (tmp_path / "ex01_neuron.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    with pytest.raises(CheckFailed) as failure:
        check_sigmoid(lambda z: 1 / (1 + np.exp(z)))
    first_line = f"{failure.value.check}: {failure.value.message}"
    assert failure.value.hint, "the check names this mistake"

    result = run_and_check_untouched(tmp_path)
    [exercise] = result.exercises
    [sigmoid] = [p for p in exercise.parts if p.result.startswith("sigmoid")]
    assert (sigmoid.status, sigmoid.result, sigmoid.hint) == ("failed", first_line, failure.value.hint)
    lines = result.text().splitlines()
    row = next(i for i, line in enumerate(lines) if line.endswith(f"\u2717 {first_line}"))
    assert lines[row + 1].strip() == f"hint: {failure.value.hint}"  # the hint, on the line under the message
    assert lines[row + 1].index("hint:") == lines[row].index("\u2717") + 2
    assert sum("hint:" in line for line in lines) == 1  # passing parts have none
    assert html.escape(f"hint: {failure.value.hint}") in result._repr_html_()
    index = exercise.parts.index(sigmoid)
    assert all(p.passed for p in exercise.parts[:index])  # later parts may use the learner's sigmoid
    possible = sum(points for _, points in graded_cells(tmp_path / "ex01_neuron.ipynb"))
    lost = sum(p.points for p in exercise.parts if not p.passed)
    assert (result.points, result.max_points) == (possible - lost, possible)


def test_hidden_tests_do_not_run(tmp_path):
    nb = json.loads((SOURCE / "ex01_neuron.ipynb").read_text(encoding="utf-8"))
    graded = [c for c in nb["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade")]
    for cell in graded:
        visible = "".join(cell["source"]).split("### BEGIN HIDDEN TESTS")[0]
        cell["source"] = (
            visible + "### BEGIN HIDDEN TESTS\nraise AssertionError('a hidden case')\n### END HIDDEN TESTS\n"
        )
    (tmp_path / "ex01_neuron.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    result = run_and_check_untouched(tmp_path)
    assert [p.status for p in result.parts] == ["passed"] * len(graded)


def test_broken_crashing_and_endless_notebooks_get_a_line_each(tmp_path):
    source = json.loads((SOURCE / "ex01_neuron.ipynb").read_text(encoding="utf-8"))
    (tmp_path / "ex00_not_json.ipynb").write_text('{"cells": [', encoding="utf-8")
    crashing = json.loads(json.dumps(source))
    solution_cell(crashing, "sigmoid")["source"] = "import os\nos._exit(3)"
    (tmp_path / "ex01_crashing.ipynb").write_text(json.dumps(crashing), encoding="utf-8")
    endless = json.loads(json.dumps(source))
    solution_cell(endless, "sigmoid")["source"] = "def sigmoid(z):\n    while True:\n        pass"
    (tmp_path / "ex01_endless.ipynb").write_text(json.dumps(endless), encoding="utf-8")

    result = run_and_check_untouched(tmp_path, timeout=3)
    by_name = {e.notebook: e for e in result.exercises}
    assert list(by_name) == ["ex00_not_json.ipynb", "ex01_crashing.ipynb", "ex01_endless.ipynb"]
    broken = by_name["ex00_not_json.ipynb"]
    assert broken.parts == () and broken.error.startswith("could not be read: not a notebook (malformed JSON")

    crashed = by_name["ex01_crashing.ipynb"]
    assert "the kernel died" in crashed.error and "restarted" in crashed.error
    sigmoid = next(p for p in crashed.parts if "sigmoid" in p.title)
    assert not sigmoid.passed and "\n" not in sigmoid.result
    assert crashed.parts[0].passed  # the parts before the crash still count

    slow = by_name["ex01_endless.ipynb"]
    timed_out = [p for p in slow.parts if p.status == "timeout"]
    assert timed_out and all(p.result == "stopped after the 3 s limit per cell" for p in timed_out)

    text = result.text()
    assert "Traceback" not in text and "could not be read: not a notebook" in text
    assert all(len(line) < 400 for line in text.splitlines())


def test_a_copied_answer_cell_still_runs(tmp_path):
    nb = json.loads((SOURCE / "ex01_neuron.ipynb").read_text(encoding="utf-8"))
    cell = solution_cell(nb, "sigmoid")
    nb["cells"].insert(nb["cells"].index(cell) + 1, json.loads(json.dumps(cell)))  # same grade_id twice
    (tmp_path / "ex01_neuron.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    result = run_and_check_untouched(tmp_path)
    assert result.exercises[0].error is None
    assert all(p.passed for p in result.parts)


def test_in_a_notebook_cell_it_is_an_html_table_with_a_text_fallback(student_run):
    from IPython.core.formatters import DisplayFormatter

    _, result = student_run
    data, _ = DisplayFormatter().format(result)
    assert data["text/html"].startswith("<table") and data["text/html"].count("<tr") == 1 + len(result.exercises) + len(
        result.parts
    )
    assert "not written yet" in data["text/html"] and html.escape(HIDDEN_NOTE) in data["text/html"]
    assert data["text/plain"] == result.text()
    assert repr(result).startswith("Progress(") and str(result) == result.text()


def test_from_a_kernel_in_the_learners_folder(tmp_path):
    """What a learner types in a notebook of exercises/student: the folder is the notebook's own."""
    from annlib.grading.kernel import Kernel

    shutil.copy2(STUDENT / "ex01_neuron.ipynb", tmp_path / "ex01_neuron.ipynb")
    before = snapshot(tmp_path)
    with Kernel(tmp_path) as kernel:
        reply = kernel.execute(
            "from annlib.progress import progress\n"
            "table = progress()\n"
            "html, text = table._repr_html_(), table.text()\n"
            "assert '<table' in html and 'not written yet' in text, text\n"
            "assert table.folder == '.', table.folder\n",
            timeout=120,
        )
    assert (reply.status, reply.ename, reply.evalue) == ("ok", "", "")
    assert snapshot(tmp_path) == before


def test_command_line(tmp_path, capsys):
    shutil.copy2(STUDENT / "ex01_neuron.ipynb", tmp_path / "ex01_neuron.ipynb")
    assert main(["progress", str(tmp_path), "--jobs", "1"]) == 0
    out, err = capsys.readouterr()
    parts = graded_cells(tmp_path / "ex01_neuron.ipynb")
    assert out.count("not written yet") == len(parts)
    assert f"total: 0 of {sum(p for _, p in parts):g} points" in out
    assert "[1/1] ex01_neuron.ipynb" in err

    assert main(["progress", str(tmp_path / "ex01_neuron.ipynb"), "--jobs", "1"]) == 0  # one notebook
    assert capsys.readouterr().out.count("not written yet") == len(parts)

    assert main(["progress", str(tmp_path / "missing")]) == 1
    assert "annlib progress: expected a folder of exercise notebooks" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["progress", str(empty)]) == 1
    assert "found none" in capsys.readouterr().err


def test_default_folder(tmp_path, monkeypatch):
    from annlib.progress import default_folder

    monkeypatch.chdir(tmp_path)
    assert default_folder() == os.curdir
    (tmp_path / "exercises" / "student").mkdir(parents=True)
    assert default_folder() == os.path.join("exercises", "student")


def test_bad_arguments_name_the_function():
    with pytest.raises(ValueError, match=r"progress: timeout must be > 0 seconds, got -1"):
        progress(STUDENT, timeout=-1)
    with pytest.raises(ValueError, match=r"progress: jobs must be >= 1, got 0"):
        progress(STUDENT, jobs=0)
    assert Progress(".").text().startswith("exercise")


def answers(nb, **sources):
    """The notebook with the solution cell defining each named function replaced by the given source."""
    nb = json.loads(json.dumps(nb))
    for function, source in sources.items():
        solution_cell(nb, function)["source"] = source
    return nb


# A learner's own errors, each in the cell that should define a later part's function: a bracket left open,
# a name misspelt at the cell's top, and an earlier part's function used in a later one.
BROKEN_WEIGHTED_SUM = "def weighted_sum(x, w, b):\n    z = np.dot(x, w) + b\n    return float(z\n"
NEURON_OUTPUT_USING_IT = (
    "def neuron_output(X, w, b):\n    z = np.array([weighted_sum(x, w, b) for x in X])\n    return sigmoid(z)\n"
)
SIGMOID_AFTER_A_TYPO = "scale = 1.0\nshift = scale * offest\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"


def test_the_learners_own_error_is_reported_as_theirs_without_an_unrelated_hint(tmp_path):
    nb = json.loads((SOURCE / "ex01_neuron.ipynb").read_text(encoding="utf-8"))
    nb = answers(
        nb, weighted_sum=BROKEN_WEIGHTED_SUM, neuron_output=NEURON_OUTPUT_USING_IT, sigmoid=SIGMOID_AFTER_A_TYPO
    )
    (tmp_path / "ex01_neuron.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    result = run_and_check_untouched(tmp_path)
    by_function = {p.grade_id: p for p in result.parts}
    syntax = "your cell defining weighted_sum raised SyntaxError: '(' was never closed (line 3: return float(z)"
    weighted_sum = next(p for gid, p in by_function.items() if "weighted-sum" in gid)
    assert (weighted_sum.status, weighted_sum.result, weighted_sum.hint) == ("error", syntax, "")
    # the later part that calls weighted_sum: the same cause, not the check's hint about X @ w
    batch = next(p for gid, p in by_function.items() if "neuron-output" in gid)
    assert (batch.status, batch.result, batch.hint) == ("error", syntax, "")
    sigmoid = next(p for gid, p in by_function.items() if "sigmoid" in gid)
    assert (sigmoid.status, sigmoid.hint) == ("error", "")
    assert sigmoid.result == (
        "your cell defining sigmoid raised NameError: name 'offest' is not defined (line 2: shift = scale * offest)"
    )
    assert "hint:" not in result.text()
    assert "name 'weighted_sum' is not defined" not in result.text()  # the symptom, no longer the message
    assert "name 'sigmoid' is not defined" not in result.text()


def run_as_in_the_notebook(path):
    """Each graded cell's verdict when the notebook runs top to bottom in one kernel, as in JupyterLab:
    passed when it raised nothing."""
    from annlib.grading.kernel import Kernel

    verdicts = {}
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    with Kernel(Path(path).parent) as kernel:
        for cell in cells:
            if cell["cell_type"] != "code":
                continue
            reply = kernel.execute("".join(cell["source"]), timeout=60)
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("grade"):
                verdicts[meta["grade_id"]] = reply.status == "ok"
    return verdicts


def test_a_part_passes_in_progress_exactly_when_it_passes_in_the_notebook(tmp_path):
    """The same verdicts: right, wrong, broken and not yet written parts, and a later part that uses an
    earlier one of the learner's, in the learner's own notebook (no hidden tests)."""
    student = json.loads((STUDENT / "ex01_neuron.ipynb").read_text(encoding="utf-8"))
    source = json.loads((SOURCE / "ex01_neuron.ipynb").read_text(encoding="utf-8"))
    right = {f: "".join(solution_cell(source, f)["source"]) for f in ("weighted_sum", "sigmoid", "neuron_output")}
    variants = {
        "mixed": answers(
            student,
            weighted_sum=right["weighted_sum"],
            sigmoid="def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n",
            neuron_output=right["neuron_output"],
        ),
        "broken": answers(
            student,
            weighted_sum=BROKEN_WEIGHTED_SUM,
            sigmoid=SIGMOID_AFTER_A_TYPO,
            neuron_output=NEURON_OUTPUT_USING_IT,
            and_gate_parameters="def and_gate_parameters():\n    return np.array([10.0, 10.0]), -15.0\n",
        ),
    }
    for name, nb in variants.items():
        folder = tmp_path / name
        folder.mkdir()
        (folder / "ex01_neuron.ipynb").write_text(json.dumps(nb), encoding="utf-8")
        in_notebook = run_as_in_the_notebook(folder / "ex01_neuron.ipynb")
        result = progress(folder / "ex01_neuron.ipynb", jobs=1)
        in_progress = {p.grade_id: p.passed for p in result.parts}
        assert in_progress == in_notebook, name
        assert True in in_notebook.values() and False in in_notebook.values(), name  # both verdicts seen


def test_a_part_graded_by_hand_is_left_out_of_the_maximum(tmp_path):
    # A markdown answer worth 3 points, graded by hand: no check can pass it, so it is neither counted in
    # the maximum nor as failed; the summary says how many points wait for a grader.
    nb = json.loads((SOURCE / "ex01_neuron.ipynb").read_text(encoding="utf-8"))
    checked = sum(points for _, points in graded_cells(SOURCE / "ex01_neuron.ipynb"))
    nb["cells"].append(
        {
            "cell_type": "markdown",
            "metadata": {
                "nbgrader": {
                    "schema_version": 3,
                    "grade": True,
                    "solution": True,
                    "locked": False,
                    "grade_id": "ex01-explain",
                    "points": 3,
                }
            },
            "source": ["Why does a neuron need a bias?"],
        }
    )
    (tmp_path / "ex01_neuron.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    result = run_and_check_untouched(tmp_path)
    assert [p.status for p in result.parts][-1] == "manual"
    assert result.max_points == checked and result.points == checked
    assert "graded by hand" in result.summary()
