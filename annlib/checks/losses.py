"""Checks for exercise 04, loss functions (lesson 04): mean squared error, binary and categorical
cross-entropy with clipping, and picking the loss that fits a task."""

import numpy as np

from annlib.checks._core import Ladder, check, copy_args, fmt, rng_for
from annlib.losses import EPSILON, MSE, BinaryCrossEntropy, CrossEntropy

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
    ladder = Ladder("mse", mse, error_hint="y_pred and y_true have the same shape: subtract them element by element")
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
    ladder = Ladder("binary_cross_entropy", binary_cross_entropy, error_hint=_CLIP_HINT)
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
    ladder = Ladder("cross_entropy", cross_entropy, error_hint="P and Y are both (n_samples, n_classes)")
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
    for task, (right, why) in _TASKS.items():
        answer = answers[task]
        if type(answer) is not str:
            ladder.fail(f"{task!r}: the answer is a {type(answer).__name__}, expected a name such as 'mse'")
        if answer not in LOSS_NAMES:
            ladder.fail(f"{task!r}: {answer!r} is not one of {', '.join(map(repr, LOSS_NAMES))}")
        if answer != right:
            ladder.fail(f"{task!r}: {answer!r} does not fit", why)
    ladder.passed(f"all {len(_TASKS)} tasks matched with their loss")
