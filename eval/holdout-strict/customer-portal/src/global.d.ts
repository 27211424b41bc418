declare global {
  /** Google tag, loaded by <Script> in the root layout. */
  function gtag(command: 'config' | 'event' | 'set' | 'consent', target: string, params?: Record<string, unknown>): void;
}

export {};
