import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Packages the service exactly as a deploy would (offline, no AWS credentials) and reads the
// CloudFormation template osls writes, so these assertions are about what would be deployed.
const root = join(__dirname, '..', '..');
let dir: string;
let resources: Record<string, { Type: string; Properties: Record<string, any>; DependsOn?: unknown }>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dcs-package-'));
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' };
  for (const name of Object.keys(env)) if (name.startsWith('AWS_')) delete env[name];
  execFileSync(join(root, 'node_modules', '.bin', 'osls'), ['package', '--stage', 'test', '--package', join(dir, 'out')], { cwd: root, env, stdio: 'pipe' });
  const template = JSON.parse(readFileSync(join(dir, 'out', 'cloudformation-template-update-stack.json'), 'utf8'));
  resources = template.Resources;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
const fn = (name: string) => resources[`${name[0]!.toUpperCase()}${name.slice(1)}LambdaFunction`]!.Properties;

describe('packaged CloudFormation template', () => {
  it('runs both functions on nodejs24.x, each with its own role', () => {
    expect(fn('webhook').Runtime).toBe('nodejs24.x');
    expect(fn('worker').Runtime).toBe('nodejs24.x');
    expect(fn('webhook').Role).toEqual({ 'Fn::GetAtt': ['WebhookRole', 'Arn'] });
    expect(fn('worker').Role).toEqual({ 'Fn::GetAtt': ['WorkerRole', 'Arn'] });
  });

  it('routes POST /webhooks/{source} on the HTTP API to the webhook function', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties.RouteKey);
    expect(routes).toEqual(['POST /webhooks/{source}']);
    const [, integration] = ofType('AWS::ApiGatewayV2::Integration')[0]!;
    expect(integration.Properties.PayloadFormatVersion).toBe('2.0');
  });

  it('declares a FIFO records queue redriving to a FIFO DLQ, after 1000 receives as a backstop', () => {
    const queue = resources.RecordsQueue!.Properties;
    const dlq = resources.DeadLetterQueue!.Properties;
    expect(queue.FifoQueue).toBe(true);
    expect(queue.QueueName).toBe('deskpro-contact-sync-test-records.fifo');
    expect(dlq.FifoQueue).toBe(true);
    expect(dlq.QueueName).toBe('deskpro-contact-sync-test-records-dlq.fifo');
    expect(queue.RedrivePolicy.deadLetterTargetArn).toEqual({ 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] });
    expect(queue.RedrivePolicy.maxReceiveCount).toBe(1000);
  });

  it('encrypts both queues and throttles the public route', () => {
    expect(resources.RecordsQueue!.Properties.SqsManagedSseEnabled).toBe(true);
    expect(resources.DeadLetterQueue!.Properties.SqsManagedSseEnabled).toBe(true);
    expect(resources.HttpApiStage!.Properties.DefaultRouteSettings).toEqual({ ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 });
  });

  it('keeps the visibility timeout at least 6x the worker timeout', () => {
    expect(fn('worker').Timeout).toBe(60);
    expect(resources.RecordsQueue!.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * fn('worker').Timeout);
  });

  it('feeds the worker from the records queue with partial batch responses', () => {
    const [, mapping] = ofType('AWS::Lambda::EventSourceMapping')[0]!;
    expect(mapping.Properties.EventSourceArn).toEqual({ 'Fn::GetAtt': ['RecordsQueue', 'Arn'] });
    expect(mapping.Properties.BatchSize).toBe(10);
    expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(mapping.Properties.ScalingConfig).toEqual({ MaximumConcurrency: 2 });
  });

  it('grants each function only the queue actions it uses', () => {
    const statements = (role: string) => resources[role]!.Properties.Policies[0].PolicyDocument.Statement
      .filter((statement: { Action: string[] }) => statement.Action.some((action) => action.startsWith('sqs:')))
      .map((statement: { Action: string[]; Resource: unknown }) => ({ Action: statement.Action, Resource: statement.Resource }));
    expect(statements('WebhookRole')).toEqual([
      { Action: ['sqs:SendMessage'], Resource: { 'Fn::GetAtt': ['RecordsQueue', 'Arn'] } },
    ]);
    expect(statements('WorkerRole')).toEqual([
      { Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'], Resource: { 'Fn::GetAtt': ['RecordsQueue', 'Arn'] } },
      { Action: ['sqs:SendMessage'], Resource: { 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] } },
    ]);
  });

  it('lets each function read only its own stage\'s SSM parameters (secrets given as ssm:/...)', () => {
    for (const role of ['WebhookRole', 'WorkerRole']) {
      const ssm = resources[role]!.Properties.Policies[0].PolicyDocument.Statement.filter((statement: { Action: string[] }) => statement.Action.some((action) => action.startsWith('ssm:')));
      expect(ssm).toEqual([{ Effect: 'Allow', Action: ['ssm:GetParameter'], Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/deskpro-contact-sync/test/*' } }]);
    }
  });

  it('alarms when records reach the DLQ', () => {
    const alarm = resources.DeadLetterQueueAlarm!.Properties;
    expect(alarm.MetricName).toBe('ApproximateNumberOfMessagesVisible');
    expect(alarm.Dimensions).toEqual([{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['DeadLetterQueue', 'QueueName'] } }]);
    expect(alarm.Threshold).toBe(0);
    expect(alarm.ComparisonOperator).toBe('GreaterThanThreshold');
  });

  it('packages each function on its own, bundled so it loads with no node_modules and answers', async () => {
    const zips = readdirSync(join(dir, 'out')).filter((file) => file.endsWith('.zip')).sort();
    expect(zips).toEqual(['webhook.zip', 'worker.zip']);
    const unpacked = join(dir, 'unpacked');
    for (const zip of zips) {
      mkdirSync(join(unpacked, zip), { recursive: true });
      execFileSync('unzip', ['-q', '-o', join(dir, 'out', zip), '-d', join(unpacked, zip)]);
    }
    expect(readdirSync(join(unpacked, 'webhook.zip', 'handlers'))).toEqual(['webhook.js', 'webhook.js.map']);

    const env = { ...process.env };
    Object.assign(process.env, {
      RECORDS_QUEUE_URL: 'http://127.0.0.1:9/000000000000/records.fifo', DLQ_URL: 'http://127.0.0.1:9/000000000000/dlq.fifo',
      DESKPRO_URL: 'http://127.0.0.1:9', DESKPRO_API_KEY: '1:abc',
    });
    try {
      // Outside the repo there is no node_modules to fall back on: everything must be in the bundle.
      const webhook = require(join(unpacked, 'webhook.zip', 'handlers', 'webhook.js'));
      const worker = require(join(unpacked, 'worker.zip', 'handlers', 'worker.js'));
      const answer = await webhook.handler({ rawPath: '/webhooks/nope', rawQueryString: '', headers: {}, pathParameters: { source: 'nope' }, isBase64Encoded: false, requestContext: { http: { method: 'POST' } } });
      expect(answer.statusCode).toBe(404);
      expect(await worker.handler({ Records: [] }, { getRemainingTimeInMillis: () => 60_000 })).toEqual({ batchItemFailures: [] });
    } finally {
      process.env = env;
    }
  });
});
