"""Feedback on a graded cell: its message and its hint, and the learner's own error behind a NameError.

A check's failure reads `check: message` and, on a second line, `  hint: what to do` (annlib.checks'
CheckFailed); `split` takes the two apart so that neither is lost when the text is cut or shown.

When a learner's cell raises (a SyntaxError, or a NameError in their own code), the names it should have
defined are never bound, and the test cell that uses one fails with `NameError: name 'sigmoid' is not
defined`, or with a check's message about that NameError and the check's hint, which is about something
else. `own_error` puts the learner's own error in its place: their cell, their line and their message.
The line comes from annlib.checks' `_learner_line`, run in the kernel on the error the cell raised
(`LAST_ERROR`), so only the learner's own frames are ever quoted, never annlib's, numpy's or Python's.
"""

import ast
import json
import re
import sys

HINT = "\n  hint: "
MAX_MESSAGE = 1500  # characters of a message kept in a record; the hint is kept whole up to MAX_HINT
MAX_HINT = 500
_UNDEFINED = re.compile(r"\bNameError: name '([A-Za-z_][A-Za-z0-9_]*)' is not defined")
_SYNTAX_PLACE = re.compile(r"\s*\(([^()]*), line (\d+)\)$")

# The user expression that describes, in the kernel, the error the learner's cell just raised.
LAST_ERROR = "__import__('annlib.grading.feedback', fromlist=['last_error']).last_error()"


class LearnerError(Exception):
    """Carries the description of the learner's error out of the kernel (a user expression's error value)."""


def split(feedback):
    """(message, hint) of a feedback text: "check: message\\n  hint: hint" -> ("check: message", "hint")."""
    message, _, hint = (feedback or "").partition(HINT)
    return message.strip(), " ".join(hint.split())


def join(message, hint=""):
    """The feedback text of a message and a hint, each cut to its own limit: a long message never
    pushes the hint out."""
    message = message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 3] + "..."
    if not hint:
        return message
    hint = hint if len(hint) <= MAX_HINT else hint[: MAX_HINT - 3] + "..."
    return f"{message}{HINT}{hint}"


def first_line(text):
    lines = str(text).strip().splitlines()
    return lines[0].strip() if lines else ""


def last_error():
    """In the kernel, right after a learner's cell raised: raise LearnerError with a JSON description of
    that error ({"ename", "message", "where"}), where `where` is " (line N: source)" of the learner's own
    line (annlib.checks' _learner_line: the deepest frame outside annlib, numpy and the standard library)."""
    from annlib.checks._core import _learner_line

    error = getattr(sys, "last_exc", None) or getattr(sys, "last_value", None)  # last_exc: Python 3.12 on
    if not isinstance(error, BaseException):
        raise LearnerError("null")
    if isinstance(error, SyntaxError):  # raised while compiling: no frame of the learner's, but a line
        message, where = error.msg or "", ""
        if error.lineno:
            text = (error.text or "").strip()
            where = f" (line {error.lineno}: {text})" if text else f" (line {error.lineno})"
    else:
        message, where = first_line(error), _learner_line(error)
    raise LearnerError(json.dumps({"ename": type(error).__name__, "message": message, "where": where}))


def describe(reply, source, expression=None):
    """{"ename", "message", "where"} of a learner's cell that raised: from the kernel's description of it
    (`expression`, the value of LAST_ERROR), else from the reply alone (a SyntaxError's line is then read
    from the cell's source)."""
    try:
        described = json.loads(expression["evalue"]) if expression.get("ename") == "LearnerError" else None
    except (AttributeError, KeyError, TypeError, ValueError):
        described = None
    if (
        isinstance(described, dict)
        and described.get("ename") == reply.ename
        and all(isinstance(described.get(key), str) for key in ("ename", "message", "where"))
    ):
        if described["message"] == "incomplete input":  # IPython's words for an unclosed bracket or string
            return plain_syntax_error(source) or described
        return described
    message, where = first_line(reply.evalue), ""
    place = _SYNTAX_PLACE.search(message)
    if place and reply.ename in ("SyntaxError", "IndentationError", "TabError"):
        message = message[: place.start()]
        lineno = int(place.group(2))
        lines = source.splitlines()
        text = lines[lineno - 1].strip() if 0 < lineno <= len(lines) else ""
        where = f" (line {lineno}: {text})" if text else f" (line {lineno})"
    return {"ename": reply.ename, "message": message, "where": where}


def _python(source):
    """The cell as the Python IPython runs (magics turned into calls), line for line."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        return TransformerManager().transform_cell(source)
    except Exception:
        return source


def plain_syntax_error(source):
    """The SyntaxError Python itself gives for the cell (only compiled here, never run), or None."""
    try:
        compile(_python(source), "<cell>", "exec", dont_inherit=True)
    except SyntaxError as error:
        if not error.lineno:
            return None
        text = (error.text or "").strip()
        where = f" (line {error.lineno}: {text})" if text else f" (line {error.lineno})"
        return {"ename": type(error).__name__, "message": error.msg or "", "where": where}
    except (ValueError, OverflowError, MemoryError, RecursionError):
        return None
    return None


def undefined_name(ename, evalue):
    """The name a graded cell found undefined: its own NameError, or a check's message about one."""
    if ename == "NameError":
        match = _UNDEFINED.match(f"NameError: {first_line(evalue)}")
    elif ename == "CheckFailed" or "Assert" in ename:
        match = _UNDEFINED.search(first_line(evalue))
    else:
        return None
    return match.group(1) if match else None


def _bound_at_top(tree):
    """The names a module binds outside its functions and classes (and the functions and classes)."""
    names = set()

    def visit(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(child.name)
                continue
            if isinstance(child, ast.Lambda):
                continue
            if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store):
                names.add(child.id)
            elif isinstance(child, (ast.Import, ast.ImportFrom)):
                names.update((alias.asname or alias.name).split(".")[0] for alias in child.names)
            elif isinstance(child, ast.Global):
                names.update(child.names)
            visit(child)

    visit(tree)
    return names


def defines(source, name):
    """Whether a cell's source binds `name` at its top level (defines the function, assigns the name,
    imports it); read from the text where the cell does not compile (a SyntaxError)."""
    try:
        return name in _bound_at_top(ast.parse(_python(source)))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        pass
    word = re.escape(name)
    patterns = (
        rf"^\s*(async\s+)?def\s+{word}\s*\(",
        rf"^\s*class\s+{word}\b",
        rf"^{word}\s*(:[^=]*)?=(?!=)",
        rf"^[A-Za-z_0-9, ()]*\b{word}\b[A-Za-z_0-9, ()]*=(?!=)",
        rf"^\s*(from\s+\S+\s+)?import\s.*\b{word}\b",
    )
    return any(re.search(pattern, line) for line in source.splitlines() for pattern in patterns)


def own_error(ename, evalue, failed):
    """The feedback naming the learner's own error behind a graded cell's NameError, or None.

    failed: [(source, description)] of the learner's cells that raised (or were stopped at the time limit:
    {"stopped": why}) before the graded cell, in order; the latest that should have bound the undefined
    name is the cause.
    """
    name = undefined_name(ename, evalue)
    if name is None:
        return None
    for source, error in reversed(failed):
        if defines(source, name):
            if error.get("stopped"):  # a cell stopped at the time limit
                return join(f"your cell defining {name} was {error['stopped']}")
            message = f": {error['message']}" if error["message"] else ""
            return join(f"your cell defining {name} raised {error['ename']}{message}{error['where']}")
    return None
