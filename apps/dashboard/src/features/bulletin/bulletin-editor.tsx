// The office's part of the bulletin: header fields, the four paragraphs and the requirements.
// Others see the same text read-only. On paper only the text prints (`.kp-print-only`).
import { Button, Col, DatePicker, Input, InputNumber, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Inputs } from '../../api-types';
import type { DueDateProblem } from '@kaoping/domain/bulletin/bulletin-due-dates';
import { formatDate } from './bulletin-format';
import { Para } from './bulletin-sections';
import { useDueProblemText } from './due-date-problems';

export type DraftContent = Inputs['bulletin']['save']['content'];
export type ParagraphKey = 'basis' | 'overallComment' | 'requirementsIntro' | 'closing';
type HeaderKey =
  | 'documentNumber'
  | 'title'
  | 'officeName'
  | 'officeShortName'
  | 'addressees'
  | 'method'
  | 'schemeDocumentNumber'
  | 'publicity'
  | 'contactName'
  | 'contactPhone';

interface EditorProps {
  content: DraftContent;
  canEdit: boolean;
  onChange: (next: DraftContent) => void;
}

export function HeaderFields({ content, canEdit, onChange }: EditorProps) {
  const { t } = useTranslation();
  if (!canEdit) return null;
  const field = (key: HeaderKey, span = 12, placeholder?: string) => (
    <Col xs={24} md={span} key={key}>
      <label style={{ display: 'block' }}>
        <Typography.Text type="secondary">{t(`meeting.bulletin.${key === 'title' ? 'docTitle' : key}`)}</Typography.Text>
        <Input
          value={content[key]}
          placeholder={placeholder}
          // The header's fields are the document's Chinese text (the example number too).
          lang="zh-CN"
          onChange={(e) => onChange({ ...content, [key]: e.target.value })}
          data-testid={`bulletin-field-${key}`}
        />
      </label>
    </Col>
  );
  return (
    <div
      className="kp-screen-only"
      data-testid="bulletin-header-fields"
      style={{ background: '#fafafa', border: '1px solid #eee', padding: 12, marginBottom: 16 }}
    >
      <Typography.Text strong>{t('meeting.bulletin.header')}</Typography.Text>
      <Row gutter={[12, 8]} style={{ marginTop: 8 }}>
        {field('officeName')}
        {field('documentNumber', 6, t('meeting.bulletin.documentNumberPlaceholder'))}
        <Col xs={24} md={6}>
          <label style={{ display: 'block' }}>
            <Typography.Text type="secondary">{t('meeting.bulletin.issueDate')}</Typography.Text>
            <DatePicker
              style={{ width: '100%' }}
              allowClear={false}
              aria-label={t('meeting.bulletin.issueDate')}
              value={dayjs(content.issueDate)}
              onChange={(d) => d && onChange({ ...content, issueDate: d.format('YYYY-MM-DD') })}
            />
          </label>
        </Col>
        {field('title', 24)}
        {field('addressees', 24)}
        {field('officeShortName', 6)}
        {field('method', 18)}
        {field('schemeDocumentNumber', 6)}
        {field('publicity', 6)}
        {field('contactName', 6)}
        {field('contactPhone', 6)}
      </Row>
    </div>
  );
}

/** One of the office's paragraphs: a text box for the office (with "restore"), text for everyone else and on paper. */
export function EditableParagraph({
  content,
  canEdit,
  onChange,
  name,
  defaults,
}: EditorProps & { name: ParagraphKey; defaults: Record<ParagraphKey, string> }) {
  const { t } = useTranslation();
  const text = content[name];
  const lines = text.split(/\n\s*\n|\n/).filter((l) => l.trim() !== '');
  // The document's wording: Chinese as published, whatever the page's language.
  const printed = (
    <div lang="zh-CN">
      {lines.map((line, i) => (
        <Para key={i}>{line}</Para>
      ))}
    </div>
  );
  if (!canEdit) return <div data-testid={`bulletin-paragraph-${name}`}>{printed}</div>;
  return (
    <div data-testid={`bulletin-paragraph-${name}`}>
      <div className="kp-screen-only" style={{ marginBottom: 8 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary">{t(`meeting.bulletin.paragraphs.${name}`)}</Typography.Text>
          <Button
            size="small"
            type="link"
            disabled={text === defaults[name]}
            onClick={() => onChange({ ...content, [name]: defaults[name] })}
          >
            {t('meeting.bulletin.resetParagraph')}
          </Button>
        </Space>
        <Input.TextArea
          value={text}
          autoSize={{ minRows: 2, maxRows: 12 }}
          lang="zh-CN"
          onChange={(e) => onChange({ ...content, [name]: e.target.value })}
          aria-label={t(`meeting.bulletin.paragraphs.${name}`)}
          data-testid={`bulletin-edit-${name}`}
        />
      </div>
      <div className="kp-print-only">{printed}</div>
    </div>
  );
}

/**
 * The requirements; each deadline is either N working days after the 成文日期 (the date follows
 * the issue date, computed by the page) or a date the office picks. `problems` flags dates that
 * cannot be met (issue #15 §8).
 */
export function RequirementsEditor({ content, canEdit, onChange, problems = [] }: EditorProps & { problems?: readonly DueDateProblem[] }) {
  const { t } = useTranslation();
  const problemText = useDueProblemText();
  const list = content.requirements;
  const problemAt = new Map(problems.map((p) => [p.index, p]));
  const printed = (
    <ol style={{ paddingLeft: '2em', lineHeight: 1.9 }} data-testid="bulletin-requirements">
      {list.map((r, i) => (
        <li key={i}>
          <span lang="zh-CN">
            <b>{r.heading}。</b>
            {r.text}
          </span>
          {r.dueDate && <b>{t('meeting.presentation.dueBy', { date: formatDate(r.dueDate) })}。</b>}
        </li>
      ))}
    </ol>
  );
  if (!canEdit) return printed;
  const update = (i: number, patch: Partial<DraftContent['requirements'][number]>) =>
    onChange({ ...content, requirements: list.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <>
      <div className="kp-screen-only" data-testid="bulletin-requirements-editor">
        {list.map((r, i) => (
          <Row key={i} gutter={8} style={{ marginBottom: 8 }} align="top" wrap={false}>
            <Col flex="32px" style={{ paddingTop: 5 }}>
              {i + 1}.
            </Col>
            <Col flex="150px">
              <Input
                value={r.heading}
                lang="zh-CN"
                placeholder={t('meeting.bulletin.requirement.heading')}
                onChange={(e) => update(i, { heading: e.target.value })}
                aria-label={`${t('meeting.bulletin.requirement.heading')} ${i + 1}`}
              />
            </Col>
            <Col flex="auto" style={{ minWidth: 0 }}>
              <Input.TextArea
                value={r.text}
                lang="zh-CN"
                autoSize={{ minRows: 1, maxRows: 6 }}
                placeholder={t('meeting.bulletin.requirement.text')}
                onChange={(e) => update(i, { text: e.target.value })}
                aria-label={`${t('meeting.bulletin.requirement.text')} ${i + 1}`}
              />
            </Col>
            <Col flex="150px">
              <InputNumber
                style={{ width: '100%' }}
                min={1}
                max={250}
                precision={0}
                value={r.workingDays ?? null}
                suffix={t('meeting.bulletin.requirement.workingDays')}
                title={t('meeting.bulletin.requirement.workingDaysHelp')}
                onChange={(n) => update(i, { workingDays: typeof n === 'number' ? n : null })}
                aria-label={`${t('meeting.bulletin.requirement.workingDays')} ${i + 1}`}
                data-testid={`requirement-working-days-${i}`}
              />
            </Col>
            <Col flex="150px">
              <DatePicker
                style={{ width: '100%' }}
                placeholder={t('meeting.bulletin.requirement.dueDate')}
                value={r.dueDate ? dayjs(r.dueDate) : null}
                status={problemAt.has(i) ? 'error' : undefined}
                // A date picked by hand is the office's own: it no longer follows the issue date.
                onChange={(d) => update(i, { dueDate: d ? d.format('YYYY-MM-DD') : null, workingDays: null })}
                aria-label={`${t('meeting.bulletin.requirement.dueDate')} ${i + 1}`}
                data-testid={`requirement-due-${i}`}
              />
              {problemAt.has(i) && (
                <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`requirement-due-problem-${i}`}>
                  {problemText(problemAt.get(i) ?? { kind: 'past', dueDate: '' }, content.issueDate)}
                </Typography.Text>
              )}
            </Col>
            <Col flex="56px">
              <Button danger type="link" onClick={() => onChange({ ...content, requirements: list.filter((_, j) => j !== i) })}>
                {t('meeting.bulletin.requirement.remove')}
              </Button>
            </Col>
          </Row>
        ))}
        <Button
          disabled={list.length >= 12}
          onClick={() => onChange({ ...content, requirements: [...list, { heading: '', text: '', dueDate: null, workingDays: null }] })}
        >
          {t('meeting.bulletin.requirement.add')}
        </Button>
      </div>
      <div className="kp-print-only">{printed}</div>
    </>
  );
}
