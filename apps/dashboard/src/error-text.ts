// What a person reads when a request fails: the server's Chinese message, never a field path
// (「content.title:请填写标题」 reads 「请填写标题」) nor a transport code such as FORBIDDEN.
export interface ErrorData {
  code?: string;
  zodIssues?: { path: string; message: string }[] | null;
}

const HAN = /[\u3400-\u9fff]/;

/**
 * `english`: the sentences by error kind when the UI is in English. The server speaks Chinese (its
 * convention); an English reader gets the kind in English. Input errors and conflicts name what to
 * fix, so their detail follows in the server's words; the others say all there is in the sentence.
 */
export function readableMessage(message: string, data: ErrorData | undefined, english?: Readonly<Record<string, string>>): string {
  const issues = data?.zodIssues;
  const text = issues && issues.length > 0 ? [...new Set(issues.map((i) => i.message))].join(';') : message;
  if (!english || !HAN.test(text)) return text;
  const code = data?.code ?? '';
  const sentence = english[code] ?? english.default ?? text;
  return code === 'BAD_REQUEST' || code === 'CONFLICT' ? `${sentence}: ${text}` : sentence;
}
