package dev.telec.migrate.internal.adapter.out.backup;

import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A Java step whose every write is durable when it returns (forced, its directory synced), as the step
 * contract asks, that does its writes in order, each on a few shared names so that steps collide, then leaves a
 * marker its check() looks for; or, as the failing step, does only the first {@code prefix} writes and then
 * fails the way {@code failure} says.
 */
final class RandomStep implements Migration {

    enum Failure { NONE, THROWS, RETURNS_FALSE, CHECK_STILL_FALSE }

    /** One write: {@code kind} on {@code name} (and {@code other}, for moves and copies). */
    record Write(String kind, String name, String other, String text) {
        /** Does the write; one the home's shape does not allow (a file where a directory is needed) does what it can. */
        void apply(Path home) {
            try {
                write(home);
            } catch (IOException e) {
                // deterministic: the same home gives the same partial write, in the run and in its reference
            }
        }

        private void write(Path home) throws IOException {
            Path p = resolve(home, name);
            switch (kind) {
                case "write" -> {
                    AtomicFiles.createDirectories(p.getParent());
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return;
                    durableWrite(p, text, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
                }
                case "append" -> {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        durableWrite(p, text, StandardOpenOption.APPEND);
                    }
                }
                case "delete" -> {
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        try (var walk = Files.walk(p)) {
                            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
                        }
                    } else {
                        Files.deleteIfExists(p);
                    }
                    AtomicFiles.syncDirectory(p.getParent());
                }
                case "mkdir" -> {
                    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) AtomicFiles.createDirectories(p);
                }
                case "move" -> {
                    Path q = resolve(home, other);
                    if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.exists(q, LinkOption.NOFOLLOW_LINKS)
                            && !q.startsWith(p) && Files.isDirectory(q.getParent())) {
                        Files.move(p, q);
                        AtomicFiles.syncDirectory(q.getParent());
                        AtomicFiles.syncDirectory(p.getParent());
                    }
                }
                case "chmod" -> {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(text));
                    }
                }
                case "link" -> {
                    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(p.getParent())) {
                        Files.createSymbolicLink(p, p.getFileSystem().getPath(other));
                        AtomicFiles.syncDirectory(p.getParent());
                    }
                }
                default -> throw new IllegalArgumentException(kind);
            }
        }

        @Override
        public String toString() {
            return kind + " " + name + (other.isEmpty() ? "" : " " + other);
        }
    }

    /** Written and forced, its directory entry synced: durable when it returns, as a step's effects must be. */
    static void durableWrite(Path p, String text, StandardOpenOption... options) throws IOException {
        java.util.Set<StandardOpenOption> open = new java.util.HashSet<>(List.of(options));
        open.add(StandardOpenOption.WRITE);
        try (FileChannel ch = FileChannel.open(p, open)) {
            ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        }
        AtomicFiles.syncDirectory(p.getParent());
    }

    static Path resolve(Path home, String name) {
        Path p = home;
        for (String n : name.split("/")) p = p.resolve(n);
        return p;
    }

    private final String marker;
    private final List<Write> writes;
    private final int prefix;
    private final Failure failure;

    RandomStep(String marker, List<Write> writes, int prefix, Failure failure) {
        this.marker = marker;
        this.writes = List.copyOf(writes);
        this.prefix = prefix;
        this.failure = failure;
    }

    @Override
    public boolean check(MigrationContext context) {
        return Files.exists(context.home().resolve(marker));
    }

    @Override
    public boolean migrate(MigrationContext context) throws IOException {
        int n = failure == Failure.NONE ? writes.size() : Math.min(prefix, writes.size());
        for (int i = 0; i < n; i++) writes.get(i).apply(context.home());
        switch (failure) {
            case THROWS -> throw new IOException("failed on purpose after " + n + " writes");
            case RETURNS_FALSE -> {
                return false;
            }
            case CHECK_STILL_FALSE -> {
                return true;
            }
            default -> {
                durableWrite(context.home().resolve(marker), "done", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
                return true;
            }
        }
    }

    @Override
    public String toString() {
        return marker + writes.subList(0, failure == Failure.NONE ? writes.size() : Math.min(prefix, writes.size())) + " " + failure;
    }
}
