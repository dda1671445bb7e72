/**
 * Typed input is not thrown away without asking: a form with unsaved input keeps the page from being
 * left (the browser asks), and a {@link FormModal} asks before it closes on Escape, on a click on the
 * overlay or on its close button.
 */
import { Button, Group, Modal, Paper, Stack, Text } from "@mantine/core";
import type { ModalProps } from "@mantine/core";
import type { ReactNode } from "react";
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

type UnsavedRegistry = { report: (key: string, dirty: boolean) => void };
const UnsavedContext = createContext<UnsavedRegistry | null>(null);

/** Tells the page (and the modal around the form, if any) whether a form holds unsaved input. */
export function useUnsavedChanges(dirty: boolean): void {
  const registry = useContext(UnsavedContext);
  const key = useId();
  useEffect(() => {
    registry?.report(key, dirty);
    return () => registry?.report(key, false);
  }, [registry, key, dirty]);
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when a return value is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [dirty]);
}

/** Is there unsaved input in a form below? The registry a modal gives the forms inside it. */
function useUnsavedRegistry(): { registry: UnsavedRegistry; isDirty: () => boolean } {
  // Read when the modal is asked to close, not rendered: a key pressed right after typing still counts.
  const forms = useRef(new Set<string>());
  const report = useCallback((key: string, value: boolean) => {
    if (value) forms.current.add(key);
    else forms.current.delete(key);
  }, []);
  const registry = useMemo(() => ({ report }), [report]);
  const isDirty = useCallback(() => forms.current.size > 0, []);
  return { registry, isDirty };
}

/**
 * A modal holding a form: closing it (Escape, overlay, close button) with unsaved input asks first —
 * keep editing, or discard what was typed. Without unsaved input it closes at once.
 */
export function FormModal({ opened, onClose, children, ...props }: Omit<ModalProps, "onClose"> & { onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const { registry, isDirty } = useUnsavedRegistry();
  const [asking, setAsking] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  // The question takes the focus, so a keyboard user answers it at once (Enter keeps editing).
  useEffect(() => {
    if (asking) keep.current?.focus();
  }, [asking]);
  const close = () => {
    if (asking) setAsking(false);
    else if (isDirty()) setAsking(true);
    else onClose();
  };
  const discard = () => {
    setAsking(false);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} closeButtonProps={{ "aria-label": t("unsaved.close") }} {...props}>
      <UnsavedContext.Provider value={registry}>
        {asking && (
          <Paper withBorder p="sm" mb="sm" radius="md" role="alertdialog" aria-labelledby="unsaved-question" bg="yellow.0">
            <Stack gap="xs">
              <Text id="unsaved-question" fw={600}>
                {t("unsaved.question")}
              </Text>
              <Group gap="xs">
                <Button ref={keep} size="xs" variant="default" onClick={() => setAsking(false)}>
                  {t("unsaved.keep")}
                </Button>
                <Button size="xs" color="red" onClick={discard}>
                  {t("unsaved.discard")}
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
        {children}
      </UnsavedContext.Provider>
    </Modal>
  );
}
