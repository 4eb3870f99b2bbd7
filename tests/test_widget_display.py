"""Tests for annlib.widgets._display: a kept figure drawn again in place, and what it sends to the page."""

import io

import numpy as np
import pytest
from PIL import Image

from annlib.widgets._display import LiveFigure, _encode


def pixels(live):
    return np.asarray(live.canvas.buffer_rgba()).astype(int)


def painted_figure(*, overlays):
    """A figure with an image painted into its axes, points over it and a line on top."""
    rng = np.random.default_rng(0)
    live = LiveFigure((4, 3))
    ax = live.figure.subplots()
    points = ax.scatter(rng.normal(size=40), rng.normal(size=40), s=40, color="#d62728", edgecolor="white", alpha=0.8)
    (line,) = ax.plot([-2, 2], [-2, 2])

    def paint(canvas_pixels):
        height, width = canvas_pixels.shape[:2]
        canvas_pixels[20 : height - 20, 30 : width - 30, 0] = np.linspace(0, 255, width - 60).astype(np.uint8)
        canvas_pixels[20 : height - 20, 30 : width - 30, 1] = 120

    live.painters = [paint]
    live.overlays = [points] if overlays else []
    live.animated = [line] if overlays else [points, line]
    return live


def test_overlays_laid_as_pixels_look_as_if_drawn_over_the_painted_image():
    drawn = painted_figure(overlays=False)
    drawn.render()
    laid = painted_figure(overlays=True)
    laid.render()
    laid.blit()  # from the saved copy: the painter, the points laid over it, the line
    difference = np.abs(pixels(laid) - pixels(drawn))
    assert difference.max() <= 1  # rounding of the blend, nothing more
    assert (difference > 0).sum() < 0.01 * difference.size
    assert laid._overlay is not None and 0 < len(laid._overlay[0]) < 0.2 * pixels(laid)[..., 0].size


def test_an_overlay_that_is_not_laid_again_is_missing():  # the test above can fail
    drawn = painted_figure(overlays=False)
    drawn.render()
    laid = painted_figure(overlays=True)
    laid.render()
    laid._overlay = (np.array([], dtype=int), np.zeros((0, 3), np.float32), np.zeros((0, 3), np.float32))
    laid.blit()
    assert np.abs(pixels(laid) - pixels(drawn)).max() > 100


def two_axes():
    live = LiveFigure((8, 3))
    left, right = live.figure.subplots(1, 2)
    (line,) = left.plot(np.arange(50), np.sin(np.arange(50) / 5))
    right.scatter([0, 1, 2], [2, 0, 1])
    right.set_title("unchanged")
    live.animated = [line]
    return live, left, right


def test_drawing_one_axes_again_gives_the_picture_a_whole_render_gives():
    live, left, _ = two_axes()
    live.render()
    left.set_xlim(0, 500)  # new ticks, wider labels: "500"
    left.set_ylim(-3, 30)
    live.render(left)
    assert live._boxes  # the other axes' box was kept: only the left one was drawn again
    again = pixels(live)
    live.render()
    assert not live._boxes  # a whole render forgets them
    assert np.array_equal(again, pixels(live))


def test_drawing_one_axes_again_falls_back_to_a_whole_render_where_axes_share_rows_and_columns():
    live = LiveFigure((6, 6))
    axes = live.figure.subplots(2, 2)
    live.animated = [axes[0, 0].plot([0, 1], [0, 1])[0]]
    live.render()
    axes[0, 0].set_xlim(0, 300)
    live.render(axes[0, 0])
    assert not live._boxes  # drawn whole
    again = pixels(live)
    live.render()
    assert np.array_equal(again, pixels(live))


def test_a_partial_render_that_did_not_clear_its_band_shows_the_old_ticks():  # the test above can fail
    live, left, _ = two_axes()
    live.render()
    left.set_ylim(-3, 30)
    live.canvas.restore_region(live._backgrounds[0])
    live.figure.draw_artist(left)  # drawn over the old picture, nothing cleared
    stale = pixels(live)
    live.render()
    assert not np.array_equal(stale, pixels(live))


@pytest.mark.parametrize("kind", ["png", "jpeg"])
def test_frames_decode_to_the_canvas(kind):
    live, _, _ = two_axes()
    live.render()
    data = _encode(np.asarray(live.canvas.buffer_rgba()), kind)
    decoded = np.asarray(Image.open(io.BytesIO(data)).convert("RGB")).astype(int)
    canvas = pixels(live)[..., :3]
    assert decoded.shape == canvas.shape
    if kind == "png":
        assert np.array_equal(decoded, canvas)
    else:
        assert np.abs(decoded - canvas).mean() < 3


def test_the_image_widget_has_the_figures_size_and_says_what_it_shows():
    live = LiveFigure((10, 4), alt="A figure.")
    assert (live.image.width, live.image.height) == ("720", "288")
    live.figure.subplots().plot([0, 1])
    live.show("A line rising from 0 to 1.", kind="jpeg")
    assert live.image.format == "jpeg" and live.image.value[:2] == b"\xff\xd8"
    assert live.image.tooltip == "A line rising from 0 to 1." and live.frames == 1
