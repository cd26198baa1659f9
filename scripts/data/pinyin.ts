// The build's pinyin reading is the workbench's (src/domain/pinyinPro.ts): one adapter.
export { pinyinPro } from "../../src/domain/pinyinPro.ts";
