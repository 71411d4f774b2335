// The preview server's output: the built site held in memory, changed only by a good build.
import { checkOutputPath, type Writer } from '../output/writer.js';

type Content = string | Uint8Array;

export class MemorySite implements Writer {
  private files = new Map<string, Content>();
  /** What the build in progress wrote, and which of the last build's files it kept. */
  private written = new Map<string, Content>();
  private kept = new Set<string>();
  /** Paths that the last commit added, changed or removed. */
  changedPaths: string[] = [];
  /** False until a build succeeds: until then there is nothing to serve. */
  built = false;

  get count(): number {
    return this.written.size + this.kept.size;
  }

  /** Files the build in progress wrote with bytes the last build's file did not have. */
  get changed(): number {
    let changed = 0;
    for (const [path, content] of this.written) if (!sameContent(this.files.get(path), content)) changed++;
    return changed;
  }

  async write(path: string, content: Content): Promise<void> {
    checkOutputPath(path);
    this.written.set(path, content);
    this.kept.delete(path);
  }

  keep(path: string): boolean {
    if (!this.files.has(path)) return false;
    this.kept.add(path);
    return true;
  }

  keepAll(): boolean {
    for (const path of this.files.keys()) this.kept.add(path);
    return this.built;
  }

  /** The new site takes the old one's place; files neither written nor kept are gone. */
  async commit(): Promise<void> {
    this.changedPaths = [];
    for (const [path, content] of this.written) if (!sameContent(this.files.get(path), content)) this.changedPaths.push(path);
    // Kept and rewritten files are all the old site had: nothing to remove.
    let before = this.kept.size;
    for (const path of this.written.keys()) if (this.files.has(path)) before++;
    if (before < this.files.size) {
      for (const path of this.files.keys()) {
        if (this.kept.has(path) || this.written.has(path)) continue;
        this.files.delete(path);
        this.changedPaths.push(path);
      }
    }
    for (const [path, content] of this.written) this.files.set(path, content);
    this.written = new Map();
    this.kept = new Set();
    this.built = true;
  }

  async abort(): Promise<void> {
    this.written = new Map();
    this.kept = new Set();
  }

  /** A file of the last good build. */
  get(path: string): Content | undefined {
    return this.files.get(path);
  }

  /** Every file of the last good build. */
  paths(): string[] {
    return [...this.files.keys()];
  }
}

function sameContent(a: Content | undefined, b: Content): boolean {
  if (a === undefined) return false;
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return false;
  return Buffer.from(a).equals(Buffer.from(b));
}
