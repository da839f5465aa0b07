// Starts one embedded SQS (fauxqs) for the whole suite; tests create their own queues on it.
import { startFauxqs } from 'fauxqs';

export default async function globalSetup() {
  const server = await startFauxqs({ port: 0, logger: false });
  globalThis.__FAUXQS__ = server;
  process.env.TEST_SQS_ENDPOINT = `http://127.0.0.1:${server.port}`;
}
