"""axe-core in the pages the browser tests open: the WCAG 2.0 and 2.1 A and AA rules.

axe-core comes from the npm registry, pinned and integrity-checked by scripts/web_assets.py like the
slides' and the site's other scripts (never from a CDN), and is injected into the page being checked.
`audit(page, kind, where, context)` runs it and returns an `Audit`: the serious and critical violations,
each as (rule id, a stable description of the element), split into

- `content`: inside what the course itself puts on the page (a notebook's rendered markdown and outputs,
  a slide's or a site page's article), which must be none: the course fixes those;
- `known`: the frameworks' own (JupyterLab, the site's theme, reveal.js, and ipywidgets' views even inside
  an output; a figure whose saved text alternative JupyterLab does not put on its image, marked by
  page_scripts.JS_FIGURE_ALTS), listed by page kind in `axe_known.json` and in docs/accessibility.md;
- `new`: the frameworks' that the list does not hold, which fail the test: a new one is either fixed, or
  looked at and added to the list (and to the docs).

With AXE_LOG=FILE in the environment, every serious or critical node found is also appended to FILE as
a line of JSON (page kind, page, rule, description, whether it is the course's, its HTML).

A description is the element's tag, its role and its first three classes (generated names, names with
long numbers and state classes such as jp-mod-readOnly or disabled left out), then the same for up to
two of its ancestors: stable from one run to the next, where axe's own selectors carry ids generated per
page.
"""

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from browser_session import REPO

sys.path.insert(0, str(REPO / "scripts"))
import web_assets  # noqa: E402

KNOWN_FILE = Path(__file__).resolve().parent / "axe_known.json"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
IMPACTS = ("serious", "critical")
# where the course's own content lies, per page kind (a node inside one of these is the course's)
CONTENT = {
    "lab": ".jp-RenderedHTMLCommon, .jp-OutputArea-output",
    "slides": ".reveal .slides .jp-RenderedHTMLCommon, .reveal .slides .jp-OutputArea-output",
    "site": "main article .cell_output, main article .section > :not(.cell), main article section > :not(.cell)",
}


def _axe_source():
    """axe.min.js, with require.js's `define` (the slides and the site load it) and CommonJS hidden from
    it: it would otherwise register itself and its bundled modules with require.js, not as window.axe."""
    source = (web_assets.package("axe-core") / "axe.min.js").read_text(encoding="utf-8")
    return f"(function (define, module, exports) {{\n{source}\n}}).call(window);\n"


# Runs axe on `context` (a selector, or the whole document) and describes each violating node.
JS_RUN = """
async ({context, tags, content}) => {
  const words = node => {
    const classes = Array.from(node.classList || [])
      .filter(name => /^[A-Za-z_-][\\w-]*$/.test(name)
                      && !/\\d{3,}|^(lm-mod-|p-mod-|jp-mod-|mod-|disabled$)/.test(name))
      .slice(0, 3);
    const role = node.getAttribute && node.getAttribute('role');
    const saved = node.hasAttribute && node.hasAttribute('data-saved-alt') ? '[data-saved-alt]' : '';
    return node.tagName.toLowerCase() + (role ? `[role=${role}]` : '') + classes.map(c => '.' + c).join('') + saved;
  };
  const describe = node => {
    const parts = [];
    for (let n = node; n && n.nodeType === 1 && parts.length < 3; n = n.parentElement) parts.unshift(words(n));
    return parts.join(' > ');
  };
  const options = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']};
  const results = await window.axe.run(context ? document.querySelector(context) : document, options);
  const found = [];
  for (const rule of results.violations) {
    for (const node of rule.nodes) {
      let element = null;
      try { element = document.querySelector(node.target[node.target.length - 1]); } catch (e) {}
      found.push({rule: rule.id, impact: node.impact || rule.impact, help: rule.help,
                  target: element ? describe(element) : String(node.target),
                  content: element !== null && element.closest(content) !== null
                           && element.closest('.jupyter-widgets') === null
                           && !(rule.id === 'image-alt' && element.hasAttribute('data-saved-alt')),
                  html: node.html.slice(0, 200)});
    }
  }
  return found;
}
"""


@dataclass
class Audit:
    kind: str
    where: str
    content: list = field(default_factory=list)  # (rule, target, html): the course's own
    known: list = field(default_factory=list)  # (rule, target): the frameworks', listed
    new: list = field(default_factory=list)  # (rule, target, html): the frameworks', not listed
    minor: Counter = field(default_factory=Counter)  # rule -> nodes of impact minor or moderate

    def by_rule(self):
        """Serious and critical nodes per rule id, the course's and the frameworks' together."""
        return Counter(v[0] for v in self.content + self.known + self.new)

    def problems(self):
        lines = [
            f"{self.where}: the course's own content: {rule} at {target}: {html}" for rule, target, html in self.content
        ]
        lines += [
            f"{self.where}: not in axe_known.json[{self.kind!r}]: {rule} at {target}: {html}"
            for rule, target, html in self.new
        ]
        return lines

    def summary(self):
        rules = ", ".join(f"{rule} {n}" for rule, n in sorted(self.by_rule().items())) or "none"
        return f"axe {self.kind} {self.where}: serious/critical {rules} (course's own: {len(self.content)})"


def known(kind):
    """The frameworks' violations listed for a page kind: a set of (rule id, target description)."""
    listed = json.loads(KNOWN_FILE.read_text(encoding="utf-8")) if KNOWN_FILE.exists() else {}
    return {(entry["rule"], entry["target"]) for entry in listed.get(kind, [])}


def inject(page):
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=_axe_source())


def audit(page, kind, where, context=None):
    """Run axe-core's WCAG 2.0/2.1 A and AA rules on the page (or the element `context` selects)."""
    inject(page)
    found = page.evaluate(JS_RUN, {"context": context, "tags": TAGS, "content": CONTENT[kind]})
    listed = known(kind)
    result = Audit(kind, where)
    if os.environ.get("AXE_LOG"):  # every serious or critical node, one JSON line each (to review the list)
        with open(os.environ["AXE_LOG"], "a", encoding="utf-8") as log:
            for node in found:
                if node["impact"] in IMPACTS:
                    log.write(json.dumps({"kind": kind, "where": where, **node}, ensure_ascii=False) + "\n")
    for node in found:
        if node["impact"] not in IMPACTS:
            result.minor[node["rule"]] += 1
        elif node["content"]:
            result.content.append((node["rule"], node["target"], node["html"]))
        elif (node["rule"], node["target"]) in listed:
            result.known.append((node["rule"], node["target"]))
        else:
            result.new.append((node["rule"], node["target"], node["html"]))
    return result
