"""Tests for annlib.plotting.gradient: the gradient on a cost's contours, and delta gathered from the fan-out."""

import matplotlib.axes
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.patches import FancyArrowPatch
from matplotlib.quiver import Quiver

import annlib
from annlib.activations import sigmoid_derivative, tanh_derivative
from annlib.losses import MSE
from annlib.plotting import description
from annlib.plotting import gradient as gp
from annlib.widgets import Stepper


# A bowl that is not round and not symmetric in its two weights, so that a swapped pair of components
# or a transposed grid shows: C = (w1 - 1)^2 / 2 + (w1 + w2)^2 / 2, lowest (0) at (1, -1).
def bowl(w1, w2):
    return 0.5 * (w1 - 1.0) ** 2 + 0.5 * (w1 + w2) ** 2


def bowl_gradient(w1, w2):
    return (2.0 * w1 + w2 - 1.0, w1 + w2)


POINTS = np.array([[-1.0, 0.5], [2.5, 0.5], [3.0, -2.0], [-0.5, -2.5]])
GRID_1 = np.linspace(-2.0, 4.0, 121)
GRID_2 = np.linspace(-4.0, 2.0, 121)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def draw(**options):
    options = {"values_1": GRID_1, "values_2": GRID_2, **options}
    return gp.plot_gradient_on_contours(bowl, bowl_gradient, POINTS, **options)


@pytest.fixture(autouse=True)
def contour_sets(monkeypatch):
    """Each axes' contour lines as drawn: before matplotlib 3.8 a ContourSet is no artist of its axes (only
    its levels' collections are), so it is kept here when Axes.contour makes it."""
    contour = matplotlib.axes.Axes.contour

    def kept(ax, *args, **kwargs):
        made = contour(ax, *args, **kwargs)
        KEPT.setdefault(id(ax), []).append(made)
        return made

    monkeypatch.setattr(matplotlib.axes.Axes, "contour", kept)
    yield
    KEPT.clear()


KEPT = {}


def contour_of(ax):
    """The contour lines' ContourSet (not the filled one)."""
    (lines,) = KEPT[id(ax)]
    return lines


def contour_paths(contour):
    """Every path of the contour lines, in matplotlib 3.7 (one collection per level) as in 3.8 and later."""
    if hasattr(contour, "collections") and not hasattr(contour, "get_paths"):
        return [path for collection in contour.collections for path in collection.get_paths()]
    return contour.get_paths()


def quiver_of(ax):
    (quiver,) = [c for c in ax.collections if isinstance(c, Quiver)]
    return quiver


def test_every_public_function_is_exported_by_plotting():
    import annlib.plotting as plotting

    for name in gp.__all__:
        assert getattr(plotting, name) is getattr(gp, name)


def test_gradient_arrows_are_the_gradient_at_each_point_in_order():
    arrows = gp.gradient_arrows(bowl_gradient, POINTS)
    assert arrows.shape == (4, 2)
    np.testing.assert_allclose(arrows, [[-2.5, -0.5], [4.5, 3.0], [3.0, 1.0], [-4.5, -3.0]])
    np.testing.assert_allclose(gp.gradient_arrows(bowl_gradient, [1.0, -1.0]), [[0.0, 0.0]])


@pytest.mark.parametrize(
    "gradient, points, error, words",
    [
        ("not a function", POINTS, TypeError, "must be a function"),
        (bowl_gradient, np.zeros((3, 3)), ValueError, "expected (m, 2)"),
        (bowl_gradient, np.zeros((0, 2)), ValueError, "expected (m, 2)"),
        (bowl_gradient, [[np.nan, 0.0]], ValueError, "finite"),
        (lambda w1, w2: (w1, w2, 0.0), POINTS, ValueError, "gave 3 numbers"),
        (lambda w1, w2: (np.inf, 0.0), POINTS, ValueError, "not finite"),
    ],
)
def test_gradient_arrows_reject_bad_input_naming_the_function(gradient, points, error, words):
    with pytest.raises(error, match="gradient_arrows") as caught:
        gp.gradient_arrows(gradient, points)
    assert words in str(caught.value)


def test_arrows_start_at_the_points_and_are_the_gradient_times_the_learning_rate():
    ax = draw(learning_rate=0.2)
    quiver = quiver_of(ax)
    np.testing.assert_allclose(quiver.get_offsets(), POINTS)
    np.testing.assert_allclose(np.c_[quiver.U, quiver.V], 0.2 * gp.gradient_arrows(bowl_gradient, POINTS))
    # drawn in data units, so that an arrow's length on screen is its length in weight space
    assert quiver.angles == "xy" and quiver.scale_units == "xy" and quiver.scale == 1
    assert ax.get_aspect() == 1.0


def test_without_a_learning_rate_the_longest_arrow_is_a_fifth_of_the_narrower_side():
    ax = draw()
    quiver = quiver_of(ax)
    assert np.hypot(quiver.U, quiver.V).max() == pytest.approx(6.0 / 5)
    assert not [p for p in ax.patches if isinstance(p, FancyArrowPatch)]  # no step drawn
    assert "(drawn × " in ax.get_legend().get_texts()[0].get_text()


def test_an_explicit_scale_is_used_and_a_scale_of_one_is_not_announced():
    ax = draw(scale=1.0)
    quiver = quiver_of(ax)
    np.testing.assert_allclose(np.c_[quiver.U, quiver.V], gp.gradient_arrows(bowl_gradient, POINTS))
    assert "drawn" not in ax.get_legend().get_texts()[0].get_text()


def test_the_step_goes_from_the_start_against_the_gradient_and_lowers_the_cost():
    ax = draw(learning_rate=0.2, start=(0.0, 1.0))
    (arrow,) = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    begin, end = np.array(arrow._posA_posB)
    np.testing.assert_allclose(begin, [0.0, 1.0])
    np.testing.assert_allclose(end, [0.0, 1.0] - 0.2 * np.array(bowl_gradient(0.0, 1.0)))
    assert bowl(*end) < bowl(*begin)
    # the square marks where the step lands
    squares = [line for line in ax.get_lines() if line.get_marker() == "s"]
    np.testing.assert_allclose(np.c_[squares[0].get_xdata(), squares[0].get_ydata()], [end])


def test_the_step_starts_at_the_first_point_by_default():
    ax = draw(learning_rate=0.1)
    (arrow,) = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    np.testing.assert_allclose(arrow._posA_posB[0], POINTS[0])


def test_each_arrow_points_uphill_and_crosses_its_contour_line_at_a_right_angle():
    for index, point in enumerate(POINTS):
        # the figure's own contour line through the point, and the figure's own arrow there
        ax = draw(levels=[bowl(*point)], scale=1.0)
        arrow = np.array([quiver_of(ax).U[index], quiver_of(ax).V[index]])
        assert bowl(*(point + 1e-3 * arrow)) > bowl(*point)
        vertices = np.concatenate([path.vertices for path in contour_paths(contour_of(ax))])
        nearest = np.argmin(np.hypot(*(vertices - point).T))
        assert np.hypot(*(vertices[nearest] - point)) < 0.05
        tangent = vertices[min(nearest + 1, len(vertices) - 1)] - vertices[max(nearest - 1, 0)]
        cosine = abs(tangent @ arrow) / (np.linalg.norm(tangent) * np.linalg.norm(arrow))
        assert cosine < 0.05
        plt.close("all")


def test_the_star_marks_the_lowest_point_of_the_grid():
    ax = draw()
    (star,) = [line for line in ax.get_lines() if line.get_marker() == "*"]
    assert (star.get_xdata()[0], star.get_ydata()[0]) == pytest.approx((1.0, -1.0))


def test_the_text_alternative_gives_the_numbers_of_the_figure():
    text = description(draw(learning_rate=0.2).figure)
    assert text.startswith("Contour plot of the cost over two weights, w_1 across and w_2 up")
    assert "lowest at the star (1, -1)" in text
    assert "At 4 dots an arrow shows the gradient ∇C" in text
    assert "longest (5.4) at (2.5, 0.5)" in text
    assert "step -η∇C with η = 0.2" in text and "to the square at (-0.5, 0.6)" in text


def test_names_title_levels_and_given_axes():
    fig, ax = plt.subplots()
    out = gp.plot_gradient_on_contours(
        bowl,
        bowl_gradient,
        POINTS,
        values_1=GRID_1,
        values_2=GRID_2,
        names=("w_{a1}", "w_{b1}"),
        levels=[0.5, 2.0],
        ax=ax,
        title="mine",
    )
    assert out is ax
    assert ax.get_xlabel() == "weight $w_{a1}$" and ax.get_ylabel() == "weight $w_{b1}$"
    assert ax.get_title() == "mine"
    assert "w_a1 across and w_b1 up" in description(ax)
    np.testing.assert_allclose(contour_of(ax).levels, [0.5, 2.0])


def test_a_number_of_levels_spaces_them_by_squares():
    ax = draw(levels=3)
    contour = contour_of(ax)
    surface = bowl(*np.meshgrid(GRID_1, GRID_2))
    low, high = surface.min(), surface.max()
    np.testing.assert_allclose(contour.levels, low + (high - low) * np.array([1, 4, 9]) / 16)


@pytest.mark.parametrize(
    "options, words",
    [
        ({"learning_rate": 0.0}, "learning_rate must be a number > 0"),
        ({"learning_rate": -1.0}, "learning_rate must be a number > 0"),
        ({"scale": 0}, "scale must be a number > 0"),
        ({"start": (0.0, 0.0)}, "give learning_rate too"),
        ({"values_1": [1.0, 0.0]}, "values_1 must be at least two increasing numbers"),
        ({"values_2": [1.0]}, "values_2 must be at least two increasing numbers"),
        ({"names": ("w",)}, "names must be two"),
    ],
)
def test_plot_rejects_bad_options_naming_the_function(options, words):
    with pytest.raises(ValueError, match="plot_gradient_on_contours") as caught:
        draw(**options)
    assert words in str(caught.value)


def test_plot_rejects_a_cost_that_is_not_a_function_or_not_finite():
    with pytest.raises(TypeError, match="plot_gradient_on_contours: cost must be a function"):
        gp.plot_gradient_on_contours(3.0, bowl_gradient, POINTS, values_1=GRID_1, values_2=GRID_2)
    with pytest.raises(ValueError, match="plot_gradient_on_contours: cost is not finite"):
        gp.plot_gradient_on_contours(
            lambda a, b: np.where(a > 0, 1.0, np.inf), bowl_gradient, POINTS, values_1=GRID_1, values_2=GRID_2
        )


# ---------------------------------------------------------------------------------------------------------
# delta gathered from the fan-out


def after_backward(sizes=(3, 2, 2), activation="sigmoid", seed=0, x=(1.0, 0.5, -1.5), y=(1.0, 0.0)):
    network = annlib.Network.from_sizes(list(sizes), activation, rng=seed)
    stepper = Stepper(network, x=x, y=y)
    stepper.forward()
    stepper.loss()
    stepper.backward()
    return network, stepper


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("neuron", [0, 1])
def test_the_fan_out_sum_is_the_delta_backpropagation_computes(seed, neuron):
    network, stepper = after_backward(seed=seed)
    fan = gp.delta_fan_out(network, layer=0, neuron=neuron)
    hidden, output = network.layers
    np.testing.assert_allclose(fan.deltas_next, stepper.bias_gradients[1])
    np.testing.assert_allclose(fan.weights, output.W[neuron])
    np.testing.assert_allclose(fan.terms, stepper.bias_gradients[1] * output.W[neuron])
    assert fan.total == pytest.approx(fan.terms.sum())
    assert fan.slope == pytest.approx(sigmoid_derivative(hidden.z[0, neuron]))
    assert fan.delta == pytest.approx(stepper.bias_gradients[0][neuron], rel=1e-12)


def test_the_fan_out_of_a_deeper_tanh_layer_matches_the_matrix_form():
    network, _ = after_backward(sizes=(2, 3, 4, 1), activation="tanh", x=(0.3, -1.2), y=(0.5,))
    second, third = network.layers[1], network.layers[2]
    # delta^(3) from the loss, then the matrix form delta^(2) = (delta^(3) W^(3)T) * f'(Z^(2))
    delta_3 = np.asarray(third.grad_b)
    matrix_form = (delta_3 @ third.W.T) * tanh_derivative(second.z[0])
    for j in range(4):
        fan = gp.delta_fan_out(network, layer=1, neuron=j)
        assert fan.terms.shape == (1,)
        assert fan.delta == pytest.approx(matrix_form[j], rel=1e-12)
        assert fan.delta == pytest.approx(second.grad_b[j], rel=1e-12)


@pytest.mark.parametrize(
    "layer, neuron, words",
    [
        (1, 0, "must be a hidden layer that feeds another: 0 (layer 1) to 0 (layer 1)"),
        (-1, 0, "must be a hidden layer"),
        (True, 0, "must be a hidden layer"),
        (0, 2, "neuron=2 is not in layer 1, which has 2 neurons"),
    ],
)
def test_delta_fan_out_rejects_a_layer_or_neuron_that_is_not_there(layer, neuron, words):
    network, _ = after_backward()
    with pytest.raises(ValueError, match="delta_fan_out") as caught:
        gp.delta_fan_out(network, layer=layer, neuron=neuron)
    assert words in str(caught.value)


def test_delta_fan_out_needs_one_example_and_a_network():
    network = annlib.Network.from_sizes([3, 2, 2], "sigmoid", rng=0)
    with pytest.raises(ValueError, match="run forward and backward on ONE example first"):
        gp.delta_fan_out(network)
    X = np.ones((2, 3))
    network.backward(MSE().gradient(network.forward(X), np.zeros((2, 2))))
    with pytest.raises(ValueError, match=r"z of shape \(2, 2\)"):
        gp.delta_fan_out(network)
    with pytest.raises(TypeError, match="delta_fan_out: network must be an annlib.Network"):
        gp.delta_fan_out([3, 2, 2])


def test_the_fan_out_figure_labels_each_arrow_with_its_term_and_gives_the_delta():
    network, stepper = after_backward()
    ax = gp.plot_delta_fan_out(network, 0, 1)
    fan = gp.delta_fan_out(network, 0, 1)
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == 2  # one back from each neuron A12 feeds
    assert {a.get_linestyle() for a in arrows} == {"-", "--"}  # told apart without colour
    texts = " | ".join(t.get_text() for t in ax.texts)
    for term in fan.terms:
        assert f"= {gp.format_value(term, 3)}" in texts
    assert "= (0.0467 + (-0.117)) × 0.241 = -0.0705 × 0.241 = -0.017" in texts
    assert r"w^{(2)}_{b1}" in texts and r"w^{(2)}_{b2}" in texts and r"\sigma'" in texts
    assert "A12" in texts and "ŷ1" in texts and "ŷ2" in texts
    assert fan.delta == pytest.approx(stepper.bias_gradients[0][1])
    text = description(ax)
    assert "neuron A12 in layer 1" in text and "ŷ1 and ŷ2" in text
    assert "(0.047 and -0.12)" in text and "gives its δ, -0.017" in text
    assert ax.get_title().startswith("δ of A12")


def test_the_fan_out_figure_writes_f_prime_for_other_activations_and_uses_the_given_axes():
    network, _ = after_backward(sizes=(2, 3, 4, 1), activation="tanh", x=(0.3, -1.2), y=(0.5,))
    fig, ax = plt.subplots()
    assert gp.plot_delta_fan_out(network, layer=1, neuron=2, ax=ax, title="mine") is ax
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "f'(z^{(2)}_{3})" in texts and r"w^{(3)}_{c1}" in texts and "A23" in texts
    assert ax.get_title() == "mine"
