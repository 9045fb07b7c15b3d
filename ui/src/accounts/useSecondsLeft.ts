import { useEffect, useRef, useState } from "react";

/**
 * Counts down from `seconds` once mounted and calls `onElapsed` when the time is up.
 * Measured against the clock, so a throttled timer (window in the background) still
 * ends on time as soon as it runs.
 */
export function useSecondsLeft(seconds: number, onElapsed: () => void): number {
  const [secondsLeft, setSecondsLeft] = useState(seconds);
  const onElapsedRef = useRef(onElapsed);
  useEffect(() => {
    onElapsedRef.current = onElapsed;
  }, [onElapsed]);

  useEffect(() => {
    const deadline = Date.now() + seconds * 1000;
    const timer = window.setInterval(() => {
      const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) {
        window.clearInterval(timer);
        onElapsedRef.current();
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [seconds]);

  return secondsLeft;
}
