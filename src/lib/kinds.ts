/**
 * The kinds of event (`kind` in an event file), each with its label in
 * `src/i18n/en.json`. No imports, so that `npm run new` (plain Node) can read them.
 */
export const EVENT_KINDS = [
  /** A state's forces strike a target: missiles, drones, air strikes. */
  'military-strike',
  /** Violence by a group or by unidentified attackers. */
  'attack',
  /** Ambassadors recalled or returned, envoys summoned, complaints filed. */
  'diplomatic-action',
  /** Phone calls, meetings and visits between officials. */
  'talks',
  /** A government's or an official's public statement or reaction. */
  'statement',
] as const;

export type EventKind = (typeof EVENT_KINDS)[number];
