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
Each step animates on the diagram (annlib.plotting.NetworkPicture, built once and rewritten in place):
forward propagation fills in the neurons' values layer by layer, backpropagation writes the gradients
from the output layer back, and an update moves every weight from its old value to its new one.
`animation_frames(stepper)` lists those frames; the first is drawn as soon as the button is pressed.
"""

import asyncio

import numpy as np

import annlib
from annlib.losses import get_loss
from annlib.widgets._display import LiveFigure, accessible, colour_button

__all__ = ["Stepper", "stepper_widget", "STAGES", "animation_frames"]

FRAME_SECONDS = 0.12  # between two frames of a step's animation
WAITING_TEXT = "#666666"  # a stage button out of order: grey, still 5:1 on the button's light grey

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
        # η by name, its value beside it: "w := w - 1 ∂C/∂w" would read as a typo for a rate of 1.
        return (
            f"iteration {it}, update: w := w - η ∂C/∂w with η = {self.learning_rate:g}; "
            f"the loss was {self.loss_value:.4f}"
        )

    def describe_figure(self):
        """The diagram at this stage in words (its text alternative), numbers to 2 significant digits."""
        from annlib.plotting.describe import listing, number

        sizes = "-".join(str(n) for n in self.network.sizes)
        shows = {
            "start": "every connection's weight and every neuron's bias",
            "forward": "every neuron's value after forward propagation",
            "loss": "every neuron's value and the loss",
            "backward": "the gradient ∂C/∂w on every connection and ∂C/∂b at every neuron",
            "update": "the new weights and biases after the update",
        }[self.stage]
        it = self.iteration + (0 if self.stage in ("start", "update") else 1)
        text = f"Network diagram of the {sizes} network showing {shows}"
        if self.stage == "start":
            return text + "; next comes forward propagation."
        text += f", iteration {it}."
        if self.stage in ("forward", "loss", "backward"):
            y_pred = listing(number(v) for v in np.ravel(self.prediction))
            target = listing(number(v) for v in np.ravel(self.y))
            text += f" The prediction ŷ is {y_pred}, the target {target}"
            text += (
                f"; the loss ({self.loss_function.name}) is {number(self.loss_value)}."
                if self.stage != "forward"
                else "."
            )
        if self.stage == "backward":
            largest = max(np.abs(g).max() for g in self.weight_gradients)
            text += f" The largest gradient in size is {number(largest)}."
        if self.stage == "update":
            text += (
                f" Each weight moved by -η ∂C/∂w with η = {number(self.learning_rate)}; the loss before the "
                f"update was {number(self.loss_value)}."
            )
        return text

    def draw(self, ax=None):
        """The network diagram at the current stage (values after forward, dC/dw after backward)."""
        from annlib.plotting import draw_network

        gradients = self.weight_gradients if self.stage == "backward" else None
        activations = self.activations if self.stage in ("forward", "loss", "backward") else None
        return draw_network(self.network, ax, activations=activations, gradients=gradients, title=self.describe())


def animation_frames(stepper, before=None):
    """The frames that show the stage the stepper has just run: a list of NetworkPicture.show arguments.

    forward: the values appear layer by layer; backward: the gradients appear from the output layer
    back; update: every weight and bias moves from its old value (`before`: the weights and biases
    before the update, [W1, b1, W2, b2, ...]) to its new one in four steps. The last frame is the stage
    as Stepper.draw shows it, titled with describe().
    """
    n = len(stepper.network.layers)
    final_title = stepper.describe()
    stage = stepper.stage
    if stage == "forward":
        frames = [
            dict(activations=[a if k <= shown else None for k, a in enumerate(stepper.activations)])
            for shown in range(n + 1)
        ]
        for shown, frame in enumerate(frames[:-1]):  # shown = 0: only the input x, A^(0), so far
            where = "the input" if shown == 0 else f"layer {shown} of {n}"
            frame["title"] = f"iteration {stepper.iteration + 1}, forward: {where}"
    elif stage == "loss":
        frames = [dict(activations=stepper.activations)]
    elif stage == "backward":
        frames = []
        for first in range(n - 1, -1, -1):  # the output layer first
            frames.append(
                dict(
                    activations=stepper.activations,
                    gradients=[g if k >= first else None for k, g in enumerate(stepper.weight_gradients)],
                    bias_gradients=[g if k >= first else None for k, g in enumerate(stepper.bias_gradients)],
                    title=f"iteration {stepper.iteration + 1}, backward: ∂C/∂w of layer {first + 1}",
                )
            )
    elif stage == "update" and before is not None:
        old_w, old_b = before[0::2], before[1::2]
        frames = []
        for t in (0.25, 0.5, 0.75, 1.0):
            frames.append(
                dict(
                    weights=[w0 + t * (layer.W - w0) for w0, layer in zip(old_w, stepper.network)],
                    biases=[b0 + t * (layer.b - b0) for b0, layer in zip(old_b, stepper.network)],
                    title=f"iteration {stepper.iteration}, update: w ← w - η ∂C/∂w ({t:.0%})",
                )
            )
    else:
        frames = [dict()]
    frames[-1]["title"] = final_title
    return frames


def stepper_widget(stepper=None, **kwargs):
    """Buttons over a Stepper: Forward, Loss, Backward, Update, Next, Reset, and the diagram below.

    Returns an ipywidgets.VBox; its attributes `stepper`, `buttons` ({"forward", "loss", "backward",
    "update", "next", "reset"}), `status`, `figure` (the LiveFigure shown) and `picture` (the
    NetworkPicture on it) let code (and tests) drive it. A stage button that would break the order is
    greyed out (not disabled: it keeps the keyboard's focus) and, pressed, says which stage comes first.
    kwargs go to Stepper() when no stepper is given. In a kernel, a step's later frames follow on the
    kernel's event loop, FRAME_SECONDS apart; a press during an animation ends it at once. Without a
    running loop only the last frame is drawn.
    """
    import ipywidgets as w

    from annlib.plotting import NetworkPicture, network_figsize

    stepper = stepper if stepper is not None else Stepper(**kwargs)
    names = ("forward", "loss", "backward", "update", "next", "reset")
    tips = {
        "forward": "Forward propagation: every neuron's value, layer by layer",
        "loss": "The loss of the prediction against the target",
        "backward": "Backpropagation: the gradient of the loss on every connection",
        "update": "Move every weight against its gradient",
        "next": "The next stage of the iteration",
        "reset": "Back to the first weights",
    }
    buttons = {
        name: w.Button(description=name.capitalize(), tooltip=tips[name], layout=w.Layout(width="95px"))
        for name in names
    }
    colour_button(buttons["next"], "primary")
    colour_button(buttons["reset"], "warning")
    status = w.HTML()
    figure = LiveFigure(network_figsize(stepper.network))
    ax = figure.figure.add_subplot()
    figure.figure.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.94)
    picture = NetworkPicture(stepper.network, ax)
    figure.layers = picture.groups  # a frame redraws these over the rest (the values alone, when only they move)
    box = accessible(w.VBox([w.HBox(list(buttons.values())), status, figure.image, figure.announcer]))
    box.stepper, box.buttons, box.status, box.figure, box.picture = stepper, buttons, status, figure, picture
    box.tips = tips
    box.animation = None

    def run(name):
        def handler(_button=None):
            if box.animation is not None:
                box.animation.cancel()
                box.animation = None
            action = stepper.next_stage if name == "next" else name
            before = stepper.network.get_weights() if action == "update" else None
            try:
                getattr(stepper, name)()
            except ValueError as error:
                status.value = f"<code>{error}</code>"
                return
            _animate(box, animation_frames(stepper, before))

        return handler

    for name in names:
        buttons[name].on_click(run(name))
    _animate(box, animation_frames(stepper))
    return box


def _show_frame(box, frame, last=True):
    """Draw one frame; the frames on the way are JPEG (quicker to encode), the last one PNG."""
    picture = box.picture
    picture.show(**frame)
    first = 0 if picture.edges_changed else 1  # only the values and the title moved: draw only them
    box.figure.show(
        box.stepper.describe_figure(), blit=not picture.rescaled, first=first, kind="png" if last else "jpeg"
    )


def _animate(box, frames):
    """The first frame now, the others on the kernel's event loop (or only the last, without one)."""
    _update_controls(box)
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = None
    if loop is None:
        _show_frame(box, frames[-1])
        return
    _show_frame(box, frames[0], last=False)  # at once, as JPEG; the last frame follows as PNG

    async def play():
        try:
            for i, frame in enumerate(frames[1:], start=2):
                await asyncio.sleep(FRAME_SECONDS)
                _show_frame(box, frame, last=i == len(frames))
            if len(frames) == 1:
                await asyncio.sleep(FRAME_SECONDS)
                box.figure.send(kind="png")  # the same picture, sharp
        finally:
            if box.animation is task:
                box.animation = None

    task = box.animation = loop.create_task(play())


def _update_controls(box):
    """Grey out the stage buttons that would break the order; the status line says what the stage did.

    They are greyed, not disabled: a disabled button can be neither reached with Tab nor keep the focus,
    so pressing Loss (which disables it) would drop a keyboard user's focus to the top of the page. Pressed
    out of order, a greyed button says which stage comes first (its tooltip says it too)."""
    stepper = box.stepper
    for name in ("loss", "backward", "update"):
        button, ready = box.buttons[name], stepper.stage == _NEEDS[name]
        button.style.text_color = None if ready else WAITING_TEXT
        button.tooltip = box.tips[name] if ready else f"{box.tips[name]} (after {_NEEDS[name].capitalize()})"
    recent = ", ".join(f"{v:.4f}" for v in stepper.losses[-5:])
    history = f" &nbsp; losses so far: {recent}" if recent else ""
    box.status.value = f"<code>{stepper.describe()}</code>{history}"
