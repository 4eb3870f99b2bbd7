"""Property tests: backpropagation agrees with central finite differences (float64, rel. error < 1e-6)
for random layer sizes, batch sizes, activations and losses."""

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annlib import Dense, Network, gradient_check
from annlib.losses import MSE, BinaryCrossEntropy, CrossEntropy

HIDDEN = ["sigmoid", "tanh", "relu", "leaky_relu", "identity"]
KINKED = ("relu", "leaky_relu")


def build(sizes, activations, output, seed):
    rng = np.random.default_rng(seed)
    layers = [Dense(a, b, act, rng=rng) for a, b, act in zip(sizes, sizes[1:], activations)]
    layers.append(Dense(sizes[-1], output[0], output[1], rng=rng))
    return Network(layers), rng


def away_from_kinks(network, X):
    # A finite difference across the kink of relu is meaningless; skip draws that land within eps of one.
    network.forward(X)
    return all(np.min(np.abs(layer.z)) > 1e-4 for layer in network.layers if layer.activation.name in KINKED)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n_inputs=st.integers(1, 5),
    hidden=st.lists(st.integers(1, 6), min_size=0, max_size=3),
    activations=st.lists(st.sampled_from(HIDDEN), min_size=3, max_size=3),
    batch=st.integers(1, 7),
    head=st.sampled_from(["mse-identity", "mse-sigmoid", "mse-tanh", "bce-sigmoid", "ce-softmax", "mse-softmax"]),
    n_outputs=st.integers(1, 4),
    seed=st.integers(0, 2**32 - 1),
)
def test_backprop_matches_finite_differences(n_inputs, hidden, activations, batch, head, n_outputs, seed):
    loss_name, output_activation = head.split("-")
    if output_activation == "softmax":
        n_outputs = max(n_outputs, 2)
    sizes = [n_inputs, *hidden]
    network, rng = build(sizes, activations[: len(hidden)], (n_outputs, output_activation), seed)
    X = rng.normal(size=(batch, n_inputs))
    if loss_name == "mse":
        loss, y = MSE(), rng.normal(size=(batch, n_outputs))
    elif loss_name == "bce":
        loss, y = BinaryCrossEntropy(), rng.integers(0, 2, size=(batch, n_outputs)).astype(float)
    else:
        loss, y = CrossEntropy(), np.eye(n_outputs)[rng.integers(0, n_outputs, size=batch)]
    assume(away_from_kinks(network, X))
    # A central difference has two errors: truncation, which grows with eps**2, and cancellation in
    # C(w + eps) - C(w - eps), about 1e-16 * C / eps, which swamps gradients far smaller than the loss
    # (a vanishing gradient behind several sigmoids). So each weight array is judged at the better of
    # two step sizes; neither alone is accurate to 1e-6 for every network.
    reports = [gradient_check(network, X, y, loss, eps=eps, tolerance=1e-6) for eps in (1e-6, 1e-4)]
    for name in reports[0].errors:
        best = min(report.errors[name] for report in reports)
        assert best < 1e-6, (name, reports[0], reports[1])


@settings(max_examples=30, deadline=None)
@given(scale=st.floats(1.0, 1e3), seed=st.integers(0, 2**32 - 1), n_classes=st.integers(2, 6))
def test_softmax_cross_entropy_gradient_at_logits_is_p_minus_y(scale, seed, n_classes):
    rng = np.random.default_rng(seed)
    layer = Dense(3, n_classes, "softmax", rng=rng)
    layer.W *= scale
    X = rng.normal(size=(5, 3))
    y = np.eye(n_classes)[rng.integers(0, n_classes, size=5)]
    p = layer.forward(X)
    layer.backward(CrossEntropy().gradient(p, y, at_z=True), at_z=True)
    np.testing.assert_array_equal(layer.grad_b, ((p - y) / 5).sum(axis=0))
