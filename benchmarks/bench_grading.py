"""Grading speed: `annlib grade` against nbgrader's `autograde` on the same 40 submissions.

    .venv/bin/python benchmarks/bench_grading.py [--notebook ex01_neuron] [--submissions 40]
    .venv/bin/python benchmarks/bench_grading.py --regrade [--submissions 200]
    .venv/bin/python benchmarks/bench_grading.py --interrupt [--submissions 40]

With --regrade: a class of that many submissions is graded in full into a gradebook, one file is changed,
and the same command is run again; prints both times and the re-grade's as a share of the full run (the
results store beside the gradebook lets the second run grade only the changed file).
With --interrupt: the class is graded until a few records are kept, then Ctrl-C is sent (SIGINT to the
process group, as a terminal sends it); prints how long it took to stop, the records kept and whether any
temporary folder was left.

Builds an nbgrader course in a temporary folder (source/, release/, submitted/<student>/<assignment>/, a
gradebook database), fills it with submissions of one exercise notebook (a mix of full answers, untouched
stubs and half answers), then times `nbgrader autograde ASSIGNMENT --force` and `annlib grade` on the very
same files, each submission in its own bubblewrap sandbox (`--sandbox bwrap`, the default where it works)
and without one (`--sandbox none`), and prints a table of seconds and submissions per second. Run it on a
quiet machine: both tools use every core they are given.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from annlib.grading.sandbox import check

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")  # nbgrader shells out to alembic


def run(args, cwd):
    started = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def half_answered(source, student):
    """The student version with the first solution cell answered from the source."""
    nb = json.loads(student.read_text())
    answers = {
        c["metadata"]["nbgrader"]["grade_id"]: c["source"]
        for c in json.loads(source.read_text())["cells"]
        if c["metadata"].get("nbgrader", {}).get("solution")
    }
    for cell in nb["cells"]:
        gid = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell["source"] = answers.pop(gid)
            break
    return json.dumps(nb, indent=1)


def build_course(folder, notebook, count):
    assignment = notebook.split("_")[0]
    source = ROOT / "exercises" / "source" / f"{notebook}.ipynb"
    (folder / "source" / assignment).mkdir(parents=True)
    shutil.copy(source, folder / "source" / assignment)
    (folder / "nbgrader_config.py").write_text("c = get_config()\nc.CourseDirectory.course_id = 'bench'\n")
    run([BIN / "nbgrader", "generate_assignment", assignment, "--force"], folder)
    student = folder / "release" / assignment / source.name
    versions = [source.read_text(), student.read_text(), half_answered(source, student)]
    for i in range(count):
        target = folder / "submitted" / f"student{i:02d}" / assignment / source.name
        target.parent.mkdir(parents=True)
        target.write_text(versions[i % 3])
    return assignment


def nbgrader_scores(course, assignment, notebook):
    """{student: score} from nbgrader's gradebook after autograde."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return {s.id: gradebook.find_submission_notebook(notebook, assignment, s.id).score for s in gradebook.students}


def regrade(notebook, count):
    """Seconds of a full run over `count` submissions, and of the run after one file changed."""
    with tempfile.TemporaryDirectory(prefix="bench-regrade-") as tmp:
        course = Path(tmp)
        assignment = build_course(course, notebook, count)
        command = [BIN / "annlib", "grade", "submitted", "--source", course / "source" / assignment]
        command += ["--json", course / "grades.json"]
        full = run(command, course)
        changed = course / "submitted" / "student01" / assignment / f"{notebook}.ipynb"
        changed.write_text(changed.read_text().replace("# YOUR CODE HERE", "# YOUR CODE HERE (changed)", 1))
        again = run(command, course)
        records = json.loads((course / "grades.json").read_text())
        assert len(records) == count, f"{len(records)} records after the re-grade, not {count}"
    print(f"Re-grading {count} submissions of {notebook}.ipynb after one file changed")
    print(f"full run {full:.1f} s; re-grade {again:.1f} s; the re-grade took {100 * again / full:.1f}% of the full run")
    return full, again


def interrupt(notebook, count):
    """Seconds from Ctrl-C to the exit of `annlib grade`, with the records kept and the folders left."""
    import signal

    with tempfile.TemporaryDirectory(prefix="bench-interrupt-") as tmp:
        course = Path(tmp)
        assignment = build_course(course, notebook, count)
        scratch = course / "scratch"
        scratch.mkdir()
        command = [BIN / "annlib", "grade", "submitted", "--source", course / "source" / assignment]
        command += ["--json", course / "grades.json"]
        env = dict(ENV, TMPDIR=str(scratch))
        process = subprocess.Popen(
            command, cwd=course, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
        )
        store = course / "grades.json.store.jsonl"
        while not (store.exists() and store.read_text().count("\n") >= 3):
            if process.poll() is not None:
                raise SystemExit("annlib grade ended before it could be interrupted: use more submissions")
            time.sleep(0.02)
        os.killpg(process.pid, signal.SIGINT)
        sent = time.perf_counter()
        process.communicate(timeout=60)
        seconds = time.perf_counter() - sent
        kept = len(json.loads((course / "grades.json").read_text()))
        left = [p.name for p in scratch.iterdir() if p.name.startswith("annlib-grade-")]
    print(
        f"Ctrl-C while grading {count} submissions of {notebook}.ipynb: stopped in {seconds:.2f} s, exit code "
        f"{process.returncode}, {kept} finished records kept, {len(left)} temporary folders left"
    )
    return seconds, kept, left


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebook", default="ex01_neuron")
    parser.add_argument("--submissions", type=int, default=None)
    parser.add_argument("--regrade", action="store_true", help="measure a re-grade after one changed file")
    parser.add_argument("--interrupt", action="store_true", help="measure how fast Ctrl-C stops a class's grading")
    args = parser.parse_args(argv)
    if args.interrupt:
        interrupt(args.notebook, args.submissions or 40)
        return
    if args.regrade:
        regrade(args.notebook, args.submissions or 200)
        return
    args.submissions = args.submissions or 40
    count, cores = args.submissions, os.cpu_count()
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        course = Path(tmp)
        assignment = build_course(course, args.notebook, count)
        before = sorted(p.read_bytes() for p in (course / "submitted").rglob("*.ipynb"))
        source_dir = course / "source" / assignment
        rows = [("nbgrader autograde", 1, run([BIN / "nbgrader", "autograde", assignment, "--force"], course))]
        theirs = nbgrader_scores(course, assignment, args.notebook)
        modes = ["bwrap", "none"] if check() is None else ["none"]
        if check() is not None:
            print(f"no sandbox here ({check()}): timing --sandbox none only", file=sys.stderr)
        agreement = {}
        for sandbox in modes:
            for jobs in (1, cores):
                book = course / f"annlib-{sandbox}-{jobs}.json"
                seconds = run(
                    [
                        BIN / "annlib",
                        "grade",
                        "submitted",
                        "--source",
                        source_dir,
                        "--json",
                        book,
                        "--jobs",
                        str(jobs),
                        "--sandbox",
                        sandbox,
                    ],
                    course,
                )
                rows.append((f"annlib grade --sandbox {sandbox} --jobs {jobs}", jobs, seconds))
                records = json.loads(book.read_text())
                assert {r["sandbox"] for r in records} == {sandbox}, f"not graded with --sandbox {sandbox}"
                agreement[sandbox] = sum(theirs.get(r["student"]) == r["score"] for r in records)
        scores = sorted(r["score"] for r in records)
        assert sorted(p.read_bytes() for p in (course / "submitted").rglob("*.ipynb")) == before
    baseline = rows[0][2]
    print(f"Grading {count} submissions of {args.notebook}.ipynb on {cores} cores")
    print(f"{'tool':<40}{'total (s)':>11}{'per submission (s)':>20}{'submissions/s':>15}{'speed-up':>10}")
    for name, _, seconds in rows:
        print(f"{name:<40}{seconds:>11.1f}{seconds / count:>20.2f}{count / seconds:>15.2f}{baseline / seconds:>9.1f}x")
    print(
        f"annlib scores: {scores.count(max(scores))} full, {scores.count(0.0)} zero, "
        f"{count - scores.count(max(scores)) - scores.count(0.0)} partial; the same score as nbgrader for "
        + ", ".join(f"{agree} of {count} submissions with --sandbox {mode}" for mode, agree in agreement.items())
    )


if __name__ == "__main__":
    main()
