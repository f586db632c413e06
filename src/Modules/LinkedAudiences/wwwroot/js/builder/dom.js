// Small DOM helpers: elements, labelled controls and ids derived from the JSONPath a control edits, so a re-render
// finds the same ids again (focus is kept) and validator messages can be put next to the control they name.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'value') el.value = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** A stable element id for the control editing `path` (a JSONPath such as $.groups[0].conditions[1].entity). */
export function idFor(path, suffix) {
  const base = 'la' + path.replace(/^\$/, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '');
  return suffix ? `${base}-${suffix}` : base;
}

/** A control with its visible label, in a Bootstrap column. */
export function field(label, control, { col = 'col-auto', hint } = {}) {
  const hintEl = hint ? h('div', { class: 'form-text', id: control.id + '-hint', text: hint }) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: `${col} la-field` },
    h('label', { class: 'form-label small mb-1', for: control.id, text: label }),
    control,
    hintEl);
}

/**
 * A select over `options` ([value, text] pairs). `placeholder` adds an empty first choice. The control carries the
 * JSONPath it edits in data-la-path.
 */
export function select(path, options, selected, onChange, { placeholder, suffix, disabled } = {}) {
  const el = h('select', { class: 'form-select form-select-sm', id: idFor(path, suffix), 'data-la-path': path, disabled });
  if (placeholder !== undefined) el.append(h('option', { value: '', text: placeholder }));
  for (const [value, text, extra = {}] of options) {
    el.append(h('option', { value, text, ...extra }));
  }
  el.value = selected ?? '';
  if (el.value !== (selected ?? '') && selected) {
    // A name the graph does not know (it would fail validation): show it rather than hide it.
    el.append(h('option', { value: selected, text: `${selected} (unknown)` }));
    el.value = selected;
  }
  el.addEventListener('change', () => onChange(el.value));
  return el;
}

export function input(path, value, onInput, attrs = {}, suffix) {
  const el = h('input', { class: 'form-control form-control-sm', id: idFor(path, suffix), 'data-la-path': path, ...attrs });
  el.value = value ?? '';
  el.addEventListener('input', () => onInput(el.value, el));
  return el;
}

export function button(text, onClick, { label, variant = 'outline-secondary', id } = {}) {
  return h('button', { type: 'button', class: `btn btn-sm btn-${variant}`, id, 'aria-label': label, onclick: onClick, text });
}

/** Removes a member when the value is empty, sets it otherwise (the definition stays free of empty members). */
export function setOrDelete(obj, name, value) {
  if (value === undefined || value === null || value === '') delete obj[name];
  else obj[name] = value;
}
