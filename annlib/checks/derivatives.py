"""Checks for exercise 05, derivatives in SymPy (lesson 05): sigmoid's derivative in symbols, the chain
rule for one neuron's loss, a finite-difference derivative, and turning an expression into numpy code.

SymPy is imported inside the checks that need it, so `import annlib.checks` needs numpy only.
Symbolic answers are compared by their values at several points, so any correct form passes.
"""

import numpy as np

from annlib.activations import sigmoid as _sigmoid
from annlib.activations import sigmoid_derivative as _sigmoid_derivative
from annlib.checks._core import Ladder, check, fmt

_POINTS = (-3.0, -1.0, -0.5, 0.0, 0.7, 2.0)


def _expression(ladder, value, symbols):
    """The learner's result as a SymPy expression in `symbols`, after the type rung."""
    import sympy as sp

    if value is None:
        ladder.fail("returned None", "did you forget `return`?")
    if not isinstance(value, sp.Basic):
        ladder.fail(
            f"returned a {type(value).__name__}, expected a SymPy expression",
            "build it from the SymPy symbols you are given, with sp.exp (not np.exp), and sp.diff",
        )
    # A symbol the learner made again with the same name (sp.Symbol("w")) means the one passed in.
    by_name = {str(s): s for s in symbols}
    renamed = {s: by_name[str(s)] for s in value.free_symbols if str(s) in by_name and s not in symbols}
    if renamed:
        value = value.subs(renamed)
    extra = value.free_symbols - set(symbols)
    if extra:
        names = ", ".join(sorted(str(s) for s in extra))
        ladder.fail(
            f"the expression contains the symbol(s) {names}",
            f"use only the symbols passed in: {', '.join(str(s) for s in symbols)}",
        )
    return value


def _evaluate(ladder, expr, symbols, points):
    """Values of expr at each point (a tuple of numbers per point), as a float array."""
    values = []
    for point in points:
        try:
            values.append(complex(expr.subs(dict(zip(symbols, point))).evalf()))
        except (TypeError, ValueError):
            ladder.fail(f"the expression {expr} does not evaluate to a number at {point}")
    values = np.array(values)
    if np.abs(values.imag).max() > 1e-12:
        ladder.fail("the expression gives complex numbers for real inputs")
    return values.real


@check
def check_sigmoid_derivative_expr(sigmoid_derivative_expr, *, seed=0):
    """sigmoid_derivative_expr(z) -> a SymPy expression for d sigmoid / dz, for a SymPy symbol z."""
    import sympy as sp

    ladder = Ladder(
        "sigmoid_derivative_expr",
        sigmoid_derivative_expr,
        error_hint="use SymPy functions on the symbol z: sp.exp, sp.diff",
    )
    z = sp.Symbol("z", real=True)
    expr = _expression(ladder, ladder.call(z), [z])
    points = [(v,) for v in _POINTS]
    got = _evaluate(ladder, expr, [z], points)
    zs = np.array(_POINTS)
    ladder.values(
        got,
        _sigmoid_derivative(zs),
        case=f"z = {fmt(zs)}",
        mistakes=[
            (_sigmoid(zs), "you returned sigmoid itself; differentiate it: sp.diff(sigmoid_expr, z)"),
            (
                -_sigmoid_derivative(zs),
                "the sign: the chain rule's inner factor d(-z)/dz = -1 cancels the minus of d(1/u)/du = -1/u**2",
            ),
            (np.exp(-zs) / (1 + np.exp(-zs)), "the chain rule: d/dz of 1/(1 + exp(-z)) has (1 + exp(-z))**2 below"),
            (
                1 / (1 + np.exp(-zs)) ** 2,
                "the chain rule: the derivative of exp(-z) is -exp(-z); it multiplies the result",
            ),
        ],
    )
    ladder.passed(f"d sigmoid/dz = {expr} (right at {len(points)} points)")


def _neuron_loss_values(w, x, b, y):
    a = _sigmoid(w * x + b)
    return a, 2 * (a - y) * a * (1 - a) * x


@check
def check_dloss_dw(dloss_dw, *, seed=0):
    """dloss_dw(w, x, b, y) -> dC/dw for C = (sigmoid(w x + b) - y)**2, as a SymPy expression."""
    import sympy as sp

    ladder = Ladder("dloss_dw", dloss_dw, error_hint="build C from the symbols with sp.exp, then sp.diff(C, w)")
    symbols = sp.symbols("w x b y", real=True)
    expr = _expression(ladder, ladder.call(*symbols), symbols)
    points = [(0.5, 1.0, 0.1, 1.0), (-1.0, 2.0, 0.3, 0.0), (0.2, -1.5, -0.4, 1.0), (1.5, 0.5, 0.0, 0.0)]
    got = _evaluate(ladder, expr, symbols, points)
    w, x, b, y = (np.array(column) for column in zip(*points))
    a, right = _neuron_loss_values(w, x, b, y)
    sigma_prime = a * (1 - a)
    ladder.values(
        got,
        right,
        case="(w, x, b, y) = " + ", ".join(str(p) for p in points),
        mistakes=[
            (2 * (a - y) * sigma_prime, "a factor of the chain rule is missing: dz/dw = x"),
            (2 * (a - y) * x, "a factor of the chain rule is missing: da/dz = sigmoid(z)(1 - sigmoid(z))"),
            ((a - y) * sigma_prime * x, "the factor 2 from d/da (a - y)**2 = 2 (a - y) is missing"),
            (-right, "the sign: d/da (a - y)**2 = 2 (a - y), not 2 (y - a)"),
            (2 * (a - y) * a * x, "da/dz is sigmoid(z)(1 - sigmoid(z)), not sigmoid(z)"),
        ],
    )
    ladder.passed(f"dC/dw right at {len(points)} points")


def _cubic(x):
    return x**3 - 2 * x


@check
def check_numerical_derivative(numerical_derivative, *, seed=0):
    """numerical_derivative(f, x, h) -> (f(x + h) - f(x - h)) / (2 h), the central difference."""
    ladder = Ladder(
        "numerical_derivative", numerical_derivative, error_hint="call f at x + h and at x - h, subtract, divide by 2 h"
    )
    cases = [
        (_cubic, 2.0, 3 * 2.0**2 - 2, "x**3 - 2x at x = 2"),
        (np.sin, 1.0, np.cos(1.0), "sin at x = 1"),
        (_sigmoid, 0.5, _sigmoid_derivative(0.5), "sigmoid at x = 0.5"),
        (np.exp, -1.0, np.exp(-1.0), "exp at x = -1"),
    ]
    h = 1e-5
    for f, x, exact, label in cases:
        got = ladder.array(ladder.call(f, x, h), scalar=True, shape_hint="return one number, the slope at x")
        forward = (f(x + h) - f(x)) / h
        backward = (f(x) - f(x - h)) / h
        ladder.values(
            got,
            np.array(exact),
            case=f"{label}, h = {h:g}",
            atol=1e-7,
            rtol=1e-7,
            mistakes=[
                ((f(x + h) - f(x - h)) / h, "divide by 2 h: the two points x - h and x + h are 2 h apart"),
                (
                    forward,
                    "that is the forward difference (error ~ h); use the central one, "
                    "(f(x + h) - f(x - h)) / (2 h), whose error is ~ h**2",
                ),
                (backward, "that is the backward difference (error ~ h); use (f(x + h) - f(x - h)) / (2 h)"),
                (-(f(x + h) - f(x - h)) / (2 * h), "the order: f(x + h) - f(x - h), over 2 h"),
            ],
        )
    ladder.no_warnings()
    ladder.passed()


@check
def check_make_numeric(make_numeric, *, seed=0):
    """make_numeric(expr, z) -> a numpy function of arrays that computes the SymPy expression expr(z)."""
    import sympy as sp

    ladder = Ladder(
        "make_numeric",
        make_numeric,
        error_hint="sp.lambdify(z, expr, 'numpy') turns an expression into a numpy function",
    )
    z = sp.Symbol("z", real=True)
    s = 1 / (1 + sp.exp(-z))
    cases = [
        (z**2 - 3 * z, lambda v: v**2 - 3 * v, "z**2 - 3z"),
        (sp.sin(z) * sp.exp(-z), lambda v: np.sin(v) * np.exp(-v), "sin(z) exp(-z)"),
        (sp.diff(s, z), _sigmoid_derivative, "d sigmoid/dz"),
    ]
    values = np.array([[-2.0, -0.5, 0.0], [0.5, 1.0, 3.0]])
    for expr, reference, label in cases:
        f = ladder.call(expr, z)
        if not callable(f):
            ladder.fail(
                f"returned a {type(f).__name__} for {label}, expected a function",
                "return what sp.lambdify gives: a function you call with an array",
            )
        inner = Ladder(
            f"make_numeric({label})", f, error_hint="lambdify with the 'numpy' module so the function accepts arrays"
        )
        got = inner.array(
            inner.call(values.copy()),
            shape=values.shape,
            shape_hint="the function must work element by element on an array",
        )
        inner.values(got, reference(values), case=f"{label} at z = {fmt(values)}")
        ladder.cases += inner.cases - 1
    ladder.passed()
