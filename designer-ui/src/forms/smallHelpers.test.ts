import { describe, expect, it } from 'vitest';
import schemaJson from '../generated/flow.schema.json';
import { ApiError } from '../api/client';
import { placeholderOf } from './display';
import { settingsHints } from './serverIssues';
import { deref, resolveRef, type JsonSchema } from './jsonSchema';
import { duplicateRows, objectOfRows, rowsOf, sameEntries } from './keyValue';
import { settingsShapeOf, type FieldDescriptor } from './mapping';
import { numberText, parseNumberText } from './numberText';
import { previewErrorMessages } from './previewErrors';
import { firstFilled, languagesFor, setLanguage } from './prompt';
import { insertToken, placeholder, placeholderNames } from './template';
import { warningsOf } from './warnings';

const root = schemaJson as unknown as JsonSchema;
const field = (type: string, key: string): FieldDescriptor => {
  const f = settingsShapeOf(type, root).fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${type}.${key}`);
  return f;
};

describe('schema references', () => {
  it('shouldResolveLocalRefsAndLetSiblingsRefineTheTarget', () => {
    expect(resolveRef('#/$defs/nodeId', root)?.title).toBe('Node id');
    expect(resolveRef('#/$defs/nope', root)).toBeUndefined();
    expect(resolveRef('https://example.com/x.json', root)).toBeUndefined();
    // given a $ref with a title, a tighter maxLength and a looser minLength beside it
    const merged = deref({ $ref: '#/$defs/expression', title: 'When', maxLength: 100, minLength: 0 }, root);
    // then its own title wins and both bounds keep the tighter value
    expect(merged).toMatchObject({ title: 'When', type: 'string', maxLength: 100, minLength: 1, 'x-widget': 'expression' });
  });
});

describe('per-language values', () => {
  it('shouldOfferTheFlowLanguagesThenAnyThenOthersTheValueHolds', () => {
    expect(languagesFor(['en-US', 'fr-FR'], { 'de-DE': {}, '*': {} })).toEqual(['en-US', 'fr-FR', '*', 'de-DE']);
    expect(languagesFor([], {})).toEqual(['*']);
  });

  it('shouldSetOrRemoveOneLanguageWithoutMutating', () => {
    // given a prompt in two languages
    const prompt = Object.freeze({ 'en-US': { tts: 'Hi' }, 'fr-FR': { tts: 'Salut' } });
    // when French is cleared, then English
    const one = setLanguage(prompt, 'fr-FR', {});
    const none = setLanguage(one ?? {}, 'en-US', undefined);
    // then a language goes with its version, and the prompt with its last language
    expect(one).toEqual({ 'en-US': { tts: 'Hi' } });
    expect(none).toBeUndefined();
    expect(prompt).toEqual({ 'en-US': { tts: 'Hi' }, 'fr-FR': { tts: 'Salut' } });
    expect(firstFilled(['en-US', 'fr-FR', '*'], { 'fr-FR': { tts: 'x' } })).toBe('fr-FR');
    expect(firstFilled(['en-US', '*'], {})).toBe('en-US');
  });
});

describe('variable insertion', () => {
  it('shouldInsertAPlaceholderAtTheCaretOrOverTheSelection', () => {
    expect(insertToken('Hello !', 6, 6, placeholder('name'))).toEqual({ text: 'Hello {{name}}!', caret: 14 });
    expect(insertToken('Hello NAME', 6, 10, '{{name}}')).toEqual({ text: 'Hello {{name}}', caret: 14 });
    expect(insertToken('abc', 99, 99, '{{x}}')).toEqual({ text: 'abc{{x}}', caret: 8 });
  });

  it('shouldSeparateAnExpressionNameFromThePreviousWord', () => {
    expect(insertToken('attempts <', 10, 10, 'max')).toEqual({ text: 'attempts <max', caret: 13 });
    expect(insertToken('x', 1, 1, 'y')).toEqual({ text: 'x y', caret: 3 });
  });

  it('shouldListTheVariablesTemplatesNameWhole', () => {
    expect(placeholderNames('Hi {{ name }}, {{call.callerNumber}} {{name}} {{a + b}}')).toEqual(['name']);
  });
});

describe('key-value rows', () => {
  it('shouldKeepIncompleteRowsOutOfTheObject', () => {
    // given rows while typing: an empty name and a repeated name
    const rows = [
      { key: 'Authorization', value: 'Bearer x' },
      { key: '', value: 'draft' },
      { key: 'Authorization', value: 'second' },
    ];
    // then the object holds the complete, first rows only
    expect(objectOfRows(rows)).toEqual({ Authorization: 'Bearer x' });
    expect(duplicateRows(rows)).toEqual([2]);
    expect(sameEntries(objectOfRows(rowsOf({ a: 1, b: 2 })), { a: 1, b: 2 })).toBe(true);
    expect(sameEntries({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
  });
});

describe('numbers as typed', () => {
  it('shouldReadNumbersAndWaitForHalfTypedOnes', () => {
    expect(parseNumberText('2.5')).toBe(2.5);
    expect(parseNumberText('2,5')).toBe(2.5);
    expect(parseNumberText(' 10 ')).toBe(10);
    expect(parseNumberText('-')).toBeUndefined();
    expect(parseNumberText('1e3')).toBeUndefined();
    expect(parseNumberText('')).toBeUndefined();
    expect(numberText(6)).toBe('6');
    expect(numberText(undefined)).toBe('');
  });
});

describe('placeholders', () => {
  it('shouldShowTheDefaultOrAnExample', () => {
    expect(placeholderOf(field('menu', 'maxTries'))).toBe('3 (default)');
    expect(placeholderOf(field('input', 'terminator'))).toBe('# (default)');
    const tz = settingsShapeOf('calendar', root).fields.find((f) => f.key === 'calendar')?.fields?.find((f) => f.key === 'timeZone');
    expect(tz && placeholderOf(tz)).toBe('e.g. Europe/Paris');
  });
});

describe('environment warnings', () => {
  const ctx = {
    symbols: { queue: { declared: true, names: ['sales', 'support'] }, gateway: { declared: false, names: [] } },
    variables: ['account', 'attempts'],
    nodes: [{ id: 'menu', type: 'menu' }],
    flows: ['billing'],
  };

  it('shouldWarnAboutASymbolTheEnvironmentDoesNotDeclare', () => {
    // given an environment declaring the queues sales and support
    // then another queue is warned about, and an undeclared kind of symbol is not
    expect(warningsOf(field('queue', 'queue'), 'billing', ctx)).toEqual(['This environment has no queue named "billing"; the name is used as it is.']);
    expect(warningsOf(field('queue', 'queue'), 'sales', ctx)).toEqual([]);
    expect(warningsOf(field('transfer', 'gateway'), 'carrier1', ctx)).toEqual([]);
  });

  it('shouldWarnAboutUndeclaredVariablesNodesAndFlows', () => {
    expect(warningsOf(field('input', 'variable'), 'acount', ctx)).toEqual(['"acount" is not a declared variable of this flow.']);
    expect(warningsOf(field('goto', 'target'), 'gone', ctx)).toEqual(['There is no other node "gone" in this flow.']);
    expect(warningsOf(field('subflow', 'flow'), 'billing', ctx)).toEqual([]);
    expect(warningsOf(field('callerName', 'name'), 'VIP {{acount}}', ctx)).toEqual(['Not declared variables: {{acount}}.']);
    // and set may name call.language, which the schema allows beside declared variables
    const assign = field('set', 'assign').itemFields?.find((f) => f.key === 'variable');
    expect(assign && warningsOf(assign, 'call.language', ctx)).toEqual([]);
  });
});

describe('calendar preview errors', () => {
  it('shouldShowTheServersFieldErrorsElseTheMessage', () => {
    // given a 400 with field errors, a 500 without, and a network failure
    const invalid = new ApiError(400, 'Bad Request', 'Invalid calendar', [{ pointer: '/settings/calendar/timeZone', message: 'unknown time zone Europe/Pariss' }], {});
    const failed = new ApiError(500, 'Internal Server Error', '', [], {});
    // then the messages are the field errors, or what went wrong
    expect(previewErrorMessages(invalid)).toEqual(['/settings/calendar/timeZone: unknown time zone Europe/Pariss']);
    expect(previewErrorMessages(failed)).toEqual(['Internal Server Error']);
    expect(previewErrorMessages(new TypeError('Failed to fetch'))).toEqual(['Failed to fetch']);
    expect(previewErrorMessages('?')).toEqual(['The preview failed.']);
  });
});

describe('server issues at fields', () => {
  it('shouldKeyTheNodesIssuesByPointerWithinItsSettings', () => {
    // given issues of the flow, two in node 3's settings
    const issues = [
      { pointer: '/nodes/3/settings/options/1/digits', message: 'duplicate', severity: 'ERROR' },
      { pointer: '/nodes/3/settings/options/0/digits', message: 'overlap', severity: 'warning' },
      { pointer: '/nodes/31/settings/prompt', message: 'other node', severity: 'error' },
      { pointer: null, message: 'flow-wide', severity: 'error' },
    ];
    // when keyed for node 3
    const hints = settingsHints(issues, '/nodes/3/settings');
    // then only its own are kept, relative to its settings, with their level
    expect(hints).toEqual({
      '/options/1/digits': [{ message: 'duplicate', level: 'error' }],
      '/options/0/digits': [{ message: 'overlap', level: 'warning' }],
    });
  });
});
