import type { ComponentChildren } from 'preact';
import { follow } from '../router';

export function Link({ href, children, current, class: className }: { href: string; children: ComponentChildren; current?: boolean; class?: string }) {
  return (
    <a href={href} class={className} onClick={follow} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
