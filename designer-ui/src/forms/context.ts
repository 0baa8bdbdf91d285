/**
 * What a properties form needs from the rest of the designer: the schema, who is editing, the flow's names for
 * suggestions, the environment's symbols, and the node's wiring. The app builds one per selected node.
 */
import type { Settings, SymbolKind } from '../model/flow';
import type { JsonSchema } from './jsonSchema';

export type { JsonSchema } from './jsonSchema';

export interface FormContext {
  /** The whole flow schema (for $ref). */
  root: JsonSchema;
  /** Viewers: everything disabled. */
  readOnly: boolean;
  /** The flow's languages, default first. */
  languages: string[];
  /** Declared flow variables (for hints and the variable widget). */
  variables: string[];
  /** For nodeRef and menu option targets. */
  nodes: { id: string; label?: string; type: string }[];
  /** Other flow ids, for flowRef. */
  flows: string[];
  /** GET /api/environment. */
  symbols: Partial<Record<SymbolKind, { declared: boolean; names: string[] }>>;
  /** This node's wiring: exit name -> target node id. */
  exits: Record<string, string | undefined>;
  /** Wire/unwire an exit from a form (menu target column). */
  onWire: (exit: string, target: string | null) => void;
  /** POST /api/calendar/preview with {settings, at}; rejects with an ApiError carrying errors[{pointer, message}]. */
  previewCalendar: (settings: Settings, at: string) => Promise<CalendarPreview>;
}

export interface CalendarPreview {
  decision: 'open' | 'closed' | 'holiday';
  exit: string;
  reason: string;
  localTime: string;
}
