package dev.telec.migrate.internal.adapter.in.cli;

import dev.telec.migrate.internal.adapter.out.fs.Sizes;
import dev.telec.migrate.internal.adapter.out.script.Durations;
import dev.telec.migrate.domain.Version;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values the verbs share, with the usage error quoting what was typed. */
final class Converters {

    private Converters() {
    }

    /** A parser's {@link IllegalArgumentException} as picocli's usage error, its message unchanged. */
    private abstract static class Parsed<T> implements ITypeConverter<T> {
        private final Function<String, T> parser;

        Parsed(Function<String, T> parser) {
            this.parser = parser;
        }

        @Override
        public T convert(String value) {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code 1.2.3}, {@code v1.2.3}. */
    static final class VersionConverter extends Parsed<Version> {
        VersionConverter() {
            super(Version::parse);
        }
    }

    /** {@code 90s}, {@code 2m}, {@code 1h}. */
    static final class DurationConverter extends Parsed<Duration> {
        DurationConverter() {
            super(Durations::parse);
        }
    }

    /** {@code 1048576}, {@code 512K}, {@code 256M}, {@code 1G} (also KiB/MiB/GiB, KB/MB/GB: all binary). */
    static final class SizeConverter extends Parsed<Long> {
        SizeConverter() {
            super(Sizes::parse);
        }
    }
}
