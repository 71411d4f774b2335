// The preview server's output: the built site held in memory, replaced whole only by a good build.
import { checkOutputPath, type Writer } from '../output/writer.js';

type Content = string | Uint8Array;

export class MemorySite implements Writer {
  private files = new Map<string, Content>();
  private next: Map<string, Content> | undefined;
  /** Paths that the last commit added, changed or removed. */
  changedPaths: string[] = [];
  /** Files the build in progress wrote with bytes the last build's file did not have. */
  private fresh = 0;
  /** False until a build succeeds: until then there is nothing to serve. */
  built = false;

  get count(): number {
    return this.next?.size ?? 0;
  }

  get changed(): number {
    return this.fresh;
  }

  async write(path: string, content: Content): Promise<void> {
    checkOutputPath(path);
    const before = this.files.get(path);
    if (before === undefined || !sameContent(before, content)) this.fresh++;
    (this.next ??= new Map()).set(path, content);
  }

  keep(path: string): boolean {
    const content = this.files.get(path);
    if (content === undefined) return false;
    (this.next ??= new Map()).set(path, content);
    return true;
  }

  async commit(): Promise<void> {
    const next = this.next ?? new Map<string, Content>();
    this.changedPaths = [];
    for (const [path, content] of next) {
      const before = this.files.get(path);
      if (before === undefined || !sameContent(before, content)) this.changedPaths.push(path);
    }
    for (const path of this.files.keys()) if (!next.has(path)) this.changedPaths.push(path);
    this.files = next;
    this.next = undefined;
    this.fresh = 0;
    this.built = true;
  }

  async abort(): Promise<void> {
    this.next = undefined;
    this.fresh = 0;
  }

  /** A file of the last good build. */
  get(path: string): Content | undefined {
    return this.files.get(path);
  }
}

function sameContent(a: Content, b: Content): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return false;
  return Buffer.from(a).equals(Buffer.from(b));
}
