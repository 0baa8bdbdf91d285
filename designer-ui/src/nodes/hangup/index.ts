/** hangup: end the call with a cause. No exits (HangupSettings.exits() is empty). */
import type { HangUp } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { filled, loose, settingsOf } from '../common/read';
import type { NodeDefinition } from '../types';

export const hangup: NodeDefinition = {
  type: 'hangup',
  glyph: '✆',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  // Without a cause the call ends normally (HangupSettings.causeOrDefault()).
  summary: (settings) => [filled(loose<HangUp>(settings).cause) ?? 'normal'],
  initialSettings: () => settingsOf<HangUp>({ cause: 'normal' }),
};
