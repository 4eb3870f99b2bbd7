"""Exercises 03 and 04, the start of the from-scratch network: initialize, forward with caches, the cost's
gradient and the output layer's delta. Each check passes the reference solutions (and other reasonable ones),
names each likely mistake with its own hint, writes nothing to stderr, can be called twice, leaves its inputs
alone, and refuses an answer that is or calls annlib's own version of the part (every twin list tested)."""

from pathlib import Path

import numpy as np
import pytest

from annlib import checks as C
from annlib.checks import CheckFailed

# Answers written as notebook cells write them: in one namespace of their own, with the notebook's imports.
_PRELUDE = """
import numpy as np
from annlib import Network, scratch
from annlib.activations import identity, relu, sigmoid, softmax, tanh
from annlib.layers import Dense
from annlib.losses import MSE, BinaryCrossEntropy, CrossEntropy, get_loss
ACTIVATION_FUNCTIONS = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "identity": identity, "softmax": softmax}
"""


def _cells(source):
    namespace = {}
    exec(compile(_PRELUDE + source, "<cell>", "exec"), namespace)
    return namespace


def _fails(check, answer, hint, *, seed=0):
    """The check fails answer with a hint (or message) holding `hint`; returns the failure."""
    with pytest.raises(CheckFailed) as info:
        check(answer, seed=seed)
    assert hint in str(info.value), str(info.value)
    return info.value


# --- Exercise 03 -------------------------------------------------------------------------------------------

EX03 = _cells(
    """
def dense_forward(X, W, b, activation):
    return activation(X @ W + b)

def article_weight(W, name):
    return W[ord(name[1]) - ord("a"), int(name[2:]) - 1]

def count_parameters(sizes):
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes, sizes[1:]))

def initialize(sizes, rng):
    params = []
    for n_in, n_out in zip(sizes, sizes[1:]):
        params.append((rng.normal(0.0, np.sqrt(1.0 / n_in), size=(n_in, n_out)), np.zeros(n_out)))
    return params

def forward(params, X, activations):
    A, caches = X, []
    for (W, b), name in zip(params, activations):
        Z = A @ W + b
        caches.append((A, Z, name))
        A = ACTIVATION_FUNCTIONS[name](Z)
    return A, caches

def collapse_linear(W1, b1, W2, b2):
    return W1 @ W2, b1 @ W2 + b2

def tanh_gap(X, W1, b1, W2, b2, W, b):
    return np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b)))

# --- other right answers
def init_glorot(sizes, rng):
    return [(rng.normal(0, np.sqrt(2 / (i + o)), size=(i, o)), np.zeros(o)) for i, o in zip(sizes, sizes[1:])]

def init_glorot_uniform(sizes, rng):
    return [(rng.uniform(-1, 1, size=(i, o)) * np.sqrt(6 / (i + o)), np.zeros(o)) for i, o in zip(sizes, sizes[1:])]

def init_he(sizes, rng):
    return [(rng.standard_normal((i, o)) * np.sqrt(2 / i), np.zeros(o)) for i, o in zip(sizes, sizes[1:])]

def init_he_uniform(sizes, rng):
    return [(rng.uniform(-np.sqrt(6 / i), np.sqrt(6 / i), size=(i, o)), np.zeros(o)) for i, o in zip(sizes, sizes[1:])]

def init_tuple_small_bias(sizes, rng):
    return tuple((rng.normal(size=(i, o)) / np.sqrt(i), np.full(o, 0.01)) for i, o in zip(sizes, sizes[1:]))

def forward_with_dense(params, X, activations):
    A, caches = X, []
    for (W, b), name in zip(params, activations):
        caches.append((A, A @ W + b, name))
        A = dense_forward(A, W, b, ACTIVATION_FUNCTIONS[name])
    return A, caches

def forward_with_scratch_table(params, X, activations):
    A, caches = X, []
    for (W, b), name in zip(params, activations):
        Z = A @ W + b
        caches.append((A, Z, name))
        A = scratch.ACTIVATIONS[name][0](Z)
    return A, caches

def broken_dense_forward(X, W, b, activation):
    raise NotImplementedError()
"""
)


def _init(draw, bias=None):
    """An initialize drawing each W with draw(rng, n_in, n_out)."""

    def initialize(sizes, rng):
        return [(draw(rng, i, o), np.zeros(o) if bias is None else bias(rng, o)) for i, o in zip(sizes, sizes[1:])]

    return initialize


def _forward_variant(*, cache=None, final=None):
    """A forward with one mistake. cache(A_prev, Z, A, name, f) -> the cache; final(A, caches) -> the result."""

    def forward(params, X, activations):
        A, caches = X, []
        for (W, b), name in zip(params, activations):
            f = EX03["ACTIVATION_FUNCTIONS"][name]
            Z = A @ W + b
            out = f(Z)
            caches.append(cache(A, Z, out, name, f) if cache else (A, Z, name))
            A = out
        return final(A, caches) if final else (A, caches)

    return forward


EX03_SOLUTIONS = [
    ("check_dense_forward", EX03["dense_forward"], 301),
    ("check_article_weight", EX03["article_weight"], 305),
    ("check_count_parameters", EX03["count_parameters"], 306),
    ("check_initialize", EX03["initialize"], 307),
    ("check_forward", EX03["forward"], 302),
    ("check_collapse_linear", EX03["collapse_linear"], 303),
    ("check_tanh_gap", EX03["tanh_gap"], 304),
]


@pytest.mark.parametrize("name, solution, hidden", EX03_SOLUTIONS, ids=[n for n, _, _ in EX03_SOLUTIONS])
def test_ex03_reference_passes_twice_and_on_the_hidden_seed(name, solution, hidden, capfd):
    check = getattr(C, name)
    check(solution)
    check(solution)
    check(solution, seed=hidden)
    out, err = capfd.readouterr()
    lines = out.splitlines()
    assert err == "" and len(lines) == 3 and lines[0] == lines[1] and all(line.startswith("\u2713 ") for line in lines)


@pytest.mark.parametrize(
    "name", ["init_glorot", "init_glorot_uniform", "init_he", "init_he_uniform", "init_tuple_small_bias"]
)
def test_initialize_accepts_every_usual_scale(name, capsys):
    for seed in (0, 307, 2026):
        C.check_initialize(EX03[name], seed=seed)
    assert capsys.readouterr().out.count("\u2713") == 3


@pytest.mark.parametrize("name", ["forward_with_dense", "forward_with_scratch_table"])
def test_forward_may_use_dense_forward_and_annlibs_activation_table(name, capsys):
    C.check_forward(EX03[name])
    assert capsys.readouterr().out.startswith("\u2713 forward")


def test_forward_is_graded_with_the_course_dense_forward():
    # A broken Part 1 does not cost Part 5: the check runs forward with the course's dense_forward.
    cells = _cells(
        "def dense_forward(X, W, b, activation):\n    raise NotImplementedError()\n"
        + "def forward(params, X, activations):\n"
        + "    A, caches = X, []\n"
        + "    for (W, b), name in zip(params, activations):\n"
        + "        caches.append((A, A @ W + b, name))\n"
        + "        A = dense_forward(A, W, b, ACTIVATION_FUNCTIONS[name])\n"
        + "    return A, caches\n"
    )
    C.check_forward(cells["forward"])
    assert cells["dense_forward"].__name__ == "dense_forward"  # the learner's own is back afterwards
    with pytest.raises(NotImplementedError):
        cells["dense_forward"](np.zeros((1, 1)), np.zeros((1, 1)), np.zeros(1), np.tanh)


def _columns_repeat(rng, i, o):
    return np.repeat(rng.normal(0.0, np.sqrt(1.0 / i), size=(i, 1)), o, axis=1)


def _pop_sizes(sizes, rng):
    params = EX03["initialize"](sizes, rng)
    sizes.pop()
    return params


def _fixed_generator(sizes, rng):
    rng.random()
    return EX03["initialize"](sizes, np.random.default_rng(0))


def _partly_global(sizes, rng):
    params = EX03["initialize"](sizes, rng)
    W, b = params[-1]
    return params[:-1] + [(np.random.normal(0.0, np.sqrt(1 / W.shape[0]), size=W.shape), b)]


INITIALIZE_MISTAKES = [
    (lambda sizes, rng: {"W1": np.zeros((3, 4))}, "a list with one pair (W, b) per layer"),
    (lambda sizes, rng: None, "did you forget `return`"),
    (lambda sizes, rng: np.zeros(3), "expected a list of (W, b) pairs"),
    (lambda sizes, rng: [W for W, _ in EX03["initialize"](sizes, rng)], "each layer's entry is a pair"),
    (lambda sizes, rng: [(W, np.zeros(2)) for W, b in EX03["initialize"](sizes, rng)], "b has shape (4,)"),
    (_init(_columns_repeat), "every neuron of layer 1 starts with the same weights"),
    (_partly_global, "two Generators with the same seed gave different weights"),
    (_fixed_generator, "two Generators with different seeds gave the same weights"),
    (_init(lambda rng, i, o: rng.normal(0.0, 0.1, size=(i, o))), "sqrt(1 / n_inputs)"),
    (_init(lambda rng, i, o: rng.normal(0.0, 3.0 / np.sqrt(i), size=(i, o))), "too large"),
    (_init(lambda rng, i, o: rng.random((i, o)) * np.sqrt(3.0 / i)), "not centred on 0"),
    (_pop_sizes, "changed its input sizes"),
]


@pytest.mark.parametrize(
    "wrong, hint", INITIALIZE_MISTAKES, ids=[f"initialize-{i}" for i in range(len(INITIALIZE_MISTAKES))]
)
def test_initialize_names_the_mistake(wrong, hint, capfd):
    _fails(C.check_initialize, wrong, hint)
    assert capfd.readouterr() == ("", "")


def _one_more_cache(A, caches):
    return A, [(caches[0][0], caches[0][0], "input")] + caches


def _changes_X(params, X, activations):
    result = EX03["forward"](params, X, activations)
    X *= 2
    return result


def _changes_activations(params, X, activations):
    result = EX03["forward"](params, X, activations)
    activations.reverse()
    return result


FORWARD_MISTAKES = [
    (lambda params, X, activations: (*EX03["forward"](params, X, activations), 0), "end with `return A, caches`"),
    (_forward_variant(cache=lambda A, Z, out, name, f: (A, Z, "tanh")), "expected 'sigmoid', got 'tanh'"),
    (_forward_variant(final=_one_more_cache), "X itself is not a layer"),
    (_forward_variant(final=lambda A, caches: (A, "caches")), "a list with one tuple per layer"),
    (_changes_X, "changed its input X in place"),
    (_changes_activations, "changed its input activations"),
]


@pytest.mark.parametrize("wrong, hint", FORWARD_MISTAKES, ids=[f"forward-{i}" for i in range(len(FORWARD_MISTAKES))])
def test_forward_names_the_mistake(wrong, hint, capfd):
    _fails(C.check_forward, wrong, hint)
    assert capfd.readouterr() == ("", "")


def test_count_parameters_hidden_cases_are_other_sizes():
    known = {(3, 4, 4, 1): 41, (2, 1): 3, (64, 32, 10): 2410, (784, 100, 10): 79510, (5, 5, 5, 5): 90}

    def lookup(sizes):  # right for the sizes it knows, and only for those
        return known.get(tuple(sizes), 0)

    _fails(C.check_count_parameters, lookup, "for sizes")  # the drawn sizes are not in the table


# --- Exercise 03: what learners' answers showed (each named by the catalogue of annlib.checks.forward)

EX03_ANSWERS = _cells(
    """
def initialize_pop(sizes, rng):
    params, n_in = [], sizes.pop(0)
    for n_out in sizes:
        params.append((rng.normal(0, np.sqrt(1 / n_in), (n_in, n_out)), np.zeros(n_out)))
        n_in = n_out
    return params

def count_pop(sizes):
    total = 0
    while len(sizes) > 1:
        n_in = sizes.pop(0)
        total += n_in * sizes[0] + sizes[0]
    return total

def initialize_own_generator(sizes, rng):
    rng = np.random.default_rng(0)
    return [(rng.normal(0, np.sqrt(1 / i), (i, o)), np.zeros(o)) for i, o in zip(sizes, sizes[1:])]

def initialize_randn(sizes, rng):
    return [(np.random.randn(i, o) / np.sqrt(i), np.zeros(o)) for i, o in zip(sizes, sizes[1:])]

def forward_swapped(params, X, activations):
    A, caches = X, []
    for (W, b), name in zip(params, activations):
        Z = A @ W + b
        caches.append((A, Z, name))
        A = ACTIVATION_FUNCTIONS[name](Z)
    return caches, A

def dense_forward_skips_first_input(X, W, b, activation):
    return activation(X[:, 1:] @ W[1:] + b)

def dense_forward_integer_sums(X, W, b, activation):
    Z = np.zeros((X.shape[0], W.shape[1]), dtype=X.dtype)
    Z[:] = X @ W + b
    return activation(Z)
"""
)


@pytest.mark.parametrize(
    "check, answer", [(C.check_initialize, "initialize_pop"), (C.check_count_parameters, "count_pop")]
)
def test_sizes_pop_is_caught_and_named(check, answer):
    failure = _fails(check, EX03_ANSWERS[answer], "changed its input sizes in place")
    assert failure.mistakes == ("changes_sizes",)
    assert "sizes.pop(0) empties the caller's list" in failure.hint


@pytest.mark.parametrize(
    "answer, key, message",
    [
        ("initialize_own_generator", "fixed_seed", "different seeds gave the same weights"),
        ("initialize_randn", "global_random", "the same seed gave different weights"),
    ],
)
def test_initialize_that_ignores_its_rng_is_caught_and_named(answer, key, message):
    failure = _fails(C.check_initialize, EX03_ANSWERS[answer], message)
    assert failure.mistakes == (key,)
    assert "draw from rng, the Generator passed in" in failure.hint


def test_forward_returning_caches_first_is_named_as_the_swapped_order():
    failure = _fails(C.check_forward, EX03_ANSWERS["forward_swapped"], "in the order (A, caches)")
    assert failure.mistakes == ("swapped_return",)
    assert "Python loop" not in failure.hint


def test_a_layer_that_skips_its_first_input_is_not_named_a_missing_bias():
    failure = _fails(C.check_dense_forward, EX03_ANSWERS["dense_forward_skips_first_input"], "wrong values")
    assert failure.mistakes == ("skips_first_input",)
    assert "bias" not in failure.hint


def test_dense_forward_tries_integer_input():
    failure = _fails(C.check_dense_forward, EX03_ANSWERS["dense_forward_integer_sums"], "(integers)")
    assert failure.mistakes == ("integer_sums",)


def test_forward_tries_depths_from_one_to_four_layers_and_integer_and_float32_input(capsys):
    seen = []

    def recording(params, X, activations):
        seen.append((len(params), X.dtype.kind, X.dtype.itemsize))
        return EX03["forward"](params, X, activations)

    C.check_forward(recording)
    assert {depth for depth, *_ in seen} == {1, 2, 3, 4}
    assert ("i", 8) in {(kind, size) for _, kind, size in seen}
    assert ("f", 4) in {(kind, size) for _, kind, size in seen}


EX03_TWINS = _cells(
    """
def dense_forward_layer(X, W, b, activation):
    layer = Dense(W.shape[0], W.shape[1], "identity")
    layer.W, layer.b = W, b
    return activation(layer.forward(X))

def dense_forward_network(X, W, b, activation):
    network = Network([Dense(W.shape[0], W.shape[1], "identity")])
    network.set_weights([W, b])
    return activation(network.forward(X))

def count_network(sizes):
    return Network.from_sizes(sizes).n_parameters

def count_layers(sizes):
    return sum(Dense(i, o).n_parameters for i, o in zip(sizes, sizes[1:]))

def initialize_scratch(sizes, rng):
    return scratch.initialize(sizes, rng)

def initialize_network(sizes, rng):
    return [(layer.W, layer.b) for layer in Network.from_sizes(sizes, rng=rng)]

def initialize_dense(sizes, rng):
    return [(Dense(i, o, rng=rng).W, np.zeros(o)) for i, o in zip(sizes, sizes[1:])]

def forward_scratch(params, X, activations):
    return scratch.forward(params, X, activations)

def forward_imported_inside(params, X, activations):
    from annlib.scratch import forward as course_forward
    return course_forward(params, X, activations)

def forward_network(params, X, activations):
    network = Network([Dense(W.shape[0], W.shape[1], name) for (W, _), name in zip(params, activations)])
    network.set_weights([p for pair in params for p in pair])
    return network.forward(X), []

def forward_layers(params, X, activations):
    A, caches = X, []
    for (W, b), name in zip(params, activations):
        layer = Dense(W.shape[0], W.shape[1], name)
        layer.W, layer.b = W, b
        caches.append((A, A @ W + b, name))
        A = layer.forward(A)
    return A, caches
"""
)


@pytest.mark.parametrize(
    "check, answer, label",
    [
        ("check_dense_forward", "dense_forward_layer", "Dense.forward"),
        ("check_dense_forward", "dense_forward_network", ("Network.", "Dense.")),
        ("check_count_parameters", "count_network", "Network.n_parameters"),
        ("check_count_parameters", "count_layers", "Dense.n_parameters"),
        ("check_initialize", "initialize_scratch", "scratch.initialize"),
        ("check_initialize", "initialize_network", "Network.from_sizes"),
        ("check_initialize", "initialize_dense", "annlib's Dense"),
        ("check_forward", "forward_scratch", "scratch.forward"),
        ("check_forward", "forward_imported_inside", "scratch.forward"),
        ("check_forward", "forward_network", ("Network.", "Dense.")),
        ("check_forward", "forward_layers", "Dense.forward"),
    ],
)
def test_ex03_answers_using_annlib_score_nothing(check, answer, label):
    # An answer using two of annlib's versions (a Network of Dense layers) may be named by either.
    failure = _fails(getattr(C, check), EX03_TWINS[answer], "so this part scores no points")
    assert any(one in failure.message for one in ((label,) if isinstance(label, str) else label))


def test_the_course_fallbacks_are_refused_as_answers():
    from annlib import scratch

    _fails(C.check_initialize, scratch.initialize, "uses annlib's scratch.initialize")
    _fails(C.check_forward, scratch.forward, "uses annlib's scratch.forward")


# --- Exercise 04 -------------------------------------------------------------------------------------------

EX04 = _cells(
    """
def mse(y_pred, y_true):
    return float(np.mean((y_pred - y_true) ** 2))

def binary_cross_entropy(p, y):
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

def cross_entropy(P, Y):
    return float(-np.sum(Y * np.log(np.clip(P, 1e-12, 1.0))) / P.shape[0])

def loss_choices():
    return {"house_price": "mse", "spam": "binary_cross_entropy", "digit": "cross_entropy",
            "temperature": "mse", "tumour_malignant": "binary_cross_entropy", "animal_species": "cross_entropy"}

def cost_gradient(Y_hat, Y, kind):
    if kind == "mse":
        return 2.0 * (Y_hat - Y) / Y_hat.size
    return -Y / np.clip(Y_hat, 1e-12, 1.0) / Y_hat.shape[0]

def output_delta(Y_hat, Y, kind):
    if kind == "mse":
        return 2.0 * (Y_hat - Y) / Y_hat.size
    return (Y_hat - Y) / Y_hat.shape[0]

# --- other right answers
def output_delta_the_long_way(Y_hat, Y, kind):
    grad = cost_gradient(Y_hat, Y, kind)
    if kind == "mse":
        return grad
    delta = np.empty_like(grad)
    for i in range(len(Y_hat)):
        p = Y_hat[i]
        delta[i] = (np.diag(p) - np.outer(p, p)) @ grad[i]  # the softmax's Jacobian
    return delta

def cost_gradient_elif(Y_hat, Y, kind):
    n = len(Y_hat)
    if kind == "cross_entropy":
        return -Y / np.maximum(Y_hat, 1e-12) / n
    elif kind == "mse":
        return 2 * (Y_hat - Y) / (n * Y_hat.shape[1])
    raise ValueError(kind)
"""
)


EX04_SOLUTIONS = [
    ("check_mse", EX04["mse"], 401),
    ("check_binary_cross_entropy", EX04["binary_cross_entropy"], 403),
    ("check_cross_entropy", EX04["cross_entropy"], 402),
    ("check_loss_choices", EX04["loss_choices"], 404),
    ("check_cost_gradient", EX04["cost_gradient"], 405),
    ("check_output_delta", EX04["output_delta"], 406),
]


@pytest.mark.parametrize("name, solution, hidden", EX04_SOLUTIONS, ids=[n for n, _, _ in EX04_SOLUTIONS])
def test_ex04_reference_passes_twice_and_on_the_hidden_seed(name, solution, hidden, capfd):
    check = getattr(C, name)
    check(solution)
    check(solution)
    check(solution, seed=hidden)
    out, err = capfd.readouterr()
    lines = out.splitlines()
    assert err == "" and len(lines) == 3 and lines[0] == lines[1] and all(line.startswith("\u2713 ") for line in lines)


def test_other_right_gradients_pass(capsys):
    C.check_cost_gradient(EX04["cost_gradient_elif"])
    assert capsys.readouterr().out.count("\u2713") == 1


def test_output_delta_through_the_jacobian_fails_where_the_softmax_saturated_on_the_wrong_class():
    # The same numbers as (Y_hat - Y) / n except where the target's probability is exactly 0: there the
    # Jacobian's slope 0 loses the error the text says the simplified delta keeps.
    failure = _fails(C.check_output_delta, EX04["output_delta_the_long_way"], "saturated")
    assert failure.mistakes == ("ce_jacobian",)
    assert "Y_hat = [[0, 1, 0]" in failure.message


def test_output_delta_is_graded_with_the_course_cost_gradient():
    cells = _cells(
        "def cost_gradient(Y_hat, Y, kind):\n    return 0 * Y_hat\n"
        "def output_delta(Y_hat, Y, kind):\n"
        "    return cost_gradient(Y_hat, Y, kind) if kind == 'mse' else (Y_hat - Y) / len(Y_hat)\n"
    )
    C.check_output_delta(cells["output_delta"])
    assert (cells["cost_gradient"](np.ones((1, 1)), None, "mse") == 0).all()  # the learner's own again


def _in_place(P, Y, kind):
    P -= Y
    return 2 * P / P.size if kind == "mse" else P / len(P)


def _ce_with_a_warning(P, Y, kind):
    if kind == "mse":
        return 2 * (P - Y) / P.size
    # right values, but -Y / 0 is computed (and warned about) where a probability is 0
    return np.where(P > 0, -Y / P, -Y / 1e-12) / len(P)


COST_GRADIENT_MISTAKES = [  # the ladder's rungs; the named mistakes are annlib.checks.losses' catalogue
    (lambda P, Y, kind: float(np.mean((P - Y) ** 2)), "the shape of Y_hat"),
    (_in_place, "changed its input P in place"),
    (_ce_with_a_warning, "clip Y_hat before dividing by it"),
]


@pytest.mark.parametrize(
    "wrong, hint", COST_GRADIENT_MISTAKES, ids=[f"cost_gradient-{i}" for i in range(len(COST_GRADIENT_MISTAKES))]
)
def test_cost_gradient_names_the_mistake(wrong, hint, capfd):
    _fails(C.check_cost_gradient, wrong, hint)
    assert capfd.readouterr() == ("", "")


OUTPUT_DELTA_MISTAKES = [  # the ladder's rungs; the named mistakes are annlib.checks.losses' catalogue
    (lambda P, Y, kind: (P - Y).sum(axis=1), "the shape of Y_hat"),
    (_in_place, "changed its input P in place"),
]


@pytest.mark.parametrize(
    "wrong, hint", OUTPUT_DELTA_MISTAKES, ids=[f"output_delta-{i}" for i in range(len(OUTPUT_DELTA_MISTAKES))]
)
def test_output_delta_names_the_mistake(wrong, hint, capfd):
    _fails(C.check_output_delta, wrong, hint)
    assert capfd.readouterr() == ("", "")


def test_loss_choices_must_answer_the_same_every_time():
    calls = []

    def drifting():
        calls.append(1)
        answer = EX04["loss_choices"]()
        if len(calls) > 1:
            answer["spam"] = "mse"
        return answer

    _fails(C.check_loss_choices, drifting, "return the same fixed dict every time")


def test_loss_choices_hidden_order_still_names_a_wrong_answer():
    two_wrong = {**EX04["loss_choices"](), "digit": "mse", "spam": "mse"}
    for seed in (0, 404):
        failure = _fails(C.check_loss_choices, lambda: dict(two_wrong), "does not fit", seed=seed)
        assert failure.message.startswith(("'digit'", "'spam'"))


EX04_TWINS = _cells(
    """
import annlib.losses as losses

def mse_object(y_pred, y_true):
    return MSE()(y_pred, y_true)

def mse_value(y_pred, y_true):
    return MSE().value(y_pred, y_true)

def mse_by_name(y_pred, y_true):
    return get_loss("mse")(y_pred, y_true)

def mse_scratch(y_pred, y_true):
    return scratch.cost(y_pred, y_true, "mse")

def bce_object(p, y):
    return BinaryCrossEntropy()(p, y)

def bce_module(p, y):
    return losses.BinaryCrossEntropy()(p, y)

def ce_object(P, Y):
    return CrossEntropy()(P, Y)

def ce_scratch(P, Y):
    return scratch.cost(P, Y, "cross_entropy")

def gradient_scratch(Y_hat, Y, kind):
    return scratch.cost_gradient(Y_hat, Y, kind)

def gradient_loss(Y_hat, Y, kind):
    return get_loss(kind).gradient(Y_hat, Y)

def gradient_at_output(Y_hat, Y, kind):
    return (MSE() if kind == "mse" else CrossEntropy()).gradient_at_output(Y_hat, Y)

def delta_scratch(Y_hat, Y, kind):
    return scratch.output_delta(Y_hat, Y, kind)

def delta_at_z(Y_hat, Y, kind):
    return (MSE() if kind == "mse" else CrossEntropy()).gradient(Y_hat, Y, at_z=True)

def delta_gradient_at_z(Y_hat, Y, kind):
    return losses.CrossEntropy().gradient_at_z(Y_hat, Y)
"""
)


@pytest.mark.parametrize(
    "check, answer, label",
    [
        ("check_mse", "mse_object", "losses.MSE"),
        ("check_mse", "mse_value", "losses.MSE"),
        ("check_mse", "mse_by_name", "losses.get_loss"),
        ("check_mse", "mse_scratch", "scratch.cost"),
        ("check_binary_cross_entropy", "bce_object", "losses.BinaryCrossEntropy"),
        ("check_binary_cross_entropy", "bce_module", "losses.BinaryCrossEntropy"),
        ("check_cross_entropy", "ce_object", "losses.CrossEntropy"),
        ("check_cross_entropy", "ce_scratch", "scratch.cost"),
        ("check_cost_gradient", "gradient_scratch", "scratch.cost_gradient"),
        ("check_cost_gradient", "gradient_loss", "losses.get_loss"),
        ("check_cost_gradient", "gradient_at_output", "gradient_at_output"),
        ("check_output_delta", "delta_scratch", "scratch.output_delta"),
        ("check_output_delta", "delta_at_z", "Loss.gradient"),
        ("check_output_delta", "delta_gradient_at_z", "CrossEntropy.gradient_at_z"),
    ],
)
def test_ex04_answers_using_annlib_score_nothing(check, answer, label):
    failure = _fails(getattr(C, check), EX04_TWINS[answer], "so this part scores no points")
    assert label in failure.message


def test_the_twin_labels_of_every_list_are_reachable():
    # Each (label, object) of every twin list is refused when an answer calls it by its own name.
    from annlib.checks import forward, losses
    from annlib.checks._core import twin_used

    lists = [
        forward.DENSE_FORWARD_TWINS,
        forward.COUNT_PARAMETERS_TWINS,
        forward.INITIALIZE_TWINS,
        forward.FORWARD_TWINS,
        losses.MSE_TWINS,
        losses.BCE_TWINS,
        losses.CE_TWINS,
        losses.COST_GRADIENT_TWINS,
        losses.OUTPUT_DELTA_TWINS,
    ]
    for twins in lists:
        for label, obj in twins:
            namespace = {"their": obj}
            exec("def answer(*args):\n    return their(*args)\n", namespace)
            assert twin_used(namespace["answer"], twins) is not None, label


# --- The notebooks under the course's grader -----------------------------------------------------------------


def test_the_grader_gives_no_points_for_annlibs_forward_and_output_delta(tmp_path):
    import nbformat

    from annlib.grading.grade import grade_submission

    root = Path(__file__).resolve().parent.parent / "exercises"
    for name, answers, refused, passed in [
        (
            "ex03_forward.ipynb",
            {
                "ex03-initialize": "def initialize(sizes, rng):\n"
                "    return [(rng.normal(0, (1 / i) ** 0.5, (i, o)), np.zeros(o)) for i, o in zip(sizes, sizes[1:])]\n",
                "ex03-forward": "from annlib.scratch import forward\n",
            },
            "ex03-forward-test",
            "ex03-initialize-test",
        ),
        (
            "ex04_losses.ipynb",
            {
                "ex04-cost-gradient": "def cost_gradient(Y_hat, Y, kind):\n"
                "    if kind == 'mse':\n        return 2 * (Y_hat - Y) / Y_hat.size\n"
                "    return -Y / np.clip(Y_hat, 1e-12, 1) / len(Y_hat)\n",
                "ex04-output-delta": "def output_delta(Y_hat, Y, kind):\n"
                "    from annlib.losses import get_loss\n"
                "    return get_loss(kind).gradient(Y_hat, Y, at_z=True)\n",
            },
            "ex04-output-delta-test",
            "ex04-cost-gradient-test",
        ),
    ]:
        notebook = nbformat.read(root / "student" / name, as_version=4)
        for cell in notebook.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            cell.source = answers.get(grade_id, cell.source)
        submitted = tmp_path / name
        nbformat.write(notebook, submitted)
        record = grade_submission(submitted, root / "source", timeout=60)
        cells = {c["grade_id"]: c for c in record["cells"]}
        assert cells[passed]["status"] == "passed", cells[passed]
        assert cells[refused]["points"] == 0
        assert "so this part scores no points" in cells[refused]["feedback"]


def _named(check, answer, seed):
    with pytest.raises(CheckFailed) as info:
        check(answer, seed=seed)
    return info.value


def _reversed_layers(params, X, activations):
    return EX03["forward"](params[::-1], X, activations)


_SCRATCH_TABLE_CALLED = _cells(
    """
from annlib.scratch import ACTIVATIONS

def forward(params, X, activations):
    A, caches = X, []
    for (W, b), name in zip(params, activations):
        Z = A @ W + b
        caches.append((A, Z, name))
        A = ACTIVATIONS[name](Z)
    return A, caches
"""
)["forward"]


@pytest.mark.parametrize("seed", [0, 302])
def test_forward_with_its_layers_in_reverse_is_not_told_it_feeds_X_to_every_layer(seed):
    failure = _named(C.check_forward, _reversed_layers, seed)
    assert failure.mistakes == ("layers_reversed",)


@pytest.mark.parametrize("seed", [0, 302])
def test_forward_calling_scratch_activations_is_told_its_entries_are_pairs(seed):
    failure = _named(C.check_forward, _SCRATCH_TABLE_CALLED, seed)
    assert failure.mistakes == ("scratch_pairs",) and "ACTIVATIONS[name][0](Z)" in str(failure)


def _drawn_at(scale):
    return lambda sizes, rng: [
        (rng.normal(0.0, scale(i, o), size=(i, o)), np.zeros(o)) for i, o in zip(sizes, sizes[1:])
    ]


@pytest.mark.parametrize("seed", [0, 307])
@pytest.mark.parametrize(
    "scale, named",
    [
        (lambda i, o: 1.0, ("too_large",)),
        (lambda i, o: np.sqrt(i), ("times_sqrt",)),
        (lambda i, o: np.sqrt(1 / o), ("fan_out",)),
        (lambda i, o: 3.0 / np.sqrt(i), ()),  # too large, but neither of those: the measured hint only
    ],
    ids=["one", "times_sqrt", "fan_out", "three_times"],
)
def test_initialize_names_a_wrong_scale_only_by_the_scale_it_was_drawn_at(scale, named, seed):
    failure = _named(C.check_initialize, _drawn_at(scale), seed)
    assert failure.mistakes == named and "too large" in str(failure)


@pytest.mark.parametrize("seed", [0, 307])
def test_initialize_with_the_first_layers_fan_in_everywhere_is_named(seed):
    def first_fan_in(sizes, rng):
        return [(rng.normal(0, np.sqrt(1 / sizes[0]), (i, o)), np.zeros(o)) for i, o in zip(sizes, sizes[1:])]

    assert _named(C.check_initialize, first_fan_in, seed).mistakes == ("first_fan_in",)


@pytest.mark.parametrize("seed", [0, 303])
def test_collapse_linear_with_pytorchs_formulas_is_told_the_weights_are_stored_the_other_way(seed):
    failure = _named(C.check_collapse_linear, lambda W1, b1, W2, b2: (W2 @ W1, W2 @ b1 + b2), seed)
    assert failure.mistakes == ("torch_convention",)


@pytest.mark.parametrize("seed", [0, 304])
@pytest.mark.parametrize(
    "answer, key",
    [
        (lambda X, W1, b1, W2, b2, W, b: np.max(np.abs(np.tanh(X @ W1 + b1) @ W2 - (X @ W + b))), "no_b2"),
        (lambda X, W1, b1, W2, b2, W, b: np.max(np.abs(np.tanh(X @ W1) @ W2 + b2 - (X @ W + b))), "no_b1"),
        (lambda X, W1, b1, W2, b2, W, b: np.min(np.abs(np.tanh(X @ W1 + b1) @ W2 + b2 - (X @ W + b))), "min"),
    ],
    ids=["no_b2", "no_b1", "min"],
)
def test_tanh_gap_names_a_missing_bias_and_the_minimum(answer, key, seed):
    assert _named(C.check_tanh_gap, answer, seed).mistakes == (key,)


def test_forward_with_one_activation_for_every_layer_is_named():
    from annlib.activations import tanh

    def forward(params, X, activations):
        A, caches = X, []
        for (W, b), name in zip(params, activations):
            Z = A @ W + b
            caches.append((A, Z, name))
            A = tanh(Z)
        return A, caches

    with pytest.raises(CheckFailed) as info:
        C.check_forward(forward)
    assert info.value.mistakes == ("one_activation",)
