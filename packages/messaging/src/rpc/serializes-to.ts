/**
 * A value that JSON-serializes to `T`: a Date where `T` has a string (JSON.stringify writes it as
 * its ISO string), extra properties allowed. The reply travels as JSON, so this is what may be returned.
 */
export type SerializesTo<T> = T extends string
  ? T | Date
  : T extends readonly (infer E)[]
    ? readonly SerializesTo<E>[]
    : T extends object
      ? { [K in keyof T]: SerializesTo<T[K]> }
      : T;
