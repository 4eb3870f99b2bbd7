"""How every widget shows a figure: one matplotlib Figure, kept and drawn again in place.

A widget builds its figure once (`LiveFigure`), changes what moved (a text, a line's data, an image's
pixels), and sends the new picture to an ipywidgets `Image`: no new figure, no Output to clear, no
second rendering to crop the margins. The figure is drawn at the size the page shows it (72 dots per
inch, as the lessons' inline figures are). Each picture carries a one-sentence text alternative, sent
with it as the image's `tooltip` (the page's `title` attribute, the image's accessible name); a figure
at rest (a PNG, not a frame of an animation) also puts its text in a live region (`announcer`, an HTML
widget holding an aria-live="polite" element) that a screen reader reads out when it changes.

Parts that change many times a second (a boundary while training) can be drawn over a saved copy of
the rest (`blit()`), which skips the axes, ticks and labels that did not move: matplotlib's blitting,
done on the Agg canvas. An image that fills an axes can be written straight into the canvas's pixels
(`painters`), with no resampling by matplotlib. Artists that never change but lie over such an image
(the training points over a decision boundary) are `overlays`: drawn once per render, twice (over black
and over white) to learn each pixel's colour and how much of what lies beneath shows through, then laid
over the painted pixels in numpy on every blit, which costs far less than drawing them again.
"""

import html
import io

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox
from PIL import Image

__all__ = ["LiveFigure", "FigureImage", "DPI", "BUTTON_COLOURS", "colour_button", "accessible"]

DPI = 72

# A button's colour by its style, dark enough for its white text (WCAG AA asks 4.5:1; ipywidgets' own
# primary, warning and danger blues, orange and red give 3.1, 2.2 and 3.7 on a page without JupyterLab).
BUTTON_COLOURS = {"primary": "#1565c0", "warning": "#b45309", "danger": "#c62828"}  # 5.8, 5.0 and 5.6 : 1
# Every widget of the course carries this (in its live region's HTML): a visible focus ring on whatever
# the keyboard reaches, and the class that keeps the spoken text off the screen.
ACCESSIBLE_CSS = (
    "<style>"
    ".annlib-widget :is(button, select, input, textarea, [tabindex], [contenteditable]):focus-visible"
    " { outline: 3px solid #1565c0 !important; outline-offset: 2px; }"
    ".annlib-sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;"
    " overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }"
    "</style>"
)


def colour_button(button, style):
    """Give an ipywidgets Button the style ("primary", "warning", "danger" or "") and a colour that reads."""
    button.button_style = style
    button.style.button_color = BUTTON_COLOURS.get(style)
    button.style.text_color = "white" if style in BUTTON_COLOURS else None


def accessible(box):
    """Mark a widget as the course's (its focus ring, see ACCESSIBLE_CSS); returns it."""
    box.add_class("annlib-widget")
    return box


class FigureImage(widgets.Image):
    """An ipywidgets Image whose tooltip the page writes as the image's title (its text alternative).

    The page's view writes a widget's tooltip as its title only when the widget's description is empty,
    and reads that description first: an Image has none, so with a tooltip its view fails to draw. This
    one is given an empty description (ipywidgets 8.0 to 8.1).
    """

    # a traitlets Unicode, the type of Image's own `format` (traitlets comes with ipywidgets)
    description = type(widgets.Image.format)("", help="Always empty: the page then shows the tooltip.").tag(sync=True)


def _pixel_region(box, height, width):
    """The rows and columns (slices) of an image `height` pixels high covered by a Bbox in display
    coordinates (which count up from the bottom), clipped to the image."""
    top, bottom = max(int(np.floor(height - box.y1)), 0), min(int(np.ceil(height - box.y0)), height)
    left, right = max(int(np.floor(box.x0)), 0), min(int(np.ceil(box.x1)), width)
    return slice(top, max(bottom, top)), slice(left, max(right, left))


def _encode(rgba, kind="png"):
    """PNG (lightly compressed: the page shows it at once) or JPEG bytes of an (h, w, 4) uint8 array.

    JPEG takes a tenth of PNG's time (0.4 ms against 5 for the playground's 720 x 288 figure), for the
    frames of an animation; a figure at rest is PNG, sharp. Pillow reads the canvas's pixels where they
    are: for JPEG the fourth byte of each (always opaque here) is read as padding.
    """
    rgba = np.ascontiguousarray(rgba)
    height, width = rgba.shape[:2]
    buffer = io.BytesIO()
    if kind == "jpeg":
        Image.frombuffer("RGBX", (width, height), rgba, "raw", "RGBX", 0, 1).save(buffer, "jpeg", quality=85)
    else:
        Image.frombuffer("RGBA", (width, height), rgba, "raw", "RGBA", 0, 1).save(buffer, "png", compress_level=1)
    return buffer.getvalue()


class LiveFigure:
    """A Figure on its own Agg canvas, shown by `image` (an ipywidgets Image) and drawn again on request.

    figsize: inches (at 72 dots per inch). `figure` is the matplotlib Figure to draw on; `show(alt)`
    renders it and sends it; `frames` counts the pictures sent, `alt` is the last text alternative.
    """

    def __init__(self, figsize, *, alt=""):
        self.figure = Figure(figsize=figsize, dpi=DPI, facecolor="white")
        self.canvas = FigureCanvasAgg(self.figure)
        # its size given, the page lays the figure out once, not again as each picture arrives
        width, height = (str(round(inches * DPI)) for inches in figsize)
        self.image = FigureImage(format="png", width=width, height=height, tooltip=alt or None)
        self.image.add_class("annlib-figure")
        # what the figure shows, read out politely by a screen reader when a new figure is at rest (a PNG,
        # never an animation's JPEG frames); kept off the screen, where the figure's title shows it
        self.announcer = widgets.HTML(layout=widgets.Layout(margin="0"))
        self.announcer.add_class("annlib-announcer")
        self.announced = None
        self.alt = alt
        self.frames = 0
        self._backgrounds = []  # the canvas under each group of animated artists
        self._layers = None
        self.animated = []  # artists drawn after the rest, on every blit
        self.painters = []  # functions of the (h, w, 4) pixels, called before the animated artists
        self.overlays = []  # artists that do not change, laid over the painted pixels on every blit
        self._overlay = None  # (flat pixel indices, premultiplied colour, fraction of what lies beneath)
        self._boxes = {}  # the boxes of axes (with their labels) not drawn again since the last render

    @property
    def layers(self):
        """The animated artists in groups drawn one after another: [self.animated] unless set."""
        return self._layers if self._layers is not None else [self.animated]

    @layers.setter
    def layers(self, groups):
        self._layers = [list(group) for group in groups]

    def render(self, axes=None):
        """Draw the figure and keep a copy of it, without the animated artists, for blitting; then the
        animated artists on top. With `axes`, only that axes is drawn again, over its band of the figure
        cleared, when nothing else has changed (a new axis limit, say)."""
        for artist in [*self.overlays, *(a for group in self.layers for a in group)]:
            artist.set_animated(True)
        if axes is None or not self._redraw(axes):
            self.canvas.draw()
            self._boxes = {}
            self._overlay = None
        animated = any(self.layers) or self.painters or self.overlays
        self._backgrounds = [self.canvas.copy_from_bbox(self.figure.bbox)] if animated else []
        if self.overlays and self._overlay is None:
            self._overlay = self._capture(self.overlays)
        self._draw_layers(0)

    def _redraw(self, axes):
        """Draw `axes` again over the last render, in its band of the figure: its column from the top
        to the bottom, between the other axes (with their labels) to its left and right; or its row,
        when the others lie above and below it. False (nothing done) for other layouts, or before
        any render."""
        if not self._backgrounds or axes not in self.figure.axes:
            return False
        renderer = self.canvas.get_renderer()
        for other in self.figure.axes:  # the others do not change: their boxes are kept until a whole render
            if other is not axes and other not in self._boxes:
                self._boxes[other] = other.get_tightbbox(renderer)
        own, others = axes.bbox, [self._boxes[other] for other in self.figure.axes if other is not axes]
        figure = self.figure.bbox
        if all(box.x1 < own.x0 or box.x0 > own.x1 for box in others):
            left = max([box.x1 for box in others if box.x1 < own.x0], default=figure.x0)
            right = min([box.x0 for box in others if box.x0 > own.x1], default=figure.x1)
            band = Bbox.from_extents(left + 1, figure.y0, right - 1, figure.y1)
        elif all(box.y1 < own.y0 or box.y0 > own.y1 for box in others):
            bottom = max([box.y1 for box in others if box.y1 < own.y0], default=figure.y0)
            top = min([box.y0 for box in others if box.y0 > own.y1], default=figure.y1)
            band = Bbox.from_extents(figure.x0, bottom + 1, figure.x1, top - 1)
        else:
            return False
        self.canvas.restore_region(self._backgrounds[0])
        pixels = np.asarray(self.canvas.buffer_rgba())
        rows, columns = _pixel_region(band, pixels.shape[0], pixels.shape[1])
        pixels[rows, columns] = np.round(255 * np.array(to_rgba(self.figure.get_facecolor()))).astype(np.uint8)
        self.figure.draw_artist(axes)
        if any(artist.axes is axes for artist in self.overlays):
            self._overlay = None  # drawn again, so taken again
        return True

    def _capture(self, artists):
        """The artists as a layer of pixels: drawn over black and over white, the two pictures give each
        pixel's colour (premultiplied by its opacity) and the fraction of the pixel beneath that shows
        through. Only the pixels they touch are kept (looked for inside their clipping boxes)."""
        pixels = np.asarray(self.canvas.buffer_rgba())
        height, width = pixels.shape[:2]
        clips = [artist.get_clip_box() if artist.get_clip_on() else None for artist in artists]
        region = (slice(0, height), slice(0, width))
        if all(clip is not None for clip in clips):
            region = _pixel_region(Bbox.union(clips).padded(1), height, width)
        shots = []
        for value in (0, 255):
            self.canvas.restore_region(self._backgrounds[0])
            pixels[region + (slice(0, 3),)] = value
            for artist in artists:
                if artist.get_visible():
                    self.figure.draw_artist(artist)
            shots.append(pixels[region + (slice(0, 3),)].reshape(-1, 3).copy())
        self.canvas.restore_region(self._backgrounds[0])
        on_black, on_white = shots
        local = np.flatnonzero(((on_black != 0) | (on_white != 255)).any(axis=1))
        rows, columns = region
        local_rows, local_columns = np.divmod(local, columns.stop - columns.start)
        touched = (local_rows + rows.start) * width + local_columns + columns.start
        colour, white = on_black[local].astype(np.float32), on_white[local].astype(np.float32)
        return touched, colour, (white - colour) / 255

    def _lay_overlay(self, pixels):
        touched, colour, beneath = self._overlay
        flat = pixels.reshape(-1, 4)
        flat[touched, :3] = (colour + beneath * flat[touched, :3] + 0.5).astype(np.uint8)

    def _draw_layers(self, first):
        """Draw the animated groups from `first` on, keeping a copy of the canvas before each next one."""
        del self._backgrounds[first + 1 :]
        if first == 0 and self.painters:
            pixels = np.asarray(self.canvas.buffer_rgba())
            for paint in self.painters:
                paint(pixels)
        if first == 0 and self._overlay is not None:
            self._lay_overlay(np.asarray(self.canvas.buffer_rgba()))
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
        if kind == "png":
            self.announce(self.alt)

    def announce(self, text):
        """Put text in the figure's live region (aria-live="polite"), when it differs from the last."""
        if text == self.announced:
            return
        self.announced = text
        self.announcer.value = (
            f'{ACCESSIBLE_CSS}<div class="annlib-sr-only annlib-live" role="status" aria-live="polite">'
            f"{html.escape(text or '')}</div>"
        )

    def show(self, alt=None, *, blit=False, first=0, kind="png", axes=None):
        """Render (only `axes`, if given, when it can), or with blit draw only the animated groups from
        `first` on; then send the picture."""
        if blit:
            self.blit(first)
        else:
            self.render(axes)
        self.send(alt, kind=kind)
