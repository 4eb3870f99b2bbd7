"""Figures for the lessons, drawn with matplotlib (never imported by the numpy core).

Every helper takes `ax=None` (a new figure when None), draws, and returns the axes; none prints.
One module per kind of figure:

    style        colour-blind-safe colours and the shared look
    describe     text alternatives: what each figure shows, in words, for screen readers
    diagram      the network diagram: neurons, connections, weights, values, gradients   (lessons 00, 03, 06)
    graph        one neuron as a computational graph, local derivatives on its edges     (lessons 05, 06)
    neuron       a single neuron: inputs, weights, sum, bias, activation, output         (lesson 01)
    activations  activation functions beside their derivatives; why nonlinearity         (lesson 02)
    hidden       what a hidden layer builds: steps, bumps, a trained layer's curves      (lesson 02)
    boundaries   data sets and decision boundaries of a trained network                  (lessons 02, 07)
    losses       loss against one weight, loss surfaces, MSE beside cross-entropy        (lesson 04)
    descent      optimizers' real paths over the loss surface of two weights             (lessons 04, 07)
    gradient     the gradient on a cost's contours; δ gathered from the fan-out          (lessons 05, 06)
    training     loss curves, learning rates, initial weights' gradients, overfitting,    (lessons 07, 08)
                 confusion matrices, digit images
"""

from annlib.plotting.activations import *  # noqa: F401,F403
from annlib.plotting.boundaries import *  # noqa: F401,F403
from annlib.plotting.descent import *  # noqa: F401,F403
from annlib.plotting.describe import *  # noqa: F401,F403
from annlib.plotting.diagram import *  # noqa: F401,F403
from annlib.plotting.gradient import *  # noqa: F401,F403
from annlib.plotting.graph import *  # noqa: F401,F403
from annlib.plotting.hidden import *  # noqa: F401,F403
from annlib.plotting.losses import *  # noqa: F401,F403
from annlib.plotting.neuron import *  # noqa: F401,F403
from annlib.plotting.style import *  # noqa: F401,F403
from annlib.plotting.training import *  # noqa: F401,F403
