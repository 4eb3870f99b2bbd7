"""The course as a static website, built with Jupyter Book 1 (`make site`, in its own venv .venv-site).

    python scripts/build_site.py [OUT]      # default OUT: build/site; the pages land in OUT/_build/html
    python scripts/build_site.py --requirements   # what the venv needs: pyproject's `site` extra

The front page is the README; then the lessons (notebooks/00..08, with their saved outputs, figures and
any saved widget state; each figure with the text alternative saved with it), the exercises
(exercises/README.md and the student notebooks), the instructors' guide and the accessibility statement,
in course order. Nothing is executed. The book's sources are staged in OUT/src with the repository's own
layout, so a page's path is the notebook's path in the repository (which is what a "launch in Binder"
link opens).

The site opens without a network: MathJax 3, require.js and the ipywidgets renderer are fetched from the
npm registry at build time (web_assets.py) and served from the site's own _static/ folder. They are
staged in a source folder named web/, not _static/: Jupyter Book adds every .js file of a source
_static/ folder to every page, which would load all of MathJax's components on each page.

A "launch in Binder" button (the rocket icon at the top of each notebook's page) and a repository button
appear when the repository has a public GitHub address: `git remote get-url origin`, or a "Repository"
or "Source" entry in pyproject.toml's [project.urls]. Without one there is neither.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the copy pip carries
    from pip._vendor import tomli as tomllib

sys.path.insert(0, str(Path(__file__).resolve().parent))
import web_assets  # noqa: E402

REPO = web_assets.REPO
TITLE = "annlib: how artificial neural networks work"
LESSONS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
EXERCISES = sorted((REPO / "exercises" / "student").glob("ex[0-9][0-9]_*.ipynb"))
PAGES = ["README.md", "exercises/README.md", "docs/instructors.md", "annlib/data/SOURCES.md", "docs/accessibility.md"]
MATHJAX_PARTS = ["tex-chtml.js", "input/tex/extensions", "output/chtml", "ui", "a11y", "sre", "adaptors"]
WEB = {  # package -> parts staged in web/<folder>/
    # tex-chtml.js and what it loads on demand: TeX extensions, its fonts, the menu, accessibility, speech
    "mathjax@3": ("mathjax", [f"es5/{part}" for part in MATHJAX_PARTS]),
    "requirejs": ("requirejs", ["require.js"]),
    "@jupyter-widgets/html-manager": ("html-manager", web_assets.RENDERER_PARTS),
}
MATHJAX = "mathjax/es5/tex-chtml.js"  # relative to _static/, where Sphinx looks for a relative path
WIDGETS_JS = {
    "requirejs/require.js": {},
    "html-manager/paths.js": {},  # where the renderer finds its fonts: web_assets.require_paths
    # the course's widgets are all ipywidgets' own, bundled in embed-amd.js: nothing is fetched from a CDN
    "html-manager/dist/embed-amd.js": {"data-jupyter-widgets-cdn": "html-manager/"},
}
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)")


def repository_url():
    """The repository's public https address, from git's origin or pyproject's [project.urls], or None."""
    try:
        remote = subprocess.run(
            ["git", "-C", str(REPO), "remote", "get-url", "origin"], capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        remote = ""
    urls = tomllib.loads((REPO / "pyproject.toml").read_text()).get("project", {}).get("urls", {})
    candidates = [remote] + [urls.get(key, "") for key in ("Repository", "repository", "Source", "source")]
    for url in candidates:
        match = re.match(r"^(?:https://|git@|ssh://git@)(github\.com)[:/]([\w.-]+)/([\w.-]+?)(?:\.git)?/?$", url)
        if match:
            return f"https://github.com/{match[2]}/{match[3]}"
    return None


def rewrite_links(text, page, staged, repo_url):
    """Links to files the site does not hold point to the repository, or become plain text without one."""

    def replace(match):
        label, target = match[1], match[2]
        if re.match(r"^[a-z]+:|^#", target):
            return match[0]
        path, _, anchor = target.partition("#")
        resolved = os.path.normpath(os.path.join(os.path.dirname(page), path))
        if resolved in staged:
            return match[0]
        if repo_url:
            return f"[{label}]({repo_url}/blob/main/{resolved}{'#' + anchor if anchor else ''})"
        return label

    return LINK.sub(replace, text)


def write_if_changed(path, text):
    """Write text to path unless it already holds it (Sphinx then rebuilds only what changed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def config(repo_url):
    lines = [
        f'title: "{TITLE}"',
        'author: "the annlib course"',
        "only_build_toc_files: true",
        "execute:",
        '  execute_notebooks: "off"   # the saved outputs are the pages',
        "html:",
        "  home_page_in_navbar: true",
        f"  use_repository_button: {str(bool(repo_url)).lower()}",
        "  use_issues_button: false",
        "  use_edit_page_button: false",
        "sphinx:",
        "  config:",
        "    html_static_path: [web]",
        f"    mathjax_path: {MATHJAX}",
        f"    nb_ipywidgets_js: {json.dumps(WIDGETS_JS)}",
        "    myst_heading_anchors: 3",
        "    html_show_copyright: false",
        "    html_last_updated_fmt: null",
    ]
    if repo_url:
        lines += [
            "repository:",
            f"  url: {repo_url}",
            "  branch: main",
            '  path_to_book: ""',
            "launch_buttons:",
            "  binderhub_url: https://mybinder.org",
            "  notebook_interface: jupyterlab",
        ]
    else:
        lines += ["launch_buttons:", '  binderhub_url: ""']
    return "\n".join(lines) + "\n"


def toc():
    def chapters(paths, indent="      "):
        return "".join(f"{indent}- file: {p.relative_to(REPO).with_suffix('').as_posix()}\n" for p in paths)

    return (
        "format: jb-book\n"
        "root: README\n"
        "parts:\n"
        "  - caption: Lessons\n"
        "    chapters:\n" + chapters(LESSONS) + "  - caption: Exercises\n"
        "    chapters:\n"
        "      - file: exercises/README\n"
        "        sections:\n" + chapters(EXERCISES, "          ") + "  - caption: For instructors\n"
        "    chapters:\n"
        "      - file: docs/instructors\n"
        "      - file: annlib/data/SOURCES\n"
        "  - caption: About the course\n"
        "    chapters:\n"
        "      - file: docs/accessibility\n"
    )


def carry_alt(cell):
    """Give a code cell's figures their text alternatives on the page.

    A figure's text is saved in its output's metadata (`{"image/png": {"alt": ...}}`), which myst-nb does
    not read; it takes an image's alt from the cell's metadata (`mystnb.image.alt`), one for all the cell's
    images. A cell showing several figures with different texts gets them all, in order."""
    texts = list(dict.fromkeys(web_assets.saved_alts({"cells": [cell]})))
    if texts:
        options = cell.setdefault("metadata", {}).setdefault("mystnb", {}).setdefault("image", {})
        options.setdefault("alt", " ".join(texts))


def stage_web(src):
    """MathJax, require.js and the widget renderer, into src/web/ (served as the site's _static/)."""
    for key, (folder, parts) in WEB.items():
        if not (src / "web" / folder).exists():
            web_assets.copy(key, parts, src / "web" / folder)
    here = 'document.currentScript.src.replace(/[^/]*$/, "") + "dist"'  # this script's folder, + dist
    write_if_changed(src / "web" / "html-manager" / "paths.js", web_assets.require_paths(here, literal=False))
    for junk in (src / "web").rglob("*.map"):
        junk.unlink()


def stage(src, repo_url):
    """Write the book's sources into src: pages, notebooks, web assets, _config.yml and _toc.yml."""
    staged = {p.relative_to(REPO).as_posix() for p in LESSONS + EXERCISES} | set(PAGES)
    widgets = 0
    for path in LESSONS + EXERCISES:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        widgets += web_assets.live_widget_notes(notebook)
        for cell in notebook["cells"]:
            if cell["cell_type"] == "markdown":
                text = rewrite_links("".join(cell["source"]), path.relative_to(REPO).as_posix(), staged, repo_url)
                cell["source"] = text
            carry_alt(cell)
        write_if_changed(src / path.relative_to(REPO), json.dumps(notebook, indent=1, ensure_ascii=False) + "\n")
    for page in PAGES:
        text = (REPO / page).read_text(encoding="utf-8")
        write_if_changed(src / page, rewrite_links(text, page, staged, repo_url))
    stage_web(src)
    write_if_changed(src / "_config.yml", config(repo_url))
    write_if_changed(src / "_toc.yml", toc())
    return widgets


def requirements():
    return tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["optional-dependencies"]["site"]


def main(argv):
    if argv[1:] == ["--requirements"]:
        print(" ".join(requirements()))  # one word each: the Makefile passes them to pip unquoted
        return
    out = Path(argv[1]) if len(argv) > 1 else REPO / "build" / "site"
    src = out / "src"
    repo_url = repository_url()
    widgets = stage(src, repo_url)
    print(f"staged {len(LESSONS)} lessons, {len(EXERCISES)} exercises and {len(PAGES)} pages in {src}")
    if widgets:
        print(f"{widgets} widget(s) without saved state: each page says to run its lesson in JupyterLab")
    print(f"Binder and repository buttons: {repo_url or 'none (no public GitHub address in git or pyproject.toml)'}")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    command = [str(jupyter_book), "build", str(src), "--path-output", str(out), "--builder", "html", "--quiet"]
    subprocess.run(command, check=True)
    html = out / "_build" / "html"
    shutil.copy2(html / "README.html", html / "index.html")  # the front page, not a redirect to it
    print(f"the site: {html}/index.html (serve it with: python3 -m http.server -d {html})")


if __name__ == "__main__":
    main(sys.argv)
