import type { Queryable } from '@veza/db';
import { DEMO_DOMAIN, type DemoScenario } from '@veza/demo';
import type { JurisdictionCode, Message, Role } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { systemContext } from '../../platform/context.ts';
import { demoCaseByTitle } from '../cases/index.ts';
import { findPermissionByExchange, findPermission } from './messages.repository.ts';
import {
  answerPermission,
  askPermission,
  forwardMessage,
  getThread,
  listThreads,
  readMessage,
  sendMessage,
} from './messages.service.ts';

const HOUR_MS = 3_600_000;

/** A demo user as the policy engine sees them: by e-mail, or the first of a role in a unit kind. */
function demoActor(
  scenario: DemoScenario,
  find: { email: string } | { jurisdiction: JurisdictionCode; kind: string; role: Role },
): Actor {
  const agencyOf = (unitId: string) =>
    scenario.agencies.find((a) => a.id === scenario.units.find((u) => u.id === unitId)?.agencyId);
  const user = scenario.users.find((u) =>
    'email' in find
      ? u.email === find.email
      : u.roles.includes(find.role) &&
        agencyOf(u.unitId)?.jurisdiction === find.jurisdiction &&
        scenario.units.find((unit) => unit.id === u.unitId)?.kind === find.kind,
  );
  const agency = user ? agencyOf(user.unitId) : undefined;
  if (!user || !agency) throw new Error(`No demo user for a demo message: ${JSON.stringify(find)}`);
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    unitId: user.unitId,
    agencyId: agency.id,
    jurisdiction: agency.jurisdiction,
    language: user.language,
  };
}

/** The providing side's record of the permission request a recipient just made. */
async function providingSide(q: Queryable, askingId: string, provider: JurisdictionCode): Promise<string> {
  const asking = await findPermission(q, askingId);
  const providing = asking ? await findPermissionByExchange(q, asking.exchangeId, provider) : undefined;
  if (!providing) throw new Error('The permission request did not reach the provider');
  return providing.id;
}

/** The recipient side's record of a message that crossed (its id differs from the sender's). */
async function receivedCopy(q: Queryable, recipient: Actor, sent: Message): Promise<Message> {
  const ctx = systemContext(recipient);
  for (const thread of (await listThreads(q, ctx)).items) {
    const found = (await getThread(q, ctx, thread.id)).items.find(
      (m) => m.subject === sent.subject && m.sentAt === sent.sentAt,
    );
    if (found) return found;
  }
  throw new Error(`The demo message "${sent.subject}" did not arrive`);
}

/**
 * Loads the demo messages through the module's own use cases, so both sides' records, envelopes and
 * audit entries are what the application makes: H2 threads from the Novi Sad club case (Операција
 * Бисер) to North Macedonia and Montenegro, one forward refused by the provider and one granted, an
 * H3 message with its restrictions and an H1 answer. Times count back from `loadedAt`.
 */
export async function seedDemoMessages(
  q: Queryable,
  scenario: DemoScenario,
  loadedAt: Date = new Date(),
): Promise<number> {
  const at = (hoursAgo: number) => new Date(loadedAt.getTime() - hoursAgo * HOUR_MS);
  const investigator = demoActor(scenario, { email: `officer.rs@${DEMO_DOMAIN}` });
  const mkSpoc = demoActor(scenario, {
    jurisdiction: 'MK',
    kind: 'international_cooperation',
    role: 'cooperation_officer',
  });
  const meSpoc = demoActor(scenario, {
    jurisdiction: 'ME',
    kind: 'international_cooperation',
    role: 'cooperation_officer',
  });
  const as = (actor: Actor) => systemContext(actor);
  const novisad = await demoCaseByTitle(q, 'Операција Бисер');
  const link = novisad ? { kind: 'case' as const, id: novisad.id } : undefined;

  // 1. To North Macedonia, H2: the SPOC asks to pass it on to Kosovo*; the provider refuses.
  const toSkopje = await sendMessage(
    q,
    as(investigator),
    {
      to: { jurisdiction: 'MK' },
      subject: 'Возило BG-123-AB на ГП Табановце',
      body: 'Возило BG-123-AB прешло је ГП Табановце 3. новембра 2026. у 02:40 са три девојке; молимо снимке камера.',
      handlingCode: 'H2',
      evaluation: 'B2',
      ...(link && { link }),
      attachments: [
        {
          fileName: 'prelasci.csv',
          content: Buffer.from(
            'datum;granicni_prelaz;tablice\n2026-11-03T02:40;Tabanovce;BG-123-AB\n',
          ).toString('base64'),
        },
      ],
    },
    at(50),
  );
  const inSkopje = await receivedCopy(q, mkSpoc, toSkopje);
  await readMessage(q, as(mkSpoc), inSkopje.id, undefined, at(48));
  const askedSkopje = await askPermission(
    q,
    as(mkSpoc),
    inSkopje.id,
    { purpose: 'forward', reason: 'Косовската полиција го бара истото возило; би ја проследиле пораката.' },
    at(47),
  );
  await answerPermission(
    q,
    as(investigator),
    await providingSide(q, askedSkopje.id, 'RS'),
    { granted: false, note: 'Не док траје оперативна фаза; послаћемо сами захтев Приштини.' },
    at(46),
  );

  // 2. To Montenegro, H2: the SPOC asks to pass it on to its trafficking unit; granted, forwarded.
  const toPodgorica = await sendMessage(
    q,
    as(investigator),
    {
      to: { jurisdiction: 'ME' },
      subject: 'Клуб у Будви и фирма из Подгорице',
      body: 'Возило из случаја „Бисер“ регистровано је на фирму из Подгорице; возач је боравио у Будви 12.–14. новембра 2026.',
      handlingCode: 'H2',
      evaluation: 'B3',
      attachments: [],
      ...(link && { link }),
    },
    at(30),
  );
  const inPodgorica = await receivedCopy(q, meSpoc, toPodgorica);
  await readMessage(q, as(meSpoc), inPodgorica.id, undefined, at(29));
  const askedPodgorica = await askPermission(
    q,
    as(meSpoc),
    inPodgorica.id,
    { purpose: 'forward', reason: 'Odsjek za suzbijanje trgovine ljudima u Budvi preuzima provjere.' },
    at(28),
  );
  await answerPermission(
    q,
    as(investigator),
    await providingSide(q, askedPodgorica.id, 'RS'),
    { granted: true, note: 'Дозвољено за полицију у Будви.' },
    at(27),
  );
  const meTrafficking = scenario.units.find(
    (u) =>
      u.kind === 'trafficking' && scenario.agencies.find((a) => a.id === u.agencyId)?.jurisdiction === 'ME',
  );
  if (meTrafficking)
    await forwardMessage(
      q,
      as(meSpoc),
      inPodgorica.id,
      { to: { unitId: meTrafficking.id }, note: 'Uz dozvolu srpske strane: samo za provjere u Budvi.' },
      at(26),
    );

  // 3. H3 with the provider's restrictions, shown before the content.
  await sendMessage(
    q,
    as(investigator),
    {
      threadId: toPodgorica.threadId,
      subject: 'Извор у клубу',
      body: 'Извор из клуба каже да се нови превоз припрема за крај месеца (измишљени подаци за демо).',
      handlingCode: 'H3',
      evaluation: 'C3',
      attachments: [],
      restrictions: 'Само за начелника одсека; не уносити у евиденције и не помињати извор.',
    },
    at(20),
  );

  // 4. Montenegro answers in the thread, H1: not for court without its permission.
  await sendMessage(
    q,
    as(meSpoc),
    {
      threadId: inPodgorica.threadId,
      subject: 'Vlasnici firme',
      body: 'Firma je registrovana 2025. na dva lica iz Podgorice; šaljemo izvod iz CRPS (izmišljeni demo podaci).',
      handlingCode: 'H1',
      evaluation: 'A2',
      attachments: [],
    },
    at(10),
  );
  return 5;
}
