import { defaultModel, Model } from '@opensanctions/followthemoney';
import type { IModelDatum, ISchemaDatum, Property, Schema } from '@opensanctions/followthemoney';

/**
 * Veza's entity model: FollowTheMoney's own, as published by OpenSanctions in
 * @opensanctions/followthemoney, plus what trafficking work needs and FtM does not have. Phone is an
 * entity of its own (FtM keeps numbers as properties), and eight relationships say who uses a phone,
 * drives, lives where, recruited, transported, exploited, controls, or supplied drugs to whom.
 */

type EndRange = 'LegalEntity' | 'Person' | 'Phone' | 'Vehicle' | 'Address' | 'Thing';

interface VezaRelationship {
  name: string;
  label: string;
  verb: string;
  source: [property: string, label: string, range: EndRange];
  target: [property: string, label: string, range: EndRange];
}

/** Veza's relationships; their ends are the properties packages/graph draws edges between. */
const RELATIONSHIPS: readonly VezaRelationship[] = [
  {
    name: 'UsesPhone',
    label: 'Phone use',
    verb: 'uses',
    source: ['person', 'User', 'LegalEntity'],
    target: ['phone', 'Phone', 'Phone'],
  },
  {
    name: 'Drives',
    label: 'Driving',
    verb: 'drives',
    source: ['driver', 'Driver', 'Person'],
    target: ['vehicle', 'Vehicle', 'Vehicle'],
  },
  {
    name: 'LivesAt',
    label: 'Residence',
    verb: 'lives at',
    source: ['person', 'Resident', 'Person'],
    target: ['address', 'Address', 'Address'],
  },
  {
    name: 'Recruited',
    label: 'Recruitment',
    verb: 'recruited',
    source: ['recruiter', 'Recruiter', 'LegalEntity'],
    target: ['recruited', 'Recruited person', 'Person'],
  },
  {
    name: 'Transported',
    label: 'Transport',
    verb: 'transported',
    source: ['transporter', 'Transporter', 'LegalEntity'],
    target: ['transported', 'Transported person', 'Person'],
  },
  {
    name: 'Exploited',
    label: 'Exploitation',
    verb: 'exploited',
    source: ['exploiter', 'Exploiter', 'LegalEntity'],
    target: ['exploited', 'Exploited person', 'Person'],
  },
  {
    name: 'Controls',
    label: 'Control',
    verb: 'controls',
    source: ['controller', 'Controller', 'LegalEntity'],
    target: ['controlled', 'Controlled', 'LegalEntity'],
  },
  {
    name: 'SuppliedDrugsTo',
    label: 'Drug supply',
    verb: 'supplied drugs to',
    source: ['supplier', 'Supplier', 'LegalEntity'],
    target: ['recipient', 'Recipient', 'Person'],
  },
];

function endProperty(schema: string, [name, label, range]: VezaRelationship['source']) {
  return {
    name,
    label,
    qname: `${schema}:${name}`,
    type: 'entity',
    range,
    matchable: true,
    maxLength: 200,
  };
}

function relationshipSchema(r: VezaRelationship): ISchemaDatum {
  return {
    label: r.label,
    plural: `${r.label}s`,
    schemata: [r.name, 'Interval'],
    extends: ['Interval'],
    edge: {
      source: r.source[0],
      target: r.target[0],
      directed: true,
      label: r.verb,
      caption: [],
    },
    featured: [r.source[0], r.target[0], 'startDate', 'endDate'],
    required: [r.source[0], r.target[0]],
    properties: {
      [r.source[0]]: endProperty(r.name, r.source),
      [r.target[0]]: endProperty(r.name, r.target),
      role: { name: 'role', label: 'Role', qname: `${r.name}:role`, type: 'string', maxLength: 1024 },
    },
  } as unknown as ISchemaDatum;
}

const PHONE: ISchemaDatum = {
  label: 'Phone',
  plural: 'Phones',
  schemata: ['Phone', 'Thing'],
  extends: ['Thing'],
  matchable: true,
  caption: ['number', 'name'],
  featured: ['number', 'country', 'provider'],
  required: ['number'],
  properties: {
    number: {
      name: 'number',
      label: 'Number',
      qname: 'Phone:number',
      type: 'phone',
      matchable: true,
      maxLength: 64,
    },
    provider: {
      name: 'provider',
      label: 'Provider',
      qname: 'Phone:provider',
      type: 'string',
      maxLength: 1024,
    },
    imei: { name: 'imei', label: 'IMEI', qname: 'Phone:imei', type: 'identifier', maxLength: 64 },
    imsi: { name: 'imsi', label: 'IMSI', qname: 'Phone:imsi', type: 'identifier', maxLength: 64 },
  },
} as unknown as ISchemaDatum;

/** A place that is not a postal address: a border crossing, a parking lot, a field; drawn on the map. */
const LOCATION: ISchemaDatum = {
  label: 'Location',
  plural: 'Locations',
  schemata: ['Location', 'Thing'],
  extends: ['Thing'],
  caption: ['name'],
  featured: ['name', 'country', 'latitude', 'longitude'],
  required: ['name'],
  properties: {
    latitude: {
      name: 'latitude',
      label: 'Latitude',
      qname: 'Location:latitude',
      type: 'number',
      maxLength: 32,
    },
    longitude: {
      name: 'longitude',
      label: 'Longitude',
      qname: 'Location:longitude',
      type: 'number',
      maxLength: 32,
    },
    kind: { name: 'kind', label: 'Kind of place', qname: 'Location:kind', type: 'string', maxLength: 200 },
  },
} as unknown as ISchemaDatum;

function vezaModelDatum(): IModelDatum {
  const base = defaultModel as unknown as IModelDatum;
  const schemata: IModelDatum['schemata'] = { ...base.schemata, Phone: PHONE, Location: LOCATION };
  for (const r of RELATIONSHIPS) schemata[r.name] = relationshipSchema(r);
  return { ...base, schemata };
}

/** The one model instance: FtM's schemata and Veza's. */
export const model = new Model(vezaModelDatum());

/** The relationships Veza adds to FtM, by name. */
export const VEZA_RELATIONSHIPS: readonly string[] = RELATIONSHIPS.map((r) => r.name);

/** A schema entities may have: known, not abstract, not deprecated. */
export function entitySchema(name: string): Schema | null {
  const schema = model.schemata[name];
  if (!schema || schema.abstract || schema.deprecated) return null;
  return schema;
}

/** The schemata an analyst can create, by name. */
export function creatableSchemata(): Schema[] {
  return model
    .getSchemata()
    .filter((s) => !s.abstract && !s.deprecated && !s.hidden && !s.generated)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The two properties naming a relationship's ends (FtM `edge`), or null for a thing. */
export function relationshipEnds(name: string): { source: string; target: string } | null {
  const schema = model.schemata[name];
  return schema?.edge ? { source: schema.edge.source, target: schema.edge.target } : null;
}

export function propertyOf(schema: Schema, name: string): Property | null {
  return schema.getProperties().get(name) ?? null;
}
