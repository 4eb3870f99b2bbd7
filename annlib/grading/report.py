"""Feedback from a gradebook: a page per learner and exercise, and a class summary for the instructor.

    annlib feedback GRADEBOOK.json [SUBMISSION...] --out FOLDER [--source DIR]

writes FOLDER/<student>/<exercise>.html for every record of the JSON gradebook (annlib.grading.grade):
the learner's own cells (their answers and the cells they added, read from their submitted notebook;
never the source's test cells or hidden tests), each part's points, the check's message and hint, and a
total. FOLDER/class_summary.html and FOLDER/class_summary.csv give each part's pass rate and the hints
that fired most often, as tables and as bar charts (PNG, embedded).

Every page stands alone: inline CSS, figures as data: URLs, no script, and a Content-Security-Policy that
forbids loading anything from elsewhere; every text that comes from a learner or a check is escaped.
Which of a submission's cells are the learner's follows the grader's own rule (grade.plan): answers are
the code cells whose grade_id is a solution cell of the source; added cells are code cells the source
does not mark. The instructor guide is docs/instructors.md, "Feedback for learners".
"""

import base64
import csv
import html
import io
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from annlib.grading import feedback as _feedback
from annlib.grading.grade import find_submissions, student_name
from annlib.grading.notebook import (
    NotebookFormatError,
    grade_id,
    is_grade,
    is_marked,
    is_solution,
    read_notebook,
    read_source_notebook,
)

MAX_CELL = 20_000  # characters of one learner cell shown; a longer cell is cut, and says so
TOP_HINTS = 3  # hints per part in the CSV

# A cell's status (annlib.grading.grade) in words: (passed?, symbol, what the learner reads).
STATUSES = {
    "passed": (True, "\u2713", "Passed"),
    "failed": (False, "\u2717", "Not yet: the check found a problem"),
    "error": (False, "\u2717", "Not yet: the code raised an error"),
    "timeout": (False, "\u2717", "Stopped: it ran past the time limit"),
    "kernel died": (False, "\u2717", "Stopped: Python itself stopped while this part ran"),
    "limit": (False, "\u2717", "Stopped: the code printed more than the output limit"),
    "tampered": (False, "\u2717", "Not graded: the notebook changed what grading relies on; your teacher will look"),
    "not run": (False, "\u2013", "Not run: the notebook could not be graded"),
    "missing": (False, "\u2013", "No notebook received"),
    "manual": (None, "\u270e", "Graded by hand: points to come"),
}
_POINTS_NOTE = re.compile(r"\s*\(\s*\d+(\.\d+)?\s+points?\s*\)\s*$")

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;line-height:1.5;color:#1a1a1a;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-top:1px solid #ccc;padding-top:1rem}
h3{font-size:1rem}
pre{background:#f4f4f4;border:1px solid #ddd;padding:.75rem;overflow-x:auto;white-space:pre-wrap;
word-break:break-word}
.message{white-space:pre-wrap;word-break:break-word}
.result{font-weight:bold}.passed{color:#0a5d1f}.notpassed{color:#8a1c1c}.other{color:#444}
.hint{border-left:4px solid #555;padding:.25rem .75rem;background:#f7f7f2}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #bbb;padding:.3rem .6rem;
text-align:left;vertical-align:top}td.num{text-align:right}
.total{font-size:1.2rem;font-weight:bold}.note{color:#444}
img{max-width:100%;height:auto}
"""
# Nothing may load from elsewhere, nothing may run: styles inline, images as data: URLs.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def esc(text):
    return html.escape(str(text), quote=True)


def page(title, body):
    """A whole, self-contained HTML page."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="referrer" content="no-referrer">\n<title>{esc(title)}</title>\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def number(value):
    return f"{float(value):g}"


def status_words(status):
    """(passed: True/False/None, symbol, words) of a cell status; an unknown status reads as not passed."""
    return STATUSES.get(status, (False, "\u2717", f"Not passed ({status})"))


def is_missing(record):
    """A record the roster marks as a notebook never received (its status, or a `missing` flag)."""
    return bool(record.get("missing")) or record.get("status") == "missing"


def safe_name(text):
    """A file or folder name from a student or exercise name: no separators, no leading dots."""
    name = re.sub(r"[^\w.\- ]", "_", str(text)).strip(" .")
    return name or "_"


# -- the learner's cells ------------------------------------------------------------------------------


@dataclass
class Part:
    """A graded cell of the source: its record, its heading in the notebook, and the learner's cells before it."""

    cell: dict
    title: str
    code: list = field(default_factory=list)  # (label, source) of the learner's cells shown with this part


def _heading(cell):
    for line in cell.source.splitlines():
        if line.lstrip().startswith("#"):
            return _POINTS_NOTE.sub("", line.strip().lstrip("#").strip())
    return None


def part_titles(source_nb):
    """{grade_id: title} of the source's graded cells: the heading above each in the notebook (its grade_id
    added when two parts share one), or the grade_id."""
    titles, heading = {}, None
    for cell in source_nb.cells if source_nb is not None else []:
        if cell.cell_type == "markdown" and not is_solution(cell):  # a solution cell's text is the answer
            heading = _heading(cell) or heading
        if is_grade(cell):
            gid = grade_id(cell)
            if not heading:
                titles[gid] = gid
            else:
                titles[gid] = f"{heading} ({gid})" if heading in titles.values() else heading
    return titles


def learner_sections(record, source_nb, submitted_nb):
    """The record's parts in the source's order, each with the learner's cells that come before it, and
    the learner's cells after the last part: (parts, trailing).

    Cells are taken from the submission as the grader runs them (grade.plan): the code cells whose
    grade_id is a solution cell of the source (in the learner's order), the written answers to manually
    graded cells, and the code cells the source does not mark, after the marked cell they followed.
    Graded and read-only cells come from the source, and are never shown.
    """
    marked = {grade_id(c): c for c in source_nb.cells if is_marked(c)} if source_nb is not None else {}
    answers, added, anchor = defaultdict(list), defaultdict(list), None
    for cell in submitted_nb.cells if submitted_nb is not None else []:
        gid = grade_id(cell) if is_marked(cell) else None
        if gid in marked:
            source_cell = marked[gid]
            if is_solution(source_cell) and cell.cell_type == source_cell.cell_type:
                answers[gid].append(cell.source)
            anchor = gid
        elif cell.cell_type == "code":
            added[anchor].append(cell.source)
    if source_nb is None and submitted_nb is not None:  # no source: the submission's own marks decide
        added[None] = [
            c.source for c in submitted_nb.cells if c.cell_type == "code" and (is_solution(c) or not is_marked(c))
        ]
    by_id = {c.get("grade_id"): c for c in record.get("cells") or []}
    parts, pending, seen = [], [("A cell you added at the top", s) for s in added[None]], set()
    titles = part_titles(source_nb)
    for cell in source_nb.cells if source_nb is not None else []:
        gid = grade_id(cell) if is_marked(cell) else None
        if gid is None:
            continue
        kind = "Your written answer" if cell.cell_type == "markdown" else "Your answer"
        pending += [(f"{kind} ({gid})", s) for s in answers[gid]] if is_solution(cell) else []
        if is_grade(cell) and gid in by_id:
            parts.append(Part(by_id[gid], titles[gid], pending))
            pending, seen = [], seen | {gid}
        pending += [(f"A cell you added after {gid}", s) for s in added[gid]]
    # Cells of the record the source does not have (a source changed since grading): shown all the same.
    parts += [Part(c, c.get("grade_id") or "part") for c in record.get("cells") or [] if c.get("grade_id") not in seen]
    return parts, pending


# -- a learner's page ---------------------------------------------------------------------------------


def _code(label, source):
    cut = ""
    if len(source) > MAX_CELL:
        cut = f'<p class="note">(cut: {len(source) - MAX_CELL:,} more characters not shown)</p>'
        source = source[:MAX_CELL]
    return f"<h3>{esc(label)}</h3>\n<pre><code>{esc(source)}</code></pre>{cut}"


def _result(cell):
    passed, symbol, words = status_words(cell.get("status"))
    css = "passed" if passed else ("other" if passed is None else "notpassed")
    return f'<span class="result {css}"><span aria-hidden="true">{symbol}</span> {esc(words)}</span>'


def _points(cell):
    if cell.get("status") == "manual":
        return f"to come (out of {number(cell.get('max_points', 0))})"
    return f"{number(cell.get('points', 0))} / {number(cell.get('max_points', 0))}"


def _part_section(index, part):
    cell = part.cell
    message, hint = _feedback.split(cell.get("feedback") or "")
    rows = [
        f'<h2 id="part-{index}">Part {index}: {esc(part.title)}</h2>',
        f'<p>{_result(cell)} &middot; Points: {esc(_points(cell))} &middot; <span class="note">'
        f"check {esc(cell.get('grade_id', ''))}</span></p>",
    ]
    if message and cell.get("status") not in ("passed", "manual"):
        rows.append(f'<h3>What the check says</h3>\n<p class="message">{esc(message)}</p>')
    if hint:
        rows.append(f'<div class="hint"><h3>Hint</h3>\n<p class="message">{esc(hint)}</p></div>')
    rows += [_code(label, source) for label, source in part.code]
    return "<section>\n" + "\n".join(rows) + "\n</section>"


def learner_page(record, exercise, source_nb=None, submitted_nb=None, problem=None):
    """The HTML feedback page of one record. `problem`: why the submitted notebook could not be read."""
    student = record.get("student", "")
    title = f"Feedback on {exercise} for {student}"
    body = [f"<h1>{esc(title)}</h1>", f'<p class="note">Notebook: {esc(record.get("notebook", ""))}</p>']
    if is_missing(record):
        body.append(f'<p class="total">Total: 0 / {esc(number(record.get("max_score", 0)))} points</p>')
        body.append("<p><strong>No notebook was received for this exercise.</strong> It counts 0 points.</p>")
        return page(title, "\n".join(body))
    parts, trailing = learner_sections(record, source_nb, submitted_nb)
    manual = [p for p in parts if p.cell.get("status") == "manual"]
    note = " (parts graded by hand are not counted yet)" if manual else ""
    body.append(
        f'<p class="total">Total: {esc(number(record.get("score", 0)))} / '
        f"{esc(number(record.get('max_score', 0)))} points{esc(note)}</p>"
    )
    if record.get("error"):
        error = record["error"].replace(record.get("submission") or "\0", record.get("notebook", ""))
        body.append(
            f'<h2>A problem while grading</h2>\n<p class="message">{esc(error)}</p>\n'
            "<p>Parts this problem stopped count 0 points; ask your teacher if this looks wrong.</p>"
        )
    if problem:
        body.append(f'<p class="note">Your cells cannot be shown: {esc(problem)}</p>')
    if parts:
        rows = "\n".join(
            f'<tr><td><a href="#part-{i}">Part {i}: {esc(p.title)}</a></td><td>{_result(p.cell)}</td>'
            f'<td class="num">{esc(_points(p.cell))}</td></tr>'
            for i, p in enumerate(parts, 1)
        )
        body.append(
            "<table>\n<caption>Your parts at a glance</caption>\n"
            '<tr><th scope="col">Part</th><th scope="col">Result</th><th scope="col">Points</th></tr>\n'
            f"{rows}\n</table>"
        )
    body += [_part_section(i, p) for i, p in enumerate(parts, 1)]
    if trailing:
        body.append("<section>\n<h2>Your other cells</h2>\n" + "\n".join(_code(*c) for c in trailing) + "\n</section>")
    return page(title, "\n".join(body))


# -- the class summary --------------------------------------------------------------------------------


@dataclass
class PartSummary:
    exercise: str
    grade_id: str
    title: str
    max_points: float = 0.0
    received: int = 0
    passed: int = 0
    points: float = 0.0
    statuses: Counter = field(default_factory=Counter)
    hints: Counter = field(default_factory=Counter)

    @property
    def pass_rate(self):
        """Share of the received submissions that passed; None for a part graded by hand or none received."""
        if not self.received or self.statuses.get("manual", 0):
            return None
        return self.passed / self.received


def summarise(records, exercise_of, titles):
    """A PartSummary per (exercise, part), in the order met; and how many notebooks were missing per exercise."""
    parts, missing = {}, Counter()
    for record in records:
        exercise = exercise_of(record)
        if is_missing(record):
            missing[exercise] += 1
            continue
        for cell in record.get("cells") or []:
            key = (exercise, cell.get("grade_id"))
            if key not in parts:
                parts[key] = PartSummary(exercise, key[1], titles.get(key, key[1]), float(cell.get("max_points", 0)))
            part = parts[key]
            part.received += 1
            part.statuses[cell.get("status")] += 1
            part.passed += cell.get("status") == "passed"
            part.points += float(cell.get("points", 0))
            hint = _feedback.split(cell.get("feedback") or "")[1]
            if hint and cell.get("status") != "passed":
                part.hints[hint] += 1
    return list(parts.values()), missing


def _percent(rate):
    return "graded by hand" if rate is None else f"{100 * rate:.0f}%"


def _not_passed(part):
    return ", ".join(f"{status} {n}" for status, n in part.statuses.most_common() if status != "passed") or "none"


def _neutral(text):
    """A CSV cell a spreadsheet will not run as a formula."""
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def summary_csv(parts, missing):
    """The class summary as CSV text: a row per part, with its pass rate and its most frequent hints."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    hint_columns = [name for i in range(1, TOP_HINTS + 1) for name in (f"hint_{i}", f"hint_{i}_count")]
    writer.writerow(
        ["exercise", "part", "title", "max_points", "received", "missing", "passed", "pass_rate", "mean_points",
         "not_passed", *hint_columns]
    )  # fmt: skip
    for part in parts:
        hints = part.hints.most_common(TOP_HINTS)
        hints += [("", "")] * (TOP_HINTS - len(hints))
        rate = part.pass_rate
        writer.writerow(
            [_neutral(part.exercise), _neutral(part.grade_id), _neutral(part.title), number(part.max_points),
             part.received, missing.get(part.exercise, 0), part.passed, "" if rate is None else f"{rate:.3f}",
             f"{part.points / part.received:.3f}" if part.received else "", _not_passed(part),
             *[_neutral(value) for pair in hints for value in pair]]
        )  # fmt: skip
    return buffer.getvalue()


def _label(text, width=48):
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def bar_chart(labels, values, xlabel, xlim=None):
    """A horizontal bar chart as PNG bytes, drawn on matplotlib's Agg canvas (pyplot and its state untouched)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    fig = Figure(figsize=(8, 0.45 * len(labels) + 1.2), dpi=96, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    positions = list(range(len(labels)))[::-1]  # the first label on top
    bars = ax.barh(positions, values, color="#3b6ea8")
    ax.set_yticks(positions)
    ax.set_yticklabels([_label(t) for t in labels], parse_math=False)
    ax.set_xlabel(xlabel)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if xlim:
        ax.set_xlim(*xlim)
    ax.bar_label(bars, labels=[f"{v:g}" for v in values], padding=3)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _image(png, alt):
    data = base64.b64encode(png).decode("ascii")
    return f'<figure>\n<img src="data:image/png;base64,{data}" alt="{esc(alt)}">\n</figure>'


def summary_page(parts, missing, records, exercise_of, files):
    """The instructor's class summary page."""
    students = sorted({r.get("student", "") for r in records})
    body = [
        "<h1>Class summary</h1>",
        f"<p>{len(records)} record(s) of {len(students)} student(s); {sum(missing.values())} notebook(s) missing. "
        "A pass rate counts the notebooks received; a hint is counted each time a check gave it to a part "
        "that did not pass: the hints given most often point at what to teach again.</p>",
    ]
    rated = [p for p in parts if p.pass_rate is not None]
    rows = "\n".join(
        f'<tr><td>{esc(p.exercise)}</td><td>{esc(p.title)}<br><span class="note">{esc(p.grade_id)}</span></td>'
        f'<td class="num">{esc(number(p.max_points))}</td><td class="num">{p.received}</td>'
        f'<td class="num">{missing.get(p.exercise, 0)}</td><td class="num">{p.passed}</td>'
        f'<td class="num">{esc(_percent(p.pass_rate))}</td>'
        f'<td class="num">{p.points / p.received if p.received else 0:.2f}</td><td>{esc(_not_passed(p))}</td></tr>'
        for p in parts
    )
    body.append(
        "<h2>Pass rate per part</h2>\n<table>\n<caption>Each graded part: notebooks received, missing, passed"
        "</caption>\n"
        "<tr>"
        + "".join(
            f'<th scope="col">{h}</th>'
            for h in (
                "Exercise",
                "Part",
                "Points",
                "Received",
                "Missing",
                "Passed",
                "Pass rate",
                "Mean points",
                "Not passed, by status",
            )
        )  # fmt: skip
        + f"</tr>\n{rows}\n</table>"
    )
    if rated:
        lowest = min(rated, key=lambda p: p.pass_rate)
        highest = max(rated, key=lambda p: p.pass_rate)
        alt = (
            f"Horizontal bar chart of the pass rate, in percent of the notebooks received, of each of the "
            f"{len(rated)} graded parts. Lowest: {lowest.exercise} {lowest.title} at {_percent(lowest.pass_rate)}; "
            f"highest: {highest.exercise} {highest.title} at {_percent(highest.pass_rate)}."
        )
        png = bar_chart(
            [f"{p.exercise}: {p.title}" for p in rated],
            [round(100 * p.pass_rate) for p in rated],
            "pass rate (% of notebooks received)",
            (0, 110),
        )
        body.append(_image(png, alt))
    fired = sorted(
        ((n, p, hint) for p in parts for hint, n in p.hints.items()), key=lambda t: (-t[0], t[1].exercise, t[2])
    )
    body.append("<h2>Hints given most often</h2>")
    if fired:
        rows = "\n".join(
            f'<tr><td class="num">{n}</td><td>{esc(p.exercise)}: {esc(p.title)}</td>'
            f'<td class="message">{esc(hint)}</td></tr>'
            for n, p, hint in fired
        )
        body.append(
            "<table>\n<caption>Each hint with the number of learners' parts it was given to</caption>\n"
            '<tr><th scope="col">Times</th><th scope="col">Part</th><th scope="col">Hint</th></tr>\n'
            f"{rows}\n</table>"
        )
        top = fired[:10]
        alt = (
            f"Horizontal bar chart of how many times each of the {len(top)} most frequent hints was given. "
            f"The most frequent, {top[0][0]} time(s), on {top[0][1].exercise} {top[0][1].title}: {top[0][2]}"
        )
        png = bar_chart([f"{p.title}: {hint}" for _, p, hint in top], [n for n, _, _ in top], "times given")
        body.append(_image(png, alt))
    else:
        body.append("<p>No hint was given.</p>")
    attention = [
        r for r in records if is_missing(r) or r.get("error") or any(
            c.get("status") not in ("passed", "failed", "error", "manual") for c in r.get("cells") or [])
    ]  # fmt: skip
    body.append("<h2>Records to look at</h2>")
    if attention:
        rows = "\n".join(
            f"<tr><td>{esc(r.get('student', ''))}</td><td>{esc(exercise_of(r))}</td><td>{esc(_attention(r))}</td>"
            f"<td>{esc(files.get(id(r), ''))}</td></tr>"
            for r in sorted(attention, key=lambda r: (r.get("student", ""), exercise_of(r)))
        )
        body.append(
            "<table>\n<caption>Missing notebooks, grading errors, and parts stopped, tampered with or not run"
            "</caption>\n"
            '<tr><th scope="col">Student</th><th scope="col">Exercise</th><th scope="col">What</th>'
            f'<th scope="col">Feedback file</th></tr>\n{rows}\n</table>'
        )
    else:
        body.append("<p>None: every notebook was received and graded without a problem.</p>")
    return page("Class summary", "\n".join(body))


def _attention(record):
    if is_missing(record):
        return "missing"
    odd = Counter(c.get("status") for c in record.get("cells") or [])
    words = [f"{s}: {n} part(s)" for s, n in sorted(odd.items()) if s not in ("passed", "failed", "error", "manual")]
    if record.get("error"):
        words.insert(0, f"error: {record['error']}")
    return "; ".join(words)


# -- everything ---------------------------------------------------------------------------------------


def read_gradebook(path):
    """The records of a JSON gradebook written by `annlib grade --json` (unknown fields are kept)."""
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"feedback: {path} is not a JSON gradebook ({error})") from None
    if not isinstance(records, list) or not all(isinstance(r, dict) and "student" in r for r in records):
        raise ValueError(f"feedback: {path} is not a gradebook of `annlib grade --json` (a list of records)")
    return records


class _Sources:
    """The source notebooks, read once: by file name, or by the grade_ids of a record's cells (a notebook
    the learner renamed)."""

    def __init__(self, folder):
        self.notebooks = {}
        for path in sorted(Path(folder).glob("*.ipynb")) if folder and Path(folder).is_dir() else []:
            try:
                self.notebooks[path.name] = read_source_notebook(path)
            except NotebookFormatError:
                continue

    def find(self, record):
        """(exercise name, source notebook or None) of a record."""
        name = record.get("notebook") or Path(record.get("submission") or "").name
        if name in self.notebooks:
            return Path(name).stem, self.notebooks[name]
        ids = {c.get("grade_id") for c in record.get("cells") or []}
        for other, nb in self.notebooks.items():
            if ids and ids == {grade_id(c) for c in nb.cells if is_grade(c)}:
                return Path(other).stem, nb
        return Path(name).stem or "notebook", None


def _submission_finder(submissions, gradebook):
    """A function from a record to its submitted file (or None): among `submissions` (files or folders)
    by student and file name when given, else the record's own path (as given to the grader, relative to
    the current folder or to the gradebook's)."""
    if submissions:
        found = {(student_name(p), p.name): p for p in find_submissions(submissions)}
        return lambda r: found.get((r.get("student"), Path(r.get("submission") or r.get("notebook") or "").name))

    def own(record):
        path = Path(record.get("submission") or "")
        if not record.get("submission"):
            return None
        for candidate in (path, Path(gradebook).parent / path):
            if candidate.is_file():
                return candidate
        return None

    return own


def write_feedback(gradebook, out, source="exercises/source", submissions=None):
    """Write every learner's pages and the class summary into `out`; returns the paths written.

    gradebook: the JSON gradebook's path, or its records; source: the folder of source notebooks;
    submissions: files or folders holding the submitted notebooks (default: each record's own path).
    """
    records = read_gradebook(gradebook) if isinstance(gradebook, (str, Path)) else list(gradebook)
    out, sources = Path(out), _Sources(source)
    locate = _submission_finder(submissions, gradebook if isinstance(gradebook, (str, Path)) else ".")
    written, files, titles, used = [], {}, {}, set()
    exercises = {id(r): sources.find(r) for r in records}
    for record in sorted(records, key=lambda r: (str(r.get("student", "")), str(r.get("notebook", "")))):
        exercise, source_nb = exercises[id(record)]
        submitted_nb, problem = None, None
        if not is_missing(record):
            path = locate(record)
            try:
                submitted_nb = read_notebook(path) if path is not None else None
                problem = None if path is not None else "the submitted notebook was not found"
            except (NotebookFormatError, OSError) as error:
                problem = str(error).replace(str(path), record.get("notebook", ""))  # not the instructor's folders
        titles.update({(exercise, gid): title for gid, title in part_titles(source_nb).items()})
        target = out / safe_name(record.get("student", "")) / f"{safe_name(exercise)}.html"
        count = 1
        while target in used:  # two records of one student and exercise (a resubmission): both kept
            count += 1
            target = target.with_name(f"{safe_name(exercise)}-{count}.html")
        used.add(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(learner_page(record, exercise, source_nb, submitted_nb, problem), encoding="utf-8")
        files[id(record)] = target.relative_to(out).as_posix()
        written.append(target)
    parts, missing = summarise(records, lambda r: exercises[id(r)][0], titles)
    summary = summary_page(parts, missing, records, lambda r: exercises[id(r)][0], files)
    out.mkdir(parents=True, exist_ok=True)
    (out / "class_summary.html").write_text(summary, encoding="utf-8")
    (out / "class_summary.csv").write_text(summary_csv(parts, missing), encoding="utf-8", newline="")
    return written + [out / "class_summary.html", out / "class_summary.csv"]
