/**
 * transfer: bridge the call to a number, SIP URI or user, or hand it to a dialplan extension. Exits
 * (TransferSettings.exits()): in bridge mode (the default) the fixed answered, busy, noAnswer and failed; in blind
 * mode only failed, since a blind transfer never comes back to the flow.
 */
import type { Transfer } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { filled, loose, settingsOf, text } from '../common/read';
import { clip, lines } from '../common/text';
import type { NodeDefinition } from '../types';

export const transfer: NodeDefinition = {
  type: 'transfer',
  glyph: '⇄',
  exits(settings, fixed) {
    const all = fixedExits(fixed);
    const blind = text(loose<Transfer>(settings).mode) === 'blind';
    return settle(blind ? all.filter((e) => e.name === 'failed') : all);
  },
  summary(settings) {
    const s = loose<Transfer>(settings);
    const to = filled(s.to) ?? '…';
    if (text(s.mode) === 'blind') {
      return lines(clip('blind → ' + to), clip('context ' + (filled(s.context) ?? 'default')));
    }
    const kind = filled(s.kind) ?? 'number';
    const gateway = filled(s.gateway);
    const how = kind === 'number' ? (gateway === undefined ? 'number' : `number via ${gateway}`) : kind === 'sip' ? 'SIP' : kind;
    return lines(clip('→ ' + to), clip(how));
  },
  // A local user (FreeSWITCH's default directory has 1000-1019) rings without a gateway to configure first.
  initialSettings: () => settingsOf<Transfer>({ mode: 'bridge', kind: 'user', to: '1000', timeoutSeconds: 30 }),
};
