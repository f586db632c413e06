// The four kinds of condition: entity (with nested branches), trait, event and part of audience. Each renderer
// edits its object of the definition in place and calls b.changed(structural) — structural changes re-render.

import { comparisonFields } from './comparison.js';
import { button, field, h, idFor, input, select, setOrDelete } from './dom.js';
import { MAX_DEPTH, ORDERED, OPERATOR_TEXT } from './graph.js';

const COUNT_TEXT = [['atLeast', 'at least'], ['exactly', 'exactly'], ['atMost', 'at most']];
const AGGREGATES = [['count', 'count'], ['sum', 'sum'], ['avg', 'average'], ['min', 'minimum'], ['max', 'maximum']];

/** Renders `list[index]` (a condition of a group) by its kind. */
export function condition(b, list, index, path, ctx) {
  const c = list[index];
  const remove = () => { list.splice(index, 1); b.changed(true); };
  const duplicate = () => { list.splice(index + 1, 0, structuredClone(c)); b.changed(true); };
  switch (c?.kind) {
    case 'entity': return entityCondition(b, c, path, 'profile', [], 2, { remove, duplicate, title: ctx.title });
    case 'trait': return traitCondition(b, c, path, { remove, duplicate, title: ctx.title });
    case 'event': return eventCondition(b, c, path, { remove, duplicate, title: ctx.title });
    case 'audience': return audienceCondition(b, c, path, { remove, duplicate, title: ctx.title });
    default:
      return card(path, ctx.title, h('p', { class: 'mb-0 text-muted', text: 'This condition cannot be shown in the builder; edit it in the JSON view.' }), { remove });
  }
}

function card(path, title, body, { remove, duplicate, level = 0 } = {}) {
  const actions = h('div', { class: 'col-auto ms-auto d-flex gap-1 align-self-start' },
    duplicate ? button('Duplicate', duplicate, { label: `Duplicate ${title}`, id: idFor(path, 'duplicate') }) : null,
    remove ? button('Remove', remove, { label: `Remove ${title}`, variant: 'outline-danger', id: idFor(path, 'remove') }) : null);
  return h('section', { class: `la-condition card mb-2 ${level ? 'la-nested' : ''}`, 'data-la-path': path, 'aria-label': title },
    h('div', { class: 'card-body p-2' }, h('div', { class: 'row g-2 align-items-end' }, body, actions)));
}

function negateSelect(b, c, path, [yes, no], label) {
  return field(label, select(`${path}.negate`, [['false', yes], ['true', no]], c.negate ? 'true' : 'false', v => {
    setOrDelete(c, 'negate', v === 'true' ? true : undefined);
    b.changed(false);
  }));
}

// ---- entity --------------------------------------------------------------------------------------------------

export function entityCondition(b, c, path, parent, branch, depth, { remove, duplicate, title }) {
  const g = b.graph;
  const rels = g.from(parent);
  const selectedRel = c.relationship ?? (c.entity ? g.between(parent, c.entity)[0]?.name : undefined);
  const parentText = parent === 'profile' ? 'the profile' : parent;
  const entitySelect = select(`${path}.entity`, rels.map(r => [r.name, `${r.to} (via ${r.name})`]), selectedRel, v => {
    const rel = rels.find(r => r.name === v);
    const entity = rel?.to;
    if (entity !== c.entity) {
      for (const k of ['where', 'window', 'count', 'aggregate', 'conditions', 'conditionsOperator']) delete c[k];
    }
    setOrDelete(c, 'entity', entity);
    setOrDelete(c, 'relationship', rel && g.between(parent, entity).length > 1 ? rel.name : undefined);
    b.changed(true);
  }, { placeholder: 'choose an entity' });
  const header = [
    negateSelect(b, c, path, ['with', 'without'], `${title}: with or without`),
    field(`Entity related to ${parentText}`, entitySelect),
  ];

  const entity = c.entity && g.entity(c.entity) ? c.entity : null;
  const level = depth - 2;
  const body = [...header];
  if (entity) {
    const here = [entity, ...branch];
    body.push(h('div', { class: 'col-12' },
      filterList(b, c, path, g.columns(entity), here, `${entity} properties`,
        // The seeds suggest string entity values only (the first 500 distinct ones).
        p => g.column(entity, p)?.type === 'STRING' ? { entity, column: p } : null),
      h('div', { class: 'row g-2 align-items-end mt-1' }, windowFields(b, c, path, entity), countFields(b, c, path, entity), aggregateFields(b, c, path, entity)),
      nestedList(b, c, path, entity, here, depth)));
  }

  return card(path, title, body, { remove, duplicate, level });
}

function nestedList(b, c, path, entity, branch, depth) {
  const nested = c.conditions ?? [];
  const wrap = h('div', { class: 'la-branch mt-2' });
  if (nested.length > 1) {
    wrap.append(h('div', { class: 'row g-2 mb-1' }, field(`Related ${entity} conditions combine with`, select(`${path}.conditionsOperator`,
      [['and', 'AND (all)'], ['or', 'OR (any)']], c.conditionsOperator ?? 'and', v => { c.conditionsOperator = v; b.changed(false); }))));
  }

  nested.forEach((n, i) => {
    const at = `${path}.conditions[${i}]`;
    const title = `${entity} related condition ${i + 1} (level ${depth + 1})`;
    wrap.append(entityCondition(b, n, at, entity, branch, depth + 1, {
      title,
      remove: () => { nested.splice(i, 1); if (!nested.length) { delete c.conditions; delete c.conditionsOperator; } b.changed(true); },
      duplicate: () => { nested.splice(i + 1, 0, structuredClone(n)); b.changed(true); },
    }));
  });

  if (depth < MAX_DEPTH && b.graph.from(entity).length) {
    wrap.append(button(`+ Entity related to ${entity}`, () => {
      (c.conditions ??= []).push({ kind: 'entity' });
      b.changed(true);
    }, { id: idFor(path, 'add-nested') }));
  }

  return wrap;
}

/** Property filters of an entity (or event): combine operator, one row per filter, add button. */
function filterList(b, owner, path, properties, branch, what, suggest = () => null) {
  const where = owner.where;
  const filters = where?.filters ?? [];
  const wherePath = `${path}.where`;
  const wrap = h('div', { class: 'la-filters', 'data-la-path': wherePath });
  if (filters.length > 1) {
    wrap.append(h('div', { class: 'row g-2 mb-1' }, field(`Filters on ${what} combine with`, select(`${wherePath}.operator`,
      [['and', 'AND (all)'], ['or', 'OR (any)']], where.operator ?? 'and', v => { where.operator = v; b.changed(false); }))));
  }

  filters.forEach((f, i) => {
    const at = `${wherePath}.filters[${i}]`;
    const prop = properties.find(p => p.name === f.property);
    const propSelect = select(`${at}.property`, properties.map(p => [p.name, `${p.name} (${p.type.toLowerCase()})`]), f.property, v => {
      const type = properties.find(p => p.name === v)?.type;
      if (type !== prop?.type) { delete f.operator; delete f.value; delete f.ref; }
      setOrDelete(f, 'property', v);
      b.changed(true);
    }, { placeholder: 'choose a property' });
    wrap.append(h('div', { class: 'row g-2 align-items-end mb-1 la-filter', 'data-la-path': at },
      field(`Filter ${i + 1} on ${what}: property`, propSelect),
      comparisonFields(b, f, at, prop?.type, { branch, subject: f.property ?? `filter ${i + 1}`, suggest: f.property ? suggest(f.property) : null }),
      h('div', { class: 'col-auto' }, button('Remove filter', () => {
        filters.splice(i, 1);
        if (!filters.length) delete owner.where;
        b.changed(true);
      }, { label: `Remove filter ${i + 1} on ${what}`, variant: 'outline-danger', id: idFor(at, 'remove') }))));
  });

  wrap.append(button('+ Property filter', () => {
    owner.where ??= { operator: 'and', filters: [] };
    owner.where.filters.push({});
    b.changed(true);
  }, { label: `Add a filter on ${what}`, id: idFor(wherePath, 'add') }));
  return wrap;
}

function windowFields(b, c, path, entity) {
  const cols = b.graph.columns(entity, ['DATE', 'TIMESTAMP']);
  if (!cols.length) return [];
  const fields = [field(`Time window on ${entity}`, select(`${path}.window.column`, cols.map(col => [col.name, `${col.name} within the last…`]), c.window?.column, v => {
    c.window = v ? { column: v, withinLastDays: c.window?.withinLastDays ?? 30 } : undefined;
    if (!v) delete c.window;
    b.changed(true);
  }, { placeholder: 'any time' }))];
  if (c.window) fields.push(field(`Days (${entity} window)`, daysInput(b, c.window, `${path}.window.withinLastDays`)));
  return fields;
}

function daysInput(b, obj, path) {
  return input(path, obj.withinLastDays, v => {
    const n = Number.parseInt(v, 10);
    setOrDelete(obj, 'withinLastDays', Number.isNaN(n) ? undefined : n);
    b.changed(false);
  }, { type: 'number', min: 0, step: 1, class: 'form-control form-control-sm la-narrow' });
}

function countFields(b, c, path, what) {
  const fields = [field(`How many ${what}`, select(`${path}.count.operator`, COUNT_TEXT, c.count?.operator, v => {
    if (v) c.count = { operator: v, value: c.count?.value ?? 1 }; else delete c.count;
    b.changed(true);
  }, { placeholder: 'at least one' }))];
  if (c.count) {
    fields.push(field(`Count (${what})`, input(`${path}.count.value`, c.count.value, v => {
      const n = Number.parseInt(v, 10);
      setOrDelete(c.count, 'value', Number.isNaN(n) ? undefined : n);
      b.changed(false);
    }, { type: 'number', min: 0, step: 1, class: 'form-control form-control-sm la-narrow' })));
  }
  return fields;
}

function aggregateFields(b, c, path, entity) {
  const a = c.aggregate;
  const fields = [field(`Aggregate of ${entity}`, select(`${path}.aggregate.function`, AGGREGATES, a?.function, v => {
    if (!v) delete c.aggregate;
    else {
      c.aggregate = { function: v, ...(v !== 'count' && a?.column ? { column: a.column } : {}), ...(a?.operator ? { operator: a.operator } : {}), ...(a?.value !== undefined ? { value: a.value } : {}) };
    }
    b.changed(true);
  }, { placeholder: 'no aggregate' }))];
  if (!a) return fields;
  if (a.function && a.function !== 'count') {
    fields.push(field(`Aggregated ${entity} column`, select(`${path}.aggregate.column`, b.graph.columns(entity, ['NUMBER']).map(col => [col.name, col.name]), a.column, v => {
      setOrDelete(a, 'column', v);
      b.changed(false);
    }, { placeholder: 'choose a column' })));
  }
  fields.push(field(`Aggregate comparison (${entity})`, select(`${path}.aggregate.operator`, ORDERED.map(o => [o, OPERATOR_TEXT[o]]), a.operator, v => {
    setOrDelete(a, 'operator', v);
    b.changed(false);
  }, { placeholder: 'choose an operator' })));
  fields.push(field(`Aggregate value (${entity})`, input(`${path}.aggregate.value`, a.value, v => {
    const n = Number(v);
    setOrDelete(a, 'value', v.trim() === '' || !Number.isFinite(n) ? undefined : n);
    b.changed(false);
  }, { type: 'number', step: 'any' })));
  return fields;
}

// ---- trait ---------------------------------------------------------------------------------------------------

function traitCondition(b, c, path, { remove, duplicate, title }) {
  const g = b.graph;
  const trait = g.trait(c.trait);
  const body = [
    negateSelect(b, c, path, ['with', 'without'], `${title}: with or without`),
    field('Profile trait', select(`${path}.trait`, g.traits.map(t => [t.name, `${t.name} (${t.type.toLowerCase()})`]), c.trait, v => {
      if (g.trait(v)?.type !== trait?.type) { delete c.operator; delete c.value; delete c.ref; }
      setOrDelete(c, 'trait', v);
      b.changed(true);
    }, { placeholder: 'choose a trait' })),
    comparisonFields(b, c, path, trait?.type, { presence: true, subject: c.trait ?? 'the trait', suggest: trait ? { trait: c.trait } : null }),
  ];
  return card(path, title, body, { remove, duplicate });
}

// ---- event ---------------------------------------------------------------------------------------------------

function eventCondition(b, c, path, { remove, duplicate, title }) {
  const body = [
    negateSelect(b, c, path, ['with', 'without'], `${title}: with or without`),
    field('Event name', input(`${path}.event`, c.event, v => { setOrDelete(c, 'event', v); b.changed(false); },
      { type: 'text', spellcheck: 'false', placeholder: 'Order Completed' })),
    h('div', { class: 'col-12' },
      filterList(b, c, path, b.graph.eventProperties, null, 'event properties',
        p => c.event && b.graph.eventProperty(p) ? { event: c.event, property: p } : null),
      h('div', { class: 'row g-2 align-items-end mt-1' }, eventWindowFields(b, c, path), countFields(b, c, path, 'events'))),
  ];
  return card(path, title, body, { remove, duplicate });
}

function eventWindowFields(b, c, path) {
  const w = c.window;
  const mode = !w ? '' : w.withinLastDays !== undefined ? 'last' : 'between';
  const fields = [field('Event time window', select(`${path}.window`, [['last', 'within the last N days'], ['between', 'between two dates']], mode, v => {
    if (v === 'last') c.window = { withinLastDays: 30 };
    else if (v === 'between') c.window = {};
    else delete c.window;
    b.changed(true);
  }, { placeholder: 'any time', suffix: 'mode' }))];
  if (mode === 'last') fields.push(field('Days (event window)', daysInput(b, w, `${path}.window.withinLastDays`)));
  if (mode === 'between') {
    for (const [name, label] of [['from', 'From (date)'], ['to', 'To (date)']]) {
      fields.push(field(label, input(`${path}.window.${name}`, w[name], v => { setOrDelete(w, name, v); b.changed(false); }, { type: 'date' })));
    }
  }
  return fields;
}

// ---- part of audience ----------------------------------------------------------------------------------------

function audienceCondition(b, c, path, { remove, duplicate, title }) {
  const listId = idFor(path, 'audiences');
  const audience = input(`${path}.audience`, c.audience, v => { setOrDelete(c, 'audience', v.trim()); b.changed(false); },
    { type: 'text', list: listId, spellcheck: 'false', autocomplete: 'off', placeholder: 'audience key' });
  const audienceField = field('Audience (key)', audience);
  audienceField.append(h('datalist', { id: listId }, b.audiences.map(a => h('option', { value: a.key, text: a.title }))));
  const body = [
    negateSelect(b, c, path, ['part of', 'not part of'], `${title}: part of or not part of`),
    audienceField,
    field('Evaluate the referenced audience by', select(`${path}.mode`, [['import', 'importing its conditions (recommended)'], ['membership', 'its stored membership']],
      c.mode ?? 'import', v => { c.mode = v; b.changed(false); })),
  ];
  return card(path, title, body, { remove, duplicate });
}
