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
