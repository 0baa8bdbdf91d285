/** Sign in with a user name and password (POST /api/auth/login opens a session cookie). */
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { meOf, type Me, type MeReply } from '../api/types';

export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me) => Promise<void> }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="login-page">
      <form className="login" data-testid="login-form" onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const r = await api.post<MeReply>('/api/auth/login', { username, password });
          await onSignedIn(meOf(r.data));
        } catch (err) {
          setError(err instanceof ApiError && err.status === 401 ? 'Wrong user name or password.' : (err as Error).message);
        } finally {
          setBusy(false);
        }
      }}>
        <h1>ivrflow</h1>
        <p className="muted">Sign in to design and publish your phone menus.</p>
        <label htmlFor="login-user">User name</label>
        <input id="login-user" name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus required />
        <label htmlFor="login-password">Password</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        {error && <p className="error-text" role="alert" data-testid="login-error">{error}</p>}
        <button type="submit" className="primary" disabled={busy} data-testid="login-submit">{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </div>
  );
}
