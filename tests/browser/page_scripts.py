"""The JavaScript that labdriver runs inside the JupyterLab page.

JupyterLab runs with `expose_app_in_browser`, so these functions reach the app as `window.jupyterapp`
and keep what they learn about the open notebook in `window.__course` (its panel, the kernel's errors,
the requests the kernel is busy with).
"""

import json

WIDGET_EXTENSION = "@jupyter-widgets/jupyterlab-manager"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

JS_OPEN = """
async ({path, timeout}) => {
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
  const t0 = Date.now();
  const waitFor = async (ok, what) => {
    while (!ok()) {
      if (Date.now() - t0 > timeout) throw new Error(`${path}: timed out waiting for ${what}`);
      await sleep(100);
    }
  };
  const app = window.jupyterapp;
  await app.restored;
  const panel = await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
  await panel.context.ready;
  await panel.sessionContext.ready;
  const kernel = () => panel.sessionContext.session && panel.sessionContext.session.kernel;
  await waitFor(() => kernel() && kernel().status === 'idle', 'an idle kernel');
  // busy: the requests the kernel said it is busy with and not yet idle. The kernel may be busy with
  // several at once (a Train click and the widget updates it causes), so one flag would not do.
  const state = {panel, errors: [], busy: new Set(), seen: new Set(), lastMessage: Date.now(), runDone: false,
                 runError: null};
  panel.sessionContext.iopubMessage.connect((_, msg) => {
    const type = msg.header.msg_type, content = msg.content;
    state.lastMessage = Date.now();
    if (type === 'status') {
      const request = (msg.parent_header || {}).msg_id;
      if (content.execution_state === 'busy') state.busy.add(request);
      else if (content.execution_state === 'idle') state.busy.delete(request);
    }
    if (type === 'error') {
      state.errors.push(`${content.ename}: ${content.evalue}`);
    } else if (type === 'stream' && content.name === 'stderr'
               && content.text.includes('Traceback (most recent call last)')) {
      state.errors.push(content.text.slice(0, 1500));
    }
  });
  window.__course = state;
  app.shell.collapseLeft();
  app.shell.activateById(panel.id);
  const config = JSON.parse(document.getElementById('jupyter-config-data').textContent);
  const federated = (config.federated_extensions || []).map(e => e.name);
  const disabled = Object.keys(config.disabledExtensions || {}).concat(config.disabled_extensions || []);
  return {
    panelId: panel.id,
    kernel: kernel().name,
    widgetExtension: federated.includes(%(ext)s) && !disabled.some(d => d.startsWith(%(ext)s)),
    widgetPlugin: app.hasPlugin(%(ext)s + ':plugin') && app.isPluginActivated(%(ext)s + ':plugin'),
  };
}
""" % {"ext": json.dumps(WIDGET_EXTENSION)}

JS_CLOSE = """
async () => {
  const state = window.__course;
  window.__course = null;
  if (!state || state.panel.isDisposed) return;
  state.panel.context.model.dirty = false;  // never saved: the run must not write into the notebook
  state.panel.close();
  for (let i = 0; i < 100 && !state.panel.isDisposed; i++) await new Promise(r => setTimeout(r, 50));
}
"""

JS_RUN_ALL = """
() => {
  const state = window.__course;
  window.jupyterapp.commands.execute('notebook:run-all-cells').then(
    () => { state.runDone = true; },
    error => { state.runError = String(error); state.runDone = true; });
}
"""

JS_SETTLED = """
(quietMs) => {
  const state = window.__course;
  const running = Array.from(state.panel.content.node.querySelectorAll('.jp-InputPrompt'))
    .some(prompt => prompt.textContent.includes('*'));
  return !running && state.busy.size === 0 && Date.now() - state.lastMessage > quietMs;
}
"""

# Per cell: what the kernel produced (the model) next to what the page shows (the DOM).
JS_COLLECT = """
() => {
  const state = window.__course;
  const drawn = node => {
    const view = node.matches('.jupyter-widgets') ? node : node.querySelector(':scope > .jupyter-widgets');
    return view !== null && view.childElementCount > 0 && !view.textContent.includes('Error displaying widget');
  };
  // TeX commands left in a rendered markdown cell's text, outside typeset maths and code.
  const untypesetTex = node => {
    const rendered = node.querySelector('.jp-RenderedMarkdown');
    if (!rendered) return [];
    const copy = rendered.cloneNode(true);
    copy.querySelectorAll('mjx-container, code, pre').forEach(n => n.remove());
    return (copy.textContent.match(/.{0,20}\\\\[A-Za-z]+.{0,20}/g) || []);
  };
  const cells = state.panel.content.widgets.map((cell, index) => {
    const model = cell.model;
    const outputs = model.type === 'code' ? model.outputs.toJSON() : [];
    const topOutputs = Array.from(cell.node.querySelectorAll('.jp-OutputArea-output'))
      .filter(node => !node.parentElement.closest('.jupyter-widgets'));
    const images = Array.from(cell.node.querySelectorAll('.jp-OutputArea-output img'));
    // A figure shown by a widget (an ipywidgets Image) must say what it shows; a control must be named.
    const figures = Array.from(cell.node.querySelectorAll('.jp-OutputArea-output img.widget-image'));
    const controls = Array.from(cell.node.querySelectorAll(
      '.jp-OutputArea-output :is(.widget-slider, .widget-dropdown, .widget-text, .widget-textarea, ' +
      '.widget-checkbox, .widget-progress, .widget-toggle-buttons, .widget-radio)'));
    const named = control => {
      const label = control.querySelector(':scope > .widget-label, :scope label');
      return (label && label.textContent.trim()) || control.getAttribute('title');
    };
    const buttons = Array.from(cell.node.querySelectorAll('.jp-OutputArea-output button.jupyter-button'));
    return {
      index, type: model.type, source: model.sharedModel.getSource(),
      executionCount: model.type === 'code' ? model.executionCount : null,
      errors: outputs.filter(o => o.output_type === 'error').map(o => `${o.ename}: ${o.evalue}`),
      widgetViews: outputs.filter(o => o.data && o.data[%(mime)s]).length,
      // a view inside a widget that failed to draw shows as a box "Click to show javascript error"
      failedViews: cell.node.querySelectorAll('.jp-OutputArea-output .jupyter-widgets-error-widget').length,
      renderedWidgets: topOutputs.filter(drawn).length,
      maths: cell.node.querySelectorAll('mjx-container').length,
      mathErrors: Array.from(cell.node.querySelectorAll('mjx-merror'))
        .map(node => node.getAttribute('data-mjx-error') || node.textContent),
      rawTex: model.type === 'markdown' ? untypesetTex(cell.node) : [],
      images: images.length,
      brokenImages: images.filter(img => !img.complete || img.naturalWidth === 0).length,
      figureTexts: figures.map(img => img.getAttribute('alt') || img.getAttribute('title') || ''),
      unnamedControls: controls.filter(c => !named(c)).map(c => c.className.split(' ').filter(
        n => n.startsWith('widget-')).join('.')).concat(
        buttons.filter(b => !b.textContent.trim() && !b.getAttribute('title')).map(() => 'button')),
    };
  });
  return {cells, kernelErrors: state.errors.slice(), runError: state.runError};
}
""" % {"mime": json.dumps(WIDGET_MIME)}

# JupyterLab draws a cell below the window only when it is scrolled to (or when the browser has been idle
# long enough, which can take tens of seconds while a kernel streams output), and, depending on its
# version, may take a cell out of the page again once it has scrolled away; what was drawn stays in the
# cell's node. So: scroll through the notebook as a reader would, and at each cell wait until it is drawn
# and, when its markdown holds LaTeX, until MathJax has typeset it (or reported an error). Returns the
# cells never drawn.
JS_SCROLL_THROUGH = """
async ({maths, timeout}) => {
  const notebook = window.__course.panel.content;
  const cells = notebook.widgets;
  const deadline = Date.now() + timeout;
  const seen = window.__course.seen;  // kept from one pass to the next
  const look = () => cells.forEach((cell, index) => { if (cell.node.isConnected) seen.add(index); });
  const done = index => seen.has(index)
    && !(maths.includes(index) && !cells[index].node.querySelector('mjx-container, mjx-merror'));
  for (let index = 0; index < cells.length; index++) {
    look();
    if (done(index)) continue;
    await notebook.scrollToItem(index, 'start');
    look();
    while (!done(index) && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 50));
      look();
    }
  }
  await notebook.scrollToItem(0, 'start');
  return cells.map((cell, index) => index).filter(index => !seen.has(index));
}
"""

# What a learner would call "the output" of a widget cell: figures, and text in Output and HTML widgets.
# Slider readouts and labels are left out: they change whether or not the widget works.
JS_SNAPSHOT = """
(cell) => {
  const hash = text => {
    let h = 5381;
    for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
    return (h >>> 0).toString(16);
  };
  const area = cell.querySelector('.jp-Cell-outputArea') || cell;
  const parts = Array.from(area.querySelectorAll('img')).map(img => 'img ' + hash(img.src));
  area.querySelectorAll('.widget-output, .widget-html-content, .widget-htmlmath-content, svg')
    .forEach(node => parts.push(hash(node.textContent + (node.tagName === 'svg' ? node.innerHTML : ''))));
  return parts.join(' ');
}
"""

JS_CELL_INDEX = "n => window.__course.panel.content.widgets.findIndex(w => w.node === n)"
JS_KERNEL_STATE = """
() => {
  const session = window.__course.panel.sessionContext.session;
  const kernel = session && session.kernel;
  return kernel ? `kernel ${kernel.id.slice(0, 8)}: ${kernel.status}, ${kernel.connectionStatus}` : 'no kernel';
}
"""
JS_LABEL = """
n => ((n.closest('.widget-inline-hbox, .widget-hbox') || n).querySelector('.widget-label') || {}).textContent || ''
"""

# The window height that shows the whole notebook: down to the last cell's bottom edge (JupyterLab
# leaves room to scroll past the end, which the picture does not need), plus the page around the notebook.
JS_NOTEBOOK_HEIGHT = """
async () => {
  const state = window.__course;
  if (!state || state.panel.content.widgets.length === 0) return 0;
  const notebook = state.panel.content;
  const scroller = notebook.node.querySelector('.jp-WindowedPanel-outer') || notebook.node;
  const last = notebook.widgets.length - 1;
  await notebook.scrollToItem(last, 'end');
  const bottom = notebook.widgets[last].node.getBoundingClientRect().bottom
    - scroller.getBoundingClientRect().top + scroller.scrollTop;
  scroller.scrollTop = 0;
  return Math.ceil(bottom) + (window.innerHeight - scroller.clientHeight) + 24;
}
"""

# The text alternatives of the figures that widgets show (ipywidgets Images), cell by cell.
JS_FIGURE_TEXTS = """
(cell) => Array.from(cell.querySelectorAll('.jp-OutputArea-output img.widget-image'))
  .map(img => img.getAttribute('alt') || img.getAttribute('title') || '')
"""

# The figures a notebook's outputs show (not widgets'), each with the text alternative saved in its output's
# metadata ({"image/png": {"alt": ...}}) and the alt its <img> has in the page. An <img> whose output has a
# saved text is marked data-saved-alt: JupyterLab's image renderer (4.6) does not copy that text into the
# page, so axe's image-alt on it is JupyterLab's (axe.py), where a figure without a saved text is the course's.
JS_FIGURE_ALTS = """
() => {
  const found = [];
  window.__course.panel.content.widgets.forEach((cell, index) => {
    if (cell.model.type !== 'code') return;
    const saved = [];
    for (const output of cell.model.outputs.toJSON()) {
      for (const kind of ['image/png', 'image/jpeg']) {
        if (output.data && output.data[kind]) saved.push((((output.metadata || {})[kind]) || {}).alt || '');
      }
    }
    const images = Array.from(cell.node.querySelectorAll('.jp-RenderedImage img'))
      .filter(img => !img.closest('.jupyter-widgets'));
    images.forEach((img, k) => {
      const text = (saved[k] || '').trim();
      if (text) img.setAttribute('data-saved-alt', '');
      found.push({cell: index, saved: text, shown: img.getAttribute('alt')});
    });
  });
  return found;
}
"""
