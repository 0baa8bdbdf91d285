import { describe, expect, it } from 'vitest';
import type { Settings } from '../model/flow';
import { nodeDefinitions } from './registry';
import { fixedOf } from './testing/catalogue';
import { exampleFlows } from './testing/files';

/** What a half-edited or hand-broken document may hold where the schema wants something else. */
const ODD: unknown[] = [
  null, undefined, 0, -1, 1.5, Number.NaN, '', ' ', 'x', true, [], {}, [null], [1], ['x'], [{}], [[]],
  { '*': null }, { '*': 5 }, { '*': { tts: 5 } }, [{ exit: null, name: 5, digits: 7, phrases: 'x', when: {} }],
];

/** Every path to a value inside a JSON value, with a copy of it where that one value is replaced. */
function* replaced(value: unknown, by: unknown, path: string[] = []): Generator<[string, unknown]> {
  if (typeof value !== 'object' || value === null) return;
  for (const key of Object.keys(value)) {
    const copy: unknown = Array.isArray(value) ? [...value] : { ...value };
    (copy as Record<string, unknown>)[key] = by;
    yield [[...path, key].join('/'), copy];
    for (const [deeper, inner] of replaced((value as Record<string, unknown>)[key], by, [...path, key])) {
      const outer: unknown = Array.isArray(value) ? [...value] : { ...value };
      (outer as Record<string, unknown>)[key] = inner;
      yield [deeper, outer];
    }
  }
}

const samples = [
  ...Object.values(nodeDefinitions).map((d) => ({ type: d.type, settings: d.initialSettings() })),
  ...exampleFlows().flatMap(({ flow }) => flow.nodes.map((n) => ({ type: n.type, settings: n.settings as Settings }))),
];

describe('a definition reading settings that are being edited', () => {
  it.each(Object.values(nodeDefinitions).map((d) => [d.type, d] as const))(
    'shouldNeverThrowAndStayWithinTheCardFor %s',
    (type, d) => {
      // given settings of this type with any one value, at any depth, replaced by something the schema refuses
      for (const sample of samples.filter((s) => s.type === type)) {
        for (const odd of ODD) {
          for (const [path, settings] of [['', {}] as [string, unknown], ...replaced(sample.settings, odd)]) {
            const what = `${type} ${path} = ${JSON.stringify(odd)}`;
            // when the card is drawn
            const exits = d.exits(settings as Settings, fixedOf(type));
            const summary = d.summary(settings as Settings);
            // then it gets at most three lines of text and one handle per named exit
            expect(summary.length, what).toBeLessThanOrEqual(3);
            for (const line of summary) expect(typeof line, what).toBe('string');
            const names = exits.map((e) => e.name);
            expect(new Set(names).size, what).toBe(names.length);
            for (const name of names) expect(name.trim(), what).not.toBe('');
          }
        }
      }
    },
  );

  it('shouldAcceptSomethingThatIsNotAnObjectAtAll', () => {
    // given settings that are not an object (a broken file)
    for (const d of Object.values(nodeDefinitions)) {
      for (const odd of [null, [], 'x', 5]) {
        // then the fixed exits and a summary, no failure
        expect(d.exits(odd as unknown as Settings, fixedOf(d.type)).length, d.type).toBe(d.type === 'transfer' ? 4 : fixedOf(d.type).length);
        expect(Array.isArray(d.summary(odd as unknown as Settings)), d.type).toBe(true);
      }
    }
  });
});
