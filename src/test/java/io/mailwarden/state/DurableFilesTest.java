package io.mailwarden.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesAFileWholeAndLeavesNoTemporaryFile() throws IOException {
        Path file = Files.writeString(dir.resolve("manifest"), "old");

        DurableFiles.writeAtomically(file, out -> out.write("新的".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(file)).isEqualTo("新的");
        assertThat(entries()).containsExactly(file);
    }

    @Test
    void keepsTheOldFileWhenWritingTheNewOneFails() throws IOException {
        Path file = Files.writeString(dir.resolve("manifest"), "old");

        assertThatThrownBy(() -> DurableFiles.writeAtomically(file, out -> {
            out.write("half".getBytes(StandardCharsets.US_ASCII));
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(entries()).containsExactly(file);
    }

    @Test
    void writesANewFileEvenWhenTheWriterClosesTheStream() throws IOException {
        Path file = dir.resolve("manifest.json");

        DurableFiles.writeNew(file, out -> {
            try (out) { // as a JSON generator closes its target
                out.write('{');
                out.write('}');
            }
        });

        assertThat(Files.readString(file)).isEqualTo("{}");
        assertThatThrownBy(() -> DurableFiles.writeNew(file, out -> out.write('x')))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).as("never overwritten").isEqualTo("{}");
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
