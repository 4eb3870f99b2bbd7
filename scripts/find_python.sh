#!/usr/bin/env bash
# Print the path of a Python interpreter, or nothing (exit 1) when there is none.
#   find_python.sh 3.10     a Python 3.10
#   find_python.sh newest   the newest Python 3 from 3.10 on
# Looks on PATH (python3.X), then in pyenv's versions (pyenv root, or ~/.pyenv).
set -uo pipefail

find_version() {
    local version=$1 candidate root
    if candidate=$(command -v "python$version" 2>/dev/null) && "$candidate" -c "import venv" 2>/dev/null; then
        echo "$candidate"; return 0
    fi
    root=$( (command -v pyenv >/dev/null && pyenv root) 2>/dev/null || echo "$HOME/.pyenv")
    for candidate in $(ls -d "$root"/versions/"$version".*/bin/python"$version" 2>/dev/null | sort -V -r); do
        if "$candidate" -c "import venv" 2>/dev/null; then
            echo "$candidate"; return 0
        fi
    done
    return 1
}

case "${1:-}" in
    newest)
        for minor in $(seq 30 -1 10); do
            find_version "3.$minor" && exit 0
        done
        exit 1 ;;
    3.*)
        find_version "$1" ;;
    *)
        echo "usage: find_python.sh 3.X | newest" >&2; exit 2 ;;
esac
