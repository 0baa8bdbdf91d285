import { describe, expect, it } from 'vitest';
import { fixedOf } from '../testing/catalogue';
import { transfer } from '.';

describe('transfer', () => {
  it('shouldOfferAnsweredBusyNoAnswerAndFailedWhenBridging', () => {
    // given a bridge transfer (the default mode)
    // then the four outcomes of a call, busy and noAnswer falling back to failed
    expect(transfer.exits({ to: '+33123456789', gateway: 'carrier' }, fixedOf('transfer'))).toEqual([
      { name: 'answered', required: true },
      { name: 'busy', required: false, otherwise: 'failed' },
      { name: 'noAnswer', required: false, otherwise: 'failed' },
      { name: 'failed', required: true },
    ]);
  });

  it('shouldOfferOnlyFailedForABlindTransfer', () => {
    // given a blind transfer, which leaves the flow for good
    const exits = transfer.exits({ mode: 'blind', to: '5000' }, fixedOf('transfer'));
    // then only the failure comes back
    expect(exits).toEqual([{ name: 'failed', required: true }]);
  });

  it('shouldSummariseTheTarget', () => {
    // given transfers of each kind
    // then the card shows where the call goes and how
    expect(transfer.summary({ to: '+33123456789', gateway: 'carrier' })).toEqual(['→ +33123456789', 'number via carrier']);
    expect(transfer.summary({ to: 'sip:desk@example.com', kind: 'sip' })).toEqual(['→ sip:desk@example.com', 'SIP']);
    expect(transfer.summary({ mode: 'blind', to: '5000' })).toEqual(['blind → 5000', 'context default']);
    expect(transfer.summary({ kind: 'user' })).toEqual(['→ …', 'user']);
  });
});
