/**
 * The server validator's issues shown beside the fields they point at. Its pointers are into the flow document
 * ("/nodes/3/settings/options/1/digits"); the form's are within the settings ("/options/1/digits").
 */
import type { Hints } from './listHints';

export interface PointedIssue {
  pointer?: string | null;
  message: string;
  severity: string;
}

/** The issues under `prefix` (such as "/nodes/3/settings"), as hints keyed by pointer within the settings. */
export function settingsHints(issues: readonly PointedIssue[], prefix: string): Hints {
  const out: Hints = {};
  for (const issue of issues) {
    const p = issue.pointer;
    if (!p || (p !== prefix && !p.startsWith(`${prefix}/`))) continue;
    const within = p.slice(prefix.length);
    (out[within] ??= []).push({ message: issue.message, level: issue.severity.toLowerCase() === 'warning' ? 'warning' : 'error' });
  }
  return out;
}
