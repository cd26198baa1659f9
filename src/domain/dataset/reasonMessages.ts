// The reasons the checks give (validate's English: assembleDataset.ts, dataFiles.ts,
// crossCheck.ts, polygonProblems.ts, the messages in schema.ts and zodIssues.ts, zod's own,
// and the workbench's own warnings in src/domain/draft/problems.ts) read back as a message
// key and its parameters, so the workbench can show each in the reader's language without a
// second copy of any check. The wording in each language is in src/i18n/reasonMessages.ts:
// its English template rebuilds the reason exactly (a unit test checks it on every bad-data
// fixture), so no parameter is lost on the way to the Chinese. Pure.

const PLACE = String.raw`polygon(?: \d+)?(?:, ring \d+)?(?:, position \d+)?|ring \d+, position \d+|position [\d.]+`;
const place = (name: string) => `(?<${name}>${PLACE})`;
const Q = String.raw`"(?<id>[^"]*)"`;

/** Pattern of each reason, in the order tried; named groups are the parameters. */
const TABLE = {
  // files (assembleDataset.ts, dataFiles.ts)
  fileMissing: /^file is missing$/,
  notJson: /^not valid JSON: (?<detail>.*)$/s,
  geometryFileMissing: /^geometry file "(?<file>[^"]*)" is missing$/,
  contextFileMissing: /^context file "(?<file>[^"]*)" is missing$/,
  // cross-checks (crossCheck.ts)
  duplicateId: new RegExp(`^duplicate id ${Q}$`),
  duplicateTier: new RegExp(`^duplicate tier ${Q}$`),
  idIsAreaId: new RegExp(`^id ${Q} is already an area id$`),
  unknownTier: new RegExp(`^unknown tier ${Q}$`),
  unknownCounty: new RegExp(`^unknown county id ${Q}$`),
  unknownIndustry: new RegExp(`^unknown industry id ${Q}$`),
  unknownArea: new RegExp(`^unknown area id ${Q}$`),
  unknownDepartment: new RegExp(`^unknown department id ${Q}$`),
  unknownSite: new RegExp(`^unknown site id ${Q}$`),
  coordinatesOutside: /^coordinates (?<coordinates>.+) lie outside the dataset bounds (?<bounds>.+)$/,
  duplicateAssignment: /^duplicate assignment: assignments\[(?<first>\d+)\] already assigns "(?<industry>[^"]*)" to "(?<area>[^"]*)"$/,
  citywideAndAssigned: new RegExp(`^${Q} is citywide but also assigned to areas$`),
  duplicateCitywide: /^duplicate citywide entry$/,
  industryUnplaced: /^neither assigned to an area nor listed as citywide in assignments\.json$/,
  duplicateContact: new RegExp(`^more than one contact for ${Q}$`),
  geometryWrongKind: new RegExp(`^area ${Q} is a (?<kind>county|zone), but this file holds (?<fileKind>county|zone) geometry$`),
  duplicateGeometry: new RegExp(`^more than one geometry for ${Q}$`),
  invalidPolygon: /^invalid polygon: (?<problem>.+)$/,
  outsideBounds: /^outside the dataset bounds: (?<problem>.+)$/,
  areaWithoutGeometry: new RegExp(`^area ${Q} has no geometry in any file listed in meta\\.json$`),
  // polygon rules (polygonProblems.ts)
  notGeometry: /^not a geometry object$/,
  multiNotArray: /^MultiPolygon: coordinates is not an array$/,
  notPolygonType: /^geometry type (?<type>.+) is not Polygon or MultiPolygon$/,
  noPolygons: /^no polygons \(empty coordinates\)$/,
  noRings: new RegExp(`^${place("place")}: no rings$`),
  ringNotArray: new RegExp(`^${place("place")}: not an array of positions$`),
  positionNotNumbers: new RegExp(`^${place("place")}: not a pair of finite numbers \\((?<value>.*)\\)$`),
  tooFewPositions: new RegExp(`^${place("place")}: (?<n>\\d+) positions, a ring needs at least 4$`),
  notClosed: new RegExp(`^${place("place")}: not closed \\(first position (?<first>.+) != last (?<last>.+)\\)$`),
  collapsedRing: new RegExp(`^${place("place")}: fewer than 4 distinct consecutive positions \\(collapsed ring\\)$`),
  selfTouch: new RegExp(`^${place("place")}: self-intersection \\(touch\\) near (?<at>.+)$`),
  selfIntersection: new RegExp(`^${place("place")}: self-intersection near (?<at>.+)$`),
  ringsCross: new RegExp(`^${place("place")} crosses ${place("other")} near (?<at>.+)$`),
  positionOutside: new RegExp(`^${place("place")}: (?<x>\\S+), (?<y>\\S+) is outside the bounds (?<bounds>\\[.+\\])$`),
  // where in a polygon
  placePolygon: /^polygon$/,
  placePolygonN: /^polygon (?<polygon>\d+)$/,
  placeRing: /^polygon, ring (?<ring>\d+)$/,
  placePolygonRing: /^polygon (?<polygon>\d+), ring (?<ring>\d+)$/,
  placeRingPosition: /^polygon, ring (?<ring>\d+), position (?<position>\d+)$/,
  placePolygonRingPosition: /^polygon (?<polygon>\d+), ring (?<ring>\d+), position (?<position>\d+)$/,
  placeBareRingPosition: /^ring (?<ring>\d+), position (?<position>\d+)$/,
  placePosition: /^position (?<position>[\d.]+)$/,
  // the schemas' own messages (schema.ts, zodIssues.ts)
  idPattern: /^must be a lower-case id such as 'eco-tech-city'$/,
  notEmpty: /^must not be empty$/,
  datePattern: /^must be a date written YYYY-MM-DD$/,
  sectionPattern: /^must be a section such as (?<example>.+)$/,
  positive: /^must be greater than 0$/,
  addressOnlyIfRead: /^an address may only be given for a page whose text was read \(verified: true\); list copies under `copies`$/,
  fileName: /^must be a lower-case file name ending in \.(?<ext>\S+)$/,
  boundsOrder: /^must be \[west, south, east, north\] with west < east and south < north$/,
  listGeometryFile: /^list at least one geometry file$/,
  divisionCode: /^must be a six-digit division code$/,
  siteNeedsSource: /^a site needs at least one source$/,
  designatedNeedsSource: /^a designated pilot park needs a source with a title, a date, and a URL or a document number \(docNumber\)$/,
  designationDateOnlyDesignated: /^only a designated pilot park has a designation date \(leave it out, or set status to designated\)$/,
  email: /^must be an e-mail address$/,
  httpUrl: /^must be an http\(s\) URL$/,
  contactSaysNothing: /^a contact needs at least one of name, phone, email, url, address or note$/,
  listDepartment: /^list at least one department$/,
  leadCountTooLarge: /^must be less than the number of departments \(leave it out when the whole list is led\)$/,
  listMeasure: /^list at least one measure$/,
  syllables: /^must be syllables without tones separated by single spaces, such as 'jiang du'$/,
  chineseOnly: /^the text must be Chinese characters only, such as 江都$/,
  syllablePerCharacter: /^must have one syllable per character \((?<n>\d+) for (?<text>.+)\)$/,
  keyCharacters: /^must be lower-case letters, digits and spaces$/,
  unknownField: /^unknown field \(the schema has no such field\)$/,
  requiredMissing: /^required field is missing \(expected (?<expected>.+)\)$/,
  // zod's own (its English locale)
  zodInvalidType: /^Invalid input: expected (?<expected>\S+), received (?<received>\S+)$/,
  zodMoreThanOne: /^Invalid input: more than one option matched$/,
  zodInvalidValue: /^Invalid input: expected (?<value>.+)$/,
  zodInvalidOption: /^Invalid option: expected one of (?<values>.+)$/,
  zodTooBigSize: /^Too big: expected (?<origin>\S+) to have (?<limit>.+) (?<unit>\S+)$/,
  zodTooBig: /^Too big: expected (?<origin>\S+) to be (?<limit>.+)$/,
  zodTooSmallSize: /^Too small: expected (?<origin>\S+) to have (?<limit>.+) (?<unit>\S+)$/,
  zodTooSmall: /^Too small: expected (?<origin>\S+) to be (?<limit>.+)$/,
  zodStartsWith: /^Invalid string: must start with "(?<text>.*)"$/,
  zodEndsWith: /^Invalid string: must end with "(?<text>.*)"$/,
  zodIncludes: /^Invalid string: must include "(?<text>.*)"$/,
  zodPattern: /^Invalid string: must match pattern (?<pattern>.+)$/,
  zodMultipleOf: /^Invalid number: must be a multiple of (?<divisor>.+)$/,
  zodUnrecognizedKey: /^Unrecognized key: (?<keys>.+)$/,
  zodUnrecognizedKeys: /^Unrecognized keys: (?<keys>.+)$/,
  zodInvalidKey: /^Invalid key in (?<origin>.+)$/,
  zodInvalidElement: /^Invalid value in (?<origin>.+)$/,
  zodDiscriminator: /^Invalid discriminator value\. Expected (?<options>.+)$/,
  zodInvalidInput: /^Invalid input$/,
  zodInvalidFormat: /^Invalid (?<format>.+)$/,
  // the workbench's own warnings (src/domain/draft/problems.ts)
  asofUnchanged: /^the data changes but asOf is still the published date$/,
  // words inside the reasons above, shown in the reader's language where they have a name
  wordNumber: /^number$/,
  wordString: /^string$/,
  wordBoolean: /^boolean$/,
  wordObject: /^object$/,
  wordArray: /^array$/,
  wordUndefined: /^undefined$/,
  wordNull: /^null$/,
  wordCounty: /^county$/,
  wordZone: /^zone$/,
  wordUrl: /^URL$/,
  wordEmail: /^email address$/,
  wordCharacters: /^characters$/,
  wordItems: /^items$/,
} as const satisfies Record<string, RegExp>;

export type ReasonKey = keyof typeof TABLE;
export const REASON_KEYS = Object.keys(TABLE) as ReasonKey[];

/** Parameters that are themselves a reason, a place in a polygon or a word: read through the table too. */
const NESTED = new Set(["problem", "place", "other", "kind", "fileKind", "expected", "received", "origin", "unit", "format"]);

export interface ReasonMessage {
  key: ReasonKey;
  /** Each parameter as the reason wrote it, or as a message of its own (NESTED). */
  params: Readonly<Record<string, string | ReasonMessage>>;
}

/** A reason as a key and its parameters, or null when no pattern knows it (then it has no wording but its own). */
export function reasonMessage(reason: string): ReasonMessage | null {
  for (const key of REASON_KEYS) {
    const match = TABLE[key].exec(reason);
    if (!match) continue;
    const params: Record<string, string | ReasonMessage> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) {
      params[name] = (NESTED.has(name) && reasonMessage(value)) || value;
    }
    return { key, params };
  }
  return null;
}

/** A key's template filled with its parameters, in the language `translate` speaks (i18next's `t` on the "reasons" namespace). */
export type ReasonTranslate = (key: ReasonKey, params: Readonly<Record<string, string | number>>) => string;

export function messageOfReason(message: ReasonMessage, translate: ReasonTranslate): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.params))
    params[name] = typeof value === "string" ? value : messageOfReason(value, translate);
  return translate(message.key, params);
}

/** A check's reason in the reader's language; one no pattern knows is shown as the check wrote it. */
export function reasonText(reason: string, translate: ReasonTranslate): string {
  const message = reasonMessage(reason);
  return message ? messageOfReason(message, translate) : reason;
}
