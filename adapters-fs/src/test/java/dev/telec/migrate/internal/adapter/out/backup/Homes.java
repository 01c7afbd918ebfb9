package dev.telec.migrate.internal.adapter.out.backup;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.telec.migrate.internal.application.MigrationRunner;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.internal.application.manifest.Manifest;
import dev.telec.migrate.internal.adapter.out.state.JsonStateStore;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.spi.Migration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Homes on Jimfs, runners with backups, and what a home holds, for comparing two homes. */
final class Homes {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    private Homes() {
    }

    static FileSystem jimfs() {
        return Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("basic", "owner", "posix", "unix").build());
    }

    record Entry(MigrationId id, Supplier<Migration> step) implements Manifest.Entry {
        @Override
        public String source() {
            return id.toString();
        }

        @Override
        public Migration resolve() {
            return step.get();
        }
    }

    static MigrationRunner runner(List<Entry> entries) {
        Manifest manifest = Manifest.of(entries);
        return new MigrationRunner(directory -> manifest, new JsonStateStore(), CLOCK, HomeLocks.NONE, new FileBackups(CLOCK));
    }

    /**
     * Every path under {@code home} but telec's own (its backups, state files and lock), with its kind, mode and
     * content or link target: equal for two homes that are byte for byte the same to a step.
     */
    static Map<String, String> tree(Path home) {
        return tree(home, true);
    }

    /** Like {@link #tree(Path)}; {@code withoutState}: false to include the state files too. */
    static Map<String, String> tree(Path home, boolean withoutState) {
        Map<String, String> tree = new TreeMap<>();
        if (!Files.exists(home)) return tree;
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = home.relativize(p).toString();
                if (rel.equals(FileBackups.DIRECTORY) || rel.startsWith(FileBackups.DIRECTORY + "/") || rel.equals(".migration.lock")) continue;
                if (withoutState && rel.startsWith("migration_state.")) continue;
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                if (Files.isSymbolicLink(p)) {
                    tree.put(rel, "link " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    tree.put(rel, "dir " + mode);
                } else {
                    tree.put(rel, "file " + mode + " " + Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    /** Every path of {@code fs}, telec's own included, with its kind, mode, owner, mtime and content: what a read-only verb must leave. */
    static Map<String, String> everything(FileSystem fs) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(fs.getPath("/"))) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String stamp = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS))
                        + " " + Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName() + " "
                        + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis();
                if (Files.isSymbolicLink(p)) all.put(p.toString(), "link " + stamp + " " + Files.readSymbolicLink(p));
                else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) all.put(p.toString(), "dir " + stamp);
                else all.put(p.toString(), stamp + " " + Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
            }
        }
        return all;
    }

    static List<Entry> prefix(List<Entry> entries, int n) {
        return new ArrayList<>(entries.subList(0, n));
    }

    static Optional<Path> none() {
        return Optional.empty();
    }
}
