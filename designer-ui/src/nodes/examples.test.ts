import { describe, expect, it } from 'vitest';
import { definitionOf } from './registry';
import { fixedOf } from './testing/catalogue';
import { exampleFlows } from './testing/files';

// The example flows validate on the server with no error or warning and their tests take every wired exit, so for
// each node the wired exits are exits it has, and its required exits are all wired.
const nodes = exampleFlows().flatMap(({ file, flow }) =>
  flow.nodes.map((node) => [`${file} ${node.id} (${node.type})`, node] as const),
);

describe('the exits of the example flows', () => {
  it.each(nodes)('shouldOfferEveryWiredExitOf %s', (_name, node) => {
    // given a node of a valid example flow
    const wired = Object.keys(node.exits ?? {});
    // when the designer lists its exits
    const offered = definitionOf(node.type).exits(node.settings as Record<string, unknown>, fixedOf(node.type));
    // then every wired exit has a handle to start from
    expect(offered.map((e) => e.name)).toEqual(expect.arrayContaining(wired));
  });

  it.each(nodes)('shouldHaveEveryRequiredExitWiredIn %s', (_name, node) => {
    // given a node of a valid example flow
    const wired = Object.keys(node.exits ?? {});
    // when the designer lists its required exits
    const required = definitionOf(node.type)
      .exits(node.settings as Record<string, unknown>, fixedOf(node.type))
      .filter((e) => e.required)
      .map((e) => e.name);
    // then the server agreed they are all wired
    expect(wired).toEqual(expect.arrayContaining(required));
  });

  it('shouldCoverEveryNodeTypeThatTheExamplesUse', () => {
    // given the examples
    // then they exercise the types with settings-driven exits, so the checks above mean something
    const types = new Set(nodes.map(([, n]) => n.type));
    for (const t of ['menu', 'intent', 'condition', 'calendar', 'queue', 'transfer'] as const) expect(types).toContain(t);
  });
});
