// The activation editor's lists over its text fields: audiences, the trigger entity (only for entity triggers, from
// the audience definition's entities), the identifier trait, enrichment as checkboxes of the audience graph's traits
// and of its definition branches' entity columns. The text fields stay the posted values; the checkboxes rewrite them
// and fire 'input' so the preview follows.

const ENTITY_TRIGGERS = ['entityAdded', 'entityRemoved'];

function datalist(input, id, values) {
  let list = document.getElementById(id);
  if (!list) {
    list = document.createElement('datalist');
    list.id = id;
    input.after(list);
    input.setAttribute('list', id);
  }
  list.replaceChildren(...values.map(v => Object.assign(document.createElement('option'), { value: v })));
}

function names(text) {
  return text.split(',').map(s => s.trim()).filter(Boolean);
}

function entityLines(text) {
  const map = new Map();
  for (const line of text.split('\n')) {
    const at = line.indexOf(':');
    if (at < 0) continue;
    map.set(line.slice(0, at).trim(), names(line.slice(at + 1)));
  }
  return map;
}

function changed(field) {
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function checkbox(id, label, checked, onChange) {
  const wrap = document.createElement('div');
  wrap.className = 'form-check form-check-inline';
  const box = Object.assign(document.createElement('input'), { type: 'checkbox', id, className: 'form-check-input', checked });
  box.addEventListener('change', () => onChange(box.checked));
  const text = Object.assign(document.createElement('label'), { htmlFor: id, className: 'form-check-label', textContent: label });
  wrap.append(box, text);
  return wrap;
}

export function initLists(form, context) {
  const audiences = context.audiences ?? {};
  const field = name => form.querySelector(`[name="ActivationPart.${name}"]`);
  const audience = field('AudienceKey');
  const trigger = field('Trigger');
  const triggerEntity = field('TriggerEntity');
  const identifier = field('IdentifierTrait');
  const traits = field('EnrichmentTraits');
  const entities = field('EnrichmentEntities');
  if (!audience || !trigger || !triggerEntity || !traits || !entities) return;

  datalist(audience, 'la-audience-keys', Object.keys(audiences));
  const traitBoxes = Object.assign(document.createElement('fieldset'), { className: 'mt-1', hidden: true });
  traitBoxes.dataset.laTraitChoices = '';
  traits.after(traitBoxes);
  const entityBoxes = Object.assign(document.createElement('div'), { className: 'mt-1' });
  entityBoxes.dataset.laEntityChoices = '';
  entities.after(entityBoxes);

  function render() {
    const chosen = audiences[audience.value.trim()];
    const isEntity = ENTITY_TRIGGERS.includes(trigger.value);
    triggerEntity.closest('.mb-3').hidden = !isEntity && !triggerEntity.value;
    const entityNames = Object.keys(chosen?.entities ?? {});
    datalist(triggerEntity, 'la-trigger-entities', entityNames);
    datalist(identifier, 'la-identifier-traits', (chosen?.traits ?? []).map(t => t.name));

    const wanted = names(traits.value);
    traitBoxes.hidden = !chosen;
    traitBoxes.replaceChildren();
    if (chosen) {
      traitBoxes.append(Object.assign(document.createElement('legend'), { className: 'form-label small mb-0', textContent: 'Traits of the audience\u2019s data graph' }));
      for (const t of chosen.traits) {
        traitBoxes.append(checkbox(`la-trait-${t.name}`, `${t.name} (${t.type})`, wanted.includes(t.name), on => {
          const now = names(traits.value).filter(n => n !== t.name);
          if (on) now.push(t.name);
          traits.value = now.join(', ');
          changed(traits);
        }));
      }
    }

    const lines = entityLines(entities.value);
    entityBoxes.replaceChildren();
    for (const entity of entityNames) {
      const set = Object.assign(document.createElement('fieldset'), { className: 'mb-1' });
      set.dataset.laEntityChoice = entity;
      set.append(Object.assign(document.createElement('legend'), { className: 'form-label small mb-0', textContent: `${entity} (a branch of the definition)` }));
      for (const column of chosen.entities[entity]) {
        set.append(checkbox(`la-entity-${entity}-${column}`, column, (lines.get(entity) ?? []).includes(column), on => {
          const map = entityLines(entities.value);
          const now = (map.get(entity) ?? []).filter(c => c !== column);
          if (on) now.push(column);
          if (now.length) map.set(entity, now); else map.delete(entity);
          entities.value = [...map].map(([e, cs]) => `${e}: ${cs.join(', ')}`).join('\n');
          changed(entities);
        }));
      }
      entityBoxes.append(set);
    }
  }

  audience.addEventListener('change', render);
  audience.addEventListener('input', () => { if (audiences[audience.value.trim()]) render(); });
  trigger.addEventListener('change', render);
  traits.addEventListener('change', render);
  entities.addEventListener('change', render);
  render();
}
