/** The validator's issues as a list; clicking one selects its node and brings it into view. */
import type { Editor } from '../store/editor';
import { useEditor } from '../store/editor';

export function IssuesPanel({ editor, onFocusNode }: { editor: Editor; onFocusNode: (id: string) => void }) {
  const issues = useEditor(editor, (s) => s.issues);
  const validating = useEditor(editor, (s) => s.validating);
  if (issues.length === 0) {
    return <p className="muted issues-empty" data-testid="issues-empty">{validating ? 'Checking…' : 'No problems: the flow is valid.'}</p>;
  }
  return (
    <ul className="issues" data-testid="issues">
      {issues.map((i, k) => {
        const sev = i.severity.toLowerCase();
        return (
          <li key={k} className={`issue ${sev}`}>
            <button type="button" disabled={!i.nodeId} onClick={() => i.nodeId && onFocusNode(i.nodeId)} data-testid="issue" data-node={i.nodeId ?? ''} data-code={i.code}>
              <span className="issue-sev">{sev === 'error' ? '⚠ error' : '! warning'}</span>
              <span className="issue-where">{i.nodeId ?? 'flow'}{i.exit ? ` · ${i.exit}` : ''}</span>
              <span className="issue-msg">{i.message}</span>
              <span className="issue-code">{i.code}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
