"""Exercise 07: learner-style answers (see tests/corpus/__init__.py)."""

# What the notebook's cells before Parts 6 and 7 give: the course's scratch functions and an update.
_SCRATCH = """
from annlib.scratch import backward, cost, forward, initialize, output_delta

def update(params, grads, learning_rate):
    return [(W - learning_rate * gW, b - learning_rate * gb) for (W, b), (gW, gb) in zip(params, grads)]
"""

# train's body from the epoch's cost on, for answers that differ only before it
_RULES = """
        if not np.isfinite(epoch_cost):
            raise FloatingPointError(f"the cost became {epoch_cost} in epoch {epoch + 1}")
        history.append(epoch_cost)
        if target_cost is not None and epoch_cost <= target_cost:
            break
        if epoch_cost < best:
            best, waited = epoch_cost, 0
        else:
            waited += 1
            if patience is not None and waited >= patience:
                break
    return params, history
"""


def _train(loop, rules=_RULES):
    """A train whose epoch loop is `loop` (ending with epoch_cost computed) and whose rules are `rules`."""
    head = (
        "def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,\n"
        "          target_cost=None, patience=None):\n"
        "    history, best, waited = [], np.inf, 0\n"
        "    for epoch in range(epochs):\n"
    )
    return _SCRATCH + head + loop + rules


_LOOP = """
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            Y_hat, caches = forward(params, X[batch], activations)
            grads = backward(params, caches, output_delta(Y_hat, Y[batch], kind))
            params = update(params, grads, learning_rate)
        epoch_cost = cost(forward(params, X, activations)[0], Y, kind)
"""

_MOONS = """
from annlib import Network, datasets, fit
from annlib.losses import BinaryCrossEntropy, CrossEntropy

def train_moons_classifier(X, y):
"""

_CHOOSE = """
import copy
from annlib.scratch import train

def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
"""

CORRECT = {
    "check_sgd_step": [
        "def sgd_step(params, grads, learning_rate):\n    for p, g in zip(params, grads):\n"
        "        p -= learning_rate * g\n",
        "def sgd_step(params, grads, learning_rate):\n    for i in range(len(params)):\n"
        "        params[i] -= learning_rate * grads[i]\n",
        "def sgd_step(params, grads, learning_rate):\n    for p, g in zip(params, grads):\n"
        "        p[...] = p - learning_rate * g\n",
        "def sgd_step(params, grads, learning_rate):\n    for p, g in zip(params, grads):\n"
        "        np.subtract(p, learning_rate * g, out=p)\n",
        "def sgd_step(params, grads, learning_rate):\n    for p, g in zip(params, grads):\n"
        "        p[:] = p - learning_rate * g\n",
        "def sgd_step(params, grads, learning_rate):\n    for p, g in zip(params, grads):\n"
        "        p += -learning_rate * g\n    return params\n",
        "def sgd_step(params, grads, learning_rate):\n    for i, g in enumerate(grads):\n"
        "        params[i] -= g * learning_rate\n",
    ],
    "check_momentum_step": [
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for param, grad, velocity in zip(params, grads, velocities):
                velocity *= momentum
                velocity -= learning_rate * grad
                param += velocity
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v[:] = momentum * v - learning_rate * g
                p += v
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for i in range(len(params)):
                velocities[i] *= momentum
                velocities[i] -= learning_rate * grads[i]
                params[i] += velocities[i]
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                np.multiply(v, momentum, out=v)
                np.subtract(v, learning_rate * g, out=v)
                np.add(p, v, out=p)
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v[...] = momentum * v - learning_rate * g
                p[...] = p + v
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for k, (p, g) in enumerate(zip(params, grads)):
                velocities[k][:] = velocities[k] * momentum + (-learning_rate) * g
                p += velocities[k]
            return params, velocities
        """,
    ],
    "check_minibatches": [
        """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            for start in range(0, len(X), batch_size):
                batch = order[start:start + batch_size]
                yield X[batch], y[batch]
        """,
        """
        def minibatches(X, y, batch_size, rng):
            idx = np.arange(len(X))
            rng.shuffle(idx)
            for i in range(0, len(idx), batch_size):
                yield X[idx[i:i + batch_size]], y[idx[i:i + batch_size]]
        """,
        """
        def minibatches(X, y, batch_size, rng):
            perm = rng.permutation(X.shape[0])
            X_shuffled, y_shuffled = X[perm], y[perm]
            for i in range(0, len(X), batch_size):
                yield X_shuffled[i:i + batch_size], y_shuffled[i:i + batch_size]
        """,
        """
        import math

        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(y))
            for k in range(math.ceil(len(X) / batch_size)):
                rows = order[k * batch_size:(k + 1) * batch_size]
                yield X[rows], y[rows]
        """,
        """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            start = 0
            while start < len(X):
                rows = order[start:start + batch_size]
                yield (X[rows], y[rows])
                start += batch_size
        """,
        """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            return [(X[order[i:i + batch_size]], y[order[i:i + batch_size]]) for i in range(0, len(X), batch_size)]
        """,
        """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            yield from ((X[order[s:s + batch_size]], y[order[s:s + batch_size]]) for s in range(0, len(X), batch_size))
        """,
    ],
    "check_moons_classifier": [
        _MOONS
        + """
            network = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="sigmoid", rng=0)
            fit(network, X, y, BinaryCrossEntropy(), "adam", learning_rate=0.02, epochs=200, batch_size=32,
                rng=0, progress=False)
            return network
        """,
        # two classes as a 2-unit softmax, with one-hot targets: the text does not rule it out
        _MOONS
        + """
            network = Network.from_sizes([2, 16, 2], activation="tanh", output_activation="softmax", rng=1)
            fit(network, X, datasets.one_hot(y), CrossEntropy(), "adam", learning_rate=0.03, epochs=80,
                batch_size=32, rng=1, progress=False)
            return network
        """,
        _MOONS
        + """
            network = Network.from_sizes([2, 32, 1], activation="relu", output_activation="sigmoid", rng=3)
            fit(network, X, y.reshape(-1, 1), "binary_cross_entropy", "adam", learning_rate=0.02, epochs=100,
                batch_size=32, rng=3, progress=False)
            return network
        """,
        _MOONS
        + """
            net = Network.from_sizes([2, 10, 10, 1], activation="tanh", output_activation="sigmoid", rng=7)
            fit(net, X, y, BinaryCrossEntropy(), "momentum", learning_rate=0.1, epochs=100, batch_size=20,
                rng=7, progress=False)
            return net
        """,
        _MOONS
        + """
            network = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="sigmoid", rng=0)
            history = fit(network, X, y, BinaryCrossEntropy(), "sgd", learning_rate=1.0, epochs=120,
                          batch_size=20, rng=0, progress=False)
            return network
        """,
        _MOONS
        + """
            from annlib.optimizers import Adam
            network = Network.from_sizes([2, 8, 8, 2], activation="relu", output_activation="softmax", rng=5)
            fit(network, X, datasets.one_hot(y, 2), "cross_entropy", Adam(0.02), epochs=100, batch_size=30,
                rng=5, progress=False)
            return network
        """,
    ],
    "check_update": [
        "def update(params, grads, learning_rate):\n"
        "    return [(W - learning_rate * gW, b - learning_rate * gb) for (W, b), (gW, gb) in zip(params, grads)]\n",
        """
        def update(params, grads, learning_rate):
            new_params = []
            for (W, b), (grad_W, grad_b) in zip(params, grads):
                new_params.append((W - learning_rate * grad_W, b - learning_rate * grad_b))
            return new_params
        """,
        """
        def update(params, grads, learning_rate):
            new = []
            for i in range(len(params)):
                W, b = params[i]
                new.append((np.subtract(W, learning_rate * grads[i][0]), np.subtract(b, learning_rate * grads[i][1])))
            return new
        """,
        """
        def update(params, grads, learning_rate):
            new = []
            for (W, b), (gW, gb) in zip(params, grads):
                W, b = W.copy(), b.copy()
                W -= learning_rate * gW
                b -= learning_rate * gb
                new.append((W, b))
            return new
        """,
        # pairs as lists: the text does not rule them out
        "def update(params, grads, learning_rate):\n"
        "    return [[p - learning_rate * g for p, g in zip(layer, grad)] for layer, grad in zip(params, grads)]\n",
        """
        import copy

        def update(params, grads, learning_rate):
            params = copy.deepcopy(params)
            for i, (gW, gb) in enumerate(grads):
                W, b = params[i]
                params[i] = (W - learning_rate * gW, b - learning_rate * gb)
            return params
        """,
    ],
    "check_train": [
        _train(_LOOP),
        # the output delta and the cost computed by hand, right
        _train(
            """
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            rows = order[start:start + batch_size]
            Y_hat, caches = forward(params, X[rows], activations)
            if kind == "mse":
                delta = 2 * (Y_hat - Y[rows]) / Y_hat.size
            else:
                delta = (Y_hat - Y[rows]) / len(rows)
            params = update(params, backward(params, caches, delta), learning_rate)
        Y_hat = forward(params, X, activations)[0]
        if kind == "mse":
            epoch_cost = np.mean((Y_hat - Y) ** 2)
        else:
            epoch_cost = -np.sum(Y * np.log(np.clip(Y_hat, 1e-12, 1))) / len(Y)
"""
        ),
        _train(
            """
        X_s, Y_s = X[(p := rng.permutation(len(X)))], Y[p]
        for start in range(0, len(X), batch_size):
            Y_hat, caches = forward(params, X_s[start:start + batch_size], activations)
            grads = backward(params, caches, output_delta(Y_hat, Y_s[start:start + batch_size], kind))
            params = update(params, grads, learning_rate)
        epoch_cost = cost(forward(params, X_s, activations)[0], Y_s, kind)
"""
        ),
        # patience read from the history, divergence with math.isfinite
        _SCRATCH
        + """
import math

def minibatches(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        yield X[order[start:start + batch_size]], y[order[start:start + batch_size]]

def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
          target_cost=None, patience=None):
    history = []
    for epoch in range(1, epochs + 1):
        for X_batch, Y_batch in minibatches(X, Y, batch_size, rng):
            Y_hat, caches = forward(params, X_batch, activations)
            params = update(params, backward(params, caches, output_delta(Y_hat, Y_batch, kind)), learning_rate)
        c = cost(forward(params, X, activations)[0], Y, kind)
        if not math.isfinite(c):
            raise FloatingPointError("training diverged in epoch " + str(epoch))
        history.append(c)
        if target_cost is not None and c <= target_cost:
            break
        if patience is not None and len(history) > patience and min(history[-patience:]) >= min(history[:-patience]):
            break
    return params, history
""",
        # a while loop, np.isnan or np.isinf, an index array shuffled by rng
        _SCRATCH
        + """
def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
          target_cost=None, patience=None):
    history, best_cost, bad_epochs, epoch = [], float("inf"), 0, 0
    while epoch < epochs:
        epoch += 1
        idx = np.arange(X.shape[0])
        rng.shuffle(idx)
        for i in range(0, X.shape[0], batch_size):
            b = idx[i:i + batch_size]
            out, caches = forward(params, X[b], activations)
            params = update(params, backward(params, caches, output_delta(out, Y[b], kind)), learning_rate)
        c = cost(forward(params, X, activations)[0], Y, kind)
        if np.isnan(c) or np.isinf(c):
            raise FloatingPointError(f"epoch {epoch}: cost {c}")
        history.append(float(c))
        if target_cost is not None and c <= target_cost:
            return params, history
        if c < best_cost:
            best_cost, bad_epochs = c, 0
        else:
            bad_epochs += 1
        if patience is not None and bad_epochs == patience:
            return params, history
    return params, history
""",
        # the history as a numpy array at the end, one update per batch written out
        _train(
            """
        order = rng.permutation(len(X))
        n_batches = (len(X) + batch_size - 1) // batch_size
        for k in range(n_batches):
            rows = order[k * batch_size:(k + 1) * batch_size]
            Y_hat, caches = forward(params, X[rows, :], activations)
            delta = output_delta(Y_hat, Y[rows, :], kind)
            grads = backward(params, caches, delta)
            params = update(params, grads, learning_rate)
        epoch_cost = float(cost(forward(params, X, activations)[0], Y, kind))
""",
            _RULES.replace("    return params, history", "    return params, list(np.array(history))"),
        ),
    ],
    "check_choose_learning_rate": [
        _CHOOSE
        + """
            best_rate, best_cost = None, np.inf
            for rate in rates:
                try:
                    _, history = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                       batch_size=batch_size, rng=copy.deepcopy(rng))
                    final_cost = history[-1]
                except FloatingPointError:
                    final_cost = np.inf
                if np.isfinite(final_cost) and final_cost < best_cost:
                    best_rate, best_cost = rate, final_cost
            return best_rate
        """,
        _CHOOSE
        + """
            finals = []
            for rate in rates:
                try:
                    history = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                    batch_size=batch_size, rng=copy.deepcopy(rng))[1]
                    finals.append(history[-1] if np.isfinite(history[-1]) else np.inf)
                except FloatingPointError:
                    finals.append(np.inf)
            return rates[int(np.argmin(finals))]
        """,
        _CHOOSE
        + """
            costs = {}
            for rate in rates:
                try:
                    costs[rate] = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                        batch_size=batch_size, rng=copy.deepcopy(rng))[1][-1]
                except FloatingPointError:
                    costs[rate] = float("inf")
                if costs[rate] != costs[rate]:  # nan
                    costs[rate] = float("inf")
            return min(costs, key=costs.get)
        """,
        _CHOOSE
        + """
            import math
            best = None
            for rate in rates:
                run_rng = copy.deepcopy(rng)
                try:
                    _, history = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                       batch_size=batch_size, rng=run_rng)
                except FloatingPointError:
                    continue
                final = history[-1]
                if math.isnan(final) or math.isinf(final):
                    continue
                if best is None or final < best[1]:
                    best = (rate, final)
            return best[0]
        """,
        _CHOOSE
        + """
            state = rng.bit_generator.state
            results = []
            for rate in rates:
                run = np.random.default_rng()
                run.bit_generator.state = state
                try:
                    history = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                    batch_size=batch_size, rng=run)[1]
                    results.append((history[-1] if np.isfinite(history[-1]) else np.inf, rate))
                except FloatingPointError:
                    results.append((np.inf, rate))
            return sorted(results, key=lambda r: r[0])[0][1]
        """,
        _CHOOSE
        + """
            finals = np.full(len(rates), np.inf)
            for i, rate in enumerate(rates):
                try:
                    _, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                 batch_size=batch_size, rng=copy.deepcopy(rng))
                    finals[i] = h[-1]
                except FloatingPointError:
                    pass
            finals[~np.isfinite(finals)] = np.inf
            return rates[np.argmin(finals)]
        """,
    ],
}


def _sgd(body):
    return "def sgd_step(params, grads, learning_rate):\n" + body


def _momentum(body):
    return "def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):\n" + body


def _batches(body):
    return "def minibatches(X, y, batch_size, rng):\n" + body


def _moons(body):
    return _MOONS + body


def _rules(old, new):
    return _RULES.replace(old, new)


WRONG = {
    "check_sgd_step": [
        ("ascent", _sgd("    for p, g in zip(params, grads):\n        p += learning_rate * g\n")),
        ("no_rate", _sgd("    for p, g in zip(params, grads):\n        p -= g\n")),
        ("not_in_place", _sgd("    for p, g in zip(params, grads):\n        p = p - learning_rate * g\n")),
        ("not_in_place", _sgd("    return [p - learning_rate * g for p, g in zip(params, grads)]\n")),
        (
            "list_items_replaced",
            _sgd("    for i in range(len(params)):\n        params[i] = params[i] - learning_rate * grads[i]\n"),
        ),
        ("first_only", _sgd("    for p, g in zip(params, grads):\n        p -= learning_rate * g\n        return\n")),
        ("rate_divides", _sgd("    for p, g in zip(params, grads):\n        p -= g / learning_rate\n")),
        ("mean_grad", _sgd("    for p, g in zip(params, grads):\n        p -= learning_rate * np.mean(g)\n")),
    ],
    "check_momentum_step": [
        (
            "momentum_ignored",
            _momentum(
                "    for p, g, v in zip(params, grads, velocities):\n"
                "        v[:] = 0.9 * v - learning_rate * g\n        p += v\n"
            ),
        ),
        (
            "velocity_not_in_place",
            _momentum(
                "    for p, g, v in zip(params, grads, velocities):\n"
                "        v = momentum * v - learning_rate * g\n        p += v\n"
            ),
        ),
        (
            "params_not_in_place",
            _momentum(
                "    for p, g, v in zip(params, grads, velocities):\n"
                "        v *= momentum\n        v -= learning_rate * g\n        p = p + v\n"
            ),
        ),
        (
            "list_items_replaced",
            _momentum(
                "    for i in range(len(params)):\n"
                "        velocities[i] = momentum * velocities[i] - learning_rate * grads[i]\n"
                "        params[i] = params[i] + velocities[i]\n"
            ),
        ),
        (
            "minus_velocity",
            _momentum(
                "    for p, g, v in zip(params, grads, velocities):\n"
                "        v *= momentum\n        v -= learning_rate * g\n        p -= v\n"
            ),
        ),
        (
            "old_velocity",
            _momentum(
                "    for p, g, v in zip(params, grads, velocities):\n"
                "        p += v\n        v *= momentum\n        v -= learning_rate * g\n"
            ),
        ),
        (
            "no_rate",
            _momentum(
                "    for p, g, v in zip(params, grads, velocities):\n"
                "        v *= momentum\n        v -= g\n        p += v\n"
            ),
        ),
        (
            "plain_sgd",
            _momentum("    for p, g in zip(params, grads):\n        p -= learning_rate * g\n"),
        ),
        (
            "grad_added",
            _momentum(
                "    for p, g, v in zip(params, grads, velocities):\n"
                "        v *= momentum\n        v += learning_rate * g\n        p -= v\n"
            ),
        ),
    ],
    "check_minibatches": [
        (
            "no_shuffle",
            _batches(
                "    for start in range(0, len(X), batch_size):\n"
                "        yield X[start:start + batch_size], y[start:start + batch_size]\n"
            ),
        ),
        (
            "empty_last_batch",
            _batches(
                "    order = rng.permutation(len(X))\n    for k in range(len(X) // batch_size + 1):\n"
                "        rows = order[k * batch_size:(k + 1) * batch_size]\n        yield X[rows], y[rows]\n"
            ),
        ),
        (
            "drop_last",
            _batches(
                "    order = rng.permutation(len(X))\n    for k in range(len(X) // batch_size):\n"
                "        rows = order[k * batch_size:(k + 1) * batch_size]\n        yield X[rows], y[rows]\n"
            ),
        ),
        (
            "unpaired",
            _batches(
                "    X_s, y_s = X[rng.permutation(len(X))], y[rng.permutation(len(y))]\n"
                "    for s in range(0, len(X), batch_size):\n"
                "        yield X_s[s:s + batch_size], y_s[s:s + batch_size]\n"
            ),
        ),
        (
            "unpaired",
            _batches(
                "    X_s = X[rng.permutation(len(X))]\n"
                "    for s in range(0, len(X), batch_size):\n"
                "        yield X_s[s:s + batch_size], y[s:s + batch_size]\n"
            ),
        ),
        (
            "order_not_from_rng",
            _batches(
                "    order = np.random.permutation(len(X))\n    for s in range(0, len(X), batch_size):\n"
                "        yield X[order[s:s + batch_size]], y[order[s:s + batch_size]]\n"
            ),
        ),
        (
            "order_not_from_rng",
            _batches(
                "    order = np.random.default_rng(0).permutation(len(X))\n"
                "    for s in range(0, len(X), batch_size):\n"
                "        yield X[order[s:s + batch_size]], y[order[s:s + batch_size]]\n"
            ),
        ),
        (
            "with_replacement",
            _batches(
                "    order = rng.integers(0, len(X), size=len(X))\n    for s in range(0, len(X), batch_size):\n"
                "        yield X[order[s:s + batch_size]], y[order[s:s + batch_size]]\n"
            ),
        ),
        (
            "shuffles_in_place",
            _batches(
                "    state = rng.bit_generator.state\n    rng.shuffle(X)\n    rng.bit_generator.state = state\n"
                "    rng.shuffle(y)\n    for s in range(0, len(X), batch_size):\n"
                "        yield X[s:s + batch_size], y[s:s + batch_size]\n"
            ),
        ),
        (
            "equal_sizes",
            _batches(
                "    order = rng.permutation(len(X))\n"
                "    for rows in np.array_split(order, -(-len(X) // batch_size)):\n        yield X[rows], y[rows]\n"
            ),
        ),
    ],
    "check_moons_classifier": [
        (
            "no_hidden_layer",
            _moons("""
            network = Network.from_sizes([2, 1], activation="sigmoid", rng=0)
            fit(network, X, y, BinaryCrossEntropy(), "adam", learning_rate=0.05, epochs=100, rng=0, progress=False)
            return network
            """),
        ),
        (
            "linear_hidden",
            _moons("""
            network = Network.from_sizes([2, 16, 1], activation="identity", output_activation="sigmoid", rng=0)
            fit(network, X, y, BinaryCrossEntropy(), "adam", learning_rate=0.02, epochs=100, rng=0, progress=False)
            return network
            """),
        ),
        (
            "history_returned",
            _moons("""
            network = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="sigmoid", rng=0)
            return fit(network, X, y, BinaryCrossEntropy(), "adam", learning_rate=0.02, epochs=100, rng=0,
                       progress=False)
            """),
        ),
        (
            "untrained",
            _moons("""
            network = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="sigmoid", rng=0)
            return network
            """),
        ),
        (
            "undertrained",
            _moons("""
            network = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="sigmoid", rng=0)
            fit(network, X, y, BinaryCrossEntropy(), "sgd", learning_rate=0.05, epochs=5, rng=0, progress=False)
            return network
            """),
        ),
        (
            "no_seed",
            _moons("""
            network = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="sigmoid")
            fit(network, X, y, BinaryCrossEntropy(), "adam", learning_rate=0.02, epochs=100, batch_size=32,
                progress=False)
            return network
            """),
        ),
        (
            "softmax_one_unit",
            _moons("""
            network = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="softmax", rng=0)
            fit(network, X, datasets.one_hot(y)[:, 1:], CrossEntropy(), "adam", learning_rate=0.02, epochs=50,
                rng=0, progress=False)
            return network
            """),
        ),
        (
            "diverged",
            _moons("""
            network = Network.from_sizes([2, 16, 1], activation="relu", output_activation="identity", rng=0)
            fit(network, X, y, "mse", "sgd", learning_rate=50.0, epochs=50, rng=0, progress=False)
            return network
            """),
        ),
        (
            "no_return",
            _moons("""
            network = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="sigmoid", rng=0)
            fit(network, X, y, BinaryCrossEntropy(), "adam", learning_rate=0.02, epochs=100, rng=0, progress=False)
            """),
        ),
    ],
    "check_update": [
        (
            "ascent",
            "def update(params, grads, learning_rate):\n"
            "    return [(W + learning_rate * gW, b + learning_rate * gb)\n"
            "            for (W, b), (gW, gb) in zip(params, grads)]\n",
        ),
        (
            "no_rate",
            "def update(params, grads, learning_rate):\n"
            "    return [(W - gW, b - gb) for (W, b), (gW, gb) in zip(params, grads)]\n",
        ),
        (
            "biases_unchanged",
            "def update(params, grads, learning_rate):\n"
            "    return [(W - learning_rate * gW, b) for (W, b), (gW, gb) in zip(params, grads)]\n",
        ),
        (
            "in_place",
            """
            def update(params, grads, learning_rate):
                for (W, b), (gW, gb) in zip(params, grads):
                    W -= learning_rate * gW
                    b -= learning_rate * gb
                return params
            """,
        ),
        (
            "list_items_replaced",
            """
            def update(params, grads, learning_rate):
                for i, ((W, b), (gW, gb)) in enumerate(zip(params, grads)):
                    params[i] = (W - learning_rate * gW, b - learning_rate * gb)
                return params
            """,
        ),
        (
            "pair_swapped",
            "def update(params, grads, learning_rate):\n"
            "    return [(b - learning_rate * gb, W - learning_rate * gW)\n"
            "            for (W, b), (gW, gb) in zip(params, grads)]\n",
        ),
        (
            "grads_swapped",
            "def update(params, grads, learning_rate):\n"
            "    return [(W - learning_rate * gb, b - learning_rate * gW)\n"
            "            for (W, b), (gW, gb) in zip(params, grads)]\n",
        ),
        (
            "no_return",
            """
            def update(params, grads, learning_rate):
                new_params = []
                for (W, b), (gW, gb) in zip(params, grads):
                    new_params.append((W - learning_rate * gW, b - learning_rate * gb))
            """,
        ),
        (
            "flat_list",
            """
            def update(params, grads, learning_rate):
                new = []
                for (W, b), (gW, gb) in zip(params, grads):
                    new += [W - learning_rate * gW, b - learning_rate * gb]
                return new
            """,
        ),
        (
            "grads_changed",
            """
            def update(params, grads, learning_rate):
                new = []
                for (W, b), (gW, gb) in zip(params, grads):
                    gW *= learning_rate
                    gb *= learning_rate
                    new.append((W - gW, b - gb))
                return new
            """,
        ),
    ],
    "check_train": [
        ("no_shuffle", _train(_LOOP.replace("rng.permutation(len(X))", "np.arange(len(X))"))),
        (
            "shuffle_once",
            _train(_LOOP.replace("        order = rng.permutation(len(X))\n", "        order = fixed\n")).replace(
                "    history, best, waited = [], np.inf, 0\n",
                "    history, best, waited = [], np.inf, 0\n    fixed = rng.permutation(len(X))\n",
            ),
        ),
        ("unpaired", _train(_LOOP.replace("Y[batch]", "Y[rng.permutation(len(X))[:len(batch)]]"))),
        (
            "drop_last",
            _train(_LOOP.replace("range(0, len(X), batch_size)", "range(0, len(X) - batch_size + 1, batch_size)")),
        ),
        ("rng_not_used", _train(_LOOP.replace("rng.permutation", "np.random.permutation"))),
        (
            "per_batch_history",
            _train(
                _LOOP.replace(
                    "            params = update(params, grads, learning_rate)\n",
                    "            params = update(params, grads, learning_rate)\n"
                    "            history.append(cost(forward(params, X, activations)[0], Y, kind))\n",
                ),
                _rules("        history.append(epoch_cost)\n", ""),
            ),
        ),
        ("params_not_kept", _train(_LOOP.replace("params = update(", "new_params = update("))),
        ("target_strict", _train(_LOOP, _rules("epoch_cost <= target_cost", "epoch_cost < target_cost"))),
        ("tie_improves", _train(_LOOP, _rules("if epoch_cost < best:", "if epoch_cost <= best:"))),
        (
            "previous_not_best",
            _train(
                _LOOP,
                _rules("if epoch_cost < best:", "if not history[:-1] or epoch_cost < history[-2]:").replace(
                    "best, waited = epoch_cost, 0", "waited = 0"
                ),
            ),
        ),
        ("patience_late", _train(_LOOP, _rules("waited >= patience", "waited > patience"))),
        ("nan_only", _train(_LOOP, _rules("if not np.isfinite(epoch_cost):", "if np.isnan(epoch_cost):"))),
        (
            "no_epoch_in_message",
            _train(_LOOP, _rules('f"the cost became {epoch_cost} in epoch {epoch + 1}"', '"the cost diverged"')),
        ),
        ("no_raise", _train(_LOOP, _rules("raise FloatingPointError(", "print("))),
        (
            "cost_of_last_batch",
            _train(_LOOP.replace("cost(forward(params, X, activations)[0], Y, kind)", "cost(Y_hat, Y[batch], kind)")),
        ),
    ],
    "check_choose_learning_rate": [
        (
            "lowest_not_final",
            _CHOOSE
            + """
            best_rate, best_cost = None, np.inf
            for rate in rates:
                try:
                    _, history = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                       batch_size=batch_size, rng=copy.deepcopy(rng))
                    lowest = np.nanmin(history)
                except FloatingPointError:
                    lowest = np.inf
                if lowest < best_cost:
                    best_rate, best_cost = rate, lowest
            return best_rate
            """,
        ),
        (
            "shared_rng",
            _CHOOSE
            + """
            best_rate, best_cost = None, np.inf
            for rate in rates:
                try:
                    final = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                  batch_size=batch_size, rng=rng)[1][-1]
                except FloatingPointError:
                    final = np.inf
                if np.isfinite(final) and final < best_cost:
                    best_rate, best_cost = rate, final
            return best_rate
            """,
        ),
        (
            "fixed_seed",
            _CHOOSE
            + """
            best_rate, best_cost = None, np.inf
            for rate in rates:
                try:
                    final = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                  batch_size=batch_size, rng=np.random.default_rng(0))[1][-1]
                except FloatingPointError:
                    final = np.inf
                if np.isfinite(final) and final < best_cost:
                    best_rate, best_cost = rate, final
            return best_rate
            """,
        ),
        (
            "no_catch",
            _CHOOSE
            + """
            finals = [train(params, X, Y, activations, kind, learning_rate=r, epochs=epochs, batch_size=batch_size,
                            rng=copy.deepcopy(rng))[1][-1] for r in rates]
            return rates[int(np.argmin(finals))]
            """,
        ),
        (
            "nan_wins",
            _CHOOSE
            + """
            finals = []
            for rate in rates:
                try:
                    finals.append(train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                        batch_size=batch_size, rng=copy.deepcopy(rng))[1][-1])
                except FloatingPointError:
                    finals.append(np.inf)
            return rates[int(np.argmin(finals))]
            """,
        ),
        (
            "index_returned",
            _CHOOSE
            + """
            finals = []
            for rate in rates:
                try:
                    h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                              batch_size=batch_size, rng=copy.deepcopy(rng))[1]
                    finals.append(h[-1] if np.isfinite(h[-1]) else np.inf)
                except FloatingPointError:
                    finals.append(np.inf)
            return int(np.argmin(finals))
            """,
        ),
        (
            "params_chained",
            _CHOOSE
            + """
            best_rate, best_cost = None, np.inf
            for rate in rates:
                try:
                    params, history = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                            batch_size=batch_size, rng=copy.deepcopy(rng))
                    final = history[-1]
                except FloatingPointError:
                    final = np.inf
                if np.isfinite(final) and final < best_cost:
                    best_rate, best_cost = rate, final
            return best_rate
            """,
        ),
        (
            "first_epoch",
            _CHOOSE
            + """
            best_rate, best_cost = None, np.inf
            for rate in rates:
                try:
                    first = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                  batch_size=batch_size, rng=copy.deepcopy(rng))[1][0]
                except FloatingPointError:
                    first = np.inf
                if np.isfinite(first) and first < best_cost:
                    best_rate, best_cost = rate, first
            return best_rate
            """,
        ),
        (
            "largest_rate",
            _CHOOSE
            + """
            best_rate, best_cost = None, -np.inf
            for rate in rates:
                try:
                    final = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                  batch_size=batch_size, rng=copy.deepcopy(rng))[1][-1]
                except FloatingPointError:
                    final = np.inf
                if final > best_cost:
                    best_rate, best_cost = rate, final
            return best_rate
            """,
        ),
    ],
}


# More answers, in the styles of learners' and public repositories' code: loops, helpers, classes, in-place
# forms; the wrong ones with the slips they make.
_S7 = (
    "        from annlib.scratch import backward, cost, forward, initialize, output_delta, update\n"
    "        import copy, math\n"
)

_MORE_CORRECT = {
    "check_sgd_step": [
        """
        def sgd_step(params, grads, learning_rate):
            for param, grad in zip(params, grads):
                param -= learning_rate * grad
        """,
        """
        def sgd_step(params, grads, learning_rate):
            for i in range(len(params)):
                params[i] -= learning_rate * grads[i]
        """,
        """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                np.subtract(p, learning_rate * g, out=p)
        """,
        """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                p[...] = p - learning_rate * g
        """,
        """
        def sgd_step(params, grads, learning_rate):
            for i, g in enumerate(grads):
                params[i] -= g * learning_rate
        """,
        """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                np.copyto(p, p - learning_rate * g)
        """,
        """
        def sgd_step(params, grads, learning_rate):
            [p.__isub__(learning_rate * g) for p, g in zip(params, grads)]
        """,
        """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                p += -learning_rate * g
        """,
        """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                p -= np.multiply(learning_rate, g)
        """,
        # CS231n optim.sgd, translated: w -= config["learning_rate"] * dw
        """
        def sgd_step(params, grads, learning_rate):
            config = {"learning_rate": learning_rate}
            for w, dw in zip(params, grads):
                w -= config["learning_rate"] * dw
        """,
        # scaling the gradient in place first: the text asks nothing of grads here
        """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                g *= learning_rate
                p -= g
        """,
    ],
    "check_momentum_step": [
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v *= momentum
                v -= learning_rate * g
                p += v
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v[:] = momentum * v - learning_rate * g
                p += v
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for i in range(len(params)):
                velocities[i] *= momentum
                velocities[i] -= learning_rate * grads[i]
                params[i] += velocities[i]
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                np.multiply(v, momentum, out=v)
                np.subtract(v, learning_rate * g, out=v)
                np.add(p, v, out=p)
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v[...] = momentum * v - learning_rate * g
                p[...] = p + v
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                new_v = momentum * v - learning_rate * g
                v[...] = new_v
                p += new_v
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                step = momentum * v - learning_rate * g
                p += step
                v[...] = step
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v *= momentum
                v += -learning_rate * g
                p -= -v
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for k, (p, g) in enumerate(zip(params, grads)):
                np.copyto(velocities[k], momentum * velocities[k] - learning_rate * g)
                np.copyto(p, p + velocities[k])
        """,
    ],
    "check_minibatches": [
        """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            for start in range(0, len(X), batch_size):
                idx = order[start:start + batch_size]
                yield X[idx], y[idx]
        """,
        """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            X_shuffled, y_shuffled = X[order], y[order]
            for start in range(0, len(X), batch_size):
                yield X_shuffled[start:start + batch_size], y_shuffled[start:start + batch_size]
        """,
        """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            start = 0
            while start < len(X):
                idx = order[start:start + batch_size]
                yield X[idx], y[idx]
                start += batch_size
        """,
        """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            yield from ((X[order[i:i + batch_size]], y[order[i:i + batch_size]]) for i in range(0, len(X), batch_size))
        """,
        """
        import math
        def minibatches(X, y, batch_size, rng):
            n = X.shape[0]
            perm = rng.permutation(n)
            for k in range(math.ceil(n / batch_size)):
                idx = perm[k * batch_size:(k + 1) * batch_size]
                yield X[idx], y[idx]
        """,
        # deeplearning.ai random_mini_batches, rows as examples, rng for np.random
        """
        import math
        def minibatches(X, y, batch_size, rng):
            m = X.shape[0]
            permutation = list(rng.permutation(m))
            shuffled_X = X[permutation]
            shuffled_Y = y[permutation]
            num_complete_minibatches = math.floor(m / batch_size)
            for k in range(0, num_complete_minibatches):
                yield shuffled_X[k * batch_size:(k + 1) * batch_size], shuffled_Y[k * batch_size:(k + 1) * batch_size]
            if m % batch_size != 0:
                rest = num_complete_minibatches * batch_size
                yield shuffled_X[rest:], shuffled_Y[rest:]
        """,
        """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            for start in range(0, len(X), batch_size):
                idx = order[start:start + batch_size]
                yield np.take(X, idx, axis=0), np.take(y, idx, axis=0)
        """,
        """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            n_batches = (len(X) + batch_size - 1) // batch_size
            for b in range(n_batches):
                chosen = order[b * batch_size: min((b + 1) * batch_size, len(X))]
                yield X[chosen].copy(), y[chosen].copy()
        """,
        # thuml get_mini_batches, with rng in place of np.random
        """
        def minibatches(X, y, batch_size, rng):
            m = X.shape[0]
            permutation = list(rng.permutation(m))
            Xs, Ys = X[permutation], y[permutation]
            num_complete = m // batch_size
            for i in range(num_complete):
                yield Xs[i * batch_size:(i + 1) * batch_size], Ys[i * batch_size:(i + 1) * batch_size]
            if m % batch_size != 0:
                yield Xs[num_complete * batch_size:], Ys[num_complete * batch_size:]
        """,
    ],
    "check_moons_classifier": [
        """
        from annlib import Network, fit
        from annlib.losses import BinaryCrossEntropy
        def train_moons_classifier(X, y):
            net = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="sigmoid", rng=1)
            fit(net, X, y, BinaryCrossEntropy(), "adam", learning_rate=0.03, epochs=100, batch_size=32, rng=1,
                progress=False)
            return net
        """,
        """
        from annlib import Network, fit
        from annlib.losses import BinaryCrossEntropy
        def train_moons_classifier(X, y):
            net = Network.from_sizes([2, 12, 12, 1], activation="relu", output_activation="sigmoid", rng=0)
            fit(net, X, y, BinaryCrossEntropy(), "adam", learning_rate=0.01, epochs=150, batch_size=16, rng=0,
                progress=False)
            return net
        """,
    ],
    "check_update": [
        """
        def update(params, grads, learning_rate):
            new_params = []
            for (W, b), (gW, gb) in zip(params, grads):
                new_params.append((W - learning_rate * gW, b - learning_rate * gb))
            return new_params
        """,
        """
        def update(params, grads, learning_rate):
            return [(W - learning_rate * dW, b - learning_rate * db) for (W, b), (dW, db) in zip(params, grads)]
        """,
        """
        def update(params, grads, learning_rate):
            out = []
            for (W, b), (gW, gb) in zip(params, grads):
                W, b = W.copy(), b.copy()
                W -= learning_rate * gW
                b -= learning_rate * gb
                out.append((W, b))
            return out
        """,
        """
        def update(params, grads, learning_rate):
            return [(np.subtract(W, learning_rate * gW), np.subtract(b, learning_rate * gb))
                    for (W, b), (gW, gb) in zip(params, grads)]
        """,
        """
        def update(params, grads, learning_rate):
            new = []
            for l in range(len(params)):
                W, b = params[l]
                gW, gb = grads[l]
                new.append((W - learning_rate * gW, b - learning_rate * gb))
            return new
        """,
        """
        def update(params, grads, learning_rate):
            return [tuple(p - learning_rate * g for p, g in zip(layer, layer_grads))
                    for layer, layer_grads in zip(params, grads)]
        """,
        """
        import copy
        def update(params, grads, learning_rate):
            new_params = copy.deepcopy(params)
            for (W, b), (gW, gb) in zip(new_params, grads):
                W -= learning_rate * gW
                b -= learning_rate * gb
            return new_params
        """,
        """
        def update(params, grads, learning_rate):
            return list(map(lambda pg: (pg[0][0] - learning_rate * pg[1][0], pg[0][1] - learning_rate * pg[1][1]),
                            zip(params, grads)))
        """,
        # pairs as lists: unpack and index like tuples
        """
        def update(params, grads, learning_rate):
            return [[W - learning_rate * gW, b - learning_rate * gb] for (W, b), (gW, gb) in zip(params, grads)]
        """,
    ],
    "check_train": [
        _S7
        + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            best, waited = np.inf, 0
            for epoch in range(1, epochs + 1):
                order = rng.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    idx = order[start:start + batch_size]
                    Y_hat, caches = forward(params, X[idx], activations)
                    grads = backward(params, caches, output_delta(Y_hat, Y[idx], kind))
                    params = update(params, grads, learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"cost {c} in epoch {epoch}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if c < best:
                    best, waited = c, 0
                else:
                    waited += 1
                    if patience is not None and waited >= patience:
                        break
            return params, history
        """,
        # with a minibatches helper, and the patience rule read off the history
        _S7
        + """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            for start in range(0, len(X), batch_size):
                idx = order[start:start + batch_size]
                yield X[idx], y[idx]

        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            for epoch in range(epochs):
                for Xb, Yb in minibatches(X, Y, batch_size, rng):
                    Y_hat, caches = forward(params, Xb, activations)
                    params = update(params, backward(params, caches, output_delta(Y_hat, Yb, kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if math.isnan(c) or math.isinf(c):
                    raise FloatingPointError(f"diverged in epoch {epoch + 1}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if patience is not None and len(history) > patience:
                    if min(history[-patience:]) >= min(history[:-patience]):
                        break
            return params, history
        """,
        # best epoch bookkeeping, while loop
        _S7
        + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            best_cost, best_epoch = float("inf"), 0
            epoch = 0
            while epoch < epochs:
                epoch += 1
                perm = rng.permutation(X.shape[0])
                Xs, Ys = X[perm], Y[perm]
                for s in range(0, X.shape[0], batch_size):
                    out, caches = forward(params, Xs[s:s + batch_size], activations)
                    g = backward(params, caches, output_delta(out, Ys[s:s + batch_size], kind))
                    params = update(params, g, learning_rate)
                c = float(cost(forward(params, X, activations)[0], Y, kind))
                if np.isnan(c) or np.isinf(c):
                    raise FloatingPointError("epoch %d: the cost is %s" % (epoch, c))
                history.append(c)
                if c < best_cost:
                    best_cost, best_epoch = c, epoch
                if target_cost is not None and c <= target_cost:
                    break
                if patience is not None and epoch - best_epoch >= patience:
                    break
            return params, history
        """,
        # early stopping class (drizzle0171 style: self.loss > loss resets; stop when counter >= limit)
        _S7
        + """
        class EarlyStopping:
            def __init__(self, patience=5):
                self.loss = np.inf
                self.patience = 0
                self.patience_limit = patience
            def step(self, loss):
                if self.loss > loss:
                    self.loss = loss
                    self.patience = 0
                else:
                    self.patience += 1
            def is_stop(self):
                return self.patience >= self.patience_limit

        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            stopper = EarlyStopping(patience) if patience is not None else None
            for epoch in range(1, epochs + 1):
                order = rng.permutation(len(X))
                for i in range(0, len(order), batch_size):
                    b = order[i:i + batch_size]
                    Yh, caches = forward(params, X[b], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[b], kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}: cost is {c}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if stopper is not None:
                    stopper.step(c)
                    if stopper.is_stop():
                        break
            return params, history
        """,
        # keep a private copy of params first
        _S7
        + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            params = copy.deepcopy(params)
            history, since_best, best = [], 0, None
            n = len(X)
            for epoch in range(1, epochs + 1):
                order = rng.permutation(n)
                batches = [order[k:k + batch_size] for k in range(0, n, batch_size)]
                for idx in batches:
                    Y_hat, caches = forward(params, X[idx], activations)
                    delta = output_delta(Y_hat, Y[idx], kind)
                    params = update(params, backward(params, caches, delta), learning_rate)
                epoch_cost = cost(forward(params, X, activations)[0], Y, kind)
                if not math.isfinite(epoch_cost):
                    raise FloatingPointError(f"not finite cost at epoch {epoch}")
                history.append(epoch_cost)
                if target_cost is not None and epoch_cost <= target_cost:
                    return params, history
                if best is None or epoch_cost < best:
                    best, since_best = epoch_cost, 0
                else:
                    since_best += 1
                if patience is not None and since_best == patience:
                    return params, history
            return params, history
        """,
        # np.isnan / np.isinf divergence check, stopping flags
        _S7
        + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            best = np.inf
            bad = 0
            for e in range(epochs):
                idx = rng.permutation(len(X))
                Xs = X[idx]
                Ys = Y[idx]
                batches = [(Xs[i:i + batch_size], Ys[i:i + batch_size]) for i in range(0, len(X), batch_size)]
                for xb, yb in batches:
                    Yh, cache = forward(params, xb, activations)
                    grads = backward(params, cache, output_delta(Yh, yb, kind))
                    params = update(params, grads, learning_rate)
                J = cost(forward(params, X, activations)[0], Y, kind)
                if np.isnan(J) or np.isinf(J):
                    raise FloatingPointError("training diverged at epoch " + str(e + 1))
                history.append(J)
                reached = target_cost is not None and J <= target_cost
                if J < best:
                    best = J
                    bad = 0
                else:
                    bad += 1
                out_of_patience = patience is not None and bad >= patience
                if reached or out_of_patience:
                    break
            return params, history
        """,
        # stateful counter written as Keras's EarlyStopping (wait > = patience)
        _S7
        + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            wait = 0
            best = None
            for epoch in range(epochs):
                perm = rng.permutation(len(X))
                for batch in np.array_split(perm, range(batch_size, len(X), batch_size)):
                    Yh, caches = forward(params, X[batch], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[batch], kind)), learning_rate)
                current = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(current):
                    raise FloatingPointError(f"epoch {epoch + 1}: cost {current}")
                history.append(current)
                if target_cost is not None and current <= target_cost:
                    break
                if best is None or current < best:
                    best = current
                    wait = 0
                    continue
                wait += 1
                if patience is not None and wait >= patience:
                    break
            return params, history
        """,
        # target check after patience, counting epochs in a for/else
        _S7
        + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            lowest = float("inf")
            stale = 0
            for epoch in range(1, epochs + 1):
                shuffled = rng.permutation(len(X))
                for first in range(0, len(X), batch_size):
                    rows = shuffled[first:first + batch_size]
                    A, caches = forward(params, X[rows], activations)
                    params = update(params, backward(params, caches, output_delta(A, Y[rows], kind)),
                                    learning_rate=learning_rate)
                C = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(C):
                    raise FloatingPointError(f"cost became {C} in epoch {epoch}")
                history.append(C)
                stale = 0 if C < lowest else stale + 1
                lowest = min(lowest, C)
                if patience is not None and stale >= patience:
                    break
                if target_cost is not None and C <= target_cost:
                    break
            return params, history
        """,
    ],
    "check_choose_learning_rate": [
        _S7
        + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            best_rate, best_cost = None, np.inf
            for rate in rates:
                try:
                    _, history = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                       batch_size=batch_size, rng=copy.deepcopy(rng))
                    final = history[-1]
                except FloatingPointError:
                    final = np.inf
                if np.isfinite(final) and final < best_cost:
                    best_rate, best_cost = rate, final
            return best_rate
        """,
        _S7
        + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            results = {}
            for rate in rates:
                try:
                    _, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                 batch_size=batch_size, rng=copy.deepcopy(rng))
                    results[rate] = h[-1] if np.isfinite(h[-1]) else np.inf
                except FloatingPointError:
                    results[rate] = np.inf
            return min(results, key=results.get)
        """,
        _S7
        + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            finals = []
            for rate in rates:
                try:
                    _, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                 batch_size=batch_size, rng=copy.deepcopy(rng))
                    finals.append(h[-1])
                except FloatingPointError:
                    finals.append(np.inf)
            finals = np.array(finals, dtype=float)
            finals[~np.isfinite(finals)] = np.inf
            return rates[int(np.argmin(finals))]
        """,
        _S7
        + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            start_state = copy.deepcopy(rng)
            scored = []
            for rate in rates:
                run_rng = copy.deepcopy(start_state)
                try:
                    _, history = train(copy.deepcopy(params), X, Y, activations, kind, learning_rate=rate,
                                       epochs=epochs, batch_size=batch_size, rng=run_rng)
                except FloatingPointError:
                    continue
                if math.isfinite(history[-1]):
                    scored.append((history[-1], rate))
            return min(scored, key=lambda t: t[0])[1]
        """,
        _S7
        + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            rngs = [copy.deepcopy(rng) for _ in rates]
            costs = []
            for rate, r in zip(rates, rngs):
                try:
                    costs.append(train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                       batch_size=batch_size, rng=r)[1][-1])
                except FloatingPointError:
                    costs.append(np.nan)
            return rates[int(np.nanargmin(costs))]
        """,
        _S7
        + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            best = None
            for rate in rates:
                try:
                    _, hist = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                    batch_size=batch_size, rng=copy.deepcopy(rng))
                except FloatingPointError:
                    continue
                last = hist[-1]
                if np.isnan(last) or np.isinf(last):
                    continue
                if best is None or last < best[0]:
                    best = (last, rate)
            return best[1]
        """,
        _S7
        + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            def final_cost(rate):
                try:
                    h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                              batch_size=batch_size, rng=copy.deepcopy(rng))[1]
                except FloatingPointError:
                    return float("inf")
                return h[-1] if math.isfinite(h[-1]) else float("inf")
            return sorted(rates, key=final_cost)[0]
        """,
        _S7
        + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            state = copy.deepcopy(rng.bit_generator.state)
            best_rate, best_cost = rates[0], float("inf")
            for rate in rates:
                run = copy.deepcopy(rng)
                run.bit_generator.state = state
                try:
                    params_out, history = train(params, X, Y, activations, kind, learning_rate=rate,
                                                epochs=epochs, batch_size=batch_size, rng=run)
                except FloatingPointError:
                    continue
                c = float(history[-1])
                if c == c and c != float("inf") and c < best_cost:
                    best_rate, best_cost = rate, c
            return best_rate
        """,
    ],
}

_MORE_WRONG = {
    "check_sgd_step": [
        (
            "not_in_place",
            """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                p = p - learning_rate * g
        """,
        ),
        (
            "list_items_replaced",
            """
        def sgd_step(params, grads, learning_rate):
            for i in range(len(params)):
                params[i] = params[i] - learning_rate * grads[i]
        """,
        ),
        (
            "ascent",
            """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                p += learning_rate * g
        """,
        ),
        (
            "no_rate",
            """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                p -= g
        """,
        ),
        (
            "first_only",
            """
        def sgd_step(params, grads, learning_rate):
            params[0] -= learning_rate * grads[0]
        """,
        ),
        (
            "rate_divides",
            """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                p -= g / learning_rate
        """,
        ),
        # Nielsen's update_mini_batch, translated: a new list of new arrays, eta divided by the batch
        (
            None,
            """
        def sgd_step(params, grads, learning_rate):
            params[:] = [w - (learning_rate / len(grads)) * nw for w, nw in zip(params, grads)]
        """,
        ),
        (
            "not_in_place",
            """
        def sgd_step(params, grads, learning_rate):
            return [p - learning_rate * g for p, g in zip(params, grads)]
        """,
        ),
        (
            "mean_grad",
            """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                p -= learning_rate * g.mean()
        """,
        ),
        (
            None,
            """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, reversed(grads)):
                p -= learning_rate * g
        """,
        ),
        (
            None,
            """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                p -= learning_rate * np.sign(g)
        """,
        ),
        (
            None,
            """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params[:-1], grads[:-1]):
                p -= learning_rate * g
        """,
        ),
    ],
    "check_momentum_step": [
        # deeplearning.ai update_parameters_with_momentum, translated in place
        (
            "moving_average",
            """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v[...] = momentum * v + (1 - momentum) * g
                p[...] = p - learning_rate * v
        """,
        ),
        # CS231n sgd_momentum, translated: v is a new local array
        (
            "velocity_not_in_place",
            """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for w, dw, v in zip(params, grads, velocities):
                v = momentum * v - learning_rate * dw
                w += v
        """,
        ),
        (
            "list_items_replaced",
            """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for i in range(len(params)):
                velocities[i] = momentum * velocities[i] - learning_rate * grads[i]
                params[i] = params[i] + velocities[i]
        """,
        ),
        (
            "ascent",
            """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v[...] = momentum * v + learning_rate * g
                p += v
        """,
        ),
        (
            "old_velocity",
            """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                p += v
                v[...] = momentum * v - learning_rate * g
        """,
        ),
        (
            "momentum_ignored",
            """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v[...] = 0.9 * v - learning_rate * g
                p += v
        """,
        ),
        (
            "minus_velocity",
            """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v[...] = momentum * v - learning_rate * g
                p -= v
        """,
        ),
        (
            "no_rate",
            """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v[...] = momentum * v - g
                p += v
        """,
        ),
        (
            "no_decay",
            """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v -= learning_rate * g
                p += v
        """,
        ),
        (
            None,
            """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v[...] = momentum * v - learning_rate * g
                p += learning_rate * v
        """,
        ),
        # CS231n Nesterov momentum, translated in place
        (
            "nesterov",
            """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v_prev = v.copy()
                v[...] = momentum * v - learning_rate * g
                p += -momentum * v_prev + (1 + momentum) * v
        """,
        ),
        (
            None,
            """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v[...] = momentum * (v - learning_rate * g)
                p += v
        """,
        ),
        (
            None,
            """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v[...] = (1 - momentum) * v - learning_rate * g
                p += v
        """,
        ),
    ],
    "check_minibatches": [
        (
            "no_shuffle",
            """
        def minibatches(X, y, batch_size, rng):
            for start in range(0, len(X), batch_size):
                yield X[start:start + batch_size], y[start:start + batch_size]
        """,
        ),
        (
            "unpaired",
            """
        def minibatches(X, y, batch_size, rng):
            ox, oy = rng.permutation(len(X)), rng.permutation(len(y))
            for start in range(0, len(X), batch_size):
                yield X[ox[start:start + batch_size]], y[oy[start:start + batch_size]]
        """,
        ),
        (
            "drop_last",
            """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            for start in range(0, len(X) - batch_size + 1, batch_size):
                idx = order[start:start + batch_size]
                yield X[idx], y[idx]
        """,
        ),
        (
            "shuffles_in_place",
            """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            X[:] = X[order]
            y[:] = y[order]
            for start in range(0, len(X), batch_size):
                yield X[start:start + batch_size], y[start:start + batch_size]
        """,
        ),
        (
            "permutation_per_batch",
            """
        def minibatches(X, y, batch_size, rng):
            for start in range(0, len(X), batch_size):
                order = rng.permutation(len(X))
                idx = order[start:start + batch_size]
                yield X[idx], y[idx]
        """,
        ),
        (
            "slice_short",
            """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            for start in range(0, len(X), batch_size):
                idx = order[start:start + batch_size - 1]
                yield X[idx], y[idx]
        """,
        ),
        (
            "equal_sizes",
            """
        import math
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            for idx in np.array_split(order, math.ceil(len(X) / batch_size)):
                yield X[idx], y[idx]
        """,
        ),
        (
            "order_not_from_rng",
            """
        def minibatches(X, y, batch_size, rng):
            order = np.random.permutation(len(X))
            for start in range(0, len(X), batch_size):
                idx = order[start:start + batch_size]
                yield X[idx], y[idx]
        """,
        ),
        (
            "batch_count",
            """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            for idx in np.array_split(order, batch_size):
                yield X[idx], y[idx]
        """,
        ),
        (
            "with_replacement",
            """
        def minibatches(X, y, batch_size, rng):
            order = rng.choice(len(X), len(X))
            for start in range(0, len(X), batch_size):
                idx = order[start:start + batch_size]
                yield X[idx], y[idx]
        """,
        ),
        (
            "unpaired",
            """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            for start in range(0, len(X), batch_size):
                yield X[order[start:start + batch_size]], y[start:start + batch_size]
        """,
        ),
        # iterate_minibatches (a from-scratch repo): drops the last partial batch, np.random's shuffle
        (
            None,
            """
        def minibatches(X, y, batch_size, rng):
            permutation = np.random.permutation(X.shape[0])
            train, labels = X[permutation], y[permutation]
            for start_idx in range(0, train.shape[0] + 1 - batch_size, batch_size):
                excerpt = slice(start_idx, start_idx + batch_size)
                yield train[excerpt], labels[excerpt]
        """,
        ),
        (
            "drop_last",
            """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            for k in range(len(X) // batch_size):
                idx = order[k * batch_size:(k + 1) * batch_size]
                yield X[idx], y[idx]
        """,
        ),
        (
            "order_not_from_rng",
            """
        def minibatches(X, y, batch_size, rng):
            order = np.arange(len(X))
            rng.shuffle(order)
            order = order[::-1]
            for start in range(0, len(X), batch_size):
                idx = order[start:start + batch_size]
                yield X[idx], y[idx]
        """,
        ),
    ],
    "check_moons_classifier": [
        (
            "no_hidden_layer",
            """
        from annlib import Network, fit
        from annlib.losses import BinaryCrossEntropy
        def train_moons_classifier(X, y):
            net = Network.from_sizes([2, 1], output_activation="sigmoid", rng=0)
            fit(net, X, y, BinaryCrossEntropy(), "adam", learning_rate=0.05, epochs=60, batch_size=32, rng=0,
                progress=False)
            return net
        """,
        ),
        (
            "undertrained",
            """
        from annlib import Network, fit
        from annlib.losses import BinaryCrossEntropy
        def train_moons_classifier(X, y):
            net = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="sigmoid", rng=0)
            fit(net, X, y, BinaryCrossEntropy(), "sgd", learning_rate=0.001, epochs=3, batch_size=32, rng=0,
                progress=False)
            return net
        """,
        ),
        (
            "no_seed",
            """
        from annlib import Network, fit
        from annlib.losses import BinaryCrossEntropy
        def train_moons_classifier(X, y):
            net = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="sigmoid")
            fit(net, X, y, BinaryCrossEntropy(), "adam", learning_rate=0.03, epochs=60, batch_size=32,
                progress=False)
            return net
        """,
        ),
    ],
    "check_update": [
        (
            "in_place",
            """
        def update(params, grads, learning_rate):
            for (W, b), (gW, gb) in zip(params, grads):
                W -= learning_rate * gW
                b -= learning_rate * gb
            return params
        """,
        ),
        (
            "ascent",
            """
        def update(params, grads, learning_rate):
            return [(W + learning_rate * gW, b + learning_rate * gb) for (W, b), (gW, gb) in zip(params, grads)]
        """,
        ),
        (
            "biases_unchanged",
            """
        def update(params, grads, learning_rate):
            return [(W - learning_rate * gW, b) for (W, b), (gW, gb) in zip(params, grads)]
        """,
        ),
        (
            "no_rate",
            """
        def update(params, grads, learning_rate):
            return [(W - gW, b - gb) for (W, b), (gW, gb) in zip(params, grads)]
        """,
        ),
        (
            "early_return",
            """
        def update(params, grads, learning_rate):
            new = []
            for (W, b), (gW, gb) in zip(params, grads):
                new.append((W - learning_rate * gW, b - learning_rate * gb))
                return new
        """,
        ),
        (
            "grads_changed",
            """
        def update(params, grads, learning_rate):
            new = []
            for (W, b), (gW, gb) in zip(params, grads):
                gW *= learning_rate
                gb *= learning_rate
                new.append((W - gW, b - gb))
            return new
        """,
        ),
        (
            None,
            """
        def update(params, grads, learning_rate):
            return [(W - learning_rate * gW / len(W), b - learning_rate * gb / len(W))
                    for (W, b), (gW, gb) in zip(params, grads)]
        """,
        ),
        (
            None,
            """
        def update(params, grads, learning_rate):
            return [(W - learning_rate * gW, b - learning_rate * gb.mean())
                    for (W, b), (gW, gb) in zip(params, grads)]
        """,
        ),
        (
            None,
            """
        def update(params, grads, learning_rate):
            return [(W - learning_rate * gW, b - learning_rate * gW.sum(axis=0))
                    for (W, b), (gW, gb) in zip(params, grads)]
        """,
        ),
        (
            None,
            """
        def update(params, grads, learning_rate):
            new = list(params)
            new[-1] = (params[-1][0] - learning_rate * grads[-1][0], params[-1][1] - learning_rate * grads[-1][1])
            return new
        """,
        ),
        (
            "grads_swapped",
            """
        def update(params, grads, learning_rate):
            return [(W - learning_rate * gb, b - learning_rate * gW) for (W, b), (gW, gb) in zip(params, grads)]
        """,
        ),
        (
            None,
            """
        def update(params, grads, learning_rate):
            return [(W - learning_rate * gW, b - learning_rate * gb)
                    for (W, b), (gW, gb) in zip(params, grads[::-1])]
        """,
        ),
        (
            None,
            """
        def update(params, grads, learning_rate):
            return [(W - learning_rate * gW, b - learning_rate * gb)
                    for (W, b), (gW, gb) in zip(params[1:], grads[1:])]
        """,
        ),
    ],
    "check_train": [
        # no shuffle
        (
            "no_shuffle",
            _S7
            + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history, best, waited = [], np.inf, 0
            for epoch in range(1, epochs + 1):
                for start in range(0, len(X), batch_size):
                    Yh, caches = forward(params, X[start:start + batch_size], activations)
                    grads = backward(params, caches, output_delta(Yh, Y[start:start + batch_size], kind))
                    params = update(params, grads, learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if c < best:
                    best, waited = c, 0
                else:
                    waited += 1
                    if patience is not None and waited >= patience:
                        break
            return params, history
        """,
        ),
        # shuffled once, before the epochs
        (
            "shuffle_once",
            _S7
            + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history, best, waited = [], np.inf, 0
            order = rng.permutation(len(X))
            for epoch in range(1, epochs + 1):
                for start in range(0, len(X), batch_size):
                    idx = order[start:start + batch_size]
                    Yh, caches = forward(params, X[idx], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[idx], kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if c < best:
                    best, waited = c, 0
                else:
                    waited += 1
                    if patience is not None and waited >= patience:
                        break
            return params, history
        """,
        ),
        # np.random instead of rng
        (
            "rng_not_used",
            _S7
            + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history, best, waited = [], np.inf, 0
            for epoch in range(1, epochs + 1):
                order = np.random.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    idx = order[start:start + batch_size]
                    Yh, caches = forward(params, X[idx], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[idx], kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if c < best:
                    best, waited = c, 0
                else:
                    waited += 1
                    if patience is not None and waited >= patience:
                        break
            return params, history
        """,
        ),
        # history: the cost of the last batch, not of the whole (X, Y)
        (
            "cost_of_last_batch",
            _S7
            + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history, best, waited = [], np.inf, 0
            for epoch in range(1, epochs + 1):
                order = rng.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    idx = order[start:start + batch_size]
                    Yh, caches = forward(params, X[idx], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[idx], kind)), learning_rate)
                c = cost(forward(params, X[idx], activations)[0], Y[idx], kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if c < best:
                    best, waited = c, 0
                else:
                    waited += 1
                    if patience is not None and waited >= patience:
                        break
            return params, history
        """,
        ),
        # target: strictly below
        (
            "target_strict",
            _S7
            + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history, best, waited = [], np.inf, 0
            for epoch in range(1, epochs + 1):
                order = rng.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    idx = order[start:start + batch_size]
                    Yh, caches = forward(params, X[idx], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[idx], kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                history.append(c)
                if target_cost is not None and c < target_cost:
                    break
                if c < best:
                    best, waited = c, 0
                else:
                    waited += 1
                    if patience is not None and waited >= patience:
                        break
            return params, history
        """,
        ),
        # patience against the previous epoch, not the best so far
        (
            "previous_not_best",
            _S7
            + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history, waited = [], 0
            for epoch in range(1, epochs + 1):
                order = rng.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    idx = order[start:start + batch_size]
                    Yh, caches = forward(params, X[idx], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[idx], kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                if target_cost is not None and c <= target_cost:
                    history.append(c)
                    break
                if history and c >= history[-1]:
                    waited += 1
                else:
                    waited = 0
                history.append(c)
                if patience is not None and waited >= patience:
                    break
            return params, history
        """,
        ),
        # patience off by one (Keras-like counter > patience)
        (
            "patience_late",
            _S7
            + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history, best, counter = [], np.inf, 0
            for epoch in range(1, epochs + 1):
                order = rng.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    idx = order[start:start + batch_size]
                    Yh, caches = forward(params, X[idx], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[idx], kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if c >= best:
                    counter += 1
                    if patience is not None and counter > patience:
                        break
                else:
                    best, counter = c, 0
            return params, history
        """,
        ),
        # no check for divergence
        (
            "no_raise",
            _S7
            + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history, best, waited = [], np.inf, 0
            for epoch in range(1, epochs + 1):
                order = rng.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    idx = order[start:start + batch_size]
                    Yh, caches = forward(params, X[idx], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[idx], kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if c < best:
                    best, waited = c, 0
                else:
                    waited += 1
                    if patience is not None and waited >= patience:
                        break
            return params, history
        """,
        ),
        # drops the last partial batch
        (
            "drop_last",
            _S7
            + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history, best, waited = [], np.inf, 0
            for epoch in range(1, epochs + 1):
                order = rng.permutation(len(X))
                for start in range(0, len(X) - batch_size + 1, batch_size):
                    idx = order[start:start + batch_size]
                    Yh, caches = forward(params, X[idx], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[idx], kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if c < best:
                    best, waited = c, 0
                else:
                    waited += 1
                    if patience is not None and waited >= patience:
                        break
            return params, history
        """,
        ),
        # Y not shuffled with X
        (
            "unpaired",
            _S7
            + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history, best, waited = [], np.inf, 0
            for epoch in range(1, epochs + 1):
                order = rng.permutation(len(X))
                Xs = X[order]
                for start in range(0, len(X), batch_size):
                    Yh, caches = forward(params, Xs[start:start + batch_size], activations)
                    grads = backward(params, caches, output_delta(Yh, Y[start:start + batch_size], kind))
                    params = update(params, grads, learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if c < best:
                    best, waited = c, 0
                else:
                    waited += 1
                    if patience is not None and waited >= patience:
                        break
            return params, history
        """,
        ),
        # cost recorded before the epoch's updates
        (
            "cost_before",
            _S7
            + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history, best, waited = [], np.inf, 0
            for epoch in range(1, epochs + 1):
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                history.append(c)
                order = rng.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    idx = order[start:start + batch_size]
                    Yh, caches = forward(params, X[idx], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[idx], kind)), learning_rate)
                if target_cost is not None and c <= target_cost:
                    break
                if c < best:
                    best, waited = c, 0
                else:
                    waited += 1
                    if patience is not None and waited >= patience:
                        break
            return params, history
        """,
        ),
        # EarlyStopping (a from-scratch repo): ties reset the counter (loss <= best_loss)
        (
            "patience_late",
            _S7
            + """
        class EarlyStopping:
            def __init__(self, patience):
                self.patience = patience
                self.epochs_without_improvement = 0
                self.best_loss = None
            def update(self, loss):
                if self.best_loss is not None:
                    if loss <= self.best_loss:
                        self.best_loss = loss
                        self.epochs_without_improvement = 0
                    else:
                        self.epochs_without_improvement += 1
                else:
                    self.best_loss = loss
            def check_stop_condition(self):
                return self.patience < self.epochs_without_improvement

        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            stopper = EarlyStopping(patience) if patience is not None else None
            for epoch in range(1, epochs + 1):
                order = rng.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    idx = order[start:start + batch_size]
                    Yh, caches = forward(params, X[idx], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[idx], kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if stopper is not None:
                    stopper.update(c)
                    if stopper.check_stop_condition():
                        break
            return params, history
        """,
        ),
        # khalil-research earlyStopper: an improvement of less than 1e-4 still counts
        (
            "tie_improves",
            _S7
            + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history, min_loss, counter = [], np.inf, 0
            for epoch in range(1, epochs + 1):
                order = rng.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    idx = order[start:start + batch_size]
                    Yh, caches = forward(params, X[idx], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[idx], kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if c < min_loss + 1e-4:
                    min_loss, counter = c, 0
                else:
                    counter += 1
                    if patience is not None and counter >= patience:
                        break
            return params, history
        """,
        ),
        # updates in place with the old weights kept? no: changes the given params
        (
            "changes_params",
            _S7
            + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history, best, waited = [], np.inf, 0
            for epoch in range(1, epochs + 1):
                order = rng.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    idx = order[start:start + batch_size]
                    Yh, caches = forward(params, X[idx], activations)
                    grads = backward(params, caches, output_delta(Yh, Y[idx], kind))
                    for (W, b), (gW, gb) in zip(params, grads):
                        W -= learning_rate * gW
                        b -= learning_rate * gb
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if c < best:
                    best, waited = c, 0
                else:
                    waited += 1
                    if patience is not None and waited >= patience:
                        break
            return params, history
        """,
        ),
        # ignores patience altogether
        (
            "patience_ignored",
            _S7
            + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            for epoch in range(1, epochs + 1):
                order = rng.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    idx = order[start:start + batch_size]
                    Yh, caches = forward(params, X[idx], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[idx], kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
            return params, history
        """,
        ),
    ],
    "check_choose_learning_rate": [
        (
            "shared_rng",
            _S7
            + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            best_rate, best_cost = None, np.inf
            for rate in rates:
                try:
                    _, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                 batch_size=batch_size, rng=rng)
                except FloatingPointError:
                    continue
                if np.isfinite(h[-1]) and h[-1] < best_cost:
                    best_rate, best_cost = rate, h[-1]
            return best_rate
        """,
        ),
        (
            "index_returned",
            _S7
            + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            finals = []
            for rate in rates:
                try:
                    _, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                 batch_size=batch_size, rng=copy.deepcopy(rng))
                    finals.append(h[-1] if np.isfinite(h[-1]) else np.inf)
                except FloatingPointError:
                    finals.append(np.inf)
            return int(np.argmin(finals))
        """,
        ),
        (
            "highest_cost",
            _S7
            + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            finals = []
            for rate in rates:
                try:
                    _, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                 batch_size=batch_size, rng=copy.deepcopy(rng))
                    finals.append(h[-1] if np.isfinite(h[-1]) else -np.inf)
                except FloatingPointError:
                    finals.append(-np.inf)
            return rates[int(np.argmax(finals))]
        """,
        ),
        (
            "no_catch",
            _S7
            + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            finals = []
            for rate in rates:
                _, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                             batch_size=batch_size, rng=copy.deepcopy(rng))
                finals.append(h[-1])
            return rates[int(np.argmin(finals))]
        """,
        ),
        (
            "nan_wins",
            _S7
            + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            finals = []
            for rate in rates:
                try:
                    _, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                 batch_size=batch_size, rng=copy.deepcopy(rng))
                    finals.append(h[-1])
                except FloatingPointError:
                    finals.append(np.nan)
            return rates[int(np.argmin(finals))]
        """,
        ),
        (
            "lowest_not_final",
            _S7
            + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            finals = []
            for rate in rates:
                try:
                    _, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                 batch_size=batch_size, rng=copy.deepcopy(rng))
                    finals.append(min(h))
                except FloatingPointError:
                    finals.append(np.inf)
            finals = [f if np.isfinite(f) else np.inf for f in finals]
            return rates[int(np.argmin(finals))]
        """,
        ),
        (
            "shared_rng",
            _S7
            + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            run_rng = copy.deepcopy(rng)
            best_rate, best_cost = None, np.inf
            for rate in rates:
                try:
                    _, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                 batch_size=batch_size, rng=run_rng)
                except FloatingPointError:
                    continue
                if np.isfinite(h[-1]) and h[-1] < best_cost:
                    best_rate, best_cost = rate, h[-1]
            return best_rate
        """,
        ),
        (
            "params_chained",
            _S7
            + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            best_rate, best_cost = None, np.inf
            for rate in rates:
                try:
                    trained, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                       batch_size=batch_size, rng=copy.deepcopy(rng))
                except FloatingPointError:
                    continue
                params = trained
                if np.isfinite(h[-1]) and h[-1] < best_cost:
                    best_rate, best_cost = rate, h[-1]
            return best_rate
        """,
        ),
        (
            "first_epoch",
            _S7
            + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            best_rate, best_cost = None, np.inf
            for rate in rates:
                try:
                    _, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                 batch_size=batch_size, rng=copy.deepcopy(rng))
                except FloatingPointError:
                    continue
                if np.isfinite(h[0]) and h[0] < best_cost:
                    best_rate, best_cost = rate, h[0]
            return best_rate
        """,
        ),
        (
            "options_changed",
            _S7
            + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            best_rate, best_cost = None, np.inf
            for rate in rates:
                try:
                    _, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=5,
                                 batch_size=batch_size, rng=copy.deepcopy(rng))
                except FloatingPointError:
                    continue
                if np.isfinite(h[-1]) and h[-1] < best_cost:
                    best_rate, best_cost = rate, h[-1]
            return best_rate
        """,
        ),
        (
            "mean_cost",
            _S7
            + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            best_rate, best_cost = None, np.inf
            for rate in rates:
                try:
                    _, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                 batch_size=batch_size, rng=copy.deepcopy(rng))
                except FloatingPointError:
                    continue
                m = float(np.mean(h))
                if np.isfinite(m) and m < best_cost:
                    best_rate, best_cost = rate, m
            return best_rate
        """,
        ),
        (
            "nan_wins",
            _S7
            + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            costs = []
            for rate in rates:
                try:
                    _, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                 batch_size=batch_size, rng=copy.deepcopy(rng))
                    costs.append(h[-1])
                except FloatingPointError:
                    costs.append(float("nan"))
            return rates[costs.index(min(costs))]
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
        "check_minibatches",
        """
        def minibatches(X, y, batch_size, rng):
            idx = np.arange(len(X))
            rng.shuffle(idx)
            for s in range(0, len(X), batch_size):
                yield X[idx[s:s + batch_size]], y[idx[s:s + batch_size]]
        """,
    ),
    (
        "check_minibatches",
        """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            cuts = [order[s:s + batch_size] for s in range(0, len(X), batch_size)]
            return [(X[rows], y[rows]) for rows in cuts]
        """,
    ),
    (
        "check_choose_learning_rate",
        _S7
        + """
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            state = rng.bit_generator.state
            best, best_cost = None, float("inf")
            for rate in rates:
                rng.bit_generator.state = state
                try:
                    _, h = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                 batch_size=batch_size, rng=rng)
                except FloatingPointError:
                    continue
                if np.isfinite(h[-1]) and h[-1] < best_cost:
                    best, best_cost = rate, h[-1]
            return best
        """,
    ),
    (
        "check_update",
        """
        def update(params, grads, learning_rate):
            return [(W - learning_rate * gW, b - learning_rate * gb) for (W, b), (gW, gb) in zip(params, grads)]
        """,
    ),
    (
        "check_train",
        _S7
        + """
        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            for epoch in range(1, epochs + 1):
                idx = np.arange(len(X))
                rng.shuffle(idx)
                for s in range(0, len(X), batch_size):
                    b = idx[s:s + batch_size]
                    Yh, caches = forward(params, X[b], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[b], kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                late = history[-patience:] if patience is not None else []
                if patience is not None and len(history) > patience and min(late) >= min(history[:-patience]):
                    break
            return params, np.array(history)
        """,
    ),
]:
    CORRECT[_name].append(_source)


# More answers in other styles, and real learners' code translated to these signatures as it was
_REAL_STYLES_CORRECT = {
    "check_choose_learning_rate": [
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        from annlib.scratch import train
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            finals = []
            for r in rates:
                try:
                    _, h = train(params, X, Y, activations, kind, learning_rate=r, epochs=epochs,
                                 batch_size=batch_size, rng=copy.deepcopy(rng))
                    finals.append(h[-1] if np.isfinite(h[-1]) else np.inf)
                except FloatingPointError:
                    finals.append(np.inf)
            return rates[int(np.argmin(finals))]
        """,
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        from annlib.scratch import train
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            results = {}
            for lr in rates:
                try:
                    trained, history = train(copy.deepcopy(params), X, Y, activations, kind, learning_rate=lr,
                                             epochs=epochs, batch_size=batch_size, rng=copy.deepcopy(rng))
                except FloatingPointError:
                    continue
                final = history[-1]
                if np.isnan(final) or np.isinf(final):
                    continue
                results[lr] = final
            return min(results, key=results.get)
        """,
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        from annlib.scratch import train
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            state = copy.deepcopy(rng)
            best, best_cost = None, float("inf")
            for rate in rates:
                try:
                    history = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                    batch_size=batch_size, rng=copy.deepcopy(state))[1]
                except FloatingPointError:
                    continue
                last = float(history[-1])
                if last == last and last < best_cost:
                    best, best_cost = rate, last
            return best
        """,
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        from annlib.scratch import train
        def _final_cost(params, X, Y, activations, kind, rate, epochs, batch_size, rng):
            try:
                _, hist = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                batch_size=batch_size, rng=rng)
            except FloatingPointError:
                return np.inf
            return hist[-1] if np.isfinite(hist[-1]) else np.inf

        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            costs = [_final_cost(params, X, Y, activations, kind, r, epochs, batch_size, copy.deepcopy(rng))
                     for r in rates]
            return rates[costs.index(min(costs))]
        """,
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        from annlib.scratch import train
        import math
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            scored = []
            for rate in rates:
                try:
                    _, history = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                       batch_size=batch_size, rng=copy.deepcopy(rng))
                    final = history[-1]
                    score = final if math.isfinite(final) else math.inf
                except FloatingPointError:
                    score = math.inf
                scored.append((score, rate))
            return min(scored, key=lambda t: t[0])[1]
        """,
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        from annlib.scratch import train
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            finals = np.full(len(rates), np.inf)
            for i, rate in enumerate(rates):
                run_rng = np.random.Generator(type(rng.bit_generator)())
                run_rng.bit_generator.state = rng.bit_generator.state
                try:
                    _, history = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                       batch_size=batch_size, rng=run_rng)
                except FloatingPointError:
                    continue
                finals[i] = history[-1]
            finals[~np.isfinite(finals)] = np.inf
            return rates[int(np.argmin(finals))]
        """,
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        from annlib.scratch import train
        import pickle
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            saved = pickle.dumps(rng)
            best_rate = rates[0]
            best_cost = float("inf")
            for rate in rates:
                try:
                    _, history = train(params, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                       batch_size=batch_size, rng=pickle.loads(saved))
                except FloatingPointError:
                    continue
                if np.isfinite(history[-1]) and history[-1] < best_cost:
                    best_rate, best_cost = rate, history[-1]
            return best_rate
        """,
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        from annlib.scratch import train
        def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
            start = copy.deepcopy(params)
            costs = {}
            for rate in rates:
                try:
                    _, history = train(start, X, Y, activations, kind, learning_rate=rate, epochs=epochs,
                                       batch_size=batch_size, rng=copy.deepcopy(rng))
                except FloatingPointError:
                    costs[rate] = float("inf")
                    continue
                costs[rate] = history[-1] if np.isfinite(history[-1]) else float("inf")
            return sorted(costs.items(), key=lambda kv: kv[1])[0][0]
        """,
    ],
    "check_minibatches": [
        """
        def minibatches(X, y, batch_size, rng):
            idx = rng.permutation(len(X))
            for i in range(0, len(idx), batch_size):
                yield X[idx[i:i + batch_size]], y[idx[i:i + batch_size]]
        """,
        """
        def minibatches(X, y, batch_size, rng):
            n = X.shape[0]
            perm = rng.permutation(n)
            Xs, ys = X[perm], y[perm]
            for start in range(0, n, batch_size):
                end = min(start + batch_size, n)
                yield Xs[start:end], ys[start:end]
        """,
        """
        import math
        def minibatches(X, y, batch_size, rng):
            m = len(X)
            permutation = list(rng.permutation(m))
            shuffled_X = X[permutation]
            shuffled_Y = y[permutation]
            num = math.ceil(m / batch_size)
            for k in range(num):
                yield shuffled_X[k * batch_size:(k + 1) * batch_size], shuffled_Y[k * batch_size:(k + 1) * batch_size]
        """,
        """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            n_full = len(X) // batch_size
            for k in range(n_full):
                b = order[k * batch_size:(k + 1) * batch_size]
                yield X[b], y[b]
            if len(X) % batch_size != 0:
                b = order[n_full * batch_size:]
                yield X[b], y[b]
        """,
        """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
            for b in batches:
                yield (X[b], y[b])
        """,
        """
        def minibatches(X, y, batch_size, rng):
            order = rng.permutation(len(X))
            start = 0
            while start < len(X):
                sel = order[start:start + batch_size]
                yield X[sel].copy(), y[sel].copy()
                start += batch_size
        """,
        """
        def minibatches(X, y, batch_size, rng):
            perm = rng.permutation(len(X))
            n_batches = -(-len(X) // batch_size)
            for part in np.array_split(perm, [batch_size * k for k in range(1, n_batches)]):
                yield np.take(X, part, axis=0), np.take(y, part, axis=0)
        """,
        """
        def minibatches(X, y, batch_size, rng):
            perm = rng.permutation(len(X))
            return ((X[perm[s:s + batch_size]], y[perm[s:s + batch_size]]) for s in range(0, len(X), batch_size))
        """,
        """
        def minibatches(X, y, batch_size, rng):
            permutation = list(rng.permutation(X.shape[0]))
            X_shuffle = X[permutation]
            Y_shuffle = y[permutation]
            num_examples = X_shuffle.shape[0]
            num_complete = num_examples // batch_size
            mini_batches = []
            for i in range(num_complete):
                mini_batches.append([X_shuffle[i * batch_size:(i + 1) * batch_size],
                                     Y_shuffle[i * batch_size:(i + 1) * batch_size]])
            if 0 == num_examples % batch_size:
                pass
            else:
                mini_batches.append([X_shuffle[num_complete * batch_size:], Y_shuffle[num_complete * batch_size:]])
            for mb in mini_batches:
                yield mb[0], mb[1]
        """,
        """
        import math
        def minibatches(X, y, batch_size, rng):
            m = X.shape[0]
            permutation = list(rng.permutation(m))
            shuffled_X = X[permutation]
            shuffled_Y = y[permutation]
            num_complete_minibatches = math.ceil(m / batch_size)
            for k in range(0, num_complete_minibatches):
                mini_batch_X = shuffled_X[k * batch_size:(k + 1) * batch_size]
                mini_batch_Y = shuffled_Y[k * batch_size:(k + 1) * batch_size]
                yield mini_batch_X, mini_batch_Y
        """,
    ],
    "check_momentum_step": [
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for i in range(len(params)):
                velocities[i] *= momentum
                velocities[i] -= learning_rate * grads[i]
                params[i] += velocities[i]
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v[:] = momentum * v - learning_rate * g
                p[:] = p + v
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v[...] = momentum * v - learning_rate * g
                p += v
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                np.copyto(v, momentum * v - learning_rate * g)
                np.add(p, v, out=p)
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for k, (p, g) in enumerate(zip(params, grads)):
                new_v = momentum * velocities[k] - learning_rate * g
                velocities[k][...] = new_v
                params[k] += new_v
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            beta = momentum
            for idx in range(len(params)):
                v = velocities[idx]
                v *= beta
                v += -learning_rate * grads[idx]
                params[idx] += v
            return params, velocities
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                step = momentum * v - learning_rate * g
                v[:] = step
                p -= -step
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                v -= (1 - momentum) * v + learning_rate * g
                p += v
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            L = len(params)
            for l in range(L):
                velocities[l][:] = momentum * velocities[l] - learning_rate * grads[l]
                params[l][:] = params[l] + velocities[l]
        """,
        """
        def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
            for p, g, v in zip(params, grads, velocities):
                p += momentum * v - learning_rate * g
                v[:] = momentum * v - learning_rate * g
        """,
    ],
    "check_moons_classifier": [
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        def train_moons_classifier(X, y):
            net = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="sigmoid", rng=1)
            fit(net, X, y, BinaryCrossEntropy(), "adam", learning_rate=0.03, epochs=100, batch_size=32, rng=1,
                progress=False)
            return net
        """,
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        def train_moons_classifier(X, y):
            net = Network.from_sizes([2, 10, 10, 1], activation="relu", output_activation="sigmoid", rng=3)
            fit(net, X, y, BinaryCrossEntropy(), "adam", learning_rate=0.01, epochs=150, batch_size=16, rng=3,
                progress=False)
            return net
        """,
    ],
    "check_sgd_step": [
        """
        def sgd_step(params, grads, learning_rate):
            for i in range(len(params)):
                params[i] -= learning_rate * grads[i]
        """,
        """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                p[...] = p - learning_rate * g
        """,
        """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                np.subtract(p, learning_rate * g, out=p)
        """,
        """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                p[:] -= learning_rate * g
        """,
        """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                p -= g * learning_rate
            return params
        """,
        """
        def sgd_step(params, grads, learning_rate):
            i = 0
            while i < len(params):
                params[i] += -learning_rate * grads[i]
                i += 1
        """,
        """
        def sgd_step(params, grads, learning_rate):
            assert len(params) == len(grads)
            for p, g in zip(params, grads):
                step = np.multiply(learning_rate, g)
                p -= step
        """,
        """
        def sgd_step(params, grads, learning_rate):
            [np.copyto(p, p - learning_rate * g) for p, g in zip(params, grads)]
        """,
        """
        def sgd_step(params, grads, learning_rate):
            for l in range(len(params)):
                params[l] -= learning_rate * grads[l]
            return params
        """,
        """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                flat = p.reshape(-1)
                flat -= learning_rate * g.reshape(-1)
        """,
        """
        def sgd_step(params, grads, learning_rate):
            for p, g in zip(params, grads):
                g *= learning_rate
                p -= g
        """,
    ],
    "check_train": [
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            best = float("inf")
            wait = 0
            for epoch in range(epochs):
                perm = rng.permutation(X.shape[0])
                for s in range(0, X.shape[0], batch_size):
                    idx = perm[s:s + batch_size]
                    Yh, caches = forward(params, X[idx], activations)
                    params = update(params, backward(params, caches, output_delta(Yh, Y[idx], kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if np.isnan(c) or np.isinf(c):
                    raise FloatingPointError("diverged at epoch %d" % (epoch + 1))
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if c < best:
                    best = c
                    wait = 0
                else:
                    wait += 1
                if patience is not None and wait >= patience:
                    break
            return params, history
        """,
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        def _epoch(params, X, Y, activations, kind, learning_rate, batch_size, rng):
            order = rng.permutation(len(X))
            Xs, Ys = X[order], Y[order]
            for s in range(0, len(X), batch_size):
                xb, yb = Xs[s:s + batch_size], Ys[s:s + batch_size]
                out, caches = forward(params, xb, activations)
                grads = backward(params, caches, output_delta(out, yb, kind))
                params = update(params, grads, learning_rate)
            return params

        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            for epoch in range(1, epochs + 1):
                params = _epoch(params, X, Y, activations, kind, learning_rate, batch_size, rng)
                c = float(cost(forward(params, X, activations)[0], Y, kind))
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}: cost {c}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    return params, history
                if patience is not None and len(history) > patience:
                    if min(history[-patience:]) >= min(history[:-patience]):
                        return params, history
            return params, history
        """,
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            best_cost = np.inf
            best_epoch = 0
            for epoch in range(1, epochs + 1):
                perm = rng.permutation(len(X))
                n_batches = int(np.ceil(len(X) / batch_size))
                for k in range(n_batches):
                    b = perm[k * batch_size:(k + 1) * batch_size]
                    Y_hat, caches = forward(params, X[b], activations)
                    delta = output_delta(Y_hat, Y[b], kind)
                    grads = backward(params, caches, delta)
                    params = update(params, grads, learning_rate)
                Y_all, _ = forward(params, X, activations)
                c = cost(Y_all, Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError("the cost is not finite in epoch " + str(epoch))
                history.append(c)
                if c < best_cost:
                    best_cost, best_epoch = c, epoch
                if target_cost is not None and c <= target_cost:
                    break
                if patience is not None and epoch - best_epoch >= patience:
                    break
            return params, history
        """,
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            best, stale = np.inf, 0
            n = len(X)
            for epoch in range(1, epochs + 1):
                order = rng.choice(n, size=n, replace=False)
                for s in range(0, n, batch_size):
                    idx = order[s:s + batch_size]
                    out, caches = forward(params, X[idx], activations)
                    params = update(params, backward(params, caches, output_delta(out, Y[idx], kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}: cost is {c}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                if c < best:
                    best, stale = c, 0
                else:
                    stale += 1
                if patience is not None and stale == patience:
                    break
            return params, history
        """,
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            idx = np.arange(X.shape[0])
            best = None
            since_best = 0
            epoch = 0
            while epoch < epochs:
                epoch += 1
                rng.shuffle(idx)
                for start in range(0, len(idx), batch_size):
                    b = idx[start:start + batch_size]
                    Y_hat, caches = forward(params, X[b], activations)
                    grads = backward(params, caches, output_delta(Y_hat, Y[b], kind))
                    params = update(params, grads, learning_rate)
                c = float(cost(forward(params, X, activations)[0], Y, kind))
                if np.isnan(c) or np.isinf(c):
                    raise FloatingPointError("training diverged in epoch {}".format(epoch))
                history.append(c)
                if best is None or c < best:
                    best, since_best = c, 0
                else:
                    since_best += 1
                if patience is not None and since_best >= patience:
                    break
                if target_cost is not None and c <= target_cost:
                    break
            return params, history
        """,
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        def _batches(X, Y, batch_size, rng):
            order = rng.permutation(len(X))
            for start in range(0, len(X), batch_size):
                batch = order[start:start + batch_size]
                yield X[batch], Y[batch]

        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            for epoch in range(epochs):
                for Xb, Yb in _batches(X, Y, batch_size, rng):
                    Y_hat, caches = forward(params, Xb, activations)
                    params = update(params, backward(params, caches, output_delta(Y_hat, Yb, kind)), learning_rate)
                epoch_cost = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(epoch_cost):
                    raise FloatingPointError(f"cost {epoch_cost} in epoch {epoch + 1}")
                history.append(epoch_cost)
                if target_cost is not None and epoch_cost <= target_cost:
                    break
                if patience is not None:
                    best_index = int(np.argmin(history))
                    if len(history) - 1 - best_index >= patience:
                        break
            return params, history
        """,
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            params = [(W.copy(), b.copy()) for W, b in params]
            history = []
            best_cost, bad_epochs = float("inf"), 0
            m = len(X)
            num_batches = (m + batch_size - 1) // batch_size
            for epoch in range(1, epochs + 1):
                permutation = list(rng.permutation(m))
                shuffled_X, shuffled_Y = X[permutation], Y[permutation]
                for k in range(num_batches):
                    mb_X = shuffled_X[k * batch_size:(k + 1) * batch_size]
                    mb_Y = shuffled_Y[k * batch_size:(k + 1) * batch_size]
                    AL, caches = forward(params, mb_X, activations)
                    grads = backward(params, caches, output_delta(AL, mb_Y, kind))
                    params = update(params, grads, learning_rate)
                AL, _ = forward(params, X, activations)
                c = cost(AL, Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"diverged: epoch {epoch}")
                history.append(c)
                stop = target_cost is not None and c <= target_cost
                if c < best_cost:
                    best_cost, bad_epochs = c, 0
                else:
                    bad_epochs += 1
                if patience is not None and bad_epochs >= patience:
                    stop = True
                if stop:
                    break
            return params, history
        """,
        """
        import copy
        from annlib import Network, datasets, fit
        from annlib.losses import BinaryCrossEntropy
        from annlib.scratch import backward, cost, forward, initialize, output_delta, update

        class EarlyStopping:
            def __init__(self, patience):
                self.loss = np.inf
                self.patience = 0
                self.patience_limit = patience
            def step(self, loss):
                if self.loss > loss:
                    self.loss = loss
                    self.patience = 0
                else:
                    self.patience += 1
            def is_stop(self):
                return self.patience_limit is not None and self.patience >= self.patience_limit

        def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                  target_cost=None, patience=None):
            history = []
            stopper = EarlyStopping(patience)
            for epoch in range(1, epochs + 1):
                order = rng.permutation(len(X))
                for s in range(0, len(X), batch_size):
                    b = order[s:s + batch_size]
                    Y_hat, caches = forward(params, X[b], activations)
                    params = update(params, backward(params, caches, output_delta(Y_hat, Y[b], kind)), learning_rate)
                c = cost(forward(params, X, activations)[0], Y, kind)
                if not np.isfinite(c):
                    raise FloatingPointError(f"epoch {epoch}")
                history.append(c)
                if target_cost is not None and c <= target_cost:
                    break
                stopper.step(c)
                if stopper.is_stop():
                    break
            return params, history
        """,
    ],
    "check_update": [
        """
        def update(params, grads, learning_rate):
            return [(W - learning_rate * dW, b - learning_rate * db) for (W, b), (dW, db) in zip(params, grads)]
        """,
        """
        def update(params, grads, learning_rate):
            new = []
            for i in range(len(params)):
                W = params[i][0].copy()
                b = params[i][1].copy()
                W -= learning_rate * grads[i][0]
                b -= learning_rate * grads[i][1]
                new.append((W, b))
            return new
        """,
        """
        import copy
        def update(params, grads, learning_rate):
            new = copy.deepcopy(params)
            out = []
            for (W, b), (gW, gb) in zip(new, grads):
                W -= learning_rate * gW
                b -= learning_rate * gb
                out.append((W, b))
            return out
        """,
        """
        def update(params, grads, learning_rate):
            out = []
            for layer, grad in zip(params, grads):
                out.append(tuple(p - learning_rate * g for p, g in zip(layer, grad)))
            return out
        """,
        """
        def update(params, grads, learning_rate):
            L = len(params)
            new_params = [None] * L
            for l in range(L):
                W, b = params[l]
                dW, db = grads[l]
                new_params[l] = (np.subtract(W, learning_rate * dW), np.subtract(b, learning_rate * db))
            return new_params
        """,
        """
        def update(params, grads, learning_rate):
            return list(map(lambda pg: (pg[0][0] - learning_rate * pg[1][0], pg[0][1] - learning_rate * pg[1][1]),
                            zip(params, grads)))
        """,
        """
        def update(params, grads, learning_rate):
            new_params = []
            for (W, b), (dW, db) in zip(params, grads):
                new_params.append([W + (-learning_rate) * dW, b + (-learning_rate) * db])
            return new_params
        """,
        """
        def update(params, grads, learning_rate):
            new_params = []
            for (W, b), (dW, db) in zip(params, grads):
                W_new = np.array(W, dtype=float, copy=True)
                b_new = np.array(b, dtype=float, copy=True)
                W_new -= learning_rate * dW
                b_new -= learning_rate * db
                new_params.append((W_new, b_new))
            return new_params
        """,
        """
        def update(params, grads, learning_rate):
            L = len(params)
            parameters = {}
            for l in range(L):
                parameters["W" + str(l + 1)] = params[l][0] - learning_rate * grads[l][0]
                parameters["b" + str(l + 1)] = params[l][1] - learning_rate * grads[l][1]
            return [(parameters["W" + str(l + 1)], parameters["b" + str(l + 1)]) for l in range(L)]
        """,
    ],
}

_REAL_STYLES_WRONG = {
    "check_choose_learning_rate": [
        (
            "shared_rng",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            from annlib.scratch import train
            def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
                best, best_cost = None, np.inf
                for r in rates:
                    try:
                        _, h = train(params, X, Y, activations, kind, learning_rate=r, epochs=epochs,
                                     batch_size=batch_size, rng=rng)
                    except FloatingPointError:
                        continue
                    if h[-1] < best_cost:
                        best, best_cost = r, h[-1]
                return best
            """,
        ),
        (
            "index_returned",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            from annlib.scratch import train
            def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
                finals = []
                for r in rates:
                    try:
                        _, h = train(params, X, Y, activations, kind, learning_rate=r, epochs=epochs,
                                     batch_size=batch_size, rng=copy.deepcopy(rng))
                        finals.append(h[-1])
                    except FloatingPointError:
                        finals.append(np.inf)
                return int(np.argmin(finals))
            """,
        ),
        (
            "nan_wins",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            from annlib.scratch import train
            def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
                finals = []
                for r in rates:
                    try:
                        _, h = train(params, X, Y, activations, kind, learning_rate=r, epochs=epochs,
                                     batch_size=batch_size, rng=copy.deepcopy(rng))
                        finals.append(h[-1])
                    except FloatingPointError:
                        finals.append(np.inf)
                return rates[int(np.argmin(finals))]
            """,
        ),
        (
            "lowest_not_final",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            from annlib.scratch import train
            def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
                best, best_cost = None, np.inf
                for r in rates:
                    try:
                        _, h = train(params, X, Y, activations, kind, learning_rate=r, epochs=epochs,
                                     batch_size=batch_size, rng=copy.deepcopy(rng))
                    except FloatingPointError:
                        continue
                    c = min(h)
                    if np.isfinite(c) and c < best_cost:
                        best, best_cost = r, c
                return best
            """,
        ),
        (
            "no_catch",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            from annlib.scratch import train
            def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
                best, best_cost = None, np.inf
                for r in rates:
                    _, h = train(params, X, Y, activations, kind, learning_rate=r, epochs=epochs,
                                 batch_size=batch_size, rng=copy.deepcopy(rng))
                    if np.isfinite(h[-1]) and h[-1] < best_cost:
                        best, best_cost = r, h[-1]
                return best
            """,
        ),
        (
            "params_chained",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            from annlib.scratch import train
            def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
                best, best_cost = None, np.inf
                for r in rates:
                    try:
                        params, h = train(params, X, Y, activations, kind, learning_rate=r, epochs=epochs,
                                          batch_size=batch_size, rng=copy.deepcopy(rng))
                    except FloatingPointError:
                        continue
                    if np.isfinite(h[-1]) and h[-1] < best_cost:
                        best, best_cost = r, h[-1]
                return best
            """,
        ),
        (
            "highest_cost",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            from annlib.scratch import train
            def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
                best, best_cost = None, -np.inf
                for r in rates:
                    try:
                        _, h = train(params, X, Y, activations, kind, learning_rate=r, epochs=epochs,
                                     batch_size=batch_size, rng=copy.deepcopy(rng))
                    except FloatingPointError:
                        continue
                    if np.isfinite(h[-1]) and h[-1] > best_cost:
                        best, best_cost = r, h[-1]
                return best
            """,
        ),
        (
            "fixed_seed",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            from annlib.scratch import train
            def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
                best, best_cost = None, np.inf
                for r in rates:
                    try:
                        _, h = train(params, X, Y, activations, kind, learning_rate=r, epochs=epochs,
                                     batch_size=batch_size, rng=np.random.default_rng(0))
                    except FloatingPointError:
                        continue
                    if np.isfinite(h[-1]) and h[-1] < best_cost:
                        best, best_cost = r, h[-1]
                return best
            """,
        ),
        (
            "first_epoch",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            from annlib.scratch import train
            def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
                best, best_cost = None, np.inf
                for r in rates:
                    try:
                        _, h = train(params, X, Y, activations, kind, learning_rate=r, epochs=epochs,
                                     batch_size=batch_size, rng=copy.deepcopy(rng))
                    except FloatingPointError:
                        continue
                    if np.isfinite(h[0]) and h[0] < best_cost:
                        best, best_cost = r, h[0]
                return best
            """,
        ),
        (
            "largest_rate",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            from annlib.scratch import train
            def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
                costs = []
                for r in rates:
                    try:
                        _, h = train(params, X, Y, activations, kind, learning_rate=r, epochs=epochs,
                                     batch_size=batch_size, rng=copy.deepcopy(rng))
                        costs.append(h[-1])
                    except FloatingPointError:
                        costs.append(0.0)
                return rates[int(np.argmin(costs))]
            """,
        ),
        (
            "options_changed",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            from annlib.scratch import train
            def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
                best, best_cost = None, np.inf
                for r in rates:
                    try:
                        _, h = train(params, X, Y, activations, kind, learning_rate=r, epochs=1,
                                     batch_size=batch_size, rng=copy.deepcopy(rng))
                    except FloatingPointError:
                        continue
                    if np.isfinite(h[-1]) and h[-1] < best_cost:
                        best, best_cost = r, h[-1]
                return best
            """,
        ),
        (
            "shared_rng",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            from annlib.scratch import train
            def choose_learning_rate(params, X, Y, activations, kind, rates, *, epochs, batch_size, rng):
                best, best_cost = None, np.inf
                for r in rates:
                    try:
                        _, h = train(params, X, Y, activations, kind, learning_rate=r, epochs=epochs,
                                     batch_size=batch_size, rng=copy.copy(rng))
                    except FloatingPointError:
                        continue
                    if np.isfinite(h[-1]) and h[-1] < best_cost:
                        best, best_cost = r, h[-1]
                return best
            """,
            "copy.copy of a Generator shares its state",
        ),
    ],
    "check_minibatches": [
        (
            "drop_last",
            """
            import math
            def minibatches(X, y, batch_size, rng):
                m = X.shape[0]
                permutation = list(rng.permutation(m))
                shuffled_X = X[permutation, :]
                shuffled_Y = y[permutation]
                num_complete_minibatches = math.floor(m / batch_size)
                for k in range(0, num_complete_minibatches):
                    yield (shuffled_X[k * batch_size:(k + 1) * batch_size],
                           shuffled_Y[k * batch_size:(k + 1) * batch_size])
            """,
        ),
        (
            "unpaired",
            """
            def minibatches(X, y, batch_size, rng):
                order = rng.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    batch = order[start:start + batch_size]
                    yield X[batch], y[start:start + batch_size]
            """,
        ),
        (
            "no_shuffle",
            """
            def minibatches(X, y, batch_size, rng):
                for start in range(0, len(X), batch_size):
                    yield X[start:start + batch_size], y[start:start + batch_size]
            """,
        ),
        (
            "unpaired",
            """
            def minibatches(X, y, batch_size, rng):
                rng.shuffle(X)
                rng.shuffle(y)
                for start in range(0, len(X), batch_size):
                    yield X[start:start + batch_size], y[start:start + batch_size]
            """,
        ),
        (
            "unpaired",
            """
            def minibatches(X, y, batch_size, rng):
                Xs = rng.permutation(X)
                ys = rng.permutation(y)
                for start in range(0, len(X), batch_size):
                    yield Xs[start:start + batch_size], ys[start:start + batch_size]
            """,
        ),
        (
            "order_not_from_rng",
            """
            def minibatches(X, y, batch_size, rng):
                order = np.random.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    b = order[start:start + batch_size]
                    yield X[b], y[b]
            """,
        ),
        (
            "empty_last_batch",
            """
            def minibatches(X, y, batch_size, rng):
                order = rng.permutation(len(X))
                for k in range(len(X) // batch_size + 1):
                    b = order[k * batch_size:(k + 1) * batch_size]
                    yield X[b], y[b]
            """,
        ),
        (
            "permutation_per_batch",
            """
            def minibatches(X, y, batch_size, rng):
                for start in range(0, len(X), batch_size):
                    order = rng.permutation(len(X))
                    b = order[start:start + batch_size]
                    yield X[b], y[b]
            """,
        ),
        (
            "stop_short",
            """
            def minibatches(X, y, batch_size, rng):
                order = rng.permutation(len(X))
                for start in range(0, len(X) - batch_size, batch_size):
                    b = order[start:start + batch_size]
                    yield X[b], y[b]
            """,
        ),
        (
            "with_replacement",
            """
            def minibatches(X, y, batch_size, rng):
                order = rng.choice(len(X), len(X))
                for start in range(0, len(X), batch_size):
                    b = order[start:start + batch_size]
                    yield X[b], y[b]
            """,
        ),
        (
            "slice_long",
            """
            def minibatches(X, y, batch_size, rng):
                order = rng.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    b = order[start:start + batch_size + 1]
                    yield X[b], y[b]
            """,
        ),
        (
            "shuffles_in_place",
            """
            def minibatches(X, y, batch_size, rng):
                order = rng.permutation(len(X))
                X[:] = X[order]
                y[:] = y[order]
                for start in range(0, len(X), batch_size):
                    yield X[start:start + batch_size], y[start:start + batch_size]
            """,
        ),
        (
            None,
            """
            def minibatches(X, y, batch_size, rng):
                order = rng.permutation(len(X))
                n_batches = len(X) // batch_size
                for b in np.array_split(order, max(n_batches, 1)):
                    yield X[b], y[b]
            """,
        ),
    ],
    "check_momentum_step": [
        (
            "moving_average",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for l in range(len(params)):
                    velocities[l][:] = momentum * velocities[l] + (1 - momentum) * grads[l]
                    params[l][:] = params[l] - learning_rate * velocities[l]
            """,
        ),
        (
            "velocities_replaced",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for i in range(len(params)):
                    velocities[i] = momentum * velocities[i] - learning_rate * grads[i]
                    params[i] += velocities[i]
            """,
        ),
        (
            "velocity_not_in_place",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for p, g, v in zip(params, grads, velocities):
                    v = momentum * v - learning_rate * g
                    p += v
            """,
        ),
        (
            "ascent",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for p, g, v in zip(params, grads, velocities):
                    v *= momentum
                    v += learning_rate * g
                    p += v
            """,
        ),
        (
            "old_velocity",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for p, g, v in zip(params, grads, velocities):
                    old = v.copy()
                    v *= momentum
                    v -= learning_rate * g
                    p += old
            """,
        ),
        (
            "momentum_ignored",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for p, g, v in zip(params, grads, velocities):
                    v *= 0.9
                    v -= learning_rate * g
                    p += v
            """,
        ),
        (
            "rate_outside_velocity",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for p, g, v in zip(params, grads, velocities):
                    v *= momentum
                    v -= g
                    p += learning_rate * v
            """,
        ),
        (
            "minus_velocity",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for p, g, v in zip(params, grads, velocities):
                    v[:] = momentum * v - learning_rate * g
                    p -= v
            """,
        ),
        (
            None,
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for p, g, v in zip(params, grads, velocities):
                    v[:] = momentum * v - (1 - momentum) * learning_rate * g
                    p += v
            """,
        ),
        (
            "no_decay",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for p, g, v in zip(params, grads, velocities):
                    v[:] = v - learning_rate * g
                    p += v
            """,
        ),
        (
            None,
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for p, g, v in zip(params, grads, velocities):
                    v[:] = momentum * v - learning_rate * g
                    p[:] = v
            """,
        ),
    ],
    "check_moons_classifier": [
        (
            "no_hidden_layer",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            def train_moons_classifier(X, y):
                net = Network.from_sizes([2, 1], activation="tanh", output_activation="sigmoid", rng=0)
                fit(net, X, y, BinaryCrossEntropy(), "adam", learning_rate=0.05, epochs=100, batch_size=32, rng=0,
                    progress=False)
                return net
            """,
        ),
        (
            "no_seed",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            def train_moons_classifier(X, y):
                net = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="sigmoid")
                fit(net, X, y, BinaryCrossEntropy(), "adam", learning_rate=0.02, epochs=100, batch_size=32,
                    progress=False)
                return net
            """,
        ),
        (
            "undertrained",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            def train_moons_classifier(X, y):
                net = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="sigmoid", rng=0)
                fit(net, X, y, BinaryCrossEntropy(), "sgd", learning_rate=0.001, epochs=5, batch_size=32, rng=0,
                    progress=False)
                return net
            """,
        ),
    ],
    "check_sgd_step": [
        (
            "not_in_place",
            """
            def sgd_step(params, grads, learning_rate):
                for p, g in zip(params, grads):
                    p = p - learning_rate * g
            """,
        ),
        (
            "ascent",
            """
            def sgd_step(params, grads, learning_rate):
                for p, g in zip(params, grads):
                    p += learning_rate * g
            """,
        ),
        (
            "no_rate",
            """
            def sgd_step(params, grads, learning_rate):
                for p, g in zip(params, grads):
                    p -= g
            """,
        ),
        (
            "list_items_replaced",
            """
            def sgd_step(params, grads, learning_rate):
                for i in range(len(params)):
                    params[i] = params[i] - learning_rate * grads[i]
            """,
        ),
        (
            None,
            """
            def sgd_step(params, grads, learning_rate):
                for p, g in zip(params, grads):
                    p -= learning_rate * g / len(g)
            """,
        ),
        (
            "mean_grad",
            """
            def sgd_step(params, grads, learning_rate):
                for p, g in zip(params, grads):
                    p -= learning_rate * np.mean(g)
            """,
        ),
        (
            None,
            """
            def sgd_step(params, grads, learning_rate):
                for i in range(len(params) - 1):
                    params[i] -= learning_rate * grads[i]
            """,
        ),
        (
            None,
            """
            def sgd_step(params, grads, learning_rate):
                for p, g in zip(params, grads):
                    p -= learning_rate * p
            """,
        ),
        (
            "first_only",
            """
            def sgd_step(params, grads, learning_rate):
                p, g = params[0], grads[0]
                p -= learning_rate * g
            """,
        ),
        (
            "not_in_place",
            """
            def sgd_step(params, grads, learning_rate):
                for p, g in zip(params, reversed(grads)):
                    if p.shape == g.shape:
                        p -= learning_rate * g
            """,
        ),
        (
            None,
            """
            def sgd_step(params, grads, learning_rate):
                for p, g in zip(params, grads):
                    p -= learning_rate * g ** 2
            """,
        ),
    ],
    "check_train": [
        (
            "no_shuffle",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                      target_cost=None, patience=None):
                history, best, wait = [], np.inf, 0
                for epoch in range(1, epochs + 1):
                    for s in range(0, len(X), batch_size):
                        Yh, caches = forward(params, X[s:s + batch_size], activations)
                        delta = output_delta(Yh, Y[s:s + batch_size], kind)
                        params = update(params, backward(params, caches, delta), learning_rate)
                    c = cost(forward(params, X, activations)[0], Y, kind)
                    if not np.isfinite(c):
                        raise FloatingPointError(f"epoch {epoch}")
                    history.append(c)
                    if target_cost is not None and c <= target_cost:
                        break
                    if c < best:
                        best, wait = c, 0
                    else:
                        wait += 1
                        if patience is not None and wait >= patience:
                            break
                return params, history
            """,
        ),
        (
            "shuffle_once",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                      target_cost=None, patience=None):
                history, best, wait = [], np.inf, 0
                order = rng.permutation(len(X))
                for epoch in range(1, epochs + 1):
                    for s in range(0, len(X), batch_size):
                        b = order[s:s + batch_size]
                        Yh, caches = forward(params, X[b], activations)
                        params = update(params, backward(params, caches, output_delta(Yh, Y[b], kind)), learning_rate)
                    c = cost(forward(params, X, activations)[0], Y, kind)
                    if not np.isfinite(c):
                        raise FloatingPointError(f"epoch {epoch}")
                    history.append(c)
                    if target_cost is not None and c <= target_cost:
                        break
                    if c < best:
                        best, wait = c, 0
                    else:
                        wait += 1
                        if patience is not None and wait >= patience:
                            break
                return params, history
            """,
        ),
        (
            "previous_not_best",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                      target_cost=None, patience=None):
                history, wait = [], 0
                for epoch in range(1, epochs + 1):
                    order = rng.permutation(len(X))
                    for s in range(0, len(X), batch_size):
                        b = order[s:s + batch_size]
                        Yh, caches = forward(params, X[b], activations)
                        params = update(params, backward(params, caches, output_delta(Yh, Y[b], kind)), learning_rate)
                    c = cost(forward(params, X, activations)[0], Y, kind)
                    if not np.isfinite(c):
                        raise FloatingPointError(f"epoch {epoch}")
                    if history and c >= history[-1]:
                        wait += 1
                    else:
                        wait = 0
                    history.append(c)
                    if target_cost is not None and c <= target_cost:
                        break
                    if patience is not None and wait >= patience:
                        break
                return params, history
            """,
        ),
        (
            "patience_late",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                      target_cost=None, patience=None):
                history, best, wait = [], np.inf, 0
                for epoch in range(1, epochs + 1):
                    order = rng.permutation(len(X))
                    for s in range(0, len(X), batch_size):
                        b = order[s:s + batch_size]
                        Yh, caches = forward(params, X[b], activations)
                        params = update(params, backward(params, caches, output_delta(Yh, Y[b], kind)), learning_rate)
                    c = cost(forward(params, X, activations)[0], Y, kind)
                    if not np.isfinite(c):
                        raise FloatingPointError(f"epoch {epoch}")
                    history.append(c)
                    if target_cost is not None and c <= target_cost:
                        break
                    if c < best:
                        best, wait = c, 0
                    else:
                        wait += 1
                        if patience is not None and wait > patience:
                            break
                return params, history
            """,
        ),
        (
            "target_strict",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                      target_cost=None, patience=None):
                history, best, wait = [], np.inf, 0
                for epoch in range(1, epochs + 1):
                    order = rng.permutation(len(X))
                    for s in range(0, len(X), batch_size):
                        b = order[s:s + batch_size]
                        Yh, caches = forward(params, X[b], activations)
                        params = update(params, backward(params, caches, output_delta(Yh, Y[b], kind)), learning_rate)
                    c = cost(forward(params, X, activations)[0], Y, kind)
                    if not np.isfinite(c):
                        raise FloatingPointError(f"epoch {epoch}")
                    history.append(c)
                    if target_cost is not None and c < target_cost:
                        break
                    if c < best:
                        best, wait = c, 0
                    else:
                        wait += 1
                        if patience is not None and wait >= patience:
                            break
                return params, history
            """,
        ),
        (
            "drop_last",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                      target_cost=None, patience=None):
                history, best, wait = [], np.inf, 0
                for epoch in range(1, epochs + 1):
                    order = rng.permutation(len(X))
                    for k in range(len(X) // batch_size):
                        b = order[k * batch_size:(k + 1) * batch_size]
                        Yh, caches = forward(params, X[b], activations)
                        params = update(params, backward(params, caches, output_delta(Yh, Y[b], kind)), learning_rate)
                    c = cost(forward(params, X, activations)[0], Y, kind)
                    if not np.isfinite(c):
                        raise FloatingPointError(f"epoch {epoch}")
                    history.append(c)
                    if target_cost is not None and c <= target_cost:
                        break
                    if c < best:
                        best, wait = c, 0
                    else:
                        wait += 1
                        if patience is not None and wait >= patience:
                            break
                return params, history
            """,
        ),
        (
            "batch_mean",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                      target_cost=None, patience=None):
                history, best, wait = [], np.inf, 0
                for epoch in range(1, epochs + 1):
                    order = rng.permutation(len(X))
                    batch_costs = []
                    for s in range(0, len(X), batch_size):
                        b = order[s:s + batch_size]
                        Yh, caches = forward(params, X[b], activations)
                        batch_costs.append(cost(Yh, Y[b], kind))
                        params = update(params, backward(params, caches, output_delta(Yh, Y[b], kind)), learning_rate)
                    c = float(np.mean(batch_costs))
                    if not np.isfinite(c):
                        raise FloatingPointError(f"epoch {epoch}")
                    history.append(c)
                    if target_cost is not None and c <= target_cost:
                        break
                    if c < best:
                        best, wait = c, 0
                    else:
                        wait += 1
                        if patience is not None and wait >= patience:
                            break
                return params, history
            """,
        ),
        (
            "no_raise",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                      target_cost=None, patience=None):
                history, best, wait = [], np.inf, 0
                for epoch in range(1, epochs + 1):
                    order = rng.permutation(len(X))
                    for s in range(0, len(X), batch_size):
                        b = order[s:s + batch_size]
                        Yh, caches = forward(params, X[b], activations)
                        params = update(params, backward(params, caches, output_delta(Yh, Y[b], kind)), learning_rate)
                    c = cost(forward(params, X, activations)[0], Y, kind)
                    history.append(c)
                    if target_cost is not None and c <= target_cost:
                        break
                    if c < best:
                        best, wait = c, 0
                    else:
                        wait += 1
                        if patience is not None and wait >= patience:
                            break
                return params, history
            """,
        ),
        (
            "rng_not_used",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                      target_cost=None, patience=None):
                history, best, wait = [], np.inf, 0
                for epoch in range(1, epochs + 1):
                    order = np.random.permutation(len(X))
                    for s in range(0, len(X), batch_size):
                        b = order[s:s + batch_size]
                        Yh, caches = forward(params, X[b], activations)
                        params = update(params, backward(params, caches, output_delta(Yh, Y[b], kind)), learning_rate)
                    c = cost(forward(params, X, activations)[0], Y, kind)
                    if not np.isfinite(c):
                        raise FloatingPointError(f"epoch {epoch}")
                    history.append(c)
                    if target_cost is not None and c <= target_cost:
                        break
                    if c < best:
                        best, wait = c, 0
                    else:
                        wait += 1
                        if patience is not None and wait >= patience:
                            break
                return params, history
            """,
        ),
        (
            "unpaired",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                      target_cost=None, patience=None):
                history, best, wait = [], np.inf, 0
                for epoch in range(1, epochs + 1):
                    order = rng.permutation(len(X))
                    Xs = X[order]
                    for s in range(0, len(X), batch_size):
                        Yh, caches = forward(params, Xs[s:s + batch_size], activations)
                        delta = output_delta(Yh, Y[s:s + batch_size], kind)
                        params = update(params, backward(params, caches, delta), learning_rate)
                    c = cost(forward(params, X, activations)[0], Y, kind)
                    if not np.isfinite(c):
                        raise FloatingPointError(f"epoch {epoch}")
                    history.append(c)
                    if target_cost is not None and c <= target_cost:
                        break
                    if c < best:
                        best, wait = c, 0
                    else:
                        wait += 1
                        if patience is not None and wait >= patience:
                            break
                return params, history
            """,
        ),
        (
            None,
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                      target_cost=None, patience=None):
                history, best, wait = [], np.inf, 0
                for epoch in range(1, epochs + 1):
                    order = rng.permutation(len(X))
                    for s in range(0, len(X), batch_size):
                        b = order[s:s + batch_size]
                        Yh, caches = forward(params, X[b], activations)
                        params = update(params, backward(params, caches, output_delta(Yh, Y[b], kind)), learning_rate)
                    c = cost(forward(params, X, activations)[0], Y, kind)
                    if not np.isfinite(c):
                        raise FloatingPointError(f"epoch {epoch}")
                    if target_cost is not None and c <= target_cost:
                        break
                    history.append(c)
                    if c < best:
                        best, wait = c, 0
                    else:
                        wait += 1
                        if patience is not None and wait >= patience:
                            break
                return params, history
            """,
        ),
        (
            "target_ignored",
            """
            import copy
            from annlib import Network, datasets, fit
            from annlib.losses import BinaryCrossEntropy
            from annlib.scratch import backward, cost, forward, initialize, output_delta, update

            def train(params, X, Y, activations, kind, *, learning_rate, epochs, batch_size, rng,
                      target_cost=None, patience=None):
                history, best, wait = [], np.inf, 0
                for epoch in range(1, epochs + 1):
                    order = rng.permutation(len(X))
                    for s in range(0, len(X), batch_size):
                        b = order[s:s + batch_size]
                        Yh, caches = forward(params, X[b], activations)
                        params = update(params, backward(params, caches, output_delta(Yh, Y[b], kind)), learning_rate)
                    c = cost(forward(params, X, activations)[0], Y, kind)
                    if not np.isfinite(c):
                        raise FloatingPointError(f"epoch {epoch}")
                    history.append(c)
                    if c < best:
                        best, wait = c, 0
                    else:
                        wait += 1
                        if patience is not None and wait >= patience:
                            break
                return params, history
            """,
        ),
    ],
    "check_update": [
        (
            "in_place",
            """
            def update(params, grads, learning_rate):
                for (W, b), (dW, db) in zip(params, grads):
                    W -= learning_rate * dW
                    b -= learning_rate * db
                return params
            """,
        ),
        (
            "ascent",
            """
            def update(params, grads, learning_rate):
                return [(W + learning_rate * dW, b + learning_rate * db) for (W, b), (dW, db) in zip(params, grads)]
            """,
        ),
        (
            "biases_unchanged",
            """
            def update(params, grads, learning_rate):
                return [(W - learning_rate * dW, b) for (W, b), (dW, db) in zip(params, grads)]
            """,
        ),
        (
            "grads_swapped",
            """
            def update(params, grads, learning_rate):
                return [(W - learning_rate * db, b - learning_rate * dW) for (W, b), (dW, db) in zip(params, grads)]
            """,
        ),
        (
            "no_rate",
            """
            def update(params, grads, learning_rate):
                return [(W - dW, b - db) for (W, b), (dW, db) in zip(params, grads)]
            """,
        ),
        (
            None,
            """
            def update(params, grads, learning_rate):
                new = []
                for (W, b), (dW, db) in zip(params, grads):
                    new.append((W - learning_rate * dW, b - learning_rate * db.sum()))
                return new
            """,
        ),
        (
            None,
            """
            def update(params, grads, learning_rate):
                new = []
                for (W, b), (dW, db) in zip(params, grads[::-1]):
                    new.append((W - learning_rate * dW, b - learning_rate * db))
                return new
            """,
        ),
        (
            "in_place",
            """
            def update(params, grads, learning_rate):
                new = list(params)
                for i, (dW, db) in enumerate(grads):
                    new[i][0][...] -= learning_rate * dW
                    new[i][1][...] -= learning_rate * db
                return new
            """,
        ),
        (
            None,
            """
            def update(params, grads, learning_rate):
                new = []
                for i in range(len(params) - 1):
                    W, b = params[i]
                    dW, db = grads[i]
                    new.append((W - learning_rate * dW, b - learning_rate * db))
                return new
            """,
        ),
        (
            None,
            """
            def update(params, grads, learning_rate):
                new = []
                for (W, b), (dW, db) in zip(params, grads):
                    new.append((W - learning_rate * dW.T if dW.shape != W.shape else W - learning_rate * dW,
                                b - learning_rate * db / len(db)))
                return new
            """,
        ),
        (
            "grads_changed",
            """
            def update(params, grads, learning_rate):
                new = []
                for (W, b), (dW, db) in zip(params, grads):
                    dW *= learning_rate
                    db *= learning_rate
                    new.append((W - dW, b - db))
                return new
            """,
        ),
        (
            None,
            """
            def update(params, grads, learning_rate):
                return [(W - learning_rate * dW, (b - learning_rate * db).reshape(1, -1))
                        for (W, b), (dW, db) in zip(params, grads)]
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
    "check_sgd_step": [
        (
            "def sgd_step(params, grads, learning_rate):\n"
            '    """w -= learning_rate * grad for every (w, grad) pair, changing the arrays in params i'
            'n place."""\n'
            "    for param, grad in zip(params, grads):\n"
            "        param -= learning_rate * grad\n"
        ),
        """
            def sgd_step(params, grads, learning_rate):
                for i in range(len(params)):
                    params[i] -= learning_rate * grads[i]     # augmented assignment on the array: in place
        """,
        """
            def sgd_step(params, grads, learning_rate):
                for w, dw in zip(params, grads):
                    np.subtract(w, learning_rate * dw, out=w)
        """,
        """
            def sgd_step(params, grads, learning_rate):
                assert len(params) == len(grads), "one gradient per parameter"
                for w, g in zip(params, grads):
                    assert w.shape == g.shape
                    w[...] = w - learning_rate * g
                return params
        """,
        """
            def sgd_step(params, grads, learning_rate):
                for p, g in zip(params, grads):
                    p -= np.multiply(learning_rate, g)
        """,
    ],
    "check_momentum_step": [
        (
            "def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):\n"
            '    """v = momentum * v - learning_rate * grad; w += v, for every parameter, all in place."""\n'
            "    for w, g, v in zip(params, grads, velocities):\n"
            "        v *= momentum\n"
            "        v -= learning_rate * g\n"
            "        w += v\n"
        ),
        """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for w, g, v in zip(params, grads, velocities):
                    v[...] = momentum * v - learning_rate * g
                    w[...] = w + v
        """,
        """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for i in range(len(params)):
                    velocities[i] *= momentum
                    velocities[i] -= learning_rate * grads[i]
                    params[i] += velocities[i]
        """,
        """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for param, grad, velocity in zip(params, grads, velocities):
                    new_velocity = momentum * velocity - learning_rate * grad
                    np.copyto(velocity, new_velocity)   # keep the same array object
                    np.add(param, velocity, out=param)
        """,
        """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                beta, eta = momentum, learning_rate
                for k, (w, dw) in enumerate(zip(params, grads)):
                    v = velocities[k]
                    v[:] = beta * v - eta * dw
                    w[:] += v
                return params, velocities
        """,
    ],
    "check_minibatches": [
        (
            "def minibatches(X, y, batch_size, rng):\n"
            '    """Yield (X_batch, y_batch) pairs covering every example once, in an order shuffled by'
            ' rng."""\n'
            "    order = rng.permutation(len(X))\n"
            "    for start in range(0, len(X), batch_size):\n"
            "        batch = order[start:start + batch_size]\n"
            "        yield X[batch], y[batch]\n"
        ),
        """
            def minibatches(X, y, batch_size, rng):
                n = len(X)
                perm = rng.permutation(n)
                X_shuffled, y_shuffled = X[perm], y[perm]      # fancy indexing makes copies; X, y unchanged
                start = 0
                while start < n:
                    end = min(start + batch_size, n)
                    yield X_shuffled[start:end], y_shuffled[start:end]
                    start = end
        """,
        """
            def minibatches(X, y, batch_size, rng):
                idx = rng.permutation(len(X))
                n_batches = int(np.ceil(len(X) / batch_size))
                for k in range(n_batches):
                    chosen = idx[k * batch_size:(k + 1) * batch_size]
                    yield (X[chosen], y[chosen])
        """,
        """
            def minibatches(X, y, batch_size, rng):
                order = rng.permutation(len(X))
                batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
                yield from ((X[b], y[b]) for b in batches)
        """,
        """
            import math

            def minibatches(X, y, batch_size, rng):
                X = np.asarray(X)
                y = np.asarray(y)
                if len(X) != len(y):
                    raise ValueError("X and y need the same number of rows")
                permutation = list(rng.permutation(X.shape[0]))
                number_of_batches = math.ceil(X.shape[0] / batch_size)
                for k in range(number_of_batches):
                    indices = permutation[k * batch_size:(k + 1) * batch_size]
                    yield X[indices], y[indices]
        """,
    ],
    "check_update": [
        (
            "def update(params, grads, learning_rate):\n"
            '    """New [(W, b), ...]: each W and b one step of size learning_rate against its gradient'
            '; inputs unchanged."""\n'
            "    return [(W - learning_rate * gW, b - learning_rate * gb) for (W, b), (gW, gb) in zip(p"
            "arams, grads)]\n"
        ),
        """
            def update(params, grads, learning_rate):
                new_params = []
                for l in range(len(params)):
                    W, b = params[l]
                    dW, db = grads[l]
                    W_new = W - learning_rate * dW
                    b_new = b - learning_rate * db
                    new_params.append((W_new, b_new))
                return new_params
        """,
        """
            def update(params, grads, learning_rate):
                new_params = []
                for (W, b), (grad_W, grad_b) in zip(params, grads):
                    W = W.copy()            # copy first, then it is safe to update in place
                    b = b.copy()
                    W -= learning_rate * grad_W
                    b -= learning_rate * grad_b
                    new_params.append((W, b))
                return new_params
        """,
        """
            def update(params, grads, learning_rate):
                return [tuple(np.subtract(p, learning_rate * g) for p, g in zip(pair, grad_pair))
                        for pair, grad_pair in zip(params, grads)]
        """,
        """
            import copy

            def update(params, grads, learning_rate):
                if len(params) != len(grads):
                    raise ValueError("one (grad_W, grad_b) per layer")
                new_params = copy.deepcopy(params)
                for i, (grad_W, grad_b) in enumerate(grads):
                    W, b = new_params[i]
                    W -= learning_rate * grad_W
                    b -= learning_rate * grad_b
                return new_params
        """,
    ],
}
_ROUND4_WRONG = {
    "check_sgd_step": [
        # Rebinds the loop variable (param = param - ...), making new arrays: the originals never change.
        (
            "not_in_place",
            """
            def sgd_step(params, grads, learning_rate):
                for param, grad in zip(params, grads):
                    param = param - learning_rate * grad
        """,
        ),
        # Adds the gradient (param += ...), stepping uphill.
        (
            "ascent",
            """
            def sgd_step(params, grads, learning_rate):
                for param, grad in zip(params, grads):
                    param += learning_rate * grad
        """,
        ),
        # Returns a new list of updated arrays instead of changing the given arrays in place.
        (
            "not_in_place",
            """
            def sgd_step(params, grads, learning_rate):
                return [p - learning_rate * g for p, g in zip(params, grads)]
        """,
        ),
        # Replaces the list's entries (params[i] = params[i] - ...) instead of the arrays themselves, so anyone
        # holding the arrays sees no change.
        (
            "list_items_replaced",
            """
            def sgd_step(params, grads, learning_rate):
                for i in range(len(params)):
                    params[i] = params[i] - learning_rate * grads[i]
        """,
        ),
        # A return inside the loop: only the first parameter array is updated.
        (
            "first_only",
            """
            def sgd_step(params, grads, learning_rate):
                for param, grad in zip(params, grads):
                    param -= learning_rate * grad
                    return params
        """,
        ),
        # Ignores learning_rate and uses a fixed step of 0.01.
        (
            None,
            """
            def sgd_step(params, grads, learning_rate):
                lr = 0.01
                for param, grad in zip(params, grads):
                    param -= lr * grad
        """,
        ),
    ],
    "check_momentum_step": [
        # Rebinds the velocity (v = momentum * v - ...), so the velocities list never changes for the next call.
        (
            "velocity_not_in_place",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for w, g, v in zip(params, grads, velocities):
                    v = momentum * v - learning_rate * g
                    w += v
        """,
        ),
        # Subtracts the velocity from the weights (w -= v), going uphill.
        (
            "minus_velocity",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for w, g, v in zip(params, grads, velocities):
                    v *= momentum
                    v -= learning_rate * g
                    w -= v
        """,
        ),
        # Moves the weights with the old velocity before updating it.
        (
            "old_velocity",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for w, g, v in zip(params, grads, velocities):
                    w += v
                    v *= momentum
                    v -= learning_rate * g
        """,
        ),
        # Stores the velocity with the opposite sign (v = beta v + eta g, w -= v): the weights are right but the
        # velocities are negated.
        (
            "grad_added",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for w, g, v in zip(params, grads, velocities):
                    v *= momentum
                    v += learning_rate * g
                    w -= v
        """,
        ),
        # Ignores the momentum argument and always uses 0.9.
        (
            "momentum_ignored",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for w, g, v in zip(params, grads, velocities):
                    v *= 0.9
                    v -= learning_rate * g
                    w += v
        """,
        ),
        # Uses the exponential-average form v = beta v + (1 - beta) g (Adam-style) instead of the formula given.
        (
            "moving_average",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for w, g, v in zip(params, grads, velocities):
                    v[...] = momentum * v + (1 - momentum) * g
                    w -= learning_rate * v
        """,
        ),
        # Updates the velocities in place but rebinds the weights (w = w + v), so the parameters never change.
        (
            "params_not_in_place",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for w, g, v in zip(params, grads, velocities):
                    v *= momentum
                    v -= learning_rate * g
                    w = w + v
        """,
        ),
        # Forgets the decay of the old velocity: v -= eta g, so the velocity only accumulates.
        (
            "no_decay",
            """
            def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
                for w, g, v in zip(params, grads, velocities):
                    v -= learning_rate * g
                    w += v
        """,
        ),
    ],
    "check_minibatches": [
        # Shuffles X in place with rng.shuffle, changing the caller's X and breaking its pairing with y.
        (
            "unpaired",
            """
            def minibatches(X, y, batch_size, rng):
                rng.shuffle(X)
                for start in range(0, len(X), batch_size):
                    yield X[start:start + batch_size], y[start:start + batch_size]
        """,
        ),
        # Drops the last, smaller batch: range stops at n - batch_size.
        (
            "stop_short",
            """
            def minibatches(X, y, batch_size, rng):
                order = rng.permutation(len(X))
                for start in range(0, len(X) - batch_size, batch_size):
                    batch = order[start:start + batch_size]
                    yield X[batch], y[batch]
        """,
        ),
        # Uses n // batch_size batches, losing the remainder examples when n is not a multiple.
        (
            "drop_last",
            """
            def minibatches(X, y, batch_size, rng):
                order = rng.permutation(len(X))
                for k in range(len(X) // batch_size):
                    batch = order[k * batch_size:(k + 1) * batch_size]
                    yield X[batch], y[batch]
        """,
        ),
        # Shuffles with numpy's global random state (np.random.permutation) instead of the rng it is given.
        (
            "order_not_from_rng",
            """
            def minibatches(X, y, batch_size, rng):
                order = np.random.permutation(len(X))
                for start in range(0, len(X), batch_size):
                    batch = order[start:start + batch_size]
                    yield X[batch], y[batch]
        """,
        ),
        # Draws a separate permutation for y, so labels no longer match their examples.
        (
            "unpaired",
            """
            def minibatches(X, y, batch_size, rng):
                X_order = rng.permutation(len(X))
                y_order = rng.permutation(len(y))
                for start in range(0, len(X), batch_size):
                    yield X[X_order[start:start + batch_size]], y[y_order[start:start + batch_size]]
        """,
        ),
        # Uses np.array_split into ceil(n / batch_size) pieces, which evens out the sizes (23, 5 gives 5, 5, 5, 4,
        # 4).
        (
            "equal_sizes",
            """
            def minibatches(X, y, batch_size, rng):
                order = rng.permutation(len(X))
                n_batches = int(np.ceil(len(X) / batch_size))
                for batch in np.array_split(order, n_batches):
                    yield X[batch], y[batch]
        """,
        ),
        # Never shuffles: yields the batches in the original order.
        (
            "no_shuffle",
            """
            def minibatches(X, y, batch_size, rng):
                for start in range(0, len(X), batch_size):
                    yield X[start:start + batch_size], y[start:start + batch_size]
        """,
        ),
        # Samples each batch with rng.choice (with replacement), so some examples repeat and others never come.
        (
            "with_replacement",
            """
            def minibatches(X, y, batch_size, rng):
                n = len(X)
                for start in range(0, n, batch_size):
                    batch = rng.choice(n, size=min(batch_size, n - start))
                    yield X[batch], y[batch]
        """,
        ),
    ],
    "check_update": [
        # Updates W and b in place (W -= ...), changing the params it was asked to leave alone.
        (
            "in_place",
            """
            def update(params, grads, learning_rate):
                for (W, b), (gW, gb) in zip(params, grads):
                    W -= learning_rate * gW
                    b -= learning_rate * gb
                return params
        """,
        ),
        # Updates the arrays in place and returns nothing, like sgd_step.
        (
            None,
            """
            def update(params, grads, learning_rate):
                for (W, b), (gW, gb) in zip(params, grads):
                    W -= learning_rate * gW
                    b -= learning_rate * gb
        """,
        ),
        # Adds the gradients instead of subtracting them.
        (
            "ascent",
            """
            def update(params, grads, learning_rate):
                return [(W + learning_rate * gW, b + learning_rate * gb) for (W, b), (gW, gb) in zip(params, grads)]
        """,
        ),
        # Forgets to update the biases: returns each b unchanged.
        (
            "biases_unchanged",
            """
            def update(params, grads, learning_rate):
                return [(W - learning_rate * gW, b) for (W, b), (gW, gb) in zip(params, grads)]
        """,
        ),
        # Replaces the entries of the given params list (params[i] = ...), so the caller's list changes.
        (
            "list_items_replaced",
            """
            def update(params, grads, learning_rate):
                for i, ((W, b), (gW, gb)) in enumerate(zip(params, grads)):
                    params[i] = (W - learning_rate * gW, b - learning_rate * gb)
                return params
        """,
        ),
        # Mixes up the gradient pairs: uses grad_b for W's step and grad_W for b's.
        (
            "grads_swapped",
            """
            def update(params, grads, learning_rate):
                return [(W - learning_rate * gb, b - learning_rate * gW) for (W, b), (gW, gb) in zip(params, grads)]
        """,
        ),
        # Takes a shallow copy of the list (params.copy()) and then updates the same arrays in place.
        (
            "in_place",
            """
            def update(params, grads, learning_rate):
                new_params = params.copy()
                for (W, b), (gW, gb) in zip(new_params, grads):
                    W -= learning_rate * gW
                    b -= learning_rate * gb
                return new_params
        """,
        ),
        # Returns a flat list [W1, b1, W2, b2, ...] instead of (W, b) pairs.
        (
            "flat_list",
            """
            def update(params, grads, learning_rate):
                new = []
                for (W, b), (gW, gb) in zip(params, grads):
                    new.append(W - learning_rate * gW)
                    new.append(b - learning_rate * gb)
                return new
        """,
        ),
    ],
}

for _name, _sources in _ROUND4_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_sources)
for _name, _answers in _ROUND4_WRONG.items():
    WRONG.setdefault(_name, []).extend(_answers)
