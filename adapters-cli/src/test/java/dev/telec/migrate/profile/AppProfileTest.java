package dev.telec.migrate.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.util.Modules;
import dev.telec.migrate.application.port.in.FindAppProfile;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.internal.adapter.in.cli.Cli;
import dev.telec.migrate.internal.adapter.in.cli.Environment;
import dev.telec.migrate.internal.adapter.in.cli.TelecModule;
import dev.telec.migrate.internal.adapter.out.manifest.FileManifests;
import dev.telec.migrate.domain.AppProfile;
import dev.telec.migrate.domain.AppName;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** App profiles (telec.yaml), the app a state names, and where the home is: through the command line on real directories. */
class AppProfileTest {

    static final Path MYAPP_STEPS = Path.of("..", "examples", "myapp", "migrations");
    static final Path MYAPP_HOME = Path.of("..", "examples", "myapp", "home-1.0");
    static final String NL = System.lineSeparator();

    @TempDir
    Path tmp;
    Path user;
    Map<String, String> env = new TreeMap<>();

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void user() throws IOException {
        user = Files.createDirectories(tmp.resolve("user"));
        env.put("HOME", user.toString());
    }

    Result telec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // the user's home from passwd (user.home) is elsewhere: ~ must come from $HOME
        Environment environment = Environment.of(env, tmp.resolve("passwd-home"));
        Cli cli = new Cli(Guice.createInjector(Modules.override(new TelecModule())
                .with(binder -> binder.bind(Environment.class).toInstance(environment))));
        int code = cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    Path myappHome(Path where) throws IOException {
        copyTree(MYAPP_HOME, where);
        return where;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    static Map<String, String> hashTree(Path root) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.exists(root)) return hashes;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String key = root.relativize(p) + (Files.isDirectory(p) ? "/" : "");
                hashes.put(key, Files.isDirectory(p) ? "dir " + Files.getLastModifiedTime(p)
                        : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
                                + " " + Files.getLastModifiedTime(p));
            }
        }
        return hashes;
    }

    static JsonNode state(Path home) throws IOException {
        return new ObjectMapper().readTree(home.resolve("migration_state.json").toFile());
    }

    // --- the vendor manifest: its home by default, its variable, never TeleClaude's steps --------------

    @Test
    void aVendorManifestMigratesItsHomeUnderHOMEWithNoHomeOption() throws Exception {
        Path home = myappHome(user.resolve(".myapp"));

        Result r = telec("migrate", "--migrations", MYAPP_STEPS.toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith(home + ": 1.0.0 -> 2.0.0").contains("3 applied");
        assertThat(state(home).get("app").asText()).isEqualTo("myapp");
        assertThat(state(home).get("version").asText()).isEqualTo("2.0.0");
        assertThat(home.resolve("var/data/journal.txt")).hasContent("first entry");
        assertThat(new ObjectMapper().readTree(home.resolve("settings.json").toFile()).at("/server/port").asInt()).isEqualTo(8080);
        assertThat(tmp.resolve("passwd-home")).doesNotExist();
    }

    @Test
    void aRunReadsTheProfileOnceTheProfileThatChoseItsHomeIsTheRuns() throws Exception {
        Path home = myappHome(user.resolve(".myapp"));
        Path steps = tmp.resolve("steps");
        copyTree(MYAPP_STEPS, steps);
        AtomicInteger reads = new AtomicInteger();
        // the home is found from myapp's profile; then the tree is replaced (an upgrade in progress) by another app's
        FindAppProfile replacedAfterReading = source -> {
            reads.incrementAndGet();
            Optional<AppProfile> read = new FileManifests().profile(source);
            try {
                Files.writeString(steps.resolve("telec.yaml"), "app: otherapp\nhome: ~/.otherapp\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return read;
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(Guice.createInjector(Modules.override(new TelecModule()).with(binder -> {
            binder.bind(Environment.class).toInstance(Environment.of(env, tmp.resolve("passwd-home")));
            binder.bind(FindAppProfile.class).toInstance(replacedAfterReading);
        })));

        int code = cli.run(new PrintWriter(out), new PrintWriter(err), "migrate", "--migrations", steps.toString());

        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(reads).hasValue(1);
        assertThat(state(home).get("app").asText()).as("the run's app is the profile's that chose the home").isEqualTo("myapp");
        assertThat(state(home).get("version").asText()).isEqualTo("2.0.0");
    }

    @Test
    void theProfilesVariableOverridesItsHome() throws Exception {
        Path mine = myappHome(user.resolve(".myapp"));
        Map<String, String> before = hashTree(mine);
        Path other = myappHome(tmp.resolve("srv/myapp"));
        env.put("MYAPP_HOME", other.toString());

        Result r = telec("migrate", "--migrations", MYAPP_STEPS.toString(), "--quiet");

        assertThat(r.code()).isZero();
        assertThat(state(other).get("version").asText()).isEqualTo("2.0.0");
        assertThat(hashTree(mine)).isEqualTo(before);
    }

    @Test
    void anEmptyVariableIsLikeAnUnsetOne() throws Exception {
        Path home = myappHome(user.resolve(".myapp"));
        env.put("MYAPP_HOME", "");

        Result r = telec("migrate", "--migrations", MYAPP_STEPS.toString(), "--quiet");

        assertThat(r.code()).isZero();
        assertThat(state(home).get("version").asText()).isEqualTo("2.0.0");
    }

    @Test
    void aLeadingTildeInTheVariableIsHOME() throws Exception {
        Path home = myappHome(user.resolve("alt/myapp"));
        env.put("MYAPP_HOME", "~/alt/myapp");

        Result r = telec("migrate", "--migrations", MYAPP_STEPS.toString(), "--quiet");

        assertThat(r.code()).isZero();
        assertThat(state(home).get("version").asText()).isEqualTo("2.0.0");
    }

    @Test
    void teleclaudesStepsNeverTouchAMyappHome() throws Exception {
        Path home = myappHome(user.resolve(".myapp"));
        assertThat(telec("migrate", "--migrations", MYAPP_STEPS.toString(), "--quiet").code()).isZero();
        Map<String, String> before = hashTree(home);

        Result real = telec("migrate", "--home", home.toString());
        Result dry = telec("migrate", "--dry-run", "--home", home.toString());
        Result json = telec("migrate", "--json", "--home", home.toString());

        String refusal = "telec: " + home + " belongs to app 'myapp', these steps are for 'teleclaude'" + NL;
        assertThat(real.code()).isEqualTo(1);
        assertThat(real.err()).isEqualTo(refusal);
        assertThat(real.out()).isEmpty();
        assertThat(dry.code()).isEqualTo(1);
        assertThat(dry.err()).isEqualTo(refusal);
        assertThat(json.code()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(json.out()).get("error").asText()).contains("belongs to app 'myapp'");
        assertThat(hashTree(home)).isEqualTo(before);
    }

    @Test
    void theBundledStepsDefaultToTheTeleclaudeHomeUnderHOME() throws Exception {
        Result missing = telec("migrate", "--dry-run");
        assertThat(missing.err()).isEqualTo("telec: " + user.resolve(".teleclaude")
                + ": no such home (nothing to migrate; --create-home creates it)" + NL);

        env.put("TELECLAUDE_HOME", "~/tc");
        Files.createDirectories(user.resolve("tc"));
        Result fromVariable = telec("migrate", "--quiet");
        assertThat(fromVariable.code()).isZero();
        assertThat(state(user.resolve("tc")).get("app").asText()).isEqualTo("teleclaude");
    }

    @Test
    void theBundledManifestCarriesTheTeleclaudeProfile() {
        Optional<AppProfile> profile = new FileManifests().profile(StepSource.bundled());

        assertThat(profile).contains(AppProfile.of(AppName.of("teleclaude")).home("~/.teleclaude").homeVariable("TELECLAUDE_HOME"));
        assertThat(new FileManifests().load(StepSource.bundled()).profile()).isEqualTo(profile);
    }

    // --- the state names its app ----------------------------------------------------------------------

    @Test
    void refusesAForeignAppsStateBeforeAnythingRuns() throws Exception {
        Path home = myappHome(user.resolve(".myapp"));
        Files.writeString(home.resolve("migration_state.json"), "{\"app\": \"otherapp\", \"applied\": [], \"version\": \"1.0.0\"}\n");
        Map<String, String> before = hashTree(home);

        Result r = telec("migrate", "--migrations", MYAPP_STEPS.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("telec: " + home + " belongs to app 'otherapp', these steps are for 'myapp'" + NL);
        assertThat(hashTree(home)).isEqualTo(before);
        assertThat(home.resolve(".migration.lock")).doesNotExist();
    }

    @Test
    void aStateWithoutAppIsAdoptedAndNamedOnItsNextWrite() throws Exception {
        Path home = myappHome(user.resolve(".myapp"));
        Files.writeString(home.resolve("migration_state.json"), "{\"applied\": [\"1.1.0/001_rename_server_port.py\"]}\n");

        Result r = telec("migrate", "--migrations", MYAPP_STEPS.toString(), "--to", "1.1.0");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("skipped (recorded)").contains("1 applied");
        JsonNode state = state(home);
        assertThat(state.get("app").asText()).isEqualTo("myapp");
        assertThat(state.get("applied").toString()).isEqualTo("[\"1.1.0/001_rename_server_port.py\",\"1.1.0/002_default_log_level\"]");
        assertThat(state.fieldNames()).toIterable().containsExactly("app", "applied", "version", "history");
    }

    @Test
    void aStateWithoutAppIsNotWrittenWhenThereIsNothingToDo() throws Exception {
        Path home = myappHome(user.resolve(".myapp"));
        Files.writeString(home.resolve("migration_state.json"), "{\"applied\": [], \"version\": \"2.0.0\"}\n");
        Map<String, String> before = hashTree(home);

        Result r = telec("migrate", "--migrations", MYAPP_STEPS.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("nothing to do");
        assertThat(hashTree(home)).isEqualTo(before);
    }

    @Test
    void theReferenceRunnerStillReadsOurStateFile() throws Exception {
        Path runner = Path.of("/work/shared/bench/seed_runner.py");
        assumeTrue(Files.isRegularFile(runner), "the reference runner is not here: " + runner);
        assumeTrue(python3() != null, "python3 is not installed: cannot run the reference runner");
        Path home = myappHome(user.resolve(".myapp"));
        Files.writeString(home.resolve("migration_state.json"), "{\"applied\": [\"1.1.0/001_rename_server_port.py\"]}\n");
        assertThat(telec("migrate", "--migrations", MYAPP_STEPS.toString(), "--quiet").code()).isZero();
        assertThat(state(home).get("app").asText()).isEqualTo("myapp");
        // the reference runner's own steps: 001 is recorded in our file, 002 is not
        Path py = tmp.resolve("py");
        Files.createDirectories(py.resolve("v1.1.0"));
        for (String step : new String[] {"001_rename_server_port", "002_other"}) {
            Files.writeString(py.resolve("v1.1.0/" + step + ".py"), "import pathlib\n"
                    + "def check():\n    return False\n"
                    + "def migrate():\n    pathlib.Path(r'" + tmp.resolve(step + ".ran") + "').write_text('ran')\n    return True\n");
        }

        Process p = new ProcessBuilder(python3(), runner.toString(), py.toString(), home.resolve("migration_state.json").toString(),
                "0.0.0", "1.1.0").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("run=1 skipped=1");
        assertThat(tmp.resolve("001_rename_server_port.ran")).doesNotExist();
        assertThat(tmp.resolve("002_other.ran")).exists();
    }

    static String python3() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "python3");
            if (Files.isExecutable(candidate)) return candidate.toString();
        }
        return null;
    }

    // --- where the home is ----------------------------------------------------------------------------

    @Test
    void tildeAfterTheEqualsSignOfHomeIsHOME() throws Exception {
        Path home = myappHome(user.resolve("x"));

        Result r = telec("migrate", "--home=~/x", "--migrations", MYAPP_STEPS.toString(), "--quiet");

        assertThat(r.code()).isZero();
        assertThat(state(home).get("version").asText()).isEqualTo("2.0.0");
        assertThat(Path.of("~")).doesNotExist();
    }

    @Test
    void withoutAnyHomeItIsAUsageErrorSayingHomeIsRequired() throws Exception {
        Path bare = Files.createDirectories(tmp.resolve("bare/v1.0.0"));
        Files.writeString(bare.resolve("001_a.yaml"), "operations:\n  - op: mkdir\n    path: a\n");

        Result r = telec("migrate", "--migrations", bare.getParent().toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("telec: --home is required: " + bare.getParent() + " has no telec.yaml naming a default home");
    }

    @Test
    void aProfileWithoutHomeNeedsHomeOrItsVariable() throws Exception {
        Path steps = Files.createDirectories(tmp.resolve("steps"));
        Files.writeString(steps.resolve("telec.yaml"), "app: nohome\nhome_env: NOHOME_HOME\n");

        Result r = telec("migrate", "--migrations", steps.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("telec: --home is required: " + steps.resolve("telec.yaml")
                + " names no default home (home:) and $NOHOME_HOME is not set" + NL);
    }

    @Test
    void aMalformedProfileIsAOneLineErrorNamingTheFile() throws Exception {
        Path steps = Files.createDirectories(tmp.resolve("steps"));
        Path file = steps.resolve("telec.yaml");
        Files.writeString(file, "app: myapp\nhome: ~/.myapp\nhomedir: /srv\n");
        Path home = Files.createDirectories(tmp.resolve("home"));

        Result r = telec("migrate", "--migrations", steps.toString(), "--home", home.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("telec: " + file + ": unknown key 'homedir' (known keys: app, home, home_env, python, sandbox, step_timeout, keep_backups, backup_limit)" + NL);
        assertThat(home).isEmptyDirectory();
    }

    // --- a missing home -------------------------------------------------------------------------------

    @Test
    void aMissingHomeIsRefusedByMigrateAndDryRunAndNothingIsCreated() {
        Path home = user.resolve("nope/deeper");
        String refusal = "telec: " + home + ": no such home (nothing to migrate; --create-home creates it)" + NL;

        Result real = telec("migrate", "--home", home.toString(), "--migrations", MYAPP_STEPS.toString());
        Result dry = telec("migrate", "--dry-run", "--home", home.toString(), "--migrations", MYAPP_STEPS.toString());

        assertThat(real.code()).isEqualTo(1);
        assertThat(real.err()).isEqualTo(refusal);
        assertThat(dry.code()).isEqualTo(1);
        assertThat(dry.err()).isEqualTo(refusal);
        assertThat(user.resolve("nope")).doesNotExist();
    }

    @Test
    void createHomeCreatesAMissingHomeWithItsParentsButADryRunNever() throws Exception {
        Path home = user.resolve("new/home");

        Result dry = telec("migrate", "--dry-run", "--create-home", "--home", home.toString(), "--migrations", MYAPP_STEPS.toString());
        assertThat(dry.code()).isZero();
        assertThat(user.resolve("new")).doesNotExist();

        Result real = telec("migrate", "--create-home", "--home", home.toString(), "--migrations", MYAPP_STEPS.toString(), "--quiet");
        assertThat(real.code()).isZero();
        assertThat(state(home).get("app").asText()).isEqualTo("myapp");
    }
}
