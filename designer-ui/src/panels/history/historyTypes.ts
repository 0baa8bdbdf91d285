/**
 * The version history API's shapes as the server sends them (ivr-app: FlowsController.DiffResponse, FlowDiff,
 * AuditEntry, RollbackResult). Fields the server leaves out when empty (`@JsonInclude(NON_NULL)`) are optional.
 */
import type { FlowSummary, VersionSummary } from '../../api/types';

/** One changed value, like JSON Patch: `pointer` is in the newer document for add/replace, the older for remove. */
export interface DiffChange {
  op: 'add' | 'remove' | 'replace';
  pointer: string;
  old?: unknown;
  new?: unknown;
}

export interface DiffNodeInfo {
  id: string;
  type?: string;
  label?: string;
  pointer?: string;
}

/** An exit wired differently; `old` or `new` is absent when it was not wired on that side. */
export interface DiffExitChange {
  exit: string;
  old?: string;
  new?: string;
}

export interface DiffNodeChange {
  id: string;
  type?: string;
  label?: string;
  fromPointer?: string;
  pointer?: string;
  /** The node's own fields other than settings and exits (/type, /label). */
  fields: DiffChange[];
  exits: DiffExitChange[];
  /** Pointers relative to the node: /settings/maxTries. */
  settings: DiffChange[];
}

export interface DiffMove {
  id: string;
  from?: { x: number; y: number };
  to?: { x: number; y: number };
}

export interface FlowDiffResult {
  identical: boolean;
  logicChanged: boolean;
  layoutChanged: boolean;
  flow: DiffChange[];
  nodes: { added: DiffNodeInfo[]; removed: DiffNodeInfo[]; changed: DiffNodeChange[]; reordered: boolean };
  layout: DiffMove[];
}

/** GET /api/flows/{id}/diff?from=&to= */
export interface DiffAnswer {
  flowId: string;
  /** As asked: a version number, "latest" or "draft". */
  from: string;
  to: string;
  diff: FlowDiffResult;
}

/** GET /api/flows/{id}/audit: newest first. */
export interface AuditEntry {
  at: string;
  action: 'publish' | 'rollback' | 'delete' | string;
  flowId: string;
  user: string;
  version?: number | null;
  fromVersion?: number | null;
  comment?: string | null;
  replacedDraftRevision?: number | null;
  /** The canonical JSON of a draft a rollback replaced, so that work can be recovered. */
  replacedDraft?: string | null;
}

/** POST /api/flows/{id}/rollback answers this (201). */
export interface RollbackResult {
  version: VersionSummary;
  rolledBackTo: number;
  draft: FlowSummary;
}
