import type { ReactNode } from 'react';

/** Stands in for a value in a translated sentence; `placeText` puts the marked value in its place. */
export const MARK = '\u0001';

/**
 * A translated sentence with one value set apart: the city's data (`data-user-text`: group names
 * as the document types them) or the document's Chinese wording (`lang="zh-CN"`), so that English
 * mode says the sentence in English and the value as written.
 */
export function placeText(sentence: string, value: string, kind: 'data' | 'document' = 'data'): ReactNode {
  const at = sentence.indexOf(MARK);
  if (at < 0) return sentence;
  const marked = kind === 'data' ? <span data-user-text="">{value}</span> : <span lang="zh-CN">{value}</span>;
  return (
    <>
      {sentence.slice(0, at)}
      {marked}
      {sentence.slice(at + MARK.length)}
    </>
  );
}
