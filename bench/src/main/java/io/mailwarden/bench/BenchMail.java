package io.mailwarden.bench;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;

/**
 * Generates varied raw RFC 5322 messages, deterministically from a seed: English and Chinese (UTF-8
 * and GBK, base64 and quoted-printable), plain, alternative (text + HTML) and mixed with attachments
 * (Chinese file names in RFC 2231 form among them), bodies of 0.5 to 8 KB, with the headers of real
 * mail: Received chains, mailing-list headers, mailers, the odd spam flag.
 */
final class BenchMail {

    /** One generated message and where it lives. */
    record Raw(byte[] bytes, String account, String folder, boolean seen, boolean flagged) {
    }

    private static final String[] COMMON = {"qq.com", "163.com", "gmail.com", "corp.example", "outlook.com",
        "126.com", "sina.com", "foxmail.com", "yahoo.com", "aliyun.com"};
    private static final String[] EN_WORDS = ("the a of to and in for on with report meeting team please "
            + "update project review budget customer order invoice schedule attached next week today thanks "
            + "regards quarter plan release server account payment delivery contract training approval draft")
            .split(" ");
    private static final String[] ZH_WORDS = ("我们 的 会议 项目 进度 客户 请 确认 附件 本周 下周 预算 审批 合同 "
            + "发票 报销 培训 通知 安排 时间 地点 感谢 配合 相关 部门 负责人 已经 完成 需要 尽快 处理 系统 数据")
            .split(" ");
    private static final String[] TOPICS_EN = {"invoice", "expense report", "contract", "interview", "payslip",
        "delivery", "approval", "training", "statement", "weekly report", "newsletter", "meeting", "offer", "holiday schedule", "survey", "release notes",
        "feedback", "event", "webinar", "team lunch", "office move", "security notice", "quote", "proposal"};
    private static final String[] TOPICS_ZH = {"发票", "报销", "合同", "面试", "工资单", "快递", "审批", "培训",
        "账单", "周报", "通知", "会议", "活动", "放假安排", "问卷", "版本发布", "反馈", "讲座", "聚餐", "搬迁",
        "安全提醒", "报价", "方案", "年会"};
    private static final String[] PHRASES = {"验证码", "verification code", "tracking number", "运单号",
        "请查收附件", "please find attached", "会议纪要", "meeting notes", "退订", "unsubscribe", "密码已重置",
        "overdue", "系统维护", "scheduled maintenance"};
    private static final String[] FILES = {"invoice-2024-%d.pdf", "报表_%d月.xlsx", "合同%d.docx", "scan_%d.jpg",
        "data-%d.csv", "notes-%d.txt", "photo%d.png", "archive-%d.zip", "meeting-%d.ics", "budget-%d.xlsx"};
    private static final String[] FOLDERS = {"INBOX/项目/Alpha", "INBOX/项目/Beta", "Archive/2024", "INBOX/客户"};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    private static final Charset GBK = Charset.forName("GBK");

    private final Random rnd;
    private final Instant now;

    BenchMail(long seed, Instant now) {
        this.rnd = new Random(seed);
        this.now = now;
    }

    Raw next(int n) {
        boolean zh = rnd.nextInt(100) < 45;
        Charset cs = zh && rnd.nextInt(5) == 0 ? GBK : StandardCharsets.UTF_8;
        StringBuilder h = new StringBuilder(2048);
        for (int i = 0, hops = 2 + rnd.nextInt(3); i < hops; i++) {
            h.append("Received: from mx").append(rnd.nextInt(90)).append(".relay.example (mx.relay.example [10.")
                    .append(rnd.nextInt(255)).append('.').append(rnd.nextInt(255)).append(".7])\r\n\tby imap.corp.example with ESMTPS id ")
                    .append(Long.toHexString(rnd.nextLong())).append("\r\n\tfor <user@corp.example>; ").append(date()).append("\r\n");
        }
        String domain = domain();
        String local = domain.startsWith("bigcustomer") ? "boss" : domain.equals("corp.example") && rnd.nextInt(8) == 0
                ? "ceo" + rnd.nextInt(12) : pick(new String[] {"info", "noreply", "zhang.wei", "li.na", "john", "sales", "service"});
        String name = zh ? pick(new String[] {"张伟", "李娜", "王芳", "财务部", "客服中心"}) : pick(new String[] {"John Smith", "Billing", "Anna Lee", "Support Team"});
        h.append("From: ").append(zh ? word(name, cs) : '"' + name + '"').append(" <").append(local).append('@').append(domain).append(">\r\n");
        h.append("To: user@corp.example").append(rnd.nextInt(3) == 0 ? ", team@corp.example" : "")
                .append(rnd.nextInt(10) == 0 ? ", someone@elsewhere.example" : "").append("\r\n");
        if (rnd.nextInt(10) < 3) {
            h.append("Cc: ").append(rnd.nextInt(3) == 0 ? "pm" + rnd.nextInt(12) : "colleague").append("@corp.example\r\n");
        }
        String subject = subject(zh);
        h.append("Subject: ").append(ascii(subject) ? subject : word(subject, cs)).append("\r\n");
        h.append("Date: ").append(date()).append("\r\n");
        h.append("Message-ID: <").append(n).append('.').append(Long.toHexString(rnd.nextLong())).append("@").append(domain).append(">\r\n");
        h.append("MIME-Version: 1.0\r\n");
        if (rnd.nextInt(2) == 0) {
            h.append("X-Mailer: ").append(rnd.nextInt(5) == 0 ? "Campaign Engine " + rnd.nextInt(10) : "Foxmail 7.2").append("\r\n");
        }
        if (rnd.nextInt(100) < 15) {
            int list = rnd.nextInt(12);
            h.append("List-Id: Team list ").append(list).append(" <list").append(list).append(".lists.example>\r\n")
                    .append("List-Unsubscribe: <mailto:leave-").append(list).append("@lists.example>\r\n");
        }
        if (rnd.nextInt(100) < 3) {
            h.append("X-Spam-Flag: YES\r\nX-Spam-Status: Yes, score=9.1\r\n");
        }
        String phrase = subject.startsWith("[促销") ? (zh ? "退订" : "unsubscribe") : rnd.nextInt(4) == 0 ? pick(PHRASES) : null;
        String text = text(zh, 512 + rnd.nextInt(8192 - 512), phrase);
        int shape = rnd.nextInt(100);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2 + 4096);
        if (shape < 60) {
            h.append(textPart(text, zh, cs));
            write(out, h);
        } else if (shape < 75) {
            h.append("Content-Type: multipart/alternative; boundary=\"alt-").append(n).append("\"\r\n\r\n");
            h.append(alternative(n, text, zh, cs));
            write(out, h);
        } else {
            h.append("Content-Type: multipart/mixed; boundary=\"mix-").append(n).append("\"\r\n\r\n");
            h.append("--mix-").append(n).append("\r\n");
            h.append(rnd.nextBoolean() ? textPart(text, zh, cs) : "Content-Type: multipart/alternative; boundary=\"alt-"
                    + n + "\"\r\n\r\n" + alternative(n, text, zh, cs));
            for (int a = 0, count = 1 + rnd.nextInt(3); a < count; a++) {
                h.append("\r\n--mix-").append(n).append("\r\n").append(attachment());
            }
            h.append("\r\n--mix-").append(n).append("--\r\n");
            write(out, h);
        }
        String folder = rnd.nextInt(100) < 75 ? "INBOX" : pick(FOLDERS);
        return new Raw(out.toByteArray(), rnd.nextInt(10) < 7 ? "work" : "personal", folder,
                rnd.nextInt(10) < 6, rnd.nextInt(20) == 0);
    }

    private String domain() {
        int r = rnd.nextInt(100);
        if (r < 55) {
            return COMMON[rnd.nextInt(1 + rnd.nextInt(COMMON.length))];
        }
        String[] kinds = {"vendor", "partner", "shop", "bigcustomer", "legal", "news", "mail"};
        return kinds[rnd.nextInt(kinds.length)] + rnd.nextInt(r < 85 ? 12 : 40) + ".example";
    }

    private String subject(boolean zh) {
        int r = rnd.nextInt(100);
        String topic = zh ? pick(TOPICS_ZH) : pick(TOPICS_EN);
        if (r < 12) {
            return (zh ? pick(new String[] {"回复：", "答复：", "转发："}) : pick(new String[] {"RE: ", "Re: ", "FW: "}))
                    + (zh ? "订单 #" : "order #") + (10000 + rnd.nextInt(90000));
        }
        if (r < 22) {
            return "[项目" + (char) ('A' + rnd.nextInt(8)) + "] " + (zh ? "周报 第" + rnd.nextInt(52) + "周" : "weekly status");
        }
        if (r < 28) {
            return "[促销" + rnd.nextInt(12) + "] " + (zh ? "限时优惠，全场五折" : "Flash sale: 50% off");
        }
        return zh ? "关于" + topic + "的" + pick(new String[] {"通知", "确认", "问题", "安排"}) + "（" + (1 + rnd.nextInt(12)) + "月）"
                : "Your " + topic + " for " + pick(new String[] {"March", "Q3", "next week", "project Beta"});
    }

    /** Filler text of about {@code bytes} bytes, with {@code phrase} (if not null) somewhere in it. */
    String text(boolean zh, int bytes, String phrase) {
        StringBuilder sb = new StringBuilder(bytes);
        int at = phrase == null ? -1 : rnd.nextInt(bytes);
        int size = 0;
        int line = 0;
        while (size < bytes) {
            String w = zh ? pick(ZH_WORDS) : pick(EN_WORDS);
            if (at >= 0 && size >= at && (zh || ascii(phrase))) {
                w = phrase;
                at = -1;
            }
            sb.append(w);
            size += zh ? w.length() * 3 : w.length() + 1;
            line += zh ? w.length() * 2 : w.length() + 1;
            if (line > 70) {
                sb.append(zh ? "。\r\n" : ".\r\n");
                line = 0;
            } else if (!zh) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private String textPart(String text, boolean zh, Charset cs) {
        if (zh) {
            return "Content-Type: text/plain; charset=" + cs.name() + "\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + b64(text.getBytes(cs)) + "\r\n";
        }
        return "Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: "
                + (rnd.nextBoolean() ? "quoted-printable" : "7bit") + "\r\n\r\n" + text + "\r\n";
    }

    private String alternative(int n, String text, boolean zh, Charset cs) {
        String html = "<html><head><style>p{margin:0}</style></head><body><div><p>"
                + text.replace("\r\n", "</p>\r\n<p>") + "</p></div></body></html>";
        String htmlPart = "Content-Type: text/html; charset=" + cs.name() + "\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(html.getBytes(zh ? cs : StandardCharsets.US_ASCII)) + "\r\n";
        return "--alt-" + n + "\r\n" + textPart(text, zh, cs) + "\r\n--alt-" + n + "\r\n" + htmlPart + "\r\n--alt-" + n + "--\r\n";
    }

    private String attachment() {
        String file = String.format(pick(FILES), 1 + rnd.nextInt(12));
        String type = file.endsWith(".pdf") ? "application/pdf" : file.endsWith(".xlsx") || file.endsWith(".docx")
                ? "application/vnd.openxmlformats-officedocument" : file.endsWith(".jpg") ? "image/jpeg"
                : file.endsWith(".png") ? "image/png" : file.endsWith(".csv") ? "text/csv" : file.endsWith(".txt")
                ? "text/plain" : file.endsWith(".ics") ? "text/calendar" : "application/zip";
        byte[] content;
        if (type.startsWith("text/")) {
            content = text(rnd.nextBoolean(), 1024 + rnd.nextInt(8192), null).getBytes(StandardCharsets.UTF_8);
            type += "; charset=UTF-8";
        } else {
            content = new byte[2048 + rnd.nextInt(40 * 1024)];
            rnd.nextBytes(content);
        }
        return attachmentPart(type, file, content);
    }

    /** A base64 attachment part (headers and body), a non-ASCII file name in RFC 2047 and RFC 2231 form. */
    static String attachmentPart(String type, String file, byte[] content) {
        return attachmentHeader(type, file) + b64(content) + "\r\n";
    }

    /** A base64 attachment part's header section, up to and including the blank line. */
    static String attachmentHeader(String type, String file) {
        boolean ascii = ascii(file);
        String disposition = ascii ? "filename=\"" + file + "\""
                : "filename*=UTF-8''" + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
        return "Content-Type: " + type + "; name=\"" + (ascii ? file : word(file, StandardCharsets.UTF_8)) + "\"\r\n"
                + "Content-Disposition: attachment; " + disposition + "\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    }

    /** An RFC 2047 encoded word, split so no word is longer than 75 characters. */
    static String word(String s, Charset cs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i += 12) {
            String chunk = s.substring(i, Math.min(s.length(), i + 12));
            sb.append(i == 0 ? "" : "\r\n ").append("=?").append(cs.name()).append("?B?")
                    .append(Base64.getEncoder().encodeToString(chunk.getBytes(cs))).append("?=");
        }
        return sb.toString();
    }

    static boolean ascii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    static String b64(byte[] b) {
        return Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(b);
    }

    private String date() {
        return DATE.format(now.minusSeconds(rnd.nextLong(700L * 86400)).atOffset(ZoneOffset.ofHours(rnd.nextBoolean() ? 8 : 0)));
    }

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private static void write(ByteArrayOutputStream out, StringBuilder s) {
        // 8-bit clean: only ASCII is written, everything else went through an encoding above
        out.writeBytes(s.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
