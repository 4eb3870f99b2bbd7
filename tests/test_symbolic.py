"""Tests for annlib.symbolic: the SymPy mirror of the numeric core, the chain rule, network_gradients."""

import numpy as np
import pytest
import sympy as sp

import annlib
from annlib import activations, losses, plotting, symbolic
from annlib.gradcheck import numerical_gradient, relative_error
from annlib.layers import Dense

z = sp.Symbol("z")
POINTS = np.random.default_rng(0).uniform(-4, 4, size=50)


def numeric(expr, symbols=(z,)):
    return symbolic.to_numpy_function(symbols, expr)


# --- Each SymPy activation against its numeric twin ----------------------------------------------------

PAIRS = ["sigmoid", "tanh", "relu", "leaky_relu", "identity"]


@pytest.mark.parametrize("name", PAIRS)
def test_activation_matches_numeric_core(name):
    values = np.broadcast_to(numeric(getattr(symbolic, name)(z))(POINTS), POINTS.shape)
    np.testing.assert_allclose(values, getattr(activations, name)(POINTS), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", PAIRS)
def test_derivative_matches_numeric_core(name):
    derivative = getattr(symbolic, f"{name}_derivative")(z)
    values = np.broadcast_to(numeric(derivative)(POINTS), POINTS.shape)
    expected = getattr(activations, f"{name}_derivative")(POINTS)
    np.testing.assert_allclose(values, expected, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", PAIRS)
def test_derivative_is_what_sympy_differentiates(name):
    by_sympy = sp.diff(getattr(symbolic, name)(z), z)
    stated = getattr(symbolic, f"{name}_derivative")(z)
    if name in ("sigmoid", "tanh", "identity"):
        assert sp.simplify(by_sympy - stated) == 0
    else:  # piecewise: compare away from the kink
        points = POINTS[np.abs(POINTS) > 1e-3]
        np.testing.assert_allclose(np.broadcast_to(numeric(by_sympy)(points), points.shape), numeric(stated)(points))


def test_sigmoid_derivative_is_sigma_times_one_minus_sigma():
    derived = sp.diff(1 / (1 + sp.exp(-z)), z)
    assert sp.simplify(derived - symbolic.sigmoid(z) * (1 - symbolic.sigmoid(z))) == 0


@pytest.mark.parametrize(
    "named, formula",
    [
        (symbolic.Sigmoid, symbolic.sigmoid),
        (symbolic.ReLU, symbolic.relu),
        (lambda v: symbolic.LeakyReLU(v, sp.Rational(1, 100)), symbolic.leaky_relu),
    ],
)
def test_named_functions_equal_their_formulas_and_derivatives(named, formula):
    for expr, twin in ((named(z), formula(z)), (sp.diff(named(z), z), sp.diff(formula(z), z))):
        points = POINTS[np.abs(POINTS) > 1e-3]
        np.testing.assert_allclose(
            np.broadcast_to(numeric(expr)(points), points.shape),
            np.broadcast_to(numeric(twin)(points), points.shape),
            rtol=1e-12,
        )


def test_named_functions_rewrite_to_formulas():
    assert symbolic.Sigmoid(z).rewrite(sp.exp) == symbolic.sigmoid(z)
    assert symbolic.ReLU(z).rewrite(sp.Piecewise) == symbolic.relu(z)
    assert symbolic.Step(z).rewrite(sp.Piecewise) == symbolic.relu_derivative(z)
    assert sp.latex(symbolic.Sigmoid(z)) == r"\sigma\left(z\right)"
    assert sp.latex(symbolic.Sigmoid(z) ** 2) == r"\sigma\left(z\right)^{2}"


def test_softmax_and_its_jacobian_match_numeric_core():
    zs = sp.symbols("z1 z2 z3")
    point = np.array([0.3, -1.2, 2.0])
    s = np.array(numeric(symbolic.softmax(zs), zs)(*point), dtype=float).ravel()
    np.testing.assert_allclose(s, activations.softmax(point), rtol=1e-12)
    jacobian = np.array(numeric(symbolic.softmax_derivative(zs), zs)(*point), dtype=float)
    np.testing.assert_allclose(jacobian, activations.softmax_derivative(point), rtol=1e-12, atol=1e-15)
    by_sympy = symbolic.softmax(zs).jacobian(zs)
    assert sp.simplify(by_sympy - symbolic.softmax_derivative(zs)) == sp.zeros(3, 3)


# --- Losses with the numeric core's averaging -------------------------------------------------------


@pytest.mark.parametrize(
    "function, loss, kind",
    [
        (symbolic.mse, losses.MSE(), "real"),
        (symbolic.binary_cross_entropy, losses.BinaryCrossEntropy(), "binary"),
        (symbolic.cross_entropy, losses.CrossEntropy(), "one_hot"),
    ],
)
def test_losses_match_numeric_core(function, loss, kind):
    rng = np.random.default_rng(3)
    if kind == "real":
        y_pred, y_true = rng.normal(size=(4, 2)), rng.normal(size=(4, 2))
    elif kind == "binary":
        y_pred, y_true = rng.uniform(0.05, 0.95, (4, 2)), (rng.random((4, 2)) > 0.5) * 1.0
    else:
        y_pred, y_true = activations.softmax(rng.normal(size=(4, 3))), np.eye(3)[[0, 2, 1, 2]]
    value = float(function(sp.Matrix(y_pred), sp.Matrix(y_true)))
    assert value == pytest.approx(loss(y_pred, y_true), rel=1e-12)
    assert float(symbolic.loss_expression(loss, sp.Matrix(y_pred), sp.Matrix(y_true))) == pytest.approx(value)


def test_losses_take_lists_rows_and_arrays_alike():
    p, t = sp.symbols("p t")
    assert symbolic.mse([p], [t]) == (p - t) ** 2
    column = np.array([[0.5], [0.25]])
    assert float(symbolic.mse(column, np.zeros((2, 1)))) == pytest.approx(losses.MSE()(column, np.zeros((2, 1))))


def test_loss_of_mismatched_shapes_names_the_function():
    with pytest.raises(ValueError, match="mse: y_pred has shape"):
        symbolic.mse([[1, 2]], [[1, 2, 3]])


# --- One neuron, one layer, a network ---------------------------------------------------------------


def test_neuron_and_layer_match_numeric_core():
    x, w, b = [0.5, -1.0, 2.0], [0.3, 0.1, -0.4], 0.2
    assert float(symbolic.weighted_sum(x, w, b)) == pytest.approx(annlib.weighted_sum(x, w, b))
    for name in PAIRS:
        got = float(symbolic.neuron_output(x, w, b, name))
        assert got == pytest.approx(annlib.neuron_output(x, w, b, name), rel=1e-12)
    layer = Dense(3, 4, "tanh", rng=0)
    got = np.array(symbolic.layer_output(x, layer.W, layer.b, "tanh"), dtype=float)
    np.testing.assert_allclose(got, layer.forward(np.array([x])), rtol=1e-12)


def test_names_follow_the_article():
    net = symbolic.SymbolicNetwork.from_sizes([3, 4, 4, 1])
    assert [str(s) for s in net.weights[0][0, :]] == ["w_a1", "w_a2", "w_a3", "w_a4"]
    assert [str(s) for s in net.weights[0][:, 0]] == ["w_a1", "w_b1", "w_c1"]
    assert sp.latex(net.weights[0][1, 2]) == "w_{b3}"
    assert sp.latex(net.weights[1][0, 1]) == "w^{(2)}_{a2}"
    assert str(net.weights[2][3, 0]) == "w^(3)_d1"
    assert sp.latex(net.biases[0][3]) == "b_{14}"
    assert [str(s) for s in net.inputs] == ["x1", "x2", "x3"]
    assert sp.latex(symbolic.node_symbol(1, 3)) == "A_{24}"
    assert sp.latex(symbolic.output_symbol(0, 1)) == r"\hat{y}"
    assert str(symbolic.weight_symbol(0, 0, 11)) == "w^(1)_1,12"
    assert str(symbolic.node_symbol(0, 11)) == "A^(1)_12"
    assert len(net.parameters()) == annlib.Network.from_sizes([3, 4, 4, 1]).n_parameters == 41


def test_symbols_and_diagram_names_count_layers_alike():
    # Both take the layer as Python counts it (0 = network.layers[0]) and show the article's number.
    for layer, i, j in [(0, 0, 0), (0, 2, 3), (1, 0, 0), (2, 3, 0)]:
        symbol = str(symbolic.weight_symbol(layer, i, j))
        assert symbol.replace("^(", "").replace(")_", "").replace("_", "") == plotting.weight_name(layer, i, j)
    net = symbolic.SymbolicNetwork.from_sizes([3, 4, 4, 1])
    assert net.weights[1][0, 0] == symbolic.weight_symbol(1, 0, 0)
    assert net.biases[0][2] == symbolic.bias_symbol(0, 2)


def test_equations_show_forward_propagation_in_named_symbols():
    equations = symbolic.SymbolicNetwork.from_sizes([3, 2, 1]).equations()
    text = [sp.latex(e) for e in equations]
    assert text[0] == r"z_{11} = b_{11} + w_{a1} x_{1} + w_{b1} x_{2} + w_{c1} x_{3}"
    assert text[1] == r"A_{11} = \sigma\left(z_{11}\right)"
    assert text[-1] == r"\hat{y} = \sigma\left(z_{21}\right)"


def test_network_output_and_batch_loss_match_numeric_network():
    rng = np.random.default_rng(5)
    network = annlib.Network.from_sizes([3, 4, 2], "relu", "sigmoid", rng=1)
    X, y = rng.normal(size=(6, 3)), (rng.random((6, 2)) > 0.5) * 1.0
    net = symbolic.SymbolicNetwork.from_network(network)
    values = net.parameter_values(network)
    output = net.output(X[0]).subs(values)
    np.testing.assert_allclose(np.array(output, dtype=float), network.forward(X[:1]), rtol=1e-12)
    batch_loss = float(net.loss("binary_cross_entropy", X, y).subs(values))
    assert batch_loss == pytest.approx(losses.BinaryCrossEntropy()(network.forward(X), y), rel=1e-12)


def test_loss_derivative_of_any_parameter_matches_backprop_for_one_sample():
    network = annlib.Network.from_sizes([2, 2, 1], "tanh", "sigmoid", rng=7)
    X, y = np.array([[0.4, -1.1]]), np.array([[1.0]])
    net = symbolic.SymbolicNetwork.from_network(network)
    values = {**net.parameter_values(network), **dict(zip(net.inputs, X[0])), **dict(zip(net.targets, y[0]))}
    network.backward(losses.BinaryCrossEntropy().gradient(network.forward(X), y))
    for parameter, expected in [
        (net.weights[0][1, 0], network.layers[0].grad_W[1, 0]),
        (net.biases[1][0], network.layers[1].grad_b[0]),
    ]:
        derivative = net.loss_derivative("binary_cross_entropy", parameter)
        assert float(derivative.subs(values)) == pytest.approx(expected, rel=1e-12)
    with pytest.raises(ValueError, match="is not a weight or bias"):
        net.loss_derivative("mse", sp.Symbol("x1"))


def test_parameter_values_refuse_another_architecture():
    net = symbolic.SymbolicNetwork.from_sizes([3, 2, 1])
    with pytest.raises(ValueError, match=r"sizes \[3, 4, 1\], expected \[3, 2, 1\]"):
        net.parameter_values(annlib.Network.from_sizes([3, 4, 1], rng=0))


def test_unknown_activation_and_a_bare_name_are_refused():
    with pytest.raises(ValueError, match="unknown activation 'swish'"):
        symbolic.SymbolicNetwork.from_sizes([2, 1], "swish")
    with pytest.raises(TypeError, match="activations must be a list"):
        symbolic.SymbolicNetwork([2, 3, 1], "sigmoid")


# --- network_gradients: the promise -----------------------------------------------------------------


def backprop(network, X, y, loss):
    loss = losses.get_loss(loss)
    network.backward(loss.gradient(network.forward(X), y))
    return [(layer.grad_W.copy(), layer.grad_b.copy()) for layer in network.layers]


def assert_agrees_with_backprop(network, X, y, loss, tolerance=1e-10):
    before = network.get_weights()
    pairs = symbolic.network_gradients(network, X, y, loss)
    for after, saved in zip(network.get_weights(), before):
        np.testing.assert_array_equal(after, saved)
    assert len(pairs) == len(network.layers)
    for (grad_W, grad_b), (back_W, back_b), layer in zip(pairs, backprop(network, X, y, loss), network.layers):
        assert grad_W.shape == layer.W.shape and grad_b.shape == layer.b.shape
        assert relative_error(grad_W, back_W) < tolerance
        assert relative_error(grad_b, back_b) < tolerance
        assert np.abs(grad_W).max() > 0  # a real gradient, not zeros agreeing with zeros


def test_article_network_with_mse_agrees_with_backprop():
    rng = np.random.default_rng(0)
    network = annlib.Network.from_sizes([3, 4, 4, 1], rng=0)
    X, y = rng.normal(size=(16, 3)), rng.normal(size=(16, 1))
    assert_agrees_with_backprop(network, X, y, "mse")


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "leaky_relu", "identity"])
def test_every_activation_agrees_with_backprop(activation):
    rng = np.random.default_rng(1)
    network = annlib.Network.from_sizes([2, 3, 2], activation, rng=2)
    X, y = rng.normal(size=(8, 2)), rng.normal(size=(8, 2))
    assert_agrees_with_backprop(network, X, y, losses.MSE())


def test_leaky_relu_keeps_its_own_slope():
    rng = np.random.default_rng(2)
    layer = Dense(2, 3, activations.get_activation("leaky_relu").__class__(0.2), rng=0)
    network = annlib.Network([layer, Dense(3, 1, "identity", rng=1)])
    X, y = rng.normal(size=(10, 2)), rng.normal(size=(10, 1))
    assert_agrees_with_backprop(network, X, y, "mse")


def test_binary_cross_entropy_after_sigmoid_agrees_with_backprop():
    rng = np.random.default_rng(3)
    network = annlib.Network.from_sizes([3, 4, 2], "tanh", "sigmoid", rng=3)
    X, y = rng.normal(size=(9, 3)), (rng.random((9, 2)) > 0.5) * 1.0
    assert_agrees_with_backprop(network, X, y, losses.BinaryCrossEntropy())


def test_cross_entropy_after_softmax_agrees_with_backprop():
    rng = np.random.default_rng(4)
    network = annlib.Network.from_sizes([2, 3, 3], "relu", "softmax", rng=4)
    X, y = rng.normal(size=(7, 2)), np.eye(3)[rng.integers(0, 3, 7)]
    assert_agrees_with_backprop(network, X, y, "cross_entropy")


def test_network_gradients_agree_with_finite_differences():
    rng = np.random.default_rng(6)
    network = annlib.Network.from_sizes([2, 3, 1], rng=6)
    X, y = rng.normal(size=(5, 2)), rng.normal(size=(5, 1))
    pairs = symbolic.network_gradients(network, X, y, "mse")
    loss = losses.MSE()
    for (grad_W, _), layer in zip(pairs, network.layers):
        numeric_W = numerical_gradient(lambda: loss(network.forward(X), y), layer.W)
        assert relative_error(grad_W, numeric_W) < 1e-8


def test_network_gradients_check_their_inputs():
    network = annlib.Network.from_sizes([3, 2, 1], rng=0)
    with pytest.raises(TypeError, match="network_gradients: expected an annlib Network"):
        symbolic.network_gradients([network], np.zeros((2, 3)), np.zeros((2, 1)), "mse")
    with pytest.raises(ValueError, match=r"network_gradients: X has shape \(2, 4\)"):
        symbolic.network_gradients(network, np.zeros((2, 4)), np.zeros((2, 1)), "mse")
    with pytest.raises(ValueError, match="X has 2 rows but y has 3"):
        symbolic.network_gradients(network, np.zeros((2, 3)), np.zeros((3, 1)), "mse")
    with pytest.raises(ValueError, match="X has no rows"):
        symbolic.network_gradients(network, np.zeros((0, 3)), np.zeros((0, 1)), "mse")
    big = annlib.Network.from_sizes([64, 32, 10], rng=0)
    with pytest.raises(ValueError, match="2410 parameters, more than max_parameters=300"):
        symbolic.network_gradients(big, np.zeros((2, 64)), np.zeros((2, 10)), "mse")


# --- The chain rule as steps ------------------------------------------------------------------------


def one_neuron_chain(wrt_name="w1"):
    x1, x2, w1, w2, b, zz, yhat, y, C = sp.symbols("x1 x2 w1 w2 b z yhat y C")
    links = [sp.Eq(C, (yhat - y) ** 2), sp.Eq(yhat, symbolic.sigmoid(zz)), sp.Eq(zz, w1 * x1 + w2 * x2 + b)]
    return symbolic.chain_rule_steps(links, {"w1": w1, "b": b}[wrt_name]), (x1, yhat, y)


def test_chain_rule_for_one_neuron():
    steps, (x1, yhat, y) = one_neuron_chain()
    expected = [2 * (yhat - y), yhat * (1 - yhat), x1]
    assert all(sp.expand(d - e) == 0 for (_, _, d), e in zip(steps.factors, expected))
    assert steps.verify()
    latex = steps._repr_latex_()
    assert r"\frac{\partial \hat{y}}{\partial z} &= \sigma'\left(z\right) = \hat{y} \left(1 - \hat{y}\right)" in latex
    assert repr(steps).splitlines()[0] == "dC/dw1 = dC/dyhat * dyhat/dz * dz/dw1"


def test_chain_rule_with_respect_to_the_bias_ends_in_one():
    steps, _ = one_neuron_chain("b")
    assert steps.factors[-1][2] == 1
    assert steps.verify()


def test_chain_rule_through_two_layers_agrees_with_direct_derivative():
    net = symbolic.SymbolicNetwork.from_sizes([3, 2, 1])
    steps = net.chain_rule("mse", net.weights[0][0, 0])
    assert [str(v) for v in steps.variables] == ["C", "yhat", "z21", "A11", "z11", "w_a1"]
    assert steps.verify()


def test_cross_entropy_after_sigmoid_simplifies_to_prediction_minus_target():
    net = symbolic.SymbolicNetwork.from_sizes([2, 1])
    steps = net.chain_rule("binary_cross_entropy", net.biases[0][0])
    yhat, y = sp.symbols("yhat y")
    assert sp.expand(steps.simplified - (yhat - y)) == 0


def test_a_wrong_chain_rule_is_caught_by_verify():
    steps, _ = one_neuron_chain()
    steps.factors[1] = (steps.factors[1][0], steps.factors[1][1], sp.Integer(1))
    steps.product = sp.Mul(*(d for _, _, d in steps.factors))
    assert not steps.verify()


def test_chain_rule_refuses_a_broken_chain_and_several_paths():
    C, yhat, zz, w = sp.symbols("C yhat z w")
    with pytest.raises(ValueError, match="does not depend on z"):
        symbolic.chain_rule_steps([sp.Eq(C, yhat**2), sp.Eq(zz, w)], w)
    net = symbolic.SymbolicNetwork.from_sizes([3, 2, 1])
    assert [str(link.lhs) for link in net.path(net.biases[0][1])] == ["yhat", "z21", "A12", "z12"]
    assert str(net.path(net.weights[0][2, 1])[-1].rhs) == "b12 + w_a2*x1 + w_b2*x2 + w_c2*x3"
    with pytest.raises(ValueError, match="is not a weight or bias"):
        net.path(sp.Symbol("w_q9"))
    wide = symbolic.SymbolicNetwork.from_sizes([3, 4, 4, 1])
    with pytest.raises(ValueError, match="through 4 neurons of layer 2"):
        wide.path(wide.weights[0][0, 0])


# --- Sharing, sizes and swell -----------------------------------------------------------------------


def test_common_subexpressions_shrink_and_keep_the_value():
    net = symbolic.SymbolicNetwork.from_sizes([2, 2, 1])
    gradients = [sp.diff(net.loss("mse"), p) for p in net.parameters()]
    shared = symbolic.common_subexpressions(gradients)
    assert shared.size_after < shared.size_before == symbolic.expression_size(gradients)
    rebuilt = shared.reduced[0]
    for symbol, expr in reversed(shared.replacements):
        rebuilt = rebuilt.subs(symbol, expr)
    assert sp.simplify(rebuilt - gradients[0]) == 0


def test_expression_swell_grows_with_depth_and_cse_tames_it():
    shallow = symbolic.measure_expression_swell([2, 2, 1], repeats=2)
    deep = symbolic.measure_expression_swell([2, 2, 2, 2, 1], repeats=2)
    assert shallow.n_parameters == 9 and deep.n_parameters == 21
    assert deep.loss_size > 2 * shallow.loss_size
    assert deep.gradient_size / deep.n_parameters > 3 * shallow.gradient_size / shallow.n_parameters
    assert deep.shared_size < deep.gradient_size / 5
    again = symbolic.measure_expression_swell([2, 2, 1], repeats=2)
    assert (again.loss_size, again.gradient_size, again.shared_size, again.backprop_size) == (
        shallow.loss_size,
        shallow.gradient_size,
        shallow.shared_size,
        shallow.backprop_size,
    )
    assert shallow.backprop_size == symbolic.backpropagation_steps([2, 2, 1]).size


# --- Backpropagation written out in symbols ----------------------------------------------------------


def run_steps(steps, values):
    """Evaluate a BackwardPass in order, as backpropagation would: each assignment once."""
    known = dict(values)
    for equation in steps:
        known[equation.lhs] = float(equation.rhs.subs(known))
    return known


@pytest.mark.parametrize("sizes, activation", [([3, 2, 1], "sigmoid"), ([2, 3, 2, 2], "tanh")])
def test_backpropagation_steps_compute_the_gradients_of_backprop(sizes, activation):
    network = annlib.Network.from_sizes(sizes, activation, rng=3)
    rng = np.random.default_rng(4)
    x, y = rng.normal(size=(1, sizes[0])), rng.uniform(size=(1, sizes[-1]))
    network.backward(losses.MSE().gradient(network.forward(x), y))
    twin = symbolic.SymbolicNetwork.from_network(network)
    values = {**twin.parameter_values(network), **dict(zip(twin.inputs, x[0])), **dict(zip(twin.targets, y[0]))}
    known = run_steps(symbolic.backpropagation_steps(sizes, activation), values)
    for W, b, layer in zip(twin.weights, twin.biases, network.layers):
        grad_W = np.array([[known[sp.Symbol(f"dC/d{W[i, j]}")] for j in range(W.cols)] for i in range(W.rows)])
        grad_b = np.array([known[sp.Symbol(f"dC/d{b[j]}")] for j in range(b.cols)])
        np.testing.assert_allclose(grad_W, layer.grad_W, rtol=1e-10, atol=1e-14)
        np.testing.assert_allclose(grad_b, layer.grad_b, rtol=1e-10, atol=1e-14)


def test_backpropagation_grows_by_the_same_number_of_operations_per_layer():
    sizes = [[2] + [2] * depth + [1] for depth in range(1, 5)]
    counts = [symbolic.backpropagation_steps(s).size for s in sizes]
    steps = np.diff(counts)
    assert len(set(steps.tolist())) == 1 and steps[0] > 0, counts
    written_out = [symbolic.measure_expression_swell(s, repeats=1).gradient_size for s in sizes[:3]]
    assert written_out[2] > 10 * counts[2]


def test_backpropagation_steps_show_error_signals_and_gradients_in_the_lessons_notation():
    steps = symbolic.backpropagation_steps([2, 1])
    assert [str(e.lhs) for e in steps] == ["z11", "yhat", "delta_11", "dC/dw_a1", "dC/dw_b1", "dC/db11"]
    latex = steps._repr_latex_()
    assert r"\delta_{11} &= " in latex and r"\frac{\partial C}{\partial w_{a1}} &= \delta_{11} x_{1}" in latex


def test_backpropagation_steps_refuse_softmax():
    with pytest.raises(ValueError, match="backpropagation_steps: expected an elementwise activation"):
        symbolic.backpropagation_steps([2, 3], "softmax")


def test_a_chain_rule_whose_two_sides_are_the_same_expression_verifies():
    # Here the product and the direct derivative come out as the same expression: their difference is 0,
    # with no symbols to draw points for; verify must still evaluate both sides.
    net = symbolic.SymbolicNetwork.from_sizes([1, 2], "sigmoid")
    for w in [*net.weights[0], *net.biases[0]]:
        rule = net.chain_rule("mse", w)
        assert rule.expression - rule.direct == 0
        assert rule.verify()


def test_leaky_relu_differentiated_by_its_slope_stays_unevaluated():
    import sympy as sp

    from annlib.symbolic.functions import LeakyReLU

    z, s = sp.symbols("z s")
    assert sp.diff(LeakyReLU(z, s), s) == sp.Derivative(LeakyReLU(z, s), s)
    assert sp.diff(LeakyReLU(z, s), z) != 0
