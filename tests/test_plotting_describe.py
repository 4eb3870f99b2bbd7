"""Every figure annlib.plotting draws describes itself, and the figure defects stay fixed.

Each helper's figure has a text alternative (`description(fig)`) that names the kind of figure and the
facts it drew (numbers to two significant digits); the legends keep off the data, the loss surface
marks its minimum, decision boundaries are smooth, digit thumbnails are large enough to read, and the
network diagram's weight labels keep off the other connections as far as the layout allows.
"""

import re

import matplotlib.pyplot as plt
import numpy as np
import pytest

import annlib
from annlib import plotting
from annlib.plotting import describe, description, diagram, number
from annlib.plotting import training as tp


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture
def net():
    return annlib.Network.from_sizes([3, 4, 4, 1], rng=0)


def said(ax_or_axes):
    """The text alternative of the figure the helper drew on."""
    ax = np.ravel(ax_or_axes)[0] if isinstance(ax_or_axes, np.ndarray) else ax_or_axes
    text = description(ax.figure)
    assert text and text == " ".join(text.split()) and text.endswith(".")
    assert len(re.findall(r"[^\d ]\. [A-Z]", text)) + 1 <= 3, text  # one to three sentences
    return text


# ---------------------------------------------------------------- the numbers in the texts


@pytest.mark.parametrize(
    "value, text",
    [(0.3936, "0.39"), (-0.00583, "-0.0058"), (1.0, "1"), (-1.16, "-1.2"), (123.4, "120"), (0.0, "0")],
)
def test_numbers_have_two_significant_digits(value, text):
    assert number(value) == text


def test_tiny_and_huge_numbers_use_an_exponent():
    assert number(1.9e-22) == "1.9e-22" and number(2.5e7) == "2.5e+07"


# ---------------------------------------------------------------- each helper describes what it drew


def test_activation_plots_say_what_they_show():
    text = said(plotting.plot_activation("sigmoid"))
    assert "Line plot of the sigmoid activation" in text and "largest at z = 0" in text and "0.25" in text
    text = said(plotting.plot_activations(["sigmoid", "relu"]))
    assert "one row per activation (sigmoid and relu)" in text and "sigmoid 0.25, relu 1" in text.replace(" and", ",")


def test_data_and_boundary_plots_count_points_and_classes():
    X, y = annlib.datasets.xor(40, noise=0.1, rng=0)
    counts = np.bincount(y)
    text = said(plotting.plot_data(X, y))
    assert "Scatter plot of 40 points" in text and f"{counts[0]} of class 0 and {counts[1]} of class 1" in text
    text = said(plotting.plot_decision_boundary(lambda Z: Z[:, :1], X, y, resolution=30))
    assert text.startswith("Decision-boundary plot") and "classifies" in text and "% of the points" in text


def test_nonlinearity_comparison_describes_the_row_once():
    X, y = annlib.datasets.xor(40, noise=0.1, rng=0)
    axes = plotting.plot_nonlinearity_comparison([lambda Z: Z[:, :1], lambda Z: Z[:, 1:]], X, y, ["one", "two"])
    text = said(axes)
    assert text.startswith("A row of 2 decision-boundary plots") and "% for one and " in text
    assert text.count("Decision-boundary plot") == 0  # the panels' own texts are not repeated


def test_regression_fit_gives_its_error():
    X = np.linspace(0, 1, 10)[:, None]
    text = said(plotting.plot_regression_fit(lambda Z: 2 * Z, X, 2 * X + 0.5))
    assert "Scatter plot of 10 data points" in text and "misses the points by 0.5" in text


def test_network_diagrams_describe_their_layers_and_values(net):
    text = said(plotting.draw_network([3, 4, 4, 1]))
    assert "3-4-4-1 network (3 inputs, 2 hidden layers of 4 and 4 neurons, 1 output)" in text
    text = said(plotting.draw_network(net, activations=plotting.forward_values(net, np.array([0.5, -1.0, 2.0]))))
    largest = max(np.abs(layer.W).max() for layer in net)
    assert "coloured and thickened by its weight" in text and number(largest).lstrip("-") in text
    assert "input (0.5, -1, 2)" in text and "prediction ŷ" in text
    net.forward(np.ones((1, 3)))
    net.backward(np.ones((1, 1)))
    text = said(plotting.draw_network(net, gradients=[layer.grad_W for layer in net]))
    assert "gradient ∂C/∂w" in text and "∂C/∂b" in text


def test_network_picture_and_training_loop_describe_themselves(net):
    picture = plotting.NetworkPicture(net)
    assert "Network diagram of a 3-4-4-1 network" in said(picture.ax)
    picture.show(gradients=[layer.grad_W for layer in net], bias_gradients=[layer.grad_b for layer in net])
    assert "gradient ∂C/∂w" in said(picture.ax)
    text = said(plotting.draw_training_loop())
    assert "loop of four boxes" in text and "w := w - η ∂C/∂w" in text


def test_neuron_pictures_give_their_numbers():
    assert "one neuron with 3 inputs" in said(plotting.draw_neuron()).lower()
    picture = plotting.NeuronPicture([0.5, -1.0], [0.3, 0.8], 0.1)
    assert "z = -0.55" in said(picture.ax)
    picture.update([1.0, 1.0], [1.0, 1.0], 0.0, "relu")
    assert "z = 2 and a = relu(z) = 2" in said(picture.ax)


def test_computational_graphs_say_which_box_feeds_which():
    text = said(plotting.draw_neuron_graph(values={"z": 0.123}, gradients={"a": -0.456}))
    assert "x and w feed x · w" in text and "z feeds a = σ(z)" in text
    assert "z = 0.12" in text and "∂C/∂a = -0.46" in text


def test_loss_figures_give_their_range_and_minimum():
    rng = np.random.default_rng(0)
    network = annlib.Network.from_sizes([2, 1], "identity", rng=0)
    X = rng.normal(size=(20, 2))
    y = X @ np.array([[2.0], [-1.0]])
    text = said(plotting.plot_loss_vs_weight(network, X, y, "mse"))
    values = np.linspace(network[0].W[0, 0] - 3, network[0].W[0, 0] + 3, 121)
    best = values[np.argmin(plotting.loss_along_weight(network, X, y, "mse", values))]
    assert "Line plot of the loss (mse) against the weight wa1" in text and f"lowest at wa1 = {number(best)}" in text
    text = said(plotting.plot_loss_surface(network, X, y, "mse", resolution=31))
    at = re.search(r"\(star\), is at wa1 = (\S+), wb1 = (\S+);", text)
    assert text.startswith("Contour plot") and at, text
    np.testing.assert_allclose([float(at[1]), float(at[2])], [2.0, -1.0], atol=0.15)  # the grid's nearest point
    fig = plt.figure()
    text = said(
        plotting.plot_loss_surface(network, X, y, "mse", resolution=9, kind="3d", ax=fig.add_subplot(projection="3d"))
    )
    assert text.startswith("Surface plot")
    assert "cross-entropy -log p climbs steeply" in said(plotting.plot_mse_vs_cross_entropy())
    assert "|∂C/∂z| of a sigmoid output neuron" in said(plotting.plot_sigmoid_output_gradients())


def test_training_figures_describe_their_runs():
    falling, exploding = [0.7, 0.5, 0.3, 0.2], [0.7, 3.0, np.inf]
    text = said(tp.plot_loss_curves({"a": falling, "b": [0.6, 0.4]}))
    assert "for 2 runs" in text and "a falls from 0.7 to 0.2 over 4 epochs" in text
    text = said(tp.plot_learning_rates({0.1: falling, 10: exploding}))
    assert "2 learning rates" in text and "learning rate 10 rises from 0.7 to 3" in text and "diverges" in text
    text = said(tp.plot_loss_panels({"SGD": falling, "batch": [0.7, 0.6]}))
    assert text.startswith("A row of 2 line plots") and "SGD falls" in text
    text = said(tp.plot_confusion_matrix(np.array([[5, 1], [2, 7]])))
    assert "12 of 15 examples (80%)" in text and "true 1 predicted as 0 (2 times)" in text
    digits = annlib.datasets.load_digits()
    text = said(tp.plot_digit_grid(digits.X[:4], ["0", "1", "2", "3"]))
    assert "Grid of 4 digit images, 8x8 pixels" in text and "0, 1, 2, 3" in text
    predicted = digits.y[:50].copy()
    predicted[0] = (predicted[0] + 1) % 10
    text = said(tp.plot_misclassified(digits.X[:50], digits.y[:50], predicted))
    assert "1 of 50" in text and f"{digits.y[0]} read as {predicted[0]}" in text
    text = said(tp.plot_predicted_vs_true([1.0, 2.0], [1.0, 3.0], units="mm"))
    assert "Scatter plot of 2 predictions" in text and "0.71 mm" in text
    text = said(tp.plot_layer_gradients({"deep": [0.01, 0.1, 1.0]}))
    assert "log scale" in text and '"deep" from 0.01 in layer 1 to 1 in layer 3 (100 times smaller in layer 1)' in text


def test_fit_1d_gives_each_networks_error():
    network = annlib.Network.from_sizes([1, 1], "identity", rng=0)
    X = np.linspace(-1, 1, 5)[:, None]
    text = said(tp.plot_fit_1d({"line": network}, X, np.zeros(5)))
    error = float(np.mean(network.predict(X) ** 2))
    assert "over 5 training points" in text and f"{number(error)} for line" in text


def test_a_figure_text_replaces_the_helpers():
    ax = plotting.plot_data(np.zeros((2, 2)), [0, 1])
    describe(ax.figure, "Two points on top of each other.")
    assert description(ax.figure) == "Two points on top of each other."


# ---------------------------------------------------------------- the figure defects


def test_legends_sit_beside_the_axes_not_on_the_data():
    X, y = annlib.datasets.xor(40, noise=0.1, rng=0)
    for ax in (plotting.plot_data(X, y), tp.plot_loss_curves({"a": [1, 0.5], "b": [1, 0.7]})):
        legend = ax.get_legend()
        ax.figure.canvas.draw()
        assert legend.get_window_extent().x0 >= ax.get_window_extent().x1  # right of the plotting area
    # In a row of panels the classes' legend appears once, beside the last one.
    axes = plotting.plot_nonlinearity_comparison([lambda Z: Z[:, :1], lambda Z: Z[:, 1:]], X, y, ["one", "two"])
    assert axes[0].get_legend() is None and axes[1].get_legend() is not None


def test_the_loss_surface_marks_its_minimum():
    rng = np.random.default_rng(0)
    network = annlib.Network.from_sizes([2, 1], "identity", rng=0)
    X = rng.normal(size=(20, 2))
    ax = plotting.plot_loss_surface(network, X, X @ np.array([[2.0], [-1.0]]), "mse", resolution=31)
    stars = [line for line in ax.lines if line.get_marker() == "*"]
    assert len(stars) == 1
    np.testing.assert_allclose([stars[0].get_xdata()[0], stars[0].get_ydata()[0]], [2.0, -1.0], atol=0.11)
    assert ax.get_legend() is None and any(t.get_text().startswith("lowest: loss") for t in ax.texts)


def test_the_decision_boundary_is_smooth_not_a_staircase():
    # The boundary x1 + x2 = 0.3, on a coarse grid: contouring the labels gave steps that follow the
    # grid; contouring the probability through 0.5 gives a straight line.
    X = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [1.0, 0.0]])
    y = np.array([0, 1, 1, 1])

    def model(Z):
        return 1 / (1 + np.exp(-4 * (Z[:, :1] + Z[:, 1:] - 0.3)))

    ax = plotting.plot_decision_boundary(model, X, y, resolution=12)

    # A line drawn exactly on x1 + x2 = 0.3 (matplotlib 3.8 keeps a contour as one QuadContourSet, older
    # versions as a collection per level: look at every collection's paths)
    def on_the_line(collection):
        paths = [path.vertices for path in collection.get_paths() if len(path.vertices) >= 2]
        return bool(paths) and all(np.abs(v.sum(axis=1) - 0.3).max() < 1e-6 for v in paths)

    assert any(on_the_line(c) for c in ax.collections), "no boundary line on x1 + x2 = 0.3"


def test_digit_thumbnails_are_large_enough_to_read():
    digits = annlib.datasets.load_digits()
    for ax in (
        tp.plot_digit_grid(digits.X[:30], [str(d) for d in digits.y[:30]], title="digits"),
        tp.plot_misclassified(digits.X[:60], digits.y[:60], (digits.y[:60] + 1) % 10, max_images=30),
    ):
        ax.figure.canvas.draw()
        # One image is 8 data units wide; at the figure's dpi (100, as a notebook shows it):
        left, right = ax.transData.transform([(0, 0), (8, 0)])[:, 0]
        assert ax.figure.dpi == 100 and right - left >= 100, right - left


def test_weight_labels_are_opaque_and_cover_fewer_connections_than_at_the_middle(net):
    ax = plotting.draw_network(net)
    labels = {t.get_text(): t for t in ax.texts if t.get_text().startswith("w")}
    assert labels and all(t.get_bbox_patch().get_alpha() in (None, 1.0) for t in labels.values())
    assert all(tuple(t.get_bbox_patch().get_facecolor()[:3]) == (1.0, 1.0, 1.0) for t in labels.values())
    renderer = ax.figure.canvas.get_renderer()
    segments = np.array([ax.transData.transform(s) for s in ax.collections[0].get_segments()])
    edges = [(k, i, j) for k in range(3) for i in range(net.sizes[k]) for j in range(net.sizes[k + 1])]
    here = middle = 0.0
    for n, (k, i, j) in enumerate(edges):
        text = f"{diagram.weight_name(k, i, j)} = {diagram.format_value(net[k].W[i, j])}"
        if text not in labels:
            continue
        start, end = segments[n]
        angle = np.arctan2(*(end - start)[::-1])
        width, height = diagram._text_size(ax, text, renderer)
        ones = np.ones(len(segments))
        for place, centre in (
            ("here", ax.transData.transform(labels[text].get_position())),
            ("middle", (start + end) / 2),
        ):
            box = diagram._corners(np.asarray(centre), width * 1.06, height * 1.25, angle)
            crossed = diagram._crossings(box, angle, segments, ones, n)
            here, middle = (here + crossed, middle) if place == "here" else (here, middle + crossed)
    assert here < middle, (here, middle)
