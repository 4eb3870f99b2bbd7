"""One artificial neuron (lesson 01).

A neuron with N inputs x_1..x_N multiplies each input by its weight, adds the products and a bias,
and passes the sum through an activation function:

    z = x_1 w_1 + x_2 w_2 + ... + x_N w_N + b      (the weighted sum)
    a = f(z)                                         (the neuron's output)

Shapes: x is (N,) for one example or (n_samples, N) for a batch; w is (N,); b is a number.
The output is a number for one example, or (n_samples,) for a batch.
"""

import numbers

import numpy as np

from annlib._validation import as_float_array
from annlib.activations import get_activation


def _check_inputs(x, w, b, caller):
    w = as_float_array(w, caller=caller, name="w", ndim=1)
    x = as_float_array(x, caller=caller, name="x")
    if x.ndim not in (1, 2) or x.shape[-1] != w.shape[0]:
        raise ValueError(
            f"{caller}: x has shape {x.shape}, expected ({w.shape[0]},) or (any, {w.shape[0]}) "
            f"to match the {w.shape[0]} weights"
        )
    if isinstance(b, bool) or not isinstance(b, numbers.Real) or not np.isfinite(b):
        raise TypeError(f"{caller}: b must be one finite number, got {b!r}")
    return x, w, float(b)


def weighted_sum(x, w, b):
    """z = x . w + b: each input times its weight, summed, plus the bias."""
    x, w, b = _check_inputs(x, w, b, "weighted_sum")
    z = x @ w + b  # (N,) -> scalar, or (n_samples, N) -> (n_samples,)
    return float(z) if z.ndim == 0 else z


def neuron_output(x, w, b, activation="sigmoid"):
    """a = f(x . w + b): the weighted sum passed through the activation (sigmoid by default)."""
    f = get_activation(activation, caller="neuron_output")
    a = f.forward(weighted_sum(x, w, b))
    return float(a) if np.ndim(a) == 0 else a


class Neuron:
    """A neuron that keeps its weights, bias and activation: `Neuron([0.5, -1], 0.1)(x)`."""

    def __init__(self, weights, bias=0.0, activation="sigmoid"):
        self.w = as_float_array(weights, caller="Neuron", name="weights", ndim=1)
        _check_inputs(np.zeros(self.w.shape), self.w, bias, "Neuron")
        self.b = float(bias)
        self.activation = get_activation(activation, caller="Neuron")

    @property
    def n_inputs(self):
        return self.w.shape[0]

    def __repr__(self):
        weights = ", ".join(f"{v:.3g}" for v in self.w)
        return f"Neuron(weights=[{weights}], bias={self.b:.3g}, activation={self.activation.name!r})"

    def weighted_sum(self, x):
        """z = x . w + b for this neuron."""
        return weighted_sum(x, self.w, self.b)

    def __call__(self, x):
        """a = f(z) for this neuron."""
        return neuron_output(x, self.w, self.b, self.activation)
