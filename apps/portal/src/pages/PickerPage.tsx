import { QueryState, XLSX_TYPE, download, taskForceName, useTRPC } from "@gugus/ui";
import { Alert, Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";

/** The task forces the caller may see today as an XLSX list, in the reader's language. */
function ListDownload() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const language = i18n.language === "en" ? "en" : "id";
  const file = useMutation({
    mutationFn: () => queryClient.fetchQuery({ ...trpc.hierarchy.exportXlsx.queryOptions({ language }), staleTime: 0 }),
    onSuccess: (f) => download(f.fileName, { base64: f.contentBase64 }, XLSX_TYPE),
  });
  return (
    <Group gap="sm">
      <Button variant="default" size="xs" loading={file.isPending} onClick={() => file.mutate()} data-testid="picker-xlsx">
        {t("portal.picker.download")}
      </Button>
      {file.isError && (
        <Alert color="red" role="alert" py={6}>
          {t("portal.picker.downloadFailed")}
        </Alert>
      )}
    </Group>
  );
}

/** Until accounts exist, a visitor picks the task force to look at: a province, then optionally a regency/city. */
export default function PickerPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const [provinceId, setProvinceId] = useState("");
  const [regencyId, setRegencyId] = useState("");
  const counts = useQuery(trpc.hierarchy.counts.queryOptions());
  const province = useQuery(trpc.hierarchy.byId.queryOptions({ id: Number(provinceId) }, { enabled: provinceId !== "" }));
  const target = regencyId || provinceId;

  return (
    <Stack gap="md" maw={560} mx="auto">
      <div>
        <Title order={1} size="h2">
          {t("portal.picker.title")}
        </Title>
        <Text c="dimmed">{t("portal.picker.intro")}</Text>
      </div>
      <ListDownload />
      <QueryState query={counts}>
        {({ byProvince, nationalId }) => (
          <Paper withBorder p="md" radius="md">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (target) navigate(`/task-forces/${target}`);
              }}
            >
              <Stack gap="sm">
                <NativeSelect
                  label={t("portal.picker.province")}
                  value={provinceId}
                  onChange={(e) => {
                    setProvinceId(e.currentTarget.value);
                    setRegencyId("");
                  }}
                  data={[
                    { value: "", label: t("portal.picker.provincePlaceholder") },
                    ...byProvince.map((p) => ({ value: String(p.id), label: `${p.regionCode} · ${p.regionName}` })),
                  ]}
                />
                <NativeSelect
                  label={t("portal.picker.regency")}
                  value={regencyId}
                  disabled={!province.data}
                  onChange={(e) => setRegencyId(e.currentTarget.value)}
                  data={[
                    { value: "", label: t("portal.picker.regencyPlaceholder") },
                    ...(province.data?.children ?? []).map((c) => ({ value: String(c.id), label: `${c.regionCode} · ${c.regionName}` })),
                  ]}
                />
                <Button type="submit" disabled={!target}>
                  {t("portal.picker.open")}
                </Button>
                {nationalId !== null && (
                  <Anchor component={Link} href={`/task-forces/${nationalId}`} size="sm">
                    {t("portal.picker.national")}: {taskForceName(t, { level: "national", regionName: null })}
                  </Anchor>
                )}
              </Stack>
            </form>
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
