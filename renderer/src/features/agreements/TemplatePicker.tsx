import type { Category } from '../../../../shared/domain/case';
import type { TemplateSummary } from '../../../../shared/contract/agreements';
import { useI18n } from '../../i18n/i18n-context';
import { orderTemplates } from './catalogue';

type Props = Readonly<{
  templates: readonly TemplateSummary[];
  category: Category;
  busy: boolean;
  readOnly: boolean;
  onStart: (templateId: string) => void;
}>;

/** Before there is an agreement: pick the template it starts from. */
export function TemplatePicker({ templates, category, busy, readOnly, onStart }: Props) {
  const { t } = useI18n();
  return (
    <section className="panel agreement-start" data-testid="agreement-start">
      <h3 className="panel-title">{t('agreements.start.title')}</h3>
      <p className="muted">{readOnly ? t('agreements.readOnly') : t('agreements.start.intro', { category: t(`category.${category}`) })}</p>
      <ul className="template-list">
        {orderTemplates(templates, category).map((template, index) => {
          const suggested = template.categories.includes(category);
          return (
            <li key={template.id} className={suggested ? 'template-card suggested' : 'template-card'} data-testid="agreement-template" data-template-id={template.id} data-suggested={suggested}>
              <div className="template-text">
                <p className="template-title">
                  {template.title}
                  {suggested ? <span className="tag tag-accent">{t('agreements.start.suggested')}</span> : null}
                </p>
                <p className="template-description">{template.description}</p>
              </div>
              {!readOnly ? (
                <button type="button" className={suggested && index === 0 ? 'btn btn-primary btn-sm' : 'btn btn-sm'} disabled={busy} onClick={() => onStart(template.id)} data-testid="agreement-template-start">
                  {t('agreements.start.action')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
