"""The class list (`annlib grade --roster FILE`) and due dates (`--due`).

The roster is a CSV file with a header row; the columns `id`, `name`, `email` and `folder` are required
(in any order, any case), any others are kept (`section`, `canvas_id`, `sis_login_id` are used by the
Canvas export):

    id,name,email,folder
    s001,Ada Lovelace,ada@example.org,ada
    s002,Bo Chen,bo@example.org,12345

`folder` names the student as the submissions do: the folder name (folders and nbgrader layouts), the
Canvas user id or Canvas's name (`lovelaceada`), the Moodle participant id or full name. Several names
may be given, separated by `;`. A student is also matched by `id`, and by `name` (letters only, any order
of the words, any case). Due dates: `--due ex01=2026-12-01T23:59` (an exercise's file name or its start;
a time without a zone is UTC), repeatable, or `--due FILE` (CSV with columns `exercise,due`).
"""

import csv
import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

REQUIRED = ("id", "name", "email", "folder")


@dataclass
class Student:
    id: str
    name: str
    email: str
    folder: str
    extra: dict = field(default_factory=dict)

    def aliases(self):
        names = {self.id, *(a.strip() for a in self.folder.split(";"))}
        words = _letters(self.name).split()
        names.add(" ".join(words))
        names.add("".join(words[::-1]))  # Canvas: lovelaceada
        names.add("".join(words))
        return {_letters(n).replace(" ", "") for n in names if n} | {n for n in names if n}


def _letters(text):
    return re.sub(r"[^a-z0-9 ]", "", re.sub(r"\s+", " ", str(text).lower())).strip()


def read_roster(path):
    """The roster's students, in file order; ValueError naming the problem for a bad file."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        header = {(h or "").strip().lower(): h for h in reader.fieldnames or []}
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise ValueError(
                f"grade: roster {path} lacks the column(s) {', '.join(missing)}; "
                "its header must hold id,name,email,folder"
            )
        students, seen = [], set()
        for number, row in enumerate(reader, start=2):
            row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
            if not row.get("id"):
                raise ValueError(f"grade: roster {path}, line {number}: no id")
            if row["id"] in seen:
                raise ValueError(f"grade: roster {path}, line {number}: id {row['id']!r} appears twice")
            seen.add(row["id"])
            extra = {k: v for k, v in row.items() if k not in REQUIRED}
            students.append(Student(row["id"], row["name"], row["email"], row["folder"], extra))
    return students


def resolve(found, roster):
    """{(platform, key): Student} for every submitting student the roster names; an alias two students
    share matches neither (reported as not on the roster)."""
    index = {}
    for student in roster:
        for alias in student.aliases():
            index.setdefault(alias, []).append(student)
    matched = {}
    for f in found:
        if (f.platform, f.key) in matched:
            continue
        for alias in (f.key, f.display, _letters(f.display).replace(" ", ""), _letters(f.display)):
            candidates = index.get(alias) or []
            if len(candidates) == 1:
                matched[(f.platform, f.key)] = candidates[0]
                break
    return matched


def parse_due(values, exercises):
    """{exercise file name: due datetime (UTC)} from `--due` values: `ex01=2026-12-01T23:59`, a CSV file, or a
    bare date and time for every exercise (an exercise named on its own keeps its own date)."""
    pairs, every = [], None
    for value in values or []:
        if "=" in value:
            pairs.append(tuple(value.split("=", 1)))
        elif (moment := _moment(value)) is not None:
            every = moment
        elif Path(value).is_file():
            with open(value, newline="", encoding="utf-8-sig") as f:
                for row in csv.DictReader(f):
                    row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
                    pairs.append((row.get("exercise", ""), row.get("due", "")))
        else:
            raise ValueError(f"grade: --due {value!r} is neither EXERCISE=WHEN, a date and time, nor a CSV file")
    due = dict.fromkeys(exercises, every) if every is not None else {}
    for name, when in pairs:
        name = name.strip()
        targets = [e for e in exercises if e == name or e == f"{name}.ipynb" or e.startswith(name)]
        if len(targets) != 1:
            raise ValueError(f"grade: --due names {name!r}, which matches {len(targets)} source notebooks")
        moment = _moment(when)
        if moment is None:
            raise ValueError(f"grade: --due {name}: {when!r} is not a date and time like 2026-12-01T23:59")
        due[targets[0]] = moment
    return due


def _moment(text):
    """An ISO date and time, in UTC unless it names its zone; None when `text` is not one."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def late_days(submitted, due):
    """Whole days late, counting any part of a day (0 when on time or when there is no due date)."""
    if due is None or submitted is None or submitted <= due:
        return 0
    return math.ceil((submitted - due).total_seconds() / 86400)
