// The deck: one slide at a time over the whole screen, paged with the keyboard only.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildSlideSequence, deckActionForKey, resolveDigits, type Slide } from './presentation-deck-model';
import {
  INK,
  MUTED,
  OverviewSlide,
  periodLabel,
  ProblemsSlide,
  RankingSlide,
  RectificationSlide,
  RequirementsSlide,
  RULE,
  type MeetingData,
} from './presentation-slides';
import { useFullscreen } from './use-fullscreen';

/** Base type size: a 36th of the screen's height, between 16 and 40 px (about 30 px on 1080p). */
function baseSize(height: number): number {
  return Math.round(Math.min(40, Math.max(16, height / 36)));
}

function useWindowHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

const DIGIT_WAIT_MS = 700;

export function PresentationDeck({ data, onExit }: { data: MeetingData; onExit: () => void }) {
  const { t } = useTranslation();
  const deckRef = useRef<HTMLDivElement>(null);
  const slides = useMemo(() => buildSlideSequence(data.figures.groups), [data.figures.groups]);
  const [index, setIndex] = useState(0);
  const digits = useRef<{ buffer: string; timer: number | null }>({ buffer: '', timer: null });
  const height = useWindowHeight();
  const size = baseSize(height);
  useFullscreen(deckRef, true, onExit);

  const go = useCallback((i: number) => setIndex(Math.max(0, Math.min(slides.length - 1, i))), [slides.length]);

  useEffect(() => {
    deckRef.current?.focus();
    const state = digits.current;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const action = deckActionForKey(event.key, index, slides.length);
      if (!action) return;
      event.preventDefault();
      if (action.type === 'exit') onExit();
      else if (action.type === 'go') go(action.index);
      else {
        if (state.timer !== null) window.clearTimeout(state.timer);
        state.buffer += action.digit;
        const { jump, wait, fallback } = resolveDigits(state.buffer, slides.length);
        if (wait) {
          state.timer = window.setTimeout(() => {
            if (fallback !== null) go(fallback);
            state.buffer = '';
            state.timer = null;
          }, DIGIT_WAIT_MS);
        } else {
          if (jump !== null) go(jump);
          state.buffer = '';
          state.timer = null;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, slides.length, go, onExit]);
  useEffect(() => {
    // Nothing scrolls behind the deck (the page below keeps its place for when the deck closes).
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    const state = digits.current;
    return () => {
      document.body.style.overflow = overflow;
      if (state.timer !== null) window.clearTimeout(state.timer);
    };
  }, []);

  const slide: Slide = slides[index] ?? { kind: 'overview' };
  // Header and footer take about four lines; the chart gets the rest.
  const chartHeight = Math.max(240, height - size * 8.5);
  const footer = size * 0.7;
  return (
    <div
      ref={deckRef}
      tabIndex={-1}
      role="region"
      aria-roledescription={t('meeting.presentation.title')}
      aria-label={t('meeting.presentation.counter', { current: index + 1, total: slides.length })}
      data-testid="presentation-deck"
      data-slide-kind={slide.kind}
      data-slide-index={index + 1}
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 2000,
        background: '#ffffff',
        color: INK,
        display: 'flex',
        flexDirection: 'column',
        padding: `${size * 0.9}px ${size * 1.4}px ${size * 0.5}px`,
        outline: 'none',
        fontSize: size,
        fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
        overflow: 'hidden',
      }}
    >
      <main style={{ flex: 1, minHeight: 0 }} aria-live="polite">
        {slide.kind === 'overview' && <OverviewSlide data={data} size={size} />}
        {slide.kind === 'ranking' && <RankingSlide data={data} size={size} group={slide.group} height={chartHeight} />}
        {slide.kind === 'problems' && <ProblemsSlide data={data} size={size} />}
        {slide.kind === 'rectification' && <RectificationSlide data={data} size={size} />}
        {slide.kind === 'requirements' && <RequirementsSlide data={data} size={size} />}
      </main>
      <footer
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          borderTop: `2px solid ${RULE}`,
          paddingTop: size * 0.3,
          fontSize: footer,
          color: MUTED,
        }}
      >
        <span>
          <span lang="zh-CN">{data.data.officeName}</span> · {periodLabel(t, data.figures)}
        </span>
        <span>{t('meeting.presentation.hint')}</span>
        <span data-testid="slide-counter" style={{ color: INK, fontWeight: 700, fontSize: size * 0.85 }}>
          {t('meeting.presentation.counter', { current: index + 1, total: slides.length })}
        </span>
      </footer>
    </div>
  );
}
