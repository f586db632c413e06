// The entities of a data graph (a table, its key and the columns audiences may use) and the relationships that link
// profiles to entities and entities to each other, by a join or through a junction table.
import { button, field, h, input, select } from '../builder/dom.js';
import { section, tableSelect } from './profile.js';
import { TYPES, entityName, guessKey } from './tables.js';

export function entitiesSection(ed) {
  const entities = ed.graph.entities;
  return section('$.entities', 'Entities', [
    entities.length ? entities.map((_, i) => entityCard(ed, i)) : h('p', { class: 'text-muted small', text: 'No entities yet.' }),
    button('+ Entity', () => { entities.push({ name: '', table: '', primaryKey: '', columns: [] }); ed.changed(true); },
      { label: 'Add an entity', id: 'la-add-entity', variant: 'outline-primary' }),
  ]);
}

function entityCard(ed, i) {
  const entity = ed.graph.entities[i];
  const path = `$.entities[${i}]`;
  const n = i + 1;
  const title = entity.name || `Entity ${n}`;
  const available = ed.tables.columns(entity.schema, entity.table).filter(c => !c.isJson);
  const included = new Map(entity.columns.map(c => [c.name, c]));
  const columnRows = available.map(c => {
    const box = h('input', { type: 'checkbox', class: 'form-check-input', id: `la-entities-${i}-column-${c.name}`, checked: included.has(c.name),
      disabled: !c.type || c.name === entity.primaryKey });
    box.addEventListener('change', () => {
      if (box.checked) entity.columns.push({ name: c.name, type: c.type });
      else entity.columns = entity.columns.filter(x => x.name !== c.name);
      ed.changed(true);
    });
    return h('div', { class: 'form-check form-check-inline' }, box,
      h('label', { class: 'form-check-label', for: box.id, text: `${c.name} (${c.type ?? `${c.nativeType}: not usable`})` }));
  });
  // Columns the graph lists but the table lacks (or no table is chosen): shown so they can be removed.
  const stray = entity.columns.map((c, j) => [c, j]).filter(([c]) => !available.some(a => a.name === c.name)).map(([c, j]) =>
    h('div', { class: 'row g-2 mb-1 align-items-end', 'data-la-path': `${path}.columns[${j}]` },
      field(`${title} column ${j + 1} name`, input(`${path}.columns[${j}].name`, c.name, v => { c.name = v; ed.changed(false); }, { spellcheck: 'false' })),
      field(`${title} column ${j + 1} type`, select(`${path}.columns[${j}].type`, TYPES.map(t => [t, t]), c.type, v => { c.type = v; ed.changed(false); })),
      h('div', { class: 'col-auto' }, button('Remove', () => { entity.columns.splice(j, 1); ed.changed(true); },
        { label: `Remove column ${c.name} of ${title}`, variant: 'outline-danger', id: `la-entities-${i}-columns-${j}-remove` }))));

  return h('fieldset', { class: 'card mb-2 la-entity', 'data-la-path': path },
    h('div', { class: 'card-body p-2' },
      h('div', { class: 'd-flex align-items-center mb-2' },
        h('legend', { class: 'fs-6 fw-semibold mb-0 float-none w-auto', text: title }),
        h('div', { class: 'ms-auto' }, button('Remove entity', () => removeEntity(ed, i), { label: `Remove entity ${title}`, variant: 'outline-danger', id: `la-entities-${i}-remove` }))),
      h('div', { class: 'row g-2 mb-2' },
        field(`Entity ${n} table`, tableSelect(ed, `${path}.table`, entity, () => {
          const cols = ed.tables.columns(entity.schema, entity.table).filter(c => !c.isJson);
          entity.primaryKey = guessKey(entity.table, cols);
          entity.columns = cols.filter(c => c.type).map(c => ({ name: c.name, type: c.type }));
          if (!entity.name) entity.name = entityName(entity.table);
        })),
        field(`Entity ${n} name`, input(`${path}.name`, entity.name, v => renameEntity(ed, entity, v), { spellcheck: 'false' }),
          { hint: 'What audiences call it' }),
        field(`Entity ${n} label`, input(`${path}.label`, entity.label, v => { if (v) entity.label = v; else delete entity.label; ed.changed(false); })),
        field(`Entity ${n} primary key`, select(`${path}.primaryKey`, available.map(c => [c.name, c.name]), entity.primaryKey, v => {
          entity.primaryKey = v;
          ed.changed(true);
        }, { placeholder: '(choose)' }))),
      h('div', { class: 'mb-1', 'data-la-path': `${path}.columns`, role: 'group', 'aria-label': `Columns of ${title}` },
        h('div', { class: 'small fw-semibold mb-1', text: 'Columns audiences can filter on' }),
        columnRows.length ? columnRows : h('p', { class: 'text-muted small mb-1', text: 'Choose the table to list its columns.' }),
        stray)));
}

function renameEntity(ed, entity, name) {
  // Relationships follow the entity they link, so a rename keeps the graph consistent.
  const old = entity.name;
  for (const r of ed.graph.relationships) {
    if (old && r.from === old) r.from = name;
    if (old && r.to === old) r.to = name;
  }
  entity.name = name;
  ed.changed(false);
}

function removeEntity(ed, i) {
  const name = ed.graph.entities[i].name;
  ed.graph.entities.splice(i, 1);
  ed.graph.relationships = ed.graph.relationships.filter(r => r.from !== name && r.to !== name);
  ed.changed(true);
}

export function relationshipsSection(ed) {
  const relationships = ed.graph.relationships;
  return section('$.relationships', 'Relationships', [
    relationships.length ? relationships.map((_, i) => relationshipCard(ed, i)) : h('p', { class: 'text-muted small', text: 'No relationships yet.' }),
    button('+ Relationship', () => { relationships.push({ name: '', from: 'profile', to: '', join: { fromColumn: '', toColumn: '' } }); ed.changed(true); },
      { label: 'Add a relationship', id: 'la-add-relationship', variant: 'outline-primary' }),
  ]);
}

function relationshipCard(ed, i) {
  const r = ed.graph.relationships[i];
  const path = `$.relationships[${i}]`;
  const n = i + 1;
  const title = r.name || `Relationship ${n}`;
  const nodes = ed.graph.entities.filter(e => e.name).map(e => [e.name, e.name]);
  const from = sideOf(ed, r.from);
  const to = sideOf(ed, r.to);
  const viaJunction = !!r.junction;

  // The name and the join columns follow the ends until someone types their own.
  const setEnd = (member, value) => {
    const auto = autoName(r.from, r.to);
    r[member] = value;
    if (!r.name || r.name === auto) r.name = autoName(r.from, r.to);
    if (r.join) r.join = sharedColumn(sideOf(ed, r.from), sideOf(ed, r.to));
    ed.changed(true);
  };

  const joinFields = viaJunction
    ? [
      field(`${title} junction table`, tableSelect(ed, `${path}.junction.table`, r.junction, () => {
        const cols = ed.tables.columns(r.junction.schema, r.junction.table).map(c => c.name);
        r.junction.fromColumn = cols.find(c => c === from.key) ?? '';
        r.junction.toColumn = cols.find(c => c === to.key) ?? '';
      })),
      field(`${title} junction column to ${r.from || 'the source'}`, select(`${path}.junction.fromColumn`, ed.tables.columnOptions(r.junction.schema, r.junction.table),
        r.junction.fromColumn, v => { r.junction.fromColumn = v; ed.changed(false); }, { placeholder: '(choose)' })),
      field(`${title} junction column to ${r.to || 'the target'}`, select(`${path}.junction.toColumn`, ed.tables.columnOptions(r.junction.schema, r.junction.table),
        r.junction.toColumn, v => { r.junction.toColumn = v; ed.changed(false); }, { placeholder: '(choose)' })),
    ]
    : [
      field(`${title} column of ${r.from || 'the source'}`, select(`${path}.join.fromColumn`, from.columns.map(c => [c.name, c.name]), r.join?.fromColumn,
        v => { r.join.fromColumn = v; ed.changed(false); }, { placeholder: '(choose)' })),
      field(`${title} column of ${r.to || 'the target'}`, select(`${path}.join.toColumn`, to.columns.map(c => [c.name, c.name]), r.join?.toColumn,
        v => { r.join.toColumn = v; ed.changed(false); }, { placeholder: '(choose)' })),
    ];

  return h('fieldset', { class: 'card mb-2 la-relationship', 'data-la-path': path },
    h('div', { class: 'card-body p-2' },
      h('div', { class: 'd-flex align-items-center mb-2' },
        h('legend', { class: 'fs-6 fw-semibold mb-0 float-none w-auto', text: title }),
        h('div', { class: 'ms-auto' }, button('Remove relationship', () => { ed.graph.relationships.splice(i, 1); ed.changed(true); },
          { label: `Remove relationship ${title}`, variant: 'outline-danger', id: `la-relationships-${i}-remove` }))),
      h('div', { class: 'row g-2 mb-2' },
        field(`Relationship ${n} from`, select(`${path}.from`, [['profile', 'profile'], ...nodes], r.from, v => setEnd('from', v), { placeholder: '(choose)' })),
        field(`Relationship ${n} to`, select(`${path}.to`, nodes, r.to, v => setEnd('to', v), { placeholder: '(choose)' })),
        field(`Relationship ${n} name`, input(`${path}.name`, r.name, v => { r.name = v; ed.changed(false); }, { spellcheck: 'false' })),
        field(`Relationship ${n} links by`, select(`${path}`, [['join', 'matching columns'], ['junction', 'a junction table']], viaJunction ? 'junction' : 'join', v => {
          if (v === 'junction') { delete r.join; r.junction = { table: '', fromColumn: '', toColumn: '' }; } else { delete r.junction; r.join = sharedColumn(from, to); }
          ed.changed(true);
        }, { suffix: 'kind' }))),
      h('div', { class: 'row g-2' }, joinFields)));
}

function autoName(from, to) {
  return from && to ? `${from}_${to}s`.replace(/ys$/, 'ies') : '';
}

/** Join columns guessed from a column name both ends share (profile_id, account_id...), else left to choose. */
function sharedColumn(a, b) {
  const shared = a.columns.map(c => c.name).find(c => b.columns.some(x => x.name === c)) ?? '';
  return { fromColumn: shared, toColumn: shared };
}

/** One end of a relationship: its table's columns and its key ("profile" is the profile source). */
function sideOf(ed, name) {
  if (name === 'profile') {
    const p = ed.graph.profile;
    return { columns: ed.tables.columns(p.schema, p.table).filter(c => !c.isJson), key: p.idColumn };
  }
  const e = ed.graph.entities.find(x => x.name === name);
  return e ? { columns: ed.tables.columns(e.schema, e.table).filter(c => !c.isJson), key: e.primaryKey } : { columns: [], key: '' };
}
