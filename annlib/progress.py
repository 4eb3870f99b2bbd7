"""Where a learner stands: every exercise notebook of a folder run with its visible checks, as one table.

    annlib progress [FOLDER]                                  in a terminal (default: exercises/student)
    from annlib.progress import progress; progress()          in a notebook cell: an HTML table

Each notebook runs the way `annlib grade` runs a submission (annlib.grading.grade): on a copy, in a fresh
kernel, in a bubblewrap sandbox where there is one, with a time limit per cell, several notebooks at a
time. The checks are the ones the learner sees, the test cells of their own notebook without any hidden
tests; so the table is the learner's view, and the grader, with its hidden cases, may still score
differently. The learner's files are only read, never written: progress works on copies.

A notebook's parts are its graded cells (nbgrader's `grade_id` and `points`), each named by the markdown
heading above it, so the table follows the notebooks as parts are added or removed.
"""

import html
import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from annlib.grading import DEFAULT_TIMEOUT

DEFAULT_FOLDER = os.path.join("exercises", "student")
HIDDEN_NOTE = "the grader's hidden cases may still differ"
_POINTS_SUFFIX = re.compile(r"\s*\(\s*\d+(\.\d+)?\s+points?\s*\)\s*$")


@dataclass(frozen=True)
class Part:
    """One graded cell of an exercise: its title (the heading above it), its points and how it did.

    status: "passed", "not written yet", "failed" (the check found a mistake), "error", "timeout",
    "kernel died", "limit", "not run" or "manual" (graded by hand); feedback: what the check found (its
    first line); hint: what to look at and do next, when the check gave one.
    """

    grade_id: str
    title: str
    points: float
    status: str = "not run"
    feedback: str = ""
    hint: str = ""

    @property
    def passed(self):
        return self.status == "passed"

    @property
    def result(self):
        """What the table shows: 'passed', 'not written yet', or the one line of feedback."""
        if self.status in ("passed", "not written yet"):
            return self.status
        if self.status == "manual":
            return "graded by hand"
        return self.feedback or self.status

    @property
    def shown_hint(self):
        """The hint the table shows under the result ('' for a part that passed or is not written yet)."""
        return self.hint if self.result == self.feedback and self.feedback else ""


@dataclass(frozen=True)
class Exercise:
    """One notebook: its title, its parts and, when it could not be run as a whole, why (`error`)."""

    notebook: str
    title: str
    parts: tuple = ()
    error: str = None

    @property
    def points(self):
        return sum(p.points for p in self.parts if p.passed)

    @property
    def max_points(self):
        return sum(p.points for p in self.parts if p.status != "manual")


@dataclass
class Progress:
    """The table `progress()` returns: shown as HTML in a notebook, as text in a terminal (`str`)."""

    folder: str
    exercises: list = field(default_factory=list)
    sandbox: str = "none"
    notes: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def parts(self):
        return [part for exercise in self.exercises for part in exercise.parts]

    @property
    def points(self):
        return sum(e.points for e in self.exercises)

    @property
    def max_points(self):
        return sum(e.max_points for e in self.exercises)

    def summary(self):
        """'12 of 86 points: 5 of 35 parts pass the visible checks (...)'."""
        checked = [p for p in self.parts if p.status != "manual"]
        text = (
            f"{_num(self.points)} of {_num(self.max_points)} points: "
            f"{sum(p.passed for p in checked)} of {len(checked)} parts pass their visible checks "
            f"({HIDDEN_NOTE})"
        )
        manual = [p for p in self.parts if p.status == "manual"]
        if manual:
            text += f"; {len(manual)} part(s) worth {_num(sum(p.points for p in manual))} points are graded by hand"
        return text

    def footer(self):
        """'8 notebooks in 5.5 s, each in a sandbox of its own'."""
        where = "each in a sandbox of its own" if self.sandbox == "bwrap" else "without a sandbox"
        return f"{len(self.exercises)} notebook(s) of {self.folder} in {self.seconds:.1f} s, {where}"

    def text(self):
        """The table as plain text, one line per part."""
        rows = []
        for exercise in self.exercises:
            score = f"{_num(exercise.points)}/{_num(exercise.max_points)}" if exercise.parts else ""
            rows.append((exercise.title, "", score, ""))
            if exercise.error:
                rows.append(("", "", "", f"! {exercise.error}"))
            for part in exercise.parts:
                rows.append(("", part.title, _num(part.points), _mark(part) + part.result))
                if part.shown_hint:
                    rows.append(("", "", "", f"  hint: {part.shown_hint}"))
        width_title = max([len(r[0]) for r in rows if r[1] == ""] + [8])
        width_part = max([len(r[1]) for r in rows] + [4])
        width_points = max([len(r[2]) for r in rows] + [6])
        lines = [f"{'exercise':<{width_title}}  {'part':<{width_part}}  {'points':>{width_points}}  result"]
        for title, part, points, result in rows:
            if title:
                lines.append(f"{title:<{width_title}}  {'':<{width_part}}  {points:>{width_points}}")
            else:
                indent = " " * (width_title + 2)
                lines.append(f"{indent}{part:<{width_part}}  {points:>{width_points}}  {result}".rstrip())
        lines.append(f"total: {self.summary()}")
        lines.append(f"({self.footer()})")
        lines += [f"note: {note}" for note in self.notes]
        return "\n".join(lines)

    def __str__(self):
        return self.text()

    def __repr__(self):
        return (
            f"Progress({self.folder!r}: {_num(self.points)} of {_num(self.max_points)} points, "
            f"{len(self.exercises)} notebook(s))"
        )

    def _repr_pretty_(self, printer, cycle):  # IPython's plain-text display
        printer.text(self.text())

    def _repr_html_(self):
        left = "text-align:left;vertical-align:top;padding:2px 8px"
        out = [
            "<table class='annlib-progress' style='border-collapse:collapse'>",
            f"<thead><tr><th style='{left}'>exercise</th><th style='{left}'>part</th>"
            f"<th style='{left}'>points</th><th style='{left}'>result</th></tr></thead><tbody>",
        ]
        for exercise in self.exercises:
            score = f"{_num(exercise.points)} / {_num(exercise.max_points)}" if exercise.parts else ""
            out.append(
                f"<tr style='border-top:1px solid #ccc'><th style='{left}' colspan='2'>{_e(exercise.title)}</th>"
                f"<th style='{left}'>{score}</th><td style='{left}'></td></tr>"
            )
            if exercise.error:
                out.append(f"<tr><td></td><td style='{left};color:#b00' colspan='3'>{_e(exercise.error)}</td></tr>")
            for part in exercise.parts:
                color = {"passed": "#080", "not written yet": "#777", "manual": "#777"}.get(part.status, "#b00")
                hint = f"<br><span style='color:#555'>hint: {_e(part.shown_hint)}</span>" if part.shown_hint else ""
                out.append(
                    f"<tr><td></td><td style='{left}'>{_e(part.title)}</td><td style='{left}'>{_num(part.points)}</td>"
                    f"<td style='{left};color:{color}'>{_e(_mark(part) + part.result)}{hint}</td></tr>"
                )
        out.append("</tbody></table>")
        out.append(f"<p><b>Total:</b> {_e(self.summary())}.<br><small>{_e(self.footer())}</small></p>")
        out += [f"<p><i>Note:</i> {_e(note)}</p>" for note in self.notes]
        return "\n".join(out)


def _num(value):
    return f"{value:g}"


def _e(text):
    return html.escape(str(text), quote=True)


def _mark(part):
    if part.passed:
        return "\u2713 "
    if part.status in ("not written yet", "manual", "not run"):
        return ""
    return "\u2717 "


def default_folder():
    """exercises/student under the current folder; in a notebook of that folder, the folder itself."""
    return DEFAULT_FOLDER if os.path.isdir(DEFAULT_FOLDER) else os.curdir


def _first_line(feedback):
    line = feedback.strip().splitlines()[0] if feedback.strip() else ""
    for prefix in ("CheckFailed: ", "AssertionError: "):
        if line.startswith(prefix):
            return line[len(prefix) :]
    return line


def _message_and_hint(feedback):
    """A record's feedback as (its first line, the check's hint): "CheckFailed: sigmoid: ...\n  hint: ..."."""
    from annlib.grading.feedback import split

    message, hint = split(feedback)
    return _first_line(message), hint


def _not_written(status, feedback):
    line = _first_line(feedback)
    return status != "passed" and (line.endswith("is not written yet") or line.startswith("NotImplementedError"))


def _headings(cell):
    """The markdown headings of a cell as (level, text), outside fenced code blocks."""
    fenced = False
    for line in cell.source.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,6}\s", line):
            hashes = len(line) - len(line.lstrip("#"))
            yield hashes, line[hashes:].strip()


def _heading(cell):
    """The last markdown heading in a cell ('Part 1: the weighted sum'), without its '(2 points)'."""
    found = [text for _, text in _headings(cell)]
    return _POINTS_SUFFIX.sub("", found[-1]) if found else None


def _reference(path):
    """The checks the learner sees: the student version of their own notebook (hidden tests removed).

    A marked cell copied in JupyterLab carries the same grade_id twice; the reference keeps the first
    (the copies still run, as the grader runs them).
    """
    from annlib.grading.notebook import grade_id, is_marked, read_notebook, validate_nbgrader
    from annlib.grading.release import student_version

    nb = read_notebook(path)
    seen, cells = set(), []
    for cell in nb.cells:
        gid = grade_id(cell) if is_marked(cell) else None
        if gid is not None and isinstance(gid, str):
            if gid in seen:
                continue
            seen.add(gid)
        cells.append(cell)
    nb.cells = cells
    return student_version(validate_nbgrader(nb, str(path)), str(path))


def _outline(path, reference):
    """The exercise's title, its parts (not run yet) and, for each part, the grade_ids of its answer cells
    (those since the previous check), read from the reference notebook."""
    from annlib.grading.notebook import grade_id, is_grade, is_solution, points

    title, heading, parts, answers, pending = None, None, [], {}, []
    for cell in reference.cells:
        if cell.cell_type == "markdown":
            if title is None:
                title = next((text for level, text in _headings(cell) if level == 1), None)
            heading = _heading(cell) or heading
        if is_solution(cell) and cell.cell_type == "code":
            pending.append(grade_id(cell))
        if is_grade(cell):
            parts.append(Part(grade_id(cell), heading or grade_id(cell), points(cell)))
            answers[grade_id(cell)], pending = pending, []
    return title or Path(path).stem, parts, answers


def _unanswered(path, answers):
    """The grade_ids of the parts whose every answer cell still holds the stub `raise NotImplementedError()`."""
    from annlib.grading.notebook import grade_id, is_solution, read_notebook
    from annlib.grading.release import CODE_STUB

    stub = "\n".join(line.strip() for line in CODE_STUB)
    sources = {}
    for cell in read_notebook(path).cells:
        if is_solution(cell) and cell.cell_type == "code":
            text = "\n".join(line.strip() for line in cell.source.splitlines() if line.strip())
            sources.setdefault(grade_id(cell), []).append(stub in text)
    return {part for part, cells in answers.items() if cells and all(all(sources.get(gid, [True])) for gid in cells)}


def progress(folder=None, *, timeout=DEFAULT_TIMEOUT, jobs=None, sandbox="auto", on_done=None):
    """Run every exercise notebook in `folder` with its visible checks; returns a `Progress` table.

    folder: a folder of exercise notebooks, or one notebook (default: exercises/student under the current
    folder, or the current folder itself, as in a notebook cell of exercises/student). Only what is saved counts: save
    the notebook you are working on first. timeout: seconds per cell; jobs: notebooks at a time (default:
    the number of cores); sandbox: "auto" (bubblewrap where it works), "bwrap" or "none", as for
    `annlib grade`. on_done(done, total, notebook, seconds) is called as each notebook finishes.
    Nothing in `folder` is written.
    """
    from annlib.grading.grade import copy_support_files, grade_all
    from annlib.grading.notebook import NotebookFormatError
    from annlib.grading.sandbox import check, choose

    folder = Path(default_folder() if folder is None else folder)
    if folder.is_file() and folder.suffix == ".ipynb":  # one notebook: its folder, for that notebook only
        folder, paths = folder.parent, [folder]
    elif folder.is_dir():
        paths = sorted(p for p in folder.glob("*.ipynb") if p.is_file())
    else:
        raise FileNotFoundError(
            f"progress: expected a folder of exercise notebooks (such as {DEFAULT_FOLDER}) or one notebook, "
            f"got {str(folder)!r}, which is neither"
        )
    if timeout <= 0:
        raise ValueError(f"progress: timeout must be > 0 seconds, got {timeout:g}")
    if jobs is not None and jobs < 1:
        raise ValueError(f"progress: jobs must be >= 1, got {jobs}")
    if not paths:
        raise FileNotFoundError(f"progress: expected exercise notebooks (*.ipynb) in {folder}, found none")
    used, warning = choose(sandbox)
    started = time.perf_counter()
    result = Progress(str(folder), sandbox=used)
    if warning:
        result.notes.append(f"no sandbox here ({check()}): the notebooks ran with your own rights, as in JupyterLab")
    slots = []  # (path, Exercise not run yet, grade_ids of its parts not answered)
    with tempfile.TemporaryDirectory(prefix="annlib-progress-") as scratch:
        checks, copies = Path(scratch, "checks"), Path(scratch, "notebooks")
        checks.mkdir()
        copies.mkdir()
        to_run = []
        for path in paths:
            try:
                reference = _reference(path)
            except (NotebookFormatError, OSError) as error:
                message = str(error).replace(f"{path}: ", "", 1)
                slots.append((path, Exercise(path.name, path.stem, (), f"could not be read: {message}"), set()))
                continue
            title, parts, answers = _outline(path, reference)
            if not parts:
                continue  # a notebook without graded cells is not an exercise
            with open(checks / path.name, "w", encoding="utf-8") as f:
                json.dump(reference, f)
            shutil.copyfile(path, copies / path.name)
            to_run.append(copies / path.name)
            slots.append((path, Exercise(path.name, title, tuple(parts)), _unanswered(path, answers)))
        if not slots:
            raise FileNotFoundError(
                f"progress: expected exercise notebooks (with graded cells) in {folder}, found none"
            )
        copy_support_files(folder, checks)  # as the grader copies them
        report = None
        if on_done is not None:

            def report(done, total, record, seconds):
                on_done(done, total, record["notebook"], seconds)

        records = grade_all(to_run, checks, timeout=timeout, jobs=jobs, progress=report, sandbox=used) if to_run else []
    by_name = {r["notebook"]: r for r in records}
    for path, exercise, unanswered in slots:
        record = by_name.get(path.name)
        if record is not None:
            exercise = _merge(exercise, record, unanswered)
        result.exercises.append(exercise)
    result.seconds = time.perf_counter() - started
    return result


def _merge(exercise, record, unanswered=()):
    cells = {c["grade_id"]: c for c in record["cells"]}
    parts = []
    for part in exercise.parts:
        cell = cells.get(part.grade_id, {})
        status, feedback = cell.get("status", "not run"), cell.get("feedback", "")
        if status != "passed" and (part.grade_id in unanswered or _not_written(status, feedback)):
            status = "not written yet"
        message, hint = _message_and_hint(feedback)
        parts.append(Part(part.grade_id, part.title, part.points, status, message, hint))
    return Exercise(exercise.notebook, exercise.title, tuple(parts), record["error"])
