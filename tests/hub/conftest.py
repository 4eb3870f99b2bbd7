"""A real hub for the tests in this folder: `make hub` on free ports, in a temporary folder, with learners
whose system users, processes and cgroups are all removed afterwards, even when a test fails.

These tests create system users and cgroups, so they run only under `make test-hub` (as root, on Linux),
which sets ANNLIB_TEST_HUB=1; anywhere else (the unit tests' run) they are skipped."""

import os
import secrets
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

COURSE = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(COURSE / "hub"))

from hubclient import Hub, Learner  # noqa: E402
from learners import remove_learner  # noqa: E402

PASSWORD = "a-long-password"


def pytest_collection_modifyitems(config, items):
    if os.environ.get("ANNLIB_TEST_HUB") == "1":
        return
    skip = pytest.mark.skip(reason="the hub's tests create system users: run them with `make test-hub`")
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(skip)


class Room:
    """The hub, its join code and the names of its learners (a random prefix: no clash with real users)."""

    def __init__(self):
        prefix = "t" + secrets.token_hex(3)
        self.instructor, self.a, self.b = prefix + "i", prefix + "a", prefix + "b"
        self.stranger = prefix + "s"
        self.names = [self.instructor, self.a, self.b, self.stranger]
        self.join_code = secrets.token_hex(3)
        self.password = PASSWORD
        self.dir = Path(tempfile.mkdtemp(prefix="annlib-hub-test-", dir="/tmp"))
        self.hub = None

    def start(self):
        roster = [f"{self.instructor} instructor", self.a, self.b]
        env = {"ANNLIB_MEM_LIMIT": "512M", "ANNLIB_CPU_LIMIT": "1"}
        self.hub = Hub(self.dir, roster, join_code=self.join_code, env=env)

    def learner(self, name, password=None):
        return Learner(self.hub.url, name, self.password if password is None else password, self.join_code)

    def cleanup(self):
        if self.hub is not None:
            self.hub.stop()
        for name in self.names:
            remove_learner(name, self.dir)
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def room():
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.fail("the hub's tests need Linux and root (they create system users)")
    if not (COURSE / ".venv-hub" / "bin" / "jupyterhub").exists():
        pytest.fail("no .venv-hub: run `make test-hub` (it installs the hub first)")
    room = Room()
    try:
        room.start()
        yield room
    finally:
        room.cleanup()
