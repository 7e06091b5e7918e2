export { serbianCyrillicToLatin } from './serbian.ts';
