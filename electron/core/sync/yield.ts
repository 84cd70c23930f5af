/** Lets pending I/O and timers run (setImmediate fires after the poll phase). */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
