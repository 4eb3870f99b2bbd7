"""Exercise 05: learner-style answers (see tests/corpus/__init__.py). Each answer imports sympy itself,
as the exercise's import cell does."""

import textwrap


def _sp(source):
    """A cell's source after the exercise's `import sympy as sp` (and `import math`, for the slips)."""
    return "import math\nimport sympy as sp\n" + textwrap.dedent(source)


_SIGMA = "def sigma(t):\n    return 1 / (1 + sp.exp(-t))\n\n"

CORRECT = {
    "check_sigmoid_derivative_expr": [
        _sp("def sigmoid_derivative_expr(z):\n    return sp.diff(1 / (1 + sp.exp(-z)), z)\n"),
        _sp(
            """
            def sigmoid_derivative_expr(z):
                s = 1 / (1 + sp.exp(-z))
                return s * (1 - s)
            """
        ),
        _sp("def sigmoid_derivative_expr(z):\n    return sp.exp(-z) / (1 + sp.exp(-z)) ** 2\n"),
        _sp("def sigmoid_derivative_expr(z):\n    return sp.simplify(sp.diff(1 / (1 + sp.exp(-z)), z))\n"),
        _sp("def sigmoid_derivative_expr(z):\n    return sp.diff(sp.exp(z) / (1 + sp.exp(z)), z)\n"),
        _sp("def sigmoid_derivative_expr(z):\n    return (1 / (1 + sp.exp(-z))).diff(z)\n"),
        _sp("def sigmoid_derivative_expr(z):\n    return sp.Derivative(1 / (1 + sp.exp(-z)), z).doit()\n"),
        _sp("def sigmoid_derivative_expr(z):\n    return (1 - sp.tanh(z / 2) ** 2) / 4\n"),
        _sp("def sigmoid_derivative_expr(z):\n    return 1 / (2 + 2 * sp.cosh(z))\n"),
        # a sign slip in sigma(1 - sigma) changes nothing: the derivative is even
        _sp("def sigmoid_derivative_expr(z):\n    s = 1 / (1 + sp.exp(z))\n    return s * (1 - s)\n"),
        _sp("def sigmoid_derivative_expr(z):\n    return sp.diff((1 + sp.exp(-z)) ** -1, z)\n"),
    ],
    "check_dloss_dw": [
        _sp(
            """
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return sp.diff((a - y) ** 2, w)
            """
        ),
        _sp(
            """
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return 2 * (a - y) * a * (1 - a) * x
            """
        ),
        _sp(
            _SIGMA + "def dloss_dw(w, x, b, y):\n    z = w * x + b\n    C = (sigma(z) - y) ** 2\n    return C.diff(w)\n"
        ),
        _sp("def dloss_dw(w, x, b, y):\n    return sp.diff((y - 1 / (1 + sp.exp(-w * x - b))) ** 2, w)\n"),
        _sp(
            """
            def dloss_dw(w, x, b, y):
                a = sp.exp(w * x + b) / (1 + sp.exp(w * x + b))
                return sp.simplify(sp.diff((a - y) ** 2, w))
            """
        ),
        _sp(
            """
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                C = a**2 - 2 * a * y + y**2
                return sp.diff(C, w)
            """
        ),
        _sp(
            """
            def dloss_dw(w, x, b, y):
                z = w * x + b
                a = 1 / (1 + sp.exp(-z))
                dC_da = 2 * (a - y)
                da_dz = sp.exp(-z) / (1 + sp.exp(-z)) ** 2
                dz_dw = x
                return dC_da * da_dz * dz_dw
            """
        ),
        _sp(
            _SIGMA + "def dloss_dw(w, x, b, y):\n"
            "    s = sigma(w * x + b)\n    return sp.expand(2 * (s - y) * s * (1 - s) * x)\n"
        ),
    ],
    "check_numerical_derivative": [
        "def numerical_derivative(f, x, h=1e-5):\n    return (f(x + h) - f(x - h)) / (2 * h)\n",
        "def numerical_derivative(f, x, h=1e-5):\n    return (f(x + h) - f(x - h)) / 2 / h\n",
        "def numerical_derivative(f, x, h=1e-5):\n    return 0.5 * (f(x + h) - f(x - h)) / h\n",
        """
        def numerical_derivative(f, x, h=1e-5):
            forward = f(x + h)
            backward = f(x - h)
            return (forward - backward) / (h + h)
        """,
        """
        def numerical_derivative(f, x, h=1e-5):
            right = (f(x + h) - f(x)) / h
            left = (f(x) - f(x - h)) / h
            return (right + left) / 2
        """,
        "def numerical_derivative(f, x, h=1e-5):\n    return float((f(x + h) - f(x - h)) / (2 * h))\n",
        "def numerical_derivative(f, x, h=1e-5):\n    return np.divide(f(x + h) - f(x - h), 2 * h)\n",
        "numerical_derivative = lambda f, x, h=1e-5: (f(x + h) - f(x - h)) / (2.0 * h)\n",
    ],
    "check_make_numeric": [
        _sp(
            """
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "numpy")

                def numeric(values):
                    values = np.asarray(values, dtype=float)
                    return f(values) + np.zeros_like(values)

                return numeric
            """
        ),
        _sp(
            """
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, modules="numpy")
                return lambda v: np.broadcast_to(f(v), np.shape(v))
            """
        ),
        _sp(
            """
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr)
                return lambda v: f(v) * np.ones_like(v)
            """
        ),
        _sp(
            """
            def make_numeric(expr, z):
                f = sp.lambdify([z], expr, modules=np)
                return lambda values: np.full_like(values, f(values), dtype=float)
            """
        ),
        _sp("def make_numeric(expr, z):\n    return np.vectorize(sp.lambdify(z, expr, 'numpy'))\n"),
        _sp(
            """
            def make_numeric(expr, z):
                def numeric(values):
                    values = np.asarray(values, dtype=float)
                    out = [float(expr.subs(z, v)) for v in values.ravel()]
                    return np.array(out).reshape(values.shape)
                return numeric
            """
        ),
        _sp(
            """
            def make_numeric(expr, z):
                if expr.is_constant():
                    return lambda v: np.full(np.shape(v), float(expr))
                return sp.lambdify(z, expr, "numpy")
            """
        ),
        _sp(
            """
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "numpy")
                return lambda v: f(v) + 0 * v
            """
        ),
    ],
    "check_softmax_ce_derivatives": [
        _sp(
            """
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                p = [sp.exp(zk) / total for zk in z]
                C = -sum(yk * sp.log(pk) for yk, pk in zip(y, p))
                return [sp.diff(C, zk) for zk in z]
            """
        ),
        _sp(
            """
            def softmax_ce_derivatives(z, y):
                log_total = sp.log(sp.exp(z[0]) + sp.exp(z[1]) + sp.exp(z[2]))
                C = -(y[0] * (z[0] - log_total) + y[1] * (z[1] - log_total) + y[2] * (z[2] - log_total))
                return [C.diff(z[0]), C.diff(z[1]), C.diff(z[2])]
            """
        ),
        _sp(
            """
            def softmax_ce_derivatives(z, y):
                S = sum(sp.exp(t) for t in z)
                p = [sp.exp(t) / S for t in z]
                return [p[k] * sum(y) - y[k] for k in range(3)]
            """
        ),
        _sp(
            """
            def softmax_ce_derivatives(z, y):
                zs = sp.Matrix(z)
                p = zs.applyfunc(sp.exp) / sum(sp.exp(t) for t in z)
                C = -sum(y[k] * sp.log(p[k]) for k in range(3))
                return [sp.simplify(sp.diff(C, t)) for t in z]
            """
        ),
        _sp(
            """
            def softmax_ce_derivatives(z, y):
                C = -sum(yk * zk for yk, zk in zip(y, z)) + sum(y) * sp.log(sum(sp.exp(zk) for zk in z))
                out = []
                for zk in z:
                    out.append(sp.diff(C, zk))
                return out
            """
        ),
        _sp(
            """
            def softmax(z):
                e = [sp.exp(t) for t in z]
                return [t / sum(e) for t in e]

            def softmax_ce_derivatives(z, y):
                p = softmax(z)
                C = 0
                for k in range(3):
                    C -= y[k] * sp.log(p[k])
                return [sp.Derivative(C, zk).doit() for zk in z]
            """
        ),
        _sp(
            """
            def softmax_ce_derivatives(z, y):
                denominator = sp.exp(z[0]) + sp.exp(z[1]) + sp.exp(z[2])
                C = -sum(y[k] * sp.log(sp.exp(z[k]) / denominator) for k in range(3))
                return list(sp.Matrix([C]).jacobian(z))
            """
        ),
    ],
    "check_softmax_backward": [
        """
        def softmax_backward(A, grad_A):
            row_sums = (grad_A * A).sum(axis=1, keepdims=True)
            return A * (grad_A - row_sums)
        """,
        """
        def softmax_backward(A, grad_A):
            out = np.zeros_like(A)
            for i in range(A.shape[0]):
                a = A[i]
                J = np.diag(a) - np.outer(a, a)
                out[i] = J @ grad_A[i]
            return out
        """,
        """
        def softmax_backward(A, grad_A):
            out = np.empty(A.shape)
            for i, (a, g) in enumerate(zip(A, grad_A)):
                out[i] = g @ (np.diag(a) - np.outer(a, a))
            return out
        """,
        """
        def softmax_backward(A, grad_A):
            n, K = A.shape
            J = A[:, :, None] * (np.eye(K)[None, :, :] - A[:, None, :])
            return np.einsum('nj,njk->nk', grad_A, J)
        """,
        """
        def softmax_backward(A, grad_A):
            n, K = A.shape
            J = A[:, :, None] * np.eye(K) - A[:, :, None] * A[:, None, :]
            return (grad_A[:, None, :] @ J)[:, 0, :]
        """,
        """
        def softmax_backward(A, grad_A):
            return A * grad_A - A * np.sum(A * grad_A, axis=1)[:, np.newaxis]
        """,
        """
        def softmax_backward(A, grad_A):
            s = np.einsum('ij,ij->i', A, grad_A).reshape(-1, 1)
            return A * (grad_A - s)
        """,
        """
        def softmax_backward(A, grad_A):
            n, K = A.shape
            grad_Z = np.zeros((n, K))
            for i in range(n):
                for k in range(K):
                    for j in range(K):
                        delta = 1.0 if j == k else 0.0
                        grad_Z[i, k] += grad_A[i, j] * A[i, j] * (delta - A[i, k])
            return grad_Z
        """,
        """
        def softmax_backward(A, grad_A):
            grad_A = grad_A.astype(np.float32)
            A = A.astype(np.float32)
            return A * (grad_A - (A * grad_A).sum(axis=1, keepdims=True))
        """,
    ],
}

WRONG = {
    "check_sigmoid_derivative_expr": [
        ("sign_in_exponent", _sp("def sigmoid_derivative_expr(z):\n    return sp.diff(1 / (1 + sp.exp(z)), z)\n")),
        (
            "inner_factor",
            _sp("def sigmoid_derivative_expr(z):\n    return -(1 + sp.exp(-z)) ** -2 * sp.exp(-z)\n"),
        ),
        ("sigmoid_itself", _sp("def sigmoid_derivative_expr(z):\n    return 1 / (1 + sp.exp(-z))\n")),
        ("no_square", _sp("def sigmoid_derivative_expr(z):\n    return sp.exp(-z) / (1 + sp.exp(-z))\n")),
        (
            "numpy_exp",
            _sp("def sigmoid_derivative_expr(z):\n    return sp.diff(1 / (1 + np.exp(-z)), z)\n"),
        ),
        (
            "numpy_exp",
            _sp("def sigmoid_derivative_expr(z):\n    return sp.diff(1 / (1 + math.exp(-z)), z)\n"),
        ),
        (
            "own_symbol",
            _sp(
                """
                def sigmoid_derivative_expr(z):
                    t = sp.Symbol('t')
                    return sp.diff(1 / (1 + sp.exp(-t)), t)
                """
            ),
        ),
        (
            "tanh_derivative",
            _sp("def sigmoid_derivative_expr(z):\n    s = 1 / (1 + sp.exp(-z))\n    return 1 - s**2\n"),
        ),
        (
            "one_plus_sigma",
            _sp("def sigmoid_derivative_expr(z):\n    s = 1 / (1 + sp.exp(-z))\n    return s * (1 + s)\n"),
        ),
        ("sigmoid_itself", _sp("def sigmoid_derivative_expr(z):\n    return sp.exp(z) / (1 + sp.exp(z))\n")),
        (
            "no_inner_derivative",
            _sp("def sigmoid_derivative_expr(z):\n    return (1 + sp.exp(-z)) ** -2\n"),
        ),
        (
            "number",
            _sp("def sigmoid_derivative_expr(z):\n    s = 1 / (1 + np.exp(-0.5))\n    return s * (1 - s)\n"),
        ),
    ],
    "check_dloss_dw": [
        (
            "no_x",
            _sp(
                """
                def dloss_dw(w, x, b, y):
                    a = 1 / (1 + sp.exp(-(w * x + b)))
                    return 2 * (a - y) * a * (1 - a)
                """
            ),
        ),
        (
            "no_x",
            _sp("def dloss_dw(w, x, b, y):\n    return sp.diff((1 / (1 + sp.exp(-(w * x + b))) - y) ** 2, b)\n"),
        ),
        (
            "no_sigmoid_derivative",
            _sp("def dloss_dw(w, x, b, y):\n    a = 1 / (1 + sp.exp(-(w * x + b)))\n    return 2 * (a - y) * x\n"),
        ),
        (
            "no_two",
            _sp(
                "def dloss_dw(w, x, b, y):\n    a = 1 / (1 + sp.exp(-(w * x + b)))\n"
                "    return (a - y) * a * (1 - a) * x\n"
            ),
        ),
        (
            "wrt_x",
            _sp("def dloss_dw(w, x, b, y):\n    return sp.diff((1 / (1 + sp.exp(-(w * x + b))) - y) ** 2, x)\n"),
        ),
        (
            "sign_in_exponent",
            _sp("def dloss_dw(w, x, b, y):\n    return sp.diff((1 / (1 + sp.exp(w * x + b)) - y) ** 2, w)\n"),
        ),
        (
            "negated",
            _sp(
                "def dloss_dw(w, x, b, y):\n    a = 1 / (1 + sp.exp(-(w * x + b)))\n"
                "    return 2 * (y - a) * a * (1 - a) * x\n"
            ),
        ),
        (
            "no_bias",
            _sp("def dloss_dw(w, x, b, y):\n    return sp.diff((1 / (1 + sp.exp(-w * x)) - y) ** 2, w)\n"),
        ),
        (
            "returns_loss",
            _sp("def dloss_dw(w, x, b, y):\n    return (1 / (1 + sp.exp(-(w * x + b))) - y) ** 2\n"),
        ),
        (
            "not_squared",
            _sp("def dloss_dw(w, x, b, y):\n    return sp.diff(1 / (1 + sp.exp(-(w * x + b))) - y, w)\n"),
        ),
        (
            "numpy_exp",
            _sp("def dloss_dw(w, x, b, y):\n    return sp.diff((1 / (1 + np.exp(-(w * x + b))) - y) ** 2, w)\n"),
        ),
        (
            "no_sigmoid_derivative",
            _sp(
                _SIGMA + "def dloss_dw(w, x, b, y):\n    a = sigma(w * x + b)\n"
                "    dC_da = 2 * (a - y)\n    return dC_da * x\n"
            ),
        ),
    ],
    "check_numerical_derivative": [
        ("forward", "def numerical_derivative(f, x, h=1e-5):\n    return (f(x + h) - f(x)) / h\n"),
        ("backward", "def numerical_derivative(f, x, h=1e-5):\n    return (f(x) - f(x - h)) / h\n"),
        ("over_h", "def numerical_derivative(f, x, h=1e-5):\n    return (f(x + h) - f(x - h)) / h\n"),
        (
            "ignores_h",
            "def numerical_derivative(f, x, h=1e-5):\n    return (f(x + 1e-5) - f(x - 1e-5)) / (2 * 1e-5)\n",
        ),
        (
            "ignores_h",
            "def numerical_derivative(f, x, h=1e-5):\n    h = 1e-5\n    return (f(x + h) - f(x - h)) / (2 * h)\n",
        ),
        ("precedence", "def numerical_derivative(f, x, h=1e-5):\n    return f(x + h) - f(x - h) / (2 * h)\n"),
        ("times_h", "def numerical_derivative(f, x, h=1e-5):\n    return (f(x + h) - f(x - h)) / 2 * h\n"),
        ("negated", "def numerical_derivative(f, x, h=1e-5):\n    return (f(x - h) - f(x + h)) / (2 * h)\n"),
        ("forward_over_2h", "def numerical_derivative(f, x, h=1e-5):\n    return (f(x + h) - f(x)) / (2 * h)\n"),
        ("not_divided", "def numerical_derivative(f, x, h=1e-5):\n    return f(x + h) - f(x - h)\n"),
        (
            "forward",
            "def numerical_derivative(f, x, h=1e-5):\n    slope = (f(x + h) - f(x)) / h\n    return slope\n",
        ),
    ],
    "check_make_numeric": [
        ("constant_not_spread", _sp("def make_numeric(expr, z):\n    return sp.lambdify(z, expr, 'numpy')\n")),
        (
            "constant_not_spread",
            _sp(
                """
                def make_numeric(expr, z):
                    f = sp.lambdify(z, expr, "numpy")
                    return lambda v: np.asarray(f(v), dtype=float)
                """
            ),
        ),
        ("math_module", _sp("def make_numeric(expr, z):\n    return sp.lambdify(z, expr, 'math')\n")),
        ("not_function", _sp("def make_numeric(expr, z):\n    return expr\n")),
        (
            "length_not_shape",
            _sp(
                """
                def make_numeric(expr, z):
                    f = sp.lambdify(z, expr, "numpy")
                    return lambda v: f(v) * np.ones(len(v))
                """
            ),
        ),
        (
            "differentiated",
            _sp(
                """
                def make_numeric(expr, z):
                    f = sp.lambdify(z, sp.diff(expr, z), "numpy")
                    return lambda v: f(v) + np.zeros_like(v)
                """
            ),
        ),
        (
            "one_number",
            _sp(
                """
                def make_numeric(expr, z):
                    return lambda v: float(expr.subs(z, v))
                """
            ),
        ),
        (
            "swapped_arguments",
            _sp("def make_numeric(expr, z):\n    return sp.lambdify(expr, z, 'numpy')\n"),
        ),
        (
            "loop_over_rows",
            _sp(
                """
                def make_numeric(expr, z):
                    f = sp.lambdify(z, expr, "numpy")
                    return lambda v: np.array([f(t) for t in v])
                """
            ),
        ),
        (
            "constant_not_spread",
            _sp(
                """
                def make_numeric(expr, z):
                    f = sp.lambdify(z, expr, "numpy")
                    def numeric(values):
                        return f(np.asarray(values, dtype=float))
                    return numeric
                """
            ),
        ),
    ],
    "check_softmax_ce_derivatives": [
        (
            "assumed_shortcut",
            _sp(
                """
                def softmax_ce_derivatives(z, y):
                    total = sum(sp.exp(zj) for zj in z)
                    return [sp.exp(zk) / total - yk for zk, yk in zip(z, y)]
                """
            ),
        ),
        (
            "own_probability_only",
            _sp(
                """
                def softmax_ce_derivatives(z, y):
                    total = sum(sp.exp(zj) for zj in z)
                    p = [sp.exp(zk) / total for zk in z]
                    return [sp.diff(-y[k] * sp.log(p[k]), z[k]) for k in range(3)]
                """
            ),
        ),
        (
            "no_minus",
            _sp(
                """
                def softmax_ce_derivatives(z, y):
                    total = sum(sp.exp(zj) for zj in z)
                    C = sum(yk * sp.log(sp.exp(zk) / total) for yk, zk in zip(y, z))
                    return [sp.diff(C, zk) for zk in z]
                """
            ),
        ),
        (
            "sign_in_exponent",
            _sp(
                """
                def softmax_ce_derivatives(z, y):
                    total = sum(sp.exp(-zj) for zj in z)
                    C = -sum(yk * sp.log(sp.exp(-zk) / total) for yk, zk in zip(y, z))
                    return [sp.diff(C, zk) for zk in z]
                """
            ),
        ),
        (
            "sigmoid_not_softmax",
            _sp(
                """
                def softmax_ce_derivatives(z, y):
                    p = [1 / (1 + sp.exp(-zk)) for zk in z]
                    C = -sum(yk * sp.log(pk) for yk, pk in zip(y, p))
                    return [sp.diff(C, zk) for zk in z]
                """
            ),
        ),
        (
            "returns_loss",
            _sp(
                """
                def softmax_ce_derivatives(z, y):
                    total = sum(sp.exp(zj) for zj in z)
                    return -sum(yk * sp.log(sp.exp(zk) / total) for yk, zk in zip(y, z))
                """
            ),
        ),
        (
            "wrt_y",
            _sp(
                """
                def softmax_ce_derivatives(z, y):
                    total = sum(sp.exp(zj) for zj in z)
                    C = -sum(yk * sp.log(sp.exp(zk) / total) for yk, zk in zip(y, z))
                    return [sp.diff(C, yk) for yk in y]
                """
            ),
        ),
        (
            "numpy_exp",
            _sp(
                """
                def softmax_ce_derivatives(z, y):
                    total = sum(np.exp(zj) for zj in z)
                    C = -sum(yk * np.log(np.exp(zk) / total) for yk, zk in zip(y, z))
                    return [sp.diff(C, zk) for zk in z]
                """
            ),
        ),
        (
            "own_probability_only",
            _sp(
                """
                def softmax_ce_derivatives(z, y):
                    total = sum(sp.exp(zj) for zj in z)
                    p = [sp.exp(zk) / total for zk in z]
                    return [-y[k] * (1 - p[k]) for k in range(3)]
                """
            ),
        ),
        (
            "assumed_shortcut",
            _sp(
                """
                def softmax(z):
                    e = [sp.exp(t) for t in z]
                    return [t / sum(e) for t in e]

                def softmax_ce_derivatives(z, y):
                    p = softmax(z)
                    return [p[k] - y[k] for k in range(3)]
                """
            ),
        ),
        (
            "jacobian",
            _sp(
                """
                def softmax_ce_derivatives(z, y):
                    total = sum(sp.exp(t) for t in z)
                    p = sp.Matrix([sp.exp(t) / total for t in z])
                    return p.jacobian(z)
                """
            ),
        ),
        (
            None,
            _sp(
                """
                def softmax_ce_derivatives(z, y):
                    total = sum(sp.exp(t) for t in z)
                    C = -sum(yk * sp.log(sp.exp(zk) / total) for yk, zk in zip(y, z))
                    return sp.diff(C, z[0])
                """
            ),
        ),
        (
            None,
            _sp(
                """
                def softmax_ce_derivatives(z, y):
                    total = sp.exp(z[0]) + sp.exp(z[1])
                    C = -sum(yk * sp.log(sp.exp(zk) / total) for yk, zk in zip(y, z))
                    return [sp.diff(C, zk) for zk in z]
                """
            ),
        ),
    ],
    "check_softmax_backward": [
        (
            "diagonal_only",
            "def softmax_backward(A, grad_A):\n    return grad_A * A * (1 - A)\n",
        ),
        (
            "wrong_axis",
            """
            def softmax_backward(A, grad_A):
                return A * (grad_A - (grad_A * A).sum(axis=0, keepdims=True))
            """,
        ),
        (
            "no_keepdims",
            """
            def softmax_backward(A, grad_A):
                return A * (grad_A - (grad_A * A).sum(axis=1))
            """,
        ),
        (
            "negated",
            """
            def softmax_backward(A, grad_A):
                return A * ((grad_A * A).sum(axis=1, keepdims=True) - grad_A)
            """,
        ),
        (
            "grad_times_jacobians",
            """
            def softmax_backward(A, grad_A):
                n, K = A.shape
                J = A[:, :, None] * (np.eye(K) - A[:, None, :])
                return grad_A @ J
            """,
        ),
        (
            "jacobians_times_grad",
            """
            def softmax_backward(A, grad_A):
                n, K = A.shape
                J = A[:, :, None] * (np.eye(K) - A[:, None, :])
                return J @ grad_A
            """,
        ),
        (
            "first_row_jacobian",
            """
            def softmax_backward(A, grad_A):
                a = A[0]
                J = np.diag(a) - np.outer(a, a)
                return grad_A @ J
            """,
        ),
        (
            "in_place",
            """
            def softmax_backward(A, grad_A):
                row_sums = (grad_A * A).sum(axis=1, keepdims=True)
                A *= grad_A - row_sums
                return A
            """,
        ),
        (
            "batch_mixed",
            """
            def softmax_backward(A, grad_A):
                return A * grad_A - A * (A @ grad_A.T)
            """,
        ),
        (
            "plus_sum",
            """
            def softmax_backward(A, grad_A):
                s = np.sum(A * grad_A, axis=1, keepdims=True)
                return A * (grad_A + s)
            """,
        ),
        (
            "grad_only",
            """
            def softmax_backward(A, grad_A):
                return grad_A - (grad_A * A).sum(axis=1, keepdims=True)
            """,
        ),
        (
            "transposed",
            """
            def softmax_backward(A, grad_A):
                return (A * (grad_A - (grad_A * A).sum(axis=1, keepdims=True))).T
            """,
        ),
    ],
}


# More answers in other learners' styles, their slips, and real learners' code in these signatures.

_MORE_CORRECT = {
    "check_sigmoid_derivative_expr": [
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return sp.diff(1 / (1 + sp.exp(-z)), z)
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                s = 1 / (1 + sp.exp(-z))
                return s * (1 - s)
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return sp.exp(-z) / (1 + sp.exp(-z)) ** 2
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return sp.exp(z) / (1 + sp.exp(z)) ** 2
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                sigma = sp.exp(z) / (sp.exp(z) + 1)
                return sp.diff(sigma, z)
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return sp.simplify(sp.diff(1 / (1 + sp.exp(-z)), z))
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                sigma = 1 / (1 + sp.E ** (-z))
                return sigma.diff(z)
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return sp.Rational(1, 4) * sp.sech(z / 2) ** 2
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return (1 - sp.tanh(z / 2) ** 2) / 4
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                sigma = (1 + sp.tanh(z / 2)) / 2
                return sp.diff(sigma, z)
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                s = 1 / (1 + sp.exp(z))
                return s * (1 - s)
            """,
        """
            import sympy as sp

            def sigmoid_derivative_expr(z):
                fx = sp.E ** z / (1 + sp.E ** z)
                dx = sp.diff(fx, z)
                return dx
            """,
        """
            import sympy as sp

            def sigmoid_derivative_expr(z):
                logistyczna = lambda x: 1 / (1 + sp.exp(-x))
                A2 = logistyczna(z)
                dA2_dZ2 = sp.diff(A2, z)
                return dA2_dZ2
            """,
    ],
    "check_dloss_dw": [
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return sp.diff((a - y) ** 2, w)
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return 2 * (a - y) * a * (1 - a) * x
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                z = w * x + b
                return 2 * (1 / (1 + sp.exp(-z)) - y) * sp.exp(-z) / (1 + sp.exp(-z)) ** 2 * x
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return -2 * (y - a) * a * (1 - a) * x
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                t = sp.Symbol("t")
                sig = 1 / (1 + sp.exp(-t))
                dadz = sp.diff(sig, t).subs(t, w * x + b)
                a = sig.subs(t, w * x + b)
                return 2 * (a - y) * dadz * x
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                C = a ** 2 - 2 * a * y + y ** 2
                return sp.diff(C, w)
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return sp.simplify(sp.diff((a - y) ** 2, w))
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return sp.diff((y - a) ** 2, w)
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = sp.exp(w * x + b) / (1 + sp.exp(w * x + b))
                C = (a - y) ** 2
                return C.diff(w)
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                z = x * w + b
                a = 1 / (1 + sp.exp(-z))
                dC_da = 2 * (a - y)
                da_dz = a * (1 - a)
                dz_dw = x
                return dC_da * da_dz * dz_dw
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                C = (1 / (1 + sp.exp(-(w * x + b))) - y) ** 2
                return sp.Derivative(C, w).doit()
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return sp.expand(sp.diff((a - y) ** 2, w))
            """,
    ],
    "check_numerical_derivative": [
        """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return (f(x + h) - f(x - h)) / (2 * h)
            """,
        """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                fp = f(x + h)
                fm = f(x - h)
                return (fp - fm) / (2 * h)
            """,
        """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return (f(x + h) - f(x - h)) / h / 2
            """,
        """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return 0.5 * (f(x + h) - f(x - h)) / h
            """,
        """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return float((f(x + h) - f(x - h)) / (2 * h))
            """,
        """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                forward = (f(x + h) - f(x)) / h
                backward = (f(x) - f(x - h)) / h
                return (forward + backward) / 2
            """,
        """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                xp, xm = x + h, x - h
                return (f(xp) - f(xm)) / (xp - xm)
            """,
        """
            import sympy as sp
            numerical_derivative = lambda f, x, h=1e-5: (f(x + h) - f(x - h)) / (2 * h)
            """,
        """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                x = np.float64(x)
                return (f(x + h) - f(x - h)) / (h + h)
            """,
        """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                values = [f(x + s * h) for s in (1, -1)]
                return (values[0] - values[1]) / (2 * h)
            """,
        """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return (f(x + h) - f(x - h)) / (2 * h)
            """,
        """
            import sympy as sp

            def numerical_derivative(f, x, h=1e-5):
                fxph = f(x + h)
                fxnh = f(x - h)
                result = (fxph - fxnh) / (2 * h)
                return result
            """,
    ],
    "check_make_numeric": [
        """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "numpy")
                def numeric(values):
                    values = np.asarray(values, dtype=float)
                    return f(values) + np.zeros_like(values)
                return numeric
            """,
        """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr)
                def g(values):
                    return np.broadcast_to(f(values), np.shape(values)).astype(float)
                return g
            """,
        """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, modules="numpy")
                def g(v):
                    out = f(v)
                    if np.ndim(out) == 0:
                        return np.full(np.shape(v), float(out))
                    return out
                return g
            """,
        """
            import sympy as sp
            def make_numeric(expr, z):
                return np.vectorize(sp.lambdify(z, expr))
            """,
        """
            import sympy as sp
            def make_numeric(expr, z):
                def g(values):
                    values = np.asarray(values, dtype=float)
                    return np.array([float(expr.subs(z, v)) for v in values.flat]).reshape(values.shape)
                return g
            """,
        """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "numpy")
                return lambda values: np.ones_like(values, dtype=float) * f(values)
            """,
        """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "numpy")
                def g(values):
                    values = np.asarray(values, dtype=float)
                    result = np.asarray(f(values), dtype=float)
                    if result.shape != values.shape:
                        result = np.full(values.shape, result)
                    return result
                return g
            """,
        """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify([z], expr)
                def g(values):
                    return np.broadcast_arrays(f(values), values)[0].astype(float)
                return g
            """,
        """
            import sympy as sp
            def make_numeric(expr, z):
                if expr.is_constant():
                    c = float(expr)
                    return lambda values: np.full(np.shape(values), c)
                return sp.lambdify(z, expr, "numpy")
            """,
        """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "numpy")
                def g(values):
                    values = np.array(values, dtype=float)
                    out = np.empty_like(values)
                    out[...] = f(values)
                    return out
                return g
            """,
    ],
    "check_softmax_ce_derivatives": [
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                p = [sp.exp(zk) / total for zk in z]
                C = -sum(yk * sp.log(pk) for yk, pk in zip(y, p))
                return [sp.diff(C, zk) for zk in z]
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                lse = sp.log(sum(sp.exp(zj) for zj in z))
                C = -sum(y[k] * (z[k] - lse) for k in range(3))
                return [sp.diff(C, z[k]) for k in range(3)]
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sp.exp(z[0]) + sp.exp(z[1]) + sp.exp(z[2])
                p = [sp.exp(zk) / total for zk in z]
                return [p[k] * (y[0] + y[1] + y[2]) - y[k] for k in range(3)]
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                z1, z2, z3 = z
                y1, y2, y3 = y
                s = sp.exp(z1) + sp.exp(z2) + sp.exp(z3)
                C = -(y1 * sp.log(sp.exp(z1) / s) + y2 * sp.log(sp.exp(z2) / s) + y3 * sp.log(sp.exp(z3) / s))
                return [C.diff(z1), C.diff(z2), C.diff(z3)]
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                Z = sp.Matrix(z)
                e = Z.applyfunc(sp.exp)
                p = e / sum(e)
                C = -sum(y[k] * sp.log(p[k]) for k in range(3))
                return [sp.diff(C, zk) for zk in z]
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                C = -sum(yk * sp.log(sp.exp(zk)) for yk, zk in zip(y, z)) + sum(y) * sp.log(total)
                return [sp.diff(C, zk) for zk in z]
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                p = [sp.exp(zk) / total for zk in z]
                dC_dp = [-y[j] / p[j] for j in range(3)]
                out = []
                for k in range(3):
                    out.append(sum(dC_dp[j] * p[j] * ((1 if j == k else 0) - p[k]) for j in range(3)))
                return out
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                p = [sp.exp(zk) / total for zk in z]
                C = -sum(yk * sp.log(pk) for yk, pk in zip(y, p))
                return [sp.simplify(sp.diff(C, zk)) for zk in z]
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                C = 0
                for k in range(3):
                    C = C - y[k] * sp.log(sp.exp(z[k]) / total)
                grads = []
                for k in range(3):
                    grads.append(sp.diff(C, z[k]))
                return grads
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                m = sp.Symbol("m")
                total = sum(sp.exp(zj) for zj in z)
                p = [sp.exp(zk) / total for zk in z]
                C = -sum(yk * sp.log(pk) for yk, pk in zip(y, p))
                return list(sp.Matrix([C]).jacobian(z))
            """,
    ],
    "check_softmax_backward": [
        """
            import sympy as sp
            def softmax_backward(A, grad_A):
                s = (grad_A * A).sum(axis=1, keepdims=True)
                return A * (grad_A - s)
            """,
        """
            import sympy as sp
            def softmax_backward(A, grad_A):
                out = np.zeros_like(A)
                for i in range(A.shape[0]):
                    a = A[i]
                    J = np.diag(a) - np.outer(a, a)
                    out[i] = J @ grad_A[i]
                return out
            """,
        """
            import sympy as sp
            def softmax_backward(A, grad_A):
                K = A.shape[1]
                J = A[:, :, None] * np.eye(K)[None] - A[:, :, None] * A[:, None, :]
                return np.einsum("nj,njk->nk", grad_A, J)
            """,
        """
            import sympy as sp
            def softmax_backward(A, grad_A):
                K = A.shape[1]
                J = A[:, :, None] * (np.eye(K)[None] - A[:, None, :])
                return (grad_A[:, None, :] @ J)[:, 0, :]
            """,
        """
            import sympy as sp
            def softmax_backward(A, grad_A):
                n, K = A.shape
                out = np.zeros((n, K))
                for i in range(n):
                    for k in range(K):
                        total = 0.0
                        for j in range(K):
                            delta = 1.0 if j == k else 0.0
                            total += grad_A[i, j] * A[i, j] * (delta - A[i, k])
                        out[i, k] = total
                return out
            """,
        """
            import sympy as sp
            def softmax_backward(A, grad_A):
                return A * grad_A - A * np.sum(A * grad_A, axis=1)[:, None]
            """,
        """
            import sympy as sp
            def softmax_backward(A, grad_A):
                return A * (grad_A - np.einsum('ij,ij->i', A, grad_A)[:, np.newaxis])
            """,
        """
            import sympy as sp
            def softmax_backward(A, grad_A):
                out = A.copy()
                out *= grad_A - np.sum(A * grad_A, axis=1, keepdims=True)
                return out
            """,
        """
            import sympy as sp
            def softmax_backward(A, grad_A):
                dots = np.array([np.dot(a, g) for a, g in zip(A, grad_A)])
                return A * (grad_A - dots.reshape(-1, 1))
            """,
        """
            import sympy as sp
            def softmax_backward(A, grad_A):
                dinputs = np.empty_like(grad_A)
                for index, (single_output, single_dvalues) in enumerate(zip(A, grad_A)):
                    single_output = single_output.reshape(-1, 1)
                    jacobian_matrix = np.diagflat(single_output) - np.dot(single_output, single_output.T)
                    dinputs[index] = np.dot(jacobian_matrix, single_dvalues)
                return dinputs
            """,
        """
            import sympy as sp
            def softmax_backward(A, grad_A):
                sm_d_out = grad_A.copy()
                eye = np.eye(grad_A.shape[1])
                for prob, d_out_, batch in zip(A, grad_A, range(grad_A.shape[0])):
                    grad = prob[:, np.newaxis] * (eye - prob[np.newaxis, :])
                    sm_d_out[batch] = grad.dot(d_out_)
                return sm_d_out
            """,
    ],
}

_MORE_WRONG = {
    "check_sigmoid_derivative_expr": [
        (
            "sigmoid_itself",
            """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return 1 / (1 + sp.exp(-z))
            """,
        ),
        (
            "sign_in_exponent",
            """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return sp.diff(1 / (1 + sp.exp(z)), z)
            """,
        ),
        (
            "one_plus_sigma",
            """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                s = 1 / (1 + sp.exp(-z))
                return s * (1 + s)
            """,
        ),
        (
            "no_square",
            """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return sp.exp(-z) / (1 + sp.exp(-z))
            """,
        ),
        (
            "inner_factor",
            """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return -sp.exp(-z) / (1 + sp.exp(-z)) ** 2
            """,
        ),
        (
            "second_derivative",
            """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return sp.diff(1 / (1 + sp.exp(-z)), z, 2)
            """,
        ),
        (
            None,
            """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return sp.exp(-z) / (1 + sp.exp(-z) ** 2)
            """,
        ),
        (
            "no_square",
            """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                s = 1 / (1 + sp.exp(-z))
                return 1 - s
            """,
        ),
        (
            "tanh_not_sigmoid",
            """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return sp.diff(sp.tanh(z), z)
            """,
        ),
        (
            "z_as_sigma",
            """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return z * (1 - z)
            """,
        ),
        (
            "numpy_exp",
            """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return sp.diff(1 / (1 + np.exp(-z)), z)
            """,
        ),
        (
            None,
            """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                s = 1 / (1 + sp.exp(-z))
                return s * (1 - s) / 2
            """,
        ),
        (
            None,
            """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                s = 1 / (1 + sp.exp(-z))
                return s ** 2 * (1 - s)
            """,
        ),
    ],
    "check_dloss_dw": [
        (
            "no_two",
            """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return (a - y) * a * (1 - a) * x
            """,
        ),
        (
            "no_x",
            """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return 2 * (a - y) * a * (1 - a)
            """,
        ),
        (
            "no_sigmoid_derivative",
            """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return 2 * (a - y) * x
            """,
        ),
        (
            "negated",
            """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return 2 * (y - a) * a * (1 - a) * x
            """,
        ),
        (
            "no_x",
            """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return sp.diff((a - y) ** 2, b)
            """,
        ),
        (
            "wrt_x",
            """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return sp.diff((a - y) ** 2, x)
            """,
        ),
        (
            "no_two",
            """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return sp.diff((a - y) ** 2 / 2, w)
            """,
        ),
        (
            "returns_loss",
            """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return (a - y) ** 2
            """,
        ),
        (
            "sign_in_exponent",
            """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(w * x + b))
                return sp.diff((a - y) ** 2, w)
            """,
        ),
        (
            "no_a_factor",
            """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return 2 * (a - y) * (1 - a) * x
            """,
        ),
        (
            "no_sigmoid",
            """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                return sp.diff((w * x + b - y) ** 2, w)
            """,
        ),
        (
            "bracket_in_exponent",
            """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-w * x + b))
                return sp.diff((a - y) ** 2, w)
            """,
        ),
    ],
    "check_numerical_derivative": [
        (
            "forward",
            """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return (f(x + h) - f(x)) / h
            """,
        ),
        (
            "over_h",
            """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return (f(x + h) - f(x - h)) / h
            """,
        ),
        (
            "precedence",
            """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return (f(x + h) - f(x - h) / (2 * h))
            """,
        ),
        (
            "ignores_h",
            """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                h = 1e-4
                return (f(x + h) - f(x - h)) / (2 * h)
            """,
        ),
        (
            "negated",
            """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return (f(x - h) - f(x + h)) / (2 * h)
            """,
        ),
        (
            "backward",
            """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return (f(x) - f(x - h)) / h
            """,
        ),
        (
            "times_h",
            """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return (f(x + h) - f(x - h)) / 2 * h
            """,
        ),
        (
            "not_divided",
            """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return f(x + h) - f(x - h)
            """,
        ),
        (
            "step_2h",
            """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return (f(x + 2 * h) - f(x - 2 * h)) / (2 * h)
            """,
        ),
        (
            None,
            """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return round((f(x + h) - f(x - h)) / (2 * h), 3)
            """,
        ),
        (
            None,
            """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return (f(x * (1 + h)) - f(x * (1 - h))) / (2 * h)
            """,
        ),
        (
            "forward",
            """
            import sympy as sp
            def numerical_derivative(f, x, h=1e-5):
                return (f(x + h) - f(x)) / h
            """,
        ),
    ],
    "check_make_numeric": [
        (
            "constant_not_spread",
            """
            import sympy as sp
            def make_numeric(expr, z):
                return sp.lambdify(z, expr)
            """,
        ),
        (
            "math_module",
            """
            import sympy as sp
            def make_numeric(expr, z):
                return sp.lambdify(z, expr, 'math')
            """,
        ),
        (
            "one_number",
            """
            import sympy as sp
            def make_numeric(expr, z):
                return lambda v: expr.subs(z, v)
            """,
        ),
        (
            "length_not_shape",
            """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr)
                return lambda v: f(v) + np.zeros(len(v))
            """,
        ),
        (
            "constant_not_spread",
            """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr + 0 * z)
                return f
            """,
        ),
        (
            "constant_not_spread",
            """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr)
                return lambda v: np.array(f(v))
            """,
        ),
        (
            "swapped_arguments",
            """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify(expr, z)
                return lambda v: f(v) + np.zeros_like(v)
            """,
        ),
        (
            "own_symbol",
            """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify(sp.Symbol('x'), expr)
                return lambda v: f(v) + np.zeros_like(v)
            """,
        ),
        (
            "list_of_rows",
            """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr)
                return lambda v: [f(r) for r in v]
            """,
        ),
        (
            "flattened",
            """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr)
                return lambda v: (f(v) + np.zeros_like(v)).reshape(-1)
            """,
        ),
        (
            "in_place",
            """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr)
                def g(values):
                    values[...] = f(values)
                    return values
                return g
            """,
        ),
        (
            "constant_not_spread",
            """
            import sympy as sp
            def make_numeric(expr, z):
                pdx = sp.lambdify(z, expr)
                return pdx
            """,
        ),
        (
            "length_not_shape",
            """
            import sympy as sp
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr)
                return lambda v: f(v) * np.ones(np.shape(v)[0])
            """,
        ),
    ],
    "check_softmax_ce_derivatives": [
        (
            "assumed_shortcut",
            """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                return [sp.exp(zk) / total - yk for zk, yk in zip(z, y)]
            """,
        ),
        (
            "own_probability_only",
            """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                p = [sp.exp(zk) / total for zk in z]
                return [sp.diff(-y[k] * sp.log(p[k]), z[k]) for k in range(3)]
            """,
        ),
        (
            "no_minus",
            """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                C = sum(yk * sp.log(sp.exp(zk) / total) for yk, zk in zip(y, z))
                return [sp.diff(C, zk) for zk in z]
            """,
        ),
        (
            "no_log",
            """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                C = -sum(yk * sp.exp(zk) / total for yk, zk in zip(y, z))
                return [sp.diff(C, zk) for zk in z]
            """,
        ),
        (
            "sum_without_exp",
            """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(z)
                C = -sum(yk * sp.log(sp.exp(zk) / total) for yk, zk in zip(y, z))
                return [sp.diff(C, zk) for zk in z]
            """,
        ),
        (
            "wrt_y",
            """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                C = -sum(yk * sp.log(sp.exp(zk) / total) for yk, zk in zip(y, z))
                return [sp.diff(C, yk) for yk in y]
            """,
        ),
        (
            "softmax_slope",
            """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                p = [sp.exp(zk) / total for zk in z]
                return [sp.diff(p[k], z[k]) for k in range(3)]
            """,
        ),
        (
            "mean_over_classes",
            """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                C = -sum(yk * sp.log(sp.exp(zk) / total) for yk, zk in zip(y, z)) / 3
                return [sp.diff(C, zk) for zk in z]
            """,
        ),
        (
            "log10",
            """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                C = -sum(yk * sp.log(sp.exp(zk) / total, 10) for yk, zk in zip(y, z))
                return [sp.diff(C, zk) for zk in z]
            """,
        ),
        (
            "binary_cross_entropy",
            """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                p = [sp.exp(zk) / total for zk in z]
                C = -sum(yk * sp.log(pk) + (1 - yk) * sp.log(1 - pk) for yk, pk in zip(y, p))
                return [sp.diff(C, zk) for zk in z]
            """,
        ),
        (
            "reversed_order",
            """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                C = -sum(yk * sp.log(sp.exp(zk) / total) for yk, zk in zip(y, z))
                return [sp.diff(C, zk) for zk in reversed(z)]
            """,
        ),
        (
            "assumed_shortcut",
            """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                a = [sp.exp(zk) / sum(sp.exp(zj) for zj in z) for zk in z]
                return [a[k] - y[k] for k in range(3)]
            """,
        ),
    ],
    "check_softmax_backward": [
        (
            "diagonal_only",
            """
            import sympy as sp
            def softmax_backward(A, grad_A):
                return A * (1 - A) * grad_A
            """,
        ),
        (
            "wrong_axis",
            """
            import sympy as sp
            def softmax_backward(A, grad_A):
                s = (grad_A * A).sum(axis=0, keepdims=True)
                return A * (grad_A - s)
            """,
        ),
        (
            "no_keepdims",
            """
            import sympy as sp
            def softmax_backward(A, grad_A):
                s = (grad_A * A).sum(axis=1)
                return A * (grad_A - s)
            """,
        ),
        (
            "negated",
            """
            import sympy as sp
            def softmax_backward(A, grad_A):
                s = (grad_A * A).sum(axis=1, keepdims=True)
                return A * (s - grad_A)
            """,
        ),
        (
            "grad_only",
            """
            import sympy as sp
            def softmax_backward(A, grad_A):
                s = (grad_A * A).sum(axis=1, keepdims=True)
                return grad_A - s
            """,
        ),
        (
            "sum_of_A",
            """
            import sympy as sp
            def softmax_backward(A, grad_A):
                return A * (grad_A - A.sum(axis=1, keepdims=True))
            """,
        ),
        (
            "whole_batch_sum",
            """
            import sympy as sp
            def softmax_backward(A, grad_A):
                return A * (grad_A - np.sum(A * grad_A))
            """,
        ),
        (
            "in_place",
            """
            import sympy as sp
            def softmax_backward(A, grad_A):
                A *= grad_A - (grad_A * A).sum(axis=1, keepdims=True)
                return A
            """,
        ),
        (
            "inner_not_outer",
            """
            import sympy as sp
            def softmax_backward(A, grad_A):
                out = np.zeros_like(A)
                for i in range(A.shape[0]):
                    a = A[i]
                    J = np.diag(a) - a @ a.T
                    out[i] = J @ grad_A[i]
                return out
            """,
        ),
        (
            "grad_A_returned",
            """
            import sympy as sp
            def softmax_backward(A, grad_A):
                return grad_A
            """,
        ),
        (
            None,
            """
            import sympy as sp
            def softmax_backward(A, grad_A):
                return A - grad_A
            """,
        ),
        (
            "mean_not_sum",
            """
            import sympy as sp
            def softmax_backward(A, grad_A):
                s = (grad_A * A).mean(axis=1, keepdims=True)
                return A * (grad_A - s)
            """,
        ),
        (
            None,
            """
            import sympy as sp
            def softmax_backward(A, grad_A):
                delta = np.array(grad_A)
                batch_size, nclasses = delta.shape
                x = delta
                shifted_out = x - np.max(x, axis=1, keepdims=True)
                exp_out = np.exp(shifted_out)
                s = exp_out / np.sum(exp_out, axis=1, keepdims=True)
                out = np.zeros((batch_size, nclasses))
                for id in range(batch_size):
                    for i in range(nclasses):
                        for j in range(nclasses):
                            if i == j:
                                out[id, i] += s[id, i] - s[id, i] * s[id, j]
                            else:
                                out[id, i] += -s[id, i] * s[id, j]
                return out
            """,
        ),
    ],
}

for _name, _sources in _MORE_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_sources)
for _name, _answers in _MORE_WRONG.items():
    WRONG.setdefault(_name, []).extend(_answers)


# More answers in the styles learners write, and real learners' code translated to the signatures
# (cs231n, nnfs, Nielsen, deeplearning.ai, deep-learning-from-scratch) and the slips of their styles.
_REAL_STYLES_CORRECT = {
    "check_sigmoid_derivative_expr": [
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                s = 1 / (1 + sp.exp(-z))
                return s * (1 - s)
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return sp.exp(-z) / (1 + sp.exp(-z)) ** 2
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                sigma = sp.exp(z) / (sp.exp(z) + 1)
                return sp.simplify(sp.diff(sigma, z))
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return sp.diff((1 + sp.exp(-z)) ** -1, z)
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                f = sp.Lambda(z, 1 / (1 + sp.exp(-z)))
                return f(z).diff(z)
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return (sp.tanh(z / 2) / 2 + sp.Rational(1, 2)).diff(z)
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                return 1 / (4 * sp.cosh(z / 2) ** 2)
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                u = 1 + sp.exp(-z)
                du = sp.diff(u, z)
                return -du / u**2
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                expr = 1 / (1 + sp.E ** (-z))
                return sp.diff(expr, z)
            """,
        """
            import sympy as sp
            def sigmoid_derivative_expr(z):
                sig = 1 / (1 + sp.exp(-z))
                dsig = sp.diff(sig, z)
                return sp.factor(dsig)
            """,
    ],
    "check_dloss_dw": [
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return 2 * (a - y) * a * (1 - a) * x
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                z = w * x + b
                C = (1 / (1 + sp.exp(-z)) - y) ** 2
                return C.diff(w)
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                sigma = lambda t: 1 / (1 + sp.exp(-t))
                z = w * x + b
                dC_da = 2 * (sigma(z) - y)
                da_dz = sigma(z) * (1 - sigma(z))
                dz_dw = x
                return dC_da * da_dz * dz_dw
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                z = w * x + b
                return sp.simplify(sp.diff((sp.exp(z) / (1 + sp.exp(z)) - y) ** 2, w))
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                z = sp.Symbol("z")
                sig = 1 / (1 + sp.exp(-z))
                a = sig.subs(z, w * x + b)
                return sp.diff((a - y) ** 2, w)
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                z = x * w + b
                e = sp.exp(-z)
                return 2 * (1 / (1 + e) - y) * e / (1 + e) ** 2 * x
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                C = (y - a) ** 2
                return sp.expand(sp.diff(C, w))
            """,
        """
            import sympy as sp
            def dloss_dw(w, x, b, y):
                a = (sp.tanh((w * x + b) / 2) + 1) / 2
                return sp.diff((a - y) * (a - y), w)
            """,
        """
            import sympy as sp
            def sigmoid(t):
                return 1 / (1 + sp.exp(-t))
            def sigmoid_prime(t):
                return sigmoid(t) * (1 - sigmoid(t))
            def dloss_dw(w, x, b, y):
                z = w * x + b
                return 2 * (sigmoid(z) - y) * sigmoid_prime(z) * x
            """,
    ],
    "check_numerical_derivative": [
        """
            def numerical_derivative(f, x, h=1e-5):
                return (f(x + h) - f(x - h)) / (2 * h)
            """,
        """
            def numerical_derivative(f, x, h=1e-5):
                plus = f(x + h)
                minus = f(x - h)
                return (plus - minus) / h / 2
            """,
        """
            def numerical_derivative(f, x, h=1e-5):
                return 0.5 * (f(x + h) - f(x - h)) / h
            """,
        """
            def numerical_derivative(f, x, h=1e-5):
                x = float(x)
                return (f(x + h) - f(x - h)) / (h + h)
            """,
        """
            import numpy as np
            def numerical_derivative(f, x, h=1e-5):
                values = [f(x + s * h) for s in (1, -1)]
                if np.ndim(values[0]) == 0:
                    return np.diff(values[::-1])[0] / (2 * h)
                return (values[0] - values[1]) / (2 * h)
            """,
        """
            def numerical_derivative(f, x, h=1e-5):
                forward = (f(x + h) - f(x)) / h
                backward = (f(x) - f(x - h)) / h
                return (forward + backward) / 2
            """,
        """
            def numerical_derivative(f, x, h=1e-5):
                total = 0
                for sign in (+1, -1):
                    total += sign * f(x + sign * h)
                return total / (2 * h)
            """,
        """
            import numpy as np
            def numerical_derivative(f, x, h=1e-5):
                return np.divide(f(x + h) - f(x - h), 2.0 * h)
            """,
        """
            def numerical_derivative(f, x, h=1e-5):
                fxph = f(x + h)
                fxmh = f(x - h)
                grad = (fxph - fxmh) / (2 * h)
                return grad
            """,
    ],
    "check_make_numeric": [
        """
            import sympy as sp
            import numpy as np
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "numpy")
                return lambda v: np.broadcast_to(f(v), np.shape(v)).astype(float)
            """,
        """
            import sympy as sp
            import numpy as np
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, modules="numpy")
                def g(values):
                    out = f(values)
                    if np.ndim(out) == 0:
                        return np.full(np.shape(values), out, dtype=float)
                    return np.asarray(out, dtype=float)
                return g
            """,
        """
            import sympy as sp
            import numpy as np
            def make_numeric(expr, z):
                f = sp.lambdify([z], expr, "numpy")
                def g(values):
                    values = np.array(values, dtype=float)
                    return np.ones_like(values) * f(values)
                return g
            """,
        """
            import sympy as sp
            import numpy as np
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr + 0 * z, "numpy")
                def g(values):
                    return f(np.asarray(values, dtype=float)) * np.ones(np.shape(values))
                return g
            """,
        """
            import sympy as sp
            import numpy as np
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "numpy")
                return np.vectorize(lambda t: float(f(t)), otypes=[float])
            """,
        """
            import sympy as sp
            import numpy as np
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "numpy")
                def g(values):
                    arr = np.asarray(values, dtype=float)
                    result = np.empty_like(arr)
                    result[...] = f(arr)
                    return result
                return g
            """,
        """
            import sympy as sp
            import numpy as np
            def make_numeric(expr, z):
                if expr.is_constant():
                    c = float(expr)
                    return lambda v: np.full_like(np.asarray(v, dtype=float), c)
                return sp.lambdify(z, expr, "numpy")
            """,
        """
            import sympy as sp
            import numpy as np
            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "numpy")
                def g(values):
                    values = np.array(values, dtype=float, copy=True)
                    return f(values) + np.zeros(values.shape)
                return g
            """,
        """
            import sympy as sp
            import numpy as np
            import math
            def make_numeric(expr, z):
                def g(values):
                    values = np.asarray(values, dtype=float)
                    out = np.zeros(values.shape)
                    for idx in np.ndindex(values.shape):
                        out[idx] = float(expr.subs(z, values[idx]))
                    return out
                return g
            """,
    ],
    "check_softmax_ce_derivatives": [
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                S = sum(sp.exp(v) for v in z)
                C = -sum(y[k] * sp.log(sp.exp(z[k]) / S) for k in range(3))
                return [sp.diff(C, v) for v in z]
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                S = sp.exp(z[0]) + sp.exp(z[1]) + sp.exp(z[2])
                p = [sp.exp(v) / S for v in z]
                return [p[k] * (y[0] + y[1] + y[2]) - y[k] for k in range(3)]
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                lse = sp.log(sum(sp.exp(v) for v in z))
                C = -sum(yk * (zk - lse) for yk, zk in zip(y, z))
                return [C.diff(v) for v in z]
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                S = sum(map(sp.exp, z))
                p = [sp.exp(v) / S for v in z]
                grads = []
                for k in range(3):
                    g = 0
                    for j in range(3):
                        dpj = sp.diff(p[j], z[k])
                        g += -y[j] / p[j] * dpj
                    grads.append(sp.simplify(g))
                return grads
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                Z = sp.Matrix(z)
                p = Z.applyfunc(sp.exp) / sum(sp.exp(v) for v in z)
                C = -sum(y[i] * sp.log(p[i]) for i in range(3))
                return list(sp.Matrix([C]).jacobian(Z))
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                denom = sum(sp.exp(v) for v in z)
                C = 0
                for k in range(3):
                    C = C - y[k] * sp.log(sp.exp(z[k]) / denom)
                return [sp.simplify(sp.diff(C, z[k])) for k in range(3)]
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                m = z[0]
                S = sum(sp.exp(v - m) for v in z)
                p = [sp.exp(v - m) / S for v in z]
                C = -sum(yk * sp.log(pk) for yk, pk in zip(y, p))
                return [sp.diff(C, v) for v in z]
            """,
        """
            import sympy as sp
            def softmax_ce_derivatives(z, y):
                S = sum(sp.exp(v) for v in z)
                ysum = sum(y)
                return [sp.exp(z[k]) / S * ysum - y[k] for k in range(3)]
            """,
    ],
    "check_softmax_backward": [
        """
            import numpy as np
            def softmax_backward(A, grad_A):
                out = np.empty_like(grad_A)
                for i, (a, g) in enumerate(zip(A, grad_A)):
                    a = a.reshape(-1, 1)
                    J = np.diagflat(a) - np.dot(a, a.T)
                    out[i] = np.dot(J, g)
                return out
            """,
        """
            import numpy as np
            def softmax_backward(A, grad_A):
                return A * (grad_A - np.sum(A * grad_A, axis=1, keepdims=True))
            """,
        """
            import numpy as np
            def softmax_backward(A, grad_A):
                s = np.einsum("ij,ij->i", A, grad_A)[:, None]
                return A * grad_A - A * s
            """,
        """
            import numpy as np
            def softmax_backward(A, grad_A):
                n, K = A.shape
                J = A[:, :, None] * (np.eye(K)[None] - A[:, None, :])
                return np.einsum("nj,njk->nk", grad_A, J)
            """,
        """
            import numpy as np
            def softmax_backward(A, grad_A):
                n, K = A.shape
                dZ = np.zeros((n, K))
                for r in range(n):
                    for k in range(K):
                        for j in range(K):
                            delta = 1.0 if j == k else 0.0
                            dZ[r, k] += grad_A[r, j] * A[r, j] * (delta - A[r, k])
                return dZ
            """,
        """
            import numpy as np
            def softmax_backward(A, grad_A):
                rows = []
                for a, g in zip(A, grad_A):
                    J = np.diag(a) - np.outer(a, a)
                    rows.append(g @ J)
                return np.array(rows)
            """,
        """
            import numpy as np
            def softmax_backward(A, grad_A):
                J = np.stack([np.diag(a) - np.outer(a, a) for a in A])
                return np.matmul(J, grad_A[:, :, None])[:, :, 0]
            """,
        """
            import numpy as np
            def softmax_backward(A, grad_A):
                dZ = A.copy()
                dZ *= grad_A - (A * grad_A).sum(axis=-1, keepdims=True)
                return dZ
            """,
        """
            import numpy as np
            def softmax_backward(A, grad_A):
                weighted = (grad_A * A) @ np.ones((A.shape[1], 1))
                return A * (grad_A - weighted)
            """,
        """
            import numpy as np
            def softmax_backward(A, grad_A):
                dinputs = np.empty_like(grad_A)
                for index, (single_output, single_dvalues) in enumerate(zip(A, grad_A)):
                    single_output = single_output.reshape(-1, 1)
                    jacobian_matrix = np.diagflat(single_output) - np.dot(single_output, single_output.T)
                    dinputs[index] = np.dot(jacobian_matrix, single_dvalues)
                return dinputs
            """,
    ],
}
_REAL_STYLES_WRONG = {
    "check_sigmoid_derivative_expr": [
        (
            "sigmoid_itself",
            """
                import sympy as sp
                def sigmoid_derivative_expr(z):
                    return 1 / (1 + sp.exp(-z))
                """,
        ),
        (
            "one_plus_sigma",
            """
                import sympy as sp
                def sigmoid_derivative_expr(z):
                    s = 1 / (1 + sp.exp(-z))
                    return s * (1 + s)
                """,
        ),
        (
            "sign_in_exponent",
            """
                import sympy as sp
                def sigmoid_derivative_expr(z):
                    return sp.diff(1 / (1 + sp.exp(z)), z)
                """,
        ),
        (
            "inner_factor",
            """
                import sympy as sp
                def sigmoid_derivative_expr(z):
                    return -sp.exp(-z) / (1 + sp.exp(-z)) ** 2
                """,
        ),
        (
            "no_square",
            """
                import sympy as sp
                def sigmoid_derivative_expr(z):
                    return sp.exp(-z) / (1 + sp.exp(-z))
                """,
        ),
        (
            "no_square",
            """
                import sympy as sp
                def sigmoid_derivative_expr(z):
                    s = 1 / (1 + sp.exp(-z))
                    return 1 - s
                """,
        ),
        (
            None,
            """
                import sympy as sp
                def sigmoid_derivative_expr(z):
                    s = 1 / (1 + sp.exp(-z))
                    return s * (1 - s) * z
                """,
        ),
        (
            "z_as_sigma",
            """
                import sympy as sp
                def sigmoid_derivative_expr(z):
                    return z * (1 - z)
                """,
        ),
        (
            "tanh_not_sigmoid",
            """
                import sympy as sp
                def sigmoid_derivative_expr(z):
                    return 1 - sp.tanh(z) ** 2
                """,
        ),
        (
            None,
            """
                import sympy as sp
                def sigmoid_derivative_expr(z):
                    return sp.exp(z) / (1 + sp.exp(-z)) ** 2
                """,
        ),
        (
            None,
            """
                import sympy as sp
                def sigmoid_derivative_expr(z):
                    return sp.exp(-z) / (1 + sp.exp(-z) ** 2)
                """,
        ),
    ],
    "check_dloss_dw": [
        (
            "no_x",
            """
                import sympy as sp
                def dloss_dw(w, x, b, y):
                    a = 1 / (1 + sp.exp(-(w * x + b)))
                    return 2 * (a - y) * a * (1 - a)
                """,
        ),
        (
            "no_two",
            """
                import sympy as sp
                def dloss_dw(w, x, b, y):
                    a = 1 / (1 + sp.exp(-(w * x + b)))
                    return (a - y) * a * (1 - a) * x
                """,
        ),
        (
            "negated",
            """
                import sympy as sp
                def dloss_dw(w, x, b, y):
                    a = 1 / (1 + sp.exp(-(w * x + b)))
                    return 2 * (y - a) * a * (1 - a) * x
                """,
        ),
        (
            "no_x",
            """
                import sympy as sp
                def dloss_dw(w, x, b, y):
                    a = 1 / (1 + sp.exp(-(w * x + b)))
                    return sp.diff((a - y) ** 2, b)
                """,
        ),
        (
            "wrt_x",
            """
                import sympy as sp
                def dloss_dw(w, x, b, y):
                    a = 1 / (1 + sp.exp(-(w * x + b)))
                    return sp.diff((a - y) ** 2, x)
                """,
        ),
        (
            "no_sigmoid_derivative",
            """
                import sympy as sp
                def dloss_dw(w, x, b, y):
                    a = 1 / (1 + sp.exp(-(w * x + b)))
                    return 2 * (a - y) * x
                """,
        ),
        (
            None,
            """
                import sympy as sp
                def dloss_dw(w, x, b, y):
                    z = w * x + b
                    a = 1 / (1 + sp.exp(-z))
                    return 2 * (a - y) * z * (1 - z) * x
                """,
        ),
        (
            "no_two",
            """
                import sympy as sp
                def dloss_dw(w, x, b, y):
                    a = 1 / (1 + sp.exp(-(w * x + b)))
                    return sp.diff((a - y) ** 2 / 2, w)
                """,
        ),
        (
            "bracket_in_exponent",
            """
                import sympy as sp
                def dloss_dw(w, x, b, y):
                    a = 1 / (1 + sp.exp(-w * x + b))
                    return sp.diff((a - y) ** 2, w)
                """,
        ),
        (
            "returns_loss",
            """
                import sympy as sp
                def dloss_dw(w, x, b, y):
                    a = 1 / (1 + sp.exp(-(w * x + b)))
                    return (a - y) ** 2
                """,
        ),
        (
            "wrt_x",
            """
                import sympy as sp
                def dloss_dw(w, x, b, y):
                    a = 1 / (1 + sp.exp(-(w * x + b)))
                    return 2 * (a - y) * a * (1 - a) * w
                """,
        ),
    ],
    "check_numerical_derivative": [
        (
            "forward",
            """
                def numerical_derivative(f, x, h=1e-5):
                    return (f(x + h) - f(x)) / h
                """,
        ),
        (
            "over_h",
            """
                def numerical_derivative(f, x, h=1e-5):
                    return (f(x + h) - f(x - h)) / h
                """,
        ),
        (
            "times_h",
            """
                def numerical_derivative(f, x, h=1e-5):
                    return (f(x + h) - f(x - h)) / 2 * h
                """,
        ),
        (
            "ignores_h",
            """
                def numerical_derivative(f, x, h=1e-5):
                    h = 1e-5
                    return (f(x + h) - f(x - h)) / (2 * h)
                """,
        ),
        (
            "negated",
            """
                def numerical_derivative(f, x, h=1e-5):
                    return (f(x - h) - f(x + h)) / (2 * h)
                """,
        ),
        (
            "backward",
            """
                def numerical_derivative(f, x, h=1e-5):
                    return (f(x) - f(x - h)) / h
                """,
        ),
        (
            None,
            """
                def numerical_derivative(f, x, h=1e-5):
                    return (f(x + h) - f(x - h)) / (2 * 1e-5)
                """,
        ),
        (
            "precedence",
            """
                def numerical_derivative(f, x, h=1e-5):
                    return f(x + h) - f(x - h) / (2 * h)
                """,
        ),
        (
            "step_2h",
            """
                def numerical_derivative(f, x, h=1e-5):
                    return (f(x + 2 * h) - f(x - 2 * h)) / (2 * h)
                """,
        ),
        (
            None,
            """
                def numerical_derivative(f, x, h=1e-5):
                    return (f(x + h) + f(x - h)) / (2 * h)
                """,
        ),
        (
            None,
            """
                def numerical_derivative(f, x, h=1e-5):
                    return (f(x + h / 2) - f(x - h / 2)) / (2 * h)
                """,
        ),
    ],
    "check_make_numeric": [
        (
            "constant_not_spread",
            """
                import sympy as sp
                def make_numeric(expr, z):
                    return sp.lambdify(z, expr, "numpy")
                """,
        ),
        (
            "constant_not_spread",
            """
                import sympy as sp
                import numpy as np
                def make_numeric(expr, z):
                    f = sp.lambdify(z, expr, "numpy")
                    return lambda v: np.array(f(v))
                """,
        ),
        (
            "flattened",
            """
                import sympy as sp
                import numpy as np
                def make_numeric(expr, z):
                    def g(values):
                        return np.array([float(expr.subs(z, v)) for v in np.ravel(values)])
                    return g
                """,
        ),
        (
            "in_place",
            """
                import sympy as sp
                import numpy as np
                def make_numeric(expr, z):
                    f = sp.lambdify(z, expr, "numpy")
                    def g(values):
                        values += 0
                        values[...] = f(values)
                        return values
                    return g
                """,
        ),
        (
            "length_not_shape",
            """
                import sympy as sp
                import numpy as np
                def make_numeric(expr, z):
                    f = sp.lambdify(z, expr, "numpy")
                    return lambda v: f(v) * np.ones(len(v))
                """,
        ),
        (
            "differentiated",
            """
                import sympy as sp
                import numpy as np
                def make_numeric(expr, z):
                    f = sp.lambdify(z, sp.diff(expr, z), "numpy")
                    return lambda v: f(v) + np.zeros_like(v, dtype=float)
                """,
        ),
        (
            None,
            """
                import sympy as sp
                import numpy as np
                def make_numeric(expr, z):
                    f = sp.lambdify(z, expr, "numpy")
                    return lambda v: np.full(np.shape(v), f(v).mean() if np.ndim(f(v)) else f(v))
                """,
        ),
        (
            None,
            """
                import sympy as sp
                import numpy as np
                def make_numeric(expr, z):
                    f = sp.lambdify(z, expr, "numpy")
                    return lambda v: f(np.asarray(v, dtype=float)).ravel() + np.zeros(np.size(v))
                """,
        ),
        (
            None,
            """
                import sympy as sp
                import numpy as np
                def make_numeric(expr, z):
                    f = sp.lambdify(z, expr, "math")
                    return lambda v: f(v) + np.zeros_like(v, dtype=float)
                """,
        ),
        (
            "in_place",
            """
                import sympy as sp
                import numpy as np
                def make_numeric(expr, z):
                    f = sp.lambdify(z, expr, "numpy")
                    def g(values):
                        values.sort()
                        return f(values) + np.zeros_like(values)
                    return g
                """,
        ),
    ],
    "check_softmax_ce_derivatives": [
        (
            "assumed_shortcut",
            """
                import sympy as sp
                def softmax_ce_derivatives(z, y):
                    S = sum(sp.exp(v) for v in z)
                    return [sp.exp(z[k]) / S - y[k] for k in range(3)]
                """,
        ),
        (
            "own_probability_only",
            """
                import sympy as sp
                def softmax_ce_derivatives(z, y):
                    S = sum(sp.exp(v) for v in z)
                    p = [sp.exp(v) / S for v in z]
                    return [-y[k] / p[k] * sp.diff(p[k], z[k]) for k in range(3)]
                """,
        ),
        (
            "wrt_y",
            """
                import sympy as sp
                def softmax_ce_derivatives(z, y):
                    S = sum(sp.exp(v) for v in z)
                    C = -sum(y[k] * sp.log(sp.exp(z[k]) / S) for k in range(3))
                    return [sp.diff(C, y[k]) for k in range(3)]
                """,
        ),
        (
            "no_minus",
            """
                import sympy as sp
                def softmax_ce_derivatives(z, y):
                    S = sum(sp.exp(v) for v in z)
                    C = sum(y[k] * sp.log(sp.exp(z[k]) / S) for k in range(3))
                    return [sp.diff(C, v) for v in z]
                """,
        ),
        (
            None,
            """
                import sympy as sp
                def softmax_ce_derivatives(z, y):
                    S = sum(sp.exp(v) for v in z)
                    return [y[k] - sp.exp(z[k]) / S for k in range(3)]
                """,
        ),
        (
            "unnormalised",
            """
                import sympy as sp
                def softmax_ce_derivatives(z, y):
                    p = [sp.exp(v) for v in z]
                    C = -sum(y[k] * sp.log(p[k]) for k in range(3))
                    return [sp.diff(C, v) for v in z]
                """,
        ),
        (
            "binary_cross_entropy",
            """
                import sympy as sp
                def softmax_ce_derivatives(z, y):
                    S = sum(sp.exp(v) for v in z)
                    p = [sp.exp(v) / S for v in z]
                    C = -sum(y[k] * sp.log(p[k]) + (1 - y[k]) * sp.log(1 - p[k]) for k in range(3))
                    return [sp.diff(C, v) for v in z]
                """,
        ),
        (
            None,
            """
                import sympy as sp
                def softmax_ce_derivatives(z, y):
                    S = sum(sp.exp(v) for v in z)
                    p = [sp.exp(v) / S for v in z]
                    return [p[k] * (1 - p[k]) * (p[k] - y[k]) for k in range(3)]
                """,
        ),
        (
            "mean_over_classes",
            """
                import sympy as sp
                def softmax_ce_derivatives(z, y):
                    S = sum(sp.exp(v) for v in z)
                    p = [sp.exp(v) / S for v in z]
                    C = -sum(y[k] * sp.log(p[k]) for k in range(3)) / 3
                    return [sp.diff(C, v) for v in z]
                """,
        ),
        (
            None,
            """
                import sympy as sp
                def softmax_ce_derivatives(z, y):
                    S = sum(sp.exp(v) for v in z)
                    p = [sp.exp(v) / S for v in z]
                    C = -sum(y[k] * sp.log(p[k]) for k in range(2))
                    return [sp.diff(C, v) for v in z]
                """,
        ),
        (
            None,
            """
                import sympy as sp
                def softmax_ce_derivatives(z, y):
                    S = sum(sp.exp(v) for v in z)
                    p = [sp.exp(v) / S for v in z]
                    C = -sum(sp.log(p[k]) * y[k] for k in range(3))
                    return [sp.diff(C, z[0])] * 3
                """,
        ),
        (
            None,
            """
                import sympy as sp
                def softmax_ce_derivatives(z, y):
                    S = sum(sp.exp(v) for v in z)
                    p = [sp.exp(v) / S for v in z]
                    C = sum((p[k] - y[k]) ** 2 for k in range(3))
                    return [sp.diff(C, v) for v in z]
                """,
        ),
    ],
    "check_softmax_backward": [
        (
            "diagonal_only",
            """
                import numpy as np
                def softmax_backward(A, grad_A):
                    return grad_A * A * (1 - A)
                """,
        ),
        (
            "wrong_axis",
            """
                import numpy as np
                def softmax_backward(A, grad_A):
                    return A * (grad_A - np.sum(A * grad_A, axis=0, keepdims=True))
                """,
        ),
        (
            "whole_batch_sum",
            """
                import numpy as np
                def softmax_backward(A, grad_A):
                    return A * (grad_A - np.sum(A * grad_A))
                """,
        ),
        (
            "unweighted_sum",
            """
                import numpy as np
                def softmax_backward(A, grad_A):
                    return A * (grad_A - np.sum(grad_A, axis=1, keepdims=True))
                """,
        ),
        (
            "sum_not_times_a",
            """
                import numpy as np
                def softmax_backward(A, grad_A):
                    return A * grad_A - np.sum(A * grad_A, axis=1, keepdims=True)
                """,
        ),
        (
            None,
            """
                import numpy as np
                def softmax_backward(A, grad_A):
                    out = np.empty_like(grad_A)
                    for i, (a, g) in enumerate(zip(A, grad_A)):
                        J = np.diag(a) - np.outer(a, a)
                        out[i] = J @ g
                    return out.mean(axis=0) * np.ones_like(A)
                """,
        ),
        (
            "mean_not_sum",
            """
                import numpy as np
                def softmax_backward(A, grad_A):
                    return A * (grad_A - (A * grad_A).mean(axis=1, keepdims=True))
                """,
        ),
        (
            "no_keepdims",
            """
                import numpy as np
                def softmax_backward(A, grad_A):
                    s = (A * grad_A).sum(axis=1)
                    return A * (grad_A - s)
                """,
        ),
        (
            "in_place",
            """
                import numpy as np
                def softmax_backward(A, grad_A):
                    grad_A -= (A * grad_A).sum(axis=1, keepdims=True)
                    grad_A *= A
                    return grad_A
                """,
        ),
        (
            None,
            """
                import numpy as np
                def softmax_backward(A, grad_A):
                    out = np.empty_like(grad_A)
                    for i, (a, g) in enumerate(zip(A, grad_A)):
                        J = np.diag(a) - np.outer(a, a)
                        out[i] = J @ g
                    return out / A.shape[0]
                """,
        ),
        (
            "first_row_jacobian",
            """
                import numpy as np
                def softmax_backward(A, grad_A):
                    J = np.diag(A[0]) - np.outer(A[0], A[0])
                    return grad_A @ J
                """,
        ),
        (
            None,
            """
                import numpy as np
                def softmax_backward(A, grad_A):
                    return A - grad_A
                """,
        ),
    ],
}
for _name, _sources in _REAL_STYLES_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_sources)
for _name, _answers in _REAL_STYLES_WRONG.items():
    WRONG.setdefault(_name, []).extend(_answers)

# A later round of blind answers, written from the student notebooks only (each wrong one says its mistake).
_ROUND4_CORRECT = {
    "check_sigmoid_derivative_expr": [
        (
            "import sympy as sp\n"
            "\n"
            "def sigmoid_derivative_expr(z):\n"
            '    """d sigmoid / dz as a SymPy expression in the SymPy symbol z."""\n'
            "    sigma = 1 / (1 + sp.exp(-z))\n"
            "    return sp.diff(sigma, z)\n"
        ),
        """
            import sympy as sp

            def sigmoid_derivative_expr(z):
                s = 1 / (1 + sp.exp(-z))
                return s * (1 - s)
        """,
        """
            import sympy as sp

            def sigmoid_derivative_expr(z):
                # quotient rule by hand: d/dz (1 + e^-z)^-1 = e^-z / (1 + e^-z)^2
                return sp.exp(-z) / (1 + sp.exp(-z)) ** 2
        """,
        """
            import sympy as sp

            def sigmoid_derivative_expr(z):
                sigmoid = sp.exp(z) / (sp.exp(z) + 1)   # the same function, written with e^z
                derivative = sp.diff(sigmoid, z)
                return sp.simplify(derivative)
        """,
        """
            import sympy as sp

            def sigmoid_derivative_expr(z):
                u = 1 + sp.exp(-z)
                sigma = u ** -1
                # chain rule: d(u^-1)/du * du/dz
                return -u ** -2 * sp.diff(u, z)
        """,
    ],
    "check_dloss_dw": [
        (
            "import sympy as sp\n"
            "\n"
            "def dloss_dw(w, x, b, y):\n"
            '    """dC/dw for C = (sigmoid(w x + b) - y)**2."""\n'
            "    z = w * x + b\n"
            "    a = 1 / (1 + sp.exp(-z))\n"
            "    C = (a - y) ** 2\n"
            "    return sp.diff(C, w)\n"
        ),
        """
            import sympy as sp

            def dloss_dw(w, x, b, y):
                s = 1 / (1 + sp.exp(-(w * x + b)))
                return 2 * (s - y) * s * (1 - s) * x
        """,
        """
            import sympy as sp

            def sigmoid_derivative_expr(z):
                sigma = 1 / (1 + sp.exp(-z))
                return sp.diff(sigma, z)

            def dloss_dw(w, x, b, y):
                z = sp.Symbol("z", real=True)
                sigma = 1 / (1 + sp.exp(-z))
                zz = w * x + b
                dC_da = 2 * (sigma.subs(z, zz) - y)
                da_dz = sigmoid_derivative_expr(z).subs(z, zz)
                dz_dw = sp.diff(zz, w)
                return dC_da * da_dz * dz_dw
        """,
        """
            import sympy as sp

            def dloss_dw(w, x, b, y):
                z = w * x + b
                a = 1 / (1 + sp.exp(-z))
                # dC/da * da/dz * dz/dw, with da/dz written as e^-z / (1 + e^-z)^2
                return 2 * (a - y) * sp.exp(-z) / (1 + sp.exp(-z)) ** 2 * x
        """,
        """
            import sympy as sp

            def dloss_dw(w, x, b, y):
                C = (1 / (1 + sp.exp(-w * x - b)) - y) ** 2
                return sp.simplify(sp.diff(C, w))
        """,
    ],
    "check_numerical_derivative": [
        (
            "def numerical_derivative(f, x, h=1e-5):\n"
            '    """The central difference (f(x + h) - f(x - h)) / (2 h): the slope of f at x."""\n'
            "    return (f(x + h) - f(x - h)) / (2 * h)\n"
        ),
        """
            def numerical_derivative(f, x, h=1e-5):
                right = f(x + h)
                left = f(x - h)
                difference = right - left
                step = 2 * h
                slope = difference / step
                return slope
        """,
        """
            def numerical_derivative(f, x, h=1e-5):
                return (f(x + h) - f(x - h)) / h / 2
        """,
        """
            def numerical_derivative(f, x, h=1e-5):
                if h <= 0:
                    raise ValueError("h must be positive")
                return float((f(x + h) - f(x - h)) / (2.0 * h))
        """,
        """
            def numerical_derivative(f, x, h=1e-5):
                plus, minus = (f(x + s) for s in (h, -h))
                return 0.5 * (plus - minus) / h
        """,
    ],
    "check_make_numeric": [
        (
            "import sympy as sp\n"
            "\n"
            "def make_numeric(expr, z):\n"
            '    """A numpy function: an array of z values in, the values of expr in an array of the sa'
            'me shape out."""\n'
            '    f = sp.lambdify(z, expr, "numpy")\n'
            "    def numeric(values):\n"
            "        values = np.asarray(values, dtype=float)\n"
            "        return f(values) + np.zeros_like(values)   # spreads a constant over the array\n"
            "    return numeric\n"
        ),
        """
            import sympy as sp

            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, modules="numpy")
                def numeric(values):
                    result = f(values)
                    return np.ones_like(values, dtype=float) * result
                return numeric
        """,
        """
            import sympy as sp

            def make_numeric(expr, z):
                f = sp.lambdify([z], expr, "numpy")
                def numeric(values):
                    values = np.asarray(values, dtype=float)
                    result = np.asarray(f(values), dtype=float)
                    if result.shape != values.shape:
                        result = np.broadcast_to(result, values.shape).copy()
                    return result
                return numeric
        """,
        """
            import sympy as sp

            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "numpy")
                return lambda values: np.full(np.shape(values), f(values), dtype=float)
        """,
        """
            import sympy as sp

            def make_numeric(expr, z):
                # slow but simple: substitute every value one at a time
                def one_value(v):
                    return float(expr.subs(z, v).evalf())
                vectorized = np.vectorize(one_value, otypes=[float])
                def numeric(values):
                    return vectorized(np.asarray(values, dtype=float))
                return numeric
        """,
    ],
    "check_softmax_ce_derivatives": [
        (
            "import sympy as sp\n"
            "\n"
            "def softmax_ce_derivatives(z, y):\n"
            '    """[dC/dz1, dC/dz2, dC/dz3] for C = -sum_k y_k log softmax(z)_k."""\n'
            "    total = sum(sp.exp(zj) for zj in z)\n"
            "    p = [sp.exp(zk) / total for zk in z]\n"
            "    C = -sum(yk * sp.log(pk) for yk, pk in zip(y, p))\n"
            "    return [sp.diff(C, zk) for zk in z]\n"
        ),
        """
            import sympy as sp

            def softmax_ce_derivatives(z, y):
                # log p_k = z_k - log(sum_j e^z_j)
                log_total = sp.log(sp.exp(z[0]) + sp.exp(z[1]) + sp.exp(z[2]))
                C = -(y[0] * (z[0] - log_total) + y[1] * (z[1] - log_total) + y[2] * (z[2] - log_total))
                return [sp.diff(C, z[0]), sp.diff(C, z[1]), sp.diff(C, z[2])]
        """,
        """
            import sympy as sp

            def softmax_ce_derivatives(z, y):
                # worked out on paper: dC/dz_k = sum_j -y_j/p_j * p_j (1[j=k] - p_k) = p_k * (y1 + y2 + y3) - y_k
                total = sp.exp(z[0]) + sp.exp(z[1]) + sp.exp(z[2])
                p = [sp.exp(zk) / total for zk in z]
                y_sum = y[0] + y[1] + y[2]
                return [p[k] * y_sum - y[k] for k in range(3)]
        """,
        """
            import sympy as sp

            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                p = [sp.exp(zj) / total for zj in z]
                derivatives = []
                for k in range(3):
                    dC_dzk = 0
                    for j in range(3):
                        dC_dpj = -y[j] / p[j]
                        dpj_dzk = sp.diff(p[j], z[k])       # every p_j depends on every z_k
                        dC_dzk += dC_dpj * dpj_dzk
                    derivatives.append(sp.simplify(dC_dzk))
                return derivatives
        """,
        """
            import sympy as sp

            def softmax_ce_derivatives(z, y):
                Z = sp.Matrix(z)
                Y = sp.Matrix(y)
                exps = Z.applyfunc(sp.exp)
                P = exps / sum(exps)
                C = -sum(Y[k] * sp.log(P[k]) for k in range(3))
                gradient = [C.diff(zk) for zk in Z]
                return [sp.simplify(g) for g in gradient]
        """,
    ],
    "check_softmax_backward": [
        (
            "def softmax_backward(A, grad_A):\n"
            '    """dC/dZ for A = softmax(Z) row by row, from grad_A = dC/dA."""\n'
            "    return A * (grad_A - np.sum(grad_A * A, axis=1, keepdims=True))\n"
        ),
        """
            def softmax_backward(A, grad_A):
                n, K = A.shape
                grad_Z = np.zeros((n, K))
                for i in range(n):
                    a = A[i]
                    jacobian = np.diag(a) - np.outer(a, a)   # da_j/dz_k = a_j (1[j=k] - a_k)
                    grad_Z[i] = jacobian.T @ grad_A[i]
                return grad_Z
        """,
        """
            def softmax_backward(A, grad_A):
                n, K = A.shape
                # J[i, j, k] = a_ij (1[j=k] - a_ik)
                J = A[:, :, None] * (np.eye(K)[None, :, :] - A[:, None, :])
                return np.einsum("ij,ijk->ik", grad_A, J)
        """,
        """
            def softmax_backward(A, grad_A):
                n, K = A.shape
                grad_Z = np.zeros_like(A, dtype=float)
                for i in range(n):
                    for k in range(K):
                        total = 0.0
                        for j in range(K):
                            indicator = 1.0 if j == k else 0.0
                            total += grad_A[i, j] * A[i, j] * (indicator - A[i, k])
                        grad_Z[i, k] = total
                return grad_Z
        """,
        """
            def softmax_backward(A, grad_A):
                A = np.asarray(A, dtype=float)
                grad_A = np.asarray(grad_A, dtype=float)
                weighted = (grad_A * A).sum(axis=1)[:, np.newaxis]   # sum_j g_j a_j per row, (n, 1)
                return A * grad_A - A * weighted
        """,
    ],
}
_ROUND4_WRONG = {
    "check_sigmoid_derivative_expr": [
        # Returns the sigmoid itself instead of its derivative (forgot sp.diff).
        (
            "sigmoid_itself",
            """
            import sympy as sp

            def sigmoid_derivative_expr(z):
                sigma = 1 / (1 + sp.exp(-z))
                return sigma
        """,
        ),
        # Sign error in the exponent: differentiates 1/(1+e^z), i.e. sigma(-z), whose derivative has the opposite
        # sign.
        (
            "sign_in_exponent",
            """
            import sympy as sp

            def sigmoid_derivative_expr(z):
                return sp.diff(1 / (1 + sp.exp(z)), z)
        """,
        ),
        # Uses np.exp on a SymPy symbol, which raises a TypeError instead of building an expression.
        (
            "numpy_exp",
            """
            import sympy as sp

            def sigmoid_derivative_expr(z):
                sigma = 1 / (1 + np.exp(-z))
                return sp.diff(sigma, z)
        """,
        ),
        # Forgets the square in the denominator of the quotient rule: e^-z / (1 + e^-z).
        (
            "no_square",
            """
            import sympy as sp

            def sigmoid_derivative_expr(z):
                return sp.exp(-z) / (1 + sp.exp(-z))
        """,
        ),
        # Writes sigma * (1 + sigma) instead of sigma * (1 - sigma).
        (
            "one_plus_sigma",
            """
            import sympy as sp

            def sigmoid_derivative_expr(z):
                s = 1 / (1 + sp.exp(-z))
                return s * (1 + s)
        """,
        ),
        # Differentiates with respect to a freshly created symbol x instead of the given z, so the result is 0.
        (
            None,
            """
            import sympy as sp

            def sigmoid_derivative_expr(z):
                x = sp.Symbol("x")
                sigma = 1 / (1 + sp.exp(-z))
                return sp.diff(sigma, x)
        """,
        ),
        # Prints the derivative instead of returning it (the function returns None).
        (
            None,
            """
            import sympy as sp

            def sigmoid_derivative_expr(z):
                sigma = 1 / (1 + sp.exp(-z))
                print(sp.diff(sigma, z))
        """,
        ),
    ],
    "check_dloss_dw": [
        # Drops the last chain-rule factor dz/dw = x.
        (
            "no_x",
            """
            import sympy as sp

            def dloss_dw(w, x, b, y):
                s = 1 / (1 + sp.exp(-(w * x + b)))
                return 2 * (s - y) * s * (1 - s)
        """,
        ),
        # Forgets the factor 2 from differentiating the square.
        (
            "no_two",
            """
            import sympy as sp

            def dloss_dw(w, x, b, y):
                s = 1 / (1 + sp.exp(-(w * x + b)))
                return (s - y) * s * (1 - s) * x
        """,
        ),
        # Wrong sign: writes 2 (y - a) instead of 2 (a - y).
        (
            "negated",
            """
            import sympy as sp

            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return 2 * (y - a) * a * (1 - a) * x
        """,
        ),
        # Differentiates with respect to x instead of w (gives a factor w instead of x).
        (
            "wrt_x",
            """
            import sympy as sp

            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                C = (a - y) ** 2
                return sp.diff(C, x)
        """,
        ),
        # Leaves the bias out of the weighted sum: z = w x.
        (
            "no_bias",
            """
            import sympy as sp

            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-w * x))
                return sp.diff((a - y) ** 2, w)
        """,
        ),
        # Skips the sigmoid's slope in the chain rule: returns 2 (a - y) x.
        (
            "no_sigmoid_derivative",
            """
            import sympy as sp

            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return 2 * (a - y) * x
        """,
        ),
        # Returns dC/da only, stopping the chain rule after its first factor.
        (
            None,
            """
            import sympy as sp

            def dloss_dw(w, x, b, y):
                a = 1 / (1 + sp.exp(-(w * x + b)))
                return 2 * (a - y)
        """,
        ),
        # Sign error inside the sigmoid, 1/(1 + e^(w x + b)), so the whole derivative is that of the wrong neuron.
        (
            "sign_in_exponent",
            """
            import sympy as sp

            def dloss_dw(w, x, b, y):
                z = w * x + b
                a = 1 / (1 + sp.exp(z))
                return sp.diff((a - y) ** 2, w)
        """,
        ),
    ],
    "check_numerical_derivative": [
        # Uses the one-sided forward difference (f(x+h) - f(x))/h instead of the central difference.
        (
            "forward",
            """
            def numerical_derivative(f, x, h=1e-5):
                return (f(x + h) - f(x)) / h
        """,
        ),
        # Divides by h instead of 2h, so the slope comes out twice too large.
        (
            "over_h",
            """
            def numerical_derivative(f, x, h=1e-5):
                return (f(x + h) - f(x - h)) / h
        """,
        ),
        # Operator precedence: /2*h multiplies by h instead of dividing by it.
        (
            "times_h",
            """
            def numerical_derivative(f, x, h=1e-5):
                return (f(x + h) - f(x - h)) / 2 * h
        """,
        ),
        # Ignores the h argument and always uses a hard-coded step of 1e-5.
        (
            "ignores_h",
            """
            def numerical_derivative(f, x, h=1e-5):
                step = 1e-5
                return (f(x + step) - f(x - step)) / (2 * step)
        """,
        ),
        # Subtracts in the wrong order, f(x-h) - f(x+h), which flips the sign of the slope.
        (
            "negated",
            """
            def numerical_derivative(f, x, h=1e-5):
                return (f(x - h) - f(x + h)) / (2 * h)
        """,
        ),
        # Missing parentheses: only f(x - h) is divided by 2h.
        (
            "precedence",
            """
            def numerical_derivative(f, x, h=1e-5):
                return f(x + h) - f(x - h) / (2 * h)
        """,
        ),
        # Prints the estimate instead of returning it.
        (
            None,
            """
            def numerical_derivative(f, x, h=1e-5):
                print((f(x + h) - f(x - h)) / (2 * h))
        """,
        ),
    ],
    "check_make_numeric": [
        # Returns the plain lambdify function, so a constant derivative comes back as the number 3, not an array.
        (
            "constant_not_spread",
            """
            import sympy as sp

            def make_numeric(expr, z):
                return sp.lambdify(z, expr, "numpy")
        """,
        ),
        # Uses the 'math' module in lambdify, which cannot work on numpy arrays.
        (
            None,
            """
            import sympy as sp

            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "math")
                def numeric(values):
                    return f(values) + 0 * values
                return numeric
        """,
        ),
        # Writes the result into the caller's array (out = values; out[...] = ...), changing the input.
        (
            "in_place",
            """
            import sympy as sp

            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "numpy")
                def numeric(values):
                    out = values
                    out[...] = f(values)
                    return out
                return numeric
        """,
        ),
        # Spreads a constant with np.ones(len(values)), which has the wrong shape for a 2-D input.
        (
            None,
            """
            import sympy as sp

            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "numpy")
                def numeric(values):
                    return np.ones(len(values)) * f(values)
                return numeric
        """,
        ),
        # Swaps lambdify's arguments (expression first, symbol second).
        (
            "swapped_arguments",
            """
            import sympy as sp

            def make_numeric(expr, z):
                f = sp.lambdify(expr, z, "numpy")
                def numeric(values):
                    return f(values) + np.zeros_like(values)
                return numeric
        """,
        ),
        # Differentiates the expression again inside make_numeric, turning f into f'.
        (
            "differentiated",
            """
            import sympy as sp

            def make_numeric(expr, z):
                f = sp.lambdify(z, sp.diff(expr, z), "numpy")
                def numeric(values):
                    return f(values) + np.zeros_like(values)
                return numeric
        """,
        ),
        # Wraps the result in an extra list, returning shape (1, n) instead of the input's shape.
        (
            None,
            """
            import sympy as sp

            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "numpy")
                def numeric(values):
                    return np.array([f(values) * np.ones_like(values)])
                return numeric
        """,
        ),
        # Returns the values of expr at the input once (an array), not a function.
        (
            "not_function",
            """
            import sympy as sp

            def make_numeric(expr, z):
                f = sp.lambdify(z, expr, "numpy")
                return f(np.linspace(-5, 5, 1000))
        """,
        ),
    ],
    "check_softmax_ce_derivatives": [
        # Assumes the shortcut p_k - y_k, which is wrong when the targets do not add up to 1.
        (
            "assumed_shortcut",
            """
            import sympy as sp

            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                return [sp.exp(zk) / total - yk for zk, yk in zip(z, y)]
        """,
        ),
        # Keeps only the diagonal term dC/dp_k * dp_k/dz_k, ignoring that every p_j depends on z_k.
        (
            "own_probability_only",
            """
            import sympy as sp

            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                p = [sp.exp(zk) / total for zk in z]
                return [-y[k] / p[k] * p[k] * (1 - p[k]) for k in range(3)]
        """,
        ),
        # Forgets the minus sign of the cross-entropy, so every derivative has the wrong sign.
        (
            "no_minus",
            """
            import sympy as sp

            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                C = sum(yk * sp.log(sp.exp(zk) / total) for zk, yk in zip(z, y))
                return [sp.diff(C, zk) for zk in z]
        """,
        ),
        # Leaves out the softmax and takes the log of z itself: C = -sum y_k log z_k.
        (
            None,
            """
            import sympy as sp

            def softmax_ce_derivatives(z, y):
                C = -sum(yk * sp.log(zk) for zk, yk in zip(z, y))
                return [sp.diff(C, zk) for zk in z]
        """,
        ),
        # Off-by-one in the softmax's denominator: sums e^z_j over only the first two classes.
        (
            None,
            """
            import sympy as sp

            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(z[j]) for j in range(2))
                p = [sp.exp(zk) / total for zk in z]
                C = -sum(y[k] * sp.log(p[k]) for k in range(3))
                return [sp.diff(C, zk) for zk in z]
        """,
        ),
        # Differentiates with respect to the targets y instead of the logits z.
        (
            "wrt_y",
            """
            import sympy as sp

            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                C = -sum(yk * sp.log(sp.exp(zk) / total) for zk, yk in zip(z, y))
                return [sp.diff(C, yk) for yk in y]
        """,
        ),
        # Builds the softmax with np.exp, which fails on SymPy symbols.
        (
            "numpy_exp",
            """
            import sympy as sp

            def softmax_ce_derivatives(z, y):
                exps = [np.exp(zk) for zk in z]
                total = sum(exps)
                C = -sum(yk * sp.log(e / total) for e, yk in zip(exps, y))
                return [sp.diff(C, zk) for zk in z]
        """,
        ),
        # Returns only dC/dz1 (a single expression) instead of the list of three.
        (
            None,
            """
            import sympy as sp

            def softmax_ce_derivatives(z, y):
                total = sum(sp.exp(zj) for zj in z)
                C = -sum(yk * sp.log(sp.exp(zk) / total) for zk, yk in zip(z, y))
                return sp.diff(C, z[0])
        """,
        ),
    ],
    "check_softmax_backward": [
        # Treats the softmax element by element like a sigmoid: grad_A * A * (1 - A), dropping the off-diagonal
        # terms.
        (
            "diagonal_only",
            """
            def softmax_backward(A, grad_A):
                return grad_A * A * (1 - A)
        """,
        ),
        # Sums over the wrong axis (axis=0, over the batch) instead of over each row's classes.
        (
            "wrong_axis",
            """
            def softmax_backward(A, grad_A):
                return A * (grad_A - np.sum(grad_A * A, axis=0, keepdims=True))
        """,
        ),
        # Forgets keepdims: the (n,) row sums broadcast along the wrong axis (wrong values, or an error when n !=
        # K).
        (
            "no_keepdims",
            """
            def softmax_backward(A, grad_A):
                return A * (grad_A - np.sum(grad_A * A, axis=1))
        """,
        ),
        # Forgets the leading factor a_k: returns grad_A - sum_j g_j a_j.
        (
            "grad_only",
            """
            def softmax_backward(A, grad_A):
                return grad_A - np.sum(grad_A * A, axis=1, keepdims=True)
        """,
        ),
        # Right values, but computed in place in grad_A, changing the caller's array.
        (
            "in_place",
            """
            def softmax_backward(A, grad_A):
                s = np.sum(grad_A * A, axis=1, keepdims=True)
                grad_A -= s
                grad_A *= A
                return grad_A
        """,
        ),
        # Jacobian with the wrong sign (outer(a, a) - diag(a)).
        (
            "negated",
            """
            def softmax_backward(A, grad_A):
                out = np.zeros_like(A)
                for i in range(len(A)):
                    a = A[i]
                    J = np.outer(a, a) - np.diag(a)
                    out[i] = J @ grad_A[i]
                return out
        """,
        ),
        # Builds the Jacobian from the first row only and uses it for every row of the batch.
        (
            "first_row_jacobian",
            """
            def softmax_backward(A, grad_A):
                a = A[0]
                J = np.diag(a) - np.outer(a, a)
                return grad_A @ J
        """,
        ),
        # Treats the whole batch as one vector: one big (nK x nK) Jacobian mixes the rows together.
        (
            "whole_batch_sum",
            """
            def softmax_backward(A, grad_A):
                a = A.reshape(-1)
                J = np.diag(a) - np.outer(a, a)
                return (J @ grad_A.reshape(-1)).reshape(A.shape)
        """,
        ),
    ],
}

for _name, _sources in _ROUND4_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_sources)
for _name, _answers in _ROUND4_WRONG.items():
    WRONG.setdefault(_name, []).extend(_answers)
