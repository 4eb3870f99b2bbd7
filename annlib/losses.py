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

from annlib._validation import as_float_array, check_finite, check_same_shape

EPSILON = 1e-12


def _floats(value, caller, name, finite):
    # A float64 array, the usual case, passes after a type and a dtype test; anything else is converted
    # (or refused) by the full check. Predictions are not tested for NaN: a diverging run's loss is NaN,
    # and fit reports that as divergence.
    if type(value) is np.ndarray and value.dtype == np.float64:
        if finite and not np.isfinite(value).all():
            check_finite(value, caller=caller, name=name)
        return value
    return as_float_array(value, caller=caller, name=name, finite=finite)


class Loss:
    """What every loss shares: input checks and the calls `loss(y_pred, y_true) -> float` and
    `loss.gradient(y_pred, y_true) -> dC/dy_pred`.

    The checks are cheap (types, shapes, and the targets' values), so every call makes them.
    """

    name = "loss"
    # The output activation whose dC/dz simplifies with this loss (see the module docstring).
    paired_activation = None
    # Whether y_pred must hold probabilities, in [0, 1].
    on_probabilities = False

    def __repr__(self):
        return f"{type(self).__name__}()"

    def _check(self, y_pred, y_true, caller, *, paired_output=False):
        """y_pred and y_true as float arrays of one shape, or an error naming `caller`.

        paired_output: y_pred is what this loss's paired activation gave (train_step knows), so it
        holds probabilities already and is not searched for values outside [0, 1].
        """
        y_pred = _floats(y_pred, caller, "y_pred", finite=False)
        y_true = _floats(y_true, caller, "y_true", finite=True)
        if y_pred.ndim != 2 and not (y_pred.ndim == 1 and y_true.ndim == 1):
            # a single column of predictions written as a flat array is fine
            raise ValueError(f"{caller}: y_pred has shape {y_pred.shape}, expected (n_samples, n_outputs)")
        if y_pred.shape != y_true.shape:
            check_same_shape(y_pred, y_true, caller=caller)
        if y_pred.size == 0:
            raise ValueError(f"{caller}: y_pred is empty; there is nothing to average")
        if self.on_probabilities and not paired_output and (y_pred.min() < 0.0 or y_pred.max() > 1.0):
            raise ValueError(
                f"{caller}: y_pred must hold probabilities in [0, 1], got values from "
                f"{y_pred.min():.4g} to {y_pred.max():.4g}; use a sigmoid or softmax output layer"
            )
        return y_pred, y_true

    def __call__(self, y_pred, y_true):
        y_pred, y_true = self._check(y_pred, y_true, type(self).__name__)
        return float(self.value(y_pred, y_true))

    def gradient(self, y_pred, y_true, *, at_z=False):
        """dC/dy_pred, with the shape of y_pred.

        at_z=True: dC/dz at the output layer's weighted sums instead, for an output layer whose
        activation is this loss's `paired_activation` (hand it to `backward(..., at_z=True)`).
        """
        caller = f"{type(self).__name__}.gradient"
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


class BinaryCrossEntropy(Loss):
    """Binary cross-entropy on probabilities, averaged over every element.

    Targets are 0 or 1 (or anything in between); predictions are probabilities from a sigmoid.
    """

    name = "binary_cross_entropy"
    paired_activation = "sigmoid"
    on_probabilities = True

    def value(self, y_pred, y_true):
        p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
        return -(y_true * np.log(p) + (1.0 - y_true) * np.log(1.0 - p)).mean()

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
    on_probabilities = True

    def _check(self, y_pred, y_true, caller, *, paired_output=False):
        if np.ndim(y_pred) == 1:
            raise ValueError(
                f"{caller}: y_pred has shape {np.shape(y_pred)}, expected (n_samples, n_classes); "
                "turn labels into one-hot rows with annlib.datasets.one_hot"
            )
        return super()._check(y_pred, y_true, caller, paired_output=paired_output)

    def value(self, y_pred, y_true):
        p = np.clip(y_pred, EPSILON, 1.0)
        return -(y_true * np.log(p)).sum() / y_pred.shape[0]

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
