"""Check a notebook in JupyterLab the way a learner meets it.

`check_notebook` opens one notebook in a JupyterLab page, runs all its cells, checks what the page shows
(no error, the maths typeset, every widget drawn, every image loaded), then works each widget: moves its
sliders with the arrow keys, picks another dropdown entry, presses its Train/Step/Forward/... buttons, and
checks that the widget's output changed. Any problem raises an AssertionError that names the notebook,
the cell and what went wrong.

The page runs JupyterLab with `expose_app_in_browser`, so the checks read the notebook's own model
(`window.jupyterapp`) instead of guessing from pixels.
"""

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from axe import audit
from labserver import VIEWPORT
from page_scripts import (
    JS_CELL_INDEX,
    JS_CLOSE,
    JS_COLLECT,
    JS_FIGURE_ALTS,
    JS_FIGURE_TEXTS,
    JS_KERNEL_STATE,
    JS_LABEL,
    JS_NOTEBOOK_HEIGHT,
    JS_OPEN,
    JS_RUN_ALL,
    JS_SCROLL_THROUGH,
    JS_SETTLED,
    JS_SNAPSHOT,
    WIDGET_EXTENSION,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeout

MATHJAX_EXTENSION = "@jupyterlab/mathjax-extension"
FRONT_END_EXTENSIONS = (WIDGET_EXTENSION, MATHJAX_EXTENSION)  # what the course needs beyond a kernel
FRONT_END_MISSING = "the ipywidgets front end is missing: install jupyterlab_widgets"

# Buttons a learner presses to make something happen; other buttons are left alone.
ACTION_BUTTON = re.compile(r"\b(train|step|forward|loss|backward|update|run|next|fit|reset|play|go)\b", re.IGNORECASE)
RESET_BUTTON = re.compile(r"\b(reset|restart|clear)\b", re.IGNORECASE)
# A button that reads Stop stands for an action still running (a Train animating while the kernel is idle).
STOP_BUTTON = re.compile(r"^\s*stop\s*$", re.IGNORECASE)
# Markdown that holds LaTeX: $...$, $$...$$, \(...\), \[...\] or an environment.
MATHS = re.compile(r"\$[^$\n]+\$|\$\$|\\\(|\\\[|\\begin\{")


@dataclass
class NotebookResult:
    """What check_notebook saw in one notebook."""

    path: str
    code_cells: int = 0
    maths: int = 0
    images: int = 0
    widget_views: int = 0
    figure_texts: list = field(default_factory=list)  # what each widget's figure says it shows, at the end
    interactions: list = field(default_factory=list)
    seconds: dict = field(default_factory=dict)  # phase -> seconds: open, run, checks, widgets, screenshot
    axe: object = None  # the axe.Audit of the page, when accessibility was checked
    figure_alts: list = field(default_factory=list)  # per figure: its saved text, and the alt the page shows


class LabPage:
    """One JupyterLab page, reused notebook after notebook; replaced when it gets into a bad state."""

    def __init__(self, context, lab, timeout_ms=90_000):
        self.context = context
        self.lab = lab
        self.timeout_ms = timeout_ms
        self.page = None
        self.following = None  # the notebook to be checked after this one, if known
        self.pending = {}  # path -> background kernel starts and shutdowns for that notebook

    def _in_background(self, path, function):
        self.pending.setdefault(path, []).append(self.lab.in_background(function, path))

    def start_kernel_early(self, path):
        """Start the kernel of path now; JupyterLab connects to it when it opens the notebook."""
        self._in_background(path, self.lab.start_kernel)

    def start_next_kernel(self, path):
        """Start the kernel of the following notebook while path is being checked."""
        if self.following and self.following != path:
            self.start_kernel_early(self.following)

    def wait_for_background(self, path):
        """Before JupyterLab opens path, let its kernel finish starting (or its old one shutting down):
        JupyterLab must find one session for the notebook, not start a second one beside it."""
        for future in self.pending.pop(path, []):
            future.exception()

    def ready_page(self):
        if self.page is None or self.page.is_closed():
            page = self.context.new_page()
            page.goto(self.lab.lab_url(), wait_until="domcontentloaded")
            page.wait_for_function("() => window.jupyterapp !== undefined", timeout=self.timeout_ms)
            page.evaluate("async () => { await window.jupyterapp.restored; }")
            self.page = page
        return self.page

    def close_notebook(self, path):
        """Close the notebook without saving and shut its kernel down; on trouble, drop the page."""
        try:
            self.page.evaluate(JS_CLOSE)
        except Exception:
            self.discard()
        self._in_background(path, self.lab.shutdown_sessions)

    def discard(self):
        if self.page is not None and not self.page.is_closed():
            self.page.close()
        self.page = None


def _fail(path, message):
    raise AssertionError(f"{path}: {message}")


def check_widget_front_end(path, info):
    if not (info["widgetExtension"] and info["widgetPlugin"]):
        _fail(
            path,
            f"{FRONT_END_MISSING} (JupyterLab has no active {WIDGET_EXTENSION} extension, "
            "so every widget would silently show as plain text)",
        )


def wait_until_settled(page, timeout_ms, quiet_ms=200):
    """Wait until no cell is running, the kernel is idle on every request and has been quiet for quiet_ms."""
    page.wait_for_function(JS_SETTLED, arg=quiet_ms, timeout=timeout_ms, polling=100)


def start_run_all(page):
    page.evaluate(JS_RUN_ALL)


def wait_for_run_all(page, timeout_ms):
    page.wait_for_function("() => window.__course.runDone", timeout=timeout_ms, polling=200)
    wait_until_settled(page, timeout_ms)


def latex_cells(cells):
    """The markdown cells that hold LaTeX."""
    return [c["index"] for c in cells if c["type"] == "markdown" and MATHS.search(c["source"])]


def scroll_through(page, path, maths_cells, maths_timeout_ms):
    """Scroll through the notebook as a reader would, waiting at each cell until it is drawn and its
    maths typeset; fail on a cell never drawn (maths still missing is for check_rendering to name)."""
    never_drawn = page.evaluate(JS_SCROLL_THROUGH, {"maths": maths_cells, "timeout": maths_timeout_ms})
    if never_drawn:
        _fail(path, f"cell(s) {never_drawn} were never drawn in the page, even when scrolled to")


def check_rendering(path, report, maths_cells):
    """Every code cell ran without error, the maths typeset, every widget and image drawn."""
    if report["runError"]:
        _fail(path, f"Run All failed: {report['runError']}")
    for cell in report["cells"]:
        where = f"cell {cell['index']}"
        if cell["errors"]:
            _fail(path, f"{where} raised " + "; ".join(cell["errors"]))
        if cell["type"] == "code" and cell["source"].strip() and cell["executionCount"] is None:
            _fail(path, f"{where} did not run")
        if cell["index"] in maths_cells and cell["maths"] == 0:
            _fail(path, f"{where}: its markdown holds LaTeX but no maths was typeset")
        if cell["mathErrors"]:
            _fail(path, f"{where}: MathJax could not typeset: " + "; ".join(cell["mathErrors"]))
        if cell["rawTex"]:
            _fail(path, f"{where}: LaTeX left as text, not typeset: " + "; ".join(cell["rawTex"]))
        if cell["renderedWidgets"] < cell["widgetViews"]:
            _fail(
                path,
                f"{where}: {cell['widgetViews']} widget(s) displayed by the kernel, "
                f"{cell['renderedWidgets']} drawn in the page",
            )
        if cell["brokenImages"]:
            _fail(path, f"{where}: {cell['brokenImages']} image(s) did not load")
        if cell["failedViews"]:
            _fail(path, f"{where}: {cell['failedViews']} widget view(s) failed to draw (a JavaScript error)")
        _check_figure_texts(path, where, cell["figureTexts"])
        if cell["unnamedControls"]:
            _fail(path, f"{where}: control(s) with no name (ipywidgets' description): {cell['unnamedControls']}")
    if report["kernelErrors"]:
        _fail(path, "the kernel reported an error: " + " | ".join(report["kernelErrors"]))


def _check_figure_texts(path, where, texts):
    """Every figure a widget shows carries a text alternative: one sentence, ending with a full stop."""
    for text in texts:
        if not text.strip():
            _fail(path, f"{where}: a widget's figure has no text alternative (alt or title)")
        if not text.rstrip().endswith("."):
            _fail(path, f"{where}: a widget's figure text alternative is not a sentence: {text!r}")


# JupyterLab 4.6's image renderer does not read the `alt` of an image output's metadata: a figure's saved
# text alternative does not reach its <img> (an open pre-proposal of Jupyter's enhancement proposals,
# "standardize setting alt text from `alt` metadata in display_data", asks that it should).
# While that holds, an <img> without an alt passes here and axe's image-alt on it is listed as JupyterLab's
# (axe_known.json); an <img> showing any other alt than the saved one fails.
LAB_DROPS_SAVED_ALT = True


def check_accessibility(page, path):
    """axe-core on the notebook's page, and every figure's saved text alternative on its <img>.

    Returns (axe.Audit, figures); fails on a violation the course's content causes, on one of
    JupyterLab's not listed in axe_known.json, and on a figure whose <img> shows another text."""
    figures = page.evaluate(JS_FIGURE_ALTS)
    for figure in figures:
        shown, saved = figure["shown"], figure["saved"]
        if saved and shown is None and LAB_DROPS_SAVED_ALT:
            continue
        if saved and " ".join((shown or "").split()) != " ".join(saved.split()):
            _fail(path, f"cell {figure['cell']}: the figure's alt is {shown!r}, its saved text {saved[:80]!r}")
    result = audit(page, "lab", path)
    problems = result.problems()
    if problems:
        _fail(path, "accessibility (axe-core, WCAG 2.0/2.1 A and AA):\n" + "\n".join(problems[:20]))
    return result, figures


def check_no_new_errors(page, path):
    errors = page.evaluate("() => window.__course.errors.slice()")
    if errors:
        _fail(path, "a widget raised: " + " | ".join(errors))


# --- working the widgets ---


def _wait_for_change(page, cell, before, timeout_ms):
    """Wait until the cell's output differs from before, then until the kernel is quiet; True if it changed."""
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        if cell.evaluate(JS_SNAPSHOT) != before:
            wait_until_settled(page, timeout_ms)
            return True
        page.wait_for_timeout(100)
    return False


def _wait_while_running(page, cell, timeout_ms):
    """Wait until no button of the cell reads Stop (an animated Train has finished), then until quiet."""
    deadline = time.monotonic() + timeout_ms / 1000
    while any(STOP_BUTTON.search(b.text_content() or "") for b in cell.locator("button.jupyter-button").all()):
        if time.monotonic() > deadline:
            raise PlaywrightTimeout(f"a button still reads Stop after {timeout_ms} ms")
        page.wait_for_timeout(100)
    wait_until_settled(page, timeout_ms)


def _kernel_heard(page, last_message, within_ms=5_000):
    """True once the kernel has sent something since last_message (a timestamp), within within_ms."""
    try:
        page.wait_for_function(
            "(t) => window.__course.lastMessage > t", arg=last_message, timeout=within_ms, polling=50
        )
        return True
    except PlaywrightTimeout:
        return False


def _move_slider(page, slider):
    """Move a slider one step with the arrow keys (back, when it sits at its maximum)."""
    handle = slider.locator(".noUi-handle").first
    readout = slider.locator(".widget-readout").first
    read = (lambda: readout.text_content()) if readout.count() else (lambda: handle.get_attribute("aria-valuenow"))
    before = read()
    for key in ("ArrowRight", "ArrowLeft"):
        handle.press(key)
        page.wait_for_timeout(50)
        after = read()
        if after != before:
            return f"{before} -> {after}"
    return None


def _pick_other_option(dropdown):
    options = dropdown.evaluate("s => ({values: Array.from(s.options).map(o => o.value), current: s.value})")
    others = [value for value in options["values"] if value != options["current"]]
    if not others:
        return None
    dropdown.select_option(value=others[0])
    return f"{options['current']} -> {others[0]}"


def _press(button):
    if button.is_disabled():
        return None
    button.click()
    return "pressed"


def _work_cell(page, path, cell, timeouts):
    """Work the widgets of one cell; return one line per interaction."""
    index = cell.evaluate(JS_CELL_INDEX)
    where = f"cell {index}"
    # bring the cell into view first, as a learner would (JupyterLab may not lay out a cell out of view)
    page.evaluate("async (i) => { await window.__course.panel.content.scrollToItem(i, 'start'); }", index)
    buttons = [
        button
        for button in cell.locator("button.jupyter-button").all()
        if ACTION_BUTTON.search(button.text_content() or "")
    ]
    buttons.sort(key=lambda b: bool(RESET_BUTTON.search(b.text_content() or "")))  # reset last
    # In a cell with action buttons, sliders and dropdowns are settings: only the buttons must redraw.
    settings_only = bool(buttons)
    done = []

    def act(kind, name, action, timeout_ms, must_change):
        wait_until_settled(page, timeout_ms)  # the previous interaction has run its course
        started = time.monotonic()
        before = cell.evaluate(JS_SNAPSHOT)
        last_message = page.evaluate("() => window.__course.lastMessage")
        moved = action()
        if moved is None:
            done.append(f"{where}: {kind} {name!r}: left alone (disabled, or nothing else to choose)")
            return
        heard = _kernel_heard(page, last_message)  # every widget event goes to the kernel
        if must_change:
            changed = _wait_for_change(page, cell, before, timeout_ms)
        else:  # a setting: let the kernel take it, then look
            wait_until_settled(page, timeout_ms)
            changed = cell.evaluate(JS_SNAPSHOT) != before
        if not changed:
            wait_until_settled(page, timeout_ms)
        _wait_while_running(page, cell, timeout_ms)
        check_no_new_errors(page, path)
        _check_figure_texts(path, f"{where}: after {kind} {name!r}", cell.evaluate(JS_FIGURE_TEXTS))
        if must_change and not changed:
            reached = "" if heard else f"; the kernel heard nothing from it ({page.evaluate(JS_KERNEL_STATE)})"
            _fail(path, f"{where}: {kind} {name!r} ({moved}): the output did not change{reached}")
        seconds = time.monotonic() - started
        outcome = "changed" if changed else "unchanged"
        done.append(f"{where}: {kind} {name!r} {moved}: output {outcome} ({seconds:.1f} s)")

    for slider in cell.locator(".widget-slider:not(.mod-disabled)").all():
        if slider.locator(".noUi-handle").count():
            act(
                "slider",
                slider.evaluate(JS_LABEL).strip(),
                lambda s=slider: _move_slider(page, s),
                timeouts["change"],
                not settings_only,
            )
    for dropdown in cell.locator(".widget-dropdown select:not([disabled])").all():
        act(
            "dropdown",
            dropdown.evaluate(JS_LABEL).strip(),
            lambda d=dropdown: _pick_other_option(d),
            timeouts["change"],
            not settings_only,
        )
    for button in buttons:
        act("button", (button.text_content() or "").strip(), lambda b=button: _press(b), timeouts["button"], True)
    return done


def work_widgets(page, path, panel_id, change_timeout_ms=10_000, button_timeout_ms=90_000):
    """Work every widget a learner would touch; return one line per interaction.

    In a cell with action buttons (Train, Step, Forward, Reset, ...), sliders and dropdowns are settings:
    they must respond without error, and each press of a button must change the output. In a cell
    without buttons, every slider move and dropdown choice must change the output.
    """
    timeouts = {"change": change_timeout_ms, "button": button_timeout_ms}
    cells = page.locator(f'[id="{panel_id}"] .jp-CodeCell')
    cells = cells.filter(has=page.locator(".jp-OutputArea .jupyter-widgets"))
    done = []
    for cell in cells.all():
        done += _work_cell(page, path, cell, timeouts)
    return done


def save_screenshot(page, target, max_height=16_000):
    """Screenshot the whole notebook: grow the window to the notebook's height first."""
    height = VIEWPORT["height"]
    for _ in range(3):  # a cell's height may change once it is drawn in a taller window: measure again
        wanted = int(min(max(page.evaluate(JS_NOTEBOOK_HEIGHT), VIEWPORT["height"]), max_height))
        if abs(wanted - height) <= 8:
            break
        height = wanted
        page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
        page.wait_for_timeout(200)
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target), type="jpeg", quality=70)  # a third quicker than PNG for a tall page
    page.set_viewport_size(VIEWPORT)


def check_notebook(
    lab_page,
    path,
    screenshot=None,
    *,
    change_timeout_ms=10_000,
    maths_timeout_ms=60_000,
    check_front_end=True,
    accessibility=False,
):
    """Open path, Run All, check what the page shows, work every widget; return a NotebookResult.

    path is relative to the lab's root folder. screenshot: where to save a picture of the notebook
    after the checks (also when they fail). change_timeout_ms: how long a slider or dropdown may take
    to change its output; maths_timeout_ms: how long MathJax may take. check_front_end=False skips the
    widget-extension check, to show that the page checks catch undrawn widgets on their own.
    accessibility: also run axe-core and check the figures' text alternatives (check_accessibility),
    once every cell has run and before the widgets are worked.
    """
    result = NotebookResult(path)
    clock = [time.monotonic()]

    def lap(phase):
        now = time.monotonic()
        result.seconds[phase] = round(now - clock[0], 2)
        clock[0] = now

    if lab_page.page is None or lab_page.page.is_closed():  # a new page loads for seconds: start the kernel
        lab_page.start_kernel_early(path)
    page = lab_page.ready_page()
    lab_page.wait_for_background(path)
    timeout_ms = lab_page.timeout_ms
    try:
        info = page.evaluate(JS_OPEN, {"path": path, "timeout": timeout_ms})
        lab_page.start_next_kernel(path)
        if check_front_end:
            check_widget_front_end(path, info)
        lap("open")
        # A reader scrolls through while the cells run: the page typesets the maths as the kernel works.
        start_run_all(page)
        maths_cells = latex_cells(page.evaluate(JS_COLLECT)["cells"])
        scroll_through(page, path, maths_cells, maths_timeout_ms)
        wait_for_run_all(page, timeout_ms)
        lap("run")
        scroll_through(page, path, maths_cells, maths_timeout_ms)  # quick: visits only cells not yet seen
        report = page.evaluate(JS_COLLECT)
        check_rendering(path, report, maths_cells)
        lap("checks")
        if accessibility:
            result.axe, result.figure_alts = check_accessibility(page, path)
            lap("axe")
        result.interactions = work_widgets(page, path, info["panelId"], change_timeout_ms)
        wait_until_settled(page, timeout_ms)  # an error from the last interaction may still be on its way
        check_no_new_errors(page, path)
        lap("widgets")
        cells = report["cells"]
        result.code_cells = sum(c["type"] == "code" for c in cells)
        result.maths = sum(c["maths"] for c in cells)
        result.images = sum(c["images"] for c in cells)
        result.widget_views = sum(c["widgetViews"] for c in cells)
        result.figure_texts = [text for c in page.evaluate(JS_COLLECT)["cells"] for text in c["figureTexts"]]
    finally:
        if screenshot is not None:
            try:
                save_screenshot(page, screenshot)
                lap("screenshot")
            except Exception as error:  # a failed screenshot must not hide the real failure
                print(f"screenshot of {path} failed: {error}")
        lab_page.close_notebook(path)
        lap("close")
    return result
