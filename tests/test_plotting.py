"""Tests for annlib.plotting: style, diagram, neuron, activations, boundaries, losses.

Every helper returns the axes it drew on, draws the artists it promises, and labels them.
"""

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_hex
from matplotlib.patches import Circle

import annlib
from annlib import plotting
from annlib.plotting import diagram, style


@pytest.fixture
def net():
    return annlib.Network.from_sizes([3, 4, 4, 1], rng=0)


def texts(ax):
    return [t.get_text() for t in ax.texts]


# ---------------------------------------------------------------- style


def test_palette_is_okabe_ito_and_distinct():
    assert style.ORANGE == "#E69F00" and style.BLUE == "#0072B2" and style.VERMILLION == "#D55E00"
    assert len(set(style.CLASS_COLORS)) == len(style.CLASS_COLORS) >= 3
    assert len(style.CLASS_MARKERS) == len(style.CLASS_COLORS)
    assert style.SIGNED_CMAP in matplotlib.colormaps


def test_new_axes_returns_given_or_new():
    fig, ax = plt.subplots()
    assert style.new_axes(ax) is ax
    new = style.new_axes(figsize=(3, 2))
    assert new is not ax and tuple(new.figure.get_size_inches()) == (3, 2)


def test_signed_norm_is_symmetric_around_zero():
    norm = style.signed_norm([np.array([[0.5, -2.0]]), np.array([1.0])])
    assert (norm.vmin, norm.vmax) == (-2.0, 2.0)
    assert norm(0.0) == pytest.approx(0.5)
    assert style.signed_norm(np.zeros(3)).vmax == 1.0  # all zero: still a usable scale


# ---------------------------------------------------------------- names


def test_weight_names_follow_the_article():
    assert diagram.weight_name(0, 0, 0) == "wa1"
    assert diagram.weight_name(0, 0, 3) == "wa4"
    assert diagram.weight_name(0, 1, 3) == "wb4"
    assert diagram.weight_name(0, 2, 1) == "wc2"
    assert diagram.weight_name(1, 0, 0) == "w2a1"
    assert diagram.weight_name(2, 3, 0) == "w3d1"
    assert diagram.weight_name(0, 25, 0) == "wz1"
    assert diagram.weight_name(0, 26, 0) == "waa1"


def test_weight_names_are_unique_in_a_network():
    sizes = [30, 12, 4, 2]
    names = [diagram.weight_name(k, i, j) for k in range(3) for i in range(sizes[k]) for j in range(sizes[k + 1])]
    assert len(names) == len(set(names))


def test_node_names_follow_the_article():
    sizes = [3, 4, 4, 1]
    assert [diagram.node_name(0, j, sizes) for j in range(3)] == ["x1", "x2", "x3"]
    assert [diagram.node_name(1, j, sizes) for j in range(4)] == ["A11", "A12", "A13", "A14"]
    assert diagram.node_name(2, 0, sizes) == "A21"
    assert diagram.node_name(3, 0, sizes) == "ŷ"
    assert diagram.node_name(2, 1, [3, 4, 2]) == "ŷ2"
    assert diagram.node_name(1, 10, [3, 12, 1]) == "A1,11"


@pytest.mark.parametrize("bad", [(-1, 0, 0), (0, 1.5, 0), (0, 0, True)])
def test_weight_name_rejects_bad_indices(bad):
    with pytest.raises(ValueError, match="weight_name"):
        diagram.weight_name(*bad)


def test_node_name_rejects_a_missing_node():
    with pytest.raises(ValueError, match=r"no node j=4 at layer_index=1 \(0 is the input\)"):
        diagram.node_name(1, 4, [3, 4, 1])


# ---------------------------------------------------------------- forward_values and draw_network


def test_forward_values_match_the_layers(net):
    x = np.array([0.5, -1.0, 2.0])
    values = diagram.forward_values(net, x)
    assert [v.shape for v in values] == [(3,), (4,), (4,), (1,)]
    np.testing.assert_allclose(values[0], x)
    a1 = annlib.activations.sigmoid(x @ net[0].W + net[0].b)
    np.testing.assert_allclose(values[1], a1)
    np.testing.assert_allclose(values[-1], net.forward(x.reshape(1, -1))[0])


def test_forward_values_rejects_a_batch(net):
    with pytest.raises(ValueError, match=r"forward_values: x has shape \(2, 3\), expected \(3,\)"):
        diagram.forward_values(net, np.zeros((2, 3)))


def test_draw_network_structure_only():
    ax = plotting.draw_network([3, 4, 4, 1], labels="all")
    assert isinstance(ax, plt.Axes)
    circles = [p for p in ax.patches if isinstance(p, Circle)]
    assert len(circles) == 3 + 4 + 4 + 1
    lines = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(lines) == 1 and len(lines[0].get_segments()) == 3 * 4 + 4 * 4 + 4 * 1
    labels = texts(ax)
    for name in ["x1", "x3", "A11", "A14", "A21", "A24", "ŷ", "wa1", "wa4", "wb1", "wc4", "w2a1", "w3d1"]:
        assert name in labels
    for caption in ["input layer", "hidden layer 1", "hidden layer 2", "output layer"]:
        assert any(t.startswith(caption) for t in labels)
    assert len(ax.figure.axes) == 1  # no colour bar without values
    assert labels.count("b") == 4 + 4 + 1  # every neuron's bias, named


def test_draw_network_labels_a_chosen_few_by_default(net):
    ax = plotting.draw_network([3, 4, 4, 1])
    weight_labels = {t for t in texts(ax) if t.startswith("w")}
    # The fan leaving each layer's first node, and every connection into the output layer.
    expected = {"wa1", "wa2", "wa3", "wa4", "w2a1", "w2a2", "w2a3", "w2a4", "w3a1", "w3b1", "w3c1", "w3d1"}
    assert weight_labels == expected
    assert not {t for t in texts(plotting.draw_network(net, labels="none")) if t.startswith("w")}
    with pytest.raises(ValueError, match="draw_network: labels must be 'all', 'some' or 'none', got 'few'"):
        plotting.draw_network(net, labels="few")


def test_format_value_gives_two_significant_figures_without_exponent():
    cases = {0.3936: "0.39", -0.005833: "-0.0058", 1.0: "1", -1.16: "-1.2", 123.4: "120", 0.0: "0"}
    for value, expected in cases.items():
        assert diagram.format_value(value) == expected, value
    assert diagram.format_value(-0.0) == "0"
    assert diagram.format_value(0.000123456, digits=3) == "0.000123"
    assert diagram.format_value(float("nan")) == "nan"


def test_draw_network_labels_weights_with_values(net):
    net[0].b[:] = [0.5, -0.25, 0.0, 0.0125]
    ax = plotting.draw_network(net, title="3-4-4-1", labels="all")
    labels = texts(ax)
    assert f"wa1 = {diagram.format_value(net[0].W[0, 0])}" in labels
    assert f"wb4 = {diagram.format_value(net[0].W[1, 3])}" in labels
    assert f"w3d1 = {diagram.format_value(net[2].W[3, 0])}" in labels
    for bias in ["b = 0.5", "b = -0.25", "b = 0", "b = 0.013"]:  # the biases, above their neurons
        assert bias in labels
    assert ax.get_title() == "3-4-4-1"
    lines = [c for c in ax.collections if isinstance(c, LineCollection)][0]
    # Edges carry their weights, in the order layer, input node, neuron: colour follows the value.
    expected = np.concatenate([layer.W.ravel() for layer in net])
    np.testing.assert_allclose(lines.get_array(), expected)
    widths = lines.get_linewidths()
    assert widths[np.argmax(np.abs(expected))] == max(widths)
    assert len(ax.figure.axes) == 2  # the colour bar
    assert ax.figure.axes[1].get_ylabel() == "weight value"


def test_draw_network_weight_labels_do_not_overlap(net):
    ax = plotting.draw_network(net, labels="all")
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts if t.get_text().startswith("w")]
    assert len(boxes) == 32
    # Rotated labels have loose axis-aligned boxes, so compare centres: no two labels on one spot.
    centres = np.array([[(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2] for b in boxes])
    distances = np.linalg.norm(centres[:, None] - centres[None], axis=-1) + np.eye(len(boxes)) * 1e9
    assert distances.min() > 5.0


def test_draw_network_writes_activations_in_the_nodes(net):
    values = diagram.forward_values(net, np.array([0.5, -1.0, 2.0]))
    ax = plotting.draw_network(net, activations=values, show_weights=False)
    labels = texts(ax)
    assert "-1" in labels and "2" in labels and "0.5" in labels
    assert diagram.format_value(values[-1][0]) in labels
    assert not any(t.startswith("wa1") for t in labels)


def test_draw_network_shows_gradients_instead_of_weights(net):
    X = np.array([[0.5, -1.0, 2.0]])
    net.backward(annlib.losses.MSE().gradient(net.forward(X), [[1.0]]))
    grads = [layer.grad_W for layer in net]
    ax = plotting.draw_network(net, gradients=grads)
    lines = [c for c in ax.collections if isinstance(c, LineCollection)][0]
    np.testing.assert_allclose(lines.get_array(), np.concatenate([g.ravel() for g in grads]))
    assert ax.figure.axes[1].get_ylabel() == "gradient ∂C/∂w"
    g = grads[0][0, 0]
    assert f"∂C/∂wa1 = {diagram.format_value(g)}" in texts(ax)
    assert not any(t.startswith("wa1") for t in texts(ax))  # a gradient is never labelled as the weight
    # The biases' gradients, from each layer's grad_b unless given.
    assert f"∂C/∂b = {diagram.format_value(net[2].grad_b[0])}" in texts(ax)
    given = [np.full(n, 0.25) for n in (4, 4, 1)]
    assert texts(plotting.draw_network(net, gradients=grads, bias_gradients=given)).count("∂C/∂b = 0.25") == 9
    with pytest.raises(ValueError, match="bias_gradients needs gradients too"):
        plotting.draw_network(net, bias_gradients=given)


def test_draw_network_checks_its_arguments(net):
    with pytest.raises(ValueError, match=r"gradients\[1\] has shape \(3, 4\), expected \(4, 4\)"):
        plotting.draw_network(net, gradients=[np.zeros((3, 4))] * 3)
    with pytest.raises(ValueError, match="activations has 2 arrays, expected 4"):
        plotting.draw_network(net, activations=[np.zeros(3), np.zeros(4)])
    with pytest.raises(TypeError, match="annlib.Network or a list of layer sizes"):
        plotting.draw_network("3-4-1")


def test_draw_network_wide_layers_skip_labels():
    ax = plotting.draw_network(annlib.Network.from_sizes([64, 16, 10], rng=0))
    labels = texts(ax)
    assert not any(t.startswith("w") for t in labels)  # too many connections to label
    assert "ŷ1" in labels and "x1" not in labels  # the 10 outputs keep names, the 64 inputs do not
    assert sum(isinstance(p, Circle) for p in ax.patches) == 90


def test_draw_network_on_given_axes(net):
    fig, axes = plt.subplots(1, 2, figsize=(14, 5))
    assert plotting.draw_network(net, ax=axes[1], colorbar=False) is axes[1]
    assert not axes[0].texts and axes[1].texts


# ---------------------------------------------------------------- neuron


def test_draw_neuron_with_numbers():
    ax = plotting.draw_neuron([0.5, -1.0, 2.0], [0.8, 0.2, -0.5], 0.1)
    z = annlib.weighted_sum([0.5, -1.0, 2.0], [0.8, 0.2, -0.5], 0.1)
    a = annlib.activations.sigmoid(z)
    labels = texts(ax)
    for expected in [
        "w1 = 0.80",
        "w3 = -0.50",
        "b = 0.10",
        f"z = {z:.2f}",
        f"a\n{a:.3f}",
        "Σ",
        "activation f = sigmoid",
        "x2\n-1.00",
    ]:
        assert expected in labels
    assert ax.get_title()


def test_draw_neuron_symbols_and_activation_curve():
    ax = plotting.draw_neuron(n_inputs=2, activation="relu")
    labels = texts(ax)
    assert {"x1", "x2", "w1", "w2", "b"} <= set(labels) and "x3" not in labels
    curve = ax.lines[0].get_ydata()
    assert np.all(np.diff(curve) >= 0)  # relu never decreases


def test_draw_neuron_checks_its_arguments():
    with pytest.raises(ValueError, match="all of x, w and b"):
        plotting.draw_neuron([1.0, 2.0], [0.5, 0.5])
    with pytest.raises(ValueError, match="weighted_sum: x has shape"):
        plotting.draw_neuron([1.0, 2.0], [0.5, 0.5, 0.5], 0.0)
    with pytest.raises(ValueError, match="softmax"):
        plotting.draw_neuron([1.0], [1.0], 0.0, activation="softmax")


# ---------------------------------------------------------------- activations


def test_plot_activation_draws_function_and_derivative():
    ax = plotting.plot_activation("sigmoid")
    assert len(ax.lines) == 4  # two zero lines, f, f'
    f, df = ax.lines[2], ax.lines[3]
    np.testing.assert_allclose(f.get_ydata(), annlib.activations.sigmoid(f.get_xdata()))
    assert max(df.get_ydata()) == pytest.approx(0.25)
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title() == "sigmoid"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["sigmoid(z)", "sigmoid'(z)"]


def test_plot_activations_grid():
    axes = plotting.plot_activations(["tanh", "relu"])
    assert axes.shape == (2, 2)
    np.testing.assert_allclose(
        axes[1, 1].lines[-1].get_ydata(), annlib.activations.relu_derivative(axes[1, 1].lines[-1].get_xdata())
    )
    assert axes[0, 0].get_title() and axes[0, 1].get_title() and axes[1, 0].get_xlabel()


def test_plot_activation_refuses_softmax():
    with pytest.raises(ValueError, match="softmax"):
        plotting.plot_activation("softmax")


# ---------------------------------------------------------------- boundaries


@pytest.fixture
def xor_data():
    return annlib.datasets.xor(80, rng=0)


def test_plot_data_colours_each_class(xor_data):
    X, y = xor_data
    ax = plotting.plot_data(X, y, title="xor")
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(points) == 2
    assert sum(len(p.get_offsets()) for p in points) == 80
    assert to_hex(points[0].get_facecolor()[0]).upper() == style.CLASS_COLORS[0].upper()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["class 0", "class 1"]
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("x1", "x2", "xor")


def test_plot_decision_boundary_fills_predicted_regions(xor_data):
    X, y = xor_data
    model = lambda Z: (Z[:, :1] > 0.5).astype(float)  # noqa: E731 -- class 1 right of x1 = 0.5
    ax = plotting.plot_decision_boundary(model, X, y, resolution=50, title="a vertical line")
    # The points on top, one scatter per class; under them the filled regions. (Before matplotlib
    # 3.8, contourf added one PathCollection per level, so tell the two apart by their labels.)
    points = [c for c in ax.collections if c.get_label().startswith("class")]
    assert all(isinstance(c, PathCollection) for c in points)
    assert sum(len(c.get_offsets()) for c in points) == len(X)
    regions = [c for c in ax.collections if c not in points]
    assert regions and all(len(c.get_paths()) > 0 for c in regions)
    assert ax.get_title() == "a vertical line"
    assert ax.get_xlim()[0] < X[:, 0].min()


def test_plot_decision_boundary_with_a_network_keeps_its_cache(xor_data):
    X, y = xor_data
    network = annlib.Network.from_sizes([2, 3, 1], rng=0)
    network.forward(X[:5])
    ax = plotting.plot_decision_boundary(network, X, y, resolution=20)
    assert isinstance(ax, plt.Axes)
    assert network[0].X.shape == (5, 2)  # backward() after the plot still sees the last batch


def test_plot_decision_boundary_multiclass_one_hot():
    X, y = annlib.datasets.blobs(60, 3, rng=0)
    model = lambda Z: np.column_stack([Z[:, 0], Z[:, 1], -Z[:, 0] - Z[:, 1]])  # noqa: E731
    ax = plotting.plot_decision_boundary(model, X, annlib.datasets.one_hot(y), resolution=30)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["class 0", "class 1", "class 2"]


def test_boundaries_check_their_arguments(xor_data):
    X, y = xor_data
    with pytest.raises(ValueError, match=r"plot_data: X has shape \(80, 3\)"):
        plotting.plot_data(np.zeros((80, 3)), y)
    with pytest.raises(TypeError, match="annlib.Network or a function"):
        plotting.plot_decision_boundary("net", X, y)
    with pytest.raises(ValueError, match="resolution"):
        plotting.plot_decision_boundary(lambda Z: Z[:, :1], X, y, resolution=1)


def test_plot_regression_fit_draws_points_and_curve():
    X, y = annlib.datasets.regression_1d(30, rng=0)
    ax = plotting.plot_regression_fit(lambda Z: np.sin(Z), X, y, title="sine")
    assert len(ax.collections[0].get_offsets()) == 30
    curve = ax.lines[0]
    np.testing.assert_allclose(curve.get_ydata(), np.sin(curve.get_xdata()))
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("x", "y", "sine")


def test_plot_nonlinearity_comparison_titles_carry_accuracy(xor_data):
    X, y = xor_data
    right = lambda Z: ((Z[:, :1] > 0.5) ^ (Z[:, 1:] > 0.5)).astype(float)  # noqa: E731
    wrong = lambda Z: np.zeros((len(Z), 1))  # noqa: E731
    axes = plotting.plot_nonlinearity_comparison([right, wrong], X, y, ["xor rule", "always 0"])
    assert axes[0].get_title().endswith("accuracy 100%")
    assert axes[1].get_title() == f"always 0\naccuracy {np.mean(y == 0):.0%}"


# ---------------------------------------------------------------- losses


@pytest.fixture
def line_problem():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2))
    y = X @ np.array([[2.0], [-1.0]]) + 0.5
    network = annlib.Network.from_sizes([2, 1], activation="identity", rng=0)
    return network, X, y


def test_loss_along_weight_is_lowest_at_the_true_weight(line_problem):
    network, X, y = line_problem
    network.set_weights([np.array([[0.0], [-1.0]]), np.array([0.5])])
    values = np.linspace(0.0, 4.0, 41)
    losses = plotting.loss_along_weight(network, X, y, "mse", values)
    assert values[np.argmin(losses)] == pytest.approx(2.0)
    assert losses.min() == pytest.approx(0.0, abs=1e-12)
    assert network[0].W[0, 0] == 0.0  # put back


def test_plot_loss_vs_weight(line_problem):
    network, X, y = line_problem
    ax = plotting.plot_loss_vs_weight(network, X, y, annlib.losses.MSE())
    assert ax.get_xlabel() == "weight wa1" and ax.get_ylabel() == "loss (mse)" and ax.get_title()
    assert len(ax.lines[0].get_xdata()) == 121
    assert ax.lines[1].get_xdata()[0] == pytest.approx(network[0].W[0, 0])


def test_loss_surface_and_its_plot(line_problem):
    network, X, y = line_problem
    before = network.get_weights()
    surface = plotting.loss_surface(network, X, y, "mse", np.linspace(1, 3, 5), np.linspace(-2, 0, 3))
    assert surface.shape == (3, 5)
    network.set_weights([np.array([[2.0], [-1.0]]), np.array([0.5])])
    assert plotting.loss_surface(network, X, y, "mse", [2.0], [-1.0])[0, 0] == pytest.approx(0.0, abs=1e-12)
    network.set_weights(before)
    ax = plotting.plot_loss_surface(network, X, y, "mse", resolution=11)
    assert ax.get_xlabel() == "weight wa1" and ax.get_ylabel() == "weight wb1"
    assert ax.figure.axes[-1].get_ylabel() == "loss (mse)"
    for got, kept in zip(network.get_weights(), before):
        np.testing.assert_array_equal(got, kept)
    ax3 = plotting.plot_loss_surface(network, X, y, "mse", resolution=9, kind="3d")
    assert ax3.name == "3d" and ax3.get_zlabel() == "loss (mse)"
    with pytest.raises(ValueError, match="same weight"):
        plotting.loss_surface(network, X, y, "mse", [0.0], [0.0], weights=((0, 0, 0), (0, 0, 0)))


def test_plot_mse_vs_cross_entropy():
    ax = plotting.plot_mse_vs_cross_entropy()
    mse, ce = ax.lines
    p = mse.get_xdata()
    np.testing.assert_allclose(mse.get_ydata(), (1 - p) ** 2)
    np.testing.assert_allclose(ce.get_ydata()[:-1], -np.log(p[:-1]), atol=1e-11)  # clipped at p = 1 too
    assert ce.get_ydata()[-1] == pytest.approx(-np.log(annlib.losses.EPSILON))  # clipped, finite
    assert ax.get_xlabel() and ax.get_ylabel() == "loss" and ax.get_title()


def test_sigmoid_output_gradients_follow_the_chain_rule():
    z = np.array([-6.0, -2.0, 0.0, 2.0, 6.0])
    a = 1.0 / (1.0 + np.exp(-z))
    for y in (0.0, 1.0):
        mse, bce = plotting.sigmoid_output_gradients(z, y_true=y)
        np.testing.assert_allclose(mse, 2.0 * (a - y) * a * (1.0 - a), rtol=1e-9, atol=1e-15)
        np.testing.assert_allclose(bce, a - y, rtol=1e-9, atol=1e-15)
    mse, bce = plotting.sigmoid_output_gradients(z)
    # Confidently wrong (z = -6 for class 1): cross-entropy pushes almost fully, MSE almost not at all.
    assert abs(bce[0]) > 0.99 and abs(mse[0]) < 0.005
    with pytest.raises(ValueError, match=r"sigmoid_output_gradients: z has shape \(2, 2\), expected \(n,\)"):
        plotting.sigmoid_output_gradients(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="y_true must be 0 or 1, got 0.5"):
        plotting.sigmoid_output_gradients(z, y_true=0.5)


def test_plot_sigmoid_output_gradients():
    ax = plotting.plot_sigmoid_output_gradients()
    assert ax.get_ylabel() == "|∂C/∂z|" and ax.get_title()
    mse_line, bce_line = ax.lines[:2]
    assert "mean squared error" in mse_line.get_label() and "cross-entropy" in bce_line.get_label()
    assert max(mse_line.get_ydata()) < 0.3 < max(bce_line.get_ydata())
    fig, axes = plt.subplots(1, 2)
    assert plotting.plot_sigmoid_output_gradients(axes[0], y_true=0.0) is axes[0]


def test_all_names_are_exported():
    for module in (
        plotting.style,
        plotting.diagram,
        plotting.neuron,
        plotting.activations,
        plotting.boundaries,
        plotting.losses,
    ):
        for name in module.__all__:
            assert getattr(plotting, name) is getattr(module, name)


def test_draw_training_loop_has_the_four_steps_in_order():
    ax = plotting.draw_training_loop()
    labels = texts(ax)
    headings = [t for t in labels if t[:2] in ("1.", "2.", "3.", "4.")]
    assert headings == ["1. forward propagation", "2. loss", "3. backpropagation", "4. update"]
    assert "repeat" in labels and ax.get_title()
    assert sum(type(p).__name__ == "FancyArrowPatch" for p in ax.patches) == 4
