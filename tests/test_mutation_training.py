"""Training: one step and one epoch by hand, with a short last batch; divergence at its boundary; messages.

Every branch of annlib/training.py is pinned by a value worked out by hand, a boundary point or an exact
message, so that `make mutation` finds no change to it that the tests miss.
"""

import math
import re
import sys
import types
import warnings

import numpy as np
import pytest

from annlib import Dense, Network, fit, training
from annlib.losses import MSE, BinaryCrossEntropy, CrossEntropy
from annlib.optimizers import SGD
from annlib.training import (
    EarlyStopping,
    History,
    TrainingDiverged,
    _diverged_message,
    _record,
    has_diverged,
    run_epoch,
    train_step,
)


def one_identity_neuron(weight=2.0):
    net = Network([Dense(1, 1, "identity", rng=0)])
    net.layers[0].W[...] = weight
    net.layers[0].b[...] = 0.0
    return net


def test_train_step_by_hand():
    # y_pred = 2x = (2, 6) against (1, 2): loss (1 + 16) / 2 = 8.5; dC/dz = 2 (y_pred - y) / 2 = (1, 4);
    # grad_W = 1*1 + 3*4 = 13, grad_b = 5; one SGD step of 0.1: W = 2 - 1.3 = 0.7, b = -0.5
    net = one_identity_neuron()
    value, y_pred = train_step(net, np.array([[1.0], [3.0]]), np.array([[1.0], [2.0]]), MSE(), SGD(0.1))
    assert value == 8.5 and y_pred.tolist() == [[2.0], [6.0]]
    np.testing.assert_allclose(net.layers[0].W, [[0.7]], rtol=1e-14)
    np.testing.assert_allclose(net.layers[0].b, [-0.5], rtol=1e-14)


def test_an_epoch_loss_weights_a_short_last_batch_by_its_size():
    # Batches of 3 over 10 examples: 3, 3, 3 and 1. With a step too small to move the weights, the epoch's
    # loss is the mean over the 10 examples of the loss at the starting weights, the last batch counting once.
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(10, 1)), rng.normal(size=(10, 1))
    net = one_identity_neuron(0.5)
    expected = MSE()(net.predict(X), y)
    assert run_epoch(net, X, y, MSE(), SGD(1e-300), 3, np.random.default_rng(1)) == pytest.approx(expected, rel=1e-12)


def test_divergence_at_its_boundary():
    net = one_identity_neuron()

    def history(*losses):
        h = History(classification=False, validation=False)
        for loss in losses:
            h.append(loss=loss)
        return h

    assert not has_diverged(history(1.0, 2.0), net, 2.0)  # exactly twice the first loss: not yet
    assert has_diverged(history(1.0, 2.0000001), net, 2.0)
    assert has_diverged(history(1.0, np.nan), net, 2.0) and has_diverged(history(1.0, np.inf), net, 2.0)
    assert has_diverged(history(0.0, 1e-11), net, 2.0)  # a first loss of 0 counts as 1e-12
    net.layers[0].W[...] = np.inf  # hidden behind a loss that did not fall
    assert has_diverged(history(1.0, 1.0), net, 2.0) and not has_diverged(history(1.0, 0.5), net, 2.0)


@pytest.mark.parametrize(
    "loss, optimizer, message",
    [
        ("mse", SGD(0.1), r"^train_step: loss must be an annlib loss such as MSE\(\), got str$"),
        (MSE(), "sgd", r"^train_step: optimizer must be an annlib optimizer such as SGD\(0.1\), got str$"),
    ],
)
def test_train_step_takes_objects(loss, optimizer, message):
    with pytest.raises(TypeError, match=message):
        train_step(one_identity_neuron(), np.zeros((1, 1)), np.zeros((1, 1)), loss, optimizer)


# --- every branch of training.py pinned by a value worked out by hand or an exact message ---


def history_of(*losses, classification=False, validation=False):
    h = History(classification=classification, validation=validation)
    for loss in losses:
        h.append(loss=loss)
    return h


def test_training_diverged_keeps_its_message_and_history():
    h = history_of(1.0)
    error = TrainingDiverged("fit: gone", h)
    assert isinstance(error, ValueError) and str(error) == "fit: gone" and error.history is h


def test_a_new_history_keeps_only_the_lists_it_needs():
    h = History(classification=True, validation=True)
    assert (h.loss, h.accuracy, h.val_loss, h.val_accuracy) == ([], [], [], [])
    assert h.stop_reason is None and h.best_epoch is None and h.message == "" and h.epochs == 0
    assert repr(h) == "History(no epochs)"
    h = History(classification=True, validation=False)
    assert (h.accuracy, h.val_loss, h.val_accuracy) == ([], None, None)
    h = History(classification=False, validation=True)
    assert (h.accuracy, h.val_loss, h.val_accuracy) == (None, [], None)
    h = History(classification=False, validation=False)
    assert (h.loss, h.accuracy, h.val_loss, h.val_accuracy) == ([], None, None, None)
    h.append(loss=2.0, accuracy=0.5, val_loss=1.0)  # the lists a regression run does not keep stay None
    assert (h.loss, h.accuracy, h.val_loss, h.epochs) == ([2.0], None, None, 1)


def test_history_repr_shows_the_last_epoch():
    h = History(classification=True, validation=True)
    h.append(loss=9.0, accuracy=0.1, val_loss=9.0, val_accuracy=0.1)
    h.append(loss=8.0, accuracy=0.2, val_loss=8.0, val_accuracy=0.2)
    h.append(loss=0.123456, accuracy=0.87654, val_loss=2.5e-5, val_accuracy=0.5)
    h.stop_reason = "tol"
    assert repr(h) == "History(epochs=3, loss=0.1235, accuracy=0.877, val_loss=2.5e-05, stopped by tol)"
    h = history_of(3.0, 2.0, 0.5)
    h.stop_reason = "epochs"
    assert repr(h) == "History(epochs=3, loss=0.5, stopped by epochs)"


def one_sigmoid_neuron(weight, n_outputs=1):
    net = Network([Dense(1, n_outputs, "sigmoid", rng=0)])
    net.layers[0].W[...] = weight
    net.layers[0].b[...] = 0.0
    return net


def test_train_step_starts_backward_at_z_where_the_output_is_paired_with_the_loss():
    # sigmoid(50) rounds to 1.0: through the sigmoid's derivative a(1 - a) = 0 the step would be 0; at z,
    # dC/dz = (y_pred - y) / n = 1, so W = 50 - 0.1 * 1 * 1 = 49.9 and b = -0.1.
    net = one_sigmoid_neuron(50.0)
    _, y_pred = train_step(net, np.array([[1.0]]), np.array([[0.0]]), BinaryCrossEntropy(), SGD(0.1))
    assert y_pred.tolist() == [[1.0]]
    np.testing.assert_allclose(net.layers[0].W, [[49.9]], rtol=1e-15)
    np.testing.assert_allclose(net.layers[0].b, [-0.1], rtol=1e-15)
    # binary cross-entropy on an identity output: dC/dy_pred = (p - y) / (p (1 - p)) = -0.5 / 0.25 = -2 at p = 0.5,
    # not dC/dz = p - y = -0.5: W = 0.5 + 0.1 * 2 = 0.7, b = 0.2
    net = Network([Dense(1, 1, "identity", rng=0)])
    net.layers[0].W[...], net.layers[0].b[...] = 0.5, 0.0
    train_step(net, np.array([[1.0]]), np.array([[1.0]]), BinaryCrossEntropy(), SGD(0.1))
    np.testing.assert_allclose(net.get_weights()[0], [[0.7]], rtol=1e-14)
    np.testing.assert_allclose(net.get_weights()[1], [0.2], rtol=1e-14)
    # MSE is paired with identity, not sigmoid: dC/dy_pred = 2 (1 - 0) = 2, times a(1 - a) = 0: no step
    net = one_sigmoid_neuron(50.0)
    train_step(net, np.array([[1.0]]), np.array([[0.0]]), MSE(), SGD(0.1))
    assert net.layers[0].W.tolist() == [[50.0]] and net.layers[0].b.tolist() == [0.0]


def test_one_batch_holding_everything_is_not_shuffled():
    X, y = np.array([[1.0], [3.0]]), np.array([[1.0], [2.0]])
    rng = np.random.default_rng(7)
    # the whole data set at once: train_step's loss at the starting weights, 8.5 (see above)
    assert run_epoch(one_identity_neuron(), X, y, MSE(), SGD(0.1), 2, rng) == 8.5
    assert rng.random() == np.random.default_rng(7).random()  # no permutation was drawn


class CountingSGD(SGD):
    def __init__(self, learning_rate):
        super().__init__(learning_rate)
        self.steps = 0

    def update(self, parameters, gradients):
        self.steps += 1
        super().update(parameters, gradients)


def test_an_epoch_stops_at_the_first_batch_whose_loss_is_not_finite():
    X, y = np.full((3, 1), 1e300), np.zeros((3, 1))  # y_pred = 2e300 is finite, its square is not
    optimizer = CountingSGD(0.1)
    with np.errstate(all="ignore"):
        value = run_epoch(one_identity_neuron(), X, y, MSE(), optimizer, 1, np.random.default_rng(0))
    assert value == np.inf and optimizer.steps == 1


def test_a_single_epoch_is_not_called_diverged_for_its_weights_alone():
    net = one_identity_neuron()
    net.layers[0].W[...] = np.inf
    assert not has_diverged(history_of(1.0), net, 2.0)  # nothing to compare the loss with yet
    assert has_diverged(history_of(1.0, 1.0), net, 2.0)
    assert not has_diverged(history_of(0.0, 2e-12), one_identity_neuron(), 2.0)  # exactly 2 * 1e-12


def test_early_stopping_counts_epochs_without_an_improvement_larger_than_tol():
    net = one_identity_neuron(2.0)
    early = EarlyStopping(tol=0.5, patience=2, restore_best=True)
    assert (early.tol, early.patience, early.restore_best) == (0.5, 2, True)
    assert (early.best, early.waited, early.best_weights) == (math.inf, 0, None)
    assert not early.should_stop(3.0, net)  # better than inf
    assert (early.best, early.waited) == (3.0, 0) and early.best_weights[0].tolist() == [[2.0]]
    net.layers[0].W[...] = 5.0
    assert not early.should_stop(2.5, net)  # exactly tol better: not an improvement
    assert (early.best, early.waited) == (3.0, 1) and early.best_weights[0].tolist() == [[2.0]]
    net.layers[0].W[...] = 6.0
    assert not early.should_stop(2.4, net)  # more than tol better: waiting starts again
    assert (early.best, early.waited) == (2.4, 0) and early.best_weights[0].tolist() == [[6.0]]
    net.layers[0].W[...] = 7.0
    assert not early.should_stop(2.4, net) and early.should_stop(2.0, net)  # the second epoch without
    h = history_of(3.0, 2.5, 2.4, 2.4, 2.0)
    early.restore(net, h)
    assert net.layers[0].W.tolist() == [[6.0]] and h.best_epoch == 3
    early.reset()
    assert (early.best, early.waited, early.best_weights) == (math.inf, 0, None)


def test_early_stopping_without_restore_best_keeps_no_weights_and_restores_nothing():
    net = one_identity_neuron(2.0)
    early = EarlyStopping(tol=0.0, patience=1)
    assert repr(early) == "EarlyStopping(tol=0, patience=1, restore_best=False)"
    assert not early.should_stop(1.0, net) and early.best_weights is None
    assert early.should_stop(1.0, net)  # equal is no improvement, and patience 1 stops at once
    net.layers[0].W[...] = 4.0
    h = history_of(1.0, 1.0)
    early.restore(net, h)
    assert net.layers[0].W.tolist() == [[4.0]] and h.best_epoch is None


def test_fit_diverges_by_hand_and_puts_back_the_last_sound_weights():
    # y = 2x on x = 1, target 0, SGD(1): dC/dz = 2 y_pred. Epoch 1: W = 2 - 4 = -2, b = -4, y_pred = -6,
    # loss 36; epoch 2: W = -2 + 12 = 10, b = -4 + 12 = 8, y_pred = 18, loss 324 = 9 times 36.
    X, y = [[1.0]], [[0.0]]
    net = one_identity_neuron(2.0)
    with pytest.raises(TrainingDiverged) as info:
        fit(net, X, y, MSE(), SGD(1.0), epochs=5, divergence_factor=5, progress=False)
    message = (
        "fit: training diverged at epoch 2: the loss became 324 (it started at 36) with learning rate 1. "
        "Lower the learning rate (try 0.1). The weights are those before epoch 2."
    )
    assert str(info.value) == message
    h = info.value.history
    assert h.loss == [36.0, 324.0] and h.stop_reason == "diverged" and h.message == message
    assert net.layers[0].W.tolist() == [[-2.0]] and net.layers[0].b.tolist() == [-4.0]
    # 324 is exactly 9 times 36: not yet diverged
    h = fit(one_identity_neuron(2.0), X, y, MSE(), SGD(1.0), epochs=2, divergence_factor=9, progress=False)
    assert h.loss == [36.0, 324.0] and h.stop_reason == "epochs"
    assert h.message == "fit: stopped after 2 epochs (epochs), loss 324"


def test_the_divergence_message_names_a_weight_gone_inf():
    net = one_identity_neuron()
    h = history_of(1.0, 2.0, 3e4)
    assert _diverged_message(h, net, SGD(0.5)) == (
        "fit: training diverged at epoch 3: the loss became 3e+04 (it started at 1) with learning rate 0.5. "
        "Lower the learning rate (try 0.05). The weights are those before epoch 3."
    )
    net.layers[0].b[...] = np.nan
    assert _diverged_message(h, net, SGD(0.5)).startswith(
        "fit: training diverged at epoch 3: a weight became inf or NaN (the loss 3e+04) (it started at 1)"
    )


def test_target_loss_is_reached_at_equality_and_the_callback_is_not_asked_again():
    calls = []
    h = fit(one_identity_neuron(2.0), [[1.0]], [[0.0]], MSE(), SGD(1.0), epochs=3, target_loss=36.0,
            callback=lambda epoch, history: calls.append(epoch), progress=False)  # fmt: skip
    assert h.loss == [36.0] and h.stop_reason == "target_loss" and calls == []
    assert h.message == "fit: stopped after 1 epochs (target_loss), loss 36"
    h = fit(one_identity_neuron(2.0), [[1.0]], [[0.0]], MSE(), SGD(1.0), epochs=1, target_loss=0.0, progress=False)
    assert h.stop_reason == "epochs"  # a target of 0 is allowed


def test_tol_zero_stops_after_patience_epochs_without_any_change():
    X, y = np.array([[1.0], [3.0]]), np.array([[1.0], [2.0]])
    h = fit(one_identity_neuron(2.0), X, y, MSE(), SGD(1e-300), epochs=10, tol=0.0, patience=2, progress=False)
    assert h.loss == [8.5, 8.5, 8.5] and h.stop_reason == "tol" and h.best_epoch is None
    h = fit(one_identity_neuron(2.0), X, y, MSE(), SGD(1e-300), epochs=10, tol=0.0, patience=2, restore_best=True,
            progress=False)  # fmt: skip
    assert h.best_epoch == 1
    given = EarlyStopping(tol=0.0, patience=1)
    h = fit(one_identity_neuron(2.0), X, y, MSE(), SGD(1e-300), epochs=10, early_stopping=given, patience=0,
            progress=False)  # fmt: skip
    assert h.epochs == 2  # the EarlyStopping's own patience; fit's shorthand is not read


def test_validation_data_as_a_list_gives_the_validation_accuracy():
    X, y = np.array([[1.0], [-1.0], [2.0], [-3.0]]), np.array([1.0, 1.0, 0.0, 0.0])
    net = one_sigmoid_neuron(1.0)
    h = fit(net, X[:2], y[:2], BinaryCrossEntropy(), SGD(1e-300), epochs=1, validation_data=[X, y], progress=False)
    # sigmoid(x) > 0.5 exactly where x > 0: labels 1, 0, 1, 0 against 1, 1, 0, 0
    assert h.accuracy == [0.5] and h.val_accuracy == [0.5]
    assert h.val_loss == [pytest.approx(BinaryCrossEntropy()(net.predict(X), y[:, None]), rel=1e-15)]


def test_record_keeps_a_loss_that_is_not_finite_from_the_epoch():
    net = one_identity_neuron()
    X, y = np.array([[1.0], [3.0]]), np.array([[1.0], [2.0]])
    h = history_of()
    _record(h, net, MSE(), X, y, None, running=np.inf)
    _record(h, net, MSE(), X, y, None, running=7.0)  # a finite batch loss is not the end-of-epoch loss
    _record(h, net, MSE(), X, y, None)
    assert h.loss == [np.inf, 8.5, 8.5]


@pytest.mark.parametrize(
    "y, loss, message",
    [
        (np.zeros((20, 2)), MSE(),
         "fit: y has shape (20, 2), expected (20, 1) to match 20 examples and 1 network outputs"),
        (np.zeros(20), "softmax",
         "fit: y has shape (20,), expected (20, 2) to match 20 examples and 2 network outputs; "
         "turn labels into one-hot rows with annlib.datasets.one_hot(y)"),
        (np.zeros(20), "two outputs",
         "fit: y has shape (20,), expected (20, 2) to match 20 examples and 2 network outputs"),
        (np.full(20, np.nan), MSE(), "fit: y contains NaN at index (0,); every value must be finite"),
    ],
)  # fmt: skip
def test_fit_says_what_shape_y_must_have(y, loss, message):
    net = one_sigmoid_neuron(1.0)
    if loss == "softmax":
        net, loss = Network([Dense(1, 2, "softmax", rng=0)]), CrossEntropy()
    elif loss == "two outputs":
        net, loss = one_sigmoid_neuron(1.0, n_outputs=2), MSE()
    with pytest.raises(ValueError, match="^" + re.escape(message) + "$"):
        fit(net, np.zeros((20, 1)), y, loss, SGD(0.1), epochs=1, progress=False)


@pytest.mark.parametrize(
    "options, error, message",
    [
        (dict(X=np.zeros(20)), ValueError, "fit: X has shape (20,), expected a 2-D array (n_samples, n_features)"),
        (dict(validation_data=(np.zeros(5), np.zeros(5))), ValueError,
         "fit: X_val has shape (5,), expected a 2-D array (n_samples, n_features)"),
        (dict(validation_data=(np.zeros((5, 3)), np.zeros(5))), ValueError,
         "fit: X_val has shape (5, 3), expected (any, 1)"),
        (dict(validation_data=(np.full((5, 1), np.nan), np.zeros(5))), ValueError,
         "fit: X_val contains NaN at index (0, 0); every value must be finite"),
        (dict(validation_data=(np.zeros((5, 1)), np.full(5, np.inf))), ValueError,
         "fit: y_val contains inf at index (0,); every value must be finite"),
        (dict(validation_data=(np.zeros((5, 1)), np.zeros(4))), ValueError,
         "fit: y_val has shape (4, 1), expected (5, 1) to match 5 examples and 1 network outputs"),
        (dict(validation_data=(np.zeros((5, 1)),) * 3), TypeError,
         "fit: validation_data must be a pair (X_val, y_val), got tuple"),
        (dict(epochs=0), ValueError, "fit: epochs must be > 0, got 0"),
        (dict(divergence_factor="big"), TypeError, "fit: divergence_factor must be a number, got 'big'"),
        (dict(target_loss=-1), ValueError, "fit: target_loss must be >= 0, got -1"),
        (dict(tol=0.1, patience=2.5), TypeError, "fit: patience must be a whole number, got 2.5"),
        (dict(tol=0.1, restore_best=1), TypeError, "fit: restore_best must be True or False, got 1"),
        (dict(restore_best=True), ValueError, "fit: restore_best=True needs tol (and patience) to know when to stop"),
        (dict(early_stopping=EarlyStopping(), restore_best=True), ValueError,
         "fit: give either early_stopping or tol (with patience, restore_best), not both"),
        (dict(progress="yes"), ValueError, "fit: progress must be True, False or 'auto', got 'yes'"),
    ],
)  # fmt: skip
def test_fit_names_the_bad_option_exactly(options, error, message):
    options = {"progress": False, **options}  # a copy: the parameters are shared between runs
    X = options.pop("X", np.zeros((20, 1)))
    with pytest.raises(error, match="^" + re.escape(message) + "$"):
        fit(one_sigmoid_neuron(1.0), X, np.zeros(20), MSE(), SGD(0.1), epochs=options.pop("epochs", 1), **options)


def test_a_batch_larger_than_the_data_is_the_whole_data_at_once():
    X, y = np.array([[1.0], [3.0]]), np.array([[1.0], [2.0]])
    rng = np.random.default_rng(3)
    h = fit(one_identity_neuron(2.0), X, y, MSE(), SGD(0.1), epochs=1, batch_size=50, rng=rng, progress=False)
    # one full-batch step, W = 0.7 and b = -0.5 (see above): y_pred = (0.2, 1.6), loss (0.64 + 0.16) / 2
    assert h.loss == [pytest.approx(0.4, rel=1e-14)]
    assert rng.random() == np.random.default_rng(3).random()


def test_the_progress_line_is_closed_at_the_end_and_on_divergence(capsys):
    fit(one_identity_neuron(2.0), [[1.0]], [[0.0]], MSE(), SGD(1.0), epochs=2, progress=True)
    out = capsys.readouterr().out
    assert out.endswith("\n") and "epoch 2/2  loss 324" in out.splitlines()[-1]
    with pytest.raises(TrainingDiverged):
        fit(one_identity_neuron(2.0), [[1.0]], [[0.0]], MSE(), SGD(1.0), epochs=3, divergence_factor=5, progress=True)
    out = capsys.readouterr().out
    assert out.endswith("\n") and "epoch 2/3  loss 324" in out.splitlines()[-1]


def test_in_jupyter_kernel_looks_for_the_kernels_shell(monkeypatch):
    class ZMQInteractiveShell:
        pass

    class TerminalInteractiveShell:
        pass

    for shell, expected in ((ZMQInteractiveShell(), True), (TerminalInteractiveShell(), False), (None, False)):
        monkeypatch.setitem(sys.modules, "IPython", types.SimpleNamespace(get_ipython=lambda shell=shell: shell))
        assert training._in_jupyter_kernel() is expected
    monkeypatch.delitem(sys.modules, "IPython")
    assert training._in_jupyter_kernel() is False


@pytest.mark.parametrize(
    "progress, in_jupyter, expected",
    [(True, False, (False, 0.0)), (True, True, (True, 0.0)), ("auto", True, (True, 2.0)), ("auto", False, None),
     (False, True, None), (False, False, None)],
)  # fmt: skip
def test_progress_display_is_made_only_when_wanted(monkeypatch, progress, in_jupyter, expected):
    monkeypatch.setattr(training, "_in_jupyter_kernel", lambda: in_jupyter)
    display = training._progress_display(progress, 7)
    if expected is None:
        assert display is None
    else:
        assert display.epochs == 7 and (display.in_jupyter, display.show_after) == expected


def test_fit_defaults_plain_sgd_for_100_epochs_quietly(capsys):
    X, y = np.array([[1.0], [3.0]]), np.array([[1.0], [2.0]])
    net = one_identity_neuron(2.0)
    fit(net, X, y, MSE(), learning_rate=0.1, epochs=1)  # one SGD step of 0.1: W = 0.7, b = -0.5 (see above)
    np.testing.assert_allclose(net.get_weights()[0], [[0.7]], rtol=1e-14)
    h = fit(one_identity_neuron(2.0), X, y, MSE(), learning_rate=1e-300)
    assert h.epochs == 100 and h.stop_reason == "epochs" and h.best_epoch is None
    h = fit(one_identity_neuron(2.0), X, y, MSE(), learning_rate=1e-300, tol=0.0)  # patience 10
    assert h.epochs == 11 and h.stop_reason == "tol"
    assert capsys.readouterr().out == ""  # "auto" shows nothing outside Jupyter


def test_fit_calls_a_run_diverged_beyond_ten_thousand_times_its_first_loss_by_default():
    # y = 2x on x = 1, target 0: each SGD step multiplies y_pred by 1 - 4 lr = -4.6416, the loss by
    # 4.6416 ** 2; three epochs after the first, the loss is 4.6416 ** 6 = 10000.14 times the first.
    with pytest.raises(TrainingDiverged) as info:
        fit(one_identity_neuron(2.0), [[1.0]], [[0.0]], MSE(), SGD((1 + 4.6416) / 4), epochs=5)
    assert info.value.history.epochs == 4
    assert info.value.history.loss[3] / info.value.history.loss[0] == pytest.approx(10000.144344, rel=1e-9)


@pytest.mark.parametrize(
    "options, message",
    [
        (dict(loss="msee"), "fit: unknown loss 'msee'; use annlib.losses.MSE() or one of"),
        (dict(optimizer="sgdd", learning_rate=0.1), "fit: unknown optimizer 'sgdd'; choose one of"),
        (dict(rng="x"), "fit: rng must be a seed (int) or a numpy Generator, got str"),
    ],
)
def test_fit_names_itself_for_a_bad_loss_optimizer_or_rng(options, message):
    options = {"loss": MSE(), "optimizer": SGD(0.1), **options}
    with pytest.raises((ValueError, TypeError), match="^" + re.escape(message)):
        fit(one_identity_neuron(), [[1.0]], [[0.0]], epochs=1, progress=False, **options)


def test_early_stopping_defaults():
    assert repr(EarlyStopping()) == "EarlyStopping(tol=0, patience=10, restore_best=False)"


def test_a_loss_gone_inf_in_the_first_epoch_is_divergence_even_if_the_step_brought_it_back():
    # W = 1e200 on x = 1, target 0: the batch loss (1e200)**2 overflows, but dC/dz = 2e200 is finite and the
    # step of 0.25 lands on W = 5e199, b = -5e199, y_pred = 0. The epoch's inf is what counts.
    net = one_identity_neuron(1e200)
    with pytest.raises(TrainingDiverged) as info:
        fit(net, [[1.0]], [[0.0]], MSE(), SGD(0.25), epochs=3, progress=False)
    assert str(info.value) == (
        "fit: training diverged at epoch 1: the loss became inf (it started at inf) with learning rate 0.25. "
        "Lower the learning rate (try 0.025). The weights are those before epoch 1."
    )
    assert info.value.history.loss == [np.inf]
    assert net.layers[0].W.tolist() == [[1e200]] and net.layers[0].b.tolist() == [0.0]


def test_the_callback_sees_the_history_so_far():
    seen = []
    fit(one_identity_neuron(2.0), [[1.0]], [[0.0]], MSE(), SGD(1.0), epochs=2, progress=False,
        callback=lambda epoch, history: seen.append((epoch, list(history.loss))))  # fmt: skip
    assert seen == [(1, [36.0]), (2, [36.0, 324.0])]


def test_validation_labels_for_cross_entropy_get_the_one_hot_hint():
    net = Network([Dense(1, 2, "softmax", rng=0)])
    X, Y = np.zeros((4, 1)), np.eye(2)[[0, 1, 0, 1]]
    message = (
        "fit: y_val has shape (4,), expected (4, 2) to match 4 examples and 2 network outputs; "
        "turn labels into one-hot rows with annlib.datasets.one_hot(y)"
    )
    with pytest.raises(ValueError, match="^" + re.escape(message) + "$"):
        fit(net, X, Y, CrossEntropy(), SGD(0.1), epochs=1, validation_data=(X, np.zeros(4)), progress=False)


@pytest.mark.parametrize("case", ["overflow", "inf - inf"])
def test_a_diverging_run_raises_no_numpy_warning(case):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2))
    if case == "overflow":  # a divergence_factor too large to stop the run before its products overflow
        net = Network([Dense(2, 8, "relu", rng=0), Dense(8, 1, "identity", rng=1)])
        y, loss, options = rng.normal(size=(40, 1)), MSE(), dict(divergence_factor=1e300)
    else:  # the softmax of weighted sums gone inf subtracts inf from inf
        net = Network([Dense(2, 8, "relu", rng=0), Dense(8, 2, "softmax", rng=1)])
        y, loss, options = np.eye(2)[(X[:, 0] > 0).astype(int)], CrossEntropy(), {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # fit reports it once, as TrainingDiverged
        with pytest.raises(TrainingDiverged):
            fit(net, X, y, loss, SGD(1e6), epochs=50, progress=False, **options)


def test_regression_targets_are_never_read_as_class_labels():
    # whole numbers beyond the range of int64 cannot be cast to labels without a numpy warning
    X, y = np.array([[1.0], [3.0]]), np.full((2, 1), 1e20)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        h = fit(one_identity_neuron(), X, y, MSE(), SGD(1e-300), epochs=1, validation_data=(X, y), progress=False)
    assert h.accuracy is None and h.val_accuracy is None and h.loss == [pytest.approx(1e40)]
