"""Checks for exercise 05, derivatives in SymPy (lesson 05): sigmoid's derivative in symbols, the chain
rule for one neuron's cost, a finite-difference derivative, turning an expression into numpy code, the
softmax + cross-entropy gradient derived for K = 3, and the softmax's Jacobian applied to a batch.

Each part's known mistakes are its catalogue (a list of `Mistake`). A symbolic answer is observed as its
values at several points, so any correct form passes and a mistake is named only when it gives the same
values at every point. SymPy is imported inside the functions that need it, so `import annlib.checks`
needs numpy only.
"""

import numpy as np

from annlib import activations as _activations
from annlib import gradcheck as _gradcheck
from annlib.activations import sigmoid as _sigmoid
from annlib.activations import softmax as _softmax
from annlib.checks._core import Case, Mistake, Part, changed_inputs, check, fmt, rng_for, run_quietly

# --- Symbolic answers, observed as numbers -------------------------------------------------------------


def _sp():
    """SymPy, imported when a check runs."""
    import sympy as sp

    return sp


_NOT_SYMPY = "build the answer from the SymPy symbols you are given, with sp.exp (not np.exp), and sp.diff"


class _Unusable:
    """What a symbolic answer gives when it has no values: why (key), what the learner sees (message), the
    hint when no catalogue mistake explains it, and the values it has where there are some (detail: one
    expression where a list was asked). A catalogue mistake explains it when its own answer gives an equal
    one (same key, message and detail)."""

    __slots__ = ("key", "message", "hint", "detail")

    def __init__(self, key, message, hint=_NOT_SYMPY, detail=None):
        self.key, self.message, self.hint, self.detail = key, message, hint, detail

    def __eq__(self, other):
        if not isinstance(other, _Unusable) or (self.key, self.message) != (other.key, other.message):
            return False
        a, b = self.detail, other.detail
        if a is None or b is None or isinstance(a, _Unusable) or isinstance(b, _Unusable):
            return a is None and b is None
        return bool(np.allclose(a, b, rtol=1e-6, atol=1e-9))

    __hash__ = None


def _symbols_of(args):
    flat = []
    for arg in args:
        flat.extend(arg if isinstance(arg, (list, tuple)) else [arg])
    return flat


def _as_expression(value, symbols, what):
    """value as a SymPy expression in symbols (a symbol made again under the same name counts as the one
    passed in), or an _Unusable."""
    sp = _sp()
    if value is None:
        return _Unusable("none", f"{what} None", "did you forget `return`?")
    if not isinstance(value, sp.Basic):
        return _Unusable("not_sympy", f"{what} a {type(value).__name__}, expected a SymPy expression")
    by_name = {str(s): s for s in symbols}
    renamed = {s: by_name[str(s)] for s in value.free_symbols if str(s) in by_name and s not in symbols}
    if renamed:
        value = value.subs(renamed)
    extra = value.free_symbols - set(symbols)
    if extra:
        names = ", ".join(sorted(str(s) for s in extra))
        allowed = ", ".join(str(s) for s in symbols)
        return _Unusable(
            "other_symbols",
            f"the expression contains the symbol(s) {names}",
            f"use only the symbols passed in: {allowed}",
        )
    return value


def _values(expr, symbols, points):
    """expr's values at each point (one number per symbol), or an _Unusable."""
    values = []
    for point in points:
        try:
            values.append(complex(expr.subs(dict(zip(symbols, point))).evalf()))
        except (TypeError, ValueError):
            return _Unusable("not_a_number", f"the expression {expr} does not evaluate to a number at {point}")
    values = np.array(values)
    if np.abs(values.imag).max() > 1e-12:
        return _Unusable("complex", "the expression gives complex numbers for real inputs")
    return values.real


def _at_points(points, count=None):
    """observe: a SymPy answer's values at each point, shape (points,), or (points, count) for a list of
    count expressions; an _Unusable when it has none."""

    def observe(result, args, kwargs):
        sp = _sp()
        symbols = _symbols_of(args)
        if count is None:
            expr = _as_expression(result, symbols, "returned")
            return expr if isinstance(expr, _Unusable) else _values(expr, symbols, points)
        if isinstance(result, sp.MatrixBase):
            if result.shape not in ((count, 1), (1, count)):
                return _Unusable(
                    "matrix",
                    f"returned a {result.shape[0]}x{result.shape[1]} Matrix, expected a list of {count}",
                    f"C is one number, so it has one derivative per z_k: a list of {count} expressions",
                )
            result = list(result)
        if isinstance(result, sp.Basic):
            expr = _as_expression(result, symbols, "returned")
            values = expr if isinstance(expr, _Unusable) else _values(expr, symbols, points)
            return _Unusable(
                "one_expression",
                f"returned one expression, expected a list of {count}",
                "return a list, [sp.diff(C, z[k]) for each k], in the order of z",
                values,
            )
        if not isinstance(result, (list, tuple)):
            return _Unusable("not_list", f"returned {_a(result)}, expected a list of {count} SymPy expressions")
        if len(result) != count:
            return _Unusable(
                "length",
                f"returned {len(result)} expressions, expected {count}",
                f"one derivative per z_k: a list of {count} expressions, in the order of z",
            )
        columns = []
        for k, item in enumerate(result):
            expr = _as_expression(item, symbols, f"item {k + 1} is")
            column = expr if isinstance(expr, _Unusable) else _values(expr, symbols, points)
            if isinstance(column, _Unusable):
                return column
            columns.append(column)
        return np.stack(columns, axis=1)

    return observe


def _a(value):
    return "None" if value is None else f"a {type(value).__name__}"


def _unusable(*keys):
    """explains: the answer had no values, for one of these reasons, on every case."""
    return lambda part: all(isinstance(o.result, _Unusable) and o.result.key in keys for o in part.outcomes)


def _raised(kind, *texts):
    """explains: the answer raised `kind` with one of texts in its message, on every case."""
    return lambda part: all(isinstance(o.error, kind) and any(t in str(o.error) for t in texts) for o in part.outcomes)


def _judge_points(part, labels, *, what="the result"):
    """The ladder for a symbolic answer observed at points: its error, why it has no values, then the
    values point by point (labels[i] names point i in a message); then warnings."""
    for _case, outcome, want in part.results():
        if outcome.error is not None:
            part.error(outcome)
        if isinstance(outcome.result, _Unusable):
            part.fail(outcome.result.message, outcome.result.hint)
        for label, got, wanted in zip(labels, outcome.result, want.result):
            part.compare(got, wanted, case=Case(label), what=what)
    part.no_warnings()


def _symbolic_twins(*names):
    """(label, object) pairs of annlib.symbolic's functions, imported when a check runs (SymPy)."""
    from annlib import symbolic

    return [(f"symbolic.{name}", getattr(symbolic, name)) for name in names]


def _extra(seed, salt, size, low=-2.5, high=2.5):
    """Random points of the hidden tests: none for seed 0 (the visible check), a few for other seeds."""
    if not seed:
        return np.zeros((0,) + tuple(size[1:]))
    return np.round(rng_for(seed, salt).uniform(low, high, size=size), 3)


_NUMPY_ON_SYMBOLS = _raised(TypeError, "no callable", "Cannot convert expression to float")

# --- Part 1: sigmoid_derivative_expr(z) -> d sigmoid / dz ------------------------------------------------


def _sigmoid_derivative_expr(z):
    sp = _sp()
    return sp.diff(1 / (1 + sp.exp(-z)), z)


def _negated_with_exponents(signs):
    """explains: the values are minus sigma'(z) and the learner's expression has exp(...) of these signs
    ("+" for exp(z), "-" for exp(-z), "" for neither)."""

    def explains(part):
        sp = _sp()
        outcome, want = part.outcomes[0], part.wanted[0]
        if outcome.error is not None or isinstance(outcome.result, _Unusable):
            return False
        if not np.allclose(outcome.result, -want.result, rtol=part.rtol, atol=part.atol):
            return False
        expr = run_quietly(part.func, part.cases[0]).result  # the expression itself, not its values
        found = {"-" if e.args[0].could_extract_minus_sign() else "+" for e in expr.atoms(sp.exp)}
        return ("+" if "+" in found else "-" if "-" in found else "") == signs

    return explains


SIGMOID_DERIVATIVE_EXPR_MISTAKES = [
    Mistake(
        "sign_in_exponent",
        "a sign slip: sigma(z) = 1 / (1 + exp(-z)) has exp(-z), with a minus; with exp(z) it falls, and its "
        "slope is minus sigma'(z)",
        explains=_negated_with_exponents("+"),
        example=lambda z: _sp().diff(1 / (1 + _sp().exp(z)), z),
    ),
    Mistake(
        "inner_factor",
        "the sign: by the chain rule d/dz exp(-z) = -exp(-z), and that minus cancels the one of "
        "d(1/u)/du = -1/u**2; sp.diff keeps track of it for you",
        explains=_negated_with_exponents("-"),
        example=lambda z: -_sp().exp(-z) / (1 + _sp().exp(-z)) ** 2,
    ),
    Mistake(
        "negated",
        "the result is minus sigma'(z): look for a lost minus sign (sp.diff(1 / (1 + sp.exp(-z)), z) gets it right)",
        explains=_negated_with_exponents(""),
        example=lambda z: -1 / (2 + 2 * _sp().cosh(z)),
    ),
    Mistake(
        "sigmoid_itself",
        "that is sigmoid itself; return its derivative: sp.diff(sigma, z)",
        lambda z: 1 / (1 + _sp().exp(-z)),
    ),
    Mistake(
        "no_square",
        "a factor is missing: your values are exp(-z) / (1 + exp(-z)) = 1 - sigma; the derivative has the "
        "denominator squared, exp(-z) / (1 + exp(-z))**2 = sigma (1 - sigma)",
        lambda z: _sp().exp(-z) / (1 + _sp().exp(-z)),
    ),
    Mistake(
        "no_inner_derivative",
        "the chain rule: the derivative of the inner 1 + exp(-z) is -exp(-z), and it multiplies the result: "
        "exp(-z) / (1 + exp(-z))**2",
        lambda z: (1 / (1 + _sp().exp(-z))) ** 2,
    ),
    Mistake(
        "tanh_derivative",
        "1 - sigma**2 is the pattern of tanh's derivative; the sigmoid's is sigma (1 - sigma)",
        lambda z: 1 - (1 / (1 + _sp().exp(-z))) ** 2,
    ),
    Mistake(
        "one_plus_sigma",
        "sigma (1 - sigma), with a minus: the slope is largest (1/4) at z = 0 and falls towards 0 on both sides",
        lambda z: (1 / (1 + _sp().exp(-z))) * (1 + 1 / (1 + _sp().exp(-z))),
    ),
    Mistake(
        "z_as_sigma",
        "sigma (1 - sigma) is in terms of sigma(z), not z: build sigma = 1 / (1 + sp.exp(-z)) first, then "
        "return sigma * (1 - sigma) (or sp.diff(sigma, z))",
        lambda z: z * (1 - z),
    ),
    Mistake(
        "tanh_not_sigmoid",
        "that is the derivative of tanh(z); the sigmoid is sigma(z) = 1 / (1 + sp.exp(-z))",
        lambda z: 1 - _sp().tanh(z) ** 2,
    ),
    Mistake(
        "second_derivative",
        "that is the second derivative: differentiate once, sp.diff(sigma, z) (sp.diff(sigma, z, 2) "
        "differentiates twice)",
        lambda z: _sp().diff(1 / (1 + _sp().exp(-z)), z, 2),
    ),
    Mistake(
        "numpy_exp",
        "numpy (np.exp) and math (math.exp) work on numbers only; use sp.exp on SymPy symbols",
        explains=_NUMPY_ON_SYMBOLS,
        example=lambda z: 1 / (1 + np.exp(-z)),
    ),
    Mistake(
        "number",
        "return a SymPy expression in z, not a number: build sigma from the symbol z with sp.exp, then sp.diff",
        explains=_unusable("not_sympy"),
        example=lambda z: 0.25,
    ),
    Mistake(
        "own_symbol",
        "use the symbol z you are given: a symbol of another name is another variable",
        explains=_unusable("other_symbols"),
        example=lambda z: _sp().Symbol("t") * z,
    ),
]

_SIGMOID_POINTS = (-3.0, -1.0, -0.5, 0.0, 0.7, 2.0)


@check
def check_sigmoid_derivative_expr(sigmoid_derivative_expr, *, seed=0):
    """sigmoid_derivative_expr(z) -> a SymPy expression for d sigmoid / dz, for a SymPy symbol z.

    Observed as its values at 6 points; other seeds add 3 random points.
    """
    sp = _sp()
    zs = np.concatenate([_SIGMOID_POINTS, _extra(seed, 51, (3,))])
    part = Part(
        "sigmoid_derivative_expr",
        sigmoid_derivative_expr,
        reference=_sigmoid_derivative_expr,
        catalogue=SIGMOID_DERIVATIVE_EXPR_MISTAKES,
        error_hint="use SymPy functions on the symbol z: sp.exp, sp.diff",
        twins=_symbolic_twins("sigmoid_derivative", "Sigmoid"),
        observe=_at_points([(v,) for v in zs]),
    )
    part.run([Case("z", sp.Symbol("z", real=True))])
    _judge_points(part, [f"z = {fmt(v)}" for v in zs])
    expr = run_quietly(sigmoid_derivative_expr, part.cases[0]).result
    part.passed(f"d sigmoid/dz = {expr} (right at {len(zs)} points)")


# --- Part 2: dloss_dw(w, x, b, y) -> dC/dw for C = (sigmoid(w x + b) - y)**2 ------------------------------


def _a_of(w, x, b):
    return 1 / (1 + _sp().exp(-(w * x + b)))


def _dloss_dw(w, x, b, y):
    return _sp().diff((_a_of(w, x, b) - y) ** 2, w)


def _sigma_prime(w, x, b):
    a = _a_of(w, x, b)
    return a * (1 - a)


DLOSS_DW_MISTAKES = [
    Mistake(
        "no_x",
        "a factor of the chain rule is missing: dz/dw = x (differentiate with respect to w, not b)",
        lambda w, x, b, y: 2 * (_a_of(w, x, b) - y) * _sigma_prime(w, x, b),
    ),
    Mistake(
        "no_sigmoid_derivative",
        "a factor of the chain rule is missing: da/dz = sigmoid(z)(1 - sigmoid(z))",
        lambda w, x, b, y: 2 * (_a_of(w, x, b) - y) * x,
    ),
    Mistake(
        "no_two",
        "the factor 2 from d/da (a - y)**2 = 2 (a - y) is missing",
        lambda w, x, b, y: (_a_of(w, x, b) - y) * _sigma_prime(w, x, b) * x,
    ),
    Mistake(
        "negated",
        "the sign: d/da (a - y)**2 = 2 (a - y), not 2 (y - a)",
        lambda w, x, b, y: -_dloss_dw(w, x, b, y),
    ),
    Mistake(
        "sigma_not_derivative",
        "da/dz is sigmoid(z)(1 - sigmoid(z)), not sigmoid(z)",
        lambda w, x, b, y: 2 * (_a_of(w, x, b) - y) * _a_of(w, x, b) * x,
    ),
    Mistake(
        "wrt_x",
        "that is dC/dx: differentiate with respect to w, sp.diff(C, w), whose last factor is dz/dw = x",
        lambda w, x, b, y: _sp().diff((_a_of(w, x, b) - y) ** 2, x),
    ),
    Mistake(
        "sign_in_exponent",
        "the sign in the exponent: a = sigmoid(z) = 1 / (1 + exp(-z)), with z = w x + b",
        lambda w, x, b, y: _sp().diff((1 / (1 + _sp().exp(w * x + b)) - y) ** 2, w),
    ),
    Mistake(
        "no_sigmoid",
        "the sigmoid is missing: a = sigmoid(z) = 1 / (1 + sp.exp(-(w*x + b))) comes between z and C, C = (a - y)**2",
        lambda w, x, b, y: _sp().diff((w * x + b - y) ** 2, w),
    ),
    Mistake(
        "no_a_factor",
        "da/dz = sigmoid(z)(1 - sigmoid(z)): the factor a = sigmoid(z) is missing, not only (1 - a)",
        lambda w, x, b, y: 2 * (_a_of(w, x, b) - y) * (1 - _a_of(w, x, b)) * x,
    ),
    Mistake(
        "bracket_in_exponent",
        "brackets: exp(-w*x + b) negates only w x; the sigmoid takes all of z, exp(-(w*x + b))",
        lambda w, x, b, y: _sp().diff((1 / (1 + _sp().exp(-w * x + b)) - y) ** 2, w),
    ),
    Mistake(
        "no_bias",
        "the bias is missing: z = w x + b",
        lambda w, x, b, y: _sp().diff((_a_of(w, x, 0) - y) ** 2, w),
    ),
    Mistake(
        "returns_loss",
        "that is C itself; return its derivative, sp.diff(C, w)",
        lambda w, x, b, y: (_a_of(w, x, b) - y) ** 2,
    ),
    Mistake(
        "not_squared",
        "C = (a - y)**2: square the difference before differentiating",
        lambda w, x, b, y: _sp().diff(_a_of(w, x, b) - y, w),
    ),
    Mistake(
        "numpy_exp",
        "numpy (np.exp) and math (math.exp) work on numbers only; use sp.exp on SymPy symbols",
        explains=_NUMPY_ON_SYMBOLS,
        example=lambda w, x, b, y: 1 / (1 + np.exp(-(w * x + b))),
    ),
    Mistake(
        "other_symbols",
        "use only the symbols passed in: w, x, b, y",
        explains=_unusable("other_symbols"),
        example=lambda w, x, b, y: _dloss_dw(w, x, b, y) * _sp().Symbol("q"),
    ),
    Mistake(
        "number",
        "return a SymPy expression in w, x, b and y, not a number",
        explains=_unusable("not_sympy"),
        example=lambda w, x, b, y: 0.5,
    ),
]


@check
def check_dloss_dw(dloss_dw, *, seed=0):
    """dloss_dw(w, x, b, y) -> dC/dw for C = (sigmoid(w x + b) - y)**2, as a SymPy expression.

    Observed as its values at 4 points (w, x, b, y); other seeds add 3 random points.
    """
    points = [(0.5, 1.0, 0.1, 1.0), (-1.0, 2.0, 0.3, 0.0), (0.2, -1.5, -0.4, 1.0), (1.5, 0.5, 0.0, 0.0)]
    points += [(w, x, b, float(y > 0)) for w, x, b, y in _extra(seed, 52, (3, 4))]
    part = Part(
        "dloss_dw",
        dloss_dw,
        reference=_dloss_dw,
        catalogue=DLOSS_DW_MISTAKES,
        error_hint="build C from the symbols with sp.exp, then sp.diff(C, w)",
        twins=_symbolic_twins("chain_rule_steps", "ChainRule", "SymbolicNetwork", "sigmoid_derivative", "Sigmoid"),
        observe=_at_points(points),
    )
    part.run([Case("w, x, b, y", *_sp().symbols("w x b y", real=True))])
    _judge_points(part, ["(w, x, b, y) = " + str(tuple(float(v) for v in p)) for p in points])
    part.passed(f"dC/dw right at {len(points)} points")


# --- Part 3: numerical_derivative(f, x, h) -> the central difference ---------------------------------------


def _central(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)


NUMERICAL_DERIVATIVE_MISTAKES = [
    Mistake(
        "forward",
        "that is the forward difference (error ~ h); use the central one, (f(x + h) - f(x - h)) / (2 h), "
        "whose error is ~ h**2",
        lambda f, x, h=1e-5: (f(x + h) - f(x)) / h,
    ),
    Mistake(
        "backward",
        "that is the backward difference (error ~ h); use (f(x + h) - f(x - h)) / (2 h)",
        lambda f, x, h=1e-5: (f(x) - f(x - h)) / h,
    ),
    Mistake(
        "over_h",
        "divide by 2 h: the two points x - h and x + h are 2 h apart",
        lambda f, x, h=1e-5: (f(x + h) - f(x - h)) / h,
    ),
    Mistake(
        "forward_over_2h",
        "f(x + h) - f(x) spans one step h: nudge both ways, (f(x + h) - f(x - h)) / (2 h)",
        lambda f, x, h=1e-5: (f(x + h) - f(x)) / (2 * h),
    ),
    Mistake(
        "ignores_h",
        "use the h you are given: right with the default h = 1e-5, wrong for other h (a fixed step inside "
        "the function ignores the argument)",
        lambda f, x, h=1e-5: (f(x + 1e-5) - f(x - 1e-5)) / 2e-5,
    ),
    Mistake(
        "step_2h",
        "nudge x by h each way, f(x + h) and f(x - h): the two points are then 2 h apart",
        lambda f, x, h=1e-5: (f(x + 2 * h) - f(x - 2 * h)) / (2 * h),
    ),
    Mistake(
        "negated",
        "the order: f(x + h) - f(x - h), over 2 h",
        lambda f, x, h=1e-5: (f(x - h) - f(x + h)) / (2 * h),
    ),
    Mistake(
        "precedence",
        "brackets: f(x + h) - f(x - h) / (2 * h) divides only f(x - h); write (f(x + h) - f(x - h)) / (2 * h)",
        lambda f, x, h=1e-5: f(x + h) - f(x - h) / (2 * h),
    ),
    Mistake(
        "times_h",
        "brackets: / 2 * h multiplies by h; divide by the product, / (2 * h)",
        lambda f, x, h=1e-5: (f(x + h) - f(x - h)) / 2 * h,
    ),
    Mistake(
        "not_divided",
        "divide the difference by the distance between the two points, 2 h",
        lambda f, x, h=1e-5: f(x + h) - f(x - h),
    ),
]


def _cubic(x):
    return x**3 - 2 * x


@check
def check_numerical_derivative(numerical_derivative, *, seed=0):
    """numerical_derivative(f, x, h) -> (f(x + h) - f(x - h)) / (2 h), the central difference.

    Tried with the default h and with h = 0.1 and 0.5, where every slip shows (x**3 - 2x has central
    difference 3x**2 - 2 + h**2); other seeds try other random x.
    """
    part = Part(
        "numerical_derivative",
        numerical_derivative,
        reference=_central,
        catalogue=NUMERICAL_DERIVATIVE_MISTAKES,
        error_hint="call f at x + h and at x - h, subtract, divide by 2 h",
        twins=[("gradcheck.numerical_gradient", _gradcheck.numerical_gradient)],
    )
    cases = [
        Case("f = x**3 - 2x, x = 2 (default h)", _cubic, 2),
        Case("f = sin, x = 1.0 (default h)", np.sin, 1.0),
        Case("f = x**3 - 2x, x = 2.0, h = 0.1", _cubic, 2.0, 0.1),
        Case("f = sin, x = 1.0, h = 0.5", np.sin, 1.0, 0.5),
        Case("f = sigmoid, x = 0.5, h = 0.1", _sigmoid, 0.5, 0.1),
        Case("f = exp, x = -1.0, h = 1e-05", np.exp, -1.0, 1e-5),
    ]
    for x in _extra(seed, 53, (2,), -1.5, 1.5):
        cases += [Case(f"f = sin, x = {x:g} (default h)", np.sin, float(x))]
        cases += [Case(f"f = x**3 - 2x, x = {x:g}, h = 0.2", _cubic, float(x), 0.2)]
    part.run(cases)
    part.judge(scalar=True, shape_hint="return one number, the slope at x")
    part.passed()


# --- Part 4: make_numeric(expr, z) -> a numpy function ------------------------------------------------------

_ROW = np.array([-2.0, 0.0, 1.5])
_GRID = np.array([[-2.0, -0.5, 0.0], [3.0, 0.5, 1.0]])  # a row out of order: sorting values in place shows


def _make_numeric(expr, z):
    f = _sp().lambdify(z, expr, "numpy")
    return lambda values: f(values) + np.zeros_like(values)


_IN_PLACE_HINT = (
    "leave the array the function is given as it was: compute a new one, f(values) + np.zeros_like(values), "
    "instead of assigning into values"
)
_SYMBOLIC_HINT = (
    "lambdify with the symbol z you are given, sp.lambdify(z, expr, 'numpy'): a symbol of another name is another "
    "variable, and expr's z stays a symbol"
)


def _called_on(*arrays):
    """observe: the returned function's results on each array (a fresh copy each), or an _Unusable: the
    function changed the array it was given, or its values are still SymPy expressions."""

    def observe(result, args, kwargs):
        if not callable(result):
            return _Unusable(
                "not_function",
                f"returned {_a(result)}, expected a function",
                "return a function that you call with an array, such as the one sp.lambdify writes",
            )
        values = []
        for a in arrays:
            given = a.copy()
            value = result(given)
            if not np.array_equal(given, a):
                return _Unusable("in_place", "the function changed the array it was given", _IN_PLACE_HINT)
            if isinstance(value, np.ndarray) and value.dtype == object:
                if any(isinstance(v, _sp().Basic) and v.free_symbols for v in value.flat):
                    return _Unusable(
                        "symbolic", "the function's values are SymPy expressions, not numbers", _SYMBOLIC_HINT
                    )
            values.append(value)
        return values

    return observe


def _unusable_somewhere(key):
    """explains: on some case the answer had no values for this reason (whatever it did on the others)."""
    return lambda part: any(isinstance(o.result, _Unusable) and o.result.key == key for o in part.outcomes)


def _writes_into_values(expr, z):
    f = _sp().lambdify(z, expr, "numpy")

    def numeric(values):
        values[...] = f(values)
        return values

    return numeric


def _lambdified(modules):
    return lambda expr, z: _sp().lambdify(z, expr, modules)


MAKE_NUMERIC_MISTAKES = [
    Mistake(
        "constant_not_spread",
        "an expression without z gives one number for any array: return an array of the input's shape all "
        "the same (e.g. add np.zeros_like(values))",
        _lambdified("numpy"),
    ),
    Mistake(
        "math_module",
        "the 'math' module takes one number at a time; lambdify with the 'numpy' module works on arrays",
        _lambdified("math"),
    ),
    Mistake(
        "not_function",
        "return a function that you call with an array, such as the one sp.lambdify writes",
        explains=_unusable("not_function"),
        example=lambda expr, z: expr,
    ),
    Mistake(
        "length_not_shape",
        "np.ones(len(values)) has one entry per row: use np.ones_like(values) or np.zeros_like(values), "
        "which keep the whole shape",
        lambda expr, z: lambda v, f=_sp().lambdify(z, expr, "numpy"): f(v) * np.ones(len(v)),
    ),
    Mistake(
        "loop_over_rows",
        "a loop over values goes over the rows of a 2-D array, and a constant gives one number per row: let "
        "numpy take the whole array, f(values) + np.zeros_like(values)",
        lambda expr, z: lambda v, f=_sp().lambdify(z, expr, "numpy"): np.array([f(t) for t in v]),
    ),
    Mistake(
        "differentiated",
        "make_numeric turns expr as it is into numbers; differentiating is for whoever calls it",
        lambda expr, z: _make_numeric(_sp().diff(expr, z), z),
    ),
    Mistake(
        "one_number",
        "subs and float() take one value at a time; sp.lambdify(z, expr, 'numpy') writes a function of arrays",
        lambda expr, z: lambda v: float(expr.subs(z, v)),
    ),
    Mistake(
        "swapped_arguments",
        "the symbols come first: sp.lambdify(z, expr, 'numpy')",
        explains=_raised(SyntaxError, "lambdifygenerated"),
        example=lambda expr, z: _sp().lambdify(expr, z, "numpy"),
    ),
    Mistake("in_place", _IN_PLACE_HINT, explains=_unusable_somewhere("in_place"), example=_writes_into_values),
    Mistake(
        "own_symbol",
        _SYMBOLIC_HINT,
        explains=_unusable_somewhere("symbolic"),
        example=lambda expr, z: lambda v, f=_sp().lambdify(_sp().Symbol("x"), expr, "numpy"): f(v) + np.zeros_like(v),
    ),
    Mistake(
        "list_of_rows",
        "a list comprehension over values gives a list, one item per row: let numpy take the whole array and "
        "return an array, f(values) + np.zeros_like(values)",
        lambda expr, z: lambda v, f=_sp().lambdify(z, expr, "numpy"): [f(t) for t in v],
    ),
    Mistake(
        "flattened",
        "keep the input's shape: a 2-D array in gives a 2-D array out (no reshape(-1), ravel or flatten)",
        lambda expr, z: lambda v, f=_sp().lambdify(z, expr, "numpy"): (f(v) + np.zeros_like(v)).reshape(-1),
    ),
]


@check
def check_make_numeric(make_numeric, *, seed=0):
    """make_numeric(expr, z) -> a numpy function of arrays computing the SymPy expression expr(z): an array
    of the input's shape, even for an expression without z (a constant derivative such as that of 3 z).

    Each function is called on a row of 3 values and on a (2, 3) grid; other seeds add a random row.
    """
    sp = _sp()
    grid = _GRID if not seed else np.concatenate([_GRID, _extra(seed, 54, (1, 3))])
    part = Part(
        "make_numeric",
        make_numeric,
        reference=_make_numeric,
        catalogue=MAKE_NUMERIC_MISTAKES,
        error_hint="SymPy's lambdify writes a numpy function from an expression: see help(sp.lambdify)",
        twins=_symbolic_twins("to_numpy_function"),
        observe=_called_on(_ROW, grid),
    )
    z = sp.Symbol("z", real=True)
    s = 1 / (1 + sp.exp(-z))
    cases = [
        (z**2 - 3 * z, "z**2 - 3z"),
        (sp.sin(z) * sp.exp(-z), "sin(z) exp(-z)"),
        (sp.diff(s, z), "d sigmoid/dz"),
        (sp.diff(3 * z, z), "d(3z)/dz = 3"),
        (sp.Integer(0), "0"),
    ]
    part.run(Case(label, expr, z) for expr, label in cases)
    for (expr, label), (case, outcome, want) in zip(cases, part.results()):
        if outcome.error is not None:
            part.error(outcome)
        if isinstance(outcome.result, _Unusable):
            part.fail(f"{outcome.result.message} (for {label})", outcome.result.hint)
        hint = (
            "an expression without z gives one number for any array: return an array of the input's shape "
            "all the same (the same value in every place)"
            if not expr.free_symbols
            else "the function must work element by element on an array"
        )
        for got, wanted, where in zip(outcome.result, want.result, (_ROW, grid)):
            part.compare(
                got, wanted, case=Case(f"{label} at z = {fmt(where)}"), what="the function's result", shape_hint=hint
            )
    part.no_warnings()
    part.passed()


# --- Part 5: softmax_ce_derivatives(z, y) -> [dC/dz1, dC/dz2, dC/dz3] ------------------------------------

# (z, y): one-hot targets, a soft target summing to 1, and a target that does not sum to 1.
_SOFTMAX_POINTS = [
    ((0.5, -1.0, 2.0), (0.0, 1.0, 0.0)),
    ((1.2, 0.3, -0.7), (1.0, 0.0, 0.0)),
    ((-0.4, 0.9, 0.1), (0.0, 0.0, 1.0)),
    ((0.2, -0.5, 1.1), (0.2, 0.5, 0.3)),
    ((0.7, 0.1, -1.3), (0.5, 1.0, 0.25)),
]


def _softmax_expr(z, sign=1):
    sp = _sp()
    total = sum(sp.exp(sign * t) for t in z)
    return [sp.exp(sign * t) / total for t in z]


def _ce(z, y, p=None):
    p = _softmax_expr(z) if p is None else p
    return -sum(yk * _sp().log(pk) for yk, pk in zip(y, p))


def _softmax_ce_derivatives(z, y):
    C = _ce(z, y)
    return [_sp().diff(C, t) for t in z]


def _ce_cost(z, y):
    return float(-np.sum(np.asarray(y) * np.log(_softmax(np.asarray(z, dtype=float)))))


def _central_differences_of_C(z, y):
    """The reference's answer: a marker that _ce_observe turns into central differences of C at each point."""
    return _CENTRAL


_CENTRAL = object()


def _ce_observe(points):
    """observe for Part 5: the answer's values at the points (a row of 3 per point); for the reference,
    central differences of C there."""
    symbolic = _at_points([zz + yy for zz, yy in points], count=3)

    def observe(result, args, kwargs):
        if result is not _CENTRAL:
            return symbolic(result, args, kwargs)
        rows = []
        for zz, yy in points:
            z = np.array(zz, dtype=float)
            rows.append(_gradcheck.numerical_gradient(lambda z=z, yy=yy: _ce_cost(z, yy), z))
        return np.array(rows)

    return observe


def _diff_all(C, z):
    return [_sp().diff(C, t) for t in z]


SOFTMAX_CE_DERIVATIVES_MISTAKES = [
    Mistake(
        "assumed_shortcut",
        "p_k - y_k holds only when y1 + y2 + y3 = 1; derive dC/dz_k from C instead of assuming it",
        lambda z, y: [p - t for p, t in zip(_softmax_expr(z), y)],
    ),
    Mistake(
        "own_probability_only",
        "only the diagonal of the softmax's Jacobian: p_j depends on z_k through the shared denominator too, "
        "dp_j/dz_k = -p_j p_k for j != k; differentiate the whole C",
        lambda z, y: [-y[k] * (1 - _softmax_expr(z)[k]) for k in range(3)],
    ),
    Mistake(
        "no_minus",
        "the sign: C = -sum_k y_k log p_k has a minus in front",
        lambda z, y: [-d for d in _softmax_ce_derivatives(z, y)],
    ),
    Mistake(
        "sign_in_exponent",
        "the softmax has exp(z_k), with a plus: p_k = exp(z_k) / (exp(z1) + exp(z2) + exp(z3))",
        lambda z, y: _diff_all(_ce(z, y, _softmax_expr(z, -1)), z),
    ),
    Mistake(
        "sigmoid_not_softmax",
        "that is a sigmoid per class; the softmax shares one denominator: p_k = exp(z_k) / sum_j exp(z_j)",
        lambda z, y: _diff_all(_ce(z, y, [1 / (1 + _sp().exp(-t)) for t in z]), z),
    ),
    Mistake(
        "wrt_y",
        "that is dC/dy_k; differentiate with respect to z_k: sp.diff(C, z[k])",
        lambda z, y: [_sp().diff(_ce(z, y), t) for t in y],
    ),
    Mistake(
        "wrt_p",
        "that is dC/dp_k; go on through the softmax to z_k (or differentiate C with respect to z_k)",
        lambda z, y: [-t / p for t, p in zip(y, _softmax_expr(z))],
    ),
    Mistake(
        "sum_without_exp",
        "the softmax's denominator sums exp(z_j), not z_j: p_k = exp(z_k) / (exp(z1) + exp(z2) + exp(z3))",
        lambda z, y: _diff_all(_ce(z, y, [_sp().exp(t) / sum(z) for t in z]), z),
    ),
    Mistake(
        "unnormalised",
        "the softmax needs its normalising sum: p_k = exp(z_k) / (exp(z1) + exp(z2) + exp(z3)), not just exp(z_k)",
        lambda z, y: _diff_all(_ce(z, y, [_sp().exp(t) for t in z]), z),
    ),
    Mistake(
        "no_log",
        "the log is missing: C = -sum_k y_k log p_k, with sp.log",
        lambda z, y: _diff_all(-sum(t * p for t, p in zip(y, _softmax_expr(z))), z),
    ),
    Mistake(
        "mean_over_classes",
        "C = -sum_k y_k log p_k is a sum over the classes, not a mean: no dividing by K = 3",
        lambda z, y: [d / 3 for d in _softmax_ce_derivatives(z, y)],
    ),
    Mistake(
        "log10",
        "the cross-entropy uses the natural log, sp.log(p) (base e), not log base 10",
        lambda z, y: _diff_all(-sum(t * _sp().log(p, 10) for t, p in zip(y, _softmax_expr(z))), z),
    ),
    Mistake(
        "binary_cross_entropy",
        "that is the binary cross-entropy, with (1 - y) log(1 - p) terms; with a softmax over K classes, "
        "C = -sum_k y_k log p_k",
        lambda z, y: _diff_all(
            -sum(t * _sp().log(p) + (1 - t) * _sp().log(1 - p) for t, p in zip(y, _softmax_expr(z))), z
        ),
    ),
    Mistake(
        "reversed_order",
        "return the derivatives in the order of z: [dC/dz1, dC/dz2, dC/dz3]",
        lambda z, y: _softmax_ce_derivatives(z, y)[::-1],
    ),
    Mistake(
        "softmax_slope",
        "that is dp_k/dz_k, the softmax's own slope; differentiate C = -sum_k y_k log p_k with respect to z_k",
        lambda z, y: [_sp().diff(p, t) for p, t in zip(_softmax_expr(z), z)],
    ),
    Mistake(
        "returns_loss",
        "that is C itself; return its three derivatives, [sp.diff(C, z[k]) for each k], in the order of z",
        lambda z, y: _ce(z, y),
    ),
    Mistake(
        "jacobian",
        "C is one number, so it has one derivative per z_k: a list of 3 expressions, not the softmax's Jacobian",
        explains=_unusable("matrix"),
        example=lambda z, y: _sp().Matrix(3, 3, lambda j, k: _sp().diff(_softmax_expr(z)[j], z[k])),
    ),
    Mistake(
        "numpy_exp",
        "numpy (np.exp, np.log) works on numbers only; use sp.exp and sp.log on SymPy symbols",
        explains=_NUMPY_ON_SYMBOLS,
        example=lambda z, y: [np.exp(t) for t in z],
    ),
]


@check
def check_softmax_ce_derivatives(softmax_ce_derivatives, *, seed=0):
    """softmax_ce_derivatives(z, y) -> [dC/dz1, dC/dz2, dC/dz3] for C = -sum_k y_k log softmax(z)_k, K = 3.

    z and y are lists of three SymPy symbols. Observed at 5 points (z, y): one-hot targets, a soft one
    and one not summing to 1; other seeds add 6 random points of both kinds.
    """
    sp = _sp()
    points = list(_SOFTMAX_POINTS)
    for row in _extra(seed, 55, (3, 6)):
        target = np.zeros(3)
        target[int(abs(row[3] * 10)) % 3] = 1.0
        points.append((tuple(row[:3]), tuple(target)))
        points.append((tuple(row[3:]), tuple(np.round(np.abs(row[:3]) / 2, 3))))
    part = Part(
        "softmax_ce_derivatives",
        softmax_ce_derivatives,
        reference=_central_differences_of_C,
        catalogue=SOFTMAX_CE_DERIVATIVES_MISTAKES,
        error_hint="build p_k = exp(z_k) / (exp(z1) + exp(z2) + exp(z3)) with sp.exp, then C, then sp.diff(C, z_k)",
        twins=_symbolic_twins("softmax", "softmax_derivative", "cross_entropy", "loss_expression"),
        observe=_ce_observe(points),
    )
    z, y = list(sp.symbols("z1:4", real=True)), list(sp.symbols("y1:4", real=True))
    part.run([Case("z1, z2, z3 and y1, y2, y3", z, y)])
    labels = [f"z = {fmt(np.array(zz))}, y = {fmt(np.array(yy))} (central differences of C)" for zz, yy in points]
    _judge_points(part, labels, what="[dC/dz1, dC/dz2, dC/dz3]")
    part.passed(f"dC/dz1, dC/dz2, dC/dz3 agree with central differences of C at {len(points)} points")


# --- Part 6: softmax_backward(A, grad_A) -> dC/dZ for a batch --------------------------------------------


def _softmax_backward(A, grad_A):
    return A * (grad_A - (grad_A * A).sum(axis=1, keepdims=True))


def _central_differences(A, grad_A):
    """dC/dZ by central differences of sum(grad_A * softmax(Z)), for Z = log(A) (its softmax is A)."""
    Z = np.log(A)
    return _gradcheck.numerical_gradient(lambda: np.sum(grad_A * _softmax(Z)), Z)


def _jacobians(A):
    """Each row's Jacobian, (n, K, K): J[n, j, k] = a_j (delta_jk - a_k)."""
    return A[:, :, None] * (np.eye(A.shape[1]) - A[:, None, :])


def _in_place(A, grad_A):
    A *= grad_A - (grad_A * A).sum(axis=1, keepdims=True)
    return A


SOFTMAX_BACKWARD_MISTAKES = [
    Mistake(
        "diagonal_only",
        "that is a(1 - a) element by element, only the Jacobian's diagonal: each a_j depends on every z of its "
        "row, so dC/dz_k sums over j (subtract the row's sum of grad_A * A)",
        lambda A, G: G * A * (1 - A),
    ),
    Mistake(
        "no_off_diagonal",
        "the Jacobian's off-diagonal part -a_j a_k is missing: subtract each row's sum of grad_A * A",
        lambda A, G: A * G,
    ),
    Mistake(
        "grad_only",
        "multiply by a_k too: dC/dz_k = a_k (g_k - sum_j g_j a_j)",
        lambda A, G: G - (G * A).sum(axis=1, keepdims=True),
    ),
    Mistake(
        "wrong_axis",
        "sum over each row (axis=1), one example's outputs, not down the columns (axis=0)",
        lambda A, G: A * (G - (G * A).sum(axis=0, keepdims=True)),
    ),
    Mistake(
        "no_keepdims",
        "the row sums are a flat (n,) array that lines up with the columns: keep them as a column, "
        "sum(axis=1, keepdims=True)",
        lambda A, G: A * (G - (G * A).sum(axis=1)),
    ),
    Mistake(
        "negated",
        "the sign: dC/dz_k = a_k (g_k - sum_j g_j a_j)",
        lambda A, G: A * ((G * A).sum(axis=1, keepdims=True) - G),
    ),
    Mistake(
        "plus_sum",
        "the sign: subtract the row's sum, dC/dz_k = a_k (g_k - sum_j g_j a_j)",
        lambda A, G: A * (G + (G * A).sum(axis=1, keepdims=True)),
    ),
    Mistake(
        "unweighted_sum",
        "weigh each dC/da_j by a_j in the row's sum: sum_j g_j a_j, not sum_j g_j",
        lambda A, G: A * (G - G.sum(axis=1, keepdims=True)),
    ),
    Mistake(
        "jacobian_returned",
        "that is each row's Jacobian; multiply it by that row's grad_A: one dC/dz per z",
        lambda A, G: _jacobians(A),
    ),
    Mistake(
        "grad_times_jacobians",
        "grad_A @ J with J of shape (n, K, K) multiplies every row of grad_A by every example's Jacobian; "
        "pair each row with its own: np.einsum('nj,njk->nk', grad_A, J)",
        lambda A, G: G @ _jacobians(A),
    ),
    Mistake(
        "jacobians_times_grad",
        "J @ grad_A with J of shape (n, K, K) treats grad_A as one matrix, not a row per example; "
        "pair each row with its own: np.einsum('njk,nk->nj', J, grad_A)",
        lambda A, G: _jacobians(A) @ G,
    ),
    Mistake(
        "first_row_jacobian",
        "every example has its own Jacobian, built from its own row of A: one per row, not the first row's for all",
        lambda A, G: G @ _jacobians(A[:1])[0],
    ),
    Mistake(
        "batch_mixed",
        "A @ grad_A.T mixes every example with every other; each row needs only its own sum_j g_j a_j: "
        "(grad_A * A).sum(axis=1, keepdims=True)",
        lambda A, G: A * G - A * (A @ G.T),
    ),
    Mistake(
        "transposed",
        "dC/dZ has the shape of A, a row per example: do not transpose the result",
        lambda A, G: _softmax_backward(A, G).T,
    ),
    Mistake(
        "in_place",
        "leave A and grad_A as they are: compute into a new array, A * (grad_A - ...), instead of A *= ... or "
        "grad_A -= ...",
        explains=changed_inputs,
        example=_in_place,
    ),
    Mistake(
        "sum_not_times_a",
        "multiply the row's sum by a_k too: dC/dz_k = a_k g_k - a_k sum_j g_j a_j = a_k (g_k - sum_j g_j a_j)",
        lambda A, G: A * G - (G * A).sum(axis=1, keepdims=True),
    ),
    Mistake(
        "inner_not_outer",
        "for a 1-D row a, a @ a.T is one number (.T leaves a 1-D array as it is): the Jacobian's -a_j a_k is the "
        "outer product, np.diag(a) - np.outer(a, a)",
        lambda A, G: np.array([(np.diag(a) - a @ a) @ g for a, g in zip(A, G)]),
    ),
    Mistake(
        "sum_of_A",
        "the row's sum is sum_j g_j a_j, of grad_A * A: A's rows alone sum to 1",
        lambda A, G: A * (G - A.sum(axis=1, keepdims=True)),
    ),
    Mistake(
        "whole_batch_sum",
        "each row has its own sum_j g_j a_j: sum over axis=1 with keepdims=True, not over the whole batch",
        lambda A, G: A * (G - np.sum(G * A)),
    ),
    Mistake(
        "mean_not_sum",
        "the chain rule sums over j: (grad_A * A).sum(axis=1, keepdims=True), not the mean",
        lambda A, G: A * (G - (G * A).mean(axis=1, keepdims=True)),
    ),
    Mistake(
        "grad_A_returned",
        "that is grad_A = dC/dA as it came in; go on through the softmax's Jacobian to dC/dZ: "
        "a_k (g_k - sum_j g_j a_j)",
        lambda A, G: G.copy(),
    ),
]


@check
def check_softmax_backward(softmax_backward, *, seed=0):
    """softmax_backward(A, grad_A) -> dC/dZ, for A = softmax(Z) row by row and grad_A = dC/dA, both (n, K).

    Batches of shapes (3, 3), (4, 2), (1, 5) and (5, 3); other seeds draw other random values.
    """
    part = Part(
        "softmax_backward",
        softmax_backward,
        reference=_central_differences,
        catalogue=SOFTMAX_BACKWARD_MISTAKES,
        error_hint="for each row, dC/dz_k = sum_j dC/da_j a_j (delta_jk - a_k); a row's sum needs keepdims=True",
        twins=[
            ("activations.softmax_derivative", _activations.softmax_derivative),
            ("the softmax Activation's backward", _activations._Softmax.backward),
        ],
        rtol=1e-5,
        atol=1e-7,
    )
    rng = rng_for(seed, 56)
    cases = []
    for n, k in ((3, 3), (4, 2), (1, 5), (5, 3)):
        A, G = _softmax(rng.normal(scale=1.5, size=(n, k))), rng.normal(size=(n, k))
        cases.append(Case(f"A and grad_A of shape {(n, k)} (central differences)", A, G))
    part.run(cases)
    part.judge(shape_hint="dC/dZ has the shape of A: one value per z")
    part.passed()


CATALOGUES = {
    "check_sigmoid_derivative_expr": SIGMOID_DERIVATIVE_EXPR_MISTAKES,
    "check_dloss_dw": DLOSS_DW_MISTAKES,
    "check_numerical_derivative": NUMERICAL_DERIVATIVE_MISTAKES,
    "check_make_numeric": MAKE_NUMERIC_MISTAKES,
    "check_softmax_ce_derivatives": SOFTMAX_CE_DERIVATIVES_MISTAKES,
    "check_softmax_backward": SOFTMAX_BACKWARD_MISTAKES,
}
