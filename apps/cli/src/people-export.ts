import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { streamPeople, type PeopleOptions, type SyntheticPerson } from '@veza/demo/people/index';

/**
 * Writes synthetic persons as FollowTheMoney JSON lines (a Person entity, and a Vehicle per plate held
 * by its owner), the input `veza xref` and the matching benchmarks read. Planted duplicate pairs go to
 * `truth` as "idA<TAB>idB" lines when given. Streams, so a million records fit in little memory.
 */
export async function writePeopleAsFtm(
  options: PeopleOptions,
  out: Writable,
  truth: Writable | null,
): Promise<{ records: number; planted: number }> {
  let records = 0;
  let planted = 0;
  for (const person of streamPeople(options, (pair) => {
    planted += 1;
    truth?.write(`${pair.original}\t${pair.duplicate}\t${pair.variation}\n`);
  })) {
    for (const entity of toFtm(person)) {
      if (!out.write(JSON.stringify(entity) + '\n')) await once(out, 'drain');
    }
    records += 1;
  }
  if (out !== process.stdout) out.end();
  truth?.end();
  return { records, planted };
}

interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

function toFtm(person: SyntheticPerson): FtmEntity[] {
  const properties: Record<string, string[]> = {
    name: [...person.names],
    gender: [person.gender],
    country: [person.country.toLowerCase()],
  };
  const optional: Record<string, readonly string[]> = {
    birthDate: person.birthDates,
    nationality: person.nationalities.map((n) => n.toLowerCase()),
    phone: person.phones,
    idNumber: person.personalIds,
    passportNumber: person.documents,
  };
  for (const [key, values] of Object.entries(optional)) if (values.length > 0) properties[key] = [...values];
  const vehicles = person.plates.map((plate, i) => ({
    id: `${person.id}-vehicle-${i}`,
    schema: 'Vehicle',
    properties: { registrationNumber: [plate], owner: [person.id] },
  }));
  return [{ id: person.id, schema: 'Person', properties }, ...vehicles];
}
