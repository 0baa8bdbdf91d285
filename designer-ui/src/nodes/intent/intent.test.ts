import { describe, expect, it } from 'vitest';
import { fixedOf } from '../testing/catalogue';
import { intent } from '.';

describe('intent', () => {
  it('shouldListTheIntentsThenFallbackAndError', () => {
    // given two declared intents
    const settings = { intents: [{ name: 'billing', description: 'a bill' }, { name: 'support' }] };
    // when the exits are listed
    const exits = intent.exits(settings, fixedOf('intent'));
    // then each intent is a required exit, then fallback, and error falls back to fallback when unwired
    expect(exits).toEqual([
      { name: 'billing', required: true },
      { name: 'support', required: true },
      { name: 'fallback', required: true },
      { name: 'error', required: false, otherwise: 'fallback' },
    ]);
  });

  it('shouldMakeErrorRequiredWhenAnIntentTakesItsName', () => {
    // given an intent named like the error exit (the schema forbids it; the user may still type it)
    const exits = intent.exits({ intents: [{ name: 'error' }] }, fixedOf('intent'));
    // then one error handle, which must be wired like every intent
    expect(exits).toEqual([
      { name: 'error', required: true },
      { name: 'fallback', required: true },
    ]);
  });

  it('shouldSummariseTheIntentNamesAndThreshold', () => {
    // given intents and an accept threshold
    const summary = intent.summary({ intents: [{ name: 'billing' }, { name: 'support' }, { description: 'unnamed' }], acceptThreshold: 0.8 });
    // then the card names them and the threshold
    expect(summary).toEqual(['billing · support', 'accept at 0.8']);
    expect(intent.summary({ intents: [] })).toEqual(['no intents']);
  });
});
