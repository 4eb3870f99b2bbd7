"""annlib: the small numpy library behind the course on artificial neural networks.

One module per concept, in the order the lessons teach them:

    activations   sigmoid, tanh, relu, ... and their derivatives         (lessons 01-02)
    neuron        one neuron: weighted sum, bias, activation             (lesson 01)
    layers        Dense, a fully connected layer                         (lessons 03, 06)
    network       Network, layers in sequence: forward and backward      (lessons 03, 06)
    losses        MSE, BinaryCrossEntropy, CrossEntropy                  (lesson 04)
    gradcheck     finite differences against backpropagation             (lessons 05-06)
    optimizers    SGD (gradient descent), Momentum, Adam                 (lesson 07)
    training      fit: repeat forward and backward until the loss is low (lesson 07)
    datasets      generated problems and two real data sets              (lessons 02, 07, 08)
    metrics       accuracy, confusion matrix, errors in the data's units (lessons 07-08)

Those need only numpy. Heavier modules load on first use, so `import annlib` stays fast:

    annlib.symbolic   SymPy derivations             annlib.plotting   matplotlib figures
    annlib.widgets    ipywidgets explorers          annlib.checks     feedback for exercises
"""

import importlib

from annlib import activations, datasets, gradcheck, losses, metrics, optimizers, training
from annlib.gradcheck import gradient_check
from annlib.layers import Dense
from annlib.network import Network
from annlib.neuron import Neuron, neuron_output, weighted_sum
from annlib.training import EarlyStopping, History, TrainingDiverged, fit

__version__ = "0.1.0"

_LAZY_MODULES = ("symbolic", "plotting", "widgets", "checks", "grading")

__all__ = [
    "Dense",
    "Network",
    "Neuron",
    "neuron_output",
    "weighted_sum",
    "fit",
    "EarlyStopping",
    "History",
    "TrainingDiverged",
    "gradient_check",
    "activations",
    "datasets",
    "gradcheck",
    "losses",
    "metrics",
    "optimizers",
    "training",
    *_LAZY_MODULES,
]


def __getattr__(name):
    # `annlib.plotting` imports matplotlib only when a learner first touches it.
    if name in _LAZY_MODULES:
        return importlib.import_module(f"annlib.{name}")
    raise AttributeError(f"module 'annlib' has no attribute {name!r}")
