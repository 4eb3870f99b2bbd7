"""What a hidden layer builds: steps, bumps, and curves made of them (lesson 02).

A network with one input x, one hidden layer and an identity output computes

    y_hat(x) = sum_j W2[j, 0] * a_j(x) + b2,    a_j(x) = f(W1[0, j] * x + b1[j])

so its output is a weighted sum of the hidden neurons' curves. A steep sigmoid neuron is a step at
x = -b / w; two of them with output weights +h and -h make a bump of height h; bumps side by side,
each as high as a target curve at its centre, follow the curve. The weights are computed, not trained.

    bump_network(target, start, stop, n_bumps, steepness)   a 1 -> 2 n_bumps -> 1 network of bumps
    hidden_contributions(network, x)                         each hidden neuron's output and share of y_hat
    plot_step_and_bump(...)                                  one neuron's step; two neurons' bump
    plot_bump_sum(network, target, start, stop, ...)         the bumps, their sum and the target curve
    plot_hidden_units(network, start, stop, ...)             a trained network's hidden curves and their sum
"""

import numbers

import numpy as np

from annlib.activations import sigmoid
from annlib.layers import Dense
from annlib.network import Network
from annlib.plotting.describe import _forget, describe, number
from annlib.plotting.style import BLACK, BLUE, GREY, ORANGE, VERMILLION, label_axes, new_axes, place_legend

__all__ = ["bump_network", "hidden_contributions", "plot_step_and_bump", "plot_bump_sum", "plot_hidden_units"]


def _check_range(start, stop, caller):
    for name, value in (("start", start), ("stop", stop)):
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value):
            raise ValueError(f"{caller}: {name} must be a finite number, got {value!r}")
    if not start < stop:
        raise ValueError(f"{caller}: start must be less than stop, got start={start!r}, stop={stop!r}")
    return float(start), float(stop)


def _check_positive(value, name, caller, *, whole=False):
    kind = numbers.Integral if whole else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind) or not value > 0 or not np.isfinite(value):
        expected = "a whole number >= 1" if whole else "a number > 0"
        raise ValueError(f"{caller}: {name} must be {expected}, got {value!r}")
    return int(value) if whole else float(value)


def _two_axes(axes, caller, figsize):
    """The two panels a figure of this module draws: the given ones, or a new row of two."""
    if axes is None:
        import matplotlib.pyplot as plt

        figure, axes = plt.subplots(1, 2, figsize=figsize)
        figure.subplots_adjust(wspace=0.25)
    axes = np.asarray(axes).ravel()
    if axes.size != 2:
        raise ValueError(f"{caller}: axes must hold two axes, got {axes.size}")
    return axes


def bump_network(target, start, stop, n_bumps, steepness):
    """A network 1 -> 2 n_bumps (sigmoid) -> 1 (identity) whose output is n_bumps bumps following `target`.

    [start, stop] is cut into n_bumps equal pieces. Bump i is two hidden neurons of weight `steepness`:
    one steps up at the piece's left edge (bias -steepness * left), one at its right edge; their output
    weights are +h_i and -h_i, with h_i = target(the piece's centre). Output bias 0.
    target: a function of a numpy array (np.sin). Returns an annlib Network; nothing is trained.
    """
    caller = "bump_network"
    if not callable(target):
        raise TypeError(f"{caller}: target must be a function of x such as np.sin, got {type(target).__name__}")
    start, stop = _check_range(start, stop, caller)
    n_bumps = _check_positive(n_bumps, "n_bumps", caller, whole=True)
    steepness = _check_positive(steepness, "steepness", caller)
    edges = np.linspace(start, stop, n_bumps + 1)
    centres = (edges[:-1] + edges[1:]) / 2
    heights = np.asarray(target(centres), dtype=np.float64).reshape(-1)
    if heights.shape != (n_bumps,) or not np.all(np.isfinite(heights)):
        raise ValueError(f"{caller}: target must give one finite number per x; at the bumps' centres it gave {heights}")
    hidden = Dense(1, 2 * n_bumps, "sigmoid", init=0.0, rng=0)
    output = Dense(2 * n_bumps, 1, "identity", init=0.0, rng=0)
    hidden.W[0, :] = steepness  # every hidden neuron: a step as steep
    hidden.b[0::2] = -steepness * edges[:-1]  # neuron 2i steps up at the left edge
    hidden.b[1::2] = -steepness * edges[1:]  # neuron 2i + 1 at the right edge
    output.W[0::2, 0] = heights  # + h_i ...
    output.W[1::2, 0] = -heights  # ... - h_i: a bump of height h_i
    return Network([hidden, output])


def _one_hidden_layer(network, caller):
    layers = getattr(network, "layers", None)
    if layers is None or len(layers) != 2 or layers[0].n_inputs != 1 or layers[1].n_outputs != 1:
        got = network.sizes if hasattr(network, "sizes") else type(network).__name__
        raise ValueError(f"{caller}: expected a network with 1 input, one hidden layer and 1 output, got {got}")
    if layers[1].activation.name != "identity":
        raise ValueError(
            f"{caller}: the output layer must use the identity, so that the output is the hidden curves' "
            f"weighted sum; it uses {layers[1].activation.name}"
        )
    return layers


def hidden_contributions(network, x):
    """(A, contributions, y_hat) for a 1 -> n_hidden -> 1 network with an identity output, at the points x.

    A: (len(x), n_hidden), each hidden neuron's output a_j(x); contributions: (len(x), n_hidden),
    A * W2[:, 0], each neuron's share of the output; y_hat: (len(x),), contributions summed plus b2,
    which equals network.forward(x).
    """
    hidden, output = _one_hidden_layer(network, "hidden_contributions")
    x = np.asarray(x, dtype=np.float64).reshape(-1, 1)  # (n,) -> (n, 1)
    A = hidden.forward(x)  # (n, n_hidden)
    contributions = A * output.W[:, 0]  # (n, n_hidden)
    return A, contributions, contributions.sum(axis=1) + output.b[0]


def plot_step_and_bump(axes=None, *, left=1.0, right=2.0, steepness=20.0, start=-1.0, stop=4.0):
    """Two panels: one sigmoid neuron turning into a step as its weight grows; two neurons making a bump.

    Left: sigmoid(w (x - left)) for w = 1, 5 and `steepness`, each a step at x = left. Right: the steps
    at `left` and `right` (weight `steepness`) and their difference, output weights +1 and -1: a bump of
    height about 1 between them. axes: None or two axes. Returns the two axes.
    """
    caller = "plot_step_and_bump"
    start, stop = _check_range(start, stop, caller)
    left, right = _check_range(left, right, caller + " (left, right)")
    steepness = _check_positive(steepness, "steepness", caller)
    axes = _two_axes(axes, caller, (10.0, 3.6))
    x = np.linspace(start, stop, 501)
    step_axes, bump_axes = axes
    for weight, colour, style in ((1.0, GREY, ":"), (5.0, ORANGE, "--"), (steepness, BLUE, "-")):
        step_axes.plot(
            x,
            sigmoid(weight * (x - left)),
            color=colour,
            linestyle=style,
            linewidth=2.2,
            label=f"w = {number(weight)}, b = {number(-weight * left)}",
        )
    step_axes.legend(loc="lower right", frameon=False)
    label_axes(step_axes, "x (the input)", "a = sigmoid(w x + b)", f"one neuron: a step at x = -b / w = {number(left)}")
    up, down = sigmoid(steepness * (x - left)), sigmoid(steepness * (x - right))
    bump_axes.plot(x, up, color=ORANGE, linestyle="--", linewidth=1.8, label=f"neuron 1: step at x = {number(left)}")
    bump_axes.plot(
        x, down, color=VERMILLION, linestyle=":", linewidth=1.8, label=f"neuron 2: step at x = {number(right)}"
    )
    bump_axes.plot(x, up - down, color=BLUE, linewidth=2.6, label="output: (+1) neuron 1 + (-1) neuron 2")
    bump_axes.set_ylim(-0.1, 1.45)
    bump_axes.legend(loc="upper left", frameon=False, fontsize="small")
    label_axes(bump_axes, "x (the input)", "value", "two neurons, output weights +1 and -1: a bump")
    height = 2 * sigmoid(steepness * (right - left) / 2) - 1  # the bump at its centre
    _forget(bump_axes)
    describe(
        step_axes,
        f"Two line plots against the input x from {number(start)} to {number(stop)}. Left: one sigmoid neuron's "
        f"output for weights w = 1, 5 and {number(steepness)}, each with its bias set so that it rises through "
        f"0.5 at x = {number(left)}; the larger w, the more it looks like a step from 0 to 1. Right: two such "
        f"steps, at x = {number(left)} (dashed) and x = {number(right)} (dotted), and their difference (solid): "
        f"a bump, 0 outside, {number(height, 4)} at its centre, x = {number((left + right) / 2)}.",
    )
    return axes


def plot_bump_sum(network, target, start, stop, ax=None, *, target_label="target", title=None):
    """The bumps of a bump_network (thin, alternating styles), their sum (thick) and the target (dashed).

    network: from bump_network (hidden neurons in pairs, one bump per pair). target: the function the
    bumps follow. Returns the axes; its text alternative gives the largest distance between sum and target.
    """
    caller = "plot_bump_sum"
    hidden, output = _one_hidden_layer(network, caller)
    if hidden.n_outputs % 2:
        raise ValueError(f"{caller}: a bump network has its hidden neurons in pairs, got {hidden.n_outputs}")
    start, stop = _check_range(start, stop, caller)
    ax = new_axes(ax, figsize=(7.0, 4.0))
    x = np.linspace(start, stop, 1001)
    _, contributions, y_hat = hidden_contributions(network, x)
    bumps = contributions[:, 0::2] + contributions[:, 1::2]  # (n, n_bumps): each pair's bump
    for i in range(bumps.shape[1]):
        ax.plot(
            x,
            bumps[:, i],
            color=(ORANGE, VERMILLION)[i % 2],
            linestyle=("-", "--")[i % 2],
            linewidth=1.2,
            alpha=0.9,
            label="one bump (two neurons)" if i == 0 else None,
        )
    ax.plot(x, y_hat, color=BLUE, linewidth=2.6, label="the output: all bumps added")
    wanted = np.asarray(target(x), dtype=np.float64)
    ax.plot(x, wanted, color=BLACK, linestyle=":", linewidth=2.0, label=target_label)
    ax.axhline(0.0, color=GREY, linewidth=0.8, zorder=0)
    place_legend(ax)
    distance = np.abs(y_hat - wanted).max()
    n_bumps = bumps.shape[1]
    describe(
        ax,
        f"Line plot against x from {number(start)} to {number(stop)}: {n_bumps} bumps side by side (thin lines, "
        f"alternately solid and dashed), each as high as {target_label} at its centre; their sum, the network's "
        f"output (thick), and {target_label} (dotted). The sum is a rounded staircase that follows "
        f"{target_label}, never more than {number(distance)} from it.",
    )
    default = f"{n_bumps} bumps from {hidden.n_outputs} hidden neurons, added by the output neuron"
    return label_axes(ax, "x (the input)", "value", default if title is None else title)


def plot_hidden_units(network, start, stop, axes=None, *, X=None, y=None):
    """Two panels for a 1 -> n_hidden -> 1 network with an identity output, over x from start to stop.

    Left: each hidden neuron's output a_j(x). Right: each neuron's share of the output, W2[j] a_j(x)
    (thin), the sum of the shares that rise with x and of those that fall (thick), and the output y_hat
    (black), over the data (X, y) if given. A share rises when W1[0, j] W2[j] > 0 (the activation only
    climbs): rising neurons are drawn solid blue, falling ones dashed orange, in both panels.
    Returns the two axes.
    """
    caller = "plot_hidden_units"
    hidden, output = _one_hidden_layer(network, caller)
    start, stop = _check_range(start, stop, caller)
    axes = _two_axes(axes, caller, (11.0, 4.2))
    x = np.linspace(start, stop, 401)
    A, contributions, y_hat = hidden_contributions(network, x)
    rising = hidden.W[0] * output.W[:, 0] > 0  # (n_hidden,): does the share climb with x?
    units_axes, sum_axes = axes
    for j in range(A.shape[1]):
        colour, style = (BLUE, "-") if rising[j] else (ORANGE, "--")
        units_axes.plot(x, A[:, j], color=colour, linestyle=style, linewidth=1.3)
        sum_axes.plot(x, contributions[:, j], color=colour, linestyle=style, linewidth=0.8, alpha=0.6)
    units_axes.plot([], [], color=BLUE, linestyle="-", label=f"{int(rising.sum())} neurons whose share rises")
    units_axes.plot([], [], color=ORANGE, linestyle="--", label=f"{int((~rising).sum())} whose share falls")
    label_axes(units_axes, "x (the input)", "hidden neuron's output", f"the {A.shape[1]} hidden neurons' outputs")
    up, down = contributions[:, rising].sum(axis=1), contributions[:, ~rising].sum(axis=1)
    if X is not None and y is not None:
        sum_axes.scatter(np.ravel(X), np.ravel(y), s=12, color=GREY, marker="o", label="data", zorder=1)
    sum_axes.plot(x, up, color=BLUE, linewidth=2.4, label="the rising shares, added")
    sum_axes.plot(x, down, color=ORANGE, linestyle="--", linewidth=2.4, label="the falling shares, added")
    sum_axes.plot(x, y_hat, color=BLACK, linewidth=2.8, label="output: both sums, plus the bias", zorder=3)
    label_axes(sum_axes, "x (the input)", "output weight × neuron's output", "each neuron's share, and the sums")
    for ax in axes:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, frameon=False, fontsize="small")
    name = hidden.activation.name
    _forget(sum_axes)
    describe(
        units_axes,
        f"Two line plots against the input x from {number(start)} to {number(stop)}. Left: the outputs of the "
        f"{A.shape[1]} hidden {name} neurons, each a smooth step centred at its own x; {int(rising.sum())} "
        f"(solid) have a share of the output that rises with x, {int((~rising).sum())} (dashed) one that falls. "
        f"Right: each neuron's share (thin), the rising shares added (solid, from {number(up[0])} to "
        f"{number(up[-1])}), the falling shares added (dashed, from {number(down[0])} to {number(down[-1])}), "
        f"and their total plus the bias, the network's output (thick black), between {number(y_hat.min())} "
        f"and {number(y_hat.max())}" + (", over the data points" if X is not None and y is not None else "") + ".",
    )
    return axes
