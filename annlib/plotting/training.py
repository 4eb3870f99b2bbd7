"""Figures of training and its results (lessons 07 and 08).

    plot_loss_curves          loss against epochs for one or several runs, on one axes
    plot_loss_panels          several runs side by side, one panel each, sharing the loss axis
    plot_learning_rates       one run per learning rate, a cross where a run diverged
    plot_confusion_matrix     counts[i, j] = examples of true class i predicted as class j
    plot_digit_grid           8x8 digit images in a grid, with a caption under each
    plot_misclassified        the digits the network got wrong, captioned "true -> predicted"
    plot_predicted_vs_true    a regression's predictions against the true values, in the data's units
    plot_fit_1d               what networks of one input and one output compute, over their data points
    plot_layer_gradients      how large the gradients are in each layer, for one or several networks

A run is an `annlib.History` (from `fit`, or the `history` of a `TrainingDiverged`) or a plain
sequence of per-epoch losses. `plot_fit_1d` and `plot_layer_gradients` serve lesson 07 (initialisation)
and lesson 08 (overfitting). Every function takes `ax=None` (a new figure when None) and returns the
axes (`plot_loss_panels` takes and returns one axes per run); none prints.
"""

import math

import matplotlib.pyplot as plt
import numpy as np

from annlib.plotting.describe import _forget, describe, listing, number
from annlib.plotting.style import BLUE, CLASS_COLORS, VERMILLION, place_legend

__all__ = [
    "plot_loss_curves",
    "plot_loss_panels",
    "plot_learning_rates",
    "plot_confusion_matrix",
    "plot_digit_grid",
    "plot_misclassified",
    "plot_predicted_vs_true",
    "plot_fit_1d",
    "plot_layer_gradients",
    "digit_grid_figsize",
]

# One colour table for the whole course (annlib.plotting.style): run k of a comparison is drawn in
# CLASS_COLORS[k], as class k is in the data plots.
_WRONG = VERMILLION
_RIGHT = BLUE


def _new_axes(ax, figsize):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def _losses(run, caller):
    """The per-epoch losses of a History or of a sequence of numbers, as a float array."""
    values = getattr(run, "loss", run)
    try:
        values = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(
            f"{caller}: a run must be an annlib History or a sequence of losses, got {type(run).__name__}"
        ) from None
    if values.ndim != 1 or values.size == 0:
        raise ValueError(f"{caller}: a run needs a 1-D sequence of at least one loss, got shape {values.shape}")
    return values


def _named_runs(runs, caller):
    """{label: run} from a dict, a single run, or a list of runs."""
    if isinstance(runs, dict):
        if not runs:
            raise ValueError(f"{caller}: runs is empty; give at least one History or list of losses")
        return {str(k): v for k, v in runs.items()}
    if hasattr(runs, "loss"):
        return {"loss": runs}
    runs = list(runs)
    if runs and not hasattr(runs[0], "loss") and np.ndim(runs[0]) == 0:  # one plain list of numbers
        return {"loss": runs}
    if not runs:
        raise ValueError(f"{caller}: runs is empty; give at least one History or list of losses")
    return {f"run {i + 1}": run for i, run in enumerate(runs)}


def _draw_run(ax, losses, label, colour, *, x=None, validation=None, diverged=False):
    """One run's curve; if it diverged (or its losses stop being finite), a cross at its last finite loss."""
    epochs = np.arange(1, losses.size + 1) if x is None else np.asarray(x, dtype=np.float64)
    finite = np.isfinite(losses)
    shown_label = label if validation is None else f"{label} (training)"
    ax.plot(epochs[finite], losses[finite], color=colour, label=shown_label, linewidth=1.8)
    if validation is not None:
        val = np.asarray(validation, dtype=np.float64)
        ax.plot(epochs[: val.size], val, color=colour, linestyle="--", linewidth=1.4, label=f"{label} (validation)")
    if (diverged or not finite.all()) and finite.any():
        last = np.flatnonzero(finite)[-1]
        ax.plot(epochs[last], losses[last], marker="X", markersize=11, color=colour, linestyle="none")
        ax.annotate(
            "diverged",
            (epochs[last], losses[last]),
            textcoords="offset points",
            xytext=(6, 6),
            color=colour,
            fontsize=9,
        )


def _run_text(label, losses, *, diverged=False, validation=None, unit="epoch"):
    """One run in words: "SGD falls from 0.71 to 0.12 over 25 epochs"."""
    finite = np.flatnonzero(np.isfinite(losses))
    if finite.size == 0:
        return f"{label} has no finite loss"
    first, last = losses[finite[0]], losses[finite[-1]]
    verb = "falls" if last < first else "rises" if last > first else "stays"
    text = f"{label} {verb} from {number(first)} to {number(last)} over {losses.size} {unit}s"
    if diverged or finite.size < losses.size:
        text += f" and diverges after {unit} {finite[-1] + 1}"
    elif verb != "stays":
        text += f" (lowest {number(losses[finite].min())})" if losses[finite].min() < min(first, last) else ""
    if validation is not None and np.size(validation):
        val = np.asarray(validation, dtype=np.float64)
        text += f", its validation loss from {number(val[0])} to {number(val[-1])} (lowest {number(np.nanmin(val))})"
    return text


def _runs_text(runs, caller, *, validation=False, unit="epoch"):
    return listing(
        _run_text(
            label,
            _losses(run, caller),
            diverged=getattr(run, "stop_reason", None) == "diverged",
            validation=getattr(run, "val_loss", None) if validation else None,
            unit=unit,
        )
        for label, run in runs.items()
    )


def _use_log(log_scale, runs, caller):
    """log_scale True/False as given; "auto" when the finite losses span more than a factor of 5."""
    if log_scale != "auto":
        return bool(log_scale)
    values = np.concatenate([_losses(run, caller) for run in runs])
    values = values[np.isfinite(values) & (values > 0)]
    return values.size > 0 and values.max() > 5 * values.min()


def plot_loss_curves(
    runs, ax=None, *, log_scale="auto", x_label="epoch", steps_per_epoch=None, validation=False, title=None
):
    """Loss against epochs for one run or several, on one axes.

    runs: a History, a list of losses, or {label: History or list of losses}.
    log_scale: True, False, or "auto" (a log axis when the losses span more than a factor of 5).
    steps_per_epoch: {label: n} to put gradient steps, not epochs, on the x axis.
    validation: also draw each History's val_loss, dashed.
    """
    runs = _named_runs(runs, "plot_loss_curves")
    ax = _new_axes(ax, (6.4, 4.0))
    for i, (label, run) in enumerate(runs.items()):
        losses = _losses(run, "plot_loss_curves")
        x = None
        if steps_per_epoch is not None:
            x = np.arange(1, losses.size + 1) * steps_per_epoch[label]
        val = getattr(run, "val_loss", None) if validation else None
        _draw_run(
            ax,
            losses,
            label,
            CLASS_COLORS[i % len(CLASS_COLORS)],
            x=x,
            validation=val,
            diverged=getattr(run, "stop_reason", None) == "diverged",
        )
    log = _use_log(log_scale, runs.values(), "plot_loss_curves")
    if log:
        ax.set_yscale("log")
    x_name = "gradient steps" if steps_per_epoch is not None else x_label
    ax.set_xlabel(x_name)
    ax.set_ylabel("loss")
    ax.grid(True, alpha=0.3)
    if len(runs) > 1 or validation:
        place_legend(ax)
    if title:
        ax.set_title(title)
    unit = "gradient step" if steps_per_epoch is not None else str(x_label)
    what = "one run" if len(runs) == 1 else f"{len(runs)} runs"
    curves = " (training solid, validation dashed)" if validation else ""
    describe(
        ax,
        f"Line plot of the loss against the {x_name} for {what}{curves}{', on a log scale' if log else ''}: "
        f"{_runs_text(runs, 'plot_loss_curves', validation=validation, unit=unit)}.",
    )
    return ax


def plot_loss_panels(runs, axes=None, *, log_scale="auto", title=None):
    """Several runs side by side, one panel each with the same loss axis; returns the array of axes.

    runs: {label: History or list of losses}; each label becomes a panel's title.
    """
    runs = _named_runs(runs, "plot_loss_panels")
    if axes is None:
        _, axes = plt.subplots(
            1, len(runs), figsize=(3.6 * len(runs), 3.4), sharey=True, squeeze=False, layout="constrained"
        )
        axes = axes[0]
    axes = np.atleast_1d(axes)
    if axes.size != len(runs):
        raise ValueError(f"plot_loss_panels: {len(runs)} runs but {axes.size} axes; give one axes per run")
    log = _use_log(log_scale, runs.values(), "plot_loss_panels")
    for i, (ax, (label, run)) in enumerate(zip(axes, runs.items())):
        _draw_run(
            ax,
            _losses(run, "plot_loss_panels"),
            label,
            CLASS_COLORS[i % len(CLASS_COLORS)],
            diverged=getattr(run, "stop_reason", None) == "diverged",
        )
        if log:
            ax.set_yscale("log")
        ax.set_title(label)
        ax.set_xlabel("epoch")
        ax.grid(True, alpha=0.3)
    axes[0].set_ylabel("loss")
    if title:
        axes[0].figure.suptitle(title)
    for ax in axes[1:]:
        _forget(ax)
    describe(
        axes[0],
        f"A row of {len(runs)} line plots of the loss against the epoch, one per run, sharing the loss axis"
        f"{' (a log scale)' if log else ''}: {_runs_text(runs, 'plot_loss_panels')}.",
    )
    return axes


def plot_learning_rates(runs, ax=None, *, log_scale="auto", x_label="epoch", title=None):
    """One loss curve per learning rate: {learning_rate: History or losses}; a cross marks divergence.

    A run that diverged (its losses end in NaN or inf, as in `TrainingDiverged.history`) stops at
    its last finite loss, marked with a cross and the word "diverged".
    """
    if not isinstance(runs, dict) or not runs:
        raise ValueError("plot_learning_rates: runs must be a non-empty dict {learning_rate: History}")
    labelled = {f"learning rate {float(rate):g}": run for rate, run in runs.items()}
    ax = plot_loss_curves(labelled, ax, log_scale=log_scale, x_label=x_label, title=title)
    log = ax.get_yscale() == "log"
    describe(
        ax,
        f"Line plot of the loss against the {x_label} for {len(runs)} learning rates, one curve each"
        f"{', on a log scale' if log else ''}: {_runs_text(labelled, 'plot_learning_rates', unit=x_label)}.",
    )
    return ax


def plot_confusion_matrix(counts, ax=None, *, class_names=None, normalize=False, title=None):
    """The confusion matrix as a grid of counts: rows are true classes, columns predicted ones.

    counts: (n_classes, n_classes) ints from annlib.metrics.confusion_matrix.
    normalize: show each row as shares of its true class instead of counts.
    """
    counts = np.asarray(counts)
    if counts.ndim != 2 or counts.shape[0] != counts.shape[1]:
        raise ValueError(f"plot_confusion_matrix: counts must be square (n_classes, n_classes), got {counts.shape}")
    n = counts.shape[0]
    names = [str(i) for i in range(n)] if class_names is None else [str(c) for c in class_names]
    if len(names) != n:
        raise ValueError(f"plot_confusion_matrix: {len(names)} class names for {n} classes")
    shown = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1) if normalize else counts
    ax = _new_axes(ax, (5.2, 4.6))
    image = ax.imshow(shown, cmap="Blues")
    ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    threshold = shown.max() / 2 if shown.max() > 0 else 1
    for (i, j), value in np.ndenumerate(shown):
        text = f"{value:.2f}" if normalize else f"{int(value)}"
        ax.text(j, i, text, ha="center", va="center", fontsize=8, color="white" if value > threshold else "black")
    ax.set_xticks(range(n), names)
    ax.set_yticks(range(n), names)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    ax.set_title(title or "confusion matrix")
    total, right = int(counts.sum()), int(np.trace(counts))
    wrong = counts - np.diag(np.diag(counts))
    text = (
        f"Confusion matrix of {n} classes: rows are the true classes, columns the predicted ones, each cell "
        f"{'the share of its row' if normalize else 'a count of examples'}. {right} of {total} examples "
        f"({number(100 * right / max(total, 1))}%) lie on the diagonal, predicted correctly"
    )
    if wrong.max() > 0:
        i, j = np.unravel_index(np.argmax(wrong), wrong.shape)
        text += f"; the most frequent mistake is true {names[i]} predicted as {names[j]} ({int(wrong[i, j])} times)"
    describe(ax, text + ".")
    return ax


def _image_side(n_pixels, caller):
    side = int(round(math.sqrt(n_pixels)))
    if side * side != n_pixels:
        raise ValueError(f"{caller}: each image must have a square number of pixels (64 for 8x8), got {n_pixels}")
    return side


# Inches per image in a new figure: at the 100 dpi of a notebook's figures, each image is about 110
# pixels wide, large enough to read the digit.
_DIGIT_INCHES = 1.25


def digit_grid_figsize(n_images, n_columns=6, captions=True):
    """The (width, height) in inches plot_digit_grid gives a new figure of n_images images."""
    n_columns = max(1, min(n_columns, n_images))
    n_rows = math.ceil(n_images / n_columns)
    return _DIGIT_INCHES * n_columns + 0.4, (_DIGIT_INCHES + (0.35 if captions else 0.05)) * n_rows + 0.5


def plot_digit_grid(images, captions=None, ax=None, *, n_columns=6, caption_colours=None, title=None):
    """Digit images tiled into one picture, a caption under each.

    images: (n_images, 64) rows of 8x8 pixels (any square size works); captions: n_images strings.
    caption_colours: one colour per caption (default black). A new figure gives each image about
    1.25 inches (digit_grid_figsize).
    """
    images = np.asarray(images, dtype=np.float64)
    if images.ndim == 1:
        images = images[None, :]
    if images.ndim != 2 or images.shape[0] == 0:
        raise ValueError(f"plot_digit_grid: images must be (n_images, n_pixels), got shape {images.shape}")
    n_images = images.shape[0]
    side = _image_side(images.shape[1], "plot_digit_grid")
    if captions is not None and len(captions) != n_images:
        raise ValueError(f"plot_digit_grid: {len(captions)} captions for {n_images} images")
    n_columns = min(n_columns, n_images)
    n_rows = math.ceil(n_images / n_columns)
    col_step = side + 1
    row_step = side + (4 if captions is not None else 1)  # room under each row for its captions
    # One mosaic instead of one axes per image: a single axes to return, and a fast draw.
    mosaic = np.full((n_rows * row_step - (row_step - side), n_columns * col_step - 1), np.nan)
    for k, image in enumerate(images):
        r, c = divmod(k, n_columns)
        mosaic[r * row_step : r * row_step + side, c * col_step : c * col_step + side] = image.reshape(side, side)
    if captions is not None:
        mosaic = np.vstack([mosaic, np.full((row_step - side, mosaic.shape[1]), np.nan)])
    if ax is None:  # a new figure, all of it for the images (each about 110 pixels wide at 100 dpi)
        width, height = digit_grid_figsize(n_images, n_columns, captions is not None)
        figure, ax = plt.subplots(figsize=(width, height))
        figure.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=1 - 0.45 / height)
    cmap = plt.get_cmap("gray_r").with_extremes(bad="white")
    ax.imshow(mosaic, cmap=cmap, interpolation="nearest")
    if captions is not None:
        colours = caption_colours or ["black"] * n_images
        for k, caption in enumerate(captions):
            r, c = divmod(k, n_columns)
            ax.text(
                c * col_step + (side - 1) / 2,
                r * row_step + side + 0.2,
                str(caption),
                ha="center",
                va="top",
                fontsize=9,
                color=colours[k],
            )
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    if title:
        ax.set_title(title)
    text = f"Grid of {n_images} digit images, {side}x{side} pixels each, in {n_rows} rows of up to {n_columns}"
    if captions is not None:
        shown = [str(c) for c in captions[:30]]
        more = f" and {n_images - 30} more" if n_images > 30 else ""
        text += f", captioned in reading order: {', '.join(shown)}{more}"
    describe(ax, text + ".")
    return ax


def plot_misclassified(images, y_true, y_pred, ax=None, *, max_images=20, n_columns=6, title=None):
    """The images whose predicted label differs from the true one, captioned "true -> predicted".

    images: (n_samples, 64); y_true, y_pred: labels, one-hot rows or probabilities (n_samples, ...).
    """
    from annlib.metrics import to_labels

    true, pred = to_labels(y_true), to_labels(y_pred)
    images = np.asarray(images, dtype=np.float64)
    if not (len(images) == len(true) == len(pred)):
        raise ValueError(
            f"plot_misclassified: {len(images)} images, {len(true)} true labels and {len(pred)} predictions; "
            "they must match"
        )
    wrong = np.flatnonzero(true != pred)
    if wrong.size == 0:
        ax = _new_axes(ax, (7.5, 1.5))
        ax.text(0.5, 0.5, "no misclassified examples", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        describe(ax, f"No image to show: the network classifies all {len(true)} examples correctly.")
        return ax
    shown = wrong[:max_images]
    captions = [f"{true[i]} -> {pred[i]}" for i in shown]
    default = f"{wrong.size} misclassified of {len(true)} (true -> predicted)"
    ax = plot_digit_grid(
        images[shown], captions, ax, n_columns=n_columns, caption_colours=[_WRONG] * len(shown), title=title or default
    )
    pairs = ", ".join(f"{true[i]} read as {pred[i]}" for i in shown)
    describe(
        ax,
        f"Grid of the digit images the network got wrong: {wrong.size} of {len(true)}"
        f"{f', the first {len(shown)} shown' if len(shown) < wrong.size else ''}, each captioned with its true "
        f"and predicted class: {pairs}.",
    )
    return ax


def plot_predicted_vs_true(y_pred, y_true, ax=None, *, units=None, title=None):
    """A regression's predictions against the true targets; on the diagonal means exactly right.

    y_pred, y_true: (n_samples,) or (n_samples, 1), in the data's own units.
    """
    y_pred = np.asarray(y_pred, dtype=np.float64).ravel()
    y_true = np.asarray(y_true, dtype=np.float64).ravel()
    if y_pred.shape != y_true.shape:
        raise ValueError(
            f"plot_predicted_vs_true: {y_pred.size} predictions but {y_true.size} true values; they must match"
        )
    ax = _new_axes(ax, (4.6, 4.4))
    low = min(y_pred.min(), y_true.min())
    high = max(y_pred.max(), y_true.max())
    ax.plot([low, high], [low, high], color="black", linewidth=1, linestyle="--", label="perfect prediction")
    ax.scatter(y_true, y_pred, s=16, alpha=0.7, color=_RIGHT, label="test examples")
    suffix = f" ({units})" if units else ""
    ax.set_xlabel("true value" + suffix)
    ax.set_ylabel("predicted value" + suffix)
    ax.set_aspect("equal", adjustable="datalim")
    ax.grid(True, alpha=0.3)
    ax.legend(frameon=False, loc="upper left")
    if title:
        ax.set_title(title)
    rmse = float(np.sqrt(np.mean((y_pred - y_true) ** 2)))
    within = f" {units}" if units else ""
    describe(
        ax,
        f"Scatter plot of {y_true.size} predictions against the true values{suffix}, with a dashed diagonal where "
        f"a prediction would be exactly right; the true values run from {number(y_true.min())} to "
        f"{number(y_true.max())}. The predictions miss by {number(rmse)}{within} (root mean square error).",
    )
    return ax


def plot_fit_1d(networks, X_train, y_train, ax=None, *, validation=None, true_function=None, title=None):
    """What one-input, one-output networks compute, drawn over the points they were trained on.

    networks: a Network, or {label: Network}; each is drawn as a curve over the range of the data.
    X_train, y_train: (n_samples, 1) each, drawn as dots; validation: (X_val, y_val), drawn as small crosses.
    true_function: the curve the data was sampled from (np.sin, say), drawn dashed, or None.
    """
    if hasattr(networks, "predict"):
        networks = {"network": networks}
    if not isinstance(networks, dict) or not networks:
        raise ValueError("plot_fit_1d: networks must be a Network or a non-empty dict {label: Network}")
    X_train = np.asarray(X_train, dtype=np.float64).reshape(-1, 1)
    y_train = np.asarray(y_train, dtype=np.float64).ravel()
    if X_train.shape[0] != y_train.size:
        raise ValueError(f"plot_fit_1d: {X_train.shape[0]} inputs but {y_train.size} targets; they must match")
    for label, network in networks.items():
        if network.n_inputs != 1 or network.n_outputs != 1:
            raise ValueError(
                f"plot_fit_1d: network {label!r} has {network.n_inputs} inputs and {network.n_outputs} outputs, "
                "expected 1 and 1"
            )
    ax = _new_axes(ax, (6.4, 4.0))
    xs = [X_train.ravel()]
    if validation is not None:
        X_val = np.asarray(validation[0], dtype=np.float64).ravel()
        ax.scatter(X_val, np.ravel(validation[1]), s=14, marker="x", color="0.55", label="validation points")
        xs.append(X_val)
    low, high = min(x.min() for x in xs), max(x.max() for x in xs)
    grid = np.linspace(low, high, 300)[:, None]  # (300, 1): one input per row
    if true_function is not None:
        ax.plot(grid, true_function(grid), color="black", linestyle="--", linewidth=1, label="true curve")
    for i, (label, network) in enumerate(networks.items()):
        ax.plot(grid, network.predict(grid), color=CLASS_COLORS[(i + 1) % len(CLASS_COLORS)], linewidth=2, label=label)
    ax.scatter(X_train, y_train, s=40, color=CLASS_COLORS[0], edgecolor="white", zorder=3, label="training points")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.grid(True, alpha=0.3)
    place_legend(ax, fontsize=8)
    if title:
        ax.set_title(title)

    def error(network, X, y):
        return number(float(np.mean((network.predict(X)[:, 0] - np.ravel(y)) ** 2)))

    errors = listing(f"{error(network, X_train, y_train)} for {label}" for label, network in networks.items())
    text = (
        f"Line plot of what {len(networks)} {'network computes' if len(networks) == 1 else 'networks compute'} "
        f"({listing(networks)}) over x from {number(low)} to {number(high)}, drawn over {y_train.size} training "
        f"points{f' and {np.size(validation[1])} validation points' if validation is not None else ''}"
        f"{', with the true curve dashed' if true_function is not None else ''}. Mean squared error on the "
        f"training points: {errors}"
    )
    if validation is not None:
        text += "; on the validation points: " + listing(
            f"{error(network, np.reshape(validation[0], (-1, 1)), validation[1])} for {label}"
            for label, network in networks.items()
        )
    describe(ax, text + ".")
    return ax


def plot_layer_gradients(sizes, ax=None, *, ylabel="root mean square of dC/dW", title=None):
    """One line per network: the size of each layer's weight gradients, layer 1 (next to the input) first.

    sizes: {label: sequence of one positive number per layer}, e.g. the root mean square of each
    layer's grad_W after one backward pass. Drawn on a log axis, where a constant factor per layer
    (vanishing or exploding gradients, lessons 06 and 07) is a straight line.
    """
    if not isinstance(sizes, dict) or not sizes:
        raise ValueError("plot_layer_gradients: sizes must be a non-empty dict {label: one size per layer}")
    ax = _new_axes(ax, (8.4, 4.0))
    for i, (label, values) in enumerate(sizes.items()):
        values = np.asarray(values, dtype=np.float64)
        if values.ndim != 1 or values.size == 0 or not np.all(values > 0):
            raise ValueError(
                f"plot_layer_gradients: {label!r} needs one positive size per layer, got {np.round(values, 4)}"
            )
        layers = np.arange(1, values.size + 1)
        ax.plot(layers, values, marker="o", color=CLASS_COLORS[i % len(CLASS_COLORS)], linewidth=1.8, label=label)
        ax.set_xticks(layers)
    ax.set_yscale("log")
    ax.set_xlabel("layer (1 = next to the input)")
    ax.set_ylabel(ylabel)
    ax.grid(True, alpha=0.3, which="both")
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))  # beside the lines
    if title:
        ax.set_title(title)
    lines = []
    for label, values in sizes.items():
        values = np.asarray(values, dtype=np.float64)
        factor = values[0] / values[-1]
        trend = (
            f"{number(factor)} times larger in layer 1"
            if factor >= 1
            else f"{number(1 / factor)} times smaller in layer 1"
        )
        lines.append(
            f'"{label}" from {number(values[0])} in layer 1 to {number(values[-1])} in layer {values.size} ({trend})'
        )
    describe(
        ax,
        f"Line plot on a log scale of the {ylabel} in each layer, layer 1 (next to the input) on the left, "
        f"one line per network: {listing(lines)}.",
    )
    return ax
