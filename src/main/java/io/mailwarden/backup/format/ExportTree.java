package io.mailwarden.backup.format;

import io.mailwarden.state.DurableFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * An export's root: which file or directory holds which account's folder, kept in {@value #MANIFEST}
 * so names that had to be escaped, shortened or made unique come back exactly. Folders are placed under
 * one directory per account; the format decides the rest of the path.
 */
final class ExportTree {

    /** The manifest's file name in the export's root. */
    static final String MANIFEST = "mailwarden-export.properties";

    private final Path root;
    private final Format format;
    private final Map<String, Place> places = new LinkedHashMap<>();
    private final Map<String, String> accountDirs = new LinkedHashMap<>();
    private final Set<String> taken = new HashSet<>();
    private boolean saved;

    private ExportTree(Path root, Format format) {
        this.root = root.toAbsolutePath().normalize();
        this.format = format;
    }

    /**
     * The tree to write {@code format} into at {@code root}: a new one in a missing or empty directory, or
     * the previous export of the same format there (its folders keep their names).
     *
     * @throws IOException naming the directory when it holds something else
     */
    static ExportTree create(Path root, Format format) throws IOException {
        ExportTree tree = new ExportTree(root, format);
        if (Files.isDirectory(root) && Files.exists(root.resolve(MANIFEST))) {
            ExportTree previous = read(root);
            if (previous.format != format) {
                throw new IOException(root + " holds a " + previous.format.label() + " export, not " + format.label()
                        + ": choose another --out");
            }
            return previous;
        }
        if (Files.exists(root) && !isEmptyDirectory(root)) {
            throw new IOException(root + " is not empty and is not a previous " + format.label()
                    + " export: choose a new or empty directory");
        }
        Files.createDirectories(root);
        tree.save();
        return tree;
    }

    /** The export at {@code root}, from its manifest. */
    static ExportTree read(Path root) throws IOException {
        Path file = root.resolve(MANIFEST);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not a valid manifest: " + e.getMessage(), e);
        }
        Format format;
        try {
            format = Format.parse(p.getProperty("format", ""));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": key 'format': " + e.getMessage(), e);
        }
        ExportTree tree = new ExportTree(root, format);
        for (int n = 1; p.containsKey("place." + n + ".path"); n++) {
            String path = p.getProperty("place." + n + ".path");
            String account = p.getProperty("place." + n + ".account", "");
            String folder = p.getProperty("place." + n + ".folder", "");
            try {
                tree.remember(account, folder, path);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": key 'place." + n + ".path': " + e.getMessage(), e);
            }
        }
        tree.saved = true;
        return tree;
    }

    Format format() {
        return format;
    }

    Path root() {
        return root;
    }

    /** Every folder of the export, in the order they were first written. */
    List<Place> places() {
        return new ArrayList<>(places.values());
    }

    /**
     * Where {@code account}'s {@code folder} goes, named the first time by {@code layout} from the account's
     * directory and the folder's levels; an existing path or one differing only in case gets a {@code ~N}.
     */
    Place place(String account, String folder, BiFunction<String, List<String>, String> layout) {
        Place known = places.get(key(account, folder));
        if (known != null) {
            return known;
        }
        String accountDir = accountDirs.computeIfAbsent(account,
                a -> claim(SafeNames.segment(a.isEmpty() ? "mail" : a, "")));
        List<String> levels = List.of(folder.split("/", -1));
        String path = layout.apply(accountDir, levels);
        if (!path.equals(accountDir)) {
            path = claim(path);
        }
        return remember(account, folder, path);
    }

    /** Writes the manifest (to a temporary file renamed into place: never half written). */
    void save() throws IOException {
        if (saved) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("format", format.label());
        int n = 0;
        for (Place place : places.values()) {
            n++;
            p.setProperty("place." + n + ".path", root.relativize(place.location()).toString().replace('\\', '/'));
            p.setProperty("place." + n + ".account", place.account());
            p.setProperty("place." + n + ".folder", place.folder());
        }
        DurableFiles.writeAtomically(root.resolve(MANIFEST), out -> p.store(new OutputStreamWriter(out,
                StandardCharsets.UTF_8), "mailwarden export: which account's folder is where (read by 'mailwarden import' and restore)"));
        saved = true;
    }

    private Place remember(String account, String folder, String path) {
        Place place = new Place(SafeNames.inside(root, path), account, folder);
        places.put(key(account, folder), place);
        saved = false;
        taken.add(path.toLowerCase(Locale.ROOT));
        String top = path.split("/", 2)[0];
        accountDirs.putIfAbsent(account, top);
        taken.add(top.toLowerCase(Locale.ROOT));
        return place;
    }

    /** {@code path}, made unique among the tree's names and what already exists on disk. */
    private String claim(String path) {
        // an mbox file keeps its extension: the ~N goes before it
        String ext = path.endsWith(MboxFiles.EXTENSION) ? MboxFiles.EXTENSION : "";
        String stem = path.substring(0, path.length() - ext.length());
        String name = path;
        for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)) || Files.exists(root.resolve(name))
                || name.equalsIgnoreCase(MANIFEST); n++) {
            name = stem + "~" + n + ext;
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    private static String key(String account, String folder) {
        return account + '\0' + folder;
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
