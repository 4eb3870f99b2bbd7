"""docs/instructors.md followed literally: the nbgrader route end to end, the example check of "Adding an
exercise and its check", the grader image's Dockerfile, and the statuses and exit codes the guide states."""

import csv
import json
import os
import re
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "docs" / "instructors.md"
README = REPO / "README.md"
BIN = Path(sys.executable).parent


def guide():
    return GUIDE.read_text()


def section(text, heading):
    """The text of a `## heading` section, up to the next `## `."""
    start = text.index(f"\n## {heading}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)]


def blocks(text, language):
    """The fenced code blocks of one language, in order."""
    return re.findall(rf"^```{language}\n(.*?)^```", text, flags=re.S | re.M)


def block_with(text, language, needle):
    found = [b for b in blocks(text, language) if needle in b]
    assert len(found) == 1, f"expected one {language} block holding {needle!r}, found {len(found)}"
    return found[0]


def commands(block):
    """The command lines of a bash block, comments dropped."""
    lines = [re.sub(r"(^|\s+)#\s.*$", "", line).strip() for line in block.splitlines()]
    return [line for line in lines if line]


# --- the nbgrader route ----------------------------------------------------------------------------------


def _fill_answers(student_path, source_path, grade_ids):
    """The learner's work: the source's solution in the named answer cells, the others left as stubs."""
    student, source = json.loads(student_path.read_text()), json.loads(source_path.read_text())
    solutions = {
        c["metadata"]["nbgrader"]["grade_id"]: "".join(c["source"])
        for c in source["cells"]
        if c["metadata"].get("nbgrader", {}).get("solution")
    }
    for cell in student["cells"]:
        gid = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if gid in grade_ids:
            lines = solutions[gid].splitlines(keepends=True)
            cell["source"] = [x for x in lines if x.strip() not in ("### BEGIN SOLUTION", "### END SOLUTION")]
    student_path.write_text(json.dumps(student, indent=1))


@pytest.mark.skipif(sys.platform == "win32", reason="nbgrader's exchange is not available on Windows")
def test_the_nbgrader_route_runs_as_written_and_exports_the_grade(tmp_path):
    nbgrader = pytest.importorskip("nbgrader")
    if tuple(int(part) for part in nbgrader.__version__.split(".")[:3]) < (0, 9, 6):
        # Seen with the oldest supported stack (nbgrader 0.9.0, jupyter_client 8.0): autograde's kernel never
        # answers its first request within nbgrader's 30 s, in this test as in a plain course folder.
        pytest.skip(f"the nbgrader route is checked with nbgrader 0.9.6 and newer, not {nbgrader.__version__}")
    text = section(guide(), "Running the notebooks in an nbgrader course")
    real_root = "/srv/nbgrader/exchange"
    srv = tmp_path / "srv" / "nbgrader"
    exchange = srv / "exchange"

    # The config, as written, with the exchange moved into the temporary folder.
    config = block_with(text, "python", "c.CourseDirectory.course_id")
    assert f'c.Exchange.root = "{real_root}"' in config
    course_id = re.search(r'course_id = "([^"]+)"', config).group(1)
    config = config.replace(real_root, str(exchange))

    # The exchange's folders, with the modes the guide gives them (install -d -m MODE ... FOLDER).
    setup = block_with(text, "bash", "install -d")
    made = []
    for line in commands(setup):
        words = shlex.split(line)
        folder = Path(words[-1])
        assert str(folder).startswith("/srv/nbgrader"), line
        target = tmp_path / str(folder).lstrip("/")
        target.mkdir(parents=True, exist_ok=True)
        os.chmod(target, int(words[words.index("-m") + 1], 8))
        made.append(target)
    assert made == [srv, exchange]

    for folder in ("home/.jupyter", "data", "runtime"):  # older jupyter_client does not create them
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    env = dict(
        os.environ,
        PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}",  # the environment with annlib active
        HOME=str(tmp_path / "home"),
        JUPYTER_CONFIG_DIR=str(tmp_path / "home" / ".jupyter"),
        JUPYTER_DATA_DIR=str(tmp_path / "data"),  # nbgrader submit's cache
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
    )
    env.pop("JUPYTERHUB_USER", None)

    def run(line, cwd):
        line = line.replace("path/to/annlib", str(REPO))
        done = subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
        return done

    course = tmp_path / "course"
    learner = tmp_path / "learner"
    for folder in (course, learner):
        folder.mkdir()
        (folder / "nbgrader_config.py").write_text(config)
    instructor = commands(block_with(text, "bash", "nbgrader generate_assignment"))
    learners = commands(block_with(text, "bash", "nbgrader fetch_assignment"))
    assert [line.split()[1] for line in instructor if line.startswith("nbgrader")] == [
        "generate_assignment",
        "release_assignment",
        "collect",
        "autograde",
        "export",
    ]
    for line in instructor:
        if line.startswith("nbgrader collect"):  # a learner fetches, works and submits first
            for step in learners:
                if step.startswith("nbgrader submit"):
                    _fill_answers(
                        learner / "ex01" / "ex01_neuron.ipynb",
                        REPO / "exercises" / "source" / "ex01_neuron.ipynb",
                        {"ex01-weighted-sum", "ex01-sigmoid", "ex01-neuron-output"},
                    )
                run(step, learner)
        run(line, course)
        if line.startswith("nbgrader release_assignment"):
            modes = {
                p.name: stat.S_IMODE(p.stat().st_mode)
                for p in (exchange, exchange / course_id, exchange / course_id / "outbound")
            }
            modes["inbound"] = stat.S_IMODE((exchange / course_id / "inbound").stat().st_mode)
            assert modes == {"exchange": 0o1777, course_id: 0o755, "outbound": 0o755, "inbound": 0o2733}
            assert stat.S_IMODE(srv.stat().st_mode) == 0o750
            for mode, name in [("1777", "/srv/nbgrader/exchange"), ("0755", course_id), ("2733", course_id)]:
                assert mode in text and name in text

    students = [p.name for p in (course / "submitted").iterdir()]
    assert len(students) == 1 and (course / "submitted" / students[0] / "ex01" / "ex01_neuron.ipynb").is_file()
    rows = list(csv.DictReader((course / "grades.csv").open()))
    assert [(r["assignment"], r["student_id"], float(r["score"]), float(r["max_score"])) for r in rows] == [
        ("ex01", students[0], 7.0, 9.0)
    ]

    # annlib grades nbgrader's submitted/ folder as it is, to the same score.
    line = next(x for x in commands(text.split("What to know:")[1]) if x.startswith("annlib grade"))
    run(line + " --jobs 1", course)
    rows = list(csv.DictReader((course / "grades-annlib.csv").open()))
    assert [(r["student"], r["notebook"], float(r["score"]), float(r["max_score"])) for r in rows] == [
        (students[0], "ex01_neuron.ipynb", 7.0, 9.0)
    ]


# --- adding an exercise and its check --------------------------------------------------------------------


def _example_check():
    text = section(guide(), "Adding an exercise and its check")
    namespace = {"__name__": "docs_example_check"}
    exec(compile(block_with(text, "python", "def check_leaky_relu"), "<docs check>", "exec"), namespace)
    return text, namespace


def _answer(source):
    namespace = {}
    exec("import numpy as np\n" + source, namespace)
    return namespace["leaky_relu"]


def test_the_example_check_passes_a_right_answer_and_names_each_mistake(capsys):
    from annlib.checks import CheckFailed

    text, example = _example_check()
    check = example["check_leaky_relu"]
    assert [m.key for m in example["CATALOGUES"]["check_leaky_relu"]] == ["plain_relu", "slope_on_positive"]

    answers = block_with(text, "python", "CORRECT = {")
    corpus = {}
    exec(answers.replace("# ...", "#"), corpus)
    for source in corpus["CORRECT"]["check_leaky_relu"] + [
        "def leaky_relu(z, slope=0.01):\n    return np.where(z > 0, z, slope * z)\n"
    ]:
        for seed in (0, 101):  # the visible call and the hidden one of the documented test cell
            check(_answer(source), seed=seed)
    assert "\u2713 leaky_relu: all 3 cases correct" in capsys.readouterr().out
    assert "\u2713 leaky_relu: all 3 cases correct" in text

    for mistake in example["LEAKY_RELU_MISTAKES"]:
        with pytest.raises(CheckFailed) as info:
            check(mistake.example)
        assert info.value.mistakes == (mistake.key,) and mistake.hint in str(info.value)
    for key, source in corpus["WRONG"]["check_leaky_relu"]:
        with pytest.raises(CheckFailed) as info:
            check(_answer(source))
        assert info.value.mistakes == ((key,) if key else ())

    with pytest.raises(CheckFailed) as info:
        check(_answer("def leaky_relu(z, slope=0.01):\n    return np.maximum(z, 0)\n"))
    assert str(info.value).startswith("leaky_relu: wrong values for z = ")
    assert "`leaky_relu:\nwrong values for z = ...`" in text
    with pytest.raises(CheckFailed, match="is not written yet"):
        check(_answer("def leaky_relu(z, slope=0.01):\n    raise NotImplementedError()\n"))
    with pytest.raises(CheckFailed, match="uses annlib's activations.leaky_relu"):
        check(_answer("from annlib.activations import leaky_relu\n"))


def test_the_documented_steps_name_files_that_exist():
    text = section(guide(), "Adding an exercise and its check")
    for path in [
        "annlib/checks/_core.py",
        "annlib/checks/neuron.py",
        "annlib/checks/activations.py",
        "annlib/checks/__init__.py",
        "tests/test_catalogue.py",
        "tests/corpus/__init__.py",
        "tests/test_corpus.py",
        "tests/test_exercises_in_sync.py",
        "scripts/run_notebooks.py",
    ]:
        assert path in text and (REPO / path).exists(), path
    assert "MODULES = [" in (REPO / "tests" / "test_catalogue.py").read_text()
    assert "right < 6 or wrong < 8" in (REPO / "tests" / "test_corpus.py").read_text()
    assert "0.85 * len(WRONG)" in (REPO / "tests" / "test_corpus.py").read_text()


# --- the grader image ------------------------------------------------------------------------------------


def _dockerfile():
    """(instruction, argument) pairs of Dockerfile.grader, continuation lines joined, comments dropped."""
    text = (REPO / "Dockerfile.grader").read_text()
    text = re.sub(r"\\\n", " ", re.sub(r"^\s*#.*\n", "", text, flags=re.M))
    return [tuple(line.split(None, 1)) for line in text.splitlines() if line.strip()]


def test_the_dockerfile_builds_the_image_the_container_recipe_runs():
    instructions = _dockerfile()
    names = [name for name, _ in instructions]
    assert names[0] == "FROM" and re.fullmatch(r"python:3\.\d+-slim", instructions[0][1])
    assert not any("bubblewrap" in a or "bwrap" in a for n, a in instructions if n == "RUN")  # --sandbox none
    copied = [a.split()[:-1] for n, a in instructions if n == "COPY"]
    copied = {p for paths in copied for p in paths}
    pyproject = (REPO / "pyproject.toml").read_text()
    needed = {"pyproject.toml", "annlib"} | set(re.findall(r'^readme = "([^"]+)"', pyproject, re.M))
    needed |= set(re.findall(r'^license-files = \["([^"]+)"\]', pyproject, re.M))
    assert needed <= copied and all((REPO / p).exists() for p in copied)
    runs = " ".join(a for n, a in instructions if n == "RUN")
    assert "pip install /src" in runs
    user = [a for n, a in instructions if n == "USER"]
    uid = re.search(r"useradd --uid (\d+)", runs).group(1)
    assert user == [f"{uid}:{uid}"] and uid != "0"

    guide_text = guide()
    recipe = block_with(guide_text, "bash", "docker run")
    build = next(x for x in commands(recipe) if x.startswith("docker build"))
    assert build == "docker build -f Dockerfile.grader -t annlib-grader ."
    run = " ".join(commands(recipe)[2:]).replace("\\ ", " ")
    assert f"--user {uid}:{uid}" in run and " annlib-grader " in run and "--read-only" in run
    assert "annlib grade submitted --source source --sandbox none" in run
    for path in re.findall(r"=(/\S+)", " ".join(a for n, a in instructions if n == "ENV")):
        assert path.startswith("/tmp/"), path  # the recipe's only writable place but grades/
    assert "--tmpfs /tmp" in run
    assert "has not been built or run yet" in guide_text


# --- what the guide says about statuses and exit codes ---------------------------------------------------


def test_the_statuses_the_guide_lists_are_the_graders():
    text = guide()
    listed = re.findall(r"^- `([a-z ]+)`: ", text[text.index("A cell's `status` is one of:") :], flags=re.M)
    grade = (REPO / "annlib" / "grading" / "grade.py").read_text()
    made = set(re.findall(r'return "([a-z ]+)", ', grade)) | {"passed", "failed", "tampered", "manual", "not run"}
    assert set(listed[:9]) == made | {"limit"}
    assert "A stub (`raise NotImplementedError()` left in the answer) is\n  `failed`" in text
    assert "the stub's `NotImplementedError` included" not in text


def test_a_stub_is_failed_by_its_check():
    from annlib.checks import CheckFailed, check_sigmoid

    def sigmoid(z):
        raise NotImplementedError()

    with pytest.raises(CheckFailed, match="is not written yet") as info:
        check_sigmoid(sigmoid)
    assert isinstance(info.value, AssertionError)  # the grader's `failed`


@pytest.mark.parametrize(
    "args, status",
    [
        (["grade", "x", "--bogus"], 2),
        (["grade", "x", "--jobs", "two"], 2),
        (["grade", "x", "--sandbox", "off"], 2),
        (["grade"], 2),
        (["feedback", "grades.json"], 2),
        (["grade", "x", "--jobs", "0"], 1),
        (["grade", "x", "--timeout", "0"], 1),
        (["grade", "x", "--memory", "2X"], 1),
        (["grade", "x", "--source", "no-such-folder"], 1),
    ],
)
def test_the_exit_statuses_are_the_documented_ones(args, status, tmp_path, monkeypatch, capsys):
    from annlib.cli import main

    monkeypatch.chdir(tmp_path)
    try:
        got = main(args)
    except SystemExit as exit_:
        got = exit_.code
    assert got == status
    text = " ".join(guide().split())
    for example in ["`--jobs two`", "`--sandbox off`", "`--jobs 0`", "`--timeout 0`", "`--memory 2X`"]:
        assert example in text
    assert "2 when the command line is wrong as argparse reads it" in text


def test_the_readme_names_nbgraders_layout_as_nbgrader_has_it():
    text = " ".join(README.read_text().split())
    assert "as nbgrader lays them out" not in text
    assert "nbgrader's `submitted/<student>/<assignment>/`" in text
