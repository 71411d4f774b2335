// Types of photos.mjs, for the tests that draw photos with it.
export interface PhotoOptions {
  width?: number;
  height?: number;
  seed?: number;
  label?: string;
  grain?: number;
  quality?: number;
  format?: 'jpeg' | 'png';
  gps?: boolean;
  orientation?: number;
}
export function sceneSvg(width: number, height: number, seed?: number, label?: string): string;
export function makePhoto(options?: PhotoOptions): Promise<Buffer>;
export const PHOTO_ARTICLE: string;
export function writePhotoArticle(root: string): Promise<void>;
