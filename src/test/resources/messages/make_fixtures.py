#!/usr/bin/env python3
"""Writes the fixture messages in this directory byte for byte.

Several fixtures hold raw GBK, Big5 or UTF-8 bytes that no editor keeps intact, so they are
generated. Run from anywhere: python3 make_fixtures.py
"""
import base64
import os
import quopri

HERE = os.path.dirname(os.path.abspath(__file__))


def b(s, cs="ascii"):
    return s.encode(cs)


def crlf(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def write(name, *chunks):
    data = crlf(b"".join(c if isinstance(c, bytes) else c.encode("ascii") for c in chunks))
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def bword(text, cs):
    return "=?%s?B?%s?=" % (cs, base64.b64encode(text.encode(cs) if isinstance(text, str) else text).decode())


def b64lines(data: bytes) -> str:
    s = base64.b64encode(data).decode()
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76)) + "\n"


COMMON = """Date: Tue, 05 Mar 2024 10:15:30 +0800
Message-ID: <{id}@mail.example.cn>
MIME-Version: 1.0
"""

# --- plain, alternative, HTML only ------------------------------------------------------------

write("plain-english.eml", """Return-Path: <alice@example.com>
From: Alice Example <alice@example.com>
To: Bob <bob@example.org>
Subject: Quarterly report
Date: Mon, 4 Mar 2024 09:30:00 -0500
Message-ID: <plain-1@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 7bit

Hi Bob,

The quarterly report is attached to the shared drive.

Regards,
Alice
""")

write("alternative-text-html.eml", COMMON.format(id="alt-1"), """From: Newsletter <news@shop.example>
To: customer@example.org
Subject: Spring sale
Content-Type: multipart/alternative; boundary="ALT-BOUNDARY"

--ALT-BOUNDARY
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Spring sale: 20% off =E2=80=94 this week only.
--ALT-BOUNDARY
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

<html><body><p>Spring sale: <b>20% off</b> &mdash; this week only.</p></body></html>
--ALT-BOUNDARY--
""")

HTML_ONLY = """<!DOCTYPE html>
<html>
<head>
<title>Invoice ready</title>
<style type="text/css">body { color: red; } .hidden { display: none; }</style>
<script>var tracking = "do-not-show";</script>
</head>
<body>
<!-- a comment that must not show -->
<h1>Invoice&nbsp;#2024-031</h1>
<p>Dear&nbsp;customer,<br>your invoice is
ready &amp; waiting.</p>
<table><tr><td>Total</td><td>&yen;1,280.00</td></tr></table>
<p>Questions? Write to &lt;support@vendor.example&gt; &#8212; or call &#x35;5&#53;.</p>
<script type="text/javascript">
  document.write("<p>injected</p>");
</script>
</body>
</html>
"""
write("html-only.eml", COMMON.format(id="html-1"), """From: Vendor Billing <billing@vendor.example>
To: customer@example.org
Subject: Invoice ready
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: 8bit

""", HTML_ONLY)

# --- GB2312 labels on GBK text ------------------------------------------------------------------

SUBJ_GBK = "朱镕基与王堃的会议纪要"
BODY_GBK = "吉喆同志：\n请于周五前提交镕钢项目报告。\n"
write("gb2312-label-gbk-chars.eml", COMMON.format(id="gbk-1"),
      "From: ", bword("王堃", "gbk").replace("GBK", "gb2312"), " <wangkun@corp.example.cn>\n",
      "To: team@corp.example.cn\n",
      "Subject: ", bword(SUBJ_GBK, "gbk").replace("GBK", "gb2312"), "\n",
      "Content-Type: text/plain; charset=gb2312\n",
      "Content-Transfer-Encoding: base64\n\n",
      b64lines(BODY_GBK.encode("gbk")))

write("gb2312-label-gbk-chars-8bit.eml", COMMON.format(id="gbk-2"),
      "From: sender@corp.example.cn\nTo: team@corp.example.cn\nSubject: 8bit\n",
      "Content-Type: text/plain; charset=\"GB2312\"\n",
      "Content-Transfer-Encoding: 8bit\n\n",
      BODY_GBK.encode("gbk"))

write("gbk-no-charset.eml", COMMON.format(id="gbk-3"),
      "From: sender@corp.example.cn\nTo: team@corp.example.cn\nSubject: no charset\n",
      "Content-Type: text/plain\n",
      "Content-Transfer-Encoding: 8bit\n\n",
      "您好，附件是三月份的增值税发票，请查收。\n".encode("gbk"))

BIG5_TEXT = "您好，這是中文郵件測試。請確認會議時間。\n"
write("big5-no-label.eml", COMMON.format(id="big5-1"),
      "From: sender@corp.example.tw\nTo: team@corp.example.tw\nSubject: big5\n",
      "Content-Type: text/plain\n",
      "Content-Transfer-Encoding: 8bit\n\n",
      BIG5_TEXT.encode("big5"))

write("big5-ms950.eml", COMMON.format(id="big5-2"),
      "From: sender@corp.example.tw\nTo: team@corp.example.tw\nSubject: ms950\n",
      "Content-Type: text/plain; charset=MS950\n",
      "Content-Transfer-Encoding: base64\n\n",
      b64lines(BIG5_TEXT.encode("cp950")))

# --- raw 8-bit headers ----------------------------------------------------------------------------

write("raw-8bit-gbk-headers.eml", COMMON.format(id="raw-1"),
      b"From: ", "财务部 张三".encode("gbk"), b" <zhangsan@corp.example.cn>\n",
      b"To: team@corp.example.cn\n",
      b"Subject: ", "关于三月份报销的通知".encode("gbk"), b"\n",
      b"Content-Type: text/plain; charset=gbk\nContent-Transfer-Encoding: 8bit\n\n",
      "请查收。\n".encode("gbk"))

write("raw-8bit-utf8-headers.eml", COMMON.format(id="raw-2"),
      b"From: ", "李四 (市场部)".encode("utf-8"), b" <lisi@corp.example.cn>\n",
      b"To: team@corp.example.cn\n",
      b"Subject: ", "Re: 合同审批 – 第二版".encode("utf-8"), b"\n",
      b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n",
      "已审批。\n".encode("utf-8"))

# --- encoded-words split in the middle of a character ---------------------------------------------

utf8 = "发票已开具".encode("utf-8")  # 15 bytes; split after 4 (inside 票's neighbour)
write("split-word-utf8-b.eml", COMMON.format(id="split-1"),
      "From: a@corp.example.cn\nTo: b@corp.example.cn\n",
      "Subject: ", bword(utf8[:4], "UTF-8"), "\n ", bword(utf8[4:], "UTF-8"), "\n",
      "Content-Type: text/plain; charset=utf-8\n\nbody\n")

gbk = "发票已开具".encode("gbk")  # 10 bytes; split after 3 (inside the second character)
write("split-word-gbk-b.eml", COMMON.format(id="split-2"),
      "From: a@corp.example.cn\nTo: b@corp.example.cn\n",
      "Subject: ", bword(gbk[:3], "GBK"), "\n\t", bword(gbk[3:], "GBK"), "\n",
      "Content-Type: text/plain; charset=utf-8\n\nbody\n")


def qword(data, cs):
    return "=?%s?Q?%s?=" % (cs, "".join("=%02X" % x for x in data))


write("split-word-gbk-q.eml", COMMON.format(id="split-3"),
      "From: a@corp.example.cn\nTo: b@corp.example.cn\n",
      "Subject: ", qword(gbk[:5], "gbk"), " ", qword(gbk[5:], "gbk"), "\n",
      "Content-Type: text/plain; charset=utf-8\n\nbody\n")

# --- attachments with encoded file names ----------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
DOCX = b"PK\x03\x04" + bytes(range(40))
XLSX = b"PK\x03\x04" + bytes(range(100, 140))
write("attachment-filenames.eml", COMMON.format(id="att-1"),
      "From: finance@corp.example.cn\nTo: boss@corp.example.cn\nSubject: ", bword("发票和合同", "UTF-8"), "\n",
      "Content-Type: multipart/mixed;\n boundary=\"----=_Part_0_1234.5678\"\n\n",
      "This is a multi-part message in MIME format.\n\n",
      "------=_Part_0_1234.5678\n",
      "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n",
      b64lines("请查收附件。".encode("utf-8")),
      "------=_Part_0_1234.5678\n",
      "Content-Type: application/pdf; name=\"", bword("增值税发票.pdf", "GBK"), "\"\n",
      "Content-Transfer-Encoding: base64\n",
      "Content-Disposition: attachment; filename=\"", bword("增值税发票.pdf", "GBK"), "\"\n\n",
      b64lines(PDF),
      "------=_Part_0_1234.5678\n",
      "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\n",
      "Content-Transfer-Encoding: base64\n",
      "Content-Disposition: attachment; filename*=UTF-8''%E5%90%88%E5%90%8C.docx\n\n",
      b64lines(DOCX),
      "------=_Part_0_1234.5678\n",
      "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\n",
      "Content-Transfer-Encoding: base64\n",
      "Content-Disposition: attachment;\n filename*0*=UTF-8''%E4%B8%89%E6%9C%88%E5%AF%B9;\n filename*1*=%E8%B4%A6%E5%8D%95;\n filename*2=\".xlsx\"\n\n",
      b64lines(XLSX),
      "------=_Part_0_1234.5678--\n")

# --- addresses ------------------------------------------------------------------------------------

write("addresses.eml", COMMON.format(id="addr-1"),
      "From: \"billing@paypal.example\" <phish@evil.example>\n",
      "To: \"Smith, John\" <john.smith@corp.example>,\n ", bword("王, 小明", "UTF-8"), " <xiaoming@corp.example.cn>\n",
      "Cc: undisclosed-recipients:;\n",
      "Reply-To: replies@corp.example (Help Desk)\n",
      "Sender: \"Re: Ops\" <ops@corp.example>\n",
      "Bcc: Team: one@corp.example, Two <two@corp.example>;\n",
      "Subject: addresses\nContent-Type: text/plain\n\nbody\n")

# --- broken MIME ----------------------------------------------------------------------------------

write("wrong-boundary.eml", COMMON.format(id="broken-1"),
      "From: a@corp.example\nTo: b@corp.example\nSubject: wrong boundary\n",
      "Content-Type: multipart/mixed; boundary=\"declared-boundary\"\n\n",
      "--actual-boundary\nContent-Type: text/plain; charset=utf-8\n\nThe text is still here.\n",
      "--actual-boundary\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"data.bin\"\n",
      "Content-Transfer-Encoding: base64\n\nAAECAwQF\n",
      "--actual-boundary--\n")

write("missing-boundary.eml", COMMON.format(id="broken-2"),
      "From: a@corp.example\nTo: b@corp.example\nSubject: missing boundary\n",
      "Content-Type: multipart/mixed\n\n",
      "--guessed-boundary\nContent-Type: text/plain; charset=utf-8\n\nFound without a boundary parameter.\n",
      "--guessed-boundary--\n")

write("no-boundary-in-body.eml", COMMON.format(id="broken-3"),
      "From: a@corp.example\nTo: b@corp.example\nSubject: no boundary anywhere\n",
      "Content-Type: multipart/mixed; boundary=\"nowhere\"\n\n",
      "Just text, although the header promised parts.\n")

TRUNC = b64lines(PDF * 20)
write("truncated-base64.eml", COMMON.format(id="broken-4"),
      "From: a@corp.example\nTo: b@corp.example\nSubject: truncated\n",
      "Content-Type: multipart/mixed; boundary=\"b1\"\n\n",
      "--b1\nContent-Type: text/plain; charset=utf-8\n\nSee the attached scan.\n",
      "--b1\nContent-Type: application/pdf; name=\"scan.pdf\"\nContent-Transfer-Encoding: base64\n",
      "Content-Disposition: attachment; filename=\"scan.pdf\"\n\n",
      TRUNC[:len(TRUNC) // 2 + 3])  # cut mid-line, mid-quantum, no closing boundary

write("no-headers.eml", "Just some text that someone saved without any headers.\nSecond line.\n")

with open(os.path.join(HERE, "garbage.eml"), "wb") as f:
    f.write(bytes((i * 151 + 7) % 256 for i in range(600)))

write("missing-id-bad-date.eml",
      "From: a@corp.example\nTo: b@corp.example\nSubject: no id\n",
      "Date: sometime last week\n",
      "Content-Type: text/plain; charset=utf-8\n\nStill readable.\n")

nested = "--b30\nContent-Type: text/plain\n\ninnermost text\n--b30--\n"
for level in range(29, 0, -1):
    nested = ("--b%d\nContent-Type: multipart/mixed; boundary=\"b%d\"\n\n%s--b%d--\n"
              % (level, level + 1, nested, level))
write("nested-30.eml", COMMON.format(id="nested-1"),
      "From: a@corp.example\nTo: b@corp.example\nSubject: nested\n",
      "Content-Type: multipart/mixed; boundary=\"b0\"\n\n",
      "--b0\nContent-Type: text/plain\n\nouter text\n",
      "--b0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n", nested,
      "--b0--\n")

# --- forwarded message and text attachments -------------------------------------------------------

write("forwarded-rfc822.eml", COMMON.format(id="fwd-1"),
      "From: boss@corp.example.cn\nTo: me@corp.example.cn\nSubject: Fwd: ", bword("报价单", "GBK"), "\n",
      "Content-Type: multipart/mixed; boundary=\"outer\"\n\n",
      "--outer\nContent-Type: text/plain; charset=utf-8\n\nSee below.\n",
      "--outer\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename=\"quote.eml\"\n\n",
      "From: sales@vendor.example\nTo: boss@corp.example.cn\nSubject: ", bword("报价单", "GBK"), "\n",
      "Date: Mon, 04 Mar 2024 08:00:00 +0800\nMessage-ID: <inner-1@vendor.example>\n",
      "Content-Type: text/plain; charset=gbk\nContent-Transfer-Encoding: 8bit\n\n",
      "单价：每吨三千元。\n".encode("gbk"),
      "\n--outer--\n")

write("text-attachments.eml", COMMON.format(id="txt-1"),
      "From: a@corp.example.cn\nTo: b@corp.example.cn\nSubject: text attachments\n",
      "Content-Type: multipart/mixed; boundary=\"tb\"\n\n",
      "--tb\nContent-Type: text/plain; charset=utf-8\n\nTwo files attached.\n",
      "--tb\nContent-Type: text/plain; charset=gbk; name=\"notes.txt\"\n",
      "Content-Disposition: attachment; filename=\"notes.txt\"\nContent-Transfer-Encoding: base64\n\n",
      b64lines("会议记录：预算已批准。".encode("gbk")),
      "--tb\nContent-Type: text/csv; charset=utf-8\n",
      "Content-Disposition: attachment; filename=\"orders.csv\"\nContent-Transfer-Encoding: quoted-printable\n\n",
      quopri.encodestring("订单号,金额\n1001,250.00\n".encode("utf-8")),
      "--tb--\n")
