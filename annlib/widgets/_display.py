"""How every widget shows a figure: it replaces what its Output area showed, then frees the figure."""

import matplotlib.pyplot as plt


def show_figure(output, figure):
    """Show `figure` in the ipywidgets Output `output`, replacing its content, and close the figure.

    Outside a kernel (a script, a test) there is nowhere to show it, so the figure is only closed.
    """
    from IPython import get_ipython
    from IPython.display import display

    if get_ipython() is not None:
        with output:
            output.clear_output(wait=True)
            display(figure)
    plt.close(figure)
