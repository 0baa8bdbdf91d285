/** play: an audio file, URL or tone, optionally stopped by a key. Exits: next, error (fixed). */
import type { Play } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { promptLine } from '../common/prompt';
import { bool, loose, settingsOf } from '../common/read';
import { lines } from '../common/text';
import type { NodeDefinition } from '../types';

export const play: NodeDefinition = {
  type: 'play',
  glyph: '▶',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  summary(settings) {
    const s = loose<Play>(settings);
    return lines(promptLine(s.prompt), bool(s.bargeIn) === true && 'barge-in');
  },
  initialSettings: () => settingsOf<Play>({ prompt: { '*': { file: 'ivr/ivr-welcome.wav' } } }),
};
