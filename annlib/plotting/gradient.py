"""The gradient drawn: uphill arrows on a cost's contours, and δ gathered from the fan-out (lessons 05, 06).

Lesson 05 defines the gradient of a cost C of two weights, the vector of its partial derivatives
(dC/dw1, dC/dw2). Drawn at a few points over the contour lines of C, each arrow stands perpendicular
to the line through its foot and points uphill; a step -learning_rate * gradient points the other way.
Lesson 06 derives the error signal of a hidden neuron j as a sum over the neurons k it feeds,
delta_j = (sum_k delta_k * W[j, k]) * f'(z_j), and draws that sum as arrows back from the next layer.

    gradient_arrows(gradient, points)              the numbers behind ...
    plot_gradient_on_contours(cost, gradient, points, *, values_1, values_2, ...)
                                                   contours of C(w1, w2), the gradient at each point,
                                                   and optionally the step -learning_rate * gradient
    delta_fan_out(network, layer=0, neuron=0)      the numbers behind ...
    plot_delta_fan_out(network, layer=0, neuron=0) one hidden neuron, the arrows back from the neurons
                                                   it feeds, each labelled with its delta * w term

`cost` and `gradient` are functions of the two weights, as SymPy's lambdify (symbolic.to_numpy_function)
makes them: cost(w1, w2) works on arrays; gradient(w1, w2) returns (dC/dw1, dC/dw2).
`layer=` counts as Python counts network.layers (0 is layer 1); texts name layers from 1.
"""

from typing import NamedTuple

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch

from annlib.plotting.describe import describe, listing, number
from annlib.plotting.diagram import format_value, node_name, weight_name
from annlib.plotting.style import (
    BLACK,
    BLUE,
    GREY,
    LAYER_COLORS,
    SEQUENTIAL_CMAP,
    VERMILLION,
    label_axes,
    new_axes,
    place_legend,
)

__all__ = ["gradient_arrows", "plot_gradient_on_contours", "FanOut", "delta_fan_out", "plot_delta_fan_out"]


def _points(points, caller):
    points = np.asarray(points, dtype=np.float64)
    if points.ndim == 1 and points.shape == (2,):
        points = points.reshape(1, 2)
    if points.ndim != 2 or points.shape[1] != 2 or len(points) == 0:
        raise ValueError(f"{caller}: points has shape {points.shape}, expected (m, 2): one (w1, w2) pair per row")
    if not np.all(np.isfinite(points)):
        raise ValueError(f"{caller}: points must be finite numbers, got {points.tolist()}")
    return points


def gradient_arrows(gradient, points):
    """The gradient at each point: array (m, 2), row i = (dC/dw1, dC/dw2) at points[i].

    gradient: a function (w1, w2) -> (dC/dw1, dC/dw2); points: (m, 2), one (w1, w2) per row.
    """
    if not callable(gradient):
        raise TypeError(
            f"gradient_arrows: gradient must be a function (w1, w2) -> (dC/dw1, dC/dw2), got {type(gradient).__name__}"
        )
    points = _points(points, "gradient_arrows")
    arrows = []
    for w1, w2 in points:
        value = np.asarray(gradient(float(w1), float(w2)), dtype=np.float64).ravel()
        if value.shape != (2,):
            raise ValueError(
                f"gradient_arrows: gradient({w1:g}, {w2:g}) gave {value.size} numbers, expected 2: (dC/dw1, dC/dw2)"
            )
        if not np.all(np.isfinite(value)):
            raise ValueError(f"gradient_arrows: gradient({w1:g}, {w2:g}) is not finite: {value.tolist()}")
        arrows.append(value)
    return np.array(arrows)


def _grid(values, caller, name):
    values = np.asarray(values, dtype=np.float64)
    if values.ndim != 1 or len(values) < 2 or not np.all(np.diff(values) > 0):
        raise ValueError(f"{caller}: {name} must be at least two increasing numbers (the grid of one weight)")
    return values


def _cost_grid(cost, values_1, values_2):
    """cost over the grid: (len(values_2), len(values_1)), rows following w2 (as loss_surface)."""
    if not callable(cost):
        raise TypeError(f"plot_gradient_on_contours: cost must be a function (w1, w2) -> C, got {type(cost).__name__}")
    grid_1, grid_2 = np.meshgrid(values_1, values_2)
    surface = np.broadcast_to(np.asarray(cost(grid_1, grid_2), dtype=np.float64), grid_1.shape).copy()
    if not np.all(np.isfinite(surface)):
        raise ValueError("plot_gradient_on_contours: cost is not finite everywhere on the grid")
    return grid_1, grid_2, surface


def plot_gradient_on_contours(
    cost,
    gradient,
    points,
    *,
    values_1,
    values_2,
    learning_rate=None,
    start=None,
    scale=None,
    names=("w_1", "w_2"),
    levels=8,
    ax=None,
    title=None,
):
    """Contour lines of C(w1, w2) with the gradient drawn as an arrow at each point; return the axes.

    points:        (m, 2), where to draw the gradient (a dot at each foot).
    values_1/2:    the grid of each weight (increasing); the axes keep one scale for both weights, so
                   that "perpendicular to the contour" looks perpendicular.
    learning_rate: when given, also draw the step -learning_rate * gradient (dashed) from `start`
                   (default: the first point), and draw the arrows at that same scale.
    scale:         the arrows are scale * gradient (default: learning_rate if given, else such that
                   the longest arrow is a fifth of the narrower side of the grid); the legend says it.
    names:         the two weights as LaTeX (without $): ("w_1", "w_2") or ("w_{a1}", "w_{b1}").
    levels:        how many contour lines (spaced by squares, as a bowl's rings), or the levels themselves.
    """
    caller = "plot_gradient_on_contours"
    values_1, values_2 = _grid(values_1, caller, "values_1"), _grid(values_2, caller, "values_2")
    points = _points(points, caller)
    arrows = gradient_arrows(gradient, points)
    if learning_rate is not None and not (np.isscalar(learning_rate) and learning_rate > 0):
        raise ValueError(f"{caller}: learning_rate must be a number > 0, got {learning_rate!r}")
    if scale is not None and not (np.isscalar(scale) and scale > 0):
        raise ValueError(f"{caller}: scale must be a number > 0, got {scale!r}")
    if len(names) != 2:
        raise ValueError(f"{caller}: names must be two LaTeX names, one per weight, got {names!r}")
    if start is not None and learning_rate is None:
        raise ValueError(f"{caller}: start is where the step -learning_rate * gradient begins; give learning_rate too")
    grid_1, grid_2, surface = _cost_grid(cost, values_1, values_2)
    sizes = np.hypot(arrows[:, 0], arrows[:, 1])
    if scale is None:
        narrow = min(values_1[-1] - values_1[0], values_2[-1] - values_2[0])
        scale = learning_rate if learning_rate is not None else (narrow / 5 / sizes.max() if sizes.max() > 0 else 1.0)

    if np.isscalar(levels):
        # Spaced by squares: a bowl's rings come out evenly spaced, and the bottom gets lines too.
        low, high = surface.min(), surface.max()
        levels = low + (high - low) * np.linspace(0.0, 1.0, int(levels) + 2)[1:-1] ** 2
    ax = new_axes(ax, figsize=(6.4, 5.2))
    # The sequential map without its palest end, so that every line stands out on white.
    colours = plt.get_cmap(SEQUENTIAL_CMAP)(np.linspace(0.0, 0.8, len(levels)))
    lines = ax.contour(grid_1, grid_2, surface, levels=levels, colors=colours, linewidths=1.2)
    ax.clabel(lines, fontsize=8, fmt=lambda v: format_value(v, 2))
    row, column = np.unravel_index(np.argmin(surface), surface.shape)
    lowest = (values_1[column], values_2[row], surface[row, column])
    ax.plot([lowest[0]], [lowest[1]], "*", color="white", markeredgecolor=BLACK, markersize=15, zorder=4)
    ax.plot(points[:, 0], points[:, 1], "o", color=BLUE, markersize=5, zorder=5)
    ax.quiver(
        points[:, 0],
        points[:, 1],
        scale * arrows[:, 0],
        scale * arrows[:, 1],
        angles="xy",
        scale_units="xy",
        scale=1,
        color=BLUE,
        width=0.006,
        zorder=5,
    )
    symbol = r"\nabla C"
    arrow_label = f"${symbol}$ at each dot" + ("" if scale == 1 else f" (drawn × {scale:g})")
    handles = [
        Line2D([], [], color=BLUE, marker="o", linewidth=2, label=arrow_label),
        Line2D(
            [],
            [],
            color="white",
            marker="*",
            markeredgecolor=BLACK,
            markersize=12,
            linestyle="none",
            label=f"lowest cost on the grid, {lowest[2]:.2g}",
        ),
    ]
    step_text = ""
    if learning_rate is not None:
        start = points[0] if start is None else _points(start, caller)[0]
        step = -learning_rate * gradient_arrows(gradient, start.reshape(1, 2))[0]
        ax.add_patch(
            FancyArrowPatch(
                tuple(start),
                tuple(start + step),
                arrowstyle="-|>",
                mutation_scale=16,
                linestyle="--",
                linewidth=2,
                color=VERMILLION,
                zorder=6,
            )
        )
        ax.plot([start[0] + step[0]], [start[1] + step[1]], "s", color=VERMILLION, markersize=6, zorder=6)
        handles.append(
            Line2D(
                [],
                [],
                color=VERMILLION,
                marker="s",
                linestyle="--",
                linewidth=2,
                label=rf"step $-\eta\,{symbol}$ to the square, $\eta$ = {learning_rate:g}",
            )
        )
        step_text = (
            f" The dashed arrow from ({number(start[0])}, {number(start[1])}) is the step -η∇C with "
            f"η = {number(learning_rate)}: it points the opposite way, downhill, to the square at "
            f"({number(start[0] + step[0])}, {number(start[1] + step[1])})."
        )
    ax.set_xlim(values_1[0], values_1[-1])
    ax.set_ylim(values_2[0], values_2[-1])
    ax.set_aspect("equal")
    place_legend(ax, handles=handles, fontsize=9)
    longest = int(np.argmax(sizes))
    plain = [name.replace("{", "").replace("}", "") for name in names]
    describe(
        ax,
        f"Contour plot of the cost over two weights, {plain[0]} across and {plain[1]} up, with the cost "
        f"written on its lines, from {number(surface.min())} to {number(surface.max())}, lowest at the star "
        f"({number(lowest[0])}, {number(lowest[1])}). At {len(points)} dots an arrow shows the gradient ∇C, "
        f"perpendicular to the contour line through the dot and pointing uphill, longest "
        f"({number(sizes[longest])}) at ({number(points[longest, 0])}, {number(points[longest, 1])}), where "
        f"the cost climbs most steeply.{step_text}",
    )
    default = r"the gradient $\nabla C$ points uphill, across the contour lines"
    return label_axes(ax, f"weight ${names[0]}$", f"weight ${names[1]}$", default if title is None else title)


class FanOut(NamedTuple):
    """The error signal of one hidden neuron j gathered from the k neurons it feeds (one example).

    deltas_next: (k,) the next layer's error signals; weights: (k,) W[j, :] of the next layer;
    terms: (k,) deltas_next * weights; total: their sum; slope: f'(z_j); delta: total * slope.
    """

    deltas_next: np.ndarray
    weights: np.ndarray
    terms: np.ndarray
    total: float
    slope: float
    delta: float


def _check_fan_out(network, layer, neuron, caller):
    layers = getattr(network, "layers", None)
    if layers is None:
        raise TypeError(f"{caller}: network must be an annlib.Network, got {type(network).__name__}")
    if isinstance(layer, bool) or not isinstance(layer, (int, np.integer)) or not 0 <= layer < len(layers) - 1:
        raise ValueError(
            f"{caller}: layer={layer!r} must be a hidden layer that feeds another: 0 (layer 1) to "
            f"{len(layers) - 2} (layer {len(layers) - 1}) in this network of {len(layers)} layers"
        )
    hidden, after = layers[layer], layers[layer + 1]
    if isinstance(neuron, bool) or not isinstance(neuron, (int, np.integer)) or not 0 <= neuron < hidden.n_outputs:
        raise ValueError(
            f"{caller}: neuron={neuron!r} is not in layer {layer + 1}, which has {hidden.n_outputs} neurons"
        )
    if hidden.z is None or np.shape(hidden.z)[0] != 1:
        shape = None if hidden.z is None else np.shape(hidden.z)
        raise ValueError(
            f"{caller}: layer {layer + 1} holds z of shape {shape}; run forward and backward on ONE example first "
            "(as Stepper.backward does), so that each dC/db is that neuron's delta"
        )
    if hidden.activation.name == "softmax":
        raise ValueError(
            f"{caller}: a softmax layer has no derivative per neuron; choose a layer with another activation"
        )
    return hidden, after


def delta_fan_out(network, layer=0, neuron=0):
    """The sum that gives delta of `neuron` in `layer`, from the layer after it; returns a FanOut.

    network: an annlib.Network after forward and backward on ONE example (for one example dC/db = delta,
    so the next layer's grad_b holds its deltas). Lesson 06: delta_j = (sum_k delta_k W[j, k]) f'(z_j).
    """
    hidden, after = _check_fan_out(network, layer, neuron, "delta_fan_out")
    deltas_next = np.asarray(after.grad_b, dtype=np.float64).copy()  # (k,)
    weights = np.asarray(after.W[neuron], dtype=np.float64).copy()  # (k,): the fan leaving neuron j
    terms = deltas_next * weights
    z = hidden.z[:, [neuron]]
    slope = float(np.ravel(hidden.activation.derivative(z, hidden.activation.forward(z)))[0])
    total = float(terms.sum())
    return FanOut(deltas_next, weights, terms, total, slope, total * slope)


def _math_weight(layer, j, k):
    """w^{(l)}_{a1} for W[j, k] of network.layers[layer] (the name weight_name writes w2a1)."""
    name = weight_name(layer, j, k)
    inside = name[1:] if layer == 0 else name[1 + len(str(layer + 1)) :]
    letters = inside.rstrip("0123456789")
    return rf"w^{{({layer + 1})}}_{{{letters}{k + 1}}}"


def _signed(text):
    """A number written as a factor or a later term: in parentheses when negative, "(-0.5)"."""
    return f"({text})" if text.startswith("-") else text


def plot_delta_fan_out(network, layer=0, neuron=0, *, digits=3, ax=None, title=None):
    """Draw how delta of one hidden neuron is gathered from the neurons it feeds; return the axes.

    Left, the neurons of layer `layer` + 1 (the chosen one outlined); right, the layer after it, each
    neuron with its delta. An arrow runs back from each of those to the chosen neuron, labelled with its
    term delta_k * w_jk; under the chosen neuron, their sum times f'(z_j) gives its delta.
    network: as for delta_fan_out (forward and backward on one example done).
    """
    fan = delta_fan_out(network, layer, neuron)
    sizes = list(network.sizes)
    n_hidden, n_next = sizes[layer + 1], sizes[layer + 2]
    show = lambda value: format_value(value, digits)  # noqa: E731
    f_prime = r"\sigma'" if network.layers[layer].activation.name == "sigmoid" else "f'"
    ell, nxt, j = layer + 1, layer + 2, neuron + 1

    ax = new_axes(ax, figsize=(9.0, max(4.2, 1.7 * max(n_hidden, n_next) + 1.6)))
    gap = 1.6
    left = [(0.0, ((n_hidden - 1) / 2 - i) * gap) for i in range(n_hidden)]
    right = [(5.0, ((n_next - 1) / 2 - k) * gap) for k in range(n_next)]
    radius = 0.36
    for a in left:  # the forward connections, faint, for context
        for b in right:
            ax.plot([a[0], b[0]], [a[1], b[1]], color=GREY, linewidth=0.8, alpha=0.5, zorder=1)
    for i, centre in enumerate(left):
        chosen = i == neuron
        ax.add_patch(
            Circle(
                centre,
                radius,
                facecolor=LAYER_COLORS["hidden"],
                edgecolor=BLACK if chosen else GREY,
                linewidth=2.6 if chosen else 1.0,
                alpha=1.0 if chosen else 0.6,
                zorder=3,
            )
        )
        ax.text(*centre, node_name(layer + 1, i, sizes), ha="center", va="center", fontsize=11, zorder=4)
    next_kind = "output" if layer + 2 == len(sizes) - 1 else "hidden"
    styles = ["-", "--", ":", "-."]
    for k, centre in enumerate(right):
        ax.add_patch(Circle(centre, radius, facecolor=LAYER_COLORS[next_kind], edgecolor=BLACK, zorder=3))
        ax.text(*centre, node_name(layer + 2, k, sizes), ha="center", va="center", fontsize=11, zorder=4)
        ax.text(
            centre[0] + radius + 0.15,
            centre[1],
            rf"$\delta^{{({nxt})}}_{{{k + 1}}}$ = {show(fan.deltas_next[k])}",
            ha="left",
            va="center",
            fontsize=11,
        )
        target = left[neuron]
        bend = 0.2 if centre[1] > target[1] else -0.2  # from above: bulge up; from level or below: down
        ax.add_patch(
            FancyArrowPatch(
                centre,
                target,
                connectionstyle=f"arc3,rad={bend}",
                arrowstyle="-|>",
                mutation_scale=18,
                shrinkA=radius * 72 * 0.6,
                shrinkB=radius * 72 * 0.6,
                linewidth=2.2,
                linestyle=styles[k % len(styles)],
                color=VERMILLION,
                zorder=2,
            )
        )
        # The label on its arrow: the middle of matplotlib's arc3 curve is the chord's middle moved by
        # bend/2 times the chord turned a quarter (dy, -dx).
        dx, dy = target[0] - centre[0], target[1] - centre[1]
        middle = ((centre[0] + target[0]) / 2 + bend / 2 * dy, (centre[1] + target[1]) / 2 - bend / 2 * dx)
        ax.text(
            *middle,
            rf"$\delta^{{({nxt})}}_{{{k + 1}}}\,{_math_weight(layer + 1, neuron, k)}$"
            f" = {show(fan.deltas_next[k])} × {_signed(show(fan.weights[k]))} = {show(fan.terms[k])}",
            ha="center",
            va="center",
            fontsize=10.5,
            color=BLACK,
            bbox=dict(boxstyle="round,pad=0.25", facecolor="white", edgecolor=VERMILLION, linewidth=0.8),
        )
    low = min(p[1] for p in left + right) - 1.35
    sum_text = " + ".join(_signed(show(t)) for t in fan.terms)
    ax.text(
        left[neuron][0] - 0.6,
        low,
        rf"$\delta^{{({ell})}}_{{{j}}} = \left(\sum_k \delta^{{({nxt})}}_k\, w^{{({nxt})}}_{{jk}}\right)"
        rf"{f_prime}(z^{{({ell})}}_{{{j}}})$" + "\n"
        f"= ({sum_text}) × {_signed(show(fan.slope))} = {show(fan.total)} × {_signed(show(fan.slope))}"
        f" = {show(fan.delta)}",
        ha="left",
        va="top",
        fontsize=11,
    )
    top = max(p[1] for p in left + right) + 1.0
    ax.text(0.0, top - 0.3, f"layer {ell}", ha="center", fontsize=10, color=GREY)
    ax.text(5.0, top - 0.3, f"layer {nxt}", ha="center", fontsize=10, color=GREY)
    ax.set_xlim(-1.0, 7.6)
    ax.set_ylim(low - 0.9, top)
    ax.set_aspect("equal")
    ax.axis("off")
    hidden_name = node_name(layer + 1, neuron, sizes)
    fed = listing(node_name(layer + 2, k, sizes) for k in range(n_next))
    describe(
        ax,
        f"Diagram of how the error signal of neuron {hidden_name} in layer {ell} is gathered from the "
        f"{n_next} neurons it feeds, {fed}: an arrow runs back from each, carrying its δ times the weight of "
        f"its connection ({listing(number(t) for t in fan.terms)}). Their sum, {number(fan.total)}, times the "
        f"slope of the activation at {hidden_name}, {number(fan.slope)}, gives its δ, {number(fan.delta)}.",
    )
    default = f"δ of {hidden_name}: a sum over the neurons it feeds, times the slope of its activation"
    return label_axes(ax, title=default if title is None else title)
