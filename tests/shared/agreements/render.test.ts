import { describe, expect, it } from 'vitest';
import { AgreementContent } from '../../../shared/agreements/content';
import { instantiateTemplate } from '../../../shared/agreements/instantiate';
import { clauseOrdinal, formatLegalDate } from '../../../shared/agreements/legal-format';
import { checkDraft, renderAgreement, renderedText } from '../../../shared/agreements/render';
import { segmentText } from '../../../shared/agreements/segments';
import { checkVariables, resolveVariables, VARIABLE_CATALOGUE } from '../../../shared/agreements/variables';
import type { AgreementVariables } from '../../../shared/agreements/content';
import { counterIds, FACTS, shippedLibrary } from './fixtures';

const library = shippedLibrary();
const template = (id: string) => {
  const found = library.templates.find((entry) => entry.id === id);
  if (!found) throw new Error(id);
  return found;
};
const start = (id: string, facts = FACTS) => instantiateTemplate(template(id), library, facts, { newId: counterIds() });
const allText = (rendered: ReturnType<typeof renderAgreement>) => renderedText(rendered);

describe('instantiateTemplate', () => {
  it('fills case variables, template defaults, and lists the rest as null', () => {
    const { content, variables } = start('reembolso_total');
    expect(AgreementContent.parse(content)).toEqual(content);
    expect(variables).toMatchObject({
      folio: 'RL-2026-004512',
      rut_consumidor: '12345678-5',
      nombre_empresa: 'Electro Sur SpA',
      calidad_representante: 'apoderado',
      monto_caso: 150_000,
      monto_reembolso: 150_000,
      plazo_reembolso: 10,
      devolucion_producto: false,
      fecha_acuerdo: '2026-11-20',
      plataforma_resenas: null,
    });
    expect(checkVariables(variables)).toEqual([]);
  });

  it('settles conditions on case facts now, keeps the mediator ones for rendering', () => {
    const { content } = start('reembolso_total');
    const keys = content.clauses.map((clause) => clause.clauseKey);
    expect(keys).toContain('comparecencia_representada');
    expect(keys).not.toContain('comparecencia_directa');
    expect(content.clauses.find((clause) => clause.clauseKey === 'comparecencia_representada')?.when).toBeUndefined();
    expect(content.clauses.find((clause) => clause.clauseKey === 'devolucion_producto')?.when).toEqual(['product_return_required']);

    const company = FACTS.parties[1];
    if (!company) throw new Error('fixture');
    const unrepresented = start('reembolso_total', { ...FACTS, parties: [FACTS.parties[0], { ...company, representative: null }].filter((p) => p !== undefined) });
    expect(unrepresented.content.clauses.map((clause) => clause.clauseKey)).toContain('comparecencia_directa');
  });
});

describe('renderAgreement', () => {
  it('fills a full refund: amounts in figures and words, RUTs, deadlines in business days', () => {
    const { content, variables } = start('reembolso_total');
    const rendered = renderAgreement(content, variables);
    expect(rendered.errors).toEqual([]);
    expect(rendered.unfilled).toEqual([]);
    const text = allText(rendered);
    expect(text).toContain('ACTA DE ACUERDO DE MEDIACIÓN');
    expect(text).toContain('PRIMERO: Comparecencia.');
    expect(text).toContain('María José Pérez Soto, RUT N° 12.345.678-5');
    expect(text).toContain('RUT N° 76.543.210-3');
    expect(text).toContain('la suma de $150.000 (ciento cincuenta mil pesos), mediante transferencia electrónica');
    // 20 Nov 2026 (Fri) + 10 business days: 23-27 Nov, 30 Nov-4 Dec → Fri 4 Dec.
    expect(text).toContain('diez (10) días hábiles contado desde la fecha de la presente acta, esto es, a más tardar el 4 de diciembre de 2026');
    expect(text).toContain('vencen a más tardar el 4 de diciembre de 2026');
    expect(rendered.fulfilmentDate).toBe('2026-12-04');
    // Conditions: refund_total holds, nothing to return, no review platform.
    expect(rendered.clauses.map((clause) => clause.clauseKey)).toContain('reembolso_total_constancia');
    expect(rendered.clauses.map((clause) => clause.clauseKey)).not.toContain('devolucion_producto');
    expect(rendered.clauses.map((clause) => clause.clauseKey)).not.toContain('evaluacion_resena');
    expect(rendered.clauses.map((clause) => clause.number)).toEqual(rendered.clauses.map((_, index) => index + 1));
    expect(text).not.toContain('{{');
  });

  it('lists unfilled variables (their inputs) and keeps the placeholders', () => {
    const { content, variables } = start('reembolso_parcial');
    const rendered = renderAgreement(content, { ...variables, rut_consumidor: null });
    expect(rendered.errors).toEqual([]);
    expect(rendered.unfilled).toEqual(['rut_consumidor', 'monto_reembolso']);
    expect(allText(rendered)).toContain('{{monto_reembolso_texto}}');
    // refund_partial cannot be decided without the amount: the clause waits.
    expect(rendered.clauses.map((clause) => clause.clauseKey)).not.toContain('reembolso_parcial_constancia');
    const filled = renderAgreement(content, { ...variables, monto_reembolso: 75_000 });
    expect(filled.unfilled).toEqual([]);
    expect(allText(filled)).toContain('acepta la suma de $75.000 (setenta y cinco mil pesos) como reembolso parcial del monto reclamado de $150.000 (ciento cincuenta mil pesos)');
  });

  it('conditional clauses appear when the mediator enters what they depend on', () => {
    const { content, variables } = start('reemplazo_producto');
    const rendered = renderAgreement(content, { ...variables, producto_reemplazo: 'Hervidor HX-200', plataforma_resenas: 'Reclamos.cl' });
    expect(rendered.unfilled).toEqual([]);
    const text = allText(rendered);
    expect(text).toContain('devolver el producto objeto del reclamo');
    expect(text).toContain('procederá a retirar la evaluación publicada en Reclamos.cl');
    // Replacement by 4 Dec, return (5 days) by 27 Nov: the agreement is fulfilled by the later one.
    expect(rendered.fulfilmentDate).toBe('2026-12-04');
  });

  it('counts business days over Chilean holidays (8 Dec, 25 Dec)', () => {
    const { content, variables } = start('entrega_faltante');
    const rendered = renderAgreement(content, { ...variables, fecha_acuerdo: '2026-12-04', plazo_entrega: 5, producto_faltante: 'Silla', direccion_entrega: 'Av. Matta 100, Santiago' });
    // 7, 9, 10, 11, 14 Dec (8 Dec Inmaculada Concepción is skipped).
    expect(rendered.fulfilmentDate).toBe('2026-12-14');
    expect(allText(rendered)).toContain('cinco (5) días hábiles, esto es, a más tardar el 14 de diciembre de 2026');
  });

  it('reports a clear error for an unknown condition, a missing variable and a non-integer amount', () => {
    const { content, variables } = start('reembolso_total');
    const [first, second, ...rest] = content.clauses;
    if (!first || !second) throw new Error('fixture');
    const broken = {
      ...content,
      clauses: [first, { ...second, when: ['si_llueve'] }, { ...second, id: '00000000-0000-4000-8000-0000000000ff', blocks: [{ type: 'paragraph' as const, runs: [{ text: 'Pagará {{propina}}.' }] }] }, ...rest],
    };
    const rendered = renderAgreement(broken, { ...variables, monto_reembolso: 1500.5 });
    expect(rendered.errors).toEqual([
      expect.objectContaining({ reason: 'unknown_condition', path: `clauses.${second.id}.when.0`, message: expect.stringContaining('si_llueve') }),
      expect.objectContaining({ reason: 'missing_variable', path: 'clauses.00000000-0000-4000-8000-0000000000ff', message: expect.stringContaining('propina') }),
      expect.objectContaining({ reason: 'invalid_amount', path: 'variables.monto_reembolso' }),
    ]);
    expect(rendered.omittedClauseIds).toContain(second.id);
    expect(checkDraft(broken, variables).map((problem) => problem.reason)).toEqual(['unknown_condition', 'missing_variable']);
  });

  it('refuses wrong values by reason and unknown or computed names', () => {
    expect(
      checkVariables({ monto_reembolso: -5, plazo_reembolso: 0, rut_consumidor: '12345678-9', fecha_compra: '2026-02-30', devolucion_producto: 'sí', otra: 1, monto_caso_texto: 'x' }).map(
        (problem) => `${problem.reason} ${problem.path}`,
      ),
    ).toEqual([
      'invalid_amount variables.monto_reembolso',
      'invalid_variable variables.plazo_reembolso',
      'invalid_variable variables.rut_consumidor',
      'invalid_variable variables.fecha_compra',
      'invalid_variable variables.devolucion_producto',
      'missing_variable variables.otra',
      'invalid_variable variables.monto_caso_texto',
    ]);
  });

  it('a deadline beyond the holiday table is an error, not a guess', () => {
    const resolved = resolveVariables({ fecha_acuerdo: '2027-12-20', plazo_reembolso: 15 });
    expect(resolved.display.plazo_reembolso_fecha).toBeNull();
    expect(resolved.issues).toEqual([expect.objectContaining({ reason: 'invalid_variable', path: 'variables.plazo_reembolso', message: expect.stringContaining('2028') })]);
  });
});

/** A value of the right kind for every mediator variable. */
function mediatorSample(): AgreementVariables {
  const byKind = { text: 'Texto de prueba', rut: '11111111-1', amount_clp: 123_456, business_days: 7, date: '2026-12-31', boolean: true } as const;
  return Object.fromEntries(VARIABLE_CATALOGUE.filter((spec) => spec.source === 'mediator').map((spec) => [spec.name, byKind[spec.kind]]));
}

describe('every shipped template', () => {
  it.each(library.templates.map((entry) => entry.id))('%s renders completely once the mediator fills its variables', (id) => {
    const { content, variables } = start(id);
    const rendered = renderAgreement(content, { ...variables, ...mediatorSample() });
    expect(rendered.errors).toEqual([]);
    expect(rendered.unfilled).toEqual([]);
    expect(allText(rendered)).not.toMatch(/\{\{|\}\}|\*/);
    expect(rendered.fulfilmentDate).not.toBeNull();
  });

  it('every library clause is used by some template', () => {
    const used = new Set(library.templates.flatMap((entry) => entry.clauseKeys));
    expect([...library.clauses.keys()].filter((key) => !used.has(key))).toEqual([]);
  });
});

describe('segments and legal formats', () => {
  it('splits text into text, variable and malformed segments', () => {
    expect(segmentText('Pago de {{monto_reembolso_texto}} a {{ Nombre }} {{x')).toEqual([
      { kind: 'text', text: 'Pago de ' },
      { kind: 'variable', name: 'monto_reembolso_texto', raw: '{{monto_reembolso_texto}}' },
      { kind: 'text', text: ' a ' },
      { kind: 'malformed', raw: '{{ Nombre }}' },
      { kind: 'text', text: ' {{x' },
    ]);
    expect(segmentText('')).toEqual([]);
  });

  it('writes dates and clause ordinals', () => {
    expect(formatLegalDate('2026-09-18')).toBe('18 de septiembre de 2026');
    expect(() => formatLegalDate('2026-13-01')).toThrow(RangeError);
    expect([1, 7, 10, 11, 12, 13, 17, 20, 21, 34, 100].map(clauseOrdinal)).toEqual([
      'PRIMERO', 'SÉPTIMO', 'DÉCIMO', 'UNDÉCIMO', 'DUODÉCIMO', 'DECIMOTERCERO', 'DECIMOSÉPTIMO', 'VIGÉSIMO', 'VIGÉSIMO PRIMERO', 'TRIGÉSIMO CUARTO', '100',
    ]);
  });
});
