"""Checks for exercise 07, optimizers and training (lesson 07): an SGD step, a momentum step, shuffled
mini-batches, and a network trained on the two moons."""

import numpy as np

from annlib import datasets
from annlib.checks._core import Ladder, check, rng_for, same, trained_network_outputs
from annlib.metrics import accuracy as _accuracy


def _params_and_grads(rng):
    params = [rng.normal(size=(3, 2)), rng.normal(size=2)]
    grads = [rng.normal(size=(3, 2)), rng.normal(size=2)]
    return params, grads


@check
def check_sgd_step(sgd_step, *, seed=0):
    """sgd_step(params, grads, learning_rate): w -= learning_rate * grad for every pair, in place."""
    ladder = Ladder(
        "sgd_step", sgd_step, error_hint="for param, grad in zip(params, grads): param -= learning_rate * grad"
    )
    rng = rng_for(seed, 51)
    for learning_rate in (0.1, 0.5):
        params, grads = _params_and_grads(rng)
        start = [p.copy() for p in params]
        grads_before = [g.copy() for g in grads]
        ladder.call(params, grads, learning_rate)
        case = f"learning rate {learning_rate}"
        for before, after in zip(grads_before, grads):
            ladder.unchanged(before, after, "grads")
        if all(same(p, s, rtol=0, atol=0) for p, s in zip(params, start)):
            ladder.fail(
                f"the parameter arrays did not change ({case})",
                "`param = param - ...` makes a new array and leaves the list's array as it was; "
                "write param -= learning_rate * grad to change it in place",
            )
        for p, s, g in zip(params, start, grads):
            ladder.values(
                p,
                s - learning_rate * g,
                case=case,
                what="parameters after the step",
                mistakes=[
                    (s + learning_rate * g, "step against the gradient, downhill: param -= learning_rate * grad"),
                    (s - g, "scale the step by the learning rate: param -= learning_rate * grad"),
                ],
            )
    ladder.no_warnings()
    ladder.passed()


@check
def check_momentum_step(momentum_step, *, seed=0):
    """momentum_step(params, grads, velocities, learning_rate, momentum): v = momentum v - lr grad; w += v."""
    ladder = Ladder(
        "momentum_step",
        momentum_step,
        error_hint="for w, g, v in zip(params, grads, velocities): v *= momentum; v -= learning_rate * g; w += v",
    )
    rng = rng_for(seed, 52)
    learning_rate, momentum = 0.1, 0.9
    params, _ = _params_and_grads(rng)
    velocities = [np.zeros_like(p) for p in params]
    ref_params = [p.copy() for p in params]
    ref_velocities = [v.copy() for v in velocities]
    for step in (1, 2, 3):
        grads = [rng.normal(size=p.shape) for p in params]
        before = [p.copy() for p in params]
        ladder.call(params, [g.copy() for g in grads], velocities, learning_rate, momentum)
        plain_sgd = [b - learning_rate * g for b, g in zip(before, grads)]
        for v, p, g in zip(ref_velocities, ref_params, grads):
            v *= momentum
            v -= learning_rate * g
            p += v
        case = f"step {step} (learning rate {learning_rate}, momentum {momentum})"
        for v, ref in zip(velocities, ref_velocities):
            if same(v, np.zeros_like(v), rtol=0, atol=0):
                ladder.fail(
                    f"the velocities are still zero after {case}",
                    "update each velocity in place (v *= momentum; v -= learning_rate * g), "
                    "so the next step remembers it",
                )
            ladder.values(
                v,
                ref,
                case=case,
                what="velocities",
                mistakes=[
                    (-ref, "the sign convention here: v = momentum * v - learning_rate * grad, then w += v"),
                ],
            )
        for p, ref, sgd in zip(params, ref_params, plain_sgd):
            ladder.values(
                p,
                ref,
                case=case,
                what="parameters",
                mistakes=[
                    (sgd, "that is a plain SGD step: add the velocity, w += v, after updating v"),
                ],
            )
    ladder.no_warnings()
    ladder.passed()


def _collect_batches(ladder, minibatches, X, y, batch_size, seed):
    result = ladder.call(X, y, batch_size, np.random.default_rng(seed))
    try:
        batches = list(result)
    except TypeError:
        ladder.fail(
            f"returned a {type(result).__name__}, expected batches to loop over",
            "yield X_batch, y_batch inside the loop (or return a list of pairs)",
        )
    pairs = []
    for item in batches:
        if not isinstance(item, (tuple, list)) or len(item) != 2:
            ladder.fail("each batch must be a pair (X_batch, y_batch)", "yield X[batch], y[batch]")
        pairs.append((ladder.array(item[0], what="X_batch"), ladder.array(item[1], what="y_batch")))
    return pairs


@check
def check_minibatches(minibatches, *, seed=0):
    """minibatches(X, y, batch_size, rng) -> (X_batch, y_batch) pairs: shuffled, every example once."""
    ladder = Ladder(
        "minibatches",
        minibatches,
        error_hint="order = rng.permutation(len(X)); for start in range(0, len(X), batch_size): ...",
    )
    n, batch_size = 23, 5
    y = np.arange(n, dtype=float)
    X = np.column_stack([y * 2, y * 2 + 1])  # row i holds 2i and 2i + 1, so a row tells its label
    X_before, y_before = X.copy(), y.copy()
    pairs = _collect_batches(ladder, minibatches, X, y, batch_size, seed)
    ladder.unchanged(X_before, X, "X")
    ladder.unchanged(y_before, y, "y")
    sizes = [len(b) for b, _ in pairs]
    expected_sizes = [5, 5, 5, 5, 3]
    seen = np.concatenate([yb.reshape(-1) for _, yb in pairs]) if pairs else np.zeros(0)
    if sizes and sum(sizes) == 20 and sizes == [5, 5, 5, 5]:
        ladder.fail(
            "the last 3 examples are missing (23 examples, batch_size 5)",
            "keep the smaller last batch: for start in range(0, n, batch_size)",
        )
    if sorted(seen.tolist()) != y.tolist():
        repeated = len(set(seen.tolist())) < len(seen)
        ladder.fail(
            f"the batches hold {len(seen)} examples, not each of the {n} examples exactly once",
            "draw a permutation (rng.permutation(n)); rng.choice or rng.integers repeats some examples"
            if repeated
            else "slice the shuffled order in steps of batch_size",
        )
    if sizes != expected_sizes:
        ladder.fail(f"batch sizes {sizes}, expected {expected_sizes}", "slice order[start:start + batch_size]")
    for Xb, yb in pairs:
        if Xb.shape != (len(yb), 2) or not same(Xb[:, 0], 2 * yb.reshape(-1), rtol=0, atol=0):
            ladder.fail(
                "X_batch and y_batch no longer match row by row",
                "shuffle once and index both with the same order: X[batch], y[batch]",
            )
    if same(seen, y, rtol=0, atol=0):
        ladder.fail(
            "the examples come in their original order",
            "shuffle with the rng you are given: order = rng.permutation(len(X))",
        )
    again = _collect_batches(ladder, minibatches, X, y, batch_size, seed)
    if len(again) != len(pairs) or not all(same(a[1], b[1], rtol=0, atol=0) for a, b in zip(again, pairs)):
        ladder.fail(
            "the same rng seed gave a different order",
            "use the rng argument (rng.permutation), not np.random or a new default_rng()",
        )
    ladder.passed(f"{n} examples in batches of {sizes}, shuffled, X and y paired")


@check
def check_moons_classifier(train_moons_classifier, *, seed=0):
    """train_moons_classifier(X, y) -> a Network trained on the moons; >= 90% accuracy on new moons."""
    ladder = Ladder(
        "train_moons_classifier",
        train_moons_classifier,
        error_hint="build Network.from_sizes([2, ..., 1], ...) and train it with fit(...)",
    )
    X, y = datasets.moons(300, noise=0.15, rng=seed)
    X_test, y_test = datasets.moons(300, noise=0.15, rng=seed + 1000)
    network = ladder.call(X.copy(), y.copy())
    output = trained_network_outputs(ladder, network, X_test, shape=(len(X_test), 1), where="on new points")
    score = _accuracy(output, y_test)
    if score < 0.9:
        if score < 0.6:
            hint = "about chance level: is the network trained (fit) and is the output a sigmoid?"
        elif score < 0.88:
            hint = (
                "a straight line reaches about 85% on the moons: give the network a hidden layer "
                "with a nonlinear activation (e.g. 16 tanh neurons) and train longer"
            )
        else:
            hint = "nearly there: train for more epochs or with a larger learning rate"
        ladder.fail(f"accuracy {score:.1%} on 300 new moon points, expected at least 90%", hint)
    ladder.passed(f"{score:.1%} accuracy on 300 new moon points (90% needed)")
