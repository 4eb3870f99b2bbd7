"""Where submissions come from: the folder layouts `annlib grade` reads, each file's student and exercise.

Layouts, recognised file by file (a download may be mixed with hand-collected folders):

    canvas    Canvas's "Download Submissions" zip, unzipped flat: `lovelaceada_12345_6789012_ex01_neuron.ipynb`,
              `lovelaceada_LATE_12345_6789012_ex01_neuron.ipynb` (name, LATE marker, user id, submission
              id, the file's own name, with `-1`, `-2` added by Canvas to a re-uploaded file's name). The
              student is the Canvas user id.
    moodle    Moodle's "Download all submissions" zip (in folders): `Ada Lovelace_12345_assignsubmission_file_/
              ex01_neuron.ipynb` (full name, participant id, plugin). The student is the participant id.
              Moodle builds the name in mod/assign/locallib.php, download_submissions(): fullname with `_`
              turned into spaces, `_`, get_uniqueid_for_user(), `_`, then the plugin's subtype and type.
    nbgrader  `submitted/<student>/<assignment>/<notebook>.ipynb`: the student is the folder after `submitted`;
              the submission time is nbgrader's `timestamp.txt` beside the notebook.
    folders   any other layout: the student is the folder holding the notebook.

A file is matched to its exercise by its name; a renamed file (`ex01_neuron (1).ipynb`,
`ex01_neuron-Copy1.ipynb`, `Ex03_Forward.ipynb`) by its name without the copy marks, else by the grade_ids
of its cells; either way it is reported as renamed. Where one student has several files for one exercise,
the newest is graded (nbgrader's `timestamp.txt`, else the file's modification time) and the others are
listed in the record's flags.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from annlib.grading.grade import find_submissions
from annlib.grading.notebook import grade_id, is_marked

CANVAS_FILE = re.compile(r"^(?P<slug>[A-Za-z0-9-]+?)_(?P<late>LATE_)?(?P<uid>\d+)_(?P<sid>\d+)_(?P<name>.+)$")
MOODLE_FOLDER = re.compile(r"^(?P<name>.+?)_(?P<pid>\d+)_assign(?:submission|feedback)_[a-z]+_?$")
COPY_MARKS = re.compile(r"(\s*\(\d+\)|[-_ ]?copy\d*|-\d+)$", re.IGNORECASE)


@dataclass
class Found:
    """One submitted file: who sent it (as the platform names them), for which exercise, and when."""

    path: Path
    platform: str  # canvas, moodle, nbgrader or folders
    key: str  # the student's identity on the platform: Canvas user id, Moodle participant id, folder name
    display: str  # their name as the platform shows it (slug, full name, folder)
    submitted_name: str  # the file's own name (for Canvas: without the prefix Canvas added)
    late_marker: bool = False  # Canvas's LATE_
    timestamp: datetime = None
    timestamp_source: str = "file time"
    exercise: str = None  # the source notebook's file name, or None when nothing matches
    renamed: bool = False
    flags: list = field(default_factory=list)

    def aliases(self):
        """Every name a roster's `folder` column may use for this student."""
        return [a for a in {self.key, self.display} if a]


def _timestamp(path, platform):
    if platform == "nbgrader":
        stamp = path.parent / "timestamp.txt"
        if stamp.is_file():
            text = stamp.read_text(errors="replace").strip().replace(" UTC", "+00:00")
            try:
                when = datetime.fromisoformat(text)
                return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)), "timestamp.txt"
            except ValueError:
                pass
    return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc), "file time"


def classify(path):
    """The Found of one notebook file (platform, student, submitted name, time); exercise not yet matched."""
    path = Path(path)
    parts = path.resolve().parts
    canvas = CANVAS_FILE.match(path.name)
    moodle = next((MOODLE_FOLDER.match(p) for p in reversed(parts[:-1]) if MOODLE_FOLDER.match(p)), None)
    if moodle is not None:
        found = Found(path, "moodle", moodle["pid"], moodle["name"], path.name)
    elif canvas is not None:
        found = Found(path, "canvas", canvas["uid"], canvas["slug"], canvas["name"], late_marker=bool(canvas["late"]))
    elif len(parts) >= 4 and parts[-4] == "submitted":
        found = Found(path, "nbgrader", parts[-3], parts[-3], path.name)
    else:
        found = Found(path, "folders", path.parent.name, path.parent.name, path.name)
    found.timestamp, found.timestamp_source = _timestamp(path, found.platform)
    return found


def source_grade_ids(source_dir):
    """{source notebook name: set of its marked cells' grade_ids}."""
    ids = {}
    for path in sorted(Path(source_dir).glob("*.ipynb")):
        try:
            cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError):
            cells = []
        ids[path.name] = {grade_id(c) for c in cells if isinstance(c, dict) and is_marked(c)}
    return ids


def _plain(name):
    stem = name[: -len(".ipynb")] if name.lower().endswith(".ipynb") else name
    while True:
        shorter = COPY_MARKS.sub("", stem)
        if shorter == stem:
            return stem.lower().strip()
        stem = shorter


def _their_grade_ids(path):
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        return {grade_id(c) for c in cells if isinstance(c, dict) and is_marked(c)}
    except (OSError, ValueError, AttributeError):
        return set()


def _best_match(sources, theirs):
    """The source notebook holding at least half of its grade_ids among `theirs` (the most), else None."""
    best = max(sources, key=lambda name: len(sources[name] & theirs), default=None)
    if best is not None and len(sources[best] & theirs) * 2 >= max(1, len(sources[best])):
        return best
    return None


def match_exercise(found, sources):
    """Set found.exercise and found.renamed: by file name, by the name without copy marks, else by grade_ids.

    A file matched by its name whose cells carry none of that exercise's grade_ids but another's is flagged
    (the wrong notebook sent under this name?) and graded as the exercise its name says, as nbgrader would.
    """
    named = found.submitted_name if found.submitted_name in sources else None
    named = named or {_plain(name): name for name in sources}.get(_plain(found.submitted_name))
    if named is not None:
        found.exercise, found.renamed = named, named != found.submitted_name
        theirs = _their_grade_ids(found.path)
        other = _best_match(sources, theirs)
        if theirs and not theirs & sources[found.exercise] and other not in (None, found.exercise):
            found.flags.append(
                f"its cells are {other}'s (by their grade_ids): the wrong notebook sent as {found.submitted_name}? "
                f"graded as {found.exercise}"
            )
        return found
    best = _best_match(sources, _their_grade_ids(found.path))
    if best is not None:
        found.exercise, found.renamed = best, True
    return found


def discover(paths, source_dir):
    """Every notebook under `paths`, classified and matched to its exercise (None when nothing matches)."""
    sources = source_grade_ids(source_dir)
    return [match_exercise(classify(path), sources) for path in find_submissions(paths)]


def platforms(found):
    """The layouts seen, most files first (for the summary line)."""
    counts = {}
    for f in found:
        counts[f.platform] = counts.get(f.platform, 0) + 1
    return sorted(counts, key=lambda p: -counts[p])


def choose(found):
    """The files to grade: one per student and exercise, the newest (timestamp.txt, else file time).

    Returns (chosen, passed_over). A chosen file whose student sent other files for the same exercise gets a
    flag naming them ("resubmission"); a folder holding two files for each of two or more exercises is also
    flagged as possibly two students' work in one folder.
    """
    groups = {}
    for f in found:
        if f.exercise is not None:
            groups.setdefault((f.platform, f.key, f.exercise), []).append(f)
    chosen, passed_over = [], []
    doubled = {}
    for (platform, key, _), files in groups.items():
        files.sort(key=lambda f: (f.timestamp, str(f.path)))
        newest = files[-1]
        chosen.append(newest)
        if len(files) > 1:
            passed_over += files[:-1]
            doubled[(platform, key)] = doubled.get((platform, key), 0) + 1
            others = ", ".join(f"{f.path.name} ({f.timestamp:%Y-%m-%d %H:%M} UTC)" for f in files[:-1])
            newest.flags.append(
                f"resubmission: {len(files)} files for this exercise; graded the newest by {newest.timestamp_source} "
                f"({newest.path.name}, {newest.timestamp:%Y-%m-%d %H:%M} UTC), not {others}"
            )
    for f in chosen:
        if doubled.get((f.platform, f.key), 0) >= 2:
            f.flags.append(
                "two students in one folder? this folder holds two files for each of "
                f"{doubled[(f.platform, f.key)]} exercises; check by hand"
            )
        if f.renamed:
            f.flags.append(f"renamed: submitted as {f.submitted_name}, matched to {f.exercise}")
    chosen.sort(key=lambda f: str(f.path))
    return chosen, passed_over
