/** Auto-layout with elkjs (layered, top to bottom), in the browser's main thread: a flow is at most 10,000 nodes. */
import type { FlowDocument, Position } from '../model/flow';

type Elk = import('elkjs/lib/elk-api').ELK;
let elk: Promise<Elk> | undefined;

/**
 * elkjs runs in a web worker, so a 1,000-node layout (about 2.5 s) never freezes the page; it is loaded the first
 * time a layout is asked for (1.4 MB), not with the designer. Where workers are missing (tests), it runs inline.
 */
function loadElk(): Promise<Elk> {
  elk ??= (typeof Worker === 'undefined'
    ? import('elkjs/lib/elk.bundled.js').then((m) => new m.default())
    : Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')])
      .then(([api, worker]) => new api.default({ workerUrl: worker.default })));
  return elk;
}

export const CARD_WIDTH = 220;
export const CARD_HEIGHT = 120;

/** New positions for every node, exits ordered as on the cards so wires cross less. */
export async function autoLayout(doc: FlowDocument, sizes: ReadonlyMap<string, { width: number; height: number }>): Promise<Record<string, Position>> {
  const ids = new Set(doc.nodes.map((n) => n.id));
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '40',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: doc.nodes.map((n) => ({ id: n.id, width: sizes.get(n.id)?.width ?? CARD_WIDTH, height: sizes.get(n.id)?.height ?? CARD_HEIGHT })),
    edges: doc.nodes.flatMap((n) =>
      Object.entries(n.exits ?? {})
        .filter((e): e is [string, string] => !!e[1] && ids.has(e[1]))
        .map(([exit, target]) => ({ id: `${n.id}|${exit}`, sources: [n.id], targets: [target] })),
    ),
  };
  const out = await (await loadElk()).layout(graph);
  const positions: Record<string, Position> = {};
  for (const c of out.children ?? []) positions[c.id] = { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
  return positions;
}

/** Where a node without a layout entry goes: a grid, so an imported flow without layout is still readable. */
export function defaultPosition(index: number): Position {
  return { x: (index % 6) * (CARD_WIDTH + 40), y: Math.floor(index / 6) * (CARD_HEIGHT + 80) };
}
