"""Batch grading of submitted notebooks: `annlib grade SUBMISSION...`.

Each submission is matched to its source notebook by file name, copied to a scratch folder and run in a
fresh kernel. The run order and every graded or read-only cell come from the source notebook (by grade_id);
only the learner's solution cells and the cells they added come from the submission. Submitted outputs are
never read. A test cell passes only with a verdict signed inside the kernel by annlib.grading.guard, with a
secret this process gives each kernel before any submitted code runs. With a sandbox (the default on
Linux when bubblewrap works), every kernel runs in a bubblewrap sandbox of its own, with limits
(annlib.grading.sandbox); each record says which sandbox graded it. The instructor guide is
docs/instructors.md.
"""

import ast
import functools
import hmac
import json
import os
import secrets
import shutil
import sys
import tempfile
import threading
import time
import weakref
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
from dataclasses import dataclass
from pathlib import Path

from annlib.grading import DEFAULT_TIMEOUT
from annlib.grading import feedback as _feedback
from annlib.grading.guard import start_marker, verdict_signature
from annlib.grading.kernel import ForkServer, Kernel
from annlib.grading.notebook import (
    NotebookFormatError,
    grade_id,
    is_grade,
    is_locked,
    is_marked,
    is_solution,
    points,
    read_notebook,
    read_source_notebook,
)
from annlib.grading.sandbox import Limits, choose

MAX_RESTARTS = 3


@dataclass
class Step:
    """One cell to execute: kind is "student", "locked", "graded" or "manual"."""

    kind: str
    source: str
    grade_id: str = None
    points: float = 0.0
    after: str = None  # for a cell the learner added: the grade_id of the marked cell it followed


def plan(source_nb, submitted_nb):
    """The cells to run, in the source's order: instructor cells from the source, answers from the submission.

    A learner's solution cells (every copy, in their order) take the place of the source's solution cell;
    cells the learner added run after the marked cell they followed. Graded and read-only cells are always
    the source's, once each, wherever the learner moved, duplicated or deleted theirs.
    """
    marked = {grade_id(c): c for c in source_nb.cells if is_marked(c)}
    answers, added, anchor = defaultdict(list), defaultdict(list), None
    for cell in submitted_nb.cells:
        gid = grade_id(cell) if is_marked(cell) else None
        if gid in marked:
            if is_solution(marked[gid]) and cell.cell_type == "code":
                answers[gid].append(cell.source)
            anchor = gid
        elif cell.cell_type == "code":
            added[anchor].append(cell.source)
    steps = [Step("student", s, after="the top") for s in added[None]]
    for cell in source_nb.cells:
        gid = grade_id(cell) if is_marked(cell) else None
        if gid is None:
            continue
        if is_solution(cell):
            steps += [Step("student", s, gid) for s in answers[gid]]
            if is_grade(cell):
                steps.append(Step("manual", "", gid, points(cell)))
        elif cell.cell_type == "code":
            steps.append(Step("graded" if is_grade(cell) else "locked", cell.source, gid, points(cell)))
        steps += [Step("student", s, after=repr(gid)) for s in added[gid]]
    return steps


def instructor_imports(source_nb):
    """The modules the instructor's cells import (preloaded by the fork server, snapshotted by the guard)."""
    names = set()
    for cell in source_nb.cells:
        if cell.cell_type != "code" or not is_locked(cell):
            continue
        source = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
    return sorted(names)


def student_name(path):
    """The student: the folder after `submitted` in nbgrader's layout, otherwise the folder holding the file."""
    parts = Path(path).resolve().parts
    if "submitted" in parts[:-2]:
        return parts[len(parts) - 1 - parts[::-1].index("submitted") + 1]
    return Path(path).resolve().parent.name


def _record(path, source_nb=None):
    cells = []
    if source_nb is not None:
        cells = [
            {"grade_id": grade_id(c), "points": 0.0, "max_points": points(c), "status": "not run", "feedback": ""}
            for c in source_nb.cells
            if is_grade(c)
        ]
    return {
        "submission": str(path),
        "student": student_name(path),
        "notebook": Path(path).name,
        "score": 0.0,
        "max_score": sum(c["max_points"] for c in cells),
        "cells": cells,
        "error": None,
        "sandbox": "none",
    }


class _Run:
    """The execution of one submission's plan, restarting the kernel when a cell hangs or kills it."""

    def __init__(self, steps, workdir, preload, timeout, new_kernel):
        self.steps, self.workdir, self.preload, self.timeout = steps, workdir, preload, timeout
        self.new_kernel = new_kernel
        self.done, self.restarts, self.kernel, self.errors, self.secret = [], 0, None, [], b""
        self.failed = []  # (source, description) of each of the learner's cells that raised, in order
        self.limits_seen = set()  # cgroup limits already noted in errors

    def start(self):
        try:
            self.kernel = self.new_kernel(self.workdir)
        except RuntimeError:  # a kernel that fails to start once (a busy machine) gets one more chance
            self.kernel = self.new_kernel(self.workdir)
        # The secret reaches the kernel through a file it deletes once read, before any submitted code runs.
        self.secret = secrets.token_bytes(32)
        secret_file, grader_path = self.kernel.private_file("annlib-secret", self.secret)
        bootstrap = (
            f"import annlib.grading.guard as _guard\n"
            f"_guard.install(get_ipython(), preload={self.preload!r}, secret_file={secret_file!r})\n"
            f"del _guard"
        )
        try:
            reply = self.kernel.execute(bootstrap, timeout=max(self.timeout, 60))
        finally:
            if os.path.exists(grader_path):
                os.unlink(grader_path)
        if reply.status != "ok":
            raise RuntimeError(f"the grading kernel could not start: {reply.ename} {reply.evalue} {reply.detail}")
        for step in self.done:  # after a restart: replay what ran before, without the graded cells
            if self.execute(step)[0].status not in ("ok", "error"):
                raise RuntimeError("re-running the earlier cells after a kernel restart failed")

    def execute(self, step):
        """Run a step; returns the reply and, for an instructor cell, its one-time key."""
        if step.kind == "student":
            return self.kernel.execute(step.source, self.timeout), None
        key = secrets.token_hex(16)
        source = _ipython_to_python(step.source)
        framed = f'"{start_marker(self.secret, key, step.kind == "graded", source)}"\n{source}\n"annlib-done {key}"\n'
        return self.kernel.execute(framed, self.timeout, {"verdict": f"'annlib-verdict {key}'"}), key

    def describe_error(self, step, reply):
        """Note the error a learner's cell raised ({"ename", "message", "where"}), as the kernel describes it
        (annlib.grading.feedback.last_error: their own line only), for the test cells that come after."""
        try:
            described = self.kernel.execute("", min(self.timeout, 10), {"error": _feedback.LAST_ERROR})
            expression = described.user_expressions.get("error", {}) if described.status == "ok" else {}
        except Exception:  # a kernel that cannot say more: the reply's own words
            expression = {}
        self.failed.append((step.source, _feedback.describe(reply, step.source, expression)))

    @staticmethod
    def where(step):
        return f"cell {step.grade_id!r}" if step.grade_id else f"a cell the learner added after {step.after}"

    def limit_note(self, reply):
        """Which sandbox limit a reply ran into, in words ('' when none, or when not sandboxed)."""
        sandbox = getattr(self.kernel, "sandbox", None)
        if reply.status == "limit":
            return reply.detail
        if sandbox is None or reply.status not in ("error", "timeout"):
            return ""
        limit = sandbox.limits.explain(reply.ename, reply.evalue)
        return f"{reply.ename}: stopped by {limit}" if limit else ""

    def note_limits_hit(self, step):
        """Record each limit the sandbox's cgroups saw it reach for the first time (a process killed for
        memory, a fork refused), even when the cell itself went on."""
        sandbox = getattr(self.kernel, "sandbox", None)
        if sandbox is None:
            return
        for name in sorted(sandbox.limits_hit() - self.limits_seen):
            self.limits_seen.add(name)
            self.errors.append(
                f"{self.where(step)}: reached {sandbox.limits.describe(name)}; processes inside were refused or killed"
            )

    def restart(self, step, reply):
        self.errors.append(f"{self.where(step)}: {reply.detail}; the kernel was restarted")
        self.kernel.close()
        self.restarts += 1
        if self.restarts > MAX_RESTARTS:
            raise RuntimeError(f"gave up after {MAX_RESTARTS} kernel restarts")
        self.start()

    def close(self):
        if self.kernel is not None:
            self.kernel.close()


@functools.lru_cache(maxsize=256)
def _ipython_to_python(source):
    """The instructor's cell as the Python IPython would run (magics to calls), computed outside the kernel."""
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(source)


def _verdict(reply, key, secret, note=""):
    """(status, feedback) of a graded cell from the kernel's reply; a pass must carry the kernel's signature.

    `note` names the sandbox limit the cell ran into, if any: an output limit is status `limit`; any other
    limit keeps the status the error gave and ends the feedback.
    """
    if reply.status == "limit":
        return "limit", reply.detail
    status, feedback = _reply_verdict(reply, key, secret)
    if note and status != "passed":
        message, hint = _feedback.split(feedback)
        feedback = _feedback.join(f"{message} ({note.split(': ', 1)[-1]})", hint)
    return status, feedback


def _reply_verdict(reply, key, secret):
    if reply.status in ("timeout", "hung"):
        return "timeout", reply.detail
    if reply.status == "died":
        return "kernel died", f"{reply.detail} while this cell ran"
    if reply.status == "error":
        if reply.ename == "NotImplementedError" and not reply.evalue:
            return "error", "NotImplementedError: the answer still raises NotImplementedError(): replace the stub"
        status = "failed" if "Assert" in reply.ename or reply.ename == "CheckFailed" else "error"
        if not reply.evalue:
            return status, reply.ename
        message, hint = _feedback.split(reply.evalue)  # a check's hint is kept, however long its message
        return status, _feedback.join(f"{reply.ename}: {message}", hint)
    expression = reply.user_expressions.get("verdict", {})
    try:
        verdict = json.loads(expression["evalue"]) if expression.get("ename") == "GradingVerdict" else None
        signed = hmac.compare_digest(
            verdict["signature"], verdict_signature(secret, key, verdict["status"], verdict["feedback"])
        )
    except (KeyError, TypeError, ValueError):
        signed = False
    if not signed:
        return "tampered", "no signed verdict came back from the check: the submission interfered with the kernel"
    return verdict["status"], verdict["feedback"]


def _execute_plan(record, steps, workdir, preload, timeout, new_kernel):
    run = _Run(steps, workdir, preload, timeout, new_kernel)
    by_id = {c["grade_id"]: c for c in record["cells"]}
    try:
        run.start()
        for step in steps:
            if step.kind == "manual":
                by_id[step.grade_id].update(status="manual", feedback="graded by hand")
                continue
            reply, key = run.execute(step)
            note = run.limit_note(reply)
            if note and step.kind != "graded":
                run.errors.append(f"{run.where(step)}: {note}")
            run.note_limits_hit(step)
            if step.kind == "student" and reply.status == "error":
                run.describe_error(step, reply)
            elif step.kind == "student" and reply.status in ("timeout", "hung"):
                run.failed.append((step.source, {"stopped": f"stopped after the {timeout:g} s limit per cell"}))
            if step.kind in ("graded", "locked"):
                status, feedback = _verdict(reply, key, run.secret, note)
                own = _feedback.own_error(reply.ename, reply.evalue, run.failed) if reply.status == "error" else None
                if own is not None:  # the NameError comes from the learner's own cell that raised
                    status, feedback = "error", own
                if step.kind == "graded":
                    cell = by_id[step.grade_id]
                    cell.update(
                        status=status, feedback=feedback, points=cell["max_points"] if status == "passed" else 0.0
                    )
            if reply.status in ("hung", "died"):
                run.restart(step, reply)
            elif step.kind != "graded" and reply.status in ("ok", "error", "limit"):
                run.done.append(step)
    except RuntimeError as error:
        run.errors.append(str(error))
    finally:
        run.close()
    return run.errors


# The scratch folders of the submissions being graded (removed by grade_all if grading is interrupted).
_WORKDIRS, _WORKDIRS_LOCK = set(), threading.Lock()


def grade_submission(path, source_dir, timeout=DEFAULT_TIMEOUT, new_kernel=Kernel, source_name=None):
    """Grade one submitted notebook against the source notebook of the same name (or `source_name`, for a
    renamed file); returns its record.

    `new_kernel(cwd)` gives a fresh kernel (by default started by jupyter_client; grade_all forks them).
    """
    path, source_dir = Path(path), Path(source_dir)
    source_name = source_name or path.name
    source_path = source_dir / source_name
    if not source_path.is_file():
        record = _record(path)
        record["error"] = f"no source notebook named {path.name} in {source_dir}"
        return record
    source_nb = read_source_notebook(source_path)
    record = _record(path, source_nb)
    record["notebook"] = source_name
    try:
        submitted_nb = read_notebook(path)
    except NotebookFormatError as error:
        record["error"] = str(error)
        return record
    workdir = Path(tempfile.mkdtemp(prefix="annlib-grade-"))
    with _WORKDIRS_LOCK:
        _WORKDIRS.add(workdir)
    try:
        # Data files and helper modules come from the instructor's folder, never from the submission's.
        copy_support_files(source_dir, workdir)
        shutil.copyfile(path, workdir / source_name)
        errors = _execute_plan(
            record, plan(source_nb, submitted_nb), workdir, instructor_imports(source_nb), timeout, new_kernel
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        with _WORKDIRS_LOCK:
            _WORKDIRS.discard(workdir)
    record["score"] = sum(c["points"] for c in record["cells"])
    record["error"] = "; ".join(errors) or None
    return record


def copy_support_files(folder, target):
    """Copy what sits beside the notebooks of `folder` (data files, helper modules) into `target`.

    The one rule for grading and for progress: no notebooks, no hidden files or folders, no __pycache__,
    at the top or inside a folder; only regular files and folders.
    """
    skipped = shutil.ignore_patterns("__pycache__", "*.ipynb", ".*")
    for item in Path(folder).iterdir():
        if skipped(folder, [item.name]):
            continue
        if item.is_dir():
            shutil.copytree(item, Path(target) / item.name, ignore=skipped)
        elif item.is_file():
            shutil.copy2(item, Path(target) / item.name)


def find_submissions(paths):
    """Notebook files given directly or found under the given folders (checkpoints skipped), sorted."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += [p for p in path.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts]
        elif path.exists():
            found.append(path)
        else:
            raise FileNotFoundError(f"grade: no such file or folder: {path}")
    return sorted(set(found))


def grade_all(
    submissions,
    source_dir,
    timeout=DEFAULT_TIMEOUT,
    jobs=None,
    progress=None,
    fork=True,
    sandbox="auto",
    limits=None,
    passed_env=(),
    hide=(),
    warn=None,
    sources=None,
):
    """Grade many submissions in parallel (`jobs` kernels at a time); returns records in input order.

    `sources`, if given, names the source notebook of each submission (for renamed files); otherwise each
    is graded against the source notebook of its own file name. On KeyboardInterrupt (Ctrl-C, or a
    SIGTERM handler that raises it) grading stops within seconds: every kernel is ended, every scratch
    folder removed, and GradingInterrupted is raised; the records finished before are those already
    passed to `progress`.

    With `fork` (on Linux) each fresh kernel is forked from a warm process instead of started from scratch.
    `sandbox` is "auto" (bubblewrap where it works, else none with a warning), "bwrap" (refuse to grade
    without it: SandboxUnavailable) or "none"; sandboxed kernels get `limits` (a sandbox.Limits; default
    Limits()), the environment variables named in `passed_env` and nothing of the grader's, and never see
    the source folder, the submissions' folders, the current and home folders or the folders in `hide`.
    `progress(done, total, record, seconds)` is called as each submission finishes; `warn(text)` (default:
    print to stderr) when auto falls back to no sandbox.
    """
    submissions = list(submissions)
    sources = list(sources) if sources is not None else [Path(p).name for p in submissions]
    jobs = max(1, jobs or os.cpu_count() or 1)
    records, lock = [None] * len(submissions), threading.Lock()
    finished = 0
    stop, live = threading.Event(), weakref.WeakSet()  # set on interrupt; the kernels still running
    for name in sorted(set(sources)):  # a broken source stops the batch before it starts
        if (Path(source_dir) / name).is_file():
            read_source_notebook(Path(source_dir) / name)
    used, warning = choose(sandbox)
    if warning:
        (warn or (lambda text: print(text, file=sys.stderr, flush=True)))(warning)
    if used == "bwrap" and not (fork and ForkServer.available()):
        raise ValueError("grade_all: the sandbox needs the fork server (fork=True, Linux)")
    limits = (limits or Limits()) if used == "bwrap" else None
    hidden = [
        source_dir,
        os.getcwd(),
        os.path.expanduser("~"),
        tempfile.gettempdir(),
        *hide,
        *{str(Path(p).resolve().parent) for p in submissions},
    ]
    servers = []

    def start_server():
        server = ForkServer(_all_imports(source_dir), sandbox=limits, hide=hidden, passed_env=passed_env)
        servers.append(server)
        return server

    server = start_server() if fork and ForkServer.available() else None
    server_lock = threading.Lock()

    def new_kernel(cwd):
        if stop.is_set():
            raise RuntimeError("grading was interrupted")
        kernel = start_kernel(cwd)
        with lock:
            live.add(kernel)
        if stop.is_set():
            kernel.close()
            raise RuntimeError("grading was interrupted")
        return kernel

    def start_kernel(cwd):
        nonlocal server
        if server is None:
            return Kernel(cwd)  # no fork server (not Linux, or fork=False): never sandboxed
        current = server
        try:
            return current.kernel(cwd)
        except (RuntimeError, OSError) as error:
            if limits is None:
                return Kernel(cwd)  # the fork server is gone: start kernels the usual way
            if current.process.poll() is None:
                raise RuntimeError(str(error)) from None  # this sandboxed kernel failed: reported in its record
        with server_lock:  # the fork server is gone: a new one, never an unsandboxed kernel
            if server is current:
                server = start_server()
        return server.kernel(cwd)

    def one(index):
        start = time.perf_counter()
        try:
            record = grade_submission(submissions[index], source_dir, timeout, new_kernel, sources[index])
        except NotebookFormatError:
            raise  # a broken source notebook is the instructor's problem: stop the batch
        except Exception as error:  # keep the batch going whatever one submission does
            record = _record(submissions[index])
            record["error"] = f"grading failed: {type(error).__name__}: {error}"
        record["sandbox"] = used
        if stop.is_set():
            return index, None, 0.0  # cut short by the interrupt: not a result
        return index, record, time.perf_counter() - start

    pool = ThreadPoolExecutor(max_workers=jobs)
    futures = []
    try:
        futures = [pool.submit(one, i) for i in range(len(submissions))]
        for future in as_completed(futures):
            index, record, seconds = future.result()
            if record is None:
                continue
            records[index] = record
            with lock:
                finished += 1
                if progress is not None:
                    progress(finished, len(submissions), record, seconds)
        pool.shutdown()
    except KeyboardInterrupt:
        _stop_batch(stop, pool, futures, live, lock)
        raise GradingInterrupted(finished, len(submissions)) from None
    finally:
        for started in servers:
            started.close()
    return records


class GradingInterrupted(Exception):
    """Grading stopped by Ctrl-C or SIGTERM; `done` of `total` submissions had finished."""

    def __init__(self, done, total):
        super().__init__(f"grading interrupted after {done} of {total} submissions")
        self.done, self.total = done, total


def _stop_batch(stop, pool, futures, live, lock, grace=3.0):
    """End an interrupted batch quickly: nothing new starts, every kernel is killed (each worker then sees
    its kernel die and returns), and the scratch folders of any worker still busy are removed."""
    import signal

    if threading.current_thread() is threading.main_thread():
        for number in (signal.SIGINT, signal.SIGTERM):  # a second Ctrl-C must not cut the clean-up short
            signal.signal(number, signal.SIG_IGN)
    stop.set()
    pool.shutdown(wait=False, cancel_futures=True)
    with lock:
        kernels = list(live)
    for kernel in kernels:
        try:
            if hasattr(kernel, "pid"):
                os.killpg(kernel.pid, 9)  # its worker closes it (and its sandbox) when it sees it die
            else:
                kernel.close()
        except Exception:
            pass
    wait(futures, timeout=grace)
    with _WORKDIRS_LOCK:
        left = list(_WORKDIRS)
    for folder in left:
        shutil.rmtree(folder, ignore_errors=True)


def _all_imports(source_dir):
    names = set()
    for path in sorted(Path(source_dir).glob("*.ipynb")):
        try:
            names.update(instructor_imports(read_source_notebook(path)))
        except NotebookFormatError:
            continue  # reported when a submission of that notebook is graded
    return sorted(names)


def print_progress(done, total, record, seconds, stream=None):
    """One line per finished submission on stderr."""
    stream = stream or sys.stderr
    note = f"  ERROR: {record['error']}" if record["error"] else ""
    print(
        f"[{done}/{total}] {record['student']}/{record['notebook']}: "
        f"{record['score']:g}/{record['max_score']:g} ({seconds:.1f} s){note}",
        file=stream,
        flush=True,
    )


_SIGNALLED = []  # the signal that stopped grade_class, when a handler of ours saw it


def _exit_on_signal(number, frame):
    _SIGNALLED.append(number)
    raise KeyboardInterrupt(number)


def grade_class(args, limits=None):
    """`annlib grade`: find and match the submissions (annlib.grading.layouts), grade what is not already in
    the results store (annlib.grading.store), keep each record as it finishes, and write the gradebook,
    the per-student summary and the platform imports. Ctrl-C or SIGTERM: stop, write what finished, say
    how to resume, exit 130 (143 for SIGTERM)."""
    import shlex
    import signal

    from annlib.grading import gradebook, layouts
    from annlib.grading import roster as rosters
    from annlib.grading import store as stores

    if not os.path.isdir(args.source):
        raise FileNotFoundError(f"grade: source folder {args.source} does not exist (use --source DIR)")
    roster = rosters.read_roster(args.roster) if args.roster else None
    found = layouts.discover(args.submissions, args.source)
    if not found:
        raise FileNotFoundError("grade: no notebooks found in " + " ".join(args.submissions))
    maxima = {}
    for path in sorted(Path(args.source).glob("*.ipynb")):
        maxima[path.name] = sum(points(c) for c in read_source_notebook(path).cells if is_grade(c))
    if args.exercises:
        wanted = [w.strip() for w in args.exercises.split(",") if w.strip()]
        chosen_names = [n for n in maxima if any(n == w or n == f"{w}.ipynb" or n.startswith(w) for w in wanted)]
        maxima = {n: maxima[n] for n in chosen_names}
    due = rosters.parse_due(args.due, list(maxima) or [f.exercise for f in found if f.exercise])
    chosen, passed_over = layouts.choose(found)
    unmatched = [f for f in found if f.exercise is None]
    who = rosters.resolve(found, roster) if roster else {}

    def annotate(record, f):
        student = who.get((f.platform, f.key))
        record.update(
            student=student.id if student else f.display,
            student_id=student.id if student else None,
            student_name=student.name if student else (f.display if f.platform == "moodle" else None),
            email=student.email if student else None,
            platform=f.platform,
            platform_id=f.key,
            submitted_as=f.submitted_name,
            renamed=f.renamed,
            submitted_at=f.timestamp.isoformat(timespec="seconds"),
            timestamp_source=f.timestamp_source,
            due=due[f.exercise].isoformat(timespec="minutes") if f.exercise in due else None,
            late_days=rosters.late_days(f.timestamp, due.get(f.exercise)),
            late_marker=f.late_marker,
            flags=list(f.flags),
        )
        if f.late_marker and not record["late_days"]:
            record["flags"].append("late: Canvas marked this submission LATE")
        return record

    outputs = [args.json, args.csv, args.summary, args.canvas, args.moodle]
    store_file = args.store or next((stores.store_path(p) for p in (args.json, args.csv) if p), None)
    store = stores.Store(store_file) if store_file else None
    todo, keys, kept = [], {}, []
    for f in chosen:
        keys[f.path] = stores.record_key(f.path, args.source, f.exercise)
        old = store.lookup(f.path, keys[f.path]) if store is not None and not args.force else None
        if old is not None:
            kept.append(annotate(old, f))
        else:
            todo.append(f)
    by_path = {f.path: f for f in chosen}
    if store is not None and kept:
        print(f"{len(kept)} submission(s) unchanged since they were graded: kept from {store.path}", file=sys.stderr)
    for f in passed_over:
        print(f"not graded (an older file of the same exercise): {f.path}", file=sys.stderr)
    for f in unmatched:
        print(f"not graded (matches no source notebook in {args.source}): {f.path}", file=sys.stderr)

    fresh = []

    def finished(done, total, record, seconds):
        annotate(record, by_path[Path(record["submission"])])
        if store is not None:
            store.append(keys[Path(record["submission"])], record)
        fresh.append(record)
        print_progress(done, total, record, seconds)

    def write_all():
        current = {(r["student"], r["notebook"]): r for r in kept + fresh}
        # Read back from the file: a signal can stop this process after a record reached the disk and before
        # it reached `fresh`; what the file holds was finished.
        on_disk = stores.Store(store.path).records() if store is not None else []
        merged = dict(((r["student"], r["notebook"]), r) for r in on_disk)
        merged.update(current)  # this run's choice wins; other students and exercises merge in from before
        records = sorted(merged.values(), key=lambda r: (r["student"], r["notebook"]))
        if args.json:
            gradebook.write_json(records, args.json)
        if args.csv:
            gradebook.write_csv(records, args.csv)
        if not any(outputs):
            sys.stdout.write(gradebook.to_csv(records))
        rows = gradebook.summary_rows(records, maxima, roster)
        for path, write in ((args.summary, gradebook.write_summary), (args.canvas, gradebook.write_canvas),
                            (args.moodle, gradebook.write_moodle)):  # fmt: skip
            if path:
                write(rows, maxima, path)
        return rows

    previous = (
        signal.signal(signal.SIGTERM, _exit_on_signal)
        if threading.current_thread() is threading.main_thread()
        else None
    )
    hidden = [os.path.dirname(os.path.abspath(p)) for p in outputs + [store_file] if p]
    try:
        if todo:
            grade_all(
                [f.path for f in todo],
                args.source,
                timeout=args.timeout,
                jobs=args.jobs,
                progress=finished,
                sandbox=args.sandbox,
                limits=limits,
                passed_env=args.env,
                hide=hidden,
                sources=[f.exercise for f in todo],
            )
    except (GradingInterrupted, KeyboardInterrupt):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        write_all()
        command = [a for a in sys.argv[1:] if a != "--force"]
        again = shlex.join(["annlib", *command]) if command[:1] == ["grade"] else "the same command"
        print(
            f"\ninterrupted: {len(fresh)} of {len(todo)} submission(s) graded in this run and kept"
            + (f" in {store.path}" if store is not None else " (no --json/--csv/--store: nothing kept)")
            + f"; the gradebook holds what finished.\nTo resume, run {again} again: only what is not graded yet "
            "will be graded.",
            file=sys.stderr,
            flush=True,
        )
        sys.stdout.flush()
        # Worker threads may still be winding down; the records are written, so leave at once.
        os._exit(143 if signal.SIGTERM in _SIGNALLED else 130)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    rows = write_all()
    if roster is not None:
        absent = [r for r in rows if r["flags"].startswith("absent")]
        if absent:
            print(f"absent: {len(absent)} student(s) on the roster sent nothing: "
                  + ", ".join(f"{r['id']} {r['name']}" for r in absent), file=sys.stderr)  # fmt: skip
    flagged = [r for r in rows if r["flags"]]
    if flagged:
        print(f"{len(flagged)} student(s) with flags to check (see the summary's flags column)", file=sys.stderr)
    return rows
