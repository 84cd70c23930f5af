import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n';
import { byUrgency, deadlineCell, DEADLINES_PER_DAY } from '../../renderer/src/features/agenda/deadline-row';
import { blockLines } from '../../renderer/src/features/agenda/week-layout';

type State = 'overdue' | 'due_soon' | 'on_track' | 'none';
const deadline = (id: string, state: State, dueAt = '2026-11-20T15:00:00Z') => ({ id, state, dueAt });

describe('the deadline row of the week grid', () => {
  it('orders a day most urgent first: overdue, then due soon, then by due time', () => {
    const day = [
      deadline('late-track', 'on_track', '2026-11-20T20:00:00Z'),
      deadline('soon', 'due_soon', '2026-11-20T22:00:00Z'),
      deadline('early-track', 'on_track', '2026-11-20T12:00:00Z'),
      deadline('over', 'overdue', '2026-11-20T23:00:00Z'),
      deadline('none', 'none', '2026-11-20T01:00:00Z'),
    ];
    expect(byUrgency(day).map((d) => d.id)).toEqual(['over', 'soon', 'early-track', 'late-track', 'none']);
  });

  it('shows at most three markers and counts the rest for the "+N" button', () => {
    const ten = Array.from({ length: 10 }, (_, i) => deadline(`d${i}`, i === 7 ? 'overdue' : 'on_track', `2026-11-20T${String(10 + i).padStart(2, '0')}:00:00Z`));
    const cell = deadlineCell(ten);
    expect(DEADLINES_PER_DAY).toBe(3);
    expect(cell.shown.map((d) => d.id)).toEqual(['d7', 'd0', 'd1']);
    expect(cell.hidden).toBe(7);
    expect(cell.all).toHaveLength(10);
    expect(createTranslator('es-CL').t('agenda.deadlines.more', { count: cell.hidden })).toBe('+7 más');
    expect(createTranslator('en').t('agenda.deadlines.more', { count: cell.hidden })).toBe('+7 more');
  });

  it('leaves a short day as it is', () => {
    const cell = deadlineCell([deadline('a', 'on_track'), deadline('b', 'due_soon')]);
    expect(cell.shown.map((d) => d.id)).toEqual(['b', 'a']);
    expect(cell.hidden).toBe(0);
  });
});

describe('lines of text in a session block (48 px an hour)', () => {
  it('gives a 30-minute session one line, 45 minutes two, an hour three', () => {
    expect(blockLines(18)).toBe(1); // the minimum drawn height
    expect(blockLines(24)).toBe(1); // 30 minutes
    expect(blockLines(36)).toBe(2); // 45 minutes
    expect(blockLines(48)).toBe(3); // 60 minutes
    expect(blockLines(96)).toBe(3);
  });
});
