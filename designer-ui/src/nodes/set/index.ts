/** set: assign variables in order. Exits: next, error (fixed). */
import type { Assignment, Set as SetSettings } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { filled, list, loose, settingsOf } from '../common/read';
import { clip } from '../common/text';
import type { NodeDefinition } from '../types';

export const set: NodeDefinition = {
  type: 'set',
  glyph: '≔',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  summary(settings) {
    const shown = list(loose<SetSettings>(settings).assign).map((a) => {
      const s = loose<Assignment>(a);
      return clip(`${filled(s.variable) ?? '…'} = ${filled(s.value) ?? '…'}`);
    });
    if (shown.length === 0) return ['nothing to assign'];
    return shown.length <= 3 ? shown : [...shown.slice(0, 2), `+${shown.length - 2} more`];
  },
  initialSettings: () => settingsOf<SetSettings>({ assign: [{ variable: 'result', value: '""' }] }),
};
