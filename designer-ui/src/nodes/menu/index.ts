/**
 * menu: a prompt, then a choice by keys or speech. Exits (MenuSettings.exits()): one per option, in option order
 * and required, then the fixed timeout, invalid, failure and error.
 */
import type { Menu, Option } from '../../generated/flow';
import { exit, fixedExits, settle } from '../common/exits';
import { promptLine } from '../common/prompt';
import { bool, filled, list, loose, settingsOf, text, type Loose } from '../common/read';
import { pack } from '../common/text';
import type { ExitInfo, NodeDefinition } from '../types';

/** How a card names an option: its keys, or its first phrase in quotes when it has no keys. */
function choice(option: Loose<Option>): string | undefined {
  const digits = filled(option.digits);
  if (digits !== undefined) return digits;
  const phrase = filled(list(option.phrases)[0]);
  return phrase === undefined ? undefined : `“${phrase}”`;
}

function options(settings: unknown) {
  return list(loose<Menu>(settings).options).map((o) => loose<Option>(o));
}

/** Speech is on when asked for, or by default when any option has phrases (MenuSettings.speechEnabled()). */
function speechEnabled(settings: unknown): boolean {
  const speech = bool(loose<Menu>(settings).speech);
  if (speech !== undefined) return speech;
  return options(settings).some((o) => list(o.phrases).length > 0);
}

export const menu: NodeDefinition = {
  type: 'menu',
  glyph: '☰',
  exits(settings, fixed) {
    const added: ExitInfo[] = [];
    for (const o of options(settings)) {
      const name = text(o.exit);
      if (name === undefined) continue;
      const shown = filled(o.label) ?? name;
      const key = choice(o);
      added.push(exit(name, true, undefined, key === undefined ? shown : `${key} · ${shown}`));
    }
    return settle([...added, ...fixedExits(fixed)]);
  },
  summary(settings) {
    const items = options(settings).flatMap((o) => {
      const name = filled(o.label) ?? filled(o.exit);
      const key = choice(o);
      if (name === undefined) return key === undefined ? [] : [key];
      return [key === undefined ? name : `${key} ${name}`];
    });
    const shown = items.length > 0 ? pack(items, 2) : [promptLine(loose<Menu>(settings).prompt) ?? 'no options'];
    return speechEnabled(settings) ? [...shown, 'keys or speech'] : shown;
  },
  initialSettings: () =>
    settingsOf<Menu>({
      prompt: { '*': { tts: 'For option one, press 1. For option two, press 2.' } },
      options: [
        { exit: 'option1', digits: '1', label: 'Option one' },
        { exit: 'option2', digits: '2', label: 'Option two' },
      ],
    }),
};
