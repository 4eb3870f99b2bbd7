"""What lessons 03, 04 and 05 say about their outputs, recomputed with annlib.

Each test names the lesson and the sentence (or figure text) it checks. A lesson's saved output is compared
by nbval; these tests hold the prose to the same numbers, so that a sentence and the output it describes
cannot drift apart.
"""

import inspect

import numpy as np
import pytest
import sympy as sp

import annlib
from annlib import plotting, symbolic
from annlib.activations import sigmoid, sigmoid_derivative
from annlib.gradcheck import numerical_gradient, relative_error
from annlib.losses import EPSILON, MSE, BinaryCrossEntropy, CrossEntropy

# --- Lesson 03: forward propagation -----------------------------------------------------------------

X_ONE = np.array([[0.5, -1.0, 2.0]])


@pytest.fixture(scope="module")
def net_03():
    return annlib.Network.from_sizes([3, 4, 4, 1], activation="sigmoid", rng=0)


def test_03_dense_starts_with_small_random_weights_and_zero_biases():
    layer = annlib.Dense(3, 4, activation="sigmoid", rng=0)
    assert layer.W.shape == (3, 4) and layer.b.shape == (4,)
    assert np.all(layer.b == 0.0)
    assert np.all(np.abs(layer.W) < 1.0) and np.all(layer.W != 0.0)
    assert np.array_equal(layer.W, annlib.Dense(3, 4, activation="sigmoid", rng=0).W)  # the same every run


def test_03_the_article_names_of_W():
    assert plotting.weight_name(0, 0, 0) == "wa1"
    assert [plotting.weight_name(0, 0, j) for j in range(4)] == ["wa1", "wa2", "wa3", "wa4"]
    assert plotting.weight_name(0, 1, 2) == "wb3"
    assert plotting.weight_name(1, 0, 0) == "w2a1"


def test_03_hand_computation_gives_the_same_four_numbers_as_forward():
    layer = annlib.Dense(3, 4, activation="sigmoid", rng=0)
    by_hand = sigmoid(X_ONE @ layer.W + layer.b)
    assert np.allclose(by_hand, layer.forward(X_ONE), rtol=0, atol=1e-14)
    assert np.allclose(by_hand, [[0.3936, 0.1706, 0.2329, 0.3932]], atol=5e-5)
    z_a11 = 0.5 * layer.W[0, 0] - 1.0 * layer.W[1, 0] + 2.0 * layer.W[2, 0] + layer.b[0]
    assert np.isclose(sigmoid(z_a11), by_hand[0, 0])


def test_03_the_network_has_41_parameters(net_03):
    per_layer = [layer.W.size + layer.b.size for layer in net_03]
    assert per_layer == [3 * 4 + 4, 4 * 4 + 4, 4 * 1 + 1] == [16, 20, 5]
    assert net_03.n_parameters == 41


def test_03_layer_by_layer_loop_is_net_forward(net_03):
    A = X_ONE
    for layer in net_03:
        A = sigmoid(A @ layer.W + layer.b)
    assert np.allclose(A, net_03.forward(X_ONE), rtol=0, atol=1e-14)


def test_03_values_on_the_diagram(net_03):
    # The figure's text: values 0.39 0.17 0.23 0.39 | 0.42 0.53 0.39 0.45 | ŷ = 0.41, thickest line w2a1 = -1.2.
    values = plotting.forward_values(net_03, X_ONE[0])
    assert np.array_equal(np.round(values[1], 2), [0.39, 0.17, 0.23, 0.39])
    assert np.array_equal(np.round(values[2], 2), [0.42, 0.53, 0.39, 0.45])
    assert np.round(values[3][0], 2) == 0.41
    w2a1 = net_03.layers[1].W[0, 0]
    assert float(f"{w2a1:.2g}") == -1.2
    largest = max(np.abs(layer.W).max() for layer in net_03)
    assert abs(w2a1) == largest


def test_03_a_batch_gives_one_prediction_per_example(net_03):
    X_batch = np.random.default_rng(0).normal(size=(5, 3))
    assert net_03.forward(X_batch).shape == (5, 1)
    assert annlib.Network.from_sizes([3, 5, 2], rng=1).forward(X_batch).shape == (5, 2)


def test_03_shape_errors_name_the_shapes(net_03):
    with pytest.raises(ValueError, match=r"\(5, 2\).*expected \(any, 3\)"):
        net_03.forward(np.ones((5, 2)))
    with pytest.raises(ValueError, match=r"reshape\(1, -1\)"):
        net_03.forward(X_ONE[0])


# --- Lesson 04: loss functions ----------------------------------------------------------------------


def test_04_the_error_of_one_counts_twice_as_much_as_the_two_halves():
    y_true = np.array([[3.0], [-0.5], [2.0], [7.0]])
    y_pred = np.array([[2.5], [0.0], [2.0], [8.0]])
    squared = ((y_pred - y_true) ** 2).ravel()
    assert np.array_equal(squared, [0.25, 0.25, 0.0, 1.0])
    assert squared[3] == 2 * (squared[0] + squared[1])
    assert np.isclose(MSE()(y_pred, y_true), 0.375)


def test_04_binary_cross_entropy_confident_right_costs_little_hesitant_more():
    y_true = np.array([[1.0], [0.0], [1.0], [0.0]])
    p = np.array([[0.9], [0.2], [0.6], [0.4]])
    per_example = -(y_true * np.log(p) + (1 - y_true) * np.log(1 - p)).ravel()
    assert per_example[0] == per_example.min()
    assert per_example[2] > per_example[0]
    assert np.isclose(BinaryCrossEntropy()(p, y_true), per_example.mean())
    assert round(per_example.mean(), 4) == 0.3375


def test_04_categorical_cross_entropy_is_the_mean_of_minus_log_of_the_true_class():
    labels = np.array([0, 2, 1])
    Y = annlib.datasets.one_hot(labels, n_classes=3)
    P = annlib.activations.softmax(np.array([[2.0, 0.5, 0.1], [0.2, 0.3, 1.5], [1.0, 1.2, 0.9]]))
    by_hand = np.mean(-np.log(P[np.arange(3), labels]))
    assert np.isclose(CrossEntropy()(P, Y), by_hand)
    assert round(by_hand, 4) == 0.5700


def test_04_squared_error_never_exceeds_one_cross_entropy_keeps_climbing():
    mse, bce = MSE(), BinaryCrossEntropy()
    p = np.linspace(1.0, 0.0, 201)
    squared = np.array([mse([[q]], [[1.0]]) for q in p])
    crossed = np.array([bce([[q]], [[1.0]]) for q in p])
    assert squared.max() <= 1.0 and np.isclose(squared[-1], 1.0)
    assert np.all(np.diff(crossed) > 0)  # rising all the way as p falls to 0
    assert bce([[0.002]], [[1.0]]) > 6.0  # off the top of the figure (drawn up to 6) near p = 0
    # steepest at p = 0: |d/dp (1 - p)^2| = 2(1 - p) is largest there
    slopes = np.abs(np.gradient(squared, p))
    assert np.argmax(slopes) in (len(p) - 1, len(p) - 2)
    assert np.isclose(bce([[0.001]], [[1.0]]), -np.log(0.001))


def test_04_gradient_at_a_sigmoid_output():
    z = np.array([-6.0, -4.0, -2.0, 0.0, 2.0, 4.0])
    mse_dz, ce_dz = plotting.sigmoid_output_gradients(z, y_true=1.0)
    a = sigmoid(z)
    assert np.allclose(mse_dz, 2 * (a - 1) * a * (1 - a)) and np.allclose(ce_dz, a - 1)
    assert round(a[0], 4) == 0.0025
    assert round(mse_dz[0], 3) == -0.005  # "only about -0.005"
    assert round(ce_dz[0], 2) == -1.0  # "a - y ≈ -1"


def test_04_squared_error_push_peaks_near_0_3_and_fades_on_both_sides():
    z = np.linspace(-8.0, 8.0, 16001)
    mse_dz, ce_dz = plotting.sigmoid_output_gradients(z, y_true=1.0)
    push = np.abs(mse_dz)
    peak = np.argmax(push)
    assert round(push[peak], 1) == 0.3 and abs(z[peak] - (-0.7)) < 0.05
    assert push[0] < 0.01 and push[-1] < 0.01  # fades on both sides
    assert np.all(np.diff(np.abs(ce_dz)) < 0)  # cross-entropy's push only falls as the answer gets right
    assert np.abs(ce_dz[0]) > 0.999


def test_04_clipping_keeps_the_loss_finite():
    assert EPSILON == 1e-12  # κ
    kappa_loss = -np.log(1e-12)
    assert round(kappa_loss, 2) == 27.63
    assert np.isclose(BinaryCrossEntropy()([[0.0]], [[1.0]]), kappa_loss)
    assert np.isclose(BinaryCrossEntropy()([[1.0]], [[0.0]]), kappa_loss, rtol=1e-4)  # clipped at 1 - κ too
    assert np.isclose(CrossEntropy()([[0.0, 1.0]], [[1.0, 0.0]]), kappa_loss)  # from below only: log p


def lesson04_regression():
    """Lesson 04's data and one-neuron network, with wa1 = wb1 = 0 and b = 0.5: (net, X, y)."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100, 2))
    y = X @ np.array([[2.0], [-1.0]]) + 0.5 + rng.normal(0.0, 0.1, size=(100, 1))
    net = annlib.Network.from_sizes([2, 1], activation="identity", rng=0)
    net.set_weights([np.array([[0.0], [0.0]]), np.array([0.5])])
    return net, X, y


@pytest.fixture(scope="module")
def regression_04():
    return lesson04_regression()


def test_04_loss_along_wa1(regression_04):
    net, X, y = regression_04
    assert round(MSE()(net.forward(X), y), 4) == 4.1654
    values = np.array([0.0, 1.0, 2.0, 3.0])
    losses = plotting.loss_along_weight(net, X, y, MSE(), values)
    assert np.array_equal(np.round(losses, 4), [4.1654, 1.5821, 0.8897, 2.0883])
    tried = np.linspace(-2.0, 5.0, 141)
    along = plotting.loss_along_weight(net, X, y, MSE(), tried)
    assert round(tried[np.argmin(along)], 2) == 1.85 and along.min() < 1.0


def test_04_wa1_misses_2_because_wb1_stays_at_0(regression_04):
    net, X, y = regression_04
    tried = np.linspace(-2.0, 5.0, 1401)
    net.set_weights([np.array([[0.0], [-1.0]]), np.array([0.5])])
    try:
        best_with_true_wb1 = tried[np.argmin(plotting.loss_along_weight(net, X, y, MSE(), tried))]
    finally:
        net.set_weights([np.array([[0.0], [0.0]]), np.array([0.5])])
    assert abs(best_with_true_wb1 - 2.0) < 0.05


def test_04_surface_lowest_point_is_2_minus_1_and_not_zero(regression_04):
    net, X, y = regression_04
    grid = np.linspace(-3.0, 3.0, 121)
    surface = plotting.loss_surface(net, X, y, MSE(), grid, grid, weights=((0, 0, 0), (0, 1, 0)))
    row, column = np.unravel_index(surface.argmin(), surface.shape)
    assert (round(grid[column], 2), round(grid[row], 2)) == (2.0, -1.0)
    assert round(surface.min(), 4) == 0.0126 and surface.min() > 0
    here = plotting.loss_surface(net, X, y, MSE(), [0.0], [0.0], weights=((0, 0, 0), (0, 1, 0)))[0, 0]
    assert round(here, 3) == 4.165


# --- Lesson 05: derivatives in SymPy ----------------------------------------------------------------

X05, B05, Y05, W05 = 1.5, 0.1, 1.0, 0.5


def _cost_05(w):
    return MSE()(np.array([[annlib.neuron_output([X05], [w], B05)]]), np.array([[Y05]]))


def _exact_slope_05():
    w, x, b, y = sp.symbols("w x b y")
    C = (symbolic.sigmoid(w * x + b) - y) ** 2
    return float(sp.diff(C, w).subs({w: W05, x: X05, b: B05, y: Y05}))


def test_05_central_difference_error_shrinks_like_h_squared():
    exact = _exact_slope_05()
    errors = [abs((_cost_05(W05 + h) - _cost_05(W05 - h)) / (2 * h) - exact) for h in (0.1, 0.01)]
    assert 50 < errors[0] / errors[1] < 200  # h ten times smaller, error about a hundred times smaller
    assert exact < 0  # "increasing w lowers the cost"
    assert round(exact, 3) == -0.188


def test_05_numerical_gradient_step_and_agreement():
    assert inspect.signature(numerical_gradient).parameters["eps"].default == 1e-6  # h = 10^-6
    w_array = np.array([W05])
    estimate = numerical_gradient(lambda: _cost_05(w_array[0]), w_array)[0]
    assert f"{estimate:.8f}" == f"{_exact_slope_05():.8f}"  # "agrees to about eight digits"


def test_05_sigmoid_derivative_is_at_most_a_quarter_at_zero():
    z = sp.Symbol("z")
    sigma = symbolic.sigmoid(z)
    assert sp.simplify(sp.diff(sigma, z) - sigma * (1 - sigma)) == 0
    grid = np.linspace(-5.0, 5.0, 401)
    slope = sigmoid_derivative(grid)
    assert slope.max() == 0.25 and grid[np.argmax(slope)] == 0.0
    assert slope[0] < 0.01 and slope[-1] < 0.01  # nearly zero where the sigmoid flattens


@pytest.mark.parametrize("weight", [0.5, 2.0, 8.0])
def test_05_going_back_a_sigmoid_layer_multiplies_by_its_slope_and_its_weights(weight):
    # One sigmoid neuron at z = 0: the gradient reaching its input is weight * sigma'(0) = weight / 4.
    layer = annlib.Dense(1, 1, activation="sigmoid", rng=0)
    layer.W[...] = weight
    layer.b[...] = 0.0
    layer.forward(np.array([[0.0]]))
    grad_input = layer.backward(np.array([[1.0]]))
    assert np.isclose(grad_input[0, 0], weight * 0.25)
    # σ' alone would give 1/4; a weight above 1 in size amplifies that, and above 4 the gradient grows.
    if weight > 1:
        assert abs(grad_input[0, 0]) > 0.25
    if weight > 4:
        assert abs(grad_input[0, 0]) > 1


def test_05_going_back_a_layer_is_slope_times_W_transposed():
    rng = np.random.default_rng(3)
    layer = annlib.Dense(3, 4, activation="sigmoid", rng=3)
    X = rng.normal(size=(5, 3))
    layer.forward(X)
    grad_output = rng.normal(size=(5, 4))
    expected = (grad_output * sigmoid_derivative(X @ layer.W + layer.b)) @ layer.W.T
    assert np.allclose(layer.backward(grad_output), expected)


def test_05_chain_rule_and_cross_entropy_collapse():
    x1, x2, w1, w2, z, y_hat, C, b, y = sp.symbols("x1 x2 w1 w2 z yhat C b y")
    links = [sp.Eq(C, (y_hat - y) ** 2), sp.Eq(y_hat, symbolic.sigmoid(z)), sp.Eq(z, w1 * x1 + w2 * x2 + b)]
    assert symbolic.chain_rule_steps(links, wrt=w1).verify()
    assert symbolic.chain_rule_steps(links, wrt=b).verify()
    ce_links = [sp.Eq(C, -(y * sp.log(y_hat) + (1 - y) * sp.log(1 - y_hat))), *links[1:]]
    steps = symbolic.chain_rule_steps(ce_links, wrt=b)
    assert sp.simplify(steps.product - (y_hat - y)) == 0  # the product is just ŷ - y
    assert steps.verify()


def test_05_softmax_jacobian_uses_the_indicator():
    z = sp.Matrix(sp.symbols("z1:4"))
    p = symbolic.softmax(z)
    jacobian = symbolic.softmax_derivative(z)
    for j in range(3):
        for k in range(3):
            assert sp.simplify(sp.diff(p[j], z[k]) - p[j] * (int(j == k) - p[k])) == 0
            assert sp.simplify(jacobian[j, k] - p[j] * (int(j == k) - p[k])) == 0


def test_05_symbolic_and_numeric_gradients_agree_on_3_4_4_1():
    network = annlib.Network.from_sizes([3, 4, 4, 1], "sigmoid", rng=0)
    assert network.n_parameters == 41
    assert network.sizes[2] * network.sizes[3] == 4  # wa1's paths to the cost: one per neuron of layer 2
    rng = np.random.default_rng(0)
    X = rng.normal(size=(8, 3))
    Y = rng.uniform(size=(8, 1))
    mse = MSE()
    by_sympy = symbolic.network_gradients(network, X, Y, mse)
    by_differences = [numerical_gradient(lambda: mse(network.forward(X), Y), layer.W) for layer in network]
    for (grad_W, _), numeric in zip(by_sympy, by_differences):
        assert relative_error(grad_W, numeric) < 1e-7
    shown = [[f"{v:+.6f}" for v in row] for row in (by_sympy[0][0][0], by_differences[0][0])]
    assert shown[0] == shown[1]  # six decimals agree


@pytest.fixture(scope="module")
def swell():
    depth = [symbolic.measure_expression_swell([2] + [2] * d + [1]) for d in range(1, 5)]
    width = [symbolic.measure_expression_swell([2, w, w, 1]) for w in range(1, 4)]
    return depth, width


def test_05_each_extra_layer_adds_6_parameters_4_weights_and_2_biases(swell):
    depth, _ = swell
    assert [m.n_parameters for m in depth] == [9, 15, 21, 27]
    added = annlib.Network.from_sizes([2, 2, 2, 1]).n_parameters - annlib.Network.from_sizes([2, 2, 1]).n_parameters
    assert added == 6
    extra = annlib.Dense(2, 2)
    assert (extra.W.size, extra.b.size) == (4, 2)


def test_05_written_out_gradient_grows_three_to_four_and_a_half_times_per_layer(swell):
    depth, _ = swell
    sizes = [m.gradient_size for m in depth]
    assert sizes == [550, 2494, 8810, 27270]
    ratios = np.array(sizes[1:]) / np.array(sizes[:-1])
    assert np.all((ratios >= 3.0) & (ratios <= 4.6))


def test_05_backpropagation_grows_by_26_operations_per_layer(swell):
    depth, _ = swell
    backprop = [m.backprop_size for m in depth]
    assert backprop == [35, 61, 87, 113]
    assert set(np.diff(backprop)) == {26}
    assert round(26 / 6) == 4  # about four per parameter


def test_05_sharing_matches_backprop_only_on_the_smallest_network(swell):
    depth, width = swell
    shared = [m.shared_size for m in depth]
    assert shared == [32, 72, 148, 276]
    assert shared[0] < depth[0].backprop_size  # 32 against 35
    ratios = np.array(shared[1:]) / np.array(shared[:-1])
    assert np.all((ratios > 1.8) & (ratios < 2.3))  # roughly doubles
    for m in depth[1:] + width[1:]:
        assert m.backprop_size < m.shared_size < m.gradient_size


def test_05_what_cse_finds_on_the_3_2_1_network():
    small = symbolic.SymbolicNetwork.from_sizes([3, 2, 1])
    chosen = [small.weights[0][0, 0], *small.weights[1], small.biases[1][0]]
    shared = symbolic.common_subexpressions([small.loss_derivative("mse", p) for p in chosen])
    assert (shared.size_before, shared.size_after) == (283, 30)
    # c4 is the output neuron's error signal 2 ŷ(1 - ŷ)(ŷ - y): the same expression as delta_21 of backprop
    names = dict(shared.replacements)
    c3, c4 = sp.Symbol("c3"), sp.Symbol("c4")
    y = sp.Symbol("y")
    assert sp.simplify(names[c4] - 2 * c3 * (1 - c3) * (c3 - y)) == 0
    steps = symbolic.backpropagation_steps([3, 2, 1])
    assert "delta_21" in repr(steps)
