import "@mantine/core/styles.css";
import { MantineProvider } from "@mantine/core";
import { ApiProvider, theme } from "@gugus/ui";
import { createI18n } from "@gugus/ui/i18n";
import { adminMessages } from "./i18n/index.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { Router } from "wouter";
import { App } from "./App.tsx";

const i18n = createI18n(adminMessages);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <ApiProvider>
          <Router base="/admin">
            <App />
          </Router>
        </ApiProvider>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
