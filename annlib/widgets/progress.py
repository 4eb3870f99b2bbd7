"""fit's progress display: an HTML bar in Jupyter, a carriage-return line in a terminal (lesson 07).

`fit(..., progress=True)` (or "auto", in Jupyter, once a run takes longer than two seconds) calls a
`ProgressDisplay` after every epoch, as it calls any callback; the numpy core never builds HTML itself.

    display = ProgressDisplay(epochs)       display(epoch, history) after each epoch; display.close(history)
"""

import time

__all__ = ["ProgressDisplay"]


class ProgressDisplay:
    """Shows `epoch/epochs`, the loss (and accuracy) and the time so far, at most four times a second.

    in_jupyter: draw an HTML progress bar (True) or print one line that rewrites itself (False).
    show_after: seconds to wait before showing anything, so that short runs stay quiet.
    """

    def __init__(self, epochs, *, in_jupyter=False, show_after=0.0):
        self.epochs, self.in_jupyter, self.show_after = epochs, in_jupyter, show_after
        self.started = time.perf_counter()
        self.last_shown = 0.0
        self.handle = None
        self.shown = False

    def __repr__(self):
        return f"ProgressDisplay(epochs={self.epochs}, in_jupyter={self.in_jupyter})"

    def text(self, epoch, history):
        """One line: 'epoch 3/10  loss 0.4521  accuracy 0.810  (0.3 s)'."""
        text = f"epoch {epoch}/{self.epochs}  loss {history.loss[-1]:.4g}"
        if history.accuracy:
            text += f"  accuracy {history.accuracy[-1]:.3f}"
        return text + f"  ({time.perf_counter() - self.started:.1f} s)"

    def __call__(self, epoch, history):
        now = time.perf_counter()
        if now - self.started < self.show_after:
            return
        if now - self.last_shown < 0.25 and epoch < self.epochs:
            return
        self.last_shown = now
        self.show(epoch, history)

    def show(self, epoch, history):
        text = self.text(epoch, history)
        self.shown = True
        if not self.in_jupyter:
            print("\r" + text, end="", flush=True)
            return
        from IPython.display import HTML, display

        html = HTML(f"<progress value='{epoch}' max='{self.epochs}' style='width:40%'></progress> <code>{text}</code>")
        if self.handle is None:
            self.handle = display(html, display_id=True)
        else:
            self.handle.update(html)

    def close(self, history):
        """Show the final state once (when anything was shown, or when asked for with no delay)."""
        if self.shown or self.show_after == 0.0:
            if history.loss:
                self.show(history.epochs, history)
            if not self.in_jupyter:
                print()
