"""The computational graph of one neuron, with the local derivative on every edge (lessons 05 and 06).

A computation is drawn as a graph: each box is a value (an input, a weight, an intermediate result, the
cost), each arrow says which value is computed from which. Written on each arrow is its *local
derivative*, how much the value at the head changes per unit change of the value at the tail. The chain
rule (lesson 05) multiplies these along a path; backpropagation (lesson 06) does exactly that, from the
cost back to every weight:

    x, w  ->  x . w  ->  z = x . w + b  ->  a = sigma(z)  ->  C = (a - y)^2
                           b  ->

With numbers, the value of each box is written above it (the forward pass) and dC/d(that value) under
it in red (the backward pass): the gradient of a box is the gradient of the box after it times the
local derivative on the arrow between them.

    draw_computational_graph(nodes, edges, ax=None, *, values=None, gradients=None, title=None)
    draw_neuron_graph(ax=None, *, values=None, gradients=None, title=None)
    NEURON_NODES, NEURON_EDGES            the one-neuron graph that draw_neuron_graph draws
"""

import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from annlib.plotting.describe import describe, listing, number
from annlib.plotting.style import BLACK, BLUE, GREY, VERMILLION, new_axes

__all__ = ["draw_computational_graph", "draw_neuron_graph", "NEURON_NODES", "NEURON_EDGES"]

# name: (x, y, label) in data units; the label is what the box shows.
NEURON_NODES = {
    "x": (0.0, 1.3, "$x$"),
    "w": (0.0, -0.9, "$w$"),
    "xw": (3.8, 0.2, r"$x \cdot w$"),
    "b": (3.8, -1.6, "$b$"),
    "z": (6.6, 0.2, r"$z = x \cdot w + b$"),
    "a": (10.2, 0.2, r"$a = \sigma(z)$"),
    "y": (10.2, -1.6, "$y$"),
    "C": (13.4, 0.2, r"$C = (a - y)^2$"),
}

# (from, to, local derivative d(to)/d(from)); None draws the arrow without a label.
NEURON_EDGES = [
    ("x", "xw", "$w$"),
    ("w", "xw", "$x$"),
    ("xw", "z", "$1$"),
    ("b", "z", "$1$"),
    ("z", "a", r"$\sigma'(z) = a(1 - a)$"),
    ("a", "C", "$2(a - y)$"),
    ("y", "C", None),
]

_BOX_HEIGHT = 0.55
_CHARACTER_WIDTH = 0.12  # data units per character of a label, to size the boxes


def _format(value):
    """A number with three significant figures, an array as a short list, a string as it is."""
    if isinstance(value, str):
        return value
    array = np.asarray(value, dtype=float)
    if array.size == 1:
        return f"{array.item():.3g}"
    return "[" + ", ".join(f"{v:.3g}" for v in array.ravel()) + "]"


def _check_keys(caller, name, given, nodes):
    if given is None:
        return {}
    unknown = [key for key in given if key not in nodes]
    if unknown:
        raise ValueError(
            f"{caller}: {name} has keys {unknown} that are not nodes of the graph; expected some of {list(nodes)}"
        )
    return dict(given)


def _plain(label):
    """A box's TeX label as plain text: "$z = x \\cdot w + b$" -> "z = x · w + b"."""
    for tex, plain in ((r"\cdot", "·"), (r"\sigma", "σ"), (r"\partial", "∂"), ("^2", "²"), ("$", ""), ("\\", "")):
        label = label.replace(tex, plain)
    return " ".join(label.split())


def _short(value):
    if isinstance(value, str):
        return value
    array = np.ravel(np.asarray(value, dtype=float))
    return number(array[0]) if array.size == 1 else "(" + ", ".join(number(v) for v in array) + ")"


def graph_text(nodes, edges, values, gradients):
    """The text alternative of a computational graph: which box feeds which, and the numbers written on it."""
    feeds = {}
    for source, target, _ in edges:
        feeds.setdefault(target, []).append(_plain(nodes[source][2]).split(" = ")[0])
    steps = "; ".join(
        f"{listing(sources)} {'feeds' if len(sources) == 1 else 'feed'} {_plain(nodes[target][2])}"
        for target, sources in feeds.items()
    )
    text = (
        f"Computational graph of {len(nodes)} boxes joined by arrows, left to right: {steps}. "
        "Each arrow carries its local derivative."
    )
    if values:
        text += " Above the boxes, the forward pass's values: " + listing(
            f"{_plain(nodes[name][2]).split(' = ')[0]} = {_short(v)}" for name, v in values.items()
        )
        text += "."
    if gradients:
        text += " Under them, in red, the backward pass's gradients: " + listing(
            f"∂C/∂{name if name != 'xw' else '(xw)'} = {_short(g)}" for name, g in gradients.items()
        )
        text += "."
    return text


def _box_width(label):
    # Characters that TeX does not print ($, backslash commands) make a label look longer than it is.
    visible = label.replace("$", "").replace(r"\sigma", "s").replace(r"\cdot", ".").replace("\\", "")
    return max(0.8, _CHARACTER_WIDTH * len(visible) + 0.4)


def draw_computational_graph(nodes, edges, ax=None, *, values=None, gradients=None, title=None):
    """Draw a computational graph: boxes for values, arrows labelled with their local derivatives.

    nodes: {name: (x, y, label)}; edges: [(from, to, local derivative label or None), ...];
    values: {name: number, array or text} written above the boxes (the forward pass);
    gradients: {name: dC/d(name)} written under the boxes in red (the backward pass).
    Returns the axes.
    """
    for source, target, _ in edges:
        for end in (source, target):
            if end not in nodes:
                raise ValueError(
                    f"draw_computational_graph: the edge {source!r} -> {target!r} names {end!r}, "
                    f"which is not a node; expected one of {list(nodes)}"
                )
    values = _check_keys("draw_computational_graph", "values", values, nodes)
    gradients = _check_keys("draw_computational_graph", "gradients", gradients, nodes)
    xs = [x for x, _, _ in nodes.values()]
    ys = [y for _, y, _ in nodes.values()]
    ax = new_axes(ax, figsize=(0.95 * (max(xs) - min(xs) + 3), 1.1 * (max(ys) - min(ys) + 2.6)))
    widths = {name: _box_width(label) for name, (_, _, label) in nodes.items()}

    for source, target, derivative in edges:
        (x0, y0, _), (x1, y1, _) = nodes[source], nodes[target]
        start = (x0 + widths[source] / 2, y0) if x1 > x0 else (x0, y0)
        end = (x1 - widths[target] / 2, y1) if x1 > x0 else (x1, y1)
        arrow = FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=14, color=GREY, linewidth=1.4)
        ax.add_patch(arrow)
        if derivative is not None:
            # Beside the arrow, on its upper side, so the label never sits on the line; a little past
            # the middle, so it clears the text written under the box the arrow leaves.
            dx, dy = end[0] - start[0], end[1] - start[1]
            length = np.hypot(dx, dy)
            normal = np.array([-dy, dx]) / length if dx >= 0 else np.array([dy, -dx]) / length
            place = np.array([start[0] + 0.6 * dx, start[1] + 0.6 * dy]) + 0.2 * normal
            ax.text(*place, derivative, ha="center", va="center", color=BLUE, fontsize=10)

    for name, (x, y, label) in nodes.items():
        width = widths[name]
        box = FancyBboxPatch(
            (x - width / 2, y - _BOX_HEIGHT / 2),
            width,
            _BOX_HEIGHT,
            boxstyle="round,pad=0.04,rounding_size=0.12",
            facecolor="white",
            edgecolor=BLACK,
            linewidth=1.2,
        )
        ax.add_patch(box)
        ax.text(x, y, label, ha="center", va="center", fontsize=11, color=BLACK)
        if name in values:
            ax.text(x, y + _BOX_HEIGHT / 2 + 0.08, _format(values[name]), ha="center", va="bottom", fontsize=10)
        if name in gradients:
            text = rf"$\partial C/\partial {name if name != 'xw' else '(xw)'}$ = {_format(gradients[name])}"
            ax.text(x, y - _BOX_HEIGHT / 2 - 0.08, text, ha="center", va="top", fontsize=10, color=VERMILLION)

    describe(ax, graph_text(nodes, edges, values, gradients))
    ax.set_xlim(min(xs) - 1.4, max(xs) + 1.6)
    ax.set_ylim(min(ys) - 0.9, max(ys) + 0.9)
    ax.set_aspect("equal")
    ax.axis("off")
    if title is not None:
        ax.set_title(title)
    return ax


def draw_neuron_graph(ax=None, *, values=None, gradients=None, title=None):
    """The computational graph of one neuron with the squared error, local derivatives on the edges.

    values and gradients: optional {node: number or array} for the nodes "x", "w", "b", "xw", "z",
    "a", "y", "C": values above the boxes (forward), dC/d(node) under them in red (backward).
    Returns the axes.
    """
    return draw_computational_graph(NEURON_NODES, NEURON_EDGES, ax, values=values, gradients=gradients, title=title)
