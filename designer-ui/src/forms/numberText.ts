/** Numbers as typed: a decimal comma is accepted, and half-typed text ("1.", "-") is not yet a number. */

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/** The number the text stands for, or undefined while it is not one. */
export function parseNumberText(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** The text an input shows for a stored value. */
export const numberText = (value: unknown): string => (typeof value === 'number' && Number.isFinite(value) ? String(value) : '');
