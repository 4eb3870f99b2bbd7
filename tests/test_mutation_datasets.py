"""Data sets: the geometry of each generated problem without noise, its defaults, class balance, the noise's
size, the smallest allowed sizes, every error message; the real data sets' names and texts; the helpers at
their boundaries."""

import numpy as np
import pytest

from annlib import datasets as ds

N = 1000  # large enough that the extremes of a uniform draw come close to its bounds


def residual(make, *args, **kwargs):
    """The noise a generator adds: its output minus the same draw (same seed) without noise."""
    noisy, _ = make(*args, rng=3, **kwargs)
    kwargs["noise" if make is not ds.blobs else "spread"] = 0.0
    clean, _ = make(*args, rng=3, **kwargs)
    return noisy - clean


# --- the smallest sizes, whole-number checks and messages naming the generator ------------------------------


@pytest.mark.parametrize("make", [ds.xor, ds.blobs, ds.spirals], ids=lambda f: f.__name__)
def test_one_sample_is_enough_where_one_class_is_allowed(make):
    X, y = make(1, rng=0)
    assert X.shape == (1, 2) and y.shape == (1,)
    if make is not ds.xor:
        assert y.tolist() == [0]


def test_regression_1d_takes_one_sample():
    X, y = ds.regression_1d(1, rng=0)
    assert X.shape == y.shape == (1, 1)


@pytest.mark.parametrize("make", [ds.moons, ds.circles], ids=lambda f: f.__name__)
def test_two_class_problems_need_two_samples(make):
    X, y = make(2, rng=0)
    assert X.shape == (2, 2) and y.tolist() == [0, 1]
    with pytest.raises(ValueError, match=rf"^{make.__name__}: n_samples must be >= 2, got 1$"):
        make(1)


@pytest.mark.parametrize(
    "make", [ds.xor, ds.blobs, ds.moons, ds.circles, ds.spirals, ds.regression_1d], ids=lambda f: f.__name__
)
def test_generators_check_their_arguments_by_name(make):
    name = make.__name__
    with pytest.raises(ValueError, match=rf"^{name}: n_samples must be > 0, got 0$"):
        make(0)
    with pytest.raises(TypeError, match=rf"^{name}: n_samples must be a whole number, got 10\.0$"):
        make(10.0)
    with pytest.raises(TypeError, match=rf"^{name}: rng must be a seed \(int\) or a numpy Generator, got str$"):
        make(10, rng="seed")
    if make is not ds.blobs:
        with pytest.raises(ValueError, match=rf"^{name}: noise must be >= 0, got -0\.5$"):
            make(10, noise=-0.5)
        with pytest.raises(TypeError, match=rf"^{name}: noise must be a number, got '0\.1'$"):
            make(10, noise="0.1")
        make(10, noise=0.0, rng=0)  # no noise is allowed


@pytest.mark.parametrize("make", [ds.blobs, ds.spirals], ids=lambda f: f.__name__)
def test_n_classes_is_a_positive_whole_number(make):
    name = make.__name__
    with pytest.raises(ValueError, match=rf"^{name}: n_classes must be > 0, got 0$"):
        make(10, n_classes=0)
    with pytest.raises(TypeError, match=rf"^{name}: n_classes must be a whole number, got 2\.0$"):
        make(10, n_classes=2.0)
    X, y = make(7, n_classes=1, rng=0)
    assert y.tolist() == [0] * 7


def test_blobs_spread_messages():
    with pytest.raises(ValueError, match=r"^blobs: spread must be >= 0, got -1$"):
        ds.blobs(10, spread=-1)
    with pytest.raises(TypeError, match=r"^blobs: spread must be a number, got None$"):
        ds.blobs(10, spread=None)
    ds.blobs(10, spread=0, rng=0)


# --- defaults, said in the signatures and docstrings -----------------------------------------------------------


def test_default_sizes_and_classes():
    assert ds.xor(rng=0)[0].shape == (200, 2)
    X, y = ds.blobs(rng=0)
    assert X.shape == (200, 2) and np.bincount(y).tolist() == [67, 67, 66]
    assert ds.moons(rng=0)[0].shape == (200, 2)
    assert ds.circles(rng=0)[0].shape == (200, 2)
    X, y = ds.spirals(rng=0)
    assert X.shape == (300, 2) and np.bincount(y).tolist() == [150, 150]
    X, y = ds.regression_1d(rng=0)
    assert X.shape == y.shape == (100, 1)


@pytest.mark.parametrize(
    ("make", "explicit"),
    [
        (ds.xor, {"noise": 0.1}),
        (ds.blobs, {"n_classes": 3, "spread": 0.6}),
        (ds.moons, {"noise": 0.1}),
        (ds.circles, {"noise": 0.05, "factor": 0.5}),
        (ds.spirals, {"n_classes": 2, "noise": 0.1, "turns": 1.5}),
        (ds.regression_1d, {"noise": 0.1, "low": -3.0, "high": 3.0}),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_defaults_are_the_documented_values(make, explicit):
    X, y = make(50, rng=4)
    X2, y2 = make(50, rng=4, **explicit)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)


@pytest.mark.parametrize(
    ("make", "default"),
    [(ds.xor, 0.1), (ds.blobs, 0.6), (ds.moons, 0.1), (ds.circles, 0.05), (ds.spirals, 0.1)],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_noise_is_centred_gaussian_of_the_documented_size(make, default):
    # The noise is drawn after the points, so the same seed without noise gives the same points: the
    # difference is the noise alone, default * (noise of size 1), of mean about 0 and std about `default`.
    noise = residual(make, 4000)
    assert noise.shape == (4000, 2)
    assert np.abs(noise.mean(axis=0)).max() < 0.1 * default
    np.testing.assert_allclose(noise.std(axis=0), default, rtol=0.05)
    key = "spread" if make is ds.blobs else "noise"
    np.testing.assert_allclose(noise, default * residual(make, 4000, **{key: 1.0}), rtol=1e-9, atol=1e-12)


def test_regression_noise_is_centred_gaussian_of_the_documented_size():
    X, y = ds.regression_1d(4000, rng=3)
    X0, y0 = ds.regression_1d(4000, noise=0.0, rng=3)
    np.testing.assert_array_equal(X, X0)  # the noise goes to y only
    noise = (y - y0)[:, 0]
    assert abs(noise.mean()) < 0.01
    assert noise.std() == pytest.approx(0.1, rel=0.05)


# --- the geometry of each problem, without noise -------------------------------------------------------------


def test_xor_points_sit_on_all_four_corners():
    X, y = ds.xor(N, noise=0.0, rng=1)
    corners = {tuple(p) for p in X.tolist()}
    assert corners == {(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)}
    np.testing.assert_array_equal(y, (X[:, 0] != X[:, 1]).astype(int))
    assert 0.4 < y.mean() < 0.6


def test_blobs_centres_are_evenly_spaced_on_a_circle_of_radius_2():
    X, y = ds.blobs(8, n_classes=4, spread=0.0, rng=0)
    assert y.tolist() == [0, 1, 2, 3, 0, 1, 2, 3]  # classes take turns: balanced to one example
    np.testing.assert_allclose(X[:4], [[2, 0], [0, 2], [-2, 0], [0, -2]], atol=1e-12)
    np.testing.assert_array_equal(X[4:], X[:4])


def test_moons_are_two_interleaving_half_circles():
    X, y = ds.moons(N, noise=0.0, rng=2)
    assert y.tolist() == [0, 1] * (N // 2)
    upper, lower = X[y == 0], X[y == 1]
    # label 0: the upper half of the unit circle, angles from 0 to pi
    np.testing.assert_allclose(np.hypot(upper[:, 0], upper[:, 1]), 1.0)
    t = np.arctan2(upper[:, 1], upper[:, 0])
    assert t.min() >= 0 and t.max() <= np.pi and t.min() < 0.05 and t.max() > np.pi - 0.05
    # label 1: the lower half of the unit circle centred at (1, 0.5)
    np.testing.assert_allclose(np.hypot(lower[:, 0] - 1.0, lower[:, 1] - 0.5), 1.0)
    s = np.arctan2(0.5 - lower[:, 1], 1.0 - lower[:, 0])
    assert s.min() >= 0 and s.max() <= np.pi and s.min() < 0.05 and s.max() > np.pi - 0.05


def test_circles_radii_and_uniform_angles():
    X, y = ds.circles(N, noise=0.0, factor=0.3, rng=3)
    assert y.tolist() == [0, 1] * (N // 2)
    radius = np.hypot(X[:, 0], X[:, 1])
    np.testing.assert_allclose(radius[y == 0], 1.0)
    np.testing.assert_allclose(radius[y == 1], 0.3)
    angle = np.arctan2(X[:, 1], X[:, 0])  # in (-pi, pi]: each half of the circle holds about half the points
    assert 0.45 < np.mean(angle > 0) < 0.55
    assert np.histogram(angle, bins=4, range=(-np.pi, np.pi))[0].min() > 0.2 * N


@pytest.mark.parametrize("factor", [0, 1, -0.5, 1.5])
def test_circles_factor_must_lie_strictly_between_0_and_1(factor):
    with pytest.raises(ValueError, match=rf"^circles: factor must be between 0 and 1, got {factor!r}$"):
        ds.circles(10, factor=factor)


def test_circles_factor_close_to_its_bounds():
    for factor in (1e-9, 1 - 1e-9):
        X, y = ds.circles(4, noise=0.0, factor=factor, rng=0)
        np.testing.assert_allclose(np.hypot(X[1::2, 0], X[1::2, 1]), factor)


@pytest.mark.parametrize(("n_classes", "turns"), [(2, 1.5), (3, 0.75)])
def test_spirals_angle_grows_with_radius(n_classes, turns):
    # Without noise each point is 2 r (cos a, sin a) with r uniform in [0.1, 1] and
    # a = 2 pi (turns r + class / n_classes).
    X, y = ds.spirals(N, n_classes=n_classes, noise=0.0, turns=turns, rng=5)
    assert y.tolist() == [i % n_classes for i in range(N)]
    r = np.hypot(X[:, 0], X[:, 1]) / 2.0
    assert r.min() >= 0.1 and r.max() <= 1.0 and r.min() < 0.11 and r.max() > 0.99
    a = 2 * np.pi * (turns * r + y / n_classes)
    np.testing.assert_allclose(X, 2.0 * r[:, None] * np.column_stack([np.cos(a), np.sin(a)]), atol=1e-12)


def test_regression_1d_range_and_order():
    X, y = ds.regression_1d(N, noise=0.0, rng=6)
    x = X[:, 0]
    assert np.all(np.diff(x) >= 0)
    assert -3.0 <= x[0] < -2.95 and 2.95 < x[-1] <= 3.0
    X, y = ds.regression_1d(N, noise=0.0, low=1.0, high=2.0, function=lambda x: 3 * x, rng=6)
    assert 1.0 <= X.min() < 1.01 and 1.99 < X.max() <= 2.0
    np.testing.assert_allclose(y, 3 * X)
    assert y.dtype == np.float64


def test_regression_1d_casts_the_curve_to_float():
    # a curve computed with Python numbers (an object array, as a SymPy expression turned into a function
    # gives) still comes back as float64
    X, y = ds.regression_1d(20, noise=0.0, function=lambda x: x.astype(object) ** 2, rng=0)
    assert y.dtype == np.float64
    np.testing.assert_allclose(y, X**2)


@pytest.mark.parametrize(("low", "high"), [(1.0, 1.0), (2.0, -2.0)])
def test_regression_1d_needs_low_below_high(low, high):
    message = rf"^regression_1d: need low < high, got low={low!r}, high={high!r}$"
    with pytest.raises(ValueError, match=message):
        ds.regression_1d(10, low=low, high=high)


# --- the real data sets ---------------------------------------------------------------------------------------


def test_digits_names_and_text():
    data = ds.load_digits()
    X, y = data
    assert X is data.X and y is data.y
    assert X.dtype == np.float64 and y.dtype.kind == "i"
    assert data.feature_names[:3] == ["pixel_0_0", "pixel_0_1", "pixel_0_2"]
    assert data.feature_names[8] == "pixel_1_0" and data.feature_names[-1] == "pixel_7_7"
    assert len(data.feature_names) == 64 and len(set(data.feature_names)) == 64
    assert data.target_names == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
    assert data.description == (
        "Optical Recognition of Handwritten Digits (E. Alpaydin, C. Kaynak, 1998), UCI Machine "
        "Learning Repository, CC BY 4.0. Each 8x8 image counts the 'on' pixels of a 32x32 bitmap "
        "in 4x4 blocks, so each value is 0..16."
    )
    assert "description" not in repr(data) and "feature_names" in repr(data)
    # the label is the 65th column: whole numbers, and the pixels alone never reach 17
    assert np.all(X == np.round(X)) and set(np.unique(X).tolist()) <= set(range(17))


def test_diabetes_names_and_text():
    data = ds.load_diabetes()
    assert data.y.shape == (442, 1) and data.X.dtype == np.float64
    assert data.feature_names == ["age", "sex", "bmi", "bp", "s1_tc", "s2_ldl", "s3_hdl", "s4_tch", "s5_ltg", "s6_glu"]
    assert data.target_names == ["disease_progression"]
    assert data.description == (
        "Diabetes data of Efron, Hastie, Johnstone and Tibshirani (2004), 'Least Angle Regression', "
        "Annals of Statistics 32(2); as distributed with scikit-learn (BSD-3-Clause)."
    )
    assert set(np.unique(data.X[:, 1]).tolist()) == {1.0, 2.0}  # sex, as the docstring says
    X, y = data
    assert X is data.X and y is data.y


# --- one_hot ------------------------------------------------------------------------------------------------


def test_one_hot_boundaries():
    np.testing.assert_array_equal(ds.one_hot([0, 1, 1]), [[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    np.testing.assert_array_equal(ds.one_hot(np.array([2]), n_classes=3), [[0.0, 0.0, 1.0]])
    assert ds.one_hot(np.array([0])).tolist() == [[1.0]]
    assert ds.one_hot(np.array([], dtype=int), n_classes=3).shape == (0, 3)
    with pytest.raises(ValueError, match=r"^one_hot: label 3 does not fit n_classes=3$"):
        ds.one_hot(np.array([0, 3]), n_classes=3)
    with pytest.raises(ValueError, match=r"^one_hot: labels must be >= 0, got -1$"):
        ds.one_hot(np.array([2, -1, 0]))
    message = r"^one_hot: labels must be a 1-D array of whole numbers, got shape \(1, 2\) and dtype int64$"
    with pytest.raises(ValueError, match=message):
        ds.one_hot(np.array([[0, 1]], dtype=np.int64))
    with pytest.raises(ValueError, match=r"got shape \(2,\) and dtype float64$"):
        ds.one_hot(np.array([0.0, 1.0]))


# --- train_test_split -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("test_fraction", "n_test"), [(0.01, 1), (0.05, 1), (0.15, 2), (0.25, 2), (0.29, 3), (0.5, 5), (0.99, 10)]
)
def test_split_sizes_round_to_nearest_with_at_least_one(test_fraction, n_test):
    X, y = np.arange(20.0).reshape(10, 2), np.arange(10)
    X_train, X_test, y_train, y_test = ds.train_test_split(X, y, test_fraction, rng=0)
    assert len(X_test) == len(y_test) == n_test and len(X_train) == len(y_train) == 10 - n_test
    assert sorted(np.concatenate([y_train, y_test]).tolist()) == list(range(10))
    np.testing.assert_array_equal(X_test[:, 0] / 2, y_test)


def test_split_default_fraction_and_shuffle():
    X, y = np.arange(100), np.arange(100)
    X_train, X_test, y_train, y_test = ds.train_test_split(X, y, rng=0)
    assert len(X_test) == 25
    assert X_test.tolist() != sorted(X_test.tolist()) and X_train.tolist() != sorted(X_train.tolist())
    again = ds.train_test_split(X, y, rng=0)
    np.testing.assert_array_equal(again[1], X_test)
    assert not np.array_equal(ds.train_test_split(X, y, rng=1)[1], X_test)


@pytest.mark.parametrize("test_fraction", [0, 1, 0.0, 1.0, -0.1, 1.5])
def test_split_fraction_must_lie_strictly_between_0_and_1(test_fraction):
    message = rf"^train_test_split: test_fraction must be between 0 and 1, got {test_fraction!r}$"
    with pytest.raises(ValueError, match=message):
        ds.train_test_split(np.arange(10), np.arange(10), test_fraction)


def test_split_messages():
    with pytest.raises(ValueError, match=r"^train_test_split: X has 4 rows but y has 5$"):
        ds.train_test_split(np.zeros((4, 2)), np.zeros(5))
    with pytest.raises(TypeError, match=r"^train_test_split: rng must be a seed"):
        ds.train_test_split(np.zeros(4), np.zeros(4), rng=1.5)


# --- Standardizer -------------------------------------------------------------------------------------------------


def test_standardizer_by_hand():
    # columns (1, 3, 5): mean 3, std sqrt(8/3); (2, 2, 2): constant, std taken as 1;
    # (0, 0.3, 0.6): mean 0.3, std sqrt(0.06) < 1, kept as it is
    X = np.array([[1.0, 2.0, 0.0], [3.0, 2.0, 0.3], [5.0, 2.0, 0.6]])
    s, t = np.sqrt(8 / 3), np.sqrt(0.06)
    scaler = ds.Standardizer()
    assert scaler.fit(X) is scaler
    np.testing.assert_allclose(scaler.mean, [3.0, 2.0, 0.3])
    np.testing.assert_allclose(scaler.std, [s, 1.0, t])
    np.testing.assert_allclose(scaler.transform([[4.0, 5.0, 0.9]]), [[1 / s, 3.0, 0.6 / t]])
    np.testing.assert_allclose(scaler.inverse_transform([[1.0, 1.0, 1.0]]), [[3.0 + s, 3.0, 0.3 + t]])
    expected = [[-2 / s, 0.0, -0.3 / t], [0.0, 0.0, 0.0], [2 / s, 0.0, 0.3 / t]]
    np.testing.assert_allclose(ds.Standardizer().fit_transform(X), expected, atol=1e-12)
    Z = ds.Standardizer().fit_transform(np.array([[1.0], [2.0], [4.0], [9.0]]))
    assert Z.mean() == pytest.approx(0.0, abs=1e-12) and Z.std() == pytest.approx(1.0)


def test_standardizer_messages():
    with pytest.raises(ValueError, match=r"^Standardizer\.inverse_transform: call fit\(X_train\) first$"):
        ds.Standardizer().inverse_transform([[1.0]])
    with pytest.raises(ValueError, match=r"^Standardizer\.transform: call fit\(X_train\) first$"):
        ds.Standardizer().transform([[1.0]])
    message = r"^Standardizer\.fit: X has shape \(3,\), expected a 2-D array \(n_samples, n_features\)$"
    with pytest.raises(ValueError, match=message):
        ds.Standardizer().fit([1.0, 2.0, 3.0])
    scaler = ds.Standardizer().fit([[1.0, 2.0], [3.0, 4.0]])
    message = r"^Standardizer\.inverse_transform: X has shape \(1, 3\), expected \(any, 2\)$"
    with pytest.raises(ValueError, match=message):
        scaler.inverse_transform([[1.0, 2.0, 3.0]])
    with pytest.raises(ValueError, match=r"^Standardizer\.transform: X has shape \(2,\), expected a 2-D array"):
        scaler.transform([1.0, 2.0])
    with pytest.raises(ValueError, match=r"^Standardizer\.fit: X contains NaN at index \(0, 1\)"):
        ds.Standardizer().fit([[1.0, np.nan]])


def test_one_hot_of_no_labels_needs_n_classes():
    with pytest.raises(ValueError, match="one_hot: no labels to count the classes from"):
        ds.one_hot(np.array([], dtype=int))
    assert ds.one_hot(np.array([], dtype=int), n_classes=3).shape == (0, 3)
