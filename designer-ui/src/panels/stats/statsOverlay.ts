/**
 * Per-node statistics turned into the canvas heatmap (each node's figures and the busiest node's entries, which
 * the canvas divides by) and into the panel's table rows. Pure.
 */
import type { NodeFigures, Overlay } from '../../store/editor';
import type { FlowStats, NodeStats } from './statsTypes';

export type StatsOverlay = Extract<Overlay, { kind: 'stats' }>;

/**
 * The heatmap. Exit counts are by the wired exit followed, since those are the arrows on the canvas (an unwired
 * timeout that fell back to failure counts on the failure arrow).
 */
export function statsOverlay(stats: FlowStats, label: string): StatsOverlay {
  const nodes: Record<string, NodeFigures> = {};
  let max = 0;
  for (const [id, n] of Object.entries(stats.nodes)) {
    nodes[id] = {
      entries: n.entries, exits: { ...(n.edges ?? n.exits) }, hangups: n.hangups, timeouts: n.timeouts, invalid: n.invalid,
      medianDwellMs: n.dwell?.medianMs ?? null,
    };
    max = Math.max(max, n.entries);
  }
  return { kind: 'stats', label, nodes, max };
}

export interface StatsRow {
  id: string;
  /** The node's label in the open draft, when it has one there. */
  label: string | null;
  type: string | null;
  entries: number;
  /** Entries relative to the busiest node, 0..1. */
  share: number;
  /** By the exit the node chose, busiest first. */
  exits: [string, number][];
  hangups: number;
  timeouts: number;
  invalid: number;
  failures: number;
  ended: number;
  medianMs: number | null;
  p90Ms: number | null;
  visits: number;
  exact: boolean;
}

/** The table: busiest nodes first, then by id. */
export function statsRows(stats: FlowStats, labelOf: (id: string) => string | null | undefined): StatsRow[] {
  const entries = Object.entries(stats.nodes);
  const max = entries.reduce((m, [, n]) => Math.max(m, n.entries), 0);
  return entries
    .map(([id, n]) => row(id, n, max, labelOf(id) ?? null))
    .sort((a, b) => b.entries - a.entries || a.id.localeCompare(b.id));
}

function row(id: string, n: NodeStats, max: number, label: string | null): StatsRow {
  return {
    id, label, type: n.nodeType, entries: n.entries, share: max > 0 ? n.entries / max : 0,
    exits: Object.entries(n.exits).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)),
    hangups: n.hangups, timeouts: n.timeouts, invalid: n.invalid, failures: n.failures, ended: n.ended,
    medianMs: n.dwell?.medianMs ?? null, p90Ms: n.dwell?.p90Ms ?? null, visits: n.dwell?.visits ?? 0, exact: n.dwell?.exact ?? true,
  };
}

/** No call touched this version in the range. */
export function isEmpty(stats: FlowStats): boolean {
  return stats.calls === 0 || Object.keys(stats.nodes).length === 0;
}

/** "—", "850 ms", "12.4 s", "3 min 5 s". */
export function formatDwell(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const min = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return s ? `${min} min ${s} s` : `${min} min`;
}

/** A count with a share of the node's entries: "12 (30%)"; empty for zero. */
export function countOf(n: number, entries: number): string {
  if (!n) return '';
  return entries > 0 ? `${n} (${Math.round((n / entries) * 100)}%)` : String(n);
}
