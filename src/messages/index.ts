// The one catalogue of what bantin tells a person: a message is an id and its parameters, made
// into a sentence only at the edge (the command line), in the language the editor reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../locales.js';
import { enCli } from './en-cli.js';
import { enContent } from './en-content.js';
import { enSite } from './en-site.js';
import { enPages } from './en-pages.js';
import { enTools } from './en-tools.js';
import { viCli } from './vi-cli.js';
import { viContent } from './vi-content.js';
import { viSite } from './vi-site.js';
import { viPages } from './vi-pages.js';
import { viTools } from './vi-tools.js';

const en = { ...enContent, ...enSite, ...enCli, ...enTools, ...enPages };

type English = typeof en;
export type MessageId = keyof English;
/** Every language says every message, with the same parameters (checked by the compiler). */
export type Catalogue = { readonly [Id in MessageId]: English[Id] };

export const catalogues: Record<Language, Catalogue> = {
  en,
  vi: { ...viContent, ...viSite, ...viCli, ...viTools, ...viPages },
};

type Value = string | number;
/** A parameter is a value, or a message of its own (a part of the sentence) said in the same language. */
export type Param = Value | Message;

export interface Message {
  readonly id: MessageId;
  readonly params?: Readonly<Record<string, Param>>;
}

type ParamsOf<Id extends MessageId> = Parameters<English[Id]> extends [infer P]
  ? { [Key in keyof P]: P[Key] extends string ? P[Key] | Message : P[Key] }
  : never;

/** A message to say later: `msg('date.unknown', { source: '31/02' })`. */
export function msg<Id extends MessageId>(
  id: Id,
  ...params: Parameters<English[Id]> extends [] ? [] : [ParamsOf<Id>]
): Message {
  return params[0] === undefined ? { id } : { id, params: params[0] as Record<string, Param> };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).id === 'string';
}

/** The sentence of `message` in `language`. */
export function say(message: Message, language: Language): string {
  const params: Record<string, Value> = {};
  for (const [key, value] of Object.entries(message.params ?? {})) params[key] = isMessage(value) ? say(value, language) : value;
  const sentence = catalogues[language][message.id] as ((p: Record<string, Value>) => string) | undefined;
  // A message from another version of bantin (a thread, a cache) still says something.
  return sentence ? sentence(params) : message.id;
}

export const LANGUAGES: readonly Language[] = ['vi', 'en'];

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/**
 * The language to speak to the editor in: `--lang` when given, else `BANTIN_LANG` in the
 * environment (a person's own choice for every site), else the site's `language:` in bantin.yaml,
 * read by itself so that a broken configuration is still reported in it. Vietnamese, the default
 * language of a site, when none says.
 */
export function editorLanguage(root: string, chosen?: Language, env: NodeJS.ProcessEnv = process.env): Language {
  if (chosen) return chosen;
  const preferred = env.BANTIN_LANG?.toLowerCase();
  if (isLanguage(preferred)) return preferred;
  let text: string;
  try {
    text = readFileSync(join(root, 'bantin.yaml'), 'utf8');
  } catch {
    return 'vi';
  }
  const written = /^language[ \t]*:[ \t]*["']?([A-Za-z-]+)/m.exec(text)?.[1]?.toLowerCase();
  return written === 'en' ? 'en' : 'vi';
}
