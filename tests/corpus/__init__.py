"""Learner-style answers for every graded part, written as learners write them, to measure the checks.

Each exercise has a module `exNN.py` with two dicts keyed by the check's name:

    CORRECT = {"check_sigmoid": [source, ...]}               answers the instructions allow
    WRONG = {"check_sigmoid": [(key, source), ...]}          plausible mistakes (see CONDITIONS for a third
                                                             element: where the mistake is one)

Each source is the text of a notebook cell (or of several; dedented, so it can be written as an indented
triple-quoted string), run in a namespace of its own that holds what the exercise's import cell gives
(numpy as np). `key` is the catalogue mistake the answer makes, or None
for a mistake the catalogue does not name (the check must still reject it, and must not name another).
`measure` runs an answer as the notebook and the grader do: the visible call, then the hidden ones, with
the seeds the exercise's graded cell uses.
"""

import contextlib
import copy
import io
import json
import re
import textwrap
from pathlib import Path

import numpy as np

from annlib import checks
from annlib.checks import CheckFailed

SOURCES = Path(__file__).resolve().parents[2] / "exercises" / "source"


def _raises(action):
    try:
        action()
    except TypeError:
        return True
    return False


def _copy_shares_state():
    generator = np.random.default_rng(0)
    copy.copy(generator).random()
    return generator.random() != np.random.default_rng(0).random()


# Some answers are wrong with one numpy and right with another: numpy 2 refuses a size-1 array with
# dimensions where a number is needed (float(), math.log), which numpy 1 allowed; numpy 2's copy.copy of a
# Generator shares its state, numpy 1's made an independent one. A WRONG entry may name the condition
# under which it is wrong as a third element; ONLY_WHERE gives it for every answer of a catalogue mistake.
CONDITIONS = {
    "numpy refuses a size-1 array as a number": _raises(lambda: float(np.ones((1, 1)))),
    "copy.copy of a Generator shares its state": _copy_shares_state(),
}
ONLY_WHERE = {
    ("check_binary_cross_entropy", "math_log"): "numpy refuses a size-1 array as a number",
    ("check_binary_cross_entropy", "float_of_column"): "numpy refuses a size-1 array as a number",
}


def wrong_here(check_name, key, condition=None):
    """Whether an answer making this mistake is wrong with this numpy (see CONDITIONS)."""
    condition = condition or ONLY_WHERE.get((check_name, key))
    return condition is None or CONDITIONS[condition]


_CALL = re.compile(r"^(check_\w+)\((\w+)(?:, seed=(\d+))?\)$")
PRELUDE = "import numpy as np\n"


def graded_calls():
    """check name -> (exercise, the learner's function's name, [seed of each call, visible first])."""
    calls = {}
    for path in sorted(SOURCES.glob("ex*.ipynb")):
        notebook = json.loads(path.read_text())
        for cell in notebook["cells"]:
            if not cell["metadata"].get("nbgrader", {}).get("grade") or cell["cell_type"] != "code":
                continue
            for line in "".join(cell["source"]).splitlines():
                match = _CALL.match(line.strip())
                if match:
                    name, func, seed = match.groups()
                    entry = calls.setdefault(name, (path.stem[:4], func, []))
                    entry[2].append(int(seed or 0))
    return calls


def load(source):
    """The namespace a cell's source leaves, as a notebook would after running it."""
    namespace = {"__name__": "__main__"}
    exec(compile(PRELUDE + textwrap.dedent(source), "<cell>", "exec"), namespace)
    return namespace


class Result:
    """How one answer fared: `visible` and `hidden` are None (passed) or the CheckFailed raised."""

    def __init__(self, visible, hidden, stderr):
        self.visible, self.hidden, self.stderr = visible, hidden, stderr

    @property
    def passed(self):
        return self.visible is None and not any(self.hidden)

    @property
    def failure(self):
        return self.visible or next((h for h in self.hidden if h is not None), None)


def measure(check_name, source):
    """Run one answer as the exercise's graded cell runs it: the visible call, then each hidden one."""
    _, func_name, seeds = graded_calls()[check_name]
    check = getattr(checks, check_name)
    err = io.StringIO()
    outcomes = []
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        for seed in seeds:
            namespace = load(source)  # a fresh notebook for each call, as grading would restore it
            try:
                check(namespace[func_name], seed=seed) if seed else check(namespace[func_name])
                outcomes.append(None)
            except CheckFailed as failure:
                outcomes.append(failure)
    return Result(outcomes[0], outcomes[1:], err.getvalue())


def catalogue_hints(check_name):
    """key -> hint of every catalogue mistake of a check (read from its module's CATALOGUES)."""
    check = getattr(checks, check_name)
    module = __import__(check.__module__, fromlist=["CATALOGUES"])
    return {m.key: m.hint for m in module.CATALOGUES.get(check_name, [])}


def exercises():
    found = {}
    for path in sorted(Path(__file__).parent.glob("ex*.py")):
        module = __import__(f"tests.corpus.{path.stem}", fromlist=["CORRECT", "WRONG"])
        found[path.stem] = module
    return found


def answers():
    """check name -> (right sources, wrong (key, source, *condition) entries) over every exercise, each
    answer once: an answer written twice (up to indentation) counts once."""
    found = {}
    for module in exercises().values():
        for name in sorted(set(module.CORRECT) | set(module.WRONG)):
            right, wrong = found.setdefault(name, ([], []))
            seen = {_text(s) for s in right} | {(e[0], _text(e[1])) for e in wrong}
            for source in module.CORRECT.get(name, []):
                if _text(source) not in seen:
                    seen.add(_text(source))
                    right.append(source)
            for entry in module.WRONG.get(name, []):
                if (entry[0], _text(entry[1])) not in seen:
                    seen.add((entry[0], _text(entry[1])))
                    wrong.append(tuple(entry))
    return found


def _text(source):
    return textwrap.dedent(source).strip()


def figures():
    """Per check: counts of correct answers rejected, wrong answers accepted, and how caught mistakes
    were named: right (its own key among those named), misleading (another mistake named), described (no
    catalogue mistake, but a hint on how the numbers differ from the right ones), not named."""
    rows = {}
    for name, (right, wrong) in sorted(answers().items()):
        row = rows[name] = dict(
            correct=0, rejected=[], wrong=0, accepted=[], disagree=[], right=0, misleading=[], described=[], unnamed=[]
        )
        for source in right:
            row["correct"] += 1
            result = measure(name, source)
            if not result.passed:
                row["rejected"].append((source, str(result.failure)))
        for key, source, *condition in wrong:
            if not wrong_here(name, key, *condition):
                continue
            row["wrong"] += 1
            result = measure(name, source)
            if result.visible is None and not result.passed:
                row["disagree"].append((key, source))
            if result.passed:
                row["accepted"].append((key, source))
                continue
            named = tuple(k for k in result.failure.mistakes if not k.startswith("relation:"))
            if key is not None and key in named:
                row["right"] += 1
            elif named:
                row["misleading"].append((key, named, source, str(result.failure)))
            elif result.failure.mistakes:  # no catalogue mistake, but how the numbers differ (_relations)
                row["described"].append((key, source, str(result.failure)))
            else:
                row["unnamed"].append((key, source, str(result.failure)))
    return rows
