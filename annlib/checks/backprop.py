"""Checks for exercise 06, backpropagation (lesson 06): a dense layer's backward pass, the sigmoid
layer's delta, a finite-difference gradient, one full training iteration, the whole backward pass of a
network of any depth (the from-scratch track's `backward`), and a gradient check of that backward pass.

Each part's known mistakes are its catalogue (a list of `Mistake`): a wrong implementation written as a
learner writes it, and the hint that names it. A check names a mistake only when it gives exactly what
the learner's answer gave, on every case the check ran.
"""

import numpy as np

from annlib import gradcheck as _gradcheck
from annlib import scratch
from annlib import training as _training
from annlib.activations import Activation as _Activation
from annlib.activations import sigmoid as _sigmoid
from annlib.activations import sigmoid_derivative as _sigmoid_derivative
from annlib.checks._core import (
    Case,
    CheckFailed,
    Mistake,
    Part,
    changed_arguments,
    changed_inputs,
    check,
    fmt,
    rng_for,
    same,
)
from annlib.layers import Dense
from annlib.losses import MSE
from annlib.network import Network
from annlib.optimizers import SGD

BACKWARD_TWINS = [
    ("scratch.backward", scratch.backward),
    ("Network.backward", Network.backward),
    ("Dense.backward", Dense.backward),
]

# Restoring a nudged entry by `+= eps; -= 2 * eps; += eps` leaves a few units in the last place: that is
# restored. A value left nudged is off by eps (1e-6 or more).
_RESTORED = dict(rtol=1e-12, atol=1e-15)


def _restored(after, before):
    return same(np.asarray(after, dtype=np.float64), before, **_RESTORED)


def _any_of(*wrongs):
    """explains: one of these wrong implementations gives every outcome the learner's answer gave."""
    return lambda part: any(part.explained_by(wrong) for wrong in wrongs)


# --- Part 1: dense_backward(X, W, grad_z) -> (X.T @ grad_z, grad_z summed over rows, grad_z @ W.T) ----------


def _dense_backward(X, W, grad_z):
    return X.T @ grad_z, grad_z.sum(axis=0), grad_z @ W.T


def _over_n(part):
    """Every case: each array right or divided by n; and at least one divided where n > 1."""
    divided = False
    for case, outcome, want in part.results():
        n = len(case.args[0])
        got = [np.asarray(g, dtype=float) for g in outcome.result]
        ok = [same(g, w) for g, w in zip(got, want.result)]
        over = [same(g, np.asarray(w) / n) for g, w in zip(got, want.result)]
        if len(got) != 3 or not all(a or b for a, b in zip(ok, over)):
            return False
        divided |= any(b and not a for a, b in zip(ok, over))
    return divided


DENSE_BACKWARD_MISTAKES = [
    Mistake(
        "grad_W_transposed",
        "grad_W has W's shape (n_inputs, n_outputs): X.T @ grad_z, not its transpose",
        lambda X, W, gz: (gz.T @ X, gz.sum(axis=0), gz @ W.T),
    ),
    Mistake(
        "mean_over_batch",
        "grad_z already carries the 1/n of the mean loss: sum over the batch, no dividing by n",
        explains=_over_n,
        example=lambda X, W, gz: (X.T @ gz / len(X), gz.sum(axis=0), gz @ W.T),
    ),
    Mistake(
        "grad_b_wrong_axis",
        "grad_b sums over the examples (axis=0), one value per neuron",
        lambda X, W, gz: (X.T @ gz, gz.sum(axis=1), gz @ W.T),
    ),
    Mistake(
        "grad_b_total",
        "one gradient per bias: sum grad_z over the batch only, grad_z.sum(axis=0), not over everything",
        lambda X, W, gz: (X.T @ gz, np.sum(gz), gz @ W.T),
    ),
    Mistake(
        "grad_b_not_summed",
        "each bias acts on every example: add grad_z up over the batch, grad_z.sum(axis=0)",
        lambda X, W, gz: (X.T @ gz, gz, gz @ W.T),
    ),
    Mistake(
        "grad_b_keepdims",
        "grad_b is a flat array of shape (n_outputs,), like b: leave out keepdims=True",
        lambda X, W, gz: (X.T @ gz, gz.sum(axis=0, keepdims=True), gz @ W.T),
    ),
    Mistake(
        "mean_and_keepdims",
        "two slips of a course with examples in columns: grad_z already carries the 1/n of the mean loss (sum, no "
        "1/m), and grad_b is flat like b, grad_z.sum(axis=0) without keepdims=True",
        lambda X, W, gz: (X.T @ gz / len(X), gz.sum(axis=0, keepdims=True) / len(X), gz @ W.T),
    ),
    Mistake(
        "grad_X_not_transposed",
        "go back through W transposed: grad_X = grad_z @ W.T",
        lambda X, W, gz: (X.T @ gz, gz.sum(axis=0), gz @ W),
    ),
    Mistake(
        "grad_X_transposed",
        "grad_X has X's shape (n_samples, n_inputs): grad_z @ W.T, not W @ grad_z.T",
        lambda X, W, gz: (X.T @ gz, gz.sum(axis=0), W @ gz.T),
    ),
    Mistake(
        "order",
        "return the three in the order (grad_W, grad_b, grad_X)",
        lambda X, W, gz: (X.T @ gz, gz @ W.T, gz.sum(axis=0)),
    ),
    Mistake(
        "dx_dw_db_order",
        "(dx, dw, db) is another course's order: return (grad_W, grad_b, grad_X), the gradient for X last",
        lambda X, W, gz: (gz @ W.T, X.T @ gz, gz.sum(axis=0)),
    ),
    Mistake(
        "in_place",
        "leave X, W and grad_z as they are: work on new arrays (X.T @ grad_z, grad_z.sum(axis=0)), not "
        "assignments into them",
        explains=changed_inputs,
        example=lambda X, W, gz: (X.T @ gz, gz.sum(axis=0), gz @ W.T, gz.fill(0))[:3],
    ),
]


_DENSE_SHAPE_HINTS = (
    "grad_W has W's shape (n_inputs, n_outputs): X.T @ grad_z",
    "one gradient per bias, shape (n_outputs,): add grad_z over the batch, grad_z.sum(axis=0)",
    "grad_X has X's shape (n_samples, n_inputs): grad_z @ W.T",
)


@check
def check_dense_backward(dense_backward, *, seed=0):
    """dense_backward(X, W, grad_z) -> (grad_W, grad_b, grad_X) for z = X @ W + b.

    Other seeds try other random arrays of other sizes.
    """
    part = Part(
        "dense_backward",
        dense_backward,
        reference=_dense_backward,
        catalogue=DENSE_BACKWARD_MISTAKES,
        error_hint="grad_W = X.T @ grad_z, grad_b = grad_z.sum(axis=0), grad_X = grad_z @ W.T",
        twins=BACKWARD_TWINS,
    )
    rng = rng_for(seed, 41)
    sizes = [(5, 3, 2), (4, 3, 3), (1, 2, 4), (6, 4, 4)]
    if seed:
        sizes = [tuple(int(v) for v in rng.integers(1, 7, size=3)) for _ in range(4)]
    cases = []
    for n, n_in, n_out in sizes:
        X, W, grad_z = rng.normal(size=(n, n_in)), rng.normal(size=(n_in, n_out)), rng.normal(size=(n, n_out))
        cases.append(Case(f"X {X.shape}, W {W.shape}, grad_z {grad_z.shape}", X, W, grad_z))
    X, W, grad_z = rng.integers(-3, 4, size=(3, 2)), rng.integers(-3, 4, size=(2, 3)), rng.integers(-3, 4, size=(3, 3))
    cases.append(Case(f"X {X.shape}, W {W.shape}, grad_z {grad_z.shape} of integers", X, W, grad_z))
    part.run(cases)
    for case, outcome, want in part.results():
        if outcome.error is not None:
            part.error(outcome)
        result = outcome.result
        if not isinstance(result, (tuple, list)) or len(result) != 3:
            part.fail("expected three arrays (grad_W, grad_b, grad_X)", "end with `return grad_W, grad_b, grad_X`")
        for got, right, name, hint in zip(result, want.result, ("grad_W", "grad_b", "grad_X"), _DENSE_SHAPE_HINTS):
            part.compare(got, right, case=case, what=name, shape_hint=hint)
        part.inputs_unchanged(case, outcome)
    part.no_warnings()
    part.passed()


# --- Part 2: sigmoid_delta(a, grad_a) -> grad_a * a * (1 - a) -------------------------------------------------


def _sigmoid_delta(a, grad_a):
    return grad_a * a * (1 - a)


SIGMOID_DELTA_MISTAKES = [
    Mistake(
        "no_grad_a",
        "a factor of the chain rule is missing: multiply by grad_a = dC/da",
        lambda a, grad_a: a * (1 - a),
    ),
    Mistake("no_one_minus_a", "sigmoid's derivative is a * (1 - a), not a", lambda a, grad_a: grad_a * a),
    Mistake("no_a", "sigmoid's derivative is a * (1 - a): multiply by a too", lambda a, grad_a: grad_a * (1 - a)),
    Mistake(
        "sigmoid_again",
        "a is already sigmoid(z): use a * (1 - a), don't apply sigmoid again",
        lambda a, grad_a: grad_a * _sigmoid(a) * (1 - _sigmoid(a)),
    ),
    Mistake(
        "tanh_derivative",
        "that is tanh's derivative; sigmoid's is a * (1 - a)",
        lambda a, grad_a: grad_a * (1 - a * a),
    ),
    Mistake("plus", "sigmoid's derivative is a * (1 - a): a minus", lambda a, grad_a: grad_a * a * (1 + a)),
    Mistake(
        "added",
        "the chain rule multiplies: grad_a * a * (1 - a), not grad_a + ...",
        lambda a, grad_a: grad_a + a * (1 - a),
    ),
    Mistake(
        "matrix_product",
        "multiply element by element (*), not as matrices (@ or np.dot): grad_z has the shape of a",
        explains=_any_of(lambda a, grad_a: grad_a @ (a * (1 - a)).T, lambda a, grad_a: grad_a @ (a * (1 - a))),
        example=lambda a, grad_a: grad_a @ (a * (1 - a)).T,
    ),
    Mistake(
        "negated",
        "the sign: sigmoid's derivative is a * (1 - a), not a * (a - 1)",
        lambda a, grad_a: grad_a * a * (a - 1),
    ),
    Mistake(
        "in_place",
        "leave grad_a as it is: return grad_a * a * (1 - a), a new array, instead of grad_a *= ...",
        lambda a, grad_a: np.multiply(grad_a, a * (1 - a), out=grad_a),
    ),
    Mistake(
        "in_place_a",
        "leave a as it is: a *= 1 - a changes the caller's array; compute a new one, grad_a * a * (1 - a)",
        explains=lambda part: (
            changed_inputs(part)
            and any(0 in changed_arguments(c.args, o.args) for c, o in zip(part.cases, part.outcomes))
        ),
        example=lambda a, grad_a: grad_a * np.multiply(a, 1 - a, out=a),
    ),
]


@check
def check_sigmoid_delta(sigmoid_delta, *, seed=0):
    """sigmoid_delta(a, grad_a) -> grad_z = grad_a * a * (1 - a), where a = sigmoid(z).

    Other seeds try other random arrays of other shapes.
    """
    part = Part(
        "sigmoid_delta",
        sigmoid_delta,
        reference=_sigmoid_delta,
        catalogue=SIGMOID_DELTA_MISTAKES,
        twins=[("activations.sigmoid_derivative", _sigmoid_derivative), ("Activation.backward", _Activation.backward)],
    )
    rng = rng_for(seed, 42)
    shapes = [(4, 3), (1, 5)] if not seed else [tuple(int(v) for v in rng.integers(1, 6, size=2)) for _ in range(2)]
    cases = [
        Case(
            "a = [[0.5, 0.9], [0.1, 0.7]], grad_a = [[1, -2], [0.5, 3]]",
            np.array([[0.5, 0.9], [0.1, 0.7]]),
            np.array([[1.0, -2.0], [0.5, 3.0]]),
        ),
        Case(
            "a = [0, 0.25, 1] (saturated at 0 and 1), grad_a = [2, -1, 3] as integers",
            np.array([0.0, 0.25, 1.0]),
            np.array([2, -1, 3]),
        ),
    ]
    for shape in shapes:
        a, grad_a = _sigmoid(rng.normal(size=shape)), rng.normal(size=shape)
        cases.append(Case(f"a = {fmt(a)}, grad_a = {fmt(grad_a)}", a, grad_a))
    part.run(cases)
    part.judge(shape_hint="element by element: grad_z has the shape of a")
    part.passed()


# --- Part 3: numerical_gradient(loss, W, eps) -> central differences, W restored --------------------------------


class _Loss:
    """A loss of W: a case's argument, bound to the very W the learner's function is given."""

    def __init__(self, X, y):
        self.X, self.y = X, y

    def bind(self, W):
        X, y = self.X, self.y

        def loss():
            return float(np.mean((_sigmoid(X @ W) - y) ** 2))

        loss.__qualname__ = "loss"
        return loss


def _with_loss(func):
    def call(loss, W, eps=None):
        bound = loss.bind(W)
        return func(bound, W) if eps is None else func(bound, W, eps)

    return call


def _central(loss, W, eps=1e-6, *, step=None, sign=1.0, scale=2.0):
    """Central differences, or a slip of them: another step, the sign flipped, another divisor."""
    h = eps if step is None else step
    grad = np.zeros_like(W, dtype=float)
    for index in np.ndindex(W.shape):
        original = W[index]
        W[index] = original + h
        plus = loss()
        W[index] = original - h
        minus = loss()
        W[index] = original
        grad[index] = sign * (plus - minus) / (scale * h)
    return grad


def _forward_difference(loss, W, eps=1e-6):
    grad, base = np.zeros_like(W, dtype=float), loss()
    for index in np.ndindex(W.shape):
        original = W[index]
        W[index] = original + eps
        grad[index] = (loss() - base) / eps
        W[index] = original
    return grad


def _backward_difference(loss, W, eps=1e-6):
    grad, base = np.zeros_like(W, dtype=float), loss()
    for index in np.ndindex(W.shape):
        original = W[index]
        W[index] = original - eps
        grad[index] = (base - loss()) / eps
        W[index] = original
    return grad


def _back_to_start(loss, W, eps=1e-6):
    """`W[index] += eps; plus; W[index] -= eps; minus`: the second value is taken at w, not at w - eps."""
    grad = np.zeros_like(W, dtype=float)
    for index in np.ndindex(W.shape):
        W[index] += eps
        plus = loss()
        W[index] -= eps
        minus = loss()
        grad[index] = (plus - minus) / (2 * eps)
    return grad


def _not_restored(loss, W, eps=1e-6):
    grad = np.zeros_like(W, dtype=float)
    for index in np.ndindex(W.shape):
        original = W[index]
        W[index] = original + eps
        plus = loss()
        W[index] = original - eps
        grad[index] = (plus - loss()) / (2 * eps)
    return grad


def _whole_array(loss, W, eps=1e-6):
    grad = np.zeros_like(W, dtype=float)
    for index in np.ndindex(W.shape):
        W += eps
        plus = loss()
        W -= 2 * eps
        minus = loss()
        W += eps
        grad[index] = (plus - minus) / (2 * eps)
    return grad


def _row_at_a_time(loss, W, eps=1e-6):
    grad = np.zeros_like(W, dtype=float)
    for i in range(len(W)):
        original = W[i].copy()
        W[i] = original + eps
        plus = loss()
        W[i] = original - eps
        minus = loss()
        W[i] = original
        grad[i] = (plus - minus) / (2 * eps)
    return grad


# Steps a learner fixes inside the function instead of using eps (1e-4 is a common textbook's).
_FIXED_STEPS = (1e-6, 1e-5, 1e-4, 1e-7, 1e-3, 1e-8)


def _precedence(loss, W, eps=1e-6):
    return _central(loss, W, eps, scale=1.0) * eps * eps / 2


NUMERICAL_GRADIENT_MISTAKES = [
    Mistake(
        "not_restored",
        "put every entry back after nudging it (W[index] = original value) before the next: the caller's W must "
        "be the same afterwards",
        _not_restored,
    ),
    Mistake(
        "forward_difference",
        "use the central difference (loss(w + eps) - loss(w - eps)) / (2 eps): a one-sided difference is off by ~eps",
        explains=_any_of(_forward_difference, _backward_difference),
        example=_forward_difference,
    ),
    Mistake(
        "back_to_start",
        "after W[index] += eps, W[index] -= eps brings the entry back to w, not to w - eps: subtract 2 * eps (or "
        "set W[index] = original - eps) before the second loss()",
        _back_to_start,
    ),
    Mistake(
        "eps_ignored",
        "use the eps you are given: the check passes other values of eps too",
        explains=_any_of(*[lambda loss, W, eps=1e-6, h=h: _central(loss, W, step=h) for h in _FIXED_STEPS]),
        example=lambda loss, W, eps=1e-6: _central(loss, W, step=1e-4),
    ),
    Mistake(
        "divided_by_eps",
        "divide by 2 eps: the two nudges are 2 eps apart",
        lambda loss, W, eps=1e-6: _central(loss, W, eps, scale=1.0),
    ),
    Mistake(
        "precedence",
        "brackets: (plus - minus) / 2 * eps multiplies by eps; write (plus - minus) / (2 * eps)",
        _precedence,
    ),
    Mistake(
        "nudge_unseen",
        "the loss never saw a nudge: change W[index] in place (loss reads W, not a copy such as W + eps) and call "
        "loss() while it is nudged, before putting it back",
        lambda loss, W, eps=1e-6: np.zeros_like(W, dtype=float),
    ),
    Mistake(
        "sign",
        "the order: (loss(w + eps) - loss(w - eps)) / (2 eps), the nudge up first",
        lambda loss, W, eps=1e-6: _central(loss, W, eps, sign=-1.0),
    ),
    Mistake(
        "whole_array",
        "nudge one entry at a time, W[index] += eps: W += eps moves every weight at once",
        _whole_array,
    ),
    Mistake(
        "whole_row",
        "W[i] with one index is a whole row of a 2-D W: nudge one entry at a time, for index in np.ndindex(W.shape)",
        _row_at_a_time,
    ),
    Mistake(
        "loss_with_argument",
        "loss() takes no arguments: it reads W itself, so change W[index] in place and call loss()",
        lambda loss, W, eps=1e-6: loss(W),
    ),
]


@check
def check_numerical_gradient(numerical_gradient, *, seed=0):
    """numerical_gradient(loss, W, eps) -> dloss/dW by central differences; W is the same afterwards.

    loss() reads the W the function is given. Other seeds try other random W and losses, of other shapes.
    """
    part = Part(
        "numerical_gradient",
        numerical_gradient,
        reference=_gradcheck.numerical_gradient,
        error_hint="for each index of W (np.ndindex(W.shape)): nudge W[index] in place, call loss(), put it back",
        twins=[
            ("gradcheck.numerical_gradient", _gradcheck.numerical_gradient),
            ("gradient_check", _gradcheck.gradient_check),
        ],
        catalogue=NUMERICAL_GRADIENT_MISTAKES,
        adapt=_with_loss,
        rtol=1e-6,
        atol=1e-8,
    )
    rng = rng_for(seed, 43)
    shapes = [(2, 3), (3, 1), (4,), (1, 1)]
    if seed:
        shapes = [
            tuple(int(v) for v in rng.integers(1, 4, size=2)),
            (int(rng.integers(1, 4)), 2),
            (int(rng.integers(2, 5)),),
            (1, 1),
        ]
    cases = []
    for shape, eps in zip(shapes, (None, 1e-2, 0.1, 1e-3)):
        n_out = shape[1] if len(shape) == 2 else None
        X = rng.normal(size=(4, shape[0]))
        y = rng.normal(size=(4,) if n_out is None else (4, n_out))
        W = rng.normal(size=shape)
        what = "a bias b" if len(shape) == 1 else "W"
        text = f"{what} of shape {shape}" + (" (eps left at its default)" if eps is None else f", eps = {eps}")
        cases.append(Case(text, _Loss(X, y), W) if eps is None else Case(text, _Loss(X, y), W, eps))
    part.run(cases)
    for case, outcome in zip(part.cases, part.outcomes):
        if outcome.error is not None:
            part.error(outcome)
        if not _restored(outcome.args[1], case.args[1]):
            part.fail(
                f"W is not the same after the call ({case.text})",
                "put every entry back after nudging it: W[index] = original value",
            )
    part.judge(shape_hint="one partial derivative per weight: the result has W's shape", inputs=False)
    part.passed()


# --- Part 4: train_step(network, X, y, learning_rate) -> the loss before the update, arrays updated in place -----


class _Net:
    """A case's network: a fresh one for every run (the learner's, the reference, each mistake). It has been
    through one forward and backward pass on other data, as in training, so network.gradients() holds that
    pass's gradients until this step's backward writes over them."""

    def __init__(self, sizes, seed):
        self.sizes, self.seed = sizes, seed

    def build(self):
        network = Network.from_sizes(self.sizes, rng=self.seed)
        rng = np.random.default_rng(self.seed)
        X, y = rng.normal(size=(3, self.sizes[0])), rng.uniform(size=(3, self.sizes[-1]))
        network.backward(MSE().gradient(network.forward(X), y))
        return network


def _stepped(func):
    """Run func on a fresh network; what is compared: (its result, the arrays the caller holds after the step,
    whether network.parameters() are still those arrays)."""

    def call(net, X, y, learning_rate):
        network = net.build()
        held = network.parameters()
        result = func(network, X, y, learning_rate)
        same_arrays = all(p is h for p, h in zip(network.parameters(), held))
        return result, [h.copy() for h in held], same_arrays

    return call


def _train_step(network, X, y, learning_rate, *, rate=None, sign=-1.0, at_z=False, after=False, divide=1):
    loss = MSE()
    y_pred = network.forward(X)
    value = loss(y_pred, y)
    network.backward(loss.gradient(y_pred, y), at_z=at_z)
    step = learning_rate if rate is None else rate
    for param, grad in zip(network.parameters(), network.gradients()):
        param += sign * step * grad / divide
    return loss(network.forward(X), y) if after else value


def _update_before_backward(network, X, y, learning_rate):
    loss = MSE()
    y_pred = network.forward(X)
    for param, grad in zip(network.parameters(), network.gradients()):
        param -= learning_rate * grad
    network.backward(loss.gradient(y_pred, y))
    return loss(y_pred, y)


def _weights_only(network, X, y, learning_rate):
    loss = MSE()
    y_pred = network.forward(X)
    network.backward(loss.gradient(y_pred, y))
    for param, grad in list(zip(network.parameters(), network.gradients()))[::2]:
        param -= learning_rate * grad
    return loss(y_pred, y)


def _raw_error(network, X, y, learning_rate):
    loss = MSE()
    y_pred = network.forward(X)
    network.backward(y_pred - y)
    for param, grad in zip(network.parameters(), network.gradients()):
        param -= learning_rate * grad
    return loss(y_pred, y)


def _rebinding(network, X, y, learning_rate):
    loss = MSE()
    y_pred = network.forward(X)
    network.backward(loss.gradient(y_pred, y))
    for param, grad in zip(network.parameters(), network.gradients()):
        param = param - learning_rate * grad  # noqa: F841 (the mistake)
    return loss(y_pred, y)


def _new_arrays(network, X, y, learning_rate):
    loss = MSE()
    y_pred = network.forward(X)
    network.backward(loss.gradient(y_pred, y))
    for layer in network.layers:
        layer.W = layer.W - learning_rate * layer.grad_W
        layer.b = layer.b - learning_rate * layer.grad_b
    return loss(y_pred, y)


def _fixed_rate(part):
    """The same step size c (not 1) in every case, whatever the learning rate: held = start - c * g."""
    rates = []
    for case, outcome, want in part.results():
        _, held, _ = outcome.result
        _, right, _ = want.result
        start = case.args[0].build().parameters()
        moved = np.concatenate([(s - h).ravel() for s, h in zip(start, held)])
        step = np.concatenate([(s - r).ravel() for s, r in zip(start, right)]) / case.args[3]  # the gradient
        rate = float(moved @ step / (step @ step))
        if not same(moved, rate * step):
            return False
        rates.append(rate)
    learning_rates = [case.args[3] for case in part.cases]
    constant = same(np.array(rates), np.full(len(rates), rates[0]))
    return constant and rates[0] > 1e-9 and not same(np.array(rates[0]), np.array(1.0)) and rates != learning_rates


TRAIN_STEP_MISTAKES = [
    Mistake(
        "not_in_place",
        "`param = param - ...` only renames: update the network's own arrays in place, param -= learning_rate * grad",
        _rebinding,
    ),
    Mistake(
        "new_arrays",
        "layer.W = layer.W - ... gives the layer new arrays; update the arrays of network.parameters() in place, "
        "param -= learning_rate * grad (an optimizer holding them sees the change)",
        _new_arrays,
    ),
    Mistake(
        "uphill",
        "step against the gradient: w -= learning_rate * grad, with MSE().gradient(y_pred, y) (y_pred first)",
        lambda network, X, y, learning_rate: _train_step(network, X, y, learning_rate, sign=1.0),
    ),
    Mistake(
        "loss_after_update",
        "return the loss computed in the forward pass, before the update",
        lambda network, X, y, learning_rate: _train_step(network, X, y, learning_rate, after=True),
    ),
    Mistake(
        "no_learning_rate",
        "multiply the gradient by the learning rate: w -= learning_rate * grad",
        lambda network, X, y, learning_rate: _train_step(network, X, y, learning_rate, rate=1.0),
    ),
    Mistake(
        "fixed_learning_rate",
        "use the learning_rate you are given: the step is the same size whatever learning_rate is",
        explains=_fixed_rate,
        example=lambda network, X, y, learning_rate: _train_step(network, X, y, learning_rate, rate=0.1),
    ),
    Mistake(
        "at_z",
        "MSE().gradient gives dC/dy_pred: pass it to network.backward as it is (at_z=True skips the output "
        "activation's slope, which this network's sigmoid output needs)",
        lambda network, X, y, learning_rate: _train_step(network, X, y, learning_rate, at_z=True),
    ),
    Mistake(
        "extra_mean",
        "the gradients already carry the loss's mean: w -= learning_rate * grad, no dividing by n",
        lambda network, X, y, learning_rate: _train_step(network, X, y, learning_rate, divide=len(X)),
    ),
    Mistake(
        "update_before_backward",
        "update after network.backward(...): before it, network.gradients() still hold the previous pass's "
        "gradients (forward, loss, backward, then the update)",
        _update_before_backward,
    ),
    Mistake(
        "weights_only",
        "update every array of network.parameters(), the biases too: they come as [W0, b0, W1, b1, ...]",
        _weights_only,
    ),
    Mistake(
        "raw_error",
        "pass network.backward the loss's gradient, MSE().gradient(y_pred, y) = 2 (y_pred - y) / y.size, not "
        "y_pred - y",
        _raw_error,
    ),
    Mistake(
        "no_return",
        "end with `return` and the loss value computed in the forward pass",
        lambda network, X, y, learning_rate: (_train_step(network, X, y, learning_rate), None)[1],
    ),
    Mistake(
        "returns_prediction",
        "return the loss (one number, MSE()(y_pred, y)), not the prediction",
        lambda network, X, y, learning_rate: (_train_step(network, X, y, learning_rate), network.output)[1],
    ),
]


@check
def check_train_step(train_step, *, seed=0):
    """train_step(network, X, y, learning_rate) -> the loss before the update; every W and b updated in place.

    Other seeds try other random networks and data of other sizes.
    """
    part = Part(
        "train_step",
        train_step,
        reference=_train_step,
        error_hint="forward, loss, backward with MSE().gradient, then w -= learning_rate * grad for each pair",
        twins=[("training.train_step", _training.train_step), ("fit", _training.fit), ("optimizers.SGD", SGD)],
        catalogue=TRAIN_STEP_MISTAKES,
        adapt=_stepped,
    )
    rng = rng_for(seed, 44)
    networks = [([2, 3, 1], 0.5), ([3, 4, 2], 0.1), ([3, 2], 0.05)]
    if seed:
        networks = [([int(v) for v in rng.integers(1, 5, size=k)], rate) for k, (_, rate) in zip((3, 3, 2), networks)]
    cases = []
    for sizes, learning_rate in networks:
        X, y = rng.normal(size=(6, sizes[0])), rng.uniform(size=(6, sizes[-1]))
        text = f"a {'-'.join(map(str, sizes))} network, learning rate {learning_rate}"
        cases.append(Case(text, _Net(sizes, int(rng.integers(1000))), X, y, learning_rate))
    part.run(cases)
    for case, outcome, want in part.results():
        if outcome.error is not None:
            part.error(outcome)
        loss, held, same_arrays = outcome.result
        right_loss, right, _ = want.result
        part.compare(
            loss,
            right_loss,
            case=case,
            what="the returned loss",
            scalar=True,
            values=False,
            shape_hint="return the loss value, one number",
        )
        start = case.args[0].build().parameters()
        if all(same(h, s, rtol=0, atol=0) for h, s in zip(held, start)):
            part.fail(
                f"the arrays of network.parameters() did not change ({case.text})",
                "update the arrays in place: for W, g in zip(network.parameters(), network.gradients()): "
                "W -= learning_rate * g",
            )
        if not same_arrays:
            part.fail(
                f"network.parameters() are new arrays after the step ({case.text})",
                "update the arrays of network.parameters() in place: param -= learning_rate * grad",
            )
        for i, (h, r) in enumerate(zip(held, right)):
            what = f"{'Wb'[i % 2]} of layer {i // 2 + 1} after the step"
            part.compare(h, r, case=case, what=what)
        part.compare(loss, right_loss, case=case, what="the returned loss", scalar=True)
    part.no_warnings()
    part.passed()


# --- Part 5: backward(params, caches, delta_output) -> [(grad_W, grad_b), ...], any depth -------------------------


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
    for layer in range(layers) if mistake == "first_to_last" else reversed(range(layers)):
        W, _ = params[layer]
        A_prev, Z, name = caches[layer]
        left = scratch.ACTIVATIONS[name][0](Z) if mistake == "uses_output" else A_prev
        grad_W = delta.T @ left if mistake == "grad_W_transposed" else left.T @ delta
        grad_b = delta.sum(axis=1) if mistake == "b_axis" else delta.sum(axis=0)
        if mistake == "b_mean":
            grad_b = delta.mean(axis=0)
        if mistake in ("mean_over_batch", "mean_and_keepdims"):
            grad_W, grad_b = grad_W / n, grad_b / n
        if mistake == "mean_and_keepdims":
            grad_b = grad_b.reshape(1, -1)
        grads[layer] = (grad_W, grad_b)
        if mistake == "first_to_last":
            if layer + 1 < layers:
                delta = (delta @ W) * _slope(name, Z)
            continue
        if layer == 0 or mistake == "delta_not_passed_on":
            continue
        back = delta @ W if mistake == "W_not_transposed" else delta @ W.T
        _, Z_prev, name_prev = caches[layer - 1]
        if mistake == "no_slope":
            delta = back
        elif mistake == "this_layer":
            delta = back * _slope(name, Z)
        elif mistake == "slope_at_A":
            delta = back * _slope(name_prev, A_prev)
        elif mistake == "sigmoid_everywhere":
            delta = back * _slope("sigmoid", Z_prev)
        elif mistake == "Z_as_A":
            delta = back * scratch.ACTIVATIONS[name_prev][1](Z_prev, Z_prev)
        else:
            delta = back * _slope(name_prev, Z_prev)
    if mistake == "in_place":
        delta_output *= 0.5
    if mistake == "skips_first_layer":
        return grads[1:]
    return grads[::-1] if mistake == "reversed_order" else grads


def _variant(mistake):
    def backward(params, caches, delta_output):
        return _backward_variant(params, caches, delta_output, mistake)

    return backward


def _fixed_depth(part):
    """Right for the networks of one depth only, and an error for the others."""
    depths = {}
    for case, outcome, want in part.results():
        right = outcome.error is None and _grads_alike(outcome.result, want.result)
        depths.setdefault(len(case.args[0]), set()).add(right or (False if outcome.error is None else None))
    fine = [d for d, kinds in depths.items() if kinds == {True}]
    return len(fine) == 1 and all(kinds == {None} for d, kinds in depths.items() if d != fine[0])


def _grads_alike(got, want):
    try:
        return len(got) == len(want) and all(
            same(np.asarray(g, dtype=float), w) for pair, right in zip(got, want) for g, w in zip(pair, right)
        )
    except (TypeError, ValueError):
        return False


_BACKWARD_HINTS = {
    "no_slope": "a factor of the chain rule is missing: multiply delta @ W.T by the slope f'(Z) of the layer before",
    "this_layer": "the slope belongs to the layer before: multiply delta @ W.T by f'(Z) from caches[layer - 1], "
    "not from this layer's cache",
    "sigmoid_everywhere": "each layer has its own activation: take f'(Z) of caches[layer - 1]'s activation "
    "(ACTIVATIONS[name][1]), not the sigmoid's for every layer",
    "slope_at_A": "take the slope at the layer's weighted sums Z (from its cache), not at its output A",
    "Z_as_A": "f_prime(Z, A) takes the layer's output A = f(Z) as its second argument: f_prime(Z_prev, f(Z_prev))",
    "W_not_transposed": "go back through W transposed: delta @ W.T has the shape of the layer's input",
    "grad_W_transposed": "grad_W has W's shape (n_inputs, n_outputs): A_prev.T @ delta, not its transpose",
    "uses_output": "grad_W multiplies the layer's input A_prev (from its cache), not its output f(Z)",
    "mean_over_batch": "the mean is taken twice: delta_output already carries the cost's 1/n; sum over the batch, "
    "no dividing by n",
    "mean_and_keepdims": "two slips of a course with examples in columns: delta_output already carries the cost's "
    "1/n (sum, no 1/m), and grad_b is flat like b, delta.sum(axis=0) without keepdims=True",
    "b_mean": "grad_b sums delta over the batch (axis=0); delta_output already carries the 1/n, so no mean",
    "b_axis": "grad_b sums over the examples (axis=0), one value per neuron, not over each example's neurons",
    "delta_not_passed_on": "each layer needs its own delta: pass delta @ W.T (times f'(Z)) back to the layer before",
    "output_slope": "delta_output is already dC/dZ of the output layer: use it as it is, without the output "
    "activation's slope",
    "first_to_last": "visit the layers from the last to the first: delta_output belongs to the output layer",
    "reversed_order": "return the gradients in the order of params, first layer first",
    "skips_first_layer": "one (grad_W, grad_b) per layer, every layer down to the first",
}

BACKWARD_MISTAKES = [Mistake(key, hint, _variant(key)) for key, hint in _BACKWARD_HINTS.items()] + [
    Mistake(
        "in_place",
        "leave params, caches and delta_output as they are: delta = delta @ W.T * ... makes a new array, while "
        "delta *= ... on delta_output (or an array of a cache) changes the caller's",
        explains=changed_inputs,
        example=_variant("in_place"),
    ),
    Mistake(
        "fixed_depth",
        "it works for one number of layers only: loop over the layers, for layer in reversed(range(len(params)))",
        explains=_fixed_depth,
        example=lambda params, caches, delta_output: (
            _backward_variant(params, caches, delta_output) if len(params) == 2 else [][0]
        ),
    ),
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
    text = f"a {'-'.join(map(str, sizes))} network ({', '.join(activations)})"
    return Case(text, params, caches, delta)


_BACKWARD_SHAPE_HINTS = (
    "grad_W has W's shape (n_inputs, n_outputs): A_prev.T @ delta",
    "grad_b is a flat array, one value per neuron: delta summed over the batch (axis=0)",
    "the output layer is right, the layers before are not: check what goes back, delta @ W.T times f'(Z) of the "
    "layer before",
)

_BACKWARD_NETWORKS = [
    ([3, 3, 3, 3], ["tanh", "sigmoid", "tanh"], None, 3),  # square: every slip changes values, not shapes
    ([4, 2], ["identity"], "mse", 5),
    ([3, 5, 2], ["relu", "softmax"], "cross_entropy", 4),
    ([2, 6, 4, 5, 3], ["tanh", "relu", "sigmoid", "softmax"], "cross_entropy", 6),
    ([4, 3, 3, 1], ["sigmoid", "tanh", "identity"], "mse", 5),
]


@check
def check_backward(backward, *, seed=0):
    """backward(params, caches, delta_output) -> [(grad_W, grad_b), ...] in params' order, any depth.

    The learner's function runs with the course's dense_backward, sigmoid_delta and ACTIVATIONS under those
    names, so a slip in Part 1 or 2 costs only that part. Other seeds try other random networks of the same
    depths and activations, of other sizes.
    """
    part = Part(
        "backward",
        backward,
        reference=scratch.backward,
        catalogue=BACKWARD_MISTAKES,
        error_hint=(
            "check each product's shapes: A_prev.T @ delta has W's shape, delta @ W.T the shape of A_prev; "
            "the slope f'(Z) is the layer before's, from caches[layer - 1]"
        ),
        twins=BACKWARD_TWINS,
        course={
            "dense_backward": _dense_backward,
            "sigmoid_delta": _sigmoid_delta,
            "ACTIVATIONS": scratch.ACTIVATIONS,
        },
    )
    rng = rng_for(seed, 61)
    cases = []
    for sizes, activations, kind, n in _BACKWARD_NETWORKS:
        if seed and len(sizes) > 2 and sizes != [3, 3, 3, 3]:
            sizes = [sizes[0]] + [int(v) for v in rng.integers(1, 7, size=len(sizes) - 2)] + [sizes[-1]]
        cases.append(_backward_case(rng, sizes, activations, kind, n))
    part.run(cases)
    for case, outcome, want in part.results():
        if outcome.error is not None:
            part.error(outcome)
        result, layers = outcome.result, len(want.result)
        if result is None:
            part.fail("returned None", "did you forget `return`?")
        if not isinstance(result, (list, tuple)):
            part.fail(
                f"returned a {type(result).__name__}, expected a list of (grad_W, grad_b) pairs",
                "return a list with one (grad_W, grad_b) per layer, in the order of params",
            )
        if len(result) != layers:
            part.fail(
                f"returned {len(result)} pairs for {case.text}, expected {layers}",
                "one (grad_W, grad_b) per layer, every layer down to the first",
            )
        for layer, pair in enumerate(result):
            if not isinstance(pair, (list, tuple)) or len(pair) != 2:
                part.fail(
                    f"item {layer} of the result is not a pair (grad_W, grad_b)",
                    "each item is a tuple (grad_W, grad_b)",
                )
        try:
            for layer, ((grad_W, grad_b), (right_W, right_b)) in enumerate(zip(result, want.result), start=1):
                where = f"of layer {layer} (of {layers})"
                part.compare(grad_W, right_W, case=case, what=f"grad_W {where}", shape_hint=_BACKWARD_SHAPE_HINTS[0])
                part.compare(grad_b, right_b, case=case, what=f"grad_b {where}", shape_hint=_BACKWARD_SHAPE_HINTS[1])
        except CheckFailed as failure:
            if failure.hint or not _grads_alike(result[-1:], want.result[-1:]):
                raise
            raise CheckFailed(failure.check, failure.message, _BACKWARD_SHAPE_HINTS[2]) from None
        part.inputs_unchanged(case, outcome)
    part.no_warnings()
    part.passed(f"right for {len(cases)} networks of 1 to 4 layers")


# --- Part 6: gradient_error(params, X, Y, activations, kind, eps) -> the largest relative difference ------------

# Which backward the learner's gradient_error gets for a case: the course's, or one with a bug. The course's
# forward puts X into the first layer's cache, so X picks the case.
_CASE_BACKWARD = {}


def _case_backward(params, caches, delta_output):
    backward = _CASE_BACKWARD.get(np.asarray(caches[0][0], dtype=np.float64).tobytes(), scratch.backward)
    return backward(params, caches, delta_output)


def _relative(a, m):
    scale = np.linalg.norm(a) + np.linalg.norm(m)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - m) / scale)


def _errors(params, X, Y, activations, kind, eps=1e-6, *, numeric=None, which=(0, 1), cost=None, layers=None):
    """(analytic, estimate) for every W and b (which=(0,) for the W's only, layers=1 for the first layer's
    only), with the course's pieces; or the estimates of another numeric gradient, or of another cost."""
    Y_hat, caches = scratch.forward(params, X, activations)
    grads = _case_backward(params, caches, scratch.output_delta(Y_hat, Y, kind))

    def C():
        return scratch.cost(scratch.forward(params, X, activations)[0], Y, cost or kind)

    numeric = numeric or _gradcheck.numerical_gradient
    pairs = list(zip(params, grads))[:layers]
    return [(grad[k], numeric(C, pair[k], eps)) for pair, grad in pairs for k in which]


def _gradient_error(params, X, Y, activations, kind, eps=1e-6):
    return max(_relative(a, m) for a, m in _errors(params, X, Y, activations, kind, eps))


def _measured(measure, *, combine=max, **options):
    def gradient_error(params, X, Y, activations, kind, eps=1e-6):
        return combine([measure(a, m) for a, m in _errors(params, X, Y, activations, kind, eps, **options)])

    return gradient_error


def _no_zero_guard(part):
    """On a case where a whole gradient is 0: nan, a ZeroDivisionError or numpy's warning about 0 / 0."""
    for case, outcome in zip(part.cases, part.outcomes):
        if case.args[1].any():
            continue
        if isinstance(outcome.error, ZeroDivisionError) or any("invalid value" in w for w in outcome.warnings):
            return True
        if outcome.error is None and np.isnan(np.asarray(outcome.result, dtype=float)).any():
            return True
    return False


def _last_b_mean(params, caches, delta_output):
    """The course's backward with one bug in the output layer only: its grad_b is a mean, not a sum."""
    grads = scratch.backward(params, caches, delta_output)
    grads[-1] = (grads[-1][0], delta_output.mean(axis=0))
    return grads


def _squared(a, m):
    scale = np.sum(a**2) + np.sum(m**2)
    return 0.0 if scale == 0 else float(np.sum((a - m) ** 2) / scale)


def _whole_network(params, X, Y, activations, kind, eps=1e-6):
    pairs = _errors(params, X, Y, activations, kind, eps)
    return _relative(np.concatenate([a.ravel() for a, _ in pairs]), np.concatenate([m.ravel() for _, m in pairs]))


GRADIENT_ERROR_MISTAKES = [
    Mistake(
        "not_restored",
        "put each nudged entry back before nudging the next: every parameter must be as it was when the function "
        "returns",
        _measured(_relative, numeric=_not_restored),
    ),
    Mistake(
        "forward_difference",
        "each entry is nudged one way only (w + eps): a forward difference, error ~ eps; nudge it both ways, "
        "(C(w + eps) - C(w - eps)) / (2 eps)",
        _measured(_relative, numeric=_forward_difference),
    ),
    Mistake(
        "eps_ignored",
        "use the eps you are given for the differences (numerical_gradient(C, array, eps)): the check passes "
        "other values too",
        lambda params, X, Y, activations, kind, eps=1e-6: _gradient_error(params, X, Y, activations, kind),
    ),
    Mistake(
        "weights_only",
        "check every b too: a bug in backward's grad_b goes unseen when only the W's are compared",
        _measured(_relative, which=(0,)),
    ),
    Mistake(
        "absolute",
        "that is an absolute difference, which depends on how large the gradients are; divide by their size: "
        "||a - m|| / (||a|| + ||m||)",
        _measured(lambda a, m: float(np.linalg.norm(a - m))),
    ),
    Mistake(
        "elementwise",
        "use norms over each whole array, ||a - m|| / (||a|| + ||m||), not entry by entry: an entry near 0 in both "
        "makes its own ratio meaningless",
        _measured(lambda a, m: float(np.max(np.abs(a - m) / (np.abs(a) + np.abs(m) + 1e-300)))),
    ),
    Mistake(
        "over_one_norm",
        "a relative difference, but divide by the sum of both norms: ||a - m|| / (||a|| + ||m||)",
        _measured(lambda a, m: float(np.linalg.norm(a - m) / np.linalg.norm(m)) if np.linalg.norm(m) else 0.0),
    ),
    Mistake(
        "over_backward_norm",
        "a relative difference, but divide by the sum of both norms, ||a - m|| / (||a|| + ||m||), not by ||a|| alone",
        _measured(lambda a, m: float(np.linalg.norm(a - m) / np.linalg.norm(a)) if np.linalg.norm(a) else 0.0),
    ),
    Mistake(
        "squared_norms",
        "the norms are square roots of the sums of squares, ||a|| = sqrt(sum a_ij**2) (np.linalg.norm): "
        "||a - m|| / (||a|| + ||m||)",
        _measured(_squared),
    ),
    Mistake(
        "min_not_max",
        "return the largest of the arrays' relative differences (max), not the smallest: one array with a bug is "
        "enough",
        _measured(_relative, combine=min),
    ),
    Mistake(
        "first_layer_only",
        "compare every layer's W and b, for (W, b) in params: a bug in a later layer goes unseen when only the first "
        "is checked",
        _measured(_relative, layers=1),
    ),
    Mistake(
        "mean_not_max",
        "return the largest of the arrays' relative differences (max), not their mean",
        _measured(_relative, combine=lambda rs: float(np.mean(rs))),
    ),
    Mistake(
        "sum_not_max",
        "return the largest of the arrays' relative differences (max), not their sum",
        _measured(_relative, combine=sum),
    ),
    Mistake(
        "whole_network",
        "one relative difference per array (each W and each b on its own), then the largest of them",
        _whole_network,
    ),
    Mistake(
        "no_zero_guard",
        "r = 0 when both arrays are 0 (here the inputs X are all 0, so the first W's gradient is 0): skip the "
        "division when ||a|| + ||m|| is 0",
        explains=_no_zero_guard,
        example=_measured(lambda a, m: np.linalg.norm(a - m) / (np.linalg.norm(a) + np.linalg.norm(m)), combine=np.max),
    ),
    Mistake(
        "kind_ignored",
        "use the kind you are given in cost(..., Y, kind): the cost must be the one output_delta started from",
        _measured(_relative, cost="mse"),
    ),
]


def _gradient_error_case(rng, sizes, activations, kind, n, backward, label, *, eps=None, zeros=False):
    params = [(W, rng.normal(scale=0.5, size=b.shape)) for W, b in scratch.initialize(sizes, rng)]
    X = np.zeros((n, sizes[0])) if zeros else rng.normal(size=(n, sizes[0]))
    Y = (
        np.eye(sizes[-1])[rng.integers(sizes[-1], size=n)]
        if kind == "cross_entropy"
        else rng.normal(size=(n, sizes[-1]))
    )
    _CASE_BACKWARD[X.tobytes()] = backward
    text = f"a {'-'.join(map(str, sizes))} network ({', '.join(activations)}; {kind}) with {label}"
    text += " and X all 0" if zeros else ""
    if eps is None:
        return Case(text, params, X, Y, list(activations), kind)
    return Case(f"{text}, eps = {eps}", params, X, Y, list(activations), kind, eps)


@check
def check_gradient_error(gradient_error, *, seed=0):
    """gradient_error(params, X, Y, activations, kind, eps) -> the largest relative difference, over every W and b,
    between backward's gradients and central differences of the cost.

    Graded alone: it runs with the course's forward, cost, output_delta, numerical_gradient and backward, then
    with backward passes that have a bug. Other seeds try other random networks and data.
    """
    part = Part(
        "gradient_error",
        gradient_error,
        reference=_gradient_error,
        catalogue=GRADIENT_ERROR_MISTAKES,
        error_hint="forward, then backward for its gradients; then central differences of cost for each W and b",
        twins=[("gradient_check", _gradcheck.gradient_check), ("gradcheck.relative_error", _gradcheck.relative_error)],
        course={
            "forward": scratch.forward,
            "cost": scratch.cost,
            "output_delta": scratch.output_delta,
            "numerical_gradient": _gradcheck.numerical_gradient,
            "backward": _case_backward,
        },
        rtol=1e-4,  # room for a guard such as max(||a|| + ||m||, 1e-8) in the denominator
        atol=1e-7,  # a right backward gives rounding noise (~1e-9): any such number is right
    )
    _CASE_BACKWARD.clear()
    rng = rng_for(seed, 62)
    right, no_slope, b_mean = scratch.backward, _variant("no_slope"), _variant("b_mean")
    course, slopes, means, last_mean = (
        "the course's backward",
        "a backward missing the slopes",
        "a backward whose grad_b is a mean",
        "a backward whose output layer's grad_b is a mean",
    )
    classifier, regressor = (
        ([3, 4, 2], ["tanh", "softmax"], "cross_entropy"),
        ([2, 3, 3, 1], ["sigmoid", "tanh", "identity"], "mse"),
    )
    cases = [
        _gradient_error_case(rng, *classifier, 5, right, course),
        _gradient_error_case(rng, *classifier, 5, no_slope, slopes),
        _gradient_error_case(rng, *regressor, 4, b_mean, means),
        _gradient_error_case(rng, *classifier, 3, right, course, zeros=True),
        _gradient_error_case(rng, *regressor, 4, right, course, eps=1e-2),
        _gradient_error_case(rng, *regressor, 5, _last_b_mean, last_mean),
    ]
    part.run(cases)
    for case, outcome, want in part.results():
        if outcome.error is not None:
            part.error(outcome)
        if not all(_restored(a, b) for pair, start in zip(outcome.args[0], case.args[0]) for a, b in zip(pair, start)):
            part.fail(
                f"params are not the same after the call ({case.text})",
                "put each nudged entry back: every parameter must be as it was when the function returns",
            )
        part.compare(
            outcome.result,
            want.result,
            case=case,
            scalar=True,
            values=False,
            shape_hint="return one number: the largest of the relative differences (max)",
        )
        value, right_value = float(np.asarray(outcome.result, dtype=float)), want.result
        if not same(np.array(value), np.array(right_value), rtol=part.rtol, atol=part.atol):
            missed = " (it missed the bug)" if value < 1e-3 < right_value else ""
            part.fail(
                f"returned {value:.3g} for {case.text}, expected {right_value:.3g}{missed}",
                "compare each W and each b with its estimate, ||a - m|| / (||a|| + ||m||), and return the largest"
                if missed
                else None,
            )
    part.no_warnings()
    part.passed(f"tiny for a right backward, and catches 3 bugs, on {len(cases)} cases")


CATALOGUES = {
    "check_dense_backward": DENSE_BACKWARD_MISTAKES,
    "check_sigmoid_delta": SIGMOID_DELTA_MISTAKES,
    "check_numerical_gradient": NUMERICAL_GRADIENT_MISTAKES,
    "check_train_step": TRAIN_STEP_MISTAKES,
    "check_backward": BACKWARD_MISTAKES,
    "check_gradient_error": GRADIENT_ERROR_MISTAKES,
}
