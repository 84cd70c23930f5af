import type { documentsEsCL } from './documents.es-CL';

/** English documents messages, typed against the es-CL ones (a missing or extra key fails to compile). */
export const documentsEn: Readonly<Record<keyof typeof documentsEsCL, string>> = {
  'documents.title': 'Documents',
  'documentCategory.boleta': 'Receipt (boleta)',
  'documentCategory.factura': 'Invoice (factura)',
  'documentCategory.comprobante_pago': 'Proof of payment',
  'documentCategory.seguimiento_courier': 'Courier tracking',
  'documentCategory.fotos_danio': 'Photos of damage',
  'documentCategory.chat_tienda': 'Chat with the store',
  'documentCategory.cartola': 'Bank statement',
  'documentCategory.correo': 'E-mail',
  'documentCategory.contrato': 'Contract',
  'documentCategory.otro': 'Other',

  'documentKind.pdf': 'PDF',
  'documentKind.image': 'Image',
  'documentKind.text': 'Text',
  'documentKind.email': 'E-mail',
  'documentKind.audio': 'Audio',
  'documentKind.video': 'Video',
  'documentKind.other': 'Other file type',

  'documentAvailability.remote': 'On the platform (not downloaded)',
  'documentAvailability.local': 'On this computer',
  'documentAvailability.failed': 'Download failed',

  'documentIntegrity.unchecked': 'Not checked',
  'documentIntegrity.ok': 'Intact',
  'documentIntegrity.mismatch': 'Altered: the hash does not match',

  'documentUpload.not_shared': 'Not shared',
  'documentUpload.pending': 'Waiting to be sent',
  'documentUpload.sent': 'Sent to the platform',
  'documentUpload.failed': 'Sending failed',

  'documentVisibility.joint': 'Joint (both parties)',
  'documentVisibility.caucus_consumer': 'Private: consumer',
  'documentVisibility.caucus_company': 'Private: company',
  'documentVisibility.mediator_only': 'Mediator only (never leaves this computer)',

  'documentSource.platform': 'Platform',
  'documentSource.local': 'Imported by the mediator',
  'documentSource.redaction': 'Redacted copy',

  'documentRefusal.empty_file': 'The file is empty (0 bytes).',
  'documentRefusal.too_large': 'The file is larger than the {maxMb} MB limit.',
  'documentRefusal.bad_name': 'The file name is not valid.',
  'documentRefusal.type_mismatch': 'The file extension does not match its content.',
  'documentRefusal.pdf_encrypted': 'The PDF is password-protected: it was stored, but its text cannot be read or shown.',
  'documentRefusal.pdf_damaged': 'The PDF is damaged or incomplete and cannot be opened.',
  'documentRefusal.hash_mismatch': 'The file’s hash (SHA-256) does not match the recorded one: the file was altered or arrived incomplete.',
  'documentRefusal.unsupported_redaction': 'Only PDFs and images can be redacted.',
  'documentRefusal.not_available_offline': 'The document is not downloaded and the platform cannot be reached.',
  'documentRefusal.staged_missing': 'The selected file expired or was already used. Select it again.',
  'documentRefusal.file_missing': 'The stored file is no longer on this computer.',
  'documentRefusal.wrong_kind': 'This action does not apply to this type of document.',

  'custodyEvent.received': 'Received',
  'custodyEvent.imported': 'Imported',
  'custodyEvent.downloaded': 'Downloaded',
  'custodyEvent.opened': 'Opened',
  'custodyEvent.exported': 'Exported',
  'custodyEvent.redacted': 'Redacted',
  'custodyEvent.uploaded': 'Sent to the platform',
  'custodyEvent.verified': 'Verified',

  'custodyBreak.hash_mismatch': 'Entry no. {seq} was modified (its hash does not match its content).',
  'custodyBreak.sequence_gap': 'An entry is missing before no. {seq}.',
  'custodyBreak.prev_hash_mismatch': 'Entry no. {seq} does not follow on from the one before.',

  'documents.limits.maxSize': 'Maximum size per file: {maxMb} MB.',
};
