"""A warm process that forks a fresh Jupyter kernel per submission (POSIX only).

Starting a kernel costs a new interpreter, ipykernel, numpy and matplotlib: about 1.5 s of CPU, most of
the cost of grading a short exercise. This server imports them once; each kernel is then a new process
forked from it, before any submitted code runs, so no state passes from one submission to another.

Run by the grader as `python -m annlib.grading.forkserver MODULE...`; it reads one JSON request per line
on stdin ({"connection_file": ..., "cwd": ..., "sandbox": null or annlib.grading.sandbox's join request})
and answers with the new kernel's process id, or with the error that kept it from starting.

With a sandbox, the forked child enters it before any submitted code runs: it joins the sandbox's cgroups
and namespaces (user, IPC, UTS, network, PID, mount; `setns`), forks once more so that the kernel is a
process of the sandbox's PID namespace, and the kernel then drops to the sandbox's user and every capability, forbids
gaining privileges (`no_new_privs`), sets its resource limits, replaces its environment and closes every file
descriptor it inherited. What it cannot see after that, it cannot reach.
"""

import ctypes
import errno
import fcntl
import importlib
import json
import os
import resource
import signal
import sys

BASE_MODULES = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.debugger",
    "IPython",
    "numpy",
    "matplotlib",
    "matplotlib.pyplot",
    "matplotlib_inline.backend_inline",
    "annlib",
    "annlib.checks",
)


def _preload(names):
    for name in (*BASE_MODULES, *names):
        try:
            importlib.import_module(name)
        except Exception:
            pass  # the kernel will import it (and show the error) itself


NAMESPACES = ("ipc", "uts", "net", "pid", "mnt")  # the user namespace, when there is one, goes first
PR_SET_NO_NEW_PRIVS = 38
NS_GET_PARENT = 0xB702  # ioctl: the user namespace that owns the given one
PR_CAPBSET_DROP, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 24, 47, 4
_LINUX_CAPABILITY_VERSION_3 = 0x20080522


def _enter_sandbox(sandbox, report):
    """In the forked child: join the sandbox; returns in the kernel process (a grandchild) only.

    `report(message)` sends the kernel's pid, or an error, back to the fork server (None: nothing).
    """
    for procs in sandbox["cgroup_procs"]:  # memory and pids cgroups, inherited by all it starts
        with open(procs, "w") as f:
            f.write(str(os.getpid()))
    holder = sandbox["holder"]
    handles = [(name, os.open(f"/proc/{holder}/ns/{name}", os.O_RDONLY)) for name in NAMESPACES]
    if sandbox["userns"]:
        # Unprivileged bwrap makes the other namespaces in one user namespace and runs the sandbox in a
        # second one nested in it: join the outer (which owns them) first, the inner last.
        inner = os.open(f"/proc/{holder}/ns/user", os.O_RDONLY)
        outer = fcntl.ioctl(inner, NS_GET_PARENT)
        if os.fstat(outer).st_ino == os.stat("/proc/self/ns/user").st_ino:  # not nested after all
            os.close(outer)
            handles = [("user", inner)] + handles
        else:
            handles = [("outer user", outer)] + handles + [("user", inner)]
    libc = ctypes.CDLL(None, use_errno=True)
    for name, handle in handles:
        if libc.setns(handle, 0) != 0:
            raise OSError(ctypes.get_errno(), f"setns into the sandbox's {name} namespace failed")
        os.close(handle)
    pid = os.fork()  # a PID namespace takes effect for children: the kernel is this one's child
    if pid:
        report({"pid": pid})
        os._exit(0)
    report(None)  # answered by the parent; a later failure leaves a note instead
    os.setsid()
    os.chdir(sandbox["cwd"])
    _drop_bounding_set(libc)  # while it may (joining a user namespace grants every capability in it)
    if not sandbox["userns"]:  # as root: become the sandbox's own unprivileged user
        os.setgroups([])
        os.setresgid(sandbox["gid"], sandbox["gid"], sandbox["gid"])
        os.setresuid(sandbox["uid"], sandbox["uid"], sandbox["uid"])
    _drop_capabilities(libc)
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    limits = sandbox["limits"]
    for which, value in (
        (resource.RLIMIT_AS, limits["memory"]),
        (resource.RLIMIT_NPROC, limits["processes"]),
        (resource.RLIMIT_FSIZE, limits["file_size"]),
        (resource.RLIMIT_CORE, 0),
    ):
        resource.setrlimit(which, (value, value))
    os.environ.clear()
    os.environ.update(sandbox["env"])


def _drop_bounding_set(libc):
    """No capability can ever be gained again (needs CAP_SETPCAP, so before giving up the others)."""
    for capability in range(64):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0 and ctypes.get_errno() != errno.EINVAL:
            raise OSError(ctypes.get_errno(), f"prctl(PR_CAPBSET_DROP, {capability}) failed")


def _drop_capabilities(libc):
    """No capability left: the ambient set emptied, then the effective, permitted and inheritable ones."""
    libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    header = (ctypes.c_uint32 * 2)(_LINUX_CAPABILITY_VERSION_3, 0)
    data = (ctypes.c_uint32 * 6)()  # two {effective, permitted, inheritable}, all zero
    if libc.capset(header, data) != 0:
        raise OSError(ctypes.get_errno(), "capset() failed")


def _become_kernel(request, report):
    """In the forked child: detach (or enter the sandbox), move to the scratch folder, run an IPython
    kernel until shut down. `report` tells the fork server the kernel's pid (or why it did not start)."""
    if request.get("sandbox"):
        _enter_sandbox(request["sandbox"], report)
    else:
        report({"pid": os.getpid()})
        os.setsid()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.closerange(3, devnull)  # nothing of the fork server's (its pipes, other kernels' reports) stays open
    os.closerange(devnull + 1, 65536)
    os.chdir(request["cwd"])
    sys.path[0] = os.getcwd()  # what `python -m ipykernel_launcher` started here would have
    sys.argv = ["ipykernel_launcher", "-f", request["connection_file"]]
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed()  # the forked copies must not share the global random state
    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize(["-f", request["connection_file"], "--HistoryManager.enabled=False"])
    if request.get("sandbox"):
        _cap_output(app.shell, request["sandbox"]["limits"]["output"])
    app.start()


class OutputLimitExceeded(Exception):
    """Raised inside a cell that printed more than the sandbox's output limit per cell."""


def _cap_output(shell, limit):
    """Stop a cell that writes more than `limit` characters to stdout and stderr together.

    ipykernel buffers what a cell prints and sends it from another thread, which a cell printing in a
    tight loop starves: the grader would only see the output once the cell ends. So the kernel counts,
    and the grader (which also counts what reaches it) reports the cell as stopped by the output limit.
    """
    written = [0]
    for stream in (sys.stdout, sys.stderr):

        def write(text, original=stream.write):
            written[0] += len(text)
            if written[0] > limit:
                raise OutputLimitExceeded(f"the cell printed more than {limit} characters")
            return original(text)

        stream.write = write
    shell.events.register("pre_execute", lambda: written.__setitem__(0, 0))


def _leave_note(connection_file, error):
    """Why a kernel failed while starting, beside its connection file, for the grader to report."""
    import traceback

    try:
        with open(connection_file[: -len(".json")] + "-error.txt", "w") as f:
            f.write("".join(traceback.format_exception(type(error), error, error.__traceback__))[-2000:])
    except OSError:
        pass


PR_SET_CHILD_SUBREAPER = 36


def serve(names):
    _preload(names)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped automatically
    # A sandboxed kernel's parent exits at once (see _enter_sandbox); the kernel then becomes this
    # process's child, reaped the moment it dies, rather than the machine's init's, which may take
    # its time, and a sandbox cannot end before the kernel in it is reaped.
    ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    for line in sys.stdin:
        request = json.loads(line)
        answer_read, answer_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(answer_read)

            def report(message):  # once; None closes the pipe without an answer
                if message is not None:
                    os.write(answer_write, json.dumps(message).encode() + b"\n")
                os.close(answer_write)

            try:
                _become_kernel(request, report)
            except BaseException as error:
                try:
                    report({"error": f"{type(error).__name__}: {error}"})
                except OSError:  # already reported: the kernel failed after it started; leave a note
                    _leave_note(request["connection_file"], error)
            finally:
                os._exit(0)
        os.close(answer_write)
        with os.fdopen(answer_read, "rb") as answers:
            answer = answers.readline() or json.dumps({"error": "the forked kernel exited at once"}).encode()
        sys.stdout.write(answer.decode().strip() + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve(sys.argv[1:])
