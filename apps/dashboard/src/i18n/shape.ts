/** The same keys as the Chinese resource, any string values: keeps en complete. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
