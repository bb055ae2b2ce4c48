/**
 * A tiny safe template tag for the portal's pages: every value put into a template is HTML-escaped
 * unless it is itself `html` (a piece built the same way). No page builds markup by concatenating
 * user text, and no script ever sets `innerHTML` from it.
 */

/** Markup known to be safe: built only by {@link html} (or {@link raw} for constant markup). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for HTML content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"'`]/g, (c) => ENTITIES[c] as string);

const render = (value: unknown): string => {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
};

/** `html\`<p>${userText}</p>\``: user text escaped, nested `html` kept, arrays joined, empty values dropped. */
export const html = (strings: TemplateStringsArray, ...values: readonly unknown[]): SafeHtml =>
  new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));

/** Constant markup written in the code (never user text). */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);
