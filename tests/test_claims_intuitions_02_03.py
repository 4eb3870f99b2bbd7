"""What lessons 02 ("What a hidden layer builds") and 03 ("Where the weights start") say about their
outputs, recomputed.

Every number or comparison the new prose of the two sections states has a test here. Where a sentence
speaks of a behaviour (more bumps come closer, equal weights stay equal, a scale saturates), it is
checked for several cases, not only the one the lesson shows.
"""

import numpy as np
import pytest

import annlib
from annlib import plotting
from annlib.activations import sigmoid

X_SIN = np.linspace(0.0, 2 * np.pi, 1001)  # the lesson's grid for the distance to sin


def _distance_to_sin(n_bumps, steepness=20.0):
    network = plotting.bump_network(np.sin, 0.0, 2 * np.pi, n_bumps, steepness)
    return np.abs(network.forward(X_SIN.reshape(-1, 1)).ravel() - np.sin(X_SIN)).max()


# ---------------------------------------------------------------------------------------------------------
# Lesson 02: steps, bumps, and the trained network of lesson 00


@pytest.mark.parametrize("weight, bias", [(1.0, -1.0), (5.0, -5.0), (20.0, -20.0), (-3.0, 6.0), (0.5, 0.25)])
def test_lesson02_a_neuron_crosses_one_half_at_minus_b_over_w(weight, bias):
    # "climbs from 0 to 1 and crosses 1/2 where z = wx + b = 0, at x = -b/w"
    assert sigmoid(weight * (-bias / weight) + bias) == pytest.approx(0.5, abs=1e-12)


def test_lesson02_the_larger_w_the_steeper_the_step():
    # "The larger w, the steeper the climb": the slope at the crossing is w / 4, and a step of weight 20 is
    # within 0.01 of 0 or 1 once |x - 1| > 0.25
    x = np.linspace(-1, 4, 501)
    slopes = [np.gradient(sigmoid(w * (x - 1.0)), x).max() for w in (1.0, 5.0, 20.0)]
    assert slopes[0] < slopes[1] < slopes[2]
    far = np.abs(x - 1.0) > 0.25
    a = sigmoid(20.0 * (x[far] - 1.0))
    assert np.all(np.minimum(a, 1 - a) < 0.01)


def test_lesson02_the_bump_height_at_its_centre():
    # "With w = 20 the bump is sigma(10) - sigma(-10) ~ 0.9999 high at its centre, x = 1.5."
    network = plotting.bump_network(lambda x: np.ones_like(x), 1.0, 2.0, 1, 20.0)
    at_centre = network.forward(np.array([[1.5]]))[0, 0]
    assert at_centre == pytest.approx(sigmoid(10.0) - sigmoid(-10.0), rel=1e-12)
    assert round(at_centre, 4) == 0.9999
    # "the output is 1 between the steps and 0 outside"
    inside = network.forward(np.linspace(1.3, 1.7, 9).reshape(-1, 1))
    outside = network.forward(np.array([[-1.0], [0.5], [2.5], [4.0]]))
    assert np.all(np.abs(inside - 1) < 0.02) and np.all(np.abs(outside) < 0.01)
    # "Output weights +2 and -2 would make it twice as high"
    twice = plotting.bump_network(lambda x: 2 * np.ones_like(x), 1.0, 2.0, 1, 20.0)
    assert twice.forward(np.array([[1.5]]))[0, 0] == pytest.approx(2 * at_centre, rel=1e-12)


def test_lesson02_the_sin_network_has_20_hidden_neurons_of_weight_20():
    # "10 bumps, 20 hidden neurons of weight 20"; the printed network: 1 -> 20 -> 1, 61 parameters
    network = plotting.bump_network(np.sin, 0.0, 2 * np.pi, 10, 20.0)
    assert network.sizes == [1, 20, 1] and network.n_parameters == 61
    assert np.all(network.layers[0].W == 20.0)


def test_lesson02_the_printed_distances_to_sin():
    # " 5 bumps: never more than 0.42 / 10 bumps: 0.18 / 20 bumps: 0.08 from sin(x)" (and the summary's 0.18)
    assert [f"{_distance_to_sin(n):.2f}" for n in (5, 10, 20)] == ["0.42", "0.18", "0.08"]


@pytest.mark.parametrize("steepness", [10.0, 20.0, 40.0])
def test_lesson02_more_bumps_come_closer(steepness):
    # "the largest distance between the sum and sin x shrinks as the bumps multiply" (the lesson's weight
    # 20 and two others)
    distances = [_distance_to_sin(n, steepness) for n in (5, 10, 20, 40)]
    assert all(a > b for a, b in zip(distances, distances[1:]))


def test_lesson02_linear_neurons_add_up_to_a_straight_line():
    # "linear neurons make only straight lines, and straight lines add up to a straight line"
    net = annlib.Network.from_sizes([1, 16, 1], activation="identity", rng=3)
    x = np.linspace(-3, 3, 61).reshape(-1, 1)
    assert np.allclose(np.diff(net.forward(x), n=2, axis=0), 0.0, atol=1e-12)


def _lesson00_network():
    X, y = annlib.datasets.regression_1d(80, noise=0.15, rng=0)
    network = annlib.Network.from_sizes([1, 16, 1], activation="tanh", output_activation="identity", rng=0)
    annlib.fit(network, X, y, loss="mse", optimizer="adam", learning_rate=0.02, epochs=400, rng=0, progress=False)
    return network, X, y


@pytest.fixture(scope="module")
def lesson00():
    return _lesson00_network()


def test_lesson02_retrains_lesson00s_network(lesson00):
    # "Here is that training again": lesson 00 prints a mean squared error of 0.0175 after 400 epochs
    network, X, y = lesson00
    assert f"{annlib.losses.MSE()(network.predict(X), y):.4f}" == "0.0175"


def test_lesson02_rising_and_falling_shares(lesson00):
    # "6 shares rise: |w| from 0.53 to 1.47, steps between x = -1.2 and x = 1.1 / 10 shares fall: |w| from
    # 0.13 to 0.25"; "The 6 steep neurons ... The 10 gentle ones"
    network, _, _ = lesson00
    hidden, output = network.layers
    w = hidden.W[0]
    rises = w * output.W[:, 0] > 0
    steps_at = -hidden.b / w
    assert rises.sum() == 6 and (~rises).sum() == 10
    assert f"{np.abs(w[rises]).min():.2f} {np.abs(w[rises]).max():.2f}" == "0.53 1.47"
    assert f"{steps_at[rises].min():.1f} {steps_at[rises].max():.1f}" == "-1.2 1.1"
    assert f"{np.abs(w[~rises]).min():.2f} {np.abs(w[~rises]).max():.2f}" == "0.13 0.25"
    assert np.abs(w[rises]).min() > 2 * np.abs(w[~rises]).max()  # steep and gentle: two separate groups


def test_lesson02_a_share_rises_when_the_two_weights_share_a_sign(lesson00):
    # "A share rises with x when the neuron's two weights have the same sign"
    network, _, _ = lesson00
    x = np.linspace(-3, 3, 201)
    _, shares, _ = plotting.hidden_contributions(network, x)
    rises = network.layers[0].W[0] * network.layers[1].W[:, 0] > 0
    steps = np.diff(shares, axis=0)
    assert np.all(steps[:, rises] > 0) and np.all(steps[:, ~rises] < 0)


def test_lesson02_the_two_sums_and_the_wave(lesson00):
    network, _, _ = lesson00
    x = np.linspace(-3, 3, 401)
    _, shares, y_hat = plotting.hidden_contributions(network, x)
    rises = network.layers[0].W[0] * network.layers[1].W[:, 0] > 0
    up, down = shares[:, rises].sum(axis=1), shares[:, ~rises].sum(axis=1)
    # "added, they climb from about -3.6 to 3.6"; "a nearly straight line from about 3.6 down to -3.3"
    assert f"{up[0]:.1f} {up[-1]:.1f}" == "-3.6 3.6"
    assert f"{down[0]:.1f} {down[-1]:.1f}" == "3.6 -3.3"
    line = np.polyval(np.polyfit(x, down, 1), x)
    assert np.abs(line - down).max() < 0.05 * (down.max() - down.min())
    # "The two sums pull against each other": their total stays well below either's size
    assert np.abs(up + down).max() < 0.5 * min(np.abs(up).max(), np.abs(down).max())
    # "the falling line wins at both ends, the rising steps win in the middle"
    slope_up, slope_down = np.gradient(up, x), np.gradient(down, x)
    ends, middle = np.abs(x) > 2.0, np.abs(x) < 0.5
    assert np.all(slope_up[ends] + slope_down[ends] < 0) and np.all(slope_up[middle] + slope_down[middle] > 0)
    # "what is left, plus the bias, is the wave"
    assert np.allclose(up + down + network.layers[1].b[0], network.forward(x.reshape(-1, 1)).ravel())
    assert np.allclose(y_hat, up + down + network.layers[1].b[0])


# ---------------------------------------------------------------------------------------------------------
# Lesson 03: where the weights start


@pytest.mark.parametrize("value", [0.0, 0.3])
def test_lesson03_equal_weights_stay_copies(value):
    # "If every weight of a layer starts the same (zeros included) ... the neurons stay copies of each other"
    X, y = annlib.datasets.regression_1d(40, noise=0.1, rng=1)
    network = annlib.Network.from_sizes([1, 4, 1], activation="tanh", output_activation="identity", rng=0)
    for layer in network.layers:
        layer.W[...] = value
    annlib.fit(network, X, y, loss="mse", optimizer="sgd", learning_rate=0.1, epochs=30, rng=0, progress=False)
    W = network.layers[0].W
    assert np.abs(W - W[:, :1]).max() < 1e-12


@pytest.mark.parametrize("n_in", [4, 25, 100, 400])
@pytest.mark.parametrize("sigma_w", [0.05, 0.3, 1.0])
def test_lesson03_the_spread_of_a_sum(n_in, sigma_w):
    # "std(z) ~ sqrt(n_in) sigma_w" for inputs of spread 1 and b = 0
    rng = np.random.default_rng(n_in)
    X = rng.normal(size=(2000, n_in))
    W = rng.normal(0.0, sigma_w, size=(n_in, 50))
    assert (X @ W).std() == pytest.approx(np.sqrt(n_in) * sigma_w, rel=0.15)


def test_lesson03_dense_uses_glorot_for_sigmoid_and_tanh():
    # "`Dense` does this for sigmoid and tanh: the 3-input, 4-neuron layer above has sigma_w = sqrt(2/7) ~ 0.53"
    for activation in ("sigmoid", "tanh"):
        layer = annlib.Dense(3, 4, activation, rng=0)
        assert np.array_equal(layer.W, np.random.default_rng(0).normal(0.0, np.sqrt(2 / 7), size=(3, 4)))
        assert np.all(layer.b == 0)
    assert f"{np.sqrt(2 / 7):.2f}" == "0.53"
    # "for ReLU, lesson 07 gives He's sqrt(2 / n_in)"
    relu = annlib.Dense(3, 4, "relu", rng=0)
    assert np.array_equal(relu.W, np.random.default_rng(0).normal(0.0, np.sqrt(2 / 3), size=(3, 4)))
    # Glorot is sqrt(1 / n_in) when n_in = n_out: "takes the middle" of sqrt(1/n_in) and sqrt(1/n_out)
    for n_in, n_out in [(3, 4), (100, 100), (784, 64)]:
        glorot = np.sqrt(2 / (n_in + n_out))
        assert min(np.sqrt(1 / n_in), np.sqrt(1 / n_out)) <= glorot <= max(np.sqrt(1 / n_in), np.sqrt(1 / n_out))


def _five_tanh_layers(init, seed=0, data_seed=0):
    X = np.random.default_rng(data_seed).normal(size=(500, 100))
    deep = annlib.Network([annlib.Dense(100, 100, "tanh", init=init, rng=seed + k) for k in range(5)])
    spreads, A = [], X
    for layer in deep.layers:
        A = layer.forward(A)
        spreads.append(A.std())
    return X, deep, A, spreads


def test_lesson03_the_printed_spreads():
    # the cell's three lines
    lines = []
    for name, init in [("1", 1.0), ("0.01", 0.01), ("Glorot", "glorot")]:
        X, deep, A, _ = _five_tanh_layers(init)
        z_spread = (X @ deep.layers[0].W).std()
        lines.append(f"{z_spread:.2g} {A.std():.2g} {np.mean(np.abs(A) > 0.99):.0%}")
    assert lines == ["9.9 0.96 78%", "0.099 1e-05 0%", "0.99 0.33 0%"]


@pytest.mark.parametrize("seed", [0, 10, 20])
def test_lesson03_what_each_scale_does(seed):
    # sigma_w = 1: "the sums spread about 10 wide and 78% of the outputs sit beyond +-0.99"
    X, deep, A, _ = _five_tanh_layers(1.0, seed, seed)
    assert 9 < (X @ deep.layers[0].W).std() < 11 and np.mean(np.abs(A) > 0.99) > 0.7
    # 0.01: "the spread falls about ten times per layer, to 10^-5"
    _, _, A, spreads = _five_tanh_layers(0.01, seed, seed)
    ratios = np.array(spreads[:-1]) / np.array(spreads[1:])
    assert np.all((ratios > 8) & (ratios < 12)) and 5e-6 < A.std() < 2e-5
    # Glorot: "keeps the first sums about 1 wide and the signal alive, with no output saturated"
    X, deep, A, spreads = _five_tanh_layers("glorot", seed, seed)
    assert 0.9 < (X @ deep.layers[0].W).std() < 1.1
    assert min(spreads) > 0.25 and np.mean(np.abs(A) > 0.99) == 0
