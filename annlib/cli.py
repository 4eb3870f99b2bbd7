"""The `annlib` command: release student versions of exercise notebooks, grade submissions, show progress.

    annlib release SOURCE_DIR OUT_DIR
    annlib grade SUBMISSION... [--source DIR] [--json FILE] [--csv FILE] [--timeout SECONDS] [--jobs N]
                 [--sandbox auto|bwrap|none] [--memory SIZE] [--processes N] [--file-size SIZE]
                 [--scratch SIZE] [--max-output SIZE] [--env NAME]... [--store FILE] [--force]
                 [--roster FILE] [--exercises LIST] [--due EX=WHEN|FILE]... [--summary FILE]
                 [--canvas FILE] [--moodle FILE]
    annlib progress [FOLDER | NOTEBOOK] [--timeout SECONDS] [--jobs N] [--sandbox auto|bwrap|none]
    annlib feedback GRADEBOOK.json [SUBMISSION...] --out FOLDER [--source DIR]

The instructor guide (docs/instructors.md) walks through release, collect, grade and export; `progress`
is the learner's view: their own notebooks run with the visible checks (annlib.progress).
"""

import argparse
import os
import sys

from annlib.grading import DEFAULT_TIMEOUT
from annlib.grading.sandbox import MODES, Limits, SandboxUnavailable, parse_size


def _parser():
    parser = argparse.ArgumentParser(prog="annlib", description="Exercise notebooks of the annlib course.")
    commands = parser.add_subparsers(dest="command", required=True)
    release = commands.add_parser("release", help="write student versions of the source notebooks")
    release.add_argument("source_dir", help="folder of source notebooks (with solutions)")
    release.add_argument("out_dir", help="folder for the student versions")
    grade = commands.add_parser("grade", help="grade submitted notebooks into a gradebook")
    grade.add_argument(
        "submissions",
        nargs="+",
        metavar="SUBMISSION",
        help="submitted notebooks, or folders searched for them (e.g. submitted/)",
    )
    grade.add_argument(
        "--source",
        default=os.path.join("exercises", "source"),
        help="folder of source notebooks, matched by file name (default: exercises/source)",
    )
    grade.add_argument("--json", metavar="FILE", help="write every record, cell by cell, as JSON")
    grade.add_argument("--csv", metavar="FILE", help="write a row per student and notebook as CSV")
    grade.add_argument(
        "--store",
        metavar="FILE",
        help="keep each record as it finishes (default: beside the gradebook, FILE.store.jsonl); a re-run "
        "grades only what changed",
    )
    grade.add_argument("--force", action="store_true", help="grade everything again, even what is unchanged")
    grade.add_argument("--roster", metavar="FILE", help="class list CSV with columns id,name,email,folder")
    grade.add_argument(
        "--exercises",
        metavar="LIST",
        help="the exercises every student owes, comma-separated (default: every source notebook)",
    )
    grade.add_argument(
        "--due",
        action="append",
        default=[],
        metavar="EX=WHEN|WHEN|FILE",
        help="due date of an exercise (ex01=2026-12-01T23:59, UTC unless a zone is given), of every exercise not "
        "named (2026-12-01T23:59), or a CSV exercise,due",
    )
    grade.add_argument("--summary", metavar="FILE", help="write a row per student with totals as CSV")
    grade.add_argument("--canvas", metavar="FILE", help="write a Canvas gradebook import CSV")
    grade.add_argument("--moodle", metavar="FILE", help="write a Moodle grade import CSV")
    grade.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time limit per cell (default: {DEFAULT_TIMEOUT:g})",
    )
    grade.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="submissions graded at the same time (default: number of cores)",
    )
    sandbox = grade.add_argument_group(
        "sandbox",
        "every submission in a bubblewrap sandbox of its own "
        "(docs/instructors.md, 'Threat model'); sizes as 2G, 500M, 1M or bytes",
    )
    sandbox.add_argument(
        "--sandbox",
        choices=MODES,
        default="auto",
        help="auto (default): bubblewrap where it works, else none with a warning; "
        "bwrap: refuse to grade without it; none: no sandbox",
    )
    defaults = Limits()
    sandbox.add_argument(
        "--memory",
        default="2G",
        metavar="SIZE",
        help="memory of each process and, as root, of the whole sandbox (default: 2G)",
    )
    sandbox.add_argument(
        "--processes",
        type=int,
        default=defaults.processes,
        metavar="N",
        help=f"processes and threads (default: {defaults.processes})",
    )
    sandbox.add_argument("--file-size", default="500M", metavar="SIZE", help="largest file (default: 500M)")
    sandbox.add_argument("--scratch", default="500M", metavar="SIZE", help="all files written together (default: 500M)")
    sandbox.add_argument(
        "--max-output",
        default="1M",
        metavar="SIZE",
        help="output per cell; a cell printing more is stopped (default: 1M)",
    )
    sandbox.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME",
        help="pass this environment variable to the kernels (none passes otherwise)",
    )
    feedback = commands.add_parser(
        "feedback", help="write a feedback page per learner and exercise, and a class summary, from a gradebook"
    )
    feedback.add_argument("gradebook", metavar="GRADEBOOK", help="the JSON gradebook of `annlib grade --json`")
    feedback.add_argument(
        "submissions",
        nargs="*",
        metavar="SUBMISSION",
        help="submitted notebooks, or folders searched for them (default: each record's own path)",
    )
    feedback.add_argument("--out", required=True, metavar="FOLDER", help="folder for the feedback pages")
    feedback.add_argument(
        "--source",
        default=os.path.join("exercises", "source"),
        help="folder of source notebooks, as graded (default: exercises/source)",
    )
    progress = commands.add_parser(
        "progress", help="run your exercise notebooks with their visible checks and show where you stand"
    )
    progress.add_argument(
        "folder",
        nargs="?",
        default=None,
        metavar="FOLDER",
        help="folder of your exercise notebooks, or one notebook (default: exercises/student, or the current folder)",
    )
    progress.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time limit per cell (default: {DEFAULT_TIMEOUT:g})",
    )
    progress.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="notebooks run at the same time (default: number of cores)",
    )
    progress.add_argument(
        "--sandbox",
        choices=MODES,
        default="auto",
        help="auto (default): in a bubblewrap sandbox where it works; bwrap: only so; none: no sandbox",
    )
    return parser


def _progress(args):
    from annlib.progress import progress

    def done(count, total, notebook, seconds):
        print(f"[{count}/{total}] {notebook} ({seconds:.1f} s)", file=sys.stderr, flush=True)

    table = progress(args.folder, timeout=args.timeout, jobs=args.jobs, sandbox=args.sandbox, on_done=done)
    print(table.text())


def _release(args):
    from annlib.grading.release import release

    written = release(args.source_dir, args.out_dir)
    for path in written:
        print(f"wrote {path}")
    print(f"{len(written)} student notebook(s) in {args.out_dir}")


def _grade(args):
    from annlib.grading.grade import grade_class

    if args.timeout <= 0:
        raise ValueError(f"--timeout must be > 0, got {args.timeout:g}")
    if args.jobs < 1:
        raise ValueError(f"--jobs must be >= 1, got {args.jobs}")
    limits = Limits(
        memory=parse_size(args.memory),
        processes=args.processes,
        file_size=parse_size(args.file_size),
        scratch=parse_size(args.scratch),
        output=parse_size(args.max_output),
    )
    grade_class(args, limits)


def _feedback(args):
    from annlib.grading.report import write_feedback

    if not os.path.isdir(args.source):
        raise FileNotFoundError(f"feedback: source folder {args.source} does not exist (use --source DIR)")
    written = write_feedback(args.gradebook, args.out, source=args.source, submissions=args.submissions or None)
    students = {path.parent for path in written[:-2]}
    print(f"{len(written) - 2} feedback page(s) for {len(students)} student(s) in {args.out}")
    print(f"class summary: {written[-2]} and {written[-1]}")


def main(argv=None):
    """Run the command line; returns the exit status (0 unless the tool itself failed)."""
    args = _parser().parse_args(argv)
    try:
        {"release": _release, "grade": _grade, "progress": _progress, "feedback": _feedback}[args.command](args)
    except (OSError, ValueError, SandboxUnavailable) as error:  # NotebookFormatError is a ValueError
        message = str(error)  # the library names its function, which is the command's name too
        message = message[len(args.command) + 2 :] if message.startswith(f"{args.command}: ") else message
        print(f"annlib {args.command}: {message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
