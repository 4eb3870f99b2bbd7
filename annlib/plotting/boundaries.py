"""Data sets and what a trained network makes of them (lessons 02, 07 and 08).

    plot_data(X, y)                              2-D points coloured (and shaped) by class
    plot_decision_boundary(model, X, y)          the class the model predicts at every point of the plane
    plot_regression_fit(model, X, y)             1-D data and the curve the model draws through it

`model` is an annlib.Network, or any function from X (n_samples, n_features) to outputs: one column
of probabilities (class 1 where > 0.5) or one column per class (the most probable class wins).

The boundary is drawn where the model's outputs cross over (the probability through 0.5, or two
classes' outputs through equality), interpolated between the grid's points, so it is a smooth curve
and not the edge of the grid's squares. Each helper describes what it drew (annlib.plotting.describe).
"""

import numpy as np
from matplotlib.colors import ListedColormap

from annlib.metrics import accuracy, output_labels, to_labels
from annlib.plotting.describe import describe, listing, number
from annlib.plotting.style import BLACK, CLASS_COLORS, CLASS_MARKERS, ORANGE, label_axes, new_axes, place_legend

__all__ = ["plot_data", "plot_decision_boundary", "plot_regression_fit", "model_outputs"]


def _check_points(X, y, caller, n_features=2):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != n_features:
        raise ValueError(f"{caller}: X has shape {X.shape}, expected (n_samples, {n_features})")
    y = np.asarray(y)
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"{caller}: X has {X.shape[0]} rows but y has {y.shape[0]}")
    return X, y


def model_outputs(model, X, caller="model_outputs"):
    """The outputs of an annlib.Network (its predict) or of a function, as a 2-D array.

    A Network's predict() keeps nothing in its layers, so a backward() after this still works.
    """
    if hasattr(model, "predict") and hasattr(model, "layers"):
        outputs = model.predict(X)
    elif callable(model):
        outputs = model(X)
    else:
        raise TypeError(f"{caller}: model must be an annlib.Network or a function of X, got {type(model).__name__}")
    outputs = np.asarray(outputs, dtype=np.float64)
    return outputs.reshape(-1, 1) if outputs.ndim == 1 else outputs


def _class_counts(labels):
    classes, counts = np.unique(labels, return_counts=True)
    return listing(f"{n} of class {k}" for k, n in zip(classes, counts))


def _data_text(X, labels):
    """What plot_data draws, in words."""
    classes = np.unique(labels)
    return (
        f"Scatter plot of {len(X)} points, x2 against x1, in {len(classes)} "
        f"{'class' if len(classes) == 1 else 'classes'} ({_class_counts(labels)}), each class "
        f"with its own colour and marker; x1 runs from {number(X[:, 0].min())} to {number(X[:, 0].max())}, "
        f"x2 from {number(X[:, 1].min())} to {number(X[:, 1].max())}."
    )


def plot_data(X, y, ax=None, *, title=None, legend=True):
    """Scatter 2-D points, one colour and marker per class, with a legend; return the axes.

    X: (n_samples, 2); y: labels (n_samples,) or one-hot rows (n_samples, n_classes).
    legend: False leaves the legend out (a row of panels needs it once).
    """
    X, y = _check_points(X, y, "plot_data")
    labels = to_labels(y)
    ax = new_axes(ax, figsize=(5.2, 4.6))
    for k in np.unique(labels):
        mine = labels == k
        ax.scatter(
            X[mine, 0],
            X[mine, 1],
            s=28 if len(X) > 50 else 60,
            color=CLASS_COLORS[k % len(CLASS_COLORS)],
            marker=CLASS_MARKERS[k % len(CLASS_MARKERS)],
            edgecolor="white",
            linewidth=0.5,
            label=f"class {k}",
            zorder=3,
        )
    if legend:
        place_legend(ax)
    describe(ax, _data_text(X, labels))
    return label_axes(ax, "x1", "x2", title)


def _margins(outputs):
    """One column per class: how far each class's output is above the best other class's (> 0 where it wins).

    One column of probabilities p is two classes, 1 - p and p: the margins are 1 - 2p and 2p - 1.
    """
    if outputs.shape[1] == 1:
        p = outputs[:, 0]
        return np.column_stack([1.0 - 2.0 * p, 2.0 * p - 1.0])
    margins = np.empty_like(outputs)
    for k in range(outputs.shape[1]):
        margins[:, k] = outputs[:, k] - np.delete(outputs, k, axis=1).max(axis=1)
    return margins


def plot_decision_boundary(model, X, y, ax=None, *, resolution=200, title=None, legend=True):
    """Colour the plane by the class `model` predicts there, then draw the points; return the axes.

    X: (n_samples, 2); y: labels or one-hot rows. resolution: grid points along each axis.
    The boundary is where two classes' outputs are equal (one output: where it is 0.5), interpolated
    between the grid's points. legend: False leaves the legend out.
    """
    X, y = _check_points(X, y, "plot_decision_boundary")
    if isinstance(resolution, bool) or not isinstance(resolution, (int, np.integer)) or resolution < 2:
        raise ValueError(f"plot_decision_boundary: resolution must be a whole number >= 2, got {resolution!r}")
    margin = 0.1 * (X.max(axis=0) - X.min(axis=0)) + 0.1
    low, high = X.min(axis=0) - margin, X.max(axis=0) + margin
    grid_x1, grid_x2 = np.meshgrid(np.linspace(low[0], high[0], resolution), np.linspace(low[1], high[1], resolution))
    grid = np.column_stack([grid_x1.ravel(), grid_x2.ravel()])  # (resolution**2, 2)
    outputs = model_outputs(model, grid, "plot_decision_boundary")
    if outputs.shape[0] != grid.shape[0]:
        raise ValueError(f"plot_decision_boundary: model gave {outputs.shape[0]} outputs for {grid.shape[0]} points")
    predicted = output_labels(outputs).reshape(grid_x1.shape)
    margins = _margins(outputs)
    ax = new_axes(ax, figsize=(5.2, 4.6))
    # Each class's region is where its margin is above 0: filled, and outlined where the margin crosses 0.
    # Contouring the continuous margins (not the predicted labels) interpolates between grid points.
    for k in np.unique(predicted):
        margin = margins[:, k].reshape(grid_x1.shape)
        top = max(float(margin.max()), 0.0) + 1.0
        colour = ListedColormap([CLASS_COLORS[k % len(CLASS_COLORS)]])
        ax.contourf(grid_x1, grid_x2, margin, levels=[0.0, top], cmap=colour, alpha=0.25, zorder=1)
    if np.unique(predicted).size > 1:  # a boundary exists only where the prediction changes
        for k in np.unique(predicted):
            margin = margins[:, k].reshape(grid_x1.shape)
            ax.contour(grid_x1, grid_x2, margin, levels=[0.0], colors=BLACK, linewidths=1.0, zorder=2)
    plot_data(X, y, ax=ax, legend=legend)
    ax.set_xlim(low[0], high[0])
    ax.set_ylim(low[1], high[1])
    labels = to_labels(y)
    shares = np.bincount(predicted.ravel(), minlength=int(predicted.max()) + 1) / predicted.size
    regions = listing(f"class {k} on {number(100 * share)}%" for k, share in enumerate(shares) if share > 0)
    score = accuracy(model_outputs(model, X, "plot_decision_boundary"), y)
    describe(
        ax,
        f"Decision-boundary plot: the plane coloured by the class the model predicts, with the {len(X)} data "
        f"points of {np.unique(labels).size} classes on top ({_class_counts(labels)}). The model "
        f"predicts {regions} of the plotted area, and classifies {number(100 * score)}% of the points "
        "correctly.",
    )
    return label_axes(ax, title=title)


def plot_regression_fit(model, X, y, ax=None, *, title=None):
    """Draw 1-D data as points and the model's prediction as a curve; return the axes.

    X: (n_samples, 1) or (n_samples,); y: (n_samples, 1) or (n_samples,).
    """
    X = np.asarray(X, dtype=np.float64)
    X = X.reshape(-1, 1) if X.ndim == 1 else X
    X, y = _check_points(X, y, "plot_regression_fit", n_features=1)
    y = np.asarray(y, dtype=np.float64).reshape(X.shape[0], -1)
    span = X.max() - X.min()
    x_curve = np.linspace(X.min() - 0.05 * span, X.max() + 0.05 * span, 300).reshape(-1, 1)
    curve = model_outputs(model, x_curve, "plot_regression_fit")
    ax = new_axes(ax, figsize=(6.0, 4.0))
    ax.scatter(X[:, 0], y[:, 0], s=18, color=CLASS_COLORS[0], alpha=0.7, label="data", zorder=2)
    ax.plot(x_curve[:, 0], curve[:, 0], color=ORANGE, linewidth=2.5, label="prediction", zorder=3)
    place_legend(ax)
    at_points = model_outputs(model, X, "plot_regression_fit")[:, 0]
    rmse = float(np.sqrt(np.mean((at_points - y[:, 0]) ** 2)))
    describe(
        ax,
        f"Scatter plot of {len(X)} data points, y against x, with the model's prediction as a curve over x "
        f"from {number(x_curve[0, 0])} to {number(x_curve[-1, 0])}. The data's y runs from {number(y[:, 0].min())} "
        f"to {number(y[:, 0].max())}; the prediction misses the points by {number(rmse)} (root mean square).",
    )
    return label_axes(ax, "x", "y", title)
