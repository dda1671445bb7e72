/**
 * Indonesia's 38 provinces as a tile map: one equal square per province, hand-placed on a grid
 * roughly as they lie west to east (Sumatra, Java and the Nusa Tenggaras, Kalimantan, Sulawesi,
 * Maluku, the six Papua provinces of 2022), each coloured by a percentage. Every tile is a labelled
 * element that says its province and value; a legend names the colours. The page that shows the map
 * gives the same figures in a table too, for whoever does not read the map.
 */
import { listProvinces } from "@gugus/domain/regions";
import { Box, Group, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Each province's tile as [column, row], west → east and north → south. */
export const PROVINCE_TILES: Readonly<Record<string, readonly [col: number, row: number]>> = {
  "11": [0, 0], // Aceh
  "12": [1, 1], // Sumatera Utara
  "14": [2, 1], // Riau
  "21": [3, 1], // Kepulauan Riau
  "13": [1, 2], // Sumatera Barat
  "15": [2, 2], // Jambi
  "17": [1, 3], // Bengkulu
  "16": [2, 3], // Sumatera Selatan
  "19": [3, 3], // Kepulauan Bangka Belitung
  "18": [2, 4], // Lampung
  "31": [4, 4], // DKI Jakarta
  "36": [3, 5], // Banten
  "32": [4, 5], // Jawa Barat
  "33": [5, 5], // Jawa Tengah
  "34": [5, 6], // DI Yogyakarta
  "35": [6, 5], // Jawa Timur
  "51": [7, 5], // Bali
  "52": [8, 5], // Nusa Tenggara Barat
  "53": [9, 5], // Nusa Tenggara Timur
  "61": [5, 2], // Kalimantan Barat
  "62": [6, 2], // Kalimantan Tengah
  "63": [7, 3], // Kalimantan Selatan
  "64": [7, 2], // Kalimantan Timur
  "65": [7, 1], // Kalimantan Utara
  "76": [8, 2], // Sulawesi Barat
  "75": [9, 1], // Gorontalo
  "71": [10, 1], // Sulawesi Utara
  "72": [9, 2], // Sulawesi Tengah
  "73": [8, 3], // Sulawesi Selatan
  "74": [9, 3], // Sulawesi Tenggara
  "82": [11, 1], // Maluku Utara
  "81": [11, 3], // Maluku
  "96": [12, 2], // Papua Barat Daya
  "92": [13, 2], // Papua Barat
  "94": [13, 3], // Papua Tengah
  "91": [14, 2], // Papua
  "95": [14, 3], // Papua Pegunungan
  "93": [14, 4], // Papua Selatan
};

/** The short names Indonesians write on maps and in tables. */
export const PROVINCE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  "11": "ACEH", "12": "SUMUT", "13": "SUMBAR", "14": "RIAU", "15": "JAMBI", "16": "SUMSEL", "17": "BKL", "18": "LPG", "19": "BABEL", "21": "KEPRI",
  "31": "DKI", "32": "JABAR", "33": "JATENG", "34": "DIY", "35": "JATIM", "36": "BANTEN", "51": "BALI", "52": "NTB", "53": "NTT",
  "61": "KALBAR", "62": "KALTENG", "63": "KALSEL", "64": "KALTIM", "65": "KALTARA", "71": "SULUT", "72": "SULTENG", "73": "SULSEL", "74": "SULTRA", "75": "GTLO", "76": "SULBAR",
  "81": "MALUKU", "82": "MALUT", "91": "PAPUA", "92": "PABAR", "93": "PAPSEL", "94": "PAPTENG", "95": "PAPEG", "96": "PBD",
};

export const TILE_BINS = ["none", "low", "mid", "high", "top", "over"] as const;
export type TileBin = (typeof TILE_BINS)[number];

/** Which colour a percentage takes: none (nothing expected), four quarters up to 100%, and above 100% (an anomaly, never capped). */
export function binOf(value: number | null): TileBin {
  if (value === null) return "none";
  if (value > 100) return "over";
  if (value >= 75) return "top";
  if (value >= 50) return "high";
  if (value >= 25) return "mid";
  return "low";
}

/** Background and text of each bin; every pair is above 4.5:1. */
const BIN_STYLE: Record<TileBin, { bg: string; fg: string; border?: string }> = {
  none: { bg: "var(--mantine-color-gray-1)", fg: "var(--mantine-color-gray-7)", border: "1px dashed var(--mantine-color-gray-5)" },
  low: { bg: "#e0ecf8", fg: "#14325c" },
  mid: { bg: "#9ec3e6", fg: "#0d2747" },
  high: { bg: "#2f6aa8", fg: "#ffffff" },
  top: { bg: "#163c69", fg: "#ffffff" },
  over: { bg: "#b3261e", fg: "#ffffff", border: "3px double #ffffff" },
};

export type TileValue = { code: string; value: number | null };

const COLUMNS = 15;
const ROWS = 7;

/** The tile map of one metric; `format` words a value ("87,5%"), `metric` names it for the map's label. */
export function ProvinceTileMap({ values, metric, format }: { values: readonly TileValue[]; metric: string; format: (value: number | null) => string }) {
  const { t } = useTranslation();
  const byCode = new Map(values.map((v) => [v.code, v.value]));
  const provinces = listProvinces().filter((p) => PROVINCE_TILES[p.code] !== undefined);
  const spoken = (code: string) => {
    const value = byCode.get(code) ?? null;
    if (value === null) return t("tileMap.noValue");
    return value > 100 ? `${format(value)}, ${t("tileMap.anomaly")}` : format(value);
  };
  return (
    <Stack gap="sm" data-testid="province-tile-map">
      {/* Relative: the tiles' screen-reader texts are positioned absolutely, and must scroll with the map rather than widen a phone's page. */}
      <Box role="region" aria-label={t("tileMap.label", { metric })} tabIndex={0} pos="relative" style={{ overflowX: "auto" }}>
      <Box
        component="ul"
        aria-label={t("tileMap.label", { metric })}
        m={0}
        p={0}
        style={{ listStyle: "none", display: "grid", gridTemplateColumns: `repeat(${COLUMNS}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${ROWS}, auto)`, gap: 4, maxWidth: 980, minWidth: 600 }}
      >
        {provinces.map((p) => {
          const [col, row] = PROVINCE_TILES[p.code]!;
          const value = byCode.get(p.code) ?? null;
          const bin = binOf(value);
          const style = BIN_STYLE[bin];
          return (
            <li
              key={p.code}
              title={t("tileMap.tile", { name: p.name, value: spoken(p.code) })}
              data-code={p.code}
              data-bin={bin}
              style={{
                gridColumn: col + 1,
                gridRow: row + 1,
                aspectRatio: "1 / 1",
                background: style.bg,
                color: style.fg,
                border: style.border,
                borderRadius: 6,
                display: "flex",
                flexDirection: "column",
                alignItems: "center",
                justifyContent: "center",
                minWidth: 0,
                overflow: "hidden",
                padding: 2,
              }}
            >
              <VisuallyHidden>{t("tileMap.tile", { name: p.name, value: spoken(p.code) })}</VisuallyHidden>
              <span aria-hidden="true" style={{ fontSize: "clamp(8px, 0.9vw, 11px)", fontWeight: 700, lineHeight: 1.1, letterSpacing: "-0.02em" }}>
                {PROVINCE_ABBREVIATIONS[p.code] ?? p.code}
              </span>
              <span aria-hidden="true" style={{ fontSize: "clamp(8px, 0.9vw, 11px)", lineHeight: 1.1, fontVariantNumeric: "tabular-nums" }}>
                {value === null ? "—" : format(value)}
              </span>
            </li>
          );
        })}
      </Box>
      </Box>
      <Group gap="sm" component="ul" aria-label={t("tileMap.legend")} m={0} p={0} style={{ listStyle: "none" }}>
        {TILE_BINS.map((bin) => (
          <Group key={bin} component="li" gap={6} wrap="nowrap">
            <span aria-hidden="true" style={{ width: 16, height: 16, borderRadius: 3, background: BIN_STYLE[bin].bg, border: BIN_STYLE[bin].border ?? "1px solid transparent", display: "inline-block", boxShadow: bin === "over" ? "0 0 0 1px #b3261e" : undefined }} />
            <Text size="xs">{t(`tileMap.bins.${bin}`)}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
