"""Interactive explorers for JupyterLab, built with ipywidgets on annlib.plotting and the core.

Each builder returns the widget and prints nothing. The logic behind every widget is plain functions
(state in, state or figure out), tested by pytest without a browser. Each widget keeps one figure and
draws it again in place, sent to an ipywidgets Image with a one-sentence text alternative (_display:
LiveFigure), which a live region (aria-live="polite") announces once the figure is at rest; every
control is named by its description, reached with Tab and worked with keys, with a visible focus ring.

Each module is named for what it explores (as annlib.plotting's are), never for a function it exports:

    neuron     neuron_explorer: sliders for a neuron's inputs, weights and bias; an activation   (lesson 01)
    stepper    stepper_widget, Stepper: one training iteration, stage by stage, on 3-4-4-1        (lesson 06)
    training   playground, Playground: data, layers, activation, optimizer; Train/Step           (lesson 07)
    progress   ProgressDisplay: fit's progress bar, one more callback after every epoch           (lesson 07)
"""

from annlib.widgets.neuron import *  # noqa: F401,F403
from annlib.widgets.stepper import *  # noqa: F401,F403
from annlib.widgets.training import *  # noqa: F401,F403
