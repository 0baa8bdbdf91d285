/** say: text to speech, one text per language. Exits: next, error (fixed). */
import type { Say } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { shownVersion } from '../common/prompt';
import { bool, filled, loose, settingsOf } from '../common/read';
import { clip, lines } from '../common/text';
import type { NodeDefinition } from '../types';

export const say: NodeDefinition = {
  type: 'say',
  glyph: '❝',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  summary(settings) {
    const s = loose<Say>(settings);
    const spoken = filled(shownVersion(s.text));
    const voice = filled(s.voice);
    return lines(
      spoken !== undefined && clip(spoken),
      voice !== undefined && clip('voice ' + voice),
      bool(s.bargeIn) === true && 'barge-in',
    );
  },
  initialSettings: () => settingsOf<Say>({ text: { '*': 'Hello' } }),
};
