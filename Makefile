# The course in two commands:
#   make lab    set up .venv (when missing or stale) and open JupyterLab on the course
#   make test   the same set-up, then every test: library, lessons and exercises (nbval)
# Extra JupyterLab arguments: make lab LAB_ARGS="--no-browser --port 9000"

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LAB_ARGS ?=
PYTEST_ARGS ?=
# The browser tests run in this many processes, each with its own JupyterLab and Chromium.
BROWSER_JOBS ?= 2
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

.PHONY: lab test test-unit test-notebooks test-browser benchmark clean

# Rebuilt when pyproject.toml changes, or when the venv's Python no longer runs (moved or upgraded).
$(STAMP): pyproject.toml
	@if [ -x $(BIN)/python ] && ! $(BIN)/python -c "import sys" >/dev/null 2>&1; then \
		echo "The virtual environment in $(VENV) is broken; recreating it"; rm -rf $(VENV); fi
	@$(PYTHON) -c "import sys; sys.exit(sys.version_info < (3, 10))" || \
		{ echo "annlib needs Python 3.10 or newer; $(PYTHON) is $$($(PYTHON) --version)"; exit 1; }
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable ".[test]"
	@touch $(STAMP)

# Opens lesson 00; as root (containers, some servers) JupyterLab needs --allow-root.
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" $(if $(filter 0,$(shell id -u)),--allow-root,) \
		notebooks/00_start_here.ipynb $(LAB_ARGS)

test: test-unit test-notebooks

test-unit: $(STAMP)
	bash scripts/install_bubblewrap.sh
	$(BIN)/python -m pytest -p no:cacheprovider --ignore=tests/browser tests $(PYTEST_ARGS)

test-notebooks: $(STAMP)
	MPLBACKEND= $(BIN)/python -m pytest $(NBVAL) notebooks exercises/source $(PYTEST_ARGS)

# JupyterLab in a real (headless) browser: every lesson and exercise, every widget.
test-browser: $(STAMP)
	bash scripts/install_browser.sh
	$(BIN)/python -m pytest -p no:cacheprovider -n $(BROWSER_JOBS) --dist loadgroup tests/browser $(PYTEST_ARGS)

# Speed, measured (never in tests): training steps, SymPy gradients, grading against nbgrader.
benchmark: $(STAMP)
	$(BIN)/python benchmarks/bench_training.py
	$(BIN)/python benchmarks/bench_symbolic.py
	$(BIN)/python benchmarks/bench_grading.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
