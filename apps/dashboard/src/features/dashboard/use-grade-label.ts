import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

// A scheme names its grades (the demo's and most offices' are 优秀/良好/合格/不合格); the UI says
// those four in its language. Any other name is the office's own word and is shown as written.
const GRADE_KEYS: Readonly<Record<string, 'excellent' | 'good' | 'pass' | 'fail'>> = {
  优秀: 'excellent',
  良好: 'good',
  合格: 'pass',
  不合格: 'fail',
};

/** The grade as the UI says it: 优秀 → Excellent in English, unchanged in Chinese; null → —. */
export function useGradeLabel(): (grade: string | null | undefined) => string {
  const { t } = useTranslation();
  // Stable while the language stays, so memoised tables (the what-if table) keep their columns.
  return useCallback(
    (grade) => {
      if (!grade) return '—';
      const key = GRADE_KEYS[grade];
      // The name itself when no translation is loaded (a component rendered outside the app).
      return key ? t(`dashboard.grades.${key}`, { defaultValue: grade }) : grade;
    },
    [t],
  );
}
