package com.example.myapp;

import dev.telec.migrate.Telec;
import dev.telec.migrate.api.TelecException;
import dev.telec.migrate.application.port.in.MigrateCommand;
import dev.telec.migrate.application.port.in.StepSource;
import dev.telec.migrate.domain.MigrationReport;
import java.nio.file.Path;

/** What myapp's updater does after installing a new release: bring the home's files up to date. */
public final class Updater {

    /** myapp's own steps: this class-path root of this jar, nothing else. */
    static final StepSource STEPS = StepSource.classPath("myapp/migrations/", Updater.class.getClassLoader());

    private Updater() {
    }

    public static MigrationReport upgrade(Path home) {
        return Telec.migrator().migrate(MigrateCommand.of(home, STEPS));
    }

    public static void main(String[] args) {
        try {
            MigrationReport report = upgrade(Path.of(args[0]));
            if (!report.succeeded()) {
                System.err.println("myapp: upgrade halted: " + report.error().orElse("?"));
                System.exit(1);
            }
        } catch (TelecException e) {
            System.err.println("myapp: " + e.getMessage());
            System.exit(1);
        }
    }
}
