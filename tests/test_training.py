"""fit: learning, batches, stopping rules, divergence, progress, bad input."""

import numpy as np
import pytest

from annlib import Dense, Network, TrainingDiverged, fit
from annlib.datasets import one_hot, xor
from annlib.losses import MSE, BinaryCrossEntropy, CrossEntropy
from annlib.optimizers import SGD, Adam, Momentum
from annlib.training import EarlyStopping, run_epoch, train_step


def xor_network(seed=0):
    return Network([Dense(2, 8, "tanh", rng=seed), Dense(8, 1, "sigmoid", rng=seed + 1)])


def test_fit_learns_xor():
    X, y = xor(200, noise=0.1, rng=0)
    net = xor_network()
    history = fit(net, X, y, BinaryCrossEntropy(), Adam(0.05), epochs=200, batch_size=32, rng=0, progress=False)
    assert history.epochs == 200 and history.stop_reason == "epochs"
    assert history.loss[-1] < 0.1 < history.loss[0]
    assert history.accuracy[-1] > 0.97
    assert np.mean(net.predict_labels(X) == y) > 0.97


def test_fit_is_reproducible_with_a_seed():
    X, y = xor(100, rng=1)
    runs = [
        fit(
            xor_network(),
            X,
            y,
            "binary_cross_entropy",
            "sgd",
            learning_rate=0.5,
            epochs=5,
            batch_size=10,
            rng=3,
            progress=False,
        ).loss
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    other = fit(
        xor_network(),
        X,
        y,
        "binary_cross_entropy",
        "sgd",
        learning_rate=0.5,
        epochs=5,
        batch_size=10,
        rng=4,
        progress=False,
    ).loss
    assert other != runs[0]


def test_full_batch_gradient_descent_matches_a_hand_written_step():
    X, y = xor(20, rng=2)
    net, twin = xor_network(), xor_network()
    fit(net, X, y, MSE(), SGD(0.3), epochs=1, progress=False)
    out = twin.forward(X)
    twin.backward(MSE().gradient(out, y[:, None]))
    for p, g in zip(twin.parameters(), twin.gradients()):
        p -= 0.3 * g
    for a, b in zip(net.parameters(), twin.parameters()):
        np.testing.assert_allclose(a, b)


def test_batch_size_one_is_sgd_with_one_step_per_example():
    X, y = xor(12, rng=0)
    steps = []

    class CountingSGD(SGD):
        def update(self, parameters, gradients):
            steps.append(1)
            super().update(parameters, gradients)

    fit(xor_network(), X, y, MSE(), CountingSGD(0.1), epochs=2, batch_size=1, rng=0, progress=False)
    assert len(steps) == 24
    steps.clear()
    fit(xor_network(), X, y, MSE(), CountingSGD(0.1), epochs=2, batch_size=5, rng=0, progress=False)
    assert len(steps) == 6  # batches of 5, 5, 2


def test_stopping_rules():
    X, y = xor(100, rng=0)
    h = fit(xor_network(), X, y, BinaryCrossEntropy(), Adam(0.05), epochs=500, target_loss=0.3, rng=0, progress=False)
    assert h.stop_reason == "target_loss" and h.loss[-1] <= 0.3 and h.epochs < 500
    h = fit(
        xor_network(), X, y, BinaryCrossEntropy(), SGD(1e-6), epochs=500, tol=1e-3, patience=5, rng=0, progress=False
    )
    assert h.stop_reason == "tol" and h.epochs == 6  # the first epoch, then 5 without improvement
    h = fit(
        xor_network(),
        X,
        y,
        BinaryCrossEntropy(),
        SGD(0.1),
        epochs=50,
        callback=lambda epoch, history: epoch == 3,
        progress=False,
    )
    assert h.stop_reason == "callback" and h.epochs == 3


def test_tol_on_validation_loss_restores_the_best_weights():
    X, y = xor(120, noise=0.3, rng=0)
    net = Network([Dense(2, 32, "tanh", rng=0), Dense(32, 1, "sigmoid", rng=1)])
    kept = {}

    def remember(epoch, history):
        kept[epoch] = net.get_weights()

    h = fit(
        net,
        X[:40],
        y[:40],
        BinaryCrossEntropy(),
        Adam(0.05),
        epochs=400,
        tol=1e-4,
        patience=15,
        restore_best=True,
        validation_data=(X[40:], y[40:]),
        rng=0,
        progress=False,
        callback=remember,
    )
    assert h.stop_reason == "tol" and h.epochs < 400
    assert h.best_epoch == int(np.argmin(h.val_loss)) + 1
    for a, b in zip(net.get_weights(), kept[h.best_epoch]):
        np.testing.assert_array_equal(a, b)
    with pytest.raises(ValueError, match="fit: restore_best=True needs tol"):
        fit(net, X, y, MSE(), SGD(0.1), restore_best=True, progress=False)


def test_divergence_stops_restores_weights_and_says_lower_the_learning_rate():
    X, y = xor(100, rng=0)
    net = Network([Dense(2, 8, "relu", rng=0), Dense(8, 1, "identity", rng=1)])
    with pytest.raises(
        TrainingDiverged, match=r"fit: training diverged at epoch \d+.*Lower the learning rate \(try 5\)"
    ) as info:
        fit(net, X, y, MSE(), SGD(50.0), epochs=100, progress=False)
    history = info.value.history
    assert history.stop_reason == "diverged"
    assert all(np.isfinite(p).all() for p in net.parameters())
    assert len(history.loss) >= 1


@pytest.mark.parametrize("learning_rate", [2.0, 50.0])
def test_divergence_puts_back_exactly_the_weights_from_before_the_bad_epoch(learning_rate):
    X, y = xor(100, rng=0)
    net = Network([Dense(2, 8, "relu", rng=0), Dense(8, 1, "identity", rng=1)])
    kept = [net.get_weights()]  # the weights at the start of every epoch
    with pytest.raises(TrainingDiverged) as info:
        fit(
            net,
            X,
            y,
            MSE(),
            SGD(learning_rate),
            epochs=100,
            progress=False,
            callback=lambda epoch, history: kept.append(net.get_weights()),
        )
    bad_epoch = info.value.history.epochs
    assert len(kept) == bad_epoch  # the callback saw every sound epoch, and not the bad one
    for now, before in zip(net.get_weights(), kept[-1]):
        np.testing.assert_array_equal(now, before)
    if learning_rate == 2.0:
        assert bad_epoch > 1  # so the weights put back are not simply the starting ones


def test_divergence_is_silent_no_numpy_warnings(recwarn):
    X, y = xor(100, rng=0)
    net = Network([Dense(2, 8, "relu", rng=0), Dense(8, 1, "identity", rng=1)])
    with pytest.raises(TrainingDiverged):
        fit(net, X, y, MSE(), SGD(1e6), epochs=50, progress=False)
    assert len(recwarn) == 0


def test_validation_and_accuracy_history():
    X, y = xor(100, rng=0)
    h = fit(
        xor_network(),
        X[:80],
        y[:80],
        BinaryCrossEntropy(),
        Adam(0.05),
        epochs=3,
        validation_data=(X[80:], y[80:]),
        rng=0,
        progress=False,
    )
    assert len(h.val_loss) == len(h.val_accuracy) == len(h.accuracy) == 3
    assert "epochs=3" in repr(h) and "stopped by epochs" in repr(h)
    h = fit(xor_network(), X, y, MSE(), SGD(0.1), epochs=2, progress=False)
    assert h.accuracy is None and h.val_loss is None


def test_cross_entropy_with_one_hot_targets():
    X, y = xor(60, rng=0)
    net = Network([Dense(2, 8, "tanh", rng=0), Dense(8, 2, "softmax", rng=1)])
    h = fit(net, X, one_hot(y), CrossEntropy(), Adam(0.05), epochs=100, rng=0, progress=False)
    assert h.accuracy[-1] > 0.95


def test_progress_display_in_a_terminal(capsys):
    X, y = xor(20, rng=0)
    fit(xor_network(), X, y, MSE(), SGD(0.1), epochs=3, progress=True)
    out = capsys.readouterr().out
    assert "epoch 3/3" in out and "loss" in out
    fit(xor_network(), X, y, MSE(), SGD(0.1), epochs=3, progress=False)
    assert capsys.readouterr().out == ""


def test_fit_bad_input():
    X, y = xor(20, rng=0)
    net = xor_network()
    with pytest.raises(ValueError, match=r"fit: X has shape \(20, 3\), expected \(any, 2\)"):
        fit(net, np.zeros((20, 3)), y, MSE(), SGD(0.1), progress=False)
    with pytest.raises(ValueError, match=r"fit: y has shape \(19, 1\), expected \(20, 1\)"):
        fit(net, X, y[:19, None], MSE(), SGD(0.1), progress=False)
    with pytest.raises(ValueError, match="fit: X contains NaN"):
        fit(net, np.full((20, 2), np.nan), y, MSE(), SGD(0.1), progress=False)
    with pytest.raises(ValueError, match="fit: learning_rate must be > 0|SGD: learning_rate must be > 0"):
        fit(net, X, y, MSE(), "sgd", learning_rate=-1.0, progress=False)
    with pytest.raises(ValueError, match="fit: batch_size must be > 0, got 0"):
        fit(net, X, y, MSE(), SGD(0.1), batch_size=0, progress=False)
    with pytest.raises(TypeError, match="fit: epochs must be a whole number, got 2.5"):
        fit(net, X, y, MSE(), SGD(0.1), epochs=2.5, progress=False)
    softmax_net = Network([Dense(2, 2, "softmax", rng=0)])
    with pytest.raises(ValueError, match="one_hot"):
        fit(softmax_net, X, y, CrossEntropy(), SGD(0.1), progress=False)
    with pytest.raises(ValueError, match="fit: progress must be True, False or 'auto'"):
        fit(net, X, y, MSE(), SGD(0.1), progress="yes")


def test_history_loss_and_accuracy_are_the_training_sets_at_the_end_of_each_epoch():
    # 23 examples in batches of 5: the batches' losses, taken before each update, are not the end-of-epoch loss.
    X, y = xor(23, noise=0.3, rng=2)
    net = xor_network()
    at_the_end = []

    def measure(epoch, history):  # with the weights the epoch ended with, through public calls only
        y_pred = net.predict(X)
        at_the_end.append((BinaryCrossEntropy()(y_pred, y[:, None]), np.mean((y_pred[:, 0] > 0.5) == y)))

    h = fit(net, X, y, BinaryCrossEntropy(), Momentum(0.5), epochs=4, batch_size=5, rng=0, callback=measure,
            progress=False)  # fmt: skip
    assert h.loss == pytest.approx([loss for loss, _ in at_the_end], rel=1e-12)
    assert h.accuracy == [accuracy for _, accuracy in at_the_end]


def test_measuring_the_history_changes_no_weight_and_draws_no_random_number():
    X, y = xor(23, noise=0.3, rng=2)
    net, by_hand = xor_network(), xor_network()
    rng, rng_by_hand = np.random.default_rng(5), np.random.default_rng(5)
    fit(net, X, y, MSE(), SGD(0.3), epochs=3, batch_size=4, rng=rng, validation_data=(X, y), progress=False)
    optimizer = SGD(0.3)
    for _ in range(3):
        run_epoch(by_hand, X, y[:, None].astype(float), MSE(), optimizer, 4, rng_by_hand)
    for a, b in zip(net.get_weights(), by_hand.get_weights()):
        np.testing.assert_array_equal(a, b)
    assert rng.random() == rng_by_hand.random()


def test_early_stopping_object_and_shorthand_agree_and_it_starts_afresh_each_run():
    X, y = xor(60, noise=0.3, rng=0)
    options = dict(epochs=300, validation_data=(X[40:], y[40:]), rng=0, progress=False)
    shorthand = fit(xor_network(), X[:40], y[:40], BinaryCrossEntropy(), Adam(0.05), tol=1e-3, patience=5,
                    restore_best=True, **options)  # fmt: skip
    early = EarlyStopping(tol=1e-3, patience=5, restore_best=True)
    for _ in range(2):  # the same object twice: each run starts from no best loss
        given = fit(xor_network(), X[:40], y[:40], BinaryCrossEntropy(), Adam(0.05), early_stopping=early, **options)
        assert given.stop_reason == "tol" and given.loss == shorthand.loss
        assert given.best_epoch == shorthand.best_epoch == int(np.argmin(shorthand.val_loss)) + 1
    assert repr(early) == "EarlyStopping(tol=0.001, patience=5, restore_best=True)"


@pytest.mark.parametrize(
    "options, error, message",
    [
        (dict(tol=-0.1), ValueError, "fit: tol must be >= 0, got -0.1"),
        (dict(tol="small"), TypeError, "fit: tol must be a number, got 'small'"),
        (dict(target_loss="low"), TypeError, "fit: target_loss must be a number, got 'low'"),
        (dict(target_loss=float("nan")), ValueError, "fit: target_loss must be >= 0, got nan"),
        (dict(patience=0), ValueError, "fit: patience must be > 0, got 0"),
        (dict(restore_best="yes", tol=0.1), TypeError, "fit: restore_best must be True or False, got 'yes'"),
        (dict(early_stopping=5), TypeError, r"fit: early_stopping must be an EarlyStopping\(tol, patience\), got int"),
        (dict(early_stopping=EarlyStopping(), tol=0.1), ValueError, "fit: give either early_stopping or tol"),
        (dict(divergence_factor=0), ValueError, "fit: divergence_factor must be > 0, got 0"),
        (dict(callback="print"), TypeError, r"fit: callback must be a function callback\(epoch, history\), got str"),
        (dict(validation_data=np.zeros((4, 2))), TypeError, r"fit: validation_data must be a pair \(X_val, y_val\)"),
        (dict(batch_size=1.5), TypeError, "fit: batch_size must be a whole number, got 1.5"),
    ],
)
def test_fit_checks_every_option_and_names_itself(options, error, message):
    X, y = xor(20, rng=0)
    with pytest.raises(error, match=message):
        fit(xor_network(), X, y, MSE(), SGD(0.1), epochs=2, progress=False, **options)


def test_fit_takes_its_options_by_keyword_only():
    import inspect

    parameters = inspect.signature(fit).parameters.values()
    positional = [p.name for p in parameters if p.kind == p.POSITIONAL_OR_KEYWORD]
    assert positional == ["network", "X", "y", "loss", "optimizer"]
    with pytest.raises(TypeError):
        fit(xor_network(), *xor(20, rng=0), MSE(), SGD(0.1), 0.1)


def test_early_stopping_checks_its_arguments():
    with pytest.raises(ValueError, match="EarlyStopping: tol must be >= 0, got -1"):
        EarlyStopping(tol=-1)
    with pytest.raises(TypeError, match="EarlyStopping: patience must be a whole number, got 2.5"):
        EarlyStopping(patience=2.5)
    with pytest.raises(TypeError, match="EarlyStopping: restore_best must be True or False, got 1"):
        EarlyStopping(restore_best=1)


def test_train_step_checks_its_inputs_once_and_names_itself():
    X, y = xor(6, rng=0)
    net = xor_network()
    value, y_pred = train_step(net, X, y[:, None].astype(float), BinaryCrossEntropy(), SGD(0.1))
    assert y_pred.shape == (6, 1) and np.isfinite(value)
    with pytest.raises(ValueError, match=r"train_step: y_pred has shape \(6, 1\) but y_true has shape \(5, 1\)"):
        train_step(net, X, y[:5, None], BinaryCrossEntropy(), SGD(0.1))
    with pytest.raises(ValueError, match=r"train_step: y_true contains NaN"):
        train_step(net, X, np.full((6, 1), np.nan), BinaryCrossEntropy(), SGD(0.1))
    with pytest.raises(TypeError, match="train_step: loss must be an annlib loss such as MSE\\(\\), got str"):
        train_step(net, X, y[:, None], "mse", SGD(0.1))
    with pytest.raises(TypeError, match="train_step: optimizer must be an annlib optimizer such as SGD"):
        train_step(net, X, y[:, None], MSE(), "sgd")
    # an output that is not the loss's paired activation can give values a probability cannot have
    linear = Network([Dense(2, 1, "identity", rng=0)])
    with pytest.raises(ValueError, match=r"train_step: y_pred must hold probabilities in \[0, 1\]"):
        train_step(linear, 100 * X, y[:, None], BinaryCrossEntropy(), SGD(0.1))
