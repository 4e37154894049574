package io.mailwarden.search.query;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The operators of the search language, each with an example for error messages. */
final class Operators {

    private static final Map<String, String> EXAMPLES = examples();

    static final Set<String> NAMES = EXAMPLES.keySet();

    private Operators() {
    }

    static String example(String name) {
        return EXAMPLES.get(name);
    }

    private static Map<String, String> examples() {
        Map<String, String> m = new TreeMap<>();
        m.put("from", "from:alice@vendor.example, from:vendor.example or from:张伟");
        m.put("to", "to:finance@example.com");
        m.put("cc", "cc:boss@example.com");
        m.put("subject", "subject:合同 or subject:\"annual budget\"");
        m.put("body", "body:发票");
        m.put("attachment", "attachment:\"增值税发票\"");
        m.put("filename", "filename:report.pdf or filename:pdf");
        m.put("has", "has:attachment");
        m.put("folder", "folder:INBOX or folder:其他文件夹/发票");
        m.put("account", "account:sales");
        m.put("after", "after:2026-03-01");
        m.put("before", "before:2026-03-01");
        m.put("older_than", "older_than:30d");
        m.put("newer_than", "newer_than:2w");
        m.put("is", "is:unread");
        m.put("rule", "rule:invoices");
        m.put("larger", "larger:5M");
        m.put("smaller", "smaller:200K");
        m.put("problem", "problem:encrypted");
        m.put("msgid", "msgid:abc123@mail.example");
        return m;
    }
}
