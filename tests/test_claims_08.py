"""What lesson 08 (a project on real data) says about its outputs, recomputed with annlib.

Each test reruns the lesson's experiment and checks one sentence of its prose or of a figure's text
alternative. Where the sentence is about behaviour (a curve keeps falling, a network overfits), it is checked
for more starting points than the one the lesson shows, so that it does not hold by luck.
"""

import numpy as np
import pytest

import annlib
from annlib.datasets import Standardizer, load_diabetes, load_digits, one_hot, regression_1d, train_test_split
from annlib.losses import MSE, CrossEntropy
from annlib.metrics import accuracy, confusion_matrix, mean_absolute_error

SEEDS = range(5)


# Part 1: digits ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def digits_sets():
    """The lesson's three sets: a quarter for test, a fifth of the rest for validation, the rest to train."""
    digits = load_digits()
    X_rest, X_test, y_rest, y_test = train_test_split(digits.X, digits.y, test_fraction=0.25, rng=0)
    X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_fraction=0.2, rng=1)
    return {
        "digits": digits,
        "train": (X_train / 16.0, y_train),
        "val": (X_val / 16.0, y_val),
        "test": (X_test / 16.0, y_test),
    }


def _train_classifier(sets, seed):
    (X_train, y_train), (X_val, y_val) = sets["train"], sets["val"]
    classifier = annlib.Network.from_sizes([64, 32, 10], "tanh", "softmax", rng=seed)
    history = annlib.fit(
        classifier,
        X_train,
        one_hot(y_train, 10),
        "cross_entropy",
        "sgd",
        learning_rate=0.5,
        epochs=30,
        batch_size=32,
        rng=seed,
        validation_data=(X_val, one_hot(y_val, 10)),
        progress=False,
    )
    return classifier, history


@pytest.fixture(scope="module")
def classifiers(digits_sets):
    return {seed: _train_classifier(digits_sets, seed) for seed in SEEDS}


def test_digits_are_8x8_counts_from_0_to_16(digits_sets):
    X, y = digits_sets["digits"].X, digits_sets["digits"].y
    assert X.shape == (1797, 64)
    assert np.all(X == np.round(X)) and X.min() == 0 and X.max() == 16
    assert set(np.unique(y)) == set(range(10))


def test_first_30_digits_are_0_to_9_three_times(digits_sets):
    # the digit grid's text alternative: "0 to 9 three times over"
    assert list(digits_sets["digits"].y[:30]) == list(range(10)) * 3


def test_three_sets_split_the_digits_without_overlap(digits_sets):
    sizes = {name: len(digits_sets[name][1]) for name in ("train", "val", "test")}
    assert sizes == {"train": 1078, "val": 270, "test": 449}  # a quarter; a fifth of the rest; the rest
    # the same splits of the row numbers: no image is in two sets
    rows, labels = np.arange(1797), digits_sets["digits"].y
    rest, test, _, _ = train_test_split(rows, labels, test_fraction=0.25, rng=0)
    train, val, _, _ = train_test_split(rest, labels[rest], test_fraction=0.2, rng=1)
    assert np.array_equal(labels[test], digits_sets["test"][1])
    assert np.array_equal(labels[val], digits_sets["val"][1])
    assert sorted(np.r_[train, val, test]) == list(rows)


def test_softmax_cross_entropy_error_signal_is_p_minus_y_over_n():
    rng = np.random.default_rng(0)
    from annlib.activations import softmax

    p = softmax(rng.normal(size=(4, 10)))
    Y = one_hot(np.array([3, 0, 9, 3]), 10)
    gradient = CrossEntropy().gradient(p, Y, at_z=True)
    np.testing.assert_allclose(gradient, (p - Y) / 4, atol=1e-12)


@pytest.mark.parametrize("seed", SEEDS)
def test_training_loss_keeps_falling_validation_falls_more_slowly_and_ends_higher(classifiers, seed):
    _, history = classifiers[seed]
    loss, val = np.array(history.loss), np.array(history.val_loss)
    windows = loss.reshape(6, 5).mean(axis=1)  # the trend, five epochs at a time
    assert np.all(np.diff(windows) < 0)
    assert val[-1] < val[0] / 4  # the validation loss falls too
    assert val[0] / val[-1] < loss[0] / loss[-1]  # but by a smaller factor
    assert val[-1] > 2.5 * loss[-1]  # and ends several times higher


@pytest.mark.parametrize("seed", SEEDS)
def test_history_records_loss_and_accuracy_on_the_whole_training_set_after_each_epoch(digits_sets, classifiers, seed):
    classifier, history = classifiers[seed]
    X_train, y_train = digits_sets["train"]
    probabilities = classifier.predict(X_train)
    assert history.accuracy[-1] == pytest.approx(accuracy(probabilities, y_train), abs=1e-12)
    assert history.loss[-1] == pytest.approx(CrossEntropy()(probabilities, one_hot(y_train, 10)), rel=1e-9)


@pytest.mark.parametrize("seed", SEEDS)
def test_at_least_95_percent_on_the_test_digits(digits_sets, classifiers, seed):
    X_test, y_test = digits_sets["test"]
    classifier, _ = classifiers[seed]
    assert accuracy(classifier.predict(X_test), y_test) >= 0.95


@pytest.mark.parametrize("seed", SEEDS)
def test_few_scattered_mistakes_all_shown(digits_sets, classifiers, seed):
    X_test, y_test = digits_sets["test"]
    classifier, _ = classifiers[seed]
    counts = confusion_matrix(classifier.predict(X_test).argmax(axis=1), y_test, n_classes=10)
    mistakes = counts - np.diag(np.diag(counts))
    assert mistakes.max() <= 5  # "small counts scattered off" the diagonal
    assert mistakes.sum() <= 30  # plot_misclassified(max_images=30) shows every one


# Part 2: diabetes -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def diabetes_sets():
    diabetes = load_diabetes()
    X_rest, X_test, y_rest, y_test = train_test_split(diabetes.X, diabetes.y, test_fraction=0.2, rng=0)
    X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_fraction=0.2, rng=1)
    inputs, target = Standardizer().fit(X_train), Standardizer().fit(y_train)
    return {
        "inputs": inputs,
        "target": target,
        "train": (inputs.transform(X_train), target.transform(y_train)),
        "validation": (inputs.transform(X_val), target.transform(y_val)),
        "raw": (X_train, y_train, X_test, y_test),
    }


def _train_regressor(sets, seed):
    """Lesson 08, 2.4: keep the weights of the lowest validation loss, stop 30 epochs after it."""
    regressor = annlib.Network.from_sizes([10, 16, 1], "relu", "identity", rng=seed)
    best = {"val_loss": np.inf, "epoch": 0, "weights": None}

    def keep_best(epoch, history):
        if history.val_loss[-1] < best["val_loss"]:
            best.update(val_loss=history.val_loss[-1], epoch=epoch, weights=regressor.get_weights())
        return epoch - best["epoch"] >= 30

    history = annlib.fit(
        regressor,
        *sets["train"],
        "mse",
        "sgd",
        learning_rate=0.01,
        epochs=400,
        batch_size=32,
        rng=seed,
        validation_data=sets["validation"],
        callback=keep_best,
        progress=False,
    )
    regressor.set_weights(best["weights"])
    return regressor, history, best["epoch"]


def _train_linear(sets, seed):
    linear = annlib.Network([annlib.Dense(10, 1, "identity", rng=seed)])
    annlib.fit(
        linear, *sets["train"], "mse", "sgd", learning_rate=0.05, epochs=100, batch_size=32, rng=seed, progress=False
    )
    return linear


@pytest.fixture(scope="module")
def regressors(diabetes_sets):
    return {seed: _train_regressor(diabetes_sets, seed) for seed in SEEDS}


def _test_mae(sets, network):
    _, _, X_test, y_test = sets["raw"]
    y_hat = sets["target"].inverse_transform(network.predict(sets["inputs"].transform(X_test)))
    return mean_absolute_error(y_hat, y_test)


def test_diabetes_split_sizes(diabetes_sets):
    X_train, _, X_test, _ = diabetes_sets["raw"]
    assert (len(X_train), len(diabetes_sets["validation"][0]), len(X_test)) == (283, 71, 88)


@pytest.mark.parametrize("seed", SEEDS)
def test_regression_training_loss_falls_and_validation_levels_off_well_above(regressors, seed):
    _, history, best_epoch = regressors[seed]
    loss, val = np.array(history.loss), np.array(history.val_loss)
    assert history.epochs == min(best_epoch + 30, 400)  # stops 30 epochs after the last improvement
    n = len(loss) // 10 * 10
    windows = loss[:n].reshape(-1, 10).mean(axis=1)
    assert np.all(np.diff(windows) < 0)  # falls, with small ups and downs
    assert val[0] - val[19] > val[19] - val[-1]  # quickly at first, then hardly
    assert val[-1] > 1.3 * loss[-1]  # well above the training loss


def test_regression_lesson_run_validation_flat_from_epoch_60_lowest_late(regressors):
    _, history, best_epoch = regressors[0]
    val = np.array(history.val_loss)
    assert val[59:].min() > 0.615 and val[59:].max() < 0.665  # "between 0.62 and 0.66"
    assert best_epoch > 80  # the lowest value comes late
    neighbours = np.r_[val[best_epoch - 11 : best_epoch - 1], val[best_epoch : best_epoch + 10]]
    assert neighbours.min() - val[best_epoch - 1] < 0.01  # barely lower than its neighbours


def test_regression_errors_against_baseline(diabetes_sets, regressors):
    _, y_train, _, y_test = diabetes_sets["raw"]
    baseline = mean_absolute_error(np.full_like(y_test, y_train.mean()), y_test)
    assert round(baseline) == 68
    assert round(_test_mae(diabetes_sets, regressors[0][0])) == 43


def test_linear_model_about_as_good_and_the_two_swap_places(diabetes_sets, regressors):
    differences = []
    for seed in SEEDS:
        network = _test_mae(diabetes_sets, regressors[seed][0])
        linear = _test_mae(diabetes_sets, _train_linear(diabetes_sets, seed))
        assert abs(network - linear) < 2.5 and max(network, linear) < 50
        differences.append(network - linear)
    assert min(differences) < 0 < max(differences)


def test_predictions_are_pulled_toward_the_middle(diabetes_sets, regressors):
    _, _, X_test, y_test = diabetes_sets["raw"]
    scaled_prediction = regressors[0][0].predict(diabetes_sets["inputs"].transform(X_test))
    y_hat = diabetes_sets["target"].inverse_transform(scaled_prediction)
    order = np.argsort(y_test.ravel())
    low, high = order[:20], order[-20:]
    assert y_hat.ravel()[low].mean() > y_test.ravel()[low].mean()
    assert y_hat.ravel()[high].mean() < y_test.ravel()[high].mean()


# Part 3: overfitting ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sine_sets():
    return {
        "val": regression_1d(50, noise=0.4, rng=100),
        "test": regression_1d(200, noise=0.4, rng=200),
    }


def _train_on(sets, X, y, hidden, **stopping):
    network = annlib.Network.from_sizes([1, *hidden, 1], "tanh", "identity", rng=0)
    history = annlib.fit(
        network,
        X,
        y,
        "mse",
        "adam",
        learning_rate=0.01,
        epochs=1000,
        rng=0,
        validation_data=sets["val"],
        progress=False,
        **stopping,
    )
    return network, history


@pytest.fixture(scope="module")
def big_run(sine_sets):
    X_few, y_few = regression_1d(8, noise=0.4, rng=0)
    return (X_few, y_few, *_train_on(sine_sets, X_few, y_few, (32, 32)))


def test_sizes_of_the_overfitting_networks():
    assert annlib.Network.from_sizes([1, 32, 32, 1], "tanh", "identity", rng=0).n_parameters == 1153
    assert annlib.Network.from_sizes([1, 3, 1], "tanh", "identity", rng=0).n_parameters == 10


def test_big_network_passes_through_its_8_points_and_its_validation_loss_makes_a_u(big_run):
    X_few, y_few, big, history = big_run
    assert MSE()(big.predict(X_few), y_few) < 1e-3
    assert np.abs(big.predict(X_few) - y_few).max() < 0.05
    val = np.array(history.val_loss)
    lowest = int(np.argmin(val)) + 1
    assert 0.15 < val.min() < 0.25  # about 0.2
    assert lowest <= 500  # within the first few hundred epochs
    assert 0.8 < val[-1] < 1.2  # about 1
    assert 4.5 < val[-1] / val.min() < 5.5  # five times higher


def test_other_draws_give_deeper_or_shallower_us(sine_sets):
    ratios = []
    for seed in range(8):
        X, y = regression_1d(8, noise=0.4, rng=seed)
        _, history = _train_on(sine_sets, X, y, (32, 32))
        val = np.array(history.val_loss)
        ratios.append(val[-1] / val.min())
    ratios = np.array(ratios)
    assert np.all(ratios > 1.05)  # every draw ends above its lowest validation loss
    assert np.sum(ratios > 1.5) >= 5  # mostly far above: overfitting is likely
    assert np.any(ratios < 1.5)  # for some only a little above: not certain


def test_early_stopping_story(sine_sets, big_run):
    X_few, y_few, big, history_big = big_run
    stopped, history = _train_on(sine_sets, X_few, y_few, (32, 32), tol=1e-3, patience=100, restore_best=True)
    assert (history.epochs, history.best_epoch) == (163, 63)  # as the figure's text says
    val = np.array(history.val_loss)
    assert val[history.best_epoch - 1] - val.min() <= 1e-3  # the best epoch, up to tol
    # the longer run's validation loss would have crept a little lower (to about 0.21), so little is lost
    assert round(min(history_big.val_loss), 2) == 0.21
    assert 0 < val.min() - min(history_big.val_loss) < 0.03
    X_new, y_new = sine_sets["test"]
    assert MSE()(stopped.predict(X_few), y_few) > MSE()(big.predict(X_few), y_few)
    assert MSE()(big.predict(X_new), y_new) > 3 * MSE()(stopped.predict(X_new), y_new)  # several times lower


def test_more_data_or_a_smaller_network(sine_sets, big_run):
    X_few, y_few, _, history_big = big_run
    X_new, y_new = sine_sets["test"]
    assert history_big.val_loss[-1] > 3 * min(history_big.val_loss)
    for seed in range(300, 305):  # ten times more points: the validation loss rises only a little
        X_more, y_more = regression_1d(80, noise=0.4, rng=seed)
        network, history = _train_on(sine_sets, X_more, y_more, (32, 32))
        assert history.val_loss[-1] < 1.35 * min(history.val_loss)
        assert MSE()(network.predict(X_more), y_more) > 0.05  # it cannot pass through all of them
        assert MSE()(network.predict(X_new), y_new) < 0.3
    small, history = _train_on(sine_sets, X_few, y_few, (3,))
    assert history.val_loss[-1] < 1.1 * min(history.val_loss)  # ends near its lowest value
    assert np.abs(small.predict(X_few) - y_few).max() > 0.2  # it cannot reach every point
    assert MSE()(small.predict(X_new), y_new) < 0.3
