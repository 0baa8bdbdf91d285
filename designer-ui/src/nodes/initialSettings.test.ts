import { describe, expect, it } from 'vitest';
import type { FlowDocument, FlowNode } from '../model/flow';
import { nodeDefinitions } from './registry';
import { fixedOf } from './testing/catalogue';
import { flowSchema } from './testing/files';
import { SchemaChecker } from './testing/jsonSchema';

const checker = new SchemaChecker(flowSchema());
const definitions = Object.values(nodeDefinitions);

/** A flow with one freshly dropped node of every type, each exit wired to the hangup node. */
function flowOfEveryType(): FlowDocument {
  const nodes: FlowNode[] = definitions.map((d) => {
    const exits = Object.fromEntries(d.exits(d.initialSettings(), fixedOf(d.type)).map((e) => [e.name, 'n_hangup']));
    return { id: `n_${d.type}`, type: d.type, settings: d.initialSettings(), exits };
  });
  const [first, ...rest] = nodes;
  if (first === undefined) throw new Error('no node types');
  return { schema: 'ivr-flow/1', id: 'every-type', name: 'Every node type', defaultLanguage: 'en-US', start: first.id, nodes: [first, ...rest] };
}

describe('the settings of a node just dropped', () => {
  it('shouldMatchTheServersSchemaForEveryType', () => {
    // given a flow holding a freshly dropped node of every type, its exits wired
    const flow = flowOfEveryType();
    // when the flow schema checks it
    const problems = checker.check(flow);
    // then nothing is wrong
    expect(problems).toEqual([]);
  });

  it.each(definitions.map((d) => [d.type, d] as const))('shouldMatchTheSettingsSchemaOf %s', (type, d) => {
    // given the initial settings of one type
    const settings = d.initialSettings();
    // when its settings schema alone checks them
    const problems = checker.check(settings, { $ref: `#/$defs/${type}Settings` });
    // then they pass, with no key the schema does not know
    expect(problems).toEqual([]);
  });

  it('shouldGiveAFreshObjectEachTime', () => {
    // given a node dropped and then edited
    for (const d of definitions) {
      const first = d.initialSettings();
      const before = JSON.stringify(d.initialSettings());
      for (const value of Object.values(first)) {
        if (Array.isArray(value)) value.push('edited');
        else if (typeof value === 'object' && value !== null) Object.assign(value, { edited: true });
      }
      first.edited = true;
      // then the next node dropped starts the same as before
      expect(JSON.stringify(d.initialSettings()), d.type).toBe(before);
    }
  });

  it('shouldShowSomethingOnTheCardOfEveryNewNode', () => {
    // given every type's initial settings
    for (const d of definitions) {
      // when the card is drawn
      const summary = d.summary(d.initialSettings());
      // then it has one to three lines of text
      expect(summary.length, d.type).toBeGreaterThanOrEqual(1);
      expect(summary.length, d.type).toBeLessThanOrEqual(3);
      for (const line of summary) expect(line.trim(), d.type).not.toBe('');
    }
  });
});
