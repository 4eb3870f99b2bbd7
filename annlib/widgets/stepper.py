"""One training iteration, step by step, on the 3-4-4-1 network (lesson 06).

The article's picture of one iteration, made to move: forward propagation writes every neuron's value
on the diagram, the loss compares the prediction with the target, backpropagation writes dC/dw on
every connection, and the update changes every weight by -learning_rate * dC/dw. Then again.

The logic is the plain class `Stepper`; each stage is a method, and `draw()` draws the current stage:

    st = Stepper()                 # the 3-4-4-1 sigmoid network, one example x = (x1, x2, x3), target y
    st.forward(); st.draw()        # values in the neurons
    st.loss(); st.draw()           # C = (y_pred - y)^2
    st.backward(); st.draw()       # dC/dw on the connections
    st.update(); st.draw()         # the new weights

`stepper_widget()` puts buttons on the same object: Forward, Loss, Backward, Update, Next and Reset.
"""

import numpy as np

import annlib
from annlib.losses import get_loss
from annlib.widgets._display import show_figure

__all__ = ["Stepper", "stepper_widget", "STAGES"]

# The order of one iteration; "start" is before the first forward pass.
STAGES = ("start", "forward", "loss", "backward", "update")
_NEEDS = {"loss": "forward", "backward": "loss", "update": "backward"}


class Stepper:
    """One example going through forward, loss, backward and update, one stage at a time."""

    def __init__(self, network=None, x=(1.0, 0.5, -1.5), y=(1.0,), *, loss="mse", learning_rate=1.0, rng=0):
        self.network = network if network is not None else annlib.Network.from_sizes([3, 4, 4, 1], "sigmoid", rng=rng)
        self.x = np.asarray(x, dtype=np.float64)
        self.y = np.asarray(y, dtype=np.float64).reshape(1, -1)
        if self.x.shape != (self.network.n_inputs,):
            raise ValueError(f"Stepper: x has shape {self.x.shape}, expected ({self.network.n_inputs},): one example")
        if self.y.shape != (1, self.network.n_outputs):
            raise ValueError(f"Stepper: y has {self.y.size} values, expected {self.network.n_outputs} (one per output)")
        self.loss_function = get_loss(loss, caller="Stepper")
        self.optimizer = annlib.optimizers.SGD(learning_rate)
        self._initial = self.network.get_weights()
        self.reset()

    def __repr__(self):
        return f"Stepper(iteration {self.iteration}, stage {self.stage!r}, sizes {self.network.sizes})"

    @property
    def learning_rate(self):
        return self.optimizer.learning_rate

    def reset(self):
        """Back to the first weights, before the first forward pass."""
        self.network.set_weights(self._initial)
        self.stage = "start"
        self.iteration = 0
        self.activations = self.prediction = self.loss_value = None
        self.weight_gradients = self.bias_gradients = self.weight_changes = None
        self.losses = []  # the loss of every completed iteration

    def _require(self, action):
        needed = _NEEDS[action]
        if self.stage != needed:
            raise ValueError(
                f"Stepper.{action}: run {needed}() first; one iteration goes forward, loss, backward, "
                f"update (the last stage was {self.stage})"
            )

    @property
    def next_stage(self):
        """The stage the next call of next() will run."""
        return {"start": "forward", "forward": "loss", "loss": "backward", "backward": "update", "update": "forward"}[
            self.stage
        ]

    def forward(self):
        """Forward propagation of x: every layer's values [x, a1, a2, y_pred]. Starts a new iteration."""
        from annlib.plotting import forward_values

        self.activations = forward_values(self.network, self.x)
        self.prediction = self.activations[-1].reshape(1, -1)
        self.loss_value = self.weight_gradients = self.bias_gradients = self.weight_changes = None
        self.stage = "forward"
        return self.activations

    def loss(self):
        """The loss of the prediction against the target y."""
        self._require("loss")
        self.loss_value = self.loss_function(self.prediction, self.y)
        self.stage = "loss"
        return self.loss_value

    def backward(self):
        """Backpropagation: dC/dW of every layer (also kept in weight_gradients; dC/db in bias_gradients)."""
        self._require("backward")
        self.network.backward(self.loss_function.gradient(self.prediction, self.y))
        self.weight_gradients = [layer.grad_W.copy() for layer in self.network]
        self.bias_gradients = [layer.grad_b.copy() for layer in self.network]
        self.stage = "backward"
        return self.weight_gradients

    def update(self):
        """w := w - learning_rate * dC/dw for every weight and bias. Returns the change of every W."""
        self._require("update")
        before = [layer.W.copy() for layer in self.network]
        self.optimizer.step(self.network.parameters(), self.network.gradients())
        self.weight_changes = [layer.W - old for layer, old in zip(self.network, before)]
        self.losses.append(self.loss_value)
        self.iteration += 1
        self.stage = "update"
        return self.weight_changes

    def next(self):
        """Run the next stage of the iteration; returns its name."""
        stage = self.next_stage
        getattr(self, stage)()
        return stage

    def run(self, iterations=1):
        """Whole iterations (forward, loss, backward, update); returns the last loss."""
        for _ in range(iterations):
            self.forward()
            self.loss()
            self.backward()
            self.update()
        return self.losses[-1]

    def describe(self):
        """One line saying what the current stage did."""
        it = self.iteration + (0 if self.stage in ("start", "update") else 1)
        y_pred = ", ".join(f"{v:.4f}" for v in np.ravel(self.prediction)) if self.prediction is not None else ""
        target = ", ".join(f"{v:.4f}" for v in np.ravel(self.y))
        if self.stage == "start":
            return "the starting weights; next: forward"
        if self.stage == "forward":
            return f"iteration {it}, forward: every node's value; prediction {y_pred}, target {target}"
        if self.stage == "loss":
            return f"iteration {it}, loss: {self.loss_function.name} = {self.loss_value:.4f}"
        if self.stage == "backward":
            return f"iteration {it}, backward: ∂C/∂w on every connection"
        return f"iteration {it}, update: w := w - {self.learning_rate:g} ∂C/∂w; the loss was {self.loss_value:.4f}"

    def draw(self, ax=None):
        """The network diagram at the current stage (values after forward, dC/dw after backward)."""
        from annlib.plotting import draw_network

        gradients = self.weight_gradients if self.stage == "backward" else None
        activations = self.activations if self.stage in ("forward", "loss", "backward") else None
        return draw_network(self.network, ax, activations=activations, gradients=gradients, title=self.describe())


def stepper_widget(stepper=None, **kwargs):
    """Buttons over a Stepper: Forward, Loss, Backward, Update, Next, Reset, and the diagram below.

    Returns an ipywidgets.VBox; its attributes `stepper`, `buttons` ({"forward", "loss", "backward",
    "update", "next", "reset"}), `status` and `output` let code (and tests) drive it.
    kwargs go to Stepper() when no stepper is given.
    """
    import ipywidgets as w

    stepper = stepper if stepper is not None else Stepper(**kwargs)
    names = ("forward", "loss", "backward", "update", "next", "reset")
    buttons = {name: w.Button(description=name.capitalize(), layout=w.Layout(width="95px")) for name in names}
    buttons["next"].button_style = "primary"
    buttons["reset"].button_style = "warning"
    status = w.HTML()
    output = w.Output()
    box = w.VBox([w.HBox(list(buttons.values())), status, output])
    box.stepper, box.buttons, box.status, box.output = stepper, buttons, status, output
    box.last_figure = None

    def run(name):
        def handler(_button=None):
            try:
                getattr(stepper, name)()
            except ValueError as error:
                status.value = f"<code>{error}</code>"
                return
            _redraw(box)

        return handler

    for name in names:
        buttons[name].on_click(run(name))
    _redraw(box)
    return box


def _redraw(box):
    """Draw the stepper's diagram into the Output, and enable only the buttons that make sense now."""
    stepper = box.stepper
    figure = stepper.draw().figure
    show_figure(box.output, figure)
    box.last_figure = figure
    for name in ("loss", "backward", "update"):
        box.buttons[name].disabled = stepper.stage != _NEEDS[name]
    recent = ", ".join(f"{v:.4f}" for v in stepper.losses[-5:])
    history = f" &nbsp; losses so far: {recent}" if recent else ""
    box.status.value = f"<code>{stepper.describe()}</code>{history}"
