import { describe, expect, it } from "vitest";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { renderUserError } from "../../src/discord/i18n/renderUserError.js";
import { UserError } from "../../src/errors.js";

const missing = (...permissions: ("view_channel" | "send_messages" | "embed_links")[]) =>
  new UserError("permissions.channelMissingPermissions", { channelId: "42", permissions });

describe("the permissions the bot lacks in a channel", () => {
  it("agree in number with the verb in Spanish", () => {
    const es = translatorFor("es");
    expect(renderUserError(es, missing("embed_links"))).toContain("me falta allí el permiso **Insertar enlaces**. Dámelo");
    expect(renderUserError(es, missing("view_channel", "send_messages"))).toContain(
      "me faltan allí los permisos **Ver canal** y **Enviar mensajes**. Dámelos",
    );
  });

  it("are joined the way each language joins them, whatever word follows", () => {
    expect(renderUserError(translatorFor("es"), missing("send_messages", "embed_links"))).toContain(
      "los permisos **Enviar mensajes** e **Insertar enlaces**",
    );
    expect(renderUserError(translatorFor("en"), missing("view_channel", "send_messages", "embed_links"))).toContain(
      "the **View Channel**, **Send Messages** and **Embed Links** permissions",
    );
  });
});

describe("the zones suggested for a mistyped one", () => {
  const typo = new UserError("input.timeZoneTypo", { value: "Europe/Berln", suggestions: ["Europe/Berlin", "Europe/Bern"] });

  it("are offered as alternatives, with 'or' in English and 'o' in Spanish", () => {
    expect(renderUserError(translatorFor("en"), typo)).toContain("did you mean **Europe/Berlin** or **Europe/Bern**?");
    expect(renderUserError(translatorFor("es"), typo)).toContain("¿quisiste decir **Europe/Berlin** o **Europe/Bern**?");
  });
});
