// The translation status alone (`@guidekit/i18n/status`): what a publisher needs to show a stale
// translation's notices, without the lint rules and their code tokenizer. `src/index.ts` exports
// the same, with everything else.
export { gitHistory } from './lib/git.js';
export type { History } from './lib/git.js';
export { computeStatus, describeState } from './lib/status.js';
export type { GuideStatus, LocaleStatus, StaleDetail, StatusOptions, StatusReport, TranslationState } from './lib/status.js';
