"""A bubblewrap sandbox per grading kernel (Linux): what the learner's code may see, reach and use.

A `Sandbox` is a set of Linux namespaces made by `bwrap` (bubblewrap, the sandbox Flatpak uses) around a
tiny holder process, with:

- a mount namespace showing the system (/usr, /etc, ...) and the Python environment read-only, and one
  writable scratch tmpfs (`/scratch`, size-limited) holding only this submission's copy in
  `/scratch/work` and a temporary folder (`/tmp` points to `/scratch/tmp`, or is a size-limited tmpfs of
  its own when the Python environment lies under /tmp); the source notebooks, other
  submissions, the gradebook and the grader's home are not mounted at all;
- its own network namespace (only a loopback of its own: no network), PID namespace (when the holder
  ends, the kernel sends SIGKILL to everything left inside), IPC and UTS namespaces;
- as root, a user id of its own (no capabilities, `no_new_privs`) and, where the grader can make them,
  cgroups capping the memory and the number of processes of everything inside; as another user, a user
  namespace of its own, in which RLIMIT_NPROC counts only the sandbox's processes.

The grading kernel itself is forked from the warm fork server (annlib.grading.forkserver) and *joins*
these namespaces (setns) before any submitted code runs, then drops to the sandbox's user and every
capability and sets its resource limits (address space, processes, file size). So a sandboxed kernel
costs the ~15 ms of a bwrap start on top of a fork, not a new interpreter. The grader talks to the
kernel over ZMQ IPC sockets in `/run/kernel`, a small tmpfs inside the sandbox it reaches through
`/proc/<holder>/root`.

The threat model (what this stops and what it does not) is in docs/instructors.md.
"""

import json
import os
import re
import secrets
import select
import shutil
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

SCRATCH = "/scratch"  # the one writable tmpfs, size-limited
WORKDIR = "/scratch/work"  # the kernel's working folder: the submission and the support files
TMPDIR = "/scratch/tmp"  # /tmp inside the sandbox points here
RUNTIME = "/run/kernel"  # connection file, IPC sockets and the guard's secret: a small tmpfs
RUNTIME_SIZE = 1 << 20
SANDBOX_UID_BASE = 2_000_000_000  # as root, sandbox k runs as uid/gid BASE + k: no file on disk has it
MODES = ("auto", "bwrap", "none")
INSTALL_HINT = (
    "install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf install "
    "bubblewrap; or run scripts/install_bubblewrap.sh), or grade with --sandbox none inside a "
    "container (docs/instructors.md, 'Threat model')"
)
START_TIMEOUT = 20.0


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or does not work on this machine."""


def parse_size(text):
    """Bytes from '2G', '500M', '1.5k', '1048576' (powers of 1024)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgGtT]?)i?[bB]?\s*", str(text))
    if not match:
        raise ValueError(f"parse_size: expected a size such as 2G, 500M or 1048576, got {text!r}")
    return int(float(match[1]) * 1024 ** " KMGT".index(match[2].upper() or " "))


def format_size(size):
    """'2 GB', '500 MB', '1 MB' for feedback."""
    for unit, power in (("GB", 3), ("MB", 2), ("kB", 1)):
        if size >= 1024**power:
            return f"{size / 1024**power:g} {unit}"
    return f"{size} bytes"


@dataclass(frozen=True)
class Limits:
    """What one sandboxed submission may use; each has a command-line option (docs/instructors.md)."""

    memory: int = 2 << 30  # address space of each process, and (with cgroups) of the whole sandbox
    processes: int = 256  # processes and threads
    file_size: int = 500 << 20  # largest file it may write
    scratch: int = 500 << 20  # everything it writes, together
    output: int = 1 << 20  # output kept per cell; a cell printing more is stopped

    def __post_init__(self):
        for name in ("memory", "processes", "file_size", "scratch", "output"):
            if getattr(self, name) < 1:
                raise ValueError(f"Limits: {name} must be at least 1, got {getattr(self, name)}")

    def describe(self, name):
        """'the memory limit (2 GB)', for feedback."""
        value = getattr(self, name)
        shown = f"{value}" if name == "processes" else format_size(value)
        words = {
            "memory": "memory limit",
            "processes": "process limit",
            "file_size": "file size limit",
            "scratch": "scratch space limit",
            "output": "output limit per cell",
        }[name]
        return f"the sandbox's {words} ({shown})"

    def explain(self, ename, evalue):
        """The limit an exception points to, as words to add to feedback, or ''."""
        text = f"{ename}: {evalue}"
        if ename == "MemoryError" or "Cannot allocate memory" in text or "Unable to allocate" in text:
            return self.describe("memory")
        if "File too large" in text:
            return self.describe("file_size")
        if "No space left on device" in text or "Disk quota exceeded" in text:
            return self.describe("scratch")
        if "Resource temporarily unavailable" in text or ename == "BlockingIOError" and "fork" in text:
            return self.describe("processes")
        return ""


def bwrap_path():
    return shutil.which("bwrap")


_probe_lock, _probe_result = threading.Lock(), {}


def check():
    """None when bubblewrap works here, otherwise why not (missing, or a probe sandbox failed)."""
    with _probe_lock:
        if "reason" not in _probe_result:
            _probe_result["reason"] = _probe()
        return _probe_result["reason"]


def _probe():
    if not sys.platform.startswith("linux"):
        return f"the bubblewrap sandbox needs Linux, this is {sys.platform}"
    if bwrap_path() is None:
        return "bubblewrap (bwrap) is not installed"
    command = [
        bwrap_path(),
        *_namespace_options(),
        "--ro-bind",
        "/",
        "/",
        "--dev",
        "/dev",
        "--proc",
        "/proc",
        "--",
        "/bin/sh",
        "-c",
        "exit 0",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"bwrap could not run: {error}"
    if result.returncode != 0:
        return f"bwrap cannot make a sandbox here: {result.stderr.strip() or f'exit status {result.returncode}'}"
    return None


def choose(mode):
    """The sandbox to grade with for `--sandbox MODE`: "bwrap" or "none" (and a warning for auto)."""
    if mode not in MODES:
        raise ValueError(f"choose: --sandbox must be one of {', '.join(MODES)}, got {mode!r}")
    if mode == "none":
        return "none", None
    reason = check()
    if reason is None:
        return "bwrap", None
    if mode == "bwrap":
        raise SandboxUnavailable(f"--sandbox bwrap: {reason}; {INSTALL_HINT}")
    return "none", (
        f"WARNING: {reason}: grading WITHOUT a sandbox; the learners' code runs with your rights. "
        f"To sandbox: {INSTALL_HINT}"
    )


def _namespace_options():
    options = ["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--die-with-parent"]
    if os.geteuid() != 0:
        options.insert(0, "--unshare-user")  # and the kernel joins this user namespace
    return options


def visible_trees():
    """The folders a kernel needs, read-only: the system and every folder of the Python environment."""
    trees = {"/usr", "/etc", "/opt"} if os.path.isdir("/opt") else {"/usr", "/etc"}
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.exists(top) and not os.path.islink(top):
            trees.add(top)
    trees.update({sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.path.realpath(sys.executable))})
    import site
    import sysconfig

    trees.update(sysconfig.get_paths()[key] for key in ("stdlib", "platstdlib", "purelib", "platlib"))
    trees.update(site.getsitepackages())
    import annlib  # an editable install lives outside site-packages: its package folder, not the repository

    trees.add(os.path.dirname(annlib.__file__))
    trees = {os.path.realpath(t) for t in trees if t and os.path.isdir(t)}
    return sorted(t for t in trees if not any(t != o and t.startswith(o.rstrip("/") + "/") for o in trees))


def _inside_any(path, folders):
    """Whether `path` is one of `folders` or lies inside one."""
    return any(path == f or path.startswith(f.rstrip("/") + "/") for f in folders)


class _UidPool:
    """As root, each live sandbox gets a uid of its own (RLIMIT_NPROC counts per uid)."""

    def __init__(self):
        self.lock, self.used = threading.Lock(), set()

    def take(self):
        with self.lock:
            k = next(i for i in range(1, 1 << 20) if i not in self.used)
            self.used.add(k)
            return SANDBOX_UID_BASE + k

    def give_back(self, uid):
        with self.lock:
            self.used.discard(uid - SANDBOX_UID_BASE)


_uids = _UidPool()


class _Cgroups:
    """Per-sandbox memory and pids cgroups under the grader's own (v1 or v2), when it may make them."""

    def __init__(self, name, limits):
        self.folders, self.procs = [], []
        if os.geteuid() != 0:
            return
        own = {}
        try:
            for line in Path("/proc/self/cgroup").read_text().splitlines():
                _, controllers, path = line.split(":", 2)
                for controller in controllers.split(",") if controllers else [""]:
                    own[controller] = path
        except OSError:
            return
        memory = limits.memory + limits.scratch + RUNTIME_SIZE  # tmpfs pages are charged to the writer
        if "" in own and os.path.exists("/sys/fs/cgroup/cgroup.controllers"):  # v2
            settings = {"memory": {"memory.max": memory, "memory.swap.max": 0}, "pids": {"pids.max": limits.processes}}
            self._make(
                f"/sys/fs/cgroup{own[''].rstrip('/')}/{name}", {k: v for d in settings.values() for k, v in d.items()}
            )
        for controller, files in (
            ("memory", {"memory.limit_in_bytes": memory}),
            ("pids", {"pids.max": limits.processes}),
        ):
            if controller in own and os.path.isdir(f"/sys/fs/cgroup/{controller}"):
                self._make(f"/sys/fs/cgroup/{controller}{own[controller].rstrip('/')}/{name}", files)

    def _make(self, folder, files):
        try:
            os.mkdir(folder)
        except OSError:
            return
        self.folders.append(folder)
        for file, value in files.items():
            try:
                Path(folder, file).write_text(str(value))
            except OSError:
                pass  # e.g. no swap accounting: the other limits still hold
        self.procs.append(os.path.join(folder, "cgroup.procs"))

    def events(self):
        """Limits the sandbox ran into ('memory', 'processes'), read from the cgroups' counters."""
        hit = set()
        for folder in self.folders:
            for file, key, name in (
                ("memory.oom_control", "oom_kill", "memory"),
                ("memory.events", "oom_kill", "memory"),
                ("pids.events", "max", "processes"),
            ):
                try:
                    for line in Path(folder, file).read_text().splitlines():
                        field, _, count = line.partition(" ")
                        if field == key and int(count or 0) > 0:
                            hit.add(name)
                except (OSError, ValueError):
                    continue
        return hit

    def remove(self):
        for folder in self.folders:
            try:
                os.rmdir(folder)
            except OSError:
                pass


class Sandbox:
    """One bubblewrap sandbox (see the module docstring); `close` ends it and everything inside."""

    def __init__(self, limits=Limits(), hide=(), passed_env=()):
        if bwrap_path() is None:
            raise SandboxUnavailable(f"Sandbox: bubblewrap (bwrap) is not installed; {INSTALL_HINT}")
        self.limits, self.passed_env = limits, tuple(passed_env)
        self.userns = os.geteuid() != 0
        self.uid = os.getuid() if self.userns else _uids.take()
        self.gid = os.getgid() if self.userns else self.uid
        self.name = f"annlib-{secrets.token_hex(6)}"
        self.cgroups = _Cgroups(self.name, limits)
        self.process = None
        try:
            self._start(hide)
        except BaseException:
            self.close()
            raise

    def _arguments(self, hide):
        trees = visible_trees()
        arguments = [*_namespace_options()]
        tmp_in_use = any(_inside_any(t, ["/tmp"]) for t in trees)  # e.g. a virtual environment in /tmp
        if tmp_in_use:  # then /tmp is a tmpfs of its own (limited alike) under the binds, not a symlink
            arguments += ["--size", str(self.limits.scratch), "--perms", "1777", "--tmpfs", "/tmp"]
        made = {"/tmp"} if tmp_in_use else set()
        for tree in trees:  # bwrap makes missing parents 0700; the sandbox's user must pass through them
            parent = os.path.dirname(tree)
            chain = []
            while parent not in ("/", "") and parent not in made:
                chain.append(parent)
                parent = os.path.dirname(parent)
            for folder in reversed(chain):
                arguments += ["--perms", "0755", "--dir", folder]
                made.add(folder)
        for tree in trees:
            arguments += ["--ro-bind", tree, tree]
        for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
            if os.path.islink(top):
                arguments += ["--symlink", os.readlink(top), top]
        for path in sorted({os.path.realpath(p) for p in hide}):  # never inside a visible folder, either
            if (
                _inside_any(path, trees)
                and not _inside_any(os.path.dirname(sys.executable), [path])
                and not any(_inside_any(t, [path]) for t in trees)
                and os.path.isdir(path)
            ):
                arguments += ["--size", "4096", "--perms", "0000", "--tmpfs", path]
        arguments += [
            "--dev",
            "/dev",
            "--proc",
            "/proc",
            "--size",
            str(self.limits.scratch),
            "--perms",
            "0755",
            "--tmpfs",
            SCRATCH,
            "--dir",
            WORKDIR,
            "--dir",
            TMPDIR,
            *([] if tmp_in_use else ["--symlink", TMPDIR, "/tmp"]),
            "--size",
            str(RUNTIME_SIZE),
            "--perms",
            "0755",
            "--tmpfs",
            RUNTIME,
            "--remount-ro",
            "/dev",
            "--remount-ro",
            "/",
            "--chdir",
            "/",
        ]
        return arguments

    def _start(self, hide):
        info_read, info_write = os.pipe()
        try:
            command = [
                bwrap_path(),
                *self._arguments(hide),
                "--info-fd",
                str(info_write),
                "--",
                "/bin/sh",
                "-c",
                "echo ready; read line",
            ]
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                pass_fds=[info_write],
                env={},
                cwd="/",
            )
            os.close(info_write)
            info_write = None
            ready, _, _ = select.select([self.process.stdout], [], [], START_TIMEOUT)
            line = self.process.stdout.readline() if ready else b""
            if line.strip() != b"ready":
                self.process.kill()
                error = self.process.stderr.read().decode(errors="replace").strip()
                raise SandboxUnavailable(f"Sandbox: bwrap did not start a sandbox: {error or 'no answer'}")
            info = b""
            while True:  # bwrap writes its info as JSON; complete once the holder runs
                chunk = os.read(info_read, 65536)
                info += chunk
                try:
                    self.holder = json.loads(info)["child-pid"]
                    break
                except ValueError:
                    if not chunk:
                        raise SandboxUnavailable(f"Sandbox: bwrap gave no child-pid: {info!r}")
        finally:
            os.close(info_read)
            if info_write is not None:
                os.close(info_write)
        for folder in (SCRATCH, WORKDIR, TMPDIR, RUNTIME):
            os.chown(self.host_path(folder), self.uid, self.gid)

    def host_path(self, inside):
        """The grader's path to a file inside the sandbox."""
        return f"/proc/{self.holder}/root{inside}"

    def stage(self, folder):
        """Copy a folder's files (the submission and its support files) into the sandbox's work folder."""
        target = self.host_path(WORKDIR)
        shutil.copytree(folder, target, dirs_exist_ok=True)
        for base, folders, files in os.walk(target):
            for name in folders + files:
                os.lchown(os.path.join(base, name), self.uid, self.gid)

    def private_file(self, name, data):
        """Write a file only the kernel (and the grader) can read; returns its path inside the sandbox."""
        inside = f"{RUNTIME}/{name}"
        host = self.host_path(inside)
        with open(os.open(host, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
            f.write(data)
        os.chown(host, self.uid, self.gid)
        return inside

    def join_request(self):
        """What the fork server's child needs to enter this sandbox (see forkserver._enter_sandbox)."""
        return {
            "holder": self.holder,
            "userns": self.userns,
            "uid": self.uid,
            "gid": self.gid,
            "cgroup_procs": self.cgroups.procs,
            "cwd": WORKDIR,
            "limits": {
                "memory": self.limits.memory,
                "processes": self.limits.processes,
                "file_size": self.limits.file_size,
                "output": self.limits.output,
            },
            "env": kernel_environment(self.passed_env),
        }

    def limits_hit(self):
        """Limits the cgroups saw the sandbox run into (empty without cgroups)."""
        return self.cgroups.events()

    def close(self):
        """End the sandbox: the holder exits, and with it (PID namespace) everything still inside."""
        if self.process is not None and self.process.poll() is None:
            try:  # pid 1 of the sandbox: when it dies, the kernel kills everything left in its PID namespace
                os.kill(self.holder, signal.SIGKILL)
            except (AttributeError, ProcessLookupError):
                self.process.kill()
            try:  # bwrap outside reaps pid 1 only once the namespace is empty
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.process is not None:
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                stream.close()
        self.cgroups.remove()
        if not self.userns:
            _uids.give_back(self.uid)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def server_environment():
    """The fork server's environment when it forks sandboxed kernels: the kernels' own, except that
    matplotlib finds the grader's font cache while it is imported (so no kernel rebuilds it)."""
    env = kernel_environment()
    del env["MPLCONFIGDIR"], env["IPYTHONDIR"], env["JUPYTER_RUNTIME_DIR"]
    env["HOME"] = os.path.expanduser("~")
    if "PYTHONPATH" in os.environ:  # the server must import what the grader can (its folders are not mounted)
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return env


def kernel_environment(passed=()):
    """The whole environment of a sandboxed kernel: nothing of the grader's but the variables named in
    `passed` (--env NAME)."""
    bin_folder = os.path.dirname(sys.executable)
    return {
        "PATH": f"{bin_folder}:/usr/local/bin:/usr/bin:/bin",
        "HOME": WORKDIR,
        "TMPDIR": TMPDIR,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "MPLCONFIGDIR": f"{TMPDIR}/matplotlib",
        "IPYTHONDIR": f"{TMPDIR}/ipython",
        "JUPYTER_RUNTIME_DIR": f"{TMPDIR}/jupyter",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        "PYTHONNOUSERSITE": "1",
        **{name: os.environ[name] for name in passed if name in os.environ},
    }
