/**
 * The flow document as the designer holds it. Every type here comes from the server's JSON Schema
 * (src/generated/flow.ts, generated at build time): none is a hand copy.
 */
import type { IVRFlow, Node1, Type1 } from '../generated/flow';

export type FlowDocument = IVRFlow;
export type FlowNode = Node1;
export type NodeType = Type1;
export type Settings = Record<string, unknown>;
export type Position = { x: number; y: number };

/** The symbol kinds of an environment, keyed as in the x-widget hints (`symbol:queue`). */
export type SymbolKind = 'queue' | 'gateway' | 'prompt' | 'calendar' | 'profile' | 'mailbox' | 'conferenceProfile';
