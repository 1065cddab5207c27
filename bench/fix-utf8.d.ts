// fix-utf8 ships no types: its one export, as its README documents it.
declare module 'fix-utf8' {
  /** Replaces the UTF-8-read-as-Windows-1252 sequences of Latin characters, then NFC-normalizes. */
  export default function fixUtf8(str: string): string;
}
