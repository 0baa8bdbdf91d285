/** wait: pause for a number of seconds. Exits: next (fixed). */
import type { Wait } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { loose, num, settingsOf } from '../common/read';
import { duration } from '../common/text';
import type { NodeDefinition } from '../types';

export const wait: NodeDefinition = {
  type: 'wait',
  glyph: '◔',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  summary(settings) {
    const seconds = num(loose<Wait>(settings).seconds);
    return [seconds === undefined ? 'seconds not set' : duration(seconds)];
  },
  initialSettings: () => settingsOf<Wait>({ seconds: 2 }),
};
