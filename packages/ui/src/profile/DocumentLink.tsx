/**
 * An instrument's document reference beside it: an http(s) link opens in a new tab (`noopener
 * noreferrer`) and shows its host, so a reader sees where it leads ("jdih.bekasikota.go.id").
 * References are checked as links when entered (`DocumentRefSchema`), but the database column takes
 * any text, so a reference that is not a link (one kept from before that rule) shows as plain text,
 * never as a link; none reads as a dash.
 */
import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The host of an http(s) link, or null when the text is not one. */
export function linkHostOf(ref: string): string | null {
  if (!/^https?:\/\//i.test(ref) || /\s/.test(ref)) return null;
  try {
    const url = new URL(ref);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" ? url.hostname : null;
  } catch {
    return null;
  }
}

export function DocumentLink({ documentRef }: { documentRef: string | null }) {
  const { t } = useTranslation();
  if (!documentRef) return <Text size="sm">—</Text>;
  const host = linkHostOf(documentRef);
  if (host === null)
    return (
      <Text size="sm" style={{ overflowWrap: "anywhere" }} data-testid="document-ref-text">
        {documentRef}
      </Text>
    );
  return (
    <Anchor href={documentRef} target="_blank" rel="noopener noreferrer" size="sm" aria-label={t("formation.documentOpens", { host })} data-testid="document-link" style={{ overflowWrap: "anywhere" }}>
      {`${host} ↗`}
    </Anchor>
  );
}
