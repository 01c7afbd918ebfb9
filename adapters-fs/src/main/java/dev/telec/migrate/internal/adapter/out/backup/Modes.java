package dev.telec.migrate.internal.adapter.out.backup;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** POSIX permission sets as mode bits and back. */
final class Modes {

    private Modes() {
    }

    private static final PosixFilePermission[] ORDER = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};

    static int bits(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (int i = 0; i < ORDER.length; i++) {
            if (permissions.contains(ORDER[i])) mode |= 1 << i;
        }
        return mode;
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < ORDER.length; i++) {
            if ((mode & (1 << i)) != 0) set.add(ORDER[i]);
        }
        return set;
    }
}
