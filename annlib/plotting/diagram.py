"""The network diagram: neurons, connections, weights, values and gradients (lessons 00, 03 and 06).

A fully connected network is drawn layer by layer from left to right: every neuron is a circle and
every connection a line, coloured and thickened by its weight (blue negative, red positive, thicker
for larger |w|). Names follow the article:

    nodes     inputs x1, x2, ...; hidden layer 1 A11, A12, ...; hidden layer 2 A21, ...; output ŷ
    weights   the first layer keeps the article's names: the fan leaving input node x1 is wa1, wa2, ...,
              the fan leaving x2 is wb1, wb2, ...: weight_name(0, i, j) names W[i, j] of the first
              layer, letter 'a' + i for the input node, j + 1 for the neuron it reaches.
              Later layers put their number (counting layers from 1) in front: w2a1 is W[0, 0] of the
              second layer, from A11 to A21; w3b1 is W[1, 0] of the third, from A22 to the output.
              After 'z' the letters go on as 'aa', 'ab', ... (as spreadsheet columns do).

    draw_network(network, ax=None, *, activations=None, gradients=None, bias_gradients=None,
                 show_weights=True, labels="some", title=None)
    forward_values(network, x)            [x, a1, a2, ..., output] for one example
    weight_name(layer_index, i, j)        "wa1", "wb4", "w2a1", ...
    node_name(layer_index, j, sizes)      "x1", "A11", "ŷ", ...
    format_value(value, digits=2)         "0.39", "-0.0058": how the diagram writes every number
    draw_training_loop(ax=None)           the overview of training: forward, loss, backward, update, repeat
    NetworkPicture(network, ax=None)      the diagram kept, for a widget: picture.show(activations=...,
                                          gradients=..., weights=..., title=...) rewrites it in place
    network_figsize(network)              the figure size draw_network gives a network

What the diagram writes, so that it stays readable at the size a lesson shows it:
    connections  a chosen few are labelled (labels="some"): in every layer the fan leaving the first
                 node (wa1, wa2, ..., w2a1, w2a2, ...), and every connection into the output layer; the
                 others are named the same way, and the colour bar gives their values. labels="all"
                 labels them all (crowded: labels then sit wherever they overlap fewest others).
                 Gradients are labelled as what they are: "∂C/∂wa1 = -0.0058".
    biases       every neuron's bias is written above it ("b = 0.1", or "∂C/∂b = 0.012").
    numbers      one format everywhere: two significant figures, without an exponent or trailing
                 zeros (format_value).
"""

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import Normalize
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from annlib.plotting.describe import describe, listing, number
from annlib.plotting.style import (
    BLUE,
    GREY,
    LAYER_COLORS,
    ORANGE,
    REDDISH_PURPLE,
    SIGNED_CMAP,
    VERMILLION,
    new_axes,
    signed_norm,
)

__all__ = [
    "draw_network",
    "NetworkPicture",
    "network_figsize",
    "forward_values",
    "weight_name",
    "node_name",
    "network_sizes",
    "draw_training_loop",
    "format_value",
]

# Layout in data units (the axes keep an equal aspect so neurons stay round).
_LAYER_GAP = 2.6  # horizontal distance between layers
_NODE_GAP = 1.6  # vertical distance between neurons of a layer
_MAX_LABELLED = 10  # layers wider than this are drawn without names, values or weight labels
_TALLEST = (_MAX_LABELLED - 1) * _NODE_GAP  # a wider layer is squeezed into this height
# Where along a connection its label may sit (0 = at the left neuron, 1 = at the right one), in order
# of preference; a label that would overlap another moves to the next place.
_LABEL_SIZE = 8.5  # points, for the labels on the connections
_LABEL_PLACES = (0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.15, 0.85)
# A fan leaving one node spreads out towards the right, so its labels sit past the middle; the lines
# reaching one output neuron spread out towards the left, so theirs sit before the middle. Every other
# place stays a candidate: a label goes where it covers no other label and the fewest other
# connections (thick ones count more), the preferred places first among equals.
_FAN_PLACES = (0.6, 0.5, 0.7, 0.55, 0.65, 0.45, 0.75, 0.4, 0.8)
_INTO_PLACES = (0.3, 0.4, 0.2, 0.35, 0.25, 0.45, 0.5)
_ALL_PLACES = tuple(np.round(np.arange(0.12, 0.885, 0.02), 2))


def _letters(index):
    """0 -> 'a', 25 -> 'z', 26 -> 'aa', 27 -> 'ab', ... (spreadsheet-style column letters)."""
    letters = ""
    index += 1
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _check_index(value, caller, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
        raise ValueError(f"{caller}: {name} must be a whole number >= 0, got {value!r}")
    return int(value)


def weight_name(layer_index, i, j):
    """The name of W[i, j] of layer `layer_index` (0 = the first layer): 'wa1', 'wb4', 'w2a1', ...

    Layers are counted as Python counts network.layers, like symbolic.weight_symbol, which gives the
    same name as a SymPy symbol (w_a1, w^(2)_a1); the name itself shows the article's number, from 1.

    i is the node the connection leaves (a letter), j the neuron it reaches (a number from 1).
    """
    layer_index = _check_index(layer_index, "weight_name", "layer_index")
    i = _check_index(i, "weight_name", "i")
    j = _check_index(j, "weight_name", "j")
    prefix = "w" if layer_index == 0 else f"w{layer_index + 1}"
    return f"{prefix}{_letters(i)}{j + 1}"


def node_name(layer_index, j, sizes):
    """The name of node j of layer `layer_index` in a network of `sizes` (0 = the input layer).

    Inputs are x1, x2, ...; hidden layer k is Ak1, Ak2, ... (Ak,10 from the tenth on); the output is
    ŷ, or ŷ1, ŷ2, ... when there are several outputs.
    """
    sizes = list(sizes)
    layer_index = _check_index(layer_index, "node_name", "layer_index")
    j = _check_index(j, "node_name", "j")
    if layer_index >= len(sizes) or j >= sizes[layer_index]:
        raise ValueError(
            f"node_name: no node j={j} at layer_index={layer_index} (0 is the input) of a network of sizes {sizes}"
        )
    if layer_index == 0:
        return f"x{j + 1}"
    if layer_index == len(sizes) - 1:
        return "ŷ" if sizes[-1] == 1 else f"ŷ{j + 1}"
    separator = "," if (layer_index >= 10 or j + 1 >= 10) else ""
    return f"A{layer_index}{separator}{j + 1}"


def network_sizes(network):
    """[n_inputs, n_1, ..., n_outputs] of an annlib.Network, or of a list of layer sizes."""
    if hasattr(network, "layers") and hasattr(network, "sizes"):
        return list(network.sizes)
    try:
        sizes = [int(n) for n in network]
    except (TypeError, ValueError):
        raise TypeError(
            f"draw_network: network must be an annlib.Network or a list of layer sizes such as "
            f"[3, 4, 4, 1], got {type(network).__name__}"
        ) from None
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"draw_network: need at least two layer sizes, each >= 1, got {sizes}")
    return sizes


def forward_values(network, x):
    """Forward propagation of ONE example, keeping every layer's output: [x, a1, ..., output].

    x: (n_inputs,). Each entry of the result is 1-D: (n_inputs,), (n_1,), ..., (n_outputs,).
    It calls network.forward(x.reshape(1, -1)), so every layer keeps this example for backward().
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 1 or x.shape[0] != network.n_inputs:
        raise ValueError(f"forward_values: x has shape {x.shape}, expected ({network.n_inputs},): one example")
    network.forward(x.reshape(1, -1))
    return [x.copy()] + [layer.a[0].copy() for layer in network]


def format_value(value, digits=2):
    """A number as the diagram writes it: rounded to `digits` significant figures, never an exponent,
    trailing zeros dropped (so 0.30 is written 0.3).

    format_value(0.3936) -> '0.39', format_value(-0.00583) -> '-0.0058', format_value(1.0) -> '1',
    format_value(-1.16) -> '-1.2', format_value(123.4) -> '120'.
    """
    value = float(value)
    if not np.isfinite(value):
        return str(value)
    text = np.format_float_positional(value, precision=digits, unique=False, fractional=False, trim="-")
    return "0" if text in ("-0", "0") else text


_format = format_value


def _positions(sizes):
    """Centre of every node, positions[layer][j] = (x, y) with the first node on top; radius per layer."""
    positions, radii = [], []
    for k, n in enumerate(sizes):
        spacing = _NODE_GAP if n <= _MAX_LABELLED else _TALLEST / (n - 1)
        positions.append([(k * _LAYER_GAP, ((n - 1) / 2 - j) * spacing) for j in range(n)])
        radii.append(min(0.34, 0.42 * spacing))
    return positions, radii


def _layer_caption(k, n_layers):
    if k == 0:
        return "input layer"
    if k == n_layers - 1:
        return "output layer"
    return f"hidden layer {k}"


def _sizes_text(sizes):
    """ "a 3-4-4-1 network: 3 inputs, 2 hidden layers of 4 and 4 neurons, 1 output"."""
    hidden = sizes[1:-1]
    if not hidden:
        middle = "no hidden layer"
    elif len(hidden) == 1:
        middle = f"1 hidden layer of {hidden[0]} neurons"
    else:
        middle = f"{len(hidden)} hidden layers of {listing(hidden)} neurons"
    inputs = "1 input" if sizes[0] == 1 else f"{sizes[0]} inputs"
    outputs = "1 output" if sizes[-1] == 1 else f"{sizes[-1]} outputs"
    return f"a {'-'.join(str(n) for n in sizes)} network: {inputs}, {middle}, {outputs}"


def _largest_text(values, is_gradient):
    """The connection with the largest |value|: "the largest in size is ∂C/∂w3b1 = -0.17"."""
    k, flat = max(
        ((k, int(np.argmax(np.abs(v)))) for k, v in enumerate(values)), key=lambda c: abs(values[c[0]].flat[c[1]])
    )
    i, j = np.unravel_index(flat, values[k].shape)
    name = weight_name(k, i, j)
    return f"the largest in size is {'∂C/∂' if is_gradient else ''}{name} = {number(values[k][i, j])}"


def network_text(sizes, *, edge_values=None, is_gradient=False, activations=None, bias_values=None):
    """The text alternative of a network diagram: its layers, what its connections and neurons show."""
    text = (
        f"Network diagram of {_sizes_text(sizes)}), layers from left to right, every neuron joined to every "
        "neuron of the next layer"
    ).replace(" network: ", " network (", 1)
    if edge_values is None:
        text += "; the connections are labelled with the weights' names, such as wa1 from x1 to A11."
    else:
        every = np.concatenate([np.ravel(v) for v in edge_values])
        what = "the gradient ∂C/∂w of its weight" if is_gradient else "its weight"
        text += (
            f". Each connection is coloured and thickened by {what} (blue negative, red positive), from "
            f"{number(every.min())} to {number(every.max())}; {_largest_text(edge_values, is_gradient)}."
        )
    parts = []
    if activations is not None:
        inputs = ", ".join(number(v) for v in np.ravel(activations[0]))
        outputs = listing(number(v) for v in np.ravel(activations[-1]))
        parts.append(f"its value for one example (input ({inputs}), prediction ŷ {outputs})")
    if bias_values is not None and is_gradient:
        every = np.concatenate([np.ravel(v) for v in bias_values])
        parts.append(f"above it, ∂C/∂b of its bias (from {number(every.min())} to {number(every.max())})")
    if parts:
        text += " Each neuron shows " + " and, ".join(parts) + "."
    return text


def _check_per_layer(values, shapes, caller, what):
    values = list(values)
    if len(values) != len(shapes):
        raise ValueError(f"draw_network: {caller} has {len(values)} arrays, expected {len(shapes)} ({what})")
    checked = []
    for k, (value, shape) in enumerate(zip(values, shapes)):
        value = np.asarray(value, dtype=np.float64)
        if value.shape != shape:
            raise ValueError(f"draw_network: {caller}[{k}] has shape {value.shape}, expected {shape}")
        checked.append(value)
    return checked


def _edge_values(network, sizes, gradients):
    """The value every connection shows (weights or gradients), or None for structure only."""
    shapes = [(n_in, n_out) for n_in, n_out in zip(sizes, sizes[1:])]
    if gradients is not None:
        return _check_per_layer(gradients, shapes, "gradients", "one like each layer's W"), "gradient ∂C/∂w"
    if hasattr(network, "layers"):
        return [np.asarray(layer.W, dtype=np.float64) for layer in network], "weight value"
    return None, None


def _draw_edges(ax, positions, edge_values, radii):
    """Every connection as one line; colour and width from its value. Returns the colour scale."""
    segments, values = [], []
    for k, (left, right) in enumerate(zip(positions, positions[1:])):
        for i, (x0, y0) in enumerate(left):
            for j, (x1, y1) in enumerate(right):
                segments.append([(x0 + radii[k], y0), (x1 - radii[k + 1], y1)])
                values.append(0.0 if edge_values is None else edge_values[k][i, j])
    values = np.array(values)
    many = len(segments) > 200
    if edge_values is None:
        lines = LineCollection(segments, colors="#555555", linewidths=0.6 if many else 1.0, zorder=1)
        ax.add_collection(lines)
        return None
    norm = signed_norm(values)
    widths = 0.4 + 3.6 * np.abs(values) / norm.vmax
    lines = LineCollection(
        segments,
        array=values,
        cmap=SIGNED_CMAP,
        norm=norm,
        linewidths=widths * (0.4 if many else 1.0),
        alpha=0.6 if many else 0.9,
        zorder=1,
    )
    ax.add_collection(lines)
    return lines


def _corners(centre, width, height, angle):
    """The four corners (display units) of a width x height box turned by `angle` radians."""
    along = np.array([np.cos(angle), np.sin(angle)]) * width / 2
    across = np.array([-np.sin(angle), np.cos(angle)]) * height / 2
    return np.array(
        [centre + along + across, centre - along + across, centre - along - across, centre + along - across]
    )


def _overlap(a, b):
    """Whether two convex polygons (4 x 2 corner arrays) overlap: no separating axis exists."""
    for polygon in (a, b):
        for p, q in zip(polygon, polygon[[1, 2, 3, 0]]):
            axis = np.array([q[1] - p[1], p[0] - q[0]])
            pa, pb = a @ axis, b @ axis
            if pa.max() <= pb.min() or pb.max() <= pa.min():
                return False
    return True


def _crossings(box, angle, segments, weights, own):
    """The summed weight of the segments (display units, (n, 2, 2)) that pass through `box`, except `own`.

    box: the 4 corners of a rectangle turned by `angle`; each segment is tested in the box's own frame
    (Liang-Barsky clipping against the axis-aligned rectangle).
    """
    if len(segments) == 0:
        return 0.0
    centre = box.mean(axis=0)
    half = np.array([np.linalg.norm(box[0] - box[1]), np.linalg.norm(box[1] - box[2])]) / 2
    turn = np.array([[np.cos(angle), np.sin(angle)], [-np.sin(angle), np.cos(angle)]])
    local = (segments - centre) @ turn.T  # (n, 2, 2): endpoints in the box's frame
    start, delta = local[:, 0], local[:, 1] - local[:, 0]
    low, high = np.zeros(len(local)), np.ones(len(local))
    inside = np.ones(len(local), dtype=bool)
    for axis in (0, 1):
        for sign in (-1.0, 1.0):
            p = sign * delta[:, axis]
            q = half[axis] - sign * start[:, axis]
            parallel = np.abs(p) < 1e-12
            inside &= ~(parallel & (q < 0))
            with np.errstate(divide="ignore", invalid="ignore"):
                t = np.where(parallel, np.nan, q / p)
            low = np.where(~parallel & (p < 0), np.maximum(low, t), low)
            high = np.where(~parallel & (p > 0), np.minimum(high, t), high)
    hit = inside & (low <= high)
    hit[own] = False
    return float(weights[hit].sum())


class _Placed:
    """Boxes already on the figure (turned rectangles, display units), for quick overlap tests."""

    def __init__(self):
        self.boxes, self.centres, self.reaches = [], np.zeros((0, 2)), np.zeros(0)

    def add(self, box):
        centre = box.mean(axis=0)
        self.boxes.append(box)
        self.centres = np.vstack([self.centres, centre])
        self.reaches = np.append(self.reaches, np.abs(box - centre).sum(axis=1).max())

    def clashes(self, box):
        """How many placed boxes `box` overlaps."""
        centre = box.mean(axis=0)
        reach = np.abs(box - centre).sum(axis=1).max()  # |dx| + |dy| to the farthest corner
        near = np.nonzero(np.abs(self.centres - centre).max(axis=1) <= self.reaches + reach)[0]
        return sum(_overlap(box, self.boxes[k]) for k in near)


def _chosen_edges(sizes, labels):
    """The (layer, i, j) of every connection to label: "all", "some" (see the module docstring) or "none"."""
    if labels not in ("all", "some", "none"):
        raise ValueError(f"draw_network: labels must be 'all', 'some' or 'none', got {labels!r}")
    chosen = set()
    if labels == "none":
        return chosen
    for k, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        for i in range(n_in):
            for j in range(n_out):
                if labels == "all" or i == 0 or k == len(sizes) - 2:
                    chosen.add((k, i, j))
    return chosen


def _label_edges(ax, positions, edge_values, radii, chosen, is_gradient, avoid=(), measure=None):
    """Name (and value) of the chosen connections, written along each where it overlaps no other label.

    Returns {(layer, i, j): label}. measure: a function of (layer, i, j) giving the text to make room
    for, when it differs from the text shown (a diagram whose labels will change, NetworkPicture).
    """
    labels = {}
    ax.apply_aspect()  # measure the axes at the size they will be drawn, after the equal aspect
    renderer = ax.figure.canvas.get_renderer()
    to_display = ax.transData.transform
    placed = _Placed()
    crowded = len(chosen) == sum(len(left) * len(right) for left, right in zip(positions, positions[1:]))
    # Every connection, in display units, and how much covering it costs (a thick line more).
    segments, weights, index = [], [], {}
    for k, (left, right) in enumerate(zip(positions, positions[1:])):
        largest = np.abs(edge_values[k]).max() if edge_values is not None else 0.0
        for i, (x0, y0) in enumerate(left):
            for j, (x1, y1) in enumerate(right):
                index[(k, i, j)] = len(segments)
                segments.append(to_display([(x0 + radii[k], y0), (x1 - radii[k + 1], y1)]))
                thick = abs(edge_values[k][i, j]) / largest if edge_values is not None and largest > 0 else 0.0
                weights.append(1.0 + 3.0 * thick)
    segments, weights = np.array(segments).reshape(-1, 2, 2), np.array(weights)
    for patch in ax.patches:
        box = patch.get_window_extent(renderer)
        placed.add(_corners(np.array([box.x0 + box.x1, box.y0 + box.y1]) / 2, box.width, box.height, 0.0))
    for artist in avoid:  # the bias labels
        box = artist.get_window_extent(renderer)
        placed.add(_corners(np.array([box.x0 + box.x1, box.y0 + box.y1]) / 2, box.width, box.height, 0.0))
    for k, (left, right) in enumerate(zip(positions, positions[1:])):
        for i, (x0, y0) in enumerate(left):
            for j, (x1, y1) in enumerate(right):
                if (k, i, j) not in chosen:
                    continue
                text = weight_name(k, i, j)
                if is_gradient:
                    text = f"∂C/∂{text}"
                if edge_values is not None:
                    text += f" = {format_value(edge_values[k][i, j])}"
                start, end = np.array([x0 + radii[k], y0]), np.array([x1 - radii[k + 1], y1])
                d0, d1 = to_display(start), to_display(end)
                angle = np.arctan2(d1[1] - d0[1], d1[0] - d0[0])
                label = ax.text(
                    *start,
                    text,
                    fontsize=_LABEL_SIZE,
                    ha="center",
                    va="center",
                    zorder=3,
                    rotation=np.degrees(angle),
                    rotation_mode="anchor",
                    bbox=dict(boxstyle="round,pad=0.12", facecolor="white", edgecolor="none"),
                )
                width, height = _text_size(ax, text if measure is None else measure(k, i, j), renderer)
                if crowded:
                    places = _LABEL_PLACES
                else:
                    places = _FAN_PLACES if i == 0 else _INTO_PLACES if len(right) == 1 else _LABEL_PLACES
                places = places + tuple(place for place in _ALL_PLACES if place not in places)
                # Overlapping another label is worst; then covering other connections; then a less
                # preferred place (a small cost per step down the list).
                best = None
                for rank, place in enumerate(places):
                    box = _corners(d0 + place * (d1 - d0), width * 1.06, height * 1.25, angle)
                    cost = 1000.0 * placed.clashes(box) + 0.02 * rank
                    if best is not None and cost >= best[0]:
                        continue
                    cost += _crossings(box, angle, segments, weights, index[(k, i, j)])
                    if best is None or cost < best[0]:
                        best = (cost, place, box)
                label.set_position(start + best[1] * (end - start))
                placed.add(best[2])
                labels[(k, i, j)] = label
    return labels


def _text_size(ax, text, renderer):
    probe = ax.text(0, 0, text, fontsize=_LABEL_SIZE)
    box = probe.get_window_extent(renderer)
    probe.remove()
    return box.width, box.height


def _draw_nodes(ax, positions, sizes, activations, radii, labelled):
    """Every neuron, named; with activations, its value below its name. Returns {(layer, j): value text}."""
    n_layers = len(sizes)
    values = {}
    for k, layer in enumerate(positions):
        kind = "input" if k == 0 else "output" if k == n_layers - 1 else "hidden"
        for j, (x, y) in enumerate(layer):
            ax.add_patch(
                Circle((x, y), radii[k], facecolor=LAYER_COLORS[kind], edgecolor="#333333", linewidth=1.2, zorder=2)
            )
            if not labelled[k]:
                continue
            name = node_name(k, j, sizes)
            if activations is None:
                ax.text(x, y, name, ha="center", va="center", fontsize=10, fontweight="bold", zorder=4)
            else:
                ax.text(x, y + 0.1, name, ha="center", va="center", fontsize=9, fontweight="bold", zorder=4)
                values[(k, j)] = ax.text(
                    x, y - 0.13, format_value(activations[k][j]), ha="center", va="center", fontsize=8.5, zorder=4
                )
    return values


def _bias_values(network, sizes, bias_gradients, gradients):
    """What each neuron's bias label shows: its value, its gradient, or None (name only)."""
    shapes = [(n,) for n in sizes[1:]]
    if gradients is not None:
        if bias_gradients is None and hasattr(network, "layers"):
            bias_gradients = [layer.grad_b for layer in network]
        if bias_gradients is None:
            return None
        return _check_per_layer(bias_gradients, shapes, "bias_gradients", "one like each layer's b")
    if bias_gradients is not None:
        raise ValueError("draw_network: bias_gradients needs gradients too (one array like each layer's W)")
    if hasattr(network, "layers"):
        return [np.asarray(layer.b, dtype=np.float64) for layer in network]
    return None


def _draw_biases(ax, positions, radii, labelled, bias_values, is_gradient):
    """Each neuron's bias, written just above it; returns the texts (weight labels keep clear of them)."""
    written = []
    for k, layer in enumerate(positions[1:], start=1):
        if not labelled[k]:
            continue
        for j, (x, y) in enumerate(layer):
            name = "∂C/∂b" if is_gradient else "b"
            text = name if bias_values is None else f"{name} = {format_value(bias_values[k - 1][j])}"
            written.append(
                ax.text(
                    x,
                    y + radii[k] + 0.05,
                    text,
                    ha="center",
                    va="bottom",
                    fontsize=_LABEL_SIZE,
                    color="#333333",
                    zorder=4,
                    bbox=dict(boxstyle="round,pad=0.12", facecolor="#f2f2f2", edgecolor="#999999", linewidth=0.5),
                )
            )
    return written


def _caption_layers(ax, positions, sizes, bottom):
    for k, layer in enumerate(positions):
        caption = _layer_caption(k, len(sizes))
        ax.text(
            layer[0][0],
            bottom,
            f"{caption}\n({sizes[k]} {'node' if sizes[k] == 1 else 'nodes'})",
            ha="center",
            va="top",
            fontsize=10,
        )


def draw_network(
    network,
    ax=None,
    *,
    activations=None,
    gradients=None,
    bias_gradients=None,
    show_weights=True,
    labels="some",
    title=None,
    colorbar=True,
):
    """Draw a fully connected network; return the axes.

    network:     an annlib.Network (connections coloured by weight, labelled "wa1 = 0.52", biases
                 written above the neurons) or a list of layer sizes such as [3, 4, 4, 1] (structure
                 only, labelled with names).
    activations: None, or [x, a1, ..., output] for ONE example (see forward_values): written in
                 the neurons.
    gradients:   None, or one array shaped like each layer's W (e.g. [layer.grad_W for layer in net]):
                 the connections then show ∂C/∂w instead of the weights.
    bias_gradients: one array shaped like each layer's b, shown above the neurons as ∂C/∂b; with
                 gradients given and bias_gradients None, each layer's grad_b is shown.
    show_weights: False draws the connections without labels.
    labels:      which connections carry a label: "some" (the fan leaving each layer's first node, and
                 every connection into the output layer; the default), "all" or "none".
    colorbar:    add a colour bar for the values on the connections (when there are values).
    Layers wider than 10 nodes are drawn without names, values or labels, to stay legible.
    """
    sizes = network_sizes(network)
    if activations is not None:
        activations = _check_per_layer(
            activations, [(n,) for n in sizes], "activations", "[x, a1, ..., output] for one example"
        )
    edge_values, value_name = _edge_values(network, sizes, gradients)
    bias_values = _bias_values(network, sizes, bias_gradients, gradients)
    chosen = _chosen_edges(sizes, labels if show_weights else "none")
    positions, radii = _positions(sizes)
    labelled = [n <= _MAX_LABELLED for n in sizes]
    top = max(layer[0][1] + radius for layer, radius in zip(positions, radii)) + 0.3  # room for the biases
    bottom = -top - 0.25
    xlim = (-0.8, (len(sizes) - 1) * _LAYER_GAP + 0.8)
    ylim = (bottom - 0.85, top + 0.35)
    if ax is None:
        # One inch per unit of the drawing, shrunk for tall networks; room for the colour bar.
        scale = min(1.0, 9.0 / (ylim[1] - ylim[0]))
        ax = new_axes(figsize=(scale * (xlim[1] - xlim[0]) + 1.2, scale * (ylim[1] - ylim[0]) + 0.4))
        ax.figure.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.94)

    lines = _draw_edges(ax, positions, edge_values, radii)
    _draw_nodes(ax, positions, sizes, activations, radii, labelled)
    biases = _draw_biases(ax, positions, radii, labelled, bias_values, gradients is not None)
    _caption_layers(ax, positions, sizes, bottom)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.axis("off")
    if title is not None:
        ax.set_title(title)
    if colorbar and lines is not None:
        bar = ax.figure.colorbar(lines, ax=ax, shrink=0.6, pad=0.01)
        bar.set_label(value_name)
    # Labels last: their placement measures the axes as they will be drawn.
    if chosen and all(labelled[k] and labelled[k + 1] for k in range(len(sizes) - 1)):
        _label_edges(ax, positions, edge_values, radii, chosen, gradients is not None, avoid=biases)
    describe(
        ax,
        network_text(
            sizes,
            edge_values=edge_values,
            is_gradient=gradients is not None,
            activations=activations,
            bias_values=bias_values,
        ),
    )
    return ax


def network_figsize(network):
    """The (width, height) in inches draw_network gives a new figure for this network (or its sizes)."""
    sizes = network_sizes(network)
    positions, radii = _positions(sizes)
    top = max(layer[0][1] + radius for layer, radius in zip(positions, radii)) + 0.3
    xlim = (-0.8, (len(sizes) - 1) * _LAYER_GAP + 0.8)
    ylim = (-top - 0.25 - 0.85, top + 0.35)
    scale = min(1.0, 9.0 / (ylim[1] - ylim[0]))
    return scale * (xlim[1] - xlim[0]) + 1.2, scale * (ylim[1] - ylim[0]) + 0.4


class NetworkPicture:
    """draw_network's diagram of an annlib.Network, kept: `show` changes what it says, in place.

    The neurons, connections, captions and colour bar are drawn once; `show` sets the connections'
    colours, widths and labels (weights, or gradients ∂C/∂w), each neuron's value (or none) and each
    bias label, and the title. Every layer may be given or left out (None), so that values can appear
    layer by layer, as forward propagation computes them, and gradients from the output back.
    The labelled connections are those of labels="some"; they are placed once, with room for the
    longest label they will show (a gradient's). Layers wider than 10 nodes are not supported.
    """

    def __init__(self, network, ax=None, *, title=None):
        sizes = network_sizes(network)
        if not hasattr(network, "layers"):
            raise TypeError("NetworkPicture: needs an annlib.Network (its weights are what it shows)")
        if max(sizes) > _MAX_LABELLED:
            raise ValueError(f"NetworkPicture: layers of at most {_MAX_LABELLED} nodes, got sizes {sizes}")
        self.network, self.sizes = network, sizes
        positions, radii = _positions(sizes)
        top = max(layer[0][1] + radius for layer, radius in zip(positions, radii)) + 0.3
        bottom = -top - 0.25
        if ax is None:
            ax = new_axes(figsize=network_figsize(sizes))
            ax.figure.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.94)
        self.ax = ax
        weights = [np.asarray(layer.W, dtype=np.float64) for layer in network]
        self.lines = _draw_edges(ax, positions, weights, radii)
        labelled = [True] * len(sizes)
        blank = [np.zeros(n) for n in sizes]
        self.values = _draw_nodes(ax, positions, sizes, blank, radii, labelled)
        biases = [np.asarray(layer.b, dtype=np.float64) for layer in network]
        self.biases = _draw_biases(ax, positions, radii, labelled, biases, False)
        _caption_layers(ax, positions, sizes, bottom)
        ax.set_xlim(-0.8, (len(sizes) - 1) * _LAYER_GAP + 0.8)
        ax.set_ylim(bottom - 0.85, top + 0.35)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_title("" if title is None else title, y=1.0)
        self.colorbar = ax.figure.colorbar(self.lines, ax=ax, shrink=0.6, pad=0.01)
        self.colorbar.set_label("weight value")
        self._many = len(self.lines.get_segments()) > 200
        chosen = _chosen_edges(sizes, "some")

        def longest(k, i, j):
            return f"∂C/∂{weight_name(k, i, j)} = -0.0000"

        self.labels = _label_edges(ax, positions, weights, radii, chosen, False, avoid=self.biases, measure=longest)
        # What show() changes; the rest (neurons, names, captions, colour bar) stays as drawn, so a figure
        # can redraw only these over a saved copy of it. The connections end on the neurons' edges, so
        # drawn last they cover nothing. rescaled: the colour scale (and bar) changed at the last show().
        # In two groups: the connections, their labels and the biases (which forward propagation leaves
        # alone), then the neurons' values and the title. edges_changed: the first group changed at the
        # last show(), so a figure must draw both groups again, not only the second.
        self.groups = [[self.lines, *self.labels.values(), *self.biases], [*self.values.values(), ax.title]]
        self.moving = [artist for group in self.groups for artist in group]
        self.rescaled = self.edges_changed = True
        self._edges = None
        self.show()

    def show(self, *, activations=None, gradients=None, bias_gradients=None, weights=None, biases=None, title=None):
        """Write values into the diagram; returns the axes.

        activations: None, or [x, a1, ..., output] for one example, any entry None (not computed yet).
        gradients:   None, or one array like each layer's W (∂C/∂w); any entry None shows that layer's weights.
        bias_gradients: like gradients, for the biases (∂C/∂b).
        weights:     the weights to show where no gradient is given (default: the network's own),
                     e.g. partway between old and new ones, to show an update happening.
        biases:      likewise for the biases.
        """
        layers = list(self.network)
        weights = [layer.W for layer in layers] if weights is None else list(weights)
        gradients = [None] * len(layers) if gradients is None else list(gradients)
        bias_gradients = [None] * len(layers) if bias_gradients is None else list(bias_gradients)
        shown = [np.asarray(w if g is None else g, dtype=np.float64) for w, g in zip(weights, gradients)]
        values = np.concatenate([v.ravel() for v in shown])
        # The colour scale ends at a round number (1, 1.5, 2, 3, 5 or 7 times a power of ten), so that it, and the
        # colour bar, change only when the values outgrow it: redrawing the bar is much of a frame's cost.
        largest = signed_norm(values).vmax
        rounded = 10.0 ** np.floor(np.log10(largest))
        rounded *= next(step for step in (1, 1.5, 2, 3, 5, 7, 10) if step * rounded >= largest * (1 - 1e-9))
        self.lines.set_array(values)
        self.lines.set_linewidths((0.4 + 3.6 * np.abs(values) / rounded) * (0.4 if self._many else 1.0))
        every_gradient = all(g is not None for g in gradients)
        scale = (rounded, "gradient ∂C/∂w" if every_gradient else "weight value")
        self.rescaled = scale != getattr(self, "_scale", None)
        if self.rescaled:
            self._scale = scale
            self.lines.set_norm(Normalize(vmin=-rounded, vmax=rounded))
            self.colorbar.update_normal(self.lines)
            self.colorbar.set_label(scale[1])
        for (k, i, j), label in self.labels.items():
            name = weight_name(k, i, j)
            if gradients[k] is None:
                label.set_text(f"{name} = {format_value(shown[k][i, j])}")
            else:
                label.set_text(f"∂C/∂{name} = {format_value(shown[k][i, j])}")
        activations = [None] * len(self.sizes) if activations is None else list(activations)
        for (k, j), text in self.values.items():
            text.set_text("" if activations[k] is None else format_value(np.ravel(activations[k])[j]))
        biases = [layer.b for layer in layers] if biases is None else list(biases)
        written = iter(self.biases)
        for k, layer in enumerate(layers):
            for j in range(layer.b.size):
                if bias_gradients[k] is None:
                    next(written).set_text(f"b = {format_value(np.ravel(biases[k])[j])}")
                else:
                    next(written).set_text(f"∂C/∂b = {format_value(np.ravel(bias_gradients[k])[j])}")
        if title is not None:
            self.ax.set_title(title, y=1.0)
        describe(
            self.ax,
            network_text(
                self.sizes,
                edge_values=shown,
                is_gradient=every_gradient,
                activations=None if any(a is None for a in activations) else activations,
                bias_values=bias_gradients if all(g is not None for g in bias_gradients) else None,
            ),
        )
        edges = (
            values.tobytes(),
            tuple(label.get_text() for label in self.labels.values()),
            tuple(text.get_text() for text in self.biases),
        )
        self.edges_changed, self._edges = edges != self._edges, edges
        return self.ax


# The four steps of one training iteration (lesson 00's overview; lessons 04, 06 and 07 fill them in).
TRAINING_STEPS = (
    ("1. forward propagation", "every neuron's value,\nlayer by layer, up to\nthe prediction ŷ", BLUE),
    ("2. loss", "compare ŷ with the\ntrue y: one number C", ORANGE),
    ("3. backpropagation", "∂C/∂w for every weight,\nfrom the output layer\nback to the input", VERMILLION),
    ("4. update", "w := w - η ∂C/∂w\nfor every weight and bias", REDDISH_PURPLE),
)


def draw_training_loop(ax=None, *, title="training: one iteration, repeated until the loss is small"):
    """The overview of training as a loop of four boxes: forward, loss, backward, update; return the axes."""
    ax = new_axes(ax, figsize=(8.0, 5.2))
    centres = [(-2.6, 1.3), (2.6, 1.3), (2.6, -1.3), (-2.6, -1.3)]  # clockwise from top left
    for (x, y), (heading, body, colour) in zip(centres, TRAINING_STEPS):
        ax.add_patch(
            FancyBboxPatch(
                (x - 1.75, y - 0.8),
                3.5,
                1.6,
                boxstyle="round,pad=0.08",
                facecolor="white",
                edgecolor=colour,
                linewidth=2.5,
            )
        )
        ax.text(x, y + 0.45, heading, ha="center", va="center", fontsize=11, fontweight="bold", color=colour)
        ax.text(x, y - 0.2, body, ha="center", va="center", fontsize=9)
    for (x0, y0), (x1, y1) in zip(centres, centres[1:] + centres[:1]):
        if y0 == y1:  # along the top or the bottom
            step = np.sign(x1 - x0) * 1.9
            start, end = (x0 + step, y0), (x1 - step, y1)
        else:  # down the right side or up the left side
            step = np.sign(y1 - y0) * 0.95
            start, end = (x0, y0 + step), (x1, y1 - step)
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=18, color=GREY, linewidth=2.0))
    ax.text(0, 0, "repeat", ha="center", va="center", fontsize=12, style="italic", color=GREY)
    describe(
        ax,
        "Diagram of training as a loop of four boxes joined by arrows: 1. forward propagation computes every "
        "neuron's value up to the prediction ŷ; 2. the loss compares ŷ with the true y; 3. backpropagation "
        "computes ∂C/∂w for every weight; 4. the update w := w - η ∂C/∂w; then back to 1, repeated.",
    )
    ax.set_xlim(-4.6, 4.6)
    ax.set_ylim(-2.4, 2.4)
    ax.set_aspect("equal")
    ax.axis("off")
    if title is not None:
        ax.set_title(title)
    return ax
