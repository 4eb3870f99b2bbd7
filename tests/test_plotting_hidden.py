"""annlib.plotting.hidden: steps, bumps and the curves a hidden layer builds (lesson 02)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

import annlib
from annlib import plotting
from annlib.activations import sigmoid
from annlib.plotting import description


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _sin_bumps(n_bumps=10, steepness=20.0):
    return plotting.bump_network(np.sin, 0.0, 2 * np.pi, n_bumps, steepness)


def _trained(seed=0):
    X, y = annlib.datasets.regression_1d(40, noise=0.1, rng=seed)
    net = annlib.Network.from_sizes([1, 6, 1], activation="tanh", output_activation="identity", rng=seed)
    annlib.fit(net, X, y, loss="mse", optimizer="adam", learning_rate=0.02, epochs=50, rng=seed, progress=False)
    return net, X, y


# --- bump_network ----------------------------------------------------------------------------------------


def test_bump_network_shape_and_weights():
    net = plotting.bump_network(np.sin, 0.0, 4.0, 4, 10.0)
    hidden, output = net.layers
    assert net.sizes == [1, 8, 1]
    assert hidden.activation.name == "sigmoid" and output.activation.name == "identity"
    assert np.all(hidden.W == 10.0)
    # neuron 2i steps at the left edge of piece i, neuron 2i + 1 at its right edge: x = -b / w
    assert np.allclose(-hidden.b / hidden.W[0], [0, 1, 1, 2, 2, 3, 3, 4])
    heights = np.sin([0.5, 1.5, 2.5, 3.5])
    assert np.allclose(output.W[0::2, 0], heights) and np.allclose(output.W[1::2, 0], -heights)
    assert output.b[0] == 0.0


def test_one_bump_height_at_its_centre_and_zero_far_away():
    # One bump of height 2 on [1, 2], steepness 20: at its centre 2 * (sigmoid(10) - sigmoid(-10)) = 1.99982.
    net = plotting.bump_network(lambda x: np.full_like(x, 2.0), 1.0, 2.0, 1, 20.0)
    centre, far_left, far_right = net.forward(np.array([[1.5], [-3.0], [6.0]]))[:, 0]
    assert centre == pytest.approx(2 * (2 * sigmoid(10.0) - 1), rel=1e-12)
    assert centre == pytest.approx(1.99982, abs=1e-5)
    assert abs(far_left) < 1e-30 and abs(far_right) < 1e-30
    # at an edge, half the height
    assert net.forward(np.array([[1.0]]))[0, 0] == pytest.approx(1.0, abs=1e-4)


@pytest.mark.parametrize("n_bumps, bound", [(5, 0.43), (10, 0.18), (20, 0.08)])
def test_sum_of_bumps_stays_within_a_distance_of_sin(n_bumps, bound):
    # The largest distance from sin on a fine grid: 0.419, 0.178 and 0.0788 for 5, 10 and 20 bumps.
    x = np.linspace(0, 2 * np.pi, 1001)
    distance = np.abs(_sin_bumps(n_bumps).forward(x[:, None])[:, 0] - np.sin(x)).max()
    assert distance < bound
    assert distance > bound - 0.02  # the bound is tight: a broken construction cannot pass by being flat


def test_more_bumps_come_closer():
    x = np.linspace(0, 2 * np.pi, 1001)
    distances = [np.abs(_sin_bumps(n).forward(x[:, None])[:, 0] - np.sin(x)).max() for n in (5, 10, 20, 40)]
    assert all(a > b for a, b in zip(distances, distances[1:]))


def test_bump_network_refuses_bad_input():
    with pytest.raises(TypeError, match="bump_network: target"):
        plotting.bump_network("sin", 0, 1, 3, 10)
    with pytest.raises(ValueError, match="bump_network: start must be less than stop"):
        plotting.bump_network(np.sin, 2, 1, 3, 10)
    with pytest.raises(ValueError, match="bump_network: n_bumps"):
        plotting.bump_network(np.sin, 0, 1, 0, 10)
    with pytest.raises(ValueError, match="bump_network: steepness"):
        plotting.bump_network(np.sin, 0, 1, 3, -1.0)
    with pytest.raises(ValueError, match="one finite number per x"):
        plotting.bump_network(lambda x: x * np.nan, 0, 1, 3, 10)


# --- hidden_contributions --------------------------------------------------------------------------------


def test_hidden_contributions_add_up_to_the_output():
    net, _, _ = _trained()
    x = np.linspace(-3, 3, 50)
    A, shares, y_hat = plotting.hidden_contributions(net, x)
    assert A.shape == shares.shape == (50, 6) and y_hat.shape == (50,)
    assert np.allclose(A, np.tanh(x[:, None] * net.layers[0].W + net.layers[0].b))
    assert np.allclose(shares, A * net.layers[1].W[:, 0])
    assert np.allclose(y_hat, net.forward(x[:, None])[:, 0])


def test_hidden_contributions_refuses_other_networks():
    with pytest.raises(ValueError, match="hidden_contributions: expected a network with 1 input"):
        plotting.hidden_contributions(annlib.Network.from_sizes([2, 3, 1], rng=0), [0.0])
    with pytest.raises(ValueError, match="hidden_contributions: expected a network with 1 input"):
        plotting.hidden_contributions(annlib.Network.from_sizes([1, 3, 3, 1], rng=0), [0.0])
    with pytest.raises(ValueError, match="must use the identity"):
        plotting.hidden_contributions(annlib.Network.from_sizes([1, 3, 1], rng=0), [0.0])


# --- the figures -----------------------------------------------------------------------------------------


def test_plot_step_and_bump_draws_steps_and_a_bump():
    axes = plotting.plot_step_and_bump(left=1.0, right=2.0, steepness=20.0)
    step_lines, bump_lines = axes[0].get_lines(), axes[1].get_lines()
    assert len(step_lines) == 3 and len(bump_lines) == 3
    x, steep = step_lines[2].get_data()
    assert np.allclose(steep, sigmoid(20.0 * (x - 1.0)))
    assert steep[np.argmin(np.abs(x - 1.0))] == pytest.approx(0.5, abs=1e-9)
    x, bump = bump_lines[2].get_data()
    assert bump[np.argmin(np.abs(x - 1.5))] == pytest.approx(2 * sigmoid(10.0) - 1, abs=1e-12)
    assert abs(bump[0]) < 1e-8 and abs(bump[-1]) < 1e-8
    assert {line.get_linestyle() for line in step_lines} == {":", "--", "-"}  # styles beside colours
    text = description(axes[0].figure)
    assert "0.9999 at its centre" in text and "x = 1.5" in text


def test_plot_step_and_bump_refuses_bad_input():
    with pytest.raises(ValueError, match="plot_step_and_bump"):
        plotting.plot_step_and_bump(left=2.0, right=1.0)
    with pytest.raises(ValueError, match="plot_step_and_bump: axes must hold two axes"):
        plotting.plot_step_and_bump(axes=[plt.subplots()[1]])


def test_plot_bump_sum_draws_each_bump_and_states_the_distance():
    net = _sin_bumps(10)
    ax = plotting.plot_bump_sum(net, np.sin, 0, 2 * np.pi, target_label="sin(x)")
    lines = ax.get_lines()
    assert len(lines) == 10 + 2 + 1  # 10 bumps, the sum, the target, the zero line
    x, first = lines[0].get_data()
    # the first bump, at the centre of the first piece (pi / 10, a grid point): sin(pi / 10) times
    # sigmoid(20 * w / 2) - sigmoid(-20 * w / 2) for the piece's width w = pi / 5
    expected = np.sin(np.pi / 10) * (2 * sigmoid(20 * np.pi / 10) - 1)
    assert first[np.argmin(np.abs(x - np.pi / 10))] == pytest.approx(expected, rel=1e-9)
    x, total = lines[10].get_data()
    assert np.allclose(total, net.forward(x[:, None])[:, 0])
    text = description(ax.figure)
    assert "10 bumps" in text and "never more than 0.18 from it" in text
    assert lines[0].get_linestyle() != lines[1].get_linestyle()


def test_plot_bump_sum_refuses_other_networks():
    with pytest.raises(ValueError, match="plot_bump_sum: a bump network has its hidden neurons in pairs"):
        net = annlib.Network([annlib.Dense(1, 3, rng=0), annlib.Dense(3, 1, "identity", rng=0)])
        plotting.plot_bump_sum(net, np.sin, 0, 1)


def test_plot_hidden_units_splits_rising_and_falling_shares():
    net, X, y = _trained()
    axes = plotting.plot_hidden_units(net, -3, 3, X=X, y=y)
    hidden, output = net.layers
    rising = hidden.W[0] * output.W[:, 0] > 0
    x = np.linspace(-3, 3, 401)
    _, shares, y_hat = plotting.hidden_contributions(net, x)
    lines = axes[1].get_lines()
    by_label = {line.get_label(): line.get_data()[1] for line in lines}
    assert np.allclose(by_label["the rising shares, added"], shares[:, rising].sum(axis=1))
    assert np.allclose(by_label["the falling shares, added"], shares[:, ~rising].sum(axis=1))
    assert np.allclose(by_label["output: both sums, plus the bias"], y_hat)
    # each rising share climbs with x, each falling one drops
    assert np.all(np.diff(shares[:, rising], axis=0) >= -1e-12)
    assert np.all(np.diff(shares[:, ~rising], axis=0) <= 1e-12)
    # the left panel: one curve per hidden neuron, rising ones solid, falling ones dashed
    drawn = [line for line in axes[0].get_lines() if len(line.get_xdata())]
    assert len(drawn) == 6
    assert [line.get_linestyle() == "-" for line in drawn] == list(rising)
    text = description(axes[0].figure)
    assert f"{int(rising.sum())} (solid)" in text and "over the data points" in text


def test_plot_hidden_units_refuses_bad_input():
    net, _, _ = _trained()
    with pytest.raises(ValueError, match="plot_hidden_units: start must be less than stop"):
        plotting.plot_hidden_units(net, 3, -3)
    with pytest.raises(ValueError, match="plot_hidden_units: expected a network"):
        plotting.plot_hidden_units(annlib.Network.from_sizes([2, 4, 1], rng=0), -1, 1)
