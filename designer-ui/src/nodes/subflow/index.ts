/** subflow: run a pinned version of another flow, then return. Exits: next, error (fixed). */
import type { Subflow } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { filled, isRecord, loose, num, settingsOf } from '../common/read';
import { clip, lines } from '../common/text';
import type { NodeDefinition } from '../types';

function count(map: unknown, what: string): string | undefined {
  const n = isRecord(map) ? Object.keys(map).length : 0;
  return n === 0 ? undefined : `${n} ${what}${n === 1 ? '' : 's'}`;
}

export const subflow: NodeDefinition = {
  type: 'subflow',
  glyph: '⤵',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  summary(settings) {
    const s = loose<Subflow>(settings);
    const flow = filled(s.flow);
    const version = num(s.version);
    const io = [count(s.inputs, 'input'), count(s.outputs, 'output')].filter((v) => v !== undefined).join(' · ');
    return lines(
      flow === undefined ? 'no flow' : clip(version === undefined ? flow : `${flow} v${version}`),
      io,
    );
  },
  initialSettings: () => settingsOf<Subflow>({ flow: 'my-subflow', version: 1 }),
};
