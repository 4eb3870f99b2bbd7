"""The `annlib` command: release student versions of exercise notebooks and grade submissions.

    annlib release SOURCE_DIR OUT_DIR
    annlib grade SUBMISSION... [--source DIR] [--json FILE] [--csv FILE] [--timeout SECONDS] [--jobs N]

The instructor guide (docs/instructors.md) walks through release, collect, grade and export.
"""

import argparse
import os
import sys


def _parser():
    parser = argparse.ArgumentParser(prog="annlib", description="Exercise notebooks of the annlib course.")
    commands = parser.add_subparsers(dest="command", required=True)
    release = commands.add_parser("release", help="write student versions of the source notebooks")
    release.add_argument("source_dir", help="folder of source notebooks (with solutions)")
    release.add_argument("out_dir", help="folder for the student versions")
    grade = commands.add_parser("grade", help="grade submitted notebooks into a gradebook")
    grade.add_argument("submissions", nargs="+", metavar="SUBMISSION",
                       help="submitted notebooks, or folders searched for them (e.g. submitted/)")
    grade.add_argument("--source", default=os.path.join("exercises", "source"),
                       help="folder of source notebooks, matched by file name (default: exercises/source)")
    grade.add_argument("--json", metavar="FILE", help="write every record, cell by cell, as JSON")
    grade.add_argument("--csv", metavar="FILE", help="write a row per student and notebook as CSV")
    grade.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                       help="time limit per cell (default: 30)")
    grade.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                       help="submissions graded at the same time (default: number of cores)")
    return parser


def _release(args):
    from annlib.grading.release import release

    written = release(args.source_dir, args.out_dir)
    for path in written:
        print(f"wrote {path}")
    print(f"{len(written)} student notebook(s) in {args.out_dir}")


def _grade(args):
    from annlib.grading.grade import find_submissions, grade_all, print_progress
    from annlib.grading.gradebook import to_csv, write_csv, write_json

    if args.timeout <= 0:
        raise ValueError(f"--timeout must be > 0, got {args.timeout:g}")
    if args.jobs < 1:
        raise ValueError(f"--jobs must be >= 1, got {args.jobs}")
    if not os.path.isdir(args.source):
        raise FileNotFoundError(f"grade: source folder {args.source} does not exist (use --source DIR)")
    submissions = find_submissions(args.submissions)
    if not submissions:
        raise FileNotFoundError("grade: no notebooks found in " + " ".join(args.submissions))
    records = grade_all(submissions, args.source, timeout=args.timeout, jobs=args.jobs, progress=print_progress)
    if args.json:
        write_json(records, args.json)
    if args.csv:
        write_csv(records, args.csv)
    if not args.json and not args.csv:
        sys.stdout.write(to_csv(records))


def main(argv=None):
    """Run the command line; returns the exit status (0 unless the tool itself failed)."""
    args = _parser().parse_args(argv)
    try:
        _release(args) if args.command == "release" else _grade(args)
    except (OSError, ValueError) as error:  # NotebookFormatError is a ValueError
        print(f"annlib {args.command}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
