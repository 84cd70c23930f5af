import type { Party } from '../../../../../shared/domain/party';
import { formatRut } from '../../../../../shared/domain/rut';
import { useI18n } from '../../../i18n/i18n-context';

/** A stored RUT is canonical; anything else is shown as stored rather than hidden. */
const displayRut = (rut: string): string => {
  try {
    return formatRut(rut);
  } catch {
    return rut;
  }
};

function PartyCard({ party }: Readonly<{ party: Party }>) {
  const { t } = useI18n();
  const rep = party.representative;
  return (
    <li className="party" data-testid="party">
      <div className="party-head">
        <span className="party-role">{t(`partyRole.${party.role}`)}</span>
        <span className="party-name">{party.name}</span>
      </div>
      <dl className="party-facts">
        <dt>{t('parties.rut')}</dt>
        <dd className="num">{party.rut ? displayRut(party.rut) : <span className="muted">{t('parties.noRut')}</span>}</dd>
        {party.email ? (
          <>
            <dt>{t('parties.email')}</dt>
            <dd className="break">{party.email}</dd>
          </>
        ) : null}
        {party.phone ? (
          <>
            <dt>{t('parties.phone')}</dt>
            <dd className="num">{party.phone}</dd>
          </>
        ) : null}
        <dt>{t('parties.representative')}</dt>
        <dd>
          {rep ? (
            <>
              {t('parties.representative.capacity', { name: rep.name, capacity: rep.capacity })}
              {rep.rut ? <span className="muted num"> · {displayRut(rep.rut)}</span> : null}
              {rep.email ? <span className="muted break"> · {rep.email}</span> : null}
            </>
          ) : (
            <span className="muted">{t('parties.noRepresentative')}</span>
          )}
        </dd>
      </dl>
    </li>
  );
}

export function PartiesPanel({ parties }: Readonly<{ parties: readonly Party[] }>) {
  const { t } = useI18n();
  const ordered = [...parties].sort((a, b) => (a.role === b.role ? 0 : a.role === 'consumer' ? -1 : 1));
  return (
    <section className="panel" aria-labelledby="case-parties-title">
      <h3 className="panel-title" id="case-parties-title">
        {t('parties.title')}
      </h3>
      <ul className="parties">
        {ordered.map((party) => (
          <PartyCard key={party.id} party={party} />
        ))}
      </ul>
    </section>
  );
}
