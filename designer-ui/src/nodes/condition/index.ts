/**
 * condition: the first true case wins. Exits (ConditionSettings.exits()): one per case, in order and required,
 * then the fixed else and error.
 */
import type { Case, Condition } from '../../generated/flow';
import { exit, fixedExits, settle } from '../common/exits';
import { filled, list, loose, settingsOf, text } from '../common/read';
import { clip, lines } from '../common/text';
import type { NodeDefinition } from '../types';

function cases(settings: unknown) {
  return list(loose<Condition>(settings).cases).map((c) => loose<Case>(c));
}

export const condition: NodeDefinition = {
  type: 'condition',
  glyph: '◇',
  exits(settings, fixed) {
    const added = cases(settings).flatMap((c) => {
      const name = text(c.exit);
      return name === undefined ? [] : [exit(name, true)];
    });
    return settle([...added, ...fixedExits(fixed)]);
  },
  summary(settings) {
    const all = cases(settings);
    const first = all[0];
    if (first === undefined) return ['no cases'];
    const when = filled(first.when) ?? '…';
    const name = filled(first.exit);
    return lines(
      clip(name === undefined ? when : `${name}: ${when}`),
      all.length > 1 && `+${all.length - 1} more case${all.length === 2 ? '' : 's'}`,
    );
  },
  initialSettings: () => settingsOf<Condition>({ cases: [{ exit: 'yes', when: 'call.callerNumber != ""' }] }),
};
