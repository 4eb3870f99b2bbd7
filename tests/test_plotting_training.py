"""Tests for annlib.plotting.training: loss curves, confusion matrices, digit grids, regression plots."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import annlib
from annlib.plotting import training as tp


def small_history(epochs=5, learning_rate=0.5):
    X, y = annlib.datasets.xor(40, rng=0)
    net = annlib.Network.from_sizes([2, 4, 1], "tanh", "sigmoid", rng=0)
    return annlib.fit(
        net, X, y, "binary_cross_entropy", learning_rate=learning_rate, epochs=epochs, progress=False, rng=0
    )


def test_all_is_accurate_and_exported_by_plotting():
    import annlib.plotting as plotting

    for name in tp.__all__:
        assert callable(getattr(tp, name))
        assert getattr(plotting, name) is getattr(tp, name)


def test_loss_curves_draw_one_line_per_run_with_the_losses():
    history = small_history(epochs=6)
    ax = tp.plot_loss_curves({"a": history, "b": [1.0, 0.5, 0.25]}, log_scale=False)
    lines = ax.get_lines()
    assert len(lines) == 2
    np.testing.assert_allclose(lines[0].get_ydata(), history.loss)
    np.testing.assert_allclose(lines[0].get_xdata(), np.arange(1, 7))
    np.testing.assert_allclose(lines[1].get_ydata(), [1.0, 0.5, 0.25])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]


def test_loss_curves_accept_a_single_history_a_list_and_a_list_of_histories():
    history = small_history(epochs=3)
    assert len(tp.plot_loss_curves(history).get_lines()) == 1
    assert len(tp.plot_loss_curves([3.0, 2.0]).get_lines()) == 1
    assert len(tp.plot_loss_curves([history, history]).get_lines()) == 2


def test_loss_curves_put_gradient_steps_on_the_x_axis():
    ax = tp.plot_loss_curves({"sgd": [1.0, 0.5]}, steps_per_epoch={"sgd": 40})
    np.testing.assert_allclose(ax.get_lines()[0].get_xdata(), [40, 80])
    assert ax.get_xlabel() == "gradient steps"


def test_loss_curves_uses_the_given_axes_and_a_log_scale_when_losses_span_a_lot():
    fig, ax = plt.subplots()
    assert tp.plot_loss_curves([1.0, 0.1], ax) is ax
    assert ax.get_yscale() == "log"
    assert tp.plot_loss_curves([0.70, 0.69]).get_yscale() == "linear"
    assert tp.plot_loss_curves([0.70, 0.69], log_scale=True).get_yscale() == "log"
    assert tp.plot_loss_curves([1.0, 0.01], log_scale=False).get_yscale() == "linear"


def test_validation_curve_is_dashed():
    X, y = annlib.datasets.moons(60, rng=1)
    net = annlib.Network.from_sizes([2, 3, 1], "tanh", "sigmoid", rng=0)
    history = annlib.fit(
        net, X[:40], y[:40], "binary_cross_entropy", epochs=4, progress=False, validation_data=(X[40:], y[40:])
    )
    ax = tp.plot_loss_curves({"moons": history}, validation=True)
    assert [line.get_linestyle() for line in ax.get_lines()] == ["-", "--"]
    np.testing.assert_allclose(ax.get_lines()[1].get_ydata(), history.val_loss)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["moons (training)", "moons (validation)"]


def test_a_diverged_run_stops_at_its_last_finite_loss_with_a_cross():
    ax = tp.plot_learning_rates({0.1: [1.0, 0.5], 10: [1.0, 30.0, np.inf]}, log_scale=False)
    lines = ax.get_lines()
    np.testing.assert_allclose(lines[1].get_ydata(), [1.0, 30.0])
    assert lines[2].get_marker() == "X"
    np.testing.assert_allclose(lines[2].get_ydata(), [30.0])
    assert "diverged" in [t.get_text() for t in ax.texts]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["learning rate 0.1", "learning rate 10"]


def test_learning_rates_with_a_real_training_diverged_history():
    X, y = annlib.datasets.regression_1d(30, rng=0)
    net = annlib.Network.from_sizes([1, 8, 1], "relu", "identity", rng=0)
    with pytest.raises(annlib.TrainingDiverged) as caught:
        annlib.fit(net, X * 50, y, "mse", learning_rate=5.0, epochs=30, progress=False)
    ax = tp.plot_learning_rates({5.0: caught.value.history}, x_label="iteration")
    assert ax.get_lines()[-1].get_marker() == "X"
    assert ax.get_xlabel() == "iteration"


def test_learning_rates_refuses_a_list():
    with pytest.raises(ValueError, match="plot_learning_rates"):
        tp.plot_learning_rates([[1.0, 0.5]])


def test_loss_panels_draw_one_panel_per_run():
    axes = tp.plot_loss_panels({"GD": [1.0, 0.5], "SGD": [1.0, 0.7, 0.2], "mini-batch": [2.0]})
    assert len(axes) == 3
    assert [ax.get_title() for ax in axes] == ["GD", "SGD", "mini-batch"]
    np.testing.assert_allclose(axes[1].get_lines()[0].get_ydata(), [1.0, 0.7, 0.2])


def test_loss_panels_checks_the_number_of_axes():
    fig, axes = plt.subplots(1, 2)
    with pytest.raises(ValueError, match="3 runs but 2 axes"):
        tp.plot_loss_panels({"a": [1], "b": [1], "c": [1]}, axes)


def test_bad_runs_are_named():
    with pytest.raises(ValueError, match="empty"):
        tp.plot_loss_curves({})
    with pytest.raises(TypeError, match="plot_loss_curves"):
        tp.plot_loss_curves({"a": "abc"})


def test_confusion_matrix_writes_every_count_in_its_cell():
    counts = annlib.metrics.confusion_matrix([0, 1, 1, 2, 2, 2], [0, 1, 2, 2, 2, 0], n_classes=3)
    ax = tp.plot_confusion_matrix(counts, class_names=["a", "b", "c"])
    texts = {(round(t.get_position()[1]), round(t.get_position()[0])): t.get_text() for t in ax.texts}
    for (i, j), value in np.ndenumerate(counts):
        assert texts[(i, j)] == str(value)
    np.testing.assert_array_equal(ax.images[0].get_array(), counts)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c"]
    assert ax.get_ylabel() == "true class"


def test_normalized_confusion_matrix_rows_sum_to_one():
    ax = tp.plot_confusion_matrix([[3, 1], [0, 4]], normalize=True)
    np.testing.assert_allclose(ax.images[0].get_array(), [[0.75, 0.25], [0.0, 1.0]])


def test_confusion_matrix_refuses_a_non_square_table():
    with pytest.raises(ValueError, match="square"):
        tp.plot_confusion_matrix(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="class names"):
        tp.plot_confusion_matrix(np.zeros((2, 2)), class_names=["a"])


def test_digit_grid_tiles_images_and_captions():
    digits = annlib.datasets.load_digits()
    ax = tp.plot_digit_grid(digits.X[:12], [str(d) for d in digits.y[:12]], n_columns=5)
    mosaic = ax.images[0].get_array()
    assert mosaic.shape == (3 * 12, 5 * 9 - 1)  # 3 rows with room for captions, 5 columns with 1-pixel gaps
    np.testing.assert_array_equal(mosaic[:8, :8], digits.X[0].reshape(8, 8))
    np.testing.assert_array_equal(mosaic[12:20, 9:17], digits.X[6].reshape(8, 8))
    assert np.ma.getmaskarray(mosaic)[8:12].all()  # the caption band stays blank (NaN, masked)
    assert [t.get_text() for t in ax.texts] == [str(d) for d in digits.y[:12]]


def test_digit_grid_checks_shapes():
    with pytest.raises(ValueError, match="square number"):
        tp.plot_digit_grid(np.zeros((2, 10)))
    with pytest.raises(ValueError, match="captions"):
        tp.plot_digit_grid(np.zeros((2, 64)), ["a"])


def test_misclassified_shows_only_the_wrong_ones():
    images = np.arange(5 * 64, dtype=float).reshape(5, 64)
    ax = tp.plot_misclassified(images, [0, 1, 2, 3, 4], [0, 7, 2, 3, 9])
    assert [t.get_text() for t in ax.texts] == ["1 -> 7", "4 -> 9"]
    np.testing.assert_array_equal(ax.images[0].get_array()[:8, :8], images[1].reshape(8, 8))
    assert ax.get_title().startswith("2 misclassified of 5")


def test_misclassified_accepts_probabilities_and_handles_none_wrong():
    probs = annlib.datasets.one_hot(np.array([0, 1]), 3)
    ax = tp.plot_misclassified(np.zeros((2, 64)), np.array([0, 1]), probs)
    assert ax.texts[0].get_text() == "no misclassified examples"
    with pytest.raises(ValueError, match="must match"):
        tp.plot_misclassified(np.zeros((3, 64)), [0, 1], [0, 1])


def test_predicted_vs_true_scatters_true_on_x_and_predictions_on_y():
    y_true = np.array([[100.0], [150.0], [200.0]])
    y_pred = np.array([[110.0], [140.0], [230.0]])
    ax = tp.plot_predicted_vs_true(y_pred, y_true, units="progression")
    np.testing.assert_allclose(ax.collections[0].get_offsets(), np.column_stack([y_true, y_pred]))
    np.testing.assert_allclose(ax.get_lines()[0].get_xdata(), [100.0, 230.0])
    assert ax.get_xlabel() == "true value (progression)"
    with pytest.raises(ValueError, match="must match"):
        tp.plot_predicted_vs_true([1.0, 2.0], [1.0])


def test_fit_1d_draws_what_each_network_computes_over_the_data():
    X, y = annlib.datasets.regression_1d(10, rng=0)
    first = annlib.Network.from_sizes([1, 4, 1], "tanh", "identity", rng=0)
    second = annlib.Network.from_sizes([1, 4, 1], "tanh", "identity", rng=1)
    X_val, y_val = annlib.datasets.regression_1d(5, rng=1, low=-4.0, high=4.0)
    ax = tp.plot_fit_1d({"a": first, "b": second}, X, y, validation=(X_val, y_val), true_function=np.sin)
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert set(lines) == {"true curve", "a", "b"}
    x = lines["a"].get_xdata()
    # the curves span the training and the validation points, and are the networks' own outputs
    assert x.min() == pytest.approx(min(X.min(), X_val.min())) and x.max() == pytest.approx(max(X.max(), X_val.max()))
    np.testing.assert_allclose(lines["a"].get_ydata(), first.predict(x[:, None]).ravel())
    np.testing.assert_allclose(lines["b"].get_ydata(), second.predict(x[:, None]).ravel())
    np.testing.assert_allclose(lines["true curve"].get_ydata(), np.sin(x))
    training = [c for c in ax.collections if c.get_label() == "training points"][0]
    np.testing.assert_allclose(training.get_offsets(), np.column_stack([X.ravel(), y.ravel()]))
    assert "validation points" in [t.get_text() for t in ax.get_legend().get_texts()]
    plt.close("all")


def test_fit_1d_takes_one_network_and_its_axes_and_checks_shapes():
    X, y = annlib.datasets.regression_1d(6, rng=0)
    network = annlib.Network.from_sizes([1, 3, 1], "tanh", "identity", rng=0)
    _, ax = plt.subplots()
    assert tp.plot_fit_1d(network, X, y, ax) is ax
    with pytest.raises(ValueError, match="plot_fit_1d: 6 inputs but 5 targets"):
        tp.plot_fit_1d(network, X, y[:5])
    with pytest.raises(ValueError, match="plot_fit_1d: network 'wide' has 2 inputs and 1 outputs, expected 1 and 1"):
        tp.plot_fit_1d({"wide": annlib.Network.from_sizes([2, 1], rng=0)}, X, y)
    with pytest.raises(ValueError, match="plot_fit_1d: networks must be"):
        tp.plot_fit_1d({}, X, y)
    plt.close("all")


def test_layer_gradients_draw_one_line_per_network_on_a_log_axis():
    sizes = {"small": [1e-6, 2e-6, 4e-6], "fine": [0.1, 0.2, 0.3]}
    ax = tp.plot_layer_gradients(sizes, title="sizes")
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["small", "fine"]
    np.testing.assert_allclose(lines[0].get_xdata(), [1, 2, 3])
    np.testing.assert_allclose(lines[1].get_ydata(), [0.1, 0.2, 0.3])
    assert ax.get_yscale() == "log"
    assert ax.get_title() == "sizes"
    plt.close("all")


def test_layer_gradients_refuse_sizes_a_log_axis_cannot_show():
    with pytest.raises(ValueError, match="plot_layer_gradients: 'zero' needs one positive size per layer"):
        tp.plot_layer_gradients({"zero": [0.1, 0.0]})
    with pytest.raises(ValueError, match="non-empty dict"):
        tp.plot_layer_gradients([0.1, 0.2])
    plt.close("all")
