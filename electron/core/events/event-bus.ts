import type { EventName, EventPayload } from '../../../shared/contract/events';

export type EventListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/** Fan-out of contract events from the core to whichever host is listening (IPC or SSE). */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const listener of this.#listeners) listener(name, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
