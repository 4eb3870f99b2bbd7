"""A Jupyter kernel for one submission: execute code with a per-cell timeout, notice when the kernel dies.

Two ways to get a fresh kernel: `Kernel` starts one the usual way (jupyter_client's KernelManager);
`ForkServer.kernel` forks one from a warm process (annlib.grading.forkserver), ready in a few tenths of a
second on Linux.
"""

import json
import os
import queue
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field

from jupyter_client import BlockingKernelClient, KernelManager
from jupyter_client.connect import write_connection_file

KERNEL_ENV = {"PYDEVD_DISABLE_FILE_VALIDATION": "1",
              "MPLBACKEND": "module://matplotlib_inline.backend_inline"}

INTERRUPT_GRACE = 3.0  # seconds a kernel gets to answer after an interrupt before it is restarted


@dataclass
class Reply:
    """What came back from one execute request."""

    status: str  # "ok", "error", "timeout" (interrupted, kernel still usable), "hung" or "died"
    ename: str = ""
    evalue: str = ""
    user_expressions: dict = field(default_factory=dict)
    detail: str = ""


class _KernelBase:
    """Executing code in a kernel through `self.client`; subclasses start it (then `_connect`), and
    provide `_stop`, `interrupt`, `is_alive` and `exit_description`."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _connect(self, startup_timeout):
        """Open the channels and wait for the kernel; one that does not come up is stopped."""
        self.client.start_channels()
        try:
            self.wait_for_ready(startup_timeout)
        except RuntimeError:
            self.close()
            raise

    def close(self):
        try:
            self.client.stop_channels()
        finally:
            self._stop()

    def wait_for_ready(self, timeout):
        """Wait for the kernel's answer to kernel_info (jupyter_client's own wait also idles 0.2 s)."""
        deadline = time.monotonic() + timeout
        msg_id = self.client.kernel_info()
        while time.monotonic() < deadline:
            if not self.is_alive():
                raise RuntimeError("the kernel exited while starting")
            try:
                msg = self.client.get_shell_msg(timeout=0.25)
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                return
        raise RuntimeError(f"the kernel did not answer within {timeout:g} s")

    def execute(self, code, timeout, user_expressions=None):
        """Run `code`; at the timeout interrupt the kernel, and report "hung" if even that fails."""
        # stop_on_error=False: a failing test must not make the kernel drop the cells sent after it.
        msg_id = self.client.execute(code, store_history=False, allow_stdin=False, stop_on_error=False,
                                     user_expressions=user_expressions or {})
        reply = self._wait(msg_id, time.monotonic() + timeout)
        if reply is not None:
            return reply
        self.interrupt()
        reply = self._wait(msg_id, time.monotonic() + INTERRUPT_GRACE)
        if reply is None:
            return Reply("hung", detail=f"no answer {timeout:g} s after the cell started, even after an interrupt")
        if reply.status in ("error", "ok"):
            return Reply("timeout", reply.ename, reply.evalue,
                         detail=f"stopped after the {timeout:g} s limit per cell")
        return reply

    def _wait(self, msg_id, deadline):
        while True:
            self._drain_iopub()
            if not self.is_alive():
                return Reply("died", detail=f"the kernel died ({self.exit_description()})")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            try:
                msg = self.client.get_shell_msg(timeout=min(remaining, 0.25))
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id or msg["msg_type"] != "execute_reply":
                continue
            content = msg["content"]
            return Reply(content.get("status", "error"), content.get("ename", ""), content.get("evalue", ""),
                         content.get("user_expressions", {}))

    def _drain_iopub(self):
        # Outputs are never graded; read them only so they do not pile up in memory.
        while True:
            try:
                self.client.get_iopub_msg(timeout=0)
            except queue.Empty:
                return


class Kernel(_KernelBase):
    """A fresh python3 kernel started in `cwd` by jupyter_client, history off; use as a context manager."""

    def __init__(self, cwd, startup_timeout=60):
        env = dict(os.environ, **KERNEL_ENV)
        self.manager = KernelManager(kernel_name="python3")
        # The kernel runs the grader's own interpreter, whatever kernelspecs the machine has.
        self.manager.kernel_spec.argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        self.manager.start_kernel(cwd=str(cwd), env=env,
                                  extra_arguments=["--HistoryManager.enabled=False"])
        self.client = self.manager.client()
        self._connect(startup_timeout)

    def _stop(self):
        if self.manager.has_kernel:
            self.manager.shutdown_kernel(now=True)

    def interrupt(self):
        self.manager.interrupt_kernel()

    def is_alive(self):
        return self.manager.is_alive()

    def exit_description(self):
        process = getattr(self.manager.provisioner, "process", None)
        return f"exit code {process.poll() if process is not None else 'unknown'}"


class ForkedKernel(_KernelBase):
    """A kernel process forked by a ForkServer; stopped by killing its process group."""

    def __init__(self, pid, connection_file, startup_timeout=60):
        self.pid, self.connection_file = pid, connection_file
        self.client = BlockingKernelClient()
        self.client.load_connection_file(connection_file)
        self._connect(startup_timeout)

    def _stop(self):
        try:
            os.killpg(self.pid, signal.SIGKILL)  # the kernel and anything it started
        except (ProcessLookupError, PermissionError):
            pass
        folder, name = os.path.split(self.connection_file)
        for leftover in os.listdir(folder):  # the connection file and the kernel's sockets
            if leftover.startswith(name[:-len(".json")]):
                os.unlink(os.path.join(folder, leftover))

    def interrupt(self):
        try:
            os.kill(self.pid, signal.SIGINT)
        except ProcessLookupError:
            pass

    def is_alive(self):
        try:
            with open(f"/proc/{self.pid}/stat") as f:
                return f.read().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                return False
            return True

    def exit_description(self):
        return "the process ended"


class ForkServer:
    """One warm process per batch that forks kernels (see annlib.grading.forkserver); thread-safe."""

    def __init__(self, preload=()):
        env = dict(os.environ, **KERNEL_ENV)
        self.process = subprocess.Popen([sys.executable, "-m", "annlib.grading.forkserver", *preload],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True,
                                        cwd=tempfile.gettempdir())
        self.lock = threading.Lock()
        self.runtime_dir = tempfile.mkdtemp(prefix="annlib-kernels-")

    @staticmethod
    def available():
        return hasattr(os, "fork") and sys.platform.startswith("linux")

    def kernel(self, cwd):
        """A fresh kernel whose working folder is `cwd`."""
        name = f"kernel-{secrets.token_hex(8)}"
        connection_file = os.path.join(self.runtime_dir, name + ".json")
        # Unix sockets, one set per kernel: no port two kernels could both pick, nothing open on the network.
        write_connection_file(connection_file, transport="ipc", ip=os.path.join(self.runtime_dir, name),
                              key=secrets.token_hex(32).encode())
        with self.lock:
            self.process.stdin.write(json.dumps({"connection_file": connection_file, "cwd": str(cwd)}) + "\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError("the kernel fork server stopped")
        return ForkedKernel(json.loads(answer)["pid"], connection_file)

    def close(self):
        self.process.kill()  # its kernels are already gone; nothing to finish
        self.process.wait(timeout=10)
        shutil.rmtree(self.runtime_dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
