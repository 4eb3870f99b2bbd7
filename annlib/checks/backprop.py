"""Checks for exercise 06, backpropagation (lesson 06): a dense layer's backward pass, the sigmoid
layer's delta, a finite-difference gradient check, and one full training iteration."""

import numpy as np

from annlib.activations import sigmoid as _sigmoid
from annlib.checks._core import Ladder, check, copy_args, fmt, rng_for, same
from annlib.losses import MSE
from annlib.network import Network

_mse = MSE()


@check
def check_dense_backward(dense_backward, *, seed=0):
    """dense_backward(X, W, grad_z) -> (grad_W, grad_b, grad_X) for z = X @ W + b."""
    ladder = Ladder(
        "dense_backward",
        dense_backward,
        error_hint="grad_W = X.T @ grad_z, grad_b = grad_z.sum(axis=0), grad_X = grad_z @ W.T",
    )
    rng = rng_for(seed, 41)
    cases = [(5, 3, 2), (4, 3, 3), (1, 2, 4), (6, 4, 4)]
    for n, n_in, n_out in cases:
        X, W, grad_z = rng.normal(size=(n, n_in)), rng.normal(size=(n_in, n_out)), rng.normal(size=(n, n_out))
        args = copy_args((X, W, grad_z))
        result = ladder.call(*args)
        if not isinstance(result, (tuple, list)) or len(result) != 3:
            ladder.fail("expected three arrays (grad_W, grad_b, grad_X)", "end with `return grad_W, grad_b, grad_X`")
        case = f"X {X.shape}, W {W.shape}, grad_z {grad_z.shape}"
        square = n_in == n_out
        grad_W = ladder.array(
            result[0],
            what="grad_W",
            shape=W.shape,
            shape_hint="grad_W has W's shape (n_inputs, n_outputs): X.T @ grad_z",
        )
        ladder.values(
            grad_W,
            X.T @ grad_z,
            case=case,
            what="grad_W",
            mistakes=[
                (
                    (grad_z.T @ X) if square else None,
                    "grad_W has W's shape (n_inputs, n_outputs): X.T @ grad_z, not its transpose",
                ),
                (X.T @ grad_z / n, "grad_z already carries the 1/n of the mean loss: sum over the batch, X.T @ grad_z"),
            ],
        )
        grad_b = ladder.array(
            result[1],
            what="grad_b",
            shape=(n_out,),
            shape_hint="one gradient per bias: add grad_z over the batch, grad_z.sum(axis=0)",
        )
        ladder.values(
            grad_b,
            grad_z.sum(axis=0),
            case=case,
            what="grad_b",
            mistakes=[
                (grad_z.mean(axis=0), "sum over the batch, not the mean: grad_z already carries the 1/n of the loss"),
                (
                    grad_z.sum(axis=1)[:n_out] if n == n_out else None,
                    "sum over the examples (axis=0), one value per neuron",
                ),
            ],
        )
        grad_X = ladder.array(
            result[2],
            what="grad_X",
            shape=X.shape,
            shape_hint="grad_X has X's shape (n_samples, n_inputs): grad_z @ W.T",
        )
        ladder.values(
            grad_X,
            grad_z @ W.T,
            case=case,
            what="grad_X",
            mistakes=[
                ((grad_z @ W) if square else None, "go back through W transposed: grad_X = grad_z @ W.T"),
            ],
        )
        for before, after, name in zip((X, W, grad_z), args, ("X", "W", "grad_z")):
            ladder.unchanged(before, after, name)
    ladder.no_warnings()
    ladder.passed()


@check
def check_sigmoid_delta(sigmoid_delta, *, seed=0):
    """sigmoid_delta(a, grad_a) -> grad_z = grad_a * a * (1 - a), where a = sigmoid(z)."""
    ladder = Ladder("sigmoid_delta", sigmoid_delta)
    rng = rng_for(seed, 42)
    cases = [
        (np.array([[0.5, 0.9], [0.1, 0.7]]), np.array([[1.0, -2.0], [0.5, 3.0]])),
        (_sigmoid(rng.normal(size=(4, 3))), rng.normal(size=(4, 3))),
        (_sigmoid(rng.normal(size=(1, 5))), rng.normal(size=(1, 5))),
    ]
    for a, grad_a in cases:
        args = copy_args((a, grad_a))
        got = ladder.array(
            ladder.call(*args), shape=a.shape, shape_hint="element by element: grad_z has the shape of a"
        )
        ladder.values(
            got,
            grad_a * a * (1 - a),
            case=f"a = {fmt(a)}, grad_a = {fmt(grad_a)}",
            mistakes=[
                (a * (1 - a), "a factor of the chain rule is missing: multiply by grad_a = dC/da"),
                (grad_a * a, "sigmoid's derivative is a * (1 - a), not a"),
                (
                    grad_a * _sigmoid(a) * (1 - _sigmoid(a)),
                    "a is already sigmoid(z): use a * (1 - a), don't apply sigmoid again",
                ),
                (grad_a * (1 - a), "sigmoid's derivative is a * (1 - a): multiply by a too"),
                (grad_a * (1 - a * a), "that is tanh's derivative; sigmoid's is a * (1 - a)"),
            ],
        )
        ladder.unchanged(a, args[0], "a")
        ladder.unchanged(grad_a, args[1], "grad_a")
    ladder.no_warnings()
    ladder.passed()


def _loss_setup(rng, shape):
    X = rng.normal(size=(4, shape[0]))
    y = rng.normal(size=(4, shape[1]))
    W = rng.normal(size=shape)

    def loss():
        return float(np.mean((_sigmoid(X @ W) - y) ** 2))

    return W, loss


@check
def check_numerical_gradient(numerical_gradient, *, seed=0):
    """numerical_gradient(loss, W, eps) -> dloss/dW by central differences; W is the same afterwards."""
    ladder = Ladder(
        "numerical_gradient",
        numerical_gradient,
        error_hint="for each index of W (np.ndindex(W.shape)): nudge W[index] in place, call loss(), put it back",
    )
    rng = rng_for(seed, 43)
    eps = 1e-6
    for shape in ((2, 3), (3, 1), (1, 1)):
        W, loss = _loss_setup(rng, shape)
        original = W.copy()
        got = ladder.array(
            ladder.call(loss, W, eps),
            shape=shape,
            shape_hint="one partial derivative per weight: the result has W's shape",
        )
        if not same(W, original, rtol=0, atol=1e-15):
            ladder.fail(
                "W is not the same after the call", "put every entry back after nudging it: W[index] = original value"
            )
        exact, forward, doubled = (np.zeros(shape) for _ in range(3))
        base = loss()
        for index in np.ndindex(shape):
            W[index] = original[index] + eps
            plus = loss()
            W[index] = original[index] - eps
            minus = loss()
            W[index] = original[index]
            exact[index] = (plus - minus) / (2 * eps)
            forward[index] = (plus - base) / eps
            doubled[index] = (plus - minus) / eps
        ladder.values(
            got,
            exact,
            case=f"W of shape {shape}",
            rtol=1e-5,
            atol=1e-8,
            mistakes=[
                (
                    np.zeros(shape),
                    "the loss did not see your nudge: change W[index] in place (loss reads W), "
                    "not a copy such as W + eps",
                ),
                (doubled, "divide by 2 eps: the two nudges are 2 eps apart"),
                (forward, "use the central difference (loss(w + eps) - loss(w - eps)) / (2 eps)"),
            ],
        )
    ladder.no_warnings()
    ladder.passed()


@check
def check_train_step(train_step, *, seed=0):
    """train_step(network, X, y, learning_rate) -> the loss before the update; every W and b updated in place."""
    ladder = Ladder(
        "train_step",
        train_step,
        error_hint="forward, loss, backward with MSE().gradient, then w -= learning_rate * grad for each pair",
    )
    rng = rng_for(seed, 44)
    for sizes, learning_rate in (([2, 3, 1], 0.5), ([3, 4, 2], 0.1)):
        network = Network.from_sizes(sizes, rng=rng)
        X, y = rng.normal(size=(6, sizes[0])), rng.uniform(size=(6, sizes[-1]))
        start = network.get_weights()
        y_pred = network.forward(X)
        loss_before = _mse(y_pred, y)
        network.backward(_mse.gradient(y_pred, y))
        grads = [g.copy() for g in network.gradients()]
        right = [p - learning_rate * g for p, g in zip(start, grads)]
        probe = Network.from_sizes(sizes, rng=0)
        probe.set_weights(right)
        loss_after_right = _mse(probe.forward(X), y)

        network.set_weights(start)
        result = ladder.call(network, X.copy(), y.copy(), learning_rate)
        got_loss = ladder.array(
            result, what="the returned loss", scalar=True, shape_hint="return the loss value, one number"
        )
        now = network.get_weights()
        case = f"a {'-'.join(map(str, sizes))} network, learning rate {learning_rate}"
        if all(same(p, s, rtol=0, atol=0) for p, s in zip(now, start)):
            ladder.fail(
                f"the weights did not change ({case})",
                "update the arrays in place: for W, g in zip(network.parameters(), "
                "network.gradients()): W -= learning_rate * g",
            )
        for i, (p, r, s, g) in enumerate(zip(now, right, start, grads)):
            name = ["W", "b"][i % 2] + str(i // 2)
            ladder.values(
                p,
                r,
                case=case,
                what=f"parameter {name}",
                mistakes=[
                    (s + learning_rate * g, "step against the gradient: w -= learning_rate * grad (a minus)"),
                    (s - g, "multiply the gradient by the learning rate: w -= learning_rate * grad"),
                ],
            )
        ladder.values(
            got_loss,
            np.array(loss_before),
            case=case,
            what="the returned loss",
            mistakes=[
                (loss_after_right, "return the loss computed in the forward pass, before the update"),
            ],
        )
    ladder.no_warnings()
    ladder.passed()
