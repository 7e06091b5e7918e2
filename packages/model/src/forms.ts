/**
 * What the entity form offers, schema by schema: the properties analysts of trafficking and drug cases
 * record most, in the order they are asked. Every name here is a schema or property of the model
 * (checked by forms.test.ts). This file does not load the model, so the web app can import it.
 */
export interface FormSchema {
  /** Relationship schemata: the two properties naming the ends, picked among the case's entities. */
  ends?: readonly [source: string, target: string];
  properties: readonly string[];
}

export const FORM_SCHEMATA = {
  Person: {
    properties: [
      'name',
      'alias',
      'birthDate',
      'birthPlace',
      'nationality',
      'gender',
      'idNumber',
      'phone',
      'email',
      'address',
      'notes',
    ],
  },
  Organization: { properties: ['name', 'country', 'registrationNumber', 'address', 'notes'] },
  Company: { properties: ['name', 'jurisdiction', 'registrationNumber', 'taxNumber', 'address', 'notes'] },
  Phone: { properties: ['number', 'country', 'provider', 'imei', 'notes'] },
  Vehicle: { properties: ['registrationNumber', 'type', 'model', 'country', 'notes'] },
  Address: { properties: ['full', 'street', 'city', 'postalCode', 'country', 'latitude', 'longitude'] },
  Location: { properties: ['name', 'kind', 'country', 'latitude', 'longitude'] },
  BankAccount: { properties: ['iban', 'accountNumber', 'bankName', 'country'] },
  Passport: {
    properties: ['number', 'country', 'surname', 'givenName', 'birthDate', 'startDate', 'endDate'],
  },
  Identification: { properties: ['number', 'country', 'type', 'startDate', 'endDate'] },
  Event: { properties: ['name', 'date', 'location', 'summary'] },
  Trip: { properties: ['name', 'startDate', 'endDate', 'summary'] },
  UsesPhone: { ends: ['person', 'phone'], properties: ['startDate', 'endDate', 'role'] },
  Drives: { ends: ['driver', 'vehicle'], properties: ['startDate', 'endDate'] },
  LivesAt: { ends: ['person', 'address'], properties: ['startDate', 'endDate'] },
  Recruited: { ends: ['recruiter', 'recruited'], properties: ['date', 'summary'] },
  Transported: { ends: ['transporter', 'transported'], properties: ['startDate', 'endDate', 'summary'] },
  Exploited: { ends: ['exploiter', 'exploited'], properties: ['startDate', 'endDate', 'summary'] },
  Controls: { ends: ['controller', 'controlled'], properties: ['startDate', 'endDate', 'summary'] },
  SuppliedDrugsTo: { ends: ['supplier', 'recipient'], properties: ['date', 'summary'] },
  Associate: { ends: ['person', 'associate'], properties: ['relationship', 'startDate', 'endDate'] },
  Family: { ends: ['person', 'relative'], properties: ['relationship'] },
  Ownership: { ends: ['owner', 'asset'], properties: ['percentage', 'startDate', 'endDate'] },
  Employment: { ends: ['employee', 'employer'], properties: ['role', 'startDate', 'endDate'] },
  Membership: { ends: ['member', 'organization'], properties: ['role', 'startDate', 'endDate'] },
  Payment: { ends: ['payer', 'beneficiary'], properties: ['date', 'amount', 'currency', 'purpose'] },
  UnknownLink: { ends: ['subject', 'object'], properties: ['role', 'startDate', 'endDate'] },
} as const satisfies Record<string, FormSchema>;

export type FormSchemaName = keyof typeof FORM_SCHEMATA;
export const FORM_SCHEMA_NAMES = Object.keys(FORM_SCHEMATA) as FormSchemaName[];

/** Every property name the forms use, for the UI catalogues. */
export const FORM_PROPERTIES: readonly string[] = [
  ...new Set(
    Object.values(FORM_SCHEMATA as Record<string, FormSchema>).flatMap((s) => [
      ...(s.ends ?? []),
      ...s.properties,
    ]),
  ),
].sort();
