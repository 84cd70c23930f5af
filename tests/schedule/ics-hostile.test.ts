import { describe, expect, it } from 'vitest';
import { parseBusyIcs } from '../../shared/schedule/ics';

/*
 * Hostile .ics files, generated here. The importer must answer (never throw, never hang) with
 * bounded work. No test waits on a clock; the generous time bounds below only catch a blow-up
 * (quadratic or unbounded loops), not a slow machine.
 */

const event = (i: number, extra: readonly string[] = []) => ['BEGIN:VEVENT', `UID:e${i}`, 'DTSTART:20260512T140000Z', 'DTEND:20260512T150000Z', `SUMMARY:Evento ${i}`, ...extra, 'END:VEVENT'];
const calendar = (lines: readonly string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n');

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe('parseBusyIcs refuses', () => {
  it('files over the size limit, counted in UTF-8 bytes, before reading them', () => {
    expect(parseBusyIcs(calendar(['X'.repeat(3 * 1024 * 1024)]))).toEqual({ ok: false, reason: 'too_large' });
    // 1.5 M characters of 'ñ' are 3 MB of UTF-8.
    expect(parseBusyIcs(calendar([`X-NOTE:${'ñ'.repeat(1_500_000)}`]))).toEqual({ ok: false, reason: 'too_large' });
    expect(parseBusyIcs(calendar(event(1)), { maxBytes: 100 })).toEqual({ ok: false, reason: 'too_large' });
  });

  it.each([
    ['empty', ''],
    ['JSON', '{"events": []}'],
    ['vCard', 'BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n'],
    ['binary', String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 37) % 256))],
    ['HTML', '<html><body>BEGIN:VCALENDAR</body></html>'],
  ])('what is not iCalendar (%s)', (_name, text) => {
    expect(parseBusyIcs(text)).toEqual({ ok: false, reason: 'not_icalendar' });
  });

  it('broken structure: BEGIN without END, END without BEGIN, mismatched names, content after the end', () => {
    expect(parseBusyIcs('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260512T140000Z\r\n')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseBusyIcs(calendar(['END:VEVENT']))).toEqual({ ok: false, reason: 'malformed' });
    expect(parseBusyIcs(calendar(['BEGIN:VEVENT', 'END:VTODO']))).toEqual({ ok: false, reason: 'malformed' });
    expect(parseBusyIcs(`${calendar(event(1))}SUMMARY:trailing\r\n`)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('deep nesting (200 000 nested BEGIN lines without END) stops at the depth limit', () => {
    const text = `BEGIN:VCALENDAR\r\n${'BEGIN:X\r\n'.repeat(200_000)}`;
    const { value, ms } = timed(() => parseBusyIcs(text));
    expect(value).toEqual({ ok: false, reason: 'too_complex' });
    expect(ms).toBeLessThan(2_000);
  });

  it('more events than maxEvents', () => {
    const lines = Array.from({ length: 5_001 }, () => ['BEGIN:VEVENT', 'END:VEVENT']).flat();
    expect(parseBusyIcs(calendar(lines))).toEqual({ ok: false, reason: 'too_complex' });
    expect(parseBusyIcs(calendar([...event(1), ...event(2)]), { maxEvents: 1 })).toEqual({ ok: false, reason: 'too_complex' });
  });

  it('an invalid window is a caller error reported as malformed, not a throw', () => {
    expect(parseBusyIcs(calendar(event(1)), { window: { from: 'yesterday', to: 'tomorrow' } })).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('parseBusyIcs stays bounded on', () => {
  it('100 000 lines of junk properties inside the calendar', () => {
    const junk = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? `X-J;B="x:y":${i}` : `X:${i}`));
    const { value, ms } = timed(() => parseBusyIcs(calendar([...junk, ...event(1)])));
    expect(value).toMatchObject({ ok: true, skipped: 0 });
    expect(value.ok && value.blocks).toHaveLength(1);
    expect(ms).toBeLessThan(3_000);
  });

  it('an 800 KB summary, a 600 KB folded description and a 200 KB parameter (under the 2 MiB limit together)', () => {
    const folded = `DESCRIPTION:${'a'.repeat(74)}${'\r\n b'.repeat(200_000)}`;
    const text = calendar([...event(1, [`X-A;P="${'q'.repeat(200_000)}":1`, folded]), ...event(2).map((line) => (line.startsWith('SUMMARY') ? `SUMMARY:${'ñ'.repeat(400_000)}` : line))]);
    const { value, ms } = timed(() => parseBusyIcs(text));
    if (!value.ok) throw new Error(value.reason);
    expect(value.blocks.map((block) => block.summary.length)).toEqual([8, 200]);
    expect(ms).toBeLessThan(3_000);
  });

  it('100 daily series, each with 1 000 EXDATEs', () => {
    const exdates = `EXDATE:${Array.from({ length: 1_000 }, (_, i) => `2026${String(1 + (i % 12)).padStart(2, '0')}20T140000Z`).join(',')}`;
    const lines = Array.from({ length: 100 }, (_, i) => event(i, ['RRULE:FREQ=DAILY', exdates])).flat();
    const { value, ms } = timed(() => parseBusyIcs(calendar(lines), { window: { from: '2026-05-01T00:00:00Z', to: '2026-06-01T00:00:00Z' } }));
    if (!value.ok) throw new Error(value.reason);
    // 12-31 May, minus the excluded 20 May, for every series.
    expect(value.blocks).toHaveLength(100 * 19);
    expect(value.blocks.some((block) => block.start.startsWith('2026-05-20'))).toBe(false);
    expect(ms).toBeLessThan(10_000);
  });

  it('recurrences: a daily series since 1900, thousands of daily series', () => {
    const window = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
    const old = calendar(['BEGIN:VEVENT', 'UID:old', 'DTSTART:19000101T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY', 'SUMMARY:old', 'END:VEVENT']);
    const { value: oldResult, ms: oldMs } = timed(() => parseBusyIcs(old, { window }));
    if (!oldResult.ok) throw new Error(oldResult.reason);
    // 365 days in the window, under the per-series cap.
    expect(oldResult.blocks).toHaveLength(365);
    expect(oldMs).toBeLessThan(5_000);

    const many = calendar(Array.from({ length: 3_000 }, (_, i) => ['BEGIN:VEVENT', `UID:s${i}`, 'DTSTART:20260101T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY', 'END:VEVENT']).flat());
    const { value: manyResult, ms: manyMs } = timed(() => parseBusyIcs(many, { window }));
    if (!manyResult.ok) throw new Error(manyResult.reason);
    expect(manyResult.blocks).toHaveLength(5_000);
    expect(manyResult.warnings.map((w) => w.code)).toContain('recurrence_truncated');
    expect(manyMs).toBeLessThan(10_000);
  });

  it('per-series cap', () => {
    const text = calendar(['BEGIN:VEVENT', 'UID:x', 'DTSTART:20260101T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY', 'END:VEVENT']);
    const result = parseBusyIcs(text, { window: { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }, maxOccurrencesPerSeries: 10 });
    expect(result).toMatchObject({ ok: true, warnings: [{ code: 'recurrence_truncated', count: 1 }] });
    expect(result.ok && result.blocks).toHaveLength(10);
  });

  it('garbage values everywhere never throw', () => {
    const nasty = [
      'DTSTART;TZID=:20260512T100000',
      'DTSTART;TZID="unterminated:20260512T100000',
      'DTSTART;VALUE=DATE:99999999',
      'DTSTART:2026051',
      'DTSTART;TZID=-03:00:20260512T100000',
      'DURATION:P',
      'DURATION:PT',
      'DURATION:-PT1H',
      'RRULE:FREQ=SECONDLY',
      'RRULE:FREQ=DAILY;INTERVAL=0',
      'RRULE:FREQ=DAILY;COUNT=-1',
      'RRULE:;;;=;',
      'RRULE:FREQ=WEEKLY;BYDAY=XX',
      'RRULE:FREQ=DAILY;UNTIL=garbage',
      'EXDATE:not-a-date',
      'RECURRENCE-ID:zzz',
      ';;;:::',
      ':',
      '\u0000\u0001\u0002',
    ];
    const lines = nasty.flatMap((line, i) => ['BEGIN:VEVENT', `UID:n${i}`, 'DTSTART:20260512T140000Z', 'DTEND:20260512T150000Z', line, 'END:VEVENT']);
    const lonely = nasty.flatMap((line, i) => ['BEGIN:VEVENT', `UID:l${i}`, line, 'END:VEVENT']);
    for (const window of [undefined, { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }]) {
      const result = parseBusyIcs(calendar([...lines, ...lonely]), window ? { window } : {});
      expect(result.ok).toBe(true);
    }
  });

  it('random mutations of a real file never throw', () => {
    const base = calendar([...event(1, ['RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10']), ...event(2)]);
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 500; round++) {
      const chars = [...base];
      for (let k = 0; k < 5; k++) chars[Math.floor(random() * chars.length)] = String.fromCharCode(Math.floor(random() * 128));
      expect(() => parseBusyIcs(chars.join(''), { window: { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' } })).not.toThrow();
    }
  });
});
