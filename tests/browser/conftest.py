"""Fixtures for the browser tests: per test process, one JupyterLab server and one headless Chromium.

The server serves a temporary copy of the course (notebooks/, exercises/, and this folder's fixtures/),
so nothing a run does in the browser can touch the files in the repository. With pytest-xdist
(`-n 2`, as `make test-browser` runs them) each worker has its own server, browser and page; the
summary of what each notebook showed travels back in the test reports.
"""

import functools
import http.server
import threading

import pytest
from browser_session import SCREENSHOTS, course_copy, notebook_of, summary_lines
from labdriver import FRONT_END_EXTENSIONS, LabPage
from labserver import VIEWPORT, LabServer, chromium_path, launch_browser

SUMMARY = []  # (nodeid, lines) from every report, in the order the tests finished


def pytest_runtest_logreport(report):
    for name, value in report.user_properties:
        if name == "notebook summary" and report.when == "call":
            SUMMARY.append((report.nodeid, value))


def pytest_terminal_summary(terminalreporter):
    if SUMMARY:
        terminalreporter.section("notebooks in JupyterLab (seconds per phase)")
        for _, lines in sorted(SUMMARY):
            for line in lines:
                terminalreporter.write_line(line)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Tell the test which notebook this process checks next, so its kernel can start early."""
    item.next_notebook = notebook_of(nextitem)
    yield


def _launch(tmp_path_factory, name, disabled=()):
    root = course_copy(tmp_path_factory.mktemp(f"course-{name}"))
    state = tmp_path_factory.mktemp(f"state-{name}")
    return LabServer(root, state, disabled_extensions=disabled).launch()


@pytest.fixture(scope="session")
def launched_lab(tmp_path_factory):
    """The course's JupyterLab, started (it takes seconds to come up; the browser starts meanwhile)."""
    server = _launch(tmp_path_factory, "lab")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def lab(launched_lab):
    """JupyterLab on 127.0.0.1 (free port, token auth), settings and state in a temporary folder."""
    return launched_lab.wait_ready()


@pytest.fixture(scope="session")
def lab_without_front_ends(tmp_path_factory):
    """A JupyterLab whose widget and MathJax extensions are disabled in its own config folder."""
    server = _launch(tmp_path_factory, "lab_without_front_ends", FRONT_END_EXTENSIONS)
    try:
        yield server.wait_ready()
    finally:
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
def session_page(launched_lab, browser_context, lab):
    """One JupyterLab page per test process; notebooks are opened in it one after another."""
    page = LabPage(browser_context, lab)
    yield page
    page.discard()


@pytest.fixture
def lab_page(request, session_page):
    """The page, told which notebook comes next in this process (its kernel starts while this one runs)."""
    session_page.following = getattr(request.node, "next_notebook", None)
    return session_page


@pytest.fixture
def record(request):
    """Keep what check_notebook saw, for the summary printed at the end of the run."""

    def keep(result):
        request.node.user_properties.append(("notebook summary", list(summary_lines(result))))

    return keep


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def serve():
    """serve(folder) -> the base URL of a web server on 127.0.0.1 serving folder (stopped after the test)."""
    servers = []

    def start(folder):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
