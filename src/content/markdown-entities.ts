// Part of the Markdown adapter: character entities that would put a forbidden character into a page.
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { BantinError, type SourceLocation } from '../errors.js';
import { findForbiddenCharacter, type ForbiddenCharacter } from './characters.js';
import { msg } from '../messages/index.js';

/** Entities are decoded by the parser's last steps: check them just before, where they are still apart. */
export function refuseForbiddenEntities(md: MarkdownIt): void {
  md.core.ruler.before('text_join', 'bantin_entities', (state) => {
    const env = state.env as { source?: SourceLocation; unchecked?: boolean };
    // An excerpt, or links read without a file to name, is checked by the render that names it.
    if (!env.unchecked) checkEntities(state.tokens, state.src, env.source);
  });
}

/**
 * An entity such as "&#12;" or "&#x202E;" makes, in the page and the feeds, what the file itself
 * may not hold (src/content/characters.ts says which); it is refused where it is written. A bidi
 * control written as an entity is refused even when a later one closes it: typed as characters,
 * closed on their line, they build.
 */
function checkEntities(tokens: readonly Token[], markdown: string, source: SourceLocation | undefined): void {
  for (const block of tokens) {
    for (const token of block.children ?? []) {
      const entity = forbiddenEntity(token);
      if (!entity) continue;
      // The line of the block where the entity is written (the first entity, for an attribute).
      const lines = markdown.split('\n');
      const first = block.map?.[0] ?? 0;
      const last = Math.max(first, (block.map?.[1] ?? first + 1) - 1);
      const written = entity.markup ?? '&#';
      let line = first;
      while (line < last && !lines[line]?.includes(written)) line++;
      const column = (lines[line]?.indexOf(written) ?? -1) + 1 || 1;
      throw new BantinError(
        entity.markup ? msg('markdown.entity', { entity: entity.markup, name: entity.name }) : msg('markdown.titleEntity', { name: entity.name }),
        { file: source?.file ?? 'Markdown', line: (source?.line ?? 1) + line, column },
      );
    }
  }
}

function forbiddenEntity(token: Token): { markup?: string; name: ForbiddenCharacter['name'] } | undefined {
  if (token.type === 'text_special' && token.info === 'entity') {
    const found = findForbiddenCharacter(token.content);
    if (found) return { markup: token.markup, name: found.name };
  }
  // A link's title is decoded by the parser itself: "&#12;" there is a form feed in the attribute.
  for (const [, value] of token.attrs ?? []) {
    const found = findForbiddenCharacter(value);
    if (found) return { name: found.name };
  }
  for (const child of token.children ?? []) {
    const found = forbiddenEntity(child);
    if (found) return found;
  }
  return undefined;
}
