"""Checks for exercise 08, the project on real data (lesson 08): preparing the digits, a digit classifier
with softmax and cross-entropy, reading a confusion matrix, a regression error in the data's units, the
digits with the learner's own network, and the epoch to keep from two cost curves.

Each part's known mistakes are its catalogue (a list of `Mistake`). Where a wrong implementation can stand
for a mistake, a check names it only when it gives exactly what the learner's answer gave on every case.
The two training parts judge a trained network rung by rung instead; each of their mistakes names the rung
it fails (`_at`), so exactly one is named.
"""

import numbers

import numpy as np

from annlib import datasets, scratch, training
from annlib.checks._core import Case, Mistake, Part, check, fmt, rng_for, substitute
from annlib.checks.training import _PAIRS, FitWatch
from annlib.metrics import accuracy as _accuracy
from annlib.network import Network

N_CLASSES = 10
PIXEL_MAX = 16.0  # the digits count 'on' pixels in 4x4 blocks: 0..16, whatever the batch holds


def _digits():
    data = datasets.load_digits()
    return data.X, data.y


def digits_split(seed=0):
    """The split the digit classifiers are trained and judged on: X_train, X_test, Y_train, Y_test."""
    X, y = _digits()
    return datasets.train_test_split(X / PIXEL_MAX, datasets.one_hot(y, N_CLASSES), test_fraction=0.25, rng=seed)


def _at(stage):
    """An explains-predicate for the training parts: the check stopped at this rung."""
    return lambda part: getattr(part, "stage", None) == stage


def _staged(key, hint, example):
    """A mistake of a training part: the check stopped at the rung of this name; example makes it."""
    return Mistake(key, hint, explains=_at(key), example=example)


def _stop(part, stage, message, hint=None):
    part.stage = stage
    part.fail(message, hint)


def _is_number(value):
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _is_whole(value):
    return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))


# --- Part 1: scale_and_encode(X, y) -> (X / 16, one-hot Y of 10 columns) --------------------------------


def _one_hot(y):
    return np.eye(N_CLASSES)[y]


def _scale_in_place(X, y):
    X /= 16
    return X, _one_hot(y)


SCALE_AND_ENCODE_MISTAKES = [
    Mistake(
        "own_maximum",
        "divide by 16, the pixels' fixed scale: the batch's own largest value (X.max()) is 15 or less for "
        "faint digits, which would then be scaled differently from the rest",
        lambda X, y: (X / X.max(), _one_hot(y)),
    ),
    Mistake(
        "divided_by_255",
        "these pixels go from 0 to 16, not 0 to 255: divide by 16",
        lambda X, y: (X / 255, _one_hot(y)),
    ),
    Mistake("not_scaled", "scale the pixels to [0, 1]: X / 16", lambda X, y: (X, _one_hot(y))),
    Mistake(
        "standardized",
        "here, scale to [0, 1] by dividing by 16 (standardizing is for the regression part)",
        lambda X, y: ((X - X.mean()) / X.std(), _one_hot(y)),
    ),
    Mistake(
        "standardized_columns",
        "here, scale every pixel the same way, to [0, 1], by dividing by 16 (standardizing is for the regression part)",
        lambda X, y: ((X - X.mean(axis=0)) / np.where(X.std(axis=0) > 0, X.std(axis=0), 1.0), _one_hot(y)),
    ),
    Mistake(
        "floor_division",
        "// rounds down to whole numbers: divide with / to keep the fractions",
        lambda X, y: (X // 16, _one_hot(y)),
    ),
    Mistake(
        "not_encoded",
        "Y has one row per digit and one column per class: datasets.one_hot(y, 10)",
        lambda X, y: (X / 16, y),
    ),
    Mistake(
        "classes_from_batch",
        "a batch without a 9 would get 9 columns: pass the number of classes, datasets.one_hot(y, 10)",
        lambda X, y: (X / 16, datasets.one_hot(y)),
    ),
    Mistake(
        "classes_counted",
        "there are always 10 classes, whatever the batch holds: datasets.one_hot(y, 10) or np.eye(10)[y], not "
        "len(np.unique(y)) columns",
        lambda X, y: (X / 16, np.eye(len(np.unique(y)))[y]),
    ),
    Mistake(
        "shifted_labels",
        "the digit d has its 1 in column d (digits start at 0): index with y itself, not y - 1",
        lambda X, y: (X / 16, _one_hot(y - 1)),
    ),
    Mistake(
        "transposed_Y",
        "Y has one row per digit, (n_samples, 10), like X has: leave out the .T",
        lambda X, y: (X / 16, _one_hot(y).T),
    ),
    Mistake("swapped", "return them in this order: (X_scaled, Y)", lambda X, y: (_one_hot(y), X / 16)),
    Mistake("scaled_in_place", "X /= 16 changes the caller's array: compute a new one, X / 16", _scale_in_place),
]


def _scale_cases(seed):
    X, y = _digits()
    rng = rng_for(seed, 61)
    faint = np.flatnonzero(X.max(axis=1) < PIXEL_MAX)  # 32 digits whose brightest pixel is 14 or 15
    picks = [
        (rng.choice(len(X), size=40, replace=False), "40 digits"),
        (np.flatnonzero(y != 9)[rng.integers(0, 1000) :][:25], "25 digits without a 9"),
        (np.sort(rng.choice(faint, size=12, replace=False)), "12 faint digits (no pixel above 15)"),
    ]
    return [Case(text, X[rows], y[rows]) for rows, text in picks]


@check
def check_scale_and_encode(scale_and_encode, *, seed=0):
    """scale_and_encode(X, y) -> (X / 16, one-hot rows of 10 classes).

    Other seeds try other random digits: 40 of them, 25 without a 9, 12 faint ones.
    """
    part = Part(
        "scale_and_encode",
        scale_and_encode,
        reference=lambda X, y: (X / PIXEL_MAX, datasets.one_hot(y, N_CLASSES)),
        catalogue=SCALE_AND_ENCODE_MISTAKES,
        error_hint="X / 16 and datasets.one_hot(y, 10)",
    )
    part.run(_scale_cases(seed))
    part.judge(
        names=["X_scaled", "Y"],
        shape_hint="X_scaled has the shape of X; Y one row per digit and one column per class, always 10",
    )
    part.passed()


# --- Part 2: train_digits_classifier(X_train, Y_train) -> a Network, >= 90% on held-out digits ----------


def _train_with(epochs=5, seed=0, sizes=(64, 32, 10), output="softmax", loss="cross_entropy", optimizer="adam"):
    def train_digits_classifier(X_train, Y_train):
        network = Network.from_sizes(list(sizes), activation="tanh", output_activation=output, rng=seed)
        history = training.fit(
            network, X_train, Y_train, loss, optimizer, learning_rate=0.01, epochs=epochs, batch_size=32,
            rng=seed, progress=False,
        )  # fmt: skip
        return network, history

    return train_digits_classifier


def _network(train):
    return lambda X, Y: train(X, Y)[0]


DIGITS_CLASSIFIER_MISTAKES = [
    _staged("no_return", "did you forget `return network`?", lambda X, Y: None),
    _staged(
        "returned_history",
        "fit returns a History and trains the network in place: return the network",
        lambda X, Y: _train_with(epochs=1)(X, Y)[1],
    ),
    _staged(
        "wrong_input_size",
        "the network reads the 64 pixels of a digit: its first size is 64",
        lambda X, Y: Network.from_sizes([10, 10], activation="softmax", rng=0),
    ),
    _staged(
        "wrong_output_size",
        "10 outputs, one probability per class: the last layer has 10 softmax neurons",
        lambda X, Y: Network.from_sizes([64, 1], activation="sigmoid", rng=0),
    ),
    _staged(
        "not_softmax",
        "one class out of many: a softmax output layer (its outputs add up to 1), trained with CrossEntropy()",
        _network(_train_with(epochs=1, output="sigmoid", loss="mse")),
    ),
    _staged(
        "untrained",
        "about chance level: train the network with fit(network, X_train, Y_train, CrossEntropy(), ...) before "
        "returning it (if it is trained, it learned almost nothing: more epochs or a larger learning rate)",
        lambda X, Y: Network.from_sizes([64, 10], activation="softmax", rng=0),
    ),
    _staged(
        "low_accuracy",
        "train longer or with a larger learning rate; a hidden layer of 32 neurons and adam are plenty",
        _network(_train_with(epochs=1, optimizer="sgd")),
    ),
    _staged(
        "no_seed",
        "two runs gave two different networks: give rng= a seed in Network.from_sizes and in fit",
        _network(_train_with(epochs=3, seed=None)),
    ),
]


def _network_outputs(part, network, X):
    """The outputs of the learner's network on X, after the rungs a returned object climbs."""
    if network is None:
        _stop(part, "no_return", "returned None, expected a trained Network")
    if not hasattr(network, "forward"):
        if hasattr(network, "loss"):
            _stop(part, "returned_history", f"returned a {type(network).__name__}, expected the trained Network")
        _stop(part, "other", f"returned {fmt(network)}, expected a trained Network", "end with `return network`")
    if getattr(network, "n_inputs", 64) != X.shape[1]:
        _stop(part, "wrong_input_size", f"the network takes {network.n_inputs} inputs, expected 64 (the pixels)")
    try:
        output = network.forward(X)
    except Exception as exc:  # the learner's network, reported as feedback
        _stop(part, "other", f"the network raised {type(exc).__name__} on the held-out digits: {exc}")
    output = np.asarray(output, dtype=np.float64)
    if output.shape != (len(X), N_CLASSES):
        _stop(part, "wrong_output_size", f"the network's output has shape {output.shape}, expected {(len(X), 10)}")
    return output


@check
def check_digits_classifier(train_digits_classifier, *, seed=0):
    """train_digits_classifier(X_train, Y_train) -> a Network with >= 90% accuracy on held-out digits.

    The visible call trains it twice: a seeded network comes out the same. Other seeds split the digits
    another way and train it once.
    """
    part = Part(
        "train_digits_classifier",
        train_digits_classifier,
        reference=lambda X, Y: None,
        catalogue=DIGITS_CLASSIFIER_MISTAKES,
        error_hint="Network.from_sizes([64, ..., 10], output_activation='softmax') and fit(..., CrossEntropy(), ...)",
    )
    X_train, X_test, Y_train, Y_test = digits_split(seed)
    case = Case("the training digits", X_train, Y_train)
    watch = FitWatch()
    with substitute(train_digits_classifier, {"fit": watch}):
        (outcome,) = part.run([case])
    if outcome.error is not None:
        part.error(outcome)
    part.inputs_unchanged(case, outcome)
    output = _network_outputs(part, outcome.result, X_test)
    if not (np.all(output >= 0) and np.allclose(output.sum(axis=1), 1.0)):
        _stop(part, "not_softmax", "the outputs of a digit do not add up to 1, so they are not probabilities")
    unpaired = watch.unpaired(outcome.result)
    if unpaired is not None:
        part.fail(
            f"fit trained the network with {unpaired}, which is not the loss for its "
            f"{outcome.result.output_activation} output",
            f"the text asks for the output layer and the loss that pair for one class out of many: {_PAIRS}",
            explain=False,
        )
    score = _accuracy(output, Y_test)
    if score < 0.9:
        stage = "untrained" if score < 0.2 else "low_accuracy"
        _stop(part, stage, f"accuracy {score:.1%} on {len(X_test)} held-out digits, expected at least 90%")
    detail = f"{score:.1%} accuracy on {len(X_test)} held-out digits (90% needed)"
    if seed == 0:  # the visible call trains twice; the hidden ones once, to keep the graded cell quick
        (again,) = part.run([case])
        if again.error is not None:
            part.error(again)
        # A seeded run repeats itself up to rounding; an unseeded one gives another network, far outside 1e-4.
        if not np.allclose(_network_outputs(part, again.result, X_test), output, rtol=1e-4, atol=1e-6):
            _stop(part, "no_seed", "trained twice on the same digits, it gave two different networks")
        detail += ", the same network twice"
    part.passed(detail)


# --- Part 3: most_confused(counts) -> (true_class, predicted_class) ---------------------------------------


def _off_diagonal(counts):
    off = np.array(counts, dtype=np.float64)
    np.fill_diagonal(off, -np.inf)
    return off


def _most_confused(counts):
    off = _off_diagonal(counts)
    i, j = np.unravel_index(np.argmax(off), off.shape)
    return int(i), int(j)


def _first_of_ties(result, args, kwargs):
    """Any of several tied largest entries is right: a pair that is one of them reads as the first (and one
    that is one of them read backwards, as the first backwards)."""
    try:
        i, j = result if isinstance(result, (tuple, list)) else (None, None)
        if _is_whole(i) and _is_whole(j) and i != j:
            off, first = _off_diagonal(args[0]), _most_confused(args[0])
            if off[i, j] == off.max():
                return type(result)(first)
            if off[j, i] == off.max():
                return type(result)(first[::-1])
    except Exception:  # not a pair of classes: compared as it is
        pass
    return result


def _unravel_10(counts):
    off = _off_diagonal(counts)
    i, j = np.unravel_index(np.argmax(off), (10, 10))
    return int(i), int(j)


def _fill_in_place(counts):
    np.fill_diagonal(counts, 0)
    i, j = np.unravel_index(np.argmax(counts), counts.shape)
    return int(i), int(j)


def _row_then_column(counts):
    off = np.array(counts)
    np.fill_diagonal(off, 0)
    i = int(np.argmax(off.sum(axis=1)))
    return i, int(np.argmax(off[i]))


def _upper_only(counts):
    off = np.triu(np.array(counts), k=1)
    i, j = np.unravel_index(np.argmax(off), off.shape)
    return int(i), int(j)


def _row_rates(counts):
    counts = np.array(counts, dtype=np.float64)
    rates = counts / counts.sum(axis=1, keepdims=True)
    np.fill_diagonal(rates, 0)
    i, j = np.unravel_index(np.argmax(rates), rates.shape)
    return int(i), int(j)


def _smallest_of_zeroed(counts):
    off = np.array(counts)
    np.fill_diagonal(off, 0)
    i, j = np.unravel_index(np.argmin(off), off.shape)
    return int(i), int(j)


def _smallest(counts):
    off = np.array(counts, dtype=np.float64)
    np.fill_diagonal(off, np.inf)
    i, j = np.unravel_index(np.argmin(off), off.shape)
    return int(i), int(j)


MOST_CONFUSED_MISTAKES = [
    Mistake(
        "diagonal_included",
        "the diagonal counts correct answers: set it to 0 on a copy (np.fill_diagonal) before looking for the largest",
        lambda c: tuple(int(v) for v in np.unravel_index(np.argmax(c), c.shape)),
    ),
    Mistake(
        "swapped",
        "rows are the true classes, columns the predictions: counts[true, predicted], so return (row, column)",
        lambda c: _most_confused(c)[::-1],
    ),
    Mistake(
        "flat_index",
        "np.argmax gives a flat index: np.unravel_index(index, counts.shape) turns it into (row, column)",
        lambda c: int(np.argmax(np.where(np.eye(len(c), dtype=bool), 0, c))),
    ),
    Mistake(
        "count_not_classes",
        "return where the largest count is, (true_class, predicted_class), not the count itself",
        lambda c: np.where(np.eye(len(c), dtype=bool), 0, c).max(),
    ),
    Mistake("smallest", "the pair confused most has the largest count: np.argmax, not np.argmin", _smallest),
    Mistake(
        "smallest_of_zeroed",
        "the pair confused most has the largest count: np.argmax, not np.argmin (which finds a 0, maybe the "
        "diagonal you set to 0)",
        _smallest_of_zeroed,
    ),
    Mistake(
        "one_based",
        "classes count from 0, like the rows and columns: return the indices as they are",
        lambda c: tuple(v + 1 for v in _most_confused(c)),
    ),
    Mistake(
        "row_then_column",
        "the row with the most mistakes need not hold the largest single entry: look at every entry at once",
        _row_then_column,
    ),
    Mistake(
        "upper_only",
        "mistakes sit on both sides of the diagonal: np.triu keeps only those above it; set the diagonal to 0 "
        "on a copy and look at every other entry",
        _upper_only,
    ),
    Mistake(
        "row_rates",
        "the pair confused most is the largest count, not the largest share of its row: look at counts as they "
        "are, without dividing by the row sums",
        _row_rates,
    ),
    Mistake(
        "fixed_size",
        "counts can have any number of classes: unravel with counts.shape, not (10, 10)",
        _unravel_10,
    ),
    Mistake(
        "changed_counts",
        "np.fill_diagonal changes the array it is given: fill a copy, counts.copy()",
        _fill_in_place,
    ),
]


def _confusion_cases(seed):
    rng = rng_for(seed, 62)
    cases = [
        np.array([[50, 0, 2], [1, 45, 7], [0, 3, 48]]),
        # row 0 holds the most mistakes, row 2 the largest one
        np.diag([30, 31, 29, 33]) + np.array([[0, 4, 4, 4], [0, 0, 0, 2], [9, 0, 0, 1], [0, 1, 0, 0]]),
        # a tie: (0, 1) and (2, 0) are both the largest; either is right
        np.array([[40, 6, 1], [2, 38, 0], [6, 1, 41]]),
        # the largest count is below the diagonal, in a row of many examples: row 2 holds the most mistakes,
        # row 3 the largest share of its examples
        np.array([[200, 3, 3, 3], [12, 300, 0, 0], [7, 7, 20, 0], [0, 0, 5, 10]]),
    ]
    big = rng.integers(0, 5, size=(10, 10)) + np.diag(rng.integers(80, 100, size=10))
    i, j = rng.choice(10, size=2, replace=False)
    big[i, j] = 17
    return [Case(f"counts = {c.tolist()}", c) for c in cases] + [Case("a 10 x 10 confusion matrix", big)]


@check
def check_most_confused(most_confused, *, seed=0):
    """most_confused(counts) -> (true_class, predicted_class) of the largest count off the diagonal.

    Where several entries tie for the largest, any of them is right. Other seeds try another random
    10 x 10 matrix.
    """
    part = Part(
        "most_confused",
        most_confused,
        reference=_most_confused,
        catalogue=MOST_CONFUSED_MISTAKES,
        observe=_first_of_ties,
        error_hint="copy counts, set its diagonal to 0 (np.fill_diagonal), then find its largest entry",
    )
    for outcome in part.run(_confusion_cases(seed)):
        if outcome.error is not None:
            part.error(outcome)
        pair = outcome.result
        if isinstance(pair, (tuple, list)) and len(pair) == 2 and not all(_is_whole(v) for v in pair):
            part.fail(f"returned {pair!r}, expected two whole numbers", "convert with int(...)")
    part.judge(names=["true_class", "predicted_class"])
    part.passed(f"all {len(part.cases)} confusion matrices read right")


# --- Part 4: error_in_units(y_pred_scaled, y_true, y_scaler) -> mean |y_pred - y_true| in units ----------


def _in_units(p, s):
    return s.inverse_transform(p)


ERROR_IN_UNITS_MISTAKES = [
    Mistake(
        "not_inverted",
        "the predictions are still standardized: y_scaler.inverse_transform(y_pred_scaled) first",
        lambda p, y, s: np.mean(np.abs(p - y)),
    ),
    Mistake(
        "transform_instead",
        "transform standardizes; to bring predictions back to the data's units use y_scaler.inverse_transform",
        lambda p, y, s: np.mean(np.abs(s.transform(p) - y)),
    ),
    Mistake(
        "scaled_units",
        "that is the error in standardized units; bring the predictions back first: y_scaler.inverse_transform",
        lambda p, y, s: np.mean(np.abs(p - s.transform(y))),
    ),
    Mistake(
        "squared",
        "that is the MSE, in squared units; take mean(|y_pred - y_true|)",
        lambda p, y, s: np.mean((_in_units(p, s) - y) ** 2),
    ),
    Mistake(
        "root_mean_squared",
        "that is the RMSE; the mean absolute error is mean(|y_pred - y_true|)",
        lambda p, y, s: np.sqrt(np.mean((_in_units(p, s) - y) ** 2)),
    ),
    Mistake(
        "summed",
        "that is the sum of the errors: take their mean (np.mean), so it does not grow with n",
        lambda p, y, s: np.sum(np.abs(_in_units(p, s) - y)),
    ),
    Mistake(
        "signed",
        "take the absolute value of each error, or over- and under-estimates cancel",
        lambda p, y, s: np.mean(_in_units(p, s) - y),
    ),
    Mistake(
        "abs_of_mean",
        "take the absolute value of each error before the mean, np.mean(np.abs(y_pred - y_true)): abs(np.mean(...)) "
        "lets over- and under-estimates cancel",
        lambda p, y, s: abs(np.mean(_in_units(p, s) - y)),
    ),
    Mistake(
        "no_mean_added",
        "inverse_transform also adds the mean back: y_pred_scaled * std + mean",
        lambda p, y, s: np.mean(np.abs(p * s.std - y)),
    ),
    Mistake(
        "not_multiplied",
        "inverse_transform multiplies by the standard deviation, then adds the mean: y_pred_scaled * std + mean",
        lambda p, y, s: np.mean(np.abs(p + s.mean - y)),
    ),
    Mistake(
        "inverse_order",
        "multiply first, then add the mean: y_pred_scaled * std + mean (or y_scaler.inverse_transform)",
        lambda p, y, s: np.mean(np.abs((p + s.mean) * s.std - y)),
    ),
    Mistake(
        "broadcast",
        "y_true has shape (n, 1): subtracting an (n,) array from it gives an (n, n) table of every pair; keep "
        "both (n, 1), or ravel both",
        lambda p, y, s: np.mean(np.abs(_in_units(p, s).ravel() - y)),
    ),
    Mistake(
        "divided_by_std",
        "standardizing divided by the standard deviation, so undoing it multiplies: y_pred_scaled * std + mean",
        lambda p, y, s: np.mean(np.abs(p / s.std + s.mean - y)),
    ),
    Mistake(
        "not_reduced",
        "one number: the mean of the absolute errors, np.mean(np.abs(...))",
        lambda p, y, s: np.abs(_in_units(p, s) - y),
    ),
]


def _units_cases(seed):
    rng = rng_for(seed, 63)
    cases = []
    for n, centre, spread in ((8, 150.0, 75.0), (20, 20.0, 4.0)):
        y_train = centre + spread * rng.normal(size=(3 * n, 1))
        y_true = centre + spread * rng.normal(size=(n, 1))
        scaler = datasets.Standardizer().fit(y_train)  # fitted on the training targets, as in the notebook
        y_pred_scaled = scaler.transform(y_true) + 0.3 * rng.normal(size=(n, 1))
        cases.append(Case(f"{n} targets around {centre:g}", y_pred_scaled, y_true, scaler))
    return cases


@check
def check_error_in_units(error_in_units, *, seed=0):
    """error_in_units(y_pred_scaled, y_true, y_scaler) -> mean |prediction - truth| in the data's units.

    Other seeds try other random targets and predictions.
    """
    part = Part(
        "error_in_units",
        error_in_units,
        reference=lambda p, y, s: float(np.mean(np.abs(s.inverse_transform(p) - y))),
        catalogue=ERROR_IN_UNITS_MISTAKES,
        error_hint="y_scaler.inverse_transform(y_pred_scaled) brings the predictions back to the data's units",
        rtol=1e-5,
    )
    part.run(_units_cases(seed))
    part.judge(scalar=True, shape_hint="the mean of the absolute errors is one number")
    part.passed()


# --- Part 5: train_digits_from_scratch(X_train, Y_train, rng) -> (params, activations), >= 93% ---------

SCRATCH_NAMES = ("initialize", "forward", "output_delta", "backward", "update", "train")  # the track's, 03 to 07
DIGITS_TWINS = [
    ("Network", Network),
    ("Network.forward", Network.forward),
    ("fit", training.fit),
    ("training.run_epoch", training.run_epoch),
    ("training.train_step", training.train_step),
]
SCRATCH_ACCURACY = 0.93


def _scratch(sizes=(64, 32, 10), activations=("tanh", "softmax"), epochs=0, shuffle_rng=None):
    def train_digits_from_scratch(X_train, Y_train, rng):
        params = scratch.initialize(list(sizes), rng)
        if epochs:
            params, _ = scratch.train(
                params, X_train, Y_train, list(activations), "cross_entropy", learning_rate=0.1, epochs=epochs,
                batch_size=16, rng=shuffle_rng if shuffle_rng is not None else rng,
            )  # fmt: skip
        return params, list(activations)

    return train_digits_from_scratch


DIGITS_FROM_SCRATCH_MISTAKES = [
    _staged("no_return", "did you forget `return params, activations`?", lambda X, Y, rng: None),
    _staged(
        "params_only",
        "return the params with the activation names: `return params, activations`",
        lambda X, Y, rng: _scratch()(X, Y, rng)[0],
    ),
    _staged(
        "history_not_activations",
        "train returns (params, history): return the params with the activations, `return params, activations`",
        lambda X, Y, rng: scratch.train(
            scratch.initialize([64, 10], rng), X, Y, ["softmax"], "cross_entropy", epochs=1, rng=rng
        ),
    ),
    _staged(
        "activations_mismatch",
        "give one activation name per layer, e.g. ['tanh', 'softmax'] for two layers",
        lambda X, Y, rng: (_scratch()(X, Y, rng)[0], ["softmax"]),
    ),
    _staged(
        "wrong_output_size",
        "the first layer takes the 64 pixels, the last gives 10 outputs, one per class",
        _scratch(sizes=(64, 8, 1), activations=("tanh", "sigmoid")),
    ),
    _staged(
        "not_softmax",
        "ten classes: end with 'softmax' and train with 'cross_entropy'",
        _scratch(sizes=(64, 10), activations=("sigmoid",)),
    ),
    _staged(
        "untrained",
        "about chance level: is the network trained with train(params, X_train, Y_train, activations, "
        "'cross_entropy', ...), and its params returned? If so, it learned almost nothing: a larger learning "
        "rate or more epochs",
        _scratch(),
    ),
    _staged(
        "low_accuracy",
        "train longer, or with a larger learning rate; batches of 16 to 32 and 32 hidden neurons are plenty",
        _scratch(sizes=(64, 10), activations=("softmax",), epochs=1),
    ),
    _staged(
        "rng_ignored",
        "the rng you are given was never used: draw the starting weights with initialize(sizes, rng) and pass "
        "train the same rng, instead of a generator of your own",
        lambda X, Y, rng: _scratch(epochs=8)(X, Y, np.random.default_rng(0)),
    ),
    _staged(
        "rng_not_for_shuffles",
        "the rng you are given drew the starting weights only: pass train that rng too (rng=rng), so it "
        "makes the shuffles as well",
        _scratch(epochs=8, shuffle_rng=np.random.default_rng(1)),
    ),
]


def _whose(func):
    """Which of the track's functions in func's notebook are the course's own (annlib.scratch)."""
    namespace = getattr(func, "__globals__", {})
    return [name for name in SCRATCH_NAMES if namespace.get(name) is getattr(scratch, name)]


def _is_layer(value):
    return isinstance(value, (list, tuple)) and len(value) == 2 and len(getattr(value[0], "shape", ())) == 2


def _is_params(value):
    return isinstance(value, (list, tuple)) and len(value) > 0 and all(_is_layer(p) for p in value)


def _params_and_activations(part, result):
    """(params, activations) from what the learner returned, after the rungs of its form."""
    if result is None:
        _stop(part, "no_return", "returned None, expected a pair (params, activations)")
    if _is_params(result):
        _stop(part, "params_only", "returned the params alone, expected a pair (params, activations)")
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        got = f"{len(result)} values" if isinstance(result, (tuple, list)) else fmt(result)
        hint = "end with `return params, activations`"
        _stop(part, "other", f"returned {got}, expected a pair (params, activations)", hint)
    params, activations = result
    if isinstance(activations, list) and activations and all(_is_number(a) for a in activations):
        _stop(part, "history_not_activations", "returned (params, history), expected (params, activations)")
    if not _is_params(params):
        _stop(part, "other", "params is not a list of (W, b) pairs", "return the params train gave back")
    if not isinstance(activations, (list, tuple)) or len(activations) != len(params):
        n = len(activations) if isinstance(activations, (list, tuple)) else None
        names = fmt(activations) if n is None else f"{n} activation name{'' if n == 1 else 's'}"
        _stop(part, "activations_mismatch", f"{len(params)} layers but {names}")
    shapes = [np.shape(W) for W, _ in params]
    if shapes[0][:1] != (64,) or shapes[-1][1:] != (N_CLASSES,):
        _stop(part, "wrong_output_size", f"the layers' weights have shapes {shapes}")
    if activations[-1] != "softmax":
        _stop(part, "not_softmax", f"the output layer's activation is {activations[-1]!r}")
    return params, list(activations)


def _rng_stage(rng, seed, params):
    """None when the rng drew more than the starting weights; else what it drew: "nothing" or "weights"."""
    fresh = np.random.default_rng(seed)
    if rng.bit_generator.state == fresh.bit_generator.state:
        spawned = getattr(getattr(rng.bit_generator, "seed_seq", None), "n_children_spawned", 0)
        return None if spawned else "rng_ignored"
    scratch.initialize([np.shape(params[0][0])[0]] + [np.shape(W)[1] for W, _ in params], fresh)
    return "rng_not_for_shuffles" if rng.bit_generator.state == fresh.bit_generator.state else None


@check
def check_digits_from_scratch(train_digits_from_scratch, *, seed=0):
    """train_digits_from_scratch(X_train, Y_train, rng) -> (params, activations), >= 93% on held-out digits.

    The rng must draw more than the starting weights (the shuffles too). Other seeds split the digits
    another way and give another rng.
    """
    part = Part(
        "train_digits_from_scratch",
        train_digits_from_scratch,
        reference=lambda X, Y, rng: None,
        catalogue=DIGITS_FROM_SCRATCH_MISTAKES,
        error_hint="initialize([64, ..., 10], rng), then train(params, X_train, Y_train, activations, "
        "'cross_entropy', ...) with your own functions",
        twins=DIGITS_TWINS,
    )
    X_train, X_test, Y_train, Y_test = digits_split(seed)
    case = Case("the training digits", X_train, Y_train, np.random.default_rng(seed))
    (outcome,) = part.run([case])
    if outcome.error is not None:
        part.error(outcome)
    part.inputs_unchanged(case, outcome)
    params, activations = _params_and_activations(part, outcome.result)
    try:
        with np.errstate(all="ignore"):
            floats = [(np.asarray(W, float), np.asarray(b, float)) for W, b in params]
            output = scratch.forward(floats, X_test, activations)[0]
    except Exception as exc:  # the learner's params, reported as feedback
        _stop(part, "other", f"the params do not make a network: {exc}", "return the params train gave back")
    score = _accuracy(output, Y_test)
    if score < SCRATCH_ACCURACY:
        _stop(
            part,
            "untrained" if score < 0.2 else "low_accuracy",
            f"accuracy {score:.1%} on {len(X_test)} held-out digits, expected at least {SCRATCH_ACCURACY:.0%}",
        )
    stage = _rng_stage(outcome.args[2], seed, params)
    if stage == "rng_ignored":
        _stop(part, stage, f"{score:.1%} right, but the rng it was given drew nothing: it came back as it went in")
    if stage == "rng_not_for_shuffles":
        _stop(part, stage, f"{score:.1%} right, but the rng it was given drew the starting weights only")
    course = _whose(train_digits_from_scratch)
    if not course:
        made = "with your own functions"
    elif len(course) == len(SCRATCH_NAMES):
        made = "with the course's functions (annlib.scratch): paste yours to run your own"
    else:
        made = f"with the course's {', '.join(course)}"
    part.passed(f"at least {SCRATCH_ACCURACY:.0%} of the {len(X_test)} held-out digits right, {made}")


# --- Part 6: best_epoch(train_costs, val_costs) -> the epoch (from 1) of the lowest validation cost ------


def _best_epoch(train_costs, val_costs):
    return int(np.argmin(val_costs)) + 1  # np.argmin gives the first of tied minima


def _first_rise(train_costs, val_costs):
    for epoch in range(1, len(val_costs)):
        if val_costs[epoch] > val_costs[epoch - 1]:
            return epoch
    return len(val_costs)


def _last_of_ties(train_costs, val_costs):
    lowest = min(val_costs)
    return max(e for e, c in enumerate(val_costs, start=1) if c == lowest)


BEST_EPOCH_MISTAKES = [
    Mistake(
        "zero_based",
        "epochs count from 1: the first cost in the list is epoch 1, so add 1 to the index",
        lambda t, v: int(np.argmin(v)),
    ),
    Mistake(
        "training_curve",
        "the training cost keeps falling as the network overfits: the validation curve says which epoch "
        "generalises best",
        lambda t, v: int(np.argmin(t)) + 1,
    ),
    Mistake(
        "argmax",
        "the epoch to keep has the lowest validation cost: np.argmin, not np.argmax",
        lambda t, v: int(np.argmax(v)) + 1,
    ),
    Mistake(
        "last_of_ties",
        "where several epochs tie for the lowest cost, return the earliest: compare with <, not <=",
        _last_of_ties,
    ),
    Mistake(
        "first_rise",
        "that is where the validation cost first rises, a small bump: the lowest validation cost comes later",
        _first_rise,
    ),
    Mistake(
        "last_epoch",
        "the last epoch is where the network has overfitted most: look for the lowest validation cost",
        lambda t, v: len(v),
    ),
    Mistake(
        "smallest_gap",
        "the epoch to keep has the lowest validation cost, not the smallest gap between the two curves",
        lambda t, v: int(np.argmin(np.abs(np.array(v) - np.array(t)))) + 1,
    ),
    Mistake(
        "sum_of_curves",
        "only the validation cost says how well the network generalises: leave the training cost out",
        lambda t, v: int(np.argmin(np.array(t) + np.array(v))) + 1,
    ),
    Mistake(
        "cost_not_epoch",
        "return the epoch of the lowest cost (its index + 1), not the cost itself",
        lambda t, v: min(v),
    ),
    Mistake(
        "first_skipped",
        "epoch 1 can hold the lowest validation cost too (a network that overfits from the start): look at every "
        "cost, from the first",
        lambda t, v: int(np.argmin(v[1:])) + 2,
    ),
    Mistake(
        "sliced_first",
        "val_costs[1:] leaves epoch 1 out and shifts every index by one: np.argmin(val_costs) over all of them, "
        "then add 1 (epochs count from 1)",
        lambda t, v: int(np.argmin(v[1:])) + 1,
    ),
    Mistake(
        "last_skipped",
        "the last epoch can hold the lowest validation cost too (a curve still falling): look at every cost, "
        "to the last",
        lambda t, v: int(np.argmin(v[:-1])) + 1,
    ),
    Mistake(
        "float_epoch",
        "an epoch is a whole number: return int(...)",
        lambda t, v: float(np.argmin(v) + 1),
    ),
]


def _curves(rng):
    """(train costs, validation costs, description): falling, a dip and a bump, the lowest, then up (a U)."""
    cases = [
        ([1.2, 0.8, 0.6, 0.5, 0.45], [0.9, 0.5, 0.6, 0.4, 0.7], "the text's example"),
        ([1.0, 0.7, 0.5, 0.4, 0.3, 0.25, 0.2], [0.9, 0.6, 0.4, 0.45, 0.4, 0.5, 0.8], "a tie between epochs 3 and 5"),
        ([1.0, 0.8, 0.7, 0.6, 0.55], [0.9, 0.7, 0.6, 0.65, 0.5], "a curve still falling at its last epoch"),
        ([0.9, 0.6, 0.4, 0.3], [0.5, 0.6, 0.55, 0.8], "a curve lowest at epoch 1"),
    ]
    for length, bottom, bump in ((30, 12, 5), (45, 20, 8), (25, 9, 3)):
        bottom, bump = bottom + int(rng.integers(-2, 3)), bump + int(rng.integers(0, 2))
        epochs = np.arange(1, length + 1)
        train = 2.0 * np.exp(-epochs / 8) + 0.05 + 0.002 * rng.random(length)
        train[-1] = train[-3] + 0.001  # the training cost's lowest is not its last epoch
        train[-2] = train[-3] + 0.0005
        val = 0.5 + 0.004 * (epochs - bottom) ** 2 / bottom + 0.5 * np.exp(-epochs / 3)
        val[bump] = val[bump - 1] + 0.02  # a first rise, well before the bottom of the U
        cases.append((train.tolist(), val.tolist(), f"{length} epochs"))
    return cases


@check
def check_best_epoch(best_epoch, *, seed=0):
    """best_epoch(train_costs, val_costs) -> the 1-based epoch with the lowest validation cost (earliest if tied).

    Other seeds try other random U-shaped curves.
    """
    part = Part(
        "best_epoch",
        best_epoch,
        reference=_best_epoch,
        catalogue=BEST_EPOCH_MISTAKES,
        error_hint="the two curves are lists of costs, one per epoch; epochs count from 1",
    )
    part.run(Case(f"validation costs over {text}", t, v) for t, v, text in _curves(rng_for(seed, 64)))
    for outcome in part.outcomes:
        if outcome.error is not None:
            part.error(outcome)
        if not _is_whole(outcome.result):
            part.fail(f"returned {fmt(outcome.result)}, expected a whole number (an epoch)", "convert with int(...)")
    part.judge(what="epoch")
    part.passed()


CATALOGUES = {
    "check_scale_and_encode": SCALE_AND_ENCODE_MISTAKES,
    "check_digits_classifier": DIGITS_CLASSIFIER_MISTAKES,
    "check_most_confused": MOST_CONFUSED_MISTAKES,
    "check_error_in_units": ERROR_IN_UNITS_MISTAKES,
    "check_digits_from_scratch": DIGITS_FROM_SCRATCH_MISTAKES,
    "check_best_epoch": BEST_EPOCH_MISTAKES,
}
