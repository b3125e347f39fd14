// The server writes each notification's title and body in Chinese when it is created (stored
// text). In English they are said again from the notification's kind and the figures in the text
// (dates, working days); the item's code and title, a unit's name and a reason are data and stay
// as written. A text that does not read as expected is shown as stored.

export interface NotificationWords {
  issued: { title: string; body: string };
  submitted: { title: string; body: string; bodyExplanation: string };
  returned: { title: string; body: string };
  closed: { title: string; body: string };
  escalated: { title: string; body: string };
  overdue: { title: string; body: string };
  before_due: { title: string; body: string };
}

export interface NotificationText {
  /** The sentence around the data. */
  title: string;
  /** Data (item code and title, a unit's name) shown after the sentence, marked as data. */
  titleData: string;
  body: string;
  /** Data (a reason) after the body's sentence. */
  bodyData: string;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
const afterColon = (text: string) => {
  const i = text.search(/[:：]/);
  return i < 0 ? null : text.slice(i + 1).trim();
};
const firstDate = (text: string) => /\d{4}-\d{2}-\d{2}/.exec(text)?.[0] ?? null;
const firstNumber = (text: string) => /\d+/.exec(text)?.[0] ?? null;

/** The English words of a stored notification, or null to show it as stored. */
export function englishNotification(
  n: { kind: string; title: string; body: string },
  words: NotificationWords,
  escalationLabel: (zhLabel: string) => string | null,
): NotificationText | null {
  const head = afterColon(n.title);
  if (head === null) return null;
  const plain = (title: string, body: string, bodyData = ''): NotificationText => ({ title, titleData: head, body, bodyData });
  switch (n.kind) {
    case 'issued': {
      const due = firstDate(n.body);
      return due ? plain(words.issued.title, fill(words.issued.body, { date: due })) : null;
    }
    case 'submitted': {
      const unit = n.title.split(/\s*已报送/)[0] ?? '';
      return {
        title: words.submitted.title,
        titleData: `${unit} · ${head}`,
        body: n.body.includes('情况说明') ? words.submitted.bodyExplanation : words.submitted.body,
        bodyData: '',
      };
    }
    case 'returned':
      return plain(words.returned.title, words.returned.body, afterColon(n.body) ?? '');
    case 'closed': {
      const on = firstDate(n.body);
      return on ? plain(words.closed.title, fill(words.closed.body, { date: on })) : null;
    }
    case 'escalated': {
      const label = escalationLabel(afterColon(n.body) ?? '');
      return label ? plain(words.escalated.title, fill(words.escalated.body, { measure: label })) : null;
    }
    case 'overdue': {
      const days = firstNumber(n.title);
      const due = firstDate(n.body);
      const unit = n.body.split(/\s*的整改任务/)[0] ?? '';
      return days && due
        ? { title: fill(words.overdue.title, { days }), titleData: head, body: fill(words.overdue.body, { date: due }), bodyData: unit }
        : null;
    }
    case 'before_due': {
      const due = firstDate(n.title);
      const days = firstNumber(n.body);
      return due && days ? plain(fill(words.before_due.title, { date: due }), fill(words.before_due.body, { days })) : null;
    }
    default:
      return null;
  }
}
