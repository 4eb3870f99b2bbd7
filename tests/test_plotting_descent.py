"""Tests for annlib.plotting.descent: optimizers' real paths over two weights, in numbers, words and figures."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import annlib
from annlib.gradcheck import numerical_gradient
from annlib.losses import MSE, BinaryCrossEntropy
from annlib.optimizers import SGD, Adam, Momentum
from annlib.plotting import descent as dp
from annlib.plotting import description

WEIGHTS = ((0, 0, 0), (0, 1, 0))


def linear_problem(scale=(1.0, 0.5), n=60, seed=0):
    """y = 2 x1 - x2 + 0.5 + noise, one identity neuron with b = 0.5: its MSE is a quadratic bowl."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2)) * np.array(scale)
    y = X @ np.array([[2.0], [-1.0]]) + 0.5 + rng.normal(0.0, 0.1, size=(n, 1))
    net = annlib.Network.from_sizes([2, 1], "identity", rng=0)
    net.set_weights([np.array([[0.5], [2.5]]), np.array([0.5])])
    return net, X, y


def gradient(X, y, w, b=0.5):
    """dC/dw of the MSE of y_hat = X w + b, by hand: (2/n) X^T (X w + b - y)."""
    return 2.0 / len(X) * X.T @ (X @ w + b - y.ravel())


def lowest(X, y, b=0.5):
    return np.linalg.lstsq(X, y.ravel() - b, rcond=None)[0]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_everything_is_exported_by_plotting():
    import annlib.plotting as plotting

    for name in dp.__all__:
        assert getattr(plotting, name) is getattr(dp, name)


def test_gradient_descent_path_is_the_update_rule_by_hand():
    net, X, y = linear_problem()
    path = dp.descent_path(net, X, y, MSE(), SGD(0.3), weights=WEIGHTS, steps=12)
    w = np.array([0.5, 2.5])
    expected = [w.copy()]
    for _ in range(12):
        w = w - 0.3 * gradient(X, y, w)
        expected.append(w.copy())
    np.testing.assert_allclose(path.points, expected, rtol=1e-12, atol=1e-12)
    assert path.points.shape == (13, 2) and path.losses.shape == (13,)
    by_hand = [np.mean((X @ p + 0.5 - y.ravel()) ** 2) for p in expected]
    np.testing.assert_allclose(path.losses, by_hand, rtol=1e-12)


def test_momentum_path_is_its_update_rule_by_hand():
    net, X, y = linear_problem()
    path = dp.descent_path(net, X, y, MSE(), Momentum(0.1, momentum=0.8), steps=10)
    w, v = np.array([0.5, 2.5]), np.zeros(2)
    for k in range(10):
        v = 0.8 * v - 0.1 * gradient(X, y, w)
        w = w + v
        np.testing.assert_allclose(path.points[k + 1], w, rtol=1e-12, atol=1e-12)


def test_adam_path_is_lesson_07s_formula_with_bias_correction():
    # m <- b1 m + (1 - b1) g; s <- b2 s + (1 - b2) g^2; m_hat = m / (1 - b1^t); s_hat = s / (1 - b2^t);
    # w <- w - eta m_hat / (sqrt(s_hat) + eps), with annlib's defaults b1 = 0.9, b2 = 0.999, eps = 1e-8.
    net, X, y = linear_problem()
    path = dp.descent_path(net, X, y, MSE(), Adam(0.1), steps=15)
    w, m, s = np.array([0.5, 2.5]), np.zeros(2), np.zeros(2)
    for t in range(1, 16):
        g = gradient(X, y, w)
        m = 0.9 * m + 0.1 * g
        s = 0.999 * s + 0.001 * g**2
        w = w - 0.1 * (m / (1 - 0.9**t)) / (np.sqrt(s / (1 - 0.999**t)) + 1e-8)
        np.testing.assert_allclose(path.points[t], w, rtol=1e-10, atol=1e-12)
    # Adam's first step moves every weight by eta, whatever the size of its gradient
    np.testing.assert_allclose(np.abs(path.points[1] - path.points[0]), [0.1, 0.1], rtol=1e-6)


def test_the_network_and_the_optimizer_are_left_as_they_were():
    net, X, y = linear_problem()
    before = net.get_weights()
    optimizer = Adam(0.1)
    dp.descent_path(net, X, y, MSE(), optimizer, steps=5)
    for kept, now in zip(before, net.get_weights()):
        np.testing.assert_array_equal(kept, now)
    assert optimizer.state is None and optimizer.t == 0
    # run twice, the same path: each walk starts from a fresh optimizer
    first = dp.descent_path(net, X, y, MSE(), optimizer, steps=5)
    again = dp.descent_path(net, X, y, MSE(), optimizer, steps=5)
    np.testing.assert_array_equal(first.points, again.points)


def test_every_other_parameter_is_held_and_start_is_respected():
    net = annlib.Network.from_sizes([2, 3, 1], "tanh", "sigmoid", rng=1)
    X, y = annlib.datasets.moons(40, rng=0)
    path = dp.descent_path(
        net, X, y, "binary_cross_entropy", SGD(0.5), weights=((1, 0, 0), (1, 2, 0)), start=(0.3, -0.2)
    )
    np.testing.assert_allclose(path.points[0], [0.3, -0.2])
    # the loss at every point equals the loss surface there, with every other parameter as in the network
    for point, value in zip(path.points, path.losses):
        surface = dp.loss_surface(
            net, X, y, "binary_cross_entropy", [point[0]], [point[1]], weights=((1, 0, 0), (1, 2, 0))
        )
        assert value == pytest.approx(surface[0, 0], rel=1e-12)


def test_first_step_of_a_sigmoid_classifier_follows_the_numerical_gradient():
    # sigmoid output + cross-entropy starts backward at z, as train_step does; the step is -eta * dC/dw
    net = annlib.Network.from_sizes([2, 3, 1], "tanh", "sigmoid", rng=2)
    X, y = annlib.datasets.moons(30, rng=1)
    y = y.reshape(-1, 1).astype(float)
    W = net.layers[0].W
    start = np.array([W[0, 1], W[1, 1]])
    path = dp.descent_path(net, X, y, BinaryCrossEntropy(), SGD(0.7), weights=((0, 0, 1), (0, 1, 1)), steps=1)
    pair = start.copy()

    def cost():  # numerical_gradient nudges `pair` in place and calls this
        kept = W[0, 1], W[1, 1]
        W[0, 1], W[1, 1] = pair
        value = BinaryCrossEntropy()(net.forward(X), y)
        W[0, 1], W[1, 1] = kept
        return value

    slope = numerical_gradient(cost, pair)
    np.testing.assert_allclose(path.points[1], start - 0.7 * slope, rtol=1e-6, atol=1e-9)


def test_a_diverging_path_stops_before_the_loss_is_not_finite():
    net, X, y = linear_problem()
    path = dp.descent_path(net, X, y, MSE(), SGD(50.0), steps=400)
    assert len(path.points) < 401
    assert np.isfinite(path.points).all() and np.isfinite(path.losses).all()
    assert path.losses[-1] > 1e100


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        (dict(optimizer="sgd"), TypeError, "optimizer must be an annlib optimizer"),
        (dict(steps=0), ValueError, "steps must be a whole number >= 1, got 0"),
        (dict(steps=2.5), ValueError, "steps must be"),
        (dict(weights=((0, 0, 0), (0, 0, 0))), ValueError, "the same weight"),
        (dict(weights=((0, 0, 0), (0, 2, 0))), ValueError, "W[2, 0] does not exist"),
        (dict(weights=((0, 0, 0),)), ValueError, "two (layer, i, j) triples"),
        (dict(start=(1.0, 2.0, 3.0)), ValueError, "start must be two finite numbers"),
        (dict(start=(1.0, np.nan)), ValueError, "start must be two finite numbers"),
    ],
)
def test_descent_path_names_bad_input(kwargs, error, words):
    net, X, y = linear_problem()
    arguments = dict(optimizer=SGD(0.1), weights=WEIGHTS, steps=3) | kwargs
    optimizer = arguments.pop("optimizer")
    with pytest.raises(error, match="descent_path") as raised:
        dp.descent_path(net, X, y, MSE(), optimizer, **arguments)
    assert words in str(raised.value)


# ---------------------------------------------------------------------------------------------------------
# path_summary: the words come from the numbers


def summary_of(points, losses=None, lowest=(0.0, 0.0)):
    points = np.asarray(points, dtype=float)
    losses = np.zeros(len(points)) if losses is None else np.asarray(losses, dtype=float)
    return dp.path_summary(dp.DescentPath(points, losses), lowest)


def test_summary_straight_downhill_and_reached():
    s = summary_of([(4.0, 0.0), (2.0, 0.0), (1.0, 0.0), (0.5, 0.0), (0.1, 0.0), (0.05, 0.0)])
    assert s["how"] == "goes straight downhill and reaches the lowest point in 4 steps"
    assert s["reached"] and not s["diverged"] and s["turns"] == 0 and s["progress"] == pytest.approx(1 - 0.05 / 4)


def test_summary_crawls_with_the_share_of_the_way_covered():
    points = [(4.0 - 0.1 * k, 0.0) for k in range(11)]  # 1 of 4 covered
    s = summary_of(points)
    assert s["how"] == "crawls: in 10 steps it covers only 25% of the way to the lowest point"
    assert not s["reached"] and s["progress"] == pytest.approx(0.25)


def test_summary_heads_downhill_past_half_way():
    s = summary_of([(4.0, 0.0), (2.0, 0.0), (1.0, 0.0)])
    assert s["how"] == "goes straight downhill and covers 75% of the way there in 2 steps"


def test_summary_oscillates_across_the_valley_then_settles():
    # across the valley (x) the sign flips at every step and shrinks; along it (y) a steady approach
    points = [((-0.6) ** k * 2.0, 2.0 * 0.6**k) for k in range(12)]
    s = summary_of(points)
    assert s["turns"] >= 3 and s["reached"]
    assert s["how"].startswith("overshoots and oscillates across the valley (")
    assert "then settles at the lowest point by step" in s["how"]
    arrived = int(s["how"].rsplit(" ", 1)[1])
    distances = np.linalg.norm(points, axis=1)
    assert distances[arrived] <= 0.03 * distances[0] < distances[arrived - 1]


def test_summary_swings_past_the_lowest_point_like_momentum():
    # a path that curves past the lowest point (0, 0) and comes back: a spiral around (1, 0), entered from
    # (6, 0); no step turns sharply back, but the distance to the lowest point rises again
    angles = np.linspace(0.0, 1.5 * np.pi, 16)
    radius = 3.0 * np.exp(-angles / 3.0)
    spiral = np.c_[1.0 + radius * np.cos(angles), radius * np.sin(angles)]
    points = np.vstack([[6.0, 0.0], spiral])
    s = summary_of(points)
    assert s["swings"] >= 1 and not s["reached"] and not s["diverged"]
    assert s["how"].startswith("overshoots the lowest point and swings back")
    assert s["how"].endswith("of its starting distance away from it") and "%" in s["how"]


def test_summary_diverges_with_the_factor():
    points = [((-1.5) ** k, 0.0) for k in range(6)]
    s = summary_of(points)
    assert s["diverged"] and not s["reached"]
    assert s["how"] == (
        "overshoots farther at every turn and diverges: after 5 steps it is 7.6 times as far from the lowest "
        "point as at the start"
    )


def test_summary_of_a_path_without_steps_is_diverged_and_of_the_lowest_point_itself():
    assert summary_of([(1.0, 1.0)])["diverged"]
    assert summary_of([(0.0, 0.0), (0.0, 0.0)])["how"] == "starts at the lowest point and stays there"


def test_summary_names_bad_input():
    with pytest.raises(TypeError, match="path_summary: expected a DescentPath"):
        dp.path_summary(np.zeros((3, 2)), (0.0, 0.0))
    with pytest.raises(ValueError, match="path_summary: lowest must be one point"):
        summary_of([(1.0, 0.0), (0.0, 0.0)], lowest=(0.0, 0.0, 0.0))


def test_real_gradient_descent_regimes_are_named_from_their_numbers():
    net, X, y = linear_problem()
    best = lowest(X, y)
    hows = {
        eta: dp.path_summary(dp.descent_path(net, X, y, MSE(), SGD(eta), steps=25), best)
        for eta in (0.02, 0.4, 0.9, 1.3)
    }
    assert hows[0.02]["how"].startswith("crawls")
    assert hows[0.4]["how"].startswith("goes straight downhill and reaches")
    assert hows[0.9]["how"].startswith("overshoots and oscillates across the valley") and hows[0.9]["reached"]
    assert hows[1.3]["diverged"]


# ---------------------------------------------------------------------------------------------------------
# plot_descent


def test_plot_draws_each_path_its_own_way_with_start_end_lowest_and_legend():
    net, X, y = linear_problem()
    paths = {"gradient descent": SGD(0.3), "momentum": Momentum(0.05), "Adam": Adam(0.1)}
    ax = dp.plot_descent(net, X, y, MSE(), paths, steps=20, limits=((-2.0, 5.0), (-4.0, 3.0)))
    drawn = {line.get_label(): line for line in ax.get_lines()}
    styles = set()
    for label, optimizer in paths.items():
        expected = dp.descent_path(net, X, y, MSE(), optimizer, steps=20)
        np.testing.assert_allclose(drawn[label].get_xydata(), expected.points)
        styles.add((drawn[label].get_linestyle(), drawn[label].get_marker(), drawn[label].get_color()))
    assert len(styles) == 3  # a line style, a marker and a colour per path
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["gradient descent", "momentum", "Adam", "start", "end (large marker)", "lowest point"]
    start_marks = [line for line in ax.get_lines() if line.get_marker() == "o" and line.get_markersize() == 11]
    assert any(np.allclose(line.get_xydata(), [[0.5, 2.5]]) for line in start_marks)
    assert ax.get_xlim() == (-2.0, 5.0) and ax.get_ylim() == (-4.0, 3.0)
    assert ax.get_xlabel() == "weight wa1" and ax.get_ylabel() == "weight wb1"


def test_plot_text_says_where_each_path_starts_ends_and_how():
    net, X, y = linear_problem()
    ax = dp.plot_descent(net, X, y, MSE(), {"slow": SGD(0.02), "wild": SGD(0.9)}, steps=25, limits=((-2, 5), (-4, 3)))
    text = description(ax)
    best = lowest(X, y)  # the paths reach it, so the star is where the lowest path point is: within 1e-3
    assert text.startswith(
        "Contour plot of the loss (mse) over the weights wa1 and wb1, the lowest point (star) at "
        f"({dp.number(best[0])}, {dp.number(best[1])}), loss "
    )
    assert "2 paths from the start (0.5, 2.5)" in text
    assert "slow: crawls: in 25 steps it covers only" in text
    assert "wild: overshoots and oscillates across the valley" in text
    slow = dp.descent_path(net, X, y, MSE(), SGD(0.02), steps=25)
    assert f"ending at ({slow.points[-1, 0]:.2g}, {slow.points[-1, 1]:.2g})" in text


def test_a_path_that_leaves_the_area_is_cut_where_it_leaves_and_said_so():
    net, X, y = linear_problem()
    path = dp.descent_path(net, X, y, MSE(), SGD(1.3), steps=25)
    limits = ((-2.0, 5.0), (-4.0, 3.0))
    inside = [(-2 <= p[0] <= 5) and (-4 <= p[1] <= 3) for p in path.points]
    leaves = inside.index(False)
    ax = dp.plot_descent(net, X, y, MSE(), {"too large": path}, limits=limits, colorbar=False)
    line = next(line for line in ax.get_lines() if line.get_label() == "too large")
    assert len(line.get_xydata()) == leaves + 1
    assert f"it leaves the drawn area at step {leaves}" in description(ax)
    assert "diverges" in description(ax)
    assert any(t.get_text() == f"leaves at step {leaves}" for t in ax.texts)


def test_plot_defaults_to_the_current_weights_and_a_span_around_them():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 2))
    y = X @ np.array([[2.0], [-1.0]]) + 0.5
    net = annlib.Network.from_sizes([2, 1], "identity", rng=0)
    net.set_weights([np.array([[0.0], [0.0]]), np.array([0.5])])
    ax = dp.plot_descent(net, X, y, "mse", {"gd": SGD(0.1)}, span=3.0)
    assert ax.get_xlim() == (-3.0, 3.0) and ax.get_ylim() == (-3.0, 3.0)
    assert "from the start (0, 0)" in description(ax)
    assert "lowest point (star) at (2, -1)" in description(ax)  # no noise: the exact minimum


def test_plot_draws_on_a_given_axes_without_colorbar():
    net, X, y = linear_problem()
    fig, axes = plt.subplots(1, 2)
    returned = dp.plot_descent(net, X, y, MSE(), {"gd": SGD(0.1)}, ax=axes[1], colorbar=False, legend=False, title="t")
    assert returned is axes[1] and len(fig.axes) == 2 and returned.get_legend() is None and returned.get_title() == "t"


def test_plot_names_bad_input():
    net, X, y = linear_problem()
    with pytest.raises(ValueError, match="plot_descent: paths must be a non-empty dict"):
        dp.plot_descent(net, X, y, MSE(), [SGD(0.1)])
    with pytest.raises(TypeError, match=r"plot_descent: paths\['a'\] must be an annlib optimizer or a DescentPath"):
        dp.plot_descent(net, X, y, MSE(), {"a": 0.1})
    with pytest.raises(ValueError, match="at most 5 paths"):
        dp.plot_descent(net, X, y, MSE(), {str(k): SGD(0.1) for k in range(6)})
    other = dp.descent_path(net, X, y, MSE(), SGD(0.1), start=(0.0, 0.0), steps=3)
    with pytest.raises(ValueError, match="every path on one figure starts from one point"):
        dp.plot_descent(net, X, y, MSE(), {"a": SGD(0.1), "b": other}, start=(0.5, 2.5))
    # without a start, paths already walked set it, and the optimizers walk from there
    ax = dp.plot_descent(net, X, y, MSE(), {"a": SGD(0.1), "b": other}, steps=3)
    assert "2 paths from the start (0, 0)" in description(ax)
    with pytest.raises(ValueError, match="lies outside limits"):
        dp.plot_descent(net, X, y, MSE(), {"a": SGD(0.1)}, limits=((1.0, 2.0), (0.0, 1.0)))
    with pytest.raises(ValueError, match="each of limits must run from low to high"):
        dp.plot_descent(net, X, y, MSE(), {"a": SGD(0.1)}, limits=((2.0, 1.0), (0.0, 1.0)))
    with pytest.raises(ValueError, match="span must be a number > 0"):
        dp.plot_descent(net, X, y, MSE(), {"a": SGD(0.1)}, span=0)


def test_the_star_is_the_grids_best_refined_ten_times_finer():
    # a coarse grid (spacing 0.7) still puts the star within a tenth of a spacing of the exact minimum
    net, X, y = linear_problem()
    path = dp.descent_path(net, X, y, MSE(), SGD(0.02), steps=3)  # far from the bottom: the grid decides
    ax = dp.plot_descent(net, X, y, MSE(), {"gd": path}, limits=((-2.0, 5.0), (-4.0, 3.0)), resolution=11)
    star = next(line for line in ax.get_lines() if line.get_marker() == "*").get_xydata()[0]
    assert np.abs(star - lowest(X, y)).max() <= 0.07 + 1e-9
