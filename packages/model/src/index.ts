export {
  model,
  entitySchema,
  creatableSchemata,
  relationshipEnds,
  propertyOf,
  VEZA_RELATIONSHIPS,
} from './model.ts';
export { validateEntity, validateValue, type ModelProblem } from './validate.ts';
