import { describe, expect, it } from 'vitest';
import { parseWorkerEnv, WorkerEnvError } from './env';

const valid = {
  REDIS_URL: 'redis://127.0.0.1:6379',
  SMTP_URL: 'smtps://user:secret@smtp.example.jp:465',
  DATABASE_APP_URL: 'postgres://kyogikai_app:secret@db.internal:5432/kyogikai',
  S3_ENDPOINT: 'http://minio:9000',
  S3_REGION: 'us-east-1',
  S3_BUCKET: 'kyogikai',
  S3_ACCESS_KEY_ID: 'kyogikai-app',
  S3_SECRET_ACCESS_KEY: 'secret',
};

describe('parseWorkerEnv', () => {
  it('accepts a complete environment', () => {
    expect(parseWorkerEnv({ ...valid, UNRELATED: 'x' })).toEqual(valid);
    expect(parseWorkerEnv({ ...valid, MAIL_QUEUE_PREFIX: 'kyogikai' }).MAIL_QUEUE_PREFIX).toBe('kyogikai');
  });

  it('lists every problem at once, without echoing values', () => {
    const error = (() => {
      try {
        parseWorkerEnv({ SMTP_URL: 'http://user:hunter2@mail.example.jp', DATABASE_APP_URL: '' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(WorkerEnvError);
    const { problems, message } = error as WorkerEnvError;
    expect(problems).toEqual([
      'REDIS_URL: missing',
      'SMTP_URL: an smtp:// or smtps:// URL',
      'DATABASE_APP_URL: missing',
      'S3_ENDPOINT: missing',
      'S3_REGION: missing',
      'S3_BUCKET: missing',
      'S3_ACCESS_KEY_ID: missing',
      'S3_SECRET_ACCESS_KEY: missing',
    ]);
    expect(message).not.toContain('hunter2');
  });
});
