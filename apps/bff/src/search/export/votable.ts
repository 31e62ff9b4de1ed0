import type { FieldType, SearchRow } from '@bdms/contract';
import type { ExportColumn } from './columns.ts';
import type { ExportFormatWriter } from './export-writer.ts';

/*
 * VOTable 1.4 (TABLEDATA), one FIELD per column typed from the catalogue: long, double, boolean,
 * char (times with xtype="timestamp"), lists of long. An empty cell is a null (VOTable ≥ 1.3).
 * After the table, INFO name="QUERY_STATUS" (as DALI services do) says OK, or ERROR with the
 * reason when the result broke off: a reader sees an incomplete table for what it is.
 */

/** XML 1.0 text: escaped, and characters XML cannot carry replaced by U+FFFD. */
export const xmlText = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/gu, '\ufffd');

interface VoType {
  datatype: string;
  arraysize?: string;
  xtype?: string;
}

const VO_TYPES: Record<FieldType, VoType> = {
  int: { datatype: 'long' },
  float: { datatype: 'double' },
  bool: { datatype: 'boolean' },
  'int-list': { datatype: 'long', arraysize: '*' },
  datetime: { datatype: 'char', arraysize: '*', xtype: 'timestamp' },
  date: { datatype: 'char', arraysize: '*' },
  string: { datatype: 'char', arraysize: '*' },
  enum: { datatype: 'char', arraysize: '*' },
  any: { datatype: 'char', arraysize: '*' },
};

function field(c: ExportColumn): string {
  const t = VO_TYPES[c.type];
  const attrs: [string, string | undefined][] = [
    ['name', c.name],
    ['datatype', t.datatype],
    ['arraysize', t.arraysize],
    ['xtype', t.xtype],
    ['unit', c.unit],
    ['ucd', c.ucd],
  ];
  const text = attrs
    .filter((a): a is [string, string] => a[1] !== undefined)
    .map(([k, v]) => `${k}="${xmlText(v)}"`)
    .join(' ');
  return `<FIELD ${text}><DESCRIPTION>${xmlText(c.description)}</DESCRIPTION></FIELD>`;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** A value as TABLEDATA text for its column type; a value of another type is left empty. */
function td(type: FieldType, v: unknown): string {
  if (v === null || v === undefined) return '';
  switch (type) {
    case 'int':
      return isInt(v) ? String(v) : '';
    case 'float':
      return typeof v === 'number' ? String(v) : '';
    case 'bool':
      return typeof v === 'boolean' ? (v ? 'T' : 'F') : '';
    case 'int-list':
      return Array.isArray(v) && v.every(isInt) ? v.join(' ') : '';
    default:
      return xmlText(typeof v === 'string' ? v : JSON.stringify(v));
  }
}

export function votableWriter(columns: ExportColumn[], description: string): ExportFormatWriter {
  const close = '</TABLEDATA></DATA></TABLE>\n';
  return {
    head: () =>
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '<RESOURCE type="results">\n' +
      `<TABLE name="bdms_search"><DESCRIPTION>${xmlText(description)}</DESCRIPTION>\n` +
      columns.map(field).join('\n') +
      '\n<DATA><TABLEDATA>\n',
    row: (row: SearchRow) =>
      `<TR>${columns.map((c) => `<TD>${td(c.type, c.value(row))}</TD>`).join('')}</TR>\n`,
    end: (count) =>
      `${close}<INFO name="QUERY_STATUS" value="OK">${count} rows</INFO>\n</RESOURCE>\n</VOTABLE>\n`,
    error: ({ message }) =>
      `${close}<INFO name="QUERY_STATUS" value="ERROR">${xmlText(message)}</INFO>\n</RESOURCE>\n</VOTABLE>\n`,
  };
}
