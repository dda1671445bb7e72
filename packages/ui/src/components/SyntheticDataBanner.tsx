/**
 * The notice every screen shows while the instance holds synthetic demonstration data (`pnpm cli
 * demo`): plain text, not a live region (it does not change while one looks at it). Dark text on
 * light yellow, well above the AA contrast ratio.
 */
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function SyntheticDataBanner() {
  const { t } = useTranslation();
  return (
    <Text
      component="p"
      m={0}
      mb="md"
      px="md"
      py={6}
      ta="center"
      fw={600}
      size="sm"
      bg="yellow.2"
      c="dark.9"
      style={{ border: "1px solid var(--mantine-color-yellow-7)", borderRadius: "var(--mantine-radius-sm)" }}
    >
      {t("demo.banner")}
    </Text>
  );
}
