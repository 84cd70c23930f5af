import { useEffect, useState } from 'react';
import { SANTIAGO } from '../../../../shared/domain/deadlines';
import { useMesa } from '../../api/mesa-context';

/**
 * The mediator's zone: the zone of their working hours (schedule settings), America/Santiago
 * until those load or when they cannot be read. Every agenda time is shown on this clock.
 * A new `revision` reads the settings again (after the mediator saves them).
 */
export function useMediatorZone(revision = 0): string {
  const api = useMesa();
  const [zone, setZone] = useState(SANTIAGO);
  useEffect(() => {
    let current = true;
    void api.getScheduleSettings({}).then((result) => {
      if (current && result.ok) setZone(result.value.workingHours.zone);
    });
    return () => {
      current = false;
    };
  }, [api, revision]);
  return zone;
}
