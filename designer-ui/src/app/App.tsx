/** The designer: who is signed in, then the flows list or one flow's editor. */
import { useCallback, useEffect, useState } from 'react';
import { api, setUnauthorizedHandler } from '../api/client';
import { meOf, type Me, type MeReply } from '../api/types';
import { loadSession, type Session } from '../store/session';
import { LoginPage } from './LoginPage';
import { FlowsPage } from './FlowsPage';
import { EditorPage } from './EditorPage';
import { navigate, routeOf, usePath } from './router';

type Auth = { state: 'checking' } | { state: 'out' } | { state: 'in'; session: Session } | { state: 'failed'; message: string };

export function App() {
  const path = usePath();
  const route = routeOf(path);
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });

  const signedIn = useCallback(async (me: Me) => {
    try {
      setAuth({ state: 'in', session: await loadSession(me) });
    } catch (e) {
      setAuth({ state: 'failed', message: (e as Error).message });
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setAuth({ state: 'out' });
      if (location.pathname !== '/login') navigate(`/login?next=${encodeURIComponent(location.pathname)}`, true);
    });
    // /api/auth/session answers 200 either way: a signed-out visit logs no failed request in the console.
    api.get<MeReply & { authenticated: boolean }>('/api/auth/session')
      .then((r) => {
        if (r.data.authenticated) return signedIn(meOf(r.data));
        setAuth({ state: 'out' });
        if (location.pathname !== '/login') navigate(`/login?next=${encodeURIComponent(location.pathname)}`, true);
        return undefined;
      })
      .catch((e: unknown) => setAuth({ state: 'failed', message: (e as Error).message }));
  }, [signedIn]);

  if (auth.state === 'checking') return <div className="center muted">Loading…</div>;
  if (auth.state === 'failed') return <div className="center error-text" role="alert">The designer could not start: {auth.message}</div>;
  if (auth.state === 'out' || route.page === 'login') {
    return <LoginPage onSignedIn={async (me) => {
      await signedIn(me);
      const next = new URLSearchParams(location.search).get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', true);
    }} />;
  }
  const session = auth.session;
  const logout = async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    setAuth({ state: 'out' });
    navigate('/login', true);
  };
  if (route.page === 'editor') return <EditorPage key={route.flowId} session={session} flowId={route.flowId} onLogout={logout} />;
  if (route.page === 'flows') return <FlowsPage session={session} onLogout={logout} />;
  return <div className="center">Nothing here. <a href="/" onClick={(e) => { e.preventDefault(); navigate('/'); }}>Go to the flows</a></div>;
}
