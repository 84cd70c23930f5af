// The Liberation families (metric-compatible with Arial/Times/Courier) embedded as subsets, so
// the output is real, extractable text that looks the same in every reader.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { resourcesDir } from '../resources';

export type FontFamily = 'sans' | 'serif';
export interface FontStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Monospace (hashes, identifiers): Liberation Mono regular whatever the other flags say. */
  readonly mono?: boolean;
}

const FILE_FAMILY: Record<FontFamily, string> = { sans: 'LiberationSans', serif: 'LiberationSerif' };

function fileName(family: FontFamily, style: FontStyle): string {
  if (style.mono) return 'LiberationMono-Regular.ttf';
  const variant = style.bold && style.italic ? 'BoldItalic' : style.bold ? 'Bold' : style.italic ? 'Italic' : 'Regular';
  return `${FILE_FAMILY[family]}-${variant}.ttf`;
}

const fileCache = new Map<string, Uint8Array>();
function fontFile(path: string): Uint8Array {
  let bytes = fileCache.get(path);
  if (!bytes) fileCache.set(path, (bytes = readFileSync(path)));
  return bytes;
}

export interface EmbeddedFont {
  readonly font: PDFFont;
  /** Code points the font has glyphs for. */
  readonly covers: ReadonlySet<number>;
}

/**
 * Embeds fonts into one document on first use. Ligatures are off so that extracted text reads
 * "fi" rather than a ligature glyph some readers cannot map back.
 */
export class FontSet {
  readonly #doc: PDFDocument;
  readonly #family: FontFamily;
  readonly #dir: string;
  readonly #embedded = new Map<string, Promise<EmbeddedFont>>();

  constructor(doc: PDFDocument, family: FontFamily, resources?: string) {
    doc.registerFontkit(fontkit);
    this.#doc = doc;
    this.#family = family;
    this.#dir = join(resourcesDir(resources), 'fonts');
  }

  get(style: FontStyle = {}): Promise<EmbeddedFont> {
    const name = fileName(this.#family, style);
    let font = this.#embedded.get(name);
    if (!font) {
      font = this.#doc
        .embedFont(fontFile(join(this.#dir, name)), { subset: true, features: { liga: false, clig: false, dlig: false } })
        .then((embedded) => ({ font: embedded, covers: new Set(embedded.getCharacterSet()) }));
      this.#embedded.set(name, font);
    }
    return font;
  }
}

/**
 * Text the font can draw: NFC-composed (so "é" typed as e + accent uses the precomposed
 * glyph), tabs as spaces, other control characters dropped, and every character the font
 * lacks (CJK, emoji…) shown as '?' instead of failing or drawing an empty box.
 */
export function drawable(text: string, covers: ReadonlySet<number>): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\t') out += ' ';
    else if (char === '\n') out += char;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029) continue;
    else out += covers.has(code) ? char : '?';
  }
  return out;
}
