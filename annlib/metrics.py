"""How good are the predictions, in words a person reads (lessons 07 and 08).

A loss is what training minimises; a metric is what we report: the share of correct labels, the table
of which classes get confused with which, or the typical error in the data's own units.
"""

import numpy as np

from annlib._validation import as_float_array, check_same_shape


def output_labels(outputs):
    """Class labels from network outputs (n_samples, n_outputs): the most probable class per row, or
    output > 0.5 when there is a single column. No checks: training calls it on every batch."""
    return outputs.argmax(axis=1) if outputs.shape[1] > 1 else (outputs[:, 0] > 0.5).astype(int)


def to_labels(values):
    """Class labels from one-hot rows or probabilities (argmax, or > 0.5 for one column), or labels as given."""
    values = np.asarray(values)
    if values.ndim == 2 and values.shape[1] > 1:
        return output_labels(values)
    if values.ndim == 2:
        values = values[:, 0]
    if np.issubdtype(values.dtype, np.floating) and not np.all(values == np.round(values)):
        return (values > 0.5).astype(int)
    return values.astype(int)


def accuracy(y_pred, y_true):
    """The share of examples whose predicted label equals the true label, in [0, 1]."""
    pred, true = to_labels(y_pred), to_labels(y_true)
    if pred.shape != true.shape:
        raise ValueError(f"accuracy: {pred.shape[0]} predictions but {true.shape[0]} true labels")
    return float(np.mean(pred == true))


def confusion_matrix(y_pred, y_true, n_classes=None):
    """counts[i, j] = how many examples of true class i were predicted as class j."""
    pred, true = to_labels(y_pred), to_labels(y_true)
    if pred.shape != true.shape:
        raise ValueError(f"confusion_matrix: {pred.shape[0]} predictions but {true.shape[0]} true labels")
    n_classes = int(max(pred.max(), true.max())) + 1 if n_classes is None else n_classes
    counts = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(counts, (true, pred), 1)
    return counts


def mean_absolute_error(y_pred, y_true):
    """mean |y_pred - y_true|: the typical error, in the units of y."""
    y_pred = as_float_array(y_pred, caller="mean_absolute_error", name="y_pred")
    y_true = as_float_array(y_true, caller="mean_absolute_error", name="y_true")
    check_same_shape(y_pred, y_true, caller="mean_absolute_error")
    return float(np.mean(np.abs(y_pred - y_true)))


def root_mean_squared_error(y_pred, y_true):
    """sqrt(mean (y_pred - y_true)^2): like MSE, but back in the units of y."""
    y_pred = as_float_array(y_pred, caller="root_mean_squared_error", name="y_pred")
    y_true = as_float_array(y_true, caller="root_mean_squared_error", name="y_true")
    check_same_shape(y_pred, y_true, caller="root_mean_squared_error")
    return float(np.sqrt(np.mean((y_pred - y_true) ** 2)))
