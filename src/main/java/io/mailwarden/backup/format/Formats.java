package io.mailwarden.backup.format;

import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Opens exports and mail files in the standard formats, and creates exports. */
public final class Formats {

    private Formats() {
    }

    /**
     * The messages at {@code path}: a mailwarden export (any format, folders and accounts from its manifest),
     * an mbox file, a directory of mbox files ({@code .mbox}), a Maildir or Maildir++ tree, a directory of
     * .eml files, or one .eml file. Folder, flags and internal date are recovered where the format keeps
     * them; the account is known only in a mailwarden export. A message bigger than the spool's threshold is
     * read in place (Maildir, .eml) or copied into {@code spool} (mbox, whose quoting must be undone).
     *
     * @throws IOException naming the path when it is none of those; reading malformed content later throws
     *         an IOException naming the file and line or offset
     */
    public static MessageSource open(Path path, Spool spool) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or directory");
        }
        if (Files.isRegularFile(path)) {
            return single(path, spool);
        }
        if (Files.exists(path.resolve(ExportTree.MANIFEST))) {
            ExportTree tree = ExportTree.read(path);
            return new PlacesSource(tree.places(), reader(tree.format(), spool));
        }
        if (MaildirReader.isMaildir(path)) {
            return new PlacesSource(MaildirReader.discover(path, ""), reader(Format.MAILDIR, spool));
        }
        List<Place> mbox = mboxFiles(path);
        if (!mbox.isEmpty()) {
            return new PlacesSource(mbox, reader(Format.MBOX, spool));
        }
        List<Place> eml = EmlReader.discover(path);
        if (!eml.isEmpty()) {
            return new PlacesSource(eml, reader(Format.EML, spool));
        }
        throw new IOException(path + ": not an mbox file, a directory of .mbox files, a Maildir or a directory of"
                + " .eml files");
    }

    /**
     * A writer of a {@code format} export into {@code root}: a new or empty directory, or a previous export
     * of the same format, which is added to (existing files are never overwritten).
     *
     * @throws IOException naming {@code root} when it holds something else
     */
    public static ExportWriter create(Format format, Path root) throws IOException {
        ExportTree tree = ExportTree.create(root, format);
        return switch (format) {
            case MBOX -> new MboxWriter(tree);
            case MAILDIR -> new MaildirWriter(tree);
            case EML -> new EmlWriter(tree);
        };
    }

    /** The format of the mailwarden export at {@code root}, or null when it is not one. */
    public static Format exportFormat(Path root) throws IOException {
        return Files.exists(root.resolve(ExportTree.MANIFEST)) ? ExportTree.read(root).format() : null;
    }

    private static PlacesSource.Reader reader(Format format, Spool spool) {
        return switch (format) {
            case MBOX -> (place, sink) -> MboxReader.read(place, spool, sink);
            case MAILDIR -> (place, sink) -> MaildirReader.read(place, spool, sink);
            case EML -> (place, sink) -> EmlReader.read(place, spool, sink);
        };
    }

    private static MessageSource single(Path file, Spool spool) throws IOException {
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(EmlFiles.EXTENSION)) {
            Place place = new Place(file, "", "");
            return new PlacesSource(List.of(place), (p, sink) -> sink.accept(EmlReader.message(p, file,
                    EmlFiles.Meta.NONE, spool)));
        }
        if (!startsWithFrom(file)) {
            throw new IOException(file + ": line 1 (offset 0): not an mbox file (it must start with a 'From ' line)"
                    + " nor an .eml file");
        }
        String stem = name.toLowerCase(Locale.ROOT).endsWith(MboxFiles.EXTENSION)
                ? name.substring(0, name.length() - MboxFiles.EXTENSION.length()) : name;
        return new PlacesSource(List.of(new Place(file, "", stem)), reader(Format.MBOX, spool));
    }

    /** The .mbox files under {@code root}, the folder their path with {@code .sbd} and {@code .mbox} taken off. */
    private static List<Place> mboxFiles(Path root) throws IOException {
        List<Place> places = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.toLowerCase(Locale.ROOT).endsWith(MboxFiles.EXTENSION)) {
                    String folder = Arrays.stream(rel.substring(0, rel.length() - MboxFiles.EXTENSION.length()).split("/"))
                            .map(l -> l.endsWith(MboxFiles.SUBFOLDERS)
                                    ? l.substring(0, l.length() - MboxFiles.SUBFOLDERS.length()) : l)
                            .reduce((a, b) -> a + "/" + b).orElse("");
                    places.add(new Place(p, "", folder));
                }
            }
        }
        return places;
    }

    private static boolean startsWithFrom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(5);
            return head.length == 0 || new String(head, StandardCharsets.US_ASCII).equals("From ");
        }
    }
}
