"""Tests for scripts/check_lessons.py: each check on a small notebook that passes and one that fails,
then the whole checker over the real lessons and exercises."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("check_lessons", ROOT / "scripts" / "check_lessons.py")
check_lessons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_lessons)

PNG = "iVBORw0KGgo="  # the data does not matter to the checks


def markdown(text, cell_id="md"):
    return {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": text}


def code(outputs, cell_id="code"):
    return {
        "cell_type": "code",
        "id": cell_id,
        "metadata": {},
        "source": "",
        "execution_count": 1,
        "outputs": outputs,
    }


def image(mime="image/png", alt=None):
    metadata = {} if alt is None else {mime: {"alt": alt}}
    return {"output_type": "display_data", "data": {mime: PNG, "text/plain": "<Figure>"}, "metadata": metadata}


def stream(text):
    return {"output_type": "stream", "name": "stdout", "text": text}


def notebook(*cells):
    return {"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


TABLE = markdown(
    "## The notation\n\n| symbol | what it is |\n|---|---|\n| $n$ | examples |\n| $x$, $\\mathbf{x}$ | an input |\n"
    "| $W^{(\\ell)}$ | weights of layer $\\ell$ |\n| $\\hat{y}$ | the prediction |\n| $\\eta$ | the learning rate |\n"
    "| $z$ | the weighted sum |\n\nAfter the table, $q$ is not in it.",
    "table",
)


# ---------------------------------------------------------------- (a) text alternatives


def test_images_with_text_alternatives_pass():
    nb = notebook(code([image(alt="Line plot of the loss."), image("image/svg+xml", alt="A diagram.")]))
    assert check_lessons.check_image_alts(nb, "lesson.ipynb") == []


def test_images_without_text_alternatives_fail():
    nb = notebook(code([image(), image(alt="  "), image("image/jpeg"), image("image/svg+xml"), stream("hi")], "c1"))
    problems = check_lessons.check_image_alts(nb, "lesson.ipynb")
    assert len(problems) == 4
    assert "cell 0 (id c1), output 0: image/png image without a text alternative" in problems[0]
    assert "image/jpeg" in problems[2] and "image/svg+xml" in problems[3]


def test_an_alt_for_another_type_does_not_count():
    output = image()
    output["metadata"] = {"image/jpeg": {"alt": "A figure."}}
    assert len(check_lessons.check_image_alts(notebook(code([output])), "x.ipynb")) == 1


# ---------------------------------------------------------------- (b) layers counted from 1


@pytest.mark.parametrize(
    "text",
    [
        "layer 1 W     < 1e-6   ok",
        "the input $A^{(0)} = X$ comes before layer 1",
        "layer 10 of a deep network",
        "network.layers[0] is layer 1",
        "a step of layer 0.5 mm",  # not a layer label
        "the input, then hidden layer 1",
    ],
)
def test_layer_labels_counted_from_1_pass(text):
    nb = notebook(markdown(text), code([stream(text)]))
    assert check_lessons.check_layer_labels(nb, "x.ipynb") == []


@pytest.mark.parametrize("text", ["layer 0 W", "Layer 0", "layer0", "layers 0 and 1", "layer_0", "LAYER 0: grad_W"])
def test_0_based_layer_labels_fail_in_markdown_and_outputs(text):
    nb = notebook(markdown(f"see {text} here"))
    assert len(check_lessons.check_layer_labels(nb, "x.ipynb")) == 1
    plain = {"output_type": "execute_result", "data": {"text/plain": text}, "metadata": {}, "execution_count": 1}
    alt = image(alt=f"Bars for {text}.")
    nb = notebook(code([stream(f"{text}\n"), plain, alt], "c"))
    problems = check_lessons.check_layer_labels(nb, "x.ipynb")
    assert len(problems) == 3 and all("0-based layer label" in p for p in problems)
    assert "output 0" in problems[0] and "output 1" in problems[1] and "output 2" in problems[2]


def test_layer_labels_in_errors_are_found():
    error = {"output_type": "error", "ename": "ValueError", "evalue": "layer 0 gives 4 outputs", "traceback": []}
    assert len(check_lessons.check_layer_labels(notebook(code([error])), "x.ipynb")) == 1


# ---------------------------------------------------------------- (c) notation


@pytest.mark.parametrize(
    "math, symbols",
    [
        (r"z = \mathbf{x}\cdot\mathbf{w} + b", {"z", "x", "w", "b"}),
        (r"W^{(\ell)}_{ij}", {"W"}),
        (r"\hat{y}_i = \sigma(z)", {r"\hat{y}", r"\sigma", "z"}),
        (r"\hat y", {r"\hat{y}"}),
        (r"e^{-z}", {"e", "z"}),
        (r"\frac{\partial C}{\partial w^{(2)}_{a1}}", {"C", "w"}),
        (r"\text{MSE} = \frac{1}{n}\sum_{i=1}^{n} (y_i - \hat y_i)^2", {"n", "y", r"\hat{y}"}),
        (r"M^\top + x^T", {"M", "x"}),
        (r"\operatorname{relu}(z) + \mathbb{1}[i = j]", {"z", "i", "j"}),
        (r"\Sigma \quad \log p \quad \max(0, z)", {"p", "z"}),
        (r"\kappa = 10^{-12}", {r"\kappa"}),
        (r"softmax(z)", {"z"}),
    ],
)
def test_symbols_are_read_by_the_documented_rule(math, symbols):
    assert check_lessons.math_symbols(math) == symbols


def test_the_notation_table_is_its_first_column():
    table = check_lessons.notation_table(notebook(markdown("intro $q$"), TABLE))
    assert table == {"n", "x", "W", r"\hat{y}", r"\eta", "z"}  # the layer in W^{(l)} is an index


def test_symbols_in_the_table_pass():
    table = check_lessons.notation_table(notebook(TABLE))
    lesson = notebook(
        markdown(r"The prediction $\hat{y}$ of $n$ examples; $z = \mathbf{x} W^{(\ell)}$; step $\eta$."),
        markdown("Code holds no math: `cost = $x$` and `echo $HOME`; it costs \\$5, not \\$6."),
        code([stream("$k$ in an output is not markdown")]),
    )
    assert check_lessons.check_notation(lesson, "x.ipynb", table) == []


def test_symbols_missing_from_the_table_fail_once_each():
    table = check_lessons.notation_table(notebook(TABLE))
    lesson = notebook(markdown(r"Here $y = k\,x$ and $\delta$", "a"), markdown(r"again $k$ and $\hat{Y}$", "b"))
    problems = check_lessons.check_notation(lesson, "x.ipynb", table)
    assert [p.split("): ", 1)[1] for p in problems] == [
        r"symbol $\delta$ is not in the notation table",
        "symbol $k$ is not in the notation table",
        "symbol $y$ is not in the notation table",
        r"symbol $\hat{Y}$ is not in the notation table",
    ]
    assert problems[0].startswith("x.ipynb: cell 0 (id a)") and problems[3].startswith("x.ipynb: cell 1 (id b)")


# ---------------------------------------------------------------- (d) length


def test_a_lesson_of_2500_words_passes_and_of_2501_fails():
    nb = notebook(markdown("word " * 2000), code([stream("not counted " * 900)]), markdown("word " * 500))
    assert check_lessons.markdown_words(nb) == 2500
    assert check_lessons.check_length(nb, "x.ipynb") == []
    nb["cells"].append(markdown("one more"))
    problems = check_lessons.check_length(nb, "x.ipynb")
    assert problems == ["x.ipynb: 2502 words of markdown, more than 2500: split or shorten the lesson"]


# ---------------------------------------------------------------- the command


def test_the_command_lists_problems_and_exits_1(tmp_path, capsys):
    start = tmp_path / "00_start_here.ipynb"
    start.write_text(json.dumps(notebook(TABLE)))
    good = tmp_path / "good.ipynb"
    good.write_text(json.dumps(notebook(markdown(r"$\hat{y}$ of layer 1"), code([image(alt="A plot.")]))))
    bad = tmp_path / "bad.ipynb"
    bad.write_text(json.dumps(notebook(markdown(r"$\delta$ of layer 0"), code([image()]))))
    assert check_lessons.check_all([good], notation_notebook=start) == []
    problems = check_lessons.check_all([good, bad], notation_notebook=start)
    assert len(problems) == 3
    assert check_lessons.main([str(good), str(bad)]) == 1  # against the course's own table
    printed = capsys.readouterr().out
    assert "problems in the lessons and exercises" in printed and "bad.ipynb: cell 1" in printed


def test_the_command_says_all_is_well_and_exits_0(tmp_path, capsys):
    good = tmp_path / "good.ipynb"
    good.write_text(json.dumps(notebook(markdown(r"$\hat{y}$ of layer 1"), code([image(alt="A plot.")]))))
    assert check_lessons.main([str(good)]) == 0
    assert "checked 1 notebooks" in capsys.readouterr().out


# ---------------------------------------------------------------- the real lessons and exercises


def test_the_lessons_and_exercises_pass_every_check():
    problems = check_lessons.check_all()
    assert problems == [], "\n".join(problems)
