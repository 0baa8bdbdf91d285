/** ask: speech recognition into a transcript. Exits: recognized, noMatch, noInput, error (all fixed). */
import type { Ask, Grammar } from '../../generated/flow';
import { fixedExits, settle } from '../common/exits';
import { promptLine } from '../common/prompt';
import { filled, isRecord, list, loose, settingsOf, text } from '../common/read';
import { clip, lines } from '../common/text';
import type { NodeDefinition } from '../types';

/** What the recogniser listens for; without a grammar, free transcription (AskSettings.grammarOrDefault()). */
function listensFor(grammar: unknown): string {
  if (!isRecord(grammar)) return 'free speech';
  const g = loose<Grammar>(grammar);
  const builtin = text(g.builtin);
  if (builtin === 'digits') return 'digits';
  if (builtin === 'yesno') return 'yes or no';
  const phrases = list(g.phrases).length;
  if (phrases > 0) return `${phrases} phrase${phrases === 1 ? '' : 's'}`;
  const uri = filled(g.uri);
  if (uri !== undefined) return clip('grammar ' + uri);
  return 'free speech';
}

export const ask: NodeDefinition = {
  type: 'ask',
  glyph: '◎',
  exits: (_settings, fixed) => settle(fixedExits(fixed)),
  summary(settings) {
    const s = loose<Ask>(settings);
    const variable = filled(s.variable);
    return lines(promptLine(s.prompt), listensFor(s.grammar) + (variable === undefined ? '' : ` → ${variable}`));
  },
  initialSettings: () => settingsOf<Ask>({ prompt: { '*': { tts: 'How can I help you?' } } }),
};
