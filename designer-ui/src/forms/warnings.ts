/**
 * Warnings that need the flow and its environment rather than the schema: a symbol the environment does not declare,
 * a variable the flow does not declare, a node or flow that is not there. The value may still be right (a symbol
 * without a binding is used as it is), so these never block anything.
 */
import type { FormContext } from './context';
import type { FieldDescriptor } from './mapping';
import { placeholderNames } from './template';

const SYMBOL_WORDS: Record<string, string> = {
  queue: 'queue',
  gateway: 'gateway',
  prompt: 'prompt',
  calendar: 'calendar',
  profile: 'speech profile',
  mailbox: 'mailbox',
  conferenceProfile: 'conference profile',
};

type Names = Pick<FormContext, 'symbols' | 'variables' | 'nodes' | 'flows'>;

/** Whether a variable field may also name something the flow does not declare (set's call.language). */
export function builtinVariables(field: FieldDescriptor): string[] {
  return field.pattern !== undefined && field.pattern.includes('call\\.language') ? ['call.language'] : [];
}

export function symbolWarning(field: FieldDescriptor, value: string, ctx: Names): string | undefined {
  const kind = field.symbolKind;
  const env = kind ? ctx.symbols[kind] : undefined;
  if (!kind || !env?.declared || value === '' || env.names.includes(value)) return undefined;
  return `This environment has no ${SYMBOL_WORDS[kind] ?? kind} named "${value}"; the name is used as it is.`;
}

export function variableWarning(field: FieldDescriptor, value: string, ctx: Names): string | undefined {
  if (value === '' || ctx.variables.includes(value) || builtinVariables(field).includes(value)) return undefined;
  return `"${value}" is not a declared variable of this flow.`;
}

/** The warnings of one field's value. */
export function warningsOf(field: FieldDescriptor, value: unknown, ctx: Names): string[] {
  if (typeof value !== 'string' || value === '') return [];
  const out: (string | undefined)[] = [];
  switch (field.kind) {
    case 'symbol':
      out.push(symbolWarning(field, value, ctx));
      break;
    case 'variable':
      out.push(variableWarning(field, value, ctx));
      break;
    case 'nodeRef':
      if (!ctx.nodes.some((n) => n.id === value)) out.push(`There is no other node "${value}" in this flow.`);
      break;
    case 'flowRef':
      if (ctx.flows.length > 0 && !ctx.flows.includes(value)) out.push(`There is no flow "${value}".`);
      break;
    case 'template': {
      const unknown = placeholderNames(value).filter((n) => !ctx.variables.includes(n));
      if (unknown.length > 0) out.push(`Not declared variables: ${unknown.map((n) => `{{${n}}}`).join(', ')}.`);
      break;
    }
    default:
      break;
  }
  return out.filter((w): w is string => w !== undefined);
}
