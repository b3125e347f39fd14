import { describe, expect, it } from 'vitest';
import { normalizeLine } from './normalize-text';
import { splitLines } from './source-line';
import { tokenizeLines } from './tokenize';
import type { Token } from './tokenize';

const show = (t: Token) =>
  t.kind === 'text' ? `T:${t.compact}` : t.kind === 'num' ? `N:${t.raw}${t.unit ?? ''}` : t.kind === 'blank' ? 'B' : `X:${t.raw}`;
const tokens = (text: string) => tokenizeLines(splitLines(text)).tokens.map(show);

describe('tokenizeLines', () => {
  it('space-separated rows; row numbering is not a value', () => {
    expect(tokens('2.其他法律行政法规禁止公开 30 1 0 0 0 0 31')).toEqual([
      'T:其他法律行政法规禁止公开',
      'N:30',
      'N:1',
      'N:0',
      'N:0',
      'N:0',
      'N:0',
      'N:31',
    ]);
    expect(tokens('1、申请人无正当理由逾期不补')).toEqual(['T:申请人无正当理由逾期不补']);
    const normalized = (s: string) =>
      tokenizeLines(splitLines(s).map((l) => ({ ...l, text: normalizeLine(l.text, false) }))).tokens.map(show);
    expect(normalized('①属于国家秘密 ２ ０')).toEqual(['T:属于国家秘密', 'N:2', 'N:0']);
    expect(normalized('（１）属于国家秘密　２')).toEqual(['T:属于国家秘密', 'N:2']);
  });

  it('run-together digits keep the row number of the next label apart', () => {
    expect(tokens('1.属于国家秘密00000002.其他法律行政法规禁止公开1200013216')).toEqual([
      'T:属于国家秘密',
      'N:0000000',
      'T:其他法律行政法规禁止公开',
      'N:1200013216',
    ]);
    expect(tokens('行政事业性收费96171.6')).toEqual(['T:行政事业性收费', 'N:96171.6']);
  });

  it('pipe rows: empty cells are blanks, trailing colspan debris is not', () => {
    expect(tokens('| 规章 | 1 |  | 11 | |||')).toEqual(['T:规章', 'N:1', 'B', 'N:11']);
    expect(tokens('| --- | --- |\n| 规章 | / | - | — |')).toEqual(['T:规章', 'B', 'B', 'B']);
  });

  it('one cell per line with lone | lines: two separators with nothing between are a blank', () => {
    expect(tokens('规章\n|\n1\n|\n\n|\n11\n|')).toEqual(['T:规章', 'N:1', 'B', 'N:11']);
  });

  it('drops page markers, annotations, OCR placeholders; keeps units and signs', () => {
    expect(tokens('规章 1\n- 4 -\n第 5 页 共 9 页\n0 11')).toEqual(['T:规章', 'N:1', 'N:0', 'N:11']);
    expect(tokens('22(其中修订16件)')).toEqual(['N:22']);
    expect(tokens('信息内容 数据1 数据2')).toEqual(['T:信息内容数据数据']);
    expect(tokens('行政事业性收费 3940元')).toEqual(['T:行政事业性收费', 'N:3940元']);
    expect(tokens('行政许可 12 减4 30')).toEqual(['T:行政许可', 'N:12', 'N:4', 'N:30']);
    expect(tokenizeLines(splitLines('减4')).tokens[0]).toMatchObject({ kind: 'num', value: -4 });
    expect(tokens('? 0 ?')).toEqual(['N:0', 'X:?']);
    expect(tokens('2024年 本年新收 1,234')).toEqual(['T:年本年新收', 'N:1,234']);
  });
});
