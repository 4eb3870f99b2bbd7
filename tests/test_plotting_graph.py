"""annlib.plotting.graph: the computational graph of one neuron, its local derivatives, values and gradients."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from annlib.plotting.graph import NEURON_EDGES, NEURON_NODES, draw_computational_graph, draw_neuron_graph


def texts(ax):
    return [t.get_text() for t in ax.texts]


def test_neuron_graph_draws_a_box_per_node_and_an_arrow_per_edge_on_the_given_axes():
    _, ax = plt.subplots()
    assert draw_neuron_graph(ax=ax) is ax
    boxes = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(boxes) == len(NEURON_NODES) == 8
    assert len(arrows) == len(NEURON_EDGES) == 7
    plt.close("all")


def test_each_edge_carries_its_local_derivative():
    ax = draw_neuron_graph()
    shown = texts(ax)
    for _, _, derivative in NEURON_EDGES:
        if derivative is not None:
            assert derivative in shown
    assert r"$\sigma'(z) = a(1 - a)$" in shown and "$2(a - y)$" in shown
    plt.close("all")


def test_values_go_above_and_gradients_below_in_three_significant_figures():
    ax = draw_neuron_graph(values={"z": 0.123456, "x": [1.0, 0.5]}, gradients={"w": [-0.29601, 0.5], "b": -0.29601})
    shown = texts(ax)
    assert "0.123" in shown and "[1, 0.5]" in shown
    assert r"$\partial C/\partial w$ = [-0.296, 0.5]" in shown
    assert r"$\partial C/\partial b$ = -0.296" in shown
    value = next(t for t in ax.texts if t.get_text() == "0.123")
    gradient = next(t for t in ax.texts if t.get_text().startswith(r"$\partial C/\partial b$"))
    assert value.get_position()[1] > NEURON_NODES["z"][1]
    assert gradient.get_position()[1] < NEURON_NODES["b"][1]
    plt.close("all")


def test_unknown_nodes_are_refused_with_the_names_it_expects():
    with pytest.raises(ValueError, match=r"draw_computational_graph: values has keys \['q'\]"):
        draw_neuron_graph(values={"q": 1.0})
    with pytest.raises(ValueError, match="names 'v', which is not a node"):
        draw_computational_graph({"u": (0, 0, "u")}, [("u", "v", "1")])
    plt.close("all")
