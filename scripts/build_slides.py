"""Static reveal.js slides of every lesson, into build/slides/ (`make slides`).

    python scripts/build_slides.py [OUT]      # default OUT: build/slides

Each lesson becomes OUT/<lesson>.slides.html (`jupyter nbconvert --to slides`, from the saved outputs;
nothing is executed), and OUT/index.html lists them in course order. Every script and font the slides
load is in OUT/vendor/, fetched from the npm registry by web_assets.py, so the slides open without a
network: serve OUT (`python -m http.server -d build/slides`) or open index.html from disk.
"""

import html
import json
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert import SlidesExporter
from traitlets.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))
import web_assets  # noqa: E402

REPO = web_assets.REPO
TEMPLATES = Path(__file__).resolve().parent / "templates"
LESSONS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))

# (package, parts copied into vendor/<folder>/), and what the exporter is told to load from there.
VENDOR = {
    "reveal.js": ("reveal.js", ["dist", "plugin/notes"]),
    "mathjax@2": (
        "mathjax",
        [
            "MathJax.js",
            "config/TeX-AMS_CHTML-full.js",
            "config/Safe.js",
            "extensions",
            "jax/element",
            "jax/input/TeX",
            "jax/output/CommonHTML",
            "jax/output/PreviewHTML",
            "fonts/HTML-CSS/TeX/woff",
            "localization/en",
        ],
    ),
    "requirejs": ("requirejs", ["require.js"]),
    "jquery": ("jquery", ["dist/jquery.min.js"]),
    "@jupyter-widgets/html-manager": ("html-manager", web_assets.RENDERER_PARTS),
}
URLS = {
    "reveal_url_prefix": "vendor/reveal.js",
    "mathjax_url": "vendor/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
    "require_js_url": "vendor/requirejs/require.js",
    "jquery_url": "vendor/jquery/dist/jquery.min.js",
    "widget_renderer_url": "vendor/html-manager/dist/embed-amd.js",
    "jupyter_widgets_base_url": "vendor/",  # only asked for third-party widgets, which the course has none of
    # nbconvert's templates import mermaid (diagrams in markdown) as a module; the lessons draw none, so a
    # stub that does nothing stands in for it (this setting is not configurable, only a constructor argument)
    "mermaid_js_url": "vendor/mermaid-none.mjs",
}
MERMAID_STUB = (
    "// The lessons hold no mermaid diagrams: this stands in for mermaid.js.\nexport default { initialize() {} };\n"
)


def vendor(out):
    """Copy the slides' scripts and fonts into out/vendor/."""
    for key, (folder, parts) in VENDOR.items():
        web_assets.copy(key, parts, out / "vendor" / folder)
    for junk in (out / "vendor").rglob("*.map"):
        junk.unlink()
    (out / "vendor" / "mermaid-none.mjs").write_text(MERMAID_STUB)
    # require.js, then where the widget renderer's modules live (it finds its icons' fonts next to them)
    require = out / "vendor" / "requirejs" / "require.js"
    require.write_text(require.read_text() + web_assets.require_paths("vendor/html-manager/dist"))


def exporter():
    config = Config()
    config.SlidesExporter.reveal_scroll = True  # a tall slide (a figure with its code) scrolls
    config.SlidesExporter.reveal_number = "c/t"
    config.SlidesExporter.reveal_transition = "none"
    config.SlidesExporter.reveal_width = "1200"  # lines of code up to 100 characters fit
    config.SlidesExporter.reveal_height = "800"
    config.SlidesExporter.reveal_theme = "white"  # the other themes but black load fonts from Google
    config.SlidesExporter.exclude_input_prompt = True
    config.SlidesExporter.exclude_output_prompt = True
    # the course's template: figures keep their text alternatives, the slide number reads (see the file)
    config.SlidesExporter.extra_template_paths = [str(TEMPLATES)]
    config.SlidesExporter.template_file = "annlib_slides.html.j2"
    return SlidesExporter(config=config, **URLS)


def title(notebook):
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return None


def index_page(entries):
    items = "\n".join(f'    <li><a href="{html.escape(name)}">{html.escape(text)}</a></li>' for name, text in entries)
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>annlib: the lessons as slides</title>
<style>body {{ font-family: sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.5; }}</style>
</head>
<body>
<h1>annlib: the lessons as slides</h1>
<p>Arrow keys move between slides (right: next idea, down: its details), <kbd>S</kbd> opens the
speaker's notes, <kbd>F</kbd> goes full screen, <kbd>Esc</kbd> shows an overview.</p>
<ol start="0">
{items}
</ol>
</body>
</html>
"""


def build(out):
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    vendor(out)
    slides = exporter()
    entries, figures = [], {}
    for path in LESSONS:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        web_assets.live_widget_notes(notebook)
        figures[path.stem] = web_assets.saved_alts(notebook)
        notebook = nbformat.reads(json.dumps(notebook), as_version=4)
        body, _ = slides.from_notebook_node(notebook, resources={"metadata": {"name": path.stem}})
        name = f"{path.stem}.slides.html"
        (out / name).write_text(body, encoding="utf-8")
        entries.append((name, title(notebook) or path.stem))
    (out / "index.html").write_text(index_page(entries), encoding="utf-8")
    (out / "lessons.json").write_text(json.dumps([name for name, _ in entries], indent=1) + "\n")
    # each deck's figures' text alternatives as saved in its lesson (the browser tests look for them)
    (out / "figures.json").write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n")
    return entries


def main(argv):
    out = Path(argv[1]) if len(argv) > 1 else REPO / "build" / "slides"
    entries = build(out)
    print(f"{len(entries)} lessons as slides in {out.relative_to(REPO) if out.is_relative_to(REPO) else out}/")


if __name__ == "__main__":
    main(sys.argv)
