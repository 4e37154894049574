package io.mailwarden.backup.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.backup.BackupFixtures;
import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every format written, then read back by mailwarden and by Python's standard modules: same bytes, folders, flags. */
class FormatRoundTripTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsBackTheSameBytesFoldersFlagsAndDates(Format format) throws IOException {
        List<BackupMessage> in = BackupFixtures.hostile();
        Path out = export(format, in);

        List<String> back = summaries(Formats.open(out, BackupFixtures.spool(tmp)), format);
        assertThat(back).containsExactlyInAnyOrderElementsOf(in.stream().map(m -> summary(m, format, true)).toList());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void pythonsMailboxModuleReadsTheSameBytesAndFlags(Format format) throws Exception {
        List<BackupMessage> in = BackupFixtures.hostile();
        Path out = export(format, in);

        List<PythonMailbox.Read> read = PythonMailbox.read(format.label(), out);
        assertThat(read).hasSize(in.size());
        assertThat(read.stream().map(r -> r.sha() + " " + r.flags()).toList()).containsExactlyInAnyOrderElementsOf(
                in.stream().map(m -> m.contentHash() + " " + pythonFlags(m, format)).toList());
        if (format != Format.MBOX) {
            assertThat(read.stream().map(PythonMailbox.Read::date).toList()).containsExactlyInAnyOrderElementsOf(
                    in.stream().map(m -> m.internalDate().getEpochSecond()).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void hostileNamesStayInsideTheExportAndChineseFoldersAreUtf8Directories(Format format) throws IOException {
        Path out = export(format, BackupFixtures.hostile());

        try (Stream<Path> beside = Files.list(tmp)) {
            assertThat(beside).containsExactly(out);
        }
        List<String> names;
        try (Stream<Path> all = Files.walk(out)) {
            names = all.map(p -> out.relativize(p).toString()).toList();
        }
        assertThat(names).allSatisfy(n -> {
            assertThat(n).doesNotContain("..").doesNotContain("\\").doesNotContain(":\u0000");
            assertThat(n.chars()).noneMatch(c -> c < 0x20);
            for (String level : n.split("/")) {
                assertThat(level.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(256);
                assertThat(level.toLowerCase(Locale.ROOT)).isNotIn("con", "con.mbox", "passwd");
            }
        });
        String chinese = switch (format) {
            case MBOX -> "corp/其他文件夹.sbd/项目.mbox";
            case MAILDIR -> "corp/.其他文件夹.项目";
            case EML -> "corp/其他文件夹/项目";
        };
        assertThat(out.resolve(chinese)).exists();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void exportingAgainAddsWithoutOverwriting(Format format) throws IOException {
        List<BackupMessage> in = BackupFixtures.hostile();
        Path out = export(format, in);
        try (ExportWriter w = Formats.create(format, out)) {
            w.write(in.get(0));
        }

        assertThat(summaries(Formats.open(out, BackupFixtures.spool(tmp)), format)).hasSize(in.size() + 1);
    }

    @Test
    void refusesADirectoryThatIsNotAnExportOfTheSameFormat() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(other.resolve("holiday.jpg"), "not mail");
        Path mbox = export(Format.MBOX, BackupFixtures.hostile());

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Formats.create(Format.EML, other)))
                .hasMessageContaining(other.toString()).hasMessageContaining("not empty");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Formats.create(Format.MAILDIR, mbox)))
                .hasMessageContaining("holds a mbox export");
    }

    private Path export(Format format, List<BackupMessage> messages) throws IOException {
        Path out = tmp.resolve("export");
        try (ExportWriter w = Formats.create(format, out)) {
            for (BackupMessage m : messages) {
                w.write(m);
            }
        }
        return out;
    }

    static List<String> summaries(MessageSource source, Format format) throws IOException {
        List<String> out = new ArrayList<>();
        try (source) {
            source.forEach(m -> out.add(summary(m, format, false)));
        }
        return out;
    }

    /** What must survive the format: account, folder, bytes, the flags it keeps, the internal date. */
    static String summary(BackupMessage m, Format format, boolean original) {
        Set<String> flags = original ? kept(m.flags(), format) : new TreeSet<>(m.flags());
        return m.account() + "|" + m.folder() + "|" + m.contentHash() + "|" + flags + "|" + m.internalDate();
    }

    private static Set<String> kept(Set<String> flags, Format format) {
        return flags.stream().filter(f -> format != Format.MBOX || f.startsWith("\\"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The flag letters Python reports: mbox Status+X-Status letters, Maildir info letters. */
    private static String pythonFlags(BackupMessage m, Format format) {
        return switch (format) {
            case MBOX -> sorted(FlagLetters.status(m.flags()) + FlagLetters.xStatus(m.flags()));
            case MAILDIR -> sorted(FlagLetters.maildir(m.flags()) + (m.has("Important") ? "a" : ""));
            case EML -> "";
        };
    }

    private static String sorted(String letters) {
        return letters.chars().sorted().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
    }
}
