// Seeded images drawn with @napi-rs/canvas: a JPEG photo of a damaged parcel and a PNG
// screenshot of a store's chat. Few variants (encoding costs ~20 ms each); the seed stores
// each one once and every case that shows it points at the same bytes.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';

/** A photo of a crushed, torn delivery box on a floor; `variant` moves the damage and the light. */
export function damagePhotoJpeg(variant: number): Buffer {
  const canvas = createCanvas(960, 720);
  const g = canvas.getContext('2d');
  const floor = g.createLinearGradient(0, 0, 0, 720);
  floor.addColorStop(0, variant % 2 === 0 ? '#8d8173' : '#7b8289');
  floor.addColorStop(1, '#3e3a35');
  g.fillStyle = floor;
  g.fillRect(0, 0, 960, 720);
  // Floor boards.
  g.strokeStyle = 'rgba(0,0,0,0.18)';
  for (let x = -200; x < 1200; x += 120) line(g, x, 720, x + 260, 300);

  const dx = (variant * 37) % 80;
  // The box: front, top and a crushed corner.
  g.fillStyle = '#b98a53';
  g.beginPath();
  g.moveTo(260 + dx, 560);
  g.lineTo(700 + dx, 560);
  g.lineTo(700 + dx, 330);
  g.lineTo(560 + dx, 300);
  g.lineTo(520 + dx, 360);
  g.lineTo(260 + dx, 330);
  g.closePath();
  g.fill();
  g.fillStyle = '#d0a46c';
  g.beginPath();
  g.moveTo(260 + dx, 330);
  g.lineTo(360 + dx, 250);
  g.lineTo(780 + dx, 250);
  g.lineTo(700 + dx, 330);
  g.closePath();
  g.fill();
  g.fillStyle = '#8f6638';
  g.beginPath();
  g.moveTo(700 + dx, 560);
  g.lineTo(780 + dx, 470);
  g.lineTo(780 + dx, 250);
  g.lineTo(700 + dx, 330);
  g.closePath();
  g.fill();
  // The tear, the dent and the tape.
  g.strokeStyle = '#2b1d10';
  g.lineWidth = 4;
  g.beginPath();
  g.moveTo(330 + dx, 420);
  for (let i = 1; i <= 8; i += 1) g.lineTo(330 + dx + i * 28, 420 + (i % 2 === 0 ? -14 : 16) + variant * 3);
  g.stroke();
  g.fillStyle = 'rgba(40,25,10,0.45)';
  g.beginPath();
  g.ellipse(560 + dx, 470, 70, 36, 0.3, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = 'rgba(230,220,190,0.85)';
  g.fillRect(440 + dx, 250, 60, 310);
  // A shipping label.
  g.fillStyle = '#f4f1ea';
  g.fillRect(300 + dx, 470, 150, 70);
  g.fillStyle = '#222';
  g.font = '14px sans-serif';
  g.fillText('FRÁGIL', 315 + dx, 495);
  for (let i = 0; i < 14; i += 1) g.fillRect(312 + dx + i * 9, 508, i % 3 === 0 ? 4 : 2, 24);
  return canvas.toBuffer('image/jpeg', 82);
}

/** A phone screenshot of the store's chat: the consumer asks, the store answers. */
export function storeChatPng(brandName: string, lines: ReadonlyArray<{ fromStore: boolean; text: string }>): Buffer {
  const width = 540;
  const canvas = createCanvas(width, 960);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ece5dd';
  g.fillRect(0, 0, width, 960);
  g.fillStyle = '#075e54';
  g.fillRect(0, 0, width, 96);
  g.fillStyle = '#ffffff';
  g.font = 'bold 24px sans-serif';
  g.fillText(brandName, 88, 48);
  g.font = '16px sans-serif';
  g.fillText('Servicio al cliente · en línea', 88, 76);
  g.beginPath();
  g.arc(44, 48, 26, 0, Math.PI * 2);
  g.fillStyle = '#cfd8dc';
  g.fill();

  let y = 130;
  g.font = '18px sans-serif';
  for (const line of lines) {
    const wrapped = wrap(g, line.text, 330);
    const boxWidth = Math.max(...wrapped.map((part) => g.measureText(part).width)) + 28;
    const boxHeight = wrapped.length * 24 + 20;
    const x = line.fromStore ? 16 : width - boxWidth - 16;
    g.fillStyle = line.fromStore ? '#ffffff' : '#dcf8c6';
    g.fillRect(x, y, boxWidth, boxHeight);
    g.fillStyle = '#1b1b1b';
    wrapped.forEach((part, i) => g.fillText(part, x + 14, y + 30 + i * 24));
    y += boxHeight + 18;
    if (y > 900) break;
  }
  return canvas.toBuffer('image/png');
}

function line(g: SKRSContext2D, x1: number, y1: number, x2: number, y2: number): void {
  g.beginPath();
  g.moveTo(x1, y1);
  g.lineTo(x2, y2);
  g.stroke();
}

function wrap(g: SKRSContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const next = current ? `${current} ${word}` : word;
    if (current && g.measureText(next).width > maxWidth) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}
