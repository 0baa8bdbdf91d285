/**
 * A prompt: one version per language, a tab each (the flow's languages, default first, then `*` for every language).
 * A version is an audio file, TTS text (with variable chips), a tone or a prompt name the environment binds, as the
 * schema's prompt version says; switching kind keeps the text when it fits.
 */
import { useId, useState, type JSX } from 'react';
import { asRecord, childPointer, isBlank } from '../edit';
import { ANY_LANGUAGE, firstFilled, languageLabel, languagesFor, setLanguage } from '../prompt';
import { ObjectFields } from './ObjectFields';
import type { WidgetProps } from './types';

export function PromptEditor({ field, value, onChange, pointer, ctx, hints }: WidgetProps): JSX.Element {
  const baseId = useId();
  const obj = asRecord(value);
  const languages = languagesFor(ctx.languages, obj);
  const [tab, setTab] = useState(() => firstFilled(languages, obj));
  const current = languages.includes(tab) ? tab : (languages[0] ?? ANY_LANGUAGE);
  const version = field.valueField;
  const defaultLanguage = ctx.languages[0];
  const tabId = (l: string): string => `${baseId}-tab-${l === ANY_LANGUAGE ? 'any' : l}`;
  const panelId = `${baseId}-panel`;
  const empty = isBlank(obj[current]);
  const fallback =
    !empty || current === ANY_LANGUAGE
      ? undefined
      : !isBlank(obj[ANY_LANGUAGE])
        ? 'No version in this language: callers hear the * version.'
        : current !== defaultLanguage && defaultLanguage !== undefined && !isBlank(obj[defaultLanguage])
          ? `No version in this language: callers hear the ${defaultLanguage} version.`
          : undefined;

  return (
    <div className="pf-prompt">
      <div className="pf-tabs" role="tablist" aria-label="Languages">
        {languages.map((l) => {
          const filled = !isBlank(obj[l]);
          const stray = l !== ANY_LANGUAGE && !ctx.languages.includes(l);
          return (
            <button
              key={l}
              type="button"
              role="tab"
              id={tabId(l)}
              aria-selected={l === current}
              aria-controls={panelId}
              className={['pf-tab', l === current ? 'pf-tab-active' : '', filled ? 'pf-tab-filled' : '', stray ? 'pf-tab-stray' : ''].filter(Boolean).join(' ')}
              title={stray ? `${l} is not one of the flow's languages` : filled ? `${l}: has a version` : `${l}: no version`}
              data-lang={l}
              onClick={() => setTab(l)}
            >
              {l === ANY_LANGUAGE ? '*' : languageLabel(l)}
              {filled && <span className="pf-dot" aria-hidden="true" />}
            </button>
          );
        })}
      </div>
      <div className="pf-tab-panel" role="tabpanel" id={panelId} aria-labelledby={tabId(current)}>
        {current === ANY_LANGUAGE && <p className="pf-description">The version for every language without one of its own.</p>}
        {version?.fields ? (
          <ObjectFields
            key={current}
            fields={version.fields}
            choice={version.choice}
            value={asRecord(obj[current])}
            onChange={(next) => onChange(setLanguage(obj, current, next))}
            pointer={childPointer(pointer, current)}
            ctx={ctx}
            hints={hints}
            choiceLabel="Kind"
            noneLabel="No version"
          />
        ) : null}
        {fallback && <p className="pf-description pf-fallback">{fallback}</p>}
      </div>
    </div>
  );
}
