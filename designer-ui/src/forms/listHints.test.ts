import { describe, expect, it } from 'vitest';
import schemaJson from '../generated/flow.schema.json';
import { moveItem, removeAt, replaceAt, setKey } from './edit';
import type { JsonSchema } from './jsonSchema';
import { exitNameHints, intentHints, menuOptionHints, newIntent, newMenuOption, normalisePhrase } from './listHints';
import { settingsShapeOf } from './mapping';

const root = schemaJson as unknown as JsonSchema;
const messages = (h: Record<string, { message: string; level: string }[]>, p: string): string[] => (h[p] ?? []).map((x) => `${x.level}: ${x.message}`);

describe('menu option edits', () => {
  it('shouldAddAnOptionWithTheFirstFreeKeyAndItsOwnExit', () => {
    // given a menu with keys 1 and 2
    const options = Object.freeze([Object.freeze({ exit: 'option1', digits: '1' }), Object.freeze({ exit: 'sales', digits: '2' })]);
    // when an option is added
    const added = newMenuOption(options);
    // then it takes key 3 and an exit name nobody has
    expect(added).toEqual({ exit: 'option3', digits: '3' });
    expect(newMenuOption([{ exit: 'option1', digits: '2' }])).toEqual({ exit: 'option1_2', digits: '1' });
  });

  it('shouldProduceNewSettingsObjectsWithoutMutatingTheOldOnes', () => {
    // given menu settings, frozen so that any mutation throws
    const options = Object.freeze([Object.freeze({ exit: 'a', digits: '1' }), Object.freeze({ exit: 'b', digits: '2' })]);
    const settings = Object.freeze({ prompt: { '*': { tts: 'Hi' } }, options });
    // when an option is edited, moved, added and removed
    const edited = setKey(settings, 'options', replaceAt(options, 1, setKey(options[1] ?? {}, 'label', 'Billing')));
    const moved = setKey(settings, 'options', moveItem(options, 1, 0));
    const added = setKey(settings, 'options', [...options, newMenuOption(options)]);
    const removed = setKey(settings, 'options', removeAt(options, 0));
    // then each edit is a new object and the old settings are as they were
    expect(edited.options).toEqual([{ exit: 'a', digits: '1' }, { exit: 'b', digits: '2', label: 'Billing' }]);
    expect(moved.options).toEqual([{ exit: 'b', digits: '2' }, { exit: 'a', digits: '1' }]);
    expect(added.options).toHaveLength(3);
    expect(removed.options).toEqual([{ exit: 'b', digits: '2' }]);
    expect(settings.options).toBe(options);
    expect(options).toEqual([{ exit: 'a', digits: '1' }, { exit: 'b', digits: '2' }]);
  });
});

describe('menu option hints', () => {
  it('shouldFlagDuplicateKeysOnTheLaterOption', () => {
    // given two options with key 1
    const hints = menuOptionHints([{ exit: 'a', digits: '1' }, { exit: 'b', digits: '1' }]);
    // then the second is flagged as never chosen
    expect(messages(hints, '/options/1/digits')).toEqual(['error: Option 2 uses the keys "1", already used by option 1, so it can never be chosen.']);
    expect(hints['/options/0/digits']).toBeUndefined();
  });

  it('shouldWarnWhenKeysBeginAnotherOptionsKeys', () => {
    // given keys 1 and 12
    const hints = menuOptionHints([{ exit: 'a', digits: '1' }, { exit: 'b', digits: '12' }]);
    // then the shorter one is warned about the inter-digit wait
    expect(messages(hints, '/options/0/digits')[0]).toMatch(/^warning: The keys "1" begin option 2's "12"/);
  });

  it('shouldFlagPhrasesSharedAcrossOptionsIgnoringCaseAndPunctuation', () => {
    // given the phrase "Sales" on one option and "sales!" on another
    const hints = menuOptionHints([
      { exit: 'a', digits: '1', phrases: ['Sales'] },
      { exit: 'b', digits: '2', phrases: ['sales!'] },
    ]);
    // then the second is flagged
    expect(messages(hints, '/options/1/phrases')).toHaveLength(1);
    expect(normalisePhrase('  New,  ORDER! ')).toBe('new order');
  });

  it('shouldFlagAnOptionWithNeitherKeysNorPhrases', () => {
    expect(messages(menuOptionHints([{ exit: 'a' }]), '/options/0')).toEqual(['error: Option 1 has neither keys nor phrases, so callers can never choose it.']);
  });

  it('shouldFlagExitNamesUsedTwice', () => {
    // given a condition node's cases, two with the exit vip
    const cases = settingsShapeOf('condition', root).fields.find((f) => f.key === 'cases');
    const hints = exitNameHints([{ exit: 'vip' }, { exit: 'vip' }], cases?.itemFields ?? [], '/cases', 'case');
    // then the second case is flagged at its exit
    expect(messages(hints, '/cases/1/exit')).toEqual(['error: Case 2 uses the name "vip", already used by case 1. Give each its own name.']);
  });
});

describe('intent hints', () => {
  it('shouldWarnAboutAnIntentWithNeitherDescriptionNorExamples', () => {
    const hints = intentHints([{ name: 'pay' }, { name: 'talk', examples: ['agent please'] }]);
    expect(messages(hints, '/intents/0')[0]).toMatch(/^warning: Intent 1 has neither a description nor examples/);
    expect(hints['/intents/1']).toBeUndefined();
    expect(newIntent([{ name: 'intent1' }])).toEqual({ name: 'intent2' });
  });
});
