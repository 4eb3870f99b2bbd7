"""Values the numpy core promises at its boundaries, each against an independent expected value: the ReLU
derivative at exactly 0, binary cross-entropy's gradient with several output columns, get_weights as a copy,
an epoch's loss with a short last batch, and every symbolic activation's derivative."""

import numpy as np
import pytest
import sympy as sp

from annlib import Network, activations, fit
from annlib.losses import BinaryCrossEntropy
from annlib.optimizers import SGD
from annlib.symbolic import functions as symbolic


def test_relu_derivative_is_0_at_exactly_0():
    z = np.array([-1.0, -0.0, 0.0, 1e-300, 2.0])
    assert activations.relu_derivative(z).tolist() == [0.0, 0.0, 0.0, 1.0, 1.0]


def _finite_difference(f, Z, eps=1e-6):
    grad = np.zeros_like(Z)
    for index in np.ndindex(Z.shape):
        plus, minus = Z.copy(), Z.copy()
        plus[index] += eps
        minus[index] -= eps
        grad[index] = (f(plus) - f(minus)) / (2 * eps)
    return grad


@pytest.mark.parametrize("columns", [1, 3])
def test_binary_cross_entropy_gradient_at_z_with_several_outputs(columns):
    # The loss is the mean over every entry, so its gradient at z divides by n * columns, not by n.
    rng = np.random.default_rng(4)
    Z = rng.normal(size=(5, columns))
    Y = (rng.uniform(size=(5, columns)) > 0.5).astype(float)
    loss = BinaryCrossEntropy()
    expected = _finite_difference(lambda z: loss(activations.sigmoid(z), Y), Z)
    got = loss.gradient_at_z(activations.sigmoid(Z), Y)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-9)


def test_get_weights_is_a_copy_that_set_weights_restores():
    network = Network.from_sizes([2, 3, 1], activation="tanh", rng=0)
    saved = network.get_weights()
    before = [p.copy() for p in network.parameters()]
    for p in network.parameters():
        p += 1.0  # training moves the live arrays
    assert all(np.array_equal(s, b) for s, b in zip(saved, before)), "get_weights returned live arrays"
    network.set_weights(saved)
    assert all(np.array_equal(p, b) for p, b in zip(network.parameters(), before))


def test_an_epochs_loss_is_the_mean_over_examples_when_the_last_batch_is_short():
    # A learning rate of 1e-300 leaves the weights as they are, so the epoch's loss must equal the loss on
    # all the data, whatever the batches: 7 examples in batches of 3 leave a last batch of 1.
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(7, 2)), rng.normal(size=(7, 1))
    network = Network.from_sizes([2, 3, 1], activation="tanh", rng=0)
    expected = float(np.mean((network.forward(X) - y) ** 2))
    history = fit(network, X, y, "mse", SGD(learning_rate=1e-300), epochs=1, batch_size=3, rng=0, progress=False)
    assert history.loss[0] == pytest.approx(expected, rel=1e-12)


NAMES = ["sigmoid", "tanh", "relu", "leaky_relu", "identity"]


@pytest.mark.parametrize("name", NAMES)
def test_every_symbolic_derivative_is_the_derivative_of_its_function(name):
    z = sp.Symbol("z", real=True)
    function, derivative = getattr(symbolic, name), getattr(symbolic, f"{name}_derivative")
    for value in (-1.7, -0.3, 0.4, 2.1):  # away from ReLU's kink
        exact = float(sp.diff(function(z), z).subs(z, value))
        assert float(sp.sympify(derivative(z)).subs(z, value)) == pytest.approx(exact, rel=1e-12, abs=1e-15)
        numeric = getattr(activations, f"{name}_derivative")(np.array([value]))
        assert float(numeric[0]) == pytest.approx(exact, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "leaky_relu"])
def test_every_derivative_written_from_the_output_is_the_derivative(name):
    # The chain-rule steps write f'(z) through a = f(z) (a * (1 - a), 1 - a**2, ...): the same function.
    z = sp.Symbol("z", real=True)
    named = symbolic._NAMED[name](z)
    from_output = symbolic._FROM_OUTPUT[name](named, z)
    for value in (-1.7, -0.3, 0.4, 2.1):
        exact = float(getattr(symbolic, f"{name}_derivative")(z).subs(z, value))
        assert float(from_output.subs(z, value).evalf()) == pytest.approx(exact, rel=1e-12, abs=1e-15)
