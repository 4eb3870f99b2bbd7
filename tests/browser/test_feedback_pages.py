"""annlib feedback's pages in headless Chromium: they open from the disk, load nothing from elsewhere, run no
script of a learner's, and every image has its text alternative. The class is graded for real by
tests/test_grading_feedback.py's fixtures."""

from tests.test_grading_feedback import graded, out  # noqa: F401  (the fixtures: a graded class, its pages)


def test_a_feedback_page_opens_in_headless_chromium_without_outside_requests(out, browser):  # noqa: F811
    for name in ("cy/ex_fixture.html", "bo/ex_fixture.html", "class_summary.html"):
        url = (out / name).resolve().as_uri()
        page = browser.new_page()
        requests, failed = [], []
        page.on("request", lambda request: requests.append(request.url))
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.goto(url, wait_until="load")
        assert page.evaluate("window.pwned") is None  # no script of a learner's ran
        assert page.evaluate("document.documentElement.lang") == "en" and page.title()
        outside = [r for r in requests if r != url and not r.startswith("data:")]
        assert outside == [] and failed == [], (name, outside, failed)
        images = page.evaluate("[...document.images].map(i => [i.complete && i.naturalWidth > 0, i.alt])")
        assert all(loaded and alt for loaded, alt in images), name
        page.close()
