"""What lessons 04 and 07 say about cross-entropy as a likelihood and about descent on a loss surface, recomputed.

Every number or comparison the new prose states about an output has a test here, built the way the lesson
builds it, so the words and the output cannot drift apart. Where a sentence names a behaviour (exactly
binary cross-entropy, the product rounds to 0), it is checked on more cases than the lesson shows.
"""

import json
from pathlib import Path

import numpy as np
import pytest
from test_claims_03_05 import lesson04_regression

import annlib
from annlib.losses import MSE, BinaryCrossEntropy, CrossEntropy
from annlib.optimizers import SGD, Adam, Momentum
from annlib.plotting import descent_path, loss_surface, path_summary

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
WEIGHTS = ((0, 0, 0), (0, 1, 0))  # wa1 and wb1


def markdown(name):
    cells = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


# ---------------------------------------------------------------------------------------------------------
# Lesson 04: cross-entropy is the negative log-likelihood


def test_lesson04_likelihood_of_the_binary_example():
    y_true = np.array([[1.0], [0.0], [1.0], [0.0]])
    p = np.array([[0.9], [0.2], [0.6], [0.4]])
    p_label = np.where(y_true == 1, p, 1 - p)
    assert np.allclose(p_label.ravel(), [0.9, 0.8, 0.6, 0.6])
    likelihood = np.prod(p_label)
    assert f"{likelihood:.4f}" == "0.2592"
    assert f"{-np.log(likelihood) / 4:.4f}" == f"{BinaryCrossEntropy()(p, y_true):.4f}" == "0.3375"


@pytest.mark.parametrize("seed", range(5))
def test_lesson04_minus_log_likelihood_over_n_is_exactly_binary_cross_entropy(seed):
    rng = np.random.default_rng(seed)
    p = rng.uniform(0.05, 0.95, size=(30, 1))
    y = rng.integers(0, 2, size=(30, 1)).astype(float)
    likelihood = np.prod(p**y * (1 - p) ** (1 - y))  # p_i^y_i (1 - p_i)^(1 - y_i), multiplied
    log_sum = np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))  # the log turns the product into this sum
    assert np.log(likelihood) == pytest.approx(log_sum, rel=1e-12)
    assert -np.log(likelihood) / 30 == pytest.approx(BinaryCrossEntropy()(p, y), rel=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_lesson04_same_steps_give_categorical_cross_entropy(seed):
    rng = np.random.default_rng(seed)
    P = annlib.activations.softmax(rng.normal(size=(20, 4)))
    Y = annlib.datasets.one_hot(rng.integers(0, 4, size=20), n_classes=4)
    likelihood = np.prod(np.prod(P**Y, axis=1))  # example i's label gets prod_k p_ik^y_ik
    assert -np.log(likelihood) / 20 == pytest.approx(CrossEntropy()(P, Y), rel=1e-12)


def test_lesson04_a_product_of_thousands_of_probabilities_rounds_to_zero_but_its_log_sum_does_not():
    assert 0.5**2000 == 0.0
    probabilities = np.random.default_rng(0).uniform(0.3, 0.9, size=3000)
    assert np.prod(probabilities) == 0.0
    assert np.isfinite(np.sum(np.log(probabilities))) and np.sum(np.log(probabilities)) < -700


# ---------------------------------------------------------------------------------------------------------
# Lesson 04: the walk downhill on the surface of wa1 and wb1


lesson04 = lesson04_regression  # the data and network the lesson's surface is drawn for


def lesson04_walk():
    net, X, y = lesson04()
    return descent_path(net, X, y, MSE(), SGD(0.1), weights=WEIGHTS, steps=30)


def test_lesson04_walk_heads_for_the_star_never_turning_back_bending_only_slightly():
    path = lesson04_walk()
    moves = np.diff(path.points, axis=0)
    assert (np.einsum("ij,ij->i", moves[:-1], moves[1:]) > 0).all()  # no step points back
    # bending only slightly: every step within 20 degrees of the line from the start to the lowest point
    net, X, y = lesson04()
    best = np.linalg.lstsq(X, y.ravel() - 0.5, rcond=None)[0]
    direction = (best - path.points[0]) / np.linalg.norm(best - path.points[0])
    cosines = moves @ direction / np.linalg.norm(moves, axis=1)
    assert cosines.min() > np.cos(np.radians(20))


def test_lesson04_steps_shrink_each_about_a_sixth():
    lengths = np.linalg.norm(np.diff(lesson04_walk().points, axis=0), axis=1)
    ratios = lengths[1:] / lengths[:-1]
    assert ((ratios > 0.79) & (ratios < 0.87)).all()  # each about 1/6 shorter than the one before
    assert f"{lengths[0]:.2f}" == "0.38"
    assert f"{lengths[7]:.2f}" == "0.10"
    assert f"{lengths[29]:.3f}" == "0.002"


def test_lesson04_after_30_steps_just_below_the_grids_best():
    path = lesson04_walk()
    assert [f"{v:.2f}" for v in path.points[30]] == ["1.98", "-0.98"]
    assert f"{path.losses[30]:.4f}" == "0.0125"
    net, X, y = lesson04()
    grid = np.linspace(-3.0, 3.0, 121)
    assert grid[1] - grid[0] == pytest.approx(0.05)
    surface = loss_surface(net, X, y, MSE(), grid, grid, weights=WEIGHTS)
    assert f"{surface.min():.4f}" == "0.0126"
    assert path.losses[30] < surface.min()


# ---------------------------------------------------------------------------------------------------------
# Lesson 07: the four regimes and three optimizers on one valley

AREA = ((-2.0, 5.0), (-4.0, 3.0))


def valley():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100, 2)) * [1.0, 0.5]
    y = X @ np.array([[2.0], [-1.0]]) + 0.5 + rng.normal(0.0, 0.1, size=(100, 1))
    net = annlib.Network.from_sizes([2, 1], "identity", rng=0)
    net.set_weights([np.array([[0.5], [2.5]]), np.array([0.5])])
    best = np.linalg.lstsq(X, y.ravel() - 0.5, rcond=None)[0]
    return net, X, y, best


def regime(eta, steps=25):
    net, X, y, best = valley()
    return descent_path(net, X, y, MSE(), SGD(eta), steps=steps), best


def test_lesson07_the_bowl_becomes_a_valley_steep_across_wa1_shallow_along_wb1():
    _, X, _, _ = valley()
    curvature = 2 * X.T @ X / len(X)  # the MSE's second derivatives in wa1 and wb1
    assert curvature[0, 0] > 3 * curvature[1, 1]
    assert abs(curvature[0, 1]) < 0.1 * curvature[1, 1] * 3  # nearly aligned with the axes


def test_lesson07_small_rate_crawls_under_a_quarter_of_the_way():
    path, best = regime(0.02)
    summary = path_summary(path, best)
    assert 0.1 < summary["progress"] < 0.25 and summary["turns"] == 0


def test_lesson07_good_rate_crosses_then_follows_the_floor_and_arrives_within_20_steps():
    path, best = regime(0.4)
    moves = np.diff(path.points, axis=0)
    assert abs(moves[0, 0]) > abs(moves[0, 1])  # first across the valley (wa1)
    assert (np.abs(moves[3:10, 1]) > np.abs(moves[3:10, 0])).all()  # then along its floor (wb1)
    distances = np.linalg.norm(path.points - best, axis=1)
    assert (distances[20:] <= 0.03 * distances[0]).all()
    assert path_summary(path, best)["turns"] == 0  # never turning back


def test_lesson07_larger_rate_overshoots_across_the_valley_at_every_step_and_settles_within_10():
    path, best = regime(0.9)
    across = path.points[:9, 0] - best[0]  # wa1's distance from the lowest point, with its side
    assert (np.sign(across[1:]) != np.sign(across[:-1])).all()  # a new side at every step
    distances = np.linalg.norm(path.points - best, axis=1)
    assert (distances[10:] <= 0.03 * distances[0]).all()


def test_lesson07_too_large_rate_overshoots_by_more_each_time_and_leaves_the_plot_at_step_3():
    path, best = regime(1.3)
    across = path.points[:, 0] - best[0]
    assert (np.sign(across[1:]) != np.sign(across[:-1])).all()
    assert (np.abs(across[2:]) > np.abs(across[1:-1])).all()
    (x0, x1), (y0, y1) = AREA
    inside = [(x0 <= a <= x1) and (y0 <= b <= y1) for a, b in path.points]
    assert inside.index(False) == 3
    assert path_summary(path, best)["diverged"]


def comparison():
    net, X, y, best = valley()
    walkers = {"gradient descent": SGD(0.1), "momentum": Momentum(0.1), "Adam": Adam(0.1)}
    paths = {name: descent_path(net, X, y, MSE(), w, start=(-1.0, 2.0), steps=40) for name, w in walkers.items()}
    return paths, best, (net, X, y)


def test_lesson07_gradient_descent_is_still_about_half_a_unit_away_after_40_steps():
    paths, best, _ = comparison()
    gd = paths["gradient descent"]
    assert 0.45 < np.linalg.norm(gd.points[-1] - best) < 0.55
    moves = np.diff(gd.points, axis=0)
    assert abs(moves[0, 0]) > 2 * abs(moves[0, 1])  # across the valley first
    assert (np.abs(moves[20:, 1]) > 3 * np.abs(moves[20:, 0])).all()  # then along its floor


def test_lesson07_momentum_gathers_speed_overshoots_swings_back_and_ends_closer():
    paths, best, _ = comparison()
    momentum, gd = paths["momentum"], paths["gradient descent"]
    lengths = np.linalg.norm(np.diff(momentum.points, axis=0), axis=1)
    assert lengths[0] < lengths[1] < lengths[2] and lengths[2] > 1.8 * lengths[0]  # speed gathered
    summary = path_summary(momentum, best)
    assert summary["swings"] >= 1 and not summary["reached"]
    assert np.linalg.norm(momentum.points[-1] - best) < np.linalg.norm(gd.points[-1] - best)


def test_lesson07_adam_moves_each_weight_by_eta_whatever_its_slope_and_reaches_the_lowest_point():
    paths, best, (net, X, y) = comparison()
    adam = paths["Adam"]
    moves = np.abs(np.diff(adam.points[:4], axis=0))
    assert np.allclose(moves, 0.1, rtol=0.01)  # the first steps: eta in each weight
    # ... although the two slopes at the start differ more than twofold
    W = net.layers[0].W
    kept = W.copy()
    W[:, 0] = [-1.0, 2.0]
    net.backward(MSE().gradient(net.forward(X), y))
    slopes = np.abs(net.layers[0].grad_W[:, 0])
    W[...] = kept
    assert max(slopes) > 2 * min(slopes)
    summary = path_summary(adam, best)
    assert summary["reached"] and summary["turns"] == 0


def test_lesson07_adam_is_written_in_full_with_annlibs_defaults():
    text = markdown("07_optimizers_and_training.ipynb")
    for formula in (r"\hat m = \frac{m}{1-\beta_1^{\,t}}", r"\hat s = \frac{s}{1-\beta_2^{\,t}}"):
        assert formula in text
    assert r"$\beta_1 = 0.9$, $\beta_2 = 0.999$, $\varepsilon = 10^{-8}$" in text
    adam = Adam()
    assert (adam.beta1, adam.beta2, adam.eps) == (0.9, 0.999, 1e-8)
