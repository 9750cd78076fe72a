#!/usr/bin/env python3
"""Remakes the peer-feedback survey exports in tests/fixtures/feedback/exports/.

Each file is one survey export laid out the way the tool writes it (header names and
order, metadata columns, encoding, delimiter, how a multi-select answer is joined, how
an "Other" text appears). A response is one colleague (the rater) describing another
employee (the subject) with 5-6 of the 55 adjectives of src/profile/catalog.rs (ADJECTIVES,
read from that file, so only catalogue words are used).

Everything comes from one ground truth per file, a list of responses (subject, picks,
Other text, who answered), from which the script writes both the file and its line
of expected.tsv, so the two cannot drift apart:

  - raters: distinct raters per subject. A respondent known by an identity column
    (email, name, nickname, phone, user id; never an IP address, never a placeholder
    such as `anonymous` / `匿名` / empty) counts once per subject however often they
    answered (the last answer stands); a response without identity is its own rater;
    a response with no catalogue adjective (only an Other text) is not a rater; a
    row whose subject cannot be told for sure (the shared name 周杰) is not counted.
  - skipped: rows not counted (subject shared / missing, or no adjective). An earlier
    answer replaced by the same rater's later one is not "skipped". Empty for a
    refused file.
  - secrets: every identity value (and IP address) written into the file; none may
    reach any output.

No randomness except a random.Random seeded with each file's name; fixed dates; XLSX
parts are re-zipped with a fixed timestamp, so two runs give the same bytes.

usage: scripts/make-feedback-exports.py          # writes the corpus, then checks it
       scripts/make-feedback-exports.py --check  # only re-reads the files and checks

The check re-reads every file as a reader would (csv with the file's encoding and
delimiter, openpyxl), finds the subject / picks / identity columns by their header,
recounts raters from the cells alone and compares with expected.tsv; it also checks
that each secret is really in its file, and that each file's encoding is as claimed.
"""
import csv
import datetime as dt
import io
import os
import random
import re
import sys
import unicodedata
import zipfile
from collections import OrderedDict, defaultdict

try:
    import openpyxl
except ImportError:  # pragma: no cover
    sys.exit("needs openpyxl: pip install openpyxl")
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
OUT = os.path.join(ROOT, "tests", "fixtures", "feedback", "exports")

# ---------------------------------------------------------------------------
# The catalogue (from src/profile/catalog.rs) and the roster
# ---------------------------------------------------------------------------


def load_catalog():
    src = open(os.path.join(ROOT, "src", "catalog.rs"), encoding="utf-8").read()
    block = src[src.index("pub const ADJECTIVES"):]
    block = block[: block.index("];")]
    items = re.findall(r'it\("([^"]+)",\s*"([^"]+)",\s*"([^"]+)"\)', block)
    assert len(items) == 55, len(items)
    ali = re.search(r"pub const ADJECTIVE_ALIASES[^=]*=\s*&\[(.*?)\];", src, re.S).group(1)
    aliases = dict(re.findall(r'\("([^"]+)",\s*"([^"]+)"\)', ali))
    return items, aliases


ITEMS, ALIASES = load_catalog()
IDS = [i for i, _, _ in ITEMS]
ZH = {i: z for i, z, _ in ITEMS}
EN = {i: e for i, _, e in ITEMS}
# zh-TW forms (as src/text/zhtw.rs writes them from assets/zhtw/chars.tsv) of the words
# used in the zh-TW files; only these words are picked there.
ZHTW = {
    "adaptable": "適應力強", "helpful": "樂於助人", "organised": "有條理",
    "caring": "體貼", "cheerful": "開朗", "clever": "聰明", "warm": "熱情",
    "calm": "冷靜", "modest": "謙虛", "trustworthy": "值得信賴",
    "sensible": "通情達理", "observant": "善於觀察", "logical": "邏輯性強",
    "responsive": "回應及時", "witty": "風趣", "knowledgeable": "博學",
    "independent": "獨立", "dependable": "可靠", "patient": "耐心", "friendly": "友好",
}
assert set(ZHTW) <= set(IDS)

EMPLOYEES = [
    ("E001", "张伟", "研发部"), ("E002", "李娜", "研发部"), ("E003", "王芳", "客服部"),
    ("E004", "刘洋", "研发部"), ("E005", "陈静", "客服部"), ("E006", "杨帆", "研发部"),
    ("E007", "Emily Chen", "研发部"), ("E008", "David Miller", "客服部"),
    ("E009", "赵磊", "研发部"), ("E010", "孙丽", "客服部"),
    ("E011", "周杰", "财务部"), ("E012", "周杰", "市场部"),
]
NAME = {e: n for e, n, _ in EMPLOYEES}
AMBIG = "?shared-name"  # a subject written as 周杰: E011 or E012, cannot be told

# ---------------------------------------------------------------------------
# Raters (each with every kind of identity a tool may record) and responses
# ---------------------------------------------------------------------------

STEMS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"


class Person:
    count = 0

    def __init__(self, emp=None):
        Person.count += 1
        n = self.n = Person.count
        assert n <= len(STEMS) ** 2
        self.zh = "秘密" + STEMS[(n - 1) // len(STEMS)] + STEMS[(n - 1) % len(STEMS)]
        self.en = f"Secret Rater {n:03d}"
        self.email = f"rater.secret{n:03d}@corp.example"
        self.phone = f"138{n:08d}"
        self.nick = f"SECRET_NICK_{n:03d}"
        self.uid = f"SECRET_UID_{n:03d}"
        self.openid = f"oSECRET_OPENID_{n:03d}"
        self.qq = f"66{n:07d}"
        self.wecom = f"secret.wecom{n:03d}"
        self.ding = f"secret_ding_{n:03d}"
        self.emp = emp  # the rater's own employee id, where a form asks for it


class R:
    """One response: the truth the file is written from."""

    def __init__(self, subj, picks, who=None, other=None, text=None, comment=""):
        self.subj = subj        # employee id, AMBIG, or None (no subject given)
        self.picks = picks      # catalogue ids
        self.who = who          # Person, or None (nothing identifies the respondent)
        self.other = other      # "Other" free text, or None
        self.text = text        # how the subject is written, if not the default
        self.comment = comment


COMMENTS_ZH = [
    "", "沟通很顺畅，合作愉快", "", "希望在会上多分享自己的想法", "代码评审很细致", "",
    "(空)", "交接文档写得很清楚", "", "遇到问题会主动同步进展", "继续保持！", "",
    "有时候节奏太快，可以多照顾新人", "",
]
COMMENTS_EN = [
    "", "Great to work with.", "", "Could share more in team meetings.", "",
    "Always happy to help the new joiners.", "", "Sometimes takes on too much at once.",
    "", "Clear and thorough handovers.", "",
]


class Export:
    def __init__(self, name, tool, note, outcome="ok"):
        self.name = name
        self.tool = tool
        self.note = note
        self.outcome = outcome
        self.rng = random.Random("feedback-exports/" + name)
        self.resps = []
        self.secrets = OrderedDict()
        self.read = None  # how --check finds the columns (None for refused files)
        self.encoding = "utf-8"

    def secret(self, value):
        self.secrets[value] = True
        return value

    # -- building the ground truth -------------------------------------------------

    def picks(self, pool=None, n=None):
        pool = pool or IDS
        return self.rng.sample(pool, n or self.rng.choice((5, 6, 6, 5, 6)))

    def plan(self, plan, people=True, pool=None, emp_pool=None):
        """plan: [(subject, raters)]; every rater a new Person (or nobody)."""
        out = []
        emps = list(emp_pool or [])
        for subj, n in plan:
            for _ in range(n):
                who = None
                if people:
                    who = Person(emp=emps.pop(0) if emps else None)
                out.append(R(subj, self.picks(pool), who))
        self.rng.shuffle(out)
        self.resps = out
        return out

    def again(self, k=0, pool=None, comment=""):
        """The k-th identified respondent answers again, later, for the same subject."""
        cands = [r for r in self.resps if r.who is not None and r.subj not in (None, AMBIG)]
        first = cands[k % len(cands)]
        at = self.resps.index(first)
        pos = at + 1 + self.rng.randrange(len(self.resps) - at)
        self.resps.insert(pos, R(first.subj, self.picks(pool), first.who, comment=comment))
        return first

    def add(self, r, pos=None):
        if pos is None:
            pos = 1 + self.rng.randrange(len(self.resps))
        self.resps.insert(pos, r)
        return r

    def comments(self, pool):
        for i, r in enumerate(self.resps):
            if not r.comment:
                r.comment = pool[(i * 5 + len(self.name)) % len(pool)]

    def times(self, start, gap=(4, 55)):
        t = start
        out = []
        for _ in self.resps:
            t = t + dt.timedelta(minutes=self.rng.randint(*gap), seconds=self.rng.randint(0, 59))
            took = self.rng.randint(38, 420)
            out.append((t - dt.timedelta(seconds=took), t, took))
        return out

    # -- the expectation -----------------------------------------------------------

    def expected(self):
        if self.outcome != "ok":
            return "", ""
        raters = defaultdict(set)
        skipped = 0
        for i, r in enumerate(self.resps):
            if r.subj in (None, AMBIG) or not r.picks:
                skipped += 1
                continue
            raters[r.subj].add(("person", r.who.n) if r.who else ("row", i))
        counts = " ".join(f"{s}={len(raters[s])}" for s in sorted(raters))
        for s in raters:
            assert 1 <= len(raters[s]) <= 5, (self.name, s, len(raters[s]))
        return counts, str(skipped)


# ---------------------------------------------------------------------------
# How each tool writes picks, subjects and times
# ---------------------------------------------------------------------------


def en_cap(i):
    e = EN[i]
    return e[0].upper() + e[1:]


LABEL = {
    "zh": lambda i: ZH[i],
    "tw": lambda i: ZHTW[i],
    "en": en_cap,
    "en_lower": lambda i: EN[i],
    "zh_en": lambda i: f"{ZH[i]} ({EN[i]})",
    "en_zh": lambda i: f"{en_cap(i)} {ZH[i]}",
}


def labels(r, style, ordered=True):
    """A survey tool writes the chosen options in the form's order (the catalogue's);
    a hand-kept sheet in whatever order they were typed (ordered=False)."""
    picks = sorted(r.picks, key=IDS.index) if ordered else r.picks
    return [LABEL[style](i) for i in picks]


def subj_cell(r, by="id"):
    if r.text is not None:
        return r.text
    if r.subj is None:
        return ""
    return r.subj if by == "id" else NAME[r.subj]


def us_short(t):  # Excel's m/d/yy h:mm as Excel shows it (and so saves it as CSV)
    return f"{t.month}/{t.day}/{t:%y} {t.hour}:{t:%M}"


def google_ts(t):  # Google Forms "Download responses (.csv)"
    h = t.hour % 12 or 12
    return f"{t:%Y/%m/%d} {h}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'} GMT+8"


def google_ts_tw(t):  # the same download from a zh-TW form
    h = t.hour % 12 or 12
    return f"{t:%Y/%m/%d} {'上午' if t.hour < 12 else '下午'} {h}:{t:%M:%S} GMT+8"


def wjx_ts(t):  # 问卷星: 2026/1/12 9:03:12
    return f"{t.year}/{t.month}/{t.day} {t.hour}:{t:%M:%S}"


IP_N = [99]


def new_ip():
    IP_N[0] += 1
    n = IP_N[0]
    assert n < 255 + 155
    return f"203.0.113.{n}" if n < 255 else f"198.51.100.{n - 155}"


# ---------------------------------------------------------------------------
# Writers (bytes exactly as the tool / Excel writes them)
# ---------------------------------------------------------------------------


def write_csv(ex, rows, encoding="utf-8", bom=False, delimiter=",", eol="\r\n",
              quote_all=False, trailing=False, pad=True):
    ex.encoding = encoding + ("-sig" if bom else "")
    width = max(len(r) for r in rows)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=eol,
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    for row in rows:
        row = ["" if c is None else str(c) for c in row]
        if pad:
            row += [""] * (width - len(row))
        if trailing:
            row.append("")
        if quote_all and trailing:
            # 腾讯问卷 ends every line with a bare comma: "a","b",
            line = delimiter.join('"' + c.replace('"', '""') + '"' for c in row[:-1]) + delimiter + eol
            buf.write(line)
        else:
            w.writerow(row)
    data = buf.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(OUT, ex.name), "wb") as f:
        f.write(data)


FIXED_ZIP_TIME = (2026, 1, 20, 9, 0, 0)
FIXED_DOC_TIME = dt.datetime(2026, 1, 20, 9, 0, 0)


def save_xlsx(ex, wb, creator=""):
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.created = FIXED_DOC_TIME
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl stamps docProps/core.xml's modified time and every zip entry with
    # "now": rewrite both so that the bytes depend on nothing but this script.
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>2026-01-20T09:00:00Z\g<2>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, data)
    with open(os.path.join(OUT, ex.name), "wb") as f:
        f.write(out.getvalue())
    ex.encoding = "xlsx"


def sheet(rows, title="Sheet1", date_fmt="yyyy/m/d h:mm:ss", widths=None, start_row=1,
          wrap_cols=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r, row in enumerate(rows, start_row):
        for c, v in enumerate(row, 1):
            if v is None or v == "":
                continue
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, dt.datetime):
                cell.number_format = date_fmt
            if c in wrap_cols:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for c, w in enumerate(widths or [], 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    return wb, ws


# ---------------------------------------------------------------------------
# The tools
# ---------------------------------------------------------------------------

MSF_META_EN = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
MSF_META_ZH = ["ID", "开始时间", "完成时间", "电子邮件", "名称", "上次修改时间"]
MSF_Q_EN = ["Colleague's employee ID", "Which words describe this colleague?",
            "Anything else you'd like to share about this colleague?"]


def msforms_rows(ex, questions, style, start, meta=MSF_META_EN, email="email", name="zh",
                 anonymous=False, by="id", csv_dates=False, picks_fmt=None):
    """Microsoft Forms: ID, Start time, Completion time, Email, Name, Last modified time,
    then one column per question; a multi-select answer is `a;b;c;` (each choice
    followed by `;`), an "Other" text is one more choice among them."""
    rows = [list(meta) + list(questions)]
    for i, (r, (t0, t1, _)) in enumerate(zip(ex.resps, ex.times(start)), 1):
        if anonymous:
            em = "anonymous"
            nm = ex.secret(getattr(r.who, name)) if (r.who and name) else None
        else:
            em = ex.secret(getattr(r.who, email))
            nm = ex.secret(getattr(r.who, name))
        choices = labels(r, style) + ([r.other] if r.other else [])
        picks = "".join(c + ";" for c in choices) if picks_fmt is None else picks_fmt(choices)
        t0c, t1c = (us_short(t0), us_short(t1)) if csv_dates else (t0, t1)
        row = [i, t0c, t1c, em, nm, None, subj_cell(r, by), picks]
        if len(questions) > 2:
            row.append(r.comment or None)
        rows.append(row)
    return rows


def wjx_meta(ex, r, t, took, ips, src=None):
    src = src or ex.rng.choice(["手机提交", "手机提交", "链接", "微信"])
    detail = {"手机提交": "直接访问", "链接": "直接访问", "微信": "N/A"}[src]
    ip = ips.get(id(r)) or new_ip()
    ex.secret(ip)
    city = ex.rng.choice(["上海-上海", "江苏-苏州", "浙江-杭州", "上海-上海"])
    return [None, wjx_ts(t), f"{took}秒", src, detail, f"{ip}({city})"]


WJX_META = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]


def wjx_picks_text(r, style="zh"):
    """问卷星 按文本: choices joined by ┋, an Other text as 其他〖…〗."""
    parts = labels(r, style)
    if r.other is not None:
        parts.append(f"其他〖{r.other}〗")
    return "┋".join(parts) if parts else "(跳过)"


# ---------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------

EXPORTS = []


def export(fn):
    EXPORTS.append(fn)
    return fn


def T(day, hour=9):
    return dt.datetime(2026, 1, day, hour, 0, 0)


@export
def f01():
    ex = Export("01-msforms-en.xlsx", "Microsoft Forms (xlsx)",
                "English form, subject by employee id, `a;b;c;` picks, one Other text among the choices, one respondent answers twice for the same subject")
    ex.plan([("E001", 3), ("E002", 1), ("E004", 4), ("E007", 2)])
    ex.again(0, comment="Updated my answer, please use this one.")
    ex.resps[3].other = "Always on time"
    ex.comments(COMMENTS_EN)
    rows = msforms_rows(ex, MSF_Q_EN, "en", T(12), name="en")
    wb, ws = sheet(rows, date_fmt="m/d/yy h:mm:ss", widths=[6, 18, 18, 30, 20, 18, 24, 60, 50])
    save_xlsx(ex, wb)
    ex.read = dict(header=1, subject=MSF_Q_EN[0], picks=(MSF_Q_EN[1], ";"), ident=["Email", "Name"])
    return ex


@export
def f02():
    q = ["被评价同事的工号", "你觉得哪些词最贴切地描述了这位同事？", "还有什么想对这位同事说的吗？"]
    ex = Export("02-msforms-zh-csv-utf8-bom.csv", "Microsoft Forms, saved from Excel as CSV UTF-8",
                "Forms xlsx re-saved by Excel as \"CSV UTF-8\": BOM, CRLF, dates as Excel shows them, Chinese choices `可靠;耐心;`, one respondent twice")
    ex.plan([("E003", 2), ("E005", 5), ("E006", 1)])
    ex.again(1, comment="（改一下，以这次为准）")
    ex.comments(COMMENTS_ZH)
    rows = msforms_rows(ex, q, "zh", T(13), csv_dates=True)
    write_csv(ex, rows, bom=True)
    ex.read = dict(header=1, subject=q[0], picks=(q[1], ";"), ident=["Email", "Name"])
    return ex


@export
def f03():
    q = ["请填写你要评价的同事的工号", "请选出最符合 Ta 的词（5-6 个）", "其他想说的话"]
    ex = Export("03-msforms-zh-headers.xlsx", "Microsoft Forms (xlsx, zh-CN interface)",
                "Forms exported from the Chinese interface: 开始时间/完成时间/电子邮件/名称/上次修改时间, one respondent twice")
    ex.plan([("E002", 3), ("E009", 2), ("E010", 1), ("E012", 2)])
    ex.again(2)
    ex.comments(COMMENTS_ZH)
    rows = msforms_rows(ex, q, "zh", T(13, 14), meta=MSF_META_ZH)
    wb, ws = sheet(rows, date_fmt="yyyy/m/d h:mm:ss", widths=[6, 18, 18, 30, 14, 18, 20, 50, 40])
    save_xlsx(ex, wb)
    ex.read = dict(header=1, subject=q[0], picks=(q[1], ";"), ident=["电子邮件", "名称"])
    return ex


@export
def f04():
    ex = Export("04-msforms-anonymous.xlsx", "Microsoft Forms (xlsx, anonymous form)",
                "anonymous form: Email `anonymous`, Name empty, so every response is its own rater (two for the same subject both count); one response whose only choice is an Other text is not a rater")
    ex.plan([("E003", 2), ("E004", 3), ("E008", 1)], people=False)
    ex.add(R("E008", [], None, other="Hard to say, we rarely work together"), pos=4)
    ex.comments(COMMENTS_EN)
    rows = msforms_rows(ex, MSF_Q_EN, "en", T(14), anonymous=True, name=None)
    wb, ws = sheet(rows, date_fmt="m/d/yy h:mm:ss", widths=[6, 18, 18, 14, 10, 18, 24, 60, 50])
    save_xlsx(ex, wb)
    ex.read = dict(header=1, subject=MSF_Q_EN[0], picks=(MSF_Q_EN[1], ";"), ident=["Email", "Name"])
    return ex


@export
def f05():
    q = ["Who are you giving feedback to? (employee ID)", "Pick the words that fit them best",
         "Any other comments?"]
    ex = Export("05-msforms-anonymous-named.xlsx", "Microsoft Forms (xlsx)",
                "Email is `anonymous` on every row but Name is filled: the Name identifies, one person answers twice for the same subject")
    ex.plan([("E001", 2), ("E006", 3), ("E011", 1)])
    ex.again(0)
    ex.comments(COMMENTS_EN)
    rows = msforms_rows(ex, q, "en", T(14, 15), anonymous=True, name="en")
    wb, ws = sheet(rows, date_fmt="m/d/yy h:mm:ss", widths=[6, 18, 18, 14, 20, 18, 24, 60, 40])
    save_xlsx(ex, wb)
    ex.read = dict(header=1, subject=q[0], picks=(q[1], ";"), ident=["Email", "Name"])
    return ex


GOOGLE_Q = ["Employee ID of the person you're describing", "Which of these words fit them best?",
            "Anything else you'd like to add?"]


def google_rows(ex, q, style, start, meta=("Timestamp", "Email Address"), ts=google_ts,
                by="id", email=True):
    """Google Forms: Timestamp, Email Address, then the questions; checkboxes joined by
    `, `, an Other text appended as one more item."""
    rows = [list(meta) + list(q)]
    for r, (_, t, _) in zip(ex.resps, ex.times(start)):
        items = labels(r, style) + ([r.other] if r.other else [])
        row = [ts(t)]
        if email:
            row.append(ex.secret(r.who.email) if r.who else "")
        row += [subj_cell(r, by), ", ".join(items)]
        if len(q) > 2:
            row.append(r.comment)
        rows.append(row)
    return rows


@export
def f06():
    ex = Export("06-google-forms-en.csv", "Google Forms (Download responses .csv)",
                "every field quoted, `a, b, c` picks, an Other text appended as the last item, one subject left blank, one respondent twice")
    ex.plan([("E002", 4), ("E005", 1), ("E007", 3), ("E008", 2)])
    ex.again(0)
    ex.resps[2].other = "brings snacks to every retro"
    ex.add(R(None, ex.picks(), Person()), pos=6)
    ex.comments(COMMENTS_EN)
    rows = google_rows(ex, GOOGLE_Q, "en", T(15))
    write_csv(ex, rows, quote_all=True)
    ex.read = dict(header=1, subject=GOOGLE_Q[0], picks=(GOOGLE_Q[1], ", "), ident=["Email Address"])
    return ex


@export
def f07():
    q = ["被评价人工号", "下面哪些词最像 Ta？", "给 Ta 的一句话"]
    ex = Export("07-google-sheets-zh.csv", "Google Sheets (responses sheet, File > Download > CSV)",
                "Chinese form's response sheet: 时间戳记, 电子邮件地址, quotes only where needed, `可靠, 耐心` picks, one respondent twice")
    ex.plan([("E001", 1), ("E003", 3), ("E010", 2)])
    ex.again(1)
    ex.comments(COMMENTS_ZH)
    rows = google_rows(ex, q, "zh", T(15, 13), meta=("时间戳记", "电子邮件地址"), ts=wjx_ts)
    write_csv(ex, rows)
    ex.read = dict(header=1, subject=q[0], picks=(q[1], ", "), ident=["电子邮件地址"])
    return ex


WJX_Q = ["1、被评价同事的工号：", "2、请选择最能描述他/她的5-6个词（多选题）", "3、对这位同事还有什么建议？"]


def wjx_text_rows(ex, q, start, style="zh", extra=None, shared_ip=None, src=None):
    """问卷星 下载答卷数据 → 按文本: 序号, 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP,
    then `N、question`; choices joined by ┋, Other as 其他〖…〗, an empty answer (空)."""
    head = list(WJX_META) + (list(extra[0]) if extra else []) + list(q)
    rows = [head]
    ips = {}
    if shared_ip:
        ip = new_ip()
        for r in shared_ip:
            ips[id(r)] = ip
    for n, (r, (_, t, took)) in enumerate(zip(ex.resps, ex.times(start)), 1):
        row = wjx_meta(ex, r, t, took, ips, src)
        row[0] = n
        if extra:
            row += extra[1](r)
        row += [subj_cell(r), wjx_picks_text(r, style)]
        if len(q) > 2:
            row.append(r.comment or "(空)")
        rows.append(row)
    return rows


@export
def f08():
    ex = Export("08-wjx-text-gbk.csv", "问卷星 (下载答卷数据 → 按文本, CSV)",
                "GBK CSV, `a┋b┋c` picks, one answer with 其他〖冷静，可靠；值得信赖〗 besides its choices, no identity column: two respondents behind the same IP (office NAT) for the same subject are two raters")
    ex.plan([("E004", 2), ("E005", 3), ("E009", 1), ("E011", 2)], people=False)
    ex.resps[1].other = "冷静，可靠；值得信赖"
    same = [r for r in ex.resps if r.subj == "E005"][:2]
    ex.comments(COMMENTS_ZH)
    rows = wjx_text_rows(ex, WJX_Q, T(16), shared_ip=same)
    write_csv(ex, rows, encoding="gbk")
    ex.read = dict(header=1, subject=WJX_Q[0], picks=(WJX_Q[1], "┋"), ident=[])
    return ex


@export
def f09():
    q = ["1、您要评价的同事工号：", "2、在您看来，这位同事是一个怎样的人？（多选题）", "3、其他补充（选填）"]
    ex = Export("09-wjx-text.xlsx", "问卷星 (下载答卷数据 → 按文本, Excel)",
                "问卷星 text export as xlsx, `a┋b┋c` picks, (空) for unanswered comments, no identity column")
    ex.plan([("E001", 2), ("E006", 4), ("E007", 1), ("E012", 3)], people=False)
    ex.comments(COMMENTS_ZH)
    rows = wjx_text_rows(ex, q, T(16, 14))
    wb, ws = sheet(rows, widths=[6, 20, 10, 10, 10, 26, 16, 60, 30])
    save_xlsx(ex, wb)
    ex.read = dict(header=1, subject=q[0], picks=(q[1], "┋"), ident=[])
    return ex


def wjx_option_rows(ex, subj_qs, start, pick_qno, comment_q=None, skip_code=-3):
    """问卷星 按选项序号: a multi-select becomes one column per option, headed
    `N(option)`, holding 1 (chosen) or 0; a question skipped by the respondent -3."""
    head = list(WJX_META)
    for k, sq in enumerate(subj_qs):
        head.append(sq)
        head += [f"{pick_qno[k]}({ZH[i]})" for i in IDS]
    if comment_q:
        head.append(comment_q)
    rows = [head]
    for n, (r, (_, t, took)) in enumerate(zip(ex.resps, ex.times(start)), 1):
        row = wjx_meta(ex, r, t, took, {})
        row[0] = n
        blocks = r.blocks if hasattr(r, "blocks") else [(r.text or r.subj, r.picks)]
        for subj, picks in blocks:
            row.append(subj)
            if picks:
                row += [1 if i in picks else 0 for i in IDS]
            else:
                row += [skip_code] * len(IDS)
        if comment_q:
            row.append(r.comment or "(空)")
        rows.append(row)
    return rows


@export
def f10():
    ex = Export("10-wjx-by-option-01.xlsx", "问卷星 (下载答卷数据 → 按选项序号, Excel)",
                "one column per adjective headed `2(可靠)` holding 1/0 (55 columns), one colleague per response; one response skipped the question (-3 everywhere) and is not a rater")
    ex.plan([("E002", 2), ("E003", 1), ("E008", 5)], people=False)
    ex.add(R("E003", [], None), pos=3)
    ex.comments(COMMENTS_ZH)
    rows = wjx_option_rows(ex, ["1、被评价同事的工号："], T(17), ["2"], "3、对这位同事还有什么建议？")
    wb, ws = sheet(rows)
    save_xlsx(ex, wb)
    ex.read = dict(header=1, subject="1、被评价同事的工号：", picks=("01", r"^2\((.+)\)$"), ident=[])
    return ex


@export
def f11():
    ex = Export("11-wjx-by-option-two-colleagues.xlsx", "问卷星 (按选项序号, Excel)",
                "each response rates TWO colleagues (two subject questions, two blocks of 55 option columns): refused", "refused:second-colleague")
    rs = []
    for k, (a, b) in enumerate([("E001", "E002"), ("E003", "E004"), ("E002", "E005"), ("E006", "E001")]):
        r = R(a, ex.picks())
        r.blocks = [(a, r.picks), (b, ex.picks())]
        rs.append(r)
    ex.resps = rs
    rows = wjx_option_rows(ex, ["1、第一位同事的工号：", "3、第二位同事的工号："], T(17, 15), ["2", "4"],
                           "5、还有什么想补充的？")
    wb, ws = sheet(rows)
    save_xlsx(ex, wb)
    return ex


@export
def f12():
    ex = Export("12-wjx-option-numbers-gbk.csv", "问卷星 (下载答卷数据 → 按选项序号, CSV)",
                "picks written as option numbers `1┋3┋7┋12` (positions in the form's option list), not words: refused", "refused:option-numbers")
    ex.plan([("E001", 2), ("E004", 2), ("E009", 1)], people=False)
    ex.comments(COMMENTS_ZH)
    rows = [list(WJX_META) + WJX_Q]
    for n, (r, (_, t, took)) in enumerate(zip(ex.resps, ex.times(T(18))), 1):
        row = wjx_meta(ex, r, t, took, {})
        row[0] = n
        nums = sorted(IDS.index(i) + 1 for i in r.picks)
        row += [r.subj, "┋".join(str(x) for x in nums), r.comment or "(空)"]
        rows.append(row)
    write_csv(ex, rows, encoding="gbk")
    return ex


@export
def f13():
    q = ["1、请输入被评价人的工号", "2、以下哪些词可以用来形容Ta？【多选】", "3、想对Ta说的话"]
    ex = Export("13-wjx-wechat-nickname.xlsx", "问卷星 (按文本, Excel, collected in WeChat)",
                "问卷星 answered inside WeChat with the nickname recorded: 微信昵称 identifies, one person answers twice for the same subject")
    ex.plan([("E004", 3), ("E007", 2), ("E010", 4)])
    ex.again(0, comment="刚才提交错了，重新填一次")
    ex.comments(COMMENTS_ZH)
    rows = wjx_text_rows(ex, q, T(18, 14), extra=(["微信昵称"], lambda r: [ex.secret(r.who.nick)]),
                         src="微信")
    wb, ws = sheet(rows)
    save_xlsx(ex, wb)
    ex.read = dict(header=1, subject=q[0], picks=(q[1], "┋"), ident=["微信昵称"])
    return ex


def tencent_cols(q_subj, q_picks, q_comment):
    return [q_subj] + [f"{q_picks}:{ZH[i]}" for i in IDS] + [q_comment]


def tencent_answer(r):
    # one column per option, holding the option's text when chosen, else empty
    return [subj_cell(r)] + [ZH[i] if i in r.picks else "" for i in IDS] + [r.comment]


@export
def f14():
    qs, qp, qc = "1.被评价同事工号", "2.你会用哪些词来形容Ta？", "3.其他想说的"
    ex = Export("14-tencent-wj.csv", "腾讯问卷 (下载数据 → CSV)",
                "腾讯问卷 CSV: every field quoted, a bare comma ending each line, 编号/开始答题时间/结束答题时间/答题时长/地理位置…/用户类型/用户标识/昵称/自定义字段, one column per option `2.…:可靠` holding the option text; 昵称 (and 用户标识) identify, one person answers twice")
    ex.plan([("E002", 2), ("E005", 1), ("E006", 3), ("E009", 2)])
    ex.again(1)
    ex.comments(COMMENTS_ZH)
    head = ["编号", "开始答题时间", "结束答题时间", "答题时长", "地理位置国家和地区", "地理位置省",
            "地理位置市", "用户类型", "用户标识", "昵称", "自定义字段"] + tencent_cols(qs, qp, qc)
    rows = [head]
    for n, (r, (t0, t1, took)) in enumerate(zip(ex.resps, ex.times(T(19))), 1):
        prov, city = ex.rng.choice([("上海", "上海"), ("广东", "深圳"), ("浙江", "杭州")])
        rows.append([n, f"{t0:%Y-%m-%d %H:%M:%S}", f"{t1:%Y-%m-%d %H:%M:%S}", took, "中国", prov, city,
                     "微信", ex.secret(r.who.openid), ex.secret(r.who.nick), ""] + tencent_answer(r))
    write_csv(ex, rows, bom=True, quote_all=True, trailing=True)
    ex.read = dict(header=1, subject=qs, picks=("text", "^" + re.escape(qp) + ":(.+)$"), ident=["用户标识", "昵称"])
    return ex


@export
def f15():
    qs, qp, qc = "1.被评价人的工号是？", "2.请勾选符合Ta的描述（5-6项）", "3.建议"
    ex = Export("15-tencent-wj.xlsx", "腾讯问卷 (下载数据 → Excel)",
                "腾讯问卷 xlsx in its newer layout: answers first, then 地理位置…/用户类型/用户标识/昵称/自定义字段/IP/UA/Referrer; one column per option; two anonymous answers (用户标识, 昵称 empty) are two raters, one identified person answers twice")
    ex.plan([("E001", 2), ("E003", 2), ("E008", 3), ("E012", 1)])
    anon = [r for r in ex.resps if r.subj == "E003"]
    for r in anon:
        r.who = None
    ex.again(0)
    ex.comments(COMMENTS_ZH)
    head = ["编号", "开始答题时间", "结束答题时间", "答题时长"] + tencent_cols(qs, qp, qc) + [
        "地理位置国家和地区", "地理位置省", "地理位置市", "用户类型", "用户标识", "昵称", "自定义字段", "IP", "UA", "Referrer"]
    rows = [head]
    for n, (r, (t0, t1, took)) in enumerate(zip(ex.resps, ex.times(T(19, 15))), 1):
        ip = ex.secret(new_ip())
        rows.append([n, f"{t0:%Y-%m-%d %H:%M:%S}", f"{t1:%Y-%m-%d %H:%M:%S}", took] + tencent_answer(r) + [
            "中国", "上海", "上海", "微信" if r.who else "匿名",
            ex.secret(r.who.openid) if r.who else "", ex.secret(r.who.nick) if r.who else "", "", ip,
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) MicroMessenger/8.0.47", "https://wj.qq.com/s2/xxxx/"])
    wb, ws = sheet(rows)
    save_xlsx(ex, wb)
    ex.read = dict(header=1, subject=qs, picks=("text", "^" + re.escape(qp) + ":(.+)$"), ident=["用户标识", "昵称"])
    return ex


@export
def f16():
    q = ["被评价人工号", "Ta 给你的印象", "补充说明"]
    ex = Export("16-feishu-bitable-form.xlsx", "飞书多维表格表单 (导出 Excel)",
                "飞书 base form export: the form's fields, then 提交人 (a person field: the name) and 提交时间; multi-select joined by `,`; 提交人 identifies, one person answers twice")
    ex.plan([("E002", 1), ("E004", 2), ("E010", 3)])
    ex.again(0, comment="（改一下，以这次为准）")
    ex.comments(COMMENTS_ZH)
    rows = [q + ["提交人", "提交时间"]]
    for r, (_, t, _) in zip(ex.resps, ex.times(T(20))):
        rows.append([subj_cell(r), ",".join(labels(r, "zh")), r.comment, ex.secret(r.who.zh),
                     f"{t:%Y/%m/%d %H:%M}"])
    wb, ws = sheet(rows, title="数据表")
    save_xlsx(ex, wb)
    ex.read = dict(header=1, subject=q[0], picks=(q[1], ","), ident=["提交人"])
    return ex


@export
def f17():
    q = ["1. 你要评价的同事（工号）", "2. 选择最能代表 Ta 的词", "3. 还有什么想说的"]
    ex = Export("17-feishu-survey.xlsx", "飞书问卷 (导出答卷)",
                "飞书问卷 export: 序号/提交时间/开始时间/答题时长/用户ID/用户昵称/IP, multi-select joined by `、`; 用户ID and 用户昵称 identify, one person answers twice")
    ex.plan([("E005", 2), ("E007", 4), ("E011", 1)])
    ex.again(1)
    ex.comments(COMMENTS_ZH)
    rows = [["序号", "提交时间", "开始时间", "答题时长", "用户ID", "用户昵称", "IP"] + q]
    for n, (r, (t0, t1, took)) in enumerate(zip(ex.resps, ex.times(T(20, 14))), 1):
        rows.append([n, f"{t1:%Y-%m-%d %H:%M:%S}", f"{t0:%Y-%m-%d %H:%M:%S}", f"{took // 60}分{took % 60}秒",
                     ex.secret(r.who.uid), ex.secret(r.who.nick), ex.secret(new_ip()),
                     subj_cell(r), "、".join(labels(r, "zh")), r.comment])
    wb, ws = sheet(rows)
    save_xlsx(ex, wb)
    ex.read = dict(header=1, subject=q[0], picks=(q[1], "、"), ident=["用户ID", "用户昵称"])
    return ex


@export
def f18():
    h = ["工号", "姓名", "你要评价谁？", "形容词"]
    ex = Export("18-inhouse-rater-id-name.csv", "in-house form (Excel, CSV UTF-8)",
                "工号 and 姓名 are the RATER's own (real roster ids), 你要评价谁？ holds the subject's NAME: read by name, never credited to the raters; one rater answers twice for the same subject")
    # the raters (E003 E005 E006 E008 E009 E010 E011 E012) are never subjects here
    ex.plan([("E001", 3), ("E002", 2), ("E004", 1), ("E007", 2)],
            emp_pool=["E009", "E010", "E003", "E005", "E006", "E008", "E011", "E012"])
    ex.again(0)
    rows = [h]
    for r in ex.resps:
        rows.append([r.who.emp, ex.secret(r.who.zh), subj_cell(r, "name"), "，".join(labels(r, "zh", False))])
    write_csv(ex, rows, bom=True)
    ex.read = dict(header=1, subject=("name", h[2]), picks=(h[3], "，"), ident=["工号", "姓名"])
    return ex


@export
def f19():
    ex = Export("19-inhouse-id-plain.csv", "in-house sheet (CSV UTF-8, no BOM)",
                "plain two-column sheet `工号,形容词`, picks typed with 、, one row with no 工号; no identity: every row a rater")
    ex.plan([("E003", 1), ("E004", 2), ("E006", 5), ("E011", 2)], people=False)
    ex.add(R(None, ex.picks(), None), pos=5)
    rows = [["工号", "形容词"]] + [[subj_cell(r), "、".join(labels(r, "zh", False))] for r in ex.resps]
    write_csv(ex, rows, eol="\n")
    ex.read = dict(header=1, subject="工号", picks=("形容词", "、"), ident=[])
    return ex


@export
def f20():
    h = ["提交时间", "被评价同事的姓名", "用几个词概括一下Ta", "备注"]
    ex = Export("20-inhouse-by-name-zh.xlsx", "in-house sheet (Excel)",
                "subject by name (被评价同事的姓名), picks one per line inside the cell (Alt+Enter), no identity column")
    ex.plan([("E001", 2), ("E002", 3), ("E009", 1), ("E010", 2)], people=False)
    ex.comments(COMMENTS_ZH)
    rows = [h]
    for r, (_, t, _) in zip(ex.resps, ex.times(T(21))):
        rows.append([t, subj_cell(r, "name"), "\n".join(labels(r, "zh", False)), r.comment.replace("(空)", "")])
    wb, ws = sheet(rows, title="互评", date_fmt="yyyy-mm-dd hh:mm", widths=[18, 14, 20, 30], wrap_cols=(3,))
    save_xlsx(ex, wb)
    ex.read = dict(header=1, subject=("name", h[1]), picks=(h[2], "\n"), ident=[])
    return ex


@export
def f21():
    h = ["Submitted", "Colleague name", "Words that fit", "Comments"]
    ex = Export("21-inhouse-by-name-en.csv", "in-house sheet (CSV UTF-8, no BOM)",
                "subject by name (Colleague name, Latin and Chinese names), English picks in any case (`DEPENDABLE`, `patient`, `Organized` = organised)")
    ex.plan([("E007", 3), ("E008", 2), ("E003", 1), ("E005", 2)], people=False)
    first = ex.resps[0]  # written with the American spelling, `organized`
    if "organised" not in first.picks:
        first.picks[0] = "organised"
    ex.comments(COMMENTS_EN)
    cases = [str.upper, str.lower, lambda s: s[0].upper() + s[1:], str.lower, str.title]
    rows = [h]
    for k, (r, (_, t, _)) in enumerate(zip(ex.resps, ex.times(T(21, 15)))):
        words = []
        for j, i in enumerate(r.picks):
            w = "organized" if i == "organised" and k % 2 == 0 else EN[i]
            words.append(cases[(k + j) % len(cases)](w))
        rows.append([f"{t:%Y-%m-%d %H:%M}", subj_cell(r, "name"), ", ".join(words), r.comment])
    write_csv(ex, rows, eol="\n")
    ex.read = dict(header=1, subject=("name", h[1]), picks=(h[2], ", "), ident=[])
    return ex


@export
def f22():
    h = ["序号", "被评价人", "选择的词", "说明"]
    ex = Export("22-inhouse-loose-ids.csv", "in-house sheet (CSV UTF-8 with BOM)",
                "subject ids written loosely: `e001`, full-width `Ｅ００１`, `E001 张伟`, ` E004 ` with spaces")
    ex.plan([("E001", 4), ("E004", 3), ("E006", 1)], people=False)
    forms = {"E001": ["e001", "Ｅ００１", "E001 张伟", "E001"], "E004": [" E004 ", "e004", "E004 刘洋"],
             "E006": ["Ｅ００６"]}
    seen = defaultdict(int)
    for r in ex.resps:
        r.text = forms[r.subj][seen[r.subj] % len(forms[r.subj])]
        seen[r.subj] += 1
    ex.comments(COMMENTS_ZH)
    rows = [h] + [[n, r.text, "；".join(labels(r, "zh", False)), r.comment.replace("(空)", "")]
                  for n, r in enumerate(ex.resps, 1)]
    write_csv(ex, rows, bom=True)
    ex.read = dict(header=1, subject=h[1], picks=(h[2], "；"), ident=[])
    return ex


@export
def f23():
    h = ["被评价同事的姓名", "请选择5-6个最符合的词", "填写人邮箱"]
    ex = Export("23-inhouse-shared-name.csv", "in-house form (CSV UTF-8 with BOM)",
                "subject by name; one row names 周杰, which two employees share (E011 财务部, E012 市场部): that row is not counted, the others are; one respondent twice")
    ex.plan([("E002", 2), ("E005", 3), ("E008", 1)])
    ex.again(0)
    ex.add(R(AMBIG, ex.picks(), Person(), text="周杰"), pos=3)
    rows = [h] + [[subj_cell(r, "name"), ";".join(labels(r, "zh", False)), ex.secret(r.who.email)] for r in ex.resps]
    write_csv(ex, rows, bom=True)
    ex.read = dict(header=1, subject=("name", h[0]), picks=(h[1], ";"), ident=[h[2]])
    return ex


def simple_identity_file(ex, head, ident_head, ident_attr, start, sep, style="zh", title="Sheet1",
                         ident_first=True, xlsx=True, time_fmt="%Y-%m-%d %H:%M:%S", anon=None,
                         **csvopts):
    ex.comments(COMMENTS_ZH)
    q_subj, q_picks, q_comment = head
    rows = [(["提交时间", ident_head] if ident_first else []) + [q_subj, q_picks, q_comment]
            + ([] if ident_first else [ident_head, "提交时间"])]
    for r, (_, t, _) in zip(ex.resps, ex.times(start)):
        who = ex.secret(getattr(r.who, ident_attr)) if r.who else anon
        ts = f"{t:{time_fmt}}"
        ans = [subj_cell(r), sep.join(labels(r, style)), r.comment.replace("(空)", "")]
        rows.append(([ts, who] + ans) if ident_first else (ans + [who, ts]))
    if xlsx:
        wb, ws = sheet(rows, title=title)
        save_xlsx(ex, wb)
    else:
        write_csv(ex, rows, **csvopts)
    ex.read = dict(header=1, subject=q_subj, picks=(q_picks, sep), ident=[ident_head])


@export
def f24():
    ex = Export("24-hr-portal-answerer.xlsx", "HR portal survey module (Excel)",
                "答题者 (the respondent's display name) identifies; one person answers twice for the same subject")
    ex.plan([("E003", 2), ("E006", 1), ("E009", 4)])
    ex.again(0)
    simple_identity_file(ex, ["评价对象工号", "你眼中的Ta（可多选）", "补充"], "答题者", "zh", T(22), "；")
    return ex


@export
def f25():
    ex = Export("25-qq-docs-form.csv", "腾讯文档收集表 (导出 CSV)",
                "QQ号 identifies; one person answers twice for the same subject; picks joined by `，`")
    ex.plan([("E001", 1), ("E005", 2), ("E010", 3)])
    ex.again(1)
    simple_identity_file(ex, ["同事工号", "你会怎么形容Ta？", "想说的话"], "QQ号", "qq", T(22, 15), "，",
                         xlsx=False, bom=True)
    return ex


@export
def f26():
    ex = Export("26-jinshuju-phone.xlsx", "金数据-style form (Excel)",
                "手机号 identifies; one person answers twice for the same subject; picks joined by `;`")
    ex.plan([("E002", 3), ("E004", 1), ("E012", 2)])
    ex.again(0)
    simple_identity_file(ex, ["被评价员工工号", "勾选描述Ta的词语", "其他"], "手机号", "phone", T(23), ";",
                         ident_first=False)
    return ex


@export
def f27():
    ex = Export("27-wecom-form.xlsx", "企业微信收集表 (导出 Excel)",
                "企业微信账号 identifies; one person answers twice for the same subject; picks joined by `；`")
    ex.plan([("E005", 1), ("E007", 2), ("E008", 3), ("E011", 1)])
    ex.again(2)
    simple_identity_file(ex, ["被评价同事工号", "你认为Ta是个怎样的同事？", "补充说明"], "企业微信账号", "wecom",
                         T(23, 14), "；", title="收集结果")
    return ex


@export
def f28():
    ex = Export("28-dingtalk-form.xlsx", "钉钉智能填表 (导出 Excel)",
                "钉钉账号 identifies; one person answers twice for the same subject; two answers with the placeholder 匿名 are two raters")
    ex.plan([("E001", 3), ("E006", 2), ("E010", 1)])
    for r in [r for r in ex.resps if r.subj == "E006"]:
        r.who = None
    ex.again(0)
    simple_identity_file(ex, ["被评价人（工号）", "选择符合Ta的词", "备注"], "钉钉账号", "ding", T(24), ",",
                         anon="匿名")
    return ex


@export
def f29():
    ex = Export("29-msforms-semicolon-eu.csv", "Microsoft Forms, re-saved by a European-locale Excel as CSV UTF-8",
                "`;`-delimited CSV (European Excel), so the `a;b;c;` picks cell is quoted; dates as dd.mm.yyyy; one respondent twice")
    ex.plan([("E003", 2), ("E007", 1), ("E008", 4)])
    ex.again(1)
    ex.comments(COMMENTS_EN)
    rows = msforms_rows(ex, MSF_Q_EN, "en", T(24, 15), name="en")
    for row in rows[1:]:
        row[1] = f"{row[1]:%d.%m.%Y %H:%M}"
        row[2] = f"{row[2]:%d.%m.%Y %H:%M}"
    write_csv(ex, rows, bom=True, delimiter=";")
    ex.read = dict(header=1, subject=MSF_Q_EN[0], picks=(MSF_Q_EN[1], ";"), ident=["Email", "Name"], delimiter=";")
    return ex


@export
def f30():
    h = ["员工工号", "同事眼中的Ta", "留言"]
    ex = Export("30-inhouse-title-blank-row.csv", "in-house sheet saved from Excel (CSV UTF-8)",
                "a title row that itself contains 形容词, then a blank row, then the header (Excel pads both with commas)")
    ex.plan([("E002", 2), ("E004", 4), ("E010", 1)], people=False)
    ex.comments(COMMENTS_ZH)
    rows = [["2026年上半年同事互评（形容词）汇总表"], [], h]
    rows += [[subj_cell(r), "、".join(labels(r, "zh", False)), r.comment.replace("(空)", "")] for r in ex.resps]
    write_csv(ex, rows, bom=True)
    ex.read = dict(header=3, subject=h[0], picks=(h[1], "、"), ident=[])
    return ex


@export
def f31():
    h = ["序号", "被评价人工号", "评价词（多选）", "填写人", "备注"]
    ex = Export("31-inhouse-title-merged.xlsx", "in-house workbook (Excel)",
                "xlsx whose row 1 is a title merged across all columns, header on row 2; 填写人 identifies, one person answers twice")
    ex.plan([("E001", 2), ("E005", 1), ("E009", 3)])
    ex.again(0)
    ex.comments(COMMENTS_ZH)
    rows = [h] + [[n, subj_cell(r), "、".join(labels(r, "zh", False)), ex.secret(r.who.zh), r.comment.replace("(空)", "")]
                  for n, r in enumerate(ex.resps, 1)]
    wb, ws = sheet(rows, title="互评结果", start_row=2)
    ws.cell(row=1, column=1, value="研发部 2026 年 1 月同事互评结果").font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(h))
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    save_xlsx(ex, wb)
    ex.read = dict(header=2, subject=h[1], picks=(h[2], "、"), ident=["填写人"])
    return ex


@export
def f32():
    q = ["Colleague's employee ID / 同事工号", "Which words describe this colleague? / 哪些词最能描述这位同事？",
         "Comments / 备注"]
    ex = Export("32-google-forms-bilingual-options.csv", "Google Forms (Download responses .csv)",
                "bilingual options written `可靠 (dependable)`, joined `, `; one respondent twice")
    ex.plan([("E004", 1), ("E006", 2), ("E008", 3)])
    ex.again(2)
    ex.comments(COMMENTS_EN)
    rows = google_rows(ex, q, "zh_en", T(25))
    write_csv(ex, rows, quote_all=True)
    ex.read = dict(header=1, subject=q[0], picks=(q[1], ", "), ident=["Email Address"])
    return ex


@export
def f33():
    q = ["Employee ID", "Describe this colleague (pick 5-6)", "Other feedback"]
    ex = Export("33-msforms-en-zh-options.csv", "Microsoft Forms, saved from Excel as CSV UTF-8",
                "options written `Dependable 可靠`, `a;b;c;` with the trailing `;`; one respondent twice")
    ex.plan([("E002", 2), ("E009", 1), ("E011", 3)])
    ex.again(0)
    ex.comments(COMMENTS_EN)
    rows = msforms_rows(ex, q, "en_zh", T(25, 14), csv_dates=True)
    write_csv(ex, rows, bom=True)
    ex.read = dict(header=1, subject=q[0], picks=(q[1], ";"), ident=["Email", "Name"])
    return ex


@export
def f34():
    q = ["1、被评价同事的工号：", "2、选出你觉得最贴合Ta的词（多选题）", "3、有什么想补充的吗？"]
    ex = Export("34-wjx-other-only.xlsx", "问卷星 (按文本, Excel)",
                "one response whose only choice is 其他〖…〗 (no catalogue word): not a rater; another has an Other text besides its choices")
    ex.plan([("E003", 3), ("E007", 2), ("E012", 1)], people=False)
    ex.add(R("E007", [], None, other="说不上来，合作不多"), pos=2)
    ex.resps[4].other = "做事靠谱"
    ex.comments(COMMENTS_ZH)
    rows = wjx_text_rows(ex, q, T(26))
    wb, ws = sheet(rows)
    save_xlsx(ex, wb)
    ex.read = dict(header=1, subject=q[0], picks=(q[1], "┋"), ident=[])
    return ex


@export
def f35():
    q = ["同事的員工編號", "哪些詞最能形容這位同事？", "其他意見"]
    ex = Export("35-google-forms-zhtw.csv", "Google Forms (zh-TW, Download responses .csv)",
                "Traditional-Chinese form: 時間戳記, 電子郵件地址, zh-TW choices (`樂於助人, 有條理`); one respondent twice")
    pool = sorted(ZHTW)
    ex.plan([("E001", 2), ("E005", 1), ("E010", 3)], pool=pool)
    ex.again(0, pool=pool, comment="（改一下，以這次為準）")
    ex.comments(["", "合作愉快", "", "希望多分享經驗", ""])
    rows = google_rows(ex, q, "tw", T(26, 15), meta=("時間戳記", "電子郵件地址"), ts=google_ts_tw)
    write_csv(ex, rows, quote_all=True)
    ex.read = dict(header=1, subject=q[0], picks=(q[1], ", "), ident=["電子郵件地址"])
    return ex


@export
def f36():
    ex = Export("36-refuse-two-id-columns.csv", "in-house sheet (CSV UTF-8 with BOM)",
                "two columns with neutral headers (编号A, 编号B) both holding employee ids: which one is the subject cannot be told: refused",
                "refused:two-subjects")
    ex.plan([("E001", 2), ("E004", 2), ("E009", 1)], people=False)
    others = ["E003", "E006", "E010", "E002", "E005"]
    rows = [["编号A", "编号B", "选项", "备注"]]
    for k, r in enumerate(ex.resps):
        rows.append([r.subj, others[k % len(others)], "、".join(labels(r, "zh", False)), ""])
    write_csv(ex, rows, bom=True)
    return ex


@export
def f37():
    h = ["提交时间", "被评价同事工号", "他/她的优点", "他/她的不足"]
    ex = Export("37-refuse-two-picks.xlsx", "in-house form (Excel)",
                "two multi-select questions whose cells are all adjectives (他/她的优点, 他/她的不足): which one is the picks cannot be told: refused",
                "refused:two-picks")
    ex.plan([("E002", 2), ("E006", 2)], people=False)
    rows = [h]
    for r, (_, t, _) in zip(ex.resps, ex.times(T(27))):
        weak = [i for i in ex.picks(n=3) if i not in r.picks][:2] or ["nervous"]
        rows.append([t, r.subj, "┋".join(labels(r, "zh")), "┋".join(ZH[i] for i in weak)])
    wb, ws = sheet(rows)
    save_xlsx(ex, wb)
    return ex


@export
def f38():
    q = ["Which words describe this colleague?", "Anything else you'd like to share about this colleague?"]
    ex = Export("38-refuse-no-subject.csv", "Google Forms (Download responses .csv)",
                "the form never asked who is being described (Timestamp, Email, picks, comment): refused",
                "refused:no-subject")
    ex.plan([(None, 4)])
    ex.comments(COMMENTS_EN)
    rows = [["Timestamp", "Email Address"] + q]
    for r, (_, t, _) in zip(ex.resps, ex.times(T(27, 14))):
        rows.append([google_ts(t), ex.secret(r.who.email), ", ".join(labels(r, "en")), r.comment])
    write_csv(ex, rows, quote_all=True)
    return ex


@export
def f39():
    h = ["序号", "被评价人工号", "你对Ta的整体评价", "填写人"]
    ex = Export("39-refuse-no-picks.csv", "in-house form (CSV UTF-8 with BOM)",
                "a subject column but only free-text sentences (some mention catalogue words) and no picks question: refused",
                "refused:no-picks")
    ex.plan([("E001", 2), ("E003", 1), ("E005", 1)])
    texts = ["他做事很可靠，也很有耐心，是团队里的定心丸。", "沟通顺畅，逻辑清楚，偶尔有点急。",
             "乐于助人，新同事都喜欢找她请教。", "整体表现不错，希望多参与跨部门协作。"]
    rows = [h] + [[n, r.subj, texts[(n - 1) % len(texts)], ex.secret(r.who.zh)] for n, r in enumerate(ex.resps, 1)]
    write_csv(ex, rows, bom=True)
    return ex


# ---------------------------------------------------------------------------
# Writing everything
# ---------------------------------------------------------------------------

README_HEAD = """# Peer-feedback survey exports

A corpus of realistic peer-feedback survey exports, as HR would feed them to `careerbook`:
in each, a colleague (the *rater*) describes another employee (the *subject*) with 5-6
of the 55 adjectives of `src/profile/catalog.rs`, laid out exactly as the tool writes its export
(Microsoft Forms, Google Forms / Sheets, 问卷星 text and per-option downloads, 腾讯问卷,
飞书, 企业微信, 钉钉, in-house sheets): header names and order, metadata columns, encoding
(GBK, UTF-8 with and without BOM), delimiter, how a multi-select answer is joined and how an
"Other" text appears. `employees.csv` is the roster (12 people; E011 and E012 are both
周杰). `expected.tsv` says, per file, whether it must be read (`ok`, with the number of
distinct raters per subject and of rows not counted) or refused (`refused:KIND`), and
which planted strings (rater names, emails, phones, nicknames, user ids, QQ numbers, IP
addresses) must never reach any output. Everything here is written by
`scripts/make-feedback-exports.py` from one ground truth per file (the file and its
expectation together, so they cannot drift); rerun it to remake the corpus (it then
re-reads every file and checks it against `expected.tsv`). Counting rules: a respondent
known by an identity column (email, name, nickname, phone, user id, never an IP address,
never a placeholder such as `anonymous` / `匿名` / empty) counts once per subject (last
answer); a response without identity is its own rater; a response with no catalogue
adjective (only an Other text) is not a rater; a row whose subject is the shared name 周杰
is not counted. `skipped` counts the rows not counted (subject missing or shared, no
adjective); it is empty for a refused file, and a rater's replaced earlier answer is not
in it.

| file | tool | exercises |
| --- | --- | --- |
"""


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if re.match(r"^\d\d-", f):
            os.remove(os.path.join(OUT, f))
    with open(os.path.join(OUT, "employees.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("工号,姓名,部门\n")
        for e in EMPLOYEES:
            f.write(",".join(e) + "\n")
    exports = [fn() for fn in EXPORTS]
    names = [e.name for e in exports]
    assert len(set(names)) == len(names)
    with open(os.path.join(OUT, "expected.tsv"), "w", encoding="utf-8", newline="") as f:
        f.write("file\toutcome\traters\tskipped\tsecrets\tnote\n")
        for e in exports:
            raters, skipped = e.expected()
            for s in e.secrets:
                assert "|" not in s and "\t" not in s
            f.write("\t".join([e.name, e.outcome, raters, skipped, "|".join(e.secrets), e.note]) + "\n")
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="") as f:
        f.write(README_HEAD)
        for e in exports:
            f.write(f"| `{e.name}` | {e.tool} | {e.note}"
                    + ("" if e.outcome == "ok" else f" (`{e.outcome}`)") + " |\n")
    for e in exports:
        size = os.path.getsize(os.path.join(OUT, e.name))
        raters, skipped = e.expected()
        print(f"{e.name:45} {size:7} B  {e.outcome:26} {raters} {'skipped=' + skipped if skipped else ''}")
    print(f"{len(exports)} exports, {Person.count} raters")


# ---------------------------------------------------------------------------
# --check: re-read the files as a reader would, recount, compare
# ---------------------------------------------------------------------------

LOOKUP = {}
for _i, _z, _e in ITEMS:
    LOOKUP[_z] = _i
    LOOKUP[_e.lower()] = _i
for _i, _t in ZHTW.items():
    LOOKUP[_t] = _i
for _a, _i in ALIASES.items():
    LOOKUP[_a.lower()] = _i
PLACEHOLDERS = {"", "anonymous", "匿名"}
UNIQUE_NAMES = {}
for _e, _n, _ in EMPLOYEES:
    UNIQUE_NAMES[_n] = AMBIG if _n in UNIQUE_NAMES else _e


def word(tok):
    t = unicodedata.normalize("NFKC", tok).strip()
    if t.startswith("其他〖"):
        return None
    if t.lower() in LOOKUP:
        return LOOKUP[t.lower()]
    for part in re.split(r"[\s()]+", t):  # 可靠 (dependable), Dependable 可靠
        if part.lower() in LOOKUP:
            return LOOKUP[part.lower()]
    return None


def subject(cell, by):
    s = unicodedata.normalize("NFKC", "" if cell is None else str(cell)).strip()
    if not s:
        return None
    if by == "name":
        return UNIQUE_NAMES.get(s, "?unknown")
    m = re.match(r"(?i)^e(\d{3})\b", s)
    return "E" + m.group(1) if m else "?unknown"


def read_table(path, enc, delimiter=","):
    if enc == "xlsx":
        wb = openpyxl.load_workbook(path)
        ws = wb.active
        return [[c for c in row] for row in ws.iter_rows(values_only=True)]
    raw = open(path, "rb").read()
    if enc == "utf-8-sig":
        assert raw.startswith(b"\xef\xbb\xbf"), path
    else:
        assert not raw.startswith(b"\xef\xbb\xbf"), path
    if enc == "gbk":
        try:
            raw.decode("utf-8")
            raise AssertionError(f"{path} decodes as UTF-8 too")
        except UnicodeDecodeError:
            pass
    text = raw.decode(enc)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def check():
    exp = {}
    with open(os.path.join(OUT, "expected.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            exp[row["file"]] = row
    bad = 0
    listed = sorted(f for f in os.listdir(OUT) if re.match(r"^\d\d-", f))
    assert listed == sorted(exp), (listed, sorted(exp))
    specs = SPECS
    for name in listed:
        row = exp[name]
        path = os.path.join(OUT, name)
        spec = specs[name]
        raw = open(path, "rb").read()
        text = raw.decode("gbk") if spec["encoding"] == "gbk" else (
            raw.decode("utf-8-sig") if spec["encoding"] != "xlsx" else None)
        if text is None:
            z = zipfile.ZipFile(path)
            text = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
        for s in filter(None, row["secrets"].split("|")):
            if s not in text and s.replace("&", "&amp;") not in text:
                print(f"FAIL {name}: secret {s} not in the file")
                bad += 1
        table = read_table(path, spec["encoding"], (spec["read"] or {}).get("delimiter", ","))
        if row["outcome"] != "ok":
            print(f"ok   {name}: {row['outcome']} (header: {', '.join(str(c) for c in table[0][:8] if c)}…)")
            continue
        rd = spec["read"]
        head = [("" if c is None else str(c)) for c in table[rd["header"] - 1]]
        body = [r for r in table[rd["header"]:] if any(c not in (None, "") for c in r)]
        sb = "id"
        scol = rd["subject"]
        if isinstance(scol, tuple):
            sb, scol = scol
        si = head.index(scol)
        ident = [head.index(h) for h in rd["ident"]]
        kind, spec_p = rd["picks"]
        if kind in ("01", "text"):
            opt_cols = [(k, re.match(spec_p, h).group(1)) for k, h in enumerate(head) if re.match(spec_p, h)]
            assert len(opt_cols) == 55, (name, len(opt_cols))
        else:
            pi = head.index(kind)
        last = OrderedDict()
        skipped = 0
        for n, r in enumerate(body):
            r = list(r) + [None] * (len(head) - len(r))
            subj = subject(r[si], sb)
            if kind == "01":
                words = [LOOKUP[w] for k, w in opt_cols if r[k] == 1]
            elif kind == "text":
                words = [LOOKUP[w] for k, w in opt_cols if r[k] not in (None, "")]
            else:
                cell = "" if r[pi] is None else str(r[pi])
                words = [w for w in (word(t) for t in cell.split(spec_p) if t.strip()) if w]
            if subj in (None, AMBIG) or not words:
                skipped += 1
                continue
            assert subj != "?unknown", (name, r[si])
            who = tuple(str(r[k]).strip() for k in ident if str(r[k] or "").strip() not in PLACEHOLDERS)
            key = (subj, who) if who else (subj, ("row", n))
            last[key] = words
        counts = defaultdict(int)
        for (subj, _), _w in last.items():
            counts[subj] += 1
        got = " ".join(f"{s}={counts[s]}" for s in sorted(counts))
        if got != row["raters"] or str(skipped) != row["skipped"]:
            print(f"FAIL {name}: file says {got} skipped={skipped}, expected.tsv {row['raters']} skipped={row['skipped']}")
            bad += 1
        else:
            print(f"ok   {name}: {got} skipped={skipped}; header row {rd['header']}: "
                  f"{', '.join(h for h in head[:7] if h)}…")
    if bad:
        sys.exit(f"{bad} problem(s)")
    print("all files agree with expected.tsv")


SPECS = {}


def build_specs():
    """Runs every export builder writing into a scratch directory, to learn the specs."""
    global OUT
    import tempfile
    real = OUT
    with tempfile.TemporaryDirectory() as tmp:
        OUT = tmp
        Person.count = 0
        IP_N[0] = 99
        for fn in EXPORTS:
            e = fn()
            SPECS[e.name] = dict(encoding=e.encoding, read=e.read)
    OUT = real


if __name__ == "__main__":
    if "--check" not in sys.argv[1:]:
        main()
    build_specs()
    check()
