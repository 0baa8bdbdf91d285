import { describe, expect, it } from 'vitest';
import { fixedOf } from '../testing/catalogue';
import { subflow } from '.';

describe('subflow', () => {
  it('shouldHaveNextAndError', () => {
    expect(subflow.exits({ flow: 'billing', version: 2 }, fixedOf('subflow'))).toEqual([
      { name: 'next', required: true },
      { name: 'error', required: false },
    ]);
  });

  it('shouldSummariseThePinnedFlowAndItsVariables', () => {
    // given a subflow pinned to version 2 with one input and two outputs
    const settings = { flow: 'billing', version: 2, inputs: { account: 'account' }, outputs: { paid: 'paid', total: 'amount' } };
    // then the card shows the flow, its version and the variables passed
    expect(subflow.summary(settings)).toEqual(['billing v2', '1 input · 2 outputs']);
    expect(subflow.summary({})).toEqual(['no flow']);
  });
});
