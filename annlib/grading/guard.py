"""Runs inside the grading kernel: keeps the instructor's cells honest while a submission runs beside them.

`install` is called once, before any submitted code, from a fresh kernel. It imports what the instructor's
cells import and snapshots the protected modules (builtins, numpy, annlib, the checks, ...): which module
object each name in sys.modules is, which object each module attribute holds, the code of each function
and the attributes of each class. Before every graded or read-only cell, `Guard.run` puts all of that back,
re-binds the names the instructor's cells imported or defined, and runs the instructor's source (taken from
the source notebook, never from the submission) with the real builtins. After a graded cell it checks that
nothing protected was changed while the check ran (a submitted function that patches numpy when called)
and stores the verdict under a one-time key the grading process asks for.

What this does not stop, and why a container is still needed, is in docs/instructors.md ("Threat model").
"""

import ast
import builtins
import importlib
import json
import sys
import threading
import types
import warnings

PROTECTED = ("builtins", "math", "cmath", "operator", "functools", "itertools", "numbers", "warnings",
             "numpy", "annlib")
# Imported but not snapshotted: restoring these large libraries cell by cell would cost more than it guards.
UNGUARDED = {"matplotlib", "mpl_toolkits", "IPython", "ipykernel", "ipywidgets", "sympy", "pandas", "scipy"}
_HEAPTYPE = 1 << 9
_MISSING = object()
_IPYTHON_HOOKS = ("input_transformers_cleanup", "input_transformers_post", "ast_transformers")
ACTIVE = None


def _is_code_object(value):
    return isinstance(value, (types.FunctionType, types.ModuleType, type)) or callable(value)


class Guard:
    """Snapshot of the protected state, taken before any submitted code ran; see the module docstring."""

    def __init__(self, shell, prefixes):
        self.shell, self.prefixes = shell, set(prefixes)
        self.bindings, self.verdicts = {}, {}

    def snapshot(self):
        """Record the protected state; called once, before any submitted code runs."""
        self.modules = {name: module for name, module in list(sys.modules.items())
                        if isinstance(module, types.ModuleType) and name.split(".")[0] in self.prefixes}
        self.dicts = {name: dict(vars(module)) for name, module in self.modules.items()}
        self.functions, self.classes = self._collect()
        self.hooks = {name: list(getattr(self.shell, name, [])) for name in _IPYTHON_HOOKS}
        self.filters = list(warnings.filters)
        self.streams = (sys.stdout, sys.stderr, sys.displayhook)

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
            if hasattr(self.shell, name):
                getattr(self.shell, name)[:] = hooks
        warnings.filters[:] = self.filters
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
        for name, hooks in self.hooks.items():
            if list(getattr(self.shell, name, [])) != hooks:
                found.append(f"IPython's {name}")
        return found

    # -- running the instructor's cells -----------------------------------------------------------------
    def run(self, source, grade_id, graded, key):
        """Run an instructor cell after restoring everything; store its verdict under `key`."""
        self.restore()
        namespace = self.shell.user_ns
        namespace.update(self.bindings)
        namespace["__builtins__"] = builtins
        tree = ast.parse(self.shell.transform_cell(source), filename=f"<cell {grade_id}>")
        verdict = {"status": "passed", "feedback": ""}
        try:
            exec(compile(tree, f"<cell {grade_id}>", "exec"), namespace)
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # SystemExit too: a submitted function may call sys.exit()
            verdict = _describe(error)
        changed = self.changes()
        self.restore()
        if changed and graded and verdict["status"] == "passed":
            verdict = {"status": "tampered",
                       "feedback": "changed while the check ran: " + ", ".join(changed[:3])}
        self._remember_bindings(tree, namespace)
        self.verdicts[key] = json.dumps(verdict)

    def _remember_bindings(self, tree, namespace):
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [alias.asname or alias.name.split(".")[0] for alias in node.names if alias.name != "*"]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            else:
                continue
            for name in names:
                if name in namespace:
                    self.bindings[name] = namespace[name]

    def verdict(self, key):
        """The verdict stored under `key` (a JSON string), or None if that cell never completed."""
        return self.verdicts.pop(key, None)


def _describe(error):
    try:
        message = str(error)
    except Exception:
        message = ""
    name = type(error).__name__
    if isinstance(error, NotImplementedError) and not message:
        message = "the solution cell still raises NotImplementedError(): replace the stub with your code"
    status = "failed" if isinstance(error, AssertionError) else "error"
    return {"status": status, "feedback": f"{name}: {message}"[:2000] if message else name}


def install(shell, preload=(), extra_prefixes=()):
    """Import `preload`, snapshot the protected modules and make the guard active; returns it."""
    global ACTIVE
    for name in preload:
        try:
            importlib.import_module(name)
        except Exception:
            pass  # the instructor's cell will report the same error when it runs
    prefixes = set(PROTECTED) | {name.split(".")[0] for name in (*preload, *extra_prefixes)}
    prefixes -= UNGUARDED
    ACTIVE = Guard(shell, prefixes)  # bound first, so that the snapshot (and every restore) keeps it
    ACTIVE.snapshot()
    return ACTIVE
