# The course's JupyterHub (make hub). Read with the hub's folder as the working directory; the settings
# below come from the environment that hub/run.sh sets (ANNLIB_*), and JupyterHub's own options
# (--ip, --port, ...) from HUB_ARGS on the command line override them.
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from annlib_hub import CourseSpawner, RosterAuthenticator, read_roster  # noqa: E402

c = get_config()  # noqa: F821 (JupyterHub's config loader defines it)

course = Path(os.environ["ANNLIB_COURSE"])
hub_dir = Path(os.environ["ANNLIB_HUB_DIR"])
venv_bin = Path(sys.executable).parent

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = 8000
c.JupyterHub.db_url = f"sqlite:///{hub_dir / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(hub_dir / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(hub_dir / "jupyterhub.pid")
c.JupyterHub.template_paths = [str(Path(__file__).resolve().parent / "templates")]
c.ConfigurableHTTPProxy.command = [str(course / "hub" / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(hub_dir / "proxy.pid")

# Sign-in: the roster and the join code (hub_dir/roster.txt, hub_dir/join_code.txt, made by hub/run.sh).
roster_file = os.environ.get("ANNLIB_ROSTER", str(hub_dir / "roster.txt"))
c.JupyterHub.authenticator_class = RosterAuthenticator
c.RosterAuthenticator.roster_file = roster_file
c.RosterAuthenticator.password_file = str(hub_dir / "passwords.json")
join_code_file = hub_dir / "join_code.txt"
if join_code_file.exists():
    c.RosterAuthenticator.join_code = join_code_file.read_text().strip()
c.Authenticator.admin_users = {name for name, instructor in read_roster(roster_file).items() if instructor}

# Each learner a system user, their own copy of the course, their own cgroup.
c.JupyterHub.spawner_class = CourseSpawner
c.CourseSpawner.course_root = str(course)
c.CourseSpawner.learner_config = str(course / "jupyter" / "learner")
c.Spawner.cmd = [str(venv_bin / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab/tree/annlib/notebooks/00_start_here.ipynb"
c.Spawner.mem_limit = os.environ.get("ANNLIB_MEM_LIMIT", "1G")
c.Spawner.cpu_limit = float(os.environ.get("ANNLIB_CPU_LIMIT", "1"))
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
# The kernels find the course's library through a .pth file in .venv-hub that points at the repository.

# Idle servers culled: no activity for ANNLIB_CULL_TIMEOUT seconds (default an hour).
cull_timeout = os.environ.get("ANNLIB_CULL_TIMEOUT", "3600")
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={cull_timeout}",
                    f"--cull-every={min(int(cull_timeout), 300)}"],
    }
]  # fmt: skip
