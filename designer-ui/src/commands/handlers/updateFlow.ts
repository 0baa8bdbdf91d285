/** Changes flow-level properties: name, description, languages, start and fallback nodes, variables. */
import type { CommandHandler } from '../CommandStack';
import type { FlowDocument } from '../../model/flow';

type FlowProps = Pick<FlowDocument, 'name' | 'description' | 'defaultLanguage' | 'languages' | 'start' | 'fallback' | 'variables'>;

export interface UpdateFlow {
  /** The properties to set; a key with the value undefined removes an optional property. */
  patch: Partial<FlowProps>;
  previous?: Partial<FlowProps>;
}

const KEYS: readonly (keyof FlowProps)[] = ['name', 'description', 'defaultLanguage', 'languages', 'start', 'fallback', 'variables'];

function apply(doc: FlowDocument, patch: Partial<FlowProps>): FlowDocument {
  const next = new Map<string, unknown>(Object.entries(doc));
  for (const k of KEYS) {
    if (!(k in patch)) continue;
    const v = patch[k];
    if (v === undefined) next.delete(k);
    else next.set(k, v);
  }
  return Object.fromEntries(next) as unknown as FlowDocument;
}

export const updateFlow: CommandHandler<UpdateFlow> = {
  canExecute(_doc, ctx) {
    return Object.keys(ctx.patch).length ? true : 'nothing to change';
  },
  execute(doc, ctx) {
    const previous: Partial<FlowProps> = {};
    const p = previous as Record<string, unknown>;
    for (const k of Object.keys(ctx.patch) as (keyof FlowProps)[]) p[k] = doc[k];
    ctx.previous = previous;
    return apply(doc, ctx.patch);
  },
  revert(doc, ctx) {
    return apply(doc, ctx.previous ?? {});
  },
};
