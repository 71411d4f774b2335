// The dependency record's decision, on its own: which pages to render again after an edit, and
// the records left for the next build when an edit renames a page (a search file named by its
// version).
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/article.js';
import { decide, pageRecord, type PageRecord } from '../../src/incremental.js';
import type { PageInputs, PagePlan } from '../../src/render/pages.js';

// A text edit: the version changes, the card does not.
const article = (relativePath: string, version: string) => ({ relativePath, version, cardVersion: `card-${relativePath}` }) as unknown as Article;
const plan = (outputPath: string) => ({ kind: 'search', outputPath }) as PagePlan;

/** Each page's reads: whole texts, and cards. */
type Reads = Record<string, { full?: Article[]; cards?: Article[]; everyText?: boolean; structure?: string }>;

function inputsOf(reads: Reads) {
  return (page: PagePlan): PageInputs => {
    const read = reads[page.outputPath]!;
    return { full: read.full ?? [], cards: read.cards ?? [], images: [], structure: read.structure ?? '', ...(read.everyText && { everyText: true }) };
  };
}

function recordOf(reads: Reads): Map<string, PageRecord> {
  const inputs = inputsOf(reads);
  return new Map(Object.keys(reads).map((path) => [path, pageRecord(plan(path), inputs(plan(path)))]));
}

describe('decide', () => {
  const x1 = article('x.md', '1');
  const x2 = article('x.md', '2');
  const y = article('y.md', '1');
  const before: Reads = {
    'x/index.html': { full: [x1] },
    'tim-kiem/2020-01.v1.json': { full: [x1] },
    'tim-kiem/index.json': { everyText: true, structure: 'v1' },
    'y/index.html': { full: [y], cards: [x1] },
  };
  const after: Reads = {
    'x/index.html': { full: [x2] },
    'tim-kiem/2020-01.v2.json': { full: [x2] },
    'tim-kiem/index.json': { everyText: true, structure: 'v2' },
    'y/index.html': { full: [y], cards: [x2] },
  };
  const changed = { full: new Set(['x.md']), cards: new Set<string>(), images: new Set<string>() };

  it('renders again the pages that read an edited text, the renamed page, and those that read every text; the old name goes', () => {
    const decision = decide(Object.keys(after).map(plan), { pages: recordOf(before), readers: undefined }, inputsOf(after), changed);
    expect(decision.stale.map((page) => page.outputPath)).toEqual(['x/index.html', 'tim-kiem/2020-01.v2.json', 'tim-kiem/index.json']);
    expect([...decision.pages.keys()].sort()).toEqual(Object.keys(after).sort());
    expect(decision.readers?.full.get('x.md')?.sort()).toEqual(['tim-kiem/2020-01.v2.json', 'x/index.html']);
    expect(decision.readers?.everyText).toEqual(['tim-kiem/index.json']);
  });

  it('drops the record of a page no longer made that read nothing edited', () => {
    const stray: Reads = { ...before, 'cu/index.html': { cards: [y] } };
    const decision = decide(Object.keys(after).map(plan), { pages: recordOf(stray), readers: undefined }, inputsOf(after), changed);
    expect([...decision.pages.keys()].sort()).toEqual(Object.keys(after).sort());
    expect(decision.readers?.cards.get('y.md')).toEqual([]);
  });
});
