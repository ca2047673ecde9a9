/**
 * A worker started by boot.ts: makes the number formats the pane uses
 * (`formatNumber`: sv-SE and en-GB), then ends. The first Intl.NumberFormat
 * in a page loads ICU's locale data, 40–120 ms in Chromium here, and that
 * data is shared by the whole process: loaded on this thread while the page
 * starts, the pane's first numbers (the messages of the first Validera) do
 * not wait for it.
 */
for (const locale of ['sv-SE', 'en-GB']) {
  for (const digits of [0, 1]) new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(-1234.5);
}
self.close();
