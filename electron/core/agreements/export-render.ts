// What both exports (DOCX, PDF) print, decided once: the rendered agreement, the header lines
// and the signature block. Refuses — before any file is written — while the text has unfilled
// variables or errors, so an acta with "{{monto_reembolso}}" in it never leaves the app.
import type { AgreementContent, AgreementVariables } from '../../../shared/agreements/content';
import { clauseHeading, renderAgreement, type RenderedAgreement } from '../../../shared/agreements/render';
import { AppError } from '../../../shared/contract/errors';
import { formatDateTime } from '../../../shared/format/dates';
import { DOCUMENT_LABELS } from '../pdf/document-labels';

export interface AgreementExportInput {
  readonly content: AgreementContent;
  readonly variables: AgreementVariables;
  /** The version exported, printed in the header. */
  readonly versionNumber: number;
  readonly generatedAt: Date;
  /** When each party accepted this version on the platform (ISO instants), if they did. */
  readonly acceptances?: { readonly consumer: string | null; readonly company: string | null };
}

export interface SignatureParty {
  readonly role: string;
  readonly lines: readonly string[];
  readonly acceptance: string;
}

export interface ExportableAgreement {
  readonly rendered: RenderedAgreement;
  readonly folio: string;
  readonly centre: string;
  /** "Acta de acuerdo · Folio RL-2026-004512 · Versión 3" */
  readonly headerLine: string;
  readonly headings: readonly string[];
  readonly signatureIntro: string;
  readonly signatures: readonly SignatureParty[];
}

const acceptanceText = (at: string | null | undefined): string =>
  at ? `Aceptó electrónicamente el ${formatDateTime(at, 'es-CL')} (hora de Chile)` : 'Aceptación electrónica pendiente en la plataforma del centro';

/** Throws AppError invalid_input (reason unfilled_variables per variable, or the rendering's own) when it cannot be exported. */
export function prepareAgreementExport(input: AgreementExportInput): ExportableAgreement {
  const rendered = renderAgreement(input.content, input.variables);
  const issues = [
    ...rendered.unfilled.map((name) => ({ path: `variables.${name}`, reason: 'unfilled_variables', message: `{{${name}}} has no value` })),
    ...rendered.errors,
  ];
  if (issues.length > 0) {
    const names = rendered.unfilled.length > 0 ? `unfilled variables: ${rendered.unfilled.join(', ')}` : 'the agreement has errors';
    throw new AppError('invalid_input', `Cannot export the agreement: ${names}`, issues);
  }
  const shown = (name: string): string => rendered.display[name] ?? '';
  const folio = shown('folio');
  const representative = shown('nombre_representante');
  return {
    rendered,
    folio,
    centre: DOCUMENT_LABELS.centre,
    headerLine: `Acta de acuerdo · ${DOCUMENT_LABELS.folio(folio)} · Versión ${input.versionNumber}`,
    headings: rendered.clauses.map(clauseHeading),
    signatureIntro: 'En señal de conformidad, las partes aceptan la presente acta en la plataforma del centro:',
    signatures: [
      { role: 'El consumidor', lines: [shown('nombre_consumidor'), `RUT ${shown('rut_consumidor')}`], acceptance: acceptanceText(input.acceptances?.consumer) },
      {
        role: 'La empresa',
        lines: [shown('nombre_empresa'), `RUT ${shown('rut_empresa')}`, ...(representative ? [`p.p. ${representative}`] : [])],
        acceptance: acceptanceText(input.acceptances?.company),
      },
    ],
  };
}
