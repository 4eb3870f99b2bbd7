"""The gradebook: records written as JSON (every cell, with feedback) or CSV (a row per student and notebook);
and, for a class, a summary with a row per student (`summary_rows`, `write_summary`) and the imports of
Canvas (`write_canvas`) and Moodle (`write_moodle`), a column per exercise."""

import csv
import io
import json
import os
import tempfile
from pathlib import Path

CSV_COLUMNS = ["student", "notebook", "score", "max_score", "error", "submission", "sandbox"]


def _write_atomically(path, text):
    # Write beside the target, then rename: a reader never sees half a gradebook.
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.chmod(temporary, 0o666 & ~_umask())  # as an ordinary file would be (mkstemp's is 0600)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _umask():
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def to_json(records):
    """The records as JSON text: a list of {submission, student, notebook, score, max_score, cells, error,
    sandbox}; `sandbox` is the sandbox that graded the submission ("bwrap" or "none")."""
    return json.dumps(records, indent=2) + "\n"


def to_csv(records):
    """The records as CSV text, sorted by student then notebook."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in sorted(records, key=lambda r: (r["student"], r["notebook"])):
        writer.writerow({**record, "error": record["error"] or "", "sandbox": record.get("sandbox", "none")})
    return buffer.getvalue()


def write_json(records, path):
    """Write the JSON gradebook to path, atomically."""
    _write_atomically(path, to_json(records))


def write_csv(records, path):
    """Write the CSV gradebook to path, atomically."""
    _write_atomically(path, to_csv(records))


def _exercise_column(name):
    return name[: -len(".ipynb")] if name.endswith(".ipynb") else name


def summary_rows(records, exercises, roster=None):
    """A row per student: every exercise of `exercises` ({notebook: max_score}) scored, an absent notebook
    as 0 and listed in `missing`; with a roster, every student on it (one who sent nothing has every
    exercise missing) and, flagged, anyone graded who is not on it. Totals and maxima count the
    exercises of `exercises` only, so no missing notebook can raise a percentage."""
    people = {}
    for student in roster or []:
        people[student.id] = {"id": student.id, "name": student.name, "email": student.email, "student": student.id,
                              "_extra": student.extra, "_flags": []}  # fmt: skip
    by_student = {}
    for record in records:
        by_student.setdefault(record["student"], {})[record["notebook"]] = record
        if record["student"] not in people:
            people[record["student"]] = {
                "id": record.get("student_id") or "",
                "name": record.get("student_name") or "",
                "email": record.get("email") or "",
                "student": record["student"],
                "_extra": {},
                "_flags": ["not on the roster"] if roster is not None else [],
            }
    rows = []
    for key, person in people.items():
        graded = by_student.get(key, {})
        scores, missing, late, flags = {}, [], [], list(person["_flags"])
        for name in exercises:
            record = graded.get(name)
            if record is None:
                scores[name] = 0.0
                missing.append(_exercise_column(name))
                continue
            scores[name] = float(record["score"])
            if record.get("late_days"):
                late.append(f"{_exercise_column(name)}:{record['late_days']}")
            flags += [f"{_exercise_column(name)}: {flag}" for flag in record.get("flags", [])]
            if record.get("error"):
                flags.append(f"{_exercise_column(name)}: {record['error']}")
        for name, record in sorted(graded.items()):
            if name not in exercises:
                flags.append(f"not graded: {record['submission']} matches no exercise")
        if roster is not None and not graded and not person["_flags"]:
            flags.insert(0, "absent: sent nothing")
        total, maximum = sum(scores.values()), sum(exercises.values())
        row = {
            "id": person["id"],
            "name": person["name"],
            "email": person["email"],
            "student": person["student"],
            "total": round(total, 4),
            "max": round(maximum, 4),
            "percent": round(100 * total / maximum, 2) if maximum else 0.0,
            "missing": ";".join(missing),
            "late_days": ";".join(late),
            "flags": " | ".join(flags),
            "_extra": person["_extra"],
            "_platform_id": next((r.get("platform_id") for r in graded.values() if r.get("platform") == "canvas"), ""),
        }
        row.update({_exercise_column(name): round(scores[name], 4) for name in exercises})
        rows.append(row)
    return rows


SUMMARY_COLUMNS = ["id", "name", "email", "student", "total", "max", "percent", "missing", "late_days", "flags"]


def _csv_text(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def to_summary(rows, exercises):
    """The per-student summary CSV: SUMMARY_COLUMNS, then a score column per exercise."""
    header = SUMMARY_COLUMNS + [_exercise_column(n) for n in exercises]
    return _csv_text(header, [[row[c] for c in header] for row in rows])


# Canvas: Grades > Import takes the layout of Grades > Export: `Student, ID, SIS User ID, SIS Login ID, Section`,
# then a column per assignment (a column whose title is not an existing assignment's "Name (id)" creates a
# new assignment); an optional second row `Points Possible`. Sources: Canvas Instructor Guide, "How do I
# import grades in the Gradebook?" and "How do I export grades in the Gradebook?" (community.canvaslms.com);
# the Ohio State guide "Import a CSV file to Carmen Grades" (teaching.resources.osu.edu), which lists the
# same required columns (one of Student name, ID or SIS User ID; SIS Login ID; Section; the assignments).
CANVAS_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


def to_canvas(rows, exercises):
    """The Canvas gradebook import: a row per student, a column per exercise, `Points Possible` first."""
    header = CANVAS_COLUMNS + [_exercise_column(n) for n in exercises]
    body = [["Points Possible", "", "", "", ""] + [round(m, 4) for m in exercises.values()]]
    for row in rows:
        extra = row["_extra"]
        body.append(
            [
                row["name"] or row["student"],
                extra.get("canvas_id") or row["_platform_id"],
                row["id"],
                extra.get("sis_login_id", ""),
                extra.get("section", ""),
            ]  # fmt: skip
            + [row[_exercise_column(n)] for n in exercises]
        )
    return _csv_text(header, body)


# Moodle: Grade administration > Import > CSV file: any columns; on the preview page the user is identified
# by mapping a column ("Map from") to a user field ("Map to": userid, username, useridnumber or useremail),
# and each grade column to a grade item. Source: Moodle Docs, "Grade import" (docs.moodle.org/en/Grade_import),
# which recommends mapping "Email address" to useremail (or "ID number" to useridnumber); these are the
# column titles of Moodle's own plain-text grade export, which this file follows.
MOODLE_COLUMNS = ["First name", "Last name", "ID number", "Email address"]


def to_moodle(rows, exercises):
    """The Moodle grade import: a row per student, a column per exercise (map Email address to useremail)."""
    header = MOODLE_COLUMNS + [_exercise_column(n) for n in exercises]
    body = []
    for row in rows:
        first, _, last = (row["name"] or row["student"]).rpartition(" ")
        body.append([first, last, row["id"], row["email"]] + [row[_exercise_column(n)] for n in exercises])
    return _csv_text(header, body)


def write_summary(rows, exercises, path):
    _write_atomically(path, to_summary(rows, exercises))


def write_canvas(rows, exercises, path):
    _write_atomically(path, to_canvas(rows, exercises))


def write_moodle(rows, exercises, path):
    _write_atomically(path, to_moodle(rows, exercises))
