"""A network: layers applied one after another (lessons 03 and 06).

Forward propagation feeds the inputs through every layer in turn, each layer's output becoming the
next layer's input, until the output layer gives the prediction. Backpropagation goes the other way:
starting from dLoss/dy_pred, each layer stores its own gradients and hands dLoss/d(its input) to the
layer before it.

Shapes: X is (n_samples, n_features); the output is (n_samples, n_outputs of the last layer).

A layer is anything with what the layer protocol in annlib.layers lists (`Dense` has it all); the
network checks it when it is built, so a layer that lacks a piece fails there, by name.
"""

import numpy as np

from annlib._validation import make_rng
from annlib.layers import Dense, backward_input, layer_input
from annlib.metrics import output_labels

# What every layer must have: the layer protocol, described in annlib.layers' docstring.
LAYER_PROTOCOL = (
    "n_inputs",
    "n_outputs",
    "n_parameters",
    "activation",
    "forward",
    "predict",
    "backward",
    "parameters",
    "gradients",
)


class Network:
    """A feed-forward network: `Network([Dense(3, 4), Dense(4, 4), Dense(4, 1)])`."""

    def __init__(self, layers):
        layers = list(layers)
        if not layers:
            raise ValueError("Network: layers is empty; give at least one layer")
        for i, layer in enumerate(layers):
            missing = [name for name in LAYER_PROTOCOL if not hasattr(layer, name)]
            if missing:
                raise TypeError(
                    f"Network: layer {i + 1} (layers[{i}]) is a {type(layer).__name__}, not a layer: it has no "
                    f"{', '.join(missing)} (a layer needs {', '.join(LAYER_PROTOCOL)}; see annlib.layers)"
                )
        for i, (before, after) in enumerate(zip(layers, layers[1:])):
            if before.n_outputs != after.n_inputs:
                raise ValueError(
                    f"Network: layer {i + 1} gives {before.n_outputs} outputs but layer {i + 2} "
                    f"expects {after.n_inputs} inputs"
                )
        self.layers = layers
        self.output = None  # the last forward()'s prediction, which backward() checks grad against

    @classmethod
    def from_sizes(cls, sizes, activation="sigmoid", output_activation=None, *, rng=None):
        """Build dense layers from sizes: `Network.from_sizes([3, 4, 4, 1], rng=0)`.

        Hidden layers use `activation`; the output layer uses `output_activation` (default: the same).
        """
        sizes = list(sizes)
        if len(sizes) < 2:
            raise ValueError(f"Network.from_sizes: need at least 2 sizes (inputs, outputs), got {sizes}")
        rng = make_rng(rng, caller="Network.from_sizes")
        output_activation = output_activation or activation
        layers = [
            Dense(n_in, n_out, activation if i < len(sizes) - 2 else output_activation, rng=rng)
            for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:]))
        ]
        return cls(layers)

    def __repr__(self):
        # Layers counted from 1, as the lessons count them (layer 1 is self.layers[0]).
        lines = [f"  layer {k}: {layer!r}" for k, layer in enumerate(self.layers, start=1)]
        return "Network(\n" + "\n".join(lines) + f"\n)  {self.n_parameters} parameters"

    def __len__(self):
        return len(self.layers)

    def __getitem__(self, index):
        return self.layers[index]

    def __iter__(self):
        return iter(self.layers)

    @property
    def n_inputs(self):
        return self.layers[0].n_inputs

    @property
    def n_outputs(self):
        return self.layers[-1].n_outputs

    @property
    def sizes(self):
        """[n_inputs, n_outputs of layer 0, n_outputs of layer 1, ...]."""
        return [self.n_inputs] + [layer.n_outputs for layer in self.layers]

    @property
    def n_parameters(self):
        return sum(layer.n_parameters for layer in self.layers)

    def parameters(self):
        """Every weight and bias array, in order [W0, b0, W1, b1, ...]; optimizers update them in place."""
        return [p for layer in self.layers for p in layer.parameters()]

    def gradients(self):
        """The gradients from the last backward(), in the order of parameters()."""
        return [g for layer in self.layers for g in layer.gradients()]

    def get_weights(self):
        """A copy of every parameter, to restore later with set_weights()."""
        return [p.copy() for p in self.parameters()]

    def set_weights(self, weights):
        """Copy values into every parameter (in place); `weights` as returned by get_weights()."""
        params = self.parameters()
        if len(weights) != len(params):
            raise ValueError(f"Network.set_weights: got {len(weights)} arrays, expected {len(params)}")
        for i, (param, value) in enumerate(zip(params, weights)):
            value = np.asarray(value, dtype=np.float64)
            if value.shape != param.shape:
                raise ValueError(f"Network.set_weights: array {i} has shape {value.shape}, expected {param.shape}")
            param[...] = value

    @property
    def output_activation(self):
        """The name of the output layer's activation ("sigmoid", "softmax", ...)."""
        return self.layers[-1].activation.name

    def forward(self, X):
        """Forward propagation: X (n_samples, n_inputs) -> prediction (n_samples, n_outputs).

        Every layer keeps what its backward() needs.
        """
        X = layer_input(X, self.n_inputs, "Network.forward")
        for layer in self.layers:
            X = layer.forward(X)  # this layer's output is the next layer's input
        self.output = X
        return X

    def backward(self, grad, *, at_z=False):
        """Backpropagation: every layer writes its gradients (network.gradients()).

        grad: dLoss/dy_pred, (n_samples, n_outputs), which the output layer multiplies by its
        activation's derivative (lesson 06); or with at_z=True dLoss/dz of the output layer, for a loss
        paired with the output activation (annlib.losses: the shortcut train_step takes). The first
        layer computes no dLoss/dX: no layer needs it.
        """
        grad = backward_input(grad, self.output, "Network.backward", "grad", "the network's")
        last = len(self.layers) - 1
        for k in range(last, -1, -1):
            # Each layer hands dLoss/d(its input) back: the next one down reads it as its dLoss/da.
            grad = self.layers[k].backward(grad, at_z=at_z and k == last, input_gradient=k > 0)

    def predict(self, X):
        """The network's output for X: (n_samples, n_inputs) -> (n_samples, n_outputs).

        Unlike forward(), it keeps nothing in the layers, so a prediction (a plot, say) made between a
        forward() and its backward() changes nothing backward() needs.
        """
        X = layer_input(X, self.n_inputs, "Network.predict")
        for layer in self.layers:
            X = layer.predict(X)  # (n_samples, n_outputs of this layer)
        return X

    def predict_labels(self, X):
        """Class labels: the most probable class per row, or output > 0.5 for one output column."""
        return output_labels(self.predict(X))
