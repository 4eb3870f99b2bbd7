"""Exercise 08: learner-style answers (see tests/corpus/__init__.py)."""

CORRECT = {
    "check_scale_and_encode": [
        """
        from annlib import datasets

        def scale_and_encode(X, y):
            return X / 16.0, datasets.one_hot(y, 10)
        """,
        "def scale_and_encode(X, y):\n    return X / 16, np.eye(10)[y]\n",
        """
        def scale_and_encode(X, y):
            Y = np.zeros((len(y), 10))
            for i, label in enumerate(y):
                Y[i, label] = 1
            return X / 16, Y
        """,
        "def scale_and_encode(X, y):\n    return X * (1 / 16), (y[:, None] == np.arange(10)).astype(float)\n",
        "def scale_and_encode(X, y):\n    return np.true_divide(X, 16), np.eye(10, dtype=int)[y]\n",
        """
        from annlib import datasets

        def scale_and_encode(X, y):
            X_scaled = X.astype(np.float32) / 16
            Y = datasets.one_hot(np.asarray(y, dtype=int), n_classes=10)
            return X_scaled, Y
        """,
        """
        def scale_and_encode(X, y):
            X = X.copy()
            X /= 16
            Y = np.zeros((y.shape[0], 10))
            Y[np.arange(y.shape[0]), y] = 1.0
            return (X, Y)
        """,
    ],
    "check_digits_classifier": [
        """
        from annlib import Network, fit
        from annlib.losses import CrossEntropy

        def train_digits_classifier(X_train, Y_train):
            network = Network.from_sizes([64, 32, 10], activation="tanh", output_activation="softmax", rng=0)
            fit(network, X_train, Y_train, CrossEntropy(), "adam", learning_rate=0.01, epochs=8, batch_size=32,
                rng=0, progress=False)
            return network
        """,
        """
        from annlib import Network, fit

        def train_digits_classifier(X_train, Y_train):
            net = Network.from_sizes([64, 16, 10], activation="relu", output_activation="softmax", rng=1)
            fit(net, X_train, Y_train, "cross_entropy", "adam", learning_rate=0.01, epochs=10, batch_size=16,
                rng=1, progress=False)
            return net
        """,
        """
        from annlib import Network, fit
        from annlib.losses import CrossEntropy

        def train_digits_classifier(X_train, Y_train):
            network = Network.from_sizes([64, 10], activation="softmax", rng=3)
            fit(network, X_train, Y_train, CrossEntropy(), "sgd", learning_rate=0.5, epochs=15, batch_size=16,
                rng=3, progress=False)
            return network
        """,
        """
        from annlib import Network, fit
        from annlib.losses import CrossEntropy

        def train_digits_classifier(X_train, Y_train):
            network = Network.from_sizes([64, 32, 32, 10], activation="sigmoid", output_activation="softmax",
                                         rng=np.random.default_rng(7))
            history = fit(network, X_train, Y_train, CrossEntropy(), "momentum", learning_rate=0.1, epochs=12,
                          batch_size=32, rng=np.random.default_rng(7), progress=False)
            return network
        """,
        """
        from annlib import Network, fit
        from annlib.layers import Dense
        from annlib.losses import CrossEntropy

        def train_digits_classifier(X_train, Y_train):
            network = Network([Dense(64, 40, "tanh", rng=5), Dense(40, 10, "softmax", rng=6)])
            fit(network, X_train, Y_train, CrossEntropy(), "adam", learning_rate=0.005, epochs=10, batch_size=64,
                rng=5, progress=False)
            return network
        """,
        """
        from annlib import Network, fit
        from annlib.losses import CrossEntropy

        def train_digits_classifier(X_train, Y_train):
            network = Network.from_sizes([64, 24, 10], activation="tanh", output_activation="softmax", rng=0)
            fit(network, X_train, Y_train, CrossEntropy(), "adam", learning_rate=0.01, epochs=100, batch_size=32,
                rng=0, tol=1e-3, patience=3, progress=False)
            return network
        """,
    ],
    "check_most_confused": [
        """
        def most_confused(counts):
            mistakes = counts.copy()
            np.fill_diagonal(mistakes, 0)
            true_class, predicted_class = np.unravel_index(np.argmax(mistakes), mistakes.shape)
            return int(true_class), int(predicted_class)
        """,
        """
        def most_confused(counts):
            best, pair = -1, None
            for i in range(counts.shape[0]):
                for j in range(counts.shape[1]):
                    if i != j and counts[i, j] > best:
                        best, pair = counts[i, j], (i, j)
            return pair
        """,
        """
        def most_confused(counts):
            off = np.where(np.eye(len(counts), dtype=bool), -1, counts)
            i, j = divmod(int(np.argmax(off)), off.shape[1])
            return i, j
        """,
        # a tie: the last of the tied pairs is as much "the largest" as the first
        """
        def most_confused(counts):
            best, pair = -1, None
            n = len(counts)
            for i in range(n):
                for j in range(n):
                    if i != j and counts[i, j] >= best:
                        best, pair = counts[i, j], (i, j)
            return pair
        """,
        """
        def most_confused(counts):
            off = counts * (1 - np.eye(counts.shape[0], dtype=counts.dtype))
            row, col = np.argwhere(off == off.max())[0]
            return int(row), int(col)
        """,
        """
        def most_confused(counts):
            c = np.array(counts, dtype=float)
            c[np.diag_indices_from(c)] = -np.inf
            index = np.unravel_index(c.argmax(), c.shape)
            return (int(index[0]), int(index[1]))
        """,
        """
        def most_confused(counts):
            m = np.copy(counts)
            np.fill_diagonal(m, -1)
            return np.unravel_index(np.argmax(m), m.shape)
        """,
        """
        def most_confused(counts):
            pairs = [(counts[i][j], i, j) for i in range(len(counts)) for j in range(len(counts)) if i != j]
            _, i, j = max(pairs)
            return [i, j]
        """,
    ],
    "check_error_in_units": [
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            y_pred = y_scaler.inverse_transform(y_pred_scaled)
            return float(np.mean(np.abs(y_pred - y_true)))
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            y_pred = y_pred_scaled * y_scaler.std + y_scaler.mean
            return np.abs(y_true - y_pred).mean()
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            y_pred = y_scaler.inverse_transform(y_pred_scaled)
            total = 0.0
            for p, t in zip(y_pred.ravel(), y_true.ravel()):
                total += abs(p - t)
            return total / len(y_true)
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return np.mean(np.absolute(y_scaler.inverse_transform(y_pred_scaled) - y_true))
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            errors = np.abs(y_scaler.inverse_transform(y_pred_scaled) - y_true)
            return np.sum(errors) / errors.size
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            y_pred = y_scaler.inverse_transform(y_pred_scaled.astype(np.float32))
            return float(np.average(np.abs(y_pred - y_true)))
        """,
    ],
    "check_digits_from_scratch": [
        """
        from annlib.scratch import initialize, train

        def train_digits_from_scratch(X_train, Y_train, rng):
            activations = ["tanh", "softmax"]
            params = initialize([64, 32, 10], rng)
            params, history = train(params, X_train, Y_train, activations, "cross_entropy", learning_rate=0.1,
                                    epochs=12, batch_size=16, rng=rng)
            return params, activations
        """,
        """
        from annlib.scratch import initialize, train

        def train_digits_from_scratch(X_train, Y_train, rng):
            params = initialize([64, 48, 10], rng)
            params, _ = train(params, X_train, Y_train, ["relu", "softmax"], "cross_entropy", learning_rate=0.1,
                              epochs=12, batch_size=16, rng=rng)
            return params, ["relu", "softmax"]
        """,
        """
        from annlib.scratch import initialize, train

        def train_digits_from_scratch(X_train, Y_train, rng):
            acts = ("sigmoid", "softmax")
            params = initialize([64, 40, 10], rng)
            params, _ = train(params, X_train, Y_train, list(acts), "cross_entropy", learning_rate=0.5,
                              epochs=15, batch_size=16, rng=rng)
            return params, acts
        """,
        # the learner's own initialize and train, pasted from exercises 03 and 07
        """
        from annlib.scratch import backward, forward, output_delta, update

        def initialize(sizes, rng):
            params = []
            for n_in, n_out in zip(sizes[:-1], sizes[1:]):
                params.append((rng.normal(0, 1 / np.sqrt(n_in), size=(n_in, n_out)), np.zeros(n_out)))
            return params

        def train(params, X, Y, activations, kind, *, learning_rate=0.1, epochs=100, batch_size=32, rng,
                  target_cost=None, patience=None):
            history = []
            for epoch in range(epochs):
                order = rng.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    batch = order[start:start + batch_size]
                    Y_hat, caches = forward(params, X[batch], activations)
                    grads = backward(params, caches, output_delta(Y_hat, Y[batch], kind))
                    params = update(params, grads, learning_rate)
            return params, history

        def train_digits_from_scratch(X_train, Y_train, rng):
            activations = ["tanh", "softmax"]
            params = initialize([64, 32, 10], rng)
            params, history = train(params, X_train, Y_train, activations, "cross_entropy", learning_rate=0.1,
                                    epochs=10, batch_size=16, rng=rng)
            return params, activations
        """,
        """
        from annlib.scratch import initialize, train

        def train_digits_from_scratch(X_train, Y_train, rng):
            layers = [64, 32, 32, 10]
            activations = ["tanh", "tanh", "softmax"]
            params = initialize(layers, rng)
            params, history = train(params, X_train, Y_train, activations, "cross_entropy", learning_rate=0.1,
                                    epochs=12, batch_size=16, rng=rng, patience=3)
            return params, activations
        """,
        """
        from annlib.scratch import initialize, train

        def train_digits_from_scratch(X_train, Y_train, rng):
            activations = ["tanh", "softmax"]
            params = initialize([64, 32, 10], rng)
            params, history = train(params, X_train, Y_train, activations, "cross_entropy",
                                    learning_rate=0.1, epochs=15, batch_size=16, rng=rng, target_cost=0.1)
            params = [(np.array(W, dtype=np.float32), np.array(b, dtype=np.float32)) for W, b in params]
            return params, activations
        """,
    ],
    "check_best_epoch": [
        "def best_epoch(train_costs, val_costs):\n    return int(np.argmin(val_costs)) + 1\n",
        "def best_epoch(train_costs, val_costs):\n    return val_costs.index(min(val_costs)) + 1\n",
        """
        def best_epoch(train_costs, val_costs):
            best = 0
            for epoch in range(1, len(val_costs)):
                if val_costs[epoch] < val_costs[best]:
                    best = epoch
            return best + 1
        """,
        """
        def best_epoch(train_costs, val_costs):
            best_epoch, best_cost = None, float("inf")
            for epoch, cost in enumerate(val_costs, start=1):
                if cost < best_cost:
                    best_epoch, best_cost = epoch, cost
            return best_epoch
        """,
        "def best_epoch(train_costs, val_costs):\n"
        "    return min(range(1, len(val_costs) + 1), key=lambda e: val_costs[e - 1])\n",
        "def best_epoch(train_costs, val_costs):\n"
        "    return int(np.flatnonzero(np.array(val_costs) == np.min(val_costs))[0] + 1)\n",
        "def best_epoch(train_costs, val_costs):\n    return np.argmin(np.asarray(val_costs, dtype=np.float32)) + 1\n",
    ],
}

WRONG = {
    "check_scale_and_encode": [
        ("own_maximum", "def scale_and_encode(X, y):\n    return X / X.max(), np.eye(10)[y]\n"),
        ("own_maximum", "def scale_and_encode(X, y):\n    return X / np.max(X), np.eye(10)[y]\n"),
        ("divided_by_255", "def scale_and_encode(X, y):\n    return X / 255, np.eye(10)[y]\n"),
        ("not_scaled", "def scale_and_encode(X, y):\n    return X, np.eye(10)[y]\n"),
        ("not_encoded", "def scale_and_encode(X, y):\n    return X / 16, y\n"),
        (
            "classes_from_batch",
            "from annlib import datasets\n\ndef scale_and_encode(X, y):\n    return X / 16, datasets.one_hot(y)\n",
        ),
        ("swapped", "def scale_and_encode(X, y):\n    return np.eye(10)[y], X / 16\n"),
        ("shifted_labels", "def scale_and_encode(X, y):\n    return X / 16, np.eye(10)[y - 1]\n"),
        ("standardized", "def scale_and_encode(X, y):\n    return (X - X.mean()) / X.std(), np.eye(10)[y]\n"),
        ("floor_division", "def scale_and_encode(X, y):\n    return X // 16, np.eye(10)[y]\n"),
        ("scaled_in_place", "def scale_and_encode(X, y):\n    X /= 16\n    return X, np.eye(10)[y]\n"),
        (
            "own_maximum",
            "def scale_and_encode(X, y):\n    return (X - X.min()) / (X.max() - X.min()), np.eye(10)[y]\n",
        ),
    ],
    "check_digits_classifier": [
        (
            "returned_history",
            """
            from annlib import Network, fit

            def train_digits_classifier(X_train, Y_train):
                network = Network.from_sizes([64, 32, 10], activation="tanh", output_activation="softmax", rng=0)
                return fit(network, X_train, Y_train, "cross_entropy", "adam", learning_rate=0.01, epochs=5,
                           batch_size=32, rng=0, progress=False)
            """,
        ),
        (
            "untrained",
            """
            from annlib import Network

            def train_digits_classifier(X_train, Y_train):
                return Network.from_sizes([64, 32, 10], activation="tanh", output_activation="softmax", rng=0)
            """,
        ),
        (
            "no_return",
            """
            from annlib import Network, fit

            def train_digits_classifier(X_train, Y_train):
                network = Network.from_sizes([64, 32, 10], activation="tanh", output_activation="softmax", rng=0)
                fit(network, X_train, Y_train, "cross_entropy", "adam", learning_rate=0.01, epochs=5,
                    batch_size=32, rng=0, progress=False)
            """,
        ),
        (
            "wrong_output_size",
            """
            from annlib import Network

            def train_digits_classifier(X_train, Y_train):
                network = Network.from_sizes([64, 32, 1], activation="tanh", output_activation="sigmoid", rng=0)
                return network
            """,
        ),
        (
            "not_softmax",
            """
            from annlib import Network, fit

            def train_digits_classifier(X_train, Y_train):
                network = Network.from_sizes([64, 32, 10], activation="tanh", output_activation="sigmoid", rng=0)
                fit(network, X_train, Y_train, "mse", "adam", learning_rate=0.01, epochs=8, batch_size=32,
                    rng=0, progress=False)
                return network
            """,
        ),
        (
            "no_seed",
            """
            from annlib import Network, fit

            def train_digits_classifier(X_train, Y_train):
                network = Network.from_sizes([64, 32, 10], activation="tanh", output_activation="softmax")
                fit(network, X_train, Y_train, "cross_entropy", "adam", learning_rate=0.01, epochs=5,
                    batch_size=32, progress=False)
                return network
            """,
        ),
        (
            "no_seed",
            """
            from annlib import Network, fit

            def train_digits_classifier(X_train, Y_train):
                network = Network.from_sizes([64, 32, 10], activation="tanh", output_activation="softmax", rng=0)
                fit(network, X_train, Y_train, "cross_entropy", "adam", learning_rate=0.01, epochs=5,
                    batch_size=32, progress=False)
                return network
            """,
        ),
        (
            "low_accuracy",
            """
            from annlib import Network, fit

            def train_digits_classifier(X_train, Y_train):
                network = Network.from_sizes([64, 32, 10], activation="tanh", output_activation="softmax", rng=0)
                fit(network, X_train, Y_train, "cross_entropy", "sgd", learning_rate=0.05, epochs=2,
                    batch_size=64, rng=0, progress=False)
                return network
            """,
        ),
        (
            "wrong_input_size",
            """
            from annlib import Network

            def train_digits_classifier(X_train, Y_train):
                return Network.from_sizes([10, 32, 10], activation="tanh", output_activation="softmax", rng=0)
            """,
        ),
    ],
    "check_most_confused": [
        (
            "diagonal_included",
            "def most_confused(counts):\n    i, j = np.unravel_index(np.argmax(counts), counts.shape)\n"
            "    return int(i), int(j)\n",
        ),
        (
            "swapped",
            """
            def most_confused(counts):
                m = counts.copy()
                np.fill_diagonal(m, 0)
                i, j = np.unravel_index(np.argmax(m), m.shape)
                return int(j), int(i)
            """,
        ),
        (
            "flat_index",
            "def most_confused(counts):\n    m = counts.copy()\n    np.fill_diagonal(m, 0)\n"
            "    return int(np.argmax(m))\n",
        ),
        (
            "smallest",
            """
            def most_confused(counts):
                m = counts.copy()
                np.fill_diagonal(m, counts.max() + 1)
                i, j = np.unravel_index(np.argmin(m), m.shape)
                return int(i), int(j)
            """,
        ),
        (
            "changed_counts",
            """
            def most_confused(counts):
                np.fill_diagonal(counts, 0)
                i, j = np.unravel_index(np.argmax(counts), counts.shape)
                return int(i), int(j)
            """,
        ),
        (
            "row_then_column",
            """
            def most_confused(counts):
                m = counts.copy()
                np.fill_diagonal(m, 0)
                i = int(np.argmax(m.sum(axis=1)))
                return i, int(np.argmax(m[i]))
            """,
        ),
        (
            "count_not_classes",
            "def most_confused(counts):\n    m = counts.copy()\n    np.fill_diagonal(m, 0)\n    return m.max()\n",
        ),
        (
            "one_based",
            """
            def most_confused(counts):
                m = counts.copy()
                np.fill_diagonal(m, 0)
                i, j = np.unravel_index(np.argmax(m), m.shape)
                return int(i) + 1, int(j) + 1
            """,
        ),
        (
            "swapped",
            """
            def most_confused(counts):
                m = counts.copy()
                np.fill_diagonal(m, 0)
                index = int(np.argmax(m))
                return index % len(m), index // len(m)
            """,
        ),
        (
            "fixed_size",
            """
            def most_confused(counts):
                m = counts.copy()
                np.fill_diagonal(m, 0)
                i, j = np.unravel_index(np.argmax(m), (10, 10))
                return int(i), int(j)
            """,
        ),
    ],
    "check_error_in_units": [
        (
            "not_inverted",
            "def error_in_units(y_pred_scaled, y_true, y_scaler):\n"
            "    return np.mean(np.abs(y_pred_scaled - y_true))\n",
        ),
        (
            "transform_instead",
            "def error_in_units(y_pred_scaled, y_true, y_scaler):\n"
            "    return np.mean(np.abs(y_scaler.transform(y_pred_scaled) - y_true))\n",
        ),
        (
            "squared",
            "def error_in_units(y_pred_scaled, y_true, y_scaler):\n"
            "    return np.mean((y_scaler.inverse_transform(y_pred_scaled) - y_true) ** 2)\n",
        ),
        (
            "root_mean_squared",
            "def error_in_units(y_pred_scaled, y_true, y_scaler):\n"
            "    return np.sqrt(np.mean((y_scaler.inverse_transform(y_pred_scaled) - y_true) ** 2))\n",
        ),
        (
            "summed",
            "def error_in_units(y_pred_scaled, y_true, y_scaler):\n"
            "    return np.sum(np.abs(y_scaler.inverse_transform(y_pred_scaled) - y_true))\n",
        ),
        (
            "scaled_units",
            "def error_in_units(y_pred_scaled, y_true, y_scaler):\n"
            "    return np.mean(np.abs(y_pred_scaled - y_scaler.transform(y_true)))\n",
        ),
        (
            "signed",
            "def error_in_units(y_pred_scaled, y_true, y_scaler):\n"
            "    return np.mean(y_scaler.inverse_transform(y_pred_scaled) - y_true)\n",
        ),
        (
            "no_mean_added",
            "def error_in_units(y_pred_scaled, y_true, y_scaler):\n"
            "    return np.mean(np.abs(y_pred_scaled * y_scaler.std - y_true))\n",
        ),
        (
            "inverse_order",
            "def error_in_units(y_pred_scaled, y_true, y_scaler):\n"
            "    return np.mean(np.abs((y_pred_scaled + y_scaler.mean) * y_scaler.std - y_true))\n",
        ),
        (
            "not_reduced",
            "def error_in_units(y_pred_scaled, y_true, y_scaler):\n"
            "    return np.abs(y_scaler.inverse_transform(y_pred_scaled) - y_true)\n",
        ),
        (
            None,
            "def error_in_units(y_pred_scaled, y_true, y_scaler):\n"
            "    return np.median(np.abs(y_scaler.inverse_transform(y_pred_scaled) - y_true))\n",
        ),
    ],
    "check_digits_from_scratch": [
        (
            "params_only",
            """
            from annlib.scratch import initialize

            def train_digits_from_scratch(X_train, Y_train, rng):
                return initialize([64, 32, 10], rng)
            """,
        ),
        (
            "history_not_activations",
            """
            from annlib.scratch import initialize, train

            def train_digits_from_scratch(X_train, Y_train, rng):
                params = initialize([64, 10], rng)
                return train(params, X_train, Y_train, ["softmax"], "cross_entropy", learning_rate=0.1, epochs=1,
                             batch_size=16, rng=rng)
            """,
        ),
        (
            "untrained",
            """
            from annlib.scratch import initialize

            def train_digits_from_scratch(X_train, Y_train, rng):
                return initialize([64, 32, 10], rng), ["tanh", "softmax"]
            """,
        ),
        (
            "rng_ignored",
            """
            from annlib.scratch import initialize, train

            def train_digits_from_scratch(X_train, Y_train, rng):
                rng = np.random.default_rng(0)
                params = initialize([64, 32, 10], rng)
                params, _ = train(params, X_train, Y_train, ["tanh", "softmax"], "cross_entropy", learning_rate=0.1,
                                  epochs=12, batch_size=16, rng=rng)
                return params, ["tanh", "softmax"]
            """,
        ),
        (
            "rng_ignored",
            """
            from annlib.scratch import train

            def train_digits_from_scratch(X_train, Y_train, rng):
                params = [(np.random.randn(64, 32) / 8, np.zeros(32)), (np.random.randn(32, 10) / 6, np.zeros(10))]
                params, _ = train(params, X_train, Y_train, ["tanh", "softmax"], "cross_entropy", learning_rate=0.1,
                                  epochs=12, batch_size=16, rng=np.random.default_rng())
                return params, ["tanh", "softmax"]
            """,
        ),
        (
            "rng_not_for_shuffles",
            """
            from annlib.scratch import initialize, train

            def train_digits_from_scratch(X_train, Y_train, rng):
                params = initialize([64, 32, 10], rng)
                params, _ = train(params, X_train, Y_train, ["tanh", "softmax"], "cross_entropy", learning_rate=0.1,
                                  epochs=12, batch_size=16, rng=np.random.default_rng(1))
                return params, ["tanh", "softmax"]
            """,
        ),
        (
            "low_accuracy",
            """
            from annlib.scratch import initialize, train

            def train_digits_from_scratch(X_train, Y_train, rng):
                params = initialize([64, 10], rng)
                params, _ = train(params, X_train, Y_train, ["softmax"], "cross_entropy", learning_rate=0.1,
                                  epochs=1, batch_size=64, rng=rng)
                return params, ["softmax"]
            """,
        ),
        (
            "activations_mismatch",
            """
            from annlib.scratch import initialize

            def train_digits_from_scratch(X_train, Y_train, rng):
                return initialize([64, 32, 10], rng), ["softmax"]
            """,
        ),
        (
            "wrong_output_size",
            """
            from annlib.scratch import initialize

            def train_digits_from_scratch(X_train, Y_train, rng):
                return initialize([64, 32, 1], rng), ["tanh", "sigmoid"]
            """,
        ),
        (
            "not_softmax",
            """
            from annlib.scratch import initialize, train

            def train_digits_from_scratch(X_train, Y_train, rng):
                params = initialize([64, 10], rng)
                params, _ = train(params, X_train, Y_train, ["sigmoid"], "mse", learning_rate=0.5, epochs=1,
                                  batch_size=16, rng=rng)
                return params, ["sigmoid"]
            """,
        ),
        (
            None,  # uses annlib's Network and fit: the part asks for the learner's own functions
            """
            from annlib import Network, fit

            def train_digits_from_scratch(X_train, Y_train, rng):
                network = Network.from_sizes([64, 32, 10], activation="tanh", output_activation="softmax", rng=rng)
                fit(network, X_train, Y_train, "cross_entropy", "adam", learning_rate=0.01, epochs=3,
                    batch_size=32, rng=rng, progress=False)
                return network, ["tanh", "softmax"]
            """,
        ),
    ],
    "check_best_epoch": [
        ("argmax", "def best_epoch(train_costs, val_costs):\n    return int(np.argmax(val_costs)) + 1\n"),
        ("zero_based", "def best_epoch(train_costs, val_costs):\n    return int(np.argmin(val_costs))\n"),
        ("training_curve", "def best_epoch(train_costs, val_costs):\n    return int(np.argmin(train_costs)) + 1\n"),
        (
            "last_of_ties",
            """
            def best_epoch(train_costs, val_costs):
                best = 0
                for epoch in range(len(val_costs)):
                    if val_costs[epoch] <= val_costs[best]:
                        best = epoch
                return best + 1
            """,
        ),
        ("cost_not_epoch", "def best_epoch(train_costs, val_costs):\n    return min(val_costs)\n"),
        ("last_epoch", "def best_epoch(train_costs, val_costs):\n    return len(val_costs)\n"),
        (
            "first_rise",
            """
            def best_epoch(train_costs, val_costs):
                for epoch in range(1, len(val_costs)):
                    if val_costs[epoch] > val_costs[epoch - 1]:
                        return epoch
                return len(val_costs)
            """,
        ),
        (
            "smallest_gap",
            "def best_epoch(train_costs, val_costs):\n"
            "    return int(np.argmin(np.abs(np.array(val_costs) - np.array(train_costs)))) + 1\n",
        ),
        (
            "training_curve",
            "def best_epoch(train_costs, val_costs):\n    return train_costs.index(min(train_costs)) + 1\n",
        ),
        (
            "sum_of_curves",
            "def best_epoch(train_costs, val_costs):\n"
            "    return int(np.argmin(np.array(train_costs) + np.array(val_costs))) + 1\n",
        ),
        ("float_epoch", "def best_epoch(train_costs, val_costs):\n    return float(np.argmin(val_costs) + 1)\n"),
    ],
}


# More answers, in the styles of learners' and public repositories' code; the wrong ones with the slips
# they make.
_D8 = (
    "        from annlib import Network, datasets, fit\n"
    "        from annlib.losses import CrossEntropy, MSE, BinaryCrossEntropy\n"
)
_SC8 = "        from annlib.scratch import backward, cost, forward, initialize, output_delta, train, update\n"

_MORE_CORRECT = {
    "check_scale_and_encode": [
        _D8
        + """
        def scale_and_encode(X, y):
            return X / 16.0, datasets.one_hot(y, 10)
        """,
        """
        def scale_and_encode(X, y):
            return X / 16, np.eye(10)[y]
        """,
        """
        def scale_and_encode(X, y):
            Y = np.zeros((len(y), 10))
            Y[np.arange(len(y)), y] = 1
            return X / 16, Y
        """,
        """
        def scale_and_encode(X, y):
            Y = np.zeros((y.shape[0], 10))
            for i, label in enumerate(y):
                Y[i, label] = 1.0
            return X.astype(float) / 16, Y
        """,
        """
        def scale_and_encode(X, y):
            return np.divide(X, 16), (y[:, None] == np.arange(10)).astype(float)
        """,
        """
        def scale_and_encode(X, y):
            return X * (1 / 16), np.eye(10)[np.asarray(y, dtype=int)]
        """,
        _D8
        + """
        def scale_and_encode(X, y):
            X_scaled = X.astype(np.float64)
            X_scaled /= 16
            return X_scaled, datasets.one_hot(y.astype(int), n_classes=10)
        """,
        """
        def scale_and_encode(X, y):
            Y = np.array([[1.0 if k == label else 0.0 for k in range(10)] for label in y])
            return X / 16.0, Y
        """,
        """
        def scale_and_encode(X, y):
            Y = np.zeros((len(y), 10))
            np.put_along_axis(Y, y.reshape(-1, 1), 1, axis=1)
            return X / 16, Y
        """,
    ],
    "check_digits_classifier": [
        _D8
        + """
        def train_digits_classifier(X_train, Y_train):
            net = Network.from_sizes([64, 32, 10], activation="relu", output_activation="softmax", rng=1)
            fit(net, X_train, Y_train, CrossEntropy(), "adam", learning_rate=0.01, epochs=15, batch_size=32, rng=1,
                progress=False)
            return net
        """,
        _D8
        + """
        def train_digits_classifier(X_train, Y_train):
            net = Network.from_sizes([64, 10], output_activation="softmax", rng=0)
            fit(net, X_train, Y_train, CrossEntropy(), "adam", learning_rate=0.02, epochs=20, batch_size=32, rng=0,
                progress=False)
            return net
        """,
    ],
    "check_most_confused": [
        """
        def most_confused(counts):
            m = counts.copy()
            np.fill_diagonal(m, 0)
            i, j = np.unravel_index(np.argmax(m), m.shape)
            return int(i), int(j)
        """,
        """
        def most_confused(counts):
            best, pair = -1, None
            for i in range(counts.shape[0]):
                for j in range(counts.shape[1]):
                    if i != j and counts[i, j] > best:
                        best, pair = counts[i, j], (i, j)
            return pair
        """,
        """
        def most_confused(counts):
            off = counts - np.diag(np.diag(counts))
            i, j = divmod(int(np.argmax(off)), counts.shape[1])
            return i, j
        """,
        """
        def most_confused(counts):
            masked = np.where(np.eye(len(counts), dtype=bool), -1, counts)
            row, col = np.unravel_index(masked.argmax(), masked.shape)
            return int(row), int(col)
        """,
        """
        def most_confused(counts):
            m = counts.astype(float)
            np.fill_diagonal(m, -np.inf)
            return tuple(int(k) for k in np.unravel_index(np.argmax(m), m.shape))
        """,
        """
        def most_confused(counts):
            cells = [(counts[i, j], i, j) for i in range(len(counts)) for j in range(len(counts)) if i != j]
            _, i, j = max(cells)
            return int(i), int(j)
        """,
        """
        def most_confused(counts):
            off = np.ma.masked_array(counts, mask=np.eye(counts.shape[0], dtype=bool))
            i, j = np.unravel_index(off.argmax(), counts.shape)
            return int(i), int(j)
        """,
        """
        def most_confused(counts):
            c = np.array(counts, copy=True)
            c[np.diag_indices_from(c)] = 0
            i, j = np.argwhere(c == c.max())[0]
            return int(i), int(j)
        """,
        # numpy integers are numbers too
        """
        def most_confused(counts):
            m = counts.copy()
            np.fill_diagonal(m, 0)
            return np.unravel_index(np.argmax(m), m.shape)
        """,
    ],
    "check_error_in_units": [
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.mean(np.abs(y_scaler.inverse_transform(y_pred_scaled) - y_true)))
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            y_pred = y_pred_scaled * y_scaler.std + y_scaler.mean
            return np.abs(y_pred - y_true).mean()
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            y_pred = y_scaler.inverse_transform(y_pred_scaled)
            return float(np.sum(np.abs(y_pred - y_true)) / len(y_true))
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            y_pred = y_scaler.inverse_transform(y_pred_scaled).ravel()
            total = 0.0
            for p, t in zip(y_pred, np.ravel(y_true)):
                total += abs(p - t)
            return total / len(y_pred)
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.mean(np.abs(y_scaler.inverse_transform(y_pred_scaled).ravel() - np.ravel(y_true))))
        """,
        # the error in standard deviations, times the standard deviation: the same number
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.mean(np.abs(y_pred_scaled - y_scaler.transform(y_true))) * y_scaler.std[0])
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            diff = y_scaler.inverse_transform(y_pred_scaled) - y_true
            return float(np.average(np.absolute(diff)))
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            y_pred = y_scaler.inverse_transform(np.asarray(y_pred_scaled, dtype=float))
            return np.mean(np.abs(y_true - y_pred)).item()
        """,
    ],
    "check_digits_from_scratch": [
        _SC8
        + """
        def train_digits_from_scratch(X_train, Y_train, rng):
            activations = ["tanh", "softmax"]
            params = initialize([64, 32, 10], rng)
            params, _ = train(params, X_train, Y_train, activations, "cross_entropy", learning_rate=0.1, epochs=15,
                              batch_size=16, rng=rng)
            return params, activations
        """,
        _SC8
        + """
        def train_digits_from_scratch(X_train, Y_train, rng):
            acts = ["relu", "softmax"]
            params = initialize([64, 40, 10], rng)
            params, history = train(params, X_train, Y_train, acts, "cross_entropy", learning_rate=0.05, epochs=20,
                                    batch_size=16, rng=rng)
            return params, acts
        """,
    ],
    "check_best_epoch": [
        """
        def best_epoch(train_costs, val_costs):
            return int(np.argmin(val_costs)) + 1
        """,
        """
        def best_epoch(train_costs, val_costs):
            return val_costs.index(min(val_costs)) + 1
        """,
        """
        def best_epoch(train_costs, val_costs):
            best, best_cost = 1, val_costs[0]
            for i, c in enumerate(val_costs):
                if c < best_cost:
                    best, best_cost = i + 1, c
            return best
        """,
        """
        def best_epoch(train_costs, val_costs):
            return min(range(len(val_costs)), key=val_costs.__getitem__) + 1
        """,
        """
        def best_epoch(train_costs, val_costs):
            best = None
            for epoch, c in enumerate(val_costs, start=1):
                if best is None or c < val_costs[best - 1]:
                    best = epoch
            return best
        """,
        """
        def best_epoch(train_costs, val_costs):
            v = np.asarray(val_costs, dtype=float)
            return int(np.flatnonzero(v == v.min())[0] + 1)
        """,
        """
        def best_epoch(train_costs, val_costs):
            return sorted(range(1, len(val_costs) + 1), key=lambda e: val_costs[e - 1])[0]
        """,
        """
        import math
        def best_epoch(train_costs, val_costs):
            lowest, where = math.inf, 0
            for epoch in range(len(val_costs)):
                if val_costs[epoch] < lowest:
                    lowest, where = val_costs[epoch], epoch
            return where + 1
        """,
    ],
}

_MORE_WRONG = {
    "check_scale_and_encode": [
        (
            "own_maximum",
            """
        def scale_and_encode(X, y):
            return X / X.max(), np.eye(10)[y]
        """,
        ),
        (
            "classes_from_batch",
            _D8
            + """
        def scale_and_encode(X, y):
            return X / 16, datasets.one_hot(y)
        """,
        ),
        (
            "divided_by_255",
            """
        def scale_and_encode(X, y):
            return X / 255, np.eye(10)[y]
        """,
        ),
        (
            "not_encoded",
            """
        def scale_and_encode(X, y):
            return X / 16, y
        """,
        ),
        (
            "transposed_Y",
            """
        def scale_and_encode(X, y):
            return X / 16, np.eye(10)[y].T
        """,
        ),
        (
            "floor_division",
            """
        def scale_and_encode(X, y):
            return X // 16, np.eye(10)[y]
        """,
        ),
        (
            "own_maximum",
            """
        def scale_and_encode(X, y):
            return (X - X.min()) / (X.max() - X.min()), np.eye(10)[y]
        """,
        ),
        (
            "shifted_labels",
            """
        def scale_and_encode(X, y):
            Y = np.zeros((len(y), 10))
            Y[np.arange(len(y)), y - 1] = 1
            return X / 16, Y
        """,
        ),
        (
            "classes_from_batch",
            """
        def scale_and_encode(X, y):
            return X / 16, np.eye(y.max() + 1)[y]
        """,
        ),
        (
            None,
            """
        def scale_and_encode(X, y):
            return X / 17, np.eye(10)[y]
        """,
        ),
        (
            None,
            """
        def scale_and_encode(X, y):
            return X / 16, y.reshape(-1, 1)
        """,
        ),
        (
            "standardized_columns",
            """
        def scale_and_encode(X, y):
            return (X - X.mean(axis=0)) / (X.std(axis=0) + 1e-8), np.eye(10)[y]
        """,
        ),
        (
            "not_scaled",
            """
        def scale_and_encode(X, y):
            return X, np.eye(10)[y]
        """,
        ),
    ],
    "check_digits_classifier": [
        (
            "not_softmax",
            _D8
            + """
        def train_digits_classifier(X_train, Y_train):
            net = Network.from_sizes([64, 32, 10], activation="tanh", output_activation="sigmoid", rng=0)
            fit(net, X_train, Y_train, BinaryCrossEntropy(), "adam", learning_rate=0.01, epochs=15, batch_size=32,
                rng=0, progress=False)
            return net
        """,
        ),
        (
            "no_seed",
            _D8
            + """
        def train_digits_classifier(X_train, Y_train):
            net = Network.from_sizes([64, 32, 10], activation="tanh", output_activation="softmax")
            fit(net, X_train, Y_train, CrossEntropy(), "adam", learning_rate=0.01, epochs=10, batch_size=32,
                progress=False)
            return net
        """,
        ),
        (
            "untrained",
            _D8
            + """
        def train_digits_classifier(X_train, Y_train):
            net = Network.from_sizes([64, 32, 10], activation="tanh", output_activation="softmax", rng=0)
            fit(net, X_train, Y_train, CrossEntropy(), "sgd", learning_rate=0.001, epochs=1, batch_size=64, rng=0,
                progress=False)
            return net
        """,
        ),
    ],
    "check_most_confused": [
        (
            "diagonal_included",
            """
        def most_confused(counts):
            i, j = np.unravel_index(np.argmax(counts), counts.shape)
            return int(i), int(j)
        """,
        ),
        (
            "swapped",
            """
        def most_confused(counts):
            m = counts.copy()
            np.fill_diagonal(m, 0)
            i, j = np.unravel_index(np.argmax(m), m.shape)
            return int(j), int(i)
        """,
        ),
        (
            "changed_counts",
            """
        def most_confused(counts):
            np.fill_diagonal(counts, 0)
            i, j = np.unravel_index(np.argmax(counts), counts.shape)
            return int(i), int(j)
        """,
        ),
        (
            "flat_index",
            """
        def most_confused(counts):
            m = counts.copy()
            np.fill_diagonal(m, 0)
            return int(np.argmax(m))
        """,
        ),
        # symmetric confusions (a from-scratch repo's _rank_confused_pairs): cm[i, j] + cm[j, i], i < j
        (
            None,
            """
        def most_confused(counts):
            n = counts.shape[0]
            pairs = {}
            for i in range(n):
                for j in range(i + 1, n):
                    pairs[(i, j)] = int(counts[i, j] + counts[j, i])
            return max(pairs, key=pairs.get)
        """,
        ),
        (
            "smallest_of_zeroed",
            """
        def most_confused(counts):
            m = counts.copy()
            np.fill_diagonal(m, 0)
            i, j = np.unravel_index(np.argmin(m), m.shape)
            return int(i), int(j)
        """,
        ),
        (
            "row_rates",
            """
        def most_confused(counts):
            rates = counts / counts.sum(axis=1, keepdims=True)
            np.fill_diagonal(rates, 0)
            i, j = np.unravel_index(np.argmax(rates), rates.shape)
            return int(i), int(j)
        """,
        ),
        (
            "upper_only",
            """
        def most_confused(counts):
            m = np.triu(counts, k=1)
            i, j = np.unravel_index(np.argmax(m), m.shape)
            return int(i), int(j)
        """,
        ),
        (
            "row_then_column",
            """
        def most_confused(counts):
            m = counts.copy()
            np.fill_diagonal(m, 0)
            i = int(np.argmax(m.sum(axis=1)))
            return i, int(np.argmax(m[i]))
        """,
        ),
        (
            "one_based",
            """
        def most_confused(counts):
            m = counts.copy()
            np.fill_diagonal(m, 0)
            i, j = np.unravel_index(np.argmax(m), m.shape)
            return int(i) + 1, int(j) + 1
        """,
        ),
        (
            None,
            """
        def most_confused(counts):
            m = counts.copy()
            np.fill_diagonal(m, 0)
            i, j = np.unravel_index(np.argmax(m), m.shape)
            return int(i), int(m[i, j])
        """,
        ),
        (
            "swapped",
            """
        def most_confused(counts):
            m = counts.copy()
            np.fill_diagonal(m, 0)
            j, i = np.unravel_index(np.argmax(m.T), m.shape)
            return int(j), int(i)
        """,
        ),
    ],
    "check_error_in_units": [
        (
            "scaled_units",
            """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.mean(np.abs(y_pred_scaled - y_scaler.transform(y_true))))
        """,
        ),
        (
            "not_inverted",
            """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.mean(np.abs(y_pred_scaled - y_true)))
        """,
        ),
        (
            "transform_instead",
            """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.mean(np.abs(y_scaler.transform(y_pred_scaled) - y_true)))
        """,
        ),
        (
            "root_mean_squared",
            """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.sqrt(np.mean((y_scaler.inverse_transform(y_pred_scaled) - y_true) ** 2)))
        """,
        ),
        (
            "squared",
            """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.mean((y_scaler.inverse_transform(y_pred_scaled) - y_true) ** 2))
        """,
        ),
        (
            "summed",
            """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.sum(np.abs(y_scaler.inverse_transform(y_pred_scaled) - y_true)))
        """,
        ),
        (
            "signed",
            """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.mean(y_scaler.inverse_transform(y_pred_scaled) - y_true))
        """,
        ),
        (
            "no_mean_added",
            """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.mean(np.abs(y_pred_scaled * y_scaler.std - y_true)))
        """,
        ),
        (
            "broadcast",
            """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.mean(np.abs(y_scaler.inverse_transform(y_pred_scaled).ravel() - y_true)))
        """,
        ),
        (
            "divided_by_std",
            """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.mean(np.abs(y_pred_scaled / y_scaler.std + y_scaler.mean - y_true)))
        """,
        ),
        (
            None,
            """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.median(np.abs(y_scaler.inverse_transform(y_pred_scaled) - y_true)))
        """,
        ),
        (
            "inverse_order",
            """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.mean(np.abs((y_pred_scaled + y_scaler.mean) * y_scaler.std - y_true)))
        """,
        ),
        (
            None,
            """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.mean(np.abs(y_pred_scaled - y_scaler.transform(y_true))) * y_scaler.mean[0])
        """,
        ),
    ],
    "check_digits_from_scratch": [
        (
            "rng_ignored",
            _SC8
            + """
        def train_digits_from_scratch(X_train, Y_train, rng):
            activations = ["tanh", "softmax"]
            params = initialize([64, 32, 10], np.random.default_rng(0))
            params, _ = train(params, X_train, Y_train, activations, "cross_entropy", learning_rate=0.1, epochs=15,
                              batch_size=16, rng=np.random.default_rng(0))
            return params, activations
        """,
        ),
        (
            "untrained",
            _SC8
            + """
        def train_digits_from_scratch(X_train, Y_train, rng):
            activations = ["tanh", "softmax"]
            params = initialize([64, 32, 10], rng)
            params, _ = train(params, X_train, Y_train, activations, "cross_entropy", learning_rate=0.001, epochs=2,
                              batch_size=64, rng=rng)
            return params, activations
        """,
        ),
        (
            "untrained",
            _SC8
            + """
        def train_digits_from_scratch(X_train, Y_train, rng):
            activations = ["tanh", "softmax"]
            params = initialize([64, 32, 10], rng)
            train(params, X_train, Y_train, activations, "cross_entropy", learning_rate=0.1, epochs=15,
                  batch_size=16, rng=rng)
            return params, activations
        """,
        ),
    ],
    "check_best_epoch": [
        (
            "zero_based",
            """
        def best_epoch(train_costs, val_costs):
            return int(np.argmin(val_costs))
        """,
        ),
        (
            "training_curve",
            """
        def best_epoch(train_costs, val_costs):
            return int(np.argmin(train_costs)) + 1
        """,
        ),
        (
            "argmax",
            """
        def best_epoch(train_costs, val_costs):
            return int(np.argmax(val_costs)) + 1
        """,
        ),
        (
            "last_of_ties",
            """
        def best_epoch(train_costs, val_costs):
            best, best_cost = 1, val_costs[0]
            for i, c in enumerate(val_costs):
                if c <= best_cost:
                    best, best_cost = i + 1, c
            return best
        """,
        ),
        (
            "first_rise",
            """
        def best_epoch(train_costs, val_costs):
            for i in range(1, len(val_costs)):
                if val_costs[i] > val_costs[i - 1]:
                    return i
            return len(val_costs)
        """,
        ),
        (
            None,
            """
        def best_epoch(train_costs, val_costs):
            gap = np.array(val_costs) - np.array(train_costs)
            return int(np.argmin(gap)) + 1
        """,
        ),
        (
            "cost_not_epoch",
            """
        def best_epoch(train_costs, val_costs):
            return float(min(val_costs))
        """,
        ),
        (
            "last_of_ties",
            """
        def best_epoch(train_costs, val_costs):
            return len(val_costs) - int(np.argmin(val_costs[::-1]))
        """,
        ),
        (
            "sum_of_curves",
            """
        def best_epoch(train_costs, val_costs):
            return int(np.argmin(np.array(train_costs) + np.array(val_costs))) + 1
        """,
        ),
        (
            "last_epoch",
            """
        def best_epoch(train_costs, val_costs):
            return len(val_costs)
        """,
        ),
        # Keras-style early stopping with patience 5: the epoch training would stop at
        (
            None,
            """
        def best_epoch(train_costs, val_costs):
            best, wait = np.inf, 0
            for epoch, c in enumerate(val_costs, start=1):
                if c < best:
                    best, wait = c, 0
                else:
                    wait += 1
                    if wait >= 5:
                        return epoch
            return len(val_costs)
        """,
        ),
        (
            "sliced_first",
            """
        def best_epoch(train_costs, val_costs):
            return int(np.argmin(val_costs[1:])) + 1
        """,
        ),
    ],
}


for _name, _answers in _MORE_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_answers)
for _name, _answers in _MORE_WRONG.items():
    WRONG.setdefault(_name, []).extend(_answers)


# Right answers in other forms: rng.shuffle on indices, a list of pairs, numpy integers and dtypes.
for _name, _source in [
    (
        "check_best_epoch",
        """
        def best_epoch(train_costs, val_costs):
            return np.argmin(val_costs) + 1
        """,
    ),
    (
        "check_scale_and_encode",
        """
        def scale_and_encode(X, y):
            return X / 16, np.eye(10, dtype=int)[y]
        """,
    ),
    (
        "check_scale_and_encode",
        """
        def scale_and_encode(X, y):
            return X.astype(np.float32) / 16, np.eye(10, dtype=np.float32)[y]
        """,
    ),
]:
    CORRECT[_name].append(_source)


# More answers in other styles, and real learners' code translated to these signatures as it was
_REAL_STYLES_CORRECT = {
    "check_best_epoch": [
        """
        def best_epoch(train_costs, val_costs):
            return int(np.argmin(val_costs) + 1)
        """,
        """
        def best_epoch(train_costs, val_costs):
            return val_costs.index(min(val_costs)) + 1
        """,
        """
        def best_epoch(train_costs, val_costs):
            best, best_i = float("inf"), 0
            for i, c in enumerate(val_costs, start=1):
                if c < best:
                    best, best_i = c, i
            return best_i
        """,
        """
        def best_epoch(train_costs, val_costs):
            return min(range(1, len(val_costs) + 1), key=lambda e: val_costs[e - 1])
        """,
        """
        def best_epoch(train_costs, val_costs):
            v = np.asarray(val_costs)
            return int(np.flatnonzero(v == v.min())[0]) + 1
        """,
        """
        def best_epoch(train_costs, val_costs):
            best = 1
            for epoch in range(2, len(val_costs) + 1):
                if val_costs[epoch - 1] < val_costs[best - 1]:
                    best = epoch
            return best
        """,
        """
        def best_epoch(train_costs, val_costs):
            return int(sorted(range(len(val_costs)), key=lambda i: (val_costs[i], i))[0]) + 1
        """,
        """
        def best_epoch(train_costs, val_costs):
            lowest = min(val_costs)
            for epoch, c in enumerate(val_costs):
                if c == lowest:
                    return epoch + 1
        """,
        """
        def best_epoch(train_costs, val_costs):
            best_value = np.inf
            best = 0
            for current_epoch, current_value in enumerate(val_costs, 1):
                if current_value < best_value:
                    best_value = current_value
                    best = current_epoch
            return best
        """,
    ],
    "check_digits_classifier": [
        """
        from annlib import Network, datasets, fit
        from annlib.losses import MSE, CrossEntropy

        def train_digits_classifier(X_train, Y_train):
            net = Network.from_sizes([64, 32, 10], activation="relu", output_activation="softmax", rng=2)
            fit(net, X_train, Y_train, CrossEntropy(), "adam", learning_rate=0.01, epochs=15, batch_size=32,
                rng=2, progress=False)
            return net
        """,
    ],
    "check_digits_from_scratch": [
        """
        from annlib.scratch import backward, cost, forward, initialize, output_delta, train, update

        def train_digits_from_scratch(X_train, Y_train, rng):
            acts = ["tanh", "softmax"]
            params = initialize([64, 32, 10], rng)
            params, _ = train(params, X_train, Y_train, acts, "cross_entropy", learning_rate=0.1, epochs=15,
                              batch_size=16, rng=rng)
            return params, acts
        """,
    ],
    "check_error_in_units": [
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            return float(np.mean(np.abs(y_scaler.inverse_transform(y_pred_scaled) - y_true)))
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            y_pred = y_pred_scaled * y_scaler.std + y_scaler.mean
            return float(np.abs(y_pred - y_true).mean())
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            y_pred = y_scaler.inverse_transform(y_pred_scaled)
            total = 0.0
            for a, b in zip(y_pred.ravel(), y_true.ravel()):
                total += abs(a - b)
            return total / len(y_true)
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            y_pred = y_scaler.inverse_transform(y_pred_scaled)
            return np.sum(np.abs(y_true - y_pred)) / y_true.shape[0]
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            y_pred = y_scaler.inverse_transform(np.asarray(y_pred_scaled).reshape(-1, 1))
            return np.mean(np.absolute(y_pred.ravel() - np.asarray(y_true).ravel()))
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            diff = y_scaler.inverse_transform(y_pred_scaled) - y_true
            return float(np.average(np.abs(diff)))
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            y_hat = y_scaler.inverse_transform(y_pred_scaled)
            return float(np.mean(np.sqrt((y_hat - y_true) ** 2)))
        """,
        """
        import math
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            preds = y_scaler.inverse_transform(y_pred_scaled).flatten().tolist()
            trues = np.asarray(y_true).flatten().tolist()
            return sum(math.fabs(p - t) for p, t in zip(preds, trues)) / len(trues)
        """,
        """
        def error_in_units(y_pred_scaled, y_true, y_scaler):
            y_pred = y_scaler.inverse_transform(y_pred_scaled.astype(np.float64))
            return np.linalg.norm((y_pred - y_true).ravel(), ord=1) / y_true.size
        """,
    ],
    "check_most_confused": [
        """
        def most_confused(counts):
            c = counts.copy()
            np.fill_diagonal(c, 0)
            i, j = np.unravel_index(c.argmax(), c.shape)
            return int(i), int(j)
        """,
        """
        def most_confused(counts):
            best, pair = -1, (0, 1)
            n = counts.shape[0]
            for i in range(n):
                for j in range(n):
                    if i != j and counts[i, j] > best:
                        best, pair = counts[i, j], (i, j)
            return pair
        """,
        """
        def most_confused(counts):
            off = counts - np.diag(np.diag(counts))
            idx = np.argmax(off)
            return int(idx // counts.shape[1]), int(idx % counts.shape[1])
        """,
        """
        def most_confused(counts):
            m = np.array(counts, dtype=float)
            m[np.eye(len(m), dtype=bool)] = -np.inf
            r, c = np.unravel_index(np.argmax(m), m.shape)
            return int(r), int(c)
        """,
        """
        def most_confused(counts):
            m = np.where(np.eye(counts.shape[0], dtype=bool), -1, counts)
            r, c = divmod(int(np.argmax(m)), m.shape[1])
            return r, c
        """,
        """
        def most_confused(counts):
            pairs = [(counts[i, j], i, j) for i in range(len(counts)) for j in range(len(counts)) if i != j]
            _, i, j = max(pairs, key=lambda t: t[0])
            return int(i), int(j)
        """,
        """
        def most_confused(counts):
            m = counts.astype(float).copy()
            for k in range(len(m)):
                m[k, k] = -1
            where = np.argwhere(m == m.max())[0]
            return int(where[0]), int(where[1])
        """,
        """
        def most_confused(counts):
            mask = ~np.eye(*counts.shape, dtype=bool)
            vals = np.where(mask, counts, np.iinfo(np.int64).min)
            flat = int(vals.argmax())
            return tuple(int(v) for v in np.unravel_index(flat, counts.shape))
        """,
        """
        def most_confused(counts):
            n_class = counts.shape[0]
            res = []
            for i in range(n_class):
                for j in range(n_class):
                    if i == j:
                        continue
                    res.append((i, j, counts[i, j]))
            res.sort(key=lambda e: e[2])
            res = res[::-1]
            return int(res[0][0]), int(res[0][1])
        """,
    ],
    "check_scale_and_encode": [
        """
        from annlib import Network, datasets, fit
        from annlib.losses import MSE, CrossEntropy

        def scale_and_encode(X, y):
            return X / 16, datasets.one_hot(y, 10)
        """,
        """
        def scale_and_encode(X, y):
            Y = np.zeros((len(y), 10))
            Y[np.arange(len(y)), y] = 1
            return X / 16.0, Y
        """,
        """
        def scale_and_encode(X, y):
            return X.astype(float) / 16, np.eye(10)[y]
        """,
        """
        def scale_and_encode(X, y):
            Y = np.zeros((y.shape[0], 10))
            for i, label in enumerate(y):
                Y[i, int(label)] = 1.0
            return X * (1 / 16), Y
        """,
        """
        def scale_and_encode(X, y):
            Xs = np.array(X, dtype=np.float64)
            Xs /= 16
            Y = (np.asarray(y)[:, None] == np.arange(10)).astype(float)
            return Xs, Y
        """,
        """
        def scale_and_encode(X, y):
            return np.divide(X, 16.0), np.identity(10)[np.asarray(y, dtype=int)]
        """,
        """
        def scale_and_encode(X, y):
            X_scaled = X / 16.
            Y = [[1.0 if c == label else 0.0 for c in range(10)] for label in y]
            return X_scaled, np.array(Y)
        """,
        """
        def scale_and_encode(X, y):
            Y = np.zeros((len(y), 10))
            np.put_along_axis(Y, np.asarray(y).reshape(-1, 1), 1.0, axis=1)
            return X / 16, Y
        """,
        """
        def scale_and_encode(X, y):
            nclass = 10
            labels = np.asarray(y).reshape(len(y)).astype(np.int64)
            return X / 16, np.eye(nclass)[labels]
        """,
    ],
}

_REAL_STYLES_WRONG = {
    "check_best_epoch": [
        (
            "zero_based",
            """
            def best_epoch(train_costs, val_costs):
                return int(np.argmin(val_costs))
            """,
        ),
        (
            "training_curve",
            """
            def best_epoch(train_costs, val_costs):
                return int(np.argmin(train_costs)) + 1
            """,
        ),
        (
            "argmax",
            """
            def best_epoch(train_costs, val_costs):
                return int(np.argmax(val_costs)) + 1
            """,
        ),
        (
            "last_of_ties",
            """
            def best_epoch(train_costs, val_costs):
                best, best_i = float("inf"), 0
                for i, c in enumerate(val_costs, start=1):
                    if c <= best:
                        best, best_i = c, i
                return best_i
            """,
        ),
        (
            "cost_not_epoch",
            """
            def best_epoch(train_costs, val_costs):
                return min(val_costs)
            """,
        ),
        (
            "first_rise",
            """
            def best_epoch(train_costs, val_costs):
                for i in range(1, len(val_costs)):
                    if val_costs[i] > val_costs[i - 1]:
                        return i
                return len(val_costs)
            """,
        ),
        (
            None,
            """
            def best_epoch(train_costs, val_costs):
                gap = np.array(val_costs) - np.array(train_costs)
                return int(np.argmin(gap)) + 1
            """,
        ),
        (
            "last_of_ties",
            """
            def best_epoch(train_costs, val_costs):
                return len(val_costs) - int(np.argmin(val_costs[::-1]))
            """,
        ),
        (
            "sum_of_curves",
            """
            def best_epoch(train_costs, val_costs):
                total = np.array(train_costs) + np.array(val_costs)
                return int(np.argmin(total)) + 1
            """,
        ),
        (
            "float_epoch",
            """
            def best_epoch(train_costs, val_costs):
                return np.argmin(val_costs) + 1.0
            """,
        ),
        (
            "first_skipped",
            """
            def best_epoch(train_costs, val_costs):
                return int(np.argmin(val_costs[1:])) + 2
            """,
        ),
        (
            "last_skipped",
            """
            def best_epoch(train_costs, val_costs):
                best = 0
                for i in range(1, len(val_costs) - 1):
                    if val_costs[i] < val_costs[best]:
                        best = i
                return best + 1
            """,
        ),
    ],
    "check_digits_classifier": [
        (
            "not_softmax",
            """
            from annlib import Network, datasets, fit
            from annlib.losses import MSE, CrossEntropy

            def train_digits_classifier(X_train, Y_train):
                net = Network.from_sizes([64, 32, 10], activation="relu", output_activation="sigmoid", rng=2)
                fit(net, X_train, Y_train, MSE(), "adam", learning_rate=0.01, epochs=15, batch_size=32,
                    rng=2, progress=False)
                return net
            """,
        ),
        (
            "no_seed",
            """
            from annlib import Network, datasets, fit
            from annlib.losses import MSE, CrossEntropy

            def train_digits_classifier(X_train, Y_train):
                net = Network.from_sizes([64, 32, 10], activation="relu", output_activation="softmax")
                fit(net, X_train, Y_train, CrossEntropy(), "adam", learning_rate=0.01, epochs=15, batch_size=32,
                    progress=False)
                return net
            """,
        ),
    ],
    "check_digits_from_scratch": [
        (
            "rng_ignored",
            """
            from annlib.scratch import backward, cost, forward, initialize, output_delta, train, update

            def train_digits_from_scratch(X_train, Y_train, rng):
                acts = ["tanh", "softmax"]
                params = initialize([64, 32, 10], np.random.default_rng(0))
                params, _ = train(params, X_train, Y_train, acts, "cross_entropy", learning_rate=0.1, epochs=15,
                                  batch_size=16, rng=np.random.default_rng(0))
                return params, acts
            """,
        ),
        (
            "untrained",
            """
            from annlib.scratch import backward, cost, forward, initialize, output_delta, train, update

            def train_digits_from_scratch(X_train, Y_train, rng):
                acts = ["tanh", "softmax"]
                params = initialize([64, 32, 10], rng)
                params, _ = train(params, X_train, Y_train, acts, "cross_entropy", learning_rate=0.001, epochs=2,
                                  batch_size=16, rng=rng)
                return params, acts
            """,
        ),
    ],
    "check_error_in_units": [
        (
            "not_inverted",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                return float(np.mean(np.abs(y_pred_scaled - y_true)))
            """,
        ),
        (
            "scaled_units",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                return float(np.mean(np.abs(y_pred_scaled - y_scaler.transform(y_true))))
            """,
        ),
        (
            "transform_instead",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_scaler.transform(y_pred_scaled)
                return float(np.mean(np.abs(y_pred - y_true)))
            """,
        ),
        (
            "no_mean_added",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_pred_scaled * y_scaler.std
                return float(np.mean(np.abs(y_pred - y_true)))
            """,
        ),
        (
            "inverse_order",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = (y_pred_scaled + y_scaler.mean) * y_scaler.std
                return float(np.mean(np.abs(y_pred - y_true)))
            """,
        ),
        (
            "squared",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_scaler.inverse_transform(y_pred_scaled)
                return float(np.mean((y_pred - y_true) ** 2))
            """,
        ),
        (
            "root_mean_squared",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_scaler.inverse_transform(y_pred_scaled)
                return float(np.sqrt(np.mean((y_pred - y_true) ** 2)))
            """,
        ),
        (
            "abs_of_mean",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_scaler.inverse_transform(y_pred_scaled)
                return float(np.abs(np.mean(y_pred - y_true)))
            """,
        ),
        (
            "summed",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_scaler.inverse_transform(y_pred_scaled)
                return float(np.sum(np.abs(y_pred - y_true)))
            """,
        ),
        (
            "broadcast",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_scaler.inverse_transform(y_pred_scaled)
                return float(np.mean(np.abs(y_pred.ravel() - y_true)))
            """,
        ),
        (
            None,
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_pred_scaled * y_scaler.std + y_true.mean()
                return float(np.mean(np.abs(y_pred - y_true)))
            """,
        ),
        (
            None,
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_scaler.inverse_transform(y_pred_scaled)
                return float(np.mean(np.abs(y_pred - y_true) / np.abs(y_true)))
            """,
        ),
        (
            "divided_by_std",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_pred_scaled / y_scaler.std + y_scaler.mean
                return float(np.mean(np.abs(y_pred - y_true)))
            """,
        ),
    ],
    "check_most_confused": [
        (
            "diagonal_included",
            """
            def most_confused(counts):
                i, j = np.unravel_index(np.argmax(counts), counts.shape)
                return int(i), int(j)
            """,
        ),
        (
            "changed_counts",
            """
            def most_confused(counts):
                np.fill_diagonal(counts, 0)
                i, j = np.unravel_index(np.argmax(counts), counts.shape)
                return int(i), int(j)
            """,
        ),
        (
            "swapped",
            """
            def most_confused(counts):
                c = counts.copy()
                np.fill_diagonal(c, 0)
                j, i = np.unravel_index(np.argmax(c), c.shape)
                return int(i), int(j)
            """,
        ),
        (
            None,
            """
            def most_confused(counts):
                c = counts.copy()
                np.fill_diagonal(c, 0)
                return int(np.argmax(c)), int(np.argmax(c))
            """,
        ),
        (
            None,
            """
            def most_confused(counts):
                c = counts.copy()
                np.fill_diagonal(c, 0)
                return int(np.argmax(c.max(axis=1))), int(np.argmax(c.max(axis=0)))
            """,
        ),
        (
            "smallest_of_zeroed",
            """
            def most_confused(counts):
                c = counts.copy()
                np.fill_diagonal(c, 0)
                i, j = np.unravel_index(np.argmin(c), c.shape)
                return int(i), int(j)
            """,
        ),
        (
            None,
            """
            def most_confused(counts):
                c = counts.copy()
                np.fill_diagonal(c, 0)
                idx = np.argmax(c)
                return idx // 10, idx % 10 + 1
            """,
        ),
        (
            "one_based",
            """
            def most_confused(counts):
                c = counts.copy()
                np.fill_diagonal(c, 0)
                i, j = np.unravel_index(np.argmax(c), c.shape)
                return int(i) + 1, int(j) + 1
            """,
        ),
        (
            None,
            """
            def most_confused(counts):
                c = counts + counts.T
                np.fill_diagonal(c, 0)
                i, j = np.unravel_index(np.argmax(c), c.shape)
                return int(i), int(j)
            """,
        ),
        (
            "row_then_column",
            """
            def most_confused(counts):
                c = counts.copy()
                np.fill_diagonal(c, 0)
                i = int(np.argmax(c.sum(axis=1)))
                j = int(np.argmax(c[i]))
                return i, j
            """,
        ),
        (
            None,
            """
            def most_confused(counts):
                c = counts.copy()
                np.fill_diagonal(c, 0)
                i, j = np.unravel_index(np.argmax(c), c.shape)
                return c[i, j], (int(i), int(j))
            """,
        ),
        (
            "upper_only",
            """
            def most_confused(counts):
                best, pair = 0, None
                for i in range(len(counts)):
                    for j in range(i + 1, len(counts)):
                        if counts[i, j] > best:
                            best, pair = counts[i, j], (i, j)
                return pair
            """,
        ),
    ],
    "check_scale_and_encode": [
        (
            "classes_from_batch",
            """
            from annlib import Network, datasets, fit
            from annlib.losses import MSE, CrossEntropy

            def scale_and_encode(X, y):
                return X / 16, datasets.one_hot(y)
            """,
        ),
        (
            "own_maximum",
            """
            def scale_and_encode(X, y):
                return X / X.max(), np.eye(10)[y]
            """,
        ),
        (
            "divided_by_255",
            """
            def scale_and_encode(X, y):
                return X / 255, np.eye(10)[y]
            """,
        ),
        (
            "floor_division",
            """
            def scale_and_encode(X, y):
                return X // 16, np.eye(10)[y]
            """,
        ),
        (
            "scaled_in_place",
            """
            def scale_and_encode(X, y):
                X /= 16
                return X, np.eye(10)[y]
            """,
        ),
        (
            "transposed_Y",
            """
            def scale_and_encode(X, y):
                return X / 16, np.eye(10)[:, y]
            """,
        ),
        (
            "standardized",
            """
            def scale_and_encode(X, y):
                return (X - X.mean()) / X.std(), np.eye(10)[y]
            """,
        ),
        (
            "classes_counted",
            """
            def scale_and_encode(X, y):
                return X / 16, np.eye(len(np.unique(y)))[y]
            """,
        ),
        (
            None,
            """
            def scale_and_encode(X, y):
                return X / 16, y.reshape(-1, 1)
            """,
        ),
        (
            None,
            """
            def scale_and_encode(X, y):
                Y = np.zeros((len(y), 10))
                Y[:, y] = 1
                return X / 16, Y
            """,
        ),
        (
            "shifted_labels",
            """
            def scale_and_encode(X, y):
                Y = np.zeros((len(y), 10))
                Y[np.arange(len(y)), y - 1] = 1
                return X / 16, Y
            """,
        ),
        (
            None,
            """
            def scale_and_encode(X, y):
                return X / 15, np.eye(10)[y]
            """,
        ),
        (
            None,
            """
            def scale_and_encode(X, y):
                return X / 16, np.eye(10, dtype=int)[y] * 16
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
    "check_scale_and_encode": [
        (
            "from annlib import datasets\n"
            "\n"
            "def scale_and_encode(X, y):\n"
            '    """(X / 16, one-hot Y of shape (n_samples, 10)) for digit pixels X (n, 64) and labels '
            'y (n,)."""\n'
            "    return X / 16, datasets.one_hot(y, 10)\n"
        ),
        """
            def scale_and_encode(X, y):
                X_scaled = np.asarray(X, dtype=float) / 16.0
                Y = np.eye(10)[np.asarray(y, dtype=int)]
                return X_scaled, Y
        """,
        """
            def scale_and_encode(X, y):
                n = len(y)
                Y = np.zeros((n, 10))
                for i in range(n):
                    Y[i, int(y[i])] = 1.0
                return X / 16.0, Y
        """,
        """
            def scale_and_encode(X, y):
                classes = np.arange(10)
                Y = (np.asarray(y).reshape(-1, 1) == classes).astype(float)
                return np.divide(X, 16.0), Y
        """,
        """
            from annlib import datasets

            def scale_and_encode(X, y):
                MAX_PIXEL = 16          # pixels are counts 0..16, whatever this batch's largest is
                N_CLASSES = 10          # so a batch with no 9 still has 10 columns
                X_scaled = X.astype(np.float64) / MAX_PIXEL
                Y = datasets.one_hot(np.asarray(y).astype(int), N_CLASSES)
                return X_scaled, Y
        """,
    ],
    "check_most_confused": [
        (
            "def most_confused(counts):\n"
            '    """(true_class, predicted_class) of the largest off-diagonal entry of a confusion matrix."""\n'
            "    off = np.array(counts, copy=True)\n"
            "    np.fill_diagonal(off, -1)\n"
            "    row, col = np.unravel_index(np.argmax(off), off.shape)\n"
            "    return int(row), int(col)\n"
        ),
        """
            def most_confused(counts):
                best, pair = -1, (0, 1)
                for i in range(counts.shape[0]):
                    for j in range(counts.shape[1]):
                        if i != j and counts[i, j] > best:
                            best, pair = counts[i, j], (i, j)
                return pair
        """,
        """
            def most_confused(counts):
                masked = np.where(np.eye(len(counts), dtype=bool), -np.inf, counts)
                index = np.argmax(masked)
                true_class, predicted_class = np.unravel_index(index, masked.shape)
                return int(true_class), int(predicted_class)
        """,
        """
            def most_confused(counts):
                mistakes = counts.copy()
                np.fill_diagonal(mistakes, 0)
                flat = mistakes.argmax()
                n_cols = mistakes.shape[1]
                return int(flat // n_cols), int(flat % n_cols)
        """,
        """
            def most_confused(counts):
                pairs = [(counts[i][j], i, j) for i in range(len(counts)) for j in range(len(counts)) if i != j]
                value, i, j = max(pairs, key=lambda t: t[0])
                return int(i), int(j)
        """,
    ],
    "check_error_in_units": [
        (
            "def error_in_units(y_pred_scaled, y_true, y_scaler):\n"
            '    """Mean absolute error in the data\'s units, from standardized predictions (n, 1) and t'
            'rue y (n, 1)."""\n'
            "    y_pred = y_scaler.inverse_transform(y_pred_scaled)\n"
            "    return float(np.mean(np.abs(y_pred - y_true)))\n"
        ),
        """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_pred_scaled * y_scaler.std + y_scaler.mean
                return np.abs(y_pred - y_true).mean()
        """,
        """
            from annlib.metrics import mean_absolute_error

            def error_in_units(y_pred_scaled, y_true, y_scaler):
                return mean_absolute_error(y_scaler.inverse_transform(y_pred_scaled), y_true)
        """,
        """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_scaler.inverse_transform(np.asarray(y_pred_scaled, dtype=float).reshape(-1, 1))
                y_true = np.asarray(y_true, dtype=float).reshape(-1, 1)
                total = 0.0
                for predicted, actual in zip(y_pred[:, 0], y_true[:, 0]):
                    total += abs(predicted - actual)
                return total / len(y_true)
        """,
        """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                # the MAE in standard deviations, times one standard deviation, is the MAE in units
                y_true_scaled = y_scaler.transform(y_true)
                mae_scaled = np.mean(np.abs(y_pred_scaled - y_true_scaled))
                return float(mae_scaled * y_scaler.std[0])
        """,
    ],
    "check_best_epoch": [
        (
            "def best_epoch(train_costs, val_costs):\n"
            '    """The epoch (counted from 1) with the lowest validation cost, the earliest if several'
            ' tie."""\n'
            "    return int(np.argmin(val_costs)) + 1\n"
        ),
        """
            def best_epoch(train_costs, val_costs):
                best_index = 0
                for i in range(1, len(val_costs)):
                    if val_costs[i] < val_costs[best_index]:     # strict: a tie keeps the earlier epoch
                        best_index = i
                return best_index + 1
        """,
        """
            def best_epoch(train_costs, val_costs):
                return list(val_costs).index(min(val_costs)) + 1
        """,
        """
            def best_epoch(train_costs, val_costs):
                return min(enumerate(val_costs, start=1), key=lambda pair: pair[1])[0]
        """,
        """
            def best_epoch(train_costs, val_costs):
                # the training curve only ever falls; the validation curve tells when the network generalises best
                val = np.asarray(val_costs, dtype=float)
                lowest = val.min()
                epochs = np.flatnonzero(val == lowest) + 1
                return int(epochs[0])
        """,
    ],
}
_ROUND4_WRONG = {
    "check_scale_and_encode": [
        # Scales by the batch's own maximum (X / X.max()) instead of 16, wrong for faint digits.
        (
            "own_maximum",
            """
            from annlib import datasets

            def scale_and_encode(X, y):
                return X / X.max(), datasets.one_hot(y, 10)
        """,
        ),
        # Lets one_hot count the classes (no 10), so a batch without a 9 gets only 9 columns.
        (
            "classes_from_batch",
            """
            from annlib import datasets

            def scale_and_encode(X, y):
                return X / 16, datasets.one_hot(y)
        """,
        ),
        # Divides by 255 as for 8-bit images, although these pixels go from 0 to 16.
        (
            "divided_by_255",
            """
            from annlib import datasets

            def scale_and_encode(X, y):
                return X / 255.0, datasets.one_hot(y, 10)
        """,
        ),
        # Standardizes the pixels (mean 0, std 1) instead of dividing by 16.
        (
            "standardized_columns",
            """
            from annlib import datasets

            def scale_and_encode(X, y):
                std = X.std(axis=0)
                std[std == 0] = 1.0
                return (X - X.mean(axis=0)) / std, datasets.one_hot(y, 10)
        """,
        ),
        # Integer division X // 16 turns every pixel below 16 into 0.
        (
            "floor_division",
            """
            from annlib import datasets

            def scale_and_encode(X, y):
                return X // 16, datasets.one_hot(y, 10)
        """,
        ),
        # Off-by-one one-hot: shifts labels by one (y - 1), so digit 0 lands in the last column.
        (
            "shifted_labels",
            """
            def scale_and_encode(X, y):
                return X / 16, np.eye(10)[np.asarray(y) - 1]
        """,
        ),
        # Returns the one-hot matrix transposed, shape (10, n_samples).
        (
            "transposed_Y",
            """
            from annlib import datasets

            def scale_and_encode(X, y):
                return X / 16, datasets.one_hot(y, 10).T
        """,
        ),
        # Scales X in place (X /= 16), changing the caller's array (and failing on integer pixels).
        (
            "scaled_in_place",
            """
            from annlib import datasets

            def scale_and_encode(X, y):
                X /= 16
                return X, datasets.one_hot(y, 10)
        """,
        ),
    ],
    "check_most_confused": [
        # Fills the diagonal of counts itself (no copy), changing the caller's confusion matrix.
        (
            "changed_counts",
            """
            def most_confused(counts):
                np.fill_diagonal(counts, 0)
                row, col = np.unravel_index(np.argmax(counts), counts.shape)
                return int(row), int(col)
        """,
        ),
        # Does not remove the diagonal, so it finds the most often correct class (i, i).
        (
            "diagonal_included",
            """
            def most_confused(counts):
                row, col = np.unravel_index(np.argmax(counts), counts.shape)
                return int(row), int(col)
        """,
        ),
        # Returns (predicted_class, true_class): row and column swapped.
        (
            "swapped",
            """
            def most_confused(counts):
                off = counts.copy()
                np.fill_diagonal(off, 0)
                row, col = np.unravel_index(np.argmax(off), off.shape)
                return int(col), int(row)
        """,
        ),
        # Returns the flat argmax index instead of a (row, column) pair.
        (
            "flat_index",
            """
            def most_confused(counts):
                off = counts.copy()
                np.fill_diagonal(off, 0)
                return int(np.argmax(off))
        """,
        ),
        # Takes argmax along axis 0 (column maxima) and reads the wrong row/column pair from it.
        (
            None,
            """
            def most_confused(counts):
                off = counts.copy()
                np.fill_diagonal(off, 0)
                col = int(np.argmax(off.max(axis=0)))
                row = int(np.argmax(off[col]))
                return row, col
        """,
        ),
        # Uses argmin instead of argmax after zeroing the diagonal.
        (
            "smallest_of_zeroed",
            """
            def most_confused(counts):
                off = counts.copy()
                np.fill_diagonal(off, 0)
                row, col = np.unravel_index(np.argmin(off), off.shape)
                return int(row), int(col)
        """,
        ),
        # Off-by-one: returns 1-based class numbers (row + 1, col + 1).
        (
            "one_based",
            """
            def most_confused(counts):
                off = counts.copy()
                np.fill_diagonal(off, 0)
                row, col = np.unravel_index(np.argmax(off), off.shape)
                return int(row) + 1, int(col) + 1
        """,
        ),
    ],
    "check_error_in_units": [
        # Reports the MAE in standardized units, never undoing the scaling (and compares with unscaled targets).
        (
            "not_inverted",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                return float(np.mean(np.abs(y_pred_scaled - y_true)))
        """,
        ),
        # Applies transform instead of inverse_transform to the predictions.
        (
            "transform_instead",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_scaler.transform(y_pred_scaled)
                return float(np.mean(np.abs(y_pred - y_true)))
        """,
        ),
        # Forgets to add the mean back: y_pred = y_s * s only.
        (
            "no_mean_added",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_pred_scaled * y_scaler.std
                return float(np.mean(np.abs(y_pred - y_true)))
        """,
        ),
        # Returns the root mean squared error instead of the mean absolute error.
        (
            "root_mean_squared",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_scaler.inverse_transform(y_pred_scaled)
                return float(np.sqrt(np.mean((y_pred - y_true) ** 2)))
        """,
        ),
        # Forgets the absolute value: signed errors cancel out.
        (
            "signed",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_scaler.inverse_transform(y_pred_scaled)
                return float(np.mean(y_pred - y_true))
        """,
        ),
        # Sums the absolute errors instead of averaging them.
        (
            "summed",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_scaler.inverse_transform(y_pred_scaled)
                return float(np.sum(np.abs(y_pred - y_true)))
        """,
        ),
        # Inverts the scaling the wrong way round: y_s * mean + std.
        (
            None,
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_pred_scaled * y_scaler.mean + y_scaler.std
                return float(np.mean(np.abs(y_pred - y_true)))
        """,
        ),
        # Flattens only the predictions to (n,), so (n,) - (n, 1) broadcasts to an (n, n) matrix of differences.
        (
            "broadcast",
            """
            def error_in_units(y_pred_scaled, y_true, y_scaler):
                y_pred = y_scaler.inverse_transform(y_pred_scaled).ravel()
                return float(np.mean(np.abs(y_pred - y_true)))
        """,
        ),
    ],
    "check_best_epoch": [
        # Uses the training curve instead of the validation curve (it keeps falling, so it picks the last epoch).
        (
            "training_curve",
            """
            def best_epoch(train_costs, val_costs):
                return int(np.argmin(train_costs)) + 1
        """,
        ),
        # Forgets that epochs count from 1: returns the 0-based index.
        (
            "zero_based",
            """
            def best_epoch(train_costs, val_costs):
                return int(np.argmin(val_costs))
        """,
        ),
        # Uses argmax, the epoch of the highest validation cost.
        (
            "argmax",
            """
            def best_epoch(train_costs, val_costs):
                return int(np.argmax(val_costs)) + 1
        """,
        ),
        # With ties, returns the last lowest epoch instead of the earliest (<= in the loop).
        (
            "last_of_ties",
            """
            def best_epoch(train_costs, val_costs):
                best = 0
                for i, c in enumerate(val_costs):
                    if c <= val_costs[best]:
                        best = i
                return best + 1
        """,
        ),
        # Picks the epoch where the training and validation costs are closest, a wrong idea of "best".
        (
            "smallest_gap",
            """
            def best_epoch(train_costs, val_costs):
                gap = np.abs(np.asarray(val_costs) - np.asarray(train_costs))
                return int(np.argmin(gap)) + 1
        """,
        ),
        # Returns the lowest validation cost itself instead of its epoch.
        (
            "cost_not_epoch",
            """
            def best_epoch(train_costs, val_costs):
                return min(val_costs)
        """,
        ),
        # Stops at the first epoch whose validation cost rises (the first small bump), not at the overall minimum.
        (
            "first_rise",
            """
            def best_epoch(train_costs, val_costs):
                for i in range(1, len(val_costs)):
                    if val_costs[i] > val_costs[i - 1]:
                        return i
                return len(val_costs)
        """,
        ),
    ],
}

for _name, _sources in _ROUND4_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_sources)
for _name, _answers in _ROUND4_WRONG.items():
    WRONG.setdefault(_name, []).extend(_answers)
