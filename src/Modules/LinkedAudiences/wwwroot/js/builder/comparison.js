// One comparison (a property filter or a trait condition): operator by data type, then a constant of that type or a
// dynamic reference of the same type (a profile trait, or an entity column of the branch at this level or above).

import { field, input, select, setOrDelete } from './dom.js';
import { OPERATORS, OPERATOR_TEXT } from './graph.js';
import { suggestionsFor } from './suggestions.js';

/**
 * @param b the builder (graph, changed()).
 * @param obj the object holding operator / value / ref.
 * @param path its JSONPath.
 * @param type the compared DATA TYPE, or undefined while no property is chosen.
 * @param opts.branch entity names whose columns may be referenced (nearest first); null where only traits may be.
 * @param opts.presence true for trait conditions, where no operator means "is present".
 * @param opts.subject what is compared, for accessible names ("balance_status").
 * @param opts.suggest where value suggestions come from ({entity, column} | {event, property} | {trait}), if anywhere.
 */
export function comparisonFields(b, obj, path, type, { branch = null, presence = false, subject = '', suggest = null } = {}) {
  const fields = [];
  const operators = type ? OPERATORS[type] ?? [] : [];
  const operator = select(`${path}.operator`, operators.map(o => [o, OPERATOR_TEXT[o]]), obj.operator, v => {
    setOrDelete(obj, 'operator', v);
    if (!v) { delete obj.value; delete obj.ref; }
    b.changed(true);
  }, { placeholder: presence ? 'is present' : 'choose an operator', disabled: !type });
  fields.push(field(`Operator${subject ? ` for ${subject}` : ''}`, operator));
  if (!type || !obj.operator) return fields;

  const traitRefs = type === 'BOOLEAN' ? [] : b.graph.traits.filter(t => t.type === type);
  const columnRefs = type === 'BOOLEAN' || !branch ? [] : branch.flatMap(e => b.graph.columns(e, [type]).map(c => [e, c.name]));
  const source = obj.ref?.trait !== undefined ? 'trait' : obj.ref ? 'column' : 'constant';
  if (traitRefs.length + columnRefs.length > 0) {
    const sources = [['constant', 'a value']];
    if (traitRefs.length) sources.push(['trait', 'a profile trait']);
    if (columnRefs.length) sources.push(['column', 'an entity column']);
    fields.push(field(`Compare${subject ? ` ${subject}` : ''} with`, select(`${path}.ref`, sources, source, v => {
      delete obj.value;
      delete obj.ref;
      if (v === 'trait') obj.ref = { trait: traitRefs[0].name };
      if (v === 'column') obj.ref = { entity: columnRefs[0][0], column: columnRefs[0][1] };
      b.changed(true);
    }, { suffix: 'source' })));
  }

  if (source === 'trait') {
    fields.push(field('Profile trait', select(`${path}.ref.trait`, traitRefs.map(t => [t.name, t.name]), obj.ref.trait, v => {
      obj.ref = { trait: v };
      b.changed(false);
    })));
  } else if (source === 'column') {
    const current = `${obj.ref.entity}.${obj.ref.column}`;
    fields.push(field('Entity column', select(`${path}.ref.column`, columnRefs.map(([e, c]) => [`${e}.${c}`, `${e}.${c}`]), current, v => {
      const dot = v.indexOf('.');
      obj.ref = { entity: v.slice(0, dot), column: v.slice(dot + 1) };
      b.changed(false);
    })));
  } else {
    const control = constantInput(b, obj, `${path}.value`, type);
    const valueField = field(`Value${subject ? ` for ${subject}` : ''}${hintFor(type)}`, control);
    // Suggestions for text and numbers; dates, times and booleans have their own pickers.
    if (control.tagName === 'INPUT' && (type === 'STRING' || type === 'NUMBER')) {
      const list = suggestionsFor(b, control, `${path}.value`, suggest);
      if (list) valueField.append(list);
    }
    fields.push(valueField);
  }

  return fields;
}

function hintFor(type) {
  return { DATE: ' (date)', TIME: ' (time, UTC)', TIMESTAMP: ' (UTC)' }[type] ?? '';
}

/** A constant of `type`, stored as the schema wants it; an empty box removes the value (the validator asks for one). */
export function constantInput(b, obj, path, type) {
  const set = v => { setOrDelete(obj, 'value', v); b.changed(false); };
  switch (type) {
    case 'BOOLEAN':
      return select(path, [['true', 'true'], ['false', 'false']], obj.value === undefined ? '' : String(obj.value),
        v => set(v === '' ? undefined : v === 'true'), { placeholder: 'choose' });
    case 'NUMBER':
      return input(path, obj.value, v => {
        const n = Number(v);
        set(v.trim() === '' || !Number.isFinite(n) ? undefined : n);
      }, { type: 'number', step: 'any', inputmode: 'decimal' });
    case 'DATE':
      return input(path, obj.value, v => set(v), { type: 'date' });
    case 'TIME':
      return input(path, obj.value, v => set(v.length === 5 ? `${v}:00` : v), { type: 'time', step: 1 });
    case 'TIMESTAMP': {
      const local = typeof obj.value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?Z?$/.test(obj.value);
      if (obj.value === undefined || local) {
        return input(path, local ? obj.value.replace(/Z$/, '') : '', v => set(v.length === 16 ? `${v}:00` : v), { type: 'datetime-local', step: 1 });
      }
      return input(path, obj.value, v => set(v), { type: 'text', placeholder: '2026-01-31T08:00:00Z' });
    }
    default:
      return input(path, obj.value, v => set(v), { type: 'text', spellcheck: 'false', autocomplete: 'off' });
  }
}
