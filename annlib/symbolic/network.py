"""One neuron, one layer and a whole network, in symbols.

`weighted_sum`, `neuron_output` and `layer_output` mirror annlib.neuron and annlib.layers for one
sample. `SymbolicNetwork` holds a feed-forward network as symbols (`from_sizes([3, 4, 4, 1])`, or
`from_network(net)` for an annlib Network): its output, its loss, the derivative of the loss for any
weight, its forward equations, and the chain rule down to a weight.
"""

import numpy as np
import sympy as sp

from annlib._validation import as_float_array
from annlib.network import Network
from annlib.symbolic.chain_rule import chain_rule_steps
from annlib.symbolic.functions import _activation_spec, _apply, loss_expression
from annlib.symbolic.names import (
    bias_symbol,
    input_symbol,
    node_symbol,
    output_symbol,
    sum_symbol,
    target_symbol,
    weight_symbol,
)


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
            raise ValueError(f"SymbolicNetwork: {len(sizes) - 1} layers but {len(activations)} activations")
        self.sizes = sizes
        self.activations = [_activation_spec(a, "SymbolicNetwork")[0] for a in activations]
        self.inputs = [input_symbol(i) for i in range(sizes[0])]
        self.targets = [target_symbol(k, sizes[-1]) for k in range(sizes[-1])]
        self.weights = [
            sp.Matrix(n_in, n_out, lambda i, j, layer=layer: weight_symbol(layer - 1, i, j))
            for layer, (n_in, n_out) in enumerate(zip(sizes, sizes[1:]), start=1)
        ]
        self.biases = [
            sp.Matrix(1, n_out, lambda _, j, layer=layer: bias_symbol(layer - 1, j))
            for layer, n_out in enumerate(sizes[1:], start=1)
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
            raise TypeError(f"SymbolicNetwork.from_network: expected an annlib Network, got {type(network).__name__}")
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
        return [node_symbol(layer - 2, i) for i in range(self.sizes[layer - 1])]

    def _node(self, layer, j):
        if layer == self.n_layers:
            return output_symbol(j, self.sizes[-1])
        return node_symbol(layer - 1, j)

    def _sum(self, layer, j):
        return weighted_sum(self._previous(layer), self.weights[layer - 1][:, j], self.biases[layer - 1][j])

    def _activation_equation(self, layer, j):
        activation = self.activations[layer - 1]
        z_row = [sum_symbol(layer - 1, q) for q in range(self.sizes[layer])]
        a = _apply(activation, z_row)[j] if activation == "softmax" else _apply(activation, [z_row[j]])[0]
        return sp.Eq(self._node(layer, j), a)

    def equations(self):
        """Forward propagation in named symbols: z11 = x1 w_a1 + ... + b11, A11 = sigmoid(z11), ..."""
        equations = Equations()
        for layer in range(1, self.n_layers + 1):
            for j in range(self.sizes[layer]):
                equations.append(sp.Eq(sum_symbol(layer - 1, j), self._sum(layer, j)))
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
        if "softmax" in self.activations[layer - 1 :] and self.sizes[-1] > 1:
            raise ValueError("SymbolicNetwork.path: softmax mixes the outputs, so there are several paths")
        links = []
        for current in range(self.n_layers, layer - 1, -1):
            q = j if current == layer else 0
            links.append(self._activation_equation(current, q))
            links.append(sp.Eq(sum_symbol(current - 1, q), self._sum(current, q)))
        return links

    def chain_rule(self, loss, parameter):
        """The chain rule from the loss of one sample down to `parameter`, as displayable steps."""
        outputs = [output_symbol(k, self.sizes[-1]) for k in range(self.sizes[-1])]
        loss_link = sp.Eq(sp.Symbol("C"), loss_expression(loss, outputs, self.targets))
        return chain_rule_steps([loss_link, *self.path(parameter)], parameter)
