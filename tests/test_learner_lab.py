"""`make lab` serves a JupyterLab without nbgrader's interface; `make lab-instructor` serves it with it.

Each test starts the very command `make -n` prints for the target (so the Makefile is what is tested),
with JupyterLab's own options in LAB_ARGS and every user-level Jupyter folder in a temporary one, then
reads what the server gives a browser: the page config (which lab extensions the front end skips) and
nbgrader's own pages and APIs (which exist only while its server extensions are loaded).
"""

import importlib.util
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NBGRADER_LAB_EXTENSIONS = ("@jupyter/nbgrader", "nbgrader")  # its name in nbgrader 0.9.6, and in 0.9.0
# One page or API of each of nbgrader's server extensions: formgrader, course_list, and
# assignment_list / validate_assignment (both serve /nbgrader_version).
NBGRADER_URLS = ("/formgrader", "/formgraders", "/assignments", "/nbgrader_version")

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_command(target, lab_args):
    """The shell command `make TARGET` runs to start JupyterLab (read with make -n, nothing built), for
    the environment running the tests (.venv, or .venv-oldest under make test-oldest)."""
    printed = subprocess.run(
        ["make", "-n", "--no-print-directory", target, f"LAB_ARGS={lab_args}", f"VENV={sys.prefix}"],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")},  # under make test
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = printed.replace("\\\n", " ").splitlines()
    [command] = [line for line in lines if "jupyter lab " in line]
    return command


class Lab:
    """JupyterLab started as `make TARGET` starts it, its user-level folders in `state`."""

    def __init__(self, target, state):
        self.port, self.token = _free_port(), secrets.token_hex(16)
        lab_args = " ".join(
            [
                "--no-browser",
                "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={self.port}",
                "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={self.token}",
                f"--LabApp.user_settings_dir={state / 'settings'}",
                f"--LabApp.workspaces_dir={state / 'workspaces'}",
                "--LabApp.news_url=",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            ]
        )
        self.command = make_command(target, lab_args)
        env = {k: v for k, v in os.environ.items() if k not in ("JUPYTER_CONFIG_PATH", "JUPYTER_PATH")}
        for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR"):
            env[name] = str(state / name.lower())
        self.log = state / "jupyterlab.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                ["bash", "-c", self.command],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group: stopped as a whole, by its id
            )

    def wait(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"`{self.command}` exited: {self.log.read_text(errors='replace')[-3000:]}")
            try:
                self.get("/api/status")
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"`{self.command}` did not answer in {timeout} s")

    def get(self, path):
        """(status, body) of a GET with the token."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", headers={"Authorization": f"token {self.token}"}
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read().decode("utf-8", errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, ""

    def page_config(self):
        status, page = self.get("/lab")
        assert status == 200, f"/lab answered {status}"
        found = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', page, re.S)
        assert found, "no page config in /lab"
        return json.loads(found.group(1))

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def loaded_extensions(lab):
    """The server extensions the server's log says it loaded."""
    log = lab.log.read_text(errors="replace")
    return set(re.findall(r"\] (\S+) \| extension was successfully loaded", log))


@pytest.fixture(scope="module")
def labs(tmp_path_factory):
    """Both labs at once (they start in parallel)."""
    started = {target: Lab(target, tmp_path_factory.mktemp(target)) for target in ("lab", "lab-instructor")}
    try:
        yield {target: lab.wait() for target, lab in started.items()}
    finally:
        for lab in started.values():
            lab.stop()


def nbgrader_installed():
    return importlib.util.find_spec("nbgrader") is not None and Path(sys.prefix, "bin", "jupyter").exists()


def test_make_lab_points_jupyter_at_the_learner_config():
    command = make_command("lab", "")
    assert f'JUPYTER_CONFIG_PATH="{ROOT}/jupyter/learner' in command
    assert "JUPYTER_CONFIG_PATH" not in make_command("lab-instructor", "")
    config = json.loads((ROOT / "jupyter" / "learner" / "labconfig" / "page_config.json").read_text())
    assert config == {"disabledExtensions": {name: True for name in NBGRADER_LAB_EXTENSIONS}}


@pytest.mark.skipif(not nbgrader_installed(), reason="nbgrader (a test tool) is not installed in .venv")
def test_the_learners_lab_has_no_nbgrader_interface(labs):
    lab = labs["lab"]
    config = lab.page_config()
    names = [e["name"] for e in config.get("federated_extensions", [])]
    installed = [name for name in names if "nbgrader" in name]
    assert installed and all(name in config["disabledExtensions"] for name in installed)
    assert (
        "@jupyter-widgets/jupyterlab-manager" in names
        and "@jupyter-widgets/jupyterlab-manager" not in (config["disabledExtensions"])
    )  # the course's own front ends stay
    assert {url: lab.get(url)[0] for url in NBGRADER_URLS} == {url: 404 for url in NBGRADER_URLS}
    assert loaded_extensions(lab) and not [name for name in loaded_extensions(lab) if "nbgrader" in name]


@pytest.mark.skipif(not nbgrader_installed(), reason="nbgrader (a test tool) is not installed in .venv")
def test_the_instructors_lab_has_it(labs):
    lab = labs["lab-instructor"]
    config = lab.page_config()
    installed = [e["name"] for e in config["federated_extensions"] if "nbgrader" in e["name"]]
    assert installed and not [name for name in installed if name in config["disabledExtensions"]]
    status, body = lab.get("/nbgrader_version?version=0")
    assert status == 200 and body, "nbgrader's server extensions are not loaded"
    assert lab.get("/formgrader")[0] == 200
    assert {name for name in loaded_extensions(lab) if "nbgrader" in name} == {
        f"nbgrader.server_extensions.{name}"
        for name in ("formgrader", "validate_assignment", "assignment_list", "course_list")
    }
