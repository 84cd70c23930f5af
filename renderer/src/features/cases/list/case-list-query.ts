import type { CaseListQuery, CaseSortField } from '../../../../../shared/contract/cases';
import type { Category, Stage } from '../../../../../shared/domain/case';
import type { DeadlineState } from '../../../../../shared/domain/deadline';

/** What the user chose in the toolbar; offset and limit are added per page. */
export interface CaseListFilters {
  readonly stages: readonly Stage[];
  readonly category: Category | null;
  readonly deadlineStates: readonly DeadlineState[];
  readonly search: string;
  readonly sort: Readonly<{ field: CaseSortField; direction: 'asc' | 'desc' }>;
}

export const initialFilters: CaseListFilters = {
  stages: [],
  category: null,
  deadlineStates: [],
  search: '',
  sort: { field: 'filedAt', direction: 'desc' },
};

export const PAGE_SIZE = 100;

export function toQuery(filters: CaseListFilters, page: number): CaseListQuery {
  return {
    stages: [...filters.stages],
    categories: filters.category ? [filters.category] : [],
    deadlineStates: [...filters.deadlineStates],
    search: filters.search.trim(),
    sort: { ...filters.sort },
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

/** A stable identity for "the same list": pages from another key are never mixed in. */
export const queryKey = (filters: CaseListFilters): string => JSON.stringify(toQuery(filters, 0));

export const toggle = <T,>(list: readonly T[], value: T): readonly T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

export const hasActiveFilters = (filters: CaseListFilters): boolean =>
  filters.stages.length > 0 || filters.category !== null || filters.deadlineStates.length > 0 || filters.search.trim() !== '';
