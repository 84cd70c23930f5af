import { useState } from 'react';
import type { AgreementVariables } from '../../../../shared/agreements/content';
import type { VariableDefinition } from '../../../../shared/contract/agreements';
import { useI18n } from '../../i18n/i18n-context';
import { fieldText, parseField, type FieldError } from './variable-fields';
import './data-panel.css';

type Value = AgreementVariables[string];
type Display = Readonly<Record<string, string | null>>;

type Props = Readonly<{
  inputs: readonly string[];
  computed: readonly string[];
  definitions: ReadonlyMap<string, VariableDefinition>;
  values: AgreementVariables;
  /** Every variable as the acta prints it (renderAgreement's display). */
  display: Display;
  unfilled: ReadonlySet<string>;
  readOnly: boolean;
  onChange: (name: string, value: Value) => void;
}>;

/** What the agreement prints for an input beside its field: amounts in words, periods with their due date. */
function preview(definition: VariableDefinition, display: Display, t: ReturnType<typeof useI18n>['t']): string | null {
  const words = display[`${definition.name}_texto`] ?? null;
  if (definition.kind === 'amount_clp') return words;
  if (definition.kind !== 'business_days' || !words) return null;
  const due = display[`${definition.name}_fecha`];
  return due ? `${words} · ${t('agreements.variables.dueOn', { date: due })}` : words;
}

function VariableField({ definition, value, display, unfilled, readOnly, onChange }: Readonly<{ definition: VariableDefinition; value: Value | undefined; display: Display; unfilled: boolean; readOnly: boolean; onChange: (value: Value) => void }>) {
  const { t } = useI18n();
  const [text, setText] = useState(() => fieldText(definition.kind, value));
  const [error, setError] = useState<FieldError | null>(null);
  const id = `agreement-var-${definition.name}`;
  const shown = error ? null : preview(definition, display, t);

  const change = (raw: string) => {
    setText(raw);
    const parsed = parseField(definition.kind, raw);
    setError(parsed.ok ? null : parsed.error);
    if (parsed.ok) onChange(parsed.value);
  };

  if (definition.kind === 'boolean') {
    return (
      <li className="variable-row" data-testid="agreement-variable" data-variable={definition.name} data-filled="true">
        <label className="variable-check">
          <input type="checkbox" checked={value === true} disabled={readOnly} onChange={(event) => onChange(event.target.checked)} data-testid="agreement-variable-input" />
          {definition.label}
        </label>
      </li>
    );
  }

  return (
    <li className={unfilled ? 'variable-row unfilled' : 'variable-row'} data-testid="agreement-variable" data-variable={definition.name} data-kind={definition.kind} data-filled={!unfilled}>
      <label htmlFor={id} className="variable-label">
        {definition.label}
        {definition.source === 'case' ? <span className="variable-source">{t('agreements.variables.fromCase')}</span> : null}
      </label>
      <input
        id={id}
        className={error ? 'input input-invalid' : 'input'}
        value={text}
        readOnly={readOnly}
        inputMode={definition.kind === 'amount_clp' || definition.kind === 'business_days' ? 'numeric' : undefined}
        placeholder={readOnly ? undefined : t(`agreements.variables.placeholder.${definition.kind}`)}
        aria-invalid={error !== null || unfilled}
        aria-describedby={`${id}-hint`}
        onChange={(event) => change(event.target.value)}
        data-testid="agreement-variable-input"
      />
      <p id={`${id}-hint`} className={error ? 'variable-hint error' : 'variable-hint'} data-testid="agreement-variable-hint">
        {error ? t(`agreements.variables.error.${error}`) : unfilled ? t('agreements.variables.missing') : shown}
      </p>
    </li>
  );
}

/**
 * The data the agreement's text uses. What the mediator must decide (and anything missing or
 * wrong) comes first; the facts pre-filled from the case fold away once they are all there,
 * so the clauses are not pushed off the screen.
 */
export function VariablesPanel({ inputs, computed, definitions, values, display, unfilled, readOnly, onChange }: Props) {
  const { t, plural } = useI18n();
  const missing = inputs.filter((name) => unfilled.has(name) || !definitions.has(name)).length;
  const fromCase = (name: string) => definitions.get(name)?.source === 'case' && !unfilled.has(name);
  const toDecide = inputs.filter((name) => !fromCase(name));
  const caseFacts = inputs.filter(fromCase);
  const field = (name: string) => {
    const definition = definitions.get(name);
    return definition ? (
      <VariableField key={name} definition={definition} value={values[name]} display={display} unfilled={unfilled.has(name)} readOnly={readOnly} onChange={(value) => onChange(name, value)} />
    ) : (
      <li key={name} className="variable-row unfilled" data-testid="agreement-variable" data-variable={name} data-filled="false">
        <p className="variable-label">{`{{${name}}}`}</p>
        <p className="variable-hint error">{t('agreements.variables.unknown')}</p>
      </li>
    );
  };
  return (
    <section className="agreement-variables" aria-labelledby="agreement-variables-title" data-testid="agreement-variables">
      <h4 id="agreement-variables-title" className="agreement-variables-title">
        {t('agreements.variables.title')}
        <span className={missing > 0 ? 'tag tag-danger' : 'tag tag-success'} data-testid="agreement-missing-count" data-missing={missing}>
          {missing > 0 ? plural('agreements.variables.missingCount', missing) : t('agreements.variables.complete')}
        </span>
      </h4>
      {inputs.length === 0 ? <p className="muted">{t('agreements.variables.none')}</p> : null}
      <ul className="variable-list">
        {toDecide.map(field)}
        {computed.map((name) => (
          <li key={name} className="variable-row" data-testid="agreement-variable" data-variable={name} data-computed="true">
            <p className="variable-label">
              {definitions.get(name)?.label ?? name}
              <span className="variable-source">{t('agreements.variables.computed')}</span>
            </p>
            <p className="variable-computed" data-testid="agreement-variable-value">
              {display[name] ?? t('agreements.variables.computedLater')}
            </p>
          </li>
        ))}
      </ul>
      {caseFacts.length > 0 ? (
        <details className="case-facts" data-testid="agreement-case-facts">
          <summary>{t('agreements.variables.caseFacts', { count: caseFacts.length })}</summary>
          <ul className="variable-list">{caseFacts.map(field)}</ul>
        </details>
      ) : null}
    </section>
  );
}
