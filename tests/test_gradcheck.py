"""Gradient checking: finite differences against backprop, and the report."""

import numpy as np
import pytest

from annlib import Dense, Network, gradient_check
from annlib.gradcheck import GradientCheckReport, numerical_gradient, relative_error
from annlib.losses import MSE, CrossEntropy


def test_numerical_gradient_of_a_known_function():
    x = np.array([1.0, -2.0, 3.0])
    grad = numerical_gradient(lambda: np.sum(x**3), x)
    np.testing.assert_allclose(grad, 3 * x**2, rtol=1e-8)
    np.testing.assert_array_equal(x, [1.0, -2.0, 3.0])  # restored


def test_relative_error():
    assert relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert relative_error([0.0], [0.0]) == 0.0
    assert relative_error([1.0], [-1.0]) == pytest.approx(1.0)


def test_gradient_check_passes_for_correct_backprop_and_prints(capsys):
    rng = np.random.default_rng(0)
    net = Network.from_sizes([3, 4, 4, 1], rng=rng)
    X, y = rng.normal(size=(5, 3)), rng.uniform(size=(5, 1))
    before = net.get_weights()
    report = gradient_check(net, X, y, MSE(), verbose=True)
    assert report.passed and report.max_error < 1e-7
    assert list(report.errors) == [f"layer {i} {k}" for i in range(1, 4) for k in "Wb"]
    assert "layer 0" not in repr(report)
    printed = capsys.readouterr().out
    assert "layer 1 W" in printed and "backprop agrees with finite differences" in printed
    for a, b in zip(net.get_weights(), before):
        np.testing.assert_array_equal(a, b)


def test_gradient_check_catches_a_broken_backward():
    rng = np.random.default_rng(1)
    net = Network([Dense(3, 4, "tanh", rng=rng), Dense(4, 3, "softmax", rng=rng)])

    class ForgetsTheBias(Dense):
        def backward(self, grad_output, **options):
            grad_x = super().backward(grad_output, **options)
            self.grad_b[...] = 0.0  # a classic mistake
            return grad_x

    broken = ForgetsTheBias(3, 4, "tanh", rng=0)
    net.layers[0] = broken
    X, y = rng.normal(size=(4, 3)), np.eye(3)[[0, 1, 2, 0]]
    report = gradient_check(net, X, y, CrossEntropy())
    assert not report.passed
    assert report.errors["layer 1 b"] > 0.5 and report.errors["layer 1 W"] < 1e-6
    assert "MISMATCH" in repr(report)


def test_gradient_check_bad_input():
    net = Network.from_sizes([2, 1], rng=0)
    with pytest.raises(ValueError, match=r"gradient_check: y has shape \(3, 2\), expected \(3, 1\)"):
        gradient_check(net, np.zeros((3, 2)), np.zeros((3, 2)), MSE())
    with pytest.raises(TypeError, match="numerical_gradient: x must be a float64 numpy array"):
        numerical_gradient(lambda: 0.0, [1.0])


def test_report_prints_no_rounding_noise():
    # Errors that differ only by rounding (as between two machines) print the same table.
    one = GradientCheckReport({"layer 1 W": 1.75e-9, "layer 1 b": 9.87e-11}, tolerance=1e-6)
    other = GradientCheckReport({"layer 1 W": 1.56e-9, "layer 1 b": 1.1e-10}, tolerance=1e-6)
    assert repr(one) == repr(other)
    assert "layer 1 W     < 1e-6           ok" in repr(one)
    assert repr(one).endswith("(every relative error below 1e-6)")


def test_report_prints_a_mismatch_with_its_size():
    report = GradientCheckReport({"layer 1 W": 2e-10, "layer 1 b": 0.6312}, tolerance=1e-7)
    assert "layer 1 b     0.63             MISMATCH" in repr(report)
    assert repr(report).endswith("disagrees with finite differences (tolerance 1e-7)")
