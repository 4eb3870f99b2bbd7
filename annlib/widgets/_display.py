"""How every widget shows a figure: one matplotlib Figure, kept and drawn again in place.

A widget builds its figure once (`LiveFigure`), changes what moved (a text, a line's data, an image's
pixels), and sends the new picture to an ipywidgets `Image`: no new figure, no Output to clear, no
second rendering to crop the margins. The figure is drawn at the size the page shows it (72 dots per
inch, as the lessons' inline figures are). Each picture carries a one-sentence text alternative, sent
with it as the image's `tooltip` (the page's `title` attribute, which screen readers announce).

Parts that change many times a second (a boundary while training) can be drawn over a saved copy of
the rest (`blit()`), which skips the axes, ticks and labels that did not move: matplotlib's blitting,
done on the Agg canvas. An image that fills an axes can be written straight into the canvas's pixels
(`painters`), with no resampling by matplotlib.
"""

import io

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.image import imsave

__all__ = ["LiveFigure", "FigureImage", "DPI"]

DPI = 72


class FigureImage(widgets.Image):
    """An ipywidgets Image whose tooltip the page writes as the image's title (its text alternative).

    The page's view writes a widget's tooltip as its title only when the widget's description is empty,
    and reads that description first: an Image has none, so with a tooltip its view fails to draw. This
    one is given an empty description (ipywidgets 8.0 to 8.1).
    """

    # a traitlets Unicode, the type of Image's own `format` (traitlets comes with ipywidgets)
    description = type(widgets.Image.format)("", help="Always empty: the page then shows the tooltip.").tag(sync=True)


def _encode(rgba, kind="png"):
    """PNG (lightly compressed: the page shows it at once) or JPEG bytes of an (h, w, 4) uint8 array.

    JPEG takes a quarter of PNG's time (2 ms against 7.5 for the playground's 720 x 288 figure), for
    the frames of an animation; a figure at rest is PNG, sharp.
    """
    buffer = io.BytesIO()
    if kind == "jpeg":
        imsave(buffer, rgba, format="jpeg", pil_kwargs={"quality": 85})
    else:
        imsave(buffer, rgba, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


class LiveFigure:
    """A Figure on its own Agg canvas, shown by `image` (an ipywidgets Image) and drawn again on request.

    figsize: inches (at 72 dots per inch). `figure` is the matplotlib Figure to draw on; `show(alt)`
    renders it and sends it; `frames` counts the pictures sent, `alt` is the last text alternative.
    """

    def __init__(self, figsize, *, alt=""):
        self.figure = Figure(figsize=figsize, dpi=DPI, facecolor="white")
        self.canvas = FigureCanvasAgg(self.figure)
        self.image = FigureImage(format="png", tooltip=alt or None)
        self.image.add_class("annlib-figure")
        self.alt = alt
        self.frames = 0
        self._backgrounds = []  # the canvas under each group of animated artists
        self._layers = None
        self.animated = []  # artists drawn after the rest, on every blit
        self.painters = []  # functions of the (h, w, 4) pixels, called before the animated artists

    @property
    def layers(self):
        """The animated artists in groups drawn one after another: [self.animated] unless set."""
        return self._layers if self._layers is not None else [self.animated]

    @layers.setter
    def layers(self, groups):
        self._layers = [list(group) for group in groups]

    def render(self):
        """Draw the whole figure (animated artists too, on top); keeps a copy of the rest for blitting."""
        for group in self.layers:
            for artist in group:
                artist.set_animated(True)
        self.canvas.draw()
        animated = any(self.layers) or self.painters
        self._backgrounds = [self.canvas.copy_from_bbox(self.figure.bbox)] if animated else []
        self._draw_layers(0)

    def _draw_layers(self, first):
        """Draw the animated groups from `first` on, keeping a copy of the canvas before each next one."""
        del self._backgrounds[first + 1 :]
        if first == 0 and self.painters:
            pixels = np.asarray(self.canvas.buffer_rgba())
            for paint in self.painters:
                paint(pixels)
        groups = self.layers
        for k in range(first, len(groups)):
            if k > first:
                self._backgrounds.append(self.canvas.copy_from_bbox(self.figure.bbox))
            for artist in groups[k]:
                if artist.get_visible():
                    self.figure.draw_artist(artist)

    def blit(self, first=0):
        """Draw the animated groups from `first` on over the saved copy of what lies under them (the
        groups before `first` as last drawn); a whole render when there is no copy yet."""
        if not self._backgrounds:
            self.render()
            return
        first = min(first, len(self._backgrounds) - 1)
        self.canvas.restore_region(self._backgrounds[first])
        self._draw_layers(first)

    def png(self):
        return _encode(np.asarray(self.canvas.buffer_rgba()))

    def send(self, alt=None, *, kind="png"):
        """Send what the canvas holds to the page ("png", or "jpeg" for a frame of an animation)."""
        if alt is not None:
            self.alt = alt
        data = _encode(np.asarray(self.canvas.buffer_rgba()), kind)
        with self.image.hold_sync():
            self.image.format = kind
            self.image.value = data
            self.image.tooltip = self.alt or None
        self.frames += 1

    def show(self, alt=None, *, blit=False, first=0, kind="png"):
        """Render (or, with blit, draw only the animated groups from `first` on) and send the picture."""
        if blit:
            self.blit(first)
        else:
            self.render()
        self.send(alt, kind=kind)
