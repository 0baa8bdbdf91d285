/**
 * A semantic diff made readable and turned into the canvas overlay: which nodes to mark added or changed, which
 * exits were rewired. Pure: the panel only renders what these return.
 */
import type { Overlay } from '../../store/editor';
import type { DiffAnswer, DiffChange, DiffExitChange, FlowDiffResult } from './historyTypes';

export type DiffOverlay = Extract<Overlay, { kind: 'diff' }>;

/** "v3", "draft", "latest": how a diff side reads. */
export function refLabel(ref: string): string {
  return /^\d+$/.test(ref) ? `v${ref}` : ref;
}

export function diffLabel(answer: Pick<DiffAnswer, 'from' | 'to'>): string {
  return `${refLabel(answer.from)} → ${refLabel(answer.to)}`;
}

/**
 * The overlay of a diff: nodes added and changed are marked on the canvas (which shows the draft), removed ones
 * are listed (the panel shows them), and each exit wired to a new target is highlighted. An exit that lost its
 * wire has no edge left to highlight.
 */
export function diffOverlay(answer: DiffAnswer): DiffOverlay {
  const { nodes } = answer.diff;
  return {
    kind: 'diff',
    label: diffLabel(answer),
    added: nodes.added.map((n) => n.id),
    removed: nodes.removed.map((n) => n.id),
    changed: nodes.changed.map((n) => n.id),
    rewired: nodes.changed.flatMap((n) => n.exits.filter((e) => e.new).map((e) => ({ source: n.id, exit: e.exit }))),
  };
}

/** One line that says how big the difference is. */
export function diffHeadline(diff: FlowDiffResult): string {
  if (diff.identical) return 'No differences.';
  const moved = diff.layout.length;
  const movedText = moved ? `${moved} ${moved === 1 ? 'node' : 'nodes'} moved on the canvas` : '';
  if (!diff.logicChanged) {
    const parts = [movedText, diff.nodes.reordered ? 'the node list was reordered' : ''].filter(Boolean);
    return `Nothing a caller notices changed${parts.length ? `: ${parts.join('; ')}` : ''}.`;
  }
  const { added, removed, changed } = diff.nodes;
  const nodeParts = [
    added.length ? `${added.length} added` : '',
    removed.length ? `${removed.length} removed` : '',
    changed.length ? `${changed.length} changed` : '',
  ].filter(Boolean);
  const total = added.length + removed.length + changed.length;
  const parts = [
    nodeParts.length ? `${total === 1 ? 'Node' : 'Nodes'}: ${nodeParts.join(', ')}` : '',
    diff.flow.length ? `${diff.flow.length} flow ${diff.flow.length === 1 ? 'setting' : 'settings'} changed` : '',
    movedText,
  ].filter(Boolean);
  return `${parts.join('; ')}.`;
}

/** A change as "maxTries: 3 → 5", "options/2: added {…}", "greeting: removed (was "Hi")". */
export function describeChange(change: DiffChange, strip = ''): string {
  const where = pathOf(change.pointer, strip);
  switch (change.op) {
    case 'add':
      return `${where}: added ${formatJson(change.new)}`;
    case 'remove':
      return `${where}: removed (was ${formatJson(change.old)})`;
    default:
      return `${where}: ${formatJson(change.old)} → ${formatJson(change.new)}`;
  }
}

/** A rewired exit as "timeout: retry → operator", with "not wired" for a side that had no wire. */
export function describeExitChange(e: DiffExitChange): string {
  return `${e.exit}: ${e.old ?? 'not wired'} → ${e.new ?? 'not wired'}`;
}

/** A JSON Pointer as a readable path: "/settings/options/1/digits" → "options/1/digits" (with strip "/settings"). */
export function pathOf(pointer: string, strip = ''): string {
  const rest = strip && (pointer === strip || pointer.startsWith(`${strip}/`)) ? pointer.slice(strip.length) : pointer;
  const path = rest.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')).join('/');
  return path || (strip ? strip.replace(/^\//, '') : '(the whole document)');
}

/** A JSON value in one short line: strings quoted, objects compact, cut at `max` characters. */
export function formatJson(value: unknown, max = 80): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A node's name in lists: its label with its id, or its id, with its type. */
export function nodeName(n: { id: string; label?: string | null; type?: string | null }): string {
  const name = n.label ? `${n.label} (${n.id})` : n.id;
  return n.type ? `${name} · ${n.type}` : name;
}
