"""Checks for exercise 01, the neuron (lesson 01): weighted sum, sigmoid, a batch of outputs, an AND gate.

Each part's known mistakes are its catalogue (a list of `Mistake`): a wrong implementation written as a
learner writes it, and the hint that names it. A check names a mistake only when it gives exactly what
the learner's answer gave, on every case the check ran.
"""

import math

import numpy as np

from annlib import activations, neuron
from annlib.activations import sigmoid as _sigmoid
from annlib.checks._core import Case, Mistake, Part, check, fmt, rng_for

# --- Part 1: weighted_sum(x, w, b) -> x . w + b ------------------------------------------------------


def _weighted_sum(x, w, b):
    return float(x @ w + b)


WEIGHTED_SUM_MISTAKES = [
    Mistake("no_bias", "the bias is missing: z = x . w + b", lambda x, w, b: x @ w),
    Mistake("minus_bias", "the bias is added, not subtracted: z = x . w + b", lambda x, w, b: x @ w - b),
    Mistake(
        "bias_per_input",
        "b was added once per input (np.sum(x * w + b)); add it once, after the sum",
        lambda x, w, b: np.sum(x * w + b),
    ),
    Mistake(
        "sum_times_sum",
        "multiply each input by its own weight, then add the products: np.sum(x * w)",
        lambda x, w, b: np.sum(x) * np.sum(w) + b,
    ),
    Mistake(
        "loop_skips_first",
        "the loop leaves out the first input: range(len(x)) starts at 0",
        lambda x, w, b: x[1:] @ w[1:] + b,
    ),
    Mistake(
        "loop_skips_last",
        "the loop leaves out the last input: range(len(x)) already stops before len(x)",
        lambda x, w, b: x[:-1] @ w[:-1] + b,
    ),
    Mistake("times_bias", "add the bias, do not multiply by it: z = x . w + b", lambda x, w, b: (x @ w) * b),
    Mistake(
        "products_not_summed",
        "x * w gives one product per input; add them up with np.sum (or use x @ w)",
        lambda x, w, b: x * w + b,
    ),
    Mistake(
        "mean",
        "np.mean divides the sum of the products by N: the weighted sum adds them up, np.sum(x * w) or x @ w",
        lambda x, w, b: np.mean(x * w) + b,
    ),
    Mistake(
        "added_not_multiplied",
        "multiply each input by its weight (x * w), do not add them (x + w): z = x . w + b",
        lambda x, w, b: np.sum(x + w) + b,
    ),
    Mistake(
        "activation_applied",
        "that is sigmoid(z): this part asks for the weighted sum z = x . w + b itself, before any activation",
        lambda x, w, b: 1 / (1 + np.exp(-(x @ w + b))),
    ),
    Mistake(
        "two_inputs_only",
        "only x[0] and x[1] are used: the neuron has N inputs (the check tries 1 to 5), so add all the "
        "products, np.dot(x, w)",
        lambda x, w, b: x[0] * w[0] + x[1] * w[1] + b,
    ),
    Mistake(
        "cut_to_integer",
        "int() (or np.floor, //) cuts off the decimals: return the weighted sum as it is, float(x @ w + b)",
        explains=lambda part: _near_but_not_exact(part, lambda r: float(r).is_integer(), 1.0),
        example=lambda x, w, b: int(x @ w + b),
    ),
    Mistake(
        "rounded",
        "return the value as computed: rounding (round, np.round) belongs to printing, not to the function",
        explains=lambda part: _near_but_not_exact(part, _rounded, 0.05),
        example=lambda x, w, b: round(float(x @ w + b), 2),
    ),
]


def _near_but_not_exact(part, shaped, within):
    """Every result a number of the given kind (whole, rounded) within `within` of the right one, and some
    result not the right one: the value was cut or rounded on its way out."""
    off = False
    for outcome, want in zip(part.outcomes, part.wanted):
        if outcome.error is not None or np.ndim(outcome.result) != 0:
            return False
        got, right = float(outcome.result), float(want.result)
        if got != right:
            if not shaped(got) or abs(got - right) > within:
                return False
            off = True
    return off


def _one_example_cases(seed):
    rng = rng_for(seed, 1)
    cases = [
        (np.array([1.0, 2.0, 3.0]), np.array([0.5, -1.0, 2.0]), 0.5),
        (np.array([0.0, 0.0]), np.array([1.0, 1.0]), -2.0),
        (np.array([2.0]), np.array([3.0]), 1.0),
        (np.array([1, 2, 3, 4]), np.array([2, 0, -1, 1]), 3),  # integers, as a learner may type them
    ]
    for n in (4, 5):
        cases.append((rng.normal(size=n), rng.normal(size=n), float(rng.normal())))
    return [Case(f"x = {fmt(x)}, w = {fmt(w)}, b = {fmt(b)}", x, w, b) for x, w, b in cases]


@check
def check_weighted_sum(weighted_sum, *, seed=0):
    """weighted_sum(x, w, b) -> z = x . w + b, one number, for one example x of shape (N,).

    Other seeds try other random x, w and b, of 4 and 5 inputs.
    """
    part = Part(
        "weighted_sum",
        weighted_sum,
        reference=_weighted_sum,
        catalogue=WEIGHTED_SUM_MISTAKES,
        twins=[("neuron.weighted_sum", neuron.weighted_sum), ("Neuron.weighted_sum", neuron.Neuron.weighted_sum)],
        error_hint="x and w both have shape (N,): multiply them element by element and add up, then add b",
    )
    part.run(_one_example_cases(seed))
    part.judge(scalar=True, shape_hint="x * w gives one product per input; add them up with np.sum (or use x @ w)")
    part.passed()


# --- Part 2: sigmoid(z) -> 1 / (1 + exp(-z)) ---------------------------------------------------------


def _rounded(value):
    array = np.asarray(value, dtype=np.float64)
    return bool(np.all(np.round(array, 4) == array))


def _step(part):
    """Only 0, 0.5 and 1 wherever the answer ran, and a 0 or 1 among them (some calls may have raised)."""
    ran = [np.asarray(o.result, dtype=np.float64) for o in part.outcomes if o.error is None]
    return all(np.isin(v, (0.0, 0.5, 1.0)).all() for v in ran) and any(np.isin(v, (0.0, 1.0)).any() for v in ran)


def _float16_right(part):
    """Some result in float16, and every result right to float16's precision (about 3 digits)."""
    return any(getattr(o.result, "dtype", None) == np.float16 for o in part.outcomes) and all(
        o.error is None
        and np.shape(o.result) == np.shape(w.result)
        and np.allclose(np.asarray(o.result, dtype=np.float64), w.result, rtol=2e-3, atol=1e-4)
        for o, w in zip(part.outcomes, part.wanted)
    )


def _math_sigmoid(z):
    return 1 / (1 + math.exp(-z))


SIGMOID_MISTAKES = [
    Mistake(
        "squared",
        "the square belongs to the derivative's denominator; sigmoid itself is 1 / (1 + exp(-z))",
        lambda z: 1 / (1 + np.exp(-z)) ** 2,
    ),
    Mistake(
        "rounded",
        "return the values as computed: rounding (np.round) belongs to printing, not to the function",
        explains=lambda part: all(
            o.error is None
            and _rounded(o.result)
            and not _rounded(w.result)
            and np.shape(o.result) == np.shape(w.result)
            and np.max(np.abs(np.asarray(o.result, dtype=np.float64) - w.result)) <= 0.05
            for o, w in zip(part.outcomes[1:], part.wanted[1:])
        ),
        example=lambda z: np.round(1 / (1 + np.exp(-z)), 2),
    ),
    Mistake(
        "mirrored",
        "that is 1 - sigmoid(z) = sigmoid(-z), the curve mirrored: check the sign in the exponent and that the "
        "numerator is 1, sigmoid(z) = 1 / (1 + exp(-z))",
        lambda z: 1 / (1 + np.exp(z)),
    ),
    Mistake("tanh", "that is tanh(z); sigmoid(z) = 1 / (1 + exp(-z))", lambda z: np.tanh(z)),
    Mistake(
        "minus_in_denominator",
        "a plus sign in the denominator: 1 + exp(-z), not 1 - exp(-z)",
        lambda z: 1 / (1 - np.exp(-z)),
    ),
    Mistake("not_divided", "divide: sigmoid(z) = 1 / (1 + exp(-z))", lambda z: np.exp(-z)),
    Mistake(
        "precedence",
        "brackets: 1 / 1 + np.exp(-z) divides 1 by 1 first; write 1 / (1 + np.exp(-z))",
        lambda z: 1 / 1 + np.exp(-z),
    ),
    Mistake("no_one", "the denominator is 1 + exp(-z): the 1 is missing", lambda z: 1 / np.exp(-z)),
    Mistake(
        "math_exp",
        "math.exp takes one number; np.exp works on a whole array at once",
        _math_sigmoid,
    ),
    Mistake(
        "step",
        "your values are only 0 and 1 (a step, as z > 0 gives): sigmoid is smooth, 1 / (1 + np.exp(-z)), "
        "strictly between 0 and 1",
        explains=_step,
        example=lambda z: np.where(np.asarray(z) > 0, 1.0, 0.0),
    ),
    Mistake("relu", "that is ReLU, max(0, z); sigmoid(z) = 1 / (1 + exp(-z))", lambda z: np.maximum(0, z)),
    Mistake(
        "base_two",
        "that is 1 / (1 + 2 ** (-z)): the sigmoid's base is e, 1 / (1 + np.exp(-z))",
        lambda z: 1 / (1 + 2.0 ** (-np.asarray(z, dtype=np.float64))),
    ),
    Mistake(
        "float16",
        "float16 keeps only about 3 digits: leave the dtype as numpy gives it (no .astype(np.float16))",
        explains=lambda part: _float16_right(part),
        example=lambda z: (1 / (1 + np.exp(-np.asarray(z, dtype=np.float64)))).astype(np.float16),
    ),
    Mistake(
        "derivative",
        "that is sigmoid's derivative, s * (1 - s) with s = sigmoid(z) (0.25 at z = 0): sigmoid itself is "
        "1 / (1 + np.exp(-z))",
        lambda z: 1 / (1 + np.exp(-z)) * (1 - 1 / (1 + np.exp(-z))),
    ),
    Mistake(
        "abs",
        "that is sigmoid(|z|), never below 0.5: sigmoid uses z itself, 1 / (1 + np.exp(-z)), below 0.5 for z < 0",
        lambda z: 1 / (1 + np.exp(-np.abs(z))),
    ),
    Mistake(
        "half_exponent",
        "the exponent is -z, not -z / 2: sigmoid(z) = 1 / (1 + np.exp(-z))",
        lambda z: 1 / (1 + np.exp(-z / 2)),
    ),
]


def _sigmoid_cases(seed):
    rng = rng_for(seed, 2)
    cases = [
        Case("z = 0.0", 0.0),
        Case("z = [-2, -1, 0, 1, 2]", np.array([-2.0, -1.0, 0.0, 1.0, 2.0])),
        Case("z = [-10, 10]", np.array([-10.0, 10.0])),
        Case("z = [-3, 0, 3] as integers", np.array([-3, 0, 3])),
    ]
    z = rng.uniform(-6, 6, size=(3, 2))
    return [*cases, Case(f"z = {fmt(z)}", z)]


@check
def check_sigmoid(sigmoid, *, seed=0):
    """sigmoid(z) -> 1 / (1 + exp(-z)), element by element, any shape, z between -10 and 10.

    Other seeds try another random array of shape (3, 2).
    """
    part = Part(
        "sigmoid",
        sigmoid,
        reference=_sigmoid,
        catalogue=SIGMOID_MISTAKES,
        error_hint="use np.exp so that z can be an array",
        twins=[("activations.sigmoid", activations.sigmoid)],
    )
    part.run(_sigmoid_cases(seed))
    part.judge(shape_hint="sigmoid works element by element: the result has the shape of z")
    part.passed()


# --- Part 3: neuron_output(X, w, b) -> sigmoid(X @ w + b) --------------------------------------------


NEURON_OUTPUT_MISTAKES = [
    Mistake(
        "no_activation",
        "apply the activation: the output is sigmoid(X @ w + b), not the weighted sum",
        lambda X, w, b: X @ w + b,
    ),
    Mistake("no_bias", "the bias is missing: sigmoid(X @ w + b)", lambda X, w, b: _sigmoid(X @ w)),
    Mistake(
        "transposed",
        "each row of X is one example: use X @ w, not X.T @ w (or np.dot(w, X))",
        explains=lambda part: _transposed(part),
        example=lambda X, w, b: _sigmoid(X.T @ w + b),
    ),
    Mistake(
        "bias_after_activation",
        "add the bias before the activation: sigmoid(X @ w + b)",
        lambda X, w, b: _sigmoid(X @ w) + b,
    ),
    Mistake(
        "column",
        "with w of shape (N,), X @ w has shape (n_samples,) already: do not reshape w (or the result) into a column",
        lambda X, w, b: _sigmoid(X @ w.reshape(-1, 1) + b),
    ),
    Mistake(
        "elementwise",
        "X * w multiplies without adding up: X @ w gives one weighted sum per row",
        lambda X, w, b: _sigmoid(X * w + b),
    ),
    Mistake(
        "minus_bias",
        "the bias is added, not subtracted: sigmoid(X @ w + b)",
        lambda X, w, b: _sigmoid(X @ w - b),
    ),
    Mistake(
        "sum_down_columns",
        "np.sum(X * w, axis=0) adds down each column, over the examples; each example's weighted sum adds along "
        "its row: np.sum(X * w, axis=1), or X @ w",
        lambda X, w, b: _sigmoid(np.sum(X * w, axis=0) + b),
    ),
    Mistake(
        "sum_over_batch",
        "one output per example: keep X @ w as it is, without adding up over the rows",
        lambda X, w, b: _sigmoid(np.sum(X @ w) + b),
    ),
    Mistake(
        "thresholded",
        "return the outputs themselves, sigmoid(X @ w + b): comparing with 0.5 (or rounding) turns them into "
        "0/1 predictions",
        explains=lambda part: _thresholded(part),
        example=lambda X, w, b: _sigmoid(X @ w + b) > 0.5,
    ),
    Mistake(
        "negated",
        "that is 1 - sigmoid(X @ w + b): check the sign, sigmoid(z) = 1 / (1 + exp(-z)) of z = X @ w + b",
        lambda X, w, b: _sigmoid(-(X @ w + b)),
    ),
    Mistake(
        "mean",
        "np.mean divides each weighted sum by N: add the products up, X @ w (or np.sum(X * w, axis=1))",
        lambda X, w, b: _sigmoid(np.mean(X * w, axis=1) + b),
    ),
    Mistake(
        "relu",
        "that is ReLU; this neuron's activation is the sigmoid: sigmoid(X @ w + b)",
        lambda X, w, b: np.maximum(0, X @ w + b),
    ),
    Mistake(
        "tanh",
        "that is tanh; this neuron's activation is the sigmoid: sigmoid(X @ w + b)",
        lambda X, w, b: np.tanh(X @ w + b),
    ),
    Mistake(
        "loop_one_short",
        "the last example's output is missing: range(len(X) - 1) stops one early; range(len(X)) already stops "
        "before the end",
        lambda X, w, b: _sigmoid(X[:-1] @ w + b),
    ),
    Mistake(
        "loop_skips_last",
        "the last example's output is missing: range(len(X)) (or range(X.shape[0])) already stops before the end",
        explains=lambda part: _last_missing(part),
        example=lambda X, w, b: np.concatenate([_sigmoid(X[:-1] @ w + b), [0.0]]),
    ),
]


def _transposed(part):
    """X.T @ w where X is square, and an error (no matching shapes) on every other case."""
    seen = False
    for case, outcome in zip(part.cases, part.outcomes):
        X, w, b = case.args
        if X.shape[0] != X.shape[1]:
            if outcome.error is None:
                return False
            continue
        if outcome.error is not None or not np.allclose(outcome.result, _sigmoid(X.T @ w + b)):
            return False
        seen = True
    return seen


def _thresholded(part):
    """Only 0s and 1s, each the right output rounded (where that output is not 0.5 itself)."""
    for outcome, want in zip(part.outcomes, part.wanted):
        if outcome.error is not None or np.shape(outcome.result) != np.shape(want.result):
            return False
        got, right = np.asarray(outcome.result, dtype=np.float64), np.asarray(want.result, dtype=np.float64)
        decided = np.abs(right - 0.5) > 1e-9
        if not np.isin(got, (0.0, 1.0)).all() or not (got[decided] == (right[decided] > 0.5)).all():
            return False
    return True


def _last_missing(part):
    """Right for every example but the last, which is 0 (the array it was written into), on every case."""
    for outcome, want in zip(part.outcomes, part.wanted):
        if outcome.error is not None or np.shape(outcome.result) != np.shape(want.result):
            return False
        got, right = np.asarray(outcome.result, dtype=np.float64), np.asarray(want.result, dtype=np.float64)
        if got[-1] != 0.0 or not np.allclose(got[:-1], right[:-1]):
            return False
    return True


@check
def check_neuron_output(neuron_output, *, seed=0):
    """neuron_output(X, w, b) -> sigmoid(X @ w + b): one output per row of the batch X, shape (n_samples,).

    The learner's function runs with the course's sigmoid under that name, so a slip in Part 2 costs
    only Part 2. Other seeds try other random batches.
    """
    part = Part(
        "neuron_output",
        neuron_output,
        reference=lambda X, w, b: _sigmoid(X @ w + b),
        catalogue=NEURON_OUTPUT_MISTAKES,
        twins=[("neuron.neuron_output", neuron.neuron_output), ("Neuron", neuron.Neuron)],
        course={"sigmoid": _sigmoid},
        error_hint="X is (n_samples, N) and w is (N,): X @ w gives one weighted sum per row",
    )
    rng = rng_for(seed, 3)
    cases = [
        (np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [-1.0, 0.5, 2.0]]), np.array([0.5, -1.0, 0.25]), 0.5),
        (rng.normal(size=(5, 2)), rng.normal(size=2), float(rng.normal())),
        (rng.normal(size=(1, 4)), rng.normal(size=4), -1.0),
    ]
    part.run(Case(f"X = {fmt(X)}, w = {fmt(w)}, b = {fmt(b)}", X, w, b) for X, w, b in cases)
    part.judge(shape_hint="one output per example: with w of shape (N,), X @ w has shape (n_samples,)")
    part.passed()


# --- Part 4: and_gate_parameters() -> (w, b) ---------------------------------------------------------

_CORNERS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
_AND = [False, False, False, True]


def _outputs(part):
    """The learner's neuron's output at each corner (the course's sigmoid, in float64)."""
    w, b = (np.array(v, dtype=np.float64) for v in part.outcomes[0].result)
    return _sigmoid(_CORNERS @ w + b)


def _fires(part):
    """Which corners the learner's neuron fires for (output above 0.5)."""
    return (_outputs(part) > 0.5).tolist()


def _swapped(part):
    first, second = part.outcomes[0].result
    return np.ndim(first) == 0 and np.shape(second) == (2,)


AND_GATE_MISTAKES = [
    Mistake("no_return", "the function ends without `return w, b`, so it gives None", lambda: None),
    Mistake(
        "w_only",
        "return both: `return w, b` gives the pair the check expects",
        explains=lambda part: isinstance(part.outcomes[0].result, np.ndarray),
        example=lambda: np.array([10.0, 10.0]),
    ),
    Mistake(
        "one_input_ignored",
        "it follows one input only: give both inputs a positive weight, each too small alone to beat the bias",
        explains=lambda part: _fires(part) in ([False, False, True, True], [False, True, False, True]),
        example=lambda: (np.array([10.0, 0.0]), -5.0),
    ),
    Mistake(
        "or_gate",
        "that is an OR gate: one input alone already beats the bias; make b more negative than -w1 and -w2",
        explains=lambda part: _fires(part) == [False, True, True, True],
        example=lambda: (np.array([1.0, 1.0]), -0.5),
    ),
    Mistake(
        "fires_at_zero",
        "with both inputs 0 the output is sigmoid(b): b must be negative",
        explains=lambda part: _fires(part)[0],
        example=lambda: (np.array([5.0, 5.0]), 2.0),
    ),
    Mistake(
        "never_fires",
        "it never fires: w1 + w2 + b must be above 0, so the weights must together beat the bias",
        explains=lambda part: not any(_fires(part)),
        example=lambda: (np.array([1.0, 1.0]), -3.0),
    ),
    Mistake(
        "swapped",
        "the pair is the wrong way round: return w first, then b, `return w, b`",
        explains=_swapped,
        example=lambda: (-15.0, np.array([10.0, 10.0])),
    ),
    Mistake(
        "bias_in_w",
        "keep the bias apart: w holds the two input weights only, w = np.array([w1, w2]), and b is returned beside it",
        explains=lambda part: np.shape(part.outcomes[0].result[0]) == (3,) and float(part.outcomes[0].result[1]) == 0,
        example=lambda: (np.array([-15.0, 10.0, 10.0]), 0.0),
    ),
]


def _pair(result):
    if isinstance(result, (tuple, list)) and len(result) == 2:
        return result
    return None


@check
def check_and_gate(and_gate_parameters, *, seed=0):
    """and_gate_parameters() -> (w, b): a sigmoid neuron above 0.5 only when both inputs are 1.

    The inputs are exactly 0 and 1, as the exercise states; the seed changes nothing here.
    """
    part = Part(
        "and_gate_parameters",
        and_gate_parameters,
        reference=lambda: (np.array([10.0, 10.0]), -15.0),
        catalogue=AND_GATE_MISTAKES,
    )
    (outcome,) = part.run([Case("and_gate_parameters()")])
    if outcome.error is not None:
        part.error(outcome)
    result = outcome.result
    if _pair(result) is None:
        count = f"{len(result)} values" if isinstance(result, (tuple, list)) else _short_value(result)
        part.fail(f"expected a pair (w, b), got {count}", "end with `return w, b`")
    w, b = result
    case = part.cases[0]
    w_hint = "one weight per input: w = np.array([w1, w2])"
    part.compare(w, np.zeros(2), case=case, what="w", shape_hint=w_hint, values=False, lists=True)
    part.compare(b, 0.0, case=case, what="b", scalar=True, shape_hint="the bias is one number", values=False)
    outputs = _outputs(part)
    table = ", ".join(f"{tuple(int(v) for v in c)} -> {o:.3f}" for c, o in zip(_CORNERS, outputs))
    if _fires(part) != _AND:
        part.fail(
            f"outputs {table}; expected above 0.5 for (1, 1) only",
            "the four conditions above: w1 + w2 + b > 0, w1 + b ≤ 0, w2 + b ≤ 0 and b ≤ 0",
        )
    part.passed(f"an AND gate ({table})")


def _short_value(value):
    return "None" if value is None else fmt(value) if not callable(value) else f"a {type(value).__name__}"


CATALOGUES = {
    "check_weighted_sum": WEIGHTED_SUM_MISTAKES,
    "check_sigmoid": SIGMOID_MISTAKES,
    "check_neuron_output": NEURON_OUTPUT_MISTAKES,
    "check_and_gate": AND_GATE_MISTAKES,
}
