"""Where the hub keeps its learners, and their cgroups (no JupyterHub import: the tests use it too).

cgroup v2 is used where its memory controller is on; else cgroup v1's memory and cpu hierarchies (as on the
course's machines, where systemd is not process 1). A learner's cgroups nest under the hub's own, in
'annlib-hub/<name>'."""

import os
import pwd
import signal
import subprocess
import time
from pathlib import Path


def _hub_dir():
    return Path(os.environ.get("ANNLIB_HUB_DIR", "/srv/annlib-hub"))


def _is_ours(entry):
    """A system user the hub made: its home is in the hub's folder."""
    return Path(entry.pw_dir).parent == _hub_dir() / "home"


CGROUP_ROOT = Path("/sys/fs/cgroup")


def cgroup_mode():
    """'v2' when the unified hierarchy has a memory controller, 'v1' when cgroup v1's memory and cpu are
    mounted, else None (then no limit is enforced, and the hub says so in its log)."""
    controllers = CGROUP_ROOT / "cgroup.controllers"
    if controllers.exists() and "memory" in controllers.read_text().split():
        return "v2"
    if (CGROUP_ROOT / "memory" / "memory.limit_in_bytes").exists() and (CGROUP_ROOT / "cpu").is_dir():
        return "v1"
    return None


def _own_cgroup(controller):
    """This process's cgroup in a v1 hierarchy ('' for v2's), so learners' cgroups nest under the hub's."""
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, names, path = line.split(":", 2)
        if controller in names.split(","):
            return path.lstrip("/")
    return ""


def learner_cgroups(name):
    """The folders of a learner's cgroup, one per hierarchy, all under 'annlib-hub/' in the hub's own."""
    mode = cgroup_mode()
    if mode == "v2":
        return [CGROUP_ROOT / "annlib-hub" / name]
    if mode == "v1":
        return [CGROUP_ROOT / c / _own_cgroup(c) / "annlib-hub" / name for c in ("memory", "cpu")]
    return []


def make_cgroups(name, mem_limit, cpu_limit, period=100_000):
    """Create (or reset) a learner's cgroups with their limits; returns the cgroup.procs files to join."""
    mode = cgroup_mode()
    procs = []
    for folder in learner_cgroups(name):
        if mode == "v2":
            parent = folder.parent
            parent.mkdir(exist_ok=True)
            (CGROUP_ROOT / "cgroup.subtree_control").write_text("+memory +cpu")
            (parent / "cgroup.subtree_control").write_text("+memory +cpu")
        folder.mkdir(parents=True, exist_ok=True)
        if mode == "v2":
            if mem_limit:
                (folder / "memory.max").write_text(str(mem_limit))
                (folder / "memory.swap.max").write_text("0")
            if cpu_limit:
                (folder / "cpu.max").write_text(f"{int(cpu_limit * period)} {period}")
        elif folder.parts[len(CGROUP_ROOT.parts)] == "memory":
            if mem_limit:
                (folder / "memory.limit_in_bytes").write_text(str(mem_limit))
                memsw = folder / "memory.memsw.limit_in_bytes"
                if memsw.exists():  # no swap either: memory+swap held to the same number
                    memsw.write_text(str(mem_limit))
        else:
            (folder / "cpu.cfs_period_us").write_text(str(period))
            (folder / "cpu.cfs_quota_us").write_text(str(int(cpu_limit * period)) if cpu_limit else "-1")
        procs.append(str(folder / "cgroup.procs"))
    return procs


def remove_cgroups(name):
    for folder in learner_cgroups(name):
        try:
            folder.rmdir()
        except OSError:
            pass  # still has processes (a kernel that is going away): left for the next start


def oom_kills(name):
    """How many processes the kernel killed in a learner's cgroup for going past its memory limit."""
    for folder in learner_cgroups(name):
        for file in ("memory.events", "memory.oom_control"):
            if (folder / file).exists():
                for line in (folder / file).read_text().splitlines():
                    key, _, value = line.partition(" ")
                    if key == "oom_kill":
                        return int(value)
    return 0


def remove_learner(name, hub_dir):
    """End the learner's processes (by pid), delete their user and group and their cgroups."""
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        entry = None
    if entry is not None and Path(entry.pw_dir).parent != Path(hub_dir) / "home":
        return  # not one of ours: never touched
    for _ in range(3):
        pids = []
        if entry is not None:
            for proc in Path("/proc").iterdir():
                if proc.name.isdigit():
                    try:
                        if proc.stat().st_uid == entry.pw_uid:
                            pids.append(int(proc.name))
                    except FileNotFoundError:
                        pass
        if not pids:
            break
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.5)
    if entry is not None:
        subprocess.run(["userdel", name], capture_output=True)
        subprocess.run(["groupdel", name], capture_output=True)
    for folder in learner_cgroups(name):
        for _ in range(10):
            try:
                folder.rmdir()
                break
            except FileNotFoundError:
                break
            except OSError:
                time.sleep(0.5)
