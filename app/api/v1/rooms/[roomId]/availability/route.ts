import { apiRoute } from '@/server/api/handler';
import { availabilityOperation } from '@/server/api/operations/bookings';
import { getAvailability } from '@/server/bookings/availability';

export const GET = apiRoute(availabilityOperation, ({ params, query }) => getAvailability(params.roomId, query.from, query.to));
