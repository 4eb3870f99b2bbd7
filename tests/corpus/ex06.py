"""Exercise 06: learner-style answers (see tests/corpus/__init__.py)."""

CORRECT = {
    "check_dense_backward": [
        """
        def dense_backward(X, W, grad_z):
            grad_W = X.T @ grad_z
            grad_b = grad_z.sum(axis=0)
            grad_X = grad_z @ W.T
            return grad_W, grad_b, grad_X
        """,
        """
        def dense_backward(X, W, grad_z):
            return np.dot(X.T, grad_z), np.sum(grad_z, axis=0), np.dot(grad_z, W.T)
        """,
        """
        def dense_backward(X, W, grad_z):
            grad_W = np.einsum("ni,no->io", X, grad_z)
            grad_b = np.einsum("no->o", grad_z)
            grad_X = np.einsum("no,io->ni", grad_z, W)
            return grad_W, grad_b, grad_X
        """,
        """
        def dense_backward(X, W, grad_z):
            n, n_in = X.shape
            n_out = W.shape[1]
            grad_W = np.zeros((n_in, n_out))
            grad_b = np.zeros(n_out)
            grad_X = np.zeros((n, n_in))
            for k in range(n):
                grad_W += np.outer(X[k], grad_z[k])
                grad_b += grad_z[k]
                grad_X[k] = W @ grad_z[k]
            return grad_W, grad_b, grad_X
        """,
        """
        def dense_backward(X, W, grad_z):
            return (np.matmul(np.transpose(X), grad_z), grad_z.sum(0), np.matmul(grad_z, np.transpose(W)))
        """,
        """
        def dense_backward(X, W, grad_z):
            grad_W = (X.T @ grad_z).astype(np.float32)
            grad_b = grad_z.sum(axis=0).astype(np.float32)
            grad_X = (grad_z @ W.T).astype(np.float32)
            return grad_W, grad_b, grad_X
        """,
        """
        def dense_backward(X, W, grad_z):
            grad_b = np.ones(len(X)) @ grad_z
            return X.T.dot(grad_z), grad_b, grad_z.dot(W.T)
        """,
        """
        def dense_backward(X, W, grad_z):
            return [X.T @ grad_z, grad_z.sum(axis=0), grad_z @ W.T]
        """,
    ],
    "check_sigmoid_delta": [
        "def sigmoid_delta(a, grad_a):\n    return grad_a * a * (1 - a)\n",
        "def sigmoid_delta(a, grad_a):\n    return np.multiply(grad_a, a * (1.0 - a))\n",
        "def sigmoid_delta(a, grad_a):\n    return grad_a * (a - a ** 2)\n",
        """
        def sigmoid_delta(a, grad_a):
            derivative = a * (1 - a)
            return derivative * grad_a
        """,
        """
        def sigmoid_delta(a, grad_a):
            out = np.zeros_like(a, dtype=float)
            for index in np.ndindex(a.shape):
                out[index] = grad_a[index] * a[index] * (1 - a[index])
            return out
        """,
        """
        def sigmoid_delta(a, grad_a):
            a = np.asarray(a, dtype=float)
            return np.asarray(grad_a) * a * (1 - a)
        """,
        "def sigmoid_delta(a, grad_a):\n    return (grad_a * a * (1 - a)).astype(np.float32)\n",
        "def sigmoid_delta(a, grad_a):\n    return grad_a * a - grad_a * a * a\n",
    ],
    "check_numerical_gradient": [
        """
        def numerical_gradient(loss, W, eps=1e-6):
            grad = np.zeros_like(W)
            for index in np.ndindex(W.shape):
                original = W[index]
                W[index] = original + eps
                plus = loss()
                W[index] = original - eps
                minus = loss()
                W[index] = original
                grad[index] = (plus - minus) / (2 * eps)
            return grad
        """,
        # the textbook restore: += eps, -= 2 eps, += eps (leaves ~1e-16 of rounding)
        """
        def numerical_gradient(loss, W, eps=1e-6):
            grad = np.zeros(W.shape)
            for index in np.ndindex(W.shape):
                W[index] += eps
                plus = loss()
                W[index] -= 2 * eps
                minus = loss()
                W[index] += eps
                grad[index] = (plus - minus) / (2 * eps)
            return grad
        """,
        """
        def numerical_gradient(loss, W, eps=1e-6):
            grad = np.zeros_like(W, dtype=float)
            it = np.nditer(W, flags=["multi_index"])
            while not it.finished:
                i = it.multi_index
                old = W[i].copy()
                W[i] = old + eps
                up = loss()
                W[i] = old - eps
                down = loss()
                W[i] = old
                grad[i] = (up - down) / (2 * eps)
                it.iternext()
            return grad
        """,
        """
        def numerical_gradient(loss, W, eps=1e-6):
            flat = W.reshape(-1)  # a view: changing flat changes W
            grad = np.zeros(W.size)
            for k in range(W.size):
                keep = flat[k]
                flat[k] = keep + eps
                plus = loss()
                flat[k] = keep - eps
                minus = loss()
                flat[k] = keep
                grad[k] = (plus - minus) / (2 * eps)
            return grad.reshape(W.shape)
        """,
        """
        def numerical_gradient(loss, W, eps=1e-6):
            def nudged(index, step):
                saved = W[index]
                W[index] = saved + step
                value = loss()
                W[index] = saved
                return value

            grad = np.zeros_like(W)
            for index in np.ndindex(W.shape):
                grad[index] = (nudged(index, eps) - nudged(index, -eps)) / (2 * eps)
            return grad
        """,
        """
        def numerical_gradient(loss, W, eps=1e-6):
            original = W.copy()
            grad = np.zeros_like(W)
            for index in np.ndindex(W.shape):
                W[index] += eps
                plus = loss()
                W[...] = original
                W[index] -= eps
                minus = loss()
                W[...] = original
                grad[index] = (plus - minus) / (2 * eps)
            return grad
        """,
        """
        def numerical_gradient(loss, W, eps=1e-6):
            grad = np.zeros_like(W)
            for i in range(W.size):
                index = np.unravel_index(i, W.shape)
                value = float(W[index])
                W[index] = value + eps
                f_plus = float(loss())
                W[index] = value - eps
                f_minus = float(loss())
                W[index] = value
                grad[index] = (f_plus - f_minus) / (2 * eps)
            return grad
        """,
        """
        def numerical_gradient(loss, W, eps=1e-6):
            grad = np.zeros_like(W)
            for index in np.ndindex(*W.shape):
                W[index] = W[index] + eps
                plus = loss()
                W[index] = W[index] - 2 * eps
                minus = loss()
                W[index] = W[index] + eps
                grad[index] = (plus - minus) / (2 * eps)
            return grad
        """,
    ],
    "check_train_step": [
        """
        from annlib.losses import MSE

        def train_step(network, X, y, learning_rate):
            loss = MSE()
            y_pred = network.forward(X)
            value = loss(y_pred, y)
            network.backward(loss.gradient(y_pred, y))
            for param, grad in zip(network.parameters(), network.gradients()):
                param -= learning_rate * grad
            return value
        """,
        """
        from annlib.losses import MSE

        def train_step(network, X, y, learning_rate):
            mse = MSE()
            out = network.forward(X)
            loss = mse(out, y)
            network.backward(mse.gradient(out, y))
            params, grads = network.parameters(), network.gradients()
            for i in range(len(params)):
                params[i][...] = params[i] - learning_rate * grads[i]
            return float(loss)
        """,
        """
        from annlib.losses import MSE

        def train_step(network, X, y, learning_rate):
            y_pred = network.forward(X)
            loss = MSE()(y_pred, y)
            network.backward(MSE().gradient(y_pred, y))
            for p, g in zip(network.parameters(), network.gradients()):
                np.subtract(p, learning_rate * g, out=p)
            return loss
        """,
        """
        from annlib.losses import MSE

        def train_step(network, X, y, learning_rate):
            loss_fn = MSE()
            y_hat = network.forward(X)
            loss = loss_fn(y_hat, y)
            network.backward(loss_fn.gradient(y_hat, y))
            network.set_weights([p - learning_rate * g for p, g in zip(network.parameters(), network.gradients())])
            return loss
        """,
        """
        from annlib.losses import MSE

        def train_step(network, X, y, learning_rate):
            y_pred = network.forward(X)
            loss = np.mean((y_pred - y) ** 2)
            network.backward(2 * (y_pred - y) / y_pred.size)
            for layer in network.layers:
                layer.W -= learning_rate * layer.grad_W
                layer.b -= learning_rate * layer.grad_b
            return loss
        """,
        """
        from annlib.losses import MSE

        def train_step(network, X, y, learning_rate):
            loss = MSE()
            prediction = network.forward(X)
            before = loss(prediction, y)
            network.backward(loss.gradient(prediction, y))
            grads = network.gradients()
            for k, param in enumerate(network.parameters()):
                param -= learning_rate * grads[k]
            after = loss(network.forward(X), y)  # to see it go down; the step returns the loss before
            return before
        """,
        """
        from annlib.losses import MSE

        def train_step(network, X, y, learning_rate):
            loss = MSE()
            y_pred = network.forward(X)
            network.backward(loss.gradient(y_pred, y))
            for param, grad in zip(network.parameters(), network.gradients()):
                param += -learning_rate * grad
            return loss(y_pred, y)
        """,
    ],
    "check_backward": [
        """
        from annlib.scratch import ACTIVATIONS

        def backward(params, caches, delta_output):
            grads = [None] * len(params)
            delta = delta_output
            for layer in reversed(range(len(params))):
                W, _ = params[layer]
                A_prev, _, _ = caches[layer]
                grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                if layer > 0:
                    _, Z_prev, name = caches[layer - 1]
                    f, f_prime = ACTIVATIONS[name]
                    delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
            return grads
        """,
        # the layer before's output A is this layer's input A_prev: a valid way to the slope
        """
        from annlib.scratch import ACTIVATIONS

        def backward(params, caches, delta_output):
            grads = []
            delta = delta_output
            for layer in range(len(params) - 1, -1, -1):
                W = params[layer][0]
                A_prev = caches[layer][0]
                grads.insert(0, (A_prev.T @ delta, np.sum(delta, axis=0)))
                if layer > 0:
                    Z_prev, name = caches[layer - 1][1], caches[layer - 1][2]
                    delta = delta @ W.T * ACTIVATIONS[name][1](Z_prev, A_prev)
            return grads
        """,
        """
        from annlib.activations import relu_derivative, sigmoid_derivative, tanh_derivative, identity_derivative

        SLOPES = {"sigmoid": sigmoid_derivative, "tanh": tanh_derivative, "relu": relu_derivative,
                  "identity": identity_derivative}

        def backward(params, caches, delta_output):
            grads = []
            delta = delta_output
            for (W, b), (A_prev, Z, name), k in reversed(list(zip(params, caches, range(len(params))))):
                grads.append((np.dot(A_prev.T, delta), delta.sum(axis=0)))
                if k > 0:
                    Z_prev, previous = caches[k - 1][1], caches[k - 1][2]
                    delta = np.dot(delta, W.T) * SLOPES[previous](Z_prev)
            grads.reverse()
            return grads
        """,
        """
        def slope(name, Z):
            if name == "sigmoid":
                s = 1 / (1 + np.exp(-Z))
                return s * (1 - s)
            if name == "tanh":
                return 1 - np.tanh(Z) ** 2
            if name == "relu":
                return (Z > 0).astype(float)
            return np.ones_like(Z)

        def backward(params, caches, delta_output):
            n_layers = len(params)
            grads = [None] * n_layers
            delta = delta_output
            for l in range(n_layers - 1, -1, -1):
                A_prev = caches[l][0]
                grads[l] = (A_prev.T @ delta, delta.sum(axis=0))
                if l:
                    delta = (delta @ params[l][0].T) * slope(caches[l - 1][2], caches[l - 1][1])
            return grads
        """,
        # recursive
        """
        from annlib.scratch import ACTIVATIONS

        def backward(params, caches, delta_output):
            def back(layer, delta):
                A_prev = caches[layer][0]
                here = [(A_prev.T @ delta, delta.sum(axis=0))]
                if layer == 0:
                    return here
                _, Z_prev, name = caches[layer - 1]
                f, f_prime = ACTIVATIONS[name]
                before = back(layer - 1, (delta @ params[layer][0].T) * f_prime(Z_prev, f(Z_prev)))
                return before + here
            return back(len(params) - 1, delta_output)
        """,
        """
        from annlib.scratch import ACTIVATIONS

        def backward(params, caches, delta_output):
            grads = []
            delta = delta_output.copy()
            for layer in reversed(range(len(params))):
                A_prev, Z, name = caches[layer]
                grad_W = np.einsum("ni,no->io", A_prev, delta)
                grad_b = np.einsum("no->o", delta)
                grads = [[grad_W, grad_b]] + grads
                if layer > 0:
                    grad_A = np.einsum("no,io->ni", delta, params[layer][0])
                    _, Z_prev, previous = caches[layer - 1]
                    delta = grad_A * ACTIVATIONS[previous][1](Z_prev, None)
            return grads
        """,
        """
        import annlib.activations as act

        def backward(params, caches, delta_output):
            grads = [None] * len(params)
            delta = delta_output
            for i in range(len(params) - 1, -1, -1):
                A_prev = caches[i][0]
                grads[i] = (A_prev.T.dot(delta), delta.sum(axis=0))
                if i > 0:
                    _, Z_prev, name = caches[i - 1]
                    derivative = getattr(act, name + "_derivative")
                    delta = delta.dot(params[i][0].T) * derivative(Z_prev)
            return grads
        """,
        # a slip in Part 1's dense_backward must not cost Part 5
        """
        from annlib.scratch import ACTIVATIONS

        def dense_backward(X, W, grad_z):
            return X.T @ grad_z / len(X), grad_z.mean(axis=0), grad_z @ W.T

        def backward(params, caches, delta_output):
            grads = [None] * len(params)
            delta = delta_output
            for layer in reversed(range(len(params))):
                grad_W, grad_b, grad_A = dense_backward(caches[layer][0], params[layer][0], delta)
                grads[layer] = (grad_W, grad_b)
                if layer:
                    f, f_prime = ACTIVATIONS[caches[layer - 1][2]]
                    delta = grad_A * f_prime(caches[layer - 1][1], None)
            return grads
        """,
    ],
    "check_gradient_error": [
        """
        def gradient_error(params, X, Y, activations, kind, eps=1e-6):
            Y_hat, caches = forward(params, X, activations)
            grads = backward(params, caches, output_delta(Y_hat, Y, kind))

            def C():
                return cost(forward(params, X, activations)[0], Y, kind)

            largest = 0.0
            for (W, b), (grad_W, grad_b) in zip(params, grads):
                for array, grad in ((W, grad_W), (b, grad_b)):
                    estimate = numerical_gradient(C, array, eps)
                    scale = np.linalg.norm(grad) + np.linalg.norm(estimate)
                    if scale > 0:
                        largest = max(largest, np.linalg.norm(grad - estimate) / scale)
            return largest
        """,
        # the textbook restore: += eps, -= 2 eps, += eps
        """
        def gradient_error(params, X, Y, activations, kind, eps=1e-6):
            Y_hat, caches = forward(params, X, activations)
            grads = backward(params, caches, output_delta(Y_hat, Y, kind))
            errors = []
            for (W, b), (gW, gb) in zip(params, grads):
                for P, G in ((W, gW), (b, gb)):
                    M = np.zeros_like(P)
                    for i in np.ndindex(P.shape):
                        P[i] += eps
                        plus = cost(forward(params, X, activations)[0], Y, kind)
                        P[i] -= 2 * eps
                        minus = cost(forward(params, X, activations)[0], Y, kind)
                        P[i] += eps
                        M[i] = (plus - minus) / (2 * eps)
                    top = np.sqrt(np.sum((G - M) ** 2))
                    bottom = np.sqrt(np.sum(G ** 2)) + np.sqrt(np.sum(M ** 2))
                    errors.append(0.0 if bottom == 0 else top / bottom)
            return max(errors)
        """,
        # works on its own copy of the params: the caller's are never touched
        """
        def gradient_error(params, X, Y, activations, kind, eps=1e-6):
            Y_hat, caches = forward(params, X, activations)
            grads = backward(params, caches, output_delta(Y_hat, Y, kind))
            mine = [(W.copy(), b.copy()) for W, b in params]

            def C():
                return cost(forward(mine, X, activations)[0], Y, kind)

            worst = 0.0
            for (W, b), (gW, gb) in zip(mine, grads):
                for P, a in ((W, gW), (b, gb)):
                    m = numerical_gradient(C, P, eps)
                    denominator = np.linalg.norm(a) + np.linalg.norm(m)
                    r = np.linalg.norm(a - m) / denominator if denominator else 0.0
                    worst = max(worst, r)
            return worst
        """,
        """
        def relative_difference(a, m):
            total = np.linalg.norm(a) + np.linalg.norm(m)
            return 0.0 if total == 0 else np.linalg.norm(a - m) / total

        def gradient_error(params, X, Y, activations, kind, eps=1e-6):
            Y_hat, caches = forward(params, X, activations)
            grads = backward(params, caches, output_delta(Y_hat, Y, kind))
            loss = lambda: cost(forward(params, X, activations)[0], Y, kind)
            rs = []
            for layer in range(len(params)):
                for k in range(2):
                    rs.append(relative_difference(grads[layer][k], numerical_gradient(loss, params[layer][k], eps)))
            return float(np.max(rs))
        """,
        # a slip in Part 3's numerical_gradient must not cost Part 6
        """
        def numerical_gradient(loss, W, eps=1e-6):
            grad = np.zeros_like(W)
            for index in np.ndindex(W.shape):
                W[index] += eps
                grad[index] = (loss() - loss()) / eps
            return grad

        def gradient_error(params, X, Y, activations, kind, eps=1e-6):
            Y_hat, caches = forward(params, X, activations)
            grads = backward(params, caches, output_delta(Y_hat, Y, kind))
            C = lambda: cost(forward(params, X, activations)[0], Y, kind)
            r = []
            for pair, grad_pair in zip(params, grads):
                for P, G in zip(pair, grad_pair):
                    M = numerical_gradient(C, P, eps)
                    s = np.linalg.norm(G) + np.linalg.norm(M)
                    r.append(np.linalg.norm(G - M) / s if s > 0 else 0.0)
            return max(r)
        """,
        # restores with a saved copy of the whole array, in a try/finally
        """
        def gradient_error(params, X, Y, activations, kind, eps=1e-6):
            Y_hat, caches = forward(params, X, activations)
            grads = backward(params, caches, output_delta(Y_hat, Y, kind))
            result = 0.0
            for (W, b), (gW, gb) in zip(params, grads):
                for P, G in ((W, gW), (b, gb)):
                    saved = P.copy()
                    M = np.zeros(P.shape)
                    try:
                        for i in range(P.size):
                            idx = np.unravel_index(i, P.shape)
                            P[idx] = saved[idx] + eps
                            up = cost(forward(params, X, activations)[0], Y, kind)
                            P[idx] = saved[idx] - eps
                            down = cost(forward(params, X, activations)[0], Y, kind)
                            P[idx] = saved[idx]
                            M[idx] = (up - down) / (2 * eps)
                    finally:
                        P[...] = saved
                    norm = np.linalg.norm(G) + np.linalg.norm(M)
                    if norm != 0:
                        result = max(result, float(np.linalg.norm(G - M) / norm))
            return result
        """,
        # a guard against 0 / 0 in the denominator, as often written
        """
        def gradient_error(params, X, Y, activations, kind, eps=1e-6):
            Y_hat, caches = forward(params, X, activations)
            grads = backward(params, caches, output_delta(Y_hat, Y, kind))
            C = lambda: cost(forward(params, X, activations)[0], Y, kind)
            r = [
                np.linalg.norm(g - m) / max(np.linalg.norm(g) + np.linalg.norm(m), 1e-8)
                for pair, gpair in zip(params, grads)
                for p, g in zip(pair, gpair)
                for m in [numerical_gradient(C, p, eps)]
            ]
            return max(r)
        """,
        """
        def gradient_error(params, X, Y, activations, kind, eps=1e-6):
            Y_hat, caches = forward(params, X, activations)
            grads = backward(params, caches, output_delta(Y_hat, Y, kind))
            C = lambda: cost(forward(params, X, activations)[0], Y, kind)
            r = 0.0
            for pair, gpair in zip(params, grads):
                for p, g in zip(pair, gpair):
                    m = numerical_gradient(C, p, eps)
                    r = max(r, np.linalg.norm(g - m) / (np.linalg.norm(g) + np.linalg.norm(m) + 1e-8))
            return r
        """,
        # a copy per array, nudged with the textbook restore
        """
        import copy

        def gradient_error(params, X, Y, activations, kind, eps=1e-6):
            Y_hat, caches = forward(params, X, activations)
            grads = backward(params, caches, output_delta(Y_hat, Y, kind))
            work = copy.deepcopy(params)
            worst = 0.0
            for layer, (gW, gb) in enumerate(grads):
                for k, a in enumerate((gW, gb)):
                    P = work[layer][k]
                    m = np.zeros_like(P)
                    for i in np.ndindex(P.shape):
                        P[i] += eps
                        c_plus = cost(forward(work, X, activations)[0], Y, kind)
                        P[i] -= 2 * eps
                        c_minus = cost(forward(work, X, activations)[0], Y, kind)
                        P[i] += eps
                        m[i] = (c_plus - c_minus) / (2 * eps)
                    both = np.linalg.norm(a) + np.linalg.norm(m)
                    worst = max(worst, np.linalg.norm(a - m) / both if both > 0 else 0.0)
            return worst
        """,
    ],
}

WRONG = {
    "check_dense_backward": [
        (
            "grad_W_transposed",
            "def dense_backward(X, W, grad_z):\n    return grad_z.T @ X, grad_z.sum(axis=0), grad_z @ W.T\n",
        ),
        (
            "mean_over_batch",
            "def dense_backward(X, W, grad_z):\n    return X.T @ grad_z / len(X), grad_z.sum(axis=0), grad_z @ W.T\n",
        ),
        (
            "mean_over_batch",
            "def dense_backward(X, W, grad_z):\n    n = X.shape[0]\n"
            "    return X.T @ grad_z / n, grad_z.mean(axis=0), grad_z @ W.T / n\n",
        ),
        (
            "grad_b_wrong_axis",
            "def dense_backward(X, W, grad_z):\n    return X.T @ grad_z, grad_z.sum(axis=1), grad_z @ W.T\n",
        ),
        ("grad_b_total", "def dense_backward(X, W, grad_z):\n    return X.T @ grad_z, np.sum(grad_z), grad_z @ W.T\n"),
        ("grad_b_not_summed", "def dense_backward(X, W, grad_z):\n    return X.T @ grad_z, grad_z, grad_z @ W.T\n"),
        (
            "grad_X_not_transposed",
            "def dense_backward(X, W, grad_z):\n    return X.T @ grad_z, grad_z.sum(axis=0), grad_z @ W\n",
        ),
        ("order", "def dense_backward(X, W, grad_z):\n    return X.T @ grad_z, grad_z @ W.T, grad_z.sum(axis=0)\n"),
        (
            "grad_b_keepdims",
            "def dense_backward(X, W, grad_z):\n"
            "    return X.T @ grad_z, grad_z.sum(axis=0, keepdims=True), grad_z @ W.T\n",
        ),
        (
            "grad_X_transposed",
            "def dense_backward(X, W, grad_z):\n    return X.T @ grad_z, grad_z.sum(axis=0), W @ grad_z.T\n",
        ),
        (None, "def dense_backward(X, W, grad_z):\n    return X.T @ grad_z, grad_z.sum(axis=0)\n"),
    ],
    "check_sigmoid_delta": [
        ("no_a", "def sigmoid_delta(a, grad_a):\n    return grad_a * (1 - a)\n"),
        ("no_one_minus_a", "def sigmoid_delta(a, grad_a):\n    return grad_a * a\n"),
        ("tanh_derivative", "def sigmoid_delta(a, grad_a):\n    return grad_a * (1 - a ** 2)\n"),
        ("no_grad_a", "def sigmoid_delta(a, grad_a):\n    return a * (1 - a)\n"),
        (
            "sigmoid_again",
            """
            def sigmoid_delta(a, grad_a):
                s = 1 / (1 + np.exp(-a))
                return grad_a * s * (1 - s)
            """,
        ),
        ("plus", "def sigmoid_delta(a, grad_a):\n    return grad_a * a * (1 + a)\n"),
        ("added", "def sigmoid_delta(a, grad_a):\n    return grad_a + a * (1 - a)\n"),
        (
            "in_place",
            "def sigmoid_delta(a, grad_a):\n    grad_a *= a * (1 - a)\n    return grad_a\n",
        ),
        ("matrix_product", "def sigmoid_delta(a, grad_a):\n    return grad_a @ (a * (1 - a)).T\n"),
        ("no_a", "def sigmoid_delta(a, grad_a):\n    return grad_a - grad_a * a\n"),
    ],
    "check_numerical_gradient": [
        (
            "forward_difference",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                base = loss()
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    grad[index] = (loss() - base) / eps
                    W[index] = original
                return grad
            """,
        ),
        (
            "not_restored",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    grad[index] = (plus - minus) / (2 * eps)
                return grad
            """,
        ),
        (
            "eps_ignored",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                h = 1e-6
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + h
                    plus = loss()
                    W[index] = original - h
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * h)
                return grad
            """,
        ),
        (
            "divided_by_eps",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / eps
                return grad
            """,
        ),
        (
            "precedence",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / 2 * eps
                return grad
            """,
        ),
        (
            "nudge_unseen",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    W_plus = W.copy()
                    W_plus[index] += eps
                    W_minus = W.copy()
                    W_minus[index] -= eps
                    grad[index] = (loss() - loss()) / (2 * eps)
                return grad
            """,
        ),
        (
            "sign",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (minus - plus) / (2 * eps)
                return grad
            """,
        ),
        (
            "whole_array",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    W += eps
                    plus = loss()
                    W -= 2 * eps
                    minus = loss()
                    W += eps
                    grad[index] = (plus - minus) / (2 * eps)
                return grad
            """,
        ),
        (
            "nudge_unseen",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    W[index] = original
                    plus = loss()
                    W[index] = original - eps
                    W[index] = original
                    minus = loss()
                    grad[index] = (plus - minus) / (2 * eps)
                return grad
            """,
        ),
        (
            "not_restored",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    W[index] += eps
                    plus = loss()
                    W[index] -= 2 * eps
                    minus = loss()
                    grad[index] = (plus - minus) / (2 * eps)
                return grad
            """,
        ),
    ],
    "check_train_step": [
        (
            "not_in_place",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y_pred, y))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param = param - learning_rate * grad
                return value
            """,
        ),
        (
            "new_arrays",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y_pred, y))
                for layer in network.layers:
                    layer.W = layer.W - learning_rate * layer.grad_W
                    layer.b = layer.b - learning_rate * layer.grad_b
                return value
            """,
        ),
        (
            "uphill",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y_pred, y))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param += learning_rate * grad
                return value
            """,
        ),
        (
            "uphill",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y, y_pred))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param -= learning_rate * grad
                return value
            """,
        ),
        (
            "loss_after_update",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                network.backward(loss.gradient(y_pred, y))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param -= learning_rate * grad
                return loss(network.forward(X), y)
            """,
        ),
        (
            "no_learning_rate",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y_pred, y))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param -= grad
                return value
            """,
        ),
        (
            "fixed_learning_rate",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate=0.1):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y_pred, y))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param -= 0.1 * grad
                return value
            """,
        ),
        (
            "at_z",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y_pred, y), at_z=True)
                for param, grad in zip(network.parameters(), network.gradients()):
                    param -= learning_rate * grad
                return value
            """,
        ),
        (
            "no_return",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y_pred, y))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param -= learning_rate * grad
            """,
        ),
        (
            "extra_mean",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y_pred, y))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param -= learning_rate * grad / len(X)
                return value
            """,
        ),
        (
            "returns_prediction",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                network.backward(loss.gradient(y_pred, y))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param -= learning_rate * grad
                return y_pred
            """,
        ),
    ],
    "check_backward": [
        (
            "W_not_transposed",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W) * f_prime(Z_prev, f(Z_prev))
                return grads
            """,
        ),
        (
            "no_slope",
            """
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    delta = delta @ W.T
                return grads
            """,
        ),
        (
            "reversed_order",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = []
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads.append((A_prev.T @ delta, delta.sum(axis=0)))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
                return grads
            """,
        ),
        (
            "slope_at_A",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, Z, name = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        f, f_prime = ACTIVATIONS[caches[layer - 1][2]]
                        delta = (delta @ W.T) * f_prime(A_prev, f(A_prev))
                return grads
            """,
        ),
        (
            "mean_over_batch",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                n = delta_output.shape[0]
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta / n, delta.mean(axis=0))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
                return grads
            """,
        ),
        (
            "delta_not_passed_on",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                for layer in reversed(range(len(params))):
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta_output, delta_output.sum(axis=0))
                return grads
            """,
        ),
        (
            "first_to_last",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = []
                delta = delta_output
                for layer in range(len(params)):
                    W, _ = params[layer]
                    A_prev, Z, name = caches[layer]
                    grads.append((A_prev.T @ delta, delta.sum(axis=0)))
                    if layer + 1 < len(params):
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W) * f_prime(Z, f(Z))
                return grads
            """,
        ),
        (
            "in_place",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = delta @ W.T
                        delta *= f_prime(Z_prev, f(Z_prev))
                delta_output *= 1.0 / len(delta_output)
                return grads
            """,
        ),
        (
            "fixed_depth",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                (W1, b1), (W2, b2) = params
                (A0, Z1, name1), (A1, Z2, name2) = caches
                f, f_prime = ACTIVATIONS[name1]
                delta1 = (delta_output @ W2.T) * f_prime(Z1, f(Z1))
                return [(A0.T @ delta1, delta1.sum(axis=0)), (A1.T @ delta_output, delta_output.sum(axis=0))]
            """,
        ),
        (
            "slope_at_A",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W.T) * f_prime(A_prev, None)
                return grads
            """,
        ),
        (
            None,
            """
            def backward(params, caches, delta_output):
                return [(np.zeros_like(W), np.zeros_like(b)) for W, b in params]
            """,
        ),
        (
            "this_layer",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, Z, name = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W.T) * f_prime(Z, f(Z))
                return grads
            """,
        ),
        (
            "b_axis",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=1))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
                return grads
            """,
        ),
        (
            "skips_first_layer",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = []
                delta = delta_output
                for layer in range(len(params) - 1, 0, -1):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads.insert(0, (A_prev.T @ delta, delta.sum(axis=0)))
                    _, Z_prev, name = caches[layer - 1]
                    f, f_prime = ACTIVATIONS[name]
                    delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
                return grads
            """,
        ),
    ],
    "check_gradient_error": [
        (
            "forward_difference",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                base = C()
                worst = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for P, G in ((W, gW), (b, gb)):
                        M = np.zeros_like(P)
                        for i in np.ndindex(P.shape):
                            old = P[i]
                            P[i] = old + eps
                            M[i] = (C() - base) / eps
                            P[i] = old
                        s = np.linalg.norm(G) + np.linalg.norm(M)
                        worst = max(worst, np.linalg.norm(G - M) / s if s else 0.0)
                return worst
            """,
        ),
        (
            "not_restored",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                worst = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for P, G in ((W, gW), (b, gb)):
                        M = np.zeros_like(P)
                        for i in np.ndindex(P.shape):
                            P[i] += eps
                            plus = C()
                            P[i] -= 2 * eps
                            minus = C()
                            M[i] = (plus - minus) / (2 * eps)
                        s = np.linalg.norm(G) + np.linalg.norm(M)
                        worst = max(worst, np.linalg.norm(G - M) / s if s else 0.0)
                return worst
            """,
        ),
        (
            "weights_only",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                worst = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    M = numerical_gradient(C, W, eps)
                    s = np.linalg.norm(gW) + np.linalg.norm(M)
                    worst = max(worst, np.linalg.norm(gW - M) / s if s else 0.0)
                return worst
            """,
        ),
        (
            "absolute",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                worst = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for P, G in ((W, gW), (b, gb)):
                        M = numerical_gradient(C, P, eps)
                        worst = max(worst, np.linalg.norm(G - M))
                return worst
            """,
        ),
        (
            "elementwise",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                worst = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for P, G in ((W, gW), (b, gb)):
                        M = numerical_gradient(C, P, eps)
                        worst = max(worst, np.max(np.abs(G - M) / (np.abs(G) + np.abs(M) + 1e-300)))
                return worst
            """,
        ),
        (
            "mean_not_max",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                rs = []
                for (W, b), (gW, gb) in zip(params, grads):
                    for P, G in ((W, gW), (b, gb)):
                        M = numerical_gradient(C, P, eps)
                        s = np.linalg.norm(G) + np.linalg.norm(M)
                        rs.append(np.linalg.norm(G - M) / s if s else 0.0)
                return np.mean(rs)
            """,
        ),
        (
            "sum_not_max",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                total = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for P, G in ((W, gW), (b, gb)):
                        M = numerical_gradient(C, P, eps)
                        s = np.linalg.norm(G) + np.linalg.norm(M)
                        total += np.linalg.norm(G - M) / s if s else 0.0
                return total
            """,
        ),
        (
            "over_one_norm",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                worst = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for P, G in ((W, gW), (b, gb)):
                        M = numerical_gradient(C, P, eps)
                        s = np.linalg.norm(M)
                        worst = max(worst, np.linalg.norm(G - M) / s if s else 0.0)
                return worst
            """,
        ),
        (
            "no_zero_guard",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                rs = []
                for (W, b), (gW, gb) in zip(params, grads):
                    for P, G in ((W, gW), (b, gb)):
                        M = numerical_gradient(C, P, eps)
                        rs.append(np.linalg.norm(G - M) / (np.linalg.norm(G) + np.linalg.norm(M)))
                return np.max(rs)
            """,
        ),
        (
            "whole_network",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                a = np.concatenate([g.ravel() for pair in grads for g in pair])
                m = np.concatenate([numerical_gradient(C, p, eps).ravel() for pair in params for p in pair])
                return np.linalg.norm(a - m) / (np.linalg.norm(a) + np.linalg.norm(m))
            """,
        ),
        (
            "kind_ignored",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                C = lambda: cost(forward(params, X, activations)[0], Y, "mse")
                worst = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for P, G in ((W, gW), (b, gb)):
                        M = numerical_gradient(C, P, eps)
                        s = np.linalg.norm(G) + np.linalg.norm(M)
                        worst = max(worst, np.linalg.norm(G - M) / s if s else 0.0)
                return worst
            """,
        ),
        (
            "eps_ignored",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                worst = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for P, G in ((W, gW), (b, gb)):
                        M = numerical_gradient(C, P)
                        s = np.linalg.norm(G) + np.linalg.norm(M)
                        worst = max(worst, np.linalg.norm(G - M) / s if s else 0.0)
                return worst
            """,
        ),
    ],
}


# More answers in other learners' styles, their slips, and real learners' code in these signatures.

_MORE_CORRECT = {
    "check_dense_backward": [
        """
            def dense_backward(X, W, grad_z):
                return X.T @ grad_z, grad_z.sum(axis=0), grad_z @ W.T
            """,
        """
            def dense_backward(X, W, grad_z):
                grad_W = np.dot(X.T, grad_z)
                grad_b = np.sum(grad_z, axis=0)
                grad_X = np.dot(grad_z, W.T)
                return grad_W, grad_b, grad_X
            """,
        """
            def dense_backward(X, W, grad_z):
                return np.einsum('ni,no->io', X, grad_z), np.einsum('no->o', grad_z), np.einsum('no,io->ni', grad_z, W)
            """,
        """
            def dense_backward(X, W, grad_z):
                grad_W = np.zeros(W.shape)
                grad_b = np.zeros(W.shape[1])
                for i in range(X.shape[0]):
                    grad_W += np.outer(X[i], grad_z[i])
                    grad_b += grad_z[i]
                grad_X = grad_z @ W.T
                return grad_W, grad_b, grad_X
            """,
        """
            def dense_backward(X, W, grad_z):
                n = X.shape[0]
                return X.T @ grad_z, np.ones(n) @ grad_z, grad_z @ W.T
            """,
        """
            def dense_backward(X, W, grad_z):
                return (grad_z.T @ X).T, grad_z.sum(0), (W @ grad_z.T).T
            """,
        """
            def dense_backward(X, W, grad_z):
                grad_b = np.sum(grad_z, axis=0, keepdims=True).reshape(-1)
                return np.matmul(X.T, grad_z), grad_b, np.matmul(grad_z, W.T)
            """,
        """
            def dense_backward(X, W, grad_z):
                grad_W = np.tensordot(X, grad_z, axes=([0], [0]))
                return grad_W, grad_z.sum(axis=0), np.tensordot(grad_z, W, axes=([1], [1]))
            """,
        """
            def dense_backward(X, W, grad_z):
                grad_W = sum(np.outer(x_row, g_row) for x_row, g_row in zip(X, grad_z))
                grad_b = sum(g_row for g_row in grad_z)
                grad_X = np.array([W @ g_row for g_row in grad_z])
                return grad_W, grad_b, grad_X
            """,
        """
            def dense_backward(X, W, grad_z):
                n_in, n_out = W.shape
                grad_W = np.zeros((n_in, n_out))
                for i in range(n_in):
                    for j in range(n_out):
                        grad_W[i, j] = np.sum(X[:, i] * grad_z[:, j])
                return grad_W, grad_z.sum(axis=0), grad_z.dot(W.T)
            """,
        """
            def dense_backward(X, W, grad_z):
                dx = np.dot(grad_z, W.T)
                dW = np.dot(X.T, grad_z)
                db = np.sum(grad_z, axis=0)
                return dW, db, dx
            """,
        """
            def dense_backward(X, W, grad_z):
                N = X.shape[0]
                x = X.reshape(N, -1)
                dx = grad_z @ W.T
                dw = x.T @ grad_z
                db = grad_z.sum(axis=0)
                return dw, db, dx
            """,
    ],
    "check_sigmoid_delta": [
        """
            def sigmoid_delta(a, grad_a):
                return np.multiply(grad_a, np.multiply(a, 1 - a))
            """,
        """
            def sigmoid_delta(a, grad_a):
                out = np.array(grad_a, dtype=float, copy=True)
                out *= a
                out *= 1 - a
                return out
            """,
        """
            def sigmoid_delta(a, grad_a):
                a = np.asarray(a, dtype=float)
                return np.asarray(grad_a) * a * (1.0 - a)
            """,
        """
            def sigmoid_delta(a, grad_a):
                return np.array([g * s * (1 - s) for g, s in zip(np.ravel(grad_a), np.ravel(a))]).reshape(np.shape(a))
            """,
        """
            def sigmoid_delta(a, grad_a):
                return np.einsum('...,...,...->...', grad_a, a, 1 - a)
            """,
        """
            def sigmoid_delta(a, grad_a):
                return grad_a * (a - a * a)
            """,
        """
            def sigmoid_delta(a, grad_a):
                one_minus = 1.0 - a
                result = grad_a * a
                return result * one_minus
            """,
    ],
    "check_numerical_gradient": [
        """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                it = np.nditer(W, flags=['multi_index'], op_flags=['readwrite'])
                while not it.finished:
                    ix = it.multi_index
                    oldval = W[ix]
                    W[ix] = oldval + eps
                    fxph = loss()
                    W[ix] = oldval - eps
                    fxmh = loss()
                    W[ix] = oldval
                    grad[ix] = (fxph - fxmh) / (2 * eps)
                    it.iternext()
                return grad
            """,
        """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros(W.shape)
                for i in range(W.size):
                    old = W.flat[i]
                    W.flat[i] = old + eps
                    up = loss()
                    W.flat[i] = old - eps
                    down = loss()
                    W.flat[i] = old
                    grad.flat[i] = (up - down) / (2 * eps)
                return grad
            """,
        """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W, dtype=float)
                for index in np.ndindex(*W.shape):
                    saved = W[index].copy()
                    try:
                        W[index] = saved + eps
                        plus = loss()
                        W[index] = saved - eps
                        minus = loss()
                    finally:
                        W[index] = saved
                    grad[index] = (plus - minus) / (2 * eps)
                return grad
            """,
        """
            def numerical_gradient(loss, W, eps=1e-6):
                backup = W.copy()
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    W[index] = backup[index] + eps
                    plus = loss()
                    W[index] = backup[index] - eps
                    minus = loss()
                    W[index] = backup[index]
                    grad[index] = (plus - minus) / (2 * eps)
                W[...] = backup
                return grad
            """,
        """
            def numerical_gradient(loss, W, eps=1e-6):
                def at(index, value):
                    old = W[index]
                    W[index] = value
                    result = loss()
                    W[index] = old
                    return result
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    grad[index] = (at(index, W[index] + eps) - at(index, W[index] - eps)) / (2 * eps)
                return grad
            """,
        """
            def numerical_gradient(loss, W, eps=1e-6):
                values = []
                for index in np.ndindex(W.shape):
                    w0 = float(W[index])
                    W[index] = w0 + eps
                    lp = loss()
                    W[index] = w0 - eps
                    lm = loss()
                    W[index] = w0
                    values.append((lp - lm) / (2 * eps))
                return np.array(values).reshape(W.shape)
            """,
        """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.empty(W.shape)
                if W.ndim == 1:
                    indices = range(W.shape[0])
                else:
                    indices = np.ndindex(W.shape)
                for idx in indices:
                    keep = W[idx]
                    W[idx] = keep + eps
                    a = loss()
                    W[idx] = keep - eps
                    b = loss()
                    W[idx] = keep
                    grad[idx] = (a - b) / (2 * eps)
                return grad
            """,
        """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    W[index] += eps
                    plus = loss()
                    W[index] -= 2 * eps
                    minus = loss()
                    W[index] += eps
                    grad[index] = (plus - minus) / (2 * eps)
                return grad
            """,
    ],
    "check_train_step": [
        """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y_pred, y))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param -= learning_rate * grad
                return value
            """,
        """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                pred = network.forward(X)
                value = mse(pred, y)
                network.backward(mse.gradient(pred, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p[...] = p - learning_rate * g
                return value
            """,
        """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                out = network.forward(X)
                current = mse(out, y)
                network.backward(mse.gradient(out, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    np.subtract(p, learning_rate * g, out=p)
                return current
            """,
        """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                y_hat = network.forward(X)
                loss_value = MSE()(y_hat, y)
                network.backward(MSE().gradient(y_hat, y))
                params = list(network.parameters())
                grads = list(network.gradients())
                for i in range(len(params)):
                    params[i] -= grads[i] * learning_rate
                return loss_value
            """,
        """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                criterion = MSE()
                y_pred = network.forward(X)
                loss = criterion(y_pred, y)
                network.backward(criterion.gradient(y_pred, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p[:] = p - learning_rate * g
                return float(loss)
            """,
        """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                value = mse(y_pred, y)
                grad = mse.gradient(y_pred, y)
                network.backward(grad)
                for p, g in zip(network.parameters(), network.gradients()):
                    p -= g * learning_rate
                return value
            """,
        """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                value = mse(y_pred, y)
                network.backward(mse.gradient(y_pred, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    step = learning_rate * g
                    p -= step
                return value
            """,
        """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                value = mse(y_pred, y)
                network.backward(mse.gradient(y_pred, y))
                pairs = list(zip(network.parameters(), network.gradients()))
                for p, g in pairs:
                    p += -learning_rate * g
                return value
            """,
        """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                value = mse(y_pred, y)
                network.backward(mse.gradient(y_pred, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p.__isub__(learning_rate * g)
                return value
            """,
    ],
    "check_backward": [
        """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
                return grads
            """,
        """
            from annlib.scratch import ACTIVATIONS
            def dense_backward(X, W, grad_z):
                return X.T @ grad_z, grad_z.sum(axis=0), grad_z @ W.T

            def backward(params, caches, delta_output):
                grads = []
                delta = delta_output
                for layer in range(len(params) - 1, -1, -1):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grad_W, grad_b, grad_A_prev = dense_backward(A_prev, W, delta)
                    grads.append((grad_W, grad_b))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = grad_A_prev * f_prime(Z_prev, f(Z_prev))
                grads.reverse()
                return grads
            """,
        """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = []
                delta = delta_output
                layer = len(params) - 1
                while layer >= 0:
                    W, b = params[layer]
                    A_prev, Z, name = caches[layer]
                    grads.insert(0, (np.dot(A_prev.T, delta), np.sum(delta, axis=0)))
                    if layer > 0:
                        prev_Z, prev_name = caches[layer - 1][1], caches[layer - 1][2]
                        f, fp = ACTIVATIONS[prev_name]
                        delta = np.dot(delta, W.T) * fp(prev_Z, f(prev_Z))
                    layer -= 1
                return grads
            """,
        """
            from annlib.activations import identity_derivative, relu_derivative, sigmoid_derivative, tanh_derivative
            def backward(params, caches, delta_output):
                slopes = {"sigmoid": sigmoid_derivative, "tanh": tanh_derivative, "relu": relu_derivative,
                          "identity": identity_derivative}
                grads = [None] * len(params)
                delta = delta_output
                for layer in range(len(params) - 1, -1, -1):
                    A_prev = caches[layer][0]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer:
                        Z_prev, name = caches[layer - 1][1], caches[layer - 1][2]
                        delta = (delta @ params[layer][0].T) * slopes[name](Z_prev)
                return grads
            """,
        """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    A_prev = caches[layer][0]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        name = caches[layer - 1][2]
                        f_prime = ACTIVATIONS[name][1]
                        # this layer's input is the output of the layer before
                        delta = (delta @ params[layer][0].T) * f_prime(caches[layer - 1][1], A_prev)
                return grads
            """,
        """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                def go(layer, delta):
                    A_prev = caches[layer][0]
                    here = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer == 0:
                        return [here]
                    _, Z_prev, name = caches[layer - 1]
                    f, fp = ACTIVATIONS[name]
                    return go(layer - 1, (delta @ params[layer][0].T) * fp(Z_prev, f(Z_prev))) + [here]
                return go(len(params) - 1, delta_output)
            """,
        """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                L = len(params)
                grads_W, grads_b = [None] * L, [None] * L
                delta = delta_output.copy()
                for l in range(L - 1, -1, -1):
                    grads_W[l] = np.matmul(caches[l][0].T, delta)
                    grads_b[l] = delta.sum(axis=0)
                    if l:
                        Zp = caches[l - 1][1]
                        f, fp = ACTIVATIONS[caches[l - 1][2]]
                        delta = np.matmul(delta, params[l][0].T) * fp(Zp, f(Zp))
                return list(zip(grads_W, grads_b))
            """,
        """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = {}
                delta = delta_output
                for i, ((W, b), (A_prev, Z, name)) in reversed(list(enumerate(zip(params, caches)))):
                    grads[i] = (A_prev.T @ delta, np.sum(delta, axis=0))
                    if i > 0:
                        Zp, np_name = caches[i - 1][1], caches[i - 1][2]
                        f, fp = ACTIVATIONS[np_name]
                        delta = (delta @ W.T) * fp(Zp, f(Zp))
                return [grads[i] for i in range(len(params))]
            """,
        """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (np.einsum('ni,no->io', A_prev, delta), np.einsum('no->o', delta))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = np.einsum('no,io->ni', delta, W) * f_prime(Z_prev, f(Z_prev))
                return grads
            """,
        """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        new_delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
                    else:
                        new_delta = delta
                    grads[layer] = (A_prev.T @ new_delta if layer == 0 else A_prev.T @ delta, delta.sum(axis=0))
                    delta = new_delta
                return grads
            """,
        """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = delta @ W.T
                        delta *= f_prime(Z_prev, f(Z_prev))
                        Z_prev *= 1
                return grads
            """,
    ],
    "check_gradient_error": [
        """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                largest = 0.0
                for (W, b), (grad_W, grad_b) in zip(params, grads):
                    for array, grad in ((W, grad_W), (b, grad_b)):
                        estimate = numerical_gradient(C, array, eps)
                        scale = np.linalg.norm(grad) + np.linalg.norm(estimate)
                        if scale > 0:
                            largest = max(largest, np.linalg.norm(grad - estimate) / scale)
                return largest
            """,
        """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                rs = []
                for (W, b), (gW, gb) in zip(params, grads):
                    for arr, g in ((W, gW), (b, gb)):
                        m = np.zeros_like(arr)
                        for idx in np.ndindex(arr.shape):
                            old = arr[idx]
                            arr[idx] = old + eps
                            cp = C()
                            arr[idx] = old - eps
                            cm = C()
                            arr[idx] = old
                            m[idx] = (cp - cm) / (2 * eps)
                        denom = np.sqrt(np.sum(g ** 2)) + np.sqrt(np.sum(m ** 2))
                        rs.append(0.0 if denom == 0 else np.sqrt(np.sum((g - m) ** 2)) / denom)
                return max(rs)
            """,
        """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                errors = []
                for layer in range(len(params)):
                    for which in range(2):
                        a = grads[layer][which]
                        m = numerical_gradient(C, params[layer][which], eps)
                        top = np.linalg.norm((a - m).ravel())
                        bottom = np.linalg.norm(a.ravel()) + np.linalg.norm(m.ravel())
                        errors.append(top / bottom if bottom else 0.0)
                return float(np.max(errors))
            """,
        """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                worst = 0
                for (W, b), (gW, gb) in zip(params, grads):
                    for arr, g in [(W, gW), (b, gb)]:
                        m = numerical_gradient(C, arr, eps)
                        r = np.linalg.norm(g - m) / (np.linalg.norm(g) + np.linalg.norm(m) + 1e-300)
                        worst = max(worst, r)
                return worst
            """,
        """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                delta = output_delta(Y_hat, Y, kind)
                grads = backward(params, caches, delta)
                result = 0.0
                for i, (W, b) in enumerate(params):
                    for j, arr in enumerate((W, b)):
                        C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                        m = numerical_gradient(C, arr, eps=eps)
                        a = grads[i][j]
                        na, nm = np.linalg.norm(a), np.linalg.norm(m)
                        if na == 0 and nm == 0:
                            continue
                        result = max(result, np.linalg.norm(a - m) / (na + nm))
                return result
            """,
        """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                def rel(a, m):
                    s = np.linalg.norm(a) + np.linalg.norm(m)
                    return 0.0 if s == 0 else np.linalg.norm(a - m) / s
                pairs = []
                for (W, b), (gW, gb) in zip(params, grads):
                    pairs.append(rel(gW, numerical_gradient(C, W, eps)))
                    pairs.append(rel(gb, numerical_gradient(C, b, eps)))
                return max(pairs)
            """,
        """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                out = 0.0
                for p, g in zip(params, grads):
                    for k in (0, 1):
                        arr = p[k]
                        m = np.zeros(arr.shape)
                        for i in range(arr.size):
                            v = arr.flat[i]
                            arr.flat[i] = v + eps
                            up = C()
                            arr.flat[i] = v - eps
                            dn = C()
                            arr.flat[i] = v
                            m.flat[i] = (up - dn) / (2 * eps)
                        d = np.linalg.norm(g[k]) + np.linalg.norm(m)
                        if d > 0:
                            out = max(out, float(np.linalg.norm(g[k] - m) / d))
                return out
            """,
        """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                import math
                best = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for arr, a in ((W, gW), (b, gb)):
                        m = numerical_gradient(C, arr, eps)
                        na = math.sqrt(float((a ** 2).sum()))
                        nm = math.sqrt(float((m ** 2).sum()))
                        if na + nm == 0:
                            r = 0.0
                        else:
                            r = math.sqrt(float(((a - m) ** 2).sum())) / (na + nm)
                        best = r if r > best else best
                return best
            """,
    ],
}

_MORE_WRONG = {
    "check_dense_backward": [
        (
            "mean_over_batch",
            """
            def dense_backward(X, W, grad_z):
                return X.T @ grad_z, grad_z.mean(axis=0), grad_z @ W.T
            """,
        ),
        (
            "mean_over_batch",
            """
            def dense_backward(X, W, grad_z):
                return X.T @ grad_z / X.shape[0], grad_z.sum(axis=0), grad_z @ W.T
            """,
        ),
        (
            "dx_dw_db_order",
            """
            def dense_backward(X, W, grad_z):
                dx = np.dot(grad_z, W.T)
                dw = np.dot(X.T, grad_z)
                db = np.sum(grad_z, axis=0)
                return dx, dw, db
            """,
        ),
        (
            "grad_X_transposed",
            """
            def dense_backward(X, W, grad_z):
                return X.T @ grad_z, grad_z.sum(axis=0), (W @ grad_z.T)
            """,
        ),
        (
            "mean_over_batch",
            """
            def dense_backward(X, W, grad_z):
                return X.T @ grad_z, grad_z.sum(axis=0), grad_z @ W.T / X.shape[0]
            """,
        ),
        (
            None,
            """
            def dense_backward(X, W, grad_z):
                return -(X.T @ grad_z), grad_z.sum(axis=0), grad_z @ W.T
            """,
        ),
        (
            None,
            """
            def dense_backward(X, W, grad_z):
                return X.T @ grad_z, grad_z.sum(axis=0), X @ W
            """,
        ),
        (
            None,
            """
            def dense_backward(X, W, grad_z):
                return W.T @ grad_z.T @ X, grad_z.sum(axis=0), grad_z @ W.T
            """,
        ),
    ],
    "check_sigmoid_delta": [
        (
            "sigmoid_again",
            """
            def sigmoid_delta(a, grad_a):
                Z = a
                s = 1 / (1 + np.exp(-Z))
                dZ = grad_a * s * (1 - s)
                return dZ
            """,
        ),
        (
            None,
            """
            def sigmoid_delta(a, grad_a):
                s = 1 / (1 + np.exp(-a))
                dZ = s * (1 - s)
                return dZ
            """,
        ),
        (
            "negated",
            """
            def sigmoid_delta(a, grad_a):
                return grad_a * a * (a - 1)
            """,
        ),
        (
            "matrix_product",
            """
            def sigmoid_delta(a, grad_a):
                return grad_a @ (a * (1 - a))
            """,
        ),
        (
            None,
            """
            def sigmoid_delta(a, grad_a):
                return grad_a * a * (1 - a) / a.shape[0]
            """,
        ),
        (
            "in_place_a",
            """
            def sigmoid_delta(a, grad_a):
                a *= 1 - a
                return grad_a * a
            """,
        ),
    ],
    "check_numerical_gradient": [
        (
            "nudge_unseen",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    V = W.copy()
                    V[index] += eps
                    plus = loss()
                    V[index] -= 2 * eps
                    minus = loss()
                    grad[index] = (plus - minus) / (2 * eps)
                return grad
            """,
        ),
        (
            "sign",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original - eps
                    plus = loss()
                    W[index] = original + eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad
            """,
        ),
        (
            "whole_row",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for i in range(len(W)):
                    original = W[i].copy()
                    W[i] = original + eps
                    plus = loss()
                    W[i] = original - eps
                    minus = loss()
                    W[i] = original
                    grad[i] = (plus - minus) / (2 * eps)
                return grad
            """,
        ),
        (
            None,
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps) / W.size
                return grad
            """,
        ),
        (
            None,
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus + minus) / (2 * eps)
                return grad
            """,
        ),
        (
            None,
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original * (1 + eps)
                    plus = loss()
                    W[index] = original * (1 - eps)
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad
            """,
        ),
        (
            None,
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros(W.shape[0])
                for index in range(W.shape[0]):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = np.sum(plus - minus) / (2 * eps)
                return grad
            """,
        ),
        (
            None,
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                    break
                return grad
            """,
        ),
        (
            "eps_ignored",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                h = 1e-4
                grad = np.zeros_like(W)
                it = np.nditer(W, flags=['multi_index'], op_flags=['readwrite'])
                while not it.finished:
                    i = it.multi_index
                    tmp_x = W[i]
                    W[i] = tmp_x + h
                    fhx1 = loss()
                    W[i] = tmp_x - h
                    fhx2 = loss()
                    grad[i] = (fhx1 - fhx2) / (2 * h)
                    W[i] = tmp_x
                    it.iternext()
                return grad
            """,
        ),
    ],
    "check_train_step": [
        (
            "not_in_place",
            """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                value = mse(y_pred, y)
                network.backward(mse.gradient(y_pred, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p = p - learning_rate * g
                return value
            """,
        ),
        (
            "loss_after_update",
            """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                network.backward(mse.gradient(y_pred, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p -= learning_rate * g
                return mse(network.forward(X), y)
            """,
        ),
        (
            "uphill",
            """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                value = mse(y_pred, y)
                network.backward(mse.gradient(y_pred, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p += learning_rate * g
                return value
            """,
        ),
        (
            "no_learning_rate",
            """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                value = mse(y_pred, y)
                network.backward(mse.gradient(y_pred, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p -= g
                return value
            """,
        ),
        (
            "uphill",
            """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                value = mse(y_pred, y)
                network.backward(mse.gradient(y, y_pred))
                for p, g in zip(network.parameters(), network.gradients()):
                    p -= learning_rate * g
                return value
            """,
        ),
        (
            "no_return",
            """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                value = mse(y_pred, y)
                network.backward(mse.gradient(y_pred, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p -= learning_rate * g
            """,
        ),
        (
            "update_before_backward",
            """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                value = mse(y_pred, y)
                for p, g in zip(network.parameters(), network.gradients()):
                    p -= learning_rate * g
                network.backward(mse.gradient(y_pred, y))
                return value
            """,
        ),
        (
            "extra_mean",
            """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                value = mse(y_pred, y)
                network.backward(mse.gradient(y_pred, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p -= learning_rate * g / len(X)
                return value
            """,
        ),
        (
            "weights_only",
            """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                value = mse(y_pred, y)
                network.backward(mse.gradient(y_pred, y))
                for p, g in list(zip(network.parameters(), network.gradients()))[::2]:
                    p -= learning_rate * g
                return value
            """,
        ),
        (
            None,
            """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                value = mse(y_pred, y)
                network.backward(mse.gradient(y_pred, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p -= learning_rate * g
                return mse.gradient(y_pred, y)
            """,
        ),
        (
            "raw_error",
            """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                value = mse(y_pred, y)
                network.backward(y_pred - y)
                for p, g in zip(network.parameters(), network.gradients()):
                    p -= learning_rate * g
                return value
            """,
        ),
        (
            None,
            """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                y_pred = network.forward(X)
                value = mse(y_pred, y)
                network.backward(mse.gradient(y_pred, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p -= learning_rate * p
                return value
            """,
        ),
    ],
    "check_backward": [
        (
            "b_mean",
            """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.mean(axis=0))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
                return grads
            """,
        ),
        (
            "mean_over_batch",
            """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                dZ = delta_output
                m = dZ.shape[0]
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    dW = 1 / m * np.dot(A_prev.T, dZ)
                    db = 1 / m * np.sum(dZ, axis=0)
                    dA_prev = np.dot(dZ, W.T)
                    grads[layer] = (dW, db)
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        dZ = dA_prev * f_prime(Z_prev, f(Z_prev))
                return grads
            """,
        ),
        (
            "slope_at_A",
            """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, Z, name = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        f, f_prime = ACTIVATIONS[caches[layer - 1][2]]
                        Z_prev = caches[layer - 1][1]
                        delta = (delta @ W.T) * f_prime(A_prev, f(A_prev))
                return grads
            """,
        ),
        (
            "no_slope",
            """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        delta = delta @ W.T
                return grads
            """,
        ),
        (
            "reversed_order",
            """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = []
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads.append((A_prev.T @ delta, delta.sum(axis=0)))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
                return grads
            """,
        ),
        (
            None,
            """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                W, _ = params[-1]
                A_prev, _, _ = caches[-1]
                return [(A_prev.T @ delta_output, delta_output.sum(axis=0))]
            """,
        ),
        (
            "Z_as_A",
            """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W.T) * f_prime(Z_prev, Z_prev)
                return grads
            """,
        ),
        (
            None,
            """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, Z, name = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        f, f_prime = ACTIVATIONS[caches[layer - 1][2]]
                        delta = (delta @ W.T) * f_prime(caches[layer - 1][1], f(caches[layer - 1][1]))
                        delta = delta / delta.shape[0]
                return grads
            """,
        ),
        (
            "grad_W_transposed",
            """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (delta.T @ A_prev, delta.sum(axis=0))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
                return grads
            """,
        ),
        (
            None,
            """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = []
                delta = delta_output
                for layer in range(len(params)):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads.append((A_prev.T @ delta, delta.sum(axis=0)))
                    if layer + 1 < len(params):
                        _, Z, name = caches[layer]
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ params[layer + 1][0]) * f_prime(Z, f(Z))
                return grads
            """,
        ),
        (
            "this_layer",
            """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, Z, name = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W.T) * f_prime(Z, f(Z))
                return grads
            """,
        ),
    ],
    "check_gradient_error": [
        (
            "whole_network",
            """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                grad = np.concatenate([g.ravel() for pair in grads for g in pair])
                gradapprox = np.concatenate(
                    [numerical_gradient(C, arr, eps).ravel() for pair in params for arr in pair]
                )
                numerator = np.linalg.norm(grad - gradapprox)
                denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
                difference = numerator / denominator
                return difference
            """,
        ),
        (
            "absolute",
            """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                largest = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for arr, g in ((W, gW), (b, gb)):
                        m = numerical_gradient(C, arr, eps)
                        largest = max(largest, np.linalg.norm(g - m))
                return largest
            """,
        ),
        (
            "over_backward_norm",
            """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                largest = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for arr, g in ((W, gW), (b, gb)):
                        m = numerical_gradient(C, arr, eps)
                        if np.linalg.norm(g) > 0:
                            largest = max(largest, np.linalg.norm(g - m) / np.linalg.norm(g))
                return largest
            """,
        ),
        (
            "mean_not_max",
            """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                rs = []
                for (W, b), (gW, gb) in zip(params, grads):
                    for arr, g in ((W, gW), (b, gb)):
                        m = numerical_gradient(C, arr, eps)
                        s = np.linalg.norm(g) + np.linalg.norm(m)
                        rs.append(np.linalg.norm(g - m) / s if s else 0.0)
                return float(np.mean(rs))
            """,
        ),
        (
            "weights_only",
            """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                largest = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    m = numerical_gradient(C, W, eps)
                    s = np.linalg.norm(gW) + np.linalg.norm(m)
                    if s:
                        largest = max(largest, np.linalg.norm(gW - m) / s)
                return largest
            """,
        ),
        (
            "no_zero_guard",
            """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                largest = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for arr, g in ((W, gW), (b, gb)):
                        m = numerical_gradient(C, arr, eps)
                        largest = max(largest, np.linalg.norm(g - m) / (np.linalg.norm(g) + np.linalg.norm(m)))
                return largest
            """,
        ),
        (
            None,
            """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                rs = []
                for (W, b), (gW, gb) in zip(params, grads):
                    for arr, g in ((W, gW), (b, gb)):
                        m = numerical_gradient(C, arr, eps)
                        s = np.linalg.norm(g) + np.linalg.norm(m)
                        rs.append(np.linalg.norm(g - m) / s if s else 0.0)
                return rs
            """,
        ),
        (
            "forward_difference",
            """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                largest = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for arr, g in ((W, gW), (b, gb)):
                        m = np.zeros_like(arr)
                        base = C()
                        for idx in np.ndindex(arr.shape):
                            old = arr[idx]
                            arr[idx] = old + eps
                            m[idx] = (C() - base) / eps
                            arr[idx] = old
                        s = np.linalg.norm(g) + np.linalg.norm(m)
                        if s:
                            largest = max(largest, np.linalg.norm(g - m) / s)
                return largest
            """,
        ),
        (
            "min_not_max",
            """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                smallest = np.inf
                for (W, b), (gW, gb) in zip(params, grads):
                    for arr, g in ((W, gW), (b, gb)):
                        m = numerical_gradient(C, arr, eps)
                        s = np.linalg.norm(g) + np.linalg.norm(m)
                        smallest = min(smallest, np.linalg.norm(g - m) / s if s else 0.0)
                return smallest
            """,
        ),
        (
            "squared_norms",
            """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                largest = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for arr, g in ((W, gW), (b, gb)):
                        m = numerical_gradient(C, arr, eps)
                        s = np.sum(g ** 2) + np.sum(m ** 2)
                        if s:
                            largest = max(largest, np.sum((g - m) ** 2) / s)
                return largest
            """,
        ),
        (
            "first_layer_only",
            """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                (W, b), (gW, gb) = params[0], grads[0]
                rs = []
                for arr, g in ((W, gW), (b, gb)):
                    m = numerical_gradient(C, arr, eps)
                    s = np.linalg.norm(g) + np.linalg.norm(m)
                    rs.append(np.linalg.norm(g - m) / s if s else 0.0)
                return max(rs)
            """,
        ),
        (
            "not_restored",
            """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                largest = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for arr, g in ((W, gW), (b, gb)):
                        m = np.zeros_like(arr)
                        for idx in np.ndindex(arr.shape):
                            old = arr[idx]
                            arr[idx] = old + eps
                            cp = C()
                            arr[idx] = old - eps
                            cm = C()
                            m[idx] = (cp - cm) / (2 * eps)
                        s = np.linalg.norm(g) + np.linalg.norm(m)
                        if s:
                            largest = max(largest, np.linalg.norm(g - m) / s)
                return largest
            """,
        ),
        (
            "eps_ignored",
            """
            from annlib.scratch import backward, cost, forward, output_delta

            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))

                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)

                largest = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for arr, g in ((W, gW), (b, gb)):
                        m = numerical_gradient(C, arr)
                        s = np.linalg.norm(g) + np.linalg.norm(m)
                        if s:
                            largest = max(largest, np.linalg.norm(g - m) / s)
                return largest
            """,
        ),
    ],
}

for _name, _sources in _MORE_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_sources)
for _name, _answers in _MORE_WRONG.items():
    WRONG.setdefault(_name, []).extend(_answers)


# More answers in the styles learners write, and real learners' code translated to the signatures
# (cs231n, nnfs, Nielsen, deeplearning.ai, deep-learning-from-scratch) and the slips of their styles.
_REAL_STYLES_CORRECT = {
    "check_dense_backward": [
        """
            import numpy as np
            def dense_backward(X, W, grad_z):
                return np.dot(X.T, grad_z), np.sum(grad_z, axis=0), np.dot(grad_z, W.T)
            """,
        """
            import numpy as np
            def dense_backward(X, W, grad_z):
                grad_W = np.einsum("ni,no->io", X, grad_z)
                grad_b = np.einsum("no->o", grad_z)
                grad_X = np.einsum("no,io->ni", grad_z, W)
                return grad_W, grad_b, grad_X
            """,
        """
            import numpy as np
            def dense_backward(X, W, grad_z):
                n = X.shape[0]
                grad_W = np.zeros_like(W, dtype=float)
                grad_b = np.zeros(W.shape[1])
                for i in range(n):
                    grad_W += np.outer(X[i], grad_z[i])
                    grad_b += grad_z[i]
                grad_X = grad_z @ W.T
                return grad_W, grad_b, grad_X
            """,
        """
            import numpy as np
            def dense_backward(X, W, grad_z):
                grad_W = np.matmul(np.transpose(X), grad_z)
                grad_b = grad_z.sum(0)
                grad_X = np.matmul(grad_z, np.transpose(W))
                return (grad_W, grad_b, grad_X)
            """,
        """
            import numpy as np
            def dense_backward(X, W, grad_z):
                grad_X = (W @ grad_z.T).T
                grad_W = (grad_z.T @ X).T
                grad_b = np.ones(X.shape[0]) @ grad_z
                return grad_W, grad_b, grad_X
            """,
        """
            import numpy as np
            def dense_backward(X, W, grad_z):
                n_in, n_out = W.shape
                grad_W = np.array([[np.sum(X[:, i] * grad_z[:, j]) for j in range(n_out)] for i in range(n_in)])
                grad_b = np.array([grad_z[:, j].sum() for j in range(n_out)])
                grad_X = np.array([[np.dot(grad_z[s], W[i]) for i in range(n_in)] for s in range(X.shape[0])])
                return grad_W, grad_b, grad_X
            """,
        """
            import numpy as np
            def dense_backward(X, W, grad_z):
                X = np.asarray(X, dtype=float)
                grad_z = np.asarray(grad_z, dtype=float)
                grad_b = np.add.reduce(grad_z, axis=0)
                return X.T.dot(grad_z), grad_b, grad_z.dot(W.T)
            """,
        """
            import numpy as np
            def dense_backward(X, W, grad_z):
                grad_W = np.tensordot(X, grad_z, axes=([0], [0]))
                grad_b = np.mean(grad_z, axis=0) * grad_z.shape[0]
                grad_X = np.tensordot(grad_z, W, axes=([1], [1]))
                return grad_W, grad_b, grad_X
            """,
        """
            import numpy as np
            def dense_backward(X, W, grad_z):
                dout = grad_z
                dx = np.dot(dout, W.T)
                dW = np.dot(X.T, dout)
                db = np.sum(dout, axis=0)
                return dW, db, dx
            """,
        """
            import numpy as np
            def dense_backward(X, W, grad_z):
                N = X.shape[0]
                dx = grad_z.dot(W.T).reshape(X.shape)
                dw = X.reshape(N, -1).T.dot(grad_z)
                db = np.sum(grad_z, axis=0)
                return dw, db, dx
            """,
    ],
    "check_sigmoid_delta": [
        """
            def sigmoid_delta(a, grad_a):
                return grad_a * a * (1 - a)
            """,
        """
            import numpy as np
            def sigmoid_delta(a, grad_a):
                return np.multiply(grad_a, np.multiply(a, 1.0 - a))
            """,
        """
            def sigmoid_delta(a, grad_a):
                return grad_a * (a - a ** 2)
            """,
        """
            def sigmoid_delta(a, grad_a):
                s_prime = a * (1 - a)
                dz = grad_a * s_prime
                return dz
            """,
        """
            import numpy as np
            def sigmoid_delta(a, grad_a):
                out = np.array(grad_a, dtype=float, copy=True)
                out *= a
                out *= 1 - a
                return out
            """,
        """
            def sigmoid_delta(a, grad_a):
                return grad_a * a - grad_a * a * a
            """,
        """
            import numpy as np
            def sigmoid_delta(a, grad_a):
                return np.einsum("...,...->...", grad_a, a * (1 - a))
            """,
        """
            import numpy as np
            def sigmoid_delta(a, grad_a):
                a = np.asarray(a, dtype=float)
                return np.asarray(grad_a) * a * (1.0 - a)
            """,
        """
            def sigmoid_delta(a, grad_a):
                dA = grad_a
                s = a
                dZ = dA * s * (1 - s)
                assert dZ.shape == a.shape
                return dZ
            """,
    ],
    "check_numerical_gradient": [
        """
            import numpy as np
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros(W.shape)
                for idx in np.ndindex(W.shape):
                    old = W[idx]
                    W[idx] = old + eps
                    lp = loss()
                    W[idx] = old - eps
                    lm = loss()
                    W[idx] = old
                    grad[idx] = (lp - lm) / (2 * eps)
                return grad
            """,
        """
            import numpy as np
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                it = np.nditer(W, flags=["multi_index"], op_flags=["readwrite"])
                while not it.finished:
                    ix = it.multi_index
                    oldval = W[ix]
                    W[ix] = oldval + eps
                    fxph = loss()
                    W[ix] = oldval - eps
                    fxmh = loss()
                    W[ix] = oldval
                    grad[ix] = (fxph - fxmh) / (2 * eps)
                    it.iternext()
                return grad
            """,
        """
            import numpy as np
            def numerical_gradient(loss, W, eps=1e-6):
                flat = W.reshape(-1)
                grad = np.zeros(flat.size)
                for i in range(flat.size):
                    keep = flat[i]
                    flat[i] = keep + eps
                    up = loss()
                    flat[i] = keep - eps
                    down = loss()
                    flat[i] = keep
                    grad[i] = (up - down) / (2 * eps)
                return grad.reshape(W.shape)
            """,
        """
            import numpy as np
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.empty_like(W, dtype=float)
                for idx in np.ndindex(*W.shape):
                    saved = W[idx].copy()
                    W[idx] += eps
                    a = loss()
                    W[idx] -= 2 * eps
                    b = loss()
                    W[idx] = saved
                    grad[idx] = (a - b) / (2 * eps)
                return grad
            """,
        """
            import numpy as np
            def numerical_gradient(loss, W, eps=1e-6):
                original = W.copy()
                grad = np.zeros_like(W)
                for idx in np.ndindex(W.shape):
                    W[idx] = original[idx] + eps
                    plus = loss()
                    W[idx] = original[idx] - eps
                    minus = loss()
                    W[...] = original
                    grad[idx] = (plus - minus) / (2 * eps)
                return grad
            """,
        """
            import numpy as np
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                if W.ndim == 1:
                    for i in range(len(W)):
                        t = W[i]
                        W[i] = t + eps; f1 = loss()
                        W[i] = t - eps; f2 = loss()
                        W[i] = t
                        grad[i] = (f1 - f2) / (2 * eps)
                    return grad
                for i in range(W.shape[0]):
                    for j in range(W.shape[1]):
                        t = W[i, j]
                        W[i, j] = t + eps; f1 = loss()
                        W[i, j] = t - eps; f2 = loss()
                        W[i, j] = t
                        grad[i, j] = (f1 - f2) / (2 * eps)
                return grad
            """,
        """
            import numpy as np
            def numerical_gradient(loss, W, eps=1e-6):
                def nudged(idx, step):
                    old = W[idx]
                    W[idx] = old + step
                    try:
                        return loss()
                    finally:
                        W[idx] = old
                slopes = [(nudged(i, eps) - nudged(i, -eps)) / (2 * eps) for i in np.ndindex(W.shape)]
                return np.array(slopes).reshape(W.shape)
            """,
        """
            import numpy as np
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for idx in np.ndindex(W.shape):
                    E = np.zeros_like(W)
                    E[idx] = eps
                    W += E
                    plus = loss()
                    W -= 2 * E
                    minus = loss()
                    W += E
                    grad[idx] = (plus - minus) / (2 * eps)
                return grad
            """,
        """
            import numpy as np
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W)
                for idx in np.ndindex(W.shape):
                    tmp_val = W[idx]
                    W[idx] = float(tmp_val) + eps
                    fxh1 = loss()
                    W[idx] = tmp_val - eps
                    fxh2 = loss()
                    grad[idx] = (fxh1 - fxh2) / (2 * eps)
                    W[idx] = tmp_val
                return grad
            """,
    ],
    "check_train_step": [
        """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                mse = MSE()
                out = network.forward(X)
                L = mse(out, y)
                network.backward(mse.gradient(out, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p -= learning_rate * g
                return L
            """,
        """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                loss_fn = MSE()
                y_pred = network.forward(X)
                loss = loss_fn(y_pred, y)
                grad = loss_fn.gradient(y_pred, y)
                network.backward(grad)
                params, grads = network.parameters(), network.gradients()
                for i in range(len(params)):
                    params[i] -= learning_rate * grads[i]
                return loss
            """,
        """
            import numpy as np
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_hat = network.forward(X)
                value = float(loss(y_hat, y))
                network.backward(loss.gradient(y_hat, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    np.subtract(p, learning_rate * g, out=p)
                return value
            """,
        """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                loss = MSE()
                pred = network.forward(X)
                value = loss(pred, y)
                network.backward(loss.gradient(pred, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p[...] = p - learning_rate * g
                return value
            """,
        """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                loss = MSE()
                pred = network.forward(X)
                value = loss(pred, y)
                network.backward(loss.gradient(pred, y))
                grads = network.gradients()
                for k, p in enumerate(network.parameters()):
                    p -= grads[k] * learning_rate
                return value
            """,
        """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                criterion = MSE()
                predictions = network.forward(X)
                cost = criterion(predictions, y)
                network.backward(criterion.gradient(predictions, y))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param[:] -= learning_rate * grad
                return cost
            """,
        """
            import numpy as np
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                pred = network.forward(X)
                loss_value = np.mean((pred - y) ** 2)
                network.backward(MSE().gradient(pred, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p -= learning_rate * g
                return loss_value
            """,
        """
            from annlib.losses import MSE
            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                network.backward(loss.gradient(y_pred, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p -= learning_rate * g
                return loss(y_pred, y)
            """,
    ],
    "check_backward": [
        """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = []
                delta = delta_output
                for l in range(len(params) - 1, -1, -1):
                    A_prev, Z, name = caches[l]
                    W = params[l][0]
                    grads.insert(0, (A_prev.T @ delta, delta.sum(axis=0)))
                    if l > 0:
                        _, Zp, namep = caches[l - 1]
                        f, fp = ACTIVATIONS[namep]
                        delta = (delta @ W.T) * fp(Zp, f(Zp))
                return grads
            """,
        """
            import numpy as np
            from annlib.activations import sigmoid_derivative, tanh_derivative, relu_derivative, identity_derivative
            DERIV = {"sigmoid": sigmoid_derivative, "tanh": tanh_derivative, "relu": relu_derivative,
                     "identity": identity_derivative}
            def backward(params, caches, delta_output):
                L = len(params)
                grads = [None] * L
                delta = delta_output
                for l in reversed(range(L)):
                    A_prev = caches[l][0]
                    grads[l] = (np.dot(A_prev.T, delta), np.sum(delta, axis=0))
                    if l:
                        delta = np.dot(delta, params[l][0].T) * DERIV[caches[l - 1][2]](caches[l - 1][1])
                return grads
            """,
        """
            import numpy as np
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = []
                delta = delta_output
                for (W, b), (A_prev, Z, name), prev in zip(params[::-1], caches[::-1], caches[-2::-1] + [None]):
                    grads.append((A_prev.T @ delta, delta.sum(0)))
                    if prev is not None:
                        _, Zp, namep = prev
                        f, fp = ACTIVATIONS[namep]
                        delta = delta @ W.T * fp(Zp, f(Zp))
                return grads[::-1]
            """,
        """
            import numpy as np
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for l in range(len(params) - 1, -1, -1):
                    A_prev = caches[l][0]
                    grads[l] = (A_prev.T @ delta, delta.sum(axis=0))
                    if l == 0:
                        break
                    _, Zp, name = caches[l - 1]
                    dA = delta @ params[l][0].T
                    if name == "sigmoid":
                        s = 1 / (1 + np.exp(-Zp))
                        delta = dA * s * (1 - s)
                    elif name == "tanh":
                        delta = dA * (1 - np.tanh(Zp) ** 2)
                    elif name == "relu":
                        delta = dA * (Zp > 0)
                    else:
                        delta = dA
                return grads
            """,
        """
            import numpy as np
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = {}
                delta = delta_output.copy()
                l = len(params) - 1
                while l >= 0:
                    A_prev, _, _ = caches[l]
                    W, b = params[l]
                    grads[l] = (np.einsum("ni,no->io", A_prev, delta), delta.sum(axis=0))
                    if l > 0:
                        _, Zp, namep = caches[l - 1]
                        f, fp = ACTIVATIONS[namep]
                        Ap = caches[l][0]
                        delta = np.einsum("no,io->ni", delta, W) * fp(Zp, Ap)
                    l -= 1
                return [grads[i] for i in range(len(params))]
            """,
        """
            from annlib.scratch import ACTIVATIONS
            def dense_back(A_prev, W, delta):
                return A_prev.T @ delta, delta.sum(axis=0), delta @ W.T
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for l in reversed(range(len(params))):
                    gW, gb, gA = dense_back(caches[l][0], params[l][0], delta)
                    grads[l] = (gW, gb)
                    if l > 0:
                        _, Zp, namep = caches[l - 1]
                        delta = gA * ACTIVATIONS[namep][1](Zp, ACTIVATIONS[namep][0](Zp))
                return grads
            """,
        """
            import numpy as np
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                n_layers = len(params)
                grads_W, grads_b = [], []
                delta = delta_output
                for i in range(n_layers):
                    l = n_layers - 1 - i
                    grads_W.append(caches[l][0].T.dot(delta))
                    grads_b.append(np.sum(delta, axis=0, keepdims=True).reshape(-1))
                    if l > 0:
                        Zp, namep = caches[l - 1][1], caches[l - 1][2]
                        f, fp = ACTIVATIONS[namep]
                        delta = delta.dot(params[l][0].T) * fp(Zp, f(Zp))
                return list(zip(grads_W[::-1], grads_b[::-1]))
            """,
        """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for l in reversed(range(len(params))):
                    A_prev = caches[l][0]
                    grads[l] = (A_prev.T @ delta, delta.sum(axis=0))
                    if l > 0:
                        _, Zp, namep = caches[l - 1]
                        _, fp = ACTIVATIONS[namep]
                        delta = (delta @ params[l][0].T) * fp(Zp, A_prev)
                return grads
            """,
        """
            from annlib.scratch import ACTIVATIONS
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for l in reversed(range(len(params))):
                    A_prev = caches[l][0]
                    grads[l] = (A_prev.T @ delta, delta.sum(axis=0))
                    if l > 0:
                        _, Zp, namep = caches[l - 1]
                        f, fp = ACTIVATIONS[namep]
                        delta = delta @ params[l][0].T
                        delta *= fp(Zp, f(Zp))
                return grads
            """,
    ],
    "check_gradient_error": [
        """
            import numpy as np
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                worst = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for P, G in ((W, gW), (b, gb)):
                        M = numerical_gradient(lambda: cost(forward(params, X, activations)[0], Y, kind), P, eps)
                        denom = np.linalg.norm(G) + np.linalg.norm(M)
                        r = 0.0 if denom == 0 else np.linalg.norm(G - M) / denom
                        worst = max(worst, r)
                return worst
            """,
        """
            import numpy as np
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)
                rs = []
                for layer, (W, b) in enumerate(params):
                    for arr, a in zip((W, b), grads[layer]):
                        m = np.zeros_like(arr)
                        for idx in np.ndindex(arr.shape):
                            old = arr[idx]
                            arr[idx] = old + eps
                            cp = C()
                            arr[idx] = old - eps
                            cm = C()
                            arr[idx] = old
                            m[idx] = (cp - cm) / (2 * eps)
                        num = np.sqrt(np.sum((a - m) ** 2))
                        den = np.sqrt(np.sum(a ** 2)) + np.sqrt(np.sum(m ** 2))
                        rs.append(num / den if den > 0 else 0.0)
                return max(rs)
            """,
        """
            import numpy as np
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                delta = output_delta(Y_hat, Y, kind)
                grads = backward(params, caches, delta)
                loss = lambda: cost(forward(params, X, activations)[0], Y, kind)
                analytic = [g for pair in grads for g in pair]
                arrays = [p for pair in params for p in pair]
                errors = []
                for a, P in zip(analytic, arrays):
                    m = numerical_gradient(loss, P, eps=eps)
                    diff = np.linalg.norm(a - m)
                    total = np.linalg.norm(a) + np.linalg.norm(m)
                    errors.append(diff / total if total else 0.0)
                return float(np.max(errors))
            """,
        """
            import numpy as np
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                _, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(forward(params, X, activations)[0], Y, kind))
                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)
                largest = 0
                for i in range(len(params)):
                    for j in range(2):
                        a = grads[i][j]
                        m = numerical_gradient(C, params[i][j], eps)
                        s = np.linalg.norm(a.ravel()) + np.linalg.norm(m.ravel())
                        if s != 0:
                            largest = max(largest, np.linalg.norm((a - m).ravel()) / s)
                return largest
            """,
        """
            import numpy as np
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)
                def rel(a, m):
                    na, nm = np.linalg.norm(a), np.linalg.norm(m)
                    if na + nm == 0:
                        return 0.0
                    return np.linalg.norm(a - m) / (na + nm)
                return max(
                    max(rel(gW, numerical_gradient(C, W, eps)), rel(gb, numerical_gradient(C, b, eps)))
                    for (W, b), (gW, gb) in zip(params, grads)
                )
            """,
        """
            import numpy as np
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                def C():
                    return cost(forward(params, X, activations)[0], Y, kind)
                out = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for P, G in [(W, gW), (b, gb)]:
                        M = numerical_gradient(C, P, eps)
                        num = np.sqrt(((G - M) ** 2).sum())
                        den = np.sqrt((G ** 2).sum()) + np.sqrt((M ** 2).sum())
                        out = max(out, num / max(den, 1e-300)) if den > 0 else out
                return out
            """,
        """
            import numpy as np
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                worst = 0.0
                for layer in range(len(params)):
                    for k in range(2):
                        P = params[layer][k]
                        G = grads[layer][k]
                        backup = P.copy()
                        M = np.zeros(P.shape)
                        for idx in np.ndindex(P.shape):
                            P[idx] += eps
                            up = cost(forward(params, X, activations)[0], Y, kind)
                            P[idx] -= 2 * eps
                            down = cost(forward(params, X, activations)[0], Y, kind)
                            P[...] = backup
                            M[idx] = (up - down) / (2 * eps)
                        den = np.linalg.norm(G) + np.linalg.norm(M)
                        if den:
                            worst = max(worst, np.linalg.norm(G - M) / den)
                return worst
            """,
        """
            import numpy as np
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                r_values = [0.0]
                for (W, b), (gW, gb) in zip(params, grads):
                    for P, G in ((W, gW), (b, gb)):
                        M = numerical_gradient(C, P, eps)
                        nG, nM = np.linalg.norm(G), np.linalg.norm(M)
                        if nG or nM:
                            r_values.append(np.linalg.norm(G - M) / (nG + nM))
                return max(r_values)
            """,
    ],
}
_REAL_STYLES_WRONG = {
    "check_dense_backward": [
        (
            "mean_over_batch",
            """
                import numpy as np
                def dense_backward(X, W, grad_z):
                    return X.T @ grad_z / X.shape[0], grad_z.mean(axis=0), grad_z @ W.T
                """,
        ),
        (
            "grad_b_wrong_axis",
            """
                import numpy as np
                def dense_backward(X, W, grad_z):
                    return X.T @ grad_z, grad_z.sum(axis=1), grad_z @ W.T
                """,
        ),
        (
            "grad_b_total",
            """
                import numpy as np
                def dense_backward(X, W, grad_z):
                    return X.T @ grad_z, grad_z.sum(), grad_z @ W.T
                """,
        ),
        (
            "grad_W_transposed",
            """
                import numpy as np
                def dense_backward(X, W, grad_z):
                    return grad_z.T @ X, grad_z.sum(axis=0), grad_z @ W.T
                """,
        ),
        (
            "grad_X_not_transposed",
            """
                import numpy as np
                def dense_backward(X, W, grad_z):
                    return X.T @ grad_z, grad_z.sum(axis=0), grad_z @ W
                """,
        ),
        (
            None,
            """
                import numpy as np
                def dense_backward(X, W, grad_z):
                    return X.T @ grad_z, grad_z.sum(axis=0), X @ W
                """,
        ),
        (
            "grad_b_keepdims",
            """
                import numpy as np
                def dense_backward(X, W, grad_z):
                    return X.T @ grad_z, grad_z.sum(axis=0, keepdims=True), grad_z @ W.T
                """,
        ),
        (
            "mean_over_batch",
            """
                import numpy as np
                def dense_backward(X, W, grad_z):
                    return X.T @ grad_z, grad_z.sum(axis=0), grad_z @ W.T / X.shape[0]
                """,
        ),
        (
            None,
            """
                import numpy as np
                def dense_backward(X, W, grad_z):
                    return X.T @ grad_z, grad_z.sum(axis=0), W.T
                """,
        ),
        (
            None,
            """
                import numpy as np
                def dense_backward(X, W, grad_z):
                    return X.T @ grad_z, grad_z[0], grad_z @ W.T
                """,
        ),
        (
            "grad_X_transposed",
            """
                import numpy as np
                def dense_backward(X, W, grad_z):
                    return W.T @ grad_z if False else X.T @ grad_z, grad_z.sum(axis=0), (grad_z @ W.T).T
                """,
        ),
        (
            None,
            """
                import numpy as np
                def dense_backward(X, W, grad_z):
                    grad_W = X.T @ grad_z
                    return grad_W, grad_z.sum(axis=0), grad_z @ grad_W.T
                """,
        ),
        (
            "mean_and_keepdims",
            """
                import numpy as np
                def dense_backward(X, W, grad_z):
                    m = X.shape[0]
                    dW = 1 / m * np.dot(X.T, grad_z)
                    db = 1 / m * np.sum(grad_z, axis=0, keepdims=True)
                    dA_prev = np.dot(grad_z, W.T)
                    return dW, db, dA_prev
                """,
        ),
    ],
    "check_sigmoid_delta": [
        (
            "sigmoid_again",
            """
                import numpy as np
                def sigmoid_delta(a, grad_a):
                    s = 1 / (1 + np.exp(-a))
                    return grad_a * s * (1 - s)
                """,
        ),
        (
            "no_grad_a",
            """
                def sigmoid_delta(a, grad_a):
                    return a * (1 - a)
                """,
        ),
        (
            "negated",
            """
                def sigmoid_delta(a, grad_a):
                    return grad_a * a * (a - 1)
                """,
        ),
        (
            "tanh_derivative",
            """
                def sigmoid_delta(a, grad_a):
                    return grad_a * (1 - a ** 2)
                """,
        ),
        (
            "matrix_product",
            """
                import numpy as np
                def sigmoid_delta(a, grad_a):
                    return grad_a @ (a * (1 - a)).T
                """,
        ),
        (
            None,
            """
                def sigmoid_delta(a, grad_a):
                    return grad_a * a * 1 - a
                """,
        ),
        (
            "in_place",
            """
                def sigmoid_delta(a, grad_a):
                    grad_a *= a * (1 - a)
                    return grad_a
                """,
        ),
        (
            "no_a",
            """
                def sigmoid_delta(a, grad_a):
                    return grad_a * (1 - a)
                """,
        ),
        (
            "added",
            """
                def sigmoid_delta(a, grad_a):
                    return grad_a + a * (1 - a)
                """,
        ),
        (
            None,
            """
                import numpy as np
                def sigmoid_delta(a, grad_a):
                    return np.mean(grad_a * a * (1 - a), axis=0)
                """,
        ),
        (
            None,
            """
                import numpy as np
                def sigmoid_delta(a, grad_a):
                    a = np.clip(a, 1e-3, 1 - 1e-3)
                    return grad_a * a * (1 - a)
                """,
        ),
        (
            "sigmoid_again",
            """
                import numpy as np
                def sigmoid(z):
                    return 1.0 / (1.0 + np.exp(-z))
                def sigmoid_prime(z):
                    return sigmoid(z) * (1 - sigmoid(z))
                def sigmoid_delta(a, grad_a):
                    return grad_a * sigmoid_prime(a)
                """,
        ),
    ],
    "check_numerical_gradient": [
        (
            "forward_difference",
            """
                import numpy as np
                def numerical_gradient(loss, W, eps=1e-6):
                    fx = loss()
                    grad = np.zeros(W.shape)
                    for ix in np.ndindex(W.shape):
                        old_value = W[ix]
                        W[ix] = old_value + eps
                        fxh = loss()
                        W[ix] = old_value
                        grad[ix] = (fxh - fx) / eps
                    return grad
                """,
        ),
        (
            "back_to_start",
            """
                import numpy as np
                def numerical_gradient(loss, W, eps=1e-6):
                    grad = np.zeros_like(W)
                    for idx in np.ndindex(W.shape):
                        W[idx] += eps
                        plus = loss()
                        W[idx] -= eps
                        minus = loss()
                        grad[idx] = (plus - minus) / (2 * eps)
                    return grad
                """,
        ),
        (
            "not_restored",
            """
                import numpy as np
                def numerical_gradient(loss, W, eps=1e-6):
                    grad = np.zeros_like(W)
                    for idx in np.ndindex(W.shape):
                        W[idx] += eps
                        plus = loss()
                        W[idx] -= 2 * eps
                        minus = loss()
                        grad[idx] = (plus - minus) / (2 * eps)
                    return grad
                """,
        ),
        (
            "divided_by_eps",
            """
                import numpy as np
                def numerical_gradient(loss, W, eps=1e-6):
                    grad = np.zeros_like(W)
                    for idx in np.ndindex(W.shape):
                        old = W[idx]
                        W[idx] = old + eps
                        plus = loss()
                        W[idx] = old - eps
                        minus = loss()
                        W[idx] = old
                        grad[idx] = (plus - minus) / eps
                    return grad
                """,
        ),
        (
            "nudge_unseen",
            """
                import numpy as np
                def numerical_gradient(loss, W, eps=1e-6):
                    grad = np.zeros_like(W)
                    for idx in np.ndindex(W.shape):
                        V = W.copy()
                        V[idx] += eps
                        plus = loss()
                        V[idx] -= 2 * eps
                        minus = loss()
                        grad[idx] = (plus - minus) / (2 * eps)
                    return grad
                """,
        ),
        (
            "eps_ignored",
            """
                import numpy as np
                def numerical_gradient(loss, W, eps=1e-6):
                    eps = 1e-6
                    grad = np.zeros_like(W)
                    for idx in np.ndindex(W.shape):
                        old = W[idx]
                        W[idx] = old + eps
                        plus = loss()
                        W[idx] = old - eps
                        minus = loss()
                        W[idx] = old
                        grad[idx] = (plus - minus) / (2 * eps)
                    return grad
                """,
        ),
        (
            None,
            """
                import numpy as np
                def numerical_gradient(loss, W, eps=1e-6):
                    grad = np.zeros_like(W)
                    for i in range(W.shape[0]):
                        for j in range(W.shape[1]):
                            old = W[i, j]
                            W[i, j] = old + eps
                            plus = loss()
                            W[i, j] = old - eps
                            minus = loss()
                            W[i, j] = old
                            grad[i, j] = (plus - minus) / (2 * eps)
                    return grad
                """,
        ),
        (
            "sign",
            """
                import numpy as np
                def numerical_gradient(loss, W, eps=1e-6):
                    grad = np.zeros_like(W)
                    for idx in np.ndindex(W.shape):
                        old = W[idx]
                        W[idx] = old + eps
                        plus = loss()
                        W[idx] = old - eps
                        minus = loss()
                        W[idx] = old
                        grad[idx] = (minus - plus) / (2 * eps)
                    return grad
                """,
        ),
        (
            "whole_array",
            """
                import numpy as np
                def numerical_gradient(loss, W, eps=1e-6):
                    grad = np.zeros_like(W)
                    plus_all = W + eps
                    minus_all = W - eps
                    W[...] = plus_all
                    plus = loss()
                    W[...] = minus_all
                    minus = loss()
                    W[...] = (plus_all + minus_all) / 2
                    grad[...] = (plus - minus) / (2 * eps)
                    return grad
                """,
        ),
        (
            "precedence",
            """
                import numpy as np
                def numerical_gradient(loss, W, eps=1e-6):
                    grad = np.zeros_like(W)
                    for idx in np.ndindex(W.shape):
                        old = W[idx]
                        W[idx] = old + eps
                        plus = loss()
                        W[idx] = old - eps
                        minus = loss()
                        W[idx] = old
                        grad[idx] = (plus - minus) / 2 * eps
                    return grad
                """,
        ),
        (
            "forward_difference",
            """
                import numpy as np
                def numerical_gradient(loss, W, eps=1e-6):
                    grad = np.zeros_like(W)
                    base = loss()
                    for idx in np.ndindex(W.shape):
                        old = W[idx]
                        W[idx] = old - eps
                        minus = loss()
                        W[idx] = old
                        grad[idx] = (base - minus) / eps
                    return grad
                """,
        ),
        (
            None,
            """
                import numpy as np
                def numerical_gradient(loss, W, eps=1e-6):
                    grad = []
                    for idx in np.ndindex(W.shape):
                        old = W[idx]
                        W[idx] = old + eps
                        plus = loss()
                        W[idx] = old - eps
                        minus = loss()
                        W[idx] = old
                        grad.append((plus - minus) / (2 * eps))
                    return np.array(grad)
                """,
        ),
    ],
    "check_train_step": [
        (
            "uphill",
            """
                from annlib.losses import MSE
                def train_step(network, X, y, learning_rate):
                    loss = MSE()
                    y_pred = network.forward(X)
                    value = loss(y_pred, y)
                    network.backward(loss.gradient(y_pred, y))
                    for p, g in zip(network.parameters(), network.gradients()):
                        p += learning_rate * g
                    return value
                """,
        ),
        (
            "not_in_place",
            """
                from annlib.losses import MSE
                def train_step(network, X, y, learning_rate):
                    loss = MSE()
                    y_pred = network.forward(X)
                    value = loss(y_pred, y)
                    network.backward(loss.gradient(y_pred, y))
                    for p, g in zip(network.parameters(), network.gradients()):
                        p = p - learning_rate * g
                    return value
                """,
        ),
        (
            "loss_after_update",
            """
                from annlib.losses import MSE
                def train_step(network, X, y, learning_rate):
                    loss = MSE()
                    y_pred = network.forward(X)
                    network.backward(loss.gradient(y_pred, y))
                    for p, g in zip(network.parameters(), network.gradients()):
                        p -= learning_rate * g
                    return loss(network.forward(X), y)
                """,
        ),
        (
            "no_learning_rate",
            """
                from annlib.losses import MSE
                def train_step(network, X, y, learning_rate):
                    loss = MSE()
                    y_pred = network.forward(X)
                    value = loss(y_pred, y)
                    network.backward(loss.gradient(y_pred, y))
                    for p, g in zip(network.parameters(), network.gradients()):
                        p -= g
                    return value
                """,
        ),
        (
            "uphill",
            """
                from annlib.losses import MSE
                def train_step(network, X, y, learning_rate):
                    loss = MSE()
                    y_pred = network.forward(X)
                    value = loss(y_pred, y)
                    network.backward(loss.gradient(y, y_pred))
                    for p, g in zip(network.parameters(), network.gradients()):
                        p -= learning_rate * g
                    return value
                """,
        ),
        (
            "raw_error",
            """
                from annlib.losses import MSE
                def train_step(network, X, y, learning_rate):
                    loss = MSE()
                    y_pred = network.forward(X)
                    value = loss(y_pred, y)
                    network.backward(y_pred - y)
                    for p, g in zip(network.parameters(), network.gradients()):
                        p -= learning_rate * g
                    return value
                """,
        ),
        (
            "no_return",
            """
                from annlib.losses import MSE
                def train_step(network, X, y, learning_rate):
                    loss = MSE()
                    y_pred = network.forward(X)
                    value = loss(y_pred, y)
                    network.backward(loss.gradient(y_pred, y))
                    for p, g in zip(network.parameters(), network.gradients()):
                        p -= learning_rate * g
                """,
        ),
        (
            "weights_only",
            """
                from annlib.losses import MSE
                def train_step(network, X, y, learning_rate):
                    loss = MSE()
                    y_pred = network.forward(X)
                    value = loss(y_pred, y)
                    network.backward(loss.gradient(y_pred, y))
                    params, grads = network.parameters(), network.gradients()
                    for p, g in zip(params[::2], grads[::2]):
                        p -= learning_rate * g
                    return value
                """,
        ),
        (
            "extra_mean",
            """
                from annlib.losses import MSE
                def train_step(network, X, y, learning_rate):
                    loss = MSE()
                    y_pred = network.forward(X)
                    value = loss(y_pred, y)
                    network.backward(loss.gradient(y_pred, y))
                    for p, g in zip(network.parameters(), network.gradients()):
                        p -= learning_rate * g / len(X)
                    return value
                """,
        ),
        (
            None,
            """
                from annlib.losses import MSE
                def train_step(network, X, y, learning_rate):
                    loss = MSE()
                    y_pred = network.forward(X)
                    value = loss(y_pred, y)
                    network.backward(loss.gradient(y_pred, y))
                    for p, g in zip(network.parameters(), network.gradients()):
                        p -= learning_rate * g
                    return loss.gradient(y_pred, y)
                """,
        ),
        (
            None,
            """
                from annlib.losses import MSE
                def train_step(network, X, y, learning_rate):
                    loss = MSE()
                    y_pred = network.forward(X)
                    value = loss(y_pred, y)
                    network.backward(loss.gradient(y_pred, y))
                    for p, g in zip(network.parameters(), network.gradients()):
                        p *= 1 - learning_rate * g
                    return value
                """,
        ),
        (
            "not_in_place",
            """
                from annlib.losses import MSE
                def train_step(network, X, y, learning_rate):
                    loss = MSE()
                    y_pred = network.forward(X)
                    value = loss(y_pred, y)
                    network.backward(loss.gradient(y_pred, y))
                    grads = network.gradients()
                    for p, g in zip(network.parameters(), reversed(grads)):
                        if p.shape == g.shape:
                            p -= learning_rate * g
                    return value
                """,
        ),
    ],
    "check_backward": [
        (
            None,
            """
                from annlib.scratch import ACTIVATIONS
                def backward(params, caches, delta_output):
                    grads = [None] * len(params)
                    delta = delta_output
                    for l in reversed(range(len(params))):
                        A_prev, Z, name = caches[l]
                        grads[l] = (A_prev.T @ delta, delta.sum(axis=0))
                        if l > 0:
                            f, fp = ACTIVATIONS[name] if name != "softmax" else ACTIVATIONS["identity"]
                            delta = (delta @ params[l][0].T) * fp(caches[l - 1][1], None)
                    return grads
                """,
        ),
        (
            "no_slope",
            """
                from annlib.scratch import ACTIVATIONS
                def backward(params, caches, delta_output):
                    grads = [None] * len(params)
                    delta = delta_output
                    for l in reversed(range(len(params))):
                        A_prev = caches[l][0]
                        grads[l] = (A_prev.T @ delta, delta.sum(axis=0))
                        if l > 0:
                            delta = delta @ params[l][0].T
                    return grads
                """,
        ),
        (
            "reversed_order",
            """
                from annlib.scratch import ACTIVATIONS
                def backward(params, caches, delta_output):
                    grads = []
                    delta = delta_output
                    for l in reversed(range(len(params))):
                        A_prev = caches[l][0]
                        grads.append((A_prev.T @ delta, delta.sum(axis=0)))
                        if l > 0:
                            _, Zp, namep = caches[l - 1]
                            f, fp = ACTIVATIONS[namep]
                            delta = (delta @ params[l][0].T) * fp(Zp, f(Zp))
                    return grads
                """,
        ),
        (
            "mean_over_batch",
            """
                from annlib.scratch import ACTIVATIONS
                def backward(params, caches, delta_output):
                    grads = [None] * len(params)
                    delta = delta_output
                    for l in reversed(range(len(params))):
                        A_prev = caches[l][0]
                        n = A_prev.shape[0]
                        grads[l] = (A_prev.T @ delta / n, delta.mean(axis=0))
                        if l > 0:
                            _, Zp, namep = caches[l - 1]
                            f, fp = ACTIVATIONS[namep]
                            delta = (delta @ params[l][0].T) * fp(Zp, f(Zp))
                    return grads
                """,
        ),
        (
            None,
            """
                from annlib.scratch import ACTIVATIONS
                def backward(params, caches, delta_output):
                    grads = [None] * len(params)
                    delta = delta_output
                    for l in reversed(range(len(params))):
                        A_prev = caches[l][0]
                        grads[l] = (A_prev.T @ delta, delta.sum(axis=0))
                        if l > 0:
                            _, Zp, namep = caches[l - 1]
                            f, fp = ACTIVATIONS[namep]
                            if delta.shape[1] == params[l][0].shape[0]:  # W fits without .T
                                delta = (delta @ params[l][0]) * fp(Zp, f(Zp))
                            else:
                                delta = (delta @ params[l][0].T) * fp(Zp, f(Zp))
                    return grads
                """,
        ),
        (
            "reversed_order",
            """
                from annlib.scratch import ACTIVATIONS
                def backward(params, caches, delta_output):
                    grads = [None] * len(params)
                    delta = delta_output
                    for l in reversed(range(len(params))):
                        A_prev, Z, name = caches[l]
                        grads[l] = (A_prev.T @ delta, delta.sum(axis=0))
                        if l > 0:
                            _, Zp, namep = caches[l - 1]
                            f, fp = ACTIVATIONS[namep]
                            delta = (delta @ params[l][0].T) * fp(Zp, f(Zp))
                    return grads[::-1]
                """,
        ),
        (
            "sigmoid_everywhere",
            """
                import numpy as np
                def backward(params, caches, delta_output):
                    grads = [None] * len(params)
                    delta = delta_output
                    for l in reversed(range(len(params))):
                        A_prev = caches[l][0]
                        grads[l] = (A_prev.T @ delta, delta.sum(axis=0))
                        if l > 0:
                            Zp = caches[l - 1][1]
                            s = 1 / (1 + np.exp(-Zp))
                            delta = (delta @ params[l][0].T) * s * (1 - s)
                    return grads
                """,
        ),
        (
            None,
            """
                from annlib.scratch import ACTIVATIONS
                def backward(params, caches, delta_output):
                    grads = [None] * len(params)
                    delta = delta_output
                    for l in reversed(range(len(params))):
                        A_prev, Z, name = caches[l]
                        grads[l] = (A_prev.T @ delta, delta.sum(axis=0))
                        if l > 0:
                            _, Zp, namep = caches[l - 1]
                            f, fp = ACTIVATIONS[namep]
                            delta = delta @ params[l][0].T * fp(Zp, f(Zp))
                            delta = delta * fp(Zp, f(Zp))
                    return grads
                """,
        ),
        (
            None,
            """
                from annlib.scratch import ACTIVATIONS
                def backward(params, caches, delta_output):
                    grads = [None] * len(params)
                    delta = delta_output
                    for l in reversed(range(len(params))):
                        A_prev = caches[l][0]
                        grads[l] = (A_prev.T @ delta, delta.sum(axis=0))
                        if l > 0:
                            _, Zp, namep = caches[l - 1]
                            f, fp = ACTIVATIONS[namep]
                            delta = (delta @ params[l][0].T) * fp(Zp, f(Zp))
                        else:
                            break
                    return grads[-1:] if len(params) == 1 else grads[1:] + grads[:1]
                """,
        ),
        (
            "in_place",
            """
                from annlib.scratch import ACTIVATIONS
                def backward(params, caches, delta_output):
                    grads = [None] * len(params)
                    delta = delta_output
                    for l in reversed(range(len(params))):
                        A_prev = caches[l][0]
                        grads[l] = (A_prev.T @ delta, delta.sum(axis=0))
                        if l > 0:
                            _, Zp, namep = caches[l - 1]
                            f, fp = ACTIVATIONS[namep]
                            Zp[...] = fp(Zp, f(Zp))  # reuse the buffer
                            delta = (delta @ params[l][0].T) * Zp
                    return grads
                """,
        ),
        (
            None,
            """
                import numpy as np
                def sigmoid(z):
                    return 1.0 / (1.0 + np.exp(-z))
                def sigmoid_prime(z):
                    return sigmoid(z) * (1 - sigmoid(z))
                def backward(params, caches, delta_output):
                    nabla = [None] * len(params)
                    delta = delta_output * sigmoid_prime(caches[-1][1])
                    nabla[-1] = (caches[-1][0].T @ delta, delta.sum(axis=0))
                    for l in range(2, len(params) + 1):
                        z = caches[-l][1]
                        sp = sigmoid_prime(z)
                        delta = (delta @ params[-l + 1][0].T) * sp
                        nabla[-l] = (caches[-l][0].T @ delta, delta.sum(axis=0))
                    return nabla
                """,
        ),
        (
            "mean_and_keepdims",
            """
                import numpy as np
                from annlib.scratch import ACTIVATIONS
                def backward(params, caches, delta_output):
                    grads = [None] * len(params)
                    dZ = delta_output
                    for l in reversed(range(len(params))):
                        A_prev = caches[l][0]
                        m = A_prev.shape[0]
                        dW = 1.0 / m * np.dot(A_prev.T, dZ)
                        db = 1.0 / m * np.sum(dZ, axis=0, keepdims=True)
                        grads[l] = (dW, db)
                        if l > 0:
                            dA_prev = np.dot(dZ, params[l][0].T)
                            _, Zp, namep = caches[l - 1]
                            f, fp = ACTIVATIONS[namep]
                            dZ = dA_prev * fp(Zp, f(Zp))
                    return grads
                """,
        ),
    ],
    "check_gradient_error": [
        (
            "absolute",
            """
                import numpy as np
                def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                    Y_hat, caches = forward(params, X, activations)
                    grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                    C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                    worst = 0.0
                    for (W, b), (gW, gb) in zip(params, grads):
                        for P, G in ((W, gW), (b, gb)):
                            M = numerical_gradient(C, P, eps)
                            worst = max(worst, np.linalg.norm(G - M))
                    return worst
                """,
        ),
        (
            "weights_only",
            """
                import numpy as np
                def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                    Y_hat, caches = forward(params, X, activations)
                    grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                    C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                    worst = 0.0
                    for (W, b), (gW, gb) in zip(params, grads):
                        M = numerical_gradient(C, W, eps)
                        den = np.linalg.norm(gW) + np.linalg.norm(M)
                        if den:
                            worst = max(worst, np.linalg.norm(gW - M) / den)
                    return worst
                """,
        ),
        (
            "mean_not_max",
            """
                import numpy as np
                def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                    Y_hat, caches = forward(params, X, activations)
                    grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                    C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                    rs = []
                    for (W, b), (gW, gb) in zip(params, grads):
                        for P, G in ((W, gW), (b, gb)):
                            M = numerical_gradient(C, P, eps)
                            den = np.linalg.norm(G) + np.linalg.norm(M)
                            rs.append(np.linalg.norm(G - M) / den if den else 0.0)
                    return float(np.mean(rs))
                """,
        ),
        (
            "no_zero_guard",
            """
                import numpy as np
                def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                    Y_hat, caches = forward(params, X, activations)
                    grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                    C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                    worst = 0.0
                    for (W, b), (gW, gb) in zip(params, grads):
                        for P, G in ((W, gW), (b, gb)):
                            M = numerical_gradient(C, P, eps)
                            den = np.linalg.norm(G) + np.linalg.norm(M)
                            worst = max(worst, np.linalg.norm(G - M) / den)
                    return worst
                """,
        ),
        (
            "eps_ignored",
            """
                import numpy as np
                def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                    Y_hat, caches = forward(params, X, activations)
                    grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                    C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                    worst = 0.0
                    for (W, b), (gW, gb) in zip(params, grads):
                        for P, G in ((W, gW), (b, gb)):
                            M = numerical_gradient(C, P)
                            den = np.linalg.norm(G) + np.linalg.norm(M)
                            if den:
                                worst = max(worst, np.linalg.norm(G - M) / den)
                    return worst
                """,
        ),
        (
            None,
            """
                import numpy as np
                def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                    Y_hat, caches = forward(params, X, activations)
                    grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                    C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                    worst = 0.0
                    for (W, b), (gW, gb) in zip(params, grads):
                        for P, G in ((W, gW), (b, gb)):
                            M = numerical_gradient(C, P, eps)
                            den = np.linalg.norm(G) * np.linalg.norm(M)
                            if den:
                                worst = max(worst, np.linalg.norm(G - M) / den)
                    return worst
                """,
        ),
        (
            "min_not_max",
            """
                import numpy as np
                def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                    Y_hat, caches = forward(params, X, activations)
                    grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                    C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                    worst = 0.0
                    for (W, b), (gW, gb) in zip(params, grads):
                        for P, G in ((W, gW), (b, gb)):
                            M = numerical_gradient(C, P, eps)
                            den = np.linalg.norm(G) + np.linalg.norm(M)
                            if den:
                                r = np.linalg.norm(G - M) / den
                                worst = min(worst, r) if worst else r
                    return worst
                """,
        ),
        (
            "not_restored",
            """
                import numpy as np
                def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                    Y_hat, caches = forward(params, X, activations)
                    grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                    worst = 0.0
                    for (W, b), (gW, gb) in zip(params, grads):
                        for P, G in ((W, gW), (b, gb)):
                            M = np.zeros_like(P)
                            for idx in np.ndindex(P.shape):
                                old = P[idx]
                                P[idx] = old + eps
                                up = cost(forward(params, X, activations)[0], Y, kind)
                                P[idx] = old - eps
                                down = cost(forward(params, X, activations)[0], Y, kind)
                                M[idx] = (up - down) / (2 * eps)
                            den = np.linalg.norm(G) + np.linalg.norm(M)
                            if den:
                                worst = max(worst, np.linalg.norm(G - M) / den)
                    return worst
                """,
        ),
        (
            None,
            """
                import numpy as np
                def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                    Y_hat, caches = forward(params, X, activations)
                    grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                    C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                    worst = 0.0
                    for (W, b), (gW, gb) in zip(params, grads):
                        for P, G in ((W, gW), (b, gb)):
                            M = numerical_gradient(C, P, eps)
                            den = np.linalg.norm(G) + np.linalg.norm(M)
                            if den:
                                worst = max(worst, np.linalg.norm(G + M) / den)
                    return worst
                """,
        ),
        (
            None,
            """
                import numpy as np
                def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                    Y_hat, caches = forward(params, X, activations)
                    grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                    C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                    worst = 0.0
                    for (W, b), (gW, gb) in zip(params, grads):
                        for P, G in ((W, gW), (b, gb)):
                            M = numerical_gradient(C, P, eps)
                            den = np.abs(G).sum() + np.abs(M).sum()
                            if den:
                                worst = max(worst, np.abs(G - M).max() / den)
                    return worst
                """,
        ),
        (
            "weights_only",
            """
                import numpy as np
                def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                    Y_hat, caches = forward(params, X, activations)
                    grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                    C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                    worst = 0.0
                    for (W, b), (gW, gb) in zip(params, grads):
                        for P, G in ((W, gW), (b, gb)):
                            M = numerical_gradient(C, P, eps)
                            den = np.linalg.norm(G) + np.linalg.norm(M)
                            if den:
                                worst = max(worst, np.linalg.norm(G - M) / den)
                            break
                    return worst
                """,
        ),
        (
            "whole_network",
            """
                import numpy as np
                def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                    Y_hat, caches = forward(params, X, activations)
                    grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                    C = lambda: cost(forward(params, X, activations)[0], Y, kind)
                    grad = np.concatenate([g.ravel() for pair in grads for g in pair])
                    gradapprox = np.concatenate(
                        [numerical_gradient(C, P, eps).ravel() for pair in params for P in pair])
                    numerator = np.linalg.norm(grad - gradapprox)
                    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
                    difference = numerator / denominator
                    return difference
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
    "check_dense_backward": [
        (
            "def dense_backward(X, W, grad_z):\n"
            '    """(grad_W, grad_b, grad_X) for z = X @ W + b."""\n'
            "    grad_W = X.T @ grad_z\n"
            "    grad_b = grad_z.sum(axis=0)\n"
            "    grad_X = grad_z @ W.T\n"
            "    return grad_W, grad_b, grad_X\n"
        ),
        """
            def dense_backward(X, W, grad_z):
                grad_W = np.dot(X.T, grad_z)
                grad_b = np.sum(grad_z, axis=0)
                grad_X = np.dot(grad_z, W.T)
                return (grad_W, grad_b, grad_X)
        """,
        """
            def dense_backward(X, W, grad_z):
                grad_W = np.einsum("ni,no->io", X, grad_z)
                grad_b = np.einsum("no->o", grad_z)
                grad_X = np.einsum("no,io->ni", grad_z, W)
                return grad_W, grad_b, grad_X
        """,
        """
            def dense_backward(X, W, grad_z):
                n, n_in = X.shape
                n_out = W.shape[1]
                grad_W = np.zeros((n_in, n_out))
                grad_b = np.zeros(n_out)
                grad_X = np.zeros((n, n_in))
                for i in range(n):                      # every example adds its share
                    grad_W += np.outer(X[i], grad_z[i])
                    grad_b += grad_z[i]
                    grad_X[i] = W @ grad_z[i]
                return grad_W, grad_b, grad_X
        """,
        """
            def dense_backward(X, W, grad_z):
                X, W, grad_z = (np.asarray(a, dtype=float) for a in (X, W, grad_z))
                assert grad_z.shape == (X.shape[0], W.shape[1]), "grad_z must be (n_samples, n_outputs)"
                return np.matmul(X.T, grad_z), grad_z.sum(axis=0), np.matmul(grad_z, W.T)
        """,
    ],
    "check_sigmoid_delta": [
        ('def sigmoid_delta(a, grad_a):\n    """dC/dz = grad_a * a * (1 - a)."""\n    return grad_a * a * (1 - a)\n'),
        """
            def sigmoid_delta(a, grad_a):
                sigmoid_slope = a * (1.0 - a)   # a is already sigma(z)
                return np.multiply(grad_a, sigmoid_slope)
        """,
        """
            def sigmoid_delta(a, grad_a):
                a = np.asarray(a, dtype=float)
                grad_a = np.asarray(grad_a, dtype=float)
                return grad_a * (a - a ** 2)
        """,
        """
            def sigmoid_delta(a, grad_a):
                delta = np.empty_like(np.asarray(grad_a, dtype=float))
                for index in np.ndindex(delta.shape):
                    delta[index] = grad_a[index] * a[index] * (1 - a[index])
                return delta
        """,
    ],
    "check_numerical_gradient": [
        (
            "def numerical_gradient(loss, W, eps=1e-6):\n"
            '    """dloss/dW by central differences, one entry at a time; W is unchanged afterwards."""\n'
            "    grad = np.zeros_like(W, dtype=float)\n"
            "    for index in np.ndindex(W.shape):\n"
            "        original = W[index]\n"
            "        W[index] = original + eps\n"
            "        plus = loss()\n"
            "        W[index] = original - eps\n"
            "        minus = loss()\n"
            "        W[index] = original\n"
            "        grad[index] = (plus - minus) / (2 * eps)\n"
            "    return grad\n"
        ),
        """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros(W.shape)
                it = np.nditer(W, flags=["multi_index"])
                while not it.finished:
                    idx = it.multi_index
                    saved = W[idx].copy()
                    W[idx] = saved + eps
                    f_plus = float(loss())
                    W[idx] = saved - eps
                    f_minus = float(loss())
                    W[idx] = saved
                    grad[idx] = (f_plus - f_minus) / (2 * eps)
                    it.iternext()
                return grad
        """,
        """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros(W.shape)
                for flat in range(W.size):
                    idx = np.unravel_index(flat, W.shape)
                    old = W[idx]
                    try:
                        W[idx] = old + eps
                        up = loss()
                        W[idx] = old - eps
                        down = loss()
                    finally:
                        W[idx] = old          # always put the weight back
                    grad[idx] = (up - down) / (2 * eps)
                return grad
        """,
        """
            def numerical_gradient(loss, W, eps=1e-6):
                backup = W.copy()
                grad = np.zeros_like(backup, dtype=float)
                for index in np.ndindex(*W.shape):
                    W[index] += eps
                    c_plus = loss()
                    W[...] = backup
                    W[index] -= eps
                    c_minus = loss()
                    W[...] = backup
                    grad[index] = (c_plus - c_minus) / (2 * eps)
                return grad
        """,
        """
            def numerical_gradient(loss, W, eps=1e-6):
                def nudged(index, step):
                    original = W[index]
                    W[index] = original + step
                    value = loss()
                    W[index] = original
                    return value
                grad = np.empty(W.shape, dtype=float)
                for index in np.ndindex(W.shape):
                    grad[index] = (nudged(index, eps) - nudged(index, -eps)) / (2 * eps)
                return grad
        """,
    ],
    "check_train_step": [
        (
            "from annlib.losses import MSE\n"
            "\n"
            "def train_step(network, X, y, learning_rate):\n"
            '    """Forward, MSE loss, backward, and w -= learning_rate * dC/dw in place. Returns the l'
            'oss before the update."""\n'
            "    loss = MSE()\n"
            "    y_pred = network.forward(X)\n"
            "    value = loss(y_pred, y)\n"
            "    network.backward(loss.gradient(y_pred, y))\n"
            "    for param, grad in zip(network.parameters(), network.gradients()):\n"
            "        param -= learning_rate * grad\n"
            "    return value\n"
        ),
        """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                mse = MSE()
                prediction = network.forward(X)            # forward propagation
                cost = mse(prediction, y)                  # the loss, before any update
                grad_output = mse.gradient(prediction, y)  # dC/dy_hat
                network.backward(grad_output)              # backpropagation
                params = network.parameters()
                grads = network.gradients()
                for i in range(len(params)):
                    params[i] -= learning_rate * grads[i]
                return float(cost)
        """,
        """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss_fn = MSE()
                y_hat = network.forward(X)
                loss = loss_fn(y_hat, y)
                network.backward(loss_fn.gradient(y_hat, y))
                for w, dw in zip(network.parameters(), network.gradients()):
                    np.subtract(w, learning_rate * dw, out=w)
                return loss
        """,
        """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                out = network.forward(X)
                value = loss(out, y)
                network.backward(loss.gradient(out, y))
                for p, g in zip(network.parameters(), network.gradients()):
                    p[...] = p - learning_rate * g     # writes into the same array
                return value
        """,
        """
            from annlib.losses import MSE

            def sgd_update(params, grads, lr):
                for p, g in zip(params, grads):
                    p -= lr * g

            def train_step(network, X, y, learning_rate):
                criterion = MSE()
                predictions = network.forward(X)
                loss_value = criterion(predictions, y)
                network.backward(criterion.gradient(predictions, y))
                sgd_update(network.parameters(), network.gradients(), learning_rate)
                return loss_value
        """,
    ],
    "check_backward": [
        (
            "from annlib.scratch import ACTIVATIONS\n"
            "\n"
            "def backward(params, caches, delta_output):\n"
            '    """[(grad_W, grad_b), ...] in the order of params, from delta_output = dC/dZ of the ou'
            'tput layer."""\n'
            "    grads = [None] * len(params)\n"
            "    delta = delta_output\n"
            "    for layer in reversed(range(len(params))):\n"
            "        W, _ = params[layer]\n"
            "        A_prev, _, _ = caches[layer]\n"
            "        grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))\n"
            "        if layer > 0:\n"
            "            _, Z_prev, name = caches[layer - 1]\n"
            "            f, f_prime = ACTIVATIONS[name]\n"
            "            delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))\n"
            "    return grads\n"
        ),
        """
            from annlib.activations import identity_derivative, relu_derivative, sigmoid_derivative, tanh_derivative

            DERIVATIVES = {"sigmoid": sigmoid_derivative, "tanh": tanh_derivative,
                           "relu": relu_derivative, "identity": identity_derivative}

            def backward(params, caches, delta_output):
                L = len(params)
                grads = []
                delta = delta_output
                for l in range(L - 1, -1, -1):
                    A_prev, Z, activation = caches[l]
                    W, b = params[l]
                    dW = np.dot(A_prev.T, delta)
                    db = np.sum(delta, axis=0)
                    grads.append((dW, db))
                    if l > 0:
                        Z_prev = caches[l - 1][1]
                        delta = np.dot(delta, W.T) * DERIVATIVES[caches[l - 1][2]](Z_prev)
                grads.reverse()            # built last layer first
                return grads
        """,
        (
            "from annlib.scratch import ACTIVATIONS\n"
            "\n"
            "def dense_backward(X, W, grad_z):\n"
            "    return X.T @ grad_z, grad_z.sum(axis=0), grad_z @ W.T\n"
            "\n"
            "def backward(params, caches, delta_output):\n"
            "    grads = []\n"
            "    delta = delta_output\n"
            "    for (W, _), (A_prev, _, _), layer in zip(reversed(params), reversed(caches), range(len"
            "(params) - 1, -1, -1)):\n"
            "        grad_W, grad_b, grad_A_prev = dense_backward(A_prev, W, delta)\n"
            "        grads.insert(0, (grad_W, grad_b))\n"
            "        if layer > 0:\n"
            "            _, Z_prev, name = caches[layer - 1]\n"
            "            _, f_prime = ACTIVATIONS[name]\n"
            "            delta = grad_A_prev * f_prime(Z_prev, None)\n"
            "    return grads\n"
        ),
        """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                def go(layer, delta):
                    W, _ = params[layer]
                    A_prev = caches[layer][0]
                    here = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer == 0:
                        return [here]
                    _, Z_prev, name = caches[layer - 1]
                    f, f_prime = ACTIVATIONS[name]
                    earlier = go(layer - 1, (delta @ W.T) * f_prime(Z_prev, f(Z_prev)))
                    return earlier + [here]
                return go(len(params) - 1, delta_output)
        """,
        """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                n_layers = len(params)
                grads_W = [None] * n_layers
                grads_b = [None] * n_layers
                delta = np.array(delta_output, dtype=float, copy=True)
                for l in range(n_layers - 1, -1, -1):
                    A_prev, Z, act = caches[l]
                    grads_W[l] = np.einsum("ni,no->io", A_prev, delta)
                    grads_b[l] = delta.sum(axis=0)
                    if l == 0:
                        break
                    W = params[l][0]
                    A_prev_layer, Z_prev, act_prev = caches[l - 1]
                    f_prev, fprime_prev = ACTIVATIONS[act_prev]
                    delta = np.einsum("no,io->ni", delta, W) * fprime_prev(Z_prev, A_prev)   # A_prev = f(Z_prev)
                return list(zip(grads_W, grads_b))
        """,
    ],
    "check_gradient_error": [
        (
            "def gradient_error(params, X, Y, activations, kind, eps=1e-6):\n"
            '    """The largest relative difference, over every W and b, between backward\'s gradients a'
            'nd central differences."""\n'
            "    Y_hat, caches = forward(params, X, activations)\n"
            "    grads = backward(params, caches, output_delta(Y_hat, Y, kind))\n"
            "\n"
            "    def loss():\n"
            "        return cost(forward(params, X, activations)[0], Y, kind)\n"
            "\n"
            "    worst = 0.0\n"
            "    for (W, b), (grad_W, grad_b) in zip(params, grads):\n"
            "        for array, g in ((W, grad_W), (b, grad_b)):\n"
            "            g_num = numerical_gradient(loss, array, eps)\n"
            "            scale = np.linalg.norm(g) + np.linalg.norm(g_num)\n"
            "            r = 0.0 if scale == 0 else np.linalg.norm(g - g_num) / scale\n"
            "            worst = max(worst, r)\n"
            "    return worst\n"
        ),
        """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                errors = []
                for layer in range(len(params)):
                    for which in (0, 1):                      # 0: W, 1: b
                        P = params[layer][which]
                        g = grads[layer][which]
                        g_num = np.zeros_like(P, dtype=float)
                        for idx in np.ndindex(P.shape):
                            old = P[idx]
                            P[idx] = old + eps
                            c_plus = cost(forward(params, X, activations)[0], Y, kind)
                            P[idx] = old - eps
                            c_minus = cost(forward(params, X, activations)[0], Y, kind)
                            P[idx] = old
                            g_num[idx] = (c_plus - c_minus) / (2 * eps)
                        denominator = np.sqrt(np.sum(g ** 2)) + np.sqrt(np.sum(g_num ** 2))
                        if denominator == 0:
                            errors.append(0.0)
                        else:
                            errors.append(np.sqrt(np.sum((g - g_num) ** 2)) / denominator)
                return float(max(errors))
        """,
        """
            def relative_difference(g, g_num):
                top = np.linalg.norm(g - g_num)
                bottom = np.linalg.norm(g) + np.linalg.norm(g_num)
                if bottom == 0:
                    return 0.0        # both gradients are exactly zero: they agree
                return top / bottom

            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                delta = output_delta(Y_hat, Y, kind)
                analytic = backward(params, caches, delta)
                current_cost = lambda: cost(forward(params, X, activations)[0], Y, kind)
                r_values = [
                    relative_difference(g, numerical_gradient(current_cost, p, eps=eps))
                    for pair_p, pair_g in zip(params, analytic)
                    for p, g in zip(pair_p, pair_g)
                ]
                return max(r_values)
        """,
        """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                # deeplearning.ai style: flatten everything, but compare array by array as asked
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                largest = 0.0
                for l, (W, b) in enumerate(params):
                    for name, theta, grad in (("W", W, grads[l][0]), ("b", b, grads[l][1])):
                        approx = np.zeros(theta.shape)
                        for i in np.ndindex(theta.shape):
                            theta_i = theta[i]
                            try:
                                theta[i] = theta_i + eps
                                J_plus = cost(forward(params, X, activations)[0], Y, kind)
                                theta[i] = theta_i - eps
                                J_minus = cost(forward(params, X, activations)[0], Y, kind)
                            finally:
                                theta[i] = theta_i
                            approx[i] = (J_plus - J_minus) / (2 * eps)
                        numerator = np.linalg.norm(grad - approx)
                        denominator = np.linalg.norm(grad) + np.linalg.norm(approx)
                        difference = numerator / denominator if denominator > 0 else 0.0
                        largest = max(largest, difference)
                return largest
        """,
        """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                flat_params = [p for pair in params for p in pair]      # W1, b1, W2, b2, ...
                flat_grads = [g for pair in grads for g in pair]
                results = []
                for p, g in zip(flat_params, flat_grads):
                    g_num = numerical_gradient(lambda: cost(forward(params, X, activations)[0], Y, kind), p, eps)
                    norm_sum = np.linalg.norm(g) + np.linalg.norm(g_num)
                    results.append(np.linalg.norm(g - g_num) / norm_sum if norm_sum != 0 else 0.0)
                return float(np.max(results))
        """,
    ],
}
_ROUND4_WRONG = {
    "check_dense_backward": [
        # Averages the bias gradient over the batch (mean) instead of summing it.
        (
            "mean_over_batch",
            """
            def dense_backward(X, W, grad_z):
                return X.T @ grad_z, grad_z.mean(axis=0), grad_z @ W.T
        """,
        ),
        # Averages the weight gradient over the batch, dividing by n a second time.
        (
            "mean_over_batch",
            """
            def dense_backward(X, W, grad_z):
                n = X.shape[0]
                return X.T @ grad_z / n, grad_z.sum(axis=0), grad_z @ W.T
        """,
        ),
        # Keeps the summed axis: grad_b has shape (1, n_out) instead of (n_out,).
        (
            "grad_b_keepdims",
            """
            def dense_backward(X, W, grad_z):
                return X.T @ grad_z, np.sum(grad_z, axis=0, keepdims=True), grad_z @ W.T
        """,
        ),
        # Transposed weight gradient: grad_z.T @ X has shape (n_out, n_in).
        (
            "grad_W_transposed",
            """
            def dense_backward(X, W, grad_z):
                return grad_z.T @ X, grad_z.sum(axis=0), grad_z @ W.T
        """,
        ),
        # Forgets to transpose W for the input gradient (grad_z @ W).
        (
            "grad_X_not_transposed",
            """
            def dense_backward(X, W, grad_z):
                return X.T @ grad_z, grad_z.sum(axis=0), grad_z @ W
        """,
        ),
        # Sums the bias gradient over the wrong axis (each example's outputs instead of over the batch).
        (
            "grad_b_wrong_axis",
            """
            def dense_backward(X, W, grad_z):
                return X.T @ grad_z, grad_z.sum(axis=1), grad_z @ W.T
        """,
        ),
        # Returns the three gradients in the wrong order (grad_W, grad_X, grad_b).
        (
            "order",
            """
            def dense_backward(X, W, grad_z):
                grad_W = X.T @ grad_z
                grad_b = grad_z.sum(axis=0)
                grad_X = grad_z @ W.T
                return grad_W, grad_X, grad_b
        """,
        ),
        # Sums grad_z over everything for the bias (np.sum with no axis), giving one number.
        (
            "grad_b_total",
            """
            def dense_backward(X, W, grad_z):
                return X.T @ grad_z, np.sum(grad_z), grad_z @ W.T
        """,
        ),
    ],
    "check_sigmoid_delta": [
        # Applies the sigmoid again to a, which is already sigma(z): uses sigma(a)(1 - sigma(a)).
        (
            "sigmoid_again",
            """
            def sigmoid_delta(a, grad_a):
                s = 1 / (1 + np.exp(-a))
                return grad_a * s * (1 - s)
        """,
        ),
        # Returns only the sigmoid's slope a(1 - a), forgetting to multiply by grad_a.
        (
            "no_grad_a",
            """
            def sigmoid_delta(a, grad_a):
                return a * (1 - a)
        """,
        ),
        # Uses tanh's derivative 1 - a^2 instead of the sigmoid's.
        (
            "tanh_derivative",
            """
            def sigmoid_delta(a, grad_a):
                return grad_a * (1 - a ** 2)
        """,
        ),
        # Uses a matrix product (np.dot) instead of the element-wise product.
        (
            None,
            """
            def sigmoid_delta(a, grad_a):
                return np.dot(grad_a, a * (1 - a))
        """,
        ),
        # Sign error: a(a - 1) instead of a(1 - a).
        (
            "negated",
            """
            def sigmoid_delta(a, grad_a):
                return grad_a * a * (a - 1)
        """,
        ),
        # Adds the slope to the incoming gradient instead of multiplying.
        (
            "added",
            """
            def sigmoid_delta(a, grad_a):
                return grad_a + a * (1 - a)
        """,
        ),
        # Clips a away from 0 and 1 'for safety', so the slope at a = 0 or a = 1 is not 0.
        (
            None,
            """
            def sigmoid_delta(a, grad_a):
                a = np.clip(a, 0.01, 0.99)
                return grad_a * a * (1 - a)
        """,
        ),
    ],
    "check_numerical_gradient": [
        # Uses the one-sided difference (loss(W+h) - loss(W))/h instead of the central difference.
        (
            "forward_difference",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W, dtype=float)
                base = loss()
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    grad[index] = (loss() - base) / eps
                    W[index] = original
                return grad
        """,
        ),
        # Never puts the original value back, so W is left nudged by -eps and later entries see a shifted W.
        (
            "not_restored",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W, dtype=float)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    grad[index] = (plus - minus) / (2 * eps)
                return grad
        """,
        ),
        # Nudges a copy of W, which loss() never reads, so every estimate is 0.
        (
            "nudge_unseen",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                W_work = W.copy()
                grad = np.zeros_like(W, dtype=float)
                for index in np.ndindex(W.shape):
                    original = W_work[index]
                    W_work[index] = original + eps
                    plus = loss()
                    W_work[index] = original - eps
                    minus = loss()
                    W_work[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad
        """,
        ),
        # Divides by eps instead of 2 eps, doubling every gradient.
        (
            "divided_by_eps",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W, dtype=float)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grad[index] = (plus - minus) / eps
                return grad
        """,
        ),
        # Loops over range(len(W)) with W[i], so for a 2-D W it nudges a whole row at once.
        (
            "whole_row",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W, dtype=float)
                for i in range(len(W)):
                    original = W[i].copy()
                    W[i] = original + eps
                    plus = loss()
                    W[i] = original - eps
                    minus = loss()
                    W[i] = original
                    grad[i] = (plus - minus) / (2 * eps)
                return grad
        """,
        ),
        # Calls loss(W) although loss takes no arguments.
        (
            "loss_with_argument",
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grad = np.zeros_like(W, dtype=float)
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss(W)
                    W[index] = original - eps
                    minus = loss(W)
                    W[index] = original
                    grad[index] = (plus - minus) / (2 * eps)
                return grad
        """,
        ),
        # Collects the estimates in a flat Python list instead of an array shaped like W.
        (
            None,
            """
            def numerical_gradient(loss, W, eps=1e-6):
                grads = []
                for index in np.ndindex(W.shape):
                    original = W[index]
                    W[index] = original + eps
                    plus = loss()
                    W[index] = original - eps
                    minus = loss()
                    W[index] = original
                    grads.append((plus - minus) / (2 * eps))
                return grads
        """,
        ),
    ],
    "check_train_step": [
        # Rebinds the loop variable (param = param - ...), so the network's arrays are never updated.
        (
            "not_in_place",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y_pred, y))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param = param - learning_rate * grad
                return value
        """,
        ),
        # Steps uphill: adds the gradient instead of subtracting it.
        (
            "uphill",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y_pred, y))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param += learning_rate * grad
                return value
        """,
        ),
        # Returns the loss recomputed after the update instead of the one from the forward pass.
        (
            "loss_after_update",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                network.backward(loss.gradient(y_pred, y))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param -= learning_rate * grad
                return loss(network.forward(X), y)
        """,
        ),
        # Ignores the learning_rate argument and always steps with 0.1.
        (
            "fixed_learning_rate",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y_pred, y))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param -= 0.1 * grad
                return value
        """,
        ),
        # Hands backward the raw error y_pred - y, missing MSE's factor 2/size.
        (
            "raw_error",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(y_pred - y)
                for param, grad in zip(network.parameters(), network.gradients()):
                    param -= learning_rate * grad
                return value
        """,
        ),
        # Uses the at_z shortcut, which skips the output layer's activation derivative (the networks have sigmoid
        # outputs, not identity).
        (
            "at_z",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y_pred, y, at_z=True), at_z=True)
                for param, grad in zip(network.parameters(), network.gradients()):
                    param -= learning_rate * grad
                return value
        """,
        ),
        # Updates only the weights (every other array) and leaves the biases untouched.
        (
            "weights_only",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y_pred, y))
                params, grads = network.parameters(), network.gradients()
                for param, grad in zip(params[::2], grads[::2]):
                    param -= learning_rate * grad
                return value
        """,
        ),
        # Does the update but forgets to return the loss (returns None).
        (
            "no_return",
            """
            from annlib.losses import MSE

            def train_step(network, X, y, learning_rate):
                loss = MSE()
                y_pred = network.forward(X)
                value = loss(y_pred, y)
                network.backward(loss.gradient(y_pred, y))
                for param, grad in zip(network.parameters(), network.gradients()):
                    param -= learning_rate * grad
        """,
        ),
    ],
    "check_backward": [
        # Multiplies by the slope of the current layer's Z instead of the previous layer's Z^(l-1).
        (
            "slope_at_A",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, Z, name = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        f, f_prime = ACTIVATIONS[caches[layer - 1][2]]
                        delta = (delta @ W.T) * f_prime(A_prev, f(A_prev))
                return grads
        """,
        ),
        # Forgets the activation's derivative: delta^(l-1) = delta^(l) W^T only.
        (
            "no_slope",
            """
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    delta = delta @ W.T
                return grads
        """,
        ),
        # Returns the gradients last layer first (forgot to reverse the list).
        (
            "reversed_order",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = []
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads.append((A_prev.T @ delta, delta.sum(axis=0)))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
                return grads
        """,
        ),
        # Divides by the batch size again, although delta_output already carries the cost's 1/n.
        (
            "mean_over_batch",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                n = delta_output.shape[0]
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta / n, delta.sum(axis=0) / n)
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
                return grads
        """,
        ),
        # Assumes every hidden layer is a sigmoid and uses a(1 - a), wrong for tanh or relu layers.
        (
            None,
            """
            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        delta = (delta @ W.T) * A_prev * (1 - A_prev)
                return grads
        """,
        ),
        # Off-by-one loop bound range(L-1, 0, -1): the first layer gets no gradient (its entry stays None).
        (
            None,
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in range(len(params) - 1, 0, -1):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    _, Z_prev, name = caches[layer - 1]
                    f, f_prime = ACTIVATIONS[name]
                    delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
                return grads
        """,
        ),
        # Hard-codes a two-layer network, so it fails for one layer or three.
        (
            "fixed_depth",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                (W1, b1), (W2, b2) = params
                (A0, Z1, act1), (A1, Z2, act2) = caches
                grad_W2 = A1.T @ delta_output
                grad_b2 = delta_output.sum(axis=0)
                f, f_prime = ACTIVATIONS[act1]
                delta1 = (delta_output @ W2.T) * f_prime(Z1, f(Z1))
                return [(A0.T @ delta1, delta1.sum(axis=0)), (grad_W2, grad_b2)]
        """,
        ),
        # Weight gradient transposed: delta^T A_prev has shape (n_out, n_in).
        (
            "grad_W_transposed",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (delta.T @ A_prev, delta.sum(axis=0))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        delta = (delta @ W.T) * f_prime(Z_prev, f(Z_prev))
                return grads
        """,
        ),
        # Right gradients, but multiplies the slope into the cached Z in place (Z_prev *= ...), changing the caches'
        # arrays.
        (
            "in_place",
            """
            from annlib.scratch import ACTIVATIONS

            def backward(params, caches, delta_output):
                grads = [None] * len(params)
                delta = delta_output
                for layer in reversed(range(len(params))):
                    W, _ = params[layer]
                    A_prev, _, _ = caches[layer]
                    grads[layer] = (A_prev.T @ delta, delta.sum(axis=0))
                    if layer > 0:
                        _, Z_prev, name = caches[layer - 1]
                        f, f_prime = ACTIVATIONS[name]
                        slope = f_prime(Z_prev, f(Z_prev))
                        Z_prev[...] = (delta @ W.T) * slope      # reuses Z_prev's memory
                        delta = Z_prev
                return grads
        """,
        ),
    ],
    "check_gradient_error": [
        # No special case when both gradients are 0 (inputs all 0): 0/0 gives nan and the result is nan.
        (
            "no_zero_guard",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                loss = lambda: cost(forward(params, X, activations)[0], Y, kind)
                rs = []
                for (W, b), (gW, gb) in zip(params, grads):
                    for p, g in ((W, gW), (b, gb)):
                        g_num = numerical_gradient(loss, p, eps)
                        rs.append(np.linalg.norm(g - g_num) / (np.linalg.norm(g) + np.linalg.norm(g_num)))
                return np.max(rs)
        """,
        ),
        # Returns the absolute difference ||g - g_num|| instead of the relative one.
        (
            "absolute",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                loss = lambda: cost(forward(params, X, activations)[0], Y, kind)
                worst = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for p, g in ((W, gW), (b, gb)):
                        worst = max(worst, np.linalg.norm(g - numerical_gradient(loss, p, eps)))
                return worst
        """,
        ),
        # Averages the relative differences instead of returning the largest, diluting a bug in one array.
        (
            "mean_not_max",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                loss = lambda: cost(forward(params, X, activations)[0], Y, kind)
                rs = []
                for (W, b), (gW, gb) in zip(params, grads):
                    for p, g in ((W, gW), (b, gb)):
                        g_num = numerical_gradient(loss, p, eps)
                        s = np.linalg.norm(g) + np.linalg.norm(g_num)
                        rs.append(0.0 if s == 0 else np.linalg.norm(g - g_num) / s)
                return float(np.mean(rs))
        """,
        ),
        # Checks only the weights W and never the biases b, so a bug in the bias gradients goes unnoticed.
        (
            "weights_only",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                loss = lambda: cost(forward(params, X, activations)[0], Y, kind)
                worst = 0.0
                for (W, _), (gW, _) in zip(params, grads):
                    g_num = numerical_gradient(loss, W, eps)
                    s = np.linalg.norm(gW) + np.linalg.norm(g_num)
                    worst = max(worst, 0.0 if s == 0 else np.linalg.norm(gW - g_num) / s)
                return worst
        """,
        ),
        # Nudges copies of the parameters, which forward never sees, so every numerical gradient is 0 and r is 1.
        (
            None,
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                loss = lambda: cost(forward(params, X, activations)[0], Y, kind)
                worst = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for p, g in ((W.copy(), gW), (b.copy(), gb)):
                        g_num = numerical_gradient(loss, p, eps)
                        s = np.linalg.norm(g) + np.linalg.norm(g_num)
                        worst = max(worst, 0.0 if s == 0 else np.linalg.norm(g - g_num) / s)
                return worst
        """,
        ),
        # Returns the list of relative differences instead of the largest one.
        (
            None,
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                loss = lambda: cost(forward(params, X, activations)[0], Y, kind)
                rs = []
                for (W, b), (gW, gb) in zip(params, grads):
                    for p, g in ((W, gW), (b, gb)):
                        g_num = numerical_gradient(loss, p, eps)
                        s = np.linalg.norm(g) + np.linalg.norm(g_num)
                        rs.append(0.0 if s == 0 else np.linalg.norm(g - g_num) / s)
                return rs
        """,
        ),
        # Leaves each nudged entry at w - eps instead of restoring it, corrupting the parameters and later
        # estimates.
        (
            "not_restored",
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, output_delta(Y_hat, Y, kind))
                worst = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for p, g in ((W, gW), (b, gb)):
                        g_num = np.zeros_like(p)
                        for idx in np.ndindex(p.shape):
                            p[idx] += eps
                            plus = cost(forward(params, X, activations)[0], Y, kind)
                            p[idx] -= 2 * eps
                            minus = cost(forward(params, X, activations)[0], Y, kind)
                            g_num[idx] = (plus - minus) / (2 * eps)
                        s = np.linalg.norm(g) + np.linalg.norm(g_num)
                        worst = max(worst, 0.0 if s == 0 else np.linalg.norm(g - g_num) / s)
                return worst
        """,
        ),
        # Starts backward from Y_hat - Y instead of output_delta, missing the cost's 1/n (and MSE's 2), so even a
        # right backward looks wrong.
        (
            None,
            """
            def gradient_error(params, X, Y, activations, kind, eps=1e-6):
                Y_hat, caches = forward(params, X, activations)
                grads = backward(params, caches, Y_hat - Y)
                loss = lambda: cost(forward(params, X, activations)[0], Y, kind)
                worst = 0.0
                for (W, b), (gW, gb) in zip(params, grads):
                    for p, g in ((W, gW), (b, gb)):
                        g_num = numerical_gradient(loss, p, eps)
                        s = np.linalg.norm(g) + np.linalg.norm(g_num)
                        worst = max(worst, 0.0 if s == 0 else np.linalg.norm(g - g_num) / s)
                return worst
        """,
        ),
    ],
}

for _name, _sources in _ROUND4_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_sources)
for _name, _answers in _ROUND4_WRONG.items():
    WRONG.setdefault(_name, []).extend(_answers)
