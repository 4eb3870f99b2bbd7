"""Check the lessons and exercises for what a reader needs: text alternatives, one notation, a length.

    python scripts/check_lessons.py [NOTEBOOK ...]

With no arguments it reads notebooks/*.ipynb, exercises/source/*.ipynb and exercises/student/*.ipynb;
it prints one line per problem and exits with 1 when there is any, else prints that all is well and
exits with 0. Four checks, each a function of one notebook:

(a) check_image_alts: every image output (image/png, image/jpeg, image/svg+xml, in a display_data or
    execute_result output) has a non-empty text alternative, `output.metadata[mime]["alt"]`.

(b) check_layer_labels: no layer is counted from 0. Searched: the markdown cells, and every saved output's
    text (stream text, error values and tracebacks, every text/* MIME type, and the image outputs' alt
    texts). A 0-based layer label is the word "layer" or "layers" (any case), then optionally one space,
    "_" or "-", then the number 0 standing alone: "layer 0", "Layer 0", "layer0", "layers 0", "layer_0",
    "layer 0 W". Not matched: "layer 10", "layer 0.5", Python's indexing "layers[0]" (the notation table
    says layer l is `network.layers[l - 1]`), and "A^(0)" or "the input", which is how the course names
    what comes before layer 1.

(c) check_notation: every symbol used in the markdown of a lesson or exercise is in the notation table
    of notebooks/00_start_here.ipynb (the markdown table whose header's first cell is "symbol"; its first
    column holds the symbols, in $...$). Symbols are read from each math span ($...$, $$...$$, \\(...\\),
    \\[...\\]) by one rule, the same for the table and the lessons:
      - a symbol is a single Latin letter standing alone (not part of a longer run of letters, which is a
        name such as "MSE" or "relu"), or a Greek letter command (\\alpha ... \\omega, their capitals,
        \\varepsilon, \\varphi, \\vartheta, \\ell), except \\Sigma and \\Pi, which the course writes as the
        signs of a sum and a product (the neuron's Σ node), as it writes \\sum and \\prod;
      - a symbol under \\hat{...} or \\widehat{...} is its own, hatted symbol (\\hat{y} is not y);
        \\mathbf, \\boldsymbol, \\bm, \\vec, \\bar, \\tilde, \\mathit and \\mathcal are read through (\\mathbf{x}
        is x);
      - ignored: every other command (operators such as \\frac, \\sum, \\partial, \\log, \\max, \\cdot,
        \\left, \\top), the arguments of \\text, \\mathrm, \\operatorname, \\mathbb, \\texttt, \\mathsf, \\mbox,
        \\begin and \\end, digits, and indices: everything in a subscript, a superscript in parentheses
        (the layer, as in W^{(\\ell)}), and a superscript of one letter or \\top (an index or a transpose).
        Any other superscript (an exponent such as e^{-z}) is read for symbols.
    A symbol missing from the table is reported once per notebook, with the first cell that uses it.

(d) check_length: a lesson (notebooks/*.ipynb) holds at most 2,500 words of markdown: whitespace-
    separated tokens, over all its markdown cells.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTATION_NOTEBOOK = ROOT / "notebooks" / "00_start_here.ipynb"
MAX_WORDS = 2500
IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")

# (b) "layer"/"layers", an optional separator, then 0 standing alone (not 0.5, not 01, not [0]).
LAYER_ZERO = re.compile(r"\blayers?[ _-]?0(?![\d.,]\d)(?!\d)", re.IGNORECASE)

# (c) the symbols' rule.
GREEK = {
    *"alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi chi "
    "psi omega".split(),
    *"Gamma Delta Theta Lambda Xi Upsilon Phi Psi Omega".split(),  # not Sigma, Pi: the sum and product signs
    "varepsilon",
    "varphi",
    "vartheta",
    "ell",
}
HATS = {"hat", "widehat"}
READ_THROUGH = {"mathbf", "boldsymbol", "bm", "vec", "bar", "tilde", "mathit", "mathcal"}
SKIP_ARGUMENT = {
    "text",
    "mathrm",
    "operatorname",
    "mathbb",
    "texttt",
    "mathsf",
    "mbox",
    "textrm",
    "textbf",
    "begin",
    "end",
}
MATH_SPAN = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$|\\\((.+?)\\\)|\\\[(.+?)\\\]", re.DOTALL)


def read_notebook(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def _source(cell):
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def _where(path, index, cell):
    cell_id = cell.get("id")
    return f"{_relative(path)}: cell {index}" + (f" (id {cell_id})" if cell_id else "")


def _relative(path):
    path = Path(path).resolve()
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


# ---------------------------------------------------------------- (a) text alternatives


def check_image_alts(notebook, path):
    """Every image output has a non-empty `alt` in its metadata for its MIME type."""
    problems = []
    for index, cell in enumerate(notebook.get("cells", [])):
        for number, output in enumerate(cell.get("outputs", []) or []):
            data = output.get("data", {}) or {}
            for mime in IMAGE_TYPES:
                if mime not in data:
                    continue
                alt = ((output.get("metadata") or {}).get(mime) or {}).get("alt")
                if not isinstance(alt, str) or not alt.strip():
                    problems.append(
                        f"{_where(path, index, cell)}, output {number}: {mime} image without a text alternative (alt)"
                    )
    return problems


# ---------------------------------------------------------------- (b) layers counted from 1


def _output_texts(output):
    """Every text a saved output holds: stream text, error, text/* data, images' alt texts."""
    texts = []
    if "text" in output:
        texts.append(output["text"])
    if output.get("output_type") == "error":
        texts += [output.get("evalue", ""), *output.get("traceback", [])]
    for mime, value in (output.get("data") or {}).items():
        if mime.startswith("text/"):
            texts.append(value)
    for meta in (output.get("metadata") or {}).values():
        if isinstance(meta, dict) and isinstance(meta.get("alt"), str):
            texts.append(meta["alt"])
    return ["".join(t) if isinstance(t, list) else str(t) for t in texts]


def check_layer_labels(notebook, path):
    """No "layer 0" (0-based layer label) in markdown or in any saved output's text."""
    problems = []
    for index, cell in enumerate(notebook.get("cells", [])):
        places = []
        if cell.get("cell_type") == "markdown":
            places.append(("markdown", _source(cell)))
        for number, output in enumerate(cell.get("outputs", []) or []):
            places += [(f"output {number}", text) for text in _output_texts(output)]
        for where, text in places:
            for match in LAYER_ZERO.finditer(text):
                start = max(match.start() - 30, 0)
                context = " ".join(text[start : match.end() + 30].split())
                problems.append(
                    f'{_where(path, index, cell)}, {where}: 0-based layer label {match.group()!r} in "...{context}..."'
                    " (layers are counted from 1)"
                )
    return problems


# ---------------------------------------------------------------- (c) notation


def _argument(text, start):
    """The {...} group or single token at text[start:] (after spaces): (its content, the index after it)."""
    while start < len(text) and text[start] == " ":
        start += 1
    if start >= len(text):
        return "", start
    if text[start] == "{":
        depth = 0
        for end in range(start, len(text)):
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            if depth == 0:
                return text[start + 1 : end], end + 1
        return text[start + 1 :], len(text)
    if text[start] == "\\":
        match = re.match(r"\\([A-Za-z]+|.)", text[start:])
        return match.group(), start + match.end()
    return text[start], start + 1


def math_symbols(math):
    """The base symbols of one math span, by the rule in this module's docstring: {"x", "\\hat{y}", "\\eta"}."""
    symbols = set()
    i = 0
    while i < len(math):
        char = math[i]
        if char == "\\":
            match = re.match(r"\\([A-Za-z]+|.)", math[i:])
            name = match.group(1)
            i += match.end()
            if name in GREEK:
                symbols.add("\\" + name)
            elif name in HATS:
                content, i = _argument(math, i)
                symbols |= {f"\\hat{{{symbol}}}" for symbol in math_symbols(content)}
            elif name in READ_THROUGH:
                content, i = _argument(math, i)
                symbols |= math_symbols(content)
            elif name in SKIP_ARGUMENT:
                _, i = _argument(math, i)
        elif char == "_":
            _, i = _argument(math, i + 1)  # a subscript is an index
        elif char == "^":
            content, i = _argument(math, i + 1)
            stripped = content.strip()
            is_layer = stripped.startswith("(") and stripped.endswith(")")
            is_index = re.fullmatch(r"[A-Za-z]|\\top|\\ell|\\prime|'+", stripped) is not None
            if not (is_layer or is_index):
                symbols |= math_symbols(content)  # an exponent: read it
        elif char.isalpha() and char.isascii():
            run = re.match(r"[A-Za-z]+", math[i:]).group()
            if len(run) == 1:
                symbols.add(run)
            i += len(run)
        else:
            i += 1
    return symbols


CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`", re.DOTALL)


def markdown_symbols(text):
    """Every symbol in the math spans of a markdown text (code blocks and `code` spans hold no math)."""
    text = CODE.sub(" ", text).replace("\\$", " ")
    symbols = set()
    for match in MATH_SPAN.finditer(text):
        symbols |= math_symbols(next(group for group in match.groups() if group is not None))
    return symbols


def notation_table(notebook):
    """The symbols of the notation table: the first column of the markdown table headed "symbol"."""
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        lines = _source(cell).splitlines()
        for k, line in enumerate(lines):
            cells = [part.strip() for part in line.strip().strip("|").split("|")]
            if line.lstrip().startswith("|") and cells and cells[0].lower() == "symbol":
                symbols = set()
                for row in lines[k + 2 :]:
                    if not row.lstrip().startswith("|"):
                        break
                    symbols |= markdown_symbols(row.strip().strip("|").split("|")[0])
                return symbols
    return set()


def check_notation(notebook, path, table):
    """Every symbol in the notebook's markdown math is in `table` (the notation table's symbols)."""
    problems, seen = [], set()
    for index, cell in enumerate(notebook.get("cells", [])):
        if cell.get("cell_type") != "markdown":
            continue
        for symbol in sorted(markdown_symbols(_source(cell)) - table - seen):
            seen.add(symbol)
            problems.append(f"{_where(path, index, cell)}: symbol ${symbol}$ is not in the notation table")
    return problems


# ---------------------------------------------------------------- (d) length


def markdown_words(notebook):
    return sum(len(_source(cell).split()) for cell in notebook.get("cells", []) if cell.get("cell_type") == "markdown")


def check_length(notebook, path, limit=MAX_WORDS):
    """A lesson holds at most `limit` words of markdown."""
    words = markdown_words(notebook)
    if words > limit:
        return [f"{_relative(path)}: {words} words of markdown, more than {limit}: split or shorten the lesson"]
    return []


# ---------------------------------------------------------------- all of it


def default_notebooks():
    return sorted(
        [
            *(ROOT / "notebooks").glob("*.ipynb"),
            *(ROOT / "exercises" / "source").glob("*.ipynb"),
            *(ROOT / "exercises" / "student").glob("*.ipynb"),
        ]
    )


def is_lesson(path):
    return Path(path).resolve().parent == (ROOT / "notebooks").resolve()


def check_all(paths=None, notation_notebook=NOTATION_NOTEBOOK):
    """Every problem of every notebook in `paths` (default: the lessons and exercises), as lines."""
    paths = default_notebooks() if not paths else [Path(p) for p in paths]
    table = notation_table(read_notebook(notation_notebook))
    problems = (
        [] if table else [f"{_relative(notation_notebook)}: no notation table (a markdown table headed 'symbol')"]
    )
    for path in paths:
        notebook = read_notebook(path)
        problems += check_image_alts(notebook, path)
        problems += check_layer_labels(notebook, path)
        problems += check_notation(notebook, path, table)
        if is_lesson(path):
            problems += check_length(notebook, path)
    return problems


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    paths = default_notebooks() if not argv else [Path(p) for p in argv]
    problems = check_all(paths)
    if problems:
        print(f"{len(problems)} problems in the lessons and exercises:")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print(
        f"checked {len(paths)} notebooks: every image has a text alternative, layers count from 1, every symbol is "
        f"in the notation table, no lesson is over {MAX_WORDS} words"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
