"""Optimizers: how a gradient becomes a change of the weights (lesson 07).

The article's update is w := w - dC/dw. Real training scales the step by a learning rate
(eta in the lessons' formulas, `learning_rate` in the code):

    w := w - learning_rate * dC/dw

Gradient descent, stochastic gradient descent (SGD) and mini-batch SGD all use this one rule; they
differ only in how many examples the gradient is averaged over before each step, which the training
loop decides (`fit(..., batch_size=...)`): all of them (gradient descent), one (SGD), or a small batch
(mini-batch SGD). `GradientDescent` is a name for `SGD` that reads like the article.

Momentum and Adam remember past gradients to take smoother, better-scaled steps.

Every optimizer has `step(parameters, gradients)`, which updates the parameter arrays in place
(`network.parameters()` and `network.gradients()` give them in matching order; it checks that they
match, a few microseconds), and `reset()`.
"""

import numpy as np

from annlib._validation import check_fraction, check_positive


class Optimizer:
    """What every optimizer shares: a checked learning rate and state kept per parameter."""

    def __init__(self, learning_rate):
        self.learning_rate = check_positive(learning_rate, caller=type(self).__name__, name="learning_rate")
        self.reset()

    def __repr__(self):
        return f"{type(self).__name__}(learning_rate={self.learning_rate:g})"

    def reset(self):
        """Forget any state (velocities, moment estimates, step count)."""
        self.state = None

    def step(self, parameters, gradients):
        """Update every array in `parameters` in place from the matching array in `gradients`."""
        self._check(parameters, gradients)
        self.update(parameters, gradients)

    def _check(self, parameters, gradients):
        if len(parameters) != len(gradients):
            raise ValueError(f"{type(self).__name__}.step: {len(parameters)} parameters but {len(gradients)} gradients")
        for i, (param, grad) in enumerate(zip(parameters, gradients)):
            if param.shape != grad.shape:
                raise ValueError(
                    f"{type(self).__name__}.step: gradient {i} has shape {grad.shape}, "
                    f"expected {param.shape} like its parameter"
                )

    def update(self, parameters, gradients):
        """The update rule itself, on arrays already known to match; each optimizer writes its own."""
        raise NotImplementedError(f"{type(self).__name__}.update: an optimizer must define its update rule")


class SGD(Optimizer):
    """w := w - learning_rate * dC/dw. Gradient descent, SGD or mini-batch SGD by the batch size."""

    def update(self, parameters, gradients):
        for param, grad in zip(parameters, gradients):
            param -= self.learning_rate * grad


GradientDescent = SGD


class Momentum(Optimizer):
    """SGD with momentum: v := momentum * v - learning_rate * dC/dw; w := w + v.

    The velocity v averages recent gradients, so steps speed up along directions that agree and
    cancel along directions that zig-zag.
    """

    def __init__(self, learning_rate, momentum=0.9):
        self.momentum = check_fraction(momentum, caller="Momentum", name="momentum")
        super().__init__(learning_rate)

    def __repr__(self):
        return f"Momentum(learning_rate={self.learning_rate:g}, momentum={self.momentum:g})"

    def update(self, parameters, gradients):
        if self.state is None:
            self.state = [np.zeros_like(p) for p in parameters]
        for param, grad, velocity in zip(parameters, gradients, self.state):
            velocity *= self.momentum
            velocity -= self.learning_rate * grad
            param += velocity


class Adam(Optimizer):
    """Adam: momentum on the gradient (m) and a per-weight step size from its squared size (v).

    m := beta1 m + (1 - beta1) g;  v := beta2 v + (1 - beta2) g**2
    w := w - learning_rate * m_hat / (sqrt(v_hat) + eps), with m_hat, v_hat corrected for starting at zero.
    """

    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        self.beta1 = check_fraction(beta1, caller="Adam", name="beta1")
        self.beta2 = check_fraction(beta2, caller="Adam", name="beta2")
        self.eps = check_positive(eps, caller="Adam", name="eps")
        super().__init__(learning_rate)

    def reset(self):
        self.state = None
        self.t = 0

    def update(self, parameters, gradients):
        if self.state is None:
            self.state = [(np.zeros_like(p), np.zeros_like(p)) for p in parameters]
        self.t += 1
        correct1, correct2 = 1 - self.beta1**self.t, 1 - self.beta2**self.t
        for param, grad, (m, v) in zip(parameters, gradients, self.state):
            m *= self.beta1
            m += (1 - self.beta1) * grad
            v *= self.beta2
            v += (1 - self.beta2) * grad * grad
            # m and v start at zero, so early on they are too small; dividing by correct1/2 undoes that.
            param -= self.learning_rate * (m / correct1) / (np.sqrt(v / correct2) + self.eps)


OPTIMIZERS = {"sgd": SGD, "gradient_descent": SGD, "momentum": Momentum, "adam": Adam}


def get_optimizer(optimizer, learning_rate=None, *, caller="get_optimizer"):
    """An optimizer object from a name ("sgd", "momentum", "adam") and a learning rate, or passed through."""
    if isinstance(optimizer, Optimizer):
        return optimizer
    if isinstance(optimizer, str) and optimizer in OPTIMIZERS:
        if learning_rate is None:
            return OPTIMIZERS[optimizer](0.001) if optimizer == "adam" else OPTIMIZERS[optimizer](0.1)
        return OPTIMIZERS[optimizer](learning_rate)
    names = ", ".join(repr(n) for n in OPTIMIZERS)
    raise ValueError(f"{caller}: unknown optimizer {optimizer!r}; choose one of {names}")
