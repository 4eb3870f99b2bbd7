"""The checks refuse an answer that is, or calls, annlib's own version of the part (it scores nothing), and
a later part's check can run the learner's function with the course's versions of the earlier parts."""

import numpy as np
import pytest

from annlib import Network, scratch
from annlib.checks import CheckFailed
from annlib.checks._core import Ladder, substitute, twin_used

TWINS = [("scratch.backward", scratch.backward), ("Network.backward", Network.backward)]


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
        ("their_backward", "scratch.backward"),
        ("own", None),
    ],
)
def test_twin_used_sees_direct_aliased_and_indirect_calls(name, label):
    assert twin_used(CELLS[name], TWINS) == label


def test_ladder_refuses_a_twin_with_no_points():
    with pytest.raises(CheckFailed, match="uses annlib's scratch.backward, so this part scores no points") as error:
        Ladder("backward", CELLS["by_alias"], twins=TWINS)
    assert "write backward yourself" in error.value.hint
    Ladder("backward", CELLS["own"], twins=TWINS)  # the learner's own code passes the rung


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
