"""Student versions of exercise notebooks: `annlib release SOURCE_DIR OUT_DIR`.

The same steps, in the same order, as nbgrader's `generate_assignment`, so both tools give the same file:
lock cells, replace solution regions by a stub, clear outputs, checksum, remove hidden tests, checksum again.
"""

import copy
import os
import re
import shutil
from pathlib import Path

from annlib.grading.notebook import (
    NotebookFormatError,
    compute_checksum,
    is_grade,
    is_locked,
    is_solution,
    nbgrader_meta,
    read_with_nbformat,
    write_notebook,
)

CODE_STUB = ["# YOUR CODE HERE", "raise NotImplementedError()"]
TEXT_STUB = ["YOUR ANSWER HERE"]
IGNORED = {".ipynb_checkpoints", "__pycache__", ".git", "feedback"}  # as nbgrader ignores them


def _replace_region(source, begin, end, stub_lines, where):
    """Replace each `begin`...`end` line region by `stub_lines` (indented like `begin`); report if any."""
    new_lines, inside, found = [], False, False
    for line in source.split("\n"):
        if begin in line:
            if inside:
                raise NotebookFormatError(f"{where}: nested '{begin}'")
            inside = found = True
            indent = re.match(r"\s*", line).group(0)
            new_lines.extend(indent + stub for stub in stub_lines)
        elif end in line:
            inside = False
        elif not inside:
            new_lines.append(line)
    if inside:
        raise NotebookFormatError(f"{where}: '{begin}' without '{end}'")
    return "\n".join(new_lines), found


def _lock(cell):
    if is_solution(cell):
        cell.metadata["deletable"] = False
    elif is_grade(cell) or is_locked(cell):
        cell.metadata["deletable"] = False
        cell.metadata["editable"] = False


def _clear_solution(cell, where):
    stub = CODE_STUB if cell.cell_type == "code" else TEXT_STUB
    cell.source, replaced = _replace_region(cell.source, "BEGIN SOLUTION", "END SOLUTION", stub, where)
    if replaced and not is_solution(cell):
        raise NotebookFormatError(f"{where}: solution region in a cell not marked as a solution cell")
    if is_solution(cell) and not replaced:
        cell.source = "\n".join(stub)


def _clear_output(cell):
    if cell.cell_type == "code":
        cell.outputs = []
        cell.execution_count = None
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)


def _checksum(cell):
    if is_grade(cell) or is_solution(cell) or is_locked(cell):
        cell.metadata.nbgrader["checksum"] = compute_checksum(cell)
        cell.metadata.nbgrader["cell_type"] = cell.cell_type


def _clear_hidden(cell, where):
    cell.source, removed = _replace_region(cell.source, "BEGIN HIDDEN TESTS", "END HIDDEN TESTS", [], where)
    if removed and not is_grade(cell):
        raise NotebookFormatError(f"{where}: hidden tests in a cell not marked as graded")
    cell.source, removed = _replace_region(cell.source, "BEGIN MARK SCHEME", "END MARK SCHEME", [], where)
    if removed and not nbgrader_meta(cell).get("task"):
        raise NotebookFormatError(f"{where}: mark scheme in a cell not marked as a task")


def student_version(source_nb, path="notebook"):
    """The student version of a source notebook (a new notebook; the argument is not changed)."""
    nb = copy.deepcopy(source_nb)
    language = nb.metadata.get("kernelspec", {}).get("language", "python")
    if language != "python":
        raise NotebookFormatError(f"{path}: kernel language {language!r}, only python is supported")
    nb.metadata.pop("celltoolbar", None)
    for index, cell in enumerate(nb.cells):
        where = f"{path}: cell {index}"
        _lock(cell)
        _clear_solution(cell, where)
        _clear_output(cell)
        _checksum(cell)
    for index, cell in enumerate(nb.cells):
        _clear_hidden(cell, f"{path}: cell {index}")
        _checksum(cell)
    return nb


def _walk(source_dir):
    for root, dirs, files in os.walk(source_dir):
        dirs[:] = sorted(d for d in dirs if d not in IGNORED)
        for name in sorted(files):
            if not name.endswith(".pyc"):
                yield Path(root, name)


def release(source_dir, out_dir):
    """Release every notebook of source_dir into out_dir (other files copied as they are).

    Returns the list of written notebook paths. Nothing is written if any source notebook is invalid.
    """
    source_dir, out_dir = Path(source_dir), Path(out_dir)
    if not source_dir.is_dir():
        raise FileNotFoundError(f"release: source folder {source_dir} does not exist")
    if out_dir.resolve() == source_dir.resolve():
        raise ValueError(f"release: the output folder must differ from the source folder {source_dir}")
    files = list(_walk(source_dir))
    students = {f: student_version(read_with_nbformat(f), str(f)) for f in files if f.suffix == ".ipynb"}
    written = []
    for f in files:
        target = out_dir / f.relative_to(source_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        if f in students:
            write_notebook(students[f], target)
            written.append(target)
        else:
            shutil.copy2(f, target)
    return written
