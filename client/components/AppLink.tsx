import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { hrefTo, useNavigateTo } from '../navigation';

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** A link within the app: moves without a reload, while Ctrl/⌘-click or a middle click still opens a new tab. */
export function AppLink({ to, onClick, children, ...rest }: Props) {
  const navigate = useNavigateTo();
  function follow(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
    window.scrollTo(0, 0);
  }
  return (
    <a href={hrefTo(to)} onClick={follow} {...rest}>
      {children}
    </a>
  );
}
