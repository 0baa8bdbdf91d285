/**
 * GET /api/flows/{flowId}/versions/{version}/stats?from=&to= as the server sends it (ivr-app calls.FlowStats):
 * per-node figures of one published version over a time range. Only nodes that calls reached are listed.
 */

/** Time in a node per visit, in milliseconds; median and p90 are exact up to the server's sample size. */
export interface Dwell {
  visits: number;
  medianMs: number | null;
  p90Ms: number | null;
  meanMs: number | null;
  exact: boolean;
}

export interface NodeStats {
  nodeType: string | null;
  entries: number;
  /** Times each exit was taken, by the exit the node chose. */
  exits: Record<string, number>;
  /** The same by the wired exit actually followed (an unwired optional exit falls back to another). */
  edges?: Record<string, number>;
  timeouts: number;
  invalid: number;
  hangups: number;
  /** Calls that ended in this node, whatever the reason. */
  ended: number;
  failures: number;
  fallbacks: number;
  dwell: Dwell | null;
}

export interface FlowStats {
  flowId: string;
  version: number;
  from: string | null;
  to: string | null;
  /** Calls with at least one event in this version in the range. */
  calls: number;
  /** Calls that started on this version in the range. */
  started: number;
  events: number;
  nodes: Record<string, NodeStats>;
}
