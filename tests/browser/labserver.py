"""JupyterLab and Chromium for the browser tests, both kept apart from the user's own.

`LabServer` starts JupyterLab from this environment on 127.0.0.1 (a free port, token auth), with its
config, runtime, data, IPython and settings folders all inside one temporary folder. `launch_browser`
starts Debian's chromium through playwright (no browser download).
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}

# Settings a fresh user would not see differently, minus network calls and autosave
# (the browser runs must never write back into the notebooks they open).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LabServer:
    """One JupyterLab server on 127.0.0.1 serving root_dir, its state kept under state_dir.

    disabled_extensions: lab extensions to disable (at user level, inside state_dir), used to show
    that a lab without the widget front end is reported.
    """

    def __init__(self, root_dir, state_dir, *, disabled_extensions=()):
        self.root_dir = Path(root_dir)
        self.state_dir = Path(state_dir)
        self.disabled_extensions = tuple(disabled_extensions)
        self.token = secrets.token_hex(16)
        self.port = None
        self.process = None
        self.log_path = self.state_dir / "jupyterlab.log"
        # one worker: a kernel start waits for the shutdown submitted before it (the same notebook may be both)
        self.workers = ThreadPoolExecutor(max_workers=1)
        self.pending = []

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def environment(self):
        env = dict(os.environ)
        env.pop("MPLBACKEND", None)  # a learner's kernel has none; Agg here would hide inline figures
        env.pop("JUPYTER_PATH", None)
        for name, sub in [
            ("JUPYTER_CONFIG_DIR", "config"),
            ("JUPYTER_RUNTIME_DIR", "runtime"),
            ("JUPYTER_DATA_DIR", "data"),
            ("IPYTHONDIR", "ipython"),
        ]:
            env[name] = str(self.state_dir / sub)
        env["JUPYTER_PREFER_ENV_PATH"] = "1"
        return env

    def _write_settings(self):
        for relative, values in LAB_SETTINGS.items():
            path = self.state_dir / "settings" / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        if self.disabled_extensions:
            # what `jupyter labextension disable --level=user NAME` writes, in this server's own config dir
            page_config = self.state_dir / "config" / "labconfig" / "page_config.json"
            page_config.parent.mkdir(parents=True, exist_ok=True)
            page_config.write_text(json.dumps({"disabledExtensions": {n: True for n in self.disabled_extensions}}))

    def command(self):
        args = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
            "--ServerApp.terminals_enabled=False",
            f"--LabApp.user_settings_dir={self.state_dir / 'settings'}",
            f"--LabApp.workspaces_dir={self.state_dir / 'workspaces'}",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--allow-root")
        return args

    def start(self, timeout=90):
        """Start JupyterLab and wait until it answers."""
        return self.launch().wait_ready(timeout)

    def launch(self):
        """Start JupyterLab without waiting for it (wait_ready does)."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self._write_settings()
        self.port = _free_port()
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                self.command(), env=self.environment(), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        return self

    def wait_ready(self, timeout=90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {self.process.returncode}:\n{self.log_tail()}")
            try:
                self.request("GET", "/api/status")
                return self
            except OSError:
                time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer within {timeout} s:\n{self.log_tail()}")

    def log_tail(self, lines=40):
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def request(self, method, path, body=None, timeout=30):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base_url + path,
            method=method,
            data=data,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def lab_url(self):
        """JupyterLab's page, with a fresh workspace."""
        return f"{self.base_url}/lab?reset&token={self.token}"

    def shutdown_sessions(self, notebook_path=None):
        """Shut down the kernels of notebook_path (or of every notebook)."""
        for session in self.request("GET", "/api/sessions"):
            if notebook_path is None or session.get("path") == notebook_path:
                self.request("DELETE", f"/api/sessions/{session['id']}")

    def in_background(self, function, *args):
        """Run function(*args) in a worker thread (kernel start and shutdown take seconds of waiting)."""
        future = self.workers.submit(function, *args)
        self.pending.append(future)
        return future

    def start_kernel(self, notebook_path):
        """Start the kernel of notebook_path now; JupyterLab connects to it when it opens the notebook."""
        metadata = json.loads((self.root_dir / notebook_path).read_text(encoding="utf-8")).get("metadata", {})
        kernel = metadata.get("kernelspec", {}).get("name", "python3")
        self.request(
            "POST",
            "/api/sessions",
            {"path": notebook_path, "name": Path(notebook_path).name, "type": "notebook", "kernel": {"name": kernel}},
        )

    def stop(self):
        for future in self.pending:
            future.exception()  # wait; a failed background start or shutdown only costs time
        self.workers.shutdown()
        if self.process is None or self.process.poll() is not None:
            return
        try:
            self.shutdown_sessions()
        except OSError:
            pass
        self.process.terminate()  # the server then shuts its kernels down
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def chromium_path():
    """Debian's chromium (scripts/install_browser.sh installs it); never a playwright download."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        raise RuntimeError(
            "chromium is not installed: run `bash scripts/install_browser.sh` "
            "(Debian's chromium package; `playwright install` is not used)"
        )
    return path


def launch_browser(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS, headless=True)
