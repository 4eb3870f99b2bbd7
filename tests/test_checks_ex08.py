"""Exercise 08's checks on the mistakes that once passed or were misnamed: a batch scaled by its own maximum,
ties and the epoch count in best_epoch, seeds and rngs left unused, the confusion matrix read the wrong way,
and an error left in standardized or squared units. Each wrong answer fails visibly and is named."""

import numpy as np
import pytest

from annlib import Network, datasets, fit, scratch
from annlib import checks as C
from annlib.checks import CheckFailed


def _named(check, answer):
    with pytest.raises(CheckFailed) as info:
        check(answer)
    return info.value.mistakes


# --- scale_and_encode: the pixel scale is 16, whatever the batch's own maximum -------------------------


def test_a_batch_scaled_by_its_own_maximum_fails_on_faint_digits():
    with pytest.raises(CheckFailed) as info:
        C.check_scale_and_encode(lambda X, y: (X / X.max(), datasets.one_hot(y, 10)))
    assert info.value.mistakes == ("own_maximum",)
    assert "faint digits" in str(info.value)
    assert _named(C.check_scale_and_encode, lambda X, y: ((X - X.min()) / (X.max() - X.min()), np.eye(10)[y])) == (
        "own_maximum",
    )


# --- best_epoch: the earliest of tied minima, counted from 1, on the validation curve -------------------


def _loop(strict):
    def best_epoch(train_costs, val_costs):
        best = 0
        for epoch in range(len(val_costs)):
            if val_costs[epoch] < val_costs[best] or (not strict and val_costs[epoch] == val_costs[best]):
                best = epoch
        return best + 1

    return best_epoch


def test_best_epoch_keeps_the_earliest_of_tied_epochs(capsys):
    C.check_best_epoch(_loop(strict=True))
    C.check_best_epoch(lambda t, v: v.index(min(v)) + 1)
    assert capsys.readouterr().out.count("\u2713") == 2
    assert _named(C.check_best_epoch, _loop(strict=False)) == ("last_of_ties",)


@pytest.mark.parametrize(
    "wrong, key",
    [
        (lambda t, v: int(np.argmax(v)) + 1, "argmax"),
        (lambda t, v: int(np.argmin(v)), "zero_based"),
        (lambda t, v: int(np.argmin(t)) + 1, "training_curve"),
    ],
)
def test_best_epoch_names_argmax_the_count_from_zero_and_the_training_curve(wrong, key):
    assert _named(C.check_best_epoch, wrong) == (key,)


# --- seeds and rngs where the text asks for them --------------------------------------------------------


def _classifier(seed):
    def train_digits_classifier(X_train, Y_train):
        network = Network.from_sizes([64, 32, 10], activation="tanh", output_activation="softmax", rng=seed)
        fit(network, X_train, Y_train, "cross_entropy", "adam", learning_rate=0.01, epochs=5, batch_size=32,
            rng=seed, progress=False)  # fmt: skip
        return network

    return train_digits_classifier


def test_a_digit_classifier_without_seeds_is_named(capsys):
    C.check_digits_classifier(_classifier(seed=0))
    assert capsys.readouterr().out.startswith("\u2713 ")
    assert _named(C.check_digits_classifier, _classifier(seed=None)) == ("no_seed",)


def _from_scratch(init_rng, shuffle_rng):
    def train_digits_from_scratch(X_train, Y_train, rng):
        params = scratch.initialize([64, 32, 10], init_rng(rng))
        params, _ = scratch.train(params, X_train, Y_train, ["tanh", "softmax"], "cross_entropy", learning_rate=0.1,
                                  epochs=10, batch_size=16, rng=shuffle_rng(rng))  # fmt: skip
        return params, ["tanh", "softmax"]

    return train_digits_from_scratch


def test_the_rng_given_must_draw_the_weights_and_the_shuffles(capsys):
    C.check_digits_from_scratch(_from_scratch(lambda rng: rng, lambda rng: rng))
    if hasattr(np.random.Generator, "spawn"):  # numpy 1.25 on
        children = {}
        C.check_digits_from_scratch(
            _from_scratch(lambda rng: children.setdefault("pair", rng.spawn(2))[0], lambda rng: children.pop("pair")[1])
        )  # generators spawned from it count as using it
    assert capsys.readouterr().out.count("\u2713") == (2 if hasattr(np.random.Generator, "spawn") else 1)
    fixed = _from_scratch(lambda rng: np.random.default_rng(0), lambda rng: np.random.default_rng(0))
    assert _named(C.check_digits_from_scratch, fixed) == ("rng_ignored",)
    other = _from_scratch(lambda rng: rng, lambda rng: np.random.default_rng(1))
    assert _named(C.check_digits_from_scratch, other) == ("rng_not_for_shuffles",)


# --- most_confused: off the diagonal, (true, predicted), any of tied entries ----------------------------


def _most_confused(counts, last=False):
    pairs = [(counts[i, j], i, j) for i in range(len(counts)) for j in range(len(counts)) if i != j]
    best = max(c for c, _, _ in pairs)
    tied = [(i, j) for c, i, j in pairs if c == best]
    return tied[-1] if last else tied[0]


def test_most_confused_accepts_any_of_tied_entries(capsys):
    C.check_most_confused(_most_confused)
    C.check_most_confused(lambda c: _most_confused(c, last=True))
    assert capsys.readouterr().out.count("\u2713") == 2


@pytest.mark.parametrize(
    "wrong, key",
    [
        (lambda c: tuple(int(v) for v in np.unravel_index(np.argmax(c), c.shape)), "diagonal_included"),
        (lambda c: _most_confused(c)[::-1], "swapped"),
        (lambda c: _most_confused(c, last=True)[::-1], "swapped"),  # a tie read either way is still swapped
    ],
)
def test_most_confused_names_the_diagonal_and_the_order(wrong, key):
    assert _named(C.check_most_confused, wrong) == (key,)


# --- error_in_units: inverse transform, then the mean absolute error ------------------------------------


@pytest.mark.parametrize(
    "wrong, key",
    [
        (lambda p, y, s: np.mean(np.abs(p - y)), "not_inverted"),
        (lambda p, y, s: np.mean(np.abs(s.transform(p) - y)), "transform_instead"),
        (lambda p, y, s: np.mean((s.inverse_transform(p) - y) ** 2), "squared"),
        (lambda p, y, s: np.sqrt(np.mean((s.inverse_transform(p) - y) ** 2)), "root_mean_squared"),
    ],
)
def test_error_in_units_names_the_missing_inverse_and_the_squared_error(wrong, key):
    assert _named(C.check_error_in_units, wrong) == (key,)


# --- most_confused: counts, on both sides of the diagonal; error_in_units: shapes and the inverse ----------


def test_the_largest_share_of_a_row_is_not_the_most_confused_pair():
    def most_confused(counts):
        rates = counts / counts.sum(axis=1, keepdims=True)
        np.fill_diagonal(rates, 0)
        i, j = np.unravel_index(np.argmax(rates), rates.shape)
        return int(i), int(j)

    assert _named(C.check_most_confused, most_confused) == ("row_rates",)


def test_only_the_upper_triangle_is_not_told_it_read_row_by_row():
    def most_confused(counts):
        m = np.triu(counts, k=1)
        i, j = np.unravel_index(np.argmax(m), m.shape)
        return int(i), int(j)

    assert _named(C.check_most_confused, most_confused) == ("upper_only",)


def test_an_error_broadcast_to_every_pair_and_a_scale_divided_are_named():
    broadcast = lambda p, y, s: float(np.mean(np.abs(s.inverse_transform(p).ravel() - y)))  # noqa: E731
    divided = lambda p, y, s: float(np.mean(np.abs(p / s.std + s.mean - y)))  # noqa: E731
    assert _named(C.check_error_in_units, broadcast) == ("broadcast",)
    assert _named(C.check_error_in_units, divided) == ("divided_by_std",)


def test_a_transposed_one_hot_and_standardized_pixels_are_named():
    assert _named(C.check_scale_and_encode, lambda X, y: (X / 16, np.eye(10)[y].T)) == ("transposed_Y",)
    standardized = lambda X, y: ((X - X.mean(axis=0)) / (X.std(axis=0) + 1e-8), np.eye(10)[y])  # noqa: E731
    assert _named(C.check_scale_and_encode, standardized) == ("standardized_columns",)
