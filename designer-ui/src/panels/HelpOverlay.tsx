/** Every keyboard shortcut and canvas gesture, from the same table the key handler uses. */
import { CANVAS_GESTURES, SHORTCUTS } from '../canvas/shortcuts';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div className="modal-backdrop" onClick={onClose} role="presentation">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()} data-testid="help">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table className="help-table">
          <tbody>
            {[...SHORTCUTS, ...CANVAS_GESTURES].map((s) => (
              <tr key={s.keys}><td><kbd>{s.keys}</kbd></td><td>{s.what}</td></tr>
            ))}
          </tbody>
        </table>
        <div className="modal-actions"><button type="button" onClick={onClose} autoFocus>Close</button></div>
      </div>
    </div>
  );
}
