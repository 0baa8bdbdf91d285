/** The messages of a failed calendar preview: the server's field errors when it gave some, else what went wrong. */
import { ApiError } from '../api/client';

export function previewErrorMessages(error: unknown): string[] {
  if (error instanceof ApiError) {
    if (error.errors.length > 0) return error.errors.map((e) => (e.pointer ? `${e.pointer}: ${e.message}` : e.message));
    return [error.message || error.title || `The preview failed (HTTP ${error.status}).`];
  }
  if (error instanceof Error && error.message) return [error.message];
  return ['The preview failed.'];
}
