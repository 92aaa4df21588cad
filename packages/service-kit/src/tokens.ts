/** DI tokens of the kit. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const PRISMA = Symbol('PRISMA');
