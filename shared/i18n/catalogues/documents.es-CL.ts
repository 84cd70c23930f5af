/**
 * es-CL messages for documents (issue 4). Spread into the es-CL catalogue, so the
 * keys are ordinary MessageKeys; same conventions as es-CL.ts.
 */
export const documentsEsCL = {
  'documents.title': 'Documentos',
  'documentCategory.boleta': 'Boleta',
  'documentCategory.factura': 'Factura',
  'documentCategory.comprobante_pago': 'Comprobante de pago',
  'documentCategory.seguimiento_courier': 'Seguimiento courier',
  'documentCategory.fotos_danio': 'Fotos de daño',
  'documentCategory.chat_tienda': 'Chat con la tienda',
  'documentCategory.cartola': 'Cartola',
  'documentCategory.correo': 'Correo',
  'documentCategory.contrato': 'Contrato',
  'documentCategory.otro': 'Otro',

  'documentKind.pdf': 'PDF',
  'documentKind.image': 'Imagen',
  'documentKind.text': 'Texto',
  'documentKind.email': 'Correo electrónico',
  'documentKind.audio': 'Audio',
  'documentKind.video': 'Video',
  'documentKind.other': 'Otro tipo de archivo',

  'documentAvailability.remote': 'En la plataforma (no descargado)',
  'documentAvailability.local': 'En este equipo',
  'documentAvailability.failed': 'La descarga falló',

  'documentIntegrity.unchecked': 'Sin verificar',
  'documentIntegrity.ok': 'Íntegro',
  'documentIntegrity.mismatch': 'Alterado: la huella no coincide',

  'documentUpload.not_shared': 'No compartido',
  'documentUpload.pending': 'Pendiente de envío',
  'documentUpload.sent': 'Enviado a la plataforma',
  'documentUpload.failed': 'El envío falló',

  'documentVisibility.joint': 'Conjunto (ambas partes)',
  'documentVisibility.caucus_consumer': 'Reservado: consumidor',
  'documentVisibility.caucus_company': 'Reservado: empresa',
  'documentVisibility.mediator_only': 'Solo mediador (no sale de este equipo)',

  'documentSource.platform': 'Plataforma',
  'documentSource.local': 'Importado por el mediador',
  'documentSource.redaction': 'Copia tarjada',

  'documentRefusal.empty_file': 'El archivo está vacío (0 bytes).',
  'documentRefusal.too_large': 'El archivo supera el máximo de {maxMb} MB.',
  'documentRefusal.bad_name': 'El nombre del archivo no es válido.',
  'documentRefusal.type_mismatch': 'La extensión del archivo no corresponde a su contenido.',
  'documentRefusal.pdf_encrypted': 'El PDF está cifrado con contraseña: se guardó, pero no se puede leer su texto ni mostrarlo.',
  'documentRefusal.pdf_damaged': 'El PDF está dañado o incompleto y no se puede abrir.',
  'documentRefusal.hash_mismatch': 'La huella (SHA-256) del archivo no coincide con la registrada: el archivo fue alterado o llegó incompleto.',
  'documentRefusal.unsupported_redaction': 'Solo se pueden tarjar PDF e imágenes.',
  'documentRefusal.not_available_offline': 'El documento no está descargado y no hay conexión con la plataforma.',
  'documentRefusal.staged_missing': 'El archivo seleccionado expiró o ya fue usado. Selecciónelo de nuevo.',
  'documentRefusal.file_missing': 'El archivo guardado ya no está en este equipo.',
  'documentRefusal.wrong_kind': 'Esta acción no corresponde a este tipo de documento.',

  'custodyEvent.received': 'Recibido',
  'custodyEvent.imported': 'Importado',
  'custodyEvent.downloaded': 'Descargado',
  'custodyEvent.opened': 'Abierto',
  'custodyEvent.exported': 'Exportado',
  'custodyEvent.redacted': 'Tarjado',
  'custodyEvent.uploaded': 'Enviado a la plataforma',
  'custodyEvent.verified': 'Verificado',

  'custodyBreak.hash_mismatch': 'El registro n.º {seq} fue modificado (su huella no corresponde a su contenido).',
  'custodyBreak.sequence_gap': 'Falta un registro antes del n.º {seq}.',
  'custodyBreak.prev_hash_mismatch': 'El registro n.º {seq} no continúa la cadena del anterior.',

  'documents.limits.maxSize': 'Tamaño máximo por archivo: {maxMb} MB.',
};
