# The course in two commands:
#   make lab    set up .venv (when missing or stale) and open JupyterLab on the course
#               (the learner's lab; `make lab-instructor` adds nbgrader's instructor interface)
#   make test   the same set-up, then every test: library, lessons and exercises (nbval)
# Presenting and publishing (README, "Present a lesson" and "The course website"):
#   make lab-slides   the instructor's lab with jupyterlab-slideshow (a lesson as a live deck)
#   make slides       static reveal.js slides of every lesson in build/slides/, opening without a network
#   make site         the course website (Jupyter Book 1, in its own .venv-site) in build/site/_build/html/
# Extra JupyterLab arguments: make lab LAB_ARGS="--no-browser --port 9000"
#
# The same tests elsewhere (CI runs all three; see "Supported versions" in the README):
#   make test-oldest     on Python 3.10 with the oldest supported versions (constraints/oldest.txt)
#   make test-newest     on the newest Python here with the newest packages
#   make test-rounding   every notebook again, with each layer's starting weights nudged by 1e-10

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SLIDES_STAMP := $(VENV)/.slides-installed
SITE_VENV := .venv-site
SITE_STAMP := $(SITE_VENV)/.installed
LAB_ARGS ?=
PYTEST_ARGS ?=
# Extra pip arguments and stamp prerequisites, set by test-oldest and test-newest for their own venvs.
PIP_ARGS ?=
STAMP_DEPS ?=
# Environment for the notebook kernels (test-rounding sets IPYTHONDIR to nudge the weights).
NOTEBOOK_ENV ?=
# The browser tests run in this many processes, each with its own JupyterLab and Chromium.
BROWSER_JOBS ?= 2
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

.PHONY: lab lab-instructor test lint test-unit test-notebooks test-browser test-oldest test-newest test-rounding nudged-ipython versions benchmark clean FORCE lab-slides slides site hub test-hub benchmark-hub

# Rebuilt when pyproject.toml changes, or when the venv's Python no longer runs (moved or upgraded).
$(STAMP): pyproject.toml $(STAMP_DEPS)
	@if [ -x $(BIN)/python ] && ! $(BIN)/python -c "import sys" >/dev/null 2>&1; then \
		echo "The virtual environment in $(VENV) is broken; recreating it"; rm -rf $(VENV); fi
	@$(PYTHON) -c "import sys; sys.exit(sys.version_info < (3, 10))" || \
		{ echo "annlib needs Python 3.10 or newer; $(PYTHON) is $$($(PYTHON) --version)"; exit 1; }
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(PIP_ARGS) --editable ".[test]"
	@touch $(STAMP)

# Opens lesson 00; as root (containers, some servers) JupyterLab needs --allow-root.
# `make lab` is the learner's lab: jupyter/learner (read before ~/.jupyter) switches off nbgrader's lab and
# server extensions, installed with the test tools; `make lab-instructor` keeps them (jupyter/README.md).
LAB_COMMAND = $(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" $(if $(filter 0,$(shell id -u)),--allow-root,) \
	notebooks/00_start_here.ipynb $(LAB_ARGS)
LEARNER_CONFIG = JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter/learner$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}"

lab: $(STAMP)
	$(LEARNER_CONFIG) $(LAB_COMMAND)

lab-instructor: $(STAMP)
	$(LAB_COMMAND)

test: lint test-unit test-notebooks

# ruff: lint and format (pyproject.toml says what; the checks change no file). `ruff format .` fixes.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test-unit: $(STAMP)
	bash scripts/install_bubblewrap.sh
	$(BIN)/python -m pytest -p no:cacheprovider --ignore=tests/browser tests $(PYTEST_ARGS)

test-notebooks: $(STAMP)
	$(NOTEBOOK_ENV) MPLBACKEND= $(BIN)/python -m pytest $(NBVAL) notebooks exercises/source $(PYTEST_ARGS)

# The unit tests and every notebook in a venv of their own, on Python 3.10 with the oldest supported
# versions, or on the newest Python found here (scripts/find_python.sh) with the newest packages from the
# index, upgraded at every run. With no such Python the job says SKIPPED; it never passes without running.
# Both run the notebooks with nudged starting weights (as test-rounding does), so a saved output that
# rounding can move fails them on any machine. On x86-64 each also rounds as another CPU would: OpenBLAS's
# AVX kernel (Sandybridge) or its generic one (Prescott) in place of the kernel it picks for this CPU.
ifeq ($(shell uname -m),x86_64)
OLDEST_BLAS := $(if $(shell grep -qw avx /proc/cpuinfo && echo avx),OPENBLAS_CORETYPE=Sandybridge)
NEWEST_BLAS := OPENBLAS_CORETYPE=Prescott
endif

test-oldest: nudged-ipython
	@python=$$(bash scripts/find_python.sh 3.10) || { \
		echo "test-oldest: SKIPPED: no Python 3.10 here (looked for python3.10 on PATH and in pyenv)"; exit 0; }; \
	$(OLDEST_BLAS) $(MAKE) --no-print-directory versions test-unit test-notebooks PYTHON=$$python VENV=.venv-oldest \
		PIP_ARGS="--constraint constraints/oldest.txt" STAMP_DEPS=constraints/oldest.txt NOTEBOOK_ENV="$(NUDGED)"

test-newest: nudged-ipython
	@python=$$(bash scripts/find_python.sh newest) || { \
		echo "test-newest: SKIPPED: no Python 3.10 or newer found"; exit 0; }; \
	version=$$($$python -c 'import sys; print("%d.%d" % sys.version_info[:2])'); \
	$(NEWEST_BLAS) $(MAKE) --no-print-directory versions test-unit test-notebooks PYTHON=$$python \
		VENV=.venv-newest-$$version \
		PIP_ARGS="--upgrade --upgrade-strategy eager" STAMP_DEPS=FORCE NOTEBOOK_ENV="$(NUDGED)"

# Saved outputs that rounding could move, and examples whose outcome the last bits decide, fail here.
# The kernels nbval starts read IPython's start-up files from IPYTHONDIR: this one holds the nudge.
NUDGED := IPYTHONDIR=$(CURDIR)/build/ipython-nudged
test-rounding: $(STAMP) nudged-ipython
	$(MAKE) --no-print-directory test-notebooks NOTEBOOK_ENV="$(NUDGED)"

nudged-ipython:
	@rm -rf build/ipython-nudged && mkdir -p build/ipython-nudged/profile_default/startup
	@cp tests/rounding/nudge_weights.py build/ipython-nudged/profile_default/startup/

# What a venv holds: the Python and the versions of the packages the suite depends on.
versions: $(STAMP)
	@$(BIN)/python scripts/versions.py

FORCE:

# JupyterLab in a real (headless) browser: every lesson and exercise, every widget; axe-core (fetched from
# npm and checked against its pinned hash here) on every lesson, exercise, site page and slide deck.
test-browser: $(STAMP) $(SLIDES_STAMP) slides site
	bash scripts/install_browser.sh
	$(BIN)/python scripts/web_assets.py axe-core
	$(BIN)/python -m pytest -p no:cacheprovider -n $(BROWSER_JOBS) --dist loadgroup tests/browser $(PYTEST_ARGS)

# Speed, measured (never in tests): training steps, SymPy gradients, grading against nbgrader.
benchmark: $(STAMP)
	$(BIN)/python benchmarks/bench_training.py
	$(BIN)/python benchmarks/bench_symbolic.py
	$(BIN)/python benchmarks/bench_grading.py

# The lessons' widgets in JupyterLab and headless Chromium (as test-browser runs them): latency against an
# ipywidgets.interact floor, Train's frames per second and training speed; see tests/browser/README.md.
.PHONY: benchmark-widgets
benchmark-widgets: $(STAMP)
	bash scripts/install_browser.sh
	$(BIN)/python benchmarks/bench_widgets.py

clean:
	rm -rf $(VENV) .venv-oldest .venv-newest-* $(SITE_VENV) build *.egg-info .pytest_cache

# A lesson as slides. jupyterlab-slideshow (the `slides` extra) presents it live inside JupyterLab, with
# working widgets; it is added to .venv here, not to the learner's install. `make slides` writes static
# reveal.js slides (nbconvert, from the saved outputs); their scripts come from the npm registry (npm).
$(SLIDES_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet $(PIP_ARGS) --editable ".[test,slides]"
	@touch $@

lab-slides: $(SLIDES_STAMP)
	$(LAB_COMMAND)

slides: $(STAMP)
	$(BIN)/python scripts/build_slides.py build/slides

# The website: Jupyter Book 1 and its Sphinx stack (the `site` extra) pin their own versions, so they live
# in a venv of their own, never in .venv. Nothing is executed: the pages show the saved outputs.
$(SITE_STAMP): pyproject.toml
	@[ -x $(SITE_VENV)/bin/python ] && $(SITE_VENV)/bin/python -c "import sys" >/dev/null 2>&1 || \
		{ rm -rf $(SITE_VENV); $(PYTHON) -m venv $(SITE_VENV); }
	$(SITE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(SITE_VENV)/bin/python -m pip install --quiet $$($(SITE_VENV)/bin/python scripts/build_site.py --requirements)
	@touch $@

site: $(SITE_STAMP)
	$(SITE_VENV)/bin/python scripts/build_site.py build/site

# Mutation testing of the numpy core, scratch, gradcheck and symbolic (never in `make test` or CI; tens of
# minutes). mutmut (the `mutation` extra, installed here when missing) plants one small bug at a time and
# runs the unit tests of those modules ([tool.mutmut] in pyproject.toml) against it, in a copy of the tree
# in build/mutation/, one worker, so a run can go on while the tree is edited. Results are kept there: a
# second run tests only what changed. One module: make mutation MUTANTS='annlib.gradcheck.*'
# Then: cd build/mutation && ../../.venv/bin/mutmut results (the survivors), ... mutmut show NAME (a diff).
MUTANTS ?=
.PHONY: mutation
mutation: $(STAMP)
	@$(BIN)/python -c "import mutmut" 2>/dev/null || $(BIN)/python -m pip install --quiet --editable ".[test,mutation]"
	@mkdir -p build/mutation/tests
	cp -p pyproject.toml build/mutation/
	cp -rp annlib build/mutation/
	cp -p tests/conftest.py tests/test_*.py build/mutation/tests/
	@# which tests reach which function is measured afresh every run: a kept map misses new functions
	rm -f build/mutation/mutants/mutmut-stats.json
	cd build/mutation && $(CURDIR)/$(BIN)/mutmut run --max-children 1 $(MUTANTS)
	cd build/mutation && $(CURDIR)/$(BIN)/mutmut results | grep -v ': not checked$$' || true

# A JupyterHub for a workshop room or a class on one Linux server, as root (docs/hub.md): each learner signs in
# with a password of their own, gets a system user, a copy of the course and a cgroup with memory and CPU
# limits. Its packages live in .venv-hub (hub/requirements.txt) and hub/node_modules (hub/package-lock.json).
#   make hub HUB_ARGS="--ip 0.0.0.0 --port 8000"    state in HUB_DIR (default /srv/annlib-hub)
HUB_ARGS ?=
HUB_DIR ?= /srv/annlib-hub
LOAD_ARGS ?=
hub:
	HUB_DIR="$(HUB_DIR)" bash hub/run.sh $(HUB_ARGS)

# Starts real hubs on free ports in temporary folders; creates and removes system users (root, Linux).
test-hub: $(STAMP)
	bash hub/run.sh --install-only
	ANNLIB_TEST_HUB=1 $(BIN)/python -m pytest -p no:cacheprovider tests/hub $(PYTEST_ARGS)

# N simulated learners against a hub of its own (hub/load.py; docs/hub.md has the figures).
benchmark-hub: $(STAMP)
	bash hub/run.sh --install-only
	$(BIN)/python hub/load.py $(LOAD_ARGS)
