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
import java.util.List;
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
        classes().that().resideInAnyPackage("dev.telec.migrate.application..", "dev.telec.migrate.spi..", "dev.telec.migrate.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.telec.migrate.application..",
                        "dev.telec.migrate.spi..", "dev.telec.migrate.api..", "dev.telec.migrate.domain..", "java..")
                .check(TELEC);
    }

    @Test
    void nothingButTheCommandLineKnowsGuiceOrPicocli() {
        noClasses().that().resideOutsideOfPackages("dev.telec.migrate.adapter.in..", "dev.telec.migrate")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "picocli..", "jakarta.inject..")
                .check(TELEC);
    }

    @Test
    void bundledStepsUseOnlyTheStepContractAndTheKit() {
        noClasses().that().resideInAPackage("dev.telec.migrations..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.telec.migrate.application..", "dev.telec.migrate.adapter..", "dev.telec.migrate.domain..")
                .check(TELEC);
    }

    /** Where durable writes and the other helpers every file-system adapter shares live: the one allowed meeting place. */
    private static final String SHARED = "dev.telec.migrate.adapter.out.fs..";

    /**
     * The step engines: they turn a manifest entry into a step (declarative operations, scripts). Not adapters
     * of a port: the manifest adapter builds its steps with them.
     */
    private static final String[] STEP_ENGINES = {"dev.telec.migrate.adapter.out.operations..", "dev.telec.migrate.adapter.out.script.."};

    /** What step authors and library callers compile against (see docs/architecture.md). */
    private static final String[] PUBLIC_API = {"dev.telec.migrate.api..", "dev.telec.migrate.spi..", "dev.telec.migrate.kit..",
        "dev.telec.migrate.application.port.in..", "dev.telec.migrate.domain..", "dev.telec.migrate"};

    @Test
    void adaptersMeetOnlyThroughTheApplicationsPortsAndTheSharedFileHelpers() {
        slices().matching("dev.telec.migrate.adapter.out.(*)..").should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAPackage(SHARED))
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("dev.telec.migrate.adapter.out.manifest.."),
                        JavaClass.Predicates.resideInAnyPackage(STEP_ENGINES))
                .because("adapters are swapped one by one; what they share goes in adapter.out.fs, a step engine is"
                        + " used by the manifest adapter only")
                .check(TELEC);
    }

    @Test
    void theOutgoingPortsAreInterfacesAndTheirValuesLiveApart() {
        classes().that().resideInAPackage("dev.telec.migrate.application.port.out..").and().areTopLevelClasses()
                .should().beInterfaces()
                .because("a value the ports pass (Manifest, AppProfile) is not a port: it lives in application.manifest")
                .check(TELEC);
    }

    @Test
    void outgoingAdaptersDoNotUseTheIncomingPorts() {
        // StepSource is the one value both a command (in) and the Manifests port (out) carry: where steps come from
        noClasses().that().resideInAnyPackage("dev.telec.migrate.adapter.out..", "dev.telec.migrate.kit..")
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
                    if (type.getPackageName().startsWith("dev.telec.migrate.adapter")) {
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
                        (JavaClass type) -> !type.getPackageName().startsWith("dev.telec.migrate.adapter")))
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
}
