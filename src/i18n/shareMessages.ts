// Interface strings of one feature, merged into the app's i18n resources (src/i18n/i18n.ts).
export const zh = {} as const;
export const en: Record<keyof typeof zh, string> = {};
