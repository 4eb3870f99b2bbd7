"""Checks for exercise 07, optimizers and training (lesson 07): an SGD step, a momentum step, shuffled
mini-batches, and a network trained on the two moons."""

import copy

import numpy as np

from annlib import datasets, scratch, training
from annlib.checks._core import (
    CheckFailed,
    Ladder,
    check,
    fmt,
    is_number,
    rng_for,
    same,
    substitute,
    trained_network_outputs,
)
from annlib.metrics import accuracy as _accuracy
from annlib.optimizers import SGD, Momentum, Optimizer


def _params_and_grads(rng):
    params = [rng.normal(size=(3, 2)), rng.normal(size=2)]
    grads = [rng.normal(size=(3, 2)), rng.normal(size=2)]
    return params, grads


@check
def check_sgd_step(sgd_step, *, seed=0):
    """sgd_step(params, grads, learning_rate): w -= learning_rate * grad for every pair, in place."""
    ladder = Ladder(
        "sgd_step",
        sgd_step,
        error_hint="params and grads are lists of arrays in matching order: change each param array in place",
        twins=[("SGD.update", SGD.update), ("Optimizer.step", Optimizer.step)],
    )
    rng = rng_for(seed, 51)
    for learning_rate in (0.1, 0.5):
        params, grads = _params_and_grads(rng)
        start = [p.copy() for p in params]
        grads_before = [g.copy() for g in grads]
        ladder.call(params, grads, learning_rate)
        case = f"learning rate {learning_rate}"
        for before, after in zip(grads_before, grads):
            ladder.unchanged(before, after, "grads")
        if all(same(p, s, rtol=0, atol=0) for p, s in zip(params, start)):
            ladder.fail(
                f"the parameter arrays did not change ({case})",
                "`param = param - ...` makes a new array and leaves the list's array as it was; "
                "write param -= learning_rate * grad to change it in place",
            )
        for p, s, g in zip(params, start, grads):
            ladder.values(
                p,
                s - learning_rate * g,
                case=case,
                what="parameters after the step",
                mistakes=[
                    (s + learning_rate * g, "step against the gradient, downhill: param -= learning_rate * grad"),
                    (s - g, "scale the step by the learning rate: param -= learning_rate * grad"),
                ],
            )
    ladder.no_warnings()
    ladder.passed()


@check
def check_momentum_step(momentum_step, *, seed=0):
    """momentum_step(params, grads, velocities, learning_rate, momentum): v = momentum v - lr grad; w += v."""
    ladder = Ladder(
        "momentum_step",
        momentum_step,
        error_hint="params, grads and velocities are lists of arrays in matching order: change them in place",
        twins=[("Momentum.update", Momentum.update), ("Optimizer.step", Optimizer.step)],
    )
    rng = rng_for(seed, 52)
    learning_rate, momentum = 0.1, 0.9
    params, _ = _params_and_grads(rng)
    velocities = [np.zeros_like(p) for p in params]
    ref_params = [p.copy() for p in params]
    ref_velocities = [v.copy() for v in velocities]
    for step in (1, 2, 3):
        grads = [rng.normal(size=p.shape) for p in params]
        before = [p.copy() for p in params]
        ladder.call(params, [g.copy() for g in grads], velocities, learning_rate, momentum)
        plain_sgd = [b - learning_rate * g for b, g in zip(before, grads)]
        for v, p, g in zip(ref_velocities, ref_params, grads):
            v *= momentum
            v -= learning_rate * g
            p += v
        case = f"step {step} (learning rate {learning_rate}, momentum {momentum})"
        for v, ref in zip(velocities, ref_velocities):
            if same(v, np.zeros_like(v), rtol=0, atol=0):
                ladder.fail(
                    f"the velocities are still zero after {case}",
                    "update each velocity in place (v *= momentum; v -= learning_rate * g), "
                    "so the next step remembers it",
                )
            ladder.values(
                v,
                ref,
                case=case,
                what="velocities",
                mistakes=[
                    (-ref, "the sign convention here: v = momentum * v - learning_rate * grad, then w += v"),
                ],
            )
        for p, ref, sgd in zip(params, ref_params, plain_sgd):
            ladder.values(
                p,
                ref,
                case=case,
                what="parameters",
                mistakes=[
                    (sgd, "that is a plain SGD step: add the velocity, w += v, after updating v"),
                ],
            )
    ladder.no_warnings()
    ladder.passed()


def _collect_batches(ladder, minibatches, X, y, batch_size, seed):
    result = ladder.call(X, y, batch_size, np.random.default_rng(seed))
    try:
        batches = list(result)
    except TypeError:
        ladder.fail(
            f"returned a {type(result).__name__}, expected batches to loop over",
            "yield X_batch, y_batch inside the loop (or return a list of pairs)",
        )
    pairs = []
    for item in batches:
        if not isinstance(item, (tuple, list)) or len(item) != 2:
            ladder.fail("each batch must be a pair (X_batch, y_batch)", "yield X[batch], y[batch]")
        pairs.append((ladder.array(item[0], what="X_batch"), ladder.array(item[1], what="y_batch")))
    return pairs


@check
def check_minibatches(minibatches, *, seed=0):
    """minibatches(X, y, batch_size, rng) -> (X_batch, y_batch) pairs: shuffled, every example once."""
    ladder = Ladder(
        "minibatches",
        minibatches,
        error_hint="order = rng.permutation(len(X)); for start in range(0, len(X), batch_size): ...",
    )
    n, batch_size = 23, 5
    y = np.arange(n, dtype=float)
    X = np.column_stack([y * 2, y * 2 + 1])  # row i holds 2i and 2i + 1, so a row tells its label
    X_before, y_before = X.copy(), y.copy()
    pairs = _collect_batches(ladder, minibatches, X, y, batch_size, seed)
    ladder.unchanged(X_before, X, "X")
    ladder.unchanged(y_before, y, "y")
    sizes = [len(b) for b, _ in pairs]
    expected_sizes = [5, 5, 5, 5, 3]
    seen = np.concatenate([yb.reshape(-1) for _, yb in pairs]) if pairs else np.zeros(0)
    if sizes and sum(sizes) == 20 and sizes == [5, 5, 5, 5]:
        ladder.fail(
            "the last 3 examples are missing (23 examples, batch_size 5)",
            "keep the smaller last batch: for start in range(0, n, batch_size)",
        )
    if sorted(seen.tolist()) != y.tolist():
        repeated = len(set(seen.tolist())) < len(seen)
        ladder.fail(
            f"the batches hold {len(seen)} examples, not each of the {n} examples exactly once",
            "draw a permutation (rng.permutation(n)); rng.choice or rng.integers repeats some examples"
            if repeated
            else "slice the shuffled order in steps of batch_size",
        )
    if sizes != expected_sizes:
        ladder.fail(f"batch sizes {sizes}, expected {expected_sizes}", "slice order[start:start + batch_size]")
    for Xb, yb in pairs:
        if Xb.shape != (len(yb), 2) or not same(Xb[:, 0], 2 * yb.reshape(-1), rtol=0, atol=0):
            ladder.fail(
                "X_batch and y_batch no longer match row by row",
                "shuffle once and index both with the same order: X[batch], y[batch]",
            )
    if same(seen, y, rtol=0, atol=0):
        ladder.fail(
            "the examples come in their original order",
            "shuffle with the rng you are given: order = rng.permutation(len(X))",
        )
    again = _collect_batches(ladder, minibatches, X, y, batch_size, seed)
    if len(again) != len(pairs) or not all(same(a[1], b[1], rtol=0, atol=0) for a, b in zip(again, pairs)):
        ladder.fail(
            "the same rng seed gave a different order",
            "use the rng argument (rng.permutation), not np.random or a new default_rng()",
        )
    ladder.passed(f"{n} examples in batches of {sizes}, shuffled, X and y paired")


@check
def check_moons_classifier(train_moons_classifier, *, seed=0):
    """train_moons_classifier(X, y) -> a Network trained on the moons; >= 90% accuracy on new moons."""
    ladder = Ladder(
        "train_moons_classifier",
        train_moons_classifier,
        error_hint="build Network.from_sizes([2, ..., 1], ...) and train it with fit(...)",
    )
    X, y = datasets.moons(300, noise=0.15, rng=seed)
    X_test, y_test = datasets.moons(300, noise=0.15, rng=seed + 1000)
    network = ladder.call(X.copy(), y.copy())
    output = trained_network_outputs(ladder, network, X_test, shape=(len(X_test), 1), where="on new points")
    score = _accuracy(output, y_test)
    if score < 0.9:
        if score < 0.6:
            hint = "about chance level: is the network trained (fit) and is the output a sigmoid?"
        elif score < 0.88:
            hint = (
                "a straight line reaches about 85% on the moons: give the network a hidden layer "
                "with a nonlinear activation (e.g. 16 tanh neurons) and train longer"
            )
        else:
            hint = "nearly there: train for more epochs or with a larger learning rate"
        ladder.fail(f"accuracy {score:.1%} on 300 new moon points, expected at least 90%", hint)
    ladder.passed(f"{score:.1%} accuracy on 300 new moon points (90% needed)")


# --- The from-scratch track: update, train, and choosing a learning rate ----------------------------


def _network_params(rng, sizes):
    return [(rng.normal(size=(i, o)), rng.normal(size=o)) for i, o in zip(sizes, sizes[1:])]


def _copy_params(params):
    return [(np.array(W, dtype=float), np.array(b, dtype=float)) for W, b in params]


def _params_same(got, want):
    return all(same(np.asarray(g[0], float), w[0]) and same(np.asarray(g[1], float), w[1]) for g, w in zip(got, want))


def _read_params(ladder, result, like, *, what="the new params"):
    """The learner's params as a list of float (W, b) pairs shaped like `like`, after the type and shape rungs."""
    if result is None:
        ladder.fail(f"{what} is None", "did you forget `return`?")
    if not isinstance(result, (list, tuple)) or len(result) != len(like):
        got = f"a {type(result).__name__}"
        if isinstance(result, (list, tuple)):
            got += f" of {len(result)}"
        ladder.fail(
            f"{what} is {got}, expected a list of {len(like)} (W, b) pairs, one per layer",
            "one (W, b) pair per layer, first layer first, as params has them",
        )
    pairs = []
    for layer, (pair, (W, b)) in enumerate(zip(result, like), start=1):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            ladder.fail(f"layer {layer} of {what} is not a (W, b) pair", "each layer is a pair (W, b)")
        new_W, new_b = (ladder.array(value, what=f"layer {layer}'s {name}") for value, name in zip(pair, "Wb"))
        if new_W.shape == b.shape and new_b.shape == W.shape:
            ladder.fail(
                f"layer {layer} comes back as (b, W)",
                "keep each pair in the order params has it: (W, b)",
            )
        if new_W.shape != W.shape:
            ladder.fail(f"layer {layer}'s W has shape {new_W.shape}, expected {W.shape}")
        if new_b.shape != b.shape:
            hint = None
            if new_b.shape == W.shape:
                hint = "the gradients come in (grad_W, grad_b) pairs, in the same order as (W, b)"
            ladder.fail(f"layer {layer}'s b has shape {new_b.shape}, expected {b.shape}", hint)
        pairs.append((new_W, new_b))
    return pairs


UPDATE_TWINS = [("scratch.update", scratch.update), ("SGD.update", SGD.update), ("Optimizer.step", Optimizer.step)]


@check
def check_update(update, *, seed=0):
    """update(params, grads, learning_rate) -> new [(W - lr grad_W, b - lr grad_b), ...]; inputs unchanged."""
    ladder = Ladder(
        "update",
        update,
        error_hint="params holds (W, b) pairs and grads (grad_W, grad_b) pairs, one per layer, first layer first",
        twins=UPDATE_TWINS,
    )
    rng = rng_for(seed, 53)
    for sizes, learning_rate in (([3, 4, 2], 0.1), ([2, 5, 3, 1], 0.5)):
        params = _network_params(rng, sizes)
        grads = _network_params(rng, sizes)
        args = (_copy_params(params), _copy_params(grads), learning_rate)
        result = ladder.call(*args)
        case = f"a {'-'.join(map(str, sizes))} network, learning rate {learning_rate}"
        if not _params_same(args[0], params):
            ladder.fail(
                f"changed the arrays in params in place ({case})",
                "return new arrays (W - learning_rate * grad_W makes one); the caller's params must stay as they were",
            )
        if not _params_same(args[1], grads):
            ladder.fail(f"changed the arrays in grads ({case})", "read the gradients, do not change them")
        new = _read_params(ladder, result, params)
        for layer, ((new_W, new_b), (W, b), (gW, gb)) in enumerate(zip(new, params, grads), start=1):
            where = f"{case}, layer {layer}"
            ladder.values(
                new_W,
                W - learning_rate * gW,
                case=where,
                what="W",
                mistakes=[
                    (W + learning_rate * gW, "step against the gradient, downhill: W - learning_rate * grad_W"),
                    (W - gW, "scale the step by the learning rate: W - learning_rate * grad_W"),
                    (W - learning_rate * gb, "the gradients come in (grad_W, grad_b) pairs, as params has (W, b)"),
                    (W, "W did not change: subtract learning_rate * grad_W"),
                ],
            )
            ladder.values(
                new_b,
                b - learning_rate * gb,
                case=where,
                what="b",
                mistakes=[
                    (b, "the biases learn too: b - learning_rate * grad_b"),
                    (b + learning_rate * gb, "step against the gradient, downhill: b - learning_rate * grad_b"),
                    (b - gb, "scale the step by the learning rate: b - learning_rate * grad_b"),
                ],
            )
    ladder.no_warnings()
    ladder.passed()


class _Spies:
    """The course's forward, backward, update, output_delta and cost, recording what a learner's train does.

    Rows are told apart by their values (every row of X and of Y differs), so a batch's rows are known
    whatever way train cut them. script: costs to return for the whole data set, after 1, 2, ... epochs
    (an epoch being `per_epoch` updates); None computes the real cost.
    """

    def __init__(self, X, Y, *, script=None, per_epoch=1, start_cost=100.0):
        self.n = len(X)
        self.x_rows = {row.tobytes(): i for i, row in enumerate(np.asarray(X, dtype=float))}
        self.y_rows = {row.tobytes(): i for i, row in enumerate(np.asarray(Y, dtype=float))}
        self.script, self.per_epoch, self.start_cost = script, per_epoch, start_cost
        self.batches, self.y_batches, self.kinds, self.updates = [], [], [], 0
        self.replacements = {
            "forward": scratch.forward,
            "backward": self.backward,
            "update": self.update,
            "output_delta": self.output_delta,
            "cost": self.cost,
            "cost_gradient": scratch.cost_gradient,
            "minibatches": _course_minibatches,
        }

    def _rows(self, A, table):
        A = np.asarray(A, dtype=float)
        if A.ndim != 2:
            return []
        return [table.get(np.ascontiguousarray(row).tobytes(), -1) for row in A]

    def backward(self, params, caches, delta_output):
        self.batches.append(self._rows(caches[0][0], self.x_rows))
        return scratch.backward(params, caches, delta_output)

    def output_delta(self, Y_hat, Y, kind):
        self.y_batches.append(self._rows(Y, self.y_rows))
        self.kinds.append(kind)
        return scratch.output_delta(Y_hat, Y, kind)

    def update(self, params, grads, learning_rate):
        self.updates += 1
        return scratch.update(params, grads, learning_rate)

    def cost(self, Y_hat, Y, kind):
        if self.script is not None and sorted(self._rows(Y, self.y_rows)) == list(range(self.n)):  # all of Y
            epochs_done = self.updates // self.per_epoch
            return self.start_cost if epochs_done == 0 else self.script[min(epochs_done, len(self.script)) - 1]
        return scratch.cost(Y_hat, Y, kind)


def _course_minibatches(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        batch = order[start : start + batch_size]
        yield X[batch], y[batch]


TRAIN_TWINS = [
    ("scratch.train", scratch.train),
    ("fit", training.fit),
    ("training.run_epoch", training.run_epoch),
    ("training.train_step", training.train_step),
]


def _train_problem(rng, n, sizes, kind):
    X = rng.normal(size=(n, sizes[0]))
    if kind == "mse":
        Y = rng.normal(size=(n, sizes[-1]))
    else:  # one-hot rows would repeat; the rows stay told apart by a tiny, harmless smoothing
        labels = rng.integers(0, sizes[-1], size=n)
        Y = np.eye(sizes[-1])[labels] * (1 - 1e-3 * np.arange(1, n + 1)[:, None] / n)
        Y += (1 - Y.sum(axis=1, keepdims=True)) / sizes[-1]
    return X, Y


def _run_train(ladder, train, spies, params, X, Y, activations, kind, **options):
    args = (_copy_params(params), X.copy(), Y.copy(), list(activations), kind)
    with substitute(train, spies.replacements):
        result = ladder.call(*args, **options)
    if not _params_same(args[0], params):
        ladder.fail("changed the arrays of the params it was given", "update returns new params; keep the given ones")
    ladder.unchanged(X, args[1], "X")
    ladder.unchanged(Y, args[2], "Y")
    if result is None:
        ladder.fail("returned None, expected a pair (params, history)", "did you forget `return params, history`?")
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        ladder.fail(f"returned {fmt(result)}, expected a pair (params, history)", "end with `return params, history`")
    new = _read_params(ladder, result[0], params, what="the trained params")
    history = result[1]
    if isinstance(history, np.ndarray):
        history = history.tolist()
    if not isinstance(history, (list, tuple)) or not all(is_number(c) or isinstance(c, np.floating) for c in history):
        ladder.fail(f"history is {fmt(result[1])}, expected a list of numbers", "history.append(the epoch's cost)")
    return new, [float(c) for c in history]


def _replay(params, X, Y, activations, kind, learning_rate, epochs_batches):
    """What train must give for these batches: params, history, and the values of the likely slips."""
    n = len(X)
    history, before, weighted, plain = [], [], [], []
    for batches in epochs_batches:
        before.append(scratch.cost(scratch.forward(params, X, activations)[0], Y, kind))
        costs = []
        for rows in batches:
            Y_hat, caches = scratch.forward(params, X[rows], activations)
            costs.append((scratch.cost(Y_hat, Y[rows], kind), len(rows)))
            grads = scratch.backward(params, caches, scratch.output_delta(Y_hat, Y[rows], kind))
            params = scratch.update(params, grads, learning_rate)
        history.append(scratch.cost(scratch.forward(params, X, activations)[0], Y, kind))
        weighted.append(sum(c * k for c, k in costs) / n)
        plain.append(float(np.mean([c for c, _ in costs])))
    return params, history, before, weighted, plain


def _expected_sizes(n, batch_size):
    return [min(batch_size, n - start) for start in range(0, n, batch_size)]


def _epochs_of(ladder, spies, n, batch_size, epochs, history):
    """The batches of each epoch, after the rungs on how many updates, of which sizes, on which rows."""
    sizes = _expected_sizes(n, batch_size)
    per_epoch = len(sizes)
    updates, got_sizes = spies.updates, [len(b) for b in spies.batches]
    where = f"({n} examples, batch_size {batch_size}, {epochs} epochs)"
    if updates == 0:
        ladder.fail(
            f"train called update 0 times {where}",
            "take one step per batch with update(params, grads, learning_rate), the function of Part 5",
        )
    if len(history) == updates and updates != epochs:
        ladder.fail(
            f"history has {len(history)} costs, one per update {where}",
            "record the cost once per epoch, on the whole (X, Y), after the epoch's last update",
        )
    if len(history) != epochs:
        ladder.fail(f"history has {len(history)} costs, expected one per epoch: {epochs} {where}")
    if updates != len(spies.batches):
        ladder.fail(
            f"{updates} updates but {len(spies.batches)} backward passes {where}",
            "one forward, backward and update per batch",
        )
    if updates == epochs and got_sizes == [n] * epochs:
        ladder.fail(
            f"one update per epoch, on all {n} examples {where}",
            "take one update per mini-batch of batch_size examples: that is what makes it mini-batch SGD",
        )
    if got_sizes == [batch_size] * (n // batch_size) * epochs and n % batch_size:
        ladder.fail(
            f"the last {n % batch_size} examples of every epoch never make a batch {where}",
            f"keep the smaller last batch: {n} examples in batches of {batch_size} are {sizes}",
        )
    if got_sizes != sizes * epochs:
        ladder.fail(
            f"{updates} updates on batches of {got_sizes[: per_epoch + 1]}..., "
            f"expected {epochs} epochs of {sizes} {where}",
            "every epoch: the examples in a new order, cut into batches of batch_size, one update per batch",
        )
    epochs_batches = [spies.batches[e * per_epoch : (e + 1) * per_epoch] for e in range(epochs)]
    for batches in epochs_batches:
        seen = sorted(i for rows in batches for i in rows)
        if seen != list(range(n)):
            ladder.fail(
                f"an epoch's batches do not hold each of the {n} examples exactly once",
                "draw a permutation of 0..n-1 each epoch (rng.permutation); rng.choice or rng.integers repeat some",
            )
    if spies.y_batches != spies.batches:
        ladder.fail(
            "the targets of a batch are not those of its inputs: X and Y were put in different orders",
            "shuffle with one order and index both X and Y with it",
        )
    orders = [[i for rows in batches for i in rows] for batches in epochs_batches]
    if all(order == orders[0] for order in orders):
        if orders[0] == list(range(n)):
            ladder.fail(
                "the examples come in their original order every epoch",
                "shuffle them each epoch, with the rng you are given",
            )
        ladder.fail(
            "every epoch visits the examples in the same order",
            "draw a new order at the start of every epoch, not once before the loop",
        )
    return epochs_batches


def _stop_variants(script, target_cost, patience):
    """How many epochs train runs on the costs `script`: the rule, and the rules of the likely slips."""

    def run(rule):
        best, since = np.inf, 0
        for epoch, c in enumerate(script, start=1):
            if rule == "never":
                continue
            if target_cost is not None:
                if (c < target_cost) if rule == "strict" else (c <= target_cost):
                    return min(epoch + (rule == "late"), len(script))
                continue
            if rule == "previous":
                improved = epoch == 1 or c < script[epoch - 2]
            elif rule == "first":
                improved = epoch == 1
            else:
                improved = c < best
            if improved:
                best = min(best, c) if rule != "first" else c
                since = 0 if rule != "no_reset" else since
            else:
                since += 1
            if since >= patience + (rule == "late") - (rule == "early"):
                return epoch
        return len(script)

    return {rule: run(rule) for rule in ("right", "late", "early", "strict", "never", "previous", "first", "no_reset")}


STOP_HINTS = {  # in this order: the first slip that ran as many epochs is named
    "never": "stop once the cost is at most target_cost, or has not improved for patience epochs",
    "strict": "stop when the cost is at most target_cost: <=, not <",
    "late": "one epoch too many: check the rule right after recording the epoch's cost",
    "first": "count the epochs since the best cost so far, not since the first epoch",
    "early": "one epoch too few: stop when the cost has not improved on the best for patience epochs in a row",
    "previous": "compare with the best cost so far, not with the previous epoch's",
    "no_reset": "start counting again from 0 whenever the cost improves on the best",
}


def _check_stopping(ladder, train, rng, case, script, **rule):
    n, batch_size, sizes = 10, 5, [2, 3, 1]
    X, Y = _train_problem(rng, n, sizes, "mse")
    params = _network_params(rng, sizes)
    spies = _Spies(X, Y, script=script, per_epoch=2)
    options = dict(learning_rate=0.1, epochs=len(script), batch_size=batch_size, rng=np.random.default_rng(1))
    _, history = _run_train(ladder, train, spies, params, X, Y, ["tanh", "identity"], "mse", **options, **rule)
    variants = _stop_variants(script, rule.get("target_cost"), rule.get("patience"))
    ran = len(history)
    if spies.updates != 2 * ran:
        ladder.fail(
            f"history has {ran} costs but train took {spies.updates} updates, {spies.updates / 2:g} epochs ({case})",
            "record one cost per epoch, and stop right after the epoch that meets the rule",
        )
    if history != [float(c) for c in script[:ran]]:
        ladder.fail(
            f"history does not hold the cost on the whole (X, Y) after each epoch ({case})",
            "history.append(cost(forward(params, X, activations)[0], Y, kind)) after each epoch's updates",
        )
    if ran != variants["right"]:
        hint = next((text for rule, text in STOP_HINTS.items() if variants[rule] == ran), None)
        ladder.fail(f"stopped after {ran} epochs, expected {variants['right']} ({case})", hint)


def _check_diverging(ladder, train, rng):
    n, sizes = 10, [2, 3, 1]
    X, Y = _train_problem(rng, n, sizes, "mse")
    params = _network_params(rng, sizes)
    spies = _Spies(X, Y, script=[1.0, 0.5, np.nan, np.nan, np.nan], per_epoch=2)
    func = ladder.func

    def guarded(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except FloatingPointError:
            return "raised"

    ladder.func = guarded
    try:
        with substitute(func, spies.replacements):
            result = ladder.call(
                _copy_params(params), X, Y, ["tanh", "identity"], "mse",
                learning_rate=0.1, epochs=5, batch_size=5, rng=np.random.default_rng(2),
            )  # fmt: skip
    finally:
        ladder.func = func
    if not (isinstance(result, str) and result == "raised"):
        ladder.fail(
            "the cost became nan in epoch 3 and train did not raise FloatingPointError",
            "a cost that is not finite (np.isfinite) means the learning rate is too large: "
            "raise FloatingPointError, saying in which epoch",
        )


@check
def check_train(train, *, seed=0):
    """train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng, target_cost, patience).

    Run with the course's forward, backward, update, output_delta and cost, watched: so this grades train
    alone. Returns (params, history), history the cost on the whole (X, Y) after each epoch.
    """
    ladder = Ladder(
        "train",
        train,
        error_hint="target_cost and patience may be None: apply each rule only when it is given",
        twins=TRAIN_TWINS,
    )
    rng = rng_for(seed, 54)
    for n, batch_size, epochs, sizes, activations, kind in (
        (23, 5, 3, [2, 3, 2], ["tanh", "identity"], "mse"),
        (20, 8, 2, [3, 4, 3], ["sigmoid", "softmax"], "cross_entropy"),
    ):
        X, Y = _train_problem(rng, n, sizes, kind)
        params = _network_params(rng, sizes)
        options = dict(learning_rate=0.3, epochs=epochs, batch_size=batch_size)
        spies = _Spies(X, Y)
        new, history = _run_train(
            ladder, train, spies, params, X, Y, activations, kind, **options, rng=np.random.default_rng(seed)
        )
        if spies.kinds and any(k != kind for k in spies.kinds):
            ladder.fail(f"output_delta got kind {spies.kinds[0]!r}, expected {kind!r}", "pass kind on as it was given")
        epochs_batches = _epochs_of(ladder, spies, n, batch_size, epochs, history)
        want, want_history, before, weighted, plain = _replay(
            params, X, Y, activations, kind, options["learning_rate"], epochs_batches
        )
        case = f"{n} examples, {kind}, {epochs} epochs"
        if _params_same(new, params):
            ladder.fail(
                f"returned the params it was given, untrained ({case})",
                "update returns new params: params = update(params, grads, learning_rate)",
            )
        ladder.values(
            np.array(history),
            np.array(want_history),
            case=case,
            what="history",
            mistakes=[
                (before, "that is the cost before each epoch's updates: record it after the epoch's last update"),
                (weighted, "that is the mean of the batches' costs during the epoch: record the cost on the whole "
                 "(X, Y) after the epoch's last update"),
                (plain, "that is the mean of the batches' costs during the epoch: record the cost on the whole "
                 "(X, Y) after the epoch's last update"),
            ],
        )  # fmt: skip
        for layer, ((W, b), (want_W, want_b)) in enumerate(zip(new, want), start=1):
            ladder.values(W, want_W, case=f"{case}, layer {layer}", what="trained W")
            ladder.values(b, want_b, case=f"{case}, layer {layer}", what="trained b")
        again = _Spies(X, Y)
        _run_train(ladder, train, again, params, X, Y, activations, kind, **options, rng=np.random.default_rng(seed))
        other = _Spies(X, Y)
        _run_train(
            ladder, train, other, params, X, Y, activations, kind, **options, rng=np.random.default_rng(seed + 1)
        )
        if again.batches != spies.batches or other.batches == spies.batches:
            ladder.fail(
                "the order of the examples does not come from the rng argument",
                "shuffle with the rng you are given (rng.permutation), not np.random or a new default_rng()",
            )
    script = [5.0, 4.0, 3.0, 2.5, 2.0, 1.5, 1.0, 0.5]
    _check_stopping(ladder, train, rng, "target_cost 2.2", script, target_cost=2.2)
    _check_stopping(ladder, train, rng, "target_cost 2.0, reached exactly in epoch 5", script, target_cost=2.0)
    falling = [5.0, 4.0, 3.0, 2.0, 2.5, 2.6, 2.7, 2.8, 2.9, 3.0]
    _check_stopping(ladder, train, rng, "patience 3, best in epoch 4", falling, patience=3)
    curve = [5.0, 3.0, 4.0, 3.5, 3.2, 3.1, 2.9, 2.8, 3.0, 3.3, 3.4, 3.5]
    _check_stopping(ladder, train, rng, "patience 3, best in epoch 2", curve, patience=3)
    bumpy = [5.0, 4.0, 4.5, 3.0, 3.5, 2.5, 2.6, 2.7, 2.4, 2.6, 2.7, 2.8, 2.9]
    _check_stopping(ladder, train, rng, "patience 2, the cost improving now and then", bumpy, patience=2)
    _check_diverging(ladder, train, rng)
    ladder.no_warnings()
    ladder.passed("batches, shuffling, updates, history and both stopping rules right")


class _TrainSpy:
    """train for choose_learning_rate's check: each rate's costs are given (or the course's train runs),
    and every call is recorded: the rate, the params it started from, the rng's state, the options."""

    def __init__(self, outcomes=None):
        self.outcomes, self.calls = outcomes, []

    def __call__(self, params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng, **rules):
        self.calls.append(
            {
                "rate": learning_rate,
                "params": _copy_params(params),
                "state": copy.deepcopy(rng.bit_generator.state) if isinstance(rng, np.random.Generator) else None,
                "options": (list(activations), kind, epochs, batch_size),
            }
        )
        if self.outcomes is None:
            return scratch.train(
                params, X, Y, activations, kind,
                learning_rate=learning_rate, epochs=epochs, batch_size=batch_size, rng=rng, **rules,
            )  # fmt: skip
        for _ in range(epochs):  # moves rng on as a real train does
            rng.permutation(len(X))
        outcome = self.outcomes.get(float(learning_rate))
        if outcome is None:
            raise ValueError(f"train: the rates to try are {sorted(self.outcomes)}, not {learning_rate!r}")
        if outcome == "diverges":
            raise FloatingPointError(
                f"train: the cost became inf in epoch 2; learning_rate={learning_rate} is too large, try a smaller one"
            )
        return [(W - learning_rate, b - learning_rate) for W, b in params], list(outcome[:epochs])


CHOOSE_CASES = [  # rates, each rate's costs after each epoch ("diverges": train raises), the best rate
    (
        [0.01, 0.1, 0.5, 2.0],
        {0.01: [2.0, 1.9, 1.8, 1.7], 0.1: [1.5, 1.0, 0.6, 0.3], 0.5: [0.8, 0.7, 0.75, 0.72], 2.0: "diverges"},
        0.1,
    ),
    (
        [0.3, 0.003, 3.0, 0.03],
        {0.3: [0.6, 0.4, np.nan], 0.003: [1.0, 0.97, 0.94], 3.0: "diverges", 0.03: [0.9, 0.5, 0.3]},
        0.03,
    ),
]


def _choose_hint(got, rates, outcomes, best):
    finite = {r: o for r, o in outcomes.items() if o != "diverges"}
    if got == max(rates) and outcomes[got] == "diverges":
        return "the largest rate diverged: it is the worst, not the best"
    if got == min(rates):
        return "the smallest rate is the safest, but in a short run it learns slowest; compare the costs"
    if got in finite and not np.isfinite(finite[got][-1]):
        return "a cost that is not finite (nan or inf) counts as the worst; np.argmin and min() would pick nan"
    first = min(finite, key=lambda r: finite[r][0] if np.isfinite(finite[r][0]) else np.inf)
    if got == first:
        return "that rate had the lowest cost after the first epoch; judge each rate by its cost after the last epoch"
    return None


@check
def check_choose_learning_rate(choose_learning_rate, *, seed=0):
    """choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng) -> the best rate.

    Run with train replaced by one whose costs are given, or by the course's: this grades the choice alone.
    """
    ladder = Ladder(
        "choose_learning_rate",
        choose_learning_rate,
        error_hint="train once per rate, from the same params, and compare the last cost of each history",
    )
    rng = rng_for(seed, 55)
    X, Y = _train_problem(rng, 12, [2, 3, 1], "mse")
    params = _network_params(rng, [2, 3, 1])
    cases = [(rates, outcomes, best, 1 + int(rng.integers(0, 1000))) for rates, outcomes, best in CHOOSE_CASES]
    for rates, outcomes, best, case_seed in cases:
        epochs = len(next(o for o in outcomes.values() if o != "diverges"))
        spy = _TrainSpy(outcomes)
        args = (_copy_params(params), X.copy(), Y.copy(), ["tanh", "identity"], "mse", list(rates))
        options = dict(epochs=epochs, batch_size=4)
        case = f"rates {rates}"
        try:
            with substitute(choose_learning_rate, {"train": spy}):
                got = ladder.call(*args, **options, rng=np.random.default_rng(case_seed))
        except CheckFailed as failure:
            if failure.message.startswith("raised FloatingPointError"):
                ladder.fail(
                    f"{failure.message} ({case})",
                    "a rate that diverges makes train raise FloatingPointError: catch it (try/except) "
                    "and count that rate as the worst",
                )
            raise
        if not _params_same(args[0], params):
            ladder.fail(
                "changed the arrays of the params it was given", "train returns new params; keep the given ones"
            )
        tried = [call["rate"] for call in spy.calls]
        if sorted(map(float, tried)) != sorted(rates):
            ladder.fail(
                f"trained at the rates {tried}, expected each of {rates} once ({case})",
                "call train once for every rate in rates",
            )
        for call in spy.calls:
            if call["options"] != (["tanh", "identity"], "mse", epochs, 4):
                ladder.fail(
                    f"train was called with other activations, kind, epochs or batch_size than it was given ({case})",
                    "pass activations, kind, epochs and batch_size on to train as they are",
                )
        if any(not _params_same(call["params"], params) for call in spy.calls):
            ladder.fail(
                f"a later rate started from params an earlier rate had trained ({case})",
                "every rate must start from the same params: train returns new ones; start each run from the given",
            )
        states = [call["state"] for call in spy.calls]
        if any(state is None for state in states):
            ladder.fail(
                f"train got an rng that is not a np.random.Generator ({case})", "pass a Generator made from rng"
            )
        if any(state != states[0] for state in states):
            ladder.fail(
                f"the rates saw different shuffles: train moved the rng on between runs ({case})",
                "for a fair comparison give every run the same random order: a copy of rng in the same state "
                "(copy.deepcopy(rng)) for each",
            )
        if not is_number(got) and not isinstance(got, np.floating):
            ladder.fail(f"returned {fmt(got)}, expected one of the rates", "return the best rate itself, a number")
        got = float(got)
        if got not in [float(r) for r in rates]:
            ladder.fail(f"returned {got:g}, which is not one of {rates}", "return the best rate itself, not its index")
        if got != best:
            ladder.fail(
                f"chose {got:g}, expected {best:g}: " + ", ".join(_outcome_text(r, outcomes[r]) for r in rates),
                _choose_hint(got, rates, outcomes, best),
            )
    # The same experiment from another seed must give each run another order: the shuffles come from rng.
    first = _TrainSpy(CHOOSE_CASES[0][1])
    second = _TrainSpy(CHOOSE_CASES[0][1])
    for spy, case_seed in ((first, 1), (second, 2)):
        with substitute(choose_learning_rate, {"train": spy}):
            ladder.call(
                _copy_params(params), X.copy(), Y.copy(), ["tanh", "identity"], "mse", list(CHOOSE_CASES[0][0]),
                epochs=4, batch_size=4, rng=np.random.default_rng(case_seed),
            )  # fmt: skip
    if first.calls[0]["state"] == second.calls[0]["state"]:
        ladder.fail(
            "two different rng seeds gave train the same random state",
            "the shuffles must come from the rng argument (a copy of it), not from a new default_rng()",
        )
    # The course's own train, on a problem where the slow, the right and the diverging rate are far apart.
    X, Y = datasets.regression_1d(40, noise=0.1, rng=seed)
    params = scratch.initialize([1, 8, 1], np.random.default_rng(seed))
    rates = [0.001, 0.1, 20.0]
    with substitute(choose_learning_rate, {"train": _TrainSpy()}):
        got = ladder.call(
            _copy_params(params), X, Y, ["tanh", "identity"], "mse", rates,
            epochs=30, batch_size=10, rng=np.random.default_rng(seed),
        )  # fmt: skip
    if not is_number(got) or float(got) != 0.1:
        ladder.fail(f"chose {fmt(got)} from {rates} with the course's train, expected 0.1")
    ladder.no_warnings()
    ladder.passed(f"the best rate chosen in all {ladder.cases} experiments")


def _outcome_text(rate, outcome):
    if outcome == "diverges":
        return f"{rate:g} diverges"
    return f"{rate:g} ends at {outcome[-1]:g}"
