"""The checks of exercises 07 and 08: each passes the course's solution (twice, quietly, on other seeds too),
names every likely mistake with its own hint, refuses an answer that calls annlib's own version, and grades
only the part it checks (train and choose_learning_rate run with the course's earlier functions)."""

import copy
import inspect

import numpy as np
import pytest
from test_checks import minibatches, momentum_step, sgd_step  # the reference solutions of the earlier parts

from annlib import Network, fit, scratch
from annlib import checks as C
from annlib.checks import CheckFailed
from annlib.losses import BinaryCrossEntropy, CrossEntropy
from annlib.optimizers import SGD, Momentum
from annlib.scratch import backward, cost, forward, initialize, output_delta

# --- The course's solutions, written as the notebooks' solution cells are ------------------------------


def train_moons_classifier(X, y):
    network = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="sigmoid", rng=0)
    fit(network, X, y, BinaryCrossEntropy(), "adam", learning_rate=0.02, epochs=200, rng=0, progress=False)
    return network


def update(params, grads, learning_rate):
    return [(W - learning_rate * gW, b - learning_rate * gb) for (W, b), (gW, gb) in zip(params, grads)]


def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng, target_cost=None, patience=None):
    return _train(params, X, Y, activations, kind, learning_rate, epochs, batch_size, rng, target_cost, patience)


def _train(params, X, Y, activations, kind, learning_rate, epochs, batch_size, rng, target_cost, patience, slip=None):
    """The course's train, or one likely slip of it (slip names which)."""
    history, best, waited = [], np.inf, 0
    n = len(X)
    fixed, own_rng = rng.permutation(n), np.random.default_rng(0)
    for epoch in range(1, epochs + 1):
        if slip == "before":
            history.append(cost(forward(params, X, activations)[0], Y, kind))
        order = {"no_shuffle": np.arange(n), "shuffle_once": fixed, "global": np.random.permutation(n)}.get(
            slip, rng.permutation(n)
        )
        if slip == "fixed_rng":
            order = own_rng.permutation(n)
        if slip == "rng_shuffle":  # right, another way: shuffle an index array with rng
            order = np.arange(n)
            rng.shuffle(order)
        y_order = rng.permutation(n) if slip == "unpaired" else order
        step = n if slip == "full_batch" else batch_size
        stop = n - n % step if slip == "drop_last" else n
        batch_costs = []
        for start in range(0, stop, step):
            rows, y_rows = order[start : start + step], y_order[start : start + step]
            Y_hat, caches = forward(params, X[rows], activations)
            batch_costs.append(cost(Y_hat, Y[y_rows], kind))
            grads = backward(params, caches, output_delta(Y_hat, Y[y_rows], kind))
            new = update(params, grads, learning_rate)
            if slip != "not_kept":
                params = new
            if slip == "per_batch":
                history.append(cost(forward(params, X, activations)[0], Y, kind))
        epoch_cost = cost(forward(params, X, activations)[0], Y, kind)
        if slip == "eval_shuffled":  # right, another way: the cost of the whole set, in the shuffled order
            epoch_cost = cost(forward(params, X[order], activations)[0], Y[order], kind)
        if slip != "no_raise" and not np.isfinite(epoch_cost):
            raise FloatingPointError(f"the cost became {epoch_cost} in epoch {epoch}")
        if slip == "batch_mean":
            history.append(float(np.mean(batch_costs)))
        elif slip not in ("before", "per_batch"):
            history.append(epoch_cost)
        if slip == "late" and len(history) > 1:
            epoch_cost = history[-2]  # the rules read the previous epoch's cost: one epoch late
        if slip != "never" and target_cost is not None:
            if (epoch_cost < target_cost) if slip == "strict" else (epoch_cost <= target_cost):
                break
        improved = {"previous": epoch == 1 or epoch_cost < history[-2], "first": epoch == 1}.get(
            slip, epoch_cost < best
        )
        if improved:
            best = epoch_cost
            waited = waited if slip == "no_reset" else 0
        else:
            waited += 1
            if slip != "never" and patience is not None and waited >= patience - (slip == "early"):
                break
    return params, history


def _slip(name):
    def train(
        params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng, target_cost=None, patience=None
    ):
        return _train(
            params, X, Y, activations, kind, learning_rate, epochs, batch_size, rng, target_cost, patience, name
        )

    return train


def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
    best_rate, best_cost = None, np.inf
    for rate in rates:
        try:
            _, history = train(
                params, X, Y, activations, kind,
                learning_rate=rate, epochs=epochs, batch_size=batch_size, rng=copy.deepcopy(rng),
            )  # fmt: skip
            final = history[-1]
        except FloatingPointError:
            final = np.inf
        if np.isfinite(final) and final < best_cost:
            best_rate, best_cost = rate, final
    return best_rate


def _final_costs(params, X, Y, activations, kind, rates, epochs, batch_size, rng, *, fresh=True, same_rng=True):
    finals = []
    for rate in rates:
        try:
            params_run, history = train(
                params, X, Y, activations, kind, learning_rate=rate, epochs=epochs, batch_size=batch_size,
                rng=copy.deepcopy(rng) if same_rng else rng,
            )  # fmt: skip
            finals.append(history)
        except FloatingPointError:
            finals.append(None)
        if not fresh:
            params = params_run if finals[-1] is not None else params
    return finals


def _choose_by(key):
    def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
        histories = _final_costs(params, X, Y, activations, kind, rates, epochs, batch_size, rng)
        return rates[key(rates, histories)]

    return choose_learning_rate


def _last(histories):
    return [h[-1] if h and np.isfinite(h[-1]) else np.inf for h in histories]


def train_digits_from_scratch(X_train, Y_train, rng):
    activations = ["tanh", "softmax"]
    params = initialize([64, 32, 10], rng)
    params, _ = train(
        params, X_train, Y_train, activations, "cross_entropy", learning_rate=0.1, epochs=20, batch_size=16, rng=rng
    )
    return params, activations


def best_epoch(train_costs, val_costs):
    return int(np.argmin(val_costs)) + 1


SOLUTIONS = {
    "check_sgd_step": sgd_step,
    "check_momentum_step": momentum_step,
    "check_minibatches": minibatches,
    "check_moons_classifier": train_moons_classifier,
    "check_update": update,
    "check_train": train,
    "check_choose_learning_rate": choose_learning_rate,
    "check_digits_from_scratch": train_digits_from_scratch,
    "check_best_epoch": best_epoch,
}


@pytest.mark.parametrize("name", sorted(SOLUTIONS))
def test_the_solution_passes_twice_with_one_line_and_nothing_on_stderr(name, capfd):
    check = getattr(C, name)
    check(SOLUTIONS[name])
    check(SOLUTIONS[name])
    out, err = capfd.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert len(lines) == 2 and lines[0] == lines[1] and lines[0].startswith("\u2713 ")


@pytest.mark.parametrize("name", ["check_update", "check_train", "check_choose_learning_rate", "check_best_epoch"])
def test_other_seeds_also_pass(name, capsys):
    for seed in (1, 2, 701, 702, 801, 2026):
        getattr(C, name)(SOLUTIONS[name], seed=seed)
    assert capsys.readouterr().out.count("\u2713") == 6


def test_the_digits_from_scratch_clear_the_bar_on_many_seeds(capsys):
    for seed in (1, 801, 2026):
        C.check_digits_from_scratch(train_digits_from_scratch, seed=seed)
    assert capsys.readouterr().out.count("\u2713") == 3


def test_the_digits_pass_line_says_whose_functions_ran(capsys):
    # This module uses the course's initialize, forward, output_delta and backward, and its own update and train.
    C.check_digits_from_scratch(train_digits_from_scratch)
    out = capsys.readouterr().out
    assert out.endswith("with the course's initialize, forward, output_delta, backward\n"), out
    namespace = {"np": np}
    exec("from annlib.scratch import *", namespace)
    exec(inspect.getsource(train_digits_from_scratch), namespace)
    C.check_digits_from_scratch(namespace["train_digits_from_scratch"])
    assert "with the course's functions (annlib.scratch): paste yours" in capsys.readouterr().out


# --- Likely mistakes, each named by its own hint ------------------------------------------------------


def _digits_with_fit(X_train, Y_train, rng):
    network = Network.from_sizes([64, 32, 10], activation="tanh", output_activation="softmax", rng=0)
    fit(network, X_train, Y_train, CrossEntropy(), "adam", learning_rate=0.01, epochs=5, progress=False)
    return [(layer.W, layer.b) for layer in network], ["tanh", "softmax"]


def _digits_from_a_network(X_train, Y_train, rng):
    network = Network.from_sizes([64, 10], activation="softmax", rng=0)
    return [(layer.W, layer.b) for layer in network], ["softmax"]


MISTAKES = [
    ("check_sgd_step", lambda p, g, lr: SGD(lr).step(p, g), "uses annlib's Optimizer.step"),
    ("check_sgd_step", lambda p, g, lr: SGD(lr).update(p, g), "uses annlib's SGD.update"),
    ("check_momentum_step", lambda p, g, v, lr, m=0.9: Momentum(lr, m).update(p, g), "uses annlib's Momentum.update"),
    ("check_update", lambda p, g, lr: scratch.update(p, g, lr), "uses annlib's scratch.update"),
    ("check_train", scratch.train, "uses annlib's scratch.train"),
    ("check_train", _slip("rng_shuffle"), None),
    ("check_train", _slip("eval_shuffled"), None),
    ("check_choose_learning_rate", _choose_by(lambda rates, h: int(np.argmin(_last(h)))), None),
    ("check_digits_from_scratch", _digits_with_fit, "so this part scores no points"),  # Network or fit
    ("check_digits_from_scratch", _digits_from_a_network, "uses annlib's Network"),
]


@pytest.mark.parametrize("name, wrong, hint", MISTAKES, ids=[f"{n[6:]}-{i}" for i, (n, _, _) in enumerate(MISTAKES)])
def test_mistake_is_named_with_its_hint(name, wrong, hint, capfd):
    if hint is None:  # a right answer written another way passes
        getattr(C, name)(wrong)
        assert capfd.readouterr().out.startswith("\u2713 ")
        return
    with pytest.raises(CheckFailed) as info:
        getattr(C, name)(wrong)
    assert hint in str(info.value), str(info.value)
    assert len(str(info.value)) < 400
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_every_new_check_has_mistake_tests():
    named = {name for name, _, hint in MISTAKES if hint}
    in_catalogues = {"check_best_epoch"}  # ex08's mistakes are in its catalogue, tested in test_catalogue.py
    in_catalogues |= {"check_update", "check_train", "check_choose_learning_rate"}  # and ex07's
    assert named | in_catalogues >= set(SOLUTIONS) - {"check_minibatches", "check_moons_classifier"}


# --- train and choose_learning_rate grade only themselves ------------------------------------------


def test_train_is_graded_with_the_course_functions_whatever_the_learners_are(capsys):
    # Wrong earlier parts in the learner's notebook do not change train's verdict; they are restored after.
    namespace = {}
    exec(
        "import numpy as np\n"
        "def forward(params, X, activations):\n    raise RuntimeError('not finished')\n"
        "def update(params, grads, learning_rate):\n    return params\n",
        namespace,
    )
    namespace.update(backward=backward, output_delta=output_delta, cost=cost)
    exec(inspect.getsource(_train), namespace)  # the course's train, defined in the learner's notebook
    exec(
        "def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng, target_cost=None,"
        " patience=None):\n"
        "    return _train(params, X, Y, activations, kind, learning_rate, epochs, batch_size, rng, target_cost,"
        " patience)\n",
        namespace,
    )
    own_forward, own_update = namespace["forward"], namespace["update"]
    C.check_train(namespace["train"])
    assert capsys.readouterr().out.startswith("\u2713 train")
    assert namespace["forward"] is own_forward and namespace["update"] is own_update


def test_a_train_that_uses_its_own_minibatches_is_graded_with_the_course_version(capsys):
    namespace = {"forward": forward, "backward": backward, "output_delta": output_delta, "cost": cost, "np": np}
    namespace["update"] = update
    exec(
        "def minibatches(X, y, batch_size, rng):\n    yield X, y\n"  # a broken Part 3: one batch
        "def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng, target_cost=None,"
        " patience=None):\n"
        "    history, best, waited = [], np.inf, 0\n"
        "    for epoch in range(epochs):\n"
        "        for X_batch, Y_batch in minibatches(X, Y, batch_size, rng):\n"
        "            Y_hat, caches = forward(params, X_batch, activations)\n"
        "            grads = backward(params, caches, output_delta(Y_hat, Y_batch, kind))\n"
        "            params = update(params, grads, learning_rate)\n"
        "        c = cost(forward(params, X, activations)[0], Y, kind)\n"
        "        if not np.isfinite(c):\n            raise FloatingPointError(f'epoch {epoch + 1}')\n"
        "        history.append(c)\n"
        "        if target_cost is not None and c <= target_cost:\n            break\n"
        "        best, waited = (c, 0) if c < best else (best, waited + 1)\n"
        "        if patience is not None and waited >= patience:\n            break\n"
        "    return params, history\n",
        namespace,
    )
    C.check_train(namespace["train"])
    assert capsys.readouterr().out.startswith("\u2713 train")


def test_the_choice_is_graded_with_the_course_train_whatever_the_learners_is(capsys):
    namespace = {"np": np, "copy": copy}
    exec("def train(*args, **kwargs):\n    raise NotImplementedError()\n", namespace)
    namespace["_choose"] = choose_learning_rate.__code__
    exec(
        "def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):\n"
        "    best_rate, best_cost = None, np.inf\n"
        "    for rate in rates:\n"
        "        try:\n"
        "            final = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,"
        " batch_size=batch_size, rng=copy.deepcopy(rng))[1][-1]\n"
        "        except FloatingPointError:\n            final = np.inf\n"
        "        if np.isfinite(final) and final < best_cost:\n            best_rate, best_cost = rate, final\n"
        "    return best_rate\n",
        namespace,
    )
    C.check_choose_learning_rate(namespace["choose_learning_rate"])
    assert capsys.readouterr().out.startswith("\u2713 choose_learning_rate")


@pytest.mark.parametrize("name", ["check_update", "check_train", "check_choose_learning_rate", "check_best_epoch"])
def test_a_check_changes_nothing_around_it(name):
    import warnings

    errors, filters = np.geterr(), list(warnings.filters)
    names = {key: globals().get(key) for key in ("forward", "backward", "update", "output_delta", "cost", "train")}
    getattr(C, name)(SOLUTIONS[name])
    assert np.geterr() == errors and warnings.filters == filters
    assert {key: globals().get(key) for key in names} == names
    assert "minibatches" in globals() and globals()["minibatches"] is minibatches
