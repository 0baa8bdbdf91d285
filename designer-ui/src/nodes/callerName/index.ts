/** callerName: set the caller name agents see. Exits: next, error (fixed). */
import type { CallerName } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { filled, loose, settingsOf } from '../common/read';
import { clip } from '../common/text';
import type { NodeDefinition } from '../types';

export const callerName: NodeDefinition = {
  type: 'callerName',
  glyph: '☏',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  summary(settings) {
    const name = filled(loose<CallerName>(settings).name);
    return [name === undefined ? 'no name' : clip(name)];
  },
  initialSettings: () => settingsOf<CallerName>({ name: 'Caller {{call.callerNumber}}' }),
};
