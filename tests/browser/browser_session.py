"""What the browser tests share: the course copy JupyterLab serves, and the summary of a notebook's check."""

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE / "screenshots"
COPIED = ["notebooks", "exercises", "data"]


def summary_lines(result):
    """One line for a NotebookResult (what was seen, seconds per phase), then its widget interactions."""
    phases = " ".join(f"{phase} {seconds:.1f}" for phase, seconds in result.seconds.items())
    yield (
        f"{result.path}: {result.code_cells} code cells, {result.maths} formulas, {result.images} images, "
        f"{result.widget_views} widgets, {len(result.figure_texts)} described figures, "
        f"{len(result.interactions)} interactions | {phases}"
    )
    if result.axe is not None:
        described = sum(bool(f["saved"]) for f in result.figure_alts)
        shown = sum(bool(f["shown"]) and f["shown"] == f["saved"] for f in result.figure_alts)
        yield f"    {result.axe.summary()}"
        yield f"    figures: {len(result.figure_alts)}, with a saved text {described}, its alt on the page {shown}"
    for line in result.interactions:
        yield f"    {line}"
    for text in result.figure_texts:
        yield f"    figure: {text}"


def notebook_of(item):
    """The notebook a test item checks (its "path" parameter), or None."""
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("path") if callspec is not None else None


def course_copy(root):
    """Copy what the notebooks read into root; browser fixtures go to root/fixtures."""
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    for name in COPIED:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name, ignore=ignore)
    shutil.copytree(HERE / "fixtures", root / "fixtures", ignore=ignore)
    return root
