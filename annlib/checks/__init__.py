"""Feedback for the exercise notebooks: what a graded test cell calls (exercises 01-08).

Each check takes the learner's function, calls it on a table of cases, and climbs a ladder: is it
callable, does it return the right type and shape, the right values, are its inputs left unchanged. When
an answer fails, the check runs its part's catalogue of known mistakes (each a small wrong implementation
with the learner's signature, and its hint: a transposed W, a missing bias, a sum where a mean belongs, a
forgotten factor of the chain rule, an overflowing exp, an input changed in place) on the same cases, and
names the mistakes that give exactly what the answer gave on every case; none when none does. A pass
prints one short line:

    >>> check_sigmoid(sigmoid)
    ✓ sigmoid: all 5 cases correct

A failure raises `CheckFailed`, an AssertionError that Jupyter shows as a one- or two-line message with
the hint. Every check is deterministic and can be called again and again; `seed=` picks other random
cases of the same kinds (the hidden tests use it). Each module's `CATALOGUES` maps a check to its part's
mistakes: the one place a mistake is written.

    exercise 01  check_weighted_sum, check_sigmoid, check_neuron_output, check_and_gate
    exercise 02  check_sigmoid_derivative, check_relu, check_relu_derivative, check_stable_sigmoid,
                 check_softmax
    exercise 03  check_dense_forward, check_article_weight, check_count_parameters, check_initialize,
                 check_forward, check_collapse_linear, check_tanh_gap
    exercise 04  check_mse, check_binary_cross_entropy, check_cross_entropy, check_loss_choices,
                 check_cost_gradient, check_output_delta
    exercise 05  check_sigmoid_derivative_expr, check_dloss_dw, check_numerical_derivative,
                 check_make_numeric, check_softmax_ce_derivatives, check_softmax_backward
                 (the symbolic ones import SymPy when called)
    exercise 06  check_dense_backward, check_sigmoid_delta, check_numerical_gradient, check_train_step,
                 check_backward, check_gradient_error
    exercise 07  check_sgd_step, check_momentum_step, check_minibatches, check_moons_classifier,
                 check_update, check_train, check_choose_learning_rate
    exercise 08  check_scale_and_encode, check_digits_classifier, check_most_confused,
                 check_error_in_units, check_digits_from_scratch, check_best_epoch
"""

from annlib.checks._core import CheckFailed
from annlib.checks.activations import (
    check_relu,
    check_relu_derivative,
    check_sigmoid_derivative,
    check_softmax,
    check_stable_sigmoid,
)
from annlib.checks.backprop import (
    check_backward,
    check_dense_backward,
    check_gradient_error,
    check_numerical_gradient,
    check_sigmoid_delta,
    check_train_step,
)
from annlib.checks.derivatives import (
    check_dloss_dw,
    check_make_numeric,
    check_numerical_derivative,
    check_sigmoid_derivative_expr,
    check_softmax_backward,
    check_softmax_ce_derivatives,
)
from annlib.checks.forward import (
    check_article_weight,
    check_collapse_linear,
    check_count_parameters,
    check_dense_forward,
    check_forward,
    check_initialize,
    check_tanh_gap,
)
from annlib.checks.losses import (
    LOSS_NAMES,
    check_binary_cross_entropy,
    check_cost_gradient,
    check_cross_entropy,
    check_loss_choices,
    check_mse,
    check_output_delta,
)
from annlib.checks.neuron import check_and_gate, check_neuron_output, check_sigmoid, check_weighted_sum
from annlib.checks.project import (
    check_best_epoch,
    check_digits_classifier,
    check_digits_from_scratch,
    check_error_in_units,
    check_most_confused,
    check_scale_and_encode,
    digits_split,
)
from annlib.checks.training import (
    check_choose_learning_rate,
    check_minibatches,
    check_momentum_step,
    check_moons_classifier,
    check_sgd_step,
    check_train,
    check_update,
)

__all__ = [
    "CheckFailed",
    "LOSS_NAMES",
    "digits_split",
    "check_weighted_sum",
    "check_sigmoid",
    "check_neuron_output",
    "check_and_gate",
    "check_sigmoid_derivative",
    "check_relu",
    "check_relu_derivative",
    "check_stable_sigmoid",
    "check_softmax",
    "check_dense_forward",
    "check_article_weight",
    "check_count_parameters",
    "check_initialize",
    "check_forward",
    "check_collapse_linear",
    "check_tanh_gap",
    "check_mse",
    "check_binary_cross_entropy",
    "check_cross_entropy",
    "check_loss_choices",
    "check_cost_gradient",
    "check_output_delta",
    "check_sigmoid_derivative_expr",
    "check_dloss_dw",
    "check_numerical_derivative",
    "check_make_numeric",
    "check_softmax_ce_derivatives",
    "check_softmax_backward",
    "check_dense_backward",
    "check_sigmoid_delta",
    "check_numerical_gradient",
    "check_train_step",
    "check_backward",
    "check_gradient_error",
    "check_sgd_step",
    "check_momentum_step",
    "check_minibatches",
    "check_moons_classifier",
    "check_update",
    "check_train",
    "check_choose_learning_rate",
    "check_scale_and_encode",
    "check_digits_classifier",
    "check_most_confused",
    "check_error_in_units",
    "check_digits_from_scratch",
    "check_best_epoch",
]
