"""Exercise 02: learner-style answers (see tests/corpus/__init__.py)."""

CORRECT = {
    "check_sigmoid_derivative": [
        "def sigmoid_derivative(z):\n    s = sigmoid(z)\n    return s * (1 - s)\n",
        "def sigmoid_derivative(z):\n    return sigmoid(z) * (1 - sigmoid(z))\n",
        "def sigmoid_derivative(z):\n    return sigmoid(z) - sigmoid(z) ** 2\n",
        "def sigmoid_derivative(z):\n    return np.exp(-z) / (1 + np.exp(-z)) ** 2\n",
        "def sigmoid_derivative(z):\n    return sigmoid(z) * sigmoid(-z)\n",
        "def sigmoid_derivative(z):\n    return 0.25 / np.cosh(z / 2) ** 2\n",
        "def sigmoid_derivative(z):\n    return np.multiply(sigmoid(z), np.subtract(1.0, sigmoid(z)))\n",
        # the learner's own sigmoid of exercise 01, written again in this notebook
        """
        def sigmoid(z):
            return 1 / (1 + np.exp(-z))

        def sigmoid_derivative(z):
            s = sigmoid(z)
            return s * (1 - s)
        """,
        # a slip in their own sigmoid must not cost this part: the course's sigmoid is used
        """
        def sigmoid(z):
            return 1 / (1 + np.exp(z))

        def sigmoid_derivative(z):
            return sigmoid(z) * (1 - sigmoid(z))
        """,
        # float32 in, float32 arithmetic: 1 - s keeps fewer digits, which is no mistake
        "def sigmoid_derivative(z):\n    s = 1 / (1 + np.exp(-z))\n    return s * (1 - s)\n",
        """
        def sigmoid_derivative(z):
            z = np.asarray(z, dtype=np.float32)
            s = sigmoid(z)
            return s * (1 - s)
        """,
    ],
    "check_relu": [
        "def relu(z):\n    return np.maximum(z, 0.0)\n",
        "def relu(z):\n    return np.maximum(0, z)\n",
        "def relu(z):\n    return np.where(z > 0, z, 0)\n",
        "def relu(z):\n    return z * (z > 0)\n",
        "def relu(z):\n    return np.clip(z, 0, None)\n",
        "def relu(z):\n    return (z + np.abs(z)) / 2\n",
        "def relu(z):\n    out = z.copy()\n    out[out < 0] = 0\n    return out\n",
        """
        def relu(z):
            result = np.array(z, dtype=float)
            for index, value in np.ndenumerate(result):
                if value < 0:
                    result[index] = 0.0
            return result
        """,
        "def relu(z):\n    return z.clip(min=0)\n",
        "def relu(z):\n    return np.where(z < 0, 0.0, z)\n",
    ],
    "check_relu_derivative": [
        "def relu_derivative(z):\n    return (z > 0).astype(float)\n",
        "def relu_derivative(z):\n    return np.where(z > 0, 1.0, 0.0)\n",
        "def relu_derivative(z):\n    return np.heaviside(z, 0)\n",
        "def relu_derivative(z):\n    return (z > 0) * 1.0\n",
        "def relu_derivative(z):\n    return np.greater(z, 0).astype(np.float64)\n",
        """
        def relu_derivative(z):
            d = np.zeros(np.shape(z))
            d[z > 0] = 1.0
            return d
        """,
        "def relu_derivative(z):\n    return np.array(z > 0, dtype=np.float32)\n",
        "def relu_derivative(z):\n    return np.maximum(np.sign(z), 0).astype(float)\n",
        """
        def relu_derivative(z):
            out = np.zeros_like(z, dtype=float)
            for i, value in np.ndenumerate(z):
                out[i] = 1.0 if value > 0 else 0.0
            return out
        """,
    ],
    "check_stable_sigmoid": [
        """
        def stable_sigmoid(z):
            e = np.exp(-np.abs(z))
            return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
        """,
        """
        def stable_sigmoid(z):
            z = np.asarray(z, dtype=float)
            out = np.empty_like(z)
            pos = z >= 0
            out[pos] = 1 / (1 + np.exp(-z[pos]))
            out[~pos] = np.exp(z[~pos]) / (1 + np.exp(z[~pos]))
            return out
        """,
        "def stable_sigmoid(z):\n    return 0.5 * (1 + np.tanh(z / 2))\n",
        "def stable_sigmoid(z):\n    return np.exp(-np.logaddexp(0, -z))\n",
        """
        def stable_sigmoid(z):
            z = np.clip(z, -30, 30)
            return 1 / (1 + np.exp(-z))
        """,
        """
        import math

        def stable_sigmoid(z):
            out = np.zeros(np.shape(z))
            for i, value in np.ndenumerate(z):
                if value >= 0:
                    out[i] = 1 / (1 + math.exp(-value))
                else:
                    e = math.exp(value)
                    out[i] = e / (1 + e)
            return out
        """,
        """
        def stable_sigmoid(z):
            e = np.exp(-np.abs(z))
            positive = 1 / (1 + e)
            return np.where(z < 0, 1 - positive, positive)
        """,
        """
        def stable_sigmoid(z):
            e = np.exp(-np.abs(z))
            s = 1.0 / (1.0 + e)
            return np.where(z >= 0, s, e * s)
        """,
        """
        import math

        def one(v):
            if v >= 0:
                return 1 / (1 + math.exp(-v))
            return math.exp(v) / (1 + math.exp(v))

        def stable_sigmoid(z):
            return np.vectorize(one, otypes=[float])(z)
        """,
        """
        def stable_sigmoid(z):
            z = np.asarray(z, dtype=float)
            positive = lambda x: 1 / (1 + np.exp(-x))
            negative = lambda x: np.exp(x) / (1 + np.exp(x))
            return np.piecewise(z, [z >= 0, z < 0], [positive, negative])
        """,
        """
        def stable_sigmoid(z):
            z = np.asarray(z, dtype=np.float64)
            e = np.exp(-np.abs(z))
            return np.where(z >= 0, 1, e) / (1 + e)
        """,
    ],
    "check_softmax": [
        """
        def softmax(Z):
            e = np.exp(Z - Z.max(axis=1, keepdims=True))
            return e / e.sum(axis=1, keepdims=True)
        """,
        """
        def softmax(Z):
            shifted = Z - np.max(Z, axis=-1, keepdims=True)
            exps = np.exp(shifted)
            return exps / np.sum(exps, axis=-1, keepdims=True)
        """,
        """
        def softmax(Z):
            out = np.zeros(Z.shape)
            for i in range(Z.shape[0]):
                e = np.exp(Z[i] - np.max(Z[i]))
                out[i] = e / np.sum(e)
            return out
        """,
        """
        def softmax(Z):
            m = Z.max(axis=1)[:, None]
            e = np.exp(Z - m)
            return e / e.sum(axis=1)[:, None]
        """,
        """
        def softmax(Z):
            e = np.exp(Z - Z.max(axis=1, keepdims=True))
            return e / np.einsum('ij->i', e).reshape(-1, 1)
        """,
        """
        def softmax(Z):
            Z = Z - Z.max(axis=1, keepdims=True)
            return np.exp(Z - np.log(np.exp(Z).sum(axis=1, keepdims=True)))
        """,
        """
        def softmax(Z):
            rows = []
            for z in Z:
                e = np.exp(z - max(z))
                rows.append(e / e.sum())
            return np.array(rows)
        """,
        """
        def softmax(Z):
            e = np.exp((Z - Z.max(axis=1, keepdims=True)).astype(np.float32))
            return e / e.sum(axis=1, keepdims=True)
        """,
    ],
}

WRONG = {
    "check_sigmoid_derivative": [
        ("one_minus_z", "def sigmoid_derivative(z):\n    return sigmoid(z) * (1 - z)\n"),
        ("sigmoid_not_applied", "def sigmoid_derivative(z):\n    return z * (1 - z)\n"),
        ("plus", "def sigmoid_derivative(z):\n    return sigmoid(z) * (1 + sigmoid(z))\n"),
        ("squared", "def sigmoid_derivative(z):\n    return sigmoid(z) * (1 - sigmoid(-z))\n"),
        ("negated", "def sigmoid_derivative(z):\n    return sigmoid(z) ** 2 - sigmoid(z)\n"),
        ("nested", "def sigmoid_derivative(z):\n    return sigmoid(1 - sigmoid(z))\n"),
        ("one_minus_sigmoid", "def sigmoid_derivative(z):\n    return np.exp(-z) / (1 + np.exp(-z))\n"),
        ("sigmoid_itself", "def sigmoid_derivative(z):\n    return sigmoid(z)\n"),
        ("one_minus_z", "def sigmoid_derivative(z):\n    s = sigmoid(z)\n    return s * (1 - z)\n"),
        ("precedence", "def sigmoid_derivative(z):\n    s = sigmoid(z)\n    return s * 1 - s\n"),
    ],
    "check_relu": [
        ("np_max", "def relu(z):\n    return np.max(z, 0)\n"),
        ("builtin_max", "def relu(z):\n    return max(0, z)\n"),
        ("in_place", "def relu(z):\n    z[z < 0] = 0\n    return z\n"),
        ("in_place", "def relu(z):\n    return np.maximum(z, 0, out=z)\n"),
        ("in_place_no_return", "def relu(z):\n    z[z < 0] = 0\n"),
        ("mask", "def relu(z):\n    return z > 0\n"),
        ("minimum", "def relu(z):\n    return np.minimum(z, 0)\n"),
        ("abs", "def relu(z):\n    return np.abs(z)\n"),
        ("leaky", "def relu(z):\n    return np.maximum(0.01 * z, z)\n"),
        (
            "loop_1d",
            """
            def relu(z):
                out = np.zeros(len(z))
                for i in range(len(z)):
                    if z[i] > 0:
                        out[i] = z[i]
                return out
            """,
        ),
    ],
    "check_relu_derivative": [
        ("one_at_zero", "def relu_derivative(z):\n    return (z >= 0).astype(float)\n"),
        ("one_at_zero", "def relu_derivative(z):\n    return np.where(z < 0, 0.0, 1.0)\n"),
        ("one_at_zero", "def relu_derivative(z):\n    return np.heaviside(z, 1)\n"),
        ("not_floats", "def relu_derivative(z):\n    return z > 0\n"),
        ("not_floats", "def relu_derivative(z):\n    return np.where(z > 0, 1, 0)\n"),
        ("not_floats", "def relu_derivative(z):\n    return (z > 0).astype(int)\n"),
        ("not_floats", "def relu_derivative(z):\n    return np.sign(np.maximum(z, 0))\n"),
        ("half_at_zero", "def relu_derivative(z):\n    return np.heaviside(z, 0.5)\n"),
        ("sign", "def relu_derivative(z):\n    return np.sign(z)\n"),
        ("relu_itself", "def relu_derivative(z):\n    return np.maximum(z, 0)\n"),
        ("in_place", "def relu_derivative(z):\n    z[z > 0] = 1\n    z[z <= 0] = 0\n    return z\n"),
        ("one_at_zero", "def relu_derivative(z):\n    return z >= 0\n"),
    ],
    "check_stable_sigmoid": [
        ("overflow", "def stable_sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"),
        (
            "overflow",
            """
            def stable_sigmoid(z):
                return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
            """,
        ),
        ("nan_for_large", "def stable_sigmoid(z):\n    return np.exp(z) / (1 + np.exp(z))\n"),
        (
            "overflow",
            """
            def stable_sigmoid(z):
                return np.where(z < 0, np.exp(z) / (1 + np.exp(z)), 1 / (1 + np.exp(-z)))
            """,
        ),
        ("nan_for_large", "def stable_sigmoid(z):\n    e = np.exp(z)\n    return e / (e + 1)\n"),
        (
            "mirrored",
            """
            def stable_sigmoid(z):
                e = np.exp(-np.abs(z))
                return np.where(z >= 0, e / (1 + e), 1 / (1 + e))
            """,
        ),
        (
            "no_abs",
            """
            def stable_sigmoid(z):
                e = np.exp(-z)
                return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
            """,
        ),
        ("one_form", "def stable_sigmoid(z):\n    return 1 / (1 + np.exp(-np.abs(z)))\n"),
        (
            "int_output",
            """
            def stable_sigmoid(z):
                out = np.zeros_like(z)
                pos = z >= 0
                out[pos] = 1 / (1 + np.exp(-z[pos]))
                out[~pos] = np.exp(z[~pos]) / (1 + np.exp(z[~pos]))
                return out
            """,
        ),
        (
            "in_place",
            """
            def stable_sigmoid(z):
                np.clip(z, -30, 30, out=z)
                return 1 / (1 + np.exp(-z))
            """,
        ),
        (
            "in_place",
            """
            def stable_sigmoid(z):
                e = np.exp(-np.abs(z))
                z[:] = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
                return z
            """,
        ),
        (
            "float32_overflow",
            """
            def stable_sigmoid(z):
                z = np.clip(z, -500, 500)
                return 1 / (1 + np.exp(-z))
            """,
        ),
        (
            "loop_1d",
            """
            import math

            def stable_sigmoid(z):
                out = np.zeros(len(z))
                for i in range(len(z)):
                    if z[i] >= 0:
                        out[i] = 1 / (1 + math.exp(-z[i]))
                    else:
                        out[i] = math.exp(z[i]) / (1 + math.exp(z[i]))
                return out
            """,
        ),
        (
            "int_output",
            """
            def stable_sigmoid(z):
                positive = lambda x: 1 / (1 + np.exp(-x))
                negative = lambda x: np.exp(x) / (1 + np.exp(x))
                return np.piecewise(z, [z >= 0, z < 0], [positive, negative])
            """,
        ),
        (
            "math_overflow",
            """
            import math

            def stable_sigmoid(z):
                return np.vectorize(lambda v: 1 / (1 + math.exp(-v)))(z)
            """,
        ),
        (None, "from annlib.activations import sigmoid\n\ndef stable_sigmoid(z):\n    return sigmoid(z)\n"),
    ],
    "check_softmax": [
        (
            "wrong_axis",
            """
            def softmax(Z):
                e = np.exp(Z - Z.max(axis=0, keepdims=True))
                return e / e.sum(axis=0, keepdims=True)
            """,
        ),
        (
            "wrong_axis",
            """
            def softmax(Z):
                e = np.exp(Z - Z.max(axis=1, keepdims=True))
                return e / e.sum(axis=0)
            """,
        ),
        (
            "no_keepdims",
            """
            def softmax(Z):
                e = np.exp(Z - Z.max(axis=1, keepdims=True))
                return e / e.sum(axis=1)
            """,
        ),
        (
            "no_keepdims",
            """
            def softmax(Z):
                e = np.exp(Z - np.max(Z, axis=1))
                return e / np.sum(e, axis=1, keepdims=True)
            """,
        ),
        ("not_shifted", "def softmax(Z):\n    e = np.exp(Z)\n    return e / e.sum(axis=1, keepdims=True)\n"),
        (
            "global_max",
            """
            def softmax(Z):
                e = np.exp(Z - np.max(Z))
                return e / e.sum(axis=1, keepdims=True)
            """,
        ),
        (
            "sum_all",
            """
            def softmax(Z):
                e = np.exp(Z - Z.max(axis=1, keepdims=True))
                return e / np.sum(e)
            """,
        ),
        (
            "min_shift",
            """
            def softmax(Z):
                e = np.exp(Z - Z.min(axis=1, keepdims=True))
                return e / e.sum(axis=1, keepdims=True)
            """,
        ),
        (
            "in_place",
            """
            def softmax(Z):
                Z -= Z.max(axis=1, keepdims=True)
                e = np.exp(Z)
                return e / e.sum(axis=1, keepdims=True)
            """,
        ),
        (
            "mixed_shift",
            """
            def softmax(Z):
                e = np.exp(Z - Z.max(axis=1, keepdims=True))
                return e / np.exp(Z).sum(axis=1, keepdims=True)
            """,
        ),
        (
            "int_output",
            """
            def softmax(Z):
                out = np.zeros_like(Z)
                for i in range(len(Z)):
                    e = np.exp(Z[i] - Z[i].max())
                    out[i] = e / e.sum()
                return out
            """,
        ),
        ("no_exp", "def softmax(Z):\n    return Z / Z.sum(axis=1, keepdims=True)\n"),
        (
            "squeezed",
            """
            def softmax(Z):
                e = np.exp(Z - Z.max(axis=1, keepdims=True))
                return np.squeeze(e / e.sum(axis=1, keepdims=True))
            """,
        ),
    ],
}


# More answers in the styles learners write, and real learners' code translated into the exercise's
# signatures as it was (added to the dicts above).
_REAL_STYLES_CORRECT = {
    "check_relu": [
        """
            def relu(z):
                return np.maximum(z, 0)
        """,
        """
            def relu(z):
                return np.maximum(0, z)
        """,
        """
            def relu(z):
                return z * (z > 0)
        """,
        """
            def relu(z):
                return np.where(z > 0, z, 0)
        """,
        """
            def relu(z):
                r = z.copy()
                r[r < 0] = 0
                return r
        """,
        """
            def relu(z):
                return np.clip(z, 0, None)
        """,
        """
            def relu(z):
                return np.array([max(0, v) for v in z.ravel()]).reshape(z.shape)
        """,
        """
            def relu(z):
                return (z + np.abs(z)) / 2
        """,
        """
            def relu(z):
                return np.fmax(z, 0)
        """,
        """
            def relu(z):
                return z.clip(min=0)
        """,
        """
            def relu(z):
                out = np.array(z, dtype=float)
                out[out < 0] = 0.0
                return out
        """,
        """
            def relu(x):
                return np.maximum(0,x)
        """,
    ],
    "check_relu_derivative": [
        """
            def relu_derivative(z):
                return (z > 0).astype(float)
        """,
        """
            def relu_derivative(z):
                return np.where(z > 0, 1.0, 0.0)
        """,
        """
            def relu_derivative(z):
                return (z > 0) * 1.0
        """,
        """
            def relu_derivative(z):
                return np.heaviside(z, 0.0)
        """,
        """
            def relu_derivative(z):
                d = np.zeros_like(z, dtype=float)
                d[z > 0] = 1
                return d
        """,
        """
            def relu_derivative(z):
                return np.greater(z, 0).astype(np.float64)
        """,
        """
            def relu_derivative(z):
                return np.array(z > 0, dtype=float)
        """,
        """
            def relu_derivative(z):
                return (z > 0).astype(np.float32)
        """,
        """
            def relu_derivative(z):
                return np.sign(np.maximum(z, 0)).astype(float)
        """,
        """
            def relu_derivative(z):
                return np.vectorize(lambda v: 1.0 if v > 0 else 0.0, otypes=[float])(z)
        """,
        """
            def relu_derivative(x):
                return (x > 0).astype(float)
        """,
        """
            def relu_derivative(x):
                indices = x > 0
                grad = np.ones(x.shape)
                return grad * indices
        """,
    ],
    "check_sigmoid_derivative": [
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                s = sigmoid(z)
                return s * (1 - s)
        """,
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return sigmoid(z) * (1 - sigmoid(z))
        """,
        """
            def sigmoid_derivative(z):
                return np.exp(-z) / (1 + np.exp(-z)) ** 2
        """,
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return sigmoid(z) * sigmoid(-z)
        """,
        """
            def sigmoid_derivative(z):
                return 0.25 * (1 - np.tanh(z / 2) ** 2)
        """,
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                s = sigmoid(z)
                return np.multiply(s, 1 - s)
        """,
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                s = sigmoid(z)
                return s - s ** 2
        """,
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                z = np.asarray(z, dtype=np.float64)
                s = sigmoid(z)
                return s * (1.0 - s)
        """,
        """
            def sigmoid_derivative(z):
                return 1 / (2 + np.exp(z) + np.exp(-z))
        """,
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                out = np.empty(np.shape(z))
                for idx in np.ndindex(out.shape):
                    s = sigmoid(z[idx])
                    out[idx] = s * (1 - s)
                return out
        """,
        """
            def sigmoid(x):
                s = 1 / (1 + np.exp(-x))

                return s


            def sigmoid_derivative(x):
                s = sigmoid(x)
                ds = s * (1 - s)

                return ds
        """,
        """
            def sigmoid_derivative(x):

                s = 1 / (1 + np.exp(-x))
                ds = s * (1 - s)
                return ds
        """,
        """
            import math

            def sigmoid(x):
                return 1 / (1 + math.exp(-x))


            def sigmoid_derivative(x):
                return sigmoid(x) * (1 - sigmoid(x))
        """,
    ],
    "check_softmax": [
        """
            def softmax(Z):
                e = np.exp(Z - Z.max(axis=1, keepdims=True))
                return e / e.sum(axis=1, keepdims=True)
        """,
        """
            def softmax(Z):
                e = np.exp(Z - np.max(Z, axis=1, keepdims=True))
                return e / np.sum(e, axis=1, keepdims=True)
        """,
        """
            def softmax(Z):
                e = np.exp(Z - Z.max(axis=1)[:, None])
                return e / e.sum(axis=1)[:, np.newaxis]
        """,
        """
            def softmax(Z):
                out = np.empty(Z.shape)
                for i in range(len(Z)):
                    e = np.exp(Z[i] - Z[i].max())
                    out[i] = e / e.sum()
                return out
        """,
        """
            def softmax(Z):
                return np.array([np.exp(r - r.max()) / np.exp(r - r.max()).sum() for r in Z])
        """,
        """
            def softmax(Z):
                m = Z.max(axis=1, keepdims=True)
                lse = m + np.log(np.sum(np.exp(Z - m), axis=1, keepdims=True))
                return np.exp(Z - lse)
        """,
        """
            def softmax(Z):
                e = np.exp(Z.T - Z.max(axis=1))
                return (e / e.sum(axis=0)).T
        """,
        """
            def softmax(Z):
                Z = np.asarray(Z, dtype=float)
                e = np.exp(Z - Z.max(axis=1, keepdims=True))
                return e * (1 / e.sum(axis=1, keepdims=True))
        """,
        """
            def softmax(Z):
                Z = Z.astype(float)
                Z -= Z.max(axis=1, keepdims=True)
                np.exp(Z, out=Z)
                Z /= Z.sum(axis=1, keepdims=True)
                return Z
        """,
        """
            def softmax(Z):
                shifted = Z - np.amax(Z, axis=-1, keepdims=True)
                num = np.exp(shifted)
                den = np.einsum("ij->i", num)
                return num / den.reshape(-1, 1)
        """,
        """
            def softmax(x, axis=-1):
                x_max = np.max(x, axis=axis, keepdims=True)
                exps = np.exp(x - x_max)
                return exps / np.sum(exps, axis=axis, keepdims=True)
        """,
        """
            def softmax(x, axis=1):
                unnormalized = np.exp(x - x.max(axis, keepdims=True))
                return unnormalized / unnormalized.sum(axis, keepdims=True)
        """,
    ],
    "check_stable_sigmoid": [
        """
            def stable_sigmoid(z):
                e = np.exp(-np.abs(z))
                return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
        """,
        """
            def stable_sigmoid(z):
                out = np.empty(z.shape)
                pos = z >= 0
                out[pos] = 1 / (1 + np.exp(-z[pos]))
                e = np.exp(z[~pos])
                out[~pos] = e / (1 + e)
                return out
        """,
        """
            def stable_sigmoid(z):
                return 0.5 * (1 + np.tanh(z / 2))
        """,
        """
            def stable_sigmoid(z):
                return np.exp(-np.logaddexp(0, -z))
        """,
        """
            def stable_sigmoid(z):
                e = np.exp(-np.abs(z))
                return np.where(z > 0, 1 / (1 + e), e / (1 + e))
        """,
        """
            import math

            def stable_sigmoid(z):
                def one(v):
                    if v >= 0:
                        return 1 / (1 + math.exp(-v))
                    e = math.exp(v)
                    return e / (1 + e)
                return np.array([one(v) for v in np.ravel(z)]).reshape(np.shape(z))
        """,
        """
            def stable_sigmoid(z):
                pos = np.where(z >= 0, z, 0)
                neg = np.where(z < 0, z, 0)
                return np.where(z >= 0, 1 / (1 + np.exp(-pos)), np.exp(neg) / (1 + np.exp(neg)))
        """,
        """
            def stable_sigmoid(z):
                z = np.asarray(z, dtype=float)
                e = np.exp(-np.abs(z))
                s = 1 / (1 + e)
                return np.where(z < 0, 1 - s, s)
        """,
        """
            def stable_sigmoid(z):
                e = np.exp(-np.abs(z))
                return np.where(z >= 0, 1, e) / (1 + e)
        """,
        """
            def stable_sigmoid(x):
                return np.exp(np.minimum(x, 0)) / (1 + np.exp(- np.abs(x)))
        """,
        """
            def stable_sigmoid(x):
                arr = np.asarray(x, dtype=np.float64)
                out = np.empty_like(arr, dtype=np.float64)
                pos = arr >= 0
                neg = ~pos
                out[pos] = 1.0 / (1.0 + np.exp(-arr[pos]))
                exp_x = np.exp(arr[neg])
                out[neg] = exp_x / (1.0 + exp_x)
                return out
        """,
        """
            def stable_sigmoid(z):
                e = np.exp(-np.abs(z))
                return np.where(z >= 0, 1 / (1 + e), e / (1 + e)).astype(np.float32)
        """,
    ],
}
_REAL_STYLES_WRONG = {
    "check_relu": [
        (
            "np_max",
            """
            def relu(z):
                return np.max(z, 0)
            """,
        ),
        (
            "np_max_arguments",
            """
            def relu(z):
                return np.max(0, z)
            """,
        ),
        (
            "in_place",
            """
            def relu(z):
                z[z < 0] = 0
                return z
            """,
        ),
        (
            "abs",
            """
            def relu(z):
                return np.abs(z)
            """,
        ),
        (
            "minimum",
            """
            def relu(z):
                return np.minimum(z, 0)
            """,
        ),
        (
            "mask",
            """
            def relu(z):
                return np.where(z > 0, 1, 0)
            """,
        ),
        (
            "int_cast",
            """
            def relu(z):
                return np.maximum(z, 0).astype(int)
            """,
        ),
        (
            "minimum",
            """
            def relu(z):
                return z * (z < 0)
            """,
        ),
        (
            "clipped_at_one",
            """
            def relu(z):
                return np.clip(z, 0, 1)
            """,
        ),
        (
            "leaky",
            """
            def relu(z):
                return np.where(z > 0, z, 0.01 * z)
            """,
        ),
        (
            "in_place",
            """
            def relu(z):
                return np.maximum(z, 0, out=z)
            """,
        ),
        (
            "builtin_max",
            """
            def relu(z):
                return max(0, z)
            """,
        ),
        (
            "float16",
            """
            def relu(z):
                return np.maximum(z, 0.0).astype(np.float16)
            """,
        ),
        (
            "in_place",
            """
            def relu(z):
                z *= z > 0
                return z
            """,
        ),
        (
            "loop_1d",
            """
            def relu(x):
                l = [0 if i < 0 else i for i in x]
                return np.array(l)
            """,
        ),
    ],
    "check_relu_derivative": [
        (
            "one_at_zero",
            """
            def relu_derivative(z):
                return np.where(z >= 0, 1.0, 0.0)
            """,
        ),
        (
            "not_floats",
            """
            def relu_derivative(z):
                return (z > 0).astype(int)
            """,
        ),
        (
            "not_floats",
            """
            def relu_derivative(z):
                return z > 0
            """,
        ),
        (
            "relu_itself",
            """
            def relu_derivative(z):
                return np.where(z > 0, z, 0.0)
            """,
        ),
        (
            "flipped",
            """
            def relu_derivative(z):
                return (z < 0).astype(float)
            """,
        ),
        (
            "one_at_zero",
            """
            def relu_derivative(z):
                return np.heaviside(z, 1.0)
            """,
        ),
        (
            "half_at_zero",
            """
            def relu_derivative(z):
                return np.heaviside(z, 0.5)
            """,
        ),
        (
            "in_place",
            """
            def relu_derivative(z):
                z[z > 0] = 1
                z[z <= 0] = 0
                return z
            """,
        ),
        (
            "sign",
            """
            def relu_derivative(z):
                return np.sign(z).astype(float)
            """,
        ),
        (
            "all_ones",
            """
            def relu_derivative(z):
                return np.ones_like(z, dtype=float)
            """,
        ),
        (
            "flattened",
            """
            def relu_derivative(z):
                return np.maximum(z, 0).astype(bool).astype(float).ravel()
            """,
        ),
        (
            "not_floats",
            """
            def relu_derivative(x):
                return np.where(x <= 0, 0, 1)
            """,
        ),
        (
            "relu_itself",
            """
            def relu_derivative(x):
                dZ = np.array(x, copy=True)
                dZ[x <= 0] = 0
                assert(dZ.shape == x.shape)
                return dZ
            """,
        ),
        (
            "one_at_zero",
            """
            def relu_derivative(x):
                return np.where(x >= 0, 1, 0)
            """,
        ),
        (
            "not_floats",
            """
            def relu_derivative(x):
                return (x > 0) * 1
            """,
        ),
    ],
    "check_sigmoid_derivative": [
        (
            "sigmoid_not_applied",
            """
            def sigmoid_derivative(z):
                return z * (1 - z)
            """,
        ),
        (
            "plus",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                s = sigmoid(z)
                return s * (1 + s)
            """,
        ),
        (
            "one_minus_z",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return sigmoid(z) * (1 - z)
            """,
        ),
        (
            "one_minus_sigmoid",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return 1 - sigmoid(z)
            """,
        ),
        (
            "negated",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                s = sigmoid(z)
                return s * (s - 1)
            """,
        ),
        (
            "one_minus_sigmoid",
            """
            def sigmoid_derivative(z):
                return np.exp(-z) / (1 + np.exp(-z))
            """,
        ),
        (
            "nested",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return sigmoid(1 - sigmoid(z))
            """,
        ),
        (
            "squared",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                s = sigmoid(z)
                return s ** 2
            """,
        ),
        (
            "halved",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                s = sigmoid(z)
                return s * (1 - s) / 2
            """,
        ),
        (
            "dot",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                s = sigmoid(z)
                return np.dot(s, 1 - s)
            """,
        ),
        (
            "in_place",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                z[...] = sigmoid(z)
                return z * (1 - z)
            """,
        ),
        (
            "float16",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                s = sigmoid(z)
                return (s * (1 - s)).astype(np.float16)
            """,
        ),
        (
            "constant",
            """
            def sigmoid_derivative(z):
                return np.full(np.shape(z), 0.25)
            """,
        ),
        (
            None,
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return sigmoid(z) * (1 - sigmoid(z)) * z
            """,
        ),
        (
            "sigmoid_not_applied",
            """
            def sigmoid_derivative(s):
                return s * (1 - s)
            """,
        ),
    ],
    "check_softmax": [
        (
            "not_shifted",
            """
            def softmax(Z):
                e = np.exp(Z)
                return e / e.sum(axis=1, keepdims=True)
            """,
        ),
        (
            "wrong_axis",
            """
            def softmax(Z):
                e = np.exp(Z - Z.max(axis=0, keepdims=True))
                return e / e.sum(axis=0, keepdims=True)
            """,
        ),
        (
            "no_keepdims",
            """
            def softmax(Z):
                e = np.exp(Z - Z.max(axis=1, keepdims=True))
                return e / e.sum(axis=1)
            """,
        ),
        (
            "no_keepdims",
            """
            def softmax(Z):
                e = np.exp(Z - Z.max(axis=1))
                return e / e.sum(axis=1, keepdims=True)
            """,
        ),
        (
            "global_max",
            """
            def softmax(Z):
                e = np.exp(Z - Z.max())
                return e / e.sum(axis=1, keepdims=True)
            """,
        ),
        (
            "sum_all",
            """
            def softmax(Z):
                e = np.exp(Z - Z.max(axis=1, keepdims=True))
                return e / e.sum()
            """,
        ),
        (
            "in_place",
            """
            def softmax(Z):
                Z -= Z.max(axis=1, keepdims=True)
                e = np.exp(Z)
                return e / e.sum(axis=1, keepdims=True)
            """,
        ),
        (
            "no_exp",
            """
            def softmax(Z):
                return Z / Z.sum(axis=1, keepdims=True)
            """,
        ),
        (
            "mixed_shift",
            """
            def softmax(Z):
                e = np.exp(Z - Z.max(axis=1, keepdims=True))
                return e / np.sum(np.exp(Z), axis=1, keepdims=True)
            """,
        ),
        (
            "min_shift",
            """
            def softmax(Z):
                e = np.exp(Z - Z.min(axis=1, keepdims=True))
                return e / e.sum(axis=1, keepdims=True)
            """,
        ),
        (
            "log_softmax",
            """
            def softmax(Z):
                m = Z.max(axis=1, keepdims=True)
                return Z - m - np.log(np.sum(np.exp(Z - m), axis=1, keepdims=True))
            """,
        ),
        (
            "sigmoid",
            """
            def softmax(Z):
                return 1 / (1 + np.exp(-Z))
            """,
        ),
        (
            "divided_by_max",
            """
            def softmax(Z):
                e = np.exp(Z - Z.max(axis=1, keepdims=True))
                return e / e.max(axis=1, keepdims=True)
            """,
        ),
        (
            "int_output",
            """
            def softmax(Z):
                out = np.zeros_like(Z)
                for i in range(Z.shape[0]):
                    e = np.exp(Z[i] - Z[i].max())
                    out[i] = e / e.sum()
                return out
            """,
        ),
        (
            None,
            """
            def softmax(Z):
                e = np.exp(Z - Z.max(axis=1, keepdims=True))
                return e / (e.sum(axis=1, keepdims=True) + 1)
            """,
        ),
        (
            "not_shifted",
            """
            def softmax(x):
                x_exp = np.exp(x)
                x_sum = np.sum(x_exp,axis=1,keepdims=True)
                s = x_exp/x_sum

                return s
            """,
        ),
        (
            "wrong_axis",
            """
            def softmax(x):
                e_x = np.exp(x - np.max(x))
                return e_x / e_x.sum(axis=0)
            """,
        ),
        (
            "global_max",
            """
            def softmax(x, *, axis=-1):
                e_x = np.exp(x - np.max(x))
                return e_x / np.sum(e_x, axis=axis, keepdims=True)
            """,
        ),
        (
            "sum_all",
            """
            def softmax(x, axis=None):
                divisors = np.sum(np.exp(x), axis=axis, keepdims=True)
                return np.exp(x) / divisors
            """,
        ),
    ],
    "check_stable_sigmoid": [
        (
            "float32_overflow",
            """
            def stable_sigmoid(x):
                return 1.0 / (1.0 + np.exp(-np.clip(x, -500, 500)))
            """,
        ),
        (
            "overflow",
            """
            def stable_sigmoid(z):
                return 1 / (1 + np.exp(-z))
            """,
        ),
        (
            "overflow",
            """
            def stable_sigmoid(z):
                return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
            """,
        ),
        (
            "mirrored",
            """
            def stable_sigmoid(z):
                e = np.exp(-np.abs(z))
                return np.where(z >= 0, e / (1 + e), 1 / (1 + e))
            """,
        ),
        (
            "abs_sign",
            """
            def stable_sigmoid(z):
                e = np.exp(np.abs(z))
                return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
            """,
        ),
        (
            "one_form",
            """
            def stable_sigmoid(z):
                e = np.exp(-np.abs(z))
                return 1 / (1 + e)
            """,
        ),
        (
            "int_output",
            """
            def stable_sigmoid(z):
                out = np.empty_like(z)
                pos = z >= 0
                out[pos] = 1 / (1 + np.exp(-z[pos]))
                e = np.exp(z[~pos])
                out[~pos] = e / (1 + e)
                return out
            """,
        ),
        (
            "in_place",
            """
            def stable_sigmoid(z):
                e = np.exp(-np.abs(z))
                z[z >= 0] = 1 / (1 + e[z >= 0])
                return np.where(z >= 0, z, e / (1 + e))
            """,
        ),
        (
            "minus_in_denominator",
            """
            def stable_sigmoid(z):
                e = np.exp(-np.abs(z))
                return np.where(z >= 0, 1 / (1 + e), e / (1 - e))
            """,
        ),
        (
            "clipped",
            """
            def stable_sigmoid(z):
                return 1 / (1 + np.exp(-np.clip(z, -10, 10)))
            """,
        ),
        (
            "no_abs",
            """
            def stable_sigmoid(z):
                e = np.exp(-z)
                return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
            """,
        ),
        (
            "a_list",
            """
            def stable_sigmoid(z):
                e = np.exp(-np.abs(z))
                return np.where(z >= 0, 1 / (1 + e), e / (1 + e)).tolist()
            """,
        ),
        (
            None,
            """
            def stable_sigmoid(z):
                e = np.exp(-np.abs(z))
                return np.where(z >= 0, 1 / (1 + e), 1 - 1 / (1 + e) ** 2)
            """,
        ),
        (
            "object_dtype",
            """
            def _sigmoid(x):
                if x >= 0:
                    z = np.exp(-x)
                    return 1 / (1 + z)
                else:
                    z = np.exp(x)
                    return z / (1 + z)

            stable_sigmoid = np.frompyfunc(_sigmoid, 1, 1)
            """,
        ),
        (
            "int_output",
            """
            def stable_sigmoid(X):
                X = np.clip(X, -700, 700)
                mask = (X >= 0)
                res = np.empty_like(X)
                res[mask] = 1 / (1 + np.exp(-X[mask]))
                t = np.exp(X[~mask])
                res[~mask] = t / (1 + t)
                return res
            """,
        ),
        (
            "overflow",
            """
            def stable_sigmoid(X):
                return np.where(X >= 0, 1 / (1 + np.exp(-X)), np.exp(X) / (1 + np.exp(X)))
            """,
        ),
        (
            "int_output",
            """
            def stable_sigmoid(dist1):
                sigma_dist1 = np.full_like(dist1, np.nan)
                mask = dist1 >= 0
                pos_calc = np.exp(dist1[~mask])
                sigma_dist1[~mask] = pos_calc / (1 + pos_calc)
                sigma_dist1[mask] = 1 / (1 + np.exp(-dist1[mask]))
                return sigma_dist1
            """,
        ),
    ],
}
for _name, _sources in _REAL_STYLES_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_sources)
for _name, _answers in _REAL_STYLES_WRONG.items():
    WRONG.setdefault(_name, []).extend(_answers)


# More answers in the styles learners write, and real learners' code translated into the exercise's
# signatures as it was (added to the dicts above).
_REAL_STYLES_2_CORRECT = {
    "check_sigmoid_derivative": [
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return sigmoid(z) * (1 - sigmoid(z))
        """,
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                s = sigmoid(z)
                return s - s ** 2
        """,
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return sigmoid(z) * sigmoid(-z)
        """,
        """
            def sigmoid_derivative(z):
                e = np.exp(-z)
                return e / (1 + e) ** 2
        """,
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                s = sigmoid(np.asarray(z, dtype=float))
                return np.multiply(s, 1.0 - s)
        """,
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                s = sigmoid(z)
                ds = s.copy()
                ds *= 1 - s
                return ds
        """,
        """
            def sigmoid_derivative(z):
                return 0.25 * (1 - np.tanh(z / 2) ** 2)
        """,
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return np.vectorize(lambda v: sigmoid(v) * (1 - sigmoid(v)))(z).astype(float)
        """,
        """
            def sigmoid_derivative(z):
                return 1 / (2 + np.exp(z) + np.exp(-z))
        """,
        """
            def sigmoid_derivative(z):
                s = 1 / (1 + np.exp(-z))
                ds = s * (1 - s)
                return ds
        """,
        """
            def _sig(x):
                return 1/(1+np.exp(-x))
            def sigmoid_derivative(z):
                return _sig(z) * _sig(-z)
        """,
        """
            def sigmoid(X):
                return 1./(1.+np.exp(-X))
            def sigmoid_derivative(z):
                return sigmoid(z)*(1-sigmoid(z))
        """,
    ],
    "check_relu": [
        """
            def relu(z):
                return np.maximum(0, z)
        """,
        """
            def relu(z):
                return np.where(z > 0, z, 0)
        """,
        """
            def relu(z):
                out = z.copy()
                out[out < 0] = 0
                return out
        """,
        """
            def relu(z):
                return z * (z > 0)
        """,
        """
            def relu(z):
                return np.clip(z, 0, None)
        """,
        """
            def relu(z):
                a = np.array(z, copy=True)
                np.maximum(a, 0, out=a)
                return a
        """,
        """
            def relu(z):
                return (np.abs(z) + z) / 2
        """,
        """
            def relu(z):
                return np.where(z < 0, 0.0, z)
        """,
        """
            def relu(z):
                r = np.zeros_like(z)
                mask = z > 0
                r[mask] = z[mask]
                return r
        """,
        """
            def relu(z):
                a = z * (z > 0)
                return a
        """,
        """
            def relu(z):
                A = np.maximum(0, z)
                assert A.shape == z.shape
                return A
        """,
    ],
    "check_relu_derivative": [
        """
            def relu_derivative(z):
                return np.where(z > 0, 1.0, 0.0)
        """,
        """
            def relu_derivative(z):
                return (z > 0) * 1.0
        """,
        """
            def relu_derivative(z):
                d = np.zeros(np.shape(z))
                d[z > 0] = 1
                return d
        """,
        """
            def relu_derivative(z):
                return np.greater(z, 0).astype(np.float64)
        """,
        """
            def relu_derivative(z):
                return np.heaviside(z, 0.0)
        """,
        """
            def relu_derivative(z):
                return np.sign(np.maximum(z, 0)).astype(float)
        """,
        """
            def relu_derivative(z):
                d = np.ones_like(z, dtype=float)
                d[z <= 0] = 0.0
                return d
        """,
        """
            def relu_derivative(z):
                return np.array([[1.0 if v > 0 else 0.0 for v in row] for row in np.atleast_2d(z)]).reshape(np.shape(z))
        """,
        """
            def relu_derivative(z):
                return np.float64(1) * (np.asarray(z) > 0)
        """,
        """
            def relu_derivative(z):
                return (z > 0).astype(float)
        """,
        """
            def relu_derivative(z):
                drelu = np.zeros_like(z, dtype=float)
                drelu[z > 0] = 1
                return drelu
        """,
    ],
    "check_stable_sigmoid": [
        """
            def stable_sigmoid(z):
                e = np.exp(-np.abs(z))
                return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
        """,
        """
            def stable_sigmoid(z):
                z = np.asarray(z, dtype=float)
                out = np.empty_like(z)
                pos = z >= 0
                out[pos] = 1 / (1 + np.exp(-z[pos]))
                ez = np.exp(z[~pos])
                out[~pos] = ez / (1 + ez)
                return out
        """,
        """
            def stable_sigmoid(z):
                return np.exp(np.minimum(z, 0)) / (1 + np.exp(-np.abs(z)))
        """,
        """
            def stable_sigmoid(z):
                return 0.5 * (1 + np.tanh(np.asarray(z, dtype=float) / 2))
        """,
        """
            def stable_sigmoid(z):
                return np.exp(-np.logaddexp(0, -np.asarray(z, dtype=float)))
        """,
        """
            def stable_sigmoid(z):
                z = np.asarray(z, dtype=np.float64)
                e = np.exp(-np.abs(z))
                s = 1.0 / (1.0 + e)
                return np.where(z < 0, 1.0 - s, s)
        """,
        """
            def stable_sigmoid(z):
                flat = np.asarray(z, dtype=float).ravel()
                out = np.zeros_like(flat)
                for i, v in enumerate(flat):
                    if v >= 0:
                        out[i] = 1 / (1 + np.exp(-v))
                    else:
                        out[i] = np.exp(v) / (1 + np.exp(v))
                return out.reshape(np.shape(z))
        """,
        """
            def stable_sigmoid(z):
                a = np.abs(z)
                e = np.exp(-a)
                p = 1 / (1 + e)
                return np.where(z >= 0, p, e * p)
        """,
        """
            def stable_sigmoid(z):
                e = np.exp(-np.abs(z).astype(float))
                return np.where(np.signbit(z), e / (1 + e), 1 / (1 + e))
        """,
        """
            def stable_sigmoid(z):
                return np.exp(np.minimum(z, 0)) / (1 + np.exp(- np.abs(z)))
        """,
        """
            def _positive_sigmoid(x):
                return 1 / (1 + np.exp(-x))
            def _negative_sigmoid(x):
                exp = np.exp(x)
                return exp / (exp + 1)
            def stable_sigmoid(z):
                positive = z >= 0
                negative = ~positive
                out = np.zeros_like(z, dtype=float)
                out[positive] = _positive_sigmoid(z[positive])
                out[negative] = _negative_sigmoid(z[negative])
                return out
        """,
    ],
    "check_softmax": [
        """
            def softmax(Z):
                e = np.exp(Z - np.max(Z, axis=1, keepdims=True))
                return e / np.sum(e, axis=1, keepdims=True)
        """,
        """
            def softmax(Z):
                shifted = Z - Z.max(axis=1)[:, None]
                e = np.exp(shifted)
                return e / e.sum(axis=1)[:, None]
        """,
        """
            def softmax(Z):
                out = np.zeros(Z.shape)
                for i in range(Z.shape[0]):
                    row = Z[i] - np.max(Z[i])
                    out[i] = np.exp(row) / np.sum(np.exp(row))
                return out
        """,
        """
            def softmax(Z):
                Z = Z.astype(float)
                Z = Z - Z.max(axis=1, keepdims=True)
                np.exp(Z, out=Z)
                Z /= Z.sum(axis=1, keepdims=True)
                return Z
        """,
        """
            def softmax(Z):
                logsum = np.log(np.sum(np.exp(Z - Z.max(axis=1, keepdims=True)), axis=1, keepdims=True))
                return np.exp(Z - Z.max(axis=1, keepdims=True) - logsum)
        """,
        """
            def softmax(Z):
                return np.array([np.exp(r - r.max()) / np.exp(r - r.max()).sum() for r in Z])
        """,
        """
            def softmax(Z):
                m = np.amax(Z, axis=-1, keepdims=True)
                e = np.exp(Z - m)
                return e / e.sum(axis=-1, keepdims=True)
        """,
        """
            def softmax(Z):
                e = np.exp((Z.T - Z.max(axis=1)).T)
                return (e.T / e.sum(axis=1)).T
        """,
        """
            def softmax(Z):
                Zf = np.array(Z, dtype=np.float64)
                Zf -= Zf.max(axis=1, keepdims=True)
                e = np.exp(Zf)
                return e / np.einsum("ij->i", e)[:, np.newaxis]
        """,
        """
            def softmax(Z, axis=1):
                unnormalized = np.exp(Z - Z.max(axis, keepdims=True))
                return unnormalized / unnormalized.sum(axis, keepdims=True)
        """,
    ],
}
_REAL_STYLES_2_WRONG = {
    "check_sigmoid_derivative": [
        (
            "sigmoid_not_applied",
            """
                from annlib.activations import sigmoid

                def sigmoid_derivative(z):
                    return z * (1 - z)
            """,
        ),
        (
            "plus",
            """
                from annlib.activations import sigmoid

                def sigmoid_derivative(z):
                    return sigmoid(z) * (1 + sigmoid(z))
            """,
        ),
        (
            "negated",
            """
                from annlib.activations import sigmoid

                def sigmoid_derivative(z):
                    return sigmoid(z) * (sigmoid(z) - 1)
            """,
        ),
        (
            "squared",
            """
                from annlib.activations import sigmoid

                def sigmoid_derivative(z):
                    return sigmoid(z) ** 2
            """,
        ),
        (
            "one_minus_sigmoid",
            """
                from annlib.activations import sigmoid

                def sigmoid_derivative(z):
                    return 1 - sigmoid(z)
            """,
        ),
        (
            "nested",
            """
                from annlib.activations import sigmoid

                def sigmoid_derivative(z):
                    return sigmoid(1 - sigmoid(z))
            """,
        ),
        (
            "squared",
            """
                from annlib.activations import sigmoid

                def sigmoid_derivative(z):
                    return sigmoid(z) * (1 - sigmoid(-z))
            """,
        ),
        (
            None,
            """
                def sigmoid_derivative(z):
                    e = np.exp(-z)
                    return e / (1 + e ** 2)
            """,
        ),
        (
            "negated",
            """
                def sigmoid_derivative(z):
                    e = np.exp(z)
                    return -e / (1 + e) ** 2
            """,
        ),
        (
            None,
            """
                from annlib.activations import sigmoid

                def sigmoid_derivative(z):
                    return 1 - np.tanh(z) ** 2
            """,
        ),
        (
            "dot",
            """
                from annlib.activations import sigmoid

                def sigmoid_derivative(z):
                    s = sigmoid(z)
                    return np.dot(s, 1 - s)
            """,
        ),
        (
            None,
            """
                from annlib.activations import sigmoid

                def sigmoid_derivative(z):
                    s = sigmoid(z)
                    return s @ (1 - s).T
            """,
        ),
        (
            "in_place",
            """
                from annlib.activations import sigmoid

                def sigmoid_derivative(z):
                    z[:] = sigmoid(z)
                    return z * (1 - z)
            """,
        ),
        (
            None,
            """
                from annlib.activations import sigmoid

                def sigmoid_derivative(z):
                    s = sigmoid(z).astype(np.float16)
                    return s * (1 - s)
            """,
        ),
    ],
    "check_relu": [
        (
            "np_max_arguments",
            """
                def relu(z):
                    return np.max(0, z)
            """,
        ),
        (
            "np_max",
            """
                def relu(z):
                    return np.max(z, 0)
            """,
        ),
        (
            "in_place",
            """
                def relu(z):
                    z[z < 0] = 0
                    return z
            """,
        ),
        (
            "in_place",
            """
                def relu(z):
                    return np.maximum(z, 0, out=z)
            """,
        ),
        (
            "minimum",
            """
                def relu(z):
                    return np.minimum(0, z)
            """,
        ),
        (
            "abs",
            """
                def relu(z):
                    return np.abs(z)
            """,
        ),
        (
            "mask",
            """
                def relu(z):
                    return (z > 0).astype(float)
            """,
        ),
        (
            "leaky",
            """
                def relu(z):
                    return np.where(z > 0, z, 0.01 * z)
            """,
        ),
        (
            "builtin_max",
            """
                def relu(z):
                    return max(0, z)
            """,
        ),
        (
            "int_cast",
            """
                def relu(z):
                    return np.maximum(0, z).astype(int)
            """,
        ),
        (
            "in_place",
            """
                def relu(z):
                    out = z
                    out[out < 0] = 0
                    return out
            """,
        ),
        (
            None,
            """
                def relu(z):
                    return np.where(z > 1, z, 0)
            """,
        ),
        (
            "loop_1d",
            """
                def relu(z):
                    r = np.zeros(len(z))
                    for i in range(len(z)):
                        r[i] = max(0, z[i])
                    return r
            """,
        ),
        (
            "in_place",
            """
                def relu(z):
                    np.clip(z, 0, None, out=z)
                    return z
            """,
        ),
        (
            "int_cast",
            """
                def relu(z):
                    return np.vectorize(lambda v: v if v > 0 else 0)(z)
            """,
        ),
    ],
    "check_relu_derivative": [
        (
            "one_at_zero",
            """
                def relu_derivative(z):
                    return (z >= 0).astype(float)
            """,
        ),
        (
            "not_floats",
            """
                def relu_derivative(z):
                    return z > 0
            """,
        ),
        (
            "not_floats",
            """
                def relu_derivative(z):
                    return np.where(z > 0, 1, 0)
            """,
        ),
        (
            "relu_itself",
            """
                def relu_derivative(z):
                    return np.maximum(0, z)
            """,
        ),
        (
            "in_place",
            """
                def relu_derivative(z):
                    z[z <= 0] = 0
                    z[z > 0] = 1
                    return z
            """,
        ),
        (
            "flipped",
            """
                def relu_derivative(z):
                    return (z < 0).astype(float)
            """,
        ),
        (
            "sign",
            """
                def relu_derivative(z):
                    return np.sign(z).astype(float)
            """,
        ),
        (
            "one_at_zero",
            """
                def relu_derivative(z):
                    return np.heaviside(z, 1.0)
            """,
        ),
        (
            "half_at_zero",
            """
                def relu_derivative(z):
                    return np.heaviside(z, 0.5)
            """,
        ),
        (
            None,
            """
                def relu_derivative(z):
                    return np.zeros_like(z)
            """,
        ),
        (
            "not_floats",
            """
                def relu_derivative(z):
                    d = np.zeros_like(z)
                    d[z > 0] = 1
                    return d
            """,
        ),
        (
            None,
            """
                def relu_derivative(z):
                    return 1.0 * (z > 0).all()
            """,
        ),
        (
            "leaky",
            """
                def relu_derivative(z):
                    return np.where(z > 0, 1.0, 0.01)
            """,
        ),
        (
            "in_place",
            """
                def relu_derivative(x):
                    x[x<=0] = 0
                    x[x>0] = 1
                    return x
            """,
        ),
    ],
    "check_stable_sigmoid": [
        (
            "overflow",
            """
                def stable_sigmoid(z):
                    return 1 / (1 + np.exp(-z))
            """,
        ),
        (
            "overflow",
            """
                def stable_sigmoid(z):
                    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
            """,
        ),
        (
            "mirrored",
            """
                def stable_sigmoid(z):
                    e = np.exp(-np.abs(z))
                    return np.where(z >= 0, e / (1 + e), 1 / (1 + e))
            """,
        ),
        (
            "overflow",
            """
                def stable_sigmoid(z):
                    e = np.exp(-np.abs(z))
                    return np.where(z >= 0, 1 / (1 + e), 1 / (1 + 1 / e))
            """,
        ),
        (
            "overflow",
            """
                def stable_sigmoid(z):
                    e = np.exp(np.abs(z))
                    return np.where(z >= 0, 1 / (1 + 1 / e), 1 / (1 + e))
            """,
        ),
        (
            "clipped",
            """
                def stable_sigmoid(z):
                    z = np.clip(z, -10, 10)
                    return 1 / (1 + np.exp(-z))
            """,
        ),
        (
            "int_output",
            """
                def stable_sigmoid(z):
                    e = np.exp(-np.abs(z))
                    return np.where(z > 0, 1 / (1 + e), e / (1 + e)).astype(z.dtype)
            """,
        ),
        (
            None,
            """
                def stable_sigmoid(z):
                    e = np.exp(-np.abs(z))
                    return np.where(z >= 0, 1 / (1 - e), e / (1 - e))
            """,
        ),
        (
            None,
            """
                def stable_sigmoid(z):
                    e = np.exp(-np.abs(z))
                    return np.where(z >= 0, 1 / (1 + e), e / (1 + e * e))
            """,
        ),
        (
            "mirrored",
            """
                def stable_sigmoid(z):
                    e = np.exp(-np.abs(z))
                    return np.where(z <= 0, 1 / (1 + e), e / (1 + e))
            """,
        ),
        (
            "one_form",
            """
                def stable_sigmoid(z):
                    e = np.exp(-np.abs(z))
                    return 1 / (1 + e)
            """,
        ),
        (
            "in_place",
            """
                def stable_sigmoid(z):
                    z[z > 500] = 500
                    z[z < -500] = -500
                    return 1 / (1 + np.exp(-z))
            """,
        ),
        (
            "silenced",
            """
                def stable_sigmoid(z):
                    with np.errstate(over="ignore"):
                        return 1 / (1 + np.exp(-z))
            """,
        ),
        (
            "overflow",
            """
                np.seterr(divide='ignore', invalid='ignore', over='ignore')
                def stable_sigmoid(z):
                    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
            """,
        ),
        (
            "int_output",
            """
                def stable_sigmoid(X):
                    X = np.clip(X, -700, 700)
                    mask = (X >= 0)
                    res = np.empty_like(X)
                    res[mask] = 1 / (1 + np.exp(-X[mask]))
                    t = np.exp(X[~mask])
                    res[~mask] = t / (1 + t)
                    return res
            """,
        ),
    ],
    "check_softmax": [
        (
            "not_shifted",
            """
                def softmax(Z):
                    e = np.exp(Z)
                    return e / np.sum(e, axis=1, keepdims=True)
            """,
        ),
        (
            "global_max",
            """
                def softmax(Z):
                    e = np.exp(Z - np.max(Z))
                    return e / np.sum(e, axis=1, keepdims=True)
            """,
        ),
        (
            "wrong_axis",
            """
                def softmax(Z):
                    e = np.exp(Z - Z.max(axis=1, keepdims=True))
                    return e / np.sum(e, axis=0, keepdims=True)
            """,
        ),
        (
            "sum_all",
            """
                def softmax(Z):
                    e = np.exp(Z - Z.max(axis=1, keepdims=True))
                    return e / e.sum()
            """,
        ),
        (
            "no_keepdims",
            """
                def softmax(Z):
                    e = np.exp(Z - Z.max(axis=1, keepdims=True))
                    return e / e.sum(axis=1)
            """,
        ),
        (
            "max_wrong_axis",
            """
                def softmax(Z):
                    e = np.exp(Z - Z.max(axis=0, keepdims=True))
                    return e / e.sum(axis=1, keepdims=True)
            """,
        ),
        (
            "in_place",
            """
                def softmax(Z):
                    Z -= Z.max(axis=1, keepdims=True)
                    e = np.exp(Z)
                    return e / e.sum(axis=1, keepdims=True)
            """,
        ),
        (
            None,
            """
                def softmax(Z):
                    e = np.exp(Z + Z.max(axis=1, keepdims=True))
                    return e / e.sum(axis=1, keepdims=True)
            """,
        ),
        (
            "min_shift",
            """
                def softmax(Z):
                    e = np.exp(Z - Z.min(axis=1, keepdims=True))
                    return e / e.sum(axis=1, keepdims=True)
            """,
        ),
        (
            None,
            """
                def softmax(Z):
                    e = Z - Z.max(axis=1, keepdims=True)
                    return e / e.sum(axis=1, keepdims=True)
            """,
        ),
        (
            "divided_by_max",
            """
                def softmax(Z):
                    e = np.exp(Z - Z.max(axis=1, keepdims=True))
                    return e / e.max(axis=1, keepdims=True)
            """,
        ),
        (
            None,
            """
                def softmax(Z):
                    e = np.exp(Z - Z.mean(axis=1, keepdims=True))
                    return e / e.sum(axis=1, keepdims=True)
            """,
        ),
        (
            "int_output",
            """
                def softmax(Z):
                    e = np.exp(Z - Z.max(axis=1, keepdims=True))
                    return (e / e.sum(axis=1, keepdims=True)).astype(Z.dtype)
            """,
        ),
        (
            "not_shifted",
            """
                def softmax(Z):
                    x_exp = np.exp(Z)
                    x_sum = np.sum(np.exp(Z), axis=1, keepdims=True)
                    s = x_exp / x_sum
                    return s
            """,
        ),
        (
            "global_max",
            """
                def softmax(Z, axis=-1):
                    e_x = np.exp(Z-np.max(Z))
                    return e_x/e_x.sum(axis=axis, keepdims=True)
            """,
        ),
        (
            "sum_all",
            """
                def softmax(Z):
                    exp_x = np.exp(Z)
                    sum_exp_x = np.sum(exp_x)
                    return exp_x / sum_exp_x
            """,
        ),
        (
            "wrong_axis",
            """
                def softmax(Z):
                    return np.exp(Z) / np.sum(np.exp(Z), axis = 0)
            """,
        ),
    ],
}
for _name, _sources in _REAL_STYLES_2_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_sources)
for _name, _answers in _REAL_STYLES_2_WRONG.items():
    WRONG.setdefault(_name, []).extend(_answers)

# A later round of blind answers, written from the student notebooks only (each wrong one says its mistake).
_ROUND4_CORRECT = {
    "check_sigmoid_derivative": [
        (
            "from annlib.activations import sigmoid\n"
            "\n"
            "def sigmoid_derivative(z):\n"
            '    """d sigmoid / dz = sigmoid(z) * (1 - sigmoid(z)), element by element."""\n'
            "    s = sigmoid(z)\n"
            "    return s * (1 - s)\n"
        ),
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return sigmoid(z) * (1.0 - sigmoid(z))
        """,
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                # 1 - sigmoid(z) = sigmoid(-z)
                z = np.asarray(z, dtype=float)
                return sigmoid(z) * sigmoid(-z)
        """,
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                s = sigmoid(np.asarray(z, dtype=np.float64))
                return s - s ** 2
        """,
        """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                z = np.array(z, dtype=float)
                out = np.empty_like(z)
                for index in np.ndindex(z.shape):
                    s = sigmoid(z[index])
                    out[index] = s * (1 - s)
                return out
        """,
    ],
    "check_relu": [
        (
            "def relu(z):\n"
            '    """max(0, z), element by element; z itself is left unchanged."""\n'
            "    return np.maximum(0, z)\n"
        ),
        """
            def relu(z):
                return np.where(z > 0, z, 0)
        """,
        """
            def relu(z):
                out = np.array(z, dtype=float)  # a copy, so the caller's array is untouched
                out[out < 0] = 0.0
                return out
        """,
        """
            def relu(z):
                return z * (z > 0)
        """,
        """
            def relu(z):
                return np.clip(z, 0, None)
        """,
        """
            def relu(z):
                z = np.asarray(z, dtype=np.float64)
                return np.maximum(z, 0.0)
        """,
    ],
    "check_relu_derivative": [
        (
            "def relu_derivative(z):\n"
            '    """1.0 where z > 0, else 0.0, element by element."""\n'
            "    return (z > 0).astype(float)\n"
        ),
        """
            def relu_derivative(z):
                return np.where(z > 0, 1.0, 0.0)
        """,
        """
            def relu_derivative(z):
                return np.heaviside(z, 0.0).astype(np.float64)
        """,
        """
            def relu_derivative(z):
                z = np.asarray(z)
                grad = np.zeros(z.shape, dtype=float)
                grad[z > 0] = 1.0
                return grad
        """,
        """
            def relu_derivative(z):
                return np.greater(z, 0) * 1.0
        """,
    ],
    "check_stable_sigmoid": [
        (
            "def stable_sigmoid(z):\n"
            '    """sigmoid(z) for an array z, with no overflow warning and no NaN for any z."""\n'
            "    z = np.asarray(z, dtype=float)\n"
            "    e = np.exp(-np.abs(z))\n"
            "    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))\n"
        ),
        """
            def stable_sigmoid(z):
                # boolean masks: each side computed only where it applies
                z = np.asarray(z, dtype=np.float64)
                out = np.empty_like(z)
                positive = z >= 0
                negative = ~positive
                out[positive] = 1.0 / (1.0 + np.exp(-z[positive]))
                ez = np.exp(z[negative])
                out[negative] = ez / (1.0 + ez)
                return out
        """,
        """
            def stable_sigmoid(z):
                # tanh never overflows: sigma(z) = (1 + tanh(z / 2)) / 2
                z = np.asarray(z, dtype=float)
                return 0.5 * (1.0 + np.tanh(0.5 * z))
        """,
        """
            def stable_sigmoid(z):
                z = np.array(z, dtype=float)
                small = np.exp(-np.abs(z))           # always in (0, 1]
                for_positive = 1.0 / (1.0 + small)
                for_negative = small / (1.0 + small)
                result = np.where(z >= 0, for_positive, for_negative)
                return result
        """,
        """
            def stable_sigmoid(z):
                z = np.asarray(z, dtype=float)
                flat = z.ravel()
                out = np.zeros(flat.shape)
                for i, v in enumerate(flat):
                    if v >= 0:
                        out[i] = 1.0 / (1.0 + np.exp(-v))
                    else:
                        e = np.exp(v)
                        out[i] = e / (1.0 + e)
                return out.reshape(z.shape)
        """,
    ],
    "check_softmax": [
        (
            "def softmax(Z):\n"
            '    """Probabilities per row. Z: (n_samples, n_classes) -> same shape, each row summing to 1."""\n'
            "    shifted = Z - np.max(Z, axis=1, keepdims=True)\n"
            "    e = np.exp(shifted)\n"
            "    return e / np.sum(e, axis=1, keepdims=True)\n"
        ),
        """
            def softmax(Z):
                Z = np.asarray(Z, dtype=float)
                e = np.exp(Z - Z.max(axis=1)[:, None])
                return e / e.sum(axis=1)[:, None]
        """,
        """
            def softmax(Z):
                # one row at a time
                Z = np.asarray(Z, dtype=np.float64)
                P = np.zeros_like(Z)
                for i in range(Z.shape[0]):
                    row = Z[i] - np.max(Z[i])
                    e = np.exp(row)
                    P[i] = e / np.sum(e)
                return P
        """,
        """
            def softmax(Z):
                # log-sum-exp form: log softmax = Z - m - log(sum exp(Z - m))
                m = np.max(Z, axis=1, keepdims=True)
                log_sum = np.log(np.sum(np.exp(Z - m), axis=1, keepdims=True))
                return np.exp(Z - m - log_sum)
        """,
        """
            def softmax(Z):
                Z = np.array(Z, dtype=float)      # a copy: subtracting in place below is safe
                Z -= Z.max(axis=1, keepdims=True)
                np.exp(Z, out=Z)
                Z /= Z.sum(axis=1, keepdims=True)
                return Z
        """,
    ],
}
_ROUND4_WRONG = {
    "check_sigmoid_derivative": [
        # plus instead of minus: sigmoid(z) * (1 + sigmoid(z))
        (
            "plus",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                s = sigmoid(z)
                return s * (1 + s)
        """,
        ),
        # treats z as if it were already the activation: z * (1 - z)
        (
            "sigmoid_not_applied",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return z * (1 - z)
        """,
        ),
        # mixes the two: sigmoid(z) * (1 - z)
        (
            "one_minus_z",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return sigmoid(z) * (1 - z)
        """,
        ),
        # returns 1 - sigmoid(z), forgetting the factor sigmoid(z)
        (
            "one_minus_sigmoid",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return 1 - sigmoid(z)
        """,
        ),
        # forgets the square in the denominator of exp(-z) / (1 + exp(-z))**2
        (
            "one_minus_sigmoid",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return np.exp(-z) / (1 + np.exp(-z))
        """,
        ),
        # nests the sigmoid: sigmoid(z * (1 - z))
        (
            "formula_inside",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return sigmoid(z * (1 - z))
        """,
        ),
        # squares the sigmoid instead of multiplying by 1 - sigmoid
        (
            "squared",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return sigmoid(z) ** 2
        """,
        ),
        # returns the peak value 0.25 everywhere, a half-done answer
        (
            "constant",
            """
            from annlib.activations import sigmoid

            def sigmoid_derivative(z):
                return np.full(np.shape(z), 0.25)
        """,
        ),
    ],
    "check_relu": [
        # uses np.max, which reduces the array (here it treats z as an axis argument) instead of comparing element
        # by element
        (
            "np_max_arguments",
            """
            def relu(z):
                return np.max(0, z)
        """,
        ),
        # assigns into z, changing the caller's array
        (
            "in_place",
            """
            def relu(z):
                z[z < 0] = 0
                return z
        """,
        ),
        # np.maximum with out=z writes the result into the input array
        (
            "in_place",
            """
            def relu(z):
                return np.maximum(z, 0, out=z)
        """,
        ),
        # np.minimum instead of np.maximum: keeps the negative part
        (
            "minimum",
            """
            def relu(z):
                return np.minimum(0, z)
        """,
        ),
        # returns the indicator (z > 0) as floats, which is the derivative, not ReLU
        (
            "mask",
            """
            def relu(z):
                return (z > 0).astype(float)
        """,
        ),
        # swaps the branches of np.where
        (
            "minimum",
            """
            def relu(z):
                return np.where(z > 0, 0, z)
        """,
        ),
        # absolute value instead of max(0, z)
        (
            "abs",
            """
            def relu(z):
                return np.abs(z)
        """,
        ),
        # clips to [0, 1], also capping the positive values
        (
            "clipped_at_one",
            """
            def relu(z):
                return np.clip(z, 0, 1)
        """,
        ),
        # loops over only the first axis with Python's max, which fails on 2-D arrays
        (
            "loop_1d",
            """
            def relu(z):
                return np.array([max(0, v) for v in z])
        """,
        ),
    ],
    "check_relu_derivative": [
        # uses z >= 0, so the derivative at 0 is 1 instead of 0
        (
            "one_at_zero",
            """
            def relu_derivative(z):
                return (z >= 0).astype(float)
        """,
        ),
        # returns a boolean array instead of floats
        (
            "not_floats",
            """
            def relu_derivative(z):
                return z > 0
        """,
        ),
        # returns integers 1 and 0 instead of floats
        (
            "not_floats",
            """
            def relu_derivative(z):
                return np.where(z > 0, 1, 0)
        """,
        ),
        # uses np.sign, which gives -1 for negative z
        (
            "sign",
            """
            def relu_derivative(z):
                return np.sign(z).astype(float)
        """,
        ),
        # returns ReLU itself (z where positive) instead of its slope
        (
            "relu_itself",
            """
            def relu_derivative(z):
                return np.where(z > 0, z, 0.0)
        """,
        ),
        # overwrites the input array in place with the 0/1 values
        (
            "in_place",
            """
            def relu_derivative(z):
                z[z <= 0] = 0
                z[z > 0] = 1
                return z.astype(float)
        """,
        ),
        # np.zeros_like keeps the input's integer dtype, so integer z gives integers back
        (
            "not_floats",
            """
            def relu_derivative(z):
                grad = np.zeros_like(z)
                grad[z > 0] = 1
                return grad
        """,
        ),
        # uses z < 0 instead of z > 0: slope 1 on the flat side
        (
            "flipped",
            """
            def relu_derivative(z):
                return (z < 0).astype(float)
        """,
        ),
    ],
    "check_stable_sigmoid": [
        # hides the overflow warning with np.errstate instead of avoiding it
        (
            "silenced",
            """
            def stable_sigmoid(z):
                with np.errstate(over="ignore"):
                    return 1 / (1 + np.exp(-z))
        """,
        ),
        # np.where over two forms that each use exp(-z) and exp(z): both are computed in full and one overflows
        (
            "overflow",
            """
            def stable_sigmoid(z):
                z = np.asarray(z, dtype=float)
                return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
        """,
        ),
        # forgets the absolute value: exp(-z) overflows for very negative z
        (
            "no_abs",
            """
            def stable_sigmoid(z):
                z = np.asarray(z, dtype=float)
                e = np.exp(-z)
                return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
        """,
        ),
        # swaps the two forms, giving 1 - sigmoid(z)
        (
            "mirrored",
            """
            def stable_sigmoid(z):
                z = np.asarray(z, dtype=float)
                e = np.exp(-np.abs(z))
                return np.where(z >= 0, e / (1 + e), 1 / (1 + e))
        """,
        ),
        # uses 1 / (1 + exp(-|z|)) on both sides, so negative z give values above 0.5
        (
            "one_form",
            """
            def stable_sigmoid(z):
                z = np.asarray(z, dtype=float)
                return 1 / (1 + np.exp(-np.abs(z)))
        """,
        ),
        # np.empty_like on an integer input gives an integer output array, truncating every value to 0 or 1
        (
            "int_output",
            """
            def stable_sigmoid(z):
                out = np.empty_like(z)
                pos = z >= 0
                out[pos] = 1 / (1 + np.exp(-z[pos]))
                e = np.exp(z[~pos])
                out[~pos] = e / (1 + e)
                return out
        """,
        ),
        # handles only z >= 0 and leaves the negative entries at 0
        (
            "only_non_negative",
            """
            def stable_sigmoid(z):
                z = np.asarray(z, dtype=float)
                out = np.zeros_like(z)
                pos = z >= 0
                out[pos] = 1 / (1 + np.exp(-z[pos]))
                return out
        """,
        ),
        # turns warnings off globally with np.seterr: exp still overflows
        (
            "silenced",
            """
            def stable_sigmoid(z):
                np.seterr(over="ignore")
                return 1 / (1 + np.exp(-np.asarray(z, dtype=float)))
        """,
        ),
    ],
    "check_softmax": [
        # does not subtract the maximum, so scores of 1000 overflow to inf / inf = nan
        (
            "not_shifted",
            """
            def softmax(Z):
                e = np.exp(Z)
                return e / np.sum(e, axis=1, keepdims=True)
        """,
        ),
        # normalises along axis=0 (over the examples) instead of along each row
        (
            "wrong_axis",
            """
            def softmax(Z):
                e = np.exp(Z - np.max(Z, axis=0, keepdims=True))
                return e / np.sum(e, axis=0, keepdims=True)
        """,
        ),
        # forgets keepdims, so the row sums broadcast against the columns
        (
            "no_keepdims",
            """
            def softmax(Z):
                e = np.exp(Z - np.max(Z, axis=1, keepdims=True))
                return e / np.sum(e, axis=1)
        """,
        ),
        # divides by the sum over the whole batch instead of each row's sum
        (
            "sum_all",
            """
            def softmax(Z):
                e = np.exp(Z - np.max(Z, axis=1, keepdims=True))
                return e / np.sum(e)
        """,
        ),
        # subtracts the maximum in place, changing the caller's array
        (
            "in_place",
            """
            def softmax(Z):
                Z -= np.max(Z, axis=1, keepdims=True)
                e = np.exp(Z)
                return e / np.sum(e, axis=1, keepdims=True)
        """,
        ),
        # subtracts the global maximum of the batch instead of each row's: a row far below it underflows to 0 / 0
        (
            "global_max",
            """
            def softmax(Z):
                Z = np.asarray(Z, dtype=float)
                e = np.exp(Z - np.max(Z))
                return e / np.sum(e, axis=1, keepdims=True)
        """,
        ),
        # divides by the row maximum of the exponentials instead of their sum
        (
            "divided_by_max",
            """
            def softmax(Z):
                e = np.exp(Z - np.max(Z, axis=1, keepdims=True))
                return e / np.max(e, axis=1, keepdims=True)
        """,
        ),
        # normalises the shifted scores without exponentiating them
        (
            None,
            """
            def softmax(Z):
                shifted = Z - np.min(Z, axis=1, keepdims=True)
                return shifted / np.sum(shifted, axis=1, keepdims=True)
        """,
        ),
    ],
}

for _name, _sources in _ROUND4_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_sources)
for _name, _answers in _ROUND4_WRONG.items():
    WRONG.setdefault(_name, []).extend(_answers)
