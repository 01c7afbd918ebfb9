package dev.telec.migrate.internal.adapter.out.lock;

import static dev.telec.migrate.internal.adapter.out.fs.Causes.reason;

import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import dev.telec.migrate.internal.adapter.out.fs.Ownership;
import dev.telec.migrate.api.LockedException;
import dev.telec.migrate.api.StateException;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The home's lock: an exclusive OS file lock ({@link FileChannel#tryLock()}, {@code fcntl} on Linux) on
 * {@code <home>/.migration.lock}. The kernel releases it when the holder dies, however it dies, so a killed
 * run never leaves a stale lock; the file itself stays (deleting it would let two runs lock two different
 * files). The holder writes {@code pid N since T by telec VERB} into it (mode 0600 on POSIX; {@code by ...}
 * only when the caller said what it is) so that the refused run can say who holds the home, and doing what.
 *
 * <p>Within one JVM the lock is also kept in a process-wide table: OS file locks belong to the process, and
 * closing any channel on the file would release them. On file systems other than the default one (Jimfs),
 * whose channels lock nothing, that table is the only exclusion: between runs of this process only.
 */
public final class FileHomeLocks implements HomeLocks {

    /** The lock file's name in a home. */
    public static final String FILE_NAME = ".migration.lock";

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Pattern HOLDER = Pattern.compile("pid (\\d+) since (\\S+)(?: by telec ([a-z]+))?");
    private static final Pattern WHAT = Pattern.compile("[a-z]+");
    private static final Map<Key, String> HELD_BY_THIS_PROCESS = new ConcurrentHashMap<>();

    private record Key(FileSystem fileSystem, String path) {
    }

    private final Clock clock;
    private final long pid = ProcessHandle.current().pid();

    public FileHomeLocks(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Held acquire(Path home, Duration wait) {
        return acquire(home, wait, null, message -> { });
    }

    @Override
    public Held acquire(Path home, Duration wait, Consumer<String> waiting) {
        return acquire(home, wait, null, waiting);
    }

    /** @param what the verb the lock file records ({@code migrate}, ...; lower-case letters), or null for none */
    @Override
    public Held acquire(Path home, Duration wait, String what, Consumer<String> waiting) {
        Path file = home.resolve(FILE_NAME);
        createHome(home, file);
        long deadline = System.nanoTime() + wait.toNanos();
        boolean said = false;
        while (true) {
            String[] holder = new String[1];
            Held held = tryAcquire(home, file, what != null && WHAT.matcher(what).matches() ? " by telec " + what : "", holder);
            if (held != null) {
                return held;
            }
            long left = deadline - System.nanoTime();
            if (left > 0 && !said) {
                waiting.accept("waiting up to " + wait.toSeconds() + " s for another " + holder[0] + " to release " + home);
                said = true;
            }
            if (left <= 0) {
                throw new LockedException(file, "another " + holder[0] + " holds " + home
                        + (wait.isZero() ? "; --wait SECONDS waits for it" : "; waited " + wait.toSeconds() + " s"));
            }
            try {
                Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LockedException(file, "interrupted while waiting for another " + holder[0] + " to release " + home);
            }
        }
    }

    private static void createHome(Path home, Path file) {
        if (Files.isDirectory(home)) return;
        try {
            AtomicFiles.createDirectories(home); // durable: the lock's and the state's files go in it
        } catch (FileAlreadyExistsException e) {
            throw new StateException(home, "not a directory; a home must be a directory", e);
        } catch (IOException e) {
            throw new StateException(file, "cannot create the home to lock it: " + reason(e), e);
        }
    }

    /** The lock, or null with {@code holder[0]} describing who holds it ({@code telec stamp (pid 12, since T)}). */
    private Held tryAcquire(Path home, Path file, String by, String[] holder) {
        Key key = key(file);
        String me = "pid " + pid + " since " + clock.instant().truncatedTo(ChronoUnit.SECONDS) + by;
        String other = HELD_BY_THIS_PROCESS.putIfAbsent(key, me);
        if (other != null) {
            holder[0] = describe(other);
            return null;
        }
        FileChannel channel = null;
        try {
            boolean creating = !Files.exists(file, LinkOption.NOFOLLOW_LINKS);
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    ownerOnly(file));
            if (creating) Ownership.inherit(file); // a lock file left by an earlier run keeps its owner
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held through another channel of this JVM that is not in the table
            } catch (UnsupportedOperationException e) {
                lock = noOsLock(channel); // the table above is the lock
            }
            if (lock == null) {
                channel.close();
                HELD_BY_THIS_PROCESS.remove(key, me);
                holder[0] = readHolder(file);
                return null;
            }
            channel.truncate(0);
            ByteBuffer text = ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8));
            while (text.hasRemaining()) channel.write(text);
            channel.force(true);
            return new FileHeld(key, me, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                try {
                    channel.close(); // releases the lock too
                } catch (IOException ignored) {
                    // already failing
                }
            }
            HELD_BY_THIS_PROCESS.remove(key, me);
            if (e instanceof RuntimeException r && !(e instanceof UnsupportedOperationException)) throw r;
            throw new StateException(file, "cannot lock the home: " + reason(e), e);
        }
    }

    private static FileLock noOsLock(FileChannel channel) {
        return new FileLock(channel, 0, Long.MAX_VALUE, false) {
            private boolean valid = true;

            @Override
            public boolean isValid() {
                return valid && channel().isOpen();
            }

            @Override
            public void release() {
                valid = false;
            }
        };
    }

    private static Key key(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            abs = file.getParent().toRealPath().resolve(file.getFileName());
        } catch (IOException | RuntimeException e) {
            // the normalized path will do
        }
        return new Key(file.getFileSystem(), abs.toString());
    }

    /** Who the lock file says holds it; read only when this process does not hold it. */
    private static String readHolder(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return describe(new String(in.readNBytes(200), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return describe(""); // say what we know
        }
    }

    /**
     * {@code telec stamp (pid 12, since T)} from a lock file's {@code pid 12 since T by telec stamp}; a holder that
     * did not say what it is (an older telec, a library caller's own lock) is just {@code telec (pid 12, since T)}.
     */
    static String describe(String recorded) {
        Matcher m = HOLDER.matcher(recorded);
        if (!m.find()) return "telec (pid unknown)";
        return "telec " + (m.group(3) == null ? "" : m.group(3) + " ") + "(pid " + m.group(1) + ", since " + m.group(2) + ")";
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    private static final class FileHeld implements Held {
        private final Key key;
        private final String me;
        private final FileChannel channel;
        private final FileLock lock;

        FileHeld(Key key, String me, FileChannel channel, FileLock lock) {
            this.key = key;
            this.me = me;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                if (lock.isValid()) lock.release();
            } catch (IOException | RuntimeException e) {
                // closing the channel releases it as well
            }
            try {
                channel.close();
            } catch (IOException e) {
                // the kernel releases the lock when the process ends in any case
            } finally {
                HELD_BY_THIS_PROCESS.remove(key, me);
            }
        }
    }
}
