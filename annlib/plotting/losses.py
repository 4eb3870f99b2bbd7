"""Loss landscapes: the loss as one or two weights change, and MSE beside cross-entropy (lesson 04).

Training moves the weights downhill on the loss. These figures show the hill:

    loss_along_weight(network, X, y, loss, values, *, layer=0, i=0, j=0)    the numbers behind ...
    plot_loss_vs_weight(network, X, y, loss, *, layer=0, i=0, j=0, ...)     the loss as W[i, j] varies
    loss_surface(network, X, y, loss, values_1, values_2, *, weights=...)   the numbers behind ...
    plot_loss_surface(network, X, y, loss, *, weights=..., kind=...)        the loss over two weights
    plot_mse_vs_cross_entropy(ax=None)        both losses as the predicted probability of the true
                                              class falls from 1 to 0
    sigmoid_output_gradients(z, y_true=1.0)   the numbers behind ...
    plot_sigmoid_output_gradients(ax=None)    |dC/dz| of a sigmoid output under each loss: the push
                                              training gets, which MSE loses when the output saturates

The network's weights are always put back as they were. A weight is given as (layer, i, j): W[i, j]
of that layer, named as in the network diagram (weight_name).
"""

import numpy as np

from annlib.activations import sigmoid, sigmoid_derivative
from annlib.losses import EPSILON, MSE, BinaryCrossEntropy, get_loss
from annlib.plotting.describe import describe, number
from annlib.plotting.diagram import weight_name
from annlib.plotting.style import BLACK, BLUE, SEQUENTIAL_CMAP, VERMILLION, label_axes, new_axes, place_legend

__all__ = [
    "loss_along_weight",
    "plot_loss_vs_weight",
    "loss_surface",
    "plot_loss_surface",
    "plot_mse_vs_cross_entropy",
    "sigmoid_output_gradients",
    "plot_sigmoid_output_gradients",
]


def _check_weight(network, layer, i, j, caller):
    # layer= counts as Python counts network.layers (0 is layer 1); messages name layers from 1.
    n_layers = len(network.layers)
    if not 0 <= layer < n_layers:
        raise ValueError(
            f"{caller}: layer={layer} is not in the network: it has {n_layers} layers, "
            f"so layer= runs from 0 (layer 1) to {n_layers - 1} (layer {n_layers})"
        )
    W = network.layers[layer].W
    if not (0 <= i < W.shape[0] and 0 <= j < W.shape[1]):
        raise ValueError(f"{caller}: W[{i}, {j}] does not exist; the W of layer {layer + 1} has shape {W.shape}")
    return W


def _default_values(current, span=3.0, n=121):
    return np.linspace(current - span, current + span, n)


def loss_along_weight(network, X, y, loss, values, *, layer=0, i=0, j=0):
    """The loss with W[i, j] of `layer` set to each of `values` in turn: array shaped like values."""
    loss = get_loss(loss, caller="loss_along_weight")
    W = _check_weight(network, layer, i, j, "loss_along_weight")
    kept = W[i, j]
    y = np.asarray(y, dtype=np.float64).reshape(len(X), -1)
    losses = []
    try:
        for value in np.ravel(values):
            W[i, j] = value
            losses.append(loss(network.forward(X), y))
    finally:
        W[i, j] = kept  # put the weight back, whatever happened
    return np.array(losses).reshape(np.shape(values))


def plot_loss_vs_weight(network, X, y, loss, *, layer=0, i=0, j=0, values=None, ax=None, title=None):
    """Draw the loss as one weight changes, the others fixed; mark the weight's current value.

    values: the weight values to try (default: the current value +- 3). Returns the axes.
    """
    current = float(_check_weight(network, layer, i, j, "plot_loss_vs_weight")[i, j])
    values = _default_values(current) if values is None else np.asarray(values, dtype=np.float64)
    losses = loss_along_weight(network, X, y, loss, values, layer=layer, i=i, j=j)
    name = weight_name(layer, i, j)
    ax = new_axes(ax, figsize=(6.0, 4.0))
    ax.plot(values, losses, color=BLUE, linewidth=2.2, label="loss")
    now = loss_along_weight(network, X, y, loss, np.array([current]), layer=layer, i=i, j=j)[0]
    ax.plot([current], [now], "o", color=VERMILLION, markersize=8, label=f"now: {name} = {current:.2f}")
    best = values[np.argmin(losses)]
    ax.axvline(best, color=VERMILLION, linestyle=":", linewidth=1.2, label=f"lowest loss at {name} = {best:.2f}")
    place_legend(ax)
    loss_name = get_loss(loss, caller="plot_loss_vs_weight").name
    describe(
        ax,
        f"Line plot of the loss ({loss_name}) against the weight {name} from {number(values.min())} to "
        f"{number(values.max())}, every other weight fixed; the loss runs from {number(np.min(losses))} to "
        f"{number(np.max(losses))}. It is lowest at {name} = {number(best)}; the weight's current value, "
        f"{name} = {number(current)} (dot), gives {number(now)}.",
    )
    return label_axes(
        ax, f"weight {name}", f"loss ({loss_name})", f"the loss as {name} changes" if title is None else title
    )


def loss_surface(network, X, y, loss, values_1, values_2, *, weights=((0, 0, 0), (0, 1, 0))):
    """The loss over a grid of two weights: array (len(values_2), len(values_1)) (rows follow weight 2)."""
    loss = get_loss(loss, caller="loss_surface")
    (l1, i1, j1), (l2, i2, j2) = weights
    W1 = _check_weight(network, l1, i1, j1, "loss_surface")
    W2 = _check_weight(network, l2, i2, j2, "loss_surface")
    if (l1, i1, j1) == (l2, i2, j2):
        raise ValueError("loss_surface: the two weights are the same weight; choose two different ones")
    kept = (W1[i1, j1], W2[i2, j2])
    y = np.asarray(y, dtype=np.float64).reshape(len(X), -1)
    surface = np.empty((len(values_2), len(values_1)))
    try:
        for row, v2 in enumerate(values_2):
            W2[i2, j2] = v2
            for column, v1 in enumerate(values_1):
                W1[i1, j1] = v1
                surface[row, column] = loss(network.forward(X), y)
    finally:
        W1[i1, j1], W2[i2, j2] = kept
    return surface


def plot_loss_surface(
    network, X, y, loss, *, weights=((0, 0, 0), (0, 1, 0)), span=3.0, resolution=41, kind="contour", ax=None, title=None
):
    """Draw the loss over two weights around their current values; mark where they are now.

    weights: two (layer, i, j) triples. kind: "contour" (filled contours, seen from above) or
    "3d" (a surface; a given ax must then be a 3-D axes). Returns the axes.
    """
    if kind not in ("contour", "3d"):
        raise ValueError(f"plot_loss_surface: kind must be 'contour' or '3d', got {kind!r}")
    (l1, i1, j1), (l2, i2, j2) = weights
    now = (
        float(_check_weight(network, l1, i1, j1, "plot_loss_surface")[i1, j1]),
        float(_check_weight(network, l2, i2, j2, "plot_loss_surface")[i2, j2]),
    )
    values_1 = np.linspace(now[0] - span, now[0] + span, resolution)
    values_2 = np.linspace(now[1] - span, now[1] + span, resolution)
    surface = loss_surface(network, X, y, loss, values_1, values_2, weights=weights)
    name_1, name_2 = weight_name(l1, i1, j1), weight_name(l2, i2, j2)
    grid_1, grid_2 = np.meshgrid(values_1, values_2)
    loss_name = get_loss(loss, caller="plot_loss_surface").name
    here = loss_surface(network, X, y, loss, [now[0]], [now[1]], weights=weights)[0, 0]
    row, column = np.unravel_index(np.argmin(surface), surface.shape)
    lowest = (values_1[column], values_2[row], surface[row, column])
    if kind == "3d":
        if ax is None:
            import matplotlib.pyplot as plt

            ax = plt.figure(figsize=(6.4, 5.0)).add_subplot(projection="3d")
        ax.plot_surface(grid_1, grid_2, surface, cmap=SEQUENTIAL_CMAP, alpha=0.85, linewidth=0)
        ax.plot([now[0]], [now[1]], [here], "o", color=VERMILLION, markersize=7, zorder=5)
        ax.plot([lowest[0]], [lowest[1]], [lowest[2]], "*", color="white", markeredgecolor=BLACK, markersize=13)
        ax.set_zlabel(f"loss ({loss_name})")
    else:
        ax = new_axes(ax, figsize=(6.0, 4.8))
        filled = ax.contourf(grid_1, grid_2, surface, levels=20, cmap=SEQUENTIAL_CMAP)
        ax.contour(grid_1, grid_2, surface, levels=20, colors="white", linewidths=0.4, alpha=0.6)
        ax.figure.colorbar(filled, ax=ax, label=f"loss ({loss_name})")
        ax.plot([now[0]], [now[1]], "o", color=VERMILLION, markersize=8, markeredgecolor="white")
        ax.plot([lowest[0]], [lowest[1]], "*", color="white", markeredgecolor=BLACK, markersize=15)
        # Each marker labelled beside it (no legend over the surface), the text on the side away from the edge.
        for (x, y_value), text in (
            ((now[0], now[1]), f"now: loss {here:.3f}"),
            (lowest[:2], f"lowest: loss {lowest[2]:.3f}"),
        ):
            right = x <= (values_1[0] + values_1[-1]) / 2
            ax.annotate(
                text,
                (x, y_value),
                xytext=(10 if right else -10, 8),
                textcoords="offset points",
                ha="left" if right else "right",
                fontsize=9,
                bbox=dict(boxstyle="round,pad=0.2", facecolor="white", edgecolor="none"),
            )
    shape = "Surface plot" if kind == "3d" else "Contour plot, seen from above,"
    describe(
        ax,
        f"{shape} of the loss ({loss_name}) over two weights, {name_1} and {name_2}, each within "
        f"{number(span)} of its current value; the loss runs from {number(surface.min())} to "
        f"{number(surface.max())}. The lowest loss, {number(lowest[2])} (star), is at {name_1} = "
        f"{number(lowest[0])}, {name_2} = {number(lowest[1])}; the current weights (dot) give {number(here)}.",
    )
    default = f"the loss over {name_1} and {name_2}"
    return label_axes(ax, f"weight {name_1}", f"weight {name_2}", default if title is None else title)


def plot_mse_vs_cross_entropy(ax=None, *, title=None):
    """Both losses for ONE example of class 1 as its predicted probability p falls from 1 to 0.

    MSE = (1 - p)^2 stays below 1; cross-entropy = -log p grows without bound, so a confident wrong
    answer costs far more. Both are computed with annlib.losses. Returns the axes.
    """
    p = np.linspace(1.0, 0.0, 201)
    mse, bce = MSE(), BinaryCrossEntropy()
    mse_values = np.array([mse([[q]], [[1.0]]) for q in p])
    bce_values = np.array([bce([[q]], [[1.0]]) for q in p])
    ax = new_axes(ax, figsize=(6.0, 4.0))
    ax.plot(p, mse_values, color=BLUE, linewidth=2.2, label="mean squared error (1 - p)²")
    ax.plot(p, bce_values, color=VERMILLION, linewidth=2.2, linestyle="--", label="cross-entropy -log p")
    ax.set_ylim(0.0, 6.0)
    ax.set_xlim(1.0, 0.0)  # read left to right: the prediction goes wrong
    ax.text(
        0.02,
        5.6,
        f"at p = 0 cross-entropy is\n-log({EPSILON:g}) = {-np.log(EPSILON):.1f}, not infinite",
        ha="right",
        va="top",
        fontsize=8.5,
    )
    ax.legend(loc="upper left", framealpha=0.9)
    describe(
        ax,
        "Line plot of two losses for one example of class 1 against its predicted probability p, from p = 1 "
        f"on the left to p = 0 on the right: mean squared error (1 - p)² rises only to {number(mse_values.max())}, "
        f"while cross-entropy -log p climbs steeply, past the plot's top of 6 to {number(-np.log(EPSILON))} at "
        f"p = 0 (where p is clipped to {EPSILON:g}).",
    )
    default = "true class 1: loss as the prediction p goes wrong"
    return label_axes(ax, "predicted probability of the true class, p", "loss", default if title is None else title)


def sigmoid_output_gradients(z, y_true=1.0):
    """dC/dz of ONE sigmoid output neuron, for each value in z, under MSE and under cross-entropy.

    z: (n,) values of the output neuron's weighted sum; y_true: the target, 0 or 1.
    Returns (mse, cross_entropy), each (n,). The chain rule of lesson 04, dC/dz = dC/da * sigma'(z),
    with dC/da from annlib.losses: for MSE 2(a - y) * a(1 - a), which vanishes when the output
    saturates, right or wrong; for cross-entropy (a - y) / (a(1 - a)) * a(1 - a) = a - y.
    """
    z = np.asarray(z, dtype=np.float64)
    if z.ndim != 1:
        raise ValueError(f"sigmoid_output_gradients: z has shape {z.shape}, expected (n,): one value per point")
    if y_true not in (0, 1):
        raise ValueError(f"sigmoid_output_gradients: y_true must be 0 or 1, got {y_true!r}")
    target = [[float(y_true)]]
    mse, bce = MSE(), BinaryCrossEntropy()
    mse_grad, bce_grad = [], []
    for value in z:
        a = [[float(sigmoid(value))]]  # one example, so the losses' 1/n is 1
        slope = float(sigmoid_derivative(value))
        mse_grad.append(float(mse.gradient(a, target)[0, 0]) * slope)
        bce_grad.append(float(bce.gradient(a, target)[0, 0]) * slope)
    return np.array(mse_grad), np.array(bce_grad)


def plot_sigmoid_output_gradients(ax=None, *, y_true=1.0, z=None, title=None):
    """|dC/dz| of one sigmoid output neuron with target y_true, as z runs from wrong to right; return the axes.

    The size of dC/dz is how hard training pushes the output (lesson 06 starts the backward pass
    there). Cross-entropy's |a - y| is largest where the answer is most wrong; MSE's 2|a - y| a(1 - a)
    fades to 0 there, because the sigmoid is flat where it saturates.
    """
    z = np.linspace(-8.0, 8.0, 321) if z is None else np.asarray(z, dtype=np.float64)
    mse_grad, bce_grad = sigmoid_output_gradients(z, y_true)
    ax = new_axes(ax, figsize=(6.5, 4.0))
    ax.plot(z, np.abs(mse_grad), color=BLUE, linewidth=2.2, label="mean squared error: 2|a - y| a(1 - a)")
    ax.plot(z, np.abs(bce_grad), color=VERMILLION, linewidth=2.2, linestyle="--", label="cross-entropy: |a - y|")
    wrong_side = z[0] if y_true == 1 else z[-1]
    ax.annotate(
        "confidently wrong:\nMSE's push fades to 0",
        xy=(wrong_side * 0.75, 0.02),
        xytext=(wrong_side * 0.6, 0.45),
        ha="center",
        fontsize=8.5,
        arrowprops=dict(arrowstyle="->", color="#555555"),
    )
    ax.set_xlim(z.min(), z.max())
    ax.set_ylim(0.0, 1.1)
    ax.legend(loc="upper right" if y_true == 1 else "upper left", framealpha=0.9, fontsize=8.5)
    wrong = 0 if y_true == 1 else -1
    peak = int(np.argmax(np.abs(mse_grad)))
    describe(
        ax,
        f"Line plot of |∂C/∂z| of a sigmoid output neuron with target y = {y_true:g} against its z, from "
        f"{number(z[0])} to {number(z[-1])}, under mean squared error and under cross-entropy. Where the output "
        f"is most wrong (z = {number(z[wrong])}), cross-entropy pushes with {number(abs(bce_grad[wrong]))} but "
        f"MSE only with {number(abs(mse_grad[wrong]))}; MSE's push peaks at {number(abs(mse_grad[peak]))} "
        f"near z = {number(z[peak])}.",
    )
    default = f"target y = {y_true:g}: how hard each loss pushes the output's z"
    xlabel = "z of the output neuron (a = sigmoid(z))"
    return label_axes(ax, xlabel, "|∂C/∂z|", default if title is None else title)
