import type { ExtensionSettings } from '@cartly/db';
import { AppError } from '../errors.js';

/** The app's settings with the merchant's overrides applied; an override of a setting the app dropped is ignored. */
export function effectiveSettings(app: ExtensionSettings, override: ExtensionSettings): ExtensionSettings {
  const out: ExtensionSettings = {};
  for (const [name, value] of Object.entries(app)) out[name] = Object.hasOwn(override, name) ? override[name]! : value;
  return out;
}

/** The merchant's new overrides: only settings the app defined; `null` drops an override. */
export function overridesFrom(app: ExtensionSettings, given: ExtensionSettings): ExtensionSettings {
  const out: ExtensionSettings = {};
  for (const [name, value] of Object.entries(given)) {
    if (!Object.hasOwn(app, name)) {
      throw new AppError('BUSINESS_RULE', `settings.${name}: the app defines no such setting`, { details: { known: Object.keys(app) } });
    }
    if (value !== null) out[name] = value;
  }
  return out;
}
