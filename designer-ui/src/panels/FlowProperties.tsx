/** The flow's own properties: name, description, languages, start and fallback nodes, declared variables. */
import { useState } from 'react';
import type { Editor } from '../store/editor';
import type { FlowDocument } from '../model/flow';
import type { Commands } from '../commands';

const TYPES = ['string', 'int', 'double', 'bool', 'list', 'map'] as const;
type VarType = (typeof TYPES)[number];

export function FlowProperties({ editor, doc, readOnly }: { editor: Editor; doc: FlowDocument; readOnly: boolean }) {
  const [newVar, setNewVar] = useState('');
  const update = (patch: Commands['flow.update']['patch'], key: string) =>
    editor.execute('flow.update', { patch }, { mergeKey: `flow:${key}` });
  const variables = doc.variables ?? {};
  const varNameOk = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(newVar) && !(newVar in variables);
  return (
    <div className="props" data-testid="props-flow">
      <h2>Flow <code className="props-id">{doc.id}</code></h2>
      <label htmlFor="flow-name">Name</label>
      <input id="flow-name" type="text" value={doc.name} disabled={readOnly} maxLength={200} onChange={(e) => update({ name: e.target.value }, 'name')} />
      <label htmlFor="flow-description">Description</label>
      <textarea id="flow-description" rows={2} value={doc.description ?? ''} disabled={readOnly}
        onChange={(e) => update({ description: e.target.value || undefined }, 'description')} />
      <label htmlFor="flow-lang">Default language</label>
      <input id="flow-lang" type="text" value={doc.defaultLanguage} disabled={readOnly} onChange={(e) => update({ defaultLanguage: e.target.value }, 'lang')} />
      <label htmlFor="flow-langs">Other languages (comma-separated, e.g. es-US, fr-CA)</label>
      <input id="flow-langs" type="text" disabled={readOnly} defaultValue={(doc.languages ?? []).filter((l) => l !== doc.defaultLanguage).join(', ')}
        onBlur={(e) => {
          const list = e.target.value.split(',').map((s) => s.trim()).filter(Boolean);
          const all = list.length ? [doc.defaultLanguage, ...list.filter((l) => l !== doc.defaultLanguage)] : undefined;
          if (JSON.stringify(all) !== JSON.stringify(doc.languages)) editor.execute('flow.update', { patch: { languages: all } });
        }} />
      <label htmlFor="flow-start">Start node</label>
      <select id="flow-start" value={doc.start} disabled={readOnly} onChange={(e) => editor.execute('flow.update', { patch: { start: e.target.value } })} data-testid="flow-start">
        {!doc.nodes.some((n) => n.id === doc.start) && <option value={doc.start}>{doc.start} (missing)</option>}
        {doc.nodes.map((n) => <option key={n.id} value={n.id}>{n.label ? `${n.label} (${n.id})` : n.id}</option>)}
      </select>
      <label htmlFor="flow-fallback">Fallback node (where errors go)</label>
      <select id="flow-fallback" value={doc.fallback ?? ''} disabled={readOnly} onChange={(e) => editor.execute('flow.update', { patch: { fallback: e.target.value || undefined } })}>
        <option value="">— none: the call ends —</option>
        {doc.nodes.map((n) => <option key={n.id} value={n.id}>{n.label ? `${n.label} (${n.id})` : n.id}</option>)}
      </select>
      <h3>Variables</h3>
      <table className="vars">
        <tbody>
          {Object.entries(variables).map(([name, decl]) => (
            <tr key={name}>
              <td><code>{name}</code></td>
              <td>
                <select value={decl?.type ?? 'string'} disabled={readOnly} aria-label={`Type of ${name}`}
                  onChange={(e) => editor.execute('flow.update', { patch: { variables: { ...variables, [name]: { ...decl, type: e.target.value as VarType } } } })}>
                  {TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
                </select>
              </td>
              <td>
                <button type="button" className="link danger" disabled={readOnly} aria-label={`Remove ${name}`}
                  onClick={() => {
                    const rest = Object.fromEntries(Object.entries(variables).filter(([k]) => k !== name));
                    editor.execute('flow.update', { patch: { variables: Object.keys(rest).length ? rest : undefined } });
                  }}>✕</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="vars-add" onSubmit={(e) => {
        e.preventDefault();
        if (!varNameOk) return;
        editor.execute('flow.update', { patch: { variables: { ...variables, [newVar]: { type: 'string' } } } });
        setNewVar('');
      }}>
        <input type="text" value={newVar} placeholder="new variable" disabled={readOnly} aria-label="New variable name" onChange={(e) => setNewVar(e.target.value)} />
        <button type="submit" disabled={readOnly || !varNameOk}>Add</button>
      </form>
      <p className="muted">Select a node to edit it. Drag node types from the palette onto the canvas; drag from an exit to wire it.</p>
    </div>
  );
}
