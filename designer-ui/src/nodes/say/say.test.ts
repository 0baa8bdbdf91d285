import { describe, expect, it } from 'vitest';
import { say } from '.';

describe('say', () => {
  it('shouldSummariseTheTextCutToACardLine', () => {
    // given a long text in one language
    const summary = say.summary({ text: { 'en-US': 'Thank you for calling Northwind Office Supply. This call may be recorded.' } });
    // then the card shows its start
    expect(summary).toEqual(['Thank you for calling Northwind Office…']);
  });

  it('shouldPreferTheTextForEveryLanguage', () => {
    // given a text for every language and one for French
    // then the card shows the one for every language, and the voice
    expect(say.summary({ text: { 'fr-FR': 'Bonjour', '*': 'Hello' }, voice: 'en-US-Standard-C' })).toEqual(['Hello', 'voice en-US-Standard-C']);
  });

  it('shouldDropASayingHello', () => {
    expect(say.summary(say.initialSettings())).toEqual(['Hello']);
  });
});
