/**
 * class-booking-api/redis: a rate-limit store in Redis, so every process that uses one API key
 * shares one budget. Node only; it takes the app's own node-redis (4+) or ioredis client.
 */
export { createRedisStore } from "./store.js";
export type { IoRedisLike, NodeRedisLike, RedisStoreOptions } from "./store.js";
