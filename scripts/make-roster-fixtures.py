#!/usr/bin/env python3
"""Remakes the hostile / awkward roster fixtures in tests/fixtures/rosters/.

Standard library only (no openpyxl): every .xlsx is assembled part by part with
zipfile (ZIP_DEFLATED), so each file holds exactly the XML written here. Strings
are inline (t="inlineStr"); birth years and dates are numbers. Header row:
工号, 姓名, 部门, 出生年份, 职业路线, 职级.

Fixtures and what each one tests:

1. xlsx-far-cell.xlsx -- only A1 ("x") and XFD1048576 ("y"), with
   <dimension ref="A1:XFD1048576"/>. A ~2 KB file that claims a 16384 x 1048576
   grid: a reader that allocates a dense range from the dimension (or from the
   last cell) would need ~17 billion cells. The importer must refuse it (or stay
   within memory) rather than allocate.

2. xlsx-whitespace-bomb.xlsx -- sheet1.xml is a valid worksheet (header + one
   valid data row) padded inside <sheetData>, between the two rows, with 300 MiB
   of spaces. The zip is ~300 KB but the part inflates to > 300 MiB: a decompression
   bomb that is still well-formed XML. The importer must cap the inflated size
   (or stream) instead of reading the part into memory. Written as a stream in
   1 MiB chunks (ZipFile.open(..., 'w')), so this script never holds it in
   memory. Deliberately not force_zip64: 300 MiB fits the 32-bit size fields,
   and Python's force_zip64 puts a ZIP64 extra in the local header only (not in
   the central directory), a mix that Excel is known to reject as corrupt.

3. xlsx-title-row.xlsx -- a title in A1 merged over A1:F1 ("2026 年度员工名单"),
   row 2 empty, header on row 3, data on rows 4-6 (T001-T003). The department
   is written only in C4 and merged over C4:C6 (C5, C6 are absent). T003's level
   is the invalid "中纪": the error must name the sheet's own row 6 and column F,
   i.e. header detection below a title row, merged-cell fill-down, and error
   positions in spreadsheet coordinates.

4. xlsx-offset.xlsx -- the table starts at B3 (rows 1-2 and column A empty):
   header B3:G3, data rows 4-5 (O001, O002). O002's birth year is 2031 (in the
   future): the error must say row 5, column E, not a position relative to the
   table.

5. xlsx-1904.xlsx -- workbook.xml has <workbookPr date1904="1"/>. An extra
   column 入职日期 (G) holds a number styled with numFmtId 14 (styles.xml, s="1")
   whose serial is 2020-03-01 in the 1904 date system: a reader that ignores
   date1904 reads it 1462 days (4 years + 1 day) early, as 2016-02-29.

6. roster-utf16.txt -- Excel's "Unicode text" export: UTF-16LE with BOM FF FE,
   tab-separated, CRLF line ends; header + U001 李娜, U002 王芳. Must be
   recognised by its BOM (not mistaken for binary / UTF-8 / GBK).

7. roster-bad-byte.csv -- UTF-8 CSV, header + 3 rows; one byte of row 3's name
   (file line 4) is replaced by 0xFF, so the file is neither valid UTF-8 nor
   valid GBK (0xFF is neither a lead nor a trail byte in GBK/GB18030). The error
   should name the line and must not be silently decoded as mojibake.

8. roster-formula.csv -- UTF-8 CSV whose names / departments start with
   =HYPERLINK("http://x","y"), +86, -1, @SUM(A1), and one department with a tab
   then =1+1 (ids F001-F004, everything else valid). Any of these written back
   into a CSV/XLSX report is a spreadsheet formula injection: outputs must
   neutralise them (e.g. prefix with ') or refuse them.

The script prints each file's size and, for each .xlsx, the inflated size of
every part (from zipfile's infolist).
"""
import datetime
import os
import zipfile

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                    '..', 'tests', 'fixtures', 'rosters')
HEADER = ['工号', '姓名', '部门', '出生年份', '职业路线', '职级']
MIB = 1 << 20

NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


# ---------------------------------------------------------------- xlsx parts

def esc(s):
    return (s.replace('&', '&amp;').replace('<', '&lt;')
             .replace('>', '&gt;').replace('"', '&quot;'))


def col_name(n):
    """1 -> A, 26 -> Z, 27 -> AA, 16384 -> XFD."""
    s = ''
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def cell(ref, value, style=None):
    """One <c> element: str -> inline string, int/float -> number."""
    s = ' s="%d"' % style if style is not None else ''
    if isinstance(value, str):
        sp = ' xml:space="preserve"' if value != value.strip() else ''
        return '<c r="%s"%s t="inlineStr"><is><t%s>%s</t></is></c>' % (
            ref, s, sp, esc(value))
    return '<c r="%s"%s><v>%s</v></c>' % (ref, s, value)


def row(r, first_col, values, styles=None):
    """A <row> with values placed from column first_col (1-based); None skips."""
    cells = []
    for i, v in enumerate(values):
        if v is None:
            continue
        st = (styles or {}).get(i)
        cells.append(cell('%s%d' % (col_name(first_col + i), r), v, st))
    return '<row r="%d">%s</row>' % (r, ''.join(cells))


def sheet_head(dimension):
    return (XML_DECL + '<worksheet xmlns="%s" xmlns:r="%s">'
            '<dimension ref="%s"/><sheetData>' % (NS_MAIN, NS_REL, dimension))


def sheet_xml(dimension, rows, merges=()):
    tail = '</sheetData>'
    if merges:
        tail += '<mergeCells count="%d">%s</mergeCells>' % (
            len(merges), ''.join('<mergeCell ref="%s"/>' % m for m in merges))
    return sheet_head(dimension) + ''.join(rows) + tail + '</worksheet>'


def content_types(styles):
    over = [('/xl/workbook.xml',
             'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
            ('/xl/worksheets/sheet1.xml',
             'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml')]
    if styles:
        over.append(('/xl/styles.xml',
                     'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'))
    return (XML_DECL +
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' +
            ''.join('<Override PartName="%s" ContentType="%s"/>' % o for o in over) +
            '</Types>')


ROOT_RELS = (XML_DECL + '<Relationships xmlns="%s">'
             '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>' % (NS_PKG_REL, NS_REL))


def workbook_xml(date1904=False):
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr/>'
    return (XML_DECL + '<workbook xmlns="%s" xmlns:r="%s">%s'
            '<bookViews><workbookView/></bookViews>'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>'
            '</workbook>' % (NS_MAIN, NS_REL, pr))


def workbook_rels(styles):
    rels = '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>' % NS_REL
    if styles:
        rels += '<Relationship Id="rId2" Type="%s/styles" Target="styles.xml"/>' % NS_REL
    return XML_DECL + '<Relationships xmlns="%s">%s</Relationships>' % (NS_PKG_REL, rels)


# cellXfs 0 = default, 1 = built-in numFmtId 14 (short date, m/d/yyyy).
STYLES_DATE = (XML_DECL + '<styleSheet xmlns="%s">'
               '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
               '<fills count="2"><fill><patternFill patternType="none"/></fill>'
               '<fill><patternFill patternType="gray125"/></fill></fills>'
               '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
               '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
               '<cellXfs count="2">'
               '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
               '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
               '</cellXfs>'
               '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
               '</styleSheet>' % NS_MAIN)


def member(name):
    """A ZipInfo with a fixed date and mode, so reruns give identical files."""
    zi = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    zi.compress_type = zipfile.ZIP_DEFLATED
    zi._compresslevel = 9  # read by writestr / open('w'); alias of compress_level in 3.13+
    zi.external_attr = 0o644 << 16
    return zi


def write_xlsx(name, sheet, styles=None, date1904=False):
    """sheet: a str (the whole sheet1.xml) or a callable(fileobj) streaming it."""
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(member('[Content_Types].xml'), content_types(styles is not None))
        z.writestr(member('_rels/.rels'), ROOT_RELS)
        z.writestr(member('xl/workbook.xml'), workbook_xml(date1904))
        z.writestr(member('xl/_rels/workbook.xml.rels'), workbook_rels(styles is not None))
        if callable(sheet):
            # Streamed; no force_zip64 (see the docstring). Python raises here if
            # the part ever grows past 2 GiB, rather than writing a bad zip.
            with z.open(member('xl/worksheets/sheet1.xml'), 'w') as f:
                sheet(f)
        else:
            z.writestr(member('xl/worksheets/sheet1.xml'), sheet)
        if styles is not None:
            z.writestr(member('xl/styles.xml'), styles)
    return path


# ---------------------------------------------------------------- fixtures

def far_cell():
    last = '%s%d' % (col_name(16384), 1048576)
    assert last == 'XFD1048576'
    rows = ['<row r="1">%s</row>' % cell('A1', 'x'),
            '<row r="1048576">%s</row>' % cell(last, 'y')]
    return write_xlsx('xlsx-far-cell.xlsx', sheet_xml('A1:' + last, rows))


def whitespace_bomb():
    pad_mib = 300
    head = (sheet_head('A1:F2') + row(1, 1, HEADER)).encode('utf-8')
    tail = (row(2, 1, ['W001', '李娜', '研发中心', 1990, 'technical', '初级'])
            + '</sheetData></worksheet>').encode('utf-8')
    chunk = b' ' * MIB

    def stream(f):
        f.write(head)
        for _ in range(pad_mib):
            f.write(chunk)
        f.write(tail)
    return write_xlsx('xlsx-whitespace-bomb.xlsx', stream)


def title_row():
    rows = [
        row(1, 1, ['2026 年度员工名单']),
        # row 2: empty (no <row> element, as Excel writes it)
        row(3, 1, HEADER),
        row(4, 1, ['T001', '李娜', '研发中心', 1990, 'administrative', '职员']),
        row(5, 1, ['T002', '王芳', None, 1993, 'technical', '初级']),
        row(6, 1, ['T003', '张伟', None, 1988, 'technical', '中纪']),  # bad level: F6
    ]
    return write_xlsx('xlsx-title-row.xlsx',
                      sheet_xml('A1:F6', rows, merges=('A1:F1', 'C4:C6')))


def offset():
    rows = [
        row(3, 2, HEADER),
        row(4, 2, ['O001', '刘洋', '财务部', 1987, 'administrative', '主管']),
        row(5, 2, ['O002', '陈静', '财务部', 2031, 'administrative', '职员']),  # E5
    ]
    return write_xlsx('xlsx-offset.xlsx', sheet_xml('B3:G5', rows))


def date1904():
    serial = (datetime.date(2020, 3, 1) - datetime.date(1904, 1, 1)).days
    serial1900 = (datetime.date(2020, 3, 1) - datetime.date(1899, 12, 30)).days
    assert serial == serial1900 - 1462 == 42429, serial
    rows = [
        row(1, 1, HEADER + ['入职日期']),
        row(2, 1, ['D001', '赵敏', '人事部', 1995, 'administrative', '职员', serial],
            styles={6: 1}),
    ]
    path = write_xlsx('xlsx-1904.xlsx', sheet_xml('A1:G2', rows),
                      styles=STYLES_DATE, date1904=True)
    print('  1904 serial for 2020-03-01: %d (1900 system: %d)' % (serial, serial1900))
    return path


def utf16_text():
    rows = [HEADER,
            ['U001', '李娜', '研发中心', '1991', 'technical', '中级'],
            ['U002', '王芳', '客服部', '1996', 'administrative', '职员']]
    text = ''.join('\t'.join(r) + '\r\n' for r in rows)
    path = os.path.join(HERE, 'roster-utf16.txt')
    with open(path, 'wb') as f:
        f.write(b'\xff\xfe' + text.encode('utf-16-le'))
    return path


def bad_byte_csv():
    rows = [HEADER,
            ['B001', '李娜', '研发中心', '1990', 'technical', '初级'],
            ['B002', '王芳', '客服部', '1994', 'administrative', '职员'],
            ['B003', '张伟', '财务部', '1986', 'administrative', '主管']]
    lines = [','.join(r).encode('utf-8') + b'\n' for r in rows]
    # Row 3 = file line 4: replace the lead byte of 伟 (E4 BC 9F) with 0xFF.
    line_no = 4
    name = '张伟'.encode('utf-8')
    bad_name = name[:3] + b'\xff' + name[4:]
    assert lines[line_no - 1].count(name) == 1
    lines[line_no - 1] = lines[line_no - 1].replace(name, bad_name)
    data = b''.join(lines)
    offset = data.index(b'\xff')
    for enc in ('utf-8', 'gbk', 'gb18030'):
        try:
            data.decode(enc)
        except UnicodeDecodeError:
            pass
        else:
            raise AssertionError('bad-byte csv decodes as ' + enc)
    path = os.path.join(HERE, 'roster-bad-byte.csv')
    with open(path, 'wb') as f:
        f.write(data)
    col = offset - sum(len(l) for l in lines[:line_no - 1]) + 1
    print('  bad byte 0xFF: line %d (data row 3, id B003, name 张伟), byte %d of the '
          'line, file offset %d; neither utf-8 nor gbk/gb18030 decodes'
          % (line_no, col, offset))
    return path


def csv_field(s):
    if any(ch in s for ch in ',"\t\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def formula_csv():
    rows = [HEADER,
            ['F001', '=HYPERLINK("http://x","y")', '研发中心', '1990', 'technical', '初级'],
            ['F002', '+86 13800138000', '客服部', '1992', 'administrative', '职员'],
            ['F003', '王芳', '-1 财务部', '1989', 'administrative', '主管'],
            ['F004', '@SUM(A1)', '\t=1+1', '1997', 'technical', '中级']]
    text = ''.join(','.join(csv_field(c) for c in r) + '\n' for r in rows)
    path = os.path.join(HERE, 'roster-formula.csv')
    with open(path, 'wb') as f:
        f.write(text.encode('utf-8'))
    return path


def main():
    os.makedirs(HERE, exist_ok=True)
    for make in (far_cell, whitespace_bomb, title_row, offset, date1904,
                 utf16_text, bad_byte_csv, formula_csv):
        path = make()
        print('%-28s %12d bytes' % (os.path.basename(path), os.path.getsize(path)))
        if path.endswith('.xlsx'):
            with zipfile.ZipFile(path) as z:
                for info in z.infolist():
                    print('    %-30s %12d inflated %10d deflated'
                          % (info.filename, info.file_size, info.compress_size))


if __name__ == '__main__':
    main()
