package dev.telec.migrate.internal.adapter.out.manifest;

import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.Version;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One manifest tree on some file system (a directory, a class path directory, or {@code /migrations} in a
 * jar), and the strict walk that lists and validates its entry names without reading any entry.
 *
 * @param root the tree's top directory
 * @param classLoader where its entries' classes come from
 * @param locate names a path of the tree in messages
 * @param content how to read an entry later; must not keep the path's file system open
 */
record ManifestTree(Path root, ClassLoader classLoader, Function<Path, Location> locate, Function<Path, Content> content,
                    boolean checkTrust) {

    /** A tree whose script steps are trusted wherever they are (the class path's). */
    ManifestTree(Path root, ClassLoader classLoader, Function<Path, Location> locate, Function<Path, Content> content) {
        this(root, classLoader, locate, content, false);
    }

    /** A script step's name: NNN_description, with any extension but the entry documents' (or none). */
    private static final java.util.regex.Pattern SCRIPT_NAME = java.util.regex.Pattern.compile("\\d{3}_[A-Za-z0-9_]+(\\.[^.]+)?");

    /** The directory at the top of a tree that holds jars rather than entries. */
    static final String LIB = "lib";
    /** Directories at the top that are not read as entries: {@code telec test}'s fixtures, Java steps' sources. */
    static final java.util.Set<String> NOT_ENTRIES = java.util.Set.of("fixtures", "src");

    List<FileEntry> walk(EntryParser parser) {
        List<FileEntry> entries = new ArrayList<>();
        for (Path child : list(root)) {
            String name = nameOf(child);
            if (Files.isDirectory(child)) {
                if (name.equals(LIB) || NOT_ENTRIES.contains(name)) continue;
                Version version = versionOf(child, name);
                walkVersion(child, version, parser, entries);
            } else if (name.equals(ProfileFile.NAME)) {
                continue; // the app profile, read by FileManifests
            } else if (Format.ofFileName(name).isPresent()) {
                throw locate.apply(child).error("entry file outside any version directory (entries go in v<version>/, e.g. v1.2.0/001_"
                        + "description.yaml)");
            }
            // any other file at the top (README.md, .gitkeep, ...) is documentation and ignored
        }
        return entries;
    }

    private void walkVersion(Path directory, Version version, EntryParser parser, List<FileEntry> entries) {
        for (Path child : list(directory)) {
            String name = nameOf(child);
            if (Files.isDirectory(child)) {
                throw locate.apply(child).error("unexpected directory inside a version directory");
            }
            Optional<Format> format = Format.ofFileName(name);
            if (format.isEmpty()) {
                // NNN_description.py, NNN_description.sh, NNN_description: a script step; anything else is documentation
                if (!SCRIPT_NAME.matcher(name).matches() || name.endsWith("~")) continue;
                String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
                MigrationId id = MigrationId.of(version, stem);
                Location location = locate.apply(child);
                Scripts.Origin origin = new Scripts.Origin(root, checkTrust);
                entries.add(new FileEntry(id, location, () -> Scripts.resolve(location, child, origin, parser.scripts()),
                        resolve -> Checksums.ofFile(child)));
                continue;
            }
            String stem = name.substring(0, name.lastIndexOf('.'));
            MigrationId id;
            try {
                id = MigrationId.of(version, stem);
            } catch (IllegalArgumentException e) {
                throw locate.apply(child).error("not an entry name: expected NNN_description." + extensionOf(name)
                        + " (three digits, description [A-Za-z0-9_]+)");
            }
            Location location = locate.apply(child);
            ReadOnce text = new ReadOnce(content.apply(child)); // parsed, then hashed after the step: read once
            Format form = format.get();
            Scripts.Origin origin = new Scripts.Origin(root, checkTrust);
            entries.add(new FileEntry(id, location, () -> parser.resolve(location, text.keeping(), form, classLoader, origin),
                    resolve -> parser.checksum(location, text.taking(), form, classLoader, resolve)));
        }
    }

    private Version versionOf(Path directory, String name) {
        if (!name.startsWith("v") || !Version.isCanonical(name.substring(1))) {
            String hint = "";
            String bare = name.length() > 1 && (name.startsWith("v") || name.startsWith("V")) ? name.substring(1) : name;
            if (Version.isCanonical(bare) && !bare.contains("+")) hint = " (did you mean v" + bare + "?)";
            throw locate.apply(directory).error("not a version directory: expected 'v' and a SemVer version, e.g. v1.2.0 or v1.0.0-rc.1"
                    + hint);
        }
        if (name.contains("+")) {
            throw locate.apply(directory).error("version directory must not carry build metadata (+...): it does not order versions");
        }
        return Version.parse(name.substring(1));
    }

    private List<Path> list(Path directory) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path child : stream) children.add(child);
        } catch (IOException e) {
            throw locate.apply(directory).error("cannot list directory: " + Messages.describe(e), e);
        }
        children.sort(Comparator.comparing(ManifestTree::nameOf));
        return children;
    }

    static String nameOf(Path path) {
        Path fileName = path.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private static String extensionOf(String name) {
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
