/** voicemail: the caller leaves a message in a mailbox. Exits: next, error (fixed). */
import type { Voicemail } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { bool, filled, loose, settingsOf } from '../common/read';
import { clip, lines } from '../common/text';
import type { NodeDefinition } from '../types';

export const voicemail: NodeDefinition = {
  type: 'voicemail',
  glyph: '✉',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  summary(settings) {
    const s = loose<Voicemail>(settings);
    const mailbox = filled(s.mailbox);
    return lines(
      mailbox === undefined ? 'no mailbox' : clip('mailbox ' + mailbox),
      bool(s.skipGreeting) === true && 'no greeting',
    );
  },
  initialSettings: () => settingsOf<Voicemail>({ mailbox: 'general' }),
};
