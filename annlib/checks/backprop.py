"""Checks for exercise 06, backpropagation (lesson 06): a dense layer's backward pass, the sigmoid
layer's delta, a finite-difference gradient, one full training iteration, the whole backward pass of a
network of any depth (the from-scratch track's `backward`), and a gradient check of that backward pass."""

import numpy as np

from annlib import gradcheck as _gradcheck
from annlib import scratch
from annlib import training as _training
from annlib.activations import Activation as _Activation
from annlib.activations import sigmoid as _sigmoid
from annlib.activations import sigmoid_derivative as _sigmoid_derivative
from annlib.checks._core import Ladder, check, copy_args, fmt, rng_for, same, substitute
from annlib.layers import Dense
from annlib.losses import MSE
from annlib.network import Network
from annlib.optimizers import SGD

BACKWARD_TWINS = [
    ("scratch.backward", scratch.backward),
    ("Network.backward", Network.backward),
    ("Dense.backward", Dense.backward),
]

_mse = MSE()


@check
def check_dense_backward(dense_backward, *, seed=0):
    """dense_backward(X, W, grad_z) -> (grad_W, grad_b, grad_X) for z = X @ W + b."""
    ladder = Ladder(
        "dense_backward",
        dense_backward,
        error_hint="grad_W = X.T @ grad_z, grad_b = grad_z.sum(axis=0), grad_X = grad_z @ W.T",
        twins=BACKWARD_TWINS,
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
    ladder = Ladder(
        "sigmoid_delta",
        sigmoid_delta,
        twins=[("activations.sigmoid_derivative", _sigmoid_derivative), ("Activation.backward", _Activation.backward)],
    )
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
        twins=[
            ("gradcheck.numerical_gradient", _gradcheck.numerical_gradient),
            ("gradient_check", _gradcheck.gradient_check),
        ],
    )
    rng = rng_for(seed, 43)
    eps = 1e-3  # large enough that a one-sided difference (error ~ eps) stands out from the central one
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
        twins=[("training.train_step", _training.train_step), ("fit", _training.fit), ("optimizers.SGD", SGD)],
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


# --- The whole backward pass: backward(params, caches, delta_output) --------------------------------------


def _slope(name, Z):
    function, derivative = scratch.ACTIVATIONS[name]
    return derivative(Z, function(Z))


def _backward_variant(params, caches, delta_output, mistake=None):
    """scratch.backward, or the same with one likely mistake made (for naming it)."""
    n, layers = delta_output.shape[0], len(params)
    grads = [None] * layers
    delta = delta_output
    if mistake == "output_slope":
        delta = delta * _slope(caches[-1][2], caches[-1][1])
    for layer in range(layers) if mistake == "order" else reversed(range(layers)):
        W, _ = params[layer]
        A_prev, Z, name = caches[layer]
        left = scratch.ACTIVATIONS[name][0](Z) if mistake == "A" else A_prev
        grad_W = delta.T @ left if mistake == "grad_W_T" else left.T @ delta
        grad_b = delta.sum(axis=1) if mistake == "b_axis" else delta.sum(axis=0)
        if mistake == "b_mean":
            grad_b = delta.mean(axis=0)
        if mistake == "mean_twice":
            grad_W, grad_b = grad_W / n, grad_b / n
        grads[layer] = (grad_W, grad_b)
        if layer == 0 or mistake == "same_delta":
            continue
        back = delta @ W if mistake == "W" else delta @ W.T
        _, Z_prev, name_prev = caches[layer - 1]
        if mistake == "no_slope":
            delta = back
        elif mistake == "this_layer":
            delta = back * _slope(name, Z)
        elif mistake == "slope_at_A":
            delta = back * _slope(name_prev, A_prev)
        else:
            delta = back * _slope(name_prev, Z_prev)
    return grads[::-1] if mistake == "reversed" else grads


_BACKWARD_MISTAKES = [
    ("no_slope", "a factor of the chain rule is missing: multiply delta @ W.T by the slope f'(Z) of the layer before"),
    (
        "this_layer",
        "the slope belongs to the layer before: multiply delta @ W.T by f'(Z) from caches[layer - 1], "
        "not from this layer's cache",
    ),
    ("slope_at_A", "take the slope at the layer's weighted sums Z (from its cache), not at its output A"),
    ("W", "go back through W transposed: delta @ W.T has the shape of the layer's input"),
    ("grad_W_T", "grad_W has W's shape (n_inputs, n_outputs): A_prev.T @ delta, not its transpose"),
    ("A", "grad_W multiplies the layer's input A_prev (from its cache), not its output f(Z)"),
    (
        "mean_twice",
        "the mean is taken twice: delta_output already carries the cost's 1/n; sum over the batch, no dividing by n",
    ),
    ("b_mean", "grad_b sums delta over the batch (axis=0); delta_output already carries the 1/n, so no mean"),
    ("b_axis", "grad_b sums over the examples (axis=0), one value per neuron, not over each example's neurons"),
    ("same_delta", "each layer needs its own delta: pass delta @ W.T (times f'(Z)) back to the layer before"),
    (
        "output_slope",
        "delta_output is already dC/dZ of the output layer: use it as it is, without the output activation's slope",
    ),
    ("order", "visit the layers from the last to the first: delta_output belongs to the output layer"),
    ("reversed", "return the gradients in the order of params, first layer first"),
]


def _backward_case(rng, sizes, activations, kind, n):
    params = [(W, rng.normal(scale=0.5, size=b.shape)) for W, b in scratch.initialize(sizes, rng)]
    X = rng.normal(size=(n, sizes[0]))
    Y_hat, caches = scratch.forward(params, X, activations)
    if kind is None:  # an output that no cost pairs with: some dC/dZ, carrying the 1/n of a mean
        delta = rng.normal(size=Y_hat.shape) / n
    elif kind == "cross_entropy":
        delta = scratch.output_delta(Y_hat, np.eye(sizes[-1])[rng.integers(sizes[-1], size=n)], kind)
    else:
        delta = scratch.output_delta(Y_hat, rng.normal(size=Y_hat.shape), kind)
    return params, caches, delta


def _grads_match(got, want):
    return len(got) == len(want) and all(
        same(gW, np.asarray(wW, dtype=float)) and same(gb, np.asarray(wb, dtype=float))
        for (gW, gb), (wW, wb) in zip(got, want)
    )


def _grad_pairs(ladder, result, params, case):
    """The learner's result as a list of (grad_W, grad_b) float arrays, after the type and shape rungs."""
    layers = len(params)
    if result is None:
        ladder.fail("returned None", "did you forget `return`?")
    if not isinstance(result, (list, tuple)):
        ladder.fail(
            f"returned a {type(result).__name__}, expected a list of (grad_W, grad_b) pairs",
            "return a list with one (grad_W, grad_b) per layer, in the order of params",
        )
    if len(result) != layers:
        ladder.fail(
            f"returned {len(result)} pairs for {case}, expected {layers}",
            "one (grad_W, grad_b) per layer, every layer down to the first",
        )
    pairs = []
    for layer, item in enumerate(result):
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            ladder.fail(
                f"item {layer} of the result is not a pair (grad_W, grad_b)", "each item is a tuple (grad_W, grad_b)"
            )
        pairs.append(item)
    shapes = [(np.shape(gW), np.shape(gb)) for gW, gb in pairs]
    wanted = [(W.shape, b.shape) for W, b in params]
    if shapes != wanted and shapes == wanted[::-1]:
        ladder.fail(
            f"the gradients come last layer first for {case}",
            "return the gradients in the order of params, first layer first",
        )
    grads = []
    for layer, ((gW, gb), (W, b)) in enumerate(zip(pairs, params)):
        where = f"grad_W of layer {layer + 1} (of {layers})"
        grad_W = ladder.array(
            gW,
            what=where,
            shape=W.shape,
            shape_hint=(
                "grad_W has W's shape (n_inputs, n_outputs): A_prev.T @ delta, not its transpose"
                if np.shape(gW) == W.T.shape
                else "grad_W has W's shape (n_inputs, n_outputs): A_prev.T @ delta"
            ),
        )
        grad_b = ladder.array(
            gb,
            what=f"grad_b of layer {layer + 1} (of {layers})",
            shape=b.shape,
            shape_hint=(
                "grad_b sums over the examples (axis=0), one value per neuron"
                if np.ndim(gb) == 1
                else "grad_b is a flat array, one value per neuron: delta summed over the batch (axis=0)"
            ),
        )
        grads.append((grad_W, grad_b))
    return grads


@check
def check_backward(backward, *, seed=0):
    """backward(params, caches, delta_output) -> [(grad_W, grad_b), ...] in params' order, any depth."""
    ladder = Ladder(
        "backward",
        backward,
        error_hint=(
            "check each product's shapes: A_prev.T @ delta has W's shape, delta @ W.T the shape of A_prev; "
            "the slope f'(Z) is the layer before's, from caches[layer - 1]"
        ),
        twins=BACKWARD_TWINS,
    )
    rng = rng_for(seed, 61)
    cases = [
        ([3, 3, 3, 3], ["tanh", "sigmoid", "tanh"], None, 3),  # square: every slip changes values, not shapes
        ([4, 2], ["identity"], "mse", 5),
        ([3, 5, 2], ["relu", "softmax"], "cross_entropy", 4),
        ([2, 6, 4, 5, 3], ["tanh", "relu", "sigmoid", "softmax"], "cross_entropy", 6),
        ([4, 3, 3, 1], ["sigmoid", "tanh", "identity"], "mse", 5),
    ]
    for sizes, activations, kind, n in cases:
        params, caches, delta = _backward_case(rng, sizes, activations, kind, n)
        # copies of the arrays inside the lists too, to see any change made in place
        args = (
            [(W.copy(), b.copy()) for W, b in params],
            [(A.copy(), Z.copy(), f) for A, Z, f in caches],
            delta.copy(),
        )
        case = f"a {'-'.join(map(str, sizes))} network ({', '.join(activations)})"
        grads = _grad_pairs(ladder, ladder.call(*args), params, case)
        want = scratch.backward(params, caches, delta)
        if not _grads_match(grads, want):
            for mistake, hint in _BACKWARD_MISTAKES:
                try:
                    wrong = _backward_variant(params, caches, delta, mistake)
                except (ValueError, TypeError):  # this mistake cannot run on this network
                    continue
                if _grads_match(grads, wrong):
                    ladder.fail(_backward_message(grads, want, case), hint)
            if len(params) > 1 and same(grads[0][0], caches[0][0].T @ delta):
                ladder.fail(_backward_message(grads, want, case), _BACKWARD_MISTAKES[-2][1])
            last_right = same(grads[-1][0], want[-1][0]) and same(grads[-1][1], want[-1][1])
            hint = (
                "the output layer is right, the layers before are not: check what goes back, "
                "delta @ W.T times f'(Z) of the layer before"
                if last_right
                else None
            )
            ladder.fail(_backward_message(grads, want, case), hint or ladder._warning_hint())
        for (W, b), (W_after, b_after) in zip(params, args[0]):
            ladder.unchanged(W, W_after, "W")
            ladder.unchanged(b, b_after, "b")
        for (A, Z, _), (A_after, Z_after, _) in zip(caches, args[1]):
            ladder.unchanged(A, A_after, "A_prev (in caches)")
            ladder.unchanged(Z, Z_after, "Z (in caches)")
        ladder.unchanged(delta, args[2], "delta_output")
    ladder.no_warnings()
    ladder.passed(f"right for {len(cases)} networks of 1 to 4 layers")


def _backward_message(grads, want, case):
    for layer, ((gW, gb), (wW, wb)) in enumerate(zip(grads, want)):
        for got, right, name in ((gW, wW, "grad_W"), (gb, wb, "grad_b")):
            if not same(got, right):
                ladder = Ladder("backward", len)  # only for its message format
                return ladder._value_message(got, right, case, f"{name} of layer {layer + 1} (of {len(grads)})")
    return f"wrong gradients for {case}"


# --- A gradient check of backward: gradient_error(params, X, Y, activations, kind) -------------------------


def _norm(a):
    return float(np.sqrt(np.sum(np.square(a))))


def _numeric_grads(params, X, Y, activations, kind):
    work = [(W.copy(), b.copy()) for W, b in params]

    def cost():
        return scratch.cost(scratch.forward(work, X, activations)[0], Y, kind)

    return [(_gradcheck.numerical_gradient(cost, W), _gradcheck.numerical_gradient(cost, b)) for W, b in work]


def _error_measures(analytic, numeric):
    """The relative error gradient_error must return, and what the likely mistakes return instead."""
    pairs = [
        (a, m, which) for (aW, ab), (mW, mb) in zip(analytic, numeric) for a, m, which in ((aW, mW, "W"), (ab, mb, "b"))
    ]
    relatives = [_gradcheck.relative_error(a, m) for a, m, _ in pairs]
    flat_a = np.concatenate([a.ravel() for a, _, _ in pairs])
    flat_m = np.concatenate([m.ravel() for _, m, _ in pairs])

    def elementwise(a, m):
        scale = np.abs(a) + np.abs(m)
        return float(np.max(np.where(scale > 0, np.abs(a - m) / np.where(scale > 0, scale, 1), 0)))

    right = max(relatives)
    mistakes = [
        (max(r for r, (_, _, w) in zip(relatives, pairs) if w == "W"), "only_W"),
        (max(_norm(a - m) for a, m, _ in pairs), "absolute"),
        (max(float(np.max(np.abs(a - m))) for a, m, _ in pairs), "absolute"),
        (max(elementwise(a, m) for a, m, _ in pairs), "elementwise"),
        (max(_norm(a - m) / max(_norm(m), 1e-300) for a, m, _ in pairs), "denominator"),
        (max(_norm(a - m) / max(_norm(a), 1e-300) for a, m, _ in pairs), "denominator"),
        (max(_norm(a - m) / max(_norm(a), _norm(m), 1e-300) for a, m, _ in pairs), "denominator"),
        (min(relatives), "smallest"),
        (sum(relatives), "sum"),
        (float(np.mean(relatives)), "sum"),
        (_gradcheck.relative_error(flat_a, flat_m), "global"),
    ]
    return right, mistakes


_ERROR_HINTS = {
    "forward": "each weight is nudged one way only (w + eps): a forward difference, error ~ eps; nudge it both ways, "
    "(C(w + eps) - C(w - eps)) / (2 eps)",
    "restore": "put each nudged weight back before nudging the next: the later differences saw the earlier nudges",
    "only_W": "check every b too: a bug in backward's grad_b goes unseen when only the W's are compared",
    "absolute": "that is an absolute difference, which depends on how large the gradients are; divide by their size: "
    "||a - b|| / (||a|| + ||b||)",
    "elementwise": "use norms over each whole array, ||a - b|| / (||a|| + ||b||), not entry by entry: an entry near 0 "
    "in both makes its own ratio meaningless",
    "denominator": "a relative difference, but divide by the sum of both norms: ||a - b|| / (||a|| + ||b||)",
    "sum": "return the largest of the arrays' relative differences, not their sum or mean",
    "smallest": "return the largest of the arrays' relative differences: one wrong array is enough to fail",
    "global": "one relative difference per array (each W and each b on its own), then the largest of them",
}


class _ForwardSpy:
    """scratch.forward, noting which entries of params each call sees moved from their values at the start."""

    def __init__(self, originals):
        self.originals = originals
        self.up, self.down = set(), set()
        self.several = False

    def __call__(self, params, X, activations):
        moved = []
        try:
            for layer, (pair, start) in enumerate(zip(params, self.originals)):
                for which, (array, original) in enumerate(zip(pair, start)):
                    difference = np.asarray(array, dtype=float) - original
                    moved += [((layer, which, i), difference.flat[i]) for i in np.flatnonzero(difference)]
        except (TypeError, ValueError):  # params of another shape: forward will say so
            pass
        self.several |= len(moved) > 1
        for key, step in moved:
            (self.up if step > 0 else self.down).add(key)
        return scratch.forward(params, X, activations)


def _gradient_error_case(rng, sizes, activations, kind, n):
    params = [(W, rng.normal(scale=0.5, size=b.shape)) for W, b in scratch.initialize(sizes, rng)]
    X = rng.normal(size=(n, sizes[0]))
    Y = (
        np.eye(sizes[-1])[rng.integers(sizes[-1], size=n)]
        if kind == "cross_entropy"
        else rng.normal(size=(n, sizes[-1]))
    )
    return params, X, Y


def _wrong_backward(mistake):
    def backward(params, caches, delta_output):
        return _backward_variant(params, caches, delta_output, mistake)

    return backward


@check
def check_gradient_error(gradient_error, *, seed=0):
    """gradient_error(params, X, Y, activations, kind) -> the largest relative difference, over every W and b,
    between backward's gradients and central differences of the cost. Graded alone: it runs with the course's
    forward, cost, output_delta, numerical_gradient and backward, then with a backward that has a bug."""
    ladder = Ladder(
        "gradient_error",
        gradient_error,
        error_hint="forward, then backward for its gradients; then central differences of cost for each W and b",
        twins=[
            ("gradient_check", _gradcheck.gradient_check),
            ("gradcheck.numerical_gradient", _gradcheck.numerical_gradient),
            ("gradcheck.relative_error", _gradcheck.relative_error),
        ],
    )
    rng = rng_for(seed, 62)
    cases = [
        ([3, 4, 2], ["tanh", "softmax"], "cross_entropy", 5),
        ([2, 3, 3, 1], ["sigmoid", "tanh", "identity"], "mse", 4),
    ]
    backwards = [
        (scratch.backward, "the course's backward"),
        (_wrong_backward("no_slope"), "a backward missing the activations' slopes"),
        (_wrong_backward("b_mean"), "a backward whose grad_b is a mean"),
    ]
    for sizes, activations, kind, n in cases:
        params, X, Y = _gradient_error_case(rng, sizes, activations, kind, n)
        Y_hat, caches = scratch.forward(params, X, activations)
        numeric = _numeric_grads(params, X, Y, activations, kind)
        net = f"a {'-'.join(map(str, sizes))} network ({', '.join(activations)}, {kind})"
        for backward, label in backwards:
            analytic = backward(params, caches, scratch.output_delta(Y_hat, Y, kind))
            right, mistakes = _error_measures(analytic, numeric)
            work = [(W.copy(), b.copy()) for W, b in params]
            spy = _ForwardSpy([(W.copy(), b.copy()) for W, b in params])
            course = {
                "forward": spy,
                "cost": scratch.cost,
                "output_delta": scratch.output_delta,
                "numerical_gradient": _gradcheck.numerical_gradient,
                "backward": backward,
            }
            with substitute(gradient_error, course):
                result = ladder.call(work, X.copy(), Y.copy(), list(activations), kind)
            case = f"{net} with {label}"
            got = ladder.array(
                result, what="the result", scalar=True, shape_hint="return one number: the largest relative difference"
            )
            for (W, b), (W_after, b_after) in zip(params, work):
                if not (
                    same(np.asarray(W_after, dtype=float), W, rtol=0, atol=0)
                    and same(np.asarray(b_after, dtype=float), b, rtol=0, atol=0)
                ):
                    ladder.fail(f"params are not the same after the call ({case})", _ERROR_HINTS["restore"])
            if spy.up and not spy.down:
                ladder.fail(f"wrong differences for {case}", _ERROR_HINTS["forward"])
            if spy.several:
                ladder.fail(f"wrong differences for {case}", _ERROR_HINTS["restore"])
            if spy.up and not any(which == 1 for _, which, _ in spy.up | spy.down):
                ladder.fail(f"the biases b are never nudged ({case})", _ERROR_HINTS["only_W"])
            value = float(got)
            if right < 1e-6:  # a correct backward: any tiny number passes
                if not value < 1e-6 or value < 0:
                    ladder.fail(
                        f"returned {value:.3g} for {case}, whose gradients are right: expected a number far below 1e-6",
                        "compare each W and b with the central differences of the cost: ||a - b|| / (||a|| + ||b||)",
                    )
                continue
            if same(np.array(value), np.array(right), rtol=1e-3, atol=0):
                continue
            message = f"returned {value:.3g} for {case}, expected {right:.3g}"
            if value < 1e-2:
                message = f"missed the bug: returned {value:.3g} for {case}, expected {right:.3g}"
            for wrong, name in mistakes:
                if same(np.array(value), np.array(wrong), rtol=1e-3, atol=0):
                    ladder.fail(message, _ERROR_HINTS[name])
            missed = "compare every W and every b with its estimate, and return the largest relative difference"
            ladder.fail(message, ladder._warning_hint() or (missed if value < 1e-2 else None))
    ladder.no_warnings()
    ladder.passed(f"tiny for a right backward, and catches 2 bugs, on {len(cases)} networks")
