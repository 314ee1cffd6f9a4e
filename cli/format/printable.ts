/**
 * Text from a document (messages quote it) or from the file system (paths) shown on a terminal:
 * control characters (C0, DEL, C1: ESC starts terminal escape sequences) and the bidirectional
 * overrides are written as visible `\u001b`-style escapes, so a document cannot move the cursor,
 * recolour, retitle or reorder what the terminal shows.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
