export {
  REGIONAL_NAMES,
  PEOPLE_COUNTRIES,
  type NamePool,
  type NativeScript,
  type PeopleCountry,
} from './names.ts';
export {
  generatePeople,
  streamPeople,
  type PeopleOptions,
  type PlantedDuplicate,
  type PlantedVariation,
  type SyntheticPerson,
} from './generate.ts';
export { createRandom, type Random } from './prng.ts';
