// Fixed addresses of the `npm start` environment, shared by start.mjs and cartly.mjs.
export const DEV_PG_PORT = 54329;
export const DEV_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${DEV_PG_PORT}/cartly`;
export const DEV_TEMPORAL_PORT = 7233;
export const DEV_API_PORT = 3000;
export const DEV_SMTP_PORT = 2525;
export const DEV_WIDGET_PORT = 3001;
