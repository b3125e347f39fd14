// Warns before unsaved work is left behind. BrowserRouter has no navigation blocker, so the guard
// covers the three ways out: closing or reloading the tab (beforeunload), in-page links (a capture
// listener that runs before react-router's), and the layout's own menu and buttons (confirmLeave).
import { useEffect } from 'react';

let current: (() => boolean) | null = null;

/** Whether the page may be left now: asks the person when a page holds unsaved work. */
export function confirmLeave(): boolean {
  return current ? current() : true;
}

export function useLeaveGuard(active: boolean, message: string): void {
  useEffect(() => {
    if (!active) return;
    const ask = () => window.confirm(message);
    current = ask;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!link || link.getAttribute('target') === '_blank' || link.hasAttribute('download')) return;
      const href = link.getAttribute('href') ?? '';
      if (href.startsWith('#') || href.startsWith('blob:')) return;
      if (!ask()) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      if (current === ask) current = null;
    };
  }, [active, message]);
}
