"""The browser checks themselves: they pass on good notebooks and fail, with a clear message, on bad ones.

The notebooks live in tests/browser/fixtures/: maths in markdown, widgets that redraw a figure, a cell
that raises, a widget whose callback raises, a slider wired to nothing. The last test starts a second
JupyterLab whose widget front end is disabled and shows that the suite says so.
"""

import pytest

from labdriver import FRONT_END_MISSING, WIDGET_EXTENSION, LabPage, check_notebook
from labserver import LabServer
from browser_session import course_copy, record


def test_latex_markdown_is_typeset(lab_page, screenshot_dir):
    result = check_notebook(lab_page, "fixtures/latex_markdown.ipynb",
                            screenshot_dir / "fixtures-latex_markdown.jpg")
    record(result)
    assert result.maths >= 2  # one inline formula and one display formula
    assert result.code_cells == 1


def test_widgets_are_drawn_and_respond(lab_page, screenshot_dir):
    result = check_notebook(lab_page, "fixtures/slider_figure.ipynb",
                            screenshot_dir / "fixtures-slider_figure.jpg")
    assert result.widget_views == 2
    assert result.images >= 2
    done = "\n".join(result.interactions)
    # the explorer cell: slider and dropdown each redraw the figure
    assert "slider 'w' 1.00 -> 1.50: output changed" in done
    assert "dropdown 'activation' sigmoid -> tanh: output changed" in done
    # the training cell: the slider is a setting, each button redraws the history
    assert "slider 'rate' 0.50 -> 0.60: output unchanged" in done
    for button in ("Train", "Step", "Reset"):
        assert f"button '{button}' pressed: output changed" in done
    assert done.index("'Train'") < done.index("'Reset'")
    record(result)


def test_a_raising_cell_fails(lab_page):
    with pytest.raises(AssertionError, match=r"raising_cell.ipynb: cell 2 raised ZeroDivisionError"):
        check_notebook(lab_page, "fixtures/raising_cell.ipynb")


def test_a_widget_whose_callback_raises_fails(lab_page):
    with pytest.raises(AssertionError, match=r"broken_widget.ipynb: a widget raised: ZeroDivisionError"):
        check_notebook(lab_page, "fixtures/broken_widget.ipynb")


def test_a_widget_that_changes_nothing_fails(lab_page):
    with pytest.raises(AssertionError, match=r"dead_widget.ipynb: cell 1: slider 'n' .*did not change"):
        check_notebook(lab_page, "fixtures/dead_widget.ipynb", change_timeout_ms=3_000)


@pytest.fixture(scope="module")
def lab_without_widgets(tmp_path_factory):
    """A second JupyterLab with the widget front end disabled (at user level, in its own config dir)."""
    root = course_copy(tmp_path_factory.mktemp("course-no-widgets"))
    server = LabServer(root, tmp_path_factory.mktemp("lab-state-no-widgets"),
                       disabled_extensions=[WIDGET_EXTENSION]).start()
    yield server
    server.stop()


def test_a_missing_widget_front_end_fails_loudly(lab_without_widgets, browser_context):
    page = LabPage(browser_context, lab_without_widgets)
    try:
        with pytest.raises(AssertionError, match=FRONT_END_MISSING):
            check_notebook(page, "fixtures/slider_figure.ipynb")
    finally:
        page.discard()
