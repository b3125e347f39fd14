import { describe, expect, it } from 'vitest';
import { buildSlideSequence, deckActionForKey, resolveDigits } from './presentation-deck-model';

describe('the meeting deck', () => {
  it('runs overview → each group → problems → rectification → requirements', () => {
    expect(buildSlideSequence([{ code: 'A' }, { code: 'B1' }]).map((s) => (s.kind === 'ranking' ? `ranking:${s.group}` : s.kind))).toEqual([
      'overview',
      'ranking:A',
      'ranking:B1',
      'problems',
      'rectification',
      'requirements',
    ]);
  });

  it('pages with →/PageDown/Space and ←/PageUp, stops at the ends, jumps with Home/End, exits with Esc', () => {
    for (const key of ['ArrowRight', 'PageDown', ' ']) expect(deckActionForKey(key, 2, 6)).toEqual({ type: 'go', index: 3 });
    for (const key of ['ArrowLeft', 'PageUp']) expect(deckActionForKey(key, 2, 6)).toEqual({ type: 'go', index: 1 });
    expect(deckActionForKey('ArrowRight', 5, 6)).toEqual({ type: 'go', index: 5 });
    expect(deckActionForKey('ArrowLeft', 0, 6)).toEqual({ type: 'go', index: 0 });
    expect(deckActionForKey('Home', 4, 6)).toEqual({ type: 'go', index: 0 });
    expect(deckActionForKey('End', 0, 6)).toEqual({ type: 'go', index: 5 });
    expect(deckActionForKey('Escape', 3, 6)).toEqual({ type: 'exit' });
    expect(deckActionForKey('7', 3, 6)).toEqual({ type: 'digit', digit: '7' });
    expect(deckActionForKey('a', 3, 6)).toBeNull();
  });

  it('jumps on a number key, waiting for a second digit only when one could follow', () => {
    expect(resolveDigits('3', 8)).toEqual({ jump: 2, wait: false, fallback: null });
    expect(resolveDigits('9', 8)).toEqual({ jump: null, wait: false, fallback: null });
    expect(resolveDigits('0', 8)).toEqual({ jump: null, wait: false, fallback: null });
    expect(resolveDigits('1', 12)).toEqual({ jump: null, wait: true, fallback: 0 });
    expect(resolveDigits('12', 12)).toEqual({ jump: 11, wait: false, fallback: null });
    expect(resolveDigits('2', 12)).toEqual({ jump: 1, wait: false, fallback: null });
  });
});
