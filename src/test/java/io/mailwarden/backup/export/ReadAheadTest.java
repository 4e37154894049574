package io.mailwarden.backup.export;

import static io.mailwarden.backup.BackupFixtures.big;
import static io.mailwarden.backup.BackupFixtures.leftIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mailwarden.backup.BackupFixtures;
import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-ahead between reading and writing: bounded by bytes, and nothing left in the spool when it stops. */
class ReadAheadTest {

    @TempDir
    Path tmp;

    @Test
    void bigMessagesNeverPileUpAndEachIsClosedOnceWritten() throws IOException {
        Spool spool = BackupFixtures.spool(tmp);
        List<Integer> spooledWhileWriting = new ArrayList<>();

        new ReadAhead(bigMessages(spool, 8), 150 * 1024).forEach(m -> spooledWhileWriting.add(leftIn(spool).size()));

        assertThat(spooledWhileWriting).hasSize(8)
                .as("the one written, one waiting, one read and waiting for room").allSatisfy(n -> assertThat(n)
                        .isBetween(1, 3));
        assertThat(leftIn(spool)).isEmpty();
    }

    @Test
    void aFailedWriteClosesEveryMessageStillWaiting() throws IOException {
        Spool spool = BackupFixtures.spool(tmp);
        int[] written = {0};

        Throwable e = catchThrowable(() -> new ReadAhead(bigMessages(spool, 8), 32L << 20).forEach(m -> {
            if (++written[0] == 2) {
                throw new IOException("disk full");
            }
        }));

        assertThat(e).hasMessage("disk full");
        assertThat(leftIn(spool)).isEmpty();
    }

    /** {@code n} messages of 100 KB, each spooled as it is read. */
    private static MessageSource bigMessages(Spool spool, int n) {
        return sink -> {
            for (int i = 0; i < n; i++) {
                sink.accept(new BackupMessage("corp", "INBOX", BackupFixtures.spooled(spool,
                        big("big " + i, "eta", 100_000, false)), Set.of(), null, "big " + i));
            }
        };
    }
}
