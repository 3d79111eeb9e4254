/**
 * The template engine behind Liquid blocks, as a port: the sandbox rules
 * (no files, own properties only, limits) are the adapter's job, so the
 * block renderer and its tests do not depend on which Liquid it is.
 */
export interface TemplateEngine {
  /** Compiles a template; throws TemplateError (with the line) when it does not parse or uses something forbidden. */
  parse(source: string): CompiledTemplate;
  /** Renders with plain-JSON data; throws TemplateError, with `limit: true` when a sandbox limit stopped it. */
  render(template: CompiledTemplate, data: Record<string, unknown>, limits: { timeMs: number }): Promise<string>;
}

/** Opaque to everyone but the engine that made it. */
export interface CompiledTemplate {
  readonly engine: string;
}

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly opts: { line?: number; limit?: boolean } = {},
  ) {
    super(opts.line ? `line ${opts.line}: ${message}` : message);
    this.name = 'TemplateError';
  }
}
