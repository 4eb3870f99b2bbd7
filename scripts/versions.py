"""Print the Python, the versions of the packages annlib's suite depends on, and the BLAS numpy uses.

Run by `make versions` (and at the start of `make test-oldest` and `make test-newest`), so that a test log
says what it tested. When a notebook check differs on your machine, these lines are what to report.
"""

import os
import platform
import sys
from importlib import metadata

PACKAGES = [
    "numpy",
    "sympy",
    "matplotlib",
    "ipywidgets",
    "jupyterlab",
    "ipython",
    "ipykernel",
    "jupyter_client",
    "nbformat",
    "nbclient",
    "nbval",
    "nbgrader",
    "pytest",
    "hypothesis",
]


def blas():
    """The BLAS library numpy was built with (numpy 1.26 and newer say; older ones print it instead)."""
    import numpy

    try:
        config = numpy.show_config(mode="dicts")
    except TypeError:
        return "see numpy.show_config()"
    library = config.get("Build Dependencies", {}).get("blas", {})
    kernel = os.environ.get("OPENBLAS_CORETYPE")
    chosen = f", OPENBLAS_CORETYPE={kernel}" if kernel else ""
    return f"{library.get('name', '?')} {library.get('version', '')}{chosen}"


def main():
    print(f"Python {platform.python_version()} ({sys.executable})")
    for name in PACKAGES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "not installed"
        print(f"  {name:<15} {version}")
    print(f"  BLAS            {blas()}")


if __name__ == "__main__":
    main()
