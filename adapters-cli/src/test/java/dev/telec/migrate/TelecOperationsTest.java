package dev.telec.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telec.migrate.application.port.in.MarkCommand;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.RepairCommand;
import dev.telec.migrate.application.port.in.StampCommand;
import dev.telec.migrate.application.port.in.StatusCommand;
import dev.telec.migrate.application.port.in.ValidateCommand;
import dev.telec.migrate.domain.HomeStatus;
import dev.telec.migrate.domain.StepStatus;
import dev.telec.migrate.domain.Version;
import dev.telec.migrate.steps.MarkerStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator verbs through the library entry point, on real directories and the production adapters. */
class TelecOperationsTest {

    @TempDir
    Path tmp;

    @Test
    void anInstallerStampsAFreshHomeAndAnUpdaterSeesWhatIsPending() throws IOException {
        Path manifest = tmp.resolve("manifest");
        for (String entry : new String[] {"v1.0.0/001_a.yaml", "v1.1.0/001_b.yaml"}) {
            Files.createDirectories(manifest.resolve(entry).getParent());
            Files.writeString(manifest.resolve(entry), "class: " + MarkerStep.class.getName() + "\n");
        }
        Path home = tmp.resolve("home");
        Telec.Operations ops = Telec.operations();

        ops.stamp().stamp(StampCommand.of(home, Version.parse("1.0.0")).migrations(manifest));
        HomeStatus status = ops.status().status(StatusCommand.of(home).migrations(manifest));

        assertThat(status.steps()).extracting(StepStatus::state).containsExactly(StepStatus.State.APPLIED, StepStatus.State.PENDING);
        assertThat(ops.validate().validate(new ValidateCommand(Optional.of(home), Optional.of(manifest), false)).valid()).isTrue();

        Telec.migrator().migrate(MigrateCommand.of(home).migrations(manifest));
        ops.mark().mark(MarkCommand.of(home, MarkCommand.As.PENDING, "1.1.0/001_b").migrations(manifest));
        assertThat(ops.status().status(StatusCommand.of(home).migrations(manifest)).count(StepStatus.State.IGNORED)).isEqualTo(1);
        assertThat(ops.repair().repair(RepairCommand.of(home).migrations(manifest)).changed()).isFalse();
    }
}
