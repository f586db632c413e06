// The validator's messages ("$.path: message [rule]") placed next to the control whose JSONPath they name. Editors mark
// each control with data-la-path; a message whose path has no control goes to the nearest ancestor path that has one.
import { h } from '../builder/dom.js';

/** Reads the messages the server rendered in the list under the field. */
export function readErrors(list) {
  return [...(list?.querySelectorAll('li') ?? [])].map(li => {
    const m = /^(\$[^\s:]*):\s([\s\S]*)$/.exec(li.textContent.trim());
    return m ? { path: m[1], message: m[2], li } : { path: '$', message: li.textContent.trim(), li };
  });
}

/** Messages from an API answer ({ path, message, rule }). */
export function apiErrors(errors) {
  return (errors ?? []).map(e => ({ path: e.path || '$', message: e.rule ? `${e.message} [${e.rule}]` : e.message }));
}

export function placeErrors(root, errors, idPrefix = 'la-error') {
  errors.forEach((error, n) => {
    let target = null;
    for (let p = error.path; p && !target; p = parentPath(p)) {
      target = root.querySelector(`[data-la-path="${CSS.escape(p)}"]`);
    }
    const message = h('div', { class: 'invalid-feedback d-block la-error', id: `${idPrefix}-${n}`, 'data-la-error-path': error.path, text: error.message });
    if (!target) {
      root.prepend(message);
    } else if (target.matches('input, select, textarea')) {
      target.classList.add('is-invalid');
      target.setAttribute('aria-invalid', 'true');
      target.setAttribute('aria-describedby', [target.getAttribute('aria-describedby'), message.id].filter(Boolean).join(' '));
      target.after(message);
    } else {
      (target.querySelector(':scope > .card-body') ?? target).prepend(message);
    }
    // Shown here next to its control; the server's list keeps only what the editor could not place.
    if (error.li) error.li.hidden = true;
  });
}

export function parentPath(path) {
  if (path === '$') return null;
  const m = /^(.*)(\.[^.[\]]+|\[\d+\])$/.exec(path);
  return m ? m[1] || '$' : '$';
}

export function readJson(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
