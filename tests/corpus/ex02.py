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
