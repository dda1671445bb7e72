import { config } from "@gugus/eslint-config";

export default config({ dir: import.meta.dirname, kind: "node" });
