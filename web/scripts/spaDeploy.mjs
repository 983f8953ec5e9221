// Uploads a built SPA (web/dist) to its S3 bucket and invalidates the CloudFront distribution in front of it.
// The same cache rules as the local edge (services/edge, SpaHeaders): Vite's content-hashed files under
// assets/ are immutable for a year; everything else, index.html above all, is revalidated on every load.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** The object key's Cache-Control. */
export function cacheControlOf(key) {
  return key.startsWith('assets/') ? IMMUTABLE : REVALIDATE;
}

export function contentTypeOf(key) {
  return TYPES[extname(key).toLowerCase()] ?? 'application/octet-stream';
}

async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      relative(dir, join(e.parentPath ?? e.path, e.name))
        .split(sep)
        .join('/'),
    )
    .sort();
}

/**
 * The upload plan: every file of the build with its headers, index.html last, so that no browser
 * loads a new index.html before the files it names are there. config.json is never part of it: in AWS
 * Terraform writes it beside the SPA (docs/api.md), and a deploy must not replace it.
 */
export async function planUpload(dist) {
  const keys = (await filesUnder(dist)).filter((k) => k !== 'config.json');
  if (!keys.includes('index.html')) {
    throw new Error(`${dist} has no index.html: build the SPA first (npm run build)`);
  }
  const ordered = [...keys.filter((k) => k !== 'index.html'), 'index.html'];
  return ordered.map((key) => ({
    key,
    cacheControl: cacheControlOf(key),
    contentType: contentTypeOf(key),
  }));
}

/** The paths CloudFront may hold an old copy of: everything that is not content-hashed, and "/". */
export function invalidationPaths(plan) {
  return ['/', ...plan.filter((f) => f.cacheControl !== IMMUTABLE).map((f) => `/${f.key}`)];
}

/**
 * Deploys: uploads the plan to the bucket (old hashed assets stay, for pages still open; the bucket
 * is versioned), then invalidates the non-hashed paths. Returns what it did.
 */
export async function deploySpa({ dist, bucket, distributionId, s3, cloudfront, log = () => {} }) {
  const plan = await planUpload(dist);
  for (const file of plan) {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: file.key,
        Body: await readFile(join(dist, file.key)),
        ContentType: file.contentType,
        CacheControl: file.cacheControl,
      }),
    );
    log(`uploaded s3://${bucket}/${file.key} (${file.cacheControl})`);
  }
  const paths = invalidationPaths(plan);
  const answer = await cloudfront.send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: {
        CallerReference: `emporium-web-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
        Paths: { Quantity: paths.length, Items: paths },
      },
    }),
  );
  const invalidationId = answer.Invalidation?.Id;
  log(`invalidated ${paths.join(' ')} on ${distributionId} (invalidation ${invalidationId})`);
  return { uploaded: plan.map((f) => f.key), invalidationId, paths };
}
