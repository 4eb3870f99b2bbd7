"""Tests for annlib.widgets.training: the training playground's logic, and its widget's callbacks."""

import importlib
import time

import numpy as np
import pytest

import annlib
from annlib.widgets.training import Playground, parse_hidden_layers, playground

# The module (annlib.widgets.training), named apart from the playground() function it exports.
playground_module = importlib.import_module("annlib.widgets.training")


def test_all_is_accurate_and_exported_by_widgets():
    import annlib.widgets as widgets

    for name in playground_module.__all__:
        assert getattr(widgets, name) is getattr(playground_module, name)


@pytest.mark.parametrize("text, sizes", [("8, 8", (8, 8)), ("4", (4,)), ("", ()), (" 3 ;5 ", (3, 5)), ("2,", (2,))])
def test_parse_hidden_layers(text, sizes):
    assert parse_hidden_layers(text) == sizes


@pytest.mark.parametrize("text", ["8, x", "0", "100", "-3", "1,1,1,1,1,1,1"])
def test_parse_hidden_layers_refuses_bad_text(text):
    with pytest.raises(ValueError, match="parse_hidden_layers"):
        parse_hidden_layers(text)


def test_the_network_follows_the_choices():
    pg = Playground("moons", hidden_layers=(5, 3), activation="relu")
    assert pg.network.sizes == [2, 5, 3, 1]
    assert [layer.activation.name for layer in pg.network] == ["relu", "relu", "sigmoid"]
    assert pg.loss == "binary_cross_entropy"
    assert len(pg.X_train) == 150 and len(pg.X_test) == 50


def test_three_classes_get_a_softmax_output_and_cross_entropy():
    pg = Playground("blobs (3 classes)", hidden_layers=(4,))
    assert pg.network.sizes == [2, 4, 3]
    assert pg.network[-1].activation.name == "softmax"
    assert pg.loss == "cross_entropy"
    pg.train(3)
    assert pg.epoch == 3


def test_training_lowers_the_loss_and_raises_accuracy():
    pg = Playground("circles", hidden_layers=(8,), learning_rate=0.3)
    pg.train(60)
    assert pg.epoch == 60 and len(pg.test_losses) == 60 and len(pg.accuracies) == 60
    assert pg.losses[-1] < 0.5 * pg.losses[0]
    assert pg.test_accuracies[-1] > 0.9
    assert pg.message == pg.summary() and pg.message.startswith("epoch 60: loss ")


def test_train_continues_where_it_stopped_like_one_long_run():
    split = Playground("xor", hidden_layers=(4,), learning_rate=0.5, batch_size=8)
    split.train(5)
    split.step()
    split.train(4)
    whole = Playground("xor", hidden_layers=(4,), learning_rate=0.5, batch_size=8)
    whole.train(10)
    np.testing.assert_allclose(split.losses, whole.losses)
    for a, b in zip(split.network.get_weights(), whole.network.get_weights()):
        np.testing.assert_allclose(a, b)


def test_same_choices_same_run():
    a, b = Playground(seed=4), Playground(seed=4)
    a.train(5), b.train(5)
    assert a.losses == b.losses
    assert Playground(seed=5).X_train[0, 0] != a.X_train[0, 0]


def test_on_epoch_is_called_every_epoch_and_can_stop_training():
    pg = Playground()
    seen = []
    pg.train(50, on_epoch=lambda p: seen.append(p.epoch) or p.epoch >= 7)
    assert seen == list(range(1, 8))
    assert pg.epoch == 7


def test_reset_gives_the_first_weights_back_and_forgets_losses():
    pg = Playground()
    first = pg.network.get_weights()
    pg.train(5)
    pg.reset()
    assert pg.epoch == 0 and pg.losses == [] and pg.summary() == "epoch 0: not trained yet"
    for a, b in zip(pg.network.get_weights(), first):
        np.testing.assert_array_equal(a, b)


def test_structural_choices_rebuild_and_others_keep_the_weights():
    pg = Playground(hidden_layers=(4,))
    pg.train(3)
    assert pg.configure(learning_rate=0.03) is False
    assert pg.epoch == 3 and pg.optimizer.learning_rate == 0.03
    assert pg.configure(batch_size=None) is False and pg.epoch == 3
    assert pg.configure(optimizer="adam") is False
    assert isinstance(pg.optimizer, annlib.optimizers.Adam) and pg.optimizer.learning_rate == 0.03
    assert pg.configure(hidden_layers="6, 2") is True
    assert pg.network.sizes == [2, 6, 2, 1] and pg.epoch == 0
    assert pg.configure(dataset="spirals") is True


def test_batch_size_none_is_gradient_descent_one_step_per_epoch():
    pg = Playground(batch_size=None, learning_rate=0.5)
    before = pg.network.get_weights()
    pg.step()
    # one gradient-descent step on all training examples, reproduced by hand
    net = annlib.Network.from_sizes([2, 8, 1], "tanh", "sigmoid", rng=0)
    net.set_weights(before)
    annlib.training.train_step(
        net,
        pg.X_train,
        pg.y_train[:, None].astype(float),
        annlib.losses.BinaryCrossEntropy(),
        annlib.optimizers.SGD(0.5),
    )
    for a, b in zip(pg.network.get_weights(), net.get_weights()):
        np.testing.assert_allclose(a, b)


def test_bad_choices_are_refused_and_leave_the_state_alone():
    pg = Playground()
    with pytest.raises(ValueError, match="unknown dataset 'iris'"):
        pg.configure(dataset="iris")
    with pytest.raises(ValueError, match="learning_rate must be > 0"):
        pg.configure(learning_rate=-1.0)
    with pytest.raises(ValueError, match="batch_size"):
        pg.configure(batch_size=0)
    with pytest.raises(ValueError, match="unknown setting 'layers'"):
        pg.configure(layers=(3,))
    with pytest.raises(ValueError, match="unknown activation"):
        pg.configure(activation="cosine")
    with pytest.raises(ValueError, match="unknown activation"):
        Playground(activation="cosine")
    assert pg.settings["dataset"] == "moons" and pg.settings["learning_rate"] == 0.1
    assert pg.settings["activation"] == "tanh" and pg.settings["batch_size"] == 16


def test_divergence_is_reported_with_fits_message_and_blocks_training():
    # Leaky ReLU units, one example per step and a huge learning rate: the weights overflow to NaN.
    pg = Playground(
        "blobs (3 classes)", hidden_layers=(16, 16), activation="leaky_relu", learning_rate=3.0, batch_size=1
    )
    message = pg.train(40)
    assert pg.diverged
    assert message.startswith("fit: training diverged at epoch 1")
    assert "Lower the learning rate (try 0.3)" in message
    assert pg.epoch == 1 and not np.isfinite(pg.losses[-1])
    assert pg.train(5).startswith("training diverged: press Reset")
    assert pg.epoch == 1
    pg.reset()
    assert not pg.diverged and pg.epoch == 0


def test_draw_gives_a_loss_curve_and_a_decision_boundary():
    pg = Playground(hidden_layers=(4,))
    pg.train(5)
    loss_ax, boundary_ax = pg.draw(resolution=30)
    np.testing.assert_allclose(loss_ax.get_lines()[0].get_ydata(), pg.losses)
    np.testing.assert_allclose(loss_ax.get_lines()[1].get_ydata(), pg.test_losses)
    assert boundary_ax.get_title() == (
        f"decision boundary after 5 epochs\ntrain accuracy {pg.accuracies[-1]:.3f}, "
        f"test accuracy {pg.test_accuracies[-1]:.3f}"
    )


def test_draw_before_training_says_so():
    loss_ax, _ = Playground().draw(resolution=20)
    assert loss_ax.texts[0].get_text() == "no epochs yet"


def test_widget_buttons_train_step_and_reset():
    box = playground(hidden_layers=(4,), epochs_per_train=12)
    pg = box.playground
    box.buttons["step"].click()
    assert pg.epoch == 1
    box.buttons["train"].click()
    assert pg.epoch == 13
    assert box.progress.value == 12 and box.progress.max == 12
    assert "epoch 13" in box.status.value
    assert not any(button.disabled for button in box.buttons.values())
    assert box.last_run["epochs"] == 12 and box.last_run["frames"] >= 1 and not box.last_run["stopped"]
    assert box.buttons["train"].description == "Train"
    box.buttons["reset"].click()
    assert pg.epoch == 0 and box.progress.value == 0


def test_widget_controls_change_the_playground():
    box = playground(epochs_per_train=5)
    pg = box.playground
    box.controls["hidden_layers"].value = "3, 3"
    assert pg.network.sizes == [2, 3, 3, 1]
    box.controls["dataset"].value = "blobs (3 classes)"
    assert pg.network.sizes == [2, 3, 3, 3]
    box.controls["activation"].value = "relu"
    assert pg.network[0].activation.name == "relu"
    box.buttons["train"].click()
    box.controls["learning_rate"].value = 0.3
    assert pg.epoch == 5 and pg.optimizer.learning_rate == 0.3
    box.controls["batch_size"].value = None
    box.controls["optimizer"].value = "momentum"
    assert isinstance(pg.optimizer, annlib.optimizers.Momentum) and pg.settings["batch_size"] is None


def test_widget_shows_bad_hidden_layers_as_a_message():
    box = playground()
    box.controls["hidden_layers"].value = "8, banana"
    assert "parse_hidden_layers" in box.status.value
    assert box.playground.network.sizes == [2, 8, 1]


def test_widget_epochs_field_sets_the_length_of_a_train():
    box = playground(epochs_per_train=100)
    box.epochs.value = 3
    box.buttons["train"].click()
    assert box.playground.epoch == 3


def test_widget_keeps_one_figure_and_says_what_it_shows():
    box = playground(hidden_layers=(4,), epochs_per_train=5)
    figure, image = box.figure.live.figure, box.figure.live.image
    assert box.figure.live.image in box.children
    assert image.tooltip.startswith("No epochs yet") and image.tooltip.endswith(".")
    box.buttons["step"].click()
    box.buttons["train"].click()
    assert box.figure.live.figure is figure
    pg = box.playground
    number = annlib.plotting.number
    assert image.tooltip == (
        f"After 6 epochs the training loss is {number(pg.losses[-1])} (test {number(pg.test_losses[-1])}), and the "
        f"decision boundary separates the 2 classes with train accuracy {number(pg.accuracies[-1])} and test "
        f"accuracy {number(pg.test_accuracies[-1])}. Two panels for the 2-4-1 network on the "
        f"{pg.settings['dataset']} data: the loss against the epoch, and the decision boundary over the "
        f"{len(pg.X_train)} training points."
    )
    np.testing.assert_allclose(box.figure.train_line.get_ydata(), pg.losses)
    np.testing.assert_allclose(box.figure.test_line.get_ydata(), pg.test_losses)
    controls = [*box.controls.values(), box.epochs, box.progress, *box.buttons.values()]
    assert all(control.description for control in controls)
    box.controls["dataset"].value = "blobs (3 classes)"  # new data: the figure starts again
    assert len(box.figure.points) == 3 and image.tooltip.startswith("No epochs yet")


def test_boundary_image_colours_each_point_by_its_predicted_class():
    box = playground(hidden_layers=(4,))
    pg = box.playground
    pg.train(30)
    image = box.figure.boundary_image((20, 30))
    assert image.shape == (20, 30, 4) and image.dtype == np.uint8
    grid = box.figure._grid((20, 30))
    labels = pg.network.predict_labels(grid).reshape(20, 30)
    blue, orange = image[..., 2].astype(int), image[..., 0].astype(int)
    inside = np.ones_like(labels, dtype=bool)  # away from the boundary, which is drawn dark grey
    inside[:, 1:] &= labels[:, 1:] == labels[:, :-1]
    inside[:, :-1] &= labels[:, 1:] == labels[:, :-1]
    inside[1:, :] &= labels[1:, :] == labels[:-1, :]
    inside[:-1, :] &= labels[1:, :] == labels[:-1, :]
    assert ((blue > orange) == (labels == 0))[inside].all()


def test_a_train_run_draws_often_and_trains_most_of_the_time(monkeypatch):
    box = playground(hidden_layers=(8, 8))
    run = playground_module.TrainRun(box, 100_000, frame_seconds=0.05)
    playground_module._begin(box, run)
    assert box.buttons["train"].description == "Stop" and box.buttons["step"].disabled
    frames, began, ended = [], [], []

    def slow_frame(*args, **kwargs):  # every frame takes (at least) 20 ms to draw, drawn over the rest
        began.append(time.perf_counter())
        time.sleep(0.02)
        frames.append(box.playground.epoch)
        if len(frames) == 4:
            run.stop()
        ended.append(time.perf_counter())
        return False

    monkeypatch.setattr(playground_module, "_show", slow_frame)
    while run.advance():
        pass
    monkeypatch.undo()
    playground_module._finish(box, run)
    summary = box.last_run
    assert summary["frames"] == 4 and summary["stopped"] and summary["epochs"] == frames[-1]
    # each slice lasts at least six times a frame's drawing (the first, before any frame was timed, 0.05 s)
    slices = [start - end for start, end in zip(began[1:], ended)]
    assert began[0] - run.began >= 0.05 and all(seconds >= 6 * 0.02 for seconds in slices), slices
    assert summary["train_seconds"] >= 6 * 0.02 * 3 + 0.05
    assert box.buttons["train"].description == "Train" and not box.buttons["step"].disabled


def test_train_in_a_kernel_runs_as_a_task_and_stop_keeps_the_weights():
    import asyncio

    async def main():
        box = playground(hidden_layers=(8,), epochs_per_train=100_000)
        pg = box.playground
        box.buttons["train"].click()  # on a running loop: returns at once, training goes on in a task
        assert box.run is not None and box.buttons["train"].description == "Stop"
        assert box.buttons["step"].disabled and box.buttons["reset"].disabled
        while pg.epoch < 20:
            await asyncio.sleep(0.01)  # the loop runs the task's slices, and handles "clicks" between them
        box.buttons["train"].click()  # Stop
        await box.task
        reached = pg.epoch
        assert 20 <= reached < 100_000 and box.run is None and box.last_run["stopped"]
        assert box.buttons["train"].description == "Train" and not box.buttons["step"].disabled
        assert pg.message.startswith("stopped: epoch")
        kept = pg.network.get_weights()
        box.buttons["step"].click()  # training goes on from the weights reached
        assert pg.epoch == reached + 1 and not np.allclose(kept[0], pg.network.get_weights()[0])

    asyncio.run(main())


def test_a_rebuilding_choice_during_train_stops_the_run():
    import asyncio

    async def main():
        box = playground(hidden_layers=(8,), epochs_per_train=100_000)
        box.buttons["train"].click()
        await asyncio.sleep(0.05)
        box.controls["hidden_layers"].value = "3"
        await box.task
        assert box.playground.network.sizes == [2, 3, 1] and box.playground.epoch == 0
        assert box.last_run["stopped"]

    asyncio.run(main())


def test_a_long_curve_is_drawn_from_each_pixel_columns_lowest_and_highest_points():
    rng = np.random.default_rng(0)
    x = np.arange(1, 6001)
    y = np.exp(-x / 2000) + 0.05 * rng.standard_normal(x.size)
    xs, ys = playground_module._envelope(x, y, 6000, 300)
    assert len(xs) == len(ys) <= 2 * 300 and np.all(np.diff(xs) >= 0)
    column = np.minimum(x * 300 // 6000, 299)
    for k in (0, 17, 150, 299):  # every column keeps its extremes, and nothing beyond them
        inside = ys[np.minimum(xs * 300 // 6000, 299) == k]
        assert inside.min() == y[column == k].min() and inside.max() == y[column == k].max()
    few = np.arange(1, 101)
    np.testing.assert_array_equal(playground_module._envelope(few, np.sin(few), 6000, 300)[1], np.sin(few))
    falling = playground_module._envelope(x, -x.astype(float), 6000, 300)[1]
    assert np.all(np.diff(falling) <= 0)  # in the order the curve passes them


def test_the_loss_axis_keeps_its_height_while_a_train_animates_and_fits_the_curve_after():
    box = playground(hidden_layers=(4,))
    figure, pg = box.figure, box.playground
    pg.train(20)
    figure.update(until=200, moving=True)  # a Train's first frame: the axis reaches its end
    height = figure.y_limit
    assert figure.x_limit == 200 and height >= max(pg.losses + pg.test_losses)
    pg.losses[-1] = 10 * height  # a spike
    assert figure.update(until=200, moving=True) is False  # drawn over the rest: the spike runs off the top
    assert figure.y_limit == height
    assert figure.update(until=200, moving=False) is True  # the run over: the axis fits the curve again
    assert figure.y_limit >= 10 * height


def test_the_playground_records_each_epoch_as_it_goes():
    pg = Playground(hidden_layers=(4,))
    seen = []
    pg.train(5, on_epoch=lambda p: seen.append((p.epoch, list(p.losses), len(p.test_accuracies))))
    assert [epoch for epoch, _, _ in seen] == [1, 2, 3, 4, 5]
    assert all(losses == pg.losses[:epoch] and n == epoch for epoch, losses, n in seen)


def test_the_live_boundary_is_computed_with_one_blas_thread(monkeypatch):
    from threadpoolctl import threadpool_info

    def blas_threads():
        return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]

    box = playground(hidden_layers=(8,))
    network, seen = box.playground.network, []
    predict = network.predict

    def recording_predict(X):
        seen.append(blas_threads())
        return predict(X)

    before = blas_threads()
    assert before, "threadpoolctl finds numpy's BLAS"
    monkeypatch.setattr(network, "predict", recording_predict)
    box.figure.boundary_image((100, 150))
    assert len(seen) == 8 and all(threads == [1] * len(before) for threads in seen)
    assert blas_threads() == before  # given back afterwards
