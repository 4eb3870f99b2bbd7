"""A Jupyter kernel for one submission: execute code with a per-cell timeout, notice when the kernel dies.

Two ways to get a fresh kernel: `Kernel` starts one the usual way (jupyter_client's KernelManager);
`ForkServer.kernel` forks one from a warm process (annlib.grading.forkserver), ready in a few tenths of a
second on Linux, and with `sandbox` limits puts each in a bubblewrap sandbox of its own
(annlib.grading.sandbox). With an output limit, a cell that prints more than that is interrupted.
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

KERNEL_ENV = {"PYDEVD_DISABLE_FILE_VALIDATION": "1", "MPLBACKEND": "module://matplotlib_inline.backend_inline"}

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

    output_limit = None  # bytes of output per cell before the cell is interrupted; None: no limit
    sandbox = None  # the annlib.grading.sandbox.Sandbox the kernel runs in, if any

    def private_file(self, name, data):
        """A file only the kernel (and the grader) may read: (path for the kernel, path for the grader)."""
        handle, path = tempfile.mkstemp(prefix=f"{name}-")
        with os.fdopen(handle, "wb") as f:
            f.write(data)
        return path, path

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _connect(self, startup_timeout):
        """Open the channels and wait for the kernel; one that does not come up is stopped."""
        self.client.start_channels()
        try:
            self.wait_for_ready(startup_timeout)
        except RuntimeError as error:
            note = self._startup_note()
            self.close()
            if note:
                raise RuntimeError(f"{error}: {note}") from None
            raise

    def _startup_note(self):
        """What a forked kernel wrote about failing to start (see forkserver._leave_note), or ''."""
        return ""

    def close(self):
        try:
            self.client.stop_channels()
        finally:
            self._stop()

    def wait_for_ready(self, timeout):
        """Wait for the kernel's answer to kernel_info (jupyter_client's own wait also idles 0.2 s), and
        for its output channel: asked again until its 'idle' comes through (the subscription is made)."""
        deadline = time.monotonic() + timeout
        msg_id, answered = self.client.kernel_info(), False
        while time.monotonic() < deadline:
            if not self.is_alive():
                raise RuntimeError("the kernel exited while starting")
            try:
                msg = self.client.get_shell_msg(timeout=0.25 if not answered else 0.1)
                answered = answered or msg["parent_header"].get("msg_id") == msg_id
            except queue.Empty:
                pass
            if answered:
                self._finish_iopub(msg_id, wait=0.1)
                if self._idle == msg_id:
                    return
                msg_id, answered = self.client.kernel_info(), False
        raise RuntimeError(f"the kernel did not answer within {timeout:g} s")

    _output, _over, _idle = 0, False, None

    def execute(self, code, timeout, user_expressions=None):
        """Run `code`; at the timeout interrupt the kernel, and report "hung" if even that fails."""
        # stop_on_error=False: a failing test must not make the kernel drop the cells sent after it.
        msg_id = self.client.execute(
            code, store_history=False, allow_stdin=False, stop_on_error=False, user_expressions=user_expressions or {}
        )
        self._output, self._over = 0, False
        reply = self._wait(msg_id, time.monotonic() + timeout)
        if reply is not None and reply.ename == "OutputLimitExceeded" and self.output_limit is not None:
            self._over = True
        if reply is not None and self._over and reply.status in ("error", "ok"):
            return Reply("limit", reply.ename, reply.evalue, detail=self._over_detail())
        if reply is not None:
            return reply
        self.interrupt()
        reply = self._wait(msg_id, time.monotonic() + INTERRUPT_GRACE)
        if reply is None:
            return Reply("hung", detail=f"no answer {timeout:g} s after the cell started, even after an interrupt")
        if reply.status in ("error", "ok"):
            return Reply(
                "timeout",
                reply.ename,
                reply.evalue,
                detail=f"stopped after the {timeout:g} s limit per cell",
            )
        return reply

    def _over_detail(self):
        from annlib.grading.sandbox import format_size

        return f"stopped: the cell printed more than {format_size(self.output_limit)}, the output limit per cell"

    def _wait(self, msg_id, deadline):
        while True:
            self._drain_iopub()
            if self.output_limit is not None and self._output > self.output_limit and not self._over:
                self._over = True
                self.interrupt()
                deadline = min(deadline, time.monotonic() + INTERRUPT_GRACE)
            if not self.is_alive():
                return Reply("died", detail=f"the kernel died ({self.exit_description()})")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                if self._over:
                    return Reply("hung", detail=self._over_detail() + "; the kernel did not stop")
                return None
            try:
                # with an output limit, look at the output often enough to stop a cell soon after it
                msg = self.client.get_shell_msg(timeout=min(remaining, 0.25 if self.output_limit is None else 0.02))
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id or msg["msg_type"] != "execute_reply":
                continue
            content = msg["content"]
            self._finish_iopub(msg_id)
            if self.output_limit is not None and self._output > self.output_limit:
                self._over = True
            return Reply(
                content.get("status", "error"),
                content.get("ename", ""),
                content.get("evalue", ""),
                content.get("user_expressions", {}),
            )

    def _finish_iopub(self, msg_id, wait=1.0):
        """Read the cell's last outputs: up to the kernel's 'idle' for it (sent once its output is flushed)."""
        deadline = time.monotonic() + wait
        while self._idle != msg_id:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            try:
                self._count(self.client.get_iopub_msg(timeout=remaining))
            except queue.Empty:
                return

    def _drain_iopub(self):
        # Outputs are never graded; read them only so they do not pile up in memory, and count them.
        while True:
            try:
                self._count(self.client.get_iopub_msg(timeout=0))
            except queue.Empty:
                return

    def _count(self, msg):
        """Note the kernel's 'idle' and count a cell's output (messages since execute() reset the count)."""
        content = msg.get("content", {})
        if msg.get("msg_type") == "status" and content.get("execution_state") == "idle":
            self._idle = msg.get("parent_header", {}).get("msg_id")
        elif msg.get("msg_type") == "stream":
            self._output += len(content.get("text", ""))
        elif msg.get("msg_type") in ("display_data", "execute_result", "update_display_data"):
            self._output += sum(len(str(v)) for v in content.get("data", {}).values())


class Kernel(_KernelBase):
    """A fresh python3 kernel started in `cwd` by jupyter_client, history off; use as a context manager."""

    def __init__(self, cwd, startup_timeout=60):
        env = dict(os.environ, **KERNEL_ENV)
        self.manager = KernelManager(kernel_name="python3")
        # The kernel runs the grader's own interpreter, whatever kernelspecs the machine has.
        self.manager.kernel_spec.argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        self.manager.start_kernel(cwd=str(cwd), env=env, extra_arguments=["--HistoryManager.enabled=False"])
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
    """A kernel process forked by a ForkServer; stopped by killing its process group (and its sandbox)."""

    def __init__(self, pid, connection_file, startup_timeout=60, sandbox=None, connection_info=None, output_limit=None):
        self.pid, self.connection_file, self.sandbox = pid, connection_file, sandbox
        self.output_limit = output_limit
        self.client = BlockingKernelClient()
        if connection_info is not None:  # the sandbox's sockets, as the grader reaches them
            self.client.load_connection_info(connection_info)
        else:
            self.client.load_connection_file(connection_file)
        self._connect(startup_timeout)

    def _startup_note(self):
        path = self.connection_file[: -len(".json")] + "-error.txt"
        if self.sandbox is not None:
            path = self.sandbox.host_path(path)
        try:
            with open(path) as f:
                return f.read().strip().splitlines()[-1]
        except (OSError, IndexError):
            return ""

    def private_file(self, name, data):
        if self.sandbox is None:
            return super().private_file(name, data)
        inside = self.sandbox.private_file(f"{name}-{secrets.token_hex(8)}", data)
        return inside, self.sandbox.host_path(inside)

    def exit_description(self):
        if self.sandbox is not None:
            hit = self.sandbox.limits_hit()
            if hit:
                return "the process ended; it reached " + " and ".join(
                    self.sandbox.limits.describe(name) for name in sorted(hit)
                )
        return "the process ended"

    def _stop(self):
        try:
            os.killpg(self.pid, signal.SIGKILL)  # the kernel and anything it started
        except (ProcessLookupError, PermissionError):
            pass
        if self.sandbox is not None:
            self.sandbox.close()  # and everything else inside; the sockets were in the sandbox
            return
        folder, name = os.path.split(self.connection_file)
        for leftover in os.listdir(folder):  # the connection file and the kernel's sockets
            if leftover.startswith(name[: -len(".json")]):
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


class ForkServer:
    """One warm process per batch that forks kernels (see annlib.grading.forkserver); thread-safe.

    With `sandbox` (an annlib.grading.sandbox.Limits), every kernel gets a new bubblewrap sandbox of its
    own, the server itself runs with a clean environment, and `hide` names folders to keep out of sight
    even where they lie inside the Python environment; `passed_env` names variables kernels may have.
    """

    def __init__(self, preload=(), sandbox=None, hide=(), passed_env=()):
        self.limits, self.hide, self.passed_env = sandbox, tuple(hide), tuple(passed_env)
        if sandbox is not None:
            from annlib.grading.sandbox import server_environment

            env = server_environment()
        else:
            env = dict(os.environ, **KERNEL_ENV)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "annlib.grading.forkserver", *preload],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
            cwd="/",
        )  # sys.path[0]: no folder where others could plant modules
        self.lock = threading.Lock()
        self.runtime_dir = tempfile.mkdtemp(prefix="annlib-kernels-")

    @staticmethod
    def available():
        return hasattr(os, "fork") and sys.platform.startswith("linux")

    def kernel(self, cwd):
        """A fresh kernel whose working folder is `cwd` (with a sandbox: a copy of it, inside)."""
        if self.limits is not None:
            return self._sandboxed_kernel(cwd)
        name = f"kernel-{secrets.token_hex(8)}"
        connection_file = os.path.join(self.runtime_dir, name + ".json")
        # Unix sockets, one set per kernel: no port two kernels could both pick, nothing open on the network.
        write_connection_file(
            connection_file,
            transport="ipc",
            ip=os.path.join(self.runtime_dir, name),
            key=secrets.token_hex(32).encode(),
        )
        pid = self._fork({"connection_file": connection_file, "cwd": str(cwd)})
        return ForkedKernel(pid, connection_file)

    def _fork(self, request):
        with self.lock:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError("the kernel fork server stopped")
        answer = json.loads(answer)
        if "error" in answer:
            raise RuntimeError(f"ForkServer.kernel: the kernel could not start: {answer['error']}")
        return answer["pid"]

    def _sandboxed_kernel(self, cwd):
        from annlib.grading.sandbox import RUNTIME, Sandbox

        sandbox = Sandbox(self.limits, self.hide, self.passed_env)
        try:
            sandbox.stage(cwd)
            key = secrets.token_hex(32).encode()
            inside = os.path.join(RUNTIME, "kernel.json")
            write_connection_file(
                sandbox.host_path(inside), transport="ipc", ip=os.path.join(RUNTIME, "kernel"), key=key
            )
            with open(sandbox.host_path(inside)) as f:
                info = json.load(f)
            os.chown(sandbox.host_path(inside), sandbox.uid, sandbox.gid)
            info["ip"] = sandbox.host_path(info["ip"])  # the same sockets, seen from outside
            info["key"] = info["key"].encode()
            pid = self._fork(
                {"connection_file": inside, "cwd": sandbox.join_request()["cwd"], "sandbox": sandbox.join_request()}
            )
            return ForkedKernel(pid, inside, sandbox=sandbox, connection_info=info, output_limit=self.limits.output)
        except BaseException:
            sandbox.close()
            raise

    def close(self):
        self.process.kill()  # its kernels are already gone; nothing to finish
        self.process.wait(timeout=10)
        shutil.rmtree(self.runtime_dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
