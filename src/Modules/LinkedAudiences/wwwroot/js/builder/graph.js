// The data graph as the builder needs it: what can be reached from where, and the operators each type allows
// (docs/schema/audience-definition.schema.json; the engine's validator has the last word).

export const ORDERED = ['equals', 'notEquals', 'lessThan', 'greaterThan', 'lessThanOrEqual', 'greaterThanOrEqual'];

export const OPERATORS = {
  NUMBER: ORDERED,
  DATE: ORDERED,
  TIME: ORDERED,
  TIMESTAMP: ORDERED,
  STRING: ['equals', 'notEquals', 'contains', 'notContains', 'startsWith', 'endsWith'],
  BOOLEAN: ['equals', 'notEquals'],
};

export const OPERATOR_TEXT = {
  equals: 'equals',
  notEquals: 'does not equal',
  lessThan: 'is less than',
  greaterThan: 'is greater than',
  lessThanOrEqual: 'is at most',
  greaterThanOrEqual: 'is at least',
  contains: 'contains',
  notContains: 'does not contain',
  startsWith: 'starts with',
  endsWith: 'ends with',
};

export const MAX_DEPTH = 6; // counting the profile, as the validator does

export class Graph {
  constructor(json) {
    this.json = json ?? {};
    this.entities = new Map((this.json.entities ?? []).map(e => [e.name, e]));
    this.relationships = this.json.relationships ?? [];
    this.traits = this.json.profile?.traits ?? [];
    const events = this.json.events;
    this.eventProperties = events
      ? [...(events.properties ?? []).map(p => ({ name: p.name, type: p.type })),
         ...(events.context ?? []).map(p => ({ name: `context.${p.name}`, type: p.type }))]
      : [];
  }

  entity(name) { return this.entities.get(name); }

  /** Relationships starting at `parent` ("profile" or an entity name). */
  from(parent) { return this.relationships.filter(r => r.from === parent); }

  /** How many relationships link parent to entity: the definition names one only when there are several. */
  between(parent, entity) { return this.relationships.filter(r => r.from === parent && r.to === entity); }

  columns(entityName, types) {
    const cols = this.entity(entityName)?.columns ?? [];
    return types ? cols.filter(c => types.includes(c.type)) : cols;
  }

  column(entityName, name) { return this.columns(entityName).find(c => c.name === name); }

  trait(name) { return this.traits.find(t => t.name === name); }

  eventProperty(name) { return this.eventProperties.find(p => p.name === name); }
}
