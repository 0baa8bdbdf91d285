/**
 * When a settings edit renames one exit (a menu option's exit, an intent, a condition case), the wire follows the
 * new name instead of being dropped: exactly one wired exit disappeared and exactly one new exit appeared.
 */
import type { CommandInterceptor } from '../CommandStack';
import type { FlowDocument, FlowNode } from '../../model/flow';
import type { UpdateSettings } from '../handlers/updateSettings';

export function keepRenamedExitWiring(exitsOf: (node: FlowNode) => string[]): CommandInterceptor {
  return {
    after: ['node.settings'],
    postExecute(_command, ctx, before: FlowDocument, after: FlowDocument, stack) {
      const { id } = ctx as UpdateSettings;
      const old = before.nodes.find((n) => n.id === id);
      const now = after.nodes.find((n) => n.id === id);
      if (!old || !now) return;
      const oldExits = exitsOf(old);
      const newExits = exitsOf(now);
      const gone = oldExits.filter((e) => !newExits.includes(e));
      const added = newExits.filter((e) => !oldExits.includes(e));
      if (gone.length !== 1 || added.length !== 1) return;
      const [from] = gone as [string];
      const [to] = added as [string];
      const target = now.exits?.[from];
      if (!target || now.exits?.[to]) return;
      stack.execute('exit.connect', { source: id, exit: from, target: null });
      stack.execute('exit.connect', { source: id, exit: to, target });
    },
  };
}
