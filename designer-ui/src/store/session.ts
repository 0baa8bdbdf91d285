/**
 * What the designer loads once per login: who the user is, the node catalogue, the flow JSON Schema (the forms are
 * driven by it) and the environment's symbolic names for the pickers.
 */
import { api } from '../api/client';
import type { CatalogueEntry, Me } from '../api/types';
import type { NodeType, SymbolKind } from '../model/flow';

export type JsonSchema = Record<string, unknown>;
export type SymbolNames = Partial<Record<SymbolKind, { declared: boolean; names: string[] }>>;

export interface Session {
  me: Me;
  catalogue: CatalogueEntry[];
  byType: ReadonlyMap<NodeType, CatalogueEntry>;
  schema: JsonSchema;
  symbols: SymbolNames;
}

export async function loadSession(me: Me): Promise<Session> {
  const [catalogue, schema, environment] = await Promise.all([
    api.get<CatalogueEntry[]>('/api/catalogue'),
    api.get<JsonSchema>('/api/schema'),
    api.get<{ kinds?: SymbolNames }>('/api/environment').catch(() => ({ data: { kinds: {} } })),
  ]);
  return {
    me,
    catalogue: catalogue.data,
    byType: new Map(catalogue.data.map((c) => [c.type, c])),
    schema: typeof schema.data === 'string' ? (JSON.parse(schema.data) as JsonSchema) : schema.data,
    symbols: environment.data.kinds ?? {},
  };
}

/** The role's rank, so "at least an editor" reads plainly. */
export function atLeast(me: Me | undefined, role: Me['role']): boolean {
  const order: Me['role'][] = ['VIEWER', 'EDITOR', 'PUBLISHER', 'ADMIN'];
  return !!me && order.indexOf(me.role) >= order.indexOf(role);
}
