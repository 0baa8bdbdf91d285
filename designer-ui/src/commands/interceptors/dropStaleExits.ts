/** After a settings edit removes exits (an option deleted), their wiring goes too: an exit never outlives its node. */
import type { CommandInterceptor } from '../CommandStack';
import type { FlowNode } from '../../model/flow';
import type { UpdateSettings } from '../handlers/updateSettings';

export function dropStaleExits(exitsOf: (node: FlowNode) => string[]): CommandInterceptor {
  return {
    after: ['node.settings'],
    postExecute(_command, ctx, _before, _after, stack) {
      const { id } = ctx as UpdateSettings;
      const node = stack.doc.nodes.find((n) => n.id === id);
      if (!node) return;
      const valid = new Set(exitsOf(node));
      for (const [exit, target] of Object.entries(node.exits ?? {})) {
        if (target && !valid.has(exit)) stack.execute('exit.connect', { source: id, exit, target: null });
      }
    },
  };
}
