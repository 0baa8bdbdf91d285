import { describe, expect, it } from 'vitest';
import { fixedOf } from '../testing/catalogue';
import { menu } from '.';

const prompt = { 'en-US': { tts: 'For sales press 1, for support press 2.' } };
const exitsOf = (settings: Record<string, unknown>) => menu.exits(settings, fixedOf('menu'));

describe('menu', () => {
  it('shouldListTheOptionsInOrderThenTheFixedExits', () => {
    // given a menu with three options
    const settings = {
      prompt,
      options: [
        { exit: 'sales', digits: '1', label: 'Sales' },
        { exit: 'support', digits: '2' },
        { exit: 'operator', digits: '0', phrases: ['operator'] },
      ],
    };
    // when its exits are listed
    const exits = exitsOf(settings);
    // then the options come first, each required, then timeout, invalid, failure and error as the server has them
    expect(exits).toEqual([
      { name: 'sales', required: true, label: '1 · Sales' },
      { name: 'support', required: true, label: '2 · support' },
      { name: 'operator', required: true, label: '0 · operator' },
      { name: 'timeout', required: false, otherwise: 'failure' },
      { name: 'invalid', required: false, otherwise: 'failure' },
      { name: 'failure', required: true },
      { name: 'error', required: false },
    ]);
  });

  it('shouldLabelASpokenOnlyOptionByItsFirstPhrase', () => {
    // given an option chosen by speech only
    const exits = exitsOf({ prompt, options: [{ exit: 'billing', phrases: ['billing', 'invoice'] }] });
    // then its handle says what to say
    expect(exits[0]).toEqual({ name: 'billing', required: true, label: '“billing” · billing' });
  });

  it('shouldKeepAnExitNamedTwiceOnceAndRequired', () => {
    // given options that reuse a name, one of them a fixed exit's (the server reports both as duplicates)
    const exits = exitsOf({ prompt, options: [{ exit: 'a', digits: '1' }, { exit: 'a', digits: '2' }, { exit: 'timeout', digits: '3' }] });
    // then each name has one handle, and timeout, now also an option, must be wired like an option
    expect(exits.map((e) => e.name)).toEqual(['a', 'timeout', 'invalid', 'failure', 'error']);
    expect(exits.find((e) => e.name === 'timeout')).toEqual({ name: 'timeout', required: true, label: '3 · timeout' });
  });

  it('shouldGiveNoHandleToAnOptionWithoutAName', () => {
    // given options being typed: one without an exit, one with a blank one, one with a number
    const exits = exitsOf({ prompt, options: [{ digits: '1' }, { exit: '', digits: '2' }, { exit: 7 }, null, 'x'] });
    // then only the fixed exits have handles
    expect(exits.map((e) => e.name)).toEqual(['timeout', 'invalid', 'failure', 'error']);
  });

  it('shouldSummariseTheOptionsAsKeysAndExits', () => {
    // given a menu with three options
    const settings = { prompt, options: [{ exit: 'sales', digits: '1' }, { exit: 'support', digits: '2' }, { exit: 'operator', digits: '0' }] };
    // when the card is drawn
    // then one line tells keys and exits
    expect(menu.summary(settings)).toEqual(['1 sales · 2 support · 0 operator']);
  });

  it('shouldPackALongMenuIntoTwoLinesAndCountTheRest', () => {
    // given a menu with many options
    const options = ['sales', 'support', 'billing', 'operator', 'repeat', 'returns', 'careers', 'press', 'hours'].map(
      (exit, i) => ({ exit, digits: String(i + 1) }),
    );
    // when the card is drawn
    const summary = menu.summary({ prompt, options });
    // then two lines show the first options and the count of the others
    expect(summary).toEqual(['1 sales · 2 support · 3 billing', '4 operator · 5 repeat · 6 returns · +3']);
  });

  it('shouldSayWhenTheMenuAlsoListens', () => {
    // given an option with phrases and no speech setting (speech is then on)
    const summary = menu.summary({ prompt, options: [{ exit: 'sales', digits: '1', phrases: ['sales'] }] });
    // then the card says so
    expect(summary).toEqual(['1 sales', 'keys or speech']);
    // and not when speech is turned off
    expect(menu.summary({ prompt, speech: false, options: [{ exit: 'sales', digits: '1', phrases: ['sales'] }] })).toEqual(['1 sales']);
  });

  it('shouldShowThePromptOfAMenuWithoutOptions', () => {
    // given a menu with only its prompt
    // then the card shows the prompt's text
    expect(menu.summary({ prompt })).toEqual(['For sales press 1, for support press 2.']);
    expect(menu.summary({})).toEqual(['no options']);
  });

  it('shouldDropAMenuWithAPromptAndOptionsOneAndTwo', () => {
    // given a menu just dropped
    const settings = menu.initialSettings();
    // then it speaks a prompt and offers keys 1 and 2, each an exit
    expect(menu.summary(settings)).toEqual(['1 Option one · 2 Option two']);
    expect(exitsOf(settings).filter((e) => e.required).map((e) => e.name)).toEqual(['option1', 'option2', 'failure']);
  });
});
