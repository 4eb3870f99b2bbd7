"""Colours and the shared look of every figure in the course (all lessons).

The palette is Okabe and Ito's, chosen so that people with the common kinds of colour blindness can
still tell every colour apart. Signed values (weights, gradients) use a diverging colour map: one hue
for negative values, another for positive, and a pale middle for values near zero.

    new_axes(ax=None, figsize=...)   the axes every plot helper draws on
    label_axes(ax, ...)              axis labels and a title in one call
    signed_norm(values)              a colour scale centred on zero, for weights and gradients
    place_legend(ax, **options)      a legend that keeps off the data: beside the axes when nothing
                                     is drawn to their right, else in the emptiest corner inside
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import Normalize

__all__ = [
    "BLACK",
    "ORANGE",
    "SKY_BLUE",
    "BLUISH_GREEN",
    "YELLOW",
    "BLUE",
    "VERMILLION",
    "REDDISH_PURPLE",
    "GREY",
    "OKABE_ITO",
    "CLASS_COLORS",
    "CLASS_MARKERS",
    "SIGNED_CMAP",
    "SEQUENTIAL_CMAP",
    "LAYER_COLORS",
    "new_axes",
    "label_axes",
    "signed_norm",
    "place_legend",
]

# The Okabe-Ito palette (Okabe & Ito, 2008, "Color Universal Design").
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#999999"

OKABE_ITO = [ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, BLUE, VERMILLION, REDDISH_PURPLE, BLACK]

# Class k of a classification problem is drawn in CLASS_COLORS[k] with marker CLASS_MARKERS[k]:
# colour and shape together, so the classes differ even in black and white.
CLASS_COLORS = [BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW, BLACK, GREY]
CLASS_MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*", "h"]

# Signed values: blue for negative, red for positive, white near zero (ColorBrewer's RdBu is
# colour-blind safe). Unsigned values: viridis.
SIGNED_CMAP = "RdBu_r"
SEQUENTIAL_CMAP = "viridis"

# Fill colours of the neurons in a network diagram, by kind of layer.
LAYER_COLORS = {"input": "#CDE7F6", "hidden": "#FBE3B0", "output": "#B3E2D3"}


def new_axes(ax=None, figsize=(6.4, 4.2)):
    """Return `ax` if given, else the axes of a new figure of size `figsize` (inches)."""
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize)
    return ax


def label_axes(ax, xlabel=None, ylabel=None, title=None):
    """Set whichever of the x label, y label and title are given; return the axes."""
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    if title is not None:
        ax.set_title(title)
    return ax


def signed_norm(values):
    """A colour scale from -m to +m, m = the largest |value|, so that zero sits in the pale middle.

    values: an array of any shape, or a list of arrays (such as every layer's W).
    """
    if isinstance(values, (list, tuple)):
        values = [np.ravel(v) for v in values]
        values = np.concatenate(values) if values else np.zeros(0)
    values = np.abs(np.asarray(values, dtype=np.float64))
    largest = float(values.max()) if values.size else 0.0
    largest = largest if np.isfinite(largest) and largest > 0 else 1.0
    return Normalize(vmin=-largest, vmax=largest)


def _something_to_the_right(ax):
    """Whether another axes of the figure (not a colour bar) sits to the right of `ax`, at its height."""
    box = ax.get_position()
    for other in ax.figure.axes:
        if other is ax or hasattr(other, "_colorbar") or other.get_label() == "<colorbar>":
            continue
        theirs = other.get_position()
        overlaps_in_height = theirs.y0 < box.y1 and box.y0 < theirs.y1
        if overlaps_in_height and theirs.x0 >= box.x1 - 1e-9:
            return True
    return False


def place_legend(ax, **options):
    """Add a legend that does not sit on the data; return it.

    Beside the axes, outside on the right, when no other axes is drawn there (a notebook saves the
    figure with its legend, bbox_inches="tight"); otherwise inside, where it covers the fewest lines
    and points (matplotlib's "best"), on a nearly opaque background.
    """
    if _something_to_the_right(ax):
        options.setdefault("loc", "best")
        options.setdefault("framealpha", 0.9)
    else:
        options.update(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0)
        options.setdefault("frameon", False)
    return ax.legend(**options)
