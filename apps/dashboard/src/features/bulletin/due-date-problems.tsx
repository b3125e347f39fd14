// Requirement deadlines that cannot be met (on or before the 成文日期, or past): the list the
// bulletin's editor and the presentation's start page show before anything is exported or projected.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DueDateProblem } from '@kaoping/domain/bulletin/bulletin-due-dates';
import { formatDate } from './bulletin-format';
import { MARK, placeText } from './mark-text';

/** One problem in words, e.g. 完成时限(2026年11月6日)应晚于成文日期(2026年12月7日). */
export function useDueProblemText() {
  const { t } = useTranslation();
  return (p: Pick<DueDateProblem, 'kind' | 'dueDate'>, issueDate: string) =>
    p.kind === 'notAfterIssueDate'
      ? t('meeting.bulletin.due.notAfterIssueDate', { date: formatDate(p.dueDate), issueDate: formatDate(issueDate) })
      : t('meeting.bulletin.due.past', { date: formatDate(p.dueDate) });
}

export function DueDateProblems({
  problems,
  issueDate,
  title,
  testId = 'due-date-problems',
}: {
  problems: readonly DueDateProblem[];
  issueDate: string;
  title: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const text = useDueProblemText();
  if (problems.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={testId}
      title={title}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {problems.map((p) => (
            <li key={p.index}>
              {placeText(
                t('meeting.bulletin.due.item', { n: p.index + 1, heading: MARK, problem: text(p, issueDate) }),
                p.heading,
                'document',
              )}
            </li>
          ))}
        </ul>
      }
    />
  );
}
