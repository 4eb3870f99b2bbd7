"""Accessibility of the site and the static slides: axe-core's WCAG 2.0/2.1 A and AA rules, and the
figures' text alternatives on the page.

- Every page of the site (`make site`) reachable from its front page, and every slide deck (`make slides`)
  with its index: no serious or critical violation caused by the course's own content, and none from the
  frameworks (the site's theme, reveal.js, ipywidgets) beyond those listed in axe_known.json (see
  docs/accessibility.md). A deck is checked as it opens (reveal.js's controls and the first slide) and
  then with every slide and fragment shown at once, so that the rules see every slide.
- Every figure of a lesson whose saved output carries a text alternative (`{"image/png": {"alt": ...}}`)
  shows it as its image's alt, on the lesson's site page and in its deck (the lesson as the build read
  it: the site's staged copy, the slides' figures.json).

- The checks can fail: a notebook whose figure has no text alternative fails (fixtures/); the same
  figure described with annlib.plotting.describe passes.
- Every student exercise (exercises/student/), opened in JupyterLab as a learner first meets it, before
  any cell runs: the same rules, with JupyterLab's own violations held to the list. (The lessons and the
  exercises' sources are checked after Run All by test_course.py.)

The pages are served locally with every other host blocked, as test_slides_and_site.py does. The run
prints, per page kind, the serious and critical violations found by rule.
"""

import json
import sys
from collections import Counter

import pytest
from axe import audit
from browser_session import REPO
from labdriver import check_notebook, latex_cells, scroll_through
from page_scripts import JS_COLLECT, JS_OPEN
from test_slides_and_site import SITE, SLIDES, OfflinePage, _site_pages

sys.path.insert(0, str(REPO / "scripts"))
from web_assets import saved_alts  # noqa: E402

LESSONS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
STAGED = SITE.parents[1] / "src"  # the notebooks as build_site.py staged them (the site shows these)

# Every slide and fragment of a deck shown at once, one below the other, for the rules to see them all.
JS_SHOW_ALL_SLIDES = """
() => {
  const style = document.createElement('style');
  style.textContent = `
    .reveal .slides section, .reveal .slides section > section, .reveal .fragment {
      display: block !important; visibility: visible !important; opacity: 1 !important;
      position: relative !important; transform: none !important; top: auto !important; left: auto !important;
      height: auto !important; }
    .reveal .slides { overflow: visible !important; }`;
  document.head.appendChild(style);
  document.querySelectorAll('.reveal .slides section').forEach(section => {
    section.removeAttribute('hidden');
    section.removeAttribute('aria-hidden');
  });
}
"""
JS_ALTS = "(root) => Array.from(document.querySelectorAll(root + ' img')).map(img => img.getAttribute('alt'))"


def _check_alts(where, saved, shown):
    shown = [" ".join((text or "").split()) for text in shown]
    missing = [text for text in saved if not any(text in alt for alt in shown)]
    assert not missing, f"{where}: figures' text alternatives not on the page: {[t[:60] for t in missing]}"


def _report(kind, audits):
    total, course = Counter(), Counter()
    for result in audits:
        total.update(result.by_rule())
        course.update(rule for rule, _, _ in result.content)
    rules = ", ".join(f"{rule} {n}" for rule, n in sorted(total.items())) or "none"
    own = sum(course.values())
    print(f"\naxe {kind}: {len(audits)} pages; serious/critical by rule: {rules}; the course's own: {own}")
    for result in audits:
        print("   " + result.summary())


def _assert_clean(audits):
    problems = [line for result in audits for line in result.problems()]
    assert not problems, "\n".join(problems[:20])


def test_site_accessibility(browser, serve):
    if not (SITE / "index.html").exists():
        pytest.skip("no site: run `make site` (make test-browser does)")
    offline = OfflinePage(browser, serve(SITE))
    page = offline.page
    audits = []
    try:
        for url in _site_pages(page, offline.base):
            name = url.removeprefix(offline.base)
            page.goto(url, wait_until="load")
            page.wait_for_function(
                "async () => { if (window.MathJax && MathJax.startup) await MathJax.startup.promise; return true; }",
                timeout=60_000,
            )
            page.wait_for_load_state("networkidle")
            if name.startswith("notebooks/"):
                staged = json.loads((STAGED / name.replace(".html", ".ipynb")).read_text(encoding="utf-8"))
                _check_alts(name, saved_alts(staged), page.evaluate(JS_ALTS, "main"))
            audits.append(audit(page, "site", name))
    finally:
        offline.close()
    _report("site", audits)
    assert len(audits) >= 22, f"only {len(audits)} pages reached"
    _assert_clean(audits)


def test_slides_accessibility(browser, serve):
    if not (SLIDES / "index.html").exists():
        pytest.skip("no static slides: run `make slides` (make test-browser does)")
    figures = json.loads((SLIDES / "figures.json").read_text(encoding="utf-8"))  # saved with each lesson
    offline = OfflinePage(browser, serve(SLIDES))
    page = offline.page
    audits = []
    try:
        page.goto(offline.base + "index.html", wait_until="load")
        audits.append(audit(page, "slides", "index.html"))
        for lesson in LESSONS:
            name = f"{lesson.stem}.slides.html"
            page.goto(offline.base + name, wait_until="load")
            page.wait_for_function("() => document.querySelector('.reveal.ready') !== null", timeout=30_000)
            page.wait_for_function(
                "() => window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0 && !MathJax.Hub.queue.running",
                timeout=60_000,
            )
            page.wait_for_load_state("networkidle")
            _check_alts(name, figures[lesson.stem], page.evaluate(JS_ALTS, ".reveal .slides"))
            audits.append(audit(page, "slides", name))
            page.evaluate(JS_SHOW_ALL_SLIDES)
            audits.append(audit(page, "slides", f"{name}, every slide", ".reveal .slides"))
        assert not offline.problems(), "; ".join(offline.problems())
    finally:
        offline.close()
    _report("slides", audits)
    _assert_clean(audits)


STUDENT = sorted((REPO / "exercises" / "student").glob("ex[0-9][0-9]_*.ipynb"))


def test_student_exercises_in_jupyterlab(lab_page):
    assert STUDENT, "no student exercises in exercises/student"
    audits = []
    for notebook in STUDENT:
        path = notebook.relative_to(REPO).as_posix()
        if lab_page.page is None or lab_page.page.is_closed():
            lab_page.start_kernel_early(path)
        page = lab_page.ready_page()
        lab_page.wait_for_background(path)
        try:
            page.evaluate(JS_OPEN, {"path": path, "timeout": lab_page.timeout_ms})
            scroll_through(page, path, latex_cells(page.evaluate(JS_COLLECT)["cells"]), 60_000)
            audits.append(audit(page, "lab", path))
        finally:
            lab_page.close_notebook(path)
    _report("lab, student exercises opened", audits)
    _assert_clean(audits)


# --- the checks can fail: two small notebooks, one figure each ---


def test_a_described_figure_passes(lab_page):
    result = check_notebook(lab_page, "fixtures/figure_with_alt.ipynb", accessibility=True)
    assert [figure["saved"][:9] for figure in result.figure_alts] == ["Line plot"]


def test_a_figure_without_a_text_alternative_fails(lab_page):
    with pytest.raises(AssertionError, match="the course's own content: image-alt"):
        check_notebook(lab_page, "fixtures/figure_without_alt.ipynb", accessibility=True)
