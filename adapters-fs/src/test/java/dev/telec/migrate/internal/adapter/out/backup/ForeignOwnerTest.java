package dev.telec.migrate.internal.adapter.out.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.telec.migrate.internal.adapter.out.backup.RandomStep.Failure;
import dev.telec.migrate.internal.adapter.out.backup.RandomStep.Write;
import dev.telec.migrate.internal.application.Restorer;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.RestoreCommand;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.domain.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As root (CI runs as root) on a home that belongs to another user (uid/gid 12345, which need not exist): what a
 * rollback or a restore puts back keeps that owner, though root wrote it.
 */
class ForeignOwnerTest {

    static final int OWNER = 12345;

    @TempDir
    Path tmp;

    /** Whether this process is root: a file it creates belongs to uid 0. */
    private boolean root() throws IOException {
        Path probe = Files.createFile(tmp.resolve("probe"));
        return Integer.valueOf(0).equals(Files.getAttribute(probe, "unix:uid"));
    }

    private Path foreignHome() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("d"));
        Files.writeString(home.resolve("config.yaml"), "port: 80\n");
        Files.writeString(home.resolve("d/x"), "x\n");
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : walk.toList()) {
                Files.setAttribute(p, "unix:uid", OWNER, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", OWNER, LinkOption.NOFOLLOW_LINKS);
            }
        }
        return home;
    }

    private static void assertOwnedByTheUser(Path home, String... names) throws IOException {
        for (String name : names) {
            Path p = home.resolve(name);
            assertThat(Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).as(name).isEqualTo(OWNER);
            assertThat(Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS)).as(name).isEqualTo(OWNER);
        }
    }

    private static List<Homes.Entry> steps(Failure failure) {
        List<Write> writes = List.of(new Write("write", "config.yaml", "", "port: 1\n"), new Write("delete", "d", "", ""));
        MigrationId id = new MigrationId(Version.parse("1.0.0"), 1, "rewrite");
        return List.of(new Homes.Entry(id, () -> new RandomStep("done", writes, writes.size(), failure)));
    }

    @Test
    void aRolledBackStepLeavesTheFilesWithTheirOwnerAsRoot() throws IOException {
        assumeTrue(root(), "needs root (CI runs as root)");
        Path home = foreignHome();

        Homes.runner(steps(Failure.THROWS)).migrate(MigrateCommand.of(home));

        assertThat(Files.readString(home.resolve("config.yaml"))).isEqualTo("port: 80\n");
        assertThat(Files.readString(home.resolve("d/x"))).isEqualTo("x\n");
        assertOwnedByTheUser(home, "config.yaml", "d", "d/x");
    }

    @Test
    void aRestoredHomeKeepsItsOwnerAsRoot() throws IOException {
        assumeTrue(root(), "needs root (CI runs as root)");
        Path home = foreignHome();
        Homes.runner(steps(Failure.NONE)).migrate(MigrateCommand.of(home));
        assertThat(home.resolve("d")).doesNotExist();

        new Restorer(new FileBackups(Homes.CLOCK), HomeLocks.NONE).restore(RestoreCommand.of(home));

        assertThat(Files.readString(home.resolve("config.yaml"))).isEqualTo("port: 80\n");
        assertOwnedByTheUser(home, "config.yaml", "d", "d/x");
    }
}
