/**
 * Starting an app: its own messages beside the shared ones, the theme, the API client and the router
 * under the app's base path, rendered into `#root`. Both apps start through this one function.
 */
import { MantineProvider } from "@mantine/core";
import { StrictMode } from "react";
import type { ComponentType } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { Router } from "wouter";
import { createI18n } from "../i18n/index.ts";
import type { AppMessages } from "../i18n/index.ts";
import { theme } from "../theme.ts";
import { ApiProvider } from "../trpc.tsx";

export function startApp<T extends object>({ messages, base, App }: { messages: AppMessages<T>; base: `/${string}`; App: ComponentType }): void {
  const i18n = createI18n(messages);
  const root = document.getElementById("root");
  if (!root) throw new Error("the page has no #root element");
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme}>
          <ApiProvider>
            <Router base={base}>
              <App />
            </Router>
          </ApiProvider>
        </MantineProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
