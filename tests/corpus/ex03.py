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
