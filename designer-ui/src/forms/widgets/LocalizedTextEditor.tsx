/**
 * Text per language (a say node's text): one row per flow language, default first, then `*` for every language, then
 * any other language the value holds. Clearing a row removes that language.
 */
import type { JSX } from 'react';
import { asRecord, childPointer } from '../edit';
import { FieldEditor } from '../FieldEditor';
import type { FieldDescriptor } from '../mapping';
import { ANY_LANGUAGE, languageLabel, languagesFor, setLanguage } from '../prompt';
import type { WidgetProps } from './types';

export function LocalizedTextEditor({ field, value, onChange, pointer, ctx, hints }: WidgetProps): JSX.Element {
  const obj = asRecord(value);
  const languages = languagesFor(ctx.languages, obj);
  const base: FieldDescriptor = field.valueField ?? { key: '', title: 'Text', kind: 'template', required: false, schema: {} };
  return (
    <div className="pf-languages">
      {languages.map((language, i) => {
        const stray = language !== ANY_LANGUAGE && !ctx.languages.includes(language);
        const title = `${languageLabel(language)}${i === 0 && !stray && language !== ANY_LANGUAGE ? ' (default)' : ''}${stray ? ' (not a flow language)' : ''}`;
        return (
          <FieldEditor
            key={language}
            field={{ ...base, key: language, title, description: undefined, required: false }}
            value={obj[language]}
            onChange={(next) => onChange(setLanguage(obj, language, next))}
            pointer={childPointer(pointer, language)}
            ctx={ctx}
            hints={hints}
            className="pf-language-row"
          />
        );
      })}
    </div>
  );
}
