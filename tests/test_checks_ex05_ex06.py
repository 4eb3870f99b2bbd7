"""The checks of exercises 05 and 06: each passes the course's solution (twice, quietly, on the hidden tests'
seeds too), names every likely mistake with its own hint, refuses an answer that calls annlib's own
version, leaves its inputs alone, and grades only the part it checks (gradient_error runs with the course's
forward, cost, output_delta, numerical_gradient and backward)."""

import warnings

import numpy as np
import pytest
import sympy as sp
from test_checks import _check, numerical_gradient, train_step  # the reference solutions of the earlier parts

from annlib import Dense, Network, gradcheck, scratch, symbolic, training
from annlib import activations as annlib_activations
from annlib import checks as C
from annlib.checks import CheckFailed
from annlib.checks.backprop import _BACKWARD_MISTAKES, _backward_variant
from annlib.losses import MSE
from annlib.optimizers import SGD
from annlib.scratch import cost, forward, output_delta

# --- The course's solutions, written as the notebooks' solution cells are ------------------------------


def sigmoid_derivative_expr(z):
    return sp.diff(1 / (1 + sp.exp(-z)), z)


def dloss_dw(w, x, b, y):
    return sp.diff((1 / (1 + sp.exp(-(w * x + b))) - y) ** 2, w)


def numerical_derivative(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


def make_numeric(expr, z):
    f = sp.lambdify(z, expr, "numpy")

    def numeric(values):
        values = np.asarray(values, dtype=float)
        return f(values) + np.zeros_like(values)

    return numeric


def _softmax_expr(z):
    total = sum(sp.exp(zj) for zj in z)
    return [sp.exp(zk) / total for zk in z]


def softmax_ce_derivatives(z, y):
    p = _softmax_expr(z)
    C = -sum(yk * sp.log(pk) for yk, pk in zip(y, p))
    return [sp.diff(C, zk) for zk in z]


def softmax_backward(A, grad_A):
    return A * (grad_A - (grad_A * A).sum(axis=1, keepdims=True))


def dense_backward(X, W, grad_z):
    return X.T @ grad_z, grad_z.sum(axis=0), grad_z @ W.T


def sigmoid_delta(a, grad_a):
    return grad_a * a * (1 - a)


def backward(params, caches, delta_output):
    grads = [None] * len(params)
    delta = delta_output
    for layer in reversed(range(len(params))):
        W, _ = params[layer]
        A_prev, _, _ = caches[layer]
        grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
        if layer > 0:
            _, Z_prev, name = caches[layer - 1]
            f, f_prime = scratch.ACTIVATIONS[name]
            delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
    return grads


def gradient_error(params, X, Y, activations, kind, eps=1e-6):
    return _gradient_error(params, X, Y, activations, kind, eps)


def _gradient_error(params, X, Y, activations, kind, eps=1e-6, slip=None):
    """The course's gradient_error, or one likely slip of it (slip names which)."""
    Y_hat, caches = forward(params, X, activations)
    grads = backward(params, caches, output_delta(Y_hat, Y, kind))

    def C():
        return cost(forward(params, X, activations)[0], Y, kind)

    errors = []
    for (W, b), (grad_W, grad_b) in zip(params, grads):
        for array, grad in ((W, grad_W),) if slip == "only_W" else ((W, grad_W), (b, grad_b)):
            if slip in ("forward", "not_restored"):
                estimate = np.zeros_like(array)
                base = C()
                for index in np.ndindex(array.shape):
                    original = array[index]
                    array[index] = original + eps
                    plus = C()
                    if slip == "forward":
                        estimate[index] = (plus - base) / eps
                        array[index] = original
                    else:
                        array[index] = original - eps
                        estimate[index] = (plus - C()) / (2 * eps)
            else:
                estimate = numerical_gradient(C, array, eps)
            if slip == "absolute":
                errors.append(np.linalg.norm(grad - estimate))
            elif slip == "elementwise":
                errors.append(np.max(np.abs(grad - estimate) / (np.abs(grad) + np.abs(estimate))))
            elif slip == "over_larger":
                errors.append(np.linalg.norm(grad - estimate) / max(np.linalg.norm(grad), np.linalg.norm(estimate)))
            elif slip == "over_numeric":
                errors.append(np.linalg.norm(grad - estimate) / np.linalg.norm(estimate))
            else:
                scale = np.linalg.norm(grad) + np.linalg.norm(estimate)
                errors.append(np.linalg.norm(grad - estimate) / scale if scale > 0 else 0.0)
    if slip == "global":
        a = np.concatenate([g.ravel() for pair in grads for g in pair])
        m = np.concatenate([numerical_gradient(C, p, eps).ravel() for pair in params for p in pair])
        return float(np.linalg.norm(a - m) / (np.linalg.norm(a) + np.linalg.norm(m)))
    if slip == "sum":
        return float(sum(errors))
    if slip == "smallest":
        return float(min(errors))
    if slip == "list":
        return errors
    return float(max(errors))


SOLUTIONS = {
    "check_sigmoid_derivative_expr": sigmoid_derivative_expr,
    "check_dloss_dw": dloss_dw,
    "check_numerical_derivative": numerical_derivative,
    "check_make_numeric": make_numeric,
    "check_softmax_ce_derivatives": softmax_ce_derivatives,
    "check_softmax_backward": softmax_backward,
    "check_dense_backward": dense_backward,
    "check_sigmoid_delta": sigmoid_delta,
    "check_numerical_gradient": numerical_gradient,
    "check_train_step": train_step,
    "check_backward": backward,
    "check_gradient_error": gradient_error,
}
HIDDEN_SEEDS = {
    name: seed for seed, name in zip([501, 502, 503, 504, 505, 506, 601, 603, 604, 602, 605, 606], SOLUTIONS)
}


@pytest.mark.parametrize("name", list(SOLUTIONS))
def test_the_solution_passes_twice_with_one_line_and_nothing_on_stderr(name, capfd):
    _check(name)(SOLUTIONS[name])
    _check(name)(SOLUTIONS[name])
    out, err = capfd.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert len(lines) == 2 and lines[0] == lines[1] and lines[0].startswith("\u2713 ")


@pytest.mark.parametrize("name", list(SOLUTIONS))
def test_other_seeds_also_pass(name, capsys):
    for seed in (1, HIDDEN_SEEDS[name]):
        _check(name)(SOLUTIONS[name], seed=seed)
    assert capsys.readouterr().out.count("\u2713") == 2


def test_the_hidden_seeds_are_the_notebooks():
    import json
    from pathlib import Path

    source = Path(__file__).resolve().parents[1] / "exercises" / "source"
    text = ""
    for name in ("ex05_derivatives.ipynb", "ex06_backprop.ipynb"):
        text += "".join("".join(c["source"]) for c in json.loads((source / name).read_text())["cells"])
    for name, seed in HIDDEN_SEEDS.items():
        assert f"{name}({SOLUTIONS[name].__name__}, seed={seed})" in text


# --- Wrong answers, written as a learner would write them ------------------------------------------------

q_ = sp.Symbol("q")


def _make_numeric_plain(expr, z):
    return sp.lambdify(z, expr, "numpy")


def _softmax_ce_diagonal(z, y):
    p = _softmax_expr(z)
    return [-y[k] / p[k] * p[k] * (1 - p[k]) for k in range(3)]


def _softmax_ce_shortcut(z, y):
    p = _softmax_expr(z)
    return [p[k] - y[k] for k in range(3)]


def _softmax_ce_unnormalised(z, y):
    C = -sum(yk * sp.log(sp.exp(zk)) for zk, yk in zip(z, y))
    return [sp.diff(C, zk) for zk in z]


def _softmax_ce_wrt_y(z, y):
    p = _softmax_expr(z)
    C = -sum(yk * sp.log(pk) for yk, pk in zip(y, p))
    return [sp.diff(C, yk) for yk in y]


def _softmax_ce_wrt_p(z, y):
    p = sp.symbols("p1:4")
    C = -sum(yk * sp.log(pk) for yk, pk in zip(y, p))
    return [sp.diff(C, pk).subs(dict(zip(p, _softmax_expr(z)))) for pk in p]


def _softmax_ce_no_log(z, y):
    p = _softmax_expr(z)
    C = -sum(yk * pk for yk, pk in zip(y, p))
    return [sp.diff(C, zk) for zk in z]


def _softmax_ce_jacobian(z, y):
    p = _softmax_expr(z)
    return sp.Matrix(3, 3, lambda j, k: sp.diff(p[j], z[k]))


def _softmax_backward_loop_no_keepdims(A, grad_A):
    return A * (grad_A - (grad_A * A).sum(axis=1))


def _softmax_backward_in_place(A, grad_A):
    grad_A -= (grad_A * A).sum(axis=1, keepdims=True)
    return A * grad_A


def _softmax_backward_jacobians(A, grad_A):
    return A[:, :, None] * (np.eye(A.shape[1]) - A[:, None, :])


def _backward_with(mistake):
    def wrong(params, caches, delta_output):
        return _backward_variant(params, caches, delta_output, mistake)

    return wrong


def _backward_first_to_last(params, caches, delta_output):
    grads = []
    delta = delta_output
    for layer in range(len(params)):
        W, _ = params[layer]
        A_prev, Z, name = caches[layer]
        grads.append((A_prev.T @ delta, delta.sum(axis=0)))
        if layer + 1 < len(params):
            f, f_prime = scratch.ACTIVATIONS[name]
            delta = (delta @ W) * f_prime(Z, f(Z))
    return grads


def _backward_with_derivatives_of_a(params, caches, delta_output):
    # annlib's sigmoid_derivative(A_prev): the slope taken at the layer's output instead of its sums
    grads = [None] * len(params)
    delta = delta_output
    for layer in reversed(range(len(params))):
        W, _ = params[layer]
        A_prev, _, _ = caches[layer]
        grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
        if layer > 0:
            name = caches[layer - 1][2]
            slope = {"sigmoid": annlib_activations.sigmoid_derivative, "tanh": annlib_activations.tanh_derivative}
            delta = (delta @ W.T) * slope.get(name, annlib_activations.relu_derivative)(A_prev)
    return grads


def _backward_doubles_hidden(params, caches, delta_output):
    grads = [None] * len(params)
    delta = delta_output
    for layer in reversed(range(len(params))):
        W, _ = params[layer]
        A_prev, _, _ = caches[layer]
        grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
        if layer > 0:
            _, Z_prev, name = caches[layer - 1]
            f, f_prime = scratch.ACTIVATIONS[name]
            delta = 2 * (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
    return grads


def _backward_skips_first(params, caches, delta_output):
    return backward(params, caches, delta_output)[1:] if len(params) > 1 else []


def _backward_dict(params, caches, delta_output):
    return dict(enumerate(backward(params, caches, delta_output)))


def _backward_clobbers_delta(params, caches, delta_output):
    grads = backward(params, caches, delta_output)
    delta_output *= 0
    return grads


def _backward_triples(params, caches, delta_output):
    return [(gW, gb, None) for gW, gb in backward(params, caches, delta_output)]


def _backward_keepdims_b(params, caches, delta_output):
    return [(gW, gb[None, :]) for gW, gb in backward(params, caches, delta_output)]


def _error_with(slip):
    def wrong(params, X, Y, activations, kind, eps=1e-6):
        return _gradient_error(params, X, Y, activations, kind, eps, slip=slip)

    return wrong


def _error_never_restored(params, X, Y, activations, kind, eps=1e-6):
    return _gradient_error(params, X, Y, activations, kind, eps, slip="not_restored")


MISTAKES = [
    ("check_sigmoid_derivative_expr", lambda z: 1 / (1 + sp.exp(-z)), "sigmoid itself"),
    ("check_sigmoid_derivative_expr", lambda z: -sigmoid_derivative_expr(z), "the sign"),
    ("check_sigmoid_derivative_expr", lambda z: sp.exp(-z) / (1 + sp.exp(-z)), "(1 + exp(-z))**2 below"),
    ("check_sigmoid_derivative_expr", lambda z: 1 / (1 + sp.exp(-z)) ** 2, "-exp(-z)"),
    ("check_sigmoid_derivative_expr", lambda z: 0.25, "SymPy expression"),
    ("check_dloss_dw", lambda w, x, b, y: sp.diff((1 / (1 + sp.exp(-(w * x + b))) - y) ** 2, b), "dz/dw = x"),
    ("check_dloss_dw", lambda w, x, b, y: dloss_dw(w, x, b, y) / 2, "factor 2"),
    ("check_dloss_dw", lambda w, x, b, y: -dloss_dw(w, x, b, y), "not 2 (y - a)"),
    ("check_dloss_dw", lambda w, x, b, y: dloss_dw(w, x, b, y) * q_, "only the symbols passed in"),
    ("check_numerical_derivative", lambda f, x, h=1e-5: (f(x) - f(x - h)) / h, "backward difference"),
    ("check_numerical_derivative", lambda f, x, h=1e-5: (f(x - h) - f(x + h)) / (2 * h), "the order"),
    ("check_numerical_derivative", lambda f, x, h=1e-5: np.array([1.0, 2.0]), "one number"),
    ("check_make_numeric", _make_numeric_plain, "an expression without z gives one number"),
    ("check_make_numeric", lambda expr, z: sp.lambdify(z, expr, "math"), "'numpy' module"),
    ("check_make_numeric", lambda expr, z: expr, "expected a function"),
    ("check_softmax_ce_derivatives", _softmax_ce_diagonal, "only the diagonal of the softmax's Jacobian"),
    ("check_softmax_ce_derivatives", _softmax_ce_shortcut, "holds only when y1 + y2 + y3 = 1"),
    ("check_softmax_ce_derivatives", _softmax_ce_unnormalised, "needs its normalising sum"),
    ("check_softmax_ce_derivatives", _softmax_ce_wrt_y, "that is dC/dy_k"),
    ("check_softmax_ce_derivatives", _softmax_ce_wrt_p, "that is dC/dp_k"),
    ("check_softmax_ce_derivatives", lambda z, y: [-d for d in softmax_ce_derivatives(z, y)], "the sign"),
    ("check_softmax_ce_derivatives", _softmax_ce_no_log, "the log is missing"),
    ("check_softmax_ce_derivatives", _softmax_ce_jacobian, "not a Jacobian"),
    ("check_softmax_ce_derivatives", lambda z, y: softmax_ce_derivatives(z, y)[0], "a list of three"),
    ("check_softmax_ce_derivatives", lambda z, y: softmax_ce_derivatives(z, y)[:2], "expected 3"),
    ("check_softmax_ce_derivatives", lambda z, y: [0.1, 0.2, 0.3], "SymPy expression"),
    ("check_softmax_backward", lambda A, G: G * A * (1 - A), "only the Jacobian's diagonal"),
    ("check_softmax_backward", lambda A, G: A * G, "off-diagonal part"),
    ("check_softmax_backward", lambda A, G: A * (G - (G * A).sum(axis=0, keepdims=True)), "not down the columns"),
    ("check_softmax_backward", lambda A, G: A * (G - (G * A).sum(axis=0)), "not down the columns"),
    ("check_softmax_backward", _softmax_backward_loop_no_keepdims, "keepdims=True"),
    ("check_softmax_backward", lambda A, G: A * (G + (G * A).sum(axis=1, keepdims=True)), "the sign"),
    ("check_softmax_backward", lambda A, G: A * (G - G.sum(axis=1, keepdims=True)), "weigh each dC/da_j by a_j"),
    ("check_softmax_backward", _softmax_backward_jacobians, "that is each row's Jacobian"),
    ("check_softmax_backward", _softmax_backward_in_place, "changed its input grad_A in place"),
    ("check_softmax_backward", lambda A, G: (A * G).tolist(), "a numpy array"),
    ("check_softmax_backward", lambda A, G: (A * G).sum(axis=1), "dC/dZ has the shape of A"),
    ("check_dense_backward", lambda X, W, gz: (gz.T @ X, gz.sum(axis=0), gz @ W.T), "W's shape"),
    ("check_dense_backward", lambda X, W, gz: (X.T @ gz / len(X), gz.sum(axis=0), gz @ W.T), "1/n"),
    ("check_sigmoid_delta", lambda a, grad_a: grad_a * (1 - a), "multiply by a too"),
    ("check_sigmoid_delta", lambda a, grad_a: grad_a * (1 - a * a), "tanh's derivative"),
    ("check_numerical_gradient", lambda loss, W, eps=1e-6: _forward_difference_gradient(loss, W, eps), "central"),
    ("check_train_step", lambda network, X, y, lr: _train_step_no_rate(network, X, y), "learning rate"),
    *[("check_backward", _backward_with(mistake), hint[:40]) for mistake, hint in _BACKWARD_MISTAKES],
    ("check_backward", _backward_first_to_last, "from the last to the first"),
    ("check_backward", _backward_with_derivatives_of_a, "not at its output A"),
    ("check_backward", _backward_skips_first, "every layer down to the first"),
    ("check_backward", _backward_dict, "a list of (grad_W, grad_b) pairs"),
    ("check_backward", _backward_triples, "is not a pair"),
    ("check_backward", _backward_keepdims_b, "a flat array"),
    ("check_backward", _backward_clobbers_delta, "changed its input delta_output in place"),
    ("check_backward", lambda params, caches, delta: None, "forget `return`"),
    ("check_backward", _backward_doubles_hidden, "the output layer is right, the layers before are not"),
    ("check_backward", lambda params, caches, delta: [caches[0][3]], "check each product's shapes"),
    ("check_gradient_error", _error_with("forward"), "a forward difference"),
    ("check_gradient_error", _error_never_restored, "put each nudged weight back"),
    ("check_gradient_error", _error_with("only_W"), "check every b too"),
    ("check_gradient_error", _error_with("absolute"), "an absolute difference"),
    ("check_gradient_error", _error_with("elementwise"), "not entry by entry"),
    ("check_gradient_error", _error_with("over_numeric"), "divide by the sum of both norms"),
    ("check_gradient_error", _error_with("over_larger"), "divide by the sum of both norms"),
    ("check_gradient_error", _error_with("sum"), "not their sum or mean"),
    ("check_gradient_error", _error_with("smallest"), "one wrong array is enough"),
    ("check_gradient_error", _error_with("list"), "one number"),
    ("check_gradient_error", _error_with("global"), "each W and each b on its own"),
    ("check_gradient_error", lambda params, X, Y, activations, kind, eps=1e-6: 1.0, "far below 1e-6"),
    ("check_gradient_error", lambda params, X, Y, activations, kind, eps=1e-6: 0.0, "compare every W and every b"),
]


def _forward_difference_gradient(loss, W, eps):
    grad = np.zeros_like(W)
    base = loss()
    for index in np.ndindex(W.shape):
        original = W[index]
        W[index] = original + eps
        grad[index] = (loss() - base) / eps
        W[index] = original
    return grad


def _train_step_no_rate(network, X, y):
    loss = MSE()
    y_pred = network.forward(X)
    value = loss(y_pred, y)
    network.backward(loss.gradient(y_pred, y))
    for param, grad in zip(network.parameters(), network.gradients()):
        param -= grad
    return value


@pytest.mark.parametrize("name, wrong, hint", MISTAKES, ids=[f"{n[6:]}-{i}" for i, (n, _, _) in enumerate(MISTAKES)])
def test_mistake_is_named_with_its_hint(name, wrong, hint, capfd):
    with pytest.raises(CheckFailed) as info:
        _check(name)(wrong)
    assert hint in str(info.value), str(info.value)
    assert len(str(info.value)) < 400
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_every_check_has_mistake_tests():
    assert {name for name, _, _ in MISTAKES} == set(SOLUTIONS)


def test_the_backward_variants_differ_from_each_other_and_from_the_right_one():
    # Each named mistake gives gradients of its own on the first (square) network, so no hint shadows another.
    from annlib.checks._core import rng_for
    from annlib.checks.backprop import _backward_case, _grads_match

    params, caches, delta = _backward_case(rng_for(0, 61), [3, 3, 3, 3], ["tanh", "sigmoid", "tanh"], None, 3)
    variants = [scratch.backward(params, caches, delta)]
    variants += [_backward_variant(params, caches, delta, mistake) for mistake, _ in _BACKWARD_MISTAKES]
    for i, one in enumerate(variants):
        for other in variants[i + 1 :]:
            assert not _grads_match(one, other)


# --- Answers that call annlib's own version score nothing ----------------------------------------------


def _expr_via_symbolic(z):
    return symbolic.sigmoid_derivative(z)


def _expr_via_named_sigmoid(z):
    return sp.diff(symbolic.Sigmoid(z), z)


def _dloss_via_chain_rule(w, x, b, y):
    yhat, s = sp.symbols("yhat s")
    steps = symbolic.chain_rule_steps(
        [sp.Eq(sp.Symbol("C"), (yhat - y) ** 2), (yhat, 1 / (1 + sp.exp(-s))), (s, w * x + b)], w
    )
    return steps.expression


def _derivative_via_gradcheck(f, x, h=1e-5):
    point = np.array([float(x)])
    return float(gradcheck.numerical_gradient(lambda: f(point[0]), point, h)[0])


def _numeric_via_symbolic(expr, z):
    f = symbolic.to_numpy_function([z], expr)
    return lambda v: f(v) + np.zeros_like(v)


def _ce_via_symbolic(z, y):
    p = symbolic.softmax(z)
    C = -sum(y[k] * sp.log(p[k]) for k in range(3))
    return [sp.diff(C, zk) for zk in z]


def _softmax_backward_via_jacobian(A, grad_A):
    return np.einsum("ni,nij->nj", grad_A, annlib_activations.softmax_derivative(np.log(A)))


def _notebook_function(code, name):
    """A function defined as a notebook cell defines it: in a namespace of its own, with its own imports."""
    namespace = {}
    exec(compile(code, "<notebook>", "exec"), namespace)
    return namespace[name]


_softmax_backward_via_activation = _notebook_function(
    """
from annlib.activations import get_activation

def softmax_backward(A, grad_A):
    return get_activation("softmax").backward(None, A, grad_A)
""",
    "softmax_backward",
)


def _dense_backward_via_dense(X, W, grad_z):
    layer = Dense(W.shape[0], W.shape[1], "identity")
    layer.W[...] = W
    layer.forward(X)
    grad_X = layer.backward(grad_z)
    return layer.grad_W, layer.grad_b, grad_X


def _sigmoid_delta_via_annlib(a, grad_a):
    return grad_a * annlib_activations.sigmoid_derivative(None, a)


def _numerical_gradient_via_gradcheck(loss, W, eps=1e-6):
    return gradcheck.numerical_gradient(loss, W, eps)


def _train_step_via_training(network, X, y, learning_rate):
    return training.train_step(network, X, y, MSE(), SGD(learning_rate))


def _backward_via_scratch(params, caches, delta_output):
    return scratch.backward(params, caches, delta_output)


def _backward_via_network(params, caches, delta_output):
    network = Network([Dense(W.shape[0], W.shape[1], name) for (W, _), (_, _, name) in zip(params, caches)])
    for layer, (W, b), (A_prev, _, _) in zip(network.layers, params, caches):
        layer.W[...], layer.b[...] = W, b
    network.forward(caches[0][0])
    network.backward(delta_output, at_z=True)
    return [(layer.grad_W, layer.grad_b) for layer in network.layers]


def _error_via_gradient_check(params, X, Y, activations, kind, eps=1e-6):
    return 0.0 if gradcheck.gradient_check is None else 0.0


_error_via_relative_error = _notebook_function(
    """
import numpy as np
from annlib.gradcheck import relative_error
from annlib.scratch import backward, cost, forward, output_delta

def numerical_gradient(loss, W, eps=1e-6):
    grad = np.zeros_like(W)
    for index in np.ndindex(W.shape):
        original = W[index]
        W[index] = original + eps
        plus = loss()
        W[index] = original - eps
        minus = loss()
        W[index] = original
        grad[index] = (plus - minus) / (2 * eps)
    return grad

def gradient_error(params, X, Y, activations, kind, eps=1e-6):
    Y_hat, caches = forward(params, X, activations)
    grads = backward(params, caches, output_delta(Y_hat, Y, kind))

    def C():
        return cost(forward(params, X, activations)[0], Y, kind)

    return max(
        relative_error(g, numerical_gradient(C, p, eps))
        for (W, b), (gW, gb) in zip(params, grads)
        for p, g in ((W, gW), (b, gb))
    )
""",
    "gradient_error",
)


TWINS = [
    ("check_sigmoid_derivative_expr", _expr_via_symbolic, "symbolic.sigmoid_derivative"),
    ("check_sigmoid_derivative_expr", _expr_via_named_sigmoid, "symbolic.Sigmoid"),
    ("check_dloss_dw", _dloss_via_chain_rule, "symbolic.chain_rule_steps"),
    ("check_numerical_derivative", _derivative_via_gradcheck, "gradcheck.numerical_gradient"),
    ("check_make_numeric", _numeric_via_symbolic, "symbolic.to_numpy_function"),
    ("check_softmax_ce_derivatives", _ce_via_symbolic, "symbolic.softmax"),
    ("check_softmax_backward", _softmax_backward_via_jacobian, "activations.softmax_derivative"),
    ("check_softmax_backward", _softmax_backward_via_activation, "the softmax Activation's backward"),
    ("check_dense_backward", _dense_backward_via_dense, "Dense.backward"),
    ("check_sigmoid_delta", _sigmoid_delta_via_annlib, "activations.sigmoid_derivative"),
    ("check_numerical_gradient", _numerical_gradient_via_gradcheck, "gradcheck.numerical_gradient"),
    ("check_train_step", _train_step_via_training, "uses annlib's"),
    ("check_backward", _backward_via_scratch, "scratch.backward"),
    ("check_backward", _backward_via_network, "uses annlib's"),
    ("check_gradient_error", _error_via_gradient_check, "gradient_check"),
    ("check_gradient_error", _error_via_relative_error, "gradcheck.relative_error"),
]


@pytest.mark.parametrize("name, answer, label", TWINS, ids=[f"{n[6:]}-{i}" for i, (n, _, _) in enumerate(TWINS)])
def test_an_answer_calling_annlibs_own_version_scores_nothing(name, answer, label):
    with pytest.raises(CheckFailed) as info:
        _check(name)(answer)
    assert "uses annlib's" in info.value.message and label in info.value.message, str(info.value)


def test_every_check_refuses_annlibs_own_version():
    assert {name for name, _, _ in TWINS} == set(SOLUTIONS)


def test_backward_may_look_up_slopes_in_annlib():
    # The derivatives themselves are not the part: scratch.ACTIVATIONS and annlib.activations are allowed.
    def own_backward(params, caches, delta_output):
        slopes = {
            "sigmoid": annlib_activations.sigmoid_derivative,
            "tanh": annlib_activations.tanh_derivative,
            "relu": annlib_activations.relu_derivative,
            "identity": annlib_activations.identity_derivative,
        }
        grads, delta = [], delta_output
        for layer in range(len(params) - 1, -1, -1):
            A_prev = caches[layer][0]
            grads.insert(0, (A_prev.T @ delta, delta.sum(axis=0)))
            if layer:
                Z_prev, name = caches[layer - 1][1], caches[layer - 1][2]
                delta = delta @ params[layer][0].T * slopes[name](Z_prev)
        return grads

    C.check_backward(own_backward)


_recursive_backward = _notebook_function(
    """
from annlib.scratch import ACTIVATIONS

def backward(params, caches, delta_output):
    W, _ = params[-1]
    A_prev, _, _ = caches[-1]
    last = (A_prev.T @ delta_output, delta_output.sum(axis=0))
    if len(params) == 1:
        return [last]
    _, Z_prev, name = caches[-2]
    f, f_prime = ACTIVATIONS[name]
    return backward(params[:-1], caches[:-1], (delta_output @ W.T) * f_prime(Z_prev, f(Z_prev))) + [last]
""",
    "backward",
)


def test_a_recursive_backward_with_the_notebooks_imports_passes(capsys):
    # The notebook imports ACTIVATIONS itself, so a backward calling itself is not taken for scratch.backward.
    C.check_backward(_recursive_backward)
    assert capsys.readouterr().out.startswith("\u2713 backward")


# --- gradient_error is graded alone: the course's functions run inside it ------------------------------


_LEARNER_CELLS = """
import numpy as np

def forward(params, X, activations):
    raise NotImplementedError()

def backward(params, caches, delta_output):
    return [(0 * W, 0 * b) for W, b in params]

def numerical_gradient(loss, W, eps=1e-6):
    return np.zeros_like(W)

def gradient_error(params, X, Y, activations, kind, eps=1e-6):
    Y_hat, caches = forward(params, X, activations)
    grads = backward(params, caches, output_delta(Y_hat, Y, kind))

    def C():
        return cost(forward(params, X, activations)[0], Y, kind)

    largest = 0.0
    for (W, b), (grad_W, grad_b) in zip(params, grads):
        for array, grad in ((W, grad_W), (b, grad_b)):
            estimate = numerical_gradient(C, array, eps)
            largest = max(largest, np.linalg.norm(grad - estimate) / (np.linalg.norm(grad) + np.linalg.norm(estimate)))
    return largest
"""


def test_gradient_error_is_graded_with_the_course_functions_whatever_the_learners_are(capsys):
    namespace = {}
    exec(compile(_LEARNER_CELLS, "<notebook>", "exec"), namespace)
    own = {name: namespace[name] for name in ("forward", "backward", "numerical_gradient")}
    C.check_gradient_error(namespace["gradient_error"])
    assert capsys.readouterr().out.startswith("\u2713 gradient_error")
    assert {name: namespace[name] for name in own} == own  # the learner's own versions are back
    assert "cost" not in namespace and "output_delta" not in namespace  # nothing left behind


def test_gradient_error_with_a_backward_that_catches_nothing_fails():
    # A gradient_error that never looks at the gradients cannot pass, whatever number it returns.
    for constant in (0.0, 1e-12, 0.5):
        with pytest.raises(CheckFailed):
            C.check_gradient_error(lambda params, X, Y, activations, kind, eps=1e-6, c=constant: c)


# --- Nothing around a check changes ---------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SOLUTIONS))
def test_a_check_changes_nothing_around_it(name):
    solution = SOLUTIONS[name]
    errors, filters = np.geterr(), list(warnings.filters)
    before = {key: value for key, value in solution.__globals__.items() if not key.startswith("__")}
    _check(name)(solution)
    assert np.geterr() == errors and warnings.filters == filters
    after = {key: value for key, value in solution.__globals__.items() if not key.startswith("__")}
    assert after.keys() == before.keys() and all(after[k] is before[k] for k in before)


def test_the_softmax_backward_demo_turns_the_cross_entropy_gradient_into_the_shortcut():
    rng = np.random.default_rng(5)
    Z = rng.normal(size=(4, 3))
    Y = np.eye(3)[[0, 2, 1, 2]]
    P = annlib_activations.softmax(Z)
    assert np.allclose(softmax_backward(P, -Y / (4 * P)), (P - Y) / 4)
