"""N simulated learners against a hub of its own (make benchmark-hub): spawn time, memory, cell latency.

Starts `make hub` on free ports in a temporary folder (as root, on Linux), then for each N: N learners sign
in through the login form, start their servers at once (the REST API), import the course and run a lesson
cell through their kernels' websockets, all at the same time, several rounds. The cell is lesson 01's
neuron-explorer computation (a weighted sum and sigmoid over a grid of weights) and lesson 07's training run
(two moons, a 2-16-1 network, 25 epochs of mini-batch SGD). Reported per N: spawn time (median, max),
memory per learner (its cgroup's charge, and the resident size of its processes), and the cell's median
latency against one learner's alone (one learner running the same cells back to back). With --think T
each learner waits a random 0 to 2T seconds before each cell, as learners reading and typing do; without
it they all run cells back to back at once, the worst case. With --arrive S the learners start their
servers at random moments over S seconds instead of all at once. With --runaway, one more learner spins a core
in a loop the whole time.
Every system user it made is removed at the end. Results go to stdout and, as JSON, to --json.

    .venv/bin/python hub/load.py --learners 5 10 --rounds 5 [--runaway] [--json FILE]
"""

import argparse
import asyncio
import json
import os
import platform
import random
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hubclient import Hub, Learner  # noqa: E402
from learners import learner_cgroups, remove_learner  # noqa: E402

SETUP = """\
import numpy as np
import annlib
from annlib.datasets import moons
X, y = moons(200, noise=0.15, rng=0)
print('ready')
"""
CELL = """\
x, b = np.array([0.5, -1.0, 2.0]), 0.1
outputs = [annlib.activations.sigmoid(annlib.weighted_sum(x, [w1, 0.2, -0.5], b)) for w1 in np.linspace(-3, 3, 61)]
history = annlib.fit(annlib.Network.from_sizes([2, 16, 1], "tanh", "sigmoid", rng=0), X, y,
                     "binary_cross_entropy", "sgd", learning_rate=0.5, epochs=25, batch_size=8, rng=0,
                     progress=False)
print(len(outputs), round(history.loss[-1], 2))
"""
SPIN = "while True:\n    pass"


def memory_of(name):
    """(cgroup charge, resident size of its processes) in MiB."""
    charge, rss = 0, 0
    for folder in learner_cgroups(name):
        for file in ("memory.current", "memory.usage_in_bytes"):
            if (folder / file).exists():
                charge = int((folder / file).read_text())
        if (folder / "cgroup.procs").exists() and not rss:
            for pid in (folder / "cgroup.procs").read_text().split():
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            rss += int(line.split()[1]) * 1024
                except FileNotFoundError:
                    pass
    return charge / 2**20, rss / 2**20


async def prepared_kernel(learner):
    kernel = await asyncio.to_thread(learner.new_kernel)
    ready = await kernel.execute(SETUP, timeout=300)
    if ready["status"] != "ok":
        raise RuntimeError(f"{learner.name}: the set-up cell failed: {ready}")
    return kernel


async def cells(kernel, rounds, latencies, think, rng):
    for _ in range(rounds):
        await asyncio.sleep(rng.uniform(0, 2 * think))  # reading and typing between cells: think s on average
        result = await kernel.execute(CELL)
        if result["status"] != "ok":
            raise RuntimeError(f"{kernel.learner.name}: the cell failed: {result}")
        latencies.append(result["seconds"])


async def level(room, names, rounds, runaway, think=0.0, arrive_s=0.0):
    learners = [room.sign_in(name) for name in names]
    rng = random.Random(len(names))

    async def arrive(learner, delay):
        await asyncio.sleep(delay)  # learners walking in over `arrive` seconds, not all in the same second
        return await asyncio.to_thread(learner.start_server)

    spawn = await asyncio.gather(*(arrive(learner, rng.uniform(0, arrive_s)) for learner in learners))
    spinner = None
    if runaway:
        spin_learner = room.sign_in(room.spinner)
        await asyncio.to_thread(spin_learner.start_server)
        spinner = await asyncio.to_thread(spin_learner.new_kernel)
        spin_task = asyncio.create_task(spinner.execute(SPIN, timeout=3600))
        await asyncio.sleep(2)
    per_learner = [[] for _ in learners]
    kernels = await asyncio.gather(*(prepared_kernel(learner) for learner in learners))
    start = time.monotonic()  # every learner's kernel is ready: now they all run the cell at once
    await asyncio.gather(
        *(cells(kernel, rounds, latencies, think, rng) for kernel, latencies in zip(kernels, per_learner))
    )
    wall = time.monotonic() - start
    memory = [memory_of(name) for name in names]
    for kernel in kernels:
        await asyncio.to_thread(kernel.close)
    if spinner is not None:
        spin_task.cancel()
        await asyncio.to_thread(spinner.close)
        await asyncio.to_thread(spin_learner.stop_server)
    await asyncio.gather(*(asyncio.to_thread(learner.stop_server) for learner in learners))
    all_latencies = [value for values in per_learner for value in values]
    return {
        "learners": len(names),
        "runaway": runaway,
        "think_s": think,
        "arrive_s": arrive_s,
        "spawn_median_s": statistics.median(spawn),
        "spawn_max_s": max(spawn),
        "memory_cgroup_median_mib": statistics.median(m[0] for m in memory),
        "memory_rss_median_mib": statistics.median(m[1] for m in memory),
        "cell_median_s": statistics.median(all_latencies),
        "cell_p90_s": sorted(all_latencies)[int(0.9 * (len(all_latencies) - 1))],
        "cells": len(all_latencies),
        "wall_s": wall,
    }


class Room:
    def __init__(self, most):
        prefix = "l" + secrets.token_hex(3)
        self.names = [f"{prefix}{i:02d}" for i in range(most)]
        self.spinner = prefix + "spin"
        self.code = secrets.token_hex(3)
        self.password = secrets.token_hex(8)
        self.dir = Path(tempfile.mkdtemp(prefix="annlib-hub-load-", dir="/tmp"))
        self.learners = {}
        self.hub = Hub(self.dir, self.names + [self.spinner], join_code=self.code)

    def sign_in(self, name):
        if name not in self.learners:
            learner = Learner(self.hub.url, name, self.password, self.code)
            if not learner.signed_in:
                raise RuntimeError(f"{name} could not sign in")
            self.learners[name] = learner
        return self.learners[name]

    def cleanup(self):
        self.hub.stop()
        for name in self.names + [self.spinner]:
            remove_learner(name, self.dir)
        shutil.rmtree(self.dir, ignore_errors=True)


def machine():
    memory = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    return {"cores": os.cpu_count(), "memory_gib": round(int(memory.split()[1]) / 2**20, 1), "cpu": cpu,
            "kernel": platform.release(), "load_before": os.getloadavg()}  # fmt: skip


async def main(args):
    room = Room(max(args.learners))
    results = {"machine": machine(), "rounds": args.rounds, "think_s": args.think, "levels": []}
    try:
        print(f"machine: {results['machine']}", flush=True)
        single = await level(room, room.names[:1], args.rounds * 2, False)
        results["single"] = single
        print(json.dumps(single), flush=True)
        for n in args.learners:
            for runaway in [False, True] if args.runaway else [False]:
                result = await level(room, room.names[:n], args.rounds, runaway, args.think, args.arrive)
                result["latency_vs_single"] = result["cell_median_s"] / single["cell_median_s"]
                results["levels"].append(result)
                print(json.dumps(result), flush=True)
    finally:
        room.cleanup()
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(results, indent=1))
    print(f"{'N':>3} {'runaway':>7} {'spawn med/max s':>16} {'MiB cgroup/RSS':>15} {'cell med s':>10} {'x single':>8}")
    for r in results["levels"]:
        print(f"{r['learners']:>3} {str(r['runaway']):>7} {r['spawn_median_s']:7.1f}/{r['spawn_max_s']:<8.1f} "
              f"{r['memory_cgroup_median_mib']:7.0f}/{r['memory_rss_median_mib']:<7.0f} "
              f"{r['cell_median_s']:10.3f} {r['latency_vs_single']:8.2f}")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--learners", type=int, nargs="+", default=[5, 10])
    parser.add_argument("--rounds", type=int, default=5, help="cells each learner runs at each N")
    parser.add_argument("--runaway", action="store_true", help="also measure with a learner spinning a core")
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean seconds a learner waits before each cell (0: every learner runs cells back "
        "to back, all at once, the worst case)",
    )
    parser.add_argument("--arrive", type=float, default=0.0, help="learners start their servers over this many s")
    parser.add_argument("--json", default="benchmarks/results/hub_load.json")
    if os.geteuid() != 0:
        sys.exit("hub/load.py starts a hub and creates system users: run it as root (make benchmark-hub)")
    asyncio.run(main(parser.parse_args()))
