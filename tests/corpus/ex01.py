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
