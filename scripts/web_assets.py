"""What the static slides and the site share: their JavaScript, fetched from the npm registry when they are
built, and a note where a lesson's widget needs a kernel.

The slides (`make slides`) and the site (`make site`) must open without a network, so reveal.js,
MathJax, require.js, jQuery and the ipywidgets renderer are copied into the build instead of being
loaded from a CDN when a page opens. axe-core (the accessibility checker the browser tests inject into
the site's pages, the slides and JupyterLab) is fetched and checked the same way. Each package is
fetched once with `npm pack` (so npm's own registry settings and cache apply), checked against the
integrity hash pinned here, and unpacked into build/web-assets/<name>-<version>/.
"""

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / "build" / "web-assets"

# name -> (version, the registry's dist.integrity); `npm view NAME@VERSION dist.integrity` prints it.
PACKAGES = {
    "reveal.js": (
        "4.6.1",
        "sha512-1CW0auaXNPmwmvQ7TwpszwVxMi2Xr5cTS3J3EBC/HHgbPF32Dn7aiu/LKWDOGjMbaDwKQiGmfqcoGQ74HUHCMw==",
    ),
    "mathjax@2": (
        "2.7.9",
        "sha512-NOGEDTIM9+MrsqnjPEjVGNx4q0GQxqm61yQwSK+/5S59i26wId5IC5gNu9/bu8+CCVl5p9G2IHcAl/wJa+5+BQ==",
    ),
    "mathjax@3": (
        "3.2.2",
        "sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtRZM1vO+geW0OhGw==",
    ),
    "requirejs": (
        "2.3.7",
        "sha512-DouTG8T1WanGok6Qjg2SXuCMzszOo0eHeH9hDZ5Y4x8Je+9JB38HdTLT4/VA8OaUhBa0JPVHJ0pyBkM1z+pDsw==",
    ),
    "jquery": (
        "3.7.1",
        "sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYUdADVD7CkUUizgkpLfg==",
    ),
    "@jupyter-widgets/html-manager": (
        "1.0.15",
        "sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/c4xJDVzRhG9PTeQsRjF3FUTopvFi//SABeNz1yp47bCrJ3CQA==",
    ),
    # not part of any build: the browser tests inject it into the pages they check (WCAG 2.0/2.1 A and AA)
    "axe-core": (
        "4.14.1",
        "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
    ),
}


def _integrity(path):
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def package(key):
    """The unpacked package folder of PACKAGES[key], fetched and checked on first use."""
    version, integrity = PACKAGES[key]
    name = key.split("@")[0] if not key.startswith("@") else key
    target = CACHE / f"{name.replace('/', '+')}-{version}"
    if (target / "package.json").exists():
        return target
    if shutil.which("npm") is None:
        sys.exit("npm is needed to fetch the slides' and site's JavaScript (apt-get install npm)")
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as scratch:
        scratch = Path(scratch)
        subprocess.run(
            ["npm", "pack", "--silent", f"{name}@{version}", "--pack-destination", str(scratch)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (tarball,) = scratch.glob("*.tgz")
        found = _integrity(tarball)
        if found != integrity:
            sys.exit(f"{name}@{version}: the registry's tarball has integrity {found}, not the pinned {integrity}")
        with tarfile.open(tarball) as archive:
            archive.extractall(scratch / "unpacked", filter="data")
        if target.exists():
            shutil.rmtree(target)
        (scratch / "unpacked" / "package").rename(target)
    return target


def copy(key, parts, destination):
    """Copy parts (paths or glob patterns inside the package, files or folders) of PACKAGES[key] into destination."""
    source = package(key)
    destination = Path(destination)
    found = [path.relative_to(source).as_posix() for part in parts for path in sorted(source.glob(part))]
    missing = [part for part in parts if not any(source.glob(part))]
    if missing:
        sys.exit(f"{key}: the package has no {missing}")
    for part in found:
        origin, target = source / part, destination / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if origin.is_dir():
            shutil.copytree(origin, target, dirs_exist_ok=True)
        else:
            shutil.copy2(origin, target)
    return destination


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
LIVE_WIDGET_NOTE = (
    '<div class="admonition note" style="border-left: 4px solid #1e88e5; padding: 0.2em 0.8em">'
    '<p class="admonition-title"><strong>A live widget</strong></p>'
    "<p>Here the lesson shows an interactive widget (sliders and buttons). It needs Python behind it: open "
    "the lesson in JupyterLab (<code>make lab</code>; to present it, <code>make lab-slides</code>) and run its "
    "cells.</p></div>"
)


def live_widget_notes(notebook):
    """Replace each widget view whose state was not saved with a note (no kernel runs behind a static page)."""
    state = notebook.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    replaced = 0
    for cell in notebook["cells"]:
        for index, output in enumerate(cell.get("outputs", [])):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view and view.get("model_id") not in state:
                cell["outputs"][index] = {
                    "output_type": "display_data",
                    "metadata": {},
                    "data": {
                        "text/html": LIVE_WIDGET_NOTE,
                        "text/plain": "[a live widget: run the lesson in JupyterLab]",
                    },
                }
                replaced += 1
    return replaced


# The widget renderer: one script (the ipywidgets it renders are bundled in it) and the fonts of its icons.
RENDERER_PARTS = ["dist/embed-amd.js"] + [f"dist/*.{kind}" for kind in ("woff2", "woff", "ttf", "eot", "svg")]
# The modules the widget renderer (html-manager's embed-amd.js) defines for require.js.
RENDERER_MODULES = ["base", "base7", "controls", "controls7", "html-manager"]


def require_paths(folder, literal=True):
    """JavaScript telling require.js that the widget renderer's modules live in folder.

    The renderer finds its own files (the fonts of its icons) next to the name require.js gives each of its
    modules, by default the page's folder + "@jupyter-widgets/...": not where the build keeps them.
    folder: a path (relative to the page) or, with literal=False, a JavaScript expression giving it.
    """
    base = json.dumps(folder) if literal else folder
    entries = ", ".join(f'"@jupyter-widgets/{name}": dist + "/{name}"' for name in RENDERER_MODULES)
    return (
        "\n// Where the widget renderer's modules and their fonts are (the build's copy, not the page's folder).\n"
        f"(function () {{\n  var dist = {base};\n"
        f'  require.config({{paths: {{{entries}, "@jupyter-widgets/html-manager/dist": dist}}}});\n}})();\n'
    )


def saved_alts(notebook):
    """The text alternatives saved with a notebook's figures (`{"image/png": {"alt": ...}}`), in order."""
    texts = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            for kind, meta in output.get("metadata", {}).items():
                if kind.startswith("image/") and kind in output.get("data", {}) and isinstance(meta, dict):
                    text = " ".join(str(meta.get("alt", "")).split())
                    if text:
                        texts.append(text)
    return texts


if __name__ == "__main__":  # fetch and check packages now, e.g. `python scripts/web_assets.py axe-core`
    for key in sys.argv[1:]:
        print(package(key))
