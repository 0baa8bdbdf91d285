import { describe, expect, it } from 'vitest';
import { fixedOf } from '../testing/catalogue';
import { queue } from '.';

const names = (settings: Record<string, unknown>) => queue.exits(settings, fixedOf('queue')).map((e) => e.name);

describe('queue', () => {
  it('shouldHaveTheFixedExitsWithoutKeys', () => {
    // given a queue with neither a callback nor an exit key
    // then answered, timeout, noAgents, full and error
    expect(names({ queue: 'sales' })).toEqual(['answered', 'timeout', 'noAgents', 'full', 'error']);
  });

  it('shouldAddAbandonedWhenTheCallerMayLeave', () => {
    // given an exit key
    const exits = queue.exits({ queue: 'sales', exitDigit: '0' }, fixedOf('queue'));
    // then abandoned comes before error, and falls back to timeout when unwired
    expect(exits.map((e) => e.name)).toEqual(['answered', 'timeout', 'noAgents', 'full', 'abandoned', 'error']);
    expect(exits.find((e) => e.name === 'abandoned')).toEqual({ name: 'abandoned', required: false, otherwise: 'timeout' });
  });

  it('shouldAddARequiredCallbackWhenOffered', () => {
    // given a callback offer and an exit key
    const exits = queue.exits({ queue: 'sales', offerCallback: true, exitDigit: '9' }, fixedOf('queue'));
    // then callback must be wired, after abandoned
    expect(exits.map((e) => e.name)).toEqual(['answered', 'timeout', 'noAgents', 'full', 'abandoned', 'callback', 'error']);
    expect(exits.find((e) => e.name === 'callback')).toEqual({ name: 'callback', required: true });
    // and not when the offer is off
    expect(names({ queue: 'sales', offerCallback: false })).not.toContain('callback');
  });

  it('shouldSummariseTheQueueWaitAndKeys', () => {
    // given a queue with a callback on 1 and an exit on 0
    const summary = queue.summary({ queue: 'sales', maxWaitSeconds: 600, offerCallback: true, exitDigit: '0' });
    // then the card names the queue, the wait and the keys
    expect(summary).toEqual(['queue sales', 'wait up to 10 min', 'callback 1 · leave 0']);
    expect(queue.summary({})).toEqual(['no queue', 'wait up to 5 min']);
  });
});
