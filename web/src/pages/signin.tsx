import { Layout, localHref, type PageContext } from "../components/layout";
import type { MessageKey } from "../i18n";
import type { PageResult } from "../http/page";

export interface SignInForm {
  /** The sign-in form's own CSRF token (the enlace_signin cookie holds the same). */
  token: string;
  /** Where to go once signed in (a local path). */
  next?: string;
  error?: "wrongKey" | "expired" | "tooMany";
  /** With "tooMany": how long to wait. */
  retryAfterSeconds?: number;
  /** A session unused this long ends (said on the page). */
  idleHours: number;
  status?: number;
}

/** The sign-in page: paste an API key once; it becomes a session and is never shown again. */
export function signInPage(ctx: PageContext, form: SignInForm): PageResult {
  const { t } = ctx;
  const title = t("signin.title");
  const signedIn = ctx.viewer.role !== "PUBLIC";
  const error =
    form.error === "wrongKey"
      ? t("signin.wrongKey")
      : form.error === "expired"
        ? t("signin.expired")
        : form.error === "tooMany"
          ? t("signin.tooMany", { minutes: Math.max(1, Math.ceil((form.retryAfterSeconds ?? 60) / 60)) })
          : undefined;
  return {
    title,
    status: form.status,
    shared: false, // a token per visitor
    body: (
      <Layout ctx={ctx} title={title}>
        <h1>{title}</h1>
        {signedIn && <p class="notice">{t("signin.already", { role: t(`role.${ctx.viewer.role}` as MessageKey) })}</p>}
        {error && (
          <p class="notice error" role="alert" id="signin-error">
            {error}
          </p>
        )}
        <p>{t("signin.intro")}</p>
        <form method="post" class="signin-form" action={localHref(ctx, "/signin")}>
          <input type="hidden" name="csrf" value={form.token} />
          {form.next && <input type="hidden" name="next" value={form.next} />}
          <p class="field">
            <label for="f-key">{t("signin.key")}</label>
            <input
              id="f-key"
              name="key"
              type="password"
              required
              autocomplete="off"
              spellcheck={false}
              maxlength={200}
              aria-describedby={error ? "signin-error key-hint" : "key-hint"}
              aria-invalid={error ? "true" : undefined}
            />
            <span class="hint" id="key-hint">
              {t("signin.keyHint")}
            </span>
          </p>
          <p class="actions">
            <button type="submit">{t("signin.submit")}</button>
          </p>
        </form>
        <p class="muted">{t("signin.cookie", { hours: form.idleHours })}</p>
      </Layout>
    ),
  };
}
