import { events, isEventName, type EventName, type EventPayload } from '../../../shared/contract/events';

type Listener = (payload: unknown) => void;

/**
 * One shared EventSource for all subscribers, opened with the first and closed with the last.
 * EventSource reconnects by itself; payloads are validated against the contract before delivery.
 */
export function createSseSubscriber(baseUrl: string, secret: string | null) {
  const listeners = new Map<EventName, Set<Listener>>();
  let source: EventSource | null = null;

  const deliver = (name: EventName) => (message: MessageEvent<string>) => {
    let raw: unknown;
    try {
      raw = JSON.parse(message.data) as unknown;
    } catch {
      return;
    }
    const parsed = events[name].safeParse(raw);
    if (!parsed.success) return;
    for (const listener of listeners.get(name) ?? []) listener(parsed.data);
  };

  const open = (): EventSource => {
    const url = `${baseUrl}/api/events${secret ? `?secret=${encodeURIComponent(secret)}` : ''}`;
    const created = new EventSource(url);
    for (const name of Object.keys(events)) {
      if (isEventName(name)) created.addEventListener(name, deliver(name));
    }
    return created;
  };

  return function on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
    const set = listeners.get(name) ?? new Set<Listener>();
    listeners.set(name, set);
    const wrapped: Listener = (payload) => listener(payload as EventPayload<K>);
    set.add(wrapped);
    source ??= open();
    return () => {
      set.delete(wrapped);
      const remaining = [...listeners.values()].reduce((n, s) => n + s.size, 0);
      if (remaining === 0 && source) {
        source.close();
        source = null;
      }
    };
  };
}
