// A search snippet is HTML: the fragment escaped, each match in <mark>…</mark>. The reader never hands it to
// innerHTML. It reads the two tags it knows and the entities escaping produces, and renders plain text and
// <mark> elements; anything else, a stray tag included, stays visible text.

export interface SnippetPart {
  text: string;
  marked: boolean;
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

function unescape(html: string): string {
  return html.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => entities[entity] ?? entity);
}

export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  for (const token of snippet.split(/(<\/?mark>)/)) {
    if (token === '<mark>') marked = true;
    else if (token === '</mark>') marked = false;
    else if (token !== '') parts.push({ text: unescape(token), marked });
  }
  return parts;
}
