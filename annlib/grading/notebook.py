"""nbgrader's cell format (schema version 3): reading, validating and checksumming exercise notebooks.

Every exercise notebook of the course marks its cells the way nbgrader does, under
`cell.metadata.nbgrader`:

    solution  the learner writes code between `### BEGIN SOLUTION` and `### END SOLUTION`
    grade     a test cell worth `points`, usually one line calling a check from annlib.checks
    locked    instructor code the learner must not change (set-up, imports, data)

Each marked cell has a `grade_id`, unique in the notebook. The same notebooks therefore work with
`annlib release` / `annlib grade` and with an nbgrader course. The instructor guide is docs/instructors.md.
"""

import hashlib
import json
import re

SCHEMA_VERSION = 3
GRADE_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]+$")


class NotebookFormatError(ValueError):
    """A file that is not a notebook, or a notebook whose nbgrader metadata is broken."""


def nbgrader_meta(cell):
    """The cell's nbgrader metadata as a dict (empty when the cell is not marked)."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta if isinstance(meta, dict) else {}


def is_grade(cell):
    """True for a graded (test) cell."""
    return bool(nbgrader_meta(cell).get("grade", False))


def is_solution(cell):
    """True for a cell the learner answers in."""
    return bool(nbgrader_meta(cell).get("solution", False))


def is_locked(cell):
    """True for a cell whose source the grader restores (graded or read-only, never a solution)."""
    meta = nbgrader_meta(cell)
    if not meta or is_solution(cell):
        return False
    return is_grade(cell) or bool(meta.get("locked", False))


def is_marked(cell):
    """True when the cell carries a grade_id that matters: solution, graded or locked."""
    return is_solution(cell) or is_grade(cell) or is_locked(cell)


def grade_id(cell):
    """The cell's grade_id, or None."""
    return nbgrader_meta(cell).get("grade_id")


def points(cell):
    """The points a graded cell is worth, as a float (0.0 for other cells)."""
    return float(nbgrader_meta(cell).get("points", 0)) if is_grade(cell) else 0.0


def compute_checksum(cell):
    """nbgrader's checksum: MD5 of source, cell type, the three flags, grade_id and points."""
    digest = hashlib.md5()
    digest.update(cell.source.encode("utf-8"))
    digest.update(cell.cell_type.encode("utf-8"))
    for flag in (is_grade(cell), is_solution(cell), is_locked(cell)):
        digest.update(str(flag).encode("utf-8"))
    digest.update(grade_id(cell).encode("utf-8"))
    if is_grade(cell):
        digest.update(str(points(cell)).encode("utf-8"))
    return digest.hexdigest()


class Node(dict):
    """A dict whose keys also read as attributes, like nbformat's NotebookNode (without importing nbformat)."""

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None

    def __setattr__(self, key, value):
        self[key] = value


def _to_node(value):
    if isinstance(value, dict):
        return Node((k, _to_node(v)) for k, v in value.items())
    if isinstance(value, list):
        return [_to_node(v) for v in value]
    return value


def _check_cells(raw, path):
    if not isinstance(raw, dict) or not isinstance(raw.get("cells"), list):
        raise NotebookFormatError(f"{path}: not a notebook (JSON without a list of 'cells')")
    if raw.get("nbformat") != 4:
        raise NotebookFormatError(
            f"{path}: unsupported nbformat {raw.get('nbformat')!r}, expected 4 "
            f"(open and save it in JupyterLab to upgrade it)"
        )
    for index, cell in enumerate(raw["cells"]):
        source = cell.get("source") if isinstance(cell, dict) else None
        if isinstance(source, list) and all(isinstance(line, str) for line in source):
            cell["source"] = "".join(source)
        elif not isinstance(source, str):
            raise NotebookFormatError(f"{path}: cell {index} has no text source")
        if cell.get("cell_type") not in ("code", "markdown", "raw"):
            raise NotebookFormatError(f"{path}: cell {index} has cell_type {cell.get('cell_type')!r}")
        if not isinstance(cell.setdefault("metadata", {}), dict):
            raise NotebookFormatError(f"{path}: cell {index} has metadata that is not a JSON object")


def read_notebook(path):
    """Read a notebook file (nbformat 4) quickly, without nbformat; raise NotebookFormatError if it is not one."""
    try:
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
    except UnicodeDecodeError as error:
        raise NotebookFormatError(f"{path}: not a notebook (not UTF-8 text: {error.reason})") from None
    except json.JSONDecodeError as error:
        raise NotebookFormatError(f"{path}: not a notebook (malformed JSON: {error})") from None
    except RecursionError:
        raise NotebookFormatError(f"{path}: not a notebook (JSON nested too deeply)") from None
    _check_cells(raw, path)
    return _to_node(raw)


def validate_nbgrader(nb, path="notebook"):
    """Check schema version, grade_ids (present, well formed, unique) and points; raise NotebookFormatError."""
    seen = set()
    for index, cell in enumerate(nb.cells):
        meta = nbgrader_meta(cell)
        if not meta:
            continue
        where = f"{path}: cell {index}"
        if meta.get("schema_version") != SCHEMA_VERSION:
            raise NotebookFormatError(
                f"{where}: nbgrader schema_version {meta.get('schema_version')!r}, expected {SCHEMA_VERSION}"
            )
        if not is_marked(cell):
            continue
        gid = grade_id(cell)
        if not isinstance(gid, str) or not GRADE_ID_PATTERN.match(gid):
            raise NotebookFormatError(f"{where}: grade_id {gid!r} must match [A-Za-z0-9_-]+")
        if gid in seen:
            raise NotebookFormatError(f"{where}: duplicate grade_id {gid!r}")
        seen.add(gid)
        if is_grade(cell):
            if "points" not in meta:
                raise NotebookFormatError(f"{where}: graded cell {gid!r} has no points")
            try:
                value = float(meta["points"])
            except (TypeError, ValueError):
                raise NotebookFormatError(
                    f"{where}: graded cell {gid!r} has points {meta['points']!r}, expected a number"
                ) from None
            if value < 0:
                raise NotebookFormatError(f"{where}: graded cell {gid!r} has negative points {value}")
        if cell.cell_type == "markdown" and is_grade(cell) != is_solution(cell) and not meta.get("task"):
            raise NotebookFormatError(f"{where}: a markdown cell must be both graded and a solution ({gid!r})")
    return nb


def read_source_notebook(path):
    """Read and validate an instructor's source notebook (quickly, for grading)."""
    return validate_nbgrader(read_notebook(path), path)


def read_with_nbformat(path):
    """Read and validate a source notebook with nbformat itself, as nbgrader does (for release)."""
    import nbformat  # slow to import (its JSON schema machinery): only the release needs it

    read_notebook(path)  # the clear messages for broken files
    return validate_nbgrader(nbformat.read(path, as_version=4), path)


def write_notebook(nb, path):
    """Write a notebook the way nbgrader and Jupyter do (sorted keys, one-space indent, final newline)."""
    import nbformat

    text = nbformat.writes(nb, version=4)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text if text.endswith("\n") else text + "\n")
