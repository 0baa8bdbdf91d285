/** Inserting variable references into template and expression text at the caret. */

/** The `{{name}}` placeholder of a variable in a template. */
export const placeholder = (name: string): string => `{{${name}}}`;

/**
 * The text with `token` replacing the selection [start, end) (clamped to the text), and where the caret goes after
 * it. An expression token gets a space before it when it would otherwise run into the previous word.
 */
export function insertToken(text: string, start: number, end: number, token: string): { text: string; caret: number } {
  const a = Math.max(0, Math.min(start, text.length));
  const b = Math.max(a, Math.min(end, text.length));
  const before = text.slice(0, a);
  const glue = !token.startsWith('{{') && /[\w.]$/.test(before) ? ' ' : '';
  const inserted = glue + token;
  return { text: before + inserted + text.slice(b), caret: a + inserted.length };
}

/** The variable names the text refers to as a whole placeholder `{{ name }}` (not inside larger expressions). */
export function placeholderNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)) if (m[1] && !out.includes(m[1])) out.push(m[1]);
  return out;
}
