/** Thrown when the embedded database's one connection did not become free in time. */
export class DatabaseBusyError extends Error {
  readonly code = 'VEZA_DATABASE_BUSY';
  constructor(waitMs: number, waiting: number) {
    super(`The database did not become free within ${waitMs} ms (${waiting} waiting)`);
    this.name = 'DatabaseBusyError';
  }
}

export interface GateSettings {
  /** How long an operation may wait for the connection before it is refused. */
  waitMs: number;
  /** How many may wait at once; the next is refused at once. */
  maxWaiting: number;
}

export const DEFAULT_GATE: GateSettings = { waitMs: 2000, maxWaiting: 200 };

interface Waiter {
  start: () => void;
  timer: NodeJS.Timeout;
}

/**
 * A bounded first-come queue in front of PGlite's single connection. PGlite serialises its queries
 * and transactions itself, without limit: under load a request waited ten seconds and more. Here an
 * operation that cannot start within `waitMs`, or finds `maxWaiting` already waiting, is refused
 * with DatabaseBusyError (503 database_busy with Retry-After), so no one waits long for nothing.
 */
export class ConnectionGate {
  private busy = false;
  private readonly queue: Waiter[] = [];

  constructor(private readonly settings: GateSettings = DEFAULT_GATE) {}

  async run<T>(operation: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await operation();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    if (this.queue.length >= this.settings.maxWaiting) {
      return Promise.reject(new DatabaseBusyError(0, this.queue.length));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const index = this.queue.indexOf(waiter);
          if (index !== -1) this.queue.splice(index, 1);
          reject(new DatabaseBusyError(this.settings.waitMs, this.queue.length));
        }, this.settings.waitMs),
      };
      this.queue.push(waiter);
    });
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next.start();
    else this.busy = false;
  }
}
