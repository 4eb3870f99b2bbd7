"""Activation functions: values, derivatives, stability at extreme inputs, bad input."""

import warnings

import numpy as np
import pytest

from annlib import activations as act

PAIRS = [
    ("sigmoid", act.sigmoid, act.sigmoid_derivative),
    ("tanh", act.tanh, act.tanh_derivative),
    ("relu", act.relu, act.relu_derivative),
    ("leaky_relu", act.leaky_relu, act.leaky_relu_derivative),
    ("identity", act.identity, act.identity_derivative),
]
EXTREME = np.array([-1e4, -1e3, -710.0, -50.0, 0.0, 50.0, 710.0, 1e3, 1e4])


def test_known_values():
    assert act.sigmoid(0.0) == 0.5
    np.testing.assert_allclose(act.sigmoid(np.array([-2.0, 2.0])), [0.11920292, 0.88079708], rtol=1e-7)
    np.testing.assert_allclose(act.tanh(1.0), np.tanh(1.0))
    np.testing.assert_array_equal(act.relu(np.array([-2.0, 0.0, 3.0])), [0.0, 0.0, 3.0])
    np.testing.assert_allclose(act.leaky_relu(np.array([-2.0, 3.0])), [-0.02, 3.0])
    np.testing.assert_array_equal(act.identity(np.array([-2.0, 3.0])), [-2.0, 3.0])


@pytest.mark.parametrize("name, f, df", PAIRS, ids=[p[0] for p in PAIRS])
def test_derivative_matches_central_difference(name, f, df):
    z = np.linspace(-4, 4, 41) + 0.0123  # avoid the kink of relu at exactly 0
    h = 1e-6
    numeric = (f(z + h) - f(z - h)) / (2 * h)
    np.testing.assert_allclose(df(z), numeric, rtol=1e-6, atol=1e-8)


def test_sigmoid_derivative_is_sigma_one_minus_sigma():
    z = np.linspace(-5, 5, 11)
    s = act.sigmoid(z)
    np.testing.assert_allclose(act.sigmoid_derivative(z), s * (1 - s))
    assert act.sigmoid_derivative(0.0) == 0.25


@pytest.mark.parametrize("name, f, df", PAIRS, ids=[p[0] for p in PAIRS])
def test_no_warning_no_nan_at_extreme_inputs(name, f, df):
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        for values in (f(EXTREME), df(EXTREME)):
            assert np.all(np.isfinite(values))


def test_sigmoid_saturates_exactly_at_extremes():
    with np.errstate(over="raise"):
        s = act.sigmoid(EXTREME)
    assert s[0] == 0.0 and s[-1] == 1.0
    assert np.all((s >= 0) & (s <= 1))


def test_softmax_rows_sum_to_one_and_are_stable():
    z = np.array([[1.0, 2.0, 3.0], [1e4, -1e4, 0.0], [-1e4, -1e4, -1e4]])
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        p = act.softmax(z)
        jac = act.softmax_derivative(z)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(p[0], np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum())
    np.testing.assert_array_equal(p[1], [1.0, 0.0, 0.0])
    np.testing.assert_allclose(p[2], 1 / 3)
    assert jac.shape == (3, 3, 3) and np.all(np.isfinite(jac))


def test_softmax_jacobian_matches_central_difference():
    z = np.array([0.3, -1.2, 2.0])
    h = 1e-6
    numeric = np.column_stack([(act.softmax(z + h * e) - act.softmax(z - h * e)) / (2 * h) for e in np.eye(3)])
    np.testing.assert_allclose(act.softmax_derivative(z), numeric, atol=1e-9)


@pytest.mark.parametrize("name", list(act.ACTIVATIONS))
def test_activation_backward_is_chain_rule(name):
    rng = np.random.default_rng(1)
    z = rng.normal(size=(4, 3)) + 0.01
    grad_a = rng.normal(size=(4, 3))
    f = act.get_activation(name)
    a = f.forward(z)
    grad_z = f.backward(z, a, grad_a)
    if name == "softmax":
        expected = np.einsum("nk,nkj->nj", grad_a, act.softmax_derivative(z))
    else:
        expected = grad_a * f.derivative(z, a)
    np.testing.assert_allclose(grad_z, expected, atol=1e-12)
    assert grad_z is not grad_a


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "identity"])
def test_each_derivative_is_the_module_function_written_once(name):
    # The layer's backward uses the module's own name_derivative, given the output it already has.
    z = np.linspace(-3, 3, 13).reshape(13, 1) + 0.01
    f = act.get_activation(name)
    assert f.derivative is getattr(act, f"{name}_derivative")
    np.testing.assert_allclose(f.derivative(z, f.forward(z)), getattr(act, f"{name}_derivative")(z), atol=1e-15)


@pytest.mark.parametrize("function", [act.sigmoid, act.tanh, act.relu, act.softmax, act.sigmoid_derivative])
def test_activations_refuse_what_is_not_a_number(function):
    with pytest.raises(TypeError, match=rf"^{function.__name__}: z must be a numeric array, got NoneType$"):
        function(None)
    with pytest.raises(TypeError, match=rf"^{function.__name__}: z must be a numeric array, got str$"):
        function("1.0")


def test_unknown_activation_is_named():
    with pytest.raises(ValueError, match=r"Dense: unknown activation 'sigmoidd'; choose one of 'sigmoid'"):
        act.get_activation("sigmoidd", caller="Dense")
    with pytest.raises(TypeError, match="activation must be a name"):
        act.get_activation(3)


# --- The one table: every name in it obeys the chain rule, numerically and in SymPy ----------------------

# Points including 0 (ReLU's kink, where the table promises the left-hand slope) and large |z|.
POINTS = np.array([-1e3, -40.0, -3.0, -0.5, 0.0, 0.7, 2.5, 40.0, 1e3])
EPS = 1e-6


def _left_difference(f, z):
    return (f(z) - f(z - EPS)) / EPS


def _central_difference(f, z):
    return (f(z + EPS) - f(z - EPS)) / (2 * EPS)


@pytest.mark.parametrize("name", list(act.ACTIVATIONS))
def test_chain_rule_for_every_activation_in_the_table(name):
    import sympy as sp

    from annlib.symbolic import functions as symbolic

    row = act.ACTIVATIONS[name]
    z = sp.Symbol("z", real=True)
    if not row.elementwise:  # softmax: a Jacobian per row, against finite differences and SymPy
        rows = np.array([[0.0, 0.0, 0.0], [-40.0, 2.5, 40.0], [1e3, -1e3, 0.7]])
        symbols = sp.symbols("z0:3", real=True)
        exact_jacobian = sp.lambdify(symbols, symbolic.softmax_derivative(symbols), "mpmath")
        for scores in rows:
            jacobian = row.derivative(scores)  # (3, 3): d softmax_i / d z_j
            by_differences = np.array(
                [[_central_difference(lambda t: row.function(scores + t * np.eye(3)[j])[i], 0.0) for j in range(3)]
                 for i in range(3)]
            )  # fmt: skip
            np.testing.assert_allclose(jacobian, by_differences, atol=1e-8)
            exact = np.array(exact_jacobian(*scores).tolist(), dtype=float)
            np.testing.assert_allclose(jacobian, exact, atol=1e-12)
        return
    a = row.function(POINTS)
    derivative = row.derivative(POINTS, a)
    # the derivative given a = f(z) is the derivative computed from z alone
    np.testing.assert_array_equal(derivative, row.derivative(POINTS))
    # against finite differences: central away from 0, the left-hand one at the kink
    away = POINTS != 0.0
    np.testing.assert_allclose(derivative[away], _central_difference(row.function, POINTS[away]), atol=1e-8)
    np.testing.assert_allclose(derivative[~away], _left_difference(row.function, POINTS[~away]), atol=1e-6)
    # the SymPy pair of the same name: its derivative is sp.diff of its function, and equals numpy's
    function, symbolic_derivative = getattr(symbolic, name), getattr(symbolic, f"{name}_derivative")
    assert sp.simplify(sp.diff(function(z), z) - symbolic_derivative(z)) == 0
    for value, expected in zip(POINTS, derivative):
        exact = float(sp.sympify(symbolic_derivative(z)).subs(z, sp.Float(value, 30)).evalf(30))
        assert exact == pytest.approx(expected, rel=1e-12, abs=1e-15)  # a = f(z) rounds to 1 for z >= 37


def test_the_table_is_the_one_every_part_reads():
    from annlib import scratch
    from annlib.checks import forward as forward_checks
    from annlib.symbolic import functions as symbolic

    table = act.ACTIVATIONS
    for name, (function, derivative) in scratch.ACTIVATIONS.items():
        assert function is table[name].function
        assert derivative is (table[name].derivative if table[name].elementwise else None)
        assert forward_checks.ACTIVATION_FUNCTIONS[name] is function
    assert list(forward_checks.ACTIVATION_FUNCTIONS) == list(scratch.ACTIVATIONS)
    assert set(symbolic._NAMED) == {name for name, row in table.items() if row.elementwise}
    for name in table:  # annlib.symbolic has the pair of every name
        assert callable(getattr(symbolic, name)) and callable(getattr(symbolic, f"{name}_derivative"))
        assert act.get_activation(name).name == name
