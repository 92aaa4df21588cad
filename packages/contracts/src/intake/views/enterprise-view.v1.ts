/** The enterprise as registered, with the checks on its unified social credit code. */
export interface EnterpriseViewV1 {
  uscc: string;
  name: string;
  registeredAddress: string;
  addressDivisionCode: string;
  prefectureId: string;
  prefectureName: string;
  usccCheckOk: boolean;
  /** Warnings for the prefecture to verify against the licence, never a dead end for the applicant. */
  warnings: string[];
}

/** The enterprise with its profile (legal representative, contacts, R&D team, IP, trademarks: M5.2, M5.3). */
export interface EnterpriseProfileViewV1 {
  uscc: string;
  name: string;
  registeredAddress: string;
  addressDivisionCode: string;
  prefectureId: string;
  prefectureName: string;
  usccCheckOk: boolean;
  profile: Record<string, unknown>;
  /** Send it back as `expectedRevision` with the next change. */
  profileRevision: number;
}
