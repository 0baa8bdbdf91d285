/** The designer's commands by name, and a stack wired with them and their interceptors. */
import { CommandStack } from './CommandStack';
import type { CommandHandler } from './CommandStack';
import type { FlowDocument, FlowNode } from '../model/flow';
import { addNodes, type AddNodes } from './handlers/addNodes';
import { removeNodes, type RemoveNodes } from './handlers/removeNodes';
import { moveNodes, type MoveNodes } from './handlers/moveNodes';
import { connectExit, type ConnectExit } from './handlers/connectExit';
import { updateSettings, type UpdateSettings } from './handlers/updateSettings';
import { updateLabel, type UpdateLabel } from './handlers/updateLabel';
import { updateFlow, type UpdateFlow } from './handlers/updateFlow';
import { replaceFlow, type ReplaceFlow } from './handlers/replaceFlow';
import { keepRenamedExitWiring } from './interceptors/keepRenamedExitWiring';
import { dropStaleExits } from './interceptors/dropStaleExits';

/** Each command's name and the context it takes. */
export interface Commands {
  'nodes.add': AddNodes;
  'nodes.remove': RemoveNodes;
  'nodes.move': MoveNodes;
  'exit.connect': ConnectExit;
  'node.settings': UpdateSettings;
  'node.label': UpdateLabel;
  'flow.update': UpdateFlow;
  'flow.replace': ReplaceFlow;
}

export const handlers: { [K in keyof Commands]: CommandHandler<Commands[K]> } = {
  'nodes.add': addNodes,
  'nodes.remove': removeNodes,
  'nodes.move': moveNodes,
  'exit.connect': connectExit,
  'node.settings': updateSettings,
  'node.label': updateLabel,
  'flow.update': updateFlow,
  'flow.replace': replaceFlow,
};

/** A stack for one open flow. exitsOf tells a node's exit names (from the catalogue and its type's definition). */
export function createCommandStack(doc: FlowDocument, exitsOf: (node: FlowNode) => string[]): CommandStack {
  return new CommandStack(
    handlers as unknown as Record<string, CommandHandler<never>>,
    [keepRenamedExitWiring(exitsOf), dropStaleExits(exitsOf)],
    doc,
  );
}

export { CommandStack };
