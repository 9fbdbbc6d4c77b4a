import { useEffect } from 'react';
import { useT } from '../i18n';

/** The browser tab names the page ("Người dùng · Bảng theo dõi …"), and gives the old title back on leaving. */
export function usePageTitle(title: string): void {
  const t = useT();
  useEffect(() => {
    const previous = document.title;
    document.title = `${title} · ${t('app.title')}`;
    return () => {
      document.title = previous;
    };
  }, [title, t]);
}
