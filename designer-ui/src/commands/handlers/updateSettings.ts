/** Replaces a node's settings with the properties panel's new value (the panel never edits the model itself). */
import type { CommandHandler } from '../CommandStack';
import type { Settings } from '../../model/flow';
import { requireNode, withNode } from '../doc';

export interface UpdateSettings {
  id: string;
  settings: Settings;
  previous?: Settings;
}

export const updateSettings: CommandHandler<UpdateSettings> = {
  canExecute(doc, ctx) {
    return doc.nodes.some((n) => n.id === ctx.id) ? true : `no node ${ctx.id}`;
  },
  execute(doc, ctx) {
    ctx.previous = requireNode(doc, ctx.id).settings as Settings;
    return withNode(doc, ctx.id, (n) => ({ ...n, settings: ctx.settings }));
  },
  revert(doc, ctx) {
    return withNode(doc, ctx.id, (n) => ({ ...n, settings: ctx.previous ?? {} }));
  },
};
