import "./styles.ts";
import { startApp } from "@gugus/ui";
import { App } from "./App.tsx";
import { adminMessages } from "./i18n/index.ts";

startApp({ messages: adminMessages, base: "/admin", App });
