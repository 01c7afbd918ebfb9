package dev.telec.migrate.internal.adapter.out.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * {@link Confinement#check}'s shortcut (no symbolic link below the home: inside) decides every path exactly
 * as the full check by real paths does, on trees with links inside and out, dangling ones, and a home that
 * is itself a link.
 */
class ConfinementProperties {

    /** What to make at a name of the tree: a directory, a file, or a link to one of the targets. */
    record Node(List<String> names, int kind) {
    }

    private static final String[] TARGETS = {"/real/home", "/real/home/a", "/real/home/a/b", "/outside", "/outside/a", "/nowhere", "/real"};

    @Property(tries = 500)
    void theShortcutDecidesAsTheFullCheck(@ForAll boolean homeIsALink, @ForAll @Size(max = 8) List<@net.jqwik.api.From("nodes") Node> nodes,
                                          @ForAll @Size(min = 1, max = 4) List<@net.jqwik.api.From("name") String> query) throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Files.createDirectories(fs.getPath("/real/home"));
            Files.createDirectories(fs.getPath("/outside/a"));
            Path home = fs.getPath("/real/home");
            if (homeIsALink) {
                home = fs.getPath("/home-link");
                Files.createSymbolicLink(home, fs.getPath("/real/home"));
            }
            for (Node node : nodes) {
                Path at = home;
                for (String name : node.names()) at = at.resolve(name);
                if (Files.exists(at, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(at.getParent())) continue;
                if (node.kind() == 0) Files.createDirectory(at);
                else if (node.kind() == 1) Files.writeString(at, "x");
                else Files.createSymbolicLink(at, fs.getPath(TARGETS[node.kind() - 2]));
            }
            Path path = home;
            for (String name : query) path = path.resolve(name);
            assertThat(outcome(home, path, true)).isEqualTo(outcome(home, path, false));
        }
    }

    private static String outcome(Path home, Path path, boolean withShortcut) {
        try {
            if (withShortcut) Confinement.check(home, path);
            else Confinement.checkByRealPaths(home, path);
            return "inside";
        } catch (OperationFailure e) {
            return "refused: " + e.getMessage();
        } catch (IOException e) {
            return "failed: " + e;
        }
    }

    @Provide
    Arbitrary<String> name() {
        return Arbitraries.of("a", "b", "c");
    }

    @Provide
    Arbitrary<Node> nodes() {
        return Combinators.combine(name().list().ofMinSize(1).ofMaxSize(3), Arbitraries.integers().between(0, 1 + TARGETS.length))
                .as(Node::new);
    }
}
