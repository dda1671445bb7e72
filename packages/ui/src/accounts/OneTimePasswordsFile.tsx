import { Alert, Button, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { XLSX_TYPE, download } from "../download.ts";

/**
 * Offers the file of one-time passwords once: one download, then the file is gone from the screen
 * (the server keeps no copy; new passwords are the only way to get others).
 */
export function OneTimePasswordsFile({ file, count, onDone }: { file: { fileName: string; contentBase64: string }; count: number; onDone: () => void }) {
  const { t } = useTranslation();
  const [downloaded, setDownloaded] = useState(false);
  return (
    <Stack gap="sm" data-testid="passwords-file">
      <Alert color="yellow" title={t("accounts.passwordsFile.title")}>
        {t("accounts.passwordsFile.intro", { count })}
      </Alert>
      {downloaded ? (
        <Text size="sm" role="status">
          {t("accounts.passwordsFile.downloaded")}
        </Text>
      ) : (
        <Button
          data-testid="passwords-download"
          onClick={() => {
            download(file.fileName, { base64: file.contentBase64 }, XLSX_TYPE);
            setDownloaded(true);
          }}
        >
          {t("accounts.passwordsFile.download", { count })}
        </Button>
      )}
      <Button variant="default" onClick={onDone}>
        {t("accounts.done")}
      </Button>
    </Stack>
  );
}
