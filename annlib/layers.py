"""A fully connected (dense) layer (lessons 03 and 06).

Every input node is connected to every neuron of the layer. A batch of inputs X goes through:

    z = X @ W + b        (the weighted sums of every neuron, for every example)
    a = f(z)             (the activation)

Shapes, batch first:
    X       (n_samples, n_inputs)       one example per row
    W       (n_inputs, n_outputs)       row i is the fan of weights leaving input node i;
                                        the article's wa1..wa4 are W[0, 0..3], wb1..wb4 are W[1, 0..3]
    b       (n_outputs,)                one bias per neuron
    z, a    (n_samples, n_outputs)

`forward(X)` keeps X, z and a, which `backward(grad_output)` needs: given dLoss/da it stores
dLoss/dW in `grad_W` and dLoss/db in `grad_b`, and returns dLoss/dX for the layer before.
"""

import numbers

import numpy as np

from annlib._validation import as_float_array, make_rng
from annlib.activations import get_activation

# Glorot (Xavier) initialisation suits sigmoid, tanh and softmax; He initialisation suits ReLU-like
# activations, which zero half their inputs and so need twice the variance to keep signals alive.
_HE_ACTIVATIONS = ("relu", "leaky_relu")


class Dense:
    """A fully connected layer: `Dense(3, 4, activation="sigmoid", rng=0)`."""

    def __init__(self, n_inputs, n_outputs, activation="sigmoid", *, rng=None, init="auto", name=None):
        for arg, value in (("n_inputs", n_inputs), ("n_outputs", n_outputs)):
            if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
                raise ValueError(f"Dense: {arg} must be a whole number >= 1, got {value!r}")
        self.n_inputs = int(n_inputs)
        self.n_outputs = int(n_outputs)
        self.activation = get_activation(activation, caller="Dense")
        self.name = name
        self.W = self._initial_weights(init, make_rng(rng, caller="Dense"))
        self.b = np.zeros(self.n_outputs)
        self.grad_W = np.zeros_like(self.W)
        self.grad_b = np.zeros_like(self.b)
        self.X = self.z = self.a = None  # kept by forward() for backward()

    def _initial_weights(self, init, rng):
        if init == "auto":
            init = "he" if self.activation.name in _HE_ACTIVATIONS else "glorot"
        if init == "glorot":
            scale = np.sqrt(2.0 / (self.n_inputs + self.n_outputs))
        elif init == "he":
            scale = np.sqrt(2.0 / self.n_inputs)
        elif isinstance(init, numbers.Real) and not isinstance(init, bool) and init >= 0:
            scale = float(init)
        else:
            raise ValueError(
                f"Dense: init must be 'auto', 'glorot', 'he' or a standard deviation >= 0, got {init!r}"
            )
        return rng.normal(0.0, scale, size=(self.n_inputs, self.n_outputs))

    def __repr__(self):
        label = f"{self.name}: " if self.name else ""
        return f"Dense({label}{self.n_inputs} -> {self.n_outputs}, {self.activation.name})"

    @property
    def n_parameters(self):
        return self.W.size + self.b.size

    def parameters(self):
        """[W, b]: the arrays an optimizer updates in place."""
        return [self.W, self.b]

    def gradients(self):
        """[grad_W, grad_b], in the order of parameters()."""
        return [self.grad_W, self.grad_b]

    def forward(self, X):
        """a = f(X @ W + b). X: (n_samples, n_inputs) -> a: (n_samples, n_outputs)."""
        X = self._check_input(X)
        return self._forward(X)

    def _forward(self, X):
        # The unchecked forward pass, for callers (Network, fit) that have checked X already.
        self.X = X
        self.z = X @ self.W + self.b  # (n_samples, n_inputs) @ (n_inputs, n_outputs) -> (n_samples, n_outputs)
        self.a = self.activation.forward(self.z)
        return self.a

    def backward(self, grad_output):
        """Store grad_W, grad_b; return dLoss/dX. grad_output: dLoss/da, (n_samples, n_outputs)."""
        if self.a is None:
            raise ValueError("Dense.backward: call forward(X) first; backward needs what it keeps")
        if not isinstance(grad_output, np.ndarray):
            grad_output = as_float_array(grad_output, caller="Dense.backward", name="grad_output")
        if grad_output.shape != self.a.shape:
            raise ValueError(
                f"Dense.backward: grad_output has shape {grad_output.shape}, expected {self.a.shape} "
                "(the shape of this layer's last output)"
            )
        return self._backward(grad_output)

    def _backward(self, grad_output, input_gradient=True):
        grad_z = self.activation.backward(self.z, self.a, grad_output)  # (n_samples, n_outputs)
        # Each weight W[i, j] touches the loss through z[:, j], scaled by input i: sum over the batch.
        self.grad_W = self.X.T @ grad_z  # (n_inputs, n_samples) @ (n_samples, n_outputs)
        self.grad_b = grad_z.sum(axis=0)  # (n_outputs,)
        if not input_gradient:
            return None  # the first layer during training: nobody needs dLoss/dX
        return grad_z @ self.W.T  # (n_samples, n_outputs) @ (n_outputs, n_inputs) -> (n_samples, n_inputs)

    def _check_input(self, X):
        X = as_float_array(X, caller="Dense.forward", name="X")
        if X.ndim != 2 or X.shape[1] != self.n_inputs:
            raise ValueError(
                f"Dense.forward: X has shape {X.shape}, expected (any, {self.n_inputs})"
                + (" -- for one example use X.reshape(1, -1)" if X.ndim == 1 and X.size == self.n_inputs else "")
            )
        return X
