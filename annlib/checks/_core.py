"""The ladder every exercise check climbs, and the failure it raises (all lessons' exercises).

A graded cell calls one check with the learner's function, `check_sigmoid(sigmoid)`. The check calls
the function on a table of cases and stops at the first rung that fails:

    callable?  ->  returns the right type?  ->  the right shape?  ->  the right values?
    ->  which known mistake gives exactly these outcomes?  (the hint naming it)

The known mistakes of a part are its catalogue: a list of `Mistake`s, each a small wrong implementation
with the learner's signature (or, where no value can express it, a predicate) and a hint. The catalogue is
the one place a mistake is written. When an answer fails, `Part` runs every wrong implementation on the
same cases as the answer and names a mistake only when it explains the answer's outcome on every one of
them (the same values, or the same error); where two explain it, the hint gives both. A mistake matched on
one case only is a coincidence often enough to mislead, so that never counts.

A pass prints one short line. A failure raises `CheckFailed`, an `AssertionError`, so nbgrader and
pytest count it; in Jupyter it shows as one or two lines instead of a traceback.

The learner's code runs with its warnings recorded (they become a hint instead of text on stderr, which
nbgrader would score as a failure) and its printing hidden. Results are copied into plain float arrays
and compared with numpy functions captured when this module is imported. While a check runs, numpy's,
math's and the builtins' names are put back as they were at import (and the learner's replacements put
back afterwards), so neither a result object with a lying `__eq__` nor a patch such as
`np.abs = lambda x: 0` changes a verdict: the learner's function runs as it will run at grading.
"""

import builtins as _builtins_module
import contextlib
import copy
import dis
import functools
import inspect
import io
import math as _math
import numbers
import sys
import traceback
import types
import warnings

import numpy as np

from annlib.checks._relations import STRONG, relation, shape_relation, transposed

PASS_MARK = "\u2713"  # check mark
FAIL_MARK = "\u2717"  # ballot x


class CheckFailed(AssertionError):
    """A check found a mistake: `check` names what was checked, `message` what is wrong, `hint` a fix.

    `mistakes` holds the keys of the catalogue's mistakes the hint names (empty when it names none).
    """

    def __init__(self, check, message, hint=None, mistakes=()):
        self.check = check
        self.message = message
        self.hint = hint
        self.mistakes = tuple(mistakes)
        text = f"{check}: {message}"
        if hint:
            text += f"\n  hint: {hint}"
        super().__init__(text)

    def __reduce__(self):
        return (type(self), (self.check, self.message, self.hint, self.mistakes))

    def _render_traceback_(self):
        # IPython shows these lines in place of the traceback: the learner sees the verdict, not our code.
        lines = [f"\x1b[31m{FAIL_MARK} {self.check}: {self.message}\x1b[0m"]
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return lines


_abs = np.abs
_isnan = np.isnan
_isinf = np.isinf
_array = np.array
_argwhere = np.argwhere
_errstate = np.errstate
_deepcopy = copy.deepcopy


def fmt(value, digits=4):
    """A short, rounded text for a number or a small array (a shape for big ones)."""
    if isinstance(value, str):
        return repr(value)
    try:
        array = _array(value, dtype=np.float64)
    except (TypeError, ValueError):
        return f"a {type(value).__name__}"
    if array.ndim == 0:
        return f"{float(array):.{digits}g}"
    if array.size > 8:
        return f"an array of shape {array.shape}"
    text = np.array2string(array, separator=", ", formatter={"float_kind": lambda v: f"{v:.{digits}g}"})
    return " ".join(text.split())


def digits_that_differ(got, want):
    """The fewest significant digits (4 to 17) at which got and want print differently."""
    try:
        got = _array(got, dtype=np.float64)
        want = _array(want, dtype=np.float64)
    except (TypeError, ValueError):
        return 4
    if got.shape != want.shape:
        return 4
    for digits in range(4, 18):
        if fmt(got, digits) != fmt(want, digits):
            return digits
    return 17


def fmt_pair(got, want):
    """(got, want) as texts, each to the digits at which they differ: never "expected 10, got 10"."""
    digits = digits_that_differ(got, want)
    return fmt(got, digits), fmt(want, digits)


def _close(got, want, rtol, atol):
    # Finite values within tolerance; infinities only equal to the same infinity (|inf| is no tolerance).
    with _errstate(invalid="ignore", over="ignore"):
        finite = ~_isinf(want)
        return (finite & (_abs(got - want) <= atol + rtol * _abs(want))) | (got == want)


def same(got, want, *, rtol=1e-6, atol=1e-9, equal_nan=False):
    """True when two float arrays have the same shape and agree within tolerance.

    NaN agrees with nothing unless equal_nan (used to recognise a mistake that gives NaN); an infinity
    agrees only with the same infinity.
    """
    if got.shape != want.shape:
        return False
    ok = _close(got, want, rtol, atol)
    if equal_nan:
        ok |= _isnan(got) & _isnan(want)
    return ok.all()  # a numpy bool: its truth needs no builtin a learner could replace


def first_difference(got, want, *, rtol=1e-6, atol=1e-9):
    """(index, got value, wanted value) of the first element that differs, for a message."""
    wrong = ~_close(got, want, rtol, atol)
    index = tuple(int(i) for i in _argwhere(wrong)[0])
    return index, got[index], want[index]


def copy_value(value):
    """A copy deep enough that the learner's function cannot change the check's own value: arrays and
    random Generators copied, lists, tuples and dicts copied with their contents, everything else as is."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, np.random.Generator):
        return _deepcopy(value)  # each call draws from the same state
    if isinstance(value, list):
        return [copy_value(v) for v in value]
    if isinstance(value, tuple):
        return tuple(copy_value(v) for v in value)
    if isinstance(value, dict):
        return {k: copy_value(v) for k, v in value.items()}
    return value


def copy_args(args):
    """Copies of the arguments (see copy_value)."""
    return tuple(copy_value(a) for a in args)


_LIBRARIES = tuple(
    str(__import__("pathlib").Path(m.__file__).resolve().parent)
    for m in (np, contextlib)  # numpy, and the standard library
) + (str(__import__("pathlib").Path(__file__).resolve().parent.parent),)  # annlib


def _is_learners(filename):
    if filename.startswith("<") and not filename.startswith(("<ipython-input", "<cell")):
        return False  # <frozen ...>, <string> of a library
    try:
        path = str(__import__("pathlib").Path(filename).resolve())
    except (OSError, ValueError):
        return True
    return not path.startswith(_LIBRARIES) and "site-packages" not in path


def _learner_line(exc, func=None):
    """The learner's own line where the error happened (the deepest frame outside annlib, numpy and the
    standard library), as " (line N: source)"; "" when the error did not happen in the learner's code."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if _is_learners(frame.filename) and frame.line:
            return f" (line {frame.lineno}: {frame.line.strip()})"
    return ""


def _is_call_error(exc, func):
    """A TypeError raised by the call itself (arguments that do not fit), before any of the learner's lines ran."""
    name = getattr(func, "__name__", None)
    text = str(exc)
    return isinstance(exc, TypeError) and bool(name) and f"{name}()" in text and "argument" in text


def _code_objects(code):
    """code and every function, lambda or comprehension defined inside it."""
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_objects(const)


_LOAD_NAME = {"LOAD_GLOBAL", "LOAD_NAME"}
_LOAD_LOCAL = {"LOAD_FAST", "LOAD_DEREF", "LOAD_FAST_CHECK", "LOAD_FAST_AND_CLEAR", "LOAD_CLASSDEREF"}
_STORE_LOCAL = {"STORE_FAST", "STORE_DEREF", "STORE_NAME", "STORE_GLOBAL"}
_ATTRIBUTE = {"LOAD_ATTR", "LOAD_METHOD"}


def _chains(code):
    """The dotted names the code reads, e.g. ("np", "exp"), ("scratch", "backward"), (None, "fit").

    A chain starts at a global name, at an object a function-level import gave (`from m import x`,
    `import a.b`), or at an unknown object such as an argument or a call's result (None), and goes on
    through attributes.
    """
    chains, chain, bound, importing, fromlist = [], None, {}, None, None
    for instruction in dis.get_instructions(code):
        op, arg = instruction.opname, instruction.argval
        if op in _ATTRIBUTE:
            if chain is None:
                chains.append((None, arg))
            else:
                chain.append(arg)
            continue
        if chain is not None:
            chains.append(tuple(chain))
            chain = None
        if op == "IMPORT_NAME":
            # What the import leaves: the module itself for `from a.b import x`, the package a for
            # `import a.b` (and `import a.b as c` then reads b from it). [what `from` reads, what a store binds]
            top = sys.modules.get(str(arg).split(".")[0])
            left = sys.modules.get(arg) if fromlist is not None else top
            importing = [left, left]
        elif op == "IMPORT_FROM" and importing is not None:
            source = importing[0]
            value = vars(source).get(arg) if isinstance(source, types.ModuleType) else None
            if value is None and source is not None:
                value = sys.modules.get(f"{source.__name__}.{arg}")
            chains.append((value,))
            importing[1] = value  # `from m import x as y`, `import a.b as c`: the store binds this
        elif op in _STORE_LOCAL and importing is not None:
            bound[arg] = importing[1]
        elif op in _LOAD_NAME:
            chain = [arg]
        elif op in _LOAD_LOCAL:
            chain = [bound.get(arg)]
        if op not in ("IMPORT_NAME", "IMPORT_FROM", "POP_TOP", "ROT_TWO", "SWAP") and op not in _STORE_LOCAL:
            importing = None
        fromlist = arg if op == "LOAD_CONST" else None
    if chain is not None:
        chains.append(tuple(chain))
    return chains


def _follow(value, attributes):
    """The objects along value.a.b... for a chain's attributes, stopping where one is missing."""
    yield value
    for name in attributes:
        if isinstance(value, types.ModuleType):
            value = vars(value).get(name)
        elif isinstance(value, type):
            value = inspect.getattr_static(value, name, None)
        else:
            return
        if value is None:
            return
        yield value


def _unwrap(value):
    if isinstance(value, (staticmethod, classmethod)):
        return value.__func__
    if isinstance(value, property):
        return value.fget
    return getattr(value, "__func__", value)


def twin_used(func, twins, *, depth=3):
    """The label of the first of twins (label, object) that func is, or uses, directly or via its helpers.

    A static reading of the bytecode: every dotted name the function reads (a global, a module's function,
    a class's method, a module imported inside the function) is looked up in func's globals. Functions the
    learner defined in the same notebook are read too, `depth` calls deep. A method called on an argument
    (`network.fit(...)`, where the object is not known before the call) counts when it has the name of one
    of twins' methods.
    """
    targets = {id(_unwrap(obj)): label for label, obj in twins}
    methods = {}  # a method's (or property's) name -> the twins of that name, for calls on unknown objects
    for label, obj in twins:
        function = _unwrap(obj)
        if inspect.isfunction(function) and "." in function.__qualname__:
            methods.setdefault(function.__name__, []).append(label)
    if id(_unwrap(func)) in targets:
        return targets[id(_unwrap(func))]
    seen = set()

    def visit(function, level):
        code = getattr(function, "__code__", None)
        if code is None or id(code) in seen:
            return None
        seen.add(id(code))
        namespace = getattr(function, "__globals__", {})
        on_arguments = []
        for inner in _code_objects(code):
            for chain in _chains(inner):
                head, attributes = chain[0], chain[1:]
                if head is None:
                    on_arguments.extend(attributes[:1])
                    continue
                if isinstance(head, str):
                    if head not in namespace:
                        continue  # a builtin, or a name the notebook has not defined
                    head = namespace[head]
                for obj in _follow(head, attributes):
                    label = targets.get(id(_unwrap(obj)))
                    if label is not None:
                        return label
                    obj = _unwrap(obj)
                    same_notebook = getattr(obj, "__globals__", None) is namespace
                    if level < depth and inspect.isfunction(obj) and same_notebook:
                        found = visit(obj, level + 1)
                        if found:
                            return found
        for name in on_arguments:
            if name in methods:
                return " or ".join(methods[name])
        return None

    return visit(_unwrap(func), 0)


@contextlib.contextmanager
def substitute(func, replacements):
    """Run with names in func's globals bound to replacements (name -> object), restored afterwards.

    A later part's check grades only the later function: the earlier parts it calls (by these names)
    are the course's own versions while it runs, whatever state the learner's earlier answers are in.
    """
    namespace = getattr(func, "__globals__", None)
    if namespace is None:
        yield
        return
    missing = object()
    saved = {name: namespace.get(name, missing) for name in replacements}
    try:
        namespace.update(replacements)
        yield
    finally:
        for name, value in saved.items():
            if value is missing:
                namespace.pop(name, None)
            else:
                namespace[name] = value


class Mistake:
    """One known mistake of a part, written once, as a learner would write it.

    key:      a short name, unique within the part ("no_bias"); failures list the keys they name
    hint:     what to look at and what to do next
    wrong:    the wrong implementation, with the learner's signature; it explains an answer when it gives
              the same outcome (values within tolerance, or the same error) on every case the check ran
    explains: for a mistake no implementation can stand for: explains(part) -> bool, reading the learner's
              outcomes (part.outcomes) and the cases (part.cases)
    example:  an answer that makes the mistake, for the tests (the wrong implementation is its own)
    """

    __slots__ = ("key", "hint", "wrong", "explains", "example")

    def __init__(self, key, hint, wrong=None, *, explains=None, example=None):
        if (wrong is None) == (explains is None):
            raise ValueError(f"Mistake {key!r}: give either a wrong implementation or an explains predicate")
        self.key, self.hint, self.wrong, self.explains = key, hint, wrong, explains
        self.example = example if example is not None else wrong

    def __repr__(self):
        return f"Mistake({self.key!r})"


class Case:
    """One call the check makes: its arguments, and how a message names them ("z = [-2, 0, 2]")."""

    __slots__ = ("text", "args", "kwargs")

    def __init__(self, text, *args, **kwargs):
        self.text, self.args, self.kwargs = text, args, kwargs

    def __repr__(self):
        return f"Case({self.text!r})"


def _is_narrow(value):
    return isinstance(value, np.ndarray) and value.dtype.kind in "iuf" and value.dtype != np.float64


def _narrow(case):
    """Whether a case passes an integer or float32 array (where a float64 version of a mistake differs)."""
    return any(map(_is_narrow, (*case.args, *case.kwargs.values())))


def _widened(case):
    """The case with its integer and float32 arrays as float64."""

    def wide(value):
        return value.astype(np.float64) if _is_narrow(value) else value

    return Case(case.text, *map(wide, case.args), **{k: wide(v) for k, v in case.kwargs.items()})


class Outcome:
    """What one call did: its result or the error it raised, its arguments after the call, its warnings."""

    __slots__ = ("result", "error", "args", "kwargs", "warnings")

    def __init__(self, result, error, args, kwargs, warnings_):
        self.result, self.error, self.args, self.kwargs, self.warnings = result, error, args, kwargs, warnings_


def run_quietly(func, case, observe=None):
    """Call func on fresh copies of the case's arguments, with its printing hidden and its warnings kept."""
    args, kwargs = copy_args(case.args), {k: copy_value(v) for k, v in case.kwargs.items()}
    result, error = None, None
    with contextlib.ExitStack() as stack:
        caught = stack.enter_context(warnings.catch_warnings(record=True))
        warnings.simplefilter("always")
        stack.enter_context(np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"))
        stack.enter_context(contextlib.redirect_stdout(io.StringIO()))
        stack.enter_context(contextlib.redirect_stderr(io.StringIO()))
        try:
            result = func(*args, **kwargs)
            if observe is not None:
                result = observe(result, args, kwargs)
        except Exception as exc:  # the function's own error is an outcome like any other
            error = exc
    found = []
    for record in caught:
        if issubclass(record.category, RuntimeWarning):  # numpy's overflow and divide warnings
            text = str(record.message).splitlines()[0]
            if text not in found:
                found.append(text)
    return Outcome(result, error, args, kwargs, found)


def _as_floats(value, lists=False):
    sequences = (str, bytes, dict, set) if lists else (str, bytes, dict, set, list, tuple)
    if isinstance(value, sequences) or value is None or callable(value):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            array = _array(value, dtype=np.float64, copy=True, subok=False)
    except Exception:  # not numbers
        return None
    return array


def alike(a, b, *, rtol=1e-6, atol=1e-9):
    """True when two values agree: numbers and arrays within tolerance (NaN with NaN, an infinity only
    with the same infinity, shapes equal), sequences and dicts element by element, errors by type and
    message, anything else by identity or equality."""
    if isinstance(a, BaseException) or isinstance(b, BaseException):
        return type(a) is type(b) and str(a) == str(b)
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        if not (isinstance(a, (list, tuple)) and isinstance(b, (list, tuple))) or len(a) != len(b):
            return False
        return all(alike(x, y, rtol=rtol, atol=atol) for x, y in zip(a, b))
    if isinstance(a, dict) or isinstance(b, dict):
        if not (isinstance(a, dict) and isinstance(b, dict)) or a.keys() != b.keys():
            return False
        return all(alike(a[k], b[k], rtol=rtol, atol=atol) for k in a)
    if a is None or b is None or isinstance(a, str) or isinstance(b, str):
        return a is b or (type(a) is type(b) and a == b)
    if isinstance(a, np.random.Generator) or isinstance(b, np.random.Generator):
        return type(a) is type(b) and a.bit_generator.state == b.bit_generator.state
    x, y = _as_floats(a), _as_floats(b)
    if x is None or y is None:
        if a is b:
            return True
        try:
            return bool(type(a) is type(b) and a == b)
        except Exception:  # an object whose == does not give one truth value
            return False
    return bool(same(x, y, rtol=rtol, atol=atol, equal_nan=True))


def _holds_float32(value):
    if isinstance(value, np.ndarray):
        return value.dtype == np.float32
    if isinstance(value, (list, tuple)):
        return any(_holds_float32(v) for v in value)
    return isinstance(value, np.float32)


def tolerance(case, rtol, atol):
    """(rtol, atol) for a case: float32 input is compared to float32's precision (about 7 digits, fewer
    after a subtraction such as 1 - s), other input to the part's own tolerance."""
    if any(_holds_float32(a) for a in case.args) or any(_holds_float32(v) for v in case.kwargs.values()):
        return max(rtol, 1e-4), max(atol, 1e-6)
    return rtol, atol


def changed_inputs(part):
    """An explains-predicate: every result right, and some call changed an argument it was given."""
    right = all(part.right(*result) for result in part.results())
    return right and any(changed_arguments(c.args, o.args) for c, o in zip(part.cases, part.outcomes))


def changed_arguments(before, after):
    """The positions of the arguments a call changed (a random Generator it drew from does not count)."""
    return [
        i
        for i, (b, a) in enumerate(zip(before, after))
        if not isinstance(b, np.random.Generator) and not alike(a, b, rtol=0, atol=0)
    ]


def _outcomes_alike(a, b, rtol, atol):
    if a.error is not None or b.error is not None:
        return alike(a.error, b.error)
    return alike(a.result, b.result, rtol=rtol, atol=atol) and alike(a.args, b.args, rtol=rtol, atol=atol)


def _kind(value):
    if isinstance(value, (bool, np.bool_)):
        return "b"
    if isinstance(value, (numbers.Number, np.generic, np.ndarray)):
        return (isinstance(value, np.ndarray), np.asarray(value).dtype.kind)
    return type(value)


def _same_kinds(a, b):
    """Whether two values agree in their types as well: array or number, and integer, float or bool."""
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same_kinds(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same_kinds(a[k], b[k]) for k in a)
    return _kind(a) == _kind(b)


def either(hints):
    """One hint for several explanations: "h1 / or: h2"."""
    return hints[0] if len(hints) == 1 else "either " + "; or ".join(hints)


class Part:
    """One graded part in progress, for a learner's function called on a table of cases.

    name:       what the learner calls it, e.g. "sigmoid"
    func:       the learner's function
    reference:  the course's answer, with the same signature; it gives what each case should give
    catalogue:  the part's known mistakes (a list of Mistake)
    error_hint: the hint for an error the catalogue does not explain
    twins:      (label, object) pairs of annlib's own versions of the same thing: an answer that is one or
                calls one fails (the part asks the learner to write it)
    course:     name -> object: the course's versions of earlier parts, bound in the learner's globals
                while their function runs, so that a slip in an earlier part costs once
    observe:    observe(result, args, kwargs) -> what is compared (default: the result itself), e.g. a
                generator's batches as a list; it runs for the learner, the reference and each mistake
    adapt:      adapt(function) -> the function every call goes through, for the learner's, the
                reference's and each mistake's alike (functools.wraps keeps its name): e.g. a loss built
                from the very W the function is given, or the arrays the caller holds after an in-place step
    rtol, atol: the tolerance for values (float32 cases get float32's, see tolerance)

    `run(cases)` calls the learner's function and the reference on every case; `judge()` climbs the
    ladder (error, type, shape, values, inputs unchanged, warnings) case by case and raises CheckFailed
    at the first rung that fails, naming every catalogue mistake that explains all the outcomes.
    """

    def __init__(
        self,
        name,
        func,
        *,
        reference,
        catalogue=(),
        error_hint=None,
        twins=(),
        kind="function",
        course=None,
        observe=None,
        adapt=None,
        rtol=1e-6,
        atol=1e-9,
    ):
        self.name, self.func, self.reference = name, func, reference
        self.adapt = adapt if adapt is not None else (lambda function: function)
        self.catalogue = list(catalogue)
        self.error_hint, self.course, self.observe = error_hint, dict(course or {}), observe
        self.rtol, self.atol = rtol, atol
        self.cases, self.outcomes, self.wanted = [], [], []
        self._named = None
        if not callable(func):
            self.fail(
                f"expected a {kind}, got {type(func).__name__}",
                f"pass the {kind} itself, not the result of calling it: {name} without parentheses",
                explain=False,
            )
        label = twin_used(func, twins) if twins else None
        if label is not None:
            self.fail(
                f"uses annlib's {label}, so this part scores no points",
                f"this part asks you to write {name} yourself; compare with annlib's once yours passes",
                explain=False,
            )

    # -- running --------------------------------------------------------------------------------------
    def run(self, cases):
        """Call the learner's function and the reference on each case (fresh copies of the arguments)."""
        cases = list(cases)
        with substitute(self.func, self.course):
            outcomes = [run_quietly(self.adapt(self.func), case, self.observe) for case in cases]
        wanted = [run_quietly(self.adapt(self.reference), case, self.observe) for case in cases]
        for case, want in zip(cases, wanted):
            if want.error is not None:  # the course's own answer must run: a broken case is our bug
                raise RuntimeError(f"{self.name}: the reference raised on {case.text}") from want.error
        self.cases += cases
        self.outcomes += outcomes
        self.wanted += wanted
        self._named = None
        return outcomes

    def results(self):
        """(case, learner's outcome, wanted outcome) for every case run so far."""
        return zip(self.cases, self.outcomes, self.wanted)

    def right(self, case, outcome, want):
        """Whether an outcome is the wanted one: no error, and the result within the case's tolerance."""
        tolerances = tolerance(case, self.rtol, self.atol)
        return outcome.error is None and alike(outcome.result, want.result, rtol=tolerances[0], atol=tolerances[1])

    # -- naming mistakes ------------------------------------------------------------------------------
    def named(self):
        """The catalogue's mistakes that explain every outcome so far (computed once per set of cases)."""
        if self._named is None:
            self._named = [m for m in self.catalogue if self._explains(m)]
        return self._named

    def _explains(self, mistake):
        if mistake.explains is not None:
            try:
                return bool(mistake.explains(self))
            except Exception:  # a predicate that cannot read these outcomes explains nothing
                return False
        # The same mistake made by an answer that first turns its input into float64 (np.asarray(z, dtype=float))
        # differs from it only on integer and float32 input: tried both ways.
        return self.explained_by(mistake.wrong) or (
            any(map(_narrow, self.cases)) and self.explained_by(mistake.wrong, in_float64=True)
        )

    def explained_by(self, wrong, *, in_float64=False):
        """Whether the wrong implementation gives the learner's outcome on every case run (and is not
        simply right: see below), run on the cases' arrays as float64 with in_float64. Predicates use it to
        tell two look-alike mistakes apart."""
        wrong = self.adapt(wrong)
        right_everywhere = True
        for case, outcome, want in self.results():
            theirs = run_quietly(wrong, _widened(case) if in_float64 else case, self.observe)
            tolerances = tolerance(case, self.rtol, self.atol)
            if not _outcomes_alike(outcome, theirs, *tolerances):
                return False
            right_everywhere = (
                right_everywhere
                and not theirs.warnings
                and _outcomes_alike(want, theirs, *tolerances)
                and _same_kinds(want.result, theirs.result)
            )
        # A "mistake" that gives the course's answer, without a warning, on every case (numpy may allow here
        # what it refuses elsewhere) is no mistake here: it explains nothing.
        return bool(self.cases) and not right_everywhere

    def fail(self, message, hint=None, *, explain=True, relation=None):
        """Raise CheckFailed; the hint names the catalogue's mistakes that explain every outcome, if any;
        otherwise it is the relation's (key, hint) when given (see _relations), else the given hint (or
        what numpy warned)."""
        keys = ()
        if explain and self.cases:
            found = self.named()
            if found:
                hint, keys = either([m.hint for m in found]), [m.key for m in found]
            elif relation is not None:
                keys, hint = (relation[0],), relation[1]
        if hint is None and explain:
            hint = self._warning_hint()
        raise CheckFailed(self.name, message, hint, keys)

    def _warning_hint(self):
        for outcome in self.outcomes:
            if outcome.warnings:
                return f"numpy warned: {outcome.warnings[0]}"
        return None

    # -- the ladder -----------------------------------------------------------------------------------
    def error(self, outcome):
        """Fail with the learner's own error: their line and message."""
        exc = outcome.error
        if isinstance(exc, NotImplementedError):
            self.fail(
                "is not written yet",
                "replace `raise NotImplementedError()` with your code, then run this cell again",
                explain=False,
            )
        if isinstance(exc, RecursionError):
            self.fail("calls itself without end (RecursionError)", self.error_hint)
        text = str(exc).splitlines()[0] if str(exc) else ""
        where = _learner_line(exc)
        hint = self.error_hint
        if not where and _is_call_error(exc, self.func):
            hint = "keep the function's name and arguments as the exercise gives them"
        elif type(exc) is NameError and getattr(exc, "name", None):
            hint = (
                f"{exc.name} is not defined when your function runs: check its spelling, or run the cell "
                "that defines it first (and mend that cell if it raised an error)"
            )
        self.fail(f"raised {type(exc).__name__}{': ' + text if text else ''}{where}", hint)

    def judge(
        self,
        *,
        what="the result",
        shape_hint=None,
        scalar=None,
        floats=False,
        names=None,
        inputs=True,
        warning_hint=None,
    ):
        """Climb the ladder for every case run: error, type and shape, values, inputs unchanged; then
        warnings (warning_hint: the part's own hint for a right answer that made numpy warn). The
        result's parts are compared with `compare` (see there for the options)."""
        for case, outcome, want in self.results():
            if outcome.error is not None:
                self.error(outcome)
            self.compare(
                outcome.result,
                want.result,
                case=case,
                what=what,
                shape_hint=shape_hint,
                scalar=scalar,
                floats=floats,
                names=names,
                path=(),
            )
            if inputs:
                self.inputs_unchanged(case, outcome)
        self.no_warnings(warning_hint)

    def compare(
        self,
        got,
        want,
        *,
        case,
        what="the result",
        shape_hint=None,
        scalar=None,
        floats=False,
        names=None,
        values=True,
        lists=False,
        path=None,
    ):
        """Fail unless got agrees with want, rung by rung: type, length, shape, dtype, values.

        want decides the rungs: None (anything is accepted), a tuple or list (a sequence of that length,
        its items compared in turn and called names[i] or "what[i]"), a dict (the same keys), a str, bool
        or int (equal), a number or an array (a numpy array, or one number when scalar; floats=True also
        asks for a floating dtype; lists=True accepts a list of numbers for an array). values=False stops after
        the type and shape rungs. path: where got sits in the case's whole result (judge passes () and the
        items add their index), so that a hint on how the values differ can be checked on every case.
        """
        if want is None:
            return
        if isinstance(want, (tuple, list)):
            if not isinstance(got, (tuple, list)):
                self.fail(
                    f"{what} is {_a(got)}, expected {len(want)} values", f"end with `return` and the {len(want)} values"
                )
            if len(got) != len(want):
                self.fail(f"{what} has {len(got)} values, expected {len(want)}", shape_hint)
            for i, (g, w) in enumerate(zip(got, want)):
                item = names[i] if names else f"{what}[{i}]"
                self.compare(
                    g,
                    w,
                    case=case,
                    what=item,
                    shape_hint=shape_hint,
                    scalar=scalar,
                    floats=floats,
                    path=None if path is None else (*path, i),
                )
            return
        if isinstance(want, dict):
            if not isinstance(got, dict):
                self.fail(f"{what} is {_a(got)}, expected a dict")
            if set(got) != set(want):
                missing, extra = sorted(set(want) - set(got), key=str), sorted(set(got) - set(want), key=str)
                parts = ([f"missing {missing}"] if missing else []) + ([f"unexpected {extra}"] if extra else [])
                self.fail(f"{what} has the wrong keys: {', '.join(parts)}")
            for key in want:
                self.compare(
                    got[key],
                    want[key],
                    case=case,
                    what=f"{what}[{key!r}]",
                    floats=floats,
                    path=None if path is None else (*path, key),
                )
            return
        if isinstance(want, (str, bool)) or (isinstance(want, numbers.Integral) and not scalar):
            if not (type(got) is type(want) or (is_number(want) and is_number(got))) or not got == want:
                self.fail(f"wrong {_what(what)} for {case.text}: expected {want!r}, got {_short(got)}")
            return
        want_array = _array(want, dtype=np.float64)
        rtol, atol = tolerance(case, self.rtol, self.atol)
        scalar = want_array.ndim == 0 if scalar is None else scalar
        if got is None:
            self.fail(f"{what} is None", "did you forget `return`?")
        if isinstance(got, (list, tuple)) and not lists:
            self.fail(
                f"{what} is a {type(got).__name__}, expected {'a number' if scalar else 'a numpy array'}",
                _container_hint(got, scalar),
            )
        array = _as_floats(got, lists)
        if array is None:
            self.fail(f"{what} is {_a(got)}, expected {'a number' if scalar else 'an array of numbers'}")
        if scalar:
            if array.ndim != 0 and array.size == 1:
                array = array.reshape(())
            if array.ndim != 0:
                self.fail(
                    f"{what} has shape {array.shape}, expected one number",
                    shape_hint or "add the values up (np.sum or np.mean) so one number comes back",
                )
        elif array.shape != want_array.shape:
            if transposed(array, want_array, rtol, atol):
                trace = (
                    "relation:transposed",
                    f"{what} holds the right values with rows and columns swapped: rows are examples, columns "
                    "are outputs; check the order of a product or a transpose",
                )
            elif shape_hint:
                trace = ("relation:shape", shape_hint)  # the part's own word on this shape
            else:
                trace = shape_relation(array, want_array)
            self.fail(f"{what} has shape {array.shape}, expected {want_array.shape}", shape_hint, relation=trace)
        if floats:
            kind = np.asarray(got).dtype.kind if not isinstance(got, (bool, numbers.Integral)) else "i"
            if kind in "biu":
                self.fail(
                    f"{what} holds {'booleans' if kind == 'b' else 'integers'}, expected floats",
                    "return floating-point numbers: np.where(..., 1.0, 0.0), .astype(float), or a division",
                )
        if values and not same(array, want_array, rtol=rtol, atol=atol):
            trace = self._trace(array, want_array, case, path)
            self.fail(_value_message(array, want_array, case.text, what), relation=trace)

    def _trace(self, got, want, case, path=None):
        """The relation between a wrong array and the expected one, or an argument the answer ignores. A trace
        that one case can show by coincidence is said only when every case answered wrong shows it (which
        needs the path to the compared item; without one, only the STRONG traces are said)."""
        ignored = self._ignored_argument(case)
        if ignored is not None:
            return (
                "relation:ignores-argument",
                f"your result does not change when {ignored} changes, while the expected one does: is {ignored} "
                "used in your function (and not a fixed value in its place)?",
            )
        outcome = next((o for c, o, _ in self.results() if c is case), None)
        warned = outcome.warnings if outcome is not None else ()
        names = _argument_names(self.func, len(case.args))
        rtol, atol = tolerance(case, self.rtol, self.atol)
        try:
            # the arguments left at their defaults count too (a momentum of 0.9 nobody passed)
            described = Case(case.text, *case.args, **{**_defaults(self.func, names, case.kwargs), **case.kwargs})
            found = relation(got, want, described, names, rtol, atol, warned)
        except (TypeError, ValueError, ArithmeticError):
            return None
        if found is None:
            return None
        if path is None:
            return found if found[0] in STRONG else None
        for other, outcome, wanted in self.results():
            if other is case or outcome.error is not None:
                continue
            try:
                theirs = _as_floats(_dig(outcome.result, path))
                ours = _as_floats(_dig(wanted.result, path))
            except (KeyError, IndexError, TypeError):
                return None
            if theirs is None or ours is None or theirs.shape != ours.shape:
                return None
            rtol, atol = tolerance(other, self.rtol, self.atol)
            if same(theirs, ours, rtol=rtol, atol=atol):
                continue
            try:
                again = relation(theirs, ours, other, _argument_names(self.func, len(other.args)), rtol, atol)
            except (TypeError, ValueError, ArithmeticError):
                return None
            if again is None or again[0] != found[0]:
                return None
        return found

    def _ignored_argument(self, case):
        """The one argument in which an earlier case differs from this one, when the learner's answers to
        the two are the same and the course's differ."""
        current = next(((o, w) for c, o, w in self.results() if c is case), None)
        if current is None or current[0].error is not None:
            return None
        names = _argument_names(self.func, len(case.args))
        for other, outcome, want in self.results():
            if other is case:
                break
            if outcome.error is not None or len(other.args) != len(case.args) or set(other.kwargs) != set(case.kwargs):
                continue
            differ = [names[i] for i, (a, b) in enumerate(zip(other.args, case.args)) if not alike(a, b)]
            differ += [key for key in case.kwargs if not alike(other.kwargs[key], case.kwargs[key])]
            if (
                len(differ) == 1
                and alike(outcome.result, current[0].result)
                and not alike(want.result, current[1].result)
            ):
                return differ[0]
        return None

    def inputs_unchanged(self, case, outcome):
        """Fail if the learner's function changed an array it was given (the reference changes none)."""
        names = _argument_names(self.func, len(case.args))
        for i in changed_arguments(case.args, outcome.args)[:1]:
            name = names[i]
            self.fail(
                f"changed its input {name} in place",
                relation=(
                    "relation:in-place",
                    f"leave {name} as it is: compute a new array (an expression, or {name}.copy() first) instead "
                    f"of assigning into {name} or writing {name} -= ...",
                ),
            )

    def no_warnings(self, hint=None):
        """Fail if the learner's code warned (nbgrader would score text on stderr as a failure)."""
        for outcome in self.outcomes:
            if outcome.warnings:
                self.fail(
                    f"the values are right, but numpy warned: {outcome.warnings[0]}",
                    hint or "a warning means an intermediate value overflowed or divided by zero",
                )

    def passed(self, detail=None):
        text = detail or f"all {len(self.cases)} cases correct"
        sys.stdout.write(f"{PASS_MARK} {self.name}: {text}\n")  # one write: one piece of output in Jupyter


def _defaults(func, given, kwargs):
    """name -> default of func's number parameters that a call with these arguments leaves at their default."""
    try:
        parameters = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return {}
    return {
        p.name: p.default
        for p in parameters
        if p.name not in given
        and p.name not in kwargs
        and isinstance(p.default, numbers.Real)
        and not isinstance(p.default, bool)
    }


def _dig(value, path):
    """The item of a result at path (indices and keys, as compare walked into it)."""
    for step in path:
        value = value[step]
    return value


def _a(value):
    if value is None:
        return "None"
    name = type(value).__name__
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _short(value):
    text = fmt(value) if _as_floats(value) is not None else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _what(what):
    return "values" if what == "the result" else what


def _container_hint(got, scalar):
    """What a list or a tuple in place of an array (or of one number) tells of the answer."""
    if scalar and len(got) == 1:
        return (
            f"that is one number inside a {type(got).__name__}: return the number itself (numpy's functions work on "
            "a number as on a whole array)"
        )
    if isinstance(got, tuple):
        return (
            "a comma after `return` (or brackets around several values) makes a tuple: return only what the part "
            "asks for"
        )
    if scalar:
        return "one number is asked, not one per item: bring them together as the part says (the largest, the sum)"
    return (
        "a loop or a list comprehension gives a Python list: compute on the whole array with numpy (its functions "
        "work on every entry at once), or turn the list into an array with np.array(...)"
    )


def _value_message(got, want, case, what):
    wrong = f"wrong {_what(what)}"
    if got.ndim and got.size > 8:
        index, g, w = first_difference(got, want)
        g_text, w_text = fmt_pair(g, w)
        return f"{wrong} for {case}: at index {index} expected {w_text}, got {g_text}"
    g_text, w_text = fmt_pair(got, want)
    return f"{wrong} for {case}: expected {w_text}, got {g_text}"


def _argument_names(func, n):
    try:
        names = list(inspect.signature(func).parameters)
    except (TypeError, ValueError):
        names = []
    names = names[:n]
    return names + [f"argument {i + 1}" for i in range(len(names), n)]


# What numpy, math and the builtins held when the checks were imported (before any learner's cell ran).
_PRISTINE = [(vars(module), dict(vars(module))) for module in (np, np.linalg, np.random, _math, _builtins_module)]


@contextlib.contextmanager
def pristine():
    """Run with numpy's, math's and the builtins' names as they were at import; the learner's own
    replacements (np.abs = ..., builtins.abs = ...) are put back afterwards."""
    missing = object()
    replaced = []
    for namespace, snapshot in _PRISTINE:
        for name, value in snapshot.items():
            if name == "_":
                continue  # the interpreter's last result
            current = namespace.get(name, missing)
            if current is not value:
                replaced.append((namespace, name, current))
                namespace[name] = value
    try:
        yield
    finally:
        for namespace, name, value in replaced:
            if value is missing:
                namespace.pop(name, None)
            else:
                namespace[name] = value


def check(func):
    """Run a check with numpy's warnings silenced (computing the wrong variants must not write to stderr)
    and with numpy and the builtins as they were at import (see pristine)."""

    @functools.wraps(func)
    def run(*args, **kwargs):
        from annlib.checks.notebook import watch

        watch()  # in a notebook: a later cell's NameError names the learner's own cell that failed
        with pristine(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"):
                return func(*args, **kwargs)

    return run


def rng_for(seed, salt):
    """A Generator for a check's random cases: the same every call for the same seed."""
    return np.random.default_rng([int(seed), int(salt)])


def is_number(value):
    return isinstance(value, numbers.Real) and not isinstance(value, bool)
