#!/usr/bin/env python3
"""Remakes tests/fixtures/batch/roster-*.csv and roster.xlsx (needs openpyxl)."""
import os
here = os.path.join(os.path.dirname(__file__), '..', 'tests', 'fixtures', 'batch')
header_zh = ['工号', '姓名', '部门', '岗位', '出生年份', '职业路线', '职级', '备注']
rows = [
    ['R001', '周杰', '客服部', '客服专员', '1995', 'administrative', '职员', ''],
    ['R002', '吴敏', '客服部', '客服主管', '1989', 'administrative', '主管', ''],
    ['R003', '郑爽', '研发中心', '工程师', '1992', 'technical', '中级', ''],
    ['R004', '王珺', '研发中心', '高级工程师', '1984', 'technical', '副高级', ''],
    ['R005', '李喆', '财务部', '会计', '1990', 'administrative', '职员', ''],
    ['R006', '赵堃', '财务部', '出纳', '2031', 'administrative', '职员', '出生年份写错'],
    ['R007', '孙玥', '研发中心', '工程师', '1996', 'technical', '中纪', '职级写错'],
]
def write_csv(name, encoding, bom=False):
    text = '\n'.join(','.join(r) for r in [header_zh] + rows) + '\n'
    data = text.encode(encoding)
    if bom:
        data = b'\xef\xbb\xbf' + data
    open(os.path.join(here, name), 'wb').write(data)
write_csv('roster-utf8.csv', 'utf-8')
write_csv('roster-bom.csv', 'utf-8', bom=True)
write_csv('roster-gbk.csv', 'gbk')
from openpyxl import Workbook
wb = Workbook()
ws = wb.active
ws.append(['Employee ID', 'Name', 'Department', 'Role', 'Age', 'Track', 'Level', 'Joined'])
ws.append(['X001', 'Ana Silva', 'Sales', 'Consultant', 28, 'administrative', 'staff', '2022-03'])
ws.append(['X002', 'Ben Okafor', 'Engineering', 'Engineer', 35, 'technical', 'associate_senior', '2018'])
ws.append(['X003', 'Chloé Martin', 'Engineering', 'Engineer', 31, 'technical', 'seniour', '2020'])
wb.save(os.path.join(here, 'roster.xlsx'))
