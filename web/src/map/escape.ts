/**
 * Escaping for SVG/HTML text and attribute values. Labels, titles and links come from
 * directory data, so every one goes through these before it reaches the markup.
 */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text content: `&`, `<` and `>` are enough, quotes are escaped too so the same helper is safe anywhere. */
export function escapeText(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A value written inside double quotes. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * A link target from data, or undefined when it must not become a link: schemes that run
 * code or embed documents (javascript:, vbscript:, data:) are refused, also when disguised
 * with case, whitespace or control characters as browsers would strip them.
 */
export function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const trimmed = href.trim();
  if (trimmed === "") return undefined;
  // Browsers drop ASCII tab/newline anywhere and leading controls before reading a scheme.
  // eslint-disable-next-line no-control-regex
  const normalized = trimmed.replace(/[\u0000-\u001f\u007f\s]+/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(normalized)?.[1];
  if (scheme !== undefined && !["http", "https", "mailto", "tel"].includes(scheme)) return undefined;
  return trimmed;
}
