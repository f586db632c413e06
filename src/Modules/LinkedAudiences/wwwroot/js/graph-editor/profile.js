// The profile source (table, id column, traits) and the optional event source of a data graph.
import { button, field, h, idFor, input, select } from '../builder/dom.js';
import { TYPES, Tables, setTable } from './tables.js';

const typeOptions = TYPES.map(t => [t, t]);

export function profileSection(ed) {
  const profile = ed.graph.profile;
  const path = '$.profile';
  const columns = ed.tables.columns(profile.schema, profile.table);
  const traits = profile.traits.map((trait, i) => traitRow(ed, profile, i));
  return section(path, 'Profiles', [
    h('div', { class: 'row g-2 mb-2' },
      field('Profiles table', tableSelect(ed, `${path}.table`, profile, () => {
        const cols = ed.tables.columns(profile.schema, profile.table);
        profile.idColumn = cols.find(c => c.name.endsWith('_id') || c.name === 'id')?.name ?? '';
        profile.traitsColumn = cols.find(c => c.isJson)?.name;
        if (!profile.traitsColumn) delete profile.traitsColumn;
        profile.traits = [];
      })),
      field('Profile id column', select(`${path}.idColumn`, ed.tables.columnOptions(profile.schema, profile.table, { json: false }), profile.idColumn,
        v => { profile.idColumn = v; ed.changed(false); }, { placeholder: '(choose)' })),
      field('Nested traits (JSON column)', select(`${path}.traitsColumn`, ed.tables.columnOptions(profile.schema, profile.table, { json: true }), profile.traitsColumn,
        v => { if (v) profile.traitsColumn = v; else delete profile.traitsColumn; ed.changed(true); }, { placeholder: '(none)' }))),
    h('div', { 'data-la-path': `${path}.traits` },
      h('h3', { class: 'h6 mt-2', text: 'Traits' }),
      traits.length ? traits : h('p', { class: 'text-muted small', text: 'No traits yet.' })),
    h('div', { class: 'd-flex flex-wrap gap-1' },
      button('+ Trait', () => { profile.traits.push({ name: '', type: 'STRING', column: '' }); ed.changed(true); },
        { label: 'Add a trait', id: 'la-profile-add-trait' }),
      button('+ Every column as a trait', () => {
        const known = new Set(profile.traits.map(t => t.column).filter(Boolean));
        for (const c of columns.filter(c => !c.isJson && c.type && c.name !== profile.idColumn && !known.has(c.name))) {
          profile.traits.push({ name: c.name, type: c.type, column: c.name });
        }
        ed.changed(true);
      }, { label: 'Add every column of the profiles table as a trait', id: 'la-profile-add-columns' })),
  ]);
}

function traitRow(ed, profile, i) {
  const trait = profile.traits[i];
  const path = `$.profile.traits[${i}]`;
  const nested = trait.path !== undefined;
  const n = i + 1;
  const source = nested
    ? field(`Trait ${n} JSON path`, input(`${path}.path`, trait.path, v => { trait.path = v; ed.changed(false); },
      { placeholder: 'address.city', spellcheck: 'false' }), { hint: profile.traitsColumn ? `Inside ${profile.traitsColumn}` : 'Choose the JSON column first' })
    : field(`Trait ${n} column`, select(`${path}.column`, ed.tables.columnOptions(profile.schema, profile.table, { json: false }), trait.column, v => {
      trait.column = v;
      const column = ed.tables.columns(profile.schema, profile.table).find(c => c.name === v);
      if (column?.type) trait.type = column.type;
      if (!trait.name) trait.name = v;
      ed.changed(true);
    }, { placeholder: '(choose)' }));
  return h('div', { class: 'row g-2 mb-1 align-items-end la-row', 'data-la-path': path },
    field(`Trait ${n} name`, input(`${path}.name`, trait.name, v => { trait.name = v; ed.changed(false); }, { spellcheck: 'false' })),
    field(`Trait ${n} reads`, select(`${path}`, [['column', 'a column'], ['path', 'a nested JSON path']], nested ? 'path' : 'column', v => {
      if (v === 'path') { delete trait.column; trait.path = ''; } else { delete trait.path; trait.column = ''; }
      ed.changed(true);
    }, { suffix: 'source' })),
    source,
    field(`Trait ${n} type`, select(`${path}.type`, typeOptions, trait.type, v => { trait.type = v; ed.changed(false); })),
    h('div', { class: 'col-auto' }, button('Remove', () => { profile.traits.splice(i, 1); ed.changed(true); },
      { label: `Remove trait ${n}`, variant: 'outline-danger', id: `la-profile-traits-${i}-remove` })));
}

export function eventsSection(ed) {
  const graph = ed.graph;
  const path = '$.events';
  const events = graph.events;
  const toggle = h('input', { type: 'checkbox', class: 'form-check-input', id: 'la-events-enabled', checked: !!events });
  toggle.addEventListener('change', () => {
    if (toggle.checked) graph.events = { table: '', profileIdColumn: '', nameColumn: '', timestampColumn: '', propertiesColumn: '', properties: [], context: [] };
    else delete graph.events;
    ed.changed(true);
  });
  const body = [h('div', { class: 'form-check mb-2' }, toggle, h('label', { class: 'form-check-label', for: toggle.id, text: 'The graph has an event source' }))];
  if (events) {
    events.properties ??= [];
    events.context ??= [];
    const cols = (json, member, label, optional) => field(label, select(`${path}.${member}`, ed.tables.columnOptions(events.schema, events.table, { json }), events[member],
      v => { if (v || !optional) events[member] = v; else delete events[member]; ed.changed(false); }, { placeholder: optional ? '(none)' : '(choose)' }));
    body.push(
      h('div', { class: 'row g-2 mb-2' },
        field('Events table', tableSelect(ed, `${path}.table`, events, () => {
          const c = ed.tables.columns(events.schema, events.table);
          const named = (...names) => c.find(x => names.includes(x.name))?.name ?? '';
          events.profileIdColumn = named('profile_id', 'user_id');
          events.nameColumn = named('event', 'event_name', 'name');
          events.timestampColumn = c.find(x => x.type === 'TIMESTAMP')?.name ?? '';
          events.propertiesColumn = named('properties') || (c.find(x => x.isJson)?.name ?? '');
          const context = named('context');
          if (context) events.contextColumn = context; else delete events.contextColumn;
        })),
        cols(false, 'profileIdColumn', 'Profile id column'),
        cols(false, 'nameColumn', 'Event name column'),
        cols(false, 'timestampColumn', 'Timestamp column'),
        cols(true, 'propertiesColumn', 'Properties (JSON column)'),
        cols(true, 'contextColumn', 'Context (JSON column)', true)),
      keyList(ed, events.properties, `${path}.properties`, 'Event property'),
      keyList(ed, events.context, `${path}.context`, 'Context key'));
  }
  return section(path, 'Events', body);
}

/** Named, typed keys inside a JSON column (event properties, context keys). */
function keyList(ed, list, path, noun) {
  const rows = list.map((item, i) => h('div', { class: 'row g-2 mb-1 align-items-end la-row', 'data-la-path': `${path}[${i}]` },
    field(`${noun} ${i + 1} name`, input(`${path}[${i}].name`, item.name, v => { item.name = v; ed.changed(false); }, { spellcheck: 'false' })),
    field(`${noun} ${i + 1} type`, select(`${path}[${i}].type`, typeOptions, item.type, v => { item.type = v; ed.changed(false); })),
    h('div', { class: 'col-auto' }, button('Remove', () => { list.splice(i, 1); ed.changed(true); },
      { label: `Remove ${noun.toLowerCase()} ${i + 1}`, variant: 'outline-danger', id: idFor(`${path}[${i}]`, 'remove') }))));
  return h('div', { class: 'mb-2', 'data-la-path': path },
    h('h3', { class: 'h6 mt-2', text: `${noun}s` }),
    rows,
    button(`+ ${noun}`, () => { list.push({ name: '', type: 'STRING' }); ed.changed(true); }, { label: `Add ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun.toLowerCase()}`, id: idFor(path, 'add') }));
}

/** A table select that writes table (and schema) into `node`, then lets `reset` fill what follows from the table. */
export function tableSelect(ed, path, node, reset) {
  return select(path, ed.tables.options(), Tables.value(node.schema, node.table), v => {
    setTable(node, v);
    reset();
    ed.changed(true);
  }, { placeholder: '(choose a table)' });
}

export function section(path, title, children) {
  const id = `la-section-${title.toLowerCase()}`;
  return h('section', { class: 'card mb-3 la-section', 'data-la-path': path, 'aria-labelledby': id },
    h('div', { class: 'card-body' },
      h('h2', { class: 'h5 card-title', id, text: title }),
      children));
}
