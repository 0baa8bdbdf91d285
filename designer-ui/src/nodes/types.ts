/**
 * What the designer knows of one node type beyond the server's catalogue and schema: how its card looks, which
 * exits its settings add, and what a freshly dropped node holds. Each node type has a folder under src/nodes/
 * with a definition of this shape; src/nodes/registry.ts lists them all.
 */
import type { NodeType, Settings } from '../model/flow';
import type { CatalogueExit } from '../api/types';

/** One exit of a node as the canvas draws it: a handle of its own. */
export interface ExitInfo {
  name: string;
  /** A human label (a menu option's label, "1 · sales"); the name when absent. */
  label?: string;
  /** True when the flow is invalid with this exit unwired. */
  required: boolean;
  /** Where an unwired optional exit goes instead. */
  otherwise?: string;
}

export interface NodeDefinition {
  type: NodeType;
  /** A short symbol for the palette and the card (plain text, one or two characters). */
  glyph: string;
  /**
   * The node's exits with these settings, in the order the card shows them: the ones the settings add (menu options,
   * intents, condition cases, calendar ranges) and the catalogue's fixed ones. The same rules as the server's
   * NodeSettings.exits().
   */
  exits(settings: Settings, fixed: readonly CatalogueExit[]): ExitInfo[];
  /** The key settings for the card: at most three short lines of plain text (never HTML). */
  summary(settings: Settings): string[];
  /** The settings of a node just dropped from the palette. */
  initialSettings(): Settings;
}
