"""Data to learn from: small generated problems and two real data sets (lessons 02, 07 and 08).

Generated problems take a seed or a numpy Generator (`rng`), so every run gives the same points:

    xor, blobs, moons, circles, spirals      2-D classification: X (n_samples, 2), y (n_samples,) ints
    regression_1d                            a noisy curve: X (n_samples, 1), y (n_samples, 1)

Real data, shipped inside the package and read offline (sources and licenses in annlib/data/SOURCES.md):

    load_digits()     1,797 handwritten digits, 8x8 pixels in 0..16, labels 0..9   (classification)
    load_diabetes()   442 patients, 10 baseline measurements, disease progression   (regression)

Helpers to prepare data for a network: `one_hot`, `train_test_split`, `Standardizer`.
"""

import gzip
from dataclasses import dataclass, field
from importlib import resources

import numpy as np

from annlib._validation import as_float_array, check_positive, make_rng


@dataclass
class Dataset:
    """A real data set: X (n_samples, n_features), y, and what the columns and labels mean."""

    X: np.ndarray
    y: np.ndarray
    feature_names: list
    target_names: list
    description: str = field(repr=False)

    def __iter__(self):  # so that `X, y = load_digits()` works
        return iter((self.X, self.y))


def _check_count(n_samples, caller, minimum=1):
    check_positive(n_samples, caller=caller, name="n_samples", integer=True)
    if n_samples < minimum:
        raise ValueError(f"{caller}: n_samples must be >= {minimum}, got {n_samples}")


def _check_noise(noise, caller):
    return check_positive(noise, caller=caller, name="noise", allow_zero=True)


def xor(n_samples=200, noise=0.1, *, rng=None):
    """Points around the four corners of the unit square; label 1 where exactly one coordinate is 1.

    The classic problem no single neuron (and no linear network) can solve.
    """
    _check_count(n_samples, "xor")
    _check_noise(noise, "xor")
    rng = make_rng(rng, caller="xor")
    corners = rng.integers(0, 2, size=(n_samples, 2))
    X = corners + rng.normal(0.0, noise, size=(n_samples, 2))
    y = corners[:, 0] ^ corners[:, 1]
    return X, y


def blobs(n_samples=200, n_classes=3, spread=0.6, *, rng=None):
    """Round clouds of points, one per class, with centres spaced evenly on a circle of radius 2."""
    _check_count(n_samples, "blobs")
    check_positive(n_classes, caller="blobs", name="n_classes", integer=True)
    check_positive(spread, caller="blobs", name="spread", allow_zero=True)
    rng = make_rng(rng, caller="blobs")
    y = np.arange(n_samples) % n_classes
    angles = 2 * np.pi * np.arange(n_classes) / n_classes
    centres = 2.0 * np.column_stack([np.cos(angles), np.sin(angles)])
    X = centres[y] + rng.normal(0.0, spread, size=(n_samples, 2))
    return X, y


def moons(n_samples=200, noise=0.1, *, rng=None):
    """Two interleaving half circles, label 0 and 1."""
    _check_count(n_samples, "moons", minimum=2)
    _check_noise(noise, "moons")
    rng = make_rng(rng, caller="moons")
    y = np.arange(n_samples) % 2
    t = rng.uniform(0.0, np.pi, size=n_samples)
    X = np.where(
        y[:, None] == 0,
        np.column_stack([np.cos(t), np.sin(t)]),
        np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)]),
    )
    return X + rng.normal(0.0, noise, size=X.shape), y


def circles(n_samples=200, noise=0.05, factor=0.5, *, rng=None):
    """A small circle (label 1) inside a large one (label 0); `factor` is the ratio of their radii."""
    _check_count(n_samples, "circles", minimum=2)
    _check_noise(noise, "circles")
    if not 0 < factor < 1:
        raise ValueError(f"circles: factor must be between 0 and 1, got {factor!r}")
    rng = make_rng(rng, caller="circles")
    y = np.arange(n_samples) % 2
    t = rng.uniform(0.0, 2 * np.pi, size=n_samples)
    radius = np.where(y == 1, factor, 1.0)
    X = radius[:, None] * np.column_stack([np.cos(t), np.sin(t)])
    return X + rng.normal(0.0, noise, size=X.shape), y


def spirals(n_samples=300, n_classes=2, noise=0.1, turns=1.5, *, rng=None):
    """Arms of a spiral wound around each other, one per class: hard for a small network."""
    _check_count(n_samples, "spirals")
    check_positive(n_classes, caller="spirals", name="n_classes", integer=True)
    _check_noise(noise, "spirals")
    rng = make_rng(rng, caller="spirals")
    y = np.arange(n_samples) % n_classes
    r = rng.uniform(0.1, 1.0, size=n_samples)
    angle = 2 * np.pi * (turns * r + y / n_classes)
    X = 2.0 * r[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return X + rng.normal(0.0, noise, size=X.shape), y


def regression_1d(n_samples=100, noise=0.1, function=None, *, low=-3.0, high=3.0, rng=None):
    """Noisy samples of a curve (sin by default): X (n_samples, 1) sorted, y (n_samples, 1)."""
    _check_count(n_samples, "regression_1d")
    _check_noise(noise, "regression_1d")
    if not low < high:
        raise ValueError(f"regression_1d: need low < high, got low={low!r}, high={high!r}")
    rng = make_rng(rng, caller="regression_1d")
    function = np.sin if function is None else function
    x = np.sort(rng.uniform(low, high, size=n_samples))
    y = np.asarray(function(x), dtype=np.float64) + rng.normal(0.0, noise, size=n_samples)
    return x[:, None], y[:, None]


def _read_gz_csv(filename):
    with resources.files("annlib").joinpath("data", filename).open("rb") as raw:
        with gzip.open(raw, "rt") as text:
            return np.loadtxt(text, delimiter=None if filename.startswith("diabetes") else ",")


def load_digits():
    """The UCI handwritten digits: X (1797, 64) pixel counts 0..16 (8x8 images, row by row), y 0..9."""
    table = _read_gz_csv("digits.csv.gz")
    return Dataset(
        X=table[:, :64],
        y=table[:, 64].astype(int),
        feature_names=[f"pixel_{r}_{c}" for r in range(8) for c in range(8)],
        target_names=[str(d) for d in range(10)],
        description=(
            "Optical Recognition of Handwritten Digits (E. Alpaydin, C. Kaynak, 1998), UCI Machine "
            "Learning Repository, CC BY 4.0. Each 8x8 image counts the 'on' pixels of a 32x32 bitmap "
            "in 4x4 blocks, so each value is 0..16."
        ),
    )


def load_diabetes():
    """Diabetes progression: X (442, 10) baseline measurements in their own units, y (442, 1).

    Columns: age (years), sex (1 or 2), bmi (kg/m^2), bp (mean blood pressure, mm Hg), and six blood
    serum measurements s1..s6. y is a measure of disease progression one year after baseline.
    """
    X = _read_gz_csv("diabetes_data_raw.csv.gz")
    y = _read_gz_csv("diabetes_target.csv.gz")
    return Dataset(
        X=X,
        y=y.reshape(-1, 1),
        feature_names=["age", "sex", "bmi", "bp", "s1_tc", "s2_ldl", "s3_hdl", "s4_tch", "s5_ltg", "s6_glu"],
        target_names=["disease_progression"],
        description=(
            "Diabetes data of Efron, Hastie, Johnstone and Tibshirani (2004), 'Least Angle Regression', "
            "Annals of Statistics 32(2); as distributed with scikit-learn (BSD-3-Clause)."
        ),
    )


def one_hot(labels, n_classes=None):
    """Integer labels (n_samples,) -> one-hot rows (n_samples, n_classes) of 0.0 and 1.0."""
    labels = np.asarray(labels)
    if labels.ndim != 1 or not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(
            f"one_hot: labels must be a 1-D array of whole numbers, got shape {labels.shape} and dtype {labels.dtype}"
        )
    if labels.size and labels.min() < 0:
        raise ValueError(f"one_hot: labels must be >= 0, got {labels.min()}")
    if n_classes is None and not labels.size:
        raise ValueError("one_hot: no labels to count the classes from: pass n_classes for an empty array")
    n_classes = int(labels.max()) + 1 if n_classes is None else n_classes
    if labels.size and labels.max() >= n_classes:
        raise ValueError(f"one_hot: label {labels.max()} does not fit n_classes={n_classes}")
    return np.eye(n_classes)[labels]


def train_test_split(X, y, test_fraction=0.25, *, rng=None):
    """Shuffle and split: returns X_train, X_test, y_train, y_test."""
    X = np.asarray(X)
    y = np.asarray(y)
    if len(X) != len(y):
        raise ValueError(f"train_test_split: X has {len(X)} rows but y has {len(y)}")
    if not 0 < test_fraction < 1:
        raise ValueError(f"train_test_split: test_fraction must be between 0 and 1, got {test_fraction!r}")
    order = make_rng(rng, caller="train_test_split").permutation(len(X))
    n_test = max(1, int(round(test_fraction * len(X))))
    test, train = order[:n_test], order[n_test:]
    return X[train], X[test], y[train], y[test]


class Standardizer:
    """Rescale each column to mean 0 and standard deviation 1, learning mean and std from training data.

    Networks train far better on inputs of similar size; fit on the training split only, so the
    test split stays unseen. `inverse_transform` brings predictions back to the data's own units.
    """

    def fit(self, X):
        X = as_float_array(X, caller="Standardizer.fit", name="X", ndim=2)
        self.mean = X.mean(axis=0)
        std = X.std(axis=0)
        self.std = np.where(std > 0, std, 1.0)  # a constant column stays constant instead of 0/0
        return self

    def _check_fitted(self, caller, X):
        if not hasattr(self, "mean"):
            raise ValueError(f"{caller}: call fit(X_train) first")
        return as_float_array(X, caller=caller, name="X", ndim=2, n_columns=self.mean.shape[0])

    def transform(self, X):
        X = self._check_fitted("Standardizer.transform", X)
        return (X - self.mean) / self.std

    def fit_transform(self, X):
        return self.fit(X).transform(X)

    def inverse_transform(self, X):
        X = self._check_fitted("Standardizer.inverse_transform", X)
        return X * self.std + self.mean
