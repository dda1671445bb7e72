import { TextInput } from "@mantine/core";
import type { TextInputProps } from "@mantine/core";

/**
 * A field for a whole number (a year, a count of days) that keeps exactly what was typed: the
 * form's schema refuses "1e9" or "-2030" with its message (see `readNumberField`) instead of the
 * field turning them into 19 or 2030 behind the user's back.
 */
export function NumberField(props: Omit<TextInputProps, "type">) {
  return <TextInput inputMode="numeric" autoComplete="off" {...props} />;
}
