"""The lessons as slides and the course website, in the browser, with every outside host unreachable.

- Static slides (`make slides`, build/slides/): one lesson's deck, served from a local web server; every
  request to any other host is blocked. The maths must be typeset, the figures loaded and shown on their
  slide, and no request may fail: reveal.js, MathJax, require.js and jQuery come from the build.
- The live deck (jupyterlab-slideshow, the `slides` extra): lesson 01 in this suite's JupyterLab, Run All,
  `deck:start`, forward to the neuron explorer's slide, move a slider: its figure must change.
- The site (`make site`, build/site/_build/html/): every page reachable from the front page, served
  locally with every other host blocked: no failed request, the maths typeset, every figure loaded; the
  search page finds a word.
- Saved widget state (fixtures/widget_state.ipynb): a notebook saved with its widgets' state, made into
  slides and into a one-page site the way `make slides` and `make site` do: the widgets are drawn from
  that state, with no kernel and no request to another host (their icons' fonts included).

`make test-browser` builds the slides and the site and installs the `slides` extra first. Run alone, a
test whose build or extra is missing is skipped and says what to run.
"""

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from browser_session import REPO
from labdriver import _move_slider, _wait_for_change, start_run_all, wait_for_run_all, wait_until_settled
from labserver import VIEWPORT
from page_scripts import JS_OPEN, JS_SNAPSHOT

SLIDES = REPO / "build" / "slides"
SITE = REPO / "build" / "site" / "_build" / "html"
SITE_BUILDER = REPO / ".venv-site" / "bin" / "jupyter-book"
WIDGET_STATE = Path(__file__).resolve().parent / "fixtures" / "widget_state.ipynb"
SLIDES_LESSON = "01_the_neuron"  # maths, four figures, and the neuron explorer
DECK_LESSON = "notebooks/01_the_neuron.ipynb"
# what makes a page load something from another host (links to other sites are fine)
LOADS_FROM_ELSEWHERE = re.compile(
    r"""<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=["']?(?:https?:)?//[^"'\s>]+"""
    r"""|<link\b[^>]*\bhref=["']?(?:https?:)?//[^"'\s>]+|@import\s+url\(["']?https?://[^"')]+"""
    r"""|\bimport\s[^;'"]*\bfrom\s+["']https?://[^"']+"""
)
THEME_NOISE = "invalid theme mode"  # pydata-sphinx-theme's console message on a first visit (no saved theme)

# What a page shows, read in the page: typeset maths (MathJax 2 or 3), MathJax errors, TeX left as text,
# images that did not load, and images that are visible on screen.
JS_PAGE_REPORT = """
(root) => {
  const scopes = root ? Array.from(document.querySelectorAll(root)) : [document.body];
  const all = selector => scopes.flatMap(scope => Array.from(scope.querySelectorAll(selector)));
  const images = all('img');
  // the prose as a reader sees it: code, editors, scripts and typeset maths taken out
  const text = scopes.map(scope => {
    const prose = scope.cloneNode(true);
    prose.querySelectorAll('pre, code, .highlight, .jp-InputArea-editor, .cm-editor, script, style, '
                           + 'mjx-container, .MathJax, .MathJax_CHTML, .MathJax_Preview, .MJX_Assistive_MathML')
      .forEach(node => node.remove());
    return prose.textContent || '';
  }).join('\\n');
  return {
    maths: all('mjx-container, .MathJax_CHTML, .MathJax').length,
    mathSources: all('.math, .tex2jax_process, script[type^="math/tex"]').length,
    mathErrors: all('mjx-merror, .MathJax_Error, merror').map(node => node.textContent.slice(0, 120)),
    rawTex: (text.match(/\\\\(frac|sum|partial|sigma|begin)\\b[^\\n]{0,40}/g) || []).slice(0, 3),
    images: images.length,
    broken: images.filter(img => !img.complete || img.naturalWidth === 0).map(img => img.src.slice(0, 80)),
    widgetState: document.querySelectorAll('script[type="application/vnd.jupyter.widget-state+json"]').length,
    widgets: document.querySelectorAll('.jupyter-widgets').length,
  };
}
"""


class OfflinePage:
    """A page that may reach only base: every other request is blocked and recorded, as are failures."""

    def __init__(self, browser, base):
        self.base = base
        self.blocked, self.failed, self.console_errors = [], [], []
        self.context = browser.new_context(viewport=VIEWPORT)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("requestfailed", lambda request: self.failed.append(f"{request.url} ({request.failure})"))
        self.page.on("response", self._response)
        self.page.on("console", self._console)

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("blockedbyclient")

    def _response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.url} (HTTP {response.status})")

    def _console(self, message):
        if message.type == "error" and THEME_NOISE not in message.text:
            self.console_errors.append(message.text[:200])

    def problems(self):
        """Requests that went elsewhere or failed (a blocked request also fails: it is named once)."""
        failed = [f for f in self.failed if not any(f.startswith(b) for b in self.blocked)]
        return [f"blocked (outside host): {url}" for url in self.blocked] + [f"failed: {f}" for f in failed]

    def close(self):
        self.context.close()


def _report(page, root=None):
    return page.evaluate(JS_PAGE_REPORT, root)


def _check_maths(where, report):
    assert not report["mathErrors"], f"{where}: MathJax could not typeset: {report['mathErrors']}"
    assert not report["rawTex"], f"{where}: LaTeX left as text: {report['rawTex']}"


# --- static slides ---


def test_static_slides_open_offline(browser, serve, screenshot_dir):
    if not (SLIDES / f"{SLIDES_LESSON}.slides.html").exists():
        pytest.skip("no static slides: run `make slides` (make test-browser does)")
    lessons = sorted(path.stem for path in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    built = sorted(path.name.removesuffix(".slides.html") for path in SLIDES.glob("*.slides.html"))
    assert built == lessons, f"build/slides holds {built}, not every lesson"
    for name in built:  # nothing in any deck loads from another host when it opens
        html = (SLIDES / f"{name}.slides.html").read_text(encoding="utf-8")
        outside = LOADS_FROM_ELSEWHERE.findall(html)
        assert not outside, f"{name}.slides.html loads from another host: {outside[:3]}"

    offline = OfflinePage(browser, serve(SLIDES))
    page = offline.page
    try:
        page.goto(offline.base + f"{SLIDES_LESSON}.slides.html", wait_until="load")
        page.wait_for_function("() => document.querySelector('.reveal.ready') !== null", timeout=30_000)
        # MathJax 2 typesets the whole deck once it has loaded; its queue is empty when it is done
        page.wait_for_function(
            "() => window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0 && !MathJax.Hub.queue.running"
            " && document.querySelectorAll('.MathJax_CHTML').length > 0",
            timeout=60_000,
        )
        page.evaluate("async () => { await document.fonts.ready; }")
        page.wait_for_load_state("networkidle")
        report = _report(page, ".reveal .slides")
        _check_maths(f"{SLIDES_LESSON} slides", report)
        assert report["maths"] > 20, f"{SLIDES_LESSON} slides: only {report['maths']} formulas typeset"
        assert report["images"] >= 4 and not report["broken"], f"figures: {report['images']}, broken {report['broken']}"
        # go to the slide of the first figure and see it on screen
        position = page.evaluate(
            """() => new Promise(resolve => require(['vendor/reveal.js/dist/reveal.js'], Reveal => {
                 const img = document.querySelector('.reveal .slides section section img');
                 const slide = img.closest('section');
                 const indices = Reveal.getIndices(slide);
                 Reveal.slide(indices.h, indices.v, Number.MAX_VALUE);  // every fragment shown
                 resolve({h: indices.h, v: indices.v});
               }))"""
        )
        page.wait_for_timeout(500)
        box = page.evaluate(
            """() => { const img = document.querySelector('.reveal .slides section.present section.present img')
                         || document.querySelector('.reveal .slides section.present img');
                       if (!img) return null;
                       const r = img.getBoundingClientRect();
                       return {w: r.width, h: r.height, top: r.top, left: r.left,
                               visible: getComputedStyle(img).visibility}; }"""
        )
        assert box and box["w"] > 100 and box["h"] > 100 and box["visible"] == "visible", (
            f"the figure on slide {position} is not shown: {box}"
        )
        assert box["top"] < VIEWPORT["height"] and box["left"] < VIEWPORT["width"], f"figure off screen: {box}"
        page.screenshot(path=str(screenshot_dir / f"slides-{SLIDES_LESSON}.png"))
        assert not offline.problems(), "the slides reached for the network: " + "; ".join(offline.problems())
        assert not offline.console_errors, f"errors in the page: {offline.console_errors}"
    finally:
        offline.close()


# --- the live deck in JupyterLab ---


def test_live_deck_in_jupyterlab(lab_page, screenshot_dir):
    if importlib.util.find_spec("jupyterlab_slideshow") is None:
        pytest.skip("jupyterlab-slideshow is not installed: `make lab-slides` (or make test-browser) installs it")
    path = DECK_LESSON
    if lab_page.page is None or lab_page.page.is_closed():
        lab_page.start_kernel_early(path)
    page = lab_page.ready_page()
    lab_page.wait_for_background(path)
    timeout_ms = lab_page.timeout_ms
    commands = page.evaluate("() => window.jupyterapp.commands.listCommands().filter(c => c.startsWith('deck:'))")
    assert "deck:start" in commands, "JupyterLab has no deck:start command: the jupyterlab-slideshow extension is off"
    try:
        info = page.evaluate(JS_OPEN, {"path": path, "timeout": timeout_ms})
        lab_page.start_next_kernel(path)
        start_run_all(page)
        wait_for_run_all(page, timeout_ms)
        page.evaluate(
            """async () => { window.__course.panel.content.activeCellIndex = 0;
                             await window.jupyterapp.commands.execute('deck:start'); }"""
        )
        panel = f'[id="{info["panelId"]}"]'
        page.wait_for_selector(f"{panel} .jp-Cell.jp-deck-mod-visible", timeout=30_000)
        title = _report(page, f"{panel} .jp-Cell.jp-deck-mod-visible")
        _check_maths("the deck's first slide", title)
        assert title["maths"] > 0, "the deck's first slide shows no typeset maths"
        # forward, slide by slide, until the neuron explorer is on screen
        explorer = page.locator(f"{panel} .jp-CodeCell.jp-deck-mod-visible").filter(has=page.locator(".widget-slider"))
        for _ in range(60):
            if explorer.count():
                break
            page.evaluate("async () => { await window.jupyterapp.commands.execute('deck:forward'); }")
            page.wait_for_timeout(150)
        assert explorer.count(), "deck:forward never reached a slide with the neuron explorer"
        cell = explorer.first
        # the explorer's figure: a picture that loaded (an Image widget, or an image in an Output widget)
        page.wait_for_function(
            """(c) => Array.from(c.querySelectorAll('.jp-OutputArea img')).some(
                 img => img.naturalWidth > 0 && img.getBoundingClientRect().width > 100)""",
            arg=cell.element_handle(),
            timeout=30_000,
        )
        assert cell.locator(".jp-OutputArea img").first.is_visible(), "the explorer's figure is not on screen"
        broken = cell.locator(".jupyter-widgets-error-widget")
        assert not broken.count(), f"a widget failed to render in the deck: {broken.first.text_content()!r}"
        wait_until_settled(page, timeout_ms)
        before = cell.evaluate(JS_SNAPSHOT)
        moved = _move_slider(page, cell.locator(".widget-slider:not(.mod-disabled)").first)
        assert moved, "the explorer's first slider did not move"
        assert _wait_for_change(page, cell, before, 15_000), f"slider moved ({moved}), the explorer did not redraw"
        errors = page.evaluate("() => window.__course.errors.slice()")
        assert not errors, f"the widget raised in the deck: {errors}"
        assert cell.evaluate("c => c.classList.contains('jp-deck-mod-visible')"), "the slider move left the slide"
        page.screenshot(path=str(screenshot_dir / "deck-01_the_neuron.png"))
    finally:
        try:  # the page goes on to other notebooks: leave presenting mode, whatever happened
            page.evaluate("async () => { await window.jupyterapp.commands.execute('deck:stop'); }")
        except Exception:
            lab_page.discard()
        lab_page.close_notebook(path)


# --- the site ---


def _site_pages(page, base):
    """Every page of the site reachable from the front page by its own links (breadth first)."""
    seen, queue = [], [base + "index.html"]
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.append(url)
        yield url
        for href in page.evaluate("() => Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"):
            target = urldefrag(urljoin(url, href)).url
            if target.startswith(base) and urlparse(target).path.endswith(".html") and target not in seen:
                queue.append(target)


def test_site_opens_offline(browser, serve, screenshot_dir):
    if not (SITE / "index.html").exists():
        pytest.skip("no site: run `make site` (make test-browser does)")
    offline = OfflinePage(browser, serve(SITE))
    page = offline.page
    checked = {}
    try:
        for url in _site_pages(page, offline.base):
            name = url.removeprefix(offline.base)
            response = page.goto(url, wait_until="load")
            assert response is not None and response.ok, f"{name}: HTTP {response and response.status}"
            page.wait_for_function(
                "async () => { if (window.MathJax && MathJax.startup) await MathJax.startup.promise; return true; }",
                timeout=60_000,
            )
            # the fonts MathJax asked for, and anything else still loading, before the page is judged (and left:
            # leaving a page with requests under way would abort them)
            page.evaluate("async () => { await document.fonts.ready; }")
            page.wait_for_load_state("networkidle")
            report = _report(page, "main") or {}
            _check_maths(name, report)
            if report["mathSources"]:
                assert report["maths"] > 0, f"{name}: it holds maths, none typeset"
            assert not report["broken"], f"{name}: figures that did not load: {report['broken']}"
            if report["widgetState"]:
                page.wait_for_selector(".jupyter-widgets", timeout=30_000)
            problems = offline.problems()
            assert not problems, f"{name} reached for the network: " + "; ".join(problems)
            checked[name] = report
        lessons = [n for n in checked if n.startswith("notebooks/")]
        exercises = [n for n in checked if n.startswith("exercises/student/")]
        assert len(lessons) == 9 and len(exercises) == 8, f"pages reached: {sorted(checked)}"
        assert sum(checked[n]["images"] for n in lessons) >= 30, "the lessons' pages show too few figures"
        # the front page is the README, and the table of contents lists the lessons in course order
        page.goto(offline.base + "index.html", wait_until="load")
        assert "how artificial neural networks work" in page.title()
        toc = page.evaluate(
            "() => Array.from(document.querySelectorAll('nav.bd-links a.reference')).map(a => a.getAttribute('href'))"
        )
        order = [href for href in toc if "notebooks/" in href]
        assert order == sorted(order) and len(order) == 9, f"the lessons in the table of contents: {order}"
        page.screenshot(path=str(screenshot_dir / "site-index.png"))
        # search works from the site's own index
        page.goto(offline.base + "search.html?q=sigmoid", wait_until="load")
        page.wait_for_function(
            "() => /found [1-9]\\d* page/.test(document.querySelector('#search-results')?.innerText || '')",
            timeout=30_000,
        )
        assert not offline.problems(), "; ".join(offline.problems())
        assert not offline.console_errors, f"errors in the pages: {offline.console_errors}"
    finally:
        offline.close()
    print(f"site: {len(checked)} pages checked offline")


def test_site_front_page_is_the_readme():
    if not (SITE / "index.html").exists():
        pytest.skip("no site: run `make site` (make test-browser does)")
    html = (SITE / "index.html").read_text(encoding="utf-8")
    for heading in re.findall(r"^## (.+)$", (REPO / "README.md").read_text(encoding="utf-8"), flags=re.M):
        words = re.sub(r"[`*]", "", heading).split()[0]
        assert words in html, f"the README's section {heading!r} is not on the front page"
    assert Path(SITE / "notebooks" / "00_start_here.html").exists()


# --- saved widget state, on a slide and on a page ---


def _build_scripts():
    scripts = str(REPO / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    import build_site
    import build_slides

    return build_slides, build_site


def _check_widgets_drawn(browser, serve, folder, page_path, what):
    offline = OfflinePage(browser, serve(folder))
    try:
        offline.page.goto(offline.base + page_path, wait_until="load")
        offline.page.wait_for_selector(".widget-slider", timeout=30_000)
        # the button's icon: an <i> drawn with the renderer's font (the site's theme swaps it for an <svg>)
        offline.page.wait_for_selector("button.jupyter-button :is(i, svg).fa-check", timeout=10_000)
        offline.page.wait_for_timeout(500)  # the icon's font loads once the button is drawn
        assert not offline.problems(), f"{what} reached for the network: " + "; ".join(offline.problems())
        assert not offline.console_errors, f"errors in {what}: {offline.console_errors}"
    finally:
        offline.close()


def test_saved_widget_state_on_a_slide(browser, serve, tmp_path):
    import nbformat

    build_slides, _ = _build_scripts()
    assert "widgets" in json.loads(WIDGET_STATE.read_text())["metadata"], "the fixture lost its widget state"
    out = tmp_path / "slides"
    build_slides.vendor(out)
    body, _ = build_slides.exporter().from_notebook_node(
        nbformat.read(WIDGET_STATE, as_version=4), resources={"metadata": {"name": "widget_state"}}
    )
    (out / "widget_state.slides.html").write_text(body, encoding="utf-8")
    _check_widgets_drawn(browser, serve, out, "widget_state.slides.html", "the slides")


def test_saved_widget_state_on_a_site_page(browser, serve, tmp_path):
    if not SITE_BUILDER.exists():
        pytest.skip("no .venv-site: run `make site` (make test-browser does)")
    _, build_site = _build_scripts()
    src = tmp_path / "src"
    (src / "notebooks").mkdir(parents=True)
    (src / "notebooks" / "widget_state.ipynb").write_text(WIDGET_STATE.read_text())
    build_site.stage_web(src)
    (src / "_config.yml").write_text(build_site.config(None))
    (src / "_toc.yml").write_text("format: jb-book\nroot: notebooks/widget_state\n")
    subprocess.run(
        [str(SITE_BUILDER), "build", str(src), "--path-output", str(tmp_path), "--builder", "html", "--quiet"],
        check=True,
        capture_output=True,
    )
    _check_widgets_drawn(browser, serve, tmp_path / "_build" / "html", "notebooks/widget_state.html", "the page")
