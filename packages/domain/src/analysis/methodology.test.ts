// The methodology notes shown next to each view.
import { describe, expect, it } from 'vitest';
import { describeRankStabilityMethod, explanationMethodology, leaveOneOutMethodology, whatIfMethodology } from './methodology';

describe('methodology notes', () => {
  it('fill in the parameters of a stability run', () => {
    const note = describeRankStabilityMethod({ perturbation: 0.15, draws: 500, seed: 42, flipThreshold: 0.1 });
    const text = note.paragraphs.join('');
    expect(text).toContain('±15%');
    expect(text).toContain('500 次');
    expect(text).toContain('随机种子 42');
    expect(text).toContain('超过 10% 的模拟');
    expect(text).toContain('与相邻单位差异不显著');
  });

  it('exist for every view, in Chinese', () => {
    for (const note of [whatIfMethodology, leaveOneOutMethodology, explanationMethodology, describeRankStabilityMethod()]) {
      expect(note.title).toMatch(/[\u4e00-\u9fff]/);
      expect(note.paragraphs.length).toBeGreaterThan(0);
    }
  });
});
