package dev.telec.migrate.adapter.in.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.telec.migrate.adapter.out.backup.FileBackups;
import dev.telec.migrate.adapter.out.lock.FileHomeLocks;
import dev.telec.migrate.adapter.out.manifest.FileManifests;
import dev.telec.migrate.adapter.out.sandbox.DiskSandbox;
import dev.telec.migrate.adapter.out.sandbox.JimfsSandbox;
import dev.telec.migrate.adapter.out.script.ScriptHost;
import dev.telec.migrate.adapter.out.state.JsonStateStore;
import dev.telec.migrate.application.MigrationRunner;
import dev.telec.migrate.application.Migrator;
import dev.telec.migrate.application.Restorer;
import dev.telec.migrate.application.SimulatingMigrator;
import dev.telec.migrate.application.MarkService;
import dev.telec.migrate.application.RepairService;
import dev.telec.migrate.application.StampService;
import dev.telec.migrate.application.StatusService;
import dev.telec.migrate.application.ValidateService;
import dev.telec.migrate.application.port.in.MarkUseCase;
import dev.telec.migrate.application.port.in.DryRunUseCase;
import dev.telec.migrate.application.port.in.FindAppProfile;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.application.port.in.RestoreUseCase;
import dev.telec.migrate.application.port.out.Backups;
import dev.telec.migrate.application.port.in.RepairUseCase;
import dev.telec.migrate.application.port.in.StampUseCase;
import dev.telec.migrate.application.port.in.StatusUseCase;
import dev.telec.migrate.application.port.in.ValidateUseCase;
import dev.telec.migrate.application.port.out.HomeLocks;
import dev.telec.migrate.application.port.out.Manifests;
import dev.telec.migrate.application.port.out.Sandbox;
import dev.telec.migrate.application.port.out.StateStore;
import java.time.Clock;

/**
 * The production wiring: manifests, state and the home's lock on the filesystem, the system clock. Side-effect free and
 * lazy: nothing is built until a command asks for it.
 */
public final class TelecModule extends AbstractModule {

    @Provides
    @Singleton
    Manifests manifests(ScriptHost scripts) {
        return new FileManifests(scripts);
    }

    @Provides
    @Singleton
    ScriptHost scriptHost() {
        return ScriptHost.system();
    }

    @Provides
    @Singleton
    StateStore stateStore() {
        return new JsonStateStore();
    }

    @Provides
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    HomeLocks homeLocks(Clock clock) {
        return new FileHomeLocks(clock);
    }

    @Provides
    @Singleton
    Sandbox sandbox() {
        return new JimfsSandbox();
    }

    @Provides
    @Singleton
    MigrationRunner runner(Manifests manifests, StateStore stateStore, Clock clock, HomeLocks locks, Backups backups) {
        return new MigrationRunner(manifests, stateStore, clock, locks, backups);
    }

    @Provides
    @Singleton
    Backups backups(Clock clock) {
        return new FileBackups(clock);
    }

    @Provides
    @Singleton
    RestoreUseCase restoreUseCase(Backups backups, HomeLocks locks) {
        return new Restorer(backups, locks);
    }

    @Provides
    @Singleton
    DryRunUseCase dryRunUseCase(MigrationRunner runner, Sandbox sandbox) {
        return new SimulatingMigrator(runner, sandbox, new DiskSandbox());
    }

    @Provides
    @Singleton
    MigrateUseCase migrateUseCase(MigrationRunner runner, DryRunUseCase dryRuns) {
        return new Migrator(runner, dryRuns);
    }

    @Provides
    @Singleton
    StatusUseCase statusUseCase(Manifests manifests, StateStore stateStore) {
        return new StatusService(manifests, stateStore);
    }

    @Provides
    @Singleton
    ValidateUseCase validateUseCase(Manifests manifests, StateStore stateStore) {
        return new ValidateService(manifests, stateStore);
    }

    @Provides
    @Singleton
    StampUseCase stampUseCase(Manifests manifests, StateStore stateStore, Clock clock, HomeLocks locks) {
        return new StampService(manifests, stateStore, clock, locks);
    }

    @Provides
    @Singleton
    MarkUseCase markUseCase(Manifests manifests, StateStore stateStore, Clock clock, HomeLocks locks) {
        return new MarkService(manifests, stateStore, clock, locks);
    }

    @Provides
    @Singleton
    RepairUseCase repairUseCase(Manifests manifests, StateStore stateStore, Clock clock, HomeLocks locks) {
        return new RepairService(manifests, stateStore, clock, locks);
    }

    @Provides
    FindAppProfile findAppProfile(Manifests manifests) {
        return manifests::profile;
    }

    @Provides
    Environment environment() {
        return Environment.system();
    }
}
