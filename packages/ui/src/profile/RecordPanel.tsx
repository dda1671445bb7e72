/**
 * What the formation and composition panels share: a titled panel of dated records that whoever may
 * adds, edits and removes — the header with its add button, each row's buttons, the form in a modal
 * that asks before dropping typed input, the question before removing, and the form's footer.
 */
import { Alert, Button } from "@mantine/core";
import type { ReactNode } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../errors.ts";
import { FormModal } from "../forms/unsaved.tsx";
import { SectionCard } from "../components/SectionCard.tsx";
import { ConfirmModal } from "./ConfirmModal.tsx";

type Row = { id: number; version: number };

/** A removal the panel asks about: its mutation, fed the record's id and version. */
export type Removal = { mutate: (input: { id: number; version: number }, options: { onSuccess: () => void }) => void; isPending: boolean; error: unknown; reset: () => void };

export function RecordPanel<R extends Row>({
  title,
  intro,
  addLabel,
  editLabel,
  removeLabel,
  canManage,
  removal,
  removeQuestion,
  renderForm,
  children,
}: {
  title: string;
  intro: string;
  addLabel: string;
  editLabel: string;
  removeLabel: string;
  canManage: boolean;
  removal: Removal;
  /** What the panel asks before removing a record. */
  removeQuestion: (row: R) => string;
  /** The form for a new record (null) or one being edited; it calls `done` once saved. */
  renderForm: (editing: R | null, done: () => void) => ReactNode;
  /** The panel's records, with `edit` and `remove` for each row's buttons. */
  children: (actions: { edit: (row: R) => void; remove: (row: R) => void }) => ReactNode;
}) {
  const [editing, setEditing] = useState<R | "new" | null>(null);
  const [removing, setRemoving] = useState<R | null>(null);
  const close = () => setEditing(null);
  return (
    <SectionCard
      title={title}
      intro={intro}
      action={
        canManage && (
          <Button size="xs" onClick={() => setEditing("new")}>
            {addLabel}
          </Button>
        )
      }
    >
      {children({ edit: setEditing, remove: setRemoving })}
      <FormModal opened={editing !== null} onClose={close} title={editing === "new" ? addLabel : editLabel}>
        {editing !== null && renderForm(editing === "new" ? null : editing, close)}
      </FormModal>
      <ConfirmModal
        opened={removing !== null}
        title={removeLabel}
        text={removing ? removeQuestion(removing) : ""}
        onCancel={() => {
          setRemoving(null);
          removal.reset();
        }}
        onConfirm={() => removing && removal.mutate({ id: removing.id, version: removing.version }, { onSuccess: () => setRemoving(null) })}
        pending={removal.isPending}
        error={removal.error}
      />
    </SectionCard>
  );
}

/** A row's edit and remove buttons. */
export function RowActions({ onEdit, onRemove, editLabel, removeLabel }: { onEdit: () => void; onRemove: () => void; editLabel: string; removeLabel: string }) {
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={onEdit}>
        {editLabel}
      </Button>
      <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove}>
        {removeLabel}
      </Button>
    </>
  );
}

/** A record form's end: the server's refusal when no field holds it, and the save button. */
export function RecordFormFooter({ error, showAlert, pending }: { error: unknown; showAlert: boolean; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {showAlert && (
        <Alert color="red" role="alert">
          {errorMessage(t, error)}
        </Alert>
      )}
      <Button type="submit" loading={pending}>
        {t("accounts.save")}
      </Button>
    </>
  );
}
