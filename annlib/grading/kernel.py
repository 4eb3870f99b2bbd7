"""A Jupyter kernel for one submission: execute code with a per-cell timeout, notice when the kernel dies."""

import os
import queue
import sys
import time
from dataclasses import dataclass, field

from jupyter_client import KernelManager

INTERRUPT_GRACE = 3.0  # seconds a kernel gets to answer after an interrupt before it is restarted


@dataclass
class Reply:
    """What came back from one execute request."""

    status: str  # "ok", "error", "timeout" (interrupted, kernel still usable), "hung" or "died"
    ename: str = ""
    evalue: str = ""
    user_expressions: dict = field(default_factory=dict)
    detail: str = ""


class Kernel:
    """A fresh python3 kernel started in `cwd`, history off; use as a context manager."""

    def __init__(self, cwd, startup_timeout=60):
        env = dict(os.environ, PYDEVD_DISABLE_FILE_VALIDATION="1", MPLBACKEND="module://matplotlib_inline.backend_inline")
        self.manager = KernelManager(kernel_name="python3")
        # The kernel runs the grader's own interpreter, whatever kernelspecs the machine has.
        self.manager.kernel_spec.argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        self.manager.start_kernel(cwd=str(cwd), env=env,
                                  extra_arguments=["--HistoryManager.enabled=False"])
        self.client = self.manager.client()
        self.client.start_channels()
        try:
            self.client.wait_for_ready(timeout=startup_timeout)
        except RuntimeError:
            self.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        try:
            self.client.stop_channels()
        finally:
            if self.manager.has_kernel:
                self.manager.shutdown_kernel(now=True)

    def exit_code(self):
        process = getattr(self.manager.provisioner, "process", None)
        return process.poll() if process is not None else None

    def execute(self, code, timeout, user_expressions=None):
        """Run `code`; at the timeout interrupt the kernel, and report "hung" if even that fails."""
        msg_id = self.client.execute(code, store_history=False, allow_stdin=False,
                                     user_expressions=user_expressions or {})
        reply = self._wait(msg_id, time.monotonic() + timeout)
        if reply is not None:
            return reply
        self.manager.interrupt_kernel()
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
            if not self.manager.is_alive():
                return Reply("died", detail=f"the kernel died (exit code {self.exit_code()})")
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
            except Exception:
                return

