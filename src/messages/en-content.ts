// What bantin says about articles, their front-matter, dates and addresses, in English.
// Each entry is a message id and a sentence made from its parameters; vi-content.ts has the same ids.

const PERMALINK_EXAMPLES = 'such as "/:slug/" or "/:year/:month/:slug/"';

export const enContent = {
  'word.frontMatter': () => 'front-matter',
  'word.configuration': () => 'configuration',
  'word.file': () => 'file',
  'word.folder': () => 'folder',

  'yaml.tooDeep': (p: { what: string }) => `The ${p.what} nests lists or groups too deeply to be read. Write the values with fewer levels.`,
  'yaml.aliases': (p: { what: string; max: number }) => `The ${p.what} uses too many YAML aliases (*name): more than ${p.max}. Write the values out.`,
  'yaml.invalid': (p: { what: string; reason: string }) => `The ${p.what} is not valid YAML: ${p.reason}.`,
  // js-yaml's own words for the mistakes editors make most; any other is shown as js-yaml says it.
  'yamlReason.indentation': (p: { reason: string }) => p.reason,
  'yamlReason.duplicateKey': (p: { reason: string }) => p.reason,
  'yamlReason.unclosedQuote': (p: { reason: string }) => p.reason,
  'yamlReason.unclosedList': (p: { reason: string }) => p.reason,
  'yamlReason.missingColon': (p: { reason: string }) => p.reason,
  'yamlReason.unknownTag': (p: { reason: string }) => p.reason,
  'yamlReason.other': (p: { reason: string }) => p.reason,

  'frontMatter.missing': () =>
    'The article has no front-matter. Start the file with a line "---", then "title:", "date:" and the other fields, then another "---".',
  'frontMatter.code': (p: { language: string }) =>
    `Front-matter in ${p.language} is code, and bantin never runs code from an article. Write the front-matter in YAML ("---" alone on the first line).`,
  'frontMatter.notYaml': (p: { language: string }) =>
    `bantin reads front-matter in YAML only, not ${p.language}. Write "---" alone on the first line.`,
  'frontMatter.unclosed': () => 'The front-matter is not closed: add a line "---" after the last field, before the article text.',
  'frontMatter.notFields': () => 'The front-matter must be a list of fields ("title: ...", "date: ..."), one per line.',
  'frontMatter.invisibleEscape': (p: { key: string; name: string }) =>
    `The value of ${p.key} contains the invisible character ${p.name} (written as an escape such as "\\u0001"), which a web page may not contain. Remove it.`,

  'file.empty': () => 'The file is empty. An article needs front-matter (title, date, author) and text.',
  'file.notUtf8': () => 'The file is not valid UTF-8 text. Save it again as UTF-8 (in most editors: "Save with encoding" > UTF-8).',
  'file.nul': () => 'The file contains a NUL byte; it looks like a binary file, not an article.',
  'file.invisible': (p: { name: string }) =>
    `The file contains the invisible character ${p.name}, which a web page may not contain. Delete it (it often comes with text copied from another program).`,
  'file.unreadable': (p: { reason: string }) => `The file cannot be read: ${p.reason}.`,
  'file.changed': () => 'The file changed while the site was being built. Build again.',
  'file.badName': (p: { problem: string }) => `The file name cannot be used: ${p.problem}. Rename the file with letters, digits and hyphens.`,
  'content.missing': () => 'The content folder does not exist. Create it, or point to yours with --content.',
  'link.missing': () => 'This is a link to a file that does not exist.',
  'link.outsideContent': (p: { kind: string }) =>
    `This is a link to a ${p.kind} outside the content folder; bantin only builds files inside it.`,

  'field.missing': (p: { field: string }) => `The article has no ${p.field}. Add a line "${p.field}: ..." to the front-matter.`,
  'field.missingDate': (p: { field: string }) => `The article has no ${p.field}. Add a line such as "${p.field}: 2020-09-08".`,
  'field.type': (p: { field: string; expected: string; actual: string }) => `${p.field} must be ${p.expected}, but it is ${p.actual}.`,
  'field.typeText': (p: { field: string; expected: string; actual: string }) =>
    `${p.field} must be ${p.expected}, but it is ${p.actual}. Put the value in quotes if it is meant as text.`,
  'field.empty': (p: { field: string }) => `${p.field} is empty.`,
  'expected.text': () => 'text',
  'expected.date': () => 'a date such as 2020-09-08 or 08/09/2020',
  'expected.tags': () => 'a list such as [kinh tế, nông nghiệp] or a comma-separated text',
  'expected.flag': () => 'true or false',
  'value.list': () => 'a list',
  'value.group': () => 'a group of fields',
  'value.flag': (p: { value: string }) => `${p.value} (true/false)`,
  'value.number': (p: { value: string }) => `the number ${p.value}`,
  'value.text': (p: { value: string }) => p.value,

  'date.month': (p: { source: string; month: number }) => `${p.source} has month ${p.month}; a month is 1 to 12.`,
  'date.day': (p: { source: string; month: number; year: number; days: number }) =>
    `${p.source} is not a real date: month ${p.month} of ${p.year} has ${p.days} days.`,
  'date.time': (p: { source: string }) => `${p.source} has an impossible time of day.`,
  'date.offset': (p: { source: string }) => `${p.source} has an impossible UTC offset.`,
  'date.unknown': (p: { source: string }) =>
    `${p.source} is not a date bantin reads. Write it as 2020-09-08, 2020-09-08T14:30:00+07:00 or 08/09/2020.`,

  'slug.empty': () => 'The slug is empty.',
  'slug.long': (p: { length: number; max: number }) => `The slug is ${p.length} characters long; keep it under ${p.max}, a few words are enough.`,
  'slug.leaves': (p: { slug: string }) =>
    `The slug "${p.slug}" would leave the site folder; a slug is one word like "tin-moi" with no "/", "\\", ".." or "%".`,
  'slug.characters': (p: { slug: string; example: string }) =>
    `The slug "${p.slug}" has characters that do not belong in a URL; use lowercase a-z, digits and hyphens, for example "${p.example}".`,

  'permalink.invisible': (p: { shown: string; code: string }) =>
    `permalink ${p.shown} contains the invisible character U+${p.code}; write the pattern with visible characters only, ${PERMALINK_EXAMPLES}.`,
  'permalink.backslash': (p: { shown: string }) => `permalink ${p.shown} contains a backslash; separate the parts with "/", ${PERMALINK_EXAMPLES}.`,
  'permalink.percent': (p: { shown: string }) => `permalink ${p.shown} contains a "%" escape; write the characters themselves, ${PERMALINK_EXAMPLES}.`,
  'permalink.query': (p: { shown: string }) =>
    `permalink ${p.shown} contains "?" or "#", which end the path of a URL; use names and tokens only, ${PERMALINK_EXAMPLES}.`,
  'permalink.slashes': (p: { shown: string }) =>
    `permalink ${p.shown} must start and end with "/" and have no empty part; write a path inside the site, ${PERMALINK_EXAMPLES}.`,
  'permalink.dots': (p: { shown: string }) =>
    `permalink ${p.shown} has a "." or ".." part, which would put pages outside the site folder; write a path inside the site, ${PERMALINK_EXAMPLES}.`,
  'permalink.noSlug': (p: { shown: string }) => `permalink ${p.shown} has no :slug part; two articles would share one URL. Write ${PERMALINK_EXAMPLES}.`,
  'permalink.unknown': (p: { shown: string; token: string }) =>
    `permalink ${p.shown} uses ${p.token}, which bantin does not know; use :year, :month, :day, :slug or :section.`,

  'path.empty': () => 'the path is empty',
  'path.control': () => 'it contains a control character',
  'path.backslash': () => 'it contains a backslash',
  'path.absolute': () => 'it is an absolute path',
  'path.dots': () => 'it has a ".." or "." part',
  'path.emptyPart': () => 'it has an empty part ("//" or a "/" at an end)',

  'markdown.entity': (p: { entity: string; name: string }) =>
    `The entity ${p.entity} stands for the invisible character ${p.name}, which a web page or a feed may not contain. Remove it.`,
  'markdown.titleEntity': (p: { name: string }) =>
    `An entity in a link title stands for the invisible character ${p.name}, which a web page or a feed may not contain. Remove it.`,
  'markdown.tooDeep': () =>
    'Lists or quotes are nested too deeply here: bantin stops reading at this depth, so the rest of the article would be lost. Nest them less deeply.',

  'url.duplicate': (p: { url: string; other: string; output: string }) =>
    `This article has the URL "${p.url}", like ${p.other}; both would be written to ${p.output}. Rename one of the files, or give one a "slug:" of its own.`,
} as const;
