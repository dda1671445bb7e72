/**
 * Translations: Bahasa Indonesia first (the default), English second. Each app loads the common
 * messages plus its own section; the choice of language is kept in the browser.
 */
import i18next from "i18next";
import type { i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { admin } from "./admin.ts";
import { common } from "./common.ts";
import { portal } from "./portal.ts";
import { LANGUAGES } from "./types.ts";
import type { Language } from "./types.ts";

export { admin, common, portal, LANGUAGES };
export type { Language };
export type { MessagesLike } from "./types.ts";

/** The full message tree (all sections), which types `t()` everywhere. */
export type Messages = typeof common.id & { admin: typeof admin.id; portal: typeof portal.id };

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}

const STORAGE_KEY = "gugus.language";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : "id";
  } catch {
    return "id";
  }
}

/** Creates and initialises the i18n instance of an app with the common messages and its own section. */
export function createI18n(section: "admin" | "portal", language: Language = storedLanguage()): I18n {
  const own = section === "admin" ? admin : portal;
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: "id",
    supportedLngs: [...LANGUAGES],
    resources: {
      id: { translation: { ...common.id, [section]: own.id } },
      en: { translation: { ...common.en, [section]: own.en } },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  const setDocumentLanguage = (lng: string) => {
    if (typeof document !== "undefined") document.documentElement.lang = lng;
  };
  setDocumentLanguage(instance.language);
  instance.on("languageChanged", (lng) => {
    setDocumentLanguage(lng);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, lng);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page only.
    }
  });
  return instance;
}

/** BCP 47 locale for number and date formatting in a language. */
export function localeOf(language: string): string {
  return language === "en" ? "en-GB" : "id-ID";
}
