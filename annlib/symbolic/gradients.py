"""Exact gradients of an annlib Network by SymPy, and why networks are trained by backpropagation instead.

`network_gradients(network, X, y, loss)` differentiates the loss in symbols and evaluates it: the
numbers backpropagation must match. `measure_expression_swell(sizes)` shows the price: the symbolic
derivatives grow with every layer, while one backward pass stays cheap. `backpropagation_steps(sizes)`
writes that backward pass out in symbols, one assignment per value it computes (forward values, error
signals delta, gradients), so its operations are counted the same way as the symbolic gradient's.
"""

import functools
import time
from dataclasses import dataclass

import numpy as np
import sympy as sp

from annlib._validation import as_float_array, make_rng
from annlib.losses import get_loss
from annlib.network import Network
from annlib.symbolic.functions import loss_expression
from annlib.symbolic.names import output_symbol, sum_symbol
from annlib.symbolic.network import Equations, SymbolicNetwork
from annlib.symbolic.sharing import common_subexpressions, expression_size, to_numpy_function


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
        raise ValueError(f"network_gradients: X has {X.shape[0]} rows but y has {y.shape[0]}; they must match")
    specs = tuple(SymbolicNetwork.from_network(network).activations)
    function = _sample_gradient_function(tuple(network.sizes), specs, loss.name)
    parameters = np.concatenate([p.ravel() for p in network.parameters()])
    with np.errstate(over="ignore"):  # exp(-z) may overflow to inf for a saturated sigmoid: 1/inf = 0
        per_sample = function(*X.T, *y.T, *parameters)
    n = X.shape[0]
    flat = np.array([np.broadcast_to(g, (n,)).mean() for g in per_sample])
    pairs, start = [], 0
    for layer in network.layers:
        grad_W = flat[start : start + layer.W.size].reshape(layer.W.shape)
        start += layer.W.size
        grad_b = flat[start : start + layer.b.size].copy()
        start += layer.b.size
        pairs.append((grad_W, grad_b))
    return pairs


# --- Expression swell: why networks are trained by backpropagation -----------------------------------


@dataclass
class SwellMeasurement:
    """How big the symbolic loss and gradient of one sample get, and how long each route takes.

    loss_size, gradient_size: sp.count_ops of the loss and of all its parameter derivatives;
    shared_size: the gradient's size once common subexpressions are computed once (sp.cse);
    backprop_size: the operations of backpropagation's forward and backward pass written out in symbols
    (backpropagation_steps), counted the same way;
    seconds_symbolic: time to differentiate; seconds_backprop: one forward and backward pass (median).
    """

    sizes: tuple
    n_parameters: int
    loss_size: int
    gradient_size: int
    shared_size: int
    backprop_size: int
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
        network.backward(loss.gradient(network.forward(x), y))
        passes.append(time.perf_counter() - start)
    seconds_backprop = float(np.median(passes))  # the median shrugs off a pass slowed by other programs
    return SwellMeasurement(
        tuple(sizes),
        len(parameters),
        expression_size(sample_loss),
        expression_size(gradients),
        shared.size_after,
        backpropagation_steps(sizes, activation).size,
        seconds_symbolic,
        seconds_backprop,
    )


# --- Backpropagation written out: what it computes, counted like the symbolic gradient -------------


def _delta_symbol(layer, j):
    # delta_21 is the error signal dC/dz21 of neuron 1 in layer 2, named like the sums z21.
    return sp.Symbol(f"delta_{layer}{j + 1}")


class BackwardPass(Equations):
    """Backpropagation for one sample as a list of sp.Eq, in the order it computes them.

    First the forward pass (each z and A, from the inputs), then the error signals delta = dC/dz from
    the output back, then one gradient per weight and bias. `size` is sp.count_ops over every right-hand
    side: the operations backpropagation does, counted as the symbolic gradient's are.
    """

    @property
    def size(self):
        return expression_size([e.rhs for e in self])

    def _repr_latex_(self):
        lines = [rf"{self._latex_name(e.lhs)} &= {sp.latex(e.rhs)}" for e in self]
        return "$\\begin{aligned}" + r" \\ ".join(lines) + "\\end{aligned}$"

    @staticmethod
    def _latex_name(symbol):
        # "dC/dw_a1" is shown as the fraction dC/dw_a1 of the lessons; every other name as SymPy shows it.
        name = str(symbol)
        if name.startswith("dC/d"):
            return rf"\frac{{\partial C}}{{\partial {sp.latex(sp.Symbol(name[4:]))}}}"
        return sp.latex(symbol)


def backpropagation_steps(sizes, activation="sigmoid", loss="mse"):
    """Backpropagation for one sample of a network of these sizes, written out in symbols.

    sizes: [n_inputs, ..., n_outputs]; activation: one elementwise activation for every layer; loss: an
    annlib loss name. Returns a BackwardPass: z = A_prev . w + b and A = f(z) for every neuron, then
    delta = dC/dA * f'(z) at the output and delta = (sum of delta_next * w) * f'(z) below it, then
    dC/dw = A_prev * delta and dC/db = delta. f'(z) is written in the neuron's output A, as lesson 06 does.
    """
    network = SymbolicNetwork.from_sizes(sizes, activation)
    if "softmax" in network.activations:
        raise ValueError("backpropagation_steps: expected an elementwise activation, got softmax")
    steps = BackwardPass()
    for layer in range(1, network.n_layers + 1):
        for j in range(network.sizes[layer]):
            steps.append(sp.Eq(sum_symbol(layer - 1, j), network._sum(layer, j)))
            steps.append(network._activation_equation(layer, j))

    def slope(layer, j):
        # f'(z) in terms of the neuron's output A = f(z): sigma'(z) = A (1 - A), tanh'(z) = 1 - A**2.
        equation = network._activation_equation(layer, j)
        z = sum_symbol(layer - 1, j)
        return sp.diff(equation.rhs, z).subs(equation.rhs, equation.lhs)

    last = network.n_layers
    outputs = [output_symbol(k, network.sizes[-1]) for k in range(network.sizes[-1])]
    cost = loss_expression(loss, outputs, network.targets)
    for k, output in enumerate(outputs):
        steps.append(sp.Eq(_delta_symbol(last, k), sp.diff(cost, output) * slope(last, k)))
    for layer in range(last - 1, 0, -1):
        W_next = network.weights[layer]  # (n_layer, n_next): row j fans out of neuron j
        for j in range(network.sizes[layer]):
            fed_back = sum(_delta_symbol(layer + 1, k) * W_next[j, k] for k in range(W_next.cols))
            steps.append(sp.Eq(_delta_symbol(layer, j), fed_back * slope(layer, j)))
    for layer in range(1, last + 1):
        previous = network._previous(layer)
        W, b = network.weights[layer - 1], network.biases[layer - 1]
        for i in range(W.rows):
            for j in range(W.cols):
                steps.append(sp.Eq(sp.Symbol(f"dC/d{W[i, j]}"), previous[i] * _delta_symbol(layer, j)))
        for j in range(W.cols):
            steps.append(sp.Eq(sp.Symbol(f"dC/d{b[j]}"), _delta_symbol(layer, j)))
    return steps
