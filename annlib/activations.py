"""Activation functions and their derivatives (lessons 01 and 02).

A neuron first computes a weighted sum z = x . w + b, then applies an activation a = f(z). Without a
nonlinear f, any stack of layers collapses into one linear map (lesson 02 shows it), so f is what lets
a network learn curved relations between inputs and outputs.

Every activation here comes as a pair, `name(z)` and `name_derivative(z)`, written so that inputs of any
size (1e4 and beyond) give no overflow warning and no NaN. `annlib.symbolic` has the same names in SymPy,
and a test ties each pair together.

Shapes: z may have any shape; the result has the same shape. `softmax` works along the last axis, so a
batch z of shape (n_samples, n_classes) gives one probability vector per row.
"""

import numpy as np

from annlib._validation import as_float_array, check_positive

LEAKY_RELU_SLOPE = 0.01


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), squashing any real number into (0, 1)."""
    z = np.asarray(z, dtype=np.float64)
    # exp(-|z|) never overflows; pick the algebraically equal form that uses it on each side of 0.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_derivative(z):
    """d sigmoid / dz = sigmoid(z) * (1 - sigmoid(z)); at most 0.25, at z = 0."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z):
    """The hyperbolic tangent, squashing any real number into (-1, 1)."""
    return np.tanh(np.asarray(z, dtype=np.float64))


def tanh_derivative(z):
    """d tanh / dz = 1 - tanh(z)**2."""
    t = tanh(z)
    return 1.0 - t * t


def relu(z):
    """The rectified linear unit max(0, z)."""
    return np.maximum(np.asarray(z, dtype=np.float64), 0.0)


def relu_derivative(z):
    """1 where z > 0, else 0 (at z = 0 we take 0, as most libraries do)."""
    return (np.asarray(z) > 0).astype(np.float64)


def leaky_relu(z, slope=LEAKY_RELU_SLOPE):
    """z where z > 0, else slope * z: a ReLU that lets a little gradient through for z < 0."""
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, z, slope * z)


def leaky_relu_derivative(z, slope=LEAKY_RELU_SLOPE):
    """1 where z > 0, else slope."""
    return np.where(np.asarray(z) > 0, 1.0, slope)


def identity(z):
    """f(z) = z: the 'no activation' used for regression outputs."""
    return np.asarray(z, dtype=np.float64)


def identity_derivative(z):
    """d z / dz = 1 everywhere."""
    return np.ones_like(np.asarray(z, dtype=np.float64))


def softmax(z):
    """exp(z_k) / sum_j exp(z_j) along the last axis: turns scores into probabilities summing to 1."""
    z = np.asarray(z, dtype=np.float64)
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
    """An activation function paired with its backward rule, as a `Dense` layer uses it.

    forward(z) -> a, and backward(z, a, grad_a) -> grad_z: given dLoss/da, return dLoss/dz.
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
        # A loss paired with this activation (cross-entropy after softmax or sigmoid) can hand over
        # dLoss/dz directly: (p - y) / n, exact even where the probabilities have saturated to 0 or 1.
        at_logits = getattr(grad_a, "gradient_at_logits", None)
        if at_logits is not None:
            fused = at_logits(self.name, a)
            if fused is not None:
                return fused
        return self._backward(z, a, grad_a)

    def _backward(self, z, a, grad_a):
        # The chain rule, element by element: dL/dz = dL/da * da/dz.
        return grad_a * self.derivative(z)


class _Sigmoid(Activation):
    def _backward(self, z, a, grad_a):
        return grad_a * a * (1.0 - a)  # reuses a = sigmoid(z) from the forward pass


class _Tanh(Activation):
    def _backward(self, z, a, grad_a):
        return grad_a * (1.0 - a * a)


class _Relu(Activation):
    def _backward(self, z, a, grad_a):
        return grad_a * (z > 0)


class _Identity(Activation):
    def _backward(self, z, a, grad_a):
        return np.array(grad_a, dtype=np.float64)  # a copy: never hand back the caller's array


class _Softmax(Activation):
    def _backward(self, z, a, grad_a):
        # The Jacobian-vector product without building the (k, k) Jacobian:
        # dL/dz_j = s_j * (dL/ds_j - sum_i dL/ds_i s_i).
        return a * (grad_a - (grad_a * a).sum(axis=-1, keepdims=True))


class _LeakyRelu(Activation):
    def __init__(self, slope=LEAKY_RELU_SLOPE):
        check_positive(slope, caller="leaky_relu", name="slope")
        super().__init__(
            "leaky_relu",
            lambda z: leaky_relu(z, slope),
            lambda z: leaky_relu_derivative(z, slope),
        )
        self.slope = slope

    def _backward(self, z, a, grad_a):
        return np.where(z > 0, grad_a, self.slope * grad_a)


ACTIVATIONS = {
    "sigmoid": lambda: _Sigmoid("sigmoid", sigmoid, sigmoid_derivative),
    "tanh": lambda: _Tanh("tanh", tanh, tanh_derivative),
    "relu": lambda: _Relu("relu", relu, relu_derivative),
    "leaky_relu": _LeakyRelu,
    "softmax": lambda: _Softmax("softmax", softmax, softmax_derivative),
    "identity": lambda: _Identity("identity", identity, identity_derivative),
}


def get_activation(activation, *, caller="get_activation"):
    """Return an `Activation` for a name such as "relu", or pass an `Activation` through."""
    if isinstance(activation, Activation):
        return activation
    if not isinstance(activation, str):
        raise TypeError(
            f"{caller}: activation must be a name such as 'sigmoid', got {type(activation).__name__}"
        )
    if activation not in ACTIVATIONS:
        names = ", ".join(repr(n) for n in ACTIVATIONS)
        raise ValueError(f"{caller}: unknown activation {activation!r}; choose one of {names}")
    return ACTIVATIONS[activation]()


def apply(activation, z):
    """Apply an activation given by name to z, checking z first: apply("relu", [-1, 2])."""
    z = as_float_array(z, caller="activations.apply", name="z")
    return get_activation(activation, caller="activations.apply").forward(z)
