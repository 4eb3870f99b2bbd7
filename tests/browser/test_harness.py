"""The browser checks themselves: they pass on good notebooks and fail, with a clear message, on bad ones.

The notebooks live in tests/browser/fixtures/: maths in markdown, widgets that redraw a figure, a cell
that raises, a widget whose callback raises, a slider wired to nothing, LaTeX that does not parse. The
last tests use a second JupyterLab whose widget and MathJax extensions are disabled, and show that the
suite says so.
"""

import pytest
from labdriver import FRONT_END_MISSING, LabPage, check_notebook


def test_latex_markdown_is_typeset(lab_page, screenshot_dir, record):
    result = check_notebook(lab_page, "fixtures/latex_markdown.ipynb", screenshot_dir / "fixtures-latex_markdown.jpg")
    record(result)
    assert result.maths >= 2  # one inline formula and one display formula
    assert result.code_cells == 1


def test_widgets_are_drawn_and_respond(lab_page, screenshot_dir, record):
    result = check_notebook(lab_page, "fixtures/slider_figure.ipynb", screenshot_dir / "fixtures-slider_figure.jpg")
    assert result.widget_views == 2
    assert result.images >= 2
    done = "\n".join(result.interactions)
    # the explorer cell: slider and dropdown each redraw the figure
    assert "cell 1: slider 'w' 1.00 -> 1.50: output changed" in done
    assert "cell 1: dropdown 'activation' sigmoid -> tanh: output changed" in done
    # the training cell: the slider is a setting, each button redraws the history
    assert "cell 2: slider 'rate' 0.50 -> 0.60: output unchanged" in done
    for button in ("Train", "Step", "Reset"):
        assert f"cell 2: button '{button}' pressed: output changed" in done
    assert len(result.interactions) == 6
    assert done.index("'Train'") < done.index("'Reset'")
    record(result)


def test_cells_far_below_the_window_are_checked(lab_page, record):
    """JupyterLab draws cells below the window only when scrolled to: the last formula and widget count."""
    result = check_notebook(lab_page, "fixtures/long_notebook.ipynb")
    record(result)
    assert result.code_cells == 31
    assert result.maths >= 1
    assert result.interactions and result.interactions[0].startswith("cell 62: slider 'n' 1 -> 2: output changed")


def test_a_raising_cell_fails(lab_page):
    with pytest.raises(AssertionError, match=r"raising_cell.ipynb: cell 2 raised ZeroDivisionError"):
        check_notebook(lab_page, "fixtures/raising_cell.ipynb")


def test_a_widget_whose_callback_raises_fails(lab_page):
    with pytest.raises(AssertionError, match=r"broken_widget.ipynb: a widget raised: ZeroDivisionError"):
        check_notebook(lab_page, "fixtures/broken_widget.ipynb")


def test_a_widget_that_changes_nothing_fails(lab_page):
    with pytest.raises(AssertionError, match=r"dead_widget.ipynb: cell 1: slider 'n' .*did not change"):
        check_notebook(lab_page, "fixtures/dead_widget.ipynb", change_timeout_ms=3_000)


def test_latex_that_does_not_parse_fails(lab_page):
    with pytest.raises(
        AssertionError,
        match=r"bad_latex.ipynb: cell 1: MathJax could not typeset: "
        r"\\begin\{align\} ended with \\end\{aligned\}",
    ):
        check_notebook(lab_page, "fixtures/bad_latex.ipynb")


def test_latex_left_as_text_fails(lab_page):
    with pytest.raises(AssertionError, match=r"unbalanced_latex.ipynb: cell 1: LaTeX left as text.*\\frac"):
        check_notebook(lab_page, "fixtures/unbalanced_latex.ipynb")


# With pytest-xdist (--dist loadgroup), these three run in one worker, which alone starts that JupyterLab.
WITHOUT_FRONT_ENDS = pytest.mark.xdist_group("lab_without_front_ends")


@pytest.fixture(scope="module")
def page_without_front_ends(browser_context, lab_without_front_ends):
    page = LabPage(browser_context, lab_without_front_ends)
    yield page
    page.discard()


@WITHOUT_FRONT_ENDS
def test_a_missing_widget_front_end_fails_loudly(page_without_front_ends):
    with pytest.raises(AssertionError, match=FRONT_END_MISSING):
        check_notebook(page_without_front_ends, "fixtures/slider_figure.ipynb")


@WITHOUT_FRONT_ENDS
def test_widgets_shown_as_text_fail(page_without_front_ends):
    """Past the extension check, the page check alone notices widgets drawn as a line of text."""
    with pytest.raises(AssertionError, match=r"cell 1: 1 widget\(s\) displayed by the kernel, 0 drawn"):
        check_notebook(page_without_front_ends, "fixtures/slider_figure.ipynb", check_front_end=False)


@WITHOUT_FRONT_ENDS
def test_maths_not_typeset_fails(page_without_front_ends):
    with pytest.raises(AssertionError, match=r"cell 0: its markdown holds LaTeX but no maths was typeset"):
        check_notebook(
            page_without_front_ends, "fixtures/latex_markdown.ipynb", maths_timeout_ms=3_000, check_front_end=False
        )
