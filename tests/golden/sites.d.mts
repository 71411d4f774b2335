// Types of sites.mjs, for the TypeScript tests that import it.
import type { build, MemoryWriter } from '../../src/index.js';

export interface GoldenSite {
  name: string;
  root: string;
  options: { drafts: boolean; future: boolean };
}

export declare const GOLDEN_NOW: number;
export declare const GOLDEN_DIR: string;
export declare const GOLDEN_SITES: readonly GoldenSite[];
export declare function hashSite(api: { build: typeof build; MemoryWriter: typeof MemoryWriter }, site: GoldenSite): Promise<Map<string, string>>;
export declare function formatHashes(hashes: ReadonlyMap<string, string>): string;
export declare function parseHashes(text: string): Map<string, string>;
