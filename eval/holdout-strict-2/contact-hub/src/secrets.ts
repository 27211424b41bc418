import ky from 'ky';
import { env } from './env';

interface KvResponse {
  data: { data: { value: string }; metadata: { version: number } };
}

const cache = new Map<string, { value: string; expires: number }>();
const TTL_MS = 10 * 60 * 1000;

/** Reads a secret from Vault KV v2 (mount `kv`, prefix `contact-hub/`). Cached for 10 minutes. */
export async function getSecret(path: string): Promise<string> {
  const hit = cache.get(path);
  if (hit && hit.expires > Date.now()) return hit.value;
  const res = await ky.get(`${env.VAULT_ADDR}/v1/kv/data/contact-hub/${path}`, { headers: { 'X-Vault-Token': process.env.VAULT_TOKEN ?? '' }, timeout: 5000 }).json<KvResponse>(); // safe: no-pii-in-url — secret path, not personal data
  cache.set(path, { value: res.data.data.value, expires: Date.now() + TTL_MS });
  return res.data.data.value;
}
