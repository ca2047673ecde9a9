/** The simulated `Worksheet.notes` (ExcelApi 1.18): the note collection and a note. */
import { cellAddress } from '../../engine';
import { parseRect } from '../address';
import type { XlNote, XlNoteCollection } from '../xl';
import { HostError, ProxyBase, requireVersion, type Server } from './proxy-base';
import type { TestContext, WorksheetProxy } from './proxies';

export class NoteCollectionProxy extends ProxyBase implements XlNoteCollection {
  constructor(
    ctx: TestContext,
    path: string,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx, path);
  }
  add(cellAddress: string, content: string): void {
    this.queueCall('add', cellAddress, content);
  }
  getItemOrNullObject(key: string): NoteProxy {
    return new NoteProxy(this.ctx, `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`, this.sheet, key);
  }
  exists(server: Server): boolean {
    requireVersion(server, '1.18', 'Worksheet.notes');
    return this.sheet.exists(server);
  }
  read(_server: Server, prop: string): unknown {
    throw new HostError('InvalidArgument', `NoteCollection.${prop}`);
  }
  override invoke(server: Server, method: string, args: unknown[]): void {
    requireVersion(server, '1.18', 'Worksheet.notes');
    if (method !== 'add') return super.invoke(server, method, args);
    const sheet = this.sheet.target(server);
    server.checkWritable(sheet);
    const key = normalizeCell(String(args[0]));
    if (sheet.notes.has(key)) throw new HostError('InvalidArgument', 'The cell already has a note.');
    sheet.notes.set(key, server.noteAuthor === undefined ? String(args[1]) : `${server.noteAuthor}:\n${String(args[1])}`);
  }
}

function normalizeCell(address: string): string {
  const r = parseRect(address);
  return r === undefined ? address : cellAddress(r.top, r.left);
}

class NoteProxy extends ProxyBase implements XlNote {
  constructor(
    ctx: TestContext,
    path: string,
    private readonly sheet: WorksheetProxy,
    private readonly key: string,
  ) {
    super(ctx, path);
  }
  get content(): string {
    return this.prop('content');
  }
  set content(v: string) {
    this.queueSet('content', v);
  }
  delete(): void {
    this.queueCall('delete');
  }
  exists(server: Server): boolean {
    requireVersion(server, '1.18', 'Worksheet.notes');
    return this.sheet.exists(server) && this.sheet.target(server).notes.has(normalizeCell(this.key));
  }
  read(server: Server, prop: string): unknown {
    if (prop !== 'content') throw new HostError('InvalidArgument', `Note.${prop}`);
    return this.sheet.target(server).notes.get(normalizeCell(this.key));
  }
  override invoke(server: Server, method: string, args: unknown[]): void {
    if (method !== 'delete') return super.invoke(server, method, args);
    const sheet = this.sheet.target(server);
    server.checkWritable(sheet);
    sheet.notes.delete(normalizeCell(this.key));
  }
}
