"""How good are the predictions, in words a person reads (lessons 07 and 08).

A loss is what training minimises; a metric is what we report: the share of correct labels, the table
of which classes get confused with which, or the typical error in the data's own units.
"""

import numpy as np

from annlib._validation import as_float_array, check_positive, check_same_shape


def output_labels(outputs):
    """Class labels from network outputs (n_samples, n_outputs): the most probable class per row, or
    output > 0.5 when there is a single column. No checks: training calls it on every batch."""
    return outputs.argmax(axis=1) if outputs.shape[1] > 1 else (outputs[:, 0] > 0.5).astype(int)


def to_labels(values, *, caller="to_labels", name="values"):
    """Class labels from one-hot rows or probabilities (argmax, or > 0.5 for one column), or labels as given.

    values: (n_samples,) labels or (n_samples, n_outputs) outputs; anything else is refused by name.
    """
    values = as_float_array(values, caller=caller, name=name, finite=False)
    if values.ndim not in (1, 2):
        raise ValueError(
            f"{caller}: {name} has shape {values.shape}, expected labels (n_samples,) or outputs (n_samples, n_outputs)"
        )
    if values.ndim == 2 and values.shape[1] > 1:
        return output_labels(values)
    if values.ndim == 2:
        values = values[:, 0]
    if not np.all(values == np.round(values)):
        return (values > 0.5).astype(int)
    return values.astype(int)


def _paired_labels(y_pred, y_true, caller):
    pred = to_labels(y_pred, caller=caller, name="y_pred")
    true = to_labels(y_true, caller=caller, name="y_true")
    if pred.shape != true.shape:
        raise ValueError(f"{caller}: {pred.shape[0]} predictions but {true.shape[0]} true labels")
    return pred, true


def accuracy(y_pred, y_true):
    """The share of examples whose predicted label equals the true label, in [0, 1]."""
    pred, true = _paired_labels(y_pred, y_true, "accuracy")
    return float(np.mean(pred == true))


def confusion_matrix(y_pred, y_true, n_classes=None):
    """counts[i, j] = how many examples of true class i were predicted as class j."""
    pred, true = _paired_labels(y_pred, y_true, "confusion_matrix")
    if n_classes is None:
        n_classes = int(max(pred.max(), true.max())) + 1
    check_positive(n_classes, caller="confusion_matrix", name="n_classes", integer=True)
    for name, labels in (("y_pred", pred), ("y_true", true)):
        if labels.min() < 0 or labels.max() >= n_classes:
            bad = labels[(labels < 0) | (labels >= n_classes)][0]
            raise ValueError(
                f"confusion_matrix: {name} holds the label {bad}, expected labels 0 to {n_classes - 1} "
                f"for n_classes={n_classes}"
            )
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
