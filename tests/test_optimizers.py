"""Optimizers: the update rules, their state, and bad input."""

import numpy as np
import pytest

from annlib.optimizers import SGD, Adam, GradientDescent, Momentum, get_optimizer


def test_sgd_is_w_minus_learning_rate_times_gradient():
    w, g = np.array([1.0, -2.0]), np.array([0.5, 0.5])
    SGD(0.1).step([w], [g])
    np.testing.assert_allclose(w, [0.95, -2.05])
    assert GradientDescent is SGD


def test_momentum_accumulates_velocity():
    w, g = np.array([0.0]), np.array([1.0])
    opt = Momentum(0.1, momentum=0.5)
    opt.step([w], [g])  # v = -0.1
    opt.step([w], [g])  # v = -0.05 - 0.1 = -0.15
    np.testing.assert_allclose(w, [-0.25])
    opt.reset()
    assert opt.state is None


def test_adam_first_step_has_size_learning_rate():
    # With bias correction, Adam's first step moves every weight by about the learning rate.
    w = np.array([1.0, 1.0, 1.0])
    Adam(0.01).step([w], [np.array([1e-3, 5.0, -20.0])])
    np.testing.assert_allclose(w, [0.99, 0.99, 1.01], rtol=1e-6)


def test_adam_matches_textbook_formula():
    rng = np.random.default_rng(0)
    w = rng.normal(size=3)
    w_ref, m, v = w.copy(), np.zeros(3), np.zeros(3)
    opt = Adam(0.05)
    for t in range(1, 6):
        g = rng.normal(size=3)
        opt.step([w], [g])
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        m_hat, v_hat = m / (1 - 0.9**t), v / (1 - 0.999**t)
        w_ref -= 0.05 * m_hat / (np.sqrt(v_hat) + 1e-8)
    np.testing.assert_allclose(w, w_ref, rtol=1e-12)


def test_optimizer_minimises_a_quadratic():
    for opt in (SGD(0.1), Momentum(0.05), Adam(0.1)):
        w = np.array([3.0, -4.0])
        for _ in range(500):
            opt.step([w], [2 * w])
        assert np.linalg.norm(w) < 1e-3, opt


def test_bad_learning_rates_and_shapes():
    with pytest.raises(ValueError, match=r"^SGD: learning_rate must be > 0, got -0.1$"):
        SGD(-0.1)
    with pytest.raises(ValueError, match="Adam: learning_rate must be > 0, got 0"):
        Adam(0)
    with pytest.raises(TypeError, match="Momentum: learning_rate must be a number, got '0.1'"):
        Momentum("0.1")
    with pytest.raises(ValueError, match="learning_rate must be > 0, got nan"):
        SGD(float("nan"))
    with pytest.raises(ValueError, match=r"Momentum: momentum must be in \[0, 1\), got 1.5"):
        Momentum(0.1, momentum=1.5)
    with pytest.raises(ValueError, match=r"SGD.step: gradient 0 has shape \(3,\), expected \(2,\)"):
        SGD(0.1).step([np.zeros(2)], [np.zeros(3)])
    with pytest.raises(ValueError, match="unknown optimizer 'rmsprop'"):
        get_optimizer("rmsprop")
    assert isinstance(get_optimizer("adam"), Adam)
    assert get_optimizer("sgd", 0.5).learning_rate == 0.5
