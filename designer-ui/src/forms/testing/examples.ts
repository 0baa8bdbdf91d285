/** The example flows of flows-examples/, read from disk for tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ExampleNode {
  file: string;
  id: string;
  type: string;
  settings: Record<string, unknown>;
}

const folder = fileURLToPath(new URL('../../../../flows-examples/flows/', import.meta.url));

export function exampleNodes(): ExampleNode[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.flow.json'))
    .sort()
    .flatMap((file) => {
      const flow = JSON.parse(readFileSync(folder + file, 'utf8')) as { nodes: { id: string; type: string; settings?: Record<string, unknown> }[] };
      return flow.nodes.map((n) => ({ file, id: n.id, type: n.type, settings: n.settings ?? {} }));
    });
}
