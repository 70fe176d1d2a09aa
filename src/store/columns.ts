import { customType, timestamp } from "drizzle-orm/pg-core";

/** Column builders every module's tables share. */

/** PostgreSQL `bytea`; node-postgres hands back Buffers and PGlite Uint8Arrays, both Uint8Arrays. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/** A `timestamptz` column that is never null, read as a Date. */
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" }).notNull();

export const createdAt = () => at("created_at");
