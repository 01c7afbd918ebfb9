package dev.telec.migrate.application.port.in;

import dev.telec.migrate.domain.AppProfile;
import dev.telec.migrate.domain.MigrationId;
import dev.telec.migrate.spi.Migration;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a run takes its steps from, named by the caller. A run reads that one source and nothing else:
 * no other jar, directory or class-path root is merged in, so an app's steps never meet another app's.
 *
 * <pre>{@code
 * StepSource.classPath("myapp/migrations/", MyUpdater.class.getClassLoader())
 * StepSource.directory(Path.of("/opt/myapp/migrations"))
 * StepSource.jar(Path.of("/opt/myapp/steps.jar"), "myapp/migrations/")
 * StepSource.migrations(Map.of(MigrationId.parse("1.0.0/001_create_config"), new CreateConfig()))
 * }</pre>
 */
public sealed interface StepSource {

    /** The class-path root of the TeleClaude steps that ship with the command line (artifact telec-migrations). */
    String BUNDLED_ROOT = "dev/telec/steps/teleclaude/";

    /**
     * A manifest tree in a directory: {@code v{semver}/NNN_description.(yaml|yml|json)} entries, and the jars
     * in its {@code lib/} on the steps' class path.
     */
    record Directory(Path path) implements StepSource {
        public Directory {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * A manifest tree under {@code root} inside a jar file; the jar's own classes are on the steps' class path.
     *
     * @param root a folder inside the jar, such as {@code myapp/migrations/}
     */
    record Jar(Path path, String root) implements StepSource {
        public Jar {
            Objects.requireNonNull(path, "path");
            root = folder(root);
        }
    }

    /**
     * The manifest tree under one class-path root of one class loader, such as {@code myapp/migrations/}. That
     * root must be in exactly one jar or directory of the class path: a second copy (an older jar of the same
     * app) is an error naming both, never merged.
     */
    record ClassPathRoot(String root, ClassLoader loader) implements StepSource {
        public ClassPathRoot {
            root = folder(root);
            Objects.requireNonNull(loader, "loader");
        }
    }

    /** Steps passed as objects, each with its id. */
    record Migrations(Map<MigrationId, Migration> steps) implements StepSource {
        public Migrations {
            Objects.requireNonNull(steps, "steps");
            steps.forEach((id, step) -> {
                Objects.requireNonNull(id, "step id");
                Objects.requireNonNull(step, () -> "step " + id);
            });
            // kept as given (not sorted by id): two ids with one number must both reach the manifest, which refuses them
            steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        }
    }

    /**
     * {@code source} with its app profile ({@code telec.yaml}) as the caller already read it, through
     * {@link FindAppProfile}, to find the home: a run on it uses this profile and does not read the file again,
     * so a tree replaced between the two reads (an upgrade in progress) cannot give the run another app than the
     * one its home was chosen for.
     *
     * @param profile as read: empty when the tree has no {@code telec.yaml}
     */
    record Profiled(StepSource source, Optional<AppProfile> profile) implements StepSource {
        public Profiled {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(profile, "profile");
            if (source instanceof Profiled) throw new IllegalArgumentException("already has its profile: " + source);
        }
    }

    /** This source with its profile as already read ({@link Profiled}): the profile read once, handed on. */
    default StepSource withProfile(Optional<AppProfile> profile) {
        return new Profiled(this instanceof Profiled p ? p.source() : this, profile);
    }

    static StepSource directory(Path path) {
        return new Directory(path);
    }

    static StepSource jar(Path jar, String root) {
        return new Jar(jar, root);
    }

    static StepSource classPath(String root, ClassLoader loader) {
        return new ClassPathRoot(root, loader);
    }

    /** {@link #classPath(String, ClassLoader)} with the current thread's context class loader (else this class's). */
    static StepSource classPath(String root) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return new ClassPathRoot(root, context != null ? context : StepSource.class.getClassLoader());
    }

    static StepSource migrations(Map<MigrationId, ? extends Migration> steps) {
        return new Migrations(new LinkedHashMap<>(steps));
    }

    /** The manifest tree {@code directory} names, or the bundled steps when it is empty (a verb's {@code --migrations}). */
    static StepSource directoryOrBundled(Optional<Path> directory) {
        return directory.map(StepSource::directory).orElseGet(StepSource::bundled);
    }

    /**
     * The TeleClaude steps bundled with the command line, class-path root {@value #BUNDLED_ROOT} of the loader
     * that loaded telec. A library caller names its own source instead.
     */
    static StepSource bundled() {
        return new ClassPathRoot(BUNDLED_ROOT, StepSource.class.getClassLoader());
    }

    /**
     * A folder name inside a jar or class path, as {@code a/b/}: relative, no {@code .} or {@code ..}, no
     * empty part; a missing trailing slash is added.
     *
     * @throws IllegalArgumentException quoting the root otherwise
     */
    private static String folder(String root) {
        Objects.requireNonNull(root, "root");
        String folder = root.endsWith("/") ? root : root + "/";
        if (folder.startsWith("/") || folder.equals("/") || folder.contains("//") || folder.contains("\\")) {
            throw new IllegalArgumentException("not a class-path root (relative, like myapp/migrations/): '" + root + "'");
        }
        for (String part : folder.split("/")) {
            if (part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("not a class-path root (relative, like myapp/migrations/): '" + root + "'");
            }
        }
        return folder;
    }
}
