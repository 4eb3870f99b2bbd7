"""annlib grade on a class: roster, missing and renamed notebooks, resubmissions, late days, LMS layouts, exports."""

import csv
import json
import os
import shutil
from pathlib import Path

import pytest

from annlib.cli import main
from annlib.grading import layouts
from annlib.grading.gradebook import CANVAS_COLUMNS, MOODLE_COLUMNS
from annlib.grading.release import release
from annlib.grading.roster import read_roster, resolve

FIXTURE = Path(__file__).parent / "fixtures" / "grading" / "source"
SIGMOID = "def sigmoid(z):\n    return 1.0 / (1.0 + np.exp(-z))"
SQUARES = "def square_sum(x):\n    return float(np.sum(np.asarray(x, dtype=float) ** 2))"
ROSTER = """id,name,email,folder
s1,Ada Lovelace,ada@example.org,ada
s2,Bo Chen,bo@example.org,bo
s3,Cy Young,cy@example.org,cy
s4,Dee Ray,dee@example.org,dee
s5,Eve Adams,eve@example.org,eve
"""


def second_exercise(source):
    """ex_second.ipynb: the fixture again, every grade_id prefixed with b_ (a second exercise of 6 points)."""
    nb = json.loads((source / "ex_fixture.ipynb").read_text())
    for cell in nb["cells"]:
        meta = cell["metadata"].get("nbgrader")
        if meta:
            meta["grade_id"] = "b_" + meta["grade_id"]
    (source / "ex_second.ipynb").write_text(json.dumps(nb))


def answer(nb, **sources):
    nb = json.loads(json.dumps(nb))
    for cell in nb["cells"]:
        gid = cell["metadata"].get("nbgrader", {}).get("grade_id", "")
        if gid.removeprefix("b_") in sources:
            cell["source"] = sources[gid.removeprefix("b_")]
    return nb


def put(folder, name, nb, mtime=None):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps(nb))
    if mtime is not None:
        os.utime(folder / name, (mtime, mtime))


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    source = root / "source"
    shutil.copytree(FIXTURE, source, ignore=shutil.ignore_patterns("__pycache__"))
    second_exercise(source)
    release(source, root / "release")
    first = json.loads((root / "release" / "ex_fixture.ipynb").read_text())
    second = json.loads((root / "release" / "ex_second.ipynb").read_text())
    full1, full2 = (
        answer(first, sigmoid=SIGMOID, square_sum=SQUARES),
        answer(second, sigmoid=SIGMOID, square_sum=SQUARES),
    )
    sub = root / "submitted"
    put(sub / "ada", "ex_fixture.ipynb", full1, 1_800_000_000)  # 5 + 5 of 12 (the written answer is manual)
    put(sub / "ada", "ex_second.ipynb", full2, 1_800_000_000)
    put(sub / "bo", "ex_fixture (1).ipynb", full1)  # renamed; ex_second missing
    put(sub / "cy", "Ex_Second-Copy1.ipynb", answer(second, sigmoid=SIGMOID))  # renamed, 2 points
    put(sub / "cy", "my work.ipynb", answer(first, square_sum=SQUARES))  # matched by grade_ids, 3 points
    put(sub / "dee", "ex_fixture.ipynb", full1, 1_700_000_000)  # older, full
    put(sub / "dee", "ex_fixture (1).ipynb", first, 1_700_100_000)  # newer resubmission, a stub: graded
    put(sub / "zed", "ex_fixture.ipynb", full1)  # not on the roster
    book = root / "out"
    status = main(
        [
            "grade",
            str(sub),
            "--source",
            str(source),
            "--json",
            str(book / "g.json"),
            "--csv",
            str(book / "g.csv"),
            "--roster",
            str(_write(root / "roster.csv", ROSTER)),
            "--summary",
            str(book / "students.csv"),
            "--canvas",
            str(book / "canvas.csv"),
            "--moodle",
            str(book / "moodle.csv"),
            "--due",
            "ex_fixture=2026-12-01T23:59",
            "--timeout",
            "20",
            "--jobs",
            "2",
        ]  # fmt: skip
    )
    assert status == 0
    rows = {r["student"]: r for r in csv.DictReader((book / "students.csv").open())}
    return root, rows, json.loads((book / "g.json").read_text())


def _write(path, text):
    path.write_text(text)
    return path


def test_every_student_has_one_row_with_a_true_total_and_maximum(graded):
    _, rows, _ = graded
    assert sorted(rows) == ["s1", "s2", "s3", "s4", "s5", "zed"]
    expected = {"s1": 10.0, "s2": 5.0, "s3": 5.0, "s4": 0.0, "s5": 0.0, "zed": 5.0}
    for key, total in expected.items():
        assert float(rows[key]["total"]) == total and float(rows[key]["max"]) == 12.0
        assert float(rows[key]["percent"]) == round(100 * total / 12, 2)
    assert rows["s2"]["missing"] == "ex_second" and float(rows["s2"]["ex_second"]) == 0.0
    assert rows["s5"]["missing"] == "ex_fixture;ex_second" and rows["s5"]["flags"].startswith("absent")
    assert "not on the roster" in rows["zed"]["flags"]


def test_renamed_notebooks_are_matched_and_reported(graded):
    _, rows, records = graded
    by = {(r["student"], r["notebook"]): r for r in records}
    assert by[("s2", "ex_fixture.ipynb")]["renamed"] and by[("s2", "ex_fixture.ipynb")]["score"] == 5.0
    assert by[("s3", "ex_second.ipynb")]["submitted_as"] == "Ex_Second-Copy1.ipynb"
    assert by[("s3", "ex_fixture.ipynb")]["submitted_as"] == "my work.ipynb"
    assert "renamed: submitted as my work.ipynb" in rows["s3"]["flags"]
    assert all(r["max_score"] == 6.0 for r in records)  # no renamed file counted as an exercise of 0 points


def test_the_newest_resubmission_is_graded_and_flagged(graded):
    _, rows, records = graded
    [dee] = [r for r in records if r["student"] == "s4"]
    assert dee["submission"].endswith("ex_fixture (1).ipynb") and dee["score"] == 0.0
    assert any(flag.startswith("resubmission: 2 files") for flag in dee["flags"])
    assert "graded the newest by file time" in rows["s4"]["flags"]


def test_late_days_are_counted_from_the_due_date(graded):
    _, rows, records = graded
    by = {(r["student"], r["notebook"]): r for r in records}
    assert by[("s1", "ex_fixture.ipynb")]["due"] == "2026-12-01T23:59+00:00"
    assert by[("s1", "ex_fixture.ipynb")]["late_days"] > 0  # 1_800_000_000 is in 2027
    assert by[("s4", "ex_fixture.ipynb")]["late_days"] == 0  # 2023: on time
    assert rows["s1"]["late_days"].startswith("ex_fixture:")


def test_exports_have_the_documented_columns_and_a_column_per_exercise(graded):
    root, _, _ = graded
    canvas = list(csv.reader((root / "out" / "canvas.csv").open()))
    assert canvas[0] == CANVAS_COLUMNS + ["ex_fixture", "ex_second"]
    assert canvas[1][0] == "Points Possible" and canvas[1][5:] == ["6.0", "6.0"]
    ada = next(r for r in canvas if r[2] == "s1")
    assert ada[0] == "Ada Lovelace" and ada[5:] == ["5.0", "5.0"]
    moodle = list(csv.DictReader((root / "out" / "moodle.csv").open()))
    assert list(moodle[0]) == MOODLE_COLUMNS + ["ex_fixture", "ex_second"]
    bo = next(r for r in moodle if r["Email address"] == "bo@example.org")
    assert (bo["First name"], bo["Last name"], bo["ex_fixture"], bo["ex_second"]) == ("Bo", "Chen", "5.0", "0.0")


def test_the_long_csv_keeps_its_columns(graded):
    root, _, _ = graded
    header = (root / "out" / "g.csv").read_text().splitlines()[0]
    assert header == "student,notebook,score,max_score,error,submission,sandbox"


@pytest.mark.parametrize(
    "relative, platform, key, display, name, late",
    [
        (
            "dl/lovelaceada_12345_6789012_ex01_neuron.ipynb",
            "canvas",
            "12345",
            "lovelaceada",
            "ex01_neuron.ipynb",
            False,
        ),
        (
            "dl/lovelaceada_LATE_12345_6789012_ex01_neuron-1.ipynb",
            "canvas",
            "12345",
            "lovelaceada",
            "ex01_neuron-1.ipynb",
            True,
        ),  # fmt: skip
        (
            "dl/Ada Lovelace_12345_assignsubmission_file_/ex01_neuron.ipynb",
            "moodle",
            "12345",
            "Ada Lovelace",
            "ex01_neuron.ipynb",
            False,
        ),  # fmt: skip
        ("course/submitted/ada/ex01/ex01_neuron.ipynb", "nbgrader", "ada", "ada", "ex01_neuron.ipynb", False),
        ("collected/ada/ex01_neuron.ipynb", "folders", "ada", "ada", "ex01_neuron.ipynb", False),
    ],
)
def test_platform_layouts_are_recognised(tmp_path, relative, platform, key, display, name, late):
    path = tmp_path / relative
    path.parent.mkdir(parents=True)
    path.write_text("{}")
    found = layouts.classify(path)
    assert (found.platform, found.key, found.display, found.submitted_name, found.late_marker) == (
        platform, key, display, name, late)  # fmt: skip


def test_nbgrader_timestamp_decides_which_file_is_newest(tmp_path):
    old, new = tmp_path / "submitted" / "ada" / "ex01", tmp_path / "submitted" / "ada" / "ex01b"
    for folder, stamp, mtime in ((old, "2026-12-02 10:00:00.000000 UTC", 2e9), (new, "2026-12-03 10:00:00 UTC", 1e9)):
        folder.mkdir(parents=True)
        (folder / "ex01_neuron.ipynb").write_text("{}")
        (folder / "timestamp.txt").write_text(stamp)
        os.utime(folder / "ex01_neuron.ipynb", (mtime, mtime))
    found = [layouts.classify(p) for p in (old / "ex01_neuron.ipynb", new / "ex01_neuron.ipynb")]
    for f in found:
        f.exercise = "ex01_neuron.ipynb"
    [chosen], [passed] = layouts.choose(found)
    assert chosen.path.parent == new and chosen.timestamp_source == "timestamp.txt" and passed.path.parent == old


def test_canvas_and_moodle_students_map_to_the_roster(tmp_path):
    roster = read_roster(
        _write(
            tmp_path / "r.csv",
            "ID,Name,Email,Folder,canvas_id\ns1,Ada Lovelace,a@x.org,,12345\ns2,Bo Chen,b@x.org,777,\n",
        )
    )
    files = ["lovelaceada_12345_6789012_ex01.ipynb", "Bo Chen_777_assignsubmission_file_/ex01.ipynb"]
    found = []
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}")
        found.append(layouts.classify(tmp_path / name))
    who = resolve(found, roster)
    assert who[("canvas", "12345")].id == "s1" and who[("moodle", "777")].id == "s2"


def test_a_roster_without_the_documented_header_is_refused(tmp_path, capsys):
    bad = _write(tmp_path / "r.csv", "student,mail\nada,a@x.org\n")
    assert main(["grade", str(tmp_path), "--source", str(FIXTURE), "--roster", str(bad)]) == 1
    assert "id, name, email, folder" in capsys.readouterr().err
