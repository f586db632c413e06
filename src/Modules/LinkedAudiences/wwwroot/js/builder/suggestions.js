// Value suggestions under a value input: a <datalist> the input names in its list attribute (so it is a combobox to
// assistive technology and free entry stays possible), filled from the warehouse the first time the input gets focus.
// The seeds' bounds are the server's: 500 distinct values of a STRING entity column, the top 65 of a trait or an event
// property. Answers are cached per graph and subject for the page's lifetime.

import { h, idFor } from './dom.js';

const cache = new Map();

/**
 * Wires `input` to suggestions for `source` ({entity, column} | {event, property} | {trait}); returns the datalist
 * to place next to it, or null when there is nothing to suggest from.
 */
export function suggestionsFor(b, input, path, source) {
  if (!source || !b.api || !b.graphKey) return null;
  const list = h('datalist', { id: idFor(path, 'suggestions'), 'data-la-suggestions': JSON.stringify(source) });
  input.setAttribute('list', list.id);
  input.setAttribute('autocomplete', 'off');
  const fill = async () => {
    if (list.dataset.laLoaded) return;
    list.dataset.laLoaded = 'loading';
    const values = await load(b, source);
    list.replaceChildren(...values.map(v => h('option', {
      value: v.value,
      text: v.occurrences !== undefined ? `${v.value} (${v.occurrences.toLocaleString('en-US')})` : v.value,
    })));
    list.dataset.laLoaded = String(values.length);
  };
  input.addEventListener('focus', fill, { once: true });
  return list;
}

async function load(b, source) {
  const key = `${b.graphKey}\u0000${JSON.stringify(source)}`;
  if (!cache.has(key)) {
    cache.set(key, b.api.suggestions(b.graphKey, source)
      .then(answer => answer?.values?.filter(v => v.value !== null && v.value !== undefined) ?? [])
      // No warehouse, or a subject the graph does not know yet: the input simply offers nothing.
      .catch(() => { cache.delete(key); return []; }));
  }
  return cache.get(key);
}
