import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import { PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { z } from 'zod';

import { s3, EXPORT_BUCKET } from '../infra/s3';
import { db } from '../infra/db';
import { requireScope } from '../auth/scopes';
import { toCsv } from '../lib/csv';
import { buildExportQuery } from './exportQuery';
import { logger } from '../infra/logger';

const ExportRequest = z.object({
  report: z.enum(['transactions', 'settlements', 'disputes']),
  from: z.string().datetime(),
  to: z.string().datetime(),
  columns: z.array(z.string()).optional(),
  format: z.literal('csv').default('csv'),
});

export const reportExportsRouter = Router();

reportExportsRouter.post('/v1/reports/exports', requireScope('reports:read'), async (req, res, next) => {
  const started = Date.now();
  try {
    const params = ExportRequest.parse(req.body);
    const { text, values } = buildExportQuery(req.account.id, params);

    const result = await db.query(text, values);
    logger.info({ account: req.account.id, report: params.report, rows: result.rowCount,
                  query_ms: Date.now() - started }, 'export query finished');

    const csv = toCsv(result.rows, params.columns);
    const key = `exports/${req.account.id}/${randomUUID()}.csv`;
    await s3.send(new PutObjectCommand({
      Bucket: EXPORT_BUCKET, Key: key, Body: csv, ContentType: 'text/csv',
    }));

    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: EXPORT_BUCKET, Key: key }),
                                   { expiresIn: 3600 });
    logger.info({ account: req.account.id, key, total_ms: Date.now() - started }, 'export uploaded');

    res.status(200).json({ download_url: url, row_count: result.rowCount, expires_in: 3600 });
  } catch (err) {
    next(err);
  }
});
