/**
 * Wallboard relay (runs on the small Cloud Run service, not as a function).
 * Subscribes to the Flex realtime stream, aggregates per-queue stats and
 * pushes them to the floor displays and to any supervisor browser connected
 * to our own socket.
 */
import http from 'node:http';
import WebSocket, { WebSocketServer } from 'ws';
import { urls } from '../config';
import { maskPhone } from '../lib/mask';

interface QueueStat {
  queue: string;
  waiting: number;
  longestWaitSec: number;
  agentsAvailable: number;
}

interface RealtimeFrame {
  kind: 'queue' | 'task';
  queue: string;
  waiting?: number;
  longestWaitSec?: number;
  agentsAvailable?: number;
  taskSid?: string;
  from?: string;
  status?: string;
}

const stats = new Map<string, QueueStat>();
const supervisors = new Set<WebSocket>();

function broadcast(payload: unknown): void {
  const frame = JSON.stringify(payload);
  for (const ws of supervisors) {
    if (ws.readyState === WebSocket.OPEN) ws.send(frame);
  }
}

function connectUpstream(): WebSocket {
  const upstream = new WebSocket(urls.wallboardUpstream, {
    headers: { authorization: `Bearer ${process.env.REALTIME_TOKEN ?? ''}` },
  });

  upstream.on('message', (data) => {
    let frame: RealtimeFrame;
    try {
      frame = JSON.parse(data.toString()) as RealtimeFrame;
    } catch {
      return;
    }

    if (frame.kind === 'queue') {
      const stat: QueueStat = {
        queue: frame.queue,
        waiting: frame.waiting ?? 0,
        longestWaitSec: frame.longestWaitSec ?? 0,
        agentsAvailable: frame.agentsAvailable ?? 0,
      };
      stats.set(frame.queue, stat);
      broadcast({ type: 'queue', stat });
      floor?.send(JSON.stringify({ type: 'queue', stat }));
    } else if (frame.kind === 'task' && frame.status === 'pending') {
      broadcast({ type: 'waiting-caller', taskSid: frame.taskSid, queue: frame.queue, caller: maskPhone(frame.from) });
    }
  });

  upstream.on('close', () => {
    console.warn('upstream closed, reconnecting in 5s');
    setTimeout(() => {
      upstreamSocket = connectUpstream();
    }, 5000);
  });

  return upstream;
}

// Floor displays are dumb TVs on the office network.
let floor: WebSocket | null = new WebSocket(urls.floorDisplays);
floor.on('error', (err) => {
  console.error('floor displays unreachable:', err.message);
  floor = null;
});

let upstreamSocket = connectUpstream();

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200).end(JSON.stringify({ queues: stats.size, supervisors: supervisors.size, upstream: upstreamSocket.readyState }));
    return;
  }
  res.writeHead(404).end();
});

const wss = new WebSocketServer({ server, path: '/supervisors' });
wss.on('connection', (ws, req) => {
  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token'); // safe: no-plaintext-transport — loopback base used only to parse the path
  if (token !== process.env.SUPERVISOR_TOKEN) {
    ws.close(4401, 'unauthorised');
    return;
  }
  supervisors.add(ws);
  ws.send(JSON.stringify({ type: 'snapshot', stats: [...stats.values()] }));
  ws.on('close', () => supervisors.delete(ws));
  console.info(`supervisor connected, ${supervisors.size} watching`);
});

server.listen(Number(process.env.PORT ?? 8080), () => {
  console.info('wallboard relay listening');
});
