"""Checks for exercise 08, the project on real data (lesson 08): preparing the digits, a digit classifier
with softmax and cross-entropy, reading a confusion matrix, and a regression error in the data's units."""

import numbers

import numpy as np

from annlib import datasets, scratch, training
from annlib.checks._core import Ladder, check, copy_args, fmt, rng_for, trained_network_outputs
from annlib.metrics import accuracy as _accuracy
from annlib.network import Network

N_CLASSES = 10
PIXEL_MAX = 16.0  # the digits count 'on' pixels in 4x4 blocks: 0..16


def _digits():
    data = datasets.load_digits()
    return data.X, data.y


@check
def check_scale_and_encode(scale_and_encode, *, seed=0):
    """scale_and_encode(X, y) -> (X / 16, one-hot rows of 10 classes)."""
    ladder = Ladder("scale_and_encode", scale_and_encode, error_hint="X / 16 and annlib.datasets.one_hot(y, 10)")
    X_all, y_all = _digits()
    rng = rng_for(seed, 61)
    pick = rng.choice(len(X_all), size=40, replace=False)
    no_nines = np.flatnonzero(y_all != 9)[:25]
    for rows in (pick, no_nines):
        X, y = X_all[rows], y_all[rows]
        args = copy_args((X, y))
        result = ladder.call(*args)
        if not isinstance(result, (tuple, list)) or len(result) != 2:
            ladder.fail("expected a pair (X_scaled, Y)", "end with `return X_scaled, Y`")
        case = f"{len(rows)} digits{' without a 9' if rows is no_nines else ''}"
        X_scaled = ladder.array(result[0], what="X_scaled", shape=X.shape)
        ladder.values(
            X_scaled,
            X / PIXEL_MAX,
            case=case,
            what="X_scaled",
            mistakes=[
                (X / 255.0, "these pixels go from 0 to 16, not 0 to 255: divide by 16"),
                (X, "scale the pixels to [0, 1]: X / 16"),
                (
                    (X - X.mean(axis=0)) / np.where(X.std(axis=0) > 0, X.std(axis=0), 1.0),
                    "here, scale to [0, 1] by dividing by 16 (standardizing is for the regression part)",
                ),
            ],
        )
        Y = ladder.array(
            result[1],
            what="Y",
            shape=(len(y), N_CLASSES),
            shape_hint="one row per digit and one column per class, always 10: one_hot(y, 10)",
        )
        ladder.values(Y, datasets.one_hot(y, N_CLASSES), case=case, what="Y")
        ladder.unchanged(X, args[0], "X")
    ladder.no_warnings()
    ladder.passed()


def digits_split(seed=0):
    """The split the digit classifier is trained and judged on: X_train, X_test, Y_train, Y_test."""
    X, y = _digits()
    return datasets.train_test_split(X / PIXEL_MAX, datasets.one_hot(y, N_CLASSES), test_fraction=0.25, rng=seed)


@check
def check_digits_classifier(train_digits_classifier, *, seed=0):
    """train_digits_classifier(X_train, Y_train) -> a Network with >= 90% accuracy on held-out digits."""
    ladder = Ladder(
        "train_digits_classifier",
        train_digits_classifier,
        error_hint="Network.from_sizes([64, ..., 10], output_activation='softmax') and fit(..., CrossEntropy(), ...)",
    )
    X_train, X_test, Y_train, Y_test = digits_split(seed)
    network = ladder.call(X_train.copy(), Y_train.copy())
    output = trained_network_outputs(
        ladder,
        network,
        X_test,
        shape=Y_test.shape,
        where="on the test digits",
        shape_hint="10 outputs, one probability per class: the last layer has 10 softmax neurons",
        error_hint="the network takes 64 inputs (the pixels) and gives 10 outputs (the classes)",
    )
    score = _accuracy(output, Y_test)
    if score < 0.9:
        hint = "train longer or with a larger learning rate; a hidden layer of 32 neurons is plenty"
        if score < 0.2:
            hint = "about chance level: is the network trained, with a softmax output and cross-entropy?"
        ladder.fail(f"accuracy {score:.1%} on {len(X_test)} held-out digits, expected at least 90%", hint)
    ladder.passed(f"{score:.1%} accuracy on {len(X_test)} held-out digits (90% needed)")


def _confusion_cases(seed):
    rng = rng_for(seed, 62)
    first = np.array([[50, 0, 2], [1, 45, 7], [0, 3, 48]])
    second = np.diag([30, 31, 29, 33]) + np.array([[0, 1, 0, 0], [0, 0, 0, 2], [9, 0, 0, 1], [0, 4, 0, 0]])
    third = rng.integers(0, 5, size=(10, 10)) + np.diag(rng.integers(80, 100, size=10))
    third[8, 3] = 17
    return [first, second, third]


@check
def check_most_confused(most_confused, *, seed=0):
    """most_confused(counts) -> (true_class, predicted_class) of the largest count off the diagonal."""
    ladder = Ladder(
        "most_confused",
        most_confused,
        error_hint="copy counts, set its diagonal to 0 (np.fill_diagonal), then find its largest entry",
    )
    for counts in _confusion_cases(seed):
        (arg,) = copy_args((counts,))
        result = ladder.call(arg)
        if not isinstance(result, (tuple, list)) or len(result) != 2:
            got = fmt(result) if not isinstance(result, (tuple, list)) else f"{len(result)} values"
            ladder.fail(
                f"returned {got}, expected a pair (true_class, predicted_class)",
                "np.argmax gives a flat index: np.unravel_index(index, counts.shape) turns it into (row, column)",
            )
        if not all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in result):
            ladder.fail(f"returned {result!r}, expected two whole numbers", "convert with int(...)")
        got = (int(result[0]), int(result[1]))
        off = counts.copy()
        np.fill_diagonal(off, 0)
        right = tuple(int(i) for i in np.unravel_index(off.argmax(), off.shape))
        if got != right:
            case = f"counts = {counts.tolist()}" if len(counts) < 5 else "a 10 x 10 confusion matrix"
            if got == right[::-1]:
                hint = "rows are the true classes, columns the predictions: counts[true, predicted]"
            elif got[0] == got[1]:
                hint = "the diagonal counts correct answers; look off the diagonal only"
            else:
                hint = None
            ladder.fail(f"for {case}: expected {right}, got {got}", hint)
        ladder.unchanged(counts, arg, "counts")
    ladder.passed(f"all {ladder.cases} confusion matrices read right")


@check
def check_error_in_units(error_in_units, *, seed=0):
    """error_in_units(y_pred_scaled, y_true, y_scaler) -> mean |prediction - truth| in the data's units."""
    ladder = Ladder(
        "error_in_units",
        error_in_units,
        error_hint="y_scaler.inverse_transform(y_pred_scaled) brings the predictions back to the data's units",
    )
    rng = rng_for(seed, 63)
    for n, centre, spread in ((8, 150.0, 75.0), (20, 20.0, 4.0)):
        y_true = centre + spread * rng.normal(size=(n, 1))
        scaler = datasets.Standardizer().fit(y_true)
        y_pred_scaled = scaler.transform(y_true) + 0.3 * rng.normal(size=(n, 1))
        y_pred = scaler.inverse_transform(y_pred_scaled)
        args = copy_args((y_pred_scaled, y_true))
        got = ladder.array(
            ladder.call(*args, scaler), scalar=True, shape_hint="the mean of the absolute errors is one number"
        )
        scaled_true = scaler.transform(y_true)
        ladder.values(
            got,
            np.array(np.mean(np.abs(y_pred - y_true))),
            case=f"{n} targets around {centre:g}",
            mistakes=[
                (
                    np.mean(np.abs(y_pred_scaled - scaled_true)),
                    "that is the error in standardized units; bring the predictions back first: "
                    "y_scaler.inverse_transform",
                ),
                (
                    np.mean(np.abs(y_pred_scaled - y_true)),
                    "the predictions are still standardized: y_scaler.inverse_transform(y_pred_scaled) first",
                ),
                (
                    np.sqrt(np.mean((y_pred - y_true) ** 2)),
                    "that is the RMSE; the mean absolute error is mean(|y_pred - y_true|)",
                ),
                (np.mean((y_pred - y_true) ** 2), "that is the MSE, in squared units; take mean(|y_pred - y_true|)"),
                (
                    np.mean(y_pred - y_true),
                    "take the absolute value of each error, or over- and under-estimates cancel",
                ),
                (np.mean(np.abs(y_pred_scaled * scaler.std - y_true)), "inverse_transform also adds the mean back"),
            ],
        )
        ladder.unchanged(y_pred_scaled, args[0], "y_pred_scaled")
        ladder.unchanged(y_true, args[1], "y_true")
    ladder.no_warnings()
    ladder.passed()


# --- The from-scratch track's last step, and reading overfitting from two curves ---------------------

SCRATCH_NAMES = ("initialize", "forward", "output_delta", "backward", "update", "train")  # the track's, 03 to 07
DIGITS_TWINS = [
    ("Network", Network),
    ("Network.forward", Network.forward),
    ("fit", training.fit),
    ("training.run_epoch", training.run_epoch),
    ("training.train_step", training.train_step),
]
SCRATCH_ACCURACY = 0.93


def _whose(func):
    """Which of the track's functions in func's notebook are the course's own (annlib.scratch)."""
    namespace = getattr(func, "__globals__", {})
    return [name for name in SCRATCH_NAMES if namespace.get(name) is getattr(scratch, name)]


@check
def check_digits_from_scratch(train_digits_from_scratch, *, seed=0):
    """train_digits_from_scratch(X_train, Y_train, rng) -> (params, activations), >= 93% on held-out digits."""
    ladder = Ladder(
        "train_digits_from_scratch",
        train_digits_from_scratch,
        error_hint="initialize([64, ..., 10], rng), then train(params, X_train, Y_train, activations, "
        "'cross_entropy', ...) with your own functions",
        twins=DIGITS_TWINS,
    )
    X_train, X_test, Y_train, Y_test = digits_split(seed)
    result = ladder.call(X_train.copy(), Y_train.copy(), np.random.default_rng(seed))
    if result is None:
        ladder.fail("returned None, expected a pair (params, activations)", "did you forget `return`?")
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        ladder.fail(
            f"returned {fmt(result) if not isinstance(result, (tuple, list)) else f'{len(result)} values'}, "
            "expected a pair (params, activations)",
            "train returns (params, history); return the params with the activations: `return params, activations`",
        )
    params, activations = result
    if isinstance(activations, (list, tuple)) and activations and not isinstance(activations[0], str):
        ladder.fail(
            "returned the params alone, expected a pair (params, activations)",
            "return the params with the activation names: `return params, activations`",
        )
    if (
        not isinstance(params, (list, tuple))
        or not params
        or not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in params)
    ):
        ladder.fail("params is not a list of (W, b) pairs", "return the params train gave back")
    if not isinstance(activations, (list, tuple)) or len(activations) != len(params):
        ladder.fail(
            f"{len(params)} layer{'s' if len(params) > 1 else ''} but activations is {fmt(activations)}",
            "give one activation name per layer, e.g. ['tanh', 'softmax']",
        )
    if activations[-1] != "softmax":
        ladder.fail(
            f"the output layer's activation is {activations[-1]!r}",
            "ten classes: end with 'softmax' and train with 'cross_entropy'",
        )
    shapes = [np.shape(W) for W, _ in params]
    if shapes[0][:1] != (64,) or shapes[-1][1:] != (10,):
        ladder.fail(
            f"the layers' weights have shapes {shapes}",
            "the first layer takes the 64 pixels, the last gives 10 outputs, one per class",
        )
    try:
        with np.errstate(all="ignore"):
            output = scratch.forward(
                [(np.asarray(W, float), np.asarray(b, float)) for W, b in params], X_test, activations
            )[0]
    except Exception as exc:  # the learner's params, reported as feedback
        ladder.fail(f"the params do not make a network: {exc}", "return the params train gave back, unchanged")
    score = _accuracy(output, Y_test)
    if score < SCRATCH_ACCURACY:
        hint = "train longer, or with a larger learning rate; batches of 16 to 32 and 32 hidden neurons are plenty"
        if score < 0.2:
            hint = "about chance level: is the network trained, with a softmax output and 'cross_entropy'?"
        ladder.fail(
            f"accuracy {score:.1%} on {len(X_test)} held-out digits, expected at least {SCRATCH_ACCURACY:.0%}", hint
        )
    course = _whose(train_digits_from_scratch)
    if not course:
        made = "with your own functions"
    elif len(course) == len(SCRATCH_NAMES):
        made = "with the course's functions (annlib.scratch): paste yours to run your own"
    else:
        made = f"with the course's {', '.join(course)}"
    ladder.passed(f"at least {SCRATCH_ACCURACY:.0%} of the {len(X_test)} held-out digits right, {made}")


def _curves(rng):
    """(train costs, validation costs, description): falling, a dip and a bump, the lowest, then up (a U)."""
    cases = []
    for length, bottom, bump in ((30, 12, 5), (45, 20, 8), (25, 9, 3)):
        bottom, bump = bottom + int(rng.integers(-2, 3)), bump + int(rng.integers(0, 2))
        epochs = np.arange(1, length + 1)
        train = 2.0 * np.exp(-epochs / 8) + 0.05 + 0.002 * rng.random(length)
        train[-1] = train[-3] + 0.001  # the training cost's lowest is not its last epoch
        train[-2] = train[-3] + 0.0005
        val = 0.5 + 0.004 * (epochs - bottom) ** 2 / bottom + 0.5 * np.exp(-epochs / 3)
        val[bump] = val[bump - 1] + 0.02  # a first rise, well before the bottom of the U
        cases.append((train, val, f"{length} epochs"))
    return cases


@check
def check_best_epoch(best_epoch, *, seed=0):
    """best_epoch(train_costs, val_costs) -> the 1-based epoch with the lowest validation cost (earliest if tied)."""
    ladder = Ladder(
        "best_epoch",
        best_epoch,
        error_hint="the two curves are lists of costs, one per epoch; epochs count from 1",
    )
    for train, val, case in _curves(rng_for(seed, 64)):
        args = (train.tolist(), val.tolist())
        got = ladder.call(*args)
        if got is None:
            ladder.fail("returned None, expected an epoch", "did you forget `return`?")
        if isinstance(got, (bool, np.bool_)) or not isinstance(got, (numbers.Integral, np.integer)):
            ladder.fail(f"returned {fmt(got)}, expected a whole number (an epoch)", "convert with int(...)")
        ladder.unchanged(train, np.array(args[0]), "train_costs")
        ladder.unchanged(val, np.array(args[1]), "val_costs")
        got, right = int(got), int(np.argmin(val)) + 1
        if got == right:
            continue
        rises = np.flatnonzero(np.diff(val) > 0)
        mistakes = [
            (right - 1, "epochs count from 1: the first cost in the list is epoch 1"),
            (int(np.argmin(train)) + 1, "the training cost keeps falling as the network overfits: "
             "the validation curve says which epoch generalises best"),
            (len(val), "the last epoch is where the network has overfitted most: look for the lowest validation cost"),
            (int(rises[0]) + 1 if len(rises) else None, "that is where the validation cost first rises, a small bump: "
             "the lowest validation cost comes later"),
            (int(rises[0]) + 2 if len(rises) else None, "that is the epoch where the validation cost first rises, "
             "a small bump: the lowest validation cost comes later"),
            (int(rises[0]) if len(rises) else None, "epochs count from 1, and the first rise is a small bump: "
             "look for the lowest validation cost"),
            (int(np.argmin(train)), "the validation curve says which epoch generalises best; epochs count from 1"),
        ]  # fmt: skip
        hint = next((text for value, text in mistakes if value == got), None)
        ladder.fail(f"for validation costs over {case}: expected epoch {right}, got {got}", hint)
    ladder.passed()
