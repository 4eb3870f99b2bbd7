"""The learner's JupyterLab (`make lab`) shows nothing of nbgrader; the instructor's (`make lab-instructor`) does.

Both servers run from this environment, where nbgrader is installed with the test tools; the learner's
has the configuration folder `make lab` puts first on JUPYTER_CONFIG_PATH (jupyter/learner). In the
page, JupyterLab's own plugin registry says which of nbgrader's plugins exist, and the menu bar shows
whether there is an Nbgrader menu. (tests/test_learner_lab.py starts the labs through make itself.)
In the learner's lab, a notebook cell beside the student exercises shows `progress()` as a table.
"""

import json
import shutil
import sys
from pathlib import Path

import pytest
from labserver import LabServer

ROOT = Path(__file__).resolve().parent.parent.parent
NBGRADER_PLUGINS = [
    "@jupyter/nbgrader:menu",
    "@jupyter/nbgrader:validate-assignment",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:assignment-list",
    "@jupyter/nbgrader:course-list",
]

pytestmark = [
    pytest.mark.xdist_group("lab-roles"),
    pytest.mark.skipif(
        not (Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "@jupyter" / "nbgrader").is_dir(),
        reason="nbgrader (a test tool) is not installed here",
    ),
]


class LearnerLab(LabServer):
    """The lab as `make lab` configures it."""

    def environment(self):
        return dict(super().environment(), JUPYTER_CONFIG_PATH=str(ROOT / "jupyter" / "learner"))


def what_the_page_shows(browser, lab):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(lab.lab_url(), wait_until="domcontentloaded")
        page.wait_for_function("() => window.jupyterapp !== undefined", timeout=90_000)
        return page.evaluate(
            """async (ids) => {
                const app = window.jupyterapp;
                await app.restored;
                const menus = [...document.querySelectorAll('#jp-menu-panel .lm-MenuBar-itemLabel')]
                    .map(item => item.textContent.trim());
                return {plugins: ids.filter(id => app.hasPlugin(id)), menus,
                        widgets: app.hasPlugin('@jupyter-widgets/jupyterlab-manager:plugin')};
            }""",
            NBGRADER_PLUGINS,
        )
    finally:
        context.close()


PROGRESS_CELL = "from annlib.progress import progress\nprogress()"


@pytest.fixture(scope="module")
def labs(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab-roles-root")
    shutil.copytree(ROOT / "exercises" / "student", root / "student")
    notebook = {
        "cells": [
            {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": PROGRESS_CELL}
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (root / "student" / "where_am_i.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    started = {
        "learner": LearnerLab(root, tmp_path_factory.mktemp("learner")).launch(),
        "instructor": LabServer(root, tmp_path_factory.mktemp("instructor")).launch(),
    }
    try:
        yield {name: lab.wait_ready() for name, lab in started.items()}
    finally:
        for lab in started.values():
            lab.stop()


def test_the_learners_lab_has_no_nbgrader_plugin_or_menu(browser, labs):
    shown = what_the_page_shows(browser, labs["learner"])
    assert shown["plugins"] == []
    assert "File" in shown["menus"] and "Nbgrader" not in shown["menus"], shown["menus"]
    assert shown["widgets"]  # the course's own front ends are all there


def test_the_instructors_lab_has_them_all(browser, labs):
    shown = what_the_page_shows(browser, labs["instructor"])
    assert shown["plugins"] == NBGRADER_PLUGINS
    assert "Nbgrader" in shown["menus"], shown["menus"]


def test_progress_in_a_notebook_cell_is_a_table(browser, labs):
    lab = labs["learner"]
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{lab.base_url}/lab/tree/student/where_am_i.ipynb?reset&token={lab.token}")
        page.wait_for_function("() => window.jupyterapp !== undefined", timeout=90_000)
        page.evaluate("async () => { await window.jupyterapp.restored; }")
        page.wait_for_function(
            "() => document.querySelector('.jp-Notebook .jp-Cell') && "
            "[...document.querySelectorAll('.jp-StatusBar-TextItem')].some(e => /Idle/.test(e.textContent))",
            timeout=90_000,
        )
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_selector("table.annlib-progress", timeout=120_000)
        shown = page.evaluate(
            """() => {
                const table = document.querySelector('table.annlib-progress');
                const cells = [...table.querySelectorAll('tbody tr')].map(r => r.lastElementChild.textContent);
                return {rows: cells.length, unwritten: cells.filter(t => t.trim() === 'not written yet').length,
                        total: table.nextElementSibling.textContent,
                        errors: document.querySelectorAll('.jp-OutputArea-output[data-mime-type*="error"]').length};
            }"""
        )
    finally:
        context.close()
    assert shown["errors"] == 0
    assert shown["unwritten"] > 0 and shown["total"].startswith("Total: 0 of ")
