// Colours shared by every chart. Restrained, and chosen to stay apart when printed: the four
// grade colours differ in lightness as well as hue, the heat scale gets darker as the share
// falls, so a grey photocopy still reads. Pages use GRADE_COLORS for tags and tables too, so
// a grade has one colour everywhere.

export const GRADE_ORDER = ['优秀', '良好', '合格', '不合格'] as const;

export const GRADE_COLORS: Readonly<Record<string, string>> = {
  优秀: '#1f4e79',
  良好: '#5b8cc0',
  合格: '#a9c0d8',
  不合格: '#c0392b',
};

/** A grade a scheme names otherwise (e.g. 较好) and units without a grade. */
export const OTHER_GRADE_COLOR = '#8c8c8c';

export function gradeColor(grade: string | null | undefined): string {
  return (grade && GRADE_COLORS[grade]) || OTHER_GRADE_COLOR;
}

/** Order for legends: the standard grades first, then any other grade in first-seen order. */
export function sortGrades(grades: Iterable<string>): string[] {
  const seen = [...new Set(grades)];
  const rank = (g: string) => {
    const i = (GRADE_ORDER as readonly string[]).indexOf(g);
    return i < 0 ? GRADE_ORDER.length : i;
  };
  return seen
    .map((g, i) => ({ g, i }))
    .sort((a, b) => rank(a.g) - rank(b.g) || a.i - b.i)
    .map(({ g }) => g);
}

/** Series colours in order of use: navy, brick, olive, amber, plum, teal, grey. */
export const SERIES_COLORS = ['#1f4e79', '#c0392b', '#5b7f2b', '#d9822b', '#7f6a93', '#3d8f8f', '#8c8c8c'] as const;

export const INK = {
  text: '#262626',
  muted: '#8c8c8c',
  axis: '#bfbfbf',
  split: '#eeeeee',
  band: 'rgba(31, 78, 121, 0.14)',
  passLine: '#c0392b',
  notApplicable: '#d9d9d9',
} as const;

export const MOVEMENT_COLORS = { up: '#2e7d32', down: '#c0392b', same: '#8c8c8c' } as const;

/** Share of points earned, 0% → 100%: dark red through pale orange to a pale green. */
export const HEAT_COLORS = ['#7f0000', '#c62828', '#ef6c57', '#f9b99f', '#fde8d8', '#e6f2e6'] as const;

export const CHART_FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
