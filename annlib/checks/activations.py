"""Checks for exercise 02, activation functions (lesson 02): sigmoid's derivative, ReLU and its
derivative, a sigmoid that survives z = +-1000, and a stable softmax.

Each part's known mistakes are its catalogue (a list of `Mistake`); a check names a mistake only when it
gives exactly what the learner's answer gave, on every case the check ran.
"""

import contextlib
import math
import types

import numpy as np

from annlib import activations
from annlib.activations import sigmoid as _sigmoid
from annlib.activations import softmax as _softmax
from annlib.checks._core import (
    Case,
    Mistake,
    Part,
    _code_objects,
    alike,
    check,
    fmt,
    rng_for,
    run_quietly,
    substitute,
    tolerance,
)


def _tolerance(case):
    rtol, atol = tolerance(case, 1e-6, 1e-9)
    return {"rtol": rtol, "atol": atol}


# The course's answers, written here so that the mistakes' examples do not call annlib's own (a twin).
def _stable(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def _rows(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _changed_input_first(part):
    """The first rung the answer fails is 'changed its input': right values until a call changed an argument."""
    for case, outcome, want in part.results():
        if not part.right(case, outcome, want):
            return False
        if not alike(outcome.args, case.args, rtol=0, atol=0):
            return True
    return False


def _fails_only_in_2d(part):
    """Right on every 1-D case, wrong (or an error) on every case of two dimensions or more, and not
    because the right values came back flattened."""
    results = [(np.ndim(result[0].args[0]) >= 2, part.right(*result)) for result in part.results()]
    return (
        any(deep for deep, _ in results) and all(right != deep for deep, right in results) and not _flattened_2d(part)
    )


def _flattened_2d(part):
    """Right on every 1-D case; on every 2-D case the right values, flattened to one dimension."""
    deep = False
    for case, outcome, want in part.results():
        if np.ndim(case.args[0]) < 2:
            if not part.right(case, outcome, want):
                return False
            continue
        if outcome.error is not None or np.ndim(outcome.result) != 1:
            return False
        if not alike(np.ravel(outcome.result), np.ravel(want.result), **_tolerance(case)):
            return False
        deep = True
    return deep


def _flattened(what, f):
    return Mistake(
        "flattened",
        "the result came back flattened to one dimension (ravel, flatten, or a list of values): keep z's shape, "
        + what,
        explains=_flattened_2d,
        example=lambda z: np.ravel(f(z)),
    )


def _float16(f):
    def low_precision(part):
        """Some result in float16, and every result right to float16's precision (about 3 digits)."""
        return any(getattr(o.result, "dtype", None) == np.float16 for o in part.outcomes) and all(
            o.error is None and alike(o.result, w.result, rtol=2e-3, atol=1e-4)
            for o, w in zip(part.outcomes, part.wanted)
        )

    return Mistake(
        "float16",
        "float16 keeps only about 3 digits: leave the dtype as numpy gives it (no .astype(np.float16))",
        explains=low_precision,
        example=lambda z: np.asarray(f(z)).astype(np.float16),
    )


def _objects_to_floats(part):
    """Fail when a result is an array of Python objects (np.frompyfunc, or np.array of mixed values)."""
    for outcome in part.outcomes:
        if isinstance(outcome.result, np.ndarray) and outcome.result.dtype == object:
            part.fail(
                "the result holds Python objects (dtype=object), expected an array of numbers",
                "np.frompyfunc (and np.array of mixed objects) gives dtype=object: compute with numpy's own "
                "operations (np.exp, np.where), or give np.vectorize otypes=[float]",
            )


def _objects_right(part):
    """Right values, and some result an array of dtype object."""
    return all(part.right(*result) for result in part.results()) and any(
        isinstance(o.result, np.ndarray) and o.result.dtype == object for o in part.outcomes
    )


def _in_place(what, f):
    def example(z):
        z[...] = f(z)
        return z

    return Mistake(
        "in_place",
        f"z was changed in place (z[...] = ..., z -= ..., out=z): the caller's array must stay as it was; {what}",
        explains=_changed_input_first,
        example=example,
    )


def _loop_1d(what, f):
    def example(z):  # one number per z[i]: right for a 1-D z only
        out = np.zeros(len(z))
        for i in range(len(z)):
            out[i] = f(z[i])
        return out

    return Mistake(
        "loop_1d",
        f"z can have any shape (the check tries 2-D arrays too): {what}",
        explains=_fails_only_in_2d,
        example=example,
    )


def _elementwise_cases(seed, salt, *extra):
    rng = rng_for(seed, salt)
    z = rng.uniform(-4, 4, size=tuple(rng.integers(2, 5, size=2)))
    cases = [
        np.array([-2.0, -1.0, 0.0, 1.0, 2.0]),
        np.array([-5.0, 0.5, 5.0]),
        np.array([-3, 0, 2]),
        np.array([-4.0, -0.5, 0.0, 0.5, 4.0], dtype=np.float32),
        *extra,
        z,
    ]
    kinds = {"i": " as integers", "f": ""}
    return [Case(f"z = {fmt(z)}{' as float32' if z.dtype == np.float32 else kinds[z.dtype.kind]}", z) for z in cases]


def _elementwise(
    name, func, reference, catalogue, cases, *, twin, error_hint=None, floats=False, course=None, shape_hint=None
):
    part = Part(
        name,
        func,
        reference=reference,
        catalogue=catalogue,
        error_hint=error_hint,
        twins=[(f"activations.{twin.__name__}", twin)],
        course=course,
    )
    part.run(cases)
    part.judge(floats=floats, shape_hint=shape_hint or "work element by element: the result has the shape of z")
    _objects_to_floats(part)
    part.passed()


# --- Part 1: sigmoid_derivative(z) -> sigmoid(z) * (1 - sigmoid(z)) ----------------------------------

SIGMOID_DERIVATIVE_MISTAKES = [
    Mistake(
        "formula_inside",
        "sigmoid(z * (1 - z)) puts the formula inside the sigmoid: compute s = sigmoid(z) first, then s * (1 - s)",
        lambda z: _sigmoid(z * (1 - z)),
    ),
    Mistake(
        "sigmoid_itself",
        "you returned sigmoid(z); the derivative is sigmoid(z) * (1 - sigmoid(z))",
        lambda z: _sigmoid(z),
    ),
    Mistake(
        "sigmoid_not_applied",
        "apply sigmoid first: s = sigmoid(z), then s * (1 - s), not z * (1 - z)",
        lambda z: z * (1 - z),
    ),
    Mistake(
        "one_minus_z",
        "the second factor is 1 - sigmoid(z), not 1 - z: s = sigmoid(z), then s * (1 - s)",
        lambda z: _sigmoid(z) * (1 - z),
    ),
    Mistake(
        "one_minus_sigmoid",
        "that is 1 - sigmoid(z) = exp(-z) / (1 + exp(-z)): multiply by sigmoid(z), or square the denominator",
        lambda z: 1 - _sigmoid(z),
    ),
    Mistake(
        "negated",
        "the sign: the derivative of sigmoid is positive everywhere, s * (1 - s) with s = sigmoid(z)",
        lambda z: _sigmoid(z) ** 2 - _sigmoid(z),
    ),
    Mistake("plus", "it is (1 - sigmoid(z)), with a minus", lambda z: _sigmoid(z) * (1 + _sigmoid(z))),
    Mistake(
        "squared",
        "that is sigmoid(z) squared (note 1 - sigmoid(-z) = sigmoid(z)): the factors are s and 1 - s",
        lambda z: _sigmoid(z) ** 2,
    ),
    Mistake(
        "nested",
        "multiply, do not nest: s * (1 - s) with s = sigmoid(z), not sigmoid(1 - sigmoid(z))",
        lambda z: _sigmoid(1 - _sigmoid(z)),
    ),
    Mistake("precedence", "brackets: s * 1 - s is 0; write s * (1 - s)", lambda z: _sigmoid(z) * 1 - _sigmoid(z)),
    Mistake(
        "dot",
        "np.dot (or @) multiplies matrices and adds up; the derivative multiplies element by element: s * (1 - s)",
        lambda z: np.dot(_sigmoid(z), 1 - _sigmoid(z)),
    ),
    Mistake(
        "constant",
        "0.25 is the derivative at z = 0 only: compute s * (1 - s) for every z, with s = sigmoid(z)",
        explains=lambda part: all(
            o.error is None and np.allclose(np.asarray(o.result, dtype=np.float64), 0.25) for o in part.outcomes
        ),
        example=lambda z: np.full(np.shape(z), 0.25),
    ),
    Mistake(
        "halved",
        "no factor 1/2: the derivative is s * (1 - s) itself, with s = sigmoid(z) (0.25 at z = 0)",
        lambda z: _sigmoid(z) * (1 - _sigmoid(z)) / 2,
    ),
    _in_place("compute into a new array: s = sigmoid(z), then return s * (1 - s)", activations.sigmoid_derivative),
    _flattened("s * (1 - s) on the whole array", activations.sigmoid_derivative),
    _float16(activations.sigmoid_derivative),
    _loop_1d("compute s = sigmoid(z) on the whole array and return s * (1 - s)", activations.sigmoid_derivative),
]


@check
def check_sigmoid_derivative(sigmoid_derivative, *, seed=0):
    """sigmoid_derivative(z) -> sigmoid(z) * (1 - sigmoid(z)), element by element, any shape.

    The learner's function runs with the course's sigmoid under that name. Other seeds try another
    random array of another shape.
    """
    _elementwise(
        "sigmoid_derivative",
        sigmoid_derivative,
        activations.sigmoid_derivative,
        SIGMOID_DERIVATIVE_MISTAKES,
        _elementwise_cases(seed, 11),
        twin=activations.sigmoid_derivative,
        error_hint="compute s = sigmoid(z) first",
        course={"sigmoid": _sigmoid},
        shape_hint="work element by element: the result has the shape of z (s * (1 - s), not np.dot)",
    )


# --- Part 2: relu(z) -> max(0, z) --------------------------------------------------------------------


def _cut_to_integers(part):
    """Every result of the right shape, and each one right or the right values cut to integers (an integer
    array): astype(int), or np.vectorize typed by its first value; some result cut."""
    cut = False
    for case, outcome, want in part.results():
        if outcome.error is not None or np.shape(outcome.result) != np.shape(want.result):
            return False
        if part.right(case, outcome, want):
            continue
        got = np.asarray(outcome.result)
        if got.dtype.kind not in "iu" or not np.array_equal(got, np.trunc(np.asarray(want.result, dtype=np.float64))):
            return False
        cut = True
    return cut


RELU_MISTAKES = [
    Mistake("abs", "negative inputs become 0, not positive: max(0, z)", np.abs),
    Mistake(
        "minimum",
        "that keeps the negative part; relu keeps the positive part: np.maximum(z, 0)",
        lambda z: np.minimum(z, 0),
    ),
    Mistake(
        "mask",
        "that is where z > 0 (relu's derivative); relu itself is max(0, z): np.maximum(z, 0)",
        lambda z: (z > 0).astype(float),
    ),
    Mistake(
        "np_max",
        "np.max reduces the array to its largest value; np.maximum(z, 0) compares element by element",
        lambda z: np.max(z, 0),
    ),
    Mistake(
        "np_max_arguments",
        "np.max(a, axis) takes one array and reduces it; np.maximum(z, 0) compares z with 0 element by element",
        lambda z: np.max(0, z),
    ),
    Mistake(
        "int_cast",
        "the result holds integers, which cuts the decimals off (astype(int) does it, and so does np.vectorize, "
        "which takes its dtype from the first value it gives, here the int 0): return np.maximum(z, 0) as it is",
        explains=lambda part: _cut_to_integers(part),
        example=lambda z: np.maximum(z, 0).astype(int),
    ),
    Mistake(
        "clipped_at_one",
        "relu has no upper limit: np.clip(z, 0, None), or np.maximum(z, 0)",
        lambda z: np.clip(z, 0, 1),
    ),
    Mistake(
        "builtin_max",
        "Python's max compares whole objects; np.maximum(z, 0) compares element by element",
        lambda z: max(0, z),
    ),
    Mistake(
        "leaky", "that is a leaky ReLU: relu gives exactly 0 for z < 0, max(0, z)", lambda z: np.maximum(0.01 * z, z)
    ),
    Mistake(
        "in_place_no_return",
        "the function changes z and returns nothing: return a new array, np.maximum(z, 0), and leave z alone",
        explains=lambda part: (
            all(o.result is None and o.error is None for o in part.outcomes)
            and not alike([o.args for o in part.outcomes], [c.args for c in part.cases], rtol=0, atol=0)
        ),
        example=lambda z: [np.maximum(z, 0, out=z)] and None,
    ),
    _in_place("return a new array: np.maximum(z, 0), or work on z.copy()", activations.relu),
    _flattened("np.maximum(z, 0)", activations.relu),
    _float16(activations.relu),
    _loop_1d("np.maximum(z, 0) works on the whole array; a loop needs np.ndenumerate(z)", lambda v: max(0.0, v)),
]


@check
def check_relu(relu, *, seed=0):
    """relu(z) -> max(0, z), element by element, any shape, without changing z.

    Other seeds try another random array of another shape.
    """
    _elementwise(
        "relu",
        relu,
        activations.relu,
        RELU_MISTAKES,
        _elementwise_cases(seed, 12, np.array([[0.0, -0.0], [3.0, -3.0]])),
        twin=activations.relu,
        shape_hint="work element by element: the result has the shape of z (np.maximum, not np.max)",
    )


# --- Part 3: relu_derivative(z) -> 1.0 where z > 0, else 0.0 ------------------------------------------


def _right_but_not_floats(part):
    """Right values everywhere, and the first rung failed is the type: booleans or integers, z unchanged till then."""
    if not all(part.right(*result) for result in part.results()):
        return False
    for case, outcome in zip(part.cases, part.outcomes):
        if np.asarray(outcome.result).dtype.kind in "biu":
            return True
        if not alike(outcome.args, case.args, rtol=0, atol=0):
            return False
    return False


RELU_DERIVATIVE_MISTAKES = [
    Mistake(
        "one_at_zero",
        "at z = 0 take the derivative 0, as the text says: use z > 0, not z >= 0 (and return floats)",
        lambda z: (z >= 0).astype(float),
    ),
    Mistake(
        "not_floats",
        "return floats, as the text asks: (z > 0).astype(float) or np.where(z > 0, 1.0, 0.0)",
        explains=_right_but_not_floats,
        example=lambda z: z > 0,
    ),
    Mistake("half_at_zero", "at z = 0 take 0, not 0.5: np.heaviside(z, 0)", lambda z: np.heaviside(z, 0.5)),
    Mistake("sign", "np.sign gives -1 for z < 0; the derivative is 0 there: 1.0 where z > 0, else 0.0", np.sign),
    Mistake(
        "relu_itself",
        "you returned relu(z); its derivative is 1 where z > 0 and 0 elsewhere",
        lambda z: np.maximum(z, 0),
    ),
    Mistake("flipped", "the other way round: 1 where z > 0, 0 where z < 0", lambda z: (z < 0).astype(float)),
    Mistake("all_ones", "for z < 0 relu is flat, so its derivative is 0 there", lambda z: np.ones_like(z)),
    Mistake(
        "leaky",
        "that is a leaky ReLU's derivative: relu is flat for z < 0, so its derivative there is 0.0, not 0.01",
        lambda z: np.where(z > 0, 1.0, 0.01),
    ),
    _in_place("return a new array: (z > 0).astype(float)", activations.relu_derivative),
    _flattened("(z > 0).astype(float)", activations.relu_derivative),
    _loop_1d(
        "(z > 0).astype(float) works on the whole array; a loop needs np.ndenumerate(z)",
        lambda v: 1.0 if v > 0 else 0.0,
    ),
]


@check
def check_relu_derivative(relu_derivative, *, seed=0):
    """relu_derivative(z) -> 1.0 where z > 0, else 0.0 (0 at z = 0), as floats, any shape.

    Other seeds try another random array of another shape.
    """
    _elementwise(
        "relu_derivative",
        relu_derivative,
        activations.relu_derivative,
        RELU_DERIVATIVE_MISTAKES,
        _elementwise_cases(seed, 13, np.array([0.0, 0.0, 1.0])),
        twin=activations.relu_derivative,
        floats=True,
    )


# --- Part 4: stable_sigmoid(z) -> sigmoid(z), no overflow for any z -----------------------------------

_E_HINT = "use e = np.exp(-np.abs(z)), which is never above 1, in both forms"


def _warned(part, float32):
    """Right values everywhere, and numpy warned: on float32 input only (float32=True) or on other input."""
    if not all(part.right(*result) for result in part.results()):
        return False
    warned = [np.asarray(c.args[0]).dtype == np.float32 for c, o in zip(part.cases, part.outcomes) if o.warnings]
    return bool(warned) and (all(warned) if float32 else not all(warned))


def _nan_where_large(part):
    """NaN or inf for some z, right wherever the result is finite."""
    found = False
    for case, o, w in part.results():
        if o.error is not None:
            return False
        got, want = np.asarray(o.result, dtype=np.float64), np.asarray(w.result, dtype=np.float64)
        finite = np.isfinite(got)
        if got.shape != want.shape or not alike(got[finite], want[finite], **_tolerance(case)):
            return False
        found = found or not finite.all()
    return found


def _clipped(part):
    """Right wherever |z| <= 8, finite, and wrong for some larger |z|: z was clipped before the sigmoid."""
    wrong = False
    for case, outcome, want in part.results():
        if outcome.error is not None or np.shape(outcome.result) != np.shape(want.result):
            return False
        z = np.asarray(case.args[0], dtype=np.float64)
        got, right = np.asarray(outcome.result, dtype=np.float64), np.asarray(want.result, dtype=np.float64)
        if not np.isfinite(got).all() or not alike(got[np.abs(z) <= 8], right[np.abs(z) <= 8], **_tolerance(case)):
            return False
        wrong = wrong or not alike(got, right, **_tolerance(case))
    return wrong


def _a_list(part):
    """Right values, and some result a list rather than an array."""
    return any(isinstance(o.result, list) for o in part.outcomes) and all(
        o.error is None and alike(np.asarray(o.result, dtype=np.float64), w.result, **_tolerance(c))
        for c, o, w in part.results()
    )


def _one_sigmoid(v):
    if v >= 0:
        return 1 / (1 + math.exp(-v))
    e = math.exp(v)
    return e / (1 + e)


def _int_output(z):
    out = np.zeros_like(z)
    out[...] = _stable(z)
    return out


_NUMPY = np  # the real numpy, also while a function of this module runs with its np replaced


class _LoudNumpy(types.ModuleType):
    """numpy, but np.errstate and np.seterr change nothing: what a function's own silencing hides shows."""

    def __init__(self):
        super().__init__("numpy")

    def __getattr__(self, name):
        return getattr(_NUMPY, name)

    @staticmethod
    def errstate(*args, **kwargs):
        return contextlib.nullcontext()

    @staticmethod
    def seterr(*args, **kwargs):
        return _NUMPY.geterr()


_SILENCERS = {"errstate", "seterr"}


def _silenced(part):
    """Right values, but only as the function hides numpy's warnings itself (np.errstate, np.seterr): it
    warns without them."""
    code = getattr(part.func, "__code__", None)
    if code is None or not any(_SILENCERS & set(c.co_names) for c in _code_objects(code)):
        return False
    if not all(part.right(*result) for result in part.results()):
        return False
    with substitute(part.func, {"np": _LoudNumpy()}):
        return any(run_quietly(part.func, case).warnings for case in part.cases)


def _silenced_sigmoid(z):
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-z))


STABLE_SIGMOID_MISTAKES = [
    Mistake(
        "silenced",
        "np.errstate (or np.seterr) only hides the warning: exp still overflows to inf, and in other formulas "
        "inf / inf gives nan; leave the warnings on and " + _E_HINT,
        explains=_silenced,
        example=_silenced_sigmoid,
    ),
    Mistake(
        "overflow",
        "exp overflows for large |z| (and so does 1 / np.exp(-|z|)), also in the branch np.where does not pick "
        "(it computes both for every z): " + _E_HINT + ", and divide only by 1 + e",
        explains=lambda part: _warned(part, float32=False),
        example=lambda z: 1 / (1 + np.exp(-z)),
    ),
    Mistake(
        "float32_overflow",
        "in float32, exp overflows already above 88, so clipping z to +-500 is not enough: " + _E_HINT,
        explains=lambda part: _warned(part, float32=True),
        example=lambda z: 1 / (1 + np.exp(-np.clip(z, -500, 500))),
    ),
    Mistake(
        "nan_for_large",
        "exp(z) / (1 + exp(z)) is inf / inf = nan for large z: " + _E_HINT,
        explains=_nan_where_large,
        example=lambda z: np.exp(z) / (1 + np.exp(z)),
    ),
    Mistake(
        "math_overflow",
        "math.exp raises OverflowError above about 709: use only exp(-|z|), which never overflows, in both forms",
        explains=lambda part: any(isinstance(o.error, OverflowError) for o in part.outcomes),
        example=lambda z: np.vectorize(lambda v: 1 / (1 + math.exp(-v)))(z),
    ),
    Mistake(
        "mirrored",
        "the two forms are swapped, giving 1 - sigmoid(z): 1 / (1 + e) for z >= 0, e / (1 + e) for z < 0",
        lambda z: _stable(-z),
    ),
    Mistake(
        "no_abs",
        "np.exp(-z) grows without bound for z < 0: the forms use e = np.exp(-np.abs(z))",
        lambda z: np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(-z) / (1 + np.exp(-z))),
    ),
    Mistake(
        "only_non_negative",
        "only the z >= 0 entries got a value; those with z < 0 stayed 0: fill them with the second form, "
        "e / (1 + e) with e = np.exp(-np.abs(z))",
        lambda z: np.where(np.asarray(z) >= 0, _stable(np.asarray(z, dtype=float)), 0.0),
    ),
    Mistake(
        "one_form",
        "1 / (1 + exp(-|z|)) is sigmoid(|z|), never below 0.5: for z < 0 use the second form, e / (1 + e)",
        lambda z: _stable(np.abs(z)),
    ),
    Mistake(
        "int_output",
        "the result keeps an integer z's dtype (np.zeros_like, np.empty_like, np.piecewise do), which cuts the "
        "probabilities to 0: start from floats, z = np.asarray(z, dtype=float)",
        _int_output,
    ),
    Mistake(
        "abs_sign",
        "e = np.exp(-np.abs(z)), with the minus: np.exp(np.abs(z)) overflows, and the two forms then give "
        "1 - sigmoid(z)",
        lambda z: np.where(z >= 0, 1 / (1 + np.exp(np.abs(z))), np.exp(np.abs(z)) / (1 + np.exp(np.abs(z)))),
    ),
    Mistake(
        "minus_in_denominator",
        "both forms divide by 1 + e, with a plus: e / (1 + e) for z < 0",
        lambda z: np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 - np.exp(-np.abs(z)))),
    ),
    Mistake(
        "clipped",
        "clipping z changes the answer for large |z| (sigmoid(-50) is about 2e-22, sigmoid(-10) about 5e-5): "
        "keep z as it is and " + _E_HINT,
        explains=_clipped,
        example=lambda z: 1 / (1 + np.exp(-np.clip(z, -10, 10))),
    ),
    Mistake(
        "a_list",
        "return a numpy array, not a list (.tolist() or a list of values): np.where(...) gives one already, "
        "or wrap the list in np.array(...)",
        explains=_a_list,
        example=lambda z: _stable(z).tolist(),
    ),
    Mistake(
        "object_dtype",
        "np.frompyfunc gives an array of Python objects (dtype=object), not floats: compute on the whole array "
        "with np.exp and np.where, or give np.vectorize otypes=[float]",
        explains=_objects_right,
        example=lambda z: np.frompyfunc(_one_sigmoid, 1, 1)(z),
    ),
    _in_place("use np.clip(z, ...) without out=, or work on z.copy()", _stable),
    _loop_1d("np.where works on the whole array; a loop needs np.ndenumerate(z)", _stable),
]


@check
def check_stable_sigmoid(stable_sigmoid, *, seed=0):
    """stable_sigmoid(z) -> sigmoid(z) as floats, with no overflow warning and no NaN, for z up to +-1000
    as float, float32 and integer arrays, 1-D and 2-D.

    Other seeds try other random arrays of other shapes.
    """
    part = Part(
        "stable_sigmoid",
        stable_sigmoid,
        reference=_sigmoid,
        catalogue=STABLE_SIGMOID_MISTAKES,
        error_hint="use np.exp and np.where so z can be an array",
        twins=[("activations.sigmoid", activations.sigmoid)],
    )
    rng = rng_for(seed, 14)
    cases = [
        ("z", np.array([-2.0, 0.0, 2.0])),
        ("z", np.array([-1000.0, -50.0, -1.0, 0.0, 1.0, 50.0, 1000.0])),
        ("z as integers", np.array([-1000, -3, 0, 3, 1000])),
        ("z as float32", np.array([-1000.0, -100.0, -10.0, 0.0, 10.0, 100.0, 1000.0], dtype=np.float32)),
        ("z", rng.uniform(-8, 8, size=tuple(rng.integers(2, 5, size=2)))),
        ("z", rng.uniform(-1000, 1000, size=tuple(rng.integers(2, 5, size=2)))),
    ]
    part.run(Case(f"{name} = {fmt(z)}", z) for name, z in cases)
    part.judge(floats=True, shape_hint="sigmoid works element by element: the result has the shape of z")
    _objects_to_floats(part)
    if _silenced(part):
        part.fail("the values are right, but only because the function hides numpy's overflow warning")
    part.passed()


# --- Part 5: softmax(Z) -> one probability row per example --------------------------------------------


def _sums_to_one(axis):
    """Every outcome sums to 1 along axis (None: over the whole batch), wherever that sum is not NaN."""

    def explains(part):
        for case, outcome in zip(part.cases, part.outcomes):
            sums = np.sum(np.asarray(outcome.result, dtype=np.float64), axis=axis)
            if np.shape(outcome.result) != case.args[0].shape or not np.allclose(sums[~np.isnan(sums)], 1):
                return False
        return True

    return explains


def _broadcast_error(outcome):
    return isinstance(outcome.error, ValueError) and "broadcast" in str(outcome.error)


def _no_keepdims(part):
    # e.sum(axis=1) has shape (n,): it lines up with the columns, so it raises unless Z is square or one row
    return any(_broadcast_error(o) for o in part.outcomes) and all(
        _broadcast_error(o) or (o.error is None and c.args[0].shape[0] in (1, c.args[0].shape[1]))
        for c, o in zip(part.cases, part.outcomes)
    )


def _rows_shifted_by(Z, m):
    e = np.exp(Z - m)
    return e / e.sum(axis=1, keepdims=True)


def _softmax_int_output(Z):
    out = np.zeros_like(Z)
    out[...] = _rows(Z)
    return out


def _softmax_in_place(Z):
    Z -= Z.max(axis=1, keepdims=True)
    return _rows(Z)


SOFTMAX_MISTAKES = [
    Mistake(
        "wrong_axis",
        "axis=0 normalises the columns; each row (one example) must sum to 1: use axis=1 for the max and the sum",
        explains=_sums_to_one(axis=0),
        example=lambda Z: _rows(Z.T).T,
    ),
    Mistake(
        "sum_all",
        "you divided by the sum of the whole batch; each row sums to 1: e.sum(axis=1, keepdims=True)",
        explains=_sums_to_one(axis=None),
        example=lambda Z: np.exp(Z - Z.max()) / np.exp(Z - Z.max()).sum(),
    ),
    Mistake(
        "no_keepdims",
        "a max or sum along axis=1 has shape (n_samples,), which numpy lines up with the columns: "
        "add keepdims=True so it is a column (n_samples, 1)",
        explains=_no_keepdims,
        example=lambda Z: np.exp(Z) / np.exp(Z).sum(axis=1),
    ),
    Mistake(
        "not_shifted",
        "exp(1000) overflows to inf and inf / inf is NaN: subtract each row's max first, "
        "Z - Z.max(axis=1, keepdims=True); it changes nothing mathematically",
        lambda Z: np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True),
    ),
    Mistake(
        "global_max",
        "subtract each row's own max (Z.max(axis=1, keepdims=True)), not the max of the whole batch: "
        "a row far below it gives 0 / 0",
        lambda Z: np.exp(Z - Z.max()) / np.exp(Z - Z.max()).sum(axis=1, keepdims=True),
    ),
    Mistake(
        "max_wrong_axis",
        "subtract each row's own max, Z.max(axis=1, keepdims=True): axis=0 gives each column's max, and a row "
        "far below it gives 0 / 0",
        lambda Z: _rows_shifted_by(Z, Z.max(axis=0, keepdims=True)),
    ),
    Mistake(
        "min_shift",
        "subtract each row's max, not its min: only then is every exponent <= 0",
        lambda Z: (
            np.exp(Z - Z.min(axis=1, keepdims=True))
            / np.exp(Z - Z.min(axis=1, keepdims=True)).sum(axis=1, keepdims=True)
        ),
    ),
    Mistake(
        "mixed_shift",
        "shift both: e = np.exp(Z - m), then divide by e's own row sums, not by the sums of np.exp(Z)",
        lambda Z: np.exp(Z - Z.max(axis=1, keepdims=True)) / np.exp(Z).sum(axis=1, keepdims=True),
    ),
    Mistake(
        "no_exp",
        "take the exponentials first: e = np.exp(Z - max), then e / its row sums",
        lambda Z: Z / Z.sum(axis=1, keepdims=True),
    ),
    Mistake(
        "int_output",
        "the result keeps integer scores' dtype (np.zeros_like(Z) does), which cuts the probabilities to 0: "
        "np.zeros(Z.shape) holds floats",
        _softmax_int_output,
    ),
    Mistake(
        "log_softmax",
        "that is log(softmax(Z)): return the probabilities themselves, e / e.sum(axis=1, keepdims=True) with "
        "e = np.exp(Z - Z.max(axis=1, keepdims=True))",
        lambda Z: (
            Z
            - Z.max(axis=1, keepdims=True)
            - np.log(np.exp(Z - Z.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True))
        ),
    ),
    Mistake(
        "sigmoid",
        "that is the sigmoid of each score on its own: softmax divides np.exp(Z - m) by its row's sum, so each "
        "row sums to 1",
        lambda Z: 1 / (1 + np.exp(-Z)),
    ),
    Mistake(
        "divided_by_max",
        "divide by each row's sum, not its max: e / e.sum(axis=1, keepdims=True)",
        lambda Z: (
            np.exp(Z - Z.max(axis=1, keepdims=True))
            / np.exp(Z - Z.max(axis=1, keepdims=True)).max(axis=1, keepdims=True)
        ),
    ),
    Mistake(
        "squeezed",
        "keep the batch's shape: one example is a (1, n_classes) row, and np.squeeze (or [0]) drops that axis",
        lambda Z: np.squeeze(_rows(Z)),
    ),
    Mistake(
        "in_place",
        "Z was changed in place (Z -= ...): the caller's scores must stay as they were; write Z - m into a new name",
        explains=_changed_input_first,
        example=_softmax_in_place,
    ),
]


@check
def check_softmax(softmax, *, seed=0):
    """softmax(Z) -> one probability row per row of Z (n_samples, n_classes), as floats; stable for scores
    of +-1000, integer and float32 scores, one row or many.

    Other seeds try other random batches of other shapes.
    """
    part = Part(
        "softmax",
        softmax,
        reference=_softmax,
        catalogue=SOFTMAX_MISTAKES,
        error_hint="Z is (n_samples, n_classes): work along axis=1 with keepdims=True",
        twins=[("activations.softmax", activations.softmax)],
    )
    rng = rng_for(seed, 15)
    cases = [
        ("Z", np.array([[1.0, 2.0, 3.0]])),
        ("Z", rng.normal(size=(4, 3))),
        ("Z as integers", np.array([[1, 2, 3], [0, 0, 0]])),
        ("Z", rng.normal(size=tuple(rng.integers(2, 6, size=2))) * 3),
        ("Z", np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -1001.0, -1002.0]])),
        ("Z", np.array([[0.0, 1.0], [1000.0, 1001.0]])),
        ("Z", np.array([[-1000.0, 0.0, 1000.0]])),
        ("Z as float32", rng.normal(size=(3, 4)).astype(np.float32)),
    ]
    part.run(Case(f"{name} = {fmt(Z)}", Z) for name, Z in cases)
    part.judge(floats=True, shape_hint="one probability per score: divide by the row sums with keepdims=True")
    _objects_to_floats(part)
    part.passed()


CATALOGUES = {
    "check_sigmoid_derivative": SIGMOID_DERIVATIVE_MISTAKES,
    "check_relu": RELU_MISTAKES,
    "check_relu_derivative": RELU_DERIVATIVE_MISTAKES,
    "check_stable_sigmoid": STABLE_SIGMOID_MISTAKES,
    "check_softmax": SOFTMAX_MISTAKES,
}
