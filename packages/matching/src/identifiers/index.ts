export { normalisePhone, REGION_COUNTRIES, type NormalisedPhone, type RegionCountry } from './phone.ts';
export { normalisePlate, type NormalisedPlate } from './plate.ts';
export { normaliseDocumentNumber, type NormalisedDocument } from './document.ts';
export { normaliseEmail, type NormalisedEmail } from './email.ts';
export { normaliseIban, ibanChecksumValid, type NormalisedIban } from './iban.ts';
export {
  parseDateOfBirth,
  compareDatesOfBirth,
  formatDate,
  type PartialDate,
  type DateAgreement,
} from './dob.ts';
export {
  parseJmbg,
  parseAlbanianNid,
  parseKosovoPersonalNumber,
  parsePersonalId,
  jmbgControlDigit,
  type PersonalId,
  type PersonalIdKind,
} from './personal-id.ts';
