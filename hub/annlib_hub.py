"""The course's JupyterHub pieces: sign-in for a room, and a spawner with a course copy and real limits.

RosterAuthenticator: learners from a roster file (one name a line, `instructor` after a name makes it an
admin) or, with a join code, anyone who has the code and picks a free name. Each chooses a password at
first sign-in (at least 8 characters; with a join code configured, the code is needed too); the password is
stored as a salted scrypt hash in the hub's folder, so nobody is let in without one.

CourseSpawner: LocalProcessSpawner (systemd is not process 1 on these machines, so SystemdSpawner cannot
run) with, for each learner, a system user of their own (home 0700 under the hub's folder), a copy of the
course made at first sign-in and never overwritten, and memory and CPU limits enforced by a cgroup of
their own (cgroup v2 where its memory controller is on, else cgroup v1's memory and cpu hierarchies).
"""

import hashlib
import hmac
import json
import os
import pwd
import re
import secrets
import shutil
import subprocess
from pathlib import Path

from jupyterhub.auth import Authenticator
from jupyterhub.spawner import LocalProcessSpawner
from learners import _hub_dir, _is_ours, cgroup_mode, make_cgroups, remove_cgroups
from tornado import web
from traitlets import Bool, Integer, Unicode

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_-]{1,30}$")
MIN_PASSWORD = 8


def read_roster(path):
    """The roster file as {name: is_instructor}; blank lines and `#` comments are skipped."""
    roster = {}
    if not path or not os.path.exists(path):
        return roster
    for number, line in enumerate(Path(path).read_text().splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        name = words[0].lower()
        if not NAME_PATTERN.match(name):
            raise ValueError(f"{path}:{number}: {name!r} is not a valid name (a-z, 0-9, _ or -, 2-31 long)")
        roster[name] = len(words) > 1 and words[1].lower() == "instructor"
    return roster


def hash_password(password, salt=None):
    """A salted scrypt hash, as 'salt$hash' in hex."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return salt.hex() + "$" + digest.hex()


def check_password(password, stored):
    salt, _ = stored.split("$", 1)
    return hmac.compare_digest(hash_password(password, bytes.fromhex(salt)), stored)


class RosterAuthenticator(Authenticator):
    roster_file = Unicode("", config=True, help="One learner a line; `name instructor` for an admin.")
    join_code = Unicode("", config=True, help="Needed at first sign-in; with it, names off the roster may join.")
    password_file = Unicode("passwords.json", config=True, help="Where the password hashes are kept.")

    def _passwords(self):
        try:
            return json.loads(Path(self.password_file).read_text())
        except FileNotFoundError:
            return {}

    def _save_passwords(self, passwords):
        tmp = Path(self.password_file + ".tmp")
        tmp.write_text(json.dumps(passwords, indent=1))
        os.chmod(tmp, 0o600)
        tmp.replace(self.password_file)

    def _may_join(self, name):
        return name in read_roster(self.roster_file) or bool(self.join_code)

    async def check_allowed(self, username, authentication=None):
        return username in self._passwords() or username in read_roster(self.roster_file)

    async def authenticate(self, handler, data):
        name = (data.get("username") or "").strip().lower()
        password = data.get("password") or ""
        if not NAME_PATTERN.match(name) or not password:
            return None
        passwords = self._passwords()
        if name in passwords:
            return name if check_password(password, passwords[name]) else None
        # first sign-in: this name has no password yet
        if not self._may_join(name):
            self.log.warning("sign-in refused: %s is not on the roster", name)
            return None
        if self.join_code and not hmac.compare_digest((data.get("join_code") or "").strip(), self.join_code):
            self.log.warning("first sign-in of %s refused: wrong join code", name)
            return None
        if len(password) < MIN_PASSWORD:
            self.log.warning("first sign-in of %s refused: password shorter than %d", name, MIN_PASSWORD)
            return None
        try:
            existing = pwd.getpwnam(name)
        except KeyError:
            existing = None
        if existing is not None and not _is_ours(existing):
            self.log.warning("sign-in refused: %s is a system account the hub did not create", name)
            return None
        passwords[name] = hash_password(password)
        self._save_passwords(passwords)
        self.log.info("first sign-in of %s: password set", name)
        return name


# ---- the spawner -----------------------------------------------------------------------------------------


class CourseSpawner(LocalProcessSpawner):
    course_root = Unicode("", config=True, help="The course repository (notebooks/, exercises/student/).")
    learner_config = Unicode("", config=True, help="JUPYTER_CONFIG_PATH for learners (the learner's lab).")
    require_limits = Bool(True, config=True, help="Refuse to start a server when no cgroup can hold it.")
    uid_min = Integer(20000, config=True, help="Learners' user ids start here.")

    def home_for(self, name):
        return _hub_dir() / "home" / name

    def ensure_system_user(self):
        name = self.user.name
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            home = self.home_for(name)
            home.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(home.parent, 0o711)  # learners can reach their own home, not list the others
            subprocess.run(
                ["useradd", "--create-home", "--home-dir", str(home), "--shell", "/bin/bash",
                 "--user-group", "--key", f"UID_MIN={self.uid_min}", "--comment", "annlib hub learner", name],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            entry = pwd.getpwnam(name)
        if not _is_ours(entry):
            raise web.HTTPError(403, f"{name} is a system account the hub did not create")
        os.chmod(entry.pw_dir, 0o700)
        return entry

    def copy_course(self, entry):
        """The learner's own copy of the lessons and student exercises, made once, never overwritten."""
        target = Path(entry.pw_dir) / "annlib"
        if target.exists() or not self.course_root:
            return
        root = Path(self.course_root)
        staging = Path(entry.pw_dir) / ".annlib-copying"
        shutil.rmtree(staging, ignore_errors=True)
        ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
        shutil.copytree(root / "notebooks", staging / "notebooks", ignore=ignore)
        shutil.copytree(root / "exercises" / "student", staging / "exercises", ignore=ignore)
        for folder, _, files in os.walk(staging):
            os.chown(folder, entry.pw_uid, entry.pw_gid)
            for file in files:
                os.chown(os.path.join(folder, file), entry.pw_uid, entry.pw_gid)
        staging.rename(target)
        self.log.info("course copied for %s into %s", self.user.name, target)

    def make_preexec_fn(self, name):
        set_user = super().make_preexec_fn(name)
        procs = self._cgroup_procs

        def preexec():
            for path in procs:  # join the learner's cgroups while still root, then become the learner
                with open(path, "w") as f:
                    f.write(str(os.getpid()))
            set_user()

        return preexec

    def get_env(self):
        env = super().get_env()
        if not self.user.admin and self.learner_config:
            env["JUPYTER_CONFIG_PATH"] = self.learner_config
        return env

    async def start(self):
        entry = self.ensure_system_user()
        self.copy_course(entry)
        mode = cgroup_mode()
        if mode is None:
            message = "no cgroup v1 or v2 memory controller: the memory and CPU limits cannot be enforced"
            if self.require_limits:
                raise web.HTTPError(500, message)
            self.log.warning(message)
            self._cgroup_procs = []
        else:
            self._cgroup_procs = make_cgroups(self.user.name, self.mem_limit, self.cpu_limit)
            self.log.info("%s: cgroup %s, memory %s, cpu %s", self.user.name, mode, self.mem_limit, self.cpu_limit)
        return await super().start()

    async def stop(self, now=False):
        await super().stop(now=now)
        remove_cgroups(self.user.name)
