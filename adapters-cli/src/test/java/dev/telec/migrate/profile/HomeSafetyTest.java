package dev.telec.migrate.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telec.migrate.profile.AppProfileTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links on the way to a home, and the owners of what telec writes in it. */
class HomeSafetyTest {

    @TempDir
    Path tmp;
    final AppProfileTest cli = new AppProfileTest();
    Path steps;
    Path real;

    @BeforeEach
    void homeWithAnAbsoluteLinkIntoItself() throws IOException {
        cli.tmp = tmp;
        cli.user();
        steps = Files.createDirectories(tmp.resolve("steps/v1.0.0"));
        Files.writeString(steps.resolve("001_note_through_a_link.yaml"),
                "operations:\n  - op: write\n    path: shortcut/note.txt\n    content: \"hi\\n\"\n");
        Files.writeString(tmp.resolve("steps/telec.yaml"), "app: linked\n");
        steps = tmp.resolve("steps");
        real = Files.createDirectories(tmp.resolve("data/home"));
        Files.createDirectories(real.resolve("sub"));
        // where the home really is: fine for confinement, but only if the copy resolves it the same way
        Files.createSymbolicLink(real.resolve("shortcut"), real.toRealPath().resolve("sub"));
    }

    List<String> outcomes(Result r) throws IOException {
        JsonNode doc = new ObjectMapper().readTree(r.out());
        return doc.get("steps").findValuesAsText("outcome");
    }

    void dryRunsAsItRuns(Path home) throws Exception {
        Map<String, String> before = AppProfileTest.hashTree(real);

        Result dry = cli.telec("migrate", "--dry-run", "--json", "--home", home.toString(), "--migrations", steps.toString());

        assertThat(dry.err()).isEmpty();
        assertThat(dry.code()).isZero();
        assertThat(outcomes(dry)).containsExactly("would_apply");
        assertThat(AppProfileTest.hashTree(real)).isEqualTo(before);

        Result run = cli.telec("migrate", "--json", "--home", home.toString(), "--migrations", steps.toString());

        assertThat(run.code()).isZero();
        assertThat(outcomes(run)).containsExactly("applied");
        assertThat(real.resolve("sub/note.txt")).hasContent("hi");
    }

    @Test
    void aHomeThatIsASymlinkDryRunsAsItRuns() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("home-link"), real);

        dryRunsAsItRuns(link);
    }

    @Test
    void aHomeUnderASymlinkedDirectoryDryRunsAsItRuns() throws Exception {
        Path linkedDir = Files.createSymbolicLink(tmp.resolve("linked"), tmp.resolve("data"));

        dryRunsAsItRuns(linkedDir.resolve("home"));
    }

    @Test
    void aDryRunShowsChangesUnderTheHomeAsItWasNamed() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("home-link"), real);

        Result dry = cli.telec("migrate", "--dry-run", "--home", link.toString(), "--migrations", steps.toString());

        assertThat(dry.out()).startsWith(link + ": 0.0.0 -> 1.0.0").contains("+ created shortcut/note.txt");
    }

    // --- ownership: run as root on a home that belongs to the app's user ------------------------------

    static final int APP_UID = 12345;
    static final int APP_GID = 12345;

    static boolean root(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, "uid", ".probe");
        try {
            return ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
        } finally {
            Files.delete(probe);
        }
    }

    static void chownTree(Path root, int uid, int gid) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /** Every path in the home, with its owner and group, that is not the app user's. */
    static Map<String, String> notTheAppUsers(Path home) throws IOException {
        Map<String, String> wrong = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                int gid = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
                if (uid != APP_UID || gid != APP_GID) wrong.put(home.relativize(p).toString(), uid + ":" + gid);
            }
        }
        return wrong;
    }

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void asRootTheBundledStepsLeaveNothingInAChownedHomeToRoot() throws Exception {
        assumeTrue(root(tmp), "not running as root: only root can give files to another user (CI runs as root)");
        Path home = tmp.resolve("tc");
        AppProfileTest.copyTree(Path.of("..", "examples", "teleclaude-home-1.0"), home);
        Files.setPosixFilePermissions(home.resolve("config.json"), PosixFilePermissions.fromString("rw-r-----"));
        Files.setPosixFilePermissions(home.resolve("migration_state.json"), PosixFilePermissions.fromString("rw-------"));
        chownTree(home, APP_UID, APP_GID);

        Result r = cli.telec("migrate", "--home", home.toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("5 applied");
        assertThat(notTheAppUsers(home)).isEmpty();
        assertThat(mode(home.resolve("config.json"))).isEqualTo("rw-r-----");
        assertThat(mode(home.resolve("migration_state.json"))).isEqualTo("rw-------");
        assertThat(mode(home.resolve(".migration.lock"))).isEqualTo("rw-------");
    }

    @Test
    void asRootNewFilesAndDirectoriesTakeTheirDirectorysOwners() throws Exception {
        assumeTrue(root(tmp), "not running as root: only root can give files to another user (CI runs as root)");
        Path ops = Files.createDirectories(tmp.resolve("ops/v1.0.0"));
        Files.writeString(tmp.resolve("ops/telec.yaml"), "app: ops\n");
        Files.writeString(ops.resolve("001_everything.yaml"), "operations:\n"
                + "  - {op: mkdir, path: a/b/c}\n"
                + "  - {op: copy, from: data, to: backup/data}\n"
                + "  - {op: copy, from: settings.json, to: backup/settings.json}\n"
                + "  - {op: write, path: notes/new/motd, content: \"hello\\n\"}\n"
                + "  - {op: set, file: fresh/config.yaml, pointer: /level, value: info}\n"
                + "  - {op: move, from: data, to: var/data}\n");
        Path parent = Files.createDirectories(tmp.resolve("srv"));
        Path home = parent.resolve("app");
        AppProfileTest.copyTree(AppProfileTest.MYAPP_HOME, home);
        Files.delete(home.resolve("migration_state.json")); // first run: the state, its journal and the lock are new
        chownTree(parent, APP_UID, APP_GID);

        Result r = cli.telec("migrate", "--home", home.toString(), "--migrations", tmp.resolve("ops").toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(home.resolve("backup/data/journal.txt")).exists();
        assertThat(home.resolve("fresh/config.yaml")).exists();
        assertThat(notTheAppUsers(home)).isEmpty();
        assertThat(mode(home.resolve("migration_state.json"))).isEqualTo("rw-------");
    }

    @Test
    void asRootCreateHomeGivesTheNewHomeItsParentsOwners() throws Exception {
        assumeTrue(root(tmp), "not running as root: only root can give files to another user (CI runs as root)");
        Path parent = Files.createDirectories(tmp.resolve("users/ann"));
        chownTree(parent, APP_UID, APP_GID);
        Path home = parent.resolve("deep/.myapp");

        Result r = cli.telec("migrate", "--create-home", "--home", home.toString(), "--migrations", AppProfileTest.MYAPP_STEPS.toString());

        assertThat(r.code()).isZero();
        assertThat(notTheAppUsers(parent)).isEmpty();
    }
}
