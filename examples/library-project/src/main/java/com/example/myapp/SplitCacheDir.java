package com.example.myapp;

import dev.telec.migrate.spi.Migration;
import dev.telec.migrate.spi.MigrationContext;
import java.nio.file.Files;
import java.nio.file.Path;

/** A step in Java: creates {@code var/cache/}, moving an old top-level {@code cache/} there when there is one. */
public class SplitCacheDir implements Migration {

    @Override
    public boolean check(MigrationContext context) {
        return Files.isDirectory(context.home().resolve("var/cache"));
    }

    @Override
    public boolean migrate(MigrationContext context) throws Exception {
        Path old = context.home().resolve("cache");
        Path target = context.home().resolve("var/cache");
        Files.createDirectories(target.getParent());
        if (Files.isDirectory(old)) {
            Files.move(old, target);
        } else {
            Files.createDirectory(target);
        }
        return true;
    }
}
