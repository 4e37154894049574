package io.mailwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.testing.exmail.ExmailProxy;
import jakarta.mail.Flags;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whole scenarios through the Exmail proxy: Exmail's layout, capabilities with and without MOVE and UIDPLUS. */
class DaemonExmailTest {

    static final String RULES = """
            rules:
              - name: invoices
                when: { subject: invoice }
                then:
                  - move: 财务/发票
              - name: spam
                when: { subject: spam }
                then:
                  - delete
            """;

    @RegisterExtension
    final DaemonHarness h = new DaemonHarness();

    @BeforeEach
    void harness() {
        h.exmailLayout().rules(RULES);
    }

    @Test
    void withMoveTheInvoiceLandsUnderOtherFoldersAndSpamInDeletedMessages() throws Exception {
        h.proxy(b -> b).start();
        h.deliver("Invoice 42");
        h.deliver("Cheap spam");
        h.awaitHandled(2);
        assertThat(h.subjects("其他文件夹/财务/发票")).containsExactly("Invoice 42");
        assertThat(h.subjects("Deleted Messages")).containsExactly("Cheap spam");
        assertThat(h.subjects("INBOX")).isEmpty();
        assertThat(h.proxy().transcript().clientCommands()).contains("UID MOVE")
                .doesNotContain("MOVE", "COPY", "STORE", "EXPUNGE", "UID EXPUNGE");
        assertOnlyAdvertisedAscending(h.proxy());
    }

    @Test
    void withoutMoveAMoveIsCopyDeletedAndUidExpungeWithUidplus() throws Exception {
        h.proxy(b -> b.move(false)).start();
        h.deliver("Invoice 43");
        h.awaitHandled(1);
        assertThat(h.subjects("其他文件夹/财务/发票")).containsExactly("Invoice 43");
        assertThat(h.subjects("INBOX")).isEmpty();
        assertThat(h.proxy().transcript().clientCommands()).contains("UID COPY", "UID STORE", "UID EXPUNGE")
                .doesNotContain("MOVE", "UID MOVE", "COPY", "STORE", "EXPUNGE");
        assertOnlyAdvertisedAscending(h.proxy());
    }

    @Test
    void withoutMoveAndUidplusTheSourceKeepsDeletedAndNothingIsExpunged() throws Exception {
        h.proxy(b -> b.move(false).uidplus(false)).start();
        h.deliver("Invoice 44");
        h.awaitHandled(1);
        assertThat(h.subjects("其他文件夹/财务/发票")).containsExactly("Invoice 44");
        assertThat(h.find("INBOX", "Invoice 44").orElseThrow().has(Flags.Flag.DELETED)).isTrue();
        assertThat(h.proxy().transcript().clientCommands()).contains("UID COPY", "UID STORE")
                .doesNotContain("EXPUNGE", "UID EXPUNGE", "MOVE", "UID MOVE", "COPY", "STORE");
        assertOnlyAdvertisedAscending(h.proxy());
    }

    @Test
    void withoutIdleTheFolderIsPolled() throws Exception {
        h.proxy(b -> b.idle(false)).start();
        h.deliver("Invoice 45");
        h.awaitHandled(1);
        assertThat(h.subjects("其他文件夹/财务/发票")).containsExactly("Invoice 45");
        assertThat(h.proxy().transcript().clientCommands()).doesNotContain("IDLE");
        assertOnlyAdvertisedAscending(h.proxy());
    }

    /** No command the server did not advertise, no descending set, nothing the proxy had to reject or drop. */
    static void assertOnlyAdvertisedAscending(ExmailProxy proxy) {
        String transcript = proxy.transcript().dump();
        assertThat(proxy.transcript().clientCommands()).as(transcript).isSubsetOf(proxy.behaviour().advertisedCommands());
        assertThat(proxy.transcript().notes()).as(transcript)
                .noneMatch(n -> n.startsWith("rejected") || n.startsWith("dropped"));
        assertThat(proxy.transcript().serverLines()).as(transcript).noneMatch(l -> l.contains("BAD"));
    }
}
