// The classic-script build: <script src=".../portal-widget.js"></script> sets window.CartlyPortal and defines <cartly-portal>.
export { mount, defineElement, version } from './index.js';
