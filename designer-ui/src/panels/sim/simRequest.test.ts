import { describe, expect, test } from 'vitest';
import { KEYS, browserOffsetMinutes, emptyWorld, keyTestId, parseWorld, speechInput, startBody, withOffset, type CallForm } from './simRequest';

const form = (patch: Partial<CallForm> = {}): CallForm => ({
  version: 'draft', callerNumber: '', calledNumber: '', at: '', world: emptyWorld, ...patch,
});

describe('startBody', () => {
  test('shouldCallTheDraftNowWhenNothingIsChosen', () => {
    expect(startBody('main-line', form(), () => 0)).toEqual({ ok: true, value: { flowId: 'main-line', version: 'draft' } });
  });

  test('shouldSendAPublishedVersionAsANumberAndTheCallerTrimmed', () => {
    const r = startBody('main-line', form({ version: '3', callerNumber: ' +12125550147 ' }), () => 0);
    expect(r).toEqual({ ok: true, value: { flowId: 'main-line', version: 3, callerNumber: '+12125550147' } });
  });

  test('shouldSendTheChosenDateAndTimeWithTheBrowsersOffsetAtThatDate', () => {
    // Given a browser one hour east of UTC in winter and two in summer
    const offsetAt = (local: string) => (local.startsWith('2026-07') ? 120 : 60);
    // When calendar dates in both seasons are chosen
    const winter = startBody('f', form({ at: '2026-03-02T10:00' }), offsetAt);
    const summer = startBody('f', form({ at: '2026-07-02T10:00' }), offsetAt);
    // Then each carries its own offset
    expect(winter.ok && winter.value.at).toBe('2026-03-02T10:00:00+01:00');
    expect(summer.ok && summer.value.at).toBe('2026-07-02T10:00:00+02:00');
  });

  test('shouldListEveryProblemOfTheFormAtOnce', () => {
    const r = startBody('f', form({ version: 'abc', at: 'tomorrow', world: { ...emptyWorld, bridge: 'answered, maybe' } }), () => 0);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      'Version: "abc" is not a published version.',
      'Date and time: "tomorrow" is not a date and time.',
      'Transfer outcomes: "maybe" is not one of answered, busy, noAnswer, failed.',
    ]);
  });
});

describe('withOffset', () => {
  test('shouldWriteOffsetsWestEastAndHalfHours', () => {
    expect(withOffset('2026-03-02T10:00', -300)).toBe('2026-03-02T10:00:00-05:00');
    expect(withOffset('2026-03-02T10:00:30', 0)).toBe('2026-03-02T10:00:30+00:00');
    expect(withOffset('2026-03-02T10:00', 330)).toBe('2026-03-02T10:00:00+05:30');
    expect(withOffset('2026-03-02T10:00', -570)).toBe('2026-03-02T10:00:00-09:30');
  });

  test('shouldRefuseWhatIsNotALocalDateTime', () => {
    expect(withOffset('2026-03-02', 0)).toBeNull();
    expect(withOffset('2026-03-02T10:00Z', 0)).toBeNull();
  });

  test('shouldGiveTheBrowsersOffsetAsMinutesEastOfUtc', () => {
    const local = '2026-03-02T10:00';
    expect(browserOffsetMinutes(local)).toBe(-new Date(local).getTimezoneOffset());
  });
});

describe('parseWorld', () => {
  test('shouldSendNoWorldWhenTheFormIsEmpty', () => {
    expect(parseWorld(emptyWorld)).toEqual({ ok: true, value: null });
  });

  test('shouldReadOutcomeListsSecondsAndHttpReplies', () => {
    const r = parseWorld({ bridge: 'busy answered', queue: 'noAgents,timeout', recordSeconds: '12', speechFails: true, http: '[{"status": 200, "body": {"vip": true}}, {"timeout": true}]' });
    expect(r).toEqual({ ok: true, value: {
      bridge: ['busy', 'answered'], queue: ['noAgents', 'timeout'], recordSeconds: 12, speechFails: true,
      http: [{ status: 200, body: { vip: true } }, { timeout: true }],
    } });
  });

  test('shouldRefuseHttpRepliesThatAreNotAJsonList', () => {
    expect(parseWorld({ ...emptyWorld, http: '{"status": 200}' }).ok).toBe(false);
    expect(parseWorld({ ...emptyWorld, http: '[{' }).ok).toBe(false);
    expect(parseWorld({ ...emptyWorld, recordSeconds: '-1' }).ok).toBe(false);
  });
});

describe('keypad', () => {
  test('shouldNameEveryKeySafelyForTests', () => {
    expect(KEYS.map(keyTestId)).toEqual([
      'sim-key-1', 'sim-key-2', 'sim-key-3', 'sim-key-4', 'sim-key-5', 'sim-key-6', 'sim-key-7', 'sim-key-8', 'sim-key-9',
      'sim-key-star', 'sim-key-0', 'sim-key-hash',
    ]);
  });

  test('shouldSendNothingForBlankSpeech', () => {
    expect(speechInput('   ')).toBeNull();
    expect(speechInput(' billing please ')).toEqual({ speech: 'billing please' });
  });
});
