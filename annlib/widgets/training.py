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

`playground(...)` wraps one in ipywidgets: controls, Train/Step/Reset buttons, a progress bar and an
Output holding the figures. Choices that change the problem (data, layers, activation) rebuild the
network; the learning rate, batch size and optimizer change without losing the weights trained so far.
"""

import numbers

import numpy as np

import annlib
from annlib import datasets
from annlib.activations import get_activation
from annlib.optimizers import get_optimizer
from annlib.widgets._display import show_figure

__all__ = ["Playground", "playground", "parse_hidden_layers", "PLAYGROUND_DATASETS"]

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
        n = len(history.loss)
        self.losses[start:] = history.loss
        self.accuracies[start:] = history.accuracy
        self.test_losses[start:] = history.val_loss[:n]
        self.test_accuracies[start:] = history.val_accuracy[:n]

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
            loss_ax.text(0.5, 0.5, "no epochs yet", ha="center", va="center", transform=loss_ax.transAxes)
            loss_ax.set_title(f"loss ({self.loss})")
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


def playground(
    dataset="moons",
    hidden_layers=(8,),
    activation="tanh",
    learning_rate=0.1,
    batch_size=16,
    optimizer="sgd",
    *,
    epochs_per_train=100,
    seed=0,
    n_samples=200,
):
    """The playground as a widget: controls, Train / Step / Reset, a progress bar, live figures.

    Returns an ipywidgets.VBox; its attributes `playground` (the Playground), `controls`, `buttons`
    ({"train", "step", "reset"}), `progress`, `status` and `output` let code (and tests) drive it.
    """
    import ipywidgets as w

    pg = Playground(
        dataset, hidden_layers, activation, learning_rate, batch_size, optimizer, n_samples=n_samples, seed=seed
    )
    controls = _controls(pg)
    epochs = w.BoundedIntText(
        value=epochs_per_train,
        min=1,
        max=5000,
        description="epochs per Train",
        layout=w.Layout(width="260px"),
        style={"description_width": "110px"},
    )
    buttons = {
        name: w.Button(description=name.capitalize(), button_style=style)
        for name, style in (("train", "primary"), ("step", ""), ("reset", "warning"))
    }
    progress = w.IntProgress(value=0, min=0, max=epochs_per_train, description="training")
    status = w.HTML()
    output = w.Output()
    box = w.VBox(
        [
            w.HBox([w.VBox(list(controls.values())[:3]), w.VBox(list(controls.values())[3:] + [epochs])]),
            w.HBox(list(buttons.values()) + [progress]),
            status,
            output,
        ]
    )
    box.playground, box.controls, box.buttons = pg, controls, buttons
    box.progress, box.status, box.output, box.epochs = progress, status, output, epochs
    box.last_figure = None
    _wire(box)
    _redraw(box)
    return box


def _show_status(box, text):
    box.status.value = f"<code>{text}</code>"


def _redraw(box, resolution=120):
    """Draw the playground's figures into the Output (replacing the last ones)."""
    axes = box.playground.draw(resolution=resolution)
    figure = axes[0].figure
    figure.tight_layout()
    show_figure(box.output, figure)
    box.last_figure = figure
    _show_status(box, box.playground.message)


def _wire(box):
    _wire_controls(box)
    _wire_buttons(box)


def _wire_controls(box):
    """A changed control reconfigures the playground; a refused value shows as a message."""
    pg = box.playground

    def on_change(name):
        def handler(change):
            try:
                rebuilt = pg.configure(**{name: change["new"]})
            except (ValueError, TypeError) as error:
                _show_status(box, str(error))
                return
            if rebuilt:
                box.progress.value = 0
            _redraw(box)

        return handler

    for name, control in box.controls.items():
        control.observe(on_change(name), names="value")


def _wire_buttons(box):
    """Train (with progress and live figures), Step (one epoch) and Reset."""
    pg = box.playground

    def train(_button=None):
        n = box.epochs.value
        box.progress.max, box.progress.value = n, 0
        start = pg.epoch
        every = max(n // 5, 10)

        def on_epoch(playground):
            done = playground.epoch - start
            box.progress.value = done
            _show_status(box, playground.summary())
            if done % every == 0 and done < n:
                _redraw(box, resolution=60)  # the live view: coarser, so it keeps up

        for button in box.buttons.values():
            button.disabled = True
        try:
            pg.train(n, on_epoch=on_epoch)
        finally:
            for button in box.buttons.values():
                button.disabled = False
        _redraw(box)

    def step(_button=None):
        pg.step()
        box.progress.max, box.progress.value = 1, 1
        _redraw(box)

    def reset(_button=None):
        pg.reset()
        box.progress.value = 0
        _redraw(box)

    box.buttons["train"].on_click(train)
    box.buttons["step"].on_click(step)
    box.buttons["reset"].on_click(reset)
