/** Replaces the whole document (an import into the open flow, a version loaded for editing): undoable too. */
import type { CommandHandler } from '../CommandStack';
import type { FlowDocument } from '../../model/flow';

export interface ReplaceFlow {
  doc: FlowDocument;
  previous?: FlowDocument;
}

export const replaceFlow: CommandHandler<ReplaceFlow> = {
  canExecute(doc, ctx) {
    return ctx.doc.id === doc.id ? true : `the document is flow ${ctx.doc.id}, not ${doc.id}`;
  },
  execute(doc, ctx) {
    ctx.previous = doc;
    return ctx.doc;
  },
  revert(doc, ctx) {
    return ctx.previous ?? doc;
  },
};
