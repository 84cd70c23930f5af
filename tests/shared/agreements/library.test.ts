import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Category } from '../../../shared/domain/case';
import { AgreementLibraryError, loadAgreementLibrary, suggestTemplates, toCatalogue } from '../../../shared/agreements/library';
import { AgreementCatalogue } from '../../../shared/contract/agreements';
import { loadAgreementLibraryFiles } from '../../../electron/core/agreements/library-files';
import { libraryFiles, shippedLibrary } from './fixtures';

function loadError(mutate: (files: ReturnType<typeof libraryFiles>) => void): AgreementLibraryError {
  const files = libraryFiles();
  mutate(files);
  try {
    loadAgreementLibrary(files);
  } catch (error) {
    if (error instanceof AgreementLibraryError) return error;
    throw error;
  }
  throw new Error('the library loaded');
}

const clause = (files: ReturnType<typeof libraryFiles>, key: string): { text: string[]; when?: unknown[] } => {
  const found = files.clauses.clauses.find((entry) => entry.key === key);
  if (!found) throw new Error(`no clause ${key}`);
  return found as { text: string[]; when?: unknown[] };
};

describe('agreement library', () => {
  it('the shipped files load (Node loader through the resources resolver, too)', () => {
    const library = shippedLibrary();
    expect(library.templates.map((template) => template.id)).toEqual(
      expect.arrayContaining(['reembolso_total', 'reembolso_parcial', 'reemplazo_producto', 'reparacion_garantia', 'entrega_faltante', 'reversa_cargo', 'compensacion', 'descuento_cupon', 'desistimiento']),
    );
    expect([...library.clauses.keys()]).toEqual(expect.arrayContaining(['evaluacion_resena', 'confidencialidad', 'finiquito', 'aceptacion_electronica', 'constancia_cumplimiento', 'plazo_forma_cumplimiento']));
    expect(loadAgreementLibraryFiles().templates).toHaveLength(library.templates.length);
  });

  it('parses block markup: bullets, bold and italic runs', () => {
    const comparecencia = shippedLibrary().clauses.get('comparecencia_representada');
    expect(comparecencia?.blocks[1]).toEqual({
      type: 'bullet',
      runs: [{ text: 'Por una parte, ' }, { text: '{{nombre_consumidor}}', marks: ['bold'] }, { text: ', RUT N° {{rut_consumidor}}, en adelante ' }, { text: 'el consumidor', marks: ['italic'] }, { text: '.' }],
    });
    expect(comparecencia?.variables).toContain('rut_empresa');
  });

  it('suggests at least one template for every case category, the usual outcome first', () => {
    const library = shippedLibrary();
    for (const category of Category.options) expect(suggestTemplates(library, category).length, category).toBeGreaterThan(1);
    expect(suggestTemplates(library, 'delivery_not_received')[0]?.id).toBe('entrega_faltante');
    expect(suggestTemplates(library, 'warranty')[0]?.id).toBe('reparacion_garantia');
    expect(suggestTemplates(library, 'unrecognized_charge')[0]?.id).toBe('reversa_cargo');
  });

  it('gives the contract catalogue', () => {
    const catalogue = AgreementCatalogue.parse(toCatalogue(shippedLibrary()));
    expect(catalogue.clauses.find((entry) => entry.key === 'reembolso_parcial_constancia')?.condition).toBe('el reembolso es menor que el monto reclamado');
    expect(catalogue.variables.find((entry) => entry.name === 'monto_reembolso_texto')?.source).toBe('computed');
  });

  it('refuses a clause naming a variable outside the catalogue', () => {
    const error = loadError((files) => clause(files, 'reembolso').text.push('Se pagará {{monto_inventado}}.'));
    expect(error.issues).toEqual([expect.objectContaining({ reason: 'missing_variable', path: 'clauses.reembolso' })]);
    expect(error.message).toContain('monto_inventado');
  });

  it('refuses an unknown condition, and a condition on an unknown variable', () => {
    const error = loadError((files) => {
      clause(files, 'reembolso').when = ['si_llueve'];
      clause(files, 'compensacion').when = [{ variable: 'monto_fantasma', greaterThan: 0 }];
    });
    expect(error.issues).toEqual([
      expect.objectContaining({ reason: 'unknown_condition', path: 'clauses.reembolso.when.0' }),
      expect.objectContaining({ reason: 'missing_variable', path: 'clauses.compensacion.when.0' }),
    ]);
  });

  it('refuses conditions of the wrong type and on computed variables', () => {
    const error = loadError((files) => {
      clause(files, 'reembolso').when = [{ variable: 'monto_reembolso', equals: 'mucho' }];
      clause(files, 'compensacion').when = [{ variable: 'nombre_consumidor', greaterThan: 3 }];
      clause(files, 'finiquito').when = [{ variable: 'monto_reembolso_texto', isSet: true }];
    });
    expect(error.issues.map((problem) => problem.reason)).toEqual(['unknown_condition', 'unknown_condition', 'unknown_condition']);
  });

  it('refuses malformed placeholders, stray asterisks, unknown clauses, duplicate keys and bad defaults', () => {
    const error = loadError((files) => {
      clause(files, 'finiquito').text.push('Monto {{ Monto }} y *sin cerrar');
      files.clauses.clauses.push({ ...clause(files, 'confidencialidad') });
      (files.templates.templates[0]?.clauses as string[]).push('clausula_perdida');
      Object.assign(files.templates.templates[1]?.defaults as object, { plazo_reparacion: 2.5, monto_caso_texto: 'x', monto_reembolso: { from: 'plazo_reembolso' } });
    });
    expect(error.issues.map((problem) => `${problem.reason} ${problem.path}`)).toEqual([
      'malformed_content clauses.finiquito.text.2',
      'malformed_content clauses.finiquito',
      'malformed_content clauses.confidencialidad',
      'malformed_content templates.entrega_faltante.clauses',
      'invalid_variable templates.reparacion_garantia.defaults.plazo_reparacion',
      'invalid_variable templates.reparacion_garantia.defaults.monto_caso_texto',
      'missing_variable templates.reparacion_garantia.defaults.monto_reembolso',
    ]);
  });

  it('refuses files of the wrong shape with paths into the file', () => {
    const error = loadError((files) => {
      (files.clauses as { version: number }).version = 2;
      files.templates.templates[0] = { ...files.templates.templates[0], categories: ['lluvia'] };
    });
    expect(error.issues.map((problem) => problem.path)).toEqual(['clauses.version', 'templates.templates.0.categories.0']);
    expect(() => loadAgreementLibrary({ clauses: 'not json', templates: null })).toThrow(AgreementLibraryError);
  });

  it('the Node loader reports an unreadable or truncated file by path, without guessing', () => {
    const resources = mkdtempSync(join(tmpdir(), 'mesa-agreements-'));
    mkdirSync(join(resources, 'agreements'));
    const files = libraryFiles();
    writeFileSync(join(resources, 'agreements', 'templates.json'), JSON.stringify(files.templates));
    writeFileSync(join(resources, 'agreements', 'clauses.json'), JSON.stringify(files.clauses).slice(0, 500));
    expect(() => loadAgreementLibraryFiles(resources)).toThrow(AgreementLibraryError);
    expect(() => loadAgreementLibraryFiles(resources)).toThrow(/clauses\.json/);
  });
});
