/** The flows: open one, create a new one (an empty canvas), or import a flow file. */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { FlowSummary, SaveResult } from '../api/types';
import { atLeast, type Session } from '../store/session';
import { navigate } from './router';
import { TopBar } from './TopBar';

const FLOW_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function FlowsPage({ session, onLogout }: { session: Session; onLogout: () => void }) {
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const editor = atLeast(session.me, 'EDITOR');

  useEffect(() => {
    api.get<FlowSummary[]>('/api/flows').then((r) => setFlows(r.data)).catch((e: unknown) => setError((e as Error).message));
  }, []);

  const exists = !!flows?.some((f) => f.id === newId);
  const idOk = FLOW_ID.test(newId) && !exists;

  const importFile = async (file: File) => {
    setError(null);
    try {
      const r = await api.post<SaveResult>('/api/import', await file.text());
      navigate(`/flows/${encodeURIComponent(r.data.id)}`);
    } catch (e) {
      setError(e instanceof ApiError && e.errors.length
        ? `${file.name} is not a valid flow: ${e.errors.map((f) => `${f.pointer || '/'} ${f.message}`).join('; ')}`
        : `${file.name}: ${(e as Error).message}`);
    }
  };

  return (
    <div className="page">
      <TopBar session={session} onLogout={onLogout} />
      <main className="flows-page">
        <h1>Flows</h1>
        {error && <p className="error-text" role="alert" data-testid="flows-error">{error}</p>}
        {editor && (
          <div className="flows-actions">
            <form className="new-flow" onSubmit={(e) => { e.preventDefault(); if (idOk) navigate(`/flows/${newId}?new=${encodeURIComponent(newName || newId)}`); }}>
              <label htmlFor="new-id">New flow id</label>
              <input id="new-id" value={newId} onChange={(e) => setNewId(e.target.value.toLowerCase())} placeholder="main-line" data-testid="new-flow-id" />
              <label htmlFor="new-name">Name</label>
              <input id="new-name" value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="Main line" data-testid="new-flow-name" />
              <button type="submit" className="primary" disabled={!idOk} data-testid="new-flow-create">Create</button>
              {newId && !idOk && <span className="hint">{exists ? 'A flow with this id exists.' : 'Lower-case letters, digits and hyphens.'}</span>}
            </form>
            <label className="button">
              Import a flow file…
              <input type="file" accept=".json,application/json" hidden onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} data-testid="flows-import" />
            </label>
          </div>
        )}
        {flows === null && !error && <p className="muted">Loading…</p>}
        {flows && flows.length === 0 && <p className="muted">No flows yet.{editor ? ' Create one above.' : ''}</p>}
        {flows && flows.length > 0 && (
          <table className="flows-table" data-testid="flows-table">
            <thead><tr><th>Name</th><th>Id</th><th>Draft</th><th>Published</th></tr></thead>
            <tbody>
              {flows.map((f) => (
                <tr key={f.id}>
                  <td><a href={`/flows/${encodeURIComponent(f.id)}`} onClick={(e) => { e.preventDefault(); navigate(`/flows/${encodeURIComponent(f.id)}`); }}>{f.name}</a></td>
                  <td><code>{f.id}</code></td>
                  <td>rev {f.revision} · {new Date(f.updatedAt).toLocaleString()} · {f.updatedBy}</td>
                  <td>{f.published ? `v${f.published.version} · ${new Date(f.published.publishedAt).toLocaleString()}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </div>
  );
}
