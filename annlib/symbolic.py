"""Symbolic derivatives with SymPy: the chain rule written out, and why backpropagation wins (lesson 05).

This is the only module of annlib that imports SymPy. It mirrors the numeric core with the same names:
`sigmoid` and `sigmoid_derivative` here build SymPy expressions where `annlib.activations` computes
numbers (likewise tanh, relu, leaky_relu, identity, softmax), and a test ties each pair together.

Symbols are named as the lessons name them (SymPy prints them in LaTeX as shown on the right):

    x1 .. xN          inputs                                      x_{1} .. x_{N}
    w1 .. wN, b       one neuron's weights and bias (lesson 01)   w_{1} .. w_{N}, b
    w_a1 .. w_a4      first layer, the article's names: W[i, j]   w_{a1} .. w_{a4}, w_{b1} ..
                      is w_<letter i><j+1>, letter a for input 0
    w^(2)_a1 ..       layer l >= 2, the same way: W[0, 0] of      w^{(2)}_{a1}
                      layer 2 leaves A11 (a) and reaches A21 (1)
    b11 .. b14        bias of neuron A11 .. A14                   b_{11} .. b_{14}
    z11, A11          weighted sum and output of neuron 1 of      z_{11}, A_{11}
                      layer 1 (A21 .. A24 for layer 2)
    yhat, y           the network's output and the target         \\hat{y}, y
                      (yhat1, yhat2, y1, y2 .. with several outputs)
    L                 the loss

With 10 or more neurons (or 27 inputs) the compact names become ambiguous, so they switch to numbers
with the layer on top: A^(1)_10, b^(1)_10, w^(1)_1,10.

What is here:
    sigmoid, tanh, relu, leaky_relu, identity, softmax (+ _derivative)   the activations in SymPy
    Sigmoid, ReLU, LeakyReLU, Step                                        the same as named functions:
                                      short to print, quick to differentiate; networks are built of them
    mse, binary_cross_entropy, cross_entropy                              the losses, same averaging
    weighted_sum, neuron_output, layer_output                             one neuron, one layer
    SymbolicNetwork                                                       a whole network in symbols:
                                      output, loss, loss_derivative, equations (forward), chain_rule
    chain_rule_steps -> ChainRule                                         dL/dw as readable LaTeX steps
    common_subexpressions, to_numpy_function, expression_size             CSE, lambdify, count_ops
    network_gradients(network, X, y, loss)                                exact gradients of a Network
    measure_expression_swell(sizes)                                       how the symbolic route grows
"""

import functools
import time
from dataclasses import dataclass

import numpy as np
import sympy as sp

from annlib import activations as numeric_activations
from annlib._validation import as_float_array, make_rng
from annlib.activations import LEAKY_RELU_SLOPE
from annlib.losses import get_loss
from annlib.network import Network

__all__ = [
    "sigmoid", "sigmoid_derivative", "tanh", "tanh_derivative", "relu", "relu_derivative",
    "leaky_relu", "leaky_relu_derivative", "identity", "identity_derivative", "softmax",
    "softmax_derivative", "Sigmoid", "Step", "ReLU", "LeakyReLU", "mse", "binary_cross_entropy",
    "cross_entropy", "loss_expression",
    "input_symbol", "weight_symbol", "bias_symbol", "sum_symbol", "node_symbol", "output_symbol",
    "target_symbol", "weighted_sum", "neuron_output", "layer_output", "SymbolicNetwork",
    "Equations", "chain_rule_steps", "ChainRule", "common_subexpressions", "to_numpy_function",
    "expression_size", "network_gradients", "measure_expression_swell", "SwellMeasurement",
]


# --- Activations: the same names as annlib.activations, as SymPy expressions -------------------------

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
            raise sp.ArgumentIndexError(self, argindex)
        z, slope = self.args
        return slope + (1 - slope) * Step(z)

    def _eval_rewrite_as_Piecewise(self, z, slope, **kwargs):
        return sp.Piecewise((z, z > 0), (slope * z, True))


# The named functions evaluate with the numeric core's own (overflow-safe) code.
_NUMPY_FUNCTIONS = {
    "Sigmoid": numeric_activations.sigmoid, "Step": numeric_activations.relu_derivative,
    "ReLU": numeric_activations.relu, "LeakyReLU": numeric_activations.leaky_relu,
}

_NAMED = {
    "sigmoid": Sigmoid, "tanh": sp.tanh, "relu": ReLU, "identity": identity,
    "leaky_relu": lambda z: LeakyReLU(z, _exact(LEAKY_RELU_SLOPE)),
}
_FORMULAS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "leaky_relu": leaky_relu}

# How each activation is written in LaTeX, and its derivative in terms of its own output a = f(z):
# the form the chain-rule steps show, because it is the form backpropagation computes.
_LATEX_NAMES = {
    "sigmoid": r"\sigma", "tanh": r"\tanh", "relu": r"\operatorname{ReLU}",
    "leaky_relu": r"\operatorname{LeakyReLU}",
}
_FROM_OUTPUT = {
    "sigmoid": lambda a, z: a * (1 - a),
    "tanh": lambda a, z: 1 - a ** 2,
    "relu": lambda a, z: Step(z),
    "leaky_relu": lambda a, z: _exact(LEAKY_RELU_SLOPE) + (1 - _exact(LEAKY_RELU_SLOPE)) * Step(z),
}


def _activation_spec(activation, caller):
    """(name, function of z) for a name or an annlib Activation; leaky_relu keeps its slope."""
    if isinstance(activation, tuple) and len(activation) == 2 and activation[0] == "leaky_relu":
        name, slope = activation  # a spec made here before
    else:
        name = activation if isinstance(activation, str) else getattr(activation, "name", None)
        slope = getattr(activation, "slope", LEAKY_RELU_SLOPE)
    if name == "leaky_relu":
        return ("leaky_relu", float(slope)), (lambda z: LeakyReLU(z, _exact(slope)))
    if name in _NAMED or name == "softmax":
        return name, _NAMED.get(name)
    choices = ", ".join(repr(n) for n in (*_NAMED, "softmax"))
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


# --- Names -------------------------------------------------------------------------------------------

def input_symbol(i):
    """x1, x2, ... for input i = 0, 1, ..."""
    return sp.Symbol(f"x{i + 1}")


def _compact(*indices):
    return all(index < 9 for index in indices)


def weight_symbol(layer, i, j):
    """W[i, j] of layer `layer` (1 = the first): w_a1 in layer 1, w^(2)_a1 in layer 2, ...

    The letter names the node the connection leaves (a for node 0), the number the neuron it reaches,
    as on the lessons' network diagrams (wa1, w2a1).
    """
    if i >= 26 or j >= 9:
        return sp.Symbol(f"w^({layer})_{i + 1},{j + 1}")
    name = f"{chr(ord('a') + i)}{j + 1}"
    return sp.Symbol(f"w_{name}" if layer == 1 else f"w^({layer})_{name}")


def bias_symbol(layer, j):
    """b11, b12, ...: the bias of neuron j (0, 1, ...) of layer `layer`."""
    return sp.Symbol(f"b{layer}{j + 1}" if _compact(layer - 1, j) else f"b^({layer})_{j + 1}")


def sum_symbol(layer, j):
    """z11, z12, ...: the weighted sum of neuron j of layer `layer`."""
    return sp.Symbol(f"z{layer}{j + 1}" if _compact(layer - 1, j) else f"z^({layer})_{j + 1}")


def node_symbol(layer, j):
    """A11, A12, ...: the output of neuron j of hidden layer `layer`."""
    return sp.Symbol(f"A{layer}{j + 1}" if _compact(layer - 1, j) else f"A^({layer})_{j + 1}")


def output_symbol(j, n_outputs):
    """yhat for a single output; yhat1, yhat2, ... for several."""
    return sp.Symbol("yhat" if n_outputs == 1 else f"yhat{j + 1}")


def target_symbol(j, n_outputs):
    """y for a single output; y1, y2, ... for several."""
    return sp.Symbol("y" if n_outputs == 1 else f"y{j + 1}")


# --- One neuron, one layer ---------------------------------------------------------------------------

def weighted_sum(x, w, b):
    """z = x1 w1 + ... + xN wN + b, as annlib.neuron.weighted_sum but in symbols."""
    x, w = list(x), list(w)
    if len(x) != len(w):
        raise ValueError(f"weighted_sum: {len(x)} inputs but {len(w)} weights; they must match")
    return sum(xi * wi for xi, wi in zip(x, w)) + b


def neuron_output(x, w, b, activation="sigmoid"):
    """a = f(x . w + b) for one neuron, as annlib.neuron.neuron_output."""
    spec, function = _activation_spec(activation, "neuron_output")
    if spec == "softmax":
        raise ValueError("neuron_output: softmax needs a whole layer; use layer_output")
    return function(weighted_sum(x, w, b))


def layer_output(x, W, b, activation="sigmoid"):
    """a = f(x @ W + b) for one sample x (a list or row), W (n_inputs, n_outputs), b (n_outputs)."""
    x_row = sp.Matrix([list(x)])
    W = sp.Matrix(W)
    if x_row.cols != W.rows:
        raise ValueError(f"layer_output: x has {x_row.cols} values, expected {W.rows} (the rows of W)")
    z_row = x_row * W + sp.Matrix([list(b)])  # (1, n_inputs) @ (n_inputs, n_outputs) -> (1, n_outputs)
    return _apply(activation, z_row)


class Equations(list):
    """A list of sp.Eq that a notebook shows one per line, aligned on the = sign."""

    def _repr_latex_(self):
        lines = [rf"{sp.latex(e.lhs)} &= {sp.latex(e.rhs)}" for e in self]
        return "$\\begin{aligned}" + r" \\ ".join(lines) + "\\end{aligned}$"

    def __repr__(self):
        return "\n".join(f"{e.lhs} = {e.rhs}" for e in self)


# --- A whole network ---------------------------------------------------------------------------------

class SymbolicNetwork:
    """A feed-forward network in symbols: `SymbolicNetwork.from_sizes([3, 4, 4, 1])`.

    sizes: [n_inputs, n_outputs of layer 1, ...]; activations: one name per layer (or the Activation
    objects of an annlib Network). Attributes: inputs [x1, ..], targets [y] or [y1, ..], weights (one
    Matrix (n_inputs, n_outputs) per layer, like Dense.W), biases (one row Matrix per layer, like Dense.b).
    """

    def __init__(self, sizes, activations):
        if isinstance(activations, str):
            raise TypeError(
                "SymbolicNetwork: activations must be a list, one per layer; for one name for all "
                "use SymbolicNetwork.from_sizes(sizes, activation)"
            )
        sizes = [int(n) for n in sizes]
        if len(sizes) < 2 or min(sizes) < 1:
            raise ValueError(f"SymbolicNetwork: sizes must be >= 2 whole numbers >= 1, got {sizes}")
        if len(activations) != len(sizes) - 1:
            raise ValueError(
                f"SymbolicNetwork: {len(sizes) - 1} layers but {len(activations)} activations"
            )
        self.sizes = sizes
        self.activations = [_activation_spec(a, "SymbolicNetwork")[0] for a in activations]
        self.inputs = [input_symbol(i) for i in range(sizes[0])]
        self.targets = [target_symbol(k, sizes[-1]) for k in range(sizes[-1])]
        self.weights = [
            sp.Matrix(n_in, n_out, lambda i, j, l=l: weight_symbol(l, i, j))
            for l, (n_in, n_out) in enumerate(zip(sizes, sizes[1:]), start=1)
        ]
        self.biases = [
            sp.Matrix(1, n_out, lambda _, j, l=l: bias_symbol(l, j))
            for l, n_out in enumerate(sizes[1:], start=1)
        ]

    @classmethod
    def from_sizes(cls, sizes, activation="sigmoid", output_activation=None):
        """Hidden layers use `activation`, the output layer `output_activation` (default: the same)."""
        n_layers = len(sizes) - 1
        return cls(sizes, [activation] * (n_layers - 1) + [output_activation or activation])

    @classmethod
    def from_network(cls, network):
        """The symbolic twin of an annlib Network: same sizes, same activations."""
        if not isinstance(network, Network):
            raise TypeError(
                f"SymbolicNetwork.from_network: expected an annlib Network, got {type(network).__name__}"
            )
        return cls(network.sizes, [layer.activation for layer in network.layers])

    def __repr__(self):
        names = ", ".join(a if isinstance(a, str) else a[0] for a in self.activations)
        return f"SymbolicNetwork(sizes={self.sizes}, activations=[{names}])"

    @property
    def n_layers(self):
        return len(self.sizes) - 1

    def parameters(self):
        """Every weight and bias symbol, in the order of Network.parameters() flattened row by row."""
        return [s for W, b in zip(self.weights, self.biases) for s in (*W, *b)]

    def parameter_values(self, network):
        """{symbol: value} holding the current weights and biases of an annlib Network."""
        if list(network.sizes) != self.sizes:
            raise ValueError(
                f"SymbolicNetwork.parameter_values: network has sizes {network.sizes}, expected {self.sizes}"
            )
        values = np.concatenate([p.ravel() for p in network.parameters()])
        return dict(zip(self.parameters(), (float(v) for v in values)))

    def output(self, x=None):
        """The prediction as one nested expression per output: (1, n_outputs) Matrix of x and parameters.

        x: one sample's inputs (numbers or symbols); default the symbols x1, x2, ...
        """
        a = sp.Matrix([list(self.inputs if x is None else x)])
        for W, b, activation in zip(self.weights, self.biases, self.activations):
            a = layer_output(a, W, b, activation)  # (1, n_inputs) -> (1, n_outputs)
        return a

    def loss(self, loss, X=None, y=None):
        """The loss as an expression of the parameters.

        Without X, y: for one sample, in the symbols x1.. and y... With X (n_samples, n_inputs) and
        y (n_samples, n_outputs) as numbers: the loss of the whole batch, averaged as annlib.losses does.
        """
        if X is None:
            return loss_expression(loss, self.output(), self.targets)
        X = as_float_array(X, caller="SymbolicNetwork.loss", name="X", ndim=2, n_columns=self.sizes[0])
        y = as_float_array(y, caller="SymbolicNetwork.loss", name="y", ndim=2, n_columns=self.sizes[-1])
        predictions = sp.Matrix.vstack(*(self.output([sp.Float(v) for v in row]) for row in X))
        return loss_expression(loss, predictions, sp.Matrix(y))

    def loss_derivative(self, loss, parameter, X=None, y=None, *, simplify=False):
        """d(loss)/d(parameter) for any weight or bias symbol, for one sample or a batch as in loss()."""
        self._locate(parameter)  # refuses a symbol that is not a parameter of this network
        derivative = sp.diff(self.loss(loss, X, y), parameter)
        return sp.simplify(derivative) if simplify else derivative

    def _previous(self, layer):
        if layer == 1:
            return self.inputs
        return [node_symbol(layer - 1, i) for i in range(self.sizes[layer - 1])]

    def _node(self, layer, j):
        if layer == self.n_layers:
            return output_symbol(j, self.sizes[-1])
        return node_symbol(layer, j)

    def _sum(self, layer, j):
        return weighted_sum(self._previous(layer), self.weights[layer - 1][:, j], self.biases[layer - 1][j])

    def _activation_equation(self, layer, j):
        activation = self.activations[layer - 1]
        z_row = [sum_symbol(layer, q) for q in range(self.sizes[layer])]
        a = _apply(activation, z_row)[j] if activation == "softmax" else _apply(activation, [z_row[j]])[0]
        return sp.Eq(self._node(layer, j), a)

    def equations(self):
        """Forward propagation in named symbols: z11 = x1 w_a1 + ... + b11, A11 = sigmoid(z11), ..."""
        equations = Equations()
        for layer in range(1, self.n_layers + 1):
            for j in range(self.sizes[layer]):
                equations.append(sp.Eq(sum_symbol(layer, j), self._sum(layer, j)))
                equations.append(self._activation_equation(layer, j))
        return equations

    def _locate(self, parameter):
        """(layer, j): the layer holding `parameter` and the neuron it feeds."""
        for layer, (W, b) in enumerate(zip(self.weights, self.biases), start=1):
            for index, symbol in enumerate([*W, *b]):
                if symbol == parameter:
                    return layer, (index % W.cols if index < len(W) else index - len(W))
        raise ValueError(f"SymbolicNetwork: {parameter} is not a weight or bias of this network")

    def path(self, parameter):
        """The equations linking the output to `parameter`, outermost first, for chain_rule_steps.

        Needs a single path: every layer after the parameter's own has one neuron, and no softmax mixes
        several outputs. Wider networks add the chain rule over every path; backpropagation does that.
        """
        layer, j = self._locate(parameter)
        for later in range(layer + 1, self.n_layers + 1):
            if self.sizes[later] != 1:
                raise ValueError(
                    f"SymbolicNetwork.path: {parameter} reaches the output through {self.sizes[later]} "
                    f"neurons of layer {later}, so through several paths; chain_rule_steps follows one path"
                )
        if "softmax" in self.activations[layer - 1:] and self.sizes[-1] > 1:
            raise ValueError("SymbolicNetwork.path: softmax mixes the outputs, so there are several paths")
        links = []
        for current in range(self.n_layers, layer - 1, -1):
            q = j if current == layer else 0
            links.append(self._activation_equation(current, q))
            links.append(sp.Eq(sum_symbol(current, q), self._sum(current, q)))
        return links

    def chain_rule(self, loss, parameter):
        """The chain rule from the loss of one sample down to `parameter`, as displayable steps."""
        outputs = [output_symbol(k, self.sizes[-1]) for k in range(self.sizes[-1])]
        loss_link = sp.Eq(sp.Symbol("L"), loss_expression(loss, outputs, self.targets))
        return chain_rule_steps([loss_link, *self.path(parameter)], parameter)


# --- The chain rule, step by step ----------------------------------------------------------------------

def chain_rule_steps(links, wrt):
    """dL/d(wrt) through a chain of definitions, as steps a notebook displays in LaTeX.

    links: equations, outermost first, each defining a symbol through the next one:
        [Eq(L, (yhat - y)**2), Eq(yhat, sigmoid(z)), Eq(z, w1*x1 + w2*x2 + b)]  with wrt=w1.
    Returns a ChainRule: dL/dw1 = dL/dyhat * dyhat/dz * dz/dw1, each factor, and their product.
    """
    pairs = []
    for k, link in enumerate(links):
        lhs, rhs = (link.lhs, link.rhs) if isinstance(link, sp.Eq) else link
        if not isinstance(lhs, sp.Symbol):
            raise TypeError(f"chain_rule_steps: link {k} must define a symbol, got {lhs} on the left")
        pairs.append((lhs, sp.sympify(rhs)))
    if not pairs:
        raise ValueError("chain_rule_steps: links is empty; give at least one equation")
    variables = [lhs for lhs, _ in pairs] + [wrt]
    for k, (lhs, rhs) in enumerate(pairs):
        if variables[k + 1] not in rhs.free_symbols:
            raise ValueError(
                f"chain_rule_steps: link {k} ({lhs} = {rhs}) does not depend on {variables[k + 1]}; "
                "each link must use the symbol the next link defines"
            )
    return ChainRule(pairs, wrt)


def _activation_of(rhs, variable):
    """The name of the activation f if rhs is exactly f(variable), else None."""
    for name, formula in _FORMULAS.items():
        if rhs in (formula(variable), _NAMED[name](variable)):
            return name
    return None


def _tidy(expr):
    """The factored form when it is no longer: 2*(yhat - y) rather than 2*yhat - 2*y."""
    factored = sp.factor(expr)
    return factored if sp.count_ops(factored) <= sp.count_ops(expr) else expr


def _partial(outer, inner):
    return rf"\frac{{\partial {sp.latex(outer)}}}{{\partial {sp.latex(inner)}}}"


def _factor_latex(expr):
    text = sp.latex(expr)
    return rf"\left({text}\right)" if isinstance(expr, sp.Add) else text


class ChainRule:
    """The chain rule as steps: `factors` holds (outer, inner, derivative) triples, outermost first.

    `product` is dL/dwrt in the chain's own symbols and `simplified` a much shorter form of it (or None);
    `expression` substitutes every definition; `direct` differentiates the composed function in one go;
    `verify()` checks the two agree.
    """

    def __init__(self, pairs, wrt):
        self.links = pairs
        self.wrt = wrt
        self.variables = [lhs for lhs, _ in pairs] + [wrt]
        self.factors = []
        self._activations = []
        for (lhs, rhs), inner in zip(pairs, self.variables[1:]):
            name = _activation_of(rhs, inner)
            derivative = _FROM_OUTPUT[name](lhs, inner) if name else _tidy(sp.diff(rhs, inner))
            self.factors.append((lhs, inner, derivative))
            self._activations.append(name)
        self.product = sp.Mul(*(d for _, _, d in self.factors))
        simplified = sp.factor(sp.simplify(self.product))
        # Shown as a last step only when simplifying shortens the product a lot (BCE after a sigmoid
        # cancels to yhat - y); a mere reshuffle of the same factors is left out.
        shorter = sp.count_ops(simplified) < 0.75 * sp.count_ops(self.product)
        self.simplified = simplified if shorter else None

    def _substitute(self, expr):
        for lhs, rhs in self.links:  # outermost first: each definition brings in the next symbol
            expr = expr.subs(lhs, rhs)
        return expr

    @property
    def expression(self):
        """The derivative with every intermediate symbol replaced by its definition."""
        return self._substitute(self.product)

    @property
    def direct(self):
        """sp.diff of the whole composed function: the answer without the chain rule."""
        return sp.diff(self._substitute(self.links[0][1]), self.wrt)

    def verify(self, rng=0, n_points=5):
        """True when the chain-rule product equals the direct derivative at random points."""
        difference = self.expression - self.direct
        symbols = sorted(difference.free_symbols, key=sp.default_sort_key)
        points = make_rng(rng, caller="ChainRule.verify").uniform(0.1, 0.9, size=(n_points, len(symbols)))
        f = to_numpy_function(symbols, [self.expression, self.direct])
        values = np.array([f(*point) for point in points], dtype=float)
        return bool(np.allclose(values[:, 0], values[:, 1], rtol=1e-9, atol=1e-12))

    def _lines_latex(self):
        top, wrt = self.variables[0], self.wrt
        lines = [_partial(top, wrt) + " &= " + r" \, ".join(_partial(o, i) for o, i, _ in self.factors)]
        for (outer, inner, derivative), name in zip(self.factors, self._activations):
            middle = rf"{_LATEX_NAMES[name]}'\left({sp.latex(inner)}\right) = " if name else ""
            lines.append(_partial(outer, inner) + " &= " + middle + sp.latex(derivative))
        chained = r" \cdot ".join(_factor_latex(d) for _, _, d in self.factors)
        lines.append(_partial(top, wrt) + " &= " + chained)
        if self.simplified is not None:
            lines.append(r" &= " + sp.latex(self.simplified))
        return lines

    def _repr_latex_(self):
        return "$\\begin{aligned}" + r" \\ ".join(self._lines_latex()) + "\\end{aligned}$"

    def __repr__(self):
        top, wrt = self.variables[0], self.wrt
        lines = [f"d{top}/d{wrt} = " + " * ".join(f"d{o}/d{i}" for o, i, _ in self.factors)]
        lines += [f"d{o}/d{i} = {d}" for o, i, d in self.factors]
        lines.append(f"d{top}/d{wrt} = " + " * ".join(
            f"({d})" if isinstance(d, (sp.Add, sp.Mul)) else str(d) for _, _, d in self.factors
        ))
        if self.simplified is not None:
            lines.append(f"{' ' * len(f'd{top}/d{wrt}')} = {self.simplified}")
        return "\n".join(lines)


# --- Simplification, sharing and fast numbers ---------------------------------------------------------

def expression_size(expr):
    """The number of operations in an expression (sp.count_ops), summed over a list or Matrix."""
    if isinstance(expr, (list, tuple, sp.MatrixBase)):
        return sum(expression_size(e) for e in expr)
    return int(sp.count_ops(expr))


@dataclass
class CommonSubexpressions:
    """The result of sp.cse: `replacements` [(c0, expr), ...] computed once, then `reduced`."""

    replacements: list
    reduced: list
    original: list

    @property
    def size_before(self):
        return expression_size(self.original)

    @property
    def size_after(self):
        return expression_size([e for _, e in self.replacements]) + expression_size(self.reduced)

    def _repr_latex_(self):
        lines = [rf"{sp.latex(s)} &= {sp.latex(e)}" for s, e in self.replacements]
        lines += [rf"\text{{result {k}}} &= {sp.latex(e)}" for k, e in enumerate(self.reduced, start=1)]
        return "$\\begin{aligned}" + r" \\ ".join(lines) + "\\end{aligned}$"

    def __repr__(self):
        lines = [f"{s} = {e}" for s, e in self.replacements]
        lines += [f"result {k} = {e}" for k, e in enumerate(self.reduced, start=1)]
        return "\n".join(lines)


def common_subexpressions(exprs):
    """Common-subexpression elimination: compute each repeated piece once (c0, c1, ...)."""
    exprs = list(exprs) if isinstance(exprs, (list, tuple, sp.MatrixBase)) else [exprs]
    replacements, reduced = sp.cse(exprs, symbols=sp.numbered_symbols("c"))
    return CommonSubexpressions(replacements, reduced, exprs)


def to_numpy_function(symbols, expr):
    """A fast numpy function of `symbols` computing `expr` (sp.lambdify with shared subexpressions)."""
    return sp.lambdify(list(symbols), expr, modules=[_NUMPY_FUNCTIONS, "numpy"], cse=_shared)


def _shared(exprs):
    # sp.cse without sorting the result: the same pieces, found faster on large gradients.
    return sp.cse(exprs, order="none", list=False)


# --- Exact gradients of an annlib Network --------------------------------------------------------------

@functools.lru_cache(maxsize=32)
def _sample_gradient_function(sizes, activations, loss_name):
    """d(loss of one sample)/d(every parameter), compiled once per architecture and loss."""
    network = SymbolicNetwork(list(sizes), list(activations))
    sample_loss = network.loss(loss_name)
    parameters = network.parameters()
    gradients = [sp.diff(sample_loss, p) for p in parameters]
    return to_numpy_function(network.inputs + network.targets + parameters, gradients)


def network_gradients(network, X, y, loss, *, max_parameters=300):
    """Exact gradients of the loss over the batch by SymPy differentiation, at the current weights.

    network: an annlib Network; X (n_samples, n_inputs); y (n_samples, n_outputs); loss: an annlib
    loss or its name. Returns [(grad_W, grad_b), ...], one pair per layer, shaped like layer.W and
    layer.b: the numbers backpropagation should give. Every annlib loss is the mean over samples of
    the loss of one sample, so the gradient is differentiated once for one sample in symbols, then
    evaluated for every row and averaged. Meant for small networks, as the expressions swell (lesson
    05): a network with more than `max_parameters` weights and biases is refused.
    """
    if not isinstance(network, Network):
        raise TypeError(f"network_gradients: expected an annlib Network, got {type(network).__name__}")
    if network.n_parameters > max_parameters:
        raise ValueError(
            f"network_gradients: the network has {network.n_parameters} parameters, more than "
            f"max_parameters={max_parameters}; the symbolic route is for small networks (its expressions "
            "swell), use backpropagation, or raise max_parameters and expect to wait"
        )
    loss = get_loss(loss, caller="network_gradients")
    X = as_float_array(X, caller="network_gradients", name="X", ndim=2, n_columns=network.n_inputs)
    y = as_float_array(y, caller="network_gradients", name="y", ndim=2, n_columns=network.n_outputs)
    if X.shape[0] == 0:
        raise ValueError("network_gradients: X has no rows; give at least one example")
    if X.shape[0] != y.shape[0]:
        raise ValueError(
            f"network_gradients: X has {X.shape[0]} rows but y has {y.shape[0]}; they must match"
        )
    specs = tuple(SymbolicNetwork.from_network(network).activations)
    function = _sample_gradient_function(tuple(network.sizes), specs, loss.name)
    parameters = np.concatenate([p.ravel() for p in network.parameters()])
    with np.errstate(over="ignore"):  # exp(-z) may overflow to inf for a saturated sigmoid: 1/inf = 0
        per_sample = function(*X.T, *y.T, *parameters)
    n = X.shape[0]
    flat = np.array([np.broadcast_to(g, (n,)).mean() for g in per_sample])
    pairs, start = [], 0
    for layer in network.layers:
        grad_W = flat[start:start + layer.W.size].reshape(layer.W.shape)
        start += layer.W.size
        grad_b = flat[start:start + layer.b.size].copy()
        start += layer.b.size
        pairs.append((grad_W, grad_b))
    return pairs


# --- Expression swell: why networks are trained by backpropagation -----------------------------------

@dataclass
class SwellMeasurement:
    """How big the symbolic loss and gradient of one sample get, and how long each route takes.

    loss_size, gradient_size: sp.count_ops of the loss and of all its parameter derivatives;
    shared_size: the gradient's size once common subexpressions are computed once (sp.cse);
    seconds_symbolic: time to differentiate; seconds_backprop: one forward and backward pass (median).
    """

    sizes: tuple
    n_parameters: int
    loss_size: int
    gradient_size: int
    shared_size: int
    seconds_symbolic: float
    seconds_backprop: float


def measure_expression_swell(sizes, activation="sigmoid", *, rng=0, repeats=100):
    """Differentiate one sample's MSE loss of a network of these sizes in SymPy, and time backprop."""
    symbolic_net = SymbolicNetwork.from_sizes(sizes, activation)
    sample_loss = symbolic_net.loss("mse")
    parameters = symbolic_net.parameters()
    sp.core.cache.clear_cache()  # SymPy remembers earlier derivatives; time a fresh start
    start = time.perf_counter()
    gradients = [sp.diff(sample_loss, p) for p in parameters]
    seconds_symbolic = time.perf_counter() - start
    shared = common_subexpressions(gradients)

    rng = make_rng(rng, caller="measure_expression_swell")
    network = Network.from_sizes(sizes, activation, rng=rng)
    x, y = rng.normal(size=(1, sizes[0])), rng.normal(size=(1, sizes[-1]))
    loss = get_loss("mse")
    passes = []
    for _ in range(repeats):
        start = time.perf_counter()
        network._backward(loss.gradient(network._forward(x), y))
        passes.append(time.perf_counter() - start)
    seconds_backprop = float(np.median(passes))  # the median shrugs off a pass slowed by other programs
    return SwellMeasurement(
        tuple(sizes), len(parameters), expression_size(sample_loss), expression_size(gradients),
        shared.size_after, seconds_symbolic, seconds_backprop,
    )
