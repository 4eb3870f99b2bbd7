"""Data sets and what a trained network makes of them (lessons 02, 07 and 08).

    plot_data(X, y)                              2-D points coloured (and shaped) by class
    plot_decision_boundary(model, X, y)          the class the model predicts at every point of the plane
    plot_regression_fit(model, X, y)             1-D data and the curve the model draws through it

`model` is an annlib.Network, or any function from X (n_samples, n_features) to outputs: one column
of probabilities (class 1 where > 0.5) or one column per class (the most probable class wins).
"""

import numpy as np
from matplotlib.colors import ListedColormap

from annlib.metrics import output_labels, to_labels
from annlib.plotting.style import BLACK, CLASS_COLORS, CLASS_MARKERS, ORANGE, label_axes, new_axes

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


def plot_data(X, y, ax=None, *, title=None):
    """Scatter 2-D points, one colour and marker per class, with a legend; return the axes.

    X: (n_samples, 2); y: labels (n_samples,) or one-hot rows (n_samples, n_classes).
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
    ax.legend(loc="best", framealpha=0.9)
    return label_axes(ax, "x1", "x2", title)


def plot_decision_boundary(model, X, y, ax=None, *, resolution=200, title=None):
    """Colour the plane by the class `model` predicts there, then draw the points; return the axes.

    X: (n_samples, 2); y: labels or one-hot rows. resolution: grid points along each axis.
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
    n_classes = max(int(predicted.max()), int(to_labels(y).max())) + 1
    colours = ListedColormap([CLASS_COLORS[k % len(CLASS_COLORS)] for k in range(n_classes)])
    ax = new_axes(ax, figsize=(5.2, 4.6))
    ax.contourf(grid_x1, grid_x2, predicted, levels=np.arange(n_classes + 1) - 0.5, cmap=colours, alpha=0.25, zorder=1)
    if np.unique(predicted).size > 1:  # a boundary exists only where the prediction changes
        ax.contour(
            grid_x1, grid_x2, predicted, levels=np.arange(n_classes - 1) + 0.5, colors=BLACK, linewidths=1.0, zorder=2
        )
    plot_data(X, y, ax=ax)
    ax.set_xlim(low[0], high[0])
    ax.set_ylim(low[1], high[1])
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
    ax.legend(loc="best", framealpha=0.9)
    return label_axes(ax, "x", "y", title)
