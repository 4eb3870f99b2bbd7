"""Interactive explorers for JupyterLab, built with ipywidgets on annlib.plotting and the core.

Each builder returns the widget and prints nothing. The logic behind every widget is plain functions
(state in, state or figure out), tested by pytest without a browser.

    neuron_explorer   sliders for a neuron's inputs, weights and bias; a choice of activation   (lesson 01)
    stepper           one training iteration, step by step, on the 3-4-4-1 network             (lesson 06)
    playground        a training playground: data, layers, activation, optimizer; Train/Step   (lesson 07)
"""

from annlib.widgets.neuron_explorer import *  # noqa: F401,F403
from annlib.widgets.stepper import *  # noqa: F401,F403
from annlib.widgets.playground import *  # noqa: F401,F403
