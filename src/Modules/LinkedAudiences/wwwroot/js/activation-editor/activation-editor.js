// The activation editor's live payload preview. Progressive enhancement over the plain part form: the form posts
// and publishes as before; this script only asks the preview endpoint (as the user types, debounced) to render the
// form as it stands for a real member through the site's Liquid, and shows the payload, its schema, or the template
// error with its line and column. No framework.

import { initLists } from './lists.js';
import { debounce, offsetOf } from './text.js';

const DELAY_MS = 400;
// Write-only secrets never leave the form for a preview.
const NOT_SENT = ['ActivationPart.Secret', 'ActivationPart.SecretHeaders'];

function init(section) {
  const form = section.closest('form');
  const url = section.dataset.previewUrl;
  if (!form || !url) return;

  const status = section.querySelector('[data-la-preview-status]');
  const errorBox = section.querySelector('[data-la-template-error]');
  const payload = section.querySelector('[data-la-preview-payload]');
  const schema = section.querySelector('[data-la-preview-schema]');
  const mapping = form.querySelector('[name="ActivationPart.Mapping"]');
  let sequence = 0;

  async function refresh() {
    const mine = ++sequence;
    const body = new FormData(form);
    NOT_SENT.forEach(name => body.delete(name));
    section.setAttribute('aria-busy', 'true');
    status.textContent = 'Rendering…';
    let answer;
    try {
      const response = await fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`the preview answered ${response.status}`);
      answer = await response.json();
    } catch (e) {
      if (mine !== sequence) return;
      section.removeAttribute('aria-busy');
      status.textContent = `The preview failed: ${e.message}.`;
      return;
    }
    // A slower, older answer must not overwrite a newer one.
    if (mine !== sequence) return;
    section.removeAttribute('aria-busy');
    show(answer);
  }

  function show(answer) {
    status.textContent = answer.message ?? (answer.member ? `Member ${answer.member}:` : '');
    section.dataset.member = answer.member ?? '';
    errorBox.replaceChildren();
    mapping?.removeAttribute('aria-invalid');
    if (answer.error) {
      mapping?.setAttribute('aria-invalid', 'true');
      const where = answer.error.line ? `Line ${answer.error.line}, column ${answer.error.column}: ` : '';
      const text = document.createElement('span');
      text.dataset.laTemplateErrorText = '';
      text.textContent = where + answer.error.message;
      errorBox.append(text);
      if (answer.error.line && mapping) {
        const go = document.createElement('button');
        go.type = 'button';
        go.className = 'btn btn-link btn-sm';
        go.textContent = 'Show in the template';
        go.addEventListener('click', () => {
          const at = offsetOf(mapping.value, answer.error.line, answer.error.column);
          mapping.focus();
          mapping.setSelectionRange(at, Math.min(at + 1, mapping.value.length));
        });
        errorBox.append(' ', go);
      }
    }
    payload.textContent = answer.payload ?? '';
    payload.hidden = !answer.payload;
    schema.replaceChildren(...(answer.schema ?? []).map(field => {
      const row = document.createElement('tr');
      const path = document.createElement('td');
      const code = document.createElement('code');
      code.textContent = field.path;
      path.append(code);
      const type = document.createElement('td');
      type.textContent = field.type;
      row.append(path, type);
      return row;
    }));
  }

  const later = debounce(refresh, DELAY_MS);
  form.addEventListener('input', event => {
    if (NOT_SENT.includes(event.target.name)) return;
    later();
  });
  form.addEventListener('change', event => {
    if (NOT_SENT.includes(event.target.name)) return;
    later();
  });
  section.querySelector('[data-la-preview-refresh]')?.addEventListener('click', refresh);
  refresh();
}

function readContext() {
  try {
    return JSON.parse(document.getElementById('la-activation-editor-context')?.textContent ?? '{}');
  } catch {
    return {};
  }
}

document.querySelectorAll('[data-la-activation-preview]').forEach(section => {
  const form = section.closest('form');
  if (form) initLists(form, readContext());
  init(section);
});
