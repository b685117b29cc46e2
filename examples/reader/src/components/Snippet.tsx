import { parseSnippet } from '../lib/snippet';

/** A highlighted fragment as text nodes and <mark> elements; React escapes the text. */
export function Snippet({ html }: { html: string }) {
  return (
    <span className="snippet">
      {parseSnippet(html).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
