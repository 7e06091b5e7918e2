/** The link-chart analyses, one import for callers that want them all. */
export {
  neighbours,
  shortestPath,
  type ChartPath,
  type Neighbourhood,
  type ReachedNode,
} from './traversal.ts';
export { communities, type CommunityOptions, type Communities } from './communities.ts';
export { keyPlayers, type KeyPlayer, type KeyPlayerOptions, type KeyPlayers } from './key-players.ts';
export { layout, type Position } from './layout.ts';
