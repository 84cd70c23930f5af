import { describe, expect, it } from 'vitest';
import type { AgreementContent } from '../../../shared/agreements/content';
import type { LibraryClause, TemplateSummary } from '../../../shared/contract/agreements';
import { dataFields, orderTemplates, searchLibrary } from '../../../renderer/src/features/agreements/catalogue';
import { fieldText, parseField } from '../../../renderer/src/features/agreements/variable-fields';

const template = (id: string, categories: TemplateSummary['categories'], clauseKeys: string[] = []): TemplateSummary => ({ id, title: id, description: '', categories, clauseKeys });
const paragraph = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] });
const content = (texts: string[], keys: (string | null)[] = []): AgreementContent => ({
  templateId: 't',
  title: 'Acta {{folio}}',
  clauses: texts.map((text, i) => ({ id: `0194f5c2-7d7e-7a3b-8c1d-00000000000${i}`, clauseKey: keys[i] ?? null, title: `C${i}`, blocks: [paragraph(text)] })),
});

describe('template order', () => {
  it('puts the templates for the case category first, otherwise keeping the catalogue order', () => {
    const templates = [template('a', ['warranty']), template('b', ['product_defect']), template('c', []), template('d', ['product_defect', 'warranty'])];
    expect(orderTemplates(templates, 'product_defect').map((t) => t.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('data fields of a draft', () => {
  it('lists the inputs behind the variables used, in order of use, and the fulfilment date on its own', () => {
    const fields = dataFields(content(['Reembolso de {{monto_reembolso_texto}} en {{plazo_reembolso_texto}}, a más tardar el {{plazo_reembolso_fecha}}.', 'Pedido {{numero_pedido}} · {{monto_reembolso}} · {{fecha_cumplimiento}} · {{inventada}}']));
    expect(fields.inputs).toEqual(['folio', 'monto_reembolso', 'plazo_reembolso', 'numero_pedido', 'inventada']);
    expect(fields.computed).toEqual(['fecha_cumplimiento']);
  });
});

describe('clause library search', () => {
  const clause = (key: string, title: string, text: string): LibraryClause => ({ key, title, blocks: [paragraph(text)], condition: null, variables: [] });
  const library = [clause('reembolso', 'Reembolso', 'La empresa reembolsará…'), clause('indemnizacion', 'Indemnización', 'Compensación por daños'), clause('cupon', 'Cupón de descuento', 'Un cupón por {{monto_cupon}}')];

  it('matches title and text without accents or case, the template clauses first, and marks those already present', () => {
    const found = searchLibrary(library, 'INDEMNIZACION', template('t', [], []), content([]));
    expect(found.map((m) => m.clause.key)).toEqual(['indemnizacion']);
    const all = searchLibrary(library, '', template('t', [], ['cupon']), content(['x'], ['reembolso']));
    expect(all.map((m) => [m.clause.key, m.suggested, m.inAgreement])).toEqual([
      ['cupon', true, false],
      ['reembolso', false, true],
      ['indemnizacion', false, false],
    ]);
    expect(searchLibrary(library, 'cupón monto', undefined, content([])).map((m) => m.clause.key)).toEqual(['cupon']);
    expect(searchLibrary(library, 'nada parecido', undefined, content([]))).toEqual([]);
  });
});

describe('variable fields', () => {
  it('reads CLP amounts as integer pesos and refuses decimals and junk', () => {
    expect(parseField('amount_clp', '150.000')).toEqual({ ok: true, value: 150000 });
    expect(parseField('amount_clp', '$ 1.250.000')).toEqual({ ok: true, value: 1250000 });
    expect(parseField('amount_clp', '150000')).toEqual({ ok: true, value: 150000 });
    for (const bad of ['150,5', '1.5', '15.00', '-3000', 'ciento', '1e5']) expect(parseField('amount_clp', bad)).toEqual({ ok: false, error: 'amount' });
    expect(parseField('amount_clp', '  ')).toEqual({ ok: true, value: null });
    expect(fieldText('amount_clp', 150000)).toBe('$150.000');
  });

  it('reads business days, day-first dates and RUTs, refusing what is not one', () => {
    expect(parseField('business_days', '10')).toEqual({ ok: true, value: 10 });
    for (const bad of ['0', '0x1', '2.5', '366', 'diez']) expect(parseField('business_days', bad)).toEqual({ ok: false, error: 'days' });
    expect(parseField('date', '05-12-2026')).toEqual({ ok: true, value: '2026-12-05' });
    expect(parseField('date', '31-02-2026')).toEqual({ ok: false, error: 'date' });
    expect(fieldText('date', '2026-12-05')).toBe('05-12-2026');
    expect(parseField('rut', '12.345.678-5')).toEqual({ ok: true, value: '12345678-5' });
    expect(parseField('rut', '12.345.678-9')).toEqual({ ok: false, error: 'rut' });
    expect(parseField('text', '  Tienda Sur ')).toEqual({ ok: true, value: '  Tienda Sur ' });
  });
});
