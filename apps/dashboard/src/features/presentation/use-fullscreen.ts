import { type RefObject, useEffect, useRef } from 'react';

/**
 * While `active`, asks the browser to show `ref` full screen (Fullscreen API). Where that is
 * refused or unsupported the deck still covers the window (it is position: fixed), so the
 * presentation works either way. Leaving full screen by the browser's own means (Esc, F11)
 * calls `onExit`; deactivating leaves full screen.
 */
export function useFullscreen(ref: RefObject<HTMLElement | null>, active: boolean, onExit: () => void): void {
  const onExitRef = useRef(onExit);
  onExitRef.current = onExit;

  useEffect(() => {
    if (!active) return;
    const element = ref.current;
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement === element) entered = true;
      else if (entered && document.fullscreenElement === null) onExitRef.current();
    };
    document.addEventListener('fullscreenchange', onChange);
    if (element && typeof element.requestFullscreen === 'function' && document.fullscreenEnabled !== false) {
      element.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
    }
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [active, ref]);
}
