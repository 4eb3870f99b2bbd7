"""A class of 32 students on the roster, graded as course staff grade one: every awkward case at once.

Each student's expected total is worked out by hand from what they sent (the fixture's parts: sigmoid 2
points, square_sum 3, a written answer 1 graded by hand; 6 per exercise, 12 in all). The test holds every
row of the summary, the flags staff must see, and the platform imports to those totals.
"""

import csv
import json
import os
import shutil
from pathlib import Path

import pytest
from test_grading_class_roster import SIGMOID, SQUARES, answer, second_exercise

from annlib.cli import main
from annlib.grading.release import release

FIXTURE = Path(__file__).parent / "fixtures" / "grading" / "source"
WRONG_SIGMOID = "def sigmoid(z):\n    return 1.0 / (1.0 + np.exp(z))"  # mirrored: fails the check
ON_TIME, LATE = 1_700_000_000, 1_800_000_000  # 2023 and 2027, around the due date of 2026-12-01
PARTS = {
    "F": ({"sigmoid": SIGMOID, "square_sum": SQUARES}, 5),
    "S": ({"sigmoid": SIGMOID}, 2),
    "Q": ({"square_sum": SQUARES}, 3),
    "W": ({"sigmoid": WRONG_SIGMOID, "square_sum": SQUARES}, 3),
    "N": ({}, 0),  # the released notebook, unanswered
}
# s30's folder is "Kim Ng", mapped by the roster.
# Students who sent both notebooks under their own names, on time: (first, second) as PARTS keys.
PLAIN = {
    "s02": "FS", "s03": "SQ", "s04": "QQ", "s05": "NF", "s06": "WF", "s07": "FW", "s08": "SS",
    "s09": "FN", "s10": "QS", "s11": "WW", "s12": "FF", "s26": "FF", "s30": "FS",
    "s31": "SF", "s32": "NN",
}  # fmt: skip
# The awkward students' totals, each explained where the class is built.
AWKWARD = {
    "s01": 10, "s13": 10, "s14": 5, "s15": 5, "s16": 0, "s17": 10, "s18": 7, "s19": 0, "s20": 0,
    "s21": 5, "s22": 0, "s23": 6, "s24": 10, "s25": 7, "s27": 10, "s28": 3, "s29": 8,
}  # fmt: skip
EXPECTED = {**{s: PARTS[a][1] + PARTS[b][1] for s, (a, b) in PLAIN.items()}, **AWKWARD}


def roster():
    lines = ["id,name,email,folder"]
    for i in range(1, 33):
        sid = f"s{i:02d}"
        folder = "Kim Ng" if sid == "s30" else f"student{i:02d}"
        lines.append(f'{sid},"Learner {i:02d}, Test",{sid}@example.org,{folder}')
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("thirty")
    source = root / "source"
    shutil.copytree(FIXTURE, source, ignore=shutil.ignore_patterns("__pycache__"))
    second_exercise(source)
    release(source, root / "release")
    released = {
        "first": json.loads((root / "release" / "ex_fixture.ipynb").read_text()),
        "second": json.loads((root / "release" / "ex_second.ipynb").read_text()),
    }
    sub = root / "submitted"

    def folder(sid):
        return sub / ("Kim Ng" if sid == "s30" else f"student{sid[1:]}")

    def send(sid, exercise, kind, name=None, mtime=ON_TIME, **extra):
        nb = answer(released[exercise], **{**PARTS[kind][0], **extra})
        name = name or ("ex_fixture.ipynb" if exercise == "first" else "ex_second.ipynb")
        path = folder(sid) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(nb))
        os.utime(path, (mtime, mtime))
        return path

    for sid, (a, b) in PLAIN.items():
        send(sid, "first", a)
        send(sid, "second", b)
    send("s01", "first", "F")  # the plain full answer, for the exports
    send("s01", "second", "F")
    send("s13", "first", "F", name="ex_fixture (1).ipynb")  # renamed by the download: matched by grade_ids
    send("s13", "second", "F", name="ex_second-Copy1.ipynb")
    send("s14", "second", "S", name="Ex_Second-Copy1.ipynb")  # 2, renamed
    send("s14", "first", "Q", name="homework.ipynb")  # 3, a name of their own, matched by grade_ids
    send("s15", "first", "F")  # 5; ex_second never sent: an explicit 0, missing
    # s16 sent nothing: absent, 0 of 12.
    send("s17", "first", "F", mtime=LATE)  # 10, ex_fixture late
    send("s17", "second", "F")
    send("s18", "first", "F", mtime=ON_TIME)  # older, full
    send("s18", "first", "S", name="ex_fixture-1.ipynb", mtime=ON_TIME + 3600)  # newer, 2: the one graded
    send("s18", "second", "F")  # 2 + 5 = 7
    # s19 and s20 unpacked their archives into one folder, Archive/: it is graded as one student (not on
    # the roster, flagged as two students in one folder); s19 and s20 are absent until staff sort it out.
    for i, (kind_1, kind_2) in enumerate((("F", "F"), ("Q", "S"))):
        for exercise, kind in (("first", kind_1), ("second", kind_2)):
            nb = answer(released[exercise], **PARTS[kind][0])
            path = (
                sub
                / "Archive"
                / (f"ex_fixture{' (1)' * i}.ipynb" if exercise == "first" else f"ex_second{' (1)' * i}.ipynb")
            )
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(nb))
            os.utime(path, (ON_TIME + i, ON_TIME + i))
    folder("s21").mkdir(parents=True)
    (folder("s21") / "ex_fixture.ipynb").write_text('{"cells": [')  # corrupt: 0, with the error said
    send("s21", "second", "F")  # 5
    folder("s22").mkdir(parents=True)
    (folder("s22") / "ex_fixture.ipynb").write_text("")  # empty file: 0
    send("s22", "second", "N")  # the unanswered notebook: 0
    # Hostile: the sigmoid's cell kills its kernel (the grader restarts it; sigmoid is lost: 0, squares 3);
    # in ex_second a wrong sigmoid replaces the check with one that passes everything (0, squares 3).
    send("s23", "first", "Q", sigmoid=SIGMOID + "\nimport os\nos._exit(1)")
    send("s23", "second", "Q", sigmoid="def sigmoid(z):\n    return np.zeros_like(z)\ncheck_sigmoid = lambda f: None")
    path = send("s24", "first", "F")  # the test cell deleted: the source's test still runs, 5
    nb = json.loads(path.read_text())
    nb["cells"] = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") != "test_sigmoid"]
    path.write_text(json.dumps(nb))
    os.utime(path, (ON_TIME, ON_TIME))
    send("s24", "second", "F")  # 10
    send("s25", "first", "S")  # 2; and ex_fixture's work saved under ex_second's name: graded as ex_second
    send("s25", "first", "F", name="ex_second.ipynb")  # (its functions pass ex_second's tests: 5), flagged
    send("s26", "first", "F")
    (folder("s26") / "notes.pdf").write_bytes(b"%PDF-1.4 not a notebook")  # not a notebook: not graded
    (folder("s26") / "helpers.py").write_text("x = 1\n")
    send("s27", "first", "F")
    send("s27", "second", "F")
    (folder("s27") / "Untitled.ipynb").write_text(json.dumps({**released["first"], "cells": []}))  # matches nothing
    # s28: square_sum loops forever once defined: stopped at the time limit, then graded (3 of its own 3
    # points stand, as the function was defined before the loop); its sigmoid is wrong; ex_second missing.
    send("s28", "first", "W", square_sum=SQUARES + "\nwhile True:\n    pass")
    # s29: ex_fixture late with a resubmission after the due date that is the graded one; ex_second S.
    send("s29", "first", "Q", mtime=ON_TIME)
    send("s29", "first", "F", name="ex_fixture (2).ipynb", mtime=LATE)  # 5, graded, late
    send("s29", "second", "Q", mtime=ON_TIME)  # 3: 8 in all
    # zed is not on the roster.
    zed = sub / "zed"
    zed.mkdir()
    (zed / "ex_fixture.ipynb").write_text(json.dumps(answer(released["first"], **PARTS["F"][0])))

    book = root / "out"
    status = main(
        [
            "grade", str(sub), "--source", str(source),
            "--json", str(book / "g.json"), "--csv", str(book / "g.csv"),
            "--roster", str(_write(root / "roster.csv", roster())),
            "--summary", str(book / "students.csv"), "--canvas", str(book / "canvas.csv"),
            "--moodle", str(book / "moodle.csv"),
            "--due", "2026-12-01T23:59", "--timeout", "8", "--jobs", "2",
        ]
    )  # fmt: skip
    assert status == 0
    rows = {r["student"]: r for r in csv.DictReader((book / "students.csv").open())}
    records = json.loads((book / "g.json").read_text())
    return book, rows, records


def _write(path, text):
    path.write_text(text)
    return path


def test_the_class_is_at_least_thirty_students_with_every_awkward_case():
    assert len(EXPECTED) == 32 and set(EXPECTED) == {f"s{i:02d}" for i in range(1, 33)}


def test_every_student_on_the_roster_has_one_row_with_the_right_total_and_percentage(graded):
    _, rows, _ = graded
    assert set(rows) == set(EXPECTED) | {"Archive", "zed"}
    wrong = {
        sid: (rows[sid]["total"], total)
        for sid, total in EXPECTED.items()
        if float(rows[sid]["total"]) != total
        or float(rows[sid]["max"]) != 12.0
        or float(rows[sid]["percent"]) != round(100 * total / 12, 2)
    }
    assert wrong == {}


def test_what_is_missing_is_an_explicit_zero(graded):
    _, rows, _ = graded
    assert rows["s15"]["missing"] == "ex_second" and float(rows["s15"]["ex_second"]) == 0.0
    assert rows["s28"]["missing"] == "ex_second"
    for sid in ("s16", "s19", "s20"):
        assert rows[sid]["missing"] == "ex_fixture;ex_second" and rows[sid]["flags"].startswith("absent")
    for sid in ("s01", "s13", "s14", "s21", "s22", "s23", "s25", "s32"):
        assert rows[sid]["missing"] == "", sid  # sent (even if broken): graded, not missing


def test_the_flags_staff_must_see(graded):
    _, rows, records = graded
    by = {(r["student"], r["notebook"]): r for r in records}
    assert "renamed: submitted as ex_fixture (1).ipynb" in rows["s13"]["flags"]
    assert "renamed: submitted as homework.ipynb" in rows["s14"]["flags"]
    assert by[("s17", "ex_fixture.ipynb")]["late_days"] > 0 and by[("s17", "ex_second.ipynb")]["late_days"] == 0
    assert rows["s17"]["late_days"].startswith("ex_fixture:")
    assert by[("s18", "ex_fixture.ipynb")]["submission"].endswith("ex_fixture-1.ipynb")
    assert "resubmission: 2 files" in rows["s18"]["flags"]
    assert "two students in one folder?" in rows["Archive"]["flags"]
    assert "not on the roster" in rows["Archive"]["flags"] and "not on the roster" in rows["zed"]["flags"]
    late = by[("s29", "ex_fixture.ipynb")]
    assert late["submission"].endswith("ex_fixture (2).ipynb") and late["late_days"] > 0 and late["score"] == 5.0
    assert "its cells are ex_fixture.ipynb's (by their grade_ids): the wrong notebook sent" in rows["s25"]["flags"]
    assert {r["platform"] for r in records} == {"folders"}  # submitted/<student>/<notebook> is not nbgrader's


def test_broken_and_hostile_submissions_score_what_they_earned_and_say_why(graded):
    _, _, records = graded
    by = {(r["student"], r["notebook"]): r for r in records}
    assert by[("s21", "ex_fixture.ipynb")]["error"] and by[("s21", "ex_fixture.ipynb")]["score"] == 0.0
    assert by[("s22", "ex_fixture.ipynb")]["error"] and by[("s22", "ex_fixture.ipynb")]["score"] == 0.0
    died = by[("s23", "ex_fixture.ipynb")]
    assert "restarted" in died["error"] and died["score"] == 3.0
    tamper = {c["grade_id"]: c for c in by[("s23", "ex_second.ipynb")]["cells"]}
    assert tamper["b_test_sigmoid"]["points"] == 0.0 and tamper["b_test_square_sum"]["points"] == 3.0
    deleted = {c["grade_id"]: c for c in by[("s24", "ex_fixture.ipynb")]["cells"]}
    assert deleted["test_sigmoid"]["status"] == "passed"
    looping = {c["grade_id"]: c for c in by[("s28", "ex_fixture.ipynb")]["cells"]}
    assert looping["test_sigmoid"]["status"] != "passed" and looping["test_square_sum"]["status"] == "passed"


def test_the_platform_imports_hold_the_same_totals(graded):
    book, _, _ = graded
    canvas = list(csv.reader((book / "canvas.csv").open()))
    header, points = canvas[0], canvas[1]
    assert points[0] == "Points Possible"
    scores = {r[2]: r for r in canvas[2:]}
    first, second = header.index("ex_fixture"), header.index("ex_second")
    for sid, total in EXPECTED.items():
        assert float(scores[sid][first]) + float(scores[sid][second]) == total, sid
    moodle = {r["Email address"]: r for r in csv.DictReader((book / "moodle.csv").open())}
    for sid, total in EXPECTED.items():
        row = moodle[f"{sid}@example.org"]
        assert float(row["ex_fixture"]) + float(row["ex_second"]) == total, sid
