/** Files the node tests read: the flow schema the server validates with, and the project's example flows. */
import { readdirSync, readFileSync } from 'node:fs';
import type { FlowDocument } from '../../model/flow';

const SCHEMA = new URL('../../generated/flow.schema.json', import.meta.url);
const EXAMPLES = new URL('../../../../flows-examples/flows/', import.meta.url);

export function flowSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
}

/** The node types the schema knows: $defs/node/properties/type/enum. */
export function schemaNodeTypes(schema: Record<string, unknown>): string[] {
  const defs = schema.$defs as Record<string, { properties: { type: { enum: string[] } } }>;
  const node = defs.node;
  if (node === undefined) throw new Error('the flow schema has no $defs/node');
  return node.properties.type.enum;
}

/** Every example flow (flows-examples/flows/*.flow.json): valid, canonical, every wired exit taken by a test. */
export function exampleFlows(): { file: string; flow: FlowDocument }[] {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.flow.json'))
    .sort()
    .map((file) => ({ file, flow: JSON.parse(readFileSync(new URL(file, EXAMPLES), 'utf8')) as FlowDocument }));
}
