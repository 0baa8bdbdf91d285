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

/** The signed-in user (GET /api/auth/me). */
export interface Me {
  name: string;
  role: 'VIEWER' | 'EDITOR' | 'PUBLISHER' | 'ADMIN';
  roles?: string[];
}
