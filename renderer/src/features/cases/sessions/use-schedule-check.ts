import { useEffect, useState } from 'react';
import type { ScheduleCheck } from '../../../../../shared/contract/schedule';
import { useMesa } from '../../../api/mesa-context';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';

export interface CheckRequest {
  readonly caseId: string;
  readonly localDateTime: string;
  readonly zone: string;
  readonly durationMinutes: number;
  readonly sessionId?: string;
}

const CHECK_DEBOUNCE_MS = 250;

export type CheckState =
  | { readonly status: 'idle' | 'checking' | 'failed' }
  | { readonly status: 'done'; readonly check: ScheduleCheck; readonly key: string };

const keyOf = (request: CheckRequest | null): string => (request ? JSON.stringify(request) : '');

/**
 * checkSchedule as the mediator types: debounced, and only the answer for the latest input is
 * kept (an older, slower answer never overwrites a newer one).
 */
export function useScheduleCheck(request: CheckRequest | null): CheckState {
  const api = useMesa();
  const key = keyOf(request);
  const settledKey = useDebouncedValue(key, CHECK_DEBOUNCE_MS);
  const [state, setState] = useState<{ key: string; value: CheckState }>({ key: '', value: { status: 'idle' } });

  useEffect(() => {
    if (settledKey === '') return;
    let current = true;
    const input = JSON.parse(settledKey) as CheckRequest;
    void api
      .checkSchedule({ caseId: input.caseId, start: { localDateTime: input.localDateTime, zone: input.zone }, durationMinutes: input.durationMinutes, ...(input.sessionId ? { sessionId: input.sessionId } : {}) })
      .then((result) => {
        if (current) setState({ key: settledKey, value: result.ok ? { status: 'done', check: result.value, key: settledKey } : { status: 'failed' } });
      });
    return () => {
      current = false;
    };
  }, [api, settledKey]);

  if (key === '') return { status: 'idle' };
  return state.key === key ? state.value : { status: 'checking' };
}
