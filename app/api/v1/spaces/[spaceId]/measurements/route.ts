import { apiRoute } from '@/server/api/handler';
import { recordMeasurementOperation } from '@/server/api/operations/register';
import { recordMeasurement } from '@/server/registry/record-measurement';
import { toMeasurementView } from '@/server/registry/views';

export const POST = apiRoute(recordMeasurementOperation, async ({ ctx, params, body }) =>
  toMeasurementView(await recordMeasurement(ctx, params.spaceId, body)),
);
