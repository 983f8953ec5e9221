import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  CloudFrontClient,
  CreateDistributionCommand,
  ListInvalidationsCommand,
  GetInvalidationCommand,
} from '@aws-sdk/client-cloudfront';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMoto } from './moto.mjs';
import { IMMUTABLE, planUpload, REVALIDATE } from './spaDeploy.mjs';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

function builtSpa() {
  const dist = mkdtempSync(join(tmpdir(), 'spa-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><script type="module" src="/assets/index-Ab12.js"></script>',
  );
  writeFileSync(join(dist, 'assets/index-Ab12.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets/index-Cd34.css'), 'body{}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, 'config.json'), '{"from":"the build"}');
  return dist;
}

describe('./emporium web deploy against the emulator’s S3 and CloudFront', () => {
  let moto;
  let s3;
  let cloudfront;
  let distributionId;
  const bucket = 'emporium-dev-web'; // the dev environment's, by the edge module's naming
  let decoyId;

  beforeAll(async () => {
    moto = await startMoto();
    const options = { region: 'us-east-1', endpoint: moto.endpoint, credentials };
    s3 = new S3Client({ ...options, forcePathStyle: true });
    cloudfront = new CloudFrontClient(options);
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    // What Terraform writes beside the SPA (docs/api.md): a deploy must leave it alone.
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'config.json', Body: '{"from":"terraform"}' }),
    );
    const distribution = (id, domain) =>
      cloudfront.send(
        new CreateDistributionCommand({
          DistributionConfig: {
            CallerReference: id,
            Comment: id,
            Enabled: true,
            Origins: {
              Quantity: 1,
              Items: [
                { Id: 'spa', DomainName: domain, S3OriginConfig: { OriginAccessIdentity: '' } },
              ],
            },
            DefaultCacheBehavior: {
              TargetOriginId: 'spa',
              ViewerProtocolPolicy: 'redirect-to-https',
              ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } },
              MinTTL: 0,
              TrustedSigners: { Enabled: false, Quantity: 0 },
            },
          },
        }),
      );
    decoyId = (await distribution('emporium-prod', 'emporium-prod-web.s3.us-east-1.amazonaws.com'))
      .Distribution.Id;
    distributionId = (await distribution('emporium-dev', `${bucket}.s3.us-east-1.amazonaws.com`))
      .Distribution.Id;
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
  });

  it("uploads to the environment's bucket with each file's cache rule, and invalidates the distribution serving it", async () => {
    const dist = builtSpa();
    const { stdout } = await run(
      join(REPO, 'emporium'),
      ['web', 'deploy', '--env', 'dev', '--dist', dist],
      {
        cwd: REPO,
        env: {
          ...process.env,
          EMPORIUM_AWS_ENDPOINT: moto.endpoint,
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
        },
      },
    );
    expect(stdout).toContain('4 files deployed');

    const head = (Key) => s3.send(new HeadObjectCommand({ Bucket: bucket, Key }));
    expect(await head('index.html')).toMatchObject({
      CacheControl: REVALIDATE,
      ContentType: 'text/html; charset=utf-8',
    });
    expect(await head('favicon.svg')).toMatchObject({
      CacheControl: REVALIDATE,
      ContentType: 'image/svg+xml',
    });
    expect(await head('assets/index-Ab12.js')).toMatchObject({
      CacheControl: IMMUTABLE,
      ContentType: 'text/javascript; charset=utf-8',
    });
    expect(await head('assets/index-Cd34.css')).toMatchObject({
      CacheControl: IMMUTABLE,
      ContentType: 'text/css; charset=utf-8',
    });
    const config = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'config.json' }));
    expect(await config.Body.transformToString()).toBe('{"from":"terraform"}');

    const list = await cloudfront.send(
      new ListInvalidationsCommand({ DistributionId: distributionId }),
    );
    expect(list.InvalidationList.Quantity).toBe(1);
    const decoy = await cloudfront.send(new ListInvalidationsCommand({ DistributionId: decoyId }));
    expect(decoy.InvalidationList.Quantity ?? 0).toBe(0);
    const invalidation = await cloudfront.send(
      new GetInvalidationCommand({
        DistributionId: distributionId,
        Id: list.InvalidationList.Items[0].Id,
      }),
    );
    expect([...invalidation.Invalidation.InvalidationBatch.Paths.Items].sort()).toEqual([
      '/',
      '/favicon.svg',
      '/index.html',
    ]);
  });

  it('refuses a folder without a build, before touching the bucket', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'spa-empty-'));
    await expect(
      run(
        join(REPO, 'emporium'),
        ['web', 'deploy', '--bucket', bucket, '--distribution-id', distributionId, '--dist', empty],
        {
          cwd: REPO,
          env: {
            ...process.env,
            EMPORIUM_AWS_ENDPOINT: moto.endpoint,
            AWS_ACCESS_KEY_ID: 'test',
            AWS_SECRET_ACCESS_KEY: 'test',
          },
        },
      ),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('has no index.html') });
  });

  it('refuses an environment that does not exist', async () => {
    await expect(
      run(join(REPO, 'emporium'), ['web', 'deploy', '--env', 'nowhere'], { cwd: REPO }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining("no environment 'nowhere'"),
    });
  });

  it('uploads index.html last, so no browser sees it before the files it names', async () => {
    const plan = await planUpload(builtSpa());
    expect(plan.map((f) => f.key)).toEqual([
      'assets/index-Ab12.js',
      'assets/index-Cd34.css',
      'favicon.svg',
      'index.html',
    ]);
  });
});
