"""Tests for the neuron explorer (annlib.widgets.neuron), without a browser."""

import importlib

import ipywidgets as widgets
import matplotlib.figure
import numpy as np
import pytest

import annlib
from annlib.widgets.neuron import (
    draw_reading,
    neuron_explorer,
    read_neuron,
    reading_from_values,
)

# The module (annlib.widgets.neuron), named apart from the function it exports.
explorer_module = importlib.import_module("annlib.widgets.neuron")


def test_read_neuron_matches_the_core():
    reading = read_neuron([0.5, -1.0, 2.0], [0.8, 0.2, -0.5], 0.1, "sigmoid")
    assert reading.z == pytest.approx(0.5 * 0.8 - 1.0 * 0.2 - 2.0 * 0.5 + 0.1)
    assert reading.a == pytest.approx(annlib.neuron_output([0.5, -1.0, 2.0], [0.8, 0.2, -0.5], 0.1))
    assert read_neuron([1.0], [-2.0], 0.5, "relu").a == 0.0
    assert read_neuron([1.0], [2.0], 0.5, "identity").a == pytest.approx(2.5)


def test_summary_writes_out_the_computation():
    text = read_neuron([1.0, 0.5], [0.5, -0.5], -0.25, "tanh").summary()
    assert text == ("z = 1.00·0.50 + 0.50·(-0.50) + (-0.25) = 0.0000\na = tanh(z) = 0.0000")


def test_reading_from_slider_values():
    values = {"x1": 1.0, "x2": 2.0, "w1": 0.5, "w2": 0.25, "b": -1.0, "activation": "identity"}
    reading = reading_from_values(values, 2)
    assert reading.x == (1.0, 2.0) and reading.w == (0.5, 0.25)
    assert reading.z == pytest.approx(0.0) and reading.a == pytest.approx(0.0)
    with pytest.raises(ValueError, match="missing values for w2"):
        reading_from_values({k: v for k, v in values.items() if k != "w2"}, 2)


def test_read_neuron_rejects_bad_input():
    with pytest.raises(ValueError, match="activation must be one of"):
        read_neuron([1.0], [1.0], 0.0, "softmax")
    with pytest.raises(ValueError, match="weighted_sum: x has shape"):
        read_neuron([1.0, 2.0], [1.0], 0.0)


def test_draw_reading_shows_the_numbers():
    reading = read_neuron([0.5, -1.0], [1.5, 0.5], 0.2, "sigmoid")
    ax = draw_reading(reading)
    labels = [t.get_text() for t in ax.texts]
    assert "w1 = 1.50" in labels and "b = 0.20" in labels and f"z = {reading.z:.2f}" in labels
    assert f"{reading.a:.3f}" in ax.get_title()


def test_explorer_is_a_widget_with_every_control(monkeypatch):
    monkeypatch.setattr(explorer_module, "show_figure", lambda *args: None)
    explorer = neuron_explorer(n_inputs=2, activation="tanh")
    assert isinstance(explorer, widgets.Widget)
    assert sorted(explorer.sliders) == ["b", "w1", "w2", "x1", "x2"]
    assert explorer.dropdown.value == "tanh"
    assert set(explorer.dropdown.options) == {"sigmoid", "tanh", "relu", "leaky_relu", "identity"}
    assert isinstance(explorer.output, widgets.Output)


def test_explorer_updates_when_a_slider_or_the_activation_moves(monkeypatch):
    shown = []
    monkeypatch.setattr(explorer_module, "show_figure", lambda output, figure: shown.append(figure))
    explorer = neuron_explorer(n_inputs=3, x=[1.0, 0.0, 0.0], w=[0.5, 0.0, 0.0], b=0.0)
    assert explorer.reading.z == pytest.approx(0.5)
    assert explorer.reading.a == pytest.approx(annlib.activations.sigmoid(0.5))
    explorer.sliders["x1"].value = 2.0
    assert explorer.reading.z == pytest.approx(1.0)
    explorer.sliders["b"].value = -3.0
    explorer.dropdown.value = "relu"
    assert explorer.reading.z == pytest.approx(-2.0) and explorer.reading.a == 0.0
    assert "relu(z) = 0.0000" in explorer.numbers.value
    assert len(shown) == 4  # one picture at the start, one per change
    assert all(isinstance(f, matplotlib.figure.Figure) for f in shown)


def test_explorer_checks_its_arguments():
    with pytest.raises(ValueError, match="n_inputs must be a whole number from 1 to 6"):
        neuron_explorer(n_inputs=0)
    with pytest.raises(ValueError, match="activation must be one of"):
        neuron_explorer(activation="step")
    with pytest.raises(ValueError, match="weighted_sum"):
        neuron_explorer(n_inputs=2, x=[1.0, 2.0, 3.0])


def test_explorer_starts_from_default_values(monkeypatch):
    monkeypatch.setattr(explorer_module, "show_figure", lambda *args: None)
    explorer = neuron_explorer(n_inputs=4)
    values = explorer.values()
    np.testing.assert_allclose([values[f"x{i}"] for i in range(1, 5)], [1.0, 0.5, -1.0, 1.0])
    assert values["b"] == 0.0 and values["activation"] == "sigmoid"
