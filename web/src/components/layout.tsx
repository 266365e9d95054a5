import type { ComponentChildren } from "preact";
import { LANGS, type Lang, type Translate } from "../i18n";
import { assetUrl } from "../http/assets";

export interface Viewer {
  /** PUBLIC for visitors; OFFICIAL, SECRETARIAT, PARTNER when signed in. */
  role: string;
  /** The signed-in caller's country (ISO alpha-2), when the key has one. */
  country?: string | null;
  label?: string;
  csrf?: string;
}

export interface PageContext {
  lang: Lang;
  t: Translate;
  /** The page's path and query, to switch language keeping the page and its filters. */
  path: string;
  query: URLSearchParams;
  viewer: Viewer;
}

/** The same page and filters in another language. */
export function hrefWithLang(path: string, query: URLSearchParams, lang: Lang): string {
  const next = new URLSearchParams(query);
  next.set("lang", lang);
  return `${path}?${next}`;
}

/** A link inside the site that keeps the language. */
export const localHref = (ctx: PageContext, path: string, params: Record<string, string | string[] | undefined> = {}) => {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : value ? [value] : []) query.append(name, v);
  query.set("lang", ctx.lang);
  return `${path}?${query}`;
};

const LANG_NAMES: Record<Lang, string> = { es: "Español", en: "English", fr: "Français", pt: "Português" };

export function Layout(props: { ctx: PageContext; title: string; children: ComponentChildren; embed?: boolean; scripts?: boolean }) {
  const { ctx, title } = props;
  const { t } = ctx;
  const signedIn = ctx.viewer.role !== "PUBLIC";
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t("site.name")}`}</title>
        <meta name="description" content={t("site.description")} />
        <link rel="stylesheet" href={assetUrl("site.css")} />
        <link rel="stylesheet" href={assetUrl("print.css")} media="print" />
        <link rel="icon" href={assetUrl("icon.svg")} type="image/svg+xml" />
        <link rel="manifest" href={`/manifest.webmanifest?lang=${ctx.lang}`} />
        {props.scripts !== false && <script src={assetUrl("site.js")} defer />}
      </head>
      <body class={props.embed ? "embed" : undefined}>
        <a class="skip" href="#main">
          {t("nav.skip")}
        </a>
        {!props.embed && (
          <header class="site-header">
            <a class="brand" href={localHref(ctx, "/")}>
              {t("site.name")}
            </a>
            <nav aria-label={t("nav.label")}>
              <ul>
                <li>
                  <a href={localHref(ctx, "/")} aria-current={ctx.path === "/" ? "page" : undefined}>
                    {t("nav.directory")}
                  </a>
                </li>
                <li>
                  <a href={localHref(ctx, "/lookup")} aria-current={ctx.path === "/lookup" ? "page" : undefined}>
                    {t("nav.lookup")}
                  </a>
                </li>
                {ctx.viewer.role === "OFFICIAL" && (
                  <li>
                    <a href={localHref(ctx, "/me/corrections")}>{t("nav.myReports")}</a>
                  </li>
                )}
                {ctx.viewer.role === "OFFICIAL" && ctx.viewer.country && (
                  <li>
                    <a href={localHref(ctx, "/me/country-table")}>{t("nav.myTable")}</a>
                  </li>
                )}
                {ctx.viewer.role === "SECRETARIAT" && (
                  <li>
                    <a href={localHref(ctx, "/secretariat")}>{t("nav.secretariat")}</a>
                  </li>
                )}
                <li>
                  {signedIn ? (
                    <form method="post" action={localHref(ctx, "/signout")} class="inline">
                      <input type="hidden" name="csrf" value={ctx.viewer.csrf} />
                      <button type="submit" class="link">
                        {t("nav.signout")}
                      </button>
                    </form>
                  ) : (
                    <a href={localHref(ctx, "/signin")}>{t("nav.signin")}</a>
                  )}
                </li>
              </ul>
            </nav>
            <nav aria-label={t("lang.switch")} class="langs">
              <ul>
                {LANGS.map((lang) => (
                  <li>
                    <a href={hrefWithLang(ctx.path, ctx.query, lang)} hreflang={lang} lang={lang} aria-current={lang === ctx.lang ? "true" : undefined}>
                      {LANG_NAMES[lang]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </header>
        )}
        <main id="main">{props.children}</main>
        {!props.embed && (
          <footer class="site-footer">
            <p>
              {t("footer.about")} <a href={localHref(ctx, "/open-data")}>{t("footer.openData")}</a> · <a href="/graphql">{t("footer.api")}</a>
            </p>
          </footer>
        )}
      </body>
    </html>
  );
}

export const PUBLIC_VIEWER: Viewer = { role: "PUBLIC" };
