package io.mailwarden.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a realistic rule set of {@value #RULES} rules as YAML, spread over four files the way an admin
 * would split them. Twelve kinds of rule, each written nine times with other values: address domains
 * and lists, subject words (English and Chinese) and regexes, body phrases, header tests, attachment
 * globs, size and age, list mail, any/all/not combinations, folder and account scopes. Most rules
 * match few messages; a handful (list mail, old read mail) match many, as in a real mailbox.
 */
final class BenchRules {

    static final int RULES = 100;

    private static final String[][] SUBJECT_WORDS = {
        {"发票", "invoice"}, {"报销", "expense report"}, {"合同", "contract"}, {"面试", "interview"},
        {"工资单", "payslip"}, {"快递", "delivery"}, {"审批", "approval"}, {"培训", "training"}, {"账单", "statement"},
    };
    private static final String[][] BODY_PHRASES = {
        {"验证码", "verification code"}, {"tracking number", "运单号"}, {"请查收附件", "please find attached"},
        {"会议纪要", "meeting notes"}, {"退订", "unsubscribe"}, {"密码已重置", "password was reset"},
        {"中奖", "you have won"}, {"逾期未付", "overdue"}, {"系统维护", "scheduled maintenance"},
    };
    private static final String[] ATTACHMENT_GLOBS = {
        "*.xlsx", "报表*.xlsx", "*.exe", "invoice-*.pdf", "合同*.docx", "*.zip", "*.csv", "scan_*.jpg", "*.ics",
    };

    private BenchRules() {
    }

    /** Writes the rule files into {@code dir} (created) and returns it. */
    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder[] files = {new StringBuilder("rules:\n"), new StringBuilder("rules:\n"),
            new StringBuilder("rules:\n"), new StringBuilder("rules:\n")};
        for (int i = 0; i < RULES; i++) {
            int kind = i % 12;
            int j = i / 12;
            StringBuilder out = files[kind < 3 ? 0 : kind < 6 ? 1 : kind < 9 ? 2 : 3];
            rule(out, kind, j, i);
        }
        List<String> names = List.of("10-senders.yaml", "20-content.yaml", "30-lists-and-size.yaml", "40-combos.yaml");
        for (int f = 0; f < files.length; f++) {
            Files.writeString(dir.resolve(names.get(f)), files[f], StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static void rule(StringBuilder out, int kind, int j, int i) {
        out.append("  - name: r").append(String.format("%03d", i)).append("-k").append(kind).append('\n');
        out.append("    description: generated rule of kind ").append(kind).append('\n');
        switch (kind) {
            case 0 -> out.append("    when:\n      from: { domain: [vendor").append(j).append(".example, partner")
                    .append(j + 30).append(".example] }\n").append(then("move: 供应商/vendor" + j));
            case 1 -> out.append("    when:\n      from:\n        in-list: [ceo").append(j)
                    .append("@corp.example, boss@bigcustomer").append(j).append(".example, legal").append(j)
                    .append(".example]\n").append(then("flag", "add-keyword: $VIP"));
            case 2 -> {
                String[] w = SUBJECT_WORDS[j % SUBJECT_WORDS.length];
                out.append("    when:\n      subject: [").append(w[0]).append(", '").append(w[1]).append("']\n")
                        .append(then("add-keyword: $Topic" + j, "move: 财务/" + w[0]));
            }
            case 3 -> out.append("    when:\n      subject: { regex: '^(RE|Re|回复|答复|FW|转发)[:：]\\s*.*(订单|order)\\s*#?\\d{4}")
                    .append(j).append("$' }\n").append(then("move: Orders/" + j));
            case 4 -> {
                String[] p = BODY_PHRASES[j % BODY_PHRASES.length];
                out.append("    when:\n      body: [").append(p[0]).append(", '").append(p[1]).append("']\n")
                        .append(then("add-keyword: $Body" + j));
            }
            case 5 -> {
                String when = switch (j % 3) {
                    case 0 -> "header: { name: X-Spam-Flag, equals: 'YES' }";
                    case 1 -> "header: { name: X-Mailer, contains: 'Campaign Engine " + j + "' }";
                    default -> "header: { name: X-Priority-Escalation-" + j + ", exists: true }";
                };
                out.append("    when:\n      ").append(when).append('\n')
                        .append(j == 0 ? then("delete", "stop") : then("flag"));
            }
            case 6 -> out.append("    folders: [INBOX, 'INBOX/**']\n    when:\n      attachment: { name: '")
                    .append(ATTACHMENT_GLOBS[j % ATTACHMENT_GLOBS.length]).append("', max-size: 5MB }\n")
                    .append(then("add-keyword: $Attach" + j));
            case 7 -> out.append("    when:\n      all:\n        - size: { larger-than: ").append(100 + 20 * j)
                    .append("KB }\n        - older-than: ").append(90 + 60 * j).append("d\n")
                    .append(then("move: Archive/large"));
            case 8 -> out.append("    when:\n      all:\n        - list-mail: true\n        - header: { name: List-Id, contains: list")
                    .append(j).append(".lists.example }\n").append(then("move: Lists/list" + j, "mark-read"));
            case 9 -> out.append("    when:\n      all:\n        - any:\n            - from: { domain: shop").append(j)
                    .append(".example }\n            - subject: { starts-with: '[促销").append(j)
                    .append("]' }\n        - not: { from: { domain: corp.example } }\n        - body: [退订, unsubscribe]\n")
                    .append(then("move: Promotions"));
            case 10 -> out.append("    folders: ['INBOX/项目/*']\n").append(j % 2 == 0 ? "    accounts: [work]\n" : "")
                    .append("    when:\n      any:\n        - subject: { contains: 项目").append((char) ('A' + j))
                    .append(" }\n        - cc: { local: { starts-with: pm").append(j).append(" } }\n")
                    .append(then("move: 项目/" + (char) ('A' + j)));
            default -> out.append("    when:\n      all:\n        - flag: [seen]\n        - older-than: ").append(540 + 20 * j)
                    .append("d\n        - not: { flag: [flagged] }\n        - not: { list-mail: true }\n")
                    .append(j == 0 ? "" : j % 2 == 1 ? "        - account: personal\n"
                            : "        - from: { domain: [news" + j + ".example, mail" + j + ".example] }\n")
                    .append(then("move: Archive/" + (2023 - j)));
        }
    }

    private static String then(String... actions) {
        StringBuilder sb = new StringBuilder("    then:\n");
        for (String a : actions) {
            sb.append("      - ").append(a).append('\n');
        }
        return sb.toString();
    }
}
