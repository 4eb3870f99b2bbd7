"""Every lesson is also a slide deck: each cell says how it is presented (cell metadata "slideshow").

jupyterlab-slideshow (the live deck in JupyterLab) and `make slides` (static reveal.js slides) read the
same metadata: "slide" starts an idea, "subslide" a detail below it, "fragment" appears on the next key
press, "notes" goes to the presenter's notes, "skip" is left out (the set-up cell). A cell without a slide
type joins the cell before it. nbconvert reads the value "-" that way too, but jupyterlab-slideshow 0.3
hides such a cell from the live deck, so the lessons leave the type out instead of writing "-".
"""

import json
from pathlib import Path

import pytest

LESSONS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", None}  # None: joins the cell before


def slide_types(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return cells, [cell["metadata"].get("slideshow", {}).get("slide_type") for cell in cells]


@pytest.mark.parametrize("path", LESSONS, ids=lambda path: path.stem)
def test_slide_types_are_ones_both_presenters_know(path):
    cells, types = slide_types(path)
    wrong = {index: kind for index, kind in enumerate(types) if kind not in SLIDE_TYPES}
    assert not wrong, (
        f"{path.name}: cells {wrong} have a slide_type jupyterlab-slideshow does not show; for a cell that "
        'joins the one before, delete "slideshow" from its metadata (do not write "-")'
    )


@pytest.mark.parametrize("path", LESSONS, ids=lambda path: path.stem)
def test_slides_follow_the_headings(path):
    cells, types = slide_types(path)
    assert types[0] == "slide", f"{path.name}: the first cell (the title) must start a slide"
    for index, (cell, kind) in enumerate(zip(cells, types)):
        source = "".join(cell["source"])
        lines = source.splitlines()
        if cell["cell_type"] == "markdown" and any(line.startswith("## ") for line in lines):
            assert kind == "slide", f"{path.name}: cell {index} opens a section (##) and should start a slide"
        if cell["cell_type"] == "markdown" and any(line.startswith("### ") for line in lines):
            assert kind in {"slide", "subslide"}, f"{path.name}: cell {index} has a ### heading; start a (sub)slide"
        if kind == "skip":
            outputs = cell.get("outputs", [])
            assert cell["cell_type"] == "code" and not outputs, (
                f"{path.name}: cell {index} is skipped but shows something; only a silent set-up cell is skipped"
            )
        if kind == "notes":
            assert cell["cell_type"] == "markdown", f"{path.name}: cell {index}: presenter's notes are markdown"
