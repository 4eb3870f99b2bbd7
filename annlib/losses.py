"""Loss functions: how wrong is a prediction? (lesson 04)

After the forward pass the network has a prediction y_pred for every example; a loss turns the
predictions and the true targets y_true into one number the training tries to make small.

    MSE                 mean over all elements of (y_pred - y_true)**2              (regression)
    BinaryCrossEntropy  mean over all elements of -[y log p + (1 - y) log(1 - p)]   (yes/no labels)
    CrossEntropy        mean over samples of -sum_k y_k log p_k, y one-hot           (one of k classes)

Each loss is called as `loss(y_pred, y_true) -> float` and has `loss.gradient(y_pred, y_true)`, the
array dC/dy_pred with the shape of y_pred, which backpropagation starts from (lesson 06).
Shapes: y_pred and y_true are both (n_samples, n_outputs).

Probabilities are clipped to [EPSILON, 1 - EPSILON] before any log, so log(0) never gives inf or NaN.

Cross-entropy after a softmax (or binary cross-entropy after a sigmoid) has a famously simple gradient
at the output layer's weighted sums z, before the activation: (y_pred - y_true) / n (lesson 08). It
stays exact where the probabilities have saturated to exactly 0 or 1, where multiplying dC/dy_pred by
the activation's derivative would give 0. Each loss names the output activation it pairs with this way
(`paired_activation`), and `loss.gradient(y_pred, y_true, at_z=True)` gives that gradient; what uses it
says so where it starts the backward pass (`annlib.training.train_step`). A plain array is a plain array:
the same numbers given to `backward` always give the same gradients.
"""

import numpy as np

from annlib._validation import as_float_array, check_same_shape

EPSILON = 1e-12


class Loss:
    """What every loss shares: input checks and the calls `loss(y_pred, y_true) -> float` and
    `loss.gradient(y_pred, y_true) -> dC/dy_pred`.

    check=False skips the input checks, for a caller (fit) that has checked its arrays once already.
    """

    name = "loss"
    # The output activation whose dC/dz simplifies with this loss (see the module docstring).
    paired_activation = None

    def __repr__(self):
        return f"{type(self).__name__}()"

    def _check(self, y_pred, y_true, caller):
        y_pred = as_float_array(y_pred, caller=caller, name="y_pred")
        y_true = as_float_array(y_true, caller=caller, name="y_true")
        if y_pred.ndim == 1 and y_true.ndim == 1:
            pass  # a single column of predictions written as a flat array is fine
        elif y_pred.ndim != 2:
            raise ValueError(f"{caller}: y_pred has shape {y_pred.shape}, expected (n_samples, n_outputs)")
        check_same_shape(y_pred, y_true, caller=caller)
        if y_pred.size == 0:
            raise ValueError(f"{caller}: y_pred is empty; there is nothing to average")
        return y_pred, y_true

    def __call__(self, y_pred, y_true, *, check=True):
        if check:
            y_pred, y_true = self._check(y_pred, y_true, type(self).__name__)
        return float(self.value(y_pred, y_true))

    def gradient(self, y_pred, y_true, *, at_z=False, check=True):
        """dC/dy_pred, with the shape of y_pred.

        at_z=True: dC/dz at the output layer's weighted sums instead, for an output layer whose
        activation is this loss's `paired_activation` (hand it to `backward(..., at_z=True)`).
        """
        caller = f"{type(self).__name__}.gradient"
        if check:
            y_pred, y_true = self._check(y_pred, y_true, caller)
        if not at_z:
            return self.gradient_at_output(y_pred, y_true)
        if self.paired_activation is None:
            raise ValueError(
                f"{caller}: at_z=True needs a loss paired with an output activation; {type(self).__name__} has none"
            )
        return self.gradient_at_z(y_pred, y_true)


class MSE(Loss):
    """Mean squared error, averaged over every element: mean((y_pred - y_true)**2)."""

    name = "mse"
    paired_activation = "identity"

    def value(self, y_pred, y_true):
        diff = y_pred - y_true
        return np.mean(diff * diff)

    def gradient_at_output(self, y_pred, y_true):
        return 2.0 * (y_pred - y_true) / y_pred.size

    def gradient_at_z(self, y_pred, y_true):
        return self.gradient_at_output(y_pred, y_true)  # the identity's derivative is 1


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
    paired_activation = "sigmoid"

    def _check(self, y_pred, y_true, caller):
        y_pred, y_true = super()._check(y_pred, y_true, caller)
        _check_probabilities(y_pred, caller)
        return y_pred, y_true

    def value(self, y_pred, y_true):
        p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
        return -np.mean(y_true * np.log(p) + (1.0 - y_true) * np.log(1.0 - p))

    def gradient_at_output(self, y_pred, y_true):
        p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
        return (p - y_true) / (p * (1.0 - p)) / y_pred.size

    def gradient_at_z(self, y_pred, y_true):
        # dC/dp * dp/dz = (p - y) / (p (1 - p) n) * p (1 - p): the sigmoid's slope cancels.
        return (y_pred - y_true) / y_pred.size


class CrossEntropy(Loss):
    """Categorical cross-entropy on probabilities with one-hot targets, averaged over samples."""

    name = "cross_entropy"
    paired_activation = "softmax"

    def _check(self, y_pred, y_true, caller):
        y_pred, y_true = super()._check(y_pred, y_true, caller)
        if y_pred.ndim != 2:
            raise ValueError(
                f"{caller}: y_pred has shape {y_pred.shape}, expected (n_samples, n_classes); "
                "turn labels into one-hot rows with annlib.datasets.one_hot"
            )
        _check_probabilities(y_pred, caller)
        return y_pred, y_true

    def value(self, y_pred, y_true):
        p = np.clip(y_pred, EPSILON, 1.0)
        return -np.sum(y_true * np.log(p)) / y_pred.shape[0]

    def gradient_at_output(self, y_pred, y_true):
        p = np.clip(y_pred, EPSILON, 1.0)
        return -y_true / p / y_pred.shape[0]

    def gradient_at_z(self, y_pred, y_true):
        # Through the softmax's Jacobian: dC/dz_k = (p_k * sum_j y_j - y_k) / n, which is (p - y) / n
        # for targets whose rows sum to 1 (one-hot rows, or probabilities), as this loss expects.
        return (y_pred - y_true) / y_pred.shape[0]


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
