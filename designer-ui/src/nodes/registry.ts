/** Every node type's definition, by type: what the palette, the canvas and the forms ask about a node type. */
import type { NodeType } from '../model/flow';
import { ask } from './ask';
import { calendar } from './calendar';
import { callerName } from './callerName';
import { condition } from './condition';
import { conference } from './conference';
import { echo } from './echo';
import { goto } from './goto';
import { hangup } from './hangup';
import { http } from './http';
import { input } from './input';
import { intent } from './intent';
import { loop } from './loop';
import { maxDuration } from './maxDuration';
import { menu } from './menu';
import { play } from './play';
import { queue } from './queue';
import { record } from './record';
import { say } from './say';
import { set } from './set';
import { subflow } from './subflow';
import { transfer } from './transfer';
import { voicemail } from './voicemail';
import { wait } from './wait';
import type { NodeDefinition } from './types';

/** In the catalogue's order (DESIGN.md): audio and input, logic, time, call. */
export const nodeDefinitions: Record<NodeType, NodeDefinition> = {
  play,
  say,
  menu,
  input,
  ask,
  intent,
  condition,
  set,
  loop,
  goto,
  subflow,
  http,
  wait,
  calendar,
  transfer,
  queue,
  voicemail,
  record,
  conference,
  hangup,
  callerName,
  maxDuration,
  echo,
};

export function definitionOf(type: NodeType): NodeDefinition {
  return nodeDefinitions[type];
}

/** For a type read from a document or an API answer, which may name a type this designer does not know. */
export function isNodeType(type: string): type is NodeType {
  return Object.hasOwn(nodeDefinitions, type);
}
