// Words for the scheme's rules and a sheet's lost points, in the page's language. Pure:
// the translation function is passed in.
import type { TFunction } from 'i18next';
import type { LeafRule } from '@kaoping/contracts/scoring/scheme';
import type { Outputs } from '../../api-types';
import { formatPoints } from '../../lib/format-number';

export { formatPoints };

export type SheetOutput = Outputs['assessment']['results']['sheet'];
export type SheetLoss = SheetOutput['rows'][number]['losses'][number];

export function describeRule(t: TFunction, rule: LeafRule | null | undefined, points: number): string {
  if (!rule) return '';
  switch (rule.kind) {
    case 'manual':
      return t('assessment.rule.manual', { points: formatPoints(points) });
    case 'binary':
      return t('assessment.rule.binary');
    case 'checklist':
      return t('assessment.rule.checklist', { items: rule.items.map((i) => `${i.code} ${i.name} ${formatPoints(i.points)}`).join(';') });
    case 'graded':
      return t('assessment.rule.graded', { levels: rule.levels.map((l) => `${l.label} ${formatPoints(l.points)}`).join(' / ') });
    case 'rate':
      return t('assessment.rule.rate', { target: formatPoints(rule.target), per: formatPoints(rule.perPointBelow) });
    case 'deduct':
      return t('assessment.rule.deduct', { per: formatPoints(rule.perFinding) });
    case 'rectification':
      return t('assessment.rule.rectification', { perLate: formatPoints(rule.perLate), perRejected: formatPoints(rule.perRejected) });
  }
}

/** What to type in a cell for the rule (placeholder). */
export function inputHint(t: TFunction, rule: LeafRule | null | undefined): string {
  if (!rule) return '';
  switch (rule.kind) {
    case 'checklist':
      return rule.items.map((i) => i.code).join(';');
    case 'graded':
      return rule.levels.map((l) => l.label).join('/');
    case 'binary':
      return '1/0';
    case 'rate':
      return '0–100';
    case 'manual':
      return t('assessment.grid.number');
    case 'deduct':
    case 'rectification':
      return '';
  }
}

export function describeLoss(t: TFunction, loss: SheetLoss): string {
  const points = formatPoints(loss.points);
  switch (loss.kind) {
    case 'finding':
      return t('assessment.loss.finding', {
        description: loss.description || t('assessment.loss.noDescription'),
        count: loss.count,
        points,
      });
    case 'checklist-item':
      return t('assessment.loss.checklist', { item: loss.item, name: loss.name, points });
    case 'graded-level':
      return t('assessment.loss.graded', { label: loss.label, points });
    case 'rate-below-target':
      return t('assessment.loss.rate', { value: formatPoints(loss.value), target: formatPoints(loss.target), points });
    case 'manual':
      return t('assessment.loss.manual', { points });
    case 'binary':
      return t('assessment.loss.binary', { points });
    case 'rectification-late':
      return t('assessment.loss.late', { item: loss.item, due: loss.due, points });
    case 'rectification-rejected':
      return t('assessment.loss.rejected', { item: loss.item, rejected: loss.rejected, points });
    case 'missing-input':
      return t('assessment.loss.missing');
    case 'not-applicable-rate':
      return t('assessment.loss.naRate', { rate: formatPoints(loss.rate), points });
  }
}

// Rank movement and grade colours live in one place for every page: features/dashboard/dashboard-tags
// (Movement, GradeTag) over charts/chart-palette (MOVEMENT_COLORS, gradeColor).
