import { describe, expect, it } from 'vitest';
import { fixedOf } from '../testing/catalogue';
import { condition } from '.';

describe('condition', () => {
  it('shouldListTheCasesThenElseAndError', () => {
    // given two cases
    const settings = { cases: [{ exit: 'vip', when: 'tier == "gold"' }, { exit: 'known', when: 'account != ""' }] };
    // when the exits are listed
    // then the cases come in order, required, then else and error
    expect(condition.exits(settings, fixedOf('condition'))).toEqual([
      { name: 'vip', required: true },
      { name: 'known', required: true },
      { name: 'else', required: true },
      { name: 'error', required: false },
    ]);
  });

  it('shouldSummariseTheFirstCase', () => {
    // given three cases
    const settings = { cases: [{ exit: 'vip', when: 'tier == "gold"' }, { exit: 'b', when: 'x' }, { exit: 'c', when: 'y' }] };
    // then the card shows the first one and how many more there are
    expect(condition.summary(settings)).toEqual(['vip: tier == "gold"', '+2 more cases']);
    expect(condition.summary({ cases: [{ exit: 'vip', when: 'tier == "gold"' }, { when: 'x' }] })[1]).toBe('+1 more case');
  });

  it('shouldCutALongExpression', () => {
    // given a long expression
    const [line] = condition.summary({ cases: [{ exit: 'x', when: 'a == 1 && b == 2 && c == 3 && d == 4 && e == 5' }] });
    // then the card line is cut with an ellipsis
    expect(line).toBe('x: a == 1 && b == 2 && c == 3 && d == 4…');
  });

  it('shouldSayWhenThereAreNoCases', () => {
    expect(condition.summary({})).toEqual(['no cases']);
    expect(condition.exits({ cases: 'oops' }, fixedOf('condition')).map((e) => e.name)).toEqual(['else', 'error']);
  });
});
