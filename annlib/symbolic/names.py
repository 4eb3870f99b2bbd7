"""The names of a network's symbols, as the lessons and their diagrams write them.

    x1 .. xN          inputs                                      x_{1} .. x_{N}
    w_a1 .. w_a4      first layer, the article's names: W[i, j]   w_{a1} .. w_{a4}, w_{b1} ..
                      is w_<letter i><j+1>, letter a for input 0
    w^(2)_a1 ..       layer l >= 2, the same way: W[0, 0] of      w^{(2)}_{a1}
                      layer 2 leaves A11 (a) and reaches A21 (1)
    b11 .. b14        bias of neuron A11 .. A14                   b_{11} .. b_{14}
    z11, A11          weighted sum and output of neuron 1 of      z_{11}, A_{11}
                      layer 1 (A21 .. A24 for layer 2)
    yhat, y           the network's output and the target         \\hat{y}, y
                      (yhat1, yhat2, y1, y2 .. with several outputs)

With 10 or more neurons (or 27 inputs) the compact names become ambiguous, so they switch to numbers
with the layer on top: A^(1)_10, b^(1)_10, w^(1)_1,10.

The functions take a layer as Python counts it, 0 for the first (network.layers[0], weights[0]), as
plotting.weight_name does; the names they make count from 1, as the article writes them.
"""

import sympy as sp


def input_symbol(i):
    """x1, x2, ... for input i = 0, 1, ..."""
    return sp.Symbol(f"x{i + 1}")


def _compact(*indices):
    return all(index < 9 for index in indices)


def weight_symbol(layer, i, j):
    """W[i, j] of layer `layer` (0 = the first, as in network.layers[0]): w_a1, then w^(2)_a1, ...

    The letter names the node the connection leaves (a for node 0), the number the neuron it reaches,
    as on the lessons' network diagrams; plotting.weight_name(layer, i, j) gives the same name in plain
    text (wa1, w2a1). Like every name here, the layer number shown is the article's, counted from 1.
    """
    shown = layer + 1
    if i >= 26 or j >= 9:
        return sp.Symbol(f"w^({shown})_{i + 1},{j + 1}")
    name = f"{chr(ord('a') + i)}{j + 1}"
    return sp.Symbol(f"w_{name}" if shown == 1 else f"w^({shown})_{name}")


def bias_symbol(layer, j):
    """b11, b12, ...: the bias of neuron j (0, 1, ...) of layer `layer` (0 = the first)."""
    return sp.Symbol(f"b{layer + 1}{j + 1}" if _compact(layer, j) else f"b^({layer + 1})_{j + 1}")


def sum_symbol(layer, j):
    """z11, z12, ...: the weighted sum of neuron j of layer `layer` (0 = the first)."""
    return sp.Symbol(f"z{layer + 1}{j + 1}" if _compact(layer, j) else f"z^({layer + 1})_{j + 1}")


def node_symbol(layer, j):
    """A11, A12, ...: the output of neuron j of hidden layer `layer` (0 = the first)."""
    return sp.Symbol(f"A{layer + 1}{j + 1}" if _compact(layer, j) else f"A^({layer + 1})_{j + 1}")


def output_symbol(j, n_outputs):
    """yhat for a single output; yhat1, yhat2, ... for several."""
    return sp.Symbol("yhat" if n_outputs == 1 else f"yhat{j + 1}")


def target_symbol(j, n_outputs):
    """y for a single output; y1, y2, ... for several."""
    return sp.Symbol("y" if n_outputs == 1 else f"y{j + 1}")
