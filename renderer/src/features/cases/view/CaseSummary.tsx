import type { ReactNode } from 'react';
import type { CaseDetail } from '../../../../../shared/domain/case';
import { useI18n } from '../../../i18n/i18n-context';
import { formatClp, formatDateTime, formatLocalDate } from '../../../format';
import { StageBadge } from '../../../ui/StageBadge';

function Field({ label, children, wide = false }: Readonly<{ label: string; children: ReactNode; wide?: boolean }>) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The facts of the claim as the consumer filed it, plus where the case stands. */
export function CaseSummary({ detail }: Readonly<{ detail: CaseDetail }>) {
  const { t, locale } = useI18n();
  const none = t('app.none');
  return (
    <section className="panel" aria-labelledby="case-summary-title">
      <h3 className="panel-title" id="case-summary-title">
        {t('case.summary')}
      </h3>
      <dl className="fields">
        <Field label={t('case.stage')}>
          <StageBadge stage={detail.stage} subState={detail.subState} />
        </Field>
        {detail.outcome ? <Field label={t('case.outcome')}>{t(`outcome.${detail.outcome}`)}</Field> : null}
        <Field label={t('case.category')}>{t(`category.${detail.category}`)}</Field>
        <Field label={t('case.channel')}>{t(`channel.${detail.channel}`)}</Field>
        <Field label={t('case.amount')}>
          <span className="num amount">{formatClp(detail.amountClp)}</span>
        </Field>
        <Field label={t('case.paymentMethod')}>{t(`paymentMethod.${detail.paymentMethod}`)}</Field>
        <Field label={t('case.brand')}>{detail.brandName}</Field>
        <Field label={t('case.store')}>{detail.storeName}</Field>
        <Field label={t('case.orderNumber')}>
          <span className="mono">{detail.orderNumber}</span>
        </Field>
        <Field label={t('case.purchaseDate')}>
          <span className="num">{formatLocalDate(detail.purchaseDate, locale)}</span>
        </Field>
        <Field label={t('case.deliveryDate')}>
          <span className="num">{detail.deliveryDate ? formatLocalDate(detail.deliveryDate, locale) : none}</span>
        </Field>
        <Field label={t('case.filedAt')}>
          <span className="num">{formatDateTime(detail.filedAt, locale)}</span>
        </Field>
        <Field label={t('case.updatedAt')}>
          <span className="num">{formatDateTime(detail.updatedAt, locale)}</span>
        </Field>
        {detail.closedAt ? (
          <Field label={t('case.closedAt')}>
            <span className="num">{formatDateTime(detail.closedAt, locale)}</span>
          </Field>
        ) : null}
        <Field label={t('case.mediator')}>{detail.assignedMediatorName ?? t('case.unassigned')}</Field>
      </dl>
      <div className="prose-block">
        <h4>{t('case.description')}</h4>
        <p className="prose">{detail.description}</p>
      </div>
      <div className="prose-block">
        <h4>{t('case.requestedRemedy')}</h4>
        <p className="prose">{detail.requestedRemedy}</p>
      </div>
    </section>
  );
}
