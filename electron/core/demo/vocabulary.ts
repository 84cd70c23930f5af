import type { Category } from '../../../shared/domain/case';

/**
 * The words the demo cases are built from. Brands and stores are FICTIONAL on purpose (no real
 * company is accused of anything); couriers and public bodies are real names used neutrally.
 * Every e-mail uses the reserved `.example` domain so nothing can ever be sent to a real inbox.
 */

export type Sector = 'appliances' | 'tech' | 'sports' | 'fashion' | 'home';

export interface Product {
  /** With its indefinite article, as a consumer writes it: "un refrigerador No Frost 300 L". */
  readonly phrase: string;
  readonly sector: Sector;
  /** Typical price range in CLP. */
  readonly min: number;
  readonly max: number;
}

export const PRODUCTS: readonly Product[] = [
  { phrase: 'un refrigerador No Frost 300 L', sector: 'appliances', min: 349_990, max: 699_990 },
  { phrase: 'una lavadora carga frontal 9 kg', sector: 'appliances', min: 299_990, max: 549_990 },
  { phrase: 'un microondas 20 L', sector: 'appliances', min: 49_990, max: 99_990 },
  { phrase: 'una aspiradora robot', sector: 'appliances', min: 149_990, max: 399_990 },
  { phrase: 'una cafetera espresso', sector: 'appliances', min: 79_990, max: 249_990 },
  { phrase: 'un horno eléctrico 45 L', sector: 'appliances', min: 59_990, max: 129_990 },
  { phrase: 'un secador de pelo iónico', sector: 'appliances', min: 14_990, max: 39_990 },
  { phrase: 'un televisor LED 55"', sector: 'tech', min: 299_990, max: 649_990 },
  { phrase: 'un notebook 14"', sector: 'tech', min: 399_990, max: 1_099_990 },
  { phrase: 'un celular 128 GB', sector: 'tech', min: 199_990, max: 899_990 },
  { phrase: 'unos audífonos inalámbricos', sector: 'tech', min: 19_990, max: 199_990 },
  { phrase: 'una tablet 10"', sector: 'tech', min: 149_990, max: 449_990 },
  { phrase: 'una impresora multifuncional', sector: 'tech', min: 69_990, max: 199_990 },
  { phrase: 'un monitor 27"', sector: 'tech', min: 149_990, max: 349_990 },
  { phrase: 'una consola de videojuegos', sector: 'tech', min: 399_990, max: 599_990 },
  { phrase: 'unas zapatillas running', sector: 'sports', min: 39_990, max: 129_990 },
  { phrase: 'una bicicleta aro 29', sector: 'sports', min: 249_990, max: 699_990 },
  { phrase: 'una mochila de trekking 40 L', sector: 'sports', min: 49_990, max: 119_990 },
  { phrase: 'un reloj deportivo con GPS', sector: 'sports', min: 129_990, max: 399_990 },
  { phrase: 'una carpa para 4 personas', sector: 'sports', min: 59_990, max: 189_990 },
  { phrase: 'una parka impermeable', sector: 'fashion', min: 39_990, max: 149_990 },
  { phrase: 'unos jeans y dos poleras', sector: 'fashion', min: 19_990, max: 59_990 },
  { phrase: 'unos botines de cuero', sector: 'fashion', min: 49_990, max: 119_990 },
  { phrase: 'un vestido de fiesta', sector: 'fashion', min: 29_990, max: 89_990 },
  { phrase: 'un sofá seccional de 3 cuerpos', sector: 'home', min: 399_990, max: 999_990 },
  { phrase: 'un colchón de 2 plazas', sector: 'home', min: 199_990, max: 599_990 },
  { phrase: 'un juego de comedor con 6 sillas', sector: 'home', min: 299_990, max: 799_990 },
  { phrase: 'un escritorio con cajonera', sector: 'home', min: 69_990, max: 179_990 },
  { phrase: 'un set de ollas de acero', sector: 'home', min: 39_990, max: 129_990 },
  { phrase: 'una cama europea de 1,5 plazas', sector: 'home', min: 179_990, max: 449_990 },
];

export interface Brand {
  readonly name: string;
  readonly legalName: string;
  /** Company RUT body (76.xxx.xxx / 77.xxx.xxx, as companies get). */
  readonly rutBody: number;
  readonly domain: string;
  readonly sectors: readonly Sector[];
  /** Relative share of the claims. */
  readonly weight: number;
  /** Order number prefix; empty for brands whose orders are plain digits. */
  readonly orderPrefix: string;
}

const ALL: readonly Sector[] = ['appliances', 'tech', 'sports', 'fashion', 'home'];

export const BRANDS: readonly Brand[] = [
  { name: 'Tiendas Andinas', legalName: 'Comercializadora Tiendas Andinas SpA', rutBody: 76_418_233, domain: 'tiendasandinas.example', sectors: ALL, weight: 24, orderPrefix: 'TA' },
  { name: 'Mercado Cóndor', legalName: 'Mercado Cóndor Chile S.A.', rutBody: 77_105_874, domain: 'mercadocondor.example', sectors: ALL, weight: 18, orderPrefix: '' },
  { name: 'ElectroSur', legalName: 'ElectroSur Comercial Limitada', rutBody: 76_902_115, domain: 'electrosur.example', sectors: ['appliances', 'tech'], weight: 14, orderPrefix: 'ES' },
  { name: 'MundoTec', legalName: 'MundoTec Retail SpA', rutBody: 77_340_562, domain: 'mundotec.example', sectors: ['tech'], weight: 11, orderPrefix: 'MT' },
  { name: 'Hogar Austral', legalName: 'Hogar Austral S.A.', rutBody: 76_255_907, domain: 'hogaraustral.example', sectors: ['home', 'appliances'], weight: 10, orderPrefix: 'HA' },
  { name: 'Deportes Cordillera', legalName: 'Deportes Cordillera SpA', rutBody: 77_681_340, domain: 'deportescordillera.example', sectors: ['sports', 'fashion'], weight: 8, orderPrefix: 'DC' },
  { name: 'Moda Pacífico', legalName: 'Textiles y Moda Pacífico Limitada', rutBody: 76_577_028, domain: 'modapacifico.example', sectors: ['fashion'], weight: 8, orderPrefix: '' },
  { name: 'Muebles del Maule', legalName: 'Muebles del Maule SpA', rutBody: 77_012_669, domain: 'mueblesdelmaule.example', sectors: ['home'], weight: 7, orderPrefix: 'MM' },
];

export const STORE_SUFFIXES = ['tienda online', 'app móvil', 'sucursal Providencia', 'sucursal Concepción', 'sucursal Viña del Mar', 'sucursal Temuco', 'sucursal Antofagasta', 'sucursal La Serena', 'sucursal Puerto Montt'] as const;

export const COURIERS = ['Chilexpress', 'Starken', 'Blue Express', 'Correos de Chile'] as const;

export const FIRST_NAMES = [
  'Camila', 'Valentina', 'Javiera', 'Catalina', 'Fernanda', 'Constanza', 'Francisca', 'Daniela', 'María José', 'Sofía',
  'Antonia', 'Isidora', 'Paula', 'Carolina', 'Macarena', 'Bárbara', 'Josefa', 'Trinidad', 'Marcela', 'Patricia',
  'Matías', 'Benjamín', 'Sebastián', 'Nicolás', 'Felipe', 'Diego', 'Joaquín', 'Vicente', 'Tomás', 'Cristóbal',
  'Ignacio', 'José Miguel', 'Juan Pablo', 'Rodrigo', 'Gonzalo', 'Francisco', 'Cristián', 'Álvaro', 'Andrés', 'Pablo',
] as const;

export const SURNAMES = [
  'González', 'Muñoz', 'Rojas', 'Díaz', 'Pérez', 'Soto', 'Contreras', 'Silva', 'Martínez', 'Sepúlveda', 'Morales',
  'Rodríguez', 'López', 'Fuentes', 'Hernández', 'Torres', 'Araya', 'Flores', 'Espinoza', 'Valenzuela', 'Castillo',
  'Tapia', 'Reyes', 'Gutiérrez', 'Castro', 'Pizarro', 'Álvarez', 'Vásquez', 'Sánchez', 'Fernández', 'Ramírez',
  'Carrasco', 'Gómez', 'Cortés', 'Herrera', 'Núñez', 'Jara', 'Vergara', 'Rivera', 'Figueroa', 'Riquelme', 'Miranda',
  'Bravo', 'Vera', 'Molina', 'Vega', 'Campos', 'Sandoval', 'Orellana', 'Cárcamo', 'Zúñiga', 'Olivares', 'Gallardo',
  'Alarcón', 'Henríquez', 'Saavedra', 'Navarro', 'Aguilera', 'Parra', 'Aravena', 'Vidal', 'Lagos', 'Quiroz', 'Bustos',
] as const;

export const COMPANY_REP_CAPACITIES = ['ejecutiva de servicio al cliente', 'jefe de postventa', 'abogada', 'encargado de experiencia de cliente', 'analista de reclamos'] as const;
export const CONSUMER_REP_CAPACITIES = ['apoderado', 'abogada', 'hija de la reclamante', 'cónyuge, con poder simple'] as const;

/**
 * Text fragments. Placeholders: {product} {store} {courier} {date} {promised} {order} {amount}
 * {ticket}. Each category has openings (how the story starts), problems and remedies.
 */
interface CategoryText {
  readonly openings?: readonly string[];
  readonly problems: readonly Fragment[];
  readonly remedies: readonly string[];
}

/** A sentence, or a sentence that only fits some sectors (no short circuit in a pair of jeans). */
export type Fragment = string | readonly [string, readonly Sector[]];

const ELECTRIC: readonly Sector[] = ['appliances', 'tech'];
const GOODS: readonly Sector[] = ['sports', 'fashion', 'home'];

/** The fragments that fit a product's sector. */
export const fitting = (fragments: readonly Fragment[], sector: Sector): string[] =>
  fragments.flatMap((f) => (typeof f === 'string' ? [f] : f[1].includes(sector) ? [f[0]] : []));

export const PURCHASE_OPENINGS = [
  'El {date} compré {product} en {store} por {amount}, pedido N° {order}.',
  'Con fecha {date} hice una compra en {store} (orden {order}): {product}, y pagué {amount}.',
  'Adquirí {product} a través de {store} el {date}, por un total de {amount}.',
  'Compré {product} el {date} en {store}; el número de pedido es {order} y el total fue {amount}.',
  'Hace unas semanas, el {date}, compré {product} en {store} (pedido {order}, {amount}).',
] as const;

export const CATEGORY_TEXT: Readonly<Record<Category, CategoryText>> = {
  delivery_not_received: {
    problems: [
      'El despacho quedó a cargo de {courier} y el seguimiento indica «entregado», pero nunca recibí el paquete; nadie en mi domicilio firmó la recepción.',
      'La entrega estaba comprometida para el {promised} y hasta hoy no ha llegado nada. {courier} dice que el paquete volvió a bodega y la tienda dice que está en ruta.',
      '{courier} registró un intento de entrega fallido que no ocurrió: estuve todo el día en casa. Desde entonces el pedido aparece extraviado.',
      'El paquete figura entregado en una dirección de otra comuna. La tienda me pide esperar la investigación de {courier} y ya pasaron semanas.',
    ],
    remedies: ['Que me entreguen el producto en un plazo máximo de 5 días hábiles.', 'La devolución íntegra de lo pagado ({amount}).', 'El reembolso total o el envío de un producto nuevo, a elección de la tienda.'],
  },
  exchange_return: {
    problems: [
      'Al recibirlo noté que no correspondía a la publicación: color y medidas distintas a las informadas.',
      'Pedí el cambio dentro de los 10 días de la política de la tienda, sin uso y en su caja, pero lo rechazaron porque la etiqueta estaba despegada.',
      'Hice la devolución en una sucursal de {courier} con la etiqueta que me enviaron, pero la tienda dice que no la ha recibido y no me devuelve el dinero.',
      'Me ofrecen sólo una gift card en lugar de la devolución del dinero, aunque el derecho a retracto estaba informado en la página.',
    ],
    remedies: ['El cambio por el mismo producto en la talla o modelo correcto.', 'La devolución de {amount} a mi medio de pago.', 'Que acepten la devolución y me reembolsen, incluido el costo de envío.'],
  },
  product_defect: {
    problems: [
      ['A los pocos días de uso dejó de funcionar: no enciende, y el servicio técnico autorizado dice que es una falla de fábrica.', ELECTRIC],
      'Llegó con un golpe visible y una pieza rota; envié fotos a la tienda el mismo día de la entrega.',
      ['Desde el primer uso presentó fallas: se apaga solo y hace un ruido fuerte.', ELECTRIC],
      ['A las dos semanas de uso normal presenta un defecto evidente en costuras y materiales.', GOODS],
      ['A la primera semana se despegó la suela y se rompió el cierre.', ['sports', 'fashion']],
      ['Una de las patas venía trizada y la estructura quedó inestable al armarla.', ['home']],
    ],
    remedies: ['El cambio por un producto nuevo.', 'La devolución del dinero pagado ({amount}).', 'La reparación sin costo o, si no es posible, el cambio del producto.'],
  },
  unrecognized_charge: {
    openings: [
      'El {date} revisé el estado de cuenta de mi tarjeta y encontré un cargo de {store} por {amount}.',
      'En mi cartola del {date} aparece un cobro de {amount} asociado a {store} (referencia {order}).',
      'Soy cliente de {store} y el {date} recibí un cobro de {amount} que no corresponde.',
    ],
    problems: [
      'No reconozco esa compra: no la hice yo ni nadie autorizado por mí.',
      'Me cobraron dos veces la misma compra y la tienda sólo reconoce uno de los pagos.',
      'Di de baja una suscripción hace meses y me siguen cobrando mensualmente.',
      'El cargo corresponde a un pedido que la propia tienda anuló por falta de stock, pero el dinero nunca volvió.',
    ],
    remedies: ['La anulación del cargo y la devolución de {amount}.', 'Que reversen el cobro duplicado en mi tarjeta.', 'Que cancelen la suscripción y devuelvan los cobros posteriores a la baja.'],
  },
  incomplete_payment: {
    problems: [
      'Pagué el total por transferencia, pero la tienda dice que el pago quedó incompleto y no despacha; el dinero ya salió de mi cuenta.',
      'El pago quedó «pendiente» en el sitio aunque el banco muestra el cargo. Me dijeron que el stock quedaba reservado 48 horas y luego lo liberaron.',
      'La tienda cobró sólo una parte y ahora exige pagar de nuevo el total, a un precio mayor.',
    ],
    remedies: ['Que reconozcan el pago y despachen el pedido al precio original.', 'La devolución de lo cobrado ({amount}).'],
  },
  unilateral_cancellation: {
    problems: [
      'Dos días después de la compra la tienda anuló mi pedido por un supuesto «error de precio» y me ofreció un cupón de descuento.',
      'Me llegó un correo cancelando la compra por falta de stock, pero el producto sigue publicado a un precio más alto.',
      'Cancelaron el pedido sin aviso y el reembolso todavía no aparece en mi tarjeta.',
    ],
    remedies: ['Que respeten el precio publicado y despachen el pedido.', 'La devolución inmediata de {amount} y una compensación por las molestias.'],
  },
  late_delivery: {
    problems: [
      'La entrega estaba comprometida para el {promised} y llegó con más de dos semanas de atraso.',
      'El despacho con {courier} se ha reprogramado cuatro veces; cada vez me dan una fecha nueva.',
      'Pagué despacho express y el pedido llegó diez días después de lo prometido.',
    ],
    remedies: ['La devolución del costo de despacho.', 'Una compensación por el atraso.', 'Anular la compra y recibir la devolución total.'],
  },
  warranty: {
    problems: [
      'Falló dentro de los seis meses de garantía legal y la tienda me deriva al fabricante, que no responde.',
      ['Lo llevé al servicio técnico que indicó la tienda; tras un mes lo devolvieron sin reparar y con la misma falla.', ELECTRIC],
      ['La tienda rechaza el cambio diciendo que el desgaste es normal, aunque apenas tiene tres semanas de uso.', GOODS],
      'Me niegan la garantía alegando mal uso, sin entregar ningún informe técnico.',
    ],
    remedies: ['Hacer efectiva la garantía legal: cambio, reparación o devolución, a mi elección.', 'La devolución del dinero ({amount}).', 'Un producto nuevo de iguales características.'],
  },
};

export const PRIOR_COMPLAINT = [
  'Reclamé primero por el chat de la tienda (ticket N° {ticket}) y nunca me respondieron.',
  'Ya presenté un reclamo en el SERNAC (N° {ticket}) sin obtener solución.',
  'Llamé tres veces al servicio al cliente y envié correos; sólo recibí respuestas automáticas.',
  'Hice el reclamo en la sucursal y me dieron el número de atención {ticket}, pero no hubo respuesta.',
] as const;

export const NO_PRIOR_COMPLAINT = ['Acudo a esta plataforma porque es el canal que indica la tienda para reclamos.', '', ''] as const;

export const DAMAGE: readonly Fragment[] = [
  ['La falla provocó una filtración de agua que dañó el piso de la cocina; tengo fotos y el presupuesto de reparación.', ['appliances']],
  ['El equipo hizo cortocircuito y quemó el enchufe y parte del mueble donde estaba.', ELECTRIC],
  ['Por el problema sufrí una quemadura leve en la mano; adjunto el certificado de atención.', ELECTRIC],
  ['Perdí alimentos y otros productos por la demora, y tengo las boletas.', ['appliances']],
  ['Me torcí el tobillo cuando se rompió la suela; tengo el certificado médico.', ['sports', 'fashion']],
  ['El mueble cedió y dañó el piso y un televisor; tengo fotos y presupuestos.', ['home']],
  'Tuve que arrendar un reemplazo mientras tanto, con boletas que puedo acreditar.',
];

export const CLOSINGS = [
  'Adjunto boleta, capturas del seguimiento y los correos con la tienda.',
  'Necesito una solución pronto porque es un producto de uso diario.',
  'Espero una respuesta formal de la empresa.',
  'Es la primera vez que compro en esta tienda y la experiencia ha sido muy mala.',
  '',
] as const;

export const REMEDY_ADDONS = [
  ' Además, solicito el reembolso de los gastos de traslado.',
  ' También pido que me informen por escrito el estado del caso.',
  ' Y una disculpa formal de la empresa.',
] as const;
