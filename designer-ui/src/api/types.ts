/** The shapes of the app's API answers that the designer reads. */
import type { NodeType } from '../model/flow';

/** One exit a node type has whatever its settings (GET /api/catalogue). */
export interface CatalogueExit {
  name: string;
  required: boolean;
  /** Where an unwired optional exit goes instead (another exit's name). */
  otherwise?: string;
  description: string;
}

/** One node type of the catalogue (GET /api/catalogue). */
export interface CatalogueEntry {
  type: NodeType;
  /** "Audio and input", "Logic", "Time" or "Call": the palette group. */
  category: string;
  description: string;
  /** A JSON Pointer-ish reference into the flow schema: "#/$defs/menuSettings". */
  settingsSchema: string;
  fixedExits: CatalogueExit[];
}

/** One validator finding (POST /api/flows/{id}/validate, /api/validate). */
export interface ValidationIssue {
  code: string;
  severity: 'error' | 'warning' | 'ERROR' | 'WARNING';
  nodeId?: string | null;
  exit?: string | null;
  message: string;
  pointer?: string | null;
}

export interface ValidationResult {
  valid: boolean;
  errors?: number;
  warnings?: number;
  issues: ValidationIssue[];
}

/** The signed-in user as GET /api/auth/me and POST /api/auth/login answer. */
export interface MeReply {
  username: string;
  roles: string[];
  effectiveRoles?: string[];
}

export type Role = 'VIEWER' | 'EDITOR' | 'PUBLISHER' | 'ADMIN';

/** The signed-in user with their highest role. */
export interface Me {
  name: string;
  role: Role;
}

const ORDER: Role[] = ['VIEWER', 'EDITOR', 'PUBLISHER', 'ADMIN'];

export function meOf(reply: MeReply): Me {
  const roles = [...(reply.effectiveRoles ?? []), ...reply.roles].map((r) => r.toUpperCase());
  const role = [...ORDER].reverse().find((r) => roles.includes(r)) ?? 'VIEWER';
  return { name: reply.username, role };
}

export interface FlowSummary {
  id: string;
  name: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  published?: VersionSummary | null;
}

export interface VersionSummary {
  flowId: string;
  version: number;
  name: string;
  comment: string;
  publishedAt: string;
  publishedBy: string;
}

export interface SaveResult {
  id: string;
  name: string;
  revision: number;
  updatedAt: string;
  updatedBy: string;
  status: 'created' | 'updated' | 'unchanged' | string;
  validation: ValidationResult;
}

export interface PublishResult {
  version: VersionSummary;
  validation: ValidationResult;
}
