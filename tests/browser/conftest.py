"""Fixtures for the browser tests: one JupyterLab server and one headless Chromium for the whole session.

The server serves a temporary copy of the course (notebooks/, exercises/, and this folder's fixtures/),
so nothing a run does in the browser can touch the files in the repository.
"""

import pytest

from browser_session import RESULTS, SCREENSHOTS, course_copy, summary_lines
from labdriver import FRONT_END_EXTENSIONS, LabPage
from labserver import VIEWPORT, LabServer, chromium_path, launch_browser


def pytest_terminal_summary(terminalreporter):
    if RESULTS:
        terminalreporter.section("notebooks in JupyterLab (seconds per phase)")
        for line in summary_lines():
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def launched_labs(request, tmp_path_factory):
    """Start, all at once, the JupyterLab servers the selected tests need (each takes seconds to come up).

    "lab" is the course's JupyterLab; "lab_without_front_ends" is one whose widget and MathJax extensions
    are disabled in its own config folder, to show that the checks notice.
    """
    wanted = {name for item in request.session.items for name in item.fixturenames}
    servers = {}
    for name, disabled in [("lab", ()), ("lab_without_front_ends", FRONT_END_EXTENSIONS)]:
        if name in wanted:
            root = course_copy(tmp_path_factory.mktemp(f"course-{name}"))
            state = tmp_path_factory.mktemp(f"state-{name}")
            servers[name] = LabServer(root, state, disabled_extensions=disabled).launch()
    yield servers
    for server in servers.values():
        server.stop()


@pytest.fixture(scope="session")
def lab(launched_labs):
    """JupyterLab on 127.0.0.1 (free port, token auth), settings and state in a temporary folder."""
    return launched_labs["lab"].wait_ready()


@pytest.fixture(scope="session")
def lab_without_front_ends(launched_labs):
    return launched_labs["lab_without_front_ends"].wait_ready()


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
