"""The ladder every exercise check climbs, and the failure it raises (all lessons' exercises).

A graded cell calls one check with the learner's function, `check_sigmoid(sigmoid)`. The check calls
the function on a table of cases and stops at the first rung that fails:

    callable?  ->  returns the right type?  ->  the right shape?  ->  the right values?
    ->  which likely mistake gives exactly these values?  (one hint naming it)

A pass prints one short line. A failure raises `CheckFailed`, an `AssertionError`, so nbgrader and
pytest count it; in Jupyter it shows as one or two lines instead of a traceback.

The learner's code runs with its warnings recorded (they become a hint instead of text on stderr, which
nbgrader would score as a failure) and its printing hidden. Results are copied into plain float arrays
and compared with numpy functions captured when this module is imported, so neither a result object
with a lying `__eq__` nor a later patch of `np.allclose` or `abs` changes a verdict.
"""

import contextlib
import dis
import functools
import inspect
import io
import numbers
import sys
import traceback
import types
import warnings

import numpy as np

PASS_MARK = "\u2713"  # check mark
FAIL_MARK = "\u2717"  # ballot x


class CheckFailed(AssertionError):
    """A check found a mistake: `check` names what was checked, `message` what is wrong, `hint` a fix."""

    def __init__(self, check, message, hint=None):
        self.check = check
        self.message = message
        self.hint = hint
        text = f"{check}: {message}"
        if hint:
            text += f"\n  hint: {hint}"
        super().__init__(text)

    def __reduce__(self):
        return (type(self), (self.check, self.message, self.hint))

    def _render_traceback_(self):
        # IPython shows these lines in place of the traceback: the learner sees the verdict, not our code.
        lines = [f"\x1b[31m{FAIL_MARK} {self.check}: {self.message}\x1b[0m"]
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return lines


def fmt(value):
    """A short, rounded text for a number or a small array (a shape for big ones)."""
    if isinstance(value, str):
        return repr(value)
    try:
        array = np.array(value, dtype=np.float64)
    except (TypeError, ValueError):
        return f"a {type(value).__name__}"
    if array.ndim == 0:
        return f"{float(array):.4g}"
    if array.size > 8:
        return f"an array of shape {array.shape}"
    text = np.array2string(array, separator=", ", formatter={"float_kind": _short_float})
    return " ".join(text.split())


def _short_float(value):
    return f"{value:.4g}"


def same(got, want, *, rtol=1e-6, atol=1e-9, equal_nan=False):
    """True when two float arrays have the same shape and agree within tolerance.

    NaN agrees with nothing unless equal_nan (used to recognise a mistake that gives NaN); inf agrees
    with the same inf.
    """
    if got.shape != want.shape:
        return False
    ok = (np.abs(got - want) <= atol + rtol * np.abs(want)) | (got == want)  # got == want: the same inf
    if equal_nan:
        ok |= np.isnan(got) & np.isnan(want)
    return ok.all()  # a numpy bool: its truth needs no builtin a learner could replace


def first_difference(got, want, *, rtol=1e-6, atol=1e-9):
    """(index, got value, wanted value) of the first element that differs, for a message."""
    wrong = ~(np.abs(got - want) <= atol + rtol * np.abs(want))
    index = tuple(int(i) for i in np.argwhere(wrong)[0])
    return index, got[index], want[index]


def copy_args(args):
    """Deep enough copies of the arguments: arrays copied, everything else passed as is."""
    return tuple(a.copy() if isinstance(a, np.ndarray) else a for a in args)


def _learner_line(exc, func):
    # The line of the learner's own function where the error happened, if we can find it.
    code = getattr(func, "__code__", None)
    frames = traceback.extract_tb(exc.__traceback__)
    for frame in reversed(frames):
        if code is not None and frame.filename == code.co_filename and frame.line:
            return f" (line {frame.lineno}: {frame.line.strip()})"
    return ""


def _is_call_error(exc):
    # A TypeError raised by the call itself (wrong number of arguments), before any of the learner's lines ran.
    return len(traceback.extract_tb(exc.__traceback__)) <= 1


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


class Ladder:
    """One check in progress: calls the learner's function, converts its results, fails with a hint.

    name:        what the learner calls it, e.g. "sigmoid"
    error_hint:  the hint shown when the learner's function raises an error
    twins:       (label, object) pairs of annlib's own versions of the same thing; an answer that is one
                 of them or calls one fails: the part asks the learner to write it, so it scores nothing
    """

    def __init__(self, name, func, *, error_hint=None, kind="function", twins=()):
        self.name = name
        self.func = func
        self.error_hint = error_hint
        self.warnings = []
        self.cases = 0
        if not callable(func):
            self.fail(
                f"expected a {kind}, got {type(func).__name__}",
                f"pass the {kind} itself, not the result of calling it: {name} without parentheses",
            )
        label = twin_used(func, twins) if twins else None
        if label is not None:
            self.fail(
                f"uses annlib's {label}, so this part scores no points",
                f"this part asks you to write {name} yourself; compare with annlib's once yours passes",
            )

    def fail(self, message, hint=None):
        raise CheckFailed(self.name, message, hint)

    def call(self, *args, **kwargs):
        """Call the learner's function quietly; its warnings are kept in self.warnings."""
        self.cases += 1
        error = None
        with contextlib.ExitStack() as stack:
            caught = stack.enter_context(warnings.catch_warnings(record=True))
            warnings.simplefilter("always")
            stack.enter_context(np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"))
            stack.enter_context(contextlib.redirect_stdout(io.StringIO()))
            stack.enter_context(contextlib.redirect_stderr(io.StringIO()))
            try:
                result = self.func(*args, **kwargs)
            except NotImplementedError:
                error = (
                    "is not written yet",
                    "replace `raise NotImplementedError()` with your code, then run this cell again",
                )
            except RecursionError:
                error = ("calls itself without end (RecursionError)", self.error_hint)
            except Exception as exc:  # the learner's error, reported as feedback
                text = str(exc).splitlines()[0] if str(exc) else ""
                message = f"raised {type(exc).__name__}{': ' + text if text else ''}"
                where = _learner_line(exc, self.func)
                hint = self.error_hint
                if isinstance(exc, TypeError) and not where and _is_call_error(exc):
                    hint = "keep the function's name and arguments as the exercise gives them"
                error = (message + where, hint)
        for record in caught:
            if not issubclass(record.category, RuntimeWarning):
                continue  # numpy's overflow and divide warnings count; a DeprecationWarning is not a mistake
            text = str(record.message).splitlines()[0]
            if text not in self.warnings:
                self.warnings.append(text)
        if error is not None:
            self.fail(*error)
        return result

    def array(self, value, *, what="the result", shape=None, scalar=False, shape_hint=None, require_array=True):
        """The learner's value as a plain float64 array, after the type and shape rungs.

        scalar: one number is expected (a size-1 array is accepted); otherwise a numpy array, unless
        require_array=False lets a list of numbers through too.
        """
        if value is None:
            self.fail(f"{what} is None", "did you forget `return`?")
        if isinstance(value, (str, bytes, dict, set)) or callable(value):
            self.fail(f"{what} is a {type(value).__name__}, expected {'a number' if scalar else 'an array'}")
        if isinstance(value, (list, tuple)) and (scalar or require_array):
            self.fail(
                f"{what} is a {type(value).__name__}, expected {'one number' if scalar else 'a numpy array'}",
                "work on the whole array with numpy (np.exp, np.maximum, @) instead of a Python loop"
                if not scalar
                else None,
            )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                array = np.array(value, dtype=np.float64, copy=True, subok=False)
        except Exception:  # anything that numpy cannot read as numbers
            self.fail(
                f"{what} is a {type(value).__name__}, which is not {'a number' if scalar else 'an array of numbers'}"
            )
        if scalar:
            if array.ndim != 0 and array.size == 1:
                array = array.reshape(())
            if array.ndim != 0:
                self.fail(
                    f"{what} has shape {array.shape}, expected one number",
                    shape_hint or "add the values up (np.sum or np.mean) so one number comes back",
                )
        elif shape is not None and array.shape != tuple(shape):
            self.fail(f"{what} has shape {array.shape}, expected {tuple(shape)}", shape_hint)
        return array

    def values(self, got, want, *, case, mistakes=(), what="the result", rtol=1e-6, atol=1e-9):
        """Fail unless got agrees with want; name the first mistake whose values match got."""
        if same(got, want, rtol=rtol, atol=atol):
            return
        for wrong, hint in mistakes:
            if wrong is not None and same(got, np.array(wrong, dtype=np.float64), rtol=rtol, atol=atol, equal_nan=True):
                self.fail(self._value_message(got, want, case, what), hint)
        self.fail(self._value_message(got, want, case, what), self._warning_hint())

    def _value_message(self, got, want, case, what):
        wrong = "wrong values" if what == "the result" else f"wrong {what}"
        if got.ndim and got.size > 8:
            index, g, w = first_difference(got, want)
            return f"{wrong} for {case}: at index {index} expected {w:.4g}, got {g:.4g}"
        return f"{wrong} for {case}: expected {fmt(want)}, got {fmt(got)}"

    def _warning_hint(self):
        if self.warnings:
            return f"numpy warned: {self.warnings[0]}"
        return None

    def no_warnings(self, hint=None):
        """Fail if the learner's code warned (nbgrader would score text on stderr as a failure)."""
        if self.warnings:
            self.fail(
                f"the values are right, but numpy warned: {self.warnings[0]}",
                hint or "a warning means an intermediate value overflowed or divided by zero",
            )

    def unchanged(self, before, after, name):
        """Fail if an input array was modified by the learner's function."""
        if isinstance(after, np.ndarray) and not same(np.array(after, dtype=np.float64), before, rtol=0, atol=0):
            self.fail(
                f"changed its input {name} in place",
                f"work on a new array (e.g. {name}.copy(), or np.maximum(...) instead of assigning into {name})",
            )

    def passed(self, detail=None):
        text = detail or f"all {self.cases} cases correct"
        sys.stdout.write(f"{PASS_MARK} {self.name}: {text}\n")  # one write: one piece of output in Jupyter


def check(func):
    """Run a check with numpy's warnings silenced: computing the wrong variants must not write to stderr."""

    @functools.wraps(func)
    def run(*args, **kwargs):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"):
                return func(*args, **kwargs)

    return run


def rng_for(seed, salt):
    """A Generator for a check's random cases: the same every call for the same seed."""
    return np.random.default_rng([int(seed), int(salt)])


def is_number(value):
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def trained_network_outputs(ladder, network, X, *, shape, where, shape_hint=None, error_hint=None):
    """The outputs of the network a learner's training function returned, on the held-out points X.

    Fails the ladder (with a hint) when it returned something else, when the network raises on X, or
    when its outputs do not have `shape`. `where` says which points, e.g. "on the test digits".
    """
    if not hasattr(network, "forward"):
        hint = "return the network, not fit's History" if hasattr(network, "loss") else "return the trained Network"
        ladder.fail(f"returned a {type(network).__name__}, expected a trained network", hint)
    try:
        output = network.forward(X)
    except Exception as exc:  # the learner's network, reported as feedback
        ladder.fail(f"the network raised {type(exc).__name__} {where}: {exc}", error_hint)
    return ladder.array(output, what="the network's output", shape=shape, shape_hint=shape_hint)
