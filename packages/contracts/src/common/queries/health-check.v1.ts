import { defineQuery } from '../../contract';
import { EmptyDto } from '../dto';

/** Readiness of a service (its PostgreSQL and NATS), asked over NATS by the gateway. */
export const healthCheckContract = (service: string) => defineQuery(`${service}.health.check.v1`, EmptyDto);
