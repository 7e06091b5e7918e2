import type { FieldConflict, StoredScreening } from './outbox.types.ts';

/**
 * For unit tests: the screenings API as the contract describes it (POST idempotent by clientId, PUT
 * with baseRevision answering 409 `sync_conflict`), behind a fetch function that can lose its
 * connection. Not a mock of our own code: the outbox talks to it exactly as it talks to the server.
 */
export class FakeScreeningServer {
  readonly screenings = new Map<string, StoredScreening>();
  /** Which fields each revision changed, per screening. */
  private readonly history = new Map<string, Map<number, string[]>>();
  offline = false;
  /** The next write is stored but its answer never arrives (the connection drops on the way back). */
  loseNextAnswer = false;
  readonly requests: string[] = [];
  private nextId = 1;

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    if (this.offline) throw new TypeError('Failed to fetch');
    const method = init.method ?? 'GET';
    const path = String(input);
    this.requests.push(`${method} ${path}`);
    if (path === '/api/auth/session') return json(200, { csrfToken: 'token-1' });
    const headers = (init.headers ?? {}) as Record<string, string>;
    if (method !== 'GET' && headers['X-CSRF-Token'] !== 'token-1') {
      return json(403, { code: 'csrf_failed' });
    }
    const body = init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    const answer = this.route(method, path, body);
    if (method !== 'GET' && this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new TypeError('Network connection lost');
    }
    return answer;
  };

  private route(method: string, path: string, body: Record<string, unknown>): Response {
    if (method === 'POST' && path === '/api/screenings') return this.create(body);
    const match = /^\/api\/screenings\/([^/]+)$/.exec(path);
    const screening = match ? this.screenings.get(decodeURIComponent(match[1] ?? '')) : undefined;
    if (!screening) return json(404, { code: 'not_found' });
    if (method === 'GET') return json(200, screening);
    if (method === 'PUT') {
      return this.update(screening, body as { baseRevision: number; changes: Record<string, unknown> });
    }
    return json(405, { code: 'internal_error' });
  }

  private create(body: Record<string, unknown>): Response {
    if (typeof body.place !== 'string' || body.place === '') {
      return json(400, { code: 'validation_failed', errors: [{ path: 'place', code: 'too_small' }] });
    }
    const existing = [...this.screenings.values()].find((s) => s.clientId === body.clientId);
    if (existing) return json(200, existing);
    const id = `s-${this.nextId++}`;
    const screening: StoredScreening = {
      ...body,
      id,
      clientId: String(body.clientId),
      reference: `S-RS-${String(this.nextId).padStart(6, '0')}`,
      revision: 1,
    };
    this.screenings.set(id, screening);
    this.history.set(id, new Map());
    return json(201, screening);
  }

  private update(
    screening: StoredScreening,
    body: { baseRevision: number; changes: Record<string, unknown> },
  ): Response {
    const history = this.history.get(screening.id) ?? new Map<number, string[]>();
    const changedSince = new Set(
      [...history.entries()].filter(([revision]) => revision > body.baseRevision).flatMap(([, f]) => f),
    );
    const conflicts: FieldConflict[] = Object.entries(body.changes)
      .filter(([field]) => changedSince.has(field))
      .map(([field, yours]) => ({ field, yours, theirs: this.valueOf(screening, field) }));
    if (conflicts.length > 0) return json(409, { code: 'sync_conflict', conflicts });
    this.apply(screening.id, body.changes);
    return json(200, this.screenings.get(screening.id));
  }

  /** Someone else changes fields on the server (another device, a colleague). */
  changeElsewhere(id: string, changes: Record<string, unknown>): void {
    this.apply(id, changes);
  }

  private apply(id: string, changes: Record<string, unknown>): void {
    const screening = this.screenings.get(id);
    if (!screening) throw new Error(`no screening ${id}`);
    const next: StoredScreening = { ...screening, revision: screening.revision + 1 };
    for (const [field, value] of Object.entries(changes)) {
      if (field.startsWith('answers.')) {
        next.answers = { ...(next.answers as object), [field.slice(8)]: value };
      } else {
        next[field] = value;
      }
    }
    this.screenings.set(id, next);
    this.history.get(id)?.set(next.revision, Object.keys(changes));
  }

  private valueOf(screening: StoredScreening, field: string): unknown {
    if (field.startsWith('answers.')) return (screening.answers as Record<string, unknown>)[field.slice(8)];
    return screening[field];
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}
