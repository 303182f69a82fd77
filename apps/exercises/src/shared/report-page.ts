/** The shell, escaping and tables shared by the exercise and replay report pages. */

/** A self-contained page (no scripts, no external files) under a banner that says it is not live data. */
export function reportPage(page: { title: string; banner: string; body: string; styles?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem;color:#1b1b1b}
table{border-collapse:collapse;margin:0.5rem 0 1.5rem;width:100%}
th,td{border:1px solid #bbb;padding:0.3rem 0.5rem;text-align:left;vertical-align:top;font-size:0.9rem}
th{background:#eef}
.good{color:#0a6b2b;font-weight:bold}.bad{color:#b00020;font-weight:bold}
.banner{background:#ffe9a8;border:2px solid #b8860b;padding:0.5rem 1rem;font-weight:bold}
code{font-size:0.85rem}
</style>
</head>
<body>
<p class="banner">${esc(page.banner)}</p>
${page.body}
</body>
</html>
`;
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Cells are HTML already (escaped by the caller); headings are text. */
export function table(headings: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  if (rows.length === 0) return '<p>None.</p>';
  const head = `<tr>${headings.map((heading) => `<th scope="col">${esc(heading)}</th>`).join('')}</tr>`;
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n')}\n</tbody>\n</table>`;
}
