"""Input checks shared by the whole library.

Every public function that takes data checks it here, once, so that a learner who passes the wrong
thing gets an error naming the function, what it expected and what came, instead of a numpy
broadcasting surprise three calls later.
"""

import numbers

import numpy as np


def as_float_array(value, *, caller, name, ndim=None, n_columns=None, finite=True):
    """Return `value` as a float64 array after checking its type, shape and values.

    caller:    the function to blame in the message, e.g. "Dense.forward"
    name:      the argument's name, e.g. "X"
    ndim:      the number of dimensions required, or None for any
    n_columns: for a 2-D array, the number of columns required, or None for any
    finite:    refuse NaN and inf
    """
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{caller}: {name} must be a numeric array, got {type(value).__name__}")
    array = np.asarray(value)
    if array.dtype == object or not (np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.bool_)):
        raise TypeError(f"{caller}: {name} must hold numbers, got an array of dtype {array.dtype}")
    if np.issubdtype(array.dtype, np.complexfloating):
        raise TypeError(f"{caller}: {name} must hold real numbers, got dtype {array.dtype}")
    array = array.astype(np.float64, copy=False)
    if ndim is not None and array.ndim != ndim:
        expected = {1: "(n,)", 2: "(n_samples, n_features)"}.get(ndim, f"{ndim} dimensions")
        raise ValueError(f"{caller}: {name} has shape {array.shape}, expected a {ndim}-D array {expected}")
    if n_columns is not None and array.shape[-1] != n_columns:
        raise ValueError(f"{caller}: {name} has shape {array.shape}, expected (any, {n_columns})")
    if finite:
        check_finite(array, caller=caller, name=name)
    return array


def check_layer_input(X, n_inputs, *, caller):
    """X as a float array of shape (n_samples, n_inputs), or an error naming `caller` (a layer, a network)."""
    X = as_float_array(X, caller=caller, name="X")
    if X.ndim != 2 or X.shape[1] != n_inputs:
        hint = " -- for one example use X.reshape(1, -1)" if X.ndim == 1 and X.size == n_inputs else ""
        raise ValueError(f"{caller}: X has shape {X.shape}, expected (any, {n_inputs}){hint}")
    return X


def check_finite(array, *, caller, name):
    """Raise ValueError naming the first NaN or inf in `array`."""
    if not np.isfinite(array).all():
        bad = np.argwhere(~np.isfinite(array))[0]
        kind = "NaN" if np.isnan(array[tuple(bad)]) else "inf"
        where = f" at index {tuple(int(i) for i in bad)}" if array.ndim else ""
        raise ValueError(f"{caller}: {name} contains {kind}{where}; every value must be finite")


def check_same_shape(a, b, *, caller, names=("y_pred", "y_true")):
    """Raise ValueError unless `a` and `b` have the same shape."""
    if a.shape != b.shape:
        raise ValueError(
            f"{caller}: {names[0]} has shape {a.shape} but {names[1]} has shape {b.shape}; they must match"
        )


def check_positive(value, *, caller, name, allow_zero=False, integer=False):
    """Return `value` after checking it is a (positive) real number or whole number."""
    kind = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind):
        what = "a whole number" if integer else "a number"
        raise TypeError(f"{caller}: {name} must be {what}, got {value!r}")
    if not np.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{caller}: {name} must be {bound}, got {value!r}")
    return value


def check_fraction(value, *, caller, name):
    """Return `value` after checking it is a real number in [0, 1), such as a momentum or a decay rate."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{caller}: {name} must be a number in [0, 1), got {value!r}")
    if not 0.0 <= value < 1.0:
        raise ValueError(f"{caller}: {name} must be in [0, 1), got {value!r}")
    return value


def make_rng(rng, *, caller):
    """Turn a seed, a Generator or None into a numpy Generator."""
    if rng is None or isinstance(rng, (numbers.Integral, np.random.SeedSequence)):
        if isinstance(rng, bool):
            raise TypeError(f"{caller}: rng must be a seed (int) or a numpy Generator, got {rng!r}")
        return np.random.default_rng(rng)
    if isinstance(rng, np.random.Generator):
        return rng
    raise TypeError(f"{caller}: rng must be a seed (int) or a numpy Generator, got {type(rng).__name__}")
