"""The gradebook: records written as JSON (every cell, with feedback) or CSV (a row per student and notebook)."""

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
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


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
