// The preview side sheet (the seeds' "audience preview side sheet"): Bootstrap's offcanvas look, a modal dialog that
// keeps the focus inside it until Esc or Close, with a Profiles and an Entities tab. The engine answers through the
// module's API: the count, a sample, each sampled member's matched entities (ten per level, six levels) and the size
// of each condition group. When the validator refuses the definition, its messages go next to the builder's fields.

import { h } from './dom.js';

const number = n => Number(n).toLocaleString('en-US');

export class PreviewSheet {
  constructor(builder) {
    this.b = builder;
    this.sequence = 0;
  }

  get isOpen() { return !!this.sheet?.isConnected; }

  /** Opens the sheet (focus moves into it) and asks the engine for a preview of the builder's definition. */
  async open() {
    if (!this.isOpen) this.build();
    this.tabs.hidden = true;
    this.content.hidden = true;
    this.setStatus('Counting the audience in the warehouse…', 'la-preview-loading');
    this.panels.forEach(p => p.replaceChildren());
    this.sheet.focus();

    const sequence = ++this.sequence;
    this.controller?.abort();
    this.controller = new AbortController();
    let answer;
    try {
      answer = await this.b.api.preview(this.b.graphKey, this.b.def, this.b.audienceKey, this.controller.signal);
    } catch (e) {
      if (e.name === 'AbortError' || sequence !== this.sequence) return;
      this.setStatus(`The preview failed: ${e.message}${e.detail ? ` ${e.detail}` : ''}`, 'alert alert-danger');
      return;
    }
    if (sequence !== this.sequence || !this.isOpen) return;
    if (!answer.valid) this.showInvalid(answer.errors ?? []);
    else this.showPreview(answer);
  }

  close() {
    if (!this.isOpen) return;
    this.sequence++;
    this.controller?.abort();
    document.removeEventListener('keydown', this.onKeyDown, true);
    this.sheet.remove();
    this.backdrop.remove();
    document.body.classList.remove('la-preview-open');
    // The builder may have re-rendered meanwhile (validator messages): its Preview button is found again by id.
    document.getElementById('la-preview-open')?.focus();
  }

  build() {
    const title = h('h2', { class: 'offcanvas-title h5', id: 'la-preview-title', text: 'Audience preview' });
    const closeButton = h('button', { type: 'button', class: 'btn-close', id: 'la-preview-close', 'aria-label': 'Close the preview', onclick: () => this.close() });
    this.status = h('div', { id: 'la-preview-status', role: 'status', 'aria-live': 'polite' });
    this.panels = ['profiles', 'entities'].map(name => h('div', {
      class: 'tab-pane pt-3', id: `la-preview-${name}`, role: 'tabpanel', 'aria-labelledby': `la-preview-tab-${name}`, tabindex: '0',
    }));
    this.tabButtons = [['profiles', 'Profiles'], ['entities', 'Entities']].map(([name, text]) => h('button', {
      type: 'button', class: 'nav-link', id: `la-preview-tab-${name}`, role: 'tab', 'aria-controls': `la-preview-${name}`,
      'aria-selected': 'false', tabindex: '-1', text, onclick: () => this.select(name),
    }));
    this.tabs = h('ul', { class: 'nav nav-tabs mt-3', role: 'tablist', 'aria-label': 'Preview of' },
      this.tabButtons.map(b => h('li', { class: 'nav-item', role: 'presentation' }, b)));
    this.tabs.addEventListener('keydown', e => this.onTabKey(e));
    this.content = h('div', { class: 'tab-content' }, this.panels);
    this.sheet = h('div', {
      class: 'offcanvas offcanvas-end show la-preview', id: 'la-preview', role: 'dialog', 'aria-modal': 'true',
      'aria-labelledby': 'la-preview-title', tabindex: '-1',
    },
    h('div', { class: 'offcanvas-header border-bottom' }, title, closeButton),
    h('div', { class: 'offcanvas-body' }, this.status, this.tabs, this.content));
    this.backdrop = h('div', { class: 'offcanvas-backdrop fade show', onclick: () => this.close() });
    this.onKeyDown = e => this.keyDown(e);
    document.addEventListener('keydown', this.onKeyDown, true);
    document.body.classList.add('la-preview-open');
    document.body.append(this.backdrop, this.sheet);
    this.select('profiles');
  }

  setStatus(text, className = '') {
    this.status.className = className;
    this.status.textContent = text;
  }

  select(name) {
    this.tabButtons.forEach(b => {
      const on = b.id === `la-preview-tab-${name}`;
      b.classList.toggle('active', on);
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    });
    this.panels.forEach(p => {
      const on = p.id === `la-preview-${name}`;
      p.classList.toggle('active', on);
      p.classList.toggle('show', on);
      p.hidden = !on;
    });
  }

  /** Arrow keys move between the tabs (the WAI-ARIA tabs pattern); Tab leaves the tab list. */
  onTabKey(e) {
    const i = this.tabButtons.indexOf(document.activeElement);
    if (i < 0 || !['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const n = this.tabButtons.length;
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : (i + (e.key === 'ArrowRight' ? 1 : n - 1)) % n;
    this.select(this.tabButtons[next].id.replace('la-preview-tab-', ''));
    this.tabButtons[next].focus();
  }

  keyDown(e) {
    if (!this.isOpen) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close();
      return;
    }
    if (e.key !== 'Tab') return;
    const focusable = [...this.sheet.querySelectorAll('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')]
      .filter(el => !el.disabled && !el.hidden && el.offsetParent !== null && el.tabIndex >= 0);
    if (!focusable.length) { e.preventDefault(); this.sheet.focus(); return; }
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const inside = this.sheet.contains(document.activeElement);
    if (e.shiftKey && (document.activeElement === first || document.activeElement === this.sheet || !inside)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
      e.preventDefault();
      first.focus();
    }
  }

  showInvalid(errors) {
    this.b.showErrors(errors);
    this.setStatus('', '');
    this.status.append(
      h('div', { class: 'alert alert-warning mb-2', id: 'la-preview-invalid' },
        h('p', { class: 'mb-1', text: `The definition cannot be previewed yet: ${errors.length === 1 ? 'one problem' : `${errors.length} problems`}, each also shown next to its field in the builder.` }),
        h('ul', { class: 'mb-0' }, errors.map(e => h('li', { 'data-la-error-path': e.path, text: `${e.message}` })))));
  }

  showPreview(p) {
    this.tabs.hidden = false;
    this.content.hidden = false;
    const what = p.isEntityTarget ? `${p.targetEntity} entities` : 'profiles';
    this.setStatus(`Preview ready: ${number(p.count)} ${what}.`, 'visually-hidden');
    const [profiles, entities] = this.panels;
    profiles.replaceChildren(...this.profilesPanel(p));
    entities.replaceChildren(...this.entitiesPanel(p));
    this.select(p.isEntityTarget ? 'entities' : 'profiles');
  }

  countLine(count, text, id) {
    return h('p', { class: 'mb-2' },
      h('span', { class: 'fs-3 fw-semibold me-1', id, 'data-count': String(count), text: number(count) }),
      h('span', { text }));
  }

  profilesPanel(p) {
    const out = [];
    if (p.isEntityTarget) {
      out.push(h('p', { class: 'text-muted', text: `This audience is built on ${p.targetEntity} entities: see the Entities tab for its members.` }));
      return out;
    }
    out.push(this.countLine(p.count, `profiles as of ${formatAsOf(p.asOf)}`, 'la-preview-count'));
    out.push(this.groupSizes(p));
    out.push(h('h3', { class: 'h6 mt-3', id: 'la-preview-sample-title', text: p.sample.length ? `Sample of ${p.sample.length} profiles` : 'No profile matches.' }));
    if (!p.sample.length) return out;
    const detail = h('div', { id: 'la-preview-matched', class: 'mt-3', 'aria-live': 'polite' });
    const list = h('ul', { class: 'list-group la-preview-sample', 'aria-labelledby': 'la-preview-sample-title' });
    p.sample.forEach((member, i) => {
      const button = h('button', {
        type: 'button', class: 'list-group-item list-group-item-action d-flex justify-content-between',
        id: `la-preview-member-${i}`, 'aria-controls': detail.id, 'aria-pressed': 'false',
        'aria-label': `Show the matched entities of profile ${member.key}`,
      }, h('span', { class: 'font-monospace', text: member.key }),
      h('span', { class: 'badge text-bg-light', text: entityTotal(member) ? `${entityTotal(member)} matched` : '' }));
      button.addEventListener('click', () => {
        list.querySelectorAll('button').forEach(x => { x.classList.toggle('active', x === button); x.setAttribute('aria-pressed', String(x === button)); });
        detail.replaceChildren(...matchedEntities(member, p));
      });
      list.append(h('li', { class: 'list-unstyled' }, button));
    });
    out.push(list, detail);
    return out;
  }

  groupSizes(p) {
    if (!p.groups?.length) return null;
    const unit = p.isEntityTarget ? `${p.targetEntity} entities` : 'profiles';
    return h('div', { class: 'mb-2' },
      h('h3', { class: 'h6', id: 'la-preview-groups-title', text: 'Condition groups' }),
      h('ul', { class: 'list-unstyled mb-0 la-preview-groups', 'aria-labelledby': 'la-preview-groups-title' },
        p.groups.map((size, i) => h('li', { 'data-la-group': String(i), 'data-count': String(size) },
          h('span', { text: `Condition group ${i + 1}: ` }), h('strong', { text: number(size) }), h('span', { text: ` ${unit}` })))));
  }

  entitiesPanel(p) {
    const out = [];
    const names = Object.keys(p.entityCounts ?? {});
    if (p.isEntityTarget) {
      out.push(this.countLine(p.count, `${p.targetEntity} entities as of ${formatAsOf(p.asOf)}`, 'la-preview-count'));
      out.push(this.groupSizes(p));
      out.push(h('h3', { class: 'h6 mt-3', text: p.sample.length ? `Sample of ${p.sample.length} ${p.targetEntity} entities` : 'No entity matches.' }));
      out.push(h('ul', { class: 'list-group mb-3' }, p.sample.map(m => h('li', { class: 'list-group-item' },
        h('span', { class: 'font-monospace', text: m.key }), m.entities.length ? tree(m.entities, m.moreEntities) : null))));
    }
    if (!names.length) {
      out.push(h('p', { class: 'text-muted', text: 'The definition has no positive entity condition, so no entity qualifies a member.' }));
      return out;
    }
    const rows = names.map(name => {
      const keys = sampleKeys(p, name);
      return h('tr', { 'data-la-entity': name },
        h('th', { scope: 'row', text: name }),
        h('td', { class: 'text-end', 'data-count': String(p.entityCounts[name]), text: number(p.entityCounts[name]) }),
        h('td', { class: 'font-monospace small', text: keys.length ? keys.join(', ') : '—' }));
    });
    out.push(h('table', { class: 'table table-sm align-middle' },
      h('caption', { class: 'caption-top', text: 'Matched entities: distinct entities that qualified a member, and a sample of their keys (from the sampled members).' }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Entity' }), h('th', { scope: 'col', class: 'text-end', text: 'Count' }), h('th', { scope: 'col', text: 'Sample' }))),
      h('tbody', {}, rows)));
    return out;
  }
}

/** The matched entities of one sampled member, as the engine truncated them (ten per level, six levels). */
function matchedEntities(member, p) {
  const out = [h('h3', { class: 'h6', id: 'la-preview-matched-title', text: `Matched entities of ${member.key}` })];
  if (!member.entities.length) {
    out.push(h('p', { class: 'text-muted', text: 'No entity condition qualified this profile (its conditions are traits, events or audiences, or only "without" entity conditions).' }));
    return out;
  }
  out.push(tree(member.entities, member.moreEntities, 'la-preview-matched-title'));
  out.push(h('p', { class: 'form-text', text: `Shown: at most ${p.entitiesPerLevel} entities per level and ${p.maxDepth} levels of depth.` }));
  return out;
}

function tree(nodes, more, labelledBy) {
  return h('ul', { class: 'la-preview-tree', 'aria-labelledby': labelledBy },
    nodes.map(n => h('li', { 'data-la-branch': n.branch, 'data-la-depth': String(n.depth) },
      h('span', { class: 'text-muted', text: `${n.entity} ` }), h('span', { class: 'font-monospace', text: n.key }),
      n.children?.length || n.moreChildren ? tree(n.children ?? [], n.moreChildren) : null)),
    more ? h('li', { class: 'text-muted la-preview-more', text: `and ${number(more)} more` }) : null);
}

function entityTotal(member) {
  let n = 0;
  const walk = nodes => nodes.forEach(x => { n++; walk(x.children ?? []); });
  walk(member.entities);
  return n;
}

function sampleKeys(p, entity) {
  const keys = new Set();
  const walk = nodes => nodes.forEach(x => { if (x.entity === entity) keys.add(x.key); walk(x.children ?? []); });
  p.sample.forEach(m => walk(m.entities));
  return [...keys].slice(0, 10);
}

function formatAsOf(asOf) {
  return typeof asOf === 'string' ? asOf.replace('T', ' ').replace(/(\.\d+)?(Z|\+00:00)$/, ' UTC') : String(asOf);
}
