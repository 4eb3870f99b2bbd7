"""The activations and losses of annlib in SymPy: the same names, the same averaging.

`sigmoid(z)` here builds the expression 1 / (1 + exp(-z)) where `annlib.activations.sigmoid` computes
numbers; likewise every other name of the one table, annlib.activations.ACTIVATIONS (tanh, relu,
leaky_relu, identity, softmax), each with its `_derivative`, and a test ties every pair together.
`Sigmoid`, `ReLU`, `LeakyReLU` and `Step` are the same functions as named SymPy functions: short to
print and quick to differentiate, so networks are built of them.
The losses `mse`, `binary_cross_entropy` and `cross_entropy` average over samples as annlib.losses does.
"""

import numpy as np
import sympy as sp
from sympy.core.function import ArgumentIndexError

from annlib.activations import ACTIVATIONS, LEAKY_RELU_SLOPE
from annlib.losses import get_loss


def sigmoid(z):
    """1 / (1 + exp(-z)) as a SymPy expression."""
    return 1 / (1 + sp.exp(-z))


def sigmoid_derivative(z):
    """sigmoid(z) * (1 - sigmoid(z)): what sp.diff(sigmoid(z), z) simplifies to."""
    s = sigmoid(z)
    return s * (1 - s)


def tanh(z):
    """The hyperbolic tangent tanh(z)."""
    return sp.tanh(z)


def tanh_derivative(z):
    """1 - tanh(z)**2."""
    return 1 - sp.tanh(z) ** 2


def relu(z):
    """max(0, z), written piecewise so its derivative at 0 is 0, as in annlib.activations."""
    return sp.Piecewise((z, z > 0), (0, True))


def relu_derivative(z):
    """1 where z > 0, else 0."""
    return sp.Piecewise((1, z > 0), (0, True))


def _exact(slope):
    # 0.01 becomes the fraction 1/100: it prints cleanly and evaluates to the same float.
    return sp.Rational(repr(float(slope)))


def leaky_relu(z, slope=LEAKY_RELU_SLOPE):
    """z where z > 0, else slope * z."""
    return sp.Piecewise((z, z > 0), (_exact(slope) * z, True))


def leaky_relu_derivative(z, slope=LEAKY_RELU_SLOPE):
    """1 where z > 0, else slope."""
    return sp.Piecewise((1, z > 0), (_exact(slope), True))


def identity(z):
    """f(z) = z."""
    return z


def identity_derivative(z):
    """d z / dz = 1."""
    return sp.Integer(1)


def softmax(z):
    """exp(z_k) / sum_j exp(z_j) for a list (or row Matrix) of scores; returns a row Matrix."""
    z = list(z)
    total = sum(sp.exp(zj) for zj in z)
    return sp.Matrix([[sp.exp(zk) / total for zk in z]])


def softmax_derivative(z):
    """The Jacobian d softmax_i / d z_j = s_i (delta_ij - s_j), a (k, k) Matrix."""
    s = softmax(z)
    k = len(s)
    return sp.Matrix(k, k, lambda i, j: s[i] * ((1 if i == j else 0) - s[j]))


class _Named(sp.Function):
    """A function SymPy keeps as one named node: short to print, quick to differentiate."""

    latex_name = ""

    def _latex(self, printer, exp=None):
        args = ", ".join(printer._print(a) for a in self.args[:1])
        text = rf"{self.latex_name}\left({args}\right)"
        return rf"{text}^{{{exp}}}" if exp is not None else text  # exp comes already printed


class Sigmoid(_Named):
    """sigma(z) as one named function: prints as \\sigma(z); its derivative is sigma(z)(1 - sigma(z)).

    `sigmoid(z)` is the formula 1 / (1 + exp(-z)); Sigmoid(z).rewrite(sp.exp) turns this into it.
    """

    latex_name = r"\sigma"

    @classmethod
    def eval(cls, z):
        if z.is_Number:  # a number in, a number out
            return sigmoid(z)
        return None

    def fdiff(self, argindex=1):
        s = Sigmoid(self.args[0])
        return s * (1 - s)

    def _eval_rewrite_as_exp(self, z, **kwargs):
        return sigmoid(z)


class Step(_Named):
    """1 where z > 0, else 0: the derivative of ReLU (numpy: annlib.activations.relu_derivative)."""

    latex_name = r"\operatorname{step}"

    @classmethod
    def eval(cls, z):
        return (sp.Integer(1) if z > 0 else sp.Integer(0)) if z.is_Number else None

    def fdiff(self, argindex=1):
        return sp.Integer(0)  # flat on both sides of 0

    def _eval_rewrite_as_Piecewise(self, z, **kwargs):
        return relu_derivative(z)


class ReLU(_Named):
    """max(0, z) as one named function; its derivative is Step(z)."""

    latex_name = r"\operatorname{ReLU}"

    @classmethod
    def eval(cls, z):
        return (z if z > 0 else sp.Integer(0)) if z.is_Number else None

    def fdiff(self, argindex=1):
        return Step(self.args[0])

    def _eval_rewrite_as_Piecewise(self, z, **kwargs):
        return relu(z)


class LeakyReLU(_Named):
    """LeakyReLU(z, slope): z where z > 0, else slope * z; its derivative is slope + (1 - slope) Step(z)."""

    latex_name = r"\operatorname{LeakyReLU}"

    @classmethod
    def eval(cls, z, slope):
        return (z if z > 0 else slope * z) if z.is_Number else None

    def fdiff(self, argindex=1):
        if argindex != 1:
            raise ArgumentIndexError(self, argindex)
        z, slope = self.args
        return slope + (1 - slope) * Step(z)

    def _eval_rewrite_as_Piecewise(self, z, slope, **kwargs):
        return sp.Piecewise((z, z > 0), (slope * z, True))


# The named functions evaluate with the numeric core's own (overflow-safe) code, from the one table.
_NUMPY_FUNCTIONS = {
    "Sigmoid": ACTIVATIONS["sigmoid"].function,
    "Step": ACTIVATIONS["relu"].derivative,
    "ReLU": ACTIVATIONS["relu"].function,
    "LeakyReLU": ACTIVATIONS["leaky_relu"].function,
}


# Each element-wise activation of annlib.activations.ACTIVATIONS has, besides name(z) and
# name_derivative(z) above, a named form (one SymPy node, quick to differentiate) and its derivative
# written through its own output a = f(z), the form the chain-rule steps show because it is the form
# backpropagation computes. They are found by name: _named_<name> and _from_output_<name>.


def _named_sigmoid(z):
    return Sigmoid(z)


def _from_output_sigmoid(a, z):
    return a * (1 - a)


def _named_tanh(z):
    return sp.tanh(z)


def _from_output_tanh(a, z):
    return 1 - a**2


def _named_relu(z):
    return ReLU(z)


def _from_output_relu(a, z):
    return Step(z)


def _named_leaky_relu(z):
    return LeakyReLU(z, _exact(LEAKY_RELU_SLOPE))


def _from_output_leaky_relu(a, z):
    return _exact(LEAKY_RELU_SLOPE) + (1 - _exact(LEAKY_RELU_SLOPE)) * Step(z)


def _named_identity(z):
    return z


_ELEMENTWISE = [name for name, row in ACTIVATIONS.items() if row.elementwise]
_NAMED = {name: globals()[f"_named_{name}"] for name in _ELEMENTWISE}
# The activations the chain-rule steps name (the table's `latex`): a link a = z is no step of its own.
_STEPPED = [name for name in _ELEMENTWISE if ACTIVATIONS[name].latex is not None]
_FORMULAS = {name: globals()[name] for name in _STEPPED}
_LATEX_NAMES = {name: ACTIVATIONS[name].latex for name in _STEPPED}
_FROM_OUTPUT = {name: globals()[f"_from_output_{name}"] for name in _STEPPED}


def _activation_spec(activation, caller):
    """(name, function of z) for a name or an annlib Activation; leaky_relu keeps its slope."""
    if isinstance(activation, tuple) and len(activation) == 2 and activation[0] == "leaky_relu":
        name, slope = activation  # a spec made here before
    else:
        name = activation if isinstance(activation, str) else getattr(activation, "name", None)
        slope = getattr(activation, "slope", LEAKY_RELU_SLOPE)
    if name == "leaky_relu":
        return ("leaky_relu", float(slope)), (lambda z: LeakyReLU(z, _exact(slope)))
    if name in ACTIVATIONS:
        return name, _NAMED.get(name)
    choices = ", ".join(repr(n) for n in ACTIVATIONS)
    raise ValueError(f"{caller}: unknown activation {activation!r}; choose one of {choices}")


def _apply(activation, z_row, caller="layer_output"):
    """Apply an activation to a row of weighted sums (softmax mixes the row; the others do not)."""
    spec, function = _activation_spec(activation, caller)
    if spec == "softmax":
        return softmax(z_row)
    return sp.Matrix([[function(zj) for zj in z_row]])


# --- Losses: the same averaging as annlib.losses ------------------------------------------------------


def _as_matrix(values):
    if isinstance(values, sp.MatrixBase):
        return values
    if np.ndim(values) == 1:
        return sp.Matrix([list(values)])  # a flat list is one sample: a row
    return sp.Matrix(values)


def _check_pair(y_pred, y_true, caller):
    y_pred, y_true = _as_matrix(y_pred), _as_matrix(y_true)
    if y_pred.shape != y_true.shape:
        raise ValueError(
            f"{caller}: y_pred has shape {y_pred.shape} but y_true has shape {y_true.shape}; they must match"
        )
    return y_pred, y_true


def mse(y_pred, y_true):
    """Mean over all elements of (y_pred - y_true)**2. Rows are samples, as in annlib.losses.MSE."""
    y_pred, y_true = _check_pair(y_pred, y_true, "mse")
    return sum((p - t) ** 2 for p, t in zip(y_pred, y_true)) / len(y_pred)


def binary_cross_entropy(y_pred, y_true):
    """Mean over all elements of -[y log p + (1 - y) log(1 - p)], as BinaryCrossEntropy."""
    y_pred, y_true = _check_pair(y_pred, y_true, "binary_cross_entropy")
    total = sum(t * sp.log(p) + (1 - t) * sp.log(1 - p) for p, t in zip(y_pred, y_true))
    return -total / len(y_pred)


def cross_entropy(y_pred, y_true):
    """Sum over classes of -y log p, averaged over samples (rows), as CrossEntropy."""
    y_pred, y_true = _check_pair(y_pred, y_true, "cross_entropy")
    return -sum(t * sp.log(p) for p, t in zip(y_pred, y_true)) / y_pred.rows


_LOSSES = {"mse": mse, "binary_cross_entropy": binary_cross_entropy, "cross_entropy": cross_entropy}


def loss_expression(loss, y_pred, y_true):
    """The SymPy expression of an annlib loss ("mse", MSE(), ...) for predictions and targets."""
    return _LOSSES[get_loss(loss, caller="loss_expression").name](y_pred, y_true)
