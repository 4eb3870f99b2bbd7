"""annlib release: student versions identical to nbgrader's generate_assignment, and clear errors."""

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbgrader.utils import compute_checksum as nbgrader_checksum

from annlib.cli import main
from annlib.grading.notebook import NotebookFormatError, compute_checksum, read_notebook
from annlib.grading.release import release, student_version

SOURCE = Path(__file__).parent / "fixtures" / "grading" / "source"
FIXTURE = SOURCE / "ex_fixture.ipynb"


def cells_by_id(nb):
    return {c["metadata"]["nbgrader"]["grade_id"]: c for c in nb["cells"] if "nbgrader" in c["metadata"]}


@pytest.fixture(scope="module")
def student():
    return student_version(nbformat.read(FIXTURE, as_version=4))


def test_solution_region_becomes_the_stub_at_its_indentation(student):
    assert cells_by_id(student)["sigmoid"]["source"] == (
        "def sigmoid(z):\n    # YOUR CODE HERE\n    raise NotImplementedError()"
    )


def test_markdown_answer_becomes_the_text_stub(student):
    assert cells_by_id(student)["explain"]["source"] == "Why does the sigmoid never reach 1?\n\nYOUR ANSWER HERE"


def test_hidden_tests_are_removed(student):
    assert cells_by_id(student)["test_sigmoid"]["source"] == "check_sigmoid(sigmoid)"
    assert "HIDDEN" not in json.dumps(student)


def test_graded_and_locked_cells_are_read_only_solutions_undeletable(student):
    cells = cells_by_id(student)
    for gid in ("setup", "test_sigmoid", "test_square_sum", "intro"):
        assert cells[gid]["metadata"]["editable"] is False and cells[gid]["metadata"]["deletable"] is False
    assert cells["sigmoid"]["metadata"]["deletable"] is False
    assert "editable" not in cells["sigmoid"]["metadata"]


def test_outputs_are_cleared(student):
    for cell in student["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


def test_checksums_match_nbgraders(student):
    for cell in cells_by_id(student).values():
        assert cell["metadata"]["nbgrader"]["checksum"] == nbgrader_checksum(cell) == compute_checksum(cell)


def test_the_source_is_not_changed():
    nb = nbformat.read(FIXTURE, as_version=4)
    before = copy.deepcopy(nb)
    student_version(nb)
    assert nb == before


def test_release_is_byte_identical_to_nbgrader_generate_assignment(tmp_path):
    course = tmp_path / "course"
    shutil.copytree(SOURCE, course / "source" / "ps1")
    (course / "nbgrader_config.py").write_text("c = get_config()\nc.CourseDirectory.course_id = 'test'\n")
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"])
    subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", "ps1", "--no-db"],
        cwd=course,
        env=env,
        check=True,
        capture_output=True,
    )
    ours = tmp_path / "ours"
    written = release(SOURCE, ours)
    assert [p.name for p in written] == ["ex_fixture.ipynb"]
    for name in ("ex_fixture.ipynb", "fixture_checks.py"):
        assert (ours / name).read_bytes() == (course / "release" / "ps1" / name).read_bytes()


def test_release_command_writes_student_versions(tmp_path, capsys):
    assert main(["release", str(SOURCE), str(tmp_path / "out")]) == 0
    assert "1 student notebook(s)" in capsys.readouterr().out
    released = read_notebook(tmp_path / "out" / "ex_fixture.ipynb")
    assert "BEGIN SOLUTION" not in json.dumps(released)


def test_python_dash_m_annlib_runs_the_same_command(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "annlib", "release", str(SOURCE), str(tmp_path / "out")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "ex_fixture.ipynb").is_file()


def write_source(folder, mutate):
    nb = nbformat.read(FIXTURE, as_version=4)
    mutate(nb)
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / "ex_bad.ipynb")
    return folder


def meta(nb, gid):
    return cells_by_id(nb)[gid]["metadata"]["nbgrader"]


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda nb: meta(nb, "test_sigmoid").update(grade_id="sigmoid"), "duplicate grade_id 'sigmoid'"),
        (lambda nb: meta(nb, "test_sigmoid").pop("points"), "has no points"),
        (lambda nb: meta(nb, "test_sigmoid").update(grade_id="has space"), "must match"),
        (lambda nb: meta(nb, "sigmoid").update(schema_version=2), "schema_version 2"),
        (lambda nb: meta(nb, "sigmoid").update(solution=False), "solution region in a cell not marked"),
        (lambda nb: cells_by_id(nb)["sigmoid"].update(source="### BEGIN SOLUTION\nx = 1"), "without 'END SOLUTION'"),
        (lambda nb: meta(nb, "test_sigmoid").update(grade=False, locked=True), "hidden tests in a cell not marked"),
    ],
)
def test_broken_sources_are_refused_with_a_clear_message(tmp_path, mutate, message, capsys):
    folder = write_source(tmp_path / "src", mutate)
    with pytest.raises(NotebookFormatError, match=message):
        release(folder, tmp_path / "out")
    assert not (tmp_path / "out").exists()  # nothing half-written
    assert main(["release", str(folder), str(tmp_path / "out")]) == 1
    assert message.split("'")[0] in capsys.readouterr().err


def test_release_refuses_to_overwrite_its_source(tmp_path):
    shutil.copytree(SOURCE, tmp_path / "src")
    with pytest.raises(ValueError, match="must differ"):
        release(tmp_path / "src", tmp_path / "src")


def test_release_of_a_missing_folder_fails_cleanly(tmp_path, capsys):
    assert main(["release", str(tmp_path / "nowhere"), str(tmp_path / "out")]) == 1
    assert "does not exist" in capsys.readouterr().err
