/**
 * The catalogue's fixed exits per node type, as GET /api/catalogue serves them: CatalogueController.fixedExits(),
 * that is NodeKinds.emptySettings(type).exits() of the Java node settings
 * (flow-runtime/src/main/java/dev/ivrflow/flow/nodes/<type>/*Settings.java, goto in nodes/gotonode).
 * fixedExits.json was written by calling exactly that for every NodeType on flow-runtime compiled from those
 * sources, and checked against them by reading; write it again when a node type's exit rules change, so the tests
 * here keep the designer honest without a running server.
 */
import type { CatalogueExit } from '../../api/types';
import type { NodeType } from '../../model/flow';
import fixture from './fixedExits.json';

const fixedByType = fixture as Record<string, CatalogueExit[] | undefined>;

export function fixedOf(type: NodeType): CatalogueExit[] {
  return fixedByType[type] ?? [];
}

export function fixtureTypes(): string[] {
  return Object.keys(fixedByType);
}
