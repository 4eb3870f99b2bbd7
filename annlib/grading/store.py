"""The results store: every graded record kept the moment it finishes, so that grading can be interrupted
and resumed, and a re-run grades only what changed.

The store is a JSON Lines file beside the gradebook (`grades.json` -> `grades.json.store.jsonl`), one
line per finished record, `{"key": ..., "record": {...}}`, appended and flushed to disk as each
submission finishes; nothing is ever rewritten, so a kill at any moment loses at most the line being
written (a torn last line is skipped when the store is read). The key of a record is the SHA-256 of the
submitted file, the SHA-256 of the source notebook it was graded against (with the files beside it) and
annlib's version: when all three are the same, grading again would give the same record.
"""

import hashlib
import json
import os
from pathlib import Path

import annlib


def file_digest(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def source_digest(source_dir, name):
    """The source notebook's digest, with the support files beside it (data and helper modules the checks
    read): a change to any of them changes every key of that notebook."""
    digest = hashlib.sha256(file_digest(Path(source_dir) / name).encode())
    for path in sorted(Path(source_dir).rglob("*")):
        relative = path.relative_to(source_dir)
        if (
            path.is_file()
            and path.suffix != ".ipynb"
            and not any(part.startswith(".") or part == "__pycache__" for part in relative.parts)
        ):
            digest.update(f"{relative.as_posix()}\0{file_digest(path)}\0".encode())
    return digest.hexdigest()


def record_key(submission, source_dir, source_name, _cache={}):
    """The key of grading `submission` against `source_name`: its content, the source's and annlib's version."""
    cached = (str(Path(source_dir).resolve()), source_name)
    if cached not in _cache:
        _cache[cached] = source_digest(source_dir, source_name)
    return f"{file_digest(submission)}:{_cache[cached]}:{annlib.__version__}"


def store_path(gradebook):
    """Where the store of a gradebook file lives: beside it."""
    return Path(f"{gradebook}.store.jsonl")


class Store:
    """The records of one gradebook, appended as they finish (a file opened in append mode per record)."""

    def __init__(self, path):
        self.path = Path(path)
        self.entries = []  # (key, record), in the order they were written
        if self.path.exists():
            with open(self.path, encoding="utf-8") as f:
                for line in f:
                    try:
                        entry = json.loads(line)
                        self.entries.append((entry["key"], entry["record"]))
                    except (ValueError, KeyError, TypeError):
                        continue  # a line torn by a kill
        self._by_submission = {record["submission"]: (key, record) for key, record in self.entries}

    def lookup(self, submission, key):
        """The stored record of this file graded with this key, or None."""
        found = self._by_submission.get(str(submission))
        return found[1] if found is not None and found[0] == key else None

    def append(self, key, record):
        """Keep a finished record: one line, flushed and synced before this returns."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"key": key, "record": record}) + "\n"
        descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        with os.fdopen(descriptor, "a", encoding="utf-8") as f:
            f.write(line)
            f.flush()
            os.fsync(f.fileno())
        self.entries.append((key, record))
        self._by_submission[record["submission"]] = (key, record)

    def records(self):
        """The latest record of each student and notebook (a re-graded or newer file replaces the older)."""
        latest = {}
        for _, record in self.entries:
            latest[(record["student"], record["notebook"])] = record
        return list(latest.values())
