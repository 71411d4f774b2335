// The last check before a file is written: its path must name a place inside the output folder.
import { msg, type Message } from '../messages/index.js';

/**
 * Why `path` (relative to the output folder, `/`-separated) cannot be written, or undefined
 * when it is fine. Refuses absolute paths, `.` and `..` parts, backslashes, control characters,
 * and the same hidden behind %-escapes (`%2e%2e%2f`), whichever stage produced the path.
 */
export function outputPathProblem(path: string): Message | undefined {
  if (path === '') return msg('path.empty');
  for (const spelling of spellings(path)) {
    if (/[\0-\x1f\x7f]/.test(spelling)) return msg('path.control');
    if (spelling.includes('\\')) return msg('path.backslash');
    if (spelling.startsWith('/') || /^[a-zA-Z]:/.test(spelling)) return msg('path.absolute');
    if (spelling.split('/').some((part) => part === '.' || part === '..')) return msg('path.dots');
  }
  if (path.split('/').includes('')) return msg('path.emptyPart');
  return undefined;
}

/** The path as written and as a web server might decode it, once or twice (`%252e` -> `%2e` -> `.`). */
function spellings(path: string): string[] {
  const all = [path];
  for (let i = 0; i < 2; i++) {
    const last = all.at(-1)!;
    if (!/%[0-9a-fA-F]{2}/.test(last)) break;
    try {
      all.push(decodeURIComponent(last));
    } catch {
      break; // a malformed escape decodes to nothing a server would follow
    }
  }
  return all;
}
