"""Activation functions beside their derivatives, and why nonlinearity matters (lesson 02).

    plot_activation(name, ax=None, *, z=None, derivative=True, title=None)    f(z) and f'(z) on one axes
    plot_activations(names=None, axes=None)          a row per activation: f on the left, f' on the right
    plot_nonlinearity_comparison(models, X, y, titles, axes=None)
                                                     decision boundaries side by side, accuracy in the titles

The values come from annlib.activations (`name(z)` and `name_derivative(z)`); softmax is left out
because it acts on a whole vector of scores at once (lesson 02 shows it with numbers instead).
"""

import numpy as np

from annlib import activations as act
from annlib.metrics import accuracy, to_labels
from annlib.plotting.boundaries import model_outputs, plot_decision_boundary
from annlib.plotting.describe import _forget, describe, listing, number
from annlib.plotting.style import BLUE, GREY, VERMILLION, label_axes, new_axes, place_legend

__all__ = ["PLOTTED_ACTIVATIONS", "plot_activation", "plot_activations", "plot_nonlinearity_comparison"]

PLOTTED_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "identity")


def _functions(name, caller):
    if name == "softmax":
        raise ValueError(
            f"{caller}: softmax turns a whole vector of scores into probabilities, so it has no "
            "curve of one variable; choose one of " + ", ".join(PLOTTED_ACTIVATIONS)
        )
    if name not in PLOTTED_ACTIVATIONS:
        raise ValueError(f"{caller}: unknown activation {name!r}; choose one of " + ", ".join(PLOTTED_ACTIVATIONS))
    return getattr(act, name), getattr(act, f"{name}_derivative")


def _z_values(z):
    return np.linspace(-5.0, 5.0, 401) if z is None else np.asarray(z, dtype=np.float64)


def _range_text(z, values):
    """Where the largest value of a curve is: "at z = 0", or "for z from 0.025 to 5" when it is flat there."""
    top = values.max()
    where = z[np.isclose(values, top, rtol=1e-6, atol=1e-12)]
    if where.size == 1 or where.min() == where.max():
        return f"at z = {number(where[0])}"
    return f"for z from {number(where.min())} to {number(where.max())}"


def _curve_text(name, z, values, derivatives):
    text = (
        f"{name}(z) goes from {number(values[0])} at z = {number(z[0])} to {number(values[-1])} at z = {number(z[-1])}"
    )
    if derivatives is not None:
        text += (
            f"; its derivative stays between {number(derivatives.min())} and {number(derivatives.max())}, "
            f"largest {_range_text(z, derivatives)}"
        )
    return text


def _zero_lines(ax):
    ax.axhline(0.0, color=GREY, linewidth=0.8, zorder=0)
    ax.axvline(0.0, color=GREY, linewidth=0.8, zorder=0)


def plot_activation(name, ax=None, *, z=None, derivative=True, title=None):
    """Draw f(z) (solid) and, if `derivative`, f'(z) (dashed) for the activation `name`; return the axes.

    z: the points to draw at (default 401 points from -5 to 5).
    """
    function, function_derivative = _functions(name, "plot_activation")
    z = _z_values(z)
    ax = new_axes(ax, figsize=(5.0, 3.6))
    _zero_lines(ax)
    ax.plot(z, function(z), color=BLUE, linewidth=2.2, label=f"{name}(z)")
    if derivative:
        ax.plot(z, function_derivative(z), color=VERMILLION, linewidth=2.0, linestyle="--", label=f"{name}'(z)")
    place_legend(ax)
    drawn = f"the {name} activation f(z) (solid line)" + (" and its derivative f'(z) (dashed)" if derivative else "")
    describe(
        ax,
        f"Line plot of {drawn} against z, the weighted sum, from {number(z[0])} to {number(z[-1])}. "
        + _curve_text(name, z, function(z), function_derivative(z) if derivative else None)
        + ".",
    )
    return label_axes(ax, "z (the weighted sum)", "value", name if title is None else title)


def plot_activations(names=None, axes=None):
    """One row per activation: the function on the left, its derivative on the right.

    names: activation names (default PLOTTED_ACTIVATIONS). axes: None, or an array of shape
    (len(names), 2). Returns the (len(names), 2) array of axes.
    """
    import matplotlib.pyplot as plt

    names = list(PLOTTED_ACTIVATIONS if names is None else names)
    for name in names:
        _functions(name, "plot_activations")
    if axes is None:
        figure, axes = plt.subplots(len(names), 2, figsize=(9.0, 2.2 * len(names)), squeeze=False, sharex=True)
        figure.subplots_adjust(hspace=0.25, wspace=0.3)
    axes = np.asarray(axes).reshape(len(names), 2)
    z = _z_values(None)
    for row, name in zip(axes, names):
        function, function_derivative = _functions(name, "plot_activations")
        for ax, values, colour, what in (
            (row[0], function(z), BLUE, f"{name}(z)"),
            (row[1], function_derivative(z), VERMILLION, f"{name}'(z)"),
        ):
            _zero_lines(ax)
            ax.plot(z, values, color=colour, linewidth=2.2, linestyle="-" if ax is row[0] else "--")
            label_axes(ax, None, what)
    axes[0, 0].set_title("the activation f(z)")
    axes[0, 1].set_title("its derivative f'(z)")
    for ax in axes[-1]:
        ax.set_xlabel("z (the weighted sum)")
    largest = listing(f"{name} {number(_functions(name, 'plot_activations')[1](z).max())}" for name in names)
    describe(
        axes[0, 0],
        f"Grid of line plots, one row per activation ({listing(names)}): the function f(z) on the left and "
        f"its derivative f'(z) on the right, against z from {number(z[0])} to {number(z[-1])}. "
        f"The largest value of each derivative: {largest}.",
    )
    return axes


def plot_nonlinearity_comparison(models, X, y, titles, axes=None):
    """Decision boundaries of several models side by side, each title ending with its accuracy.

    models: annlib.Networks (or functions of X); X (n_samples, 2); y labels or one-hot rows;
    titles: one per model. Returns the array of axes.
    """
    import matplotlib.pyplot as plt

    models, titles = list(models), list(titles)
    if len(models) != len(titles):
        raise ValueError(f"plot_nonlinearity_comparison: {len(models)} models but {len(titles)} titles")
    if axes is None:
        figure, axes = plt.subplots(1, len(models), figsize=(5.0 * len(models), 4.6), squeeze=False)
        figure.subplots_adjust(wspace=0.25, top=0.85)
    axes = np.asarray(axes).ravel()
    scores = []
    for k, (ax, model, title) in enumerate(zip(axes, models, titles)):
        score = accuracy(model_outputs(model, np.asarray(X, dtype=np.float64)), y)
        scores.append(f"{number(100 * score)}% for {' '.join(str(title).split())}")
        # The classes' legend once, beside the last panel, where it covers no data.
        last = k == len(models) - 1
        plot_decision_boundary(model, X, y, ax=ax, title=f"{title}\naccuracy {score:.0%}", legend=last)
        if k > 0:
            _forget(ax)  # the first panel's text describes the whole row
    labels = to_labels(y)
    describe(
        axes[0],
        f"A row of {len(models)} decision-boundary plots, each colouring the plane by the class one model "
        f"predicts, over the same {len(labels)} points of {np.unique(labels).size} classes. Accuracy on "
        f"these points: {listing(scores)}.",
    )
    return axes
