import type { ReactNode } from 'react';

/**
 * A whole-screen message, large and centred. A lasting one (an invalid link) is the page's main
 * content; a passing one (connecting) is a status and leaves `main` to the board, which
 * automation waits for.
 */
export function DisplayMessage({ title, children, tone = 'info' }: { title: string; children?: ReactNode; tone?: 'info' | 'error' }) {
  const className = `display-message display-message-${tone}`;
  if (tone === 'error') {
    return (
      <main className={className}>
        <h1>{title}</h1>
        {children}
      </main>
    );
  }
  return (
    <div className={className} role="status" aria-busy="true">
      <h1>{title}</h1>
      {children}
    </div>
  );
}
