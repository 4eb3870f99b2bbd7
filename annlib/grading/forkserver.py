"""A warm process that forks a fresh Jupyter kernel per submission (POSIX only).

Starting a kernel costs a new interpreter, ipykernel, numpy and matplotlib: about 1.5 s of CPU, most of
the cost of grading a short exercise. This server imports them once; each kernel is then a new process
forked from it, before any submitted code runs, so no state passes from one submission to another.

Run by the grader as `python -m annlib.grading.forkserver MODULE...`; it reads one JSON request per line
on stdin ({"connection_file": ..., "cwd": ...}) and answers with the new kernel's process id.
"""

import importlib
import json
import os
import signal
import sys

BASE_MODULES = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.debugger",
                "IPython", "numpy", "matplotlib",
                "matplotlib.pyplot", "matplotlib_inline.backend_inline", "annlib", "annlib.checks")


def _preload(names):
    for name in (*BASE_MODULES, *names):
        try:
            importlib.import_module(name)
        except Exception:
            pass  # the kernel will import it (and show the error) itself


def _become_kernel(request):
    """In the forked child: detach, move to the scratch folder, run an IPython kernel until shut down."""
    os.setsid()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.chdir(request["cwd"])
    sys.path[0] = os.getcwd()  # what `python -m ipykernel_launcher` started here would have
    sys.argv = ["ipykernel_launcher", "-f", request["connection_file"]]
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed()  # the forked copies must not share the global random state
    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize(["-f", request["connection_file"], "--HistoryManager.enabled=False"])
    app.start()


def serve(names):
    _preload(names)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped automatically
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            try:
                _become_kernel(request)
            finally:
                os._exit(0)
        sys.stdout.write(json.dumps({"pid": pid}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve(sys.argv[1:])
