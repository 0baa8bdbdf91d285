/** http: call a web API and map its JSON answer into variables. Exits: ok, error, timeout (fixed). */
import type { HTTPRequest } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { filled, isRecord, loose, settingsOf } from '../common/read';
import { clip, lines, pack } from '../common/text';
import type { NodeDefinition } from '../types';

export const http: NodeDefinition = {
  type: 'http',
  glyph: '⇅',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  summary(settings) {
    const s = loose<HTTPRequest>(settings);
    const method = filled(s.method) ?? 'GET';
    const url = filled(s.url);
    const mapped = isRecord(s.map) ? Object.keys(s.map) : [];
    return lines(
      clip(url === undefined ? `${method} (no URL)` : `${method} ${url}`),
      mapped.length > 0 && pack(mapped.map((v) => '→ ' + v), 1)[0],
    );
  },
  initialSettings: () =>
    settingsOf<HTTPRequest>({
      method: 'GET',
      url: 'https://crm.example.com/customers?phone={{call.callerNumber}}',
      timeoutMs: 3000,
    }),
};
