export declare const SCHEMA_FOLDER: string;
/** Tables owned by apps/server/src/platform rather than by the module their file is named after. */
export declare const PLATFORM_TABLES: readonly string[];
/** Exported table name (as imported from `@veza/db`) -> owning module, or `platform`. */
export declare function tableOwners(): Record<string, string>;
/** SQL table name (as written in raw SQL) -> owning module, or `platform`. */
export declare function sqlTableOwners(): Record<string, string>;
/** Tables of other owners that raw SQL in a module's source names after FROM, JOIN, UPDATE or INTO. */
export declare function foreignTablesInSql(module: string, source: string): string[];
