import type Sigma from 'sigma';
import {
  createEdgeArrowHeadProgram,
  createEdgeClampedProgram,
  createEdgeCompoundProgram,
  EdgeRectangleProgram,
  NodeCircleProgram,
  type InstancedProgramDefinition,
  type ProgramAttributeSpecification,
  type ProgramDefinition,
} from 'sigma/rendering';
import type { RenderParams } from 'sigma/types';
import type { EdgeLook, NodeLook } from './display.ts';

/*
 * Sigma's circle nodes, line links and arrows, drawn without WebGL instancing.
 *
 * Sigma 3 draws each node (and each link) as one instance of a small shape. Software WebGL
 * (SwiftShader: Chromium without a graphics card, a virtual desktop, a locked-down workstation) sets
 * up every instance as a draw of its own, so 5,000 nodes cost about 200 ms a frame whatever their
 * size, and 2,000 arrows about 100 ms. These programs run sigma's own shaders, uniforms and data
 * unchanged, but write each vertex out in full (the per-vertex constants sigma would share across
 * instances are copied into every vertex) and draw everything in one plain call: the same pixels
 * (bench/chart compares screenshots), a few MB more memory on a large chart, no per-instance cost.
 */

/**
 * The members of sigma's program classes used here. Every program has them at run time; sigma's
 * typings of the programs it makes with a factory (the arrows) do not show them.
 */
interface InstancedProgram {
  array: Float32Array;
  pickProgram: unknown;
  renderer: Sigma<NodeLook, EdgeLook>;
  getDefinition(): ProgramDefinition | InstancedProgramDefinition;
  processVisibleItem(index: number, start: number, ...data: never[]): void;
  render(params: RenderParams): void;
}
type InstancedProgramClass = new (...args: never[]) => InstancedProgram;

/**
 * Whether sigma is drawing a large chart in motion: the test sigma makes itself to leave out links
 * and labels (Sigma.render), applied only where it leaves them out (hideEdgesOnMove), because only
 * then does sigma promise a still frame once the move ends, which draws them back.
 */
function largeChartMoving(sigma: Sigma<NodeLook, EdgeLook>): boolean {
  if (!sigma.getSetting('hideEdgesOnMove')) return false;
  const mouse = sigma.getMouseCaptor();
  return (
    sigma.getCamera().isAnimated() ||
    mouse.isMoving ||
    mouse.draggedEvents > 0 ||
    mouse.currentWheelDirection !== 0
  );
}

/** The program class `Base`, drawing the same without instancing. */
function withoutInstancing<T>(Base: T): T {
  const base = Base as unknown as InstancedProgramClass;
  const instanced = base.prototype.getDefinition();
  if (!('CONSTANT_ATTRIBUTES' in instanced)) return Base;
  const { CONSTANT_ATTRIBUTES, CONSTANT_DATA, ...rest } = instanced;
  const definition: ProgramDefinition = { ...rest, ATTRIBUTES: [...rest.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] };
  // Floats sigma writes per item; a normalised 4-byte attribute (a colour, an id) packs into one.
  const itemFloats = rest.ATTRIBUTES.reduce(
    (sum: number, a: ProgramAttributeSpecification) => sum + (a.normalized ? 1 : a.size),
    0,
  );
  const vertexFloats = itemFloats + CONSTANT_DATA[0]!.length;

  class Flat extends base {
    override getDefinition(): ProgramDefinition {
      return definition;
    }

    /**
     * Sigma's code writes the item's data at `start`; it is copied into each of the item's
     * vertices, each followed by that vertex's constants. The last vertex first, so the data at
     * `start` is read before the first vertex's constants overwrite what follows it.
     */
    override processVisibleItem(index: number, start: number, ...data: never[]): void {
      super.processVisibleItem(index, start, ...data);
      // Plain loops: a few floats at a time, faster than the typed arrays' copyWithin and set.
      const array = this.array;
      for (let vertex = CONSTANT_DATA.length - 1; vertex >= 0; vertex--) {
        const at = start + vertex * vertexFloats;
        if (vertex > 0) for (let i = 0; i < itemFloats; i++) array[at + i] = array[start + i]!;
        const constants = CONSTANT_DATA[vertex]!;
        for (let i = 0; i < constants.length; i++) array[at + itemFloats + i] = constants[i]!;
      }
    }

    /**
     * Sigma draws the nodes twice each frame: on screen, and off screen in colours that encode
     * their ids (picking), which is how it tells which node is under the mouse. While a large
     * chart moves nothing is hovered or clicked, so the off-screen pass is left out; the still
     * frame sigma draws when the move ends (the one that brings the links back) draws it again.
     */
    override render(params: RenderParams): void {
      const picking = this.pickProgram;
      if (!picking || !largeChartMoving(this.renderer)) {
        super.render(params);
        return;
      }
      this.pickProgram = null;
      try {
        super.render(params);
      } finally {
        this.pickProgram = picking;
      }
    }
  }
  return Flat as unknown as T;
}

/** Sigma's NodeCircleProgram: round nodes with an antialiased rim. */
export const FlatNodeCircleProgram = withoutInstancing(NodeCircleProgram<NodeLook, EdgeLook>);

/** Sigma's EdgeRectangleProgram, its 'line' links: straight, antialiased, of any width. */
export const FlatEdgeRectangleProgram = withoutInstancing(EdgeRectangleProgram<NodeLook, EdgeLook>);

/** Sigma's EdgeArrowProgram, its 'arrow' links: a line stopping at the target's rim, and a head. */
export const FlatEdgeArrowProgram = createEdgeCompoundProgram<NodeLook, EdgeLook>([
  withoutInstancing(createEdgeClampedProgram<NodeLook, EdgeLook>()),
  withoutInstancing(createEdgeArrowHeadProgram<NodeLook, EdgeLook>()),
]);
