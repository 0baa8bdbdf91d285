import { describe, expect, it } from 'vitest';
import { fixedOf } from '../testing/catalogue';
import { http } from '.';

describe('http', () => {
  it('shouldHaveOkErrorAndTimeoutFallingBackToError', () => {
    // given any request
    // then ok and error must be wired, timeout falls back to error
    expect(http.exits({ url: 'https://crm.example.com' }, fixedOf('http'))).toEqual([
      { name: 'ok', required: true },
      { name: 'error', required: true },
      { name: 'timeout', required: false, otherwise: 'error' },
    ]);
  });

  it('shouldSummariseTheMethodUrlAndMappedVariables', () => {
    // given a POST with a long URL mapping two variables
    const settings = { method: 'POST', url: 'https://crm.example.com/customers/lookup?phone={{call.callerNumber}}', map: { name: '/n', tier: '/t' } };
    // then the card shows the method and the start of the URL, then the variables it sets
    expect(http.summary(settings)).toEqual(['POST https://crm.example.com/customers/…', '→ name · → tier']);
  });

  it('shouldUseGetWhenNoMethodIsSet', () => {
    expect(http.summary({ url: 'https://x.example' })).toEqual(['GET https://x.example']);
    expect(http.summary({})).toEqual(['GET (no URL)']);
  });
});
