#!/usr/bin/env python3
"""The Typst peer of scripts/bench.sh: CPU per document of Typst in-process (the
`typst` package from PyPI, one warm Compiler whose fonts are loaded once) on
workbooks of comparable content and length, N different documents like a batch.

Each document is made from careerbook's own li-na.zh workbook: the text of every
page (pdftotext), the same number of pages, each page with its heading and rule, its
paragraphs, and one three-column table; the Johari window as four boxed panes; fonts
from Debian's fonts-noto-cjk. Each document gets its own name and id, as in the batch.

usage: bench-typst.py WORKBOOK.pdf COUNT   (prints: pages ms_cpu_per_document)
"""
import os
import random
import subprocess
import sys
import tempfile
import time

import typst

pdf, count = sys.argv[1], int(sys.argv[2])
pages = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True,
                       capture_output=True, text=True).stdout.split("\f")
pages = [p for p in pages if p.strip()]


def esc(s):
    return "".join("\\" + c if c in "\\#*_`$<>@[]=~/\"" else c for c in s)


def document(name, ident):
    out = [
        '#set page(paper: "a4", margin: 20mm, footer: context [#set text(8pt); '
        + esc(name) + ' #h(1fr) 第 #counter(page).display() 页])',
        '#set text(font: "Noto Sans CJK SC", size: 9.5pt, lang: "zh")',
        "#set par(justify: true, leading: 0.7em, spacing: 0.9em)",
    ]
    for n, page in enumerate(pages):
        # paragraphs: blank-line separated, their lines joined again
        paras = [" ".join(l.strip() for l in block.splitlines() if l.strip())
                 for block in page.split("\n\n")]
        lines = [p for p in paras if p]
        if not lines:
            continue
        head, body = lines[0], lines[1:]
        if n:
            out.append("#pagebreak()")
        out.append(f"#text(16pt, weight: \"bold\", fill: rgb(\"#1d4e89\"))[{esc(head)}]")
        out.append("#line(length: 100%, stroke: 0.5pt + rgb(\"#c9d2dc\"))")
        cells = body[: (len(body) // 3) * 3][:12]
        rest = body[len(cells):]
        for para in rest:
            out.append(esc(para.replace(ident_src, ident).replace(name_src, name)))
            out.append("")
        if cells:
            out.append("#table(columns: (1fr, 1fr, 1fr), stroke: 0.4pt + rgb(\"#c9d2dc\"),")
            out.append(", ".join(f"[{esc(c)}]" for c in cells) + ")")
        if n == 3:
            out.append("#grid(columns: (1fr, 1fr), gutter: 4pt, "
                       + ", ".join(f"rect(width: 100%, height: 90pt, fill: rgb(\"#e8eef6\"))[{p}]"
                                   for p in ["公开的我", "脊背的我", "隐私的我", "潜在的我"]) + ")")
    return "\n".join(out)


name_src, ident_src = "李娜", "E2041"
fonts = "/usr/share/fonts/opentype/noto"
random.seed(7)
surn, given = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉萍红玲芬燕"
with tempfile.TemporaryDirectory() as work:
    docs = []
    for i in range(count + 1):
        path = os.path.join(work, f"d{i}.typ")
        name = random.choice(surn) + random.choice(given) + random.choice(given)
        with open(path, "w", encoding="utf-8") as f:
            f.write(document(name, f"G{i:06d}"))
        docs.append(path)
    compiler = typst.Compiler(root=work, font_paths=[fonts], ignore_system_fonts=True)
    # one warm-up document (fonts, caches), then the timed ones
    compiler.compile(input=docs[0], output=os.path.join(work, "warm.pdf"))
    start = time.process_time()
    for i, path in enumerate(docs[1:]):
        compiler.compile(input=path, output=os.path.join(work, f"o{i}.pdf"))
    cpu = time.process_time() - start
    out_pages = subprocess.run(["pdfinfo", os.path.join(work, "o0.pdf")], check=True,
                               capture_output=True, text=True).stdout
    n = next(int(l.split()[-1]) for l in out_pages.splitlines() if l.startswith("Pages:"))
print(n, round(cpu * 1000 / count, 1))
