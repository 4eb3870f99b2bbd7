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
        ("grads_changed", _sgd("    for p, g in zip(params, grads):\n        g *= learning_rate\n        p -= g\n")),
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
