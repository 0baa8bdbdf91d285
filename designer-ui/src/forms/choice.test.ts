import { describe, expect, it } from 'vitest';
import schemaJson from '../generated/flow.schema.json';
import { activeBranch, isFieldShown, switchBranch } from './choice';
import type { JsonSchema } from './jsonSchema';
import { describeObject, settingsShapeOf, type ObjectShape } from './mapping';

const root = schemaJson as unknown as JsonSchema;
const version: ObjectShape = describeObject({ $ref: '#/$defs/promptVariant' }, root);
const exception = (() => {
  const calendar = settingsShapeOf('calendar', root).fields.find((f) => f.key === 'calendar');
  const item = calendar?.fields?.find((f) => f.key === 'exceptions')?.item;
  if (!item?.fields) throw new Error('no exception item');
  return { fields: item.fields, choice: item.choice };
})();

describe('prompt version conversion', () => {
  it('shouldKeepTheTextWhenSwitchingTtsToAFileAndDropTheVoice', () => {
    // given a TTS version with a voice
    const before = { tts: 'welcome.wav', voice: 'en-US-Standard-C' };
    // when it becomes an audio file (branch 0)
    const after = switchBranch(before, version, 0);
    // then the text is kept as the file and the voice, which needs TTS, is gone; the input is untouched
    expect(after).toEqual({ file: 'welcome.wav' });
    expect(before).toEqual({ tts: 'welcome.wav', voice: 'en-US-Standard-C' });
  });

  it('shouldNotCarryTextIntoAFieldWhoseFormatItBreaks', () => {
    // given TTS text with spaces
    // when it becomes a symbolic prompt name (branch 3), which allows no spaces
    const after = switchBranch({ tts: 'Hello there' }, version, 3);
    // then the text is not carried: the new kind starts empty
    expect(after).toEqual({});
  });

  it('shouldClearEveryKindWhenSwitchingToNone', () => {
    // given a file version
    // when switched to none
    // then nothing is left
    expect(switchBranch({ file: 'a.wav' }, version, -1)).toEqual({});
  });

  it('shouldFindTheActiveKindAndShowTheVoiceOnlyWithTts', () => {
    // given a TTS version
    const choice = version.choice;
    if (!choice) throw new Error('no choice');
    const tts = { tts: 'Hi' };
    const voice = version.fields.find((f) => f.key === 'voice');
    const file = version.fields.find((f) => f.key === 'file');
    if (!voice || !file) throw new Error('fields');
    // then its branch is TTS, the voice is shown, the file is not
    expect(activeBranch(tts, choice)).toBe(1);
    expect(isFieldShown(voice, tts, choice, 1)).toBe(true);
    expect(isFieldShown(file, tts, choice, 1)).toBe(false);
    expect(isFieldShown(voice, { file: 'a.wav' }, choice, 0)).toBe(false);
  });
});

describe('calendar exception alternatives', () => {
  it('shouldTurnOneDateIntoASpanFromAndToThatDate', () => {
    // given a one-day exception
    const before = { date: '2026-12-24', hours: ['08:00-12:00'], label: 'Christmas Eve' };
    // when it becomes a span (branch 1)
    const after = switchBranch(before, exception, 1);
    // then the span starts and ends on that day, and the rest is kept
    expect(after).toEqual({ hours: ['08:00-12:00'], label: 'Christmas Eve', from: '2026-12-24', to: '2026-12-24' });
  });

  it('shouldTurnASpanBackIntoItsFirstDay', () => {
    // given a span
    // when it becomes one date
    // then the date is the span's first day
    expect(switchBranch({ from: '2026-12-24', to: '2026-12-26' }, exception, 0)).toEqual({ date: '2026-12-24' });
  });
});
