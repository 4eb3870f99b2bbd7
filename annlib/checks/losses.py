"""Checks for exercise 04, loss functions (lesson 04): mean squared error, binary and categorical
cross-entropy with clipping, picking the loss that fits a task, and the gradients backpropagation starts
from: dC/dY_hat, and dC/dZ of an output layer paired with its cost (annlib.scratch's conventions)."""

import numpy as np

from annlib import scratch
from annlib.activations import get_activation
from annlib.checks._core import Ladder, check, copy_args, fmt, rng_for, substitute
from annlib.losses import EPSILON, MSE, BinaryCrossEntropy, CrossEntropy, Loss, get_loss

# annlib's own versions of each part: an answer that calls one scores nothing for that part.
_LOSS_OBJECTS = (("losses.get_loss", get_loss), ("Loss.__call__", Loss.__call__), ("scratch.cost", scratch.cost))
MSE_TWINS = (("losses.MSE", MSE), ("MSE.value", MSE.value)) + _LOSS_OBJECTS
BCE_TWINS = (("losses.BinaryCrossEntropy", BinaryCrossEntropy), ("BinaryCrossEntropy.value", BinaryCrossEntropy.value))
BCE_TWINS += _LOSS_OBJECTS
CE_TWINS = (("losses.CrossEntropy", CrossEntropy), ("CrossEntropy.value", CrossEntropy.value)) + _LOSS_OBJECTS
COST_GRADIENT_TWINS = (
    ("scratch.cost_gradient", scratch.cost_gradient),
    ("Loss.gradient", Loss.gradient),
    ("MSE.gradient_at_output", MSE.gradient_at_output),
    ("CrossEntropy.gradient_at_output", CrossEntropy.gradient_at_output),
    ("losses.get_loss", get_loss),
)
OUTPUT_DELTA_TWINS = (
    ("scratch.output_delta", scratch.output_delta),
    ("Loss.gradient", Loss.gradient),
    ("MSE.gradient_at_z", MSE.gradient_at_z),
    ("CrossEntropy.gradient_at_z", CrossEntropy.gradient_at_z),
    ("losses.get_loss", get_loss),
)

_log = np.log
_mse, _bce, _ce = MSE(), BinaryCrossEntropy(), CrossEntropy()

_CLIP_HINT = f"clip the probabilities first: p = np.clip(p, {EPSILON:g}, 1 - {EPSILON:g}); log(0) is -inf"


def _loss_ladder(ladder, cases, reference, mistakes_for, names=("y_pred", "y_true")):
    for y_pred, y_true in cases:
        args = copy_args((y_pred, y_true))
        got = ladder.array(
            ladder.call(*args),
            scalar=True,
            shape_hint="a loss is one number: average the per-element values with np.mean",
        )
        ladder.values(
            got,
            np.array(reference(y_pred, y_true)),
            case=f"{names[0]} = {fmt(y_pred)}, {names[1]} = {fmt(y_true)}",
            mistakes=mistakes_for(y_pred, y_true),
        )
        ladder.unchanged(y_pred, args[0], names[0])
        ladder.unchanged(y_true, args[1], names[1])


@check
def check_mse(mse, *, seed=0):
    """mse(y_pred, y_true) -> mean over every element of (y_pred - y_true)**2, one number."""
    ladder = Ladder(
        "mse",
        mse,
        error_hint="y_pred and y_true have the same shape: subtract them element by element",
        twins=MSE_TWINS,
    )
    rng = rng_for(seed, 31)
    cases = [
        (np.array([[1.0], [2.0], [4.0]]), np.array([[1.5], [2.0], [3.0]])),
        (rng.normal(size=(5, 1)), rng.normal(size=(5, 1))),
        (rng.normal(size=(4, 3)), rng.normal(size=(4, 3))),
    ]
    _loss_ladder(
        ladder,
        cases,
        _mse,
        lambda p, y: [
            (np.sum((p - y) ** 2), "sum where the mean belongs: divide by the number of elements (np.mean)"),
            (
                np.mean(np.sum((p - y) ** 2, axis=1)),
                "average over every element, not only over the rows: np.mean((y_pred - y_true)**2)",
            ),
            (np.sqrt(np.mean((p - y) ** 2)), "no square root: that is the RMSE; the MSE is the mean of the squares"),
            (np.mean(np.abs(p - y)), "square the differences instead of taking their absolute value"),
            (np.mean(p - y), "square the differences, or positive and negative errors cancel"),
            (np.mean(p - y) ** 2, "square each difference before averaging, not the average"),
            (0.5 * np.mean((p - y) ** 2), "no factor 1/2 here: mean((y_pred - y_true)**2)"),
        ],
    )
    ladder.no_warnings()
    ladder.passed()


@check
def check_binary_cross_entropy(binary_cross_entropy, *, seed=0):
    """binary_cross_entropy(p, y) -> -mean(y log p + (1 - y) log(1 - p)), p clipped to [1e-12, 1 - 1e-12]."""
    ladder = Ladder("binary_cross_entropy", binary_cross_entropy, error_hint=_CLIP_HINT, twins=BCE_TWINS)
    rng = rng_for(seed, 32)
    cases = [
        (np.array([[0.9], [0.2], [0.6]]), np.array([[1.0], [0.0], [1.0]])),
        (rng.uniform(0.05, 0.95, size=(6, 1)), rng.integers(0, 2, size=(6, 1)).astype(float)),
        (np.array([[0.0], [1.0], [0.5]]), np.array([[1.0], [0.0], [1.0]])),
        (np.array([[0.0], [1.0]]), np.array([[0.0], [1.0]])),
    ]

    def mistakes(p, y):
        q = np.clip(p, EPSILON, 1 - EPSILON)
        terms = y * _log(q) + (1 - y) * _log(1 - q)
        return [
            (-np.mean(y * _log(p) + (1 - y) * _log(1 - p)), _CLIP_HINT),
            (np.mean(terms), "the minus sign: log p is negative, so the loss is -mean(...)"),
            (-np.sum(terms), "sum where the mean belongs: average over the examples (np.mean)"),
            (-np.mean(y * _log(q)), "add the (1 - y) log(1 - p) term: it is what punishes confident wrong 0s"),
            (-np.mean(q * _log(y) + (1 - q) * _log(1 - y)), "swap p and y: the log is taken of the prediction p"),
            (
                -np.mean(y * _log(np.clip(p, 1e-15, 1 - 1e-15)) + (1 - y) * _log(1 - np.clip(p, 1e-15, 1 - 1e-15))),
                f"clip with {EPSILON:g}, as annlib does: np.clip(p, {EPSILON:g}, 1 - {EPSILON:g})",
            ),
            (
                -np.mean(y * _log(np.clip(p, 1e-7, 1 - 1e-7)) + (1 - y) * _log(1 - np.clip(p, 1e-7, 1 - 1e-7))),
                f"clip with {EPSILON:g}, as annlib does: np.clip(p, {EPSILON:g}, 1 - {EPSILON:g})",
            ),
        ]

    _loss_ladder(ladder, cases, _bce, mistakes, names=("p", "y"))
    ladder.no_warnings(_CLIP_HINT)
    ladder.passed()


@check
def check_cross_entropy(cross_entropy, *, seed=0):
    """cross_entropy(P, Y) -> -sum(Y * log P) / n_samples, Y one-hot, P clipped to at least 1e-12."""
    ladder = Ladder(
        "cross_entropy", cross_entropy, error_hint="P and Y are both (n_samples, n_classes)", twins=CE_TWINS
    )
    rng = rng_for(seed, 33)
    labels = rng.integers(0, 4, size=5)
    scores = np.exp(rng.normal(size=(5, 4)))
    cases = [
        (np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]), np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])),
        (scores / scores.sum(axis=1, keepdims=True), np.eye(4)[labels]),
        (np.array([[1.0, 0.0, 0.0], [0.0, 0.5, 0.5]]), np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])),
        (np.array([[0.0, 1.0], [0.5, 0.5]]), np.array([[1.0, 0.0], [0.0, 1.0]])),
    ]

    def mistakes(P, Y):
        n, k = P.shape
        logs = Y * _log(np.clip(P, EPSILON, 1.0))
        return [
            (-np.sum(Y * _log(P)) / n, "0 * log(0) is NaN: clip P first, np.clip(P, 1e-12, 1.0)"),
            (-np.mean(logs), f"you divided by n_samples * n_classes; divide by the number of samples only ({n})"),
            (-np.sum(logs), "sum where the mean belongs: divide by the number of samples"),
            (np.sum(logs) / n, "the minus sign: log P is negative, so the loss is -sum(Y log P) / n"),
            (
                _bce(np.clip(P, EPSILON, 1 - EPSILON), Y),
                "that is binary cross-entropy; with one-hot rows only the true class counts: -sum(Y * log P) / n",
            ),
        ]

    _loss_ladder(ladder, cases, _ce, mistakes, names=("P", "Y"))
    ladder.no_warnings("0 * log(0) gives a warning and NaN: clip P before the log")
    ladder.passed()


LOSS_NAMES = ("mse", "binary_cross_entropy", "cross_entropy")
_TASKS = {
    "house_price": ("mse", "a price in euros is a number on a scale: regression, mean squared error"),
    "spam": ("binary_cross_entropy", "spam or not is one yes/no label: one sigmoid output, binary cross-entropy"),
    "digit": ("cross_entropy", "one of 10 classes: a softmax over 10 outputs, categorical cross-entropy"),
    "temperature": ("mse", "tomorrow's temperature is a number on a scale: regression, mean squared error"),
    "tumour_malignant": ("binary_cross_entropy", "malignant or benign is one yes/no label: binary cross-entropy"),
    "animal_species": ("cross_entropy", "one species out of several: softmax and categorical cross-entropy"),
}


@check
def check_loss_choices(loss_choices, *, seed=0):
    """loss_choices() -> {task: loss name} for every task, with names from LOSS_NAMES."""
    ladder = Ladder("loss_choices", loss_choices)
    answers = ladder.call()
    if not isinstance(answers, dict):
        ladder.fail(
            f"returned a {type(answers).__name__}, expected a dict {{task: loss name}}", "return the `choices` dict"
        )
    missing = [task for task in _TASKS if task not in answers]
    if missing:
        ladder.fail(f"no answer for {missing[0]!r}", f"give one of {', '.join(map(repr, LOSS_NAMES))} for every task")
    again = ladder.call()
    if not isinstance(again, dict) or any(again.get(task) != answers[task] for task in _TASKS):
        ladder.fail("gave other answers when called again", "return the same fixed dict every time")
    tasks = list(_TASKS)
    if seed:  # other seeds look at the tasks in another order, so another first mistake is named
        tasks = [tasks[i] for i in rng_for(seed, 36).permutation(len(tasks))]
    for task in tasks:
        right, why = _TASKS[task]
        answer = answers[task]
        if type(answer) is not str:
            ladder.fail(f"{task!r}: the answer is a {type(answer).__name__}, expected a name such as 'mse'")
        if answer not in LOSS_NAMES:
            ladder.fail(f"{task!r}: {answer!r} is not one of {', '.join(map(repr, LOSS_NAMES))}")
        if answer != right:
            ladder.fail(f"{task!r}: {answer!r} does not fit", why)
    ladder.passed(f"all {len(_TASKS)} tasks matched with their loss")


# --- cost_gradient(Y_hat, Y, kind) and output_delta(Y_hat, Y, kind), as annlib.scratch has them ---------


def _gradient_cases(rng):
    """(Y_hat, Y, kind, what) cases: regression outputs for "mse", softmax rows and one-hot rows for "cross_entropy"."""
    scores = np.exp(rng.normal(size=(5, 4)))
    saturated = np.array([[0.0, 0.75, 0.25], [0.5, 0.0, 0.5]])  # a 0 where the target is 0
    return [
        (np.array([[1.0], [2.0], [4.0]]), np.array([[1.5], [2.0], [3.0]]), "mse"),
        (rng.normal(size=(4, 3)), rng.normal(size=(4, 3)), "mse"),
        (np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]), np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]), "cross_entropy"),
        (scores / scores.sum(axis=1, keepdims=True), np.eye(4)[rng.integers(0, 4, size=5)], "cross_entropy"),
        (saturated, np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]), "cross_entropy"),
    ]


def _gradient_ladder(ladder, cases, reference, mistakes_for, what):
    for Y_hat, Y, kind in cases:
        args = copy_args((Y_hat, Y))
        got = ladder.array(
            ladder.call(*args, kind),
            what=what,
            shape=Y_hat.shape,
            shape_hint=f"{what} has one entry per prediction: the shape of Y_hat, {Y_hat.shape}",
        )
        ladder.values(
            got,
            reference(Y_hat, Y, kind),
            case=f"kind {kind!r}, Y_hat = {fmt(Y_hat)}, Y = {fmt(Y)}",
            what=what,
            mistakes=mistakes_for(Y_hat, Y, kind),
        )
        ladder.unchanged(Y_hat, args[0], "Y_hat")
        ladder.unchanged(Y, args[1], "Y")


@check
def check_cost_gradient(cost_gradient, *, seed=0):
    """cost_gradient(Y_hat, Y, kind) -> dC/dY_hat, the shape of Y_hat, as annlib.scratch.cost_gradient:
    "mse" 2 (Y_hat - Y) / Y_hat.size; "cross_entropy" -Y / Y_hat / n_samples, Y_hat clipped to at least 1e-12."""
    ladder = Ladder(
        "cost_gradient",
        cost_gradient,
        error_hint="Y_hat and Y are both (n_samples, n_outputs); kind is 'mse' or 'cross_entropy'",
        twins=COST_GRADIENT_TWINS,
    )

    def mistakes(P, Y, kind):
        n, size = P.shape[0], P.size
        if kind == "mse":
            return [
                ((P - Y) / size, "the derivative of (ŷ - y)² is 2 (ŷ - y): the factor 2 is missing"),
                (
                    2 * (P - Y) / n if P.shape[1] > 1 else None,
                    "the MSE averages over every element, n_samples * n_outputs of them: divide by Y_hat.size",
                ),
                (2 * (Y - P) / size, "the sign: C grows as ŷ moves away from y, so dC/dŷ = 2 (ŷ - y) / n, not y - ŷ"),
                (2 * (P - Y), "the 1/n of the mean is missing: dC/dŷ = 2 (ŷ - y) / n, n the number of elements"),
                ((P - Y) / n if P.shape[1] > 1 else None, "the factor 2, and divide by every element: 2 (ŷ - y) / n"),
            ]
        q = np.clip(P, EPSILON, 1.0)
        return [
            (-Y / P / n, "0 / 0 is NaN where a probability is exactly 0: clip Y_hat first, np.clip(Y_hat, 1e-12, 1.0)"),
            (-Y / q / size, "the cross-entropy averages over samples only: divide by n_samples, not by Y_hat.size"),
            (Y / q / n, "the sign: the cost is -sum(Y log Y_hat) / n, so its gradient is -Y / Y_hat / n"),
            (-Y / q, "the 1/n of the mean over samples is missing: -Y / Y_hat / n_samples"),
            (-Y * np.log(q) / n, "the derivative of log p is 1 / p, not log p: -Y / Y_hat / n"),
            (2 * (P - Y) / size, "that is the MSE's gradient; for kind 'cross_entropy' it is -Y / Y_hat / n"),
            (
                (P - Y) / n,
                "that is dC/dZ through the softmax (Part 6); here the gradient at Y_hat itself: -Y / Y_hat / n",
            ),
            (
                (q - Y) / (q * (1 - np.clip(P, 0, 1 - EPSILON))) / n,
                "that is binary cross-entropy's gradient; with one-hot rows only -Y / Y_hat / n remains",
            ),
        ]

    _gradient_ladder(ladder, _gradient_cases(rng_for(seed, 34)), scratch.cost_gradient, mistakes, "dC/dY_hat")
    ladder.no_warnings("clip Y_hat before dividing by it: np.clip(Y_hat, 1e-12, 1.0)")
    ladder.passed()


@check
def check_output_delta(output_delta, *, seed=0):
    """output_delta(Y_hat, Y, kind) -> dC/dZ of the output layer, as annlib.scratch.output_delta: identity output
    with "mse", 2 (Y_hat - Y) / Y_hat.size; softmax output with "cross_entropy", (Y_hat - Y) / n_samples."""
    ladder = Ladder(
        "output_delta",
        output_delta,
        error_hint="Y_hat and Y are both (n_samples, n_outputs); kind is 'mse' or 'cross_entropy'",
        twins=OUTPUT_DELTA_TWINS,
    )

    def mistakes(P, Y, kind):
        n, size = P.shape[0], P.size
        right = scratch.output_delta(P, Y, kind)
        common = [
            (-right, "the sign: the output layer's delta is the prediction minus the target, Ŷ - Y, over n"),
            (right * P * (1 - P), _SLOPE_AGAIN[kind]),
            (_SOFTMAX.backward(None, P, right) if kind == "cross_entropy" else None, _SLOPE_AGAIN[kind]),
        ]
        if kind == "mse":
            return common + [
                (2 * (P - Y), "the 1/n of the mean is missing: 2 (Ŷ - Y) / n, n the number of elements"),
                ((P - Y) / size, "the factor 2 of the squared error is missing: 2 (Ŷ - Y) / n"),
                (
                    2 * (P - Y) / n if P.shape[1] > 1 else None,
                    "the MSE averages over every element: divide by Y_hat.size, not by n_samples",
                ),
            ]
        return common + [
            (P - Y, "the 1/n of the mean over samples is missing: (Ŷ - Y) / n_samples"),
            (
                2 * (P - Y) / size,
                "that is the MSE formula; for softmax + cross-entropy the delta is (Ŷ - Y) / n_samples",
            ),
            ((P - Y) / size, "the cross-entropy averages over samples only: divide by n_samples, not by Y_hat.size"),
            (
                -Y / np.clip(P, EPSILON, 1.0) / n,
                "that is dC/dŶ (Part 5); through the softmax, -Y / Ŷ times its slopes leaves just (Ŷ - Y) / n",
            ),
        ]

    with substitute(output_delta, {"cost_gradient": scratch.cost_gradient}):
        _gradient_ladder(ladder, _gradient_cases(rng_for(seed, 35)), scratch.output_delta, mistakes, "dC/dZ")
    ladder.no_warnings()
    ladder.passed()


_SOFTMAX = get_activation("softmax")  # its backward: each row times the Jacobian diag(p) - p p^T


_SLOPE_AGAIN = {
    "mse": "the identity output's slope is 1: dC/dZ is dC/dŶ itself, with nothing more to multiply",
    "cross_entropy": "the softmax's slope has already cancelled against -Y / Ŷ: (Ŷ - Y) / n, with nothing more to "
    "multiply",
}
