"""Exercise 04: learner-style answers (see tests/corpus/__init__.py)."""

CORRECT = {
    "check_mse": [
        "def mse(y_pred, y_true):\n    return float(np.mean((y_pred - y_true) ** 2))\n",
        "def mse(y_pred, y_true):\n    return np.mean(np.square(y_pred - y_true))\n",
        "def mse(y_pred, y_true):\n    return np.sum((y_pred - y_true) ** 2) / y_pred.size\n",
        "def mse(y_pred, y_true):\n    e = (y_pred - y_true).ravel()\n    return e @ e / len(e)\n",
        """
        def mse(y_pred, y_true):
            total = 0.0
            n = 0
            for i in range(y_pred.shape[0]):
                for j in range(y_pred.shape[1]):
                    total += (y_pred[i, j] - y_true[i, j]) ** 2
                    n += 1
            return total / n
        """,
        "def mse(y_pred, y_true):\n    return np.mean(np.mean((y_true - y_pred) ** 2, axis=1))\n",
        "def mse(y_pred, y_true):\n    d = y_pred - y_true\n    return np.einsum('ij,ij->', d, d) / d.size\n",
        "def mse(y_pred, y_true):\n    return ((y_pred - y_true) ** 2).mean().item()\n",
        "def mse(y_pred, y_true):\n    return np.average((np.asarray(y_pred, float) - y_true) ** 2)\n",
    ],
    "check_binary_cross_entropy": [
        # epsilon added inside the logs instead of clipping: the same up to 1e-12
        """
        def binary_cross_entropy(p, y):
            eps = 1e-12
            return -np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))
        """,
        """
        def binary_cross_entropy(p, y):
            p = np.clip(p, 1e-12, 1 - 1e-12)
            return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        """,
        """
        def binary_cross_entropy(p, y):
            eps = 1e-12
            p = np.clip(p, eps, 1 - eps)
            return -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) / len(p)
        """,
        # clipping 1 - p at 1e-12 instead of p at 1 - 1e-12: the same up to rounding
        """
        def binary_cross_entropy(p, y):
            a = np.log(np.maximum(p, 1e-12))
            b = np.log(np.maximum(1 - p, 1e-12))
            return -np.mean(y * a + (1 - y) * b)
        """,
        """
        def binary_cross_entropy(p, y):
            p = np.clip(p, 1e-12, 1 - 1e-12)
            losses = np.where(y == 1, -np.log(p), -np.log(1 - p))
            return losses.mean()
        """,
        """
        def binary_cross_entropy(p, y):
            p = np.clip(p, 1e-12, 1 - 1e-12)
            total = 0.0
            for pi, yi in zip(p, y):
                total -= yi * np.log(pi) + (1 - yi) * np.log(1 - pi)
            return total / len(p)
        """,
        """
        def binary_cross_entropy(p, y):
            p = np.clip(p, 1e-12, 1 - 1e-12)
            y, p = y.ravel(), p.ravel()
            return -(np.dot(y, np.log(p)) + np.dot(1 - y, np.log(1 - p))) / p.shape[0]
        """,
        """
        import math

        def binary_cross_entropy(p, y):
            p = np.clip(p, 1e-12, 1 - 1e-12).ravel()
            return -sum(yi * math.log(pi) + (1 - yi) * math.log(1 - pi) for pi, yi in zip(p, y.ravel())) / len(p)
        """,
        """
        def binary_cross_entropy(p, y):
            p = np.clip(p, 1e-12, 1 - 1e-12)
            return -np.mean(y * np.log(p)) - np.mean((1 - y) * np.log(1 - p))
        """,
    ],
    "check_cross_entropy": [
        "def cross_entropy(P, Y):\n    return -np.sum(Y * np.log(P + 1e-12)) / P.shape[0]\n",
        """
        def cross_entropy(P, Y):
            P = np.clip(P, 1e-12, 1.0)
            return float(-np.sum(Y * np.log(P)) / P.shape[0])
        """,
        "def cross_entropy(P, Y):\n    return -np.mean(np.sum(Y * np.log(np.clip(P, 1e-12, None)), axis=1))\n",
        "def cross_entropy(P, Y):\n    return -np.sum(Y * np.log(np.maximum(P, 1e-12))) / len(P)\n",
        # clipping both ends as in Part 2 changes nothing that matters
        "def cross_entropy(P, Y):\n    P = np.clip(P, 1e-12, 1 - 1e-12)\n    return -np.sum(Y * np.log(P)) / len(Y)\n",
        # the true class's probability picked with argmax
        """
        def cross_entropy(P, Y):
            n = P.shape[0]
            picked = P[np.arange(n), np.argmax(Y, axis=1)]
            return -np.mean(np.log(np.clip(picked, 1e-12, 1)))
        """,
        """
        def cross_entropy(P, Y):
            P = np.clip(P, 1e-12, 1.0)
            return -np.einsum('ij,ij->', Y, np.log(P)) / P.shape[0]
        """,
        """
        def cross_entropy(P, Y):
            P = np.clip(P, 1e-12, 1.0)
            total = 0.0
            for i in range(P.shape[0]):
                for j in range(P.shape[1]):
                    if Y[i, j] == 1:
                        total += -np.log(P[i, j])
            return total / P.shape[0]
        """,
        "def cross_entropy(P, Y):\n    return -np.log(np.clip(P, 1e-12, 1)[Y == 1]).sum() / P.shape[0]\n",
    ],
    "check_loss_choices": [
        """
        def loss_choices():
            return {
                "house_price": "mse",
                "spam": "binary_cross_entropy",
                "digit": "cross_entropy",
                "temperature": "mse",
                "tumour_malignant": "binary_cross_entropy",
                "animal_species": "cross_entropy",
            }
        """,
        """
        def loss_choices():
            choices = {}
            for task in ["house_price", "temperature"]:
                choices[task] = "mse"
            for task in ["spam", "tumour_malignant"]:
                choices[task] = "binary_cross_entropy"
            for task in ["digit", "animal_species"]:
                choices[task] = "cross_entropy"
            return choices
        """,
        """
        def loss_choices():
            return dict(house_price="mse", spam="binary_cross_entropy", digit="cross_entropy",
                        temperature="mse", tumour_malignant="binary_cross_entropy", animal_species="cross_entropy")
        """,
        """
        def loss_choices():
            regression = "mse"
            binary = "binary_cross_entropy"
            multi = "cross_entropy"
            return {"house_price": regression, "spam": binary, "digit": multi,
                    "temperature": regression, "tumour_malignant": binary, "animal_species": multi}
        """,
        """
        def loss_choices():
            tasks = ["house_price", "spam", "digit", "temperature", "tumour_malignant", "animal_species"]
            losses = ["mse", "binary_cross_entropy", "cross_entropy"] * 2
            return dict(zip(tasks, losses))
        """,
        """
        def loss_choices():
            choices = {
                "animal_species": "cross_entropy",
                "tumour_malignant": "binary_cross_entropy",
                "temperature": "mse",
                "digit": "cross_entropy",
                "spam": "binary_cross_entropy",
                "house_price": "mse",
            }
            return choices
        """,
    ],
    "check_cost_gradient": [
        """
        def cost_gradient(Y_hat, Y, kind):
            if kind == "mse":
                return 2 * (Y_hat - Y) / Y_hat.size
            return -Y / (Y_hat + 1e-12) / len(Y_hat)
        """,
        """
        def cost_gradient(Y_hat, Y, kind):
            if kind == "mse":
                return 2.0 * (Y_hat - Y) / Y_hat.size
            P = np.clip(Y_hat, 1e-12, 1.0)
            return -Y / P / Y_hat.shape[0]
        """,
        """
        def cost_gradient(Y_hat, Y, kind):
            n, k = Y_hat.shape
            if kind == "mse":
                return 2 * (Y_hat - Y) / (n * k)
            elif kind == "cross_entropy":
                return -(1 / n) * Y / np.maximum(Y_hat, 1e-12)
        """,
        """
        def cost_gradient(Y_hat, Y, kind):
            if kind == "cross_entropy":
                return -Y / (len(Y_hat) * np.clip(Y_hat, 1e-12, 1 - 1e-12))
            return (Y_hat - Y) * (2 / np.prod(Y_hat.shape))
        """,
        """
        def cost_gradient(Y_hat, Y, kind):
            grad = np.zeros(Y_hat.shape)
            n, k = Y_hat.shape
            for i in range(n):
                for j in range(k):
                    if kind == "mse":
                        grad[i, j] = 2 * (Y_hat[i, j] - Y[i, j]) / (n * k)
                    else:
                        grad[i, j] = -Y[i, j] / max(Y_hat[i, j], 1e-12) / n
            return grad
        """,
        """
        def cost_gradient(Y_hat, Y, kind):
            Y_hat = np.asarray(Y_hat, dtype=float)
            if kind == "mse":
                return np.multiply(2.0 / Y_hat.size, Y_hat - Y)
            return np.divide(-Y, np.clip(Y_hat, 1e-12, None)) / Y_hat.shape[0]
        """,
        """
        def cost_gradient(Y_hat, Y, kind):
            n_samples = Y_hat.shape[0]
            gradients = {
                "mse": lambda: 2 * (Y_hat - Y) / Y_hat.size,
                "cross_entropy": lambda: -Y / np.clip(Y_hat, 1e-12, 1) / n_samples,
            }
            return gradients[kind]()
        """,
        # the gradient at the clipped Y_hat: where Y is 0 the entry is 0 anyway
        """
        def cost_gradient(Y_hat, Y, kind):
            if kind == "mse":
                return 2 * (Y_hat - Y) / Y_hat.size
            Y_hat = np.where(Y_hat < 1e-12, 1e-12, Y_hat)
            return -(Y / Y_hat) / len(Y)
        """,
    ],
    "check_output_delta": [
        """
        def output_delta(Y_hat, Y, kind):
            if kind == "mse":
                return 2.0 * (Y_hat - Y) / Y_hat.size
            return (Y_hat - Y) / Y_hat.shape[0]
        """,
        """
        def output_delta(Y_hat, Y, kind):
            n = Y_hat.shape[0]
            if kind == "cross_entropy":
                return (Y_hat - Y) / n
            return 2 * (Y_hat - Y) / Y_hat.size
        """,
        # for the identity output dC/dZ is Part 5's gradient: a wrong Part 5 must not cost Part 6
        """
        def cost_gradient(Y_hat, Y, kind):
            return (Y_hat - Y) / Y_hat.size

        def output_delta(Y_hat, Y, kind):
            if kind == "mse":
                return cost_gradient(Y_hat, Y, "mse")  # the identity's slope is 1
            return (Y_hat - Y) / len(Y_hat)
        """,
        """
        def output_delta(Y_hat, Y, kind):
            error = Y_hat - Y
            scale = 2.0 / Y_hat.size if kind == "mse" else 1.0 / Y_hat.shape[0]
            return scale * error
        """,
        """
        def output_delta(Y_hat, Y, kind):
            delta = np.empty(Y_hat.shape)
            n, k = Y_hat.shape
            for i in range(n):
                for j in range(k):
                    e = Y_hat[i, j] - Y[i, j]
                    delta[i, j] = 2 * e / (n * k) if kind == "mse" else e / n
            return delta
        """,
        """
        def output_delta(Y_hat, Y, kind):
            if kind == "mse":
                return np.multiply(Y_hat - Y, 2 / np.size(Y_hat))
            return np.subtract(Y_hat, Y) / np.shape(Y_hat)[0]
        """,
        # with an identity output the activation's slope is np.ones_like(Y_hat)
        """
        def output_delta(Y_hat, Y, kind):
            if kind == "mse":
                return cost_gradient(Y_hat, Y, kind) * np.ones_like(Y_hat)
            return (Y_hat - Y) / Y_hat.shape[0]
        """,
    ],
}

WRONG = {
    "check_mse": [
        ("sum", "def mse(y_pred, y_true):\n    return np.sum((y_pred - y_true) ** 2)\n"),
        ("rmse", "def mse(y_pred, y_true):\n    return np.sqrt(np.mean((y_pred - y_true) ** 2))\n"),
        ("not_averaged", "def mse(y_pred, y_true):\n    return (y_pred - y_true) ** 2\n"),
        ("mean_over_samples", "def mse(y_pred, y_true):\n    return np.sum((y_pred - y_true) ** 2) / len(y_pred)\n"),
        ("axis", "def mse(y_pred, y_true):\n    return np.mean((y_pred - y_true) ** 2, axis=0)\n"),
        ("mae", "def mse(y_pred, y_true):\n    return np.mean(np.abs(y_pred - y_true))\n"),
        ("not_squared", "def mse(y_pred, y_true):\n    return np.mean(y_pred - y_true)\n"),
        ("square_of_mean", "def mse(y_pred, y_true):\n    return np.mean(y_pred - y_true) ** 2\n"),
        ("half", "def mse(y_pred, y_true):\n    return 0.5 * np.mean((y_pred - y_true) ** 2)\n"),
        ("variance", "def mse(y_pred, y_true):\n    return np.var(y_pred - y_true)\n"),
        ("sum", "def mse(y_pred, y_true):\n    e = y_pred - y_true\n    return float(np.sum(e * e))\n"),
        (
            None,
            "def mse(y_pred, y_true):\n    y_pred -= y_true\n    return np.mean(y_pred ** 2)\n",
        ),
    ],
    "check_binary_cross_entropy": [
        (
            "no_clip",
            "def binary_cross_entropy(p, y):\n    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))\n",
        ),
        (
            "no_clip",
            "def binary_cross_entropy(p, y):\n    return -np.mean(np.where(y == 1, np.log(p), np.log(1 - p)))\n",
        ),
        (
            "clip_one_side",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, None)
                return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
            """,
        ),
        (
            "epsilon",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-7, 1 - 1e-7)
                return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
            """,
        ),
        (
            "epsilon",
            """
            def binary_cross_entropy(p, y):
                eps = 1e-15
                p = np.clip(p, eps, 1 - eps)
                return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
            """,
        ),
        (
            "log10",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return -np.mean(y * np.log10(p) + (1 - y) * np.log10(1 - p))
            """,
        ),
        (
            "swapped",
            """
            def binary_cross_entropy(p, y):
                y = np.clip(y, 1e-12, 1 - 1e-12)
                return -np.mean(p * np.log(y) + (1 - p) * np.log(1 - y))
            """,
        ),
        (
            "sum",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))
            """,
        ),
        (
            "axis",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p), axis=1)
            """,
        ),
        (
            "no_minus",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
            """,
        ),
        (
            "positive_term_only",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return -np.mean(y * np.log(p))
            """,
        ),
        (
            "brackets",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return -np.mean(y * np.log(p) + 1 - y * np.log(1 - p))
            """,
        ),
        (
            "math_log",
            """
            import math

            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                total = 0.0
                for pi, yi in zip(p, y):
                    total += yi * math.log(pi) + (1 - yi) * math.log(1 - pi)
                return -total / len(p)
            """,
        ),
        (
            "log10",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return -np.mean(np.where(y == 1, np.log10(p), np.log10(1 - p)))
            """,
        ),
    ],
    "check_cross_entropy": [
        ("mean_over_entries", "def cross_entropy(P, Y):\n    return -np.mean(Y * np.log(np.clip(P, 1e-12, 1.0)))\n"),
        (
            "mean_over_classes",
            "def cross_entropy(P, Y):\n    return -np.mean(np.sum(Y * np.log(np.clip(P, 1e-12, 1.0)), axis=0))\n",
        ),
        (
            "mean_over_classes",
            "def cross_entropy(P, Y):\n    return -np.sum(Y * np.log(np.clip(P, 1e-12, 1.0))) / P.shape[1]\n",
        ),
        ("sum", "def cross_entropy(P, Y):\n    return -np.sum(Y * np.log(np.clip(P, 1e-12, 1.0)))\n"),
        ("no_clip", "def cross_entropy(P, Y):\n    return -np.sum(Y * np.log(P)) / len(P)\n"),
        ("no_minus", "def cross_entropy(P, Y):\n    return np.sum(Y * np.log(np.clip(P, 1e-12, 1.0))) / len(P)\n"),
        ("log10", "def cross_entropy(P, Y):\n    return -np.sum(Y * np.log10(np.clip(P, 1e-12, 1.0))) / len(P)\n"),
        (
            "swapped",
            "def cross_entropy(P, Y):\n    return -np.sum(P * np.log(np.clip(Y, 1e-12, 1.0))) / len(P)\n",
        ),
        (
            "binary_formula",
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1 - 1e-12)
                return -np.sum(Y * np.log(P) + (1 - Y) * np.log(1 - P)) / P.shape[0]
            """,
        ),
        (
            "labels",
            "def cross_entropy(P, Y):\n    n = P.shape[0]\n"
            "    return -np.mean(np.log(np.clip(P[np.arange(n), Y], 1e-12, 1)))\n",
        ),
        (
            "epsilon",
            "def cross_entropy(P, Y):\n    return -np.sum(Y * np.log(P + 1e-15)) / len(P)\n",
        ),
        (
            "epsilon",
            "def cross_entropy(P, Y):\n    return -np.sum(Y * np.log(np.clip(P, 1e-7, 1))) / len(P)\n",
        ),
        ("not_summed", "def cross_entropy(P, Y):\n    return -np.sum(Y * np.log(np.clip(P, 1e-12, 1)), axis=1)\n"),
    ],
    "check_loss_choices": [
        (
            "bce_for_classes",
            """
            def loss_choices():
                return {"house_price": "mse", "spam": "binary_cross_entropy", "digit": "binary_cross_entropy",
                        "temperature": "mse", "tumour_malignant": "binary_cross_entropy",
                        "animal_species": "binary_cross_entropy"}
            """,
        ),
        (
            "ce_for_yes_no",
            """
            def loss_choices():
                return {"house_price": "mse", "spam": "cross_entropy", "digit": "cross_entropy",
                        "temperature": "mse", "tumour_malignant": "cross_entropy", "animal_species": "cross_entropy"}
            """,
        ),
        (
            "mse_for_classification",
            """
            def loss_choices():
                return {"house_price": "mse", "spam": "mse", "digit": "mse",
                        "temperature": "mse", "tumour_malignant": "mse", "animal_species": "mse"}
            """,
        ),
        (
            "cross_entropy_for_regression",
            """
            def loss_choices():
                return {"house_price": "cross_entropy", "spam": "binary_cross_entropy", "digit": "cross_entropy",
                        "temperature": "cross_entropy", "tumour_malignant": "binary_cross_entropy",
                        "animal_species": "cross_entropy"}
            """,
        ),
        (
            "unknown_name",
            """
            def loss_choices():
                return {"house_price": "MSE", "spam": "binary cross-entropy", "digit": "categorical_cross_entropy",
                        "temperature": "MSE", "tumour_malignant": "binary cross-entropy",
                        "animal_species": "categorical_cross_entropy"}
            """,
        ),
        (
            "missing_task",
            """
            def loss_choices():
                return {"house_price": "mse", "spam": "binary_cross_entropy", "digit": "cross_entropy",
                        "temperature": "mse", "tumour_malignant": "binary_cross_entropy"}
            """,
        ),
        (
            "no_return",
            """
            def loss_choices():
                choices = {"house_price": "mse", "spam": "binary_cross_entropy", "digit": "cross_entropy",
                           "temperature": "mse", "tumour_malignant": "binary_cross_entropy",
                           "animal_species": "cross_entropy"}
            """,
        ),
        (
            "unknown_task",
            """
            def loss_choices():
                return {"house_prices": "mse", "spam": "binary_cross_entropy", "digit": "cross_entropy",
                        "temperature": "mse", "tumour": "binary_cross_entropy", "animal_species": "cross_entropy"}
            """,
        ),
        (
            "mse_for_classification",
            """
            def loss_choices():
                return {"house_price": "mse", "spam": "binary_cross_entropy", "digit": "cross_entropy",
                        "temperature": "binary_cross_entropy", "tumour_malignant": "mse",
                        "animal_species": "cross_entropy"}
            """,
        ),
        (
            "not_a_dict",
            """
            def loss_choices():
                return ["mse", "binary_cross_entropy", "cross_entropy", "mse", "binary_cross_entropy",
                        "cross_entropy"]
            """,
        ),
    ],
    "check_cost_gradient": [
        (
            "mse_over_samples",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.shape[0]
                return -Y / np.clip(Y_hat, 1e-12, 1) / Y_hat.shape[0]
            """,
        ),
        (
            "mse_no_two",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return (Y_hat - Y) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, 1) / Y_hat.shape[0]
            """,
        ),
        (
            "mse_sign",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y - Y_hat) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, 1) / Y_hat.shape[0]
            """,
        ),
        (
            "ce_sign",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return Y / np.clip(Y_hat, 1e-12, 1) / Y_hat.shape[0]
            """,
        ),
        (
            "ce_over_entries",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, 1) / Y_hat.size
            """,
        ),
        (
            "ce_no_clip",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y / Y_hat / Y_hat.shape[0]
            """,
        ),
        (
            "ce_softmax_delta",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return (Y_hat - Y) / Y_hat.shape[0]
            """,
        ),
        (
            "ce_not_divided",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, 1)
            """,
        ),
        (
            "always_mse",
            "def cost_gradient(Y_hat, Y, kind):\n    return 2 * (Y_hat - Y) / Y_hat.size\n",
        ),
        (
            "kinds_swapped",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "cross_entropy":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, 1) / Y_hat.shape[0]
            """,
        ),
        (
            "mse_clipped",
            """
            def cost_gradient(Y_hat, Y, kind):
                Y_hat = np.clip(Y_hat, 1e-12, 1)
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y / Y_hat / Y_hat.shape[0]
            """,
        ),
        (
            "ce_epsilon",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                grad = np.divide(-Y, Y_hat, out=np.zeros(Y_hat.shape), where=Y_hat > 0)
                return grad / Y_hat.shape[0]
            """,
        ),
        (
            "ce_binary_formula",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                P = np.clip(Y_hat, 1e-12, 1 - 1e-12)
                return -(Y / P - (1 - Y) / (1 - P)) / Y_hat.shape[0]
            """,
        ),
        (
            "ce_loss_not_gradient",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y * np.log(np.clip(Y_hat, 1e-12, 1)) / Y_hat.shape[0]
            """,
        ),
        (
            None,
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    Y_hat -= Y
                    return 2 * Y_hat / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, 1) / Y_hat.shape[0]
            """,
        ),
    ],
    "check_output_delta": [
        (
            "ce_slope_again",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                delta = (Y_hat - Y) / len(Y_hat)
                return delta * Y_hat * (1 - Y_hat)  # the softmax's slope
            """,
        ),
        (
            "ce_not_divided",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return Y_hat - Y
            """,
        ),
        (
            "ce_over_entries",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return (Y_hat - Y) / Y_hat.size
            """,
        ),
        (
            "ce_sign",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return (Y - Y_hat) / Y_hat.shape[0]
            """,
        ),
        (
            "ce_no_slope",
            """
            def output_delta(Y_hat, Y, kind):
                return cost_gradient(Y_hat, Y, kind)
            """,
        ),
        (
            "ce_diagonal_slope",
            """
            def output_delta(Y_hat, Y, kind):
                grad = cost_gradient(Y_hat, Y, kind)
                if kind == "mse":
                    return grad
                return grad * Y_hat * (1 - Y_hat)
            """,
        ),
        (
            "ce_jacobian",
            """
            def output_delta(Y_hat, Y, kind):
                grad = cost_gradient(Y_hat, Y, kind)
                if kind == "mse":
                    return grad
                delta = np.zeros(Y_hat.shape)
                for i in range(Y_hat.shape[0]):
                    p = Y_hat[i]
                    jacobian = np.diag(p) - np.outer(p, p)
                    delta[i] = grad[i] @ jacobian
                return delta
            """,
        ),
        (
            "ce_jacobian",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                g = -Y / np.clip(Y_hat, 1e-12, 1) / len(Y_hat)
                return Y_hat * (g - np.sum(g * Y_hat, axis=1, keepdims=True))
            """,
        ),
        (
            "mse_over_samples",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / len(Y_hat)
                return (Y_hat - Y) / len(Y_hat)
            """,
        ),
        (
            "mse_no_two",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return (Y_hat - Y) / Y_hat.size
                return (Y_hat - Y) / len(Y_hat)
            """,
        ),
        (
            "mse_sigmoid_slope",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size * Y_hat * (1 - Y_hat)
                return (Y_hat - Y) / len(Y_hat)
            """,
        ),
        (
            "always_cross_entropy",
            "def output_delta(Y_hat, Y, kind):\n    return (Y_hat - Y) / Y_hat.shape[0]\n",
        ),
        (
            "labels",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                n = Y_hat.shape[0]
                delta = Y_hat.copy()
                delta[np.arange(n), Y] -= 1
                return delta / n
            """,
        ),
        (
            "mse_sign",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y - Y_hat) / Y_hat.size
                return (Y_hat - Y) / len(Y_hat)
            """,
        ),
    ],
}
