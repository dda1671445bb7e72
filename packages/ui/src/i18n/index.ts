/**
 * Translations: Bahasa Indonesia first (the default), English second. The messages both apps use
 * live here, one file per feature with both languages side by side; each app adds its own messages
 * (apps/admin/src/i18n, apps/portal/src/i18n) and types `t()` with exactly the keys it loads.
 */
import i18next from "i18next";
import type { i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { accountsMessages } from "./accounts.ts";
import { authMessages } from "./auth.ts";
import { compositionMessages } from "./composition.ts";
import { errorMessages } from "./errors.ts";
import { evaluationMessages } from "./evaluation.ts";
import { formationMessages } from "./formation.ts";
import { generalMessages } from "./general.ts";
import { hierarchyMessages } from "./hierarchy.ts";
import { offlineMessages } from "./offline.ts";
import { ranMessages } from "./ran.ts";
import { reportsMessages } from "./reports.ts";
import { reviewMessages } from "./review.ts";
import { sessionsMessages } from "./sessions.ts";
// Regional action plans (RAD)
import { radMessages } from "./rad.ts";
// Announcements
import { announcementsMessages } from "./announcements.ts";
import { LANGUAGES } from "./types.ts";
import type { Language, MessagesLike } from "./types.ts";

export { LANGUAGES };
export type { Language, MessagesLike };

const id = {
  ...generalMessages.id,
  ...hierarchyMessages.id,
  ...formationMessages.id,
  ...compositionMessages.id,
  ...ranMessages.id,
  ...reportsMessages.id,
  ...offlineMessages.id,
  ...reviewMessages.id,
  ...evaluationMessages.id,
  ...authMessages.id,
  ...accountsMessages.id,
  ...sessionsMessages.id,
  // Regional action plans (RAD)
  ...radMessages.id,
  // Announcements
  ...announcementsMessages.id,
  ...errorMessages.id,
};

const en: MessagesLike<typeof id> = {
  ...generalMessages.en,
  ...hierarchyMessages.en,
  ...formationMessages.en,
  ...compositionMessages.en,
  ...ranMessages.en,
  ...reportsMessages.en,
  ...offlineMessages.en,
  ...reviewMessages.en,
  ...evaluationMessages.en,
  ...authMessages.en,
  ...accountsMessages.en,
  ...sessionsMessages.en,
  // Regional action plans (RAD)
  ...radMessages.en,
  // Announcements
  ...announcementsMessages.en,
  ...errorMessages.en,
};

/** The messages both apps use, in both languages. */
export const sharedMessages = { id, en };

/** The shape of the shared messages (the Indonesian original). */
export type SharedMessages = typeof id;

/** An app's own messages in both languages, English with exactly the Indonesian keys. */
export type AppMessages<T> = { id: T; en: MessagesLike<T> };

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

/** Creates and initialises the i18n instance of an app with the shared messages and its own. */
export function createI18n<T extends object>(own: AppMessages<T>, language: Language = storedLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: "id",
    supportedLngs: [...LANGUAGES],
    resources: {
      id: { translation: { ...sharedMessages.id, ...own.id } },
      en: { translation: { ...sharedMessages.en, ...own.en } },
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
