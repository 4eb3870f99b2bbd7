"""annlib.checks: every check passes a reference solution, names each typical mistake with its own hint,
writes nothing to stderr, can be called twice, and leaves its inputs alone."""

import builtins
import importlib.util
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

from annlib import Network, datasets, fit
from annlib import checks as C
from annlib.checks import CheckFailed
from annlib.losses import MSE, BinaryCrossEntropy, CrossEntropy

# --- Reference solutions, written the way the exercise notebooks' solutions are ----------------------


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def stable_sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def softmax(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def numerical_gradient(loss, W, eps=1e-6):
    grad = np.zeros_like(W)
    for index in np.ndindex(W.shape):
        original = W[index]
        W[index] = original + eps
        plus = loss()
        W[index] = original - eps
        minus = loss()
        W[index] = original
        grad[index] = (plus - minus) / (2 * eps)
    return grad


def train_step(network, X, y, learning_rate):
    loss = MSE()
    y_pred = network.forward(X)
    value = loss(y_pred, y)
    network.backward(loss.gradient(y_pred, y))
    for param, grad in zip(network.parameters(), network.gradients()):
        param -= learning_rate * grad
    return value


def sgd_step(params, grads, learning_rate):
    for param, grad in zip(params, grads):
        param -= learning_rate * grad


def momentum_step(params, grads, velocities, learning_rate, momentum=0.9):
    for param, grad, velocity in zip(params, grads, velocities):
        velocity *= momentum
        velocity -= learning_rate * grad
        param += velocity


def minibatches(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        batch = order[start : start + batch_size]
        yield X[batch], y[batch]


def train_moons_classifier(X, y):
    network = Network.from_sizes([2, 16, 1], activation="tanh", output_activation="sigmoid", rng=0)
    fit(
        network,
        X,
        y,
        BinaryCrossEntropy(),
        "adam",
        learning_rate=0.02,
        epochs=200,
        batch_size=32,
        rng=0,
        progress=False,
    )
    return network


def train_digits_classifier(X, Y):
    network = Network.from_sizes([64, 32, 10], activation="tanh", output_activation="softmax", rng=0)
    fit(network, X, Y, CrossEntropy(), "adam", learning_rate=0.01, epochs=20, batch_size=32, rng=0, progress=False)
    return network


def most_confused(counts):
    off = counts.copy()
    np.fill_diagonal(off, 0)
    i, j = np.unravel_index(np.argmax(off), off.shape)
    return int(i), int(j)


LOSS_CHOICES = {
    "house_price": "mse",
    "spam": "binary_cross_entropy",
    "digit": "cross_entropy",
    "temperature": "mse",
    "tumour_malignant": "binary_cross_entropy",
    "animal_species": "cross_entropy",
}

SOLUTIONS = {
    "check_weighted_sum": lambda x, w, b: float(np.dot(x, w) + b),
    "check_sigmoid": sigmoid,
    "check_neuron_output": lambda X, w, b: sigmoid(X @ w + b),
    "check_and_gate": lambda: (np.array([10.0, 10.0]), -15.0),
    "check_sigmoid_derivative": lambda z: sigmoid(z) * (1 - sigmoid(z)),
    "check_relu": lambda z: np.maximum(z, 0),
    "check_relu_derivative": lambda z: (z > 0).astype(float),
    "check_stable_sigmoid": stable_sigmoid,
    "check_softmax": softmax,
    "check_dense_forward": lambda X, W, b, activation: activation(X @ W + b),
    "check_article_weight": lambda W, name: W[ord(name[1]) - ord("a"), int(name[2:]) - 1],
    "check_count_parameters": lambda sizes: sum(i * o + o for i, o in zip(sizes, sizes[1:])),
    "check_initialize": lambda sizes, rng: [
        (rng.normal(0, np.sqrt(1 / i), size=(i, o)), np.zeros(o)) for i, o in zip(sizes, sizes[1:])
    ],
    "check_forward": lambda params, X, activations: _forward(params, X, activations),
    "check_collapse_linear": lambda W1, b1, W2, b2: (W1 @ W2, b1 @ W2 + b2),
    "check_tanh_gap": lambda X, W1, b1, W2, b2, W, b: np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b))),
    "check_mse": lambda p, y: np.mean((p - y) ** 2),
    "check_binary_cross_entropy": lambda p, y: _bce(np.clip(p, 1e-12, 1 - 1e-12), y),
    "check_cross_entropy": lambda P, Y: -np.sum(Y * np.log(np.clip(P, 1e-12, 1.0))) / P.shape[0],
    "check_loss_choices": lambda: dict(LOSS_CHOICES),
    "check_cost_gradient": lambda P, Y, kind: (
        2 * (P - Y) / P.size if kind == "mse" else -Y / np.clip(P, 1e-12, 1) / len(P)
    ),
    "check_output_delta": lambda P, Y, kind: 2 * (P - Y) / P.size if kind == "mse" else (P - Y) / len(P),
    "check_sigmoid_derivative_expr": lambda z: sp.diff(1 / (1 + sp.exp(-z)), z),
    "check_dloss_dw": lambda w, x, b, y: sp.diff((1 / (1 + sp.exp(-(w * x + b))) - y) ** 2, w),
    "check_numerical_derivative": lambda f, x, h=1e-5: (f(x + h) - f(x - h)) / (2 * h),
    "check_make_numeric": lambda expr, z: lambda v, f=sp.lambdify(z, expr, "numpy"): f(v) + np.zeros_like(v),
    "check_dense_backward": lambda X, W, gz: (X.T @ gz, gz.sum(axis=0), gz @ W.T),
    "check_sigmoid_delta": lambda a, grad_a: grad_a * a * (1 - a),
    "check_numerical_gradient": numerical_gradient,
    "check_train_step": train_step,
    "check_sgd_step": sgd_step,
    "check_momentum_step": momentum_step,
    "check_minibatches": minibatches,
    "check_moons_classifier": train_moons_classifier,
    "check_scale_and_encode": lambda X, y: (X / 16, datasets.one_hot(y, 10)),
    "check_digits_classifier": train_digits_classifier,
    "check_most_confused": most_confused,
    "check_error_in_units": lambda p, y, s: np.mean(np.abs(s.inverse_transform(p) - y)),
}


_ACTIVATIONS = {"sigmoid": sigmoid, "tanh": np.tanh, "relu": lambda z: np.maximum(z, 0), "identity": lambda z: z}
_ACTIVATIONS["softmax"] = softmax


def _forward(params, X, activations):
    A, caches = X, []
    for (W, b), name in zip(params, activations):
        Z = A @ W + b
        caches.append((A, Z, name))
        A = _ACTIVATIONS[name](Z)
    return A, caches


def _bce(p, y):
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def _check(name):
    return getattr(C, name)


def test_every_check_has_a_reference_solution():
    # The from-scratch parts' checks have their reference solutions and mistakes in test_checks_exNN_exMM.py.
    elsewhere = "".join(p.read_text() for p in Path(__file__).parent.glob("test_checks_ex*.py"))
    names = {n for n in C.__all__ if n.startswith("check_")}
    untested = {n for n in names - set(SOLUTIONS) if f"{n}(" not in elsewhere and f'"{n}"' not in elsewhere}
    assert not untested, f"checks without a reference solution in any test file: {sorted(untested)}"
    assert set(SOLUTIONS) <= names
    assert len(names) >= 45


# The two training checks take about a second each; they run once in this test and once below.
@pytest.mark.parametrize("name", sorted(SOLUTIONS))
def test_reference_passes_twice_with_one_line_and_nothing_on_stderr(name, capfd):
    check = _check(name)
    check(SOLUTIONS[name])
    check(SOLUTIONS[name])
    out, err = capfd.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert len(lines) == 2 and lines[0] == lines[1]
    assert lines[0].startswith("\u2713 ")


@pytest.mark.parametrize(
    "name", ["check_weighted_sum", "check_softmax", "check_dense_backward", "check_forward", "check_collapse_linear"]
)
def test_other_seeds_also_pass(name, capsys):
    for seed in (1, 2026):
        _check(name)(SOLUTIONS[name], seed=seed)
    assert capsys.readouterr().out.count("\u2713") == 2


# --- Typical mistakes: each is named by its own hint ---------------------------------------------------


def _mse_in_place(y_pred, y_true):
    y_pred -= y_true
    return np.mean(y_pred**2)


MISTAKES = [
    ("check_forward", lambda params, X, activations: (_forward(params, X, activations)[0], []), "one cache per layer"),
    ("check_collapse_linear", lambda W1, b1, W2, b2: ([[1.0]], b1 @ W2 + b2), "W is a list"),
    ("check_collapse_linear", lambda W1, b1, W2, b2: ((W1 @ W2).ravel(), b1 @ W2 + b2), "W is (n_in, n_out)"),
    ("check_tanh_gap", lambda X, W1, b1, W2, b2, W, b: "large", "expected a number"),
    ("check_mse", _mse_in_place, "changed its input y_pred in place"),
]


def _linear(X, params):
    a = X
    for W, b in params:
        a = a @ W + b
    return a


@pytest.mark.parametrize("name, wrong, hint", MISTAKES, ids=[f"{n[6:]}-{i}" for i, (n, _, _) in enumerate(MISTAKES)])
def test_mistake_is_named_with_its_hint(name, wrong, hint, capfd):
    with pytest.raises(CheckFailed) as info:
        _check(name)(wrong)
    failure = info.value
    assert isinstance(failure, AssertionError)
    assert hint in str(failure), str(failure)
    assert len(str(failure)) < 400
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_every_check_has_at_least_one_mistake_test():
    # The checks with a catalogue of mistakes are tested on it in test_catalogue.py.
    from tests.test_catalogue import CATALOGUES

    assert {name for name, _, _ in MISTAKES} | set(CATALOGUES) >= set(SOLUTIONS)


# --- The failure and how Jupyter shows it --------------------------------------------------------------


def test_failure_renders_as_two_short_lines_in_ipython():
    with pytest.raises(CheckFailed) as info:
        C.check_sigmoid(lambda z: 1 / (1 + np.exp(z)))
    lines = info.value._render_traceback_()
    assert len(lines) == 2
    assert "sigmoid" in lines[0] and "\u2717" in lines[0]
    assert lines[1].startswith("  hint: ") and "exp(-z)" in lines[1]


def test_not_implemented_says_what_to_do():
    def stub(z):
        raise NotImplementedError()

    with pytest.raises(CheckFailed, match="not written yet"):
        C.check_sigmoid(stub)


def test_learner_error_names_the_line():
    def broken(x, w, b):
        return x @ w[:1] + b

    with pytest.raises(CheckFailed) as info:
        C.check_weighted_sum(broken)
    assert "raised ValueError" in info.value.message
    assert "return x @ w[:1] + b" in info.value.message


def test_a_changed_signature_is_named():
    with pytest.raises(CheckFailed, match="arguments as the exercise gives them"):
        C.check_weighted_sum(lambda x, w: float(x @ w))


def test_a_failure_survives_pickling():
    import pickle

    failure = pickle.loads(pickle.dumps(CheckFailed("sigmoid", "wrong values", "a hint")))
    assert isinstance(failure, AssertionError) and failure.hint == "a hint" and "wrong values" in str(failure)


def test_passing_the_result_instead_of_the_function():
    with pytest.raises(CheckFailed, match="not the result of calling it"):
        C.check_sigmoid(0.5)


def test_learner_warnings_become_a_hint_not_stderr(capfd):
    with pytest.raises(CheckFailed) as info:
        C.check_stable_sigmoid(sigmoid)
    assert "overflow" in info.value.message
    assert capfd.readouterr().err == ""


def test_learner_printing_is_hidden(capsys):
    def chatty(z):
        print("debugging", z)
        return sigmoid(z)

    C.check_sigmoid(chatty)
    assert capsys.readouterr().out == "\u2713 sigmoid: all 5 cases correct\n"


# --- Robust against results and patches that lie -----------------------------------------------------


class _LiesAboutEquality(np.ndarray):
    def __eq__(self, other):
        return True

    def __array_function__(self, func, types, args, kwargs):
        return True


def test_a_result_with_a_lying_eq_does_not_pass():
    def liar(z):
        return np.zeros(np.shape(z)).view(_LiesAboutEquality)

    with pytest.raises(CheckFailed):
        C.check_sigmoid(liar)


def test_patching_numpy_or_builtins_afterwards_changes_no_verdict(monkeypatch):
    monkeypatch.setattr(np, "allclose", lambda *a, **k: True)
    monkeypatch.setattr(np, "isclose", lambda *a, **k: np.True_)
    monkeypatch.setattr(builtins, "abs", lambda v: 0)
    with pytest.raises(CheckFailed):
        C.check_sigmoid(lambda z: 0 * np.asarray(z, dtype=float))


@pytest.mark.parametrize("name", sorted(set(SOLUTIONS) - {"check_moons_classifier", "check_digits_classifier"}))
def test_a_check_changes_nothing_around_it(name):
    # numpy's error state, the warning filters and the learner's function are as they were.
    import warnings

    solution = SOLUTIONS[name]
    errors, filters = np.geterr(), list(warnings.filters)
    attributes = dict(getattr(solution, "__dict__", {}))
    _check(name)(solution)
    assert np.geterr() == errors and warnings.filters == filters
    assert dict(getattr(solution, "__dict__", {})) == attributes


def test_a_symbol_made_again_with_the_same_name_is_accepted(capsys):
    def own_symbols(w, x, b, y):
        w, x, b, y = sp.symbols("w x b y")  # without real=True: different SymPy symbols, same names
        return sp.diff((1 / (1 + sp.exp(-(w * x + b))) - y) ** 2, w)

    C.check_dloss_dw(own_symbols)
    assert capsys.readouterr().out.startswith("\u2713 dloss_dw")


def test_import_needs_numpy_only():
    code = (
        "import sys, annlib.checks; print(sorted(m for m in ('sympy', 'matplotlib', 'ipywidgets') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_digits_split_matches_the_exercise_notebook():
    X_train, X_test, Y_train, Y_test = C.digits_split()
    assert X_train.shape == (1348, 64) and X_test.shape == (449, 64)
    assert X_train.max() <= 1.0 and Y_train.sum(axis=1).tolist() == [1.0] * 1348


def test_exercise_notebooks_call_only_existing_checks():
    # Every check named in an exercise notebook exists (guards against renames).
    import json

    source = Path(__file__).resolve().parents[1] / "exercises" / "source"
    names = set()
    for path in sorted(source.glob("ex*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            text = "".join(cell["source"])
            names.update(w.split("(")[0] for w in text.split() if w.startswith("check_"))
    missing = {n for n in names if n.isidentifier() and not hasattr(C, n)}
    assert not missing


@pytest.mark.skipif(importlib.util.find_spec("IPython") is None, reason="needs IPython")
def test_ipython_shows_the_short_message_not_a_traceback():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shown = []
    shell._showtraceback = lambda etype, evalue, stb: shown.append(stb)
    shell.run_cell(
        "from annlib.checks import check_sigmoid\ncheck_sigmoid(lambda z: 1 / (1 + __import__('numpy').exp(z)))"
    )
    assert shown and len(shown[0]) == 2 and "hint" in shown[0][1]


# --- The exercise notebooks: nbgrader's format, enough graded parts, student versions in sync ----------

EXERCISES = Path(__file__).resolve().parents[1] / "exercises"
SOURCE_NOTEBOOKS = sorted((EXERCISES / "source").glob("ex0*.ipynb"))


def _cells(path):
    import json

    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_there_is_one_exercise_notebook_per_lesson():
    assert [p.name[:4] for p in SOURCE_NOTEBOOKS] == [f"ex0{i}" for i in range(1, 9)]


@pytest.mark.parametrize("path", SOURCE_NOTEBOOKS, ids=lambda p: p.stem)
def test_exercise_notebook_format(path):
    cells = _cells(path)
    graded = [c for c in cells if c["metadata"].get("nbgrader", {}).get("grade")]
    solutions = [c for c in cells if c["metadata"].get("nbgrader", {}).get("solution")]
    assert len(graded) >= 3 and len(solutions) == len(graded)
    ids = [c["metadata"]["nbgrader"]["grade_id"] for c in cells if "nbgrader" in c["metadata"]]
    assert len(ids) == len(set(ids))
    for cell in cells:
        meta = cell["metadata"].get("nbgrader")
        if meta:
            assert meta["schema_version"] == 3 and meta["grade_id"].startswith(path.name[:4])
    for cell in solutions:
        text = "".join(cell["source"])
        assert "### BEGIN SOLUTION" in text and "### END SOLUTION" in text
        assert text.startswith("def ")  # the signature stays in the student version
    for cell in graded:
        text = "".join(cell["source"])
        visible = text.split("### BEGIN HIDDEN TESTS")[0].strip()
        assert visible.count("\n") == 0 and visible.startswith("check_")
        assert cell["metadata"]["nbgrader"]["points"] > 0 and cell["metadata"]["nbgrader"]["locked"]
        # the committed outputs are the pass lines, nothing on stderr, no error
        outputs = cell["outputs"]
        assert outputs and all(o["output_type"] == "stream" and o["name"] == "stdout" for o in outputs)
        assert all(line.startswith("\u2713 ") for o in outputs for line in "".join(o["text"]).splitlines())
    assert cells[0]["cell_type"] == "markdown" and "What you will be able to do" in "".join(cells[0]["source"])


def test_more_than_45_graded_parts_in_all():
    total = sum(1 for path in SOURCE_NOTEBOOKS for c in _cells(path) if c["metadata"].get("nbgrader", {}).get("grade"))
    assert total > 45


def test_student_versions_are_in_sync_with_the_sources(tmp_path):
    from annlib.grading.release import release

    release(EXERCISES / "source", tmp_path)
    made = sorted(p.name for p in tmp_path.glob("*.ipynb"))
    committed = sorted(p.name for p in (EXERCISES / "student").glob("*.ipynb"))
    assert made == committed
    for name in made:
        assert (tmp_path / name).read_text(encoding="utf-8") == (EXERCISES / "student" / name).read_text(
            encoding="utf-8"
        ), f"exercises/student/{name} is stale: run `annlib release exercises/source exercises/student`"


def test_student_versions_hold_no_solutions_and_no_outputs():
    for path in sorted((EXERCISES / "student").glob("ex0*.ipynb")):
        for cell in _cells(path):
            text = "".join(cell["source"])
            assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
            assert not cell.get("outputs")
