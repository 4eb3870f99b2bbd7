"""Descent drawn on the loss surface: the path an optimizer really takes over two weights (lessons 04, 07).

Lesson 04 draws the loss over two weights as a surface; training walks downhill on it. These functions
let an optimizer of annlib.optimizers take that walk, two weights free and every other parameter held,
and draw where it goes:

    descent_path(network, X, y, loss, optimizer, *, weights=..., start=None, steps=30)
        the numbers behind the figure: a DescentPath of the points visited and the loss at each
    path_summary(path, lowest)
        the path in words: where it starts, where it ends, and how (straight downhill, oscillating
        across the valley, crawling, diverging), read from its numbers
    plot_descent(network, X, y, loss, paths, *, weights=..., start=None, steps=30, ...)
        the paths laid over the surface's contour lines: start, end and lowest point marked, each path
        with its own colour, line style and marker

A weight is given as (layer, i, j): W[i, j] of that layer, as in annlib.plotting.losses. The network's
parameters are always put back as they were.
"""

import copy
import numbers
from typing import NamedTuple

import numpy as np
from matplotlib.lines import Line2D

from annlib.losses import get_loss
from annlib.optimizers import Optimizer
from annlib.plotting.describe import describe, number
from annlib.plotting.diagram import weight_name
from annlib.plotting.losses import _check_weight, loss_surface
from annlib.plotting.style import (
    BLACK,
    BLUE,
    BLUISH_GREEN,
    REDDISH_PURPLE,
    SEQUENTIAL_CMAP,
    VERMILLION,
    label_axes,
    new_axes,
)

__all__ = ["DescentPath", "descent_path", "path_summary", "plot_descent"]

# Path k is drawn in colour, line style and marker PATH_STYLES[k]: three cues, so paths differ in black and white.
PATH_STYLES = [
    (VERMILLION, "-", "o"),
    (BLUE, "--", "s"),
    (BLACK, ":", "^"),
    (REDDISH_PURPLE, "-.", "D"),
    (BLUISH_GREEN, (0, (5, 1, 1, 1, 1, 1)), "v"),
]

# A path that ends within this share of its starting distance from the lowest point has reached it.
REACHED = 0.03


class DescentPath(NamedTuple):
    """Where an optimizer went: points (n_steps + 1, 2), the two weights after each step (row 0 is the
    start); losses (n_steps + 1,), the loss at each point."""

    points: np.ndarray
    losses: np.ndarray


def _check_weights(network, weights, caller):
    try:
        (l1, i1, j1), (l2, i2, j2) = weights
    except (TypeError, ValueError):
        raise ValueError(f"{caller}: weights must be two (layer, i, j) triples, got {weights!r}") from None
    if (l1, i1, j1) == (l2, i2, j2):
        raise ValueError(f"{caller}: the two weights are the same weight; choose two different ones")
    return (
        (_check_weight(network, l1, i1, j1, caller), i1, j1, l1),
        (_check_weight(network, l2, i2, j2, caller), i2, j2, l2),
    )


def _start(network, weights, start, caller):
    (W1, i1, j1, _), (W2, i2, j2, _) = _check_weights(network, weights, caller)
    if start is None:
        return np.array([W1[i1, j1], W2[i2, j2]], dtype=np.float64)
    point = np.asarray(start, dtype=np.float64)
    if point.shape != (2,) or not np.isfinite(point).all():
        raise ValueError(f"{caller}: start must be two finite numbers (one per weight), got {start!r}")
    return point.copy()


def descent_path(network, X, y, loss, optimizer, *, weights=((0, 0, 0), (0, 1, 0)), start=None, steps=30):
    """The path `optimizer` takes over two weights of `network`, every other parameter held: a DescentPath.

    X: (n_samples, n_inputs); y: (n_samples, n_outputs). optimizer: an annlib optimizer (SGD, Momentum,
    Adam); a copy of it, its state forgotten, takes the steps, so the one given is left as it was.
    start: the two weights' values at the start (default: their current values). Each step is one
    iteration of lesson 06 on the whole data set: forward, loss, backward, then optimizer.step on the
    two weights' gradients alone. A path stops early where the loss is no longer a finite number.
    """
    caller = "descent_path"
    loss = get_loss(loss, caller=caller)
    if not isinstance(optimizer, Optimizer):
        raise TypeError(f"{caller}: optimizer must be an annlib optimizer such as SGD(0.1), got {optimizer!r}")
    if isinstance(steps, bool) or not isinstance(steps, numbers.Integral) or steps < 1:
        raise ValueError(f"{caller}: steps must be a whole number >= 1, got {steps!r}")
    (W1, i1, j1, l1), (W2, i2, j2, l2) = _check_weights(network, weights, caller)
    pair = _start(network, weights, start, caller)  # (2,): the only array the optimizer updates
    optimizer = copy.deepcopy(optimizer)
    optimizer.reset()
    y = np.asarray(y, dtype=np.float64).reshape(len(X), -1)
    at_z = loss.paired_activation == network.output_activation  # as train_step starts backward
    kept = network.get_weights()
    points, losses = [], []
    try:
        for step in range(steps + 1):
            W1[i1, j1], W2[i2, j2] = pair
            with np.errstate(over="ignore", invalid="ignore"):
                y_pred = network.forward(X) if np.isfinite(pair).all() else None
                value = float(loss.value(y_pred, y)) if y_pred is not None else float("nan")
            if not np.isfinite(value):
                break  # diverged: nothing sound to draw beyond here
            points.append(pair.copy())
            losses.append(value)
            if step == steps:
                break
            network.backward(loss.gradient(y_pred, y, at_z=at_z), at_z=at_z)
            gradient = np.array([network.layers[l1].grad_W[i1, j1], network.layers[l2].grad_W[i2, j2]])
            optimizer.step([pair], [gradient])
    finally:
        network.set_weights(kept)
    return DescentPath(np.array(points).reshape(-1, 2), np.array(losses))


def _as_path(path, caller):
    if isinstance(path, DescentPath):
        return path
    raise TypeError(f"{caller}: expected a DescentPath (from descent_path), got {type(path).__name__}")


def _turns(points):
    """How many times a path turns back: consecutive steps pointing in opposite directions."""
    moves = np.diff(points, axis=0)
    return int(np.sum(np.einsum("ij,ij->i", moves[:-1], moves[1:]) < 0))


def path_summary(path, lowest):
    """In words, from the numbers: how `path` (a DescentPath) goes relative to `lowest`, the point (2,) of
    lowest loss. Returns a dict: "how" (a phrase), "reached" (bool), "diverged" (bool), "turns" (int),
    "swings" (int), "progress" (the share of the starting distance to `lowest` covered: 1 at `lowest`).

    A path has reached the lowest point when it ends within 3% of its starting distance from it (it
    "settles" there when it also stays that close from the step it first arrives); it has diverged when
    it ends farther away than it started, or has no step at all (descent_path stops before a loss that is
    not finite, so a first step that blew up leaves only the start). Turns: steps
    that point back against the step before (zig-zags across a valley). Swings: times the path, having
    come closer to the lowest point, moves away from it again by more than 3% of the starting distance
    (overshooting it, as momentum does). A path that settles has both counted on its way in.
    """
    path = _as_path(path, "path_summary")
    lowest = np.asarray(lowest, dtype=np.float64)
    if lowest.shape != (2,):
        raise ValueError(f"path_summary: lowest must be one point (two numbers), got shape {lowest.shape}")
    distances = np.linalg.norm(path.points - lowest, axis=1)
    first = distances[0]
    n_steps = len(path.points) - 1
    if first == 0:
        return {
            "how": "starts at the lowest point and stays there",
            "reached": True,
            "diverged": False,
            "turns": 0,
            "swings": 0,
            "progress": 1.0,
        }
    near = distances <= REACHED * first
    arrived = int(np.argmax(near)) if near.any() else n_steps
    progress = 1.0 - distances[-1] / first
    reached = bool(near[-1])
    settled = reached and bool(near[arrived:].all())
    until = arrived if settled else n_steps  # a path that settles: count its turns on the way in
    turns = _turns(path.points[: until + 1])
    swings = _swings(distances[: until + 1], REACHED * first)
    diverged = distances[-1] > first or n_steps < 1
    if diverged:
        manner = "overshoots farther at every turn" if turns >= n_steps // 2 else "moves away"
        how = (
            f"{manner} and diverges: after {n_steps} steps it is "
            f"{number(distances[-1] / first)} times as far from the lowest point as at the start"
        )
    elif turns or swings:
        if turns >= 3:
            manner = f"overshoots and oscillates across the valley ({turns} turns)"
        else:
            manner = f"overshoots the lowest point and swings back {_times(max(swings, turns))}"
        if settled:
            how = f"{manner}, then settles at the lowest point by step {arrived}"
        elif reached:
            how = f"{manner}, then wanders around the lowest point and ends near it"
        else:
            how = f"{manner}, and ends {_percent(1 - progress)} of its starting distance away from it"
    elif settled:
        how = f"goes straight downhill and reaches the lowest point in {arrived} steps"
    elif progress < 0.5:
        how = f"crawls: in {n_steps} steps it covers only {_percent(progress)} of the way to the lowest point"
    else:
        how = f"goes straight downhill and covers {_percent(progress)} of the way there in {n_steps} steps"
    return {
        "how": how,
        "reached": reached,
        "diverged": bool(diverged),
        "turns": turns,
        "swings": swings,
        "progress": float(progress),
    }


def _swings(distances, margin):
    """Times the distance, after falling, rises by more than `margin` above its low (counted once per rise)."""
    swings, low, peak, away = 0, distances[0], None, False
    for d in distances[1:]:
        if away:
            peak = max(peak, d)
            if d < peak - margin:  # on its way back in: the next rise is a new swing
                away, low = False, d
        elif d > low + margin:
            swings, away, peak = swings + 1, True, d
        else:
            low = min(low, d)
    return swings


def _times(k):
    return {1: "once", 2: "twice"}.get(k, f"{k} times")


def _percent(share):
    return f"{number(100 * share)}%"


def _point(p):
    return f"({number(p[0])}, {number(p[1])})"


def _levels(surface, n=16):
    """Contour levels: spaced evenly in log(loss) when the loss is positive, so the valley floor shows."""
    low, high = float(surface.min()), float(surface.max())
    if low > 0 and high > 2 * low:
        return np.geomspace(low, high, n)
    return np.linspace(low, high, n)


def _inside(point, limits):
    (x0, x1), (y0, y1) = limits
    return x0 <= point[0] <= x1 and y0 <= point[1] <= y1


def _limits(start, span, limits, caller):
    if limits is None:
        if not isinstance(span, numbers.Real) or not span > 0:
            raise ValueError(f"{caller}: span must be a number > 0, got {span!r}")
        return (start[0] - span, start[0] + span), (start[1] - span, start[1] + span)
    try:
        (x0, x1), (y0, y1) = ((float(a), float(b)) for a, b in limits)
    except (TypeError, ValueError):
        raise ValueError(f"{caller}: limits must be ((low_1, high_1), (low_2, high_2)), got {limits!r}") from None
    if not (x0 < x1 and y0 < y1):
        raise ValueError(f"{caller}: each of limits must run from low to high, got {limits!r}")
    return (x0, x1), (y0, y1)


def plot_descent(
    network,
    X,
    y,
    loss,
    paths,
    *,
    weights=((0, 0, 0), (0, 1, 0)),
    start=None,
    steps=30,
    span=3.0,
    limits=None,
    resolution=61,
    colorbar=True,
    legend=True,
    ax=None,
    title=None,
):
    """Lay optimizers' paths over the contour lines of the loss over two weights; return the axes.

    paths: {label: an annlib optimizer, or a DescentPath}; an optimizer walks from `start` (default: the
    two weights' current values) for `steps` steps (descent_path). The surface is drawn over `limits`,
    ((low_1, high_1), (low_2, high_2)), or else within `span` of the start; every other parameter is held
    as it is in the network. The start (white circle), each path's end (its marker, large, edged black) and
    the lowest point (star) are marked; a path that leaves the drawn area is cut where it leaves.
    """
    caller = "plot_descent"
    if not isinstance(paths, dict) or not paths:
        raise ValueError(f"{caller}: paths must be a non-empty dict {{label: optimizer or DescentPath}}, got {paths!r}")
    if len(paths) > len(PATH_STYLES):
        raise ValueError(f"{caller}: at most {len(PATH_STYLES)} paths fit on one surface, got {len(paths)}")
    loss_name = get_loss(loss, caller=caller).name
    given_paths = [given for given in paths.values() if isinstance(given, DescentPath)]
    if start is None and given_paths:
        start = given_paths[0].points[0]  # paths already walked set the start
    first = _start(network, weights, start, caller)
    walked = _walk(network, X, y, loss, paths, weights, first, steps, caller)
    limits = _limits(first, span, limits, caller)
    if not _inside(first, limits):
        raise ValueError(f"{caller}: the start {tuple(first.tolist())} lies outside limits {limits}")
    values_1, values_2 = np.linspace(*limits[0], resolution), np.linspace(*limits[1], resolution)
    surface = loss_surface(network, X, y, loss, values_1, values_2, weights=weights)
    lowest, lowest_loss = _lowest(network, X, y, loss, weights, surface, values_1, values_2, walked)

    ax = new_axes(ax, figsize=(6.4, 5.6))
    grid_1, grid_2 = np.meshgrid(values_1, values_2)
    levels = _levels(surface)
    filled = ax.contourf(grid_1, grid_2, surface, levels=levels, cmap=SEQUENTIAL_CMAP, alpha=0.45)
    ax.contour(grid_1, grid_2, surface, levels=levels, colors="white", linewidths=0.6)
    if colorbar:
        ax.figure.colorbar(filled, ax=ax, label=f"loss ({loss_name})", format="%.2g")
    texts = [
        _draw_path(ax, label, path, style, limits, lowest) for (label, path), style in zip(walked.items(), PATH_STYLES)
    ]
    ax.plot(*first, "o", color="white", markeredgecolor=BLACK, markersize=11, zorder=5)
    # Under the paths' end markers (zorder 4), which are smaller: an end at the lowest point shows inside the star.
    ax.plot(*lowest, "*", color="white", markeredgecolor=BLACK, markersize=17, zorder=3.5)
    ax.set_xlim(*limits[0])
    ax.set_ylim(*limits[1])
    name_1, name_2 = _names(weights)
    if legend:
        handles, _ = ax.get_legend_handles_labels()
        marks = dict(linestyle="none", markeredgecolor=BLACK)
        handles += [
            Line2D([], [], marker="o", color="white", markersize=10, label="start", **marks),
            Line2D([], [], marker="o", color="#BBBBBB", markersize=10, label="end (large marker)", **marks),
            Line2D([], [], marker="*", color="white", markersize=13, label="lowest point", **marks),
        ]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, frameon=False, fontsize=8.5)
    paths_text = f"{len(walked)} paths" if len(walked) > 1 else "the path"
    describe(
        ax,
        f"Contour plot of the loss ({loss_name}) over the weights {name_1} and {name_2}, the lowest point (star) at "
        f"{_point(lowest)}, loss {number(lowest_loss)}, and {paths_text} from the start {_point(first)}, loss "
        f"{number(_loss_at_start(walked))}: " + "; ".join(texts) + ".",
    )
    default = f"descent over {name_1} and {name_2}"
    return label_axes(ax, f"weight {name_1}", f"weight {name_2}", default if title is None else title)


def _walk(network, X, y, loss, paths, weights, first, steps, caller):
    """{label: DescentPath}: each optimizer of `paths` walked from `first`; each given path checked to start there."""
    walked = {}
    for label, given in paths.items():
        if isinstance(given, Optimizer):
            walked[str(label)] = descent_path(network, X, y, loss, given, weights=weights, start=first, steps=steps)
        elif isinstance(given, DescentPath):
            if not np.allclose(given.points[0], first):
                raise ValueError(
                    f"{caller}: paths[{label!r}] starts at {tuple(given.points[0].tolist())}, not at the start "
                    f"{tuple(first.tolist())}: every path on one figure starts from one point"
                )
            walked[str(label)] = given
        else:
            raise TypeError(
                f"{caller}: paths[{label!r}] must be an annlib optimizer or a DescentPath, got {type(given).__name__}"
            )
    return walked


def _lowest(network, X, y, loss, weights, surface, values_1, values_2, walked):
    """The point of lowest loss: the grid's best, refined on a grid ten times finer around it, or a path's
    point where a path went lower still. Returns (point (2,), loss)."""
    row, column = np.unravel_index(np.argmin(surface), surface.shape)
    step_1, step_2 = values_1[1] - values_1[0], values_2[1] - values_2[0]
    fine_1 = np.linspace(values_1[column] - step_1, values_1[column] + step_1, 21)
    fine_2 = np.linspace(values_2[row] - step_2, values_2[row] + step_2, 21)
    fine = loss_surface(network, X, y, loss, fine_1, fine_2, weights=weights)
    row, column = np.unravel_index(np.argmin(fine), fine.shape)
    lowest, lowest_loss = np.array([fine_1[column], fine_2[row]]), float(fine[row, column])
    for path in walked.values():
        if len(path.losses) and path.losses.min() < lowest_loss:
            lowest, lowest_loss = path.points[np.argmin(path.losses)], float(path.losses.min())
    return lowest, lowest_loss


def _draw_path(ax, label, path, style, limits, lowest):
    """Draw one path (cut where it leaves the drawn area) and its end; return its text for the description."""
    colour, line_style, marker = style
    points = path.points
    outside = [k for k, p in enumerate(points) if not _inside(p, limits)]
    shown = points[: outside[0] + 1] if outside else points  # one point past the edge: the line leaves
    ax.plot(
        shown[:, 0],
        shown[:, 1],
        linestyle=line_style,
        marker=marker,
        color=colour,
        linewidth=1.6,
        markersize=4.5,
        label=label,
        zorder=3,
    )
    summary = path_summary(path, lowest)
    text = f"{label}: {summary['how']}, ending at {_point(points[-1])}, loss {number(path.losses[-1])}"
    if outside:
        text += f"; it leaves the drawn area at step {outside[0]}"
        inside_end = shown[-2]
        ax.annotate(
            f"leaves at step {outside[0]}",
            inside_end,
            xytext=(6, -12),
            textcoords="offset points",
            fontsize=8,
            color=colour,
            bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.8),
        )
    else:
        ax.plot(*points[-1], marker=marker, color=colour, markersize=11, markeredgecolor=BLACK, zorder=4)
    return text


def _loss_at_start(walked):
    return next(iter(walked.values())).losses[0]


def _names(weights):
    (l1, i1, j1), (l2, i2, j2) = weights
    return weight_name(l1, i1, j1), weight_name(l2, i2, j2)
