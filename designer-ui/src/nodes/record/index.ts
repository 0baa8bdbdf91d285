/** record: a beep, then record a message. Exits: next, noInput, error (fixed). */
import type { Record as RecordSettings } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { promptLine } from '../common/prompt';
import { bool, filled, loose, num, settingsOf } from '../common/read';
import { duration, lines } from '../common/text';
import type { NodeDefinition } from '../types';

export const record: NodeDefinition = {
  type: 'record',
  glyph: '●',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  summary(settings) {
    const s = loose<RecordSettings>(settings);
    const variable = filled(s.variable);
    // RecordSettings' defaults: a beep, at most 120 seconds.
    const limit = `up to ${duration(num(s.maxSeconds) ?? 120)}${bool(s.beep) === false ? ', no beep' : ''}`;
    return lines(promptLine(s.prompt), limit, variable !== undefined && '→ ' + variable);
  },
  initialSettings: () =>
    settingsOf<RecordSettings>({
      prompt: { '*': { tts: 'Please leave your message after the tone.' } },
      beep: true,
      maxSeconds: 120,
    }),
};
