export declare const SCHEMA_FOLDER: string;
/** Tables owned by apps/server/src/platform rather than by the module their file is named after. */
export declare const PLATFORM_TABLES: readonly string[];
/** Exported table name (as imported from `@veza/db`) -> owning module, or `platform`. */
export declare function tableOwners(): Record<string, string>;
