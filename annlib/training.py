"""Training: repeat forward and backward propagation until the cost is minimised (lesson 07).

One iteration (the article's picture of training) on a batch of examples:

    1. forward:  y_pred = network(X_batch)
    2. loss:     C = loss(y_pred, y_batch)
    3. backward: dC/dW and dC/db for every layer
    4. update:   w := w - learning_rate * dC/dw        (or momentum, Adam, ...)

`fit` repeats this over the data in batches, epoch after epoch. The batch size picks the article's
optimizer: all examples at once is gradient descent, one at a time is SGD, a few is mini-batch SGD.

It stops when the epochs run out, when the loss reaches `target_loss`, when it has improved by less
than `tol` for `patience` epochs (on the validation loss when there is validation data, and keeping
the best epoch's weights with `restore_best=True`), or when it diverges (NaN, inf, or a loss grown `divergence_factor`
times its first value). On divergence the weights go back to the last epoch that was still sound and
a `TrainingDiverged` error says to lower the learning rate; its `history` keeps every loss so far.
"""

import math
import sys
import time

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

    def _append(self, **values):
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


def train_step(network, X, y, loss, optimizer):
    """One iteration on one batch: forward, loss, backward, update. Returns (loss value, y_pred)."""
    y_pred = network._forward(X)
    value = loss._value(y_pred, y)
    network._backward(loss._gradient(y_pred, y), input_gradient=False)
    optimizer._step(network.parameters(), network.gradients())
    return value, y_pred


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
    caller = "fit"
    loss = get_loss(loss, caller=caller)
    optimizer = get_optimizer(optimizer, learning_rate, caller=caller)
    check_positive(epochs, caller=caller, name="epochs", integer=True)
    check_positive(patience, caller=caller, name="patience", integer=True)
    check_positive(divergence_factor, caller=caller, name="divergence_factor")
    X, y = _check_data(network, X, y, loss, caller)
    n_samples = X.shape[0]
    if batch_size is None:
        batch_size = n_samples
    check_positive(batch_size, caller=caller, name="batch_size", integer=True)
    batch_size = min(batch_size, n_samples)
    if validation_data is not None:
        X_val, y_val = _check_data(network, *validation_data, loss, caller, name="X_val")
    rng = make_rng(rng, caller=caller)
    classification = isinstance(loss, (CrossEntropy, BinaryCrossEntropy))
    labels = to_labels(y) if classification else None  # the true classes, once, for the accuracy
    history = History(classification, validation_data is not None)
    bar = _Progress(progress, epochs)
    params = network.parameters()
    start_of_epoch = network.get_weights()
    best, waited, best_weights = math.inf, 0, None
    if restore_best and tol is None:
        raise ValueError("fit: restore_best=True needs tol (and patience) to know when to stop")

    # Overflow in a diverging run is reported once, clearly, by TrainingDiverged below, not as warnings.
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for epoch in range(1, epochs + 1):
            order = rng.permutation(n_samples) if batch_size < n_samples else None
            total, correct = 0.0, 0
            for start in range(0, n_samples, batch_size):
                if order is None:
                    X_batch, y_batch, labels_batch = X, y, labels
                else:
                    batch = order[start : start + batch_size]
                    X_batch, y_batch = X[batch], y[batch]
                    labels_batch = labels[batch] if classification else None
                value, y_pred = train_step(network, X_batch, y_batch, loss, optimizer)
                total += value * len(X_batch)
                if classification:
                    correct += int(np.count_nonzero(output_labels(y_pred) == labels_batch))
                if not math.isfinite(value):
                    break
            epoch_loss = total / n_samples
            # A weight of inf or NaN can hide behind a saturated sigmoid, where the loss stops falling
            # but stays finite; so whenever the loss did not fall, check the weights too.
            if not math.isfinite(epoch_loss) or (
                history.loss
                and not epoch_loss < history.loss[-1]
                and not math.isfinite(sum(float(p.sum()) for p in params))
            ):
                epoch_loss = math.nan if math.isnan(epoch_loss) else math.inf
            history._append(loss=epoch_loss, accuracy=correct / n_samples)

            diverged = not math.isfinite(epoch_loss) or (
                epoch_loss > divergence_factor * max(history.loss[0], 1e-12)
            )
            if diverged:
                network.set_weights(start_of_epoch)
                history.stop_reason = "diverged"
                history.message = (
                    f"fit: training diverged at epoch {epoch}: the loss became {epoch_loss:.4g} "
                    f"(it started at {history.loss[0]:.4g}) with learning rate "
                    f"{optimizer.learning_rate:g}. Lower the learning rate (try "
                    f"{optimizer.learning_rate / 10:g}). The weights are those before epoch {epoch}."
                )
                bar.close(history)
                raise TrainingDiverged(history.message, history)
            start_of_epoch = network.get_weights()

            if validation_data is not None:
                y_val_pred = network._forward(X_val)
                history._append(
                    val_loss=loss._value(y_val_pred, y_val),
                    val_accuracy=float(np.mean(to_labels(y_val_pred) == to_labels(y_val))),
                )
            bar.update(epoch, history)
            if target_loss is not None and epoch_loss <= target_loss:
                history.stop_reason = "target_loss"
            elif tol is not None:
                monitored = history.val_loss[-1] if validation_data is not None else epoch_loss
                if monitored < best - tol:
                    best, waited = monitored, 0
                    best_weights = network.get_weights() if restore_best else None
                else:
                    waited += 1
                if waited >= patience:
                    history.stop_reason = "tol"
            if history.stop_reason is None and callback is not None and callback(epoch, history):
                history.stop_reason = "callback"
            if history.stop_reason is not None:
                break
    if history.stop_reason is None:
        history.stop_reason = "epochs"
    if best_weights is not None:
        network.set_weights(best_weights)
        history.best_epoch = history.epochs - waited
    history.message = f"fit: stopped after {history.epochs} epochs ({history.stop_reason}), loss {history.loss[-1]:.4g}"
    bar.close(history)
    return history


def _in_jupyter_kernel():
    """True inside a Jupyter kernel (where HTML can be displayed), False in a terminal or script."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return type(shell).__name__ == "ZMQInteractiveShell"


class _Progress:
    """A one-line progress display: an HTML bar in Jupyter, a carriage-return line in a terminal."""

    def __init__(self, mode, epochs):
        if mode not in (True, False, "auto"):
            raise ValueError(f"fit: progress must be True, False or 'auto', got {mode!r}")
        self.mode, self.epochs = mode, epochs
        self.started = time.perf_counter()
        self.last_shown = 0.0
        self.handle = None
        self.shown = False
        self.in_jupyter = _in_jupyter_kernel()

    def _text(self, epoch, history):
        text = f"epoch {epoch}/{self.epochs}  loss {history.loss[-1]:.4g}"
        if history.accuracy:
            text += f"  accuracy {history.accuracy[-1]:.3f}"
        return text + f"  ({time.perf_counter() - self.started:.1f} s)"

    def update(self, epoch, history):
        now = time.perf_counter()
        if self.mode is False or (self.mode == "auto" and (not self.in_jupyter or now - self.started < 2.0)):
            return
        if now - self.last_shown < 0.25 and epoch < self.epochs:
            return
        self.last_shown = now
        self._show(epoch, history)

    def _show(self, epoch, history):
        text = self._text(epoch, history)
        self.shown = True
        if self.in_jupyter:
            from IPython.display import HTML, display

            html = HTML(f"<progress value='{epoch}' max='{self.epochs}' style='width:40%'></progress> <code>{text}</code>")
            if self.handle is None:
                self.handle = display(html, display_id=True)
            else:
                self.handle.update(html)
        else:
            print("\r" + text, end="", flush=True)

    def close(self, history):
        if self.shown or self.mode is True:
            if history.loss:
                self._show(history.epochs, history)
            if not self.in_jupyter:
                print()
