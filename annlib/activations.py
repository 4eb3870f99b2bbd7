"""Activation functions and their derivatives (lessons 01 and 02).

A neuron first computes a weighted sum z = x . w + b, then applies an activation a = f(z). Without a
nonlinear f, any stack of layers collapses into one linear map (lesson 02 shows it), so f is what lets
a network learn curved relations between inputs and outputs.

Every activation here comes as a pair, `name(z)` and `name_derivative(z)`, written so that inputs of any
size (1e4 and beyond) give no overflow warning and no NaN. `ACTIVATIONS` is the one table of them, by
name: layers (`get_activation`), the from-scratch track (`annlib.scratch`), the exercise checks and
`annlib.symbolic` (the same names in SymPy) all read it, and a test checks the chain rule for every name.

Shapes: z may have any shape; the result has the same shape. `softmax` works along the last axis, so a
batch z of shape (n_samples, n_classes) gives one probability vector per row.
"""

from typing import Callable, NamedTuple, Optional

import numpy as np

from annlib._validation import as_float_array, check_positive

LEAKY_RELU_SLOPE = 0.01


def _as_z(z, caller):
    # Cheap enough for every call: refuses None, strings and other non-numbers (np.asarray would turn
    # None into an object array and give nan), and leaves a float array as it is.
    if isinstance(z, np.ndarray) and z.dtype == np.float64:
        return z
    return as_float_array(z, caller=caller, name="z", finite=False)


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), squashing any real number into (0, 1)."""
    z = _as_z(z, "sigmoid")
    # exp(-|z|) never overflows; pick the algebraically equal form that uses it on each side of 0.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_derivative(z, a=None):
    """d sigmoid / dz = a * (1 - a) with a = sigmoid(z); at most 0.25, at z = 0.

    a: sigmoid(z) when it is already known (a layer keeps it from the forward pass), else computed.
    """
    a = sigmoid(_as_z(z, "sigmoid_derivative")) if a is None else a
    return a * (1.0 - a)


def tanh(z):
    """The hyperbolic tangent, squashing any real number into (-1, 1)."""
    return np.tanh(_as_z(z, "tanh"))


def tanh_derivative(z, a=None):
    """d tanh / dz = 1 - a**2 with a = tanh(z) (given, or computed from z)."""
    a = tanh(_as_z(z, "tanh_derivative")) if a is None else a
    return 1.0 - a * a


def relu(z):
    """The rectified linear unit max(0, z)."""
    return np.maximum(_as_z(z, "relu"), 0.0)


def relu_derivative(z, a=None):
    """1 where z > 0, else 0 (at z = 0 we take 0, as most libraries do). `a` is not needed."""
    return (_as_z(z, "relu_derivative") > 0).astype(np.float64)


def leaky_relu(z, slope=LEAKY_RELU_SLOPE):
    """z where z > 0, else slope * z: a ReLU that lets a little gradient through for z < 0."""
    z = _as_z(z, "leaky_relu")
    return np.where(z > 0, z, slope * z)


def leaky_relu_derivative(z, a=None, slope=LEAKY_RELU_SLOPE):
    """1 where z > 0, else slope. `a` is not needed."""
    return np.where(_as_z(z, "leaky_relu_derivative") > 0, 1.0, slope)


def identity(z):
    """f(z) = z: the 'no activation' used for regression outputs."""
    return _as_z(z, "identity")


def identity_derivative(z, a=None):
    """d z / dz = 1 everywhere."""
    return np.ones_like(_as_z(z, "identity_derivative"))


def softmax(z):
    """exp(z_k) / sum_j exp(z_j) along the last axis: turns scores into probabilities summing to 1."""
    z = _as_z(z, "softmax")
    # Subtracting the row maximum changes nothing mathematically and keeps exp() from overflowing.
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_derivative(z):
    """The Jacobian d softmax_i / d z_j = s_i (delta_ij - s_j).

    Shapes: z (..., k) -> (..., k, k). Softmax mixes its inputs, so its derivative is a matrix per
    sample rather than one number per element.
    """
    s = softmax(z)
    return s[..., :, None] * (np.eye(s.shape[-1]) - s[..., None, :])


class Activation:
    """An activation function and its derivative, as a `Dense` layer uses them.

    forward(z) -> a = f(z); backward(z, a, grad_a) -> grad_z = grad_a * f'(z), the chain rule element
    by element. `derivative(z, a)` is the module's own `name_derivative`, so each derivative is written
    once; it is given a = f(z) too, which sigmoid and tanh reuse instead of computing f again.
    """

    def __init__(self, name, function, derivative):
        self.name = name
        self.function = function
        self.derivative = derivative

    def __repr__(self):
        return f"Activation({self.name!r})"

    def forward(self, z):
        return self.function(z)

    def backward(self, z, a, grad_a):
        """dC/dz from dC/da (grad_a); z, a and grad_a all have shape (n_samples, n_outputs)."""
        return grad_a * self.derivative(z, a)


class _Softmax(Activation):
    def backward(self, z, a, grad_a):
        # softmax_derivative(z) is a (k, k) Jacobian per sample; this is its product with grad_a
        # without building it: dC/dz_j = sum_i dC/ds_i s_i (delta_ij - s_j) = s_j (dC/ds_j - sum_i dC/ds_i s_i).
        return a * (grad_a - (grad_a * a).sum(axis=-1, keepdims=True))


class _LeakyRelu(Activation):
    def __init__(self, slope=LEAKY_RELU_SLOPE):
        check_positive(slope, caller="leaky_relu", name="slope")
        super().__init__(
            "leaky_relu", lambda z: leaky_relu(z, slope), lambda z, a: leaky_relu_derivative(z, slope=slope)
        )
        self.slope = slope


class Definition(NamedTuple):
    """One activation of the table: what every part of annlib reads about it.

    function      f(z) -> a, the shape of z
    derivative    f'(z, a=None) element by element, a = f(z) when already known; for softmax, which mixes a
                  row, its Jacobian from z alone, (..., k) -> (..., k, k)
    elementwise   False for softmax: it has no derivative per element, so it only ends a network
    from_scratch  offered to the from-scratch track of the exercises (annlib.scratch, the checks)
    latex         how the chain-rule steps write f (None: not shown as a step of its own)
    layer         builds the `Activation` a `Dense` layer uses

    The SymPy forms are annlib.symbolic's functions of the same names, `name(z)` and `name_derivative(z)`.
    """

    function: Callable
    derivative: Callable
    elementwise: bool
    from_scratch: bool
    latex: Optional[str]
    layer: Callable


def _layer(name, cls=Activation):
    return lambda: cls(name, ACTIVATIONS[name].function, ACTIVATIONS[name].derivative)


# The one table of activations, in the order the lessons introduce them.
ACTIVATIONS = {
    "sigmoid": Definition(sigmoid, sigmoid_derivative, True, True, r"\sigma", _layer("sigmoid")),
    "tanh": Definition(tanh, tanh_derivative, True, True, r"\tanh", _layer("tanh")),
    "relu": Definition(relu, relu_derivative, True, True, r"\operatorname{ReLU}", _layer("relu")),
    "leaky_relu": Definition(leaky_relu, leaky_relu_derivative, True, False, r"\operatorname{LeakyReLU}", _LeakyRelu),
    "identity": Definition(identity, identity_derivative, True, True, None, _layer("identity")),
    "softmax": Definition(softmax, softmax_derivative, False, True, None, _layer("softmax", _Softmax)),
}


def get_activation(activation, *, caller="get_activation"):
    """Return an `Activation` for a name such as "relu", or pass an `Activation` through."""
    if isinstance(activation, Activation):
        return activation
    if not isinstance(activation, str):
        raise TypeError(f"{caller}: activation must be a name such as 'sigmoid', got {type(activation).__name__}")
    if activation not in ACTIVATIONS:
        names = ", ".join(repr(n) for n in ACTIVATIONS)
        raise ValueError(f"{caller}: unknown activation {activation!r}; choose one of {names}")
    return ACTIVATIONS[activation].layer()
