import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MOVEMENT_COLORS } from '../../charts/chart-palette';
import { GradeTag as DashboardGradeTag } from '../dashboard/dashboard-tags';
import { GradeTag, RankDelta } from './ranking-table';

// Issue #15 §19: the round page showed a red ▲ where 排名 showed a green one, and grade tags in
// other colours. One convention, one component.
describe('one rank-movement convention and one grade tag', () => {
  it('the round page’s movement is green ▲ up and red ▼ down, as on 排名', () => {
    const up = renderToStaticMarkup(createElement(RankDelta, { delta: 2 }));
    const down = renderToStaticMarkup(createElement(RankDelta, { delta: -1 }));
    expect(up).toContain('▲2');
    expect(up).toContain(`color:${MOVEMENT_COLORS.up}`);
    expect(down).toContain('▼1');
    expect(down).toContain(`color:${MOVEMENT_COLORS.down}`);
  });

  it('the round page uses the dashboard’s grade tag itself', () => {
    expect(GradeTag).toBe(DashboardGradeTag);
    expect(renderToStaticMarkup(createElement(GradeTag, { grade: '良好', isQuotaDemoted: true }))).toContain('良好*');
  });
});
