"""Exact gradients of an annlib Network by SymPy, and why networks are trained by backpropagation instead.

`network_gradients(network, X, y, loss)` differentiates the loss in symbols and evaluates it: the
numbers backpropagation must match. `measure_expression_swell(sizes)` shows the price: the symbolic
derivatives grow with every layer, while one backward pass stays cheap.
"""

import functools
import time
from dataclasses import dataclass

import numpy as np
import sympy as sp

from annlib._validation import as_float_array, make_rng
from annlib.losses import get_loss
from annlib.network import Network
from annlib.symbolic.network import SymbolicNetwork
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
        network.backward(loss.gradient(network.forward(x), y))
        passes.append(time.perf_counter() - start)
    seconds_backprop = float(np.median(passes))  # the median shrugs off a pass slowed by other programs
    return SwellMeasurement(
        tuple(sizes),
        len(parameters),
        expression_size(sample_loss),
        expression_size(gradients),
        shared.size_after,
        seconds_symbolic,
        seconds_backprop,
    )
