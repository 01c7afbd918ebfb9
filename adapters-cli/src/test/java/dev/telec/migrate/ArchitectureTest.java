package dev.telec.migrate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.telec.migrate.application.port.in.StepSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of the hexagon, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static final JavaClasses TELEC = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // other modules' test classes come in a test jar, which the predefined option does not recognise
            .withImportOption(location -> !location.asURI().toString().contains("-tests.jar"))
            .importPackages("dev.telec");

    @Test
    void domainDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.telec.migrate.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.telec.migrate.domain..", "java..")
                .check(TELEC);
    }

    @Test
    void applicationDependsOnTheDomainAndTheJdkOnly() {
        classes().that().resideInAnyPackage("dev.telec.migrate.internal.application..", "dev.telec.migrate.application.port.in..",
                        "dev.telec.migrate.spi..", "dev.telec.migrate.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.telec.migrate.internal.application..",
                        "dev.telec.migrate.application.port.in..",
                        "dev.telec.migrate.spi..", "dev.telec.migrate.api..", "dev.telec.migrate.domain..", "java..")
                .check(TELEC);
    }

    @Test
    void nothingButTheCommandLineKnowsGuiceOrPicocli() {
        noClasses().that().resideOutsideOfPackages("dev.telec.migrate.internal.adapter.in..", "dev.telec.migrate")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "picocli..", "jakarta.inject..")
                .check(TELEC);
    }

    @Test
    void bundledStepsUseOnlyTheStepContractAndTheKit() {
        noClasses().that().resideInAPackage("dev.telec.migrations..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.telec.migrate.internal..", "dev.telec.migrate.application..", "dev.telec.migrate.domain..")
                .check(TELEC);
    }

    /** Where durable writes and the other helpers every file-system adapter shares live: the one allowed meeting place. */
    private static final String SHARED = "dev.telec.migrate.internal.adapter.out.fs..";

    /**
     * The step engines: they turn a manifest entry into a step (declarative operations, scripts). Not adapters
     * of a port: the manifest adapter builds its steps with them.
     */
    private static final String[] STEP_ENGINES = {"dev.telec.migrate.internal.adapter.out.operations..", "dev.telec.migrate.internal.adapter.out.script.."};

    /** What step authors and library callers compile against (see docs/architecture.md). */
    private static final String[] PUBLIC_API = {"dev.telec.migrate.api..", "dev.telec.migrate.spi..", "dev.telec.migrate.kit..",
        "dev.telec.migrate.application.port.in..", "dev.telec.migrate.domain..", "dev.telec.migrate"};

    @Test
    void adaptersMeetOnlyThroughTheApplicationsPortsAndTheSharedFileHelpers() {
        slices().matching("dev.telec.migrate.internal.adapter.out.(*)..").should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAPackage(SHARED))
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("dev.telec.migrate.internal.adapter.out.manifest.."),
                        JavaClass.Predicates.resideInAnyPackage(STEP_ENGINES))
                .because("adapters are swapped one by one; what they share goes in adapter.out.fs, a step engine is"
                        + " used by the manifest adapter only")
                .check(TELEC);
    }

    @Test
    void theOutgoingPortsAreInterfacesAndTheirValuesLiveApart() {
        classes().that().resideInAPackage("dev.telec.migrate.internal.application.port.out..").and().areTopLevelClasses()
                .should().beInterfaces()
                .because("a value the ports pass (Manifest, AppProfile) is not a port: it lives in application.manifest")
                .check(TELEC);
    }

    @Test
    void outgoingAdaptersDoNotUseTheIncomingPorts() {
        // StepSource is the one value both a command (in) and the Manifests port (out) carry: where steps come from
        noClasses().that().resideInAnyPackage("dev.telec.migrate.internal.adapter.out..", "dev.telec.migrate.kit..")
                .should().dependOnClassesThat(resideInAPackage("dev.telec.migrate.application.port.in..")
                        .and(not(type(StepSource.class)).and(not(belongTo(type(StepSource.class))))))
                .because("the use cases call the adapters, never the other way round")
                .check(TELEC);
    }

    @Test
    void thePublicApiExposesNoAdapterType() {
        ArchCondition<JavaCodeUnit> noAdapterTypes = new ArchCondition<>("expose no adapter type in its signature") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
                types.add(unit.getRawReturnType());
                for (JavaClass type : types) {
                    if (type.getPackageName().startsWith("dev.telec.migrate.internal.adapter")) {
                        events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + type.getName()));
                    }
                }
            }
        };
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits().that().arePublic()
                .and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideInAnyPackage(PUBLIC_API)
                .should(noAdapterTypes)
                .check(TELEC);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields().that().arePublic()
                .and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideInAnyPackage(PUBLIC_API)
                .should().haveRawType(DescribedPredicate.describe("a type outside the adapters",
                        (JavaClass type) -> !type.getPackageName().startsWith("dev.telec.migrate.internal.adapter")))
                .check(TELEC);
    }

    /** A string literal that names a command-line flag: {@code "pass --allow-downgrade"}. */
    private static final Pattern FLAG_IN_A_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*?(?<![\\w-])--[a-z][a-z-]+(?:[^\"\\\\]|\\\\.)*\"");

    @Test
    void nothingInTheDomainOrTheApplicationSpeaksOfCommandLineFlags() throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : List.of("domain", "application")) {
            Path sources = Path.of("..", module, "src", "main", "java");
            assertThat(sources).as("the sources of " + module + " (tests run from their module's directory)").isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) continue;
                        Matcher m = FLAG_IN_A_STRING.matcher(line);
                        if (m.find()) found.add(sources.relativize(file) + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("flags are the command line's words: it adds them when it renders an error").isEmpty();
    }

    /**
     * Static fields that hold something mutable, each with why it cannot change behaviour; also in
     * docs/architecture.md ("Static state"). Anything else mutable and static in main code fails
     * {@link #mainCodeHasNoStaticMutableState()}.
     */
    static final Map<String, String> STATIC_STATE_ALLOWED = Map.ofEntries(
            Map.entry("dev.telec.migrate.internal.adapter.out.manifest.Checksums.PROTOTYPE",
                    "a MessageDigest only cloned, never updated itself: each checksum digests in its own clone"),
            Map.entry("dev.telec.migrate.internal.adapter.out.lock.FileHomeLocks.HELD_BY_THIS_PROCESS",
                    "the JVM holds file locks per process, not per FileHomeLocks: every instance in it must see the homes"
                            + " this process holds (an entry lives exactly as long as its lock)"),
            Map.entry("dev.telec.migrate.internal.adapter.out.fs.AtomicFiles.RANDOM",
                    "draws temporary files' names only: any value is as good as another"),
            Map.entry("dev.telec.migrate.internal.adapter.out.backup.Modes.ORDER",
                    "a private array of the nine permission bits in order, only read"),
            Map.entry("dev.telec.migrate.internal.adapter.in.cli.Interruption.SIGNALS",
                    "a private array of two signal names, only read"),
            Map.entry("dev.telec.migrate.internal.adapter.out.state.StateJournal.CRC_KEY",
                    "the private bytes of a journal line's \",\"crc\":\"\" key, only read"));

    /** Types whose instances change after they are built: a static one is state shared by every run in the JVM. */
    private static final List<Class<?>> MUTABLE_TYPES = List.of(java.util.Collection.class, Map.class, Iterator.class,
            java.security.MessageDigest.class, java.util.Random.class, StringBuilder.class, StringBuffer.class,
            java.util.BitSet.class, java.nio.Buffer.class, java.util.Date.class, java.util.Calendar.class,
            ThreadLocal.class, java.lang.ref.Reference.class);

    @Test
    void mainCodeHasNoStaticMutableState() {
        List<String> found = new ArrayList<>();
        for (JavaClass owner : TELEC) {
            if (owner.getPackageName().startsWith("dev.telec.bench")) continue;
            for (JavaField field : owner.getFields()) {
                if (!field.getModifiers().contains(JavaModifier.STATIC) || field.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                    continue;
                }
                if (owner.isEnum() && field.getRawType().equals(owner)) continue; // an enum's constants
                String name = owner.getName() + "." + field.getName();
                String why = mutability(field);
                if (why != null && !STATIC_STATE_ALLOWED.containsKey(name)) found.add(name + ": " + why);
            }
        }
        assertThat(found).as("static state is shared by every run in the JVM (a library caller's too): pass it in, "
                + "or allow it in STATIC_STATE_ALLOWED with the reason it cannot change behaviour").isEmpty();
        List<String> stale = STATIC_STATE_ALLOWED.keySet().stream()
                .filter(name -> TELEC.stream().flatMap(c -> c.getFields().stream())
                        .noneMatch(f -> (f.getOwner().getName() + "." + f.getName()).equals(name))).toList();
        assertThat(stale).as("allowed static state that no longer exists").isEmpty();
    }

    /** Why a static field is mutable state, or null when it is not. */
    private static String mutability(JavaField field) {
        if (!field.getModifiers().contains(JavaModifier.FINAL)) return "not final";
        JavaClass type = field.getRawType();
        if (type.isArray()) return "an array";
        if (type.getPackageName().startsWith("java.util.concurrent.atomic")) return "an atomic";
        if (type.getSimpleName().endsWith("Cache")) return "a cache";
        for (Class<?> mutable : MUTABLE_TYPES) {
            if (!type.isAssignableTo(mutable)) continue;
            if ((java.util.Collection.class.isAssignableFrom(mutable) || Map.class.isAssignableFrom(mutable))
                    && unmodifiable(field)) {
                return null; // List.of, Set.copyOf, Collections.unmodifiable...: a constant
            }
            return "a " + mutable.getSimpleName();
        }
        return null;
    }

    /** Whether the field's value is one of the JDK's unmodifiable collections (read from the loaded class). */
    private static boolean unmodifiable(JavaField field) {
        try {
            java.lang.reflect.Field f = field.reflect();
            f.setAccessible(true);
            Object value = f.get(null);
            String kind = value == null ? "" : value.getClass().getName();
            return kind.startsWith("java.util.ImmutableCollections$") || kind.startsWith("java.util.Collections$Unmodifiable")
                    || kind.startsWith("java.util.Collections$Empty") || kind.startsWith("java.util.Collections$Singleton");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * The packages whose public types step authors and library callers compile against (docs/architecture.md,
     * "The public API"): what they mention in a public or protected signature is in these packages or the JDK's.
     */
    static final List<String> PUBLIC_PACKAGES = List.of("dev.telec.migrate", "dev.telec.migrate.api", "dev.telec.migrate.spi",
            "dev.telec.migrate.kit", "dev.telec.migrate.domain", "dev.telec.migrate.application.port.in");

    /** The libraries the kit's signatures name on purpose: step authors edit a Jackson tree or SnakeYAML's nodes with it. */
    static final List<String> KIT_LIBRARY_PACKAGES = List.of("com.fasterxml.jackson.databind", "org.yaml.snakeyaml.nodes");

    private static boolean inThePublicApi(JavaClass owner, JavaClass type) {
        JavaClass base = type;
        while (base.isArray()) base = base.getComponentType();
        if (owner.getPackageName().equals("dev.telec.migrate.kit") && KIT_LIBRARY_PACKAGES.contains(base.getPackageName())) return true;
        return base.isPrimitive() || base.getPackageName().startsWith("java.") || PUBLIC_PACKAGES.contains(base.getPackageName());
    }

    /** Whether a type is seen from outside: public, and (when nested) in a type seen from outside. */
    private static boolean seenFromOutside(JavaClass type) {
        if (!type.getModifiers().contains(JavaModifier.PUBLIC)) return false;
        return type.getEnclosingClass().map(ArchitectureTest::seenFromOutside).orElse(true);
    }

    private static boolean exposed(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    @Test
    void thePublicApiMentionsOnlyThePublicPackagesAndTheJdk() {
        List<String> found = new ArrayList<>();
        for (JavaClass type : TELEC) {
            if (!PUBLIC_PACKAGES.contains(type.getPackageName()) || !seenFromOutside(type)) continue;
            Map<String, Set<JavaClass>> mentions = new java.util.LinkedHashMap<>();
            mentions.put("supertype", new java.util.LinkedHashSet<>());
            type.getSuperclass().ifPresent(s -> mentions.get("supertype").addAll(s.getAllInvolvedRawTypes()));
            type.getInterfaces().forEach(i -> mentions.get("supertype").addAll(i.getAllInvolvedRawTypes()));
            for (JavaField field : type.getFields()) {
                if (exposed(field.getModifiers()) && !field.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                    mentions.computeIfAbsent(field.getName(), k -> new java.util.LinkedHashSet<>()).addAll(field.getType().getAllInvolvedRawTypes());
                }
            }
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                if (!exposed(unit.getModifiers()) || unit.getModifiers().contains(JavaModifier.SYNTHETIC)
                        || unit.getModifiers().contains(JavaModifier.BRIDGE) || unit.getName().equals("<clinit>")) {
                    continue;
                }
                Set<JavaClass> types = new java.util.LinkedHashSet<>();
                unit.getParameterTypes().forEach(p -> types.addAll(p.getAllInvolvedRawTypes()));
                types.addAll(unit.getReturnType().getAllInvolvedRawTypes());
                unit.getThrowsClause().getTypes().forEach(t -> types.add(t));
                mentions.put(unit.getName() + unit.getRawParameterTypes().stream().map(JavaClass::getSimpleName).toList(), types);
            }
            mentions.forEach((where, types) -> types.stream().filter(t -> !inThePublicApi(type, t)).forEach(t ->
                    found.add(type.getName() + " " + where + " mentions " + t.getName())));
        }
        assertThat(found).as("a public signature in the public packages names an internal type").isEmpty();
    }

    @Test
    void everythingOutsideThePublicPackagesIsInAnInternalPackage() {
        List<String> found = TELEC.stream()
                .filter(c -> c.getPackageName().startsWith("dev.telec.migrate"))
                .filter(c -> !c.getPackageName().startsWith("dev.telec.migrations"))
                .filter(c -> !PUBLIC_PACKAGES.contains(c.getPackageName()))
                .filter(c -> !c.getPackageName().startsWith("dev.telec.migrate.internal."))
                .map(JavaClass::getName).distinct().sorted().toList();
        assertThat(found).as("a package that is not public is named internal (docs/architecture.md)").isEmpty();
    }

    /** A public type's declaration, and whether a Javadoc comment ends right above it (annotations between). */
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^\\s*public\\s+(?:(?:final|abstract|sealed|non-sealed|static|strictfp)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)");

    @Test
    void everyPublicTypeOfThePublicPackagesHasJavadoc() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String module : List.of("domain", "application", "adapters-fs", "library")) {
            Path sources = Path.of("..", module, "src", "main", "java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String pkg = sources.relativize(file.getParent()).toString().replace('/', '.');
                    if (!PUBLIC_PACKAGES.contains(pkg)) continue;
                    List<String> lines = Files.readAllLines(file);
                    if (file.getFileName().toString().equals("package-info.java")) continue;
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = PUBLIC_TYPE.matcher(lines.get(i));
                        if (!m.find()) continue;
                        int j = i - 1;
                        while (j >= 0 && lines.get(j).strip().startsWith("@")) j--;
                        if (j < 0 || !lines.get(j).strip().endsWith("*/")) missing.add(pkg + "." + m.group(1) + " (" + file.getFileName() + ":" + (i + 1) + ")");
                    }
                }
            }
        }
        assertThat(missing).as("public types of the public packages without Javadoc").isEmpty();
        for (String pkg : PUBLIC_PACKAGES) {
            boolean documented = Stream.of("domain", "application", "adapters-fs", "library").map(module ->
                    Path.of("..", module, "src", "main", "java").resolve(pkg.replace('.', '/')).resolve("package-info.java"))
                    .anyMatch(Files::isRegularFile);
            assertThat(documented).as("package-info.java of " + pkg).isTrue();
        }
    }
}
