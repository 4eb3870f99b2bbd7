"""In the notebook: a check cell's NameError traced back to the learner's own cell that failed.

When the cell that defines `sigmoid` has a SyntaxError, Python defines nothing, and the check cell under it
stops with "NameError: name 'sigmoid' is not defined": true, but it sends the learner to the wrong cell.
With this module watching, that NameError gets one more line under Python's own message, naming the cell
(its In [n]) that should have defined the name and the learner's own error in it, with its line.

    watch(shell=None)                  start watching (once per kernel; every check call does it)
    load_ipython_extension(shell)      the same, for `%load_ext annlib.checks.notebook`
    why_undefined(name, cells)         the explanation, from the cells run so far (or None)

Nothing happens on import: the first check that runs (or the extension, when loaded) starts the watch.
Outside IPython, and in a grading kernel (which reports a learner's own errors itself and must find its
shell unchanged), watch() does nothing.
"""

import sys

from annlib.grading.feedback import defines, plain_syntax_error

__all__ = ["watch", "load_ipython_extension", "why_undefined"]


def why_undefined(name, cells):
    """Why `name` is undefined, from `cells` (the sources run so far, oldest first, as IPython's In holds
    them; In[0] is empty): the latest cell that defines the name, when it does not compile. None otherwise."""
    if not name:
        return None
    for number in range(len(cells) - 1, 0, -1):
        source = cells[number]
        if not isinstance(source, str) or not defines(source, name):
            continue
        error = plain_syntax_error(source)
        if error is None:
            return None  # it compiles: the name was defined and then lost, or renamed; Python's words suffice
        message = f": {error['message']}" if error["message"] else ""
        return (
            f"\u2717 {name} is not defined because the cell that defines it, In [{number}], has a "
            f"{error['ename']}{message}{error['where']}. Mend that cell and run it, then run this one again."
        )
    return None


def _explain(shell, etype, value, tb, tb_offset=None):
    """IPython's custom handler for NameError: shows Python's traceback, and the cause when it is the
    learner's own cell that did not compile."""
    lines = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    try:
        cells = shell.user_ns.get("In") or shell.history_manager.input_hist_raw
        note = why_undefined(getattr(value, "name", None), list(cells))
    except Exception:  # never let the explanation hide the error itself
        note = None
    if note:
        lines = list(lines) + ["", note]
    shell._showtraceback(etype, value, lines)  # IPython leaves the showing to a custom handler
    return lines


def watch(shell=None):
    """Start explaining NameErrors in this IPython shell (idempotent); nothing outside IPython."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython comes with every notebook stack
            return
        shell = get_ipython()
    if shell is None or getattr(shell, "_annlib_watching", False):
        return
    if "annlib.grading.guard" in sys.modules:
        return  # a grading kernel: it reports a learner's own errors itself, and keeps the shell as it was
    if getattr(shell, "CustomTB", None) is not None and getattr(shell, "custom_exceptions", ()):
        return  # someone else's handler is in place: leave it
    shell.set_custom_exc((NameError,), _explain)
    shell._annlib_watching = True


def load_ipython_extension(shell):
    watch(shell)
