// The ES module build: `import { CartlyPortal } from '.../portal-widget.mjs'`. Importing it defines <cartly-portal>.
import { defineElement } from './element.js';
import { mount } from './mount.js';

export type { MountOptions, PortalHandle } from './mount.js';
export { mount, defineElement };

export const version = '0.1.0';
export const CartlyPortal = { mount, defineElement, version };

defineElement();
