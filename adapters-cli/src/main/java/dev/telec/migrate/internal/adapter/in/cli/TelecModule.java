package dev.telec.migrate.internal.adapter.in.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import dev.telec.migrate.internal.adapter.out.backup.FileBackups;
import dev.telec.migrate.internal.adapter.out.lock.FileHomeLocks;
import dev.telec.migrate.internal.adapter.out.manifest.FileManifests;
import dev.telec.migrate.internal.adapter.out.sandbox.DiskSandbox;
import dev.telec.migrate.internal.adapter.out.sandbox.JimfsSandbox;
import dev.telec.migrate.internal.adapter.out.script.ScriptHost;
import dev.telec.migrate.internal.adapter.out.state.JsonStateStore;
import dev.telec.migrate.internal.application.MigrationRunner;
import dev.telec.migrate.internal.application.Migrator;
import dev.telec.migrate.internal.application.Restorer;
import dev.telec.migrate.internal.application.SimulatingMigrator;
import dev.telec.migrate.internal.application.MarkService;
import dev.telec.migrate.internal.application.RepairService;
import dev.telec.migrate.internal.application.StampService;
import dev.telec.migrate.internal.application.StatusService;
import dev.telec.migrate.internal.application.ValidateService;
import dev.telec.migrate.application.port.in.MarkUseCase;
import dev.telec.migrate.application.port.in.DryRunUseCase;
import dev.telec.migrate.application.port.in.FindAppProfile;
import dev.telec.migrate.application.port.in.MigrateUseCase;
import dev.telec.migrate.application.port.in.RestoreUseCase;
import dev.telec.migrate.internal.application.port.out.Backups;
import dev.telec.migrate.application.port.in.RepairUseCase;
import dev.telec.migrate.application.port.in.StampUseCase;
import dev.telec.migrate.application.port.in.StatusUseCase;
import dev.telec.migrate.application.port.in.ValidateUseCase;
import dev.telec.migrate.internal.application.port.out.HomeLocks;
import dev.telec.migrate.internal.application.port.out.Manifests;
import dev.telec.migrate.internal.application.port.out.Sandbox;
import dev.telec.migrate.internal.application.port.out.StateStore;
import java.time.Clock;

/**
 * The production wiring: manifests, state and the home's lock on the filesystem, the system clock. Side-effect free and
 * lazy: nothing is built until a command asks for it.
 *
 * <p>Bindings to providers rather than {@code @Provides} methods: Guice finds those by reflection over the
 * module's methods and their annotations, which cost a fifth of a no-op's start-up (bench/breakdown.sh).
 */
public final class TelecModule extends AbstractModule {

    @Override
    protected void configure() {
        Provider<Clock> clock = getProvider(Clock.class);
        Provider<Manifests> manifests = getProvider(Manifests.class);
        Provider<StateStore> states = getProvider(StateStore.class);
        Provider<HomeLocks> locks = getProvider(HomeLocks.class);
        Provider<Backups> backups = getProvider(Backups.class);
        Provider<MigrationRunner> runner = getProvider(MigrationRunner.class);
        Provider<ScriptHost> scripts = getProvider(ScriptHost.class);

        bind(Clock.class).toProvider(of(Clock::systemUTC));
        bind(Environment.class).toProvider(of(Environment::system));
        bind(ScriptHost.class).toProvider(of(ScriptHost::system)).in(Singleton.class);
        bind(Manifests.class).toProvider(of(() -> new FileManifests(scripts.get()))).in(Singleton.class);
        bind(StateStore.class).toProvider(of(JsonStateStore::new)).in(Singleton.class);
        bind(HomeLocks.class).toProvider(of(() -> new FileHomeLocks(clock.get()))).in(Singleton.class);
        bind(Sandbox.class).toProvider(of(JimfsSandbox::new)).in(Singleton.class);
        bind(Backups.class).toProvider(of(() -> new FileBackups(clock.get()))).in(Singleton.class);
        bind(MigrationRunner.class).toProvider(of(() -> new MigrationRunner(manifests.get(), states.get(), clock.get(), locks.get(),
                backups.get()))).in(Singleton.class);
        bind(RestoreUseCase.class).toProvider(of(() -> new Restorer(backups.get(), locks.get(), states.get(), clock.get()))).in(Singleton.class);
        Provider<Sandbox> sandbox = getProvider(Sandbox.class);
        bind(DryRunUseCase.class).toProvider(of(() -> new SimulatingMigrator(runner.get(), sandbox.get(), new DiskSandbox())))
                .in(Singleton.class);
        Provider<DryRunUseCase> dryRuns = getProvider(DryRunUseCase.class);
        bind(MigrateUseCase.class).toProvider(of(() -> new Migrator(runner.get(), dryRuns.get()))).in(Singleton.class);
        bind(StatusUseCase.class).toProvider(of(() -> new StatusService(manifests.get(), states.get()))).in(Singleton.class);
        bind(ValidateUseCase.class).toProvider(of(() -> new ValidateService(manifests.get(), states.get(), dryRuns.get()))).in(Singleton.class);
        bind(StampUseCase.class).toProvider(of(() -> new StampService(manifests.get(), states.get(), clock.get(), locks.get())))
                .in(Singleton.class);
        bind(MarkUseCase.class).toProvider(of(() -> new MarkService(manifests.get(), states.get(), clock.get(), locks.get())))
                .in(Singleton.class);
        bind(RepairUseCase.class).toProvider(of(() -> new RepairService(manifests.get(), states.get(), clock.get(), locks.get())))
                .in(Singleton.class);
        bind(FindAppProfile.class).toProvider(of(() -> manifests.get()::profile));
    }

    /** A provider from a lambda (Guice has two provider types a lambda could be). */
    private static <T> Provider<T> of(Provider<T> provider) {
        return provider;
    }
}
