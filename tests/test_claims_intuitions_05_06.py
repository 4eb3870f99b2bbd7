"""What lessons 05 and 06 say about the gradient and about delta gathered from the fan-out, recomputed.

Lesson 05, section 5: the cost of lesson 04's neuron without activation on two examples, its partial
derivatives, the gradient drawn on its contours, and one step -eta * gradient. Lesson 06, section 3: the
delta of hidden neuron A12 of a 3-2-2 network as a sum over the two outputs it feeds, against the
Stepper's numbers, then the matrix form. Where a sentence speaks of a behaviour (the step lowers the cost,
the sum equals backpropagation's delta), it is checked for more than the one case the lesson shows.
"""

import matplotlib.pyplot as plt
import numpy as np
import pytest
import sympy as sp

import annlib
from annlib import symbolic
from annlib.activations import sigmoid_derivative
from annlib.gradcheck import numerical_gradient
from annlib.plotting import delta_fan_out, description, number, plot_delta_fan_out, plot_gradient_on_contours
from annlib.widgets import Stepper

# ---------------------------------------------------------------------------------------------------------
# Lesson 05: the gradient

W1, W2 = sp.symbols("w1 w2")
EXAMPLES = [((1, 0), 1), ((1, 1), 0)]  # (x1, x2) and the target y, as the lesson writes them
WEIGHTS = np.array([-1.0, 0.5])
POINTS = np.array([[-1.0, 0.5], [-0.5, 1.5], [1.0, 1.0], [2.5, 0.5], [3.0, -2.0], [-0.5, -2.5], [1.5, -3.5]])
ETA = 0.2


def lesson05_cost():
    bowl = sum((W1 * e1 + W2 * e2 - target) ** 2 for (e1, e2), target in EXAMPLES) / 2
    gradient = [sp.diff(bowl, W1), sp.diff(bowl, W2)]
    return bowl, gradient, symbolic.to_numpy_function([W1, W2], bowl), symbolic.to_numpy_function([W1, W2], gradient)


def test_lesson05_the_cost_is_the_mean_squared_error_of_the_linear_neuron():
    # "lesson 04's neuron without activation ... on two examples ... Its mean squared error"
    _, _, cost, _ = lesson05_cost()
    network = annlib.Network.from_sizes([2, 1], "identity", rng=0)
    X = np.array([[1.0, 0.0], [1.0, 1.0]])
    y = np.array([[1.0], [0.0]])
    for w in POINTS:
        network.set_weights([w.reshape(2, 1), np.zeros(1)])
        assert cost(*w) == pytest.approx(annlib.losses.MSE()(network.forward(X), y))


def test_lesson05_partial_derivatives_hold_the_other_weight():
    # The printed dC/dw1 = 2*w1 + w2 - 1 and dC/dw2 = w1 + w2; a partial derivative is the derivative along one
    # weight with the other a constant.
    bowl, gradient, _, _ = lesson05_cost()
    assert sp.simplify(gradient[0] - (2 * W1 + W2 - 1)) == 0
    assert sp.simplify(gradient[1] - (W1 + W2)) == 0
    held = sp.Symbol("c")
    assert sp.simplify(sp.diff(bowl.subs(W2, held), W1) - gradient[0].subs(W2, held)) == 0


def test_lesson05_the_gradient_at_the_start_and_its_finite_differences():
    # "At (w1, w2) = (-1, 0.5) the gradient is (-2.5, -0.5). numerical_gradient agrees"
    _, _, cost, gradient = lesson05_cost()
    assert np.allclose(gradient(*WEIGHTS), [-2.5, -0.5])
    weights = WEIGHTS.copy()
    assert np.allclose(numerical_gradient(lambda: cost(*weights), weights), [-2.5, -0.5], atol=1e-8)


def test_lesson05_every_arrow_points_uphill_the_steepest_way():
    # "Each arrow crosses its contour line at a right angle and points uphill ... the gradient points where the
    # cost grows fastest; its length says how fast": of all directions, the gradient's raises C fastest, at a
    # rate equal to its length, and along the contour (a quarter turn) C does not change to first order.
    _, _, cost, gradient = lesson05_cost()
    angles = np.linspace(0.0, 2 * np.pi, 720, endpoint=False)
    directions = np.c_[np.cos(angles), np.sin(angles)]
    h = 1e-6
    for point in POINTS:
        g = np.array(gradient(*point))
        rates = np.array([(cost(*(point + h * d)) - cost(*(point - h * d))) / (2 * h) for d in directions])
        best = directions[np.argmax(rates)]
        assert np.degrees(np.arccos(np.clip(best @ g / np.linalg.norm(g), -1, 1))) < 0.6
        assert rates.max() == pytest.approx(np.linalg.norm(g), rel=1e-4)
        along = np.array([-g[1], g[0]]) / np.linalg.norm(g)
        assert abs(cost(*(point + h * along)) - cost(*(point - h * along))) / (2 * h) < 1e-6


def test_lesson05_the_arrows_drawn_are_the_gradient_at_the_scale_of_the_step():
    # "an arrow (0.2 times its length) at seven dots"; "the dashed arrow ... is the arrow at that dot, turned round"
    _, _, cost, gradient = lesson05_cost()
    ax = plot_gradient_on_contours(
        cost,
        gradient,
        POINTS,
        values_1=np.linspace(-2, 4, 121),
        values_2=np.linspace(-4, 2, 121),
        learning_rate=ETA,
        start=WEIGHTS,
    )
    (quiver,) = [c for c in ax.collections if hasattr(c, "U")]
    assert len(quiver.U) == 7
    step = -ETA * np.array(gradient(*WEIGHTS))
    assert np.allclose(np.c_[quiver.U, quiver.V][0], -step)  # the arrow at the start, turned round
    text = description(ax)
    plt.close(ax.figure)
    assert "lowest at the star (1, -1)" in text and "to the square at (-0.5, 0.6)" in text


def test_lesson05_the_lowest_point_is_the_star_at_1_minus_1():
    # The figure's text alternative: "a star at the lowest point, (1, -1)".
    _, gradient_exprs, _, _ = lesson05_cost()
    assert sp.solve(gradient_exprs, [W1, W2]) == {W1: 1, W2: -1}


def test_lesson05_one_step_lowers_the_cost_from_2_125_to_1_130():
    # The printed "C at (-1, 0.5): 2.125" and "after one step, at (-0.5, 0.6): 1.130"; the step lands on the
    # square of the figure.
    _, _, cost, gradient = lesson05_cost()
    stepped = WEIGHTS - ETA * np.array(gradient(*WEIGHTS))
    assert np.allclose(stepped, [-0.5, 0.6])
    assert f"{cost(*WEIGHTS):.3f}" == "2.125" and f"{cost(*stepped):.3f}" == "1.130"


@pytest.mark.parametrize("point", POINTS.tolist())
def test_lesson05_a_small_step_against_the_gradient_always_lowers_the_cost(point):
    # "Training steps the other way": downhill from every dot of the figure, for this eta and smaller ones.
    _, _, cost, gradient = lesson05_cost()
    point = np.array(point)
    for eta in (0.01, 0.1, ETA):
        assert cost(*(point - eta * np.array(gradient(*point)))) < cost(*point)


def test_lesson05_the_step_does_not_head_for_the_star():
    # "One step lowers the cost, but does not head for the star": well off the straight line to (1, -1).
    _, _, _, gradient = lesson05_cost()
    step = -np.array(gradient(*WEIGHTS))
    to_star = np.array([1.0, -1.0]) - WEIGHTS
    angle = np.degrees(np.arccos(step @ to_star / (np.linalg.norm(step) * np.linalg.norm(to_star))))
    assert angle > 30


# ---------------------------------------------------------------------------------------------------------
# Lesson 06: delta from the fan-out


def small_stepper(seed=0):
    network = annlib.Network.from_sizes([3, 2, 2], "sigmoid", rng=seed)
    stepper = Stepper(network, x=(1.0, 0.5, -1.5), y=(1.0, 0.0))
    stepper.forward()
    stepper.loss()
    stepper.backward()
    return network, stepper


def test_lesson06_the_printed_deltas_and_terms():
    # delta^(2) = [-0.0938, 0.1309], terms [0.0467, -0.1172], delta^(1)_2 = -0.01695 by hand and from the stepper.
    network, stepper = small_stepper()
    hidden, outputs = network.layers
    terms = stepper.bias_gradients[1] * outputs.W[1]
    assert np.array2string(stepper.bias_gradients[1], precision=4, suppress_small=True) == "[-0.0938  0.1309]"
    assert np.array2string(terms, precision=4, suppress_small=True) == "[ 0.0467 -0.1172]"
    by_hand = terms.sum() * sigmoid_derivative(hidden.z[0, 1])
    assert f"{by_hand:.5f}" == f"{stepper.bias_gradients[0][1]:.5f}" == "-0.01695"


def test_lesson06_the_two_outputs_pull_in_opposite_directions():
    # "The two outputs pull in opposite directions (terms of opposite sign)"
    network, stepper = small_stepper()
    terms = stepper.bias_gradients[1] * network.layers[1].W[1]
    assert terms[0] > 0 > terms[1]


@pytest.mark.parametrize("seed", range(6))
def test_lesson06_the_sum_over_the_neurons_fed_is_backpropagations_delta(seed):
    # "the sum by hand agrees", for every hidden neuron and several starting weights
    network, stepper = small_stepper(seed)
    hidden, outputs = network.layers
    for j in range(2):
        by_hand = (stepper.bias_gradients[1] * outputs.W[j]).sum() * sigmoid_derivative(hidden.z[0, j])
        assert by_hand == pytest.approx(stepper.bias_gradients[0][j], rel=1e-12)


def test_lesson06_the_matrix_form_and_the_printed_numbers():
    # "delta^(1), matrix form: 0.00025, -0.01695" and the stepper's the same
    network, stepper = small_stepper()
    hidden, outputs = network.layers
    matrix_form = (stepper.bias_gradients[1] @ outputs.W.T) * sigmoid_derivative(hidden.z)
    assert np.allclose(matrix_form.ravel(), stepper.bias_gradients[0], rtol=1e-12)
    assert ", ".join(f"{v:.5f}" for v in matrix_form.ravel()) == "0.00025, -0.01695"


def test_lesson06_the_fan_out_figure_and_its_text():
    # The figure's text alternative: terms 0.047 and -0.12, their sum -0.07, times 0.24, gives -0.017.
    network, stepper = small_stepper()
    fan = delta_fan_out(network, layer=0, neuron=1)
    assert fan.delta == pytest.approx(stepper.bias_gradients[0][1], rel=1e-12)
    ax = plot_delta_fan_out(network, layer=0, neuron=1)
    text = description(ax)
    plt.close(ax.figure)
    assert "neuron A12 in layer 1" in text and "ŷ1 and ŷ2" in text
    assert "(0.047 and -0.12)" in text and "sum, -0.07," in text and "A12, 0.24," in text and "δ, -0.017" in text


def test_lesson06_the_fan_out_figure_as_the_lesson_describes_it():
    # The lesson's own text alternative: outputs' deltas -0.094 and 0.13; terms 0.047 and -0.12; sum -0.07;
    # sigma'(z) = 0.24; delta of A12 -0.017.
    network, stepper = small_stepper()
    fan = delta_fan_out(network, layer=0, neuron=1)
    assert [number(d) for d in fan.deltas_next] == ["-0.094", "0.13"]
    assert [number(t) for t in fan.terms] == ["0.047", "-0.12"]
    assert (number(fan.total), number(fan.slope), number(fan.delta)) == ("-0.07", "0.24", "-0.017")
