/** echo: the caller hears themself, a line test. Exits: next, error (fixed). */
import type { Echo } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { loose, num, settingsOf } from '../common/read';
import { duration } from '../common/text';
import type { NodeDefinition } from '../types';

export const echo: NodeDefinition = {
  type: 'echo',
  glyph: '⟲',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  // Without a limit the echo runs 60 seconds (EchoSettings.maxSecondsOrDefault()).
  summary: (settings) => [`at most ${duration(num(loose<Echo>(settings).maxSeconds) ?? 60)}`],
  initialSettings: () => settingsOf<Echo>({ maxSeconds: 60 }),
};
