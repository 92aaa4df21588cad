/** Small shapes that several replies share. */

/** A label in both languages (a state's name, a slot's name). */
export interface LabelV1 {
  zh: string;
  en: string;
}

/** One page of a list, with the total across pages. */
export interface PageV1<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A command that changes state but has nothing to say beyond success. */
export interface OkV1 {
  ok: true;
}
