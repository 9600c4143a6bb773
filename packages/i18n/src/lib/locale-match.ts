/** Whether a guide's locale is the wanted one (`en` matches `en-US`; `en-US` needs `en-US`). */
export function localeMatches(locale: string, wanted: string): boolean {
  const a = locale.toLowerCase().replace('_', '-');
  const b = wanted.toLowerCase().replace('_', '-');
  return a === b || (!b.includes('-') && a.split('-')[0] === b);
}
