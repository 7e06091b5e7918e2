import { demo, link, nameLinks, person, type DemoCase } from './model.ts';
import {
  DRUGS_CALL_RECORDS,
  DRUGS_ENTITIES,
  EXPLOITATION_CASE,
  PORT_ENTITIES,
  RECRUITMENT_CASE,
  TRANSPORT_ENTITIES,
} from './network.ts';

export type {
  DemoCall,
  DemoCallRecords,
  DemoCase,
  DemoCaseOwner,
  DemoEntity,
  DemoStatement,
} from './model.ts';

/**
 * A cross-border picture: one courier, written Ђорђе Ђорђевић in a Serbian drugs case,
 * Đorđe Đorđević in a Montenegrin trafficking case and Djordje Djordjevic at a North Macedonian
 * border crossing, with a phone and a car that turn up in more than one case. The Serbian drugs
 * investigator is on the Macedonian team too, so linkage finds the courier across the border.
 * Around it, the network of ./network.ts: recruitment in Kosovo*, transport through North
 * Macedonia, exploitation in Serbia, and the drugs the same group sells (five cases in all).
 * Relationships are named by their ends ({@link nameLinks}).
 */
const CASES: readonly DemoCase[] = [
  {
    title: 'Operacija Sever',
    type: 'drug_trafficking',
    handlingCode: 'H1',
    legalBasis: 'ZKP čl. 286; nalog tužioca KTO 112/26',
    owner: { email: demo('drugs.rs') },
    memberEmails: [],
    source: 'Службена белешка ПУ Београд 14/26',
    entities: [
      person('courier', 'Ђорђе Ђорђевић', [
        { property: 'birthDate', value: '1987-04-12', evaluation: 'A1' },
        { property: 'nationality', value: 'rs' },
      ]),
      person('buyer', 'Marko Petrović', [{ property: 'birthDate', value: '1979' }]),
      {
        key: 'phone',
        schema: 'Phone',
        caption: '+381 64 123 4567',
        statements: [{ property: 'number', value: '+381 64 123 4567' }],
      },
      {
        key: 'car',
        schema: 'Vehicle',
        caption: 'VW Golf BG-123-AB',
        statements: [
          { property: 'registrationNumber', value: 'BG-123-AB' },
          { property: 'model', value: 'VW Golf' },
        ],
      },
      link('courier-phone', 'UsesPhone', { person: 'courier', phone: 'phone' }),
      link('courier-car', 'Drives', { driver: 'courier', vehicle: 'car' }),
      link('supply', 'SuppliedDrugsTo', { supplier: 'courier', recipient: 'buyer' }),
      ...DRUGS_ENTITIES,
    ],
    callRecords: DRUGS_CALL_RECORDS,
  },
  {
    title: 'Lučka noć',
    type: 'trafficking',
    handlingCode: 'H0',
    legalBasis: 'ZKP CG čl. 257',
    owner: { jurisdiction: 'ME', unitKind: 'trafficking' },
    memberEmails: [],
    source: 'Izvještaj UP Bar 3/26',
    entities: [
      person('recruiter', 'Đorđe Đorđević', [
        { property: 'birthDate', value: '1987-04-12', evaluation: 'B3' },
      ]),
      person('victim', 'Ana Marković', [{ property: 'birthDate', value: '2008', evaluation: 'B2' }]),
      {
        key: 'phone',
        schema: 'Phone',
        caption: '+38164 1234567',
        statements: [{ property: 'number', value: '+38164 1234567' }],
      },
      link('recruiter-phone', 'UsesPhone', { person: 'recruiter', phone: 'phone' }),
      link('recruited', 'Recruited', { recruiter: 'recruiter', recruited: 'victim' }),
      ...PORT_ENTITIES,
    ],
  },
  {
    title: 'Табановце',
    type: 'migrant_smuggling',
    handlingCode: 'H2',
    legalBasis: 'ЗКП чл. 46',
    owner: { jurisdiction: 'MK', unitKind: 'border' },
    memberEmails: [demo('analyst.mk'), demo('drugs.rs')],
    source: 'Записник ГП Табановце 27/26',
    entities: [
      person('driver', 'Djordje Djordjevic', [
        { property: 'birthDate', value: '1987-04-12', evaluation: 'A2' },
      ]),
      person('migrant', 'Бујар Рамадани'),
      {
        key: 'car',
        schema: 'Vehicle',
        caption: 'BG123AB',
        statements: [{ property: 'registrationNumber', value: 'BG123AB' }],
      },
      link('driver-car', 'Drives', { driver: 'driver', vehicle: 'car' }),
      link('transported', 'Transported', { transporter: 'driver', transported: 'migrant' }),
      ...TRANSPORT_ENTITIES,
    ],
  },
  RECRUITMENT_CASE,
  EXPLOITATION_CASE,
];

export const DEMO_CASES: readonly DemoCase[] = CASES.map(nameLinks);
