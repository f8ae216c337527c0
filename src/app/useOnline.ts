import { useEffect, useState } from 'preact/hooks';

export type NetworkChange = '' | 'backOnline' | 'wentOffline';

/**
 * Whether the browser is online, and the latest change to announce (politely, for a few
 * seconds). A key, not a sentence, so it follows a change of UI language.
 */
export function useOnline(): { online: boolean; change: NetworkChange } {
  const [online, setOnline] = useState(() => navigator.onLine);
  const [change, setChange] = useState<NetworkChange>('');

  useEffect(() => {
    const up = () => {
      setOnline(true);
      setChange('backOnline');
    };
    const down = () => {
      setOnline(false);
      setChange('wentOffline');
    };
    addEventListener('online', up);
    addEventListener('offline', down);
    return () => {
      removeEventListener('online', up);
      removeEventListener('offline', down);
    };
  }, []);

  useEffect(() => {
    if (!change) return;
    const timer = setTimeout(() => setChange(''), 8000);
    return () => clearTimeout(timer);
  }, [change]);

  return { online, change };
}
