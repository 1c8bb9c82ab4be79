// A minimal observable value: components subscribe through useSignal() and
// re-render when it changes.
import { useEffect, useState } from 'preact/hooks';

export interface Signal<T> {
  value: T;
  subscribe(fn: () => void): () => void;
}

export function signal<T>(initial: T): Signal<T> {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get value() {
      return current;
    },
    set value(next: T) {
      current = next;
      listeners.forEach((fn) => fn());
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

export function useSignal<T>(s: Signal<T>): T {
  const [, bump] = useState(0);
  const rendered = s.value;
  useEffect(() => {
    const off = s.subscribe(() => bump((n) => n + 1));
    // Effects run after paint: a change made in between has no listener to tell.
    if (s.value !== rendered) bump((n) => n + 1);
    return off;
  }, [s]);
  return s.value;
}
