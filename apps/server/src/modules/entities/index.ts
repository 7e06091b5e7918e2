export { entitiesModule } from './entities.module.ts';
export { entityRoutes } from './entities.routes.ts';
export { edgeRoutes } from './entities.edges.routes.ts';
export { edgesOfCase, rebuildEdges, syncEdges, twoHop } from './entities.edges.ts';
export {
  addStatement,
  correctStatement,
  createEntity,
  entityHistory,
  getEntity,
  mayIdentifyPersons,
  PERSON_SCHEMA,
  presentStatement,
  statementRow,
} from './entities.service.ts';
export {
  entitiesByIds,
  findEntity,
  insertEntities,
  insertStatements,
  insertSuggestions,
  listEntities,
  statementsOf,
} from './entities.repository.ts';
export type { EntityRow, StatementRow, SuggestionRow } from './entities.repository.ts';
export {
  countEntitiesOfCase,
  insertEntityRows,
  phoneNumbersOf,
  type EntityInsert,
  type StatementInsert,
} from './entities.bulk.repository.ts';
export {
  entitiesSaying,
  entityBriefs,
  membersOfCanonical,
  otherMembersCount,
  setCanonical,
} from './entities.linkage.repository.ts';
