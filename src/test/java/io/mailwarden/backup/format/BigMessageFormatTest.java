package io.mailwarden.backup.format;

import static io.mailwarden.backup.BackupFixtures.big;
import static io.mailwarden.backup.BackupFixtures.leftIn;
import static io.mailwarden.backup.BackupFixtures.spooled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mailwarden.backup.BackupFixtures;
import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.message.RawMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Messages over the spool threshold (64 KB here, 8 MB in use) through every format: written from a spool file,
 * read back spooled (mbox) or in place (Maildir, .eml), byte for byte, and no spool file left afterwards.
 */
class BigMessageFormatTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Format.class)
    void bigMessagesComeBackByteForByteAndLeaveNoSpoolFile(Format format) throws Exception {
        Spool spool = BackupFixtures.spool(tmp);
        List<BackupMessage> in = new ArrayList<>(BackupFixtures.hostile());
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        in.add(new BackupMessage("corp", "INBOX", spooled(spool, big("big CRLF", "alpha", 400_000, false)),
                Set.of("\\Seen"), t, "big 1"));
        in.add(new BackupMessage("corp", "项目", spooled(spool, big("big LF", "beta", 200_000, true)),
                Set.of("\\Flagged"), t.plusSeconds(60), "big 2"));
        Path out = tmp.resolve("export");
        try (ExportWriter w = Formats.create(format, out)) {
            for (BackupMessage m : in) {
                w.write(m);
            }
        }
        List<String> expected = in.stream().map(m -> FormatRoundTripTest.summary(m, format, true)).toList();
        in.forEach(BackupMessage::close);

        List<String> back = new ArrayList<>();
        try (MessageSource source = Formats.open(out, spool)) {
            source.forEach(m -> {
                try (m) {
                    back.add(FormatRoundTripTest.summary(m, format, false));
                    if (m.size() > BackupFixtures.SMALL_MAX) {
                        RawMessage.Spooled file = (RawMessage.Spooled) m.raw();
                        assertThat(file.owned()).as("mbox is un-quoted into a spool file, the others read in place")
                                .isEqualTo(format == Format.MBOX);
                        assertThat(file.file().startsWith(format == Format.MBOX ? spool.dir() : out)).isTrue();
                    }
                }
            });
        }

        assertThat(back).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(leftIn(spool)).isEmpty();
        assertThat(PythonMailbox.read(format.label(), out)).extracting(PythonMailbox.Read::sha)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(s -> s.split("\\|")[2]).toList());
    }

    @Test
    void aFromLineLongerThanTheBufferAndAHugeHeaderLineAreReadExactly() throws IOException {
        String huge = "X-Huge: " + "h".repeat(600 * 1024) + "\n";
        String message = "Subject: huge header\n" + huge + "Status: RO\nX-Status: F\n\nbody\n>From quoted\n";
        Path mbox = Files.writeString(tmp.resolve("huge.mbox"), "From someone@example.cn Mon Mar  2 10:00:00 2026 "
                + "z".repeat(300 * 1024) + "\n" + message + "\n", StandardCharsets.ISO_8859_1);
        Spool spool = BackupFixtures.spool(tmp);

        List<String> read = new ArrayList<>();
        try (MessageSource source = Formats.open(mbox, spool)) {
            source.forEach(m -> {
                try (m) {
                    read.add(new String(BackupFixtures.bytes(m.raw()), StandardCharsets.ISO_8859_1) + "|"
                            + new TreeSet<>(m.flags()) + "|" + m.internalDate());
                }
            });
        }

        assertThat(read).containsExactly("Subject: huge header\n" + huge + "\nbody\nFrom quoted\n"
                + "|[\\Flagged, \\Seen]|2026-03-02T10:00:00Z");
        assertThat(leftIn(spool)).isEmpty();
    }

    @Test
    void anUnreadableMessageAfterABigOneLeavesNoSpoolFile() throws IOException {
        String big = new String(big("big", "gamma", 200_000, true), StandardCharsets.UTF_8);
        Path mbox = Files.writeString(tmp.resolve("broken.mbox"), "From a@example.cn Mon Mar  2 10:00:00 2026\n" + big
                + "\nFrom b@example.cn Mon Mar  2 10:01:00 2026\n\nFrom c@example.cn Mon Mar  2 10:02:00 2026\nx\n");
        Spool spool = BackupFixtures.spool(tmp);
        List<Long> sizes = new ArrayList<>();

        Throwable e;
        try (MessageSource source = Formats.open(mbox, spool)) {
            e = catchThrowable(() -> source.forEach(m -> {
                try (m) {
                    sizes.add(m.size());
                }
            }));
        }

        assertThat(e).hasMessageContaining(mbox + ": line ").hasMessageContaining("empty message");
        assertThat(sizes).singleElement().satisfies(n -> assertThat(n).isGreaterThan(BackupFixtures.SMALL_MAX));
        assertThat(leftIn(spool)).isEmpty();
    }
}
