"""The neuron explorer: move the inputs, weights and bias of one neuron and watch it answer (lesson 01).

    neuron_explorer(n_inputs=3, activation="sigmoid", *, x=None, w=None, b=0.0) -> NeuronExplorer

Sliders set x1..xN, w1..wN and b; a drop-down picks the activation. Below them the neuron's picture
(annlib.plotting.NeuronPicture) and its numbers follow the sliders while they move: the picture is built
once and only its texts, colours and dot change (see annlib.widgets._display). A fast drag never queues
stale values: the page sends a slider's next value only once the kernel has finished with the last one,
so the picture always shows the latest.

The logic is plain functions, tested without a browser:

    read_neuron(x, w, b, activation)        -> NeuronReading: z, a and a text summary
    reading_from_values(values, n_inputs)   the same, from slider values {"x1": .., "w1": .., "b": .., ...}
    draw_reading(reading, ax=None)          the neuron's picture for a reading
    reading.describe()                      the picture in one sentence (its text alternative)
"""

import html
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from annlib.activations import get_activation
from annlib.neuron import weighted_sum
from annlib.plotting.neuron import NeuronPicture, draw_neuron, neuron_text
from annlib.widgets._display import LiveFigure, accessible

__all__ = [
    "EXPLORER_ACTIVATIONS",
    "NeuronReading",
    "read_neuron",
    "reading_from_values",
    "draw_reading",
    "NeuronExplorer",
    "neuron_explorer",
]

EXPLORER_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "identity")
SLIDER_RANGE = {"x": (-3.0, 3.0), "w": (-3.0, 3.0), "b": (-3.0, 3.0)}
SLIDER_STEP = 0.05


def _number(value):
    """A number with two decimals, in brackets when negative: 0.50, (-1.25)."""
    return f"({value:.2f})" if value < 0 else f"{value:.2f}"


@dataclass(frozen=True)
class NeuronReading:
    """One neuron's inputs, weights, bias and activation, with what it computes: z and a = f(z)."""

    x: tuple
    w: tuple
    b: float
    activation: str
    z: float
    a: float

    def summary(self):
        """The computation written out with these numbers, one line for z and one for a."""
        terms = " + ".join(f"{_number(xi)}·{_number(wi)}" for xi, wi in zip(self.x, self.w))
        return f"z = {terms} + {_number(self.b)} = {self.z:.4f}\na = {self.activation}(z) = {self.a:.4f}"

    def title(self):
        return f"z = {self.z:.2f},  a = {self.activation}(z) = {self.a:.3f}"

    def describe(self):
        """The picture in words, for those who cannot see it (the figure's text alternative), as
        annlib.plotting's neuron picture describes itself: its parts, then these numbers (2 significant digits)."""
        return neuron_text(self.x, self.w, self.b, self.activation, self.z, self.a, len(self.x))


def read_neuron(x, w, b, activation="sigmoid"):
    """What the neuron computes for one example: a NeuronReading with z = x . w + b and a = f(z)."""
    if activation not in EXPLORER_ACTIVATIONS:
        raise ValueError(
            f"read_neuron: activation must be one of {', '.join(EXPLORER_ACTIVATIONS)}, got {activation!r}"
        )
    z = weighted_sum(x, w, b)
    if np.ndim(z) != 0:
        raise ValueError(f"read_neuron: x must be ONE example of shape ({len(w)},), got {np.shape(x)}")
    a = float(get_activation(activation).forward(z))
    return NeuronReading(tuple(float(v) for v in x), tuple(float(v) for v in w), float(b), activation, z, a)


def reading_from_values(values, n_inputs):
    """A NeuronReading from slider values: {"x1": .., ..., "w1": .., ..., "b": .., "activation": ..}."""
    names = [f"x{i + 1}" for i in range(n_inputs)] + [f"w{i + 1}" for i in range(n_inputs)] + ["b"]
    missing = [name for name in names + ["activation"] if name not in values]
    if missing:
        raise ValueError(f"reading_from_values: missing values for {', '.join(missing)}")
    x = [values[f"x{i + 1}"] for i in range(n_inputs)]
    w = [values[f"w{i + 1}"] for i in range(n_inputs)]
    return read_neuron(x, w, values["b"], values["activation"])


def draw_reading(reading, ax=None):
    """The neuron's picture for a reading (see annlib.plotting.draw_neuron); returns the axes."""
    return draw_neuron(
        list(reading.x),
        list(reading.w),
        reading.b,
        reading.activation,
        ax=ax,
        title=reading.title(),
    )


def _slider(name, value):
    low, high = SLIDER_RANGE[name[0]]
    return widgets.FloatSlider(
        value=value,
        min=low,
        max=high,
        step=SLIDER_STEP,
        description=name,
        continuous_update=True,
        readout_format=".2f",
        layout=widgets.Layout(width="300px"),
    )


class NeuronExplorer(widgets.VBox):
    """Sliders for x, w and b, a drop-down for the activation, the numbers, and the neuron's picture.

    `reading` is the latest NeuronReading; `refresh()` recomputes it from the controls and redraws.
    `figure` is the LiveFigure shown (its `image` the Image widget), `picture` the NeuronPicture on it.
    """

    def __init__(self, n_inputs, activation, x, w, b):
        self.n_inputs = n_inputs
        self.sliders = {f"x{i + 1}": _slider(f"x{i + 1}", x[i]) for i in range(n_inputs)}
        self.sliders.update({f"w{i + 1}": _slider(f"w{i + 1}", w[i]) for i in range(n_inputs)})
        self.sliders["b"] = _slider("b", b)
        self.dropdown = widgets.Dropdown(options=list(EXPLORER_ACTIVATIONS), value=activation, description="activation")
        self.numbers = widgets.HTML()
        # 7.4 x 3.8 inches: the drawing's 9.5 x 4.4 units at an equal aspect, and room for the title
        self.figure = LiveFigure((7.4, 3.8))
        self._axes = self.figure.figure.add_axes((0.0, 0.0, 1.0, 0.9))
        self.picture = None
        self.image = self.figure.image
        inputs = [self.sliders[f"x{i + 1}"] for i in range(n_inputs)]
        weights = [self.sliders[f"w{i + 1}"] for i in range(n_inputs)]
        columns = widgets.HBox(
            [
                widgets.VBox([widgets.HTML("<b>inputs x</b>"), *inputs]),
                widgets.VBox([widgets.HTML("<b>weights w</b>"), *weights]),
                widgets.VBox([widgets.HTML("<b>bias and activation</b>"), self.sliders["b"], self.dropdown]),
            ]
        )
        super().__init__([columns, self.numbers, self.image, self.figure.announcer])
        accessible(self)
        for control in [*self.sliders.values(), self.dropdown]:
            control.observe(self._on_change, names="value")
        self.reading = None
        self.refresh()

    def values(self):
        """The current slider values and activation, as reading_from_values takes them."""
        values = {name: slider.value for name, slider in self.sliders.items()}
        values["activation"] = self.dropdown.value
        return values

    def _on_change(self, change):
        self.refresh()

    def refresh(self):
        """Recompute the reading from the controls; redraw the numbers and the picture."""
        self.reading = reading_from_values(self.values(), self.n_inputs)
        reading = self.reading
        self.numbers.value = "<pre>" + html.escape(reading.summary()) + "</pre>"
        if self.picture is None:
            self.picture = NeuronPicture(
                list(reading.x), list(reading.w), reading.b, reading.activation, self._axes, title=reading.title()
            )
        else:
            self.picture.update(list(reading.x), list(reading.w), reading.b, reading.activation, reading.title())
        self.figure.show(reading.describe())


def neuron_explorer(n_inputs=3, activation="sigmoid", *, x=None, w=None, b=0.0):
    """An ipywidgets explorer of one neuron with `n_inputs` inputs; returns the widget.

    x, w: starting values (default x = 1, 0.5, -1, ... and w = 0.5, -0.5, 1, ...); b: starting bias.
    """
    if isinstance(n_inputs, bool) or not isinstance(n_inputs, (int, np.integer)) or not 1 <= n_inputs <= 6:
        raise ValueError(f"neuron_explorer: n_inputs must be a whole number from 1 to 6, got {n_inputs!r}")
    x = list(np.resize([1.0, 0.5, -1.0], n_inputs) if x is None else x)
    w = list(np.resize([0.5, -0.5, 1.0], n_inputs) if w is None else w)
    read_neuron(x, w, b, activation)  # checks every starting value before any widget exists
    return NeuronExplorer(int(n_inputs), activation, [float(v) for v in x], [float(v) for v in w], float(b))
