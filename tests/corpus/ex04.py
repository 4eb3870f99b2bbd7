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


# More answers in other styles, and real learners' code translated into the exercise's signatures
# (added to the dicts above).
_MORE_CORRECT = {
    "check_mse": [
        """
            def mse(y_pred, y_true):
                return float(np.mean((y_pred - y_true) ** 2))
        """,
        """
            def mse(y_pred, y_true):
                return np.square(y_true - y_pred).mean()
        """,
        """
            def mse(y_pred, y_true):
                diff = y_pred - y_true
                return np.sum(diff * diff) / diff.size
        """,
        """
            def mse(y_pred, y_true):
                total = 0.0
                n = 0
                for p_row, t_row in zip(y_pred, y_true):
                    for p, t in zip(p_row, t_row):
                        total += (p - t) ** 2
                        n += 1
                return total / n
        """,
        """
            def mse(y_pred, y_true):
                d = (y_pred - y_true).ravel()
                return float(d @ d / len(d))
        """,
        """
            def mse(y_pred, y_true):
                return np.average(np.power(y_pred - y_true, 2))
        """,
        """
            def mse(y_pred, y_true):
                e = np.asarray(y_pred, dtype=float) - np.asarray(y_true, dtype=float)
                return np.linalg.norm(e) ** 2 / e.size
        """,
        """
            def mse(y_pred, y_true):
                n_samples, n_outputs = y_pred.shape
                return np.sum((y_pred - y_true) ** 2) / (n_samples * n_outputs)
        """,
        """
            def mse(y_pred, y_true):
                return np.mean(np.mean((y_pred - y_true) ** 2, axis=1))
        """,
        # real learner (cs-joy/Neural_Networks Losses.mse), translated
        """
            def mse(y_pred, y_true):
                return np.mean(np.power(y_true - y_pred, 2))
        """,
    ],
    "check_binary_cross_entropy": [
        """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        """,
        """
            def binary_cross_entropy(p, y):
                eps = 1e-12
                p = np.clip(p, eps, 1 - eps)
                losses = -(y * np.log(p) + (1 - y) * np.log(1 - p))
                return losses.mean()
        """,
        """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return -np.sum(y * np.log(p) + (1 - y) * np.log1p(-p)) / p.size
        """,
        """
            import math

            def binary_cross_entropy(p, y):
                total = 0.0
                p_flat, y_flat = np.ravel(p), np.ravel(y)
                for pi, yi in zip(p_flat, y_flat):
                    pi = min(max(pi, 1e-12), 1 - 1e-12)
                    total += yi * math.log(pi) + (1 - yi) * math.log(1 - pi)
                return -total / len(p_flat)
        """,
        """
            def binary_cross_entropy(p, y):
                p = np.clip(p.astype(float), 1e-12, 1 - 1e-12)
                y = y.astype(float)
                return -np.mean(np.where(y == 1, np.log(p), np.log(1 - p)))
        """,
        """
            def binary_cross_entropy(p, y):
                p_clipped = np.minimum(np.maximum(p, 1e-12), 1 - 1e-12)
                pos = y * np.log(p_clipped)
                neg = (1 - y) * np.log(1 - p_clipped)
                return float(-(pos + neg).sum() / len(p_clipped))
        """,
        """
            def binary_cross_entropy(p, y):
                p = np.clip(np.asarray(p, dtype=np.float64).reshape(-1), 1e-12, 1 - 1e-12)
                y = np.asarray(y).reshape(-1)
                return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        """,
        """
            def binary_cross_entropy(p, y):
                q = np.clip(p, 1e-12, 1 - 1e-12)
                n = q.shape[0]
                return -1.0 / n * np.sum(y * np.log(q) + (1 - y) * np.log(1 - q))
        """,
        """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p))
        """,
        # axis=0 leaves a one-element array for a column: one number, as the checks take it
        """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p), axis=0)
        """,
        # eps added inside the logs instead of clipping: the same up to 1e-12
        """
            def binary_cross_entropy(p, y):
                eps = 1e-12
                return -np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))
        """,
        # a loss class's __call__ written as one function
        """
            def binary_cross_entropy(p, y):
                y_pred = np.clip(p, 1e-12, 1 - 1e-12)
                return np.mean(-y * np.log(y_pred) - (1 - y) * np.log(1 - y_pred))
        """,
    ],
    "check_cross_entropy": [
        """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return float(-np.sum(Y * np.log(P)) / P.shape[0])
        """,
        """
            def cross_entropy(P, Y):
                P = np.maximum(P, 1e-12)
                return -np.mean(np.sum(Y * np.log(P), axis=1))
        """,
        """
            def cross_entropy(P, Y):
                n = P.shape[0]
                true_class = np.argmax(Y, axis=1)
                p_true = np.clip(P[np.arange(n), true_class], 1e-12, None)
                return -np.mean(np.log(p_true))
        """,
        """
            def cross_entropy(P, Y):
                total = 0.0
                for p_row, y_row in zip(P, Y):
                    for p, y in zip(p_row, y_row):
                        if y:
                            total -= y * np.log(max(p, 1e-12))
                return total / len(P)
        """,
        """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1 - 1e-12)
                return -np.einsum("ij,ij->", Y, np.log(P)) / len(P)
        """,
        """
            def cross_entropy(P, Y):
                logP = np.log(np.clip(P, 1e-12, 1))
                per_example = -(Y * logP).sum(axis=1)
                return float(per_example.mean())
        """,
        """
            def cross_entropy(P, Y):
                n_samples, n_classes = P.shape
                P = np.clip(P, 1e-12, 1.0)
                return -np.sum(Y * np.log(P)) / n_samples
        """,
        """
            def cross_entropy(P, Y):
                P = np.clip(np.asarray(P, dtype=float), 1e-12, 1.0)
                return -np.sum(np.multiply(Y, np.log(P))) / Y.shape[0]
        """,
        """
            def cross_entropy(P, Y):
                idx = Y.argmax(axis=1)
                losses = [-np.log(max(P[i, j], 1e-12)) for i, j in enumerate(idx)]
                return sum(losses) / len(losses)
        """,
        # clipping both ends, as the common cross_entropy(predictions, targets, epsilon=1e-12) does
        """
            def cross_entropy(P, Y):
                epsilon = 1e-12
                predictions = np.clip(P, epsilon, 1. - epsilon)
                N = predictions.shape[0]
                ce = -np.sum(Y * np.log(predictions)) / N
                return ce
        """,
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
                regression = ["house_price", "temperature"]
                binary = ["spam", "tumour_malignant"]
                multi = ["digit", "animal_species"]
                choices = {}
                for t in regression:
                    choices[t] = "mse"
                for t in binary:
                    choices[t] = "binary_cross_entropy"
                for t in multi:
                    choices[t] = "cross_entropy"
                return choices
        """,
        """
            def loss_choices():
                tasks = ["house_price", "spam", "digit", "temperature", "tumour_malignant", "animal_species"]
                losses = ["mse", "binary_cross_entropy", "cross_entropy",
                          "mse", "binary_cross_entropy", "cross_entropy"]
                return dict(zip(tasks, losses))
        """,
        """
            def loss_choices():
                return dict(
                    animal_species="cross_entropy",
                    tumour_malignant="binary_cross_entropy",
                    temperature="mse",
                    digit="cross_entropy",
                    spam="binary_cross_entropy",
                    house_price="mse",
                )
        """,
        """
            def loss_choices():
                kind = {"house_price": "regression", "temperature": "regression", "spam": "yes/no",
                        "tumour_malignant": "yes/no", "digit": "classes", "animal_species": "classes"}
                loss_for = {"regression": "mse", "yes/no": "binary_cross_entropy", "classes": "cross_entropy"}
                return {task: loss_for[k] for task, k in kind.items()}
        """,
        """
            def loss_choices():
                choices = {}
                choices["house_price"] = "mse"
                choices["spam"] = "binary_cross_entropy"
                choices["digit"] = "cross_entropy"
                choices["temperature"] = "mse"
                choices["tumour_malignant"] = "binary_cross_entropy"
                choices["animal_species"] = "cross_entropy"
                return choices
        """,
        """
            MSE, BCE, CE = "mse", "binary_cross_entropy", "cross_entropy"

            def loss_choices():
                return {"house_price": MSE, "spam": BCE, "digit": CE, "temperature": MSE,
                        "tumour_malignant": BCE, "animal_species": CE}
        """,
        """
            def loss_choices():
                n_classes = {"spam": 2, "tumour_malignant": 2, "digit": 10, "animal_species": 12}
                out = {"house_price": "mse", "temperature": "mse"}
                for task, k in n_classes.items():
                    out[task] = "binary_cross_entropy" if k == 2 else "cross_entropy"
                return out
        """,
    ],
    "check_cost_gradient": [
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
                    return -Y / (np.clip(Y_hat, 1e-12, None) * len(Y_hat))
                return 2 * (Y_hat - Y) / np.prod(Y_hat.shape)
        """,
        """
            def cost_gradient(Y_hat, Y, kind):
                Y_hat = np.asarray(Y_hat, dtype=float)
                Y = np.asarray(Y, dtype=float)
                if kind == "mse":
                    N = Y_hat.size
                    grad = (2.0 / N) * (Y_hat - Y)
                else:
                    n = Y_hat.shape[0]
                    grad = -(Y / np.clip(Y_hat, 1e-12, 1.0)) / n
                return grad
        """,
        """
            def cost_gradient(Y_hat, Y, kind):
                grad = np.zeros_like(Y_hat, dtype=float)
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
            def mse_grad(Y_hat, Y):
                return 2 * (Y_hat - Y) / np.size(Y_hat)

            def ce_grad(Y_hat, Y):
                return -np.divide(Y, np.clip(Y_hat, 1e-12, 1)) / Y_hat.shape[0]

            def cost_gradient(Y_hat, Y, kind):
                return {"mse": mse_grad, "cross_entropy": ce_grad}[kind](Y_hat, Y)
        """,
        """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    diff = Y_hat - Y
                    return diff * (2.0 / diff.size)
                P = Y_hat.copy()
                P[P < 1e-12] = 1e-12
                return -Y / (P.shape[0] * P)
        """,
        """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return np.multiply(2 / Y_hat.size, np.subtract(Y_hat, Y))
                if kind == "cross_entropy":
                    safe = np.clip(Y_hat, 1e-12, 1.0)
                    return -(Y / safe) / Y.shape[0]
                raise ValueError(kind)
        """,
        # real learner (cs-joy mse_prime, 2 * (y_pred - y_true) / np.size(y_true)), with the cross-entropy
        """
            def mse_prime(y_true, y_pred):
                return 2 * (y_pred - y_true) / np.size(y_true)

            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return mse_prime(Y, Y_hat)
                Y_hat = np.clip(Y_hat, 1e-12, 1)
                return -Y / Y_hat / len(Y)
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
                n, k = Y_hat.shape
                if kind == "mse":
                    return 2 * (Y_hat - Y) / (n * k)
                elif kind == "cross_entropy":
                    return (Y_hat - Y) / n
        """,
        """
            def output_delta(Y_hat, Y, kind):
                error = Y_hat - Y
                scale = 2.0 / error.size if kind == "mse" else 1.0 / error.shape[0]
                return scale * error
        """,
        """
            def output_delta(Y_hat, Y, kind):
                delta = np.subtract(Y_hat, Y).astype(float)
                if kind == "mse":
                    delta *= 2.0 / delta.size
                else:
                    delta /= len(delta)
                return delta
        """,
        """
            def output_delta(Y_hat, Y, kind):
                out = np.empty(Y_hat.shape)
                n, k = Y_hat.shape
                for i in range(n):
                    for j in range(k):
                        e = Y_hat[i, j] - Y[i, j]
                        out[i, j] = 2 * e / (n * k) if kind == "mse" else e / n
                return out
        """,
        """
            def output_delta(Y_hat, Y, kind):
                if kind == "cross_entropy":
                    return (Y_hat - Y) / len(Y_hat)
                return (Y_hat - Y) * 2 / np.prod(Y_hat.shape)
        """,
        """
            def output_delta(Y_hat, Y, kind):
                Y_hat = np.asarray(Y_hat, dtype=np.float64)
                Y = np.asarray(Y, dtype=np.float64)
                if kind == "mse":
                    return 2.0 / Y_hat.size * (Y_hat - Y)
                return 1.0 / Y_hat.shape[0] * (Y_hat - Y)
        """,
        """
            def output_delta(Y_hat, Y, kind):
                scales = {"mse": lambda A: 2.0 / A.size, "cross_entropy": lambda A: 1.0 / A.shape[0]}
                return scales[kind](Y_hat) * (Y_hat - Y)
        """,
        # real learner (softmax_cross_entropy_backward with probs.copy()), for one-hot Y
        """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                N, C = Y_hat.shape
                y = np.argmax(Y, axis=1)
                dScores = Y_hat.copy()
                dScores[np.arange(N), y] -= 1
                dScores /= N
                return dScores
        """,
    ],
}
_MORE_WRONG = {
    "check_mse": [
        (
            "sum",
            """
                def mse(y_pred, y_true):
                    return np.sum((y_pred - y_true) ** 2)
            """,
        ),
        (
            "mean_over_samples",
            """
                def mse(y_pred, y_true):
                    return np.sum((y_pred - y_true) ** 2) / y_pred.shape[0]
            """,
        ),
        (
            "mae",
            """
                def mse(y_pred, y_true):
                    return np.mean(np.abs(y_pred - y_true))
            """,
        ),
        (
            "not_squared",
            """
                def mse(y_pred, y_true):
                    return np.mean(y_pred - y_true)
            """,
        ),
        (
            "rmse",
            """
                def mse(y_pred, y_true):
                    return np.sqrt(np.mean((y_pred - y_true) ** 2))
            """,
        ),
        (
            "half",
            """
                def mse(y_pred, y_true):
                    return 0.5 * np.mean((y_pred - y_true) ** 2)
            """,
        ),
        (
            "axis",
            """
                def mse(y_pred, y_true):
                    return np.mean((y_pred - y_true) ** 2, axis=0)
            """,
        ),
        (
            "square_of_mean",
            """
                def mse(y_pred, y_true):
                    return np.mean(y_pred - y_true) ** 2
            """,
        ),
        (
            "n_minus_one",
            """
                def mse(y_pred, y_true):
                    return np.sum((y_pred - y_true) ** 2) / (y_pred.size - 1)
            """,
        ),
        (
            None,
            """
                def mse(y_pred, y_true):
                    return np.mean(y_pred ** 2 - y_true ** 2)
            """,
        ),
        (
            "axis",
            """
                def mse(y_pred, y_true):
                    return np.mean((y_pred - y_true) ** 2, axis=1)
            """,
        ),
        (
            "mean_over_outputs",
            """
                def mse(y_pred, y_true):
                    return np.sum((y_pred - y_true) ** 2) / y_pred.shape[1]
            """,
        ),
        (
            "doubled",
            """
                def mse(y_pred, y_true):
                    return np.mean((y_pred - y_true) ** 2) * 2
            """,
        ),
    ],
    "check_binary_cross_entropy": [
        (
            "no_clip",
            """
                def binary_cross_entropy(p, y):
                    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
            """,
        ),
        (
            "sum",
            """
                def binary_cross_entropy(p, y):
                    p = np.clip(p, 1e-12, 1 - 1e-12)
                    return float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))
            """,
        ),
        (
            "no_minus",
            """
                def binary_cross_entropy(p, y):
                    p = np.clip(p, 1e-12, 1 - 1e-12)
                    return float(np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
            """,
        ),
        (
            "positive_term_only",
            """
                def binary_cross_entropy(p, y):
                    p = np.clip(p, 1e-12, 1 - 1e-12)
                    return float(-np.mean(y * np.log(p)))
            """,
        ),
        (
            "swapped",
            """
                def binary_cross_entropy(p, y):
                    p = np.clip(p, 1e-12, 1 - 1e-12)
                    return float(-np.mean(p * np.log(y + 1e-12) + (1 - p) * np.log(1 - y + 1e-12)))
            """,
        ),
        (
            "log10",
            """
                def binary_cross_entropy(p, y):
                    p = np.clip(p, 1e-12, 1 - 1e-12)
                    return float(-np.mean(y * np.log10(p) + (1 - y) * np.log10(1 - p)))
            """,
        ),
        (
            "epsilon",
            """
                def binary_cross_entropy(p, y):
                    p = np.clip(p, 1e-7, 1 - 1e-7)
                    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
            """,
        ),
        (
            "terms_swapped",
            """
                def binary_cross_entropy(p, y):
                    p = np.clip(p, 1e-12, 1 - 1e-12)
                    return float(-np.mean(y * np.log(1 - p) + (1 - y) * np.log(p)))
            """,
        ),
        (
            "minus_inside",
            """
                def binary_cross_entropy(p, y):
                    p = np.clip(p, 1e-12, 1 - 1e-12)
                    return float(-np.mean(y * np.log(p) - (1 - y) * np.log(1 - p)))
            """,
        ),
        (
            "clip_one_side",
            """
                def binary_cross_entropy(p, y):
                    p = np.clip(p, 1e-12, 1)
                    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
            """,
        ),
        (
            None,
            """
                def binary_cross_entropy(p, y):
                    np.clip(p, 1e-12, 1 - 1e-12, out=p)
                    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
            """,
        ),
        # real learner (JBratvold/TrafficController binary_cross_entropy, eps 1e-15), translated
        (
            "epsilon",
            """
                def binary_cross_entropy(p, y):
                    y_pred = np.clip(p, 1e-15, 1 - 1e-15)
                    return np.mean(-y * np.log(y_pred) - (1 - y) * np.log(1 - y_pred))
            """,
        ),
        # real learner (sayush2807 bce_loss: -y*log(y) - (1-y_hat)*log(1-y_hat)), translated
        (
            None,
            """
                def binary_cross_entropy(p, y):
                    y_hat = p
                    return np.mean(-y * np.log(y) - (1 - y_hat) * np.log(1 - y_hat))
            """,
        ),
        # real learner (MBELSABAH activation-gradient-flow, eps 1e-8), translated
        (
            "epsilon",
            """
                def binary_cross_entropy(p, y, eps=1e-8):
                    y_pred = np.clip(p, eps, 1 - eps)
                    return -np.mean(y * np.log(y_pred) + (1 - y) * np.log(1 - y_pred))
            """,
        ),
    ],
    "check_cross_entropy": [
        (
            "mean_over_entries",
            """
                def cross_entropy(P, Y):
                    P = np.clip(P, 1e-12, 1.0)
                    return float(-np.mean(Y * np.log(P)))
            """,
        ),
        (
            "no_minus",
            """
                def cross_entropy(P, Y):
                    P = np.clip(P, 1e-12, 1.0)
                    return float(np.sum(Y * np.log(P)) / P.shape[0])
            """,
        ),
        (
            "no_clip",
            """
                def cross_entropy(P, Y):
                    return float(-np.sum(Y * np.log(P)) / P.shape[0])
            """,
        ),
        (
            "binary_formula",
            """
                def cross_entropy(P, Y):
                    P = np.clip(P, 1e-12, 1 - 1e-12)
                    return float(-np.sum(Y * np.log(P) + (1 - Y) * np.log(1 - P)) / P.shape[0])
            """,
        ),
        (
            "sum",
            """
                def cross_entropy(P, Y):
                    P = np.clip(P, 1e-12, 1.0)
                    return float(-np.sum(Y * np.log(P)))
            """,
        ),
        (
            "mean_over_classes",
            """
                def cross_entropy(P, Y):
                    P = np.clip(P, 1e-12, 1.0)
                    return float(-np.sum(Y * np.log(P)) / P.shape[1])
            """,
        ),
        (
            "not_summed",
            """
                def cross_entropy(P, Y):
                    P = np.clip(P, 1e-12, 1.0)
                    return -np.sum(Y * np.log(P), axis=1)
            """,
        ),
        (
            "predicted_class",
            """
                def cross_entropy(P, Y):
                    n = P.shape[0]
                    return float(-np.mean(np.log(np.clip(P[np.arange(n), P.argmax(axis=1)], 1e-12, 1))))
            """,
        ),
        (
            "swapped",
            """
                def cross_entropy(P, Y):
                    Y = np.clip(Y, 1e-12, 1.0)
                    return float(-np.sum(P * np.log(Y)) / P.shape[0])
            """,
        ),
        (
            "log2",
            """
                def cross_entropy(P, Y):
                    P = np.clip(P, 1e-12, 1.0)
                    return float(-np.sum(Y * np.log2(P)) / P.shape[0])
            """,
        ),
        (
            "targets_ignored",
            """
                def cross_entropy(P, Y):
                    P = np.clip(P, 1e-12, 1.0)
                    return float(-np.sum(np.log(P)) / P.shape[0])
            """,
        ),
        # real learner (shilpavakkayil cross_entropy: clip 1e-10 and +1e-5 in the log), translated
        (
            "epsilon_in_log",
            """
                def cross_entropy(P, Y, epsilon=1e-10):
                    predictions = np.clip(P, epsilon, 1. - epsilon)
                    N = predictions.shape[0]
                    ce_loss = -np.sum(np.sum(Y * np.log(predictions + 1e-5))) / N
                    return ce_loss
            """,
        ),
        # real learner (dsr-lab/numpy_cnn cross_entropy: +1e-8, divides by shape[1]), translated
        (
            None,
            """
                def cross_entropy(P, Y):
                    n_predictions = P.shape[1]
                    ce = -np.sum(Y * np.log(P + 1e-8)) / n_predictions
                    return ce
            """,
        ),
        # real learner (cross_entropy(predictions, targets, epsilon=1e-12) with + 1e-9 in the log)
        (
            "epsilon",
            """
                def cross_entropy(P, Y, epsilon=1e-12):
                    predictions = np.clip(P, epsilon, 1. - epsilon)
                    N = predictions.shape[0]
                    ce = -np.sum(Y * np.log(predictions + 1e-9)) / N
                    return ce
            """,
        ),
        # real learner (msandru/Neural-Networks-Assignments cross_entropy: no mean, no clip)
        (
            None,
            """
                def cross_entropy(P, Y):
                    ce = -np.sum(Y * np.log(P))
                    return ce
            """,
        ),
    ],
    "check_loss_choices": [
        (
            "ce_for_yes_no",
            """
                def loss_choices():
                    return {
                        "house_price": "mse",
                        "spam": "cross_entropy",
                        "digit": "cross_entropy",
                        "temperature": "mse",
                        "tumour_malignant": "cross_entropy",
                        "animal_species": "cross_entropy",
                    }
            """,
        ),
        (
            "bce_for_classes",
            """
                def loss_choices():
                    return {
                        "house_price": "mse",
                        "spam": "binary_cross_entropy",
                        "digit": "binary_cross_entropy",
                        "temperature": "mse",
                        "tumour_malignant": "binary_cross_entropy",
                        "animal_species": "cross_entropy",
                    }
            """,
        ),
        (
            "mse_for_classification",
            """
                def loss_choices():
                    return {
                        "house_price": "mse",
                        "spam": "binary_cross_entropy",
                        "digit": "mse",
                        "temperature": "mse",
                        "tumour_malignant": "binary_cross_entropy",
                        "animal_species": "cross_entropy",
                    }
            """,
        ),
        (
            "missing_task",
            """
                def loss_choices():
                    return {
                        "house_price": "mse",
                        "spam": "binary_cross_entropy",
                        "digit": "cross_entropy",
                        "temperature": "mse",
                        "tumour_malignant": "binary_cross_entropy",
                    }
            """,
        ),
        (
            "unknown_name",
            """
                def loss_choices():
                    return {
                        "house_price": "MSE",
                        "spam": "binary_cross_entropy",
                        "digit": "cross_entropy",
                        "temperature": "MSE",
                        "tumour_malignant": "binary_cross_entropy",
                        "animal_species": "cross_entropy",
                    }
            """,
        ),
        (
            "unknown_name",
            """
                def loss_choices():
                    return {
                        "house_price": "mse",
                        "spam": "binary_cross_entropy",
                        "digit": "categorical_cross_entropy",
                        "temperature": "mse",
                        "tumour_malignant": "binary_cross_entropy",
                        "animal_species": "categorical_cross_entropy",
                    }
            """,
        ),
        (
            "cross_entropy_for_regression",
            """
                def loss_choices():
                    return {
                        "house_price": "mse",
                        "spam": "binary_cross_entropy",
                        "digit": "cross_entropy",
                        "temperature": "binary_cross_entropy",
                        "tumour_malignant": "binary_cross_entropy",
                        "animal_species": "cross_entropy",
                    }
            """,
        ),
        (
            "bce_for_classes",
            """
                def loss_choices():
                    return {
                        "house_price": "mse",
                        "spam": "binary_cross_entropy",
                        "digit": "cross_entropy",
                        "temperature": "mse",
                        "tumour_malignant": "cross_entropy",
                        "animal_species": "binary_cross_entropy",
                    }
            """,
        ),
        (
            "unknown_name",
            """
                def loss_choices():
                    return {
                        "house_price": "mse",
                        "spam": "bce",
                        "digit": "ce",
                        "temperature": "mse",
                        "tumour_malignant": "bce",
                        "animal_species": "ce",
                    }
            """,
        ),
        (
            "not_a_dict",
            """
                def loss_choices():
                    return [
                        ("house_price", "mse"),
                        ("spam", "binary_cross_entropy"),
                        ("digit", "cross_entropy"),
                        ("temperature", "mse"),
                        ("tumour_malignant", "binary_cross_entropy"),
                        ("animal_species", "cross_entropy"),
                    ]
            """,
        ),
        (
            "cross_entropy_for_regression",
            """
                def loss_choices():
                    return {
                        "house_price": "cross_entropy",
                        "spam": "binary_cross_entropy",
                        "digit": "cross_entropy",
                        "temperature": "cross_entropy",
                        "tumour_malignant": "binary_cross_entropy",
                        "animal_species": "cross_entropy",
                    }
            """,
        ),
        (
            "unknown_task",
            """
                def loss_choices():
                    return {
                        "house_price": "mse",
                        "spam": "binary_cross_entropy",
                        "digit": "cross_entropy",
                        "temperature": "mse",
                        "tumor_malignant": "binary_cross_entropy",
                        "animal_species": "cross_entropy",
                    }
            """,
        ),
    ],
    "check_cost_gradient": [
        (
            "mse_over_samples",
            """
                def cost_gradient(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y) / Y_hat.shape[0]
                    return -Y / np.clip(Y_hat, 1e-12, 1.0) / Y_hat.shape[0]
            """,
        ),
        (
            "mse_no_two",
            """
                def cost_gradient(Y_hat, Y, kind):
                    if kind == "mse":
                        return (Y_hat - Y) / Y_hat.size
                    return -Y / np.clip(Y_hat, 1e-12, 1.0) / Y_hat.shape[0]
            """,
        ),
        (
            "mse_sign",
            """
                def cost_gradient(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y - Y_hat) / Y_hat.size
                    return -Y / np.clip(Y_hat, 1e-12, 1.0) / Y_hat.shape[0]
            """,
        ),
        (
            "ce_over_entries",
            """
                def cost_gradient(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y) / Y_hat.size
                    return -Y / np.clip(Y_hat, 1e-12, 1.0) / Y_hat.size
            """,
        ),
        (
            "ce_no_clip",
            """
                def cost_gradient(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y) / Y_hat.size
                    return -Y / Y_hat / Y_hat.shape[0]
            """,
        ),
        (
            "ce_sign",
            """
                def cost_gradient(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y) / Y_hat.size
                    return Y / np.clip(Y_hat, 1e-12, 1.0) / Y_hat.shape[0]
            """,
        ),
        (
            "ce_softmax_delta",
            """
                def cost_gradient(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y) / Y_hat.size
                    return (Y_hat - Y) / Y_hat.shape[0]
            """,
        ),
        (
            "ce_not_divided",
            """
                def cost_gradient(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y) / Y_hat.size
                    return -Y / np.clip(Y_hat, 1e-12, 1.0)
            """,
        ),
        (
            "always_mse",
            """
                def cost_gradient(Y_hat, Y, kind):
                    return 2.0 * (Y_hat - Y) / Y_hat.size
            """,
        ),
        (
            "always_cross_entropy",
            """
                def cost_gradient(Y_hat, Y, kind):
                    if kind == "MSE":
                        return 2.0 * (Y_hat - Y) / Y_hat.size
                    return -Y / np.clip(Y_hat, 1e-12, 1.0) / Y_hat.shape[0]
            """,
        ),
        (
            "ce_loss_not_gradient",
            """
                def cost_gradient(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y) / Y_hat.size
                    return -np.log(np.clip(Y_hat, 1e-12, 1.0)) * Y / Y_hat.shape[0]
            """,
        ),
        (
            None,
            """
                def cost_gradient(Y_hat, Y, kind):
                    if kind == "mse":
                        return np.mean(2.0 * (Y_hat - Y))
                    return -Y / np.clip(Y_hat, 1e-12, 1.0) / Y_hat.shape[0]
            """,
        ),
        # real learner (JBratvold binary_cross_entropy_prime used for cross-entropy), translated
        (
            None,
            """
                def cost_gradient(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2 * (Y_hat - Y) / np.size(Y)
                    y_pred = np.clip(Y_hat, 1e-15, 1 - 1e-15)
                    return ((1 - Y) / (1 - y_pred) - Y / y_pred) / np.size(Y)
            """,
        ),
    ],
    "check_output_delta": [
        (
            "mse_no_two",
            """
                def output_delta(Y_hat, Y, kind):
                    if kind == "mse":
                        return (Y_hat - Y) / Y_hat.size
                    return (Y_hat - Y) / Y_hat.shape[0]
            """,
        ),
        (
            "mse_over_samples",
            """
                def output_delta(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y) / Y_hat.shape[0]
                    return (Y_hat - Y) / Y_hat.shape[0]
            """,
        ),
        (
            "ce_over_entries",
            """
                def output_delta(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y) / Y_hat.size
                    return (Y_hat - Y) / Y_hat.size
            """,
        ),
        (
            "ce_not_divided",
            """
                def output_delta(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y) / Y_hat.size
                    return Y_hat - Y
            """,
        ),
        (
            "ce_sign",
            """
                def output_delta(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y) / Y_hat.size
                    return (Y - Y_hat) / Y_hat.shape[0]
            """,
        ),
        (
            "ce_no_slope",
            """
                def output_delta(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y) / Y_hat.size
                    return -Y / np.clip(Y_hat, 1e-12, 1.0) / Y_hat.shape[0]
            """,
        ),
        (
            "ce_slope_again",
            """
                def output_delta(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y) / Y_hat.size
                    return (Y_hat - Y) * Y_hat * (1 - Y_hat) / Y_hat.shape[0]
            """,
        ),
        (
            "mse_sigmoid_slope",
            """
                def output_delta(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y) / Y_hat.size * Y_hat * (1 - Y_hat)
                    return (Y_hat - Y) / Y_hat.shape[0]
            """,
        ),
        (
            "always_cross_entropy",
            """
                def output_delta(Y_hat, Y, kind):
                    return (Y_hat - Y) / Y_hat.shape[0]
            """,
        ),
        (
            "always_mse",
            """
                def output_delta(Y_hat, Y, kind):
                    return 2.0 * (Y_hat - Y) / Y_hat.size
            """,
        ),
        (
            "ce_two",
            """
                def output_delta(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y) / Y_hat.size
                    return 2.0 * (Y_hat - Y) / Y_hat.shape[0]
            """,
        ),
        (
            "mse_not_divided",
            """
                def output_delta(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2.0 * (Y_hat - Y)
                    return (Y_hat - Y) / Y_hat.shape[0]
            """,
        ),
        # real learner (CS231n-style SoftmaxCrossEntropyLoss: delta = probs; in place), translated
        (
            None,
            """
                def output_delta(Y_hat, Y, kind):
                    if kind == "mse":
                        return 2 * (Y_hat - Y) / Y_hat.size
                    n = Y_hat.shape[0]
                    y = np.argmax(Y, axis=1)
                    delta = Y_hat
                    delta[range(n), y] -= 1
                    delta /= float(n)
                    return delta
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
    "check_mse": [
        """
            def mse(y_pred, y_true):
                return np.mean(np.square(y_pred - y_true))
        """,
        """
            def mse(y_pred, y_true):
                diff = np.asarray(y_pred, dtype=float) - np.asarray(y_true, dtype=float)
                return float(np.sum(diff ** 2) / diff.size)
        """,
        """
            def mse(y_pred, y_true):
                total = 0.0
                count = 0
                for p, t in zip(np.ravel(y_pred), np.ravel(y_true)):
                    total += (p - t) ** 2
                    count += 1
                return total / count
        """,
        """
            def mse(y_pred, y_true):
                e = (y_pred - y_true).ravel()
                return float(e @ e) / len(e)
        """,
        """
            def mse(y_pred, y_true):
                return ((y_true - y_pred) ** 2).mean()
        """,
        """
            def mse(y_pred, y_true):
                n = y_pred.shape[0] * y_pred.shape[1]
                return np.sum((y_pred - y_true) ** 2) / n
        """,
        """
            def mse(y_pred, y_true):
                return np.mean(np.mean((y_pred - y_true) ** 2, axis=1))
        """,
        """
            def mse(y_pred, y_true):
                return float(np.average(np.power(y_pred - y_true, 2)))
        """,
        """
            def mse(y_pred, y_true):
                # np.linalg.norm form
                return np.linalg.norm(y_pred - y_true) ** 2 / np.size(y_pred)
        """,
    ],
    "check_binary_cross_entropy": [
        """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        """,
        """
            def binary_cross_entropy(p, y):
                # aragorn5249 compute_cost, with the clip the text asks for; m from the size
                p = np.clip(p, 1e-12, 1 - 1e-12)
                m = y.size
                cost = -(1 / m) * np.sum(np.multiply(y, np.log(p)) + np.multiply(1 - y, np.log(1 - p)))
                return float(np.squeeze(cost))
        """,
        """
            def binary_cross_entropy(p, y):
                eps = 1e-12
                p = np.clip(np.asarray(p, dtype=float), eps, 1 - eps)
                y = np.asarray(y, dtype=float)
                losses = np.where(y == 1, -np.log(p), -np.log(1 - p))
                return float(losses.mean())
        """,
        """
            import math

            def binary_cross_entropy(p, y):
                total = 0.0
                pf, yf = np.ravel(p), np.ravel(y)
                for pi, yi in zip(pf, yf):
                    pi = min(max(pi, 1e-12), 1 - 1e-12)
                    total += yi * math.log(pi) + (1 - yi) * math.log(1 - pi)
                return -total / len(pf)
        """,
        """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12).reshape(-1)
                y = y.reshape(-1)
                return -(y @ np.log(p) + (1 - y) @ np.log(1 - p)) / len(y)
        """,
        """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return float(-np.mean(y * np.log(p)) - np.mean((1 - y) * np.log1p(-p)))
        """,
        """
            def binary_cross_entropy(p, y):
                p = p.copy().astype(float)
                p[p < 1e-12] = 1e-12
                p[p > 1 - 1e-12] = 1 - 1e-12
                return -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) / len(p)
        """,
        """
            def binary_cross_entropy(p, y):
                p = np.minimum(np.maximum(p, 1e-12), 1 - 1e-12)
                loss = -(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
                return np.mean(loss)
        """,
        """
            def binary_cross_entropy(p, y):
                # ulichovick/cross_entropy style squeeze(-mean(...)), clip 1e-12
                AL = np.clip(p, 1e-12, 1 - 1e-12)
                return np.squeeze(-np.mean(y * np.log(AL) + (1 - y) * np.log(1 - AL)))
        """,
    ],
    "check_cross_entropy": [
        """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, None)
                return -np.sum(Y * np.log(P)) / len(P)
        """,
        """
            def cross_entropy(P, Y):
                n = P.shape[0]
                P = np.clip(P, 1e-12, 1.0)
                return float(-np.mean(np.sum(Y * np.log(P), axis=1)))
        """,
        """
            def cross_entropy(P, Y):
                labels = np.argmax(Y, axis=1)
                n = P.shape[0]
                picked = np.clip(P[np.arange(n), labels], 1e-12, 1.0)
                return -np.sum(np.log(picked)) / n
        """,
        """
            def cross_entropy(P, Y):
                P = np.maximum(P, 1e-12)
                total = 0.0
                for i in range(P.shape[0]):
                    for j in range(P.shape[1]):
                        if Y[i, j] == 1:
                            total -= np.log(P[i, j])
                return total / P.shape[0]
        """,
        """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return -np.einsum("ij,ij->", Y, np.log(P)) / Y.shape[0]
        """,
        """
            def cross_entropy(P, Y):
                # ulichovick cost_function, translated to rows = examples, with the clip
                m = Y.shape[0]
                cost = -(1 / m) * np.sum(Y * np.log(np.clip(P, 1e-12, 1)))
                return cost
        """,
        """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                per_example = -(Y * np.log(P)).sum(axis=-1)
                return float(per_example.mean())
        """,
        """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return float(-np.trace(Y @ np.log(P).T) / P.shape[0])
        """,
    ],
    "check_loss_choices": [
        """
            def loss_choices():
                return {
                    "house_price": "mse",
                    "temperature": "mse",
                    "spam": "binary_cross_entropy",
                    "tumour_malignant": "binary_cross_entropy",
                    "digit": "cross_entropy",
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
                regression, binary, multi = "mse", "binary_cross_entropy", "cross_entropy"
                return dict(house_price=regression, spam=binary, digit=multi, temperature=regression,
                            tumour_malignant=binary, animal_species=multi)
        """,
        """
            def loss_choices():
                d = dict.fromkeys(["house_price", "temperature"], "mse")
                d.update(dict.fromkeys(["spam", "tumour_malignant"], "binary_cross_entropy"))
                d.update(dict.fromkeys(["digit", "animal_species"], "cross_entropy"))
                return d
        """,
        """
            def loss_choices():
                tasks = ["house_price", "spam", "digit", "temperature", "tumour_malignant", "animal_species"]
                losses = ["mse", "binary_cross_entropy", "cross_entropy"] * 2
                return dict(zip(tasks, losses))
        """,
        """
            def loss_choices():
                out = {}
                out["house_price"] = "mse"
                out["spam"] = "binary_cross_entropy"
                out["digit"] = "cross_entropy"
                out["temperature"] = "mse"
                out["tumour_malignant"] = "binary_cross_entropy"
                out["animal_species"] = "cross_entropy"
                return out
        """,
        """
            def loss_choices():
                pairs = [("house_price", "mse"), ("spam", "binary_cross_entropy"), ("digit", "cross_entropy"),
                         ("temperature", "mse"), ("tumour_malignant", "binary_cross_entropy"),
                         ("animal_species", "cross_entropy")]
                return {k: v for k, v in pairs}
        """,
        """
            CHOICES = {"house_price": "mse", "spam": "binary_cross_entropy", "digit": "cross_entropy",
                       "temperature": "mse", "tumour_malignant": "binary_cross_entropy",
                       "animal_species": "cross_entropy"}

            def loss_choices():
                return dict(CHOICES)
        """,
    ],
    "check_cost_gradient": [
        """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                elif kind == "cross_entropy":
                    return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[0]
        """,
        """
            def cost_gradient(Y_hat, Y, kind):
                N = Y_hat.shape[0] * Y_hat.shape[1]
                n = Y_hat.shape[0]
                if kind == "mse":
                    grad = (2.0 / N) * (Y_hat - Y)
                else:
                    grad = -(1.0 / n) * Y / np.maximum(Y_hat, 1e-12)
                return grad
        """,
        """
            def cost_gradient(Y_hat, Y, kind):
                Y_hat = np.asarray(Y_hat, dtype=float)
                Y = np.asarray(Y, dtype=float)
                if kind == "cross_entropy":
                    P = np.clip(Y_hat, 1e-12, 1.0)
                    return -(Y / P) / len(Y_hat)
                return 2 * (Y_hat - Y) / np.prod(Y_hat.shape)
        """,
        """
            def cost_gradient(Y_hat, Y, kind):
                grads = {
                    "mse": lambda: 2 * (Y_hat - Y) / Y_hat.size,
                    "cross_entropy": lambda: -np.divide(Y, np.clip(Y_hat, 1e-12, 1)) / Y_hat.shape[0],
                }
                return grads[kind]()
        """,
        """
            def cost_gradient(Y_hat, Y, kind):
                G = np.zeros(Y_hat.shape)
                n, k = Y_hat.shape
                for i in range(n):
                    for j in range(k):
                        if kind == "mse":
                            G[i, j] = 2 * (Y_hat[i, j] - Y[i, j]) / (n * k)
                        else:
                            G[i, j] = -Y[i, j] / (n * max(Y_hat[i, j], 1e-12))
                return G
        """,
        """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return np.multiply(2.0, np.subtract(Y_hat, Y)) / Y_hat.size
                P = Y_hat.copy()
                P[P < 1e-12] = 1e-12
                return -Y / (P * Y_hat.shape[0])
        """,
        """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return (Y_hat - Y) * (2 / np.size(Y_hat))
                return np.where(Y != 0, -Y / np.clip(Y_hat, 1e-12, None), 0.0) / Y_hat.shape[0]
        """,
        """
            def cost_gradient(Y_hat, Y, kind):
                if kind not in ("mse", "cross_entropy"):
                    raise ValueError(kind)
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y / (Y_hat.shape[0] * np.clip(Y_hat, 1e-12, 1.0))
        """,
    ],
    "check_output_delta": [
        """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return (Y_hat - Y) / Y_hat.shape[0]
        """,
        """
            def output_delta(Y_hat, Y, kind):
                err = Y_hat - Y
                scale = 2.0 / err.size if kind == "mse" else 1.0 / err.shape[0]
                return scale * err
        """,
        """
            def output_delta(Y_hat, Y, kind):
                n, k = Y_hat.shape
                if kind == "cross_entropy":
                    return (Y_hat - Y) / n
                else:
                    return 2 * (Y_hat - Y) / (n * k)
        """,
        """
            def output_delta(Y_hat, Y, kind):
                delta = np.array(Y_hat, dtype=float, copy=True)
                delta -= Y
                if kind == "mse":
                    delta *= 2.0 / delta.size
                else:
                    delta /= delta.shape[0]
                return delta
        """,
        """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return (Y_hat - Y) * 2 / np.prod(Y_hat.shape)
                return np.subtract(Y_hat, Y) / len(Y_hat)
        """,
        """
            def output_delta(Y_hat, Y, kind):
                return {"mse": 2 * (Y_hat - Y) / Y_hat.size, "cross_entropy": (Y_hat - Y) / Y_hat.shape[0]}[kind]
        """,
        """
            def output_delta(Y_hat, Y, kind):
                D = np.empty(Y_hat.shape)
                for i, (yh, y) in enumerate(zip(Y_hat, Y)):
                    D[i] = yh - y
                return D * (2 / D.size) if kind == "mse" else D / D.shape[0]
        """,
    ],
}
_REAL_STYLES_WRONG = {
    "check_output_delta": [
        (
            "ce_jacobian",
            """
            def output_delta(Y_hat, Y, kind):
                # general chain rule through the softmax Jacobian, for cross-entropy; identity for mse
                n, k = Y_hat.shape
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                P = np.clip(Y_hat, 1e-12, 1.0)
                dA = -Y / P / n
                out = np.zeros_like(Y_hat, dtype=float)
                for i in range(n):
                    J = np.diag(Y_hat[i]) - np.outer(Y_hat[i], Y_hat[i])
                    out[i] = J @ dA[i]
                return out
        """,
        ),
        (
            "not_scaled",
            """
            def output_delta(Y_hat, Y, kind):
                return Y_hat - Y
        """,
        ),
        (
            "ce_over_entries",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size
                return (Y_hat - Y) / Y_hat.size
        """,
        ),
        (
            "mse_no_two",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == 'mse':
                    return (Y_hat - Y) / Y_hat.size
                return (Y_hat - Y) / Y_hat.shape[0]
        """,
        ),
        (
            "ce_sign",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size
                return (Y - Y_hat) / Y_hat.shape[0]
        """,
        ),
        (
            "mse_sigmoid_slope",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size * Y_hat * (1 - Y_hat)
                return (Y_hat - Y) / Y_hat.shape[0]
        """,
        ),
        (
            "ce_slope_again",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size
                return (Y_hat - Y) * Y_hat * (1 - Y_hat) / Y_hat.shape[0]
        """,
        ),
        (
            "ce_no_slope",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[0]
        """,
        ),
        (
            "mse_over_samples",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.shape[0]
                return (Y_hat - Y) / Y_hat.shape[0]
        """,
        ),
        (
            "ce_not_divided",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size
                return (Y_hat - Y)
        """,
        ),
        (
            "kinds_swapped",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == 'cross_entropy':
                    return 2 * (Y_hat - Y) / Y_hat.size
                return (Y_hat - Y) / Y_hat.shape[0]
        """,
        ),
        (
            None,
            """
            def output_delta(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size
                return np.mean(Y_hat - Y, axis=0)
        """,
        ),
        (
            "ce_over_classes",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size
                return (Y_hat - Y) / Y_hat.shape[1]
        """,
        ),
    ],
    "check_mse": [
        (
            "mean_over_samples",
            """
            def mse(y_pred, y_true):
                return np.sum((y_pred - y_true) ** 2) / len(y_pred)
        """,
        ),
        (
            "mae",
            """
            def mse(y_pred, y_true):
                return np.mean(np.abs(y_pred - y_true))
        """,
        ),
        (
            "rmse",
            """
            def mse(y_pred, y_true):
                return np.sqrt(np.mean((y_pred - y_true) ** 2))
        """,
        ),
        (
            "half",
            """
            def mse(y_pred, y_true):
                return np.mean((y_pred - y_true) ** 2) / 2
        """,
        ),
        (
            "square_of_mean",
            """
            def mse(y_pred, y_true):
                return np.mean(y_pred - y_true) ** 2
        """,
        ),
        (
            "sum",
            """
            def mse(y_pred, y_true):
                return np.sum((y_pred - y_true) ** 2)
        """,
        ),
        (
            "axis",
            """
            def mse(y_pred, y_true):
                return np.mean((y_pred - y_true) ** 2, axis=0)
        """,
        ),
        (
            None,
            """
            def mse(y_pred, y_true):
                return np.mean(y_pred ** 2 - y_true ** 2)
        """,
        ),
        (
            "n_minus_one",
            """
            def mse(y_pred, y_true):
                return np.sum((y_pred - y_true) ** 2) / (y_pred.size - 1)
        """,
        ),
        (
            None,
            """
            def mse(y_pred, y_true):
                return np.mean((y_pred - y_true.T) ** 2)
        """,
        ),
        (
            None,
            """
            def mse(y_pred, y_true):
                return float(np.mean((y_pred - y_true) ** 2, dtype=np.float16))
        """,
        ),
        (
            None,
            """
            def mse(y_pred, y_true):
                return np.mean((y_pred - y_true)[:, 0] ** 2)
        """,
        ),
    ],
    "check_binary_cross_entropy": [
        (
            "no_clip",
            """
            def binary_cross_entropy(p, y):
                return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        """,
        ),
        (
            "no_clip",
            """
            def binary_cross_entropy(p, y):
                # AkashSDas compute_cost, translated
                m = y.shape[0]
                logprobs = np.multiply(-np.log(p), y) + np.multiply(-np.log(1 - p), 1 - y)
                return float(np.squeeze(1.0 / m * np.nansum(logprobs)))
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
            "no_minus",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
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
            None,
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return -np.mean(p * np.log(y) + (1 - p) * np.log(1 - y))
        """,
        ),
        (
            "second_log_of_p",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return -np.mean(y * np.log(p) + (1 - y) * np.log(p))
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
            "epsilon",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-7, 1 - 1e-7)
                return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        """,
        ),
        (
            None,
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) / 2
        """,
        ),
        (
            "float_of_column",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                m = p.shape[0]
                return float(-(y.T @ np.log(p) + (1 - y).T @ np.log(1 - p)) / m)
        """,
        ),
        (
            "clip_one_side",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1)
                return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        """,
        ),
        (
            "minus_inside",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return -np.mean(y * np.log(p) - (1 - y) * np.log(1 - p))
        """,
        ),
    ],
    "check_cross_entropy": [
        (
            "mean_over_entries",
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return -np.mean(Y * np.log(P))
        """,
        ),
        (
            "no_clip",
            """
            def cross_entropy(P, Y):
                return -np.sum(Y * np.log(P)) / P.shape[0]
        """,
        ),
        (
            "sum",
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return -np.sum(Y * np.log(P))
        """,
        ),
        (
            "mean_over_classes",
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return -np.sum(Y * np.log(P)) / P.shape[1]
        """,
        ),
        (
            "no_minus",
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return np.sum(Y * np.log(P)) / P.shape[0]
        """,
        ),
        (
            "binary_formula_mean",
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1 - 1e-12)
                return -np.mean(Y * np.log(P) + (1 - Y) * np.log(1 - P))
        """,
        ),
        (
            "swapped",
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return -np.sum(P * np.log(Y + 1e-12)) / P.shape[0]
        """,
        ),
        (
            "targets_ignored",
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return -np.sum(np.log(P)) / P.shape[0]
        """,
        ),
        (
            "not_summed",
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return -np.sum(Y * np.log(P), axis=1)
        """,
        ),
        (
            "log2",
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return -np.sum(Y * np.log2(P)) / P.shape[0]
        """,
        ),
        (
            None,
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                labels = np.argmax(Y, axis=1)
                return -np.sum(np.log(P[:, labels])) / P.shape[0]
        """,
        ),
        (
            None,
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return -np.sum(Y * np.log(P)) / Y.sum(axis=0).max()
        """,
        ),
    ],
    "check_loss_choices": [
        (
            "ce_for_yes_no",
            """
            def loss_choices():
                return {
                    'house_price': 'mse', 'spam': 'cross_entropy',
                    'digit': 'cross_entropy', 'temperature': 'mse',
                    'tumour_malignant': 'cross_entropy', 'animal_species': 'cross_entropy',
                }
        """,
        ),
        (
            "mse_for_classification",
            """
            def loss_choices():
                return {
                    'house_price': 'mse', 'spam': 'binary_cross_entropy',
                    'digit': 'mse', 'temperature': 'mse',
                    'tumour_malignant': 'binary_cross_entropy', 'animal_species': 'cross_entropy',
                }
        """,
        ),
        (
            "bce_for_classes",
            """
            def loss_choices():
                return {
                    'house_price': 'mse', 'spam': 'binary_cross_entropy',
                    'digit': 'binary_cross_entropy', 'temperature': 'mse',
                    'tumour_malignant': 'binary_cross_entropy', 'animal_species': 'binary_cross_entropy',
                }
        """,
        ),
        (
            "cross_entropy_for_regression",
            """
            def loss_choices():
                return {
                    'house_price': 'mse', 'spam': 'binary_cross_entropy',
                    'digit': 'cross_entropy', 'temperature': 'cross_entropy',
                    'tumour_malignant': 'binary_cross_entropy', 'animal_species': 'cross_entropy',
                }
        """,
        ),
        (
            "unknown_name",
            """
            def loss_choices():
                return {
                    'house_price': 'MSE', 'spam': 'BCE',
                    'digit': 'CE', 'temperature': 'MSE',
                    'tumour_malignant': 'BCE', 'animal_species': 'CE',
                }
        """,
        ),
        (
            "unknown_name",
            """
            def loss_choices():
                return {
                    'house_price': 'mse', 'spam': 'binary_cross_entropy',
                    'digit': 'categorical_cross_entropy', 'temperature': 'mse',
                    'tumour_malignant': 'binary_cross_entropy', 'animal_species': 'categorical_cross_entropy',
                }
        """,
        ),
        (
            "missing_task",
            """
            def loss_choices():
                return {
                    'house_price': 'mse', 'spam': 'binary_cross_entropy',
                    'digit': 'cross_entropy', 'temperature': 'mse',
                    'tumour_malignant': 'binary_cross_entropy',
                }
        """,
        ),
        (
            "unknown_task",
            """
            def loss_choices():
                return {
                    'house_price': 'mse', 'spam': 'binary_cross_entropy',
                    'digit': 'cross_entropy', 'temperature': 'mse',
                    'tumor_malignant': 'binary_cross_entropy', 'animal_species': 'cross_entropy',
                }
        """,
        ),
        (
            "mse_for_classification",
            """
            def loss_choices():
                return {
                    'house_price': 'mse', 'spam': 'binary_cross_entropy',
                    'digit': 'cross_entropy', 'temperature': 'mse',
                    'tumour_malignant': 'mse', 'animal_species': 'cross_entropy',
                }
        """,
        ),
        (
            "not_a_dict",
            """
            def loss_choices():
                return [
                    ('house_price', 'mse'), ('spam', 'binary_cross_entropy'),
                    ('digit', 'cross_entropy'), ('temperature', 'mse'),
                    ('tumour_malignant', 'binary_cross_entropy'), ('animal_species', 'cross_entropy'),
                ]
        """,
        ),
        (
            "mse_for_classification",
            """
            def loss_choices():
                return {
                    'house_price': 'binary_cross_entropy', 'spam': 'mse',
                    'digit': 'cross_entropy', 'temperature': 'binary_cross_entropy',
                    'tumour_malignant': 'mse', 'animal_species': 'cross_entropy',
                }
        """,
        ),
    ],
    "check_cost_gradient": [
        (
            "mse_over_samples",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.shape[0]
                return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[0]
        """,
        ),
        (
            "mse_no_two",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == 'mse':
                    return (Y_hat - Y) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[0]
        """,
        ),
        (
            "mse_sign",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y - Y_hat) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[0]
        """,
        ),
        (
            "ce_sign",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size
                return Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[0]
        """,
        ),
        (
            "ce_over_entries",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.size
        """,
        ),
        (
            "ce_not_divided",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, None)
        """,
        ),
        (
            "ce_no_clip",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y / Y_hat / Y_hat.shape[0]
        """,
        ),
        (
            "ce_softmax_delta",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size
                return (Y_hat - Y) / Y_hat.shape[0]
        """,
        ),
        (
            "ce_binary_formula",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size
                P = np.clip(Y_hat, 1e-12, 1 - 1e-12)
                return (-(Y / P) + (1 - Y) / (1 - P)) / Y_hat.shape[0]
        """,
        ),
        (
            None,
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * np.mean(Y_hat - Y)
                return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[0]
        """,
        ),
        (
            "mse_over_samples",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == 'cross_entropy':
                    return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[0]
                return 2 * (Y_hat - Y) / Y.shape[0]
        """,
        ),
        (
            None,
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -np.sum(Y / np.clip(Y_hat, 1e-12, None), axis=0) / Y_hat.shape[0]
        """,
        ),
        (
            "ce_over_classes",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == 'mse':
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[1]
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
    "check_mse": [
        (
            "def mse(y_pred, y_true):\n"
            '    """Mean over every element of (y_pred - y_true)**2. Both (n_samples, n_outputs). Retur'
            'ns a float."""\n'
            "    return float(np.mean((y_pred - y_true) ** 2))\n"
        ),
        """
            def mse(y_pred, y_true):
                diff = y_pred - y_true
                return np.sum(diff * diff) / diff.size
        """,
        """
            def mse(y_pred, y_true):
                return np.square(np.subtract(y_pred, y_true)).mean()
        """,
        """
            def mse(y_pred, y_true):
                y_pred = np.asarray(y_pred, dtype=float)
                y_true = np.asarray(y_true, dtype=float)
                total = 0.0
                count = 0
                for p, t in zip(y_pred.ravel(), y_true.ravel()):
                    total += (p - t) ** 2
                    count += 1
                return total / count
        """,
        """
            def mse(y_pred, y_true):
                n_samples, n_outputs = np.shape(y_pred)
                errors = (np.asarray(y_pred) - np.asarray(y_true)).ravel()
                return float(errors @ errors) / (n_samples * n_outputs)
        """,
    ],
    "check_binary_cross_entropy": [
        (
            "def binary_cross_entropy(p, y):\n"
            '    """-mean(y log p + (1 - y) log(1 - p)), p clipped to [1e-12, 1 - 1e-12]. Returns a float."""\n'
            "    p = np.clip(p, 1e-12, 1 - 1e-12)\n"
            "    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))\n"
        ),
        """
            def binary_cross_entropy(p, y):
                eps = 1e-12
                p = np.clip(np.asarray(p, dtype=float).ravel(), eps, 1 - eps)
                y = np.asarray(y, dtype=float).ravel()
                losses = -(y * np.log(p) + (1 - y) * np.log(1 - p))
                return float(losses.sum() / losses.size)
        """,
        """
            def binary_cross_entropy(p, y):
                p_safe = np.minimum(np.maximum(p, 1e-12), 1 - 1e-12)
                y = np.asarray(y, dtype=float)
                return -np.mean(y * np.log(p_safe) + (1.0 - y) * np.log1p(-p_safe))
        """,
        """
            import math

            def binary_cross_entropy(p, y):
                total = 0.0
                flat_p = np.ravel(p)
                flat_y = np.ravel(y)
                for pi, yi in zip(flat_p, flat_y):
                    pi = min(max(float(pi), 1e-12), 1 - 1e-12)
                    total += yi * math.log(pi) + (1 - yi) * math.log(1 - pi)
                return -total / len(flat_p)
        """,
        """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                # the probability given to what actually happened
                prob_of_truth = np.where(y == 1, p, 1 - p)
                return float(-np.mean(np.log(prob_of_truth)))
        """,
    ],
    "check_cross_entropy": [
        (
            "def cross_entropy(P, Y):\n"
            '    """-sum(Y * log P) / n_samples. P, Y: (n_samples, n_classes), Y one-hot. Returns a float."""\n'
            "    P = np.clip(P, 1e-12, 1.0)\n"
            "    return float(-np.sum(Y * np.log(P)) / P.shape[0])\n"
        ),
        """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, None)
                per_example = -np.sum(Y * np.log(P), axis=1)
                return float(np.mean(per_example))
        """,
        """
            def cross_entropy(P, Y):
                # only the probability of the true class counts (Y is one-hot)
                n = P.shape[0]
                true_class = np.argmax(Y, axis=1)
                p_true = np.maximum(P[np.arange(n), true_class], 1e-12)
                return float(-np.log(p_true).mean())
        """,
        """
            def cross_entropy(P, Y):
                P = np.asarray(P, dtype=float)
                Y = np.asarray(Y, dtype=float)
                n_samples, n_classes = P.shape
                total = 0.0
                for i in range(n_samples):
                    for j in range(n_classes):
                        if Y[i, j] != 0:
                            total += Y[i, j] * np.log(max(P[i, j], 1e-12))
                return -total / n_samples
        """,
        """
            def cross_entropy(P, Y):
                logP = np.log(np.clip(P, 1e-12, 1 - 1e-12))
                return -np.einsum("ij,ij->", Y, logP) / len(P)
        """,
    ],
    "check_loss_choices": [
        (
            "def loss_choices():\n"
            '    """{task: loss name} for each of the six tasks."""\n'
            "    return {\n"
            '        "house_price": "mse",\n'
            '        "spam": "binary_cross_entropy",\n'
            '        "digit": "cross_entropy",\n'
            '        "temperature": "mse",\n'
            '        "tumour_malignant": "binary_cross_entropy",\n'
            '        "animal_species": "cross_entropy",\n'
            "    }\n"
        ),
        """
            def loss_choices():
                regression = ["house_price", "temperature"]
                yes_no = ["spam", "tumour_malignant"]
                one_of_k = ["digit", "animal_species"]
                choices = {}
                for task in regression:
                    choices[task] = "mse"
                for task in yes_no:
                    choices[task] = "binary_cross_entropy"
                for task in one_of_k:
                    choices[task] = "cross_entropy"
                return choices
        """,
        """
            def loss_choices():
                return dict(
                    animal_species="cross_entropy",
                    tumour_malignant="binary_cross_entropy",
                    temperature="mse",
                    digit="cross_entropy",
                    spam="binary_cross_entropy",
                    house_price="mse",
                )
        """,
        """
            def loss_choices():
                n_outputs = {"house_price": None, "temperature": None, "spam": 2, "tumour_malignant": 2,
                             "digit": 10, "animal_species": 12}
                choices = {}
                for task, k in n_outputs.items():
                    if k is None:
                        choices[task] = "mse"                      # a number on a scale
                    elif k == 2:
                        choices[task] = "binary_cross_entropy"     # yes / no
                    else:
                        choices[task] = "cross_entropy"            # one of k classes
                return choices
        """,
    ],
    "check_cost_gradient": [
        (
            "def cost_gradient(Y_hat, Y, kind):\n"
            '    """dC/dY_hat, the shape of Y_hat. kind "mse": the MSE over every entry; "cross_entropy'
            '": over the examples."""\n'
            '    if kind == "mse":\n'
            "        return 2 * (Y_hat - Y) / Y_hat.size\n"
            '    elif kind == "cross_entropy":\n'
            "        return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[0]\n"
            '    raise ValueError(f"unknown kind {kind!r}")\n'
        ),
        """
            def cost_gradient(Y_hat, Y, kind):
                n, n_out = Y_hat.shape
                if kind == "mse":
                    return 2.0 / (n * n_out) * (Y_hat - Y)
                if kind == "cross_entropy":
                    return -(1.0 / n) * Y / np.maximum(Y_hat, 1e-12)
                raise ValueError("kind must be 'mse' or 'cross_entropy'")
        """,
        """
            def _mse_gradient(Y_hat, Y):
                return 2.0 * (Y_hat - Y) / Y_hat.size


            def _cross_entropy_gradient(Y_hat, Y):
                return -Y / np.clip(Y_hat, 1e-12, 1.0) / len(Y_hat)


            def cost_gradient(Y_hat, Y, kind):
                gradients = {"mse": _mse_gradient, "cross_entropy": _cross_entropy_gradient}
                return gradients[kind](np.asarray(Y_hat, dtype=float), np.asarray(Y, dtype=float))
        """,
        """
            def cost_gradient(Y_hat, Y, kind):
                Y_hat = np.array(Y_hat, dtype=float)
                Y = np.array(Y, dtype=float)
                grad = np.zeros_like(Y_hat)
                n_samples, n_outputs = Y_hat.shape
                for i in range(n_samples):
                    for k in range(n_outputs):
                        if kind == "mse":
                            grad[i, k] = 2 * (Y_hat[i, k] - Y[i, k]) / (n_samples * n_outputs)
                        else:
                            grad[i, k] = -Y[i, k] / max(Y_hat[i, k], 1e-12) / n_samples
                return grad
        """,
        """
            def cost_gradient(Y_hat, Y, kind):
                assert Y_hat.shape == Y.shape, "Y_hat and Y must have the same shape"
                if kind == "mse":
                    m = Y_hat.size
                    return (2 / m) * np.subtract(Y_hat, Y)
                Y_hat_safe = np.clip(Y_hat, 1e-12, 1 - 1e-12)
                return -np.divide(Y, Y_hat_safe) / Y_hat.shape[0]
        """,
    ],
    "check_output_delta": [
        (
            "def output_delta(Y_hat, Y, kind):\n"
            '    """dC/dZ of the output layer, the shape of Y_hat: identity output with "mse", softmax '
            'with "cross_entropy"."""\n'
            '    if kind == "mse":\n'
            "        return 2 * (Y_hat - Y) / Y_hat.size\n"
            '    elif kind == "cross_entropy":\n'
            "        return (Y_hat - Y) / Y_hat.shape[0]\n"
            '    raise ValueError(f"unknown kind {kind!r}")\n'
        ),
        """
            def output_delta(Y_hat, Y, kind):
                n, n_out = Y_hat.shape
                error = Y_hat - Y
                if kind == "mse":
                    return (2.0 / (n * n_out)) * error
                return error / n
        """,
        """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[0]


            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    # identity output: slope 1, so dC/dZ = dC/dY_hat
                    return cost_gradient(Y_hat, Y, "mse")
                # softmax output with cross-entropy: the slope cancels and leaves the error / n
                return (Y_hat - Y) / len(Y_hat)
        """,
        """
            def output_delta(Y_hat, Y, kind):
                Y_hat = np.asarray(Y_hat, dtype=float)
                Y = np.asarray(Y, dtype=float)
                scale = {"mse": 2.0 / Y_hat.size, "cross_entropy": 1.0 / Y_hat.shape[0]}[kind]
                return scale * (Y_hat - Y)
        """,
        """
            def output_delta(Y_hat, Y, kind):
                Y_hat = np.asarray(Y_hat, dtype=float)
                Y = np.asarray(Y, dtype=float)
                assert Y_hat.shape == Y.shape, "Y_hat and Y must have the same shape"
                if kind not in ("mse", "cross_entropy"):
                    raise ValueError("kind must be 'mse' or 'cross_entropy'")
                n_samples = Y_hat.shape[0]
                error = np.subtract(Y_hat, Y)
                if kind == "mse":
                    return error * 2.0 / error.size
                return error / n_samples
        """,
    ],
}
_ROUND4_WRONG = {
    "check_mse": [
        # sums the squared errors instead of averaging them
        (
            "sum",
            """
            def mse(y_pred, y_true):
                return float(np.sum((y_pred - y_true) ** 2))
        """,
        ),
        # averages over axis 0 only, returning one number per output
        (
            "axis",
            """
            def mse(y_pred, y_true):
                return np.mean((y_pred - y_true) ** 2, axis=0)
        """,
        ),
        # divides by the number of examples only, not by every element
        (
            "mean_over_samples",
            """
            def mse(y_pred, y_true):
                return float(np.sum((y_pred - y_true) ** 2) / len(y_pred))
        """,
        ),
        # mean absolute error instead of squared
        (
            "mae",
            """
            def mse(y_pred, y_true):
                return float(np.mean(np.abs(y_pred - y_true)))
        """,
        ),
        # takes the square root: the RMSE
        (
            "rmse",
            """
            def mse(y_pred, y_true):
                return float(np.sqrt(np.mean((y_pred - y_true) ** 2)))
        """,
        ),
        # squares the mean error instead of averaging the squared errors
        (
            "square_of_mean",
            """
            def mse(y_pred, y_true):
                return float(np.mean(y_pred - y_true) ** 2)
        """,
        ),
        # adds the 1/2 factor some courses use for the loss
        (
            "half",
            """
            def mse(y_pred, y_true):
                return 0.5 * float(np.mean((y_pred - y_true) ** 2))
        """,
        ),
        # forgets to square: the mean signed error
        (
            "not_squared",
            """
            def mse(y_pred, y_true):
                return float(np.mean(y_pred - y_true))
        """,
        ),
    ],
    "check_binary_cross_entropy": [
        # no clipping: p of exactly 0 or 1 gives log(0), a warning and inf/nan
        (
            "no_clip",
            """
            def binary_cross_entropy(p, y):
                return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        """,
        ),
        # clips only from below, so p = 1 still gives log(0) in the second term
        (
            "clip_one_side",
            """
            def binary_cross_entropy(p, y):
                p = np.maximum(p, 1e-12)
                return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        """,
        ),
        # forgets the minus sign, giving a negative loss
        (
            "no_minus",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return float(np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        """,
        ),
        # sums over the examples instead of averaging
        (
            "sum",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))
        """,
        ),
        # keeps only the y log p term, so examples with y = 0 cost nothing
        (
            "positive_term_only",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return float(-np.mean(y * np.log(p)))
        """,
        ),
        # uses log base 10 instead of the natural logarithm
        (
            "log10",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return float(-np.mean(y * np.log10(p) + (1 - y) * np.log10(1 - p)))
        """,
        ),
        # swaps the roles of p and y inside the logarithms
        (
            "swapped",
            """
            def binary_cross_entropy(p, y):
                y = np.clip(y, 1e-12, 1 - 1e-12)
                return float(-np.mean(p * np.log(y) + (1 - p) * np.log(1 - y)))
        """,
        ),
        # clips into [0, 1], which changes nothing and still takes log(0)
        (
            "no_clip",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 0, 1)
                return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        """,
        ),
        # y * log(p) + (1 - y) * log(p): forgets the 1 - in the second logarithm
        (
            "second_log_of_p",
            """
            def binary_cross_entropy(p, y):
                p = np.clip(p, 1e-12, 1 - 1e-12)
                return float(-np.mean(y * np.log(p) + (1 - y) * np.log(p)))
        """,
        ),
    ],
    "check_cross_entropy": [
        # averages over all n * K entries instead of over the n examples
        (
            "mean_over_entries",
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return float(-np.mean(Y * np.log(P)))
        """,
        ),
        # no clipping: a probability of exactly 0 gives 0 * log 0 = nan
        (
            "no_clip",
            """
            def cross_entropy(P, Y):
                return float(-np.sum(Y * np.log(P)) / P.shape[0])
        """,
        ),
        # forgets the minus sign
        (
            "no_minus",
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return float(np.sum(Y * np.log(P)) / P.shape[0])
        """,
        ),
        # sums without dividing by the number of examples
        (
            "sum",
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return float(-np.sum(Y * np.log(P)))
        """,
        ),
        # divides by the number of classes instead of the number of examples
        (
            "mean_over_classes",
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return float(-np.sum(Y * np.log(P)) / P.shape[1])
        """,
        ),
        # uses the binary cross-entropy formula on every class entry
        (
            "binary_formula",
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1 - 1e-12)
                return float(-np.sum(Y * np.log(P) + (1 - Y) * np.log(1 - P)) / P.shape[0])
        """,
        ),
        # picks the predicted class (argmax of P) instead of the true class (argmax of Y)
        (
            "predicted_class",
            """
            def cross_entropy(P, Y):
                n = P.shape[0]
                picked = P[np.arange(n), np.argmax(P, axis=1)]
                return float(-np.mean(np.log(np.clip(picked, 1e-12, 1.0))))
        """,
        ),
        # averages over axis 0 and returns an array per class
        (
            None,
            """
            def cross_entropy(P, Y):
                P = np.clip(P, 1e-12, 1.0)
                return -np.mean(Y * np.log(P), axis=0)
        """,
        ),
        # swaps P and Y inside the logarithm
        (
            "swapped",
            """
            def cross_entropy(P, Y):
                return float(-np.sum(P * np.log(np.clip(Y, 1e-12, 1.0))) / P.shape[0])
        """,
        ),
    ],
    "check_loss_choices": [
        # treats the 10 digits as a yes/no problem
        (
            "bce_for_classes",
            (
                "def loss_choices():\n"
                '    return {"house_price": "mse", "spam": "binary_cross_entropy", "digit": "binary_cross_e'
                'ntropy",\n'
                '            "temperature": "mse", "tumour_malignant": "binary_cross_entropy", "animal_spec'
                'ies": "cross_entropy"}\n'
            ),
        ),
        # uses categorical cross-entropy for the yes/no tasks
        (
            "ce_for_yes_no",
            """
            def loss_choices():
                return {"house_price": "mse", "spam": "cross_entropy", "digit": "cross_entropy",
                        "temperature": "mse", "tumour_malignant": "cross_entropy", "animal_species": "cross_entropy"}
        """,
        ),
        # uses MSE for the digit, whose labels are numbers 0 to 9
        (
            "mse_for_classification",
            (
                "def loss_choices():\n"
                '    return {"house_price": "mse", "spam": "binary_cross_entropy", "digit": "mse",\n'
                '            "temperature": "mse", "tumour_malignant": "binary_cross_entropy", "animal_spec'
                'ies": "cross_entropy"}\n'
            ),
        ),
        # writes the loss names in capitals, not the names of LOSS_NAMES
        (
            "unknown_name",
            """
            def loss_choices():
                return {"house_price": "MSE", "spam": "BCE", "digit": "CE",
                        "temperature": "MSE", "tumour_malignant": "BCE", "animal_species": "CE"}
        """,
        ),
        # calls categorical cross-entropy 'categorical_cross_entropy'
        (
            "unknown_name",
            (
                "def loss_choices():\n"
                '    return {"house_price": "mse", "spam": "binary_cross_entropy", "digit": "categorical_cr'
                'oss_entropy",\n'
                '            "temperature": "mse", "tumour_malignant": "binary_cross_entropy", "animal_spec'
                'ies": "categorical_cross_entropy"}\n'
            ),
        ),
        # leaves out the temperature task
        (
            "missing_task",
            """
            def loss_choices():
                return {"house_price": "mse", "spam": "binary_cross_entropy", "digit": "cross_entropy",
                        "tumour_malignant": "binary_cross_entropy", "animal_species": "cross_entropy"}
        """,
        ),
        # treats the tumour as a regression on a scale
        (
            "mse_for_classification",
            """
            def loss_choices():
                return {"house_price": "mse", "spam": "binary_cross_entropy", "digit": "cross_entropy",
                        "temperature": "mse", "tumour_malignant": "mse", "animal_species": "cross_entropy"}
        """,
        ),
        # returns a list of names in the table's order instead of a dict
        (
            "not_a_dict",
            (
                "def loss_choices():\n"
                '    return ["mse", "binary_cross_entropy", "cross_entropy", "mse", "binary_cross_entropy",'
                ' "cross_entropy"]\n'
            ),
        ),
    ],
    "check_cost_gradient": [
        # MSE gradient divided by the number of examples only, not by every entry
        (
            "mse_over_samples",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.shape[0]
                return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[0]
        """,
        ),
        # forgets the factor 2 of the MSE's derivative
        (
            "mse_no_two",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return (Y_hat - Y) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[0]
        """,
        ),
        # wrong sign for the MSE: Y - Y_hat
        (
            "mse_sign",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y - Y_hat) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[0]
        """,
        ),
        # no clipping before dividing: 0 / 0 gives nan and a warning
        (
            "ce_no_clip",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y / Y_hat / Y_hat.shape[0]
        """,
        ),
        # cross-entropy averaged over every entry instead of the examples
        (
            "ce_over_entries",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.size
        """,
        ),
        # gives the softmax-paired shortcut (Y_hat - Y) / n, which is dC/dZ, not dC/dY_hat
        (
            "ce_softmax_delta",
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return (Y_hat - Y) / Y_hat.shape[0]
        """,
        ),
        # ignores kind and always returns the MSE gradient
        (
            "always_mse",
            """
            def cost_gradient(Y_hat, Y, kind):
                return 2 * (Y_hat - Y) / Y_hat.size
        """,
        ),
        # clips Y_hat in place, changing the caller's array
        (
            None,
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                np.clip(Y_hat, 1e-12, None, out=Y_hat)
                return -Y / Y_hat / Y_hat.shape[0]
        """,
        ),
        # returns the cost's value (a number), not its gradient, for cross-entropy
        (
            None,
            """
            def cost_gradient(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -np.sum(Y * np.log(np.clip(Y_hat, 1e-12, None))) / Y_hat.shape[0]
        """,
        ),
    ],
    "check_output_delta": [
        # cross-entropy delta divided by every entry instead of the examples
        (
            "ce_over_entries",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return (Y_hat - Y) / Y_hat.size
        """,
        ),
        # MSE delta divided by the number of examples only
        (
            "mse_over_samples",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.shape[0]
                return (Y_hat - Y) / Y_hat.shape[0]
        """,
        ),
        # forgets the factor 2 for the MSE
        (
            "mse_no_two",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return (Y_hat - Y) / Y_hat.size
                return (Y_hat - Y) / Y_hat.shape[0]
        """,
        ),
        # returns dC/dY_hat for cross-entropy without the softmax's slope
        (
            "ce_no_slope",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[0]
        """,
        ),
        # wrong sign: Y - Y_hat
        (
            "both_signs",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y - Y_hat) / Y_hat.size
                return (Y - Y_hat) / Y_hat.shape[0]
        """,
        ),
        # multiplies by the element-wise slope Y_hat (1 - Y_hat), as for a sigmoid, instead of the softmax's full
        # Jacobian
        (
            "ce_diagonal_slope",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                grad = -Y / np.clip(Y_hat, 1e-12, None) / Y_hat.shape[0]
                return grad * Y_hat * (1 - Y_hat)
        """,
        ),
        # swaps the two kinds' formulas
        (
            "kinds_swapped",
            """
            def output_delta(Y_hat, Y, kind):
                if kind == "cross_entropy":
                    return 2 * (Y_hat - Y) / Y_hat.size
                return (Y_hat - Y) / Y_hat.shape[0]
        """,
        ),
        # goes through the softmax Jacobian times the clipped -Y / Y_hat: where the softmax saturated to exactly 0
        # the slope 0 loses the error
        (
            "ce_jacobian",
            """
            def output_delta(Y_hat, Y, kind):
                # softmax + cross-entropy worked out through the Jacobian, row by row (slow but explicit)
                if kind == "mse":
                    return 2 * (Y_hat - Y) / Y_hat.size
                n, K = Y_hat.shape
                delta = np.zeros((n, K))
                for i in range(n):
                    s = Y_hat[i]
                    jacobian = np.diag(s) - np.outer(s, s)          # d s_k / d z_j
                    dC_ds = -Y[i] / np.clip(s, 1e-12, None) / n
                    delta[i] = jacobian.T @ dC_ds
                return delta
        """,
        ),
        # no scaling at all: the raw error Y_hat - Y for both kinds
        (
            "not_scaled",
            """
            def output_delta(Y_hat, Y, kind):
                return Y_hat - Y
        """,
        ),
    ],
}

for _name, _sources in _ROUND4_CORRECT.items():
    CORRECT.setdefault(_name, []).extend(_sources)
for _name, _answers in _ROUND4_WRONG.items():
    WRONG.setdefault(_name, []).extend(_answers)
