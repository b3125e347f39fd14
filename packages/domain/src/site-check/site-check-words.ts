// 错敏词: wrong → right pairs and forbidden words, matched in one pass per page by an Aho–Corasick
// automaton (modern-ahocorasick), leftmost-longest so 国务院办工厅 wins over a shorter entry inside it.
import AhoCorasick from 'modern-ahocorasick';
import type { WordEntry } from '@kaoping/contracts/site-check/site-check';
import { invalidInput } from '../errors/domain-error';

/**
 * The CLI's word file: one entry a line, `错误写法` (forbidden) or `错误写法=>正确写法`; blank lines and
 * `#` comments are ignored. A line with an empty side is refused with its line number.
 */
export function parseWordList(text: string): WordEntry[] {
  const out: WordEntry[] = [];
  const errors: string[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const [word, suggestion, ...rest] = line.split('=>').map((s) => s.trim());
      if (!word || rest.length > 0 || suggestion === '') errors.push(`第 ${i + 1} 行格式错误: ${line}`);
      else out.push({ word, suggestion: suggestion ?? null });
    });
  if (errors.length > 0) throw invalidInput(`错敏词表有误: ${errors.join('; ')}`, errors);
  return dedupeWords(out);
}

/** One entry per word; a later entry for the same word replaces the earlier one. */
export function dedupeWords(entries: readonly WordEntry[]): WordEntry[] {
  const byWord = new Map<string, WordEntry>();
  for (const e of entries) if (e.word !== e.suggestion) byWord.set(e.word, e);
  return [...byWord.values()];
}

export interface WordMatch {
  word: string;
  suggestion: string | null;
  start: number;
  end: number;
  context: string;
}

const SENTENCE_END = /[。！？!?；;\n]/;
const CONTEXT_MAX = 40;

/** The sentence around [start, end), cut to about 40 characters each side with … where cut. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1] ?? '') && start - from < CONTEXT_MAX) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to] ?? '') && to - end < CONTEXT_MAX) to++;
  const head = from > 0 && !SENTENCE_END.test(text[from - 1] ?? '') ? '…' : '';
  const tail = to < text.length && !SENTENCE_END.test(text[to] ?? '') ? '…' : '';
  return `${head}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${tail}`;
}

export interface WordMatcher {
  find(text: string): WordMatch[];
}

/** A matcher over the list; reuse it for every page of a run. */
export function buildWordMatcher(entries: readonly WordEntry[]): WordMatcher {
  const list = dedupeWords(entries);
  if (list.length === 0) return { find: () => [] };
  const ac = new AhoCorasick(list.map((e, i) => ({ pattern: e.word, data: i })));
  return {
    find(text) {
      const hits: WordMatch[] = [];
      for (const m of ac.search(text, { strategy: 'leftmost-longest' })) {
        const entry = list[m.data ?? m.patternIndex];
        if (!entry) continue;
        if (entry.suggestion !== null && insideRightForm(text, m.start, entry.word, entry.suggestion)) continue;
        hits.push({
          word: entry.word,
          suggestion: entry.suggestion,
          start: m.start,
          end: m.end,
          context: sentenceAround(text, m.start, m.end),
        });
      }
      return hits;
    },
  };
}

/** The wrong form can sit inside the right one (人民政府 => 县人民政府): a hit that is the right form is no error. */
function insideRightForm(text: string, at: number, word: string, right: string): boolean {
  const offset = right.indexOf(word);
  if (offset < 0) return false;
  return text.slice(at - offset, at - offset + right.length) === right;
}
