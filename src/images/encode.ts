// The sharp adapter: what a picture is, and the smaller copies readers are sent. Every photo is
// turned upright by its EXIF orientation and loses its metadata (camera, GPS position) on the way.
import type { Metadata, Sharp, SharpOptions } from 'sharp';
import type { ImageSettings } from '../config.js';
import { msg, say, type Message } from '../messages/index.js';

type SharpFunction = (input?: Uint8Array, options?: SharpOptions) => Sharp;
let loaded: SharpFunction | undefined;

/** sharp, loaded by the first build that has a picture: loading it costs every other command time. */
async function sharpFunction(): Promise<SharpFunction> {
  loaded ??= (await import('sharp')).default as SharpFunction;
  return loaded;
}

/** One file made from a picture. */
export interface EncodedFile {
  /** `800.webp`: its width and format; the output name adds the picture's own. */
  name: string;
  type: string;
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** A picture as the site serves it: its size upright, and the files made from it. */
export interface Encoded {
  width: number;
  height: number;
  /** Files in the modern format (WebP or AVIF), narrowest first; none for a picture passed through. */
  modern: EncodedFile[];
  /** JPEG or PNG files, narrowest first; or the one SVG or GIF, passed through as it is. */
  fallback: EncodedFile[];
}

/** What a picture's header says, without decoding it. */
export interface PictureFacts {
  format: string;
  /** Upright. */
  width: number;
  height: number;
}

/** Formats sharp reads that bantin makes photos from; SVG and GIF pass through as they are. */
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'tiff']);
const PASSED_THROUGH: Record<string, string> = { svg: 'image/svg+xml', gif: 'image/gif' };

/** Why a picture cannot be published, in an editor's words. */
export class PictureProblem extends Error {
  constructor(readonly detail: Message) {
    super(say(detail, 'en'));
  }
}

/** Reads a picture's header; throws a PictureProblem for a file that is not a picture bantin takes. */
export async function inspectPicture(bytes: Uint8Array): Promise<PictureFacts> {
  const sharp = await sharpFunction();
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new PictureProblem(msg('photo.notPicture'));
  }
  const format = meta.format;
  if (!PHOTO_FORMATS.has(format) && !(format in PASSED_THROUGH)) {
    throw new PictureProblem(msg('photo.format', { format: String(format) }));
  }
  if (format === 'svg') checkSvg(bytes);
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = format === 'gif' ? (meta.pageHeight ?? meta.height ?? 0) : (meta.autoOrient?.height ?? meta.height ?? 0);
  if (width === 0 || height === 0) throw new PictureProblem(msg('photo.noSize'));
  return { format, width, height };
}

/**
 * An SVG opened at its own address runs its scripts as part of the site: one that could is
 * refused rather than published.
 */
function checkSvg(bytes: Uint8Array): void {
  const text = Buffer.from(bytes).toString('utf8');
  if (/<script|<foreignObject|<!ENTITY|\son[a-z]+\s*=|javascript:|<iframe|<embed|<object/i.test(text)) {
    throw new PictureProblem(msg('photo.svgScript'));
  }
}

/** The widths a picture `width` pixels wide is made in: never wider than it is. */
export function widthsFor(width: number, widths: readonly number[]): number[] {
  const sorted = [...widths].sort((a, b) => a - b);
  const fitting = sorted.filter((w) => w < width);
  if (fitting.length < sorted.length) fitting.push(width);
  return fitting;
}

/**
 * Makes the files readers are sent. `facts`: what `inspectPicture` said of these bytes. A file
 * damaged past its header, or too large to decode (sharp's limit: 268 million pixels), is a
 * PictureProblem.
 */
export async function encodePicture(bytes: Uint8Array, facts: PictureFacts, settings: ImageSettings): Promise<Encoded> {
  try {
    return await encode(bytes, facts, settings);
  } catch (error) {
    throw new PictureProblem(msg('photo.truncated', { reason: (error as Error).message.replace(/\s+/g, ' ').trim() }));
  }
}

async function encode(bytes: Uint8Array, facts: PictureFacts, settings: ImageSettings): Promise<Encoded> {
  const type = PASSED_THROUGH[facts.format];
  if (type) {
    const file = { name: `${facts.width}.${facts.format}`, type, width: facts.width, height: facts.height, bytes };
    return { width: facts.width, height: facts.height, modern: [], fallback: [file] };
  }
  const sharp = await sharpFunction();
  const widths = widthsFor(facts.width, settings.widths);
  const widest = widths.at(-1)!;
  // Decoded once, upright, at the widest width served (JPEG shrinks while it loads): the
  // narrower copies come from those pixels, not from the full photo again.
  const { data, info } = await sharp(bytes).autoOrient().resize({ width: widest }).raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const alpha = info.channels === 4 || info.channels === 2;
  const modern: EncodedFile[] = [];
  const fallback: EncodedFile[] = [];
  for (const width of widths) {
    const resized = width === widest ? sharp(data, raw) : sharp(data, raw).resize({ width });
    const made = await Promise.all([modernOf(resized.clone(), settings), fallbackOf(resized.clone(), settings.quality, alpha)]);
    for (const [list, { data: out, info: size }, format] of [[modern, made[0], settings.format], [fallback, made[1], alpha ? 'png' : 'jpeg']] as const) {
      list.push({ name: `${width}.${format === 'jpeg' ? 'jpg' : format}`, type: `image/${format}`, width: size.width, height: size.height, bytes: out });
    }
  }
  return { width: facts.width, height: facts.height, modern, fallback };
}

function modernOf(image: Sharp, settings: ImageSettings) {
  // Effort 2: as small as effort 4 on photos (measured), in a sixth of the time.
  const made = settings.format === 'avif' ? image.avif({ quality: Math.max(30, settings.quality - 15), effort: 2 }) : image.webp({ quality: settings.quality, effort: 2 });
  return made.toBuffer({ resolveWithObject: true });
}

function fallbackOf(image: Sharp, quality: number, alpha: boolean) {
  // The fallback reaches old browsers and sharing previews only: plain libjpeg, twice as fast as mozjpeg.
  const made = alpha ? image.png({ compressionLevel: 9, palette: false }) : image.jpeg({ quality, progressive: true, optimiseCoding: true });
  return made.toBuffer({ resolveWithObject: true });
}
