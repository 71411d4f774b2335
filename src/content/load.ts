// Loading: find the article files and decode them. The only stage of the pipeline that reads content from disk.
import { readFile, realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import fg from 'fast-glob';
import { BantinError } from '../errors.js';

export interface SourceFile {
  /** Absolute path on disk. */
  path: string;
  /** Path relative to the content folder, with `/` separators. */
  relativePath: string;
  /** Path to show the user: relative to the working folder. */
  displayPath: string;
  /** Decoded text: UTF-8 without BOM, LF line endings. */
  text: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file's bytes into text, refusing anything that is not clean UTF-8 text. */
export function decodeSource(bytes: Uint8Array, displayPath: string): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const { line, column } = firstInvalidUtf8(bytes);
    throw new BantinError(
      'The file is not valid UTF-8 text. Save it again as UTF-8 (in most editors: "Save with encoding" > UTF-8).',
      { file: displayPath, line, column },
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const before = text.slice(0, nul);
    throw new BantinError('The file contains a NUL byte; it looks like a binary file, not an article.', {
      file: displayPath,
      line: before.split('\n').length,
      column: nul - before.lastIndexOf('\n'),
    });
  }
  return text;
}

function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  // Decode growing prefixes line by line: the first line that fails holds the bad byte.
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(lineStart, i));
      } catch {
        return { line, column: 1 };
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { line: 1, column: 1 };
}

/** Every `**\/*.md` under the content folder, in a stable order, decoded. */
export async function loadSources(
  contentDir: string,
  show: (path: string) => string,
  problems: BantinError[],
): Promise<SourceFile[]> {
  const root = await realpath(contentDir).catch(() => {
    throw new BantinError(`The content folder does not exist. Create it, or point to yours with --content.`, {
      file: show(contentDir),
    });
  });
  const entries = await fg('**/*.md', {
    cwd: root,
    onlyFiles: true,
    followSymbolicLinks: true,
    dot: false,
    caseSensitiveMatch: false,
  });
  entries.sort();
  const sources = await Promise.all(
    entries.map(async (relativePath): Promise<SourceFile | undefined> => {
      const path = resolve(root, relativePath);
      const displayPath = show(resolve(contentDir, relativePath));
      try {
        const real = await realpath(path);
        if (real !== root && !real.startsWith(root + sep)) {
          throw new BantinError(
            'This is a link to a file outside the content folder; bantin only builds files inside it.',
            { file: displayPath },
          );
        }
        const text = decodeSource(await readFile(path), displayPath);
        return { path, relativePath, displayPath, text };
      } catch (error) {
        if (!(error instanceof BantinError)) throw error;
        problems.push(error);
        return undefined;
      }
    }),
  );
  return sources.filter((source) => source !== undefined);
}
