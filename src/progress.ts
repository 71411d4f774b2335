// What the command line shows while it works: a counter in place on a terminal, plain lines in a
// log, and colours only where a person is looking at a terminal.
import type { BuildProgress } from './build.js';
import type { Language } from './locales.js';
import { msg, say } from './messages/index.js';

/** The part of a stream the command line writes to: `process.stderr`, or a fake in tests. */
export interface TextStream {
  isTTY?: boolean;
  /** Width of the terminal, when it is one. */
  columns?: number;
  write(text: string): unknown;
}

/** Colours only on a terminal, never when NO_COLOR is set (https://no-color.org) or the terminal is "dumb". */
export function wantsColor(stream: TextStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

/** ANSI codes to start and end each style: all a command line needs, no library. */
const STYLES = { red: [31, 39], yellow: [33, 39], green: [32, 39], bold: [1, 22], dim: [2, 22] } as const;

export type Style = keyof typeof STYLES;

/** `text` in `style` when `color` is on, else as it is. */
export function paint(color: boolean, style: Style, text: string): string {
  const [start, end] = STYLES[style];
  return color ? `\x1b[${start}m${text}\x1b[${end}m` : text;
}

export interface ProgressOptions {
  /** Milliseconds; injectable for tests. */
  clock?: () => number;
  /** On a terminal: the least time between two redraws. */
  redrawMs?: number;
  /** In a log: the first plain line comes after this long, then one per this long at most. */
  lineMs?: number;
}

/**
 * A progress counter. On a terminal it rewrites one line in place and erases it at the end, so
 * only the summary stays. In a log (CI) a short build prints nothing; a long one prints a plain
 * line now and then, so the log shows it is still working.
 */
export class Progress {
  private readonly clock: () => number;
  private readonly redrawMs: number;
  private readonly lineMs: number;
  private last: number;
  private drawn = false;

  constructor(private readonly stream: TextStream, options: ProgressOptions = {}) {
    this.clock = options.clock ?? (() => performance.now());
    this.redrawMs = options.redrawMs ?? 50;
    this.lineMs = options.lineMs ?? 2000;
    this.last = this.stream.isTTY ? -Infinity : this.clock();
  }

  /** Shows `text` as the current state, if enough time has passed since the last time. */
  update(text: string): void {
    const now = this.clock();
    if (now - this.last < (this.stream.isTTY ? this.redrawMs : this.lineMs)) return;
    this.last = now;
    if (this.stream.isTTY) {
      // A terminal that does not know its width says 0.
      const width = Math.max(10, (this.stream.columns || 80) - 1);
      this.stream.write(`\r${text.length > width ? text.slice(0, width - 1) + '…' : text}\x1b[K`);
      this.drawn = true;
    } else {
      this.stream.write(`${text}\n`);
    }
  }

  /** Erases the counter from a terminal, before the summary or the problems are printed. */
  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}

/** The counter's text for a step of the build, in the editor's language. */
export function describeProgress(step: BuildProgress, language: Language = 'en'): string {
  return say(
    step.stage === 'render'
      ? msg('progress.render', { done: step.done })
      : msg('progress.copy', { done: step.done, total: step.total ?? step.done }),
    language,
  );
}
