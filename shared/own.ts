/**
 * Lookups by a client's string. A plain object answers `__proto__`, `constructor` or
 * `toString` from its prototype; these read only the object's own entries.
 */

/** The record's own value at `key`, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}
