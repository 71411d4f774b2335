// What bantin says about photos, standalone pages, old addresses (aliases), files that would
// land on one another and links between articles, in English; vi-pages.ts has the same ids.

const ALIAS_EXAMPLE = 'such as "/tin-cu/" or "/2019/05/tin-cu.html"';
const BASE_URL_EXAMPLE = 'such as "https://backan.gov.vn/bantin/"';
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export const enPages = {
  'dev.notListening': () => 'once it listens',
  'dev.forbidden': (p: { own: string; asked: string }) =>
    `403 Forbidden: bantin dev answers only at its own address, ${p.own}, not at "${p.asked}". Open that address, or start bantin dev with --host set to the name you use.`,
  'character.lone': (p: { hex: string }) => `${p.hex} (half of a character: an escape such as "\\uD800" without its other half)`,
  'character.bidi': (p: { hex: string }) => `${p.hex} (a bidi control that reverses the text after it, not closed by U+202C on its line)`,
  'character.isolate': (p: { hex: string }) => `${p.hex} (a bidi isolate that reverses the text after it, not closed by U+2069 on its line)`,
  'config.notAllowed': () => 'is not allowed',
  'hint.author': () => 'Author',
  'hint.summary': () => 'Lead: one or two sentences, shown in bold under the title',
  'hint.category': () => 'Section, for example: News',
  'hint.tags': () => 'Tags, for example: [education, schools]',
  'cli.at': (p: { where: string; text: string }) => `${p.where}  ${p.text}`,
  'cli.photosMade': (p: { count: number }) =>
    `Made ${plural(p.count, 'photo')} in the sizes the site serves; .bantin-cache/images/ keeps them for the next build.`,
  'config.baseUrlNotWeb': (p: { value: string }) =>
    `baseUrl ${p.value} is not a web address; write the site's address as a browser shows it, starting with https:// or http://, ${BASE_URL_EXAMPLE}.`,
  'config.baseUrlQuery': (p: { value: string }) =>
    `baseUrl ${p.value} has a "?" or "#" part; every page's address is made by adding to it, so write the site's address alone, ${BASE_URL_EXAMPLE}.`,
  'template.listItem': (p: { file: string }) => `the list item of ${p.file}`,
  'template.pageOf': (p: { file: string }) => `the page of ${p.file}`,
  'template.errorMaking': (p: { making: string; detail: string }) => `Template error while making ${p.making}: ${p.detail}`,
  'file.tooLarge': (p: { size: string; max: string }) =>
    `The file is ${p.size}; bantin reads articles up to ${p.max}. A file this large is not a bulletin's text: put videos, archives and documents in static/ and link to them.`,
  'file.deleted': () => 'The file was deleted or moved while the site was being built. Build again.',
  'field.bothAuthors': () => 'The article has both author: and authors:. Keep one of them, with every name in it.',
  'expected.author': () => 'a name, or a list of names such as [Minh Hiệp, Thu Hà]',
  'expected.authors': () => 'a list of names such as [Minh Hiệp, Thu Hà]',
  'expected.pinned': () => 'true, false, or the date until which the notice stays, such as 2020-10-01',
  'expected.image': () => 'the address of a picture, such as anh-cau.jpg (beside the article) or /anh/cau.jpg (in static/)',
  'expected.aliases': () => 'a list of old addresses such as [/tin-cu/]',
  'expected.number': () => 'a number',
  'expected.pixels': (p: { example: number }) => `a number of pixels, such as ${p.example}`,
  'field.sizeTogether': () => 'image_width and image_height go together: give the other one as well, or neither.',
  'cli.brokenLeftCount': (p: { count: number }) => `${p.count} ${p.count === 1 ? 'broken link or missing image' : 'broken links or missing images'}`,
  'cli.brokenLeft': () => 'left in the site (brokenLinks: warn): "bantin check" lists each, with what to do.',
  'html.tagTooLong': (p: { length: string; max: string }) =>
    `This HTML tag is ${p.length} characters long; bantin reads tags up to ${p.max}. If it holds a picture written as "data:", save the picture in static/images/ and link to it.`,

  'page.noTitle': () => 'The page has no title. Add a line "title: ..." to the front-matter.',
  'page.exists': () => 'This page already exists; bantin does not overwrite it. Open the file to go on writing, or choose another title.',

  'alias.notThisSite': (p: { shown: string; site: string }) =>
    `The alias ${p.shown} is not an address of this site${p.site}; write the old address from the site's folder, ${ALIAS_EXAMPLE}.`,
  'alias.site': (p: { baseUrl: string }) => ` (${p.baseUrl})`,
  'alias.noSlash': (p: { shown: string }) => `The alias ${p.shown} must start with "/": write the old address from the site's folder, ${ALIAS_EXAMPLE}.`,
  'alias.query': (p: { shown: string }) =>
    `The alias ${p.shown} has a "?" or "#" part, which a static site cannot tell apart; write the path alone, ${ALIAS_EXAMPLE}.`,
  'alias.escape': (p: { shown: string }) => `The alias ${p.shown} has a broken "%" escape; write the characters themselves, ${ALIAS_EXAMPLE}.`,
  'alias.home': (p: { shown: string }) =>
    `The alias ${p.shown} is the home page, which is a page of its own; write the article's old address, ${ALIAS_EXAMPLE}.`,
  'alias.notPlain': (p: { shown: string }) =>
    `The alias ${p.shown} is not a plain path inside the site (no "\\", "..", "." or empty parts); write it ${ALIAS_EXAMPLE}.`,
  'alias.notList': () => 'aliases must be a list of old addresses such as [/tin-cu/], or one address.',
  'alias.notText': (p: { item: number }) => `Each alias must be an address such as "/tin-cu/", but item ${p.item} is not text.`,
  'alias.moved': (p: { from: string; to: string; keep: string }) =>
    `This article's address changed since the last build, from "/${p.from}" to "/${p.to}": links to the old one, on other sites and in print, now lead nowhere. Add "aliases: [/${p.from}]" to send readers here${p.keep}.`,
  'alias.keepSlug': (p: { slug: string }) => ` (or "slug: ${p.slug}" to keep the old address)`,
  'alias.gone': (p: { url: string }) =>
    `This file is gone, and the address the last build published it at, "/${p.url}", now leads nowhere. If the article was moved or renamed, add "aliases: [/${p.url}]" to it.`,

  'clash.theArticle': (p: { file: string }) => `the article ${p.file}`,
  'clash.thePage': (p: { file: string }) => `the page ${p.file}`,
  'clash.madePage': (p: { url: string }) => `the page bantin makes at ${p.url}`,
  'clash.pageThere': (p: { output: string; what: string }) =>
    `This page would be written to ${p.output}, where ${p.what} goes. Rename the file, or give the page a "slug:" of its own.`,
  'clash.alias': (p: { path: string }) => `The alias "/${p.path}"`,
  'clash.thisArticle': () => 'This article',
  'clash.theAddress': (p: { path: string }) => `the address ${p.path}`,
  'clash.written': (p: { who: string; path: string; other: string; fix: string }) => `${p.who} would be written to ${p.path}, like ${p.other}. ${p.fix}`,
  'clash.writeOnce': () => 'Write it once.',
  'clash.removeAlias': () => 'Remove this alias: the address already leads somewhere.',
  'clash.giveSlug': () => 'Give the article a "slug:" of its own, or rename its file.',
  'clash.aliasOf': (p: { path: string; place: string }) => `the alias "/${p.path}" of ${p.place}`,
  'clash.listing': () => 'a listing page of the site',
  'clash.madeAt': (p: { output: string }) => `a page bantin makes (${p.output})`,
  'clash.articleData': () => "This article's open-data file",
  'clash.article': () => 'This article',
  'clash.static': () => 'This file',
  'clash.theme': () => 'This theme file',
  'clash.page': () => 'A page bantin makes',
  'clash.same': (p: { named: string }) => `where ${p.named} goes`,
  'clash.case': (p: { named: string; path: string }) =>
    `and ${p.named} to ${p.path}: hosts that do not tell capital from small letters (Windows, macOS and many web hosts) would keep only one of them`,
  'clash.inside': (p: { named: string; path: string }) => `inside a folder ${p.path}/, but ${p.path} is ${p.named}`,
  'clash.around': (p: { named: string; path: string }) => `but ${p.named} needs a folder of that name for ${p.path}`,
  'clash.fixArticle': () => 'Give the article a different "slug:".',
  'clash.fixStatic': () => 'Rename or move the file in the static folder.',
  'clash.fixStaticOrSlug': () => 'Rename or move the file in the static folder, or give the article a different "slug:".',
  'clash.fixTheme': () => 'Rename the theme file.',
  'clash.fixPage': (p: { config: string }) => `Change the permalink in ${p.config}.`,
  'clash.problem': (p: { what: string; path: string; why: string; fix: string }) => `${p.what} would be written to ${p.path}, ${p.why}. ${p.fix}`,
  'clash.articlePage': (p: { file: string }) => `the page of the article ${p.file}`,
  'clash.articleDataOf': (p: { file: string }) => `the open-data file of the article ${p.file}`,
  'clash.staticFile': (p: { file: string }) => `the static file ${p.file}`,
  'clash.themeFile': (p: { file: string }) => `the theme's file ${p.file}`,
  'clash.aPage': () => 'a page bantin makes',
  'clash.aFile': () => 'a file bantin makes',

  'check.staticMissing': (p: { what: string; link: string; path: string }) =>
    `The ${p.what} ${p.link} is written to the file static/${p.path}, which is not there. Put the file there, or correct the path; it is written from this article's file.`,
  'check.climbsOut': (p: { what: string; link: string; url: string }) =>
    `The ${p.what} ${p.link} climbs out of the site's folder from this article's address (${p.url}). Write it from the article's file instead (to static/ or to another article's .md file), so it works whatever the address.`,
  'check.articleFileMissing': (p: { link: string; file: string }) =>
    `The link ${p.link} leads to the article file ${p.file} in the content folder, which is not there. Correct the path; it is written from this article's file.`,
  'check.thisArticle': () => 'this article',
  'check.scheduledLater': () => 'scheduled',
  'check.anchorMissing': (p: { link: string; anchor: string; where: string; ids: string }) =>
    `The link ${p.link} leads to "#${p.anchor}", but ${p.where} has no heading or footnote with that id.${p.ids}`,
  'check.anchorIds': (p: { known: string }) => ` Its ids: ${p.known}.`,
  'check.moreBroken': (p: { count: number }) =>
    `${p.count} more broken links or missing images (brokenLinks: warn); "bantin check" lists them all.`,

  'photo.problem': (p: { file: string; problem: string }) => `The image ${p.file} ${p.problem}.`,
  'photo.notPicture': () => 'is not a picture (or is damaged): save it again as JPEG, PNG or WebP',
  'photo.format': (p: { format: string }) => `is a ${p.format} file, which browsers do not show: save it as JPEG, PNG or WebP`,
  'photo.noSize': () => 'has no size that can be read: save it again',
  'photo.svgScript': () => 'is an SVG drawing with scripts or embedded content, which could run on the site: save it again without them, or as PNG',
  'photo.truncated': (p: { reason: string }) => `cannot be read to the end (${p.reason}): save it again as JPEG, PNG or WebP`,
  'photo.unreadable': (p: { file: string; reason: string }) => `The image ${p.file} cannot be read: ${p.reason}.`,
  'photo.oversized': (p: { file: string; width: number; height: number; widest: number; suggested: number }) =>
    `The photo ${p.file} is ${p.width}×${p.height} pixels; the site serves it at most ${p.widest} pixels wide. Making it takes time whenever it changes: save it at about ${p.suggested} pixels wide.`,
  'photo.defaultMissing': (p: { value: string; path: string }) =>
    `images.default is ${p.value}, but static/${p.path} is not there. Put the picture there, or correct the setting.`,
  'photo.coverNoAlt': (p: { target: string; statement: string }) =>
    `The cover picture ${p.target} has no alt text. Add a line "image_alt: ..." saying what it shows, for readers who cannot see it.${p.statement}`,
  'photo.noAlt': (p: { target: string; shown: string; statement: string }) =>
    `The image ${p.target} has no alt text. Say what it shows between the brackets, such as ![Lễ khai giảng tại Bắc Kạn](${p.shown}), for readers who cannot see it.${p.statement}`,
  'photo.altPromised': () => ' The accessibility statement (conformance: full in bantin.yaml) promises every image has one.',
  'photo.missing': (p: { target: string; where: string }) =>
    `The image ${p.target} is not there${p.where}. Put the file there (beside the article, or in static/), or correct the address.`,
  'photo.looked': (p: { paths: string }) => `: bantin looked for ${p.paths}`,
  'photo.coverNotWeb': (p: { target: string }) =>
    `The cover picture ${p.target} is not shown: a picture on another site is written with its full address, starting with https://. Write that, or put the picture beside the article.`,
  'photo.tooLarge': (p: { file: string; size: string; max: string; enough: string }) =>
    `The image ${p.file} is ${p.size}; bantin makes photos of up to ${p.max} ("limits: photoMB:" in bantin.yaml). Save it smaller: ${p.enough} is plenty for a screen.`,
  'static.tooLarge': (p: { size: string; max: string }) =>
    `The file is ${p.size}; bantin publishes files in static/ up to ${p.max} ("limits: staticFileMB:" in bantin.yaml). Most hosts refuse larger files: put a video on a video site and link to it, or make the file smaller.`,
  'photo.both': (p: { first: string; second: string }) => `${p.first} and ${p.second}`,
} as const;
