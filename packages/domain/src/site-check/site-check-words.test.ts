import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { buildWordMatcher, parseWordList } from './site-check-words';

describe('错敏词', () => {
  it('parses the word file', () => {
    expect(parseWordList('\uFEFF# 错词\n国务院办工厅=>国务院办公厅\n\n  某禁用词  \n')).toEqual([
      { word: '国务院办工厅', suggestion: '国务院办公厅' },
      { word: '某禁用词', suggestion: null },
    ]);
    expect(() => parseWordList('好=>\n=>坏')).toThrow(DomainError);
  });
  it('finds wrong and forbidden words with the sentence around them (golden)', () => {
    const m = buildWordMatcher([
      { word: '国务院办工厅', suggestion: '国务院办公厅' },
      { word: '办工', suggestion: '办公' },
      { word: '人民政付', suggestion: '人民政府' },
      { word: '某禁用词', suggestion: null },
    ]);
    const text = '首页。本局落实国务院办工厅关于政务公开的要求。县人民政付召开会议，提到某禁用词！';
    expect(m.find(text).map((h) => [h.word, h.suggestion, h.context])).toEqual([
      ['国务院办工厅', '国务院办公厅', '本局落实国务院办工厅关于政务公开的要求'],
      ['人民政付', '人民政府', '县人民政付召开会议，提到某禁用词'],
      ['某禁用词', null, '县人民政付召开会议，提到某禁用词'],
    ]);
  });
  it('does not flag a wrong form inside its own right form', () => {
    const m = buildWordMatcher([{ word: '人民政府', suggestion: '县人民政府' }]);
    expect(m.find('县人民政府发布')).toEqual([]);
    expect(m.find('市人民政府发布')).toHaveLength(1);
  });
  it('finds every planted word at its offset', () => {
    const m = buildWordMatcher([{ word: '错词甲', suggestion: '正词甲' }]);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('政', '务', '公', '开', '。', ' '), { maxLength: 40 }),
        fc.array(fc.constantFrom('政', '务', '。'), { maxLength: 40 }),
        (a, b) => {
          const left = a.join('');
          const hits = m.find(`${left}错词甲${b.join('')}`);
          expect(hits.map((h) => h.start)).toEqual([left.length]);
          expect(hits[0]?.context).toContain('错词甲');
        },
      ),
    );
  });
});
