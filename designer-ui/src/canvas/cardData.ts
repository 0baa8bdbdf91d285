/** What one node card shows, computed from the flow, the issues and the overlay; pure, so it is tested apart. */
import type { ValidationIssue } from '../api/types';
import type { FlowNode } from '../model/flow';
import type { ExitInfo } from '../nodes/types';
import type { Overlay } from '../store/editor';

export type Mark = 'none' | 'visited' | 'current' | 'added' | 'changed';

export interface CardData extends Record<string, unknown> {
  node: FlowNode;
  glyph: string;
  summary: string[];
  exits: ExitInfo[];
  wired: Record<string, string | undefined>;
  start: boolean;
  errors: string[];
  warnings: string[];
  mark: Mark;
  /** 0..1 for the statistics heatmap; null when the overlay is not statistics. */
  heat: number | null;
  /** The figure shown on the card with the heatmap (entries). */
  figure: string | null;
  readOnly: boolean;
}

export function markOf(overlay: Overlay, id: string): Mark {
  switch (overlay.kind) {
    case 'sim':
      if (overlay.current === id) return 'current';
      return overlay.path.includes(id) ? 'visited' : 'none';
    case 'diff':
      if (overlay.added.includes(id)) return 'added';
      return overlay.changed.includes(id) ? 'changed' : 'none';
    default:
      return 'none';
  }
}

export function heatOf(overlay: Overlay, id: string): { heat: number | null; figure: string | null } {
  if (overlay.kind !== 'stats') return { heat: null, figure: null };
  const f = overlay.nodes[id];
  if (!f) return { heat: 0, figure: '0' };
  const heat = overlay.max > 0 ? f.entries / overlay.max : 0;
  const dwell = f.medianDwellMs != null ? ` · ${(f.medianDwellMs / 1000).toFixed(1)} s` : '';
  const drop = f.hangups ? ` · ${f.hangups} hung up` : '';
  return { heat, figure: `${f.entries} in${drop}${dwell}` };
}

/** The issues of one node, split by severity, as plain text lines. */
export function issueLines(issues: readonly ValidationIssue[]): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const i of issues) (i.severity.toLowerCase() === 'error' ? errors : warnings).push(i.message);
  return { errors, warnings };
}

/** A card colour for a heat from 0 (cold, pale) to 1 (hot, deep red-orange). */
export function heatColour(heat: number): string {
  const h = Math.max(0, Math.min(1, heat));
  const hue = 50 - 45 * h;
  const light = 93 - 28 * h;
  return `hsl(${hue.toFixed(0)} 90% ${light.toFixed(0)}%)`;
}
