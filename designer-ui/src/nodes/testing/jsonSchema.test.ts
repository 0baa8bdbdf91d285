import { describe, expect, it } from 'vitest';
import { exampleFlows, flowSchema } from './files';
import { SchemaChecker } from './jsonSchema';

const checker = new SchemaChecker(flowSchema());

function flowWith(node: Record<string, unknown>): Record<string, unknown> {
  return { schema: 'ivr-flow/1', id: 'f', name: 'F', defaultLanguage: 'en-US', start: 'a', nodes: [{ id: 'a', ...node }] };
}

function problemsOf(node: Record<string, unknown>): string[] {
  return checker.check(flowWith(node)).map((p) => `${p.at}: ${p.message}`);
}

describe('the test schema checker', () => {
  it.each(exampleFlows().map((e) => [e.file, e.flow] as const))('shouldAcceptTheValidExample %s', (_file, flow) => {
    // given an example flow the server validates without an error
    // when the checker checks it against the same schema
    // then it finds nothing either
    expect(checker.check(flow)).toEqual([]);
  });

  it('shouldRejectAMissingRequiredSetting', () => {
    // given a say node without its text
    // then the checker names the missing key
    expect(problemsOf({ type: 'say', settings: {} })).toContain('/nodes/0/settings: "text" is required');
  });

  it('shouldRejectAKeyTheSchemaDoesNotKnow', () => {
    // given a hangup node with a misspelt key
    expect(problemsOf({ type: 'hangup', settings: { cuase: 'busy' } })).toContain('/nodes/0/settings/cuase: no value is allowed here');
  });

  it('shouldRejectAValueOutsideTheEnumPatternOrRange', () => {
    // given settings breaking an enum, a pattern and a range
    const problems = [
      ...problemsOf({ type: 'hangup', settings: { cause: 'rude' } }),
      ...problemsOf({ type: 'queue', settings: { queue: 'has space' } }),
      ...problemsOf({ type: 'loop', settings: { times: 0 } }),
      ...problemsOf({ type: 'loop', settings: { times: 1.5 } }),
      ...problemsOf({ type: 'wait', settings: { seconds: 0 } }),
    ];
    // then each is reported
    expect(problems).toEqual([
      '/nodes/0/settings/cause: not one of ["normal","busy","unavailable"]',
      '/nodes/0/settings/queue: does not match ^[A-Za-z0-9_][A-Za-z0-9_.@:+-]{0,127}$',
      '/nodes/0/settings/times: below 1',
      '/nodes/0/settings/times: expected integer, got number',
      '/nodes/0/settings/seconds: not above 0',
    ]);
  });

  it('shouldApplyTheConditionalAndExclusiveRules', () => {
    // given a goto without a target, a calendar with both kinds, a prompt with two sources and a reserved exit
    const problems = [
      ...problemsOf({ type: 'goto', settings: {} }),
      ...problemsOf({ type: 'calendar', settings: { ref: 'main', calendar: { timeZone: 'UTC' } } }),
      ...problemsOf({ type: 'play', settings: { prompt: { 'en-US': { tts: 'Hi', file: 'a.wav' } } } }),
      ...problemsOf({ type: 'menu', settings: { prompt: { '*': { tts: 'Hi' } }, options: [{ exit: 'timeout', digits: '1' }] } }),
    ];
    // then each breaks its rule
    expect(problems).toEqual([
      '/nodes/0/settings: "target" is required',
      '/nodes/0/settings: matches 2 of oneOf, not exactly one',
      '/nodes/0/settings/prompt/en-US: matches 2 of oneOf, not exactly one',
      '/nodes/0/settings/options/0/exit: must not match {"enum":["timeout","invalid","failure","error"]}',
    ]);
  });

  it('shouldRefuseASchemaKeywordItDoesNotKnow', () => {
    // given a schema with a keyword the checker cannot check
    const odd = new SchemaChecker({ patternProperties: { '^x': { type: 'string' } } });
    // then it fails loudly rather than passing the document
    expect(() => odd.check({ x: 1 })).toThrow(/patternProperties/);
  });
});
