import { useId, useState } from 'react';
import { SANTIAGO } from '../../../../../shared/domain/deadlines';
import { zoneLabel } from '../../../../../shared/schedule/local-time';
import { isIanaZone, normalizeZone } from '../../../../../shared/schedule/zone';
import { useI18n } from '../../../i18n/i18n-context';

/** The zones a Chilean mediator meets every week; anything else is typed as an IANA name. */
export const COMMON_ZONES: readonly string[] = [SANTIAGO, 'America/Punta_Arenas', 'Pacific/Easter', 'UTC'];
const OTHER = '__other__';

type Props = Readonly<{ value: string; onChange: (zone: string) => void; testId?: string }>;

/** A zone picker: the Chilean zones by the names people use, or any IANA zone typed by hand. */
export function ZoneSelect({ value, onChange, testId }: Props) {
  const { t, locale } = useI18n();
  const [typing, setTyping] = useState(!COMMON_ZONES.includes(value));
  const [typed, setTyped] = useState(COMMON_ZONES.includes(value) ? '' : value);
  const id = useId();
  const typedValid = typed === '' || normalizeZone(typed) !== null;

  return (
    <div className="zone-select">
      <select
        className="select"
        value={typing ? OTHER : value}
        aria-label={t('schedule.zone')}
        onChange={(event) => {
          if (event.target.value === OTHER) {
            setTyping(true);
            return;
          }
          setTyping(false);
          onChange(event.target.value);
        }}
        data-testid={testId}
      >
        {COMMON_ZONES.map((zone) => (
          <option key={zone} value={zone} title={zone}>
            {zoneLabel(zone, locale)}
          </option>
        ))}
        <option value={OTHER}>{t('zone.other')}</option>
      </select>
      {typing ? (
        <>
          <input
            id={id}
            className="input"
            value={typed}
            placeholder={t('zone.otherPlaceholder')}
            aria-label={t('zone.otherPlaceholder')}
            aria-invalid={!typedValid}
            onChange={(event) => {
              setTyped(event.target.value);
              const normal = normalizeZone(event.target.value.trim());
              // Only a real zone reaches the form; the field says so otherwise.
              if (normal !== null && isIanaZone(normal)) onChange(normal);
            }}
            data-testid={testId ? `${testId}-other` : undefined}
          />
          {!typedValid ? <p className="field-error">{t('zone.unknown')}</p> : null}
        </>
      ) : null}
    </div>
  );
}
