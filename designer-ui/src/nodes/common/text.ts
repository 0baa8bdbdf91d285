/** Card text: short plain-text lines that fit a node card. */

/** About what a card shows on one line. */
export const LINE = 40;

/** The text on one line (blanks squeezed), cut with an ellipsis when longer than max. */
export function clip(value: string, max = LINE): string {
  const one = value.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  return one.slice(0, max - 1).trimEnd() + '…';
}

/**
 * Items joined by " · " into at most maxLines lines of about LINE characters; what does not fit becomes "+N" at
 * the end of the last line, so the card still tells that there is more.
 */
export function pack(items: readonly string[], maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (let i = 0; i < items.length; i++) {
    const item = clip(items[i] ?? '');
    const joined = current === '' ? item : current + ' · ' + item;
    if (joined.length <= LINE || current === '') {
      current = joined;
      continue;
    }
    if (lines.length + 1 === maxLines) {
      return [...lines, current + ` · +${items.length - i}`];
    }
    lines.push(current);
    current = item;
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** A duration in seconds as a card shows it: 45 s, 5 min, 1 h 30 min. */
export function duration(seconds: number): string {
  if (seconds < 60 || !Number.isInteger(seconds)) return `${seconds} s`;
  if (seconds % 60 !== 0) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const minutes = seconds / 60;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** The lines that are there, at most three: a card never shows more. */
export function lines(...values: (string | undefined | false)[]): string[] {
  return values.filter((v): v is string => typeof v === 'string' && v !== '').slice(0, 3);
}
