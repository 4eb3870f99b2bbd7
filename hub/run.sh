#!/usr/bin/env bash
# make hub: install what the hub needs (idempotently), lay out its folder, start JupyterHub.
#   HUB_DIR      the hub's state: database, passwords, roster, join code, learners' homes (/srv/annlib-hub)
#   HUB_PYTHON   a Python every learner may run, for .venv-hub (/usr/bin/python3)
#   arguments    passed to jupyterhub (--ip, --port, ...); `--install-only` installs and stops there
set -euo pipefail
course=$(cd "$(dirname "$0")/.." && pwd)
hub_dir=${HUB_DIR:-/srv/annlib-hub}
hub_python=${HUB_PYTHON:-/usr/bin/python3}
venv=$course/.venv-hub

[ "$(uname -s)" = Linux ] || { echo "make hub: the hub runs on Linux (system users, cgroups)"; exit 1; }
[ "$(id -u)" = 0 ] || { echo "make hub: run as root (it creates a system user for each learner)"; exit 1; }
# What a fresh Debian server may lack: npm, and the venv module of its Python (python3-venv).
missing=()
command -v npm >/dev/null || missing+=(npm)
[ -x "$hub_python" ] || missing+=(python3)
{ [ -x "$hub_python" ] && "$hub_python" -c "import ensurepip, venv" 2>/dev/null; } || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
    command -v apt-get >/dev/null || { echo "make hub: please install ${missing[*]}"; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# The hub's venv, rebuilt when hub/requirements.txt changes or its Python no longer runs.
want=$(sha256sum "$course/hub/requirements.txt" | cut -d' ' -f1)
if ! { [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import sys" 2>/dev/null \
        && [ "$(cat "$venv/.installed" 2>/dev/null)" = "$want" ]; }; then
    echo "make hub: installing the hub's packages into $venv"
    rm -rf "$venv"
    "$hub_python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    "$venv/bin/python" -m pip install --quiet --no-deps -r "$course/hub/requirements.txt"
    "$venv/bin/python" -m pip check
    # learners' kernels import the course's library from the repository, as `make lab` does
    echo "$course" > "$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')/annlib-course.pth"
    echo "$want" > "$venv/.installed"
fi
# configurable-http-proxy, pinned by hub/package-lock.json
if ! [ -x "$course/hub/node_modules/.bin/configurable-http-proxy" ] \
        || [ "$course/hub/package-lock.json" -nt "$course/hub/node_modules/.package-lock.json" ]; then
    (cd "$course/hub" && npm ci --no-audit --no-fund --loglevel=error)
fi
# A learner's server runs as that learner: they must be able to run the venv's Python.
su nobody -s /bin/sh -c "'$venv/bin/python' -c 'import jupyterhub, annlib'" \
    || { echo "make hub: a learner could not run $venv/bin/python (is $hub_python readable by all?)"; exit 1; }
# The exercises' solutions are the instructor's: learners' accounts cannot read them.
chmod o-rwx "$course/exercises/source"

[ "${1:-}" = --install-only ] && exit 0

mkdir -p "$hub_dir/home"
chmod 711 "$hub_dir" "$hub_dir/home"
su nobody -s /bin/sh -c "cd '$hub_dir/home'" 2>/dev/null \
    || { echo "make hub: learners cannot reach $hub_dir/home (a folder above it is closed): choose another HUB_DIR"; exit 1; }
if ! [ -e "$hub_dir/roster.txt" ]; then
    printf '# one learner a line; `NAME instructor` makes an admin\ninstructor instructor\n' > "$hub_dir/roster.txt"
fi
if ! [ -e "$hub_dir/join_code.txt" ]; then
    "$venv/bin/python" -c "import secrets; print(secrets.token_hex(3))" > "$hub_dir/join_code.txt"
fi
chmod 600 "$hub_dir/join_code.txt"
echo "make hub: state in $hub_dir; roster $hub_dir/roster.txt; join code: $(cat "$hub_dir/join_code.txt")"
cd "$hub_dir"
export ANNLIB_COURSE="$course" ANNLIB_HUB_DIR="$hub_dir"
exec "$venv/bin/jupyterhub" -f "$course/hub/jupyterhub_config.py" "$@"
