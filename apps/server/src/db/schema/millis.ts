/** Times are milliseconds since the epoch in both SQLite and PostgreSQL. */
export type Millis = number;
