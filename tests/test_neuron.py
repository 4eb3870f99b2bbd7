"""One neuron: weighted sum plus bias, then an activation (lesson 01)."""

import numpy as np
import pytest

from annlib import Neuron, neuron_output, weighted_sum
from annlib.activations import sigmoid


def test_weighted_sum_one_example_and_batch():
    assert weighted_sum([1.0, 2.0, 3.0], [0.5, -1.0, 2.0], 0.5) == pytest.approx(0.5 - 2 + 6 + 0.5)
    batch = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    np.testing.assert_allclose(weighted_sum(batch, [0.5, -1.0, 2.0], 0.5), [5.0, 0.5])


def test_neuron_output_applies_activation():
    x, w, b = [1.0, -1.0], [2.0, 1.0], -0.5
    assert neuron_output(x, w, b) == pytest.approx(sigmoid(0.5))
    assert neuron_output(x, w, b, "relu") == pytest.approx(0.5)
    assert isinstance(neuron_output(x, w, b), float)


def test_neuron_class():
    n = Neuron([0.5, -1.0], bias=0.1, activation="tanh")
    assert n.n_inputs == 2
    assert n([2.0, 1.0]) == pytest.approx(np.tanh(0.1))
    assert n.weighted_sum([2.0, 1.0]) == pytest.approx(0.1)
    assert repr(n) == "Neuron(weights=[0.5, -1], bias=0.1, activation='tanh')"


def test_bad_inputs_are_named():
    with pytest.raises(ValueError, match=r"weighted_sum: x has shape \(2,\), expected \(3,\) or \(any, 3\)"):
        weighted_sum([1.0, 2.0], [1.0, 2.0, 3.0], 0.0)
    with pytest.raises(TypeError, match="weighted_sum: b must be one finite number"):
        weighted_sum([1.0], [1.0], [0.0, 1.0])
    with pytest.raises(ValueError, match="neuron_output: unknown activation 'step'"):
        neuron_output([1.0], [1.0], 0.0, "step")
    with pytest.raises(ValueError, match=r"weighted_sum: x contains inf"):
        weighted_sum([np.inf], [1.0], 0.0)
