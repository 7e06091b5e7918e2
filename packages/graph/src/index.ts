/**
 * @veza/graph: the link-chart analysis layer shared by the server and the browser. Pure and
 * browser-safe: nothing here imports a node: module.
 */
export {
  RELATIONSHIP_TYPES,
  isPersonData,
  isRelationshipType,
  type ChartEdge,
  type ChartEdgeAttributes,
  type ChartNode,
  type ChartNodeAttributes,
  type Evaluation,
  type HandlingCode,
  type RelationshipEnds,
} from './model.ts';
export type { ChartGraph } from './graph.ts';
export {
  formatEvaluation,
  meetsEvaluation,
  parseEvaluation,
  strictestHandlingCode,
  weakestEvaluation,
  type MinimumEvaluation,
} from './evaluation.ts';
export { buildGraph, type BuildProblems, type BuiltGraph } from './build.ts';
export {
  collapseRelationshipNodes,
  filterGraph,
  filterPredicates,
  type FilterPredicates,
  groupByType,
  type ChartFilter,
  type TypeGroup,
} from './filter.ts';
export * from './analysis.ts';
export { parseGraphML, toGraphML, type GraphMLOptions, type ParsedGraphML } from './graphml.ts';
export { seededRandom } from './random.ts';
