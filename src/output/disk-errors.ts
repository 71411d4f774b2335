// File-system failures while writing the site, told as what happened and what to do.
import { BantinError } from '../errors.js';
import { msg, type Message, type MessageId } from '../messages/index.js';

/** The error codes a person can act on; each has its cause in the catalogue (`disk.ENOSPC`...). */
const CODES = new Set([
  'ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'ENAMETOOLONG', 'EIO',
  'EMFILE', 'ENFILE', 'ENOTDIR', 'EISDIR', 'EBUSY', 'EXDEV',
]);

/**
 * A BantinError for a failed disk operation, or the error itself when it is not one a user
 * can act on. `doing` says what bantin was doing: writing tin-moi/index.html.
 */
export function diskProblem(error: unknown, doing: Message, shownOutDir: string, outcome?: Message): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined || !CODES.has(code)) return error;
  const advice =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? msg('disk.adviceSpace')
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? msg('disk.advicePermission')
        : msg('disk.none');
  return new BantinError(
    msg('disk.failed', {
      cause: msg(`disk.${code}` as MessageId & `disk.E${string}`),
      code,
      doing,
      outcome: outcome ?? msg('disk.unchanged', { dir: shownOutDir }),
      advice,
    }),
    { file: shownOutDir },
    { cause: error },
  );
}
