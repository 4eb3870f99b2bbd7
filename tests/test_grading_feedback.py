"""annlib feedback: a page per learner and exercise from a real graded class, and the class summary."""

import base64
import csv
import html
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from annlib.cli import main
from annlib.grading.feedback import split
from annlib.grading.report import learner_page, safe_name, write_feedback

FIXTURES = Path(__file__).parent / "fixtures" / "grading"
SIGMOID = "def sigmoid(z):\n    return 1.0 / (1.0 + np.exp(-z))"
MIRRORED = "def sigmoid(z):\n    return 1.0 / (1.0 + np.exp(z))"
SQUARE_SUM = "def square_sum(x):\n    return float(np.sum(np.asarray(x, dtype=float) ** 2))"
# Text a learner controls, in their code and in the message and hint of an error they raise.
ADDED = 'note = "</code></pre><script>window.pwned = 1</script>"'
RAISING = (
    "def square_sum(x):\n"
    "    raise AssertionError('<script>window.pwned = 2</script> wrong\\n  hint: =1+1 <img src=x onerror=alert(3)>')"
)
HIDDEN = "abs(float(sigmoid(np.array([0.0]))[0]) - 0.5)"  # only in the source's graded cell, hidden tests
SOURCE_SOLUTION = "np.asarray(x, dtype=float) ** 2"


def answered(nb, **sources):
    nb = json.loads(json.dumps(nb))
    for c in nb["cells"]:
        gid = c["metadata"].get("nbgrader", {}).get("grade_id")
        if gid in sources:
            c["source"] = sources[gid]
    return nb


def added_cell(nb, source):
    nb = json.loads(json.dumps(nb))
    nb["cells"].append({"cell_type": "code", "id": "mine", "metadata": {}, "source": source, "outputs": [],
                        "execution_count": None})  # fmt: skip
    return nb


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Four students graded for real on two exercises, plus a notebook the roster marks as missing."""
    from annlib.grading.grade import grade_all
    from annlib.grading.gradebook import write_json
    from annlib.grading.release import release

    root = tmp_path_factory.mktemp("class")
    source = root / "source"
    shutil.copytree(FIXTURES / "source", source)
    shutil.copy(FIXTURES / "with_annlib_checks" / "ex_neuron.ipynb", source)
    release(source, root / "release")
    fixture = json.loads((root / "release" / "ex_fixture.ipynb").read_text())
    neuron = json.loads((root / "release" / "ex_neuron.ipynb").read_text())
    class_ = {
        "ada": {
            "ex_fixture": answered(fixture, sigmoid=SIGMOID, square_sum=SQUARE_SUM),
            "ex_neuron": answered(neuron, sigmoid=SIGMOID),
        },
        "bo": {"ex_fixture": added_cell(fixture, ADDED), "ex_neuron": answered(neuron, sigmoid=MIRRORED)},
        "cy": {
            "ex_fixture": answered(fixture, sigmoid=SIGMOID, square_sum=RAISING),
            "ex_neuron": answered(neuron, sigmoid=MIRRORED),
        },
        "dee": {"ex_fixture": "this is not a notebook"},
    }
    paths = []
    for student, notebooks in class_.items():
        (root / "submitted" / student).mkdir(parents=True)
        for name, nb in notebooks.items():
            path = root / "submitted" / student / f"{name}.ipynb"
            path.write_text(nb if isinstance(nb, str) else json.dumps(nb))
            paths.append(path)
    records = grade_all(paths, source, timeout=20, jobs=2)
    records.append(
        {"submission": None, "student": "eve", "notebook": "ex_neuron.ipynb", "score": 0.0, "max_score": 2.0,
         "cells": [], "error": None, "missing": True}
    )  # fmt: skip
    write_json(records, root / "grades.json")
    return root, records


@pytest.fixture(scope="module")
def out(graded, tmp_path_factory):
    root, _ = graded
    folder = tmp_path_factory.mktemp("feedback")
    status = main(["feedback", str(root / "grades.json"), str(root / "submitted"), "--out", str(folder),
                   "--source", str(root / "source")])  # fmt: skip
    assert status == 0
    return folder


def pages(out):
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.html")}


def test_a_page_per_student_and_exercise_and_the_class_summary(out):
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "ada/ex_fixture.html", "ada/ex_neuron.html", "bo/ex_fixture.html", "bo/ex_neuron.html",
        "class_summary.csv", "class_summary.html", "cy/ex_fixture.html", "cy/ex_neuron.html",
        "dee/ex_fixture.html", "eve/ex_neuron.html",
    ]  # fmt: skip


def test_every_part_shows_its_points_message_and_hint(graded, out):
    _, records = graded
    seen = pages(out)
    hints = 0
    for record in records:
        text = seen[f"{record['student']}/{Path(record['notebook']).stem}.html"]
        assert f"Total: {record['score']:g} / {record['max_score']:g} points" in text
        for cell in record["cells"]:
            message, hint = split(cell["feedback"])
            if cell["status"] not in ("passed", "manual"):
                assert html.escape(message) in text, (record["student"], cell["grade_id"])
            if hint:
                hints += 1
                assert f'<p class="message">{html.escape(hint)}</p>' in text
            if cell["status"] != "manual":
                assert f"Points: {cell['points']:g} / {cell['max_points']:g}" in text
    assert hints == 3  # bo's and cy's mirrored sigmoid, cy's own hint
    assert "✓</span> Passed" in seen["ada/ex_neuron.html"] and "✗</span> Not yet" in seen["bo/ex_neuron.html"]
    assert "Part 1: 1. The sigmoid" in seen["ada/ex_fixture.html"]  # the heading above the part in the notebook
    assert "Graded by hand: points to come" in seen["ada/ex_fixture.html"]
    assert "Part 3: 2. A sum of squares (explain)" in seen["ada/ex_fixture.html"]  # two parts under one heading


def test_the_learners_own_cells_are_shown_and_never_the_tests_or_the_solutions(graded, out):
    seen = pages(out)
    assert html.escape(SIGMOID) in seen["ada/ex_neuron.html"]
    assert "raise NotImplementedError()" in seen["bo/ex_fixture.html"]
    assert html.escape(ADDED) in seen["bo/ex_fixture.html"]
    assert SOURCE_SOLUTION not in seen["bo/ex_fixture.html"]  # bo sent the stub: the source's answer is not shown
    for name, text in seen.items():
        if name != "class_summary.html":
            for hidden in ("BEGIN HIDDEN TESTS", "HIDDEN", html.escape(HIDDEN), "check_square_sum(square_sum)",
                           "check_sigmoid(sigmoid)", "fixture_checks"):  # fmt: skip
                assert hidden not in text, (name, hidden)


def test_html_from_learners_is_escaped(out):
    seen = pages(out)
    for name, text in seen.items():
        assert "<script" not in text.lower() and "<img src=x" not in text, name
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in seen["bo/ex_fixture.html"]
    cy = seen["cy/ex_fixture.html"]
    assert "&lt;script&gt;window.pwned = 2&lt;/script&gt; wrong" in cy
    assert "=1+1 &lt;img src=x onerror=alert(3)&gt;" in cy
    assert "=1+1 &lt;img src=x onerror=alert(3)&gt;" in seen["class_summary.html"]


class References(HTMLParser):
    """Every URL a page's tags name (src, href, ...), as a browser's parser reads them."""

    def __init__(self):
        super().__init__()
        self.urls, self.tags = [], set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.urls += [value or "" for name, value in attrs if name in ("src", "href", "action", "srcset", "poster")]


def test_nothing_is_loaded_from_elsewhere(out):
    for name, text in pages(out).items():
        parsed = References()
        parsed.feed(text)
        assert all(u.startswith(("#", "data:image/png;base64,")) for u in parsed.urls), (name, parsed.urls)
        assert not parsed.tags & {"script", "link", "iframe", "object", "embed", "base"}, name
        assert not re.search(r"https?://", text), name
        assert "@import" not in text and "url(" not in text, name
        assert '<html lang="en">' in text and re.search(r"<title>[^<]+</title>", text), name
        assert "default-src 'none'" in text, name


def test_missing_notebooks_and_grading_errors_are_shown_as_such(out):
    seen = pages(out)
    assert "No notebook was received for this exercise" in seen["eve/ex_neuron.html"]
    assert "Total: 0 / 2 points" in seen["eve/ex_neuron.html"]
    dee = seen["dee/ex_fixture.html"]
    assert "A problem while grading" in dee and "not a notebook (malformed JSON" in dee
    assert "Not run: the notebook could not be graded" in dee
    assert "submitted/dee" not in dee  # the learner's error names their notebook, not the instructor's folders
    summary = seen["class_summary.html"]
    attention = summary.split("Records to look at", 1)[1]
    assert "<td>dee</td>" in attention and "<td>eve</td><td>ex_neuron</td><td>missing</td>" in attention
    assert "<td>ada</td>" not in attention


def test_class_summary_has_pass_rates_hints_and_a_described_figure(graded, out):
    rows = {(r["exercise"], r["part"]): r for r in csv.DictReader((out / "class_summary.csv").open())}
    mirrored = split(next(c for r in graded[1] if r["student"] == "bo" and r["notebook"] == "ex_neuron.ipynb"
                          for c in r["cells"])["feedback"])[1]  # fmt: skip
    assert mirrored
    neuron = rows[("ex_neuron", "test_sigmoid")]
    assert (neuron["received"], neuron["missing"], neuron["passed"], neuron["pass_rate"]) == ("3", "1", "1", "0.333")
    assert (neuron["hint_1"], neuron["hint_1_count"], neuron["hint_2"]) == (mirrored, "2", "")
    fixture = rows[("ex_fixture", "test_sigmoid")]  # ada and cy passed, bo sent the stub, dee's file is broken
    assert (fixture["received"], fixture["passed"], fixture["pass_rate"]) == ("4", "2", "0.500")
    assert rows[("ex_fixture", "test_square_sum")]["hint_1"] == "'=1+1 <img src=x onerror=alert(3)>"  # no formula
    assert rows[("ex_fixture", "explain")]["pass_rate"] == ""  # graded by hand
    summary = (out / "class_summary.html").read_text()
    assert f'<td class="message">{html.escape(mirrored)}</td>' in summary
    images = re.findall(r'<img src="data:image/png;base64,([^"]+)" alt="([^"]+)">', summary)
    assert len(images) == 2  # the pass rates, the hints
    assert all(base64.b64decode(data).startswith(b"\x89PNG") for data, _ in images)
    assert images[0][1].startswith("Horizontal bar chart of the pass rate") and "Lowest: " in images[0][1]


def test_the_module_leaves_matplotlibs_state_alone(graded, tmp_path):
    root, _ = graded
    script = (
        "import sys, matplotlib\n"
        "before = matplotlib.get_backend(), dict(matplotlib.rcParams)\n"
        "import annlib.grading.report as report\n"
        f"report.write_feedback({str(root / 'grades.json')!r}, {str(tmp_path)!r}, source={str(root / 'source')!r})\n"
        "assert (matplotlib.get_backend(), dict(matplotlib.rcParams)) == before\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env={"MPLBACKEND": "svg"})
    assert result.stdout.strip() == "ok", result.stderr
    assert (tmp_path / "bo" / "ex_neuron.html").is_file()  # submissions found by each record's own path


STATUSES = ["passed", "failed", "error", "timeout", "kernel died", "limit", "tampered", "not run", "manual", "odd"]


def test_every_status_reads_as_words_with_a_symbol():
    record = {
        "student": "<b>x</b>", "notebook": "ex.ipynb", "score": 1.0, "max_score": 10.0, "error": "<i>boom</i>",
        "cells": [{"grade_id": f"p{i}", "points": float(s == "passed"), "max_points": 1.0, "status": s,
                   "feedback": f"Err: <em>{s}</em>\n  hint: <u>do {s}</u>"} for i, s in enumerate(STATUSES)],
    }  # fmt: skip
    text = learner_page(record, "ex")
    for word in ("✓</span> Passed", "✗</span> Not yet: the check found a problem", "Stopped: it ran past the time",
                 "Python itself stopped", "printed more than the output limit", "Not graded: the notebook changed",
                 "–</span> Not run", "✎</span> Graded by hand", "✗</span> Not passed (odd)"):  # fmt: skip
        assert word in text
    assert "<b>" not in text and "<em>" not in text and "<u>" not in text and "<i>" not in text
    assert "&lt;i&gt;boom&lt;/i&gt;" in text and "&lt;u&gt;do failed&lt;/u&gt;" in text
    assert text.count("<h2 id=") == len(STATUSES)
    assert "(parts graded by hand are not counted yet)" in text


def test_names_become_safe_file_names_and_two_records_of_one_exercise_both_stay(tmp_path):
    assert (
        safe_name("../../etc") == "_.._etc" and safe_name("..") == "_" and safe_name("Ada Lovelace") == "Ada Lovelace"
    )
    record = {"student": "../ada", "notebook": "ex.ipynb", "submission": None, "score": 0.0, "max_score": 0.0,
              "cells": [], "error": None}  # fmt: skip
    write_feedback([record, dict(record)], tmp_path / "out", source=tmp_path)
    assert sorted(p.name for p in (tmp_path / "out" / "_ada").iterdir()) == ["ex-2.html", "ex.html"]


def test_the_command_fails_cleanly_on_a_file_that_is_not_a_gradebook(tmp_path, capsys):
    (tmp_path / "g.json").write_text('{"not": "a list"}')
    assert main(["feedback", str(tmp_path / "g.json"), "--out", str(tmp_path / "o"), "--source", str(tmp_path)]) == 1
    assert "annlib feedback: " in capsys.readouterr().err
