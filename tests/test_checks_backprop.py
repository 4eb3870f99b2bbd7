"""Exercise 06's checks on the answers learners reported as misjudged: restoring a nudged value by
`+= eps; -= 2 * eps; += eps`, a gradient_error on its own copy of the params, every argument's effect
(eps, the learning rate), the in-place update, and backward's mistakes named by their own hint."""

import numpy as np
import pytest

from annlib import checks as C
from annlib.checks import CheckFailed
from annlib.checks._core import same
from annlib.checks.backprop import _restored
from tests.corpus import ex06, load


def _right(check, index):
    return load(ex06.CORRECT[check][index])


def _wrong(check, key):
    source = next(s for k, s in ex06.WRONG[check] if k == key)
    return load(source)


def _fails_with(check, function, key):
    with pytest.raises(CheckFailed) as info:
        getattr(C, check)(function)
    assert key in info.value.mistakes, str(info.value)
    return info.value


# --- Restoring a nudged value: a few units in the last place are restored --------------------------------


def test_the_textbook_restore_leaves_a_few_ulps_and_that_counts_as_restored():
    W = np.random.default_rng(0).normal(scale=1e3, size=200)
    start, eps = W.copy(), 1e-6
    for i in range(W.size):
        W[i] += eps
        W[i] -= 2 * eps
        W[i] += eps
    assert not same(W, start, rtol=0, atol=1e-15)  # exact comparison rejects it
    assert _restored(W, start)
    W[3] = start[3] - eps  # left nudged
    assert not _restored(W, start)


@pytest.mark.parametrize("seed", [0, 606])
def test_gradient_error_accepts_the_textbook_restore(seed, capsys):
    gradient_error = _right("check_gradient_error", 1)["gradient_error"]
    C.check_gradient_error(gradient_error, seed=seed)
    assert capsys.readouterr().out.startswith("\u2713 gradient_error")


@pytest.mark.parametrize("index", [2, 6])
def test_gradient_error_on_its_own_copy_of_the_params_is_right(index, capsys):
    # The text asks for central differences of the cost and every parameter as it was: a copy does both.
    C.check_gradient_error(_right("check_gradient_error", index)["gradient_error"])
    assert capsys.readouterr().out.startswith("\u2713 gradient_error")


def test_gradient_error_is_graded_with_the_courses_earlier_parts(capsys):
    namespace = _right("check_gradient_error", 0)
    namespace["numerical_gradient"] = lambda loss, W, eps=1e-6: np.zeros_like(W)
    namespace["backward"] = lambda params, caches, delta: [(0 * W, 0 * b) for W, b in params]
    namespace["output_delta"] = lambda Y_hat, Y, kind: Y_hat
    namespace["cost"] = lambda Y_hat, Y, kind: 0.0
    C.check_gradient_error(namespace["gradient_error"])
    assert capsys.readouterr().out.startswith("\u2713 gradient_error")


@pytest.mark.parametrize("key", ["eps_ignored", "no_zero_guard", "not_restored", "forward_difference"])
def test_gradient_error_tries_eps_zero_gradients_and_the_restore(key):
    _fails_with("check_gradient_error", _wrong("check_gradient_error", key)["gradient_error"], key)


# --- numerical_gradient: restored, eps used, the loss sees the nudge ---------------------------------------


def test_numerical_gradient_accepts_the_textbook_restore(capsys):
    C.check_numerical_gradient(_right("check_numerical_gradient", 1)["numerical_gradient"])
    assert capsys.readouterr().out.startswith("\u2713 numerical_gradient")


def test_numerical_gradient_uses_the_eps_it_is_given():
    _fails_with(
        "check_numerical_gradient",
        _wrong("check_numerical_gradient", "eps_ignored")["numerical_gradient"],
        "eps_ignored",
    )


def test_numerical_gradient_must_put_w_back():
    failure = _fails_with(
        "check_numerical_gradient",
        _wrong("check_numerical_gradient", "not_restored")["numerical_gradient"],
        "not_restored",
    )
    assert "W is not the same after the call" in failure.message


def test_numerical_gradient_calls_the_loss_with_the_nudged_value():
    _fails_with(
        "check_numerical_gradient",
        _wrong("check_numerical_gradient", "nudge_unseen")["numerical_gradient"],
        "nudge_unseen",
    )


# --- train_step: in place, downhill, the loss before the update, the learning rate used ---------------------


@pytest.mark.parametrize(
    "key", ["new_arrays", "not_in_place", "uphill", "loss_after_update", "no_learning_rate", "fixed_learning_rate"]
)
def test_train_step_mistakes_are_named(key):
    _fails_with("check_train_step", _wrong("check_train_step", key)["train_step"], key)


def test_train_step_must_update_the_arrays_the_caller_holds():
    failure = _fails_with("check_train_step", _wrong("check_train_step", "new_arrays")["train_step"], "new_arrays")
    assert "network.parameters() did not change" in failure.message


# --- backward: any depth, and each mistake named ------------------------------------------------------------


@pytest.mark.parametrize("key", ["W_not_transposed", "no_slope", "reversed_order", "fixed_depth", "slope_at_A"])
def test_backward_mistakes_are_named(key):
    _fails_with("check_backward", _wrong("check_backward", key)["backward"], key)


def test_backward_is_graded_with_the_courses_dense_backward(capsys):
    namespace = load(
        """
        def dense_backward(X, W, grad_z):
            return X.T @ grad_z / len(X), grad_z.mean(axis=0), grad_z @ W.T

        def backward(params, caches, delta_output):
            grads = [None] * len(params)
            delta = delta_output
            for layer in reversed(range(len(params))):
                grad_W, grad_b, grad_A = dense_backward(caches[layer][0], params[layer][0], delta)
                grads[layer] = (grad_W, grad_b)
                if layer:
                    f, f_prime = ACTIVATIONS[caches[layer - 1][2]]
                    delta = grad_A * f_prime(caches[layer - 1][1], None)
            return grads
        """
    )
    C.check_backward(namespace["backward"])
    assert capsys.readouterr().out.startswith("\u2713 backward")
    assert "ACTIVATIONS" not in namespace  # the course's names are put back as they were


# --- Slips of real learners' code, each named -------------------------------------------------------


def test_backward_with_the_sigmoids_slope_for_every_layer_is_named():
    namespace = load(
        """
        import numpy as np

        def sigmoid_prime(z):
            s = 1 / (1 + np.exp(-z))
            return s * (1 - s)

        def backward(params, caches, delta_output):
            grads = [None] * len(params)
            delta = delta_output
            for layer in reversed(range(len(params))):
                grads[layer] = (caches[layer][0].T @ delta, delta.sum(axis=0))
                if layer:
                    delta = (delta @ params[layer][0].T) * sigmoid_prime(caches[layer - 1][1])
            return grads
        """
    )
    failure = _fails_with("check_backward", namespace["backward"], "sigmoid_everywhere")
    assert failure.mistakes == ("sigmoid_everywhere",), str(failure)


@pytest.mark.parametrize(
    "second, key",
    [
        ("W[idx] -= eps\n        minus = loss()", "back_to_start"),  # back at w, not at w - eps
        ("W[idx] -= 2 * eps\n        minus = loss()\n        W[idx] += eps\n        plus = minus", None),
    ],
)
def test_numerical_gradient_that_steps_back_to_the_start_is_named(second, key):
    namespace = load(
        f"""
import numpy as np

def numerical_gradient(loss, W, eps=1e-6):
    grad = np.zeros_like(W)
    for idx in np.ndindex(W.shape):
        W[idx] += eps
        plus = loss()
        {second}
        grad[idx] = (plus - minus) / (2 * eps)
    return grad
"""
    )
    with pytest.raises(CheckFailed) as info:
        C.check_numerical_gradient(namespace["numerical_gradient"])
    if key is not None:
        assert info.value.mistakes == (key,), str(info.value)
    else:
        assert "back_to_start" not in info.value.mistakes, str(info.value)


def test_a_backward_difference_is_named_as_one_sided():
    namespace = load(
        """
        import numpy as np

        def numerical_gradient(loss, W, eps=1e-6):
            grad, base = np.zeros_like(W), loss()
            for idx in np.ndindex(W.shape):
                old = W[idx]
                W[idx] = old - eps
                grad[idx] = (base - loss()) / eps
                W[idx] = old
            return grad
        """
    )
    _fails_with("check_numerical_gradient", namespace["numerical_gradient"], "forward_difference")
