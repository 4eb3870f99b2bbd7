"""Every lesson and every exercise source notebook, run in JupyterLab in a headless browser.

For each notebook found on disk (notebooks/*.ipynb, exercises/source/*.ipynb and
exercises/source/*/*.ipynb), check_notebook runs all cells and fails on an error output, LaTeX that
was not typeset, a widget that was not drawn or an image that did not load, and on what axe-core (WCAG
2.0/2.1 A and AA) finds serious or critical in the course's content, or in JupyterLab beyond the known
list (axe_known.json); then it works every widget and fails when one raises or when moving it (or
pressing its Train/Step/... button) changes nothing.
A screenshot of each notebook goes to tests/browser/screenshots/.
"""

import pytest
from browser_session import REPO
from labdriver import check_notebook

PATTERNS = ["notebooks/*.ipynb", "exercises/source/*.ipynb", "exercises/source/*/*.ipynb"]


def course_notebooks():
    found = [path for pattern in PATTERNS for path in sorted(REPO.glob(pattern))]
    return [path.relative_to(REPO).as_posix() for path in found if ".ipynb_checkpoints" not in path.parts]


@pytest.mark.parametrize("path", course_notebooks())
def test_notebook_in_jupyterlab(path, lab_page, screenshot_dir, record):
    screenshot = screenshot_dir / (path.replace("/", "-").removesuffix(".ipynb") + ".jpg")
    result = check_notebook(lab_page, path, screenshot, accessibility=True)
    record(result)
    assert result.code_cells > 0, f"{path}: no code cell ran"
    widget_cells = {line.split(":")[0] for line in result.interactions}
    assert result.widget_views == 0 or widget_cells, f"{path}: widgets were drawn but none could be worked"
