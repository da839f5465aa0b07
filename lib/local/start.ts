/**
 * `npm start`: the whole pipeline on this machine until Ctrl-C. Environment variables as on AWS
 * (README, "Configuration"); unset ones take the local defaults in ./defaults.ts.
 */
import { applyLocalDefaults } from './defaults';

async function main(): Promise<void> {
  applyLocalDefaults();
  // Imported after the defaults so the logger and metrics see them when they are created.
  const { startLocalStack } = await import('./stack');
  const { ConfigError } = await import('../config');
  const stack = await startLocalStack().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`port ${process.env.PORT ?? 3000} is in use: stop what holds it or set PORT`);
      process.exit(2);
    }
    throw error;
  });
  console.log(`deskpro-contact-sync is running
  webhooks  POST ${stack.url}/webhooks/{hubspot|pipedrive|generic}
  health    GET  ${stack.url}/health
  deskpro   ${stack.simulator ? `simulator at ${stack.deskproUrl} (seeded from events/deskpro/seed.json)` : stack.deskproUrl}
  sqs       ${stack.sqs.recordsUrl}
Send a sample: npm run send -- events/generic/contacts.json   (Ctrl-C stops)`);

  const shutdown = () => {
    stack.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
