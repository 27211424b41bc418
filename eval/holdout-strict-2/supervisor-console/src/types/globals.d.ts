export {};

declare global {
  interface Window {
    dataLayer: Array<Record<string, unknown>>;
    _paq: unknown[][];
    hj?: (...args: unknown[]) => void;
    heap?: {
      identify(identity: string): void;
      addUserProperties(props: Record<string, string | number | boolean>): void;
      track(event: string, props?: Record<string, string | number | boolean>): void;
    };
  }
}
