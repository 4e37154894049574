package io.mailwarden.archive.index;

import io.mailwarden.message.Address;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Message documents for index tests: a plain one to vary, and one with every field filled. */
final class IndexedMessages {

    private IndexedMessages() {
    }

    static MessageDocument plain(String id, String subject, String body) {
        return new MessageDocument(id, "a@corp.example", "INBOX", 7, Math.abs(id.hashCode()) % 100_000,
                "0".repeat(63) + (id.length() % 10), "", "", List.of(), List.of(), List.of(), List.of(), subject,
                Instant.parse("2026-03-01T08:00:00Z"), 1000, Set.of(), List.of(), body, List.of(), List.of(), false);
    }

    static MessageDocument full(String id) {
        return new MessageDocument(id, "finance@corp.example", "其他文件夹/发票", 1_700_000_001L, 42,
                "ab".repeat(32), "m42@vendor.example", "m41@corp.example", List.of("m40@corp.example", "m41@corp.example"),
                List.of(new Address("Billing@Mail.Vendor.Example", "张伟 (Vendor)")),
                List.of(new Address("finance@corp.example", ""), new Address("li.na@corp.example", "李娜")),
                List.of(new Address("audit@corp.example", "Audit")),
                "Q3发票 and contract 合同", Instant.parse("2026-03-15T09:30:00Z"), 48_213,
                Set.of("\\Seen", "$Forwarded"),
                List.of(new AttachmentDoc("2026年Q3_报价单.v2.pdf", "application/pdf", 30_000, "报价 total ＵＳＤ１２００", ""),
                        new AttachmentDoc("secret.pdf", "application/pdf", 9_000, "", "encrypted")),
                "请查收附件中的发票。\r\nPlease find the invoice attached.", List.of("Invoices-To-Finance"),
                List.of("attachment 3: truncated base64"), false);
    }
}
