/**
 * Workbook packages built part by part the way real programs write them, for
 * the reader's and writer's tests: Excel 365 (shared strings, shared and
 * array formulas, rich text, custom formats, whole-sheet validation and
 * conditional formatting, defined names, hidden and veryHidden sheets, a
 * chart sheet, a drawing with a chart and an image, notes and threaded
 * comments, a pivot cache, a calculation chain, optionally 1904 dates and a
 * macro project), Google Sheets (inline strings, no styles part) and openpyxl
 * (its element order, formulas without cached values, a chart drawing).
 *
 * Each holds the same RN table of a Swedish municipal follow-up: Bokslut,
 * Utfall, Budget, Avvikelse (=C−D) and Förändr% (=(C/B−1)*100), where the
 * unit KLFÖ has Bokslut 0 and so #DIV/0!.
 */
import { zipParts } from './files';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** The units of the table: name, Bokslut 2020, Utfall 2022, Budget 2022 (tkr, costs negative). */
export const UNITS: [string, number, number, number][] = [
  ['KLS  Kommunledning Stab', -10234, -11020, -11500],
  ['KLFÖ  Kommunledn Fördelning', 0, -250, -300],
  ['KLPS  Personalstrategi', -6548, -6548, -6548],
  ['KLEK  Ekonomi & Finans', -8123, -8890, -9000],
];
export const HEADERS = ['RN', 'Bokslut 2021', 'Utfall 2022', 'Budget 2022', 'Avvikelse', 'Förändr%\n2021 o 2022'];
/** First data row (1-based) and the sum row. */
export const FIRST = 4;
export const SUM_ROW = FIRST + UNITS.length;

export { zipParts };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function change(b: number, c: number): number | undefined {
  return b === 0 ? undefined : (c / b - 1) * 100;
}

/** Shared strings as Excel writes them: the first header as rich text, one unit with a phonetic reading. */
function excelSharedStrings(texts: string[]): string {
  const items = texts.map((t, i) => {
    if (i === 0) return `<si><r><rPr><b/><sz val="11"/></rPr><t>R</t></r><r><t>N</t></r></si>`;
    if (t.includes('Stab')) return `<si><t>${esc(t)}</t><rPh sb="0" eb="3"><t>ケイエス</t></rPh><phoneticPr fontId="1"/></si>`;
    return `<si><t xml:space="preserve">${esc(t)}</t></si>`;
  });
  return `${XML_DECL}<sst xmlns="${MAIN}" count="${texts.length}" uniqueCount="${texts.length}">${items.join('')}</sst>`;
}

/** Excel's sheet: shared strings, shared formulas in E and F, an array formula for the sum of B, whole-sheet validation and conditional formatting. */
function excelBudgetSheet(strings: string[], options: { drawing: boolean }): string {
  const s = (t: string): number => {
    let i = strings.indexOf(t);
    if (i < 0) i = strings.push(t) - 1;
    return i;
  };
  const rows: string[] = [`<row r="1" spans="1:6"><c r="A1" s="6" t="s"><v>${s('Kommunledning, tkr')}</v></c></row>`];
  rows.push(`<row r="3" spans="1:6">${HEADERS.map((h, i) => `<c r="${'ABCDEF'[i]}3" s="6" t="s"><v>${s(h)}</v></c>`).join('')}</row>`);
  UNITS.forEach(([name, b, c, d], i) => {
    const r = FIRST + i;
    const e = i === 0 ? `<f t="shared" ref="E${FIRST}:E${SUM_ROW - 1}" si="0">C${r}-D${r}</f>` : `<f t="shared" si="0"/>`;
    const pct = change(b, c);
    const fF = i === 0 ? `<f t="shared" ref="F${FIRST}:F${SUM_ROW - 1}" si="1">(C${r}/B${r}-1)*100</f>` : `<f t="shared" si="1"/>`;
    const fCell = pct === undefined ? `<c r="F${r}" s="3" t="e">${fF}<v>#DIV/0!</v></c>` : `<c r="F${r}" s="3">${fF}<v>${pct}</v></c>`;
    rows.push(
      `<row r="${r}" spans="1:6" x14ac:dyDescent="0.25"><c r="A${r}" t="s"><v>${s(name)}</v></c><c r="B${r}" s="2"><v>${b}</v></c><c r="C${r}" s="2"><v>${c}</v></c><c r="D${r}" s="2"><v>${d}</v></c><c r="E${r}" s="2">${e}<v>${c - d}</v></c>${fCell}</row>`,
    );
  });
  const sum = (k: 1 | 2 | 3): number => UNITS.reduce((acc, u) => acc + u[k], 0);
  const [sb, sc, sd] = [sum(1), sum(2), sum(3)];
  rows.push(
    `<row r="${SUM_ROW}" spans="1:6"><c r="A${SUM_ROW}" s="6" t="s"><v>${s('Summa')}</v></c><c r="B${SUM_ROW}" s="2"><f t="array" ref="B${SUM_ROW}">SUM(B${FIRST}:B${SUM_ROW - 1})</f><v>${sb}</v></c><c r="C${SUM_ROW}" s="2"><f>SUM(C${FIRST}:C${SUM_ROW - 1})</f><v>${sc}</v></c><c r="D${SUM_ROW}" s="2"><f>SUM(D${FIRST}:D${SUM_ROW - 1})</f><v>${sd}</v></c><c r="E${SUM_ROW}" s="2"><f>C${SUM_ROW}-D${SUM_ROW}</f><v>${sc - sd}</v></c><c r="F${SUM_ROW}" s="3"><f>(C${SUM_ROW}/B${SUM_ROW}-1)*100</f><v>${change(sb, sc)}</v></c></row>`,
  );
  rows.push(`<row r="${SUM_ROW + 2}" spans="1:6"><c r="A${SUM_ROW + 2}" s="4"><v>44561</v></c><c r="B${SUM_ROW + 2}" s="5"><v>0.046</v></c><c r="C${SUM_ROW + 2}" s="1"/></row>`);
  return (
    `${XML_DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}">` +
    `<dimension ref="A1:F10"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>` +
    `<cols><col min="1" max="1" width="38" customWidth="1"/><col min="2" max="6" width="13" customWidth="1"/><col min="8" max="8" width="9" hidden="1"/></cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    `<mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells>` +
    `<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>` +
    `<dataValidations count="1"><dataValidation type="decimal" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="A1:XFD1048576"><formula1>-1000000000</formula1><formula2>1000000000</formula2></dataValidation></dataValidations>` +
    `<hyperlinks><hyperlink ref="A1" r:id="rId3"/></hyperlinks>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    (options.drawing ? `<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>` : '') +
    `</worksheet>`
  );
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** A workbook as Excel 365 saves it. `macro`: an .xlsm with a VBA project; `date1904`: the 1904 date system. */
export function excelStyleWorkbook(options: { macro?: boolean; date1904?: boolean } = {}): Buffer {
  const strings: string[] = [];
  const sheet1 = excelBudgetSheet(strings, { drawing: true });
  const hiddenSheet = `${XML_DECL}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>${strings.push('Dold uppgift') - 1}</v></c><c r="B1" t="d"><v>2022-12-31T00:00:00</v></c></row></sheetData></worksheet>`;
  const veryHidden = `${XML_DECL}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>`;
  const workbookType = options.macro === true ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const parts: Record<string, string | Buffer> = {
    '[Content_Types].xml':
      `${XML_DECL}<Types xmlns="${CT}"><Default Extension="png" ContentType="image/png"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${workbookType}"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/><Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/><Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/><Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/><Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    '_rels/.rels': `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'docProps/app.xml': `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><AppVersion>16.0300</AppVersion></Properties>`,
    'docProps/core.xml': `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Ekonomiavdelningen</dc:creator></cp:coreProperties>`,
    'xl/workbook.xml':
      `${XML_DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">` +
      `<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr ${options.date1904 === true ? 'date1904="1" ' : ''}defaultThemeVersion="202300"/>` +
      `<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720" xr2:uid="{00000000-000D-0000-FFFF-FFFF00000000}"/></bookViews>` +
      `<sheets><sheet name="Kommunledning" sheetId="1" r:id="rId1"/><sheet name="Diagram" sheetId="4" r:id="rId4"/><sheet name="Underlag" sheetId="2" state="hidden" r:id="rId2"/><sheet name="Intern" sheetId="3" state="veryHidden" r:id="rId3"/></sheets>` +
      `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Kommunledning!$A$1:$F$${SUM_ROW}</definedName><definedName name="Utfall">Kommunledning!$C$${FIRST}:$C$${SUM_ROW - 1}</definedName></definedNames>` +
      `<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="1" r:id="rId9"/></pivotCaches></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId8" Type="${REL}/calcChain" Target="calcChain.xml"/><Relationship Id="rId3" Type="${REL}/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId7" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId6" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId5" Type="${REL}/theme" Target="theme/theme1.xml"/><Relationship Id="rId4" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId9" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>` +
      (options.macro === true ? `<Relationship Id="rId10" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` : '') +
      `</Relationships>`,
    'xl/theme/theme1.xml': `${XML_DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office-tema"><a:themeElements/></a:theme>`,
    'xl/worksheets/sheet1.xml': sheet1,
    'xl/worksheets/sheet2.xml': hiddenSheet,
    'xl/worksheets/sheet3.xml': veryHidden,
    'xl/worksheets/_rels/sheet1.xml.rels': `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId3" Type="${REL}/hyperlink" Target="https://www.example.se/budget" TargetMode="External"/><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId4" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rId5" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>`,
    'xl/chartsheets/sheet1.xml': `${XML_DECL}<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
    'xl/chartsheets/_rels/sheet1.xml.rels': `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    'xl/drawings/drawing1.xml': `${XML_DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
    'xl/drawings/_rels/drawing1.xml.rels': `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId2" Type="${REL}/image" Target="../media/image1.png"/><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    'xl/charts/chart1.xml': `${XML_DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Kommunledning!$C$${FIRST}:$C$${SUM_ROW - 1}</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
    'xl/media/image1.png': PNG,
    'xl/drawings/vmlDrawing1.vml': `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>4</x:Row><x:Column>5</x:Column></x:ClientData></v:shape></xml>`,
    'xl/comments1.xml': `${XML_DECL}<comments xmlns="${MAIN}"><authors><author>tc={6A1D0C11-0000-0000-0000-000000000000}</author></authors><commentList><comment ref="F5" authorId="0"><text><t>[Trådad kommentar] Ny enhet i år</t></text></comment></commentList></comments>`,
    'xl/threadedComments/threadedComment1.xml': `${XML_DECL}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="F5" dT="2022-03-01T10:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{6A1D0C11-0000-0000-0000-000000000000}"><text>Ny enhet i år</text></threadedComment></ThreadedComments>`,
    'xl/persons/person.xml': `${XML_DECL}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Controller" id="{00000000-0000-0000-0000-000000000001}" userId="controller" providerId="None"/></personList>`,
    'xl/pivotCache/pivotCacheDefinition1.xml': `${XML_DECL}<pivotCacheDefinition xmlns="${MAIN}" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A3:F${SUM_ROW - 1}" sheet="Kommunledning"/></cacheSource><cacheFields count="1"><cacheField name="RN" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
    'xl/styles.xml':
      `${XML_DECL}<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0;[Red]\\-#,##0"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>` +
      `<fonts count="2"><font><sz val="11"/><name val="Aptos Narrow"/></font><font><b/><sz val="11"/><name val="Aptos Narrow"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><color rgb="FFC00000"/></font></dxf></dxfs></styleSheet>`,
    'xl/sharedStrings.xml': '',
    'xl/calcChain.xml': `${XML_DECL}<calcChain xmlns="${MAIN}">${UNITS.map((_u, i) => `<c r="E${FIRST + i}" i="1"/><c r="F${FIRST + i}"/>`).join('')}</calcChain>`,
  };
  parts['xl/sharedStrings.xml'] = excelSharedStrings(strings);
  if (options.macro === true) parts['xl/vbaProject.bin'] = Buffer.from(Array.from({ length: 2048 }, (_x, i) => (i * 7919) % 256));
  return zipParts(parts);
}

/** A workbook as Google Sheets exports it: inline strings, no styles part, no shared strings. */
export function googleSheetsStyleWorkbook(): Buffer {
  const inline = (ref: string, t: string): string => `<c r="${ref}" t="inlineStr"><is><t>${esc(t)}</t></is></c>`;
  const rows = [`<row r="3">${HEADERS.map((h, i) => inline(`${'ABCDEF'[i]}3`, h)).join('')}</row>`];
  UNITS.forEach(([name, b, c, d], i) => {
    const r = FIRST + i;
    const pct = change(b, c);
    rows.push(
      `<row r="${r}">${inline(`A${r}`, name)}<c r="B${r}"><v>${b}</v></c><c r="C${r}"><v>${c}</v></c><c r="D${r}"><v>${d}</v></c><c r="E${r}"><f>C${r}-D${r}</f><v>${c - d}</v></c>` +
        (pct === undefined ? `<c r="F${r}" t="e"><f>(C${r}/B${r}-1)*100</f><v>#DIV/0!</v></c>` : `<c r="F${r}"><f>(C${r}/B${r}-1)*100</f><v>${pct}</v></c>`) +
        `</row>`,
    );
  });
  return zipParts({
    'xl/_rels/workbook.xml.rels': `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML_DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><sheets><sheet state="visible" name="Kommunledning" sheetId="1" r:id="rId1"/></sheets><definedNames/><calcPr/></workbook>`,
    'xl/worksheets/sheet1.xml': `${XML_DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr customHeight="1" defaultColWidth="14.43" defaultRowHeight="15.75"/><sheetData>${rows.join('')}</sheetData><drawing r:id="rId1"/></worksheet>`,
    'xl/worksheets/_rels/sheet1.xml.rels': `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    'xl/drawings/drawing1.xml': `${XML_DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`,
    '[Content_Types].xml': `${XML_DECL}<Types xmlns="${CT}"><Default ContentType="application/xml" Extension="xml"/><Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" PartName="/xl/worksheets/sheet1.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.drawing+xml" PartName="/xl/drawings/drawing1.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" PartName="/xl/workbook.xml"/></Types>`,
    '_rels/.rels': `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  });
}

/** A workbook as openpyxl writes it: its element order, shared strings, formulas with empty cached values, a chart drawing. */
export function openpyxlStyleWorkbook(): Buffer {
  const strings: string[] = [];
  const s = (t: string): number => {
    let i = strings.indexOf(t);
    if (i < 0) i = strings.push(t) - 1;
    return i;
  };
  const rows = [`<row r="3">${HEADERS.map((h, i) => `<c r="${'ABCDEF'[i]}3" t="s"><v>${s(h)}</v></c>`).join('')}</row>`];
  UNITS.forEach(([name, b, c, d], i) => {
    const r = FIRST + i;
    rows.push(
      `<row r="${r}"><c r="A${r}" t="s"><v>${s(name)}</v></c><c r="B${r}" t="n"><v>${b}</v></c><c r="C${r}" t="n"><v>${c}</v></c><c r="D${r}" t="n"><v>${d}</v></c><c r="E${r}"><f>C${r}-D${r}</f><v></v></c><c r="F${r}"><f>(C${r}/B${r}-1)*100</f><v></v></c></row>`,
    );
  });
  return zipParts({
    'docProps/app.xml': `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`,
    'docProps/core.xml': `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>openpyxl</dc:creator></cp:coreProperties>`,
    'xl/theme/theme1.xml': `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements/></a:theme>`,
    'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr><dimension ref="A3:F${SUM_ROW - 1}"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><sheetData>${rows.join('')}</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><drawing xmlns:r="${REL}" r:id="rId1"/></worksheet>`,
    'xl/worksheets/_rels/sheet1.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Type="${REL}/drawing" Target="/xl/drawings/drawing1.xml" Id="rId1"/></Relationships>`,
    'xl/drawings/drawing1.xml': `<wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><oneCellAnchor><from><col>7</col><colOff>0</colOff><row>2</row><rowOff>0</rowOff></from><ext cx="5400000" cy="2700000"/><graphicFrame><nvGraphicFramePr><cNvPr id="1" name="Chart 1"/><cNvGraphicFramePr/></nvGraphicFramePr><xfrm/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></graphicFrame><clientData/></oneCellAnchor></wsDr>`,
    'xl/drawings/_rels/drawing1.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Type="${REL}/chart" Target="/xl/charts/chart1.xml" Id="rId1"/></Relationships>`,
    'xl/charts/chart1.xml': `<chartSpace xmlns="http://schemas.openxmlformats.org/drawingml/2006/chart"><roundedCorners val="0"/><chart><plotArea><barChart><barDir val="col"/><grouping val="clustered"/><ser><idx val="0"/><order val="0"/><val><numRef><f>'Kommunledning'!$C$${FIRST}:$C$${SUM_ROW - 1}</f></numRef></val></ser><axId val="10"/><axId val="100"/></barChart><catAx><axId val="10"/><scaling><orientation val="minMax"/></scaling><axPos val="l"/><crossAx val="100"/></catAx><valAx><axId val="100"/><scaling><orientation val="minMax"/></scaling><axPos val="l"/><crossAx val="10"/></valAx></plotArea></chart></chartSpace>`,
    'xl/sharedStrings.xml': `<sst xmlns="${MAIN}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${esc(t)}</t></si>`).join('')}</sst>`,
    'xl/styles.xml': `<styleSheet xmlns="${MAIN}"><numFmts count="0"/><fonts count="1"><font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles></styleSheet>`,
    'xl/workbook.xml': `<workbook xmlns="${MAIN}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews><sheets><sheet xmlns:r="${REL}" name="Kommunledning" sheetId="1" state="visible" r:id="rId1"/></sheets><definedNames/><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="rId1"/><Relationship Type="${REL}/styles" Target="styles.xml" Id="rId2"/><Relationship Type="${REL}/theme" Target="theme/theme1.xml" Id="rId3"/><Relationship Type="${REL}/sharedStrings" Target="sharedStrings.xml" Id="rId4"/></Relationships>`,
    '_rels/.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Type="${REL}/officeDocument" Target="xl/workbook.xml" Id="rId1"/><Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml" Id="rId2"/><Relationship Type="${REL}/extended-properties" Target="docProps/app.xml" Id="rId3"/></Relationships>`,
    '[Content_Types].xml': `<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
  });
}

/** The same Excel-style workbook in Strict Open XML (ISO 29500 namespaces). */
export function strictWorkbook(): Buffer {
  const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
  const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
  const rows = UNITS.map(([name, b, c, d], i) => {
    const r = FIRST + i;
    return `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${esc(name)}</t></is></c><c r="B${r}"><v>${b}</v></c><c r="C${r}"><v>${c}</v></c><c r="D${r}"><v>${d}</v></c><c r="E${r}"><f>C${r}-D${r}</f><v>${c - d}</v></c></row>`;
  });
  return zipParts({
    '[Content_Types].xml': `${XML_DECL}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML_DECL}<workbook xmlns="${STRICT_MAIN}" xmlns:r="${STRICT_REL}" conformance="strict"><workbookPr dateCompatibility="0"/><sheets><sheet name="Kommunledning" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML_DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${STRICT_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `${XML_DECL}<worksheet xmlns="${STRICT_MAIN}"><sheetData><row r="3">${HEADERS.map((h, i) => `<c r="${'ABCDEF'[i]}3" t="inlineStr"><is><t>${esc(h)}</t></is></c>`).join('')}</row>${rows.join('')}</sheetData></worksheet>`,
  });
}
