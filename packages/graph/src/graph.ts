import type { AbstractGraph } from 'graphology-types';
import type { ChartEdgeAttributes, ChartNodeAttributes } from './model.ts';

/**
 * A link chart as a graphology graph: a directed multigraph whose node and edge keys are the
 * entity and link ids. Direction follows FtM (owner -> asset, payer -> beneficiary); analysis that
 * should not care about direction (paths, neighbourhoods, key players) ignores it explicitly.
 */
export type ChartGraph = AbstractGraph<ChartNodeAttributes, ChartEdgeAttributes>;
