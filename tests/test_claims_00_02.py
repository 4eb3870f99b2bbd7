"""What lessons 00, 01 and 02 say about their outputs, recomputed with annlib.

Each test names the lesson and quotes (or paraphrases) the sentence it checks, so that a change to the
library or to a lesson's example that makes the sentence false fails here, next to the sentence.
"""

import math
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402

import annlib  # noqa: E402
from annlib import activations, plotting  # noqa: E402
from annlib.widgets import read_neuron  # noqa: E402

X_NEURON = np.array([0.5, -1.0, 2.0])  # lessons 00 and 01: the neuron's inputs, weights and bias
W_NEURON = np.array([0.8, 0.2, -0.5])
B_NEURON = 0.1


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# ---------------------------------------------------------------- lesson 00


@pytest.fixture(scope="module")
def curve_run():
    """Lesson 00: the 1-16-1 tanh network on 80 noisy points, its loss at epoch 0 and after every epoch."""
    X, y = annlib.datasets.regression_1d(80, noise=0.15, rng=0)
    network = annlib.Network.from_sizes([1, 16, 1], activation="tanh", output_activation="identity", rng=0)
    mse = annlib.losses.MSE()
    untrained = annlib.Network.from_sizes([1, 16, 1], activation="tanh", output_activation="identity", rng=0)
    losses = [mse(network.predict(X), y)]
    steps = []

    class CountingAdam(annlib.optimizers.Adam):
        def step(self, *args, **kwargs):
            steps.append(1)
            return super().step(*args, **kwargs)

    annlib.fit(
        network,
        X,
        y,
        loss="mse",
        optimizer=CountingAdam(learning_rate=0.02),
        epochs=400,
        rng=0,
        progress=False,
        callback=lambda epoch, history: losses.append(mse(network.predict(X), y)),
    )
    return {"X": X, "y": y, "network": network, "untrained": untrained, "losses": np.array(losses), "steps": steps}


def test_lesson00_eighty_points_and_seventeen_neurons(curve_run):
    # "a small network learning the relation between x and y from 80 noisy points";
    # "a network of 17 neurons (16 hidden, 1 output)"
    assert len(curve_run["X"]) == 80
    assert curve_run["network"].sizes == [1, 16, 1]


def test_lesson00_epoch_zero_is_the_untrained_loss(curve_run):
    # "Here is its loss before training, at epoch 0, and after each epoch"
    X, y = curve_run["X"], curve_run["y"]
    untrained_loss = annlib.losses.MSE()(curve_run["untrained"].predict(X), y)
    assert curve_run["losses"][0] == pytest.approx(untrained_loss, rel=1e-12)
    assert len(curve_run["losses"]) == 401


def test_lesson00_an_epoch_here_is_one_update(curve_run):
    # "each epoch used all 80 points at once, so it was one forward pass, one backward pass and one update"
    assert len(curve_run["steps"]) == 400


def test_lesson00_the_loss_falls_steeply_then_slowly_with_small_bumps(curve_run):
    # The figure's text: "falls steeply over the first 50 epochs, then slowly, with a few small bumps"
    losses = curve_run["losses"]
    assert losses[50] < 0.25 * losses[0]
    assert losses[-1] < 0.1 * losses[0]
    assert losses[-1] < losses[50]
    rises = np.diff(losses)[np.diff(losses) > 0]
    assert 0 < len(rises) and rises.max() < 0.05 * losses[0]  # bumps exist, and they are small


def test_lesson00_the_fit_follows_a_wave(curve_run):
    # The regression figure's text: "down to about -1 near x = -1.5 and up to about 1 near x = 1.5"
    xs = np.linspace(-3, 3, 601).reshape(-1, 1)
    prediction = curve_run["network"].predict(xs).ravel()
    low, high = np.argmin(prediction), np.argmax(prediction)
    assert xs[low, 0] == pytest.approx(-1.5, abs=0.3) and prediction[low] == pytest.approx(-1.0, abs=0.15)
    assert xs[high, 0] == pytest.approx(1.5, abs=0.3) and prediction[high] == pytest.approx(1.0, abs=0.15)


def test_lesson00_forty_one_numbers_to_learn():
    # "3 x 4 + 4 x 4 + 4 x 1 = 32 weights, plus one bias per neuron (4 + 4 + 1 = 9), so ... 41 numbers"
    network = annlib.Network.from_sizes([3, 4, 4, 1], rng=0)
    assert sum(layer.W.size for layer in network.layers) == 32
    assert sum(layer.b.size for layer in network.layers) == 9
    assert network.n_parameters == 41
    assert "layer 1:" in repr(network) and "layer 0" not in repr(network)


def test_lesson00_the_diagram_labels_a_few_weights_and_every_bias():
    # "A few are labelled with the name of their weight (the fan leaving the first node of each layer, and
    # every connection into the output) ... The small box above each neuron is its bias b."
    ax = plotting.draw_network([3, 4, 4, 1])
    texts = [text.get_text() for text in ax.texts]
    weights = {text for text in texts if text.startswith("w")}
    assert weights == {"wa1", "wa2", "wa3", "wa4", "w2a1", "w2a2", "w2a3", "w2a4", "w3a1", "w3b1", "w3c1", "w3d1"}
    assert texts.count("b") == 4 + 4 + 1
    assert {"A11", "A14", "A21", "A24"} <= set(texts)


def test_lesson00_the_check_catches_the_missing_bias():
    # "The check names the case that went wrong, the value it expected and the one it got, and a hint."
    from annlib.checks import CheckFailed, check_weighted_sum

    with pytest.raises(CheckFailed) as failure:
        check_weighted_sum(lambda x, w, b: x @ w)
    assert "expected" in str(failure.value) and "got" in str(failure.value) and "hint" in str(failure.value)
    check_weighted_sum(lambda x, w, b: x @ w + b)  # "With the bias added back, the answer is right"


# ---------------------------------------------------------------- lesson 01


def test_lesson01_sigmoid_limits_and_middle():
    # "For a large positive z ... sigma(z) is almost 1; for a large negative z ... almost 0; sigma(0) = 1/2"
    assert activations.sigmoid(6.0) > 0.99
    assert activations.sigmoid(-6.0) < 0.01
    assert activations.sigmoid(0.0) == 0.5


def test_lesson01_the_curve_spans_minus_five_to_five():
    # "The curve below shows the same thing for every z from -5 to 5"
    ax = plotting.plot_activation("sigmoid", derivative=False)
    curve = max(ax.lines, key=lambda line: len(line.get_xdata()))  # not the axis lines through 0
    z = curve.get_xdata()
    assert min(z) == -5 and max(z) == 5


def test_lesson01_a_zero_weight_ignores_its_input():
    # "set a weight to 0: its input no longer changes anything"
    w = [0.0, 0.2, -0.5]
    assert annlib.neuron_output([0.5, -1.0, 2.0], w, B_NEURON) == annlib.neuron_output([9.0, -1.0, 2.0], w, B_NEURON)


def test_lesson01_picture_colours_and_widths_follow_the_weights():
    # "each connection coloured by its weight (red positive, blue negative) and thicker the larger the weight"
    ax = plotting.draw_neuron(X_NEURON, W_NEURON, B_NEURON, activation="sigmoid")
    arrows = [patch for patch in ax.patches if isinstance(patch, FancyArrowPatch)][:3]
    colours = [matplotlib.colors.to_rgb(arrow.get_edgecolor()) for arrow in arrows]
    for weight, (red, _, blue) in zip(W_NEURON, colours):
        assert (red > blue) if weight > 0 else (blue > red)
    widths = [arrow.get_linewidth() for arrow in arrows]
    assert np.argsort(widths).tolist() == np.argsort(np.abs(W_NEURON)).tolist()


def test_lesson01_a_bias_of_minus_three_gives_a_much_smaller_output():
    # "With the bias at -3 the same inputs give a much smaller output"
    before = annlib.neuron_output(X_NEURON, W_NEURON, B_NEURON)
    reading = read_neuron(x=list(X_NEURON), w=list(W_NEURON), b=-3.0, activation="sigmoid")
    assert reading.a < 0.1 * before
    assert reading.z == pytest.approx(-3.8)


def test_lesson01_a_larger_weight_on_the_largest_input_passes_0_9():
    # "Change the weights ... so that the neuron's output is above 0.9 ... (One way: make the weight of the
    # largest input larger.)"
    assert annlib.neuron_output(X_NEURON, W_NEURON, B_NEURON) <= 0.9
    largest = int(np.argmax(X_NEURON))
    w = W_NEURON.copy()
    w[largest] = 2.0
    assert annlib.neuron_output(X_NEURON, w, B_NEURON) > 0.9


def test_lesson01_all_zero_inputs_leave_the_bias():
    # "Notice the third example: all inputs are 0, so z is just the bias, 0.1, and a = sigma(0.1)."
    X = np.array([[0.5, -1.0, 2.0], [1.0, 1.0, 1.0], [0.0, 0.0, 0.0], [2.0, 0.0, -1.0]])
    assert annlib.weighted_sum(X, W_NEURON, B_NEURON)[2] == pytest.approx(0.1)
    assert annlib.neuron_output(X, W_NEURON, B_NEURON)[2] == pytest.approx(activations.sigmoid(0.1))


def test_lesson01_one_neuron_computes_or():
    # "the neuron outputs above 0.5 as soon as one input is 1, so it computes logical OR"
    points = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    neuron = annlib.Neuron(weights=[1.0, 1.0], bias=-0.5)
    assert ((neuron(points) > 0.5).astype(int) == [0, 1, 1, 1]).all()


# ---------------------------------------------------------------- lesson 02: the functions


def test_lesson02_the_table_matches_the_functions_at_zero():
    # The table: relu'(z) is 1 if z > 0, else 0; leaky relu'(z) is 1 if z > 0, else 0.01
    assert activations.relu_derivative(np.array([0.0]))[0] == 0.0
    assert activations.leaky_relu_derivative(np.array([0.0]))[0] == 0.01
    assert activations.leaky_relu(np.array([-2.0]))[0] == pytest.approx(-0.02)


def test_lesson02_the_slope_agrees_to_nine_decimal_places():
    # "The two agree to at least nine decimal places."
    z, h = np.array([-2.0, -0.5, 0.0, 0.5, 2.0]), 1e-5
    slope = (activations.sigmoid(z + h) - activations.sigmoid(z - h)) / (2 * h)
    assert np.max(np.abs(slope - activations.sigmoid_derivative(z))) < 1e-9


def test_lesson02_sigmoid_derivative_peaks_at_a_quarter_at_zero():
    # "The largest value of sigma' is 0.25, at z = 0"
    z = np.linspace(-10, 10, 20001)
    values = activations.sigmoid_derivative(z)
    assert values.max() == 0.25 and z[np.argmax(values)] == 0.0


def test_lesson02_softmax_order_and_shift():
    # "The largest score gets the largest probability, and adding the same number to every score changes
    # nothing (try scores + 100)."
    scores = np.array([2.0, 1.0, 0.1])
    probabilities = activations.softmax(scores)
    assert probabilities.sum() == pytest.approx(1.0)
    assert np.argmax(probabilities) == np.argmax(scores)
    assert np.allclose(activations.softmax(scores + 100), probabilities, rtol=1e-12, atol=0)


def test_lesson02_exp_710_is_inf_and_naive_softmax_gives_nan():
    # "e^710 is already too big and becomes inf"; "The naive version computes inf / inf ... nan"
    with np.errstate(over="ignore", invalid="ignore"):
        assert np.isinf(np.exp(710.0)) and np.isfinite(np.exp(709.0))
        naive = np.exp(np.array([1000.0, 1000.0])) / np.exp(np.array([1000.0, 1000.0])).sum()
    assert np.isnan(naive).all()
    assert np.allclose(activations.softmax(np.array([1000.0, 1000.0])), [0.5, 0.5])


def test_lesson02_huge_inputs_give_no_warnings_and_saturate_honestly():
    # "No warnings, no nan. ... sigma(-50) ~ 1.9e-22, tiny but not 0 ... sigma(-1000) ~ 5e-435 is smaller
    # than the smallest positive float (about 5e-324), so it comes out as exactly 0. sigma(50) ... comes out
    # as exactly 1, and its derivative as exactly 0. tanh does the same at +-50."
    huge = np.array([-1000.0, -50.0, 0.0, 50.0, 1000.0])
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        sigmoid, derivative, tanh = (
            activations.sigmoid(huge),
            activations.sigmoid_derivative(huge),
            activations.tanh(huge),
        )
    assert not np.isnan(sigmoid).any() and not np.isnan(derivative).any()
    assert sigmoid[1] == pytest.approx(1.9e-22, rel=0.02) and sigmoid[1] > 0
    assert derivative[1] == pytest.approx(1.9e-22, rel=0.02)
    assert sigmoid[0] == 0.0 and sigmoid[3] == 1.0 and sigmoid[4] == 1.0
    assert derivative[0] == 0.0 and derivative[3] == 0.0 and derivative[4] == 0.0
    assert tanh[1] == -1.0 and tanh[3] == 1.0
    assert 1000 / math.log(10) == pytest.approx(434.3, abs=0.05)  # e^-1000 = 10^-434.3 ~ 5e-435
    assert 10 ** (-1000 / math.log(10) + 435) == pytest.approx(5, abs=0.1)
    assert np.nextafter(0.0, 1.0) == pytest.approx(5e-324, rel=0.02)
    assert 1.0 - np.nextafter(1.0, 0.0) == pytest.approx(1.1e-16, rel=0.01)


def test_lesson02_stacked_linear_layers_collapse():
    # "which is one linear layer with W = W1 W2 and b = b1 W2 + b2"
    linear_net = annlib.Network(
        [annlib.Dense(2, 8, activation="identity", rng=0), annlib.Dense(8, 1, activation="identity", rng=1)]
    )
    linear_net[0].b[:] = 0.3
    linear_net[1].b[:] = -0.2
    W = linear_net[0].W @ linear_net[1].W
    b = linear_net[0].b @ linear_net[1].W + linear_net[1].b
    X = np.random.default_rng(0).normal(size=(5, 2))
    assert np.allclose(linear_net.forward(X), X @ W + b)


# ---------------------------------------------------------------- lesson 02: XOR


@pytest.fixture(scope="module")
def xor():
    X, y = annlib.datasets.xor(200, noise=0.12, rng=0)
    corner = np.round(X).astype(int)
    at = {c: np.all(corner == c, axis=1) for c in [(0, 0), (0, 1), (1, 0), (1, 1)]}
    return X, y, at


@pytest.fixture(scope="module")
def xor_models(xor):
    X, y, _ = xor
    starts, models = {}, {}
    for hidden in ["identity", "tanh"]:
        network = annlib.Network.from_sizes([2, 8, 1], activation=hidden, output_activation="sigmoid", rng=1)
        starts[hidden] = network.get_weights()
        annlib.fit(
            network,
            X,
            y,
            loss="binary_cross_entropy",
            optimizer="adam",
            learning_rate=0.05,
            epochs=300,
            rng=0,
            progress=False,
        )
        models[hidden] = network
    return starts, models


def test_lesson02_xor_classes_sit_on_opposite_corners(xor):
    # "the label is 1 when exactly one of the two coordinates is 1 ... the two classes sit on opposite corners"
    _, y, at = xor
    assert sum(mask.sum() for mask in at.values()) == 200
    for (x1, x2), mask in at.items():
        assert (y[mask] == (x1 != x2)).all()


def test_lesson02_both_networks_start_from_the_same_weights(xor_models):
    # "both have 2 inputs, 8 hidden neurons and a sigmoid output, the same starting weights"
    starts, models = xor_models
    for a, b in zip(starts["identity"], starts["tanh"]):
        assert np.array_equal(a, b)
    assert models["identity"].sizes == models["tanh"].sizes == [2, 8, 1]


def test_lesson02_accuracies_34_and_100(xor, xor_models):
    # "hidden activation identity accuracy 34%", "tanh accuracy 100%"; "34.5%, printed as 34%"
    X, y, _ = xor
    _, models = xor_models
    linear = annlib.metrics.accuracy(models["identity"].predict(X), y)
    assert linear == pytest.approx(0.345) and f"{linear:.0%}" == "34%"
    assert annlib.metrics.accuracy(models["tanh"].predict(X), y) == 1.0


def test_lesson02_the_linear_network_hedges_and_its_line_sides(xor, xor_models):
    # "keeps every probability close to 1/2"; its line "runs through the edges of both class-1 corners; it
    # calls the side with (0, 0) class 1 and the side with (1, 1) class 0"; "0 + 2 + 3 + 64 = 69 points"
    X, y, at = xor
    _, models = xor_models
    p = models["identity"].predict(X).ravel()
    assert 0.3 < p.min() and p.max() < 0.7
    says_one = p > 0.5
    assert says_one[at[(0, 0)]].all() and not says_one[at[(1, 1)]].any()
    for corner in [(0, 1), (1, 0)]:
        assert 0 < says_one[at[corner]].sum() < 0.1 * at[corner].sum()
    right = {corner: int(np.sum(says_one[mask] == (y[mask] == 1))) for corner, mask in at.items()}
    assert right == {(0, 0): 0, (0, 1): 2, (1, 0): 3, (1, 1): 64}


def test_lesson02_34_percent_is_worse_than_answering_zero(xor):
    # "34% is worse than answering 'class 0' for every point" (53.5% here); corner sizes 43, 48, 45, 64
    _, y, at = xor
    assert np.mean(y == 0) == 0.535 and 0.345 < np.mean(y == 0)
    assert {corner: int(mask.sum()) for corner, mask in at.items()} == {(0, 0): 43, (0, 1): 48, (1, 0): 45, (1, 1): 64}


def test_lesson02_the_best_straight_line(xor):
    # "It gives up the corner (0, 0), which here holds the fewest points, 43, so it scores a little more
    # than 75%": 157 of 200, 78.5%; only the class-0 points at (0, 0) are on the wrong side.
    X, y, at = xor
    line = annlib.Neuron(weights=[-1.0, -1.0], bias=1.5)
    says_one = line(X) > 0.5
    assert np.sum(says_one == (y == 1)) == 157
    assert annlib.metrics.accuracy(line(X)[:, None], y) == 0.785
    assert (says_one != (y == 1)).sum() == at[(0, 0)].sum() and says_one[at[(0, 0)]].all()
    assert at[(0, 0)].sum() == min(mask.sum() for mask in at.values())


def test_lesson02_no_straight_line_does_better(xor):
    # "No straight line does better on these points": every direction, every threshold along it.
    X, y, _ = xor
    best = 0
    for angle in np.linspace(0, 2 * np.pi, 7200, endpoint=False):
        order = np.argsort(X @ np.array([np.cos(angle), np.sin(angle)]))
        labels = y[order]
        zeros_below = np.concatenate([[0], np.cumsum(labels == 0)])  # class 0 on the low side ...
        ones_above = np.sum(labels == 1) - np.concatenate([[0], np.cumsum(labels == 1)])  # ... class 1 above
        best = max(best, int((zeros_below + ones_above).max()))
    assert best == 157
