/**
 * Time zone abbreviations teams write that ICU's English locales do not print (so the generated list,
 * zones.ts, lacks them), and the US generic zones, each with one IANA zone that uses it. Reviewed by
 * hand; test/core/layouts.test.ts checks every zone exists.
 */
export const EXTRA_ZONES: ReadonlyArray<readonly [string, string]> = [
  ['JST', 'Asia/Tokyo'],
  ['KST', 'Asia/Seoul'],
  ['MSK', 'Europe/Moscow'],
  ['IDT', 'Asia/Jerusalem'],
  ['PHT', 'Asia/Manila'],
  ['PKT', 'Asia/Karachi'],
  ['ICT', 'Asia/Bangkok'],
  ['WIB', 'Asia/Jakarta'],
  ['NPT', 'Asia/Kathmandu'],
  ['ART', 'America/Argentina/Buenos_Aires'],
  ['CLT', 'America/Santiago'],
  ['COT', 'America/Bogota'],
  ['PET', 'America/Lima'],
  ['TRT', 'Europe/Istanbul'],
  ['UTC', 'UTC'],
  ['GMT', 'UTC'],
  ['PT', 'America/Los_Angeles'],
  ['MT', 'America/Denver'],
  ['CT', 'America/Chicago'],
  ['ET', 'America/New_York'],
];
