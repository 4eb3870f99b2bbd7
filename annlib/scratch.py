"""A network in plain functions and arrays: the from-scratch track of exercises 03 to 08.

`Network` and `Dense` (lessons 03 and 06) keep a network's state in objects. This module does the same
work with nothing but lists and numpy arrays, one function per step, the way the exercises ask a learner
to write it. Each function is the fallback an exercise offers when a learner could not finish that part,
so that they can go on to the next one; the exercise still grades only the learner's own version.

    params       [(W1, b1), (W2, b2), ...]        W: (n_inputs, n_outputs), b: (n_outputs,)
    activations  ["tanh", "tanh", "softmax"]      one name per layer, from ACTIVATIONS
    caches       [(A_prev, Z, activation), ...]   what each layer's forward pass saw, for its backward pass
    grads        [(grad_W1, grad_b1), ...]        dC/dW and dC/db, the shapes of params

The whole of training, step by step (exercise of each step in brackets):

    params = initialize([64, 32, 10], rng)                  # (03) small random weights, zero biases
    Y_hat, caches = forward(params, X, ["tanh", "softmax"])  # (03) keep what backward needs
    C = cost(Y_hat, Y, "cross_entropy")                      # (04) one number
    delta = output_delta(Y_hat, Y, "cross_entropy")          # (04, 05) dC/dZ of the output layer
    grads = backward(params, caches, delta)                  # (06) the delta recursion, last layer first
    params = update(params, grads, learning_rate=0.5)        # (07) one step of gradient descent
    params, history = train(params, X, Y, ["tanh", "softmax"], "cross_entropy", rng=rng)  # (07)

The output layer's activation is paired with its cost so that the output layer's delta is simply the
error: identity with "mse", softmax with "cross_entropy" (lesson 04; lesson 05 derives the softmax one).
"""

import numpy as np

from annlib.activations import ACTIVATIONS as _TABLE
from annlib.losses import LOSSES

# name -> (f, f'), read from annlib.activations' table: f' takes (Z, A) and serves hidden layers only;
# softmax ends a network, where output_delta gives its delta directly, so its f' here is None.
ACTIVATIONS = {
    name: (row.function, row.derivative if row.elementwise else None)
    for name, row in _TABLE.items()
    if row.from_scratch
}

COSTS = ("mse", "cross_entropy")
# The costs are annlib.losses' definitions (the same formulas, the same clipping), used on plain arrays.
_LOSSES = {kind: LOSSES[kind]() for kind in COSTS}


def _activation(name, caller):
    if name not in ACTIVATIONS:
        names = ", ".join(repr(n) for n in ACTIVATIONS)
        raise ValueError(f"{caller}: unknown activation {name!r}; choose one of {names}")
    return ACTIVATIONS[name]


def _cost_kind(kind, caller):
    if kind not in COSTS:
        raise ValueError(f"{caller}: kind must be 'mse' or 'cross_entropy', got {kind!r}")


def initialize(sizes, rng):
    """Weights and biases for a dense network with these layer sizes, e.g. [3, 4, 4, 1].

    Each W is drawn from a normal distribution with standard deviation sqrt(1 / n_inputs), so that a
    layer's weighted sums have about the spread of its inputs: all zeros would make every neuron of a
    layer the same (they would get the same gradient and stay the same), much larger weights saturate
    sigmoid and tanh (their slope, and with it the gradient, goes to 0), much smaller ones shrink the
    signal layer after layer until it vanishes. Biases start at 0. rng: a np.random.Generator.
    """
    sizes = [int(n) for n in sizes]
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"initialize: sizes must be at least two positive layer sizes, got {sizes}")
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"initialize: rng must be a np.random.Generator, got {type(rng).__name__}")
    params = []
    for n_inputs, n_outputs in zip(sizes, sizes[1:]):
        W = rng.normal(0.0, np.sqrt(1.0 / n_inputs), size=(n_inputs, n_outputs))
        params.append((W, np.zeros(n_outputs)))
    return params


def forward(params, X, activations):
    """The network's output for X, and each layer's cache (A_prev, Z, activation) for the backward pass.

    X: (n_samples, n_inputs); activations: one name per layer. Returns (A, caches), A the last layer's
    output (n_samples, n_outputs) and caches a list with one tuple per layer, first layer first.
    """
    if len(activations) != len(params):
        raise ValueError(f"forward: {len(params)} layers but {len(activations)} activations; give one per layer")
    A = np.asarray(X, dtype=float)
    caches = []
    for (W, b), name in zip(params, activations):
        function, _ = _activation(name, "forward")
        if A.ndim != 2 or A.shape[1] != W.shape[0]:
            raise ValueError(f"forward: a layer's input has shape {A.shape}, expected (any, {W.shape[0]})")
        Z = A @ W + b  # (n_samples, n_inputs) @ (n_inputs, n_outputs) -> (n_samples, n_outputs)
        caches.append((A, Z, name))
        A = function(Z)
    return A, caches


def cost(Y_hat, Y, kind):
    """The cost of predictions Y_hat for targets Y, one number.

    "mse": the mean of (Y_hat - Y)**2 over every element. "cross_entropy": the mean over samples of
    -sum_k Y_k log Y_hat_k, for one-hot rows Y and probability rows Y_hat (clipped away from 0).
    """
    _cost_kind(kind, "cost")
    return float(_LOSSES[kind].value(Y_hat, Y))


def cost_gradient(Y_hat, Y, kind):
    """dC/dY_hat, the cost's gradient at the network's output: the shape of Y_hat.

    "mse": 2 (Y_hat - Y) / Y_hat.size. "cross_entropy": -Y / Y_hat / n_samples.
    """
    _cost_kind(kind, "cost_gradient")
    return _LOSSES[kind].gradient_at_output(Y_hat, Y)


def output_delta(Y_hat, Y, kind):
    """dC/dZ of the output layer, for the output activation paired with the cost.

    "mse" with an identity output: dC/dZ = dC/dY_hat = 2 (Y_hat - Y) / Y_hat.size.
    "cross_entropy" with a softmax output: dC/dZ = (Y_hat - Y) / n_samples; the softmax's Jacobian
    times -Y / Y_hat leaves just the error (lesson 05 derives it).
    """
    _cost_kind(kind, "output_delta")
    return _LOSSES[kind].gradient_at_z(Y_hat, Y)


def backward(params, caches, delta_output):
    """The gradients (grad_W, grad_b) of every layer, from the output layer's delta dC/dZ.

    Last layer first: a layer with delta = dC/dZ gets grad_W = A_prev.T @ delta and grad_b = delta summed
    over the batch, and passes delta @ W.T back to the layer before, which multiplies it by its own
    activation's slope f'(Z) to get its delta. delta_output already carries the cost's 1/n, so nothing
    here takes a mean. Returns a list in the order of params.
    """
    if len(caches) != len(params):
        raise ValueError(f"backward: {len(params)} layers but {len(caches)} caches; pass forward's caches")
    grads = [None] * len(params)
    delta = delta_output
    for layer in reversed(range(len(params))):
        W, _ = params[layer]
        A_prev, _, _ = caches[layer]
        grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))  # (n_inputs, n_outputs), (n_outputs,)
        if layer > 0:
            grad_A_prev = delta @ W.T  # (n_samples, n_outputs) @ (n_outputs, n_inputs)
            _, Z_prev, name = caches[layer - 1]
            _, derivative = _activation(name, "backward")
            if derivative is None:
                raise ValueError(f"backward: {name} ends a network; a hidden layer cannot use it")
            delta = grad_A_prev * derivative(Z_prev, ACTIVATIONS[name][0](Z_prev))
    return grads


def update(params, grads, learning_rate):
    """One step of gradient descent: new (W - learning_rate * grad_W, b - learning_rate * grad_b) pairs.

    Returns new arrays and leaves params as they were.
    """
    if len(grads) != len(params):
        raise ValueError(f"update: {len(params)} layers but {len(grads)} gradients")
    return [(W - learning_rate * gW, b - learning_rate * gb) for (W, b), (gW, gb) in zip(params, grads)]


def train(
    params,
    X,
    Y,
    activations,
    kind,
    *,
    learning_rate=0.1,
    epochs=100,
    batch_size=32,
    rng,
    target_cost=None,
    patience=None,
):
    """Mini-batch gradient descent: returns (params, history), history the cost on (X, Y) after each epoch.

    Each epoch visits the examples in a new random order (from rng) in batches of batch_size and takes
    one update per batch. Training stops early when the epoch's cost is at most target_cost, or when it
    has not improved on the best so far for `patience` epochs in a row. A cost that stops being finite
    (the learning rate too large) raises FloatingPointError with the epoch.
    """
    n = len(X)
    history = []
    best, since_best = np.inf, 0
    for epoch in range(epochs):
        order = rng.permutation(n)
        with np.errstate(over="ignore", invalid="ignore"):  # a diverging run is reported below instead
            for start in range(0, n, batch_size):
                batch = order[start : start + batch_size]
                Y_hat, caches = forward(params, X[batch], activations)
                grads = backward(params, caches, output_delta(Y_hat, Y[batch], kind))
                params = update(params, grads, learning_rate)
            epoch_cost = cost(forward(params, X, activations)[0], Y, kind)
        if not np.isfinite(epoch_cost):
            raise FloatingPointError(
                f"train: the cost became {epoch_cost} in epoch {epoch + 1}; "
                f"learning_rate={learning_rate} is too large, try a smaller one"
            )
        history.append(epoch_cost)
        if target_cost is not None and epoch_cost <= target_cost:
            break
        if epoch_cost < best:
            best, since_best = epoch_cost, 0
        else:
            since_best += 1
            if patience is not None and since_best >= patience:
                break
    return params, history


def predict_classes(params, X, activations):
    """The most probable class of each row of X: forward's output, argmax over the outputs."""
    return np.argmax(forward(params, X, activations)[0], axis=1)
