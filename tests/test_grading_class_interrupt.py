"""annlib grade on a class: a real Ctrl-C to a real run, resuming, re-grading only what changed, --force."""

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annlib.grading.release import release

FIXTURE = Path(__file__).parent / "fixtures" / "grading" / "source"
SLOW_SIGMOID = "import time\ntime.sleep(1.5)\ndef sigmoid(z):\n    return 1.0 / (1.0 + np.exp(-z))"


def answered(student_nb, source):
    nb = json.loads(json.dumps(student_nb))
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "sigmoid":
            cell["source"] = source
    return nb


@pytest.fixture()
def course(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(FIXTURE, source, ignore=shutil.ignore_patterns("__pycache__"))
    release(source, tmp_path / "release")
    student = json.loads((tmp_path / "release" / "ex_fixture.ipynb").read_text())
    for i in range(6):
        folder = tmp_path / "submitted" / f"s{i}" / "ps1"
        folder.mkdir(parents=True)
        (folder / "ex_fixture.ipynb").write_text(json.dumps(answered(student, SLOW_SIGMOID)))
    (tmp_path / "scratch").mkdir()
    return tmp_path


def annlib_grade(course, *extra):
    env = dict(os.environ, TMPDIR=str(course / "scratch"))
    command = [sys.executable, "-m", "annlib", "grade", "submitted", "--source", "source", "--json", "out/g.json"]
    return command + ["--csv", "out/g.csv", "--jobs", "2", "--timeout", "20", *extra], env


def graded_lines(stderr):
    return [line for line in stderr.splitlines() if line.startswith("[")]


def test_ctrl_c_stops_fast_keeps_what_finished_and_a_rerun_grades_only_the_rest(course):
    command, env = annlib_grade(course)
    process = subprocess.Popen(
        command, cwd=course, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    store = course / "out" / "g.json.store.jsonl"
    deadline = time.monotonic() + 120
    while not (store.exists() and store.read_text().count("\n") >= 1):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no record finished within 120 s"
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    # How fast it stops is measured by benchmarks/bench_grading.py; here: it stops, before the end
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "To resume, run annlib grade submitted" in stderr
    kept = [json.loads(line)["record"] for line in store.read_text().splitlines()]
    assert 1 <= len(kept) < 6 and all(r["score"] == 2.0 for r in kept)
    book = json.loads((course / "out" / "g.json").read_text())
    assert sorted(r["student"] for r in book) == sorted(r["student"] for r in kept)
    for name in ("g.json", "g.csv"):
        mode = stat.S_IMODE((course / "out" / name).stat().st_mode)
        assert mode == 0o666 & ~_umask()
    assert not [p for p in (course / "scratch").iterdir() if p.name.startswith("annlib-grade-")]

    # resume: only the rest is graded, and merged into the same gradebook
    command, env = annlib_grade(course)
    done = subprocess.run(command, cwd=course, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert len(graded_lines(done.stderr)) == 6 - len(kept)
    assert f"{len(kept)} submission(s) unchanged" in done.stderr
    book = json.loads((course / "out" / "g.json").read_text())
    assert sorted(r["student"] for r in book) == [f"s{i}" for i in range(6)]
    assert {r["score"] for r in book} == {2.0}

    # one file changed: only it is graded again, and its new score replaces the old
    changed = course / "submitted" / "s3" / "ps1" / "ex_fixture.ipynb"
    changed.write_text(json.dumps(answered(json.loads(changed.read_text()), "def sigmoid(z):\n    return z")))
    again = subprocess.run(command, cwd=course, env=env, capture_output=True, text=True, timeout=300)
    assert [line.split()[1] for line in graded_lines(again.stderr)] == ["s3/ex_fixture.ipynb:"]
    book = {r["student"]: r for r in json.loads((course / "out" / "g.json").read_text())}
    assert len(book) == 6 and book["s3"]["score"] == 0.0 and book["s2"]["score"] == 2.0

    # --force grades everything again
    forced = subprocess.run(command + ["--force"], cwd=course, env=env, capture_output=True, text=True, timeout=300)
    assert len(graded_lines(forced.stderr)) == 6
    assert not [p for p in (course / "scratch").iterdir() if p.name.startswith("annlib-grade-")]


def test_sigterm_also_stops_and_keeps_what_finished(course):
    command, env = annlib_grade(course, "--sandbox", "none")
    process = subprocess.Popen(
        command, cwd=course, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    store = course / "out" / "g.json.store.jsonl"
    deadline = time.monotonic() + 120
    while not (store.exists() and store.read_text().count("\n") >= 1):
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=30)
    assert process.returncode == 143
    assert json.loads((course / "out" / "g.json").read_text())
    assert not [p for p in (course / "scratch").iterdir() if p.name.startswith("annlib-grade-")]


def _umask():
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
