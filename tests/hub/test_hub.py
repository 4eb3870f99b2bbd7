"""The course's JupyterHub, for real: sign-in, a learner's own server and course copy, isolation, limits.

Run with `make test-hub` (root, Linux); conftest.py starts the hub and removes every user it made."""

import asyncio
import os
import time
from pathlib import Path

import requests
from hubclient import Learner
from learners import learner_cgroups, oom_kills

COURSE = Path(__file__).resolve().parents[2]


def run(coroutine):
    return asyncio.run(coroutine)


def test_the_hub_answers_on_its_api_and_sign_in_page(room):
    assert requests.get(room.hub.url + "/hub/api/", timeout=10).json()["version"]
    page = requests.get(room.hub.url + "/hub/login", timeout=10)
    assert page.status_code == 200
    assert 'name="join_code"' in page.text  # the first-sign-in field of hub/templates/login.html


def test_nobody_gets_in_without_a_password(room):
    assert not room.learner(room.a, password="").signed_in
    assert not room.learner(room.a, password="short").signed_in  # a first password needs 8 characters
    assert not Learner(room.hub.url, room.a, room.password, join_code="not-the-code").signed_in
    assert not Learner(room.hub.url, room.a, room.password, join_code="").signed_in
    assert room.learner(room.a).signed_in  # first sign-in: the password becomes A's
    assert not room.learner(room.a, password="another-password").signed_in
    assert room.learner(room.a).signed_in
    assert not room.learner("root", password="whatever-it-is").signed_in  # a system account, never a learner


def test_a_learner_runs_a_cell_in_their_own_copy_of_the_course(room):
    learner = room.learner(room.a)
    assert learner.signed_in
    learner.start_server()
    kernel = learner.new_kernel()
    code = (
        "import getpass, os\n"
        "import numpy as np\n"
        "from annlib.activations import sigmoid\n"
        "print(getpass.getuser(), os.getcwd())\n"
        "print(sorted(os.listdir('annlib/notebooks'))[1], sorted(os.listdir('annlib/exercises'))[0])\n"
        "print(round(float(sigmoid(np.array([0.0]))[0]), 3))\n"
    )
    result = run(kernel.execute(code))
    kernel.close()
    assert result["status"] == "ok", result
    lines = result["stdout"].split("\n")
    assert lines[0] == f"{room.a} {room.dir / 'home' / room.a}"
    assert lines[1] == "01_the_neuron.ipynb ex01_neuron.ipynb"
    assert lines[2] == "0.5"
    # the student version of the exercises, not the instructor's source
    assert "BEGIN SOLUTION" not in (room.dir / "home" / room.a / "annlib/exercises/ex01_neuron.ipynb").read_text()


def test_the_copy_is_never_overwritten(room):
    learner = room.learner(room.a)
    kernel = learner.new_kernel()
    edit = "open('annlib/notebooks/01_the_neuron.ipynb', 'a').write(' ')\nprint('edited')"
    assert run(kernel.execute(edit))["stdout"] == "edited\n"
    kernel.close()
    edited = (room.dir / "home" / room.a / "annlib/notebooks/01_the_neuron.ipynb").read_bytes()
    learner.stop_server()
    time.sleep(2)
    learner.start_server()
    assert (room.dir / "home" / room.a / "annlib/notebooks/01_the_neuron.ipynb").read_bytes() == edited


def test_learners_cannot_read_each_other_or_the_solutions(room):
    a_home = room.dir / "home" / room.a
    learner = room.learner(room.b)
    assert learner.signed_in
    learner.start_server()
    kernel = learner.new_kernel()
    probes = {
        "A's notebook": f"open('{a_home}/annlib/notebooks/01_the_neuron.ipynb').read()",
        "A's home": f"os.listdir('{a_home}')",
        "writing in A's home": f"open('{a_home}/from_b.txt', 'w').write('x')",
        "the exercises' sources": f"os.listdir('{COURSE}/exercises/source')",
        "the hub's passwords": f"open('{room.dir}/passwords.json').read()",
    }
    for what, probe in probes.items():
        code = f"import os\ntry:\n    {probe}\n    print('read')\nexcept PermissionError:\n    print('refused')"
        result = run(kernel.execute(code))
        assert result["stdout"] == "refused\n", f"B could reach {what}: {result}"
    kernel.close()
    assert not (a_home / "from_b.txt").exists()


def test_the_learners_lab_and_the_instructors(room):
    learner = room.learner(room.a)
    learner.start_server()
    instructor = room.learner(room.instructor)
    assert instructor.signed_in
    instructor.start_server()
    headers = {"Authorization": f"token {learner.token}"}
    # nbgrader's formgrader is switched off in the learner's lab (jupyter/learner), on in the instructor's
    assert requests.get(f"{room.hub.url}/user/{room.a}/formgrader", headers=headers, timeout=30).status_code == 404
    headers = {"Authorization": f"token {instructor.token}"}
    reply = requests.get(f"{room.hub.url}/user/{room.instructor}/formgrader", headers=headers, timeout=60)
    assert reply.status_code != 404
    # the instructor is an admin, the learner is not
    assert instructor.api("GET", "/hub/api/users").status_code == 200
    assert learner.api("GET", "/hub/api/users").status_code == 403
    # the idle culler runs as a service of the hub
    services = instructor.api("GET", "/hub/api/services").json()
    assert "idle-culler" in services
    instructor.stop_server()


def test_a_runaway_cell_is_stopped_by_the_memory_limit_and_spares_the_others(room):
    a, b = room.learner(room.a), room.learner(room.b)
    a.start_server()
    b.start_server()
    runaway, neighbour = a.new_kernel(), b.new_kernel()
    # 6 GB at most: past the hub's 512M limit for the tests, so the cgroup must stop it first
    allocate = "blocks = []\nfor _ in range(120):\n    blocks.append(bytearray(50_000_000))\nprint('not limited')"
    work = "import numpy as np\nx = np.ones((300, 300))\nprint(float((x @ x).sum()))"

    async def both():
        await neighbour.execute("print('warm')")
        return await asyncio.gather(runaway.execute(allocate, timeout=90), neighbour.execute(work))

    stopped, spared = run(both())
    assert stopped["status"] == "dead", f"the runaway cell was not stopped: {stopped}"
    assert "not limited" not in stopped["stdout"]
    assert spared["status"] == "ok" and spared["stdout"] == "27000000.0\n", spared
    # the limit that stopped it is A's own cgroup's, and B's server still answers
    assert oom_kills(room.a) >= 1 and oom_kills(room.b) == 0
    assert b.server("GET", "/kernels").status_code == 200
    assert run(neighbour.execute("print(1 + 1)"))["stdout"] == "2\n"
    runaway.close()
    neighbour.close()


def test_every_learner_process_is_in_its_own_cgroup(room):
    for name in (room.a, room.b):
        for folder in learner_cgroups(name):
            pids = (folder / "cgroup.procs").read_text().split()
            assert pids, f"{name}'s cgroup {folder} holds no process"
            for pid in pids:
                assert os.stat(f"/proc/{pid}").st_uid != 0, f"a root process in {name}'s cgroup"
