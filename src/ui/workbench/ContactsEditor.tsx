import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { addMessages } from "../../i18n/i18n";
import * as siteMessages from "../../i18n/workbenchSiteMessages";
import type { Contacts } from "../../domain/dataset/schema";
import { draftRecord } from "../../domain/draft/fileDraft";
import { editRecord, selectRecord } from "../../state/workbench";
import { useWorkbench, useWorkbenchStore } from "./WorkbenchContext";
import type { RecordEditorProps } from "./WorkbenchApp";

// Contacts (data/contacts.json, their one home: data/README.md): the city's and each area's,
// edited as records of that file through the draft, so the schema's checks (an e-mail address,
// an http(s) URL, at least one thing said, known areas) come back as Problems like any other.

type Contact = NonNullable<Contacts["city"]>;
const TEXT_FIELDS = ["phone", "email", "url"] as const;
const BILINGUAL_FIELDS = ["name", "address", "note"] as const;
type Field = (typeof TEXT_FIELDS)[number] | `${(typeof BILINGUAL_FIELDS)[number]}.${"zh" | "en"}`;
const LABEL_KEYS = {
  name: "contactName",
  phone: "contactPhone",
  email: "contactEmail",
  url: "contactUrl",
  address: "contactAddress",
  note: "contactNote",
} as const;

/** The record key of a contact: the city's, or an area's (records.ts). */
const keyOf = (area: string | null) => (area === null ? "city" : `areas: ${area}`);

function valuesOf(contact: Partial<Contact> | undefined): Record<Field, string> {
  const out = {} as Record<Field, string>;
  for (const f of TEXT_FIELDS) out[f] = contact?.[f] ?? "";
  for (const f of BILINGUAL_FIELDS) for (const l of ["zh", "en"] as const) out[`${f}.${l}`] = contact?.[f]?.[l] ?? "";
  return out;
}

/** The contact the form says, empty fields left out; a bilingual text given in one language stands for both (the schema needs both). */
function contactOf(values: Record<Field, string>): Partial<Contact> {
  const out: Record<string, unknown> = {};
  for (const f of TEXT_FIELDS) if (values[f].trim()) out[f] = values[f].trim();
  for (const f of BILINGUAL_FIELDS) {
    const zh = values[`${f}.zh`].trim();
    const en = values[`${f}.en`].trim();
    if (zh || en) out[f] = { zh: zh || en, en: en || zh };
  }
  return out as Partial<Contact>;
}

function ContactForm({ area, contact }: { area: string | null; contact: Partial<Contact> | undefined }) {
  const { t } = useTranslation();
  const store = useWorkbenchStore();
  const [values, setValues] = useState(() => valuesOf(contact));
  const label = (field: Field) => {
    const [base, lang] = field.split(".") as [keyof typeof LABEL_KEYS, "zh" | "en" | undefined];
    const name = t(`workbenchSite:${LABEL_KEYS[base]}`);
    return lang ? t(lang === "zh" ? "workbenchSite:contactZh" : "workbenchSite:contactEn", { field: name }) : name;
  };
  const fields: Field[] = ["name.zh", "name.en", "phone", "email", "url", "address.zh", "address.en", "note.zh", "note.en"];
  const save = () => {
    const said = contactOf(values);
    // A contact that says nothing is no contact: saving it empty removes it.
    editRecord(store, "contacts.json", keyOf(area), Object.keys(said).length ? (area === null ? said : { area, ...said }) : null);
  };
  return (
    <form
      className="wb-contacts"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {/* Plain text boxes: the schema checks the address and the URL, and says so in Problems, as for every file. */}
      {fields.map((f) => (
        <label key={f}>
          {label(f)}
          <input
            type="text"
            inputMode={f === "email" ? "email" : f === "url" ? "url" : "text"}
            value={values[f]}
            onChange={(e) => setValues({ ...values, [f]: e.target.value })}
          />
        </label>
      ))}
      <div className="wb-form-buttons">
        <button type="submit">{t("workbenchSite:saveContact")}</button>
        {contact ? (
          <button type="button" onClick={() => editRecord(store, "contacts.json", keyOf(area), null)}>
            {t("workbenchSite:removeContact")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The editor of contacts.json's records (the page's `editors` slot): whom, then their contact. */
export function ContactsEditor({ recordKey }: RecordEditorProps) {
  const { t, i18n } = useTranslation();
  addMessages(i18n, siteMessages);
  const store = useWorkbenchStore();
  const lang = useWorkbench((s) => s.lang);
  const areas = useWorkbench((s) => s.shown?.areas ?? []);
  const baseValues = useWorkbench((s) => s.baseValues);
  const draft = useWorkbench((s) => s.draft);
  const area = recordKey.startsWith("areas: ") ? recordKey.slice("areas: ".length) : null;
  const contact = useMemo(
    () => draftRecord(baseValues, draft, "contacts.json", keyOf(area)) as Partial<Contact> | undefined,
    [baseValues, draft, area],
  );
  return (
    <section className="wb-contacts" aria-label={t("workbenchSite:contacts")}>
      <label>
        {t("workbenchSite:contactsArea")}
        <select value={area ?? ""} onChange={(e) => selectRecord(store, { file: "contacts.json", key: keyOf(e.target.value || null) })}>
          <option value="">{t("workbenchSite:contactsCity")}</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name[lang]}
            </option>
          ))}
        </select>
      </label>
      {contact ? null : <p>{t("workbenchSite:contactEmpty")}</p>}
      <ContactForm key={`${keyOf(area)}|${JSON.stringify(contact ?? null)}`} area={area} contact={contact} />
    </section>
  );
}

/** The toolbar's 联系方式 / Contacts: opens the city's contact. */
export function ContactsButton() {
  const { t, i18n } = useTranslation();
  addMessages(i18n, siteMessages);
  const store = useWorkbenchStore();
  return (
    <button type="button" onClick={() => selectRecord(store, { file: "contacts.json", key: "city" })}>
      {t("workbenchSite:contacts")}
    </button>
  );
}
