"""Loss functions: how wrong is a prediction? (lesson 04)

After the forward pass the network has a prediction y_pred for every example; a loss turns the
predictions and the true targets y_true into one number the training tries to make small.

    MSE                 mean over all elements of (y_pred - y_true)**2              (regression)
    BinaryCrossEntropy  mean over all elements of -[y log p + (1 - y) log(1 - p)]   (yes/no labels)
    CrossEntropy        mean over samples of -sum_k y_k log p_k, y one-hot           (one of k classes)

Each loss is called as `loss(y_pred, y_true) -> float` and has `loss.gradient(y_pred, y_true)`, the
array dLoss/dy_pred with the shape of y_pred, which backpropagation starts from (lesson 06).
Shapes: y_pred and y_true are both (n_samples, n_outputs).

Probabilities are clipped to [EPSILON, 1 - EPSILON] before any log, so log(0) never gives inf or NaN.
Cross-entropy after a softmax (or binary cross-entropy after a sigmoid) has a famously simple gradient
at the scores z before the activation: (p - y) / n. The gradient these losses return carries that
value along, and the output layer uses it; it stays exact when the scores are so large that p has
saturated to exactly 0 or 1, where multiplying the two derivatives separately would give 0.
"""

import numpy as np

from annlib._validation import as_float_array, check_same_shape

EPSILON = 1e-12


class OutputGradient(np.ndarray):
    """dLoss/dy_pred that also knows dLoss/dz for the output activation its loss pairs with.

    It behaves as a plain array. Any arithmetic on it gives an array without the shortcut, so the
    shortcut is used only when the gradient reaches the output layer untouched.
    """

    def __new__(cls, values, *, activation, y_pred, logit_gradient):
        obj = np.asarray(values, dtype=np.float64).view(cls)
        obj._pair = (activation, y_pred, logit_gradient)
        return obj

    def __array_finalize__(self, obj):
        self._pair = None

    def __repr__(self):
        return repr(self.view(np.ndarray))

    def __str__(self):
        return str(self.view(np.ndarray))

    def gradient_at_logits(self, activation_name, output):
        """dLoss/dz if `output` is the y_pred this gradient was computed for, after that activation."""
        if self._pair is None:
            return None
        activation, y_pred, logit_gradient = self._pair
        if activation != activation_name:
            return None
        if output is not y_pred and not (
            output.shape == y_pred.shape and np.array_equal(output, y_pred)
        ):
            return None
        return logit_gradient.copy()


class Loss:
    """What every loss shares: input checks and the call `loss(y_pred, y_true) -> float`."""

    name = "loss"

    def __repr__(self):
        return f"{type(self).__name__}()"

    def _check(self, y_pred, y_true, caller):
        y_pred = as_float_array(y_pred, caller=caller, name="y_pred")
        y_true = as_float_array(y_true, caller=caller, name="y_true")
        if y_pred.ndim == 1 and y_true.ndim == 1:
            pass  # a single column of predictions written as a flat array is fine
        elif y_pred.ndim != 2:
            raise ValueError(
                f"{caller}: y_pred has shape {y_pred.shape}, expected (n_samples, n_outputs)"
            )
        check_same_shape(y_pred, y_true, caller=caller)
        if y_pred.size == 0:
            raise ValueError(f"{caller}: y_pred is empty; there is nothing to average")
        return y_pred, y_true

    def __call__(self, y_pred, y_true):
        y_pred, y_true = self._check(y_pred, y_true, f"{type(self).__name__}")
        return float(self._value(y_pred, y_true))

    def gradient(self, y_pred, y_true):
        """dLoss/dy_pred, with the shape of y_pred."""
        y_pred, y_true = self._check(y_pred, y_true, f"{type(self).__name__}.gradient")
        return self._gradient(y_pred, y_true)


class MSE(Loss):
    """Mean squared error, averaged over every element: mean((y_pred - y_true)**2)."""

    name = "mse"

    def _value(self, y_pred, y_true):
        diff = y_pred - y_true
        return np.mean(diff * diff)

    def _gradient(self, y_pred, y_true):
        return 2.0 * (y_pred - y_true) / y_pred.size


def _check_probabilities(p, caller):
    if p.min() < 0.0 or p.max() > 1.0:
        raise ValueError(
            f"{caller}: y_pred must hold probabilities in [0, 1], got values from "
            f"{p.min():.4g} to {p.max():.4g}; use a sigmoid or softmax output layer"
        )


class BinaryCrossEntropy(Loss):
    """Binary cross-entropy on probabilities, averaged over every element.

    Targets are 0 or 1 (or anything in between); predictions are probabilities from a sigmoid.
    """

    name = "binary_cross_entropy"

    def _check(self, y_pred, y_true, caller):
        y_pred, y_true = super()._check(y_pred, y_true, caller)
        _check_probabilities(y_pred, caller)
        return y_pred, y_true

    def _value(self, y_pred, y_true):
        p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
        return -np.mean(y_true * np.log(p) + (1.0 - y_true) * np.log(1.0 - p))

    def _gradient(self, y_pred, y_true):
        p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
        n = y_pred.size
        values = (p - y_true) / (p * (1.0 - p)) / n
        return OutputGradient(
            values, activation="sigmoid", y_pred=y_pred, logit_gradient=(y_pred - y_true) / n
        )


class CrossEntropy(Loss):
    """Categorical cross-entropy on probabilities with one-hot targets, averaged over samples."""

    name = "cross_entropy"

    def _check(self, y_pred, y_true, caller):
        y_pred, y_true = super()._check(y_pred, y_true, caller)
        if y_pred.ndim != 2:
            raise ValueError(
                f"{caller}: y_pred has shape {y_pred.shape}, expected (n_samples, n_classes); "
                "turn labels into one-hot rows with annlib.datasets.one_hot"
            )
        _check_probabilities(y_pred, caller)
        return y_pred, y_true

    def _value(self, y_pred, y_true):
        p = np.clip(y_pred, EPSILON, 1.0)
        return -np.sum(y_true * np.log(p)) / y_pred.shape[0]

    def _gradient(self, y_pred, y_true):
        p = np.clip(y_pred, EPSILON, 1.0)
        n = y_pred.shape[0]
        return OutputGradient(
            -y_true / p / n, activation="softmax", y_pred=y_pred, logit_gradient=(y_pred - y_true) / n
        )


LOSSES = {"mse": MSE, "binary_cross_entropy": BinaryCrossEntropy, "cross_entropy": CrossEntropy}


def get_loss(loss, *, caller="get_loss"):
    """Return a loss object for a name such as "mse", or pass a loss object through."""
    if isinstance(loss, Loss):
        return loss
    if isinstance(loss, type) and issubclass(loss, Loss):
        return loss()
    if isinstance(loss, str) and loss in LOSSES:
        return LOSSES[loss]()
    names = ", ".join(repr(n) for n in LOSSES)
    raise ValueError(f"{caller}: unknown loss {loss!r}; use annlib.losses.MSE() or one of {names}")
