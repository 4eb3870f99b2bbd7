"""Run notebooks top to bottom in a fresh kernel and save them with their new outputs.

    .venv/bin/python scripts/run_notebooks.py notebooks/06_backpropagation.ipynb [more.ipynb ...]

The saved outputs are what nbval compares (`make test`), so run this once a change is complete, on the
notebooks it touched, then read the diff. Each notebook runs in its own folder, as nbval and JupyterLab run
it. A cell that raises stops its notebook and leaves the file unchanged.

Widgets' state is saved with the notebook, as JupyterLab's "Save Widget State Automatically" does: the
course website and the static slides draw each widget from it (its figure as it was when the cell ran),
and JupyterLab shows it until the kernel runs again. nbval does not compare it.
"""

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def merge_streams(outputs):
    """Consecutive stdout (or stderr) outputs as one: how the kernel cut a cell's printing into messages
    depends on timing, so the saved file should not."""
    merged = []
    for output in outputs:
        last = merged[-1] if merged else None
        if output.output_type == "stream" and last and last.output_type == "stream" and last.name == output.name:
            last.text += output.text
        else:
            merged.append(output)
    return merged


def run(path):
    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        store_widget_state=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:
        print(f"{path}: a cell raised, file unchanged\n{error}", file=sys.stderr)
        return False
    # Save what the learner sees, not when it ran: no timings.
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = merge_streams(cell.outputs)
    nbformat.write(notebook, path)
    print(f"{path}: ran {sum(cell.cell_type == 'code' for cell in notebook.cells)} code cells, saved")
    return True


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(0 if all([run(path) for path in sys.argv[1:]]) else 1)
