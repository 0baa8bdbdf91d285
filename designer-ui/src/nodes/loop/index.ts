/** loop: take body a number of times, then done. Exits: body, done (fixed). */
import type { Loop } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { filled, loose, num, settingsOf } from '../common/read';
import { clip, lines } from '../common/text';
import type { NodeDefinition } from '../types';

export const loop: NodeDefinition = {
  type: 'loop',
  glyph: '↻',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  summary(settings) {
    const s = loose<Loop>(settings);
    const times = num(s.times);
    const counter = filled(s.counter);
    return lines(
      times === undefined ? 'times not set' : `${times} time${times === 1 ? '' : 's'}`,
      counter !== undefined && clip('counter ' + counter),
    );
  },
  initialSettings: () => settingsOf<Loop>({ times: 3 }),
};
