export { serbianCyrillicToLatin } from './serbian.ts';
export { transliterate, foldToAscii, type RomanisationSystem } from './transliterate.ts';
export { phoneticKey } from './phonetic.ts';
export { prepareName, prepareToken, type NameToken, type PreparedName } from './name-tokens.ts';
export { compareTokens, type TokenMatchMethod, type TokenSimilarity } from './token-similarity.ts';
export {
  compareNames,
  SAME_THRESHOLD,
  POSSIBLE_THRESHOLD,
  type CompareNamesOptions,
  type MatchDecision,
  type NameAlignment,
  type NameComparison,
  type NameExplanation,
} from './compare-names.ts';
export {
  createTermFrequencies,
  mergeTermFrequencies,
  REGIONAL_TERM_FREQUENCIES,
  isKnownName,
  createPeopleFrequencies,
  expectedNamesakes,
  nameTokenWeight,
  type TermFrequencies,
} from './term-frequencies.ts';
export * from './identifiers/index.ts';
export { prepareRecord, type PersonRecord, type PreparedRecord, type PreparedPersonalId } from './record.ts';
export {
  compareRecords,
  type CompareRecordsOptions,
  type FieldEvidence,
  type RecordComparison,
  type RecordField,
} from './compare-records.ts';
export { blockKeys } from './block-keys.ts';
export {
  createBlockIndex,
  type BlockIndex,
  type BlockIndexOptions,
  type BlockMatch,
  type QueryOptions,
} from './block-index.ts';
export {
  crossReference,
  type CrossReferenceOptions,
  type CrossReferenceResult,
  type ScoredPair,
} from './cross-reference.ts';
export { parseFtmLine, FtmPersonCollector, type FtmEntity, type FtmLineResult } from './ftm.ts';
