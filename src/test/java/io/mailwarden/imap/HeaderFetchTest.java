package io.mailwarden.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailwarden.account.Account;
import io.mailwarden.account.Endpoint;
import io.mailwarden.account.Provider;
import io.mailwarden.account.TlsMode;
import io.mailwarden.message.ArrivalHandler;
import io.mailwarden.message.Attachment;
import io.mailwarden.message.BodyNeed;
import io.mailwarden.message.Message;
import io.mailwarden.message.MessageArrived;
import io.mailwarden.message.parse.MessageParser;
import io.mailwarden.testing.exmail.ExmailProxy;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reading new mail through the Exmail proxy with and without bodies: what goes over the wire, what the
 * handler gets, and that attachments named from BODYSTRUCTURE match what the parser finds in the message.
 */
class HeaderFetchTest {

    static final String USER = "wang.wu@corp.example.cn";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private ExmailProxy proxy;
    private GreenMailUser user;
    private final List<MessageArrived> arrived = new ArrayList<>();
    private final ArrivalHandler recorder = (m, port) -> {
        arrived.add(m);
        return ArrivalHandler.Disposition.DONE;
    };

    @BeforeEach
    void server() {
        user = greenMail.setUser(USER, USER, "pw");
        proxy = ExmailProxy.builder().upstream(greenMail.getImap().getPort()).start();
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void headerOnlyReadIsOneBatchedFetchWithoutBodyAndLeavesMailUnseen() throws Exception {
        List<MessageArrived> got = poll(BodyNeed.NEVER, raw("plain-english.eml"), withMegabyteAttachment());

        assertThat(got).hasSize(2).allSatisfy(m -> assertThat(m.complete()).isFalse());
        String transcript = proxy.transcript().dump();
        assertThat(FetchWire.bodyFetches(proxy.transcript())).as(transcript).isEmpty();
        assertThat(FetchWire.fetches(proxy.transcript())).as(transcript)
                .anyMatch(l -> l.contains("UID FETCH 1:2 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER] BODYSTRUCTURE)"))
                .noneMatch(l -> l.contains("ENVELOPE"));
        MessageArrived big = got.get(1);
        assertThat(big.size()).isGreaterThan(1_300_000); // RFC822.SIZE: the base64 of 1 MiB and the rest
        assertThat(big.structure()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("年度报告.bin");
            assertThat((double) a.size()).isCloseTo(1 << 20, within(1024.0));
        });
        Message parsed = new MessageParser().parseArrival(big);
        assertThat(parsed.subject()).isEqualTo("Annual report");
        assertThat(parsed.size()).isEqualTo(big.size());
        assertThat(parsed.text()).isEmpty();
        assertThat(seen()).containsOnly(false);
    }

    @Test
    void wholeReadFetchesEachMessageWithPeekInOneCommand() throws Exception {
        List<MessageArrived> got = poll(BodyNeed.ALWAYS, raw("plain-english.eml"));

        assertThat(got).singleElement().satisfies(m -> {
            assertThat(m.complete()).isTrue();
            assertThat(new MessageParser().parseArrival(m).text()).isNotEmpty();
        });
        assertThat(FetchWire.bodyFetches(proxy.transcript())).containsExactly(
                FetchWire.bodyFetches(proxy.transcript()).get(0))
                .allMatch(l -> l.contains("UID FETCH 1 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])"));
        assertThat(seen()).containsOnly(false);
    }

    @Test
    void attachmentsFromStructureAreNamedAndTypedAsTheParserNamesThem() throws Exception {
        List<String> fixtures = List.of("attachment-filenames.eml", "forwarded-rfc822.eml", "text-attachments.eml",
                "alternative-text-html.eml", "gb2312-label-gbk-chars.eml");
        byte[][] raws = fixtures.stream().map(HeaderFetchTest::raw).toArray(byte[][]::new);
        List<MessageArrived> got = poll(BodyNeed.NEVER, raws);

        assertThat(got).hasSize(fixtures.size());
        for (int i = 0; i < raws.length; i++) {
            List<Attachment> whole = new MessageParser().parse(raws[i]).attachments();
            List<Attachment> structure = got.get(i).structure();
            assertThat(structure).as(fixtures.get(i)).extracting(Attachment::filename, Attachment::mediaType)
                    .containsExactlyElementsOf(whole.stream()
                            .map(a -> org.assertj.core.groups.Tuple.tuple(a.filename(), a.mediaType())).toList());
            for (int k = 0; k < whole.size(); k++) {
                // GreenMail counts a part's header lines in its BODYSTRUCTURE size (RFC 3501: the body's octets)
                assertThat((double) structure.get(k).size()).as(fixtures.get(i) + " #" + k)
                        .isCloseTo(whole.get(k).size(), within(whole.get(k).size() * 0.05 + 300));
            }
        }
        assertThat(got.get(0).structure()).extracting(Attachment::filename)
                .containsExactly("增值税发票.pdf", "合同.docx", "三月对账单.xlsx"); // GBK encoded-word, RFC 2231, continuations
    }

    /** The figure for the README: octets fetched for a message with a 1 MiB attachment, header-only and whole. */
    @Test
    void headerOnlyReadFetchesAFewKilobytesOfAMegabyteMessage() throws Exception {
        byte[] big = withMegabyteAttachment();
        poll(BodyNeed.NEVER, big);
        long headerOnly = FetchWire.fetchedOctets(proxy.transcript());
        proxy.transcript().clear();
        states.clear();
        arrived.clear();
        pollOnce(BodyNeed.ALWAYS); // baseline again from 0: read the same message whole
        pollOnceFromStart(BodyNeed.ALWAYS);
        long whole = FetchWire.fetchedOctets(proxy.transcript());

        System.out.printf("bytes fetched for a %d-byte message with a 1 MiB attachment: header-only %d, whole %d%n",
                big.length, headerOnly, whole);
        assertThat(whole).isGreaterThanOrEqualTo(big.length);
        assertThat(headerOnly).isLessThan(2_000);
    }

    // --- helpers

    private final Map<String, WatchState.Mark> states = new HashMap<>();

    private final WatchState memory = new WatchState() {
        @Override
        public Mark find(String account, String folder) {
            return states.get(folder);
        }

        @Override
        public void baseline(String account, String folder, long uidValidity, long lastUid) {
            states.put(folder, new Mark(uidValidity, lastUid, null));
        }
    };

    /** Baselines INBOX, delivers the messages and polls once more: what the handler got. */
    private List<MessageArrived> poll(BodyNeed need, byte[]... raws) throws Exception {
        pollOnce(need);
        for (byte[] r : raws) {
            user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(r)));
        }
        pollOnce(need);
        return arrived;
    }

    private void pollOnceFromStart(BodyNeed need) throws Exception {
        WatchState.Mark m = states.get("INBOX");
        states.put("INBOX", new WatchState.Mark(m.uidValidity(), 0, null));
        pollOnce(need);
    }

    private void pollOnce(BodyNeed need) throws Exception {
        Endpoint imap = new Endpoint("127.0.0.1", proxy.port(), TlsMode.NONE);
        Account account = new Account("work", Provider.CUSTOM, USER, new Account.Secret("pw"), imap, imap, null,
                List.of(), List.of("INBOX"), Duration.ofMinutes(1), Duration.ofMinutes(4), false);
        new FolderPoller(new ImapConnector(account, LoginBudget.forAccount(account, java.time.Clock.systemUTC())),
                recorder, need, memory, () -> false).pollOnce();
    }

    /** \Seen of every INBOX message, read straight from GreenMail. */
    private List<Boolean> seen() throws Exception {
        Properties p = new Properties();
        IMAPStore store = (IMAPStore) Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), USER, "pw");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Boolean> out = new ArrayList<>();
            for (jakarta.mail.Message m : inbox.getMessages()) {
                out.add(m.getFlags().contains(Flags.Flag.SEEN));
            }
            return out;
        } finally {
            store.close();
        }
    }

    static byte[] raw(String fixture) {
        try (InputStream in = HeaderFetchTest.class.getResourceAsStream("/messages/" + fixture)) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new AssertionError("fixture " + fixture, e);
        }
    }

    /** A short text and a 1 MiB attachment whose name is an RFC 2231 UTF-8 Chinese name. */
    static byte[] withMegabyteAttachment() {
        byte[] data = new byte[1 << 20];
        new Random(7).nextBytes(data);
        String b64 = Base64.getMimeEncoder().encodeToString(data);
        String text = """
                From: reports@corp.example.cn
                To: wang.wu@corp.example.cn
                Subject: Annual report
                Message-ID: <report-2025@corp.example.cn>
                Date: Mon, 02 Feb 2026 09:00:00 +0800
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                The report is attached.
                --b1
                Content-Type: application/octet-stream
                Content-Transfer-Encoding: base64
                Content-Disposition: attachment; filename*=UTF-8''%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.bin

                """.replace("\n", "\r\n") + b64 + "\r\n--b1--\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
