"""Symbolic derivatives with SymPy: the chain rule written out, and why backpropagation wins (lesson 05).

This is the only part of annlib that imports SymPy. It mirrors the numeric core with the same names:
`sigmoid` and `sigmoid_derivative` here build SymPy expressions where `annlib.activations` computes
numbers. Everything below is importable from `annlib.symbolic`; the modules read in this order:

    functions    sigmoid, tanh, relu, leaky_relu, identity, softmax (+ _derivative): the activations;
                 Sigmoid, ReLU, LeakyReLU, Step: the same as named functions, short to print and quick
                 to differentiate; mse, binary_cross_entropy, cross_entropy: the losses, same averaging
    names        x1, w_a1, b11, z11, A11, yhat, y: the symbols, named as the lessons' diagrams name them
    sharing      expression_size, common_subexpressions, to_numpy_function: size, CSE, lambdify
    chain_rule   chain_rule_steps -> ChainRule: dC/dw as readable LaTeX steps, checked
    network      weighted_sum, neuron_output, layer_output: one neuron, one layer;
                 SymbolicNetwork: a whole network in symbols (output, loss, loss_derivative,
                 equations for the forward pass, chain_rule down to any weight)
    gradients    network_gradients(network, X, y, loss): exact gradients of an annlib Network;
                 measure_expression_swell(sizes): how the symbolic route grows with depth;
                 backpropagation_steps(sizes): backpropagation written out, its operations counted
"""

from annlib.symbolic.chain_rule import ChainRule, chain_rule_steps
from annlib.symbolic.functions import (
    LeakyReLU,
    ReLU,
    Sigmoid,
    Step,
    binary_cross_entropy,
    cross_entropy,
    identity,
    identity_derivative,
    leaky_relu,
    leaky_relu_derivative,
    loss_expression,
    mse,
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    softmax,
    softmax_derivative,
    tanh,
    tanh_derivative,
)
from annlib.symbolic.gradients import (
    BackwardPass,
    SwellMeasurement,
    backpropagation_steps,
    measure_expression_swell,
    network_gradients,
)
from annlib.symbolic.names import (
    bias_symbol,
    input_symbol,
    node_symbol,
    output_symbol,
    sum_symbol,
    target_symbol,
    weight_symbol,
)
from annlib.symbolic.network import Equations, SymbolicNetwork, layer_output, neuron_output, weighted_sum
from annlib.symbolic.sharing import common_subexpressions, expression_size, to_numpy_function

__all__ = [
    "sigmoid",
    "sigmoid_derivative",
    "tanh",
    "tanh_derivative",
    "relu",
    "relu_derivative",
    "leaky_relu",
    "leaky_relu_derivative",
    "identity",
    "identity_derivative",
    "softmax",
    "softmax_derivative",
    "Sigmoid",
    "Step",
    "ReLU",
    "LeakyReLU",
    "mse",
    "binary_cross_entropy",
    "cross_entropy",
    "loss_expression",
    "input_symbol",
    "weight_symbol",
    "bias_symbol",
    "sum_symbol",
    "node_symbol",
    "output_symbol",
    "target_symbol",
    "weighted_sum",
    "neuron_output",
    "layer_output",
    "SymbolicNetwork",
    "Equations",
    "chain_rule_steps",
    "ChainRule",
    "common_subexpressions",
    "to_numpy_function",
    "expression_size",
    "network_gradients",
    "measure_expression_swell",
    "backpropagation_steps",
    "BackwardPass",
    "SwellMeasurement",
]
