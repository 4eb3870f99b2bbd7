"""A training playground, in the spirit of TensorFlow Playground, inside JupyterLab (lesson 07).

Choose a data set, the hidden layers and their sizes, the activation, the learning rate, the batch
size and the optimizer; then Train (many epochs, with a progress bar and a live loss curve and
decision boundary), Step (one epoch) or Reset (new weights).

The logic is the plain class `Playground`, usable and testable without a browser:

    pg = Playground("moons", hidden_layers=(8, 8), activation="tanh", learning_rate=0.1)
    pg.train(100)       # 100 epochs of annlib.fit, continuing where the last call stopped
    pg.step()           # one more epoch
    pg.draw()           # the loss curves beside the decision boundary
    pg.reset()          # new weights, same choices

`playground(...)` wraps one in ipywidgets: controls, Train/Step/Reset buttons, a progress bar, and the
figures (`PlaygroundFigure`: the loss curves beside the decision boundary, built once and drawn again in
place). Choices that change the problem (data, layers, activation) rebuild the network; the learning
rate, batch size and optimizer change without losing the weights trained so far, also while training.

Train animates: it trains in slices, and after each slice draws the boundary, the loss curves and the
progress again (only the parts that move, over a saved copy of the rest; the frames sent as JPEG). A
slice and its frame together last about 0.09 s, so the picture moves about 11 times a second; a frame
takes about 5 ms to draw, and a slice lasts at least six times as long as its frame's drawing, so
training keeps at least 6/7 (86%) of the kernel's time however slow the drawing (on a slow machine,
fewer frames). The loss axis keeps its limits while a Train runs and fits the curve again at its end.
While it runs, Train reads Stop; pressing it stops after the current slice and keeps the weights
reached. In a kernel the slices run as an asyncio task on the kernel's own event loop, which handles
the page's messages (the Stop click) between slices; without a running loop (a script, a test) Train
runs to the end before it returns.
"""

import asyncio
import functools
import numbers
import time
import traceback

import numpy as np

import annlib
from annlib import datasets
from annlib.activations import get_activation
from annlib.metrics import output_labels
from annlib.optimizers import get_optimizer
from annlib.plotting.style import BLUE, CLASS_COLORS, CLASS_MARKERS, ORANGE
from annlib.widgets._display import LiveFigure, accessible, colour_button

__all__ = ["Playground", "playground", "parse_hidden_layers", "PLAYGROUND_DATASETS", "PlaygroundFigure", "TrainRun"]

PLAYGROUND_DATASETS = {
    "moons": lambda n, rng: datasets.moons(n, noise=0.15, rng=rng),
    "circles": lambda n, rng: datasets.circles(n, noise=0.08, rng=rng),
    "xor": lambda n, rng: datasets.xor(n, noise=0.15, rng=rng),
    "blobs (3 classes)": lambda n, rng: datasets.blobs(n, n_classes=3, spread=0.7, rng=rng),
    "spirals": lambda n, rng: datasets.spirals(n, noise=0.08, rng=rng),
}
ACTIVATION_CHOICES = ("tanh", "relu", "sigmoid", "leaky_relu")
OPTIMIZER_CHOICES = ("sgd", "momentum", "adam")
BATCH_SIZE_CHOICES = (("1 (SGD)", 1), ("8", 8), ("16", 16), ("32", 32), ("all (gradient descent)", None))
LEARNING_RATE_CHOICES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)

# Choices that change the problem itself, so the network is rebuilt; the others only change how it learns.
_REBUILDING = ("dataset", "hidden_layers", "activation", "n_samples", "test_fraction", "seed")
_SETTINGS = _REBUILDING + ("learning_rate", "batch_size", "optimizer")


def parse_hidden_layers(text):
    """'8, 8' -> (8, 8); '' -> () (no hidden layer). Sizes must be whole numbers from 1 to 64."""
    if not isinstance(text, str):
        raise TypeError(f"parse_hidden_layers: expected text such as '8, 8', got {type(text).__name__}")
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    sizes = []
    for part in parts:
        if not part.isdigit() or not 1 <= int(part) <= 64:
            raise ValueError(
                f"parse_hidden_layers: each hidden layer size must be a whole number from 1 to 64, got {part!r}"
            )
        sizes.append(int(part))
    if len(sizes) > 6:
        raise ValueError(f"parse_hidden_layers: at most 6 hidden layers, got {len(sizes)}")
    return tuple(sizes)


class Playground:
    """The state of a training playground: data, network, optimizer, and the losses so far."""

    def __init__(
        self,
        dataset="moons",
        hidden_layers=(8,),
        activation="tanh",
        learning_rate=0.1,
        batch_size=16,
        optimizer="sgd",
        *,
        n_samples=200,
        test_fraction=0.25,
        seed=0,
    ):
        self.settings = {}
        self._apply(
            dict(
                dataset=dataset,
                hidden_layers=hidden_layers,
                activation=activation,
                learning_rate=learning_rate,
                batch_size=batch_size,
                optimizer=optimizer,
                n_samples=n_samples,
                test_fraction=test_fraction,
                seed=seed,
            )
        )
        self.reset()

    def __repr__(self):
        s = self.settings
        layers = " -> ".join(str(n) for n in self.network.sizes)
        return (
            f"Playground({s['dataset']!r}, {layers}, {s['activation']}, {s['optimizer']} "
            f"learning_rate={s['learning_rate']:g}, batch_size={s['batch_size']}; epoch {self.epoch})"
        )

    # -- choices ---------------------------------------------------------------------------------

    def _apply(self, changes):
        unknown = set(changes) - set(_SETTINGS)
        if unknown:
            raise ValueError(f"Playground: unknown setting {sorted(unknown)[0]!r}; choose from {', '.join(_SETTINGS)}")
        new = {**self.settings, **changes}
        if new["dataset"] not in PLAYGROUND_DATASETS:
            raise ValueError(
                f"Playground: unknown dataset {new['dataset']!r}; choose one of {', '.join(PLAYGROUND_DATASETS)}"
            )
        if isinstance(new["hidden_layers"], str):
            new["hidden_layers"] = parse_hidden_layers(new["hidden_layers"])
        new["hidden_layers"] = tuple(int(n) for n in new["hidden_layers"])
        if any(n < 1 for n in new["hidden_layers"]):
            raise ValueError(f"Playground: hidden layer sizes must be >= 1, got {new['hidden_layers']}")
        get_activation(new["activation"], caller="Playground")
        get_optimizer(new["optimizer"], new["learning_rate"], caller="Playground")  # checks both
        batch = new["batch_size"]
        if batch is not None and (isinstance(batch, bool) or not isinstance(batch, numbers.Integral) or batch < 1):
            raise ValueError(f"Playground: batch_size must be a whole number >= 1 or None (all), got {batch!r}")
        self.settings = new

    def configure(self, **changes):
        """Change choices, e.g. configure(activation="relu"). Returns True if the network was rebuilt."""
        old = dict(self.settings)
        self._apply(changes)
        if any(self.settings[k] != old[k] for k in _REBUILDING):
            self.reset()
            return True
        if self.settings["optimizer"] != old["optimizer"]:
            self.optimizer = get_optimizer(self.settings["optimizer"], self.settings["learning_rate"])
        elif self.settings["learning_rate"] != old["learning_rate"]:
            self.optimizer.learning_rate = self.settings["learning_rate"]  # keeps momentum / Adam's memory
        return False

    # -- state -----------------------------------------------------------------------------------

    def reset(self):
        """The data and the starting weights again, from the seed; forget every loss so far."""
        s = self.settings
        X, y = PLAYGROUND_DATASETS[s["dataset"]](s["n_samples"], np.random.default_rng(s["seed"]))
        self.n_classes = int(y.max()) + 1
        self.X_train, self.X_test, self.y_train, self.y_test = datasets.train_test_split(
            X, y, s["test_fraction"], rng=s["seed"]
        )
        if self.n_classes == 2:
            output, self.loss, self._targets = ("sigmoid", 1), "binary_cross_entropy", lambda v: v
        else:
            output, self.loss = ("softmax", self.n_classes), "cross_entropy"
            self._targets = lambda v: datasets.one_hot(v, self.n_classes)
        sizes = [2, *s["hidden_layers"], output[1]]
        self.network = annlib.Network.from_sizes(sizes, s["activation"], output[0], rng=s["seed"])
        self.optimizer = get_optimizer(s["optimizer"], s["learning_rate"])
        self.rng = np.random.default_rng(s["seed"])  # shuffles batches; carries on across train() calls
        self.losses, self.test_losses, self.accuracies, self.test_accuracies = [], [], [], []
        self.diverged = False
        self.message = "ready: press Train or Step"

    @property
    def epoch(self):
        return len(self.losses)

    def train(self, epochs=100, on_epoch=None):
        """Train `epochs` more epochs. on_epoch(playground) is called after each; returning True stops.

        Returns the message describing where training stands (also kept in `self.message`).
        """
        if self.diverged:
            self.message = "training diverged: press Reset (and lower the learning rate) to start again"
            return self.message
        start = self.epoch

        def callback(epoch, history):
            self._record(history, start)
            return bool(on_epoch(self)) if on_epoch is not None else False

        try:
            history = annlib.fit(
                self.network,
                self.X_train,
                self._targets(self.y_train),
                self.loss,
                self.optimizer,
                epochs=epochs,
                batch_size=self.settings["batch_size"],
                rng=self.rng,
                progress=False,
                validation_data=(self.X_test, self._targets(self.y_test)),
                callback=callback,
            )
        except annlib.TrainingDiverged as error:
            self._record(error.history, start)
            self.diverged = True
            self.message = str(error)
            return self.message
        self._record(history, start)
        self.message = self.summary()
        return self.message

    def step(self):
        """One epoch of training: every training example seen once."""
        return self.train(1)

    def _record(self, history, start):
        # fit's history covers only this call; the playground keeps the whole run since the last reset.
        # Called after every epoch, it copies only the epochs not recorded yet.
        n = len(history.loss)
        for kept, new in (
            (self.losses, history.loss),
            (self.accuracies, history.accuracy),
            (self.test_losses, history.val_loss),
            (self.test_accuracies, history.val_accuracy),
        ):
            kept.extend(new[len(kept) - start : n])

    def summary(self):
        """One line: epoch, training loss, train and test accuracy."""
        if not self.losses:
            return "epoch 0: not trained yet"
        text = f"epoch {self.epoch}: loss {self.losses[-1]:.4f}, train accuracy {self.accuracies[-1]:.3f}"
        if len(self.test_accuracies) == self.epoch:
            text += f", test accuracy {self.test_accuracies[-1]:.3f}"
        return text

    # -- figures ---------------------------------------------------------------------------------

    def draw(self, axes=None, *, resolution=120):
        """The loss curves (train and test) beside the decision boundary; returns the two axes."""
        import matplotlib.pyplot as plt

        from annlib.plotting import plot_decision_boundary, plot_loss_curves

        if axes is None:
            _, axes = plt.subplots(1, 2, figsize=(10, 4))
        loss_ax, boundary_ax = axes
        if self.losses:
            runs = {"train": self.losses}
            if self.test_losses:
                runs["test"] = self.test_losses
            plot_loss_curves(runs, loss_ax, title=f"loss ({self.loss})")
        else:
            from annlib.plotting import describe

            loss_ax.text(0.5, 0.5, "no epochs yet", ha="center", va="center", transform=loss_ax.transAxes)
            loss_ax.set_title(f"loss ({self.loss})")
            describe(loss_ax, "An empty loss plot: no epochs yet.")
        title = f"decision boundary after {self.epoch} epochs"
        if self.losses and len(self.test_accuracies) == self.epoch:
            title += f"\ntrain accuracy {self.accuracies[-1]:.3f}, test accuracy {self.test_accuracies[-1]:.3f}"
        plot_decision_boundary(
            self.network, self.X_train, self.y_train, boundary_ax, resolution=resolution, title=title
        )
        return axes


def _controls(pg):
    import ipywidgets as w

    s = pg.settings
    layout = w.Layout(width="260px")
    style = {"description_width": "110px"}
    return {
        "dataset": w.Dropdown(
            options=list(PLAYGROUND_DATASETS), value=s["dataset"], description="data", layout=layout, style=style
        ),
        "hidden_layers": w.Text(
            value=", ".join(str(n) for n in s["hidden_layers"]),
            description="hidden layers",
            continuous_update=False,
            layout=layout,
            style=style,
        ),
        "activation": w.Dropdown(
            options=ACTIVATION_CHOICES, value=s["activation"], description="activation", layout=layout, style=style
        ),
        "learning_rate": w.Dropdown(
            options=sorted(set(LEARNING_RATE_CHOICES) | {s["learning_rate"]}),
            value=s["learning_rate"],
            description="learning rate",
            layout=layout,
            style=style,
        ),
        "batch_size": w.Dropdown(
            options=_batch_options(s["batch_size"]),
            value=s["batch_size"],
            description="batch size",
            layout=layout,
            style=style,
        ),
        "optimizer": w.Dropdown(
            options=OPTIMIZER_CHOICES, value=s["optimizer"], description="optimizer", layout=layout, style=style
        ),
    }


def _batch_options(current):
    options = list(BATCH_SIZE_CHOICES)
    if current not in [value for _, value in options]:
        options.insert(-1, (str(current), current))
    return options


def _rgb(colour):
    colour = colour.lstrip("#")
    return np.array([int(colour[k : k + 2], 16) / 255 for k in (0, 2, 4)])


@functools.cache
def _blas_controller():
    """threadpoolctl's view of the loaded BLAS libraries, made once, at the first boundary drawn."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _one_blas_thread():
    """A context in which numpy's BLAS uses one thread (threadpoolctl knows OpenBLAS, MKL and BLIS)."""
    return _blas_controller().limit(limits=1, user_api="blas")


def _envelope(x, y, x_limit, columns):
    """The points to draw of a curve over x in [0, x_limit], `columns` pixels wide: all of them when
    there are few; else, in each pixel column, its lowest and highest point (in the order the curve
    passes them), which draw the same picture as thousands of points, in a time that does not grow."""
    if len(x) <= 2 * columns:
        return x, y
    column = np.minimum((x * (columns / x_limit)).astype(int), columns - 1)
    first = np.flatnonzero(np.r_[True, column[1:] != column[:-1]])
    last = np.r_[first[1:], len(x)] - 1
    low, high = np.minimum.reduceat(y, first), np.maximum.reduceat(y, first)
    falling = y[first] > y[last]
    ys = np.column_stack([np.where(falling, high, low), np.where(falling, low, high)]).ravel()
    return np.column_stack([x[first], x[last]]).ravel(), ys


def _nice_limit(value):
    """The first of 10, 15, 20, 30, 40, 50, 60, 80, 100, 150, ... at or above value."""
    scale = 1
    while True:
        for step in (10, 15, 20, 30, 40, 50, 60, 80):
            if step * scale >= value:
                return step * scale
        scale *= 10


class PlaygroundFigure:
    """The playground's figure, kept: the loss curves (left) beside the decision boundary (right).

    The boundary is an image of the plane, each point tinted by the class the network predicts there
    (paler where it is less sure) with the boundary itself darker, under the training points. `update`
    computes the image and the curves again and draws only them over the rest (the points, which never
    move, are laid over the image as pixels); a change of the loss axis's limits (more epochs than it
    shows, a larger loss) draws the loss axes again, and a new data set the whole figure.
    `live` is the LiveFigure (its `image` the Image widget on the page).
    """

    def __init__(self, pg, *, resolution=80):
        self.resolution = resolution
        self._shape = self.grid = None
        self.live = LiveFigure((10.0, 4.0))
        self.loss_ax, self.boundary_ax = self.live.figure.subplots(1, 2)
        self.live.figure.subplots_adjust(left=0.07, right=0.98, bottom=0.13, top=0.85, wspace=0.2)
        self.rebuild(pg)

    def rebuild(self, pg):
        """Start again from the playground's data (after a new data set, or a reset)."""
        self.pg = pg
        loss_ax, ax = self.loss_ax, self.boundary_ax
        loss_ax.clear()
        ax.clear()
        (self.train_line,) = loss_ax.plot([], [], color=BLUE, linewidth=1.8, label="train")
        (self.test_line,) = loss_ax.plot([], [], color=ORANGE, linestyle="--", linewidth=1.4, label="test")
        self.empty = loss_ax.text(0.5, 0.5, "no epochs yet", ha="center", va="center", transform=loss_ax.transAxes)
        loss_ax.set_xlabel("epoch")
        loss_ax.set_ylabel("loss")
        loss_ax.grid(True, alpha=0.3)
        loss_ax.legend(frameon=False, loc="upper right")
        loss_ax.set_title(f"loss ({pg.loss})", y=1.0)
        X, y = pg.X_train, pg.y_train
        margin = 0.1 * (X.max(axis=0) - X.min(axis=0)) + 0.1
        low, high = X.min(axis=0) - margin, X.max(axis=0) + margin
        self.low, self.high = low, high
        self.colours = np.array([_rgb(CLASS_COLORS[k % len(CLASS_COLORS)]) for k in range(pg.n_classes)])
        self.live.painters = [self._paint_boundary]
        self._place = None  # where the boundary goes in the canvas's pixels, found at the first paint
        self.points = [
            ax.scatter(
                X[y == k, 0],
                X[y == k, 1],
                s=28 if len(X) > 50 else 60,
                color=CLASS_COLORS[k % len(CLASS_COLORS)],
                marker=CLASS_MARKERS[k % len(CLASS_MARKERS)],
                edgecolor="white",
                linewidth=0.5,
                zorder=3,
            )
            for k in range(pg.n_classes)
        ]
        ax.set_xlim(low[0], high[0])
        ax.set_ylim(low[1], high[1])
        ax.set_xlabel("x1")
        ax.set_ylabel("x2")
        ax.set_title("decision boundary", y=1.0)
        self.live.overlays = self.points  # they never move: laid over the painted boundary as pixels
        self.live.animated = [self.train_line, self.test_line, self.empty]
        self.x_limit = self.y_limit = self._until = None
        self._new = True  # drawn whole next time

    def _grid(self, shape):
        """The plane's points at the centres of a (rows, columns) grid, the first row at the bottom."""
        rows, columns = shape
        x1 = self.low[0] + (np.arange(columns) + 0.5) / columns * (self.high[0] - self.low[0])
        x2 = self.low[1] + (np.arange(rows) + 0.5) / rows * (self.high[1] - self.low[1])
        g1, g2 = np.meshgrid(x1, x2)
        return np.column_stack([g1.ravel(), g2.ravel()])

    def boundary_image(self, shape=None):
        """(rows, columns, 4) bytes, the first row at the bottom: each point of the plane in the colour of
        the class predicted there, paler where the network is less sure, the boundary itself dark grey."""
        shape = (self.resolution, self.resolution) if shape is None else tuple(shape)
        grid = self._grid(shape) if shape != self._shape else self.grid
        # In slices, kept in the cache, and with one BLAS thread: some BLAS builds (numpy 1.24's OpenBLAS)
        # share even these small products between threads, which then spin on the other core for a while
        # after each frame, taking it from the page and, through it, from training.
        with _one_blas_thread():
            outputs = np.concatenate([self.pg.network.predict(grid[i : i + 2048]) for i in range(0, len(grid), 2048)])
        if outputs.shape[1] == 1:
            p = np.clip(outputs[:, 0], 0.0, 1.0)
            probabilities = np.column_stack([1 - p, p])
        else:
            probabilities = outputs
        probabilities = np.nan_to_num(probabilities, nan=1.0 / probabilities.shape[1])
        k = probabilities.shape[1]
        mixed = probabilities @ self.colours[:k]
        largest = np.maximum.reduce(list(probabilities.T))  # column by column: quicker than max(axis=1)
        sure = (largest - 1 / k) / (1 - 1 / k)
        strength = (0.1 + 0.22 * sure)[:, None]  # as pale as plot_decision_boundary's, paler where unsure
        rgb = 1 - strength * (1 - mixed)
        labels = output_labels(np.nan_to_num(outputs)).reshape(shape)
        edge = np.zeros(shape, dtype=bool)
        edge[:, 1:] |= labels[:, 1:] != labels[:, :-1]
        edge[1:, :] |= labels[1:, :] != labels[:-1, :]
        rgba = np.full((*shape, 4), 255, dtype=np.uint8)
        rgba[..., :3] = (255 * rgb).reshape(*shape, 3)
        rgba[edge, :3] = 90
        return rgba

    def _paint_boundary(self, pixels):
        """Write the boundary into the boundary axes' pixels, inside its frame: computed at half the
        pixels' density and each value doubled, so matplotlib has nothing to resample."""
        height = pixels.shape[0]
        box = self.boundary_ax.get_window_extent()
        top, bottom = height - int(np.floor(box.y1)) + 1, height - int(np.ceil(box.y0)) - 1
        left, right = int(np.ceil(box.x0)) + 1, int(np.floor(box.x1)) - 1
        if bottom <= top or right <= left:
            return
        if self._place != (top, bottom, left, right):
            self._place = (top, bottom, left, right)
            self._shape = ((bottom - top + 1) // 2, (right - left + 1) // 2)
            self.grid = self._grid(self._shape)
            rows = np.minimum(np.arange(bottom - top)[::-1] // 2, self._shape[0] - 1)
            columns = np.minimum(np.arange(right - left) // 2, self._shape[1] - 1)
            self._source = rows[:, None] * self._shape[1] + columns  # each pixel's point of the grid
        image = self.boundary_image(self._shape)
        pixels[top:bottom, left:right] = np.take(image.reshape(-1, 4), self._source, axis=0)

    def describe(self):
        """The figure in words (its text alternative): its two panels, then where training stands."""
        from annlib.plotting.describe import number

        pg = self.pg
        classes = f"the {pg.n_classes} classes"
        sizes = "-".join(str(n) for n in pg.network.sizes)
        panels = (
            f"Two panels for the {sizes} network on the {pg.settings['dataset']} data: the loss against the epoch, "
            f"and the decision boundary over the {len(pg.X_train)} training points."
        )
        if not pg.losses:
            return (
                f"No epochs yet: the loss curve is empty, and the decision boundary of the starting weights "
                f"divides the plane between {classes}. {panels}"
            )
        text = f"After {pg.epoch} epochs the training loss is {number(pg.losses[-1])}"
        if pg.test_losses:
            text += f" (test {number(pg.test_losses[-1])})"
        text += f", and the decision boundary separates {classes} with train accuracy {number(pg.accuracies[-1])}"
        if len(pg.test_accuracies) == pg.epoch:
            text += f" and test accuracy {number(pg.test_accuracies[-1])}"
        return f"{text}. {panels}"

    def update(self, *, until=None, moving=False):
        """Draw the playground's state again; until: the epoch the loss axis should reach (a Train's end);
        moving: a frame of an animation (sent as JPEG, ten times quicker to encode than PNG, and with
        the loss axis's limits kept).
        Returns True when new axis limits were drawn (the loss axes again, or after a rebuild the whole
        figure), False when only what moves."""
        pg = self.pg
        losses = np.asarray(pg.losses, dtype=float)
        tests = np.asarray(pg.test_losses, dtype=float)
        epochs = np.arange(1, losses.size + 1)
        shown, test_shown = np.isfinite(losses), np.isfinite(tests)
        self._until = until
        whole = self._limits(losses[shown], tests[test_shown], max(pg.epoch, until or 0), moving)
        columns = max(int(self.loss_ax.bbox.width), 1)
        self.train_line.set_data(*_envelope(epochs[shown], losses[shown], self.x_limit, columns))
        self.test_line.set_data(*_envelope(epochs[: tests.size][test_shown], tests[test_shown], self.x_limit, columns))
        self.empty.set_visible(losses.size == 0)
        axes = None if self._new else self.loss_ax  # new limits: only the loss axes is drawn again
        self.live.show(self.describe(), blit=not whole, kind="jpeg" if moving else "png", axes=axes)
        self._new = False
        return whole

    def _limits(self, losses, tests, last_epoch, moving=False):
        """Set the loss axis's limits when the curves outgrow them; True when they changed.

        While a Train animates (moving), the loss axis keeps the height it had at the run's first frame:
        a spike above it runs off the top until the run ends and the axis fits the whole curve again.
        """
        if self._until and last_epoch == self._until:
            x_limit = last_epoch  # a Train: the axis ends where the run will
        elif self.x_limit is not None and last_epoch <= self.x_limit:
            x_limit = self.x_limit
        else:
            x_limit = _nice_limit(max(last_epoch, 1))
        values = np.concatenate([losses, tests])
        largest = float(values.max()) if values.size else 1.0
        y_limit = self.y_limit
        refit = y_limit is None or largest > y_limit or (x_limit != self.x_limit and largest < 0.5 * y_limit)
        if moving and y_limit is not None and x_limit == self.x_limit:
            refit = False  # a whole redraw costs a dozen frames' drawing: not in the middle of a Train
        if refit:
            y_limit = 1.25 * largest if largest > 0 else 1.0  # room above: a rising loss redraws less often
        if (x_limit, y_limit) == (self.x_limit, self.y_limit):
            return False
        self.x_limit, self.y_limit = x_limit, y_limit
        self.loss_ax.set_xlim(0, x_limit)
        self.loss_ax.set_ylim(0, y_limit)
        return True


class TrainRun:
    """One press of Train: `epochs` more epochs, in slices of time, the figures drawn after each slice.

    advance() trains one slice and draws one frame; it returns False once the run is over (all epochs
    done, stop() called, or training diverged). A slice lasts `frame_seconds` less the last frame's
    drawing, and at least six times the drawing (the median of the last five frames), so drawing takes
    a seventh of the time at most.
    summary() says what the run did (epochs, frames, seconds training and drawing).
    """

    def __init__(self, box, epochs, *, frame_seconds=0.09):
        self.box, self.pg = box, box.playground
        self.start, self.target = self.pg.epoch, self.pg.epoch + epochs
        self.frame_seconds = frame_seconds
        self.stopped = self.rebuilt = False
        self.frames = 0
        self.train_seconds = self.draw_seconds = 0.0
        self._draws = []  # the last five frames' drawing times
        self.began = time.perf_counter()

    @property
    def running(self):
        return not self.stopped and not self.pg.diverged and self.pg.epoch < self.target

    def stop(self):
        """Stop after the current slice; the weights reached are kept."""
        self.stopped = True

    def advance(self):
        if not self.running:
            return False
        # the median of the last few frames drawn over the rest (a whole redraw, rare, is not counted)
        draw = sorted(self._draws)[(len(self._draws) - 1) // 2] if self._draws else 0.0
        budget = max(self.frame_seconds - draw, 6 * draw)
        began = time.perf_counter()
        self.pg.train(self.target - self.pg.epoch, on_epoch=lambda _: time.perf_counter() - began >= budget)
        trained = time.perf_counter()
        self.train_seconds += trained - began
        whole = _show(self.box, until=self.target, progress=self.pg.epoch - self.start, moving=self.running)
        drawn = time.perf_counter() - trained
        if not whole:  # a redraw for new axis limits is rare: it must not set the slices' length
            self._draws = (self._draws + [drawn])[-5:]
        self.draw_seconds += drawn
        self.frames += 1
        return self.running

    def summary(self):
        """What the run did: epochs, frames, seconds training and drawing, whether it was stopped."""
        seconds = time.perf_counter() - self.began
        return {
            "epochs": self.pg.epoch - self.start,
            "frames": self.frames,
            "seconds": seconds,
            "train_seconds": self.train_seconds,
            "draw_seconds": self.draw_seconds,
            "stopped": self.stopped,
        }


def playground(
    dataset="moons",
    hidden_layers=(8,),
    activation="tanh",
    learning_rate=0.1,
    batch_size=16,
    optimizer="sgd",
    *,
    epochs_per_train=500,
    seed=0,
    n_samples=200,
):
    """The playground as a widget: controls, Train / Step / Reset, a progress bar, live figures.

    Returns an ipywidgets.VBox; its attributes `playground` (the Playground), `controls`, `buttons`
    ({"train", "step", "reset"}), `progress`, `status`, `figure` (the PlaygroundFigure), `run` (the
    TrainRun under way, or None) and `last_run` (the summary of the last one) let code and tests drive it.
    """
    import ipywidgets as w

    pg = Playground(
        dataset, hidden_layers, activation, learning_rate, batch_size, optimizer, n_samples=n_samples, seed=seed
    )
    controls = _controls(pg)
    epochs = w.BoundedIntText(
        value=epochs_per_train,
        min=1,
        max=100_000,
        description="epochs per Train",
        layout=w.Layout(width="260px"),
        style={"description_width": "110px"},
    )
    buttons = {
        "train": w.Button(description="Train", tooltip=_TRAIN_TIP),
        "step": w.Button(description="Step", tooltip="Train one epoch: every training example once"),
        "reset": w.Button(description="Reset", tooltip="New starting weights, as at first"),
    }
    colour_button(buttons["train"], "primary")
    colour_button(buttons["reset"], "warning")
    progress = w.IntProgress(value=0, min=0, max=epochs_per_train, description="training")
    status = w.HTML()
    figure = PlaygroundFigure(pg)
    box = w.VBox(
        [
            w.HBox([w.VBox(list(controls.values())[:3]), w.VBox(list(controls.values())[3:] + [epochs])]),
            w.HBox(list(buttons.values()) + [progress]),
            status,
            figure.live.image,
            figure.live.announcer,
        ]
    )
    accessible(box)
    box.playground, box.controls, box.buttons = pg, controls, buttons
    box.progress, box.status, box.figure, box.epochs = progress, status, figure, epochs
    box.run, box.last_run = None, None
    _wire(box)
    _show(box)
    return box


_TRAIN_TIP = "Train the epochs per Train, drawing as it goes; press again (Stop) to stop"


def _show_status(box, text):
    box.status.value = f"<code>{text}</code>"


def _show(box, *, until=None, progress=None, moving=False):
    """Draw the playground's figure again and say where training stands; True if new axis limits were
    drawn (see PlaygroundFigure.update)."""
    whole = box.figure.update(until=until, moving=moving)
    if progress is not None:
        box.progress.value = progress
    _show_status(box, box.playground.summary() if box.run is not None else box.playground.message)
    return whole


def _wire(box):
    _wire_controls(box)
    _wire_buttons(box)


def _wire_controls(box):
    """A changed control reconfigures the playground; a refused value shows as a message."""
    pg = box.playground

    def on_change(name):
        def handler(change):
            if name in _REBUILDING and box.run is not None:
                box.run.stop()  # the run ends at its next slice; the new problem starts untrained
                box.run.rebuilt = True
            try:
                rebuilt = pg.configure(**{name: change["new"]})
            except (ValueError, TypeError) as error:
                _show_status(box, str(error))
                return
            if rebuilt:
                box.progress.value = 0
                box.figure.rebuild(pg)
                _show(box)

        return handler

    for name, control in box.controls.items():
        control.observe(on_change(name), names="value")


def _running_loop():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _begin(box, run):
    box.run = run
    train = box.buttons["train"]
    train.description, train.tooltip = "Stop", "Stop training; the weights stay"
    colour_button(train, "danger")
    box.buttons["step"].disabled = box.buttons["reset"].disabled = True
    box.progress.max, box.progress.value = run.target - run.start, 0


def _finish(box, run):
    box.run, box.last_run = None, run.summary()
    train = box.buttons["train"]
    train.description, train.tooltip = "Train", _TRAIN_TIP
    colour_button(train, "primary")
    box.buttons["step"].disabled = box.buttons["reset"].disabled = False
    if run.stopped and not run.rebuilt and not box.playground.diverged:
        box.playground.message = "stopped: " + box.playground.summary()
    _show(box, progress=box.playground.epoch - run.start)


async def _run_in_kernel(box, run):
    try:
        while run.advance():
            await asyncio.sleep(0.001)  # the kernel handles the page's messages (a Stop click) here
    except Exception as error:  # shown, never lost in a task no one awaits
        traceback.print_exc()
        box.playground.message = f"training failed: {error!r}"
    finally:
        _finish(box, run)


def _wire_buttons(box):
    """Train (animated; Stop while it runs), Step (one epoch) and Reset."""
    pg = box.playground

    def train(_button=None):
        if box.run is not None:
            box.run.stop()
            return
        run = TrainRun(box, box.epochs.value)
        _begin(box, run)
        loop = _running_loop()
        if loop is not None:  # in a kernel: slices on its event loop, messages handled in between
            box.task = loop.create_task(_run_in_kernel(box, run))
            return
        try:
            while run.advance():
                pass
        finally:
            _finish(box, run)

    def step(_button=None):
        if box.run is not None:
            return
        pg.step()
        box.progress.max, box.progress.value = 1, 1
        _show(box)

    def reset(_button=None):
        if box.run is not None:
            return
        pg.reset()
        box.progress.value = 0
        box.figure.rebuild(pg)
        _show(box)

    box.buttons["train"].on_click(train)
    box.buttons["step"].on_click(step)
    box.buttons["reset"].on_click(reset)
