// Text with the words that matched a search marked.
import type { SnippetPart } from '../hub';

export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}
