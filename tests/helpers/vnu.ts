// The W3C Nu HTML Checker (npm package vnu-jar), run on the machine's Java.
import { execFile, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

export interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
}

const jar = createRequire(import.meta.url)('vnu-jar') as string;

export const hasJava = (() => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Every message the checker has about the HTML and CSS files under `paths`. */
export async function validate(paths: string[]): Promise<VnuMessage[]> {
  const args = ['-jar', jar, '--format', 'json', '--also-check-css', '--skip-non-html', ...paths];
  // vnu exits 1 when it found errors and writes its report to stderr either way.
  const output = await promisify(execFile)('java', args, { maxBuffer: 64 * 1024 * 1024 }).then(
    (done) => done.stderr,
    (failed: { stderr?: string }) => failed.stderr ?? '',
  );
  return (JSON.parse(output) as { messages: VnuMessage[] }).messages;
}
