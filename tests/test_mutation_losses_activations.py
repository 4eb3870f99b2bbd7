"""Losses and activations: values by hand, with more than one output column, at the clipping bounds and at 0."""

import numpy as np
import pytest

from annlib import activations as act
from annlib.losses import EPSILON, MSE, BinaryCrossEntropy, CrossEntropy, get_loss
from annlib.metrics import (
    accuracy,
    confusion_matrix,
    mean_absolute_error,
    output_labels,
    root_mean_squared_error,
    to_labels,
)


def test_mse_by_hand_with_two_columns():
    y_pred, y_true = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.0, 2.0], [3.0, 6.0]])
    assert MSE()(y_pred, y_true) == pytest.approx((1 + 0 + 0 + 4) / 4)
    np.testing.assert_allclose(MSE().gradient(y_pred, y_true), [[0.5, 0.0], [0.0, -1.0]])  # 2 (p - y) / 4
    np.testing.assert_allclose(MSE().gradient(y_pred, y_true, at_z=True), [[0.5, 0.0], [0.0, -1.0]])
    assert MSE()([1.0, 2.0], [1.0, 0.0]) == 2.0  # one column written flat: (0 + 4) / 2


def test_binary_cross_entropy_by_hand_with_two_columns():
    y_pred, y_true = np.array([[0.8, 0.25]]), np.array([[1.0, 0.0]])
    assert BinaryCrossEntropy()(y_pred, y_true) == pytest.approx((-np.log(0.8) - np.log(0.75)) / 2)
    # (p - y) / (p (1 - p)) / n_entries: -0.2 / 0.16 / 2 and 0.25 / 0.1875 / 2
    np.testing.assert_allclose(BinaryCrossEntropy().gradient(y_pred, y_true), [[-0.625, 2 / 3]])
    np.testing.assert_allclose(BinaryCrossEntropy().gradient(y_pred, y_true, at_z=True), [[-0.1, 0.125]])


def test_cross_entropy_by_hand():
    y_pred = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    y_true = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    assert CrossEntropy()(y_pred, y_true) == pytest.approx((-np.log(0.7) - np.log(0.8)) / 2)
    np.testing.assert_allclose(CrossEntropy().gradient(y_pred, y_true), [[-1 / 1.4, 0, 0], [0, 0, -1 / 1.6]])
    np.testing.assert_allclose(CrossEntropy().gradient(y_pred, y_true, at_z=True), (y_pred - y_true) / 2)


def test_probabilities_are_clipped_to_epsilon():
    assert EPSILON == 1e-12
    bce, ce = BinaryCrossEntropy(), CrossEntropy()
    assert bce([[0.0]], [[1.0]]) == pytest.approx(-np.log(1e-12)) == bce([[1.0]], [[0.0]])
    assert bce([[0.0]], [[0.0]]) == pytest.approx(0.0, abs=1e-11)
    assert ce([[0.0, 1.0]], [[1.0, 0.0]]) == pytest.approx(-np.log(1e-12))
    assert ce([[0.0, 1.0]], [[0.0, 1.0]]) == 0.0  # p = 1 is not clipped below 1: log 1 = 0
    # (eps - 1) / (eps (1 - eps)) = -1 / eps
    np.testing.assert_allclose(bce.gradient([[0.0]], [[1.0]]), [[-1e12]], rtol=1e-9)
    np.testing.assert_allclose(ce.gradient([[0.0, 1.0]], [[1.0, 0.0]]), [[-1e12, 0.0]])


def test_probability_bounds_are_inclusive():
    assert np.isfinite(BinaryCrossEntropy()([[0.0, 1.0]], [[0.0, 1.0]]))
    with pytest.raises(ValueError) as refused:
        BinaryCrossEntropy()([[1.5, 0.5]], [[1.0, 0.0]])
    assert str(refused.value) == (
        "BinaryCrossEntropy: y_pred must hold probabilities in [0, 1], got values from 0.5 to 1.5; "
        "use a sigmoid or softmax output layer"
    )
    with pytest.raises(
        ValueError, match=r"^CrossEntropy.gradient: y_pred must hold probabilities in \[0, 1\], got values from -0.5"
    ):
        CrossEntropy().gradient([[-0.5, 1.5]], [[0.0, 1.0]])


@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda: MSE()(np.zeros((1, 1, 1)), np.zeros((1, 1, 1))),
            r"^MSE: y_pred has shape \(1, 1, 1\), expected \(n_samples, n_outputs\)$",
        ),
        (
            lambda: MSE()([1.0, 2.0], [[1.0], [2.0]]),
            r"^MSE: y_pred has shape \(2,\), expected \(n_samples, n_outputs\)$",
        ),
        (
            lambda: MSE()(np.zeros((2, 1)), np.zeros((2, 2))),
            r"^MSE: y_pred has shape \(2, 1\) but y_true has shape \(2, 2\)",
        ),
        (lambda: MSE()(np.zeros((0, 1)), np.zeros((0, 1))), r"^MSE: y_pred is empty; there is nothing to average$"),
        (lambda: MSE().gradient([[0.0]], [[np.nan]]), r"^MSE.gradient: y_true contains NaN"),
        (
            lambda: CrossEntropy()([0.5, 0.5], [1.0, 0.0]),
            r"^CrossEntropy: y_pred has shape \(2,\), expected \(n_samples, n_classes\); "
            r"turn labels into one-hot rows with annlib.datasets.one_hot$",
        ),
        (
            lambda: get_loss("nope"),
            r"^get_loss: unknown loss 'nope'; use annlib.losses.MSE\(\) or one of "
            r"'mse', 'binary_cross_entropy', 'cross_entropy'$",
        ),
        (lambda: get_loss(3, caller="fit"), r"^fit: unknown loss 3;"),
    ],
)
def test_losses_name_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_losses_by_name_class_or_object():
    assert type(get_loss("binary_cross_entropy")) is BinaryCrossEntropy and type(get_loss(CrossEntropy)) is CrossEntropy
    mse = MSE()
    assert get_loss(mse) is mse and repr(mse) == "MSE()" and repr(CrossEntropy()) == "CrossEntropy()"
    assert np.isnan(MSE()([[np.nan]], [[0.0]]))  # a diverged prediction gives a NaN loss, not an error


# --- annlib.activations ----------------------------------------------------------------------------


def test_activation_values_by_hand():
    e = np.e
    np.testing.assert_allclose(act.sigmoid([-1.0, 0.0, 1.0]), [1 / (1 + e), 0.5, 1 / (1 + 1 / e)], rtol=1e-15)
    np.testing.assert_array_equal(act.sigmoid([-1e4, np.inf]), [0.0, 1.0])
    assert act.sigmoid_derivative(0.0) == 0.25 and act.sigmoid_derivative(123.0, a=0.5) == 0.25  # a is used
    assert act.tanh_derivative(0.0) == 1.0 and act.tanh_derivative(123.0, a=0.5) == 0.75
    np.testing.assert_array_equal(act.relu([-2.0, 0.0, 3.0]), [0.0, 0.0, 3.0])
    np.testing.assert_array_equal(act.relu_derivative([-2.0, 0.0, 1e-300]), [0.0, 0.0, 1.0])
    np.testing.assert_allclose(act.leaky_relu([-2.0, 0.0, 3.0]), [-0.02, 0.0, 3.0])
    np.testing.assert_allclose(act.leaky_relu([-2.0], slope=0.2), [-0.4])
    np.testing.assert_allclose(act.leaky_relu_derivative([-2.0, 0.0, 1e-300]), [0.01, 0.01, 1.0])
    np.testing.assert_allclose(act.leaky_relu_derivative([-2.0], slope=0.2), [0.2])
    np.testing.assert_array_equal(act.identity_derivative(np.zeros((2, 3))), np.ones((2, 3)))


def test_softmax_and_its_jacobian_by_hand():
    # scores (0, ln 3) give (1/4, 3/4); the Jacobian s_i (delta_ij - s_j) is 3/16 times [[1, -1], [-1, 1]]
    z = np.array([[0.0, np.log(3.0)], [1000.0, 1000.0]])
    np.testing.assert_allclose(act.softmax(z), [[0.25, 0.75], [0.5, 0.5]], rtol=1e-15)
    np.testing.assert_allclose(act.softmax_derivative(z[0]), [[0.1875, -0.1875], [-0.1875, 0.1875]], rtol=1e-14)
    layer = act.get_activation("softmax")
    a = layer.forward(z[:1])
    # dC/dz = J^T dC/da: with dC/da = (1, 0) it is the first row of the symmetric J
    np.testing.assert_allclose(layer.backward(z[:1], a, np.array([[1.0, 0.0]])), [[0.1875, -0.1875]], rtol=1e-14)


def test_layer_activations_apply_the_chain_rule_element_by_element():
    z, grad_a = np.array([[-1.0, 0.0, 2.0]]), np.array([[2.0, 3.0, 5.0]])
    relu = act.get_activation("relu")
    np.testing.assert_array_equal(relu.backward(z, relu.forward(z), grad_a), [[0.0, 0.0, 5.0]])
    leaky = act.get_activation("leaky_relu")
    assert leaky.slope == 0.01 and repr(leaky) == "Activation('leaky_relu')"
    np.testing.assert_allclose(leaky.backward(z, leaky.forward(z), grad_a), [[0.02, 0.03, 5.0]])
    np.testing.assert_allclose(leaky.forward(z), [[-0.01, 0.0, 2.0]])


def test_the_activation_table():
    table = act.ACTIVATIONS
    assert list(table) == ["sigmoid", "tanh", "relu", "leaky_relu", "identity", "softmax"]
    assert [name for name, row in table.items() if not row.elementwise] == ["softmax"]
    assert [name for name, row in table.items() if not row.from_scratch] == ["leaky_relu"]
    assert [row.latex for row in table.values()] == [
        r"\sigma",
        r"\tanh",
        r"\operatorname{ReLU}",
        r"\operatorname{LeakyReLU}",
        None,
        None,
    ]
    for name, row in table.items():
        layer = row.layer()
        assert layer.name == name and layer.function is row.function or name == "leaky_relu"


@pytest.mark.parametrize(
    "call, error, message",
    [
        (
            lambda: act.get_activation(3),
            TypeError,
            r"^get_activation: activation must be a name such as 'sigmoid', got int$",
        ),
        (
            lambda: act.get_activation("step", caller="Dense"),
            ValueError,
            r"^Dense: unknown activation 'step'; "
            r"choose one of 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'identity', 'softmax'$",
        ),
        (lambda: act.ACTIVATIONS["leaky_relu"].layer(0), ValueError, r"^leaky_relu: slope must be > 0, got 0$"),
        (lambda: act.sigmoid("z"), TypeError, r"^sigmoid: z must be a numeric array"),
        (lambda: act.relu_derivative(None), TypeError, r"^relu_derivative: z must be a numeric array"),
        (lambda: act.softmax(["a"]), TypeError, r"^softmax: z must hold numbers"),
    ],
)
def test_activations_name_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_float_arrays_take_the_quick_door_and_others_the_full_one():
    # A float64 prediction is not searched for NaN (a diverged run's loss is NaN, and fit reports that)...
    assert np.isnan(MSE()(np.array([[np.nan]]), np.array([[0.0]])))
    # ...while the targets always are, and any other array is converted to floats first.
    with pytest.raises(ValueError, match=r"^MSE: y_true contains NaN"):
        MSE()(np.array([[0.0]]), np.array([[np.nan]]))
    assert MSE()(np.array([[True]]), np.array([[False]])) == 1.0
    with pytest.raises(TypeError, match=r"^MSE: y_pred must be a numeric array"):
        MSE()("y", [[0.0]])


def test_at_z_needs_a_paired_activation():
    class Unpaired(MSE):
        paired_activation = None

    with pytest.raises(ValueError) as refused:
        Unpaired().gradient([[0.5]], [[1.0]], at_z=True)
    assert str(refused.value) == (
        "Unpaired.gradient: at_z=True needs a loss paired with an output activation; Unpaired has none"
    )


def test_the_paired_output_is_trusted_to_hold_probabilities():
    # train_step hands the paired activation's own output: it is not searched for values outside [0, 1].
    y_pred, y_true = np.array([[1.5, -0.5]]), np.array([[1.0, 0.0]])
    for loss in (CrossEntropy(), BinaryCrossEntropy()):
        checked, _ = loss._check(y_pred, y_true, "train_step", paired_output=True)
        assert checked is y_pred
        with pytest.raises(ValueError, match=r"^train_step: y_pred must hold probabilities"):
            loss._check(y_pred, y_true, "train_step")


@pytest.mark.parametrize(
    "name",
    [
        "sigmoid",
        "sigmoid_derivative",
        "tanh",
        "tanh_derivative",
        "relu",
        "relu_derivative",
        "leaky_relu",
        "leaky_relu_derivative",
        "identity",
        "identity_derivative",
        "softmax",
    ],
)
def test_every_activation_names_itself_when_given_text(name):
    with pytest.raises(TypeError, match=rf"^{name}: z must be a numeric array"):
        getattr(act, name)("z")


def test_softmax_backward_works_along_the_last_axis_like_softmax():
    # one sample written flat: the same numbers as the batch of one row
    layer = act.get_activation("softmax")
    z = np.array([0.0, np.log(3.0)])
    a = layer.forward(z)
    np.testing.assert_allclose(layer.backward(z, a, np.array([1.0, 0.0])), [0.1875, -0.1875], rtol=1e-14)


def test_activations_turn_other_arrays_into_floats():
    assert act.identity(np.array([1, 2])).dtype == np.float64
    np.testing.assert_allclose(act.sigmoid(np.array([True, False])), [1 / (1 + np.exp(-1.0)), 0.5], rtol=1e-15)


# --- annlib.metrics (read by training's history and the lessons' reports) ------------------------------


def test_labels_at_the_half_and_from_one_column():
    assert output_labels(np.array([[0.5], [0.51], [0.2]])).tolist() == [0, 1, 0]
    assert output_labels(np.array([[0.5], [0.51]])).dtype.kind == "i"
    assert to_labels([0.5, 0.75, 0.25]).tolist() == [0, 1, 0]  # probabilities: > 0.5 is class 1
    assert to_labels([0.5, 0.75]).dtype.kind == "i"
    assert to_labels([[2.0], [0.0]]).tolist() == [2, 0]  # a column of labels, not of probabilities
    assert to_labels([[0.5], [0.75]]).tolist() == [0, 1]
    assert to_labels([[0.0], [1.0]]).tolist() == [0, 1]  # one column of labels stays labels
    assert to_labels([2.0, 0.0, 1.0]).dtype.kind == "i" and to_labels([[0.2, 0.7, 0.1]]).tolist() == [1]
    assert to_labels([np.nan, 1.0])[1] == 1  # a NaN prediction is not refused here: it is a wrong label


def test_confusion_matrix_by_hand_and_its_bounds():
    counts = confusion_matrix([0, 2, 1, 2], [0, 1, 1, 2], n_classes=3)
    assert counts.tolist() == [[1, 0, 0], [0, 1, 1], [0, 0, 1]] and counts.dtype.kind == "i"
    assert confusion_matrix([0, 1], [1, 1]).tolist() == [[0, 0], [1, 1]]
    with pytest.raises(ValueError) as refused:
        confusion_matrix([0, 3, 5], [0, 1, 1], n_classes=3)
    assert str(refused.value) == "confusion_matrix: y_pred holds the label 3, expected labels 0 to 2 for n_classes=3"
    with pytest.raises(ValueError, match=r"^confusion_matrix: y_true holds the label 2, expected labels 0 to 1"):
        confusion_matrix([0, 1], [1, 2], n_classes=2)
    with pytest.raises(ValueError, match=r"^confusion_matrix: y_true holds the label -1,"):
        confusion_matrix([0, 1], [-1, 1], n_classes=2)
    with pytest.raises(TypeError, match=r"^confusion_matrix: n_classes must be a whole number, got 2.5$"):
        confusion_matrix([0, 1], [0, 1], n_classes=2.5)


@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda: to_labels(np.zeros((1, 1, 1))),
            r"^to_labels: values has shape \(1, 1, 1\), expected labels \(n_samples,\) "
            r"or outputs \(n_samples, n_outputs\)$",
        ),
        (lambda: to_labels("x"), r"^to_labels: values must be a numeric array"),
        (lambda: accuracy("x", [1]), r"^accuracy: y_pred must be a numeric array"),
        (lambda: accuracy([1], "x"), r"^accuracy: y_true must be a numeric array"),
        (lambda: confusion_matrix([1], "x"), r"^confusion_matrix: y_true must be a numeric array"),
        (lambda: mean_absolute_error("x", [1.0]), r"^mean_absolute_error: y_pred must be a numeric array"),
        (lambda: mean_absolute_error([1.0], "x"), r"^mean_absolute_error: y_true must be a numeric array"),
        (lambda: mean_absolute_error([1.0], [1.0, 2.0]), r"^mean_absolute_error: y_pred has shape \(1,\) but y_true"),
        (lambda: root_mean_squared_error("x", [1.0]), r"^root_mean_squared_error: y_pred must be a numeric array"),
        (lambda: root_mean_squared_error([1.0], "x"), r"^root_mean_squared_error: y_true must be a numeric array"),
        (
            lambda: root_mean_squared_error([1.0], [1.0, 2.0]),
            r"^root_mean_squared_error: y_pred has shape \(1,\) but y_true",
        ),
    ],
)
def test_metrics_name_bad_input(call, message):
    with pytest.raises((TypeError, ValueError), match=message):
        call()
