"""Optimizers: behaviour that mutation testing found unpinned (defaults, exact first steps, names in messages)."""

import numpy as np
import pytest

from annlib.optimizers import SGD, Adam, Momentum, Optimizer, get_optimizer


def test_reprs_show_the_settings():
    assert repr(SGD(0.1)) == "SGD(learning_rate=0.1)"
    assert repr(Momentum(0.1)) == "Momentum(learning_rate=0.1, momentum=0.9)"
    assert repr(Momentum(0.25, momentum=0.5)) == "Momentum(learning_rate=0.25, momentum=0.5)"
    assert repr(Adam()) == "Adam(learning_rate=0.001)"


def test_momentum_defaults_to_0_9():
    # v1 = -0.1 * 1 = -0.1; v2 = 0.9 * v1 - 0.1 = -0.19; w = v1 + v2 = -0.29 (by hand)
    w = np.array([0.0])
    opt = Momentum(0.1)
    opt.step([w], [np.array([1.0])])
    opt.step([w], [np.array([1.0])])
    np.testing.assert_allclose(w, [-0.29], rtol=1e-12)


def test_adam_defaults_and_its_eps():
    # First step: m_hat = g, sqrt(v_hat) = |g|, so w moves by 0.001 * g / (|g| + 1e-8). With g = 1e-8 the
    # eps is half the denominator: the step is 0.001 / 2 (by hand).
    opt = Adam()
    assert (opt.learning_rate, opt.beta1, opt.beta2, opt.eps) == (0.001, 0.9, 0.999, 1e-8)
    w = np.array([0.0])
    opt.step([w], [np.array([1e-8])])
    np.testing.assert_allclose(w, [-0.0005], rtol=1e-9)


def test_adam_second_step_by_hand():
    # g = 1 then g = 3, learning rate 0.1, betas 0.5 and 0.75, eps tiny:
    # t=1: m = 0.5, v = 0.25, m_hat = 1, v_hat = 1        -> step 0.1
    # t=2: m = 1.75, v = 2.4375, m_hat = 1.75/0.75 = 7/3, v_hat = 2.4375/0.4375 = 39/7 -> step 0.1*(7/3)/sqrt(39/7)
    opt = Adam(0.1, beta1=0.5, beta2=0.75, eps=1e-300)
    w = np.array([0.0])
    opt.step([w], [np.array([1.0])])
    np.testing.assert_allclose(w, [-0.1], rtol=1e-12)
    opt.step([w], [np.array([3.0])])
    np.testing.assert_allclose(w, [-0.1 - 0.1 * (7 / 3) / np.sqrt(39 / 7)], rtol=1e-12)


def test_adam_reset_starts_the_step_count_again():
    opt = Adam(0.01)
    w = np.array([0.0])
    for _ in range(3):
        opt.step([w], [np.array([2.0])])
    opt.reset()
    assert opt.state is None and opt.t == 0
    w = np.array([0.0])
    opt.step([w], [np.array([-5.0])])  # a first step again: size learning_rate
    np.testing.assert_allclose(w, [0.01], rtol=1e-6)


def test_every_parameter_array_is_updated():
    for opt in (SGD(0.1), Momentum(0.1), Adam(0.1)):
        params = [np.array([1.0, 2.0]), np.array([[3.0]])]
        opt.step(params, [np.array([1.0, 1.0]), np.array([[1.0]])])
        assert params[0][1] < 2.0 and params[1][0, 0] < 3.0, opt


def test_get_optimizer_defaults_and_names():
    assert type(get_optimizer("sgd")) is SGD and get_optimizer("sgd").learning_rate == 0.1
    assert type(get_optimizer("gradient_descent")) is SGD
    assert type(get_optimizer("momentum")) is Momentum and get_optimizer("momentum").learning_rate == 0.1
    assert type(get_optimizer("adam")) is Adam and get_optimizer("adam").learning_rate == 0.001
    assert get_optimizer("adam", 0.5).learning_rate == 0.5
    given = Momentum(0.2)
    assert get_optimizer(given) is given


@pytest.mark.parametrize(
    "make, error, message",
    [
        (
            lambda: get_optimizer("rmsprop"),
            ValueError,
            r"^get_optimizer: unknown optimizer 'rmsprop'; "
            r"choose one of 'sgd', 'gradient_descent', 'momentum', 'adam'$",
        ),
        (lambda: get_optimizer(3, caller="fit"), ValueError, r"^fit: unknown optimizer 3;"),
        (lambda: Adam(beta1=1.0), ValueError, r"^Adam: beta1 must be in \[0, 1\), got 1.0$"),
        (lambda: Adam(beta2=-0.5), ValueError, r"^Adam: beta2 must be in \[0, 1\), got -0.5$"),
        (lambda: Adam(eps=0.0), ValueError, r"^Adam: eps must be > 0, got 0.0$"),
        (lambda: Momentum(0.1, momentum="0.9"), TypeError, r"^Momentum: momentum must be a number"),
        (
            lambda: SGD(0.1).step([np.zeros(2), np.zeros(1)], [np.zeros(2)]),
            ValueError,
            r"^SGD.step: 2 parameters but 1 gradients$",
        ),
        (
            lambda: Adam(0.1).step([np.zeros(2), np.zeros(1)], [np.zeros(2), np.zeros(2)]),
            ValueError,
            r"^Adam.step: gradient 1 has shape \(2,\), expected \(1,\) like its parameter$",
        ),
        (
            lambda: Optimizer(0.1).step([np.zeros(1)], [np.zeros(1)]),
            NotImplementedError,
            r"^Optimizer.update: an optimizer must define its update rule$",
        ),
    ],
)
def test_bad_settings_are_named(make, error, message):
    with pytest.raises(error, match=message):
        make()
