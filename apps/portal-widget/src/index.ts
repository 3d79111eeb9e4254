export { createPortalClient, type PortalClient, type PortalClientOptions } from './client.js';
