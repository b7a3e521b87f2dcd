import { useEffect, useState } from 'react';

function remaining(expiresAt: string): number {
  return Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
}

/** Minutes and seconds left on a hold, ticking every second; says when it has run out. */
export function HoldCountdown({ expiresAt }: { expiresAt: string }) {
  const [seconds, setSeconds] = useState(() => remaining(expiresAt));
  useEffect(() => {
    setSeconds(remaining(expiresAt));
    const timer = setInterval(() => setSeconds(remaining(expiresAt)), 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);

  if (seconds === 0) {
    return (
      <p className="notice notice-error" role="alert">
        This hold has expired. Go back to the seat map to hold a seat again.
      </p>
    );
  }
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <p className={seconds < 120 ? 'countdown warn' : 'countdown'} aria-label={`Hold expires in ${text}`}>
      Held for you for <time>{text}</time>
    </p>
  );
}
