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
    forward(X)                 a, keeping X, z and a for backward
    predict(X)                 a, the same computation, keeping nothing
    backward(grad_output, at_z=False, input_gradient=True)
                               given dLoss/da (or dLoss/dz with at_z=True) writes dLoss/dW and dLoss/db
                               into the arrays gradients() returns, and returns dLoss/dX (None with
                               input_gradient=False: the first layer's is needed by nobody)
    parameters(), gradients()  [W, b] and [grad_W, grad_b]: the same arrays every time, changed in place
    n_parameters               how many numbers parameters() holds

Every call checks its input at the door, cheaply: a float array of the right shape passes after a type, a
dtype and a shape test (anything else is converted, or refused with a message naming the call).
"""

import numbers

import numpy as np

from annlib._validation import as_float_array, check_layer_input, make_rng
from annlib.activations import get_activation

# Glorot (Xavier) initialisation suits sigmoid, tanh and softmax; He initialisation suits ReLU-like
# activations, which zero half their inputs and so need twice the variance to keep signals alive.
_HE_ACTIVATIONS = ("relu", "leaky_relu")


def layer_input(X, n_inputs, caller):
    """X as a float array of shape (n_samples, n_inputs), or an error naming `caller`.

    A float64 array of the right shape, the usual case, passes after a type, a dtype and a shape test
    (it is not searched for NaN: that would be a pass over the data); anything else (a list, integers,
    a wrong shape) goes through annlib._validation's full check, which also refuses NaN and inf.
    """
    if type(X) is np.ndarray and X.dtype == np.float64 and X.ndim == 2 and X.shape[1] == n_inputs:
        return X
    return check_layer_input(X, n_inputs, caller=caller)


def backward_input(grad, output, caller, name, whose):
    """The gradient handed to backward(), checked against `output`, the last forward()'s result."""
    if output is None:
        raise ValueError(f"{caller}: call forward(X) first; backward needs what it keeps")
    if type(grad) is np.ndarray and grad.dtype == np.float64 and grad.shape == output.shape:
        return grad
    grad = as_float_array(grad, caller=caller, name=name)
    if grad.shape != output.shape:
        raise ValueError(
            f"{caller}: {name} has shape {grad.shape}, expected {output.shape} (the shape of {whose} last output)"
        )
    return grad


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

    def forward(self, X):
        """a = f(X @ W + b), keeping X, z and a for backward().

        X: (n_samples, n_inputs) -> a: (n_samples, n_outputs).
        """
        X = layer_input(X, self.n_inputs, "Dense.forward")
        self.X = X
        self.z, self.a = self._weighted_sum_and_activation(X)
        return self.a

    def predict(self, X):
        """a = f(X @ W + b) like forward(), keeping nothing (so a backward() still matches its forward())."""
        X = layer_input(X, self.n_inputs, "Dense.predict")
        return self._weighted_sum_and_activation(X)[1]

    def _weighted_sum_and_activation(self, X):
        z = X @ self.W + self.b  # (n_samples, n_inputs) @ (n_inputs, n_outputs) -> (n_samples, n_outputs)
        return z, self.activation.forward(z)

    def backward(self, grad_output, *, at_z=False, input_gradient=True):
        """Write grad_W and grad_b in place; return dLoss/dX, (n_samples, n_inputs), or None when
        input_gradient=False.

        grad_output: dLoss/da, (n_samples, n_outputs), multiplied here by the activation's derivative
        (lesson 06); or, with at_z=True, dLoss/dz itself, used as it is (the output layer's shortcut for
        a loss paired with its activation, annlib.losses).
        """
        grad_output = backward_input(grad_output, self.a, "Dense.backward", "grad_output", "this layer's")
        grad_z = grad_output if at_z else self.activation.backward(self.z, self.a, grad_output)
        # Each weight W[i, j] touches the loss through z[:, j], scaled by input i: sum over the batch.
        np.matmul(self.X.T, grad_z, out=self.grad_W)  # (n_inputs, n_samples) @ (n_samples, n_outputs)
        grad_z.sum(axis=0, out=self.grad_b)  # (n_outputs,)
        if not input_gradient:
            return None
        return grad_z @ self.W.T  # (n_samples, n_outputs) @ (n_outputs, n_inputs) -> (n_samples, n_inputs)
