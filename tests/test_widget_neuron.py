"""Tests for the neuron explorer (annlib.widgets.neuron), without a browser."""

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


def test_explorer_is_a_widget_with_every_control():
    explorer = neuron_explorer(n_inputs=2, activation="tanh")
    assert isinstance(explorer, widgets.Widget)
    assert sorted(explorer.sliders) == ["b", "w1", "w2", "x1", "x2"]
    assert explorer.dropdown.value == "tanh"
    assert set(explorer.dropdown.options) == {"sigmoid", "tanh", "relu", "leaky_relu", "identity"}
    assert isinstance(explorer.image, widgets.Image) and explorer.image in explorer.children
    # every control is named, and the sliders follow the hand
    for control in [*explorer.sliders.values(), explorer.dropdown]:
        assert control.description
    assert all(slider.continuous_update for slider in explorer.sliders.values())


def test_the_figure_is_kept_and_carries_a_text_alternative():
    explorer = neuron_explorer(n_inputs=2, x=[1.0, 0.5], w=[0.5, -0.5], b=0.25)
    figure, first = explorer.figure.figure, bytes(explorer.image.value)
    assert first.startswith(b"\x89PNG")
    explorer.sliders["w2"].value = 1.5
    assert explorer.figure.figure is figure  # the same figure, drawn again
    assert bytes(explorer.image.value) != first and explorer.figure.frames == 2
    alt = explorer.image.tooltip
    assert alt == explorer.reading.describe() and alt.count(".") >= 1 and alt.endswith(".")
    assert alt.startswith("Diagram of one neuron with 2 inputs")
    assert "w = (0.5, 1.5)" in alt and f"a = sigmoid(z) = {explorer.reading.a:.2g}." in alt
    labels = [t.get_text() for t in explorer.picture.ax.texts]
    assert "w2 = 1.50" in labels and f"z = {explorer.reading.z:.2f}" in labels
    explorer.dropdown.value = "relu"
    assert "activation f = relu" in [t.get_text() for t in explorer.picture.ax.texts]


def test_a_burst_of_slider_values_ends_on_the_last():
    explorer = neuron_explorer(n_inputs=1, x=[0.0], w=[1.0], b=0.0)
    for value in np.arange(0.05, 1.01, 0.05):
        explorer.sliders["x1"].value = float(value)
    assert explorer.reading.x == (1.0,)
    assert "x1\n1.00" in [t.get_text() for t in explorer.picture.ax.texts]
    assert "Here x = (1), w = (1)" in explorer.image.tooltip


def test_explorer_updates_when_a_slider_or_the_activation_moves():
    explorer = neuron_explorer(n_inputs=3, x=[1.0, 0.0, 0.0], w=[0.5, 0.0, 0.0], b=0.0)
    assert explorer.reading.z == pytest.approx(0.5)
    assert explorer.reading.a == pytest.approx(annlib.activations.sigmoid(0.5))
    explorer.sliders["x1"].value = 2.0
    assert explorer.reading.z == pytest.approx(1.0)
    explorer.sliders["b"].value = -3.0
    explorer.dropdown.value = "relu"
    assert explorer.reading.z == pytest.approx(-2.0) and explorer.reading.a == 0.0
    assert "relu(z) = 0.0000" in explorer.numbers.value
    assert explorer.figure.frames == 4  # one picture at the start, one per change
    assert isinstance(explorer.figure.figure, matplotlib.figure.Figure)


def test_explorer_checks_its_arguments():
    with pytest.raises(ValueError, match="n_inputs must be a whole number from 1 to 6"):
        neuron_explorer(n_inputs=0)
    with pytest.raises(ValueError, match="activation must be one of"):
        neuron_explorer(activation="step")
    with pytest.raises(ValueError, match="weighted_sum"):
        neuron_explorer(n_inputs=2, x=[1.0, 2.0, 3.0])


def test_explorer_starts_from_default_values():
    explorer = neuron_explorer(n_inputs=4)
    values = explorer.values()
    np.testing.assert_allclose([values[f"x{i}"] for i in range(1, 5)], [1.0, 0.5, -1.0, 1.0])
    assert values["b"] == 0.0 and values["activation"] == "sigmoid"
