const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from the URL that can name a record: anything else opens nothing rather than asking the API. */
export const isUuid = (value: string): boolean => UUID.test(value);
