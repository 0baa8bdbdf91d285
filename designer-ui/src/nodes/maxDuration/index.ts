/** maxDuration: hang up the call a number of seconds from now. Exits: next, error (fixed). */
import type { MaximumDuration } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { loose, num, settingsOf } from '../common/read';
import { duration } from '../common/text';
import type { NodeDefinition } from '../types';

export const maxDuration: NodeDefinition = {
  type: 'maxDuration',
  glyph: '◷',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  summary(settings) {
    const seconds = num(loose<MaximumDuration>(settings).seconds);
    return [seconds === undefined ? 'limit not set' : `call ends after ${duration(seconds)}`];
  },
  initialSettings: () => settingsOf<MaximumDuration>({ seconds: 3600 }),
};
