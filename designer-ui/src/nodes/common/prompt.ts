/** How a card shows a prompt (a version per language of an audio file, TTS text, a tone or a prompt name). */
import type { PromptVariant1 } from '../../generated/flow';
import { filled, isRecord, loose } from './read';
import { clip } from './text';

/**
 * The version a card shows: the one for every language (*), else the first one written. A card does not know the
 * flow's default language (NodeDefinition.summary gets only the settings), and a flow's prompts usually hold that
 * language first.
 */
export function shownVersion(versions: unknown): unknown {
  if (!isRecord(versions)) return undefined;
  if ('*' in versions) return versions['*'];
  return Object.values(versions)[0];
}

/** One line for a prompt: its TTS text, audio file, tone or prompt name; undefined when there is nothing yet. */
export function promptLine(prompt: unknown): string | undefined {
  const v = loose<PromptVariant1>(shownVersion(prompt));
  const tts = filled(v.tts);
  if (tts !== undefined) return clip(tts);
  const file = filled(v.file);
  if (file !== undefined) return clip('♪ ' + file);
  const tone = filled(v.tone);
  if (tone !== undefined) return clip('tone ' + tone);
  const ref = filled(v.ref);
  if (ref !== undefined) return clip('prompt ' + ref);
  return undefined;
}
