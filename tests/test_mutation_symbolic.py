"""Symbolic: behaviour that mutation testing found unpinned (measurements, LaTeX, names in messages)."""

import inspect
import time
import warnings

import numpy as np
import pytest
import sympy as sp

from annlib import Dense, Network
from annlib.gradcheck import numerical_gradient
from annlib.losses import MSE
from annlib.symbolic import network as sym
from annlib.symbolic.chain_rule import chain_rule_steps
from annlib.symbolic.functions import (
    LeakyReLU,
    Sigmoid,
    Step,
    binary_cross_entropy,
    cross_entropy,
    leaky_relu,
    leaky_relu_derivative,
    loss_expression,
    relu,
    relu_derivative,
    sigmoid,
)
from annlib.symbolic.gradients import backpropagation_steps, measure_expression_swell, network_gradients
from annlib.symbolic.names import (
    bias_symbol,
    node_symbol,
    output_symbol,
    sum_symbol,
    target_symbol,
    weight_symbol,
)
from annlib.symbolic.network import SymbolicNetwork
from annlib.symbolic.sharing import common_subexpressions, expression_size, to_numpy_function


def test_swell_measurement_fields():
    sizes = [2, 3, 1]  # sizes[0] != sizes[1]: the timed example has sizes[0] inputs
    start = time.perf_counter()
    m = measure_expression_swell(sizes, "tanh", repeats=3)
    elapsed = time.perf_counter() - start
    assert m.sizes == (2, 3, 1) and m.n_parameters == 2 * 3 + 3 + 3 * 1 + 1
    assert m.loss_size == expression_size(SymbolicNetwork.from_sizes(sizes, "tanh").loss("mse"))
    assert 0 < m.shared_size < m.gradient_size  # sharing subexpressions shrinks the gradient
    assert m.backprop_size == backpropagation_steps(sizes, "tanh").size
    # both times are durations measured inside the call
    assert 0 < m.seconds_symbolic <= elapsed and 0 < m.seconds_backprop <= elapsed


def test_swell_differentiates_the_network_asked_for():
    # one tanh neuron: the gradient of (tanh(w x + b) - y)**2 by w and by b, differentiated here directly
    net = SymbolicNetwork.from_sizes([1, 1], "tanh")
    loss = net.loss("mse")
    expected = expression_size([sp.diff(loss, p) for p in net.parameters()])
    assert measure_expression_swell([1, 1], "tanh", repeats=1).gradient_size == expected
    assert measure_expression_swell([1, 1], "sigmoid", repeats=1).gradient_size != expected


def test_swell_names_a_bad_rng():
    with pytest.raises(TypeError, match=r"^measure_expression_swell: rng must be a seed"):
        measure_expression_swell([1, 1], rng="seed", repeats=1)


def test_backward_pass_latex_is_one_aligned_block():
    steps = backpropagation_steps([1, 1])
    latex = steps._repr_latex_()
    assert latex.startswith("$\\begin{aligned}") and latex.endswith("\\end{aligned}$")
    assert latex.count(r" \\ ") == len(steps) - 1


def test_network_gradients_allows_exactly_max_parameters():
    net = Network.from_sizes([1, 1], rng=0)  # one weight and one bias: 2 parameters
    X, y = np.array([[0.5]]), np.array([[1.0]])
    assert len(network_gradients(net, X, y, "mse", max_parameters=2)) == 1
    with pytest.raises(ValueError) as refused:
        network_gradients(net, X, y, "mse", max_parameters=1)
    assert str(refused.value) == (
        "network_gradients: the network has 2 parameters, more than max_parameters=1; the symbolic route is for "
        "small networks (its expressions swell), use backpropagation, or raise max_parameters and expect to wait"
    )


def test_network_gradients_of_a_saturated_sigmoid_warn_of_nothing():
    # z = -1000: the sigmoid is 0 to the last bit, and its gradients are finite numbers, with no warning.
    net = Network.from_sizes([1, 1], rng=0)
    net.layers[0].W[...] = -1000.0
    net.layers[0].b[...] = 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ((grad_W, grad_b),) = network_gradients(net, np.array([[1.0]]), np.array([[0.0]]), "mse")
    assert np.isfinite(grad_W).all() and np.isfinite(grad_b).all()


@pytest.mark.parametrize(
    "args, error, message",
    [
        (("net", [[0.0]], [[0.0]], "mse"), TypeError, r"^network_gradients: expected an annlib Network, got str$"),
        ((None, [[0.0]], [[0.0]], "nope"), ValueError, r"^network_gradients: unknown loss 'nope'"),
        ((None, [0.0], [[0.0]], "mse"), ValueError, r"^network_gradients: X has shape \(1,\), expected a 2-D"),
        ((None, [[0.0]], [0.0], "mse"), ValueError, r"^network_gradients: y has shape \(1,\), expected a 2-D"),
        (
            (None, [[0.0]], [[0.0, 1.0]], "mse"),
            ValueError,
            r"^network_gradients: y has shape \(1, 2\), expected \(any, 1\)$",
        ),
        ((None, [[0.0]], "y", "mse"), TypeError, r"^network_gradients: y must be a numeric array"),
        (
            (None, np.zeros((0, 1)), np.zeros((0, 1)), "mse"),
            ValueError,
            r"^network_gradients: X has no rows; give at least one example$",
        ),
    ],
)
def test_network_gradients_names_bad_input(args, error, message):
    net = Network.from_sizes([1, 1], rng=0)
    args = (net if args[0] is None else args[0], *args[1:])
    with pytest.raises(error, match=message):
        network_gradients(*args)


def test_backpropagation_steps_refuse_softmax_by_name():
    with pytest.raises(ValueError, match=r"^backpropagation_steps: expected an elementwise activation, got softmax$"):
        backpropagation_steps([2, 2], "softmax")


# --- annlib.symbolic.network ---------------------------------------------------------------------------


def test_symbolic_neuron_defaults_to_sigmoid_and_names_its_errors():
    x, w, b = sp.symbols("x w b")
    assert sym.neuron_output([x], [w], b) == sym.neuron_output([x], [w], b, "sigmoid")
    assert sym.layer_output([x], [[w]], [b]) == sym.layer_output([x], [[w]], [b], "sigmoid")
    assert sym.neuron_output([0], [1], 0).rewrite(sp.exp) == sp.Rational(1, 2)  # sigmoid(0) = 1/2
    with pytest.raises(ValueError, match=r"^weighted_sum: 2 inputs but 1 weights; they must match$"):
        sym.weighted_sum([x, x], [w], b)
    with pytest.raises(ValueError, match=r"^neuron_output: unknown activation 'step'"):
        sym.neuron_output([x], [w], b, "step")
    with pytest.raises(ValueError, match=r"^neuron_output: softmax needs a whole layer; use layer_output$"):
        sym.neuron_output([x], [w], b, "softmax")
    with pytest.raises(ValueError, match=r"^layer_output: x has 2 values, expected 1 \(the rows of W\)$"):
        sym.layer_output([x, x], [[w]], [b])


def test_equations_print_one_per_line():
    equations = SymbolicNetwork.from_sizes([1, 1]).equations()
    assert repr(equations) == "z11 = b11 + w_a1*x1\nyhat = Sigmoid(z11)"
    assert equations._repr_latex_() == (
        r"$\begin{aligned}z_{11} &= b_{11} + w_{a1} x_{1} \\ \hat{y} &= \sigma\left(z_{11}\right)\end{aligned}$"
    )


def test_symbolic_network_repr_and_bad_arguments():
    net = Network([Dense(2, 2, "leaky_relu", rng=0), Dense(2, 1, "sigmoid", rng=0)])
    assert (
        repr(SymbolicNetwork.from_network(net)) == "SymbolicNetwork(sizes=[2, 2, 1], activations=[leaky_relu, sigmoid])"
    )
    assert repr(SymbolicNetwork.from_sizes([2, 1], "tanh")) == "SymbolicNetwork(sizes=[2, 1], activations=[tanh])"
    with pytest.raises(TypeError, match=r"^SymbolicNetwork.from_network: expected an annlib Network, got str$"):
        SymbolicNetwork.from_network("net")
    with pytest.raises(TypeError) as refused:
        SymbolicNetwork([2, 1], "sigmoid")
    assert str(refused.value) == (
        "SymbolicNetwork: activations must be a list, one per layer; for one name for all "
        "use SymbolicNetwork.from_sizes(sizes, activation)"
    )


@pytest.mark.parametrize(
    "X, y, message",
    [
        ([0.0], [[0.0]], r"^SymbolicNetwork.loss: X has shape \(1,\), expected a 2-D"),
        ([[0.0, 1.0]], [[0.0]], r"^SymbolicNetwork.loss: X has shape \(1, 2\), expected \(any, 1\)$"),
        ([[0.0]], [0.0], r"^SymbolicNetwork.loss: y has shape \(1,\), expected a 2-D"),
        ([[0.0]], [[0.0, 1.0]], r"^SymbolicNetwork.loss: y has shape \(1, 2\), expected \(any, 1\)$"),
    ],
)
def test_batch_loss_names_bad_data(X, y, message):
    with pytest.raises(ValueError, match=message):
        SymbolicNetwork.from_sizes([1, 1]).loss("mse", X, y)


def test_loss_derivative_of_a_batch_is_the_finite_difference_of_the_numeric_loss():
    net = Network.from_sizes([1, 1], rng=0)
    twin = SymbolicNetwork.from_network(net)
    X, y = np.array([[0.5], [-1.0]]), np.array([[1.0], [0.0]])
    w = twin.weights[0][0, 0]
    symbolic = float(twin.loss_derivative("mse", w, X, y).subs(twin.parameter_values(net)))
    W = net.layers[0].W
    numeric = numerical_gradient(lambda: MSE()(net.predict(X), y), W)[0, 0]
    assert symbolic == pytest.approx(numeric, rel=1e-7)


def test_loss_derivative_simplifies_only_when_asked():
    twin = SymbolicNetwork.from_sizes([1, 1], "tanh")
    w = twin.weights[0][0, 0]
    plain = sp.diff(twin.loss("mse"), w)
    assert twin.loss_derivative("mse", w) == plain  # the derivative as sp.diff gives it, not rewritten
    simplified = twin.loss_derivative("mse", w, simplify=True)
    assert simplified == sp.simplify(plain) and simplified != plain


def test_softmax_equations_use_the_whole_layer():
    # A softmax output of scores (0, ln 3) is (1/4, 3/4); every other activation looks at its own z only.
    equations = SymbolicNetwork.from_sizes([1, 2], "softmax").equations()
    z1, z2 = equations[0].lhs, equations[2].lhs
    a1, a2 = equations[1].rhs, equations[3].rhs
    at = {z1: 0, z2: sp.log(3)}
    assert sp.simplify(a1.subs(at)) == sp.Rational(1, 4) and sp.simplify(a2.subs(at)) == sp.Rational(3, 4)
    hidden = SymbolicNetwork([1, 1, 1], ["tanh", "sigmoid"]).equations()
    assert hidden[1].rhs == sp.tanh(hidden[0].lhs) and hidden[3].rhs.func.__name__ == "Sigmoid"


def test_path_refuses_only_a_softmax_that_mixes_outputs():
    mixed = SymbolicNetwork([1, 1, 2], ["sigmoid", "softmax"])
    with pytest.raises(
        ValueError, match=r"^SymbolicNetwork.path: softmax mixes the outputs, so there are several paths$"
    ):
        mixed.path(mixed.weights[1][0, 0])
    one_output = SymbolicNetwork([1, 1], ["softmax"])
    assert len(one_output.path(one_output.weights[0][0, 0])) == 2
    two_sigmoids = SymbolicNetwork([1, 2], ["sigmoid"])
    assert len(two_sigmoids.path(two_sigmoids.weights[0][0, 1])) == 2
    softmax_below = SymbolicNetwork([1, 2, 2], ["softmax", "sigmoid"])  # w of layer 2 feeds one sigmoid output
    assert len(softmax_below.path(softmax_below.weights[1][0, 1])) == 2


def test_chain_rule_with_two_outputs_follows_the_output_the_weight_feeds():
    twin = SymbolicNetwork([1, 2], ["sigmoid"])
    w = twin.weights[0][0, 1]
    steps = twin.chain_rule("mse", w)
    assert sp.simplify(steps.expression - twin.loss_derivative("mse", w)) == 0


# --- annlib.symbolic.chain_rule: each factor checked by hand ----------------------------------------


C, yhat, z, w, x, b, y = sp.symbols("C yhat z w x b y")


def test_chain_rule_of_mse_after_sigmoid_prints_every_step():
    steps = chain_rule_steps([sp.Eq(C, (yhat - y) ** 2), sp.Eq(yhat, sigmoid(z)), sp.Eq(z, w * x + b)], w)
    assert steps.simplified is None  # nothing much shorter than the product
    assert repr(steps) == (
        "dC/dw = dC/dyhat * dyhat/dz * dz/dw\n"
        "dC/dyhat = -2*(y - yhat)\n"  # 2 (yhat - y), factored: as short as 2 yhat - 2 y, and reads better
        "dyhat/dz = yhat*(1 - yhat)\n"
        "dz/dw = x\n"
        "dC/dw = (-2*(y - yhat)) * (yhat*(1 - yhat)) * x"
    )
    assert steps._repr_latex_() == (
        r"$\begin{aligned}\frac{\partial C}{\partial w} &= \frac{\partial C}{\partial \hat{y}} \, "
        r"\frac{\partial \hat{y}}{\partial z} \, \frac{\partial z}{\partial w} \\ "
        r"\frac{\partial C}{\partial \hat{y}} &= - 2 \left(y - \hat{y}\right) \\ "
        r"\frac{\partial \hat{y}}{\partial z} &= \sigma'\left(z\right) = \hat{y} \left(1 - \hat{y}\right) \\ "
        r"\frac{\partial z}{\partial w} &= x \\ "
        r"\frac{\partial C}{\partial w} &= - 2 \left(y - \hat{y}\right) \cdot \hat{y} \left(1 - \hat{y}\right) \cdot x"
        r"\end{aligned}$"
    )


def test_chain_rule_of_cross_entropy_after_sigmoid_shows_the_short_form():
    cost = -(y * sp.log(yhat) + (1 - y) * sp.log(1 - yhat))
    steps = chain_rule_steps([sp.Eq(C, cost), sp.Eq(yhat, sigmoid(z)), sp.Eq(z, w * x + b)], w)
    assert sp.simplify(steps.simplified - x * (yhat - y)) == 0  # the famous cancellation
    assert repr(steps).endswith("\n      = -x*(y - yhat)")
    assert steps._repr_latex_().endswith(r"\cdot x \\  &= - x \left(y - \hat{y}\right)\end{aligned}$")


def test_chain_rule_through_relu_with_tuples_keeps_a_sum_unfactored():
    # dC/dyhat of yhat**3/3 - yhat is yhat**2 - 1: its factored form (yhat - 1)(yhat + 1) is longer
    steps = chain_rule_steps([(C, yhat**3 / 3 - yhat), (yhat, relu(z)), (z, w * x + b)], w)
    assert [d for _, _, d in steps.factors] == [yhat**2 - 1, Step(z), x]
    assert repr(steps).endswith("dC/dw = (yhat**2 - 1) * Step(z) * x")
    assert steps._repr_latex_().endswith(
        r"\frac{\partial C}{\partial w} &= \left(\hat{y}^{2} - 1\right) \cdot \operatorname{step}\left(z\right) "
        r"\cdot x\end{aligned}$"
    )


def test_verify_tells_a_wrong_product_and_names_a_bad_rng():
    steps = chain_rule_steps([sp.Eq(C, (yhat - y) ** 2), sp.Eq(yhat, sigmoid(z)), sp.Eq(z, w * x + b)], w)
    assert steps.verify()
    steps.product = steps.product * (1 + sp.Float(1e-7))  # off by one part in ten million: still wrong
    assert not steps.verify()
    with pytest.raises(TypeError, match=r"^ChainRule.verify: rng must be a seed"):
        steps.verify(rng="seed")


@pytest.mark.parametrize(
    "links, error, message",
    [
        ([(2 * C, yhat)], TypeError, r"^chain_rule_steps: link 0 must define a symbol, got 2\*C on the left$"),
        ([], ValueError, r"^chain_rule_steps: links is empty; give at least one equation$"),
        (
            [(C, y**2)],
            ValueError,
            r"^chain_rule_steps: link 0 \(C = y\*\*2\) does not depend on w; "
            r"each link must use the symbol the next link defines$",
        ),
    ],
)
def test_chain_rule_steps_names_bad_links(links, error, message):
    with pytest.raises(error, match=message):
        chain_rule_steps(links, w)


# --- annlib.symbolic.functions: the boundary at 0, named functions, messages ---------------------------


def test_relu_family_at_exactly_zero():
    # The derivative at 0 is 0 (ReLU) and the slope (leaky ReLU), as in the numeric core; a step is 0 at 0.
    slope = sp.Rational(1, 100)
    assert relu_derivative(z).subs(z, 0) == 0 and relu_derivative(z).subs(z, 2) == 1
    assert leaky_relu_derivative(z, slope).subs(z, 0) == slope
    assert Step(0) == 0 and Step(sp.Rational(1, 2)) == 1 and Step(-1) == 0
    assert sp.diff(Step(z), z) == 0  # flat on both sides of 0


def test_leaky_relu_named_and_piecewise_agree_on_both_sides():
    slope = sp.Rational(1, 100)
    for value, expected in [(2, 2), (sp.Rational(1, 2), sp.Rational(1, 2)), (-2, -2 * slope)]:
        assert LeakyReLU(value, slope) == expected
        assert LeakyReLU(z, slope).rewrite(sp.Piecewise).subs(z, value) == expected
        assert leaky_relu(z, slope).subs(z, value) == expected


def test_named_functions_print_their_one_argument():
    assert sp.latex(LeakyReLU(z, sp.Rational(1, 100))) == r"\operatorname{LeakyReLU}\left(z\right)"
    assert sp.latex(Sigmoid(z) ** 2) == r"\sigma\left(z\right)^{2}"


def test_a_leaky_relu_spec_passes_through_with_its_slope():
    twin = SymbolicNetwork([1, 1], [("leaky_relu", 0.25)])
    assert twin.activations == [("leaky_relu", 0.25)]
    assert SymbolicNetwork(twin.sizes, twin.activations).activations == [("leaky_relu", 0.25)]
    assert twin.output([-4])[0].has(LeakyReLU)


@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda: SymbolicNetwork([1, 1], [3]),
            r"^SymbolicNetwork: unknown activation 3; choose one of 'sigmoid', 'tanh', 'relu', 'leaky_relu', "
            r"'identity', 'softmax'$",
        ),
        (lambda: sym.layer_output([z], [[w]], [b], "step"), r"^layer_output: unknown activation 'step'"),
        (lambda: binary_cross_entropy([yhat], [y, y]), r"^binary_cross_entropy: y_pred has shape \(1, 1\) but y_true"),
        (lambda: cross_entropy([yhat], [y, y]), r"^cross_entropy: y_pred has shape \(1, 1\) but y_true"),
        (lambda: loss_expression("nope", [yhat], [y]), r"^loss_expression: unknown loss 'nope'"),
    ],
)
def test_symbolic_functions_name_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# --- annlib.symbolic.names: the switch from compact names at the 10th neuron and 27th input ----------


@pytest.mark.parametrize(
    "make, args, name",
    [
        (bias_symbol, (0, 8), "b19"),
        (bias_symbol, (8, 8), "b99"),
        (bias_symbol, (0, 9), "b^(1)_10"),
        (bias_symbol, (9, 0), "b^(10)_1"),
        (sum_symbol, (0, 8), "z19"),
        (sum_symbol, (0, 9), "z^(1)_10"),
        (sum_symbol, (9, 0), "z^(10)_1"),
        (node_symbol, (1, 2), "A23"),
        (node_symbol, (0, 9), "A^(1)_10"),
        (node_symbol, (9, 0), "A^(10)_1"),
        (weight_symbol, (0, 25, 8), "w_z9"),
        (weight_symbol, (0, 26, 0), "w^(1)_27,1"),
        (weight_symbol, (0, 0, 9), "w^(1)_1,10"),
        (weight_symbol, (1, 1, 0), "w^(2)_b1"),
        (output_symbol, (0, 1), "yhat"),
        (output_symbol, (0, 2), "yhat1"),
        (output_symbol, (1, 2), "yhat2"),
        (target_symbol, (0, 1), "y"),
        (target_symbol, (0, 3), "y1"),
        (target_symbol, (2, 3), "y3"),
    ],
)
def test_symbol_names(make, args, name):
    assert make(*args) == sp.Symbol(name)  # called here, not when the tests are collected


# --- annlib.symbolic.sharing ---------------------------------------------------------------------------


def test_common_subexpressions_are_named_c0_c1_and_print():
    u, v = sp.symbols("u v")
    shared = common_subexpressions([sp.exp(u + v) * (u + v), sp.sin(u + v)])
    assert repr(shared) == "c0 = u + v\nresult 1 = c0*exp(c0)\nresult 2 = sin(c0)"
    assert shared._repr_latex_() == (
        r"$\begin{aligned}c_{0} &= u + v \\ \text{result 1} &= c_{0} e^{c_{0}} \\ "
        r"\text{result 2} &= \sin{\left(c_{0} \right)}\end{aligned}$"
    )
    # u + v, exp, *, sin, u + v, u + v: 6 operations; once shared: c0 = u + v, then *, exp, sin: 4
    assert (shared.size_before, shared.size_after) == (6, 4)
    single = common_subexpressions(sp.exp(u + v) * (u + v))  # one expression, not a list
    assert single.original == [sp.exp(u + v) * (u + v)] and repr(single) == "c0 = u + v\nresult 1 = c0*exp(c0)"


def test_numpy_functions_compute_shared_pieces_once():
    u, v = sp.symbols("u v")
    function = to_numpy_function([u, v], [sp.exp(u + v) * (u + v), sp.sin(u + v)])
    assert inspect.getsource(function).count("u + v") == 1
    np.testing.assert_allclose(function(0.5, 0.25), [np.exp(0.75) * 0.75, np.sin(0.75)], rtol=1e-15)


def test_backward_pass_of_one_sigmoid_neuron_in_latex():
    # delta = dC/dyhat * sigma'(z) = 2 (yhat - y) * yhat (1 - yhat); dC/dw = delta x; dC/db = delta
    assert backpropagation_steps([1, 1])._repr_latex_() == (
        r"$\begin{aligned}z_{11} &= b_{11} + w_{a1} x_{1} \\ \hat{y} &= \sigma\left(z_{11}\right) \\ "
        r"\delta_{11} &= \hat{y} \left(1 - \hat{y}\right) \left(- 2 y + 2 \hat{y}\right) \\ "
        r"\frac{\partial C}{\partial w_{a1}} &= \delta_{11} x_{1} \\ \frac{\partial C}{\partial b_{11}} &= \delta_{11}"
        r"\end{aligned}$"
    )


def test_swell_counts_backpropagation_for_the_activation_asked_for():
    relu = measure_expression_swell([1, 1], "relu", repeats=1)
    assert relu.backprop_size == backpropagation_steps([1, 1], "relu").size
    assert relu.backprop_size != backpropagation_steps([1, 1], "sigmoid").size


def test_verify_has_an_absolute_tolerance_far_below_the_values():
    # the chain's values are at most 2 * 0.8 * 0.25 * 0.9 = 0.36 at verify's points: an error of 5e-9 is a real one
    steps = chain_rule_steps([sp.Eq(C, (yhat - y) ** 2), sp.Eq(yhat, sigmoid(z)), sp.Eq(z, w * x + b)], w)
    steps.product = steps.product + sp.Float(5e-9)
    assert not steps.verify()


@pytest.mark.parametrize(
    "sizes, activations, message",
    [
        ([1], [], r"^SymbolicNetwork: sizes must be >= 2 whole numbers >= 1, got \[1\]$"),
        ([2, 0], ["sigmoid"], r"^SymbolicNetwork: sizes must be >= 2 whole numbers >= 1, got \[2, 0\]$"),
        ([2, 1], ["sigmoid", "tanh"], r"^SymbolicNetwork: 1 layers but 2 activations$"),
    ],
)
def test_symbolic_network_names_bad_sizes(sizes, activations, message):
    with pytest.raises(ValueError, match=message):
        SymbolicNetwork(sizes, activations)


def test_one_output_has_one_target_y():
    assert SymbolicNetwork([1, 2, 1], ["tanh", "sigmoid"]).targets == [sp.Symbol("y")]
    assert SymbolicNetwork([1, 1, 2], ["tanh", "softmax"]).targets == [sp.Symbol("y1"), sp.Symbol("y2")]
