"""A single neuron, drawn: inputs, weights, the sum, the bias, the activation, the output (lesson 01).

    draw_neuron(x=None, w=None, b=None, activation="sigmoid", ax=None, *, n_inputs=None, title=None)
    NeuronPicture(x, w, b, activation, ax=None, *, title=None)   the same picture, kept to be updated:
        picture.update(x, w, b, activation, title=None) changes only the texts, colours and curve
        (the neuron explorer of lesson 01 moves it many times a second)

With numbers, every part shows its value: x_i on the inputs, w_i on the connections (coloured and
thickened like the network diagram), z = x . w + b in the sum, a = f(z) at the output, and the
activation's curve with a dot where z lands on it. Without numbers (x, w and b None) it draws the
symbols x1..xN, w1..wN, b, z and a, for n_inputs inputs.
"""

import matplotlib
import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from annlib.activations import get_activation
from annlib.neuron import weighted_sum
from annlib.plotting.describe import describe, number
from annlib.plotting.style import BLACK, GREY, LAYER_COLORS, SIGNED_CMAP, VERMILLION, new_axes, signed_norm

__all__ = ["draw_neuron", "NeuronPicture"]

_SUM = np.array([3.2, 0.0])  # centre of the sum node
_BOX = np.array([5.0, -0.75])  # lower-left corner of the activation box
_BOX_SIZE = np.array([1.8, 1.5])
_OUTPUT = np.array([8.3, 0.0])
_CURVE_RANGE = 6.0  # the activation's curve is drawn for z in [-6, 6]


def _arrow(ax, start, end, colour=BLACK, width=1.2):
    arrow = FancyArrowPatch(
        start,
        end,
        arrowstyle="-|>",
        mutation_scale=12,
        color=colour,
        linewidth=width,
        shrinkA=0,
        shrinkB=0,
        zorder=1,
    )
    ax.add_patch(arrow)
    return arrow


def _check_values(x, w, b, n_inputs):
    if x is None and w is None and b is None:
        if n_inputs is None:
            n_inputs = 3
        if isinstance(n_inputs, bool) or not isinstance(n_inputs, (int, np.integer)) or n_inputs < 1:
            raise ValueError(f"draw_neuron: n_inputs must be a whole number >= 1, got {n_inputs!r}")
        return None, None, None, None, int(n_inputs)
    if x is None or w is None or b is None:
        raise ValueError("draw_neuron: give all of x, w and b (numbers), or none of them (symbols)")
    z = weighted_sum(x, w, b)  # checks the shapes and names the problem
    if np.ndim(z) != 0:
        raise ValueError(f"draw_neuron: x must be ONE example of shape ({len(w)},), got {np.shape(x)}")
    return np.asarray(x, dtype=float), np.asarray(w, dtype=float), float(b), z, len(w)


def _activation(activation):
    f = get_activation(activation, caller="draw_neuron")
    if f.name == "softmax":
        raise ValueError("draw_neuron: softmax needs a whole layer of neurons; choose another activation")
    return f


def _input_text(i, x):
    return f"x{i + 1}" if x is None else f"x{i + 1}\n{x[i]:.2f}"


def _weight_look(i, w, norm):
    """Colour, width and label of input i's connection."""
    if w is None:
        return GREY, 1.4, f"w{i + 1}"
    colour = matplotlib.colormaps[SIGNED_CMAP](norm(w[i]))
    return colour, 0.8 + 3.2 * abs(w[i]) / norm.vmax, f"w{i + 1} = {w[i]:.2f}"


def _draw_inputs(ax, x, w, n_inputs):
    """Input nodes on the left, each joined to the sum by its weighted connection: [(value, arrow, label)]."""
    ys = (n_inputs - 1) / 2 - np.arange(n_inputs)
    ys = ys * min(1.0, 3.2 / max(n_inputs - 1, 1))
    norm = signed_norm(w) if w is not None else None
    parts = []
    for i, y in enumerate(ys):
        centre = np.array([0.0, y])
        ax.add_patch(Circle(centre, 0.3, facecolor=LAYER_COLORS["input"], edgecolor="#333333", zorder=2))
        value = ax.text(*centre, _input_text(i, x), ha="center", va="center", fontsize=8.5, zorder=3)
        direction = (_SUM - centre) / np.linalg.norm(_SUM - centre)
        start, end = centre + 0.3 * direction, _SUM - 0.45 * direction
        colour, width, text = _weight_look(i, w, norm)
        arrow = _arrow(ax, start, end, colour, width)
        normal = np.array([-direction[1], direction[0]])
        middle = start + 0.45 * (end - start) + 0.07 * normal  # just above the arrow
        label = ax.text(
            *middle,
            text,
            fontsize=8,
            ha="center",
            va="bottom",
            zorder=3,
            rotation=np.degrees(np.arctan2(direction[1], direction[0])),
            rotation_mode="anchor",
            bbox=dict(boxstyle="round,pad=0.1", facecolor="white", edgecolor="none", alpha=0.85),
        )
        parts.append((value, arrow, label))
    return parts


def _bias_text(b):
    return "b" if b is None else f"b = {b:.2f}"


def _z_text(z):
    return "z = Σ xᵢwᵢ + b" if z is None else f"z = {z:.2f}"


def _draw_sum_and_bias(ax, b, z):
    """The sum node and the bias; returns the bias's text and z's."""
    ax.add_patch(Circle(_SUM, 0.45, facecolor=LAYER_COLORS["hidden"], edgecolor="#333333", zorder=2))
    ax.text(*_SUM, "Σ", ha="center", va="center", fontsize=16, zorder=3)
    bias_at = _SUM + np.array([0.0, 1.55])
    bias = ax.text(
        *bias_at,
        _bias_text(b),
        ha="center",
        va="bottom",
        fontsize=9,
        bbox=dict(boxstyle="round,pad=0.25", facecolor="white", edgecolor=GREY),
    )
    _arrow(ax, bias_at, _SUM + np.array([0.0, 0.45]))
    z_label = ax.text(_SUM[0], _SUM[1] - 0.6, _z_text(z), ha="center", va="top", fontsize=9)
    return bias, z_label


def _curve(f):
    """The activation's curve, and the map from (z, a) to the activation box's coordinates."""
    zs = np.linspace(-_CURVE_RANGE, _CURVE_RANGE, 121)
    values = f.forward(zs)
    low, high = values.min(), values.max()

    def to_box(z_values, a_values):
        u = (np.asarray(z_values) + _CURVE_RANGE) / (2 * _CURVE_RANGE)
        v = (np.asarray(a_values) - low) / (high - low if high > low else 1.0)
        return _BOX[0] + 0.1 + u * (_BOX_SIZE[0] - 0.2), _BOX[1] + 0.25 + v * (_BOX_SIZE[1] - 0.5)

    return to_box(zs, values), to_box


def _dot(f, to_box, z):
    shown = np.clip(z, -_CURVE_RANGE, _CURVE_RANGE)
    x, y = to_box(shown, f.forward(shown))
    return [float(x)], [float(y)]


def _output_text(a):
    return "a" if a is None else f"a\n{a:.3f}"


def _draw_activation(ax, f, z, a):
    """The activation box with its curve, and the output; returns the curve, the dot, f's name and a's text."""
    ax.add_patch(
        FancyBboxPatch(_BOX, *_BOX_SIZE, boxstyle="round,pad=0.05", facecolor="white", edgecolor="#333333", zorder=2)
    )
    curve_xy, to_box = _curve(f)
    (curve,) = ax.plot(*curve_xy, color=BLACK, linewidth=1.5, zorder=3)
    (dot,) = ax.plot([], [], "o", color=VERMILLION, markersize=6, zorder=4)
    if z is not None:
        dot.set_data(*_dot(f, to_box, z))
    name = ax.text(
        _BOX[0] + _BOX_SIZE[0] / 2,
        _BOX[1] + _BOX_SIZE[1] + 0.1,
        f"activation f = {f.name}",
        ha="center",
        va="bottom",
        fontsize=9,
    )
    _arrow(ax, _SUM + np.array([0.45, 0.0]), np.array([_BOX[0] - 0.05, 0.0]))
    _arrow(ax, np.array([_BOX[0] + _BOX_SIZE[0] + 0.05, 0.0]), _OUTPUT - np.array([0.35, 0.0]))
    ax.add_patch(Circle(_OUTPUT, 0.35, facecolor=LAYER_COLORS["output"], edgecolor="#333333", zorder=2))
    output = ax.text(*_OUTPUT, _output_text(a), ha="center", va="center", fontsize=9, zorder=3)
    ax.text(_OUTPUT[0], _OUTPUT[1] - 0.5, "a = f(z)", ha="center", va="top", fontsize=9)
    return curve, dot, name, output


def neuron_text(x, w, b, activation, z, a, n_inputs):
    """The text alternative of draw_neuron's picture: the neuron's parts, and its numbers when it has them."""
    inputs = "1 input" if n_inputs == 1 else f"{n_inputs} inputs"
    text = (
        f"Diagram of one neuron with {inputs}: each input x times its weight w, summed with the bias b into z, "
        f"then the {activation} activation (its curve drawn in a box) gives the output a = f(z)."
    )
    if x is not None:
        text += (
            f" Here x = ({', '.join(number(v) for v in x)}), w = ({', '.join(number(v) for v in w)}) and "
            f"b = {number(b)} give z = {number(z)} and a = {activation}(z) = {number(a)}."
        )
    return text


class NeuronPicture:
    """draw_neuron's picture, kept: `update` changes its numbers, colours and curve in place.

    x, w: (N,) for one example, b a number (or all three None, for symbols with n_inputs inputs).
    `ax` is the axes drawn on; `z` and `a` what the neuron computes (None for symbols).
    """

    def __init__(self, x=None, w=None, b=None, activation="sigmoid", ax=None, *, n_inputs=None, title=None):
        x, w, b, z, n_inputs = _check_values(x, w, b, n_inputs)
        f = _activation(activation)
        self.n_inputs = n_inputs
        self.z, self.a = z, (None if z is None else float(f.forward(z)))
        self.ax = ax = new_axes(ax, figsize=(8.5, 4.2))
        self._inputs = _draw_inputs(ax, x, w, n_inputs)
        self._bias, self._z = _draw_sum_and_bias(ax, b, z)
        self._curve, self._dot, self._name, self._output = _draw_activation(ax, f, z, self.a)
        self._activation = f.name
        ax.set_xlim(-0.6, 8.9)
        ax.set_ylim(-2.1, 2.3)
        ax.set_aspect("equal")
        ax.axis("off")
        # y given: no search for the title's place above tick labels (there are none), which costs a redraw
        ax.set_title("one neuron: a = f(x · w + b)" if title is None else title, y=1.0)
        describe(ax, neuron_text(x, w, b, f.name, z, self.a, n_inputs))

    def update(self, x, w, b, activation="sigmoid", title=None):
        """Show new numbers (x, w, b) and activation; the artists stay, their texts and data change."""
        x, w, b, z, n_inputs = _check_values(x, w, b, None)
        if x is None or n_inputs != self.n_inputs:
            raise ValueError(f"NeuronPicture.update: give x, w and b for {self.n_inputs} inputs")
        f = _activation(activation)
        self.z, self.a = z, float(f.forward(z))
        norm = signed_norm(w)
        for i, (value, arrow, label) in enumerate(self._inputs):
            colour, width, text = _weight_look(i, w, norm)
            value.set_text(_input_text(i, x))
            arrow.set_color(colour)
            arrow.set_linewidth(width)
            label.set_text(text)
        self._bias.set_text(_bias_text(b))
        self._z.set_text(_z_text(z))
        curve_xy, to_box = _curve(f)
        if f.name != self._activation:
            self._curve.set_data(*curve_xy)
            self._name.set_text(f"activation f = {f.name}")
            self._activation = f.name
        self._dot.set_data(*_dot(f, to_box, z))
        self._output.set_text(_output_text(self.a))
        if title is not None:
            self.ax.set_title(title, y=1.0)
        describe(self.ax, neuron_text(x, w, b, f.name, z, self.a, self.n_inputs))
        return self


def draw_neuron(x=None, w=None, b=None, activation="sigmoid", ax=None, *, n_inputs=None, title=None):
    """Draw one neuron: inputs x, weights w, bias b, the sum z, the activation and a = f(z).

    x, w: (N,) for one example, b a number; or all three None to draw symbols for n_inputs inputs.
    Returns the axes.
    """
    return NeuronPicture(x, w, b, activation, ax, n_inputs=n_inputs, title=title).ax
