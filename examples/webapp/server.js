'use strict';
// The example app that ecsforge's release walkthrough ships: a dependency-free HTTP server for
// an ECS Fargate task behind an Application Load Balancer. It writes nothing to disk, because
// the task runs with a read-only root filesystem (service.readonlyRootFilesystem).

const http = require('node:http');

const VERSION = process.env.APP_VERSION || 'unknown';
// Left unset, Node listens on every interface, which the load balancer needs to reach the task.
const HOST = process.env.HOST || undefined;
const PORT = parsePort(process.env.PORT, 3000);

// Longer than the load balancer's idle timeout (loadBalancer.idleTimeoutSeconds, 60 by default)
// so that the balancer, not the app, closes an idle connection. Were the app first, the balancer
// could send a request down a connection the app is closing and answer the client with a 502.
// Raise it with idleTimeoutSeconds. Node requires headersTimeout to be longer still.
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
const HEADERS_TIMEOUT_MS = 66_000;

// ECS sends SIGTERM and, 30 seconds later (the container's stopTimeout), SIGKILL. Requests still
// running after this long are cut and the exit code says so, before SIGKILL hides it.
const SHUTDOWN_DEADLINE_MS = 25_000;

// A Map, not an object literal: a request target such as "constructor" must not find a route.
const ROUTES = new Map([
  ['/health', (res) => send(res, 200, 'application/json', JSON.stringify({ status: 'ok', version: VERSION }))],
  ['/', (res) => send(res, 200, 'text/plain; charset=utf-8', `Hello from webapp ${VERSION}\n`)],
]);

let shuttingDown = false;

const server = http.createServer((req, res) => {
  const started = process.hrtime.bigint();
  // The path without its query string, which may carry tokens that have no place in the logs.
  const path = req.url.split('?', 1)[0];
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    log({ msg: 'request', method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 });
  });
  if (shuttingDown) {
    // Node would keep the connection open for the next request; close it so the server can stop.
    res.setHeader('Connection', 'close');
  }
  const route = ROUTES.get(path);
  if (!route) {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
  } else if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
  } else {
    route(res);
  }
});
server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
server.headersTimeout = HEADERS_TIMEOUT_MS;

server.on('error', (err) => {
  log({ msg: 'server error', error: err.message });
  process.exit(1);
});

server.listen(PORT, HOST, () => {
  log({ msg: 'listening', port: server.address().port, version: VERSION });
});

function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  log({ msg: 'shutting down', signal });
  // Stops accepting connections and calls back once the requests in flight have been answered.
  server.close(() => {
    log({ msg: 'stopped' });
    process.exit(0);
  });
  // Kept-alive connections with no request in flight would hold the server open until they time out.
  server.closeIdleConnections();
  setTimeout(() => {
    log({ msg: 'requests still running at the shutdown deadline; closing them', deadlineMs: SHUTDOWN_DEADLINE_MS });
    server.closeAllConnections();
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
}

// As PID 1 in a container, Node gets no default signal handlers: without these, SIGTERM would be
// ignored and ECS would have to SIGKILL the task.
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

// One JSON line on stdout per event: ECS's awslogs driver sends stdout to CloudWatch Logs, where
// Logs Insights reads the fields without a parse pattern.
function log(fields) {
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...fields }) + '\n');
}

function parsePort(value, fallback) {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a whole number from 0 to 65535; found ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return port;
}
