/** conference: join a room. Exits: next, error (fixed). */
import type { Conference } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { filled, loose, settingsOf } from '../common/read';
import { clip, lines } from '../common/text';
import type { NodeDefinition } from '../types';

export const conference: NodeDefinition = {
  type: 'conference',
  glyph: '⚇',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  summary(settings) {
    const s = loose<Conference>(settings);
    const room = filled(s.room);
    const profile = filled(s.profile);
    return lines(
      room === undefined ? 'no room' : clip('room ' + room),
      profile !== undefined && clip('profile ' + profile),
      filled(s.pin) !== undefined && 'PIN required',
    );
  },
  initialSettings: () => settingsOf<Conference>({ room: 'conference' }),
};
