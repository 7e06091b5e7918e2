export { linkageModule } from './linkage.module.ts';
export { linkageRoutes } from './linkage.suggestions.routes.ts';
export { recordKeys, refreshCaseKeys } from './linkage.keys.ts';
export { linkEntities, linkPersons } from './linkage.service.ts';
export { drugsTraffickingLinks } from './linkage.drugs-link.service.ts';
export { insertSuggestions, suggestionsFor } from './linkage.suggestions.repository.ts';
export type { SuggestionRow } from './linkage.suggestions.repository.ts';
