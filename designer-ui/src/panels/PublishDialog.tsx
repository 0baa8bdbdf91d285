/** Publish with a comment: why this version exists, kept in the audit trail. */
import { useState } from 'react';

export function PublishDialog({ onPublish, onClose, warnings }: { onPublish: (comment: string) => void; onClose: () => void; warnings: number }) {
  const [comment, setComment] = useState('');
  const ok = comment.trim().length > 0 && comment.length <= 500;
  return (
    <div className="modal-backdrop" onClick={onClose} role="presentation">
      <form className="modal" role="dialog" aria-modal="true" aria-labelledby="publish-title" onClick={(e) => e.stopPropagation()}
        onSubmit={(e) => { e.preventDefault(); if (ok) onPublish(comment.trim()); }} data-testid="publish-dialog">
        <h2 id="publish-title">Publish a new version</h2>
        <p className="muted">New calls take the new version within a second; calls in progress stay on theirs.</p>
        {warnings > 0 && <p className="warn-text">The flow has {warnings} warning{warnings === 1 ? '' : 's'}; publishing is allowed.</p>}
        <label htmlFor="publish-comment">What changed, and why</label>
        <textarea id="publish-comment" value={comment} maxLength={500} rows={3} onChange={(e) => setComment(e.target.value)} autoFocus data-testid="publish-comment" />
        <div className="modal-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={!ok} data-testid="publish-confirm">Publish</button>
        </div>
      </form>
    </div>
  );
}
