"""The grading kernel's guard: what submitted code may not do once the audit hook is installed."""

import pytest

from annlib.grading.grade import _Run
from annlib.grading.kernel import Kernel

PROBES = {
    "gc": "import gc\ngc.get_objects()",
    "referrers": "import gc\ngc.get_referrers(len)",
    "other_threads": "import sys\nsys._current_frames()",
    "ctypes": "import ctypes\nctypes.string_at(id(1), 8)",
    "memory": "open('/proc/self/mem', 'rb')",
    "code_swap": "def f():\n    return 1\nf.__code__ = (lambda: 2).__code__",
    "trace": "import sys\nsys.settrace(lambda *a: None)",
    "hook_frames": (
        "import gc\ntry:\n    gc.get_objects()\nexcept RuntimeError as error:\n"
        "    tb = error.__traceback__\n    while tb.tb_next is not None:\n        tb = tb.tb_next\n"
        "    tb.tb_frame"
    ),
}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    grading = _Run([], tmp_path_factory.mktemp("guard"), ["numpy"], 20, Kernel)
    grading.start()
    yield grading
    grading.close()


@pytest.mark.parametrize("name", sorted(PROBES))
def test_submitted_code_cannot_reach_the_graders_secret(run, name):
    reply = run.kernel.execute(PROBES[name], 20)
    assert reply.status == "error" and reply.ename == "GuardError", (reply.ename, reply.evalue)


def test_ordinary_code_still_runs(run):
    code = (
        "import numpy as np, warnings, traceback\ntry:\n    1 / 0\nexcept ZeroDivisionError as e:\n"
        "    frames = traceback.extract_tb(e.__traceback__)\nwarnings.warn('fine')\n"
        "result = float(np.sum(np.arange(4)))"
    )
    reply = run.kernel.execute(code, 20, {"r": "result"})
    assert reply.status == "ok"
    assert reply.user_expressions["r"]["data"]["text/plain"] == "6.0"


def test_a_verdict_nobody_earned_is_empty(run):
    reply = run.kernel.execute("x = 1", 20, {"v": "'annlib-verdict 0123'"})
    assert reply.user_expressions["v"]["ename"] == "GradingVerdict"
    assert reply.user_expressions["v"]["evalue"] == "null"
