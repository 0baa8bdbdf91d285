import { describe, expect, it } from 'vitest';
import { definitionOf, isNodeType, nodeDefinitions } from './registry';
import { fixtureTypes } from './testing/catalogue';
import { flowSchema, schemaNodeTypes } from './testing/files';

const schemaTypes = schemaNodeTypes(flowSchema());

function graphemes(text: string): number {
  return [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].length;
}

describe('the node registry', () => {
  it('shouldDefineEveryNodeTypeOfTheSchema', () => {
    // given the node types the server's schema lists
    // when the registry is asked for each
    // then each has a definition of that type, and the registry has no other
    for (const type of schemaTypes) {
      expect(isNodeType(type), type).toBe(true);
      if (isNodeType(type)) expect(definitionOf(type).type).toBe(type);
    }
    expect(Object.keys(nodeDefinitions).sort()).toEqual([...schemaTypes].sort());
  });

  it('shouldKnowTheFixedExitsOfEveryNodeType', () => {
    // given the catalogue fixture derived from the Java node settings
    // then it covers exactly the schema's node types, so the exit tests below miss none
    expect(fixtureTypes().sort()).toEqual([...schemaTypes].sort());
  });

  it('shouldNotTakeAnUnknownTypeForANodeType', () => {
    // given type names a document may hold but the designer does not know
    // then none is taken for a node type, not even an Object property
    for (const name of ['', 'Menu', 'unknown', 'toString', '__proto__', 'constructor']) {
      expect(isNodeType(name), name).toBe(false);
    }
  });

  it('shouldGiveEveryTypeAShortDistinctGlyph', () => {
    // given every definition
    // then its glyph is one or two visible characters, plain text, and no two types share one
    const glyphs = Object.values(nodeDefinitions).map((d) => d.glyph);
    for (const g of glyphs) {
      expect(graphemes(g), g).toBeGreaterThanOrEqual(1);
      expect(graphemes(g), g).toBeLessThanOrEqual(2);
      expect(g).not.toMatch(/[<>&]/);
    }
    expect(new Set(glyphs).size).toBe(glyphs.length);
  });
});
