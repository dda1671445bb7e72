import { useInstantFormat } from "../format.ts";
import type { ZoneName } from "../format.ts";

/** An instant as the reader reads it (date, time and zone, WIB unless told), marked up as a `<time>` for machines. */
export function InstantTime({ at, zone = "WIB" }: { at: number; zone?: ZoneName }) {
  const instant = useInstantFormat(zone);
  return <time dateTime={new Date(at).toISOString()}>{instant(at)}</time>;
}
