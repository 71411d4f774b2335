// Messages of the catalogue as tests read them.
import type { Language } from '../../src/locales.js';
import { say, type Message } from '../../src/messages/index.js';

/** The sentence of a message (English unless told), or undefined for none. */
export function said(message: Message | undefined, language: Language = 'en'): string | undefined {
  return message && say(message, language);
}
