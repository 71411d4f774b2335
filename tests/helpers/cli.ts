// Runs the real `bantin` binary, as an editor, a git hook or a CI job does.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const BIN = fileURLToPath(new URL('../../bin/bantin.js', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `bantin args...` in `cwd`, never on a terminal (stdout and stderr are pipes). */
export async function bantin(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: undefined, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** util-linux `script`, which runs a command on a pseudo-terminal; absent on some systems. */
export const hasScript = existsSync('/usr/bin/script');

/**
 * Runs `bantin args...` on a pseudo-terminal, as a person at a terminal sees it: stdout and
 * stderr arrive together, with the terminal's `\r\n` line ends.
 */
export async function bantinOnTerminal(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<Run> {
  const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  try {
    const { stdout } = await promisify(execFile)('/usr/bin/script', ['-qec', command, '/dev/null'], {
      cwd,
      env: { ...process.env, NO_COLOR: undefined, TERM: 'xterm-256color', ...env },
    });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout, stderr: '' };
  }
}
