/** input: collect digits into a variable. Exits: next, timeout, invalid, failure, error (all fixed). */
import type { Input } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { promptLine } from '../common/prompt';
import { filled, loose, num, settingsOf, text, type Loose } from '../common/read';
import { clip, lines } from '../common/text';
import type { NodeDefinition } from '../types';

/** "4 digits", "1-16 digits, end #": the defaults are InputSettings' (1, 16, #). */
function entry(s: Loose<Input>): string {
  const min = num(s.minLength) ?? 1;
  const max = num(s.maxLength) ?? 16;
  const count = min === max ? `${min} digit${min === 1 ? '' : 's'}` : `${min}-${max} digits`;
  const terminator = text(s.terminator) ?? '#';
  return terminator === '' ? count : `${count}, end ${terminator}`;
}

export const input: NodeDefinition = {
  type: 'input',
  glyph: '⌨',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  summary(settings) {
    const s = loose<Input>(settings);
    const variable = filled(s.variable);
    const pattern = filled(s.pattern);
    return lines(
      variable === undefined ? promptLine(s.prompt) : clip('→ ' + variable),
      entry(s),
      pattern !== undefined && clip('pattern ' + pattern),
    );
  },
  initialSettings: () =>
    settingsOf<Input>({
      prompt: { '*': { tts: 'Please enter your number, then press the hash key.' } },
      variable: 'digits',
      minLength: 1,
      maxLength: 16,
    }),
};
