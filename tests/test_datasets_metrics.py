"""Generated and real data sets, preprocessing helpers, metrics."""

import numpy as np
import pytest

from annlib import datasets as ds
from annlib import metrics

GENERATORS = [ds.xor, ds.blobs, ds.moons, ds.circles, ds.spirals]


@pytest.mark.parametrize("make", GENERATORS, ids=lambda f: f.__name__)
def test_classification_generators_shapes_and_seeds(make):
    X, y = make(101, rng=5)
    assert X.shape == (101, 2) and y.shape == (101,) and y.dtype.kind == "i"
    X2, y2 = make(101, rng=np.random.default_rng(5))
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)
    assert not np.array_equal(X, make(101, rng=6)[0])
    assert len(np.unique(y)) >= 2


def test_xor_labels_follow_the_corners():
    X, y = ds.xor(400, noise=0.0, rng=0)
    np.testing.assert_array_equal(y, (X[:, 0].round().astype(int) ^ X[:, 1].round().astype(int)))


def test_regression_1d():
    X, y = ds.regression_1d(50, noise=0.0, rng=0)
    assert X.shape == y.shape == (50, 1)
    assert np.all(np.diff(X[:, 0]) >= 0)
    np.testing.assert_allclose(y, np.sin(X))
    X, y = ds.regression_1d(10, noise=0.0, function=lambda x: x**2, rng=0)
    np.testing.assert_allclose(y, X**2)


def test_generator_bad_input():
    with pytest.raises(ValueError, match="xor: n_samples must be > 0, got 0"):
        ds.xor(0)
    with pytest.raises(ValueError, match="moons: noise must be >= 0, got -1"):
        ds.moons(10, noise=-1)
    with pytest.raises(ValueError, match="circles: factor must be between 0 and 1"):
        ds.circles(10, factor=2)
    with pytest.raises(TypeError, match="blobs: n_classes must be a whole number"):
        ds.blobs(10, n_classes=2.5)


def test_load_digits():
    data = ds.load_digits()
    X, y = data
    assert X.shape == (1797, 64) and y.shape == (1797,)
    assert X.min() == 0 and X.max() == 16
    assert sorted(np.unique(y)) == list(range(10))
    assert np.bincount(y).min() >= 170
    assert "CC BY 4.0" in data.description and data.target_names[3] == "3"


def test_load_diabetes():
    data = ds.load_diabetes()
    assert data.X.shape == (442, 10) and data.y.shape == (442, 1)
    assert data.feature_names[:4] == ["age", "sex", "bmi", "bp"]
    assert 19 <= data.X[:, 0].min() and data.X[:, 0].max() <= 79  # ages in years
    assert 25 <= data.y.min() and data.y.max() <= 346
    assert "Efron" in data.description


def test_one_hot_split_and_standardizer():
    np.testing.assert_array_equal(ds.one_hot(np.array([0, 2, 1])), np.eye(3)[[0, 2, 1]])
    assert ds.one_hot(np.array([1]), n_classes=4).shape == (1, 4)
    with pytest.raises(ValueError, match="one_hot: labels must be a 1-D array of whole numbers"):
        ds.one_hot(np.array([0.5, 1.0]))
    with pytest.raises(ValueError, match="one_hot: label 5 does not fit n_classes=3"):
        ds.one_hot(np.array([5]), n_classes=3)
    X, y = np.arange(20.0).reshape(10, 2), np.arange(10)
    X_train, X_test, y_train, y_test = ds.train_test_split(X, y, 0.3, rng=0)
    assert len(X_test) == 3 and len(X_train) == 7
    assert sorted(np.concatenate([y_train, y_test])) == list(range(10))
    np.testing.assert_array_equal(X_train[:, 0] / 2, y_train)
    with pytest.raises(ValueError, match="train_test_split: X has 10 rows but y has 9"):
        ds.train_test_split(X, y[:9])
    scaler = ds.Standardizer().fit(np.array([[1.0, 5.0], [3.0, 5.0]]))
    np.testing.assert_allclose(scaler.transform(np.array([[2.0, 5.0]])), [[0.0, 0.0]])
    np.testing.assert_allclose(scaler.inverse_transform(scaler.transform([[3.0, 5.0]])), [[3.0, 5.0]])
    with pytest.raises(ValueError, match="Standardizer.transform: call fit"):
        ds.Standardizer().transform([[1.0]])
    with pytest.raises(ValueError, match=r"Standardizer.transform: X has shape \(1, 3\), expected \(any, 2\)"):
        scaler.transform([[1.0, 2.0, 3.0]])


def test_metrics():
    probs = np.array([[0.8, 0.2], [0.3, 0.7], [0.6, 0.4]])
    assert metrics.accuracy(probs, np.array([0, 1, 1])) == pytest.approx(2 / 3)
    assert metrics.accuracy(np.array([[0.9], [0.2]]), np.array([[1.0], [0.0]])) == 1.0
    cm = metrics.confusion_matrix(probs, np.array([0, 1, 1]))
    np.testing.assert_array_equal(cm, [[1, 0], [1, 1]])
    assert metrics.mean_absolute_error([[1.0], [3.0]], [[2.0], [3.0]]) == 0.5
    assert metrics.root_mean_squared_error([[1.0], [3.0]], [[3.0], [3.0]]) == pytest.approx(np.sqrt(2))
    with pytest.raises(ValueError, match="accuracy: 3 predictions but 2 true labels"):
        metrics.accuracy(probs, np.array([0, 1]))
