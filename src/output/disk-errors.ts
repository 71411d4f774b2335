// File-system failures while writing the site, told as what happened and what to do.
import { BantinError } from '../errors.js';

const CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EACCES: 'permission was denied',
  EPERM: 'the operation was not permitted',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'a file name is too long for the file system',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open on the system',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder is in the way of a file',
  EBUSY: 'a file or folder is in use by another program',
  EXDEV: 'the folders are on different file systems',
};

/**
 * A BantinError for a failed disk operation, or the error itself when it is not one a user
 * can act on. `doing` says what bantin was doing: "writing tin-moi/index.html".
 */
export function diskProblem(error: unknown, doing: string, shownOutDir: string, outcome?: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const cause = code === undefined ? undefined : CAUSES[code];
  if (cause === undefined) return error;
  const advice =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? ' Free some space and build again.'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? ' Check that you may write to that folder and the one that holds it.'
        : '';
  return new BantinError(
    `Could not build the site: ${cause} (${code}) while ${doing}. ${outcome ?? `The previous site in ${shownOutDir} is unchanged.`}${advice}`,
    { file: shownOutDir },
    { cause: error },
  );
}
