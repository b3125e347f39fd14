// What a person reads when a request fails: the server's Chinese message, never a field path
// (「content.title:请填写标题」 reads 「请填写标题」) nor a transport code such as FORBIDDEN.
export interface ErrorData {
  code?: string;
  zodIssues?: { path: string; message: string }[] | null;
}

export function readableMessage(message: string, data: ErrorData | undefined): string {
  const issues = data?.zodIssues;
  if (issues && issues.length > 0) return [...new Set(issues.map((i) => i.message))].join(';');
  return message;
}
