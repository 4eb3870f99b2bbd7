"""The start-up file of `make test-rounding` really nudges the starting weights, by about 1e-10."""

import subprocess
import sys
from pathlib import Path

NUDGE_FILE = Path(__file__).resolve().parent / "rounding" / "nudge_weights.py"

PROBE = f"""
import numpy as np
from annlib import Network, scratch
plain_net = Network.from_sizes([4, 3, 2], rng=0).get_weights()[0]
plain_scratch = scratch.initialize([4, 3, 2], np.random.default_rng(0))[0][0]
import runpy
runpy.run_path({str(NUDGE_FILE)!r})
from annlib import scratch as scratch_after
nudged_net = Network.from_sizes([4, 3, 2], rng=0).get_weights()[0]
nudged_scratch = scratch_after.initialize([4, 3, 2], np.random.default_rng(0))[0][0]
for plain, nudged in ((plain_net, nudged_net), (plain_scratch, nudged_scratch)):
    relative = np.abs(nudged / plain - 1)
    print(bool(relative.max() > 0), bool(relative.max() < 1e-8))
"""


def test_nudge_moves_dense_and_scratch_weights_by_a_tiny_amount():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True", "True", "True"]
