/**
 * The frame around one field: its label (or legend, for a group of controls), the control, the schema's description
 * as a hint, and the inline problems. Plain text only: titles, descriptions and messages are never HTML.
 */
import type { JSX, ReactNode } from 'react';

export type ShellLayout = 'stacked' | 'group' | 'inline';

export interface ShellProps {
  id: string;
  title: string;
  description?: string;
  required: boolean;
  errors: readonly string[];
  warnings?: readonly string[];
  layout: ShellLayout;
  /** A visually hidden label, for a control whose row already says what it is. */
  labelHidden?: boolean;
  className?: string;
  children: ReactNode;
}

export const descriptionId = (id: string): string => `${id}-desc`;
export const hintsId = (id: string): string => `${id}-hints`;

export function FieldShell(props: ShellProps): JSX.Element {
  const { id, title, description, required, errors, warnings = [], layout, labelHidden, className, children } = props;
  const mark = required ? (
    <span className="pf-required" aria-hidden="true">
      *
    </span>
  ) : null;
  const desc = description ? (
    <p className="pf-description" id={descriptionId(id)}>
      {description}
    </p>
  ) : null;
  const problems =
    errors.length + warnings.length > 0 ? (
      <ul className="pf-hints" id={hintsId(id)}>
        {errors.map((m, i) => (
          <li key={`e${i}`} className="pf-hint pf-error">
            {m}
          </li>
        ))}
        {warnings.map((m, i) => (
          <li key={`w${i}`} className="pf-hint pf-warning">
            {m}
          </li>
        ))}
      </ul>
    ) : null;
  const classes = ['pf-field', `pf-${layout}`, className, errors.length > 0 ? 'pf-invalid' : undefined].filter(Boolean).join(' ');

  if (layout === 'group') {
    return (
      <fieldset className={classes} aria-describedby={description ? descriptionId(id) : undefined}>
        <legend className={labelHidden ? 'pf-sr-only' : 'pf-legend'} id={`${id}-legend`} title={description}>
          {title}
          {mark}
        </legend>
        {labelHidden ? null : desc}
        {children}
        {problems}
      </fieldset>
    );
  }
  if (layout === 'inline') {
    return (
      <div className={classes}>
        <div className="pf-inline-row">
          {children}
          <label htmlFor={id} className={labelHidden ? 'pf-sr-only' : 'pf-label'} title={description}>
            {title}
            {mark}
          </label>
        </div>
        {labelHidden ? null : desc}
        {problems}
      </div>
    );
  }
  return (
    <div className={classes}>
      <label htmlFor={id} className={labelHidden ? 'pf-sr-only' : 'pf-label'} title={description}>
        {title}
        {mark}
      </label>
      {children}
      {labelHidden ? null : desc}
      {problems}
    </div>
  );
}

/** The aria-describedby of a control: its description and hints when shown. */
export function describedByOf(id: string, hasDescription: boolean, hasHints: boolean): string | undefined {
  const ids = [hasDescription ? descriptionId(id) : undefined, hasHints ? hintsId(id) : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
