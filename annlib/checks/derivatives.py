"""Checks for exercise 05, derivatives in SymPy (lesson 05): sigmoid's derivative in symbols, the chain
rule for one neuron's cost, a finite-difference derivative, turning an expression into numpy code, the
softmax + cross-entropy gradient derived for K = 3, and the softmax's Jacobian applied to a batch.

SymPy is imported inside the checks that need it, so `import annlib.checks` needs numpy only.
Symbolic answers are compared by their values at several points, so any correct form passes.
"""

import numpy as np

from annlib import activations as _activations
from annlib import gradcheck as _gradcheck
from annlib.activations import sigmoid as _sigmoid
from annlib.activations import sigmoid_derivative as _sigmoid_derivative
from annlib.activations import softmax as _softmax
from annlib.checks._core import Ladder, check, copy_args, fmt, rng_for

_POINTS = (-3.0, -1.0, -0.5, 0.0, 0.7, 2.0)


def _symbolic_twins(*names):
    """(label, object) pairs of annlib.symbolic's functions, imported when a check runs (SymPy)."""
    from annlib import symbolic

    return [(f"symbolic.{name}", getattr(symbolic, name)) for name in names]


def _expression(ladder, value, symbols, what="returned"):
    """The learner's result as a SymPy expression in `symbols`, after the type rung."""
    import sympy as sp

    if value is None:
        ladder.fail(f"{what} None", "did you forget `return`?")
    if not isinstance(value, sp.Basic):
        ladder.fail(
            f"{what} a {type(value).__name__}, expected a SymPy expression",
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


def _extra(seed, salt, size, low=-2.5, high=2.5):
    """Random points of the hidden tests: none for seed 0 (the visible check), a few for other seeds."""
    if not seed:
        return np.zeros((0,) + tuple(size[1:]))
    return np.round(rng_for(seed, salt).uniform(low, high, size=size), 3)


@check
def check_sigmoid_derivative_expr(sigmoid_derivative_expr, *, seed=0):
    """sigmoid_derivative_expr(z) -> a SymPy expression for d sigmoid / dz, for a SymPy symbol z."""
    import sympy as sp

    ladder = Ladder(
        "sigmoid_derivative_expr",
        sigmoid_derivative_expr,
        error_hint="use SymPy functions on the symbol z: sp.exp, sp.diff",
        twins=_symbolic_twins("sigmoid_derivative", "Sigmoid"),
    )
    z = sp.Symbol("z", real=True)
    expr = _expression(ladder, ladder.call(z), [z])
    zs = np.concatenate([_POINTS, _extra(seed, 51, (3,))])
    points = [(v,) for v in zs]
    got = _evaluate(ladder, expr, [z], points)
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

    ladder = Ladder(
        "dloss_dw",
        dloss_dw,
        error_hint="build C from the symbols with sp.exp, then sp.diff(C, w)",
        twins=_symbolic_twins("chain_rule_steps", "ChainRule", "SymbolicNetwork", "sigmoid_derivative", "Sigmoid"),
    )
    symbols = sp.symbols("w x b y", real=True)
    expr = _expression(ladder, ladder.call(*symbols), symbols)
    points = [(0.5, 1.0, 0.1, 1.0), (-1.0, 2.0, 0.3, 0.0), (0.2, -1.5, -0.4, 1.0), (1.5, 0.5, 0.0, 0.0)]
    points += [(w, x, b, float(y > 0)) for w, x, b, y in _extra(seed, 52, (3, 4))]
    got = _evaluate(ladder, expr, symbols, points)
    w, x, b, y = (np.array(column) for column in zip(*points))
    a, right = _neuron_loss_values(w, x, b, y)
    sigma_prime = a * (1 - a)
    ladder.values(
        got,
        right,
        case="(w, x, b, y) = " + ", ".join(str(tuple(float(v) for v in p)) for p in points),
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
        "numerical_derivative",
        numerical_derivative,
        error_hint="call f at x + h and at x - h, subtract, divide by 2 h",
        twins=[("gradcheck.numerical_gradient", _gradcheck.numerical_gradient)],
    )
    cases = [
        (_cubic, 2.0, 3 * 2.0**2 - 2, "x**3 - 2x at x = 2"),
        (np.sin, 1.0, np.cos(1.0), "sin at x = 1"),
        (_sigmoid, 0.5, _sigmoid_derivative(0.5), "sigmoid at x = 0.5"),
        (np.exp, -1.0, np.exp(-1.0), "exp at x = -1"),
    ]
    for x in _extra(seed, 53, (2,), -1.5, 1.5):
        cases += [
            (np.sin, float(x), np.cos(x), f"sin at x = {x:g}"),
            (_cubic, float(x), 3 * x**2 - 2, f"x**3 - 2x at x = {x:g}"),
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
    """make_numeric(expr, z) -> a numpy function of arrays computing the SymPy expression expr(z): an array
    of the input's shape, even for an expression without z (a constant derivative such as that of 3 z)."""
    import sympy as sp

    ladder = Ladder(
        "make_numeric",
        make_numeric,
        error_hint="SymPy's lambdify writes a numpy function from an expression: see help(sp.lambdify)",
        twins=_symbolic_twins("to_numpy_function"),
    )
    z = sp.Symbol("z", real=True)
    s = 1 / (1 + sp.exp(-z))
    cases = [
        (z**2 - 3 * z, lambda v: v**2 - 3 * v, "z**2 - 3z"),
        (sp.sin(z) * sp.exp(-z), lambda v: np.sin(v) * np.exp(-v), "sin(z) exp(-z)"),
        (sp.diff(s, z), _sigmoid_derivative, "d sigmoid/dz"),
        (sp.diff(3 * z, z), lambda v: np.full_like(v, 3.0), "d(3z)/dz = 3"),
    ]
    values = np.array([[-2.0, -0.5, 0.0], [0.5, 1.0, 3.0]])
    if seed:
        values = np.concatenate([values, _extra(seed, 54, (1, 3))])
    for expr, reference, label in cases:
        f = ladder.call(expr, z)
        if not callable(f):
            ladder.fail(
                f"returned a {type(f).__name__} for {label}, expected a function",
                "return a function that you call with an array, such as the one sp.lambdify writes",
            )
        inner = Ladder(
            f"make_numeric({label})", f, error_hint="have numpy do the work (lambdify's 'numpy' module) so arrays go in"
        )
        constant = not expr.free_symbols
        got = inner.array(
            inner.call(values.copy()),
            shape=values.shape,
            shape_hint=(
                "an expression without z gives one number for any array: return an array of the input's "
                "shape all the same (the same value in every place)"
                if constant
                else "the function must work element by element on an array"
            ),
        )
        inner.values(got, reference(values), case=f"{label} at z = {fmt(values)}")
        ladder.cases += inner.cases - 1
    ladder.passed()


# --- The softmax + cross-entropy gradient, K = 3 ----------------------------------------------------------

# (z, y): one-hot targets, a soft target summing to 1, and a target that does not sum to 1.
_SOFTMAX_POINTS = [
    ((0.5, -1.0, 2.0), (0.0, 1.0, 0.0)),
    ((1.2, 0.3, -0.7), (1.0, 0.0, 0.0)),
    ((-0.4, 0.9, 0.1), (0.0, 0.0, 1.0)),
    ((0.2, -0.5, 1.1), (0.2, 0.5, 0.3)),
    ((0.7, 0.1, -1.3), (0.5, 1.0, 0.25)),
]


def _ce_cost(z, y):
    return float(-np.sum(np.asarray(y) * np.log(_softmax(np.asarray(z, dtype=float)))))


def _central_gradient(f, z):
    """df/dz by central differences, for f of the vector z (annlib.gradcheck's loop, on a copy of z)."""
    z = np.array(z, dtype=float)
    return _gradcheck.numerical_gradient(lambda: f(z), z)


def _derivative_list(ladder, result, symbols):
    import sympy as sp

    if result is None:
        ladder.fail("returned None", "did you forget `return`?")
    if isinstance(result, sp.MatrixBase):
        if result.shape not in ((3, 1), (1, 3)):
            ladder.fail(
                f"returned a {result.shape[0]}x{result.shape[1]} Matrix, expected the three derivatives dC/dz_k",
                "C is one number, so it has one derivative per z_k: a list of 3 expressions, not a Jacobian",
            )
        result = list(result)
    if isinstance(result, sp.Basic):
        ladder.fail(
            "returned one expression, expected a list of three: dC/dz1, dC/dz2, dC/dz3",
            "return [sp.diff(C, z[k]) for each k], in the order of z",
        )
    if not isinstance(result, (list, tuple)):
        ladder.fail(f"returned a {type(result).__name__}, expected a list of three SymPy expressions")
    if len(result) != 3:
        ladder.fail(f"returned {len(result)} expressions, expected 3: dC/dz1, dC/dz2, dC/dz3")
    return [_expression(ladder, item, symbols, what=f"dC/dz{k + 1} is") for k, item in enumerate(result)]


@check
def check_softmax_ce_derivatives(softmax_ce_derivatives, *, seed=0):
    """softmax_ce_derivatives(z, y) -> [dC/dz1, dC/dz2, dC/dz3] for C = -sum_k y_k log softmax(z)_k, K = 3.

    z and y are lists of three SymPy symbols. The answers are evaluated at one-hot targets and at
    targets that are not, and compared with central differences of C.
    """
    import sympy as sp

    ladder = Ladder(
        "softmax_ce_derivatives",
        softmax_ce_derivatives,
        error_hint="build p_k = exp(z_k) / (exp(z1) + exp(z2) + exp(z3)) with sp.exp, then C, then sp.diff(C, z_k)",
        twins=_symbolic_twins("softmax", "softmax_derivative", "cross_entropy", "loss_expression"),
    )
    z = list(sp.symbols("z1:4", real=True))
    y = list(sp.symbols("y1:4", real=True))
    expressions = _derivative_list(ladder, ladder.call(list(z), list(y)), z + y)
    points = list(_SOFTMAX_POINTS)
    for row in _extra(seed, 55, (3, 6)):
        target = np.zeros(3)
        target[int(abs(row[3] * 10)) % 3] = 1.0
        points.append((tuple(row[:3]), tuple(target)))
        points.append((tuple(row[3:]), tuple(np.round(np.abs(row[:3]) / 2, 3))))
    values = np.array([_evaluate(ladder, e, z + y, [zz + yy for zz, yy in points]) for e in expressions]).T
    for (zz, yy), got in zip(points, values):
        zs, ys = np.array(zz), np.array(yy)
        p = _softmax(zs)
        want = _central_gradient(lambda v, ys=ys: _ce_cost(v, ys), zs)
        total = ys.sum()
        right = p * total - ys
        ladder.values(
            got,
            want,
            case=f"z = {fmt(zs)}, y = {fmt(ys)} (central differences of C)",
            rtol=1e-5,
            atol=1e-7,
            mistakes=[
                (
                    -ys * (1 - p),
                    "only the diagonal of the softmax's Jacobian: p_j depends on z_k through the shared "
                    "denominator too, dp_j/dz_k = -p_j p_k for j != k; differentiate the whole C",
                ),
                (-right, "the sign: C = -sum_k y_k log p_k has a minus in front"),
                (-np.log(p), "that is dC/dy_k; differentiate with respect to z_k: sp.diff(C, z[k])"),
                (-ys / p, "that is dC/dp_k; go on through the softmax to z_k (or differentiate C with respect to z_k)"),
                (
                    -ys,
                    "the softmax needs its normalising sum: p_k = exp(z_k) / (exp(z1) + exp(z2) + exp(z3)), "
                    "not just exp(z_k)",
                ),
                (
                    (p - ys) if abs(total - 1) > 1e-9 else None,
                    "p_k - y_k holds only when y1 + y2 + y3 = 1; derive dC/dz_k from C instead of assuming it",
                ),
                (
                    -p * (ys - np.dot(ys, p)),
                    "the log is missing: C = -sum_k y_k log p_k, with sp.log",
                ),
            ],
        )
    ladder.passed(f"dC/dz1, dC/dz2, dC/dz3 agree with central differences of C at {len(points)} points")


# --- The softmax's Jacobian, for a batch ------------------------------------------------------------------


def _numerical_softmax_backward(Z, G):
    """Central differences of sum(G * softmax(Z)) with respect to each entry of Z: dC/dZ for dC/dA = G."""
    Z = np.array(Z, dtype=float)
    return _gradcheck.numerical_gradient(lambda: np.sum(G * _softmax(Z)), Z)


@check
def check_softmax_backward(softmax_backward, *, seed=0):
    """softmax_backward(A, grad_A) -> dC/dZ, for A = softmax(Z) row by row and grad_A = dC/dA, both (n, K)."""
    ladder = Ladder(
        "softmax_backward",
        softmax_backward,
        error_hint="for each row, dC/dz_k = sum_j dC/da_j a_j (delta_jk - a_k); a row's sum needs keepdims=True",
        twins=[
            ("activations.softmax_derivative", _activations.softmax_derivative),
            ("the softmax Activation's backward", _activations._Softmax.backward),
        ],
    )
    rng = rng_for(seed, 56)
    for n, k in ((3, 3), (4, 2), (1, 5), (5, 3)):
        Z = rng.normal(scale=1.5, size=(n, k))
        A, G = _softmax(Z), rng.normal(size=(n, k))
        args = copy_args((A, G))
        result = ladder.call(*args)
        case = f"A and grad_A of shape {(n, k)}"
        got = ladder.array(
            result,
            shape=(n, k),
            shape_hint=(
                "that is each row's Jacobian; multiply it by that row's grad_A: one dC/dz per z"
                if np.shape(result) == (n, k, k)
                else "dC/dZ has the shape of A: one value per z"
            ),
        )
        square = n == k
        ladder.values(
            got,
            _numerical_softmax_backward(Z, G),
            case=case + " (central differences)",
            rtol=1e-5,
            atol=1e-8,
            mistakes=[
                (
                    G * A * (1 - A),
                    "that is a(1 - a) element by element, only the Jacobian's diagonal: each a_j depends on every "
                    "z of its row, so dC/dz_k sums over j (subtract the row's sum of grad_A * A)",
                ),
                (A * G, "the Jacobian's off-diagonal part -a_j a_k is missing: subtract each row's sum of grad_A * A"),
                (
                    A * (G - (G * A).sum(axis=0, keepdims=True)),
                    "sum over each row (axis=1), one example's outputs, not down the columns (axis=0)",
                ),
                (
                    A * (G - (G * A).sum(axis=1)) if square else None,
                    "the row sums are a flat (n,) array that lines up with the columns: keep them as a column, "
                    "sum(axis=1, keepdims=True)",
                ),
                (A * (G + (G * A).sum(axis=1, keepdims=True)), "the sign: dC/dz_k = a_k (g_k - sum_j g_j a_j)"),
                (
                    A * (G - G.sum(axis=1, keepdims=True)),
                    "weigh each dC/da_j by a_j in the row's sum: sum_j g_j a_j, not sum_j g_j",
                ),
            ],
        )
        ladder.unchanged(A, args[0], "A")
        ladder.unchanged(G, args[1], "grad_A")
    ladder.no_warnings()
    ladder.passed()
