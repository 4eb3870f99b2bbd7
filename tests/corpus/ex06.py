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
