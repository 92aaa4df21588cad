/** Small shapes that several replies share. */

/** A label in both languages (a state's name, a slot's name). */
export interface LabelV1 {
  zh: string;
  en: string;
}
