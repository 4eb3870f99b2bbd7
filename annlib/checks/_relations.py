"""What a wrong result has to do with the right one, said as a hint when no known mistake explains it.

The catalogue of each part names the mistakes learners are known to make. A slip nobody has made before
still leaves a trace in the numbers: every value negated, every value twice as large, the right numbers
in the wrong places, right everywhere except where z = 0. `relation(...)` looks for such a trace between
the learner's array and the expected one and returns (key, hint), or None when it finds nothing it can
state for certain. The hint states the fact first (it is always true of the learner's numbers) and then
where to look.

    relation(got, want, case, names, rtol, atol, warnings)   the trace, for one wrong result
    STRONG                                                   the traces that one case can show for certain
    transposed(got, want, rtol, atol)                        whether got is want with rows and columns swapped
    shape_relation(got, want)                                the trace of a wrong shape
"""

import numbers
from fractions import Fraction

import numpy as np

_isfinite = np.isfinite
_abs = np.abs
_array = np.array

# Factors said in words; others are written as a fraction or a number.
_WORDS = {2: "twice", Fraction(1, 2): "half", 3: "three times", Fraction(1, 3): "a third of", 4: "four times"}
_WORDS[Fraction(1, 4)] = "a quarter of"


# Traces that hold for certain on one case. The others (all zeros, one value everywhere, right except at a few
# inputs, close, shifted, moved) can be a coincidence of one case's numbers: they are said only when every case
# the answer gets wrong shows the same trace.
STRONG = {
    "relation:not-finite",
    "relation:negated",
    "relation:scaled",
    "relation:picked",
    "relation:step-reversed",
    "relation:step-missing",
    "relation:step-scaled",
}


def _close(a, b, rtol, atol):
    return bool(np.all(_abs(a - b) <= atol + rtol * _abs(b)))


def transposed(got, want, rtol, atol):
    """True when got (a 2-D array) holds want's values with rows and columns swapped."""
    return (
        got.ndim == 2
        and want.ndim == 2
        and got.shape == want.shape[::-1]
        and got.shape != want.shape
        and bool(np.all(_isfinite(got)))
        and _close(got.T, want, rtol, atol)
    )


def _sizes(case, names):
    """(value, words) for the sizes of the case's array arguments: their rows, columns and entries."""
    found = []
    for name, values in _arrays(case, names, levels=0):
        found.append((values.shape[0], f"the number of rows of {name} ({values.shape[0]})"))
        if values.ndim >= 2:
            found.append((values.shape[1], f"the number of columns of {name} ({values.shape[1]})"))
            found.append((values.size, f"the number of entries of {name} ({values.size})"))
    return [(size, words) for size, words in found if size > 1]


def _numbers(case, names):
    """(name, value) for the case's plain-number arguments (a learning rate, a momentum, a step h)."""
    found = []
    for name, value in list(zip(names, case.args)) + list(case.kwargs.items()):
        if isinstance(value, numbers.Real) and not isinstance(value, bool) and value not in (0, 1, -1):
            found.append((name, float(value)))
    return found


def _argument_factor(factor, case, names):
    """A hint when the factor is one of the case's number arguments, or 1 over one; else None."""
    for name, value in _numbers(case, names):
        if abs(factor - value) <= 1e-9 * abs(value):
            return f"the factor is {name} ({value:g}): {name} multiplies a term it should not (or once too often)"
        if abs(factor * value - 1) <= 1e-9:
            return f"the factor is 1/{name} (1/{value:g}): a division by {name} where a product is expected"
    return None


def _factor_words(factor):
    exact = Fraction(factor).limit_denominator(12)
    if abs(float(exact) - factor) > 1e-9 * abs(factor):
        return f"{factor:.4g} times"
    if exact in _WORDS:
        return _WORDS[exact]
    if exact.denominator == 1:
        return f"{exact.numerator} times"
    return f"{exact.numerator}/{exact.denominator} of"


def _scale_hint(factor, case, names):
    """Why every value could be `factor` times the expected: an argument, a size of the case, or a constant."""
    by_argument = _argument_factor(factor, case, names)
    if by_argument is not None:
        return by_argument
    sizes = _sizes(case, names)
    twos = [words for size, words in sizes if size == 2]
    sizes = [(size, words) for size, words in sizes if size > 2]
    for size, words in sizes:
        if abs(factor - size) <= 1e-9 * size:
            return f"the factor is {words}: a sum where a mean is expected, or a division left out"
        if abs(factor * size - 1) <= 1e-9:
            return f"the factor is 1 over {words}: a mean where a sum is expected, or one division too many"
    for a, a_words in sizes:
        for b, b_words in sizes:
            if a != b and abs(factor * b - a) <= 1e-9 * a:
                return f"you divide by {b_words} where the expected divides by {a_words}"
    if abs(abs(factor) - 2) < 1e-9 or abs(abs(factor) - 0.5) < 1e-9:
        also = f", or a sum where a mean is expected ({twos[0]})" if twos else ""
        return f"look for a factor 2 or ½ (from differentiating a square, or a ½ in front of the cost{also})"
    return "look for a factor that is missing or extra (a mean, a learning rate, a constant)"


def _where_inputs(wrong, case, names, got):
    """For an element-wise result: the input values at the wrong places, when there are few of them."""
    for name, values in _arrays(case, names, levels=0):
        if values.shape != got.shape:
            continue
        bad = np.unique(values[wrong])
        good = np.unique(values[~wrong])
        if 0 < bad.size <= 3 and not np.isin(bad, good).any():
            return name, ", ".join(f"{v:.4g}" for v in bad)
    return None


def _arrays(case, names, levels=2):
    """(name, float array) for the case's array arguments, and for arrays inside its lists and tuples
    (up to `levels` deep, as params[0] or params[0][1])."""
    found = []

    def visit(name, value, depth):
        if isinstance(value, (list, tuple)) and depth < levels:
            for i, item in enumerate(value):
                visit(f"{name}[{i}]", item, depth + 1)
            return
        if isinstance(value, (str, bytes, bool, numbers.Number)) or not hasattr(value, "shape"):
            return
        values = np.asarray(value)
        if values.ndim and values.dtype.kind in "biuf":
            found.append((name, values.astype(np.float64)))

    for name, value in list(zip(names, case.args)) + list(case.kwargs.items()):
        visit(name, value, 0)
    return found


def _picked(got, want, case, names, rtol, atol):
    """For one number: where in an input array the learner's number and the expected one sit."""
    if got.size != 1 or want.size != 1:
        return None
    for name, values in _arrays(case, names):
        if values.size < 2:
            continue
        theirs = np.argwhere(_abs(values - got.item()) <= atol + rtol * abs(got.item()))
        ours = np.argwhere(_abs(values - want.item()) <= atol + rtol * abs(want.item()))
        if len(theirs) == 1 and len(ours) == 1:
            at = lambda index: f"{name}[{', '.join(str(int(i)) for i in index)}]"  # noqa: E731
            return (
                "relation:picked",
                f"your value is {at(theirs[0])}, the expected one is {at(ours[0])}: check which index is the "
                "row and which the column, and where counting starts (0 in Python)",
            )
    return None


def _stepped(got, want, case, names, rtol, atol):
    """For an update (a new array from an old one of the same shape): how the change compares."""
    for name, before in _arrays(case, names):
        if before.shape != got.shape:
            continue
        change, wanted = got - before, want - before
        if before.size < 2 or not (_abs(wanted) > 10 * atol).all():
            continue  # an update changes every entry; an element-wise function of this input need not
        if _close(change, -wanted, rtol, atol):
            return (
                "relation:step-reversed",
                f"your change to {name} has the right size and the opposite sign: a step goes against the gradient "
                "(subtract learning rate × gradient)",
            )
        if _close(change, np.zeros_like(change), 0, atol):
            return (
                "relation:step-missing",
                f"your result equals {name} as it came in: the step (or update) is not applied to it",
            )
        nonzero = _abs(wanted) > 10 * atol
        ratios = change[nonzero] / wanted[nonzero]
        if ratios.size >= 2 and _close(ratios, np.full_like(ratios, ratios[0]), 1e-9, 0) and abs(ratios[0] - 1) > 1e-2:
            factor = float(ratios[0])
            why = _argument_factor(factor, case, names) or (
                "the step's size is off (the learning rate missing or applied twice, or a mean where a sum is expected)"
            )
            words = _factor_words(factor)
            return "relation:step-scaled", f"your change to {name} is {words} the expected change: {why}"
    return None


def shape_relation(got, want):
    """(key, hint) for a result of the wrong shape, from the two shapes alone; None when nothing is clear."""
    if got.ndim == 0 and want.ndim >= 1:
        return (
            "relation:summed",
            "your result is one number, where an array is expected: something adds everything up (np.sum, np.dot, "
            "or a loop with +=) where each entry needs its own value",
        )
    if want.ndim == 0:
        return None
    if got.ndim == 2 and want.ndim in (1, 2) and got.shape[0] == got.shape[1] == want.shape[0] != 1:
        if want.ndim == 1 or want.shape[1] == 1:
            return (
                "relation:broadcast",
                f"your result is {got.shape}: an array of shape ({want.shape[0]},) met one of shape "
                f"({want.shape[0]}, 1) and numpy paired every entry with every entry; make both the same shape "
                "(reshape, or keepdims=True)",
            )
    if got.size == want.size:
        return (
            "relation:reshaped",
            f"your result has the right number of values ({got.size}) in the wrong shape: a flatten, ravel or "
            "reshape too many, or a column (n, 1) where the shape above is expected",
        )
    if got.ndim == want.ndim - 1 and got.shape in (want.shape[1:], want.shape[:-1]):
        return (
            "relation:axis-summed",
            "your result lost an axis: a sum or mean over an axis that should stay (which axis, and keepdims?)",
        )
    return None


def relation(got, want, case, names, rtol, atol, warnings=()):
    """(key, hint) describing how the learner's array `got` differs from `want`, or None.

    got and want are float arrays of the same shape that do not agree within (rtol, atol); case is the
    check's Case (its arguments give the sizes and the element-wise inputs); names the argument names.
    """
    got, want = _array(got, dtype=np.float64), _array(want, dtype=np.float64)
    finite = _isfinite(want)
    if not np.all(_isfinite(got[finite])):
        kind = "nan" if np.isnan(got[finite]).any() else "inf"
        cause = f" (numpy warned: {warnings[0]})" if warnings else ""
        return (
            "relation:not-finite",
            f"your result holds {kind} where the expected values are finite{cause}: a number overflowed "
            "(np.exp of a large input), or a division by 0 or a log of 0 happened along the way; follow that "
            "input through your code",
        )
    if not np.all(finite):
        return None
    nonzero = _abs(want) > 10 * atol
    if got.size >= 2 and _close(got, np.zeros_like(want), 0, atol) and nonzero.any():
        return (
            "relation:zeros",
            "your result is 0 everywhere: is something multiplied by 0, or an array made with np.zeros "
            "never filled in?",
        )
    if nonzero.any() and _close(got, -want, rtol, atol):
        return (
            "relation:negated",
            "every value has the right size but the opposite sign: a minus sign is missing or extra (or a "
            "difference is taken the wrong way round, b - a for a - b)",
        )
    if got.size >= 2 and np.all(got == got.flat[0]) and not np.all(want == want.flat[0]):
        return (
            "relation:constant",
            f"every entry of your result is the same ({got.flat[0]:.4g}), while the expected ones differ: each "
            "entry needs its own value (a sum or a single number where an element-wise result is expected?)",
        )
    picked = _picked(got, want, case, names, rtol, atol)
    if picked is not None:
        return picked
    ratios = got[nonzero] / want[nonzero]
    if ratios.size and _close(got[~nonzero], want[~nonzero], rtol, atol):
        factor = float(ratios[0])
        steady = _close(ratios, np.full_like(ratios, factor), 1e-9, 0)
        if steady and factor != 0 and abs(factor - 1) > 1e-2:
            hint = _scale_hint(factor, case, names)
            if ratios.size >= 2 or not hint.startswith("look for a factor that"):
                subject = "every value is" if got.size >= 2 else "your value is"
                return "relation:scaled", f"{subject} {_factor_words(factor)} the expected one: {hint}"
    if got.size >= 2:
        shift = got - want
        if _close(shift, np.full_like(shift, shift.flat[0]), 1e-9, atol) and abs(shift.flat[0]) > 10 * atol:
            return (
                "relation:shifted",
                f"every value is off by the same amount ({shift.flat[0]:+.4g}): one term is added that should "
                "not be, or left out (a bias, a constant)",
            )
        if got.ndim == 2 and _close(np.sort(got, axis=None), np.sort(want, axis=None), rtol, atol):
            return (
                "relation:moved",
                "your result holds the right numbers, in the wrong places: check the order of rows and "
                "columns (an axis, a transpose, or indices the wrong way round)",
            )
    wrong = _abs(got - want) > atol + rtol * _abs(want)
    if got.size >= 2 and wrong.sum() * 2 <= wrong.size:
        where = _where_inputs(wrong, case, names, got)
        if where is not None:
            name, listed = where
            return (
                "relation:only-at",
                f"your result is right except where {name} = {listed}: look at what your code does there (a "
                "boundary such as > against >=, or a value too large for the formula)",
            )
        if got.ndim == 2 and got.shape[0] >= 2:
            bad_rows = np.flatnonzero(wrong.any(axis=1))
            if bad_rows.size and not wrong[0].any() and bad_rows.size == got.shape[0] - 1:
                return (
                    "relation:first-row-only",
                    "only the first row (the first example) is right: does a loop stop, or a result get "
                    "overwritten, after the first example?",
                )
    found = _stepped(got, want, case, names, rtol, atol)
    if found is not None:
        return found
    scale = np.maximum(_abs(want), 10 * atol)
    if np.max(_abs(got - want) / scale) <= 1e-2:
        return (
            "relation:close",
            "your values are close to the expected ones but not equal (within 1%): a rounded constant "
            "(2.718 for e, a rounded ¼), a finite step where the exact formula is asked, or a small term "
            "added for safety",
        )
    return None
