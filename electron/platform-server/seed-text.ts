// What the parties and the mediator say in the demo conversations (es-CL). Placeholders:
// {order} order number, {amount} amount in CLP, {consumer} consumer's first name,
// {brand} brand, {mediator} mediator's name. Fictional, neutral, never offensive.

export const PLATFORM_OPENING = 'La plataforma notificó el reclamo a {brand}. La empresa tiene 5 días hábiles para responder.';

export const NEGOTIATION_CONSUMER = [
  'Hola, escribo por el pedido {order}. Ya pasaron varios días y sigo sin una solución.',
  'Adjunté la boleta y las fotos. ¿Me pueden confirmar qué van a hacer y en qué plazo?',
  'Necesito una respuesta concreta con fecha, por favor. Llamé dos veces al servicio al cliente.',
  'Entiendo, pero el plazo que me ofrecen es muy largo. ¿Existe otra alternativa?',
  'No me sirve una gift card; prefiero la devolución de {amount} al mismo medio de pago.',
  'Gracias por la respuesta. Quedo atento a la confirmación por correo.',
  'El número de seguimiento que me dieron no aparece en la página del courier.',
  'Sigo esperando. Si no hay respuesta, voy a pedir la mediación del centro.',
  'Me parece bien el cambio, siempre que me lo entreguen esta semana.',
  'Les recuerdo que pagué {amount} y hasta ahora no tengo ni el producto ni el dinero.',
] as const;

export const NEGOTIATION_COMPANY = [
  'Estimado/a {consumer}, lamentamos lo ocurrido con su pedido {order}. Estamos revisando el caso con el área de despacho.',
  'Hemos escalado su caso al área de postventa. Le responderemos dentro del plazo comprometido.',
  'Podemos ofrecerle el cambio del producto o una nota de crédito por {amount}. ¿Cuál prefiere?',
  'Para continuar necesitamos una foto del producto y de la boleta, por favor.',
  'Según el courier, el pedido figura como entregado. Abrimos una investigación interna.',
  'Le confirmamos que el reembolso se verá reflejado en 5 a 10 días hábiles, según su banco.',
  'Como compensación por la demora le ofrecemos un cupón de descuento de $10.000.',
  'Su solicitud fue derivada al servicio técnico autorizado, que lo contactará en 48 horas.',
  'Lamentamos no poder acceder a la devolución: el producto fue usado fuera de garantía.',
] as const;

export const JOINT_MEDIATOR = [
  'Buenos días. Soy {mediator}, designado/a para mediar en este caso. Mi rol es ayudarles a buscar una solución; nadie está obligado a llegar a un acuerdo.',
  'Gracias a ambos por participar. ¿Podrían contarme qué solución considerarían razonable?',
  'Entiendo las dos posiciones. ¿Sería posible un reembolso parcial con un plazo de entrega fijo?',
  'Les recuerdo que la mediación dura como máximo 14 días corridos.',
  'Dejo un resumen: la empresa revisará el reembolso y el consumidor enviará el comprobante. ¿Es correcto?',
  'Propongo que conversemos en una sesión conjunta el jueves a las 11:00. ¿Les acomoda?',
] as const;

export const JOINT_CONSUMER = [
  'Gracias. Lo que necesito es que me devuelvan {amount} o que me entreguen el producto.',
  'Estoy dispuesto/a a aceptar el cambio si me lo entregan esta semana.',
  'Sí, el resumen es correcto. Envío el comprobante hoy.',
  'Me acomoda el jueves. Gracias por la ayuda.',
] as const;

export const JOINT_COMPANY = [
  'Por parte de {brand}, podemos ofrecer el reembolso total una vez que recibamos el producto.',
  'Podemos comprometer la entrega en 5 días hábiles con despacho prioritario sin costo.',
  'Confirmamos el resumen. Quedamos atentos al comprobante.',
  'El jueves a las 11:00 nos acomoda.',
] as const;

export const CAUCUS_MEDIATOR = [
  'Este canal es privado entre usted y yo: la otra parte no lo verá.',
  '¿Hay algún punto que le parezca importante y que no haya querido decir en la conversación conjunta?',
  '¿Cuál sería para usted el mínimo aceptable para cerrar el caso hoy?',
] as const;

export const CAUCUS_CONSUMER = [
  'Gracias. La verdad es que aceptaría un reembolso parcial si es rápido.',
  'Me preocupa que vuelvan a postergar la entrega.',
] as const;

export const CAUCUS_COMPANY = [
  'En confianza: podríamos llegar hasta un 70 % del monto, pero no queremos que se haga público.',
  'El área comercial autoriza el despacho prioritario, pero no un reembolso total.',
] as const;

/** The consumer's automatic answers in the joint chat (control API auto-reply). */
export const AUTO_REPLIES = [
  'Gracias por su mensaje. Lo reviso y le respondo hoy.',
  'Entiendo. Me parece una buena propuesta.',
  'De acuerdo, quedo atento/a.',
  'Perfecto, gracias por la ayuda.',
  '¿Me podría confirmar el plazo, por favor?',
] as const;

export const fillText = (template: string, vars: Readonly<Record<string, string>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
