import { describe, expect, it } from 'vitest';
import { GRADE_COLORS, gradeColor, OTHER_GRADE_COLOR, sortGrades } from './chart-palette';

describe('grade colours', () => {
  it('gives each standard grade its own colour and anything else grey', () => {
    expect(new Set(['优秀', '良好', '合格', '不合格'].map(gradeColor)).size).toBe(4);
    expect(gradeColor('优秀')).toBe(GRADE_COLORS['优秀']);
    expect([gradeColor('较好'), gradeColor(null)]).toEqual([OTHER_GRADE_COLOR, OTHER_GRADE_COLOR]);
  });
  it('orders legends by grade, other grades after in first-seen order', () => {
    expect(sortGrades(['合格', '较好', '优秀', '合格', '不合格', '基本合格'])).toEqual(['优秀', '合格', '不合格', '较好', '基本合格']);
  });
});
