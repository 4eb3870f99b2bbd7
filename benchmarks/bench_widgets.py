"""How quickly do the lessons' widgets answer the learner's hand, in a real JupyterLab in headless Chromium?

    python benchmarks/bench_widgets.py               (or: make benchmark-widgets)
    python benchmarks/bench_widgets.py --moves 12 --train-epochs 2000

It starts JupyterLab and Chromium as the browser tests do (tests/browser: labserver, page_scripts), and
opens one small notebook per widget, each holding the lesson's own widget cell as the lesson has it
(lesson 01's neuron explorer, lesson 06's stepper, lesson 07's playground), beside a floor notebook:
`ipywidgets.interact` redrawing one small matplotlib line plot (plt.show() into an Output), the plainest
way to make a figure follow a slider in Jupyter.

What it reports, in one run:
    slider-to-figure   from a key press on a slider's handle to the redrawn figure loaded in the page,
                       median (and range) over --moves moves, one at a time, the kernel quiet in between
    click-to-figure    the same from a click on Step (playground) or Next (stepper)
    drag               --drag key presses 15 ms apart on one slider: how many figures the page showed,
                       how long after the last press the last one came, and whether it shows the last value
    Train              --rounds Trains of --train-epochs each: frames per second while Train runs (figures
                       loaded in the page per second), the training throughput the learner gets (epochs per
                       second from the click to the last figure) against the same training in the same
                       kernel with nothing drawn, run just before and just after each Train (the machine's
                       speed drifts by tens of percent over minutes); the medians and every run

Latencies are measured inside the page (performance.now(), a MutationObserver on the cell's output, and
each image's load event), so the driver's own round trips do not count. On a shared machine the numbers
move with the load: compare medians, and the ratio to the floor measured in the same run.
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "browser"))

from browser_session import course_copy  # noqa: E402
from labdriver import LabPage, start_run_all, wait_for_run_all, wait_until_settled  # noqa: E402
from labserver import VIEWPORT, LabServer, launch_browser  # noqa: E402
from page_scripts import JS_OPEN  # noqa: E402

FLOOR = """\
import ipywidgets
import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(-3, 3, 50)


@ipywidgets.interact(w=ipywidgets.FloatSlider(value=1.0, min=-3.0, max=3.0, step=0.05, description="w"))
def floor(w):
    fig, ax = plt.subplots(figsize=(4, 2.5))
    ax.plot(x, np.tanh(w * x))
    plt.show()
"""

# (name, lesson notebook, a text the widget cell holds, what to do with it)
WIDGETS = [
    ("neuron explorer (lesson 01)", "notebooks/01_the_neuron.ipynb", "neuron_explorer(", "slider"),
    ("stepper (lesson 06)", "notebooks/06_backpropagation.ipynb", "stepper_widget(", "next"),
    ("playground (lesson 07)", "notebooks/07_optimizers_and_training.ipynb", "playground(", "step"),
]

# Resolves with the milliseconds from the action to the cell's figure changed and loaded, or null.
JS_TIMED = """
async ({cell, selector, index, key, timeout}) => {
  const node = window.__course.panel.content.widgets[cell].node;
  const area = node.querySelector('.jp-Cell-outputArea');
  const images = () => Array.from(area.querySelectorAll('img'));
  const shown = () => images().map(i => i.src).join('|');
  const before = shown();
  const target = area.querySelectorAll(selector)[index];
  return await new Promise(resolve => {
    let done = false;
    const t0 = performance.now();
    const check = () => {
      if (done) return;
      const list = images();
      if (list.length && shown() !== before && list.every(i => i.complete && i.naturalWidth > 0)) {
        done = true; observer.disconnect(); resolve(performance.now() - t0);
      }
    };
    const observer = new MutationObserver(() => {
      check();
      images().forEach(i => { if (!i.complete) i.addEventListener('load', check, {once: true}); });
    });
    observer.observe(area, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
    setTimeout(() => { if (!done) { done = true; observer.disconnect(); resolve(null); } }, timeout);
    if (key) target.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true}));
    else target.click();
  });
}
"""

# Starts watching a cell's figures: every change (loaded in the page) is time-stamped in window.__frames.
JS_WATCH = """
({cell}) => {
  const node = window.__course.panel.content.widgets[cell].node;
  const area = node.querySelector('.jp-Cell-outputArea');
  const images = () => Array.from(area.querySelectorAll('img'));
  const frames = window.__frames = {times: [], last: images().map(i => i.src).join('|'), start: performance.now()};
  const check = () => {
    const list = images(), now = list.map(i => i.src).join('|');
    if (list.length && now !== frames.last && list.every(i => i.complete && i.naturalWidth > 0)) {
      frames.last = now; frames.times.push(performance.now() - frames.start);
    }
  };
  frames.observer = new MutationObserver(() => {
    check();
    images().forEach(i => { if (!i.complete) i.addEventListener('load', check, {once: true}); });
  });
  frames.observer.observe(area, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
}
"""

JS_UNWATCH = """
() => { const f = window.__frames; f.observer.disconnect(); return {times: f.times, now: performance.now() - f.start}; }
"""

JS_DRAG = """
async ({cell, index, presses, gap}) => {
  const node = window.__course.panel.content.widgets[cell].node;
  const handle = node.querySelectorAll('.jp-Cell-outputArea .noUi-handle')[index];
  for (let i = 0; i < presses; i++) {
    handle.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true, cancelable: true}));
    await new Promise(r => setTimeout(r, gap));
  }
  return performance.now() - window.__frames.start;
}
"""

JS_CLICK = """
({cell, text}) => {
  const node = window.__course.panel.content.widgets[cell].node;
  const button = Array.from(node.querySelectorAll('button.jupyter-button')).find(b => b.textContent.trim() === text);
  button.click();
  return performance.now() - window.__frames.start;
}
"""

# Resolves once the cell's Train button reads Train again and is enabled (a run is over); the ms it took.
JS_TRAIN_DONE = """
async ({cell, timeout}) => {
  const t0 = performance.now();
  const node = window.__course.panel.content.widgets[cell].node;
  const ready = () => Array.from(node.querySelectorAll('button.jupyter-button'))
    .some(b => b.textContent.trim() === 'Train' && !b.disabled);
  while (!ready()) {
    if (performance.now() - t0 > timeout) return null;
    await new Promise(r => setTimeout(r, 10));
  }
  return performance.now() - t0;
}
"""

JS_BUTTON_TEXTS = """
({cell}) => Array.from(window.__course.panel.content.widgets[cell].node.querySelectorAll('button.jupyter-button'))
  .map(b => b.textContent.trim())
"""

JS_READOUT = """
({cell, index}) => {
  const area = window.__course.panel.content.widgets[cell].node.querySelector('.jp-Cell-outputArea');
  const readout = area.querySelectorAll('.widget-slider .widget-readout')[index];
  const figure = area.querySelector('img.widget-image');
  return {readout: readout ? readout.textContent.trim() : null, alt: figure ? (figure.title || figure.alt) : null};
}
"""

JS_EXECUTE = """
async (code) => {
  const kernel = window.__course.panel.sessionContext.session.kernel;
  const future = kernel.requestExecute({code, silent: false, store_history: false});
  let out = '';
  future.onIOPub = msg => {
    if (msg.header.msg_type === 'stream') out += msg.content.text;
    if (msg.header.msg_type === 'error') out += 'ERROR ' + msg.content.ename + ': ' + msg.content.evalue;
  };
  await future.done;
  return out;
}
"""

# Kernel side: find the playground on the page, set its epochs per Train; time the same training undrawn.
KERNEL_FIND = """
import gc as _gc, json as _json, ipywidgets as _widgets
_box = next(o for o in _gc.get_objects() if isinstance(o, _widgets.Box) and hasattr(o, "playground"))
"""
KERNEL_SET_EPOCHS = KERNEL_FIND + "_box.epochs.value = {epochs}\nprint(_json.dumps(_box.playground.settings))"
KERNEL_EPOCH = KERNEL_FIND + "print(_box.playground.epoch)"
KERNEL_LAST_RUN = KERNEL_FIND + "print(_json.dumps(getattr(_box, 'last_run', None)))"
KERNEL_UNDRAWN = """
import time as _time
from annlib.widgets.training import Playground as _Playground
_pg = _Playground(**_box.playground.settings)
_pg.train(20)
_t = _time.perf_counter()
_pg.train({epochs})
print(_json.dumps({epochs} / (_time.perf_counter() - _t)))
"""


def lesson_cell(notebook, marker):
    """The source of the lesson's code cell that holds marker (its widget cell)."""
    cells = nbformat.read(REPO / notebook, as_version=4).cells
    return next(c.source for c in cells if c.cell_type == "code" and marker in c.source)


def write_notebooks(root):
    """One notebook per widget (the lesson's own cell) and the floor, in root/bench/; their paths."""
    folder = root / "bench"
    folder.mkdir()
    paths = {}
    sources = {"floor: interact, one small line plot": FLOOR}
    for name, notebook, marker, _ in WIDGETS:
        sources[name] = lesson_cell(notebook, marker)
    for i, (name, source) in enumerate(sources.items()):
        nb = nbformat.v4.new_notebook()
        setup = "%matplotlib inline\nfrom annlib.widgets import *\nfrom annlib.plotting import *"
        nb.cells = [nbformat.v4.new_code_cell(setup), nbformat.v4.new_code_cell(source)]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        path = folder / f"widget_{i}.ipynb"
        nbformat.write(nb, path)
        paths[name] = path.relative_to(root).as_posix()
    return paths


def open_and_run(page, lab_page, path):
    lab_page.wait_for_background(path)
    page.evaluate(JS_OPEN, {"path": path, "timeout": 90_000})
    start_run_all(page)
    wait_for_run_all(page, 90_000)
    page.evaluate("async () => { await window.__course.panel.content.scrollToItem(1, 'start'); }")
    wait_until_settled(page, 30_000, quiet_ms=300)


def timed(page, selector, index, key=None, timeout=10_000):
    wait_until_settled(page, 30_000, quiet_ms=250)
    ms = page.evaluate(JS_TIMED, {"cell": 1, "selector": selector, "index": index, "key": key, "timeout": timeout})
    if ms is None:
        raise RuntimeError(f"no new figure within {timeout} ms after {key or 'a click'} on {selector}")
    return ms


def slider_moves(page, moves):
    keys = ["ArrowRight", "ArrowLeft"]
    return [timed(page, ".widget-slider .noUi-handle", 0, keys[i % 2]) for i in range(moves)]


def button_index(page, text):
    return page.evaluate(JS_BUTTON_TEXTS, {"cell": 1}).index(text)


def clicks(page, text, moves):
    index = button_index(page, text)
    return [timed(page, "button.jupyter-button", index) for _ in range(moves)]


def drag(page, presses, gap_ms=15):
    """presses key presses gap_ms apart: figures shown, the delay after the last press, the last value shown."""
    wait_until_settled(page, 30_000, quiet_ms=250)
    page.evaluate(JS_WATCH, {"cell": 1})
    last_press = page.evaluate(JS_DRAG, {"cell": 1, "index": 0, "presses": presses, "gap": gap_ms})
    wait_until_settled(page, 30_000, quiet_ms=500)
    frames = page.evaluate(JS_UNWATCH)
    shown = page.evaluate(JS_READOUT, {"cell": 1, "index": 0})
    times = frames["times"]
    return {
        "presses": presses,
        "figures": len(times),
        "after_last_press_ms": (times[-1] - last_press) if times else None,
        "readout": shown["readout"],
        "alt": shown["alt"],
    }


def undrawn_speed(page, epochs):
    """Epochs per second of the playground's training, run in the same kernel with nothing drawn."""
    return float(page.evaluate(JS_EXECUTE, KERNEL_UNDRAWN.format(epochs=epochs)))


def one_train(page):
    """Press Train once and wait for its last figure: figures, seconds, frames per second."""
    wait_until_settled(page, 30_000, quiet_ms=300)
    page.evaluate(JS_WATCH, {"cell": 1})
    clicked = page.evaluate(JS_CLICK, {"cell": 1, "text": "Train"})
    page.wait_for_timeout(300)
    page.evaluate(JS_TRAIN_DONE, {"cell": 1, "timeout": 600_000})
    wait_until_settled(page, 600_000, quiet_ms=500)
    frames = page.evaluate(JS_UNWATCH)
    times = [t for t in frames["times"] if t > clicked]
    if len(times) < 2:
        raise RuntimeError(f"Train showed {len(times)} figure(s)")
    live = times[:-1] if len(times) > 2 else times  # the last figure is the final redraw
    fps = (len(live) - 1) / ((live[-1] - live[0]) / 1000) if len(live) > 1 and live[-1] > live[0] else 0.0
    kernel = json.loads(page.evaluate(JS_EXECUTE, KERNEL_LAST_RUN) or "null")
    return {"figures": len(times), "seconds": (times[-1] - clicked) / 1000, "fps": fps, "kernel": kernel}


def train(page, epochs, rounds):
    """`rounds` Trains of `epochs` each, every one between two runs of the same training with nothing
    drawn (the machine's speed drifts: each Train is compared with the runs just before and after it)."""
    settings = page.evaluate(JS_EXECUTE, KERNEL_SET_EPOCHS.format(epochs=epochs))
    if "ERROR" in settings:
        raise RuntimeError(settings)
    undrawn = [undrawn_speed(page, epochs)]
    runs = []
    for _ in range(rounds):
        run = one_train(page)
        undrawn.append(undrawn_speed(page, epochs))
        run["drawn_epochs_per_s"] = epochs / run["seconds"]
        run["undrawn_epochs_per_s"] = statistics.mean(undrawn[-2:])
        run["ratio"] = run["drawn_epochs_per_s"] / run["undrawn_epochs_per_s"]
        runs.append(run)
    return {
        "epochs": epochs,
        "runs": runs,
        "fps": statistics.median(run["fps"] for run in runs),
        "ratio": statistics.median(run["ratio"] for run in runs),
    }


def stop(page, epochs, after_ms=1500):
    """Train, press Stop after after_ms: how long until Train is back, and where training stopped."""
    if page.evaluate(JS_EXECUTE, KERNEL_FIND + "print(hasattr(_box, 'run'))").strip() != "True":
        return {"stop_button": False, "buttons": "a playground that trains without a Stop"}
    page.evaluate(JS_EXECUTE, KERNEL_SET_EPOCHS.format(epochs=epochs))
    wait_until_settled(page, 30_000, quiet_ms=300)
    before = json.loads(page.evaluate(JS_EXECUTE, KERNEL_EPOCH))
    page.evaluate(JS_WATCH, {"cell": 1})
    page.evaluate(JS_CLICK, {"cell": 1, "text": "Train"})
    page.wait_for_timeout(after_ms)
    texts = page.evaluate(JS_BUTTON_TEXTS, {"cell": 1})
    if "Stop" not in texts:
        page.evaluate(JS_UNWATCH)
        return {"stop_button": False, "buttons": texts}
    page.evaluate(JS_CLICK, {"cell": 1, "text": "Stop"})
    answered = page.evaluate(JS_TRAIN_DONE, {"cell": 1, "timeout": 60_000})
    wait_until_settled(page, 60_000, quiet_ms=300)
    page.evaluate(JS_UNWATCH)
    after = json.loads(page.evaluate(JS_EXECUTE, KERNEL_EPOCH))
    step = clicks(page, "Step", 1)[0]
    stepped = json.loads(page.evaluate(JS_EXECUTE, KERNEL_EPOCH))
    return {
        "stop_button": True,
        "answered_ms": answered,
        "trained": after - before,
        "of": epochs,
        "step_continues": stepped == after + 1,
        "step_ms": step,
    }


def summary(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def run(args):
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-widgets-") as tmp:
        tmp = Path(tmp)
        root = course_copy(tmp / "course")
        paths = write_notebooks(root)
        server = LabServer(root, tmp / "state")
        if args.annlib_from:
            server.environment = _with_pythonpath(server.environment, args.annlib_from)
        server.launch().wait_ready()
        from playwright.sync_api import sync_playwright

        try:
            with sync_playwright() as playwright:
                browser = launch_browser(playwright)
                context = browser.new_context(viewport=VIEWPORT)
                lab_page = LabPage(context, server)
                page = lab_page.ready_page()
                for name, path in paths.items():
                    if args.only and not name.startswith("floor") and not any(o in name for o in args.only):
                        continue
                    lab_page.start_kernel_early(path)
                    open_and_run(page, lab_page, path)
                    entry = results[name] = {}
                    kind = next((k for n, _, _, k in WIDGETS if n == name), "slider")
                    if kind == "slider":
                        entry["slider_ms"] = summary(slider_moves(page, args.moves))
                        entry["drag"] = drag(page, args.drag)
                    elif kind == "next":
                        entry["click_ms"] = summary(clicks(page, "Next", args.moves))
                    else:
                        entry["click_ms"] = summary(clicks(page, "Step", args.moves))
                        entry["train"] = train(page, args.train_epochs, args.rounds)
                        entry["stop"] = stop(page, 100_000)
                    print(f"{name}: {json.dumps(entry)}", file=sys.stderr)
                    lab_page.close_notebook(path)
                lab_page.discard()
                context.close()
                browser.close()
        finally:
            server.stop()
    return results


def _with_pythonpath(environment, folder):
    def patched():
        env = environment()
        env["PYTHONPATH"] = str(Path(folder).resolve())
        return env

    return patched


def report(results):
    floor_name = next(name for name in results if name.startswith("floor"))
    floor = results[floor_name]["slider_ms"]["median"]
    lines = [f"{'widget':<40} {'latency (median, range)':>26} {'vs floor':>9}"]
    for name, entry in results.items():
        for what, label in (("slider_ms", "slider"), ("click_ms", "click")):
            if what in entry:
                s = entry[what]
                lines.append(
                    f"{name + ', ' + label:<40} {s['median']:7.0f} ms ({s['min']:4.0f} to {s['max']:4.0f}) "
                    f"{s['median'] / floor:8.2f}x"
                )
        if "drag" in entry:
            d = entry["drag"]
            after = "n/a" if d["after_last_press_ms"] is None else f"{d['after_last_press_ms']:.0f} ms"
            lines.append(
                f"    drag: {d['presses']} presses 15 ms apart -> {d['figures']} figures, the last {after} after "
                f"the last press; readout {d['readout']}; figure says: {d['alt']}"
            )
        if "train" in entry:
            t = entry["train"]
            lines.append(
                f"    Train, {len(t['runs'])} runs of {t['epochs']} epochs: median {t['fps']:.1f} frames/s, "
                f"median {t['ratio']:.0%} of the undrawn speed"
            )
            for run in t["runs"]:
                lines.append(
                    f"      {run['fps']:.1f} frames/s, {run['figures']} figures in {run['seconds']:.2f} s; "
                    f"{run['drawn_epochs_per_s']:.0f} epochs/s drawn live against {run['undrawn_epochs_per_s']:.0f} "
                    f"undrawn just before and after ({run['ratio']:.0%})"
                )
                k = run.get("kernel")
                if k:
                    lines.append(
                        f"        in the kernel: {1000 * k['draw_seconds'] / max(k['frames'], 1):.1f} ms a frame to "
                        f"draw and send; {k['train_seconds']:.2f} s training, {k['draw_seconds']:.2f} s drawing "
                        f"({k['train_seconds'] / k['seconds']:.0%} of the run training)"
                    )
        if "stop" in entry:
            s = entry["stop"]
            if s["stop_button"]:
                lines.append(
                    f"    Stop (pressed 1.5 s into a Train of {s['of']} epochs): Train back {s['answered_ms']:.0f} ms "
                    f"after the press, {s['trained']} epochs trained; Step then continues from them: "
                    f"{s['step_continues']}"
                )
            else:
                lines.append(f"    Stop: no Stop button while training (buttons {s['buttons']})")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=12, help="slider moves or clicks per widget (default 12)")
    parser.add_argument("--drag", type=int, default=30, help="key presses in the drag test (default 30)")
    parser.add_argument("--train-epochs", type=int, default=2000, help="epochs of the timed Train (default 2000)")
    parser.add_argument("--rounds", type=int, default=3, help="Trains, each between two undrawn runs (default 3)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--annlib-from", help="a folder holding another annlib package, for the kernels")
    parser.add_argument("--only", nargs="*", help="only the widgets whose names hold one of these (and the floor)")
    args = parser.parse_args()
    started = time.monotonic()
    results = run(args)
    print(report(results))
    print(f"({time.monotonic() - started:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
