/**
 * intent: an LLM classifies a transcript into one of the declared intents. Exits (IntentSettings.exits()): one per
 * intent, in order and required, then the fixed fallback and error.
 */
import type { Intent, Intent1 } from '../../generated/flow';
import { exit, fixedExits, settle } from '../common/exits';
import { filled, list, loose, num, settingsOf, text } from '../common/read';
import { lines, pack } from '../common/text';
import type { NodeDefinition } from '../types';

function intentNames(settings: unknown): string[] {
  return list(loose<Intent>(settings).intents).flatMap((i) => {
    const name = text(loose<Intent1>(i).name);
    return name === undefined ? [] : [name];
  });
}

export const intent: NodeDefinition = {
  type: 'intent',
  glyph: '✦',
  exits: (settings, fixed) => settle([...intentNames(settings).map((n) => exit(n, true)), ...fixedExits(fixed)]),
  summary(settings) {
    const s = loose<Intent>(settings);
    const names = intentNames(settings).filter((n) => filled(n) !== undefined);
    const threshold = num(s.acceptThreshold);
    return lines(
      ...(names.length > 0 ? pack(names, 2) : ['no intents']),
      threshold !== undefined && `accept at ${threshold}`,
    );
  },
  initialSettings: () =>
    settingsOf<Intent>({
      intents: [
        {
          name: 'billing',
          description: 'The caller has a question about a bill, an invoice or a payment.',
          examples: ['I have a question about my bill', 'I want to pay my invoice'],
        },
        {
          name: 'support',
          description: 'The caller needs help with a product or an order.',
          examples: ['My order has not arrived', 'Something is not working'],
        },
      ],
    }),
};
