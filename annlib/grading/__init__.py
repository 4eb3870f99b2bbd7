"""Release and grading of the course's exercise notebooks (nbgrader's cell format).

    annlib release SOURCE_DIR OUT_DIR     student versions: stubs for solutions, hidden tests removed
    annlib grade SUBMISSION...            every submission in a fresh, sandboxed kernel, in parallel; a gradebook
    annlib feedback GRADEBOOK.json ...    a page per student and exercise, and a class summary

    notebook   the cell format: flags, grade_id, points, checksums, reading and validation
    release    student versions, the same as nbgrader's generate_assignment
    grade      the batch grader: plan of cells, kernels, verdicts; interrupted safely, resumed
    store      each finished record kept as it finishes, and reused while nothing it depends on changed
    layouts    where submissions come from: folders, nbgrader's submitted/, Canvas's and Moodle's downloads
    roster     the class list, missing work, due dates and late days
    kernel     a kernel per submission: started, or forked warm (forkserver), optionally sandboxed
    sandbox    a bubblewrap sandbox per kernel (Linux): what submitted code may see, reach and use
    guard      what runs inside the kernel to keep the checks honest
    feedback   a test cell's message and hint, and the learner's own error behind a NameError
    gradebook  JSON and CSV output; a row per student; Canvas and Moodle grade imports
    report     feedback pages for learners and the class summary for the instructor

The exercises themselves are taught from lesson 01 on; the instructor guide is docs/instructors.md.
"""

import importlib

# The time limit per cell, in seconds, of `annlib grade` and `annlib progress` unless told otherwise.
DEFAULT_TIMEOUT = 30.0

_EXPORTS = {
    "release": "release",
    "student_version": "release",
    "grade_all": "grade",
    "grade_submission": "grade",
    "write_json": "gradebook",
    "write_csv": "gradebook",
    "NotebookFormatError": "notebook",
}
__all__ = list(_EXPORTS)


def __getattr__(name):
    # Loaded on first use: the grading kernel imports annlib.grading.guard alone, and fast.
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"annlib.grading.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'annlib.grading' has no attribute {name!r}")
