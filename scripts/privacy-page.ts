/**
 * PRIVACY.md as a standalone web page, the one the store forms ask a URL for. Written from
 * the Markdown each time (`npm run store:privacy`), and a test compares the committed page
 * with a fresh one: the policy is written once, in PRIVACY.md, and the page cannot drift.
 *
 * Only the Markdown PRIVACY.md uses is understood (a title, one `##` section per
 * language, paragraphs, `-` lists, bold, italics, code); anything else fails loudly
 * rather than being published half-rendered. The page loads nothing and runs nothing.
 */

/** The language of each section, by its heading in PRIVACY.md. */
const SECTION_LANGUAGES: Record<string, { lang: string; id: string }> = {
  Français: { lang: 'fr', id: 'francais' },
  English: { lang: 'en', id: 'english' },
};

const STYLE = `body { margin: 0; font: 1rem/1.55 system-ui, sans-serif; color: #1f2937; background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { color: #163f7a; font-size: 1.6rem; line-height: 1.25; }
h2 { color: #163f7a; margin-top: 2.5rem; border-bottom: 2px solid #f59e0b; }
a { color: #163f7a; }
code { font-size: 0.95em; background: #eef2f7; padding: 0 0.2em; border-radius: 3px; }`;

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Bold, italics and code within one paragraph; code is kept as written. */
function renderInline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1
        ? `<code>${escapeHtml(part.slice(1, -1))}</code>`
        : escapeHtml(part)
            .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
            // Underscores between word characters (snake_case) are no italics.
            .replace(/(^|[^\p{L}\p{N}_])_(.+?)_(?![\p{L}\p{N}_])/gu, '$1<em>$2</em>'),
    )
    .join('');
}

/** Blocks of lines separated by blank lines; a list item's continuation lines are indented. */
function renderBlocks(lines: string[]): string[] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks.map((block) => {
    if (block[0]?.startsWith('#')) throw new Error(`titre inattendu dans PRIVACY.md : « ${block[0]} »`);
    if (!block[0]?.startsWith('- ')) return `<p>${renderInline(block.join(' '))}</p>`;
    const items: string[] = [];
    for (const line of block) {
      if (line.startsWith('- ')) items.push(line.slice(2));
      else if (line.startsWith('  ') && items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
      else throw new Error(`ligne de liste inattendue dans PRIVACY.md : « ${line} »`);
    }
    return `<ul>\n${items.map((item) => `<li>${renderInline(item)}</li>`).join('\n')}\n</ul>`;
  });
}

export function renderPrivacyPage(markdown: string): string {
  const [titleLine = '', ...rest] = markdown.replace(/\r\n/g, '\n').split('\n');
  if (!titleLine.startsWith('# ')) throw new Error('PRIVACY.md doit commencer par son titre (« # … »)');
  const title = titleLine.slice(2).trim();
  const preamble: string[] = [];
  const sections: { heading: string; lines: string[] }[] = [];
  for (const line of rest) {
    if (line.startsWith('## ')) sections.push({ heading: line.slice(3).trim(), lines: [] });
    else (sections.at(-1)?.lines ?? preamble).push(line);
  }
  const rendered = sections.map(({ heading, lines }) => {
    const language = SECTION_LANGUAGES[heading];
    if (!language) throw new Error(`section sans langue connue dans PRIVACY.md : « ${heading} »`);
    return { heading, ...language, body: renderBlocks(lines) };
  });
  const navigation = rendered
    .map(({ heading, lang, id }) => `<li><a href="#${id}" lang="${lang}">${escapeHtml(heading)}</a></li>`)
    .join('\n');
  return `<!doctype html>
<!-- Written from PRIVACY.md by npm run store:privacy: edit PRIVACY.md, then run it again. -->
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${renderBlocks(preamble).join('\n')}
<nav aria-label="Langues / Languages">
<ul>
${navigation}
</ul>
</nav>
${rendered
  .map(
    ({ heading, lang, id, body }) =>
      `<section lang="${lang}" aria-labelledby="${id}">\n<h2 id="${id}">${escapeHtml(heading)}</h2>\n${body.join('\n')}\n</section>`,
  )
  .join('\n')}
</main>
</body>
</html>
`;
}
