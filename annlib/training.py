"""Training: repeat forward and backward propagation until the cost is minimised (lesson 07).

One iteration (the article's picture of training) on a batch of examples:

    1. forward:  y_pred = network(X_batch)
    2. loss:     C = loss(y_pred, y_batch)
    3. backward: dC/dW and dC/db for every layer
    4. update:   w := w - learning_rate * dC/dw        (or momentum, Adam, ...)

`train_step` is those four steps, in four public calls. `fit` repeats it over the data in batches,
epoch after epoch. The batch size picks the article's optimizer: all examples at once is gradient
descent, one at a time is SGD, a few is mini-batch SGD. The code splits as Nielsen's network.py does:

    fit          the loop over epochs, and the stopping rules
    run_epoch    one pass over the data in (shuffled) batches: one train_step per batch
    train_step   one iteration on one batch
    has_diverged, EarlyStopping   the two stopping rules that need more than one line

It stops when the epochs run out, when the loss reaches `target_loss`, when it has improved by less
than `tol` for `patience` epochs (on the validation loss when there is validation data, and keeping
the best epoch's weights with `restore_best=True`), or when it diverges (NaN, inf, or a loss grown `divergence_factor`
times its first value). On divergence the weights go back to the last epoch that was still sound and
a `TrainingDiverged` error says to lower the learning rate; its `history` keeps every loss so far.

A progress display (annlib.widgets.progress) is one more callback, called after every epoch; the numpy
core never builds one itself.
"""

import math
import sys

import numpy as np

from annlib._validation import as_float_array, check_positive, make_rng
from annlib.losses import BinaryCrossEntropy, CrossEntropy, get_loss
from annlib.metrics import output_labels, to_labels
from annlib.optimizers import get_optimizer


class TrainingDiverged(ValueError):
    """The loss became NaN, inf or exploded; `history` holds the losses up to that point."""

    def __init__(self, message, history):
        super().__init__(message)
        self.history = history


class History:
    """What happened during `fit`: one entry per epoch in `loss` (and `accuracy`, `val_loss`, ...)."""

    def __init__(self, classification, validation):
        self.loss = []
        self.accuracy = [] if classification else None
        self.val_loss = [] if validation else None
        self.val_accuracy = [] if classification and validation else None
        self.stop_reason = None  # "epochs", "target_loss", "tol", "diverged" or "callback"
        self.best_epoch = None  # with restore_best: the epoch whose weights were kept
        self.message = ""

    @property
    def epochs(self):
        return len(self.loss)

    def __repr__(self):
        if not self.loss:
            return "History(no epochs)"
        parts = [f"epochs={self.epochs}", f"loss={self.loss[-1]:.4g}"]
        if self.accuracy:
            parts.append(f"accuracy={self.accuracy[-1]:.3f}")
        if self.val_loss:
            parts.append(f"val_loss={self.val_loss[-1]:.4g}")
        parts.append(f"stopped by {self.stop_reason}")
        return "History(" + ", ".join(parts) + ")"

    def append(self, **values):
        """Add one epoch's values (loss=..., accuracy=..., ...) to the lists this history keeps."""
        for name, value in values.items():
            if getattr(self, name) is not None:
                getattr(self, name).append(value)


def _check_data(network, X, y, loss, caller, name="X"):
    X = as_float_array(X, caller=caller, name=name, ndim=2, n_columns=network.n_inputs)
    y_name = "y" if name == "X" else "y_val"
    y = as_float_array(y, caller=caller, name=y_name)
    if y.ndim == 1 and network.n_outputs == 1:
        y = y[:, None]  # a flat column of targets is read as (n_samples, 1)
    if y.ndim != 2 or y.shape != (X.shape[0], network.n_outputs):
        hint = ""
        if isinstance(loss, CrossEntropy) and y.ndim == 1:
            hint = "; turn labels into one-hot rows with annlib.datasets.one_hot(y)"
        raise ValueError(
            f"{caller}: {y_name} has shape {y.shape}, expected ({X.shape[0]}, {network.n_outputs}) "
            f"to match {X.shape[0]} examples and {network.n_outputs} network outputs{hint}"
        )
    return X, y


def train_step(network, X, y, loss, optimizer, *, check=True):
    """One iteration on one batch: forward, loss, backward, update. Returns (loss value, y_pred).

    X: (n_samples, n_inputs); y: (n_samples, n_outputs). check=False skips the input checks, as fit
    does once it has checked its data.
    """
    y_pred = network.forward(X, check=check)  # 1. forward
    value = loss(y_pred, y, check=check)  # 2. loss
    # 3. backward. Where the output activation is the one the loss pairs with, by name (as
    # scikit-learn's MLP starts its backward pass): sigmoid + binary_cross_entropy, softmax +
    # cross_entropy, identity + mse, dC/dz of the output layer is (y_pred - y) / n (times 2 for mse),
    # exact even where y_pred has saturated; so backward starts there, at z. Any other pair starts
    # from dC/dy_pred, through the output activation's derivative, as lesson 06 does by hand.
    at_z = loss.paired_activation == network.output_activation
    network.backward(loss.gradient(y_pred, y, at_z=at_z, check=check), at_z=at_z, check=check)
    optimizer.step(network.parameters(), network.gradients(), check=check)  # 4. update
    return value, y_pred


def run_epoch(network, X, y, loss, optimizer, batch_size, rng, labels=None):
    """One pass over X, y in batches (shuffled by rng unless one batch holds everything).

    labels: the true class of every row, to count correct predictions, or None.
    Returns (mean loss over the examples, number predicted correctly); stops at a non-finite loss.
    """
    n_samples = X.shape[0]
    order = rng.permutation(n_samples) if batch_size < n_samples else None
    total, correct = 0.0, 0
    for start in range(0, n_samples, batch_size):
        if order is None:
            X_batch, y_batch, labels_batch = X, y, labels
        else:
            batch = order[start : start + batch_size]
            X_batch, y_batch = X[batch], y[batch]
            labels_batch = None if labels is None else labels[batch]
        value, y_pred = train_step(network, X_batch, y_batch, loss, optimizer, check=False)
        total += value * len(X_batch)
        if labels is not None:
            correct += int(np.count_nonzero(output_labels(y_pred) == labels_batch))
        if not math.isfinite(value):
            return value, correct
    return total / n_samples, correct


def has_diverged(history, network, divergence_factor):
    """True once the last epoch's loss is NaN or inf, or `divergence_factor` times the first one.

    A weight of inf or NaN can hide behind a saturated sigmoid, where the loss stops falling but stays
    finite; so whenever the loss did not fall, the weights are checked too.
    """
    loss = history.loss[-1]
    if not math.isfinite(loss) or loss > divergence_factor * max(history.loss[0], 1e-12):
        return True
    return (
        len(history.loss) > 1
        and not loss < history.loss[-2]
        and not all(np.isfinite(p).all() for p in network.parameters())
    )


class EarlyStopping:
    """Stop once the monitored loss has not improved by more than `tol` for `patience` epochs.

    With restore_best=True it keeps a copy of the best epoch's weights, for `restore` to put back.
    """

    def __init__(self, tol, patience, restore_best=False):
        self.tol, self.patience, self.restore_best = tol, patience, restore_best
        self.best, self.waited, self.best_weights = math.inf, 0, None

    def should_stop(self, monitored, network):
        """Record this epoch's monitored loss; True when it is time to stop."""
        if monitored < self.best - self.tol:
            self.best, self.waited = monitored, 0
            if self.restore_best:
                self.best_weights = network.get_weights()
        else:
            self.waited += 1
        return self.waited >= self.patience

    def restore(self, network, history):
        """Put back the best epoch's weights (with restore_best) and note which epoch that was."""
        if self.best_weights is not None:
            network.set_weights(self.best_weights)
            history.best_epoch = history.epochs - self.waited


def fit(
    network,
    X,
    y,
    loss,
    optimizer="sgd",
    *,
    learning_rate=None,
    epochs=100,
    batch_size=None,
    rng=None,
    tol=None,
    patience=10,
    restore_best=False,
    target_loss=None,
    validation_data=None,
    divergence_factor=1e4,
    progress="auto",
    callback=None,
):
    """Train `network` on X, y and return a `History`.

    X: (n_samples, n_inputs); y: (n_samples, n_outputs), one-hot rows for CrossEntropy.
    loss: an annlib.losses object (or "mse", "binary_cross_entropy", "cross_entropy").
    optimizer: an annlib.optimizers object, or "sgd", "momentum", "adam" with `learning_rate`.
    batch_size: None for the whole data set per step (gradient descent), 1 for SGD, else mini-batches.
    rng: seed or Generator for shuffling the examples each epoch.
    tol, patience: stop once the monitored loss (the validation loss when validation_data is given,
        else the training loss) has not improved by more than tol for patience epochs.
    restore_best: with tol, end with the weights of the epoch whose monitored loss was lowest.
    progress: True, False, or "auto" (shown in Jupyter once a run takes longer than two seconds).
    callback: called as callback(epoch, history) after every epoch; returning True stops training.
    """
    loss, optimizer = get_loss(loss, caller="fit"), get_optimizer(optimizer, learning_rate, caller="fit")
    X, y, batch_size, validation = _check_fit_arguments(
        network,
        X,
        y,
        loss,
        epochs,
        batch_size,
        patience,
        divergence_factor,
        validation_data,
        tol,
        restore_best,
    )
    rng = make_rng(rng, caller="fit")
    classification = isinstance(loss, (CrossEntropy, BinaryCrossEntropy))
    labels = to_labels(y) if classification else None  # the true classes, once, for the accuracy
    history = History(classification, validation is not None)
    early = EarlyStopping(tol, patience, restore_best) if tol is not None else None
    display = _progress_display(progress, epochs)  # a callback too, called after every epoch
    start_of_epoch = network.get_weights()
    # Overflow in a diverging run is reported once, clearly, by TrainingDiverged below, not as warnings.
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for epoch in range(1, epochs + 1):
            epoch_loss, correct = run_epoch(network, X, y, loss, optimizer, batch_size, rng, labels)
            history.append(loss=epoch_loss, accuracy=correct / len(X))
            if has_diverged(history, network, divergence_factor):
                message = _diverged_message(history, network, optimizer)
                network.set_weights(start_of_epoch)  # the last weights that were still sound
                _stop(history, "diverged", message, display)
                raise TrainingDiverged(history.message, history)
            start_of_epoch = network.get_weights()
            if validation is not None:
                _record_validation(history, network, loss, *validation)
            monitored = history.loss[-1] if validation is None else history.val_loss[-1]
            if target_loss is not None and epoch_loss <= target_loss:
                history.stop_reason = "target_loss"
            elif early is not None and early.should_stop(monitored, network):
                history.stop_reason = "tol"
            if display is not None:
                display(epoch, history)
            if history.stop_reason is None and callback is not None and callback(epoch, history):
                history.stop_reason = "callback"
            if history.stop_reason is not None:
                break
    if early is not None:
        early.restore(network, history)
    reason = history.stop_reason or "epochs"
    _stop(
        history, reason, f"fit: stopped after {history.epochs} epochs ({reason}), loss {history.loss[-1]:.4g}", display
    )
    return history


def _check_fit_arguments(
    network, X, y, loss, epochs, batch_size, patience, divergence_factor, validation_data, tol, restore_best
):
    check_positive(epochs, caller="fit", name="epochs", integer=True)
    check_positive(patience, caller="fit", name="patience", integer=True)
    check_positive(divergence_factor, caller="fit", name="divergence_factor")
    if restore_best and tol is None:
        raise ValueError("fit: restore_best=True needs tol (and patience) to know when to stop")
    X, y = _check_data(network, X, y, loss, "fit")
    batch_size = X.shape[0] if batch_size is None else batch_size
    check_positive(batch_size, caller="fit", name="batch_size", integer=True)
    validation = None
    if validation_data is not None:
        validation = _check_data(network, *validation_data, loss, "fit", name="X_val")
    return X, y, min(batch_size, X.shape[0]), validation


def _record_validation(history, network, loss, X_val, y_val):
    y_val_pred = network.predict(X_val, check=False)
    history.append(
        val_loss=loss(y_val_pred, y_val, check=False),
        val_accuracy=float(np.mean(to_labels(y_val_pred) == to_labels(y_val))),
    )


def _diverged_message(history, network, optimizer):
    rate = optimizer.learning_rate
    if all(np.isfinite(p).all() for p in network.parameters()):
        what = f"the loss became {history.loss[-1]:.4g}"
    else:
        what = f"a weight became inf or NaN (the loss {history.loss[-1]:.4g})"
    return (
        f"fit: training diverged at epoch {history.epochs}: {what} "
        f"(it started at {history.loss[0]:.4g}) with learning rate {rate:g}. Lower the learning "
        f"rate (try {rate / 10:g}). The weights are those before epoch {history.epochs}."
    )


def _stop(history, reason, message, display):
    history.stop_reason, history.message = reason, message
    if display is not None:
        display.close(history)


def _in_jupyter_kernel():
    """True inside a Jupyter kernel (where HTML can be displayed), False in a terminal or script."""
    ipython = sys.modules.get("IPython")  # only looked up: the core never imports IPython
    shell = ipython.get_ipython() if ipython is not None else None
    return type(shell).__name__ == "ZMQInteractiveShell"


def _progress_display(progress, epochs):
    """The progress callback for fit's `progress` argument, or None when nothing is to be shown."""
    if progress not in (True, False, "auto"):
        raise ValueError(f"fit: progress must be True, False or 'auto', got {progress!r}")
    in_jupyter = _in_jupyter_kernel()
    if progress is False or (progress == "auto" and not in_jupyter):
        return None
    from annlib.widgets.progress import ProgressDisplay  # loaded only when a display is wanted

    return ProgressDisplay(epochs, in_jupyter=in_jupyter, show_after=2.0 if progress == "auto" else 0.0)
