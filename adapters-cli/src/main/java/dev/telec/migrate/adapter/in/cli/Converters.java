package dev.telec.migrate.adapter.in.cli;

import dev.telec.migrate.adapter.out.script.Durations;
import dev.telec.migrate.domain.Version;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values the verbs share, with the usage error quoting what was typed. */
final class Converters {

    private Converters() {
    }

    /** {@code 1.2.3}, {@code v1.2.3}. */
    static final class VersionConverter implements ITypeConverter<Version> {
        @Override
        public Version convert(String value) {
            try {
                return Version.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code 90s}, {@code 2m}, {@code 1h}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
