import type { TFunction } from 'i18next';

// The server names the actor of what no person did 系统 (api/src/audit/record-change.ts, the demo
// seeders): a word of the app, not a person's name, so it is said in the UI's language.
const SYSTEM_ACTOR = '系统';

export function actorName(name: string, t: TFunction): string {
  return name === SYSTEM_ACTOR ? t('common.system') : name;
}
