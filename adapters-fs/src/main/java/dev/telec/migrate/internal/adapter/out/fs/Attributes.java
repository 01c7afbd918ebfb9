package dev.telec.migrate.internal.adapter.out.fs;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.spi.FileSystemProvider;

/**
 * A path's attributes, or null when nothing is there, without an exception for the usual "nothing there" of a
 * step's checks where the JDK can. JDK 20 and later give providers {@code readAttributesIfExists} (what
 * {@code Files.isDirectory} and {@code Files.exists} use): one {@code stat} that answers null instead of
 * building a {@code NoSuchFileException} and the native exception under it. On the JDK 17 that telec is built
 * for, that method is not there and a missing path costs the exception, caught here.
 */
public final class Attributes {

    /** {@code FileSystemProvider.readAttributesIfExists(Path, Class, LinkOption...)}, or null before JDK 20. */
    private static final MethodHandle IF_EXISTS = ifExistsHandle();

    private Attributes() {
    }

    private static MethodHandle ifExistsHandle() {
        try {
            return MethodHandles.publicLookup().findVirtual(FileSystemProvider.class, "readAttributesIfExists",
                    MethodType.methodType(BasicFileAttributes.class, Path.class, Class.class, LinkOption[].class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    /** The attributes of {@code path} (links followed unless {@code options} say not), or null when nothing is there. */
    public static <A extends BasicFileAttributes> A ifExists(Path path, Class<A> type, LinkOption... options) throws IOException {
        FileSystemProvider provider = path.getFileSystem().provider();
        if (IF_EXISTS != null) {
            try {
                return type.cast((BasicFileAttributes) IF_EXISTS.invokeExact(provider, path, (Class<?>) type, options));
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e); // the method declares only IOException
            }
        }
        try {
            return provider.readAttributes(path, type, options);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The attributes of {@code path} itself (a link is not followed), or null when nothing is there. */
    public static BasicFileAttributes ofEntry(Path path) throws IOException {
        return ifExists(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
