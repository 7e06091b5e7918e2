import { entitySchema, propertyOf } from './model.ts';

/** Why a value cannot be kept, in words a log or a rejected-rows report can show. */
export interface ModelProblem {
  /** `schema`, or the property name. */
  path: string;
  code: 'unknown_schema' | 'unknown_property' | 'too_long' | 'invalid_date' | 'invalid_country';
  message: string;
}

// FtM dates: an ISO 8601 prefix, from the year down to seconds, always UTC.
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3])(:[0-5]\d(:[0-5]\d)?)?)?)?)?$/;
// ISO 3166-1 alpha-2 and FtM's own codes for places without one (XK is Kosovo's user-assigned code).
const COUNTRY = /^([a-z]{2}|[a-z]{2}-[a-z0-9]{1,8}|zz|eu)$/i;

/** Problems of one value of `property` on `schemaName`; [] when it may be kept. */
export function validateValue(schemaName: string, property: string, value: string): ModelProblem[] {
  const schema = entitySchema(schemaName);
  if (!schema) {
    return [
      { path: 'schema', code: 'unknown_schema', message: `${schemaName} is not a schema of the model` },
    ];
  }
  const prop = propertyOf(schema, property);
  if (!prop) {
    return [
      {
        path: property,
        code: 'unknown_property',
        message: `${schemaName} has no property ${property}`,
      },
    ];
  }
  if (value.length > prop.maxLength) {
    return [
      {
        path: property,
        code: 'too_long',
        message: `${property} is longer than ${prop.maxLength} characters`,
      },
    ];
  }
  if (prop.type.name === 'date' && !DATE.test(value)) {
    return [
      {
        path: property,
        code: 'invalid_date',
        message: `${property} "${value}" is not a date like 2024, 2024-03 or 2024-03-05`,
      },
    ];
  }
  if (prop.type.name === 'country' && !COUNTRY.test(value)) {
    return [
      {
        path: property,
        code: 'invalid_country',
        message: `${property} "${value}" is not a country code such as RS or XK`,
      },
    ];
  }
  return [];
}

/** Problems of a whole entity: its schema, then every value of every property. */
export function validateEntity(
  schemaName: string,
  properties: Readonly<Record<string, readonly string[]>>,
): ModelProblem[] {
  if (!entitySchema(schemaName)) return validateValue(schemaName, 'name', '');
  return Object.entries(properties).flatMap(([property, values]) =>
    values.flatMap((value) => validateValue(schemaName, property, value)),
  );
}
