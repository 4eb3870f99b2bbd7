"""Gradient checking: is backpropagation right? (lessons 05 and 06)

The derivative of the loss C with respect to one weight w can be estimated without any calculus, by
nudging w both ways and watching C (a central finite difference):

    dC/dw  ~  (C(w + eps) - C(w - eps)) / (2 eps)

It costs two forward passes per weight, far too slow for training, but it is an independent check of
the backpropagated gradients. They agree when the relative error

    |analytic - numeric| / max(|analytic| + |numeric|, tiny)     (norms over a whole parameter array)

is tiny: around 1e-7 or below in float64 for smooth activations. How tiny exactly is rounding noise:
the same check gives 1.6e-9 on one machine and 1.8e-9 on another (each BLAS library, and each CPU's
kernel, rounds matrix products its own way), so the report prints a passing error as below the
tolerance, not its last digits; `report.errors` holds the exact values.
"""

import numpy as np

from annlib._validation import as_float_array, check_layer_input, check_positive
from annlib.losses import get_loss


def numerical_gradient(f, x, eps=1e-6):
    """Central-difference gradient of the scalar function f at x (any shape); x is restored after."""
    check_positive(eps, caller="numerical_gradient", name="eps")
    if not isinstance(x, np.ndarray) or x.dtype != np.float64:
        raise TypeError("numerical_gradient: x must be a float64 numpy array, changed in place and restored")
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + eps
        plus = float(f())
        x[index] = original - eps
        minus = float(f())
        x[index] = original
        grad[index] = (plus - minus) / (2 * eps)
    return grad


def relative_error(a, b):
    """|a - b| / max(|a| + |b|, tiny), with norms over whole arrays; 0.0 when both are zero."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / max(scale, 1e-300))


def _format_bound(value):
    """1e-06 -> '1e-6': a tolerance as a reader would write it."""
    mantissa, exponent = f"{value:.0e}".split("e")
    return f"{mantissa}e{int(exponent)}"


class GradientCheckReport:
    """Relative errors per parameter array, e.g. errors["layer 1 W"]; prints as a table.

    Layers are counted from 1, as the lessons count them: "layer 1 W" is network.layers[0].W.

    A passing error prints as "< tolerance": its digits are rounding noise and differ between
    machines. A failing one prints with two significant digits (a real mismatch is far above noise).
    """

    def __init__(self, errors, tolerance):
        self.errors = errors
        self.tolerance = tolerance

    @property
    def max_error(self):
        return max(self.errors.values())

    @property
    def passed(self):
        return self.max_error < self.tolerance

    def __repr__(self):
        bound = _format_bound(self.tolerance)
        lines = ["parameter     relative error   verdict"]
        for name, error in self.errors.items():
            shown, verdict = (f"< {bound}", "ok") if error < self.tolerance else (f"{error:.2g}", "MISMATCH")
            lines.append(f"{name:<13} {shown:<16} {verdict}")
        overall = (
            f"backprop agrees with finite differences (every relative error below {bound})"
            if self.passed
            else f"backprop disagrees with finite differences (tolerance {bound})"
        )
        return "\n".join(lines) + "\n" + overall


def gradient_check(network, X, y, loss, *, eps=1e-6, tolerance=1e-6, verbose=False):
    """Compare backprop's gradients of every W and b with central finite differences.

    X: (n_samples, n_inputs); y: (n_samples, n_outputs). Returns a GradientCheckReport, printed
    when verbose=True. The network's weights are unchanged afterwards.
    """
    loss = get_loss(loss, caller="gradient_check")
    X = check_layer_input(X, network.n_inputs, caller="gradient_check")
    y = as_float_array(y, caller="gradient_check", name="y", ndim=2)
    y_pred = network.forward(X)
    if y.shape != y_pred.shape:
        raise ValueError(f"gradient_check: y has shape {y.shape}, expected {y_pred.shape}")
    # Backpropagation as lesson 06 writes it: from dC/dy_pred, through every activation's derivative.
    network.backward(loss.gradient(y_pred, y))
    analytic = [g.copy() for g in network.gradients()]

    def cost():
        return loss(network.predict(X), y)

    # Named as the lessons count layers, from 1: "layer 1 W" is network.layers[0].W.
    names = [f"layer {k} {kind}" for k in range(1, len(network.layers) + 1) for kind in ("W", "b")]
    errors = {
        name: relative_error(grad, numerical_gradient(cost, param, eps))
        for name, param, grad in zip(names, network.parameters(), analytic)
    }
    report = GradientCheckReport(errors, tolerance)
    if verbose:
        print(report)
    return report
