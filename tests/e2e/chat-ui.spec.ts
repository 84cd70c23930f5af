import { expect, test, type Page, type Route } from '@playwright/test';
import type { ChatMessage, SyncConflict, SyncStatus } from '../../shared/contract/sync';
import type { MessageChannel } from '../../shared/platform/messages';
import { newDataDir, startWebHost, type RunningHost } from './support/web-host';

/**
 * The chat, sync and conflict UI against the real web host and core, with the sync operations
 * answered by a scripted platform state in the page (page.route). It pins the renderer's side
 * of the contract whether or not the sync engine is present; chat.spec.ts drives the real engine
 * and reference platform end to end. Set MESA_SCREENSHOTS=<dir> to keep screenshots.
 */

const shots = process.env.MESA_SCREENSHOTS;
const shot = async (page: Page, name: string): Promise<void> => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png` });
};

const minutesAgo = (n: number): string => new Date(Date.now() - n * 60_000).toISOString();
const daysAgo = (n: number, hour: number): string => {
  const d = new Date(Date.now() - n * 86_400_000);
  d.setUTCHours(hour, 10, 0, 0);
  return d.toISOString();
};

const baseStatus: SyncStatus = {
  state: 'idle',
  serverUrl: 'http://127.0.0.1:4810',
  accountEmail: 'carolina.fuentes@mediadores.example.cl',
  lastSyncedAt: minutesAgo(2),
  progress: null,
  error: null,
  pendingWrites: 0,
  openConflicts: 0,
};

interface Script {
  status: SyncStatus;
  messages: ChatMessage[];
  conflicts: SyncConflict[];
  /** What a new send becomes: pending (offline) or failed. */
  sendAs: 'pending' | 'failed';
}

const msg = (caseId: string, n: number, over: Partial<ChatMessage>): ChatMessage => ({
  id: `m${n}`,
  clientId: null,
  caseId,
  channel: 'joint',
  authorRole: 'consumer',
  authorName: 'Javiera Rojas Soto',
  body: 'Hola',
  sentAt: minutesAgo(60 - n),
  delivery: 'sent',
  failure: null,
  ...over,
});

function seedMessages(caseId: string): ChatMessage[] {
  return [
    msg(caseId, 1, { channel: 'negotiation', sentAt: daysAgo(9, 14), body: 'Compré una lavadora el 2 de octubre y llegó con la puerta rota. Pido el cambio del producto.' }),
    msg(caseId, 2, { channel: 'negotiation', authorRole: 'company', authorName: 'Tienda Andina SpA', sentAt: daysAgo(8, 16), body: 'Lamentamos lo ocurrido.\nPodemos ofrecer un descuento del 10 % en su próxima compra.' }),
    msg(caseId, 3, { channel: 'negotiation', sentAt: daysAgo(8, 19), body: 'No me sirve un descuento: necesito la lavadora funcionando.' }),
    msg(caseId, 4, { channel: 'joint', authorRole: 'platform', authorName: 'Resolución en Línea', sentAt: daysAgo(1, 13), body: 'Ambas partes aceptaron la mediación. Mediadora designada: Carolina Fuentes.' }),
    msg(caseId, 5, { channel: 'joint', authorRole: 'mediator', authorName: 'Carolina Fuentes', sentAt: daysAgo(1, 14), body: 'Buenas tardes a ambos. Soy la mediadora de este caso.\n\nLes propongo revisar primero la evidencia del daño y luego las alternativas.' }),
    msg(caseId, 6, { channel: 'joint', authorRole: 'company', authorName: 'Tienda Andina SpA', sentAt: daysAgo(1, 15), body: 'De acuerdo. Adjuntamos la guía de despacho.' }),
    msg(caseId, 7, { channel: 'joint', sentAt: minutesAgo(40), body: 'Las fotos muestran la puerta rota al abrir la caja. <b>No</b> fue mal uso.' }),
    msg(caseId, 8, { channel: 'caucus_consumer', authorRole: 'mediator', authorName: 'Carolina Fuentes', sentAt: minutesAgo(30), body: '¿Aceptaría una reparación con técnico a domicilio si el plazo es de 5 días hábiles?' }),
    msg(caseId, 9, { channel: 'caucus_consumer', sentAt: minutesAgo(25), body: 'Preferiría el cambio, pero si es en 5 días lo puedo aceptar.' }),
    msg(caseId, 10, { channel: 'caucus_company', authorRole: 'company', authorName: 'Tienda Andina SpA', sentAt: minutesAgo(20), body: 'Internamente podemos ofrecer el cambio si se retira el producto dañado.' }),
  ];
}

const json = (route: Route, value: unknown) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value }) });

/** Answers the sync operations from `script`; everything else goes to the real core. */
async function scriptPlatform(page: Page, script: Script): Promise<void> {
  let sent = 0;
  await page.route('**/api/op/*', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const input = (route.request().postDataJSON() ?? {}) as Record<string, string>;
    switch (name) {
      case 'getSyncStatus':
      case 'syncNow':
        return json(route, script.status);
      case 'signOut':
        script.status = { ...script.status, state: 'signed_out', accountEmail: null };
        return json(route, script.status);
      case 'signIn':
        if (input.password !== 'mesa-demo') return json(route, { ...script.status, state: 'signed_out', error: { code: 'unauthorized', message: 'bad credentials', retryAt: null } });
        script.status = { ...baseStatus, accountEmail: input.email ?? null };
        return json(route, script.status);
      case 'listMessages':
        return json(route, script.messages.filter((m) => m.caseId === input.caseId && m.channel === input.channel));
      case 'sendMessage': {
        sent += 1;
        const own = msg(input.caseId ?? '', 100 + sent, {
          id: `local-${sent}`,
          clientId: `019a0000-0000-7000-8000-${String(sent).padStart(12, '0')}`,
          channel: input.channel as MessageChannel,
          authorRole: 'mediator',
          authorName: 'Carolina Fuentes',
          body: input.body ?? '',
          sentAt: new Date().toISOString(),
          delivery: script.sendAs,
          failure: script.sendAs === 'failed' ? 'server_error' : null,
        });
        script.messages.push(own);
        return json(route, own);
      }
      case 'retryMessage': {
        const found = script.messages.find((m) => m.id === input.messageId);
        if (!found) return route.fallback();
        Object.assign(found, { delivery: 'sent', failure: null });
        return json(route, found);
      }
      case 'listConflicts':
        return json(route, script.conflicts.filter((c) => c.caseId === input.caseId));
      case 'resolveConflict':
        script.conflicts = script.conflicts.filter((c) => c.id !== input.conflictId);
        return json(route, script.status);
      default:
        return route.fallback();
    }
  });
}

async function openMediationCase(page: Page): Promise<string> {
  await page.getByTestId('stage-filter-mediation').click();
  const row = page.getByTestId('case-row').first();
  await expect(row).toContainText('Mediación');
  await row.click();
  await expect(page.getByTestId('case-view')).toBeVisible();
  return (await page.getByTestId('case-view').getAttribute('data-case-id')) ?? '';
}

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('chat channels: who reads each, text only, pending/failed/retry, composer closed where it must be', async ({ page }) => {
  host = await startWebHost({ dataDir: newDataDir(), demoCases: 200 });
  const script: Script = { status: baseStatus, messages: [], conflicts: [], sendAs: 'pending' };
  await scriptPlatform(page, script);
  await page.route('**/api/op/getCase', async (route) => {
    // Learn the case id the UI asks for, and give it seeded messages.
    const caseId = (route.request().postDataJSON() as { caseId: string }).caseId;
    if (!script.messages.some((m) => m.caseId === caseId)) script.messages.push(...seedMessages(caseId));
    return route.fallback();
  });
  await page.goto(host.url);
  await openMediationCase(page);

  const chat = page.getByTestId('chat');
  await expect(chat).toBeVisible();
  await expect(page.getByTestId('chat-tab-joint')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('chat-banner')).toHaveText('Lo leen: reclamante, empresa y usted.');
  // Text, never HTML: the tag is shown as typed and no <b> element exists.
  await expect(chat.getByText('<b>No</b> fue mal uso', { exact: false })).toBeVisible();
  await expect(chat.locator('.msg-body b')).toHaveCount(0);
  await shot(page, 'chat-joint');

  // Enter sends; Shift+Enter is a new line in the same message.
  await page.getByTestId('chat-input').fill('Gracias a ambos.');
  await page.getByTestId('chat-input').press('Shift+Enter');
  await page.getByTestId('chat-input').pressSequentially('Propongo una sesión el jueves a las 10:00.');
  await page.getByTestId('chat-input').press('Enter');
  const mine = page.getByTestId('chat-message').last();
  await expect(mine).toContainText('Gracias a ambos.\nPropongo una sesión');
  await expect(mine.getByTestId('chat-message-delivery')).toHaveAttribute('data-delivery', 'pending');
  await expect(page.getByTestId('chat-input')).toHaveValue('');

  // A failed send shows why and can be retried.
  script.sendAs = 'failed';
  await page.getByTestId('chat-input').fill('¿Les acomoda ese horario?');
  await page.getByTestId('chat-send').click();
  await expect(page.getByTestId('chat-message').last().getByTestId('chat-message-delivery')).toHaveAttribute('data-delivery', 'failed');
  await shot(page, 'chat-joint-pending-failed');
  await page.getByTestId('chat-retry').click();
  await expect(page.getByTestId('chat-message').last().getByTestId('chat-message-delivery')).toHaveAttribute('data-delivery', 'sent');

  await page.getByTestId('chat-tab-caucus_consumer').click();
  await expect(page.getByTestId('chat-banner')).toHaveText('Privado: solo el reclamante y usted. La otra parte nunca lo ve.');
  await shot(page, 'chat-caucus-consumer');
  await page.getByTestId('chat-tab-caucus_company').click();
  await expect(page.getByTestId('chat-banner')).toHaveText('Privado: solo la empresa y usted. La otra parte nunca lo ve.');
  await expect(page.getByTestId('chat-message')).toHaveCount(1);
  await shot(page, 'chat-caucus-company');

  await page.getByTestId('chat-tab-negotiation').click();
  await expect(page.getByTestId('chat-input')).toBeDisabled();
  await expect(page.getByTestId('chat-composer-closed')).toContainText('solo lectura');
  await expect(page.getByTestId('chat-message').nth(1)).toContainText('Lamentamos lo ocurrido.\nPodemos ofrecer');
  await shot(page, 'chat-negotiation');
});

test('sync indicator: signed out → sign in (wrong then right password), offline banner, error details, conflict notice', async ({ page }) => {
  host = await startWebHost({ dataDir: newDataDir(), demoCases: 200 });
  const script: Script = { status: { ...baseStatus, state: 'signed_out', accountEmail: null, lastSyncedAt: null }, messages: [], conflicts: [], sendAs: 'pending' };
  await scriptPlatform(page, script);
  await page.goto(host.url);

  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toHaveText('Sin sesión en la plataforma');
  await indicator.click();
  await expect(page.getByTestId('sign-in-form')).toBeVisible();
  await page.getByTestId('sign-in-email').fill('carolina.fuentes@mediadores.example.cl');
  await page.getByTestId('sign-in-password').fill('equivocada');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('El correo o la contraseña no son correctos. Revíselos e intente de nuevo.');
  await shot(page, 'sign-in-error');
  await page.getByTestId('sign-in-password').fill('mesa-demo');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-form')).toBeHidden();
  await expect(indicator).toHaveText('Sincronizado hace 2 min');
  await indicator.click();
  await expect(page.getByTestId('sync-details')).toContainText('carolina.fuentes@mediadores.example.cl');
  await expect(page.getByTestId('sync-now')).toBeEnabled();
  await shot(page, 'sync-details-idle');
  await page.keyboard.press('Escape');

  // Syncing with counts.
  script.status = { ...baseStatus, state: 'syncing', progress: { changes: 21_579, cases: 1234, messages: 20_345, hasMore: true } };
  await indicator.click();
  await page.getByTestId('sync-now').click();
  await expect(indicator).toHaveText('Sincronizando… 1.234 casos, 20.345 mensajes');
  await shot(page, 'sync-syncing');
  await page.keyboard.press('Escape');

  // Offline: the banner appears and the details say what happens to pending work.
  script.status = { ...baseStatus, state: 'offline', pendingWrites: 3, error: { code: 'offline', message: 'ECONNREFUSED', retryAt: null } };
  await page.reload();
  await indicator.click();
  await expect(page.getByTestId('offline-banner')).toHaveText('Trabajando sin conexión: los cambios se guardan en este equipo y se enviarán al reconectar.');
  await expect(page.getByTestId('sync-details')).toContainText('Sus mensajes quedan guardados');
  await shot(page, 'sync-offline');
  await page.keyboard.press('Escape');

  // An error with a retry time.
  script.status = { ...baseStatus, state: 'error', error: { code: 'rate_limited', message: '429', retryAt: new Date(Date.now() + 120_000).toISOString() } };
  await page.reload();
  await indicator.click();
  await expect(indicator).toContainText('Plataforma ocupada');
  await expect(page.getByTestId('offline-banner')).toBeHidden();
  await shot(page, 'sync-error');
  await page.keyboard.press('Escape');

  // A refused stage change in the case view, resolved by accepting the platform's version.
  script.status = { ...baseStatus, openConflicts: 1 };
  await page.route('**/api/op/getCase', async (route) => {
    const caseId = (route.request().postDataJSON() as { caseId: string }).caseId;
    if (!script.conflicts.some((c) => c.caseId === caseId)) {
      script.conflicts.push({
        id: 'conflict-1',
        caseId,
        kind: 'stage_proposal',
        mine: { type: 'start_agreement_drafting' },
        theirs: { stage: 'closed', subState: null, version: 7 },
        detectedAt: minutesAgo(5),
      });
    }
    return route.fallback();
  });
  await openMediationCase(page);
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toContainText('La plataforma rechazó su cambio de etapa porque el caso cambió');
  await expect(conflict).toContainText('«Comenzar redacción del acuerdo»');
  await expect(conflict).toContainText('«Cerrada»');
  await shot(page, 'conflict');
  await page.getByTestId('conflict-accept-platform').click();
  await expect(conflict).toBeHidden();
});
