"""Exercise 03: learner-style answers (see tests/corpus/__init__.py)."""

# the exercise's cells, indented as the answers are (each source is dedented as a whole)
_ACTIVATIONS_CELL = """
        from annlib.activations import identity, relu, sigmoid, softmax, tanh

        ACTIVATION_FUNCTIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "identity": identity}
        ACTIVATION_FUNCTIONS["softmax"] = softmax
"""

CORRECT = {
    "check_dense_forward": [
        "def dense_forward(X, W, b, activation):\n    return activation(X @ W + b)\n",
        "def dense_forward(X, W, b, activation):\n    Z = np.dot(X, W) + b\n    A = activation(Z)\n    return A\n",
        "def dense_forward(X, W, b, activation):\n    return activation(np.matmul(X, W) + b.reshape(1, -1))\n",
        "def dense_forward(X, W, b, activation):\n    return activation(np.einsum('ij,jk->ik', X, W) + b)\n",
        "def dense_forward(X, W, b, activation):\n    return activation((W.T @ X.T).T + b)\n",
        """
        def dense_forward(X, W, b, activation):
            Z = np.zeros((X.shape[0], W.shape[1]))
            for j in range(W.shape[1]):
                Z[:, j] = X @ W[:, j] + b[j]
            return activation(Z)
        """,
        """
        def dense_forward(X, W, b, activation):
            Z = np.zeros((len(X), len(b)))
            for i in range(len(X)):
                for j in range(len(b)):
                    Z[i, j] = np.sum(X[i] * W[:, j]) + b[j]
            return activation(Z)
        """,
        "def dense_forward(X, W, b, activation):\n    Z = X.dot(W)\n    Z = Z + b\n    return activation(Z)\n",
        "def dense_forward(X, W, b, activation):\n"
        "    return activation(X.astype(np.float32) @ W.astype(np.float32) + b.astype(np.float32))\n",
    ],
    "check_article_weight": [
        """
        def article_weight(W, name):
            row = ord(name[1]) - ord("a")
            column = int(name[2:]) - 1
            return W[row, column]
        """,
        "def article_weight(W, name):\n    return W['abc'.index(name[1]), int(name[2]) - 1]\n",
        "def article_weight(W, name):\n    return W[ord(name[1]) - 97][int(name[2:]) - 1]\n",
        """
        def article_weight(W, name):
            rows = {"a": 0, "b": 1, "c": 2}
            return float(W[rows[name[1]], int(name[-1]) - 1])
        """,
        """
        def article_weight(W, name):
            _, letter, digit = name
            return W[ord(letter) - ord("a"), int(digit) - 1]
        """,
        """
        import string

        def article_weight(W, name):
            i = string.ascii_lowercase.find(name[1])
            j = int(name[2:]) - 1
            return W[i, j]
        """,
        """
        import re

        def article_weight(W, name):
            letter, number = re.match(r"w([a-z])(\\d+)", name).groups()
            return W[ord(letter) - ord("a"), int(number) - 1]
        """,
        "def article_weight(W, name):\n    return W.T[int(name[2:]) - 1, ord(name[1]) - ord('a')]\n",
    ],
    "check_count_parameters": [
        "def count_parameters(sizes):\n    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes, sizes[1:]))\n",
        """
        def count_parameters(sizes):
            total = 0
            for i in range(1, len(sizes)):
                total += sizes[i - 1] * sizes[i] + sizes[i]
            return total
        """,
        """
        def count_parameters(sizes):
            s = np.array(sizes)
            return int(np.sum(s[:-1] * s[1:] + s[1:]))
        """,
        "def count_parameters(sizes):\n    return sum((n_in + 1) * n_out for n_in, n_out in zip(sizes, sizes[1:]))\n",
        """
        def count_parameters(sizes):
            weights = sum(sizes[i] * sizes[i + 1] for i in range(len(sizes) - 1))
            biases = sum(sizes[1:])
            return weights + biases
        """,
        "def count_parameters(sizes):\n    return np.dot(sizes[:-1], sizes[1:]) + np.sum(sizes[1:])\n",
        """
        def count_parameters(sizes):
            if len(sizes) < 2:
                return 0
            return sizes[0] * sizes[1] + sizes[1] + count_parameters(sizes[1:])
        """,
        """
        def count_parameters(sizes):
            sizes = list(sizes)
            total = 0
            while len(sizes) > 1:
                n_in = sizes.pop(0)
                total += n_in * sizes[0] + sizes[0]
            return total
        """,
    ],
    "check_initialize": [
        """
        def initialize(sizes, rng):
            params = []
            for n_in, n_out in zip(sizes, sizes[1:]):
                W = rng.normal(0.0, np.sqrt(1.0 / n_in), size=(n_in, n_out))
                params.append((W, np.zeros(n_out)))
            return params
        """,
        """
        def initialize(sizes, rng):
            params = []
            for i in range(len(sizes) - 1):
                W = rng.standard_normal((sizes[i], sizes[i + 1])) * np.sqrt(1 / sizes[i])
                b = np.zeros(sizes[i + 1])
                params.append((W, b))
            return params
        """,
        "def initialize(sizes, rng):\n"
        "    return [(rng.normal(size=(a, b)) / np.sqrt(a), np.zeros(b)) for a, b in zip(sizes[:-1], sizes[1:])]\n",
        """
        def initialize(sizes, rng):
            params = []
            for n_in, n_out in zip(sizes[:-1], sizes[1:]):
                scale = np.sqrt(2 / (n_in + n_out))  # Glorot
                params.append((rng.normal(0, scale, (n_in, n_out)), np.zeros((n_out,))))
            return params
        """,
        """
        def initialize(sizes, rng):
            params = []
            for n_in, n_out in zip(sizes, sizes[1:]):
                W = rng.normal(0, np.sqrt(1 / n_in), size=(n_out, n_in)).T
                params.append([W, np.zeros(n_out)])
            return params
        """,
        """
        def initialize(sizes, rng):
            sizes = sizes.copy()
            params = []
            n_in = sizes.pop(0)
            for n_out in sizes:
                params.append((rng.normal(0, 1 / np.sqrt(n_in), (n_in, n_out)), np.zeros(n_out)))
                n_in = n_out
            return params
        """,
        """
        def initialize(sizes, rng):
            params = []
            for layer in range(1, len(sizes)):
                n_in, n_out = sizes[layer - 1], sizes[layer]
                std = 1 / np.sqrt(n_in)
                W = std * rng.normal(size=(n_in, n_out))
                b = np.zeros(n_out)
                params.append((W, b))
            return params
        """,
        """
        def initialize(sizes, rng):
            params = []
            for n_in, n_out in zip(sizes, sizes[1:]):
                W = rng.normal(0, np.sqrt(2 / n_in), (n_in, n_out))  # He, from lesson 07
                params.append((W, np.zeros(n_out)))
            return params
        """,
    ],
    "check_forward": [
        _ACTIVATIONS_CELL
        + """
        def forward(params, X, activations):
            A = X
            caches = []
            for (W, b), name in zip(params, activations):
                Z = A @ W + b
                caches.append((A, Z, name))
                A = ACTIVATION_FUNCTIONS[name](Z)
            return A, caches
        """,
        # without the dict's cell: the graded cell runs with the notebook's dict
        """
        def forward(params, X, activations):
            caches = []
            A = X
            for i in range(len(params)):
                W, b = params[i]
                A_prev = A
                Z = np.dot(A_prev, W) + b
                A = ACTIVATION_FUNCTIONS[activations[i]](Z)
                caches.append((A_prev, Z, activations[i]))
            return A, caches
        """,
        # Part 1's dense_forward with the identity gives Z; a slip in Part 1 must not cost Part 5
        """
        def dense_forward(X, W, b, activation):
            return activation(X @ W)

        def forward(params, X, activations):
            A, caches = X, []
            for (W, b), name in zip(params, activations):
                Z = dense_forward(A, W, b, lambda z: z)
                caches.append((A, Z, name))
                A = ACTIVATION_FUNCTIONS[name](Z)
            return A, caches
        """,
        """
        from annlib.scratch import ACTIVATIONS

        def forward(params, X, activations):
            A = X
            caches = []
            for layer, (W, b) in enumerate(params):
                Z = A @ W + b
                caches.append((A, Z, activations[layer]))
                f, _ = ACTIVATIONS[activations[layer]]
                A = f(Z)
            return A, caches
        """,
        """
        def _softmax(z):
            e = np.exp(z - z.max(axis=1, keepdims=True))
            return e / e.sum(axis=1, keepdims=True)

        FUNCS = {
            "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
            "tanh": np.tanh,
            "relu": lambda z: np.maximum(0, z),
            "identity": lambda z: z,
            "softmax": _softmax,
        }

        def forward(params, X, activations):
            A = X
            caches = []
            for (W, b), name in zip(params, activations):
                Z = np.matmul(A, W) + b
                caches.append((A, Z, name))
                A = FUNCS[name](Z)
            return A, caches
        """,
        """
        def forward(params, X, activations):
            caches = []
            A = X
            for layer in range(len(params)):
                W = params[layer][0]
                b = params[layer][1]
                name = activations[layer]
                Z = np.einsum("ij,jk->ik", A, W) + b
                caches.append([A, Z, name])
                A = ACTIVATION_FUNCTIONS[name](Z)
            return A, caches
        """,
        """
        def forward(params, X, activations):
            A = np.asarray(X, dtype=float)
            caches = []
            for (W, b), name in zip(params, activations):
                f = ACTIVATION_FUNCTIONS[name]
                Z = A @ W + b
                caches.append((A, Z, name))
                A = f(Z)
            return A, caches
        """,
        """
        def forward(params, X, activations):
            if not params:
                return X, []
            (W, b), rest = params[0], params[1:]
            Z = X @ W + b
            A, caches = forward(rest, ACTIVATION_FUNCTIONS[activations[0]](Z), activations[1:])
            return A, [(X, Z, activations[0])] + caches
        """,
    ],
    "check_collapse_linear": [
        "def collapse_linear(W1, b1, W2, b2):\n    return W1 @ W2, b1 @ W2 + b2\n",
        "def collapse_linear(W1, b1, W2, b2):\n    W = np.dot(W1, W2)\n    b = np.dot(b1, W2) + b2\n    return W, b\n",
        "def collapse_linear(W1, b1, W2, b2):\n    return np.matmul(W1, W2), W2.T @ b1 + b2\n",
        "def collapse_linear(W1, b1, W2, b2):\n    return W1 @ W2, (b1.reshape(1, -1) @ W2).ravel() + b2\n",
        "def collapse_linear(W1, b1, W2, b2):\n"
        "    return np.einsum('ij,jk->ik', W1, W2), np.einsum('j,jk->k', b1, W2) + b2\n",
        """
        def collapse_linear(W1, b1, W2, b2):
            # the one layer's bias is what the two layers give for X = 0
            zero = np.zeros(W1.shape[0])
            b = (zero @ W1 + b1) @ W2 + b2
            return W1 @ W2, b
        """,
        "def collapse_linear(W1, b1, W2, b2):\n    return [W1 @ W2, b1 @ W2 + b2]\n",
        """
        def collapse_linear(W1, b1, W2, b2):
            W = np.zeros((W1.shape[0], W2.shape[1]))
            for i in range(W1.shape[0]):
                for k in range(W2.shape[1]):
                    W[i, k] = np.sum(W1[i, :] * W2[:, k])
            b = b2 + np.sum(b1[:, None] * W2, axis=0)
            return W, b
        """,
    ],
    "check_tanh_gap": [
        "def tanh_gap(X, W1, b1, W2, b2, W, b):\n"
        "    return np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)))\n",
        """
        def tanh_gap(X, W1, b1, W2, b2, W, b):
            with_tanh = np.tanh(X @ W1 + b1) @ W2 + b2
            one_layer = X @ W + b
            return np.abs(one_layer - with_tanh).max()
        """,
        """
        def tanh_gap(X, W1, b1, W2, b2, W, b):
            d = np.dot(np.tanh(np.dot(X, W1) + b1), W2) + b2 - (np.dot(X, W) + b)
            return float(np.amax(np.absolute(d)))
        """,
        "def tanh_gap(X, W1, b1, W2, b2, W, b):\n"
        "    d = np.tanh(X @ W1 + b1) @ W2 + b2 - X @ W - b\n    return max(d.max(), -d.min())\n",
        """
        def tanh_gap(X, W1, b1, W2, b2, W, b):
            d = np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)
            return np.linalg.norm(d.ravel(), np.inf)
        """,
        """
        def tanh_gap(X, W1, b1, W2, b2, W, b):
            gap = 0.0
            for x in X:
                y_tanh = np.tanh(x @ W1 + b1) @ W2 + b2
                y_one = x @ W + b
                gap = max(gap, np.max(np.abs(y_tanh - y_one)))
            return gap
        """,
        """
        def tanh_gap(X, W1, b1, W2, b2, W, b):
            hidden = np.tanh(X @ W1 + b1)
            return np.max(np.abs((hidden @ W2 + b2) - (X @ W + b)), axis=None)
        """,
        "def tanh_gap(X, W1, b1, W2, b2, W, b):\n"
        "    return np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)).max(axis=1).max()\n",
    ],
}

WRONG = {
    "check_dense_forward": [
        ("no_activation", "def dense_forward(X, W, b, activation):\n    return X @ W + b\n"),
        ("no_bias", "def dense_forward(X, W, b, activation):\n    return activation(X @ W)\n"),
        ("W_transposed", "def dense_forward(X, W, b, activation):\n    return activation(X @ W.T + b)\n"),
        ("W_first", "def dense_forward(X, W, b, activation):\n    return activation(W @ X + b)\n"),
        ("bias_after_activation", "def dense_forward(X, W, b, activation):\n    return activation(X @ W) + b\n"),
        ("elementwise", "def dense_forward(X, W, b, activation):\n    return activation(X * W + b)\n"),
        (
            "activation_ignored",
            "def dense_forward(X, W, b, activation):\n    return 1 / (1 + np.exp(-(X @ W + b)))\n",
        ),
        ("minus_bias", "def dense_forward(X, W, b, activation):\n    return activation(X @ W - b)\n"),
        ("activation_of_input", "def dense_forward(X, W, b, activation):\n    return activation(X) @ W + b\n"),
        ("bias_column", "def dense_forward(X, W, b, activation):\n    return activation(X @ W + b.reshape(-1, 1))\n"),
        (
            "activation_ignored",
            "def dense_forward(X, W, b, activation):\n    return np.maximum(0, X @ W + b)\n",
        ),
        (
            "integer_sums",
            """
            def dense_forward(X, W, b, activation):
                Z = np.zeros((X.shape[0], W.shape[1]), dtype=X.dtype)
                Z[:] = X @ W + b
                return activation(Z)
            """,
        ),
        (
            "skips_first_input",  # not the missing bias, whatever a case's x[0] * w[0] happens to be
            """
            def dense_forward(X, W, b, activation):
                Z = np.zeros((X.shape[0], W.shape[1])) + b
                for i in range(1, X.shape[1]):
                    Z += np.outer(X[:, i], W[i])
                return activation(Z)
            """,
        ),
    ],
    "check_article_weight": [
        ("rows_are_neurons", "def article_weight(W, name):\n    return W[int(name[2]) - 1, ord(name[1]) - ord('a')]\n"),
        ("neuron_from_zero", "def article_weight(W, name):\n    return W[ord(name[1]) - ord('a'), int(name[2])]\n"),
        (
            "letter_from_one",
            "def article_weight(W, name):\n    return W[ord(name[1]) - ord('a') + 1, int(name[2]) - 1]\n",
        ),
        ("reads_w", "def article_weight(W, name):\n    return W[ord(name[0]) - ord('a'), int(name[2]) - 1]\n"),
        ("whole_row", "def article_weight(W, name):\n    return W[ord(name[1]) - ord('a')]\n"),
        ("whole_column", "def article_weight(W, name):\n    return W[:, int(name[2]) - 1]\n"),
        (
            "index_not_value",
            "def article_weight(W, name):\n    return (ord(name[1]) - ord('a'), int(name[2]) - 1)\n",
        ),
        (
            "flat_index",
            "def article_weight(W, name):\n"
            "    return W.flat[(ord(name[1]) - ord('a')) * W.shape[0] + int(name[2]) - 1]\n",
        ),
        (
            "neuron_from_zero",
            """
            def article_weight(W, name):
                rows = {"a": 0, "b": 1, "c": 2}
                return W[rows[name[1]], int(name[2:])]
            """,
        ),
    ],
    "check_count_parameters": [
        ("no_biases", "def count_parameters(sizes):\n    return sum(a * b for a, b in zip(sizes, sizes[1:]))\n"),
        (
            "biases_of_inputs",
            "def count_parameters(sizes):\n    return sum(a * b + a for a, b in zip(sizes, sizes[1:]))\n",
        ),
        (
            "input_biases",
            "def count_parameters(sizes):\n    return sum(a * b for a, b in zip(sizes, sizes[1:])) + sum(sizes)\n",
        ),
        (
            "last_layer_missing",
            """
            def count_parameters(sizes):
                total = 0
                for i in range(len(sizes) - 2):
                    total += sizes[i] * sizes[i + 1] + sizes[i + 1]
                return total
            """,
        ),
        (
            "first_layer_missing",
            """
            def count_parameters(sizes):
                total = 0
                for i in range(1, len(sizes) - 1):
                    total += sizes[i] * sizes[i + 1] + sizes[i + 1]
                return total
            """,
        ),
        ("product", "def count_parameters(sizes):\n    return int(np.prod(sizes))\n"),
        ("neurons", "def count_parameters(sizes):\n    return sum(sizes)\n"),
        (
            "changes_sizes",
            """
            def count_parameters(sizes):
                total = 0
                while len(sizes) > 1:
                    n_in = sizes.pop(0)
                    total += n_in * sizes[0] + sizes[0]
                return total
            """,
        ),
        (
            "one_bias_per_layer",
            "def count_parameters(sizes):\n    return sum(a * b + 1 for a, b in zip(sizes, sizes[1:]))\n",
        ),
        (
            "sum_not_product",
            "def count_parameters(sizes):\n    return sum(a + b + b for a, b in zip(sizes, sizes[1:]))\n",
        ),
    ],
    "check_initialize": [
        (
            "zeros",
            "def initialize(sizes, rng):\n"
            "    return [(np.zeros((a, b)), np.zeros(b)) for a, b in zip(sizes[:-1], sizes[1:])]\n",
        ),
        (
            "all_equal",
            "def initialize(sizes, rng):\n"
            "    return [(np.full((a, b), 1 / np.sqrt(a)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]\n",
        ),
        (
            "too_large",
            "def initialize(sizes, rng):\n"
            "    return [(rng.normal(size=(a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]\n",
        ),
        (
            "too_small",
            "def initialize(sizes, rng):\n"
            "    return [(0.01 * rng.normal(size=(a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]\n",
        ),
        (
            "global_random",
            "def initialize(sizes, rng):\n"
            "    return [(np.random.randn(a, b) / np.sqrt(a), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]\n",
        ),
        (
            "fixed_seed",
            """
            def initialize(sizes, rng):
                rng = np.random.default_rng(0)
                params = []
                for n_in, n_out in zip(sizes, sizes[1:]):
                    params.append((rng.normal(0, np.sqrt(1 / n_in), (n_in, n_out)), np.zeros(n_out)))
                return params
            """,
        ),
        (
            "transposed",
            "def initialize(sizes, rng):\n"
            "    return [(rng.normal(0, 1 / np.sqrt(a), (b, a)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]\n",
        ),
        (
            "random_biases",
            "def initialize(sizes, rng):\n"
            "    return [(rng.normal(0, a**-0.5, (a, b)), rng.normal(size=b)) for a, b in zip(sizes, sizes[1:])]\n",
        ),
        (
            "bias_shape",
            "def initialize(sizes, rng):\n"
            "    return [(rng.normal(0, a**-0.5, (a, b)), np.zeros((1, b))) for a, b in zip(sizes, sizes[1:])]\n",
        ),
        (
            "changes_sizes",
            """
            def initialize(sizes, rng):
                params = []
                n_in = sizes.pop(0)
                for n_out in sizes:
                    params.append((rng.normal(0, np.sqrt(1 / n_in), (n_in, n_out)), np.zeros(n_out)))
                    n_in = n_out
                return params
            """,
        ),
        (
            "variance_as_scale",
            "def initialize(sizes, rng):\n"
            "    return [(rng.normal(0, 1 / a, (a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]\n",
        ),
        (
            "layer_missing",
            """
            def initialize(sizes, rng):
                params = []
                for i in range(len(sizes) - 2):
                    W = rng.normal(0, np.sqrt(1 / sizes[i]), (sizes[i], sizes[i + 1]))
                    params.append((W, np.zeros(sizes[i + 1])))
                return params
            """,
        ),
        (
            "not_centred",
            "def initialize(sizes, rng):\n"
            "    return [(rng.random((a, b)) / np.sqrt(a), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]\n",
        ),
        (
            "fixed_seed",
            """
            def initialize(sizes, rng):
                np.random.seed(0)
                params = []
                for n_in, n_out in zip(sizes, sizes[1:]):
                    params.append((np.random.normal(0, np.sqrt(1 / n_in), (n_in, n_out)), np.zeros(n_out)))
                return params
            """,
        ),
    ],
    "check_forward": [
        (
            "swapped_return",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.append((A, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return caches, A
            """,
        ),
        (
            "cache_output",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    A = ACTIVATION_FUNCTIONS[name](Z)
                    caches.append((A, Z, name))
                return A, caches
            """,
        ),
        (
            "cache_function",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    f = ACTIVATION_FUNCTIONS[name]
                    Z = A @ W + b
                    caches.append((A, Z, f))
                    A = f(Z)
                return A, caches
            """,
        ),
        (
            "cache_order",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.append((Z, A, name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return A, caches
            """,
        ),
        (
            "first_activation_only",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for W, b in params:
                    Z = A @ W + b
                    caches.append((A, Z, activations[0]))
                    A = ACTIVATION_FUNCTIONS[activations[0]](Z)
                return A, caches
            """,
        ),
        (
            "no_output_activation",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for i, ((W, b), name) in enumerate(zip(params, activations)):
                    Z = A @ W + b
                    caches.append((A, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z) if i < len(params) - 1 else Z
                return A, caches
            """,
        ),
        (
            "no_caches",
            """
            def forward(params, X, activations):
                A = X
                for (W, b), name in zip(params, activations):
                    A = ACTIVATION_FUNCTIONS[name](A @ W + b)
                return A
            """,
        ),
        (
            "caches_reset",
            """
            def forward(params, X, activations):
                A = X
                for (W, b), name in zip(params, activations):
                    caches = []
                    Z = A @ W + b
                    caches.append((A, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return A, caches
            """,
        ),
        (
            "input_every_layer",
            """
            def forward(params, X, activations):
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = X @ W + b
                    caches.append((X, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return A, caches
            """,
        ),
        (
            "changes_params",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                i = 0
                while params:
                    W, b = params.pop(0)
                    Z = A @ W + b
                    caches.append((A, Z, activations[i]))
                    A = ACTIVATION_FUNCTIONS[activations[i]](Z)
                    i += 1
                return A, caches
            """,
        ),
        (
            "caches_reversed",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.insert(0, (A, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return A, caches
            """,
        ),
        (
            "no_output_activation",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.append((A, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return Z, caches
            """,
        ),
        (
            "z_after_activation",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    A_prev = A
                    Z = ACTIVATION_FUNCTIONS[name](A_prev @ W + b)
                    A = Z
                    caches.append((A_prev, Z, name))
                return A, caches
            """,
        ),
        (
            "swapped_return",
            """
            def dense_forward(X, W, b, activation):
                return activation(X @ W + b)

            def forward(params, X, activations):
                caches = []
                A = X
                for i, (W, b) in enumerate(params):
                    Z = dense_forward(A, W, b, lambda z: z)
                    caches.append((A, Z, activations[i]))
                    A = ACTIVATION_FUNCTIONS[activations[i]](Z)
                return caches, A
            """,
        ),
        (
            "output_activation_twice",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.append((A, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return ACTIVATION_FUNCTIONS[activations[-1]](A), caches
            """,
        ),
        (
            "z_without_bias",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    caches.append((A, A @ W, name))
                    A = ACTIVATION_FUNCTIONS[name](A @ W + b)
                return A, caches
            """,
        ),
        (
            "first_layer_skipped",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for i in range(1, len(params)):
                    W, b = params[i]
                    Z = A @ W + b
                    caches.append((A, Z, activations[i]))
                    A = ACTIVATION_FUNCTIONS[activations[i]](Z)
                return A, caches
            """,
        ),
    ],
    "check_collapse_linear": [
        ("biases_added", "def collapse_linear(W1, b1, W2, b2):\n    return W1 @ W2, b1 + b2\n"),
        ("b1_dropped", "def collapse_linear(W1, b1, W2, b2):\n    return W1 @ W2, b2\n"),
        ("b2_dropped", "def collapse_linear(W1, b1, W2, b2):\n    return W1 @ W2, b1 @ W2\n"),
        ("order", "def collapse_linear(W1, b1, W2, b2):\n    return W2 @ W1, b1 @ W2 + b2\n"),
        ("W_transposed", "def collapse_linear(W1, b1, W2, b2):\n    return (W1 @ W2).T, b1 @ W2 + b2\n"),
        ("elementwise", "def collapse_linear(W1, b1, W2, b2):\n    return W1 * W2, b1 * W2 + b2\n"),
        ("swapped", "def collapse_linear(W1, b1, W2, b2):\n    W = W1 @ W2\n    b = b1 @ W2 + b2\n    return b, W\n"),
        ("bias_2d", "def collapse_linear(W1, b1, W2, b2):\n    return W1 @ W2, b1.reshape(1, -1) @ W2 + b2\n"),
        ("only_W", "def collapse_linear(W1, b1, W2, b2):\n    return W1 @ W2\n"),
        ("W2_transposed_bias", "def collapse_linear(W1, b1, W2, b2):\n    return W1 @ W2, W2 @ b1 + b2\n"),
    ],
    "check_tanh_gap": [
        (
            "no_abs",
            "def tanh_gap(X, W1, b1, W2, b2, W, b):\n    return np.max(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b))\n",
        ),
        (
            "no_abs",
            "def tanh_gap(X, W1, b1, W2, b2, W, b):\n"
            "    return np.max((X @ W + b) - (np.tanh(X @ W1 + b1) @ W2 + b2))\n",
        ),
        (
            "mean",
            "def tanh_gap(X, W1, b1, W2, b2, W, b):\n"
            "    return np.mean(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)))\n",
        ),
        (
            "sum",
            "def tanh_gap(X, W1, b1, W2, b2, W, b):\n"
            "    return np.sum(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)))\n",
        ),
        (
            "tanh_at_output",
            "def tanh_gap(X, W1, b1, W2, b2, W, b):\n"
            "    return np.max(np.abs(np.tanh((X @ W1 + b1) @ W2 + b2) - (X @ W + b)))\n",
        ),
        (
            "tanh_on_both",
            "def tanh_gap(X, W1, b1, W2, b2, W, b):\n"
            "    return np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - np.tanh(X @ W + b)))\n",
        ),
        (
            "no_tanh",
            "def tanh_gap(X, W1, b1, W2, b2, W, b):\n"
            "    return np.max(np.abs((X @ W1 + b1) @ W2 + b2 - (X @ W + b)))\n",
        ),
        (
            "per_output",
            "def tanh_gap(X, W1, b1, W2, b2, W, b):\n"
            "    return np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)), axis=0)\n",
        ),
        (
            "not_reduced",
            "def tanh_gap(X, W1, b1, W2, b2, W, b):\n    return np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b))\n",
        ),
        (
            "squared",
            "def tanh_gap(X, W1, b1, W2, b2, W, b):\n"
            "    return np.max((np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)) ** 2)\n",
        ),
        (
            "bias_outside_tanh",
            "def tanh_gap(X, W1, b1, W2, b2, W, b):\n"
            "    return np.max(np.abs((np.tanh(X @ W1) + b1) @ W2 + b2 - (X @ W + b)))\n",
        ),
        (
            "norm",
            "def tanh_gap(X, W1, b1, W2, b2, W, b):\n"
            "    return np.linalg.norm(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b))\n",
        ),
    ],
}


# More answers in other styles, and real learners' code translated into the exercise's signatures
# (added to the dicts above).
_MORE_CORRECT = {
    "check_dense_forward": [
        """
            def dense_forward(X, W, b, activation):
                return activation(X @ W + b)
        """,
        """
            def dense_forward(X, W, b, activation):
                Z = np.dot(X, W) + b
                return activation(Z)
        """,
        """
            def dense_forward(X, W, b, activation):
                return activation(np.matmul(X, W) + b.reshape(1, -1))
        """,
        """
            def dense_forward(X, W, b, activation):
                Z = np.einsum("ij,jk->ik", X, W) + b
                A = activation(Z)
                return A
        """,
        """
            def dense_forward(X, W, b, activation):
                Z = np.zeros((X.shape[0], W.shape[1]))
                for i in range(X.shape[0]):
                    for j in range(W.shape[1]):
                        Z[i, j] = sum(X[i, k] * W[k, j] for k in range(X.shape[1])) + b[j]
                return activation(Z)
        """,
        """
            def dense_forward(X, W, b, activation):
                rows = [x @ W + b for x in X]
                return activation(np.array(rows))
        """,
        """
            def dense_forward(X, W, b, activation):
                X = np.asarray(X, dtype=float)
                Z = X.dot(W)
                Z = Z + b
                return activation(Z)
        """,
        """
            def linear(X, W, b):
                return X @ W + b

            def dense_forward(X, W, b, activation):
                return activation(linear(X, W, b))
        """,
        """
            def dense_forward(X, W, b, activation):
                Z = np.add(X @ W, b[np.newaxis, :])
                return activation(Z)
        """,
        """
            def dense_forward(X, W, b, activation):
                columns = [X @ W[:, j] + b[j] for j in range(W.shape[1])]
                return activation(np.stack(columns, axis=1))
        """,
        # real learner (03axdov/Neural-Network-Framework Dense.forward), translated
        """
            def dense_forward(X, W, b, activation):
                product = np.dot(X, W) + b
                output = activation(product)
                return output
        """,
        # real learner (DenseScratch.forward), translated
        """
            def dense_forward(X, W, b, activation):
                z = np.dot(X, W) + b
                return activation(z)
        """,
    ],
    "check_article_weight": [
        """
            def article_weight(W, name):
                return W[ord(name[1]) - ord("a"), int(name[2:]) - 1]
        """,
        """
            def article_weight(W, name):
                row = "abc".index(name[1])
                col = int(name[2]) - 1
                return W[row][col]
        """,
        """
            def article_weight(W, name):
                letters = {"a": 0, "b": 1, "c": 2}
                return W[letters[name[1]], int(name[-1]) - 1]
        """,
        """
            import string

            def article_weight(W, name):
                i = string.ascii_lowercase.index(name[1])
                j = int(name[2:]) - 1
                return float(W[i, j])
        """,
        """
            import re

            def article_weight(W, name):
                letter, digit = re.match(r"w([a-z])([0-9]+)", name).groups()
                return W[ord(letter) - 97, int(digit) - 1]
        """,
        """
            def article_weight(W, name):
                letter = name[1]
                number = int(name[2])
                row = ord(letter) - ord("a")
                return W.item(row, number - 1)
        """,
        """
            def article_weight(W, name):
                col = int(name[2:]) - 1
                column = W[:, col]
                return column[ord(name[1]) - ord("a")]
        """,
        """
            def article_weight(W, name):
                return W.T[int(name[2:]) - 1, ord(name[1]) - ord("a")]
        """,
        """
            def article_weight(W, name):
                n_out = W.shape[1]
                row = ord(name[1]) - ord("a")
                col = int(name[2:]) - 1
                return W.flatten()[row * n_out + col]
        """,
        """
            def article_weight(W, name):
                name = name.lower().strip()
                for i, letter in enumerate("abcdefghij"):
                    if name[1] == letter:
                        return W[i, int(name[2:]) - 1]
        """,
    ],
    "check_count_parameters": [
        """
            def count_parameters(sizes):
                return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes, sizes[1:]))
        """,
        """
            def count_parameters(sizes):
                total = 0
                for l in range(1, len(sizes)):
                    total += sizes[l - 1] * sizes[l] + sizes[l]
                return total
        """,
        """
            def count_parameters(sizes):
                weights = sum(sizes[i] * sizes[i + 1] for i in range(len(sizes) - 1))
                biases = sum(sizes[1:])
                return weights + biases
        """,
        """
            def count_parameters(sizes):
                s = np.array(sizes)
                return int(np.dot(s[:-1], s[1:]) + s[1:].sum())
        """,
        """
            def count_parameters(sizes):
                return sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))
        """,
        """
            def count_parameters(sizes):
                if len(sizes) < 2:
                    return 0
                return sizes[0] * sizes[1] + sizes[1] + count_parameters(sizes[1:])
        """,
        """
            from functools import reduce

            def count_parameters(sizes):
                pairs = list(zip(sizes, sizes[1:]))
                return reduce(lambda acc, p: acc + p[0] * p[1] + p[1], pairs, 0)
        """,
        """
            def count_parameters(sizes):
                sizes = list(sizes)
                n = 0
                i = 0
                while i < len(sizes) - 1:
                    n_in, n_out = sizes[i], sizes[i + 1]
                    n += n_in * n_out
                    n += n_out
                    i += 1
                return n
        """,
        """
            def count_parameters(sizes):
                layers = [(sizes[l - 1], sizes[l]) for l in range(1, len(sizes))]
                return sum([w * h + h for w, h in layers])
        """,
        # counting the entries of parameters made as in a deep-learning course (dict of W, b)
        """
            def count_parameters(sizes):
                parameters = {}
                for l in range(1, len(sizes)):
                    parameters["W" + str(l)] = np.zeros((sizes[l], sizes[l - 1]))
                    parameters["b" + str(l)] = np.zeros((sizes[l], 1))
                return sum(p.size for p in parameters.values())
        """,
    ],
    "check_initialize": [
        """
            def initialize(sizes, rng):
                params = []
                for n_in, n_out in zip(sizes, sizes[1:]):
                    W = rng.normal(0.0, np.sqrt(1.0 / n_in), size=(n_in, n_out))
                    params.append((W, np.zeros(n_out)))
                return params
        """,
        """
            def initialize(sizes, rng):
                return [
                    (rng.standard_normal((a, b)) / np.sqrt(a), np.zeros(b))
                    for a, b in zip(sizes[:-1], sizes[1:])
                ]
        """,
        """
            def initialize(sizes, rng):
                params = []
                for l in range(1, len(sizes)):
                    n_in, n_out = sizes[l - 1], sizes[l]
                    W = rng.normal(size=(n_in, n_out)) * np.sqrt(1 / n_in)
                    b = np.zeros((n_out,))
                    params.append((W, b))
                return params
        """,
        """
            def initialize(sizes, rng):
                params = []
                for n_in, n_out in zip(sizes, sizes[1:]):
                    std = np.sqrt(2.0 / (n_in + n_out))  # Glorot
                    params.append((rng.normal(0, std, (n_in, n_out)), np.zeros(n_out)))
                return params
        """,
        """
            import math

            def initialize(sizes, rng):
                out = []
                for i in range(len(sizes) - 1):
                    W = rng.normal(loc=0.0, scale=1 / math.sqrt(sizes[i]), size=(sizes[i], sizes[i + 1]))
                    b = np.zeros(sizes[i + 1])
                    out.append((W, b))
                return out
        """,
        """
            def initialize(sizes, rng):
                params = []
                for n_in, n_out in zip(sizes, sizes[1:]):
                    W = rng.normal(0, 1, (n_in, n_out))
                    W *= np.sqrt(1.0 / n_in)
                    b = np.zeros(n_out, dtype=float)
                    params.append((W, b))
                return params
        """,
        """
            def layer(n_in, n_out, rng):
                return rng.normal(0.0, n_in ** -0.5, size=(n_in, n_out)), np.zeros(n_out)

            def initialize(sizes, rng):
                return [layer(n_in, n_out, rng) for n_in, n_out in zip(sizes, sizes[1:])]
        """,
        """
            def initialize(sizes, rng):
                params = []
                for n_in, n_out in zip(sizes, sizes[1:]):
                    W = rng.standard_normal(size=(n_out, n_in)).T / np.sqrt(n_in)
                    params.append((W.copy(), np.zeros(n_out)))
                return params
        """,
        """
            def initialize(sizes, rng):
                params = []
                for n_in, n_out in zip(sizes, sizes[1:]):
                    W = np.sqrt(1.0 / n_in) * rng.normal(size=n_in * n_out).reshape(n_in, n_out)
                    b = np.zeros_like(W[0])
                    params.append((W, b))
                return params
        """,
        # real learner (jnuho/CatVsNonCat initialize_parameters_deep, randn / sqrt(n_in)),
        # translated to rng and W (n_in, n_out)
        """
            def initialize(sizes, rng):
                params = []
                L = len(sizes)
                for l in range(1, L):
                    W = rng.standard_normal((sizes[l - 1], sizes[l])) / np.sqrt(sizes[l - 1])
                    b = np.zeros(sizes[l])
                    params.append((W, b))
                return params
        """,
    ],
    "check_forward": [
        """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.append((A, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return A, caches
        """,
        """
            def forward(params, X, activations):
                caches = []
                A = X
                for l in range(len(params)):
                    W, b = params[l]
                    A_prev = A
                    Z = np.dot(A_prev, W) + b
                    A = ACTIVATION_FUNCTIONS[activations[l]](Z)
                    caches.append((A_prev, Z, activations[l]))
                return A, caches
        """,
        """
            def forward(params, X, activations):
                A, caches = X, []
                for i, (W, b) in enumerate(params):
                    f = ACTIVATION_FUNCTIONS[activations[i]]
                    Z = np.matmul(A, W) + b
                    caches.append((A, Z, activations[i]))
                    A = f(Z)
                return A, caches
        """,
        """
            from annlib.activations import identity, relu, sigmoid, softmax, tanh

            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    if name == "tanh":
                        out = tanh(Z)
                    elif name == "sigmoid":
                        out = sigmoid(Z)
                    elif name == "relu":
                        out = relu(Z)
                    elif name == "softmax":
                        out = softmax(Z)
                    else:
                        out = identity(Z)
                    caches.append((A, Z, name))
                    A = out
                return A, caches
        """,
        """
            def layer_forward(A_prev, W, b, name):
                Z = A_prev @ W + b
                return ACTIVATION_FUNCTIONS[name](Z), (A_prev, Z, name)

            def forward(params, X, activations):
                caches = []
                A = X
                for (W, b), name in zip(params, activations):
                    A, cache = layer_forward(A, W, b, name)
                    caches.append(cache)
                return A, caches
        """,
        """
            def forward(params, X, activations):
                A = X
                caches = []
                l = 0
                while l < len(params):
                    W, b = params[l]
                    Z = A.dot(W) + b
                    caches.append((A, Z, activations[l]))
                    A = ACTIVATION_FUNCTIONS[activations[l]](Z)
                    l += 1
                return A, caches
        """,
        """
            from annlib.scratch import ACTIVATIONS

            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.append((A, Z, name))
                    A = ACTIVATIONS[name][0](Z)  # (function, derivative)
                return A, caches
        """,
        """
            def forward(params, X, activations):
                inputs = [X]
                sums = []
                for (W, b), name in zip(params, activations):
                    sums.append(inputs[-1] @ W + b)
                    inputs.append(ACTIVATION_FUNCTIONS[name](sums[-1]))
                caches = [(inputs[i], sums[i], activations[i]) for i in range(len(params))]
                return inputs[-1], caches
        """,
        """
            def forward(params, X, activations):
                A = np.asarray(X, dtype=float)
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = np.einsum("ij,jk->ik", A, W) + b
                    caches.append((A, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return A, caches
        """,
        """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.append((A.copy(), Z.copy(), name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return A, caches
        """,
        # real learner: deeplearning.ai L_model_forward (a per-layer helper), translated to this format
        """
            def linear_activation_forward(A_prev, W, b, activation):
                Z = np.dot(A_prev, W) + b
                A = ACTIVATION_FUNCTIONS[activation](Z)
                cache = (A_prev, Z, activation)
                return A, cache

            def forward(params, X, activations):
                caches = []
                A = X
                L = len(params)
                for l in range(L):
                    A_prev = A
                    A, cache = linear_activation_forward(A_prev, params[l][0], params[l][1], activations[l])
                    caches.append(cache)
                return A, caches
        """,
    ],
    "check_collapse_linear": [
        """
            def collapse_linear(W1, b1, W2, b2):
                return W1 @ W2, b1 @ W2 + b2
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                W = np.dot(W1, W2)
                b = np.dot(b1, W2) + b2
                return W, b
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                W = np.einsum("ij,jk->ik", W1, W2)
                b = np.einsum("j,jk->k", b1, W2) + b2
                return W, b
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                W = np.matmul(W1, W2)
                b = W2.T @ b1 + b2
                return W, b
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                b = (b1.reshape(1, -1) @ W2).ravel() + b2
                return W1 @ W2, b
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                # probe the two layers: X = 0 gives b, X = I gives W + b
                n_in = W1.shape[0]
                b = (np.zeros((1, n_in)) @ W1 + b1) @ W2 + b2
                W = (np.eye(n_in) @ W1 + b1) @ W2 + b2 - b
                return W, b[0]
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                n_in, n_hidden = W1.shape
                n_out = W2.shape[1]
                W = np.zeros((n_in, n_out))
                b = np.array(b2, dtype=float)
                for i in range(n_in):
                    for k in range(n_out):
                        W[i, k] = sum(W1[i, j] * W2[j, k] for j in range(n_hidden))
                for k in range(n_out):
                    b[k] += sum(b1[j] * W2[j, k] for j in range(n_hidden))
                return W, b
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                W = W1.dot(W2)
                b = b2 + b1.dot(W2)
                return (W, b)
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                b = (b1[:, None] * W2).sum(axis=0) + b2
                return W1 @ W2, b
        """,
    ],
    "check_tanh_gap": [
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)))
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                two = np.tanh(np.dot(X, W1) + b1).dot(W2) + b2
                one = np.dot(X, W) + b
                return float(np.abs(one - two).max())
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                H = np.tanh(X @ W1 + b1)
                Y_net = H @ W2 + b2
                Y_one = X @ W + b
                d = Y_net - Y_one
                return max(d.max(), -d.min())
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                gap = 0.0
                for x in X:
                    y_net = np.tanh(x @ W1 + b1) @ W2 + b2
                    y_one = x @ W + b
                    gap = max(gap, np.max(np.abs(y_net - y_one)))
                return gap
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                diff = (np.tanh(X @ W1 + b1) @ W2 + b2) - (X @ W + b)
                return np.linalg.norm(diff.ravel(), ord=np.inf)
        """,
        """
            import math

            def tanh_gap(X, W1, b1, W2, b2, W, b):
                net = np.tanh(X @ W1 + b1) @ W2 + b2
                lin = X @ W + b
                best = 0.0
                for i in range(net.shape[0]):
                    for k in range(net.shape[1]):
                        best = max(best, math.fabs(net[i, k] - lin[i, k]))
                return best
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.amax(np.absolute(X @ W + b - (np.tanh(X @ W1 + b1) @ W2 + b2)))
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                hidden = np.tanh(np.matmul(X, W1) + b1)
                out = np.matmul(hidden, W2) + b2
                return np.abs(out - (np.matmul(X, W) + b)).max().item()
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                gaps = np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - X @ W - b)
                return np.max(np.max(gaps, axis=1))
        """,
    ],
}
_MORE_WRONG = {
    "check_dense_forward": [
        (
            "W_transposed",
            """
                def dense_forward(X, W, b, activation):
                    return activation(X @ W.T + b)
            """,
        ),
        (
            "no_bias",
            """
                def dense_forward(X, W, b, activation):
                    return activation(X @ W)
            """,
        ),
        (
            "no_activation",
            """
                def dense_forward(X, W, b, activation):
                    return X @ W + b
            """,
        ),
        (
            "bias_after_activation",
            """
                def dense_forward(X, W, b, activation):
                    return activation(X @ W) + b
            """,
        ),
        (
            "minus_bias",
            """
                def dense_forward(X, W, b, activation):
                    return activation(X @ W - b)
            """,
        ),
        (
            "activation_ignored",
            """
                def dense_forward(X, W, b, activation):
                    return 1 / (1 + np.exp(-(X @ W + b)))
            """,
        ),
        (
            None,
            """
                def dense_forward(X, W, b, activation):
                    return activation((W.T @ X.T + b[:, None]).T[::-1])
            """,
        ),
        (
            None,
            """
                def dense_forward(X, W, b, activation):
                    return activation(X @ W + b.sum())
            """,
        ),
        (
            None,
            """
                def dense_forward(X, W, b, activation):
                    return activation(activation(X) @ W + b)
            """,
        ),
        (
            None,
            """
                def dense_forward(X, W, b, activation):
                    Z = X @ W + b
                    return activation(Z).astype(int)
            """,
        ),
        (
            None,
            """
                def dense_forward(X, W, b, activation):
                    Z = X @ W + b[0]
                    return activation(Z)
            """,
        ),
        (
            "summed_neurons",
            """
                def dense_forward(X, W, b, activation):
                    Z = np.sum(X @ W + b, axis=1, keepdims=True)
                    return activation(Z)
            """,
        ),
        (
            "activation_ignored",
            """
                def dense_forward(X, W, b, activation):
                    return np.maximum(0, X @ W + b)
            """,
        ),
    ],
    "check_article_weight": [
        (
            "rows_are_neurons",
            """
                def article_weight(W, name):
                    return W[int(name[2:]) - 1, ord(name[1]) - ord("a")]
            """,
        ),
        (
            "neuron_from_zero",
            """
                def article_weight(W, name):
                    return W[ord(name[1]) - ord("a"), int(name[2:])]
            """,
        ),
        (
            "letter_from_one",
            """
                def article_weight(W, name):
                    return W[ord(name[1]) - ord("a") + 1, int(name[2:]) - 1]
            """,
        ),
        (
            "letter_from_one",
            """
                def article_weight(W, name):
                    return W[ord(name[1]) - 96, int(name[2:]) - 1]
            """,
        ),
        (
            "reads_w",
            """
                def article_weight(W, name):
                    return W[ord(name[0]) - ord("a"), int(name[2:]) - 1]
            """,
        ),
        (
            "flat_index",
            """
                def article_weight(W, name):
                    return W.flatten()[(ord(name[1]) - ord("a")) * 3 + int(name[2:]) - 1]
            """,
        ),
        (
            "flat_by_columns",
            """
                def article_weight(W, name):
                    return W.flatten()[(int(name[2:]) - 1) * 3 + ord(name[1]) - ord("a")]
            """,
        ),
        (
            "whole_row",
            """
                def article_weight(W, name):
                    return W[ord(name[1]) - ord("a")]
            """,
        ),
        (
            "whole_column",
            """
                def article_weight(W, name):
                    return W[:, int(name[2:]) - 1]
            """,
        ),
        (
            None,
            """
                def article_weight(W, name):
                    return W[ord(name[1]) - ord("a"), int(name[2:]) - 1] if name[1] != "a" else W[0, 0]
            """,
        ),
        (
            None,
            """
                def article_weight(W, name):
                    return W[int(name[2:]) % 3, ord(name[1]) - ord("a")]
            """,
        ),
        (
            None,
            """
                def article_weight(W, name):
                    return W[-(ord(name[1]) - ord("a")) - 1, int(name[2:]) - 1]
            """,
        ),
    ],
    "check_count_parameters": [
        (
            "no_biases",
            """
                def count_parameters(sizes):
                    return sum(a * b for a, b in zip(sizes, sizes[1:]))
            """,
        ),
        (
            "biases_of_inputs",
            """
                def count_parameters(sizes):
                    return sum(a * b + a for a, b in zip(sizes, sizes[1:]))
            """,
        ),
        (
            "input_biases",
            """
                def count_parameters(sizes):
                    return sum(a * b for a, b in zip(sizes, sizes[1:])) + sum(sizes)
            """,
        ),
        (
            "last_layer_missing",
            """
                def count_parameters(sizes):
                    total = 0
                    for l in range(1, len(sizes) - 1):
                        total += sizes[l - 1] * sizes[l] + sizes[l]
                    return total
            """,
        ),
        (
            None,
            """
                def count_parameters(sizes):
                    return sum((a + 1) * (b + 1) for a, b in zip(sizes, sizes[1:]))
            """,
        ),
        (
            None,
            """
                def count_parameters(sizes):
                    return int(np.prod(sizes)) + sum(sizes[1:])
            """,
        ),
        (
            "one_bias_per_layer",
            """
                def count_parameters(sizes):
                    return sum(a * b for a, b in zip(sizes, sizes[1:])) + len(sizes) - 1
            """,
        ),
        (
            "first_layer_only",
            """
                def count_parameters(sizes):
                    return sizes[0] * sizes[1] + sizes[1]
            """,
        ),
        (
            "input_biases",
            """
                def count_parameters(sizes):
                    return sum(a * b + b for a, b in zip(sizes, sizes[1:])) + sizes[0]
            """,
        ),
        (
            "biases_of_inputs",
            """
                def count_parameters(sizes):
                    return sum(a * (b + 1) for a, b in zip(sizes, sizes[1:]))
            """,
        ),
        (
            None,
            """
                def count_parameters(sizes):
                    return float(sum(a * b + b for a, b in zip(sizes, sizes[1:]))) / 1.0 + 0.5
            """,
        ),
        (
            "last_layer_missing",
            """
                def count_parameters(sizes):
                    return sum(sizes[i] * sizes[i + 1] + sizes[i + 1] for i in range(len(sizes) - 2))
            """,
        ),
    ],
    "check_initialize": [
        (
            "zeros",
            """
                def initialize(sizes, rng):
                    return [(np.zeros((a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
            """,
        ),
        (
            "too_small",
            """
                def initialize(sizes, rng):
                    return [(rng.normal(size=(a, b)) * 0.01, np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
            """,
        ),
        (
            "too_large",
            """
                def initialize(sizes, rng):
                    return [(rng.normal(size=(a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
            """,
        ),
        (
            "fan_out",
            """
                def initialize(sizes, rng):
                    return [(rng.normal(size=(a, b)) / np.sqrt(b), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
            """,
        ),
        (
            "variance_as_scale",
            """
                def initialize(sizes, rng):
                    return [(rng.normal(size=(a, b)) / a, np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
            """,
        ),
        (
            "transposed",
            """
                def initialize(sizes, rng):
                    return [(rng.normal(size=(b, a)) / np.sqrt(a), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
            """,
        ),
        (
            "bias_shape",
            """
                def initialize(sizes, rng):
                    return [(rng.normal(size=(a, b)) / np.sqrt(a), np.zeros((b, 1)))
                            for a, b in zip(sizes, sizes[1:])]
            """,
        ),
        (
            "global_random",
            """
                def initialize(sizes, rng):
                    return [(np.random.normal(size=(a, b)) / np.sqrt(a), np.zeros(b))
                            for a, b in zip(sizes, sizes[1:])]
            """,
        ),
        (
            "fixed_seed",
            """
                def initialize(sizes, rng):
                    rng = np.random.default_rng(0)
                    return [(rng.normal(size=(a, b)) / np.sqrt(a), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
            """,
        ),
        (
            "random_biases",
            """
                def initialize(sizes, rng):
                    return [(rng.normal(size=(a, b)) / np.sqrt(a), rng.normal(size=b))
                            for a, b in zip(sizes, sizes[1:])]
            """,
        ),
        (
            "all_equal",
            """
                def initialize(sizes, rng):
                    return [(np.full((a, b), 1 / np.sqrt(a)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
            """,
        ),
        (
            "times_sqrt",
            """
                def initialize(sizes, rng):
                    return [(rng.normal(size=(a, b)) * np.sqrt(a), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
            """,
        ),
        (
            "layer_missing",
            """
                def initialize(sizes, rng):
                    params = []
                    for l in range(1, len(sizes) - 1):
                        W = rng.normal(size=(sizes[l - 1], sizes[l])) / np.sqrt(sizes[l - 1])
                        params.append((W, np.zeros(sizes[l])))
                    return params
            """,
        ),
        (
            "first_fan_in",
            """
                def initialize(sizes, rng):
                    return [(rng.normal(size=(a, b)) / np.sqrt(sizes[0]), np.zeros(b))
                            for a, b in zip(sizes, sizes[1:])]
            """,
        ),
        (
            "not_centred",
            """
                def initialize(sizes, rng):
                    return [(rng.uniform(0, 1, size=(a, b)) / np.sqrt(a), np.zeros(b))
                            for a, b in zip(sizes, sizes[1:])]
            """,
        ),
        # real learner (deeplearning.ai initialize_parameters_deep: * 0.01, np.random, (n_out, n_in))
        (
            None,
            """
                def initialize(sizes, rng):
                    np.random.seed(3)
                    params = []
                    L = len(sizes)
                    for l in range(1, L):
                        W = np.random.randn(sizes[l], sizes[l - 1]) * 0.01
                        b = np.zeros((sizes[l], 1))
                        params.append((W, b))
                    return params
            """,
        ),
        # real learner (nathanrowe4 He init with np.random, (n_out, n_in)), translated
        (
            None,
            """
                def initialize(sizes, rng):
                    params = []
                    L = len(sizes) - 1
                    for l in range(1, L + 1):
                        W = np.random.randn(sizes[l], sizes[l - 1]) * np.sqrt(2 / sizes[l - 1])
                        b = np.zeros((sizes[l], 1))
                        params.append((W, b))
                    return params
            """,
        ),
    ],
    "check_forward": [
        (
            "cache_output",
            """
                def forward(params, X, activations):
                    A = X
                    caches = []
                    for (W, b), name in zip(params, activations):
                        Z = A @ W + b
                        A = ACTIVATION_FUNCTIONS[name](Z)
                        caches.append((A, Z, name))
                    return A, caches
            """,
        ),
        (
            "z_after_activation",
            """
                def forward(params, X, activations):
                    A = X
                    caches = []
                    for (W, b), name in zip(params, activations):
                        Z = A @ W + b
                        caches.append((A, ACTIVATION_FUNCTIONS[name](Z), name))
                        A = ACTIVATION_FUNCTIONS[name](Z)
                    return A, caches
            """,
        ),
        (
            "caches_reversed",
            """
                def forward(params, X, activations):
                    A = X
                    caches = []
                    for (W, b), name in zip(params, activations):
                        Z = A @ W + b
                        caches.insert(0, (A, Z, name))
                        A = ACTIVATION_FUNCTIONS[name](Z)
                    return A, caches
            """,
        ),
        (
            "cache_order",
            """
                def forward(params, X, activations):
                    A = X
                    caches = []
                    for (W, b), name in zip(params, activations):
                        Z = A @ W + b
                        caches.append((Z, A, name))
                        A = ACTIVATION_FUNCTIONS[name](Z)
                    return A, caches
            """,
        ),
        (
            "cache_without_name",
            """
                def forward(params, X, activations):
                    A = X
                    caches = []
                    for (W, b), name in zip(params, activations):
                        Z = A @ W + b
                        caches.append((A, Z))
                        A = ACTIVATION_FUNCTIONS[name](Z)
                    return A, caches
            """,
        ),
        (
            "first_activation_only",
            """
                def forward(params, X, activations):
                    A = X
                    caches = []
                    for W, b in params:
                        Z = A @ W + b
                        caches.append((A, Z, activations[0]))
                        A = ACTIVATION_FUNCTIONS[activations[0]](Z)
                    return A, caches
            """,
        ),
        (
            "no_output_activation",
            """
                def forward(params, X, activations):
                    A = X
                    caches = []
                    for i, ((W, b), name) in enumerate(zip(params, activations)):
                        Z = A @ W + b
                        caches.append((A, Z, name))
                        A = ACTIVATION_FUNCTIONS[name](Z) if i < len(params) - 1 else Z
                    return A, caches
            """,
        ),
        (
            "swapped_return",
            """
                def forward(params, X, activations):
                    A = X
                    caches = []
                    for (W, b), name in zip(params, activations):
                        Z = A @ W + b
                        caches.append((A, Z, name))
                        A = ACTIVATION_FUNCTIONS[name](Z)
                    return caches, A
            """,
        ),
        (
            "z_without_bias",
            """
                def forward(params, X, activations):
                    A = X
                    caches = []
                    for (W, b), name in zip(params, activations):
                        Z = A @ W
                        caches.append((A, Z, name))
                        A = ACTIVATION_FUNCTIONS[name](Z + b)
                    return A, caches
            """,
        ),
        (
            "cache_function",
            """
                def forward(params, X, activations):
                    A = X
                    caches = []
                    for (W, b), name in zip(params, activations):
                        Z = A @ W + b
                        caches.append((A, Z, ACTIVATION_FUNCTIONS[name]))
                        A = ACTIVATION_FUNCTIONS[name](Z)
                    return A, caches
            """,
        ),
        (
            None,
            """
                def forward(params, X, activations):
                    A = X
                    caches = []
                    for (W, b), name in zip(params, activations):
                        Z = A @ W + b
                        A = ACTIVATION_FUNCTIONS[name](Z)
                    caches.append((X, Z, activations[-1]))
                    return A, caches
            """,
        ),
        (
            "cache_holds_X",
            """
                def forward(params, X, activations):
                    A = X
                    caches = []
                    for (W, b), name in zip(params, activations):
                        Z = A @ W + b
                        caches.append((X, Z, name))
                        A = ACTIVATION_FUNCTIONS[name](Z)
                    return A, caches
            """,
        ),
        (
            "layers_reversed",
            """
                def forward(params, X, activations):
                    A = X
                    caches = []
                    for (W, b), name in zip(reversed(params), activations):
                        Z = A @ W + b
                        caches.append((A, Z, name))
                        A = ACTIVATION_FUNCTIONS[name](Z)
                    return A, caches
            """,
        ),
        # annlib.scratch.ACTIVATIONS called as if it held functions: it holds (function, derivative) pairs
        (
            "scratch_pairs",
            """
                from annlib.scratch import ACTIVATIONS

                def forward(params, X, activations):
                    A = X
                    caches = []
                    for (W, b), name in zip(params, activations):
                        Z = A @ W + b
                        caches.append((A, Z, name))
                        A = ACTIVATIONS[name](Z)
                    return A, caches
            """,
        ),
        # real learner (deeplearning.ai L_model_forward: relu hidden, sigmoid output, names ignored)
        (
            "fixed_activations",
            """
                def forward(params, X, activations):
                    caches = []
                    A = X
                    L = len(params)
                    for l in range(L - 1):
                        A_prev = A
                        W, b = params[l]
                        Z = np.dot(A_prev, W) + b
                        A = np.maximum(0, Z)
                        caches.append((A_prev, Z, "relu"))
                    W, b = params[L - 1]
                    Z = np.dot(A, W) + b
                    AL = 1 / (1 + np.exp(-Z))
                    caches.append((A, Z, "sigmoid"))
                    return AL, caches
            """,
        ),
    ],
    "check_collapse_linear": [
        (
            "b1_dropped",
            """
                def collapse_linear(W1, b1, W2, b2):
                    return W1 @ W2, b2
            """,
        ),
        (
            "b2_dropped",
            """
                def collapse_linear(W1, b1, W2, b2):
                    return W1 @ W2, b1 @ W2
            """,
        ),
        (
            "b1_summed",
            """
                def collapse_linear(W1, b1, W2, b2):
                    return W1 @ W2, b1.sum() + b2
            """,
        ),
        (
            None,
            """
                def collapse_linear(W1, b1, W2, b2):
                    return W1 @ W2, b1 @ W2 - b2
            """,
        ),
        (
            "swapped",
            """
                def collapse_linear(W1, b1, W2, b2):
                    return b1 @ W2 + b2, W1 @ W2
            """,
        ),
        (
            "bias_2d",
            """
                def collapse_linear(W1, b1, W2, b2):
                    return W1 @ W2, (b1.reshape(1, -1) @ W2) + b2
            """,
        ),
        (
            "W_transposed",
            """
                def collapse_linear(W1, b1, W2, b2):
                    return (W2.T @ W1.T), b1 @ W2 + b2
            """,
        ),
        (
            "biases_added",
            """
                def collapse_linear(W1, b1, W2, b2):
                    return W1 @ W2, b1[: W2.shape[1]] + b2
            """,
        ),
        (
            None,
            """
                def collapse_linear(W1, b1, W2, b2):
                    return W1 @ W2 + b1 @ W2, b2
            """,
        ),
        (
            None,
            """
                def collapse_linear(W1, b1, W2, b2):
                    return W1 @ W2, b1 @ W2 + b2 * W2.shape[0]
            """,
        ),
        (
            None,
            """
                def collapse_linear(W1, b1, W2, b2):
                    W = W1 @ W2
                    b = b1 @ W2 + b2
                    return W.astype(int), b
            """,
        ),
        (
            None,
            """
                def collapse_linear(W1, b1, W2, b2):
                    W = W1 * W2.sum(axis=1)
                    return W @ np.ones((W1.shape[1], W2.shape[1])), b1 @ W2 + b2
            """,
        ),
        # layer fusion as written for weights stored (n_out, n_in) (PyTorch): W2 @ W1, W2 @ b1 + b2
        (
            "torch_convention",
            """
                def collapse_linear(W1, b1, W2, b2):
                    fused_w = W2 @ W1
                    fused_b = W2 @ b1 + b2
                    return fused_w, fused_b
            """,
        ),
    ],
    "check_tanh_gap": [
        (
            "mean",
            """
                def tanh_gap(X, W1, b1, W2, b2, W, b):
                    return np.mean(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)))
            """,
        ),
        (
            "no_abs",
            """
                def tanh_gap(X, W1, b1, W2, b2, W, b):
                    return np.max(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b))
            """,
        ),
        (
            "sum",
            """
                def tanh_gap(X, W1, b1, W2, b2, W, b):
                    return np.sum(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)))
            """,
        ),
        (
            "tanh_twice",
            """
                def tanh_gap(X, W1, b1, W2, b2, W, b):
                    return np.max(np.abs(np.tanh(np.tanh(X @ W1 + b1) @ W2 + b2) - (X @ W + b)))
            """,
        ),
        (
            "no_b2",
            """
                def tanh_gap(X, W1, b1, W2, b2, W, b):
                    return np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 - (X @ W + b)))
            """,
        ),
        (
            "no_tanh",
            """
                def tanh_gap(X, W1, b1, W2, b2, W, b):
                    return np.max(np.abs((X @ W1 + b1) @ W2 + b2 - (X @ W + b)))
            """,
        ),
        (
            "norm",
            """
                def tanh_gap(X, W1, b1, W2, b2, W, b):
                    return np.linalg.norm(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b))
            """,
        ),
        (
            "per_example",
            """
                def tanh_gap(X, W1, b1, W2, b2, W, b):
                    return np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)), axis=1)
            """,
        ),
        (
            "min",
            """
                def tanh_gap(X, W1, b1, W2, b2, W, b):
                    return np.min(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)))
            """,
        ),
        (
            "squared",
            """
                def tanh_gap(X, W1, b1, W2, b2, W, b):
                    return np.max((np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)) ** 2)
            """,
        ),
        (
            "tanh_on_both",
            """
                def tanh_gap(X, W1, b1, W2, b2, W, b):
                    return np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - np.tanh(X @ W + b)))
            """,
        ),
        (
            "no_b1",
            """
                def tanh_gap(X, W1, b1, W2, b2, W, b):
                    return np.max(np.abs(np.tanh(X @ W1) @ W2 + b2 - (X @ W + b)))
            """,
        ),
        (
            None,
            """
                def tanh_gap(X, W1, b1, W2, b2, W, b):
                    return abs(np.max(np.tanh(X @ W1 + b1) @ W2 + b2) - np.max(X @ W + b))
            """,
        ),
    ],
}

for _name, _sources in _MORE_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_sources)
for _name, _answers in _MORE_WRONG.items():
    WRONG.setdefault(_name, []).extend(_answers)


# More answers in the styles learners write, and real learners' code translated as it was
_REAL_STYLES_CORRECT = {
    "check_dense_forward": [
        """
            def dense_forward(X, W, b, activation):
                return activation(np.dot(X, W) + b)
        """,
        """
            def dense_forward(X, W, b, activation):
                Z = np.matmul(X, W)
                Z = Z + b.reshape(1, -1)
                return activation(Z)
        """,
        """
            def dense_forward(X, W, b, activation):
                Z = np.einsum("ni,io->no", X, W) + b
                return activation(Z)
        """,
        """
            def dense_forward(X, W, b, activation):
                n, m = X.shape[0], W.shape[1]
                Z = np.zeros((n, m))
                for i in range(n):
                    for j in range(m):
                        Z[i, j] = np.sum(X[i, :] * W[:, j]) + b[j]
                return activation(Z)
        """,
        """
            def dense_forward(X, W, b, activation):
                rows = [x @ W + b for x in X]
                return activation(np.array(rows))
        """,
        """
            def dense_forward(X, W, b, activation):
                X = np.asarray(X, dtype=float)
                Z = X.dot(W)
                Z += b
                return activation(Z)
        """,
        """
            def dense_forward(X, W, b, activation):
                # Nielsen-style feedforward a = sigmoid(np.dot(w, a) + b), in the batch-first layout
                Z = (np.dot(W.T, X.T) + b[:, None]).T
                return activation(Z)
        """,
        """
            def dense_forward(X, W, b, activation):
                Z = (X @ W) + np.tile(b, (X.shape[0], 1))
                A = activation(Z)
                return A
        """,
        """
            def dense_forward(X, W, b, activation):
                n_in, n_out = W.shape
                Z = np.array([[sum(x[k] * W[k, j] for k in range(n_in)) + b[j] for j in range(n_out)] for x in X])
                return activation(Z)
        """,
    ],
    "check_article_weight": [
        """
            def article_weight(W, name):
                return W[ord(name[1]) - ord("a"), int(name[2]) - 1]
        """,
        """
            def article_weight(W, name):
                letters = "abc"
                i = letters.index(name[1])
                j = int(name[2:]) - 1
                return W[i][j]
        """,
        """
            def article_weight(W, name):
                row = {"a": 0, "b": 1, "c": 2}[name[1]]
                col = int(name[-1]) - 1
                return W[row, col]
        """,
        """
            def article_weight(W, name):
                letter, digit = name[1], name[2:]
                return W[ord(letter) - 97][int(digit) - 1]
        """,
        """
            def article_weight(W, name):
                name = name.lower().strip()
                i = "abcdefghijklmnopqrstuvwxyz".find(name[1])
                return float(W[i, int(name[2:]) - 1])
        """,
        """
            def article_weight(W, name):
                for i, letter in enumerate("abc"):
                    for j in range(W.shape[1]):
                        if name == f"w{letter}{j + 1}":
                            return W[i, j]
        """,
        """
            def article_weight(W, name):
                flat = W.ravel()
                i = ord(name[1]) - ord("a")
                j = int(name[2:]) - 1
                return flat[i * W.shape[1] + j]
        """,
        """
            def article_weight(W, name):
                return W.T[int(name[2:]) - 1, ord(name[1]) - ord("a")]
        """,
    ],
    "check_count_parameters": [
        """
            def count_parameters(sizes):
                total = 0
                for i in range(1, len(sizes)):
                    total += sizes[i - 1] * sizes[i] + sizes[i]
                return total
        """,
        """
            def count_parameters(sizes):
                return sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))
        """,
        """
            def count_parameters(sizes):
                sizes = np.array(sizes)
                return int(np.sum(sizes[:-1] * sizes[1:]) + np.sum(sizes[1:]))
        """,
        """
            def count_parameters(sizes):
                weights = sum([sizes[l] * sizes[l + 1] for l in range(len(sizes) - 1)])
                biases = sum(sizes[1:])
                return weights + biases
        """,
        """
            def count_parameters(sizes):
                n = 0
                prev = sizes[0]
                for s in sizes[1:]:
                    n += prev * s + s
                    prev = s
                return n
        """,
        """
            def count_parameters(sizes):
                if len(sizes) < 2:
                    return 0
                return sizes[0] * sizes[1] + sizes[1] + count_parameters(sizes[1:])
        """,
        """
            def count_parameters(sizes):
                sizes = list(sizes)
                return int(np.dot(sizes[:-1], sizes[1:]) + sum(sizes[1:]))
        """,
        """
            def count_parameters(sizes):
                # Nielsen's layout: weights (y, x) and biases (y, 1) per layer
                weights = [np.zeros((y, x)) for x, y in zip(sizes[:-1], sizes[1:])]
                biases = [np.zeros((y, 1)) for y in sizes[1:]]
                return sum(w.size for w in weights) + sum(b.size for b in biases)
        """,
    ],
    "check_initialize": [
        """
            def initialize(sizes, rng):
                params = []
                for l in range(1, len(sizes)):
                    W = rng.standard_normal((sizes[l - 1], sizes[l])) / np.sqrt(sizes[l - 1])
                    b = np.zeros(sizes[l])
                    params.append((W, b))
                return params
        """,
        """
            def initialize(sizes, rng):
                return [
                    (rng.normal(0, 1 / np.sqrt(n_in), (n_in, n_out)), np.zeros(n_out))
                    for n_in, n_out in zip(sizes[:-1], sizes[1:])
                ]
        """,
        """
            def initialize(sizes, rng):
                # nathanrowe4 initialize_parameters_he, batch-first layout
                params = []
                L = len(sizes) - 1
                for l in range(1, L + 1):
                    W = rng.standard_normal((sizes[l - 1], sizes[l])) * np.sqrt(2 / sizes[l - 1])
                    params.append((W, np.zeros((sizes[l],))))
                return params
        """,
        """
            def initialize(sizes, rng):
                params = []
                for n_in, n_out in zip(sizes, sizes[1:]):
                    limit = np.sqrt(2.0 / (n_in + n_out))
                    params.append((rng.normal(scale=limit, size=(n_in, n_out)), np.zeros(n_out)))
                return params
        """,
        """
            def initialize(sizes, rng):
                params = []
                for n_in, n_out in zip(sizes, sizes[1:]):
                    limit = np.sqrt(3.0 / n_in)  # uniform with variance 1/n_in
                    params.append((rng.uniform(-limit, limit, size=(n_in, n_out)), np.zeros(n_out)))
                return params
        """,
        """
            import math

            def initialize(sizes, rng):
                params = []
                for i in range(len(sizes) - 1):
                    std = math.sqrt(1 / sizes[i])
                    W = std * rng.normal(size=(sizes[i], sizes[i + 1]))
                    b = np.zeros(sizes[i + 1], dtype=float)
                    params.append((W, b))
                return params
        """,
        """
            def initialize(sizes, rng):
                params = []
                for n_in, n_out in zip(sizes, sizes[1:]):
                    # drawn (n_out, n_in) then transposed to (n_in, n_out)
                    W = (rng.standard_normal((n_out, n_in)) / np.sqrt(n_in)).T
                    params.append((W, np.zeros(n_out)))
                return params
        """,
        """
            def initialize(sizes, rng):
                params = list()
                for n_in, n_out in zip(sizes[:-1], sizes[1:]):
                    W = rng.normal(loc=0.0, scale=1.0, size=(n_in, n_out)) * (1.0 / n_in) ** 0.5
                    params.append((W.astype(np.float64), np.zeros((n_out,))))
                return params
        """,
    ],
    "check_forward": [
        """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = np.dot(A, W) + b
                    caches.append((A, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return A, caches
        """,
        """
            def forward(params, X, activations):
                caches = []
                A_prev = X
                for l in range(len(params)):
                    W, b = params[l]
                    Z = A_prev @ W + b
                    f = ACTIVATION_FUNCTIONS[activations[l]]
                    caches.append((A_prev, Z, activations[l]))
                    A_prev = f(Z)
                return A_prev, caches
        """,
        """
            def forward(params, X, activations):
                A = X
                caches = []
                for i, (W, b) in enumerate(params):
                    Z = A @ W + b
                    A_new = ACTIVATION_FUNCTIONS[activations[i]](Z)
                    caches.append((A, Z, activations[i]))
                    A = A_new
                return A, caches
        """,
        """
            def forward(params, X, activations):
                caches = []
                A = X
                for (W, b), name in zip(params, activations):
                    Z = np.matmul(A, W) + b
                    caches += [(A, Z, name)]
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return (A, caches)
        """,
        """
            def forward(params, X, activations):
                As = [X]
                Zs = []
                for (W, b), name in zip(params, activations):
                    Zs.append(As[-1] @ W + b)
                    As.append(ACTIVATION_FUNCTIONS[name](Zs[-1]))
                caches = [(As[i], Zs[i], activations[i]) for i in range(len(params))]
                return As[-1], caches
        """,
        """
            def forward(params, X, activations):
                A = X
                caches = []
                L = len(params)
                for l in range(L):
                    W, b = params[l]
                    name = activations[l]
                    Z = A.dot(W) + b
                    cache = (A, Z, name)
                    caches.append(cache)
                    if name == "tanh":
                        A = np.tanh(Z)
                    else:
                        A = ACTIVATION_FUNCTIONS[name](Z)
                return A, caches
        """,
        """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.append((A, Z, name))
                    A = dense_forward(A, W, b, ACTIVATION_FUNCTIONS[name])
                return A, caches
        """,
        """
            def forward(params, X, activations):
                caches = []
                A = X
                for layer, (W, b) in enumerate(params):
                    act = activations[layer]
                    Z = np.einsum("ij,jk->ik", A, W) + b
                    caches.append(tuple([A, Z, act]))
                    A = ACTIVATION_FUNCTIONS[act](Z)
                return A, caches
        """,
    ],
    "check_collapse_linear": [
        """
            def collapse_linear(W1, b1, W2, b2):
                return np.dot(W1, W2), np.dot(b1, W2) + b2
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                W = np.matmul(W1, W2)
                b = np.matmul(b1, W2) + b2
                return (W, b)
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                W = np.einsum("ih,ho->io", W1, W2)
                b = np.einsum("h,ho->o", b1, W2) + b2
                return W, b
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                W = W1 @ W2
                b = (b1.reshape(1, -1) @ W2).ravel() + b2
                return W, b
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                W = W1 @ W2
                b = W2.T @ b1 + b2
                return W, b
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                n_in, n_out = W1.shape[0], W2.shape[1]
                W = np.zeros((n_in, n_out))
                for i in range(n_in):
                    for o in range(n_out):
                        W[i, o] = sum(W1[i, h] * W2[h, o] for h in range(W1.shape[1]))
                b = np.array([sum(b1[h] * W2[h, o] for h in range(len(b1))) + b2[o] for o in range(n_out)])
                return W, b
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                # push a zero input through both layers to find b, and the identity to find W
                n_in = W1.shape[0]
                b = (np.zeros((1, n_in)) @ W1 + b1) @ W2 + b2
                W = (np.eye(n_in) @ W1 + b1) @ W2 + b2 - b
                return W, b[0]
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                W = (W2.T @ W1.T).T
                b = np.sum(b1[:, None] * W2, axis=0) + b2
                return W, b
        """,
    ],
    "check_tanh_gap": [
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)).max()
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                H = np.tanh(np.dot(X, W1) + b1)
                y_net = np.dot(H, W2) + b2
                y_one = np.dot(X, W) + b
                return float(np.amax(np.absolute(y_net - y_one)))
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                diff = (np.tanh(X @ W1 + b1) @ W2 + b2) - (X @ W + b)
                return max(abs(d) for d in diff.ravel())
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                gap = 0.0
                for x in X:
                    y1 = np.tanh(x @ W1 + b1) @ W2 + b2
                    y2 = x @ W + b
                    gap = max(gap, np.max(np.abs(y1 - y2)))
                return gap
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                out = np.tanh(X @ W1 + b1) @ W2 + b2
                lin = X @ W + b
                return np.linalg.norm((out - lin).ravel(), ord=np.inf)
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                a = (np.exp(2 * (X @ W1 + b1)) - 1) / (np.exp(2 * (X @ W1 + b1)) + 1)
                return np.max(np.abs(a @ W2 + b2 - X @ W - b))
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                d = np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)
                return max(d.max(), -d.min())
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.max(np.abs(np.subtract(np.tanh(X.dot(W1) + b1).dot(W2) + b2, X.dot(W) + b)), axis=None)
        """,
    ],
}
_REAL_STYLES_WRONG = {
    "check_dense_forward": [
        (
            "bias_after_activation",
            """
            def dense_forward(X, W, b, activation):
                return activation(X @ W) + b
        """,
        ),
        (
            "no_activation",
            """
            def dense_forward(X, W, b, activation):
                return X @ W + b
        """,
        ),
        (
            "minus_bias",
            """
            def dense_forward(X, W, b, activation):
                return activation(X @ W - b)
        """,
        ),
        (
            "no_bias",
            """
            def dense_forward(X, W, b, activation):
                return activation(X @ W)
        """,
        ),
        (
            "elementwise",
            """
            def dense_forward(X, W, b, activation):
                return activation(X * W.T + b)
        """,
        ),
        (
            None,
            """
            def dense_forward(X, W, b, activation):
                return activation(X @ W + b[:, None].T.sum())
        """,
        ),
        (
            None,
            """
            def dense_forward(X, W, b, activation):
                return activation((W.T @ X.T).T + b.mean())
        """,
        ),
        (
            "activation_ignored",
            """
            def dense_forward(X, W, b, activation):
                Z = X @ W + b
                return np.maximum(Z, 0)
        """,
        ),
        (
            "integer_sums",
            """
            def dense_forward(X, W, b, activation):
                Z = np.zeros((X.shape[0], W.shape[1]), dtype=X.dtype)
                Z[:] = X @ W + b
                return activation(Z)
        """,
        ),
        (
            "activation_ignored",
            """
            def dense_forward(X, W, b, activation):
                return 1 / (1 + np.exp(-(X @ W + b)))
        """,
        ),
        (
            None,
            """
            def dense_forward(X, W, b, activation):
                return activation(X @ W + b)[0]
        """,
        ),
    ],
    "check_article_weight": [
        (
            "rows_are_neurons",
            """
            def article_weight(W, name):
                return W[int(name[2]) - 1, ord(name[1]) - ord('a')]
        """,
        ),
        (
            "neuron_from_zero",
            """
            def article_weight(W, name):
                return W[ord(name[1]) - ord('a'), int(name[2])]
        """,
        ),
        (
            "letter_from_one",
            """
            def article_weight(W, name):
                return W[ord(name[1]) - ord('a') + 1, int(name[2]) - 1]
        """,
        ),
        (
            None,
            """
            def article_weight(W, name):
                return W[ord(name[1]) - ord('a'), int(name[2]) - 1 - 1]
        """,
        ),
        (
            "reads_w",
            """
            def article_weight(W, name):
                return W[ord(name[0]) - ord('a'), int(name[2]) - 1]
        """,
        ),
        (
            "flat_by_columns",
            """
            def article_weight(W, name):
                return W.ravel()[(ord(name[1]) - ord('a')) + 3 * (int(name[2]) - 1)]
        """,
        ),
        (
            "neuron_from_zero",
            """
            def article_weight(W, name):
                return W[ord(name[1]) - ord('a')][int(name[2]) % 4]
        """,
        ),
        (
            "whole_row",
            """
            def article_weight(W, name):
                return W[ord(name[1]) - ord('a'), :]
        """,
        ),
        (
            None,
            """
            def article_weight(W, name):
                return W[ord(name[1]) - ord('a'), 0]
        """,
        ),
        (
            None,
            """
            def article_weight(W, name):
                return W[1, 2]
        """,
        ),
        (
            None,
            """
            def article_weight(W, name):
                return W[ord(name[1]) - ord('a'), -int(name[2])]
        """,
        ),
    ],
    "check_count_parameters": [
        (
            "no_biases",
            """
            def count_parameters(sizes):
                return sum(a * b for a, b in zip(sizes, sizes[1:]))
        """,
        ),
        (
            "biases_of_inputs",
            """
            def count_parameters(sizes):
                return sum(a * b + a for a, b in zip(sizes, sizes[1:]))
        """,
        ),
        (
            "input_biases",
            """
            def count_parameters(sizes):
                return sum(a * b for a, b in zip(sizes, sizes[1:])) + sum(sizes)
        """,
        ),
        (
            "input_biases",
            """
            def count_parameters(sizes):
                return sum(a * b + b for a, b in zip(sizes, sizes[1:])) + sizes[0]
        """,
        ),
        (
            None,
            """
            def count_parameters(sizes):
                return sum((a + b) * b for a, b in zip(sizes, sizes[1:]))
        """,
        ),
        (
            "last_layer_missing",
            """
            def count_parameters(sizes):
                t = 0
                for i in range(1, len(sizes) - 1):
                    t += sizes[i - 1] * sizes[i] + sizes[i]
                return t
        """,
        ),
        (
            None,
            """
            def count_parameters(sizes):
                return int(np.prod(sizes)) + sum(sizes[1:])
        """,
        ),
        (
            "one_bias_per_layer",
            """
            def count_parameters(sizes):
                return sum(a * b + 1 for a, b in zip(sizes, sizes[1:]))
        """,
        ),
        (
            None,
            """
            def count_parameters(sizes):
                return sum((a + 1) * (b + 1) for a, b in zip(sizes, sizes[1:]))
        """,
        ),
        (
            "first_layer_missing",
            """
            def count_parameters(sizes):
                return sum(a * b + b for a, b in zip(sizes[1:], sizes[2:]))
        """,
        ),
        (
            None,
            """
            def count_parameters(sizes):
                return float(sum(a * b + b for a, b in zip(sizes, sizes[1:]))) + 0.5
        """,
        ),
    ],
    "check_initialize": [
        (
            "too_small",
            """
            def initialize(sizes, rng):
                # deeplearning.ai initialize_parameters_random, translated
                params = []
                for l in range(1, len(sizes)):
                    params.append((rng.standard_normal((sizes[l - 1], sizes[l])) * 0.01, np.zeros(sizes[l])))
                return params
        """,
        ),
        (
            None,
            """
            def initialize(sizes, rng):
                # jnuho initialize_parameters_deep, translated without fixing its layout
                params = []
                for l in range(1, len(sizes)):
                    W = rng.standard_normal((sizes[l], sizes[l - 1])) / np.sqrt(sizes[l - 1])
                    params.append((W, np.zeros((sizes[l], 1))))
                return params
        """,
        ),
        (
            "zeros",
            """
            def initialize(sizes, rng):
                return [(np.zeros((a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
        """,
        ),
        (
            "too_large",
            """
            def initialize(sizes, rng):
                return [(rng.standard_normal((a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
        """,
        ),
        (
            None,
            """
            def initialize(sizes, rng):
                return [(rng.standard_normal((a, b)) * 10, np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
        """,
        ),
        (
            "global_random",
            """
            def initialize(sizes, rng):
                return [(np.random.randn(a, b) / np.sqrt(a), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
        """,
        ),
        (
            "fixed_seed",
            """
            def initialize(sizes, rng):
                r = np.random.default_rng(0)
                return [(r.normal(0, np.sqrt(1 / a), (a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
        """,
        ),
        (
            "fan_out",
            """
            def initialize(sizes, rng):
                return [(rng.normal(0, np.sqrt(1 / b), (a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
        """,
        ),
        (
            "variance_as_scale",
            """
            def initialize(sizes, rng):
                return [(rng.normal(0, 1 / a, (a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
        """,
        ),
        (
            "random_biases",
            """
            def initialize(sizes, rng):
                return [(rng.normal(0, np.sqrt(1 / a), (a, b)), rng.normal(0, 1, b)) for a, b in zip(sizes, sizes[1:])]
        """,
        ),
        (
            "not_centred",
            """
            def initialize(sizes, rng):
                return [(rng.random((a, b)) / np.sqrt(a), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
        """,
        ),
        (
            "layer_missing",
            """
            def initialize(sizes, rng):
                return [(rng.normal(0, np.sqrt(1 / a), (a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:-1])]
        """,
        ),
        (
            "all_equal",
            """
            def initialize(sizes, rng):
                return [(np.full((a, b), 1 / np.sqrt(a)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
        """,
        ),
        (
            "first_fan_in",
            """
            def initialize(sizes, rng):
                return [(rng.normal(0, np.sqrt(1 / sizes[0]), (a, b)), np.zeros(b)) for a, b in zip(sizes, sizes[1:])]
        """,
        ),
    ],
    "check_forward": [
        (
            "cache_output",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    A = ACTIVATION_FUNCTIONS[name](Z)
                    caches.append((A, Z, name))
                return A, caches
        """,
        ),
        (
            "one_activation",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.append((A, Z, name))
                    A = ACTIVATION_FUNCTIONS["tanh"](Z)
                return A, caches
        """,
        ),
        (
            "cache_holds_X",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    A = ACTIVATION_FUNCTIONS[name](Z)
                    caches.append((X, Z, name))
                return A, caches
        """,
        ),
        (
            "z_after_activation",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.append((A, ACTIVATION_FUNCTIONS[name](Z), name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return A, caches
        """,
        ),
        (
            "cache_function",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.append((A, Z, ACTIVATION_FUNCTIONS[name]))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return A, caches
        """,
        ),
        (
            "no_output_activation",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.append((A, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return Z, caches
        """,
        ),
        (
            "no_output_activation",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params[:-1], activations[:-1]):
                    Z = A @ W + b
                    caches.append((A, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                W, b = params[-1]
                Z = A @ W + b
                caches.append((A, Z, activations[-1]))
                return Z, caches
        """,
        ),
        (
            "caches_reversed",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.insert(0, (A, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return A, caches
        """,
        ),
        (
            "cache_order",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.append((Z, A, name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return A, caches
        """,
        ),
        (
            "z_without_bias",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W
                    caches.append((A, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z + b)
                return A, caches
        """,
        ),
        (
            None,
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.append((A, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return A, caches[-1]
        """,
        ),
        (
            "swapped_return",
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = A @ W + b
                    caches.append([A, Z, name])
                    A = ACTIVATION_FUNCTIONS[name](Z)
                return caches, A
        """,
        ),
        (
            None,
            """
            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = W.T @ A.T + b[:, None]
                    caches.append((A, Z, name))
                    A = ACTIVATION_FUNCTIONS[name](Z).T
                return A, caches
        """,
        ),
    ],
    "check_collapse_linear": [
        (
            "biases_added",
            """
            def collapse_linear(W1, b1, W2, b2):
                return W1 @ W2, b1 + b2
        """,
        ),
        (
            "b2_dropped",
            """
            def collapse_linear(W1, b1, W2, b2):
                return W1 @ W2, b1 @ W2
        """,
        ),
        (
            None,
            """
            def collapse_linear(W1, b1, W2, b2):
                return W1 @ W2, W2.T @ b1 + b2 * W2.shape[0]
        """,
        ),
        (
            "W_transposed",
            """
            def collapse_linear(W1, b1, W2, b2):
                return (W2.T @ W1.T), b1 @ W2 + b2
        """,
        ),
        (
            None,
            """
            def collapse_linear(W1, b1, W2, b2):
                return W1 @ W2, b1 + b2 @ W2.T
        """,
        ),
        (
            "bias_2d",
            """
            def collapse_linear(W1, b1, W2, b2):
                return W1 @ W2, (b1 @ W2 + b2).reshape(1, -1)
        """,
        ),
        (
            None,
            """
            def collapse_linear(W1, b1, W2, b2):
                return W1 @ W2 + b1 @ W2, b2
        """,
        ),
        (
            "b1_summed",
            """
            def collapse_linear(W1, b1, W2, b2):
                return W1 @ W2, b1.sum() + b2
        """,
        ),
        (
            None,
            """
            def collapse_linear(W1, b1, W2, b2):
                return W1 @ W2, np.sum(b1[:, None] * W2, axis=1).sum() + b2
        """,
        ),
        (
            None,
            """
            def collapse_linear(W1, b1, W2, b2):
                return W1 @ W2, b2 - b1 @ W2
        """,
        ),
        (
            None,
            """
            def collapse_linear(W1, b1, W2, b2):
                return W1 * W2.sum(), b1 @ W2 + b2
        """,
        ),
    ],
    "check_tanh_gap": [
        (
            "no_abs",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.max(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b))
        """,
        ),
        (
            "mean",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.mean(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)))
        """,
        ),
        (
            None,
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.max(np.abs(np.tanh(X @ W1 + b1 @ W2 + b2) - (X @ W + b)))
        """,
        ),
        (
            "tanh_at_output",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.max(np.abs(np.tanh((X @ W1 + b1) @ W2 + b2) - (X @ W + b)))
        """,
        ),
        (
            "per_output",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)).max(axis=0)
        """,
        ),
        (
            "no_b1",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.max(np.abs(np.tanh(X @ W1) @ W2 + b2 - (X @ W + b)))
        """,
        ),
        (
            None,
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 - (X @ W)))
        """,
        ),
        (
            "norm",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.linalg.norm(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b))
        """,
        ),
        (
            "tanh_on_both",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - np.tanh(X @ W + b)))
        """,
        ),
        (
            "squared",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.max((np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)) ** 2)
        """,
        ),
        (
            None,
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b))[0])
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
    "check_dense_forward": [
        (
            "def dense_forward(X, W, b, activation):\n"
            '    """activation(X @ W + b). X: (n_samples, n_inputs); W: (n_inputs, n_outputs); b: (n_ou'
            'tputs,)."""\n'
            "    return activation(X @ W + b)\n"
        ),
        """
            def dense_forward(X, W, b, activation):
                Z = np.dot(X, W) + b
                A = activation(Z)
                return A
        """,
        """
            def dense_forward(X, W, b, activation):
                Z = np.einsum("ni,io->no", X, W) + b[np.newaxis, :]
                return activation(Z)
        """,
        """
            def dense_forward(X, W, b, activation):
                # neuron by neuron, example by example (slow, but spelled out)
                n_samples, n_inputs = X.shape
                n_outputs = W.shape[1]
                Z = np.zeros((n_samples, n_outputs))
                for i in range(n_samples):
                    for j in range(n_outputs):
                        Z[i, j] = np.dot(X[i, :], W[:, j]) + b[j]
                return activation(Z)
        """,
        """
            def dense_forward(X, W, b, activation):
                X = np.asarray(X, dtype=float)
                W = np.asarray(W, dtype=float)
                b = np.asarray(b, dtype=float).reshape(1, -1)
                assert X.shape[1] == W.shape[0], "X's columns must match W's rows"
                return activation(np.matmul(X, W) + b)
        """,
    ],
    "check_article_weight": [
        (
            "def article_weight(W, name):\n"
            '    """The weight the article calls `name`, e.g. "wb3" -> W[1, 2]. W: (n_inputs, n_outputs)."""\n'
            '    row = ord(name[1]) - ord("a")\n'
            "    col = int(name[2]) - 1\n"
            "    return W[row, col]\n"
        ),
        """
            def article_weight(W, name):
                letters = "abcdefghijklmnopqrstuvwxyz"
                return W[letters.index(name[1]), int(name[2:]) - 1]
        """,
        """
            def article_weight(W, name):
                rows = {"a": 0, "b": 1, "c": 2}
                letter, digit = name[1], name[2]
                return float(W[rows[letter]][int(digit) - 1])
        """,
        """
            def article_weight(W, name):
                assert name.startswith("w"), "names look like 'wb3'"
                i = ord(name[1].lower()) - 97
                j = int(name[-1]) - 1
                return W[i, j]
        """,
        """
            def article_weight(W, name):
                # row-major flat index: row i, column j of a (n_in, n_out) matrix
                n_out = W.shape[1]
                i = ord(name[1]) - ord("a")
                j = int(name[2]) - 1
                return W.ravel()[i * n_out + j]
        """,
    ],
    "check_count_parameters": [
        (
            "def count_parameters(sizes):\n"
            '    """The number of weights and biases of a dense network with these layer sizes, e.g. [3'
            ', 4, 4, 1]."""\n'
            "    total = 0\n"
            "    for l in range(1, len(sizes)):\n"
            "        total += sizes[l - 1] * sizes[l] + sizes[l]\n"
            "    return total\n"
        ),
        """
            def count_parameters(sizes):
                return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))
        """,
        """
            def count_parameters(sizes):
                # each neuron has one weight per input plus one bias
                return int(sum((n_in + 1) * n_out for n_in, n_out in zip(sizes, sizes[1:])))
        """,
        """
            def count_parameters(sizes):
                s = np.asarray(sizes, dtype=np.int64)
                return int(np.dot(s[:-1], s[1:]) + np.sum(s[1:]))
        """,
        """
            def count_parameters(sizes):
                sizes = list(sizes)
                weights = 0
                biases = 0
                for i in range(len(sizes) - 1):
                    n_in = sizes[i]
                    n_out = sizes[i + 1]
                    weights = weights + n_in * n_out
                    biases = biases + n_out
                print("weights:", weights, "biases:", biases)
                return weights + biases
        """,
    ],
    "check_initialize": [
        (
            "def initialize(sizes, rng):\n"
            '    """[(W1, b1), (W2, b2), ...] for layer sizes such as [3, 4, 4, 1]; W: (n_in, n_out), b'
            ': (n_out,)."""\n'
            "    params = []\n"
            "    for n_in, n_out in zip(sizes[:-1], sizes[1:]):\n"
            "        W = rng.normal(0.0, np.sqrt(1.0 / n_in), size=(n_in, n_out))\n"
            "        b = np.zeros(n_out)\n"
            "        params.append((W, b))\n"
            "    return params\n"
        ),
        """
            def initialize(sizes, rng):
                return [
                    (rng.standard_normal((n_in, n_out)) / np.sqrt(n_in), np.zeros(n_out))
                    for n_in, n_out in zip(sizes, sizes[1:])
                ]
        """,
        """
            def initialize(sizes, rng):
                params = []
                for l in range(1, len(sizes)):
                    n_in, n_out = sizes[l - 1], sizes[l]
                    sigma = (1 / n_in) ** 0.5
                    W = sigma * rng.normal(size=(n_in, n_out))
                    b = np.zeros((n_out,))
                    params.append((W, b))
                return params
        """,
        """
            def initialize(sizes, rng):
                assert isinstance(rng, np.random.Generator), "pass np.random.default_rng(seed)"
                assert len(sizes) >= 2
                params = []
                for n_in, n_out in zip(sizes, sizes[1:]):
                    scale = np.sqrt(1.0 / float(n_in))  # LeCun: keeps std(z) about std(input)
                    W = rng.normal(loc=0.0, scale=scale, size=(int(n_in), int(n_out))).astype(np.float64)
                    b = np.zeros(int(n_out), dtype=np.float64)
                    params.append((W, b))
                return params
        """,
        """
            def _lecun_layer(n_in, n_out, rng):
                return rng.normal(0, 1 / np.sqrt(n_in), (n_in, n_out)), np.zeros(n_out)


            def initialize(sizes, rng):
                return [_lecun_layer(sizes[i], sizes[i + 1], rng) for i in range(len(sizes) - 1)]
        """,
    ],
    "check_forward": [
        (
            "from annlib.activations import identity, relu, sigmoid, softmax, tanh\n"
            "\n"
            'ACTIVATION_FUNCTIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "identity": identi'
            'ty, "softmax": softmax}\n'
            "\n"
            "\n"
            "def forward(params, X, activations):\n"
            '    """(A, caches): the network\'s output for X and one cache (A_prev, Z, activation name) '
            'per layer."""\n'
            "    A = X\n"
            "    caches = []\n"
            "    for (W, b), name in zip(params, activations):\n"
            "        Z = A @ W + b\n"
            "        caches.append((A, Z, name))\n"
            "        A = ACTIVATION_FUNCTIONS[name](Z)\n"
            "    return A, caches\n"
        ),
        (
            "from annlib.activations import identity, relu, sigmoid, softmax, tanh\n"
            "\n"
            'ACTIVATION_FUNCTIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "identity": identi'
            'ty, "softmax": softmax}\n'
            "\n"
            "\n"
            "def forward(params, X, activations):\n"
            "    A = np.asarray(X, dtype=float)\n"
            "    caches = []\n"
            "    for l in range(len(params)):\n"
            "        W, b = params[l]\n"
            "        A_prev = A\n"
            "        Z = np.dot(A_prev, W) + b\n"
            "        f = ACTIVATION_FUNCTIONS[activations[l]]\n"
            "        A = f(Z)\n"
            "        caches.append((A_prev, Z, activations[l]))\n"
            "    return A, caches\n"
        ),
        (
            "from annlib.activations import identity, relu, sigmoid, softmax, tanh\n"
            "\n"
            'ACTIVATION_FUNCTIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "identity": identi'
            'ty, "softmax": softmax}\n'
            "\n"
            "\n"
            "def forward(params, X, activations):\n"
            '    assert len(params) == len(activations), "one activation name per layer"\n'
            "    A = np.array(X, dtype=np.float64)\n"
            "    caches = []\n"
            "    for layer, ((W, b), name) in enumerate(zip(params, activations), start=1):\n"
            "        if name not in ACTIVATION_FUNCTIONS:\n"
            '            raise ValueError(f"layer {layer}: unknown activation {name!r}")\n'
            '        assert A.shape[1] == W.shape[0], f"layer {layer}: shapes {A.shape} and {W.shape} d'
            'o not fit"\n'
            "        Z = A @ W + b\n"
            "        caches.append((A, Z, name))\n"
            "        A = ACTIVATION_FUNCTIONS[name](Z)\n"
            "    return A, caches\n"
        ),
        """
            from annlib.scratch import ACTIVATIONS  # name -> (function, derivative); the text allows it


            def forward(params, X, activations):
                A = X
                caches = []
                for (W, b), name in zip(params, activations):
                    Z = np.matmul(A, W) + b
                    caches.append((A, Z, name))
                    A = ACTIVATIONS[name][0](Z)
                return A, caches
        """,
        (
            "from annlib.activations import identity, relu, sigmoid, softmax, tanh\n"
            "\n"
            'ACTIVATION_FUNCTIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "identity": identi'
            'ty, "softmax": softmax}\n'
            "\n"
            "\n"
            "def layer_forward(A_prev, W, b, name):\n"
            "    Z = A_prev @ W + b\n"
            "    return ACTIVATION_FUNCTIONS[name](Z), (A_prev, Z, name)\n"
            "\n"
            "\n"
            "def forward(params, X, activations):\n"
            "    A, caches = X, []\n"
            "    for (W, b), name in zip(params, activations):\n"
            "        A, cache = layer_forward(A, W, b, name)\n"
            "        caches.append(cache)\n"
            "    return A, caches\n"
        ),
    ],
    "check_collapse_linear": [
        (
            "def collapse_linear(W1, b1, W2, b2):\n"
            '    """(W, b) of the one linear layer that equals X @ W1 + b1 followed by @ W2 + b2, for e'
            'very X."""\n'
            "    W = W1 @ W2\n"
            "    b = b1 @ W2 + b2\n"
            "    return W, b\n"
        ),
        """
            def collapse_linear(W1, b1, W2, b2):
                return np.dot(W1, W2), np.dot(b1, W2) + b2
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                # b1 @ W2 is the same as W2.T @ b1
                return np.einsum("ih,ho->io", W1, W2), W2.T @ b1 + b2
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                # read the layer off the two layers themselves: X = 0 gives b, X = I gives W + b
                two_layers = lambda X: (X @ W1 + b1) @ W2 + b2
                n_in = W1.shape[0]
                b = two_layers(np.zeros((1, n_in)))[0]
                W = two_layers(np.eye(n_in)) - b
                return W, b
        """,
        """
            def collapse_linear(W1, b1, W2, b2):
                n_in, n_hidden = W1.shape
                n_out = W2.shape[1]
                W = np.zeros((n_in, n_out))
                b = np.array(b2, dtype=float).copy()
                for i in range(n_in):
                    for o in range(n_out):
                        for h in range(n_hidden):
                            W[i, o] += W1[i, h] * W2[h, o]
                for o in range(n_out):
                    for h in range(n_hidden):
                        b[o] += b1[h] * W2[h, o]
                return W, b
        """,
    ],
    "check_tanh_gap": [
        (
            "def tanh_gap(X, W1, b1, W2, b2, W, b):\n"
            '    """The largest absolute difference between the two layers with tanh between them and t'
            'he one layer (W, b)."""\n'
            "    with_tanh = np.tanh(X @ W1 + b1) @ W2 + b2\n"
            "    one_layer = X @ W + b\n"
            "    return np.max(np.abs(with_tanh - one_layer))\n"
        ),
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                hidden = np.tanh(np.dot(X, W1) + b1)
                y_two = np.dot(hidden, W2) + b2
                y_one = np.dot(X, W) + b
                return float(np.abs(y_two - y_one).max())
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                gap = 0.0
                for x in X:
                    y_two = np.tanh(x @ W1 + b1) @ W2 + b2
                    y_one = x @ W + b
                    for d in np.abs(y_two - y_one):
                        if d > gap:
                            gap = d
                return float(gap)
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                diff = (np.tanh(X @ W1 + b1) @ W2 + b2) - (X @ W + b)
                return float(np.amax(np.abs(diff)))
        """,
        """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                X = np.asarray(X, dtype=float)
                two = np.tanh(X @ W1 + b1) @ W2 + b2
                one = X @ W + b
                assert two.shape == one.shape
                return float(np.linalg.norm((two - one).ravel(), ord=np.inf))
        """,
    ],
}
_ROUND4_WRONG = {
    "check_dense_forward": [
        # multiplies with the transposed weights, X @ W.T
        (
            "W_transposed",
            """
            def dense_forward(X, W, b, activation):
                return activation(X @ W.T + b)
        """,
        ),
        # adds the bias after the activation
        (
            "bias_after_activation",
            """
            def dense_forward(X, W, b, activation):
                return activation(X @ W) + b
        """,
        ),
        # forgets to apply the activation
        (
            "no_activation",
            """
            def dense_forward(X, W, b, activation):
                return X @ W + b
        """,
        ),
        # ignores the activation argument and always uses a sigmoid
        (
            "activation_ignored",
            """
            def dense_forward(X, W, b, activation):
                Z = X @ W + b
                return 1 / (1 + np.exp(-Z))
        """,
        ),
        # element-wise X * W instead of a matrix product (deeplearning.ai-style confusion of * and np.dot)
        (
            "elementwise",
            """
            def dense_forward(X, W, b, activation):
                return activation(np.sum(X * W.T, axis=1, keepdims=True) + b)
        """,
        ),
        # reshapes b into a column (n_outputs, 1), so it is added per example instead of per neuron
        (
            "bias_column",
            """
            def dense_forward(X, W, b, activation):
                return activation(X @ W + b.reshape(-1, 1))
        """,
        ),
        # subtracts the bias
        (
            "minus_bias",
            """
            def dense_forward(X, W, b, activation):
                return activation(X @ W - b)
        """,
        ),
        # adds the sum of all biases to every neuron
        (
            None,
            """
            def dense_forward(X, W, b, activation):
                return activation(X @ W + np.sum(b))
        """,
        ),
    ],
    "check_article_weight": [
        # swaps row and column: W[neuron, input] instead of W[input, neuron]
        (
            "rows_are_neurons",
            """
            def article_weight(W, name):
                return W[int(name[2]) - 1, ord(name[1]) - ord("a")]
        """,
        ),
        # forgets that the digit counts from 1
        (
            "neuron_from_zero",
            """
            def article_weight(W, name):
                return W[ord(name[1]) - ord("a"), int(name[2]) % W.shape[1]]
        """,
        ),
        # reads the letter from name[0] (the 'w') instead of name[1], then wraps it into range
        (
            None,
            """
            def article_weight(W, name):
                return W[(ord(name[0]) - ord("a")) % W.shape[0], int(name[2]) - 1]
        """,
        ),
        # counts the letters from 1: 'a' becomes row 1
        (
            "letter_from_one",
            """
            def article_weight(W, name):
                return W[(ord(name[1]) - ord("a") + 1) % W.shape[0], int(name[2]) - 1]
        """,
        ),
        # flat index with the wrong stride (the number of rows instead of the number of columns)
        (
            "flat_index",
            """
            def article_weight(W, name):
                i = ord(name[1]) - ord("a")
                j = int(name[2]) - 1
                return W.ravel()[i * W.shape[0] + j]
        """,
        ),
        # returns the whole row of the input node instead of one weight
        (
            "whole_row",
            """
            def article_weight(W, name):
                return W[ord(name[1]) - ord("a")]
        """,
        ),
        # uses the column-major (Fortran-order) flattening of W
        (
            None,
            """
            def article_weight(W, name):
                i = ord(name[1]) - ord("a")
                j = int(name[2]) - 1
                return W.flatten(order="F")[i * W.shape[1] + j]
        """,
        ),
        # returns the weight's name-derived index pair instead of the weight
        (
            "index_not_value",
            """
            def article_weight(W, name):
                return (ord(name[1]) - ord("a"), int(name[2]) - 1)
        """,
        ),
    ],
    "check_count_parameters": [
        # counts only the weights and forgets the biases
        (
            "no_biases",
            """
            def count_parameters(sizes):
                return sum(a * b for a, b in zip(sizes, sizes[1:]))
        """,
        ),
        # counts one bias per input node instead of per output node
        (
            "biases_of_inputs",
            """
            def count_parameters(sizes):
                return sum(a * b + a for a, b in zip(sizes, sizes[1:]))
        """,
        ),
        # gives the input layer biases too: adds every layer size, the input layer included
        (
            "input_biases",
            """
            def count_parameters(sizes):
                return sum(a * b for a, b in zip(sizes, sizes[1:])) + sum(sizes)
        """,
        ),
        # off-by-one loop that skips the last layer
        (
            "last_layer_missing",
            """
            def count_parameters(sizes):
                total = 0
                for l in range(1, len(sizes) - 1):
                    total += sizes[l - 1] * sizes[l] + sizes[l]
                return total
        """,
        ),
        # multiplies all the layer sizes together
        (
            None,
            """
            def count_parameters(sizes):
                return int(np.prod(sizes)) + sum(sizes[1:])
        """,
        ),
        # hard-codes the article's answer
        (
            None,
            """
            def count_parameters(sizes):
                return 41
        """,
        ),
        # counts the neurons plus the weights, adding n_in + n_out per layer instead of n_in * n_out + n_out
        (
            "sum_not_product",
            """
            def count_parameters(sizes):
                return sum(a + b for a, b in zip(sizes, sizes[1:])) + sum(sizes[1:])
        """,
        ),
        # squares each layer's size instead of multiplying neighbouring sizes
        (
            None,
            """
            def count_parameters(sizes):
                return sum(n * n + n for n in sizes[1:])
        """,
        ),
    ],
    "check_initialize": [
        # all weights zero: every neuron of a layer stays a copy of the others
        (
            "zeros",
            """
            def initialize(sizes, rng):
                return [(np.zeros((n_in, n_out)), np.zeros(n_out)) for n_in, n_out in zip(sizes, sizes[1:])]
        """,
        ),
        # draws from the global np.random instead of the rng argument
        (
            "global_random",
            """
            def initialize(sizes, rng):
                return [
                    (np.random.randn(n_in, n_out) * np.sqrt(1 / n_in), np.zeros(n_out))
                    for n_in, n_out in zip(sizes, sizes[1:])
                ]
        """,
        ),
        # standard deviation 1: the sums grow with sqrt(n_in) and tanh saturates
        (
            "too_large",
            """
            def initialize(sizes, rng):
                return [(rng.normal(size=(n_in, n_out)), np.zeros(n_out)) for n_in, n_out in zip(sizes, sizes[1:])]
        """,
        ),
        # CS231n-style fixed scale 0.01: the signal vanishes after a few layers
        (
            "too_small",
            (
                "def initialize(sizes, rng):\n"
                "    return [(0.01 * rng.standard_normal((n_in, n_out)), np.zeros(n_out)) for n_in, n_out i"
                "n zip(sizes, sizes[1:])]\n"
            ),
        ),
        # uses the variance 1/n_in as the standard deviation
        (
            "variance_as_scale",
            (
                "def initialize(sizes, rng):\n"
                "    return [(rng.normal(0, 1 / n_in, size=(n_in, n_out)), np.zeros(n_out)) for n_in, n_out"
                " in zip(sizes, sizes[1:])]\n"
            ),
        ),
        # deeplearning.ai-style shapes: W is (n_out, n_in) and b is (n_out, 1)
        (
            None,
            """
            def initialize(sizes, rng):
                params = []
                for l in range(1, len(sizes)):
                    W = rng.standard_normal((sizes[l], sizes[l - 1])) * np.sqrt(1 / sizes[l - 1])
                    b = np.zeros((sizes[l], 1))
                    params.append((W, b))
                return params
        """,
        ),
        # makes its own generator with a fixed seed, ignoring the rng argument
        (
            "fixed_seed",
            (
                "def initialize(sizes, rng):\n"
                "    rng = np.random.default_rng(0)\n"
                "    return [(rng.normal(0, np.sqrt(1 / n_in), (n_in, n_out)), np.zeros(n_out)) for n_in, n"
                "_out in zip(sizes, sizes[1:])]\n"
            ),
        ),
        # scales each layer by its number of outputs instead of its number of inputs
        (
            "fan_out",
            (
                "def initialize(sizes, rng):\n"
                "    return [(rng.normal(0, np.sqrt(1 / n_out), (n_in, n_out)), np.zeros(n_out)) for n_in, "
                "n_out in zip(sizes, sizes[1:])]\n"
            ),
        ),
        # random biases as well as random weights, drawn from the same scale
        (
            "random_biases",
            """
            def initialize(sizes, rng):
                params = []
                for n_in, n_out in zip(sizes, sizes[1:]):
                    W = rng.normal(0, np.sqrt(1 / n_in), (n_in, n_out))
                    b = rng.normal(0, np.sqrt(1 / n_in), n_out)
                    params.append((W, b))
                return params
        """,
        ),
    ],
    "check_forward": [
        # stores each layer's output A instead of its input A_prev in the cache
        (
            "cache_output",
            (
                "from annlib.activations import identity, relu, sigmoid, softmax, tanh\n"
                "\n"
                'ACTIVATION_FUNCTIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "identity": identi'
                'ty, "softmax": softmax}\n'
                "\n"
                "\n"
                "def forward(params, X, activations):\n"
                "    A = X\n"
                "    caches = []\n"
                "    for (W, b), name in zip(params, activations):\n"
                "        Z = A @ W + b\n"
                "        A = ACTIVATION_FUNCTIONS[name](Z)\n"
                "        caches.append((A, Z, name))\n"
                "    return A, caches\n"
            ),
        ),
        # caches the tuple in the wrong order, (Z, A_prev, name)
        (
            "cache_order",
            (
                "from annlib.activations import identity, relu, sigmoid, softmax, tanh\n"
                "\n"
                'ACTIVATION_FUNCTIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "identity": identi'
                'ty, "softmax": softmax}\n'
                "\n"
                "\n"
                "def forward(params, X, activations):\n"
                "    A = X\n"
                "    caches = []\n"
                "    for (W, b), name in zip(params, activations):\n"
                "        Z = A @ W + b\n"
                "        caches.append((Z, A, name))\n"
                "        A = ACTIVATION_FUNCTIONS[name](Z)\n"
                "    return A, caches\n"
            ),
        ),
        # uses the first layer's activation for every layer
        (
            "first_function_everywhere",
            (
                "from annlib.activations import identity, relu, sigmoid, softmax, tanh\n"
                "\n"
                'ACTIVATION_FUNCTIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "identity": identi'
                'ty, "softmax": softmax}\n'
                "\n"
                "\n"
                "def forward(params, X, activations):\n"
                "    A = X\n"
                "    caches = []\n"
                "    f = ACTIVATION_FUNCTIONS[activations[0]]\n"
                "    for (W, b), name in zip(params, activations):\n"
                "        Z = A @ W + b\n"
                "        caches.append((A, Z, name))\n"
                "        A = f(Z)\n"
                "    return A, caches\n"
            ),
        ),
        # inserts each cache at the front, so the list comes last layer first
        (
            "caches_reversed",
            (
                "from annlib.activations import identity, relu, sigmoid, softmax, tanh\n"
                "\n"
                'ACTIVATION_FUNCTIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "identity": identi'
                'ty, "softmax": softmax}\n'
                "\n"
                "\n"
                "def forward(params, X, activations):\n"
                "    A = X\n"
                "    caches = []\n"
                "    for (W, b), name in zip(params, activations):\n"
                "        Z = A @ W + b\n"
                "        caches.insert(0, (A, Z, name))\n"
                "        A = ACTIVATION_FUNCTIONS[name](Z)\n"
                "    return A, caches\n"
            ),
        ),
        # stores the activation function object instead of its name in the cache
        (
            "cache_function",
            (
                "from annlib.activations import identity, relu, sigmoid, softmax, tanh\n"
                "\n"
                'ACTIVATION_FUNCTIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "identity": identi'
                'ty, "softmax": softmax}\n'
                "\n"
                "\n"
                "def forward(params, X, activations):\n"
                "    A = X\n"
                "    caches = []\n"
                "    for (W, b), name in zip(params, activations):\n"
                "        f = ACTIVATION_FUNCTIONS[name]\n"
                "        Z = A @ W + b\n"
                "        caches.append((A, Z, f))\n"
                "        A = f(Z)\n"
                "    return A, caches\n"
            ),
        ),
        # leaves the last layer linear, forgetting its output activation
        (
            "no_output_activation",
            (
                "from annlib.activations import identity, relu, sigmoid, softmax, tanh\n"
                "\n"
                'ACTIVATION_FUNCTIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "identity": identi'
                'ty, "softmax": softmax}\n'
                "\n"
                "\n"
                "def forward(params, X, activations):\n"
                "    A = X\n"
                "    caches = []\n"
                "    for l, ((W, b), name) in enumerate(zip(params, activations)):\n"
                "        Z = A @ W + b\n"
                "        caches.append((A, Z, name))\n"
                "        A = ACTIVATION_FUNCTIONS[name](Z) if l < len(params) - 1 else Z\n"
                "    return A, caches\n"
            ),
        ),
        # deeplearning.ai-style cache ((A_prev, W, b), Z) without the activation's name
        (
            None,
            (
                "from annlib.activations import identity, relu, sigmoid, softmax, tanh\n"
                "\n"
                'ACTIVATION_FUNCTIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "identity": identi'
                'ty, "softmax": softmax}\n'
                "\n"
                "\n"
                "def forward(params, X, activations):\n"
                "    A = X\n"
                "    caches = []\n"
                "    for (W, b), name in zip(params, activations):\n"
                "        Z = A @ W + b\n"
                "        caches.append(((A, W, b), Z))\n"
                "        A = ACTIVATION_FUNCTIONS[name](Z)\n"
                "    return A, caches\n"
            ),
        ),
        # stores the activated output instead of the weighted sum Z in the cache
        (
            "z_after_activation",
            (
                "from annlib.activations import identity, relu, sigmoid, softmax, tanh\n"
                "\n"
                'ACTIVATION_FUNCTIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "identity": identi'
                'ty, "softmax": softmax}\n'
                "\n"
                "\n"
                "def forward(params, X, activations):\n"
                "    A = X\n"
                "    caches = []\n"
                "    for (W, b), name in zip(params, activations):\n"
                "        A_new = ACTIVATION_FUNCTIONS[name](A @ W + b)\n"
                "        caches.append((A, A_new, name))\n"
                "        A = A_new\n"
                "    return A, caches\n"
            ),
        ),
        # returns only the output, not the caches
        (
            "no_caches",
            (
                "from annlib.activations import identity, relu, sigmoid, softmax, tanh\n"
                "\n"
                'ACTIVATION_FUNCTIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "identity": identi'
                'ty, "softmax": softmax}\n'
                "\n"
                "\n"
                "def forward(params, X, activations):\n"
                "    A = X\n"
                "    for (W, b), name in zip(params, activations):\n"
                "        A = ACTIVATION_FUNCTIONS[name](A @ W + b)\n"
                "    return A\n"
            ),
        ),
    ],
    "check_collapse_linear": [
        # adds the two biases instead of passing b1 through W2
        (
            "biases_added",
            """
            def collapse_linear(W1, b1, W2, b2):
                return W1 @ W2, b1 + b2
        """,
        ),
        # keeps only the second bias
        (
            "b1_dropped",
            """
            def collapse_linear(W1, b1, W2, b2):
                return W1 @ W2, b2
        """,
        ),
        # forgets b2 in the collapsed bias
        (
            "b2_dropped",
            """
            def collapse_linear(W1, b1, W2, b2):
                return W1 @ W2, b1 @ W2
        """,
        ),
        # multiplies the matrices in the wrong order, transposing to make the shapes fit
        (
            "W_transposed",
            """
            def collapse_linear(W1, b1, W2, b2):
                return (W2.T @ W1.T), b1 @ W2 + b2
        """,
        ),
        # element-wise products padded to fit instead of matrix products
        (
            None,
            """
            def collapse_linear(W1, b1, W2, b2):
                W = np.sum(W1, axis=1, keepdims=True) * np.sum(W2, axis=0, keepdims=True)
                return W, b1 @ W2 + b2
        """,
        ),
        # multiplies the sum of b1 by the sum of W2's columns for the bias
        (
            None,
            """
            def collapse_linear(W1, b1, W2, b2):
                return W1 @ W2, np.sum(b1) * np.sum(W2, axis=0) + b2
        """,
        ),
        # returns the bias with shape (1, n_out) instead of (n_out,)
        (
            "bias_2d",
            """
            def collapse_linear(W1, b1, W2, b2):
                return W1 @ W2, (b1.reshape(1, -1) @ W2 + b2).reshape(1, -1)
        """,
        ),
        # returns W and b in the wrong order
        (
            "swapped",
            """
            def collapse_linear(W1, b1, W2, b2):
                return b1 @ W2 + b2, W1 @ W2
        """,
        ),
    ],
    "check_tanh_gap": [
        # mean absolute difference instead of the largest
        (
            "mean",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.mean(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)))
        """,
        ),
        # forgets the absolute value: the largest signed difference
        (
            "no_abs",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.max(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b))
        """,
        ),
        # applies tanh to the network's output too, instead of only between the layers
        (
            "tanh_twice",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.max(np.abs(np.tanh(np.tanh(X @ W1 + b1) @ W2 + b2) - (X @ W + b)))
        """,
        ),
        # puts tanh before the first layer (on X) instead of between the layers
        (
            "tanh_on_input",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.max(np.abs((np.tanh(X) @ W1 + b1) @ W2 + b2 - (X @ W + b)))
        """,
        ),
        # returns the whole array of absolute differences instead of one number
        (
            "not_reduced",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b))
        """,
        ),
        # ignores the given W, b and recomputes the collapsed layer from W1, b1, W2, b2
        (
            "ignores_W_b",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                W_one, b_one = W1 @ W2, b1 @ W2 + b2
                return np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W_one + b_one)))
        """,
        ),
        # forgets the second layer's bias b2
        (
            "no_b2",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 - (X @ W + b)))
        """,
        ),
        # sums the absolute differences instead of taking the largest
        (
            "sum",
            """
            def tanh_gap(X, W1, b1, W2, b2, W, b):
                return float(np.sum(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b))))
        """,
        ),
    ],
}

for _name, _sources in _ROUND4_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_sources)
for _name, _answers in _ROUND4_WRONG.items():
    WRONG.setdefault(_name, []).extend(_answers)
