// A notification as the reader's language says it. The server keeps, with each notification, its
// kind and values (item code and title, dates, working days, a unit's name, a reason, an
// escalation level): the words come from i18n in either language, and the values are data (the
// item's code and title, a unit's name and a reason stay as written). Notifications stored before
// the values were kept have only their Chinese title and body: in Chinese they are shown as stored;
// in English they are said again from the kind and the figures read out of the text. A notice
// that reads as neither is shown as stored.

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

type Values = Record<string, string | number | boolean | null>;

const text = (values: Values, key: string) => {
  const v = values[key];
  return typeof v === 'string' && v !== '' ? v : null;
};
const count = (values: Values, key: string) => {
  const v = values[key];
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
};

/** A notification in the words given (either language) from its kind and values, or null when they do not fit. */
export function noticeFromValues(
  kind: string,
  values: Values,
  words: NotificationWords,
  escalationLabel: (level: string) => string | null,
): NotificationText | null {
  const code = text(values, 'code');
  if (code === null) return null;
  const head = [code, text(values, 'title')].filter((x) => x !== null).join(' ');
  const plain = (title: string, body: string, bodyData = ''): NotificationText => ({ title, titleData: head, body, bodyData });
  switch (kind) {
    case 'issued': {
      const due = text(values, 'dueDate');
      return due ? plain(words.issued.title, fill(words.issued.body, { date: due })) : null;
    }
    case 'submitted': {
      const unit = text(values, 'unitName');
      return {
        title: words.submitted.title,
        titleData: unit ? `${unit} · ${head}` : head,
        body: values['explanation'] === true ? words.submitted.bodyExplanation : words.submitted.body,
        bodyData: '',
      };
    }
    case 'returned':
      return plain(words.returned.title, words.returned.body, text(values, 'reason') ?? '');
    case 'closed': {
      const on = text(values, 'closedOn');
      return on ? plain(words.closed.title, fill(words.closed.body, { date: on })) : null;
    }
    case 'escalated': {
      const level = text(values, 'level');
      const label = level === null ? null : escalationLabel(level);
      return label ? plain(words.escalated.title, fill(words.escalated.body, { measure: label })) : null;
    }
    case 'overdue': {
      const days = count(values, 'workingDays');
      const due = text(values, 'dueDate');
      return days && due
        ? {
            title: fill(words.overdue.title, { days }),
            titleData: head,
            body: fill(words.overdue.body, { date: due }),
            bodyData: text(values, 'unitName') ?? '',
          }
        : null;
    }
    case 'before_due': {
      const due = text(values, 'dueDate');
      const days = count(values, 'workingDays');
      return due && days ? plain(fill(words.before_due.title, { date: due }), fill(words.before_due.body, { days })) : null;
    }
    default:
      return null;
  }
}

/**
 * What the bell shows for a notification: from its values in the reader's language; a notice
 * without values (stored before they were kept) in English from its stored Chinese text; null to
 * show the stored text as it is.
 */
export function notificationText(
  n: { kind: string; title: string; body: string; values: Values | null },
  language: 'zh' | 'en',
  words: NotificationWords,
  escalation: { byLevel: (level: string) => string | null; byZhLabel: (zhLabel: string) => string | null },
): NotificationText | null {
  if (n.values !== null) {
    const said = noticeFromValues(n.kind, n.values, words, escalation.byLevel);
    if (said) return said;
  }
  return language === 'en' ? englishNotification(n, words, escalation.byZhLabel) : null;
}

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
