"""Fixtures for the browser tests: one JupyterLab server and one headless Chromium for the whole session.

The server serves a temporary copy of the course (notebooks/, exercises/, and this folder's fixtures/),
so nothing a run does in the browser can touch the files in the repository.
"""

import pytest

from browser_session import RESULTS, SCREENSHOTS, course_copy, summary_lines
from labdriver import LabPage
from labserver import VIEWPORT, LabServer, chromium_path, launch_browser


def pytest_terminal_summary(terminalreporter):
    if RESULTS:
        terminalreporter.section("notebooks in JupyterLab (seconds per phase)")
        for line in summary_lines():
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """JupyterLab on 127.0.0.1 (free port, token auth), settings and state in a temporary folder."""
    root = course_copy(tmp_path_factory.mktemp("course"))
    server = LabServer(root, tmp_path_factory.mktemp("lab-state")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    try:
        chromium_path()
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_browser(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def browser_context(browser):
    context = browser.new_context(viewport=VIEWPORT)
    yield context
    context.close()


@pytest.fixture(scope="session")
def lab_page(request, browser_context, lab):
    """One JupyterLab page for the session; notebooks are opened in it one after another."""
    upcoming = [item.callspec.params["path"] for item in request.session.items
                if hasattr(item, "callspec") and "path" in item.callspec.params]
    page = LabPage(browser_context, lab, upcoming=upcoming)
    yield page
    page.discard()


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
