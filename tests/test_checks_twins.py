"""The checks refuse an answer that is, or calls, annlib's own version of the part (it scores nothing), and
a later part's check can run the learner's function with the course's versions of the earlier parts."""

from pathlib import Path

import numpy as np
import pytest

from annlib import Network, scratch
from annlib.checks import CheckFailed
from annlib.checks._core import Part, substitute, twin_used
from annlib.losses import Loss

TWINS = [
    ("scratch.backward", scratch.backward),
    ("Network.backward", Network.backward),
    ("Loss.gradient", Loss.gradient),
]


def _notebook(source):
    """Functions defined as a notebook cell defines them: in one shared namespace of their own."""
    namespace = {}
    exec(compile(source, "<cell>", "exec"), namespace)
    return namespace


CELLS = _notebook(
    """
import annlib.scratch as sc
from annlib.scratch import backward as their_backward

def by_module(params, caches, delta):
    return sc.backward(params, caches, delta)

def by_alias(params, caches, delta):
    return their_backward(params, caches, delta)

def helper(params, caches, delta):
    return their_backward(params, caches, delta)

def via_helper(params, caches, delta):
    return [g for g in helper(params, caches, delta)]

def via_lambda(params, caches, delta):
    go = lambda: sc.backward(params, caches, delta)
    return go()

def via_method(network, grad):
    return network.backward(grad)

def imported_inside(params, caches, delta):
    from annlib.scratch import backward as b
    return b(params, caches, delta)

def module_imported_inside(params, caches, delta):
    import annlib.scratch
    return annlib.scratch.backward(params, caches, delta)

def module_imported_as(params, caches, delta):
    import annlib.scratch as s
    return s.backward(params, caches, delta)

def package_imported_inside(params, caches, delta):
    from annlib import scratch
    return scratch.backward(params, caches, delta)

def recursive_with_a_table(params, caches, delta, layer=None):
    # its own name `backward` and annlib's table of activations: nothing of annlib's backward
    slope = sc.ACTIVATIONS["tanh"][1]
    if layer == 0:
        return []
    return recursive_with_a_table(params, caches, delta, 0) + [slope]

def numpy_of_the_same_name(params, caches, delta):
    import numpy as np
    return np.gradient(delta)

def on_a_result(network_maker, grad):
    return network_maker().backward(grad)

def own(params, caches, delta):
    return [(c[0].T @ delta, delta.sum(axis=0)) for c in caches]
"""
)


@pytest.mark.parametrize(
    "name, label",
    [
        ("by_module", "scratch.backward"),
        ("by_alias", "scratch.backward"),
        ("via_helper", "scratch.backward"),
        ("via_lambda", "scratch.backward"),
        ("via_method", "Network.backward"),
        ("imported_inside", "scratch.backward"),
        ("module_imported_inside", "scratch.backward"),
        ("module_imported_as", "scratch.backward"),
        ("package_imported_inside", "scratch.backward"),
        ("recursive_with_a_table", None),
        ("numpy_of_the_same_name", None),
        ("on_a_result", "Network.backward"),
        ("their_backward", "scratch.backward"),
        ("own", None),
    ],
)
def test_twin_used_sees_direct_aliased_and_indirect_calls(name, label):
    assert twin_used(CELLS[name], TWINS) == label


def test_ladder_refuses_a_twin_with_no_points():
    with pytest.raises(CheckFailed, match="uses annlib's scratch.backward, so this part scores no points") as error:
        Part("backward", CELLS["by_alias"], reference=None, twins=TWINS)
    assert "write backward yourself" in error.value.hint
    Part("backward", CELLS["own"], reference=None, twins=TWINS)  # the learner's own code passes the rung


def test_substitute_binds_and_restores_names():
    cells = _notebook("def forward(x):\n    return 'learner'\n\ndef train(x):\n    return forward(x)\n")
    with substitute(cells["train"], {"forward": lambda x: "course", "update": len}):
        assert cells["train"](1) == "course"
        assert cells["update"] is len
    assert cells["train"](1) == "learner"
    assert "update" not in cells  # a name the notebook never had is removed again


def test_substitute_restores_after_an_error():
    cells = _notebook("def forward(x):\n    return 'learner'\n")
    with pytest.raises(ZeroDivisionError), substitute(cells["forward"], {"forward": None}):
        1 / 0
    assert cells["forward"](np.zeros(1)) == "learner"


ANNLIB_ANSWERS = _notebook(
    """
import numpy as np
from annlib import activations, neuron
from annlib.activations import relu as annlib_relu, softmax as annlib_softmax

def weighted_sum(x, w, b):
    return neuron.weighted_sum(x, w, b)

def neuron_output(X, w, b):
    return neuron.Neuron(w, b)(X)

def sigmoid(z):
    return activations.sigmoid(z)

def sigmoid_derivative(z):
    return activations.sigmoid_derivative(z)

def relu(z):
    return annlib_relu(z)

def relu_derivative(z):
    return activations.relu_derivative(z)

def stable_sigmoid(z):
    return activations.sigmoid(z)

def softmax(Z):
    return annlib_softmax(Z)
"""
)


@pytest.mark.parametrize(
    "check, name",
    [
        ("check_weighted_sum", "weighted_sum"),
        ("check_neuron_output", "neuron_output"),
        ("check_sigmoid", "sigmoid"),
        ("check_sigmoid_derivative", "sigmoid_derivative"),
        ("check_relu", "relu"),
        ("check_relu_derivative", "relu_derivative"),
        ("check_stable_sigmoid", "stable_sigmoid"),
        ("check_softmax", "softmax"),
    ],
)
def test_exercise_01_02_checks_refuse_annlib_answers(check, name):
    from annlib import checks

    with pytest.raises(CheckFailed, match="so this part scores no points"):
        getattr(checks, check)(ANNLIB_ANSWERS[name])


def test_and_gate_hidden_call_grades_what_the_visible_one_does():
    # The text asks for the four corners only: a gate right there passes the hidden call too.
    from annlib.checks import check_and_gate

    def on_the_edge():
        return np.array([1.0, 1.0]), -1.95

    check_and_gate(on_the_edge)
    check_and_gate(on_the_edge, seed=104)


def test_only_numerical_warnings_cost_a_part(capfd):
    import warnings

    from annlib.checks import check_sigmoid

    def sigmoid_with_a_deprecation(z):
        warnings.warn("this call is deprecated", DeprecationWarning, stacklevel=2)
        return 1 / (1 + np.exp(-z))

    check_sigmoid(sigmoid_with_a_deprecation)  # passes: the warning says nothing about the answer
    assert capfd.readouterr().err == ""

    def sigmoid_overflowing(z):
        return 1 / (1 + np.exp(-np.asarray(z, dtype=float) * 1000))

    with pytest.raises(CheckFailed):
        check_sigmoid(sigmoid_overflowing)


def test_the_grader_gives_no_points_for_annlibs_softmax(tmp_path):
    import nbformat

    from annlib.grading.grade import grade_submission

    root = Path(__file__).resolve().parent.parent / "exercises"
    notebook = nbformat.read(root / "student" / "ex02_activations.ipynb", as_version=4)
    answers = {
        "ex02-relu": "def relu(z):\n    return np.maximum(z, 0.0)\n",
        "ex02-softmax": "def softmax(Z):\n    from annlib.activations import softmax as s\n    return s(Z)\n",
    }
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        cell.source = answers.get(grade_id, cell.source)
    submitted = tmp_path / "ex02_activations.ipynb"
    nbformat.write(notebook, submitted)
    record = grade_submission(submitted, root / "source", timeout=30)
    cells = {c["grade_id"]: c for c in record["cells"]}
    assert cells["ex02-relu-test"]["status"] == "passed"
    assert cells["ex02-softmax-test"]["points"] == 0
    assert "uses annlib's activations.softmax, so this part scores no points" in cells["ex02-softmax-test"]["feedback"]
