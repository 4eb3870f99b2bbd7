"""Exercise 01: learner-style answers (see tests/corpus/__init__.py)."""

CORRECT = {
    "check_weighted_sum": [
        "def weighted_sum(x, w, b):\n    return float(np.dot(x, w) + b)\n",
        "def weighted_sum(x, w, b):\n    return x @ w + b\n",
        "def weighted_sum(x, w, b):\n    return np.sum(x * w) + b\n",
        """
        def weighted_sum(x, w, b):
            z = 0
            for i in range(len(x)):
                z += x[i] * w[i]
            return z + b
        """,
        "def weighted_sum(x, w, b):\n    return sum(xi * wi for xi, wi in zip(x, w)) + b\n",
        "def weighted_sum(x, w, b):\n    return float(np.einsum('i,i->', x, w)) + b\n",
        "def weighted_sum(x, w, b):\n    return (x.astype(np.float32) @ w.astype(np.float32) + b).item()\n",
        "def weighted_sum(x, w, b):\n    z = b\n    for xi, wi in zip(x, w):\n        z = z + xi * wi\n    return z\n",
    ],
    "check_sigmoid": [
        "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n",
        "def sigmoid(z):\n    return 1.0 / (1.0 + np.exp(-1 * z))\n",
        "def sigmoid(z):\n    return np.exp(z) / (1 + np.exp(z))\n",
        "def sigmoid(z):\n    return 0.5 * (1 + np.tanh(z / 2))\n",
        "def sigmoid(z):\n    z = np.asarray(z, dtype=float)\n    return 1 / (1 + np.exp(-z))\n",
        "def sigmoid(z):\n    return np.reciprocal(1 + np.exp(np.negative(z)))\n",
        "import math\n\ndef sigmoid(z):\n    return 1 / (1 + math.e ** (-z))\n",
        "def sigmoid(z):\n    return np.power(1 + np.exp(-z), -1)\n",
    ],
    "check_neuron_output": [
        """
        def sigmoid(z):
            return 1 / (1 + np.exp(-z))

        def neuron_output(X, w, b):
            return sigmoid(X @ w + b)
        """,
        "def neuron_output(X, w, b):\n    return 1 / (1 + np.exp(-(np.dot(X, w) + b)))\n",
        "def neuron_output(X, w, b):\n    return sigmoid(np.array([x @ w + b for x in X]))\n",
        "def neuron_output(X, w, b):\n    return sigmoid(np.einsum('ij,j->i', X, w) + b)\n",
        "def neuron_output(X, w, b):\n    return sigmoid((X * w).sum(axis=1) + b)\n",
        "def neuron_output(X, w, b):\n    out = np.zeros(len(X))\n    for i in range(len(X)):\n"
        "        out[i] = sigmoid(np.dot(X[i], w) + b)\n    return out\n",
        # a slip in Part 2's sigmoid must not cost Part 3
        """
        def sigmoid(z):
            return 1 / (1 + np.exp(z))

        def neuron_output(X, w, b):
            return sigmoid(X @ w + b)
        """,
        "def neuron_output(X, w, b):\n    return sigmoid(np.matmul(X, w) + b)\n",
    ],
    "check_and_gate": [
        "def and_gate_parameters():\n    return np.array([10.0, 10.0]), -15.0\n",
        "def and_gate_parameters():\n    return np.array([10.0, 10.0]), -10.2\n",
        "def and_gate_parameters():\n    return np.array([1, 1]), -1.5\n",
        "def and_gate_parameters():\n    w = [20, 20]\n    b = -30\n    return w, b\n",
        "def and_gate_parameters():\n    return (np.array([5.0, 7.0]), -8.0)\n",
        "def and_gate_parameters():\n    return np.array([100.0, 100.0]), np.float64(-150.0)\n",
        "def and_gate_parameters():\n    return np.array([10, 10]), -10\n",  # exactly 0.5 at (0, 1) is not above
    ],
}

WRONG = {
    "check_weighted_sum": [
        ("no_bias", "def weighted_sum(x, w, b):\n    return np.dot(x, w)\n"),
        ("minus_bias", "def weighted_sum(x, w, b):\n    return np.dot(x, w) - b\n"),
        ("bias_per_input", "def weighted_sum(x, w, b):\n    return np.sum(x * w + b)\n"),
        ("sum_times_sum", "def weighted_sum(x, w, b):\n    return np.sum(x) * np.sum(w) + b\n"),
        (
            "loop_skips_first",
            "def weighted_sum(x, w, b):\n    z = 0\n    for i in range(1, len(x)):\n        z += x[i] * w[i]\n"
            "    return z + b\n",
        ),
        (
            "loop_skips_last",
            "def weighted_sum(x, w, b):\n    z = 0\n    for i in range(len(x) - 1):\n        z += x[i] * w[i]\n"
            "    return z + b\n",
        ),
        ("times_bias", "def weighted_sum(x, w, b):\n    return np.dot(x, w) * b\n"),
        ("products_not_summed", "def weighted_sum(x, w, b):\n    return x * w + b\n"),
        ("no_bias", "def weighted_sum(x, w, b):\n    return sum(x[i] * w[i] for i in range(len(x)))\n"),
    ],
    "check_sigmoid": [
        ("mirrored", "def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n"),
        ("tanh", "def sigmoid(z):\n    return np.tanh(z)\n"),
        ("minus_in_denominator", "def sigmoid(z):\n    return 1 / (1 - np.exp(-z))\n"),
        ("not_divided", "def sigmoid(z):\n    return np.exp(-z)\n"),
        ("precedence", "def sigmoid(z):\n    return 1 / 1 + np.exp(-z)\n"),
        ("no_one", "def sigmoid(z):\n    return 1 / np.exp(-z)\n"),
        ("math_exp", "import math\n\ndef sigmoid(z):\n    return 1 / (1 + math.exp(-z))\n"),
        ("mirrored", "def sigmoid(z):\n    return np.exp(-z) / (1 + np.exp(-z))\n"),
        ("squared", "def sigmoid(z):\n    return 1 / (1 + np.exp(-z)) ** 2\n"),
        ("rounded", "def sigmoid(z):\n    return np.round(1 / (1 + np.exp(-z)), 3)\n"),
    ],
    "check_neuron_output": [
        ("no_activation", "def neuron_output(X, w, b):\n    return X @ w + b\n"),
        ("no_bias", "def neuron_output(X, w, b):\n    return sigmoid(X @ w)\n"),
        ("transposed", "def neuron_output(X, w, b):\n    return sigmoid(X.T @ w + b)\n"),
        ("bias_after_activation", "def neuron_output(X, w, b):\n    return sigmoid(X @ w) + b\n"),
        ("column", "def neuron_output(X, w, b):\n    return sigmoid(X @ w.reshape(-1, 1) + b)\n"),
        ("elementwise", "def neuron_output(X, w, b):\n    return sigmoid(X * w + b)\n"),
        ("minus_bias", "def neuron_output(X, w, b):\n    return sigmoid(X @ w - b)\n"),
        ("sum_over_batch", "def neuron_output(X, w, b):\n    return sigmoid(np.sum(X @ w) + b)\n"),
        (None, "def neuron_output(X, w, b):\n    return sigmoid(X @ w + b)[0]\n"),
    ],
    "check_and_gate": [
        ("or_gate", "def and_gate_parameters():\n    return np.array([10.0, 10.0]), -5.0\n"),
        ("fires_at_zero", "def and_gate_parameters():\n    return np.array([10.0, 10.0]), 15.0\n"),
        ("never_fires", "def and_gate_parameters():\n    return np.array([1.0, 1.0]), -15.0\n"),
        ("never_fires", "def and_gate_parameters():\n    return np.array([-10.0, -10.0]), -15.0\n"),
        ("one_input_ignored", "def and_gate_parameters():\n    return np.array([10.0, 0.0]), -5.0\n"),
        ("w_only", "def and_gate_parameters():\n    return np.array([10.0, 10.0])\n"),
        ("no_return", "def and_gate_parameters():\n    w = np.array([10.0, 10.0])\n    b = -15.0\n"),
        (None, "def and_gate_parameters():\n    return np.array([10.0, 10.0, 10.0]), -15.0\n"),
        ("fires_at_zero", "def and_gate_parameters():\n    return np.array([-10.0, -10.0]), 15.0\n"),
    ],
}


# More answers in the styles learners write, and real learners' code translated into the exercise's
# signatures as it was (added to the dicts above).
_REAL_STYLES_CORRECT = {
    "check_and_gate": [
        """
            def and_gate_parameters():
                return np.array([10.0, 10.0]), -15.0
        """,
        """
            def and_gate_parameters():
                w = np.array([1.0, 1.0])
                b = -1.5
                return w, b
        """,
        """
            def and_gate_parameters():
                return np.array([20, 20]), -30
        """,
        """
            def and_gate_parameters():
                w = np.ones(2) * 100
                return w, -150.0
        """,
        """
            def and_gate_parameters():
                return np.array([4.0, 6.0]), -8.0
        """,
        """
            def and_gate_parameters():
                w = np.array([3, 3])
                b = -5
                return w, b
        """,
        """
            def and_gate_parameters():
                w = np.full(2, 5.0)
                b = -7.5
                return (w, b)
        """,
        """
            def and_gate_parameters():
                w = np.array([1000.0, 1000.0])
                return w, -1500.0
        """,
        """
            def and_gate_parameters():
                w = np.array([2, 2])
                b = -3
                return w, b
        """,
        """
            def and_gate_parameters():
                wght1, wght2, theta = .5, .5, .7
                return np.array([wght1, wght2]), -theta
        """,
        """
            def and_gate_parameters():
                return np.array([10.0, 10.0]), -10.0
        """,
        """
            def and_gate_parameters():
                return np.array([1.0, 1.0]), -1.0
        """,
    ],
    "check_neuron_output": [
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return sigmoid(X @ w + b)
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return sigmoid(np.dot(X, w) + b)
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return np.array([sigmoid(np.dot(x, w) + b) for x in X])
        """,
        """
            def neuron_output(X, w, b):
                z = np.matmul(X, w) + b
                return 1 / (1 + np.exp(-z))
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return sigmoid(np.einsum("ij,j->i", X, w) + b)
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return sigmoid((X * w).sum(axis=1) + b)
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                z = X.dot(w.reshape(-1, 1)) + b
                return sigmoid(z).flatten()
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                out = np.zeros(X.shape[0])
                for i in range(X.shape[0]):
                    z = 0.0
                    for j in range(X.shape[1]):
                        z += X[i, j] * w[j]
                    out[i] = sigmoid(z + b)
                return out
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return np.apply_along_axis(lambda row: sigmoid(row @ w + b), 1, X)
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return sigmoid(w @ X.T + b)
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                outputs = []
                for inputs in X:
                    total = np.dot(w, inputs) + b
                    outputs.append(sigmoid(total))
                return np.array(outputs)
        """,
    ],
    "check_sigmoid": [
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))
        """,
        """
            def sigmoid(z):
                return np.exp(z) / (1 + np.exp(z))
        """,
        """
            def sigmoid(z):
                return 0.5 * (1 + np.tanh(z / 2))
        """,
        """
            def sigmoid(z):
                z = np.asarray(z, dtype=float)
                return 1.0 / (1.0 + np.exp(-z))
        """,
        """
            def sigmoid(z):
                return np.reciprocal(1 + np.exp(-z))
        """,
        """
            def sigmoid(z):
                return np.divide(1, 1 + np.exp(-z))
        """,
        """
            def sigmoid(z):
                return np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))))
        """,
        """
            def sigmoid(z):
                return np.power(1 + np.exp(-z), -1)
        """,
        """
            import math

            def sigmoid(z):
                return 1 / (1 + math.e ** (-z))
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-np.asarray(z, dtype=np.float32)))
        """,
        """
            def sigmoid(z):
                z = np.array(z, dtype=float)
                s = np.exp(-z)
                s += 1
                return 1 / s
        """,
        """
            def sigmoid(x):
                return 1 / (1 + np.exp(-x))
        """,
        """
            def sigmoid(x):
                return 1.0 / (1.0 + np.exp(-np.clip(x, -500, 500)))
        """,
        """
            def sigmoid(x):
                return np.exp(np.minimum(x, 0)) / (1 + np.exp(- np.abs(x)))
        """,
    ],
    "check_weighted_sum": [
        """
            def weighted_sum(x, w, b):
                return np.dot(x, w) + b
        """,
        """
            def weighted_sum(x, w, b):
                z = 0
                for i in range(len(x)):
                    z += x[i] * w[i]
                return z + b
        """,
        """
            def weighted_sum(x, w, b):
                return sum(xi * wi for xi, wi in zip(x, w)) + b
        """,
        """
            def weighted_sum(x, w, b):
                return np.sum(x * w) + b
        """,
        """
            def weighted_sum(x, w, b):
                return x @ w + b
        """,
        """
            def weighted_sum(x, w, b):
                return float(np.einsum("i,i->", x, w) + b)
        """,
        """
            import math

            def weighted_sum(x, w, b):
                return math.fsum([x[i] * w[i] for i in range(len(w))]) + b
        """,
        """
            def weighted_sum(x, w, b):
                return w.dot(x) + b
        """,
        """
            def weighted_sum(x, w, b):
                z = np.inner(np.asarray(x, dtype=float), np.asarray(w, dtype=float))
                z = z + b
                return z
        """,
        """
            def weighted_sum(x, w, b):
                total = b
                for xi, wi in zip(x, w):
                    total = total + xi * wi
                return float(total)
        """,
        """
            def weighted_sum(x, w, b):
                total = np.dot(w, x) + b
                return total
        """,
        """
            def weighted_sum(x, w, b):
                xArr = np.array(x)
                wArr = np.array(w)
                y = np.sum(xArr * wArr) + b
                return y
        """,
    ],
}
_REAL_STYLES_WRONG = {
    "check_and_gate": [
        (
            "or_gate",
            """
            def and_gate_parameters():
                return np.array([10.0, 10.0]), -5.0
            """,
        ),
        (
            "fires_at_zero",
            """
            def and_gate_parameters():
                return np.array([10.0, 10.0]), 15.0
            """,
        ),
        (
            "never_fires",
            """
            def and_gate_parameters():
                return np.array([10.0, 10.0]), -25.0
            """,
        ),
        (
            "never_fires",
            """
            def and_gate_parameters():
                return np.array([10.0, 10.0]), -20.0
            """,
        ),
        (
            "fires_at_zero",
            """
            def and_gate_parameters():
                return np.array([-10.0, -10.0]), 15.0
            """,
        ),
        (
            "swapped",
            """
            def and_gate_parameters():
                w = np.array([10.0, 10.0])
                b = -15.0
                return b, w
            """,
        ),
        (
            "bias_in_w",
            """
            def and_gate_parameters():
                return np.array([-15.0, 10.0, 10.0]), 0.0
            """,
        ),
        (
            None,
            """
            def and_gate_parameters():
                return np.array([10.0, -10.0]), -5.0
            """,
        ),
        (
            "one_input_ignored",
            """
            def and_gate_parameters():
                return np.array([10.0, 0.0]), -5.0
            """,
        ),
        (
            "fires_at_zero",
            """
            def and_gate_parameters():
                return np.array([1.0, 1.0]), 1.5
            """,
        ),
        (
            "one_input_ignored",
            """
            def and_gate_parameters():
                w = np.array([.3, .7])
                bias = -.6
                return w, bias
            """,
        ),
    ],
    "check_neuron_output": [
        (
            "no_activation",
            """
            def neuron_output(X, w, b):
                return X @ w + b
            """,
        ),
        (
            "bias_after_activation",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return sigmoid(X @ w) + b
            """,
        ),
        (
            "no_bias",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return sigmoid(X @ w)
            """,
        ),
        (
            "sum_over_batch",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return sigmoid(np.sum(X * w) + b)
            """,
        ),
        (
            "column",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return sigmoid(X @ w + b).reshape(-1, 1)
            """,
        ),
        (
            "minus_bias",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return sigmoid(X @ w - b)
            """,
        ),
        (
            "thresholded",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return sigmoid(X @ w + b) > 0.5
            """,
        ),
        (
            "thresholded",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return np.round(sigmoid(X @ w + b))
            """,
        ),
        (
            "mean",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return sigmoid(np.mean(X * w, axis=1) + b)
            """,
        ),
        (
            "loop_skips_last",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                out = np.zeros(X.shape[0])
                for i in range(X.shape[0] - 1):
                    out[i] = sigmoid(X[i] @ w + b)
                return out
            """,
        ),
        (
            "negated",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return sigmoid(-(X @ w + b))
            """,
        ),
        (
            None,
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return sigmoid(np.sum(X, axis=1) * np.sum(w) + b)
            """,
        ),
        (
            "relu",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return np.maximum(0, X @ w + b)
            """,
        ),
        (
            None,
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                return sigmoid(X[:, 0] * w[0] + X[:, 1] * w[1] + b)
            """,
        ),
        (
            "transposed",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))

            def neuron_output(X, w, b):
                total = np.dot(w, X) + b
                return sigmoid(total)
            """,
        ),
    ],
    "check_sigmoid": [
        (
            "mirrored",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(z))
            """,
        ),
        (
            "minus_in_denominator",
            """
            def sigmoid(z):
                return 1 / (1 - np.exp(-z))
            """,
        ),
        (
            "precedence",
            """
            def sigmoid(z):
                return 1 / 1 + np.exp(-z)
            """,
        ),
        (
            "mirrored",
            """
            def sigmoid(z):
                return np.exp(-z) / (1 + np.exp(-z))
            """,
        ),
        (
            "math_exp",
            """
            import math

            def sigmoid(z):
                return 1 / (1 + math.exp(-z))
            """,
        ),
        (
            "tanh",
            """
            def sigmoid(z):
                return np.tanh(z)
            """,
        ),
        (
            "half_exponent",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z / 2))
            """,
        ),
        (
            "base_two",
            """
            def sigmoid(z):
                return 1 / (1 + 2.0 ** (-z))
            """,
        ),
        (
            "step",
            """
            def sigmoid(z):
                return (z > 0).astype(float)
            """,
        ),
        (
            "abs",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-np.abs(z)))
            """,
        ),
        (
            "rounded",
            """
            def sigmoid(z):
                return np.round(1 / (1 + np.exp(-z)), 2)
            """,
        ),
        (
            None,
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-np.sum(z)))
            """,
        ),
        (
            "relu",
            """
            def sigmoid(z):
                return np.maximum(0, z)
            """,
        ),
        (
            "squared",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z)) ** 2
            """,
        ),
        (
            "math_exp",
            """
            import math

            def sigmoid(x):
                return 1 / (1 + math.exp(-x))
            """,
        ),
    ],
    "check_weighted_sum": [
        (
            "no_bias",
            """
            def weighted_sum(x, w, b):
                return np.dot(x, w)
            """,
        ),
        (
            "minus_bias",
            """
            def weighted_sum(x, w, b):
                return np.dot(x, w) - b
            """,
        ),
        (
            "products_not_summed",
            """
            def weighted_sum(x, w, b):
                return x * w + b
            """,
        ),
        (
            "bias_per_input",
            """
            def weighted_sum(x, w, b):
                return np.sum(x * w + b)
            """,
        ),
        (
            "loop_skips_last",
            """
            def weighted_sum(x, w, b):
                z = 0
                for i in range(len(x) - 1):
                    z += x[i] * w[i]
                return z + b
            """,
        ),
        (
            "loop_skips_first",
            """
            def weighted_sum(x, w, b):
                z = 0
                for i in range(1, len(x)):
                    z += x[i] * w[i]
                return z + b
            """,
        ),
        (
            "mean",
            """
            def weighted_sum(x, w, b):
                return np.mean(x * w) + b
            """,
        ),
        (
            "added_not_multiplied",
            """
            def weighted_sum(x, w, b):
                return np.sum(x + w) + b
            """,
        ),
        (
            "activation_applied",
            """
            def weighted_sum(x, w, b):
                return 1 / (1 + np.exp(-(np.dot(x, w) + b)))
            """,
        ),
        (
            "cut_to_integer",
            """
            def weighted_sum(x, w, b):
                return int(np.dot(x, w) + b)
            """,
        ),
        (
            "times_bias",
            """
            def weighted_sum(x, w, b):
                return np.dot(x, w) * b
            """,
        ),
        (
            "sum_times_sum",
            """
            def weighted_sum(x, w, b):
                return np.sum(x) * np.sum(w) + b
            """,
        ),
        (
            "rounded",
            """
            def weighted_sum(x, w, b):
                return round(np.dot(x, w) + b, 2)
            """,
        ),
        (
            "two_inputs_only",
            """
            def weighted_sum(x, w, b):
                m1, m2 = x[0], x[1]
                w1, w2 = w[0], w[1]
                z = m1 * w1 + m2 * w2 + b
                return z
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
    "check_weighted_sum": [
        """
            def weighted_sum(x, w, b):
                z = 0
                for i in range(len(x)):
                    z += x[i] * w[i]
                return z + b
        """,
        """
            def weighted_sum(x, w, b):
                return sum(xi * wi for xi, wi in zip(x, w)) + b
        """,
        """
            def weighted_sum(x, w, b):
                return np.sum(x * w) + b
        """,
        """
            def weighted_sum(x, w, b):
                return x @ w + b
        """,
        """
            def weighted_sum(x, w, b):
                return float(np.einsum("i,i->", x, w) + b)
        """,
        """
            def weighted_sum(x, w, b):
                return np.matmul(w, x) + b
        """,
        """
            def weighted_sum(x, w, b):
                return float(np.dot(w.T, x)) + float(b)
        """,
        """
            def weighted_sum(x, w, b):
                xs = np.append(x, 1.0)
                ws = np.append(w, b)
                return np.dot(xs, ws)
        """,
        """
            import math
            def weighted_sum(x, w, b):
                return math.fsum([a * c for a, c in zip(x.tolist(), w.tolist())]) + b
        """,
        """
            def weighted_sum(x, w, b):
                return (x.reshape(1, -1) @ w.reshape(-1, 1)).item() + b
        """,
        """
            def weighted_sum(x, w, b):
                sum = 0
                for index, input in enumerate(x):
                    sum += input * w[index]
                output = sum + b
                return output
        """,
        """
            def weighted_sum(x, w, b):
                tmp = np.sum(w * x) + b
                return tmp
        """,
        """
            def weighted_sum(x, w, b):
                return sum(input_val * weight for input_val, weight in zip(x, w)) + b
        """,
    ],
    "check_sigmoid": [
        """
            def sigmoid(z):
                return 1.0 / (1.0 + np.exp(-z))
        """,
        """
            def sigmoid(z):
                return np.exp(z) / (1 + np.exp(z))
        """,
        """
            def sigmoid(z):
                z = np.asarray(z, dtype=float)
                return 1 / (1 + np.exp(-z))
        """,
        """
            def sigmoid(z):
                return (1 + np.exp(-z)) ** -1
        """,
        """
            def sigmoid(z):
                return 0.5 * (1 + np.tanh(z / 2))
        """,
        """
            def sigmoid(z):
                return np.reciprocal(1 + np.exp(-np.asarray(z, dtype=np.float64)))
        """,
        """
            def sigmoid(z):
                e = np.exp(-z)
                s = 1 / (1 + e)
                return s
        """,
        """
            def sigmoid(z):
                return np.divide(1, np.add(1, np.exp(np.negative(z))))
        """,
        """
            def sigmoid(z):
                return 1 / (1 + 1 / np.exp(z))
        """,
        """
            def sigmoid(z):
                return np.exp(-np.logaddexp(0, -z))
        """,
        """
            def sigmoid(z):
                s = 1 / (1 + np.exp(-z))
                return s
        """,
        """
            from numpy import exp
            def sigmoid(z):
                return 1. / (1. + exp(-z))
        """,
        """
            def sigmoid(z):
                return (1 + np.exp(-z)) ** -1
        """,
    ],
    "check_neuron_output": [
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))
            def neuron_output(X, w, b):
                return sigmoid(np.dot(X, w) + b)
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))
            def neuron_output(X, w, b):
                return sigmoid(X @ w + b)
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))
            def neuron_output(X, w, b):
                z = np.array([np.dot(x, w) + b for x in X])
                return sigmoid(z)
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))
            def neuron_output(X, w, b):
                out = np.zeros(X.shape[0])
                for i in range(X.shape[0]):
                    out[i] = sigmoid(X[i] @ w + b)
                return out
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))
            def neuron_output(X, w, b):
                return sigmoid(np.einsum("ij,j->i", X, w) + b)
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))
            def neuron_output(X, w, b):
                z = (X @ w.reshape(-1, 1)).ravel() + b
                return sigmoid(z)
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))
            def neuron_output(X, w, b):
                return sigmoid(np.sum(X * w, axis=1) + b)
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))
            def neuron_output(X, w, b):
                return sigmoid(np.matmul(X, w) + b).reshape(X.shape[0])
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))
            def neuron_output(X, w, b):
                return sigmoid((w @ X.T) + b)
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))
            def neuron_output(X, w, b):
                Xb = np.hstack([X, np.ones((X.shape[0], 1))])
                return sigmoid(Xb @ np.append(w, b))
        """,
        """
            def sigmoid(z):
                return 1.0 / (1.0 + np.exp(-z))
            def neuron_output(X, w, b):
                a = X.T
                return sigmoid(np.dot(w, a) + b)
        """,
        """
            def sigmoid(z):
                s = 1 / (1 + np.exp(-z))
                return s
            def neuron_output(X, w, b):
                A = sigmoid(np.dot(w.T, X.T) + b)
                return A
        """,
    ],
    "check_and_gate": [
        """
            def and_gate_parameters():
                return np.array([10.0, 10.0]), -15.0
        """,
        """
            def and_gate_parameters():
                w = np.array([1, 1])
                b = -1.5
                return w, b
        """,
        """
            def and_gate_parameters():
                return np.array([20.0, 20.0]), -30
        """,
        """
            def and_gate_parameters():
                return np.array([5.0, 7.0]), -10.0
        """,
        """
            def and_gate_parameters():
                w = np.ones(2) * 100
                b = -150.0
                return w, b
        """,
        """
            def and_gate_parameters():
                return np.array([2.0, 2.0]), np.float64(-3.0)
        """,
        """
            def and_gate_parameters():
                return np.array([1.0, 1.0]), -1.9
        """,
        """
            def and_gate_parameters():
                w = np.array([6.0, 6.0])
                return w, -1.5 * w[0]
        """,
        """
            def and_gate_parameters():
                w = np.array([0.5, 0.5])
                b = -0.7
                return w, b
        """,
        """
            def and_gate_parameters():
                return np.array([2, 2]), -3
        """,
    ],
}
_REAL_STYLES_2_WRONG = {
    "check_weighted_sum": [
        (
            "no_bias",
            """
                def weighted_sum(x, w, b):
                    return np.dot(x, w)
            """,
        ),
        (
            "minus_bias",
            """
                def weighted_sum(x, w, b):
                    return np.dot(x, w) - b
            """,
        ),
        (
            "products_not_summed",
            """
                def weighted_sum(x, w, b):
                    return x * w + b
            """,
        ),
        (
            "added_not_multiplied",
            """
                def weighted_sum(x, w, b):
                    return np.sum(x + w) + b
            """,
        ),
        (
            "times_bias",
            """
                def weighted_sum(x, w, b):
                    return np.dot(x, w) * b
            """,
        ),
        (
            "bias_per_input",
            """
                def weighted_sum(x, w, b):
                    return np.sum(x * w + b)
            """,
        ),
        (
            "mean",
            """
                def weighted_sum(x, w, b):
                    return np.mean(x * w) + b
            """,
        ),
        (
            "loop_skips_last",
            """
                def weighted_sum(x, w, b):
                    z = 0
                    for i in range(len(x) - 1):
                        z += x[i] * w[i]
                    return z + b
            """,
        ),
        (
            "loop_skips_first",
            """
                def weighted_sum(x, w, b):
                    z = b
                    for i in range(1, len(x)):
                        z += x[i] * w[i]
                    return z
            """,
        ),
        (
            "activation_applied",
            """
                def weighted_sum(x, w, b):
                    return 1 / (1 + np.exp(-(np.dot(x, w) + b)))
            """,
        ),
        (
            None,
            """
                def weighted_sum(x, w, b):
                    return np.dot(x, x) + b
            """,
        ),
        (
            "bias_per_input",
            """
                def weighted_sum(x, w, b):
                    return np.dot(x, w) + b * len(x)
            """,
        ),
        (
            "cut_to_integer",
            """
                def weighted_sum(x, w, b):
                    return int(np.dot(x, w) + b)
            """,
        ),
        (
            None,
            """
                def weighted_sum(x, w, b):
                    output = x[0]*w[0] + x[1]*w[1] + x[2]*w[2] + b
                    return output
            """,
        ),
        (
            "sum_times_sum",
            """
                def weighted_sum(x, w, b):
                    return np.outer(x, w).sum() + b
            """,
        ),
    ],
    "check_sigmoid": [
        (
            "mirrored",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(z))
            """,
        ),
        (
            "minus_in_denominator",
            """
                def sigmoid(z):
                    return 1 / (1 - np.exp(-z))
            """,
        ),
        (
            "math_exp",
            """
                import math
                def sigmoid(z):
                    return 1 / (1 + math.exp(-z))
            """,
        ),
        (
            "precedence",
            """
                def sigmoid(z):
                    return 1 / 1 + np.exp(-z)
            """,
        ),
        (
            "mirrored",
            """
                def sigmoid(z):
                    return np.exp(-z) / (1 + np.exp(-z))
            """,
        ),
        (
            "tanh",
            """
                def sigmoid(z):
                    return np.tanh(z)
            """,
        ),
        (
            "derivative",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z)) * (1 - 1 / (1 + np.exp(-z)))
            """,
        ),
        (
            None,
            """
                def sigmoid(z):
                    return 1 / (1 + np.e ** -z) if np.ndim(z) == 0 else 1 / (1 + np.exp(-z[0]))
            """,
        ),
        (
            "rounded",
            """
                def sigmoid(z):
                    return np.round(1 / (1 + np.exp(-z)), 2)
            """,
        ),
        (
            "float16",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z)).astype(np.float16)
            """,
        ),
        (
            None,
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-np.max(z)))
            """,
        ),
        (
            "base_two",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp2(-z))
            """,
        ),
        (
            None,
            """
                def sigmoid(z):
                    z = np.clip(z, -5, 5)
                    return 1 / (1 + np.exp(-z))
            """,
        ),
        (
            "step",
            """
                def sigmoid(z):
                    return np.where(z > 0, 1.0, 0.0)
            """,
        ),
        (
            None,
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z)).astype(int)
            """,
        ),
    ],
    "check_neuron_output": [
        (
            "no_activation",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z))
                def neuron_output(X, w, b):
                    return X @ w + b
            """,
        ),
        (
            "bias_after_activation",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z))
                def neuron_output(X, w, b):
                    return sigmoid(X @ w) + b
            """,
        ),
        (
            "elementwise",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z))
                def neuron_output(X, w, b):
                    return sigmoid(X * w + b)
            """,
        ),
        (
            "minus_bias",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z))
                def neuron_output(X, w, b):
                    return sigmoid(X @ w - b)
            """,
        ),
        (
            "sum_down_columns",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z))
                def neuron_output(X, w, b):
                    return sigmoid(np.sum(X * w, axis=0) + b)
            """,
        ),
        (
            "column",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z))
                def neuron_output(X, w, b):
                    return sigmoid(X @ w + b).reshape(-1, 1)
            """,
        ),
        (
            "sum_over_batch",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z))
                def neuron_output(X, w, b):
                    return sigmoid(np.sum(X @ w) + b)
            """,
        ),
        (
            None,
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z))
                def neuron_output(X, w, b):
                    return sigmoid(X[0] @ w + b)
            """,
        ),
        (
            "tanh",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z))
                def neuron_output(X, w, b):
                    return np.tanh(X @ w + b)
            """,
        ),
        (
            None,
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z))
                def neuron_output(X, w, b):
                    return sigmoid(X @ w + b * X.shape[1])
            """,
        ),
        (
            "mean",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z))
                def neuron_output(X, w, b):
                    return sigmoid(np.mean(X * w, axis=1) + b)
            """,
        ),
        (
            "thresholded",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z))
                def neuron_output(X, w, b):
                    return (sigmoid(X @ w + b) > 0.5).astype(float)
            """,
        ),
        (
            "loop_one_short",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z))
                def neuron_output(X, w, b):
                    out = []
                    for i in range(len(X) - 1):
                        out.append(sigmoid(X[i] @ w + b))
                    return np.array(out)
            """,
        ),
        (
            "negated",
            """
                def sigmoid(z):
                    return 1 / (1 + np.exp(-z))
                def neuron_output(X, w, b):
                    z = X @ w
                    z += b
                    X += 0
                    return 1 / (1 + np.exp(z))
            """,
        ),
    ],
    "check_and_gate": [
        (
            "or_gate",
            """
                def and_gate_parameters():
                    return np.array([1.0, 1.0]), -0.5
            """,
        ),
        (
            "fires_at_zero",
            """
                def and_gate_parameters():
                    return np.array([10.0, 10.0]), 15.0
            """,
        ),
        (
            "never_fires",
            """
                def and_gate_parameters():
                    return np.array([10.0, 10.0]), -25.0
            """,
        ),
        (
            "fires_at_zero",
            """
                def and_gate_parameters():
                    return np.array([-10.0, -10.0]), 15.0
            """,
        ),
        (
            "or_gate",
            """
                def and_gate_parameters():
                    return np.array([10.0, 10.0]), -5.0
            """,
        ),
        (
            "never_fires",
            """
                def and_gate_parameters():
                    return np.array([1.0, 1.0]), -2.0
            """,
        ),
        (
            "or_gate",
            """
                def and_gate_parameters():
                    return np.array([10.0, 10.0]), 0.0
            """,
        ),
        (
            None,
            """
                def and_gate_parameters():
                    return np.array([10.0, -10.0]), -5.0
            """,
        ),
        (
            "swapped",
            """
                def and_gate_parameters():
                    return -15.0, np.array([10.0, 10.0])
            """,
        ),
        (
            "one_input_ignored",
            """
                def and_gate_parameters():
                    return np.array([20.0, 5.0]), -10.0
            """,
        ),
        (
            "bias_in_w",
            """
                def and_gate_parameters():
                    return np.array([1.0, 1.0, -1.5]), 0.0
            """,
        ),
        (
            "or_gate",
            """
                def and_gate_parameters():
                    w = np.array([0.5, 0.5])
                    b = -0.4
                    return w, b
            """,
        ),
        (
            "fires_at_zero",
            """
                def and_gate_parameters():
                    w1, w2, theta = 0.5, 0.5, 0.7
                    return np.array([w1, w2]), theta
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
    "check_weighted_sum": [
        (
            "def weighted_sum(x, w, b):\n"
            '    """z = x . w + b for one example. x, w: shape (N,); b: a number. Returns a float."""\n'
            "    return float(np.dot(x, w) + b)\n"
        ),
        """
            def weighted_sum(x, w, b):
                # add up each input times its weight, then the bias
                total = 0.0
                for i in range(len(x)):
                    total = total + x[i] * w[i]
                total = total + b
                return total
        """,
        """
            def weighted_sum(x, w, b):
                return np.sum(x * w) + b
        """,
        """
            def weighted_sum(x, w, b):
                z = x @ w + b
                return float(z)
        """,
        """
            def weighted_sum(x, w, b):
                return sum(xi * wi for xi, wi in zip(x, w)) + b
        """,
        """
            def weighted_sum(x, w, b):
                x = np.asarray(x, dtype=float)
                w = np.asarray(w, dtype=float)
                assert x.shape == w.shape, "x and w must have the same shape"
                return float(np.einsum("i,i->", x, w) + b)
        """,
    ],
    "check_sigmoid": [
        (
            "def sigmoid(z):\n"
            '    """1 / (1 + exp(-z)), element by element. z: a number or an array; the result has its '
            'shape."""\n'
            "    return 1 / (1 + np.exp(-z))\n"
        ),
        """
            def sigmoid(z):
                z = np.asarray(z, dtype=float)
                return 1.0 / (1.0 + np.exp(-z))
        """,
        """
            def sigmoid(z):
                # the same curve written with tanh: sigma(z) = (1 + tanh(z / 2)) / 2
                return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))
        """,
        """
            def sigmoid(z):
                z = np.asarray(z, dtype=np.float64)
                e = np.exp(-np.abs(z))
                return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        """,
        """
            def sigmoid(z):
                exp_minus_z = np.exp(-np.asarray(z, dtype=float))
                denominator = 1.0 + exp_minus_z
                s = 1.0 / denominator
                return s
        """,
    ],
    "check_neuron_output": [
        (
            "def sigmoid(z):\n"
            "    return 1 / (1 + np.exp(-z))\n"
            "\n"
            "\n"
            "def neuron_output(X, w, b):\n"
            '    """sigmoid(X @ w + b). X: (n_samples, N); w: (N,); b: a number. Returns shape (n_sampl'
            'es,)."""\n'
            "    return sigmoid(X @ w + b)\n"
        ),
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))


            def neuron_output(X, w, b):
                z = np.dot(X, w) + b
                a = sigmoid(z)
                return a
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))


            def neuron_output(X, w, b):
                # one example at a time, like the weighted sum of Part 1
                outputs = np.zeros(X.shape[0])
                for i in range(X.shape[0]):
                    outputs[i] = sigmoid(np.dot(X[i], w) + b)
                return outputs
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))


            def neuron_output(X, w, b):
                return sigmoid(np.einsum("ij,j->i", X, w) + b)
        """,
        """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))


            def neuron_output(X, w, b):
                X = np.asarray(X, dtype=float)
                w = np.asarray(w, dtype=float).reshape(-1)
                z = X @ w + b
                assert z.shape == (X.shape[0],)
                return sigmoid(z)
        """,
    ],
    "check_and_gate": [
        (
            "def and_gate_parameters():\n"
            '    """Return (w, b): w of shape (2,) and a number b, so that the neuron computes AND."""\n'
            "    w = np.array([1.0, 1.0])\n"
            "    b = -1.5\n"
            "    return w, b\n"
        ),
        """
            def and_gate_parameters():
                # large weights make the neuron decisive: outputs close to 0 and 1
                return np.array([20.0, 20.0]), -30.0
        """,
        """
            def and_gate_parameters():
                w = np.array([10, 10])
                b = -15
                return (w, b)
        """,
        """
            def and_gate_parameters():
                w = np.array([2.0, 3.0])   # the weights need not be equal
                b = -4.0                   # 2 - 4 < 0, 3 - 4 < 0, 2 + 3 - 4 > 0
                return w, b
        """,
        """
            def and_gate_parameters():
                w = np.array([1.0, 1.0])
                b = -1.0   # w1 + b = 0 gives exactly 0.5, which is not above 0.5: allowed by the text
                return w, float(b)
        """,
    ],
}
_ROUND4_WRONG = {
    "check_weighted_sum": [
        # forgets to add the bias b
        (
            "no_bias",
            """
            def weighted_sum(x, w, b):
                return float(np.dot(x, w))
        """,
        ),
        # returns the element-wise products plus b (an array) instead of adding them up
        (
            "products_not_summed",
            """
            def weighted_sum(x, w, b):
                return x * w + b
        """,
        ),
        # off-by-one loop that skips the last input
        (
            "loop_skips_last",
            """
            def weighted_sum(x, w, b):
                z = 0.0
                for i in range(len(x) - 1):
                    z += x[i] * w[i]
                return z + b
        """,
        ),
        # multiplies the sums of x and w instead of summing the products
        (
            "sum_times_sum",
            """
            def weighted_sum(x, w, b):
                return np.sum(x) * np.sum(w) + b
        """,
        ),
        # takes the mean of the products instead of their sum
        (
            "mean",
            """
            def weighted_sum(x, w, b):
                return np.mean(x * w) + b
        """,
        ),
        # prints the result instead of returning it
        (
            None,
            """
            def weighted_sum(x, w, b):
                z = np.dot(x, w) + b
                print(z)
        """,
        ),
        # subtracts the bias instead of adding it
        (
            "minus_bias",
            """
            def weighted_sum(x, w, b):
                return float(np.dot(x, w) - b)
        """,
        ),
        # multiplies by the bias instead of adding it
        (
            "times_bias",
            """
            def weighted_sum(x, w, b):
                return float(np.dot(x, w) * b)
        """,
        ),
    ],
    "check_sigmoid": [
        # uses math.exp, which only works on a single number, not on arrays
        (
            "math_exp",
            """
            import math

            def sigmoid(z):
                return 1 / (1 + math.exp(-z))
        """,
        ),
        # drops the minus sign in the exponent
        (
            "mirrored",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(z))
        """,
        ),
        # operator precedence slip: 1 / 1 + exp(-z) instead of 1 / (1 + exp(-z))
        (
            "precedence",
            """
            def sigmoid(z):
                return 1 / 1 + np.exp(-z)
        """,
        ),
        # returns exp(-z) / (1 + exp(-z)), which is 1 - sigmoid(z)
        (
            "mirrored",
            """
            def sigmoid(z):
                return np.exp(-z) / (1 + np.exp(-z))
        """,
        ),
        # minus instead of plus in the denominator
        (
            "minus_in_denominator",
            """
            def sigmoid(z):
                return 1 / (1 - np.exp(-z))
        """,
        ),
        # returns a Python list instead of an array of z's shape
        (
            None,
            """
            def sigmoid(z):
                return [1 / (1 + np.exp(-v)) for v in np.ravel(z)]
        """,
        ),
        # rounds the output to 2 decimals, losing precision
        (
            "rounded",
            """
            def sigmoid(z):
                return np.round(1 / (1 + np.exp(-z)), 2)
        """,
        ),
        # uses tanh alone, whose range is (-1, 1), instead of the sigmoid
        (
            "tanh",
            """
            def sigmoid(z):
                return np.tanh(z)
        """,
        ),
    ],
    "check_neuron_output": [
        # returns the weighted sums without applying the sigmoid
        (
            "no_activation",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))


            def neuron_output(X, w, b):
                return X @ w + b
        """,
        ),
        # adds the bias after the sigmoid instead of before
        (
            "bias_after_activation",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))


            def neuron_output(X, w, b):
                return sigmoid(X @ w) + b
        """,
        ),
        # reshapes w to a column, so the result has shape (n_samples, 1) instead of (n_samples,)
        (
            "column",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))


            def neuron_output(X, w, b):
                return sigmoid(X @ w.reshape(-1, 1) + b)
        """,
        ),
        # uses X.T @ w, transposing the batch (a shape error unless n_samples == N, wrong values when it is)
        (
            "transposed",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))


            def neuron_output(X, w, b):
                return sigmoid(X.T @ w + b)
        """,
        ),
        # computes only the first example's output
        (
            None,
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))


            def neuron_output(X, w, b):
                return sigmoid(np.dot(X[0], w) + b)
        """,
        ),
        # averages the outputs over the batch, returning one number
        (
            None,
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))


            def neuron_output(X, w, b):
                return np.mean(sigmoid(X @ w + b))
        """,
        ),
        # returns a Python list of outputs instead of an array
        (
            None,
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))


            def neuron_output(X, w, b):
                return [float(sigmoid(np.dot(row, w) + b)) for row in X]
        """,
        ),
        # element-wise X * w summed over the wrong axis (the examples) instead of the inputs
        (
            "sum_down_columns",
            """
            def sigmoid(z):
                return 1 / (1 + np.exp(-z))


            def neuron_output(X, w, b):
                return sigmoid(np.sum(X * w, axis=0) + b)
        """,
        ),
    ],
    "check_and_gate": [
        # computes OR: the bias is not negative enough, so one input alone fires
        (
            "or_gate",
            """
            def and_gate_parameters():
                return np.array([1.0, 1.0]), -0.5
        """,
        ),
        # bias so negative that (1, 1) gives exactly z = 0, an output of 0.5 that is not above 0.5
        (
            "never_fires",
            """
            def and_gate_parameters():
                return np.array([1.0, 1.0]), -2.0
        """,
        ),
        # positive bias: the neuron fires even for (0, 0)
        (
            "fires_at_zero",
            """
            def and_gate_parameters():
                return np.array([1.0, 1.0]), 1.5
        """,
        ),
        # computes NAND: weights and bias have the opposite signs
        (
            "fires_at_zero",
            """
            def and_gate_parameters():
                return np.array([-1.0, -1.0]), 1.5
        """,
        ),
        # returns (b, w) in the wrong order
        (
            "swapped",
            """
            def and_gate_parameters():
                w = np.array([1.0, 1.0])
                b = -1.5
                return b, w
        """,
        ),
        # puts all the weight on the first input, so (1, 0) fires and (0, 1) never matters
        (
            "one_input_ignored",
            """
            def and_gate_parameters():
                return np.array([10.0, 0.0]), -5.0
        """,
        ),
        # returns only the weights and forgets the bias
        (
            "w_only",
            """
            def and_gate_parameters():
                w = np.array([1.0, 1.0])
                b = -1.5
                return w
        """,
        ),
        # stub left unfinished: returns None
        (
            "no_return",
            (
                "def and_gate_parameters():\n"
                '    """Return (w, b): w of shape (2,) and a number b, so that the neuron computes AND."""\n'
                "    pass\n"
            ),
        ),
    ],
}

for _name, _sources in _ROUND4_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_sources)
for _name, _answers in _ROUND4_WRONG.items():
    WRONG.setdefault(_name, []).extend(_answers)
