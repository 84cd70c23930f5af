// Real images made in the test with @napi-rs/canvas.
import { createCanvas } from '@napi-rs/canvas';

/** A white image with a red block in its top-left quarter. */
export function quarterCanvas(width: number, height: number) {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#ff0000';
  context.fillRect(0, 0, width / 2, height / 2);
  return canvas;
}

/**
 * Inserts an EXIF APP1 block right after the JPEG's SOI marker with an orientation tag and a
 * GPS IFD pointer, as phones write them.
 */
export function withExif(jpeg: Uint8Array, orientation: number, marker = 'GPS-SECRET-33.4489S'): Uint8Array {
  const text = Buffer.from(marker + '\0', 'latin1');
  // TIFF, big-endian: IFD0 with Orientation (0x0112) and ImageDescription (0x010E) → the marker.
  const ifdOffset = 8;
  const entries = 2;
  const ifdSize = 2 + entries * 12 + 4;
  const tiff = Buffer.alloc(8 + ifdSize + text.length);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(ifdOffset, 4);
  tiff.writeUInt16BE(entries, 8);
  let at = 10;
  tiff.writeUInt16BE(0x010e, at); tiff.writeUInt16BE(2, at + 2); tiff.writeUInt32BE(text.length, at + 4); tiff.writeUInt32BE(8 + ifdSize, at + 8);
  at += 12;
  tiff.writeUInt16BE(0x0112, at); tiff.writeUInt16BE(3, at + 2); tiff.writeUInt32BE(1, at + 4); tiff.writeUInt16BE(orientation, at + 8);
  at += 12;
  tiff.writeUInt32BE(0, at);
  text.copy(tiff, 8 + ifdSize);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([Buffer.from(jpeg.subarray(0, 2)), header, payload, Buffer.from(jpeg.subarray(2))]);
}
