package io.mailwarden.archive.index;

import io.mailwarden.message.Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic corpus of mixed Chinese/English mail with planted words, for measuring recall and precision
 * of the index's text search (the recall test and {@code IndexBench}). Deterministic for a seed.
 *
 * <p>Each {@link Probe} is planted in a few messages, in the subject, the body, an attachment's text,
 * an attachment's name or a sender's name, glued to the Chinese characters around it (no spaces: the
 * hard case for word segmenters). A third of the bodies are hard-wrapped, as some mail clients do, even
 * between two Chinese characters of one word.
 */
public final class RecallCorpus {

    /** What a probe tests. */
    public enum Kind {
        ZH1("Chinese word, 1 character"), ZH2("Chinese word, 2 characters"), ZH3("Chinese word, 3 characters"),
        ZH4("Chinese word, 4 characters"), ZH_PHRASE("Chinese phrase, 5-16 characters"), EN("English word or phrase"),
        MIXED("mixed Chinese/Latin token"), FULL_WIDTH("full-width form typed half-width, or back");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A string planted as {@code planted} and searched for as {@code typed}. */
    public record Probe(Kind kind, String planted, String typed) {
    }

    /** The messages and, per probe, the ids of the messages it was planted in. */
    public record Corpus(List<MessageDocument> messages, Map<Probe, Set<String>> plantedIn) {
    }

    public static final List<Probe> PROBES = List.of(
            p(Kind.ZH1, "鑫"), p(Kind.ZH1, "淼"), p(Kind.ZH1, "锂"), p(Kind.ZH1, "钴"), p(Kind.ZH1, "票"), p(Kind.ZH1, "书"),
            p(Kind.ZH2, "锂电"), p(Kind.ZH2, "光伏"), p(Kind.ZH2, "发票"), p(Kind.ZH2, "合同"), p(Kind.ZH2, "鑫源"),
            p(Kind.ZH3, "碳酸锂"), p(Kind.ZH3, "光伏板"), p(Kind.ZH3, "数据库"), p(Kind.ZH3, "增值税"),
            p(Kind.ZH4, "人工智能"), p(Kind.ZH4, "风险评估"), p(Kind.ZH4, "知识产权"), p(Kind.ZH4, "锂电池组"),
            p(Kind.ZH_PHRASE, "年度预算审批流程"), p(Kind.ZH_PHRASE, "请于本周五前回复"),
            p(Kind.ZH_PHRASE, "关于召开第三季度经营分析会的通知"), p(Kind.ZH_PHRASE, "增值税专用发票"),
            p(Kind.EN, "reconciliation"), new Probe(Kind.EN, "Kubernetes", "kubernetes"), p(Kind.EN, "throughput"),
            p(Kind.EN, "purchase order"), new Probe(Kind.EN, "naïve", "NAIVE"),
            p(Kind.MIXED, "Q3发票"), p(Kind.MIXED, "发票Q3"), p(Kind.MIXED, "iPhone15"), p(Kind.MIXED, "5G基站"),
            p(Kind.MIXED, "A股市场"), p(Kind.MIXED, "2024年度报告"), p(Kind.MIXED, "SKU编号A17"),
            new Probe(Kind.FULL_WIDTH, "ＡＢＣ", "ABC"), new Probe(Kind.FULL_WIDTH, "１２３４５", "12345"),
            new Probe(Kind.FULL_WIDTH, "ＰＤＦ报告", "PDF报告"), new Probe(Kind.FULL_WIDTH, "XYZ", "ＸＹＺ"),
            new Probe(Kind.FULL_WIDTH, "型号ＫＸ－２００", "型号KX-200"));

    private static final String[] ZH_WORDS = {"我们", "公司", "项目", "客户", "会议", "时间", "安排", "附件", "请", "查收",
        "确认", "报价", "采购", "财务", "部门", "审核", "流程", "下周", "上午", "下午", "讨论", "方案", "预算", "费用",
        "发票", "合同", "付款", "金额", "税率", "供应商", "订单", "发货", "物流", "仓库", "库存", "质量", "检验", "报告",
        "数据", "系统", "升级", "维护", "服务器", "网络", "安全", "培训", "员工", "人事", "招聘", "面试", "通知", "回复",
        "谢谢", "您好", "领导", "批准", "签字", "盖章", "原件", "扫描", "邮寄", "地址", "电话", "联系", "图书馆", "电池",
        "分析", "市场", "销售", "业绩", "目标", "季度", "年度", "总结", "计划", "执行", "进度", "延期", "风险", "问题"};
    private static final String[] EN_WORDS = {"please", "find", "the", "attached", "invoice", "for", "meeting",
        "schedule", "project", "update", "budget", "review", "contract", "payment", "shipment", "delivery", "report",
        "quarter", "sales", "team", "thanks", "regards", "server", "upgrade", "network", "data", "customer", "order",
        "price", "quote", "approval", "deadline", "next", "week", "monday", "friday", "office", "account", "balance"};
    private static final String[] ZH_PUNCT = {"，", "。", "；", "：", "！", "、"};
    private static final String[] NAMES = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "Alice Chen", "Bob Li",
        "赵敏", "周杰", "Vendor Billing", "吴霞"};

    private RecallCorpus() {
    }

    private static Probe p(Kind kind, String word) {
        return new Probe(kind, word, word);
    }

    /** {@code count} messages; each probe planted in 3-8 of them. */
    public static Corpus generate(int count, long seed) {
        Random rnd = new Random(seed);
        List<Draft> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            drafts.add(new Draft(rnd));
        }
        Map<Probe, Set<String>> plantedIn = new LinkedHashMap<>();
        for (Probe probe : PROBES) {
            Set<String> ids = new LinkedHashSet<>();
            int times = Math.min(count, 3 + rnd.nextInt(6));
            while (ids.size() < times) {
                int n = rnd.nextInt(count);
                if (ids.add(id(n))) {
                    drafts.get(n).plant(probe.planted(), rnd);
                }
            }
            plantedIn.put(probe, ids);
        }
        List<MessageDocument> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(drafts.get(i).build(i, rnd));
        }
        return new Corpus(messages, plantedIn);
    }

    static String id(int n) {
        return "recall/" + n;
    }

    /** Random text of {@code words} words: mostly Chinese sentences with English words among them. */
    static String filler(Random rnd, int words) {
        StringBuilder sb = new StringBuilder();
        boolean english = rnd.nextInt(4) == 0;
        for (int i = 0; i < words; i++) {
            if (rnd.nextInt(8) == 0) {
                english = !english;
            }
            if (english) {
                if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
                sb.append(EN_WORDS[rnd.nextInt(EN_WORDS.length)]).append(' ');
            } else {
                sb.append(ZH_WORDS[rnd.nextInt(ZH_WORDS.length)]);
                if (rnd.nextInt(6) == 0) {
                    sb.append(ZH_PUNCT[rnd.nextInt(ZH_PUNCT.length)]);
                }
            }
        }
        return sb.toString().strip();
    }

    /** A message's texts while probes are planted in them. */
    private static final class Draft {
        final StringBuilder subject;
        final StringBuilder body;
        final StringBuilder attachmentText;
        final StringBuilder attachmentName;
        final StringBuilder senderName;
        final boolean wrapped;
        final Map<StringBuilder, List<int[]>> plants = new IdentityHashMap<>();

        Draft(Random rnd) {
            subject = new StringBuilder(filler(rnd, 3 + rnd.nextInt(5)));
            body = new StringBuilder(filler(rnd, 30 + rnd.nextInt(200)));
            attachmentText = new StringBuilder(rnd.nextInt(3) == 0 ? filler(rnd, 50 + rnd.nextInt(400)) : "");
            attachmentName = new StringBuilder(attachmentText.isEmpty() ? "" : filler(rnd, 2));
            senderName = new StringBuilder(NAMES[rnd.nextInt(NAMES.length)]);
            wrapped = rnd.nextInt(3) == 0;
        }

        void plant(String word, Random rnd) {
            int where = rnd.nextInt(10);
            StringBuilder target = where < 2 ? subject : where < 7 ? body : where < 9 ? attachmentText : attachmentName;
            if (target.isEmpty()) {
                // no attachment: the sender's name instead
                target = senderName;
            }
            int at = rnd.nextInt(target.length() + 1);
            List<int[]> taken = plants.computeIfAbsent(target, t -> new ArrayList<>());
            for (int[] plant : taken) {
                if (at > plant[0] && at < plant[1]) {
                    at = plant[1]; // never inside an earlier plant: it would no longer be there
                }
            }
            // Latin next to Latin would make one longer word: keep a space there, glue everything else
            if (at > 0 && isLatin(target.charAt(at - 1)) && isLatin(word.charAt(0))) {
                word = " " + word;
            }
            if (at < target.length() && isLatin(target.charAt(at)) && isLatin(word.charAt(word.length() - 1))) {
                word = word + " ";
            }
            target.insert(at, word);
            for (int[] plant : taken) {
                if (plant[0] >= at) {
                    plant[0] += word.length();
                    plant[1] += word.length();
                }
            }
            taken.add(new int[] {at, at + word.length()});
        }

        MessageDocument build(int n, Random rnd) {
            String text = wrapped ? wrap(body.toString()) : body.toString();
            List<AttachmentDoc> attachments = attachmentText.isEmpty() ? List.of()
                    : List.of(new AttachmentDoc(attachmentName + ".pdf", "application/pdf", attachmentText.length() * 3L,
                            attachmentText.toString(), ""));
            return new MessageDocument(id(n), "a@corp.example", "INBOX", 1, n + 1, String.format("%064x", n),
                    "m" + n + "@corp.example", "", List.of(),
                    List.of(new Address("sender" + rnd.nextInt(50) + "@vendor" + rnd.nextInt(5) + ".example", senderName.toString())),
                    List.of(new Address("finance@corp.example", "财务部")), List.of(), subject.toString(),
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * n), text.length() * 2L, Set.of(),
                    attachments, text, List.of(), List.of(), false);
        }

        /** Hard-wraps at about 38 characters: at a space, or between two Han characters (mid-word). */
        private static String wrap(String text) {
            StringBuilder out = new StringBuilder();
            int line = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean han = i + 1 < text.length() && isHan(c) && isHan(text.charAt(i + 1));
                if (line >= 38 && (c == ' ' || han)) {
                    out.append(c == ' ' ? "" : String.valueOf(c)).append("\r\n");
                    line = 0;
                } else {
                    out.append(c);
                    line++;
                }
            }
            return out.toString();
        }
    }

    private static boolean isLatin(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c) || c >= 0xFF10 && c <= 0xFF5A;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
