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
    Y_hat, caches = forward(params, X, activations)
    grads = backward(params, caches, output_delta(Y_hat, Y, kind))

    def C():
        return cost(forward(params, X, activations)[0], Y, kind)

    largest = 0.0
    for (W, b), (grad_W, grad_b) in zip(params, grads):
        for array, grad in ((W, grad_W), (b, grad_b)):
            estimate = numerical_gradient(C, array, eps)
            scale = np.linalg.norm(grad) + np.linalg.norm(estimate)
            if scale > 0:
                largest = max(largest, np.linalg.norm(grad - estimate) / scale)
    return largest


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


def _softmax_backward_in_place(A, grad_A):
    grad_A -= (grad_A * A).sum(axis=1, keepdims=True)
    return A * grad_A


MISTAKES = [
    ("check_numerical_derivative", lambda f, x, h=1e-5: np.array([1.0, 2.0]), "one number"),
    ("check_softmax_ce_derivatives", lambda z, y: softmax_ce_derivatives(z, y)[0], "expected a list of 3"),
    ("check_softmax_ce_derivatives", lambda z, y: softmax_ce_derivatives(z, y)[:2], "expected 3"),
    ("check_softmax_ce_derivatives", lambda z, y: [0.1, 0.2, 0.3], "SymPy expression"),
    ("check_softmax_backward", _softmax_backward_in_place, "changed its input grad_A in place"),
    ("check_softmax_backward", lambda A, G: (A * G).tolist(), "a numpy array"),
    ("check_softmax_backward", lambda A, G: (A * G).sum(axis=1), "dC/dZ has the shape of A"),
]


@pytest.mark.parametrize("name, wrong, hint", MISTAKES, ids=[f"{n[6:]}-{i}" for i, (n, _, _) in enumerate(MISTAKES)])
def test_mistake_is_named_with_its_hint(name, wrong, hint, capfd):
    with pytest.raises(CheckFailed) as info:
        _check(name)(wrong)
    assert hint in str(info.value), str(info.value)
    assert len(str(info.value)) < 400
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_every_check_has_mistake_tests():
    # The checks with a catalogue of mistakes are tested on it in test_catalogue.py.
    from tests.test_catalogue import CATALOGUES

    assert {name for name, _, _ in MISTAKES} | set(CATALOGUES) >= set(SOLUTIONS)


# --- Exercise 05: the slips each check must tell apart -------------------------------------------------


def _named(check, answer):
    with pytest.raises(CheckFailed) as info:
        check(answer)
    return info.value


@pytest.mark.parametrize(
    "answer",
    [
        lambda f, x, h=1e-5: (f(x + 1e-5) - f(x - 1e-5)) / 2e-5,
        lambda f, x, h=1e-5: (f(x + 1e-4) - f(x - 1e-4)) / (2 * 1e-4),
    ],
)
def test_a_numerical_derivative_that_ignores_h_is_caught_and_named(answer):
    # Right for the default h only: x**3 with h = 0.1 has central difference f'(x) + h**2.
    failure = _named(C.check_numerical_derivative, answer)
    assert failure.mistakes == ("ignores_h",) and "h = 0.1" in failure.message


@pytest.mark.parametrize(
    "key, answer",
    [
        ("forward", lambda f, x, h=1e-5: (f(x + h) - f(x)) / h),
        ("backward", lambda f, x, h=1e-5: (f(x) - f(x - h)) / h),
        ("over_h", lambda f, x, h=1e-5: (f(x + h) - f(x - h)) / h),
        ("forward_over_2h", lambda f, x, h=1e-5: (f(x + h) - f(x)) / (2 * h)),
        ("times_h", lambda f, x, h=1e-5: (f(x + h) - f(x - h)) / 2 * h),
        ("precedence", lambda f, x, h=1e-5: f(x + h) - f(x - h) / (2 * h)),
        ("negated", lambda f, x, h=1e-5: (f(x - h) - f(x + h)) / (2 * h)),
    ],
)
def test_each_finite_difference_slip_is_named_alone(key, answer):
    assert _named(C.check_numerical_derivative, answer).mistakes == (key,)


def test_a_sign_slip_in_the_exponent_gets_a_hint_about_the_sign_not_the_chain_rule():
    failure = _named(C.check_sigmoid_derivative_expr, lambda z: sp.diff(1 / (1 + sp.exp(z)), z))
    assert failure.mistakes == ("sign_in_exponent",)
    assert "exp(-z)" in failure.hint and "chain rule" not in failure.hint
    # the same values from a hand derivative that lost the inner factor's minus: that hint is the chain rule's
    failure = _named(C.check_sigmoid_derivative_expr, lambda z: -sp.exp(-z) / (1 + sp.exp(-z)) ** 2)
    assert failure.mistakes == ("inner_factor",) and "chain rule" in failure.hint


@pytest.mark.parametrize(
    "form",
    [
        lambda z: (1 / (1 + sp.exp(-z))) * (1 - 1 / (1 + sp.exp(-z))),
        lambda z: sp.exp(-z) / (1 + sp.exp(-z)) ** 2,
        lambda z: sp.exp(z) / (1 + sp.exp(z)) ** 2,
        lambda z: 1 / (2 + 2 * sp.cosh(z)),
        lambda z: sp.simplify(sp.diff(1 / (1 + sp.exp(-z)), z)),
    ],
)
def test_every_form_of_the_sigmoids_derivative_passes(form, capsys):
    for seed in (0, 501):
        C.check_sigmoid_derivative_expr(form, seed=seed)
    assert capsys.readouterr().out.count("\u2713") == 2


def test_make_numeric_keeps_the_shape_of_1d_and_2d_input_for_a_constant_and_names_the_slip():
    f = make_numeric(sp.Integer(3), sp.Symbol("z"))
    assert f(np.zeros(3)).shape == (3,) and f(np.zeros((2, 3))).shape == (2, 3)
    failure = _named(C.check_make_numeric, lambda expr, z: sp.lambdify(z, expr, "numpy"))
    assert failure.mistakes == ("constant_not_spread",) and "expected (3,)" in failure.message
    failure = _named(C.check_make_numeric, lambda expr, z: lambda v, f=sp.lambdify(z, expr): f(v) * np.ones(len(v)))
    assert failure.mistakes == ("length_not_shape",)


@pytest.mark.parametrize(
    "key, answer",
    [
        ("grad_times_jacobians", lambda A, G: G @ (A[:, :, None] * (np.eye(A.shape[1]) - A[:, None, :]))),
        ("jacobians_times_grad", lambda A, G: (A[:, :, None] * (np.eye(A.shape[1]) - A[:, None, :])) @ G),
        ("first_row_jacobian", lambda A, G: G @ (np.diag(A[0]) - np.outer(A[0], A[0]))),
        ("transposed", lambda A, G: softmax_backward(A, G).T),
        ("batch_mixed", lambda A, G: A * G - A * (A @ G.T)),
    ],
)
def test_softmax_backward_names_a_jacobian_applied_to_the_batch_on_the_wrong_side(key, answer):
    assert _named(C.check_softmax_backward, answer).mistakes == (key,)


def test_softmax_backward_accepts_each_rows_jacobian_on_either_side(capsys):
    def rows(A, grad_A, left):
        out = np.empty_like(A)
        for i, (a, g) in enumerate(zip(A, grad_A)):
            J = np.diag(a) - np.outer(a, a)
            out[i] = g @ J if left else J @ g
        return out

    for left in (True, False):
        C.check_softmax_backward(lambda A, G, left=left: rows(A, G, left))
    assert capsys.readouterr().out.count("\u2713") == 2


def test_the_backward_variants_differ_from_each_other_and_from_the_right_one():
    # Each named mistake gives gradients of its own on the first (square) network, so no hint shadows another.
    from annlib.checks._core import alike, rng_for
    from annlib.checks.backprop import BACKWARD_MISTAKES, _backward_case

    case = _backward_case(rng_for(0, 61), [3, 3, 3, 3], ["tanh", "sigmoid", "tanh"], None, 3)
    variants = [scratch.backward(*case.args)]
    variants += [m.wrong(*case.args) for m in BACKWARD_MISTAKES if m.wrong is not None and m.key != "in_place"]
    for i, one in enumerate(variants):
        for other in variants[i + 1 :]:
            assert not alike(one, other)


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
            scale = np.linalg.norm(grad) + np.linalg.norm(estimate)
            largest = max(largest, np.linalg.norm(grad - estimate) / scale if scale else 0.0)
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


# --- Slips that used to pass or be named wrongly ---------------------------------------------------------


def test_make_numeric_that_writes_into_the_array_it_is_given_fails():
    def make_numeric_in_place(expr, z):
        f = sp.lambdify(z, expr, "numpy")

        def numeric(values):
            values[...] = f(values)
            return values

        return numeric

    with pytest.raises(CheckFailed) as info:
        C.check_make_numeric(make_numeric_in_place)
    assert info.value.mistakes == ("in_place",), str(info.value)
    assert "changed the array it was given" in str(info.value)


def test_one_minus_sigma_is_told_what_its_values_are():
    def one_minus_sigma(z):
        return 1 - 1 / (1 + sp.exp(-z))

    with pytest.raises(CheckFailed) as info:
        C.check_sigmoid_derivative_expr(one_minus_sigma)
    assert info.value.mistakes == ("no_square",) and "1 - sigma" in str(info.value)


def test_a_gradient_error_that_checks_the_first_layer_only_fails():
    def first_layer_only(params, X, Y, activations, kind, eps=1e-6):
        Y_hat, caches = forward(params, X, activations)
        grads = backward(params, caches, output_delta(Y_hat, Y, kind))

        def C_():
            return cost(forward(params, X, activations)[0], Y, kind)

        rs = []
        for arr, g in zip(params[0], grads[0]):
            m = numerical_gradient(C_, arr, eps)
            s = np.linalg.norm(g) + np.linalg.norm(m)
            rs.append(np.linalg.norm(g - m) / s if s else 0.0)
        return max(rs)

    with pytest.raises(CheckFailed) as info:
        C.check_gradient_error(first_layer_only)
    assert info.value.mistakes == ("first_layer_only",), str(info.value)


def test_a_train_step_that_updates_before_backward_is_not_told_it_renames():
    def update_first(network, X, y, learning_rate):
        loss = MSE()
        y_pred = network.forward(X)
        value = loss(y_pred, y)
        for p, g in zip(network.parameters(), network.gradients()):
            p -= learning_rate * g
        network.backward(loss.gradient(y_pred, y))
        return value

    with pytest.raises(CheckFailed) as info:
        C.check_train_step(update_first)
    assert info.value.mistakes == ("update_before_backward",), str(info.value)


# --- Slips of real learners' code, each named -------------------------------------------------------------------


def test_make_numeric_that_sorts_the_array_it_is_given_is_caught():
    def sorting(expr, z):
        f = sp.lambdify(z, expr, "numpy")

        def numeric(values):
            values.sort()  # the caller's array, reordered
            return f(values) + np.zeros_like(values)

        return numeric

    with pytest.raises(CheckFailed) as info:
        C.check_make_numeric(sorting)
    assert info.value.mistakes == ("in_place",), str(info.value)


def test_softmax_backward_that_changes_grad_A_is_named_in_place():
    def on_grad_A(A, grad_A):
        grad_A -= (A * grad_A).sum(axis=1, keepdims=True)
        grad_A *= A
        return grad_A

    with pytest.raises(CheckFailed) as info:
        C.check_softmax_backward(on_grad_A)
    assert info.value.mistakes == ("in_place",), str(info.value)
    assert "grad_A" in info.value.hint


def test_softmax_backward_without_a_k_on_the_row_sum_is_named():
    with pytest.raises(CheckFailed) as info:
        C.check_softmax_backward(lambda A, grad_A: A * grad_A - (A * grad_A).sum(axis=1, keepdims=True))
    assert info.value.mistakes == ("sum_not_times_a",), str(info.value)
