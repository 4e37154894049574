#!/usr/bin/env python3
"""Writes the sample messages in samples/mail/ byte for byte (CRLF line ends, real GBK/Big5 bytes).

The samples feed `mailwarden rules test`, the demo mailbox and the tests; run this again after editing it.
"""
import base64
import pathlib

OUT = pathlib.Path(__file__).resolve().parent / "mail"


def b64(data: bytes) -> str:
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def word(text: str, charset: str) -> str:
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode(charset)).decode())


def write(name: str, headers: list, body: bytes):
    data = "\r\n".join(headers).encode("ascii") + b"\r\n\r\n" + body.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    (OUT / name).write_bytes(data)


def common(n, frm, to, subject, date, extra=()):
    return ["Message-ID: <sample-%02d@mailwarden.example>" % n, "Date: " + date, "From: " + frm, "To: " + to,
            "Subject: " + subject, "MIME-Version: 1.0", *extra]


def pdf(lines) -> bytes:
    """A small real PDF: one page showing ASCII text lines (Helvetica), with a correct xref table."""
    text = "BT /F1 12 Tf 72 720 Td 16 TL " + " ".join("(%s) '" % l for l in lines) + " ET"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
               " /Resources << /Font << /F1 5 0 R >> >> >>",
               "<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body.encode("ascii"))
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def docx(paragraphs) -> bytes:
    """A small real DOCX (Office Open XML) holding the given paragraphs, Chinese welcome."""
    import io
    import zipfile
    from xml.sax.saxutils import escape
    body = "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % escape(p) for p in paragraphs)
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>',
        "word/document.xml": '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main"><w:body>' + body + "</w:body></w:document>",
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 3, 1, 0, 0, 0))  # fixed: the samples stay byte-identical
            z.writestr(info, xml.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return buf.getvalue()


PDF = pdf(["VAT invoice 2026-0315", "Vendor: Zhangsan Trading Co.", "Amount due: CNY 12,800.00"])

OUT.mkdir(exist_ok=True)

# 1. A vendor's invoice in GBK, attachment name as a GBK encoded-word
write("01-invoice-vendor-zh.eml", common(1, word("张三", "GBK") + " <billing@vendor.example>", "finance@corp.example",
      word("三月份增值税发票", "GBK"), "Mon, 2 Mar 2026 10:15:00 +0800",
      ['Content-Type: multipart/mixed; boundary="b1"']),
      ("--b1\r\nContent-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: base64\r\n\r\n"
       + b64("财务部您好：\n附件是三月份的增值税发票，金额 12,800.00 元，请查收。\n张三".encode("gbk"))
       + '\r\n--b1\r\nContent-Type: application/pdf; name="%s"\r\nContent-Disposition: attachment; filename="%s"\r\n'
         'Content-Transfer-Encoding: base64\r\n\r\n' % (word("增值税发票.pdf", "GBK"), word("增值税发票.pdf", "GBK"))
       + b64(PDF) + "\r\n--b1--\r\n").encode("ascii"))

# 2. An English newsletter (list mail)
write("02-newsletter-en.eml", common(2, "Cloud Weekly <news@updates.cloudweekly.example>", "staff@corp.example",
      "This week: 10 tips for faster builds", "Tue, 3 Mar 2026 08:00:00 +0000",
      ["List-Id: Cloud Weekly <weekly.cloudweekly.example>",
       "List-Unsubscribe: <https://cloudweekly.example/unsubscribe?u=42>",
       "Content-Type: text/plain; charset=utf-8"]),
      b"Hello,\nHere are this week's ten tips for faster builds.\nUnsubscribe at any time.\n")

# 3. A contract for approval, attachment name in RFC 2231 form
write("03-contract-zh.eml", common(3, word("李四", "UTF-8") + " <lisi@partner.example>", "legal@corp.example",
      word("合同审批：年度框架协议", "UTF-8"), "Wed, 4 Mar 2026 14:30:00 +0800",
      ['Content-Type: multipart/mixed; boundary="b3"']),
      ("--b3\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
       + b64("请审批附件中的年度框架协议（合同编号 HT-2026-031）。".encode())
       + "\r\n--b3\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n"
         "Content-Disposition: attachment; filename*=UTF-8''%E5%90%88%E5%90%8C.docx\r\n"
         "Content-Transfer-Encoding: base64\r\n\r\n" + b64(docx(["年度框架协议", "合同编号 HT-2026-031", "甲方：本公司　乙方：合作伙伴", "有效期自2026年4月1日起三年。"])) + "\r\n--b3--\r\n").encode("ascii"))

# 4. A customer writes to support
write("04-support-question-en.eml", common(4, "Maria Rossi <maria@customer.example>", "Support <support@corp.example>",
      "Cannot log in to the portal", "Thu, 5 Mar 2026 09:05:00 +0100", ["Content-Type: text/plain; charset=utf-8"]),
      b"Hi,\nsince this morning I cannot log in to the portal. Can you help?\nMaria\n")

# 5. A bounce: never to be answered
write("05-bounce.eml", common(5, "Mail Delivery System <MAILER-DAEMON@mx.corp.example>", "support@corp.example",
      "Undelivered Mail Returned to Sender", "Thu, 5 Mar 2026 09:06:00 +0000",
      ["Auto-Submitted: auto-replied", "Content-Type: text/plain; charset=us-ascii"]),
      b"This is the mail system. Your message could not be delivered to one or more recipients.\n")

# 6. Spam flagged by the upstream filter
write("06-spam.eml", common(6, "Prize Team <winner@lottery.example>", "staff@corp.example",
      "You have WON 1,000,000 USD", "Fri, 6 Mar 2026 03:00:00 +0000",
      ["X-Spam-Flag: YES", "X-Spam-Status: Yes, score=12.3", "Content-Type: text/plain; charset=utf-8"]),
      b"Claim your prize now!\n")

# 7. The CEO writes in GB2312-labelled text holding a GBK-only character (喆)
write("07-ceo-gb2312-label.eml", common(7, "=?gb2312?B?%s?=" % base64.b64encode("王喆".encode("gbk")).decode() + " <wangzhe@corp.example>",
      "all@corp.example", "=?gb2312?B?%s?=" % base64.b64encode("关于喆园项目的安排".encode("gbk")).decode(),
      "Fri, 6 Mar 2026 11:00:00 +0800", ["Content-Type: text/plain; charset=gb2312",
                                          "Content-Transfer-Encoding: 8bit"]),
      "各位同事：\n喆园项目下周启动，请各部门准备。\n王喆\n".encode("gbk"))

# 8. A Big5 meeting notice without a charset label
write("08-meeting-big5.eml", common(8, "Chen <chen@tw-branch.example>", "staff@corp.example",
      word("會議通知", "Big5"), "Mon, 9 Mar 2026 16:00:00 +0800",
      ["Content-Type: text/plain", "Content-Transfer-Encoding: 8bit"]),
      "各位好，週三下午三點開會，請準時出席。謝謝。\n".encode("big5"))

# 9. A purchase order: the number is only inside the CSV attachment
write("09-purchase-order-csv.eml", common(9, "Orders <orders@shop.example>", "purchasing@corp.example",
      "New order", "Tue, 10 Mar 2026 12:00:00 +0000", ['Content-Type: multipart/mixed; boundary="b9"']),
      ("--b9\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease find the order attached.\r\n"
       "--b9\r\nContent-Type: text/csv; charset=utf-8; name=order.csv\r\nContent-Disposition: attachment; filename=order.csv\r\n\r\n"
       "order,item,qty\r\nPO-2026-0117,laptop stand,12\r\n--b9--\r\n").encode("ascii"))

# 10. HTML-only bulk promotion
write("10-promo-html.eml", common(10, "Deals <deals@promo.example>", "staff@corp.example", "Spring sale: 30% off",
      "Wed, 11 Mar 2026 07:30:00 +0000", ["Precedence: bulk", "Content-Type: text/html; charset=utf-8"]),
      b"<html><head><style>p{color:red}</style></head><body><p>Spring sale: <b>30% off</b> everything&nbsp;today.</p></body></html>\n")

# 11. A colleague's reply in a thread (no rule should act)
write("11-colleague-reply-zh.eml", common(11, word("赵六", "UTF-8") + " <zhaoliu@corp.example>", "team@corp.example",
      word("回复：项目进度", "UTF-8"), "Thu, 12 Mar 2026 18:20:00 +0800",
      ["In-Reply-To: <thread-1@corp.example>", "References: <thread-1@corp.example>",
       "Content-Type: text/plain; charset=utf-8"]), "收到，我明天把进度表更新一下。\n".encode())

# 12. A subject split mid-character across two encoded-words, and an out-of-office auto reply
split = "报价单".encode("utf-8")
write("12-quote-split-word.eml", common(12, "Sales <sales@vendor.example>", "purchasing@corp.example",
      "=?UTF-8?B?%s?= =?UTF-8?B?%s?=" % (base64.b64encode(split[:4]).decode(), base64.b64encode(split[4:]).decode()),
      "Fri, 13 Mar 2026 10:00:00 +0800", ["Content-Type: text/plain; charset=utf-8"]),
      "附件为本季度报价单，请参考。\n".encode())
