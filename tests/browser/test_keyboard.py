"""The course's three widgets worked by keyboard alone, in JupyterLab: the neuron explorer (lesson 01),
the stepper (lesson 06) and the playground (lesson 07), from fixtures/keyboard_widgets.ipynb.

For each widget, focus is put just before it; from there only keys are pressed. Tab walks through the
widget's controls, and each control the focus reaches

- has a name a screen reader reads: its own label (aria-label, a <label for=...>, a button's text) or the
  ipywidgets description beside it, else its title (the widget's tooltip);
- shows where the focus is: an outline or a shadow drawn while it has the focus;
- is worked with the keys its kind takes, and keeps the focus: a slider's handle the right arrow (the
  left one at its maximum), a drop-down Alt+Down (its list opens), Down and Enter, a number field the up
  arrow then Enter, a text field a new value then Enter, a button Enter (a slider's readout, a text
  field too, is reached and left alone). A slider or a button must change the widget's figure; a
  drop-down or a field must take the new value, with no error in the kernel.

Every control of the widget must be reached this way (the stepper's greyed-out buttons too: they are
never disabled), and the widget's live region (aria-live="polite") must hold the text
alternative of the figure on the page once it is at rest. The playground's Train, pressed with Enter,
animates a few hundred epochs: its live region may change at most twice (a politely announced text,
not one per frame), while the figure changes more often.
"""

import time

import pytest
from labdriver import _wait_while_running, check_no_new_errors, start_run_all, wait_for_run_all, wait_until_settled
from page_scripts import JS_OPEN, JS_SNAPSHOT

NOTEBOOK = "fixtures/keyboard_widgets.ipynb"
# A closed drop-down's arrow keys are JupyterLab's too (ipywidgets' open issue "Dropdown key inputs stolen
# by JLab when the dropdown is collapsed"): Down picks the next entry and moves the focus to the next
# cell. Alt+Down opens the list, whose keys are its own: Down, then Enter.
DROPDOWN_KEYS = ["Alt+ArrowDown", "ArrowDown", "Enter"]
COURSE_RING = "3px rgb(21, 101, 192)"  # annlib.widgets._display.ACCESSIBLE_CSS: 3px solid #1565c0
WIDGETS = {2: "neuron explorer", 3: "stepper", 4: "playground"}  # cell index -> widget

# What the focused element is: its kind, name (and where the name comes from), whether a focus ring shows.
JS_FOCUSED = """
(root) => {
  const el = document.activeElement;
  if (!el || !root.contains(el)) return null;
  if (!el.dataset.kb) el.dataset.kb = String(root.querySelectorAll('[data-kb]').length);
  const text = node => (node && node.textContent || '').trim();
  let name = '', source = '';
  const by = el.getAttribute('aria-labelledby');
  const forLabel = el.id ? root.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
  const row = el.closest('.widget-inline-hbox, .widget-inline-vbox, .widget-slider');
  const description = row ? row.querySelector(':scope > .widget-label') : null;
  if (el.getAttribute('aria-label')) { name = el.getAttribute('aria-label'); source = 'aria-label'; }
  else if (by) { name = by.split(' ').map(id => text(document.getElementById(id))).join(' '); source = 'labelledby'; }
  else if (forLabel && text(forLabel)) { name = text(forLabel); source = 'label'; }
  else if (el.tagName === 'BUTTON' && text(el)) { name = text(el); source = 'text'; }
  else if (description && text(description)) { name = text(description); source = 'description'; }
  else if (el.getAttribute('title')) { name = el.getAttribute('title'); source = 'title'; }
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
    || (style.boxShadow && style.boxShadow !== 'none');
  const kind = el.classList.contains('noUi-handle') ? 'slider'
    : el.tagName === 'SELECT' ? 'dropdown' : el.tagName === 'BUTTON' ? 'button'
    : el.tagName === 'INPUT' ? (el.type === 'number' ? 'number' : 'text') : el.tagName.toLowerCase();
  const value = kind === 'slider' ? el.getAttribute('aria-valuenow') : (el.value !== undefined ? el.value : null);
  return {id: el.dataset.kb, kind, name, source, ring, value, label: text(el).slice(0, 30),
          max: el.getAttribute('aria-valuemax'), outline: `${style.outlineWidth} ${style.outlineColor}`};
}
"""
# A control's value now (by its mark), and whether it still has the focus.
JS_CONTROL = """
(root, id) => {
  const el = root.querySelector(`[data-kb="${id}"]`);
  const active = document.activeElement;
  return {value: el.classList.contains('noUi-handle') ? el.getAttribute('aria-valuenow') : el.value,
          focused: active === el, active: active ? active.tagName + '.' + active.className : null};
}
"""
# Every control of the widget a learner could work, marked so that the walk can tell which it reached.
JS_CONTROLS = """
(root) => Array.from(root.querySelectorAll('button, select, input, textarea, .noUi-handle'))
  .map(el => { if (!el.dataset.kb) el.dataset.kb = 'c' + Math.random().toString(36).slice(2, 8);
               return {id: el.dataset.kb, label: (el.textContent || el.getAttribute('title') || '').trim().slice(0, 30),
                       disabled: el.disabled === true}; })
"""
JS_LIVE = """
(root) => {
  const live = root.querySelector('[aria-live="polite"]');
  const image = root.querySelector('img.widget-image');
  return {live: live ? live.textContent.trim() : null, alt: image ? (image.getAttribute('title') || '') : null};
}
"""
# Count the changes of the live region's text and of the figure while something runs.
JS_WATCH = """
(root) => {
  const state = {live: 0, frames: 0, last: null};
  const host = root.querySelector('.annlib-announcer');
  const image = root.querySelector('img.widget-image');
  const read = () => {
    const live = root.querySelector('[aria-live="polite"]');
    return live ? live.textContent : null;
  };
  state.last = read();
  new MutationObserver(() => { const now = read(); if (now !== state.last) { state.live += 1; state.last = now; } })
    .observe(host, {subtree: true, childList: true, characterData: true});
  new MutationObserver(() => { state.frames += 1; }).observe(image, {attributes: true, attributeFilter: ['src']});
  window.__watch = state;
}
"""


def _walk(page, cell, root, timeout_ms):
    """Put the focus just before the widget, then Tab through it, working each control; one line per control."""
    cell.evaluate(
        """c => { const area = c.querySelector('.jp-OutputArea-output');
                   area.setAttribute('tabindex', '-1'); area.focus(); }"""
    )
    seen, lines = {}, []
    for _ in range(60):
        page.keyboard.press("Tab")
        page.wait_for_timeout(50)
        focused = root.evaluate(JS_FOCUSED)
        if focused is None:
            if seen:
                break  # the focus has left the widget
            continue
        if focused["id"] in seen:
            continue
        seen[focused["id"]] = focused
        lines.append(_work(page, cell, root, focused, timeout_ms))
    return seen, lines


def _work(page, cell, root, focused, timeout_ms):
    kind, name = focused["kind"], focused["name"]
    where = f"{kind} {name or focused['label']!r}"
    assert name, f"{where}: no name a screen reader could read (description, aria-label or title)"
    assert focused["ring"], f"{where}: no visible focus (no outline or shadow while it has the focus)"
    assert focused["outline"] == COURSE_RING, f"{where}: its focus ring is {focused['outline']}, not the course's"
    wait_until_settled(page, timeout_ms)
    before = cell.evaluate(JS_SNAPSHOT)
    if kind == "slider":
        page.keyboard.press("ArrowLeft" if focused["value"] == focused["max"] else "ArrowRight")
    elif kind == "dropdown":
        for key in DROPDOWN_KEYS:
            page.keyboard.press(key)
            page.wait_for_timeout(100)
    elif kind == "number":
        page.keyboard.press("ArrowUp")
        page.keyboard.press("Enter")
    elif kind == "text":
        page.keyboard.press("End")
        page.keyboard.type(", 3")
        page.keyboard.press("Enter")
    elif kind == "button":
        if not focused["label"] or focused["label"].lower() == "stop":
            return f"{where}: left alone"
        if focused["label"] == "Train":  # count from here: the live region and the figure during a Train
            page.evaluate("() => { if (window.__watch) { window.__watch.live = 0; window.__watch.frames = 0; } }")
        page.keyboard.press("Enter")
    else:
        return f"{where}: reached, not worked"
    page.wait_for_timeout(100)
    _wait_while_running(page, cell, timeout_ms)
    wait_until_settled(page, timeout_ms)
    check_no_new_errors(page, "keyboard")
    after = root.evaluate(JS_CONTROL, focused["id"])
    assert after["focused"], f"{where}: the focus left it when its keys were pressed (now on {after['active']})"
    changed = cell.evaluate(JS_SNAPSHOT) != before
    if kind in ("slider", "button"):
        deadline = time.monotonic() + 10
        while not changed and time.monotonic() < deadline:
            page.wait_for_timeout(100)
            changed = cell.evaluate(JS_SNAPSHOT) != before
        assert changed, f"{where}: worked by keyboard, the figure did not change"
    else:
        assert after.get("value") != focused["value"], f"{where}: the keys did not change its value"
    live = root.evaluate(JS_LIVE)
    deadline = time.monotonic() + 10  # a step's animation ends with the figure at rest, announced
    while live["live"] != live["alt"] and time.monotonic() < deadline:
        page.wait_for_timeout(100)
        live = root.evaluate(JS_LIVE)
    assert live["live"] is not None, f"{where}: the widget has no aria-live='polite' region"
    assert live["live"] == live["alt"], f"{where}: the live region says {live['live']!r}, the figure {live['alt']!r}"
    line = f"{where} (name from {focused['source']}): {'figure changed' if changed else 'value taken'}"
    if focused["label"] == "Train":
        watch = page.evaluate("() => window.__watch")
        line += f"; during the Train the figure changed {watch['frames']} times, the live region {watch['live']}"
        assert watch["live"] <= 2 and watch["frames"] > watch["live"], f"Train: the live region is not polite: {watch}"
    return line


@pytest.fixture
def keyboard_page(lab_page):
    if lab_page.page is None or lab_page.page.is_closed():
        lab_page.start_kernel_early(NOTEBOOK)
    page = lab_page.ready_page()
    lab_page.wait_for_background(NOTEBOOK)
    info = page.evaluate(JS_OPEN, {"path": NOTEBOOK, "timeout": lab_page.timeout_ms})
    try:
        start_run_all(page)
        wait_for_run_all(page, lab_page.timeout_ms)
        yield page, info["panelId"], lab_page.timeout_ms
    finally:
        lab_page.close_notebook(NOTEBOOK)


def test_widgets_by_keyboard_alone(keyboard_page):
    page, panel, timeout_ms = keyboard_page
    report = []
    cells = page.locator(f'[id="{panel}"] .jp-CodeCell')
    for index, widget in WIDGETS.items():
        cell = cells.nth(index - 1)  # the code cells, after the markdown title
        page.evaluate("async (i) => { await window.__course.panel.content.scrollToItem(i, 'start'); }", index)
        root = cell.locator(".annlib-widget").first
        root.wait_for(timeout=30_000)
        controls = root.evaluate(JS_CONTROLS)
        if widget == "playground":
            root.evaluate(JS_WATCH)
        seen, lines = _walk(page, cell, root, timeout_ms)
        missing = [c["label"] or c["id"] for c in controls if c["id"] not in seen]
        assert not missing, f"{widget}: controls Tab never reached: {missing}"
        report.append(f"{widget}: {len(seen)} controls by Tab")
        report += [f"    {line}" for line in lines]
    print("\n" + "\n".join(report))
