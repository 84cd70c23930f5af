import { snippetParts } from './snippet';

/** A search snippet with the matched words marked. */
export function Snippet({ text }: Readonly<{ text: string }>) {
  return <>{snippetParts(text).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>;
}
