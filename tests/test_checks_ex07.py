"""Exercise 07's checks on the answers that its earlier checks judged wrongly: right answers they refused,
wrong ones they accepted (each answer is the corpus's, tests/corpus/ex07.py)."""

import numpy as np
import pytest

from annlib import Network, checks, fit
from annlib.checks import CheckFailed
from tests.corpus import load
from tests.corpus.ex07 import CORRECT, WRONG


def _wrong(check, key, index=0):
    return [source for k, source, *_ in WRONG[check] if k == key][index]


def _func(source, name):
    return load(source)[name]


NAMES = {
    "check_sgd_step": "sgd_step",
    "check_momentum_step": "momentum_step",
    "check_minibatches": "minibatches",
    "check_moons_classifier": "train_moons_classifier",
    "check_update": "update",
    "check_train": "train",
    "check_choose_learning_rate": "choose_learning_rate",
}

RIGHT = [
    ("check_train", 1),  # the output delta and the epoch's cost computed by hand
    ("check_moons_classifier", 1),  # two classes as a 2-unit softmax, one-hot targets
]


@pytest.mark.parametrize("check, index", RIGHT)
def test_a_right_answer_the_text_allows_passes(check, index, capsys):
    getattr(checks, check)(_func(CORRECT[check][index], NAMES[check]))
    assert capsys.readouterr().out.startswith("\u2713")


CAUGHT = [
    ("check_momentum_step", "momentum_ignored"),
    ("check_sgd_step", "list_items_replaced"),
    ("check_momentum_step", "list_items_replaced"),
    ("check_update", "list_items_replaced"),
    ("check_minibatches", "empty_last_batch"),
    ("check_minibatches", "no_shuffle"),
    ("check_minibatches", "unpaired"),
    ("check_minibatches", "drop_last"),
    ("check_minibatches", "order_not_from_rng"),
    ("check_train", "tie_improves"),
    ("check_train", "no_epoch_in_message"),
    ("check_train", "nan_only"),
    ("check_train", "rng_not_used"),
    ("check_choose_learning_rate", "lowest_not_final"),
    ("check_choose_learning_rate", "fixed_seed"),
    ("check_moons_classifier", "no_seed"),
]


@pytest.mark.parametrize("check, key", CAUGHT, ids=[f"{c[6:]}-{k}" for c, k in CAUGHT])
def test_a_wrong_answer_is_caught_and_its_mistake_named(check, key):
    with pytest.raises(CheckFailed) as info:
        getattr(checks, check)(_func(_wrong(check, key), NAMES[check]))
    assert info.value.mistakes == (key,), str(info.value)


def test_a_train_with_its_own_delta_that_unpairs_the_targets_is_not_told_it_reordered_x():
    # The delta computed by hand: the check cannot see the targets, so it judges the trained values.
    source = CORRECT["check_train"][1].replace("Y_hat - Y[rows]", "Y_hat - Y[rows[::-1]]")
    with pytest.raises(CheckFailed) as info:
        checks.check_train(_func(source, "train"))
    assert "different orders" not in str(info.value) and not info.value.mistakes
    assert "Y[batch]" in info.value.hint


def test_an_sgd_step_that_passes_changes_a_real_networks_weights():
    network = Network.from_sizes([2, 3, 1], rng=0)
    before = [p.copy() for p in network.parameters()]
    X, y = np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([[1.0], [0.0]])
    for answer in CORRECT["check_sgd_step"]:
        sgd_step = _func(answer, "sgd_step")
        network.forward(X)
        network.backward(network.output - y)
        sgd_step(network.parameters(), network.gradients(), 0.1)
        assert not all(np.array_equal(a, b) for a, b in zip(before, network.parameters()))
        before = [p.copy() for p in network.parameters()]
    assert fit  # the exercise's import, used by the moons answers


def test_an_sgd_or_momentum_step_may_scale_the_gradients_in_place(capsys):
    # The text asks nothing of grads in Parts 1 and 2, and a Network overwrites them at each backward.
    def sgd_step(params, grads, learning_rate):
        for p, g in zip(params, grads):
            g *= learning_rate
            p -= g

    def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
        for p, g, v in zip(params, grads, velocities):
            g *= learning_rate
            v *= momentum
            v -= g
            p += v

    checks.check_sgd_step(sgd_step)
    checks.check_momentum_step(momentum_step)
    assert capsys.readouterr().out.count("\u2713") == 2


MORE_CAUGHT = [  # slips named only since the catalogue grew (the corpus holds each)
    ("check_momentum_step", "moving_average"),
    ("check_momentum_step", "ascent"),
    ("check_momentum_step", "no_decay"),
    ("check_momentum_step", "nesterov"),
    ("check_minibatches", "permutation_per_batch"),
    ("check_minibatches", "batch_count"),
    ("check_minibatches", "slice_short"),
    ("check_update", "early_return"),
    ("check_train", "patience_ignored"),
    ("check_choose_learning_rate", "mean_cost"),
    ("check_choose_learning_rate", "highest_cost"),
]


@pytest.mark.parametrize("check, key", MORE_CAUGHT, ids=[f"{c[6:]}-{k}" for c, k in MORE_CAUGHT])
def test_a_common_slip_is_named_by_its_own_mistake_alone(check, key):
    with pytest.raises(CheckFailed) as info:
        getattr(checks, check)(_func(_wrong(check, key), NAMES[check]))
    assert info.value.mistakes == (key,), str(info.value)


def test_a_new_permutation_per_batch_is_not_told_to_avoid_rng_choice():
    with pytest.raises(CheckFailed) as info:
        checks.check_minibatches(_func(_wrong("check_minibatches", "permutation_per_batch"), "minibatches"))
    assert "with_replacement" not in info.value.mistakes and "rng.choice" not in info.value.hint
