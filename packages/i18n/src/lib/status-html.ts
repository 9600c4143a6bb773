import { describeState, type StatusReport } from './status.js';

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS = `
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2330}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
.bar{background:#e6e9ef;border-radius:4px;height:.8rem;overflow:hidden;width:16rem;display:inline-block;vertical-align:middle}
.bar span{display:block;height:100%;background:#2f9e44}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #e6e9ef;vertical-align:top}
.state{font-weight:600;white-space:nowrap}.up-to-date{color:#2f9e44}.stale{color:#e8590c}.missing{color:#c92a2a}.orphan{color:#862e9c}.unknown{color:#495057}
details{margin:.3rem 0}.side{display:grid;grid-template-columns:1fr 1fr;gap:.6rem}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;white-space:pre-wrap;margin:0;font-size:13px}
.muted{color:#6c757d}
`;

/**
 * A self-contained HTML dashboard of a status report: per-locale progress bars and totals, one
 * row per guide, and for each stale step the source then and now, side by side. No script, no
 * external resource; every text is escaped.
 *
 * @param report What `computeStatus(..., { withText: true })` returned.
 * @param options A page title.
 * @returns The HTML document.
 */
export function renderStatusHtml(report: StatusReport, options: { title?: string } = {}): string {
  const title = options.title ?? 'Translation status';
  const out: string[] = [];
  out.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title><style>${CSS}</style></head><body>`);
  out.push(`<h1>${escape(title)}</h1><p class="muted">Source locale: <code>${escape(report.sourceLocale)}</code></p>`);
  out.push('<table><thead><tr><th>Locale</th><th>Completion</th><th>Up to date</th><th>Stale</th><th>Missing</th><th>Orphan</th><th>Unknown</th></tr></thead><tbody>');
  for (const locale of report.locales) {
    out.push(
      `<tr><td><a href="#locale-${escape(locale.locale)}">${escape(locale.locale)}</a></td><td><span class="bar" role="img" aria-label="${locale.completion}%"><span style="width:${Math.max(0, Math.min(100, locale.completion))}%"></span></span> ${locale.completion}%</td><td>${locale.upToDate}/${locale.total}</td><td>${locale.stale}</td><td>${locale.missing}</td><td>${locale.orphan}</td><td>${locale.unknown}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  for (const locale of report.locales) {
    out.push(`<h2 id="locale-${escape(locale.locale)}">${escape(locale.locale)}</h2><table><thead><tr><th>Guide</th><th>State</th><th>Files</th></tr></thead><tbody>`);
    for (const row of report.guides.filter((guide) => guide.locale === locale.locale || guide.locale.split('-')[0] === locale.locale)) {
      const files = [row.source, row.translation].filter(Boolean).map((file) => `<code>${escape(file!)}</code>`).join('<br>');
      const details = row.stale
        .map((unit) => {
          const then = unit.then === undefined ? '<p class="muted">Not known (no history for this stamp).</p>' : `<pre>${escape(unit.then)}</pre>`;
          const now = unit.now === undefined ? '<p class="muted">Not available.</p>' : `<pre>${escape(unit.now)}</pre>`;
          return `<details><summary>${escape(unit.key)} — ${escape(unit.title)} (${unit.reason})</summary><div class="side"><div><strong>Then</strong>${then}</div><div><strong>Now</strong>${now}</div></div></details>`;
        })
        .join('');
      out.push(`<tr><td>${escape(row.title)}<br><span class="muted">${escape(row.slug)}</span>${details}</td><td class="state ${row.state}">${escape(describeState(row))}</td><td>${files}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</body></html>\n');
  return out.join('\n');
}
