"""The committed student versions (exercises/student) are exactly a fresh release of exercises/source.

After changing a source notebook, regenerate them with:

    .venv/bin/annlib release exercises/source exercises/student
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from annlib.grading.release import release

ROOT = Path(__file__).resolve().parent.parent
SOURCE, STUDENT = ROOT / "exercises" / "source", ROOT / "exercises" / "student"
SOURCES = sorted(SOURCE.glob("*.ipynb")) if SOURCE.is_dir() else []
FIX = "run `.venv/bin/annlib release exercises/source exercises/student` and commit the result"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    if SOURCES:
        release(SOURCE, out)
    return out


def test_every_student_notebook_has_its_source():
    students = sorted(p.name for p in STUDENT.glob("*.ipynb")) if STUDENT.is_dir() else []
    assert students == [p.name for p in SOURCES], f"student and source notebooks differ: {FIX}"


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def test_student_version_is_a_fresh_release(fresh, source):
    committed = STUDENT / source.name
    assert committed.is_file(), f"{committed} is missing: {FIX}"
    assert committed.read_bytes() == (fresh / source.name).read_bytes(), f"{committed} is stale: {FIX}"


def test_support_files_are_copied_alongside(fresh):
    for path in sorted(fresh.rglob("*")):
        if path.is_file() and path.suffix != ".ipynb":
            committed = STUDENT / path.relative_to(fresh)
            assert committed.is_file() and committed.read_bytes() == path.read_bytes(), f"{committed}: {FIX}"


@pytest.fixture(scope="module")
def nbgrader_release(tmp_path_factory):
    """nbgrader's own student versions of exercises/source (one assignment holding every notebook)."""
    course = tmp_path_factory.mktemp("course")
    if SOURCES:
        shutil.copytree(SOURCE, course / "source" / "exercises")
        (course / "nbgrader_config.py").write_text("c = get_config()\nc.CourseDirectory.course_id = 'annlib'\n")
        env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"])
        subprocess.run(
            [sys.executable, "-m", "nbgrader", "generate_assignment", "exercises", "--no-db"],
            cwd=course,
            env=env,
            check=True,
            capture_output=True,
        )
    return course / "release" / "exercises"


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def test_student_version_is_what_nbgrader_makes(nbgrader_release, source):
    assert (STUDENT / source.name).read_bytes() == (nbgrader_release / source.name).read_bytes()
