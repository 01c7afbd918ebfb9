package dev.telec.migrate.internal.adapter.out.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telec.migrate.internal.adapter.out.fs.AtomicFiles;
import dev.telec.migrate.spi.DurabilityBarrier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code convert}: satisfied when {@code from} is absent. The target is written atomically, read back and
 * compared before the source is deleted; a target already holding the same data (an interrupted run)
 * just has the source deleted; one holding different data is a conflict.
 */
record Convert(HomePattern from, DocumentFormat fromFormat, HomePattern to, DocumentFormat toFormat) implements Operation {
    @Override
    public List<HomePattern> sources() {
        return List.of(from);
    }

    @Override
    public boolean satisfied(Path home) throws IOException {
        return FileOperations.noneExists(from, home);
    }

    @Override
    public void apply(Path home, DurabilityBarrier durability) throws IOException {
        // every conflict is found before anything is converted, so that a glob is not left half-done
        for (HomePattern.Match m : from.matches(home)) {
            LoadedDocument source = LoadedDocument.load(m.path(), fromFormat);
            LoadedDocument existing = source == null ? null : LoadedDocument.load(to.resolve(home, m.captures()), toFormat);
            if (existing != null && !LoadedDocument.sameData(existing.document().data(), source.document().data())) {
                throw new OperationFailure("both " + m.path() + " and " + existing.file() + " exist and hold different data; keep one of them by hand");
            }
        }
        for (HomePattern.Match m : from.matches(home)) {
            LoadedDocument source = LoadedDocument.load(m.path(), fromFormat);
            if (source == null) continue;
            Path target = to.resolve(home, m.captures());
            if (target.equals(m.path())) throw new OperationFailure("convert from and to are the same file " + target);
            JsonNode data = source.document().data();
            LoadedDocument existing = LoadedDocument.load(target, toFormat);
            if (existing != null) {
                if (!LoadedDocument.sameData(existing.document().data(), data)) {
                    throw new OperationFailure("both " + m.path() + " and " + target + " exist and hold different data; keep one of them by hand");
                }
                Files.delete(m.path());
                FileOperations.sync(durability, m.path().getParent()); // the source's removal, durable before the record
                continue;
            }
            byte[] bytes = toFormat.of(data).bytes();
            FileOperations.createParents(home, target, durability);
            AtomicFiles.write(target, bytes, FileOperations.permissionsOf(m.path()));
            LoadedDocument written = LoadedDocument.load(target, toFormat);
            if (!LoadedDocument.sameData(written.document().data(), data)) {
                Files.delete(target);
                throw new OperationFailure("the " + toFormat.label() + " written for " + m.path()
                        + " does not read back as the same data; removed " + target + " and kept the source");
            }
            Files.delete(m.path());
            FileOperations.sync(durability, m.path().getParent());
        }
    }
}
