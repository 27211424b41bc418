import log from 'loglevel';

declare global {
  interface Window {
    __SOFTPHONE_DEBUG__?: boolean;
  }
}

log.setDefaultLevel(window.__SOFTPHONE_DEBUG__ ? 'debug' : 'warn');

export default log;
