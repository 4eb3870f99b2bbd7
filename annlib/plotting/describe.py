"""Text alternatives for figures: what a figure shows, in words, for readers who cannot see it.

A screen reader cannot read a plot. Every figure of the course therefore carries a short text that says
what it shows, stored where notebook front ends look for it: the `alt` field of the image output's
metadata (`{"image/png": {"alt": "..."}}`), which JupyterLab, nbconvert's HTML, the site and the slides
carry with the picture.

    describe(fig_or_ax, text)   give a figure (or one of its axes) its text alternative
    description(fig)            the text a figure will be shown with
    number(value)               a number as the texts write it: two significant digits ("0.39", "1.2e-9")
    listing(items)              "a", "a and b", "a, b and c"

Every drawing helper of `annlib.plotting` describes the axes it draws on, so a figure made of them has a
text without any extra work. A figure drawn with matplotlib directly gets one with `describe(fig, ...)`
before `plt.show()`. When a figure has a text of its own, that text is used; otherwise the texts of its
axes, in the order the axes were added.

In a notebook, `describe` also teaches IPython's PNG display to attach the text to each figure it shows
(it wraps the formatter that `%matplotlib inline` installs, once, and again if `%matplotlib inline` runs
later). Outside IPython it only records the text.
"""

import weakref

from matplotlib.axes import Axes
from matplotlib.figure import Figure

__all__ = ["describe", "description", "number", "listing"]

_TEXTS = weakref.WeakKeyDictionary()


def describe(target, text):
    """Give `target` (a matplotlib Figure or Axes) the text alternative `text`; return `target`.

    The text says what the figure shows (its kind, what is plotted against what, and what a reader
    should notice), in one to three sentences. Describing a figure replaces its axes' own texts;
    describing an axes adds to the figure's text, in the order the axes were added.
    """
    if not isinstance(target, (Figure, Axes)):
        raise TypeError(
            f"describe: expected a matplotlib Figure or Axes as the first argument, got {type(target).__name__}"
        )
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"describe: expected a non-empty text for the figure, got {text!r}")
    _TEXTS[target] = " ".join(text.split())
    _attach_to_display()
    return target


def description(fig):
    """The text alternative `fig` will be shown with ("" when neither it nor any of its axes has one)."""
    if isinstance(fig, Axes):
        fig = fig.figure
    if not isinstance(fig, Figure):
        raise TypeError(f"description: expected a matplotlib Figure or Axes, got {type(fig).__name__}")
    own = _TEXTS.get(fig)
    if own:
        return own
    parts = [_TEXTS[ax] for ax in fig.axes if ax in _TEXTS]
    return " ".join(parts)


def _forget(target):
    """Drop `target`'s own text (a helper that describes a whole row of panels on its first one)."""
    _TEXTS.pop(target, None)


def number(value, digits=2):
    """`value` rounded to `digits` significant digits, as a text alternative writes it.

    Positional from 0.001 up to a million ("0.39", "-0.0058", "1", "120", "35000"), otherwise in
    scientific notation ("1.9e-22", "2.5e+07"); trailing zeros are dropped, and -0 is written 0.
    """
    value = float(value)
    if value != value or value in (float("inf"), float("-inf")):
        return {"nan": "not a number", "inf": "infinity", "-inf": "minus infinity"}[str(value)]
    if value == 0:
        return "0"
    rounded = float(f"{value:.{digits}g}")
    if 1e-3 <= abs(rounded) < 1e6:
        text = f"{rounded:.{max(digits - 1 - _exponent(rounded), 0)}f}"
        text = text.rstrip("0").rstrip(".") if "." in text else text
    else:
        mantissa, exponent = f"{rounded:.{digits - 1}e}".split("e")
        mantissa = mantissa.rstrip("0").rstrip(".") if "." in mantissa else mantissa
        text = f"{mantissa}e{int(exponent):+03d}" if int(exponent) > 0 else f"{mantissa}e{int(exponent)}"
    return "0" if text in ("-0", "0") else text


def _exponent(value):
    """The power of ten of |value|'s leading digit: 0.039 -> -2, 120 -> 2."""
    return int(f"{abs(value):e}".split("e")[1])


def listing(items):
    """Items joined as a sentence lists them: "a", "a and b", "a, b and c"."""
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _attach_to_display():
    """Make IPython's PNG display of a Figure carry `description(fig)` as `alt` (when IPython runs)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with every notebook stack
        return
    shell = get_ipython()
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["image/png"]
    try:
        current = formatter.lookup_by_type(Figure)
    except KeyError:
        return  # no inline backend: figures are not shown as PNG here
    if getattr(current, "_annlib_alt", False):
        return

    def png_with_alt(fig, _draw=current):
        data = _draw(fig)
        if isinstance(data, tuple):
            data, metadata = data
        else:
            metadata = {}
        text = description(fig)
        if data is None or not text:
            return data if not metadata else (data, metadata)
        return data, {**(metadata or {}), "alt": text}

    png_with_alt._annlib_alt = True
    formatter.for_type(Figure, png_with_alt)
