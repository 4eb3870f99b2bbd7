"""Checks for exercise 04, loss functions (lesson 04): mean squared error, binary and categorical
cross-entropy with clipping, picking the loss that fits a task, and the gradients backpropagation starts
from: dC/dY_hat, and dC/dZ of an output layer paired with its cost (annlib.scratch's conventions).

Each part's known mistakes are its catalogue (a list of `Mistake`); a check names a mistake only when it
explains what the learner's answer gave on every case the check ran.
"""

import math

import numpy as np

from annlib import scratch
from annlib.checks._core import Case, Mistake, Part, _as_floats, alike, check, fmt, rng_for, twin_used
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

_LOSS_SHAPE = "a loss is one number: average the per-element values with np.mean"


def _floats(a):
    return np.asarray(a, dtype=np.float64)


def _clip(p, high=1.0 - EPSILON):
    return np.clip(_floats(p), EPSILON, high)


def _finite(outcome):
    array = _as_floats(outcome.result)
    return array is not None and bool(np.isfinite(array).all())


def _clipping(risky, *, finite, certain=None):
    """An explains predicate for a clip done wrong. Cases where risky(case) (a probability of exactly 0 or
    1 that the clip decides) give a non-finite value (finite=False: no clip) or a finite wrong one
    (finite=True: another epsilon); where certain(case) (default: risky) they must be wrong; every other
    case is right."""
    certain = certain or risky

    def explains(part):
        seen = False
        for case, outcome, want in part.results():
            if part.right(case, outcome, want):
                if risky(case) and certain(case):
                    return False
                continue
            if not risky(case) or outcome.error is not None or _finite(outcome) != finite:
                return False
            seen = True
        return seen

    return explains


def _raises_index_error(part):
    """Every cross-entropy case with float targets raised an IndexError: the targets were used as indices."""
    found = [
        o.error
        for c, o in zip(part.cases, part.outcomes)
        if np.asarray(c.args[1]).dtype.kind == "f" and c.args[2:] in ((), ("cross_entropy",))
    ]
    return bool(found) and all(isinstance(e, IndexError) for e in found)


# --- Part 1: mse(y_pred, y_true) -> mean over every element of (y_pred - y_true)**2 -----------------------


def _mse(y_pred, y_true):
    return float(np.mean((_floats(y_pred) - y_true) ** 2))


def _mean_along_one_axis(part):
    for outcome, want in zip(part.outcomes, part.wanted):
        array = _as_floats(outcome.result)
        if array is None or array.ndim != 1 or not alike(np.mean(array), want.result, rtol=part.rtol):
            return False
    return any(_as_floats(o.result).size > 1 for o in part.outcomes)


MSE_MISTAKES = [
    Mistake(
        "sum",
        "sum where the mean belongs: divide by the number of elements (np.mean)",
        lambda p, y: np.sum((p - y) ** 2),
    ),
    Mistake(
        "mean_over_samples",
        "average over every element, not only over the rows: np.mean((y_pred - y_true) ** 2)",
        lambda p, y: np.sum((p - y) ** 2) / len(p),
    ),
    Mistake(
        "axis",
        "np.mean(..., axis=...) averages along one axis only and leaves an array: leave out axis, "
        "np.mean((y_pred - y_true) ** 2) averages over every element",
        explains=_mean_along_one_axis,
        example=lambda p, y: np.mean((p - y) ** 2, axis=0),
    ),
    Mistake(
        "not_averaged",
        "(y_pred - y_true) ** 2 is one squared error per element: average them with np.mean",
        lambda p, y: (p - y) ** 2,
    ),
    Mistake(
        "rmse",
        "no square root: that is the RMSE; the MSE is the mean of the squares",
        lambda p, y: np.sqrt(np.mean((p - y) ** 2)),
    ),
    Mistake(
        "mae",
        "square the differences instead of taking their absolute value (that is the mean absolute error)",
        lambda p, y: np.mean(np.abs(p - y)),
    ),
    Mistake(
        "not_squared",
        "square the differences, or positive and negative errors cancel",
        lambda p, y: np.mean(p - y),
    ),
    Mistake(
        "square_of_mean",
        "square each difference before averaging, not the average: np.mean((y_pred - y_true) ** 2)",
        lambda p, y: np.mean(p - y) ** 2,
    ),
    Mistake("half", "no factor 1/2 here: np.mean((y_pred - y_true) ** 2)", lambda p, y: 0.5 * np.mean((p - y) ** 2)),
    Mistake(
        "variance",
        "np.var subtracts the errors' own mean first: the MSE is np.mean((y_pred - y_true) ** 2)",
        lambda p, y: np.var(p - y),
    ),
    Mistake(
        "mean_over_outputs",
        "average over every element, n_samples * n_outputs of them, not over the outputs (the columns) only: "
        "np.mean((y_pred - y_true) ** 2)",
        lambda p, y: np.sum((p - y) ** 2) / np.shape(p)[1],
    ),
    Mistake(
        "n_minus_one",
        "divide by the number of elements itself, not by one less (that is for a sample's variance): "
        "np.mean((y_pred - y_true) ** 2)",
        lambda p, y: np.sum((p - y) ** 2) / (np.size(p) - 1),
    ),
    Mistake(
        "doubled",
        "no factor 2 in the loss itself (it appears in the gradient, 2 (ŷ - y) / N): np.mean((y_pred - y_true) ** 2)",
        lambda p, y: 2 * np.mean((p - y) ** 2),
    ),
]


@check
def check_mse(mse, *, seed=0):
    """mse(y_pred, y_true) -> mean over every element of (y_pred - y_true)**2, one number.

    Other seeds try other random arrays of other shapes.
    """
    part = Part(
        "mse",
        mse,
        reference=_mse,
        catalogue=MSE_MISTAKES,
        error_hint="y_pred and y_true have the same shape: subtract them element by element",
        twins=MSE_TWINS,
        rtol=1e-5,
    )
    rng = rng_for(seed, 31)
    n, k = rng.integers(3, 7), rng.integers(2, 4)
    cases = [
        (np.array([[1.0], [2.0], [4.0]]), np.array([[1.5], [2.0], [3.0]]), ""),
        (rng.normal(size=(n, k)), rng.normal(size=(n, k)), ""),
        (rng.integers(-3, 4, size=(2, 3)), rng.integers(-3, 4, size=(2, 3)), " as integers"),
        (rng.normal(size=(k + 2, 2)).astype(np.float32), rng.normal(size=(k + 2, 2)).astype(np.float32), " as float32"),
    ]
    part.run(Case(f"y_pred = {fmt(p)}, y_true = {fmt(y)}{note}", p, y) for p, y, note in cases)
    part.judge(scalar=True, shape_hint=_LOSS_SHAPE)
    part.passed()


# --- Part 2: binary_cross_entropy(p, y), p clipped to [1e-12, 1 - 1e-12] ---------------------------------


def _bce(p, y):
    p = _clip(p)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _bce_terms(p, y, log=np.log):
    p = _clip(p)
    return y * log(p) + (1 - y) * log(1 - p)


def _has(value):
    return lambda case: bool(np.any(_floats(case.args[0]) == value))


def _extreme(case):
    return _has(0.0)(case) or _has(1.0)(case)


def _one_side(part):
    return _clipping(_has(1.0), finite=False)(part) or _clipping(_has(0.0), finite=False)(part)


def _one_sided(p, y):
    p = np.clip(p, EPSILON, None)  # the low end only: log(1 - p) is still -inf at p = 1
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def _math_bce(p, y):
    p = np.clip(p, EPSILON, 1 - EPSILON)
    return -sum(yi * math.log(pi) + (1 - yi) * math.log(1 - pi) for pi, yi in zip(p, y)) / len(p)


def _float_of_columns(p, y):
    p = np.clip(p, EPSILON, 1 - EPSILON)
    return float(-(y.T @ np.log(p) + (1 - y).T @ np.log(1 - p)) / len(p))


def _like(wrong, *, math_log):
    """The wrong implementation explains every outcome, and the learner's code calls math.log (or does not):
    math.log(p[i]) and float() of a (1, 1) array raise the same TypeError on a column."""

    def explains(part):
        uses = twin_used(part.func, (("math.log", math.log),)) is not None
        return uses == math_log and part.explained_by(wrong)

    return explains


_CLIP = f"np.clip(p, {EPSILON:g}, 1 - {EPSILON:g})"

BCE_MISTAKES = [
    Mistake(
        "no_clip",
        f"at p = 0 or 1, log gives -inf and the loss inf or nan: clip the probabilities first, p = {_CLIP}",
        explains=_clipping(_extreme, finite=False),
        example=lambda p, y: -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)),
    ),
    Mistake(
        "clip_one_side",
        f"clip both ends: log(1 - p) is -inf at p = 1 as log p is at p = 0; p = {_CLIP}",
        explains=_one_side,
        example=lambda p, y: np.mean(_one_sided(p, y)),
    ),
    Mistake(
        "epsilon",
        f"the values differ only where p is exactly 0 or 1, where the clipping constant κ sets the loss: clip with "
        f"the text's κ, {_CLIP}",
        explains=_clipping(_extreme, finite=True, certain=lambda case: False),
        example=lambda p, y: -np.mean(_bce_terms(np.clip(p, 1e-7, 1 - 1e-7), y)),
    ),
    Mistake(
        "log10",
        "np.log10 is the logarithm to base 10; cross-entropy uses the natural logarithm, np.log",
        lambda p, y: -np.mean(_bce_terms(p, y, np.log10)),
    ),
    Mistake(
        "math_log",
        "math.log takes one number, and p[i] of a column (n_samples, 1) is an array: use np.log on the whole array",
        explains=_like(_math_bce, math_log=True),
        example=_math_bce,
    ),
    Mistake(
        "float_of_column",
        "float() takes one number, and y.T @ np.log(p) of two columns (n_samples, 1) is a (1, 1) array: add up "
        "with np.sum or np.mean, which give one number for any shape",
        explains=_like(_float_of_columns, math_log=False),
        example=_float_of_columns,
    ),
    Mistake(
        "swapped",
        "p and y are swapped: the log is taken of the prediction p, and y weighs the terms",
        lambda p, y: -np.mean(_bce_terms(y, p)),
    ),
    Mistake(
        "second_log_of_p",
        "the second term takes the log of 1 - p: y log p + (1 - y) log(1 - p)",
        lambda p, y: -np.mean(y * np.log(_clip(p)) + (1 - y) * np.log(_clip(p))),
    ),
    Mistake(
        "sum",
        "sum where the mean belongs: average over the examples (np.mean)",
        lambda p, y: -np.sum(_bce_terms(p, y)),
    ),
    Mistake(
        "axis",
        "np.mean(..., axis=1) gives one value per example: leave out axis, so the mean over every example is "
        "one number",
        lambda p, y: -np.mean(_bce_terms(p, y), axis=1),
    ),
    Mistake(
        "no_minus",
        "the minus sign: log p is negative, so the loss is -mean(...)",
        lambda p, y: np.mean(_bce_terms(p, y)),
    ),
    Mistake(
        "positive_term_only",
        "add the (1 - y) log(1 - p) term: it is what punishes a confident wrong 0",
        lambda p, y: -np.mean(y * np.log(_clip(p))),
    ),
    Mistake(
        "terms_swapped",
        "y weighs log p (the probability the model gives to 1), and 1 - y weighs log(1 - p): "
        "y * np.log(p) + (1 - y) * np.log(1 - p)",
        lambda p, y: -np.mean(y * np.log(1 - _clip(p)) + (1 - y) * np.log(_clip(p))),
    ),
    Mistake(
        "minus_inside",
        "the two terms are added inside the brackets, and one minus sign goes in front of the mean: "
        "-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))",
        lambda p, y: -np.mean(y * np.log(_clip(p)) - (1 - y) * np.log(1 - _clip(p))),
    ),
    Mistake(
        "brackets",
        "brackets: (1 - y) * np.log(1 - p); without them 1 - y * np.log(1 - p) is computed",
        lambda p, y: -np.mean(y * np.log(_clip(p)) + 1 - y * np.log(1 - _clip(p))),
    ),
]


@check
def check_binary_cross_entropy(binary_cross_entropy, *, seed=0):
    """binary_cross_entropy(p, y) -> -mean(y log p + (1 - y) log(1 - p)), p clipped to [1e-12, 1 - 1e-12].

    p and y have the shape (n_samples, 1) or (n_samples,); y is 0 or 1, as floats or integers; p is
    exactly 0 or 1 in some cases. Other seeds try other random probabilities and labels.
    """
    part = Part(
        "binary_cross_entropy",
        binary_cross_entropy,
        reference=_bce,
        catalogue=BCE_MISTAKES,
        error_hint="p and y have the same shape: work on them element by element with np.log and np.clip",
        twins=BCE_TWINS,
        rtol=1e-5,
    )
    rng = rng_for(seed, 32)
    n = rng.integers(5, 9)
    column, flat = (lambda *v: np.array(v, dtype=float).reshape(-1, 1)), (lambda *v: np.array(v, dtype=float))
    cases = [
        (column(0.9, 0.2, 0.6), column(1, 0, 1), ""),
        (rng.uniform(0.05, 0.95, size=(n, 1)), rng.integers(0, 2, size=(n, 1)), ", y as integers"),
        (rng.uniform(0.05, 0.95, size=n - 1).astype(np.float32), rng.integers(0, 2, size=n - 1), ", as float32"),
        (column(0.0, 0.3, 0.9), column(1, 0, 1), ""),
        (flat(1.0, 0.6, 0.2), flat(0, 1, 0), ""),
        (column(0.0, 1.0, 0.0, 1.0, 0.5), column(0, 1, 1, 0, 1), ""),
    ]
    part.run(Case(f"p = {fmt(p)}, y = {fmt(y)}{note}", p, y) for p, y, note in cases)
    part.judge(scalar=True, shape_hint=_LOSS_SHAPE, warning_hint=f"clip p before the log: p = {_CLIP}")
    part.passed()


# --- Part 3: cross_entropy(P, Y) -> -sum(Y log P) / n_samples ---------------------------------------------


def _ce(P, Y):
    return float(-np.sum(Y * np.log(_clip(P, 1.0))) / np.shape(P)[0])


def _ce_logs(P, Y, log=np.log):
    return Y * log(_clip(P, 1.0))


def _zero_at_target(case):
    P, Y = _floats(case.args[0]), _floats(case.args[1])
    return bool(np.any((P == 0) & (Y == 1)))


def _any_zero(case):
    return bool(np.any(_floats(case.args[0]) == 0))


_LOG_EPSILONS = (1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10)


def _epsilon_in_log(part):
    """-sum(Y log(P + eps)) / n for one eps (as large as 1e-10) explains every case, where the clip was meant;
    and clipping at that eps does not (for a small eps the two agree, and the clip's epsilon names it)."""

    def explained_by(loss):
        return all(
            o.error is None and alike(o.result, loss(_floats(c.args[0]), _floats(c.args[1])), rtol=part.rtol)
            for c, o in zip(part.cases, part.outcomes)
        )

    for eps in _LOG_EPSILONS:
        added = explained_by(lambda P, Y: -np.sum(Y * np.log(P + eps)) / len(P))
        if added and not explained_by(lambda P, Y: -np.sum(Y * np.log(np.clip(P, eps, 1.0))) / len(P)):
            return bool(part.cases)
    return False


_CLIP_P = f"np.clip(P, {EPSILON:g}, 1.0)"

CE_MISTAKES = [
    Mistake(
        "mean_over_entries",
        "np.mean divides by n_samples * n_classes; divide the sum by the number of samples only, P.shape[0]",
        lambda P, Y: -np.mean(_ce_logs(P, Y)),
    ),
    Mistake(
        "mean_over_classes",
        "the average is over the examples (the rows): divide by P.shape[0], not by the number of classes",
        lambda P, Y: -np.sum(_ce_logs(P, Y)) / P.shape[1],
    ),
    Mistake("sum", "sum where the mean belongs: divide by the number of samples", lambda P, Y: -np.sum(_ce_logs(P, Y))),
    Mistake(
        "not_summed",
        "a loss is one number: add up every example's -sum(Y log P) and divide by the number of samples",
        lambda P, Y: -np.sum(_ce_logs(P, Y), axis=1),
    ),
    Mistake(
        "no_clip",
        f"0 * log(0) is nan and log(0) is -inf: clip P first, {_CLIP_P}",
        explains=_clipping(_any_zero, finite=False, certain=_zero_at_target),
        example=lambda P, Y: -np.sum(Y * np.log(P)) / len(P),
    ),
    Mistake(
        "epsilon",
        f"the values differ only where the true class's probability is exactly 0, where the clipping "
        f"constant κ sets the loss: clip with the text's κ, {_CLIP_P}",
        explains=_clipping(_zero_at_target, finite=True, certain=lambda case: False),
        example=lambda P, Y: -np.sum(Y * np.log(np.clip(P, 1e-7, 1.0))) / len(P),
    ),
    Mistake(
        "no_minus",
        "the minus sign: log P is negative, so the loss is -sum(Y log P) / n",
        lambda P, Y: np.sum(_ce_logs(P, Y)) / len(P),
    ),
    Mistake(
        "log10",
        "np.log10 is the logarithm to base 10; cross-entropy uses the natural logarithm, np.log",
        lambda P, Y: -np.sum(_ce_logs(P, Y, np.log10)) / len(P),
    ),
    Mistake(
        "swapped",
        "P and Y are swapped: the log is taken of the predictions P, and the one-hot Y picks the true class",
        lambda P, Y: -np.sum(_ce_logs(Y, P)) / len(P),
    ),
    Mistake(
        "binary_formula",
        "that is binary cross-entropy; with one-hot rows only the true class counts: -sum(Y * log P) / n",
        lambda P, Y: -np.sum(_bce_terms(P, Y)) / len(P),
    ),
    Mistake(
        "binary_formula_mean",
        "that is Part 2's binary cross-entropy, averaged over every entry; with one-hot rows only the true class "
        "counts, and the mean is over the examples: -np.sum(Y * np.log(P)) / P.shape[0]",
        lambda P, Y: -np.mean(_bce_terms(P, Y)),
    ),
    Mistake(
        "labels",
        "Y holds one-hot rows, not class labels: multiply, Y * np.log(P), or pick with np.argmax(Y, axis=1)",
        explains=_raises_index_error,
        example=lambda P, Y: -np.mean(np.log(P[np.arange(len(P)), Y])),
    ),
    Mistake(
        "log2",
        "np.log2 is the logarithm to base 2; cross-entropy uses the natural logarithm, np.log",
        lambda P, Y: -np.sum(_ce_logs(P, Y, np.log2)) / len(P),
    ),
    Mistake(
        "predicted_class",
        "the true class comes from the target Y, np.argmax(Y, axis=1), not from the prediction's largest entry",
        lambda P, Y: -np.mean(np.log(_clip(P, 1.0)[np.arange(len(P)), np.argmax(P, axis=1)])),
    ),
    Mistake(
        "targets_ignored",
        "only the true class's probability counts: multiply log P by the one-hot Y before adding up, "
        "-np.sum(Y * np.log(P)) / n",
        lambda P, Y: -np.sum(np.log(_clip(P, 1.0))) / len(P),
    ),
    Mistake(
        "epsilon_in_log",
        f"np.log(P + eps) shifts every probability, not only the zeros, and by more than the text's 1e-12: "
        f"clip instead, {_CLIP_P}, which leaves every other probability as it is",
        explains=_epsilon_in_log,
        example=lambda P, Y: -np.sum(Y * np.log(P + 1e-5)) / len(P),
    ),
]


def _softmax_rows(rng, n, k):
    scores = np.exp(rng.normal(size=(n, k)))
    return scores / scores.sum(axis=1, keepdims=True)


@check
def check_cross_entropy(cross_entropy, *, seed=0):
    """cross_entropy(P, Y) -> -sum(Y * log P) / n_samples, Y one-hot, P clipped to at least 1e-12.

    Other seeds try other random softmax rows and one-hot targets, of other sizes.
    """
    part = Part(
        "cross_entropy",
        cross_entropy,
        reference=_ce,
        catalogue=CE_MISTAKES,
        error_hint="P and Y are both (n_samples, n_classes)",
        twins=CE_TWINS,
        rtol=1e-5,
    )
    rng = rng_for(seed, 33)
    n, k = rng.integers(4, 7), rng.integers(3, 5)
    cases = [
        (np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]), np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]), ""),
        (_softmax_rows(rng, n, k), np.eye(k)[rng.integers(0, k, size=n)], ""),
        (np.array([[1.0, 0.0, 0.0], [0.0, 0.5, 0.5]]), np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]), ""),
        (np.array([[0.0, 1.0], [0.5, 0.5]]), np.array([[1.0, 0.0], [0.0, 1.0]]), ""),
        (_softmax_rows(rng, 3, 5), np.eye(5, dtype=int)[rng.integers(0, 5, size=3)], ", Y as integers"),
        (_softmax_rows(rng, k, 3).astype(np.float32), np.eye(3)[rng.integers(0, 3, size=k)], ", P as float32"),
    ]
    part.run(Case(f"P = {fmt(P)}, Y = {fmt(Y)}{note}", P, Y) for P, Y, note in cases)
    part.judge(scalar=True, shape_hint=_LOSS_SHAPE, warning_hint=f"clip P before the log: P = {_CLIP_P}")
    part.passed()


# --- Part 4: loss_choices() -> {task: loss name} -----------------------------------------------------------

LOSS_NAMES = ("mse", "binary_cross_entropy", "cross_entropy")
_CHOICES = {
    "house_price": "mse",
    "spam": "binary_cross_entropy",
    "digit": "cross_entropy",
    "temperature": "mse",
    "tumour_malignant": "binary_cross_entropy",
    "animal_species": "cross_entropy",
}


def _answers(part):
    answers = part.outcomes[0].result
    return answers if isinstance(answers, dict) else {}


def _chose(right, wrong):
    """Some task whose loss is `right` was given one of `wrong`."""
    return lambda part: any(_CHOICES.get(t) == right and a in wrong for t, a in _answers(part).items())


LOSS_CHOICES_MISTAKES = [
    Mistake("no_return", "the function ends without `return choices`, so it gives None", lambda: None),
    Mistake(
        "not_a_dict",
        "return a dict {task: loss name}, e.g. {'house_price': 'mse', ...}, so each answer is tied to its task",
        explains=lambda part: part.outcomes[0].result is not None and not isinstance(part.outcomes[0].result, dict),
        example=lambda: list(_CHOICES.values()),
    ),
    Mistake(
        "missing_task",
        "give an answer for every one of the six tasks of the table",
        explains=lambda part: isinstance(part.outcomes[0].result, dict) and set(_answers(part)) < set(_CHOICES),
        example=lambda: {"spam": "binary_cross_entropy"},
    ),
    Mistake(
        "unknown_task",
        "use the task names exactly as the table spells them: " + ", ".join(map(repr, _CHOICES)),
        explains=lambda part: bool(set(_answers(part)) - set(_CHOICES)),
        example=lambda: {**{t: a for t, a in _CHOICES.items() if t != "spam"}, "Spam": "binary_cross_entropy"},
    ),
    Mistake(
        "unknown_name",
        "use the loss names exactly as LOSS_NAMES spells them: " + ", ".join(map(repr, LOSS_NAMES)),
        explains=lambda part: any(a not in LOSS_NAMES for a in _answers(part).values() if isinstance(a, str)),
        example=lambda: {**_CHOICES, "house_price": "MSE"},
    ),
    Mistake(
        "mse_for_classification",
        "a class (yes/no, or one of several) is not a number on a scale: classification takes a cross-entropy",
        explains=lambda part: _chose("binary_cross_entropy", ["mse"])(part) or _chose("cross_entropy", ["mse"])(part),
        example=lambda: {**_CHOICES, "spam": "mse"},
    ),
    Mistake(
        "cross_entropy_for_regression",
        "a price or a temperature is a number on a scale: regression, the mean squared error",
        explains=_chose("mse", ["binary_cross_entropy", "cross_entropy"]),
        example=lambda: {**_CHOICES, "house_price": "cross_entropy"},
    ),
    Mistake(
        "bce_for_classes",
        "one class out of several (10 digits, 12 species) takes a softmax over k outputs: categorical "
        "cross-entropy, 'cross_entropy'",
        explains=_chose("cross_entropy", ["binary_cross_entropy"]),
        example=lambda: {**_CHOICES, "digit": "binary_cross_entropy"},
    ),
    Mistake(
        "ce_for_yes_no",
        "one yes/no label (spam or not, malignant or benign) takes one sigmoid output: 'binary_cross_entropy'",
        explains=_chose("binary_cross_entropy", ["cross_entropy"]),
        example=lambda: {**_CHOICES, "spam": "cross_entropy"},
    ),
]


@check
def check_loss_choices(loss_choices, *, seed=0):
    """loss_choices() -> {task: loss name} for every task, with names from LOSS_NAMES.

    Other seeds look at the tasks in another order, so another first mistake is named.
    """
    part = Part("loss_choices", loss_choices, reference=lambda: dict(_CHOICES), catalogue=LOSS_CHOICES_MISTAKES)
    first, again = part.run([Case("loss_choices()"), Case("loss_choices(), called again")])
    for outcome in (first, again):
        if outcome.error is not None:
            part.error(outcome)
    answers = first.result
    if not isinstance(answers, dict):
        kind = "None" if answers is None else f"a {type(answers).__name__}"
        part.fail(f"returned {kind}, expected a dict {{task: loss name}}", "return the `choices` dict")
    missing = [task for task in _CHOICES if task not in answers]
    if missing:
        part.fail(f"no answer for {missing[0]!r}", f"give one of {', '.join(map(repr, LOSS_NAMES))} for every task")
    if not alike(again.result, answers):
        part.fail("gave other answers when called again", "return the same fixed dict every time", explain=False)
    tasks = list(_CHOICES)
    if seed:
        tasks = [tasks[i] for i in rng_for(seed, 36).permutation(len(tasks))]
    for task in tasks:
        answer = answers[task]
        if type(answer) is not str:
            part.fail(f"{task!r}: the answer is a {type(answer).__name__}, expected a name such as 'mse'")
        if answer not in LOSS_NAMES:
            part.fail(f"{task!r}: {answer!r} is not one of {', '.join(map(repr, LOSS_NAMES))}")
        if answer != _CHOICES[task]:
            part.fail(f"{task!r}: {answer!r} does not fit")
    part.passed(f"all {len(_CHOICES)} tasks matched with their loss")


# --- Parts 5 and 6: cost_gradient(Y_hat, Y, kind) and output_delta(Y_hat, Y, kind), as annlib.scratch -------


def _gradient_cases(rng):
    """Regression outputs for "mse"; softmax rows and one-hot targets for "cross_entropy", among them a softmax
    saturated on a non-target class (a 0 where the target is 0) and one saturated on the wrong class (a 0
    where the target is 1)."""
    n, k = rng.integers(3, 6), rng.integers(2, 4)
    cases = [
        (np.array([[1.0], [2.0], [4.0]]), np.array([[1.5], [2.0], [3.0]]), "mse", ""),
        (rng.normal(size=(n, k + 1)), rng.normal(size=(n, k + 1)), "mse", ""),
        (rng.normal(size=(k, 2)), rng.integers(-2, 3, size=(k, 2)), "mse", ", Y as integers"),
        (
            np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]),
            np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]),
            "cross_entropy",
            "",
        ),
        (_softmax_rows(rng, n + 1, k + 2), np.eye(k + 2)[rng.integers(0, k + 2, size=n + 1)], "cross_entropy", ""),
        (
            np.array([[0.0, 0.75, 0.25], [0.5, 0.0, 0.5]]),
            np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]),
            "cross_entropy",
            "",
        ),
        (
            np.array([[0.0, 1.0, 0.0], [0.2, 0.3, 0.5]]),
            np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]),
            "cross_entropy",
            "",
        ),
        (
            _softmax_rows(rng, k, 4).astype(np.float32),
            np.eye(4, dtype=int)[rng.integers(0, 4, size=k)],
            "cross_entropy",
            ", Y_hat as float32, Y as integers",
        ),
    ]
    return [Case(f"kind {kind!r}, Y_hat = {fmt(P)}, Y = {fmt(Y)}{note}", P, Y, kind) for P, Y, kind, note in cases]


def _by_kind(mse, ce):
    """A wrong answer made of an mse branch and a cross-entropy branch, each (Y_hat, Y) -> array."""
    return lambda P, Y, kind: mse(_floats(P), Y) if kind == "mse" else ce(_floats(P), Y)


def _right_mse(P, Y):
    return 2 * (P - Y) / P.size


def _right_gradient(P, Y):
    return -Y / _clip(P, 1.0) / len(P)


def _right_delta(P, Y):
    return (P - Y) / len(P)


def _risky(case):
    return case.args[2] == "cross_entropy" and _any_zero(case)


def _certain(case):
    return case.args[2] == "cross_entropy" and _zero_at_target(case)


def _mse_mistakes(right_ce):
    return [
        Mistake(
            "mse_over_samples",
            "the MSE averages over every element, n_samples * n_outputs of them: divide by Y_hat.size",
            _by_kind(lambda P, Y: 2 * (P - Y) / len(P), right_ce),
        ),
        Mistake(
            "mse_no_two",
            "the derivative of (ŷ - y)² is 2 (ŷ - y): the factor 2 is missing",
            _by_kind(lambda P, Y: (P - Y) / P.size, right_ce),
        ),
        Mistake(
            "mse_sign",
            "the sign: C grows as ŷ moves away from y, so the gradient is 2 (ŷ - y) / N, not 2 (y - ŷ) / N",
            _by_kind(lambda P, Y: 2 * (Y - P) / P.size, right_ce),
        ),
        Mistake(
            "mse_not_divided",
            "the mean's 1/(n·n_out) is missing: 2 (ŷ - y) / Y_hat.size",
            _by_kind(lambda P, Y: 2 * (P - Y), right_ce),
        ),
    ]


def _kind_mistakes(right_ce):
    return [
        Mistake(
            "always_mse",
            "the answer is the MSE's for both kinds: compute the cross-entropy's when kind is 'cross_entropy'",
            _by_kind(_right_mse, _right_mse),
        ),
        Mistake(
            "always_cross_entropy",
            "the answer is the cross-entropy's for both kinds: compute the MSE's, 2 (Ŷ - Y) / Y_hat.size, "
            "when kind is 'mse'",
            _by_kind(right_ce, right_ce),
        ),
        Mistake(
            "kinds_swapped",
            "the two kinds are swapped: 'mse' takes 2 (Ŷ - Y) / Y_hat.size",
            lambda P, Y, kind: _by_kind(_right_mse, right_ce)(
                P, Y, "mse" if kind == "cross_entropy" else "cross_entropy"
            ),
        ),
    ]


_CLIP_Y_HAT = f"np.clip(Y_hat, {EPSILON:g}, 1.0)"

COST_GRADIENT_MISTAKES = [
    *_mse_mistakes(_right_gradient),
    Mistake(
        "mse_clipped",
        "clip only for the cross-entropy: the MSE's predictions are numbers on any scale, 2 (ŷ - y) / N",
        _by_kind(lambda P, Y: _right_mse(_clip(P, 1.0), Y), _right_gradient),
    ),
    Mistake(
        "ce_no_clip",
        f"0 / 0 is nan and 1 / 0 is inf where a probability is exactly 0: clip Y_hat first, {_CLIP_Y_HAT}",
        explains=_clipping(_risky, finite=False, certain=_certain),
        example=_by_kind(_right_mse, lambda P, Y: -Y / P / len(P)),
    ),
    Mistake(
        "ce_epsilon",
        f"the values differ only where the target's probability is exactly 0, where the clipping constant κ sets "
        f"the gradient: clip with the text's κ, {_CLIP_Y_HAT}",
        explains=_clipping(_certain, finite=True, certain=lambda case: False),
        example=_by_kind(_right_mse, lambda P, Y: -Y / np.clip(P, 1e-7, 1.0) / len(P)),
    ),
    Mistake(
        "ce_sign",
        "the sign: the cost is -sum(Y log Y_hat) / n, so its gradient is -Y / Y_hat / n",
        _by_kind(_right_mse, lambda P, Y: -_right_gradient(P, Y)),
    ),
    Mistake(
        "ce_over_entries",
        "the cross-entropy averages over the examples only: divide by n_samples, not by Y_hat.size",
        _by_kind(_right_mse, lambda P, Y: -Y / _clip(P, 1.0) / P.size),
    ),
    Mistake(
        "ce_not_divided",
        "the 1/n of the mean over the examples is missing: -Y / Y_hat / n_samples",
        _by_kind(_right_mse, lambda P, Y: -Y / _clip(P, 1.0)),
    ),
    Mistake(
        "ce_over_classes",
        "the cross-entropy's mean is over the examples, the rows: divide by Y_hat.shape[0], not by the number of "
        "classes",
        _by_kind(_right_mse, lambda P, Y: -Y / _clip(P, 1.0) / P.shape[1]),
    ),
    Mistake(
        "ce_softmax_delta",
        "that is dC/dZ through the softmax (Part 6); here the gradient at Y_hat itself: -Y / Y_hat / n",
        _by_kind(_right_mse, _right_delta),
    ),
    Mistake(
        "ce_loss_not_gradient",
        "the derivative of log p is 1 / p, not log p: -Y / Y_hat / n",
        _by_kind(_right_mse, lambda P, Y: -Y * np.log(_clip(P, 1.0)) / len(P)),
    ),
    Mistake(
        "ce_binary_formula",
        "that is binary cross-entropy's gradient; with one-hot rows only -Y / Y_hat / n remains",
        _by_kind(_right_mse, lambda P, Y: -(Y / _clip(P) - (1 - Y) / (1 - _clip(P))) / len(P)),
    ),
    *_kind_mistakes(_right_gradient),
]

_GRADIENT_ERROR = "Y_hat and Y are both (n_samples, n_outputs); kind is 'mse' or 'cross_entropy'"


def _check_gradient(name, func, *, seed, salt, reference, catalogue, twins, what, **options):
    part = Part(
        name,
        func,
        reference=reference,
        catalogue=catalogue,
        error_hint=_GRADIENT_ERROR,
        twins=twins,
        rtol=1e-5,
        **options,
    )
    part.run(_gradient_cases(rng_for(seed, salt)))
    shape_hint = f"{what} has one entry per prediction: the shape of Y_hat"
    part.judge(what=what, shape_hint=shape_hint, warning_hint=f"clip Y_hat before dividing by it: {_CLIP_Y_HAT}")
    part.passed()


@check
def check_cost_gradient(cost_gradient, *, seed=0):
    """cost_gradient(Y_hat, Y, kind) -> dC/dY_hat, the shape of Y_hat, as annlib.scratch.cost_gradient:
    "mse" 2 (Y_hat - Y) / Y_hat.size; "cross_entropy" -Y / Y_hat / n_samples, Y_hat clipped to at least 1e-12.

    Other seeds try other random arrays of other shapes, for both kinds.
    """
    _check_gradient(
        "cost_gradient",
        cost_gradient,
        seed=seed,
        salt=34,
        reference=lambda Y_hat, Y, kind: scratch.cost_gradient(Y_hat, Y, kind) + 0.0,  # no -0 in messages
        catalogue=COST_GRADIENT_MISTAKES,
        twins=COST_GRADIENT_TWINS,
        what="dC/dY_hat",
    )


def _jacobian(P, G):
    """Each row of G times the softmax's Jacobian at that row of P, diag(p) - p p^T."""
    return P * (G - np.sum(G * P, axis=1, keepdims=True))


_SLOPE_CANCELLED = (
    "the softmax's slope has already cancelled against -Y / Ŷ: (Ŷ - Y) / n, with nothing more to multiply"
)

OUTPUT_DELTA_MISTAKES = [
    *_mse_mistakes(_right_delta),
    Mistake(
        "mse_sigmoid_slope",
        "the identity output's slope is 1: dC/dZ is dC/dŶ itself, 2 (Ŷ - Y) / N, with nothing more to multiply",
        _by_kind(lambda P, Y: _right_mse(P, Y) * P * (1 - P), _right_delta),
    ),
    Mistake(
        "both_signs",
        "the sign, in both kinds: the delta is the prediction minus the target, 2 (Ŷ - Y) / Y_hat.size and "
        "(Ŷ - Y) / n_samples",
        _by_kind(lambda P, Y: -_right_mse(P, Y), lambda P, Y: (Y - P) / len(P)),
    ),
    Mistake(
        "ce_sign",
        "the sign: the output layer's delta is the prediction minus the target, (Ŷ - Y) / n",
        _by_kind(_right_mse, lambda P, Y: (Y - P) / len(P)),
    ),
    Mistake(
        "ce_not_divided",
        "the 1/n of the mean over the examples is missing: (Ŷ - Y) / n_samples",
        _by_kind(_right_mse, lambda P, Y: P - Y),
    ),
    Mistake(
        "ce_over_classes",
        "the cross-entropy's mean is over the examples, the rows: divide by Y_hat.shape[0], not by the number of "
        "classes",
        _by_kind(_right_mse, lambda P, Y: (P - Y) / P.shape[1]),
    ),
    Mistake(
        "not_scaled",
        "Ŷ - Y is the error; the delta also takes the cost's mean: 2 (Ŷ - Y) / Y_hat.size for 'mse', "
        "(Ŷ - Y) / n_samples for 'cross_entropy'",
        lambda P, Y, kind: _floats(P) - Y,
    ),
    Mistake(
        "ce_over_entries",
        "the cross-entropy averages over the examples only: divide by n_samples, not by Y_hat.size",
        _by_kind(_right_mse, lambda P, Y: (P - Y) / P.size),
    ),
    Mistake(
        "ce_two",
        "the factor 2 comes from the MSE's square; cross-entropy's delta has none: (Ŷ - Y) / n",
        _by_kind(_right_mse, lambda P, Y: 2 * (P - Y) / len(P)),
    ),
    Mistake(
        "ce_no_slope",
        "that is dC/dŶ (Part 5); through the softmax, -Y / Ŷ times its slopes leaves just (Ŷ - Y) / n",
        _by_kind(_right_mse, _right_gradient),
    ),
    Mistake(
        "ce_diagonal_slope",
        "each softmax output depends on every Z of its row: with the whole Jacobian, -Y / Ŷ times the slopes "
        "leaves just (Ŷ - Y) / n",
        _by_kind(_right_mse, lambda P, Y: _right_gradient(P, Y) * P * (1 - P)),
    ),
    Mistake(
        "ce_jacobian",
        "dC/dŶ times the softmax's Jacobian loses the error where the softmax saturated (a probability of exactly "
        "0 for the target gives 0 instead of -1/n): return the simplified (Ŷ - Y) / n, which stays exact",
        _by_kind(_right_mse, lambda P, Y: _jacobian(P, _right_gradient(P, Y))),
    ),
    Mistake(
        "ce_slope_again",
        _SLOPE_CANCELLED,
        _by_kind(_right_mse, lambda P, Y: _right_delta(P, Y) * P * (1 - P)),
    ),
    Mistake(
        "ce_jacobian_again",
        _SLOPE_CANCELLED,
        _by_kind(_right_mse, lambda P, Y: _jacobian(P, _right_delta(P, Y))),
    ),
    Mistake(
        "labels",
        "Y holds one-hot rows, not class labels: the delta is (Y_hat - Y) / n, with Y as it is",
        explains=_raises_index_error,
        example=lambda P, Y, kind: P[np.arange(len(P)), Y] if kind == "cross_entropy" else _right_mse(P, Y),
    ),
    *_kind_mistakes(_right_delta),
]


@check
def check_output_delta(output_delta, *, seed=0):
    """output_delta(Y_hat, Y, kind) -> dC/dZ of the output layer, as annlib.scratch.output_delta: identity output
    with "mse", 2 (Y_hat - Y) / Y_hat.size; softmax output with "cross_entropy", (Y_hat - Y) / n_samples.

    The learner's function runs with the course's cost_gradient under that name, so a slip in Part 5 costs
    only Part 5. Other seeds try other random arrays of other shapes, for both kinds.
    """
    _check_gradient(
        "output_delta",
        output_delta,
        seed=seed,
        salt=35,
        reference=scratch.output_delta,
        catalogue=OUTPUT_DELTA_MISTAKES,
        twins=OUTPUT_DELTA_TWINS,
        what="dC/dZ",
        course={"cost_gradient": scratch.cost_gradient},
    )


CATALOGUES = {
    "check_mse": MSE_MISTAKES,
    "check_binary_cross_entropy": BCE_MISTAKES,
    "check_cross_entropy": CE_MISTAKES,
    "check_loss_choices": LOSS_CHOICES_MISTAKES,
    "check_cost_gradient": COST_GRADIENT_MISTAKES,
    "check_output_delta": OUTPUT_DELTA_MISTAKES,
}
