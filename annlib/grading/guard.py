"""Runs inside the grading kernel: keeps the instructor's cells honest while a submission runs beside them.

`install` is called once, before any submitted code, from a fresh kernel. It imports what the instructor's
cells import and snapshots the protected modules (builtins, numpy, annlib, the checks, ...): which module
object each name in sys.modules is, which object each module attribute holds, the code of each function
and the attributes of each class. It then registers an audit hook (`sys.addaudithook`: Python offers no
way to remove one), which holds the snapshot and a secret shared with the grading process, and which no
Python name leads to.

The grading process sends every instructor cell framed by two string statements:

    "annlib-start KEY GRADED MAC SOURCE"     MAC = HMAC(secret, the rest): only the grader can write it
    ...the instructor's source...
    "annlib-done KEY"

When IPython compiles the start statement, the hook puts every protected object back and re-binds the
names the instructor's cells imported. It then compares each statement IPython compiles with the
authenticated source, so a submission that rewrites the cell (IPython transformers) is caught. When the
done statement is compiled by IPython's own cell loop, every statement before it ran without an exception:
the hook checks that nothing protected changed meanwhile and signs the verdict, which the grader fetches
with a user expression and verifies. Printing "passed", or returning a fake verdict, earns nothing.

The hook also refuses what would let submitted code reach its secret or rewrite code in place: the garbage
collector's object lists, other threads' frames, frames while the hook itself runs, ctypes, the process's
memory file, trace and profile functions, and assigning a function's `__code__`. Changes to IPython's and
ipykernel's classes or to the shell's methods (which nothing restores) are noticed when the next
instructor cell starts, and that cell's verdict is `tampered`.

What this does not stop, and why a container is still needed, is in docs/instructors.md ("Threat model").
"""

import ast
import base64
import builtins
import hashlib
import hmac
import importlib
import json
import os
import sys
import threading
import types
import warnings

PROTECTED = (
    "builtins",
    "math",
    "cmath",
    "operator",
    "functools",
    "itertools",
    "numbers",
    "warnings",
    "numpy",
    "annlib",
)
# Imported but not snapshotted: restoring these large libraries cell by cell would cost more than it guards.
UNGUARDED = {"matplotlib", "mpl_toolkits", "IPython", "ipykernel", "ipywidgets", "sympy", "pandas", "scipy"}
_HEAPTYPE = 1 << 9
_MISSING = object()


def _is_code_object(value):
    return isinstance(value, (types.FunctionType, types.ModuleType, type)) or callable(value)


def _user_namespace(shell):
    """The notebook's namespace, read from the shell instance itself rather than through a property a
    submission could replace: IPython 9 keeps it in `_user_ns`, IPython 8 (Python 3.10) in `user_ns`."""
    attributes = vars(shell)
    return attributes.get("_user_ns", attributes.get("user_ns"))


class Guard:
    """Snapshot of the protected state, taken before any submitted code ran; see the module docstring."""

    def __init__(self, shell, prefixes):
        self.shell, self.prefixes = shell, set(prefixes)
        self.bindings = {}

    def snapshot(self):
        """Record the protected state; called once, before any submitted code runs."""
        self.modules = {
            name: module
            for name, module in list(sys.modules.items())
            if isinstance(module, types.ModuleType) and name.split(".")[0] in self.prefixes
        }
        self.dicts = {name: dict(vars(module)) for name, module in self.modules.items()}
        self.functions, self.classes = self._collect()
        self.hook_lists = self._hook_lists()
        self.hooks = {name: list(hooks) for name, hooks in self.hook_lists.items()}
        self.namespace = _user_namespace(self.shell)
        self.ipython_classes = [(cls, dict(vars(cls))) for cls in _ipython_classes(self.shell)]
        self.shell_callables = {name: value for name, value in vars(self.shell).items() if callable(value)}
        self.filters = list(warnings.filters)
        self.streams = (sys.stdout, sys.stderr, sys.displayhook)
        numpy = sys.modules.get("numpy")
        self.numpy_errors = numpy.geterr() if numpy is not None else None  # np.seterr(all="raise") undone

    def _collect(self):
        functions, classes, seen = [], [], set()

        def add_function(fn):
            if isinstance(fn, types.FunctionType) and id(fn) not in seen:
                seen.add(id(fn))
                functions.append((fn, fn.__code__, fn.__defaults__, fn.__kwdefaults__))

        for namespace in self.dicts.values():
            for value in namespace.values():
                add_function(value)
                add_function(getattr(value, "_implementation", None) if callable(value) else None)
                if isinstance(value, type) and value.__flags__ & _HEAPTYPE and id(value) not in seen:
                    seen.add(id(value))
                    classes.append((value, dict(vars(value))))
                    for member in vars(value).values():
                        add_function(getattr(member, "__func__", member))
        return functions, classes

    # -- putting things back --------------------------------------------------------------------------
    def restore(self):
        """Put every protected module, attribute, function body, class attribute and hook back."""
        for name, module in self.modules.items():
            if sys.modules.get(name) is not module:
                sys.modules[name] = module
            namespace = vars(module)
            for key, value in self.dicts[name].items():
                if namespace.get(key, _MISSING) is not value:
                    namespace[key] = value
        for fn, code, defaults, kwdefaults in self.functions:
            if fn.__code__ is not code:
                fn.__code__ = code
            if fn.__defaults__ is not defaults:
                fn.__defaults__ = defaults
            if fn.__kwdefaults__ is not kwdefaults:
                fn.__kwdefaults__ = kwdefaults
        for cls, snapshot in self.classes:
            self._restore_class(cls, snapshot)
        for name, hooks in self.hooks.items():
            self.hook_lists[name][:] = hooks
        warnings.filters[:] = self.filters
        if self.numpy_errors is not None:
            sys.modules["numpy"].seterr(**self.numpy_errors)
        sys.stdout, sys.stderr, sys.displayhook = self.streams
        sys.settrace(None)
        sys.setprofile(None)
        threading.settrace(None)
        threading.setprofile(None)

    @staticmethod
    def _restore_class(cls, snapshot):
        current = vars(cls)
        for key, value in snapshot.items():
            if current.get(key, _MISSING) is not value:
                setattr(cls, key, value)
        for key in [k for k in current if k not in snapshot and not k.startswith(("_abc", "__slotnames__"))]:
            delattr(cls, key)

    # -- noticing changes -----------------------------------------------------------------------------
    def changes(self):
        """Names of protected functions, classes or modules that differ from the snapshot (data is ignored)."""
        found = []
        for name, module in self.modules.items():
            if sys.modules.get(name) is not module:
                found.append(f"sys.modules[{name!r}]")
            namespace = vars(module)
            for key, value in self.dicts[name].items():
                if _is_code_object(value) and namespace.get(key, _MISSING) is not value:
                    found.append(f"{name}.{key}")
        for fn, code, defaults, kwdefaults in self.functions:
            if fn.__code__ is not code or fn.__defaults__ is not defaults or fn.__kwdefaults__ is not kwdefaults:
                found.append(f"the code of {fn.__module__}.{fn.__qualname__}")
        for cls, snapshot in self.classes:
            current = vars(cls)
            if any(current.get(key, _MISSING) is not value for key, value in snapshot.items()):
                found.append(f"the class {cls.__module__}.{cls.__qualname__}")
        current = self._hook_lists()
        for name, hooks in self.hooks.items():
            listed = self.hook_lists[name]
            if (
                current.get(name) is not listed
                or len(listed) != len(hooks)
                or any(a is not b for a, b in zip(listed, hooks))
            ):
                found.append(f"IPython's {name}")
        return found

    def _hook_lists(self):
        # Read through instance dictionaries only: no property or descriptor a submission could replace runs.
        traits = vars(self.shell).get("_trait_values", {})
        manager = traits.get("input_transformer_manager")
        lists = {
            "input_transformers_post": traits.get("input_transformers_post"),
            "ast_transformers": traits.get("ast_transformers"),
            "input_transformers_cleanup": vars(manager).get("cleanup_transforms") if manager else None,
        }
        return {name: value for name, value in lists.items() if type(value) is list}

    def ipython_changes(self):
        """IPython's and ipykernel's execution machinery, changed since the snapshot (nothing puts it back)."""
        found = [
            f"{cls.__module__}.{cls.__qualname__}"
            for cls, snapshot in self.ipython_classes
            if any(vars(cls).get(key, _MISSING) is not value for key, value in snapshot.items())
        ]
        if _user_namespace(self.shell) is not self.namespace or type(self.namespace) is not dict:
            found.append("the notebook's namespace")
        instance = vars(self.shell)
        changed = [
            name
            for name, value in instance.items()
            if callable(value)
            and (
                self.shell_callables.get(name, _MISSING) is not value
                if name in self.shell_callables
                else any(name in vars(cls) for cls, _ in self.ipython_classes)
            )
        ]
        return found + [f"get_ipython().{name}" for name in changed]

    # -- the instructor's cells -----------------------------------------------------------------------
    def begin(self, source):
        """Before an instructor cell: everything back, and the names earlier instructor cells bound."""
        self.restore()
        self.namespace.update(self.bindings)
        self.namespace["__builtins__"] = builtins

    def remember_bindings(self, tree):
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [alias.asname or alias.name.split(".")[0] for alias in node.names if alias.name != "*"]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            else:
                continue
            for name in names:
                if name in self.namespace:
                    self.bindings[name] = self.namespace[name]


def _ipython_classes(shell):
    classes = [
        type(shell),
        type(getattr(shell, "kernel", None)),
        type(shell.compile),
        type(getattr(shell, "displayhook", None)),
        type(getattr(shell, "input_transformer_manager", None)),
    ]
    found = []
    for cls in classes:
        for base in getattr(cls, "__mro__", ()):
            if base.__module__.split(".")[0] in ("IPython", "ipykernel") and base not in found:
                found.append(base)
    return found


def _sign(secret, text):
    return hmac.new(secret, text.encode("utf-8"), hashlib.sha256).hexdigest()


def start_marker(secret, key, graded, source):
    """The first statement of a framed instructor cell (made by the grading process)."""
    encoded = base64.b64encode(source.encode("utf-8")).decode("ascii")
    return f"annlib-start {key} {int(graded)} {_sign(secret, f'start {key} {int(graded)} {encoded}')} {encoded}"


def verdict_signature(secret, key, status, feedback):
    """What the grading process checks a verdict against."""
    return _sign(secret, json.dumps(["verdict", key, status, feedback]))


class GradingVerdict(Exception):
    """Carries a signed verdict out of the kernel (through a user expression's error value)."""


class GuardError(RuntimeError):
    """An operation the grading kernel refuses while it grades."""


_FRAME_ATTRIBUTES = {"tb_frame", "gi_frame", "cr_frame", "ag_frame", "f_back"}
_ALWAYS_REFUSED = {"gc.get_objects", "gc.get_referrers", "gc.get_referents", "sys._current_frames"}


class _Hook:
    """The audit hook: see the module docstring. Only the interpreter holds a reference to it."""

    def __init__(self, guard, secret):
        self.guard, self.secret = guard, secret
        self.main = threading.get_ident()
        self.busy = False  # set while the hook works: submitted code it may reach must not see frames
        self.peeking = False  # set while the hook reads frames itself
        self.cell = None  # the framed instructor cell being run: key, graded, expected statements, position
        self.verdicts = {}

    def __call__(self, event, args):
        if self.peeking and threading.get_ident() == self.main:
            return
        if event == "compile":
            if not self.busy and threading.get_ident() == self.main:
                self.busy = True
                try:
                    self.on_compile(args[0], args[1])
                finally:
                    self.busy = False
        elif event in _ALWAYS_REFUSED or event.startswith(("ctypes.", "sys.monitoring")):
            raise GuardError(f"{event} is not available while grading")
        elif event == "object.__setattr__" and args[1] == "__code__" and not self.busy:
            raise GuardError(
                f"replacing the code of {getattr(args[0], '__qualname__', args[0])} is not allowed while grading"
            )
        elif event == "sys._getframe" or event == "object.__getattr__" and args[1] in _FRAME_ATTRIBUTES:
            if self.busy or args and args[-1] == "tb_frame" and self.is_own_frame(args[0]):
                raise GuardError("the grader's frames are not available while grading")
        elif event == "open" and isinstance(args[0], str) and args[0].startswith("/proc/") and args[0].endswith("/mem"):
            raise GuardError("the process's memory is not available while grading")
        elif event in ("sys.settrace", "sys.setprofile") and not self.busy:
            raise GuardError(f"{event} is not available while grading")

    def is_own_frame(self, traceback):
        """True when a traceback entry points into this module (an error the hook itself raised)."""
        self.peeking = True
        try:
            return traceback.tb_frame.f_code.co_filename == __file__
        finally:
            self.peeking = False

    def on_compile(self, source, filename):
        if isinstance(source, bytes):
            source = source.decode("utf-8", "replace")
        if isinstance(source, str):
            if source.startswith("'annlib-verdict "):
                raise GradingVerdict(self.verdicts.pop(source.strip("'\n ").split()[1], "null"))
            return
        if not isinstance(source, (ast.Module, ast.Interactive)):
            return
        for node in source.body:
            is_text = isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            text = node.value.value if is_text else None
            if isinstance(text, str) and text.startswith("annlib-start "):
                self.start(text, filename)
            elif isinstance(text, str) and text.startswith("annlib-done "):
                self.done(text.split()[1])
            elif self.cell is not None and filename == self.cell["filename"]:
                self.compare(node)

    def start(self, text, filename):
        try:
            _, key, graded, mac, encoded = text.split(" ")
        except ValueError:
            return
        if not hmac.compare_digest(mac, _sign(self.secret, f"start {key} {graded} {encoded}")):
            return  # not written by the grader
        source = base64.b64decode(encoded).decode("utf-8")
        tree = ast.parse(source)
        problems = self.guard.ipython_changes()
        self.guard.begin(source)
        self.cell = {
            "key": key,
            "graded": graded == "1",
            "tree": tree,
            "position": 0,
            "filename": filename,
            "expected": [ast.dump(node) for node in tree.body],
            "problems": problems,
        }

    def compare(self, node):
        cell = self.cell
        if cell["position"] >= len(cell["expected"]) or ast.dump(node) != cell["expected"][cell["position"]]:
            cell["problems"].append("the test cell was rewritten before it ran")
        cell["position"] += 1

    def done(self, key):
        cell, self.cell = self.cell, None
        if cell is None or cell["key"] != key:
            return
        problems = cell["problems"]
        if cell["position"] != len(cell["expected"]):
            problems.append("the test cell did not run as written")
        if not self.called_by_ipython():
            problems.append("the end of the test cell was faked")
        problems += self.guard.changes()
        self.guard.remember_bindings(cell["tree"])
        self.guard.restore()
        status = "tampered" if problems else "passed"
        feedback = ("changed or faked while the check ran: " + ", ".join(problems[:3])) if problems else ""
        self.verdicts[key] = json.dumps(
            {"status": status, "feedback": feedback, "signature": verdict_signature(self.secret, key, status, feedback)}
        )

    def called_by_ipython(self):
        """True when the compile comes straight from IPython's cell loop, and that loop is not re-entered."""
        self.peeking = True
        try:
            frame, names = sys._getframe(0), []
            while frame is not None:
                names.append((frame.f_code.co_name, frame.f_code.co_filename))
                frame = frame.f_back
        finally:
            self.peeking = False
        compiler = next((i for i, (n, f) in enumerate(names) if n == "__call__" and f.endswith("codeop.py")), None)
        if compiler is None or compiler + 1 >= len(names):
            return False
        loops = [1 for name, f in names if name == "run_ast_nodes" and f.endswith("interactiveshell.py")]
        return (
            all(f == __file__ for _, f in names[:compiler])  # nothing between IPython's compiler and us
            and names[compiler + 1][0] == "run_ast_nodes"
            and len(loops) == 1
        )


def install(shell, preload=(), extra_prefixes=(), secret_file=None):
    """Import `preload`, snapshot the protected modules, register the audit hook with the grader's secret."""
    for name in preload:
        try:
            importlib.import_module(name)
        except Exception:
            pass  # the instructor's cell will report the same error when it runs
    prefixes = set(PROTECTED) | {name.split(".")[0] for name in (*preload, *extra_prefixes)}
    prefixes -= UNGUARDED
    guard = Guard(shell, prefixes)
    guard.snapshot()
    with open(secret_file, "rb") as f:
        secret = f.read()
    os.unlink(secret_file)
    sys.addaudithook(_Hook(guard, secret))
