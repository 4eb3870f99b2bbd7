"""One neuron: behaviour that mutation testing found unpinned (defaults, return types, names in messages)."""

import numpy as np
import pytest

from annlib.neuron import Neuron, neuron_output, weighted_sum


def test_one_example_gives_a_python_float_and_a_batch_an_array():
    z = weighted_sum([1.0, 2.0], [0.5, -1.0], 0.25)  # 0.5 - 2 + 0.25 = -1.25 (by hand)
    assert type(z) is float and z == -1.25
    a = neuron_output([0.0, 0.0], [1.0, 1.0], 0.0)  # sigmoid(0) = 0.5: sigmoid is the default
    assert type(a) is float and a == 0.5
    batch = neuron_output([[0.0, 0.0], [0.0, 0.0]], [1.0, 1.0], 0.0, "relu")
    assert isinstance(batch, np.ndarray) and batch.shape == (2,)
    np.testing.assert_array_equal(batch, [0.0, 0.0])


def test_neuron_defaults_repr_and_size():
    neuron = Neuron([0.5, -1])
    assert neuron.b == 0.0 and neuron.activation.name == "sigmoid" and neuron.n_inputs == 2
    assert neuron([0.0, 0.0]) == 0.5
    assert repr(Neuron([0.5, -1.0], 0.1, "tanh")) == "Neuron(weights=[0.5, -1], bias=0.1, activation='tanh')"
    assert Neuron([1.0, 2.0], 0.5, "relu").weighted_sum([[1.0, 1.0]]).tolist() == [3.5]


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: weighted_sum([1.0], [[1.0]], 0.0), ValueError, r"^weighted_sum: w has shape \(1, 1\), expected a 1-D"),
        (lambda: weighted_sum("x", [1.0], 0.0), TypeError, r"^weighted_sum: x must be a numeric array"),
        (
            lambda: weighted_sum([[[1.0]]], [1.0], 0.0),
            ValueError,
            r"^weighted_sum: x has shape \(1, 1, 1\), expected \(1,\) or \(any, 1\) to match the 1 weights$",
        ),
        (lambda: weighted_sum([1.0], [1.0], True), TypeError, r"^weighted_sum: b must be one finite number, got True$"),
        (lambda: weighted_sum([1.0], [1.0], float("inf")), TypeError, r"^weighted_sum: b must be one finite number"),
        (lambda: weighted_sum([1.0], [1.0], "0"), TypeError, r"^weighted_sum: b must be one finite number"),
        (lambda: Neuron([[1.0]]), ValueError, r"^Neuron: weights has shape \(1, 1\), expected a 1-D"),
        (lambda: Neuron([1.0], float("nan")), TypeError, r"^Neuron: b must be one finite number"),
        (lambda: Neuron([1.0], 0.0, "step"), ValueError, r"^Neuron: unknown activation 'step'"),
    ],
)
def test_bad_inputs_are_named(call, error, message):
    with pytest.raises(error, match=message):
        call()
