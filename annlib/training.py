"""Training: repeat forward and backward propagation until the cost is minimised (lesson 07).

One iteration (the article's picture of training) on a batch of examples:

    1. forward:  y_pred = network(X_batch)
    2. loss:     C = loss(y_pred, y_batch)
    3. backward: dC/dW and dC/db for every layer
    4. update:   w := w - learning_rate * dC/dw        (or momentum, Adam, ...)

`train_step` is those four steps, its inputs checked once. `fit` repeats it over the data in batches,
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
from annlib.losses import BinaryCrossEntropy, CrossEntropy, Loss, get_loss
from annlib.metrics import output_labels, to_labels
from annlib.optimizers import Optimizer, get_optimizer


class TrainingDiverged(ValueError):
    """The loss became NaN, inf or exploded; `history` holds the losses up to that point."""

    def __init__(self, message, history):
        super().__init__(message)
        self.history = history


class History:
    """What happened during `fit`, one entry per epoch.

    loss[k]        the loss over the whole training set at the end of epoch k (with the weights that epoch
                   ended with: one extra forward pass, which changes nothing), so the curve is the one the
                   label says, whatever the batch size
    accuracy[k]    likewise the share of the training set classified correctly (classification only)
    val_loss[k], val_accuracy[k]   the same on validation_data, when given
    """

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
    return X, _check_targets(network, X, y, loss, caller, y_name)


def _check_targets(network, X, y, loss, caller, y_name="y"):
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
    return y


def train_step(network, X, y, loss, optimizer):
    """One iteration on one batch: forward, loss, backward, update. Returns (loss value, y_pred).

    X: (n_samples, n_inputs); y: (n_samples, n_outputs). The inputs are checked once, cheaply (a type, a
    dtype and a shape test per array): X by network.forward, y against the network's output.
    """
    for name, given, kind, example in (("loss", loss, Loss, "MSE()"), ("optimizer", optimizer, Optimizer, "SGD(0.1)")):
        if not isinstance(given, kind):
            raise TypeError(
                f"train_step: {name} must be an annlib {name} such as {example}, got {type(given).__name__}"
            )
    # Where the output activation is the one the loss pairs with, by name (as scikit-learn's MLP starts
    # its backward pass): sigmoid + binary_cross_entropy, softmax + cross_entropy, identity + mse, dC/dz
    # of the output layer is (y_pred - y) / n (times 2 for mse), exact even where y_pred has saturated;
    # so backward starts there, at z (step 3). Any other pair starts from dC/dy_pred, through the output
    # activation's derivative, as lesson 06 does by hand.
    at_z = loss.paired_activation == network.output_activation
    y_pred = network.forward(X)  # 1. forward (checks X)
    y_pred, y = loss._check(y_pred, y, "train_step", paired_output=at_z)  # y against the output, once
    value = float(loss.value(y_pred, y))  # 2. loss
    # loss.gradient(y_pred, y, at_z=at_z), without checking y_pred and y a second time:
    grad = loss.gradient_at_z(y_pred, y) if at_z else loss.gradient_at_output(y_pred, y)
    network.backward(grad, at_z=at_z)  # 3. backward
    optimizer.step(network.parameters(), network.gradients())  # 4. update
    return value, y_pred


def run_epoch(network, X, y, loss, optimizer, batch_size, rng):
    """One pass over X, y in batches (shuffled by rng unless one batch holds everything).

    Returns the mean of the batches' losses over the examples, each taken before its batch's update
    (so not the loss at the epoch's end: fit measures that with one more forward pass); stops at a
    loss that is not finite and returns it.
    """
    n_samples = X.shape[0]
    order = rng.permutation(n_samples) if batch_size < n_samples else None
    total = 0.0
    for start in range(0, n_samples, batch_size):
        if order is None:
            X_batch, y_batch = X, y
        else:
            batch = order[start : start + batch_size]
            X_batch, y_batch = X[batch], y[batch]
        value, _ = train_step(network, X_batch, y_batch, loss, optimizer)
        total += value * len(X_batch)
        if not math.isfinite(value):
            return value
    return total / n_samples


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

    `fit(..., early_stopping=EarlyStopping(tol=1e-3, patience=10))` (or fit's shorthand
    `tol=1e-3, patience=10`). It monitors the validation loss when fit has validation_data, else the
    training loss. With restore_best=True it keeps a copy of the best epoch's weights, which fit puts
    back at the end.
    """

    def __init__(self, tol=0.0, patience=10, restore_best=False):
        check_positive(tol, caller="EarlyStopping", name="tol", allow_zero=True)
        check_positive(patience, caller="EarlyStopping", name="patience", integer=True)
        if not isinstance(restore_best, bool):
            raise TypeError(f"EarlyStopping: restore_best must be True or False, got {restore_best!r}")
        self.tol, self.patience, self.restore_best = tol, patience, restore_best
        self.reset()

    def __repr__(self):
        return f"EarlyStopping(tol={self.tol:g}, patience={self.patience}, restore_best={self.restore_best})"

    def reset(self):
        """Forget the best loss so far: fit calls it when a run starts."""
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


def fit(network, X, y, loss, optimizer="sgd", *, learning_rate=None, epochs=100, batch_size=None, rng=None,
        validation_data=None, early_stopping=None, tol=None, patience=10, restore_best=False,
        target_loss=None, divergence_factor=1e4, progress="auto", callback=None):  # fmt: skip
    """Train `network` on X, y and return a `History` (its loss[k]: the training loss after epoch k).

    X: (n_samples, n_inputs); y: (n_samples, n_outputs), one-hot rows for CrossEntropy.
    loss: an annlib.losses object (or "mse", "binary_cross_entropy", "cross_entropy").
    optimizer: an annlib.optimizers object, or "sgd", "momentum", "adam" with `learning_rate`.
    batch_size: None for the whole data set per step (gradient descent), 1 for SGD, else mini-batches.
    rng: seed or Generator for shuffling the examples each epoch.
    validation_data: (X_val, y_val), measured after every epoch.
    early_stopping: an EarlyStopping; or its shorthand tol, patience, restore_best: stop once the
        monitored loss (the validation loss with validation_data, else the training loss) has not improved
        by more than tol for patience epochs, and with restore_best end with the best epoch's weights.
    target_loss: stop once the training loss is at most this.
    divergence_factor: call a run diverged once its loss is this many times its first.
    progress: True, False, or "auto" (shown in Jupyter once a run takes longer than two seconds).
    callback: called as callback(epoch, history) after every epoch; returning True stops training.
    """
    loss, optimizer = get_loss(loss, caller="fit"), get_optimizer(optimizer, learning_rate, caller="fit")
    X, y = _check_data(network, X, y, loss, "fit")
    classification = isinstance(loss, (CrossEntropy, BinaryCrossEntropy))
    labels = to_labels(y) if classification else None  # the true classes, once, for the accuracy
    validation = _check_validation(network, validation_data, loss, classification)  # or None
    batch_size = _check_options(epochs, batch_size, X.shape[0], target_loss, divergence_factor, callback)
    early = _early_stopping(early_stopping, tol, patience, restore_best)
    rng = make_rng(rng, caller="fit")
    history = History(classification, validation is not None)
    display = _progress_display(progress, epochs)  # a callback too, called after every epoch
    start_of_epoch = network.get_weights()
    # Overflow in a diverging run is reported once, clearly, by TrainingDiverged below, not as warnings.
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for epoch in range(1, epochs + 1):
            running = run_epoch(network, X, y, loss, optimizer, batch_size, rng)
            _record(history, network, loss, X, y, labels, running)
            if has_diverged(history, network, divergence_factor):
                message = _diverged_message(history, network, optimizer)
                network.set_weights(start_of_epoch)  # the last weights that were still sound
                _stop(history, "diverged", message, display)
                raise TrainingDiverged(history.message, history)
            start_of_epoch = network.get_weights()
            if validation is not None:
                _record(history, network, loss, *validation, prefix="val_")
            monitored = history.loss[-1] if validation is None else history.val_loss[-1]
            if target_loss is not None and history.loss[-1] <= target_loss:
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


def _check_validation(network, validation_data, loss, classification):
    """(X_val, y_val, the true classes or None) from fit's validation_data, checked; None without it."""
    if validation_data is None:
        return None
    if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
        raise TypeError(f"fit: validation_data must be a pair (X_val, y_val), got {type(validation_data).__name__}")
    X_val, y_val = _check_data(network, *validation_data, loss, "fit", name="X_val")
    return X_val, y_val, to_labels(y_val) if classification else None


def _check_options(epochs, batch_size, n_samples, target_loss, divergence_factor, callback):
    """Check fit's options; return the batch size to use (every example at once for None)."""
    check_positive(epochs, caller="fit", name="epochs", integer=True)
    if batch_size is not None:
        check_positive(batch_size, caller="fit", name="batch_size", integer=True)
    if target_loss is not None:
        check_positive(target_loss, caller="fit", name="target_loss", allow_zero=True)
    check_positive(divergence_factor, caller="fit", name="divergence_factor")
    if callback is not None and not callable(callback):
        raise TypeError(f"fit: callback must be a function callback(epoch, history), got {type(callback).__name__}")
    return n_samples if batch_size is None else min(batch_size, n_samples)


def _early_stopping(early_stopping, tol, patience, restore_best):
    """The EarlyStopping fit uses: the one given, or one made from the shorthand tol, patience, restore_best."""
    if early_stopping is not None:
        if not isinstance(early_stopping, EarlyStopping):
            raise TypeError(
                f"fit: early_stopping must be an EarlyStopping(tol, patience), got {type(early_stopping).__name__}"
            )
        if tol is not None or restore_best:
            raise ValueError("fit: give either early_stopping or tol (with patience, restore_best), not both")
        early_stopping.reset()
        return early_stopping
    check_positive(patience, caller="fit", name="patience", integer=True)
    if not isinstance(restore_best, bool):
        raise TypeError(f"fit: restore_best must be True or False, got {restore_best!r}")
    if tol is None:
        if restore_best:
            raise ValueError("fit: restore_best=True needs tol (and patience) to know when to stop")
        return None
    check_positive(tol, caller="fit", name="tol", allow_zero=True)
    return EarlyStopping(tol, patience, restore_best)


def _record(history, network, loss, X, y, labels, running=None, prefix=""):
    """Append the loss (and accuracy) over all of X, y with the weights as they are now.

    One forward pass (predict), which changes no weight and draws no random number. labels: the true
    class of every row, or None. running: the epoch's batch loss, recorded instead when it is not finite
    (the epoch stopped there, diverging).
    """
    y_pred = network.predict(X)  # (n_samples, n_outputs)
    value = float(loss.value(y_pred, y))
    if running is not None and not math.isfinite(running):
        value = running
    accuracy = None if labels is None else float(np.mean(output_labels(y_pred) == labels))
    history.append(**{f"{prefix}loss": value, f"{prefix}accuracy": accuracy})


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
