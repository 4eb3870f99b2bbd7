"""A learner without a browser: sign in through the hub's login form, start a server with the REST API, run
cells through a kernel's websocket. Used by tests/hub and hub/load.py (needs requests and tornado)."""

import asyncio
import json
import os
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path

import requests
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

COURSE = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hub:
    """A hub started with `make hub` on free ports in hub_dir (which must exist), stopped by stop()."""

    def __init__(self, hub_dir, roster, join_code="", env=None):
        self.hub_dir = Path(hub_dir)
        os.chmod(self.hub_dir, 0o711)
        (self.hub_dir / "roster.txt").write_text("".join(line + "\n" for line in roster))
        (self.hub_dir / "join_code.txt").write_text(join_code + "\n")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        args = (f"--port={self.port} --JupyterHub.hub_port={free_port()} "
                f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{free_port()}")  # fmt: skip
        self.log_path = self.hub_dir / "hub.log"
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "-C", str(COURSE), "hub", f"HUB_DIR={self.hub_dir}", f"HUB_ARGS={args}"],
            stdout=open(self.log_path, "w"), stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, **(env or {})},
        )  # fmt: skip
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the hub stopped: {self.log()[-3000:]}")
            try:
                if requests.get(self.url + "/hub/api/", timeout=2).ok:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"the hub did not answer in 90 s: {self.log()[-3000:]}")

    def log(self):
        return self.log_path.read_text(errors="replace")

    def stop(self):
        """Stop the hub: SIGTERM to JupyterHub (it stops the learners' servers, its culler and the proxy,
        which takes up to half a minute), then SIGKILL to whatever is left of the process group."""
        pid_file = self.hub_dir / "jupyterhub.pid"
        if self.process.poll() is None and pid_file.exists():
            try:
                os.kill(int(pid_file.read_text()), signal.SIGTERM)
                self.process.wait(60)
            except (ValueError, ProcessLookupError, subprocess.TimeoutExpired):
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(10)


class Learner:
    def __init__(self, hub_url, name, password, join_code=""):
        self.hub_url, self.name = hub_url, name
        self.session = requests.Session()
        self.session.get(hub_url + "/hub/login", timeout=30)
        xsrf = self.session.cookies.get("_xsrf")
        form = {"username": name, "password": password, "join_code": join_code, "_xsrf": xsrf}
        reply = self.session.post(hub_url + "/hub/login", data=form, allow_redirects=False, timeout=60)
        self.signed_in = reply.status_code == 302 and "/hub/login" not in reply.headers.get("Location", "")
        self.token = None
        if self.signed_in:
            reply = self.session.post(
                f"{hub_url}/hub/api/users/{name}/tokens", json={"note": "hubclient", "expires_in": 7200},
                headers={"X-XSRFToken": self.session.cookies.get("_xsrf", path="/hub/") or xsrf}, timeout=30,
            )  # fmt: skip
            reply.raise_for_status()
            self.token = reply.json()["token"]

    def api(self, method, path, **kwargs):
        headers = {"Authorization": f"token {self.token}"}
        return requests.request(method, self.hub_url + path, headers=headers, timeout=60, **kwargs)

    def start_server(self, timeout=180):
        """Start this learner's server and wait until it answers; returns the seconds it took."""
        start = time.monotonic()
        reply = self.api("POST", f"/hub/api/users/{self.name}/server")
        if reply.status_code not in (201, 202, 400):  # 400: already running
            raise RuntimeError(f"{self.name}: server start refused: {reply.status_code} {reply.text}")
        while time.monotonic() - start < timeout:
            user = self.api("GET", f"/hub/api/users/{self.name}").json()
            server = user.get("servers", {}).get("", {})
            if server.get("ready"):
                return time.monotonic() - start
            if not server.get("pending") and not server and time.monotonic() - start > 5:
                raise RuntimeError(f"{self.name}: the server stopped while starting")
            time.sleep(0.5)
        raise TimeoutError(f"{self.name}: the server was not ready in {timeout} s")

    def stop_server(self):
        self.api("DELETE", f"/hub/api/users/{self.name}/server")

    def server(self, method, path, **kwargs):
        return self.api(method, f"/user/{self.name}/api{path}", **kwargs)

    def new_kernel(self):
        reply = self.server("POST", "/kernels", json={"name": "python3"})
        reply.raise_for_status()
        return Kernel(self, reply.json()["id"])


class Kernel:
    def __init__(self, learner, kernel_id):
        self.learner, self.id = learner, kernel_id
        self.ws = self.loop = None

    async def connect(self):
        url = self.learner.hub_url.replace("http", "ws", 1)
        url += f"/user/{self.learner.name}/api/kernels/{self.id}/channels"
        request = HTTPRequest(
            url, headers={"Authorization": f"token {self.learner.token}"}, connect_timeout=120, request_timeout=120
        )
        self.ws = await websocket_connect(request)
        self.loop = asyncio.get_running_loop()

    async def execute(self, code, timeout=120):
        """Run a cell; returns {'status', 'stdout', 'error', 'seconds'}; status 'dead' when the kernel died
        (or 'timeout')."""
        if self.ws is None or self.loop is not asyncio.get_running_loop():
            await self.connect()  # a websocket belongs to one event loop: each asyncio.run needs its own
        msg_id = uuid.uuid4().hex
        message = {
            "header": {"msg_id": msg_id, "username": self.learner.name, "session": uuid.uuid4().hex,
                       "msg_type": "execute_request", "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True},
        }  # fmt: skip
        start = time.monotonic()
        await self.ws.write_message(json.dumps(message))
        result = {"status": None, "stdout": "", "error": ""}
        idle = False
        deadline = start + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                result["status"] = "timeout"
                break
            try:
                raw = await asyncio.wait_for(self.ws.read_message(), left)
            except asyncio.TimeoutError:
                result["status"] = "timeout"
                break
            if raw is None:
                result["status"] = "dead"
                break
            reply = json.loads(raw)
            kind = reply.get("msg_type") or reply["header"]["msg_type"]
            if kind == "status" and reply["content"].get("execution_state") in ("dead", "restarting"):
                result["status"] = "dead"
                break
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if kind == "stream":
                result["stdout"] += reply["content"]["text"]
            elif kind == "error":
                result["error"] = f"{reply['content']['ename']}: {reply['content']['evalue']}"
            elif kind == "execute_reply":
                result["status"] = reply["content"]["status"]
            elif kind == "status" and reply["content"].get("execution_state") == "idle":
                idle = True  # the cell's output has all been sent (iopub), which can trail its reply
            if result["status"] is not None and idle:
                break
        result["seconds"] = time.monotonic() - start
        return result

    def close(self):
        """Shut the kernel down (its websocket closes with it)."""
        self.learner.server("DELETE", f"/kernels/{self.id}")
        self.ws = self.loop = None
