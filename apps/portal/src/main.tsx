import "./styles.ts";
import { startApp } from "@gugus/ui";
import { App } from "./App.tsx";
import { portalMessages } from "./i18n/index.ts";
import { registerServiceWorker } from "./serviceWorker.ts";

startApp({ messages: portalMessages, base: "/portal", App });
registerServiceWorker();
