// <graph-editor>: the low-code editor of a data graph. It edits the JSON held in the part editor's textarea (which
// stays the posted field, so publishing and its checks are unchanged), offers the warehouse's tables and columns as
// introspection reported them, checks the graph on demand through the API, and shows the validator's messages next to
// the control whose JSONPath they name.

import { button, h } from '../builder/dom.js';
import { apiErrors, placeErrors, readErrors, readJson } from '../shared/field-errors.js';
import { entitiesSection, relationshipsSection } from './entities.js';
import { eventsSection, profileSection } from './profile.js';
import { Tables } from './tables.js';

const EMPTY = () => ({ schemaVersion: 1, profile: { table: '', idColumn: '', traits: [] }, entities: [], relationships: [] });

class GraphEditor extends HTMLElement {
  connectedCallback() {
    if (this.textarea) return;
    this.textarea = document.getElementById(this.dataset.graph);
    this.jsonView = this.textarea?.closest('[data-la-json-view]');
    const context = readJson(document.getElementById(this.dataset.context)?.textContent) ?? {};
    this.tables = new Tables(context.tables);
    this.warehouseMessage = context.warehouseMessage ?? null;
    this.errors = readErrors(document.getElementById(this.dataset.errors));
    if (!this.textarea) return;

    this.textarea.addEventListener('input', () => { this.load(); this.errors = []; this.render(); });
    this.load();
    if (this.graph && this.jsonView) this.jsonView.open = false;
    this.render();
  }

  load() {
    const text = this.textarea.value.trim();
    this.loadError = null;
    if (!text) {
      this.graph = EMPTY();
      return;
    }
    const parsed = readJson(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      this.graph = parsed;
      this.graph.profile ??= { table: '', idColumn: '', traits: [] };
      this.graph.profile.traits ??= [];
      this.graph.entities ??= [];
      this.graph.relationships ??= [];
      for (const e of this.graph.entities) e.columns ??= [];
    } else {
      this.graph = null;
      this.loadError = 'The graph JSON cannot be read, so the editor cannot show it; correct it in the JSON view.';
    }
  }

  /** Called by every control after it edited the graph; structural changes rebuild the controls. */
  changed(structural) {
    this.textarea.value = JSON.stringify(this.graph, null, 2);
    this.status?.replaceChildren();
    if (structural) {
      // The messages name paths of the checked version; once the shape changes they may point elsewhere.
      this.errors = [];
      this.render();
    }
  }

  render() {
    const focused = this.contains(document.activeElement) ? document.activeElement.id : null;
    this.replaceChildren();
    if (!this.graph) {
      this.append(h('div', { class: 'alert alert-warning', role: 'alert', text: this.loadError }));
      if (this.jsonView) this.jsonView.open = true;
      return;
    }
    if (this.tables.isEmpty) {
      this.append(h('div', { class: 'alert alert-info', role: 'status',
        text: this.warehouseMessage ?? 'No warehouse tables to offer: configure the warehouse under Configuration → Settings → Linked Audiences, or edit the JSON.' }));
    }
    this.status = h('div', { class: 'la-graph-status', role: 'status', 'aria-live': 'polite' });
    this.append(
      profileSection(this),
      eventsSection(this),
      entitiesSection(this),
      relationshipsSection(this),
      h('div', { class: 'd-flex align-items-center gap-2 mb-2' },
        button('Check the graph', () => this.validate(), { label: 'Check the graph against the engine and the warehouse', id: 'la-validate', variant: 'outline-primary' }),
        this.status));
    placeErrors(this, this.errors);
    if (focused) document.getElementById(focused)?.focus();
  }

  async validate() {
    const token = document.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';
    this.status.replaceChildren(h('span', { class: 'text-muted', text: 'Checking…' }));
    let answer;
    try {
      const response = await fetch(this.dataset.validateUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', RequestVerificationToken: token },
        body: this.textarea.value,
        credentials: 'same-origin',
      });
      answer = { ok: response.ok, body: await response.json().catch(() => null) };
    } catch (e) {
      answer = { ok: false, body: { title: e.message } };
    }
    this.errors = answer.ok ? apiErrors(answer.body?.errors) : [{ path: '$', message: answer.body?.title ?? 'The check failed.' }];
    this.render();
    this.status.replaceChildren(answer.ok && answer.body?.valid
      ? h('span', { class: 'text-success', id: 'la-graph-valid', text: answer.body.checkedAgainstWarehouse ? 'The graph is valid and matches the warehouse.' : 'The graph is valid.' })
      : h('span', { class: 'text-danger', id: 'la-graph-invalid', text: `${this.errors.length} problem${this.errors.length === 1 ? '' : 's'}: see the messages next to the fields.` }));
  }
}

if (!customElements.get('graph-editor')) customElements.define('graph-editor', GraphEditor);
