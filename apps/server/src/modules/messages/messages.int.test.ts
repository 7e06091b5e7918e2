import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  auditLog,
  messageAttachments,
  messagePermissionRequests,
  messages,
  outboundEnvelopes,
} from '@veza/db';
import type { Message, MessagePermission, MessageThread, MessageThreadPage } from '@veza/shared';
import { pdfText } from '../../platform/pdf/pdf-text.testing.ts';
import {
  createAccount,
  createAgencyRow,
  createTestApp,
  createUnitRow,
  signIn,
  type Signed,
  type TestApp,
} from '../../testing/app-fixture.ts';
import { DOCX, EXE, PDF } from './messages.attachments.testing.ts';

let t: TestApp;
let rsInvestigator: Signed;
let rsInvestigatorUnit: string;
let rsColleague: Signed;
let meSpoc: Signed;
let meSpocUnit: string;
let mkSpoc: Signed;
let mkSpocUnit: string;
let alOfficer: Signed;

const as = (who: Signed, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

const b64 = (bytes: Buffer) => bytes.toString('base64');

/** What a Serbian investigator tells Montenegro about the Novi Sad club case. */
const MESSAGE = {
  to: { jurisdiction: 'ME' },
  subject: 'Возило BG-123-ЖШ, Будва',
  body: 'Возило је 12. новембра 2026. прешло границу код Добраковa; возач је осумњичени организатор превоза.',
  handlingCode: 'H2',
  evaluation: 'B2',
};

const count = async (table: typeof messages | typeof messageAttachments | typeof outboundEnvelopes) =>
  (await t.database.db.select().from(table)).length;

async function spocOf(jurisdiction: 'ME' | 'MK' | 'RS', name: string) {
  const agency = await createAgencyRow(t.database, { jurisdiction });
  const unitId = await createUnitRow(t.database, {
    agencyId: agency,
    kind: 'international_cooperation',
    name,
  });
  const account = await createAccount(t.database, {
    roles: ['cooperation_officer'],
    unitId,
    agencyId: agency,
  });
  return { unitId, signed: await signIn(t.app, account.email) };
}

beforeAll(async () => {
  t = await createTestApp();
  const investigator = await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' });
  rsInvestigatorUnit = investigator.unitId;
  rsInvestigator = await signIn(t.app, investigator.email);
  rsColleague = await signIn(
    t.app,
    (await createAccount(t.database, { roles: ['officer'], jurisdiction: 'RS' })).email,
  );
  ({ unitId: meSpocUnit, signed: meSpoc } = await spocOf('ME', 'Odsjek za međunarodnu policijsku saradnju'));
  ({ unitId: mkSpocUnit, signed: mkSpoc } = await spocOf('MK', 'Сектор за меѓународна полициска соработка'));
  alOfficer = await signIn(
    t.app,
    (await createAccount(t.database, { roles: ['officer'], jurisdiction: 'AL' })).email,
  );
});

afterAll(async () => {
  await t?.dispose();
});

describe('sending: the interface and bad input', () => {
  it.each(['handlingCode', 'evaluation'])('refuses a message without %s, naming the field', async (field) => {
    const { [field as 'handlingCode']: _left, ...without } = MESSAGE;
    const response = await as(rsInvestigator, 'POST', '/api/messages', without);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: field }] });
    expect(await count(messages)).toBe(0);
  });

  it('refuses an unknown jurisdiction and an evaluation outside the 4x4', async () => {
    const unknown = await as(rsInvestigator, 'POST', '/api/messages', {
      ...MESSAGE,
      to: { jurisdiction: 'GR' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ path: 'to.jurisdiction' }] });
    const badGrade = await as(rsInvestigator, 'POST', '/api/messages', { ...MESSAGE, evaluation: 'D5' });
    expect(badGrade.json()).toMatchObject({ errors: [{ path: 'evaluation' }] });
    expect(await count(messages)).toBe(0);
  });

  it('requires the restrictions of an H3 message', async () => {
    const response = await as(rsInvestigator, 'POST', '/api/messages', { ...MESSAGE, handlingCode: 'H3' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ path: 'restrictions', code: 'required' }] });
  });

  it('refuses an executable renamed .pdf, storing nothing', async () => {
    const response = await as(rsInvestigator, 'POST', '/api/messages', {
      ...MESSAGE,
      attachments: [{ fileName: 'zapisnik.pdf', content: b64(EXE) }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'attachment_type_not_allowed',
      errors: [{ path: 'attachments.0.content' }],
    });
    expect(await count(messages)).toBe(0);
    expect(await count(messageAttachments)).toBe(0);
    expect(await count(outboundEnvelopes)).toBe(0);
  });

  it('refuses a 30 MB attachment with its own code, storing nothing', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(30 * 1024 * 1024 - PDF.length, 0x20)]);
    const response = await as(rsInvestigator, 'POST', '/api/messages', {
      ...MESSAGE,
      attachments: [{ fileName: 'snimak.pdf', content: b64(big) }],
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'attachment_too_large' });
    expect(await count(messages)).toBe(0);
  });
});

describe('an H2 thread between Serbia and Montenegro', () => {
  let sent: Message;
  let received: Message;

  it('sends to the jurisdiction’s SPOC: 201 with id and thread, each side its own record', async () => {
    const response = await as(rsInvestigator, 'POST', '/api/messages', {
      ...MESSAGE,
      attachments: [
        { fileName: 'zapisnik.pdf', content: b64(PDF) },
        { fileName: 'izvjestaj.docx', content: b64(DOCX) },
      ],
    });
    expect(response.statusCode).toBe(201);
    sent = response.json();
    expect(sent).toMatchObject({
      id: expect.any(String),
      threadId: expect.any(String),
      handlingCode: 'H2',
      evaluation: 'B2',
      to: { jurisdiction: 'ME', unitId: meSpocUnit },
      readAt: null,
    });
    expect(sent.attachments.map((a) => a.mediaType).sort()).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    const envelopes = await t.database.db.select().from(outboundEnvelopes);
    expect(envelopes.map((e) => e.kind)).toEqual(['message.sent']);
    const rows = await t.database.db.select().from(messages);
    expect(rows.map((r) => r.holderJurisdictionCode).sort()).toEqual(['ME', 'RS']);
    // The files crossed: Montenegro keeps its own copy.
    expect(await count(messageAttachments)).toBe(4);
  });

  it('lists the thread in the SPOC’s inbox as unread, with its codes', async () => {
    const page: MessageThreadPage = (await as(meSpoc, 'GET', '/api/messages')).json();
    expect(page.items).toEqual([
      expect.objectContaining({ subject: MESSAGE.subject, handlingCode: 'H2', evaluation: 'B2', unread: 1 }),
    ]);
    const thread: MessageThread = (
      await as(meSpoc, 'GET', `/api/messages/threads/${page.items[0]?.id}`)
    ).json();
    received = thread.items[0] as Message;
    expect(received).toMatchObject({ handlingCode: 'H2', evaluation: 'B2', body: MESSAGE.body });
  });

  it('answers 404 to a third country and to another unit of the sender’s', async () => {
    for (const id of [sent.id, received.id]) {
      expect((await as(alOfficer, 'GET', `/api/messages/${id}`)).statusCode).toBe(404);
      expect((await as(rsColleague, 'GET', `/api/messages/${id}`)).statusCode).toBe(404);
    }
    expect((await as(alOfficer, 'GET', `/api/messages/threads/${received.threadId}`)).statusCode).toBe(404);
    expect((await as(meSpoc, 'GET', `/api/messages/${sent.id}`)).statusCode).toBe(404);
    expect((await as(alOfficer, 'GET', '/api/messages')).json()).toEqual({ items: [], total: 0 });
  });

  it('sends a read receipt on the first read, logged as a disclosure', async () => {
    const read: Message = (await as(meSpoc, 'GET', `/api/messages/${received.id}`)).json();
    expect(read.readAt).not.toBeNull();
    const mine: Message = (await as(rsInvestigator, 'GET', `/api/messages/${sent.id}`)).json();
    expect(mine.readAt).toBe(read.readAt);
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.recordId, received.id),
          eq(auditLog.action, 'message.view'),
          eq(auditLog.operation, 'disclosure'),
        ),
      );
    expect(entries).toEqual([
      expect.objectContaining({
        operation: 'disclosure',
        details: expect.objectContaining({ handlingCode: 'H2', readReceipt: true }),
      }),
    ]);
    expect((await as(meSpoc, 'GET', '/api/messages')).json().items[0].unread).toBe(0);
  });

  it('takes the explicit acknowledgement, which the sender sees', async () => {
    const response = await as(meSpoc, 'POST', `/api/messages/${received.id}/acknowledge`);
    expect(response.statusCode).toBe(200);
    const mine: Message = (await as(rsInvestigator, 'GET', `/api/messages/${sent.id}`)).json();
    expect(mine.acknowledgedAt).not.toBeNull();
    expect((await as(rsInvestigator, 'POST', `/api/messages/${sent.id}/acknowledge`)).statusCode).toBe(403);
  });

  it('refuses forwarding H2 to North Macedonia without the provider’s permission, storing nothing', async () => {
    const before = await count(messages);
    const response = await as(meSpoc, 'POST', `/api/messages/${received.id}/forward`, {
      to: { jurisdiction: 'MK' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'handling_code_forbids_forwarding' });
    expect(await count(messages)).toBe(before);
  });

  it('refuses forwarding to one’s own unit with its own code', async () => {
    const response = await as(meSpoc, 'POST', `/api/messages/${received.id}/forward`, {
      to: { unitId: meSpocUnit },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'forward_to_own_unit' });
  });

  it('records the provider’s refusal, then its grant, and forwards once granted', async () => {
    const ask = async () =>
      (
        await as(meSpoc, 'POST', `/api/messages/${received.id}/permission-requests`, {
          purpose: 'forward',
          reason: 'Сектор у Скопљу истражује исто возило.',
        })
      ).json() as MessagePermission;
    const first = await ask();
    expect(first.status).toBe('pending');
    // The provider finds the request on its own record of the message.
    const providers: Message = (await as(rsInvestigator, 'GET', `/api/messages/${sent.id}`)).json();
    const theirs = providers.permissions[0] as MessagePermission;
    expect(theirs).toMatchObject({
      purpose: 'forward',
      status: 'pending',
      allowed: ['message.permission.answer'],
    });
    expect(
      (await as(meSpoc, 'POST', `/api/messages/permission-requests/${first.id}/answer`, { granted: true }))
        .statusCode,
    ).toBe(404);
    const refused = await as(
      rsInvestigator,
      'POST',
      `/api/messages/permission-requests/${theirs.id}/answer`,
      {
        granted: false,
        note: 'Не док траје оперативна фаза.',
      },
    );
    expect(refused.json()).toMatchObject({ status: 'refused' });
    const again = await as(rsInvestigator, 'POST', `/api/messages/permission-requests/${theirs.id}/answer`, {
      granted: true,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'message_permission_already_answered' });
    const onTheirSide: Message = (await as(meSpoc, 'GET', `/api/messages/${received.id}`)).json();
    expect(onTheirSide.permissions).toEqual([
      expect.objectContaining({ status: 'refused', note: 'Не док траје оперативна фаза.' }),
    ]);
    expect(
      (await as(meSpoc, 'POST', `/api/messages/${received.id}/forward`, { to: { jurisdiction: 'MK' } }))
        .statusCode,
    ).toBe(409);

    const second = await ask();
    const pending = (
      await t.database.db
        .select()
        .from(messagePermissionRequests)
        .where(
          and(
            eq(
              messagePermissionRequests.exchangeId,
              (
                await t.database.db
                  .select()
                  .from(messagePermissionRequests)
                  .where(eq(messagePermissionRequests.id, second.id))
              )[0]!.exchangeId,
            ),
            eq(messagePermissionRequests.side, 'providing'),
          ),
        )
    )[0]!;
    expect(
      (
        await as(rsInvestigator, 'POST', `/api/messages/permission-requests/${pending.id}/answer`, {
          granted: true,
        })
      ).json(),
    ).toMatchObject({ status: 'granted' });
    const forwarded = await as(meSpoc, 'POST', `/api/messages/${received.id}/forward`, {
      to: { jurisdiction: 'MK' },
      note: 'Уз дозволу српске стране.',
    });
    expect(forwarded.statusCode).toBe(201);
    expect(forwarded.json()).toMatchObject({
      handlingCode: 'H2',
      evaluation: 'B2',
      forwarded: true,
      to: { unitId: mkSpocUnit },
    });

    const inbox: MessageThreadPage = (await as(mkSpoc, 'GET', '/api/messages')).json();
    const thread: MessageThread = (
      await as(mkSpoc, 'GET', `/api/messages/threads/${inbox.items[0]?.id}`)
    ).json();
    expect(thread.items).toEqual([
      expect.objectContaining({
        forwarded: true,
        provider: expect.objectContaining({ jurisdiction: 'RS', unitId: rsInvestigatorUnit }),
        handlingCode: 'H2',
        evaluation: 'B2',
      }),
    ]);
    expect(thread.items[0]?.attachments).toHaveLength(2);
    // North Macedonia may not pass it on in turn.
    expect(
      (
        await as(mkSpoc, 'POST', `/api/messages/${thread.items[0]?.id}/forward`, {
          to: { jurisdiction: 'AL' },
        })
      ).statusCode,
    ).toBe(409);
    const disclosures = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, received.id), eq(auditLog.action, 'message.forward')));
    expect(disclosures).toEqual([
      expect.objectContaining({
        operation: 'disclosure',
        recipients: [`unit:${mkSpocUnit}`, 'jurisdiction:MK'],
        details: expect.objectContaining({ providerGranted: true }),
      }),
    ]);
  });

  it('serves an attachment with its codes, as a disclosure', async () => {
    const pdf = sent.attachments.find((a) => a.mediaType === 'application/pdf');
    const response = await as(
      meSpoc,
      'GET',
      `/api/messages/${received.id}/attachments/${received.attachments.find((a) => a.fileName === pdf?.fileName)?.id}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['x-veza-handling-code']).toBe('H2');
    expect(response.headers['x-veza-evaluation']).toBe('B2');
    expect(response.rawPayload.equals(PDF)).toBe(true);
  });

  it('takes a reply in the thread, which reaches the sender’s own thread', async () => {
    const reply = await as(meSpoc, 'POST', '/api/messages', {
      threadId: received.threadId,
      subject: 'Re: Возило BG-123-ЖШ',
      body: 'Vozilo je registrovano na firmu iz Podgorice; provjeravamo vlasnike.',
      handlingCode: 'H0',
      evaluation: 'A1',
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ threadId: received.threadId, to: { unitId: rsInvestigatorUnit } });
    const mine: MessageThread = (
      await as(rsInvestigator, 'GET', `/api/messages/threads/${sent.threadId}`)
    ).json();
    expect(mine.items.map((m) => m.evaluation)).toEqual(['B2', 'A1']);
    expect(mine).toMatchObject({ handlingCode: 'H2', evaluation: 'A1', unread: 1 });
  });
});

describe('H3 and H1', () => {
  it('shows an H3 message’s restrictions first, the content only on the explicit read', async () => {
    const sent: Message = (
      await as(rsInvestigator, 'POST', '/api/messages', {
        ...MESSAGE,
        subject: 'Извор у клубу',
        handlingCode: 'H3',
        evaluation: 'C3',
        restrictions: 'Само за начелника одсека; не уносити у евиденције.',
      })
    ).json();
    const thread: MessageThread = (await as(meSpoc, 'GET', `/api/messages`)).json().items;
    void thread;
    const theirs = (
      await t.database.db
        .select()
        .from(messages)
        .where(
          and(
            eq(
              messages.exchangeId,
              (await t.database.db.select().from(messages).where(eq(messages.id, sent.id)))[0]!.exchangeId,
            ),
            eq(messages.holderJurisdictionCode, 'ME'),
          ),
        )
    )[0]!;
    const first: Message = (await as(meSpoc, 'GET', `/api/messages/${theirs.id}`)).json();
    expect(first).toMatchObject({
      contentWithheld: true,
      body: null,
      restrictions: 'Само за начелника одсека; не уносити у евиденције.',
    });
    const shown: Message = (await as(meSpoc, 'GET', `/api/messages/${theirs.id}?show=content`)).json();
    expect(shown).toMatchObject({ contentWithheld: false, body: MESSAGE.body });
    const reads = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.recordId, theirs.id),
          eq(auditLog.action, 'message.view'),
          eq(auditLog.operation, 'disclosure'),
        ),
      );
    expect(reads.map((r) => (r.details as { contentShown: boolean }).contentShown)).toEqual([false, true]);
  });

  it('refuses a court export of H1 without the provider’s permission, prints it once permitted', async () => {
    const sent: Message = (
      await as(rsInvestigator, 'POST', '/api/messages', {
        ...MESSAGE,
        to: { unitId: meSpocUnit },
        subject: 'Исказ сведока',
        handlingCode: 'H1',
        evaluation: 'A2',
      })
    ).json();
    const theirs = (
      await t.database.db
        .select()
        .from(messages)
        .where(
          and(
            eq(
              messages.exchangeId,
              (await t.database.db.select().from(messages).where(eq(messages.id, sent.id)))[0]!.exchangeId,
            ),
            eq(messages.holderJurisdictionCode, 'ME'),
          ),
        )
    )[0]!;
    const court = await as(
      meSpoc,
      'GET',
      `/api/messages/threads/${theirs.threadId}/export.pdf?purpose=court`,
    );
    expect(court.statusCode).toBe(409);
    expect(court.json()).toMatchObject({ code: 'handling_code_requires_permission' });

    const internal = await as(
      meSpoc,
      'GET',
      `/api/messages/threads/${theirs.threadId}/export.pdf?purpose=internal&lang=en`,
    );
    expect(internal.statusCode).toBe(200);
    expect(internal.headers['content-type']).toBe('application/pdf');
    const pages = await pdfText(internal.rawPayload);
    for (const page of pages) expect(page).toContain('Handling code H1');
    expect(pages.join('\n')).toContain('A2');
    expect(pages.join('\n')).toContain("H1: not to be used in court without the provider's permission.");

    const asked: MessagePermission = (
      await as(meSpoc, 'POST', `/api/messages/${theirs.id}/permission-requests`, {
        purpose: 'court',
        reason: 'Optužnica Višeg državnog tužilaštva u Podgorici.',
      })
    ).json();
    const providing = (
      await t.database.db
        .select()
        .from(messagePermissionRequests)
        .where(
          and(
            eq(messagePermissionRequests.side, 'providing'),
            eq(messagePermissionRequests.purpose, 'court'),
          ),
        )
    )[0]!;
    expect(providing.reason).toBe(asked.reason);
    await as(rsInvestigator, 'POST', `/api/messages/permission-requests/${providing.id}/answer`, {
      granted: true,
    });
    const printed = await as(
      meSpoc,
      'GET',
      `/api/messages/threads/${theirs.threadId}/export.pdf?purpose=court&lang=en`,
    );
    expect(printed.statusCode).toBe(200);
    expect((await pdfText(printed.rawPayload)).join('\n')).toContain('Printed for use in court.');
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, theirs.threadId), eq(auditLog.action, 'message.use_in_court')));
    expect(entries).toEqual([
      expect.objectContaining({ operation: 'disclosure', recipients: expect.arrayContaining(['court']) }),
    ]);
  });
});
