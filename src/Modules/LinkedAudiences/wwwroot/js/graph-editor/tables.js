// The warehouse's tables as introspection reported them, and the choices the editor offers from them.

export const TYPES = ['STRING', 'NUMBER', 'BOOLEAN', 'DATE', 'TIME', 'TIMESTAMP'];

export class Tables {
  constructor(tables) {
    this.list = (tables ?? []).map(t => ({ ...t, columns: t.columns ?? [] }));
  }

  get isEmpty() {
    return this.list.length === 0;
  }

  find(schema, name) {
    return this.list.find(t => t.name === name && (t.schema ?? null) === (schema ?? null)) ?? null;
  }

  /** [value, text] pairs for a table select; the value carries the schema when it is not the default one. */
  options() {
    return this.list.map(t => [Tables.value(t.schema, t.name), t.schema ? `${t.schema}.${t.name}` : t.name]);
  }

  static value(schema, name) {
    return name ? JSON.stringify([schema ?? null, name]) : '';
  }

  static parse(value) {
    const [schema, name] = value ? JSON.parse(value) : [null, ''];
    return { schema, name };
  }

  columns(schema, name, { json } = {}) {
    const table = this.find(schema, name);
    const columns = table?.columns ?? [];
    return json === undefined ? columns : columns.filter(c => !!c.isJson === json);
  }

  /** [value, text] pairs: column names, with the type each maps to. */
  columnOptions(schema, name, filter) {
    return this.columns(schema, name, filter).map(c => [c.name, `${c.name} (${c.isJson ? 'JSON' : c.type ?? c.nativeType})`]);
  }
}

/** Sets or removes the schema member so the graph names the default schema by omission, as hand-written graphs do. */
export function setTable(node, value) {
  const { schema, name } = Tables.parse(value);
  node.table = name;
  if (schema) node.schema = schema;
  else delete node.schema;
}

/** A key column guess: `<singular table>_id`, else the first column ending in _id or named id, else the first. */
export function guessKey(table, columns) {
  const names = columns.map(c => c.name);
  const singular = table.replace(/ies$/, 'y').replace(/s$/, '');
  return names.find(n => n === `${singular}_id`) ?? names.find(n => n === 'id') ?? names.find(n => n.endsWith('_id')) ?? names[0] ?? '';
}

/** The entity name a table suggests: its singular form. */
export function entityName(table) {
  return table.replace(/ies$/, 'y').replace(/([^s])s$/, '$1');
}
