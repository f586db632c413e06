// <audience-builder>: the low-code editor of a linked audience's definition. It edits the JSON held in the part
// editor's textarea (which stays the posted field, so publishing and its validation are unchanged), offers the
// names of the data graph chosen in the GraphKey field, and shows the validator's messages next to the control
// whose JSONPath they name. No framework, no shadow DOM: TheAdmin's Bootstrap styles apply and labels work.

import { Api } from './api.js';
import { condition } from './conditions.js';
import { button, field, h, idFor, select } from './dom.js';
import { Graph } from './graph.js';
import { PreviewSheet } from './preview.js';
import { placeErrors, readErrors, readJson } from '../shared/field-errors.js';

const EMPTY = () => ({ schemaVersion: 1, target: { type: 'profile' }, groups: [{ operator: 'and', conditions: [] }] });

const KINDS = [
  ['entity', '+ Entity', 'an entity condition', () => ({ kind: 'entity' })],
  ['trait', '+ Trait', 'a trait condition', () => ({ kind: 'trait' })],
  ['event', '+ Event', 'an event condition', () => ({ kind: 'event' })],
  ['audience', '+ Part of audience', 'a part of audience condition', () => ({ kind: 'audience', mode: 'import' })],
];

class AudienceBuilder extends HTMLElement {
  connectedCallback() {
    if (this.textarea) return;
    this.textarea = document.getElementById(this.dataset.definition);
    this.graphKeyInput = document.getElementById(this.dataset.graphKey);
    this.jsonView = this.textarea?.closest('[data-la-json-view]');
    const context = readJson(document.getElementById(this.dataset.context)?.textContent) ?? {};
    this.graphs = context.graphs ?? {};
    this.audiences = context.audiences ?? [];
    this.api = new Api(context.api, this.closest('form'));
    // The key field is the part editor's sibling of the definition (…_Definition → …_Key); only the preview needs it.
    this.keyInput = document.getElementById(this.dataset.key ?? (this.dataset.definition ?? '').replace(/Definition$/, 'Key'));
    this.preview = new PreviewSheet(this);
    this.lockedTarget = this.dataset.lockedTarget || null;
    this.errors = readErrors(document.getElementById(this.dataset.errors));
    if (!this.textarea) return;

    this.textarea.addEventListener('input', () => { this.load(); this.render(); });
    // Only a different key re-renders: 'change' fires on blur, and rebuilding then would swallow the click that blurred it.
    const graphChanged = () => { if ((this.graphKeyInput.value.trim()) !== this.renderedGraphKey) this.render(); };
    this.graphKeyInput?.addEventListener('input', graphChanged);
    this.graphKeyInput?.addEventListener('change', graphChanged);
    this.load();
    if (this.def && this.jsonView) this.jsonView.open = false;
    this.render();
  }

  get graph() {
    return this._graph;
  }

  get graphKey() {
    return this.graphKeyInput?.value.trim() ?? '';
  }

  get audienceKey() {
    return this.keyInput?.value.trim() || null;
  }

  /** The validator's messages from a preview: placed next to the controls they name, as after a refused publish. */
  showErrors(errors) {
    this.errors = errors.map(e => ({ path: e.path, message: e.message }));
    this.render();
  }

  load() {
    const text = this.textarea.value.trim();
    this.loadError = null;
    if (!text) {
      this.def = EMPTY();
      return;
    }
    const parsed = readJson(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      this.def = parsed;
      this.def.groups ??= [];
    } else {
      this.def = null;
      this.loadError = 'The definition JSON cannot be read, so the builder cannot show it; correct it in the JSON view.';
    }
  }

  /** Called by every control after it edited the definition; structural changes rebuild the controls. */
  changed(structural) {
    this.textarea.value = JSON.stringify(this.def, null, 2);
    if (structural) {
      // The server's messages name paths of the posted version; once the shape changes they may point elsewhere.
      this.errors = [];
      this.render();
    }
  }

  render() {
    const focused = this.contains(document.activeElement) ? document.activeElement.id : null;
    const graphKey = this.graphKeyInput?.value.trim() ?? '';
    const graphJson = this.graphs[graphKey];
    this.renderedGraphKey = graphKey;
    this._graph = new Graph(graphJson);
    this.replaceChildren();

    if (!this.def) {
      this.append(h('div', { class: 'alert alert-warning', role: 'alert', text: this.loadError }));
      if (this.jsonView) this.jsonView.open = true;
      return;
    }
    if (!graphJson) {
      this.append(h('div', { class: 'alert alert-info', role: 'status',
        text: graphKey ? `There is no published data graph '${graphKey}'; choose one in the Data graph field to build conditions.`
          : 'Choose the data graph in the Data graph field to build conditions.' }));
      placeErrors(this, this.errors);
      return;
    }

    this.append(this.renderTarget(), ...this.renderGroups());
    placeErrors(this, this.errors);
    if (focused) document.getElementById(focused)?.focus();
  }

  renderTarget() {
    const t = this.def.target ?? { type: 'profile' };
    const current = t.type === 'entity' ? `entity:${t.entity}` : 'profile';
    const options = [['profile', 'profiles'], ...[...this.graph.entities.keys()].map(e => [`entity:${e}`, `${e} entities`])];
    const control = select('$.target', options, current, v => {
      this.def.target = v === 'profile' ? { type: 'profile' } : { type: 'entity', entity: v.slice('entity:'.length) };
      if (v !== 'profile') {
        // Entity targets combine each group's conditions with AND and cannot use part of audience.
        for (const g of this.def.groups) g.operator = 'and';
      }
      this.changed(true);
    }, { disabled: !!this.lockedTarget });
    const preview = h('button', {
      type: 'button', class: 'btn btn-sm btn-primary', id: 'la-preview-open', 'aria-haspopup': 'dialog', 'aria-controls': 'la-preview',
      'aria-label': 'Preview: count and sample of the audience', text: 'Preview', onclick: () => this.preview.open(),
    });
    return h('div', { class: 'row g-2 mb-2 align-items-end' }, field('Build the audience on', control, {
      hint: this.lockedTarget ? 'The target is fixed once the audience is published.' : 'Members are profiles, or the rows of one entity.',
    }), h('div', { class: 'col-auto ms-auto' }, preview));
  }

  renderGroups() {
    const def = this.def;
    const entityTarget = def.target?.type === 'entity';
    const out = [];
    if (def.groups.length > 1) {
      out.push(h('div', { class: 'row g-2 mb-2' }, field('Condition groups combine with', select('$.groupOperator',
        [['and', 'AND (in every group)'], ['or', 'OR (in any group)']], def.groupOperator ?? 'and', v => { def.groupOperator = v; this.changed(true); }))));
    }

    def.groups.forEach((group, i) => {
      const path = `$.groups[${i}]`;
      const name = `Condition group ${i + 1}`;
      group.conditions ??= [];
      if (i > 0) out.push(h('div', { class: 'la-between text-center fw-semibold small my-1', 'aria-hidden': 'true', text: (def.groupOperator ?? 'and').toUpperCase() }));
      const operatorField = group.conditions.length > 1
        ? field(`${name}: conditions combine with`, select(`${path}.operator`, [['and', 'AND (all)'], ['or', 'OR (any)']], entityTarget ? 'and' : group.operator ?? 'and',
          v => { group.operator = v; this.changed(true); }, { disabled: entityTarget }), { hint: entityTarget ? 'Entity targets combine conditions with AND.' : undefined })
        : null;
      const conditions = group.conditions.map((_, j) => condition(this, group.conditions, j, `${path}.conditions[${j}]`, { title: `Group ${i + 1} condition ${j + 1}` }));
      const adders = KINDS.filter(([kind]) => !(entityTarget && kind === 'audience')).map(([kind, text, what, make]) =>
        button(text, () => { group.conditions.push(make()); this.changed(true); }, { label: `Add ${what} to group ${i + 1}`, id: idFor(path, `add-${kind}`) }));
      out.push(h('fieldset', { class: 'la-group card mb-2', 'data-la-path': path },
        h('div', { class: 'card-body p-2' },
          h('div', { class: 'd-flex align-items-center mb-2' },
            h('legend', { class: 'fs-6 fw-semibold mb-0 float-none w-auto', text: name }),
            h('div', { class: 'ms-auto' }, button('Remove group', () => { def.groups.splice(i, 1); this.changed(true); },
              { label: `Remove condition group ${i + 1}`, variant: 'outline-danger', id: idFor(path, 'remove') }))),
          operatorField ? h('div', { class: 'row g-2 mb-2' }, operatorField) : null,
          h('div', { 'data-la-path': `${path}.conditions` }, conditions),
          h('div', { class: 'd-flex flex-wrap gap-1' }, adders))));
    });

    out.push(button('+ Condition group', () => { def.groups.push({ operator: 'and', conditions: [] }); this.changed(true); },
      { label: 'Add a condition group', id: 'la-add-group', variant: 'outline-primary' }));
    return out;
  }
}

if (!customElements.get('audience-builder')) customElements.define('audience-builder', AudienceBuilder);
