"""Tests for annlib.widgets.stepper: the one-iteration stepper, as plain calls and through its buttons."""

import numpy as np
import pytest

import annlib
from annlib.widgets import stepper as stepper_module
from annlib.widgets.stepper import Stepper, animation_frames, stepper_widget


def test_all_is_accurate_and_exported_by_widgets():
    import annlib.widgets as widgets

    for name in stepper_module.__all__:
        assert getattr(widgets, name) is getattr(stepper_module, name)


def test_default_is_the_3_4_4_1_sigmoid_network():
    st = Stepper()
    assert st.network.sizes == [3, 4, 4, 1]
    assert st.stage == "start" and st.iteration == 0


def test_forward_gives_every_layers_values_and_the_prediction():
    st = Stepper(rng=3)
    values = st.forward()
    assert [v.shape for v in values] == [(3,), (4,), (4,), (1,)]
    np.testing.assert_allclose(values[0], st.x)
    np.testing.assert_allclose(values[-1], st.network.forward(st.x.reshape(1, -1))[0])
    assert st.stage == "forward"


def test_loss_is_the_squared_error_of_the_prediction():
    st = Stepper(y=(0.25,))
    st.forward()
    value = st.loss()
    assert value == pytest.approx((st.prediction[0, 0] - 0.25) ** 2)


def test_backward_gradients_agree_with_finite_differences():
    st = Stepper(rng=1)
    st.forward()
    st.loss()
    grads = st.backward()
    assert [g.shape for g in grads] == [(3, 4), (4, 4), (4, 1)]
    W = st.network[0].W
    eps = 1e-6
    original = W[0, 0]
    W[0, 0] = original + eps
    plus = annlib.losses.MSE()(st.network.forward(st.x[None]), st.y)
    W[0, 0] = original - eps
    minus = annlib.losses.MSE()(st.network.forward(st.x[None]), st.y)
    W[0, 0] = original
    assert grads[0][0, 0] == pytest.approx((plus - minus) / (2 * eps), rel=1e-5, abs=1e-10)


def test_update_moves_every_weight_by_minus_learning_rate_times_gradient():
    st = Stepper(learning_rate=0.3)
    before = [layer.W.copy() for layer in st.network]
    biases = [layer.b.copy() for layer in st.network]
    st.forward(), st.loss(), st.backward()
    grads_W, grads_b = st.weight_gradients, st.bias_gradients
    changes = st.update()
    for layer, old, grad, change in zip(st.network, before, grads_W, changes):
        np.testing.assert_allclose(layer.W, old - 0.3 * grad)
        np.testing.assert_allclose(change, -0.3 * grad)
    for layer, old, grad in zip(st.network, biases, grads_b):
        np.testing.assert_allclose(layer.b, old - 0.3 * grad)
    assert st.iteration == 1 and st.stage == "update"


def test_iterations_lower_the_loss():
    st = Stepper()
    st.run(15)
    assert len(st.losses) == 15
    assert st.losses[-1] < 0.5 * st.losses[0]
    assert all(b < a for a, b in zip(st.losses, st.losses[1:]))


def test_out_of_order_stages_are_refused_with_the_order_in_the_message():
    st = Stepper()
    with pytest.raises(ValueError, match=r"Stepper.backward: run loss\(\) first"):
        st.backward()
    st.forward()
    with pytest.raises(ValueError, match="forward, loss, backward, update"):
        st.update()
    st.loss()
    with pytest.raises(ValueError, match=r"run forward\(\) first"):
        st.loss()


def test_next_walks_the_stages_in_order():
    st = Stepper()
    assert [st.next() for _ in range(6)] == ["forward", "loss", "backward", "update", "forward", "loss"]
    assert st.iteration == 1


def test_reset_restores_the_first_weights():
    st = Stepper()
    first = st.network.get_weights()
    st.run(3)
    assert not np.allclose(st.network[0].W, first[0])
    st.reset()
    for now, then in zip(st.network.get_weights(), first):
        np.testing.assert_array_equal(now, then)
    assert st.stage == "start" and st.losses == [] and st.iteration == 0


def test_bad_examples_are_named():
    with pytest.raises(ValueError, match=r"Stepper: x has shape \(2,\), expected \(3,\)"):
        Stepper(x=(1.0, 2.0))
    with pytest.raises(ValueError, match="Stepper: y has 2 values"):
        Stepper(y=(1.0, 0.0))


def test_draw_shows_values_then_gradients_then_new_weights():
    st = Stepper()
    start_texts = [t.get_text() for t in st.draw().texts]
    assert "x1" in start_texts and "wa1" in " ".join(start_texts)
    st.forward()
    texts = [t.get_text() for t in st.draw().texts]
    assert f"{st.activations[1][0]:.2f}" in texts  # A11's value written in its node
    st.loss()
    assert "mse = " in st.draw().get_title()
    st.backward()
    ax = st.draw()
    assert "backward" in ax.get_title()
    labels = " ".join(t.get_text() for t in ax.texts)
    assert "wa1 = " in labels
    st.update()
    assert "update: w := w - η ∂C/∂w with η = 1;" in st.draw().get_title()


def test_describe_follows_the_stage():
    st = Stepper()
    assert "next: forward" in st.describe()
    st.forward()
    assert f"prediction {st.prediction[0, 0]:.4f}" in st.describe()


def test_widget_buttons_drive_the_same_stepper():
    box = stepper_widget(rng=0)
    st = box.stepper

    def greyed(name):
        return box.buttons[name].style.text_color == stepper_module.WAITING_TEXT

    assert greyed("backward") and greyed("loss") and "(after Loss)" in box.buttons["backward"].tooltip
    box.buttons["forward"].click()
    assert st.stage == "forward"
    assert not greyed("loss") and greyed("backward")
    # greyed, never disabled: a disabled button cannot keep the keyboard's focus
    assert not any(button.disabled for button in box.buttons.values())
    box.buttons["loss"].click()
    box.buttons["backward"].click()
    box.buttons["update"].click()
    assert st.iteration == 1 and len(st.losses) == 1
    assert "losses so far" in box.status.value
    assert "update" in box.picture.ax.get_title()
    assert box.figure.image.tooltip == st.describe_figure() and "new weights" in box.figure.image.tooltip


def test_widget_keeps_one_figure_and_names_every_button():
    box = stepper_widget()
    figure = box.figure.figure
    for _ in range(4):
        box.buttons["next"].click()
    assert box.figure.figure is figure and box.figure.frames == 5
    assert all(button.description and button.tooltip for button in box.buttons.values())
    labels = " ".join(t.get_text() for t in box.picture.ax.texts)
    assert "∂C/∂" not in labels and "wa1 = " in labels  # after the update: weights again


def test_animation_frames_follow_the_stage():
    st = Stepper()
    assert len(animation_frames(st)) == 1
    st.forward()
    frames = animation_frames(st)
    assert len(frames) == 4  # the inputs, then each of the three layers
    assert [sum(a is not None for a in f["activations"]) for f in frames] == [1, 2, 3, 4]
    assert frames[-1]["title"] == st.describe()
    # Layers are counted from 1: the first frame shows the input, the next ones layer 1 and 2 of 3.
    assert [f["title"].split("forward: ")[1] for f in frames[:-1]] == ["the input", "layer 1 of 3", "layer 2 of 3"]
    st.loss()
    st.backward()
    frames = animation_frames(st)
    assert [sum(g is not None for g in f["gradients"]) for f in frames] == [1, 2, 3]
    assert [f["title"].split("backward: ")[1] for f in frames[:-1]] == ["∂C/∂w of layer 3", "∂C/∂w of layer 2"]
    assert frames[0]["gradients"][-1] is not None  # the output layer first
    before = st.network.get_weights()
    st.update()
    frames = animation_frames(st, before)
    assert len(frames) == 4
    np.testing.assert_allclose(frames[0]["weights"][0], before[0] + 0.25 * (st.network[0].W - before[0]))
    np.testing.assert_allclose(frames[-1]["weights"][1], st.network[1].W)
    np.testing.assert_allclose(frames[-1]["biases"][2], st.network[2].b)


def test_the_picture_shows_each_frame():
    box = stepper_widget()
    st = box.stepper
    st.forward()
    first = animation_frames(st)[0]
    box.picture.show(**first)
    values = [t.get_text() for t in box.picture.values.values()]
    assert sum(bool(v) for v in values) == 3  # only the inputs so far


def test_animation_plays_on_a_running_loop_and_a_press_ends_it():
    import asyncio

    async def main():
        box = stepper_widget()
        box.buttons["forward"].click()
        assert box.animation is not None and box.figure.frames == 2  # the first frame at once
        assert box.figure.image.format == "jpeg"  # frames on the way are JPEG
        await box.animation
        assert box.animation is None and box.figure.frames == 5
        box.buttons["loss"].click()  # one frame, sent again as PNG a moment later
        await box.animation
        assert box.figure.image.format == "png"
        box.buttons["backward"].click()
        backward = box.animation
        box.buttons["update"].click()  # ends backward's animation at once
        await asyncio.gather(backward, return_exceptions=True)
        assert backward.cancelled()
        await box.animation
        assert box.stepper.iteration == 1 and box.picture.ax.get_title() == box.stepper.describe()

    asyncio.run(main())


def test_widget_next_and_reset_buttons():
    box = stepper_widget()
    for _ in range(5):
        box.buttons["next"].click()
    assert box.stepper.iteration == 1 and box.stepper.stage == "forward"
    box.buttons["reset"].click()
    assert box.stepper.iteration == 0 and box.stepper.stage == "start"


def test_widget_shows_an_out_of_order_click_as_a_message():
    box = stepper_widget()
    box.buttons["update"].click()  # greyed out, out of order: it says what comes first
    assert "run backward() first" in box.status.value
    assert box.stepper.stage == "start"


def test_widget_wraps_a_given_stepper():
    st = Stepper(learning_rate=0.1)
    assert stepper_widget(st).stepper is st
