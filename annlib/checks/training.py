"""Checks for exercise 07, optimizers and training (lesson 07): an SGD step, a momentum step, shuffled
mini-batches, a network trained on the two moons, and on the from-scratch track update, train and the choice
of a learning rate.

Each part's known mistakes are its catalogue (a list of `Mistake`). Where a wrong implementation can stand
for a mistake, a check names it only when it gives exactly what the learner's answer gave on every case.
The parts that train (the moons, train, choose_learning_rate) are judged rung by rung instead, on what
their calls to the course's functions show; each of their mistakes names the rung it fails (`_at`).
"""

import contextlib
import copy
import functools
import inspect
import io
import re
import warnings

import numpy as np

from annlib import datasets, scratch, training
from annlib.checks._core import Case, Mistake, Part, alike, check, fmt, is_number, rng_for, same, substitute
from annlib.losses import get_loss
from annlib.metrics import output_labels
from annlib.network import Network
from annlib.optimizers import SGD, Momentum, Optimizer

# The names the answers of Parts 6 and 7 call, as the notebook gives them; while a check runs an answer
# defined in this module (a catalogue's example), it binds its spies to these names as it does in a notebook.
from annlib.scratch import backward, cost, forward, output_delta, update
from annlib.training import fit  # the name a learner's notebook imports (the checks watch it there)

train = scratch.train


def _at(stage):
    """An explains-predicate for a part judged rung by rung: the check stopped at this rung."""

    def explains(part):
        found = getattr(part, "stage", None)
        return stage in found if isinstance(found, tuple) else found == stage

    return explains


def _stop(part, stage, message, hint=None):
    part.stage = stage
    part.fail(message, hint)


def _held(step):
    """step, returning the arrays the caller holds after it: each list argument's items as they were before
    the call. An array changed in place shows; a new array put into the list (params[i] = ...) does not, as
    a Network keeps the arrays it handed out."""

    @functools.wraps(step)
    def call(*args, **kwargs):
        held = [list(a) for a in args if isinstance(a, list)]
        step(*args, **kwargs)
        return held

    return call


def _step_cases(rng, shapes_list, rates, dtype=np.float64):
    """(params, grads) lists of random arrays of the given shapes, one pair per learning rate."""
    cases = []
    for shapes, rate in zip(shapes_list, rates):
        params = [rng.normal(size=s).astype(dtype) for s in shapes]
        grads = [rng.normal(size=s).astype(dtype) for s in shapes]
        cases.append((params, grads, rate))
    return cases


def _shapes_text(arrays):
    return "[" + ", ".join(str(a.shape) for a in arrays) + "]"


def _judge_steps(part, names):
    """The in-place steps' ladder: for each list the step changes ((position, name) in names), the arrays
    the caller holds after the call. grads may change: a Network overwrites them at each backward."""
    for case, outcome, want in part.results():
        if outcome.error is not None:
            part.error(outcome)
        for index, name in names:
            got, wanted, before, after = (
                outcome.result[index],
                want.result[index],
                case.args[index],
                outcome.args[index],
            )
            for i, (g, w, b) in enumerate(zip(got, wanted, before)):
                if not same(np.asarray(w, float), np.asarray(b, float), rtol=0, atol=0) and alike(g, b, rtol=0, atol=0):
                    replaced = any(a is not h for a, h in zip(after, got))
                    part.fail(
                        f"{name}[{i}] did not change ({case.text})",
                        f"{name}[i] = ... puts a new array into the list, and the caller keeps the old one: "
                        "change each array in place (x -= ..., or x[...] = ...)"
                        if replaced
                        else f"does every array of {name} get its step? `x = x - ...` makes a new array and "
                        f"leaves the one in {name} as it was: change each in place (x -= ..., or x[...] = ...)",
                    )
                part.compare(g, w, case=case, what=f"{name}[{i}] after the step")
    part.no_warnings()


# --- Part 1: sgd_step(params, grads, learning_rate): w -= learning_rate * grad, in place ----------------


def _sgd_step(params, grads, learning_rate):
    for param, grad in zip(params, grads):
        param -= learning_rate * grad


def _sgd_new_arrays(params, grads, learning_rate):
    for i in range(len(params)):
        params[i] = params[i] - learning_rate * grads[i]


def _sgd_first_only(params, grads, learning_rate):
    params[0] -= learning_rate * grads[0]


def _sgd(update):
    """An sgd_step that changes every param in place to update(param, grad, learning_rate)."""

    def sgd_step(params, grads, learning_rate):
        for param, grad in zip(params, grads):
            param[...] = update(param, grad, learning_rate)

    return sgd_step


SGD_STEP_MISTAKES = [
    Mistake(
        "ascent", "step against the gradient, downhill: param -= learning_rate * grad", _sgd(lambda p, g, r: p + r * g)
    ),
    Mistake(
        "no_rate", "scale the step by the learning rate: param -= learning_rate * grad", _sgd(lambda p, g, r: p - g)
    ),
    Mistake(
        "not_in_place",
        "`param = param - ...` (or a new list) makes new arrays and leaves the network's arrays as they were: "
        "write param -= learning_rate * grad to change each one in place",
        lambda params, grads, learning_rate: None,
    ),
    Mistake(
        "list_items_replaced",
        "params[i] = params[i] - ... puts a new array into the list; a Network keeps its old one and never "
        "learns: write params[i] -= learning_rate * grads[i] to change the array itself",
        _sgd_new_arrays,
    ),
    Mistake(
        "first_only",
        "only the first parameter changed: is `return` inside the loop? Every (param, grad) pair takes the step",
        _sgd_first_only,
    ),
    Mistake(
        "rate_divides",
        "multiply the gradient by the learning rate, do not divide: param -= learning_rate * grad",
        _sgd(lambda p, g, r: p - g / r),
    ),
    Mistake(
        "mean_grad",
        "each weight has its own gradient: subtract learning_rate * grad element by element, not its mean",
        _sgd(lambda p, g, r: p - r * np.mean(g)),
    ),
]


@check
def check_sgd_step(sgd_step, *, seed=0):
    """sgd_step(params, grads, learning_rate): w -= learning_rate * grad for every pair, in place.

    What is compared is the arrays the caller holds: an array put into the list in place of the old one
    does not count. Other seeds try other random arrays of other shapes.
    """
    part = Part(
        "sgd_step",
        sgd_step,
        reference=_sgd_step,
        catalogue=SGD_STEP_MISTAKES,
        error_hint="params and grads are lists of arrays in matching order: change each param array in place",
        twins=[("SGD.update", SGD.update), ("Optimizer.step", Optimizer.step)],
    )
    rng = rng_for(seed, 51)
    k = int(rng.integers(2, 5))
    cases = _step_cases(rng, [[(3, 2), (2,)], [(2, k), (k,), (k, 1), (1,)]], [0.1, 0.5])
    cases += _step_cases(rng, [[(k, 3), (3,)]], [0.05], dtype=np.float32)
    texts = ["", "", " in float32"]
    part.adapt = _held
    part.run(
        Case(f"params of shapes {_shapes_text(p)}{t}, learning_rate {r}", p, g, r) for (p, g, r), t in zip(cases, texts)
    )
    _judge_steps(part, [(0, "params")])
    part.passed()


# --- Part 2: momentum_step(params, grads, velocities, learning_rate, momentum): v = beta v - lr g; w += v --


def _momentum(velocity_of, param_of=lambda p, v_new, v_old: p + v_new):
    """A momentum_step that sets, in place, v to velocity_of(v, grad, rate, momentum) and then w to
    param_of(w, new v, old v)."""

    def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
        for p, g, v in zip(params, grads, velocities):
            old = v.copy()
            v[...] = velocity_of(v, g, learning_rate, momentum)
            p[...] = param_of(p, v, old)

    return momentum_step


_momentum_step = _momentum(lambda v, g, r, m: m * v - r * g)


def _momentum_new_arrays(params, grads, velocities, learning_rate, momentum=0.9):
    for i in range(len(params)):
        velocities[i] = momentum * velocities[i] - learning_rate * grads[i]
        params[i] = params[i] + velocities[i]


def _momentum_velocity_rebound(params, grads, velocities, learning_rate, momentum=0.9):
    for p, g, v in zip(params, grads, velocities):
        v = momentum * v - learning_rate * g
        p += v


def _momentum_params_rebound(params, grads, velocities, learning_rate, momentum=0.9):
    for p, g, v in zip(params, grads, velocities):
        v *= momentum
        v -= learning_rate * g
        p = p + v


def _momentum_moving_average(params, grads, velocities, learning_rate, momentum=0.9):
    for p, g, v in zip(params, grads, velocities):
        v[...] = momentum * v + (1 - momentum) * g
        p -= learning_rate * v


def _momentum_nesterov(params, grads, velocities, learning_rate, momentum=0.9):
    for p, g, v in zip(params, grads, velocities):
        old = v.copy()
        v[...] = momentum * v - learning_rate * g
        p += -momentum * old + (1 + momentum) * v


def _momentum_velocities_replaced(params, grads, velocities, learning_rate, momentum=0.9):
    for i in range(len(params)):
        velocities[i] = momentum * velocities[i] - learning_rate * grads[i]
        params[i] += velocities[i]


def _momentum_rate_outside(params, grads, velocities, learning_rate, momentum=0.9):
    for p, g, v in zip(params, grads, velocities):
        v[...] = momentum * v - g
        p += learning_rate * v


def _momentum_pytorch_form(params, grads, velocities, learning_rate, momentum=0.9):
    for p, g, v in zip(params, grads, velocities):
        v[...] = momentum * v + g
        p -= learning_rate * v


def _plain_sgd(params, grads, velocities, learning_rate, momentum=0.9):
    _sgd_step(params, grads, learning_rate)


MOMENTUM_STEP_MISTAKES = [
    Mistake(
        "momentum_ignored",
        "use the momentum argument, not the number 0.9: v = momentum * v - learning_rate * grad",
        _momentum(lambda v, g, r, m: 0.9 * v - r * g),
    ),
    Mistake(
        "velocity_not_in_place",
        "`v = momentum * v - ...` makes a new array: the caller's velocities stay as they were and the next step "
        "forgets them; change v in place (v *= momentum; v -= learning_rate * grad)",
        _momentum_velocity_rebound,
    ),
    Mistake(
        "params_not_in_place",
        "`param = param + v` makes a new array and leaves the network's as it was: write param += v",
        _momentum_params_rebound,
    ),
    Mistake(
        "list_items_replaced",
        "params[i] = ... and velocities[i] = ... put new arrays into the lists; the caller keeps the old ones: "
        "change the arrays themselves (velocities[i] *= momentum, params[i] += velocities[i])",
        _momentum_new_arrays,
    ),
    Mistake(
        "velocities_replaced",
        "velocities[i] = ... puts a new array into the list, and the caller keeps the old one, so the next step "
        "forgets the velocity: change it in place (velocities[i] *= momentum; velocities[i] -= learning_rate * "
        "grads[i])",
        _momentum_velocities_replaced,
    ),
    Mistake(
        "rate_outside_velocity",
        "the learning rate goes into the velocity: v = momentum * v - learning_rate * grad, then w += v (not "
        "v = momentum * v - grad, w += learning_rate * v, whose velocities are other numbers)",
        _momentum_rate_outside,
    ),
    Mistake(
        "pytorch_form",
        "that is the form v = momentum * v + grad, w -= learning_rate * v; this exercise's velocity holds the "
        "learning rate: v = momentum * v - learning_rate * grad, then w += v",
        _momentum_pytorch_form,
    ),
    Mistake(
        "minus_velocity",
        "with v = momentum * v - learning_rate * grad the velocity already points downhill: add it, param += v",
        _momentum(lambda v, g, r, m: m * v - r * g, lambda p, v, old: p - v),
    ),
    Mistake(
        "old_velocity",
        "update the velocity first, then move the parameter by the new velocity",
        _momentum(lambda v, g, r, m: m * v - r * g, lambda p, v, old: p + old),
    ),
    Mistake(
        "no_rate",
        "scale the gradient by the learning rate: v = momentum * v - learning_rate * grad",
        _momentum(lambda v, g, r, m: m * v - g),
    ),
    Mistake(
        "plain_sgd",
        "that is a plain SGD step: keep a velocity, v = momentum * v - learning_rate * grad, and add it, w += v",
        _plain_sgd,
    ),
    Mistake(
        "ascent",
        "the gradient points uphill: subtract it, v = momentum * v - learning_rate * grad, then param += v",
        _momentum(lambda v, g, r, m: m * v + r * g),
    ),
    Mistake(
        "moving_average",
        "that is the moving-average form, v = momentum * v + (1 - momentum) * grad, w -= learning_rate * v: "
        "this exercise's momentum is v = momentum * v - learning_rate * grad, then w += v",
        _momentum_moving_average,
    ),
    Mistake(
        "no_decay",
        "the old velocity is scaled by momentum first: v = momentum * v - learning_rate * grad (v *= momentum)",
        _momentum(lambda v, g, r, m: v - r * g),
    ),
    Mistake(
        "nesterov",
        "that is Nesterov's momentum; this exercise's is the plain one: param += v, with the new v",
        _momentum_nesterov,
    ),
    Mistake(
        "grad_added",
        "the velocity is momentum * v - learning_rate * grad, and the step adds it: param += v",
        _momentum(lambda v, g, r, m: m * v + r * g, lambda p, v, old: p - v),
    ),
]


@check
def check_momentum_step(momentum_step, *, seed=0):
    """momentum_step(params, grads, velocities, learning_rate, momentum=0.9): v = momentum v - lr grad; w += v.

    Velocities start at zero, or hold a previous step's; momentum is left at its default, or given (0.5,
    0.99). Other seeds try other random arrays of other shapes.
    """
    part = Part(
        "momentum_step",
        momentum_step,
        reference=_momentum_step,
        catalogue=MOMENTUM_STEP_MISTAKES,
        error_hint="params, grads and velocities are lists of arrays in matching order: change them in place",
        twins=[("Momentum.update", Momentum.update), ("Optimizer.step", Optimizer.step)],
    )
    rng = rng_for(seed, 52)
    k = int(rng.integers(2, 5))
    steps = _step_cases(rng, [[(3, 2), (2,)], [(k, 3), (3,)], [(2, k), (k,)]], [0.1, 0.2, 0.01])
    cases = []
    for (params, grads, rate), momentum in zip(steps, [None, 0.5, 0.99]):
        velocities = [np.zeros_like(p) if momentum is None else rng.normal(size=p.shape) for p in params]
        args = (params, grads, velocities, rate)
        text = f"params of shapes {_shapes_text(params)}, learning_rate {rate}, velocities "
        if momentum is None:
            cases.append(Case(text + "zero, momentum left at 0.9", *args))
        elif momentum == 0.5:
            cases.append(Case(text + "from an earlier step, momentum 0.5", *args, momentum))
        else:
            cases.append(Case(text + f"from an earlier step, momentum={momentum}", *args, momentum=momentum))
    part.adapt = _held
    part.run(cases)
    _judge_steps(part, [(0, "params"), (2, "velocities")])
    part.passed()


# --- Part 3: minibatches(X, y, batch_size, rng) -> (X_batch, y_batch) pairs, shuffled -------------------


def _drawing(func):
    """func(X, y, batch_size, rng) called with a new np.random.default_rng(seed) for the case's seed (so
    every call draws from the same state), its batches listed."""

    @functools.wraps(func)
    def call(X, y, batch_size, seed):
        result = func(X, y, batch_size, np.random.default_rng(seed))
        try:
            return list(result)
        except TypeError:  # not iterable: the judge says so
            return result

    return call


def _minibatches(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        batch = order[start : start + batch_size]
        yield X[batch], y[batch]


def _batches_of(order_of, starts_of=lambda n, size: range(0, n, size), y_order_of=None, slice_end=0):
    """A minibatches that draws order_of(n, rng), cuts it at starts_of(n, batch_size), and indexes y with
    y_order_of(order, rng) (the same order by default)."""

    def minibatches(X, y, batch_size, rng):
        order = order_of(len(X), rng)
        y_order = order if y_order_of is None else y_order_of(order, rng)
        for start in starts_of(len(X), batch_size):
            end = start + batch_size + slice_end
            yield X[order[start:end]], y[y_order[start:end]]

    return minibatches


def _permutation_per_batch(X, y, batch_size, rng):
    for start in range(0, len(X), batch_size):
        rows = rng.permutation(len(X))[start : start + batch_size]
        yield X[rows], y[rows]


def _split_into(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    for rows in np.array_split(order, batch_size):
        yield X[rows], y[rows]


def _split_equally(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    for rows in np.array_split(order, -(-len(X) // batch_size)):
        yield X[rows], y[rows]


def _rows_of(pairs):
    """The example index each batch's rows hold (X[:, 0] and y's first value tell it), as two lists of lists."""
    rows_x = [[int(round(v)) for v in np.asarray(xb, float)[:, 0]] for xb, _ in pairs]
    ys = [np.asarray(yb, float) for _, yb in pairs]
    rows_y = [[int(round(v)) - 100 for v in (yb if yb.ndim == 1 else yb[:, 0])] for yb in ys]
    return rows_x, rows_y


def _as_pairs(result):
    if not isinstance(result, list) or not all(isinstance(p, (tuple, list)) and len(p) == 2 for p in result):
        return None
    try:
        _rows_of(result)
    except (TypeError, ValueError, IndexError):
        return None
    return result


def _batch_fault(result, wanted):
    """The first thing wrong with one call's batches (a key of BATCH_FAULTS), or None."""
    if _as_pairs(result) is None:
        return "pairs"
    (rows_x, rows_y), (want_x, _) = _rows_of(result), _rows_of(wanted)
    flat = sum(rows_x, [])
    faults = (
        ("sizes", list(map(len, rows_x)) != list(map(len, want_x))),
        ("repeats", sorted(flat) != list(range(len(flat)))),
        ("unpaired", rows_x != rows_y),
        ("unshuffled", flat == sorted(flat) and rows_x != want_x),
        ("order", rows_x != want_x),
    )
    return next((fault for fault, found in faults if found), None)


BATCH_FAULTS = {  # fault -> (what the check says, its hint when no mistake of the catalogue explains it)
    "pairs": ("each batch must be a pair (X_batch, y_batch) of arrays", "yield X[batch], y[batch]"),
    "sizes": ("batches of {sizes}, expected {want_sizes}", "for start in range(0, len(X), batch_size)"),
    "repeats": ("the batches do not hold each example exactly once", "draw a permutation: rng.permutation(len(X))"),
    "unpaired": ("X_batch and y_batch no longer match row by row", "index X and y with the same order"),
    "unshuffled": ("the examples come in their original order", "shuffle them first"),
    "order": ("the order is not the one rng.permutation(len(X)) draws from the rng given", "use the rng argument"),
}


def _only(fault):
    """An explains-predicate: some call's batches have this fault, and no call's another."""

    def explains(part):
        faults = {_batch_fault(o.result, w.result) for o, w in zip(part.outcomes, part.wanted)}
        return fault in faults and faults <= {fault, None}

    return explains


def _inputs_changed(part):
    return any(
        not alike(outcome.args[i], case.args[i], rtol=0, atol=0)
        for case, outcome in zip(part.cases, part.outcomes)
        for i in (0, 1)
    )


def _permutation(n, rng):
    return rng.permutation(n)


_PERMUTATION_PER_BATCH = Mistake(
    "permutation_per_batch",
    "a new permutation for every batch repeats some examples and misses others: draw one order, before the loop, "
    "and cut it into batches",
    _permutation_per_batch,
)

MINIBATCHES_MISTAKES = [
    Mistake(
        "no_shuffle",
        "the examples come in their original order: shuffle them first, order = rng.permutation(len(X))",
        _batches_of(lambda n, rng: np.arange(n)),
    ),
    Mistake(
        "empty_last_batch",
        "the last batch is empty when len(X) is a multiple of batch_size: range(0, len(X), batch_size) "
        "gives exactly the batches' starts",
        _batches_of(_permutation, lambda n, size: range(0, (n // size + 1) * size, size)),
    ),
    Mistake(
        "drop_last",
        "the last, smaller batch is missing: range(0, len(X), batch_size) keeps it",
        _batches_of(_permutation, lambda n, size: range(0, n - n % size, size)),
    ),
    Mistake(
        "unpaired",
        "X and y are put in different orders, so a batch's labels are not its examples': draw one order and "
        "index both X and y with it",
        explains=_only("unpaired"),
        example=_batches_of(_permutation, y_order_of=lambda order, rng: rng.permutation(len(order))),
    ),
    Mistake(
        "order_not_from_rng",
        "draw the order from the rng you are given, order = rng.permutation(len(X)): np.random, a new "
        "default_rng(...) or another draw gives other batches than the same seed must give",
        explains=_only("order"),
        example=_batches_of(lambda n, rng: np.random.default_rng(0).permutation(n)),
    ),
    Mistake(
        "with_replacement",
        "some examples come twice and others never: draw a permutation (rng.permutation(len(X))), not "
        "rng.integers or rng.choice with replacement",
        explains=lambda part: _only("repeats")(part) and not part.explained_by(_permutation_per_batch),
        example=_batches_of(lambda n, rng: rng.integers(0, n, size=n)),
    ),
    _PERMUTATION_PER_BATCH,
    Mistake(
        "batch_count",
        "np.array_split(order, k) cuts into k batches; batch_size is the size of each: "
        "for start in range(0, len(X), batch_size)",
        lambda X, y, batch_size, rng: _split_into(X, y, batch_size, rng),
    ),
    Mistake(
        "stop_short",
        "range(0, len(X) - batch_size, batch_size) stops a batch early and leaves the last examples out: "
        "range(0, len(X), batch_size) gives every batch's start",
        _batches_of(_permutation, lambda n, size: range(0, n - size, size)),
    ),
    Mistake(
        "slice_long",
        "order[start:start + batch_size] already holds batch_size indices (the end is left out): no + 1",
        _batches_of(_permutation, lambda n, size: range(0, n, size), slice_end=1),
    ),
    Mistake(
        "slice_short",
        "order[start:start + batch_size] already holds batch_size indices (the end is left out): no - 1",
        _batches_of(_permutation, lambda n, size: range(0, n, size), slice_end=-1),
    ),
    Mistake(
        "shuffles_in_place",
        "rng.shuffle(X) reorders the caller's X: draw an order of indices and index X and y with it",
        explains=_inputs_changed,
        example=lambda X, y, batch_size, rng: _shuffled_in_place(X, y, batch_size, rng),
    ),
    Mistake(
        "equal_sizes",
        "np.array_split makes batches of nearly equal sizes; every batch but the last holds batch_size examples",
        _split_equally,
    ),
]


def _shuffled_in_place(X, y, batch_size, rng):
    state = copy.deepcopy(rng.bit_generator.state)
    rng.shuffle(X)
    rng.bit_generator.state = state
    rng.shuffle(y)
    for start in range(0, len(X), batch_size):
        yield X[start : start + batch_size], y[start : start + batch_size]


def _minibatch_cases(seed):
    rng = rng_for(seed, 56)
    size = int(rng.integers(3, 7))
    shapes = [(23, 5, 1), (4 * size, size, 1), (7, 10, 1), (int(rng.integers(10, 19)), 4, 2)]
    cases = []
    for n, batch_size, columns in shapes:
        index = np.arange(n, dtype=float)
        X = np.column_stack([index, rng.normal(size=n)])
        if n == 7:  # integers, as X and y may come
            X, index = X.astype(int), np.arange(n)
        y = 100 + index if columns == 1 else np.column_stack([100 + index, rng.normal(size=n)])
        text = f"{n} examples, batch_size {batch_size}" + (", y of 2 columns" if columns == 2 else "")
        text += " (integers)" if n == 7 else ""
        cases.append(Case(text, X, y, batch_size, int(rng.integers(0, 10**6))))
    return cases


def _judge_batches(part):
    for case, outcome, want in part.results():
        if outcome.error is not None:
            part.error(outcome)
        got, wanted = outcome.result, want.result
        if not isinstance(got, list):
            part.fail(
                f"returned {'None' if got is None else 'a ' + type(got).__name__}, expected batches to loop over",
                "yield X_batch, y_batch inside the loop (or return a list of pairs)",
            )
        fault = _batch_fault(got, wanted)
        if fault is not None:
            message, hint = BATCH_FAULTS[fault]
            sizes = [len(xb) for xb, _ in got] if fault != "pairs" else None
            message = message.format(sizes=sizes, want_sizes=[len(xb) for xb, _ in wanted])
            part.fail(f"{message} ({case.text})", hint)
        for k, ((xb, yb), (wx, wy)) in enumerate(zip(got, wanted)):
            part.compare(xb, wx, case=case, what=f"X_batch {k + 1}")
            part.compare(yb, wy, case=case, what=f"y_batch {k + 1}")
        part.inputs_unchanged(case, outcome)
    part.no_warnings()


@check
def check_minibatches(minibatches, *, seed=0):
    """minibatches(X, y, batch_size, rng) -> (X_batch, y_batch) pairs: shuffled by rng.permutation, every
    example once, the last batch smaller; X and y unchanged.

    Each call gets a Generator in a known state: the batches must be the ones rng.permutation(len(X)) gives.
    Other seeds try other sizes (one always a multiple of batch_size) and other random values.
    """
    part = Part(
        "minibatches",
        minibatches,
        reference=_minibatches,
        catalogue=MINIBATCHES_MISTAKES,
        error_hint="order = rng.permutation(len(X)); for start in range(0, len(X), batch_size): ...",
    )
    part.adapt = _drawing
    part.run(_minibatch_cases(seed))
    _judge_batches(part)
    n_batches = sum(len(o.result) for o in part.outcomes)
    part.passed(f"{n_batches} batches in {len(part.cases)} cases: shuffled by rng, every example once, X and y paired")


# --- Part 4: train_moons_classifier(X, y) -> a Network with >= 90% accuracy on new moons -----------------


def _moons_classifier(sizes=(2, 16, 1), activation="tanh", output="sigmoid", *, train=True, seed=0, **options):
    """A train_moons_classifier as a learner writes it; options go to fit, over a sound default."""
    options = {"optimizer": "adam", "learning_rate": 0.02, "epochs": 100, "batch_size": 32, **options}
    returns, loss = options.pop("returns", "network"), options.pop("loss", "binary_cross_entropy")

    def train_moons_classifier(X, y):
        network = Network.from_sizes(list(sizes), activation, output, rng=seed)
        history = None
        if train:
            targets = datasets.one_hot(y) if sizes[-1] == 2 else y
            kind = "cross_entropy" if output == "softmax" else loss
            history = training.fit(network, X, targets, kind, rng=seed, progress=False, **options)
        return {"network": network, "history": history, "nothing": None}[returns]

    return train_moons_classifier


def _own_moons(X, y):
    """Trains on moons of its own instead of the X, y it is given (calls fit by the notebook's name)."""
    X_own, y_own = datasets.moons(60, noise=0.45, rng=5)
    network = Network.from_sizes([2, 16, 1], "tanh", "sigmoid", rng=0)
    fit(network, X_own, y_own, "binary_cross_entropy", "adam", learning_rate=0.02, epochs=20, rng=0, progress=False)
    return network


def _unseeded(X, y):
    network = Network.from_sizes([2, 16, 1], "tanh", "sigmoid")
    training.fit(network, X, y, "binary_cross_entropy", "adam", learning_rate=0.02, epochs=20, progress=False)
    return network


MOONS_MISTAKES = [
    Mistake(
        "no_return",
        "the function ends without `return network`, so it gives None",
        explains=_at("no_return"),
        example=_moons_classifier(returns="nothing"),
    ),
    Mistake(
        "history_returned",
        "return the network, not fit's History",
        explains=_at("history_returned"),
        example=_moons_classifier(returns="history"),
    ),
    Mistake(
        "diverged",
        "the training diverged: lower the learning rate (0.01 to 0.1 suits adam, 0.1 to 1 plain sgd)",
        explains=_at("diverged"),
        example=_moons_classifier(
            output="identity", activation="relu", optimizer="sgd", learning_rate=50.0, loss="mse"
        ),
    ),
    Mistake(
        "softmax_one_unit",
        "a softmax over one output is 1.0 whatever the input: use a sigmoid output for one unit, or two softmax "
        "units with one-hot targets (datasets.one_hot)",
        explains=_at("softmax_one_unit"),
        example=_moons_classifier(output="softmax", train=False),
    ),
    Mistake(
        "no_hidden_layer",
        "a single layer draws a straight border, about 85% on the moons: add a hidden layer with a nonlinear "
        "activation, e.g. Network.from_sizes([2, 16, 1], activation='tanh', output_activation='sigmoid')",
        explains=_at("no_hidden_layer"),
        example=_moons_classifier((2, 1), "sigmoid", learning_rate=0.05),
    ),
    Mistake(
        "linear_hidden",
        "identity hidden layers keep the border straight: give them a nonlinear activation (tanh or relu)",
        explains=_at("linear_hidden"),
        example=_moons_classifier(activation="identity"),
    ),
    Mistake(
        "untrained",
        "about chance level: train the network with fit(...) on X and y before returning it (if it is trained,"
        " it learned almost nothing: more epochs or a larger learning rate)",
        explains=_at("untrained"),
        example=_moons_classifier(train=False),
    ),
    Mistake(
        "other_data",
        "fit never saw the points the function was given: train on its X and y, fit(network, X, y, ...), not on "
        "data of your own",
        explains=_at("other_data"),
        example=_own_moons,
    ),
    Mistake(
        "undertrained",
        "the network can do it but learned too little: train for more epochs or with a larger learning rate",
        explains=_at("undertrained"),
        example=_moons_classifier(optimizer="sgd", learning_rate=0.05, epochs=5),
    ),
    Mistake(
        "no_seed",
        "pass seeds, Network.from_sizes(..., rng=0) and fit(..., rng=0), so that every run gives the same network",
        explains=_at("no_seed"),
        example=_unseeded,
    ),
]


class FitWatch:
    """fit, watched while a learner's function runs (bound to the name `fit` its notebook imports): the
    losses it was called with."""

    def __init__(self):
        self.losses, self.inputs = [], []

    def __call__(self, *args, **kwargs):
        try:
            arguments = inspect.signature(training.fit).bind(*args, **kwargs).arguments
            self.losses.append(arguments.get("loss"))
            self.inputs.append(arguments.get("X"))
        except TypeError:  # fit itself reports the wrong arguments
            pass
        return training.fit(*args, **kwargs)

    def other_data(self, X):
        """Whether fit ran, and never on the points X the learner's function was given (nor a copy)."""
        return bool(self.inputs) and not any(
            np.shape(given) == X.shape and same(np.asarray(given, dtype=float), X) for given in self.inputs
        )

    def unpaired(self, network):
        """The name of a loss fit trained with that is not the pair of network's output, or None."""
        output = getattr(network, "output_activation", None)
        for loss in self.losses:
            try:
                loss = get_loss(loss)
            except Exception:  # not a loss fit knows: fit raised, and that was reported
                continue
            if output is not None and loss.paired_activation not in (None, output):
                return type(loss).__name__
        return None


_PAIRS = "a sigmoid output trains with BinaryCrossEntropy(), a softmax output with CrossEntropy()"


def _calls_fit(func, X, y):
    """Whether func(X, y) calls fit (the name its notebook imports), run once more with fit watched."""
    calls = []

    def watched_fit(*args, **kwargs):
        calls.append(1)
        return training.fit(*args, **kwargs)

    quiet = io.StringIO()
    try:
        with (
            substitute(func, {"fit": watched_fit}),
            np.errstate(all="ignore"),
            warnings.catch_warnings(),
            contextlib.redirect_stdout(quiet),
            contextlib.redirect_stderr(quiet),
        ):
            warnings.simplefilter("ignore")
            func(X.copy(), y.copy())
    except Exception:  # the learner's function, already reported on by its first run
        pass
    return bool(calls)


def _moons_outputs(part, outcome, X_test):
    """The outputs, on the new points, of the network the learner's function returned, after the rungs."""
    if outcome.error is not None:
        if isinstance(outcome.error, training.TrainingDiverged):
            _stop(part, "diverged", f"fit raised TrainingDiverged: {str(outcome.error).splitlines()[0]}")
        part.error(outcome)
    network = outcome.result
    if network is None:
        _stop(part, "no_return", "returned None, expected the trained network")
    if not hasattr(network, "forward"):
        stage = "history_returned" if hasattr(network, "loss") else None
        _stop(part, stage, f"returned a {type(network).__name__}, expected the trained network", "return the network")
    try:
        output = np.asarray(network.forward(X_test), dtype=float)
    except Exception as exc:  # the learner's network, reported as feedback
        part.fail(f"the network raised {type(exc).__name__} on new points: {exc}", "build it for 2 inputs")
    if output.shape not in ((len(X_test), 1), (len(X_test), 2)):
        part.fail(
            f"the network's output has shape {output.shape}, expected ({len(X_test)}, 1) or ({len(X_test)}, 2)",
            "two classes: one sigmoid output, or two softmax outputs",
        )
    return network, output


@check
def check_moons_classifier(train_moons_classifier, *, seed=0):
    """train_moons_classifier(X, y) -> a Network trained on 300 moon points; >= 90% accuracy on 300 new ones.

    One sigmoid output (class 1 above 0.5) or two softmax outputs (the larger wins) are both accepted. The
    function runs twice on the same points and must give the same network (seeds passed). Other seeds
    draw other moons.
    """
    part = Part(
        "train_moons_classifier",
        train_moons_classifier,
        reference=lambda X, y: None,
        catalogue=MOONS_MISTAKES,
        error_hint="build Network.from_sizes([2, ..., 1], ...) and train it with fit(...)",
    )
    X, y = datasets.moons(300, noise=0.15, rng=seed)
    X_test, y_test = datasets.moons(300, noise=0.15, rng=seed + 1000)
    watch = FitWatch()
    with substitute(train_moons_classifier, {"fit": watch}):
        (outcome,) = part.run([Case("300 moon points", X, y)])
    network, output = _moons_outputs(part, outcome, X_test)
    unpaired = watch.unpaired(network)
    if unpaired is not None:
        part.fail(
            f"fit trained the network with {unpaired}, which is not the loss for its "
            f"{network.output_activation} output",
            f"the text asks for a loss for two classes that pairs with the output: {_PAIRS}",
            explain=False,
        )
    (again,) = part.run([Case("the same 300 moon points, a second time", X, y)])
    _, output_again = _moons_outputs(part, again, X_test)
    if output_again.shape != output.shape or not same(output_again, output):
        _stop(part, "no_seed", "a second run on the same points gave another network")
    if output.shape[1] == 1 and getattr(network, "output_activation", None) == "softmax":
        _stop(part, "softmax_one_unit", "the network's output is 1.0 for every point: a softmax over one output")
    score = float(np.mean(output_labels(output) == y_test))
    if score < 0.9:
        hidden = [getattr(layer.activation, "name", None) for layer in getattr(network, "layers", [])[:-1]]
        stage = (
            "no_hidden_layer" if not hidden
            else "other_data" if watch.other_data(X)
            else "linear_hidden" if set(hidden) == {"identity"}
            else "untrained" if score < 0.65 and not _calls_fit(train_moons_classifier, X, y)
            else "undertrained"
        )  # fmt: skip
        _stop(part, stage, f"accuracy {score:.1%} on 300 new moon points, expected at least 90%")
    part.no_warnings()
    part.passed(f"{score:.1%} accuracy on 300 new moon points (90% needed), the same network on every run")


# --- Part 5: update(params, grads, learning_rate) -> new [(W, b), ...]; params and grads unchanged -------


def _network_params(rng, sizes):
    return [(rng.normal(size=(i, o)), rng.normal(size=o)) for i, o in zip(sizes, sizes[1:])]


def _copy_params(params):
    return [(np.array(W, dtype=float), np.array(b, dtype=float)) for W, b in params]


def _params_same(got, want):
    return all(same(np.asarray(g[0], float), w[0]) and same(np.asarray(g[1], float), w[1]) for g, w in zip(got, want))


def _read_params(part, result, like, case, *, what="update's result"):
    """The learner's params, after the type and shape rungs: a list of (W, b) pairs shaped like `like`."""
    if result is None:
        part.fail(f"{what} is None", "did you forget `return`?")
    if not isinstance(result, (list, tuple)) or len(result) != len(like):
        got = f"a {type(result).__name__}" + (f" of {len(result)}" if isinstance(result, (list, tuple)) else "")
        part.fail(
            f"{what} is {got}, expected a list of {len(like)} (W, b) pairs, one per layer",
            "one (W, b) pair per layer, first layer first, as params has them",
        )
    for layer, (pair, (W, b)) in enumerate(zip(result, like), start=1):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            part.fail(f"layer {layer} of {what} is not a (W, b) pair", "each layer is a pair (W, b)")
        part.compare(pair[0], W, case=case, what=f"layer {layer}'s W", values=False)
        part.compare(pair[1], b, case=case, what=f"layer {layer}'s b", values=False)
    return result


def _keeping(update):
    """update, returning (its result, the (W, b) pairs the caller's params list held before the call)."""

    @functools.wraps(update)
    def call(params, *args, **kwargs):
        held = list(params) if isinstance(params, list) else params
        return update(params, *args, **kwargs), held

    return call


def _update(params, grads, learning_rate):
    return [(W - learning_rate * gW, b - learning_rate * gb) for (W, b), (gW, gb) in zip(params, grads)]


def _update_in_place(params, grads, learning_rate):
    for (W, b), (gW, gb) in zip(params, grads):
        W -= learning_rate * gW
        b -= learning_rate * gb
    return params


def _update_into_list(params, grads, learning_rate):
    for i, ((W, b), (gW, gb)) in enumerate(zip(params, grads)):
        params[i] = (W - learning_rate * gW, b - learning_rate * gb)
    return params


def _update_grads_changed(params, grads, learning_rate):
    for gW, gb in grads:
        gW *= learning_rate
        gb *= learning_rate
    return [(W - gW, b - gb) for (W, b), (gW, gb) in zip(params, grads)]


def _updated(step):
    """An update giving step(W, b, grad_W, grad_b, learning_rate) for each layer."""
    return lambda params, grads, learning_rate: [
        step(W, b, gW, gb, learning_rate) for (W, b), (gW, gb) in zip(params, grads)
    ]


UPDATE_MISTAKES = [
    Mistake(
        "ascent",
        "step against the gradient, downhill: W - learning_rate * grad_W",
        _updated(lambda W, b, gW, gb, r: (W + r * gW, b + r * gb)),
    ),
    Mistake(
        "no_rate",
        "scale the step by the learning rate: W - learning_rate * grad_W",
        _updated(lambda W, b, gW, gb, r: (W - gW, b - gb)),
    ),
    Mistake(
        "biases_unchanged",
        "the biases learn too: b - learning_rate * grad_b",
        _updated(lambda W, b, gW, gb, r: (W - r * gW, b)),
    ),
    Mistake(
        "in_place",
        "W -= ... changes the caller's arrays, and the next run of the experiment would start from them: return "
        "new arrays (W - learning_rate * grad_W makes one)",
        _update_in_place,
    ),
    Mistake(
        "list_items_replaced",
        "params[i] = ... replaces the caller's pairs in its own list: build a new list (new_params.append(...)) "
        "and leave params as it was",
        _update_into_list,
    ),
    Mistake(
        "pair_swapped",
        "keep each pair in the order params has it: (W, b)",
        _updated(lambda W, b, gW, gb, r: (b - r * gb, W - r * gW)),
    ),
    Mistake(
        "grads_swapped",
        "the gradients come in (grad_W, grad_b) pairs, in the order of (W, b): W goes with grad_W",
        _updated(lambda W, b, gW, gb, r: (W - r * gb, b - r * gW)),
    ),
    Mistake(
        "no_return",
        "the function ends without `return new_params`, so it gives None",
        lambda params, grads, learning_rate: None,
    ),
    Mistake(
        "early_return",
        "only the first layer came back: is `return new_params` inside the loop? Return after the loop, once "
        "every layer has its pair",
        lambda params, grads, learning_rate: _update(params[:1], grads[:1], learning_rate),
    ),
    Mistake(
        "flat_list",
        "one (W, b) pair per layer: new_params.append((W, b)), not new_params += [W, b]",
        lambda params, grads, learning_rate: [a for pair in _update(params, grads, learning_rate) for a in pair],
    ),
    Mistake(
        "grads_changed",
        "grad_W *= learning_rate changes the caller's gradients: compute learning_rate * grad_W as a new array",
        _update_grads_changed,
    ),
]

UPDATE_TWINS = [("scratch.update", scratch.update), ("SGD.update", SGD.update), ("Optimizer.step", Optimizer.step)]


def _judge_update(part):
    for case, outcome, want in part.results():
        if outcome.error is not None:
            part.error(outcome)
        (result, held), (wanted, _) = outcome.result, want.result
        params, grads = case.args[:2]
        _read_params(part, result, params, case)
        for layer, (pair, (want_W, want_b)) in enumerate(zip(result, wanted), start=1):
            part.compare(pair[0], want_W, case=case, what=f"layer {layer}'s new W")
            part.compare(pair[1], want_b, case=case, what=f"layer {layer}'s new b")
        if not alike(held, params, rtol=0, atol=0):
            part.fail(
                f"changed the arrays in params in place ({case.text})",
                "return new arrays (W - learning_rate * grad_W makes one); the caller's params must stay as they were",
            )
        if not alike(outcome.args[0], params, rtol=0, atol=0):
            part.fail(
                f"put new pairs into the params list it was given ({case.text})", "build a new list and return it"
            )
        if not alike(outcome.args[1], grads, rtol=0, atol=0):
            part.fail(f"changed its input grads ({case.text})", "read the gradients, do not change them")
    part.no_warnings()


@check
def check_update(update, *, seed=0):
    """update(params, grads, learning_rate) -> new [(W - lr grad_W, b - lr grad_b), ...]; inputs unchanged.

    Other seeds try other random networks of other sizes.
    """
    part = Part(
        "update",
        update,
        reference=_update,
        catalogue=UPDATE_MISTAKES,
        error_hint="params holds (W, b) pairs and grads (grad_W, grad_b) pairs, one per layer, first layer first",
        twins=UPDATE_TWINS,
    )
    rng = rng_for(seed, 53)
    k = int(rng.integers(2, 6))
    cases = []
    for sizes, learning_rate in (([3, 4, 2], 0.1), ([2, k, 3, 1], 0.5), ([k, 2], 0.05)):
        params, grads = _network_params(rng, sizes), _network_params(rng, sizes)
        cases.append(
            Case(f"a {'-'.join(map(str, sizes))} network, learning_rate {learning_rate}", params, grads, learning_rate)
        )
    part.adapt = _keeping
    part.run(cases)
    _judge_update(part)
    part.passed()


# --- Part 6: train(params, X, Y, activations, kind, *, ...) -> (params, history) ------------------------


class _Spies:
    """The course's forward, backward, update, output_delta and cost, recording what a learner's train does.

    Rows are told apart by their values (every row of X and of Y differs), so a batch's rows are known
    whatever way train cut them. script: the costs the whole data set has after 1, 2, ... epochs (an epoch
    being `per_epoch` updates); forward on all of X gives outputs Y + sqrt(cost), so that the course's cost
    and a cost computed by hand both give the scripted value, exactly (Y and the costs are dyadic).
    """

    def __init__(self, X, Y, *, script=None, per_epoch=1, start_cost=100.0):
        self.n, self.Y = len(X), np.asarray(Y, dtype=float)
        self.x_rows = {row.tobytes(): i for i, row in enumerate(np.asarray(X, dtype=float))}
        self.y_rows = {row.tobytes(): i for i, row in enumerate(self.Y)}
        self.script, self.per_epoch, self.start_cost = script, per_epoch, start_cost
        self.batches, self.y_batches, self.kinds, self.updates = [], [], [], 0
        self.replacements = {
            "forward": self.forward,
            "backward": self.backward,
            "update": self.update,
            "output_delta": self.output_delta,
            "cost": scratch.cost,
            "cost_gradient": scratch.cost_gradient,
            "minibatches": _minibatches,
        }

    def _rows(self, A, table):
        A = np.asarray(A, dtype=float)
        if A.ndim != 2:
            return []
        return [table.get(np.ascontiguousarray(row).tobytes(), -1) for row in A]

    def forward(self, params, X, activations):
        Y_hat, caches = scratch.forward(params, X, activations)
        rows = self._rows(X, self.x_rows)
        if self.script is not None and sorted(rows) == list(range(self.n)):  # all of X
            epochs_done = self.updates // self.per_epoch
            scripted = self.start_cost if epochs_done == 0 else self.script[min(epochs_done, len(self.script)) - 1]
            Y_hat = self.Y[rows] + np.sqrt(scripted)
        return Y_hat, caches

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


_rng = np.random.default_rng


def _run_train(part, spies, text, params, X, Y, activations, kind, **options):
    """Run the learner's train once, watched by spies; (case, outcome)."""
    case = Case(text, _copy_params(params), X.copy(), Y.copy(), list(activations), kind, **options)
    with substitute(part.func, spies.replacements):
        (outcome,) = part.run([case])
    return case, outcome


def _unchanged(part, case, outcome, names):
    """Fail if the call changed one of the arguments the text asks to leave as they were (position -> name)."""
    for position, name in names.items():
        if not alike(outcome.args[position], case.args[position], rtol=0, atol=0):
            part.fail(f"changed its input {name} ({case.text})", f"leave {name} as it was: work on new arrays")


def _trained(part, case, outcome):
    """The learner's (params, history) after the rungs: no error, inputs unchanged, a pair, a history of numbers."""
    if outcome.error is not None:
        part.error(outcome)
    if not alike(outcome.args[0], case.args[0], rtol=0, atol=0):
        _stop(part, "changes_params", f"changed the params it was given ({case.text})")
    _unchanged(part, case, outcome, {1: "X", 2: "Y"})
    result = outcome.result
    if result is None:
        part.fail("returned None, expected a pair (params, history)", "did you forget `return params, history`?")
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        part.fail(f"returned {fmt(result)}, expected a pair (params, history)", "end with `return params, history`")
    new = _read_params(part, result[0], case.args[0], case, what="the trained params")
    history = result[1].tolist() if isinstance(result[1], np.ndarray) else result[1]
    if not isinstance(history, (list, tuple)) or not all(is_number(c) or isinstance(c, np.floating) for c in history):
        part.fail(f"history is {fmt(result[1])}, expected a list of numbers", "history.append(the epoch's cost)")
    return new, [float(c) for c in history]


def _replay(params, X, Y, activations, kind, learning_rate, epochs_batches):
    """What train must give for these batches: params, history, and the histories of the likely slips."""
    n = len(X)
    history, slips = [], {key: [] for key in _HISTORY_SLIPS}
    for batches in epochs_batches:
        slips["cost_before"].append(scratch.cost(scratch.forward(params, X, activations)[0], Y, kind))
        costs = []
        for rows in batches:
            Y_hat, caches = scratch.forward(params, X[rows], activations)
            costs.append((scratch.cost(Y_hat, Y[rows], kind), len(rows)))
            grads = scratch.backward(params, caches, scratch.output_delta(Y_hat, Y[rows], kind))
            params = scratch.update(params, grads, learning_rate)
        history.append(scratch.cost(scratch.forward(params, X, activations)[0], Y, kind))
        slips["batch_mean"].append(sum(c * k for c, k in costs) / n)
        slips["batch_mean_plain"].append(float(np.mean([c for c, _ in costs])))
        slips["cost_of_last_batch"].append(costs[-1][0])
        Y_hat, _ = scratch.forward(params, X[batches[-1]], activations)  # the last batch, after its update
        slips["last_batch_after"].append(scratch.cost(Y_hat, Y[batches[-1]], kind))
    return params, history, slips


def _expected_sizes(n, batch_size):
    return [min(batch_size, n - start) for start in range(0, n, batch_size)]


def _epochs_of(part, spies, n, batch_size, epochs, history):
    """The batches of each epoch, after the rungs on how many updates, of which sizes, on which rows."""
    sizes = _expected_sizes(n, batch_size)
    per_epoch = len(sizes)
    updates, got_sizes = spies.updates, [len(b) for b in spies.batches]
    where = f"({n} examples, batch_size {batch_size}, {epochs} epochs)"
    if updates == 0:
        part.fail(
            f"train called update 0 times {where}",
            "take one step per batch with update(params, grads, learning_rate), the function of Part 5",
        )
    if len(history) == updates and updates != epochs:
        _stop(part, "per_batch_history", f"history has {len(history)} costs, one per update {where}")
    if len(history) != epochs:
        part.fail(f"history has {len(history)} costs, expected one per epoch: {epochs} {where}")
    if updates != len(spies.batches):
        part.fail(
            f"{updates} updates but {len(spies.batches)} backward passes {where}",
            "one forward, backward and update per batch",
        )
    if updates == epochs and got_sizes == [n] * epochs:
        _stop(part, "full_batch", f"one update per epoch, on all {n} examples {where}")
    if got_sizes == [batch_size] * (n // batch_size) * epochs and n % batch_size:
        _stop(part, "drop_last", f"the last {n % batch_size} examples of every epoch never make a batch {where}")
    if got_sizes != sizes * epochs:
        part.fail(
            f"{updates} updates on batches of {got_sizes[: per_epoch + 1]}..., "
            f"expected {epochs} epochs of {sizes} {where}",
            "every epoch: the examples in a new order, cut into batches of batch_size, one update per batch",
        )
    epochs_batches = [spies.batches[e * per_epoch : (e + 1) * per_epoch] for e in range(epochs)]
    for batches in epochs_batches:
        if sorted(i for rows in batches for i in rows) != list(range(n)):
            part.fail(
                f"an epoch's batches do not hold each of the {n} examples exactly once",
                "draw a permutation of 0..n-1 each epoch (rng.permutation); rng.choice or rng.integers repeat some",
            )
    # The targets are seen only through output_delta; a train that computes the delta itself is judged on
    # the trained params instead (its values differ when the targets are not its batch's).
    if len(spies.y_batches) == len(spies.batches) and spies.y_batches != spies.batches:
        _stop(
            part, "unpaired", "the targets of a batch are not those of its inputs: X and Y were put in different orders"
        )
    orders = [[i for rows in batches for i in rows] for batches in epochs_batches]
    if all(order == orders[0] for order in orders):
        if orders[0] == list(range(n)):
            _stop(part, "no_shuffle", "the examples come in their original order every epoch")
        _stop(part, "shuffle_once", "every epoch visits the examples in the same order")
    return epochs_batches


def _stops(costs, target_cost, patience, rule="right"):
    """Whether train stops after the last of these epochs' costs, by the rule or by one of its likely slips."""
    if rule == "never_stops":
        return False
    last = costs[-1]
    if (
        target_cost is not None
        and rule != "target_ignored"
        and ((last < target_cost) if rule == "target_strict" else (last <= target_cost))
    ):
        return True
    if patience is None or rule == "patience_ignored":
        return False
    best, since = np.inf, 0
    for epoch, c in enumerate(costs, start=1):
        improved = {
            "tie_improves": c <= best,
            "previous_not_best": epoch == 1 or c < costs[epoch - 2],
            "first_not_best": epoch == 1,
        }.get(rule, c < best)
        if improved:
            best, since = min(best, c), since if rule == "no_reset" else 0
        else:
            since += 1
    return since >= patience + (rule == "patience_late") - (rule == "patience_early")


def _stop_variants(script, target_cost, patience):
    """How many epochs train runs on the costs `script`: by the rule, and by each of its likely slips."""
    return {
        rule: next(
            (k for k in range(1, len(script) + 1) if _stops(script[:k], target_cost, patience, rule)), len(script)
        )
        for rule in ("right", *STOP_SLIPS)
    }


STOP_SLIPS = (  # in this order, the first slip that ran as many epochs as the answer on every case is named
    "never_stops",
    "patience_ignored",
    "target_ignored",
    "target_strict",
    "tie_improves",
    "patience_late",
    "first_not_best",
    "patience_early",
    "previous_not_best",
    "no_reset",
)


def _squares(*roots):
    return [r * r for r in roots]  # dyadic roots: the costs, and Y + root, are exact in floating point


STOP_CASES = [  # (what, the cost after each epoch, the rule)
    ("target_cost 2.0", _squares(2.5, 2, 1.5, 1.25, 1, 0.75, 0.5, 0.25), dict(target_cost=2.0)),
    (
        "target_cost 1.0, reached exactly in epoch 5",
        _squares(2.5, 2, 1.5, 1.25, 1, 0.75, 0.5, 0.25),
        dict(target_cost=1.0),
    ),
    ("patience 3, best in epoch 4", _squares(2.5, 2, 1.5, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5), dict(patience=3)),
    (
        "patience 3, best in epoch 2",
        _squares(2.5, 1.5, 2, 1.75, 1.625, 1.5625, 1.25, 1.125, 1.5, 1.75),
        dict(patience=3),
    ),
    (
        "patience 2, the cost improving now and then",
        _squares(2.5, 2, 2.125, 1.75, 1.875, 1.5, 1.625, 1.75, 1.25, 1.5, 1.625, 1.75),
        dict(patience=2),
    ),
    ("patience 2, the best cost equalled twice", _squares(2.5, 2, 2, 2, 1.5, 1, 0.5), dict(patience=2)),
]


def _stop_problem(rng):
    n, sizes = 10, [2, 3, 1]
    X = rng.normal(size=(n, sizes[0]))
    Y = ((rng.permutation(n) - n // 2) / 4).reshape(n, 1)  # distinct and dyadic
    return X, Y, _network_params(rng, sizes)


def _check_stopping(part, rng):
    X, Y, params = _stop_problem(rng)
    ran, failed = [], None
    for text, script, rule in STOP_CASES:
        spies = _Spies(X, Y, script=script, per_epoch=2)
        options = dict(learning_rate=0.1, epochs=len(script), batch_size=5, rng=np.random.default_rng(1), **rule)
        case, outcome = _run_train(part, spies, text, params, X, Y, ["tanh", "identity"], "mse", **options)
        _, history = _trained(part, case, outcome)
        if spies.updates != 2 * len(history):
            part.fail(
                f"history has {len(history)} costs but train took {spies.updates} updates, "
                f"{spies.updates / 2:g} epochs ({text})",
                "record one cost per epoch, and stop right after the epoch that meets the rule",
            )
        if not same(np.array(history), np.array(script[: len(history)], dtype=float), rtol=1e-9):
            part.fail(
                f"history does not hold the cost on the whole (X, Y) after each epoch ({text})",
                "history.append(cost(forward(params, X, activations)[0], Y, kind)) after each epoch's updates",
            )
        variants = _stop_variants(script, rule.get("target_cost"), rule.get("patience"))
        ran.append((len(history), variants))
        if failed is None and len(history) != variants["right"]:
            failed = f"stopped after {len(history)} epochs, expected {variants['right']} ({text})"
    if failed:
        stage = next((s for s in STOP_SLIPS if all(count == variants[s] for count, variants in ran)), None)
        _stop(
            part,
            stage,
            failed,
            "stop when the cost is at most target_cost, or when patience epochs in a row "
            "brought no cost below the best so far",
        )


def _check_diverging(part, rng):
    X, Y, params = _stop_problem(rng)
    for epoch, script in ((3, _squares(1, 0.5, np.nan, np.nan, np.nan)), (4, _squares(1, 0.5, 0.25, np.inf, np.inf))):
        spies = _Spies(X, Y, script=script, per_epoch=2)
        value = script[epoch - 1]
        text = f"the cost {value} in epoch {epoch}"
        options = dict(learning_rate=0.1, epochs=5, batch_size=5, rng=np.random.default_rng(2))
        case, outcome = _run_train(part, spies, text, params, X, Y, ["tanh", "identity"], "mse", **options)
        if not isinstance(outcome.error, FloatingPointError):
            if outcome.error is not None:
                part.error(outcome)
            _stop(
                part,
                "nan_only" if epoch == 4 else "no_raise",
                f"the cost became {value} in epoch {epoch} and train did not raise FloatingPointError",
            )
        if not re.search(rf"(?<![\d.]){epoch}(?![\d.])", str(outcome.error)):
            _stop(
                part,
                "no_epoch_in_message",
                f"the cost became {value} in epoch {epoch}, but the FloatingPointError's message "
                f"({str(outcome.error)!r}) does not say epoch {epoch}",
            )


def _slipped(slip):
    """The course's train with one likely slip, as an example of the mistake (see TRAIN_MISTAKES)."""

    def train(
        params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng, target_cost=None, patience=None
    ):
        history, n, fixed = [], len(X), rng.permutation(len(X))
        for epoch in range(1, epochs + 1):
            order = {"no_shuffle": np.arange(n), "shuffle_once": fixed, "rng_not_used": np.random.permutation(n)}.get(
                slip, rng.permutation(n)
            )
            y_order = rng.permutation(n) if slip == "unpaired" else order
            step = n if slip == "full_batch" else batch_size
            before, batch_costs = cost(forward(params, X, activations)[0], Y, kind), []
            for start in range(0, n - n % step if slip == "drop_last" else n, step):
                rows, y_rows = order[start : start + step], y_order[start : start + step]
                Y_hat, caches = forward(params, X[rows], activations)
                batch_costs.append(cost(Y_hat, Y[y_rows], kind))
                grads = backward(params, caches, output_delta(Y_hat, Y[y_rows], kind))
                new = update(params, grads, learning_rate)
                if slip == "changes_params":
                    for (W, b), (gW, gb) in zip(params, grads):
                        W -= learning_rate * gW
                        b -= learning_rate * gb
                params = params if slip == "params_not_kept" else new
                if slip == "per_batch_history":
                    history.append(cost(forward(params, X, activations)[0], Y, kind))
            epoch_cost = {
                "cost_of_last_batch": batch_costs[-1],
                "cost_before": before,
                "batch_mean": float(np.mean(batch_costs)),
            }.get(slip, cost(forward(params, X, activations)[0], Y, kind))
            if slip != "no_raise" and (np.isnan(epoch_cost) if slip == "nan_only" else not np.isfinite(epoch_cost)):
                raise FloatingPointError("the cost diverged" if slip == "no_epoch_in_message" else f"epoch {epoch}")
            if slip != "per_batch_history":
                history.append(epoch_cost)
            if _stops(history, target_cost, patience, slip if slip in STOP_SLIPS else "right"):
                break
        return params, history

    return train


def _train_mistake(key, hint):
    return Mistake(key, hint, explains=_at(key), example=_slipped(key))


TRAIN_MISTAKES = [  # each names the rung of check_train it fails; its example is _slipped(key)
    _train_mistake(key, hint)
    for key, hint in {
        "changes_params": (
            "update returns new params; the ones train was given must stay as they were (the experiment of Part 7"
            " starts every run from them)"
        ),
        "per_batch_history": "record the cost once per epoch, on the whole (X, Y), after the epoch's last update",
        "full_batch": "take one update per mini-batch of batch_size examples: that is what makes it mini-batch SGD",
        "drop_last": "keep the smaller last batch: range(0, len(X), batch_size) gives every batch's start",
        "unpaired": "shuffle with one order and index both X and Y with it",
        "no_shuffle": "shuffle the examples each epoch, with the rng you are given: rng.permutation(len(X))",
        "shuffle_once": "draw a new order at the start of every epoch, not once before the loop",
        "params_not_kept": (
            "update returns the new params; keep them for the next step: params = update(params, grads, learning_rate)"
        ),
        "cost_before": "that is the cost before each epoch's updates: record it after the epoch's last update",
        "batch_mean": (
            "that is the mean of the batches' costs during the epoch: record the cost on the whole (X, Y) after "
            "the epoch's last update"
        ),
        "cost_of_last_batch": (
            "that is the last batch's cost: record the cost on the whole (X, Y), cost(forward(params, X, "
            "activations)[0], Y, kind), after the epoch's last update"
        ),
        "rng_not_used": (
            "shuffle with the rng you are given (rng.permutation), not np.random or a new default_rng(): the same"
            " seed must give the same training"
        ),
        "never_stops": "stop once the cost is at most target_cost, or has not improved for patience epochs",
        "patience_ignored": (
            "patience is a stopping rule too: count the epochs in a row without a new best cost, and stop when "
            "they reach patience"
        ),
        "target_ignored": (
            "target_cost is a stopping rule too: when it is not None, stop after the first epoch whose cost is at "
            "most target_cost"
        ),
        "target_strict": "stop when the cost is at most target_cost: <=, not <",
        "tie_improves": (
            "a cost equal to the best so far is no improvement: count it as an epoch without one (cost < best, not <=)"
        ),
        "patience_late": "one epoch too many: stop when patience epochs in a row brought no new best",
        "first_not_best": "count the epochs since the best cost so far, not since the first epoch",
        "patience_early": (
            "one epoch too few: stop when the cost has not improved on the best for patience epochs in a row"
        ),
        "previous_not_best": "compare with the best cost so far, not with the previous epoch's",
        "no_reset": "start counting again from 0 whenever the cost improves on the best",
        "no_raise": (
            "a cost that is not finite means the learning rate is too large: raise FloatingPointError, saying in "
            "which epoch"
        ),
        "nan_only": (
            "inf is not finite either: test with np.isfinite(cost), which catches nan and inf (np.isnan misses inf)"
        ),
        "no_epoch_in_message": (
            "say in which epoch the cost stopped being finite: raise FloatingPointError(f'... in epoch {epoch}'),"
            " counting epochs from 1"
        ),
    }.items()
]

_OWN_DELTA = (
    "your train computes the output delta itself: it must be output_delta's, for the batch's own targets "
    "Y[batch] (2 (Y_hat - Y) / Y_hat.size for mse, (Y_hat - Y) / n for cross_entropy), or call output_delta"
)
_HISTORY_SLIPS = ("cost_before", "batch_mean", "batch_mean_plain", "cost_of_last_batch", "last_batch_after")
_HISTORY_STAGES = {"batch_mean_plain": "batch_mean", "last_batch_after": "cost_of_last_batch"}


@check
def check_train(train, *, seed=0):
    """train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng, target_cost, patience).

    Run with the course's forward, backward, update, output_delta and cost, watched: so this grades train
    alone (a delta or a cost computed by hand is as good as the course's function). Returns (params,
    history), history the cost on the whole (X, Y) after each epoch. Other seeds try other random problems
    and other rng seeds.
    """
    part = Part(
        "train",
        train,
        reference=lambda *args, **kwargs: None,  # judged on what the spies saw, replayed (see _replay)
        catalogue=TRAIN_MISTAKES,
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
        text = f"{n} examples, {kind}, batch_size {batch_size}, {epochs} epochs"
        spies = _Spies(X, Y)
        case, outcome = _run_train(part, spies, text, params, X, Y, activations, kind, **options, rng=_rng(seed))
        new, history = _trained(part, case, outcome)
        if spies.kinds and any(k != kind for k in spies.kinds):
            part.fail(f"output_delta got kind {spies.kinds[0]!r}, expected {kind!r}", "pass kind on as it was given")
        epochs_batches = _epochs_of(part, spies, n, batch_size, epochs, history)
        want, want_history, slips = _replay(params, X, Y, activations, kind, options["learning_rate"], epochs_batches)
        if _params_same(new, params):
            _stop(part, "params_not_kept", f"returned the params it was given, untrained ({text})")
        if not same(np.array(history), np.array(want_history)):
            slip = next((s for s in _HISTORY_SLIPS if same(np.array(history), np.array(slips[s]))), None)
            _stop(
                part,
                _HISTORY_STAGES.get(slip, slip),
                f"wrong history for {text}: expected {fmt(want_history)}, got {fmt(history)}",
                None if spies.y_batches else _OWN_DELTA,
            )
        for layer, ((W, b), (want_W, want_b)) in enumerate(zip(new, want), start=1):
            for got, wanted, name in ((W, want_W, "W"), (b, want_b, "b")):
                if not same(np.asarray(got, float), wanted) and not spies.y_batches:
                    part.fail(f"wrong trained {name} of layer {layer} for {text}", _OWN_DELTA)
                part.compare(got, wanted, case=case, what=f"trained {name} of layer {layer}")
        again, other = _Spies(X, Y), _Spies(X, Y)  # the same rng state again, then another
        for watched, run_seed in ((again, seed), (other, seed + 1)):
            _trained(
                part, *_run_train(part, watched, text, params, X, Y, activations, kind, **options, rng=_rng(run_seed))
            )
        if again.batches != spies.batches or other.batches == spies.batches:
            _stop(part, "rng_not_used", f"the order of the examples does not come from the rng argument ({text})")
    _check_stopping(part, rng)
    _check_diverging(part, rng)
    part.no_warnings()
    part.passed("batches, shuffling, updates, history, both stopping rules and divergence right")


# --- Part 7: choose_learning_rate(params, X, Y, activations, kind, rates, *, ...) -> the best rate -------


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
    (  # the lowest cost of a run is not its last: 0.2 dips to 0.2, then ends above 0.05's last
        [0.05, 0.2, 1.0],
        {0.05: [0.65, 0.6, 0.55, 0.5], 0.2: [0.7, 0.2, 0.6, 0.66], 1.0: "diverges"},
        0.05,
    ),
]


def _score(outcome, read):
    return np.inf if outcome == "diverges" else read(outcome)


def _finite(value):
    return value if np.isfinite(value) else np.inf


def _lowest(score):
    """The rate whose outcome scores lowest (np.argmin: a nan score is picked first)."""
    return lambda rates, outcomes: rates[int(np.argmin([score(outcomes[r]) for r in rates]))]


def _highest(score):
    return lambda rates, outcomes: rates[int(np.argmax([score(outcomes[r]) for r in rates]))]


CHOICE_SLIPS = {  # a wrong choice's key -> the choices it makes (any of them), from the rates and outcomes
    "nan_wins": [
        _lowest(lambda o: _score(o, lambda h: h[-1])),  # np.argmin picks nan
        _lowest(lambda o: np.nan if o == "diverges" else o[-1]),  # a diverging run counted as nan
    ],
    "lowest_not_final": [_lowest(lambda o: _score(o, np.nanmin))],
    "first_epoch": [_lowest(lambda o: _score(o, lambda h: _finite(h[0])))],
    "mean_cost": [_lowest(lambda o: _score(o, lambda h: _finite(np.mean(h))))],
    "highest_cost": [
        lambda rates, outcomes: rates[
            int(
                np.argmax(
                    [-np.inf if o == "diverges" or not np.isfinite(o[-1]) else o[-1] for o in map(outcomes.get, rates)]
                )
            )
        ],
    ],
    "largest_rate": [
        lambda rates, outcomes: max(rates),
        _highest(lambda o: _score(o, lambda h: _finite(h[-1]))),  # np.argmax: a diverging run, inf, wins
    ],
    "smallest_rate": [lambda rates, outcomes: min(rates)],
}


def _wrong_choice(choices):
    """The keys of the likely slips that make every one of these choices ((got, rates, outcomes), right ones
    included), or None."""
    keys = tuple(
        key
        for key, ways in CHOICE_SLIPS.items()
        if any(all(way(rates, outcomes) == got for got, rates, outcomes in choices) for way in ways)
    )
    return keys or None


def _choosing(
    score=lambda h: h[-1], run_rng=copy.deepcopy, *, chain=False, catch=True, index=False, finite=True, pick=None
):
    """A choose_learning_rate as a learner writes it, with one likely slip (see CHOOSE_MISTAKES)."""

    def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
        scores = []
        for rate in rates:
            try:
                options = dict(learning_rate=rate, epochs=epochs, batch_size=batch_size, rng=run_rng(rng))
                new, history = train(params, X, Y, activations, kind, **options)
                value = score(history)
                params = new if chain else params
            except FloatingPointError:
                if not catch:
                    raise
                value = np.inf
            scores.append(value if np.isfinite(value) or not finite else np.inf)
        best = int(np.argmin(scores)) if pick is None else pick(scores, rates)
        return best if index else rates[best]

    return choose_learning_rate


CHOOSE_MISTAKES = [
    Mistake(
        "no_catch",
        "a rate that diverges makes train raise FloatingPointError: catch it (try/except) and count that rate "
        "as the worst",
        explains=_at("no_catch"),
        example=_choosing(catch=False),
    ),
    Mistake(
        "options_changed",
        "pass activations, kind, epochs and batch_size on to train as they are",
        explains=_at("options_changed"),
        example=lambda params, X, Y, activations, kind, rates, *, epochs, batch_size, rng: _choosing()(
            params, X, Y, activations, kind, rates, epochs=epochs + 1, batch_size=batch_size, rng=rng
        ),
    ),
    Mistake(
        "params_chained",
        "every rate must start from the same params: train returns new ones; start each run from the given",
        explains=_at("params_chained"),
        example=_choosing(chain=True),
    ),
    Mistake(
        "shared_rng",
        "for a fair comparison give every run the same random order: a copy of rng in its state "
        "(copy.deepcopy(rng)) for each",
        explains=_at("shared_rng"),
        example=_choosing(run_rng=lambda rng: rng),
    ),
    Mistake(
        "fixed_seed",
        "the shuffles must come from the rng argument (a copy of it), not from a new default_rng()",
        explains=_at("fixed_seed"),
        example=_choosing(run_rng=lambda rng: np.random.default_rng(0)),
    ),
    Mistake(
        "index_returned",
        "return the best rate itself (rates[i]), not its index",
        explains=_at("index_returned"),
        example=_choosing(index=True),
    ),
    Mistake(
        "nan_wins",
        "a cost that is not finite (nan or inf) counts as the worst; np.argmin and min() would pick nan",
        explains=_at("nan_wins"),
        example=_choosing(finite=False),
    ),
    Mistake(
        "lowest_not_final",
        "judge each rate by the cost its run ends with (history[-1]), not by the lowest cost along the way",
        explains=_at("lowest_not_final"),
        example=_choosing(score=np.nanmin),
    ),
    Mistake(
        "first_epoch",
        "that rate had the lowest cost after the first epoch; judge each rate by its cost after the last epoch",
        explains=_at("first_epoch"),
        example=_choosing(score=lambda h: h[0]),
    ),
    Mistake(
        "mean_cost",
        "judge each rate by the cost its run ends with (history[-1]), not by the mean of its history",
        explains=_at("mean_cost"),
        example=_choosing(score=np.mean),
    ),
    Mistake(
        "highest_cost",
        "the best rate is the one whose run ends with the LOWEST cost: np.argmin (or min), not np.argmax",
        explains=_at("highest_cost"),
        example=_choosing(
            pick=lambda scores, rates: int(np.argmax([v if np.isfinite(v) else -np.inf for v in scores]))
        ),
    ),
    Mistake(
        "largest_rate",
        "the largest rate diverged: it is the worst, not the best; compare the runs' last costs",
        explains=_at("largest_rate"),
        example=_choosing(pick=lambda scores, rates: int(np.argmax(scores))),
    ),
    Mistake(
        "smallest_rate",
        "the smallest rate is the safest, but in a short run it learns slowest; compare the runs' last costs",
        explains=_at("smallest_rate"),
        example=_choosing(pick=lambda scores, rates: int(np.argmin(rates))),
    ),
]


def _outcome_text(rate, outcome):
    if outcome == "diverges":
        return f"{rate:g} diverges"
    return f"{rate:g} ends at {outcome[-1]:g}"


def _choose(part, spy, text, params, X, Y, rates, **options):
    case = Case(text, _copy_params(params), X.copy(), Y.copy(), ["tanh", "identity"], "mse", list(rates), **options)
    with substitute(part.func, {"train": spy}):
        (outcome,) = part.run([case])
    if isinstance(outcome.error, FloatingPointError):
        _stop(part, "no_catch", f"raised FloatingPointError: {outcome.error} ({text})")
    if outcome.error is not None:
        part.error(outcome)
    _unchanged(part, case, outcome, {0: "params", 1: "X", 2: "Y"})
    return outcome.result


def _judge_choice(part, spy, got, rates, outcomes, best, epochs, text):
    """The rungs of one experiment before its choice; the choices are judged together (_judge_choices)."""
    tried = [call["rate"] for call in spy.calls]
    if sorted(map(float, tried)) != sorted(rates):
        part.fail(
            f"trained at the rates {tried}, expected each of {rates} once ({text})",
            "call train once for every rate in rates",
        )
    if any(call["options"] != (["tanh", "identity"], "mse", epochs, 4) for call in spy.calls):
        _stop(
            part,
            "options_changed",
            f"train was called with other activations, kind, epochs or batch_size than given ({text})",
        )
    if any(not _params_same(call["params"], spy.calls[0]["params"]) for call in spy.calls):
        _stop(part, "params_chained", f"a later rate started from params an earlier rate had trained ({text})")
    states = [call["state"] for call in spy.calls]
    if any(state is None for state in states):
        part.fail(f"train got an rng that is not a np.random.Generator ({text})", "pass a Generator made from rng")
    if any(state != states[0] for state in states):
        _stop(part, "shared_rng", f"the rates saw different shuffles: train moved the rng on between runs ({text})")
    if not is_number(got) and not isinstance(got, np.floating):
        part.fail(f"returned {fmt(got)}, expected one of the rates", "return the best rate itself, a number")
    if float(got) not in [float(r) for r in rates]:
        stage = "index_returned" if float(got) in range(len(rates)) else None
        _stop(part, stage, f"returned {float(got):g}, which is not one of {rates}", "return the best rate itself")


def _judge_choices(part, choices):
    """Every experiment's choice ((got, rates, outcomes, best) each): the first wrong one fails, naming the slip
    that makes all of them."""
    for got, rates, outcomes, best in choices:
        if float(got) != best:
            _stop(
                part,
                _wrong_choice([(float(g), r, o) for g, r, o, _ in choices]),
                f"chose {float(got):g}, expected {best:g}: " + ", ".join(_outcome_text(r, outcomes[r]) for r in rates),
            )


@check
def check_choose_learning_rate(choose_learning_rate, *, seed=0):
    """choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng) -> the best rate.

    Run with train replaced by one whose costs are given, or by the course's: this grades the choice alone.
    Other seeds try other rng seeds and another random problem.
    """
    part = Part(
        "choose_learning_rate",
        choose_learning_rate,
        reference=lambda *args, **kwargs: None,  # judged on the choice and on the calls to train (_TrainSpy)
        catalogue=CHOOSE_MISTAKES,
        error_hint="train once per rate, from the same params, and compare the last cost of each history",
    )
    rng = rng_for(seed, 55)
    X, Y = _train_problem(rng, 12, [2, 3, 1], "mse")
    params = _network_params(rng, [2, 3, 1])
    choices = []
    for rates, outcomes, best in CHOOSE_CASES:
        epochs = len(next(o for o in outcomes.values() if o != "diverges"))
        spy = _TrainSpy(outcomes)
        text = f"rates {rates}"
        options = dict(epochs=epochs, batch_size=4, rng=np.random.default_rng(1 + int(rng.integers(0, 1000))))
        got = _choose(part, spy, text, params, X, Y, rates, **options)
        _judge_choice(part, spy, got, rates, outcomes, best, epochs, text)
        choices.append((got, rates, outcomes, best))
    _judge_choices(part, choices)
    # The same experiment from another seed must give each run another order: the shuffles come from rng.
    rates, outcomes, _ = CHOOSE_CASES[0]
    spies = [_TrainSpy(outcomes), _TrainSpy(outcomes)]
    for spy, run_seed in zip(spies, (1, 2)):
        _choose(part, spy, f"rates {rates}, rng seed {run_seed}", params, X, Y, rates, epochs=4, batch_size=4,
                rng=np.random.default_rng(run_seed))  # fmt: skip
    if spies[0].calls[0]["state"] == spies[1].calls[0]["state"]:
        _stop(part, "fixed_seed", "two different rng seeds gave train the same random state")
    # The course's own train, on a problem where the slow, the right and the diverging rate are far apart.
    X, Y = datasets.regression_1d(40, noise=0.1, rng=seed)
    params = scratch.initialize([1, 8, 1], np.random.default_rng(seed))
    rates = [0.001, 0.1, 20.0]
    got = _choose(part, _TrainSpy(), f"rates {rates} with the course's train", params, X, Y, rates, epochs=30,
                  batch_size=10, rng=np.random.default_rng(seed))  # fmt: skip
    if not is_number(got) or float(got) != 0.1:
        part.fail(f"chose {fmt(got)} from {rates} with the course's train, expected 0.1")
    part.no_warnings()
    part.passed(f"the best rate chosen in all {len(part.cases)} experiments")


CATALOGUES = {
    "check_sgd_step": SGD_STEP_MISTAKES,
    "check_momentum_step": MOMENTUM_STEP_MISTAKES,
    "check_minibatches": MINIBATCHES_MISTAKES,
    "check_moons_classifier": MOONS_MISTAKES,
    "check_update": UPDATE_MISTAKES,
    "check_train": TRAIN_MISTAKES,
    "check_choose_learning_rate": CHOOSE_MISTAKES,
}
