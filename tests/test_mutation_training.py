"""Training: one step and one epoch by hand, with a short last batch; divergence at its boundary; messages."""

import numpy as np
import pytest

from annlib import Dense, Network
from annlib.losses import MSE
from annlib.optimizers import SGD
from annlib.training import History, has_diverged, run_epoch, train_step


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
