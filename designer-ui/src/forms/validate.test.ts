import { describe, expect, it } from 'vitest';
import schemaJson from '../generated/flow.schema.json';
import type { JsonSchema } from './jsonSchema';
import { nodeTypesOf, settingsShapeOf, type FieldDescriptor } from './mapping';
import { exampleNodes } from './testing/examples';
import { isRequired, objectProblems, validateField } from './validate';

const root = schemaJson as unknown as JsonSchema;
const field = (type: string, key: string): FieldDescriptor => {
  const f = settingsShapeOf(type, root).fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${type}.${key}`);
  return f;
};
const optionField = (key: string): FieldDescriptor => {
  const f = field('menu', 'options').itemFields?.find((x) => x.key === key);
  if (!f) throw new Error(key);
  return f;
};

describe('validateField', () => {
  it('shouldSayRequiredWithTheExpectedFormatWhenARequiredFieldIsEmpty', () => {
    // given the input node's required variable
    const variable = field('input', 'variable');
    // when it is empty
    // then the hint says so, with the schema's x-expected
    expect(validateField(variable, undefined)).toEqual(['Required. Expected a variable name: a letter or underscore, then up to 63 letters, digits or underscores.']);
    expect(validateField(variable, '')).toHaveLength(1);
    // and an empty optional field is fine
    expect(validateField(field('input', 'pattern'), undefined)).toEqual([]);
  });

  it('shouldUseXExpectedWhenAPatternDoesNotMatch', () => {
    // given menu option keys, which have a pattern and an x-expected
    // when they hold a letter
    const problems = validateField(optionField('digits'), '1a');
    // then the message is the expected format in words
    expect(problems).toEqual(['Expected one to ten of the keys 0-9, * and #.']);
    expect(validateField(optionField('digits'), '0#')).toEqual([]);
  });

  it('shouldCheckBoundsOfNumbersIncludingExclusiveOnes', () => {
    // given a wait (more than 0, at most 300 seconds) and menu tries (integer 1..10)
    const seconds = field('wait', 'seconds');
    const tries = field('menu', 'maxTries');
    // then 0 is refused as not more than 0, 300 allowed, 301 refused
    expect(validateField(seconds, 0)).toEqual(['More than 0.']);
    expect(validateField(seconds, 300)).toEqual([]);
    expect(validateField(seconds, 301)).toEqual(['At most 300.']);
    expect(validateField(tries, 2.5)).toEqual(['A whole number.']);
    expect(validateField(tries, 0)).toEqual(['At least 1.']);
    expect(validateField(tries, 'three')).toEqual(['A number.']);
  });

  it('shouldRefuseReservedExitNames', () => {
    // given a menu option's exit, which may not be timeout, invalid, failure or error
    // when it is timeout
    // then the hint says it is reserved
    expect(validateField(optionField('exit'), 'timeout')[0]).toContain('reserved');
    expect(validateField(optionField('exit'), 'sales')).toEqual([]);
  });

  it('shouldCheckLengthsListSizesAndDuplicates', () => {
    // given a caller name (at most 200 characters), menu options (1 to 20) and phrases (unique)
    expect(validateField(field('callerName', 'name'), 'x'.repeat(201))).toEqual(['At most 200 characters (now 201).']);
    expect(validateField(field('menu', 'options'), Array.from({ length: 21 }, () => ({ exit: 'a' })))).toEqual(['At most 20 items (now 21).']);
    expect(validateField(optionField('phrases'), ['sales', 'sales'])).toEqual(['"sales" is listed more than once.']);
  });

  it('shouldCheckEnumsAndChoices', () => {
    // given the http method and a calendar node's settings shape (calendar or ref, exactly one)
    expect(validateField(field('http', 'method'), 'FETCH')).toEqual(['Choose one of GET, POST, PUT, PATCH, DELETE.']);
    const version = field('play', 'prompt').valueField;
    if (!version) throw new Error('no version');
    // when a prompt version has two kinds at once, or none
    // then the hint says only one may be given, or one is needed
    expect(validateField(version, { tts: 'Hi', file: 'a.wav' })[0]).toMatch(/^Only one of these may be given/);
    expect(validateField(version, { voice: 'x' })[0]).toMatch(/^One of these is needed/);
  });

  it('shouldMakeTheGotoTargetOptionalWhenReturningToTheParent', () => {
    // given a goto target
    const target = field('goto', 'target');
    // then it is required unless returnToParent is true
    expect(isRequired(target, {})).toBe(true);
    expect(isRequired(target, { returnToParent: false })).toBe(true);
    expect(isRequired(target, { returnToParent: true })).toBe(false);
    expect(validateField(target, undefined, { returnToParent: true })).toEqual([]);
  });

  it('shouldFindNoProblemInTheExampleFlows', () => {
    // given every node of the example flows, which the server validates without errors
    const nodes = exampleNodes();
    expect(nodes.length).toBeGreaterThan(10);
    for (const node of nodes) {
      // when the form checks all of its settings
      const problems = objectProblems(settingsShapeOf(node.type, root).fields, node.settings);
      // then it finds nothing: the inline hints have no false alarms on valid flows
      expect(problems, `${node.file} ${node.id}`).toEqual({});
    }
  });

  it('shouldFindProblemsDeepInsideSettingsByPointer', () => {
    // given a menu with bad keys in its second option and a prompt version without a kind
    const settings = { prompt: { 'en-US': {} }, options: [{ exit: 'a', digits: '1' }, { exit: 'b', digits: 'x' }] };
    // when checked
    const problems = objectProblems(settingsShapeOf('menu', root).fields, settings);
    // then each problem is at its JSON Pointer
    expect(Object.keys(problems).sort()).toEqual(['/options/1/digits', '/prompt/en-US']);
  });

  it('shouldAcceptEmptySettingsForTypesWithoutRequiredFields', () => {
    // given the types whose settings have no required field
    for (const type of nodeTypesOf(root)) {
      const fields = settingsShapeOf(type, root).fields;
      if (fields.some((f) => f.required || f.requiredUnless || f.requiredWhen)) continue;
      // then empty settings raise no problem in any field
      expect(objectProblems(fields, {}), type).toEqual({});
    }
  });
});
