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

What a layer must have, so that a `Network` can chain it (the network checks it when it is built):

    n_inputs, n_outputs        the sizes of X's rows and of a's rows
    activation                 its activation, with a `name` ("sigmoid", ...), for the output layer's pairing
                               with the loss (annlib.losses)
    forward(X, check=True)     a, keeping X, z and a for backward
    predict(X, check=True)     a, the same computation, keeping nothing
    backward(grad_output, at_z=False, input_gradient=True, check=True)
                               given dLoss/da (or dLoss/dz with at_z=True) writes dLoss/dW and dLoss/db
                               into the arrays gradients() returns, and returns dLoss/dX (None with
                               input_gradient=False: the first layer's is needed by nobody)
    parameters(), gradients()  [W, b] and [grad_W, grad_b]: the same arrays every time, changed in place
    n_parameters               how many numbers parameters() holds

check=False skips the input checks, for callers (Network, fit) that have checked their arrays already.
"""

import numbers

import numpy as np

from annlib._validation import as_float_array, check_layer_input, make_rng
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
            raise ValueError(f"Dense: init must be 'auto', 'glorot', 'he' or a standard deviation >= 0, got {init!r}")
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
        """[grad_W, grad_b], in the order of parameters(); backward() writes into these same arrays."""
        return [self.grad_W, self.grad_b]

    def forward(self, X, *, check=True):
        """a = f(X @ W + b), keeping X, z and a for backward().

        X: (n_samples, n_inputs) -> a: (n_samples, n_outputs).
        """
        if check:
            X = check_layer_input(X, self.n_inputs, caller="Dense.forward")
        self.X = X
        self.z, self.a = self._weighted_sum_and_activation(X)
        return self.a

    def predict(self, X, *, check=True):
        """a = f(X @ W + b) like forward(), keeping nothing (so a backward() still matches its forward())."""
        if check:
            X = check_layer_input(X, self.n_inputs, caller="Dense.predict")
        return self._weighted_sum_and_activation(X)[1]

    def _weighted_sum_and_activation(self, X):
        z = X @ self.W + self.b  # (n_samples, n_inputs) @ (n_inputs, n_outputs) -> (n_samples, n_outputs)
        return z, self.activation.forward(z)

    def backward(self, grad_output, *, at_z=False, input_gradient=True, check=True):
        """Write grad_W and grad_b in place; return dLoss/dX, (n_samples, n_inputs), or None when
        input_gradient=False.

        grad_output: dLoss/da, (n_samples, n_outputs), multiplied here by the activation's derivative
        (lesson 06); or, with at_z=True, dLoss/dz itself, used as it is (the output layer's shortcut for
        a loss paired with its activation, annlib.losses).
        """
        if check:
            grad_output = self._check_gradient(grad_output)
        grad_z = grad_output if at_z else self.activation.backward(self.z, self.a, grad_output)
        # Each weight W[i, j] touches the loss through z[:, j], scaled by input i: sum over the batch.
        np.matmul(self.X.T, grad_z, out=self.grad_W)  # (n_inputs, n_samples) @ (n_samples, n_outputs)
        np.sum(grad_z, axis=0, out=self.grad_b)  # (n_outputs,)
        if not input_gradient:
            return None
        return grad_z @ self.W.T  # (n_samples, n_outputs) @ (n_outputs, n_inputs) -> (n_samples, n_inputs)

    def _check_gradient(self, grad_output):
        if self.a is None:
            raise ValueError("Dense.backward: call forward(X) first; backward needs what it keeps")
        grad_output = as_float_array(grad_output, caller="Dense.backward", name="grad_output")
        if grad_output.shape != self.a.shape:
            raise ValueError(
                f"Dense.backward: grad_output has shape {grad_output.shape}, expected {self.a.shape} "
                "(the shape of this layer's last output)"
            )
        return grad_output
