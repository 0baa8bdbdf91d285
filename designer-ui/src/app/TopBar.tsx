/** The bar on every page: the product, the flows link, who is signed in and their role. */
import type { ReactNode } from 'react';
import type { Session } from '../store/session';
import { navigate } from './router';

export function TopBar({ session, onLogout, children }: { session: Session; onLogout: () => void; children?: ReactNode }) {
  return (
    <header className="topbar">
      <a className="brand" href="/" onClick={(e) => { e.preventDefault(); navigate('/'); }}>ivrflow</a>
      <div className="topbar-middle">{children}</div>
      <span className="whoami" data-testid="whoami">{session.me.name} · {session.me.role.toLowerCase()}</span>
      <button type="button" className="link" onClick={onLogout} data-testid="logout">Sign out</button>
    </header>
  );
}
