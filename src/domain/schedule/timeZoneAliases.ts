/**
 * Current names of cities the runtime may still list and store under an older spelling (its canonical one), so
 * that "Kolkata" finds the zone it knows: autocomplete offers them (`TIME_ZONE_ALIASES`), and the typo
 * suggestions (closeTimeZones) read them where only the older is listed. The runtime accepts either name.
 */
export const RENAMED_ZONES: Readonly<Record<string, string>> = {
  "Asia/Kolkata": "Asia/Calcutta",
  "Europe/Kyiv": "Europe/Kiev",
  "America/Nuuk": "America/Godthab",
  "Asia/Ho_Chi_Minh": "Asia/Saigon",
};

/**
 * Other names of zones that the runtime accepts besides the ones `Intl.supportedValuesOf` lists (IANA's
 * "backward" links and UTC's spellings: "GMT", "Zulu", "US/Eastern", "Japan", "EST5EDT"). No runtime API
 * lists them, yet a typed one is accepted and stored as its zone's canonical name, so autocomplete has to know
 * them to offer anything for them. Only names, checked against the runtime where used: one its time-zone data
 * does not know is never offered. Left out: the links `/cohort create` refuses as abbreviations (EST, HST, MST,
 * ROC; see isAbbreviatedTimeZone), which autocomplete must not offer either.
 */
export const TIME_ZONE_ALIASES: readonly string[] = [
  // Sorted as one list with RENAMED_ZONES' current names (ties among aliases are offered in this order).
  ...Object.keys(RENAMED_ZONES),
  "Africa/Asmara",
  "Africa/Timbuktu",
  "America/Argentina/Buenos_Aires",
  "America/Argentina/Catamarca",
  "America/Argentina/ComodRivadavia",
  "America/Argentina/Cordoba",
  "America/Argentina/Jujuy",
  "America/Argentina/Mendoza",
  "America/Atikokan",
  "America/Atka",
  "America/Ensenada",
  "America/Fort_Wayne",
  "America/Indiana/Indianapolis",
  "America/Kentucky/Louisville",
  "America/Knox_IN",
  "America/Montreal",
  "America/Nipigon",
  "America/Pangnirtung",
  "America/Porto_Acre",
  "America/Rainy_River",
  "America/Rosario",
  "America/Santa_Isabel",
  "America/Shiprock",
  "America/Thunder_Bay",
  "America/Virgin",
  "America/Yellowknife",
  "Antarctica/South_Pole",
  "Asia/Ashkhabad",
  "Asia/Choibalsan",
  "Asia/Chongqing",
  "Asia/Chungking",
  "Asia/Dacca",
  "Asia/Harbin",
  "Asia/Istanbul",
  "Asia/Kashgar",
  "Asia/Kathmandu",
  "Asia/Macao",
  "Asia/Tel_Aviv",
  "Asia/Thimbu",
  "Asia/Ujung_Pandang",
  "Asia/Ulan_Bator",
  "Asia/Yangon",
  "Atlantic/Faroe",
  "Atlantic/Jan_Mayen",
  "Australia/ACT",
  "Australia/Canberra",
  "Australia/Currie",
  "Australia/LHI",
  "Australia/NSW",
  "Australia/North",
  "Australia/Queensland",
  "Australia/South",
  "Australia/Tasmania",
  "Australia/Victoria",
  "Australia/West",
  "Australia/Yancowinna",
  "Brazil/Acre",
  "Brazil/DeNoronha",
  "Brazil/East",
  "Brazil/West",
  "CET",
  "CST6CDT",
  "Canada/Atlantic",
  "Canada/Central",
  "Canada/East-Saskatchewan",
  "Canada/Eastern",
  "Canada/Mountain",
  "Canada/Newfoundland",
  "Canada/Pacific",
  "Canada/Saskatchewan",
  "Canada/Yukon",
  "Chile/Continental",
  "Chile/EasterIsland",
  "Cuba",
  "EET",
  "EST5EDT",
  "Egypt",
  "Eire",
  "Etc/GMT",
  "Etc/GMT+0",
  "Etc/GMT-0",
  "Etc/GMT0",
  "Etc/Greenwich",
  "Etc/UCT",
  "Etc/UTC",
  "Etc/Universal",
  "Etc/Zulu",
  "Europe/Belfast",
  "Europe/Nicosia",
  "Europe/Tiraspol",
  "Europe/Uzhgorod",
  "Europe/Zaporozhye",
  "GB",
  "GB-Eire",
  "GMT",
  "GMT+0",
  "GMT-0",
  "GMT0",
  "Greenwich",
  "Hongkong",
  "Iceland",
  "Iran",
  "Israel",
  "Jamaica",
  "Japan",
  "Kwajalein",
  "Libya",
  "MET",
  "MST7MDT",
  "Mexico/BajaNorte",
  "Mexico/BajaSur",
  "Mexico/General",
  "NZ",
  "NZ-CHAT",
  "Navajo",
  "PRC",
  "PST8PDT",
  "Pacific/Chuuk",
  "Pacific/Johnston",
  "Pacific/Kanton",
  "Pacific/Pohnpei",
  "Pacific/Samoa",
  "Pacific/Yap",
  "Poland",
  "Portugal",
  "ROK",
  "Singapore",
  "Turkey",
  "UCT",
  "US/Alaska",
  "US/Aleutian",
  "US/Arizona",
  "US/Central",
  "US/East-Indiana",
  "US/Eastern",
  "US/Hawaii",
  "US/Indiana-Starke",
  "US/Michigan",
  "US/Mountain",
  "US/Pacific",
  "US/Pacific-New",
  "US/Samoa",
  "Universal",
  "W-SU",
  "WET",
  "Zulu",
].sort();

/**
 * The fixed-offset zones "Etc/GMT+12" to "Etc/GMT-14", from the furthest west: accepted and stored as they are,
 * though the runtime does not list them. POSIX signs: Etc/GMT+5 is five hours *behind* UTC.
 */
export function fixedOffsetZones(): { readonly zone: string; readonly offsetHours: number }[] {
  return Array.from({ length: 27 }, (_, index) => {
    const offsetHours = index - 12;
    return { zone: `Etc/GMT${offsetHours <= 0 ? "+" : "-"}${Math.abs(offsetHours)}`, offsetHours };
  }).filter(({ offsetHours }) => offsetHours !== 0);
}

/**
 * The fixed-offset zone meant by an offset typed the way people write it, "UTC+5", "gmt -3:00" (Etc/GMT-5,
 * Etc/GMT+3: the sign turned round), "UTC" for a zero offset; null for other text or an offset no zone has.
 */
export function zoneForTypedOffset(typed: string): string | null {
  const match = /^(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::00)?$/i.exec(typed.trim());
  if (!match) return null;
  const offsetHours = Number(match[2]) * (match[1] === "-" ? -1 : 1);
  if (offsetHours === 0) return "UTC";
  return fixedOffsetZones().find((zone) => zone.offsetHours === offsetHours)?.zone ?? null;
}
